"""Argument roles from spaCy's dependency parse (`ParsedRoles`): subject, object, prepositional objects...

The rules-only path offers the same role methods from word order (linear.py); a frame asks either for its
subject and object candidates by role (relations.py).
"""
from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache, wraps
from dataclasses import replace

from .amounts import find_amounts
from .derived import EXPORT_NOUNS, IMPORT_NOUNS
from .linear import COMPLEX_PREPOSITION_NOUNS, LinearRoles, _lemmas
from .mentions import IMPOSING_PARTICIPLES, PLAN_NOUNS, QUANTITY_NOUNS, Mention, object_gap
from .modality import (HYPOTHETICAL, INSTRUMENT_TYPES, MEASURE_MAKING, designs, misattached_conjunct,
                       not_until)
from .sentence import ACTOR_TYPES, SentenceView, unique_mentions

COPULAS = {"be", "become", "remain", "stay", "rank", "emerge"}
# "its members include X, Y and Z", "the parties are X and Y": the verb's object lists who holds the role
LISTING_VERBS = {"include", "comprise", "be"}
# verbs whose object does what their infinitive says: "I direct CFIUS to conduct a review", "ordered the agency to"
OBJECT_CONTROL = frozenset({"direct", "order", "instruct", "task", "require", "authorize", "authorise", "mandate",
                            "empower", "charge", "commission", "enable", "allow", "permit", "help",
                            "encourage", "invite", "urge", "ask", "persuade", "lead", "prompt", "push", "force"})
HELD_TYPES = ACTOR_TYPES | {"Agreement"}  # what a listing's holders hold: "the Pact, whose parties include ..."
INTENT = {"apply", "seek", "consider", "want", "hope", "aim", "intend", "wish", "try", "attempt", "bid", "plan",
          "aspire", "push", "threaten", "propose", "weigh", "mull", "vow", "warn", "work", "strive", "endeavor",
          "endeavour", "negotiate", "discuss", "pursue", "request", "await", "pend", "need", "require"}
# ("is working to join the CPTPP", "is negotiating its accession to it": not yet a party; "awaits ratification by
# Peru", "pending approval by Congress", "requires ratification": not yet ratified)
# ("threatened to terminate X", "vowed to retaliate": a threat, not the act)
def _lemma(tok) -> str:
    """A verb's lemma, past the tagger's slips on inflected forms of the intent verbs ("hopes" read as "hop")."""
    lemma = tok.lemma_.lower()
    if lemma in INTENT:
        return lemma
    bare = re.sub(r"(?:es|s|ed|d|ing)$", "", tok.lower_)
    return next((w for w in (bare, bare + "e") if w in INTENT), lemma)


# what a bloc's members are called: "ASEAN's member states", "the EU's members"
MEMBER_NOUNS = frozenset({"state", "member", "country", "nation", "economy"})
# nouns of a deal whose infinitive its parties do: "entered into an agreement to acquire X"
DEAL_NOUNS = frozenset({"agreement", "deal", "contract", "arrangement", "commitment"})
# the aims one acts on ("applied to join", "its bid to join"): joining pursued, unlike one hoped for or planned
PURSUIT = frozenset({"apply", "seek", "work", "bid", "strive", "endeavor", "endeavour", "application", "negotiate",
                     "pursue", "request"})
# verbs that judge someone for a deed ("designated X for supporting Y"): the deed is the one judged's
JUDGING_VERBS = frozenset({"designate", "sanction", "punish", "penalize", "penalise", "fine", "blacklist", "cite",
                           "charge", "indict", "blame", "criticize", "criticise", "condemn", "praise", "thank",
                           "commend", "reward", "honor", "honour", "credit", "list", "target", "accuse"})
# a share of a whole, and the verbs that give it to someone: "X accounted for 10 percent of Y's imports"
SHARE_WORDS = frozenset({"percent", "cent", "%", "share", "third", "quarter", "half", "fifth", "tenth", "portion",
                         "majority", "bulk", "proportion", "fraction"})
SHARE_VERBS = frozenset({"account", "represent", "make", "comprise", "constitute", "supply", "provide"})
# holding a firm or a facility: "control of the yard passed to X", "X took a majority stake in Y"
# verbs that bring a measure into being ("the restrictions on X, which Chile imposed")
# (those of modality.py, and the ones that keep or raise a measure already in being)
MEASURE_MAKING_VERBS = MEASURE_MAKING | {"raise", "extend", "maintain", "reimpose"}
# what parties reach or sign that may say what it is for: "reached an agreement to amend the X"
AGREEING_NOUNS = frozenset({"agreement", "deal", "accord", "understanding", "consensus", "compromise"})
CONTROL_NOUNS = frozenset({"control", "ownership", "possession", "majority", "command"})
# what a country depends on another for, when that is trade: "relies on Japan for its chemical supplies"
SUPPLY_NOUNS = frozenset({"supply", "import", "material", "input", "component", "part", "chemical", "mineral",
                          "product", "good", "commodity", "fuel", "energy", "oil", "gas", "food", "equipment"})
# quantities a trade verb's object may be, before the goods: "$30 billion of Korean cars", "2 million tons of grain"
QUANTITY_WORDS = frozenset({"billion", "million", "trillion", "thousand", "ton", "tons", "tonnes", "barrel", "barrels",
                            "worth", "percent", "%", "share", "volume", "value", "volumes", "amount", "amounts",
                            "quantity", "quantities"})
# nouns whose infinitive is an aim: "talks to conclude the X", "an effort to join the Y"
AIM_NOUNS = {"talk", "negotiation", "discussion", "consultation", "effort", "proposal", "goal", "bid", "plan",
             "attempt", "push", "ambition", "intention", "application"}
# what is only wished or weighed: "expressed interest in joining X", "the prospect of joining", "a desire to join"
WISH_NOUNS = AIM_NOUNS | {"interest", "desire", "hope", "prospect", "possibility", "option", "idea", "aspiration",
                          "willingness", "readiness", "intent"}
REPORTING = {"announce", "say", "state", "confirm", "pledge", "promise", "plan", "report", "disclose", "reveal",
             "decide", "agree", "commit", "declare", "tell", "indicate", "vow"}


# nouns of capital put in: "the top destination for Korean FDI"
INVESTMENT_NOUNS = frozenset({"investment", "fdi", "capital", "investor"})


# verbs that say where something is or goes ("investment went to Texas", "were in Georgia")
GOING_VERBS = frozenset({"be", "go", "flow", "head", "land", "end"})
# what is done to build a facility: its doer's facility ("X's construction of a plant")
BUILDING_NOUNS = frozenset({"construction", "building", "expansion", "development", "opening", "completion"})
# what one does to a building of one's own: "began construction of a plant", "finance the construction of plants"
UNDERTAKING_VERBS = frozenset({"begin", "start", "commence", "launch", "complete", "finish", "finance", "fund",
                               "resume", "undertake"})
# verbs that give a sum to whom they take as a dative: "lent X $2 billion to build ..."
DATIVE_GIVING_VERBS = frozenset({"lend", "loan", "give", "grant", "award", "offer"})
# what lifts a measure "from" which it exempts ("an exemption from the tariffs")
EXEMPTING = frozenset({"exemption", "waiver", "exception", "exclusion", "carve-out", "reprieve"})
# verbs that give their object to someone named as their indirect object (or passive subject)
GIVING = frozenset({"grant", "award", "extend", "give", "offer"})
# the particles of phrasal verbs ("pull out", "walk away", "roll back")
PARTICLES = frozenset({"out", "away", "back", "up", "off", "down", "in", "over"})
# verbs whose object is bought "from" someone who gives it up: "bought a stake from the bank" (what is received
# "from" someone is given by them: "received an investment from X")
TAKING_VERBS = frozenset({"acquire", "buy", "purchase", "take", "obtain"})


def _remembered(method):
    """A role reading asked again for the same token (and arguments) in the same sentence, read once: the rules
    that share a trigger word, the steps and the fallbacks ask the same questions of it. (Callers may extend the
    list they get: each gets its own copy.)"""
    @wraps(method)
    def read(self, tok, *args):
        key = (method.__name__, tok.i, self.of_is_object, *(frozenset(a) if isinstance(a, set) else a for a in args))
        got = self._remembered.get(key)
        if got is None:
            got = self._remembered[key] = method(self, tok, *args)
        return list(got)
    return read


def parsed_roles(sv: SentenceView, lex) -> "ParsedRoles":
    """The sentence's one ParsedRoles, shared by the components that read it (what one reading remembers, the
    others do not ask again)."""
    roles = getattr(sv, "_parsed_roles", None)
    if roles is None or roles.lex is not lex:
        roles = ParsedRoles(sv, lex)
        sv._parsed_roles = roles
    roles.of_is_object = False
    return roles


# the offices after a title, up to its holder's name: " of Japan to the United States, "
TITLE_OFFICES = re.compile(r"(?:\s+(?:of|to|for|at)\s+(?:the\s+)?[A-Z][\w.&'-]*(?:(?:,\s+|\s+)(?:and\s+)?[A-Z][\w.&'-]*)*)*"
                           r"\s*,?\s+")

# what a comma's apposition says of a title's holder before the name: "its founder, Korean entrepreneur X"
DESCRIBED_AFTER = re.compile(r",\s+(?:[A-Z][a-z]+\s+)?[a-z]+\s+")
# a title after a country's name, up to its holder's name: "('s) Minister of Trade, Industry, and Energy ", " Trade
# Minister "
TITLE_AFTER_COUNTRY = re.compile(r"(?:['’]s)?\s+(?:[A-Z][a-z]+\s+){0,3}?(?P<title>[A-Z][\w.-]+)" + TITLE_OFFICES.pattern)


def _coordinated_inside(x) -> bool:
    """Whether a word the parser hung before a name holds a coordination anywhere below it ("Trade Minister A and
    ...": "and" under A, which hangs from the title; "Minister for X A and ...": under the title's "for")."""
    return x.n_lefts + x.n_rights > 0 and any(t.dep_ == "cc" for t in x.subtree)


def _outside_quotation(prep):
    """The verb of the clause a quotation stands in, where `prep` follows the quotation's close and the parser hung it
    from a verb inside the quotation; else None."""
    doc, close = prep.doc, prep.i - 1
    if close <= prep.sent.start or doc[close].text not in ("”", "''", '"'):
        return None
    inner = prep.head
    opening = next((j for j in range(close - 1, prep.sent.start - 1, -1) if doc[j].text in ("“", "``", '"')), None)
    if opening is None or not opening < inner.i < close:
        return None
    node = doc[opening]
    while node.head.i != node.i and (opening <= node.i <= close or node.pos_ not in ("VERB", "AUX")):
        node = node.head
    return node if node.pos_ in ("VERB", "AUX") and not opening <= node.i <= close else None


