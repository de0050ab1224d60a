"""The embedded Cypher store (LadybugDB): schema from the ontology, COPY load, read-only queries, atomic writes."""
from __future__ import annotations

import json
import os

import pytest

from cypher_fixtures import EVIL, sample_kg, sample_mentions, sample_sentences
from policygraph.console import PolicygraphError
from policygraph.graph import cypher_store as cs
from policygraph.graph import dialect as D
from policygraph.graph.model import Entity, Evidence, Relation, entity_id
from policygraph.ontology import load_model


_OPENED: dict = {}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    kg = sample_kg()
    path = tmp_path_factory.mktemp("store") / "graph.lbug"
    counts = cs.write_store(kg, path, sentences=sample_sentences(), mentions=sample_mentions(kg))
    with cs.open_store(path) as opened:
        _OPENED[path] = opened
        yield path, counts
        del _OPENED[path]


def q(path, cypher, **params):
    """The module's sample store is read through one connection opened in this process (not a worker process
    per query); a store a test makes itself, through the worker like any user query. (cs.run_query(path, ...)
    below always takes the worker's path.)"""
    return cs.run_query(_OPENED.get(path, path), cypher, params)


def test_schema_is_generated_from_the_ontology(store):
    path, counts = store
    model = load_model()
    tables = q(path, "CALL show_tables() RETURN name, type")
    nodes = set(tables[tables["type"] == "NODE"]["name"])
    rels = set(tables[tables["type"] == "REL"]["name"])
    assert nodes == set(model.entity_types) | {"Document", "Sentence"}
    assert rels == set(model.relations) | {"HAS_SENTENCE", "MENTIONS"}
    # one relationship table per predicate with the FROM/TO pairs domain x range allows
    conn = q(path, "CALL show_connection('INVESTS_IN') RETURN *")
    pairs = {(a, b) for a, b in zip(conn.iloc[:, 0], conn.iloc[:, 1])}
    rel = model.relations["INVESTS_IN"]
    assert pairs == {(a, b) for a in rel.domain for b in rel.range}
    assert counts["node_tables"] == len(model.entity_types) + 2
    assert counts["off_schema_pairs"] == {}
    # the relationship properties: typed amount/year, JSON props, confidence, evidence
    cols = q(path, "CALL table_info('INVESTS_IN') RETURN *")
    types = dict(zip(cols["name"], cols["type"]))
    assert types["amount_usd"] == "DOUBLE" and types["year"] == "INT64" and types["props"] == "STRING"
    assert types["docs"] == "STRING[]" and types["quotes"] == "STRING[]" and types["confidence"] == "DOUBLE"


def test_counts_match_the_graph(store):
    path, counts = store
    kg = sample_kg()
    assert counts["entities"] == len(kg.entities) and counts["relations"] == len(kg.relations)
    assert counts["documents"] == 2 and counts["sentences"] == len(sample_sentences())
    by_type = q(path, "MATCH (n) WHERE n.type IS NOT NULL RETURN n.type AS type, count(*) AS n")
    want = {}
    for e in kg.entities.values():
        want[e.type] = want.get(e.type, 0) + 1
    assert dict(zip(by_type["type"], by_type["n"])) == want
    n = q(path, "MATCH ()-[r]->() WHERE r.predicate IS NOT NULL RETURN count(r) AS n")["n"][0]
    assert n == len(kg.relations)


def test_investments_into_georgia_with_amounts(store):
    path, _ = store
    df = q(path, "MATCH (f:Firm)-[r:INVESTS_IN]->(s:USState {name: $state}) "
                 "RETURN f.name AS firm, r.amount_usd AS usd, r.year AS year, r.docs AS docs ORDER BY firm",
           state="Georgia")
    rows = {(r.firm, r.usd, r.year) for r in df.itertuples()}
    assert rows == {("Hanwha Q Cells", 2.5e9, 2023), ("Hyundai Motor Group", 5.5e9, 2022)}
    hyundai = df[df["firm"] == "Hyundai Motor Group"].iloc[0]
    assert list(hyundai["docs"]) == ["alpha", "beta"]  # one fact, stated by two documents


