"""How are two actors linked? The best paths between two entities, each hop with its evidence.

    from policygraph.queries.linkage import explain
    ex = explain(kg, "SK Hynix", "South Korea", max_hops=4, k=5)   # policygraph explain "SK Hynix" "South Korea"
    print(ex.to_markdown())        # or ex.to_json(), ex.to_frames() (one DataFrame per path)
    for path in ex.paths:
        for hop in path.hops:
            print(hop.label, hop.quotes, hop.also)

Paths are walked over the undirected graph (a link is a link whichever way the relation points); each hop
keeps the relation as stated (its own subject, predicate and object) and says in `direction` whether the
walk followed it ("forward"), went against it ("backward"), or the predicate is symmetric ("symmetric").

Paths differ in the entities they pass through: two entities joined by several relations are one hop, shown
with its most telling relation (a measure's IMPOSES/TARGETS, else the most confident, then one walked in its
own direction) and the others listed under `also`.

Ranking, most specific first. A path costs one per hop, plus for each entity it passes through a hub penalty
of HUB_WEIGHT x log2(the entity's number of neighbours): a route through "United States", linked to 60
others, says less than one through a firm's own sector. A measure path, A IMPOSES a measure that TARGETS B,
is shown as such and its measure costs no penalty (the measure is the link). Among the cheapest paths,
each entity already passed through by a better path adds DIVERSITY to a later one, and a path through the
same entities as a better one is dropped, so the list shows different routes. Ties: stronger evidence (the
sum of the hops' confidences, then the number of documents), then the relation ids.

Engine: an A* enumeration of simple paths in cost order over the networkx graph, bounded by the hop limit
(its heuristic is the hop distance to the target, which no remaining path can undercut). networkx was chosen
by measurement over the LadybugDB store (`python bench/bench_paths.py`; the README has the table): the graph
is in memory already (open_build reads facts.jsonl), each query is 50-200x faster, and ranked k-best paths
are no single query in the store. The graph it walks is cached per KnowledgeGraph.
"""
from __future__ import annotations

import functools
import heapq
import itertools
import json
import math
import weakref
from dataclasses import dataclass, field

from ..console import PolicygraphError
from ..graph.model import Evidence, KnowledgeGraph, Relation
from ..ontology import load_model
from ..safe_text import md_text  # names and quotes come from documents: shown, never rendered as HTML
from .facts import (amount_of, display_name, format_usd, one_line, qualifier_text,  # noqa: F401 (re-exported)
                    relation_label, year_of)
from .names import degrees, normalize, resolve  # noqa: F401 (re-exported: the one name resolver)

MAX_POPS = 20_000  # partial paths expanded per query, at most (a guard on very dense graphs)
MAX_HOPS_LIMIT = 8
HUB_WEIGHT = 0.5  # cost of passing through an entity, per doubling of its neighbours
DIVERSITY = 1.0  # cost, for a later path, of each entity a better path already passes through
MAX_ALSO = 6  # other relations listed per hop
RANKING = ("ranked by specificity: fewer hops and fewer hub entities first, a measure counting as a direct "
           "link; then evidence")


# -- the ontology ----------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def symmetric_predicates() -> frozenset[str]:
    """Predicates the ontology marks symmetric (PARTNERS_WITH, COOPERATES_WITH)."""
    return frozenset(name for name, r in load_model().relations.items() if r.symmetric)


def is_actor_type(type_: str) -> bool:
    """True for actor types: Actor and its subclasses in the ontology."""
    return load_model().is_a(type_, "Actor")


