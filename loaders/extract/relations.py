"""Typed relations from sentence structure.

A `Frame` is one trigger (a verb or a nominalisation from ontology/patterns.toml) with its subject and
object candidates, found by role (grammatical subject, possessor, prepositional object, ...). Roles
come from spaCy's dependency parse (`ParsedRoles`) or, on the rules-only path, from word order
(`LinearRoles`). Candidate pairs are kept only where the ontology allows the predicate between their
types. Structural patterns that need no trigger verb live in `structural.py`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import permutations

from ...ontology import load_model
from ...ontology.lexicon import Rule, load_lexicon
from .amounts import find_amounts
from .props import amount_for, event_years, year_for
from .mentions import Mention

ACTOR_TYPES = {"Country", "USState", "GovernmentBody", "Person", "Firm", "InternationalOrganization"}
COPULAS = {"be", "become", "remain", "stay", "rank", "emerge"}
HYPOTHETICAL = {"could", "would", "might", "may", "should"}
# roles only the dependency parse can fill (a ParsedRoles method of that name), and the trigger kind they need
PARSE_ONLY_ROLES = {"one_of": "noun", "for_owner": "noun", "recipient": "noun", "experiencer": "noun",
                    "patient": "verb", "means_target": "verb"}
INTENT = {"apply", "seek", "consider", "want", "hope", "aim", "intend", "wish", "try", "attempt", "bid", "plan",
          "aspire", "push"}
REPORTING = {"announce", "say", "state", "confirm", "pledge", "promise", "plan", "report", "disclose", "reveal",
             "decide", "agree", "commit", "declare", "tell", "indicate", "vow"}
# "a number of countermeasures", "a series of restrictions": the quantity noun stands for the thing counted
QUANTITY_NOUNS = frozenset({"number", "series", "range", "set", "host", "variety", "couple", "handful", "lot",
                            "wave", "raft", "slew", "package", "round", "batch"})
CLAUSE_BREAK = re.compile(r";|:|\u2014|--|\(|\)")


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


@dataclass
class SentenceView:
    """One sentence: its text, offset in the cleaned document, parse (or None) and mentions."""

    index: int
    start: int
    text: str
    mentions: list[Mention]
    parse: object = None  # spaCy Doc for this sentence, or None
    tok_mentions: dict = field(default_factory=dict)
    topic: list = field(default_factory=list)  # the sector the previous sentence was about, if only one
    year: int | None = None  # set by a sentence-initial time adverbial ("In the summer of 2019, ...")
    nationality: dict = field(default_factory=dict)  # person id -> country Mention (gazetteer attribute)

    def __post_init__(self) -> None:
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        if self.parse is not None:
            for tok in self.parse:
                a = self.start + tok.idx
                b = a + len(tok.text)
                ms = [m for m in self.mentions if m.start < b and a < m.end]
                if ms:
                    self.tok_mentions[tok.i] = ms

    def rel(self, m: Mention) -> tuple[int, int]:
        return m.start - self.start, m.end - self.start


# ------------------------------------------------------------------------------------------------
# Roles from the dependency parse
# ------------------------------------------------------------------------------------------------
class ParsedRoles:
    def __init__(self, sv: SentenceView, lex) -> None:
        self.sv = sv
        self.lex = lex

    # what a token stands for ------------------------------------------------------------------
    def denotes(self, tok, depth: int = 0) -> list[Mention]:
        ms = self.sv.tok_mentions.get(tok.i)
        if ms:
            # the innermost mention ("Japanese" in "Japanese export restrictions" is Japan); a dyad
            # anaphor ("both nations") stands for all the mentions sharing its span
            inner = min(ms, key=lambda m: m.end - m.start)
            found = [m for m in ms if (m.start, m.end) == (inner.start, inner.end)]
            if depth <= 2 and inner.type == "Sector":  # "online platforms such as Naver and Kakao"
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ in ("like", "including", "as", "such"):
                        for p in c.children:
                            if p.dep_ == "pobj":
                                found += [m for m in self.denotes_list(p, depth + 1) if m.type == "Firm"]
            return found
        if depth > 2:
            return []
        if tok.dep_ == "appos" and tok.head.i != tok.i:  # "BlueOval SK, a joint venture that ...": the name
            got = [m for m in self.sv.tok_mentions.get(tok.head.i, []) if m.type in ACTOR_TYPES]
            if got:
                return got
        lem = tok.lemma_.lower()
        out: list[Mention] = []
        if lem in self.lex.group_nouns or lem in self.lex.owner_nouns or lem in self.lex.sector_carriers:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("like", "including", "as", "such"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            out += self.denotes_list(p, depth + 1)
                elif c.dep_ == "appos":
                    out += self.denotes_list(c, depth + 1)
        if (lem in self.lex.owner_nouns or lem in self.lex.group_nouns or lem in self.lex.sector_carriers) \
                and not (out and lem in self.lex.group_nouns):  # "U.S. firms such as Tesla": Tesla
            for c in tok.children:
                if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < tok.i:
                    out += self.denotes_list(c, depth + 1)
                elif c.dep_ == "prep" and c.lower_ in ("of", "in") and lem in self.lex.owner_nouns:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            out += self.denotes_list(p, depth + 1)
        if tok.lower_ in ("its", "their", "his", "her") and depth == 0:
            out += self.subj_of_clause(tok)
        return _uniq(out)

    def denotes_list(self, tok, depth: int = 0) -> list[Mention]:
        out = self.denotes(tok, depth)
        conjuncts = list(tok.conjuncts)
        if out:
            # "the Department of Energy and SK On": the parser may hang "and SK On" from a word inside the
            # name ("Energy"); a conjunct after the name still belongs to the list
            end = max(m.end for m in out) - self.sv.start
            for t in tok.doc:
                if tok.idx <= t.idx < end and t.i != tok.i:
                    conjuncts += [c for c in t.conjuncts if c.idx >= end]
        for c in conjuncts:
            if c.i > tok.i or depth == 0:
                out += self.denotes(c, depth)
        return _uniq(out)

    def subj_of_clause(self, tok) -> list[Mention]:
        """What 'its'/'their' refers to: the subject of the clause the pronoun stands in."""
        if getattr(self, "_resolving", False):
            return []
        self._resolving = True
        try:
            node = tok
            for _ in range(8):
                node = node.head
                if node.pos_ in ("VERB", "AUX"):
                    found = [m for m in self.subj(node) if m.type in ACTOR_TYPES]
                    if found or node.head.i == node.i:
                        return found
                    # "Japan ... received X as long as their talks continue": the clause's subject
                    # contains the pronoun itself, so look one clause up
                if node.head.i == node.i:
                    break
            return []
        finally:
            self._resolving = False

    # subject-like roles ---------------------------------------------------------------------
    def subj(self, verb, depth: int = 0) -> list[Mention]:
        if depth > 5:
            return []
        out = []
        agent = [c for c in verb.children if c.dep_ == "agent"]
        for a in agent:
            for p in a.children:
                if p.dep_ == "pobj":
                    out += self.denotes_list(p)
                    for t in p.subtree:  # "by North and South Korea": the elided first conjunct
                        if t.i < p.i and t.dep_ in ("nmod", "compound", "conj"):
                            out += [m for m in self.sv.tok_mentions.get(t.i, []) if m.type in ACTOR_TYPES
                                    and not m.adjective]
        for c in verb.children:
            if c.dep_ in ("nsubj", "csubj") or (c.dep_ == "nsubjpass" and not agent and verb.tag_ != "VBN"):
                out += self.denotes_list(c)
                if not out and c.lower_ in ("its", "their"):
                    out += self.subj_of_clause(c)
                if not out and c.lower_ in ("it", "they", "he", "she") and verb.dep_ == "ccomp" \
                        and verb.head.i != verb.i:
                    out += self.subj(verb.head, depth + 1)  # "X announced that it would ...": it is X
        if out:
            return _uniq(out)
        if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp") and verb.head.i != verb.i:
            head = verb.head.head if _misattached_conjunct(verb) else verb.head
            if head.pos_ in ("VERB", "AUX"):
                return self.subj(head, depth + 1)
            if verb.dep_ == "pcomp":  # "the decision to withdraw": owner of the noun
                return self.owner(head.head if head.dep_ == "prep" else head)
        if verb.dep_ == "relcl":
            return self.denotes_list(verb.head)
        if verb.dep_ == "acl":
            if verb.tag_ == "VBG" or verb.lower_.endswith("ing"):
                return self.denotes_list(verb.head)
            if verb.head.pos_ in ("NOUN", "PROPN"):
                return self.owner(verb.head)
        if verb.dep_ in ("dobj", "pobj", "attr") and verb.pos_ in ("NOUN", "PROPN"):
            return self.subj(verb.head, depth + 1)
        return []

    def owner(self, noun) -> list[Mention]:
        poss = self.possessor(noun)
        if poss:
            return poss
        out = []
        for c in noun.children:
            if c.dep_ == "poss":
                got = self.denotes_list(c)
                if not got and c.lower_ in ("its", "their", "his", "her"):
                    got = self.subj_of_clause(c)
                out += got
            elif c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i:
                out += [m for m in self.denotes_list(c) if m.type in ACTOR_TYPES]
            elif c.dep_ == "prep" and c.lower_ in ("by", "from"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        out += self.denotes_list(p)
            elif c.dep_ == "prep" and c.lower_ == "of" and not out and not getattr(self, "of_is_object", False):
                # "a partnership of LG with GM", "the withdrawal of the United States"
                for p in c.children:
                    if p.dep_ == "pobj":
                        out += [m for m in self.denotes_list(p) if m.type in ACTOR_TYPES]
        return _uniq(out)

    def possessor(self, noun) -> list[Mention]:
        """'X’s $5 billion plant': the mention right before the possessive marker left of the noun."""
        doc = noun.doc
        j = noun.i - 1
        while j >= 0 and doc[j].dep_ in ("amod", "compound", "nummod", "quantmod", "nmod", "punct", "advmod") \
                and doc[j].lower_ not in ("’s", "'s", "’", "'") and noun.i - j <= 8:
            j -= 1
        if j >= 1 and doc[j].lower_ in ("’s", "'s", "’", "'"):
            owner = doc[j - 1]
            got = self.denotes(owner)
            if got:
                return got
        if j >= 0 and doc[j].lower_ in ("its", "their", "his", "her"):
            return self.subj_of_clause(doc[j])
        return []

    def noun_subj(self, noun) -> list[Mention]:
        """Subject of the verb a nominal trigger hangs from: 'X made investments', 'X entered talks'."""
        node = noun
        for _ in range(4):
            if node.dep_ in ("pobj",) and node.head.dep_ == "prep":
                node = node.head.head
                continue
            break
        if node is noun and node.dep_ == "appos" and node.head.pos_ in ("NOUN", "PROPN"):
            node = noun = node.head  # "X and Y formed Z, a joint venture": what formed Z formed the venture
        if node is not noun and node.lemma_.lower() in QUANTITY_NOUNS:
            noun = node  # "took a number of countermeasures": the quantity stands for the measures
        if node is not noun and node.pos_ in ("NOUN", "PROPN"):
            return []
        if node.dep_ in ("dobj", "attr", "nsubjpass", "oprd") or node is not noun:
            head = node.head if node is noun else node
            if head.pos_ in ("VERB", "AUX"):
                return self.subj(head)
        return []

    def copula(self, tok) -> list[Mention]:
        """'X became the largest investor', 'X was a target of ...', 'X is the destination for ...'."""
        node = tok
        for _ in range(5):
            if node.dep_ in ("attr", "acomp", "oprd") and node.head.lemma_ in COPULAS:
                return self.subj(node.head)
            if node.dep_ in ("pobj", "prep", "compound", "amod", "appos") and node.head.i != node.i:
                node = node.head
                continue
            break
        return []

    def one_of(self, tok) -> list[Mention]:
        """'X is one of the OECD economies', 'its distinction as one of the OECD economies': X."""
        node = tok
        for _ in range(3):
            if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ in ("one", "among"):
                one = node.head.head
                break
            if node.dep_ in ("pobj", "prep") and node.head.i != node.i:
                node = node.head
                continue
            return []
        else:
            return []
        found = self.copula(one) or self.appos(one)
        if found:
            return found
        node = one
        for _ in range(4):  # up to the noun it describes: "its distinction as one of ..."
            node = node.head
            if node.pos_ in ("NOUN", "PROPN"):
                return self.possessor(node) or self.owner(node)
            if node.head.i == node.i:
                break
        return []

    def patient(self, tok) -> list[Mention]:
        """'Korea Zinc, headquartered in Seoul': the noun a passive participle describes."""
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ == "agent" for c in tok.children):
            return self.denotes_list(tok.head)
        return []

    def for_owner(self, tok) -> list[Mention]:
        """'the largest export market for U.S. farm products': whose goods the market takes."""
        node = tok.head if tok.dep_ == "compound" else tok
        for c in node.children:
            if c.dep_ == "prep" and c.lower_ == "for":
                for p in c.children:
                    if p.dep_ == "pobj":
                        return [m for m in self.owner(p) + self.denotes_list(p) if m.type in ACTOR_TYPES]
        return []

    def recipient(self, tok) -> list[Mention]:
        """'Georgia has received $20 billion in Korean investment': who receives the noun's action."""
        node = tok
        receive = ("receive", "attract", "draw", "win", "get", "secure", "lure", "land", "obtain", "gain", "earn",
                   "negotiate", "grant", "award", "extend")
        if node.dep_ == "pobj" and node.head.dep_ == "prep":
            node = node.head.head
            if node.pos_ == "NUM" or node.lower_ in ("billion", "million", "$"):
                node = node.head
            if node.pos_ in ("VERB", "AUX") and node.lemma_ in receive:  # "received $20 billion in investment"
                return [m for m in self.subj(node) if m.type in ("USState", "Country", "Firm", "Facility")]
        for _ in range(2):
            if node.dep_ in ("dobj", "nsubjpass") and node.head.lemma_ in receive:
                return [m for m in self.subj(node.head) if m.type in ("USState", "Country", "Firm", "Facility")]
            node = node.head
        return []

    def means_target(self, tok) -> list[Mention]:
        """'Japan retaliated by restricting exports to South Korea': the target of the means."""
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                for p in c.children:
                    if p.dep_ == "pcomp":
                        a = self.sv.start + min(t.idx for t in p.subtree)
                        b = self.sv.start + max(t.idx + len(t.text) for t in p.subtree)
                        return [m for m in self.sv.mentions if m.type == "Country" and a <= m.start < b
                                and re.search(r"\b(?:to|against|on|from)\s+(?:the\s+)?$",
                                              self.sv.text[:m.start - self.sv.start])]
        return []

    def experiencer(self, tok) -> list[Mention]:
        """'Having experienced Chinese retaliation, South Korea ...': who suffers the noun's action."""
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_ in ("experience", "suffer", "face", "endure",
                                                                     "undergo", "receive", "absorb", "weather"):
            return [m for m in self.subj(tok.head) if m.type in ACTOR_TYPES]
        return []

    def appos(self, tok) -> list[Mention]:
        if tok.dep_ == "appos":
            return self.denotes(tok.head)
        return []

    # object-like roles ----------------------------------------------------------------------
    def dobj(self, tok) -> list[Mention]:
        out = []
        if tok.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in ("which", "that", "whom") for c in tok.children):
            return self.denotes_list(tok.head)  # "the IPEF, which South Korea joined"
        passive = tok.tag_ == "VBN" and any(c.dep_ in ("auxpass", "agent") for c in tok.children)
        for c in tok.children:
            if c.dep_ in ("dobj", "attr", "oprd") or (passive and c.dep_ == "nsubjpass"):
                out += self.denotes_list(c)
                if not out:
                    out += self.nested_of(c)
        if not out and tok.dep_ == "acl" and tok.tag_ == "VBN":
            out += self.denotes_list(tok.head)
        if not out:
            for c in tok.children:
                if c.dep_ == "xcomp":
                    for cc in c.children:
                        if cc.dep_ == "dobj":
                            out += self.denotes_list(cc)
        return _uniq(out)

    def nested_of(self, tok) -> list[Mention]:
        """'the renewal of the SMA', 'the implementation of X': look through one 'of'; '$39 billion in
        subsidies': an amount stands for what it is in."""
        amount = tok.like_num or tok.lower_ in ("billion", "million", "trillion", "$") or tok.tag_ == "$"
        for c in tok.children:
            if c.dep_ == "prep" and (c.lower_ in ("of", "to") or (amount and c.lower_ == "in")):
                for p in c.children:
                    if p.dep_ == "pobj":
                        return self.denotes_list(p)
        return []

    def pp(self, tok, preps: set[str], depth: int = 0) -> list[Mention]:
        out = []
        if depth == 0 and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "dobj":
            # "opened a plant in Bryan County, Georgia": the parser hangs the noun's "in" from the verb
            for c in tok.head.children:
                if c.dep_ == "prep" and c.i == tok.i + 1 and c.lower_ in preps:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            out += self.denotes_list(p) or self._place_of(p)
        if depth == 0 and tok.pos_ in ("NOUN", "PROPN"):
            # "X's investment of $3.87 billion in West Lafayette, Indiana": the place hangs from the amount
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj" and (p.like_num or p.lower_ in ("billion", "million", "trillion", "$")
                                                 or p.tag_ == "$"):
                            out += self.pp(p, preps, 1)
        if depth == 0 and tok.pos_ in ("NOUN", "PROPN"):
            # "the investment by SK Siltron in Bay City, Michigan": the place hangs from the investor
            for c in tok.children:
                if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            out += self.pp(p, preps, 1)
        if depth == 0 and tok.pos_ in ("VERB", "AUX"):
            for c in tok.children:  # "invested $2 billion to expand its plant in Georgia"
                if c.dep_ in ("xcomp", "advcl") and c.i > tok.i:
                    out += self.pp(c, preps, 1)
                elif c.dep_ == "conj" and c.pos_ not in ("VERB", "AUX") and c.i > tok.i:
                    out += self.pp(c, preps, 1)  # gapping: "invested $1 billion in A and $2 billion in B"
                elif c.dep_ == "dobj":
                    out += self.pp(c, preps, 1)
                    for cc in c.conjuncts:  # "invested $1 billion in A and $2 billion in B"
                        if cc.i > c.i:
                            out += self.pp(cc, preps, 1)
        for c in tok.children:
            if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps:
                for p in c.children:
                    if p.dep_ == "pobj":
                        got = self.denotes_list(p)
                        if not got or all(m.type == "Facility" for m in got):
                            got = got + self._place_of(p)
                        out += got or self.nested_of(p)
        return _uniq(out)

    def _place_of(self, tok) -> list[Mention]:
        """'in Taylor, Texas': the state or country an unknown town is in."""
        return [m for x in tok.children if x.dep_ in ("appos", "npadvmod", "conj")
                for m in self.denotes_list(x) if m.type in ("USState", "Country")]

    def compound(self, tok) -> list[Mention]:
        out = []
        for c in tok.children:
            if c.dep_ in ("compound", "nmod", "amod") and c.i < tok.i:
                out += self.denotes_list(c)
        if not out:  # a long name the parser split up, right before the noun: "<OECD's full name> economies"
            a = self.sv.start + tok.idx
            out += [m for m in self.sv.mentions if m.end <= a and not self.sv.text[m.end - self.sv.start:tok.idx].strip()]
        return _uniq(out)

    def sectors(self, tok) -> list[Mention]:
        a = tok.idx
        if tok.pos_ in ("NOUN", "PROPN"):  # "a semiconductor plant": what the plant is for
            a = min([c.idx for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod")] + [a])
        b = max(t.idx + len(t.text) for t in tok.subtree)
        return [m for m in self.sv.mentions if m.type == "Sector" and a <= m.start - self.sv.start < b]

    def between(self, tok) -> list[Mention]:
        return self.pp(tok, {"between", "among"})

    def negated(self, tok) -> bool:
        kids = list(tok.children)
        if any(c.dep_ == "neg" for c in kids):
            return not any(c.lower_ == "until" for c in tok.subtree)
        return False

    def intended(self, tok) -> bool:
        """'applied to join', 'seeks to ratify': the aim, not the act."""
        return tok.dep_ == "xcomp" and tok.head.lemma_.lower() in INTENT

    def hypothetical(self, tok) -> bool:
        """A trigger in a clause with could/would/might/may/should, or under 'if': not a stated fact."""
        node = tok
        for _ in range(6):
            if _misattached_conjunct(node):
                node = node.head.head  # "X believed that Y would affect Z and took ...": "took" is X's, stated
                continue
            for c in (node.children if node.pos_ in ("VERB", "AUX") else ()):
                if c.dep_ == "aux" and c.lower_ in HYPOTHETICAL:
                    if c.lower_ == "would" and node.dep_ == "ccomp" and node.head.lemma_ in REPORTING:
                        continue  # "X announced that it would build ...": a stated plan, not a hypothesis
                    return True
                if c.dep_ == "mark" and c.lower_ in ("if", "unless"):
                    return True
            if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("xcomp", "conj", "acl", "pcomp", "advcl", "csubj"):
                break  # ("joining CPTPP could smooth ...": a subject clause shares its verb's modality)
            if node.head.i == node.i:
                break
            node = node.head
        return False

    def triggers(self, rules):
        from .linear import _lemmas

        words = _trigger_words(rules)
        for tok in self.sv.parse:
            lem = tok.lemma_.lower()
            if lem not in words and tok.lower_ not in words and not (set(_lemmas(tok.lower_)) & words):
                continue  # most tokens trigger nothing: skip the per-rule checks
            verbish = tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or (
                tok.dep_ == "amod" and tok.lower_.endswith("ed") and tok.i > 0 and tok.nbor(-1).pos_ == "PUNCT")
            lemmas = {lem} | set(_lemmas(tok.lower_))
            for rule in rules:
                if verbish and lemmas & rule.verbs:
                    yield rule, tok, "verb"
                elif tok.pos_ in ("NOUN", "PROPN") and (lem in rule.nouns or tok.lower_ in rule.nouns):
                    yield rule, tok, "noun"
                elif tok.pos_ == "ADV" and lem in rule.adverbs:
                    yield rule, tok.head, "verb"

    def char_span(self, tok) -> tuple[int, int]:
        return tok.idx, tok.idx + len(tok.text)

    def linear(self):
        if not hasattr(self, "_linear"):
            from .linear import LinearRoles

            self._linear = LinearRoles(self.sv, self.lex)
        return self._linear


_TRIGGER_WORDS: dict[int, frozenset] = {}


def _trigger_words(rules) -> frozenset:
    key = id(rules)
    if key not in _TRIGGER_WORDS:
        _TRIGGER_WORDS[key] = frozenset(w for r in rules for w in (*r.verbs, *r.nouns, *r.adverbs))
    return _TRIGGER_WORDS[key]


def _misattached_conjunct(verb) -> bool:
    """'China believed that the deployment would affect its security and took countermeasures': a finite verb
    the parser coordinated with a modal's base-form verb inside a "that" clause belongs with the clause above
    (a modal takes no past tense), so it shares that clause's subject and modality."""
    head = verb.head
    return (verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ") and head.tag_ == "VB"
            and any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in head.children)
            and head.dep_ == "ccomp" and head.head.i != head.i)


def _uniq(ms):
    seen, out = set(), []
    for m in ms:
        k = (m.start, m.end, m.id)
        if k not in seen:
            seen.add(k)
            out.append(m)
    return out


# ------------------------------------------------------------------------------------------------
# Extraction
# ------------------------------------------------------------------------------------------------
@dataclass
class _FrameContext:
    """What every trigger of one sentence shares."""

    sv: SentenceView
    roles: object  # ParsedRoles or LinearRoles
    amounts: list
    years: list
    last_subjects: dict = field(default_factory=dict)  # predicate -> the subjects its last trigger had


class RelationExtractor:
    def __init__(self, model=None, lexicon=None) -> None:
        self.model = model or load_model()
        self.lex = lexicon or load_lexicon()

    def allowed(self, rule: Rule, s: Mention, o: Mention) -> bool:
        if s.id == o.id:
            return False
        if rule.subject_types and s.type not in rule.subject_types:
            return False
        if rule.object_types and o.type not in rule.object_types:
            return False
        return self.model.allows(rule.predicate, s.type, o.type)

    def extract(self, sv: SentenceView) -> list[Candidate]:
        if sv.parse is None:
            from .linear import LinearRoles

            roles = LinearRoles(sv, self.lex)
        else:
            roles = ParsedRoles(sv, self.lex)
        out: list[Candidate] = []
        ctx = _FrameContext(sv, roles, find_amounts(sv.text), event_years(sv))
        if isinstance(roles, ParsedRoles):
            self._agreement_with(sv, roles, out)
            self._lists(sv, roles, out)
        for rule, tok, kind in roles.triggers(self.lex.rules):
            self._frame(ctx, rule, tok, kind, out)
        return out

    def _frame(self, ctx: "_FrameContext", rule: Rule, tok, kind: str, out: list[Candidate]) -> None:
        """One trigger of one rule: its subjects and objects by role, then the facts the rule allows."""
        sv, roles = ctx.sv, ctx.roles
        parsed = isinstance(roles, ParsedRoles)
        if parsed and "no_intent" in rule.flags and roles.intended(tok):
            return  # "applied to join the CPTPP": not (yet) a party
        if parsed and roles.hypothetical(tok) and not (kind == "noun" and roles.possessor(tok)):
            return  # "would complement South Korea’s participation in X" still states the participation
        # "a member of X": when the rule reads its object from "of", "of" names no owner
        roles.of_is_object = any(r.startswith("pp:") and "of" in r[3:].split(",") for r in rule.object)
        negated = roles.negated(tok)
        how = kind
        subjects = self._collect(roles, tok, rule.subject, kind, subject=True)
        objects = self._collect(roles, tok, rule.object, kind, subject=False, drop_owner="owner" in rule.subject)
        if kind == "noun":
            objects = self._before_next_owner(sv, tok, objects)
            if "owner" in rule.subject and not (parsed and roles.owner(tok)):
                subjects = self._owner_to_left(sv, tok) or subjects
        if "self" in rule.subject and kind == "noun":
            own = roles.denotes(tok)
            if not own and parsed:  # "the Mount Kumgang region inside X"
                own = [m for m in roles.compound(tok) if m.type == "Facility"]
            subjects = own + (subjects if not own else [])
        if negated and "negated_exemption" in rule.flags:
            objects = self._negated_exemption(ctx, rule, tok, objects, out)
            negated, how = False, "ellipsis-exemption"  # (the modality filter leaves it: the rule read the negation)
        if negated and not rule.negation_ok:
            return
        self._pairwise(ctx, rule, tok, subjects, objects, out)
        if rule.pairwise_only and (kind == "noun" or not objects):
            return  # "X has cooperated with Y": a verb's "with" object is a partner too
        if "between" in rule.object and kind == "noun":
            parties = roles.between(tok)
            if len(parties) >= 2:
                for a, b in permutations(parties, 2):
                    self._emit(out, sv, rule.predicate, a, b, {}, rule.confidence, "between", roles, tok,
                               ctx.years, ctx.amounts, amount=rule.amount)
        subjects, objects, owned = self._quirks(ctx, rule, kind, subjects, objects)
        for s in subjects:
            for o in objects:
                if not self.allowed(rule, s, o):
                    o = self._enclosing(sv, rule, s, o) or o
                if owned.get(o.id) and s.type == "Country" and s.id not in owned[o.id]:
                    continue  # "the two governments extended the U.S. tariff": the U.S. imposes it
                if self.allowed(rule, s, o):
                    self._emit(out, sv, rule.predicate, s, o, {}, rule.confidence, how, roles, tok, ctx.years,
                               ctx.amounts, amount=rule.amount)

    def _negated_exemption(self, ctx, rule, tok, objects, out) -> list[Mention]:
        """'has not exempted X from P, despite doing so for Y': P applies to X; Y (the elided repeat) is the
        one exempted."""
        roles = ctx.roles
        for p in roles.pp(tok, {"from"}):
            for o in objects:
                self._emit(out, ctx.sv, "TARGETS", p, o, {}, rule.confidence * 0.9, "negated-exemption", roles, tok,
                           ctx.years, ctx.amounts, amount=False)
        return roles.ellipsis_for(tok) if hasattr(roles, "ellipsis_for") else _ellipsis_for(roles, tok)

    def _pairwise(self, ctx, rule, tok, subjects, objects, out) -> None:
        """'A and B cooperate': coordinated subjects relate to each other."""
        if not (rule.pairwise and len(subjects) >= 2 and (not objects or rule.pairwise_only)):
            return
        if rule.pairwise_words and not any(c.lemma_.lower() in rule.pairwise_words
                                           for c in getattr(tok, "subtree", [])):
            return
        for a, b in permutations(subjects, 2):
            if not rule.both_directions and a.id > b.id:
                continue
            if a.type in ACTOR_TYPES and b.type in ACTOR_TYPES:
                self._emit(out, ctx.sv, rule.predicate, a, b, {}, rule.confidence, "pairwise", ctx.roles, tok,
                           ctx.years, ctx.amounts, amount=rule.amount)

    def _quirks(self, ctx, rule, kind, subjects, objects):
        """The rule's flags (ontology/patterns.toml) on its subjects and objects; returns them with, for
        owned measures, the countries each measure is named with."""
        sv = ctx.sv
        owned: dict[str, set] = {}
        if "topic_sector" in rule.flags and subjects and sv.topic and not any(o.type == "Sector" for o in objects):
            # "In terms of semiconductors, ... With Samsung and SK Hynix leading production, ...": an activity
            # with no sector of its own continues the previous sentence's sector
            objects = list(sv.topic)
        if "named_subjects" in rule.flags:
            subjects = [m for m in subjects if not m.adjective]
        if "named_country_subject" in rule.flags:
            # "South Korea’s leadership in chips" states an activity; "U.S. leadership", "South Korean
            # companies" or "both nations’ competitiveness" describe it loosely
            subjects = [m for m in subjects if m.type != "Country" or self._named_actor(sv, m, kind)]
        if "owned_measures" in rule.flags:
            objects = [o for o in objects if not self._owned_by_other(sv, o, subjects)]
            owned = {o.id: self._inner_countries(sv, o) for o in objects}
        if "continues_subject" in rule.flags and not subjects and objects and kind == "noun" \
                and rule.predicate in ctx.last_subjects:
            # "X's exports totalled $A, with just $B in exports to Y": the same actor goes on
            subjects = ctx.last_subjects[rule.predicate]
        if subjects:
            ctx.last_subjects[rule.predicate] = subjects
        if not subjects and objects and "parties_of_object" in rule.flags:
            subjects = [p for o in objects for p in getattr(o, "parties", [])]
        subjects = [self._acting_for(sv, rule.predicate, s, objects) for s in subjects]
        return subjects, objects, owned

    def _lists(self, sv, roles, out) -> None:
        """Lists that presuppose a fact whatever the clause says:
        'South Korean firms like Naver and Kakao' (where the firms are), 'work together in forums such as
        APEC and the G20' (what the actors are members of)."""
        forums = {"forum", "fora", "organization", "organisation", "institution", "body", "bloc", "grouping"}
        for tok in sv.parse:
            lem = tok.lemma_.lower()
            if tok.pos_ not in ("NOUN", "PROPN"):
                continue
            listed = []
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("like", "including", "as", "such"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            listed += roles.denotes_list(p, 1)
            if not listed:
                continue
            if lem in self.lex.group_nouns:
                countries = [m for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i
                             for m in sv.tok_mentions.get(c.i, []) if m.type == "Country"]
                # "U.S. companies such as Google, as well as South Korean firms like Naver": each list
                # belongs to the nearest group noun before it
                later = [t.idx for t in sv.parse if t.i > tok.i and t.lemma_.lower() in self.lex.group_nouns
                         and any(c.dep_ == "prep" and c.lower_ in ("like", "including", "as", "such")
                                 for c in t.children)]
                limit = sv.start + (min(later) if later else len(sv.text))
                for firm in [m for m in listed if m.type == "Firm" and m.start < limit]:
                    for country in countries[:1]:
                        self._emit(out, sv, "LOCATED_IN", firm, country, {}, 0.7, "nationality-list", roles, tok,
                                   [], [])
            elif lem in forums:
                node = tok
                for _ in range(4):
                    node = node.head
                    if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
                        break
                members = [m for m in roles.subj(node) if m.type in ("Country", "Firm")] \
                    if node.pos_ in ("VERB", "AUX") else []
                for member in members:
                    for org in [m for m in listed if m.type == "InternationalOrganization"]:
                        self._emit(out, sv, "MEMBER_OF", member, org, {}, 0.65, "forum-list", roles, tok, [], [])

    def _agreement_with(self, sv, roles, out) -> None:
        """'its GSOMIA with Japan', 'South Korea’s FTA with Chile', 'Seoul and Tokyo restored their pact':
        the owners (and the partner) are parties."""
        for m in sv.mentions:
            if m.type != "Agreement" or m.source == "coref":
                continue
            if m.source == "pattern" and re.search(r"(?:agreements|FTAs|deals|treaties|pacts)$", m.text):
                continue  # "free trade agreements with China, ... and the EU": several agreements
            b = m.end - sv.start
            mt = re.match(r"\s*(?:\([^)]{1,40}\)\s*)?with\s+(?:the\s+)?", sv.text[b:])
            partners = [x for x in sv.mentions if mt and x.start - sv.start == b + mt.end() and x.type == "Country"]
            toks = [t for t in sv.parse if sv.start + t.idx >= m.start and sv.start + t.idx < m.end]
            if not toks:
                continue
            if not partners:
                if re.search(r"\b(?:their|its)\s+(?:[\w\-]+\s+){0,2}$", sv.text[:m.start - sv.start]) \
                        and not roles.hypothetical(toks[-1]):
                    for party in [o for o in roles.possessor(toks[-1]) if o.type == "Country"]:
                        self._emit(out, sv, "PARTY_TO", party, m, {}, 0.65, "agreement-owner", roles, toks[-1],
                                   [], [])
                continue
            owners = [o for o in roles.possessor(toks[0] if toks[0].dep_ != "poss" else toks[-1])
                      if o.type == "Country"]
            if not owners:
                owners = [o for o in roles.possessor(toks[-1]) if o.type == "Country"]
            for party in owners + partners:
                self._emit(out, sv, "PARTY_TO", party, m, {}, 0.7, "agreement-with", roles, toks[-1], [], [])

    @staticmethod
    def _named_actor(sv: SentenceView, m: Mention, kind: str = "verb") -> bool:
        if m.adjective or m.source == "coref":
            return False
        if kind == "verb" and sv.parse is not None and any(t.dep_ in ("nsubj", "nsubjpass") for t in sv.parse
                                        if m.start <= sv.start + t.idx < m.end):
            return True
        b = m.end - sv.start
        return bool(re.match(r"[’']s?\b", sv.text[b:b + 3])) or bool(
            re.match(r"\s+(?:has|have|had|is|was|are|were|leads?|led|dominates?|dominated|produces?|produced|"
                     r"makes?|made|manufactures?|manufactured|excels?|remains?)\b", sv.text[b:b + 20]))

    @staticmethod
    def _inner_countries(sv: SentenceView, policy: Mention) -> set[str]:
        return {x.id for x in sv.mentions if x.type == "Country" and policy.start <= x.start
                and x.end <= policy.end and x is not policy}

    @staticmethod
    def _owned_by_other(sv: SentenceView, policy: Mention, subjects: list[Mention]) -> bool:
        """'the United States’ extending ... the U.S. tariff': a measure named with its owner is not
        imposed by another subject."""
        inner = [x for x in sv.mentions if x.type == "Country" and policy.start <= x.start and x.end <= policy.end]
        ids = {s.id for s in subjects}
        return bool(inner) and bool(ids) and not ({x.id for x in inner} & ids)

    @staticmethod
    def _possessives(sv: SentenceView) -> list[tuple[int, Mention]]:
        """(offset in the sentence, actor) for every "X’s" in the sentence."""
        out = []
        for m in sv.mentions:
            if m.type in ACTOR_TYPES and not m.adjective:
                b = m.end - sv.start
                if re.match(r"[’']s?\b", sv.text[b:b + 3]):
                    out.append((m.start - sv.start, m))
        return out

    def _before_next_owner(self, sv, tok, objects):
        """'X’s plant in A and Y’s partnership ... in B': B belongs to Y's phrase, not X's."""
        a = tok.idx
        later = [b for b, _ in self._possessives(sv) if b > a]
        if not later:
            return objects
        limit = min(later)
        return [o for o in objects if o.start - sv.start < limit or o.start - sv.start < a]

    def _owner_to_left(self, sv, tok):
        """A trigger noun with no owner of its own, inside the phrase of "Y’s <noun> ... for <trigger>":
        the nearest possessive to its left in the same clause owns it."""
        a = tok.idx
        best = None
        finite = [t.idx for t in tok.doc if t.tag_ in ("VBD", "VBZ", "VBP", "MD")] if hasattr(tok, "doc") else []
        for _, m in self._possessives(sv):
            b = m.end - sv.start
            if b < a and not CLAUSE_BREAK.search(sv.text[b:a]) and "," not in sv.text[b:a] \
                    and len(sv.text[b:a].split()) <= 14 and not any(b <= f < a for f in finite):
                best = m
        return [best] if best is not None else []

    def _collect(self, roles, tok, wanted, kind, subject: bool, drop_owner: bool = True) -> list[Mention]:
        out = self._collect_roles(roles, tok, wanted, kind, subject, drop_owner)
        if not out and isinstance(roles, ParsedRoles):
            # the small parser often misattaches long sentences: fall back to word order
            linear = roles.linear()
            lt = linear.word_at(tok.idx)
            if lt is not None:
                fallback = [r for r in wanted if r in ("subj", "dobj") or r.startswith("pp:")]
                out = self._collect_roles(linear, lt, fallback, kind, subject, drop_owner)
                if subject and kind == "noun":  # word order only says who owns a noun inside its phrase
                    out = [m for m in out if m.end - roles.sv.start <= tok.idx
                           and len(roles.sv.text[m.end - roles.sv.start:tok.idx].split()) <= 3]
        return out

    def _collect_roles(self, roles, tok, wanted, kind, subject: bool, drop_owner: bool = True) -> list[Mention]:
        out: list[Mention] = []
        for role in wanted:
            if role == "subj":
                out += roles.subj(tok) if kind == "verb" else roles.noun_subj(tok)
            elif role == "owner" and kind == "noun":
                out += roles.owner(tok)
            elif role == "copula":
                out += roles.copula(tok)
            elif role == "appos":
                out += roles.appos(tok)
            elif role == "dobj":
                if subject:
                    out += [m for m in roles.dobj(tok) if m.type == "Country"] if kind == "verb" else []
                elif kind == "verb":
                    out += roles.dobj(tok)
            elif role.startswith("pp:"):
                out += roles.pp(tok, set(role[3:].split(",")))
            elif role == "compound" and kind == "noun":
                out += roles.compound(tok)
            elif role == "sectors":
                out += roles.sectors(tok)
            elif role == "copula_for":
                out += roles.copula(tok)
            elif role == "target_of":
                out += roles.copula(tok)
            elif PARSE_ONLY_ROLES.get(role) == kind and hasattr(roles, role):
                out += getattr(roles, role)(tok)
        if not subject and drop_owner:
            own = set(id(m) for m in (roles.owner(tok) if kind == "noun" else []))
            out = [m for m in out if id(m) not in own]
        elif kind == "noun" and "owner" in wanted:
            own = roles.owner(tok)
            if own:  # "Hanwha ... solidifying the U.S.-ROK partnership": the partners are the owners
                return _uniq(own)
        return _uniq(out)

    def _enclosing(self, sv, rule, s, o):
        """'signed the China–Australia Free Trade Agreement', parsed with 'China' as the object: the name the
        object's words belong to, when the rule allows that one."""
        outer = [m for m in sv.mentions if m.start <= o.start and o.end <= m.end and (m.start, m.end) != (o.start, o.end)]
        return next((m for m in sorted(outer, key=lambda m: m.start - m.end) if self.allowed(rule, s, m)), None)

    def _acting_for(self, sv, predicate, s, objects):
        """'President Trump's withdrawal from TPP': only a country withdraws; a leader of known nationality acts
        for it where the predicate admits no person."""
        if s.type != "Person" or any(self.model.allows(predicate, "Person", o.type) for o in objects):
            return s
        country = getattr(sv, "nationality", {}).get(s.id)
        return country if country is not None else s

    def _emit(self, out, sv, predicate, s, o, props, conf, how, roles, tok, years, amounts, amount=False):
        if s.id == o.id or not self.model.allows(predicate, s.type, o.type):
            return
        if s.adjective and predicate in self.lex.named_subject:
            return
        props = dict(props)
        a, b = roles.char_span(tok)
        if amount:
            value = amount_for(sv, amounts, a, o)
            if value is not None:
                props["amount_usd"] = value
        year = year_for(sv, years, a, b)
        if year is not None:
            props["year"] = year
        out.append(Candidate(s, predicate, o, props, conf, sv.index, how))


def _ellipsis_for(roles, tok) -> list[Mention]:
    """'... despite doing so for Canada, Japan, Mexico': the objects of an elided repeat."""
    parse = roles.sv.parse
    if parse is None:
        return []
    for t in parse:
        if t.lemma_ == "do" and t.i > tok.i:
            nxt = parse[t.i + 1] if t.i + 1 < len(parse) else None
            if nxt is not None and nxt.lower_ == "so":
                return roles.pp(t, {"for"}) or roles.pp(nxt, {"for"})
    return []
