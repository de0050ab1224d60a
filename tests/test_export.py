"""graph/export.py: every format, to a path and to a stream."""
from __future__ import annotations

import io
import json

import networkx as nx
import pandas as pd
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from policygraph.console import PolicygraphError
from policygraph.graph import rdf
from policygraph.graph.export import FORMATS, export
from policygraph.graph.model import DocumentInfo, Entity, Evidence, KnowledgeGraph, Relation

QUOTE = 'She said "no deal" —\n<script>alert(1)</script> 한미 FTA, a|b'


def small_kg() -> KnowledgeGraph:
    kg = KnowledgeGraph()
    kg.add_document(DocumentInfo("crs-2024", "corpus/crs-2024.txt", "c" * 64, 5000, "txt"))
    kg.add_document(DocumentInfo("kiep-2023", "corpus/kiep-2023.pdf", "d" * 64, 9000, "pdf"))
    for e in [
        Entity("firm/samsung-electronics", "Samsung Electronics", "Firm", {"Samsung"}, {"crs-2024"}, "Q20718"),
        Entity("usstate/texas", "Texas", "USState", set(), {"crs-2024"}, "Q1439"),
        Entity("country/south-korea", "South Korea", "Country", {"ROK", "Korea"}, {"crs-2024", "kiep-2023"}, "Q884"),
        Entity("country/japan", "Japan", "Country", set(), {"kiep-2023"}, "Q17"),
        Entity("policy/export-controls", "export controls", "Policy", set(), {"kiep-2023"}),
        Entity("sector/semiconductors", "semiconductors", "Sector", {"chips"}, {"kiep-2023"}),
    ]:
        kg.add_entity(e)
    q1 = "Samsung Electronics announced a $17 billion chip plant in Taylor, Texas in 2021."
    kg.add_relation(Relation("firm/samsung-electronics", "INVESTS_IN", "usstate/texas",
                             {"amount_usd": 1.7e10, "year": 2021}, 0.9, [Evidence("crs-2024", 40, 40 + len(q1), q1)]))
    q2 = "Japan imposed export controls on semiconductor materials in 2019."
    kg.add_relation(Relation("country/japan", "IMPOSES", "policy/export-controls", {"year": 2019}, 0.85,
                             [Evidence("kiep-2023", 10, 10 + len(q2), q2)]))
    kg.add_relation(Relation("policy/export-controls", "TARGETS", "sector/semiconductors", {}, 0.7,
                             [Evidence("kiep-2023", 10, 10 + len(q2), q2)]))
    kg.add_relation(Relation("country/south-korea", "COOPERATES_WITH", "country/japan", {"sector": "semiconductors"},
                             0.6, [Evidence("kiep-2023", 300, 300 + len(QUOTE), QUOTE),
                                   Evidence("crs-2024", 900, 900 + len(QUOTE), QUOTE)]))
    return kg


@pytest.fixture(scope="module")
def kg():
    return small_kg()


@pytest.fixture(scope="module")
def model():
    ontology = pytest.importorskip("policygraph.ontology")
    if not hasattr(ontology, "load_model"):
        pytest.skip("ontology/__init__.py has no load_model() yet")
    return ontology.load_model()


def test_formats():
    assert FORMATS == ("jsonl", "ttl", "trig", "jsonld", "nt", "graphml", "csv")


def test_jsonl_is_exactly_the_facts_export(kg, tmp_path):
    s = io.StringIO()
    assert export(kg, "jsonl", s) is None
    assert s.getvalue() == kg.to_jsonl()
    b = io.BytesIO()
    export(kg, "jsonl", b)
    assert b.getvalue().decode("utf-8") == kg.to_jsonl()
    path = export(kg, "jsonl", tmp_path / "facts.jsonl")
    assert path.read_text(encoding="utf-8") == kg.to_jsonl()
    assert [json.loads(line)["kind"] for line in path.read_text(encoding="utf-8").splitlines()].count("relation") == 4


def test_unknown_format(kg):
    with pytest.raises(PolicygraphError, match="unknown export format"):
        export(kg, "xml", io.StringIO())


@pytest.mark.parametrize("fmt,rdflib_fmt", [("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")])
def test_rdf_formats(kg, model, fmt, rdflib_fmt, tmp_path):
    merged = Graph()
    for t in rdf.to_dataset(kg).graph(rdf.MERGED_GRAPH):
        merged.add(t)
    s = io.StringIO()
    export(kg, fmt, s)
    assert isomorphic(Graph().parse(data=s.getvalue(), format=rdflib_fmt), merged)
    path = export(kg, fmt, tmp_path / f"kg.{fmt}")
    assert path.read_text(encoding="utf-8") == s.getvalue()
    assert rdf.read_rdf(path).to_jsonl() == kg.to_jsonl()


