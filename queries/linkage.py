"""How are two actors linked? The k best typed paths between two entities, each hop with its evidence.

    from policygraph.queries.linkage import explain
    ex = explain(kg, "SK Hynix", "South Korea", max_hops=4, k=5)   # policygraph explain "SK Hynix" "South Korea"
    print(ex.to_markdown())        # or ex.to_json(), ex.to_frames() (one DataFrame per path)
    for path in ex.paths:
        for hop in path.hops:
            print(hop.label, hop.quotes)

Paths are walked over the undirected graph (a link is a link whichever way the relation points); each hop
keeps the relation as stated (its own subject, predicate and object) and says in `direction` whether the
walk followed it ("forward"), went against it ("backward"), or the predicate is symmetric ("symmetric").
Two entities joined by several relations give one typed path per choice of relation.

Ranking: fewer hops first; then stronger evidence, meaning the larger sum of the hops' confidences, then the
more distinct documents; then the relation ids, so the order is the same on every run.

Path engine, chosen by measurement (`python bench/bench_paths.py`, this machine, 2 CPUs shared with other
work, 50 random pairs, paths of at most 4 hops, median per query; the issue's figures were 66 ms LadybugDB vs
0.3 ms networkx; the README has the same table):

    synthetic, 100,000 nodes / 1,000,000 relationships   networkx (in memory)    LadybugDB store (on disk)
    load                                                  33 s, +432 MB RSS       20 s (COPY from CSV)
    open an existing store + first lookup                 -                       86 ms
    one shortest path                                     0.48 ms                 96 ms (build layout: 223 ms)
    k=5 best typed paths (what explain runs)              6.95 ms                 no single query; ALL
                                                                                  SHORTEST alone: 103 ms
    corpus-sized, 500 nodes / 1,500 relationships
    one shortest path / k=5 typed paths                   0.04 ms / 0.68 ms       2.2 ms (one path)

`explain` always has the KnowledgeGraph in memory already (open_build reads facts.jsonl), so networkx's one
cost, building its graph, is small next to reading the facts, and each query is 50-200x faster; Yen's
k-shortest simple paths, which the ranking needs, is one call in networkx but not one query in the store.
So networkx it is. The graph it walks is cached per KnowledgeGraph (rebuilt when the graph's size changes).
"""
from __future__ import annotations

import difflib
import functools
import itertools
import json
import re
import unicodedata
import weakref
from dataclasses import dataclass, field
from typing import Iterable

from ..console import PolicygraphError
from ..graph.model import Entity, Evidence, KnowledgeGraph, Relation

MAX_NODE_PATHS = 2000  # node sequences examined per query, at most (a guard on very dense graphs)
MAX_EXPANSIONS = 50  # typed paths made from one node sequence, at most (parallel relations multiply)
MAX_HOPS_LIMIT = 8
FALLBACK_SYMMETRIC = frozenset({"PARTNERS_WITH", "COOPERATES_WITH"})
ACTOR_TYPES = frozenset({"Country", "USState", "GovernmentBody", "Person", "Firm", "InternationalOrganization"})


# -- the ontology (optional) ------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _ontology():
    """The ontology model, or None without one (looked up once per process)."""
    try:
        from ..ontology import load_model
    except ImportError:
        return None
    try:
        return load_model()
    except (AttributeError, FileNotFoundError):
        return None


@functools.lru_cache(maxsize=1)
def symmetric_predicates() -> frozenset[str]:
    """Predicates the ontology marks symmetric (PARTNERS_WITH, COOPERATES_WITH without an ontology)."""
    model = _ontology()
    rels = getattr(model, "relations", None)
    if not rels:
        return FALLBACK_SYMMETRIC
    items = rels.items() if isinstance(rels, dict) else ((getattr(r, "name", str(r)), r) for r in rels)
    return frozenset(name for name, r in items if getattr(r, "symmetric", False))


