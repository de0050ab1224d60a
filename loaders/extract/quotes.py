"""Quoted speech: who "we" and "our" are in a speaker's words.

Press releases quote the people who act: '"Our partnership with Velkor shows ...," said Governor Kemp.' A speaker
speaks for the body they act for, so inside the quotation "our partnership" is the state's, "we will invest" the
firm's. The speaker is read from the attribution ("said X", "X said", "X said:"); a quotation with none that
follows an attributed one in the same paragraph continues it ('..., said Governor Kemp. "Our partnership ..."').
Whom the speaker speaks for, in this order: a firm, body, state or country named in the attribution ("said
Velkor Chair Min-jun Park"); the one the document says the speaker leads; for a state title ("Governor"), the
state the document names most. Otherwise the pronoun stays unread.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ...ontology.lexicon import load_lexicon
from .mentions import Mention

OPENING, CLOSING = "\u201c\"", "\u201d\""
FIRST_PERSON = re.compile(r"(?<![\w.])(?:[Oo]ur|[Ww]e|us|ours)(?![\w.])")
# what a speaker may speak for, in the order the attribution is read
BODIES = ("Firm", "GovernmentBody", "USState", "Country")


@dataclass(frozen=True)
class Quote:
    start: int  # the quotation's words, inside the marks
    end: int
    said: tuple[int, int] | None  # the attribution naming the speaker


@lru_cache(maxsize=1)
def _words() -> tuple[str, tuple[str, ...]]:
    data = load_lexicon().derived
    verbs = "|".join(sorted(map(re.escape, data.get("speech_verbs", ())), key=len, reverse=True))
    return verbs, tuple(data.get("state_titles", ()))


def quotations(text: str) -> list[Quote]:
    """The document's quotations, each with the span of its attribution (or the one it continues)."""
    verbs, _ = _words()
    after = re.compile(rf"\s*[,.]?\s*(?:(?:{verbs})\s+(?P<a>[^\n.;\"\u201c]{{2,120}})|(?P<b>[^\n.;,\"\u201c]{{2,80}}?)"
                       rf"\s+(?:{verbs}))\b")
    before = re.compile(rf"(?P<s>[^\n.;\"\u201d]{{2,100}}?)\s+(?:{verbs})\s*[:,]?\s*$")
    out: list[Quote] = []
    i = 0
    while True:
        a = _find_any(text, OPENING, i)
        if a < 0:
            return out
        b = _find_any(text, CLOSING, a + 1)
        if b < 0 or "\n\n" in text[a:b] or b - a > 3000:
            i = a + 1
            continue
        said = None
        m = after.match(text, b + 1)
        if m:
            said = m.span("a") if m.group("a") else m.span("b")
        else:
            line = text.rfind("\n", 0, a) + 1
            m = before.search(text[line:a])
            if m:
                said = (line + m.start("s"), line + m.end("s"))
            elif out and out[-1].said is not None and "\n" not in text[out[-1].end:a]:
                said = out[-1].said  # a quotation continued in the same paragraph
        out.append(Quote(a + 1, b, said))
        i = b + 1


def _find_any(text: str, chars: str, start: int) -> int:
    found = [k for k in (text.find(c, start) for c in chars) if k >= 0]
    return min(found) if found else -1


def first_person(quotes: list[Quote], text: str, s: int, e: int) -> list[tuple[int, int, Quote]]:
    """The spans of "we", "our", "us" in the sentence [s, e) that lie inside an attributed quotation."""
    out = []
    for q in quotes:
        if q.said is None or q.end <= s or e <= q.start:
            continue
        for mt in FIRST_PERSON.finditer(text, max(s, q.start), min(e, q.end)):
            out.append((mt.start(), mt.end(), q))
    return out


def speaker_body(q: Quote, text: str, history: list[Mention], leads: dict[str, Mention]) -> Mention | None:
    """The firm, body, state or country the quotation's speaker speaks for (see the module's docstring)."""
    if q.said is None:
        return None
    a, b = q.said
    said = text[a:b]
    named = [m for m in history if a <= m.start and m.end <= b]
    for type_ in BODIES:
        body = next((m for m in named if m.type == type_ and m.source != "coref"), None)
        if body is not None:
            return body
    # a firm the document names elsewhere, written in the attribution where the sentence's reading missed it
    # ("said Korvell Industries Chair Ana Ruiz"), or by the first word of one firm's name only ("Velkor CEO")
    firms = {m.id: m for m in history if m.type == "Firm" and m.source != "coref"}
    written = [f for f in firms.values() if re.search(rf"(?<!\w){re.escape(f.name)}(?!\w)", said)]
    if not written:
        first = [f for f in firms.values() if f.name.split()[0][:1].isupper()
                 and re.search(rf"(?<!\w){re.escape(f.name.split()[0])}(?!\w)", said)]
        written = first if len(first) == 1 else []
    if written:
        return written[0]
    for person in (m for m in named if m.type == "Person"):
        if person.id in leads:
            return leads[person.id]
    _, state_titles = _words()
    if any(re.search(rf"(?<!\w){re.escape(t)}(?!\w)", said) for t in state_titles):
        states = Counter(m.id for m in history if m.type == "USState")
        if states:
            top = states.most_common(1)[0][0]
            return next(m for m in history if m.id == top)
    return None


def speakers_words(quotes: list[Quote], text: str, s: int, e: int, history: list[Mention],
                   leads: dict[str, Mention], taken: list[Mention]) -> list[Mention]:
    """Mentions of the body a speaker speaks for, at each "we" / "our" of theirs in the sentence."""
    out = []
    for a, b, q in first_person(quotes, text, s, e):
        if any(m.start < b and a < m.end for m in taken):
            continue
        body = speaker_body(q, text, history, leads)
        if body is not None:
            out.append(Mention(a, b, text[a:b], body.type, body.id, body.name, "coref", wikidata=body.wikidata))
    return out