class ParsedRoles:
    """Roles from spaCy's dependency parse."""

    parsed = True
    of_is_object = False  # set per rule: "a member of X" reads its object from "of", so "of" names no owner

    def __init__(self, sv: SentenceView, lex) -> None:
        self.sv = sv
        self.lex = lex
        self._linear: LinearRoles | None = None
        self._remembered: dict[tuple, list[Mention]] = {}

    # what a token stands for ------------------------------------------------------------------
    def denotes(self, tok, depth: int = 0) -> list[Mention]:
        if tok.pos_ == "NOUN" and depth <= 2 and self.lex.heads.get(tok.lemma_.lower()) == "Policy":
            # "the sanctions imposed by the resolution limit ...": the measures are the instrument's, which acts
            # (whatever measure named before the description stands for)
            # (a law "establishing" or "imposing" a measure authorizes it: the measure stays itself)
            by = [m for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"
                  and c.lemma_.lower() in IMPOSING_PARTICIPLES
                  for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                  for m in self.denotes(p, depth + 1) if m.type == "Policy"]
            if by:
                return by
        ms = self.sv.tok_mentions.get(tok.i)
        if ms:
            # the innermost mention ("Japanese" in "Japanese export restrictions" is Japan); a dyad
            # anaphor ("both nations") stands for all the mentions sharing its span
            inner = min(ms, key=lambda m: m.end - m.start)
            if inner.type == "Country" and depth == 0:
                holder = self._titled_holder(inner)
                if holder:  # "X and Republic of Korea Minister of Trade Y signed": the parser heads Y's title
                    return holder  # with the country; the country only says whose minister Y is
            found = [m for m in ms if (m.start, m.end) == (inner.start, inner.end)]
            if depth <= 2 and inner.type == "Sector":  # "online platforms such as Naver and Kakao"
                found += [m for m in self.examples(tok, depth + 1) if m.type == "Firm"]
            return found
        if depth > 2:
            return []
        if tok.pos_ == "PROPN":  # "Taylor, Texas": a place no one knows, in the state or country that follows
            place = [m for c in tok.children if c.dep_ == "appos" for m in self.sv.tok_mentions.get(c.i, [])
                     if m.type in ("USState", "Country") and not m.adjective]
            if place:
                return place[:1]
        if tok.dep_ == "appos" and tok.head.i != tok.i:  # "BlueOval SK, a joint venture that ...": the name
            got = [m for m in self.sv.tok_mentions.get(tok.head.i, []) if m.type in ACTOR_TYPES]
            if got:
                return got
        kind = self.lex.head_type_word(tok.lower_) if tok.pos_ == "NOUN" else None
        if kind and tok.dep_ == "appos":  # "the Lima Pact (LP) a trade agreement that ...": the name of its kind
            named = [m for m in self.sv.tok_mentions.get(tok.head.i, []) if m.type == kind]
            if named:
                return named
        if kind and (tok.dep_ == "appos" or any(c.dep_ == "relcl" for c in tok.children)) \
                and not self.sv.tok_mentions.get(tok.head.i):
            # "talks on the Lima Pact (LP), a trade agreement that includes Chile": the parser may hang the
            # apposition from a noun before the name (or, its comma lost, make it an object: "(LP) a trade agreement
            # that ..."); the name of its kind right before it is what it describes
            first = min(t.idx for t in tok.subtree)
            comma = r"," if tok.dep_ == "appos" else r",?"
            got = [m for m in self.sv.mentions if m.type == kind and m.end - self.sv.start <= first
                   and re.fullmatch(rf"\s*(?:\([^()]*\))?\s*{comma}\s*", self.sv.text[m.end - self.sv.start:first])]
            if got:
                return got[-1:]
        if tok.text in self.lex.person_titles:  # "Minister of Defense Han ...": the parser may hang the name
            named = [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"  # under the office
                     for p in c.children if p.dep_ == "pobj"
                     for m in self.sv.tok_mentions.get(p.i, []) if m.type == "Person"]
            if named:
                return named
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in LED_GROUPS:
            # "awarded a consortium led by X a contract": the group stands for the one named leading it
            leaders = [m for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in ("lead", "head")
                       for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                       for m in self.denotes_list(p, depth + 1) if m.type in ("Firm", "Country")]
            if leaders:
                return leaders
        if tok.pos_ == "NOUN":  # "a joint venture called Tarsk Energy LLC": the name it goes by
            called = [m for c in tok.children if c.dep_ == "acl" and c.lower_ in ("called", "named", "dubbed")
                      for o in c.children if o.dep_ in ("oprd", "attr", "dobj") for m in self.denotes(o, depth + 1)
                      if m.type in ("Firm", "Facility", "Agreement", "Policy", "InternationalOrganization")]
            if called:
                return called
        lem = tok.lemma_.lower()
        if lem in self.lex.titles or tok.text in self.lex.person_titles or lem == "counterpart":
            # "Hyundai's chairman Chung Eui-sun met ...": the parser may head the name with its title (or with
            # "counterpart": "X and his Korean counterpart Y signed")
            named = [m for c in tok.children if c.dep_ == "appos" and c.i > tok.i
                     for t in c.subtree for m in self.sv.tok_mentions.get(t.i, []) if m.type == "Person"]
            # ("and the Ambassador of Japan to the United States Shinsuke Sugiyama signed": the name after the
            # title's offices, wherever the parser hung it)
            end = self.sv.start + tok.idx + len(tok.text)
            named = named or [m for m in self.sv.mentions if m.type == "Person" and m.start > end
                              and (TITLE_OFFICES.fullmatch(self.sv.text[end - self.sv.start:m.start - self.sv.start])
                                   or DESCRIBED_AFTER.fullmatch(self.sv.text[end - self.sv.start:m.start - self.sv.start]))]
            if named:
                return unique_mentions(named)
        out: list[Mention] = []
        if lem in self.lex.group_nouns or lem in self.lex.owner_nouns or lem in self.lex.sector_carriers:
            examples = self.examples(tok, depth + 1)
            out += self._colon_list(tok)
            for c in tok.children:
                if c.dep_ == "appos":
                    out += self.denotes_list(c, depth + 1)
                    if c.conjuncts and lem in MEMBER_NOUNS:
                        # "ASEAN's 10 member states, Japan, China and Australia signed X": the parser takes the
                        # list's first item for the head of an apposition; the bloc whose members it names is one
                        out += [m for p in tok.children if p.dep_ == "poss" for m in self.denotes(p, depth + 1)
                                if m.type == "InternationalOrganization"]
            nationality = [m for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i < tok.i
                           for m in self.denotes(c, depth + 1) if m.type == "Country"]
            if examples and nationality and lem in self.lex.group_nouns \
                    and any(x.start > tok.idx for x in find_amounts(self.sv.text)):
                # "Korean companies, such as SK and LG, have invested $114 billion": a sum for the country's firms
                # as a whole, the ones named only examples (the amount is not theirs); with no sum ("U.S. firms
                # such as Tesla invested in Vietnam") the examples are the ones said to act
                out += nationality + [replace(m, example=True) for m in examples]
                return unique_mentions(out)
            out += examples
            if lem in self.lex.group_nouns:  # "firms based in China", "entities located in Russia": as "Chinese firms"
                out += [m for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"
                        and c.lemma_.lower() in self.lex.seat_participles
                        for p in c.children if p.dep_ == "prep" and p.lower_ == "in"
                        for o in p.children if o.dep_ == "pobj"
                        for m in self.denotes_list(o, depth + 1) if m.type == "Country"]
        # ("U.S. firms such as Tesla": Tesla)
        if lem in self.lex.legislature_nouns:  # "the Korean parliament": the country itself acts
            out += [replace(m, adjective=False) for c in tok.children if c.dep_ in ("amod", "compound") and c.i < tok.i
                    for m in self.denotes(c, depth + 1) if m.type == "Country"]
            # ("the parliaments of Chile and Peru", "the legislatures of both countries")
            out += [replace(m, adjective=False) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                    for p in c.children if p.dep_ == "pobj" for m in self.denotes_list(p, depth + 1)
                    if m.type == "Country"]
        if (lem in self.lex.owner_nouns or lem in self.lex.group_nouns or lem in self.lex.sector_carriers
                or lem in self.lex.place_nouns) and not (out and lem in self.lex.group_nouns):
            for c in tok.children:
                if c.dep_ == "poss" and lem in RELATIONAL_NOUNS:
                    continue  # "Qcells' supplier expands ...": another firm than the one whose supplier it is
                if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < tok.i:
                    owners = self.denotes_list(c, depth + 1)
                    if lem in self.lex.government_nouns:  # ("the Chilean government", "Korean negotiators")
                        owners = [replace(m, represented=True) if m.adjective else m for m in owners]
                    out += owners
                # ("officials of Japan", "the government in Tokyo", "negotiators from Chile and Peru")
                elif c.dep_ == "prep" and c.lower_ in ("of", "in", "from") and lem in self.lex.owner_nouns:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            out += self.denotes_list(p, depth + 1)
        if tok.lower_ in ("its", "their", "his", "her") and depth == 0:
            out += self.subj_of_clause(tok)
        return unique_mentions(out)

    def _titled_holder(self, country: Mention) -> list[Mention]:
        """'Republic of Korea Minister of Trade, Industry, and Energy X', 'Korea's Trade Minister X': the person whose
        title the country is written before."""
        sv = self.sv
        for m in sv.mentions:
            if m.type == "Person" and 0 < m.start - country.end <= 80:
                mt = TITLE_AFTER_COUNTRY.fullmatch(sv.text[country.end - sv.start:m.start - sv.start])
                if mt and mt.group("title") in self.lex.person_titles:
                    return [m]
        return []

    def _judged(self, prep) -> list[Mention]:
        """'designated X for having provided support to Y', 'punished Chile for its tariffs': the one a judging verb
        judges, for a "for" phrase after it (the deed, and its possessive, are theirs)."""
        if prep.lower_ != "for" or prep.dep_ != "prep" or prep.head.lemma_.lower() not in JUDGING_VERBS:
            return []
        return [m for c in prep.head.children if c.dep_ in ("dobj", "nsubjpass") and c.i < prep.i
                for m in self.denotes_list(c) if m.type in ACTOR_TYPES]

    @_remembered
    def denotes_list(self, tok, depth: int = 0) -> list[Mention]:
        out = self.denotes(tok, depth)
        if out and any(_coordinated_inside(x) for x in tok.lefts):
            # "North and South Korea": the coordination inside the name names a second country; "SK On and Hyundai
            # Motor Group": the parser may hang a firm coordinated before a firm's name inside that name (and a
            # titled person before a titled person's: "Trade Minister A and Foreign Minister B")
            kinds = {"Country"} | ({"Firm", "Person"} & {m.type for m in out})
            inner = [m for x in tok.lefts if _coordinated_inside(x) for t in x.subtree
                     for m in self.sv.tok_mentions.get(t.i, []) if m.type in kinds and not m.adjective
                     and not any(o.start <= m.start and m.end <= o.end for o in out)]
            out = unique_mentions(out + inner)
        conjuncts = list(tok.conjuncts)
        if out:
            # "the Department of Energy and SK On": the parser may hang "and SK On" from a word inside the
            # name ("Energy"); a conjunct after the name still belongs to the list. Only words below tok: in "the
            # auto industry and Korean firms" the name "auto industry" takes in its head, whose list is not its own
            end = max(m.end for m in out) - self.sv.start
            for t in tok.subtree:
                if tok.idx <= t.idx < end and t.i != tok.i:
                    conjuncts += [c for c in t.conjuncts if c.idx >= end]
        if out:
            # "Australia, Brunei, Canada and Japan": the parser may take a name of a list for an apposition of the
            # one before it (the first or a later one); a name of the same type standing there, with the list
            # going on, is one more item
            types = {m.type for m in out}
            holders, k = [tok, *conjuncts], 0
            while k < len(holders):
                holder, k = holders[k], k + 1
                for c in holder.children:
                    if c.dep_ == "appos" and c.i > holder.i and c.pos_ == "PROPN" and (c.conjuncts or conjuncts) \
                            and c not in conjuncts and any(m.type in types for m in self.denotes(c, depth)):
                        conjuncts += [c, *(x for x in c.conjuncts if x not in conjuncts)]
                        holders += [c, *c.conjuncts]
        for c in conjuncts:
            if c.i > tok.i or depth == 0:
                out += self.denotes(c, depth)
        return unique_mentions(out)

    def subj_of_clause(self, tok) -> list[Mention]:
        """What 'its'/'their' refers to: the subject of the clause the pronoun stands in."""
        if getattr(self, "_resolving", False):
            return []
        self._resolving = True
        try:
            judged = self._judged(tok.head.head)  # "Peru punished Chile for its tariffs": Chile's
            if judged:
                return judged
            # (never the phrase the pronoun stands in: "X said its subsidiary, Y, will ..." is X's, not Y's)
            phrase = list(tok.head.subtree)
            a, b = self.sv.start + phrase[0].idx, self.sv.start + phrase[-1].idx + len(phrase[-1].text)
            node = tok
            for _ in range(8):
                node = node.head
                if node.pos_ in ("VERB", "AUX"):
                    found = [m for m in self.subj(node) if m.type in ACTOR_TYPES and not a <= m.start < b]
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
    @_remembered
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
                elif not out and c.lower_ in ("it", "they") and verb.dep_ in ("relcl", "advcl"):
                    # "X opened a plant in Ohio, where it will make chips": it is the clause above's actor
                    head = verb.head
                    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
                        head = head.head
                    if head.pos_ in ("VERB", "AUX") and head.i != verb.i:
                        out += [m for m in self.subj(head, depth + 1) if m.type in ACTOR_TYPES]
        if out:
            return unique_mentions(out + self._along_with(verb, {m.type for m in out}))
        if agent:
            return []  # "tariffs on Korean cars imposed by <an unknown name>": the agent acts, not the goods' country
        if verb.dep_ == "xcomp" and verb.head.tag_ == "VBN" and verb.head.lemma_.lower() in FUNCTION_VERBS:
            # "the FTA is designed to replace X": what an instrument is made to do, it does
            made = [m for c in verb.head.children if c.dep_ == "nsubjpass" for m in self.denotes_list(c)
                    if m.type in ("Agreement", "Policy", "Law")]
            if made:
                return made
        if verb.dep_ in ("xcomp", "advcl", "ccomp") and verb.head.lemma_.lower() in OBJECT_CONTROL \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            # "I direct CFIUS to conduct a review": the one directed does it
            directed = [m for c in verb.head.children if c.dep_ == "dobj" for m in self.denotes_list(c)]
            if directed:
                return directed
        funded = self._funded(verb)
        if funded:
            return funded
        if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            announced = self._misattached_intent(verb)
            if announced:
                return announced
        if verb.dep_ in ("conj", "ccomp"):
            stranded = self._stranded_subject(verb)
            if stranded:
                return stranded
        if verb.dep_ == "conj" and not any(c.dep_ in ("auxpass", "agent") for c in verb.children) \
                and not misattached_conjunct(verb):
            # "Korea was exempted from the tariffs but is subject to a quota": conjoined verbs share the surface
            # subject, the first one's passive subject too (that one was patient only of the passive verb)
            shared = [m for c in verb.head.children if c.dep_ == "nsubjpass" for m in self.denotes_list(c)]
            if shared and not any(c.dep_ == "agent" for c in verb.head.children):
                return shared
        if verb.dep_ in ("pcomp", "advcl") and verb.tag_ == "VBG" and verb.i > verb.sent.start:
            # "in retaliation for the Trump administration announcing tariffs", "despite Japan imposing curbs": a
            # preposition's object right before the gerund is its subject (the parser may hang the gerund higher,
            # or make the phrase the gerund's own)
            noun = verb.doc[verb.i - 1]
            if noun.dep_ == "pobj" and noun.pos_ in ("NOUN", "PROPN") and (
                    verb.dep_ == "pcomp" or any(t.i == noun.i for c in verb.lefts for t in c.subtree)):
                actors = [m for m in self.denotes_list(noun) if m.type in ACTOR_TYPES and not m.adjective]
                if actors:
                    return actors
        if verb.dep_ in ("xcomp", "conj", "advcl", "ccomp", "pcomp") and verb.head.i != verb.i:
            head = verb.head.head if misattached_conjunct(verb) else verb.head
            if head.pos_ in ("VERB", "AUX"):
                return self.subj(head, depth + 1)
            if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.dep_ == "prep" \
                    and head.head.lower_ in ("including", "notably", "particularly", "especially") \
                    and head.head.head.pos_ in ("VERB", "AUX"):
                head = head.head  # "signed X to address Y, including by imposing tariffs": the clause's doer
            judged = self._judged(head) if verb.dep_ == "pcomp" else []
            if judged:  # "OFAC designated X for having provided support to Y": X provided it
                return judged
            if verb.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
                # "China responded by sanctioning X": China sanctions ("X took “action against the regime and those
                # who enable it” by imposing ...": the parser may hang the phrase from a verb inside the quotation)
                return self.subj(_outside_quotation(head) or head.head, depth + 1)
            if verb.dep_ == "pcomp":  # "the decision to withdraw": owner of the noun
                return self.owner(head.head if head.dep_ == "prep" else head)
        if verb.dep_ == "relcl":
            return self.denotes_list(verb.head)
        if verb.dep_ == "acl":
            if verb.tag_ == "VBG" or verb.lower_.endswith("ing"):
                return self.denotes_list(verb.head)
            if verb.head.pos_ in ("NOUN", "PROPN"):
                noun = verb.head
                own = self.owner(noun)
                infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
                if not own and noun.dep_ == "dobj" and noun.head.pos_ == "VERB" and infinitive:
                    # "X announced plans to build a plant", "X made a commitment to invest": X's own plan
                    return self.subj(noun.head, depth + 1)
                if not own and noun.dep_ == "pobj" and (noun.lemma_.lower() in PLAN_NOUNS or infinitive
                                                        and noun.lemma_.lower() in DEAL_NOUNS) \
                        and noun.head.head.pos_ == "VERB" and noun.head.lower_ in ("with", "on", "into"):
                    # "X and Y are moving forward with plans to build a mill", "X went ahead with its plan to ...",
                    # "X entered into an agreement to acquire Y"
                    return self.subj(noun.head.head, depth + 1)
                return own
        if verb.dep_ in ("dobj", "pobj", "attr") and verb.pos_ in ("NOUN", "PROPN"):
            return self.subj(verb.head, depth + 1)
        return []

    def _funded(self, verb) -> list[Mention]:
        """Who is given money to do what an infinitive says does it: "lent X $2 billion to build a plant", "announced
        a loan to X to help finance the construction of ...", "the closing of a loan to X to ..." (the firms the money
        goes to, not its giver)."""
        if verb.dep_ not in ("xcomp", "advcl", "acl") or not any(c.dep_ == "aux" and c.lower_ == "to"
                                                                 for c in verb.children):
            return []
        head = verb.head
        takers = [c for c in head.children if c.dep_ == "dative"] \
            if head.pos_ == "VERB" and head.lemma_.lower() in DATIVE_GIVING_VERBS else []
        # the money: the head itself, what it takes, or what it is "of" ("the closing of a loan")
        near = [head] + [c for c in head.children if c.dep_ == "dobj"]
        near += [p for n in near for c in n.children if c.dep_ == "prep" and c.lower_ == "of"
                 for p in c.children if p.dep_ == "pobj"]
        money = [n for n in near if n.pos_ == "NOUN" and n.lemma_.lower() in self.lex.benefits_for]
        if money:
            takers += [p for n in money + [head] for x in n.children if x.dep_ == "prep" and x.lower_ == "to"
                       and x.i < verb.i for p in x.children if p.dep_ == "pobj"]
        return [m for t in takers for m in self.denotes_list(t) if m.type == "Firm"]

    def _along_with(self, verb, types: set, after: int = -1) -> list[Mention]:
        """'Canada was a founding member of APEC, along with Australia and Japan', 'X, together with Y, signed ...':
        who is named "along with" the subject does what it does (names of the subject's kind only); with `after`,
        only a phrase past that token ("includes A and B along with C": the objects')."""
        hosts = [verb] + [c for c in verb.children if c.dep_ in ("attr", "dobj", "nsubj", "nsubjpass")]
        withs = [w for h in hosts for c in h.children for w in [c] + list(c.children)
                 if w.dep_ == "prep" and w.lower_ == "with" and w.i > max(0, after)
                 and w.doc[w.i - 1].lower_ in ("along", "together")]
        return [m for w in withs for p in w.children if p.dep_ == "pobj" for m in self.denotes_list(p)
                if m.type in types and not m.adjective]

    def _misattached_intent(self, verb) -> list[Mention]:
        """'X regretted Canada's announcement on Wednesday to tighten its quota': the parser may hang the infinitive
        from the main verb; right after a noun of intent that has an owner, the owner is who means to do it."""
        k = verb.left_edge.i - 1
        doc = verb.doc
        if k > 0 and doc[k].text == ",":
            k -= 1  # ("Canada's announcement on Wednesday, November 26, to tighten its quota")
        noun = next((doc[j] for j in range(k, max(-1, k - 6), -1) if doc[j].pos_ == "NOUN"
                     and doc[j].right_edge.i == k), None)
        if noun is None or noun.lemma_.lower() not in INTENT_NOUNS:
            return []
        return [m for m in self.possessor(noun) if m.type in ACTOR_TYPES]

    def _stranded_subject(self, verb) -> list[Mention]:
        """'X is a party to the CPTPP and Peru is a member of APEC': the parser may join the second clause's subject
        to the first clause's object; the name right after the "and" that opens the clause is its subject."""
        doc = verb.doc
        k = verb.i - 1
        while k > 0 and doc[k].head.i == verb.i and doc[k].dep_ in ("advmod", "aux", "auxpass", "neg"):
            k -= 1  # "and Peru also is", "and Peru has since joined"
        t = doc[k]
        if t.dep_ != "conj" or t.head.i == verb.head.i or t.head.i >= t.i:
            return []
        first = min((x.i for x in t.subtree), default=t.i)
        if first == 0 or doc[first - 1].dep_ != "cc":
            return []
        return [m for m in self.sv.tok_mentions.get(t.i, []) if m.type in ACTOR_TYPES and not m.adjective]

    @_remembered
    def owner(self, noun) -> list[Mention]:
        poss = self.possessor(noun)
        if poss:
            return poss
        if noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.lemma_.lower() in PLAN_NOUNS:
            plan = noun.head.head  # "X unveiled plans for a factory in Texas": the plan's, its maker's factory
            got = self.owner(plan) or (self.subj(plan.head) if plan.dep_ == "dobj" else [])
            if got:
                return got
        if noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.pos_ in ("PROPN", "NOUN") \
                and noun.lemma_.lower() in ("headquarters", "office", "base"):
            # "X, with headquarters in Seoul,", "The manufacturer, with headquarters in Seoul,": the firm the
            # phrase describes
            got = [m for m in self.denotes_list(noun.head.head) if m.type == "Firm"]
            if got:
                return got
        building = building_of(noun)
        if building is not None and any(m.type == "Facility" for m in self.sv.tok_mentions.get(noun.i, [])):
            # "X's construction of a new plant": whose building, whose plant; "X began construction of a plant",
            # "to finance the construction of plants": the firm that undertakes it
            return self.owner(building) or ([m for m in self.subj(building.head) if m.type == "Firm"]
                                            if building.dep_ == "dobj" and building.head.lemma_.lower()
                                            in UNDERTAKING_VERBS else [])
        out = []
        children = list(noun.children)
        if noun.dep_ == "compound" and noun.head.pos_ == "PROPN" and not any(c.dep_ == "poss" for c in children):
            # "its subsidiary Andes Hydro": a noun that describes the name it stands before shares its owner
            children += [c for c in noun.head.children if c.dep_ == "poss"]
        for c in children:
            if c.dep_ == "poss":
                got = self.denotes_list(c)
                if not got and c.lower_ in ("its", "their", "his", "her"):
                    got = self.pronoun_owner(c)
                if not got and c.lower_ == "whose":
                    got = self._whose(noun)
                out += got
            elif c.dep_ in ("compound", "amod", "nmod") and c.i < noun.i:
                # (a country before a facility is where it stands, not whose it is: "a U.S. battery plant")
                facility = any(m.type == "Facility" for m in self.sv.tok_mentions.get(noun.i, []))
                out += [m for m in self.denotes_list(c) if m.type in ACTOR_TYPES
                        and not (facility and m.type == "Country")]
            elif c.dep_ == "prep" and c.lower_ in ("by", "from") and not (
                    c.lower_ == "from" and noun.lemma_.lower() in IMPORT_NOUNS) and not (  # imports "from" X come from X
                    c.lower_ == "from" and noun.dep_ == "dobj" and noun.head.lemma_.lower() in TAKING_VERBS) and not (
                    c.lower_ == "from" and noun.lemma_.lower() in EXEMPTING):
                # ("bought a stake in X from the bank": the bank sold it; "an exemption from the tariffs": what it
                # lifts, not whose it is)
                for p in c.children:
                    if p.dep_ == "pobj":
                        out += self.denotes_list(p)
            elif c.dep_ == "prep" and c.lower_ == "of" and not out and not self.of_is_object:
                # "a partnership of LG with GM", "the withdrawal of the United States" (not "the source of U.S.
                # imports": those are the buyer's)
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() not in IMPORT_NOUNS:
                        out += [m for m in self.denotes_list(p) if m.type in ACTOR_TYPES]
        return unique_mentions(out)

    def _whose(self, noun, types=ACTOR_TYPES) -> list[Mention]:
        """'X, whose products include Y', 'X is a conglomerate whose businesses include Y': the actor the relative
        clause is about (the noun it hangs from, or what that noun describes)."""
        verb = noun.head
        for _ in range(3):
            if verb.dep_ == "relcl" or verb.head.i == verb.i:
                break
            verb = verb.head
        if verb.dep_ != "relcl":
            return []
        about = verb.head  # (a nationality before it names no actor: "a South Korean conglomerate whose ...")
        named = [m for m in self.denotes_list(about) if m.type in types and not m.adjective]
        return named or [m for m in self.copula(about) if m.type in types]

    @_remembered
    def possessor(self, noun) -> list[Mention]:
        """'X’s $5 billion plant': the mention right before the possessive marker left of the noun."""
        doc = noun.doc
        j = noun.i - 1
        while j >= 0 and doc[j].dep_ in ("amod", "compound", "nummod", "quantmod", "nmod", "punct", "advmod",
                                          "npadvmod") \
                and doc[j].lower_ not in ("’s", "'s", "’", "'") and noun.i - j <= 8:
            j -= 1
        if j >= 1 and doc[j].lower_ in ("’s", "'s", "’", "'"):
            owner = doc[j - 1]
            got = self.denotes(owner)
            if got:
                return got + self._coordinated_possessors(got[0], joint=noun.pos_ == "NOUN")
        if j >= 0 and doc[j].lower_ in ("its", "their", "his", "her"):
            return self.pronoun_owner(doc[j])
        return []

    def pronoun_owner(self, pronoun) -> list[Mention]:
        """Whose 'its'/'their' is: the name the possessed noun is coordinated with ("KEPCO and its subsidiary KHNP"),
        else the subject of the clause the pronoun stands in."""
        if pronoun.head.dep_ == "conj" and pronoun.head.head.i < pronoun.i:
            got = [m for m in self.denotes(pronoun.head.head) if m.type in ACTOR_TYPES]
            if got:
                return got
        noun = pronoun.head
        if noun.dep_ == "pobj" and noun.head.lower_ in ("over", "about", "regarding", "concerning"):
            # "Peru filed a complaint against Chile at the WTO over its steel tariffs": what is complained of is the
            # one complained against's
            near = [noun.head.head, noun.head.head.head]
            near += [c for h in near for c in h.children if c.dep_ == "dobj"]  # ("filed a complaint against X")
            got = [m for h in near for c in h.children if c.dep_ == "prep" and c.lower_ == "against" and c.i < noun.i
                   for p in c.children if p.dep_ == "pobj" for m in self.denotes_list(p) if m.type in ACTOR_TYPES]
            if got:
                return got
        return self.subj_of_clause(pronoun)

    def _coordinated_possessors(self, last: Mention, joint: bool = False) -> list[Mention]:
        """'Velkor's and Tarsk's plants', 'Velkor and Tarsk's joint plant': the possessors coordinated before the last
        one (the parser rarely links them); `joint`: the owned noun is a common one, which "A and B's" may share
        ("Codelco and Norway's Hydro" names two firms)."""
        out: list[Mention] = []
        edge = last.start - self.sv.start
        while True:
            shared = r"|\s+and\s+" if joint and not out else ""  # (the one right before may share the last "'s")
            mt = re.search(r"(?:[’']s?,?\s+(?:and\s+)?" + shared + r")$", self.sv.text[max(0, edge - 12):edge])
            prev = next((m for m in self.sv.mentions if mt and m.end - self.sv.start == edge - len(mt.group(0))
                         and m.type == last.type), None)
            if prev is None or len(out) >= 5:
                return out
            out.append(prev)
            edge = prev.start - self.sv.start

    @_remembered
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
        while node is noun and node.dep_ == "conj" and node.pos_ == "NOUN" and node.head.pos_ == "NOUN" \
                and node.head.i < node.i and node.head.dep_ in ("attr", "dobj", "oprd", "conj"):
            node = noun = node.head  # "X is a party to A and a member of B": the second noun's clause is the first's
        if node is not noun and node.lemma_.lower() in QUANTITY_NOUNS:
            noun = node  # "took a number of countermeasures": the quantity stands for the measures
        elif node is not noun and node.lemma_.lower() in self.lex.phase_nouns and noun.head.lower_ == "of" \
                and not any(c.dep_ == "poss" for c in node.children):
            # "X and Y welcomed the conclusion of negotiations on Z": a stage of the act is the act
            return self.noun_subj(node)
        if node is not noun and node.pos_ in ("NOUN", "PROPN"):
            return []
        if node is not noun and (node.like_num or node.ent_type_ == "MONEY") and node.dep_ in ("dobj", "nsubjpass") \
                and node.head.pos_ in ("VERB", "AUX"):
            return self.subj(node.head)  # "X announced $100 million in new investments": the sum is the verb's
        if node.dep_ in ("dobj", "attr", "nsubjpass", "oprd") or node is not noun:
            head = node.head if node is noun else node
            if head.pos_ in ("VERB", "AUX"):
                return self.subj(head)
        return []

    def copula(self, tok) -> list[Mention]:
        """'X became the largest investor', 'X was a target of ...', 'X is the destination for ...'; and the other
        way round, 'Signatories of the CPTPP include Mexico, Peru and Vietnam': the list names them."""
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in LISTING_VERBS:
            return [m for c in tok.head.children if c.dep_ in ("dobj", "attr") for m in self.denotes_list(c)]
        node = tok
        for _ in range(5):
            if node.dep_ in ("attr", "acomp", "oprd") and node.head.lemma_ in COPULAS:
                return self.subj(node.head)
            if node.dep_ == "prep" and node.lower_ == "among" and node.head.lemma_ in COPULAS:
                return self.subj(node.head)  # "Chile is among the signatories of X"
            if node.dep_ == "prep" and node.lower_ == "as" and node.head.pos_ == "VERB" \
                    and node.head.lemma_.lower() in MADE_AS:
                # "X was incorporated as a subsidiary of Y", "X operates as a unit of Y": what the verb makes X
                return [m for c in node.head.children if c.dep_ in ("nsubj", "nsubjpass") for m in self.denotes_list(c)]
            if node.dep_ == "prep" and node.lower_ == "as" and node.head.pos_ == "VERB" and any(
                    c.dep_ == "dobj" and c.i < node.i for c in node.head.children):
                # "welcome Bolivia as the pact's first new member", "admitted X as a party": what the verb's object
                # is taken as
                return [m for c in node.head.children if c.dep_ == "dobj" and c.i < node.i
                        for m in self.denotes_list(c)]
            if node.dep_ == "prep" and node.lower_ == "as" and node.head.pos_ in ("VERB", "AUX") and any(
                    c.dep_ in ("nsubj", "nsubjpass") and c.i > node.i for c in node.head.children):
                # "As a member of NATO, Norway must ...": what the clause's subject is, said before it
                return [m for c in node.head.children if c.dep_ in ("nsubj", "nsubjpass") for m in self.denotes_list(c)]
            if node is not tok and node.dep_ == "nsubj" and node.head.lemma_.lower() in LISTING_VERBS \
                    and tok.dep_ == "compound" and node.lemma_.lower() in MEMBER_NOUNS:
                # "the WTO's member countries include Chile": the list names them
                return [m for c in node.head.children if c.dep_ in ("dobj", "attr") for m in self.denotes_list(c)]
            if node.dep_ in ("pobj", "prep", "compound", "amod", "appos") and node.head.i != node.i:
                node = node.head
                continue
            if node.dep_ == "conj" and node.pos_ == "NOUN" and node.head.pos_ == "NOUN" and node.head.i < node.i:
                node = node.head  # "X is a party to A and a member of B": the second noun is said of X too
                continue
            break
        return []

    def origin(self, tok) -> list[Mention]:
        """Whose goods a trade verb or noun moves, by their nationality: 'Korea imports U.S. beef', 'purchases
        of American LNG', 'the largest importer of U.S. LNG'."""
        goods = [c for c in tok.children if c.dep_ == "dobj"]
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ == "NOUN":
            goods.append(tok.head)  # "Peruvian goods imported to Chile": the goods the participle describes
        goods += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                  if p.dep_ == "pobj"]
        # "bought $30 billion of Korean cars", "imported 2 million tons of U.S. grain": past the quantity
        goods += [p for g in list(goods) for p in _counted(g)]
        # "purchase $8 billion in U.S. farm goods": a sum's "in" names the goods it buys (common nouns: not "in Ohio")
        # (the parser may hang the "in" from the verb, right after the sum)
        goods += [p for g in list(goods) if g.ent_type_ == "MONEY"
                  for c in list(g.children) + [x for x in tok.children if x.i == g.i + 1]
                  if c.dep_ == "prep" and c.lower_ == "in" for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"]
        goods += [g for x in list(goods) for g in x.conjuncts]
        goods = [g for g in goods if g.lemma_.lower() not in self.lex.group_nouns]  # "bought American firms"
        # "restricted imports of steel from Korea": imports come from their "from" (their nationality, "U.S.
        # imports", is the buyer's)
        flows = [g for g in goods if g.lemma_.lower() in IMPORT_NOUNS]
        out = [m for g in flows for c in g.children if c.dep_ == "prep" and c.lower_ == "from"
               for p in c.children if p.dep_ == "pobj" for m in self.denotes_list(p) if m.type == "Country"]
        # ("bans imports of Chilean steel": the goods a flow is "of" are Chile's)
        goods += [p for g in flows for c in g.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() not in self.lex.group_nouns]
        out += [replace(m, adjective=False) for g in goods if g not in flows for c in g.children
                if c.dep_ in ("compound", "amod", "nmod", "poss") for m in self.denotes(c) if m.type == "Country"]
        # "purchase $100 billion of U.S. liquefied natural gas": the parser may end the counted phrase at the
        # nationality, the goods' words after it hung elsewhere
        out += [replace(m, adjective=False) for g in goods for p in _counted(g)
                if p.i + 1 < len(p.doc) and p.doc[p.i + 1].is_lower and p.doc[p.i + 1].head.i != p.i
                and (p.doc[p.i + 1].pos_ in ("ADJ", "NOUN") or p.doc[p.i + 1].dep_ in ("amod", "compound"))
                for m in self.denotes(p) if m.type == "Country"]
        return unique_mentions(out)  # (the adjective is the origin: "Korea imports U.S. beef")

    def goods_reached(self, tok) -> list[Mention]:
        """'the tariff applies to Norwegian and Chilean steel', 'applies to goods from Norway', 'covers solar panels
        from Chile': the countries whose goods the verb's object or "to/on" phrase names (their nationality or
        their "from")."""
        goods = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "on") for p in c.children
                 if p.dep_ == "pobj" and p.pos_ == "NOUN"] + [c for c in tok.children if c.dep_ == "dobj"
                                                              and c.pos_ == "NOUN"]
        goods += [g for x in list(goods) for g in x.conjuncts if g.pos_ == "NOUN"]
        # (the parser may hang the goods' "from" on the verb)
        return unique_mentions([m for g in goods for m in self.goods_origins(g)] + (self._from_countries(tok)
                                                                                      if goods else []))

    def goods_origins(self, noun) -> list[Mention]:
        """'imports from Canada and Mexico', 'Norwegian and Chilean steel': the countries goods come from (by their
        "from" or their nationality)."""
        out = [m for c in noun.children if c.dep_ in ("amod", "compound", "nmod", "poss")
               for x in [c, *c.conjuncts] for m in self.denotes(x) if m.type == "Country"]
        return unique_mentions([replace(m, adjective=False) for m in out] + self._from_countries(noun))

    def _from_countries(self, tok) -> list[Mention]:
        return [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children
                if p.dep_ == "pobj" for m in self.denotes_list(p) if m.type == "Country"]

    def destination(self, tok) -> list[Mention]:
        """'restricted exports of advanced chips to China': where the goods a verb stops would go (and the goods, where
        the parse puts them after the place)."""
        flows = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in EXPORT_NOUNS]
        if not flows:
            return []
        # (the parser may hang the flow's "to" from the verb: "restricted exports of chips | to China")
        preps = [c for f in flows for c in f.children if c.dep_ == "prep" and c.lower_ == "to"]
        preps += [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"]
        places = [p for c in preps for p in c.children if p.dep_ == "pobj"]
        # ("prohibited the export to Peru of luxury goods": the parser hangs the goods' "of" from the place)
        goods = [g for p in places for c in p.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"]
        return unique_mentions([m for p in places for m in self.denotes_list(p) if m.type == "Country"]
                               + [m for g in goods for m in self.denotes_list(g) if m.type == "Sector"])

    def barred_act(self, tok) -> list[Mention]:
        """'restricts recipients from expanding chip capacity in countries of concern, including Peru': what the
        act a verb bars someone "from" doing is on - its goods and the places it would be done in."""
        acts = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" for p in c.children
                if p.dep_ == "pcomp" and p.pos_ == "VERB"]
        out = []
        for act in acts:
            span = list(act.subtree)
            a, b = self.sv.start + span[0].idx, self.sv.start + span[-1].idx + len(span[-1].text)
            out += [m for m in self.sv.mentions if a <= m.start and m.end <= b and not m.adjective
                    and m.type in ("Country", "Sector", "Firm")]
        return unique_mentions(out)

    def patient_owner(self, tok) -> list[Mention]:
        """'Chilean copper is exported to Peru', 'half of Chile's barley was shipped to Peru': whose goods a passive
        verb moves (the country owning its subject, or what its subject counts)."""
        if not any(c.dep_ == "auxpass" for c in tok.children) or any(c.dep_ == "agent" for c in tok.children):
            return []
        goods = [c for c in tok.children if c.dep_ == "nsubjpass"]
        goods += [k for g in list(goods) for k in g.conjuncts]
        goods += [p for g in list(goods) for p in _counted(g)]
        return unique_mentions([m for g in goods for c in g.children if c.dep_ in ("poss", "amod", "compound", "nmod")
                                for m in self.sv.tok_mentions.get(c.i, []) if m.type == "Country"])

    def goods_owner(self, tok) -> list[Mention]:
        """'Japan supplies 90 percent of Norway's photoresists': whose goods a supplier provides (the buyer)."""
        goods = [c for c in tok.children if c.dep_ == "dobj"]
        if not goods:  # "most of Korea's LNG comes from Qatar": what comes is the subject
            goods = [c for c in tok.children if c.dep_ == "nsubj"]
        goods += [p for g in list(goods) for p in _counted(g) + (
            [x for c in g.children if c.dep_ == "prep" and c.lower_ == "of" for x in c.children if x.dep_ == "pobj"]
            if g.lower_ in ("most", "much", "all", "some", "bulk", "part") else [])]
        return [m for g in goods for c in g.children if c.dep_ == "poss" for m in self.denotes(c)
                if m.type == "Country" and not m.adjective]

    def control_of(self, tok) -> list[Mention]:
        """'control of the yard passed to Aker', 'Aker took control of the yard': what the control is over."""
        out = []
        for c in tok.children:
            if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.lemma_.lower() in CONTROL_NOUNS:
                # (or the parser hangs the "of" from the verb, right after the noun: "took control | of X")
                ofs = [x for x in c.children if x.dep_ == "prep" and x.lower_ in ("of", "over")] + [
                    x for x in tok.children if x.dep_ == "prep" and x.lower_ in ("of", "over")
                    and x.i == c.right_edge.i + 1]
                out += [m for x in ofs for p in x.children if p.dep_ == "pobj" for m in self.denotes_list(p)]
        # (the parser may hang the verb from what is controlled: "control of the yard | passed to Aker")
        if tok.dep_ == "acl" and tok.head.dep_ == "pobj" and tok.head.head.lower_ in ("of", "over") \
                and tok.head.head.head.lemma_.lower() in CONTROL_NOUNS:
            out += self.denotes_list(tok.head)
        return unique_mentions(out)

    def relied_on(self, tok) -> list[Mention]:
        """'Korea relies on Japan for 90 percent of its photoresists', 'depends on Japanese chemicals': who supplies
        the goods a country depends on (goods named by a sector or as supplies: not 'for its security')."""
        ons = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
               for p in c.children if p.dep_ == "pobj"]
        fors = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                for p in c.children if p.dep_ == "pobj"]

        def goods(t) -> bool:
            span = list(t.subtree)
            a, b = self.sv.start + span[0].idx, self.sv.start + span[-1].idx + len(span[-1].text)
            return any(m.type == "Sector" and a <= m.start < b for m in self.sv.mentions) or any(
                x.lemma_.lower() in SUPPLY_NOUNS for x in span)
        out = []
        for p in ons:
            named = [m for m in self.denotes_list(p) if m.type == "Country" and not m.adjective]
            if named and any(goods(f) or _quantity(f) for f in fors):  # ("for 90 percent of its photoresists")
                out += named
            elif not named and goods(p):  # "relies on Japanese photoresists": the goods' nationality
                out += [replace(m, adjective=False) for c in p.children if c.dep_ in ("amod", "compound", "nmod")
                        for m in self.denotes(c) if m.type == "Country"]
        return unique_mentions(out)

    def share_of(self, tok) -> list[Mention]:
        """'Korea accounted for 10 percent of U.S. steel imports', 'China made up a quarter of Korea's exports':
        who holds the share of the trade flow the trigger names."""
        node = tok.head
        if tok.dep_ != "pobj" or node.lower_ != "of":
            return []
        share = node.head
        if not (share.like_num or share.lower_ in SHARE_WORDS or any(
                c.like_num or c.lower_ in SHARE_WORDS for c in share.children)):
            return []
        verb = share.head.head if share.dep_ == "pobj" else share.head
        if verb.lemma_.lower() not in SHARE_VERBS:
            return []
        return [m for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for m in self.denotes_list(c)]

    def listing_owner(self, tok) -> list[Mention]:
        """'the WTO, whose members include Chile and Peru', 'the Pact's signatories are A and B', 'the WTO's member
        countries include Chile': a noun whose clause lists who holds it belongs to what they hold."""
        if tok.dep_ == "compound" and tok.head.lemma_.lower() in MEMBER_NOUNS:
            tok = tok.head
        if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in LISTING_VERBS and self.copula(tok):
            whose = any(c.dep_ == "poss" and c.lower_ == "whose" for c in tok.children)
            return self._whose(tok, types=HELD_TYPES) if whose else self.owner(tok)  # (an agreement's parties too)
        return []

    def held_in_modifier(self, tok) -> list[Mention]:
        """'Chile is a WTO member', 'Chile, a WTO member,', 'welcomed Peru as the pact's newest member': the body
        or pact a member noun is modified by, where the clause names who the member is, is what they belong to
        (not an owner; "WTO members agreed" is the WTO's doing)."""
        if tok.lemma_.lower() != "member" or not (self.copula(tok) or self.appos(tok)):
            return []
        return [m for c in tok.children if c.dep_ in ("compound", "nmod", "poss") and c.i < tok.i
                for m in self.denotes_list(c) if m.type == "InternationalOrganization"
                or m.type == "Agreement" and c.dep_ == "poss"]

    def _colon_list(self, tok) -> list[Mention]:
        """'composed of 14 countries and the EU: Australia, Canada, ...': the names a colon lists after a counted
        group (and what is coordinated with it), up to a semicolon or the sentence's end (read from the words: the
        parser hangs such lists anywhere)."""
        if not any(c.dep_ == "nummod" for c in tok.children):
            return []
        rest = self.sv.text[tok.idx + len(tok.text):]
        mt = re.match(r"(?:\s+and\s+(?:the\s+)?[\w.]+(?:\s+[\w.]+)?)?\s*:\s+", rest)
        if mt is None:
            return []
        a = self.sv.start + tok.idx + len(tok.text) + mt.end()
        b = self.sv.start + tok.idx + len(tok.text) + (rest.find(";") if ";" in rest else len(rest))
        return [m for m in self.sv.mentions if a <= m.start and m.end <= b and not m.adjective
                and m.type in ("Country", "InternationalOrganization", "Firm")]

    def examples(self, tok, depth: int = 0) -> list[Mention]:
        """'38 members, including Chile and Norway', 'members such as Chile', 'online platforms like X': the ones
        the noun's list names."""
        return [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("including", "like", "as", "such")
                for p in c.children if p.dep_ == "pobj" for m in self.denotes_list(p, depth)]

    def haver(self, tok) -> list[Mention]:
        """'The OECD has 38 members', 'the bloc counts ten members': whose the noun is, as what it has."""
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("have", "count", "comprise", "number"):
            return self.subj(tok.head)
        return []

    def fellow(self, tok) -> list[Mention]:
        """'X notified the other TPP signatories', 'X and its fellow members': X holds the role too."""
        if any(c.dep_ == "amod" and c.lower_ in ("other", "fellow") for c in tok.children):
            return self.noun_subj(tok)
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
        if tok.tag_ != "VBN" or any(c.dep_ == "agent" for c in tok.children):
            return []
        if tok.dep_ == "acl":
            return self.denotes_list(tok.head)
        return [m for c in tok.children if c.dep_ == "nsubjpass" for m in self.denotes_list(c)]  # "X is located in Y"

    def passive_subject(self, tok) -> list[Mention]:
        """'X and Y are bound by the treaty': what the passive verb's subject names, whatever its agent."""
        if tok.tag_ != "VBN":
            return []
        return [m for c in tok.children if c.dep_ == "nsubjpass" for m in self.denotes_list(c)]

    def agent(self, tok) -> list[Mention]:
        """'bound by the treaty': what the passive's "by" names (the parser may hang it from a rate inside the
        clause: "was hit with duties of 12 percent by the Commerce Department")."""
        out = [m for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
               for m in self.denotes_list(p)]
        if not out and any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
            out = [m for c in tok.subtree if c.dep_ == "prep" and c.lower_ == "by" and c.head.i != tok.i
                   and (c.head.lower_ in ("percent", "%") or c.head.like_num)
                   for p in c.children if p.dep_ == "pobj" for m in self.denotes_list(p)
                   if m.type in ("Country", "GovernmentBody", "Person", "InternationalOrganization")]
        return out

    def destination_of(self, noun) -> list[Mention]:
        """'most Chilean investment in the U.S. went to Texas', 'half of Chilean investments were in Texas': where the
        noun (or a share of it) is said to go or be."""
        node = noun
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.dep_ == "nsubj" and (
                node.head.head.like_num or node.head.head.lemma_.lower() in SHARE_WORDS):
            node = node.head.head  # ("half of ...", "a third of ...": the share goes where its whole goes)
        verb = node.head
        if node.dep_ != "nsubj" or verb.lemma_.lower() not in GOING_VERBS:
            return []
        return [m for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "to", "into")
                for p in c.children if p.dep_ == "pobj" for m in self.denotes_list(p)
                if m.type in ("USState", "Country")]

    def sector_place(self, tok) -> list[Mention]:
        """'invest $4 billion in U.S. manufacturing', 'into Korean shipbuilding': the country whose industry money
        goes into."""
        out = []
        # (the parser may hang the "in" from the sum: "invest $4 billion | in U.S. manufacturing")
        heads = [tok] + [c for c in tok.children if c.dep_ == "dobj"]
        for c in (c for h in heads for c in h.children):
            if c.dep_ == "prep" and c.lower_ in ("in", "into"):
                for p in c.children:
                    if p.dep_ == "pobj" and any(m.type == "Sector" for m in self.sv.tok_mentions.get(p.i, [])):
                        out += [m for x in p.children if x.dep_ in ("compound", "amod", "nmod") and x.i < p.i
                                for m in self.sv.tok_mentions.get(x.i, []) if m.type == "Country"]
        return out

    def with_place(self, tok) -> list[Mention]:
        """'to produce batteries in Kentucky and Tennessee with a combined investment of $11.4 billion': the places
        of the deed a "with" phrase's investment pays for (the verb's "in", or its object's)."""
        if not (tok.dep_ == "pobj" and tok.head.lower_ == "with" and tok.head.head.pos_ == "VERB"):
            return []
        verb = tok.head.head
        heads = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
        return [m for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
                for p in c.children if p.dep_ == "pobj" for m in self.denotes_list(p)
                if m.type in ("USState", "Country") and not m.adjective]

    def for_owner(self, tok) -> list[Mention]:
        """'the largest export market for U.S. farm products': whose goods the market takes."""
        node = tok.head if tok.dep_ == "compound" else tok
        for c in node.children:
            if c.dep_ == "prep" and c.lower_ == "for":
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() not in INVESTMENT_NOUNS:  # (FDI is no goods)
                        return [m for m in self.owner(p) + self.denotes_list(p) if m.type in ACTOR_TYPES]
        return []

    def imports_of(self, tok) -> list[Mention]:
        """'China is the largest source of U.S. imports', 'the supplier of a third of Japan's imports': who imports
        what the noun supplies (through one more "of": "a third of")."""
        def of_object(node):
            return next((p for c in node.children if c.dep_ == "prep" and c.lower_ == "of"
                         for p in c.children if p.dep_ == "pobj"), None)

        node = of_object(tok)
        if node is not None and node.lemma_.lower() not in IMPORT_NOUNS:
            node = of_object(node)
        if node is None or node.lemma_.lower() not in IMPORT_NOUNS:
            return []
        return [m for m in self.owner(node) if m.type in ("Country", "Firm")]

    def investor_of(self, tok) -> list[Mention]:
        """'the top destination for Korean FDI', 'the largest recipient of Japanese investment': whose investment
        the noun receives."""
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "of"):
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() in INVESTMENT_NOUNS:
                        return [m for m in self.owner(p) if m.type in ("Country", "Firm")]
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
            if node.dep_ == "dobj" and node.head.lemma_ in GIVING:
                # "Chile granted Peru an exemption": who is given it, not the giver; "Peru was granted an exemption"
                verb = node.head
                given = [c for c in verb.children if c.dep_ in ("dative", "nsubjpass")]
                # "granted an exemption from the tariffs to Canada": the "to" may hang from the verb or the noun
                given += [p for c in list(verb.children) + list(node.children) if c.dep_ in ("prep", "dative")
                          and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
                return [m for c in given for m in self.denotes_list(c)
                        if m.type in ("USState", "Country", "Firm", "Facility")]
            if node.dep_ in ("dobj", "nsubjpass") and node.head.lemma_ in receive:
                return [m for m in self.subj(node.head) if m.type in ("USState", "Country", "Firm", "Facility")]
            node = node.head
        return []

    def means_target(self, tok) -> list[Mention]:
        """'Japan retaliated by restricting exports to South Korea': the target of the means."""
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "by":
                for p in c.children:
                    # (the parser may take the gerund for an adjective: "by halting | investment in X")
                    if p.dep_ == "pcomp" or p.dep_ == "pobj" and any(
                            x.dep_ == "amod" and x.tag_ == "VBG" and x.i == p.i - 1 for x in p.children):
                        a = self.sv.start + min(t.idx for t in p.subtree)
                        b = self.sv.start + max(t.idx + len(t.text) for t in p.subtree)
                        # (or whose goods or firms it hits: "by banning imports of Japanese seafood")
                        return [replace(m, adjective=False) for m in self.sv.mentions
                                if m.type == "Country" and a <= m.start < b
                                and (m.adjective or re.search(r"\b(?:to|against|on|from|in)\s+(?:the\s+)?$",
                                                              self.sv.text[:m.start - self.sv.start]))]
        return []

    def experiencer(self, tok) -> list[Mention]:
        """'Having experienced Chinese retaliation, South Korea ...': who suffers the noun's action."""
        if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_ in ("experience", "suffer", "face", "endure",
                                                                     "undergo", "receive", "absorb", "weather"):
            return [m for m in self.subj(tok.head) if m.type in ACTOR_TYPES]
        return []

    def chamber(self, tok) -> list[Mention]:
        """'X was passed in the South Korean parliament', 'approved in the National Assembly': the chamber a verb
        with no agent happened in acts (as the country, or the body)."""
        return [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in self.lex.chamber_nouns
                for m in self.denotes_list(p) if m.type in ("Country", "GovernmentBody")]

    def appos(self, tok) -> list[Mention]:
        """What a noun stands beside: 'Hanwha Ocean, a unit of Hanwha Group,' and, the other way round, 'Hanwha
        Group's shipbuilding unit, Hanwha Ocean,'."""
        if tok.dep_ == "appos":  # (a plural one beside a list stands beside all of it: "A, B and C, the members
            # of X,")
            return self.denotes_list(tok.head) if tok.tag_ == "NNS" else self.denotes(tok.head)
        if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.pos_ == "NOUN":
            # "its subsidiary Andes Hydro Company": the name the noun stands before, as if beside it
            return [m for m in self.denotes(tok.head) if not m.start <= self.sv.start + tok.idx < m.end]
        return [m for c in tok.children if c.dep_ == "appos" and c.i > tok.i for m in self.denotes_list(c)]

    # object-like roles ----------------------------------------------------------------------
    @_remembered
    def dobj(self, tok) -> list[Mention]:
        out = []
        passive = tok.tag_ == "VBN" and any(c.dep_ in ("auxpass", "agent") for c in tok.children)
        if tok.dep_ == "relcl" and any((c.dep_ == "dobj" or passive and c.dep_ == "nsubjpass")
                                       and c.lower_ in ("which", "that", "whom") for c in tok.children) \
                or object_gap(tok):
            # "the IPEF, which South Korea joined", "the pact, which was signed by Chile and Peru", "the sanctions the
            # United States imposed"
            got = self.denotes_list(tok.head)
            noun = tok.head  # (the parser may hang the clause from the goods: "the restrictions on Peruvian
            # copper, which Chile imposed": the measure, not the copper, was imposed)
            if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in ("on", "against") \
                    and tok.lemma_.lower() in MEASURE_MAKING_VERBS:
                return [m for m in self.denotes_list(noun.head.head) if m.type == "Policy"] or got
            return got
        objects = [c.i for c in tok.children if c.dep_ == "dobj"]
        for c in tok.children:
            # ("imposing a 10 percent tariff on X, and a 25 percent tariff on Y": the parser may hang the second
            # object from the verb as a conjunct of its own)
            gapped = c.dep_ == "conj" and c.pos_ == "NOUN" and objects and c.i > objects[0] \
                and not any(x.dep_ in ("nsubj", "aux") for x in c.children)
            if c.dep_ in ("dobj", "attr", "oprd") or (passive and c.dep_ == "nsubjpass") or gapped:
                out += self.denotes_list(c)
                if not out and hyphenated_lemma(c) not in self.lex.undoing_nouns:
                    out += self.nested_of(c)  # (not through what undoes it: "announced the lifting of tariffs")
        if out and objects:  # ("a pact that includes Chile and Peru along with Brazil": all three)
            out += self._along_with(tok, {m.type for m in out}, after=objects[0])
        if not out and tok.dep_ == "conj" and tok.tag_ == "VBN" and not any(
                c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in tok.children) and any(
                c.dep_ == "auxpass" for c in tok.head.children):
            # "the deal was concluded in April and signed by the parties in June": the passive verbs share the
            # subject that undergoes them
            out += [m for c in tok.head.children if c.dep_ == "nsubjpass" for m in self.denotes_list(c)]
        if not out and not passive and tok.pos_ == "VERB" and [c.dep_ for c in tok.children if c.i > tok.i][:2] in (
                ["cc", "conj"], ["conj"]):
            # "Chile signed but did not ratify the accord", "signed, and later ratified, the pact": a verb with
            # nothing after it but its coordinated verb shares that verb's object
            out += [m for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > tok.i
                    for o in c.children if o.dep_ == "dobj" for m in self.denotes_list(o)]
        if not out and tok.dep_ == "acl" and tok.tag_ == "VBN":
            out += self.denotes_list(tok.head)
            # "Samsung is a trading company founded by Lee", "X began as a construction firm founded by Y": a
            # description is said of what it describes
            kind = "Firm" if tok.head.lower_ in self.lex.firm_cues else "InternationalOrganization" \
                if tok.head.lemma_.lower() in ORGANIZATION_NOUNS else self.lex.head_type(tok.head)
            if kind and not any(m.type == kind for m in out):
                out += [m for m in self.copula(tok.head) if m.type == kind]
            noun = tok.head  # "tariffs on Korean cars, imposed by Washington": the parser hangs the participle
            if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ in ("on", "against"):
                out += [m for m in self.denotes_list(noun.head.head) if m.type == "Policy"]  # from the goods
        if not out and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children) and (
                tok.dep_ == "acomp" or tok.dep_ == "acl" and tok.head.dep_ == "attr" and tok.head.lower_ in SHARE_WORDS) \
                and (tok.head if tok.dep_ == "acomp" else tok.head.head).lemma_ == "be":
            # "It is majority-owned by X", "It is 70 per cent owned by X": the parser makes the participle the
            # copula's complement (or hangs it from the share); what undergoes it is the copula's subject
            verb = tok.head if tok.dep_ == "acomp" else tok.head.head
            out += [m for c in verb.children if c.dep_ == "nsubj" for m in self.denotes_list(c)]
        if not out and tok.dep_ == "advcl" and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children) \
                and not any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for c in tok.children) \
                and tok.i > tok.head.i and tok.head.pos_ in ("VERB", "AUX"):
            # "The Velkor Group started as a firm in 1947, headed by its founder X": a passive participle after
            # the clause is said of the clause's subject
            out += [m for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") for m in self.denotes_list(c)]
        if not out and passive and tok.dep_ == "advcl" and tok.i == tok.sent.start:
            # "Negotiated by Chile and Peru, the Lima Pact entered into force in 2009": a participle that opens the
            # sentence is said of the main clause's subject
            out += [m for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") for m in self.denotes_list(c)]
        if not out and passive and tok.dep_ == "pcomp" and tok.head.dep_ == "prep" \
                and tok.head.lower_ in ("after", "before", "upon", "since", "once", "until") \
                and any(c.dep_ == "auxpass" and c.lower_ == "being" for c in tok.children):
            # "the pact entered into force after being ratified by X": the gerund is said of the main subject
            out += [m for c in tok.head.head.children if c.dep_ in ("nsubj", "nsubjpass") for m in self.denotes_list(c)]
        if not out:
            for c in tok.children:
                if c.dep_ == "xcomp":
                    for cc in c.children:
                        if cc.dep_ == "dobj":
                            out += self.denotes_list(cc)
        return unique_mentions(out)

    def nested_of(self, tok) -> list[Mention]:
        """'the renewal of the SMA', 'the implementation of X': look through one 'of'; '$39 billion in
        subsidies': an amount stands for what it is in."""
        amount = tok.like_num or tok.lower_ in ("billion", "million", "trillion", "$") or tok.tag_ == "$"
        # ("in retaliation for a nuclear test by Pyongyang": a deed stands for its doer)
        deed = tok.lemma_.lower() in DEED_NOUNS
        # (the doer of deeds listed together is named once: "a rocket launch and nuclear test by Pyongyang")
        for c in list(tok.children) + ([x for d in tok.conjuncts for x in d.children if x.lower_ == "by"] if deed
                                        else []):
            if c.dep_ == "prep" and (c.lower_ in ("of", "to") or (amount and c.lower_ == "in")
                                     or (deed and c.lower_ == "by")):
                for p in c.children:
                    if p.dep_ == "pobj":
                        return self.denotes_list(p)
        return []

    @_remembered
    def pp(self, tok, preps: set[str], depth: int = 0) -> list[Mention]:
        out = []
        if "in" in preps:  # "will invest $17 billion there": the place "there" stands for
            out += [m for c in tok.children if c.dep_ == "advmod" and c.lower_ == "there"
                    for m in self.sv.tok_mentions.get(c.i, []) if m.type in ("USState", "Country")]
        if depth == 0 and tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "attr"):
            # "opened a plant in Bryan County, Georgia", "became a party to the Treaty on the ...": the parser hangs
            # the noun's preposition, right after it, from the verb
            for c in tok.head.children:
                if c.dep_ == "prep" and c.i == tok.i + 1 and c.lower_ in preps:
                    for p in c.children:
                        if p.dep_ == "pobj" and not _complex_preposition(c, p):
                            out += self.denotes_list(p) or self._place_of(p)
        if depth == 0 and tok.pos_ == "NOUN" and tok.dep_ == "conj" and tok.head.pos_ == "NOUN" \
                and tok.head.i < tok.i:
            # "the largest manufacturer and supplier to GM and Ford": the parser hangs the phrase after the last
            # of two coordinated nouns from the first
            out += [m for c in tok.head.children if c.dep_ == "prep" and c.lower_ in preps and c.i > tok.i
                    for p in c.children if p.dep_ == "pobj" for m in self.denotes_list(p)]
        if depth == 0 and tok.dep_ == "attr" and tok.head.dep_ == "relcl":
            # "the Convention, to which Chile and Peru are parties": the clause's fronted "to which" is the noun's,
            # and "which" is what the clause describes
            out += [m for c in tok.head.children if c.dep_ == "prep" and c.lower_ in preps and c.i < tok.head.i
                    and any(p.dep_ == "pobj" and p.lower_ in ("which", "whom") for p in c.children)
                    for m in self.denotes_list(tok.head.head)]
        if depth == 0 and tok.pos_ in ("NOUN", "PROPN"):
            # "X's investment of $3.87 billion in West Lafayette, Indiana": the place hangs from the amount
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for p in c.children:
                        if p.dep_ == "pobj" and (p.like_num or p.lower_ in ("billion", "million", "trillion", "$")
                                                 or p.tag_ == "$"):
                            out += self.pp(p, preps, 1)
        if depth == 0 and tok.dep_ == "compound" and tok.head.lemma_.lower() in PROCEDURE_NOUNS:
            # "its ratification process for the X", "the ratification procedures of the X": the act's own phrases
            out += self.pp(tok.head, preps | {"for"} if "of" in preps else preps, 1)
        if depth == 0 and tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and tok.head.lemma_ == "be":
            # "its investment would be $45 billion in Texas": the copula's amount holds the noun's phrases
            out += [m for c in tok.head.children if c.dep_ == "attr" and _quantity(c) for m in self.pp(c, preps, 1)]
        if depth == 0 and tok.pos_ in ("NOUN", "PROPN"):
            # "the investment by SK Siltron in Bay City, Michigan": the place hangs from the investor
            for c in tok.children:
                if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            out += self.pp(p, preps, 1)
        if depth == 0 and tok.pos_ in ("VERB", "AUX"):
            for c in tok.children:  # "invested $2 billion to expand its plant in Georgia"
                if c.dep_ == "agent":  # "to be built by Velkor in Ohio": the parser hangs the place from the agent
                    out += [m for p in c.children if p.dep_ == "pobj" for m in self.pp(p, preps, 1)]
                if c.dep_ in ("xcomp", "advcl") and c.i > tok.i:
                    out += self.pp(c, preps, 1)
                elif c.dep_ == "conj" and c.pos_ not in ("VERB", "AUX") and c.i > tok.i:
                    out += self.pp(c, preps, 1)  # gapping: "invested $1 billion in A and $2 billion in B"
                elif c.dep_ == "dobj" and not ("of" in preps and hyphenated_lemma(c) in self.lex.undoing_nouns):
                    # (not through what undoes its "of": "announced a phase-out of tariffs" imposes none)
                    out += self.pp(c, preps, 1)
                    # "imports 90 percent of its chips from Japan": the goods' own "from"
                    out += [m for p in _counted(c) for m in self.pp(p, preps, 1)]
                    for cc in c.conjuncts:  # "invested $1 billion in A and $2 billion in B"
                        if cc.i > c.i:
                            out += self.pp(cc, preps, 1)
        children = list(tok.children)
        if depth == 0 and tok.pos_ == "VERB":  # "pulled out of the TPP", "walked away from": past the particle
            children += [x for c in children if _particle(tok, c) for x in c.children]
        if "in" in preps and tok.pos_ == "NOUN" and self.lex.head_type(tok) == "Facility":
            # "a plant for EV batteries in Ohio": the parser hangs the plant's place from its goods
            out += [m for c in children if c.dep_ == "prep" and c.lower_ in ("for", "of")
                    for p in c.children if p.dep_ == "pobj" for x in p.children if x.dep_ == "prep" and x.lower_ == "in"
                    for q in x.children if q.dep_ == "pobj"
                    for m in self.denotes_list(q) + self._place_of(q) if m.type in ("USState", "Country")
                    and not m.adjective]
            if tok.dep_ == "dobj" and not any(c.dep_ == "prep" and c.lower_ == "in" for c in children):
                # "build a plant for batteries | in Ohio": or from the verb that makes it
                out += [m for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "in" and c.i > tok.i
                        for q in c.children if q.dep_ == "pobj"
                        for m in self.denotes_list(q) + self._place_of(q) if m.type in ("USState", "Country")
                        and not m.adjective]
        for c in children:
            if c.dep_ in ("prep", "dative", "agent") and c.lower_ in preps:
                for p in c.children:
                    # (a preposition the parser takes for a participle has a "dobj": "concerning its accession")
                    if (p.dep_ == "pobj" or p.dep_ == "dobj" and c.pos_ == "VERB") and not _complex_preposition(c, p):
                        got = self.denotes_list(p)
                        if got and not self.denotes(p):
                            # "members of the APEC forum and the OECD": the first item named inside its noun
                            got = [m for m in self.compound(p) if m.type in {x.type for x in got}] + got
                        if not got or all(m.type == "Facility" for m in got):
                            got = got + self._place_of(p)
                        if got and tok.pos_ in ("NOUN", "PROPN"):
                            # "a member of the WTO, the G20 and APEC": the parser hangs the rest of the list from
                            # the noun; names of the same type after the object go on with it
                            # (or from the clause's verb, past a long name: "is a party to the Comprehensive
                            # ... Partnership (CPTPP) and the Regional ... Partnership (RCEP)")
                            types = {m.type for m in got}
                            hosts = [tok] + ([tok.head] if tok.dep_ in ("attr", "dobj") else [])
                            got = got + [m for h in hosts for x in h.children if x.dep_ == "conj" and x.i > p.i
                                         and (h is tok or x.pos_ in ("PROPN", "NOUN") and not any(
                                             y.dep_ in ("nsubj", "nsubjpass", "aux", "cop") for y in x.children))
                                         for m in self.denotes_list(x) if m.type in types]
                        out += got or self.nested_of(p)
        if depth == 0 and not out and tok.pos_ == "VERB":
            # "will invest $1.3 billion and create 900 jobs in Peoria, Arizona": a verb joined to this one, with
            # no subject of its own, says where
            for c in tok.children:
                if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > tok.i \
                        and not any(x.dep_ in ("nsubj", "nsubjpass") for x in c.children):
                    out += self.pp(c, preps, 1)
        return unique_mentions(out)

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
        return unique_mentions(out)

    def sectors(self, tok) -> list[Mention]:
        a = tok.idx
        if tok.pos_ in ("NOUN", "PROPN"):  # "a semiconductor plant": what the plant is for
            a = min([c.idx for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod")] + [a])
        b = max(t.idx + len(t.text) for t in tok.subtree)
        # (a verb's sector is not what a relative clause below it says: "invest $2 billion in the project, which
        # will create 800 manufacturing jobs")
        below = [(min(x.idx for x in t.subtree), max(x.idx + len(x.text) for x in t.subtree)) for t in tok.subtree
                 if tok.pos_ == "VERB" and t.dep_ == "relcl" and any(x.lower_ in WH_WORDS for x in t.children)]
        # (nor what a noun coordinated with a noun trigger says: "the largest investor in Peru and a supplier of copper")
        below += [(min(x.idx for x in c.subtree), max(x.idx + len(x.text) for x in c.subtree)) for c in tok.children
                  if tok.pos_ == "NOUN" and c.dep_ == "conj" and c.pos_ == "NOUN"
                  and any(x.dep_ == "prep" for x in c.children)]  # (one with a complement of its own)
        found = [m for m in self.sv.mentions if m.type == "Sector" and a <= m.start - self.sv.start < b
                 and not any(x <= m.start - self.sv.start < y for x, y in below)]
        if tok.dep_ == "nsubj" and tok.pos_ == "NOUN" and tok.head.lemma_.lower() in SPANNING_VERBS:
            # "These investments span crucial sectors, including electric vehicles and batteries": what the noun's
            # verb says it covers
            found += [m for c in tok.head.children if c.dep_ == "dobj" for t in c.subtree
                      for m in self.sv.tok_mentions.get(t.i, []) if m.type == "Sector"]
        return unique_mentions(found)

    def between(self, tok) -> list[Mention]:
        return self.pp(tok, {"between", "among"})

    def purpose(self, tok) -> list[Mention]:
        """'talks to amend the X', 'negotiations to conclude an FTA': the agreement an infinitive after the
        trigger is about."""
        out = []
        # (also the infinitive after its object: "reached an agreement to amend the X")
        heads = [tok] + [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in AGREEING_NOUNS]
        for c in (c for h in heads for c in h.children):
            if c.dep_ in ("acl", "advcl", "xcomp", "relcl") and c.i > tok.i \
                    and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children):
                out += [m for d in c.children if d.dep_ == "dobj" for m in self.denotes_list(d)
                        if m.type == "Agreement"]
        return unique_mentions(out)

    def negated(self, tok) -> bool:
        kids = list(tok.children)
        if any(c.dep_ == "neg" for c in kids):
            return not not_until(tok)
        return False

    def intended(self, tok) -> bool:
        """'applied to join', 'seeks to ratify', 'talks to conclude', 'an effort to join': the aim, not the act."""
        if tok.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return _lemma(tok.head) in INTENT | AIM_NOUNS
        if tok.pos_ == "NOUN" and (tok.dep_ == "dobj" and _lemma(tok.head) in INTENT or tok.dep_ in ("pobj", "dobj")
                                   and tok.head.lower_ in ("for", "on", "about", "concerning", "regarding", "over")
                                   and _lemma(tok.head.head) in INTENT):
            return True  # "applied for membership", "sought accession to", "negotiating on its accession": what is
            # asked for
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "pending":
            return True  # "pending approval by Congress": not yet given
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.lower_ in ("in", "of", "toward", "towards") \
                and tok.head.head.lemma_.lower() in WISH_NOUNS:
            return True  # "expressed interest in joining the CPTPP", "the prospect of ratifying it"
        return tok.dep_ == "xcomp" and _lemma(tok.head) in INTENT

    def left(self, tok, verb: bool = False) -> bool:
        """'after exiting both the NAND and SSD businesses', 'sold its battery business' (`verb`: the trigger is the
        verb of leaving): a business its firm has left, not one it only plans to leave."""
        leaving = self.lex.leaving_verbs
        by = (tok if tok.lemma_.lower() in leaving and any(
            c.dep_ == "dobj" and c.lemma_.lower() in self.lex.business_nouns for c in tok.children) else None) \
            if verb else _leaving_verb(tok, leaving)
        return by is not None and not self.intended(by) and not self.hypothetical(by)

    def pursued(self, tok) -> bool:
        """'applied to join X', 'is working to join X', 'its bid to join X', 'applied for membership in X': joining
        pursued by an act of the one who would join (not only wished, planned or weighed)."""
        if not self.intended(tok):
            return False
        if tok.dep_ in ("xcomp", "acl"):
            return _lemma(tok.head) in PURSUIT
        return _lemma(tok.head) in PURSUIT or _lemma(tok.head.head) in PURSUIT

    def hypothetical(self, tok) -> bool:
        """A trigger in a clause with could/would/might/may/should/must, or under 'if': not a stated fact."""
        node = tok
        for _ in range(6):
            if misattached_conjunct(node):
                node = node.head.head  # "X believed that Y would affect Z and took ...": "took" is X's, stated
                continue
            if node.dep_ == "prep" and node.i < node.head.i and node.head.pos_ in ("VERB", "AUX") \
                    or node.head.pos_ == "PUNCT":
                return False  # "In light of a U.S. tariff regime, the partnership must ...": a fronted phrase (or
                # one the parser hung from a comma) is given, not under the clause's modal
            for c in (node.children if node.pos_ in ("VERB", "AUX") else ()):
                if c.dep_ == "aux" and c.lower_ in HYPOTHETICAL:
                    if c.lower_ == "would" and node.dep_ == "ccomp" and node.head.lemma_ in REPORTING:
                        continue  # "X announced that it would build ...": a stated plan, not a hypothesis
                    if c.lower_ == "would" and designs(node, self.sv.tok_mentions):
                        continue  # "the proposed rule would bar X": the rule as drafted (marked proposed)
                    return True
                if c.dep_ == "mark" and c.lower_ in ("if", "unless"):
                    return True
                if c.dep_ == "mark" and c.lower_ in ("once", "when", "until", "after", "before") \
                        and node.dep_ == "advcl" and node.tag_ in ("VBP", "VBZ") and any(
                            a.dep_ == "aux" and a.lower_ in ("will", "shall", "'ll") for a in node.head.children):
                    return True  # "X will take effect once the parties ratify it": not yet done
            if node.dep_ == "xcomp" and _expected(node.head, self.lex, self.sv.tok_mentions):
                return True  # "Chile is expected to sign X", "is scheduled to", "is meant to": not yet done
            if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("xcomp", "conj", "acl", "pcomp", "advcl", "csubj"):
                break  # ("joining CPTPP could smooth ...": a subject clause shares its verb's modality)
            if node.head.i == node.i:
                break
            node = node.head
        return False

    def triggers(self, rules):
        index, words, head_types = _trigger_index(rules)
        # the types of named mentions that trigger like their kind's word, when the sentence has any
        typed = {m.type for m in self.sv.mentions} & head_types
        phrasal_heads = _phrasal_heads(words)
        for tok, lem, low in zip(self.sv.tokens, self.sv.lemmas, self.sv.lowers):
            if lem in phrasal_heads:  # a phrasal verb is its own trigger word: "rolled out new tariffs" ("roll out")
                # (the parser may make the particle a preposition or an adverb: "pulled out of", "walked away")
                for phrase in (f"{lem} {c.lower_}" for c in tok.rights if c.dep_ == "prt" or _particle(tok, c)):
                    yield from ((rules[k], tok, "verb") for k in index.get(phrase, ()) if phrase in rules[k].verbs)
            if lem not in words and low not in words and words.isdisjoint(_lemmas(low)):
                named = self._named_head_type(tok) if typed else None
                if named:  # "opened its Metaplant in Georgia": a named facility stands for its kind's word
                    for rule in rules:
                        if named in rule.head_types:
                            yield rule, tok, "noun"
                continue  # most tokens trigger nothing: skip the per-rule checks
            verbish = (tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or (
                tok.dep_ == "amod" and low.endswith("ed") and tok.i > 0 and tok.nbor(-1).pos_ == "PUNCT")
                # (a word with a subject and a direct object is a verb, however tagged: "the tariffs exempt imports")
                or tok.pos_ == "ADJ" and any(c.dep_ == "dobj" for c in tok.children)
                and any(c.dep_ == "nsubj" for c in tok.children)) \
                and tok.dep_ != "prep"  # "including X", "following Y": a participle used as a preposition
            lemmas = {lem} | set(_lemmas(low))
            # only the rules that name one of the token's words, in their order
            if verbish and tok.text[:1].isupper() and tok.i > tok.sent.start and any(
                    m.source != "pattern" and m.type != "Person" for m in self.sv.tok_mentions.get(tok.i, ())):
                verbish = False  # "met at Investing in African Mining Indaba": a capitalised word of a name
            for rule in [rules[k] for k in sorted({k for w in lemmas | {low} for k in index.get(w, ())})]:
                if verbish and lemmas & rule.verbs:
                    yield rule, tok, "verb"
                elif tok.pos_ in ("NOUN", "PROPN") and (lem in rule.nouns or low in rule.nouns):
                    if _inside_a_title(tok):
                        continue  # "Investment" in "the Copper Investment Accelerator" names, it states nothing
                    if "own_kind_only" in rule.flags and any(m.type not in rule.head_types and m.source != "pattern"
                                                             for m in self.sv.tok_mentions.get(tok.i, ())):
                        continue  # "Shipyard" in the firm "Philly Shipyard" is no facility
                    # "X's parent company, Y", "its subsidiary firm Y": the tie said of the firm's noun it modifies
                    # (a common noun, not a name's last word: "its subsidiary Andes Hydro Company")
                    tie = tok.dep_ == "compound" and lem in TIE_NOUNS and tok.head.pos_ == "NOUN" \
                        and tok.head.lemma_.lower() in TIED_FIRM_NOUNS
                    yield rule, tok.head if tie else tok, "noun"
                elif tok.pos_ == "ADV" and lem in rule.adverbs:
                    yield rule, tok.head, "verb"

    def _named_head_type(self, tok) -> str | None:
        """The type of the named mention this proper noun ends, if it ends one."""
        if tok.pos_ != "PROPN":
            return None
        end = self.sv.start + tok.idx + len(tok.text)
        return next((m.type for m in self.sv.tok_mentions.get(tok.i, ()) if m.end == end), None)

    def char_span(self, tok) -> tuple[int, int]:
        return tok.idx, tok.idx + len(tok.text)

    def linear(self) -> LinearRoles:
        """The same sentence by word order: the fallback when the small parser misattaches."""
        if self._linear is None:
            self._linear = LinearRoles(self.sv, self.lex)
        return self._linear

    def word_at(self, idx: int):
        """The token that starts at this offset of the sentence, or None."""
        return next((t for t in self.sv.parse if t.idx == idx), None) if self.sv.parse is not None else None


def _quantity(tok) -> bool:
    """'90 percent', '$30 billion', 'a third', '2 million tons': an amount standing before what it counts."""
    return tok.like_num or tok.tag_ == "$" or tok.lower_ in QUANTITY_WORDS or tok.lower_ in SHARE_WORDS or any(
        c.dep_ == "nummod" for c in tok.children)


WH_WORDS = frozenset({"which", "that", "who"})
# a firm's tie to another, written before a firm's noun: "its parent company", "a subsidiary firm"
TIE_NOUNS = frozenset({"parent", "subsidiary", "affiliate", "venture"})
TIED_FIRM_NOUNS = frozenset({"company", "firm", "group", "corporation"})
# firms named by their tie to another: whose supplier or affiliate a firm is, it is not
RELATIONAL_NOUNS = frozenset({"supplier", "partner", "affiliate", "subsidiary", "unit", "customer", "client",
                              "competitor", "rival", "vendor", "contractor"})
# deeds named with their doer after "by": "a nuclear test by North Korea", "the launch of a rocket by Pyongyang"
DEED_NOUNS = frozenset({"test", "launch", "attack", "provocation", "invasion", "shelling", "bombing", "seizure"})
# the nouns an act is carried out by: "the ratification process", "its approval procedures"
PROCEDURE_NOUNS = frozenset({"process", "procedure", "procedures", "processes"})


def _complex_preposition(prep, noun) -> bool:
    """'in response to X', 'in exchange for Y': no place or thing "in", only the start of another preposition."""
    return prep.lower_ in ("in", "on", "at", "with") and noun.lemma_.lower() in COMPLEX_PREPOSITION_NOUNS \
        and not any(c.dep_ == "det" for c in noun.children)


# what an instrument is made to do ("is designed to replace X", "is meant to supersede Y"): its function, stated
FUNCTION_VERBS = frozenset({"design", "mean", "intend"})


# what is only expected of someone: "is expected to sign", "is scheduled to take effect", "is due to", "is set to"
EXPECTING = frozenset({"expect", "schedule", "slate", "set", "poise", "suppose", "due", "likely", "mean", "intend"})


def _expected(head, lex, tok_mentions: dict) -> bool:
    """The passive or adjective an infinitive hangs from says it is only expected, unless it says what an
    instrument is made to do ("the FTA is designed/meant to replace X", "the USMCA is meant to supersede NAFTA":
    FUNCTION_VERBS, a function stated)."""
    if head.lemma_.lower() not in EXPECTING or not (head.tag_ == "VBN" or head.pos_ == "ADJ"):
        return False
    subject = [t for c in head.children if c.dep_ in ("nsubjpass", "nsubj") for t in c.subtree]
    instrument = any(lex.heads.get(t.lemma_.lower()) in INSTRUMENT_TYPES or t.ent_type_ == "LAW"
                     or any(m.type in INSTRUMENT_TYPES for m in tok_mentions.get(t.i, ())) for t in subject)
    return not (head.lemma_.lower() in FUNCTION_VERBS and instrument)


def _inside_a_title(tok) -> bool:
    """A capitalised word set before the head of a title the tagger reads as one name ('the Copper Investment
    Accelerator', 'the Korea Investment Corporation'): a word of the name, not a noun of the sentence."""
    return tok.pos_ == "PROPN" and tok.dep_ == "compound" and tok.text[:1].isupper() and tok.head.i > tok.i \
        and tok.head.pos_ == "PROPN" and tok.ent_type_ in ("ORG", "LAW", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART") \
        and tok.head.ent_type_ == tok.ent_type_ and tok.i > tok.sent.start


def _counted(tok) -> list:
    """What a quantity counts: 'chips' in '90 percent of its chips', and each good listed with it ('$100 billion
    worth of LNG and other energy products'); nothing when the token is no quantity."""
    if not _quantity(tok):
        return []
    return [x for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"
            for x in [p] + [k for k in p.conjuncts if k.i > p.i]]


_TRIGGER_INDEX: dict[int, tuple] = {}


def _trigger_index(rules) -> tuple[dict, frozenset, frozenset]:
    """Each trigger word -> the positions in `rules` of the rules that name it (as a verb, a noun or an adverb),
    all those words, and the types whose named mentions trigger; built once per rule list. (Positions, not rules:
    a rule's hash reads all its word sets.)"""
    got = _TRIGGER_INDEX.get(id(rules))
    if got is None or got[0] is not rules:
        index: dict[str, list[int]] = {}
        for k, r in enumerate(rules):
            for w in {*r.verbs, *r.nouns, *r.adverbs}:
                index.setdefault(w, []).append(k)
        got = _TRIGGER_INDEX[id(rules)] = (rules, index, frozenset(index),
                                           frozenset(t for r in rules for t in r.head_types))
    return got[1], got[2], got[3]


@lru_cache(maxsize=4)
def _particle(verb, c) -> bool:
    """A phrasal verb's particle however parsed: right after the verb ("pulled out of the TPP") or after its object
    ("pulled the United States out of the TPP")."""
    return c.lower_ in PARTICLES and c.i > verb.i and (c.i == verb.i + 1 or any(
        d.dep_ == "dobj" and d.right_edge.i + 1 == c.i for d in verb.children))


def _phrasal_heads(words: frozenset) -> frozenset:
    """The verbs of the phrasal trigger words ("roll" of "roll out")."""
    return frozenset(w.split()[0] for w in words if " " in w)


# verbs by which a noun says what it covers: "the investments span sectors including X", "cover chips and batteries"
SPANNING_VERBS = frozenset({"span", "cover", "encompass", "target", "include"})
# verbs whose "as" phrase says what their subject is: "was incorporated as a subsidiary of Y", "operates as a unit of Y"
# what one means or decides to do: "Canada's announcement to tighten its quota", "Japan's decision to remove X"
INTENT_NOUNS = frozenset({"announcement", "decision", "plan", "move", "bid", "attempt", "effort", "commitment",
                          "pledge", "proposal", "intention", "promise", "push"})
MADE_AS = frozenset({"incorporate", "establish", "found", "create", "form", "organize", "organise", "register",
                     "set", "operate", "function", "spin", "begin", "start"})


# verbs that hand what their owner holds to a buyer: the seller divests (relations), the buyer invests
# (constructions.sales)
SELLING_VERBS = frozenset({"sell", "divest", "offload", "unload"})


def _leaving_verb(noun, leaving: Collection[str]):
    """'after exiting both the NAND and SSD businesses', 'closed its chip unit': the verb by which its firm left the
    business, else None."""
    node = noun
    while node.dep_ == "conj" and node.head.i < node.i:
        node = node.head
    return node.head if node.dep_ in ("dobj", "nsubjpass") and node.head.lemma_.lower() in leaving else None


def sold(tok) -> bool:
    """Whether a holding is sold, itself or as what a sold stake is of or in: "sold its stake in X", "sold its
    stake of its plant in Ohio", "divested its Ohio plant" (its owner invests in nothing by it)."""
    node = tok
    for _ in range(6):
        if node.dep_ in ("dobj", "nsubjpass") and node.head.lemma_.lower() in SELLING_VERBS:
            return True
        if node.dep_ == "compound":  # "its stake of its battery plant building"
            node = node.head
        elif node.dep_ == "pobj" and node.head.lower_ in ("of", "in"):
            node = node.head.head
        else:
            return False
    return False


# groups named by who leads them: "a consortium led by X"
LED_GROUPS = frozenset({"consortium", "coalition", "team", "group", "alliance"})
# what an association of states is called when it is described ("X is an organization founded by A and B", "X is
# a transnational association": pipeline._described_bodies)
ORGANIZATION_NOUNS = frozenset({"organization", "organisation", "association", "bloc", "grouping", "coalition",
                                "club", "institution", "union"})


def bought(tok) -> bool:
    """Whether a holding is bought by the verb's subject ("acquired Norvex's plant in Ohio", "take over the
    facility of Norvex"): its owner named in it is the seller, who invests in nothing by it."""
    # (the parser may hang the owner from a compound: "acquire Eli Lilly's biologics manufacturing facility")
    near = [*tok.children, *(g for c in tok.children if c.dep_ == "compound" for g in c.children if g.dep_ == "poss")]
    owned = any(c.dep_ == "poss" and c.lower_ not in ("its", "their") or c.dep_ == "compound" and c.pos_ == "PROPN"
                or c.dep_ == "prep" and c.lower_ == "of" for c in near)  # (not "acquired a stake in X")
    return owned and tok.dep_ == "dobj" and tok.head.lemma_.lower() in TAKING_VERBS


def building_of(tok):
    """The building a word is "of" ("construction" in "X's construction of a plant"), or None."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in BUILDING_NOUNS:
        return tok.head.head
    return None


def hyphenated_lemma(tok) -> str:
    """The lemma of a noun with the word glued to it by a hyphen ("phase-out", parsed as "phase", "-", "out")."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ and not doc[tok.i - 2].whitespace_:
        return f"{doc[tok.i - 2].lower_}-{tok.lemma_.lower()}"
    return tok.lemma_.lower()
