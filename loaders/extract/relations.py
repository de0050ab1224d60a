"""Typed relations from sentence structure.

A `Frame` is one trigger (a verb or a nominalisation from ontology/patterns.toml) with its subject and
object candidates, found by role (grammatical subject, possessor, prepositional object, ...). Roles
come from spaCy's dependency parse (`ParsedRoles`) or, on the rules-only path, from word order
(`LinearRoles`). Candidate pairs are kept only where the ontology allows the predicate between their
types. Structural patterns that need no trigger verb live in `structural.py`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import permutations

from ...ontology import load_model
from ...ontology.lexicon import Rule, load_lexicon
from .amounts import find_amounts
from .derived import measure_heads
from .linear import LinearRoles
from .mentions import ACTIVITY_SECTORS, FLOW_NOUNS, Mention, passed_over, reciprocal
from .modality import INSTRUMENT_TYPES, tokens_of
from .parsed import bought, building_of, hyphenated_lemma, parsed_roles, sold
from .props import CLAUSE_BREAK, amount_for, event_years, other_clause, year_for
from .sentence import ACTOR_TYPES, Candidate, Roles, SentenceView, unique_mentions

# a pact its owners' pronoun gives, or a name in apposition to it ("their FTA", "their intelligence-sharing pact,
# GSOMIA,")
OWNED_BY_PRONOUN = re.compile(r"\b(?:their|its)\s+(?:[\w\-]+\s+){0,2}(?:(?P<noun>[\w\-]+),\s+(?:the\s+)?)?$")

# a role of patterns.toml filled by one roles method: (the method, the trigger kind it needs or None for any).
# Both ParsedRoles and LinearRoles have the first group; the rest only the dependency parse can fill.
ROLE_METHODS = {"owner": ("owner", "noun"), "copula": ("copula", None), "appos": ("appos", None),
                "compound": ("compound", "noun"), "sectors": ("sectors", None), "copula_for": ("copula", None),
                "target_of": ("copula", None),
                "one_of": ("one_of", "noun"), "fellow": ("fellow", "noun"), "listing_owner": ("listing_owner", "noun"),
                "examples": ("examples", "noun"), "haver": ("haver", "noun"), "held": ("held_in_modifier", "noun"),
                "goods_reached": ("goods_reached", "verb"), "with_place": ("with_place", "noun"), "origin": ("origin", None),
                "goods_origin": ("origin", "noun"), "for_owner": ("for_owner", "noun"),
                "imports_of": ("imports_of", "noun"), "investor_of": ("investor_of", "noun"),
                "recipient": ("recipient", "noun"), "purpose": ("purpose", None),
                "share_of": ("share_of", "noun"), "goods_owner": ("goods_owner", "verb"),
                "relied_on": ("relied_on", "verb"), "control_of": ("control_of", "verb"),
                "experiencer": ("experiencer", "noun"), "patient": ("patient", "verb"),
                "means_target": ("means_target", "verb"), "destination": ("destination", "verb"),
                "barred_act": ("barred_act", "verb"), "patient_owner": ("patient_owner", "verb"),
                "sector_place": ("sector_place", "verb"), "destination_of": ("destination_of", "noun"),
                "passive_subject": ("passive_subject", "verb"), "agent": ("agent", "verb")}


# ------------------------------------------------------------------------------------------------
# Extraction
# ------------------------------------------------------------------------------------------------
@dataclass
class _FrameContext:
    """What every trigger of one sentence shares."""

    sv: SentenceView
    roles: Roles
    amounts: list
    years: list
    last_subjects: dict = field(default_factory=dict)  # predicate -> the subjects its last trigger had
    last_objects: dict = field(default_factory=dict)  # predicate -> the objects its last trigger had
    sentence_before: dict = field(default_factory=dict)  # predicate -> a subject the sentence before gave it
    # the types of the sentence's mentions (a person stands for a country where a predicate takes no person)
    types: frozenset = frozenset()


# verbs whose object stops or is held back: "Korea halted exports of fluorine to Japan", "restricts U.S. investments
# in Chinese firms", "stopping the cooperation between ..."
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})

# verbs whose object is something others do that the subjects come into: "joined the consultations"
JOINING_VERBS = frozenset({"join", "enter", "attend", "observe", "participate", "accede"})

# verbs after which "<agreement> with X" is still to be made, so X is no party yet: "negotiated the accord with
# Chile", "seeks an FTA with Japan" (but "terminate its GSOMIA with Japan", "signed an FTA with Chile": parties)
SEEKING_VERBS = frozenset({"negotiate", "renegotiate", "discuss", "seek", "pursue", "propose", "explore",
                           "consider", "plan", "launch", "want"})

# predicates whose subject is a measure or a law, not an actor
MEASURE_SUBJECTS = frozenset({"TARGETS", "REGULATES", "AUTHORIZES", "AMENDS", "EXEMPTS"})

LIST_PREPS = frozenset({"like", "including", "as", "such"})  # "firms like X", "forums such as APEC"

# verbs of promising: with a deed to do and no object, the deed is the fact ("pledged to cooperate on
# shipbuilding" invests nothing; "pledged to invest $2 billion" is read from "invest")
PROMISING_VERBS = frozenset({"pledge", "commit", "promise", "vow"})

STOPPING_VERBS = frozenset({"halt", "suspend", "ban", "stop", "block", "cut", "freeze", "prohibit", "end",
                            "restrict", "curb"})


def _has_agent(roles, tok, kind: str) -> bool:
    """A passive trigger verb with its "by" agent: "the tariffs imposed by Washington"."""
    return roles.parsed and kind == "verb" and any(c.dep_ == "agent" for c in tok.children)


def _described_firms(roles, tok) -> list:
    """The firms a noun describes in apposition or after a copula ("SK On, a battery maker", "X is an investor")."""
    named = roles.denotes(tok.head) if tok.dep_ == "appos" else roles.copula(tok) if tok.dep_ == "attr" else []
    return [m for m in named if m.type == "Firm"]


def _titled_firms(roles, tok) -> list:
    """The firm a noun is written as the title of, right before its name ("battery manufacturer Samsung SDI")."""
    if tok.i + 1 >= len(tok.doc) or tok.nbor(1).pos_ != "PROPN":
        return []
    at = roles.sv.start + tok.nbor(1).idx
    return [m for m in roles.sv.mentions if m.start == at and m.type == "Firm" and not m.adjective]


def _bought(roles, goods) -> bool:
    """Whether a sector is named as the goods of a flow of trade ("energy purchases", "imports of chips")."""
    toks = tokens_of(roles.sv, goods)
    if not toks:
        return False
    last = toks[-1]
    head = last.head if last.dep_ in ("compound", "amod", "nmod") else (
        last.head.head if last.dep_ == "pobj" and last.head.lower_ == "of" else None)
    return head is not None and head.lemma_.lower() in FLOW_NOUNS


def _modifies(roles, m) -> bool:
    """Whether a mention modifies a noun ("manufacturing facility") or is the act a noun names ("the construction
    of the data center")."""
    toks = tokens_of(roles.sv, m)
    if not toks:
        return False
    last = toks[-1]
    return last.dep_ in ("compound", "amod", "nmod") or any(c.dep_ == "prep" and c.lower_ == "of"
                                                           for c in last.children)


# verbs that say how much a sum comes to and where it goes: "the investment totals $12 billion across A and B"
SUM_VERBS = frozenset({"total", "reach", "amount", "span", "go", "flow", "top", "exceed", "stretch"})
# what a noun's adjective says has not happened (yet)
NOT_YET = frozenset({"upcoming", "possible", "potential", "prospective", "future", "hypothetical"})


_OWNER_AFTER = re.compile(r"['’]s?\s")


def _measure_taken(roles, tok) -> list:
    """'Washington imposed tariffs on washers, hitting Samsung and LG', '... tariffs on washers, which hit
    Samsung': what a clause's measure does is said by a participle set off after it, or by a relative clause on
    the measure's words; the measure taken (the clause's object) is the one that hits."""
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > 0 and tok.doc[tok.i - 1].text == ",":
        clause = tok.head
    elif tok.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in tok.children):
        clause = tok.head  # (the clause may hang on the measure's last word: "tariffs on washers, which ...")
        while clause.dep_ in ("pobj", "prep", "dobj") and clause.head.i != clause.i:
            clause = clause.head
    else:
        return []
    if clause is None or clause.pos_ not in ("VERB", "AUX"):
        return []
    taken = [c for c in clause.children if c.dep_ == "dobj"]
    return [m for c in taken for t in c.subtree for m in roles.sv.tok_mentions.get(t.i, ())
            if m.type in ("Policy", "Law") and not m.adjective]


