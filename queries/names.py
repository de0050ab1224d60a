"""The one name resolver: what entity a user means by a name, for every command and the view's search box.

    from policygraph.queries.names import resolve
    e = resolve(kg, "Hanwha")            # -> Entity 'Hanwha Q Cells' (a unique part of a name)
    resolve(kg, "SK Hinix")              # -> 'SK Hynix' (a close spelling)
    resolve(kg, "Samsung")               # PolicygraphError: ambiguous; did you mean: Samsung Electronics, ...?

`explain`, `brief`, `view --focus/--path` and named-query parameters that name an entity all call resolve();
the browser view's search box runs the same stages in JavaScript (queries/view_assets/names.js) over the
keys `search_keys` computes here, with the same normalisation and the same close-spelling ratio (a port of
difflib.SequenceMatcher.ratio), so `--focus Hanwha` and typing "Hanwha" in the page pick the same entity.

Stages, first match wins: the id; 'Name (Type)'; the name; an alias; a unique part of a name or alias as whole
words ('Hanwha' -> 'Hanwha Q Cells'; when every candidate contains the shortest one, that one); a close
spelling (ratio >= 0.85 and 0.05 ahead of the next). Otherwise 'did you mean: ...?' with the closest names.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
import weakref
from typing import Iterable

from ..console import PolicygraphError
from ..graph.model import Entity, KnowledgeGraph

CLOSE_CUTOFF = 0.6  # difflib.get_close_matches' cutoff: a name this close is suggested
TAKE_CLOSE = 0.85  # a close spelling this close (and clearly ahead of the next) is taken
TAKE_MARGIN = 0.05


def normalize(text: str) -> str:
    """'The U.S.' -> 'us', 'SK hynix' -> 'sk hynix', 'Moon Jae-in' -> 'moon jae in'."""
    t = unicodedata.normalize("NFKC", text).casefold()
    t = re.sub(r"[.'\u2019`]", "", t)
    t = re.sub(r"[^\w]+", " ", t).strip()
    t = re.sub(r"^the ", "", t)
    return t


def _contains_words(haystack: str, needle: str) -> bool:
    return f" {needle} " in f" {haystack} "


def search_keys(e: Entity) -> list[tuple[str, bool]]:
    """(normalised key, is the name) for the entity's name and each alias that normalises differently."""
    n = normalize(e.name)
    keys = [(n, True)]
    for a in sorted(e.aliases):
        na = normalize(a)
        if na and na != n and (na, False) not in keys:
            keys.append((na, False))
    return keys


class _Index:
    def __init__(self, kg: KnowledgeGraph) -> None:
        self.by_name: dict[str, list[Entity]] = {}
        self.by_alias: dict[str, list[Entity]] = {}
        self.keys: dict[str, set[str]] = {}  # normalised name or alias -> entity ids
        for e in kg.sorted_entities():
            for key, is_name in search_keys(e):
                table = self.by_name if is_name else self.by_alias
                if e not in table.setdefault(key, []):
                    table[key].append(e)
                self.keys.setdefault(key, set()).add(e.id)
        self.types = {e.type.casefold(): e.type for e in kg.entities.values()}


_DEGREE: "weakref.WeakKeyDictionary[KnowledgeGraph, tuple]" = weakref.WeakKeyDictionary()


def degrees(kg: KnowledgeGraph) -> dict[str, int]:
    """Relations per entity (cached per graph, recomputed when its size changes)."""
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


def _suggest(ents: Iterable[Entity]) -> str:
    ents = list({e.id: e for e in ents}.values())
    names = [e.name for e in ents]
    clash = {n for n in names if names.count(n) > 1}
    return ", ".join(f"{e.name} ({e.type})" if e.name in clash else e.name for e in ents)


def _note(notes: list[str] | None, text: str) -> None:
    if notes is not None:
        notes.append(text)


