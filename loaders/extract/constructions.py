"""Constructions of English that state a relation without a verb frame of their own.

Each construction is a small function `(sentence view, roles, document state) -> candidates`, registered in
CONSTRUCTIONS with the predicates it may produce. They read the dependency parse through the role helpers of
`parsed.ParsedRoles` and the word lists of ontology/lexicon.toml; none names an entity or a document.

    agreement_between     "X is a (proposed) trade agreement between A, B and C"      PARTY_TO / NEGOTIATES / SIGNS
    members_listed        "the member states of ASEAN (A, B, C)", "the members of X are A and B"  MEMBER_OF / PARTY_TO
    implicit_parties      "The treaty was signed in 2007" (no signer named): its known parties  SIGNS / RATIFIES / ...
    in_force_for          "The Accord entered into force for Venezuela", "took effect between A and B"  PARTY_TO
    led_by                "the Chilean-led Lima Pact", "the Pact, a Peru-led grouping"             PARTY_TO
    members_listed_after  "... among its founding members. These include A, B and C."             PARTY_TO
    protocol_to           "the Additional Protocol to the Lima Pact"                              AMENDS
    implementing_law      "a final rule implementing the Lima Chips Act"                          AUTHORIZES
    agreements_had        "Chile and Peru have a free trade agreement, the Lima Pact"            PARTY_TO
    pacts_with_partners   "Norway has FTAs with Chile, Peru and Japan": one pact per partner      PARTY_TO / SIGNS
    withdrew_alone        "The TPP was signed in 2016. The United States withdrew in 2017."     WITHDRAWS_FROM
    joint_builders        "Velkor and Korvell plan to build a battery plant in Ohio"             PARTNERS_WITH
    priced_facilities     "X is building a $3.2 billion plant", "invest $5 billion to build a plant" INVESTS_IN
    of_country            "SK On of South Korea", "Ford Motor Company of the United States"     LOCATED_IN
    described_parties     "NAFTA, the largest U.S. FTA,", "NAFTA is a U.S. trade agreement"     PARTY_TO
    under_law             "$75 million in funding under the CHIPS Act"                          AUTHORIZES
    under_agreement       "Under the agreement, Korea will invest ...", "allies under the treaty"  PARTY_TO
    counterparties        "X signed a memorandum with Y", "a joint venture between A and B"     PARTNERS_WITH
    co_negotiators        "X began renegotiation of NAFTA with Canada and Mexico"               NEGOTIATES
    co_signers            "In a ceremony with President Y, President X signed the pact"        SIGNS
    leader_titles         "President Barack Obama", "TSMC's chief executive C. C. Wei"          LEADS
    sites                 "Ohio will be home to X's plant", "named Ohio as the site of its plant"  INVESTS_IN
    held_titles           "X served as Secretary of the Navy", "X was named CEO of Y"           LEADS
    sales                 "X sold its stake in Y to Z for $1 billion": the buyer invests        INVESTS_IN
    named_facilities      "the Hyundai plant in Alabama": the firm its name opens with owns it   INVESTS_IN
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from ...graph.model import entity_id
from ...ontology.lexicon import load_lexicon
from .mentions import (ACTIVITY_SECTORS, LEGAL_TAIL, PLURAL_HEADS, SMALL_WORDS, TOPIC_PREPOSITIONS, Mention,
                       might_contain, names_work)
from .parsed import LED_GROUPS, SELLING_VERBS, ParsedRoles, parsed_roles
from .modality import SOURCES_EXCEPTED, enactment, excepted
from .amounts import find_amounts
from .derived import acting_verb
from .props import LENT_BEFORE, amount_for, fact_props
from .sentence import ACTOR_TYPES, Candidate, SentenceView, unique_mentions

PARTY_TYPES = ("Country", "InternationalOrganization")
AGREEMENT_NOUNS = frozenset({"agreement", "treaty", "pact", "accord", "deal", "fta", "partnership", "arrangement",
                             "convention", "protocol", "alliance"})
# words before an agreement noun that say it is not (yet) in force between its parties
PROPOSED = frozenset({"proposed", "planned", "prospective", "potential", "draft", "envisioned", "possible",
                      "future"})
SIGNED_ONLY = re.compile(r"\bsigned\b(?:\s+but)?\s+(?:not|un)\s*(?:yet\s+)?ratified\b", re.IGNORECASE)
MEMBER_WORDS = frozenset({"member", "members", "membership"})
MEMBER_GROUPS = frozenset({"state", "country", "nation", "economy", "member", "government"})
# treaty acts and the predicate they state; the patient is the agreement
TREATY_VERBS = {"sign": "SIGNS", "ink": "SIGNS", "ratify": "RATIFIES", "negotiate": "NEGOTIATES",
                "renegotiate": "NEGOTIATES", "conclude": "NEGOTIATES", "launch": "NEGOTIATES",
                "announce": "NEGOTIATES", "approve": "RATIFIES"}
TREATY_NOUNS = {"negotiation": "NEGOTIATES", "renegotiation": "NEGOTIATES", "talk": "NEGOTIATES",
                "discussion": "NEGOTIATES", "consultation": "NEGOTIATES",
                "signing": "SIGNS", "signature": "SIGNS", "ratification": "RATIFIES"}
# what ends an agreement: announcing it is no negotiation ("announced the termination of GSOMIA")
ENDING_NOUNS = frozenset({"termination", "withdrawal", "abrogation", "cancellation", "suspension", "end", "exit",
                          "scrapping", "expiration", "expiry"})
# verbs that give a contract or a deal to its holder: "the Navy awarded Hanwha a contract"
AWARDING_VERBS = frozenset({"award", "grant", "give", "sign"})
COUNTERPARTY_NOUNS = frozenset({"memorandum", "mou", "agreement", "contract", "deal", "partnership",
                                "venture", "joint venture", "collaboration", "alliance", "loan", "order", "bid", "tender"})
PARTNER_TYPES = ("Firm", "GovernmentBody", "USState")


@dataclass
class DocumentState:
    """What earlier sentences of the document established, for constructions that need it."""

    parties: dict = field(default_factory=dict)  # agreement id -> {party id: Mention}
    # agreement id -> {country id: Mention} of those said to negotiate it, and the (country, agreement) pairs said
    # to withdraw: who signs a pact no signer is named for, when the document has named no party (implicit_parties)
    negotiators: dict = field(default_factory=dict)
    withdrawn: set = field(default_factory=set)
    last_agreement: Mention | None = None
    last_agreement_at: int = -10  # the index of the sentence that named it
    # the measures the document has said someone imposes or that hit something, in order: (measure, hits a firm)
    measures: list = field(default_factory=list)
    listing: Mention | None = None  # the measure whose targets the rows under a heading list (affected_listed)
    # (measure, counted noun, sentence index) of "controls on three items" the next sentences may list
    itemised: tuple | None = None
    nationality: dict = field(default_factory=dict)  # person id -> country Mention (gazetteer attribute)
    sector_nouns: dict = field(default_factory=dict)  # "chipmaker" -> the semiconductors Sector Mention
    infobox: dict = field(default_factory=dict)  # infobox field -> (predicate, direction), from the lexicon
    title: Mention | None = None  # the entity the document's title line names whole
    field_alone: tuple | None = None  # an infobox field on a line of its own: its value is the next line
    # agreements the document negotiates, those it says exist (signed, ratified, in force, joined), and the
    # parties only an agreement's name gave (pipeline._only_negotiated)
    negotiated: set = field(default_factory=set)
    established: set = field(default_factory=set)
    unrealised: set = field(default_factory=set)  # agreements named in a sentence of the future or the conditional
    named_parties: set = field(default_factory=set)
    stated_parties: set = field(default_factory=set)
    builders: dict = field(default_factory=dict)  # facility id -> the firm the document says put money in it
    previous_text: str = ""  # the sentence before this one
    # treaty acts with no actor whose agreement had no known parties yet: (agreement, predicate, props, sentence);
    # the parties a later sentence gives act in them (pipeline._parties_named_later)
    awaiting: list = field(default_factory=list)

    def note(self, cands: list[Candidate]) -> None:
        for c in cands:
            if c.predicate in ("PARTY_TO", "SIGNS", "RATIFIES") and c.object.type == "Agreement" \
                    and c.subject.type in PARTY_TYPES and not c.subject.adjective:
                self.parties.setdefault(c.object.id, {})[c.subject.id] = c.subject
                if c.object.series:  # (the parties of the 11th SMA are the series' parties)
                    self.parties.setdefault(c.object.series, {})[c.subject.id] = c.subject
            if c.predicate in ("NEGOTIATES", "WITHDRAWS_FROM") and c.object.type == "Agreement" \
                    and c.subject.type in PARTY_TYPES and not c.subject.adjective:
                if c.predicate == "NEGOTIATES":
                    self.negotiators.setdefault(c.object.id, {})[c.subject.id] = c.subject
                else:
                    self.withdrawn.add((c.subject.id, c.object.id))
            if c.predicate == "INVESTS_IN" and c.object.type == "Facility" and c.subject.type == "Firm":
                self.builders.setdefault(c.object.id, c.subject)


def _cand(s: Mention, pred: str, o: Mention, sv: SentenceView, how: str, conf: float = 0.7,
          props: dict | None = None, at=None) -> Candidate:
    """A construction's fact; `at`, the token that states it, dates it (else whichever end is in the sentence)."""
    return Candidate(s, pred, o, dict(props or {}), conf, sv.index, how, at.idx if at is not None else None)


def _mentions_at(sv: SentenceView, tok) -> list[Mention]:
    return sv.tok_mentions.get(tok.i, [])


# what a pact does that makes it the agreement it creates: "which establishes a free trade area among ..."
ESTABLISHING_VERBS = frozenset({"establish", "create", "form", "set", "launch"})


def _agreement_for(sv: SentenceView, roles: ParsedRoles, tok) -> list[Mention]:
    """The agreement a common noun ('a trade agreement') stands for: itself if it is part of a name, the
    subject of its copula ('X is a trade agreement'), or the noun it is in apposition to."""
    own = [m for m in _mentions_at(sv, tok) if m.type == "Agreement"]
    if own and not all(m.source == "pattern" for m in own):
        return own  # a named agreement ("the Korea-Chile Free Trade Agreement between ...")
    node = tok
    for _ in range(3):
        if node.dep_ in ("attr", "acomp") and node.head.lemma_ in ("be", "become", "remain"):
            return [m for m in roles.subj(node.head) if m.type == "Agreement"]
        if node.dep_ == "appos":
            return [m for m in roles.denotes(node.head) if m.type == "Agreement"]
        if node.dep_ == "dobj" and node.head.dep_ == "relcl" and node.head.lemma_ in ESTABLISHING_VERBS:
            # "the X, which establishes a free trade agreement among ...": the named pact is that agreement
            return [m for m in roles.denotes(node.head.head) if m.type == "Agreement"]
        if node.dep_ in ("conj", "compound", "amod") and node.head.i != node.i:
            node = node.head
            continue
        break
    return own  # "a free trade agreement between A and B" on its own


def _listed(roles: ParsedRoles, tok) -> list[Mention]:
    """Everything a list under `tok` names, through group nouns ('its six partners (A, B, C)', 'the member
    states of ASEAN')."""
    out = []
    sv = roles.sv
    for t in [tok] + list(tok.conjuncts):
        got = roles.denotes(t)
        if not got:
            got = [m for m in roles.nested_of(t) if m.type in PARTY_TYPES]  # "the member states of ASEAN"
        for c in t.children:  # "its six FTA partners (Australia, China, ...)"
            if c.dep_ == "appos":
                got += roles.denotes_list(c, 1)
        if not got and t.pos_ == "NOUN":
            # "the six states with which ASEAN has FTAs (Australia, China, ...)": the parser may hang the
            # list anywhere; the first parenthesis after the group noun names its members
            mt = re.search(r"\(([^()]{3,300})\)", sv.text[t.idx:])
            if mt and not re.search(r"[;:]|\band\s+the\b", sv.text[t.idx:t.idx + mt.start()]):
                a, b = sv.start + t.idx + mt.start(1), sv.start + t.idx + mt.end(1)
                got = [m for m in sv.mentions if a <= m.start < b and m.type in PARTY_TYPES]
        out += got
    seen, uniq = set(), []
    for m in out:
        if m.id not in seen:
            seen.add(m.id)
            uniq.append(m)
    return uniq


def _top_level_items(text: str) -> list[tuple[int, int]]:
    """Spans of the items of a list ('A, B (x, y), and the C'), split at commas and 'and' outside brackets,
    up to the end of the clause."""
    items, depth, start, i = [], 0, 0, 0
    while i < len(text):
        ch = text[i]
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
            if depth < 0:
                break
        elif depth == 0 and ch in ";:.":
            break
        elif depth == 0 and (ch == "," or text.startswith(" and ", i)):
            items.append((start, i))
            i += 5 if ch == " " else 1
            start = i
            continue
        i += 1
    items.append((start, i))
    return [(a, b) for a, b in items if text[a:b].strip()]


# a counted group the list after its colon spells out: " 15 trading partners in Asia and Oceania: "
COUNTED_GROUP = re.compile(r"\s*(?:the\s+)?(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
                           r"(?:[\w-]+\s+){0,2}(?:partners|countries|members|nations|economies|parties|states)\b"
                           r"[^:;.]{0,60}:\s*")


def _between_items(sv, prep) -> list[Mention]:
    """The parties a 'between ...' list names, read from the words when the parse of a long list with
    brackets fails: each item's own names, else the bloc its group noun is 'of', else the first bracket."""
    base = prep.idx + len(prep.text)
    text = sv.text[base:]
    counted = COUNTED_GROUP.match(text)
    if counted:  # "among 15 trading partners in Asia: A, B and C": the list after the colon
        base += counted.end()
        text = text[counted.end():]
    out: list[Mention] = []
    for a, b in _top_level_items(text):
        item = text[a:b]
        lo, hi = sv.start + base + a, sv.start + base + b
        inside = [m for m in sv.mentions if lo <= m.start < hi and m.type in PARTY_TYPES and not m.adjective]
        bracket = item.find("(")
        rel = re.search(r"\s(?:(?:with|in|of|to|for|by)\s+)?(?:which|whom|that|who)\s", item)
        # (the list ends where the clause goes on: "between A and B was reached ... in Washington")
        verb = next((sv.start + t.idx - lo for t in sv.tokens if lo <= sv.start + t.idx < hi
                     and t.pos_ in ("VERB", "AUX") and not any(m.start <= sv.start + t.idx < m.end for m in inside)), -1)
        stop = min(x for x in (bracket, rel.start() if rel else -1, verb, len(item)) if x >= 0)
        head = [m for m in inside if m.start < lo + stop]
        if head:
            mt = re.match(r"\s*(?:the\s+)?(?:\w+\s+){0,3}(?:states|members|countries|nations)\s+of\s+", item)
            out += head[:1] if mt else head
        elif bracket >= 0:
            close = item.find(")", bracket)
            out += [m for m in inside if lo + bracket < m.start < lo + (close if close > 0 else len(item))]
    return out


# ------------------------------------------------------------------------------------------------
def agreement_between(sv, roles, state):
    """'X is a (proposed) agreement between A, B and C': A, B and C are its parties (or, while proposed, its
    negotiators; once 'signed but not ratified', its signatories)."""
    out = []
    for tok, lem, low in zip(sv.tokens, sv.lemmas, sv.lowers):
        if lem not in AGREEMENT_NOUNS and low not in AGREEMENT_NOUNS:
            continue
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("between", "among", "amongst")]
        # (the parser may hang the "between" right after the name from a noun before it: "a 25 percent rate under
        # the X Deal between A and B")
        after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        if not preps and after is not None and after.dep_ == "prep" and after.lower_ in ("between", "among") \
                and after.head.i < tok.i:
            preps = [after]
        if not preps and tok.dep_ == "dobj":
            # "establishes a free trade agreement (FTA) among 15 partners": the parser may hang it from the verb
            preps = [c for c in tok.head.rights if c.dep_ == "prep" and c.lower_ in ("between", "among")
                     and c.i > tok.i][:1]
        if not preps:
            # "an agreement to deepen free trade between A and B": the ties the agreement's purpose is about
            preps = [p for c in tok.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"
                     for v in [c] + list(c.conjuncts) for o in v.children if o.dep_ == "dobj"
                     and o.lemma_.lower() in TIES_NOUNS for p in o.children
                     if p.dep_ == "prep" and p.lower_ in ("between", "among")][:1]
        if not preps and tok.text[:1].isupper():
            # "the 1965 Treaty on Basic Relations between A and B": right after the words of the name
            k = tok.i + 1
            while k < len(tok.doc) and tok.doc[k].lower_ not in ("between", "among") and (
                    tok.doc[k].text[:1].isupper() or tok.doc[k].lower_ in TITLE_SMALL_WORDS):
                # (a title may write it "Between": "the Treaty on Basic Relations Between A and B")
                k += 1
            if k < len(tok.doc) and tok.doc[k].lower_ in ("between", "among") and tok.doc[k].dep_ == "prep" \
                    and tok.doc[k].head.i in {t.i for t in tok.subtree}:
                preps = [tok.doc[k]]
        if not preps and any(c.dep_ == "acl" and c.lemma_.lower() in SIGNING_PARTICIPLES for c in tok.children):
            # "a joint agreement signed on 22 September 1985, at the Plaza Hotel in New York, between A, B and C":
            # after the signing's when and where, the parser may hang "between" from the place
            preps = [t for t in tok.subtree if t.dep_ == "prep" and t.lower_ in ("between", "among")
                     and t.i > tok.i and t.head.dep_ == "pobj" and t.head.head.lower_ in ("at", "in", "on")
                     and tok.doc[t.i - 1].text == ","][:1]
        if not preps:
            continue
        agreements = _agreement_for(sv, roles, tok)
        if not agreements:
            continue
        mods = {c.lower_ for c in tok.subtree if c.i < tok.i}
        phrase = sv.text[max(0, tok.idx - 60):tok.idx + len(tok.text)]
        if _talked_about(tok):
            preds = ["NEGOTIATES"]  # "talks on the X between A and B": what they negotiate
        elif mods & PROPOSED:
            preds = ["NEGOTIATES", "PARTY_TO"]  # countries negotiate it; a bloc (no negotiator) is its party
        elif SIGNED_ONLY.search(phrase):
            preds = ["SIGNS"]
        else:
            preds = ["PARTY_TO"]
        parties = [m for p in preps for pobj in p.children if pobj.dep_ == "pobj"
                   for m in _listed(roles, pobj) if m.type in PARTY_TYPES and not m.adjective]
        listed = _between_items(sv, preps[0])
        parties += [m for m in listed if m.id not in {p.id for p in parties}]
        for a in agreements:
            for m in parties:
                for pred in preds:
                    if pred == "PARTY_TO" and "NEGOTIATES" in preds and m.type == "Country":
                        continue
                    out.append(_cand(m, pred, a, sv, "agreement-between", 0.8))
    return out


# the small words inside a pact's title ("the Agreement on Trade in Goods between A and B"), no article
TITLE_SMALL_WORDS = SMALL_WORDS - {"a", "an"}
# the participles of an agreement's making that its parties may follow, past a when and a where
SIGNING_PARTICIPLES = frozenset({"sign", "conclude", "reach", "agree", "negotiate"})


# what an agreement may be made to deepen between its parties: "an agreement to liberalise trade between A and B"
TIES_NOUNS = frozenset({"trade", "commerce", "investment", "cooperation", "ties", "relations", "integration"})


def _talked_about(tok) -> bool:
    """Whether an agreement's noun is what talks are about ("talks on the X", "negotiations over a new X")."""
    prep = tok.head if tok.dep_ == "pobj" else None
    if prep is not None and (prep.lower_ in TOPIC_PREPOSITIONS or prep.lower_ == "on") \
            and TREATY_NOUNS.get(prep.head.lemma_.lower()) == "NEGOTIATES":
        return True
    # "negotiations to reach a new agreement between A and B", "working to conclude an FTA between ...": an
    # agreement talks are to reach is not yet in force
    verb = tok.head if tok.dep_ == "dobj" else None
    return verb is not None and verb.dep_ in ("acl", "xcomp", "advcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and (
        TREATY_NOUNS.get(verb.head.lemma_.lower()) == "NEGOTIATES" or verb.head.lemma_.lower() in STRIVING)


# verbs whose infinitive is only aimed at: "working to conclude", "seeking to reach"
STRIVING = frozenset({"negotiate", "work", "seek", "aim", "try", "strive", "push", "hope", "plan", "want"})


# "the member nations of X are A, B and C", "X's members include A and B": the list the copula gives
MEMBERS_ARE = re.compile(r"\s*,?\s*(?:are|were|include|included|includes|comprise|comprised|consist\s+of)\s+"
                         r"([^;:]{3,400})")


def members_listed(sv, roles, state):
    """'the member states of ASEAN (Brunei, Cambodia, ...)', 'ASEAN (Brunei, Cambodia, ...)',
    'members of the G20 such as A and B', 'the member nations of the IPEF are A, B and C': each listed country is
    a member (of a pact: a party)."""
    out = []
    orgs = [m for m in sv.mentions if m.type in ("InternationalOrganization", "Agreement") and not m.adjective]
    for org in orgs:
        b = org.end - sv.start
        rest = sv.text[b:]
        abbr = re.match(r"\s*\([A-Z][\w\-]{1,12}\)", rest)  # "(ASEAN)"
        at = b + (abbr.end() if abbr else 0)
        mt = re.match(r"\s*\(([^()]{3,400})\)", sv.text[at:]) if org.type != "Agreement" else None
        before = sv.text[max(0, org.start - sv.start - 40):org.start - sv.start].lower()
        members_of = re.search(r"\bmembers?\b(?:\s+\w+){0,2}\s+of\s+(?:the\s+)?$", before) or JOINERS.search(before)
        listed = []
        if members_of and not roles.negated(sv.tokens[0].sent.root):
            # "the member nations of the IPEF are A, B and C", "the economies that joined the pact ..., consisting
            # of A, B and C"
            m3 = MEMBERS_ARE.match(sv.text[at:]) or CONSISTING.search(sv.text[at:])
            if m3:
                a0, b0 = at + m3.start(1), at + m3.end(1)
                listed = [x for x in sv.mentions if x.type == "Country" and not x.adjective
                          and a0 <= x.start - sv.start < b0]
        if mt and not listed:
            a0, b0 = at + mt.start(1), at + mt.end(1)
            listed = [x for x in sv.mentions if x.type == "Country" and a0 <= x.start - sv.start < b0]
            if len(listed) < 2:
                listed = []
        if not listed and members_of and org.type != "Agreement":
            # "members of the G20 such as A and B", "member countries of the OECD, including A"
            m2 = re.match(r"\s*,?\s*(?:such as|including|like)\s+([^;:.]{3,300})", sv.text[at:])
            if m2:
                a0, b0 = at + m2.start(1), at + m2.end(1)
                listed = [x for x in sv.mentions if x.type == "Country" and a0 <= x.start - sv.start < b0]
        if not listed:
            # "APEC now comprises 21 member economies: A, B, ..., and C", "ASEAN has ten members: A, B and C",
            # "the pact is made up of A, B and C"
            m4 = COMPRISES.match(sv.text[at:]) or MADE_UP_OF.match(sv.text[at:])
            if m4:
                a0, b0 = at + m4.start(1), at + m4.end(1)
                listed = [x for x in sv.mentions if x.type == "Country" and not x.adjective
                          and a0 <= x.start - sv.start < b0]
                listed = listed if len(listed) >= 2 else []
        if not listed and org.type == "InternationalOrganization":
            # "the EFTA States Iceland, Norway and Switzerland": the body's plural noun, then its countries; "the
            # Quad is a strategic dialogue between the United States, India, Japan and Australia"
            m5 = MEMBER_STATES.match(sv.text[at:]) or GROUPING_OF.match(sv.text[at:])
            edge = at + m5.end() if m5 else None
            for x in sorted((x for x in sv.mentions if x.type == "Country" and not x.adjective), key=lambda x: x.start):
                if edge is not None and x.start - sv.start >= edge and (
                        x.start - sv.start == edge
                        or re.fullmatch(r"(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", sv.text[edge:x.start - sv.start])):
                    listed.append(x)
                    edge = x.end - sv.start
            listed = listed if len(listed) >= 2 else []
        predicate = "PARTY_TO" if org.type == "Agreement" else "MEMBER_OF"
        for c in listed:
            out.append(_cand(c, predicate, org, sv, "members-listed", 0.8))
    return out