@functools.lru_cache(maxsize=256)
def is_actor_type(type_: str) -> bool:
    """True for actor types: the ontology's subclasses of Actor (a fixed list without an ontology)."""
    sup = getattr(_ontology(), "superclasses", None)
    if sup is not None:
        try:
            return type_ == "Actor" or "Actor" in {getattr(s, "name", s) for s in sup(type_)}
        except (KeyError, ValueError):
            pass
    return type_ in ACTOR_TYPES


# -- formatting -------------------------------------------------------------------------------------
def format_usd(amount) -> str:
    """3.87e9 -> '$3.87 billion', 5e8 -> '$500 million', 1200 -> '$1,200'."""
    try:
        x = float(amount)
    except (TypeError, ValueError):
        return str(amount)
    for div, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(x) >= div:
            v = f"{x / div:.2f}".rstrip("0").rstrip(".")
            return f"${v} {word}"
    return f"${x:,.0f}"


def year_of(rel: Relation) -> int | None:
    y = rel.props.get("year")
    if y is None:
        return None
    m = re.match(r"\s*(\d{4})", str(y))
    return int(m.group(1)) if m else None


def amount_of(rel: Relation) -> float | None:
    a = rel.props.get("amount_usd")
    try:
        return float(a) if a is not None else None
    except (TypeError, ValueError):
        return None


# a year in running text: not part of a number ("$2,019", "20.19"), a code ("FY2019") or an amount
_YEAR_IN_TEXT = re.compile(r"(?<![\w$.,])(1[89]\d\d|20\d\d)(?![\w%]|[.,]\d)")
QUOTE_YEAR = "per the quote"


def quote_year(rel: Relation, kg: KnowledgeGraph | None = None) -> int | None:
    """The one year the relation's quotes state, or None (a quote with no year, or several years).

    For a fact the extractor gave no year: "In the summer of 2019, ... South Korea also became a target of
    Japanese economic retaliation" dates Japan's retaliation to 2019. With `kg`, years inside the subject's
    and object's names and aliases ("Trade Expansion Act of 1962") do not count."""
    return _year_in_quotes(rel.evidence, (rel.subject, rel.object), kg)


def _year_in_quotes(evidence, entity_ids, kg: KnowledgeGraph | None) -> int | None:
    names: list[str] = []
    if kg is not None:
        for eid in entity_ids:
            e = kg.entities.get(eid)
            if e is not None:
                names += [e.name, *e.aliases]
    years: set[int] = set()
    for ev in evidence:
        text = ev.quote
        for n in sorted((n for n in names if re.search(r"\d{4}", n)), key=len, reverse=True):
            text = re.sub(re.escape(n), " ", text, flags=re.IGNORECASE)
        found = {int(m.group(1)) for m in _YEAR_IN_TEXT.finditer(text)}
        if not found:  # a quote that states the fact with no year: the fact is not dated by its quotes
            return None
        years |= found
    return years.pop() if len(years) == 1 else None


def fact_year(rel: Relation, kg: KnowledgeGraph | None = None) -> tuple[int | None, bool]:
    """(year, from_quote): the fact's own year, else the one year its quotes state (from_quote=True)."""
    y = year_of(rel)
    if y is not None:
        return y, False
    q = quote_year(rel, kg)
    return (q, True) if q is not None else (None, False)


def _qualifier_text(amount, year, year_from_quote) -> str:
    parts = []
    if amount is not None:
        parts.append(format_usd(amount))
    if year is not None:
        parts.append(str(year))
    elif year_from_quote is not None:
        parts.append(f"{year_from_quote} {QUOTE_YEAR}")
    return f" ({', '.join(parts)})" if parts else ""


def qualifiers(rel: Relation, kg: KnowledgeGraph | None = None) -> str:
    """'($3.87 billion, 2024)', '(2019)', '(2019 per the quote)' or '' for the relation's amount and year.

    Without a year of its own, a fact shows the one year its quotes state, marked 'per the quote'."""
    qy = None if rel.props.get("year") is not None else quote_year(rel, kg)
    return _qualifier_text(amount_of(rel), rel.props.get("year"), qy)


