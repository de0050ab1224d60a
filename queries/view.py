"""The graph in a browser: one self-contained, offline HTML file built with pyvis and vis-network.

    from policygraph.queries.view import render_view, show
    render_view(kg, "out/view.html", focus="SK Hynix", hops=2)    # policygraph view --focus "SK Hynix"
    show(kg, types=["Firm", "Country"])                          # inline in Jupyter

The page inlines vis-network (from pyvis's bundled copy), its own CSS and JS, and the graph data, and carries
a Content-Security-Policy that forbids every network load, so it opens with no network at all. Colours and
shapes come from the ontology (`policygraph.ontology.load_model()`). Every string that comes from a document
(names, aliases, quotes, document ids) is HTML-escaped in Python before it reaches the page, and the data is
embedded as JSON with `<`, `>` and `&` escaped, so a quote like `<script>...</script>` is shown, never run.
The layout is computed in Python (numpy force-directed per component, packed in rows) and the browser's
physics is off at load, for every size: a 2,000-node page is interactive as soon as it is drawn. Above
LAYOUT_THRESHOLD nodes edges are straight and hidden while dragging, to keep panning fluid.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import math
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections import Counter, deque
from pathlib import Path
from typing import Callable, Iterable

from ..console import QUIET, PolicygraphError
from ..graph.model import Entity, KnowledgeGraph, Relation

ASSETS = Path(__file__).resolve().parent / "view_assets"
LAYOUT_THRESHOLD = 300  # above this many nodes: straight edges, hidden while dragging or zooming
MAX_PATH_HOPS = 4
MAX_PATHS = 5
PATH_COLOR = "#e8000b"  # vivid red: no ontology class uses it (Tol palette); reserved for --path
DEFAULT_COLOR = "#9e9e9e"  # only for types the ontology does not know
DEFAULT_SHAPE = "dot"
FONT_FACE = "system-ui, -apple-system, Segoe UI, Roboto, Helvetica, Arial, sans-serif"  # local fonts only
NODE_FONT = {"face": FONT_FACE, "size": 14, "color": "#1b1b1b", "strokeWidth": 3, "strokeColor": "#ffffff"}
EDGE_FONT = {"face": FONT_FACE, "size": 11, "color": "#4a4f57", "strokeWidth": 3, "strokeColor": "#ffffff",
             "align": "horizontal"}
EDGE_COLOR = {"color": "#8d939c", "highlight": "#30343a", "hover": "#30343a", "inherit": False}
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")

VIS_SHAPES = {"dot", "ellipse", "circle", "database", "box", "text", "diamond", "star", "triangle",
              "triangleDown", "hexagon", "square"}
LABEL_INSIDE = {"ellipse", "circle", "database", "box", "text"}
# Synonyms an ontology might use for a vis-network shape.
SHAPE_ALIASES = {"rectangle": "box", "rect": "box", "roundrect": "box", "round-rectangle": "box",
                 "oval": "ellipse", "cylinder": "database", "triangle-down": "triangleDown",
                 "triangledown": "triangleDown", "invtriangle": "triangleDown", "octagon": "hexagon",
                 "point": "dot", "node": "dot", "rhombus": "diamond"}


# -- the ontology's styles ----------------------------------------------------------------------------
def _ontology_model():
    from .. import ontology

    try:
        return ontology.load_model()
    except AttributeError as err:  # ontology package without load_model()
        raise PolicygraphError(f"the ontology has no load_model(): {err}") from None


def _names(items) -> list[str]:
    """Names from the ontology's entity_types / relations, whether a list, a dict or objects."""
    if items is None:
        return []
    if isinstance(items, dict):
        items = items.keys()
    out = []
    for it in items:
        name = it if isinstance(it, str) else getattr(it, "name", None) or getattr(it, "id", None) or str(it)
        out.append(str(name))
    return out


class Styles:
    """Colour and shape of each entity type, read from the ontology (the one source of truth)."""

    def __init__(self, model=None) -> None:
        self.model = model if model is not None else _ontology_model()
        self.entity_types = _names(getattr(self.model, "entity_types", None))
        self.predicates = _names(getattr(self.model, "relations", None))
        self._cache: dict[str, tuple[str, str]] = {}

    def of(self, type_: str) -> tuple[str, str]:
        if type_ not in self._cache:
            try:
                color = str(self.model.color(type_) or DEFAULT_COLOR)
            except (KeyError, ValueError, LookupError, TypeError):
                color = DEFAULT_COLOR
            try:
                shape = str(self.model.shape(type_) or DEFAULT_SHAPE)
            except (KeyError, ValueError, LookupError, TypeError):
                shape = DEFAULT_SHAPE
            self._cache[type_] = (_safe_color(color), _vis_shape(shape))
        return self._cache[type_]

    def type_order(self, present: Iterable[str]) -> list[str]:
        present = set(present)
        known = [t for t in self.entity_types if t in present]
        return known + sorted(present - set(known))


def _vis_shape(shape: str) -> str:
    if shape in VIS_SHAPES:
        return shape
    s = shape.strip()
    low = s.lower()
    for cand in VIS_SHAPES:
        if cand.lower() == low:
            return cand
    return SHAPE_ALIASES.get(low, DEFAULT_SHAPE)