MEMBER_STATES = re.compile(r"\s+(?:[Mm]ember\s+)?(?:[Ss]tates|[Cc]ountries|[Nn]ations|[Mm]embers|[Ee]conomies)"
                           r"\s+(?:of\s+)?(?=[A-Z])")
# a body described as a grouping of the countries listed after it
GROUPING_OF = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?,?\s*(?:is|was)\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:dialogue|forum|"
                         r"grouping|group|bloc|alliance|partnership|organi[sz]ation|union|association|coalition)\s+"
                         r"(?:between|of|among|comprising)\s+(?:the\s+)?(?=[A-Z])")
# those said to have joined a body or a pact are its members: "the economies that have joined the IPEF"
JOINERS = re.compile(r"\b(?:countries|economies|nations|states|governments)\s+(?:that|which)\s+(?:have\s+|had\s+)?"
                     r"(?:joined|signed\s+on\s+to|signed\s+up\s+to|acceded\s+to)\s+(?:the\s+)?$")
CONSISTING = re.compile(r",\s+(?:consisting\s+of|comprising|namely)\s+([^;:]{3,400})")
# a body or a pact said to be made of the countries listed: "the pact comprises A, B and C"
MADE_UP_OF = re.compile(r"\s+(?:now\s+|currently\s+)?(?:comprises|comprised|consists\s+of|consisted\s+of|"
                        r"(?:is|was)\s+(?:made\s+up|composed)\s+of)\s+([^;:]{3,400})")
# a body's members counted, then listed after a colon: "comprises 21 member economies: A, B and C"
COMPRISES = re.compile(r"\s+(?:now\s+|currently\s+)?(?:comprises|comprised|consists\s+of|has|had|includes|included)\s+"
                       r"(?:\w+\s+){0,2}(?:members?|member\s+(?:economies|states|countries|nations)|economies|"
                       r"countries|states|nations)\s*:\s*([^;]{3,600})")


def implicit_parties(sv, roles, state):
    """A treaty act with no actor named ('The treaty was first signed in 2007', 'Negotiations were announced
    in 2006', 'It was ratified by the National Assembly'): the parties the document gave the agreement act."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        pred = TREATY_VERBS.get(lem) if tok.pos_ in ("VERB", "AUX") else TREATY_NOUNS.get(lem)
        if pred is None:
            continue
        scope = tok  # the phrase whose years date the act
        if roles.negated(tok) or roles.hypothetical(tok):
            continue
        actors = [m for m in (roles.subj(tok) if tok.pos_ in ("VERB", "AUX") else roles.owner(tok))
                  if m.type in ACTOR_TYPES] or (roles.chamber(tok) if tok.pos_ in ("VERB", "AUX") else [])
        if tok.pos_ in ("VERB", "AUX"):
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children) or (
                tok.dep_ == "acl" and tok.tag_ == "VBN") or (  # "the FTA, signed in 2007,"
                tok.dep_ == "acl" and tok.tag_ == "VBD" and not any(c.dep_ in ("nsubj", "dobj") for c in tok.children))
            # (the parser may tag the participle as a past tense: "a treaty between A and B signed on 1 October")
            patient = [c for c in tok.children if c.dep_ in ("nsubjpass", "dobj")]
            if not passive and not any(c.dep_ == "dobj" for c in tok.children):
                continue
            agreements = [m for c in patient for m in roles.denotes_list(c) if m.type == "Agreement"]
            if not agreements and any(c.lower_ in ("it", "which") for c in patient) and state.last_agreement:
                agreements = [state.last_agreement]
            if not agreements and passive and not patient:
                # "The KORUS FTA, signed in 2007, ...", "X entered into force after being signed in 2007": the
                # participle's patient is the noun it describes or the subject of the clause it hangs from
                host = tok.head.head if tok.dep_ == "pcomp" else tok.head
                if tok.dep_ == "acl":
                    agreements = [m for m in roles.denotes(tok.head) if m.type == "Agreement"]
                elif tok.dep_ in ("pcomp", "advcl", "conj") and host.pos_ in ("VERB", "AUX"):
                    agreements = [m for c in host.children if c.dep_ in ("nsubj", "nsubjpass")
                                  for m in roles.denotes_list(c) if m.type == "Agreement"]
        else:
            agreements = [m for m in roles.pp(tok, {"of", "on", "over", "for"}) if m.type == "Agreement"] or [
                m for c in tok.children if c.dep_ == "compound" and c.i < tok.i for m in roles.denotes(c)
                if m.type == "Agreement" and m.source == "coref"]  # ("during the FTA negotiations")
            if not agreements:
                agreements, scope = _clause_agreement(roles, tok)
            if not agreements and state.last_agreement is not None and tok.dep_ in ("nsubj", "nsubjpass", "ROOT"):
                agreements = [state.last_agreement]  # "Negotiations were announced on February 2, 2006"
        for a in agreements:
            # (the parties the document gave it, or those its own name holds: "the United States-Korea FTA")
            parties = list(state.parties.get(a.id, {}).values()) or list(getattr(a, "parties", []))
            if not parties and a.name.endswith(" amendments"):  # (a revised version: the original's parties)
                parties = list(state.parties.get(entity_id("Agreement", a.name[:-len(" amendments")]), {}).values())
            if not parties and a.series:  # ("the 12th SCA, signed in 2024": the series' parties)
                parties = list(state.parties.get(a.series, {}).values())
            if not parties and pred == "SIGNS":  # ("A and B launched talks on the pact ... It was signed in 2007")
                parties = [p for p in state.negotiators.get(a.id, {}).values() if (p.id, a.id) not in state.withdrawn]
            if actors and pred != "RATIFIES":
                continue
            # (the act's own year, the one nearest its verb: "entered into force in 2012 after being signed in
            # 2007", "After negotiations beginning in 2012, the Agreement was signed on 15 November 2020")
            years = [int(t.text) for t in sorted(scope.subtree, key=lambda t: abs(t.i - tok.i))
                     if t.like_num and re.fullmatch(r"(?:19|20)\d\d", t.text)]
            if not parties and not actors:  # ("The treaty was signed in 2007. Its parties are A and B.")
                state.awaiting.append((a, pred, {"year": years[0]} if years else {}, sv))
            for p in parties:
                if actors and not any(x.id == p.id or x.type == "GovernmentBody" for x in actors):
                    continue
                if actors and any(x.type == "GovernmentBody" for x in actors) and not _body_of(sv, actors, p):
                    continue
                out.append(_cand(p, pred, a, sv, "implicit-parties", 0.7, {"year": years[0]} if years else None))
    return out


def _clause_agreement(roles, noun) -> tuple[list, Any]:
    """'The FTA entered into force after several rounds of negotiation', 'the pact grew out of consultations': an
    act named in an adjunct of a clause about an agreement is that agreement's. Returns them and the adjunct, whose
    years are the act's ("after talks beginning in 2006")."""
    node, adjunct = noun, noun
    for _ in range(6):
        if node.dep_ not in ("pobj", "prep", "pcomp"):
            break
        node, adjunct = node.head, node
    if node is not noun and node.pos_ == "NOUN" and node.dep_ in ("dobj", "attr") and noun.dep_ == "pobj" \
            and noun.head.lower_ == "of":
        node = node.head  # "the FTA concludes the final chapter of negotiations that began in 2010"
    elif node is noun and noun.dep_ == "dobj" and not any(c.dep_ == "prep" for c in noun.children) \
            and noun.head.dep_ == "advcl":
        # "X signed the FTA in 2015, three years after the two sides started talks in 2012": talks of nothing else,
        # in a clause that times the act on the pact, were on the pact
        adjunct, node = noun.head, noun.head.head
        return [m for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")
                for m in roles.denotes_list(c) if m.type == "Agreement"], adjunct
    if node is noun or node.pos_ not in ("VERB", "AUX"):
        return [], noun
    return [m for c in node.children if c.dep_ in ("nsubj", "nsubjpass") for m in roles.denotes_list(c)
            if m.type == "Agreement"], adjunct


def _body_of(sv, bodies, country) -> bool:
    """'ratified by the National Assembly of South Korea': the body belongs to that party."""
    for b in bodies:
        if b.type != "GovernmentBody":
            continue
        after = sv.text[b.end - sv.start:b.end - sv.start + 40]
        if re.match(r"\s+of\s+(?:the\s+)?" + re.escape(country.text), after) or country.text in b.text:
            return True
    return False


def described_parties(sv, roles, state):
    """'NAFTA, the largest U.S. FTA,', 'NAFTA is a U.S. trade agreement': a description of a named agreement that
    names a country makes it a party (a proposed or planned one only negotiates)."""
    out = []
    novelty = load_lexicon().novelty_modifiers | {"potential", "possible", "prospective"}
    for m in sv.mentions:
        if m.type != "Agreement" or m.source != "coref":
            continue
        # (the description's own words, and the ones its name dropped: "a proposed Norwegian trade agreement")
        words = set(re.findall(r"[a-z]+", (sv.text[max(0, m.start - sv.start - 25):m.start - sv.start]
                                           .split(",")[-1] + " " + m.text).lower()))
        for c in sv.mentions:
            if c.type == "Country" and m.start <= c.start and c.end <= m.end and c is not m:
                predicate = "NEGOTIATES" if words & novelty else "PARTY_TO"
                out.append(_cand(replace(c, adjective=False), predicate, m, sv, "described-party", 0.7))
    return out


CITY_COMMA = re.compile(r"\s*(?:(?:in|at|near|outside)\s+(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*\s*)?,\s+")


def _place_after(sv, m):
    """The state or country after a facility and its town: '<facility> (in|at) Town, State' where the state ends
    the phrase (punctuation or a verb follows), however the parser attached it."""
    mt = CITY_COMMA.match(sv.text, m.end - sv.start)
    if not mt:
        return None
    at = sv.start + mt.end()
    place = next((x for x in sv.mentions if x.start == at and x.type in ("USState", "Country") and not x.adjective),
                 None)
    if place is None:
        return None
    rest = sv.text[place.end - sv.start:]
    if re.match(r"\s*(?:[,.;:)]|$)", rest):
        return place
    nxt = next((t for t in sv.tokens if sv.start + t.idx >= place.end), None)
    return place if nxt is not None and nxt.pos_ in ("VERB", "AUX") else None


# between a country's possessive and its firm's name: "Chile's Velkor", "Chile's state-run Velkor Gas", "Peru's
# largest, government-owned Andes Power" (who holds or runs it, how big it is: adjectives, no noun of a trade)
POSSESSIVE_OWNER = re.compile(r"[’']s?\s+(?:(?:(?:state|government|publicly|privately|family)[-\s](?:run|owned|"
                              r"controlled|backed|held|listed)|state|national|leading|top|flagship|[a-z]+est|"
                              r"[a-z]+-largest),?\s+){0,3}")
# "Montgomery, Alabama, " right before a facility's words: the town and the state it stands in
TOWN_AND_STATE_BEFORE = re.compile(r"[A-Z][\w.-]*(?: [A-Z][\w.-]*)*, (?P<state>[A-Z][\w ]+), $")


def of_country(sv, roles, state):
    """'SK On of South Korea', 'Ford Motor Company of the United States', "South Korea's Hanwha Ocean", "Georgia's
    Bryan County Megasite", "Doosan Enerbility (South Korea)": where the firm is from, where the facility is."""
    out = []
    for m in sv.mentions:
        if m.type not in ("Firm", "GovernmentBody", "Facility") or m.source == "coref":
            continue
        if m.type == "Facility":  # "the shipyard in Philadelphia, Pennsylvania", "the plant at Taylor, Texas"
            place = _place_after(sv, m)
            if place is not None:
                out.append(_cand(m, "LOCATED_IN", place, sv, "place-chain", 0.7))
        if m.type == "Facility":  # "its Kentucky plant", "the Texas fab": the place that names the facility
            for c in sv.mentions:
                if c.type == "USState" and c.start == m.start and c.end < m.end and not m.text.endswith("s"):
                    out.append(_cand(m, "LOCATED_IN", c, sv, "place-named", 0.7))
            # "its Montgomery, Alabama, engine plant": a town and its state set off before the facility's words
            before = TOWN_AND_STATE_BEFORE.search(sv.text[:m.start - sv.start])
            state = next((c for c in sv.mentions if before and c.type == "USState"
                          and c.start - sv.start == before.start("state") and not m.text.endswith("s")), None)
            if state is not None:
                out.append(_cand(m, "LOCATED_IN", state, sv, "place-named", 0.7))
        if m.type in ("Firm", "Facility"):  # "Taiwan's TSMC", "Georgia's Bryan County Megasite"
            for c in sv.mentions:
                if c.type in (("Country",) if m.type == "Firm" else ("Country", "USState")) and not c.adjective \
                        and c.end <= m.start \
                        and POSSESSIVE_OWNER.fullmatch(sv.text[c.end - sv.start:m.start - sv.start]):
                    out.append(_cand(m, "LOCATED_IN", c, sv, "country-possessive", 0.7))
        end = _name_end(sv, m)  # ("Velkor Corp. of Chile": past the legal form the name leaves out)
        if m.type in ("Firm", "Facility"):  # "Doosan Enerbility (South Korea)", "TSMC (Taiwan)": a firm's home
            for c in sv.mentions:
                if c.type in ("Country", "USState") and not c.adjective and c.start > end \
                        and re.fullmatch(r"\s*\(", sv.text[end - sv.start:c.start - sv.start]) \
                        and sv.text[c.end - sv.start:c.end - sv.start + 1] == ")":
                    out.append(_cand(m, "LOCATED_IN", c, sv, "place-in-parentheses", 0.7))
        mt = re.match(r"\s+of\s+(?:the\s+)?", sv.text[end - sv.start:])
        if not mt:
            continue
        at = end - sv.start + mt.end()
        for c in sv.mentions:
            if c.type in ("Country", "USState") and c.start - sv.start == at and not c.adjective:
                out.append(_cand(m, "LOCATED_IN", c, sv, "of-country", 0.75))
    for c in sv.mentions:  # "its first plant outside its native Vietnam", "in its home country of Peru"
        if c.type != "Country" or c.adjective or not HOME_OF.search(sv.text[:c.start - sv.start]):
            continue
        pronoun = HOME_OF.search(sv.text[:c.start - sv.start]).start() + sv.start
        firm = max((m for m in sv.mentions if m.type == "Firm" and m.end <= pronoun), key=lambda m: m.end,
                   default=None)  # (the firm named last before "its")
        if firm is not None:
            out.append(_cand(firm, "LOCATED_IN", c, sv, "home-country", 0.7))
    for p in sv.mentions:  # "Seoul-based Velmora Motors", "the Texas-based chipmaker X": where it is based
        if p.type not in ("Country", "USState"):
            continue
        mt = BASED_IN.match(sv.text, p.end - sv.start)
        if mt:
            firm = next((m for m in sv.mentions if m.start - sv.start == mt.end() and m.type in ("Firm", "Facility")),
                        None)
            if firm is not None:
                out.append(_cand(firm, "LOCATED_IN", replace(p, adjective=False), sv, "place-based", 0.75))
    return out


# a firm's own country, by its possessive: "outside its native Vietnam", "its home market of Korea"
HOME_OF = re.compile(r"\b(?:its|their)\s+(?:native|home)(?:\s+(?:country|market|nation|base))?(?:\s*,\s*|\s+of\s+|\s+)$")


def _name_end(sv, m) -> int:
    """Where a firm's name ends as written: past its legal form ("Velkor Corp.", "Velkor, Inc.")."""
    mt = LEGAL_TAIL.match(sv.text, m.end - sv.start) if m.type == "Firm" else None
    return m.end + len(mt.group(0)) if mt else m.end


# "<place>-based <up to three lower-case words> <name>"
BASED_IN = re.compile(r"-(?:based|headquartered)\s+(?:[a-z][\w-]*\s+){0,3}")


def national_makers(sv, roles, state):
    """'Korean shipbuilders won most orders', 'Japanese automakers', 'Korea's shipyards': a country's makers of a
    thing are its industry (the country operates in that sector)."""
    out = []
    for m in sv.mentions:
        if m.type != "Country":
            continue
        owner = "" if m.adjective else r"['’]s"  # "Korean shipbuilders", "Korea's shipbuilders"
        mt = re.match(owner + r"\s+(?:[a-z]+\s+)?([a-z]+s)\b", sv.text[m.end - sv.start:])
        if mt:
            sector = state.sector_nouns.get(mt.group(1)[:-1])  # "shipbuilders" -> shipbuilder -> shipbuilding
            if sector is not None:
                out.append(_cand(replace(m, adjective=False), "OPERATES_IN", sector, sv, "national-makers", 0.65))
    out += _members_in_sectors(sv, roles)
    out += _owned_sectors(sv)
    return out


def _owned_sectors(sv) -> list[Candidate]:
    """'South Korea's shipbuilding is world-class', 'Chile's copper mining': a country's sector, the head of its
    noun phrase (not 'Korea's steel exports', whose head is the trade), is its industry."""
    out = []
    for m in sv.mentions:
        if m.type != "Country" or m.adjective:
            continue
        mt = re.match(r"['’]s\s+", sv.text[m.end - sv.start:])
        if not mt:
            continue
        at = m.end + mt.end()
        sector = next((x for x in sv.mentions if x.type == "Sector" and x.start == at), None)
        if sector is None:
            continue
        head = next((t for t in reversed(sv.tokens) if sector.start <= sv.start + t.idx < sector.end), None)
        if head is not None and head.dep_ not in ("compound", "amod", "nmod") and head.pos_ in ("NOUN", "PROPN"):
            out.append(_cand(m, "OPERATES_IN", sector, sv, "owned-sector", 0.65))
    return out


NP_RUN = frozenset({"DET", "ADJ", "NOUN", "PROPN", "CCONJ", "NUM"})


def _members_in_sectors(sv, roles) -> list[Candidate]:
    """'Chinese firms in automotives and shipbuilding', 'U.S. jobs in the EV and battery industries', 'Korean
    shipbuilding giants', 'Korea's shipbuilding capabilities': a country's firms, workers, jobs or capabilities in
    a sector, or named with it, are its industry."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if lem not in roles.lex.industry_members or tok.pos_ != "NOUN":
            continue
        countries = [m for m in roles.owner(tok) if m.type == "Country"]
        if not countries or roles.negated(tok.head) or roles.hypothetical(tok):
            continue
        after = sv.start + tok.idx + len(tok.text) + 1
        if (tok.dep_ == "compound" and tok.head.pos_ == "PROPN") or any(c.dep_ == "appos" for c in tok.children) \
                or any(m.start == after and m.type == "Firm" for m in sv.mentions) \
                or sv.text[tok.idx + len(tok.text):tok.idx + len(tok.text) + 2] == ", " and any(
                    m.start == after + 1 and m.type == "Firm" for m in sv.mentions):
            # "Chinese telecoms companies Huawei and ZTE", "the Korean tech giants, Samsung and SK Hynix": the named
            # firms are in the sector (descriptors)
            continue
        if tok.dep_ == "attr" and any(m.type == "Firm" for c in tok.head.children if c.dep_ == "nsubj"
                                      for m in roles.denotes_list(c)):
            continue  # "A and B are Norwegian battery makers": so are the named firms, not the country's industry
        if tok.tag_ == "NN" and tok.lemma_.lower() not in ("capability", "prowess", "sector"):
            continue  # one firm ("SK On, South Korea's third-largest battery maker"), not the country's industry
        mods = [t for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod") for t in c.subtree]
        for sector in (m for m in sv.mentions if m.type == "Sector"
                       and any(m.start <= sv.start + t.idx < m.end for t in mods)):
            out += [_cand(replace(c, adjective=False), "OPERATES_IN", sector, sv, "members-in-sector", 0.65)
                    for c in countries if not (c.start <= sector.start < c.end)]
        for prep in tok.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            last = max(t.i for t in prep.subtree)
            while last + 1 < len(tok.doc) and tok.doc[last + 1].pos_ in NP_RUN:
                last += 1  # (the parser may hang "and shipbuilding sectors" elsewhere: the words run on)
            a, b = sv.start + prep.idx, sv.start + tok.doc[last].idx + len(tok.doc[last])
            for sector in (m for m in sv.mentions if m.type == "Sector" and a <= m.start < b):
                out += [_cand(replace(c, adjective=False), "OPERATES_IN", sector, sv, "members-in-sector", 0.65)
                        for c in countries]
    return out


def law_possessive(sv, roles, state):
    """"the Inflation Reduction Act (IRA)'s Section 30D credit", "the CHIPS Act's tax credits": the law
    authorises the measure it owns."""
    out = []
    for law in sv.mentions:
        if law.type != "Law" or law.adjective:
            continue
        for m in sv.mentions:  # "the IRA tax credits", "CHIPS Act grants": a measure named after its law
            if m.type == "Policy" and m.start <= law.start and law.end <= m.end and m is not law:
                out.append(_cand(law, "AUTHORIZES", m, sv, "law-named", 0.7))
        for m in sv.mentions:  # "the Section 30D credit, part of the Inflation Reduction Act,": the law's own part
            if m.type == "Policy" and m.end <= law.start and LAW_PART.fullmatch(sv.text, m.end - sv.start,
                                                                               law.start - sv.start):
                out.append(_cand(law, "AUTHORIZES", m, sv, "law-part", 0.7))
        mt = LAW_POSSESSIVE.match(sv.text, law.end - sv.start)
        if not mt:
            continue
        at = mt.end()
        for m in sv.mentions:
            if m.type == "Policy" and at <= m.start - sv.start <= at + 30 \
                    and not re.search(r"[,;.]", sv.text[at:m.start - sv.start]):
                out.append(_cand(law, "AUTHORIZES", m, sv, "law-possessive", 0.7))
                break
    return out


LAW_POSSESSIVE = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?[’']s?\s+")
# a measure put as a part of a law: ", part of the Act", ", a provision of the Act", " under Title III of the Act"
LAW_PART = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?,\s+(?:a\s+|one\s+)?(?:key\s+|central\s+|major\s+)?"
                      r"(?:part|provision|component|section|piece|pillar|element)\s+of\s+(?:the\s+)?")


# what a law does to the measures it brings: "authorized by", "established by", "created by the Act"
ENACTING = frozenset({"authorize", "authorise", "establish", "create", "fund", "mandate", "enact", "introduce",
                      "provide", "require", "set", "impose"})


INVOKING = frozenset({"invoke", "use", "cite", "employ", "exercise", "apply", "rely", "draw", "tap"})


def invoked_law(sv, roles, state):
    """'Trump invoked IEEPA to impose tariffs on Canada', 'Commerce used Section 232 to restrict imports of X': the
    law invoked for a measure authorises it."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if lem not in INVOKING or tok.pos_ != "VERB" or roles.negated(tok):
            continue
        laws = [m for m in roles.dobj(tok) + roles.pp(tok, {"on", "upon"}) if m.type == "Law"]
        laws += [m for c in tok.children if c.dep_ == "dobj" for m in roles.nested_of(c) if m.type == "Law"]
        if not laws:
            continue
        if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.head.pos_ == "VERB":
            # "X ordered tariffs on steel, citing section 232 of the Act", "Invoking IEEPA, X imposed tariffs": the
            # law cited beside a clause authorises the measure the clause takes
            taken = [d for d in tok.head.children if d.dep_ == "dobj"]
            measures = [m for m in roles.dobj(tok.head) if m.type == "Policy"]
            measures += [m for m in sv.mentions if m.type == "Policy" and m.source == "pattern"
                         and any(m.start <= sv.start + d.idx < m.end for d in taken)]
            out += [_cand(law, "AUTHORIZES", p, sv, "invoked-law", 0.75) for law in unique_mentions(laws)
                    for p in unique_mentions(measures) if p.id != law.id]
        for c in tok.children:  # the purpose: "to impose tariffs", "to justify the tariffs"
            if c.dep_ in ("advcl", "xcomp") and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children):
                measures = [m for m in roles.dobj(c) if m.type == "Policy"]
                measures += [m for m in sv.mentions if m.type == "Policy" and m.source == "pattern"
                             and any(m.start <= sv.start + t.idx < m.end for d in c.children if d.dep_ == "dobj"
                                     for t in [d])]
                for law in laws:
                    for p in unique_mentions(measures):
                        if p.id != law.id:
                            out.append(_cand(law, "AUTHORIZES", p, sv, "invoked-law", 0.75))
    return out


