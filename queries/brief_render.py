"""A briefing's document model and its three renderings: Markdown, HTML (with a print stylesheet) and JSON.

A briefing (queries/briefing.py) is a list of blocks (headings, paragraphs, lists, tables, the embedded view)
whose lines mix text with footnote references; Footnotes numbers each distinct quote once and knows where it
is in the document text. The three renderers say the same thing: in HTML every string that comes from a
document is escaped; in JSON each line carries its text and its footnote numbers.
"""
from __future__ import annotations

import html
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from ..graph.model import DocumentInfo, Evidence, Relation
from ..safe_text import md_text
from .facts import one_line


def _esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


# -- inline pieces and blocks -------------------------------------------------------------------------
# Each inline piece writes itself in Markdown and in HTML; a plain string is text from a document (md_text
# and _esc keep it inert: shown as written, never rendered as markup).
@dataclass
class Ref:
    n: int

    def md(self) -> str:
        return f"[^{self.n}]"

    def html(self) -> str:
        return f'<sup class="ref"><a href="#fn-{self.n}">[{self.n}]</a></sup>'


@dataclass
class B:
    text: str

    def md(self) -> str:
        core = md_text(self.text.strip())
        lead, trail = self.text[:len(self.text) - len(self.text.lstrip())], self.text[len(self.text.rstrip()):]
        return f"{lead}**{core}**{trail}" if core else self.text

    def html(self) -> str:
        return f"<strong>{_esc(self.text)}</strong>"


@dataclass
class Code:
    text: str

    def md(self) -> str:
        return f"`{self.text.replace('`', '')}`"

    def html(self) -> str:
        return f"<code>{_esc(self.text)}</code>"


@dataclass
class Link:
    text: str
    url: str

    def md(self) -> str:
        return f"[{md_text(self.text)}]({self.url})"

    def html(self) -> str:
        url = self.url if re.match(r"https://[\w./-]+$", self.url) else "#"
        return f'<a href="{_esc(url)}" rel="noopener noreferrer">{_esc(self.text)}</a>'


@dataclass
class Flag:
    text: str

    def md(self) -> str:
        return f"⚠ {md_text(self.text)}"

    def html(self) -> str:
        return f'<span class="flag">⚠ {_esc(self.text)}</span>'


@dataclass
class H:
    level: int
    text: str


@dataclass
class P:
    line: list


@dataclass
class UL:
    items: list


@dataclass
class Table:
    header: list
    rows: list


@dataclass
class Embed:  # the interactive view (HTML output only; hidden in print)
    html: str


@dataclass
class Figure:  # a static SVG of the same view (HTML output only; shown in print)
    svg: str
    caption: str


@dataclass
class Note:
    n: int
    ev: Evidence
    problem: str | None = None
    link: str | None = None  # the document page with the quote highlighted, relative to the briefing


# -- footnotes -----------------------------------------------------------------------------------------
def source_link(docs_dir: Path | None, ev: Evidence, base: Path | None) -> str | None:
    """'documents/<doc>.html#c=START-END' relative to `base` (the briefing's folder), when the build wrote that
    page (see queries/sources.py); None otherwise."""
    if docs_dir is None:
        return None
    page = Path(docs_dir) / f"{ev.doc}.html"
    if not page.is_file():
        return None
    rel = os.path.relpath(page.resolve(), (base or Path.cwd()).resolve())
    return f"{Path(rel).as_posix()}#c={ev.start}-{ev.end}"


class Footnotes:
    """One number per distinct quote (document, offsets), in order of first citation; each checked against the
    document text when `docs_dir` is given, and linked to its document page when the build has one."""

    def __init__(self, docs_dir=None, documents: dict[str, DocumentInfo] | None = None,
                 link_base: Path | None = None) -> None:
        self.docs_dir = Path(docs_dir) if docs_dir is not None else None
        self.documents = documents or {}
        self.link_base = link_base
        self.numbers: dict[Evidence, int] = {}
        self.notes: list[Note] = []
        self._texts: dict[str, str | None] = {}

    def cite(self, rel: Relation) -> list[Ref]:
        refs = []
        for ev in sorted(set(rel.evidence)):
            n = self.numbers.get(ev)
            if n is None:
                n = self.numbers[ev] = len(self.notes) + 1
                self.notes.append(Note(n, ev, self._check(ev), source_link(self.docs_dir, ev, self.link_base)))
            refs.append(Ref(n))
        return refs

    def cites(self, rels) -> list[Ref]:
        """The references of several facts, each number once (facts often share a quote)."""
        return list({x.n: x for r in rels for x in self.cite(r)}.values())

    def _text(self, doc: str) -> str | None:
        if doc not in self._texts:
            try:
                with open(self.docs_dir / f"{doc}.txt", encoding="utf-8", newline="") as fh:
                    self._texts[doc] = fh.read()
            except OSError:
                self._texts[doc] = None
        return self._texts[doc]

    def _check(self, ev: Evidence) -> str | None:
        if self.docs_dir is None:
            return None
        text = self._text(ev.doc)
        if text is None:
            return f"document text {ev.doc}.txt not found in {self.docs_dir}"
        if text[ev.start:ev.end] != ev.quote:
            where = text.find(ev.quote)
            return ("not at these offsets in the document text" + (f" (found at {where})" if where >= 0 else
                                                                    "; not found in it"))
        return None

    def described(self, doc: str) -> str:
        """'“Title”, Publisher, 2019-03-01' from what the document states about itself, or ''."""
        info = self.documents.get(doc)
        return document_description(info) if info is not None else ""


