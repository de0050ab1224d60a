"""Push the graph into a Neo4j (or Aura) database, idempotently, and run Cypher there.

    counts = push(kg, "bolt://localhost:7687", "neo4j", password)

Nodes get their class, its superclasses and ``Entity`` as labels (Document and Sentence nodes get theirs),
with uniqueness constraints on ``id`` per label. Everything is written with batched ``UNWIND $rows ...
MERGE`` statements keyed on ``id``, so a second push creates nothing; relationships carry the same
properties as in the embedded store (see ``graph.dialect``). User values only ever travel as parameters:
labels and relationship types come from the ontology and are checked identifiers.
"""
from __future__ import annotations

import random
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..console import QUIET, PolicygraphError, Progress
from ..safe_text import redact, redact_uri
from . import dialect as D
from .cypher_store import GraphRows, graph_rows
from .model import KnowledgeGraph

# ------------------------------------------------------------------------------------------------------
# The statements (pure: no driver needed, so the tests parse and execute them elsewhere)
# ------------------------------------------------------------------------------------------------------


@dataclass
class Batch:
    kind: str  # "entities" | "documents" | "sentences" | "has_sentence" | "mentions" | "relations"
    cypher: str
    rows: list[dict]


@dataclass
class PushPlan:
    constraints: list[str]
    batches: list[Batch]
    totals: dict = field(default_factory=dict)  # rows per kind

    def statements(self) -> list[str]:
        """Every distinct statement text the push sends (constraints first)."""
        out = list(self.constraints)
        for b in self.batches:
            if b.cypher not in out:
                out.append(b.cypher)
        return out


def _set_clause(var: str, names, row: str = "row") -> str:
    return ", ".join(f"{var}.{D.ident(n)} = {row}.{D.ident(n)}" for n in names if n != "id")


def constraint_statement(label: str) -> str:
    name = f"policygraph_{label.lower()}_id"
    return f"CREATE CONSTRAINT {D.ident(name)} IF NOT EXISTS FOR (n:{D.ident(label)}) REQUIRE n.id IS UNIQUE"


def entity_statement(labels: list[str]) -> str:
    extra = "".join(f":{D.ident(label)}" for label in labels if label != D.ENTITY_LABEL)
    props = [name for name, _ in D.ENTITY_PROPS]
    return (f"UNWIND $rows AS row\n"
            f"MERGE (n:{D.ident(D.ENTITY_LABEL)} {{id: row.id}})\n"
            f"SET n{extra}, {_set_clause('n', props)}")


def node_statement(label: str, props) -> str:
    return (f"UNWIND $rows AS row\n"
            f"MERGE (n:{D.ident(label)} {{id: row.id}})\n"
            f"SET {_set_clause('n', [name for name, _ in props])}")


HAS_SENTENCE_STATEMENT = (
    f"UNWIND $rows AS row\n"
    f"MATCH (d:{D.ident(D.DOCUMENT_LABEL)} {{id: row.doc}})\n"
    f"MATCH (s:{D.ident(D.SENTENCE_LABEL)} {{id: row.sentence}})\n"
    f"MERGE (d)-[:{D.ident(D.HAS_SENTENCE)}]->(s)")

MENTIONS_STATEMENT = (
    f"UNWIND $rows AS row\n"
    f"MATCH (s:{D.ident(D.SENTENCE_LABEL)} {{id: row.sentence}})\n"
    f"MATCH (e:{D.ident(D.ENTITY_LABEL)} {{id: row.entity}})\n"
    f"MERGE (s)-[:{D.ident(D.MENTIONS)}]->(e)")


def relation_statement(predicate: str) -> str:
    # two MATCH clauses (not `MATCH (a), (b)`): LadybugDB plans the comma form as a cross product
    return (f"UNWIND $rows AS row\n"
            f"MATCH (a:{D.ident(D.ENTITY_LABEL)} {{id: row.subject}})\n"
            f"MATCH (b:{D.ident(D.ENTITY_LABEL)} {{id: row.object}})\n"
            f"MERGE (a)-[r:{D.ident(predicate)} {{id: row.id}}]->(b)\n"
            f"SET {_set_clause('r', [name for name, _ in D.FACT_PROPS])}")