class _Query:
    """One resolution: the normalised query, an optional '(Type)', and the graph's index and degrees."""

    def __init__(self, kg: KnowledgeGraph, name: str) -> None:
        self.kg, self.given = kg, name
        self.idx = _Index(kg)
        self.deg = degrees(kg)
        self.want_type = None
        m = re.fullmatch(r"\s*(.+?)\s*\(\s*([A-Za-z]+)\s*\)\s*", name)
        if m and m.group(2).casefold() in self.idx.types:
            name, self.want_type = m.group(1), self.idx.types[m.group(2).casefold()]
        self.q = normalize(name)

    def typed(self, ents):
        return [e for e in ents if self.want_type is None or e.type == self.want_type]

    def by_degree(self, ents):
        return sorted({e.id: e for e in ents}.values(), key=lambda e: (-self.deg.get(e.id, 0), e.name, e.id))

    def ambiguous(self, ents, how) -> PolicygraphError:
        ents = self.by_degree(ents)
        return PolicygraphError(
            f"{self.given!r} is ambiguous ({how} {len(ents)} entities); did you mean: {_suggest(ents[:8])}? "
            "(add the type in parentheses, e.g. 'Georgia (USState)', or give the id)")

    def exact(self, notes) -> Entity | None:
        for table, how in ((self.idx.by_name, "names"), (self.idx.by_alias, "is an alias of")):
            hits = self.typed(table.get(self.q, []))
            if len(hits) == 1:
                if how != "names":
                    _note(notes, f"{self.given!r} is an alias of {hits[0].name!r}")
                return hits[0]
            if len(hits) > 1:
                raise self.ambiguous(hits, how)
        return None

    def part(self, notes) -> Entity | None:
        """A unique part of a name or alias, as whole words: 'Hanwha' -> 'Hanwha Q Cells'."""
        matching: dict[str, list[str]] = {}  # entity id -> every key of it that holds the query
        for key, ids in self.idx.keys.items():
            if _contains_words(key, self.q):
                for i in ids:
                    if self.want_type is None or self.kg.entities[i].type == self.want_type:
                        matching.setdefault(i, []).append(key)
        if not matching:
            return None
        # each entity with its shortest such key
        cands = [(self.kg.entities[i], min(keys, key=len)) for i, keys in matching.items()]
        if len(cands) == 1:
            e = cands[0][0]
        else:
            # 'Hanwha' names 'Hanwha Q Cells' and 'Hanwha Q Cells solar factory': the shortest, when every
            # other candidate's key contains it, is the head the others are built on
            head_e, head_k = min(cands, key=lambda c: (len(c[1]), c[0].id))
            # (any of the head's own names will do: "Hanwha Q Cells solar factory" holds "Hanwha Q Cells", not its
            # shorter alias "Hanwha Qcells")
            if not all(any(_contains_words(k, h) for k in matching[e.id] for h in matching[head_e.id])
                       for e, _ in cands):
                raise self.ambiguous([c[0] for c in cands], "part of the names of")
            e = head_e
        _note(notes, f"{self.given!r} taken as {e.name!r} ({e.type})")
        return e

    def close(self) -> list[tuple[str, float]]:
        """(entity id, ratio) of close spellings, best first."""
        scored: dict[str, float] = {}
        for key in difflib.get_close_matches(self.q, list(self.idx.keys), n=12, cutoff=CLOSE_CUTOFF):
            ratio = difflib.SequenceMatcher(None, self.q, key).ratio()
            for i in self.idx.keys[key]:
                if self.want_type is None or self.kg.entities[i].type == self.want_type:
                    scored[i] = max(scored.get(i, 0.0), ratio)
        return sorted(scored.items(), key=lambda kv: (-kv[1], -self.deg.get(kv[0], 0), kv[0]))


    def suggestions(self) -> list[str]:
        """Entity ids to offer when nothing was taken: close spellings of whole names, then of the words of names
        ("Hanwa" -> Hanwha Q Cells, Hanwha Group), best first. Only for the message: what is taken is decided by
        close() alone, as in the page's search box."""
        scored = dict(self.close())
        n = len(self.q.split())
        for key, ids in self.idx.keys.items():
            words = key.split()
            grams = {" ".join(words[i:i + n]) for i in range(max(1, len(words) - n + 1))}
            ratio = max(difflib.SequenceMatcher(None, self.q, g).ratio() for g in grams)
            if ratio >= 0.75:
                for i in ids:
                    if self.want_type is None or self.kg.entities[i].type == self.want_type:
                        scored[i] = max(scored.get(i, 0.0), ratio)
        ranked = sorted(scored.items(), key=lambda kv: (-kv[1], -self.deg.get(kv[0], 0), kv[0]))
        return [i for i, r in ranked if r >= ranked[0][1] - 0.15]  # not far behind the best


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
    query = _Query(kg, name)
    if not query.q:
        raise PolicygraphError(f"{name!r} is not a name (nothing left after removing punctuation)")
    found = query.exact(notes) or query.part(notes)
    if found is not None:
        return found
    ranked = query.close()
    if ranked and ranked[0][1] >= TAKE_CLOSE and (len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= TAKE_MARGIN):
        e = kg.entities[ranked[0][0]]
        _note(notes, f"{name!r} is not in the graph; taken as the close match {e.name!r}")
        return e
    offered = query.suggestions()
    if offered:
        raise PolicygraphError(f"no entity named {name!r}; did you mean: "
                               f"{_suggest([kg.entities[i] for i in offered[:6]])}?")
    raise PolicygraphError(f"no entity named {name!r} in the graph ({len(kg.entities)} entities; "
                           "`policygraph export --format csv` lists them)")