def test_node_properties_and_evidence_round_trip(store):
    path, _ = store
    kg = sample_kg()
    hy = kg.entities[entity_id("Firm", "Hyundai Motor Group")]
    row = q(path, "MATCH (n:Firm {id: $id}) RETURN n.*", id=hy.id).iloc[0]
    assert row["n.name"] == hy.name and list(row["n.aliases"]) == ["Hyundai"]
    assert row["n.wikidata"] == "Q55931" and list(row["n.classes"]) == ["Firm", "Actor", "Entity"]
    assert "hyundai" in list(row["n.lookup"]) and hy.id in list(row["n.lookup"])
    rel = next(r for r in kg.relations.values() if r.predicate == "RETALIATES_AGAINST" and "china" in r.subject)
    got = q(path, "MATCH (a)-[r]->(b) WHERE r.id = $id RETURN r.measure AS measure, r.year AS year, r.props AS props, "
                  "r.quotes AS quotes, r.quote AS quote, r.evidence AS evidence, r.confidence AS c", id=rel.id).iloc[0]
    assert got["measure"] == "tourism ban" and got["year"] == 2017
    assert json.loads(got["props"]) == {"measure": "tourism ban", "year": 2017}
    assert list(got["quotes"]) == [rel.evidence[0].quote] == [got["quote"]]
    assert json.loads(got["evidence"]) == [e.to_dict() for e in rel.evidence]
    assert got["c"] == pytest.approx(0.8)


def test_walk_from_a_fact_to_its_sentence_and_document(store):
    path, _ = store
    df = q(path, "MATCH (f:Firm)-[r:INVESTS_IN]->(s:USState {name: 'Alabama'}) "
                 "MATCH (d:Document)-[:HAS_SENTENCE]->(x:Sentence) WHERE x.id IN r.sentences "
                 "RETURN d.id AS doc, d.path AS path, x.text AS text, x.start_offset AS start")
    assert len(df) == 1
    assert df["doc"][0] == "alpha" and df["path"][0] == "corpus/alpha.txt"
    assert df["text"][0] == "Hyundai Motor Group also invests $300 million in Alabama in 2023."
    # MENTIONS: the same sentence mentions both ends of the fact
    m = q(path, "MATCH (x:Sentence)-[:MENTIONS]->(e) WHERE x.text CONTAINS 'Alabama' RETURN e.name AS name")
    assert {"Hyundai Motor Group", "Alabama"} <= set(m["name"])


def test_sentences_are_derived_from_evidence_when_not_given(tmp_path):
    kg = sample_kg()
    counts = cs.write_store(kg, tmp_path / "g.lbug")
    spans = {(e.doc, e.start) for r in kg.relations.values() for e in r.evidence}
    assert counts["sentences"] == len(spans)
    df = q(tmp_path / "g.lbug", "MATCH (d:Document)-[:HAS_SENTENCE]->(s:Sentence)-[:MENTIONS]->(e:USState) "
                                "RETURN DISTINCT e.name AS state")
    assert set(df["state"]) == {"Georgia", "Alabama", "Texas"}


def test_user_values_only_reach_cypher_as_parameters(store):
    path, _ = store
    before = q(path, "MATCH (n) RETURN count(n) AS n")["n"][0]
    df = q(path, "MATCH (f:Firm)-[r:INVESTS_IN]->(s) WHERE f.name = $name RETURN f.name AS name, s.name AS state",
           name=EVIL)
    assert list(df["name"]) == [EVIL] and list(df["state"]) == ["Texas"]
    assert q(path, "MATCH (n) RETURN count(n) AS n")["n"][0] == before
    # the aliases keep quotes and commas (COPY from DataFrames, not CSV text)
    assert EVIL.lower() in list(q(path, "MATCH (n:Firm {name: $n}) RETURN n.lookup AS l", n=EVIL)["l"][0])


@pytest.mark.parametrize("cypher", [
    "MATCH (n) DETACH DELETE n",
    "CREATE (:Firm {id: 'x'})",
    "MATCH (n:Firm) SET n.name = 'x'",
    "MERGE (n:Firm {id: 'x'})",
    "MATCH (n:Firm) REMOVE n.name",
    "DROP TABLE Firm",
    "ALTER TABLE Firm ADD x STRING",
    "match (n) detach delete n",
])
def test_writes_are_refused_without_write(store, cypher):
    path, _ = store
    with pytest.raises(PolicygraphError, match="read-only unless you pass --write"):
        cs.run_query(path, cypher)


