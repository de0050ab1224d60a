"""Provenance (issue 11): document titles, publishers and dates where the document states them, carried into
documents.json, and a page per document in the build with the cited span highlighted.

Every document here is written by the test; nothing is copied from the corpus.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_fixtures import make_pdf  # noqa: E402

from policygraph.graph.model import DocumentInfo  # noqa: E402
from policygraph.loaders.read.metadata import read_metadata  # noqa: E402
from policygraph.queries.sources import document_page  # noqa: E402

HTML = """<!DOCTYPE html><html><head><title>Chips &amp; Trade: A Brief</title>
<meta property="og:site_name" content="Made-up Institute">
<meta name="citation_publication_date" content="2024-05-02">
<meta name="author" content="A. Writer"></head>
<body><h1>Chips and Trade</h1><p>SK Hynix will invest $3.87 billion in Indiana in 2024.</p></body></html>"""


def pdf_with_info(title: str, author: str, created: str) -> bytes:
    """make_pdf's PDF with a document information dictionary added (a new object and /Info in the trailer)."""
    data = make_pdf([["Samsung invested $17 billion in Texas in 2021."]])
    n = int(re.search(rb"trailer\n<< /Size (\d+)", data).group(1))
    body = data[:data.rindex(b"xref\n")]
    offset = len(body)
    body += b"%d 0 obj\n<< /Title (%s) /Author (%s) /CreationDate (%s) >>\nendobj\n" % (
        n, title.encode(), author.encode(), created.encode())
    offsets = [int(x) for x in re.findall(rb"(\d{10}) 00000 n", data)] + [offset]
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (n + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (n + 1, n, xref)
    return bytes(body)


def test_html_title_publisher_date_author(tmp_path):
    meta = read_metadata(tmp_path / "a.html", HTML.encode())
    assert meta == {"title": "Chips & Trade: A Brief", "publisher": "Made-up Institute", "date": "2024-05-02",
                    "author": "A. Writer"}


def test_pdf_information_dictionary(tmp_path):
    meta = read_metadata(tmp_path / "a.pdf", pdf_with_info("Texas Fabs", "Made-up Office", "D:20210304101500Z"))
    assert meta == {"title": "Texas Fabs", "author": "Made-up Office", "date": "2021-03-04"}
    assert read_metadata(tmp_path / "b.pdf", make_pdf([["No metadata here."]])) == {}


@pytest.mark.parametrize("name, text, want", [
    ("a.md", "---\ntitle: Battery Parks\ndate: 2022-01-09\npublisher: Made-up Desk\n---\n\nSK On invests.\n",
     {"title": "Battery Parks", "date": "2022-01-09", "publisher": "Made-up Desk"}),
    ("b.md", "# Gamma note\n\nSamsung invested $17 billion in Texas in 2021.\n", {"title": "Gamma note"}),
    ("c.txt", "Title: Alliance Notes\nPublisher: Made-up Council\nDate: March 2019\n\nThe allies met.\n",
     {"title": "Alliance Notes", "publisher": "Made-up Council", "date": "March 2019"}),
    ("d.txt", "U.S.-ROK Trade at a Crossroads\n\nThe two allies negotiated.\n", {"title": "U.S.-ROK Trade at a Crossroads"}),
    # what is not a title: a sentence, a page number, a section heading
    ("e.txt", "The two allies negotiated a new agreement in 2018.\nMore text.\n", {}),
    ("f.txt", " i\n\nIntroduction\n\nThe two allies negotiated.\n", {}),
    ("g.txt", "Introduction\n\nThe two allies negotiated.\n", {}),
])
def test_text_and_markdown(tmp_path, name, text, want):
    assert read_metadata(tmp_path / name, text.encode()) == want


def test_broken_input_gives_no_metadata(tmp_path):
    assert read_metadata(tmp_path / "x.pdf", b"%PDF-1.4 garbage") == {}
    assert read_metadata(tmp_path / "x.docx", b"whatever") == {}


def test_a_build_carries_what_documents_state_and_writes_their_pages(tmp_path):
    from policygraph.api import build

    src = tmp_path / "docs"
    src.mkdir()
    (src / "chips.html").write_text(HTML, encoding="utf-8")
    (src / "fabs.pdf").write_bytes(pdf_with_info("Texas Fabs", "Made-up Office", "D:20210304"))
    (src / "plain.txt").write_text("Hyundai Motor Group announced a $5.5 billion investment in Georgia in 2022.\n",
                                   encoding="utf-8")
    b = build([src], out=tmp_path / "out", use_model=False, store=False)
    docs = {d["id"]: d for d in json.loads((b.out / "documents.json").read_text(encoding="utf-8"))}
    assert docs["chips"]["title"] == "Chips & Trade: A Brief" and docs["chips"]["publisher"] == "Made-up Institute"
    assert docs["fabs"]["title"] == "Texas Fabs" and docs["fabs"]["date"] == "2021-03-04"
    assert "title" not in docs["plain"]  # it states none: only its id is shown
    assert b.kg.documents["chips"].title == "Chips & Trade: A Brief"
    for doc in docs:  # a page per document next to its text
        page = (b.out / "documents" / f"{doc}.html").read_text(encoding="utf-8")
        assert "<script>" in page and "Content-Security-Policy" in page
    view = (b.out / "view.html").read_text(encoding="utf-8")
    assert "Chips &amp;amp; Trade: A Brief" in view or "Chips \\u0026amp; Trade: A Brief" in view
    assert 'documents/chips.html' in view


def test_document_page_escapes_and_keeps_the_exact_text():
    text = "\r\n<b>bold?</b> & \U0001F600 emoji\nline"
    page = document_page(DocumentInfo("d", "d.txt", "0", len(text), "txt", title="<T>"), "d", text)
    assert "<b>bold?</b>" not in page and "&lt;b&gt;bold?&lt;/b&gt;" in page and "<title>&lt;T&gt;</title>" in page
    data = re.search(r'<script type="application/json" id="doc-data">(.*?)</script>', page, re.S).group(1)
    assert json.loads(data) == text  # the exact text (CR LF, astral characters), for exact offsets