def under_law(sv, roles, state):
    """'$75 million in direct funding under the CHIPS Act', 'tariffs imposed under Section 232', 'Pursuant to
    section 232 of the Act, X imposed ...', 'Consistent with my authority under ..., including section 721 of the
    Act, I direct CFIUS to conduct a review', 'the credits authorized by the Act', 'the prohibitions associated with
    the Act': the law (or authority) authorises the measure it is cited for."""
    out = []
    for tok in sv.tokens:
        # "the credits authorized by the Act", "the prohibitions associated with the Act": a participle after the
        # measure names the law behind it
        part = tok.head
        if (tok.dep_ == "agent" and part.lemma_.lower() in ENACTING or tok.lower_ == "with"
                and part.lemma_.lower() in ("associate", "connect", "link", "tie")) and part.dep_ == "acl":
            laws = [m for c in tok.children if c.dep_ == "pobj" for m in roles.denotes_list(c) if m.type == "Law"]
            for law in laws:
                for p in (m for m in roles.denotes(part.head) if m.type == "Policy" and m.id != law.id):
                    out.append(_cand(law, "AUTHORIZES", p, sv, "under-law", 0.75))
            continue
        if tok.lower_ not in ("under", "pursuant") or tok.dep_ not in ("prep", "advcl", "advmod", "amod"):
            continue
        head = _authority_clause(tok)
        laws = _cited_laws(sv, roles, tok, head)
        policies = _cited_for(roles, head, frozenset(t.i for t in tok.subtree)) if laws else []
        out += [_cand(law, "AUTHORIZES", p, sv, "under-law", 0.75) for law in laws for p in policies
                if p.id != law.id]
    return out


# what a law gives the one who acts under it: "my authority under section 721 of the Act", "consistent with"
AUTHORITY_WORDS = frozenset({"authority", "power", "powers", "mandate", "consistent", "with", "accordance", "in"})


def _authority_clause(tok):
    """The word an "under"/"pursuant to" phrase is said of: past "my authority" and "consistent with" to the clause's
    verb ("Consistent with my authority under X, I direct ...")."""
    head = tok.head
    while head.lemma_.lower() in AUTHORITY_WORDS and head.head.i != head.i:
        head = head.head
    while head.pos_ not in ("VERB", "AUX", "NOUN", "PROPN", "NUM", "SYM") and head.head.i != head.i:
        head = head.head
    if head.dep_ == "csubj" and tok.i < head.i:
        head = head.head  # "Under the Act, copper mined abroad is ineligible ...": a fronted phrase is the clause's
    return head


def _cited_laws(sv, roles, tok, head) -> list[Mention]:
    """The laws an "under"/"pursuant to" phrase cites: its object's ("section 232 of the Act"), the laws its object
    lists, and, fronted before the clause, every law up to the clause's subject ("..., including section 721 of the
    Defense Production Act, I direct ...")."""
    pobj = [c for c in tok.children if c.dep_ == "pobj"]
    if tok.lower_ == "pursuant":
        pobj = [cc for c in tok.children if c.lower_ == "to" for cc in c.children if cc.dep_ == "pobj"]
    laws = [m for p in pobj for m in roles.denotes_list(p) + roles.nested_of(p) if m.type == "Law"]
    spans = [(min(t.idx for p in pobj for t in p.subtree), max(t.idx + len(t.text) for p in pobj for t in p.subtree))
             ] if pobj else []
    if head.pos_ in ("VERB", "AUX") and tok.i < head.i:
        spans.append((tok.idx, min([c.idx for c in head.children if c.dep_ in ("nsubj", "nsubjpass")] + [head.idx])))
    laws += [m for m in sv.mentions if m.type == "Law" and any(a <= m.start - sv.start < b for a, b in spans)]
    return unique_mentions(laws)


def _cited_for(roles, head, cited: frozenset = frozenset()) -> list[Mention]:
    """The measures a cited law is cited for: the one the phrase hangs from, the clause's object (and its governed
    verbs' objects: "I direct CFIUS to conduct a review"), what a sum is in ("$75 million in funding under X"), else
    any measure in the clause outside the citing phrase (token indices `cited`)."""
    policies = [m for m in roles.denotes(head) if m.type == "Policy"]
    if not policies and head.pos_ in ("VERB", "AUX"):
        # (not a clause with a subject of its own: "..., although Chile kept the credit")
        verbs = [head] + [c for c in head.children if c.dep_ in ("xcomp", "advcl", "ccomp", "conj") and c.pos_ == "VERB"
                          and not any(d.dep_ in ("nsubj", "nsubjpass") for d in c.children)]
        policies = [m for v in verbs for m in roles.dobj(v) if m.type == "Policy"]
        if not policies:  # "to provide up to $75 million in direct funding under the Act"
            for c in head.children:
                if c.dep_ == "dobj":
                    policies += [m for m in roles.pp(c, {"in", "of", "for"}) if m.type == "Policy"]
    if not policies and head.pos_ in ("NUM", "SYM") or head.lower_ in ("million", "billion"):
        policies = [m for m in roles.pp(head, {"in", "of"}) if m.type == "Policy"]
    if not policies and head.pos_ in ("VERB", "AUX"):
        # "Under the Act, vehicles assembled abroad are ineligible for the credit": the measure the clause is about
        policies = [m for t in head.subtree if t.i != head.i and t.i not in cited and _in_clause_of(t, head)
                    for m in roles.sv.tok_mentions.get(t.i, []) if m.type == "Policy"]
    return unique_mentions(policies)


# links below which a clause of its own begins
OWN_CLAUSE = frozenset({"relcl", "advcl", "ccomp", "acl", "parataxis", "conj"})


def _in_clause_of(tok, verb) -> bool:
    """Whether the token stands in the verb's own clause, not in a clause below it."""
    node = tok
    while node.i != verb.i:
        if node.dep_ in OWN_CLAUSE and node.pos_ in ("VERB", "AUX"):
            return False
        node = node.head
    return True


# what a phrase concerns, no counterparty of it: "further orders with respect to the Purchasers"
WITH_RESPECT_TO = re.compile(r"\bwith\s+(?:respect|regard)\s+to\s+(?:the\s+)?(?:[\w.,]+\s+){0,8}$")


def counterparties(sv, roles, state):
    """'X signed a memorandum of terms with Y', 'X and Y signed a memorandum', 'a joint venture between A
    and B': the two are partners (firms, government bodies, states)."""
    out = []
    for tok, lem, low in zip(sv.tokens, sv.lemmas, sv.lowers):
        if lem not in COUNTERPARTY_NOUNS and low not in COUNTERPARTY_NOUNS:
            continue
        if roles.negated(tok.head) or roles.hypothetical(tok):
            continue
        sides = []
        between = [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("between", "among")
                   for p in c.children if p.dep_ == "pobj" for m in roles.denotes_list(p)]
        if len(between) >= 2:
            sides = [between]
        else:
            subj = roles.noun_subj(tok)
            withs = roles.pp(tok, {"with"})
            if not withs and tok.head.pos_ in ("VERB", "AUX"):
                withs = roles.pp(tok.head, {"with"})
            if not withs:  # "a memorandum of terms with X": "with" hangs from the of-phrase
                withs = _with_through_of(roles, tok)
            # ("orders with respect to X": what they concern, no counterparty)
            withs = [m for m in withs if not WITH_RESPECT_TO.search(sv.text, max(0, m.start - sv.start - 80),
                                                                      m.start - sv.start)]
            group = subj + withs
            if len(group) < 2 and tok.dep_ in ("dobj", "dative") and tok.head.lemma_.lower() in AWARDING_VERBS:
                # "the Navy awarded (a contract to) Hanwha Ocean": the giver and the holder
                group = _givers(roles, tok.head) + _given_to(roles, tok.head)
            if len(group) < 2 and tok.dep_ == "dobj" and tok.head.lemma_.lower() in RECEIVING_VERBS:
                # "Hanwha Ocean won a U.S. Navy contract": the winner and the body named in the contract
                group = roles.subj(tok.head) + [m for m in roles.compound(tok) if m.type in PARTNER_TYPES]
                if len(group) < 2:  # "won a contract from the Navy", "secured an order from Maersk": the giver
                    group += [m for m in roles.pp(tok, {"from"}) + roles.pp(tok.head, {"from"})
                              if m.type in PARTNER_TYPES]
            if len(group) >= 2:
                sides = [group]
        for group in sides:
            group = [m for m in group if m.type in PARTNER_TYPES and not m.adjective]
            if not any(m.type == "Firm" for m in group):
                continue
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    if a.id != b.id:
                        out.append(_cand(a, "PARTNERS_WITH", b, sv, "counterparties", 0.7))
    return out


def _givers(roles, verb) -> list[Mention]:
    """Who gives: the verb's subject, or in the passive the "by" the parser may hang from the thing given ('X was
    awarded a contract by the Navy')."""
    got = roles.subj(verb)
    if got or not any(c.dep_ == "auxpass" for c in verb.children):
        return got
    return [m for c in verb.children if c.dep_ == "dobj" for t in c.subtree if t.dep_ == "prep" and t.lower_ == "by"
            for p in t.children if p.dep_ == "pobj" for m in roles.denotes_list(p)]


def _given_to(roles, verb) -> list[Mention]:
    """Who a verb gives something to: 'awarded Hanwha a contract' (the indirect object), 'issued a licence to X';
    'awarded Hanwha $6 billion in funding', which the parser reads as two direct objects: the named one; 'Hanwha
    was awarded a contract'."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # (or the first of two, when it is a group led by a named one: "awarded a consortium led by X a contract")
    double = [c for c in objects if c.pos_ == "PROPN" or c.i == objects[0].i and c.lemma_.lower() in LED_GROUPS] \
        if len(objects) > 1 else []
    if objects:  # "X was awarded a contract", "X was granted $2 billion in loans": the passive's subject
        double += [c for c in verb.children if c.dep_ == "nsubjpass"]
    return [m for c in verb.children if c.dep_ == "dative" and c.lower_ != "to"
            for m in roles.denotes_list(c)] + [m for c in double for m in roles.denotes_list(c)
                                               if m.type in ("Firm", "Country", "GovernmentBody")] \
        + roles.pp(verb, {"to"})


# the accords a negotiation reaches, and the verbs of reaching one
ACCORD_NOUNS = frozenset({"agreement", "deal", "accord", "consensus", "understanding"})
REACHING_VERBS = frozenset({"reach", "conclude", "finalize", "finalise", "strike", "clinch", "seal", "confirm"})


def co_negotiators(sv, roles, state):
    """'X began renegotiation of NAFTA with Canada and Mexico', 'talks with Korea on the KORUS FTA': every
    side of the talks negotiates the agreement."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        # ("reached a final agreement with Peru on the X", "confirm and welcome final agreement on the X": the
        # accord reached is the talks' end)
        reached = lem in ACCORD_NOUNS and tok.dep_ == "dobj" and (tok.head.lemma_.lower() in REACHING_VERBS or (
            tok.head.dep_ == "conj" and tok.head.head.lemma_.lower() in REACHING_VERBS))
        if TREATY_NOUNS.get(lem) != "NEGOTIATES" and not reached \
                and not (tok.pos_ == "VERB" and TREATY_VERBS.get(lem) == "NEGOTIATES"):
            continue
        if roles.negated(tok) or roles.hypothetical(tok):
            continue
        agreements = [m for m in roles.pp(tok, {"of", "on", "over", "for", "to"}) + (
            roles.dobj(tok) if tok.pos_ == "VERB" else []) if m.type == "Agreement"]
        if not agreements and tok.dep_ == "dobj" and tok.pos_ == "NOUN":  # "started talks with X | on the Y accord"
            agreements = [m for m in roles.pp(tok.head, {"on", "over"}) if m.type == "Agreement"]
        if not agreements or (tok.pos_ == "VERB" and any(c.dep_ == "dobj" and c.lemma_.lower() in ENDING_NOUNS
                                                         for c in tok.children)):
            continue  # ("announced the termination of GSOMIA": an end, not talks)
        partners = roles.pp(tok, {"with"})
        if not partners and tok.dep_ in ("dobj", "pobj") and tok.head.pos_ in ("VERB", "AUX", "ADP"):
            verb = tok.head if tok.head.pos_ != "ADP" else tok.head.head
            partners = roles.pp(verb, {"with"})
        if not partners:  # "renegotiation of NAFTA, the largest U.S. FTA, with Canada": "with" hangs from the aside
            for a in agreements:
                heads = [t for t in sv.tokens if a.start <= sv.start + t.idx < a.end][-1:]
                for h in heads + [c for h in heads for c in h.children if c.dep_ == "appos"]:
                    partners += [m for m in roles.pp(h, {"with"}) if m.type == "Country"]
        actors = roles.subj(tok) if tok.pos_ == "VERB" else (roles.owner(tok) or roles.noun_subj(tok))
        for a in agreements:
            for m in actors + partners:
                if m.type in ("Country", "GovernmentBody", "Person") and not m.adjective:
                    out.append(_cand(m, "NEGOTIATES", a, sv, "co-negotiators", 0.7, at=tok))
    return out


LEADING_VERBS = frozenset({"lead", "head", "conduct", "spearhead"})


def negotiators_named(sv, roles, state):
    """'Maria Ruiz, Chile's chief negotiator for the Andean Pact,', 'with A and B, top negotiators from both sides,
    in attendance', 'chief negotiator Maria Ruiz', 'A, who led the negotiations': a person called a negotiator, or
    said to lead the talks, negotiates the agreement the phrase names, else the one agreement the sentence names,
    else the one the document named last."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        led = lem in ("negotiation", "talk") and tok.dep_ == "dobj" and tok.head.lemma_ in LEADING_VERBS
        if not (lem == "negotiator" or led) or tok.pos_ not in ("NOUN", "PROPN") or roles.negated(tok.head) \
                or roles.hypothetical(tok.head):
            continue
        if led:  # "Timothy Betts, ..., who led the negotiations"
            persons = roles.subj(tok.head)
        elif tok.dep_ == "appos":
            persons = roles.denotes_list(tok.head)
        elif tok.dep_ == "compound":
            persons = roles.denotes(tok.head)
        else:
            persons = [m for c in tok.children if c.dep_ == "appos" for m in roles.denotes_list(c)]
        persons = [m for m in persons if m.type == "Person"]
        if not persons:
            continue
        agreement = _agreement_meant(sv, roles, state, tok)
        if agreement is not None:
            out += [_cand(p, "NEGOTIATES", agreement, sv, "negotiator", 0.65, at=tok) for p in persons]
            # the countries they negotiate for: "top negotiators from both sides", "Chile's chief negotiator"
            sides = [] if led else roles.pp(tok, {"from", "for"}) + roles.owner(tok)
            out += [_cand(replace(c, adjective=False), "NEGOTIATES", agreement, sv, "negotiator-side", 0.65, at=tok)
                    for c in unique_mentions(sides) if c.type == "Country"]
    return out


def _agreement_meant(sv, roles, state, tok) -> Mention | None:
    """The agreement a word of talks or signing is about: the one its "for/on/of" phrase names, else the one
    agreement the sentence names, else the one the document named last; None when the words name two."""
    agreements = unique_mentions([m for m in roles.pp(tok, {"for", "on", "of"}) if m.type == "Agreement"]
                                 or [m for m in sv.mentions if m.type == "Agreement" and not m.adjective])
    if not agreements and state.last_agreement is not None:
        agreements = [state.last_agreement]
    return agreements[0] if len({a.id for a in agreements}) == 1 else None


CEREMONY_VERBS = frozenset({"hold", "attend", "host"})


def signing_ceremony(sv, roles, state):
    """'A and his counterpart B held the signing ceremony in Jakarta', 'Chile attended the signing ceremony of the
    Andean Pact': who holds or attends an agreement's signing ceremony signs it."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if lem != "ceremony" or tok.dep_ != "dobj" or tok.head.lemma_.lower() not in CEREMONY_VERBS \
                or not any(c.lower_ in ("signing", "signature") for c in tok.children if c.dep_ in ("compound", "amod")):
            continue
        verb = tok.head
        if roles.negated(verb) or roles.hypothetical(verb):
            continue
        actors = [m for m in roles.subj(verb) if m.type in ("Person", "Country", "GovernmentBody") and not m.adjective]
        agreement = _agreement_meant(sv, roles, state, tok) if actors else None
        if agreement is not None:
            out += [_cand(m, "SIGNS", agreement, sv, "signing-ceremony", 0.65, at=verb) for m in actors]
    return out


# occasions an act is done at with someone: "In a ceremony with President Moon, President Trump signed ..."
OCCASION_NOUNS = frozenset({"ceremony", "event", "summit", "meeting", "visit", "signing"})


def co_signers(sv, roles, state):
    """'In a ceremony with South Korean President Moon Jae-in, President Trump signed the revised KORUS FTA',
    'signed the pact alongside Peru', 'A signed the accord with her Peruvian counterpart B' (and through B, B's
    country): the one the signer signs with signs too."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if TREATY_VERBS.get(lem) != "SIGNS" or tok.pos_ != "VERB" or roles.negated(tok) or roles.hypothetical(tok):
            continue
        agreements = [m for m in roles.dobj(tok) if m.type == "Agreement"]
        if not agreements:
            continue
        occasions = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "during")
                     for p in c.children if p.dep_ == "pobj" and p.lemma_.lower() in OCCASION_NOUNS]
        withs = [m for o in occasions for m in roles.pp(o, {"with"})] + roles.pp(tok, {"alongside"})
        if any(c.dep_ == "nsubj" for c in tok.children):  # ("FTAs signed with B" names no signing of B's)
            # (the parser may hang the "with" from the pact)
            pacts = [c for c in tok.children if c.dep_ == "dobj"]
            withs += [m for h in [tok] + pacts for w in h.children if w.dep_ == "prep" and w.lower_ == "with"
                      for p in w.children if p.dep_ == "pobj" for m in roles.denotes_list(p) if m.type == "Person"]
        out += [_cand(m, "SIGNS", a, sv, "co-signers", 0.7, at=tok) for m in withs for a in agreements
                if m.type in ("Country", "Person") and not m.adjective]
    return out


def measure_acts(sv, roles, state):
    """A measure enacted by a verb ('Australia banned Huawei and ZTE'): the subject imposes it, and it
    targets what the verb's object names (see derived.verb_measures)."""
    out = []
    for m in sv.mentions:
        targets = getattr(m, "derived_targets", None)
        if not targets:
            continue
        toks = [t for t in sv.tokens if m.start <= sv.start + t.idx < m.end]
        if not toks or roles.negated(toks[0]) or roles.hypothetical(toks[0]):
            continue
        actors = roles.subj(toks[0])
        acting = acting_verb(toks[0]) if not actors and roles.parsed else toks[0]
        if acting is not toks[0]:
            actors = roles.subj(acting)  # "Chile is on track toward barring Peru from ..."
        for actor in actors:
            if actor.type in ("Country", "GovernmentBody", "Person", "InternationalOrganization"):
                out.append(_cand(actor, "IMPOSES", m, sv, "measure-act", 0.75))
        for t in targets:
            out.append(_cand(m, "TARGETS", t, sv, "measure-act", 0.75))
    return out


# a field firms are said to be in: "companies in the chip sector", "firms in the battery industry"
FIELD_NOUNS = frozenset({"sector", "industry", "market", "field"})
FIRM_NOUNS = frozenset({"company", "firm", "maker", "manufacturer", "producer", "supplier", "group", "conglomerate",
                        "corporation", "venture", "subsidiary", "affiliate", "startup", "business", "enterprise",
                        "giant", "exporter", "developer", "operator", "provider", "builder", "brand", "unit",
                        "competitor", "rival", "contractor", "carrier", "shipper", "utility", "fund", "bank",
                        "lender", "insurer", "retailer", "airline"})


@lru_cache(maxsize=1)
def _sector_words() -> frozenset:
    """The nouns a firm is called by for its trade ("chipmaker", "automaker"), from the lexicon."""
    return frozenset(load_lexicon().sector_nouns)


def _firm_word(tok) -> bool:
    """A noun firms are called by ("giants", "chipmakers"), whatever tag the parser gave it."""
    words = FIRM_NOUNS | _sector_words()
    return tok.lemma_.lower() in words or tok.lower_ in words or tok.lower_.endswith("s") and tok.lower_[:-1] in words


COUNTED_PARTS = frozenset({"one", "two", "three", "four", "five", "both", "each", "all"})