def _chunks(rows: list[dict], size: int):
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def plan_push(kg: KnowledgeGraph, sentences=None, mentions=None, model=None, batch: int = 500,
              rows: GraphRows | None = None) -> PushPlan:
    """The constraints and the batched statements a push sends, in order."""
    if batch < 1:
        raise PolicygraphError(f"--batch must be at least 1, not {batch}")
    rows = rows or graph_rows(kg, sentences, mentions, model)
    schema = rows.schema
    labels: list[str] = [D.ENTITY_LABEL]
    for t in schema.entity_types:
        for label in schema.labels(t):
            if label not in labels:
                labels.append(label)
    labels += [D.DOCUMENT_LABEL, D.SENTENCE_LABEL]
    constraints = [constraint_statement(label) for label in labels]

    batches: list[Batch] = []
    totals: dict[str, int] = {}

    def add(kind: str, cypher: str, data: list[dict], keep: list[str]):
        data = [{k: r.get(k) for k in keep} for r in data]
        totals[kind] = totals.get(kind, 0) + len(data)
        for chunk in _chunks(data, batch):
            batches.append(Batch(kind, cypher, chunk))

    ecols = [n for n, _ in D.ENTITY_PROPS]
    for t in schema.entity_types:
        if rows.entities.get(t):
            add("entities", entity_statement(schema.labels(t)), rows.entities[t], ecols)
    add("documents", node_statement(D.DOCUMENT_LABEL, D.DOCUMENT_PROPS), rows.documents,
        [n for n, _ in D.DOCUMENT_PROPS])
    add("sentences", node_statement(D.SENTENCE_LABEL, D.SENTENCE_PROPS), rows.sentences,
        [n for n, _ in D.SENTENCE_PROPS])
    add("has_sentence", HAS_SENTENCE_STATEMENT, rows.has_sentence, ["doc", "sentence"])
    add("mentions", MENTIONS_STATEMENT, rows.mentions, ["sentence", "entity"])
    fcols = ["subject", "object"] + [n for n, _ in D.FACT_PROPS]
    for pred in sorted(rows.facts):
        add("relations", relation_statement(pred), rows.facts[pred], fcols)
    return PushPlan(constraints, batches, totals)


COUNTER_KEYS = ("nodes_created", "nodes_deleted", "relationships_created", "relationships_deleted",
                "properties_set", "labels_added", "constraints_added")


class PushInterrupted(Exception):
    """A push stopped part-way: `cause` is the error, `done` of `total` batches were written (and committed)."""

    def __init__(self, cause: BaseException, done: int, total: int) -> None:
        super().__init__(f"{cause} (after {done} of {total} batches)")
        self.cause, self.done, self.total = cause, done, total


def execute_plan(plan: PushPlan, runner, progress: Progress = QUIET) -> dict:
    """Send a plan through a runner (``schema(cypher)``, ``write(cypher, rows) -> counters dict``).
    A failure part-way raises PushInterrupted (how far it got, and the error)."""
    counts = {k: 0 for k in COUNTER_KEYS}
    n = len(plan.batches)
    try:
        for stmt in plan.constraints:
            got = runner.schema(stmt) or {}
            counts["constraints_added"] += int(got.get("constraints_added", 0) or 0)
    except Exception as err:
        raise PushInterrupted(err, 0, n) from err
    for i, b in enumerate(plan.batches, 1):
        if i == 1 or i == n or i % 20 == 0:
            progress(f"Pushing {b.kind}", i, n)
        try:
            got = runner.write(b.cypher, b.rows) or {}
        except Exception as err:
            raise PushInterrupted(err, i - 1, n) from err
        for k in COUNTER_KEYS:
            if k != "constraints_added":
                counts[k] += int(got.get(k, 0) or 0)
    out = {k: plan.totals.get(k, 0) for k in ("entities", "relations", "documents", "sentences", "mentions")}
    out.update(counts)
    out["batches"] = n
    return out


# ------------------------------------------------------------------------------------------------------
# Neo4j
# ------------------------------------------------------------------------------------------------------


def _neo4j():
    try:
        import neo4j
    except ImportError as err:  # pragma: no cover
        raise PolicygraphError(f"pushing to Neo4j needs the `neo4j` driver package ({err})") from None
    import logging

    # the driver logs each retry as a warning; without a handler of the application's, Python would print
    # them on stderr (the CLI's errors are one line). A NullHandler leaves any logging the user set up alone.
    logger = logging.getLogger("neo4j")
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())
    return neo4j


def _reason(err) -> str:
    text = getattr(err, "message", None) or str(err) or type(err).__name__
    return " ".join(str(text).split())