def document_description(info: DocumentInfo) -> str:
    parts = [f"“{info.title}”" if getattr(info, "title", None) else ""]
    parts += [getattr(info, k, None) or "" for k in ("publisher", "date")]
    return ", ".join(p for p in parts if p)


# -- Markdown ------------------------------------------------------------------------------------------
def _md_inline(line, table=False) -> str:
    s = "".join(md_text(x) if isinstance(x, str) else x.md() for x in line)
    if table:
        s = one_line(s).replace("|", "\\|")
    return s


def _cell(c) -> list:
    return c if isinstance(c, list) else [c]


def _md_note(nt: Note, fn: Footnotes) -> str:
    flag = f" ⚠ {nt.problem}" if nt.problem else ""
    about = fn.described(nt.ev.doc)
    link = f" · [open in the document]({nt.link})" if nt.link else ""
    return (f"[^{nt.n}]: “{md_text(one_line(nt.ev.quote))}” — {md_text(nt.ev.doc)}, characters "
            f"{nt.ev.start}–{nt.ev.end}" + (f" · {md_text(about)}" if about else "") + link + md_text(flag))


def render_markdown(blocks, fn: Footnotes) -> str:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, H):
            out += ["#" * b.level + " " + md_text(b.text), ""]
        elif isinstance(b, P):
            out += [_md_inline(b.line), ""]
        elif isinstance(b, UL):
            out += [f"- {_md_inline(item)}" for item in b.items] + [""]
        elif isinstance(b, Table):
            out.append("| " + " | ".join(_md_inline(_cell(h), True) for h in b.header) + " |")
            out.append("|" + "---|" * len(b.header))
            out += ["| " + " | ".join(_md_inline(_cell(c), True) for c in row) + " |" for row in b.rows]
            out.append("")
    if fn.notes:
        out += ["## Sources", ""] + [_md_note(nt, fn) for nt in fn.notes] + [""]
    return "\n".join(out).rstrip() + "\n"


# -- HTML ----------------------------------------------------------------------------------------------
def _html_inline(line) -> str:
    return "".join(_esc(x) if isinstance(x, str) else x.html() for x in line)


CSS = """body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem}table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.2rem .5rem;
text-align:left;vertical-align:top}th{background:#f4f4f4}.flag{color:#b00020;font-weight:600}
sup.ref a{text-decoration:none}ol.fn li{margin:.3rem 0}ol.fn q{font-style:italic}.dim{color:#666}
iframe.view{width:100%;height:34rem;border:1px solid #ccc}code{background:#f4f4f4;padding:0 .2rem}
figure.view-print{display:none;margin:0}figure.view-print svg{width:100%;height:auto}
figure.view-print figcaption{font-size:.85rem;color:#555}
@media print{
@page{size:A4;margin:16mm 14mm}
body{font:10.5pt/1.4 Georgia,"Times New Roman",serif;max-width:none;margin:0;padding:0;color:#000}
h1{font-size:17pt;margin:0 0 6pt}h2{font-size:13pt;border-bottom:1px solid #999;break-after:avoid;page-break-after:avoid}
h3{font-size:11pt;break-after:avoid;page-break-after:avoid}
table,tr,li,blockquote,figure{break-inside:avoid;page-break-inside:avoid}
th{background:#eee}a{color:#000;text-decoration:none}sup.ref a{color:#000}
iframe.view{display:none}figure.view-print{display:block}
ol.fn{font-size:9pt}ol.fn a.src::after{content:" (" attr(href) ")";font-size:8pt;color:#555;word-break:break-all}
.flag{color:#000;font-weight:700}code{background:none}
}"""


