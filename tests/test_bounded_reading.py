"""Inputs that would take the machine down are refused early, with bounded memory (issue 13: H1, H2, H3), and
odd encodings are read with a warning (issue 13, "Smaller"). The bombs are made here, small on disk.

Speed is measured by bench/bench_limits.py (figures, not assertions); these tests assert the refusals, the
messages, and (where robust on a busy machine) that memory stays bounded.
"""
from __future__ import annotations

import random
import subprocess
import sys
import zlib

import pytest

import policygraph
from build_fixtures import cli_env, make_pdf, no_traceback, pdf_with_stream
from policygraph.loaders.read import readers
from policygraph.loaders.read.errors import LoadError

UNIT = b"BT /F1 1 Tf 10 10 Td (AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA) Tj ET\n"
FIRST = b"BT /F1 9 Tf 72 720 Td (South Korea and the United States signed the KORUS FTA in 2007.) Tj ET\n"


def deflated_page(inflated_bytes: int) -> bytes:
    """Text operators that inflate to `inflated_bytes`, deflated (~1 kB on disk per MB)."""
    c = zlib.compressobj(9)
    parts = [c.compress(FIRST)]
    block = UNIT * 1024
    for _ in range(inflated_bytes // len(block)):
        parts.append(c.compress(block))
    return b"".join(parts) + c.flush()


def bomb(inflated_mb: int = 135) -> bytes:
    return pdf_with_stream(deflated_page(inflated_mb << 20))


def _run_measured(tmp_path, *args) -> tuple[int, str, int]:
    """The CLI in a fresh process; its peak resident memory (VmHWM, read at exit)."""
    peak = tmp_path / "peak.txt"
    code = ("import atexit, sys\nfrom policygraph.cli import main\n"
            "def peak():\n"
            "    hwm = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:')]\n"
            "    open(sys.argv[1], 'w').write(hwm[0])\n"
            "atexit.register(peak)\nsys.exit(main(sys.argv[2:]))\n")
    done = subprocess.run([sys.executable, "-c", code, str(peak), *map(str, args)], capture_output=True, text=True,
                          env=cli_env(), timeout=600)
    return done.returncode, done.stderr, int(peak.read_text()) * 1024


# -- H1: PDFs -----------------------------------------------------------------------------------------------------
@pytest.mark.skipif(sys.platform != "linux", reason="peak memory read from /proc/self/status")
@pytest.mark.slow  # a bomb, in a fresh process
def test_h1_a_pdf_bomb_is_refused_with_memory_bounded(tmp_path):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(bomb(135))
    assert path.stat().st_size < 1024 * 1024  # under 1 MB on disk, 135 MB inflated
    rc, err, peak = _run_measured(tmp_path, "build", path, "--out", tmp_path / "out", "-q", "--rules-only")
    assert rc == 1 and no_traceback(err) and err.count("\n") == 1, err
    assert f"{path}: the compressed page content at byte" in err and "inflates to more than 4 MB" in err
    assert peak < 500 * 1024 * 1024, peak
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("filters, encode", [
    ("[/ASCIIHexDecode /FlateDecode]", lambda b: b.hex().encode() + b">"),
    ("[/ASCII85Decode /FlateDecode]", lambda b: __import__("base64").a85encode(b) + b"~>"),
])
def test_h1_a_bomb_behind_an_ascii_filter_is_refused_too(tmp_path, filters, encode):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(pdf_with_stream(encode(deflated_page(16 << 20)), filters))
    with pytest.raises(LoadError, match="inflates to more than 4 MB"):
        readers.read_document(path)


def test_h1_many_pages_are_refused_before_reading_them(tmp_path):
    path = tmp_path / "pages.pdf"
    path.write_bytes(make_pdf([[f"Page {i} of the report."] for i in range(readers.MAX_PAGES + 1)]))
    with pytest.raises(LoadError, match=r"too many pages \(5,001 > 5,000 limit\)"):
        readers.read_document(path)


@pytest.mark.slow
def test_h1_the_20000_page_pdf_of_the_issue_is_refused(tmp_path):
    path = tmp_path / "pages.pdf"
    path.write_bytes(make_pdf([[f"Page {i} of the report on trade."] for i in range(20_000)]))
    rc, err, peak = _run_measured(tmp_path, "build", path, "--out", tmp_path / "out", "-q", "--rules-only")
    assert rc == 1 and "too many pages (20,000 > 5,000 limit)" in err, err
    assert peak < 500 * 1024 * 1024


def test_h1_pdf_reading_has_a_time_limit(tmp_path, monkeypatch):
    """PDFium runs in a worker process that is stopped at MAX_PDF_SECONDS (here far too short for any file)."""
    monkeypatch.setattr(readers, "MAX_PDF_SECONDS", 0.01)
    path = tmp_path / "ok.pdf"
    path.write_bytes(pdf_with_stream(zlib.compress(FIRST)))
    with pytest.raises(LoadError, match=r"reading its text took over 0.01 s"):
        readers.read_document(path)


def test_h1_a_reader_that_fails_is_one_error_naming_the_file(tmp_path, monkeypatch):
    """The worker dies (here: it has no memory to start in); the build gets one LoadError naming the file."""
    monkeypatch.setattr(readers, "MAX_PDF_MEMORY", 1)
    path = tmp_path / "ok.pdf"
    path.write_bytes(pdf_with_stream(zlib.compress(FIRST)))
    with pytest.raises(LoadError) as err:
        readers.read_document(path)
    assert str(err.value).startswith(f"{path}: ") and "\n" not in str(err.value)


def test_h1_text_is_counted_page_by_page(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "MAX_CHARS", 2_000)
    path = tmp_path / "long.pdf"
    path.write_bytes(make_pdf([["Japan imposed export controls on South Korea in 2019. " * 8] for _ in range(40)]))
    with pytest.raises(LoadError, match=r"text too long \(over 0.002 million characters by page \d+ of 40\)"):
        readers.read_document(path)


def test_h1_an_ordinary_pdf_still_reads(tmp_path):
    path = tmp_path / "ok.pdf"
    path.write_bytes(pdf_with_stream(zlib.compress(FIRST)))
    assert "KORUS FTA" in readers.read_document(path).raw


# -- H2: HTML nesting ---------------------------------------------------------------------------------------------
def nested_html(depth: int) -> str:
    return ("<html><body>" + "<div>" * depth + "<p>South Korea and the United States signed the KORUS FTA in "
            "2007.</p>" + "</div>" * depth + "</body></html>")


def test_h2_deeply_nested_html_is_flattened_and_read(tmp_path):
    path = tmp_path / "nested.html"
    path.write_text(nested_html(100_000))  # 1.1 MB
    doc = readers.read_document(path)
    assert "signed the KORUS FTA in 2007." in doc.raw
    assert any("nested 100003 levels deep" in w for w in doc.warnings), doc.warnings


def test_h2_the_metadata_reader_parses_bounded_html_too(monkeypatch):
    """A build reads the document and its metadata (title, dates): both parse HTML, so both get it bounded."""
    from selectolax import lexbor

    from policygraph.loaders.read import metadata

    depths = []
    real = lexbor.LexborHTMLParser

    def parser(html, *args, **kwargs):
        depths.append(readers.bounded_nesting(html)[1])
        return real(html, *args, **kwargs)

    monkeypatch.setattr(lexbor, "LexborHTMLParser", parser)
    page = nested_html(5000).replace("<html>", "<html><head><title>Deep page</title></head>", 1)
    found = metadata.read_metadata("nested.html", page.encode())
    assert depths and max(depths) <= readers.MAX_HTML_DEPTH + 1, depths
    assert found.get("title") == "Deep page"


def test_h2_nesting_is_bounded_and_ordinary_html_untouched():
    html, deepest = readers.bounded_nesting(nested_html(2000), limit=100)
    assert deepest == 2003 and html.count("<div>") == 98 and html.count("</div>") == 98
    page = "<p>one<p>two<ul><li>a<li>b</ul><br><img src=x><!-- <div> -->"
    assert readers.bounded_nesting(page, limit=3) == (page, 3)  # unclosed <p>/<li> are siblings, not depth


# -- H3: a large delta is validated in full ------------------------------------------------------------------------
def test_h3_a_large_delta_falls_back_to_full_validation(tmp_path, monkeypatch):
    """pyshacl's cost with focus nodes grows with targets x focus nodes (51,723 changed nodes: over 20 minutes):
    past a share of the graph, or a number of nodes, everything is validated instead."""
    import json

    from rdflib import RDF, RDFS, Graph, Literal, URIRef

    from policygraph.builds import validation
    from policygraph.graph import rdf

    def graph(n: int, extra: int = 0) -> Graph:
        g = Graph()
        for i in range(n + extra):
            node = URIRef(f"{rdf.ID_NS}firm/f{i}")
            g.add((node, RDF.type, URIRef(f"{rdf.PREFIXES['pg']}Firm")))
            g.add((node, RDFS.label, Literal(f"Firm {i}")))
        return g

    (tmp_path / "build.json").write_text(json.dumps({"use_model": False, "validation": validation.validation_stamp()}))
    (tmp_path / "graph.nt").write_text(rdf.to_ntriples(graph(400)), encoding="utf-8")
    small, large = graph(400, 5), graph(400, 200)
    assert len(validation.validation_focus(tmp_path, rdf.to_ntriples(small), small)) == 5  # only what changed
    assert validation.validation_focus(tmp_path, rdf.to_ntriples(large), large) is None  # 200 of 600: everything
    monkeypatch.setattr(validation, "MAX_FOCUS_NODES", 4)
    assert validation.validation_focus(tmp_path, rdf.to_ntriples(small), small) is None  # past the number


# -- encodings ------------------------------------------------------------------------------------------------------
def test_a_stray_byte_keeps_utf8_and_says_so(tmp_path):
    path = tmp_path / "mixed.txt"
    data = "Séoul and São Paulo: Samsung Electronics invested $17 billion in Texas.\n".encode() + b"A stray \x92 byte.\n"
    path.write_bytes(data)
    doc = readers.read_document(path)
    assert doc.raw.startswith("Séoul and São Paulo") and "\ufffd" in doc.raw
    assert doc.warnings == [f"1 byte that are not UTF-8 (mixed encodings? first at byte {data.index(0x92)}) shown as "
                            "U+FFFD"]


def test_a_one_byte_encoding_is_read_as_windows_1252_and_says_so(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes("Le café: Hyundai Motor Group said \u201cyes\u201d in 2022.\n".encode("cp1252"))
    doc = readers.read_document(path)
    assert doc.raw.startswith("Le café: Hyundai") and "\u201cyes\u201d" in doc.raw
    assert len(doc.warnings) == 1 and doc.warnings[0].startswith("not UTF-8 (first at byte 6): read as Windows-1252")


def test_random_high_bytes_are_no_letters(tmp_path):
    rnd = random.Random(5)
    junk = bytes(rnd.randrange(0x80, 0x100) for _ in range(60))
    path = tmp_path / "junk.txt"
    path.write_bytes(b"Samsung Electronics invested $17 billion in Texas in 2021.\n" + junk + b"\n")
    doc = readers.read_document(path)
    line = doc.raw.splitlines()[1]
    assert set(line) == {"\ufffd"}, line  # never letters an entity could be made of
    assert doc.warnings and "not text in any encoding" in doc.warnings[0]


@pytest.mark.slow
def test_random_high_bytes_never_become_an_entity(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for seed in range(8):
        rnd = random.Random(seed)
        junk = bytes(rnd.randrange(0x80, 0x100) for _ in range(60))
        (src / f"junk{seed}.txt").write_bytes(b"Samsung Electronics invested $17 billion in Texas in 2021.\n" + junk
                                              + b"\nHyundai Motor Group will invest $5 billion in Georgia.\n")
    b = policygraph.build([src], out=tmp_path / "out")  # with the spaCy model: its NER saw such 'names'
    names = {e.name for e in b.kg.entities.values()}
    assert all(n.isascii() for n in names), names
    assert any("not text in any encoding" in w for w in b.warnings)