def _descriptions(sv, roles, m) -> list:
    """The noun phrases that say what a firm is: 'X, a South Korean battery maker', 'X is a steel producer',
    'the chipmaker X', 'the Korean firm X'."""
    toks = [t for t in sv.tokens if m.start <= sv.start + t.idx < m.end]
    if not toks:
        return []
    head = toks[-1]
    for t in toks:
        if t.head.i not in {x.i for x in toks}:
            head = t
    legal = load_lexicon().name_endings.get("Firm", ())
    after = head.doc[toks[-1].i + 1] if toks[-1].i + 1 < len(head.doc) else None
    if after is not None and after.text in legal and all(t.head.i in {x.i for x in toks} | {after.i} for t in toks):
        head = after  # ("Velkor Semiconductor (China) Ltd.": the legal form after the name heads it)
    while head.dep_ == "compound" and head.head.i > head.i and head.head.text in legal:
        head = head.head  # "Velkor Ltd. and Korvell Ltd., ...": the legal form heads the name, and its conjunct
    while head.dep_ == "conj" and head.head.i != head.i:  # "automakers Hyundai and Kia": Kia shares it
        if any(c.dep_ == "poss" for c in head.children):
            return []  # "Chile's copper company Codelco and Norway's Hydro": Hydro is described as Norway's alone
        if head.head.pos_ == "NOUN" and _firm_word(head.head) and head.left_edge.i > 0 \
                and head.doc[head.left_edge.i - 1].text == ",":
            # "the Korean tech giants, Samsung and SK Hynix": the parser joins the list to the description it is
            # the apposition of
            return [head.head]
        head = head.head
        first = head  # (the first conjunct's whole name: "chipmakers Velkor Semiconductor and Tarsk")
        while first.i > 0 and first.nbor(-1).dep_ == "compound" and first.nbor(-1).pos_ == "PROPN" \
                and first.nbor(-1).head.i == head.i:
            first = first.nbor(-1)
        toks = [t for t in head.doc[first.i:head.i + 1]]
    while head.dep_ == "compound" and head.head.i > head.i and head.head.text in legal:
        head = head.head  # "Hanwha Aerospace Co., Ltd. is a defense company": the legal form heads the phrase
    out = [c for c in head.children if c.dep_ == "appos"]
    # ("X, a U.S. audio and automotive component supplier": the parser may head the apposition by its first field
    # and join the firm's noun to it)
    out += [x for c in list(out) if c.lemma_.lower() not in FIRM_NOUNS for x in c.conjuncts
            if x.i > c.i and x.lemma_.lower() in FIRM_NOUNS]
    # (the parser may take a plural apposition for an adverbial: "A Ltd. and B Ltd., companies based in Korea")
    out += [c for c in head.children if c.dep_ == "npadvmod" and c.pos_ == "NOUN" and c.i > head.i + 1
            and c.nbor(-1).text == "," and c.lemma_.lower() in FIRM_NOUNS]
    # (or for another object, or an adverbial of the verb: "covers A and B, companies headquartered in Korea", "to be
    # supplied to A Ltd. and B Ltd., companies based in Korea": the plural noun right after the list describes it)
    last = max([head, *head.conjuncts], key=lambda t: t.i)
    k = last.i + 1
    if k + 1 < len(head.doc) and head.doc[k].text == "," and head.doc[k + 1].tag_ == "NNS" \
            and head.doc[k + 1].lemma_.lower() in FIRM_NOUNS and head.doc[k + 1] not in out:
        out.append(head.doc[k + 1])
    if head.dep_ == "pobj" and head.head.lower_ in ("as", "like", "including") and head.head.head.pos_ == "NOUN":
        out.append(head.head.head)  # "semiconductor companies such as X and Y"
    elif head.dep_ == "pobj" and head.head.lower_ == "as" and head.head.head.lower_ == "such":
        out.append(head.head.head.head)
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ in ("be", "become", "remain"):
        out += [c for c in head.head.children if c.dep_ in ("attr", "acomp")]
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ in ("consider", "regard", "deem", "rank", "call"):
        # "X, considered one of the world's lowest-cost steel producers,", "X is regarded as the largest maker"
        out += [c for c in head.head.children if c.dep_ in ("oprd", "attr")]
        out += [p for c in head.head.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children
                if p.dep_ == "pobj"]
    if head.dep_ == "nsubj":  # "X surpassed Y to become the second-largest conglomerate in Korea"
        out += [a for c in head.head.children if c.dep_ in ("xcomp", "advcl") and c.lemma_ in ("become", "remain")
                for a in c.children if a.dep_ == "attr"]
        # "X is among the largest Korean shipbuilders"
        out += [p for c in head.head.children if c.dep_ == "prep" and c.lower_ == "among" for p in c.children
                if p.dep_ == "pobj"]
    if head.dep_ == "dobj":  # "welcomed X as the first Korean shipbuilder": what the verb takes it as
        out += [p for c in head.head.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > head.i
                for p in c.children if p.dep_ == "pobj" and p.pos_ == "NOUN"]
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        out.append(head.head)  # "the Korean firm Absolics"
    first = toks[0]
    before = first.nbor(-1) if first.i > 0 else None
    if before is not None and (before.pos_ == "NOUN" and before.lemma_.lower() not in ("the",) or before.pos_ == "PROPN"
                               and before.i == before.sent.start and before.lower_ in FIRM_NOUNS | _sector_words()
                               or before.pos_ == "VERB" and before.dep_ == "compound" and _firm_word(before)):
        # ("the Chilean copper giants Velkor and Tarsk": the parser may tag a plural description a verb)
        out.append(before)  # "the chipmaker SK Hynix" (parsed as a compound), "Automaker X" opening a sentence
    if m.type == "Facility" and head.pos_ == "NOUN":
        out.append(head)  # "a battery complex in Ellabell, Georgia built by X": the description is the mention
    # "X is one of the world's largest shipbuilders", "X and Y, two of the largest chipmakers": what the group is
    out += [p for d in out if d.lower_ in COUNTED_PARTS for c in d.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj"]
    return out


# "Pohang Iron and Steel Co. Ltd. of South Korea", "X Corporation, of Shenzhen, China": a firm's country written
# after its name (after its city)
FIRM_OF_COUNTRY = re.compile(rf"(?:{LEGAL_TAIL.pattern})*,?\s+of\s+(?:the\s+)?(?:[A-Z][\w.'-]*(?:[ -][A-Z][\w.'-]*)"
                             r"{0,2},\s+)?")


def descriptors(sv, roles, state):
    """What a firm's description says: its nationality ('a South Korean battery maker' -> LOCATED_IN South
    Korea), its line of business (-> OPERATES_IN batteries) and its seat ('a steel producer headquartered in
    Charlotte, North Carolina' -> LOCATED_IN North Carolina), or the country written after its name ('X Co. Ltd.
    of South Korea')."""
    out = []
    sector_nouns = state.sector_nouns
    for m in sv.mentions:
        if m.type not in ("Firm", "Facility", "Country") or m.adjective:
            continue
        if m.type == "Firm" and m.source != "coref":
            out += [_cand(m, "LOCATED_IN", x, sv, "descriptor-of-country", 0.7) for x in sv.mentions
                    if x.type == "Country" and not x.adjective and x.start > m.end
                    and FIRM_OF_COUNTRY.fullmatch(sv.text, m.end - sv.start, x.start - sv.start)]
        descriptions = None
        if m.source == "coref":  # "the US robotics company" read as the firm named before: its head's words say it
            if m.type != "Firm" or m.text.lower() not in FIRM_NOUNS:
                continue
            descriptions = [t for t in sv.tokens if sv.start + t.idx == m.start]
        for d in descriptions if descriptions is not None else _descriptions(sv, roles, m):
            if d.lemma_.lower() in FIELD_NOUNS and d.dep_ == "pobj" and d.head.lower_ == "in" \
                    and d.head.head.lemma_.lower() in FIRM_NOUNS:
                d = d.head.head  # "companies in the chip sector such as X": the firms the field is of
            if d.pos_ not in ("NOUN", "PROPN") and not (d.pos_ == "VERB" and _firm_word(d)) or (
                    d.lemma_.lower() not in FIRM_NOUNS
                                                   and d.lemma_.lower() not in sector_nouns and m.type == "Firm"):
                continue
            if m.type == "Country":  # "Korea is the world's largest shipbuilder": only the line of business
                if d.lemma_.lower() in sector_nouns:
                    out.append(_cand(m, "OPERATES_IN", sector_nouns[d.lemma_.lower()], sv, "descriptor-sector",
                                     0.7))
                continue
            span = [t for t in d.subtree if t.i <= d.i and t.dep_ not in ("det", "punct")] + [d]
            if d.dep_ == "conj" and d.head.dep_ == "appos":  # (the whole apposition: "a U.S. audio and ... supplier")
                span += [t for t in d.head.subtree if t.i < d.i and t.dep_ not in ("det", "punct")]
            if d.dep_ == "compound" and d.head.i > d.i and d.head.pos_ == "PROPN":
                # ("the Chilean copper giants Velkor": the parser may hang the description's modifiers from the name)
                span += [t for t in d.doc[d.head.left_edge.i:d.i] if t.dep_ not in ("det", "punct")]
            # (and the field they are in: "firms in the battery industry, including X")
            span += [t for c in d.children if c.dep_ == "prep" and c.lower_ == "in" for p in c.children
                     if p.dep_ == "pobj" and p.lemma_.lower() in FIELD_NOUNS for t in p.subtree]
            a, b = sv.start + min(t.idx for t in span), sv.start + max(t.idx + len(t.text) for t in span)
            inside = [x for x in sv.mentions if a <= x.start < b and x is not m]
            for x in inside:
                if x.type == "Country" and m.type == "Firm":
                    out.append(_cand(m, "LOCATED_IN", x, sv, "descriptor-nationality", 0.75))
                elif x.type == "Sector":
                    out.append(_cand(m, "OPERATES_IN", x, sv, "descriptor-sector", 0.75))
            if m.type == "Firm" and not any(x.type == "Country" for x in inside) and not any(
                    t.lower_ in ("foreign", "overseas", "global", "international") for t in span):
                # "the second-largest conglomerate in Korea": where a firm ranks among its country's firms
                out += [_cand(m, "LOCATED_IN", x, sv, "descriptor-seat", 0.7) for c in d.children
                        if c.dep_ == "prep" and c.lower_ == "in" and any(t.tag_ in ("JJS", "RBS") or t.lower_ in (
                            "leading", "top") for t in d.lefts)
                        for x in roles.pp(d, {"in"}) if x.type == "Country" and not x.adjective]
            # (a description standing for a firm says nothing new by its noun: "the bank" is a bank)
            sector = sector_nouns.get(d.lemma_.lower()) if descriptions is None else None
            if sector is not None and not any(x.type == "Sector" for x in inside):
                out.append(_cand(m, "OPERATES_IN", sector, sv, "descriptor-sector", 0.7))
            # (the parser may hang "built by X" from the last place of the facility's chain: "a chip complex in
            # Phoenix, Arizona, United States built by TSMC")
            misplaced = [t for t in d.subtree if t.dep_ == "acl" and t.head.i != d.i and t.head.pos_ == "PROPN"
                         and any(x.type in ("Country", "USState") and x.start <= sv.start + t.head.idx < x.end
                                 for x in sv.mentions)] if m.type == "Facility" else []
            for c in list(d.children) + misplaced:  # "a steel producer headquartered in Charlotte, North Carolina"
                if c.dep_ == "acl" and c.lemma_.lower() in ("base", "headquarter", "locate"):
                    for place in roles.pp(c, {"in"}):
                        if place.type in ("Country", "USState"):
                            out.append(_cand(m, "LOCATED_IN", place, sv, "descriptor-seat", 0.75))
                if m.type == "Facility" and c.dep_ == "prep" and c.lower_ in ("in", "at", "near") and not (any(
                        x.type == "Facility" and x.id != m.id and x.start <= sv.start + d.idx < x.end
                        for x in sv.mentions) and any(m.start <= sv.start + t.idx < m.end for t in d.conjuncts)):
                    # "a chip complex in Phoenix, Arizona, United States": every place of the chain (of this
                    # facility's description, not of another facility listed with it: "X's facility in Montgomery,
                    # Ala., and Y's plant in West Point, Ga.")
                    places = [x for x in sv.mentions if x.type in ("Country", "USState") and not x.adjective
                              and sv.start + c.idx < x.start <= sv.start + max(t.idx for t in c.subtree)]
                    for place in places:
                        out.append(_cand(m, "LOCATED_IN", place, sv, "descriptor-seat", 0.75))
                if m.type == "Facility" and c.dep_ == "acl" and c.lemma_.lower() in ("build", "own", "operate",
                                                                                     "run", "develop"):
                    # "... complex built by TSMC": the builder is in the facility's line of business
                    owners = [x for a in c.children if a.dep_ == "agent" for p in a.children
                              for x in roles.denotes_list(p) if x.type == "Firm"]
                    for firm in owners:
                        for x in inside:
                            if x.type == "Sector":
                                out.append(_cand(firm, "OPERATES_IN", x, sv, "descriptor-sector", 0.7))
    return out + _shared_by_list(sv, out)


def _shared_by_list(sv, found: list[Candidate]) -> list[Candidate]:
    """'battery makers A, B and C', 'A and B, Korea's top two shipbuilders': a description of a list of firms is
    each one's, however the parser hung it (word order: names joined only by commas and "and")."""
    firms = sorted((m for m in sv.mentions if m.type == "Firm" and not m.adjective), key=lambda m: m.start)
    lists, run = [], firms[:1]
    for a, b in zip(firms, firms[1:]):
        if LIST_GLUE.fullmatch(sv.text, a.end - sv.start, b.start - sv.start):
            run.append(b)
        else:
            lists.append(run)
            run = [b]
    lists.append(run)
    out = []
    for members in (ms for ms in lists if len(ms) >= 2):
        ids = {m.id for m in members}
        said = {(c.predicate, c.object.id): c for c in found if c.subject.id in ids and c.rule.startswith("descriptor")}
        for c in said.values():
            for m in members:
                if not any(x.subject.id == m.id and x.predicate == c.predicate and x.object.id == c.object.id
                           for x in found):
                    out.append(_cand(m, c.predicate, c.object, sv, c.rule, c.confidence))
    return out


# what joins the names of a list: "A, B and C", "A and B", "A, B, and C"
LIST_GLUE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")



def business_lines(sv, roles, state):
    """'LG will build a battery plant in Arizona', 'Samsung's chip business', 'its solar factory', 'Hanwha operates
    shipyards': a firm that owns or builds a plant, a business or a venture of a sector operates in that sector."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if lem not in roles.lex.business_nouns or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        _facility_owners(sv, roles, tok)
        a = sv.start + min([t.idx for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod") for t in c.subtree]
                           + [tok.idx])  # (the modifiers' own modifiers too: "memory chip factories")
        # (not a kind of work any plant does: "a manufacturing facility")
        sectors = [m for m in sv.mentions if m.type == "Sector" and a <= m.start < sv.start + tok.idx
                   and m.name not in ACTIVITY_SECTORS]
        if not sectors and tok.lemma_.lower() in state.sector_nouns:  # "Hanwha operates shipyards": the noun
            sectors = [state.sector_nouns[tok.lemma_.lower()]]        # of the business names its sector
        if not sectors:
            continue
        if roles.negated(tok.head) or roles.hypothetical(tok):
            continue
        if roles.left(tok):
            continue  # ("after exiting the SSD business"; one that "plans to sell" its unit still runs it)
        owners = [m for m in roles.owner(tok) + roles.noun_subj(tok) if m.type == "Firm" and not m.adjective]
        for firm in owners:
            for sector in sectors:
                out.append(_cand(firm, "OPERATES_IN", sector, sv, "business-line", 0.7))
    return out


# what lies between a sum and the facility it pays for: "a $3.2 billion cathode plant", "invest $5.5 billion to
# build a battery complex"
PRICED = re.compile(r"(?:\s+(?:to|will|would)\s+(?:build|construct|develop|set\s+up|establish|open|expand)"
                    r"(?:\s+(?:a|an|the|its|their|new|second|third))*)?\s*(?:-\s*)?")


def priced_facilities(sv, roles, state):
    """'X is building a $3.2 billion cathode plant in Y', 'X plans to invest $5.5 billion to build a battery complex':
    the firm that builds a facility puts the sum written with it into that facility (not a plant merely owned:
    its owner's money in it is not said)."""
    out = []
    facilities = [m for m in sv.mentions if m.type == "Facility" and m.owners]
    if not facilities:
        return out
    for amount in find_amounts(sv.text):
        for f in facilities:
            k = f.start - sv.start
            if k < amount.end or not PRICED.fullmatch(sv.text, amount.end, k) \
                    or LENT_BEFORE.search(sv.text, 0, amount.start):
                continue  # ("lent X $2 billion to build a plant": the lender's money)
            toks = [t for t in sv.tokens if f.start <= sv.start + t.idx < f.end]
            if not toks or roles.negated(toks[-1].head) or roles.hypothetical(toks[-1]):
                continue
            out += [_cand(o, "INVESTS_IN", f, sv, "priced-facility", 0.7, {"amount_usd": amount.value})
                    for o in sv.mentions if o.id in f.owners and o.type == "Firm" and not o.adjective]
    return out


def _facility_owners(sv, roles, tok) -> None:
    """'Velmora will build a plant in Ohio', 'Velmora's plant': the firm owns the facility the noun heads; the
    facility is then named with it ("Velmora plant in Ohio", loaders/extract/naming.py), no relation said."""
    # (the descriptive facility the noun ends, or holds with its place: "plant in Ohio")
    end = sv.start + tok.idx + len(tok.text)
    facilities = [m for m in sv.tok_mentions.get(tok.i, []) if m.type == "Facility" and m.source == "pattern"
                  and (m.end == end or " in " in m.name)]
    if not facilities or roles.negated(tok.head) or roles.hypothetical(tok):
        return
    owners = {m.id for m in roles.owner(tok) + roles.noun_subj(tok) if m.type == "Firm" and not m.adjective}
    for m in facilities:
        m.owners |= owners


# where goods go, right before a place: "exports to", "imports into", "vehicles shipped to" (a destination, not
# whom a tariff on the goods is aimed at)
GOODS_GOING_TO = re.compile(r"\b(?:exports?|imports?|shipments?|sales|shipped|sold|exported|sent)\s+"
                            r"(?:from\s+\d{4}\s+(?:to|through)\s+\d{4}\s+)?(?:\w+\s+){0,2}"  # ("exports from 2015 to 2017")
                            r"(?:to|into)\s+(?:the\s+)?$")


# participles that say how a measure is reckoned, not what it is on
RECKONING_VERBS = frozenset({"base", "calculate", "compute", "depend", "peg", "index", "set", "measure"})


def measure_scope(sv, roles, state):
    """'an order prohibiting the acquisition of U.S. Steel by Nippon Steel', 'an investigation to determine the
    effects of imports of semiconductors': what the measure's own clause is about, it targets."""
    out = []
    for m in sv.mentions:
        if m.type != "Policy" or m.source not in ("pattern", "coref"):
            continue
        toks = [t for t in sv.tokens if m.start <= sv.start + t.idx < m.end]
        if not toks:
            continue
        head = toks[-1]
        for c in head.rights:
            if c.dep_ not in ("acl",) or c.lemma_.lower() in RECKONING_VERBS:
                continue  # (how it is reckoned is no target: "fees based on tonnage per U.S. voyage")
            if roles.negated(c):
                continue
            a = sv.start + min(t.idx for t in c.subtree)
            b = sv.start + max(t.idx + len(t.text) for t in c.subtree)
            # "restrictions imposed by China on Korean products": who imposes it is no target
            agents = [(sv.start + min(t.idx for t in g.subtree), sv.start + max(t.idx + len(t.text) for t in g.subtree))
                      for g in c.children if g.dep_ == "agent"]
            for x in sv.mentions:
                if a <= x.start < b and x.type in ("Firm", "Sector", "Country") \
                        and not any(s <= x.start < e for s, e in agents) \
                        and not (x.type == "Country" and GOODS_GOING_TO.search(sv.text[:x.start - sv.start])):
                    # (a nationality in the clause is the goods' origin: "imposed on Korean steel")
                    out.append(_cand(m, "TARGETS", replace(x, adjective=False), sv, "measure-scope", 0.7))
    return out


# what a measure is said to answer or guard against: "in response to", "protection against", "to deter"
ANSWERING_THREAT = re.compile(r"\b(?:in\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:response|reaction|answer)\s+to|(?:protection|"
                              r"defen[cs]es?|deterrence|deterrent|shield|safeguards?)\s+against|to\s+(?:counter|deter|"
                              r"defend\s+against)|countering|deterring)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?$",
                              re.IGNORECASE)


def answered_threats(sv, roles, state):
    """'THAAD is being installed in response to North Korea's missile threat', 'protection against North Korean
    provocations': the measure that answers or guards against a state's threat targets that state (lexicon
    threat_nouns)."""
    threats = load_lexicon().threat_nouns
    out = []
    for x in sv.mentions:
        window = max(0, x.start - sv.start - 80)
        cue = ANSWERING_THREAT.search(sv.text[window:x.start - sv.start]) if x.type == "Country" else None
        if cue is None:
            continue
        after = re.match(r"(?:[’']s)?((?:\s+[\w-]+){1,4})", sv.text[x.end - sv.start:])
        words = after.group(1).lower().split() if after else []
        if not any(w in threats for w in words) or any(w in ("and", "or", "to", "of") for w in words):
            continue  # ("in response to Chile's tariffs": a measure answered is no threat; retaliation reads it)
        # the measure named last before it ("X, which is being installed in response to ..."), else the sentence's
        # one measure ("In response to X's threats, Chile deployed ...")
        before = [m for m in sv.mentions if m.type == "Policy" and m.end - sv.start <= window + cue.start()]
        measures = {m.id: m for m in sv.mentions if m.type == "Policy" and not x.start <= m.start < x.end + 80}
        measure = max(before, key=lambda m: m.end) if before else (
            next(iter(measures.values())) if len(measures) == 1 else None)
        if measure is not None:
            out.append(_cand(measure, "TARGETS", replace(x, adjective=False), sv, "answered-threat", 0.7))
    return out


# what an agreement comes from ("grew out of talks", "emerged from negotiations", "was the result of talks"), and what
# talks do in time ("Negotiations for X started in 2015 between A and B")
ORIGIN_VERBS = frozenset({"grow", "emerge", "result", "stem", "arise", "spring", "evolve", "come"})
ORIGIN_NOUNS = frozenset({"result", "outcome", "product", "fruit", "culmination"})
TALKS_COURSE_VERBS = frozenset({"start", "begin", "open", "resume", "launch", "continue", "conclude", "end", "close"})
# what talks come to: "negotiations that have resulted in amendments to X", "talks that led to the accord"
OUTCOME_VERBS = frozenset({"result", "lead", "culminate", "produce", "yield"})


def _sides_of_talks(roles, talks, verb=None) -> list[Mention]:
    """The countries or bodies talks are 'between'/'among', on the noun or on the verb they are the subject of."""
    hosts = [talks] + ([verb] if verb is not None else [])
    return [m for h in hosts for c in h.children if c.dep_ == "prep" and c.lower_ in ("between", "among")
            for p in c.children if p.dep_ == "pobj" for m in roles.denotes_list(p)
            if m.type in ("Country", "GovernmentBody", "InternationalOrganization") and not m.adjective]


def talks_behind(sv, roles, state):
    """'The Andes Pact grew out of consultations between Chile and Peru', 'X was the result of talks between A and
    B', 'Negotiations for X started in 2015 between A and B': the sides of the talks an agreement came from, or of
    the talks for it, negotiate it."""
    talks_nouns = _trigger_nouns("NEGOTIATES")
    out = []
    for tok, lemma in zip(sv.tokens, sv.lemmas):
        if lemma not in talks_nouns or roles.negated(tok):
            continue
        pacts, verb = [], None
        up = tok.head  # "grew out of | talks", "the result of | talks"
        while up.dep_ == "prep" and up.head.i != up.i:
            up = up.head
        if tok.dep_ == "pobj" and (up.lemma_.lower() in ORIGIN_VERBS and up.pos_ == "VERB"
                                   or up.lemma_.lower() in ORIGIN_NOUNS and up.dep_ == "attr"):
            clause = up if up.pos_ == "VERB" else up.head
            pacts = [m for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") for m in roles.denotes_list(c)
                     if m.type == "Agreement"]
        elif tok.dep_ == "nsubj" and tok.head.lemma_.lower() in TALKS_COURSE_VERBS:
            verb = tok.head
            pacts = [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("for", "on", "over", "toward")
                     for p in c.children if p.dep_ == "pobj" for m in roles.denotes_list(p) if m.type == "Agreement"]
        # "negotiations between our governments that have resulted in amendments to X" (the clause may hang from the
        # talks' last word)
        outcomes = [c for c in ([tok] + [t for t in tok.subtree if t.dep_ == "pobj"])
                    for c in c.children if c.dep_ == "relcl" and c.lemma_.lower() in OUTCOME_VERBS]
        pacts += [m for v in outcomes for c in v.children if c.dep_ == "prep" and c.lower_ in ("in", "to")
                  for p in c.children if p.dep_ == "pobj" for m in roles.denotes(p) if m.type == "Agreement"]
        if not pacts:
            continue
        for side in _sides_of_talks(roles, tok, verb):
            out += [_cand(side, "NEGOTIATES", pact, sv, "talks-behind", 0.7, at=tok) for pact in pacts]
    return out


# goods counted by a measure before they are listed: "export controls on three items: ...", "The three items are"
COUNTED_GOODS = re.compile(r"\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|the\s+following)\s+"
                           r"(?:[\w-]+\s+){0,2}?(?:(?:kinds|types|classes|categories)\s+of\s+)?(?P<noun>items|products|"
                           r"goods|materials|chemicals|substances|commodities|technologies)\b", re.IGNORECASE)
GOODS_LISTED = re.compile(r"^\s*(?:\([^()]{1,60}\)\s*)?[:\u2014\u2013]\s*")
GOODS_NAMED = re.compile(r"^\s*(?:The|These|Those)\s+(?:[\w-]+\s+)?(?P<noun>items|products|goods|materials|chemicals|"
                         r"substances|commodities|technologies)\s+(?:are|were|include|included|comprise)\b")


def _listed_goods(sv, a: int) -> list[Mention]:
    """The goods a list from sentence offset `a` names, the first of each of its items ("A, B and C"; "A, which ...;
    B, used in ...; and C": past each item's own description)."""
    rest = sv.text[a:]
    cuts = r";\s*(?:and\s+)?" if ";" in rest else r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+"
    out, at = [], a
    for part in re.split(f"({cuts})", rest):
        if part and not re.fullmatch(cuts, part):
            first = next((m for m in sv.mentions if m.type == "Sector" and sv.start + at <= m.start
                          < sv.start + at + len(part) and not sv.text[at:m.start - sv.start].strip(" \"'“”(")), None)
            if first is not None:
                out.append(first)
        at += len(part)
    return out


def itemised_goods(sv, roles, state):
    """'Chile tightened export controls on three items: hydrogen fluoride, photoresist and polyimide', or '... on
    three items. The three items are ...': a measure's goods counted, then listed, are what it targets."""
    out = []
    later = GOODS_NAMED.match(sv.text)
    if later and state.itemised is not None and sv.index - state.itemised[2] <= 3 \
            and later.group("noun").lower() == state.itemised[1]:
        out += [_cand(state.itemised[0], "TARGETS", g, sv, "itemised-goods", 0.7)
                for g in _listed_goods(sv, later.end())]
    counted = COUNTED_GOODS.search(sv.text)
    # (the measure named last before the count: "a measure to tighten export controls on three items")
    measure = max((m for m in sv.mentions if m.type == "Policy" and m.end - sv.start <= counted.start()),
                  key=lambda m: m.end, default=None) if counted is not None else None
    if counted is not None and measure is not None:
        listed = GOODS_LISTED.match(sv.text[counted.end():])
        if listed:
            out += [_cand(measure, "TARGETS", g, sv, "itemised-goods", 0.7)
                    for g in _listed_goods(sv, counted.end() + listed.end())]
        else:
            state.itemised = (measure, counted.group("noun").lower(), sv.index)
    return out


# verbs whose subject bears what their object imposes: "Korean automakers face Section 232 tariffs"
BEARING_VERBS = frozenset({"face", "suffer", "incur", "bear", "endure", "absorb", "confront"})
# what one does who takes a limit on itself: "accepted a quota", "agreed to a cap"
ACCEPTING_VERBS = frozenset({"accept"})
AGREEING_TO = frozenset({"agree", "consent", "submit"})


def _bearing_verb(head, limit: bool = False):
    """The verb whose subject bears the measure this noun heads: 'X faces the tariffs', 'X remains subject to the
    quota', 'X suffered under the ban'; for a `limit`, 'X accepted a quota', 'X agreed to a cap on its exports'
    (None when there is none)."""
    if head.dep_ == "dobj" and (head.head.lemma_.lower() in BEARING_VERBS or limit and head.head.lemma_.lower()
                                in ACCEPTING_VERBS):
        return head.head
    if head.dep_ == "pobj":
        prep = head.head
        if limit and prep.lower_ == "to" and prep.head.lemma_.lower() in AGREEING_TO:
            return prep.head  # ("Korea agreed to a quota of 2.68 million tons": the one who agrees is capped)
        if prep.lower_ == "to" and prep.head.lower_ == "subject" and prep.head.dep_ in ("acomp", "amod", "oprd"):
            return prep.head.head  # "remains subject to", "is subject to"
        if prep.lower_ in ("under", "from") and prep.head.lemma_.lower() in BEARING_VERBS | {"struggle", "reel"}:
            return prep.head
        if prep.lower_ == "of" and prep.head.lemma_.lower() in BORNE_SHARES and prep.head.dep_ == "dobj" \
                and prep.head.head.lemma_.lower() in BEARING_VERBS | {"bear", "feel", "take"}:
            return prep.head.head  # "X faced the brunt of the sanctions", "bore the brunt of the tariffs"
    return None


# nouns for goods on the move, whose "of" names the goods: "exports of copper"
GOODS_CARRIERS = frozenset({"export", "import", "shipment", "sale"})
# what of a measure one bears: "the brunt of", "the full force of"
BORNE_SHARES = frozenset({"brunt", "force", "weight"})


def borne_measures(sv, roles, state):
    """'Korean automakers face Section 232 tariffs', 'Korean steel remains subject to the quota', 'exporters suffered
    under the ban': who bears a measure is its target; the nationality and the goods of the subject too."""
    out = []
    for m in sv.mentions:
        if m.type != "Policy" or m.adjective:
            continue
        toks = [t for t in sv.tokens if m.start <= sv.start + t.idx < m.end]
        verb = _bearing_verb(toks[-1], toks[-1].lemma_.lower() in roles.lex.limits_of) if toks else None
        if verb is None or verb.pos_ not in ("VERB", "AUX") or roles.negated(verb) or roles.hypothetical(verb):
            continue
        bearers = list(roles.subj(verb))
        for c in verb.children:  # the subject's own words: "Korean automakers" -> South Korea, automobiles
            if c.dep_ in ("nsubj", "nsubjpass"):
                words = [t for t in c.subtree if t.i <= c.i]
                a, b = sv.start + words[0].idx, sv.start + c.idx + len(c.text)
                bearers += [x for x in sv.mentions if a <= x.start < b]
                # ("steel nails from Peru are subject to ...", "imports of nails from Peru": where the goods come from)
                bearers += roles.goods_origins(c) + [x for p in c.children if p.dep_ == "prep" and p.lower_ == "of"
                                                     for g in p.children if g.dep_ == "pobj"
                                                     for x in roles.goods_origins(g)]
                if c.lemma_.lower() in GOODS_CARRIERS:  # "Chilean exports of copper": the goods of the exports
                    goods = [t for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for t in p.subtree]
                    bearers += [x for t in goods for x in _mentions_at(sv, t) if x.type == "Sector"]
                if c.lemma_.lower() in state.sector_nouns:
                    bearers.append(state.sector_nouns[c.lemma_.lower()])
        for x in unique_mentions(bearers):
            if x.type in ("Country", "Firm", "Sector") and not (x.start < m.end and m.start < x.end):
                out.append(_cand(m, "TARGETS", replace(x, adjective=False), sv, "borne-measure", 0.7))
    return out


IMPACT_NOUNS = frozenset({"impact", "effect", "toll"})


def measure_impacts(sv, roles, state):
    """'the final rules' impacts on Samsung and SK Hynix', 'the impact of the sanctions on Lotte': what a measure
    has an impact on is its target."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if lem not in IMPACT_NOUNS or tok.pos_ != "NOUN" or roles.negated(tok.head) or roles.hypothetical(tok.head):
            continue
        measures = [m for m in roles.possessor(tok) + roles.pp(tok, {"of"}) if m.type == "Policy" and not m.adjective]
        hit = [m for m in roles.pp(tok, {"on"}) if m.type in ("Firm", "Country", "Sector")]
        out += [_cand(x, "TARGETS", replace(h, adjective=False), sv, "measure-impact", 0.65, at=tok)
                for x in unique_mentions(measures) for h in unique_mentions(hit)]
    return out


RETALIATION_NOUNS = frozenset({"retaliation", "reprisal", "reprisals", "retribution", "countermeasure",
                               "countermeasures"})


def borne_retaliation(sv, roles, state):
    """'Lotte bore the brunt of China's economic retaliation', 'Korean firms faced Beijing's reprisals': whoever bears a
    country's retaliation is retaliated against."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if lem not in RETALIATION_NOUNS or tok.pos_ != "NOUN":
            continue
        verb = _bearing_verb(tok)
        if verb is None or verb.pos_ not in ("VERB", "AUX") or roles.negated(verb) or roles.hypothetical(verb):
            continue
        owners = [m for m in roles.owner(tok) if m.type in ("Country", "GovernmentBody")]
        for x in roles.subj(verb):
            if x.type in ("Country", "Firm") and not x.adjective:
                out += [_cand(replace(o, adjective=False), "RETALIATES_AGAINST", x, sv, "borne-retaliation", 0.7,
                              at=verb) for o in owners if o.id != x.id]
    return out


MARKET_NOUNS = frozenset({"market", "destination", "buyer", "customer", "importer", "outlet"})


def export_markets(sv, roles, state):
    """'South Korea is the United States' seventh-largest export market', 'the United States is the largest
    market for Korean automobiles', 'China accounted for a quarter of Korea's exports': the owner of the
    exports (or of the goods) exports to the market."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        markets, sellers = [], []
        if lem in MARKET_NOUNS and tok.dep_ in ("attr", "conj"):
            node = tok
            while node.dep_ == "conj" and node.head.i != node.i:
                node = node.head
            if node.dep_ != "attr" or node.head.lemma_ not in ("be", "become", "remain"):
                continue
            if lem != "market" and not any(c.lower_ in ("export", "exports") for c in tok.children):
                continue  # "the largest buyer" alone says nothing of whose exports
            markets = [m for m in roles.subj(node.head) if m.type == "Country" and not m.adjective]
            if node is not tok and any(c.lower_ in ("its", "their") for c in tok.children):
                owner_tok = node  # "the United States' sixth-largest partner and its largest market": its = the U.S.
            else:
                owner_tok = tok
            sellers = [m for m in roles.owner(owner_tok) if m.type in ("Country", "Firm")]
            if not sellers:  # "the largest market for Korean automobiles"
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ == "for":
                        sellers = [m for p in c.children if p.dep_ == "pobj"
                                   for m in roles.owner(p) + roles.compound(p) if m.type == "Country"]
        elif lem == "account" and tok.pos_ == "VERB":
            # "China accounted for a quarter of Korea's exports"
            markets = [m for m in roles.subj(tok) if m.type == "Country" and not m.adjective]
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "for":
                    for x in c.subtree:
                        if x.lemma_.lower() == "export" and x.pos_ == "NOUN":
                            sellers = [m for m in roles.owner(x) if m.type in ("Country", "Firm")]
        for seller in sellers:
            for market in markets:
                if seller.id != market.id:
                    out.append(_cand(seller, "EXPORTS_TO", market, sv, "export-market", 0.7))
    return out


FUNDING_NOUNS = frozenset({"loan", "grant", "award", "funding", "fund", "incentive", "subsidy", "credit",
                           "financing", "support", "investment"})
GIVING_VERBS = frozenset({"provide", "award", "grant", "give", "offer", "announce", "finalize", "finalise", "close",
                          "approve", "extend", "allocate", "commit", "pledge", "issue", "lend"})
RECEIVING_VERBS = frozenset({"receive", "win", "secure", "get", "obtain", "land"})
LENDING_VERBS = frozenset({"lend", "loan"})
# verbs that hand a sum over: with a public giver and a firm that takes it, funding ("allocate $6.4 billion to X")
HANDING_VERBS = LENDING_VERBS | {"allocate", "provide", "award", "grant", "give"}
PUBLIC_TYPES = ("GovernmentBody", "USState", "Country")


def funding(sv, roles, state):
    """Public money for a firm ('the Department of Energy announced a loan of $9.2 billion for X', 'Commerce
    will provide $75 million in direct funding to X', 'X received $6.4 billion in CHIPS funding from Commerce',
    'Georgia offered X $1.8 billion in incentives'): the government and the firm are partners, with the amount,
    and the funding measure, when named, targets the firm."""
    out = []
    for tok, word in zip(sv.tokens, sv.lemmas):
        if word in HANDING_VERBS and tok.pos_ == "VERB" and not roles.negated(tok) \
                and not roles.hypothetical(tok) and any(c.dep_ == "dobj" and (c.like_num or c.lower_ in (
                    "million", "billion", "trillion") or c.text == "$") for c in tok.children):
            # "the Korea Development Bank lent $2 billion to X", "agreed to allocate up to $6.4 billion to X": money
            # handed over with no word for it
            # ("the Chilean government has agreed to allocate ...": Chile's)
            governs = any(c.dep_ == "nsubj" and c.lemma_.lower() in ("government", "administration")
                          for n in [tok, *tok.ancestors] for c in n.children)
            givers = [replace(m, adjective=False) for m in roles.subj(tok) if m.type in PUBLIC_TYPES
                      and (not m.adjective or governs)]
            takers = [m for m in roles.pp(tok, {"to"}) + [x for c in tok.children if c.dep_ == "dative"
                                                            for x in roles.denotes_list(c)]
                      if m.type == "Firm" and not m.adjective]
            out += [_cand(g, "PARTNERS_WITH", t, sv, "funding", 0.7) for g in givers for t in takers]
            continue
        if word not in FUNDING_NOUNS or tok.pos_ != "NOUN":
            continue
        node = tok
        while node.dep_ in ("pobj", "prep") and node.head.i != node.i:  # "$75 million in direct funding"
            node = node.head
        if node.pos_ in ("NUM", "SYM") or node.lower_ in ("million", "billion", "trillion", "$"):
            node = node.head if node.head.i != node.i else node
        verb = node.head if node.dep_ in ("dobj", "dative", "nsubjpass", "pobj") else node
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        if roles.negated(verb) or roles.hypothetical(verb):
            continue
        lem = verb.lemma_.lower()
        if lem in GIVING_VERBS:
            givers = [m for m in _givers(roles, verb) if m.type in PUBLIC_TYPES and not m.adjective]
            takers = roles.pp(tok, {"for", "to"}) + roles.pp(verb, {"for"}) + _given_to(roles, verb)
        elif lem in RECEIVING_VERBS:
            takers = roles.subj(verb)
            givers = [m for m in roles.pp(tok, {"from"}) + roles.pp(verb, {"from"})
                      if m.type in PUBLIC_TYPES and not m.adjective]
        else:
            continue
        # ("incentives for the project": the firm building the facility named before)
        takers = [state.builders.get(m.id, m) if m.type == "Facility" else m for m in takers]
        takers = [m for m in takers if m.type == "Firm" and not m.adjective]
        if not takers and lem in GIVING_VERBS and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            takers = _signed_with(roles, verb)
        measure = [m for m in sv.mentions if m.type == "Policy" and m.start <= sv.start + tok.idx < m.end]
        for g in givers:
            for t in takers:
                out.append(_cand(g, "PARTNERS_WITH", t, sv, "funding", 0.7))
        # the sum the funding gives, on the fact that it goes to the firm ("up to $450 million in proposed funding")
        value = amount_for(sv, find_amounts(sv.text), tok.idx, takers[0], "TARGETS") if measure and takers else None
        for m in measure:
            for t in takers:
                out.append(_cand(m, "TARGETS", t, sv, "funding", 0.7,
                                 {"amount_usd": value} if value is not None else None))
            if lem in GIVING_VERBS and takers:  # the government that gives the named funding runs it
                out += [_cand(g, "IMPOSES", m, sv, "funding", 0.7) for g in givers if g.type != "USState"]
    return out


def _with_through_of(roles, noun) -> list[Mention]:
    """'a memorandum of terms with X': the "with" that hangs from the noun's of-phrase."""
    return [m for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children if p.dep_ == "pobj" for m in roles.pp(p, {"with"})]


def _signed_with(roles, verb) -> list[Mention]:
    """'Commerce signed a memorandum of terms with X to provide $75 million', 'Commerce and X signed a memorandum to
    provide ...': money given under an agreement goes to the firm that signed it with the giver."""
    out: list[Mention] = []
    node = verb.head
    for _ in range(3):  # the agreement noun, its "of" phrase, the signing verb
        out += roles.pp(node, {"with"})
        if node.pos_ in ("VERB", "AUX"):
            out += roles.subj(node)
            for d in (c for c in node.children if c.dep_ == "dobj"):  # "signed a memorandum of terms with X"
                out += roles.pp(d, {"with"}) + _with_through_of(roles, d)
            break
        if node.head.i == node.i:
            break
        node = node.head
    return [m for m in unique_mentions(out) if m.type == "Firm" and not m.adjective]


# a year written out ("1953", "2011"): the year a date field or an opening phrase gives
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
INFOBOX_FIELD = re.compile(r"^\s*(?:[-•*|]\s*)?(?P<field>[A-Z][A-Za-z -]{1,24}?)(?:[ ]*[:|]\s*|\t\s*)(?P<value>\S.*)$")
BARE_FIELD = re.compile(r"^\s*(?:[-•*|]\s*)?(?P<line>[A-Z].*)$")
# ("= X =" alone, or joined by the copy to the line after it: "= X = X Treaty")
TITLE_LINE = re.compile(r"^\s*=+\s*(?P<title>[^=]+?)\s*=+(?:\s|$)")
# a date field's year, however old ("- Date Signed: 1882-05-22": signed, if before the years the graph dates)
FIELD_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")
INFOBOX_SUBJECT_TYPES = ("Firm", "Facility", "Agreement", "Policy", "Law", "GovernmentBody",
                         "InternationalOrganization")


def infobox(sv, roles, state):
    """'- Owner: Ford Motor Company (50%) SK On (50%)', 'Key People: David Kim (CEO)', 'Location | Phoenix,
    Arizona |': an encyclopedia page's infobox fields state facts about the page's title entity (the entity a
    first line such as '= BlueOval SK =' names whole). The fields and their predicates are data
    (lexicon.toml [infobox])."""
    if state.title is None and sv.index <= 2:
        mt = TITLE_LINE.match(sv.text) or re.fullmatch(r"\s*(?P<title>[^.:|]{2,80}?)\s*", sv.text)
        if mt:
            a, b = sv.start + mt.start("title"), sv.start + mt.end("title")
            whole = [m for m in sv.mentions if m.start == a and m.end == b and m.type in INFOBOX_SUBJECT_TYPES]
            if whole:
                state.title = whole[0]
        return []
    subject = state.title
    if subject is None:
        return []
    mt = INFOBOX_FIELD.match(sv.text)
    rule = _infobox_rule(mt.group("field"), state.infobox) if mt else None
    alone, state.field_alone = state.field_alone, _trailing_field(sv.text, state.infobox)
    if rule is not None:
        a = sv.start + mt.start("value")
    else:  # "Key people Lena Ortiz (CEO)", "LocationSantiago, Chile": a field whose separator the copy lost
        bare = BARE_FIELD.match(sv.text) if len(sv.text) <= 200 else None
        line = bare.group("line") if bare else ""
        if line.strip().lower() in state.infobox:  # "Key people" alone, "John Rim, President and CEO" below it
            state.field_alone = state.infobox[line.strip().lower()]
            return []
        field = next((f for f in sorted(state.infobox, key=len, reverse=True)
                      if line.lower().startswith(f) and re.match(r"\s*[A-Z0-9]", line[len(f):])), None)
        if field is None and alone is not None and bare is not None:
            rule, a = alone, sv.start + bare.start("line")
        elif field is None:
            return []
        else:
            rule = state.infobox[field]
            a = sv.start + bare.start("line") + len(field)
    predicate, direction = rule
    if direction == "date":  # "- Date Signed: October 1, 1953": the page's pact, signed by its parties that year
        year = FIELD_YEAR.search(sv.text[a - sv.start:])
        if subject.type == "Agreement" and year:  # (a year before 1900 dates nothing the graph holds: the act stands)
            when = int(year.group())
            state.awaiting.append((subject, predicate, {"year": when} if when >= 1900 else {}, sv))
        return []
    out = []
    for m in sv.mentions:
        if m.start < a or m.id == subject.id or m.adjective:
            continue
        role = re.match(r"\s*\(([^)]{1,60})\)", sv.text[m.end - sv.start:])
        if predicate == "LEADS" and role and not LEADER_ROLE.search(role.group(1)):
            continue  # "Robert Lee (CFO)": key people, but not the one who leads
        s, o = (m, subject) if direction == "in" else (subject, m)
        out.append(_cand(s, predicate, o, sv, "infobox", 0.75,
                         {"role": role.group(1)} if predicate == "LEADS" and role else None))
    return out


def _trailing_field(text: str, rules: dict) -> tuple | None:
    """'John Rim, President and CEO Owners': a field's name the copy joined to the end of the line before its
    value (capitalised, no full stop after it), whose value is the next line."""
    if text.rstrip().endswith("."):
        return None
    low = text.rstrip().lower()
    for f in sorted(rules, key=len, reverse=True):  # (the longest field first: "parent company" before "company")
        if low.endswith(f) and (len(low) == len(f) or low[-len(f) - 1].isspace()):
            start = len(text.rstrip()) - len(f)
            if text[start:start + 1].isupper():
                return rules[f]
    return None


def _infobox_rule(field, rules):
    """A field is known by its name or by its last words: "Original signatories", "Founding members"."""
    words = field.strip().lower().split()
    return next((rules[" ".join(words[i:])] for i in range(len(words)) if " ".join(words[i:]) in rules), None)


LEADER_ROLE = re.compile(r"\b(?:CEO|[Cc]hief [Ee]xecutive|[Cc]hair(?:man|woman|person)?|[Pp]resident|[Hh]ead|"
                         r"[Ll]eader|[Mm]anaging [Dd]irector|[Dd]irector[- ][Gg]eneral|[Ss]ecretary[- ][Gg]eneral)\b")


# what a law is said to build up: "will boost copper output", "helps strengthen the battery supply chain"
SUPPORTING_VERBS = frozenset({"boost", "strengthen", "support", "promote", "expand", "revitalize", "revitalise",
                              "accelerate", "help", "bolster", "spur", "encourage", "incentivize", "incentivise"})
OPPOSING_VERBS = frozenset({"counter", "deter", "compete", "contain", "confront", "decouple", "offset", "punish",
                            "pressure", "curb", "restrict", "limit", "weaken", "hinder", "constrain", "undermine"})
AIM_VERBS = frozenset({"aim", "seek", "intend", "try", "strive", "mean", "design"})


def purposes(sv, roles, state):
    """'X signed the CHIPS Act to usher in an era of semiconductor manufacturing', 'the act aims to expand
    production of batteries', 'passed with the aim of countering China': a law or measure targets the sectors
    its purpose names, and the countries its purpose counters."""
    out = []
    for m in sv.mentions:
        if m.type not in ("Law", "Policy"):
            continue
        toks = [t for t in sv.tokens if m.start <= sv.start + t.idx < m.end]
        if not toks:
            continue
        head = next((t for t in toks if t.head.i not in {x.i for x in toks} or t.head.i == t.i), toks[-1])
        verb = head.head if head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") else None
        if verb is not None and verb.dep_ == "prep":
            verb = verb.head
        if verb is None or verb.pos_ not in ("VERB", "AUX") or roles.negated(verb):
            continue
        clauses = []
        # "the Tarsk Act, enacted in 2022 to boost copper production": the participle's purpose is the law's
        verbs = [verb] + [c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"]
        if head.dep_ == "nsubj" and verb.lemma_.lower() in SUPPORTING_VERBS:
            # "the act will boost copper production": what a law is said to build up is what it is for
            clauses += [c for c in verb.children if c.dep_ in ("dobj", "xcomp", "ccomp")]
        if head.dep_ == "nsubj" and verb.lemma_.lower() == "be":
            # "the act is a $369 billion law that can help strengthen ... sectors like X": its relative clause
            clauses += [r for c in verb.children if c.dep_ == "attr" for r in c.children if r.dep_ == "relcl"]
        for v in verbs:
            for c in v.children:
                infinitive = any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
                if c.dep_ in ("advcl", "xcomp") and (infinitive or v.lemma_.lower() in AIM_VERBS):
                    clauses.append(c)
                elif c.dep_ == "prep" and c.lower_ in ("with", "for"):  # "with the aim of countering China"
                    clauses += [x for x in c.subtree if x.lemma_.lower() in ("aim", "goal", "purpose", "objective")]
                elif c.dep_ == "prep" and c.lower_ == "in":  # "in order to limit ...", parsed as an order's clause
                    clauses += [a for o in c.children if o.dep_ == "pobj" and o.lower_ == "order" for a in o.children
                                if a.dep_ == "acl" and any(x.dep_ == "aux" and x.lower_ == "to" for x in a.children)]
        for clause in clauses:
            span = list(clause.subtree)
            a, b = sv.start + span[0].idx, sv.start + span[-1].idx + len(span[-1].text)
            for x in sv.mentions:
                if not (a <= x.start < b) or x.id == m.id:
                    continue
                if x.type == "Sector":
                    if names_work(sv, x):
                        continue  # ("to finance the construction of plants": a kind of work, not a field)
                    out.append(_cand(m, "TARGETS", x, sv, "purpose", 0.7))
                elif x.type == "Country" and not x.adjective:
                    tok = next((t for t in span if sv.start + t.idx == x.start), None)
                    gov = tok.head if tok is not None else None
                    if gov is not None and gov.dep_ == "prep":
                        gov = gov.head
                    if gov is not None and tok.dep_ == "poss" and gov.dep_ == "dobj":
                        gov = gov.head  # "to limit Chile's capacity": whose capacity the verb opposes
                    if gov is not None and gov.lemma_.lower() in OPPOSING_VERBS:
                        out.append(_cand(m, "TARGETS", x, sv, "purpose", 0.7))
    return out


# goods a measure may spare, named by where they come from: "imports from Canada are exempt"
EXEMPTED_GOODS = frozenset({"import", "good", "product", "export", "shipment", "vehicle", "car"})


def exemptions(sv, roles, state):
    """'South Korea was exempted from the steel tariffs', 'X won an exemption from the quota': the measure
    exempts X."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if lem not in ("exempt", "spare", "excuse", "exclude", "waive"):
            continue
        exempt_adj = tok.pos_ == "ADJ" and tok.dep_ == "acomp"  # "Peru is exempt from the tariffs"
        if tok.pos_ != "VERB" and not exempt_adj:
            continue
        if roles.negated(tok) or roles.hypothetical(tok) or (exempt_adj and (
                roles.negated(tok.head) or roles.hypothetical(tok.head))):
            continue
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children)
        who = roles.subj(tok.head) if exempt_adj else roles.subj(tok) if passive else roles.dobj(tok)
        if passive:
            who = [m for c in tok.children if c.dep_ == "nsubjpass" for m in roles.denotes_list(c)] or who
            being = next((c for c in tok.children if c.dep_ == "auxpass" and c.lower_ == "being"), None)
            if being is not None and not any(c.dep_ == "nsubjpass" for c in tok.children) and being.i > 0 \
                    and being.nbor(-1).dep_ == "pobj":
                # "resulted in Peru being exempted from the tariffs": the parser leaves the gerund without its
                # subject, the name right before "being"
                who = roles.denotes_list(being.nbor(-1)) or who
        if not any(w.type == "Country" and not w.adjective for w in who):  # "Imports from Canada are exempt"
            verb = tok.head if exempt_adj else tok
            who = [m for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")
                   and c.lemma_.lower() in EXEMPTED_GOODS for m in roles.goods_origins(c)] or who
        # (not a list it is put off: "excluded Korea from its list of white countries" is no exemption)
        measures = [m for m in roles.pp(tok, {"from"}) if m.type == "Policy" and getattr(m, "head", "") != "list"
                    and not re.search(r"\b(?:white|black)\s?list\b|\blist\s+of\b", m.name, re.IGNORECASE)]
        for m in measures:
            for w in who:
                if w.type == "Country" and not w.adjective:
                    out.append(_cand(m, "EXEMPTS", w, sv, "exempted-from", 0.75))
    return out


# a measure said to reach every source but some: "on steel imported from all countries except Canada"
UNIVERSAL = re.compile(r"\b(?:all|every|any|each)\b(?:\s+(?:other|foreign|trading))?\s+(?:countries|country|nations|"
                       r"nation|sources|source|origins|trading\s+partners|partners|imports|suppliers|exporters)\b",
                       re.IGNORECASE)


def left_out(sv, roles, state):
    """'a 25 percent tariff on steel imported from all countries except Canada and Mexico', 'tariffs on steel with
    the exception of imports from Canada and Mexico': the countries left out of a measure that reaches every other
    source are exempt from it (and no target of it: modality.excepted)."""
    out = []
    for x in sv.mentions:
        if x.type != "Country" or x.adjective:
            continue
        sources = excepted(sv, x, SOURCES_EXCEPTED)
        if not sources and not excepted(sv, x):
            continue
        before = [m for m in sv.mentions if m.type == "Policy" and m.end <= x.start]
        if not before:
            continue
        measure = before[-1]
        between = sv.text[measure.end - sv.start:x.start - sv.start]
        # ("imposed tariffs on steel with the exception of Argentina and Brazil": a measure no country was named
        # for reaches all but those it leaves out)
        unnamed = not any(c.type == "Country" and measure.end <= c.start < x.start and not excepted(sv, c)
                          for c in sv.mentions)
        if (sources or unnamed or UNIVERSAL.search(between)) and enactment(sv, measure) != "negated":
            out.append(_cand(measure, "EXEMPTS", x, sv, "left-out", 0.7))
    return out


# constructions whose fact the sentence presupposes, not dates: "All TPP signatories except the US agreed in 2017"
UNDATED = frozenset({"excepted-member", "fronted-signing"})
# the holders a group noun names, and what each holds of the pact or body the group is of
MEMBERSHIP_NOUNS = {"signatory": "SIGNS", "member": "MEMBER_OF", "party": "PARTY_TO", "participant": "PARTY_TO"}


def excepted_members(sv, roles, state):
    """'All original TPP signatories except the US agreed to ...', 'all members of the Andean Pact except Peru
    voted ...': the one excepted from what the group does still belongs to the group (a signatory, a member)."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if lem not in ("except", "excluding") or tok.dep_ != "prep" or tok.head.lemma_.lower() not in MEMBERSHIP_NOUNS:
            continue
        group = tok.head
        held = [m for t in group.subtree if t.i < tok.i for m in sv.tok_mentions.get(t.i, [])
                if m.type in ("Agreement", "InternationalOrganization") and not m.adjective]
        left = [m for c in tok.children if c.dep_ == "pobj" for m in roles.denotes_list(c)
                if m.type in PARTY_TYPES and not m.adjective]
        for h in unique_mentions(held):
            predicate = MEMBERSHIP_NOUNS[group.lemma_.lower()]
            if predicate == "MEMBER_OF" and h.type == "Agreement":
                predicate = "PARTY_TO"  # (the members of a pact are its parties)
            out += [_cand(x, predicate, h, sv, "excepted-member", 0.7) for x in left]
    return out


_ONE_TITLE = (r"(?:(?:[Ee]xecutive|[Vv]ice|[Dd]eputy|[Ss]enior)\s+)?(?:[Cc]hair(?:man|woman|person)?"
              r"|CEO|COO|[Cc]hief [Ee]xecutive(?: [Oo]fficer)?|[Cc]hief [Oo]perating [Oo]fficer"
              r"|[Pp]resident|[Ff]ounder"
              r"|[Mm]anaging [Dd]irector|[Hh]ead|[Dd]irector|[Ss]ecretary|[Aa]dministrator|[Cc]ommissioner"
              r"|[Gg]overnor)")
# (two titles held together: "president and chief executive officer", "Chairman & CEO")
ORG_TITLE = re.compile(rf"(?P<title>{_ONE_TITLE}(?:\s+(?:and|&)\s+{_ONE_TITLE})?)\s*,?\s*$")
TITLE_AFTER = re.compile(r"\s*,\s*(?:the\s+|its\s+|a\s+)?(?:former\s+)?" + ORG_TITLE.pattern.replace(r"\s*,?\s*$", "")
                         + r"\s+(?:of|at)\s+(?:the\s+)?")
# (a region the title is for may follow it: "Mark Dalton, Stellantis COO North America,")
ORG_TITLE_AFTER = re.compile(r"(?:[’']s)?\s+" + ORG_TITLE.pattern.replace(
    r"\s*,?\s*$", r"(?:\s+(?:for\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?=\s*,))?(?=\s*[,.;)]|\s+(?:said|says|told|added)\b)"))
ORG_TITLE_OF = re.compile(ORG_TITLE.pattern.replace(r"\s*,?\s*$", r"\s+(?:of|at)\s+(?:the\s+)?$"))
TITLED_BODY = re.compile(r"(?:Representative|Secretary|Minister|Director|Administrator|Governor|Ambassador|"
                         r"Commissioner|Chair(?:man)?)$")


def owned_body(sv, x: Mention) -> Mention | None:
    """'the White House National Economic Council', 'Commerce's Bureau of Industry and Security': the body named
    right after the one that owns it, which a title before both is of."""
    return next((y for y in sv.mentions if y.type == "GovernmentBody" and y.start > x.start
                 and re.fullmatch(r"(?:[’']s)?\s+", sv.text[x.end - sv.start:y.start - sv.start])), None)


def organisation_leaders(sv, roles, state):
    """'TSMC's chief executive officer C. C. Wei', 'Hyundai Motor Group Executive Chair Euisun Chung': the
    person holds the title in the organisation named before it; 'United States Trade Representative (USTR)
    Robert Lighthizer': the office named before the person is the one they lead."""
    out = []
    orgs = [m for m in sv.mentions if m.type in ("Firm", "GovernmentBody") and not m.adjective]
    for p in sv.mentions:
        if p.type != "Person" or p.source == "coref":
            continue
        left = sv.text[:p.start - sv.start]
        # an office right before the name, maybe with its abbreviation in brackets, or set beside it by commas
        # ("The United States Trade Representative, Katherine Tai, met ...")
        apposed = sv.text[p.end - sv.start:p.end - sv.start + 1] == ","
        for o in orgs:
            if o.end - sv.start > len(left):
                continue
            gap = left[o.end - sv.start:]
            beside = apposed and re.fullmatch(r",\s*", gap)
            if TITLED_BODY.search(o.text) and (re.fullmatch(r"\s*(?:\([A-Z][\w.]{1,10}\)\s*)?", gap) or beside):
                out.append(_cand(p, "LEADS", o, sv, "office-holder", 0.75,
                                 {"role": o.text.split()[-1]}))
            # "The CEO of Velkor Motors, Kim Min-jun, said ...": a title of the organisation, set beside the name
            title = ORG_TITLE_OF.search(left[:o.start - sv.start]) if beside else None
            if title:
                out.append(_cand(p, "LEADS", o, sv, "title-of-beside", 0.75,
                                 {"role": re.sub(r"\s+", " ", title.group("title"))}))
        for o in orgs:  # "Mary Barra, General Motors CEO,", "Mary Barra, the GM chief executive,"
            if re.fullmatch(r"\s*,\s*(?:the\s+)?", sv.text[p.end - sv.start:max(p.end, o.start) - sv.start]) \
                    and o.start >= p.end:
                titled = ORG_TITLE_AFTER.match(sv.text, o.end - sv.start)
                if titled:
                    out.append(_cand(p, "LEADS", o, sv, "org-title-after", 0.75,
                                     {"role": re.sub(r"\s+", " ", titled.group("title"))}))
        after = TITLE_AFTER.match(sv.text, p.end - sv.start)  # "Mary Barra, CEO of General Motors,"
        if after:
            for o in orgs:
                if o.start - sv.start == after.end():
                    o = owned_body(sv, o) or o
                    if any(q.type == "Person" and re.fullmatch(r"\s+", sv.text[o.end - sv.start:q.start - sv.start])
                           for q in sv.mentions if q.start >= o.end):
                        continue  # "A, Vice President of the Commission B": the title is B's, written before B
                    out.append(_cand(p, "LEADS", o, sv, "title-after", 0.75,
                                     {"role": re.sub(r"\s+", " ", after.group("title"))}))
        mt = ORG_TITLE.search(left)
        if not mt:
            continue
        before = left[:mt.start()]
        for o in orgs:
            gap = before[o.end - sv.start:] if o.end - sv.start <= len(before) else None
            if gap is not None and re.fullmatch(r"(?:[’']s?)?\s*(?:the\s+|its\s+|new\s+|current\s+)?", gap):
                out.append(_cand(p, "LEADS", o, sv, "organisation-title", 0.75,
                                 {"role": re.sub(r"\s+", " ", mt.group("title"))}))
    return out


# the titles of a head of state or government written before a name ("President X", "Prime Minister Y")
HEAD_TITLE_WORDS = r"(?:President|Prime Minister|Premier|Chancellor)"
HEAD_OF_STATE = re.compile(r"\b(?:President|Prime Minister|Premier|Chancellor|King|Emperor|Supreme Leader)\s*$")


def leader_titles(sv, roles, state):
    """'President Barack Obama': a head-of-state title in front of a person whose nationality the gazetteer
    knows (general knowledge: who is a national of which country); 'the President of South Korea, Moon
    Jae-in': the title's country."""
    out = []
    for p in sv.mentions:
        if p.type != "Person" or p.source == "coref":
            continue
        left = sv.text[max(0, p.start - sv.start - 40):p.start - sv.start]
        titled = HEAD_OF_STATE.search(left) or re.match(HEAD_TITLE_WORDS + r"\s", p.text)
        plural = None if titled else PLURAL_HEADS.search(left)  # ("Presidents Trump and Moon": each their country's)
        role = titled.group(0) if titled else plural and plural.group("title")
        country = state.nationality.get(p.id)
        if role and country is not None and not re.search(r"\b(?:former|ex-|then|late)\s+\w*\s*$", left[-30:]):
            role = role.strip()
            out.append(_cand(p, "LEADS", country, sv, "head-of-state", 0.75,
                             {"role": re.sub(r"\s+", " ", role)}))
        out += _title_of_body_before(sv, p)
    return out


# the offices that lead a body but not a country (a country is led by its head of state or government)
MINISTERIAL_ROLES = frozenset({"Secretary", "Minister", "Representative"})


def _role_prop(said: str, role: str) -> dict:
    """A LEADS fact's role: the lexicon's ("President", "Minister"), or the title as written where the lexicon only
    says "leader" ("CEO", "Chairman")."""
    return {"role": said if role == "leader" else role}


def _title_role(title: str) -> tuple[str, str] | None:
    """The title the last one or two words of `title` make ("Prime Minister", "Chairman") -> (as written, the
    lexicon's role), else None."""
    titles = load_lexicon().titles
    words = title.split()
    said = " ".join(words[-2:]) if titles.get(" ".join(words[-2:]).lower()) else words[-1]
    role = titles.get(said.lower())
    return None if role is None else (said, role)


# "Under Chairman Lee, Samsung expanded ...", "under the leadership of CEO X": the titled person the clause is under
UNDER_TITLE = re.compile(r"\b[Uu]nder\s+(?:the\s+(?:leadership|direction)\s+of\s+)?(?P<title>(?:[A-Z][\w-]*\s+){1,2})$")


# "the Ministry of Trade, Industry and Energy (MOTIE, Minister Ahn Duk-geun)": a body's head named in its brackets
BRACKETED_HEAD = re.compile(r"\s*\((?:[A-Z][\w.&-]{1,12},\s*)?(?P<title>(?:[A-Z][a-z]+\s+){1,2})")


def bracketed_heads(sv, roles, state):
    """'the Ministry of Trade, Industry and Energy (MOTIE, Minister Ahn Duk-geun)': the person a title names in
    brackets right after a body or a firm leads it."""
    titles = load_lexicon().titles
    out = []
    for body in sv.mentions:
        if body.type not in ("GovernmentBody", "Firm") or body.adjective:
            continue
        mt = BRACKETED_HEAD.match(sv.text, body.end - sv.start)
        if not mt or re.search(r"\b(?:Vice|Deputy)\b", mt.group("title")):
            continue
        # ("Minister Ahn Duk-geun", "Prime Minister X": the title is the words up to where the person's name begins)
        for head in (m for m in sv.mentions if m.type == "Person" and sv.start + mt.start("title") < m.start <= sv.start
                     + mt.end()):
            said = re.sub(r"\s+", " ", sv.text[mt.start("title"):head.start - sv.start]).strip()
            role = titles.get(said.lower())
            if role is not None:
                out.append(_cand(head, "LEADS", body, sv, "bracketed-head", 0.75, _role_prop(said, role)))
    return out


# a sentence that opens with its pact's signing: "Signed by X and Y, the FTA took effect in 2013"
FRONTED_SIGNING = re.compile(r"\s*(?P<verb>Signed|Inked|Ratified)\s+(?:(?:on|in)\s+[^,]{1,30}?\s+)?by\s+")


def fronted_signing(sv, roles, state):
    """'Signed by Peru's Minister of Economy, Luis Ortiz and Chile's Minister of Trade Ana Soto, the Andes Trade
    Accord entered into force in 2013': those the opening participle names sign (or ratify) the pact the clause after
    it is about (the parser reads such openings poorly: the words are read)."""
    mt = FRONTED_SIGNING.match(sv.text)
    if not mt:
        return []
    pact = next((m for m in sv.mentions if m.type == "Agreement" and not m.adjective
                 and re.search(r",\s*(?:the\s+)?$", sv.text[:m.start - sv.start])), None)
    if pact is None or roles.negated(sv.tokens[0]):
        return []
    predicate = "RATIFIES" if mt.group("verb") == "Ratified" else "SIGNS"
    # (the year of the signing is the opening's, not the clause's: "Signed in 2011, the FTA took effect in 2013")
    year = YEAR.search(sv.text[:pact.start - sv.start])
    props = {"year": int(year.group())} if year else None
    out = []
    for x in sv.mentions:
        if not (mt.end() <= x.start - sv.start < pact.start - sv.start) or x.adjective:
            continue
        if x.type == "Country" and re.match(r"[’']s\b", sv.text[x.end - sv.start:]):
            continue  # ("Peru's Minister of Economy": whose minister, who signs for it)
        if x.type in ("Person", "Country", "GovernmentBody"):
            out.append(_cand(x, predicate, pact, sv, "fronted-signing", 0.7, props))
    return out


def signed_on_behalf(sv, roles, state):
    """'Kim signed the protocol on behalf of Seoul', 'on behalf of the Peruvian government': whom a signer signs for
    signs it too."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if lem not in ("sign", "ink", "ratify") or tok.pos_ != "VERB" or roles.negated(tok) or roles.hypothetical(tok):
            continue
        pacts = [m for c in tok.children if c.dep_ in ("dobj", "nsubjpass") for m in roles.denotes_list(c)
                 if m.type == "Agreement"]
        behalf = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("on", "in") for b in c.children
                  if b.dep_ == "pobj" and b.lower_ == "behalf" for o in b.children if o.dep_ == "prep"
                  and o.lower_ == "of" for p in o.children if p.dep_ == "pobj"]
        parties = [replace(m, adjective=False) for p in behalf for m in roles.denotes_list(p) if m.type == "Country"]
        predicate = "RATIFIES" if lem == "ratify" else "SIGNS"
        out += [_cand(c, predicate, a, sv, "on-behalf", 0.7, at=tok) for c in parties for a in pacts]
    return out


def led_under(sv, roles, state):
    """'Under Chairman Lee Jae-yong, Samsung expanded its foundry business': whoever the clause is under, by a
    title, leads its subject (a firm or body; a country by a head of state or government only)."""
    out = []
    for p in sv.mentions:
        if p.type != "Person" or p.source == "coref":
            continue
        mt = UNDER_TITLE.search(sv.text, max(0, p.start - sv.start - 60), p.start - sv.start)
        titled = _title_role(mt.group("title")) if mt else None
        under = next((t for t in sv.tokens if t.idx == mt.start() and t.dep_ == "prep"), None) if titled else None
        if under is None or under.head.pos_ not in ("VERB", "AUX") or roles.negated(under.head):
            continue
        said, role = titled
        for actor in roles.subj(under.head):
            if actor.type in ("Firm", "GovernmentBody") or (
                    actor.type == "Country" and role in ("President", "Prime Minister") and not actor.adjective):
                out.append(_cand(p, "LEADS", actor, sv, "led-under", 0.7, _role_prop(said, role)))
    return out


# "President of the European Council Charles Michel", "the President of South Korea, Moon Jae-in": a title of a
# body written straight before a name (the lists of delegates in joint statements)
TITLE_OF = re.compile(r"\b(?P<title>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*)?)\s+of\s+(?:the\s+)?$")
NAME_AFTER_BODY = re.compile(r"\s*,?\s*$")


def _title_of_body_before(sv, p) -> list[Candidate]:
    out = []
    for body in sv.mentions:
        if body.end > p.start or body.adjective or body.type not in ("Country", "GovernmentBody", "Firm",
                                                                        "InternationalOrganization"):
            continue
        if not NAME_AFTER_BODY.fullmatch(sv.text[body.end - sv.start:p.start - sv.start]):
            continue
        mt = TITLE_OF.search(sv.text[max(0, body.start - sv.start - 40):body.start - sv.start])
        if not mt:
            continue
        titled = _title_role(mt.group("title"))
        if titled is None or re.search(r"\b(?:vice|deputy)\b", mt.group(0), re.IGNORECASE):
            continue
        if body.type == "Country" and titled[1] in MINISTERIAL_ROLES:
            continue
        out.append(_cand(p, "LEADS", body, sv, "title-of", 0.75, _role_prop(*titled)))
    return out


# verbs that give a person an office named after them: "served as", "was named", "became", "was elected"
HOLDING_VERBS = frozenset({"serve", "swear", "name", "elect", "appoint", "become", "be", "remain", "nominate",
                           "confirm", "install", "designate", "act", "reelect", "re-elect",
                           "take", "step", "return"})  # ("took over as head of", "stepped in as CEO of")


def _office_holders(roles, verb) -> list[Mention]:
    """'X served as', 'X was named': who the verb gives the office to (its subject, passive or not)."""
    return [m for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for m in roles.denotes_list(c)] \
        or roles.subj(verb)


def held_titles(sv, roles, state):
    """'X served as Secretary of the Navy', 'X was named CEO of Hanwha Ocean', 'his tenure as Secretary of the
    Navy', 'Lee was elected president of South Korea': a person holds the office a title of a body names."""
    titles = load_lexicon().titles
    out = []
    for tok in sv.tokens:
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        two = f"{tok.doc[tok.i - 1].lower_} {tok.lower_}" if tok.i > 0 else ""
        role = titles.get(tok.lower_) or titles.get(two)  # ("executive" is a title only after "chief")
        if role is None:
            continue
        if two in titles:  # "prime minister", "chief executive"
            role = titles[two] if titles[two] != "leader" else two.title()
        at = sv.start + tok.idx  # ("Secretary of the Navy" is the Department's mention itself)
        bodies = [m for m in sv.mentions if m.start <= at < m.end and m.type == "GovernmentBody"]
        bodies = bodies or [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                            for p in c.children if p.dep_ == "pobj" for m in roles.denotes_list(p)
                            if m.type in ("GovernmentBody", "Firm", "Country") and not m.adjective]
        # a country is led by its head of state or government, not by a minister or a secretary of it
        if not bodies and (tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ("be", "remain")
                           or tok.dep_ == "pobj" and tok.head.lower_ == "as"):
            # "Its CEO is X", "X named Y as its new chief executive"
            bodies = [m for m in roles.owner(tok) if m.type in ("Firm", "GovernmentBody")]
        if not bodies and tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.lemma_.lower() in (
                HOLDING_VERBS) and any(c.dep_ == "dobj" for c in tok.head.head.children):
            # "Velkor appointed Jane Morrow as president": the firm or body that appoints, to its own office
            bodies = [m for m in roles.subj(tok.head.head) if m.type in ("Firm", "GovernmentBody")]
        bodies = [b for b in bodies if b.type != "Country" or role not in MINISTERIAL_ROLES]
        if not bodies:
            continue
        holders: list[Mention] = []
        if tok.dep_ == "pobj" and tok.head.lower_ == "as":
            host = tok.head.head
            if host.pos_ in ("VERB", "AUX") and host.lemma_.lower() in HOLDING_VERBS:
                # "X named Y as its CEO": the one named; "Y was named as CEO", "Y served as": the subject
                named = [m for c in host.children if c.dep_ == "dobj" for m in roles.denotes_list(c)
                         if m.type == "Person"]
                holders = named or _office_holders(roles, host)
            elif host.pos_ == "NOUN":  # "his tenure as Secretary of the Navy"
                holders = roles.owner(host)
        elif tok.dep_ in ("oprd", "attr") and tok.head.lemma_.lower() in HOLDING_VERBS:
            holders = _office_holders(roles, tok.head)
        elif tok.dep_ == "appos":  # "Katherine Tai, the U.S. Trade Representative, ..."
            # (one title is one person's: "A, President of X, and B, President of Y" gives A only X)
            # (and "A and B, the CEO of X" is B's, the name right before it, whatever the parser hung it from)
            begins = sv.start + min(t.idx for t in tok.subtree)
            before = [m for m in sv.mentions if m.type == "Person" and m.end <= begins
                      and re.fullmatch(r"\s*,\s*", sv.text[m.end - sv.start:begins - sv.start])]
            holders = roles.denotes_list(tok.head) if tok.tag_ in ("NNS", "NNPS") else before or roles.denotes(
                tok.head)
        elif tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ("be", "remain"):
            # "The chief executive of General Motors is Mary Barra", "The company's chief executive is X"
            holders = [m for c in tok.head.children if c.dep_ == "attr" for m in roles.denotes_list(c)]
        for h in holders:
            if h.type == "Person" and not roles.negated(tok.head):
                said = tok.text if tok.text.isupper() else tok.text[:1].upper() + tok.text[1:]
                for b in bodies:
                    out.append(_cand(h, "LEADS", b, sv, "held-title", 0.75, _role_prop(said, role)))
    return out


# "Under Secretary of Commerce for Industry and Security", "Assistant Secretary for Export Administration": an
# office named by its field
FIELD_OFFICE = re.compile(r"\b(?:(?:Under|Assistant|Deputy) )?Secretary(?: of (?:the )?[A-Z][a-z]+)? for "
                          r"(?P<field>[A-Z][\w-]*(?:,? (?:and |& )?[A-Z][\w-]*)*)")


@lru_cache(maxsize=1)
def _bodies_by_field() -> dict:
    """Gazetteer bodies by the field their name ends with: 'Industry and Security' -> Bureau of Industry and
    Security."""
    from ...ontology import load_model
    out = {}
    for e in load_model().gazetteer:
        mt = re.match(r"(?:Bureau|Office|Agency|Administration|Department|Ministry|Directorate) (?:of|for) (?:the )?"
                      r"(.+)$", e.name) if e.type == "GovernmentBody" else None
        if mt:
            out.setdefault(mt.group(1), e)
    return out


def field_offices(sv, roles, state):
    """'Under Secretary of Commerce for Industry and Security Tarn Velmora', 'Tarn Velmora, Under Secretary ... for
    Industry and Security,': the holder of an office named by its field leads the body of that field."""
    out = []
    if "Secretary" not in sv.text:
        return out
    for mt in FIELD_OFFICE.finditer(sv.text):
        words = mt.group("field").split(" ")
        # the longest start of the capitalised run that names a body ("Industry and Security", not "... Security
        # Tarn Velmora": the holder's name may follow)
        field_ = next((" ".join(words[:k]) for k in range(len(words), 0, -1)
                       if " ".join(words[:k]) in _bodies_by_field()), None)
        if field_ is None:
            continue
        body = _bodies_by_field()[field_]
        end = mt.start("field") + len(field_)
        a, b = sv.start + mt.start(), sv.start + end
        after = re.match(r",?\s+", sv.text[end:])
        holders = [m for m in sv.mentions if m.type == "Person" and (
            (after and m.start == b + after.end()) or re.fullmatch(r",\s+(?:the\s+)?", sv.text[m.end - sv.start:
                                                                                            mt.start()]))]
        office = Mention(a, b, sv.text[mt.start():end], body.type, body.id, body.name, "coref",
                         wikidata=body.wikidata)
        role = mt.group(0).split(" for ")[0].split(" of ")[0]  # "Under Secretary"
        out += [_cand(h, "LEADS", office, sv, "field-office", 0.75, {"role": role}) for h in holders]
    return out


def administrations(sv, roles, state):
    """'the Biden Administration', 'the Park Geun-hye administration': the person named leads the government
    that acts (the country the document says they lead, or their nationality in the gazetteer; "X's
    administration in Japan" is read by structural.py's titles). A former administration was led by them too:
    the relation has no tense."""
    out = []
    for m in sv.mentions:
        leader = m.also
        if m.type == "Country" and leader is not None and leader.type == "Person":
            # "the Biden-Harris Administration": the first name leads, the second is the running mate
            before = sv.text[max(0, leader.start - sv.start - 6):leader.start - sv.start]
            if before[-1:] in ("-", "\u2013") and not re.search(r"\b[a-z]+-$", before):  # (not "then-President X")
                leader = next((x for x in sv.mentions if x.type == "Person" and x.end == leader.start - 1), None)
                if leader is None:
                    continue
            out.append(_cand(leader, "LEADS", m, sv, "administration", 0.7, {}))
    return out


BUILDING_VERBS = frozenset({"build", "construct", "open", "establish", "expand", "develop"})
INVESTING_WORDS = frozenset({"invest", "investment", "spend", "commit", "pledge"})


def built_where_invested(sv, roles, state):
    """'X's investment of $2 billion in Dayton, Ohio, to build a battery plant', 'invested $2 billion in Ohio to build
    a plant': what the money is put in a place to build is in that place."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if lem not in BUILDING_VERBS or tok.dep_ not in ("acl", "advcl", "xcomp"):
            continue
        invested = tok.head if tok.head.lemma_.lower() in INVESTING_WORDS else _investment_right_before(tok)
        if invested is None:
            continue
        places = [m for m in roles.pp(invested, {"in"}) if m.type in ("Country", "USState") and not m.adjective]
        facilities = [m for c in tok.children if c.dep_ == "dobj" for m in roles.denotes_list(c)
                      if m.type == "Facility"]
        out += [_cand(f, "LOCATED_IN", p, sv, "built-where-invested", 0.7) for f in facilities for p in places]
    return out


def built_in_clause(sv, roles, state):
    """'the plant, which SK On is building in Georgia,', 'the factory Velkor built in Ohio', 'a plant built by Velkor
    in Ohio': a clause that says who builds a facility where says the builder invests there, and the facility is
    there."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        building = lem in BUILDING_VERBS or lem == "set" and any(c.dep_ == "prt" and c.lower_ == "up"
                                                                  for c in tok.children)
        if not building or roles.negated(tok) or roles.hypothetical(tok):
            continue
        # "Samsung's first U.S. plant was built in Austin": the facility the passive verb is about, its owner the builder
        subject = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
            noun = tok.head
            if tok.dep_ == "relcl" and any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ not in ("which", "that")
                                           for c in tok.children):
                continue  # ("the firm that built a plant in Ohio": the clause says what the firm built)
        elif subject is not None and subject.pos_ in ("NOUN", "PROPN"):
            noun = subject
        else:
            continue
        if load_lexicon().heads.get(noun.lemma_.lower()) != "Facility":
            continue
        # (a passive clause names its builder as its agent: "the plant, which will be built by Velkor in Ohio,")
        builders = roles.agent(tok) or roles.subj(tok) if tok.dep_ == "relcl" else roles.agent(tok) or (
            roles.possessor(noun) if noun is subject else [])
        builders = [m for m in builders if m.type == "Firm"]
        places = [m for m in roles.pp(tok, {"in", "near"}) if m.type in ("Country", "USState") and not m.adjective]
        facilities = [m for m in roles.denotes_list(noun) if m.type == "Facility"]
        out += [_cand(b, "INVESTS_IN", p, sv, "built-in-clause", 0.7, at=tok) for b in builders for p in places]
        out += [_cand(b, "INVESTS_IN", f, sv, "built-in-clause", 0.7, at=tok) for b in builders for f in facilities]
        out += [_cand(f, "LOCATED_IN", p, sv, "built-in-clause", 0.7, at=tok) for f in facilities for p in places]
    return out


ADMITTING_VERBS = frozenset({"admit", "accept", "welcome"})


def admitted_members(sv, roles, state):
    """'In 1993, APEC accepted Mexico and Papua New Guinea', 'the WTO admitted China': an organisation that admits
    countries (named as its object itself, not "welcomed Japan's proposal") has them as members."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if lem not in ADMITTING_VERBS or tok.pos_ != "VERB" or roles.negated(tok) or roles.hypothetical(tok):
            continue
        orgs = [m for m in roles.subj(tok) if m.type == "InternationalOrganization"]
        objects = [c for c in tok.children if c.dep_ == "dobj"]
        objects += [x for c in objects for x in c.conjuncts]
        members = [m for c in objects for m in _mentions_at(sv, c) if m.type == "Country" and not m.adjective
                   and sv.start + c.idx + len(c.text) == m.end]
        out += [_cand(m, "MEMBER_OF", org, sv, "admitted", 0.7, at=tok) for org in orgs for m in members]
    return out


def in_force_for(sv, roles, state):
    """'The Accord entered into force for Venezuela in 2025', 'took effect between Chile and Peru', 'went into
    effect in Peru': those a pact is in force for, between or in, are its parties."""
    out = []
    if not re.search(r"\b(?:into force|effect)\b", sv.text):
        return out
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if lem not in ("enter", "come", "take", "go") or tok.pos_ != "VERB" or roles.negated(tok) \
                or roles.hypothetical(tok):
            continue
        # ("entered into force", "took effect": the noun, or the preposition's object, right under the verb)
        force = [x for c in tok.children for x in [c, *c.children] if x.lower_ in ("force", "effect")]
        if not force:
            continue
        pacts = [m for m in roles.subj(tok) if m.type == "Agreement"]
        parties = [m for t in [tok, *force] for m in roles.pp(t, {"for", "between"})  # (the parser may hang
                   if m.type in PARTY_TYPES and not m.adjective]  # "for X" from "force")
        # "went into effect in Korea in February": the country it took effect in (a place, never a time)
        parties += [m for t in [tok, *force] for m in roles.pp(t, {"in"}) if m.type == "Country" and not m.adjective]
        out += [_cand(p, "PARTY_TO", a, sv, "in-force-for", 0.7) for a in pacts for p in parties]
    return out


# "a U.S.-led economic grouping", "the Chinese-led Regional Comprehensive Economic Partnership"
LED = re.compile(r"-led\b")
APPOSED_LED = re.compile(r"\s*(?:\([A-Z][\w-]{1,12}\))?\s*,\s+(?:a|an|the)\s+$")


def led_by(sv, roles, state):
    """'the Chinese-led RCEP', 'the IPEF, a U.S.-led economic grouping': the country that leads a pact is a party
    to it."""
    out = []
    if "-led" not in sv.text:
        return out
    pacts = [m for m in sv.mentions if m.type == "Agreement" and not m.adjective]
    for c in sv.mentions:
        led = LED.match(sv.text, c.end - sv.start) if c.type == "Country" else None
        if led is None:
            continue
        after = led.end()
        # the pact the phrase names: right after it, past adjectives ("the Chinese-led Regional ... (RCEP)"), or
        # the one the phrase is set beside ("the IPEF, a U.S.-led grouping")
        named = [p for p in pacts if re.fullmatch(r"(?:\s+[a-z][\w-]*){0,2}\s+", sv.text[after:p.start - sv.start])]
        beside = [p for p in pacts if p.end <= c.start and APPOSED_LED.fullmatch(sv.text, p.end - sv.start,
                                                                                 c.start - sv.start)]
        toks = [t for t in sv.tokens if c.start <= sv.start + t.idx < sv.start + led.end()]
        if toks and (roles.negated(toks[-1].head) or roles.hypothetical(toks[-1])):
            continue
        out += [_cand(replace(c, adjective=False), "PARTY_TO", p, sv, "led-by", 0.7) for p in (named or beside)[:1]]
    return out


# "the Additional Protocol to the Lima Pact", "an amendment to the X": an instrument that changes another
CHANGING_INSTRUMENT = re.compile(r"\b(?:[Pp]rotocols?|[Aa]mendments?)$")


def protocol_to(sv, roles, state):
    """'The Additional Protocol to the Lima Pact has been applied since 2014': a protocol or an amendment to an
    agreement amends it."""
    out = []
    pacts = [m for m in sv.mentions if m.type == "Agreement" and not m.adjective]
    for p in pacts:
        head = re.sub(r"\s+to\s+.*$", "", p.text)
        if not CHANGING_INSTRUMENT.search(head):
            continue
        # the agreement named inside its name ("protocol to the Lima Pact") or right after it
        to = re.match(r"\s+to\s+(?:the\s+)?", sv.text[p.end - sv.start:])
        targets = [x for x in pacts if x.id != p.id and (p.start < x.start and x.end <= p.end and " to " in p.text
                                                         or to and x.start == p.end + to.end())]
        toks = [t for t in sv.tokens if p.start <= sv.start + t.idx < p.end]
        if targets and toks and not roles.negated(toks[-1]) and not roles.hypothetical(toks[-1]):
            out.append(_cand(p, "AMENDS", targets[0], sv, "protocol-to", 0.7))
    return out


def agreements_had(sv, roles, state):
    """'Chile and Peru have a free trade agreement, the Lima Pact', 'the two countries have had the pact since
    2012': a pact countries have is theirs - one pact named or described whole, as the verb's own object (not "have
    to", not "numerous agreements with others")."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if lem != "have" or tok.pos_ != "VERB" or roles.negated(tok) or roles.hypothetical(tok) \
                or roles.intended(tok) or any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
            continue  # (not "will have to maneuver within ... the CPTPP")
        pacts = [m for c in tok.children if c.dep_ == "dobj" and c.tag_ != "NNS"
                 for m in sv.tok_mentions.get(c.i, []) if m.type == "Agreement" and not m.adjective]
        parties = [m for m in roles.subj(tok) if m.type in ("Country", "InternationalOrganization")
                   and not m.adjective]
        out += [_cand(p, "PARTY_TO", a, sv, "agreement-had", 0.65) for p in parties for a in unique_mentions(pacts)]
    return out


# verbs of leaving a pact that may go without its object: "the United States withdrew in 2017"
LEAVING_ALONE = frozenset({"withdraw", "exit", "quit"})
DEFINITE_TALKS = re.compile(r"\bthe\s+(?:negotiations|talks|pact|agreement|deal|accord|partnership)\b")


# talks an opening phrase says the clause's act came of: "As a result of negotiations, Korea will double ..."
OUT_OF_TALKS = re.compile(r"\s*(?:As\s+(?:a|the)\s+(?:result|outcome|product)\s+of|Through|Following)\s+(?:the\s+)?"
                          r"(?:\w+\s+)?(?:negotiations|talks)\s*,", re.IGNORECASE)


def out_of_talks(sv, roles, state):
    """'As a result of negotiations, South Korea will double its quota ...': who acts on what the talks gave
    negotiated the pact the sentence names, or the one the document named last (a few sentences back at most)."""
    if not OUT_OF_TALKS.match(sv.text) or sv.parse is None:
        return []
    root = sv.tokens[0].sent.root
    if roles.negated(root):
        return []
    pacts = unique_mentions([m for m in sv.mentions if m.type == "Agreement" and not m.adjective])
    if not pacts and state.last_agreement is not None and sv.index - state.last_agreement_at <= 3:
        pacts = [state.last_agreement]
    actors = [m for m in roles.subj(root) if m.type in ("Country", "GovernmentBody") and not m.adjective]
    return [_cand(x, "NEGOTIATES", pacts[0], sv, "out-of-talks", 0.65) for x in actors] if len(pacts) == 1 else []


# what a firm plans, builds or opens when an encyclopedia page about it says so without naming it
PLANNING_VERBS = frozenset({"plan", "announce", "build", "construct", "open", "propose"})


def title_firms_plants(sv, roles, state):
    """'Three battery plants were planned, two in Kentucky and one in Tennessee', on a page whose title names a
    firm: plants planned or built with no one named are the page's firm's, and it invests in their places."""
    firm = state.title
    if firm is None or firm.type != "Firm" or sv.parse is None:
        return []
    heads = load_lexicon().heads
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if lem not in PLANNING_VERBS or tok.tag_ != "VBN" or roles.negated(tok) or roles.hypothetical(tok) \
                or not any(c.dep_ == "auxpass" for c in tok.children) or any(c.dep_ == "agent" for c in tok.children):
            continue
        if not any(c.dep_ == "nsubjpass" and heads.get(c.lemma_.lower()) == "Facility" for c in tok.children):
            continue
        lo, hi = sv.start + min(t.idx for t in tok.subtree), sv.start + max(t.idx + len(t.text) for t in tok.subtree)
        places = [m for m in sv.mentions if m.type == "USState" and not m.adjective and lo <= m.start < hi]
        out += [_cand(firm, "INVESTS_IN", p, sv, "title-firms-plants", 0.6, at=tok) for p in places]
    return out


def withdrew_alone(sv, roles, state):
    """'The TPP was signed in 2016 ... after the United States withdrew': a country that withdraws with nothing
    it withdraws from leaves the agreement its sentence names, or the one named in the sentence before."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if lem not in LEAVING_ALONE or tok.pos_ != "VERB" or roles.negated(tok) or roles.hypothetical(tok) \
                or roles.intended(tok) or any(c.dep_ in ("dobj", "prep", "prt", "xcomp", "ccomp") and (
                    c.dep_ != "prep" or c.lower_ in ("from", "of", "out")) for c in tok.children):
            continue  # (not "withdrew its troops", "withdrew from X": the frame rules read those)
        pacts = [m for m in sv.mentions if m.type == "Agreement" and not m.adjective]
        # (further back where the sentence speaks of the pact's talks: "India, which was initially involved in the
        # negotiations, withdrew")
        reach = 4 if DEFINITE_TALKS.search(sv.text) else 1
        if not pacts and state.last_agreement is not None and sv.index - state.last_agreement_at <= reach:
            pacts = [state.last_agreement]
        leavers = [m for m in roles.subj(tok) if m.type in PARTY_TYPES and not m.adjective]
        if len(unique_mentions(pacts)) == 1:
            out += [_cand(x, "WITHDRAWS_FROM", pacts[0], sv, "withdrew-alone", 0.65, at=tok) for x in leavers]
    return out


