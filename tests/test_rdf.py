"""RDF export (graph/rdf.py) and SHACL validation (graph/validate.py) on a small hand-built graph."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV

from graph_fixtures import realistic_kg
from policygraph.graph import rdf
from policygraph.graph.model import DocumentInfo, Entity, Evidence, KnowledgeGraph, Relation

PG = rdf.PG
D1, D2 = "report-2023", "brief 2024 (draft)"
NASTY = 'He said: "we\'re in" \\o/\nnext line — ünïcödé 한국 <script>alert(\'x\')</script> & </g> }'
Q_INVEST = "Hanwha Qcells will invest $2.5 billion in Georgia in 2023."


def sample_kg() -> KnowledgeGraph:
    """Made-up facts: an investment with amount/year seen in two documents, a policy and its target,
    a symmetric cooperation, a minister, and a quote with quotes, newlines, unicode and <script>."""
    kg = KnowledgeGraph()
    kg.add_document(DocumentInfo(D1, "corpus/report-2023.pdf", "a" * 64, 12000, "pdf"))
    kg.add_document(DocumentInfo(D2, "corpus/brief 2024 (draft).html", "b" * 64, 800, "html"))
    for e in [
        Entity("firm/hanwha-qcells", "Hanwha Qcells", "Firm", {"Hanwha Q Cells", "Qcells"}, {D1, D2}, "Q4331489", "gazetteer"),
        Entity("usstate/georgia", "Georgia", "USState", set(), {D1}, "Q1428", "gazetteer"),
        Entity("country/south-korea", "South Korea", "Country", {"Republic of Korea", "ROK"}, {D1, D2}, "Q884", "gazetteer"),
        Entity("country/united-states", "United States", "Country", {"U.S.", "United States"}, {D1, D2}, "Q30", "gazetteer"),
        Entity("policy/section-232-steel-tariffs", "Section 232 steel tariffs", "Policy", set(), {D1}),
        Entity("sector/steel", "steel", "Sector", set(), {D1}),
        Entity("person/kim-o-neil", 'Kim "Tiger" O\'Neil <script>', "Person", {"김 장관"}, {D2}),
        Entity("governmentbody/motie", "Ministry of Trade, Industry and Energy", "GovernmentBody", {"MOTIE"}, {D2}),
    ]:
        kg.add_entity(e)
    kg.add_relation(Relation("firm/hanwha-qcells", "INVESTS_IN", "usstate/georgia",
                             {"amount_usd": 2.5e9, "year": 2023, "purpose": "solar module plant"}, 0.8,
                             [Evidence(D1, 100, 100 + len(Q_INVEST), Q_INVEST)]))
    # the same fact from a second document: merged, evidence unioned, confidence raised
    kg.add_relation(Relation("firm/hanwha-qcells", "INVESTS_IN", "usstate/georgia",
                             {"amount_usd": 2.5e9, "year": 2023}, 0.6, [Evidence(D2, 10, 10 + len(Q_INVEST), Q_INVEST)]))
    q = "The United States imposed Section 232 tariffs on steel in 2018."
    kg.add_relation(Relation("country/united-states", "IMPOSES", "policy/section-232-steel-tariffs", {"year": 2018},
                             0.9, [Evidence(D1, 500, 500 + len(q), q)]))
    kg.add_relation(Relation("policy/section-232-steel-tariffs", "TARGETS", "sector/steel", {"year": 2018}, 0.7,
                             [Evidence(D1, 500, 500 + len(q), q)]))
    kg.add_relation(Relation("country/south-korea", "COOPERATES_WITH", "country/united-states",
                             {"sector": "shipbuilding"}, 0.75, [Evidence(D2, 200, 200 + len(NASTY), NASTY)]))
    kg.add_relation(Relation("person/kim-o-neil", "LEADS", "governmentbody/motie", {"role": "Minister"}, 0.8,
                             [Evidence(D2, 200, 200 + len(NASTY), NASTY)]))
    return kg


def big_kg(n_entities: int = 300, n_relations: int = 400) -> KnowledgeGraph:
    """A synthetic graph of realistic size (deterministic); bench/bench_build.py times SHACL on the same one."""
    return realistic_kg(n_entities, n_relations)


@pytest.fixture(scope="module")
def model():
    ontology = pytest.importorskip("policygraph.ontology")
    if not hasattr(ontology, "load_model"):
        pytest.skip("ontology/__init__.py has no load_model() yet")
    return ontology.load_model()


@pytest.fixture(scope="module")
def kg():
    return sample_kg()


@pytest.fixture(scope="module")
def ds(kg, model):
    return rdf.to_dataset(kg)


@pytest.fixture(scope="module")
def merged(ds):
    g = Graph()
    for t in ds.graph(rdf.MERGED_GRAPH):
        g.add(t)
    return g


def E(entity_id: str) -> URIRef:
    return rdf.entity_iri(entity_id)


# -- the dataset --------------------------------------------------------------------------------------
def test_entities(merged, kg, model):
    s = E("firm/hanwha-qcells")
    types = set(merged.objects(s, RDF.type))
    assert {PG.Firm, PG.Entity} <= types
    supers = {rdf._class_iri(c) for c in model.superclasses("Firm")}
    assert supers <= types
    assert PG.Actor in types  # a Firm is an Actor
    assert merged.value(s, RDFS.label) == Literal("Hanwha Qcells")
    assert set(merged.objects(s, SKOS.altLabel)) == {Literal("Hanwha Q Cells"), Literal("Qcells")}
    assert merged.value(s, PG.entityType) == Literal("Firm")
    assert merged.value(s, OWL.sameAs) == URIRef("http://www.wikidata.org/entity/Q4331489")
    assert merged.value(s, PG.wikidata) == Literal("Q4331489")
    assert set(merged.objects(s, PG.mentionedIn)) == {rdf.doc_iri(D1), rdf.doc_iri(D2)}
    # the name is never repeated as an alias
    assert Literal("United States") not in set(merged.objects(E("country/united-states"), SKOS.altLabel))


def test_documents(merged):
    d = rdf.doc_iri(D2)
    assert str(d) == "https://policygraph.dev/id/doc/brief%202024%20%28draft%29"
    assert (d, RDF.type, PG.Document) in merged
    assert merged.value(d, RDFS.label) == Literal(D2)
    assert merged.value(d, PG.path) == Literal("corpus/brief 2024 (draft).html")
    assert merged.value(d, PG.sha256) == Literal("b" * 64)


def test_relation_direct_triple_and_statement(merged, kg):
    rel = next(r for r in kg.relations.values() if r.predicate == "INVESTS_IN")
    s, o = E(rel.subject), E(rel.object)
    assert (s, PG.INVESTS_IN, o) in merged
    st = rdf.statement_iri(rel.id)
    assert str(st) == rdf.ID_NS + "statement/" + rel.id.removeprefix("rel/")
    assert (st, RDF.type, PG.Statement) in merged
    assert merged.value(st, PG.subject) == s
    assert merged.value(st, PG.predicate) == PG.INVESTS_IN
    assert merged.value(st, PG.object) == o
    amount, year, conf = (merged.value(st, p) for p in (PG.amountUSD, PG.year, PG.confidence))
    assert amount.datatype == XSD.decimal and float(amount) == 2.5e9
    assert year.datatype == XSD.integer and int(year) == 2023
    assert conf.datatype in (XSD.decimal, XSD.double) and float(conf) == pytest.approx(0.92)
    assert merged.value(st, PG.purpose) == Literal("solar module plant")
    evs = set(merged.objects(st, PROV.wasDerivedFrom))
    assert len(evs) == 2
    for ev in evs:
        assert (ev, RDF.type, PG.Evidence) in merged
        assert merged.value(ev, PG.quote) == Literal(Q_INVEST)
        assert merged.value(ev, PG.start).datatype == XSD.integer
    ev1 = URIRef(f"{rdf.ID_NS}evidence/{D1}/100-{100 + len(Q_INVEST)}")
    assert merged.value(ev1, PG.document) == rdf.doc_iri(D1)
    # a relation prop with a name of its own becomes camelCase
    lead = rdf.statement_iri(next(r for r in kg.relations.values() if r.predicate == "LEADS").id)
    assert merged.value(lead, PG.role) == Literal("Minister")


def test_named_graphs(ds, kg):
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert names == {str(rdf.MERGED_GRAPH), str(rdf.doc_graph_iri(D1)), str(rdf.doc_graph_iri(D2))}
    g1 = ds.graph(rdf.doc_graph_iri(D1))
    assert (rdf.doc_iri(D1), RDF.type, PG.Document) in g1
    assert (rdf.doc_iri(D2), RDF.type, PG.Document) not in g1
    # entities mentioned in D1 only, with their labels; the D2-only person is absent
    assert (E("usstate/georgia"), RDFS.label, Literal("Georgia")) in g1
    assert not list(g1.triples((E("person/kim-o-neil"), None, None)))
    # the merged INVESTS_IN statement is in both document graphs, each with its own evidence only
    rel = next(r for r in kg.relations.values() if r.predicate == "INVESTS_IN")
    st = rdf.statement_iri(rel.id)
    for doc in (D1, D2):
        g = ds.graph(rdf.doc_graph_iri(doc))
        assert (st, RDF.type, PG.Statement) in g
        assert (E(rel.subject), PG.INVESTS_IN, E(rel.object)) in g
        evs = list(g.objects(st, PROV.wasDerivedFrom))
        assert len(evs) == 1 and g.value(evs[0], PG.document) == rdf.doc_iri(doc)
        for ev in g.subjects(RDF.type, PG.Evidence):
            assert g.value(ev, PG.document) == rdf.doc_iri(doc)
    # D1-only relations are not in D2's graph
    imposes = rdf.statement_iri(next(r for r in kg.relations.values() if r.predicate == "IMPOSES").id)
    assert (imposes, RDF.type, PG.Statement) not in ds.graph(rdf.doc_graph_iri(D2))
    # the merged graph is the union of the document graphs (every triple here is backed by a document)
    union = set()
    for doc in (D1, D2):
        union |= set(ds.graph(rdf.doc_graph_iri(doc)))
    assert union <= set(ds.graph(rdf.MERGED_GRAPH))


# -- files ------------------------------------------------------------------------------------------
def test_every_format_parses_back_isomorphic(kg, merged, ds, tmp_path):
    paths = rdf.write_rdf(kg, tmp_path)
    assert set(paths) == {"trig", "ttl", "jsonld", "nt"}
    for fmt, rdflib_fmt in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")):
        back = Graph().parse(paths[fmt], format=rdflib_fmt)
        assert isomorphic(back, merged), fmt
        assert len(back) == len(merged)
    assert json.loads(paths["jsonld"].read_text(encoding="utf-8"))["@context"]["pg"] == rdf.PG_NS
    back = Dataset()
    back.parse(paths["trig"], format="trig")
    want = {g.identifier: g for g in ds.graphs() if len(g)}
    have = {g.identifier: g for g in back.graphs() if len(g)}
    assert set(have) == set(want)
    for name, g in want.items():
        assert isomorphic(have[name], g), name


def test_from_dataset_round_trips_the_facts_export(kg, ds, tmp_path):
    assert rdf.from_dataset(ds).to_jsonl() == kg.to_jsonl()
    assert rdf.from_dataset(ds.graph(rdf.MERGED_GRAPH)).to_jsonl() == kg.to_jsonl()
    paths = rdf.write_rdf(kg, tmp_path)
    for fmt, path in paths.items():
        back = rdf.read_rdf(path)
        assert back.to_jsonl() == kg.to_jsonl(), fmt
        assert {d.id: d for d in back.documents.values()} == kg.documents, fmt
    assert rdf.read_rdf(tmp_path).to_jsonl() == kg.to_jsonl()


def test_round_trip_of_a_larger_graph(model):
    big = big_kg(120, 150)
    assert rdf.from_dataset(rdf.to_dataset(big)).to_jsonl() == big.to_jsonl()


def test_output_is_byte_deterministic(kg, model, tmp_path):
    a = rdf.write_rdf(kg, tmp_path / "a")
    b = rdf.write_rdf(sample_kg(), tmp_path / "b")
    for fmt in a:
        assert a[fmt].read_bytes() == b[fmt].read_bytes(), fmt
    lines = a["nt"].read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines)


def test_output_is_byte_deterministic_across_processes(model, tmp_path):
    """Set/dict iteration depends on PYTHONHASHSEED: two processes with different seeds agree."""
    script = (
        "import sys; sys.path.insert(0, sys.argv[2]); import test_rdf; "
        "from policygraph.graph import rdf; rdf.write_rdf(test_rdf.sample_kg(), sys.argv[1])"
    )
    here = str(Path(__file__).resolve().parent)
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([sys.executable, "-c", script, str(tmp_path / seed), here], check=True, env=env)
    for name in ("graph.trig", "graph.ttl", "graph.jsonld", "graph.nt"):
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes(), name


# -- SHACL ------------------------------------------------------------------------------------------
def test_good_graph_conforms(kg, model):
    from policygraph.graph.validate import check, validate

    report = validate(kg)
    assert report.conforms, report.violations
    assert report.violations == []
    check(kg)


def test_firm_ratifying_an_agreement_is_refused(model):
    from policygraph.graph.validate import ShapeViolation, check, validate

    bad = sample_kg()
    bad.add_entity(Entity("agreement/korus-fta", "KORUS FTA", "Agreement", set(), {D1}))
    q = "Hanwha ratified the KORUS FTA."
    bad.add_relation(Relation("firm/hanwha-qcells", "RATIFIES", "agreement/korus-fta", {}, 0.5,
                              [Evidence(D1, 900, 900 + len(q), q)]))
    report = validate(bad)
    assert not report.conforms
    assert any("firm/hanwha-qcells" in v for v in report.violations), report.violations
    for line in report.violations:
        assert "\n" not in line and line.count(" — ") >= 2
    with pytest.raises(ShapeViolation) as err:
        check(bad)
    assert "firm/hanwha-qcells" in str(err.value) and "\n" not in str(err.value)


def test_statement_without_evidence_is_refused(kg, model):
    from policygraph.graph.validate import ShapeViolation, check, validate

    ds = rdf.to_dataset(kg)
    g = ds.graph(rdf.MERGED_GRAPH)
    st = rdf.statement_iri(next(r for r in kg.relations.values() if r.predicate == "IMPOSES").id)
    g.remove((st, PROV.wasDerivedFrom, None))
    report = validate(ds)
    assert not report.conforms
    local = "statement/" + str(st).rsplit("/", 1)[1]
    assert any(v.startswith(local + " — ") for v in report.violations), report.violations
    assert "prov:wasDerivedFrom" in " ".join(report.violations)
    with pytest.raises(ShapeViolation, match=local):
        check(ds)
    # validating does not modify the caller's graph
    assert not list(g.triples((None, RDF.type, OWL.Class)))


def test_shape_violation_message_lists_at_most_ten(model):
    from policygraph.graph.validate import ShapeViolation, check

    big = big_kg(60, 40)
    g = rdf.to_dataset(big).graph(rdf.MERGED_GRAPH)
    for st in list(g.subjects(RDF.type, PG.Statement)):
        g.remove((st, PROV.wasDerivedFrom, None))
    with pytest.raises(ShapeViolation) as err:
        check(g)
    n = len(err.value.report.violations)
    assert n >= 40
    assert f"{n} SHACL" in str(err.value) and f"{n - 10} more" in str(err.value)
    assert str(err.value).count("statement/") == 10


@pytest.mark.slow
def test_a_realistic_graph_validates(model):
    """SHACL runs over a graph of realistic size and finds it conforming (how long it takes is measured by
    bench/bench_build.py, never asserted here)."""
    from policygraph.graph.validate import validate

    big = big_kg(300, 400)
    report = validate(big)
    assert report.conforms, report.violations[:5]


def test_a_confidence_with_float_noise_is_written_as_the_facts_export_writes_it(model):
    kg = sample_kg()
    q = "South Korea and the United States cooperate."
    kg.add_relation(Relation("country/south-korea", "INVESTS_IN", "usstate/georgia", {}, 0.8 * 0.9,  # 0.72000...01
                             [Evidence(D1, 900, 900 + len(q), q)]))
    merged = rdf.to_dataset(kg, model).graph(rdf.MERGED_GRAPH)
    assert Literal("0.72", datatype=XSD.decimal) in set(merged.objects(None, rdf.PG.confidence))
    assert isomorphic(merged, rdf.to_dataset(rdf.from_dataset(merged), model).graph(rdf.MERGED_GRAPH))
