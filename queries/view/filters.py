"""What a view shows: the entities and relations left by the type, relation, document and year filters, a
focused entity's neighbourhood (a hub's expansion capped, and said so), and the linking paths of `--path`.

Entity names (--focus, --path) go through the one name resolver (queries/names.py), as in explain and brief.
"""
from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Iterable

from ...console import QUIET, PolicygraphError
from ...graph.model import Entity, KnowledgeGraph, Relation
from ..facts import year_of
from ..names import resolve

MAX_PATH_HOPS = 4
MAX_PATHS = 5
HUB_CAP = 8  # beyond the focused entity's own relations, an entity shows at most this many neighbours


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


def listify(value) -> list[str] | None:
    """None, 'a,b' or ['a', 'b,c'] -> ['a', 'b', 'c']."""
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    out = []
    for v in value:
        out += [p.strip() for p in str(v).split(",") if p.strip()]
    return out or None


def resolve_names(given: list[str] | None, known: Iterable[str], what: str) -> set[str] | None:
    """Type, relation or document names as the graph spells them (case and separators ignored)."""
    if given is None:
        return None
    known = list(known)
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


def check_hops(hops) -> int:
    try:
        hops = int(2 if hops is None else hops)
    except (TypeError, ValueError):
        raise PolicygraphError(f"--hops must be a whole number, not {hops!r}") from None
    if hops < 0:
        raise PolicygraphError(f"--hops must be 0 or more, not {hops}")
    return hops


@dataclass
class Selection:
    """The entities and relations of one view, plus its focus, linking paths and what was capped."""

    entities: list[Entity]
    relations: list[Relation]
    focus: str | None = None
    paths: list = field(default_factory=list)  # queries.linkage.Path, best first
    path_ends: tuple[str, str] | None = None
    notes: list[str] = field(default_factory=list)
    capped: list[tuple[str, int, int]] = field(default_factory=list)  # (entity id, neighbours shown, of all)
    filters: list[str] = field(default_factory=list)  # the filters applied, in words


class Filters:
    """The type, relation, document and year filters, resolved against the graph."""

    def __init__(self, kg: KnowledgeGraph, styles, types=None, predicates=None, docs=None, years=None) -> None:
        ents, rels = kg.entities, kg.relations.values()
        self.ents = ents
        self.types = resolve_names(listify(types), set(styles.entity_types) | {e.type for e in ents.values()},
                                   "entity type(s)")
        self.predicates = resolve_names(listify(predicates), set(styles.predicates) | {r.predicate for r in rels},
                                        "relation type(s)")
        known_docs = set(kg.documents) | {d for e in ents.values() for d in e.docs} | {d for r in rels for d in r.docs}
        self.docs = resolve_names(listify(docs), known_docs, "document(s)")
        self.years = parse_years(years)

    @property
    def active(self) -> bool:
        return any(x is not None for x in (self.types, self.predicates, self.docs, self.years))

    def words(self) -> list[str]:
        out = []
        if self.types is not None:
            out.append("types: " + ", ".join(sorted(self.types)))
        if self.predicates is not None:
            out.append("relations: " + ", ".join(sorted(self.predicates)))
        if self.docs is not None:
            out.append("documents: " + ", ".join(sorted(self.docs)))
        if self.years is not None:
            lo, hi = self.years
            out.append(f"years: {lo or '…'}–{hi or '…'}")
        return out

    def entity_ok(self, e: Entity) -> bool:
        return (self.types is None or e.type in self.types) and (self.docs is None or bool(e.docs & self.docs))

    def relation_ok(self, r: Relation) -> bool:
        if r.subject not in self.ents or r.object not in self.ents:
            return False
        if self.predicates is not None and r.predicate not in self.predicates:
            return False
        if self.docs is not None and not set(r.docs) & self.docs:
            return False
        if self.years is not None:
            y, (lo, hi) = year_of(r), self.years
            if y is None or (lo is not None and y < lo) or (hi is not None and y > hi):
                return False
        return self.types is None or (self.ents[r.subject].type in self.types
                                      and self.ents[r.object].type in self.types)


def _filtered(kg: KnowledgeGraph, f: Filters) -> tuple[set[str], list[Relation]]:
    rels = [r for r in kg.sorted_relations() if f.relation_ok(r)]
    keep = {i for i, e in kg.entities.items() if f.entity_ok(e)}
    if f.predicates is not None or f.years is not None:
        keep = {r.subject for r in rels} | {r.object for r in rels}
    elif f.docs is not None:  # entities mentioned in those documents, and the ends of their relations
        keep |= {r.subject for r in rels} | {r.object for r in rels}
    return keep, [r for r in rels if r.subject in keep and r.object in keep]