def test_trig(kg, model, tmp_path):
    path = export(kg, "trig", tmp_path / "kg.trig")
    ds = Dataset()
    ds.parse(path, format="trig")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert names == {str(rdf.MERGED_GRAPH), str(rdf.doc_graph_iri("crs-2024")), str(rdf.doc_graph_iri("kiep-2023"))}
    assert rdf.from_dataset(ds).to_jsonl() == kg.to_jsonl()


def test_graphml(kg, model, tmp_path):
    path = export(kg, "graphml", tmp_path / "kg.graphml")
    g = nx.read_graphml(path, force_multigraph=True)
    assert isinstance(g, nx.MultiDiGraph)
    assert g.number_of_nodes() == len(kg.entities) == 6
    assert g.number_of_edges() == len(kg.relations) == 4
    node = g.nodes["country/south-korea"]
    assert node["name"] == "South Korea" and node["type"] == "Country"
    assert node["aliases"] == "Korea|ROK" and node["wikidata"] == "Q884"
    edges = {k: (u, v, d) for u, v, k, d in g.edges(keys=True, data=True)}
    assert set(edges) == {r.id for r in kg.relations.values()}
    inv = next(r for r in kg.relations.values() if r.predicate == "INVESTS_IN")
    u, v, d = edges[inv.id]
    assert (u, v) == ("firm/samsung-electronics", "usstate/texas")
    assert d["predicate"] == "INVESTS_IN" and d["amount_usd"] == 1.7e10 and d["year"] == 2021
    assert d["confidence"] == 0.9 and d["docs"] == "crs-2024" and d["quotes"].startswith("Samsung Electronics")
    coop = next(r for r in kg.relations.values() if r.predicate == "COOPERATES_WITH")
    assert edges[coop.id][2]["docs"] == "crs-2024|kiep-2023"
    assert QUOTE in edges[coop.id][2]["quotes"]
    # deterministic
    s1, s2 = io.StringIO(), io.StringIO()
    export(kg, "graphml", s1)
    export(small_kg(), "graphml", s2)
    assert s1.getvalue() == s2.getvalue() == path.read_text(encoding="utf-8")


def test_csv_directory(kg, tmp_path):
    out = export(kg, "csv", tmp_path / "tables")
    assert set(out) == {"entities", "relations"}
    ents = pd.read_csv(out["entities"], keep_default_na=False)
    assert len(ents) == 6
    assert list(ents.columns)[:3] == ["id", "name", "type"]
    assert ents.set_index("id").loc["country/south-korea", "aliases"] == "Korea|ROK"
    rels = pd.read_csv(out["relations"], keep_default_na=False)
    assert len(rels) == 4
    assert list(rels["id"]) == sorted(r.id for r in kg.relations.values())
    for col in ("subject_name", "object_name", "amount_usd", "year", "confidence", "docs", "quote"):
        assert col in rels.columns
    row = rels[rels["predicate"] == "INVESTS_IN"].iloc[0]
    assert row["subject_name"] == "Samsung Electronics" and row["object_name"] == "Texas"
    assert float(row["amount_usd"]) == 1.7e10 and int(row["year"]) == 2021 and float(row["confidence"]) == 0.9
    assert row["quote"].startswith("Samsung Electronics announced")
    row = rels[rels["predicate"] == "COOPERATES_WITH"].iloc[0]
    assert row["docs"] == "crs-2024|kiep-2023" and row["quote"] == QUOTE
    assert row["amount_usd"] == "" and row["year"] == ""
    assert json.loads(row["props"]) == {"sector": "semiconductors"}
    # an existing directory works too, and the output is deterministic
    (tmp_path / "again").mkdir()
    again = export(small_kg(), "csv", tmp_path / "again")
    assert again["relations"].read_bytes() == out["relations"].read_bytes()
    assert again["entities"].read_bytes() == out["entities"].read_bytes()


def test_csv_stream_is_relations_with_header(kg, tmp_path):
    s = io.StringIO()
    export(kg, "csv", s)
    text = s.getvalue()
    assert text.startswith("id,subject,subject_name,predicate,object,object_name,amount_usd,year,confidence,docs")
    rels = pd.read_csv(io.StringIO(text), keep_default_na=False)
    assert len(rels) == 4
    path = export(kg, "csv", tmp_path / "relations.csv")
    assert path.read_text(encoding="utf-8") == text