def relation_label(kg: KnowledgeGraph, rel: Relation) -> str:
    """'Subject —PREDICATE (amount, year)→ Object'."""
    return f"{display_name(kg, rel.subject)} —{rel.predicate}{qualifiers(rel, kg)}→ {display_name(kg, rel.object)}"


def display_name(kg: KnowledgeGraph, entity_id: str) -> str:
    e = kg.entities.get(entity_id)
    return e.name if e else entity_id


def one_line(text: str) -> str:
    """A quote on one line: runs of white space (line breaks of the PDF layout) become one space."""
    return re.sub(r"\s+", " ", text).strip()


# -- name resolution --------------------------------------------------------------------------------
def normalize(text: str) -> str:
    """'The U.S.' -> 'us', 'SK hynix' -> 'sk hynix', 'Moon Jae-in' -> 'moon jae in'."""
    t = unicodedata.normalize("NFKC", text).casefold()
    t = re.sub(r"[.'\u2019`]", "", t)
    t = re.sub(r"[^\w]+", " ", t).strip()
    t = re.sub(r"^the ", "", t)
    return t


def _contains_words(haystack: str, needle: str) -> bool:
    return f" {needle} " in f" {haystack} "


class _Index:
    def __init__(self, kg: KnowledgeGraph) -> None:
        self.kg = kg
        self.by_name: dict[str, list[Entity]] = {}
        self.by_alias: dict[str, list[Entity]] = {}
        self.keys: dict[str, set[str]] = {}  # normalized name or alias -> entity ids
        for e in kg.sorted_entities():
            n = normalize(e.name)
            self.by_name.setdefault(n, []).append(e)
            self.keys.setdefault(n, set()).add(e.id)
            for a in sorted(e.aliases):
                na = normalize(a)
                if na and na != n:
                    if e not in self.by_alias.setdefault(na, []):
                        self.by_alias[na].append(e)
                    self.keys.setdefault(na, set()).add(e.id)
        self.types = {e.type.casefold(): e.type for e in kg.entities.values()}


_DEGREE: "weakref.WeakKeyDictionary[KnowledgeGraph, tuple]" = weakref.WeakKeyDictionary()


def degrees(kg: KnowledgeGraph) -> dict[str, int]:
    fp = (len(kg.entities), len(kg.relations))
    have = _DEGREE.get(kg)
    if have and have[0] == fp:
        return have[1]
    deg: dict[str, int] = {}
    for r in kg.relations.values():
        deg[r.subject] = deg.get(r.subject, 0) + 1
        deg[r.object] = deg.get(r.object, 0) + 1
    _DEGREE[kg] = (fp, deg)
    return deg


def _suggest(kg: KnowledgeGraph, ents: Iterable[Entity]) -> str:
    ents = list({e.id: e for e in ents}.values())
    names = [e.name for e in ents]
    clash = {n for n in names if names.count(n) > 1}
    return ", ".join(f"{e.name} ({e.type})" if e.name in clash else e.name for e in ents)


def _note(notes: list[str] | None, text: str) -> None:
    if notes is not None:
        notes.append(text)


