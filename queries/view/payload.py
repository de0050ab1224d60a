"""The data a view page needs: vis-network nodes and lines, what the panel shows for each entity, line and
fact, the legend, the filters (types, relations, documents with their titles, a histogram of facts per
year), the linking paths, and the state map.

Safety rule: every string that comes from a document (names, aliases, quotes, document ids and titles) is
HTML-escaped here before it reaches the page; the page's scripts put only these pre-escaped fields (html, tip,
name, label, title, summary, notes, docs[].id/title) into innerHTML.
"""
from __future__ import annotations

import math
import os
from urllib.parse import quote
from collections import Counter
from pathlib import Path

from ...graph.model import Entity, KnowledgeGraph, Relation
from ..facts import amount_of, joint_id, one_line, qualifier_text, status_of, year_of
from ..names import degrees, normalize, search_keys
from ..rollups import home_country
from . import statemap
from .filters import Selection
from .lines import Line, bends, edge_width, line_label, make_lines
from .styles import EDGE_COLOR, EDGE_FONT, LABEL_INSIDE, NODE_FONT, PATH_COLOR, Styles, esc, mix

LAYOUT_THRESHOLD = 300  # above this many entities: straight lines, hidden while dragging or zooming
MIN_MAIN_LABELS = 10  # at the opening zoom, at least this many of the most connected entities are labelled
MAIN_SHARE = 0.12  # ... or this share of the entities, whichever is more
MAIN_BY_AMOUNT = 4  # and the ends of the largest amounts


def _label(name: str) -> str:
    return name if len(name) <= 42 else name[:40] + "…"


def label_width(e: Entity, styles: Styles | None = None) -> float:
    """Rough pixel width of an entity's label at 14px."""
    return 7.6 * len(_label(e.name))


def importance(sel: Selection) -> dict[str, int]:
    """Rank of each entity: most relations in the view first, then the largest amount, then the name."""
    degree, amount = Counter(), Counter()
    for r in sel.relations:
        degree[r.subject] += 1
        degree[r.object] += 1
        a = amount_of(r) or 0.0
        amount[r.subject] = max(amount[r.subject], a)
        amount[r.object] = max(amount[r.object], a)
    order = sorted(sel.entities, key=lambda e: (-degree[e.id], -amount[e.id], e.name.casefold(), e.id))
    return {e.id: i for i, e in enumerate(order)}


def glyph_url(shape: str, fill: str, stroke: str, width: float = 1.5) -> str:
    """A small box or ellipse as an SVG data URL: shapes vis-network would draw around their label are drawn
    as this image instead, so every entity's label sits under it and can be sized by zoom like the others."""
    if shape in ("ellipse", "circle"):
        body = f'<ellipse cx="20" cy="13" rx="{19 - width / 2:.2f}" ry="{12 - width / 2:.2f}"'
    else:
        body = f'<rect x="{width / 2:.2f}" y="{width / 2:.2f}" width="{40 - width:.2f}" height="{26 - width:.2f}" rx="4"'
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" width="40" height="26" viewBox="0 0 40 26">{body} '
           f'fill="{fill}" stroke="{stroke}" stroke-width="{width}"/></svg>')
    return "data:image/svg+xml;charset=utf-8," + quote(svg, safe="")


def main_entities(sel: Selection, rank: dict[str, int] | None = None) -> set[str]:
    """The entities labelled at the opening zoom: the most connected (at least MIN_MAIN_LABELS, or MAIN_SHARE of
    the view) and the MAIN_BY_AMOUNT ends of the largest amounts, among those with a relation."""
    rank = rank if rank is not None else importance(sel)
    n_main = max(MIN_MAIN_LABELS, math.ceil(MAIN_SHARE * len(sel.entities)))
    linked = {r.subject for r in sel.relations} | {r.object for r in sel.relations}
    by_amount = sorted((r for r in sel.relations if amount_of(r)), key=lambda r: (-amount_of(r), r.id))
    rich = list(dict.fromkeys(x for r in by_amount for x in (r.subject, r.object)))[:MAIN_BY_AMOUNT]
    return {i for i, k in rank.items() if k < n_main and i in linked} | set(rich)


def _node(e: Entity, styles: Styles, degree: int, pos, main: bool, on_path: bool, focus: bool) -> dict:
    color, shape = styles.of(e.type)
    border, width = mix(color, (0, 0, 0), 0.35), 1.5
    node = {"id": e.id, "label": _label(e.name), "shape": shape, "borderWidth": width,
            "size": round(min(34.0, 11.0 + 3.5 * math.sqrt(degree)), 1),
            "color": {"background": color, "border": border,
                      "highlight": {"background": mix(color, (255, 255, 255), 0.25), "border": "#111111"},
                      "hover": {"background": mix(color, (255, 255, 255), 0.15), "border": "#111111"}}}
    if on_path:
        node["borderWidth"], border = 4, PATH_COLOR
        node["color"]["border"] = node["color"]["highlight"]["border"] = PATH_COLOR
    if focus:
        node["borderWidth"] = max(node["borderWidth"], 3.5)
    if shape in LABEL_INSIDE:  # drawn as an image of the same shape, the label under it
        node.update(shape="image", image=glyph_url(shape, color, border, min(node["borderWidth"], 3)),
                    shapeProperties={"interpolation": True}, size=round(node["size"] * 0.8, 1))
    if main:
        node["font"] = dict(node.get("font", {}), bold={"mod": "bold"})
    if pos is not None:
        node["x"], node["y"] = pos
    return node