# a plural trade pact noun: several pacts, each between one side and one partner ("FTAs", "free trade agreements")
PLURAL_TRADE_PACT = re.compile(r"(?:\b(?:free[- ])?trade\s+(?:agreements|deals|pacts|treaties)|\bFTAs)$",
                               re.IGNORECASE)
# how one side holds its pacts with others: "Norway has FTAs with A and B", "signed FTAs with A and B"
PACT_HOLDING_VERBS = frozenset({"have", "sign", "ink", "conclude", "implement", "maintain"})
# the words that pick some of a group noun's members out: "15 FTAs, including FTAs with A and B"
PICKING_OUT = frozenset({"including", "like", "as"})


def pacts_with_partners(sv, roles, state):
    """'Norway has FTAs with Chile, Peru and Japan', 'Norway's free trade agreements with Chile and Peru': a plural
    trade pact with a list of partners names one pact per partner, between it and the one side that holds them
    (naming.name_by_parties then names each by its two sides)."""
    out = []
    for tok in sv.tokens:
        if tok.tag_ != "NNS" or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        kind = " ".join(t.text for t in tok.subtree if t.i <= tok.i and (
            t.i == tok.i or (t.dep_ in ("compound", "amod") and t.head.i in (tok.i, tok.i - 1))))
        if not PLURAL_TRADE_PACT.search(kind):
            continue
        withs = [c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "with"]
        if tok.dep_ == "dobj":  # (the parser may hang "with" from the verb right after the noun)
            withs += [c for c in tok.head.rights if c.dep_ == "prep" and c.lower_ == "with" and c.i == tok.i + 1]
        listed = [t for w in withs for o in w.children if o.dep_ == "pobj" for t in (o, *o.conjuncts)]
        partners = unique_mentions([m for t in listed for m in _mentions_at(sv, t)
                                    if m.type in PARTY_TYPES and not m.adjective])
        if len(partners) < 2 or len(partners) < len(listed):
            continue  # (one partner is a pact of the singular's kind; "FTAs with countries such as X" names no side)
        owners = [m for c in tok.children if c.dep_ == "poss" for m in roles.denotes(c)]
        node, verb = tok, None
        for _ in range(3):  # "has 15 FTAs, including recently concluded FTAs with A and B"
            if node.dep_ == "pobj" and node.head.lower_ in PICKING_OUT:
                node = node.head.head
            if node.dep_ == "dobj" and node.head.lemma_.lower() in PACT_HOLDING_VERBS:
                verb = node.head
                break
            if node.dep_ != "pobj":
                break
        if verb is not None and not owners:
            if roles.negated(verb) or roles.hypothetical(verb) or roles.intended(verb):
                continue
            owners = roles.subj(verb)
        owners = [m for m in unique_mentions(owners) if m.type in PARTY_TYPES and not m.adjective]
        if len(owners) != 1 or any(p.id == owners[0].id for p in partners) or roles.negated(tok) \
                or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            continue  # ("Chile and Peru have FTAs with A and B": which pact is whose, the words do not say)
        singular = re.sub(r"s$", "", kind)
        signed = verb is not None and verb.lemma_.lower() in ("sign", "ink")
        for partner in partners:
            name = f"{singular} with {partner.name}"
            pact = Mention(partner.start, partner.end, name, "Agreement", entity_id("Agreement", name), name,
                           "pattern")
            for side in (owners[0], partner):
                out.append(_cand(side, "PARTY_TO", pact, sv, "pacts-with-partners", 0.7, at=verb))
                if signed:
                    out.append(_cand(side, "SIGNS", pact, sv, "pacts-with-partners", 0.7, at=verb))
    return out