def _html_block(b, state: dict) -> str | None:
    if isinstance(b, H):
        return f"<h{b.level}>{_esc(b.text)}</h{b.level}>"
    if isinstance(b, P):
        return f"<p>{_html_inline(b.line)}</p>"
    if isinstance(b, UL):
        return "<ul>" + "".join(f"<li>{_html_inline(i)}</li>" for i in b.items) + "</ul>"
    if isinstance(b, Table):
        head = "".join(f"<th>{_html_inline(_cell(h))}</th>" for h in b.header)
        rows = "".join("<tr>" + "".join(f"<td>{_html_inline(_cell(c))}</td>" for c in r) + "</tr>" for r in b.rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
    if isinstance(b, Embed):
        # the frame is a document of its own (srcdoc inherits this page's CSP): allow exactly the view's own
        # scripts, by the hashes its CSP lists
        m = re.search(r"script-src ([^;\"]+)", html.unescape(b.html))
        if m:
            state["script_src"] = m.group(1).strip()
        return (f'<iframe class="view" title="graph view" sandbox="allow-scripts allow-downloads" '
                f'srcdoc="{_esc(b.html)}"></iframe>')
    if isinstance(b, Figure):  # our own SVG: every string in it is escaped where it is made
        return f'<figure class="view-print">{b.svg}<figcaption>{_esc(b.caption)}</figcaption></figure>'
    return None


def _html_note(nt: Note, fn: Footnotes) -> str:
    flag = f' <span class="flag">⚠ {_esc(nt.problem)}</span>' if nt.problem else ""
    about = fn.described(nt.ev.doc)
    where = f"characters {nt.ev.start}–{nt.ev.end}"
    if nt.link:
        where = f'<a class="src" href="{_esc(nt.link)}">{where}</a>'
    return (f'<li id="fn-{nt.n}" value="{nt.n}"><q>{_esc(one_line(nt.ev.quote))}</q> — '
            f'<cite>{_esc(nt.ev.doc)}</cite>' + (f" ({_esc(about)})" if about else "")
            + f', <span class="dim">{where}</span>{flag}</li>')


def render_html(title: str, blocks, fn: Footnotes) -> str:
    state = {"script_src": "'none'"}
    body = [x for x in (_html_block(b, state) for b in blocks) if x is not None]
    if fn.notes:
        body.append('<h2 id="sources">Sources</h2><ol class="fn">')
        body += [_html_note(nt, fn) for nt in fn.notes]
        body.append("</ol>")
    csp = (f"default-src 'none'; script-src {state['script_src']}; style-src 'unsafe-inline'; img-src data: blob:; "
           "font-src data:; connect-src 'none'; object-src 'none'; form-action 'none'; base-uri 'none'")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f'<meta http-equiv="Content-Security-Policy" content="{_esc(csp)}">'
            f"<title>{_esc(title)}</title><style>{CSS}</style></head><body>\n" + "\n".join(body)
            + "\n</body></html>\n")


# -- JSON ----------------------------------------------------------------------------------------------
def _json_line(line) -> dict:
    text = "".join(x if isinstance(x, str) else f"⚠ {x.text}" if isinstance(x, Flag) else
                   getattr(x, "text", "") for x in line if not isinstance(x, Ref))
    return {"text": text, "refs": [x.n for x in line if isinstance(x, Ref)]}


def _json_block(b) -> dict | None:
    if isinstance(b, H):
        return {"type": "heading", "level": b.level, "text": b.text}
    if isinstance(b, P):
        return {"type": "paragraph", **_json_line(b.line)}
    if isinstance(b, UL):
        return {"type": "list", "items": [_json_line(i) for i in b.items]}
    if isinstance(b, Table):
        return {"type": "table", "header": [_json_line(_cell(h))["text"] for h in b.header],
                "rows": [[_json_line(_cell(c)) for c in r] for r in b.rows]}
    return None


def render_json(title: str, blocks, fn: Footnotes, data: dict) -> str:
    sources = []
    for nt in fn.notes:
        info = fn.documents.get(nt.ev.doc)
        sources.append({"n": nt.n, "doc": nt.ev.doc, "start": nt.ev.start, "end": nt.ev.end,
                        "quote": one_line(nt.ev.quote), "document": info.to_dict() if info is not None else None,
                        "link": nt.link, "problem": nt.problem})
    out = {"title": title, "data": data, "blocks": [x for x in map(_json_block, blocks) if x is not None],
           "sources": sources}
    return json.dumps(out, indent=1, ensure_ascii=False, default=str) + "\n"