def _safe_color(color: str) -> str:
    color = color.strip()
    if re.fullmatch(r"#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?", color) or re.fullmatch(r"[a-zA-Z]{3,30}", color) or \
            re.fullmatch(r"(rgb|rgba|hsl|hsla)\([0-9.,%\s]+\)", color):
        return color
    return DEFAULT_COLOR


def _rgb(color: str) -> tuple[int, int, int] | None:
    m = re.fullmatch(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})", color)
    if not m:
        return None
    h = m.group(1)
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _mix(color: str, other: tuple[int, int, int], t: float) -> str:
    rgb = _rgb(color)
    if rgb is None:
        return color
    return "#" + "".join(f"{round(a + (b - a) * t):02x}" for a, b in zip(rgb, other))


def _text_color_on(color: str) -> str:
    rgb = _rgb(color)
    if rgb is None:
        return "#111111"
    lum = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
    return "#111111" if lum > 140 else "#ffffff"


# -- reading a build ----------------------------------------------------------------------------------
def load_build_graph(out_dir) -> KnowledgeGraph:
    """The KnowledgeGraph of a build directory (DIR/facts.jsonl), via the API's open_build when present."""
    try:
        from ..api import open_build
    except ImportError:
        open_build = None
    if open_build is not None:
        b = open_build(out_dir)
        return b.kg if hasattr(b, "kg") else b
    out = Path(out_dir)
    facts = out / "facts.jsonl"
    if not facts.exists():
        raise PolicygraphError(f"{out}: no build here (run `policygraph build PATH --out {out}` first)")
    try:
        with open(facts, encoding="utf-8") as fh:
            records = [json.loads(line) for line in fh if line.strip()]
    except (OSError, ValueError) as err:
        raise PolicygraphError(f"{facts}: unreadable build file ({err})") from None
    return KnowledgeGraph.from_records(records)


# -- selecting what to show ----------------------------------------------------------------------------
def parse_years(text) -> tuple[int | None, int | None] | None:
    """'2018-2020' -> (2018, 2020); '2018' -> (2018, 2018); '2018-' / '-2020' are open ranges."""
    if text is None:
        return None
    if isinstance(text, (tuple, list)):
        if len(text) != 2:
            raise PolicygraphError(f"years must be (first, last), not {text!r}")
        lo, hi = (None if v is None else int(v) for v in text)
    elif isinstance(text, int):
        lo = hi = text
    else:
        m = re.fullmatch(r"\s*(\d{4})?\s*(?:(-|–|\.\.)\s*(\d{4})?)?\s*", str(text))
        if not m or not (m.group(1) or m.group(3)):
            raise PolicygraphError(f"--years: expected a year or a range like 2018-2020, not {text!r}")
        lo = int(m.group(1)) if m.group(1) else None
        hi = int(m.group(3)) if m.group(3) else (lo if not m.group(2) else None)
    if lo is not None and hi is not None and lo > hi:
        raise PolicygraphError(f"--years: {lo} is after {hi}")
    return lo, hi


def _year_of(rel: Relation) -> int | None:
    y = rel.props.get("year")
    if y is None:
        return None
    try:
        return int(str(y)[:4])
    except ValueError:
        return None


def _amount_of(rel: Relation) -> float | None:
    a = rel.props.get("amount_usd")
    try:
        return float(a) if a is not None else None
    except (TypeError, ValueError):
        return None


def _listify(value) -> list[str] | None:
    """None, 'a,b' or ['a', 'b,c'] -> ['a', 'b', 'c']."""
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    out = []
    for v in value:
        out += [p.strip() for p in str(v).split(",") if p.strip()]
    return out or None


def _resolve_names(given: list[str] | None, known: Iterable[str], what: str) -> set[str] | None:
    if given is None:
        return None
    by_fold = {k.casefold(): k for k in known}
    by_fold.update({re.sub(r"[\s_-]+", "", k.casefold()): k for k in known})
    out, unknown = set(), []
    for g in given:
        k = by_fold.get(g.casefold()) or by_fold.get(re.sub(r"[\s_-]+", "", g.casefold()))
        if k is None:
            unknown.append(g)
        else:
            out.add(k)
    if unknown:
        choices = ", ".join(sorted(set(known))) or "(none)"
        raise PolicygraphError(f"unknown {what} {', '.join(map(repr, unknown))}; known: {choices}")
    return out


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", s)).strip().lower()


def _search_keys(name: str, aliases: Iterable[str]) -> list[list[str]]:
    """[[folded, escaped display], ...]: the name first, then each alias that folds differently."""
    keys, seen = [[_fold(name), esc(name)]], {_fold(name)}
    for a in aliases:
        if _fold(a) not in seen:
            seen.add(_fold(a))
            keys.append([_fold(a), esc(a)])
    return keys