# (not expanding: a firm expands its own plant; running one together is as joint as building it)
JOINT_BUILDING_VERBS = BUILDING_VERBS - {"expand"} | {"operate", "run"}


def joint_builders(sv, roles, state):
    """'Hyundai Steel and POSCO are moving forward with plans to build a steel mill in Louisiana': firms that
    together build one facility are partners (not plants in the plural, each maybe its own)."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if lem not in JOINT_BUILDING_VERBS or tok.pos_ != "VERB" or roles.negated(tok) or roles.hypothetical(tok):
            continue
        one = [c for c in tok.children if c.dep_ == "dobj" and c.tag_ == "NN" and not list(c.conjuncts)
               and any(m.type == "Facility" for m in sv.tok_mentions.get(c.i, []))]
        firms = unique_mentions([m for m in roles.subj(tok) if m.type == "Firm" and not m.adjective])
        if not one or len(firms) < 2:
            continue
        out += [_cand(a, "PARTNERS_WITH", b, sv, "joint-builders", 0.65) for k, a in enumerate(firms)
                for b in firms[k + 1:]]
    return out


def implementing_law(sv, roles, state):
    """'a final rule implementing the Lima Chips Act', 'issued the rule to implement the provisions of the Act': the
    law a measure carries out authorises it."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if lem != "implement" or tok.pos_ != "VERB" or roles.negated(tok) or roles.hypothetical(tok):
            continue
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        laws = [m for o in objs for t in o.subtree for m in sv.tok_mentions.get(t.i, []) if m.type == "Law"
                and not m.adjective]
        measures = [m for m in roles.subj(tok) if m.type == "Policy"]
        if tok.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            measures += [m for m in roles.dobj(tok.head) if m.type == "Policy"]  # "issued X to implement the Act"
        out += [_cand(law, "AUTHORIZES", m, sv, "implementing-law", 0.7) for law in unique_mentions(laws)
                for m in unique_mentions(measures)]
    return out