def resolve(kg: KnowledgeGraph, name: str, notes: list[str] | None = None) -> Entity:
    """The entity a user means by `name`: its id, 'Name (Type)', its name, an alias, a unique part of a name
    ('Hanwha' -> 'Hanwha Q Cells'), or a close spelling ('SK Hinix'). Ambiguous or unknown names raise
    PolicygraphError with 'did you mean: X, Y?'. Anything but an exact match is reported in `notes`."""
    if not isinstance(name, str) or not name.strip():
        raise PolicygraphError("an entity name is needed (got an empty name)")
    if name in kg.entities:
        return kg.entities[name]
    if not kg.entities:
        raise PolicygraphError(f"no entity named {name!r}: the graph is empty")
    idx = _Index(kg)
    deg = degrees(kg)
    want_type = None
    m = re.fullmatch(r"\s*(.+?)\s*\(\s*([A-Za-z]+)\s*\)\s*", name)
    if m and m.group(2).casefold() in idx.types:
        name, want_type = m.group(1), idx.types[m.group(2).casefold()]
    q = normalize(name)
    if not q:
        raise PolicygraphError(f"{name!r} is not a name (nothing left after removing punctuation)")

    def typed(ents):
        return [e for e in ents if want_type is None or e.type == want_type]

    def by_degree(ents):
        return sorted({e.id: e for e in ents}.values(), key=lambda e: (-deg.get(e.id, 0), e.name, e.id))

    def ambiguous(ents, how):
        ents = by_degree(ents)
        return PolicygraphError(
            f"{name!r} is ambiguous ({how} {len(ents)} entities); did you mean: {_suggest(kg, ents[:8])}? "
            "(add the type in parentheses, e.g. 'Georgia (USState)', or give the id)")

    for table, how in ((idx.by_name, "names"), (idx.by_alias, "is an alias of")):
        hits = typed(table.get(q, []))
        if len(hits) == 1:
            if how != "names":
                _note(notes, f"{name!r} is an alias of {hits[0].name!r}")
            return hits[0]
        if len(hits) > 1:
            raise ambiguous(hits, how)

    # a unique part of a name or alias, as whole words: 'Hanwha' -> 'Hanwha Q Cells'
    part: dict[str, tuple[Entity, str]] = {}
    for key, ids in idx.keys.items():
        if _contains_words(key, q):
            for i in ids:
                e = kg.entities[i]
                if want_type is None or e.type == want_type:
                    if i not in part or len(key) < len(part[i][1]):
                        part[i] = (e, key)
    if part:
        cands = list(part.values())
        if len(cands) == 1:
            e = cands[0][0]
        else:
            # 'Hanwha' names 'Hanwha Q Cells' and 'Hanwha Q Cells solar factory': the shortest, when every
            # other candidate's name contains it, is the head the others are built on.
            head_e, head_k = min(cands, key=lambda c: (len(c[1]), c[0].id))
            if all(_contains_words(k, head_k) for _, k in cands):
                e = head_e
            else:
                raise ambiguous([c[0] for c in cands], "part of the names of")
        _note(notes, f"{name!r} taken as {e.name!r} ({e.type})")
        return e

    # a close spelling
    scored: dict[str, float] = {}
    for key in difflib.get_close_matches(q, list(idx.keys), n=12, cutoff=0.6):
        ratio = difflib.SequenceMatcher(None, q, key).ratio()
        for i in idx.keys[key]:
            if want_type is None or kg.entities[i].type == want_type:
                scored[i] = max(scored.get(i, 0.0), ratio)
    ranked = sorted(scored.items(), key=lambda kv: (-kv[1], -deg.get(kv[0], 0), kv[0]))
    if ranked and ranked[0][1] >= 0.85 and (len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= 0.05):
        e = kg.entities[ranked[0][0]]
        _note(notes, f"{name!r} is not in the graph; taken as the close match {e.name!r}")
        return e
    if ranked:
        raise PolicygraphError(f"no entity named {name!r}; did you mean: "
                               f"{_suggest(kg, [kg.entities[i] for i, _ in ranked[:6]])}?")
    raise PolicygraphError(f"no entity named {name!r} in the graph ({len(kg.entities)} entities; "
                           "`policygraph export --format csv` lists them)")


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
    year_from_quote: int | None = None  # without a year of its own: the one year its quotes state

    @property
    def docs(self) -> list[str]:
        return sorted({d for d, _ in self.quotes})

    @property
    def label(self) -> str:
        q = _qualifier_text(self.props.get("amount_usd"), self.props.get("year"), self.year_from_quote)
        return f"{self.subject} —{self.predicate}{q}→ {self.object}"

    def to_dict(self) -> dict:
        return {
            "subject": self.subject, "subject_id": self.subject_id, "predicate": self.predicate,
            "object": self.object, "object_id": self.object_id, "direction": self.direction,
            "props": {k: self.props[k] for k in sorted(self.props)}, "confidence": round(self.confidence, 3),
            "relation_id": self.relation_id, "label": self.label, "docs": self.docs,
            "year_from_quote": self.year_from_quote,
            "quotes": [{"doc": e.doc, "start": e.start, "end": e.end, "quote": e.quote} for e in self.evidence]
            or [{"doc": d, "quote": q} for d, q in self.quotes],
        }


