"""Store faults: a damaged embedded store (or facts file) gives one clear line pointing at
`policygraph build --repair`, which rebuilds it from the build's own documents; Neo4j refusing the
credentials, dropping the connection mid-push or going away gives retries where they help and one clear line."""
from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest

import policygraph
from build_fixtures import assert_same_build, digest, store_dump, write_docs
from policygraph.cli import main
from policygraph.console import PolicygraphError


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    root = tmp_path_factory.mktemp("faults")
    src = write_docs(root / "src")
    out = root / "pristine"
    policygraph.build([src], out=out, use_model=False)
    return out


def _scramble(path: Path, seed: int) -> None:
    data = bytearray(path.read_bytes())
    rnd = random.Random(seed)
    for _ in range(20):
        i = rnd.randrange(4096, len(data) - 64)
        data[i:i + 64] = bytes(rnd.randrange(256) for _ in range(64))
    path.write_bytes(bytes(data))


DAMAGE = {
    "deleted": lambda p: p.unlink(),
    "empty": lambda p: p.write_bytes(b""),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: p.stat().st_size // 2]),
    "garbage": lambda p: p.write_bytes(random.Random(3).randbytes(p.stat().st_size)),
    "header-zeroed": lambda p: p.write_bytes(b"\0" * 4096 + p.read_bytes()[4096:]),
    "pages-scrambled": lambda p: _scramble(p, 1),
    "pages-scrambled-2": lambda p: _scramble(p, 8),
    "a-directory": lambda p: (p.unlink(), p.mkdir()),
    "corrupt-wal": lambda p: p.with_name(p.name + ".wal").write_bytes(random.Random(5).randbytes(5000)),
}


# each case repairs (rebuilds the store): one in the unit layer, every kind in the full suite
UNIT_DAMAGE = {"garbage"}


@pytest.mark.parametrize("damage", [d if d in UNIT_DAMAGE else pytest.param(d, marks=pytest.mark.slow) for d in DAMAGE])
def test_a_damaged_store_is_one_clear_line_then_repaired(pristine, tmp_path, capsys, damage):
    out = tmp_path / "out"
    shutil.copytree(pristine, out)
    DAMAGE[damage](out / "graph.lbug")
    repair = f"rebuild it with `policygraph build --repair --out {out}`"
    rc = main(["query", "MATCH (d:Document) RETURN count(d) AS n", "--out", str(out)])
    err = capsys.readouterr().err
    assert rc == 1
    assert re.fullmatch(rf"policygraph: error: {re.escape(str(out / 'graph.lbug'))}: [^\n]+; {re.escape(repair)}\n",
                        err), err
    with pytest.raises(PolicygraphError, match=re.escape(repair)):
        policygraph.open_build(out).query("MATCH (d:Document) RETURN count(d) AS n")
    assert main(["build", "--repair", "--out", str(out)]) == 0
    assert "Repairing" in capsys.readouterr().err
    assert_same_build(out, pristine)
    assert not (out / "graph.lbug.wal").exists()
    assert policygraph.open_build(out).query("MATCH (d:Document) RETURN count(d) AS n")["n"][0] == 3


@pytest.mark.parametrize("name", ["facts.jsonl", "documents.json"])
def test_damaged_build_files_point_at_repair(pristine, tmp_path, capsys, name):
    out = tmp_path / "out"
    shutil.copytree(pristine, out)
    (out / name).write_text('{"kind": "entity", "id": ', encoding="utf-8")
    for command in (["stats"], ["export", "--format", "ttl"]):
        assert main([*command, "--out", str(out)]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"policygraph: error: {out / name}: damaged build file (") and err.count("\n") == 1
        assert err.endswith(f"rebuild it with `policygraph build --repair --out {out}`\n")
    if name == "facts.jsonl":
        assert main(["build", "--repair", "--out", str(out), "-q"]) == 0
        assert_same_build(out, pristine)
    else:  # the list of documents is what a repair starts from: rebuild from the sources
        assert main(["build", "--repair", "--out", str(out), "-q"]) == 1
        assert "rebuild from the source files with `policygraph build PATH --out" in capsys.readouterr().err