# "These include A, B and C.": a list that continues the previous sentence's group of members
_GROUP_NOUNS = r"(?:members|countries|nations|economies|parties|partners|participants)"
# ("The 15 countries include A, B and C": a definite group, counted or not, is the one just spoken of)
THESE_INCLUDE = re.compile(rf"\s*(?:(?:These|They|Those|Its|Their)(?:\s+(?:\w+\s+)?{_GROUP_NOUNS})?"
                           rf"|The\s+(?:\w+\s+)?{_GROUP_NOUNS})\s+(?:include|includes|included|are|were|comprise)\s+")
MEMBER_GROUP = re.compile(r"\b(?:members|countries|nations|economies|partners|participants|signatories|parties)\b")


def members_listed_after(sv, roles, state):
    """'... initiating negotiations among the founding members. These include A, B and C.': the countries listed
    right after a sentence about the members of the last agreement named are its parties."""
    mt = THESE_INCLUDE.match(sv.text)
    pact = state.last_agreement
    if not mt or pact is None or not MEMBER_GROUP.search(state.previous_text) \
            or roles.negated(sv.tokens[0].sent.root) or roles.hypothetical(sv.tokens[0].sent.root):
        return []
    listed = [m for m in sv.mentions if m.type == "Country" and not m.adjective and m.start - sv.start >= mt.end()]
    return [_cand(m, "PARTY_TO", pact, sv, "members-listed-after", 0.65) for m in listed] if len(listed) >= 2 else []


