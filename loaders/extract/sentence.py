"""One sentence as the relation steps see it (SentenceView), and a relation found in it (Candidate)."""
from __future__ import annotations

from collections import ChainMap
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

from ...ontology import load_model
from .mentions import LEGAL_FORM_WORDS, Mention

ACTOR_TYPES = load_model().actor_types  # Country, Firm, Person, ...: the ontology's subclasses of pg:Actor


@dataclass
class Candidate:
    """A relation found in one sentence, before merging into the graph."""

    subject: Mention
    predicate: str
    object: Mention
    props: dict
    confidence: float
    sentence: int  # index of the sentence in the document
    rule: str = ""
    at: int | None = None  # sentence offset of the word that states it (its year is that word's clause's)


@dataclass
class SentenceView:
    """One sentence: its text, offset in the cleaned document, parse (or None) and mentions."""

    index: int
    start: int
    text: str
    mentions: list[Mention]
    parse: Any = None  # the spaCy Span of this sentence, or None on the rules-only path
    tok_mentions: dict = field(default_factory=dict)
    topic: list = field(default_factory=list)  # the sector the previous sentence was about, if only one
    year: int | None = None  # set by a sentence-initial time adverbial ("In the summer of 2019, ...")
    # person id -> the country Mention they act for: the sentence's title, the document's leaders, the gazetteer's
    # nationality, one layer each (pipeline._candidates, _step_structure)
    nationality: ChainMap[str, Mention] = field(default_factory=ChainMap)
    # a government body -> the countries the sentence names it by ("the Norwegian Ministry of Defense"), set by
    # the pipeline: a body acts for that country where a predicate admits no body (relations._acting_for)
    bodys_countries: Callable[[Mention], list] = field(default=lambda body: [], repr=False)
    # a person -> the country their title names ("Chilean Trade Minister X"), set by the pipeline: in talks, each
    # side talks with the other's country (relations._pairwise)
    officials_country: Callable[[Mention], list] = field(default=lambda person: [], repr=False)
    # the parse's tokens, made once: the components walk them many times, and each walk of a spaCy Span makes
    # new Token objects
    tokens: list = field(default_factory=list)
    # (sum or year offset, trigger offset) -> whether they are in two clauses (props.other_clause, asked per fact)
    clause_memo: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        if self.parse is not None:
            self.tokens = list(self.parse)
            for tok in self.tokens:
                a = self.start + tok.idx
                b = a + len(tok.text)
                ms = [m for m in self.mentions if m.start < b and a < m.end]
                if not ms and tok.text.rstrip(".") in LEGAL_FORM_WORDS and tok.i > self.tokens[0].i:
                    # "Velmora Corp. is a major player": the parser heads the name with its legal form, which the
                    # firm's mention leaves out
                    before = self.tokens[tok.i - self.tokens[0].i - 1]
                    if before.text == "," and tok.i - 2 >= self.tokens[0].i:
                        before = self.tokens[tok.i - self.tokens[0].i - 2]
                    ms = [m for m in self.tok_mentions.get(before.i, []) if m.type == "Firm"]
                if ms:
                    self.tok_mentions[tok.i] = ms

    @cached_property
    def lemmas(self) -> list[str]:
        """Each token's lemma, lower-cased, in the order of `tokens`: read once, where the components scan every
        token of the sentence for their words (spaCy makes a new string at every read)."""
        return [t.lemma_.lower() for t in self.tokens]

    @cached_property
    def lowers(self) -> list[str]:
        """Each token's text, lower-cased, in the order of `tokens` (read once, as `lemmas`)."""
        return [t.lower_ for t in self.tokens]

    @cached_property
    def token_starting(self) -> dict[int, Any]:
        """{sentence offset: the token that starts there} (props asks it per fact and per year)."""
        return {t.idx: t for t in self.tokens}

    def rel(self, m: Mention) -> tuple[int, int]:
        return m.start - self.start, m.end - self.start


def unique_mentions(ms: list[Mention]) -> list[Mention]:
    """The mentions without repeats (same span, same entity), in order."""
    seen, out = set(), []
    for m in ms:
        k = (m.start, m.end, m.id)
        if k not in seen:
            seen.add(k)
            out.append(m)
    return out


class Roles(Protocol):
    """Who fills which role of a trigger in one sentence: the interface both role backends give the relation
    steps, from the dependency parse (parsed.ParsedRoles) or from word order (linear.LinearRoles). A token is the
    backend's own (a spaCy Token or a linear Word); `parsed` says whether the parse-only readings (intent,
    hypothesis, possessors, a word-order fallback) are available."""

    parsed: bool
    sv: SentenceView
    of_is_object: bool

    def triggers(self, rules: Any) -> Iterator[tuple[Any, Any, str]]: ...
    def denotes(self, tok: Any) -> list[Mention]: ...
    def subj(self, tok: Any) -> list[Mention]: ...
    def noun_subj(self, tok: Any) -> list[Mention]: ...
    def owner(self, tok: Any) -> list[Mention]: ...
    def copula(self, tok: Any) -> list[Mention]: ...
    def appos(self, tok: Any) -> list[Mention]: ...
    def dobj(self, tok: Any) -> list[Mention]: ...
    def pp(self, tok: Any, preps: set[str]) -> list[Mention]: ...
    def compound(self, tok: Any) -> list[Mention]: ...
    def sectors(self, tok: Any) -> list[Mention]: ...
    def between(self, tok: Any) -> list[Mention]: ...
    def negated(self, tok: Any) -> bool: ...
    def char_span(self, tok: Any) -> tuple[int, int]: ...
    # parse-only readings: the word-order backend answers "no" / nothing
    def intended(self, tok: Any) -> bool: ...
    def pursued(self, tok: Any) -> bool: ...
    def barred_act(self, tok: Any) -> list[Mention]: ...
    def hypothetical(self, tok: Any) -> bool: ...
    def possessor(self, tok: Any) -> list[Mention]: ...
    def fellow(self, tok: Any) -> list[Mention]: ...
    def listing_owner(self, tok: Any) -> list[Mention]: ...
    def goods_reached(self, tok: Any) -> list[Mention]: ...
    def with_place(self, tok: Any) -> list[Mention]: ...
    def origin(self, tok: Any) -> list[Mention]: ...
    def linear(self) -> "Roles": ...
    def word_at(self, idx: int) -> Any: ...
