"""Make queries/view_assets/us_states.json, the US state outlines the view's state map draws, from us-atlas.

Run once at development time (the result is committed; nothing is fetched when the project is installed):

    npm pack us-atlas@3.0.1 && tar xzf us-atlas-3.0.1.tgz
    python tools/make_us_states.py package/states-albers-10m.json > queries/view_assets/us_states.json

us-atlas 3.0.1 (npm, ISC licence, Copyright 2013-2019 Michael Bostock) redistributes the US Census Bureau's
cartographic boundary shapefiles, 2017 edition, as TopoJSON; the Census Bureau's files are US government works
in the public domain. states-albers-10m.json is already projected (d3.geoAlbersUsa, scale 1300, to a 975x610
viewport), so this script only decodes the TopoJSON arcs, simplifies each ring (Douglas-Peucker, 0.35 px) and
writes one SVG path per state, with relative coordinates rounded to 0.1 px.
"""
from __future__ import annotations

import json
import sys


def decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring(arcs, indexes: list[int]) -> list[tuple[float, float]]:
    pts: list[tuple[float, float]] = []
    for i in indexes:
        a = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(a if not pts else a[1:])
    return pts


def simplify(pts, tol: float):
    """Douglas-Peucker on a closed ring: split at the point farthest from the first, each half simplified."""
    if len(pts) < 5:
        return pts
    x0, y0 = pts[0]
    far = max(range(len(pts)), key=lambda i: (pts[i][0] - x0) ** 2 + (pts[i][1] - y0) ** 2)
    keep = [False] * len(pts)
    keep[0] = keep[-1] = keep[far] = True
    stack = [(0, far), (far, len(pts) - 1)]
    while stack:
        a, b = stack.pop()
        (x1, y1), (x2, y2) = pts[a], pts[b]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5 or 1e-9
        best, at = -1.0, None
        for i in range(a + 1, b):
            x0, y0 = pts[i]
            d = abs(dy * x0 - dx * y0 + x2 * y1 - y2 * x1) / norm
            if d > best:
                best, at = d, i
        if at is not None and best > tol:
            keep[at] = True
            stack += [(a, at), (at, b)]
    return [p for p, k in zip(pts, keep) if k]


def path(rings) -> str:
    out = []
    for pts in rings:
        if len(pts) < 3:
            continue
        x0, y0 = round(pts[0][0], 1), round(pts[0][1], 1)
        out.append(f"M{x0:g},{y0:g}")
        px, py = x0, y0
        steps = []
        for x, y in pts[1:]:
            x, y = round(x, 1), round(y, 1)
            if (x, y) != (px, py):
                steps.append(f"{round(x - px, 1):g},{round(y - py, 1):g}")
            px, py = x, y
        out.append("l" + " ".join(steps) + "z")
    return "".join(out)


def main(src: str) -> None:
    topo = json.load(open(src, encoding="utf-8"))
    arcs = decode_arcs(topo)
    states = {}
    for geo in topo["objects"]["states"]["geometries"]:
        polys = geo["arcs"] if geo["type"] == "MultiPolygon" else [geo["arcs"]]
        rings = [simplify(ring(arcs, r), 0.35) for poly in polys for r in poly]
        states[geo["properties"]["name"]] = path(rings)
    json.dump({"source": "us-atlas 3.0.1 (npm, ISC licence, Copyright 2013-2019 Michael Bostock): "
                         "states-albers-10m.json, from the US Census Bureau's cartographic boundary files, 2017 "
                         "edition (public domain); decoded and simplified by tools/make_us_states.py",
               "viewBox": "0 0 975 610", "states": dict(sorted(states.items()))},
              sys.stdout, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main(sys.argv[1])