def neo4j_error(err, uri: str, user: str | None = None, connecting: bool = False) -> PolicygraphError:
    """One readable line for a driver error (any password in the URI shown as ***)."""
    ex = _neo4j().exceptions
    raw_uri = uri
    uri = redact_uri(uri)
    line = _one_line_error(err, raw_uri)
    if isinstance(err, getattr(ex, "UnsupportedServerProduct", ())) or (
            connecting and isinstance(err, (ex.SessionExpired, getattr(ex, "ProtocolError", ex.SessionExpired)))):
        return PolicygraphError(f"the server at {uri} does not speak Neo4j's Bolt protocol (it sent something else in "
                                f"the handshake: is it a Neo4j server, and is the port its Bolt port, 7687 by "
                                f"default?): {line}")
    if isinstance(err, ex.AuthError):
        return PolicygraphError(f"Neo4j at {uri} refused the credentials for user '{user}' "
                                f"(check --user and the NEO4J_PASSWORD environment variable): {line}")
    if isinstance(err, ex.ServiceUnavailable):
        return PolicygraphError(f"cannot reach Neo4j at {uri} (is the server running and the --uri right?): "
                                f"{line}")
    if isinstance(err, ex.ConfigurationError) or isinstance(err, ValueError):
        return PolicygraphError(f"invalid Neo4j --uri {uri!r} (use e.g. bolt://localhost:7687 or "
                                f"neo4j+s://xxxx.databases.neo4j.io): {line}")
    if isinstance(err, ex.Neo4jError):
        code = getattr(err, "code", None) or ""
        return PolicygraphError(f"Neo4j error{f' {code}' if code else ''}: {line}")
    if isinstance(err, ex.DriverError):
        return PolicygraphError(f"Neo4j driver error ({type(err).__name__}) at {uri}: {line}")
    return PolicygraphError(f"Neo4j at {uri}: {type(err).__name__}: {line}")


def _one_line_error(err, uri: str) -> str:
    """The driver's message on one line, without any password the URI carried."""
    text = _reason(err)
    if getattr(err, "code", None) is None and str(err).strip():
        text = " ".join(str(err).split())  # not a server error: the driver's own wording says more than a GQL code
    password = _uri_password(uri)
    return redact(redact_uri(text), password)


def _uri_password(uri: str) -> str | None:
    from urllib.parse import urlsplit

    try:
        return urlsplit(uri).password
    except ValueError:
        return None


def _transient(err) -> bool:
    ex = _neo4j().exceptions
    if isinstance(err, (ex.TransientError, ex.SessionExpired)):
        return True
    if isinstance(err, ex.ServiceUnavailable) and not isinstance(err, ex.AuthError):
        return True
    return bool(getattr(err, "is_retryable", lambda: False)())


def with_retry(fn, attempts: int = 5, base: float = 0.5, sleep=time.sleep):
    """Call fn(), retrying transient Neo4j errors with exponential backoff (0.5 s, 1 s, 2 s, ... + jitter)."""
    for attempt in range(1, attempts + 1):
        try:
            return fn()
        except Exception as err:
            if attempt == attempts or not _transient(err):
                raise
            sleep(base * 2 ** (attempt - 1) * (1 + random.random() / 4))


def _counters(summary) -> dict:
    c = summary.counters
    return {k: getattr(c, k, 0) for k in COUNTER_KEYS}


class Neo4jRunner:
    """Runs plan statements on a Neo4j driver session: schema in auto-commit, writes in managed transactions."""

    def __init__(self, driver, database: str | None = None, attempts: int = 5) -> None:
        self.driver = driver
        self.database = database
        self.attempts = attempts

    def _session(self, **kw):
        return self.driver.session(database=self.database, **kw) if self.database else self.driver.session(**kw)

    def schema(self, cypher: str) -> dict:
        def run():
            with self._session() as session:
                return _counters(session.run(cypher).consume())

        return with_retry(run, self.attempts)

    def write(self, cypher: str, rows: list[dict]) -> dict:
        def work(tx):
            return _counters(tx.run(cypher, rows=rows).consume())

        # execute_write already retries transient failures (a dropped connection, a deadlock) with backoff
        # for the driver's max_transaction_retry_time; retrying that again would multiply the wait
        with self._session() as session:
            return session.execute_write(work)


def _shown(uri: str) -> str:
    return redact_uri(uri)


URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def connect(uri: str, user: str | None, password: str | None, database: str | None = None, driver_factory=None,
            retry_seconds: float = 15):
    """An open, verified driver; PolicygraphError (one line) when unreachable or the credentials are refused."""
    neo4j = _neo4j()
    factory = driver_factory or neo4j.GraphDatabase.driver
    check_uri(uri)
    try:
        driver = factory(uri, auth=(user or "neo4j", password or ""), connection_timeout=10,
                         max_transaction_retry_time=retry_seconds)
    except Exception as err:
        raise neo4j_error(err, uri, user) from None
    try:
        if database:
            driver.verify_connectivity(database=database)
        else:
            driver.verify_connectivity()
    except Exception as err:
        driver.close()
        raise neo4j_error(err, uri, user, connecting=True) from None
    return driver