def _entity_html(kg: KnowledgeGraph, e: Entity, color: str, docs: dict) -> str:
    aliases = sorted(a for a in e.aliases if a != e.name)
    rows = [f'<div class="pg-h"><span class="pg-sw" style="background:{esc(color)}"></span>{esc(e.name)}</div>',
            f'<div class="pg-sub">{esc(e.type)}</div>', '<table class="pg-kv">']
    if aliases:
        rows.append(f"<tr><th>Aliases</th><td>{'<br>'.join(esc(a) for a in aliases)}</td></tr>")
    home, basis, _ = home_country(kg, e.id) if e.type == "Firm" else (None, None, [])
    if home:
        name = kg.entities[home].name if home in kg.entities else home
        rows.append(f'<tr><th>Home country</th><td>{esc(name)} <span class="pg-dim">({esc(basis)})</span></td></tr>')
    if e.wikidata:
        qid = str(e.wikidata).rsplit("/", 1)[-1]
        link = (f'<a href="https://www.wikidata.org/wiki/{esc(qid)}" target="_blank" rel="noopener noreferrer">'
                f"{esc(qid)}</a>") if qid[:1] in "QP" and qid[1:].isdigit() else esc(qid)
        rows.append(f"<tr><th>Wikidata</th><td>{link}</td></tr>")
    if e.docs:
        rows.append("<tr><th>Documents</th><td>" + "<br>".join(docs.get(d, {}).get("title") or esc(d)
                                                               for d in sorted(e.docs)) + "</td></tr>")
    rows.append(f"<tr><th>Id</th><td><code>{esc(e.id)}</code></td></tr></table>")
    return "".join(rows)


def _node_info(kg, sel: Selection, styles: Styles, rank: dict, main: set, docs: dict) -> dict:
    deg = degrees(kg)
    info = {}
    for e in sel.entities:
        aliases = sorted(a for a in e.aliases if a != e.name)
        shown = {}
        for a in aliases:
            shown.setdefault(normalize(a), a)
        home = home_country(kg, e.id)[0] if e.type == "Firm" else None
        info[e.id] = {
            "name": esc(e.name), "type": e.type, "docs": sorted(e.docs), "deg": deg.get(e.id, 0),
            "rank": rank[e.id], "main": e.id in main, "home": home,
            # the one name resolver's keys (queries/names.py), used by the search box, with what they stand for
            "keys": [[k, 1 if is_name else 0, esc(shown.get(k, e.name))] for k, is_name in search_keys(e)],
            "aliases": [esc(a) for a in aliases],
            "html": _entity_html(kg, e, styles.of(e.type)[0], docs), "shape": styles.of(e.type)[1],
            "dimImage": glyph_url(styles.of(e.type)[1], "#eceef1", "#d3d7dc") if styles.of(e.type)[1] in LABEL_INSIDE
            else None,
            "tip": f"<b>{esc(e.name)}</b><br>{esc(e.type)}"
                   + (f"<br><span class=\"pg-dim\">also: {esc(', '.join(aliases[:4]))}"
                      f"{'…' if len(aliases) > 4 else ''}</span>" if aliases else ""),
        }
    return info


def _fact(kg: KnowledgeGraph, r: Relation, line: Line, docs: dict) -> dict:
    quotes = []
    for ev in sorted(set(r.evidence)):
        d = docs.get(ev.doc, {})
        quotes.append({"doc": ev.doc, "start": ev.start, "end": ev.end, "text": esc(one_line(ev.quote)),
                       "href": f"{d['href']}#c={ev.start}-{ev.end}" if d.get("href") else None})
    s, o = kg.entities[r.subject].name, kg.entities[r.object].name
    return {"line": line.id, "s": r.subject, "o": r.object, "p": r.predicate, "amount": amount_of(r),
            "year": year_of(r), "status": esc(status_of(r)) if status_of(r) else None, "jointId": esc(joint_id(r))
            if joint_id(r) else None, "conf": round(r.confidence, 3), "docs": r.docs, "quotes": quotes,
            "label": esc(f"{s} —{r.predicate}{qualifier_text(r.props)}→ {o}"),
            "extra": [[esc(k), esc(r.props[k])] for k in sorted(r.props)
                      if k not in ("amount_usd", "year", "status", "joint", "joint_id")]}


def _docs(kg: KnowledgeGraph, sel: Selection, docs_dir, out_path) -> dict:
    counts = Counter(d for r in sel.relations for d in r.docs)
    for e in sel.entities:
        for d in e.docs:
            counts.setdefault(d, 0)
    out = {}
    for d in sorted(counts):
        info = kg.documents.get(d)
        page = Path(docs_dir) / f"{d}.html" if docs_dir is not None else None
        href = None
        if page is not None and page.is_file():
            href = Path(os.path.relpath(page.resolve(), Path(out_path).resolve().parent)).as_posix()
        meta = {k: esc(getattr(info, k, None)) if getattr(info, k, None) else None
                for k in ("title", "publisher", "date")}
        out[d] = {"key": d, "id": esc(d), "count": counts[d], "href": href, **meta}
    return out