def _persons_country(sv, person):
    """The country a person acts for: the one the document says they lead or the gazetteer's nationality, else the
    one their title names ("Chilean Trade Minister X")."""
    if person.type != "Person":
        return None
    country = getattr(sv, "nationality", {}).get(person.id)
    if country is None:
        country = next(iter(sv.officials_country(person)), None)
    return replace(country, adjective=False) if country is not None else None


def _firms_act(subjects: list) -> list:
    """'Korean battery makers A and B invested': the named firms did, not their country's adjective ('Japanese
    automakers, such as Toyota, invested $50 billion': the group did, its examples are examples)."""
    if any(m.type == "Firm" and not m.example for m in subjects):
        # (a country's adjective on its government's noun is the country: "a joint venture of X and the Korean
        # government")
        return [m for m in subjects if not (m.type == "Country" and m.adjective and not m.represented)]
    return subjects


# what a pledge of money names: "pledged $5 billion", "committed funds", "pledged investments"
MONEY_WORDS = frozenset({"investment", "fund", "funding", "capital", "money", "dollar", "billion", "million",
                         "trillion", "won", "yen", "euro", "$", "sum", "amount"})


def _promises_a_deed(tok) -> bool:
    """'pledged to cooperate', 'pledged closer cooperation': a deed or a thing, not money ('committed to expanding
    its plant' still invests; 'pledged $5 billion' is money)."""
    kids = list(tok.children)
    objects = [c for c in kids if c.dep_ in ("dobj", "dative")]
    if objects:
        return not any(t.lemma_.lower() in MONEY_WORDS or t.like_num or t.ent_type_ == "MONEY" or t.text == "$"
                       for c in objects for t in c.subtree)
    return any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in kids)


def _in_other_phrase(t, trigger, preps) -> bool:
    """Whether the parse puts token t in a phrase of a preposition the role does not read ('made progress in
    shipbuilding talks': 'shipbuilding' is in the 'in' phrase, no object of 'made')."""
    for _ in range(8):
        if t.i == trigger.i or t.head.i == t.i:
            return False
        if t.dep_ == "pobj" and t.head.dep_ == "prep":  # the nearest preposition decides
            return t.head.lower_ not in preps
        if t.dep_ == "dobj" and t.head.dep_ == "xcomp" and t.head.head.i == trigger.i:
            return True  # the object of the trigger's infinitive is that verb's ("agreed to negotiate the X": no "to X")
        t = t.head
    return False


def _clause_verb(tok) -> int:
    """The verb whose object a noun is: 'boasts expertise', 'is a leader', 'emerged as a major exporter', 'ranks among
    the top producers' (the token index, or -1)."""
    if tok.dep_ in ("dobj", "attr", "oprd"):
        return tok.head.i
    if tok.dep_ == "pobj" and tok.head.lower_ in ("as", "among"):
        return tok.head.head.i
    return -1


def _measure_word(tok, roles) -> bool:
    """'export' in "export controls", 'import' in "import tariffs", 'investment' in "investment screening": a
    measure's modifier names no flow of trade or money."""
    # (nor an agreement's: "an investment treaty", "a trade agreement", "an export pact")
    return tok.dep_ in ("compound", "amod", "nmod") and tok.i < tok.head.i and (
        tok.head.lemma_.lower() in measure_heads() or roles.lex.heads.get(tok.head.lemma_.lower()) == "Agreement"
        or any(m.type in ("Policy", "Agreement") for m in roles.sv.tok_mentions.get(tok.head.i, ())))


# a deal a government blocks was still sought: "an order prohibiting the acquisition of X by Y" keeps Y's investment in
# X, marked with its status (queries, views and briefs show it)
DEAL_NOUNS = frozenset({"acquisition", "purchase", "takeover", "merger", "buyout"})
BLOCKING_VERBS = frozenset({"prohibit", "block", "bar", "forbid", "veto", "reject"})


def _blocked_deal(tok) -> bool:
    """'prohibiting the acquisition of X by Y', 'Y's purchase of X was blocked'."""
    return tok.lemma_.lower() in DEAL_NOUNS and tok.dep_ in ("dobj", "nsubjpass") \
        and tok.head.lemma_.lower() in BLOCKING_VERBS


def _modifies_noun(roles, m, noun) -> bool:
    """Whether a mention is a modifier written before the noun ("U.S." in "U.S. investments")."""
    return any(t.head.i == noun.i and t.i < noun.i and t.dep_ in ("compound", "amod", "nmod")
               for t in tokens_of(roles.sv, m))


def _reciprocal(tok) -> bool:
    """'retaliated against each other', 'sanctioned one another': the verb's object is its subjects' mutual."""
    return any(reciprocal(w) for t in tok.children
               for w in ([t] + [c for c in t.children if c.dep_ == "pobj"] if t.dep_ == "prep" else [t]))


def _stopped(tok) -> bool:
    """The object of a verb that stops it: "halted exports of X to Y", "stopping the cooperation between ..."."""
    return tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in STOPPING_VERBS or any(
        c.dep_ == "amod" and c.tag_ == "VBG" and c.lemma_.lower() in STOPPING_VERBS for c in tok.children)  # ("by
    # halting investment in X": the parser may take the gerund for an adjective)


