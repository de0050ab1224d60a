"""A page per document in the build (DIR/documents/<id>.html): the text as read, with the cited span highlighted.

Every quote in a view or a briefing links to `documents/<id>.html#c=START-END`; the page shows the document's
text (exactly documents/<id>.txt, whose character offsets the evidence uses), its title, publisher and date
where the document states them, and marks characters START to END, scrolled into view. Offline: the page loads
nothing and runs only its own small script (by hash, under a Content-Security-Policy).
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
from pathlib import Path

from ..graph.model import DocumentInfo

# START and END are character (code point) offsets, as Python counts them; JavaScript strings count UTF-16
# units, so the offsets are converted before the range is marked.
SCRIPT = r"""(function () {
  "use strict";
  var pre = document.getElementById("doc-text"), note = document.getElementById("doc-where");
  // the exact text (HTML parsing would fold CR LF and drop a leading line break of <pre>)
  var text = JSON.parse(document.getElementById("doc-data").textContent);
  function unit(cp) {
    var i = 0, n = 0;
    while (n < cp && i < text.length) {
      var c = text.charCodeAt(i);
      i += (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) ? 2 : 1;
      n++;
    }
    return i;
  }
  function show() {
    var m = /^#c=(\d+)-(\d+)$/.exec(location.hash);
    pre.textContent = text;
    note.textContent = "";
    if (!m) return;
    var a = unit(Number(m[1])), b = unit(Number(m[2]));
    if (b <= a || b > text.length) { note.textContent = "characters " + m[1] + "–" + m[2] + " are not in this text"; return; }
    var range = document.createRange();
    range.setStart(pre.firstChild, a);
    range.setEnd(pre.firstChild, b);
    var mark = document.createElement("mark");
    mark.id = "cited";
    range.surroundContents(mark);
    note.textContent = "Highlighted: characters " + m[1] + "–" + m[2] + " (the quote as cited).";
    mark.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", show);
  show();
})();"""

CSS = """body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2328}
header{position:sticky;top:0;background:#f8f9fb;border-bottom:1px solid #d0d7de;padding:10px 18px}
h1{font-size:17px;margin:0}.meta{color:#57606a;font-size:13px}#doc-where{font-size:13px;color:#8a4b00}
pre{white-space:pre-wrap;word-break:break-word;font:14px/1.55 Georgia,"Times New Roman",serif;margin:0;
padding:16px 18px;max-width:60rem}mark{background:#ffe066;outline:2px solid #e8a200;border-radius:2px}
@media print{header{position:static}mark{background:#ffe066 !important;-webkit-print-color-adjust:exact;
print-color-adjust:exact}}"""


def _json(text: str) -> str:
    """JSON safe inside <script>: no '<', '>' or '&' can end the element."""
    return (json.dumps(text, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def document_page(info: DocumentInfo | None, doc_id: str, text: str) -> str:
    """The HTML page of one document's text (see the module docstring)."""
    e = html.escape
    title = (info.title if info is not None and info.title else None) or doc_id
    meta = [f"id <code>{e(doc_id)}</code>"]
    if info is not None:
        meta += [e(v) for v in (info.publisher, info.date, info.author) if v]
        meta.append(f"{info.format}, {info.chars:,} characters, from {e(info.path)}")
    csp = (f"default-src 'none'; script-src {_csp_hash(SCRIPT)}; style-src 'unsafe-inline'; img-src 'none'; "
           "connect-src 'none'; form-action 'none'; base-uri 'none'")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f'<meta http-equiv="Content-Security-Policy" content="{e(csp)}"><meta name="referrer" content="no-referrer">'
            f"<title>{e(title)}</title><style>{CSS}</style></head><body>"
            f'<header><h1>{e(title)}</h1><div class="meta">{" · ".join(meta)}</div><div id="doc-where"></div></header>'
            f'<pre id="doc-text">\n{e(text, quote=False)}</pre>'
            f'<script type="application/json" id="doc-data">{_json(text)}</script>'
            f"<script>{SCRIPT}</script></body></html>\n")


def write_document_pages(documents: dict[str, DocumentInfo], raws: dict[str, str], docs_dir: Path) -> None:
    """DIR/documents/<id>.html for each document text (next to <id>.txt)."""
    docs_dir = Path(docs_dir)
    for doc_id, raw in sorted(raws.items()):
        (docs_dir / f"{doc_id}.html").write_text(document_page(documents.get(doc_id), doc_id, raw),
                                                 encoding="utf-8", newline="")
