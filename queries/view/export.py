"""A view's facts as CSV and a static SVG drawing of it, from its payload (Python side).

The page exports what is on screen itself (view_assets/export.js: CSV of the visible facts, PNG and SVG of the
current drawing, each with its title, legend, filters and sources). These functions give the same for the
view as written, without a browser: `policygraph view --csv FILE --svg FILE`, and the drawing a printed
briefing carries in place of the interactive frame.
"""
from __future__ import annotations

import csv
import html
import io
import math

from .styles import FONT_FACE, esc

CSV_COLUMNS = ["fact_id", "subject", "subject_type", "predicate", "object", "object_type", "amount_usd", "joint_id",
               "year", "status", "confidence", "doc", "doc_title", "start", "end", "quote"]
SVG_WIDTH = 1200
LEGEND_WIDTH = 230


def _plain(text) -> str:
    return "" if text is None else html.unescape(str(text))


def facts_csv(payload: dict) -> str:
    """One row per fact and quote (a fact stated twice has two rows); quotes on one line, offsets exact."""
    info, docs = payload["nodeInfo"], {d["key"]: d for d in payload["docs"]}
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for fid in sorted(payload["facts"]):
        f = payload["facts"][fid]
        head = [fid, _plain(info[f["s"]]["name"]), info[f["s"]]["type"], f["p"], _plain(info[f["o"]]["name"]),
                info[f["o"]]["type"], "" if f["amount"] is None else f"{f['amount']:.0f}", _plain(f["jointId"]),
                "" if f["year"] is None else f["year"], _plain(f["status"]), f["conf"]]
        for q in f["quotes"] or [{"doc": "", "start": "", "end": "", "text": ""}]:
            title = _plain(docs.get(q["doc"], {}).get("title"))
            w.writerow(head + [q["doc"], title, q["start"], q["end"], _plain(q["text"])])
    return out.getvalue()


def _via(x1, y1, x2, y2, smooth: dict | None):
    """vis-network's control point of a curvedCW / curvedCCW line (None: straight)."""
    if not smooth or not smooth.get("enabled"):
        return None
    dx, dy = x1 - x2, y1 - y2
    radius, factor = math.hypot(dx, dy), smooth.get("roundness", 0.5)
    angle = math.atan2(dy, dx)
    turn = angle if smooth.get("type") == "curvedCW" else -angle
    my = (turn + (factor * 0.5 + 0.5) * math.pi) % (2 * math.pi)
    return x1 + factor * 0.5 * radius * math.sin(my), y1 + factor * 0.5 * radius * math.cos(my)


def shape_svg(shape: str, x: float, y: float, r: float, fill: str, stroke: str = "rgba(0,0,0,.45)") -> str:
    """One node glyph (the shapes vis-network draws, as the legend shows them)."""
    attrs = f'fill="{esc(fill)}" stroke="{stroke}" stroke-width="1"'

    def poly(points):
        return f'<polygon points="{" ".join(f"{x + px * r:.1f},{y + py * r:.1f}" for px, py in points)}" {attrs}/>'
    if shape in ("box", "text", "database", "square"):
        w = r * (1.5 if shape != "square" else 1.0)
        return f'<rect x="{x - w:.1f}" y="{y - r:.1f}" width="{2 * w:.1f}" height="{2 * r:.1f}" rx="2" {attrs}/>'
    if shape == "ellipse":
        return f'<ellipse cx="{x:.1f}" cy="{y:.1f}" rx="{1.5 * r:.1f}" ry="{r:.1f}" {attrs}/>'
    if shape == "diamond":
        return poly([(0, -1.2), (1.2, 0), (0, 1.2), (-1.2, 0)])
    if shape == "triangle":
        return poly([(0, -1.15), (1.1, 0.85), (-1.1, 0.85)])
    if shape == "triangleDown":
        return poly([(0, 1.15), (1.1, -0.85), (-1.1, -0.85)])
    if shape == "hexagon":
        return poly([(math.cos(a), math.sin(a)) for a in (i * math.pi / 3 for i in range(6))])
    if shape == "star":
        return poly([((1.2 if i % 2 == 0 else 0.5) * math.cos(-math.pi / 2 + i * math.pi / 5),
                      (1.2 if i % 2 == 0 else 0.5) * math.sin(-math.pi / 2 + i * math.pi / 5)) for i in range(10)])
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {attrs}/>'