def resolve_entity(kg: KnowledgeGraph, name: str, progress: Callable = QUIET) -> str:
    """The id of the entity called `name`: its id, its name or one of its aliases (case-insensitive)."""
    if name in kg.entities:
        return name
    want = _fold(name)
    by_name = [e for e in kg.entities.values() if _fold(e.name) == want]
    by_alias = [e for e in kg.entities.values() if want in {_fold(a) for a in e.aliases}]
    hits = by_name or by_alias
    if not hits:
        import difflib

        names = sorted({e.name for e in kg.entities.values()})
        close = difflib.get_close_matches(name, names, n=5, cutoff=0.6)
        if not close:
            close = [n for n in names if want in _fold(n)][:5]
        hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
        raise PolicygraphError(f"no entity named {name!r} in the graph{hint}")
    if len(hits) > 1:
        degree = Counter()
        for r in kg.relations.values():
            degree[r.subject] += 1
            degree[r.object] += 1
        hits.sort(key=lambda e: (-degree[e.id], e.id))
        progress(f"{name!r} names {len(hits)} entities ({', '.join(e.id for e in hits[:5])}); using {hits[0].id}")
    return hits[0].id


def find_paths(relations: Iterable[Relation], a: str, b: str, k: int = MAX_PATHS,
               max_hops: int = MAX_PATH_HOPS) -> list[list[str]]:
    """Up to k paths (entity ids from a to b) of at most max_hops, over the given relations, undirected.

    The path finder of `policygraph explain` (queries.linkage.find_paths), so a view's --path highlights the
    paths explain reports, in its order: shortest first, then the strongest evidence. Its typed paths that
    walk the same entities (parallel relations) are one path here."""
    from .linkage import find_paths as typed_paths

    if a == b:
        return [[a]]
    sub = KnowledgeGraph()
    sub.relations = {r.key: r for r in relations}
    out: list[list[str]] = []
    for p in typed_paths(sub, a, b, max_hops=max_hops, k=max(k, 1) * 20)[0]:
        nodes = [a]
        for h in p.hops:
            nodes.append(h.object_id if nodes[-1] == h.subject_id else h.subject_id)
        if nodes not in out:
            out.append(nodes)
        if len(out) >= k:
            break
    return out


class Selection:
    """The entities and relations of one view, plus its focus and highlighted paths."""

    def __init__(self, entities: list[Entity], relations: list[Relation], focus: str | None = None,
                 paths: list[list[str]] | None = None, path_ends: tuple[str, str] | None = None,
                 notes: list[str] | None = None) -> None:
        self.entities = entities
        self.relations = relations
        self.focus = focus
        self.paths = paths or []
        self.path_ends = path_ends
        self.notes = notes or []


def select(kg: KnowledgeGraph, focus=None, hops=2, types=None, predicates=None, docs=None, years=None,
           path=None, progress: Callable = QUIET, styles: Styles | None = None) -> Selection:
    """Apply the view's filters to the graph; see render_view for the meaning of the arguments."""
    styles = styles or Styles()
    ents = kg.entities
    rels = [kg.relations[k] for k in sorted(kg.relations, key=lambda k: kg.relations[k].id)]
    known_types = set(styles.entity_types) | {e.type for e in ents.values()}
    known_preds = set(styles.predicates) | {r.predicate for r in rels}
    known_docs = set(kg.documents) | {d for e in ents.values() for d in e.docs} | {d for r in rels for d in r.docs}
    types = _resolve_names(_listify(types), known_types, "entity type(s)")
    predicates = _resolve_names(_listify(predicates), known_preds, "relation type(s)")
    docs = _resolve_names(_listify(docs), known_docs, "document(s)")
    years = parse_years(years)
    if hops is None:
        hops = 2
    try:
        hops = int(hops)
    except (TypeError, ValueError):
        raise PolicygraphError(f"--hops must be a whole number, not {hops!r}") from None
    if hops < 0:
        raise PolicygraphError(f"--hops must be 0 or more, not {hops}")

    keep = {i for i, e in ents.items() if types is None or e.type in types}
    if docs is not None:  # entities mentioned in those documents (and, below, the ends of their relations)
        keep = {i for i in keep if ents[i].docs & docs}

    def rel_ok(r: Relation) -> bool:
        if predicates is not None and r.predicate not in predicates:
            return False
        if docs is not None and not set(r.docs) & docs:
            return False
        if years is not None:
            y = _year_of(r)
            lo, hi = years
            if y is None or (lo is not None and y < lo) or (hi is not None and y > hi):
                return False
        if types is not None and (ents.get(r.subject) is None or ents[r.subject].type not in types
                                  or ents.get(r.object) is None or ents[r.object].type not in types):
            return False
        return True

    kept_rels = [r for r in rels if rel_ok(r)]
    if predicates is not None or years is not None:
        keep = {r.subject for r in kept_rels} | {r.object for r in kept_rels}
    elif docs is not None:
        keep |= {r.subject for r in kept_rels} | {r.object for r in kept_rels}
    keep &= set(ents)
    kept_rels = [r for r in kept_rels if r.subject in keep and r.object in keep]

    focus_id = None
    notes = []
    if focus:
        focus_id = resolve_entity(kg, focus, progress)
        adj: dict[str, set[str]] = {}
        for r in kept_rels:
            adj.setdefault(r.subject, set()).add(r.object)
            adj.setdefault(r.object, set()).add(r.subject)
        seen = {focus_id: 0}
        queue = deque([focus_id])
        while queue:
            n = queue.popleft()
            if seen[n] >= hops:
                continue
            for m in adj.get(n, ()):
                if m not in seen:
                    seen[m] = seen[n] + 1
                    queue.append(m)
        if focus_id not in keep:
            notes.append(f"{ents[focus_id].name} is outside the filters; shown alone")
        keep = set(seen)
        kept_rels = [r for r in kept_rels if r.subject in keep and r.object in keep]

    paths, ends = [], None
    if path:
        if len(path) != 2:
            raise PolicygraphError("--path needs two entity names: --path A B")
        a, b = (resolve_entity(kg, p, progress) for p in path)
        ends = (a, b)
        candidates = [r for r in rels if rel_ok(r) and r.subject in ents and r.object in ents]
        paths = find_paths(candidates, a, b)
        if not paths:
            note = (f"no path of at most {MAX_PATH_HOPS} hops links {ents[a].name} and {ents[b].name}"
                    + (" within the filters" if any(x is not None for x in (types, predicates, docs, years)) else ""))
            notes.append(note)
            progress(f"warning: {note}")
            keep |= {a, b}
        else:
            on_path = {n for p in paths for n in p}
            pairs = {frozenset(pair) for p in paths for pair in zip(p, p[1:])}
            have = {r.id for r in kept_rels}
            keep |= on_path
            kept_rels += [r for r in candidates
                          if frozenset((r.subject, r.object)) in pairs and r.id not in have]
            progress(f"{len(paths)} path(s) of at most {MAX_PATH_HOPS} hops link {ents[a].name} and {ents[b].name}")

    entities = [ents[i] for i in sorted(keep)]
    kept_rels.sort(key=lambda r: r.id)
    return Selection(entities, kept_rels, focus_id, paths, ends, notes)