@dataclass
class Path:
    hops: list[Hop]
    nodes: list[str]  # the entity names walked, from A to B

    @property
    def length(self) -> int:
        return len(self.hops)

    @property
    def confidence_sum(self) -> float:
        return sum(h.confidence for h in self.hops)

    @property
    def documents(self) -> list[str]:
        return sorted({d for h in self.hops for d in h.docs})

    @property
    def rank_key(self) -> tuple:
        return (self.length, -round(self.confidence_sum, 9), -len(self.documents),
                tuple(h.relation_id for h in self.hops))

    def to_dict(self) -> dict:
        return {"length": self.length, "confidence_sum": round(self.confidence_sum, 3), "documents": self.documents,
                "nodes": self.nodes, "hops": [h.to_dict() for h in self.hops]}

    def to_frame(self):
        import pandas as pd

        rows = [{
            "step": i, "subject": h.subject, "predicate": h.predicate, "object": h.object,
            "direction": h.direction, "amount_usd": h.props.get("amount_usd"), "year": h.props.get("year"),
            "year_from_quote": h.year_from_quote, "props": dict(h.props), "confidence": round(h.confidence, 3), "docs": h.docs,
            "quotes": [q for _, q in h.quotes], "label": h.label,
        } for i, h in enumerate(self.hops, 1)]
        cols = ["step", "subject", "predicate", "object", "direction", "amount_usd", "year", "year_from_quote", "props",
                "confidence", "docs", "quotes", "label"]
        return pd.DataFrame(rows, columns=cols)


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
            return (f"{n} path{'s' if n != 1 else ''} linking {self.a} and {self.b} within {self._hops} "
                    "(ranked by length, then evidence: sum of confidences, then number of documents)")
        msg = f"no link between {self.a} and {self.b} within {self._hops}"
        if self.shortest_beyond is not None:
            msg += f" (the shortest link has {self.shortest_beyond} hops; try --max-hops {self.shortest_beyond})"
        return msg

    def to_markdown(self, max_quotes: int = 3) -> str:
        from .safe_text import md_text  # names and quotes come from documents: shown, never rendered as HTML

        out = [f"# How {md_text(self.a)} is linked to {md_text(self.b)}", ""]
        for n in self.notes:
            out.append(f"_Note: {md_text(n)}._  ")
        if self.notes:
            out.append("")
        if not self.paths:
            out += [f"**No link** between {md_text(self.a)} and {md_text(self.b)} within {self._hops}."
                    + (f" The shortest link has {self.shortest_beyond} hops; try `--max-hops {self.shortest_beyond}`."
                       if self.shortest_beyond is not None else ""), ""]
            return "\n".join(out)
        out += [md_text(self.message[0].upper() + self.message[1:]) + ".", ""]
        for i, p in enumerate(self.paths, 1):
            ndoc = len(p.documents)
            out.append(f"## Path {i}: {p.length} hop{'s' if p.length != 1 else ''}, evidence "
                       f"{p.confidence_sum:.2f}, {ndoc} document{'s' if ndoc != 1 else ''}")
            out.append("")
            out.append(" → ".join(md_text(n) for n in p.nodes))
            out.append("")
            for j, h in enumerate(p.hops, 1):
                walk = {"backward": " (walked against its direction)", "symmetric": " (symmetric)"}.get(h.direction, "")
                out.append(f"{j}. **{md_text(h.label)}**{walk}  ")
                extra = md_text(", ".join(f"{k}: {h.props[k]}" for k in sorted(h.props) if k not in ("amount_usd", "year")))
                nd = len(h.docs)
                out.append(f"   confidence {h.confidence:.2f}, stated in {nd} document{'s' if nd != 1 else ''}"
                           + (f"; {extra}" if extra else ""))
                for doc, quote in h.quotes[:max_quotes]:
                    out.append(f"   > “{md_text(one_line(quote))}” — *{md_text(doc)}*")
                if len(h.quotes) > max_quotes:
                    out.append(f"   > (and {len(h.quotes) - max_quotes} more quotes: --format json lists them)")
            out.append("")
        if self.truncated:
            out.append(f"_Only the first {MAX_NODE_PATHS} routes were examined (a very dense neighbourhood)._")
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