# verbs whose subject acts in a country's or a firm's activity it leads: "the USTR led the U.S. negotiations"
LEADING_VERBS = frozenset({"lead", "head", "conduct", "direct", "spearhead", "oversee"})
# the predicates of holding a place in an agreement or a body (joining its talks is not joining it)
MEMBERSHIPS = frozenset({"PARTY_TO", "MEMBER_OF", "SIGNS", "RATIFIES"})
# what an act makes its actor: a signatory is a party (pipeline._inferences), and a bloc that signs ("ASEAN and
# Korea signed the framework agreement"), which no domain lets sign, is a party all the same
INFERENCES = {"SIGNS": "PARTY_TO", "RATIFIES": "PARTY_TO"}


class RelationExtractor:
    def __init__(self, model=None, lexicon=None) -> None:
        self.model = model or load_model()
        self.lex = lexicon or load_lexicon()
        # the nouns of negotiation ("talks", "negotiations"): a process, not the agreement it is about
        self._talks = frozenset(n for r in self.lex.rules if r.predicate == "NEGOTIATES" for n in r.nouns)
        # (the index and offset of the sentence extracted last, and the subjects it gave each predicate)
        self._before: tuple[int, int, dict] = (-2, 0, {})

    def allowed(self, rule: Rule, s: Mention, o: Mention) -> bool:
        if s.id == o.id:
            return False
        if rule.subject_types and s.type not in rule.subject_types:
            return False
        if rule.object_types and o.type not in rule.object_types:
            return False
        return self.model.allows(self._predicate_between(rule.predicate, s, o), s.type, o.type)

    def _predicate_between(self, predicate: str, s: Mention, o: Mention) -> str:
        """What the predicate is between these two (patterns.toml [predicates] between_bodies: talks between two
        government bodies are cooperation; body_to_firm: a body's investment in a firm is funding, a partnership)."""
        if s.type == o.type == "GovernmentBody":
            return self.lex.between_bodies.get(predicate, predicate)
        if s.type == "GovernmentBody" and o.type == "Firm":
            return self.lex.body_to_firm.get(predicate, predicate)
        return predicate

    def extract(self, sv: SentenceView) -> list[Candidate]:
        roles: Roles = LinearRoles(sv, self.lex) if sv.parse is None else parsed_roles(sv, self.lex)
        out: list[Candidate] = []
        ctx = _FrameContext(sv, roles, find_amounts(sv.text), event_years(sv))
        types = {m.type for m in sv.mentions}
        ctx.types = frozenset(types | ({"Country"} if "Person" in types else set()))
        # the actors the sentence before gave each predicate: "These investments span ..." goes on with them
        index, start, carried = self._before  # (a sentence of the same document: next by index, later by offset)
        ctx.sentence_before = carried if index == sv.index - 1 and start < sv.start else {}
        if roles.parsed:
            self._agreement_with(sv, roles, out)
            self._lists(sv, roles, out)
        for rule, tok, kind in roles.triggers(self.lex.rules):
            self._frame(ctx, rule, tok, kind, out)
        actors: dict = {}
        for c in out:  # (not the examples of a group: "Korean companies, such as SK, have invested ...")
            if not c.subject.example and c.subject.id not in {m.id for m in actors.get(c.predicate, [])}:
                actors.setdefault(c.predicate, []).append(c.subject)
        self._before = (sv.index, sv.start, actors)
        return out

    def _frame(self, ctx: "_FrameContext", rule: Rule, tok, kind: str, out: list[Candidate]) -> None:
        """One trigger of one rule: its subjects and objects by role, then the facts the rule allows."""
        sv, roles = ctx.sv, ctx.roles
        parsed = roles.parsed
        if rule.object_types and ctx.types.isdisjoint(rule.object_types) and not rule.pairwise \
                and "topic_sector" not in rule.flags:
            return  # (no mention the rule could take as its object: the roles need not be read; a pairwise rule
            # relates its subjects, and the topic sector is the sentence before's)
        if parsed and _states_nothing(roles, rule, tok, kind) or not parsed and "pursued_only" in rule.flags:
            return
        # "a member of X": when the rule reads its object from "of", "of" names no owner
        roles.of_is_object = any(r.startswith("pp:") and "of" in r[3:].split(",") for r in rule.object)
        negated = roles.negated(tok)
        # "imposed by Washington": the actor named outright (read by _quirks and the pipeline step named_imposer)
        how = "verb-agent" if _has_agent(roles, tok, kind) else kind
        listed = "listing_owner" in rule.object and roles.parsed
        subjects = _firms_act(self._collect(roles, tok, rule.subject, kind, subject=True, predicate=rule.predicate,
                                            listed=listed))
        if parsed and kind == "verb" and rule.subject_types and set(rule.subject_types) <= INSTRUMENT_TYPES \
                and not any(m.type in rule.subject_types for m in subjects):
            subjects += _measure_taken(roles, tok)
        # (not where the rule reads the titled name as the noun's object: "its subsidiary X" is the owner's)
        titled = _titled_firms(roles, tok) if parsed and kind == "noun" and "appos" not in rule.object else []
        described = _described_firms(roles, tok) if parsed and kind == "noun" and not titled else []
        if titled:
            subjects = titled  # "automaker A and battery manufacturer B": the maker is the name it titles
        elif described:
            # "SK On, South Korea's third-largest battery maker,", "Samsung is South Korea's largest investor in
            # Texas": the firm is the maker or the investor; the country ranks it
            subjects = [m for m in subjects if m.type != "Country"] or described
        objects = self._collect(roles, tok, rule.object, kind, subject=False, drop_owner="owner" in rule.subject,
                                predicate=rule.predicate, listed=listed)
        if rule.predicate == "INVESTS_IN" and parsed:
            # "$100 billion in energy purchases": goods bought are trade, no investment
            objects = [o for o in objects if o.type != "Sector" or not _bought(roles, o)]
        if rule.predicate in ("INVESTS_IN", "OPERATES_IN") and parsed:
            # "a manufacturing facility", "the construction of a plant": a kind of work, no line of business
            objects = [o for o in objects if o.type != "Sector" or o.name not in ACTIVITY_SECTORS
                       or not _modifies(roles, o)]
        if not objects and kind == "verb" and parsed:
            objects = self._gapped_objects(roles, tok, rule) or self._clause_place(roles, tok, rule)
        if not objects and kind == "noun" and parsed and rule.predicate == "INVESTS_IN" and tok.dep_ == "nsubj" \
                and tok.head.lemma_.lower() in SUM_VERBS:
            # "X's investment totals $12 billion across A, B and C", "most of the investment will go to A": where
            # the verb says the money is
            objects = [m for m in roles.pp(tok.head, {"across", "in", "to", "into", "among", "between"})
                       if m.type in ("Country", "USState", "Facility")]
        if not objects and kind == "noun" and parsed and rule.predicate == "INVESTS_IN":
            # "Korean firms announced $100 billion in U.S. investments": with the investor the clause's subject,
            # the place the noun is named with is where the money goes
            # (also under the investor's own possessive: "SK increased its U.S. investments")
            # (not a facility's: "their Chinese facilities" say where the firms work, not what they put money in)
            named = subjects + (sv.mentions if self.lex.heads.get(tok.lemma_.lower()) != "Facility" else [])
            places = [m for m in unique_mentions(named)
                      if m.type in ("Country", "USState") and _modifies_noun(roles, m, tok)]
            investors = [m for m in roles.noun_subj(tok) if m.id not in {p.id for p in places}] if places else []
            if investors:
                objects, subjects = places, investors
        if not objects and kind == "verb" and parsed and len(subjects) >= 2 and _reciprocal(tok):
            # "Chile and Peru retaliated against each other": each side's object is the other
            for s in subjects:
                for o in subjects:
                    if s.id != o.id and self.allowed(rule, s, o) and not negated:
                        self._emit(out, sv, rule.predicate, s, o, {}, rule.confidence, "reciprocal", roles, tok,
                                   ctx.years, ctx.amounts)
            return
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
        if "between" in rule.object and kind == "noun":
            self._between(ctx, rule, tok, objects, out)
        if rule.pairwise_only and (not objects or (kind == "noun" and not (roles.parsed and roles.possessor(tok)))):
            # "X has cooperated with Y": a verb's "with" object is a partner too, and a noun's whose owner is
            # named ("Chile's cooperation with Peru")
            return
        subjects, objects, owned = self._quirks(ctx, rule, kind, subjects, objects, tok)
        # "X notified the other signatories in 2017": the year is the notice's, not the signing's
        fellows = {id(m) for m in roles.fellow(tok)} if kind == "noun" and "fellow" in rule.subject else set()
        for s in subjects:
            years = None if id(s) in fellows else ctx.years
            for o in objects:
                if not self.allowed(rule, s, o):
                    o = self._enclosing(sv, rule, s, o) or o
                if owned.get(o.id) and s.type == "Country" and s.id not in owned[o.id]:
                    continue  # "the two governments extended the U.S. tariff": the U.S. imposes it
                if "owner_invests" in rule.flags and s.type == "Firm" and kind == "verb" and roles.parsed \
                        and any(c.dep_ == "dobj" for c in tok.children) and self.model.allows("INVESTS_IN", s.type,
                                                                                              o.type):
                    # "Hyundai will deploy $2 billion in Georgia", "Samsung located its plant in Texas": what is
                    # placed is the object; the firm that places it invests there
                    self._emit(out, sv, "INVESTS_IN", s, o, {}, rule.confidence, how + "-places", roles, tok, years,
                               ctx.amounts, amount=rule.amount)
                    continue
                if not self.allowed(rule, s, o) and s.type == "InternationalOrganization" \
                        and rule.predicate in INFERENCES and self.model.allows(INFERENCES[rule.predicate], s.type, o.type):
                    self._emit(out, sv, INFERENCES[rule.predicate], s, o, {}, rule.confidence * 0.9,
                               "inferred-" + rule.predicate.lower(), roles, tok, years, ctx.amounts)
                elif self.allowed(rule, s, o):
                    blocked = kind == "noun" and parsed and _blocked_deal(tok)
                    owns = "owner_invests" in rule.flags and s.type == "Firm" and self._owns_facility(roles, tok, kind, s)
                    # (a blocked deal's year is the block's, not the deal's; a firm whose plant stands somewhere
                    # is not seated there: "their factories in China" leave Korean firms Korean)
                    if not (owns and rule.predicate == "LOCATED_IN"):
                        self._emit(out, sv, rule.predicate, s, o, {"status": "blocked"} if blocked else {},
                                   rule.confidence, how, roles, tok, None if blocked else years, ctx.amounts,
                                   amount=rule.amount)
                    if owns:
                        # "Samsung's plant in Texas", "X's plant, located in Georgia": the firm invested there
                        self._emit(out, sv, "INVESTS_IN", s, o, {}, rule.confidence, how + "-owner", roles, tok,
                                   years, ctx.amounts, amount=False)

    def _between(self, ctx, rule, tok, objects, out) -> None:
        """'ties between X and Y', 'talks between X and Y': each with the other; and 'negotiations between A and B
        on the X accord': both negotiate the accord."""
        sv, roles = ctx.sv, ctx.roles
        parties = roles.between(tok)
        if len(parties) < 2:
            return
        for a, b in permutations(parties, 2):
            self._emit(out, sv, rule.predicate, a, b, {}, rule.confidence, "between", roles, tok, ctx.years,
                       ctx.amounts, amount=rule.amount)
        party_ids = {p.id for p in parties}
        for a in parties:
            for o in objects:
                if o.id not in party_ids and self.allowed(rule, a, o):
                    self._emit(out, sv, rule.predicate, a, o, {}, rule.confidence, "between", roles, tok, ctx.years,
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
        # (an object the rule cannot take says what about, not with whom: "reached a consensus on fishing rights")
        objects = [o for o in objects if not rule.object_types or o.type in rule.object_types]
        if not (rule.pairwise and len(subjects) >= 2 and (not objects or rule.pairwise_only)):
            return
        if rule.pairwise_words and not any(c.lemma_.lower() in rule.pairwise_words
                                           for c in getattr(tok, "subtree", [])) and not (
                "pairwise_clause" in rule.flags and any(c.dep_ in ("ccomp", "xcomp")
                                                        for c in getattr(tok, "children", []))):
            return  # (with `pairwise_clause`, "both countries agreed that the park should reopen" is an accord too)
        if ctx.roles.parsed and tok.dep_ in ("dobj", "pobj") and tok.head.lemma_.lower() in JOINING_VERBS:
            return  # "China, Japan and Thailand requested to join the consultations": others' talks, joined
        sv = ctx.sv  # ("Chile's Ministry of Energy": the country whose body it is does not deal with its own body)
        # (nor with its own official: "Bolivia's External Affairs Minister X and Defense Minister Y hosted talks")
        subjects = [x for x in subjects if not (x.type == "Country" and any(
            y.type in ("GovernmentBody", "Person") and y.start > x.end
            and re.fullmatch(r"[’']s?\s+(?:[A-Z][\w.-]*\s+){0,5}", sv.text[x.end - sv.start:y.start - sv.start])
            for y in subjects))]
        for a, b in permutations(subjects, 2):
            if not rule.both_directions and a.id > b.id:
                continue
            if a.type == "Person" and b.type == "Country" and getattr(_persons_country(sv, a), "id", None) == b.id:
                continue  # (an official with their own country)
            if b.type == "Person" and not self.model.allows(rule.predicate, a.type, b.type):
                # "Japan's minister X and U.S. envoy Y held talks": each talks with the other's country
                b = _persons_country(sv, b)
                own = _persons_country(sv, a)
                if b is None or b.id == getattr(own, "id", a.id) or own is None and any(
                        p.type == "Person" and p.end <= a.start and getattr(_persons_country(sv, p), "id", None) == b.id
                        and re.fullmatch(r"\s*(?:,|and)\s+(?:[A-Z][\w.-]*\s+){1,5}",
                                         sv.text[p.end - sv.start:a.start - sv.start]) for p in subjects):
                    continue  # ("Bolivia's Foreign Minister X and Defense Minister Y": both Bolivia's)
            if a.type in ACTOR_TYPES and b.type in ACTOR_TYPES:
                self._emit(out, ctx.sv, rule.predicate, a, b, {}, rule.confidence, "pairwise", ctx.roles, tok,
                           ctx.years, ctx.amounts, amount=rule.amount)

    def _quirks(self, ctx, rule, kind, subjects, objects, tok=None):
        """The rule's flags (ontology/patterns.toml) on its subjects and objects; returns them with, for
        owned measures, the countries each measure is named with."""
        sv = ctx.sv
        owned: dict[str, set] = {}
        if "topic_sector" in rule.flags and subjects and sv.topic and not any(o.type == "Sector" for o in objects):
            # "In terms of semiconductors, ... With Samsung and SK Hynix leading production, ...": an activity
            # with no sector of its own continues the previous sentence's sector
            objects = list(sv.topic)
        if "named_subjects" in rule.flags:
            subjects = [m for m in subjects if not m.adjective or m.represented and rule.predicate in REPRESENTED_ACTS]
        if "named_objects" in rule.flags and kind == "verb" and tok is not None and ctx.roles.parsed:
            # "who headed Korea's delegation" leads the delegation, not Korea; "agreed to the terms of the X" not to
            # the X: the object named as itself only
            preps = {p for r in rule.object if r.startswith("pp:") for p in r[3:].split(",")}
            heads = [c for c in tok.children if c.dep_ == "dobj"] + [
                p for c in tok.children if c.dep_ == "prep" and c.lower_ in preps for p in c.children
                if p.dep_ == "pobj"]
            named_at = [sv.start + c.idx for c in heads if c.pos_ in ("NOUN", "PROPN")]
            if named_at:  # (an object the clause is about, "the firm, which X leads", stays as the parse reads it)
                objects = [o for o in objects if any(o.start <= at < o.end for at in named_at)]
        if "named_whole" in rule.flags and kind == "verb" and tok is not None and ctx.roles.parsed:
            # "APEC includes Chile", "APEC, which includes Chile", "APEC, comprising Chile": the body is the verb's
            # subject itself, or the noun its clause hangs from
            named = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "WP")]
            if not named and tok.dep_ in ("relcl", "acl"):
                named = [tok.head]
            objects = [o for o in objects if any(o.start <= sv.start + c.idx < o.end for c in named)]
        if "named_country_subject" in rule.flags:
            # "South Korea’s leadership in chips" states an activity; "U.S. leadership", "South Korean
            # companies" or "both nations’ competitiveness" describe it loosely
            subjects = [m for m in subjects if m.type != "Country" or self._named_actor(sv, m, kind, tok)]
        if "measure_owners" in rule.flags:
            # "retaliated against U.S. tariffs", "in retaliation for Japan's export controls": a measure stands for
            # whoever imposed it
            objects = objects + [x for o in objects if o.type == "Policy" for x in self._measure_owners(sv, o)]
            # (and a measure said to be the act stands for its owner: "Chile's duties were retaliation for ...")
            subjects = subjects + [x for o in subjects if o.type == "Policy" for x in self._measure_owners(sv, o)]
        if "owned_measures" in rule.flags and not _has_agent(ctx.roles, tok, kind):
            # (a measure "imposed by Washington" is Washington's whatever nationality its name bears: "the Chinese
            # solar tariffs imposed by Washington" are on Chinese goods)
            objects = [o for o in objects if not self._owned_by_other(sv, o, subjects)]
            owned = {o.id: self._inner_countries(sv, o) for o in objects}
        if "continues_subject" in rule.flags and not subjects and objects and kind == "noun" \
                and rule.predicate in ctx.last_subjects:
            # "X's exports totalled $A, with just $B in exports to Y": the same actor goes on
            subjects = ctx.last_subjects[rule.predicate]
        if "continues_subject" in rule.flags and not subjects and objects and kind == "noun" and ctx.roles.parsed \
                and tok.left_edge.i == tok.sent.start \
                and tok.left_edge.lower_ in ("these", "those", "such", "this", "the") \
                and tok.dep_ in ("nsubj", "nsubjpass", "ROOT") and rule.predicate in ctx.sentence_before:
            # "... invested $114 billion in the United States. These investments span sectors, including X", "This
            # $13.9 billion investment in Liberty is creating 5,100 jobs": the sentence before's investor
            subjects = ctx.sentence_before[rule.predicate]
        if rule.predicate == "EXPORTS_TO" and subjects and not objects and kind == "noun" \
                and {m.id for m in subjects} == {m.id for m in ctx.last_objects.get(rule.predicate, [])}:
            # "U.S. exports to Chile totaled $A, while imports from Chile were $B": the flow back goes to the first
            # flow's other side
            objects = ctx.last_subjects[rule.predicate]
        if subjects:
            ctx.last_subjects[rule.predicate] = subjects
            if objects:
                ctx.last_objects[rule.predicate] = objects
        if not subjects and objects and "parties_of_object" in rule.flags and ctx.roles.parsed:
            # "X was passed in the South Korean parliament": the chamber it passed in acts (for its country)
            subjects = ctx.roles.chamber(tok)
        if not subjects and objects and "parties_of_object" in rule.flags:
            subjects = [p for o in objects for p in getattr(o, "parties", [])]
        subjects = [self._acting_for(sv, rule.predicate, s, objects, ctx.roles) for s in subjects]
        # "held talks with U.S. Trade Representative Greer": one talks with the country its official stands for
        # (between countries only: a body "after consultations with Trump" deals with its own government)
        if subjects and all(x.type == "Country" for x in subjects):
            objects = [getattr(sv, "nationality", {}).get(o.id, o) if o.type == "Person" and not any(
                self.model.allows(rule.predicate, x.type, o.type) for x in subjects) else o for o in objects]
        if rule.predicate == "EXPORTS_TO":  # "will supply 30 howitzers to the Australian Army": to its country
            objects = [self._bodys_country(sv, o) for o in objects]
        return subjects, objects, owned

    @staticmethod
    def _bodys_country(sv, o):
        """The one country a government body's name holds, in place of the body; else the body."""
        if o.type != "GovernmentBody":
            return o
        countries = sv.bodys_countries(o) if hasattr(sv, "bodys_countries") else []
        return replace(countries[0], adjective=False) if len(countries) == 1 else o

    def _lists(self, sv, roles, out) -> None:
        """Lists that presuppose a fact whatever the clause says:
        'South Korean firms like Naver and Kakao' (where the firms are), 'work together in forums such as
        APEC and the G20' (what the actors are members of)."""
        forums = {"forum", "fora", "organization", "organisation", "institution", "body", "bloc", "grouping"}
        # (only nouns that head a "like / including / such as" phrase: found from the prepositions, in order)
        heads = sorted({t.head.i: t.head for t in sv.tokens if t.dep_ == "prep" and t.lower_ in LIST_PREPS}.items())
        for _, tok in heads:
            lem = tok.lemma_.lower()
            if tok.pos_ not in ("NOUN", "PROPN"):
                continue
            listed = []
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in LIST_PREPS:
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
                later = [t.idx for t in sv.tokens if t.i > tok.i and t.lemma_.lower() in self.lex.group_nouns
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
            for x in sv.mentions if partners else ():  # "an FTA with Panama, Honduras and Costa Rica": each one
                if x.type == "Country" and x.start > partners[-1].end and not x.adjective and re.fullmatch(
                        r",\s*(?:and\s+)?|\s+and\s+", sv.text[partners[-1].end - sv.start:x.start - sv.start]):
                    partners.append(x)
            toks = [t for t in sv.tokens if sv.start + t.idx >= m.start and sv.start + t.idx < m.end]
            with_tok = next((t for t in sv.tokens if mt and t.lower_ == "with" and b <= t.idx < b + mt.end()), None)
            if with_tok is not None and (with_tok.head.lemma_.lower() in SEEKING_VERBS or with_tok.head.dep_ in (
                    "dobj", "nsubjpass") and with_tok.head.head.lemma_.lower() in SEEKING_VERBS):
                partners = []  # "negotiated the accord with Chile": Chile negotiates; whether it is a party, unsaid
            if not toks:
                continue
            if not partners:
                owner = OWNED_BY_PRONOUN.search(sv.text[:m.start - sv.start])
                owned = toks[-1]
                if owner and owner.group("noun"):
                    # ("restored their intelligence-sharing pact, GSOMIA,": the name in apposition to what they own)
                    owned = next((t for t in sv.tokens if t.idx + len(t) == owner.end("noun")), None)
                    if owned is None or self.lex.head_type_word(owned.lower_) != "Agreement":
                        owner = None
                if owner and not roles.hypothetical(toks[-1]):
                    for party in [o for o in roles.possessor(owned) if o.type == "Country"]:
                        self._emit(out, sv, "PARTY_TO", party, m, {}, 0.65, "agreement-owner", roles, toks[-1],
                                   [], [])
                continue
            owners = [o for o in roles.possessor(toks[0] if toks[0].dep_ != "poss" else toks[-1])
                      if o.type == "Country"]
            if not owners:
                owners = [o for o in roles.possessor(toks[-1]) if o.type == "Country"]
            for party in owners + partners:
                self._emit(out, sv, "PARTY_TO", party, m, {}, 0.7, "agreement-with", roles, toks[-1], [], [])
            verb = toks[-1].head
            if toks[-1].dep_ == "dobj" and verb.lemma_.lower() in ("sign", "ink") and not roles.hypothetical(verb):
                for party in partners:  # "Chile signed an FTA with Peru": a pact is signed by both its sides
                    self._emit(out, sv, "SIGNS", party, m, {}, 0.7, "signed-with", roles, verb, event_years(sv), [])

    @staticmethod
    def _named_actor(sv: SentenceView, m: Mention, kind: str = "verb", tok=None) -> bool:
        if m.adjective or m.source == "coref":
            return False
        # the subject of a clause acts: of a trigger verb, or of the verb whose object the trigger noun is ("the
        # U.S. boasts expertise in cybersecurity")
        if sv.parse is not None and any(
                t.dep_ in ("nsubj", "nsubjpass") and (kind == "verb" or (tok is not None and t.head.i == _clause_verb(tok)))
                for t in sv.tokens if m.start <= sv.start + t.idx < m.end):
            return True
        if kind == "noun" and getattr(tok, "dep_", "") == "appos" \
                and m.start <= sv.start + tok.head.idx < m.end:  # (a parsed token: the word-order path has none)
            return True  # "Peru, the world's largest producer of copper,": the name the noun describes
        b = m.end - sv.start
        return bool(re.match(r"[’']s?\b", sv.text[b:b + 3])) or bool(
            re.match(r"\s+(?:has|have|had|is|was|are|were|leads?|led|dominates?|dominated|produces?|produced|"
                     r"makes?|made|manufactures?|manufactured|excels?|remains?)\b", sv.text[b:b + 20]))

    def _owns_facility(self, roles, tok, kind: str, firm: Mention) -> bool:
        """The firm owns the facility the trigger is ('X's plant in') or describes ('X's plant, located in'), as
        opposed to being that facility itself ('the shipyard firm X, located in')."""
        if not roles.parsed:
            return False
        if kind == "noun":
            nouns = [tok]
        elif tok.dep_ == "acl":
            nouns = [tok.head]
        else:
            nouns = [c for c in tok.children if c.dep_ == "nsubjpass"]
        start = roles.sv.start
        return any(self.lex.head_type(n) == "Facility" and any(m.id == firm.id for m in roles.owner(n))
                   and not firm.start <= start + n.idx < firm.end for n in nouns)  # (not the firm's own name)

    @staticmethod
    def _countries_in(sv: SentenceView, policy: Mention) -> list[Mention]:
        """The countries a measure is named with: 'U.S. tariffs'."""
        return [x for x in sv.mentions if x.type == "Country" and policy.start <= x.start and x.end <= policy.end
                and x is not policy]

    def _measure_owners(self, sv: SentenceView, policy: Mention) -> list[Mention]:
        """The countries a measure is named with ('U.S. tariffs') or owned by ("Japan's export controls")."""
        inner = [replace(x, adjective=False) for x in self._countries_in(sv, policy)]
        before = [x for x in sv.mentions if x.type == "Country" and not x.adjective and x.end <= policy.start
                  and re.fullmatch(r"[’']s?\s+", sv.text[x.end - sv.start:policy.start - sv.start])]
        return inner[:1] or before[-1:]

    def _inner_countries(self, sv: SentenceView, policy: Mention) -> set[str]:
        return {x.id for x in self._countries_in(sv, policy)}

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
        # (not the possessor of an object itself: "in retaliation for Japan's export controls")
        later = [b for b, m in self._possessives(sv) if b > a and not any(
            re.fullmatch(r"[’']s?\s+", sv.text[m.end - sv.start:o.start - sv.start]) for o in objects
            if o.start >= m.end)]
        if not later:
            return objects
        limit = min(later)
        return [o for o in objects if o.start - sv.start < limit or o.start - sv.start < a]

    def _owner_to_left(self, sv, tok):
        """A trigger noun with no owner of its own, inside the phrase of "Y’s <noun> ... for <trigger>":
        the nearest possessive to its left in the same clause owns it."""
        a = tok.idx
        best = None
        finite = [t.idx for t in sv.tokens if t.tag_ in FINITE_TAGS] if hasattr(tok, "doc") else []
        for _, m in self._possessives(sv):
            b = m.end - sv.start
            if b < a and not CLAUSE_BREAK.search(sv.text[b:a]) and "," not in sv.text[b:a] \
                    and len(sv.text[b:a].split()) <= 14 and not any(b <= f < a for f in finite):
                best = m
        return [best] if best is not None else []

    def _collect(self, roles, tok, wanted, kind, subject: bool, drop_owner: bool = True,
                 predicate: str = "", listed: bool = False) -> list[Mention]:
        out = self._collect_roles(roles, tok, wanted, kind, subject, drop_owner, listed)
        if not out and roles.parsed and not subject and kind == "verb" and predicate in MEMBERSHIPS and any(
                c.dep_ == "dobj" and c.lemma_.lower() in self._talks for c in tok.children):
            return out  # "Japan joined the TPP negotiations": it joined the talks, not the TPP
        if not out and roles.parsed and subject and kind == "verb" and any(
                c.dep_ == "nsubj" and c.lower_ in ("that", "which", "who") for c in tok.children):
            return out  # "amendments that extended the U.S. tariff": the relative clause's subject is its noun
        if not out and roles.parsed and subject and kind == "verb" and tok.dep_ == "acl" \
                and tok.head.pos_ in ("NOUN", "PROPN"):
            return out  # "BIS is adding entities located in China": a participle's subject is the noun it describes
        if not out and roles.parsed and subject and kind == "verb" and predicate not in MEASURE_SUBJECTS and any(
                c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
            # "Korean steel was hit with tariffs": what comes before a passive verb is its patient, no actor (a
            # measure may be: "the measures were aimed at electronics")
            return out
        if not out and roles.parsed and not subject and kind == "verb" and any(
                c.dep_ == "dobj" and hyphenated_lemma(c) in self.lex.undoing_nouns for c in tok.children):
            return out  # "announced the lifting of tariffs": the verb's object undoes what follows it
        if not out and roles.parsed:
            # the small parser often misattaches long sentences: fall back to word order
            linear = roles.linear()
            lt = linear.word_at(tok.idx)
            if lt is not None:
                fallback = [r for r in wanted if r in ("subj", "dobj") or r.startswith("pp:")]
                out = self._collect_roles(linear, lt, fallback, kind, subject, drop_owner)
                # (but a name the parse put in a phrase of another preposition is not the role's: "negotiated the
                # terms in Washington" names where, not with whom)
                preps = {p for r in wanted if r.startswith("pp:") for p in r[3:].split(",")}
                if not subject:  # (an owner before its noun is not the object: "discussed it against North
                    # Korea's tests" names the tests)
                    out = [m for m in out if not _OWNER_AFTER.match(roles.sv.text, m.end - roles.sv.start)]
                out = out if subject else [m for m in out if not any(
                    _in_other_phrase(t, tok, preps) for t in roles.sv.tokens
                    if m.start <= roles.sv.start + t.idx < m.end)
                    # (nor one in another clause with a subject of its own: "X will invest $1 billion and Y will
                    # open a plant in Arizona")
                    and not other_clause(roles.sv, m.start - roles.sv.start, tok.idx)]
                if subject and kind == "verb" and any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children):
                    # (before a passive verb only a measure may act: "Canada and Mexico were exempted from the
                    # tariffs" has no exempter, least of all either country)
                    out = [m for m in out if m.type in INSTRUMENT_TYPES]
                if subject and kind == "noun":  # word order only says who owns a noun inside its phrase
                    out = [m for m in out if m.end - roles.sv.start <= tok.idx
                           and len(roles.sv.text[m.end - roles.sv.start:tok.idx].split()) <= 3]
                elif kind == "noun":  # a noun's object lies in its own phrase: a finite verb after it ends that
                    a = tok.idx
                    out = [m for m in out if not any(a < t.idx < m.start - roles.sv.start and t.tag_ in FINITE_TAGS
                                                     for t in roles.sv.tokens)]
        return out

    def _collect_roles(self, roles, tok, wanted, kind, subject: bool, drop_owner: bool = True,
                       listed: bool = False) -> list[Mention]:
        """The mentions in the roles `wanted` of a trigger; `listed`: the rule reads a listing's owner as the
        object ("listing_owner"), so that owner holds no role of the subject's."""
        out: list[Mention] = []
        for role in wanted:
            method, needs = ROLE_METHODS.get(role, (None, None))
            if role == "subj":
                out += roles.subj(tok) if kind == "verb" else roles.noun_subj(tok)
            elif role == "dobj":
                if subject:
                    out += [m for m in roles.dobj(tok) if m.type == "Country"] if kind == "verb" else []
                elif kind == "verb":
                    out += roles.dobj(tok)
            elif role.startswith("pp:"):
                out += roles.pp(tok, set(role[3:].split(",")))
            elif method is not None and needs in (None, kind) and hasattr(roles, method):
                out += getattr(roles, method)(tok)
        # "the WTO, whose members include Chile": the owner is what the listed ones hold, no holder
        listing = set(id(m) for m in roles.listing_owner(tok)) if kind == "noun" and listed else set()
        # "Chile is a WTO member": the body is what the member belongs to, no owner
        held = set(id(m) for m in roles.held_in_modifier(tok)) if kind == "noun" and roles.parsed else set()
        if subject and held:
            out = [m for m in out if id(m) not in held]
        if not subject and drop_owner:
            owned = set(id(m) for m in (roles.owner(tok) if kind == "noun" else [])) - listing - held
            out = [m for m in out if id(m) not in owned]
        elif listing:
            out = [m for m in out if id(m) not in listing]
        elif kind == "noun" and "owner" in wanted:
            own = [m for m in roles.owner(tok) if id(m) not in held]
            if own and roles.parsed and tok.dep_ == "dobj" and tok.head.lemma_.lower() in LEADING_VERBS:
                own += roles.subj(tok.head)  # "the USTR led the U.S. negotiations": the country's and its agent's
            if own:  # "Hanwha ... solidifying the U.S.-ROK partnership": the partners are the owners
                return unique_mentions(own)
        return unique_mentions(out)

    def _gapped_objects(self, roles, tok, rule) -> list[Mention]:
        """'Bolivia applied to join the pact in 2022, and Uruguay acceded in 2023': a verb done to agreements with no
        object of its own, coordinated with a clause whose object is an agreement, is done to that agreement."""
        if tok.dep_ != "conj" or (rule.object_types and "Agreement" not in rule.object_types) or any(
                c.dep_ in ("dobj", "dative") or c.dep_ == "prep" and not all(
                    p.ent_type_ in ("DATE", "TIME") or p.like_num for p in c.children if p.dep_ == "pobj")
                for c in tok.children):
            return []  # (its own object, or a phrase that may hold one; "in 2019" holds none)
        head = tok.head
        found = [m for c in head.subtree if c.dep_ in ("dobj", "pobj") and c.i < tok.i
                 for m in roles.denotes(c) if m.type == "Agreement"]
        return found[-1:]

    def _clause_place(self, roles, tok, rule) -> list[Mention]:
        """'X will expand its plant in Ohio, investing $300 million': a participle that says only how much puts the
        money where the clause it hangs on works (its place or its facility)."""
        if rule.predicate != "INVESTS_IN" or tok.dep_ != "advcl" or tok.tag_ != "VBG" or any(
                c.dep_ == "prep" or c.dep_ == "dobj" and c.ent_type_ != "MONEY" for c in tok.children):
            return []
        head = tok.head
        found = [m for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "into", "at")
                 for p in c.children if p.dep_ == "pobj" for m in roles.denotes(p)]
        found += [m for c in head.children if c.dep_ == "dobj" for m in roles.denotes(c) if m.type == "Facility"]
        return [m for m in unique_mentions(found) if m.type in ("USState", "Country", "Facility")]

    def _enclosing(self, sv, rule, s, o):
        """'signed the China–Australia Free Trade Agreement', parsed with 'China' as the object: the name the
        object's words belong to, when the rule allows that one."""
        outer = [m for m in sv.mentions if m.start <= o.start and o.end <= m.end and (m.start, m.end) != (o.start, o.end)]
        return next((m for m in sorted(outer, key=lambda m: m.start - m.end) if self.allowed(rule, s, m)), None)

    def _acting_for(self, sv, predicate, s, objects, roles=None):
        """'President Trump's withdrawal from TPP': only a country withdraws; a leader of known nationality acts
        for it where the predicate admits no person. 'Velkor's plant in Xian makes memory chips': a facility works
        for the firm that owns it."""
        if s.type not in ("Person", "Facility", "GovernmentBody") or any(
                self.model.allows(self._predicate_between(predicate, s, o), s.type, o.type) for o in objects):
            return s
        if s.type != "Facility" and predicate in self.lex.not_acted_for:
            return s  # (a president's words in a frame about an industry are not the country's industry)
        if s.type == "GovernmentBody":
            # "the Norwegian Ministry of Defense signed an MOU": a body acts for the country its name holds where
            # the predicate admits no body (not beside a firm: "Commerce signed a memorandum of terms with
            # Absolics" is a contract, no pact of its country's)
            return s if any(x.type == "Firm" for x in sv.mentions) else self._bodys_country(sv, s)
        if s.type == "Facility":
            toks = [t for t in sv.tokens if s.start <= sv.start + t.idx < s.end] if roles and roles.parsed else []
            owners = [m for m in roles.possessor(toks[-1]) if m.type == "Firm"] if toks else []
            return owners[0] if owners else s
        country = getattr(sv, "nationality", {}).get(s.id)
        return country if country is not None else s

    def _emit(self, out, sv, predicate, s, o, props, conf, how, roles, tok, years, amounts, amount=False):
        predicate = self._predicate_between(predicate, s, o)
        if s.id == o.id or not self.model.allows(predicate, s.type, o.type):
            return
        if s.adjective and predicate in self.lex.named_subject \
                and not (s.represented and predicate in REPRESENTED_ACTS):
            return
        props = dict(props)
        a, b = roles.char_span(tok)
        if amount and not s.example:  # an example of a group does not hold the group's amount
            value = amount_for(sv, amounts, a, o, predicate)
            if value is not None:
                props["amount_usd"] = value
        year = year_for(sv, years, a, b) if years is not None else None  # None: the sentence dates another event
        if year is not None:
            props["year"] = year
        out.append(Candidate(s, predicate, o, props, conf, sv.index, how))