@pytest.mark.parametrize("cypher", ["COPY Firm FROM 'x.csv'", "LOAD FROM 'x.csv' RETURN *", "INSTALL json"])
@pytest.mark.parametrize("write", [False, True])
def test_file_and_extension_clauses_are_refused_even_with_write(store, cypher, write):
    path, _ = store
    with pytest.raises(PolicygraphError, match="which policygraph never runs"):
        cs.run_query(path, cypher, write=write)


def test_keywords_inside_strings_names_and_comments_are_not_writes(store):
    path, _ = store
    df = cs.run_query(path, "MATCH (n:Firm) WHERE n.name <> 'CREATE (x)' AND n.name <> $set // DELETE\n"
                            "RETURN n.name AS `SET`", {"set": "MERGE"})
    assert len(df) == 4
    assert D.write_keywords("MATCH (n {create: 1}) RETURN n.merge, $delete") == []


def test_write_true_writes(tmp_path):
    kg = sample_kg()
    path = tmp_path / "g.lbug"
    cs.write_store(kg, path)
    cs.run_query(path, "MATCH (n:Firm {id: $id}) SET n.wikidata = $q", {"id": entity_id("Firm", "SK On"), "q": "Q1"},
                 write=True)
    assert q(path, "MATCH (n:Firm {name: 'SK On'}) RETURN n.wikidata AS w")["w"][0] == "Q1"


def test_engine_errors_are_one_readable_line(store):
    path, _ = store
    with pytest.raises(PolicygraphError) as err:
        cs.run_query(path, "MATCH (n:Firm RETURN n")
    assert str(err.value).startswith("Cypher error: ") and "\n" not in str(err.value)
    with pytest.raises(PolicygraphError, match="Cannot find property nosuch"):
        cs.run_query(path, "MATCH (n:Firm) RETURN n.nosuch")
    with pytest.raises(PolicygraphError, match=r"missing query parameter \$name"):
        cs.run_query(path, "MATCH (n:Firm) WHERE n.name = $name RETURN n")
    with pytest.raises(PolicygraphError, match="no Cypher store"):
        cs.run_query(path.parent / "nothing.lbug", "RETURN 1")
    with pytest.raises(PolicygraphError, match="empty query"):
        cs.run_query(path, "  ")


def test_open_store_reopens_without_rebuilding(store):
    path, _ = store
    with cs.open_store(path) as a, cs.open_store(path) as b:  # two read-only opens side by side
        assert a.query("MATCH (n:USState) RETURN count(*) AS n")["n"][0] == 3
        assert b.query("MATCH (n:Country) RETURN count(*) AS n")["n"][0] == 4
        with pytest.raises(PolicygraphError, match="read-only"):
            a.query("CREATE (:Sector {id: 'x'})", write=True)


def test_a_failed_load_leaves_the_old_store(tmp_path, monkeypatch):
    path = tmp_path / "graph.lbug"
    cs.write_store(sample_kg(), path)
    before = q(path, "MATCH (n) RETURN count(n) AS n")["n"][0]
    calls = {"n": 0}
    real = cs._copy

    def failing(conn, table, rows, *a, **k):
        calls["n"] += 1
        if calls["n"] == 5:
            raise RuntimeError("Copy exception: disk on fire\nsecond line")
        return real(conn, table, rows, *a, **k)

    monkeypatch.setattr(cs, "_copy", failing)
    with pytest.raises(PolicygraphError) as err:
        cs.write_store(sample_kg(), path)
    assert "disk on fire" in str(err.value) and "\n" not in str(err.value)
    assert q(path, "MATCH (n) RETURN count(n) AS n")["n"][0] == before
    assert sorted(os.listdir(tmp_path)) == ["graph.lbug"]  # no temporary leftovers