def test_repair_of_a_healthy_build_changes_nothing(pristine, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(pristine, out)
    before = digest(out)
    b = policygraph.build([], out=out, repair=True)
    assert b.extracted == [] and b.reused == ["alpha", "beta", "gamma"]
    assert digest(out) == before
    assert store_dump(out) == store_dump(pristine)


def test_repair_without_a_build(tmp_path, capsys):
    assert main(["build", "--repair", "--out", str(tmp_path / "none"), "-q"]) == 1
    assert capsys.readouterr().err == (f"policygraph: error: {tmp_path / 'none'}: no build here (run "
                                       f"`policygraph build PATH --out {tmp_path / 'none'}` first)\n")


# -- Neo4j faults ------------------------------------------------------------------------------------------
# No Neo4j can run here: tests/bolt_server.py speaks Bolt 4.4 so that the real `neo4j` driver and the real push
# run against it, with faults on demand. (That MERGE on id makes a second push create nothing is tested on
# FalkorDB in test_neo4j_sync.py.)
from bolt_server import BoltServer  # noqa: E402
from cypher_fixtures import sample_kg, sample_mentions, sample_sentences  # noqa: E402
from policygraph.graph import neo4j_sync as ns  # noqa: E402


def _plan():
    kg = sample_kg()
    return kg, ns.plan_push(kg, sample_sentences(), sample_mentions(kg), batch=5)


def _push(kg, uri, password="pw", **kw):
    return ns.push(kg, uri, "neo4j", password, sentences=sample_sentences(), mentions=sample_mentions(kg), batch=5,
                   **kw)


def _data_statements(srv) -> list[str]:
    return [c.statement for c in srv.committed if c.statement.startswith("UNWIND")]


def test_push_through_the_real_driver(capfd):
    kg, plan = _plan()
    with BoltServer(password="pw") as srv:
        counts = _push(kg, srv.uri)
    assert counts["batches"] == len(plan.batches)
    assert _data_statements(srv) == [b.cypher for b in plan.batches]  # each batch committed once, in order
    assert sum(c.statement.startswith("CREATE CONSTRAINT") for c in srv.committed) == len(plan.constraints)
    assert counts["nodes_created"] == counts["entities"] + counts["documents"] + counts["sentences"]
    assert capfd.readouterr().err == ""


def test_wrong_password_is_one_clear_line(capfd):
    kg, _ = _plan()
    with BoltServer(password="pw") as srv:
        with pytest.raises(PolicygraphError) as info:
            _push(kg, srv.uri, password="wrong")
    msg = str(info.value)
    assert msg.startswith(f"Neo4j at {srv.uri} refused the credentials for user 'neo4j'") and "\n" not in msg
    assert srv.committed == []
    assert capfd.readouterr().err == ""


@pytest.mark.slow  # the driver's backoff before it reconnects
def test_a_connection_dropped_mid_push_is_retried_and_the_push_completes(capfd):
    kg, plan = _plan()
    with BoltServer(password="pw", drop_at_run={len(plan.constraints) + 7, len(plan.constraints) + 8}) as srv:
        counts = _push(kg, srv.uri)
    assert srv.connections >= 2  # the driver reconnected
    assert counts["batches"] == len(plan.batches)
    # the interrupted transaction never committed; its retry did: every batch exactly once
    assert _data_statements(srv) == [b.cypher for b in plan.batches]
    assert capfd.readouterr().err == ""  # the driver's retry warnings are not printed


@pytest.mark.slow  # the driver retries the lost batch for retry_seconds before giving up
def test_a_server_gone_mid_push_is_one_clear_line_and_a_second_push_completes(capfd, monkeypatch):
    import neo4j

    kg, plan = _plan()
    transactions = []  # each batch's managed transaction (the driver retries inside one, for retry_seconds)
    execute_write = neo4j.Session.execute_write
    monkeypatch.setattr(neo4j.Session, "execute_write",
                        lambda self, work, *a, **kw: transactions.append(1) or execute_write(self, work, *a, **kw))
    with BoltServer(password="pw", die_at_run=len(plan.constraints) + 10) as srv:
        with pytest.raises(PolicygraphError) as info:
            _push(kg, srv.uri, retry_seconds=2)
    msg = str(info.value)
    assert "\n" not in msg and msg.startswith(f"cannot reach Neo4j at {srv.uri}")
    assert msg.endswith("— the push stopped after 9 of %d batches; every write MERGEs on id, so pushing again "
                        "completes it without duplicates" % len(plan.batches))
    assert len(_data_statements(srv)) == 9
    # the lost batch was retried by the driver within its one transaction, not again around it (retries of
    # retries would multiply the wait): 9 batches written, the 10th attempted once
    assert len(transactions) == 10, len(transactions)
    assert capfd.readouterr().err == ""
    with BoltServer(password="pw") as again:
        counts = _push(kg, again.uri)
    assert counts["batches"] == len(plan.batches) and _data_statements(again) == [b.cypher for b in plan.batches]


def test_cli_push_errors(pristine, capsys, monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "wrong")
    with BoltServer(password="pw") as srv:
        assert main(["push", "--out", str(pristine), "--uri", srv.uri, "-q"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"policygraph: error: Neo4j at {srv.uri} refused the credentials") and err.count("\n") == 1
    monkeypatch.setenv("NEO4J_PASSWORD", "pw")
    with BoltServer(password="pw") as srv:
        assert main(["push", "--out", str(pristine), "--uri", srv.uri, "-q"]) == 0
    assert capsys.readouterr().out.startswith(f"Pushed to {srv.uri}: ")