# what a government's officials do for their country ("Chilean officials signed the pact"); a legislature's acts
# are its country's anyway (parsed.denotes), and "Korean officials approved" is no ratification
REPRESENTED_ACTS = frozenset({"SIGNS", "PARTY_TO", "WITHDRAWS_FROM"})


# what makes a body one that two governments share: "a joint working group", "a bilateral commission"
JOINT_WORDS = frozenset({"joint", "bilateral", "binational", "bi-national", "trilateral"})


OWNING_VERBS = frozenset({"own", "co-own", "hold", "control"})


def _states_nothing(roles, rule: Rule, tok, kind: str) -> bool:
    """A trigger whose clause states no fact of the rule's, by the parse."""
    if kind == "verb" and tok.dep_ == "amod" and tok.lemma_.lower() in OWNING_VERBS \
            and not any(c.dep_ == "agent" for c in tok.children):
        return True  # "a wholly owned subsidiary of X": the participle describing the noun names no owner itself
    if "pursued_only" in rule.flags and not roles.pursued(tok):
        return True  # ("applied to join X" is a step of accession talks; "joined X" is no negotiation)
    if "no_intent" in rule.flags and roles.intended(tok):
        return True  # "applied to join the CPTPP": not (yet) a party
    if "joint_only" in rule.flags and kind == "noun" and not any(
            c.lower_ in JOINT_WORDS for c in getattr(tok, "children", ()) if c.dep_ in ("amod", "compound")):
        return True  # "established a committee" is anyone's; "a joint committee" is shared
    building = building_of(tok)
    possessed = kind == "noun" and bool(roles.possessor(tok) or building is not None and roles.possessor(building))
    if roles.hypothetical(tok) and not possessed:
        return True  # ("would complement South Korea’s participation in X", "would support X's construction of a
        # plant" still state the participation and the plant)
    if kind == "noun" and roles.parsed and any(c.dep_ == "amod" and c.lower_ in NOT_YET for n in (
            [tok, tok.head] if tok.dep_ == "compound" else [tok]) for c in n.children):
        return True  # "ahead of an upcoming summit with X", "a potential investment in Y": not (yet) a fact
    if kind == "verb" and tok.lemma_.lower() in PROMISING_VERBS and _promises_a_deed(tok):
        return True
    if kind == "verb" and tok.dep_ == "xcomp" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in STOPPING_VERBS:
        return True  # "told tour operators to stop selling trips to X": what is stopped is no flow
    if kind == "noun" and ((_stopped(tok) and not _blocked_deal(tok))
                           or ("trade_flow" in rule.flags and _measure_word(tok, roles))):
        return True  # "halted exports of X to Y", "stopping the cooperation between ..."; "export controls" (a measure)
    if kind == "noun" and passed_over(tok, roles.lex):
        return True  # "selected Georgia over sites in Tennessee": no site there
    if kind == "noun" and rule.predicate == "NEGOTIATES" and tok.dep_ == "attr" and roles.parsed and any(
            m.type == "InternationalOrganization" for c in tok.head.children if c.dep_ == "nsubj"
            for m in roles.denotes_list(c)):
        return True  # "the Quad is a strategic dialogue between A, B, C and D": a body, not talks between them
    if kind == "noun" and rule.predicate == "INVESTS_IN" and roles.parsed and (sold(tok) or bought(tok)):
        return True  # "sold its stake in X to Y", "Y acquired X's plant": the seller divests (the buyer invests:
        # constructions.sales, the verb's own frame)
    if rule.predicate == "OPERATES_IN" and roles.parsed and roles.left(tok, verb=kind == "verb"):
        return True  # "after exiting the SSD business", "sold its battery business": a field its firm left
    # "invest $350 billion in U.S. projects": where the verb's act goes, no act of its own
    return kind == "noun" and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "into") \
        and tok.head.head.lemma_.lower() in rule.verbs


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
