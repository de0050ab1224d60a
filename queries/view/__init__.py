"""The graph in a browser: one self-contained, offline HTML page per view, split along its seams.

    from policygraph.queries.view import render_view, show
    render_view(kg, "out/view.html", focus="SK Hynix", hops=2)    # policygraph view --focus "SK Hynix"
    show(kg, types=["Firm", "Country"])                          # inline in Jupyter

    filters.py     what a view shows: type/relation/document/year filters, a focus with capped hubs, --path
    layout.py      where entities are drawn (force-directed per component, in Python)
    lines.py       one drawn line per (subject, predicate, object), its label and bend
    payload.py     the data the page needs (escaped), legend, documents, years, paths
    statemap.py    the US state map's outlines and data
    page.py        the HTML page (CSP, inlined scripts) and render_view / show
    export.py      CSV of the facts and a static SVG drawing, without a browser
    screenshot.py  PNG screenshots with headless Chromium
    styles.py      colours, shapes and fonts from the ontology

The page's scripts (view_assets/*.js) do the same in the browser: search through the one name resolver,
filters with a time slider, re-layout and fit, labels by zoom, the details panel, exports of what is on
screen (CSV, PNG, SVG), and the state map.
"""
from __future__ import annotations

from .export import facts_csv, view_svg
from .filters import MAX_PATH_HOPS, MAX_PATHS, Selection, parse_years, select
from .layout import python_layout
from .page import build_html, render_html, render_view, show
from .payload import LAYOUT_THRESHOLD, build_payload
from .screenshot import find_chromium, screenshot_html
from .styles import PATH_COLOR, Styles, esc


__all__ = ["render_view", "build_html", "render_html", "show", "select", "Selection", "parse_years",
           "python_layout", "build_payload", "facts_csv", "view_svg", "find_chromium", "screenshot_html", "Styles",
           "esc", "LAYOUT_THRESHOLD", "MAX_PATHS", "MAX_PATH_HOPS", "PATH_COLOR"]