def _path_meta(kg: KnowledgeGraph, sel: Selection, line_of: dict) -> dict | None:
    if not sel.path_ends:
        return None
    a, b = sel.path_ends
    paths = [{"rank": i, "kind": p.kind, "summary": esc(p.summary), "nodes": p.node_ids,
              "facts": p.relation_ids, "lines": sorted({line_of[r] for r in p.relation_ids if r in line_of}),
              "hops": [esc(h.label) for h in p.hops]} for i, p in enumerate(sel.paths, 1)]
    return {"from": esc(kg.entities[a].name), "to": esc(kg.entities[b].name), "count": len(paths), "paths": paths,
            "nodes": sorted({n for p in paths for n in p["nodes"]}),
            "lines": sorted({ln for p in paths for ln in p["lines"]})}


def _options(big: bool) -> dict:
    return {
        "autoResize": True,
        "nodes": {"font": dict(NODE_FONT), "scaling": {"label": {"drawThreshold": 5, "maxVisible": 40}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
                  "color": dict(EDGE_COLOR), "font": dict(EDGE_FONT), "selectionWidth": 2, "hoverWidth": 1,
                  # line labels only once zoomed in enough to read them (and always on the selected line)
                  "scaling": {"label": {"drawThreshold": 8}},
                  "smooth": {"enabled": False}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
        "layout": {"improvedLayout": False, "randomSeed": 7},
        # off: positions come from the layout (Python, then view_assets/layout.js after a filter)
        "physics": {"enabled": False},
    }


def _edges(lines: list[Line], big: bool, path_lines: set[str]) -> list[dict]:
    bend = {} if big else bends(lines)
    out = []
    for ln in lines:
        e = {"id": ln.id, "from": ln.subject, "to": ln.object,
             "label": line_label(ln.predicate, len(ln.facts), ln.years, ln.amounts),
             "width": edge_width(ln.amounts) + (2.5 if ln.id in path_lines else 0)}
        if ln.id in path_lines:
            e["color"] = {"color": PATH_COLOR, "highlight": PATH_COLOR, "hover": PATH_COLOR}
        if ln.id in bend:
            e["smooth"] = bend[ln.id]
        out.append(e)
    return out


def build_payload(kg: KnowledgeGraph, sel: Selection, styles: Styles, title: str, positions: dict,
                  docs_dir=None, out_path="view.html", open_map: bool = False) -> dict:
    """Everything the page draws and lists (see the module docstring)."""
    big = len(sel.entities) > LAYOUT_THRESHOLD
    lines = make_lines(sel.relations)
    line_of = {r.id: ln.id for ln in lines for r in ln.facts}
    path = _path_meta(kg, sel, line_of)
    path_nodes, path_lines = set(path["nodes"]) if path else set(), set(path["lines"]) if path else set()
    rank = importance(sel)
    main = main_entities(sel, rank)
    degree = Counter(x for r in sel.relations for x in (r.subject, r.object))
    docs = _docs(kg, sel, docs_dir, out_path)
    nodes = [_node(e, styles, degree[e.id], positions.get(e.id), e.id in main, e.id in path_nodes, e.id == sel.focus)
             for e in sel.entities]
    facts = {r.id: _fact(kg, r, ln, docs) for ln in lines for r in ln.facts}
    years = Counter(f["year"] for f in facts.values() if f["year"] is not None)
    types = Counter(e.type for e in sel.entities)
    preds = Counter(r.predicate for r in sel.relations)
    return {
        "meta": {"title": esc(title), "big": big, "focus": sel.focus, "path": path, "pathColor": PATH_COLOR,
                 "notes": [esc(n) for n in sel.notes], "filters": [esc(f) for f in sel.filters],
                 "capped": [{"id": i, "name": esc(kg.entities[i].name), "shown": s, "total": t}
                            for i, s, t in sel.capped],
                 "totalEntities": len(kg.entities), "totalRelations": len(kg.relations), "openMap": open_map},
        "nodes": nodes, "edges": _edges(lines, big, path_lines),
        "nodeInfo": _node_info(kg, sel, styles, rank, main, docs),
        "lines": {ln.id: {"p": ln.predicate, "from": ln.subject, "to": ln.object, "facts": [r.id for r in ln.facts]}
                  for ln in lines},
        "facts": facts,
        "types": [{"name": t, "color": styles.of(t)[0], "shape": styles.of(t)[1], "count": types[t]}
                  for t in styles.type_order(types)],
        "predicates": [{"name": p, "count": preds[p]} for p in styles.predicate_order(preds)],
        "docs": list(docs.values()),
        "years": {"hist": sorted(years.items()), "undated": sum(1 for f in facts.values() if f["year"] is None)}
        if years else None,
        "statemap": statemap.payload(sel),
        "options": _options(big),
    }