# -- layout ---------------------------------------------------------------------------------------------
def _fruchterman_reingold(n: int, src, dst, iterations: int, seed: int):
    """Vectorised Fruchterman-Reingold in numpy (float32, row blocks): ~20 ms an iteration at 2,000 nodes."""
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


def python_layout(node_ids: list[str], edges: list[tuple[str, str]], spacing: float = 110.0,
                  seed: int = 7, widths: dict[str, float] | None = None) -> dict[str, tuple[float, float]]:
    """Positions in pixels: each connected component laid out (force-directed), then packed in rows.

    Components are scaled so that edges are about `spacing` long and no two nodes crowd each other;
    unlinked entities go in rows at the end, each cell as wide as its label (`widths`, in pixels).
    """
    import networkx as nx
    import numpy as np

    widths = widths or {}
    g = nx.Graph()
    g.add_nodes_from(node_ids)
    g.add_edges_from((a, b) for a, b in edges if a != b)
    comps = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    boxes = []  # (width, height, {id: (x, y)}) with local coordinates from 0
    singles = [nid for nid in dict.fromkeys(node_ids) if not g[nid]]  # in the given order
    for comp in comps:
        n = len(comp)
        if n == 1:
            continue
        if n == 2:
            a, b = comp
            gap = max(spacing, (widths.get(a, 0) + widths.get(b, 0)) / 2 + 30)
            boxes.append((gap + max(spacing, widths.get(b, 0)), 0.8 * spacing, {a: (0.0, 0.0), b: (gap, 0.0)}))
            continue
        index = {nid: i for i, nid in enumerate(comp)}
        # sorted: a subgraph view may iterate its node *set* (hash order) and the float sums follow edge order
        sub = sorted(tuple(sorted((index[a], index[b]))) for a, b in g.subgraph(comp).edges())
        iters = 150 if n <= 300 else 60 if n <= 3000 else max(15, int(60 * 3000 / n))
        x, y = _fruchterman_reingold(n, [s for s, _ in sub], [d for _, d in sub], iters, seed)
        s = np.array(sub)
        med_edge = float(np.median(np.hypot(x[s[:, 0]] - x[s[:, 1]], y[s[:, 0]] - y[s[:, 1]]))) or 1.0
        near = _nearest_distances(x, y)
        p10 = float(np.percentile(near, 10)) or 1e-3
        scale = max(spacing / med_edge, 0.6 * spacing / p10)
        scale = min(scale, 3 * spacing / med_edge)  # hubs with many leaves: do not blow the whole thing up
        x = (x - x.min()) * scale
        y = (y - y.min()) * scale
        boxes.append((float(x.max()) + 1.2 * spacing, float(y.max()) + spacing,
                      {nid: (float(x[i]), float(y[i])) for i, nid in enumerate(comp)}))
    total_area = sum(w * h for w, h, _ in boxes) + sum(max(spacing, widths.get(i, 0) + 24) * 0.8 * spacing
                                                       for i in singles)
    row_width = max(max((w for w, _, _ in boxes), default=spacing), math.sqrt(total_area) * 1.5)
    # unlinked entities: rows of cells as wide as their labels, grouped as sorted (by type, then name)
    row: dict = {}
    cx = 0.0
    for nid in singles:
        w = max(0.8 * spacing, widths.get(nid, 0) + 24)
        if cx > 0 and cx + w > row_width:
            boxes.append((cx, 0.8 * spacing, row))
            row, cx = {}, 0.0
        row[nid] = (cx + w / 2, 0.0)
        cx += w
    if row:
        boxes.append((row_width if len(boxes) and cx < row_width else cx, 0.8 * spacing, row))
    pos = {}
    cx = cy = row_h = 0.0
    for w, h, local in boxes:
        if cx > 0 and cx + w > row_width:
            cx, cy, row_h = 0.0, cy + row_h, 0.0
        for nid, (lx, ly) in local.items():
            pos[nid] = (round(cx + lx, 1), round(cy + ly, 1))
        cx += w
        row_h = max(row_h, h)
    # centre on the origin
    if pos:
        mx = (min(p[0] for p in pos.values()) + max(p[0] for p in pos.values())) / 2
        my = (min(p[1] for p in pos.values()) + max(p[1] for p in pos.values())) / 2
        pos = {k: (round(v[0] - mx, 1), round(v[1] - my, 1)) for k, v in pos.items()}
    return pos


