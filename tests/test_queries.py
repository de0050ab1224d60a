"""The named analyst queries (Cypher on the embedded store, their Neo4j texts, SPARQL twins) and the CLI."""
from __future__ import annotations

import json
import math
import os

import pytest

from cypher_fixtures import EVIL, neo4j_grammar_available, neo4j_parse, sample_kg, sample_mentions, sample_sentences
from policygraph.cli import main
from policygraph.console import PolicygraphError
from policygraph.graph.cypher_store import Store, run_query, write_store
from policygraph.queries import catalog


@pytest.fixture(scope="module")
def build(tmp_path_factory):
    """A build directory with the sample graph: facts, RDF and the store."""
    from policygraph.graph.rdf import write_rdf

    out = tmp_path_factory.mktemp("build")
    kg = sample_kg()
    (out / "facts.jsonl").write_text(kg.to_jsonl(), encoding="utf-8")
    (out / "documents.json").write_text(json.dumps([d.to_dict() for d in kg.documents.values()]), encoding="utf-8")
    write_rdf(kg, out)
    write_store(kg, out / "graph.lbug", sentences=sample_sentences(), mentions=sample_mentions(kg))
    return out


_OPEN: dict = {}


def run(build, query, **params):
    """A named query on the store, opened once in this process: one engine connection for the module instead
    of a worker process per query (the worker that user queries run in is the CLI's and the API's path, tested
    below and in test_query_boundary.py)."""
    if build not in _OPEN:
        _OPEN[build] = Store(build / "graph.lbug")
    return catalog.run_named(query, _OPEN[build], params)


@pytest.fixture(scope="module", autouse=True)
def _close_open_stores():
    yield
    for store in _OPEN.values():
        store.close()
    _OPEN.clear()


def rows(df, *cols):
    return {tuple(_plain(v) for v in r) for r in df[list(cols)].itertuples(index=False, name=None)}


