"""Argument roles from word order: the rules-only path when no spaCy model is installed.

It offers the same role methods as `parsed.ParsedRoles`, approximated over the sentence's words:
the subject is the nearest mention list before the trigger that is not the object of a preposition,
a prepositional object is the mention list right after the preposition, and so on.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .mentions import Mention
from .sentence import ACTOR_TYPES, SentenceView, unique_mentions

# the nouns of prepositions made of several words: "in response to", "in exchange for", "in addition to"
COMPLEX_PREPOSITION_NOUNS = frozenset({"response", "exchange", "addition", "line", "light", "spite", "favor",
                                       "favour", "term", "return", "accordance", "protest", "retaliation",
                                       "reaction", "lieu", "wake", "face", "view", "regard", "compliance"})
COMPLEX_PREPOSITION = re.compile(r"\s+(?:%s)s?\s+(?:to|for|of|with)\b" % "|".join(sorted(COMPLEX_PREPOSITION_NOUNS)),
                                 re.IGNORECASE)

WORD = re.compile(r"[A-Za-z][A-Za-z\-’']*|\d[\d,.]*|[$%]")
PREPS = {"of", "in", "into", "with", "to", "for", "from", "on", "at", "by", "between", "among", "against", "over",
         "under", "about"}
BREAK = re.compile(r";|:|\(|\)|\u2014|, (?:which|while|but|although|whereas|who)\b")
COPULA = re.compile(r"\b(?:is|was|are|were|became|becomes|become|remains|remained|ranks|ranked)\b")
LIST_GAP = re.compile(r"^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|as well as)\s+|,?\s*as well as\s+)$")


@dataclass
class Word:
    i: int
    text: str
    idx: int
    lower_: str
    lemma_: str
    pos_: str = "X"


@lru_cache(maxsize=65536)
def _lemmas(w: str) -> tuple[str, ...]:
    """Candidate base forms of a word by its suffix (cached: called for every token of every sentence)."""
    w = w.lower().replace("’", "'")
    out = [w]
    for suf, rep in (("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
                     ("ing", ""), ("ing", "e"), ("ation", "ate")):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            out.append(w[: -len(suf)] + rep)
    return tuple(out)


class LinearRoles:
    """Roles by word order (the rules-only path, and the fallback when the parse misattaches)."""

    parsed = False
    of_is_object = False

    def __init__(self, sv: SentenceView, lex) -> None:
        self.sv = sv
        self.lex = lex
        self.words = [Word(i, m.group(0), m.start(), m.group(0).lower(), m.group(0).lower())
                      for i, m in enumerate(WORD.finditer(sv.text))]

    # helpers ------------------------------------------------------------------------------------
    def _clause(self, pos: int) -> tuple[int, int]:
        text = self.sv.text
        start = 0
        for m in BREAK.finditer(text):
            if m.end() <= pos:
                start = m.end()
            elif m.start() >= pos:
                return start, m.start()
        return start, len(text)

    def _rel(self, m):
        return m.start - self.sv.start, m.end - self.sv.start

    def _list_from(self, first) -> list:
        """A mention and the ones coordinated after it: 'Google, Meta, and Microsoft'."""
        out = [first]
        cur = first
        for m in self.sv.mentions:
            a, _ = self._rel(m)
            _, ce = self._rel(cur)
            if a < ce:
                continue
            if LIST_GAP.match(self.sv.text[ce:a]):
                out.append(m)
                cur = m
            elif a > ce:
                break
        return out

    def _list_ending(self, last) -> list:
        out = [last]
        cur = last
        for m in reversed(self.sv.mentions):
            _, b = self._rel(m)
            ca, _ = self._rel(cur)
            if b > ca:
                continue
            if LIST_GAP.match(self.sv.text[b:ca]):
                out.insert(0, m)
                cur = m
            elif b < ca:
                break
        return out

    def _after(self, pos: int, limit_words: int = 3):
        """The mention list starting within a few words after `pos` in the clause."""
        _, cend = self._clause(pos)
        gap_words = 0
        for m in self.sv.mentions:
            a, _ = self._rel(m)
            if a < pos:
                continue
            if a > cend:
                break
            between = self.sv.text[pos:a]
            gap_words = len(WORD.findall(between))
            if gap_words <= limit_words and not re.search(r"[,;]", between):
                return self._list_from(m)
            return []
        return []

    def word_at(self, idx: int):
        for w in self.words:
            if w.idx == idx:
                return w
        return None

    # roles --------------------------------------------------------------------------------------
    def denotes(self, tok):
        return [m for m in self.sv.mentions if self._rel(m)[0] <= tok.idx < self._rel(m)[1]][:1]

    def subj(self, tok):
        # "The first two, initiated in 2017 by X, targeted ...": the subject stands before the aside
        mt = re.match(r"^\W*([^,;]{1,60}),\s+\w+ed\b[^;]*,\s*$", self.sv.text[:tok.idx])
        if mt:
            head = [m for m in self.sv.mentions if self._rel(m)[1] <= mt.end(1)
                    and m.type in ACTOR_TYPES | {"Policy", "Law", "Agreement"}][-1:]
            if head:
                return head
        cstart, _ = self._clause(tok.idx)
        cands = [m for m in self.sv.mentions if cstart <= self._rel(m)[0] and self._rel(m)[1] <= tok.idx
                 and m.type in ACTOR_TYPES | {"Policy", "Law", "Agreement"}]
        for m in reversed(cands):
            before = self.sv.text[:self._rel(self._list_ending(m)[0])[0]]
            # (past a determiner: "built in the United States" is no subject either)
            prev = [w for w in WORD.findall(before) if w.lower() not in ("the", "a", "an")][-1:] \
                if before.strip() else []
            if prev and prev[0].lower() in PREPS:
                continue
            return self._list_ending(m)
        return []

    noun_subj = subj

    def owner(self, tok):
        left = self.sv.text[:tok.idx]
        out = []
        for m in self.sv.mentions:
            a, b = self._rel(m)
            if b <= tok.idx and tok.idx - b <= 30:
                gap = left[b:]
                words = [w.lower() for w in WORD.findall(gap) if w not in ("’s", "'s")]
                if all(w in self.lex.generic_modifiers or w[0].isdigit() or w in ("$", "billion", "million",
                                                                                   "’s", "'s", "s")
                       for w in words) and len(words) <= 4:
                    out.append(m)
        after = re.match(r"\s+(?:from|by)\s+", self.sv.text[tok.idx + len(tok.text):])
        if after:
            out += self._after(tok.idx + len(tok.text) + after.end(), 1)
        return unique_mentions(out)

    def copula(self, tok):
        cstart, _ = self._clause(tok.idx)
        seg = self.sv.text[cstart:tok.idx]
        cm = None
        for cm in COPULA.finditer(seg):
            pass
        if cm is None:
            return []
        pos = cstart + cm.start()
        cands = [m for m in self.sv.mentions if cstart <= self._rel(m)[0] and self._rel(m)[1] <= pos]
        return self._list_ending(cands[-1]) if cands else []

    def appos(self, tok):
        left = self.sv.text[:tok.idx]
        mt = re.search(r",\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,2}$", left)
        if not mt:
            return []
        return [m for m in self.sv.mentions if self._rel(m)[1] == mt.start()]

    def dobj(self, tok):
        return self._after(tok.idx + len(tok.text), 3)

    def pp(self, tok, preps):
        end = tok.idx + len(tok.text)
        _, cend = self._clause(end)
        skip = -1  # the end of a preposition of several words: "in response to X" names no place, no recipient
        for w in self.words:
            if w.idx < end or w.idx > cend:
                continue
            if len(WORD.findall(self.sv.text[end:w.idx])) > 10:
                break
            complex_ = COMPLEX_PREPOSITION.match(self.sv.text, w.idx + len(w.text))
            if complex_:
                skip = complex_.end()
            if w.lower_ in preps and not complex_ and w.idx >= skip:
                got = self._after(w.idx + len(w.text), 3)
                if got:
                    return got
        return []

    def compound(self, tok):
        return [m for m in self.sv.mentions if 0 <= tok.idx - self._rel(m)[1] <= 1]

    def sectors(self, tok):
        _, cend = self._clause(tok.idx)
        return [m for m in self.sv.mentions if m.type == "Sector" and tok.idx < self._rel(m)[0] <= cend]

    def between(self, tok):
        return self.pp(tok, {"between", "among"})

    def negated(self, tok):
        before = self.sv.text[max(0, tok.idx - 25):tok.idx].lower()
        return bool(re.search(r"\b(?:not|n't|never|no)\b", before)) and "until" not in self.sv.text[tok.idx:].lower()

    def char_span(self, tok):
        return tok.idx, tok.idx + len(tok.text)

    # readings only a parse gives: word order cannot tell them
    def intended(self, tok) -> bool:
        return False

    def pursued(self, tok) -> bool:
        return False

    def barred_act(self, tok) -> list[Mention]:
        return []

    def hypothetical(self, tok) -> bool:
        return False

    def possessor(self, tok) -> list[Mention]:
        return []

    def fellow(self, tok) -> list[Mention]:
        return []

    def listing_owner(self, tok) -> list[Mention]:
        return []

    def goods_reached(self, tok) -> list[Mention]:
        return []

    def with_place(self, tok) -> list[Mention]:
        return []

    def origin(self, tok) -> list[Mention]:
        return []

    def linear(self) -> "LinearRoles":
        return self

    def triggers(self, rules):
        for w in self.words:
            lemmas = _lemmas(w.text)
            for rule in rules:
                if any(lm in rule.nouns for lm in lemmas) and not w.lower_.endswith(("ed", "ing")):
                    w.pos_ = "NOUN"
                    yield rule, w, "noun"
                elif any(lm in rule.verbs for lm in lemmas):
                    w.pos_ = "VERB"
                    yield rule, w, "verb"