# -- the path engine (networkx; see the module docstring for the measurement) -------------------------
_GRAPHS: "weakref.WeakKeyDictionary[KnowledgeGraph, tuple]" = weakref.WeakKeyDictionary()


def nx_graph(kg: KnowledgeGraph):
    """The undirected networkx graph of kg; each edge keeps the list of relations joining its two ends."""
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
        key = (s, o) if s < o else (o, s)
        have = pairs.get(key)
        if have is None:
            pairs[key] = [r]
        else:
            have.append(r)
    for rels in pairs.values():
        if len(rels) > 1:
            rels.sort(key=lambda r: (-r.confidence, r.id))
    g = nx.Graph()
    g.add_nodes_from(kg.entities)
    g.add_edges_from((u, v, {"rels": rels}) for (u, v), rels in pairs.items())
    _GRAPHS[kg] = (fp, g)
    return g


def _hop(kg: KnowledgeGraph, rel: Relation, walked_from: str, symmetric: frozenset[str]) -> Hop:
    if rel.predicate in symmetric:
        direction = "symmetric"
    else:
        direction = "forward" if rel.subject == walked_from else "backward"
    ev = sorted(set(rel.evidence))
    return Hop(display_name(kg, rel.subject), rel.predicate, display_name(kg, rel.object), direction,
               dict(rel.props), [(e.doc, e.quote) for e in ev], rel.confidence, rel.subject, rel.object, rel.id, ev)


def find_paths(kg: KnowledgeGraph, a_id: str, b_id: str, max_hops: int = 4, k: int = 5) -> tuple[list[Path], bool]:
    """The k best typed paths from a_id to b_id of at most max_hops; (paths, truncated)."""
    import networkx as nx

    g = nx_graph(kg)
    if a_id not in g or b_id not in g:
        return [], False
    symmetric = symmetric_predicates()
    typed: list[Path] = []
    current = None
    truncated = False
    try:
        for n, nodes in enumerate(nx.shortest_simple_paths(g, a_id, b_id)):
            length = len(nodes) - 1
            if length > max_hops:
                break
            # all paths of one length are ranked together, so stop only once a length is finished
            if current is not None and length > current and len(typed) >= k:
                break
            if n >= MAX_NODE_PATHS:
                truncated = True
                break
            current = length
            choices = [g[u][v]["rels"] for u, v in zip(nodes, nodes[1:])]
            names = [display_name(kg, x) for x in nodes]
            for combo in itertools.islice(itertools.product(*choices), MAX_EXPANSIONS):
                hops = [_hop(kg, r, u, symmetric) for r, u in zip(combo, nodes)]
                typed.append(Path(hops, names))
    except nx.NetworkXNoPath:
        return [], False
    typed.sort(key=lambda p: p.rank_key)
    best = typed[:k]
    for p in best:  # only for the paths returned: a fact without a year shows the one its quotes state
        for h in p.hops:
            if h.props.get("year") is None:
                h.year_from_quote = _year_in_quotes(h.evidence, (h.subject_id, h.object_id), kg)
    return best, truncated


def _check_int(value, name: str, lo: int, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise PolicygraphError(f"{name} must be a whole number, not {value!r}")
    if not lo <= value <= hi:
        raise PolicygraphError(f"{name} must be between {lo} and {hi}, not {value}")
    return value


def explain(kg: KnowledgeGraph, a: str, b: str, max_hops: int = 4, k: int = 5) -> Explanation:
    """The k best typed paths (at most max_hops relations) linking entities a and b, each hop with evidence.

    a, b: names, aliases or ids (see `resolve`). Raises PolicygraphError for unknown or ambiguous names.
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