def _neighbours(rels: list[Relation]) -> dict[str, dict[str, int]]:
    """{entity: {neighbour: relations between them}}."""
    adj: dict[str, dict[str, int]] = {}
    for r in rels:
        if r.subject != r.object:
            adj.setdefault(r.subject, {}).setdefault(r.object, 0)
            adj[r.subject][r.object] += 1
            adj.setdefault(r.object, {}).setdefault(r.subject, 0)
            adj[r.object][r.subject] += 1
    return adj


def focus_neighbourhood(rels: list[Relation], focus: str, hops: int, cap: int = HUB_CAP):
    """(entities within `hops` of focus, [(entity, shown, of all)] capped): the focus's own neighbours all;
    from there on an entity adds at most `cap` new neighbours, those with the most relations to it, then
    those linked to what is already shown (so a hub does not pull in the whole graph)."""
    adj = _neighbours(rels)
    seen = {focus: 0}
    queue = deque([focus])
    capped = []
    while queue:
        n = queue.popleft()
        if seen[n] >= hops:
            continue
        new = [m for m in adj.get(n, {}) if m not in seen]
        if seen[n] > 0 and len(new) > cap:
            new.sort(key=lambda m: (-adj[n][m], -len(set(adj.get(m, {})) & set(seen)), len(adj.get(m, {})), m))
            capped.append((n, cap, len(adj[n])))
            new = new[:cap]
        for m in sorted(new):
            seen[m] = seen[n] + 1
            queue.append(m)
    return set(seen), capped


def select(kg: KnowledgeGraph, focus=None, hops=2, types=None, predicates=None, docs=None, years=None,
           path=None, progress: Callable = QUIET, styles=None) -> Selection:
    """Apply the view's filters to the graph; see render_view for the meaning of the arguments."""
    from .styles import Styles

    styles = styles or Styles()
    f = Filters(kg, styles, types, predicates, docs, years)
    hops = check_hops(hops)
    keep, rels = _filtered(kg, f)
    sel = Selection([], [], filters=f.words())
    if focus:
        notes: list[str] = []
        sel.focus = resolve(kg, focus, notes).id
        for n in notes:
            progress(f"note: {n}")
        if sel.focus not in keep:
            sel.notes.append(f"{kg.entities[sel.focus].name} is outside the filters; shown alone")
        keep, sel.capped = focus_neighbourhood([r for r in rels if r.subject in keep and r.object in keep],
                                               sel.focus, hops)
        sel.notes += [f"{kg.entities[e].name}: {shown} of its {total} neighbours shown (a hub; focus on it to see "
                      "them all)" for e, shown, total in sel.capped]
        rels = [r for r in rels if r.subject in keep and r.object in keep]
    if path:
        keep, rels = _add_paths(kg, sel, f, path, keep, rels, progress)
    sel.entities = [kg.entities[i] for i in sorted(keep)]
    sel.relations = sorted(rels, key=lambda r: r.id)
    return sel


def _add_paths(kg, sel: Selection, f: Filters, path, keep: set[str], rels: list[Relation], progress):
    """The linking paths explain finds (within the filters), added to the view with their entities."""
    from ..linkage import find_paths

    if len(path) != 2:
        raise PolicygraphError("--path needs two entity names: --path A B")
    notes: list[str] = []
    a, b = (resolve(kg, p, notes).id for p in path)
    for n in notes:
        progress(f"note: {n}")
    sel.path_ends = (a, b)
    sub = KnowledgeGraph()
    sub.entities = kg.entities
    sub.relations = {r.key: r for r in kg.relations.values() if f.relation_ok(r)}
    sel.paths, _ = find_paths(sub, a, b, max_hops=MAX_PATH_HOPS, k=MAX_PATHS)
    ea, eb = kg.entities[a].name, kg.entities[b].name
    if not sel.paths:
        note = f"no path of at most {MAX_PATH_HOPS} hops links {ea} and {eb}" + (" within the filters" if f.active else "")
        sel.notes.append(note)
        progress(f"warning: {note}")
        return keep | {a, b}, rels
    on_path = {r for p in sel.paths for r in p.relation_ids}
    have = {r.id for r in rels}
    rels = rels + [r for r in sub.relations.values() if r.id in on_path and r.id not in have]
    progress(f"{len(sel.paths)} path(s) of at most {MAX_PATH_HOPS} hops link {ea} and {eb}")
    return keep | {n for p in sel.paths for n in p.node_ids}, rels