# -- the result -------------------------------------------------------------------------------------
@dataclass
class Hop:
    subject: str  # the relation's subject, as stated (name)
    predicate: str
    object: str  # the relation's object (name)
    direction: str  # 'forward' (walked subject -> object), 'backward', or 'symmetric'
    props: dict
    quotes: list[tuple[str, str]]  # (document id, quote)
    confidence: float
    subject_id: str = ""
    object_id: str = ""
    relation_id: str = ""
    evidence: list[Evidence] = field(default_factory=list, repr=False)
    also: list[dict] = field(default_factory=list)  # the other relations joining the same two entities

    @property
    def docs(self) -> list[str]:
        return sorted({d for d, _ in self.quotes})

    @property
    def label(self) -> str:
        return f"{self.subject} —{self.predicate}{qualifier_text(self.props)}→ {self.object}"

    def to_dict(self) -> dict:
        return {
            "subject": self.subject, "subject_id": self.subject_id, "predicate": self.predicate,
            "object": self.object, "object_id": self.object_id, "direction": self.direction,
            "props": {k: self.props[k] for k in sorted(self.props)}, "confidence": round(self.confidence, 3),
            "relation_id": self.relation_id, "label": self.label, "docs": self.docs,
            "quotes": [{"doc": e.doc, "start": e.start, "end": e.end, "quote": e.quote} for e in self.evidence]
            or [{"doc": d, "quote": q} for d, q in self.quotes],
            "also": self.also,
        }


@dataclass
class Path:
    hops: list[Hop]
    nodes: list[str]  # the entity names walked, from A to B
    node_ids: list[str] = field(default_factory=list)
    cost: float = 0.0  # hops plus hub penalties (see the module docstring)
    measures: list[str] = field(default_factory=list)  # measures passed through (A IMPOSES m TARGETS B)
    hubs: list[tuple[str, int]] = field(default_factory=list)  # (name, neighbours) of the hubs passed through

    @property
    def length(self) -> int:
        return len(self.hops)

    @property
    def kind(self) -> str:
        """'measure' for A IMPOSES a measure that TARGETS B, 'direct' for one hop, else 'route'."""
        if self.length == 2 and self.measures:
            return "measure"
        return "direct" if self.length == 1 else "route"

    @property
    def inner_ids(self) -> list[str]:
        return self.node_ids[1:-1]

    @property
    def confidence_sum(self) -> float:
        return sum(h.confidence for h in self.hops)

    @property
    def documents(self) -> list[str]:
        return sorted({d for h in self.hops for d in h.docs})

    @property
    def relation_ids(self) -> list[str]:
        return [h.relation_id for h in self.hops]

    @property
    def rank_key(self) -> tuple:
        return (round(self.cost, 9), -round(self.confidence_sum, 9), -len(self.documents), tuple(self.relation_ids))

    @property
    def summary(self) -> str:
        """One line: 'Japan imposes restrictions on materials, which targets South Korea' for a measure path,
        else the entities walked."""
        if self.kind == "measure":
            return f"{self.nodes[0]} imposes {self.nodes[1]}, which targets {self.nodes[2]}"
        return " → ".join(self.nodes)

    def to_dict(self) -> dict:
        return {"length": self.length, "kind": self.kind, "cost": round(self.cost, 3),
                "confidence_sum": round(self.confidence_sum, 3), "documents": self.documents,
                "nodes": self.nodes, "node_ids": self.node_ids, "measures": self.measures,
                "hubs": [{"name": n, "neighbours": d} for n, d in self.hubs],
                "hops": [h.to_dict() for h in self.hops]}

    def to_frame(self):
        import pandas as pd

        rows = [{
            "step": i, "subject": h.subject, "predicate": h.predicate, "object": h.object,
            "direction": h.direction, "amount_usd": h.props.get("amount_usd"), "year": h.props.get("year"),
            "status": h.props.get("status"), "props": dict(h.props), "confidence": round(h.confidence, 3),
            "docs": h.docs, "quotes": [q for _, q in h.quotes], "label": h.label,
        } for i, h in enumerate(self.hops, 1)]
        cols = ["step", "subject", "predicate", "object", "direction", "amount_usd", "year", "status", "props",
                "confidence", "docs", "quotes", "label"]
        return pd.DataFrame(rows, columns=cols)