@contextmanager
def _one_line_errors(driver, uri: str, user: str | None) -> Iterator[None]:
    """Talking to Neo4j through `driver`: any error of the server or the driver as one line; then close it."""
    try:
        yield
    except PolicygraphError:
        raise
    except Exception as err:
        raise neo4j_error(err, uri, user) from None
    finally:
        driver.close()


def check_uri(uri: str) -> None:
    """Refuse (one line) a --uri with an unknown scheme or a password in it, before anything is asked or sent."""
    if not uri:
        raise PolicygraphError("no Neo4j --uri given (e.g. bolt://localhost:7687)")
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    if scheme not in URI_SCHEMES:
        raise PolicygraphError(f"invalid Neo4j --uri {redact_uri(uri)!r}: expected one of "
                               f"{', '.join(s + '://' for s in URI_SCHEMES)} (e.g. bolt://localhost:7687 or "
                               "neo4j+s://xxxx.databases.neo4j.io)")
    if _uri_password(uri) is not None:
        raise PolicygraphError(f"invalid Neo4j --uri {redact_uri(uri)!r}: it holds a password, which would show in "
                               "your shell history and the process list; give it in the NEO4J_PASSWORD environment "
                               "variable (and the user with --user)")


def push(kg: KnowledgeGraph, uri: str, user: str = "neo4j", password: str | None = None, database: str | None = None,
         batch: int = 500, progress: Progress = QUIET, *, sentences=None, mentions=None, model=None,
         driver_factory=None, retry_seconds: float = 15) -> dict:
    """Create or update the graph in Neo4j. Returns counts: rows sent per kind, and Neo4j's counters
    (a second push of the same graph reports nodes_created == relationships_created == 0)."""
    plan = plan_push(kg, sentences, mentions, model, batch)
    t0 = time.perf_counter()
    driver = connect(uri, user, password, database, driver_factory, retry_seconds)
    with _one_line_errors(driver, uri, user):
        try:
            progress(f"Connected to {_shown(uri)}; ensuring {len(plan.constraints)} uniqueness constraints")
            counts = execute_plan(plan, Neo4jRunner(driver, database), progress)
        except PushInterrupted as stop:
            if isinstance(stop.cause, PolicygraphError):
                raise stop.cause from None
            raise PolicygraphError(f"{neo4j_error(stop.cause, uri, user)} — the push stopped after {stop.done} of "
                                   f"{stop.total} batches; every write MERGEs on id, so pushing again completes it "
                                   "without duplicates") from None
    counts["seconds"] = round(time.perf_counter() - t0, 3)
    return counts


def _plain(value):
    """Driver values (nodes, relationships, paths, temporal) as plain Python for a DataFrame."""
    neo4j = _neo4j()
    graph = neo4j.graph
    if isinstance(value, graph.Node):
        return {"_labels": sorted(value.labels), **dict(value)}
    if isinstance(value, graph.Relationship):
        return {"_type": value.type, **dict(value)}
    if isinstance(value, graph.Path):
        return [_plain(n) for n in value.nodes]
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "to_native"):
        return value.to_native()
    return value


def run_neo4j_query(uri: str, user: str | None, password: str | None, cypher: str, params: dict | None = None,
                    database: str | None = None, write: bool = False, driver_factory=None,
                    timeout: float | None = 60.0):
    """Run one Cypher statement on Neo4j and return a pandas DataFrame (read transaction unless write).
    The statement crosses the same boundary as on the embedded store (graph/cypher_guard.py, Neo4j's
    lexer): no LOAD CSV, no procedure or function outside the allow-lists, no admin commands; the server
    stops it after `timeout` seconds."""
    import pandas as pd

    from .cypher_guard import NEO4J, check_query

    if not isinstance(cypher, str) or not cypher.strip():
        raise PolicygraphError("empty query")
    check_query(cypher, NEO4J, write=write)
    params = dict(params or {})
    D.check_parameters(cypher, params, NEO4J)
    driver = connect(uri, user, password, database, driver_factory)
    neo4j = _neo4j()

    @neo4j.unit_of_work(timeout=timeout)
    def work(tx):
        result = tx.run(cypher, params)
        keys = list(result.keys())
        return keys, [[_plain(v) for v in record.values()] for record in result]

    with _one_line_errors(driver, uri, user):
        mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
        kw = {"database": database} if database else {}
        with driver.session(default_access_mode=mode, **kw) as session:
            # execute_read/execute_write retry transient failures themselves (max_transaction_retry_time)
            keys, rows = (session.execute_write if write else session.execute_read)(work)
    return pd.DataFrame(rows, columns=keys)