def test_rewrite_replaces_the_store(tmp_path):
    path = tmp_path / "graph.lbug"
    kg = sample_kg()
    cs.write_store(kg, path)
    e = Entity(entity_id("USState", "Ohio"), "Ohio", "USState", {"Ohio"})
    kg.add_entity(e)
    kg.add_relation(Relation(entity_id("Firm", "SK On"), "INVESTS_IN", e.id, {"amount_usd": 1e9}, 0.7,
                             [Evidence("gamma", 0, 10, "SK On Ohio")]))
    counts = cs.write_store(kg, path)
    assert counts["entities"] == len(kg.entities)
    df = q(path, "MATCH (f:Firm)-[r:INVESTS_IN]->(s:USState {name: 'Ohio'}) RETURN f.name AS f, r.amount_usd AS a")
    assert list(df["f"]) == ["SK On"] and list(df["a"]) == [1e9]
    # a document only named by evidence still gets a Document node
    assert q(path, "MATCH (d:Document {id: 'gamma'}) RETURN d.path AS p")["p"].isna().all()


def test_pairs_outside_the_ontology_widen_the_schema(tmp_path):
    kg = sample_kg()
    # Sector -> Sector is not allowed by INVESTS_IN's domain: stored anyway, and reported
    kg.add_relation(Relation(entity_id("Sector", "steel"), "INVESTS_IN", entity_id("Sector", "solar"), {}, 0.5,
                             [Evidence("alpha", 0, 5, "Hyund")]))
    counts = cs.write_store(kg, tmp_path / "g.lbug")
    assert counts["off_schema_pairs"] == {"INVESTS_IN": ["Sector->Sector"]}
    assert q(tmp_path / "g.lbug", "MATCH (:Sector)-[r:INVESTS_IN]->(:Sector) RETURN count(r) AS n")["n"][0] == 1


def test_relations_with_unknown_entities_are_skipped(tmp_path):
    kg = sample_kg()
    kg.add_relation(Relation("firm/ghost", "INVESTS_IN", entity_id("USState", "Georgia"), {}, 0.5, []))
    counts = cs.write_store(kg, tmp_path / "g.lbug")
    assert counts["skipped_relations"] == 1 and counts["relations"] == len(kg.relations) - 1


def test_integer_columns_stay_integers(store):
    path, _ = store
    df = q(path, "MATCH ()-[r:TARGETS]->() RETURN r.year AS year ORDER BY year")
    assert str(df["year"].dtype) == "Int64"
    assert df["year"].tolist()[0] == 2018


def test_corpus_store_answers(corpus_build, corpus_store):
    kg = corpus_build.kg
    # every entity and every fact of the build is in the store
    n = cs.run_query(corpus_store, "MATCH (n) WHERE n.lookup IS NOT NULL RETURN count(n) AS n")["n"][0]
    r = cs.run_query(corpus_store, "MATCH ()-[r]->() WHERE r.predicate IS NOT NULL RETURN count(r) AS n")["n"][0]
    assert (n, r) == (len(kg.entities), len(kg.relations))
    df = cs.run_query(corpus_store, "MATCH (f:Firm)-[r:INVESTS_IN]->(s:USState) WHERE s.name = 'Georgia' "
                                    "RETURN f.name AS firm, r.amount_usd AS usd, r.quote AS quote")
    got = set(zip(df["firm"], df["usd"]))
    assert any("Hyundai" in f and usd == 5.4e9 for f, usd in got), got
    assert ("Hanwha Q Cells", 2.5e9) in got, got
    # from the fact to its sentence and document
    walk = cs.run_query(corpus_store, "MATCH (f:Firm {name: $firm})-[r:INVESTS_IN]->(:USState {name: 'Georgia'}) "
                                      "MATCH (d:Document)-[:HAS_SENTENCE]->(s:Sentence)-[:MENTIONS]->(f) "
                                      "WHERE s.id IN r.sentences RETURN d.id AS doc, s.text AS text",
                        {"firm": "Hanwha Q Cells"})
    assert list(walk["doc"]) == ["us-rok-negotiations"] and "invested $2.5 billion" in walk["text"][0]


@pytest.fixture(scope="module")
def corpus_store(corpus_build):
    """The Cypher store of the session's fresh corpus build (conftest.py)."""
    return corpus_build.out / "graph.lbug"