def _hop_markdown(h: Hop, j: int, max_quotes: int) -> list[str]:
    walk = {"backward": " (walked against its direction)", "symmetric": " (symmetric)"}.get(h.direction, "")
    out = [f"{j}. **{md_text(h.label)}**{walk}  "]
    extra = md_text(", ".join(f"{k}: {h.props[k]}" for k in sorted(h.props)
                              if k not in ("amount_usd", "year", "status", "joint", "joint_id")))
    nd = len(h.docs)
    out.append(f"   confidence {h.confidence:.2f}, stated in {nd} document{'s' if nd != 1 else ''}"
               + (f"; {extra}" if extra else ""))
    for doc, quote in h.quotes[:max_quotes]:
        out.append(f"   > “{md_text(one_line(quote))}” — *{md_text(doc)}*")
    if len(h.quotes) > max_quotes:
        out.append(f"   > (and {len(h.quotes) - max_quotes} more quotes: --format json lists them)")
    if h.also:
        more = len(h.also) - MAX_ALSO
        out.append("   also between them: " + "; ".join(md_text(a["label"]) for a in h.also[:MAX_ALSO])
                   + (f"; and {more} more" if more > 0 else ""))
    return out


def _path_markdown(p: Path, i: int, max_quotes: int) -> list[str]:
    ndoc = len(p.documents)
    kind = {"measure": "a measure, ", "direct": "direct, "}.get(p.kind, "")
    out = [f"## Path {i}: {kind}{p.length} hop{'s' if p.length != 1 else ''}, evidence {p.confidence_sum:.2f}, "
           f"{ndoc} document{'s' if ndoc != 1 else ''}", "", md_text(p.summary), ""]
    if p.hubs:
        out += ["_Through " + ", ".join(f"{md_text(n)} (a hub: {d} neighbours)" for n, d in p.hubs) + "._", ""]
    for j, h in enumerate(p.hops, 1):
        out += _hop_markdown(h, j, max_quotes)
    return out + [""]


@dataclass
class Explanation:
    a: str  # resolved names
    b: str
    a_id: str
    b_id: str
    max_hops: int
    k: int
    paths: list[Path]
    notes: list[str] = field(default_factory=list)
    shortest_beyond: int | None = None  # when no path within max_hops: the length of the shortest one, if any
    truncated: bool = False

    @property
    def _hops(self) -> str:
        return f"{self.max_hops} hop{'s' if self.max_hops != 1 else ''}"

    @property
    def found(self) -> bool:
        return bool(self.paths)

    @property
    def message(self) -> str:
        if self.paths:
            n = len(self.paths)
            return f"{n} path{'s' if n != 1 else ''} linking {self.a} and {self.b} within {self._hops} ({RANKING})"
        msg = f"no link between {self.a} and {self.b} within {self._hops}"
        if self.shortest_beyond is not None:
            msg += f" (the shortest link has {self.shortest_beyond} hops; try --max-hops {self.shortest_beyond})"
        return msg

    def to_markdown(self, max_quotes: int = 3) -> str:
        out = [f"# How {md_text(self.a)} is linked to {md_text(self.b)}", ""]
        out += [f"_Note: {md_text(n)}._  " for n in self.notes] + ([""] if self.notes else [])
        if not self.paths:
            out += [f"**No link** between {md_text(self.a)} and {md_text(self.b)} within {self._hops}."
                    + (f" The shortest link has {self.shortest_beyond} hops; try `--max-hops {self.shortest_beyond}`."
                       if self.shortest_beyond is not None else ""), ""]
            return "\n".join(out)
        out += [md_text(self.message[0].upper() + self.message[1:]) + ".", ""]
        for i, p in enumerate(self.paths, 1):
            out += _path_markdown(p, i, max_quotes)
        if self.truncated:
            out.append(f"_Only the first {MAX_POPS} partial routes were examined (a very dense neighbourhood)._")
        return "\n".join(out).rstrip() + "\n"

    def to_dict(self) -> dict:
        return {"from": {"name": self.a, "id": self.a_id}, "to": {"name": self.b, "id": self.b_id},
                "max_hops": self.max_hops, "k": self.k, "found": self.found, "message": self.message,
                "notes": self.notes, "shortest_beyond": self.shortest_beyond,
                "paths": [dict(rank=i, **p.to_dict()) for i, p in enumerate(self.paths, 1)]}

    def to_json(self, indent: int | None = 1) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)

    def to_frames(self) -> list:
        """One DataFrame per path (rows = hops), in rank order."""
        return [p.to_frame() for p in self.paths]


# -- the path engine (networkx) ------------------------------------------------------------------------
_GRAPHS: "weakref.WeakKeyDictionary[KnowledgeGraph, tuple]" = weakref.WeakKeyDictionary()


