"""What one fact says, as an analyst reads it: its amount, its (event) year, its status, whether its amount
is shared with other facts (joint), and its quotes on one line. Shared by explain, briefs and the view.

The extraction's contract: `props.year` is the event's year; an amount stated once for several objects
("$11.4 billion for battery parks in Kentucky and Tennessee") is one fact per object, each with the same
`amount_usd`, `joint: true` and the same `joint_id`; a fact with `status` (e.g. "proposed") shows it wherever it
is shown. Nothing here guesses a year from a quote: a fact without `props.year` is undated.
"""
from __future__ import annotations

import re

from ..graph.model import KnowledgeGraph, Relation

# props shown with a fact wherever it is listed (besides amount, year, status and the joint marks)
EXTRA_PROPS = ("measure", "product", "purpose", "role", "sector")
# what an amount measures, besides its subject, predicate, object and year: two amounts differing in one of
# these measure different things (Korean aluminium exports vs all Korean exports)
MEASURE_PROPS = ("measure", "purpose", "sector", "product", "role")


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
    """The fact's event year (props.year), or None."""
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


def status_of(rel: Relation) -> str | None:
    s = rel.props.get("status")
    if s in (None, ""):
        return None
    return str(s).strip() or None


def joint_id(rel: Relation) -> str | None:
    """The id shared by the facts an amount was stated once for, or None for an amount of its own."""
    j = rel.props.get("joint_id")
    if j not in (None, ""):
        return str(j)
    return None


def amount_key(rel: Relation) -> str:
    """What an amount is counted under: its joint id (counted once for all its facts), else the fact itself."""
    return f"joint:{joint_id(rel)}" if joint_id(rel) else f"fact:{rel.id}"


def measure_of(rel: Relation) -> tuple:
    """What the fact's amount measures beyond (subject, predicate, object, year): its measure-like props,
    as ((key, value casefolded), ...)."""
    return tuple((k, str(rel.props[k]).casefold()) for k in MEASURE_PROPS if rel.props.get(k) not in (None, ""))


def qualifier_text(props: dict) -> str:
    """'($3.87 billion, 2024)', '($11.4 billion joint, 2021, proposed)', '(2019)' or ''."""
    parts = []
    if props.get("amount_usd") is not None:
        parts.append(format_usd(props["amount_usd"]) + (" joint" if props.get("joint_id") or props.get("joint")
                                                        else ""))
    if props.get("year") is not None:
        parts.append(str(props["year"]))
    if props.get("status") not in (None, ""):
        parts.append(str(props["status"]))
    return f" ({', '.join(parts)})" if parts else ""


def display_name(kg: KnowledgeGraph, entity_id: str) -> str:
    e = kg.entities.get(entity_id)
    return e.name if e else entity_id


def relation_label(kg: KnowledgeGraph, rel: Relation) -> str:
    """'Subject —PREDICATE (amount, year, status)→ Object'."""
    return (f"{display_name(kg, rel.subject)} —{rel.predicate}{qualifier_text(rel.props)}→ "
            f"{display_name(kg, rel.object)}")


def joint_partners(kg: KnowledgeGraph, rel: Relation) -> list[Relation]:
    """The other facts sharing this fact's joint amount (same joint id), by id."""
    j = joint_id(rel)
    if j is None:
        return []
    return sorted((r for r in kg.relations.values() if r is not rel and joint_id(r) == j), key=lambda r: r.id)


def one_line(text: str) -> str:
    """A quote on one line: runs of white space (line breaks of the PDF layout) become one space."""
    return re.sub(r"\s+", " ", text).strip()
