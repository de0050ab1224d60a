"""The page: one self-contained, offline HTML file (vis-network, the view's CSS and scripts, the data inline)
under a Content-Security-Policy that forbids every network load and runs only the page's own scripts.

    from policygraph.queries.view import render_view, show
    render_view(kg, "out/view.html", focus="SK Hynix", hops=2)   # policygraph view --focus "SK Hynix"
    show(kg, types=["Firm", "Country"])                         # inline in Jupyter

vis-network comes from pyvis's bundled copy (pyvis is the dependency that ships it; the page builds its network
itself). The data is embedded as JSON with `<`, `>` and `&` escaped, so no string can end its script element.
"""
from __future__ import annotations

import base64
import hashlib
import html
import importlib.util
import json
import os
import re
from pathlib import Path
from typing import Callable

from ...console import QUIET, PolicygraphError
from ...graph.model import KnowledgeGraph
from .filters import Selection, select
from .layout import python_layout
from .lines import make_lines
from .payload import LAYOUT_THRESHOLD, build_payload, label_width, main_entities
from .styles import Styles, esc

ASSETS = Path(__file__).resolve().parent.parent / "view_assets"
# the page's scripts, in load order: each adds to window.PG; view.js starts the page
SCRIPTS = ("names.js", "layout.js", "filters.js", "controls.js", "panel.js", "labels.js", "export.js", "statemap.js",
           "view.js")


def vis_dir() -> Path:
    """pyvis's bundled vis-network (found without importing pyvis, which would import IPython)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise PolicygraphError("the view needs pyvis (pip install pyvis), which bundles vis-network")
    lib = Path(list(spec.submodule_search_locations)[0]) / "lib"
    for name in ("vis-9.1.2", "vis-9.0.4"):
        if (lib / name / "vis-network.min.js").exists():
            return lib / name
    raise PolicygraphError(f"vis-network is missing from pyvis ({lib}); reinstall pyvis")


def json_for_script(obj) -> str:
    """JSON safe inside <script>: no '<', '>' or '&' can close the element or start markup."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def inline_script_text(js: str) -> str:
    js = re.sub(r"//[#@]\s*sourceMappingURL=\S*", "", js)
    # a literal '</script' inside inlined code would end the element early
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)


def inline_css_text(css: str) -> str:
    css = re.sub(r"/\*[#@]\s*sourceMappingURL=[^*]*\*/", "", css)
    remote = re.findall(r"url\(\s*['\"]?(?!data:)([^'\")]+)", css) + re.findall(r"@import", css)
    if remote:
        raise PolicygraphError(f"refusing to inline CSS with non-inline references: {remote[:3]}")
    return css.replace("</", "<\\/")


