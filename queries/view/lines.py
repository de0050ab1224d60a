"""The drawn lines of a view: one per (subject, predicate, object), however many facts state it.

Facts with the same subject, predicate and object but different years or amounts are one line, labelled with
its predicate, how many facts it holds and their year range; the facts themselves are listed in the details
panel. Between two entities each line gets its own bend, spread evenly on both sides of the straight line, so
lines and their labels do not pile up; a lone line is straight.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ...graph.model import Relation
from ..facts import amount_of, year_of
from ..facts import format_usd

MAX_BEND = 0.55  # vis-network's roundness of the outermost of several lines between two entities


@dataclass
class Line:
    subject: str
    predicate: str
    object: str
    facts: list[Relation] = field(default_factory=list)

    @property
    def id(self) -> str:
        key = f"{self.subject}\x1f{self.predicate}\x1f{self.object}".encode()
        return "line/" + hashlib.sha1(key).hexdigest()[:16]

    @property
    def years(self) -> list[int]:
        return sorted({y for y in map(year_of, self.facts) if y is not None})

    @property
    def amounts(self) -> list[float]:
        return sorted({a for a in map(amount_of, self.facts) if a is not None})


def make_lines(relations: list[Relation]) -> list[Line]:
    """One Line per (subject, predicate, object), its facts ordered by year then id."""
    by_key: dict[tuple, Line] = {}
    for r in relations:
        line = by_key.setdefault((r.subject, r.predicate, r.object), Line(r.subject, r.predicate, r.object))
        line.facts.append(r)
    for line in by_key.values():
        line.facts.sort(key=lambda r: (year_of(r) is None, year_of(r) or 0, r.id))
    return sorted(by_key.values(), key=lambda ln: ln.id)


def line_label(predicate: str, count: int, years: list[int], amounts: list[float]) -> str:
    """'INVESTS_IN ×3\\n2017–2019 · $2.5B–$5.4B' (the page computes the same from the visible facts)."""
    head = predicate + (f" ×{count}" if count > 1 else "")
    tail = []
    if years:
        tail.append(str(years[0]) if years[0] == years[-1] else f"{years[0]}–{years[-1]}")
    if amounts:
        tail.append(format_usd(amounts[0]) if len(amounts) == 1 else
                    f"{format_usd(amounts[0])}–{format_usd(amounts[-1])}")
    return head + ("\n" + " · ".join(tail) if tail else "")


def bends(lines: list[Line]) -> dict[str, dict]:
    """vis-network `smooth` options per line id: lines between the same two entities spread symmetrically
    (one side curvedCW, the other curvedCCW, mirrored for lines drawn the other way); a lone line straight."""
    by_pair: dict[tuple[str, str], list[Line]] = {}
    for ln in lines:
        by_pair.setdefault(tuple(sorted((ln.subject, ln.object))), []).append(ln)
    out: dict[str, dict] = {}
    for (first, _), group in by_pair.items():
        group.sort(key=lambda ln: (ln.subject != first, ln.predicate, ln.id))
        n = len(group)
        step = min(0.22, 2 * MAX_BEND / max(n - 1, 1))
        for i, ln in enumerate(group):
            k = (i - (n - 1) / 2) * step
            if abs(k) < 1e-9:
                out[ln.id] = {"enabled": False}
                continue
            clockwise = (k > 0) == (ln.subject == first)  # the same side of the pair whichever way it points
            out[ln.id] = {"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW",
                          "roundness": round(abs(k), 3)}
    return out


def edge_width(amounts: list[float]) -> float:
    if not amounts or amounts[-1] <= 0:
        return 1.5
    import math

    return round(min(12.0, 2.0 + 1.6 * math.log10(max(amounts[-1], 1e6) / 1e6)), 2)
