"""Where each entity is drawn: a force-directed layout per connected component (numpy), packed in rows.

The layout is computed here for every view, so the page and its screenshots look the same in every process
and a 2,000-node page is usable as soon as it is drawn (the browser's physics is off). A focus view pins the
focused entity at the centre of its component. After a filter the page lays the visible part out again with
the same algorithm in JavaScript (view_assets/layout.js), starting from these positions.
"""
from __future__ import annotations

import math

ITERATIONS_SMALL, ITERATIONS_MEDIUM = 150, 60
LABEL_BOX_HEIGHT = 40.0  # an entity and the label under it, in pixels at zoom 1
MAX_SEPARATE = 600  # overlap removal is quadratic: above this many entities a component is spread instead
VIEWPORT = (1300.0, 860.0)  # about the drawing area a page opens in, in pixels
MAIN_LABEL_PX, NODE_LABEL_PX = 13.0, 14.0  # a main label's height on screen; every label's at zoom 1
BUNDLE_PX, BUNDLE_MAX = 14.0, 420.0  # room per line between two entities joined by several, and at most


def _fruchterman_reingold(n: int, src, dst, iterations: int, seed: int, pin: int | None = None):
    """Vectorised Fruchterman-Reingold in numpy (float32, row blocks): ~20 ms an iteration at 2,000 nodes.
    `pin`: the index of a node held at the origin (a focus view's entity)."""
    import numpy as np

    rng = np.random.default_rng(seed)
    x = rng.uniform(-1, 1, n).astype(np.float32)
    y = rng.uniform(-1, 1, n).astype(np.float32)
    k2 = np.float32(4.0 / n)
    k = np.float32(math.sqrt(4.0 / n))
    src = np.asarray(src, dtype=np.int64)
    dst = np.asarray(dst, dtype=np.int64)
    t = 0.25
    dt = t / (iterations + 1)
    block = max(1, min(n, 4_000_000 // max(n, 1)))
    for _ in range(iterations):
        if pin is not None:
            x[pin] = y[pin] = 0.0
        fx = np.empty(n, np.float32)
        fy = np.empty(n, np.float32)
        for s in range(0, n, block):
            dx = x[s:s + block, None] - x[None, :]
            dy = y[s:s + block, None] - y[None, :]
            r = dx * dx
            r += dy * dy
            r += np.float32(1e-4)
            np.divide(k2, r, out=r)
            fx[s:s + block] = (dx * r).sum(1)
            fy[s:s + block] = (dy * r).sum(1)
        if len(src):
            ex = x[src] - x[dst]
            ey = y[src] - y[dst]
            el = np.sqrt(ex * ex + ey * ey) / k
            ax, ay = ex * el, ey * el
            fx -= np.bincount(src, ax, n).astype(np.float32)
            fx += np.bincount(dst, ax, n).astype(np.float32)
            fy -= np.bincount(src, ay, n).astype(np.float32)
            fy += np.bincount(dst, ay, n).astype(np.float32)
        # a little gravity keeps loose parts together
        fx -= x * np.float32(0.05)
        fy -= y * np.float32(0.05)
        ln = np.sqrt(fx * fx + fy * fy) + np.float32(1e-9)
        step = np.minimum(ln, np.float32(t)) / ln
        x += fx * step
        y += fy * step
        t -= dt
    if pin is not None:
        x[pin] = y[pin] = 0.0
    return x, y


def _nearest_distances(x, y):
    """Distance from each point to its nearest other point (numpy, row blocks)."""
    import numpy as np

    n = len(x)
    out = np.empty(n, np.float32)
    block = max(1, min(n, 2_000_000 // max(n, 1)))
    for s in range(0, n, block):
        d = (x[s:s + block, None] - x[None, :]) ** 2 + (y[s:s + block, None] - y[None, :]) ** 2
        d[np.arange(d.shape[0]), np.arange(s, s + d.shape[0])] = np.inf
        out[s:s + block] = np.sqrt(d.min(1))
    return out


def remove_overlaps(x, y, w, h, iterations: int = 40):
    """Push apart entities whose boxes (label width x LABEL_BOX_HEIGHT) overlap, each pair along the axis where
    they overlap least, for a few rounds: what the force layout still piles up gets some room (a light pass;
    it does not promise no overlap in dense parts)."""
    import numpy as np

    n = len(x)
    if n < 2 or n > MAX_SEPARATE:
        return x, y
    jitter = (np.arange(n)[:, None] - np.arange(n)[None, :]) * 1e-3  # coincident points part deterministically
    for _ in range(iterations):
        dx = x[:, None] - x[None, :] + jitter
        dy = y[:, None] - y[None, :] + jitter
        ox = (w[:, None] + w[None, :]) / 2 - np.abs(dx)
        oy = (h[:, None] + h[None, :]) / 2 - np.abs(dy)
        hit = (ox > 0.5) & (oy > 0.5)
        np.fill_diagonal(hit, False)
        if not hit.any():
            break
        along_x = hit & (ox < oy)
        along_y = hit & ~(ox < oy)
        # each of the two moves half the overlap and a pixel more; damped, as several pairs push at once
        x = x + 0.8 * np.where(along_x, np.sign(dx) * (ox / 2 + 1), 0).sum(1)
        y = y + 0.8 * np.where(along_y, np.sign(dy) * (oy / 2 + 1), 0).sum(1)
    return x, y


def spread_bundles(x, y, pairs, need, iterations: int = 30):
    """Push apart linked entities closer than `need` (per pair): two entities joined by many lines need room
    for as many labels between them."""
    import numpy as np

    if not len(pairs):
        return x, y
    a, b = np.asarray(pairs[:, 0]), np.asarray(pairs[:, 1])
    for _ in range(iterations):
        dx, dy = x[a] - x[b], y[a] - y[b]
        d = np.hypot(dx, dy) + 1e-6
        short = np.maximum(need - d, 0) / 2
        if not short.any():
            break
        mx, my = dx / d * short, dy / d * short
        n = len(x)
        x = x + np.bincount(a, mx, n) - np.bincount(b, mx, n)
        y = y + np.bincount(a, my, n) - np.bincount(b, my, n)
    return x, y


def _component_xy(g, comp: list[str], spacing: float, seed: int, center: str | None):
    """Force-directed coordinates (numpy x, y) of a component of 3 or more entities, in pixels at zoom 1."""
    import numpy as np

    n = len(comp)
    index = {nid: i for i, nid in enumerate(comp)}
    # sorted: a subgraph view may iterate its node *set* (hash order) and the float sums follow edge order
    sub = sorted(tuple(sorted((index[a], index[b]))) for a, b in g.subgraph(comp).edges())
    iters = ITERATIONS_SMALL if n <= 300 else ITERATIONS_MEDIUM if n <= 3000 else max(15, int(60 * 3000 / n))
    x, y = _fruchterman_reingold(n, [s for s, _ in sub], [d for _, d in sub], iters, seed, index.get(center))
    s = np.array(sub)
    med_edge = float(np.median(np.hypot(x[s[:, 0]] - x[s[:, 1]], y[s[:, 0]] - y[s[:, 1]]))) or 1.0
    # lines about `spacing` long, and crowded parts spread (hubs with many leaves: at most 3 times that)
    p10 = float(np.percentile(_nearest_distances(x, y), 10)) or 1e-3
    scale = min(max(spacing / med_edge, 0.6 * spacing / p10), 3 * spacing / med_edge)
    lines = [(index[u], index[v], d.get("lines", 1)) for u, v, d in g.subgraph(comp).edges(data=True)
             if d.get("lines", 1) > 2]
    if not lines:
        return x * scale, y * scale
    need = np.array([min(BUNDLE_MAX, spacing * 0.6 + BUNDLE_PX * m) for _, _, m in sorted(lines)], dtype=np.float32)
    return spread_bundles(x * scale, y * scale, np.array([(i, j) for i, j, _ in sorted(lines)]), need)


def _separated(comp, x, y, widths: dict, grow: dict):
    """The component's coordinates with overlapping label boxes pushed apart; `grow`: entities whose boxes
    are larger (main labels drawn larger at the opening zoom)."""
    import numpy as np

    f = np.array([grow.get(i, 1.0) for i in comp], dtype=np.float32)
    w = np.array([widths.get(i, 0) for i in comp], dtype=np.float32) * f + 16
    return remove_overlaps(x, y, w, LABEL_BOX_HEIGHT * f)


def _box(comp, x, y, spacing: float):
    """(width, height, {id: (x, y)}) with local coordinates from 0."""
    x, y = x - x.min(), y - y.min()
    return (float(x.max()) + 1.2 * spacing, float(y.max()) + spacing,
            {nid: (float(x[i]), float(y[i])) for i, nid in enumerate(comp)})


def _pair_box(comp, spacing: float, widths: dict):
    a, b = comp
    gap = max(spacing, (widths.get(a, 0) + widths.get(b, 0)) / 2 + 30)
    return gap + max(spacing, widths.get(b, 0)), 0.8 * spacing, {a: (0.0, 0.0), b: (gap, 0.0)}


def opening_scale(pos: dict) -> float:
    """The zoom at which the page will first fit these positions (about; at most 1)."""
    if len(pos) < 2:
        return 1.0
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    return min(1.0, VIEWPORT[0] / ((max(xs) - min(xs)) or 1.0), VIEWPORT[1] / ((max(ys) - min(ys)) or 1.0))


def _single_rows(singles: list[str], spacing: float, widths: dict, row_width: float) -> list:
    """Unlinked entities: rows of cells as wide as their labels, in the given order."""
    boxes, row, cx = [], {}, 0.0
    for nid in singles:
        w = max(0.8 * spacing, widths.get(nid, 0) + 24)
        if cx > 0 and cx + w > row_width:
            boxes.append((cx, 0.8 * spacing, row))
            row, cx = {}, 0.0
        row[nid] = (cx + w / 2, 0.0)
        cx += w
    if row:
        boxes.append((row_width if boxes and cx < row_width else cx, 0.8 * spacing, row))
    return boxes


def _pack(boxes: list, row_width: float) -> dict[str, tuple[float, float]]:
    """Boxes in rows of at most row_width, centred on the origin."""
    pos = {}
    cx = cy = row_h = 0.0
    for w, h, local in boxes:
        if cx > 0 and cx + w > row_width:
            cx, cy, row_h = 0.0, cy + row_h, 0.0
        for nid, (lx, ly) in local.items():
            pos[nid] = (cx + lx, cy + ly)
        cx += w
        row_h = max(row_h, h)
    if pos:
        mx = (min(p[0] for p in pos.values()) + max(p[0] for p in pos.values())) / 2
        my = (min(p[1] for p in pos.values()) + max(p[1] for p in pos.values())) / 2
        pos = {k: (round(v[0] - mx, 1), round(v[1] - my, 1)) for k, v in pos.items()}
    return pos


def python_layout(node_ids: list[str], edges: list[tuple[str, str]], spacing: float = 110.0, seed: int = 7,
                  widths: dict[str, float] | None = None, center: str | None = None,
                  main: set[str] | None = None) -> dict[str, tuple[float, float]]:
    """Positions in pixels: each connected component laid out (force-directed), then packed in rows.

    Components are scaled so that lines are about `spacing` long and crowded parts spread, then overlapping
    labels (`widths`, in pixels) pushed apart; unlinked entities go in rows at the end. `center`: an entity held
    at the centre of its component (a focus view's). `main`: entities labelled at the opening zoom, whose labels
    are drawn larger there: their boxes are grown to that size in a second pass."""
    import networkx as nx

    widths = widths or {}
    g = nx.Graph()
    g.add_nodes_from(node_ids)
    for a, b in edges:  # each edge once, counting the lines (relations) it stands for
        if a != b:
            g.add_edge(a, b, lines=g.edges[a, b]["lines"] + 1 if g.has_edge(a, b) else 1)
    comps = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (center not in c, -len(c), c[0]))
    xy = {tuple(c): _component_xy(g, c, spacing, seed, center) for c in comps if len(c) > 2}
    singles = [nid for nid in dict.fromkeys(node_ids) if not g[nid]]  # in the given order

    def packed(grow: dict) -> dict:
        for c in xy:
            xy[c] = _separated(c, *xy[c], widths, grow)
        boxes = [_box(c, *xy[tuple(c)], spacing) if len(c) > 2 else _pair_box(c, spacing, widths)
                 for c in comps if len(c) > 1]
        area = sum(w * h for w, h, _ in boxes) + sum(max(spacing, widths.get(i, 0) + 24) * 0.8 * spacing
                                                     for i in singles)
        row_width = max(max((w for w, _, _ in boxes), default=spacing), math.sqrt(area) * 1.5)
        return _pack(boxes + _single_rows(singles, spacing, widths, row_width), row_width)

    pos = packed({})
    linked = {i: pos[i] for i in pos if g[i]}
    zoom = opening_scale(linked)
    if main and zoom < 0.95:  # main labels are drawn MAIN_LABEL_PX high whatever the zoom: make room for them
        grow = MAIN_LABEL_PX / NODE_LABEL_PX / zoom
        pos = packed({i: grow for i in main})
    return pos
