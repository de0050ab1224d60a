"""The foundation's contract, end to end: the corpus build's export, its evidence, merging across
documents, and the CLI as a user runs it (real subprocesses, documents written here)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from policygraph.graph.model import KnowledgeGraph
from policygraph.ontology import load_model

SCHEMA_PREDICATES = {
    "INVESTS_IN", "PARTNERS_WITH", "REGULATES", "RETALIATES_AGAINST", "IMPOSES", "TARGETS", "PARTY_TO",
    "NEGOTIATES", "SIGNS", "RATIFIES", "WITHDRAWS_FROM", "AMENDS", "AUTHORIZES", "EXEMPTS", "LEADS",
    "LOCATED_IN", "MEMBER_OF", "EXPORTS_TO", "COOPERATES_WITH", "OPERATES_IN",
}
SCHEMA_TYPES = {"Country", "USState", "GovernmentBody", "Person", "Firm", "InternationalOrganization",
                "Agreement", "Law", "Policy", "Sector", "Facility"}


def cli(*args, cwd=None, env=None):
    return subprocess.run([sys.executable, "-m", "policygraph.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=cwd, env={**os.environ, **(env or {})}, timeout=300)


# --- the corpus build --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def export(corpus_build):
    lines = (corpus_build.out / "facts.jsonl").read_text(encoding="utf-8").splitlines()
    recs = [json.loads(x) for x in lines if x.strip()]
    ents = {r["id"]: r for r in recs if r["kind"] == "entity"}
    rels = [r for r in recs if r["kind"] == "relation"]
    return ents, rels


def test_export_follows_the_schema(export):
    ents, rels = export
    assert ents and rels
    for e in ents.values():
        assert set(e) >= {"id", "name", "type", "aliases", "docs"}
        assert e["type"] in SCHEMA_TYPES, e
    for r in rels:
        assert set(r) >= {"id", "subject", "predicate", "object", "props", "confidence", "evidence"}
        assert r["predicate"] in SCHEMA_PREDICATES
        assert r["subject"] in ents and r["object"] in ents
        assert 0 < r["confidence"] <= 1
        assert r["evidence"], r
        if "amount_usd" in r["props"]:
            assert isinstance(r["props"]["amount_usd"], (int, float)) and r["props"]["amount_usd"] > 0
    assert len({r["id"] for r in rels}) == len(rels)


def test_every_quote_occurs_in_the_source_files(export, corpus_build):
    _, rels = export
    corpus = Path(__file__).resolve().parents[2] / "shared" / "corpus"
    raw = {p.stem: p.read_text(encoding="utf-8") for p in corpus.glob("*.txt")}
    as_read = {p.stem: p.read_text(encoding="utf-8") for p in (corpus_build.out / "documents").glob("*.txt")}
    checked = 0
    for r in rels:
        for ev in r["evidence"]:
            assert as_read[ev["doc"]][ev["start"]:ev["end"]] == ev["quote"]
            if ev["doc"] in raw:
                assert raw[ev["doc"]][ev["start"]:ev["end"]] == ev["quote"]
            checked += 1
    assert checked >= len(rels)


def test_the_build_passes_shacl(corpus_build):
    report = corpus_build.validate()
    assert report.conforms, report


def test_corpus_facts_an_analyst_expects(corpus_build):
    kg = corpus_build.kg
    name = {e.id: e.name for e in kg.entities.values()}
    triples = {(name[r.subject], r.predicate, name[r.object]): r for r in kg.relations.values()}
    hanwha = triples.get(("Hanwha Q Cells", "INVESTS_IN", "Georgia"))
    assert hanwha is not None and hanwha.props.get("amount_usd") == pytest.approx(2.5e9)
    assert ("Japan", "RETALIATES_AGAINST", "South Korea") in triples
    assert ("South Korea", "PARTY_TO", "KORUS FTA") in triples
    assert ("United States", "PARTY_TO", "KORUS FTA") in triples


# --- merging across documents ----------------------------------------------------------------------

def test_merging_aliases_and_evidence_across_documents(tmp_path):
    from policygraph.api import extract

    (tmp_path / "one.txt").write_text("Hanwha Q Cells invested $2.5 billion in Georgia in 2023.\n", encoding="utf-8")
    (tmp_path / "two.txt").write_text("The ROK welcomed it. In 2023, Hanwha Q Cells invested $2.5 billion "
                                      "in Georgia, officials said.\n", encoding="utf-8")
    kg = extract([tmp_path])[0]
    invests = [r for r in kg.relations.values() if r.predicate == "INVESTS_IN" and r.object.endswith("georgia")]
    assert len(invests) == 1, invests
    rel = invests[0]
    assert {ev.doc for ev in rel.evidence} == {"one", "two"}
    firm = kg.entities[rel.subject]
    assert firm.docs == {"one", "two"}
    korea = [e for e in kg.entities.values() if e.name == "South Korea"]
    assert len(korea) == 1 and "ROK" in korea[0].aliases


def test_model_merge_keeps_one_relation_and_raises_confidence():
    from policygraph.graph.model import Entity, Evidence, Relation

    kg = KnowledgeGraph()
    for doc in ("a", "b"):
        kg.add_entity(Entity("firm/x", "X", "Firm", {"X"}, {doc}))
        kg.add_entity(Entity("country/y", "Y", "Country", {"Y"}, {doc}))
        kg.add_relation(Relation("firm/x", "INVESTS_IN", "country/y", {"amount_usd": 1e9}, 0.6,
                                 [Evidence(doc, 0, 5, "X → Y")]))
    (rel,) = kg.relations.values()
    assert len(rel.evidence) == 2 and rel.confidence > 0.6
    kg.add_relation(Relation("firm/x", "INVESTS_IN", "country/y", {"amount_usd": 2e9}, 0.6,
                             [Evidence("c", 0, 5, "X → Y")]))
    assert len(kg.relations) == 2  # a different amount is a different fact


# --- the CLI as a user runs it ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    (folder / "plants.txt").write_text(
        "Toyota has invested $1.3 billion in a battery plant in North Carolina. "
        "Canada and Mexico are parties to the USMCA.\n", encoding="utf-8")
    (folder / "note.md").write_text("# Note\n\nIn 2019, Japan imposed export restrictions on South Korea.\n",
                                    encoding="utf-8")
    return folder


@pytest.mark.slow  # the CLI in fresh processes, with the spaCy model
def test_cli_build_export_stats_validate(small_corpus, tmp_path):
    out = tmp_path / "out"
    run = cli("build", small_corpus, "--out", out, "--quiet")
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""  # --quiet silences progress
    assert (out / "facts.jsonl").is_file() and (out / "graph.trig").is_file()

    exp = cli("export", "--out", out, "--format", "jsonl")
    assert exp.returncode == 0, exp.stderr
    recs = [json.loads(x) for x in exp.stdout.splitlines() if x.strip()]
    names = {r["id"]: r["name"] for r in recs if r["kind"] == "entity"}
    triples = {(names[r["subject"]], r["predicate"], names[r["object"]]) for r in recs if r["kind"] == "relation"}
    assert ("Toyota", "INVESTS_IN", "North Carolina") in triples

    ttl = cli("export", "--out", out, "--format", "ttl")
    assert ttl.returncode == 0 and "@prefix" in ttl.stdout

    stats = cli("stats", "--out", out)
    assert stats.returncode == 0, stats.stderr
    assert "INVESTS_IN" in stats.stdout

    val = cli("validate", "--out", out)
    assert val.returncode == 0, val.stderr + val.stdout


def test_cli_errors_are_one_line_without_traceback(tmp_path):
    run = cli("build", tmp_path / "missing", "--out", tmp_path / "out")
    assert run.returncode != 0
    assert "Traceback" not in run.stderr
    lines = [x for x in run.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and "missing" in lines[0], run.stderr
    run = cli("export", "--out", tmp_path / "nothing-built", "--format", "jsonl")
    assert run.returncode != 0 and "Traceback" not in run.stderr


# every command's --help has an example: tests/test_docs.py


def test_python_api_has_the_cli_shape(small_corpus, tmp_path):
    import policygraph

    g = policygraph.build([small_corpus], out=tmp_path / "out")
    assert {"subject", "predicate", "object"} <= set(g.relations.columns)
    assert {"id", "name", "type"} <= set(g.entities.columns)
    assert {"doc", "start", "end", "quote"} <= set(g.evidence.columns)
    assert g.stats()["documents"] == 2
    again = policygraph.open_build(tmp_path / "out")
    assert len(again.relations) == len(g.relations)


@pytest.mark.slow  # a build in a fresh process
def test_rules_only_path_still_builds(small_corpus, tmp_path):
    run = cli("build", small_corpus, "--out", tmp_path / "out", "--quiet", env={"POLICYGRAPH_NO_MODEL": "1"})
    assert run.returncode == 0, run.stderr
    text = (tmp_path / "out" / "facts.jsonl").read_text(encoding="utf-8")
    assert '"INVESTS_IN"' in text


def test_model_is_the_pinned_one():
    from policygraph.loaders.extract.nlp import load_nlp

    nlp = load_nlp()
    # the PyPI re-upload of the official en_core_web_sm 3.8.0 (see loaders/extract/nlp.py)
    assert nlp is not None and nlp.meta["version"] == "3.8.0" and nlp.meta["name"].startswith("core_web_sm")
    assert load_model().relations  # the ontology loads