# "The affected companies are A, B and C.", "The sanctioned entities include ...": who the measure named before hits
AFFECTED_LISTED = re.compile(r"\s*(?:The|These|Those)\s+(?:(?:affected|sanctioned|targeted|designated|blacklisted|"
                             r"penalized|penalised)\s+(?:companies|firms|entities|subsidiaries|units|businesses)"
                             r"|(?:companies|firms|entities|subsidiaries|units|businesses)\s+(?:affected|sanctioned|"
                             r"targeted|designated|hit|covered))\s+(?:are|were|include|included|includes|comprise)\s+")


PROCEEDINGS = frozenset({"review", "investigation", "proceeding", "inquiry"})
RESPONDENTS_LISTED = re.compile(r"\b(?:mandatory\s+)?respondents\b(?:\s+for\s+individual\s+(?:examination|review))?"
                                r"\s*(?:,|:|\(|\s+(?:are|were|include|included)\s)\s*")


# a heading over a table or list of the firms a measure hits: "Targeted Chinese steelmakers/exporters"
# ... or the first column of a trade remedy's table of rates: "Exporter/producer | Weighted-average dumping margin"
AFFECTED_HEADING = re.compile(r"[\s|]*(?:(?:Targeted|Affected|Sanctioned|Designated|Covered)\s+(?:[A-Z][\w-]*\s+)?"
                              r"(?:companies|firms|entities|producers|exporters|steelmakers|manufacturers|"
                              r"businesses)(?:\s*/\s*[a-z]+)?\s*$"
                              r"|(?:Exporters?|Producers?|Manufacturers?)\s*/\s*(?:[Ee]xporters?|[Pp]roducers?|"
                              r"[Mm]anufacturers?)\b[^.]*$)")
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def affected_listed(sv, roles, state):
    """'China sanctioned five U.S. units of Velkor Ocean. The affected companies are A, B and C.': the firms a
    sentence lists as the ones affected are what the measure named last targets (the last said to hit a firm). So
    is each firm that opens a row of a table or list under a heading such as "Targeted Chinese exporters", up to
    the next sentence with a verb of its own."""
    # (the last measure said to hit a firm, else the last one)
    measure = next((m for m, on_firm in reversed(state.measures) if on_firm), None) or next(
        (m for m, _ in reversed(state.measures)), None)
    if AFFECTED_HEADING.match(sv.text):
        state.listing = measure  # (the rows that follow are read against it)
        return []
    if state.listing is not None:
        if any(t.tag_ in FINITE_TAGS for t in sv.tokens):
            state.listing = None  # prose again: the list is over
        else:
            first = next((m for m in sv.mentions if not m.adjective), None)
            if first is not None and first.type == "Firm" and sv.text.lstrip(" \t\n|").startswith(first.text):
                return [_cand(state.listing, "TARGETS", first, sv, "affected-row", 0.6)]
            return []
    # (in a trade remedy's notice, the firms it examines are its respondents: "Commerce selected two respondents for
    # individual examination, X and Y")
    mt = AFFECTED_LISTED.match(sv.text)
    if mt is None:
        mt = RESPONDENTS_LISTED.search(sv.text)
        # (respondents answer a proceeding: the review or investigation named last, if one was)
        measure = next((m for m, _ in reversed(state.measures) if getattr(m, "head", "") in PROCEEDINGS),
                       measure) if mt else measure
    if not mt or measure is None or roles.negated(sv.tokens[0].sent.root) \
            or roles.hypothetical(sv.tokens[0].sent.root):
        return []
    listed = [m for m in sv.mentions if m.type == "Firm" and not m.adjective and m.start - sv.start >= mt.end()]
    return [_cand(measure, "TARGETS", m, sv, "affected-listed", 0.65) for m in unique_mentions(listed)]


def _investment_right_before(tok):
    """'builds upon X's investment of $2 billion in Dayton, Ohio, to build a plant': the parser may hang the
    purpose from the clause's verb; the investment whose phrase ends right before it is what pays for it."""
    k = tok.left_edge.i - 1
    while k >= 0 and tok.doc[k].is_punct:
        k -= 1
    node = tok.doc[k] if k >= 0 else None
    for _ in range(6):
        if node is None or node.i == tok.i:
            return None
        if node.lemma_.lower() in INVESTING_WORDS and node.pos_ == "NOUN":
            return node
        node = node.head if node.head.i != node.i else None
    return None


def named_facilities(sv, roles, state):
    """'the Hyundai plant in Alabama', 'a $3 billion Samsung fab': a firm whose name opens a facility's name owns
    the facility, and put money in it."""
    out = []
    for f in sv.mentions:
        if f.type != "Facility" or f.source != "pattern":
            continue
        owners = [m for m in sv.mentions if m.type == "Firm" and not m.adjective and m.start == f.start
                  and m.end < f.end]
        head = next((t for t in reversed(sv.tokens) if sv.start + t.idx < f.end), None)
        if not owners or head is None or roles.negated(head.head) or roles.hypothetical(head):
            continue
        out += [_cand(m, "INVESTS_IN", f, sv, "named-facility", 0.65, at=head) for m in owners]
    return out


SITE_NOUNS = frozenset({"home", "site", "location"})


def sites(sv, roles, state):
    """'Ohio will be home to X's new $2 billion plant', 'X announced Ohio as the site of its plant': the place a
    firm's facility is given is where the firm puts its money, and where the facility is."""
    out = []
    if not might_contain(sv.text, SITE_NOUNS):
        return out
    lex = load_lexicon()
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if lem not in SITE_NOUNS:
            continue
        if tok.dep_ in ("attr", "acomp", "advmod") and tok.head.lemma_ == "be":
            places = roles.subj(tok.head)  # "Ohio will be home to ..." (the parser may take "home" for an adverb)
        elif tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos_ == "VERB":
            places = roles.dobj(tok.head.head)  # "announced Ohio as the site of ..."
        else:
            continue
        places = [m for m in places if m.type in ("USState", "Country") and not m.adjective]
        nouns = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "of", "for") for p in c.children
                 if p.dep_ == "pobj" and lex.heads.get(p.lemma_.lower()) == "Facility"]
        for noun in nouns:
            facilities = [m for m in _mentions_at(sv, noun) if m.type == "Facility"]
            owners = [o for o in roles.owner(noun) if o.type == "Firm" and not o.adjective]
            value = amount_for(sv, find_amounts(sv.text), tok.idx, places[0], "INVESTS_IN") if places and owners \
                else None
            for p in places:
                out += [_cand(f, "LOCATED_IN", p, sv, "site", 0.7) for f in facilities]
                out += [_cand(o, "INVESTS_IN", p, sv, "site", 0.7, {"amount_usd": value} if value is not None else None)
                        for o in owners]
    return out


def held_measures(sv, roles, state):
    """'BIS updated X's Validated End-User authorization', 'X's export license was revoked': a permission, a loan
    or a grant a firm holds is granted to it, so targets it (lexicon.toml [derived] held_measures)."""
    out = []
    held = frozenset(load_lexicon().derived.get("held_measures", ()))
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if lem not in held or tok.pos_ != "NOUN":
            continue
        measures = [m for m in sv.tok_mentions.get(tok.i, []) if m.type == "Policy"
                    and m.end == sv.start + tok.idx + len(tok.text)]
        holders = [m for m in roles.possessor(tok) if m.type == "Firm" and not m.adjective]
        out += [_cand(m, "TARGETS", h, sv, "held-measure", 0.7) for m in measures for h in holders]
    return out


ENTERING_VERBS = frozenset({"enter", "access", "reach", "penetrate"})


def _nationals(roles, noun) -> list[Mention]:
    """The countries a noun's own modifiers name: "Chilean wine", "the Peruvian market", "its market"."""
    out = []
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "nmod", "poss"):
            got = [m for m in roles.denotes(c) if m.type == "Country"]
            if not got and c.lower_ in ("its", "their"):
                got = [m for m in roles.subj_of_clause(c) if m.type == "Country"]
            out += got
    return unique_mentions(out)


def market_entry(sv, roles, state):
    """'Chilean wine can now enter the Peruvian market', 'American cars that can enter its market', 'U.S. beef
    gained access to the Korean market': goods of one country sold in another's market are its exports there."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if tok.pos_ == "VERB" and lem in ENTERING_VERBS:
            markets = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() == "market"]
            goods = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        elif tok.pos_ == "NOUN" and lem == "access" and tok.head.pos_ == "VERB":
            markets = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children
                       if p.dep_ == "pobj" and p.lemma_.lower() == "market"]
            goods = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        else:
            continue
        if not markets or roles.negated(tok) or roles.hypothetical(tok):
            continue
        # ("American automobiles that can enter its market": the goods the relative clause is about)
        goods = [tok.head if g.lower_ in ("that", "which") and tok.dep_ == "relcl" else g for g in goods]
        makers = [m for g in goods for m in _nationals(roles, g)]
        buyers = [m for mk in markets for m in _nationals(roles, mk)]
        out += [_cand(replace(a, adjective=False), "EXPORTS_TO", replace(b, adjective=False), sv, "market-entry", 0.65)
                for a in makers for b in buyers if a.id != b.id]
    return out


GRANTING_VERBS = frozenset({"grant", "award", "issue", "approve"})  # (not "extend": a tariff extended goes on)


def granted_measures(sv, roles, state):
    """'Commerce granted Tarsk a Validated End-User authorization', 'issued a license to Tarsk', 'Tarsk received a
    licence from Commerce': a measure granted to someone targets (applies to) them; the grantor, where it is a
    government, imposes it."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if lem not in GRANTING_VERBS and lem not in RECEIVING_VERBS or tok.pos_ != "VERB" or roles.negated(tok) \
                or roles.hypothetical(tok):
            continue
        receiving = lem in RECEIVING_VERBS
        measures = [m for m in roles.dobj(tok) if m.type == "Policy"]
        if receiving:  # "X received a licence from Commerce"
            recipients, grantors = roles.subj(tok), roles.pp(tok, {"from"})
        else:
            recipients, grantors = _given_to(roles, tok), _givers(roles, tok)
        for measure in measures:
            if getattr(measure, "head", None) in _trigger_nouns("EXEMPTS"):
                # "the United States granted Canada an exemption": the grantor exempts, the exemption aims at none
                out += [_cand(g, "EXEMPTS", r, sv, "granted-exemption", 0.7) for g in grantors for r in recipients
                        if g.type == "Country" and r.type == "Country" and not r.adjective and g.id != r.id]
                continue
            for r in recipients:
                if r.type in ("Firm", "Country", "GovernmentBody") and not r.adjective:
                    out.append(_cand(measure, "TARGETS", r, sv, "granted-to", 0.7))
            for g in grantors:
                if g.type in ("Country", "GovernmentBody"):
                    out.append(_cand(g, "IMPOSES", measure, sv, "granted-by", 0.7))
    return out


PERMITTING_VERBS = frozenset({"allow", "permit", "let", "enable"})


def exemption_allows(sv, roles, state):
    """'The exemption allows the South to export fuel to the North', 'the waivers permit Velkor to ship tools': an
    exemption exempts whom it lets do something."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if lem not in PERMITTING_VERBS or tok.pos_ != "VERB" or roles.negated(tok) or roles.hypothetical(tok):
            continue
        exemptions = [m for m in roles.subj(tok) if m.type == "Policy" and getattr(m, "head", None)
                      in _trigger_nouns("EXEMPTS")]
        # (the parser may make the one let act the subject of the act: "allows [the South to export]")
        allowed = [m for c in tok.children if c.dep_ == "dobj" for m in roles.denotes_list(c)] + [
            m for c in tok.children if c.dep_ in ("ccomp", "xcomp") for s in c.children if s.dep_ == "nsubj"
            for m in roles.denotes_list(s)]
        allowed = [m for m in allowed if m.type in ("Country", "Firm") and not m.adjective]
        out += [_cand(x, "EXEMPTS", a, sv, "exemption-allows", 0.65, at=tok) for x in exemptions for a in allowed]
    return out


# what is sold when a share of it is: "its 40 percent stake in X", "its shares of Y"
SHARE_NOUNS = frozenset({"stake", "share", "holding", "interest", "ownership"})


def sales(sv, roles, state):
    """'Velkor sold its stake in Korvell to Tarsk for $1 billion', 'sold its Ohio plant to Tarsk': the buyer invests
    in what is sold, with the price (the seller invests in nothing: parsed.sold)."""
    out = []
    for tok, lem in zip(sv.tokens, sv.lemmas):
        if lem not in SELLING_VERBS or tok.pos_ != "VERB" or roles.negated(tok) or roles.hypothetical(tok):
            continue
        buyers = [m for m in roles.pp(tok, {"to"}) if m.type in ("Firm", "Country") and not m.adjective]
        sold = []
        for obj in (c for c in tok.children if c.dep_ == "dobj"):
            if obj.lemma_.lower() in SHARE_NOUNS:  # "its stake in Korvell", "its stake of its plant in Ohio"
                sold += [m for m in roles.pp(obj, {"in", "of"}) if m.type in ("Firm", "Facility")]
            else:
                sold += [m for m in roles.denotes_list(obj) if m.type in ("Firm", "Facility")]
        sellers = {m.id for m in roles.subj(tok)}
        value = amount_for(sv, find_amounts(sv.text), tok.idx, sold[0], "INVESTS_IN") if sold else None
        out += [_cand(b, "INVESTS_IN", x, sv, "bought", 0.7, {"amount_usd": value} if value is not None else None,
                      at=tok)
                for b in buyers for x in sold if b.id != x.id and b.id not in sellers]
    return out


@lru_cache(maxsize=None)
def _trigger_nouns(predicate: str) -> frozenset:
    """The nouns that trigger a predicate (patterns.toml: its rules' nouns): "exemption", "waiver" for EXEMPTS;
    "talks", "negotiations" for NEGOTIATES."""
    return frozenset(w for r in load_lexicon().rules if r.predicate == predicate for w in r.nouns)


# what of a pact one acts under: "under the terms of the current 9th SMA"
TERMS_NOUNS = frozenset({"term", "provision", "rule"})


def under_agreement(sv, roles, state):
    """'Under the agreement, Korea will invest $350 billion', 'Under the terms of the 9th SMA, Seoul pays half of
    the cost', 'the two countries are treaty allies under the Mutual Defense Treaty': a country acting under a pact
    (or its terms, or bound by it) is its party."""
    out = []
    for tok, low in zip(sv.tokens, sv.lowers):
        if low != "under" or tok.dep_ != "prep":
            continue
        objects = [c for c in tok.children if c.dep_ == "pobj"]
        objects += [q for p in objects if p.lemma_.lower() in TERMS_NOUNS for c in p.children
                    if c.dep_ == "prep" and c.lower_ == "of" for q in c.children if q.dep_ == "pobj"]
        pacts = [m for c in objects for m in roles.denotes_list(c) if m.type == "Agreement"]
        head = tok.head
        if head.dep_ == "attr":  # "are treaty allies under X": the copula's subject
            head = head.head
        if not pacts or head.pos_ not in ("VERB", "AUX") or roles.hypothetical(head) or roles.negated(head):
            continue
        for party in (m for m in roles.subj(head) if m.type in PARTY_TYPES and not m.adjective):
            for pact in pacts:
                out.append(_cand(party, "PARTY_TO", pact, sv, "under-agreement", 0.7))
    return out


def home_to(sv, roles, state):
    """'South Korea, home to chipmakers Samsung and SK Hynix,', 'Ohio is home to X': who a place is home to is
    located in it."""
    out = []
    for tok in sv.tokens:
        if tok.lower_ != "home" or tok.pos_ != "NOUN" or roles.negated(tok):
            continue
        if tok.dep_ == "appos":
            places = roles.denotes_list(tok.head)
        elif tok.dep_ == "attr" and tok.head.lemma_ in ("be", "remain"):
            places = [m for c in tok.head.children if c.dep_ == "nsubj" for m in roles.denotes_list(c)]
        else:
            continue
        places = [m for m in places if m.type in ("Country", "USState") and not m.adjective]
        homed = unique_mentions([m for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
                                 for p in c.children if p.dep_ == "pobj" for t in p.subtree
                                 for m in sv.tok_mentions.get(t.i, ())
                                 if m.type in ("Firm", "Facility", "GovernmentBody") and not m.adjective])
        out += [_cand(m, "LOCATED_IN", place, sv, "home-to", 0.7) for place in places[:1] for m in homed]
    return out


CONSTRUCTIONS = [
    (agreement_between, ("PARTY_TO", "NEGOTIATES", "SIGNS")),
    (under_agreement, ("PARTY_TO",)),
    (members_listed, ("MEMBER_OF", "PARTY_TO")),
    (admitted_members, ("MEMBER_OF",)),
    (implicit_parties, ("SIGNS", "RATIFIES", "NEGOTIATES")),
    (in_force_for, ("PARTY_TO",)),
    (led_by, ("PARTY_TO",)),
    (members_listed_after, ("PARTY_TO",)),
    (protocol_to, ("AMENDS",)),
    (implementing_law, ("AUTHORIZES",)),
    (agreements_had, ("PARTY_TO",)),
    (pacts_with_partners, ("PARTY_TO", "SIGNS")),
    (withdrew_alone, ("WITHDRAWS_FROM",)),
    (out_of_talks, ("NEGOTIATES",)),
    (title_firms_plants, ("INVESTS_IN",)),
    (joint_builders, ("PARTNERS_WITH",)),
    (of_country, ("LOCATED_IN",)),
    (under_law, ("AUTHORIZES",)),
    (invoked_law, ("AUTHORIZES",)),
    (law_possessive, ("AUTHORIZES",)),
    (national_makers, ("OPERATES_IN",)),
    (counterparties, ("PARTNERS_WITH",)),
    (co_negotiators, ("NEGOTIATES",)),
    (negotiators_named, ("NEGOTIATES",)),
    (signing_ceremony, ("SIGNS",)),
    (exemption_allows, ("EXEMPTS",)),
    (measure_impacts, ("TARGETS",)),
    (co_signers, ("SIGNS",)),
    (signed_on_behalf, ("SIGNS", "RATIFIES")),
    (fronted_signing, ("SIGNS", "RATIFIES")),
    (described_parties, ("PARTY_TO", "NEGOTIATES")),
    (leader_titles, ("LEADS",)),
    (held_titles, ("LEADS",)),
    (led_under, ("LEADS",)),
    (bracketed_heads, ("LEADS",)),
    (field_offices, ("LEADS",)),
    (administrations, ("LEADS",)),
    (measure_acts, ("IMPOSES", "TARGETS")),
    (descriptors, ("LOCATED_IN", "OPERATES_IN")),
    (exemptions, ("EXEMPTS",)),
    (left_out, ("EXEMPTS",)),
    (excepted_members, ("SIGNS", "MEMBER_OF", "PARTY_TO")),
    (business_lines, ("OPERATES_IN",)),
    (priced_facilities, ("INVESTS_IN",)),
    (measure_scope, ("TARGETS",)),
    (answered_threats, ("TARGETS",)),
    (itemised_goods, ("TARGETS",)),
    (talks_behind, ("NEGOTIATES",)),
    (borne_measures, ("TARGETS",)),
    (borne_retaliation, ("RETALIATES_AGAINST",)),
    (organisation_leaders, ("LEADS",)),
    (export_markets, ("EXPORTS_TO",)),
    (funding, ("PARTNERS_WITH", "TARGETS", "IMPOSES")),
    (purposes, ("TARGETS",)),
    (granted_measures, ("TARGETS", "IMPOSES", "EXEMPTS")),
    (sales, ("INVESTS_IN",)),
    (held_measures, ("TARGETS",)),
    (market_entry, ("EXPORTS_TO",)),
    (built_where_invested, ("LOCATED_IN",)),
    (built_in_clause, ("INVESTS_IN", "LOCATED_IN")),
    (sites, ("LOCATED_IN", "INVESTS_IN")),
    (named_facilities, ("INVESTS_IN",)),
    (home_to, ("LOCATED_IN",)),
    (affected_listed, ("TARGETS",)),
    (infobox, ("INVESTS_IN", "LEADS", "LOCATED_IN", "OPERATES_IN", "MEMBER_OF", "PARTY_TO", "SIGNS", "NEGOTIATES",
               "RATIFIES")),
]

# the constructions that also read a sentence naming nothing: they take the agreement the document named last
# ("Negotiations were announced on February 2, 2006": the pact named before was negotiated)
UNNAMED_ACTORS = frozenset({implicit_parties, members_listed_after, infobox})  # (infobox: a date field)


def run_constructions(sv: SentenceView, lex, state: DocumentState, model) -> list[Candidate]:
    """Every construction over one parsed sentence, keeping what the ontology allows."""
    if sv.parse is None:
        return []
    roles = parsed_roles(sv, lex)
    out = []
    named = bool(sv.mentions)
    for fn, _preds in CONSTRUCTIONS:
        if not named and fn not in UNNAMED_ACTORS:
            continue  # (a sentence that names nothing gives the others no argument)
        for c in fn(sv, roles, state):
            if c.subject.id != c.object.id and model.allows(c.predicate, c.subject.type, c.object.type):
                out.append(dated(sv, c))
    return out


def dated(sv: SentenceView, c: Candidate) -> Candidate:
    """A construction's fact with its date (and price) from the sentence, anchored at whichever end is in it."""
    a, b = sv.start, sv.start + len(sv.text)
    anchor = c.at if c.at is not None else next((m.start - a for m in (c.object, c.subject) if a <= m.start < b), 0)
    props = fact_props(sv, c.predicate, c.subject, c.object, anchor)
    if c.rule in UNDATED:  # (a year of the sentence is not its fact's: the construction gives its own, if any)
        props.pop("year", None)
    c.props = {**props, **c.props}
    return c