# -- formatting ------------------------------------------------------------------------------------------
def esc(value) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def format_usd(amount: float | None) -> str:
    if amount is None:
        return ""
    a = abs(amount)
    for limit, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if a >= limit:
            v = amount / limit
            return f"${v:,.{0 if v >= 100 or v == int(v) else 1}f}{suffix}"
    return f"${amount:,.0f}"


def _wikidata_link(qid: str | None) -> str:
    if not qid:
        return ""
    qid = str(qid).rsplit("/", 1)[-1]
    if not re.fullmatch(r"[QP]\d+", qid):
        return esc(qid)
    return (f'<a href="https://www.wikidata.org/wiki/{qid}" target="_blank" rel="noopener noreferrer">'
            f"{qid}</a>")


def _entity_html(e: Entity, color: str) -> str:
    aliases = sorted(a for a in e.aliases if a != e.name)
    rows = [f'<div class="pg-h"><span class="pg-sw" style="background:{esc(color)}"></span>{esc(e.name)}</div>',
            f'<div class="pg-sub">{esc(e.type)}</div>', '<table class="pg-kv">']
    if aliases:
        rows.append(f"<tr><th>Aliases</th><td>{'<br>'.join(esc(a) for a in aliases)}</td></tr>")
    if e.wikidata:
        rows.append(f"<tr><th>Wikidata</th><td>{_wikidata_link(e.wikidata)}</td></tr>")
    if e.docs:
        rows.append(f"<tr><th>Documents</th><td>{'<br>'.join(esc(d) for d in sorted(e.docs))}</td></tr>")
    rows.append(f"<tr><th>Id</th><td><code>{esc(e.id)}</code></td></tr></table>")
    return "".join(rows)


def _relation_html(r: Relation, subj: str, obj: str) -> str:
    amount = _amount_of(r)
    rows = [f'<div class="pg-h">{esc(r.predicate)}</div>',
            f'<div class="pg-sub">{esc(subj)} &rarr; {esc(obj)}</div>', '<table class="pg-kv">']
    if amount is not None:
        rows.append(f"<tr><th>Amount</th><td>{esc(format_usd(amount))} <span class=\"pg-dim\">"
                    f"({esc(f'{amount:,.0f}')} USD)</span></td></tr>")
    if r.props.get("year") is not None:
        rows.append(f"<tr><th>Year</th><td>{esc(r.props['year'])}</td></tr>")
    rows.append(f"<tr><th>Confidence</th><td>{r.confidence:.2f}</td></tr>")
    for k in sorted(r.props):
        if k not in ("amount_usd", "year"):
            rows.append(f"<tr><th>{esc(k)}</th><td>{esc(r.props[k])}</td></tr>")
    rows.append("</table>")
    if r.evidence:
        rows.append(f'<div class="pg-ev-h">Evidence ({len(r.evidence)})</div>')
        for ev in r.evidence:
            rows.append(f'<blockquote class="pg-q">{esc(ev.quote)}<footer>{esc(ev.doc)} '
                        f'<span class="pg-dim">[{ev.start}:{ev.end}]</span></footer></blockquote>')
    return "".join(rows)


def _label(name: str) -> str:
    return name if len(name) <= 42 else name[:40] + "…"


def _label_width(e: Entity, styles: Styles) -> float:
    """Rough pixel width of an entity's label at 14px (boxes wrap at 170px)."""
    w = 7.6 * len(_label(e.name))
    return min(w, 190.0) if styles.of(e.type)[1] in LABEL_INSIDE else w


def _edge_width(amount: float | None) -> float:
    if amount is None or amount <= 0:
        return 1.5
    return round(min(12.0, 2.0 + 1.6 * math.log10(max(amount, 1e6) / 1e6)), 2)


# -- the page ---------------------------------------------------------------------------------------------
def _pyvis_network():
    """pyvis.network, imported without IPython when IPython is not loaded yet: pyvis imports
    IPython.display.IFrame at module level only for its notebook output, which the view never uses, and that
    import (IPython, prompt_toolkit, wcwidth) cost 0.3-1 s of every build. Inside Jupyter, or once pyvis is
    loaded, nothing changes; the stand-in is removed again, so a later `import IPython` gets the real one."""
    import sys
    import types

    if "pyvis.network" in sys.modules or "IPython" in sys.modules:
        import pyvis.network

        return pyvis.network
    ipython, display = types.ModuleType("IPython"), types.ModuleType("IPython.display")

    class IFrame:  # pyvis's notebook output only
        def __init__(self, *args, **kwargs) -> None:
            raise RuntimeError("IPython was not loaded when policygraph imported pyvis")

    display.IFrame, ipython.display = IFrame, display
    sys.modules["IPython"], sys.modules["IPython.display"] = ipython, display
    try:
        import pyvis.network
    finally:
        for name, stub in (("IPython", ipython), ("IPython.display", display)):
            if sys.modules.get(name) is stub:
                del sys.modules[name]
    return pyvis.network