def nx_graph(kg: KnowledgeGraph):
    """The undirected networkx graph of kg; each edge keeps the list of relations joining its two ends
    (most confident first)."""
    import networkx as nx

    fp = (len(kg.entities), len(kg.relations))
    have = _GRAPHS.get(kg)
    if have and have[0] == fp:
        return have[1]
    pairs: dict[tuple[str, str], list[Relation]] = {}
    for r in kg.relations.values():
        s, o = r.subject, r.object
        if s == o:
            continue
        pairs.setdefault((s, o) if s < o else (o, s), []).append(r)
    for rels in pairs.values():
        rels.sort(key=lambda r: (-r.confidence, r.id))
    g = nx.Graph()
    g.add_nodes_from(kg.entities)
    g.add_edges_from((u, v, {"rels": rels}) for (u, v), rels in pairs.items())
    _GRAPHS[kg] = (fp, g)
    return g


def hub_penalty(g, node: str) -> float:
    """What passing through `node` costs beyond its hop: HUB_WEIGHT x log2(its neighbours)."""
    return HUB_WEIGHT * math.log2(max(g.degree(node), 1))


def node_paths(g, a: str, b: str, max_hops: int, want: int) -> tuple[list[list[str]], bool]:
    """Up to `want` simple paths from a to b of at most max_hops, cheapest first (A*); (paths, truncated).

    A step into an intermediate entity costs 1 + hub_penalty, into b 1; the heuristic, the hop distance to
    b, never overestimates, so complete paths come out in cost order."""
    import networkx as nx

    dist = nx.single_source_shortest_path_length(g, b, cutoff=max_hops - 1)
    counter = itertools.count()
    heap = [(float(dist.get(a, 0)), 0.0, next(counter), (a,))]
    found: list[list[str]] = []
    pops = 0
    while heap and len(found) < want:
        _, cost, _, path = heapq.heappop(heap)
        node = path[-1]
        if node == b:
            found.append(list(path))
            continue
        pops += 1
        if pops > MAX_POPS:
            return found, True
        hops = len(path)  # hops after the next step
        for nb in g[node]:
            d = dist.get(nb)
            if d is None or hops + d > max_hops or nb in path:
                continue
            step = cost + 1.0 + (0.0 if nb == b else hub_penalty(g, nb))
            heapq.heappush(heap, (step + d, step, next(counter), path + (nb,)))
    return found, False


def _direction(rel: Relation, walked_from: str, symmetric: frozenset[str]) -> str:
    if rel.predicate in symmetric:
        return "symmetric"
    return "forward" if rel.subject == walked_from else "backward"


def _hop(kg: KnowledgeGraph, rel: Relation, walked_from: str, others: list[Relation],
         symmetric: frozenset[str]) -> Hop:
    ev = sorted(set(rel.evidence))
    also = [{"relation_id": o.id, "label": relation_label(kg, o), "direction": _direction(o, walked_from, symmetric)}
            for o in others]
    return Hop(display_name(kg, rel.subject), rel.predicate, display_name(kg, rel.object),
               _direction(rel, walked_from, symmetric), dict(rel.props), [(e.doc, e.quote) for e in ev],
               rel.confidence, rel.subject, rel.object, rel.id, ev, also)


def _measure_at(kg: KnowledgeGraph, rels_in: list[Relation], rels_out: list[Relation], before: str, m: str,
                after: str) -> tuple[Relation, Relation] | None:
    """(IMPOSES before->m, TARGETS m->after) when the entity m is a measure `before` imposes on `after`."""
    e = kg.entities.get(m)
    if e is None or is_actor_type(e.type):
        return None
    imposes = [r for r in rels_in if r.predicate == "IMPOSES" and r.subject == before and r.object == m]
    targets = [r for r in rels_out if r.predicate == "TARGETS" and r.subject == m and r.object == after]
    return (imposes[0], targets[0]) if imposes and targets else None


def _pick(rels: list[Relation], walked_from: str) -> Relation:
    """The hop's most telling relation: the most confident, then one walked in its own direction, then dated."""
    return min(rels, key=lambda r: (-round(r.confidence, 9), r.subject != walked_from, year_of(r) is None, r.id))


