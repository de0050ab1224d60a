"""Money amounts and years in running text.

"$3.87 billion" -> 3.87e9, "USD 500 million" -> 5e8, "$419 million" -> 4.19e8, "₩1.2 trillion" is skipped
(not USD). Years are four-digit 1900–2099 tokens; "the 2006-2007 negotiation" gives both.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"thousand|million|billion|trillion|bn|mn|tn|[kmb](?![a-z])"
MONEY_RE = re.compile(
    rf"(?:(?:US|U\.S\.)\s?\$|\$|USD\s?|US\s?dollars?\s)\s?(?P<num>{_NUM})(?:\s?(?P<scale>{_SCALE}))?"
    rf"|(?P<num2>{_NUM})\s?(?P<scale2>thousand|million|billion|trillion)?\s(?:U\.S\.\s|US\s)?dollars",
    re.IGNORECASE,
)
# every amount MONEY_RE finds is written with "$", "USD" or "dollar": the many sentences with none skip its search
MONEY_CUE = re.compile(r"usd|dollar", re.IGNORECASE)
YEAR_RE = re.compile(r"(?<![\d$.,])(19\d{2}|20\d{2})(?![\d%]|\.\d)")


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    value: float


def find_amounts(text: str) -> list[Amount]:
    """The USD amounts a text states, in order (a list of its own for each caller)."""
    return list(_amounts(text))


@lru_cache(maxsize=64)
def _amounts(text: str) -> tuple[Amount, ...]:
    """The amounts of a text, found once: the relation steps ask again of the same sentence for each fact."""
    out: list[Amount] = []
    if "$" not in text and not MONEY_CUE.search(text):
        return ()
    for m in MONEY_RE.finditer(text):
        num = m.group("num") or m.group("num2")
        scale = (m.group("scale") or m.group("scale2") or "").lower()
        try:
            value = float(num.replace(",", ""))
        except ValueError:  # pragma: no cover - regex guarantees a number
            continue
        value *= SCALE.get(scale, 1.0)
        out.append(Amount(m.start(), m.end(), round(value, 2)))
    return tuple(out)


def find_years(text: str) -> list[tuple[int, int, int]]:
    """(start, end, year) for each plausible year mention."""
    return [(m.start(), m.end(), int(m.group(1))) for m in YEAR_RE.finditer(text)]


MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
MONTHS = MONTH_NAMES + "|spring|summer|fall|autumn|winter"
# (not the start of a period: "Since 2020, X has invested ..." dates no single event; "By 2024, X became ..."
# says when a state holds)
LEADING_TIME = re.compile(r"^\W*(?:In|By|During|Throughout|As of|Until|From|Beginning in|Starting in|Later in)\b"
                          r"[^,;]{0,40}?\b((?:19|20)\d\d)\b[^,;]{0,20},")
# a date by which a state holds ("By 2024", "As of 2024"): with a pluperfect, the events came before it
STATUS_DATE = re.compile(r"^\W*(?:By|As of)\b")
PLUPERFECT = re.compile(r"\bhad\s+(?:\w+\s+){0,2}?(?:been\s+)?\w+(?:ed|en|un|wn|ne|id|lt|ght)\b")
LEADING_MONTH = re.compile(rf"^\W*(?:In|By|Since|During|Later in|Early in|In early|In late|In mid-)\s*(?:the\s+)?"
                           rf"(?:early\s+|late\s+)?(?:{MONTHS})\b\s*,")


def status_date(text: str) -> re.Match | None:
    """A sentence-initial date by which a state holds, before a pluperfect ("As of 2024, the pact had been ratified
    by ...", "By 2006, X had invested ..."): the events came before it, so it dates none of them. The adverbial's
    match (its year is group 1), or None."""
    m = LEADING_TIME.match(text)
    return m if m and STATUS_DATE.match(text) and PLUPERFECT.search(text, m.end()) else None


def sentence_year(text: str, previous: int | None) -> int | None:
    """The year a sentence-initial time adverbial sets for the whole sentence: "In the summer of 2019, ...";
    "In July, ..." continues the year of the sentence before."""
    m = LEADING_TIME.match(text)
    if m:
        if status_date(text):
            return None  # "As of 2024, the pact had been ratified by all four": done before then, not in 2024
        return int(m.group(1))
    if LEADING_MONTH.match(text):
        return previous
    return None