def _vis_dir() -> Path:
    lib = Path(_pyvis_network().__file__).resolve().parent / "lib"
    for name in ("vis-9.1.2", "vis-9.0.4"):
        if (lib / name / "vis-network.min.js").exists():
            return lib / name
    raise PolicygraphError(f"vis-network is missing from pyvis ({lib}); reinstall pyvis")


def _json_for_script(obj) -> str:
    """JSON safe inside <script>: no '<', '>' or '&' can close the element or start markup."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _inline_script_text(js: str) -> str:
    js = re.sub(r"//[#@]\s*sourceMappingURL=\S*", "", js)
    # a literal '</script' inside inlined code would end the element early
    return re.sub(r"</(script)", r"<\\/\1", js, flags=re.IGNORECASE)


def _inline_css_text(css: str) -> str:
    css = re.sub(r"/\*[#@]\s*sourceMappingURL=[^*]*\*/", "", css)
    remote = re.findall(r"url\(\s*['\"]?(?!data:)([^'\")]+)", css) + re.findall(r"@import", css)
    if remote:
        raise PolicygraphError(f"refusing to inline CSS with non-inline references: {remote[:3]}")
    return css.replace("</", "<\\/")


def _sha256_csp(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def build_payload(kg: KnowledgeGraph, sel: Selection, styles: Styles, title: str) -> dict:
    """The data the page needs: vis nodes/edges (through pyvis), per-item details, legend and filters."""
    Network = _pyvis_network().Network

    big = len(sel.entities) > LAYOUT_THRESHOLD
    names = {e.id: e.name for e in sel.entities}
    degree = Counter()
    for r in sel.relations:
        degree[r.subject] += 1
        degree[r.object] += 1
    spacing = 150.0 if len(sel.entities) <= 150 else 110.0  # small views: room for the labels
    # The layout is always computed here (deterministic; the page and its PNG look the same; unlinked
    # entities packed in rows instead of the ring the browser's physics makes of them). The physics check
    # box turns the browser's simulation on; above LAYOUT_THRESHOLD it also drops curves and hides edges
    # while dragging. Unlinked entities are sorted by type then name, so they sit in the legend's groups.
    rank = {t: i for i, t in enumerate(styles.type_order({e.type for e in sel.entities}))}
    order = sorted(sel.entities, key=lambda e: (rank[e.type], e.name.casefold(), e.id))
    positions = python_layout([e.id for e in order], [(r.subject, r.object) for r in sel.relations],
                              spacing=spacing, widths={e.id: _label_width(e, styles) for e in order})
    path_nodes = {n for p in sel.paths for n in p}
    path_pairs = {frozenset(pair) for p in sel.paths for pair in zip(p, p[1:])}

    # several relations between the same two entities: each its own curve, so labels do not overlap
    by_pair: dict[frozenset, list[str]] = {}
    for r in sel.relations:
        by_pair.setdefault(frozenset((r.subject, r.object)), []).append(r.id)
    bend = {rid: i for ids in by_pair.values() if len(ids) > 1 for i, rid in enumerate(ids)}

    net = Network(directed=True, cdn_resources="remote")
    node_info, edge_info = {}, {}
    for e in sel.entities:
        color, shape = styles.of(e.type)
        inside = shape in LABEL_INSIDE
        label = _label(e.name)
        opts = {
            "color": {"background": color, "border": _mix(color, (0, 0, 0), 0.35),
                      "highlight": {"background": _mix(color, (255, 255, 255), 0.25), "border": "#111111"},
                      "hover": {"background": _mix(color, (255, 255, 255), 0.15), "border": "#111111"}},
            "borderWidth": 1.5,
        }
        if inside and shape != "text":  # label on the shape: black or white, whichever reads better
            opts["font"] = {"color": _text_color_on(color), "strokeWidth": 0}
        if not inside:
            opts["size"] = round(min(34.0, 11.0 + 3.5 * math.sqrt(degree[e.id])), 1)
        else:
            opts["widthConstraint"] = {"maximum": 170}
        if e.id in path_nodes:
            opts["borderWidth"] = 4
            opts["color"]["border"] = PATH_COLOR
            opts["color"]["highlight"]["border"] = PATH_COLOR
            opts["shapeProperties"] = {"borderDashes": False}
        if e.id == sel.focus:
            opts["borderWidth"] = max(opts["borderWidth"], 3)
        if e.id in positions:
            opts["x"], opts["y"] = positions[e.id]
        net.add_node(e.id, label=label, shape=shape, **opts)
        aliases = sorted(a for a in e.aliases if a != e.name)
        node_info[e.id] = {
            "name": esc(e.name), "type": e.type, "docs": sorted(e.docs),
            "keys": _search_keys(e.name, aliases),
            "html": _entity_html(e, color),
            "tip": f"<b>{esc(e.name)}</b><br>{esc(e.type)}"
                   + (f"<br><span class=\"pg-dim\">also: {esc(', '.join(aliases[:4]))}"
                      f"{'…' if len(aliases) > 4 else ''}</span>" if aliases else ""),
        }
    for r in sel.relations:
        amount = _amount_of(r)
        year = _year_of(r)
        label = r.predicate + (f"\n{format_usd(amount)}" if amount is not None else "")
        on_path = frozenset((r.subject, r.object)) in path_pairs
        opts = {
            "id": r.id,
            "label": label,
            "width": _edge_width(amount) + (2.5 if on_path else 0),
        }
        if on_path:
            opts["color"] = {"color": PATH_COLOR, "highlight": PATH_COLOR, "hover": PATH_COLOR}
        if r.id in bend:
            opts["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": round(0.12 + 0.22 * bend[r.id], 2)}
        net.add_edge(r.subject, r.object, **opts)
        subj, obj = names.get(r.subject, r.subject), names.get(r.object, r.object)
        edge_info[r.id] = {
            "predicate": r.predicate, "year": year, "docs": r.docs, "amount": amount, "path": on_path,
            "html": _relation_html(r, subj, obj),
            "tip": f"{esc(subj)} <b>{esc(r.predicate)}</b> {esc(obj)}"
                   + (f" · {esc(format_usd(amount))}" if amount is not None else "")
                   + (f" · {year}" if year is not None else "")
                   + f" · conf. {r.confidence:.2f}",
        }

    type_counts = Counter(e.type for e in sel.entities)
    types = [{"name": t, "color": styles.of(t)[0], "shape": styles.of(t)[1], "count": type_counts[t]}
             for t in styles.type_order(type_counts)]
    pred_counts = Counter(r.predicate for r in sel.relations)
    pred_order = [p for p in styles.predicates if p in pred_counts] + sorted(set(pred_counts) - set(styles.predicates))
    doc_counts = Counter(d for r in sel.relations for d in r.docs)
    for e in sel.entities:
        for d in e.docs:
            doc_counts.setdefault(d, 0)
    years = sorted({y for y in (_year_of(r) for r in sel.relations) if y is not None})
    path = None
    if sel.path_ends:
        a, b = sel.path_ends
        path = {"from": esc(kg.entities[a].name), "to": esc(kg.entities[b].name), "count": len(sel.paths),
                "nodes": sorted(path_nodes),
                "edges": [r.id for r in sel.relations if frozenset((r.subject, r.object)) in path_pairs]}
    options = {
        "autoResize": True,
        "nodes": {"font": dict(NODE_FONT), "scaling": {"label": {"drawThreshold": 5}}},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
                  "color": dict(EDGE_COLOR), "font": dict(EDGE_FONT),
                  "selectionWidth": 2, "hoverWidth": 1,
                  "scaling": {"label": {"drawThreshold": 8}}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
        "layout": {"improvedLayout": False, "randomSeed": 7},
        # off at load (positions are fixed above); the "physics" check box turns it on
        "physics": {"enabled": False, "solver": "forceAtlas2Based", "stabilization": {"enabled": False},
                    "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.008,
                                         "springLength": 130, "springConstant": 0.06, "avoidOverlap": 0.4}},
        # curves keep A->B and B->A apart; straight lines are much cheaper to draw on big graphs
    }
    options["edges"]["smooth"] = ({"enabled": False} if big else
                                  {"enabled": True, "type": "curvedCW", "roundness": 0.12})
    return {
        "meta": {"title": esc(title), "big": big, "focus": sel.focus, "path": path,
                 "pathColor": PATH_COLOR, "notes": [esc(n) for n in sel.notes],
                 "totalEntities": len(kg.entities), "totalRelations": len(kg.relations)},
        "nodes": net.nodes, "edges": net.edges, "nodeInfo": node_info, "edgeInfo": edge_info,
        "types": types,
        "predicates": [{"name": p, "count": pred_counts[p]} for p in pred_order],
        "docs": [{"id": esc(d), "key": d, "count": doc_counts[d]} for d in sorted(doc_counts)],
        "years": [years[0], years[-1]] if years else None,
        "options": options,
    }


def render_html(payload: dict) -> str:
    """The self-contained page for a payload: vis-network, CSS, JS and data inline; no network."""
    vis = _vis_dir()
    vis_js = _inline_script_text((vis / "vis-network.min.js").read_text(encoding="utf-8"))
    vis_css = _inline_css_text((vis / "vis-network.css").read_text(encoding="utf-8"))
    view_js = _inline_script_text((ASSETS / "view.js").read_text(encoding="utf-8"))
    view_css = _inline_css_text((ASSETS / "view.css").read_text(encoding="utf-8"))
    template = (ASSETS / "template.html").read_text(encoding="utf-8")
    csp = ("default-src 'none'; "
           f"script-src {_sha256_csp(vis_js)} {_sha256_csp(view_js)}; "
           "style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none'; "
           "media-src 'none'; object-src 'none'; frame-src 'none'; worker-src 'none'; "
           "form-action 'none'; base-uri 'none'")
    parts = {
        "CSP": esc(csp),
        "TITLE": payload["meta"]["title"],  # already escaped
        "VIS_CSS": vis_css,
        "VIEW_CSS": view_css,
        "VIS_JS": vis_js,
        "VIEW_JS": view_js,
        "DATA": _json_for_script(payload),
    }
    return re.sub(r"\{\{(CSP|TITLE|VIS_CSS|VIEW_CSS|VIS_JS|VIEW_JS|DATA)\}\}", lambda m: parts[m.group(1)],
                  template)


def build_html(kg: KnowledgeGraph, focus=None, hops=2, types=None, predicates=None, docs=None, years=None,
               path=None, progress: Callable | None = None, title: str | None = None,
               styles: Styles | None = None) -> tuple[str, Selection]:
    """The page for a view of kg, and what it shows (see render_view)."""
    progress = progress or QUIET
    styles = styles or Styles()
    sel = select(kg, focus=focus, hops=hops, types=types, predicates=predicates, docs=docs, years=years,
                 path=path, progress=progress, styles=styles)
    if title is None:
        title = "policygraph view"
        if sel.focus:
            title += f": {kg.entities[sel.focus].name} ({hops} hop{'' if str(hops) == '1' else 's'})"
        if sel.path_ends:
            title += f": {kg.entities[sel.path_ends[0]].name} ↔ {kg.entities[sel.path_ends[1]].name}"
    progress(f"Laying out {len(sel.entities)} entities and {len(sel.relations)} relations")
    payload = build_payload(kg, sel, styles, title)
    return render_html(payload), sel


def render_view(kg: KnowledgeGraph, out_path, focus=None, hops=2, types=None, predicates=None, docs=None,
                years=None, path=None, png=None, progress=None) -> Path:
    """Write the interactive view of kg to out_path (one offline HTML file) and return its path.

    focus: an entity name, alias or id; only entities within `hops` relations of it are shown.
    types / predicates / docs: entity types, relation types, document ids to keep (lists or 'a,b' strings).
    years: 'A-B' (or (A, B)) keeps relations dated in those years.
    path: (A, B) highlights up to 5 shortest linking paths of at most 4 hops, in a distinct colour.
    png: also write a screenshot of the view there (needs Chromium).
    progress: a console.Progress (or any callable(message)).
    """
    progress = progress or QUIET
    out_path = Path(out_path)
    styles = Styles()
    page, sel = build_html(kg, focus=focus, hops=hops, types=types, predicates=predicates, docs=docs,
                           years=years, path=path, progress=progress, styles=styles)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(f".{out_path.name}.tmp-{os.getpid()}")
    tmp.write_text(page, encoding="utf-8")
    os.replace(tmp, out_path)
    progress(f"Wrote {out_path} ({len(sel.entities)} entities, {len(sel.relations)} relations)")
    if png is not None:
        screenshot_html(page, png, progress=progress)
    return out_path


# -- screenshots -----------------------------------------------------------------------------------------
def find_chromium() -> str | None:
    env = os.environ.get("POLICYGRAPH_CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    for cand in CHROMIUM_CANDIDATES:
        if Path(cand).exists():
            return cand
    return shutil.which("chromium") or shutil.which("chromium-browser")


def screenshot_html(page: str, png_path, width: int = 1600, height: int = 1000, progress=None,
                    timeout: float = 120.0) -> Path:
    """Write a PNG of an HTML page with headless Chromium (no network, throwaway profile)."""
    progress = progress or QUIET
    chromium = find_chromium()
    if chromium is None:
        raise PolicygraphError("--png needs Chromium (/usr/bin/chromium); install it with "
                               "`apt-get install chromium` or set POLICYGRAPH_CHROMIUM")
    png_path = Path(png_path).resolve()
    png_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="policygraph-shot-") as tmp:
        page_file = Path(tmp) / "view.html"
        page_file.write_text(page, encoding="utf-8")
        profile = Path(tmp) / "profile"
        shot = Path(tmp) / "shot.png"
        cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
               "--disable-default-apps", "--disable-extensions", f"--user-data-dir={profile}",
               "--virtual-time-budget=15000", f"--screenshot={shot}", f"--window-size={width},{height}",
               page_file.as_uri()]
        progress(f"Taking a screenshot with {chromium}")
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise PolicygraphError(f"Chromium took more than {timeout:.0f}s to take the screenshot") from None
        if not shot.exists() or shot.stat().st_size == 0:
            tail = (proc.stderr or "").strip().splitlines()[-3:]
            raise PolicygraphError(f"Chromium wrote no screenshot (exit {proc.returncode}): {' | '.join(tail)}")
        shutil.move(str(shot), png_path)
    progress(f"Wrote {png_path}")
    return png_path


# -- Jupyter ---------------------------------------------------------------------------------------------
class _InlineHTML:
    """Fallback when IPython is absent: anything that renders _repr_html_ shows it."""

    def __init__(self, data: str) -> None:
        self.data = data

    def _repr_html_(self) -> str:
        return self.data


def show(kg: KnowledgeGraph, focus=None, hops=2, types=None, predicates=None, docs=None, years=None, path=None,
         height: int = 760, progress=None):
    """The view as an IPython HTML object, shown inline by Jupyter (an iframe holding the offline page)."""
    page, _ = build_html(kg, focus=focus, hops=hops, types=types, predicates=predicates, docs=docs, years=years,
                         path=path, progress=progress)
    frame = (f'<div class="policygraph-view"><iframe srcdoc="{html.escape(page, quote=True)}" '
             f'style="width:100%;height:{int(height)}px;border:1px solid #ddd" '
             'sandbox="allow-scripts allow-downloads allow-popups"></iframe></div>')
    try:
        from IPython.display import HTML
    except ImportError:
        return _InlineHTML(frame)
    return HTML(frame)
