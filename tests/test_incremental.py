"""Incremental builds: the per-document cache, `add`, `remove`, `build --repair`, deterministic output."""
from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

import policygraph
from build_fixtures import assert_same_build, digest, store_dump, write_docs
from policygraph.builds import atomic, cache, validation
from policygraph.cli import main
from policygraph.console import PolicygraphError

RULES = dict(use_model=False)


def facts(out: Path) -> list[dict]:
    with open(out / "facts.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def relation(out: Path, subject: str, predicate: str, obj: str) -> dict | None:
    return next((r for r in facts(out) if r["kind"] == "relation" and r["subject"] == subject
                 and r["predicate"] == predicate and r["object"] == obj), None)


def entity_ids(out: Path) -> set[str]:
    return {r["id"] for r in facts(out) if r["kind"] == "entity"}


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    """alpha + beta built once, then gamma added; each state kept in its own directory."""
    root = tmp_path_factory.mktemp("incremental")
    src = write_docs(root / "src")
    out = root / "out"
    policygraph.build([src / "alpha.txt", src / "beta.txt"], out=out, **RULES)
    two = root / "two"
    shutil.copytree(out, two)
    added = policygraph.add([src / "gamma.md"], out=out, **RULES)
    three = root / "three"
    shutil.copytree(out, three)
    return root, src, out, two, three, added


def test_add_extracts_only_the_new_document(three):
    root, src, out, two, after, added = three
    assert added.added == ["gamma"] and added.extracted == ["gamma"]
    assert added.reused == ["alpha", "beta"]
    # the unchanged documents' cache entries are the previous build's files (hard links), not rewritten
    for sha in (json.loads((two / "documents.json").read_text())[i]["sha256"] for i in (0, 1)):
        assert (after / "cache" / f"{sha}.json").read_bytes() == (two / "cache" / f"{sha}.json").read_bytes()
    assert relation(after, "firm/samsung-electronics", "INVESTS_IN", "usstate/texas") is not None
    assert "firm/samsung-electronics" not in entity_ids(two)


def test_add_gives_the_same_build_as_building_from_scratch(three, tmp_path):
    root, src, out, two, after, _ = three
    fresh = tmp_path / "fresh"
    b = policygraph.build([src / "alpha.txt", src / "beta.txt", src / "gamma.md"], out=fresh, **RULES)
    assert b.extracted == ["alpha", "beta", "gamma"] and b.reused == []
    assert_same_build(after, fresh)


@pytest.mark.slow  # several builds (an add's determinism: test_add_gives_the_same_build...)
def test_remove_then_add_is_byte_identical(three, tmp_path):
    root, src, out, two, after, _ = three
    work = tmp_path / "out"
    shutil.copytree(after, work)
    b = policygraph.remove(["gamma"], out=work)
    assert b.removed == ["gamma"] and b.extracted == []
    assert_same_build(work, two)
    b = policygraph.add([src / "gamma.md"], out=work, **RULES)
    assert b.extracted == ["gamma"]
    assert_same_build(work, after)


def test_building_twice_is_byte_identical(three, tmp_path):
    root, src, *_ = three
    a, b = tmp_path / "a", tmp_path / "b"
    policygraph.build([src], out=a, **RULES)
    policygraph.build([src], out=b, **RULES)
    assert_same_build(a, b)
    before = digest(a)
    again = policygraph.build([src], out=a, **RULES)  # from the cache this time
    assert again.extracted == [] and again.reused == ["alpha", "beta", "gamma"]
    assert digest(a) == before


@pytest.mark.slow  # the spaCy model
def test_building_twice_with_the_model_is_byte_identical(tmp_path):
    src = write_docs(tmp_path / "src")
    a, b = tmp_path / "a", tmp_path / "b"
    policygraph.build([src], out=a, view=False)
    policygraph.build([src], out=b, view=False)
    assert_same_build(a, b)
    policygraph.remove(["beta"], out=a, view=False)
    policygraph.add([src / "beta.txt"], out=a, view=False)
    assert_same_build(a, b)


@pytest.mark.slow  # several builds
def test_rebuild_reextracts_only_changed_documents(three, tmp_path):
    root, src, *_ = three
    work_src = tmp_path / "src"
    shutil.copytree(src, work_src)
    out = tmp_path / "out"
    policygraph.build([work_src], out=out, **RULES)
    (work_src / "beta.txt").write_text("Japan imposed export controls on South Korea in 2019.\n", encoding="utf-8")
    b = policygraph.build([work_src], out=out, **RULES)
    assert b.extracted == ["beta"] and b.reused == ["alpha", "gamma"]
    assert "firm/sk-on" not in entity_ids(out)
    # the changed document's old cache entry is gone; the build holds one entry per document
    assert len(list((out / "cache").glob("*.json"))) == 3


def test_a_fact_stays_while_any_document_supports_it(three, tmp_path):
    root, src, out, two, after, _ = three
    work = tmp_path / "out"
    shutil.copytree(after, work)
    signs = ("country/united-states", "SIGNS", "agreement/korus-fta")
    both = relation(work, *signs)
    assert {e["doc"] for e in both["evidence"]} == {"alpha", "beta"}
    policygraph.remove(["alpha"], out=work)
    left = relation(work, *signs)
    assert left is not None and {e["doc"] for e in left["evidence"]} == {"beta"}
    assert left["confidence"] < both["confidence"]  # one supporting sentence fewer
    # alpha's own fact and its only entity are gone everywhere: facts, RDF, store, view, documents, cache
    assert relation(work, "firm/hyundai-motor-group", "INVESTS_IN", "usstate/georgia") is None
    assert "firm/hyundai-motor-group" not in entity_ids(work)
    assert "usstate/georgia" in entity_ids(work)  # beta still mentions Georgia
    for name in ("graph.nt", "graph.trig", "graph.ttl", "graph.jsonld", "view.html", "mentions.jsonl"):
        assert "hyundai-motor-group" not in (work / name).read_text(encoding="utf-8"), name
    assert not any("hyundai" in line for line in store_dump(work))
    assert not (work / "documents" / "alpha.txt").exists()
    assert [d["id"] for d in json.loads((work / "documents.json").read_text())] == ["beta", "gamma"]
    assert len(list((work / "cache").glob("*.json"))) == 2
    policygraph.remove(["beta"], out=work)
    assert relation(work, *signs) is None
    # (Samsung's money in Texas is in the United States too: gamma names the country through its state)
    assert entity_ids(work) == {"firm/samsung-electronics", "usstate/texas", "country/united-states"}


def test_open_build_and_query_after_add_and_remove(three):
    _, _, _, _, after, _ = three
    b = policygraph.open_build(after)
    df = b.query("MATCH (d:Document) RETURN d.id AS id ORDER BY id")
    assert df["id"].tolist() == ["alpha", "beta", "gamma"]
    df = b.query("MATCH (f:Firm)-[r:INVESTS_IN]->(s:USState) RETURN f.name AS firm, s.name AS state "
                 "ORDER BY firm")
    assert list(zip(df["firm"], df["state"])) == [("Hyundai Motor Group", "Georgia"), ("SK On", "Georgia"),
                                           ("Samsung Electronics", "Texas")]


def test_add_replaces_a_changed_document_and_skips_an_unchanged_one(three, tmp_path):
    root, src, out, two, after, _ = three
    work, work_src = tmp_path / "out", tmp_path / "src"
    shutil.copytree(after, work)
    shutil.copytree(src, work_src)
    b = policygraph.add([src / "gamma.md"], out=work, **RULES)  # the same file, unchanged
    assert b.added == [] and b.extracted == []
    assert any("already in the build as 'gamma', unchanged" in w for w in b.warnings)
    assert_same_build(work, after)
    (work_src / "gamma.md").write_text("Samsung Electronics invested $17 billion in Texas in 2021.\n"
                                       "LG Energy Solution invested $3 billion in Arizona in 2023.\n")
    b = policygraph.add([work_src / "gamma.md"], out=work, **RULES)
    assert b.added == ["gamma"] and b.extracted == ["gamma"]
    docs = json.loads((work / "documents.json").read_text())
    assert [d["id"] for d in docs] == ["alpha", "beta", "gamma"]
    assert next(d for d in docs if d["id"] == "gamma")["path"] == str(work_src / "gamma.md")
    assert relation(work, "firm/lg-energy-solution", "INVESTS_IN", "usstate/arizona") is not None


def test_remove_by_path_and_errors(three, tmp_path):
    root, src, out, two, after, _ = three
    work = tmp_path / "out"
    shutil.copytree(after, work)
    before = digest(work)
    with pytest.raises(PolicygraphError, match=r"^delta: no such document in .* \(its documents: alpha, beta, "
                                               r"gamma\)$"):
        policygraph.remove(["delta"], out=work)
    with pytest.raises(PolicygraphError, match="would leave .* with no documents"):
        policygraph.remove(["alpha", "beta", "gamma"], out=work)
    with pytest.raises(PolicygraphError, match="no build here"):
        policygraph.remove(["alpha"], out=tmp_path / "nothing")
    with pytest.raises(PolicygraphError, match="no build here"):
        policygraph.add([src / "gamma.md"], out=tmp_path / "nothing", **RULES)
    assert digest(work) == before
    b = policygraph.remove([str(src / "gamma.md")], out=work)
    assert b.removed == ["gamma"]
    assert_same_build(work, two)


def test_duplicate_content_under_two_names_shares_one_cache_entry(tmp_path):
    src = write_docs(tmp_path / "src", ["alpha.txt"])
    (src / "alpha-copy.txt").write_bytes((src / "alpha.txt").read_bytes())
    out = tmp_path / "out"
    b = policygraph.build([src], out=out, **RULES)
    assert any("alpha.txt: same content as" in w or "alpha-copy.txt: same content as" in w for w in b.warnings)
    assert len(list((out / "cache").glob("*.json"))) == 1
    rel = relation(out, "firm/hyundai-motor-group", "INVESTS_IN", "usstate/georgia")
    assert {e["doc"] for e in rel["evidence"]} == {"alpha", "alpha-copy"}
    for ev in rel["evidence"]:
        text = (out / "documents" / f"{ev['doc']}.txt").read_text(encoding="utf-8")
        assert text[ev["start"]:ev["end"]] == ev["quote"]
    b = policygraph.remove(["alpha"], out=out)
    rel = relation(out, "firm/hyundai-motor-group", "INVESTS_IN", "usstate/georgia")
    assert {e["doc"] for e in rel["evidence"]} == {"alpha-copy"}


@pytest.mark.parametrize("damage", ["garbage"] + [pytest.param(d, marks=pytest.mark.slow)  # the rest: full suite
                                    for d in ("missing", "quote", "stale")])
def test_a_bad_cache_entry_is_reextracted_from_the_builds_own_text(three, tmp_path, damage):
    root, src, out, two, after, _ = three
    work = tmp_path / "out"
    shutil.copytree(after, work)
    entry = work / "cache" / (json.loads((work / "documents.json").read_text())[1]["sha256"] + ".json")
    text = entry.read_text(encoding="utf-8")
    entry.unlink()  # it is a hard link shared with other builds: never write through it
    if damage == "garbage":
        entry.write_text(text[: len(text) // 2], encoding="utf-8")
    elif damage == "quote":  # still valid JSON, but an evidence quote no longer matches the text
        entry.write_text(text.replace("Japan imposed", "Japan imposes", 1), encoding="utf-8")
    elif damage == "stale":  # made by another version of the extractor
        d = json.loads(text)
        d["fingerprint"] = "0" * 32
        entry.write_text(json.dumps(d), encoding="utf-8")
    b = policygraph.build(out=work, paths=[], repair=True, **RULES)
    assert b.extracted == ["beta"] and b.reused == ["alpha", "gamma"]
    assert_same_build(work, after)


def test_a_new_extractor_reextracts_everything(three, tmp_path, monkeypatch):
    root, src, out, two, after, _ = three
    work = tmp_path / "out"
    shutil.copytree(after, work)
    monkeypatch.setattr(cache, "_source_digest", lambda: "another extractor")
    b = policygraph.remove(["gamma"], out=work)
    assert b.extracted == ["alpha", "beta"]  # re-extracted from out/documents/, not from the source files
    stamp = cache.fingerprint("rules")
    assert all(json.loads(p.read_text())["fingerprint"] == stamp for p in (work / "cache").glob("*.json"))
    monkeypatch.undo()
    assert_same_build(work, two, skip=("graph.lbug", "cache"))


def test_repair_rebuilds_deleted_outputs(three, tmp_path):
    _, _, _, _, after, _ = three
    work = tmp_path / "out"
    shutil.copytree(after, work)
    for name in ("graph.lbug", "view.html", "graph.ttl", "facts.jsonl", "documents/beta.txt"):
        (work / name).unlink()
    shutil.rmtree(work / "cache")
    with pytest.raises(PolicygraphError, match="no build here"):
        policygraph.open_build(work)
    b = policygraph.build([], out=work, repair=True, **RULES)
    # the cache was gone: alpha and gamma come back from out/documents/, beta from its source file
    assert b.extracted == ["alpha", "beta", "gamma"]
    assert_same_build(work, after)


def test_repair_needs_the_document_list(three, tmp_path):
    _, _, _, _, after, _ = three
    work = tmp_path / "out"
    shutil.copytree(after, work)
    (work / "documents.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(PolicygraphError, match=r"documents.json: damaged .*policygraph build PATH --out"):
        policygraph.build([], out=work, repair=True, **RULES)


# -- the CLI -----------------------------------------------------------------------------------------------
@pytest.mark.slow  # a series of CLI builds (the API's are the unit layer's)
def test_cli_add_remove_and_repair(three, tmp_path, capsys):
    root, src, out, two, after, _ = three
    work = tmp_path / "out"
    shutil.copytree(two, work)
    assert main(["add", str(src / "gamma.md"), "--out", str(work), "--rules-only", "-q"]) == 0
    got = capsys.readouterr()
    assert got.out.startswith(f"Added 1 document (gamma); {work}/ now holds ")
    assert got.err == ""
    assert_same_build(work, after)
    assert main(["remove", "gamma", "--out", str(work)]) == 0
    got = capsys.readouterr()
    assert got.out.startswith(f"Removed 1 document (gamma); {work}/ now holds ")
    assert "Removing gamma" in got.err  # progress on stderr
    (work / "graph.lbug").unlink()
    assert main(["query", "MATCH (d:Document) RETURN count(d)", "--out", str(work)]) == 1
    err = capsys.readouterr().err
    assert err == (f"policygraph: error: {work}/graph.lbug: the Cypher store is missing; rebuild it with "
                   f"`policygraph build --repair --out {work}`\n")
    assert main(["build", "--repair", "--out", str(work), "-q", "--rules-only"]) == 0
    capsys.readouterr()
    assert_same_build(work, two)
    assert main(["build", "--out", str(work)]) == 1
    assert "no documents given" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["add", "remove", "build"])
def test_help_has_an_example(command, capsys):
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    text = capsys.readouterr().out
    assert "example" in text and f"policygraph {command} " in text
    if command == "build":
        assert "--repair" in text


def test_add_and_remove_keep_the_api_shape():
    import inspect

    assert list(inspect.signature(policygraph.add).parameters)[:2] == ["paths", "out"]
    assert list(inspect.signature(policygraph.remove).parameters)[:2] == ["doc_ids", "out"]
    assert {"add", "remove", "build", "open_build"} <= set(policygraph.__all__)


def test_a_second_build_waits_for_the_first(tmp_path):
    """Builds of one directory are serialised: the lock, inside the build folder, is held for the whole build;
    nothing is left beside the folder."""
    import fcntl

    out = tmp_path / "out"
    with atomic.BuildLock(out):
        fd = os.open(out / ".policygraph.lock", os.O_RDWR)
        try:
            with pytest.raises(BlockingIOError):
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        finally:
            os.close(fd)
    assert list(tmp_path.iterdir()) == []  # a folder made only for the lock goes again
    policygraph.build([write_docs(tmp_path / "src", ["alpha.txt"])], out=out, use_model=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "src"]  # no .out.lock beside it
    with atomic.BuildLock(out):
        fd = os.open(out / ".policygraph.lock", os.O_RDWR)
        with pytest.raises(BlockingIOError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.close(fd)
    fd = os.open(out / ".policygraph.lock", os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # released
    os.close(fd)


# -- delta validation ----------------------------------------------------------------------------------------
def _outputs_of(out: Path):
    """The KnowledgeGraph, sentences, mentions and texts of a build, to write them again."""
    b = policygraph.open_build(out)
    with open(out / "sentences.jsonl", encoding="utf-8") as fh:
        sentences = [json.loads(line) for line in fh]
    with open(out / "mentions.jsonl", encoding="utf-8") as fh:
        mentions = [json.loads(line) for line in fh]
    raws = {p.stem: p.read_text(encoding="utf-8") for p in (out / "documents").glob("*.txt")}
    return b.kg, sentences, mentions, raws


def test_an_add_validates_only_what_changed(three, tmp_path):
    from policygraph.graph import rdf

    from rdflib import Graph

    root, src, _, _, _, _ = three
    # a base large enough that one document is a small share of it (a tiny graph is validated whole)
    (tmp_path / "delta.txt").write_text("China imposed sanctions on Lotte in 2017. Canada and Mexico signed the "
                                        "USMCA in 2018. Norway and Chile signed the Nordic-Andean Pact in 2030. "
                                        "Hanwha Qcells invested $2.5 billion in Georgia in 2023.\n", encoding="utf-8")
    two, after = tmp_path / "two", tmp_path / "after"
    policygraph.build([src / "alpha.txt", src / "beta.txt", tmp_path / "delta.txt"], out=two, **RULES)
    shutil.copytree(two, after)
    policygraph.add([src / "gamma.md"], out=after, **RULES)
    nt = (after / "graph.nt").read_text(encoding="utf-8")
    merged = Graph().parse(data=nt, format="nt")  # the build's merged graph, exactly
    focus = validation.validation_focus(two, nt, merged)
    assert focus is not None and 0 < len(focus) < len(set(merged.subjects())) / 2
    names = {str(n).removeprefix(rdf.ID_NS) for n in focus}
    assert {"firm/samsung-electronics", "usstate/texas", "doc/gamma"} <= names
    assert "firm/hyundai-motor-group" not in names and "country/japan" not in names  # untouched by gamma
    assert validation.validation_focus(after, nt, merged) == []  # nothing changed: nothing to validate


def test_delta_validation_still_catches_violations(three, tmp_path):
    from policygraph.builds.outputs import write_outputs
    from policygraph.graph.model import Evidence, Relation
    from policygraph.graph.validate import ShapeViolation

    root, src, out, two, after, _ = three
    kg, sentences, mentions, raws = _outputs_of(after)
    quote = "SK On will invest $2.6 billion in Georgia in 2023."
    start = raws["beta"].index(quote)
    kg.add_relation(Relation("firm/sk-on", "RATIFIES", "agreement/korus-fta", {}, 0.5,
                             [Evidence("beta", start, start + len(quote), quote)]))
    said: list[str] = []
    with pytest.raises(ShapeViolation, match="firm/sk-on — .* pg:RATIFIES must be a Country"):
        write_outputs(kg, tmp_path / "a", sentences, mentions, raws, previous=after, progress=lambda m, *a: said.append(m))
    assert any(re.fullmatch(r"Validating the \d+ nodes that changed against the SHACL shapes", m) for m in said)
    # a node whose own triples did not change, but which points at one that went: found through its parent
    kg, sentences, mentions, raws = _outputs_of(after)
    del kg.entities["usstate/texas"]
    (tmp_path / "b").mkdir()
    said.clear()
    with pytest.raises(ShapeViolation, match="usstate/texas"):
        write_outputs(kg, tmp_path / "b", sentences, mentions, raws, previous=after, progress=lambda m, *a: said.append(m))
    assert any(re.fullmatch(r"Validating the \d+ nodes that changed against the SHACL shapes", m) for m in said)
    # with a validator other than the previous build's, everything is validated again
    d = json.loads((after / "build.json").read_text())
    assert d["validation"] == validation.validation_stamp()
    (tmp_path / "old").mkdir()
    shutil.copy(after / "graph.nt", tmp_path / "old" / "graph.nt")
    (tmp_path / "old" / "build.json").write_text(json.dumps({**d, "validation": "other"}))
    from policygraph.graph import rdf

    kg, *_ = _outputs_of(after)
    merged = rdf.to_dataset(kg).graph(rdf.MERGED_GRAPH)
    assert validation.validation_focus(tmp_path / "old", rdf.to_ntriples(merged), merged) is None


@pytest.mark.slow  # builds in fresh processes
def test_building_in_two_processes_is_byte_identical(three, tmp_path):
    """Separate processes with different hash seeds (set and dict-of-set orders differ) give the same bytes."""
    import subprocess
    import sys

    from build_fixtures import cli_env

    root, src, *_ = three
    src = tmp_path / "src"
    shutil.copytree(three[1], src)
    # many small separate clusters next to a bigger one: the view lays each out on its own
    firms = ["Samsung SDI", "SK Hynix", "SK Innovation", "Kia", "Hyundai Mobis", "Hyundai Steel", "LG Chem",
             "LG Electronics", "Hanwha Ocean", "POSCO", "Hyosung", "Korea Zinc"]
    states = ["Alabama", "Arizona", "Ohio", "Indiana", "Michigan", "Tennessee", "Kentucky", "Iowa", "Kansas",
              "Nevada", "Oregon", "Utah", "Maine", "Idaho", "Montana", "Vermont", "Virginia", "Wyoming",
              "Colorado", "Florida", "Illinois", "Missouri", "Nebraska", "Oklahoma"]
    text = "".join(f"{f} invested ${i + 1} billion in {states[2 * i]} in 2020. {f} also invested ${i + 2} billion "
                   f"in {states[2 * i + 1]} in 2021.\n" for i, f in enumerate(firms))
    (src / "clusters.txt").write_text(text, encoding="utf-8")
    for seed in ("1", "2"):
        done = subprocess.run([sys.executable, "-m", "policygraph.cli", "build", str(src), "--out",
                               str(tmp_path / seed), "--rules-only", "-q"], capture_output=True, text=True,
                              env=cli_env(PYTHONHASHSEED=seed))
        assert done.returncode == 0, done.stderr
    assert_same_build(tmp_path / "1", tmp_path / "2")


@pytest.mark.slow  # several builds
def test_unchanged_document_graphs_are_reused_and_changed_ones_remade(three, tmp_path):
    """graph.trig's per-document blocks come from cache/rdf/ when nothing they are made of changed."""

    root, src, out, two, after, _ = three
    work = tmp_path / "out"
    shutil.copytree(after, work)
    keys = cache.doc_graph_keys(policygraph.open_build(work).kg)
    assert len(list((work / "cache" / "rdf").iterdir())) == 3
    # reuse is real: a (validly signed) altered block of gamma's reappears in the next build's TriG
    block = cache.read_rdf_block(work / "cache", keys["gamma"])
    (work / "cache" / "rdf" / f"{keys['gamma']}.ttl").unlink()
    cache.write_rdf_block(work / "cache", keys["gamma"], block.replace('"gamma"', '"gamma (cached)"'))
    policygraph.remove(["alpha"], out=work)
    assert '"gamma (cached)"' in (work / "graph.trig").read_text(encoding="utf-8")
    # beta's graph changed (the KORUS fact lost alpha's support, so its confidence): made again, and the
    # result is the build made from scratch, but for the altered block
    fresh = tmp_path / "fresh"
    policygraph.build([src / "beta.txt", src / "gamma.md"], out=fresh, use_model=False)
    a = (work / "graph.trig").read_text(encoding="utf-8").replace('"gamma (cached)"', '"gamma"')
    assert a == (fresh / "graph.trig").read_text(encoding="utf-8")
    # a damaged block is not used: made again
    gamma = work / "cache" / "rdf" / f"{keys['gamma']}.ttl"
    gamma.write_text(gamma.read_text(encoding="utf-8") + "garbage", encoding="utf-8")
    policygraph.add([src / "alpha.txt"], out=work, use_model=False)
    assert_same_build(work, after)


def test_an_output_that_is_not_a_build_is_refused_before_any_work(tmp_path, capsys):
    src = write_docs(tmp_path / "src", ["alpha.txt"])
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "mine.txt").write_text("keep me")
    (tmp_path / "file").write_text("keep me too")
    for out, reason in ((tmp_path / "notes", "exists and is not a policygraph build"),
                        (tmp_path / "file", "exists and is not a directory")):
        assert main(["build", str(src), "--out", str(out), "-q", "--rules-only"]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"policygraph: error: {out}: {reason}") and "choose another --out" in err
        assert err.count("\n") == 1
    assert (tmp_path / "notes" / "mine.txt").read_text() == "keep me"
    assert (tmp_path / "file").read_text() == "keep me too"
    assert (tmp_path / "notes").exists() and sorted(p.name for p in tmp_path.iterdir()) == ["file", "notes", "src"]