def _frame(payload: dict, shown: list[dict]):
    """Scale and offset mapping the payload's positions into the drawing area."""
    xs, ys = [n["x"] for n in shown], [n["y"] for n in shown]
    w, h = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    area_w = SVG_WIDTH - LEGEND_WIDTH - 80
    scale = min(area_w / w, 700 / h, 1.4)
    return scale, 40 - min(xs) * scale, 90 - min(ys) * scale, h * scale


def _lines_svg(payload, pos, path_lines) -> list[str]:
    out = []
    for e in payload["edges"]:
        if e["from"] not in pos or e["to"] not in pos:
            continue
        (x1, y1), (x2, y2) = pos[e["from"]], pos[e["to"]]
        via = _via(x1, y1, x2, y2, e.get("smooth"))
        d = f"M{x1:.1f},{y1:.1f} " + (f"Q{via[0]:.1f},{via[1]:.1f} " if via else "L") + f"{x2:.1f},{y2:.1f}"
        color = payload["meta"]["pathColor"] if e["id"] in path_lines else "#8d939c"
        out.append(f'<path class="pg-line" data-id="{esc(e["id"])}" d="{d}" fill="none" stroke="{color}" '
                   f'stroke-width="{min(e["width"], 8):.1f}" marker-end="url(#arrow)"/>')
    return out


def _legend_svg(payload: dict, x: float, y: float) -> list[str]:
    out = [f'<text x="{x}" y="{y}" font-weight="600">Entity types</text>']
    for i, t in enumerate(payload["types"]):
        cy = y + 22 + i * 20
        out.append(f'<g class="pg-legend-item">{shape_svg(t["shape"], x + 8, cy - 4, 6, t["color"])}'
                   f'<text x="{x + 24}" y="{cy}">{esc(t["name"])}</text></g>')
    return out


def view_svg(payload: dict) -> str:
    """The view as drawn at load (entities with a relation), labelled, with title, legend, filters, sources."""
    info, meta = payload["nodeInfo"], payload["meta"]
    linked = {x for ln in payload["lines"].values() for x in (ln["from"], ln["to"])}
    shown = [n for n in payload["nodes"] if n["id"] in linked and "x" in n] or \
        [n for n in payload["nodes"] if "x" in n]
    scale, ox, oy, height = _frame(payload, shown) if shown else (1, 0, 0, 100)
    pos = {n["id"]: (n["x"] * scale + ox, n["y"] * scale + oy) for n in shown}
    path_lines = set((meta.get("path") or {}).get("lines", []))
    all_labels = len(shown) <= 60
    body = _lines_svg(payload, pos, path_lines)
    for n in shown:
        x, y = pos[n["id"]]
        body.append(f'<g class="pg-node" data-id="{esc(n["id"])}">'
                    f'{shape_svg(info[n["id"]]["shape"], x, y, 7, n["color"]["background"])}</g>')
        if all_labels or info[n["id"]]["main"]:
            body.append(f'<text class="pg-label" x="{x:.1f}" y="{y + 20:.1f}" text-anchor="middle" '
                        f'stroke="#fff" stroke-width="3" paint-order="stroke">{info[n["id"]]["name"]}</text>')
    total_h = max(height + 150, 130 + 20 * len(payload["types"])) + 20 * (len(payload["docs"]) + 2)
    foot = total_h - 20 * (len(payload["docs"]) + 1)
    sources = [f'<text x="40" y="{foot + 20 * i:.0f}" class="pg-source">{d["id"]}'
               + (f" — {d['title']}" if d.get("title") else "") + "</text>" for i, d in enumerate(payload["docs"])]
    filters = "; ".join(meta.get("filters") or []) or "none"
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SVG_WIDTH} {total_h:.0f}" '
            f'font-family="{esc(FONT_FACE)}" font-size="12">'
            '<defs><marker id="arrow" viewBox="0 0 10 10" refX="18" refY="5" markerWidth="6" markerHeight="6" '
            'orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" fill="#8d939c"/></marker></defs>'
            f'<rect width="100%" height="100%" fill="#fff"/>'
            f'<text x="40" y="34" font-size="18" font-weight="600" class="pg-title">{meta["title"]}</text>'
            f'<text x="40" y="56" class="pg-filters">Filters: {filters}</text>'
            + "".join(body) + "".join(_legend_svg(payload, SVG_WIDTH - LEGEND_WIDTH + 10, 90))
            + f'<text x="40" y="{foot - 20:.0f}" font-weight="600">Sources</text>' + "".join(sources) + "</svg>")
