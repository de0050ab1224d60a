"""What a document states about itself: its title, publisher, date and author, where it states them.

    from policygraph.loaders.read.metadata import read_metadata
    read_metadata(Path("report.html"), data)   # {'title': ..., 'publisher': ..., 'date': ...}

HTML: <title>, Open Graph and Dublin Core / Highwire (citation_*) meta tags, article:published_time. PDF: the
document information dictionary (Title, Author, CreationDate). Markdown: a YAML front matter block, else the
first `# heading`. Plain text: `Title:` / `Publisher:` / `Date:` lines at the top, else a first line that reads
as a title (short, no closing punctuation, not a section heading such as "Introduction"). Nothing is guessed
from a file name; a document that states nothing gets nothing. Reading never fails a build: any trouble gives
no metadata.
"""
from __future__ import annotations

import re
from pathlib import Path

from .readers import FORMATS, bounded_nesting

KEYS = ("title", "publisher", "date", "author")
MAX_LEN = 300
GENERIC_HEADINGS = {"introduction", "abstract", "summary", "executive summary", "contents", "table of contents",
                    "foreword", "preface", "overview", "background", "conclusion", "acknowledgments",
                    "acknowledgements", "key findings", "key takeaways"}
HTML_META = {  # meta name/property (lower case) -> key, in order of preference
    "title": ("citation_title", "dc.title", "og:title", "twitter:title"),
    "publisher": ("citation_publisher", "dc.publisher", "publisher", "og:site_name", "citation_journal_title"),
    "date": ("citation_publication_date", "citation_date", "dc.date", "article:published_time", "date",
             "pubdate", "publication_date"),
    "author": ("citation_author", "dc.creator", "author", "article:author"),
}


def _clean(value) -> str | None:
    if not isinstance(value, str):
        return None
    text = re.sub(r"\s+", " ", value).strip()
    return text[:MAX_LEN] or None


def _html(data: bytes) -> dict:
    from selectolax.lexbor import LexborHTMLParser

    html, _ = bounded_nesting(data.decode("utf-8", errors="replace"))  # the parser's time grows with nesting
    tree = LexborHTMLParser(html)
    meta: dict[str, str] = {}
    for node in tree.css("meta"):
        name = (node.attributes.get("name") or node.attributes.get("property") or "").strip().lower()
        content = node.attributes.get("content")
        if name and content and name not in meta:
            meta[name] = content
    out = {key: next((meta[n] for n in names if meta.get(n)), None) for key, names in HTML_META.items()}
    title = tree.css_first("title")
    if title is not None and title.text(strip=True):
        out["title"] = title.text(strip=True)  # the document's own title first
    elif not out["title"]:
        h1 = tree.css_first("h1")
        out["title"] = h1.text(strip=True) if h1 is not None else None
    if not out["date"]:
        time = tree.css_first("time[datetime]")
        out["date"] = time.attributes.get("datetime") if time is not None else None
    return out


def _pdf_date(value: str | None) -> str | None:
    """'D:20190301120000Z' -> '2019-03-01'."""
    m = re.match(r"(?:D:)?(\d{4})(\d{2})?(\d{2})?", value or "")
    if not m:
        return None
    return "-".join(x for x in m.groups() if x)


def _pdf(data: bytes) -> dict:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        info = pdf.get_metadata_dict(skip_empty=True)
    finally:
        pdf.close()
    return {"title": info.get("Title"), "author": info.get("Author"), "date": _pdf_date(info.get("CreationDate")),
            "publisher": None}


def _text_of(data: bytes) -> str:
    for enc in ("utf-8-sig", "utf-16", "cp1252"):
        try:
            return data[:20_000].decode(enc)
        except UnicodeDecodeError:
            continue
    return ""


def _front_matter(text: str) -> dict:
    m = re.match(r"\A---\s*\n(.*?)\n---\s*\n", text, re.S)
    if not m:
        return {}
    out = {}
    for line in m.group(1).splitlines():
        k, sep, v = line.partition(":")
        if sep and k.strip().lower() in KEYS:
            out[k.strip().lower()] = v.strip().strip("'\"")
    return out


def _labelled_lines(lines: list[str]) -> dict:
    """'Title: ...', 'Publisher: ...', 'Date: ...', 'Author: ...' among the first lines."""
    out = {}
    for line in lines[:12]:
        m = re.match(r"\s*(title|publisher|published by|date|published|author|by)\s*:\s*(\S.*)$", line, re.I)
        if m:
            key = {"published by": "publisher", "published": "date", "by": "author"}.get(m.group(1).lower(),
                                                                                      m.group(1).lower())
            out.setdefault(key, m.group(2))
    return out


def _heading(lines: list[str]) -> str | None:
    """The first non-empty line when it reads as a title (or a Markdown '# heading')."""
    first = next((ln.strip() for ln in lines if ln.strip()), "")
    m = re.match(r"#{1,2}\s+(.+?)\s*#*$", first)
    if m:
        return m.group(1)
    if not (3 <= len(first) <= 150) or not re.search(r"[A-Za-z]{3}", first) or re.search(r"[.,;:!?]$", first):
        return None
    if first.lower() in GENERIC_HEADINGS or re.fullmatch(r"[ivxlcdm\d\s.-]+", first, re.I):
        return None
    return first


def _plain(data: bytes, fmt: str) -> dict:
    text = _text_of(data)
    out = _front_matter(text) if fmt == "md" else {}
    lines = text.splitlines()
    for k, v in _labelled_lines(lines).items():
        out.setdefault(k, v)
    if not out.get("title"):
        out["title"] = _heading(lines)
    return out


def read_metadata(path, data: bytes, fmt: str | None = None) -> dict[str, str]:
    """{'title', 'publisher', 'date', 'author'} as far as the document states them (missing keys are left out)."""
    fmt = fmt or FORMATS.get(Path(path).suffix.lower())
    try:
        if fmt == "html":
            found = _html(data)
        elif fmt == "pdf":
            found = _pdf(data)
        elif fmt in ("md", "txt"):
            found = _plain(data, fmt)
        else:
            return {}
    except Exception:  # metadata is a courtesy: a document it cannot be read from simply has none
        return {}
    return {k: v for k in KEYS if (v := _clean(found.get(k)))}