def _plain(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    if hasattr(v, "item"):
        return v.item()
    if v.__class__.__name__ == "NAType":
        return None
    return tuple(v) if isinstance(v, list) else v


# -- the catalogue -------------------------------------------------------------------------------------------
def test_at_least_twelve_documented_queries():
    qs = catalog.list_queries()
    assert len(qs) >= 12
    for q in qs:
        assert q.question.endswith("?") or q.question.endswith("."), q.name
        assert q.text.startswith(f"// name: {q.name}\n// question: ")
        for p in q.params:
            assert p.description and p.type in catalog.TYPES
            assert f"${p.name}" in q.body() and f"${p.name}" in q.body("neo4j"), (q.name, p.name)
    variants = {q.name for q in qs if q.neo4j_text is not None}
    assert variants == {"paths_between", "shortest_path", "state_investment_totals"}


def test_param_headers_and_binding():
    q = catalog.get_query("investments_into_states")
    assert [(p.name, p.type, p.default) for p in q.params] == [("state", "string", ""), ("min_usd", "float", 0.0)]
    assert catalog.bind(q, {"state": "Georgia"}) == {"state": "Georgia", "min_usd": 0.0}
    assert catalog.bind(q, {"min_usd": "1e9"}) == {"state": "", "min_usd": 1e9}
    with pytest.raises(PolicygraphError, match="unknown parameter stat "):
        catalog.bind(q, {"stat": "x"})
    with pytest.raises(PolicygraphError, match="missing parameter name"):
        catalog.bind(catalog.get_query("actor_profile"), {})
    with pytest.raises(PolicygraphError, match="expected an int"):
        catalog.bind(catalog.get_query("timeline"), {"from_year": "20x"})
    with pytest.raises(PolicygraphError, match="did you mean investments_into_states"):
        catalog.get_query("investments_into_state")
    # a plain -p value is a string, whatever it looks like; a typed one is converted (named queries convert
    # strings to their declared types in bind)
    assert catalog.parse_param_args(["a=1", "b=2.5", "c=Georgia", "d=1e9", "e=", "f=x=y"]) == {
        "a": "1", "b": "2.5", "c": "Georgia", "d": "1e9", "e": "", "f": "x=y"}
    assert catalog.parse_param_args(["a:int=1", "b:float=2.5", "d:float=1e9"]) == {"a": 1, "b": 2.5, "d": 1e9}
    with pytest.raises(PolicygraphError, match="expected NAME=VALUE"):
        catalog.parse_param_args(["novalue"])


@pytest.mark.slow  # Node.js and Neo4j's grammar, one process
def test_neo4j_texts_parse_with_neo4js_grammar():
    reason = neo4j_grammar_available()
    if reason:
        pytest.skip(reason)
    qs = catalog.list_queries()
    params = {p.name: 1 for q in qs for p in q.params}
    res = neo4j_parse([q.body("neo4j") for q in qs], params)
    bad = {q.name: r["errors"] for q, r in zip(qs, res) if r["errors"]}
    assert not bad, bad
    # where a variant exists, the LadybugDB text really is not Neo4j Cypher
    lady = [q for q in qs if q.neo4j_text is not None]
    res = neo4j_parse([q.body("ladybug") for q in lady], params)
    assert all(r["errors"] for r in res)


# -- every named query on the sample graph ------------------------------------------------------------------
def test_investments_into_states(build):
    df = run(build, "investments_into_states", state="georgia")
    assert rows(df, "state", "firm", "amount_usd", "year") == {
        ("Georgia", "Hanwha Q Cells", 2.5e9, 2023), ("Georgia", "Hyundai Motor Group", 5.5e9, 2022)}
    assert set(df["state_total_usd"]) == {8e9}
    all_states = run(build, "investments_into_states")
    assert set(all_states["state"]) == {"Georgia", "Alabama", "Texas"}
    assert list(all_states["state"])[0] == "Georgia"  # largest total first
    big = run(build, "investments_into_states", min_usd=1e9)
    assert set(big["firm"]) == {"Hanwha Q Cells", "Hyundai Motor Group"} and set(big["state"]) == {"Georgia"}


def test_state_investment_totals(build):
    df = run(build, "state_investment_totals")
    assert rows(df, "state", "total_usd", "firms") == {("Georgia", 8e9, 2), ("Alabama", 3e8, 1), ("Texas", 1e6, 1)}


def test_a_joint_amount_is_one_row_counted_once(tmp_path):
    """Issue 11: an amount stated once for several states (joint_id) is counted once, on a row of its own."""
    from policygraph.graph.model import Entity, Evidence, KnowledgeGraph, Relation

    kg = KnowledgeGraph()
    for type_, name in [("Firm", "Battery Co"), ("Firm", "Motor Co"), ("USState", "Kentucky"), ("USState", "Tennessee"),
                        ("USState", "Georgia")]:
        kg.add_entity(Entity(f"{type_.lower()}/{name.lower().replace(' ', '-')}", name, type_, {name}, {"d"}))
    quote = "Battery Co will invest $11.4 billion in Kentucky and Tennessee."
    for st in ("kentucky", "tennessee"):
        kg.add_relation(Relation("firm/battery-co", "INVESTS_IN", f"usstate/{st}",
                                 {"amount_usd": 11.4e9, "joint": True, "joint_id": "j1"}, 0.9, [Evidence("d", 0, 63, quote)]))
    kg.add_relation(Relation("firm/battery-co", "INVESTS_IN", "usstate/kentucky", {"amount_usd": 1e9, "year": 2024},
                             0.8, [Evidence("d", 70, 90, "Another $1 billion.")]))
    kg.add_relation(Relation("firm/motor-co", "INVESTS_IN", "usstate/georgia", {"amount_usd": 5e9}, 0.8,
                             [Evidence("d", 100, 120, "Motor Co: $5 billion")]))
    write_store(kg, tmp_path / "g.lbug")
    df = catalog.run_named("state_investment_totals", tmp_path / "g.lbug", {})
    assert rows(df, "state", "joint", "total_usd", "amounts") == {
        ("Kentucky and Tennessee (joint)", True, 11.4e9, 1), ("Georgia", False, 5e9, 1), ("Kentucky", False, 1e9, 1)}
    assert sum(df["total_usd"]) == 17.4e9  # the table adds up: each amount once
    per_fact = catalog.run_named("investments_into_states", tmp_path / "g.lbug", {"state": "Kentucky"})
    assert rows(per_fact, "amount_usd", "joint") == {(11.4e9, True), (1e9, False)}


def test_targets_country(build):
    df = run(build, "targets_country", country="ROK")
    assert rows(df, "source", "predicate", "year", "measure") == {
        ("China", "RETALIATES_AGAINST", 2017, "tourism ban"),
        ("Japan", "RETALIATES_AGAINST", 2019, "export controls"),
        ("Section 232 steel tariffs", "TARGETS", 2018, None)}
    tariffs = df[df["source"] == "Section 232 steel tariffs"].iloc[0]
    assert list(tariffs["imposed_by"]) == ["United States"]


def test_retaliation_pairs(build):
    df = run(build, "retaliation_pairs")
    assert rows(df, "retaliator", "target", "measure", "year", "mutual") == {
        ("China", "South Korea", "tourism ban", 2017, False),
        ("Japan", "South Korea", "export controls", 2019, True),
        ("South Korea", "Japan", "WTO complaint", 2019, True)}
    assert list(df["year"]) == [2017, 2019, 2019]


def test_agreement_parties_and_timeline(build):
    df = run(build, "agreement_parties", agreement="KORUS")
    assert rows(df, "agreement", "party") == {("KORUS FTA", "South Korea"), ("KORUS FTA", "United States")}
    assert len(run(build, "agreement_parties")) == 4
    tl = run(build, "agreement_timeline", agreement="korus fta")
    dated = tl[tl["year"].notna()]
    assert list(zip(dated["year"], dated["actor"], dated["action"])) == [
        (2007, "United States", "SIGNS"), (2011, "South Korea", "RATIFIES")]


def test_regulators_of(build):
    df = run(build, "regulators_of", target="Steel")
    assert rows(df, "regulator", "how") == {("Department of Commerce", "REGULATES"),
                                            ("Section 232 steel tariffs", "TARGETS")}


def test_actor_profile_with_evidence(build):
    df = run(build, "actor_profile", name="Hyundai")
    assert rows(df, "subject", "predicate", "object") == {
        ("Hyundai Motor Group", "INVESTS_IN", "Georgia"), ("Hyundai Motor Group", "INVESTS_IN", "Alabama"),
        ("Hyundai Motor Group", "OPERATES_IN", "automobiles"), ("Hyundai Motor Group", "PARTNERS_WITH", "SK On")}
    assert df["quote"].notna().all() and df["fact"].str.startswith("rel/").all()
    incoming = run(build, "actor_profile", name="south korea")
    assert ("Yoon Suk Yeol", "LEADS", "South Korea") in rows(incoming, "subject", "predicate", "object")


def test_paths_and_shortest_path(build):
    df = run(build, "paths_between", source="Hanwha Q Cells", target="Alabama")
    assert [list(n) for n in df["names"]] == [["Hanwha Q Cells", "Georgia", "Hyundai Motor Group", "Alabama"]]
    assert list(df["hops"]) == [3]
    none = run(build, "paths_between", source="Hanwha Q Cells", target="Japan")
    assert len(none) == 0  # more than 3 facts apart
    sp = run(build, "shortest_path", source="China", target="Japan")
    assert [list(n) for n in sp["names"]] == [["China", "South Korea", "Japan"]]


def test_firms_by_sector(build):
    df = run(build, "firms_by_sector")
    assert rows(df, "sector", "firm", "investments", "invested_usd") == {
        ("automobiles", "Hyundai Motor Group", 2, 5.8e9), ("solar", "Hanwha Q Cells", 1, 2.5e9)}


def test_timeline(build):
    df = run(build, "timeline", from_year=2018, to_year=2019)
    assert list(df["year"]) == [2018, 2018, 2019, 2019]
    inv = run(build, "timeline", predicate="invests_in")
    assert list(inv["year"]) == [2021, 2022, 2023, 2023] and set(inv["predicate"]) == {"INVESTS_IN"}


def test_multi_document_facts(build):
    df = run(build, "multi_document_facts")
    assert rows(df, "subject", "object", "n_docs") == {("Hyundai Motor Group", "Georgia", 2)}
    assert len(run(build, "multi_document_facts", min_docs=1)) == len(sample_kg().relations)


def test_policy_authorizations(build):
    df = run(build, "policy_authorizations")
    assert rows(df, "law", "policy", "first_imposed") == {("Trade Expansion Act of 1962", "Section 232 steel tariffs", 2018)}
    assert list(df["imposed_by"][0]) == ["United States"]


def test_most_connected(build):
    df = run(build, "most_connected", limit=2)
    assert list(df["name"]) == ["South Korea", "Hyundai Motor Group"]
    firms = run(build, "most_connected", **{"class": "Firm"})
    assert set(firms["type"]) == {"Firm"}


def test_sentences_and_fact_evidence(build):
    df = run(build, "sentences_mentioning", name="Alabama")
    assert list(df["text"]) == ["Hyundai Motor Group also invests $300 million in Alabama in 2023."]
    fact = run(build, "actor_profile", name="Alabama")["fact"][0]
    ev = run(build, "fact_evidence", fact=fact)
    assert list(zip(ev["doc"], ev["subject"], ev["object"])) == [("alpha", "Hyundai Motor Group", "Alabama")]
    from cypher_fixtures import DOCS

    assert DOCS["alpha"][ev["start_offset"][0]:ev["end_offset"][0]] == ev["text"][0]


def test_named_query_values_are_parameters(build):
    before = run_query(build / "graph.lbug", "MATCH (n) RETURN count(n) AS n")["n"][0]
    df = run(build, "actor_profile", name=EVIL)
    assert rows(df, "subject", "object") == {(EVIL, "Texas")}
    assert run_query(build / "graph.lbug", "MATCH (n) RETURN count(n) AS n")["n"][0] == before


# -- SPARQL gives the same answers ----------------------------------------------------------------------------
def _same_as_sparql(build_dir, store):
    inv_c = run_query(store, catalog.get_query("investments_into_states").body(), {"state": "", "min_usd": 0.0})
    inv_s = catalog.run_sparql("investments_into_states", build_dir)
    assert rows(inv_c, "state", "firm", "amount_usd", "year") == rows(inv_s, "state_name", "firm", "amount_usd", "year")
    par_c = run_query(store, catalog.get_query("agreement_parties").body(), {"agreement": ""})
    par_s = catalog.run_sparql("agreement_parties", build_dir)
    assert rows(par_c, "agreement", "party", "party_type") == rows(par_s, "agreement_name", "party", "party_type")
    ret_c = run_query(store, catalog.get_query("retaliation_pairs").body(), {})
    ret_s = catalog.run_sparql("retaliation_pairs", build_dir)
    assert rows(ret_c, "retaliator", "target", "measure", "year") == rows(ret_s, "retaliator", "target", "measure", "year")
    return len(inv_c), len(par_c), len(ret_c)


def test_cypher_and_sparql_agree(build):
    assert _same_as_sparql(build, build / "graph.lbug") == (4, 4, 3)
    geo = catalog.run_sparql("investments_into_states", build, {"state": "Georgia"})
    assert set(geo["firm"]) == {"Hanwha Q Cells", "Hyundai Motor Group"}


def test_sparql_refuses_updates_and_reports_errors(build):
    with pytest.raises(PolicygraphError, match="updates are not supported"):
        catalog.run_sparql("DELETE WHERE { ?s ?p ?o }", build)
    with pytest.raises(PolicygraphError, match="SPARQL error"):
        catalog.run_sparql("SELECT ?x WHERE { ?x ", build)
    with pytest.raises(PolicygraphError, match="no such RDF file"):
        catalog.run_sparql("SELECT * WHERE { ?s ?p ?o }", build / "nothing")
    (build / "empty").mkdir(exist_ok=True)
    with pytest.raises(PolicygraphError, match="no RDF here"):
        catalog.run_sparql("SELECT * WHERE { ?s ?p ?o }", build / "empty")


# -- the CLI ----------------------------------------------------------------------------------------------------
def cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_query_table_csv_json(build, capsys):
    cypher = ("MATCH (f:Firm)-[r:INVESTS_IN]->(s:USState) WHERE s.name = $state "
              "RETURN f.name AS firm, r.amount_usd AS usd ORDER BY firm")
    code, out, _ = cli(capsys, "query", cypher, "-p", "state=Georgia", "--out", str(build))
    assert code == 0 and "Hanwha Q Cells" in out and "2500000000" in out and "(2 rows)" in out
    code, out, _ = cli(capsys, "query", cypher, "-p", "state=Georgia", "--out", str(build), "--format", "csv")
    assert out.splitlines() == ["firm,usd", "Hanwha Q Cells,2500000000.0", "Hyundai Motor Group,5500000000.0"]
    code, out, _ = cli(capsys, "query", cypher, "-p", "state=Georgia", "--out", str(build), "--format", "json")
    assert json.loads(out) == [{"firm": "Hanwha Q Cells", "usd": 2.5e9}, {"firm": "Hyundai Motor Group", "usd": 5.5e9}]


def test_cli_refuses_writes_and_reports_errors(build, capsys):
    code, out, err = cli(capsys, "query", "MATCH (n) DETACH DELETE n", "--out", str(build))
    assert code == 1 and err.strip() == ("policygraph: error: this query writes (DETACH, DELETE); queries are "
                                         "read-only unless you pass --write (Python: write=True)")
    code, out, err = cli(capsys, "query", "MATCH (n:Firm RETURN n", "--out", str(build))
    assert code == 1 and err.startswith("policygraph: error: Cypher error: ") and err.count("\n") == 1
    code, out, err = cli(capsys, "query", "RETURN 1", "--out", str(build / "missing"))
    assert code == 1 and "no build here" in err


def test_cli_write_flag(tmp_path, capsys):
    (tmp_path / "facts.jsonl").write_text(sample_kg().to_jsonl(), encoding="utf-8")  # a build: facts and store
    write_store(sample_kg(), tmp_path / "graph.lbug")
    code, out, err = cli(capsys, "query", "MATCH (n:Sector {name: $n}) SET n.wikidata = $q RETURN n.wikidata AS w",
                         "-p", "n=steel", "-p", "q=Q11427", "--write", "--out", str(tmp_path))
    assert code == 0, err
    assert run_query(tmp_path / "graph.lbug", "MATCH (n:Sector {name: 'steel'}) RETURN n.wikidata AS w")["w"][0] == "Q11427"


def test_cli_queries_list_and_run(build, capsys):
    code, out, _ = cli(capsys, "queries")
    assert code == 0 and "investments_into_states" in out and "-p state (string" in out
    code, out, _ = cli(capsys, "queries", "list", "--format", "json")
    assert len(json.loads(out)) == len(catalog.list_queries())
    code, out, err = cli(capsys, "queries", "run", "investments_into_states", "-p", "state=Georgia",
                         "--out", str(build), "--format", "json")
    assert code == 0, err
    assert {(r["firm"], r["amount_usd"]) for r in json.loads(out)} == {("Hanwha Q Cells", 2.5e9),
                                                                      ("Hyundai Motor Group", 5.5e9)}
    code, out, err = cli(capsys, "queries", "run", "actor_profile", "-p", f"name={EVIL}", "--out", str(build),
                         "--format", "json")
    assert code == 0 and json.loads(out)[0]["subject"] == EVIL
    code, out, err = cli(capsys, "queries", "run", "nosuch", "--out", str(build))
    assert code == 1 and "unknown named query 'nosuch'" in err
    # entity names go through the one name resolver, as in explain, brief and view: a part of a name ...
    code, out, err = cli(capsys, "queries", "run", "actor_profile", "-p", "name=Hanwha", "--out", str(build),
                         "--format", "json")
    assert code == 0 and {r["subject"] for r in json.loads(out)} == {"Hanwha Q Cells"}
    assert "'Hanwha' taken as 'Hanwha Q Cells'" in err
    # ... a close spelling, and a name that is not in the graph stops with "did you mean", not an empty answer
    code, out, err = cli(capsys, "queries", "run", "investments_into_states", "-p", "state=Gorgia", "--out", str(build))
    assert code == 0 and "Hanwha Q Cells" in out and "taken as the close match 'Georgia'" in err
    code, out, err = cli(capsys, "queries", "run", "actor_profile", "-p", "name=Texs Instrumnts", "--out", str(build))
    assert code == 1 and "no entity named 'Texs Instrumnts'" in err
    code, out, _ = cli(capsys, "queries", "show", "shortest_path", "--neo4j")
    assert "shortestPath(" in out


def test_cli_sparql(build, capsys):
    code, out, err = cli(capsys, "sparql", "SELECT ?n WHERE { ?f pg:entityType 'USState' ; rdfs:label ?n } ORDER BY ?n",
                         "--out", str(build), "--format", "csv")
    assert code == 0, err
    assert out.splitlines() == ["n", "Alabama", "Georgia", "Texas"]
    code, out, err = cli(capsys, "sparql", "investments_into_states", "-p", "state=Georgia", "--out", str(build))
    assert code == 0 and "Hyundai Motor Group" in out


def test_cli_push_needs_a_password_without_a_terminal(build, capsys, monkeypatch):
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", open(os.devnull))
    code, out, err = cli(capsys, "push", "--uri", "bolt://127.0.0.1:9", "--out", str(build))
    assert code == 1 and "NEO4J_PASSWORD" in err
    with pytest.raises(SystemExit):
        main(["push", "--uri", "bolt://x", "--password", "secret"])  # there is no password flag


def test_cli_push_unreachable(build, capsys, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "pw")
    code, out, err = cli(capsys, "push", "--uri", "bolt://127.0.0.1:9", "--out", str(build), "-q")
    assert code == 1 and err.startswith("policygraph: error: cannot reach Neo4j at bolt://127.0.0.1:9")


@pytest.mark.parametrize("command", ["query", "queries", "push", "sparql"])
def test_cli_help_has_an_example(command, capsys):
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    out = capsys.readouterr().out
    assert done.value.code == 0 and "example" in out and f"policygraph {command}" in out


# -- the corpus graph ---------------------------------------------------------------------------------------------
# Facts the corpus states plainly (us-rok-negotiations, korus-economic-relationship); the extractor improves
# concurrently, so each test asserts what the text says, not the exact set of rows.
@pytest.fixture(scope="module")
def corpus(corpus_build):
    """(build dir with graph.ttl, store path) of the session's fresh corpus build (conftest.py)."""
    return corpus_build.out, corpus_build.out / "graph.lbug"


def named(corpus, query, **params):
    return catalog.run_named(query, corpus[1], params)


def records(df) -> list[dict]:
    return [{k: _plain(v) for k, v in r.items()} for r in df.to_dict("records")]


def test_corpus_investments_into_georgia(corpus):
    rs = records(named(corpus, "investments_into_states", state="Georgia"))
    assert {r["state"] for r in rs} == {"Georgia"}
    amounts = {(r["firm"], r["amount_usd"]) for r in rs}
    # "Hyundai's $5.4 billion electric vehicle plant in Georgia", "Hanwha Q Cells has invested $2.5 billion to
    # boost its solar factory presence in Georgia"
    assert any("Hyundai" in f and a == 5.4e9 for f, a in amounts), amounts
    assert ("Hanwha Q Cells", 2.5e9) in amounts, amounts
    hanwha = next(r for r in rs if r["firm"] == "Hanwha Q Cells")
    assert "$2.5 billion" in hanwha["quote"] and hanwha["docs"] == ("us-rok-negotiations",)
    # the state's total is the sum of its stated amounts, on every row
    assert {r["state_total_usd"] for r in rs} == {sum(r["amount_usd"] or 0 for r in rs)}
    assert rs[0]["state_total_usd"] >= 7.9e9
    totals = records(named(corpus, "state_investment_totals"))
    georgia = next(r for r in totals if r["state"] == "Georgia")
    assert georgia["total_usd"] == rs[0]["state_total_usd"]
    assert "Hanwha Q Cells" in georgia["firm_names"] and any("Hyundai" in f for f in georgia["firm_names"])


def test_corpus_targets_and_retaliation(corpus):
    rs = records(named(corpus, "targets_country", country="ROK"))  # by an alias
    assert {r["country"] for r in rs} == {"South Korea"}
    # "South Korea also became a target of Japanese economic retaliation"
    japan = [r for r in rs if r["source"] == "Japan" and r["predicate"] == "RETALIATES_AGAINST"]
    assert japan and "Japanese economic retaliation" in japan[0]["quote"]
    # "Since 2017, three Section 232 investigations have implicated South Korea"
    assert any("232" in r["source"] and r["predicate"] == "TARGETS" for r in rs), rs
    pairs = {(r["retaliator"], r["target"], r["mutual"]) for r in records(named(corpus, "retaliation_pairs"))}
    # "In response, South Korea has pursued complaints at the World Trade Organization ... with Japan."
    assert {("Japan", "South Korea", True), ("South Korea", "Japan", True)} <= pairs


def test_corpus_agreements(corpus):
    parties = {r["party"] for r in records(named(corpus, "agreement_parties", agreement="KORUS"))}
    assert {"United States", "South Korea"} <= parties
    tl = records(named(corpus, "agreement_timeline", agreement="KORUS FTA"))
    assert {r["agreement"] for r in tl} == {"KORUS FTA"}
    assert {"United States", "South Korea"} <= {r["actor"] for r in tl}
    years = [r["year"] for r in tl if r["year"] is not None]
    assert years == sorted(years)


def test_corpus_regulators_and_sectors(corpus):
    # "the Trump administration has not explicitly exempted South Korea from potential Section 232 automobile tariffs"
    regs = records(named(corpus, "regulators_of", target="automobiles"))
    assert any("232" in r["regulator"] for r in regs), regs
    firms = records(named(corpus, "firms_by_sector"))
    # "a $3.87 billion project from SK Hynix to develop a semiconductor facility"
    hynix = [r for r in firms if r["firm"] == "SK Hynix"]
    assert hynix and hynix[0]["invested_usd"] >= 3.87e9
    # Hanwha Q Cells states one investment of $2.5 billion: counted once, whatever it is linked to
    hanwha = [r for r in firms if r["firm"] == "Hanwha Q Cells"]
    assert all(r["invested_usd"] == 2.5e9 and r["investments"] == 1 for r in hanwha), hanwha


def test_corpus_actor_profile_sentences_and_evidence(corpus_build, corpus):
    prof = records(named(corpus, "actor_profile", name="Hanwha Q Cells"))
    inv = [r for r in prof if (r["subject"], r["predicate"], r["object"]) == ("Hanwha Q Cells", "INVESTS_IN", "Georgia")]
    assert inv and inv[0]["amount_usd"] == 2.5e9
    sents = records(named(corpus, "sentences_mentioning", name="Hanwha Q Cells"))
    hit = [r for r in sents if "Hanwha Q Cells has invested $2.5 billion" in r["text"]]
    assert hit and hit[0]["doc"] == "us-rok-negotiations"
    text = (corpus_build.out / "documents" / "us-rok-negotiations.txt").read_text(encoding="utf-8")
    assert text[hit[0]["start_offset"]:hit[0]["end_offset"]] == hit[0]["text"]
    ev = records(named(corpus, "fact_evidence", fact=inv[0]["fact"]))
    assert ev and ev[0]["doc"] == "us-rok-negotiations" and "invested $2.5 billion" in ev[0]["text"]
    assert text[ev[0]["start_offset"]:ev[0]["end_offset"]] == ev[0]["text"]


def test_corpus_paths(corpus):
    # "SK Hynix leading production and investing billions to establish cutting-edge facilities in the United
    # States"; the United States and South Korea are linked throughout both documents
    paths = records(named(corpus, "paths_between", source="SK Hynix", target="ROK"))
    assert paths
    for r in paths:
        names = list(r["names"])
        assert names[0] == "SK Hynix" and names[-1] == "South Korea" and r["hops"] == len(names) - 1 <= 3
        assert len(set(names)) == len(names), names  # no entity visited twice
    assert len({(r["names"], r["predicates"]) for r in paths}) == len(paths)  # no duplicate rows
    assert any(list(r["names"]) == ["SK Hynix", "United States", "South Korea"] for r in paths), paths
    sp = records(named(corpus, "shortest_path", source="SK Hynix", target="South Korea"))
    assert len(sp) == 1 and sp[0]["hops"] == min(r["hops"] for r in paths) <= 2
    assert sp[0]["names"][0] == "SK Hynix" and sp[0]["names"][-1] == "South Korea"


def test_corpus_timeline_corroboration_and_hubs(corpus):
    # "By 2024, South Korea became the largest foreign investor in the United States"
    tl = records(named(corpus, "timeline", from_year=2024, to_year=2024, predicate="invests_in"))
    assert ("South Korea", "INVESTS_IN", "United States", 2024) in {
        (r["subject"], r["predicate"], r["object"], r["year"]) for r in tl}
    every = records(named(corpus, "timeline"))
    assert every and [r["year"] for r in every] == sorted(r["year"] for r in every)
    # both documents are about the US-ROK relationship: some fact between the two is stated in both
    multi = records(named(corpus, "multi_document_facts"))
    assert all(r["n_docs"] >= 2 for r in multi)
    assert any({r["subject"], r["object"]} == {"South Korea", "United States"}
               and set(r["docs"]) == {"korus-economic-relationship", "us-rok-negotiations"} for r in multi), multi
    top = records(named(corpus, "most_connected", limit=2))
    assert {r["name"] for r in top} == {"South Korea", "United States"}


def test_corpus_every_named_query_runs(corpus):
    """Every named query runs on the corpus; all but policy_authorizations return rows there.

    policy_authorizations may legitimately be empty: the corpus's one "authorizes" sentence ("Section 232 of the
    Trade Expansion Act of 1962 authorizes the U.S. president to request ...") names no policy as the object.
    Its answers are checked on the sample graph (test_policy_authorizations)."""
    _, store = corpus
    fact = run_query(store, "MATCH ()-[r]->() WHERE r.predicate IS NOT NULL RETURN r.id AS id ORDER BY id LIMIT 1")
    some = {"country": "South Korea", "target": "steel", "name": "South Korea", "source": "United States",
            "fact": fact["id"][0]}
    may_be_empty = {"policy_authorizations"}
    empty = []
    for q in catalog.list_queries():
        params = {p.name: some[p.name] for p in q.params if p.required and p.name in some}
        if q.name in ("paths_between", "shortest_path"):
            params = {"source": "United States", "target": "South Korea"}
        df = catalog.run_named(q.name, store, params)
        if df.empty and q.name not in may_be_empty:
            empty.append(q.name)
    assert not empty, f"named queries with no rows on the corpus: {empty}"


def test_corpus_cypher_and_sparql_agree(corpus):
    build_dir, store = corpus
    n_inv, n_par, n_ret = _same_as_sparql(build_dir, store)
    assert n_inv > 0 and n_par > 0


# -- the Python API has the CLI's shape ---------------------------------------------------------------------------
def test_python_api_queries_sparql_push(build, monkeypatch):
    from policygraph import open_build

    g = open_build(build)
    assert list(g.queries()["name"]) == [q.name for q in catalog.list_queries()]  # policygraph queries
    df = g.run_named("investments_into_states", {"state": "Georgia"})  # policygraph queries run NAME -p ...
    assert rows(df, "firm", "amount_usd") == {("Hanwha Q Cells", 2.5e9), ("Hyundai Motor Group", 5.5e9)}
    df = g.query("MATCH (f:Firm {name: $name})-[r]->(x) RETURN x.name AS x", {"name": EVIL})  # policygraph query
    assert list(df["x"]) == ["Texas"]
    df = g.sparql("investments_into_states", {"state": "Georgia"})  # policygraph sparql
    assert set(df["firm"]) == {"Hanwha Q Cells", "Hyundai Motor Group"}
    monkeypatch.setenv("NEO4J_PASSWORD", "pw")  # policygraph push
    with pytest.raises(PolicygraphError, match=r"^cannot reach Neo4j at bolt://127\.0\.0\.1:9 "):
        g.push("bolt://127.0.0.1:9")
    with pytest.raises(PolicygraphError, match="read-only unless you pass --write"):
        g.query("MATCH (n) DETACH DELETE n")


def test_cli_quiet_silences_progress(build, capsys, tmp_path):
    """--quiet: nothing on stderr; without it, progress goes to stderr and the results to stdout."""
    runs = [["query", "MATCH (f:Firm) RETURN f.name AS n"], ["queries", "run", "retaliation_pairs"],
            ["sparql", "SELECT ?n WHERE { ?x rdfs:label ?n } LIMIT 1"], ["explain", "Hyundai", "Georgia"],
            ["brief", "Georgia"], ["view", "-o", str(tmp_path / "v.html")]]
    for argv in runs:
        code, out, err = cli(capsys, *argv, "--out", str(build), "-q")
        assert code == 0 and out and err == "", (argv, err)
    code, out, err = cli(capsys, "view", "-o", str(tmp_path / "v.html"), "--out", str(build))
    assert code == 0 and out.strip() == str(tmp_path / "v.html") and "Wrote" in err
