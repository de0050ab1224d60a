"""The properties of a fact stated in a sentence: its year and, for flows of money, its amount."""
from __future__ import annotations

import re
from functools import lru_cache

from ...ontology.lexicon import load_lexicon
from ..amounts import find_amounts, find_years

CLAUSE_BREAK = re.compile(r";|:|\u2014|--|\(|\)")
# "until 2041", "by the end of 2030": a year that ends or bounds a fact does not date it
_BOUND_BEFORE = re.compile(r"\b(?:until|till|through|thru|before|by)\s+(?:the\s+end\s+of\s+)?$")


@lru_cache(maxsize=1)
def amount_predicates() -> frozenset:
    """Predicates whose facts carry an amount (rules with `amount = true` in patterns.toml)."""
    return frozenset(r.predicate for r in load_lexicon().rules if r.amount)


def event_years(sv) -> list[tuple[int, int, int]]:
    """(start, end, year) in the sentence that can date an event: not inside a name ("Trade Expansion Act
    of 1962"), not a bound ("until 2041")."""
    return [(a, b, y) for a, b, y in find_years(sv.text)
            if not any(m.start - sv.start <= a < m.end - sv.start for m in sv.mentions)
            and not _BOUND_BEFORE.search(sv.text[max(0, a - 20):a])]


def fact_props(sv, predicate: str, subject, obj, trigger: int | None) -> dict:
    """Year (nearest to the word that states the fact, else the sentence's leading time adverbial) and,
    for money predicates, the amount stated for this object."""
    props: dict = {}
    anchor = trigger if trigger is not None else min(subject.start, obj.start) - sv.start
    years = event_years(sv)
    if years:
        best = min(years, key=lambda y: min(abs(y[0] - anchor), abs(y[1] - anchor)))
        if min(abs(best[0] - anchor), abs(best[1] - anchor)) <= 150:
            props["year"] = best[2]
    if "year" not in props and sv.year:
        props["year"] = sv.year
    if predicate in amount_predicates():
        amounts = find_amounts(sv.text)
        if amounts:
            ob = obj.start - sv.start
            # with several amounts, the one right before this object is its own ("$1 billion in A and $2 in B")
            own = [x for x in amounts if x.end <= ob and ob - x.end <= 40 and not CLAUSE_BREAK.search(sv.text[x.end:ob])]
            best = max(own, key=lambda x: x.start) if own else min(
                amounts, key=lambda x: min(abs(x.start - anchor), abs(x.end - anchor)))
            if own or min(abs(best.start - anchor), abs(best.end - anchor)) <= 120:
                props["amount_usd"] = best.value
    return props