def sha256_csp(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def render_html(payload: dict) -> str:
    """The self-contained page for a payload: vis-network, CSS, scripts and data inline; no network."""
    vis = vis_dir()
    scripts = [inline_script_text((vis / "vis-network.min.js").read_text(encoding="utf-8"))]
    scripts += [inline_script_text((ASSETS / name).read_text(encoding="utf-8")) for name in SCRIPTS]
    csp = ("default-src 'none'; "
           f"script-src {' '.join(sha256_csp(s) for s in scripts)}; "
           "style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none'; "
           "media-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'; "
           "form-action 'none'; base-uri 'none'")
    parts = {
        "CSP": esc(csp),
        "TITLE": payload["meta"]["title"],  # already escaped
        "VIS_CSS": inline_css_text((vis / "vis-network.css").read_text(encoding="utf-8")),
        "VIEW_CSS": inline_css_text((ASSETS / "view.css").read_text(encoding="utf-8")),
        "SCRIPTS": "\n".join(f"<script>{s}</script>" for s in scripts),
        "DATA": json_for_script(payload),
    }
    template = (ASSETS / "template.html").read_text(encoding="utf-8")
    return re.sub(r"\{\{(CSP|TITLE|VIS_CSS|VIEW_CSS|SCRIPTS|DATA)\}\}", lambda m: parts[m.group(1)], template)


def view_title(kg: KnowledgeGraph, sel: Selection, hops) -> str:
    title = "policygraph view"
    if sel.focus:
        title += f": {kg.entities[sel.focus].name} ({hops} hop{'' if str(hops) == '1' else 's'})"
    if sel.path_ends:
        title += f": {kg.entities[sel.path_ends[0]].name} ↔ {kg.entities[sel.path_ends[1]].name}"
    return title


def layout_of(sel: Selection, styles: Styles) -> dict:
    """Positions for the selection: unlinked entities sorted by type then name (as the legend groups them)."""
    rank = {t: i for i, t in enumerate(styles.type_order({e.type for e in sel.entities}))}
    order = sorted(sel.entities, key=lambda e: (rank[e.type], e.name.casefold(), e.id))
    spacing = 150.0 if len(sel.entities) <= 150 else 110.0  # small views: room for the labels
    lines = [(ln.subject, ln.object) for ln in make_lines(sel.relations)]
    return python_layout([e.id for e in order], lines, spacing=spacing,
                         widths={e.id: label_width(e, styles) for e in order}, center=sel.focus,
                         main=main_entities(sel))


def build_payload_for(kg: KnowledgeGraph, progress: Callable | None = None, title: str | None = None,
                      docs_dir=None, out_path="view.html", open_map: bool = False, **options) -> tuple[dict, Selection]:
    """The payload of a view of kg (options as render_view's) and what it shows."""
    progress = progress or QUIET
    styles = Styles()
    sel = select(kg, progress=progress, styles=styles, **options)
    progress(f"Laying out {len(sel.entities)} entities and {len(sel.relations)} relations")
    title = title or view_title(kg, sel, options.get("hops", 2))
    payload = build_payload(kg, sel, styles, title, layout_of(sel, styles), docs_dir, out_path, open_map)
    return payload, sel


def build_html(kg: KnowledgeGraph, progress: Callable | None = None, title: str | None = None,
               **options) -> tuple[str, Selection]:
    """The page for a view of kg, and what it shows (see render_view)."""
    payload, sel = build_payload_for(kg, progress, title, **options)
    return render_html(payload), sel


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def render_view(kg: KnowledgeGraph, out_path, focus=None, hops=2, types=None, predicates=None, docs=None,
                years=None, path=None, png=None, svg=None, csv=None, docs_dir=None, open_map: bool = False,
                progress=None, title: str | None = None) -> Path:
    """Write the interactive view of kg to out_path (one offline HTML file) and return its path.

    focus: an entity name, alias or id; only entities within `hops` relations of it are shown (a hub beyond
    the focus's own neighbours adds at most 8 of its neighbours; the page says so).
    types / predicates / docs: entity types, relation types, document ids to keep (lists or 'a,b' strings).
    years: 'A-B' (or (A, B)) keeps relations dated in those years.
    path: (A, B) highlights the linking paths `explain` lists (up to 5, at most 4 hops), in a distinct colour.
    png / svg / csv: also write a screenshot (needs Chromium), a static drawing, the facts as CSV.
    docs_dir: the build's documents/ folder: each quote links to its document's page (a page of the build).
    open_map: open the page on the US state map (for its screenshot).
    progress: a console.Progress (or any callable(message)).
    """
    progress = progress or QUIET
    out_path = Path(out_path)
    payload, sel = build_payload_for(kg, progress, title, docs_dir=docs_dir, out_path=out_path, open_map=open_map,
                                     focus=focus, hops=hops, types=types, predicates=predicates, docs=docs,
                                     years=years, path=path)
    page = render_html(payload)
    _write(out_path, page)
    progress(f"Wrote {out_path} ({len(sel.entities)} entities, {len(sel.relations)} relations)")
    if svg is not None or csv is not None:
        from .export import facts_csv, view_svg

        if svg is not None:
            _write(Path(svg), view_svg(payload))
        if csv is not None:
            _write(Path(csv), facts_csv(payload))
    if png is not None:
        from .screenshot import screenshot_html

        screenshot_html(page, png, progress=progress)
    return out_path


class _InlineHTML:
    """Fallback when IPython is absent: anything that renders _repr_html_ shows it."""

    def __init__(self, data: str) -> None:
        self.data = data

    def _repr_html_(self) -> str:
        return self.data


def show(kg: KnowledgeGraph, focus=None, hops=2, types=None, predicates=None, docs=None, years=None, path=None,
         height: int = 760, progress=None):
    """The view as an IPython HTML object, shown inline by Jupyter (an iframe holding the offline page)."""
    page, _ = build_html(kg, progress=progress, focus=focus, hops=hops, types=types, predicates=predicates,
                         docs=docs, years=years, path=path)
    frame = (f'<div class="policygraph-view"><iframe srcdoc="{html.escape(page, quote=True)}" '
             f'style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
             'sandbox="allow-scripts allow-downloads allow-popups"></iframe></div>')
    try:
        from IPython.display import HTML
    except ImportError:
        return _InlineHTML(frame)
    return HTML(frame)


__all__ = ["render_view", "build_html", "render_html", "show", "LAYOUT_THRESHOLD", "vis_dir"]