def typed_path(kg: KnowledgeGraph, g, nodes: list[str], symmetric: frozenset[str]) -> Path:
    """The path along `nodes`: one relation per hop (the others under `also`), its measures and its cost."""
    rels = [g[u][v]["rels"] for u, v in zip(nodes, nodes[1:])]
    chosen: list[Relation | None] = [None] * len(rels)
    measures, cost, hubs = [], float(len(rels)), []
    for i in range(1, len(nodes) - 1):
        pair = _measure_at(kg, rels[i - 1], rels[i], nodes[i - 1], nodes[i], nodes[i + 1])
        if pair is not None:
            chosen[i - 1], chosen[i] = pair
            measures.append(display_name(kg, nodes[i]))
            continue  # the measure is the link: no hub penalty
        cost += hub_penalty(g, nodes[i])
        if g.degree(nodes[i]) >= 16:
            hubs.append((display_name(kg, nodes[i]), g.degree(nodes[i])))
    hops = []
    for i, (u, rs) in enumerate(zip(nodes, rels)):
        rel = chosen[i] or _pick(rs, u)
        hops.append(_hop(kg, rel, u, [r for r in rs if r is not rel], symmetric))
    return Path(hops, [display_name(kg, x) for x in nodes], list(nodes), cost, measures, hubs)


def _diverse(paths: list[Path], k: int) -> list[Path]:
    """The k best paths, each entity a better path already passes through costing a later one DIVERSITY;
    a path through the same entities as a chosen one is dropped."""
    pool = sorted(paths, key=lambda p: p.rank_key)
    chosen: list[Path] = []
    used: dict[str, int] = {}
    seen: set[frozenset] = set()
    while pool and len(chosen) < k:
        best = min(pool, key=lambda p: (round(p.cost + DIVERSITY * sum(used.get(n, 0) for n in p.inner_ids), 9),
                                        p.rank_key))
        pool.remove(best)
        inner = frozenset(best.inner_ids)
        if inner in seen:
            continue
        seen.add(inner)
        chosen.append(best)
        for n in inner:
            used[n] = used.get(n, 0) + 1
    return chosen


def find_paths(kg: KnowledgeGraph, a_id: str, b_id: str, max_hops: int = 4, k: int = 5) -> tuple[list[Path], bool]:
    """The k best paths from a_id to b_id of at most max_hops (see the module docstring); (paths, truncated)."""
    g = nx_graph(kg)
    if a_id not in g or b_id not in g or a_id == b_id:
        return [], False
    found, truncated = node_paths(g, a_id, b_id, max_hops, want=max(4 * k, k + 12))
    symmetric = symmetric_predicates()
    return _diverse([typed_path(kg, g, nodes, symmetric) for nodes in found], k), truncated


def _check_int(value, name: str, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise PolicygraphError(f"{name} must be a whole number, not {value!r}")
    if not lo <= value <= hi:
        raise PolicygraphError(f"{name} must be between {lo} and {hi}, not {value}")
    return value


def explain(kg: KnowledgeGraph, a: str, b: str, max_hops: int = 4, k: int = 5) -> Explanation:
    """The k best paths (at most max_hops relations) linking entities a and b, each hop with evidence.

    a, b: names, aliases or ids (see queries.names.resolve). Raises PolicygraphError for unknown or ambiguous
    names.
    """
    _check_int(max_hops, "max_hops", 1, MAX_HOPS_LIMIT)
    _check_int(k, "k", 1, 1000)
    notes: list[str] = []
    ea, eb = resolve(kg, a, notes), resolve(kg, b, notes)
    if ea.id == eb.id:
        raise PolicygraphError(f"{a!r} and {b!r} are the same entity ({ea.name}); give two different entities")
    paths, truncated = find_paths(kg, ea.id, eb.id, max_hops, k)
    ex = Explanation(ea.name, eb.name, ea.id, eb.id, max_hops, k, paths, notes, truncated=truncated)
    if not paths:
        import networkx as nx

        g = nx_graph(kg)
        for e in (ea, eb):
            if g.degree(e.id) == 0:
                notes.append(f"{e.name} has no relations in the graph")
        try:
            ex.shortest_beyond = nx.shortest_path_length(g, ea.id, eb.id)
        except nx.NetworkXNoPath:
            pass
    return ex
