"""The extraction pipeline: a Document in, evidenced facts out.

Components run in order over one document, spaCy-style:
  gazetteer mentions -> parse -> (per sentence) descriptive mentions, offices, NER, derived goods and measures
  -> coreference -> the relation components of RELATION_STEPS (structure, frames, constructions, amendments,
  inferences, specific entities, the optional scorer, modality, listed measures, firm parties, agreements under
  negotiation, one reading per fact, joint amounts)
The result is a `DocumentFacts`: entities (with the surface forms seen), relations (with the
sentence that states each one, as offsets into the raw text) and the mentions per sentence.
"""
from __future__ import annotations

import os
import re
from collections import ChainMap, Counter, defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from ...graph.model import Entity, Evidence, Relation, entity_id
from ...ontology import load_model
from ...ontology.lexicon import Lexicon, load_lexicon
from ..read.document import Document
from ..read.repair import is_word
from ..read.sentences import dateline_place
from .amounts import MONTH_NAMES, sentence_year
from .constructions import BUILDING_VERBS, HEAD_TITLE_WORDS, DocumentState, dated, run_constructions
from .coref import US_ID, Coreference, merge_same_measures, merge_word_variants, refer_back
from .derived import derived_mentions, measure_heads
from .mentions import (INNER_ACRONYM, LEGAL_FORM_WORDS, LEGAL_TAIL, LEGAL_TAIL_END, PARTY_TYPES, DescriptiveRecognizer,
                       GazetteerMatcher, Mention, NerRecognizer, _surnames, administration_end, default_matcher,
                       legal_names, list_firms, paired_firms, reciprocal)
from .modality import MEASURE_MAKING, mark_joint, statement, tokens_of
from .quotes import first_person, quotations, speakers_words
from .naming import name_by_owner, name_by_parties, owner_word
from .nlp import load_nlp, parse_texts
from .pairs import Pair, PairFeatures
from .parsed import ORGANIZATION_NOUNS, bought
from .props import fact_props
from .relations import INFERENCES, RelationExtractor
from .scorer import MODEL_PATH, load_scorer
from .sentence import Candidate, SentenceView, unique_mentions
from .structural import StructuralExtractor

COUNT_WORDS = {"both": 2, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
               "ten": 10, "eleven": 11, "twelve": 12}
# between a country and its body's name: "China's Ministry of Commerce", "the South Korean Ministry of Unification"
NATIONAL_BODY = re.compile(r"(?:[’']s)?\s+(?:own\s+)?")
# a ministry written as common nouns: "Japan's trade ministry", "the Korean foreign ministry"
COMMON_MINISTRY = re.compile(r"\b(trade|foreign|defen[cs]e|finance|commerce|unification|industry|economy|justice|"
                             r"energy|agriculture|state)\s+(ministry|department)\b", re.IGNORECASE)
TOWN_COMMA = re.compile(r",[ \u00a0]*")
# the group an agreement's name makes of its parties: "the NAFTA countries", "CPTPP members"
PARTY_GROUP = re.compile(r"\s+((?:member\s+)?(?:countries|members|partners|parties|signatories|nations|states|"
                         r"economies|governments))\b")
ELLIPSIS = re.compile(r"\b(North|South|East|West|Northern|Southern)\s+and\s+(North|South|East|West|Northern|"
                      r"Southern)\s+([A-Z][a-z]+)\b")
MAX_SENTENCE_CHARS = 2000
# measures a country adjective makes specific ("Japanese export restrictions"; "U.S. strategy" is not)
MEASURE_HEADS = frozenset({"tariff", "quota", "restriction", "sanction", "ban", "embargo", "duty", "subsidy",
                           "control", "standard", "requirement", "levy", "investigation", "probe", "measure",
                           "incentive", "credit", "loan", "grant", "guidance", "rule", "regulation", "order",
                           "safeguard", "moratorium", "prohibition", "review"})
# subject nouns too broad to tell one measure from another ("trade policy", "a security agreement")
GENERIC_TOPICS = frozenset({"trade", "economy", "security", "policy", "investment", "business", "government",
                            "industry", "market", "development", "cooperation", "partnership", "reform", "growth"})
# the first and the other words of a person's name, an inner capital allowed ("McWhorter", "DeShawn", "MacArthur")
NAME_FIRST = r"[A-Z][a-z]+(?:[A-Z][a-z]+)?"
NAME_WORD = r"[A-Z][a-z'-]+(?:[A-Z][a-z'-]+)?"
# a title, maybe "of <Office>" or "to <Country>", then one or more personal names: "Secretary of Transportation
# Pete Buttigieg", "Governors Andy Beshear and Bill Lee", "ambassador to Australia, Cheng Jingye"
TITLED_NAMES = re.compile(
    r"\b(?:[Pp]resident|[Vv]ice [Pp]resident|[Pp]rime [Mm]inister|[Mm]inisters?|[Ss]ecretar(?:y|ies)|[Gg]overnors?|"
    r"[Ss]enators?|[Aa]mbassadors?|[Cc]hair(?:man|woman)?|CEO|[Cc]hief [Ee]xecutive(?: [Oo]fficer)?|[Dd]irector|"
    r"[Cc]ommissioner|[Aa]dministrator|[Ss]pokes(?:man|woman|person)|[Rr]epresentative|[Ee]conomist|[Ff]ounder|"
    r"[Cc]ounterparts?|[Nn]egotiators?|[Ee]nvoys?)"
    r"(?: (?:of|to|for) (?:the )?(?P<office>[A-Z][\w&.'-]*(?: (?:and )?[A-Z][\w&.'-]*){0,3}))?,? "
    rf"(?P<names>{NAME_FIRST}(?: [A-Z]\.)?(?: {NAME_WORD}){{1,2}}(?:,? (?:and )?{NAME_FIRST}(?: [A-Z]\.)?"
    rf"(?: {NAME_WORD}){{1,2}})*)")
# a personal name, then a title of an office in apposition: "Ana Soto, the chief executive of Velkor,", "Jo Kim,
# president and CEO of X"
NAME_THEN_TITLE = re.compile(
    rf"(?<![\w.])(?P<names>{NAME_FIRST}(?: [A-Z]\.)?(?: {NAME_WORD}){{1,2}}), (?:the |its |their |a )?"
    r"(?i:(?:(?:senior|executive|deputy|vice|acting|former|then|co-?)[ -])?"
    r"(?:president|chief executive(?: officer)?|chair(?:man|woman|person)?|CEO|minister|secretary|governor|"
    r"ambassador|director|founder|commissioner|spokes(?:man|woman|person)|head)s?\b(?: and [a-z ]{2,25}?)? (?:of|at|for))\b")
# "Port of Savannah", "Ministry of Oceans and Fisheries", "Department of Housing and Urban Development": a typing
# first phrase (lexicon.toml [name_prefixes]), then capitalised words joined by commas, "and" and "of" ("Office of the
# Secretary of Defense")
PREFIXED_REST = r" (?:the )?[A-Z][\w-]+(?:(?:,? (?:and |& )?| of (?:the )?)[A-Z][\w-]+)*"
# a family name before a hyphenated given name, or after it (Western order: "Dong-su Park")
# (the given name's second syllable may be capitalised: "Kim Hyun-Jong", "Moon Jae-In")
KOREAN_NAME = re.compile(r"\b(?:(?P<family>[A-Z][a-z]{0,5}) [A-Z][a-z]{1,6}-[A-Za-z][a-z]{0,5}\b(?![-\w])"
                         r"|(?<![-\w])[A-Z][a-z]{1,6}-[A-Za-z][a-z]{0,5} (?P<family2>[A-Z][a-z]{0,5})\b(?![-\w]))")
# the prefixes of English hyphenated words, which open no given name ("Co-Chair Kim")
HYPHEN_PREFIXES = frozenset({"co", "post", "pre", "non", "anti", "ex", "vice", "self", "multi", "inter", "pro",
                             "sub", "semi", "mid", "neo", "re"})
# what a longer name the NER found holds of the names found before it: those give way to it
NAMES_INSIDE = {"Firm": frozenset({"Country", "USState", "Firm"}), "GovernmentBody": frozenset({"GovernmentBody"})}
PERSON_NAME = re.compile(rf"{NAME_FIRST}(?: [A-Z]\.)?(?: {NAME_WORD}){{1,2}}")
# a nickname in quotes inside a name: 'Junghoon "Jay" Lee', "Robert 'Bob' Hale"
NICKNAMED = re.compile(rf"\b(?P<first>{NAME_FIRST}) [\"“‘'](?P<nick>[A-Z][a-z]+)[\"”’'] (?P<last>{NAME_WORD})\b")
OFFICE = re.compile(r"\b(?:Secretary|Minister) of (?:the )?(?P<dept>[A-Z][a-z]+(?:,? [A-Z][a-z]+)*,? and [A-Z][a-z]+"
                    r"|[A-Z][a-z]+(?: [A-Z][a-z]+)?)\b"
                    r"|\b(?P<dept2>Commerce|Treasury|Energy|State|Defense|Trade|Finance|Industry) (?:Secretary|Minister)\b")
# "in <Town>" after a facility word: where it stands
PLACED = re.compile(r"\s(?:in|at)\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)")
# the (one to three) capitalised words right before a name: a U.S. state's name, maybe
STATE_BEFORE = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+){0,3}) $")
BARE_ADMINISTRATION = re.compile(r"\b(?:[Tt]he|[Hh]is|[Hh]er)\s+(?:current\s+|new\s+)?([Aa]dministration)\b(?!s)")
# facts and words that say an agreement exists, not only that it is being negotiated
ESTABLISHING = frozenset({"SIGNS", "RATIFIES", "WITHDRAWS_FROM", "AMENDS", "MEMBER_OF"})
# words that say an agreement is still to come (not "will": "the X FTA will eliminate tariffs by 2026" is said of
# agreements in force too)
UNREALISED = re.compile(r"\b(?:hopes?|hoped|hoping|proposed|planned|potential|prospective|envisioned|draft)\b",
                        re.IGNORECASE)
IN_FORCE = re.compile(r"\b(?:in(?:to)? force|(?:took|takes|take|went|go|goes|came|come|comes) (?:into )?effect|"
                      r"implement(?:ed|ing|ation)|signed|ratified|signator(?:y|ies)|accession|"
                      r"withdr[ae]w|renegotiat|amend)", re.IGNORECASE)


# The relation components, in order: each is `Extractor._step_<name>(SentenceFacts)` and reads and extends the
# sentence's candidate facts. Mentions come first (`_sentence_mentions`: gazetteer, descriptive phrases, offices,
# NER, derived goods and measures; then coreference), and `_record` last.
TRACE = os.environ.get("POLICYGRAPH_TRACE_RULES")
# sectors broad enough to be the head of a narrower one's phrase ("chip manufacturing")
BROAD_SECTORS = frozenset({"sector/manufacturing", "sector/services", "sector/energy", "sector/construction",
                           "sector/logistics"})
# the types whose names a sector word may open ("the CHIPS Incentives Program", "the Defense Logistics Agency")
NAMED_BY_ENDING = ("GovernmentBody", "Policy", "Law")
# "the troubled Kværner firm": a capitalised name between "the" (and its adjectives) and a noun only firms are called by
CUED_FIRM = re.compile(r"\b[Tt]he\s+(?:[a-z][\w-]*\s+){0,2}(?P<name>[A-Z][\w&'’-]+(?:\s+[A-Z][\w&'’-]+){0,2})\s+"
                       r"(?:firm|company|conglomerate|shipbuilder|chipmaker|automaker|carmaker|steelmaker)\b")
TITLED_PERSON_INSIDE = re.compile(r"\b(?:President|Secretary|Minister|Governor|Chairman|Ambassador|Senator|Premier|"
                                  r"Chancellor)\s+(?!of\b|for\b)[A-Z][a-z]+\s+[A-Z]")
# between a field and the firm it describes: "telecommunications companies Huawei", "mining firms Velkor and Tarsk"
FIELD_GAP = re.compile(r"\s+(?:companies|firms|makers|manufacturers|producers|suppliers|groups)\s+(?:[A-Z][\w&.-]*\s+)*"
                       r"(?:(?:,\s*|\s*and\s+)(?:[A-Z][\w&.-]*\s*)+)*")
# (never a date: "signed the Andes Pact on Monday in Lima", "in June")
DAY_NAMES = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
TITLE_CONTINUES = re.compile(r"\s+(?:on|of|for|in)\s+(?:the\s+)?(?!(?:%s|%s)\b)[A-Z][a-z]" % (MONTH_NAMES, DAY_NAMES))
# a capitalised title, then "on/of/for" and capitalised words, up to a mention: "Agreement on Trade in "
TITLE_WORDS = re.compile(r"[A-Z][a-z]+\s+(?:on|of|for)\s+(?:the\s+)?(?:(?:[A-Z][\w-]*|and|in|of|the|on)\s+){0,6}$")
# the rest of an instrument's title after its kind word: "(Treaty) of Amity and Commerce", "(Agreement) on Trade in
# Goods"; each joining word is followed by a capitalised word, so "in 1882" and "in June" end it
_TITLE_WORD = r"(?!(?:%s|%s)\b)[A-Z][\w’'-]*" % (MONTH_NAMES, DAY_NAMES)
# (with a list of capitalised words closed by "and": "the Treaty of Peace, Amity, Commerce, and Navigation")
_TITLE_LIST = r"(?:,\s+[A-Z][\w’'-]*)+,?\s+and\s+[A-Z][\w’'-]*"
TITLE_REST = re.compile(r"(?:\s+(?:on|of|for)\s+(?:the\s+)?%s(?:%s)?|%s)(?:\s+(?:(?:and|of|in|on|for|the)\s+)*%s)*"
                        % (_TITLE_WORD, _TITLE_LIST, _TITLE_LIST, _TITLE_WORD))
RELATION_STEPS = ("structure", "frames", "constructions", "amendments", "inferences", "specific", "scorer",
                  "modality", "listed_measures", "targeted_fields", "named_imposer", "reciprocal_measures",
                  "response_targets",
                  "national_bodies", "body_seats", "unit_seats", "facility_places", "firm_parties", "public_money",
                  "under_negotiation", "one_reading", "joint")


@dataclass
class SentenceFacts:
    """One sentence as the relation components see it."""

    view: SentenceView
    amends: list  # (amended agreement, agreement) pairs read by coreference
    candidates: list[Candidate] = field(default_factory=list)
    # candidates no clause modality touches, by id (each kept here too: a dropped candidate's id, freed, could be
    # another's later in the sentence, and whether it is presupposed would then hang on memory reuse)
    presupposed: dict = field(default_factory=dict)


@dataclass
class DocumentFacts:
    doc: Document
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)  # doc, index, start, end (raw), text
    mentions: list[dict] = field(default_factory=list)  # doc, sentence_index, entity_id
    owners: dict[str, set[str]] = field(default_factory=dict)  # facility id -> the firms the text says own it


BACKENDS = ("rules", "learned", "linear")


def default_backend() -> str:
    """'learned' where the trained scorer is installed (it adds facts the rules miss, and overrules none of theirs:
    README, "Extraction quality"), else 'rules'."""
    return "learned" if MODEL_PATH.exists() else "rules"


class Extractor:
    """Composable extraction over documents.

    backend: "rules" (spaCy parse, the frames of patterns.toml and the constructions), "learned" (the same, then
    the trained scorer over every candidate pair adds the pairs it is sure of: the default where the scorer is
    installed), "linear" (no parser: word-order rules). `use_model=False` is the old name of "linear".
    """

    def __init__(self, use_model: bool = True, backend: str | None = None) -> None:
        if backend is None:
            backend = os.environ.get("POLICYGRAPH_BACKEND") or (default_backend() if use_model else "linear")
        if backend not in BACKENDS:
            raise ValueError(f"unknown extraction backend {backend!r} (one of {', '.join(BACKENDS)})")
        use_model = backend != "linear"
        self.model = load_model()
        self.lex = load_lexicon()
        self.matcher: GazetteerMatcher = default_matcher()
        self.nlp = load_nlp() if use_model else None
        self.descriptive = DescriptiveRecognizer(self.lex)
        self.ner = NerRecognizer(self.lex)
        parties = GazetteerMatcher(self.model, types=PARTY_TYPES)  # one matcher for names inside names
        self.parties = parties
        self.states = GazetteerMatcher(self.model, types=("USState",))  # the state a firm's unit is named for
        self.coref = Coreference(self.lex, parties)
        self.frames = RelationExtractor(self.model, self.lex)
        self.structural = StructuralExtractor(self.model, self.lex, self.matcher, parties)
        self.symmetric = {name for name, r in self.model.relations.items() if r.symmetric}
        self.qualifiers = {name: set(r.qualifiers) | ({"joint", "joint_id"} if "amount_usd" in r.qualifiers else set())
                           for name, r in self.model.relations.items()}
        self.gazetteer_by_id = {e.id: e for e in self.model.gazetteer}
        self.forces_abroad = _forces_index(self.model.gazetteer, parties)  # ("U.S. troops in Korea": USFK)
        self._abroad_ids = {entry.id for entry in self.forces_abroad.values()}  # ("U.S. Forces Korea": not in the U.S.)
        self.scorer = load_scorer() if backend == "learned" else None
        if backend == "learned" and self.scorer is None:
            raise ValueError("the learned backend needs a trained scorer (loaders/extract/relation_model.json): "
                             "make one with `python -m policygraph.loaders.extract.train` (see its --help)")
        self.backend = backend
        self.pair_features = PairFeatures(self.model, self.scorer.triggers if self.scorer is not None else None)
        self._kind_words = {w for t in ("Agreement", "Policy", "Law") for w in self.lex.name_endings.get(t, ())}
        self.relation_steps = [(name, getattr(self, f"_step_{name}")) for name in RELATION_STEPS]
        self.collect: list | None = None  # training: (sentence view, pairs) of every sentence
        self.nationality = {}  # person id -> country Mention (gazetteer attribute)
        sectors = {e.name: e for e in self.model.gazetteer if e.type == "Sector"}
        # capitalised words up to the name ending of a body or a measure ("... Program Office", "... Incentives
        # Program")
        self._body_ending = re.compile(r"(?:\s+[A-Z][\w&-]*){0,4}?\s+(?:" + "|".join(
            re.escape(w) for t in NAMED_BY_ENDING for w in self.lex.name_endings.get(t, ())) + r")\b")
        self._prefixed_name = re.compile(r"\b(?:" + "|".join(re.escape(p) for starts in self.lex.name_prefixes.values()
                                                              for p in starts) + ")" + PREFIXED_REST)
        # a statute or standing policy -> the state whose it is; and the names that say a measure is under one
        # ("the section 232 duties", "tariffs under the Trade Act of 1974" read as AUTHORIZES)
        self.jurisdiction: dict[str, str] = {e.id: state for e in self.model.gazetteer
                                             if (state := e.country) and e.type in ("Law", "Policy")}
        self._under_statute = [(re.compile(r"\b(?:" + "|".join(re.escape(f) for f in (e.name, *e.aliases)) + r")\b",
                                           re.IGNORECASE), self.jurisdiction[e.id])
                               for e in self.model.gazetteer if e.id in self.jurisdiction]
        self.sector_nouns = {word: Mention(0, 0, name, "Sector", sectors[name].id, name, "gazetteer")
                             for word, name in self.lex.sector_nouns.items() if name in sectors}
        for e in self.model.gazetteer:
            country = self.gazetteer_by_id.get(e.country) if e.country else None
            if country is not None and e.type in ("Person", "Firm"):
                self.nationality[e.id] = Mention(0, 0, country.name, country.type, country.id, country.name,
                                                 "gazetteer", wikidata=country.wikidata)

    # --------------------------------------------------------------------------------------------
    def gazetteer_mentions(self, text: str) -> list[Mention]:
        found = self.matcher.find(text)
        for mt in ELLIPSIS.finditer(text):  # "North and South Korea" names two countries
            whole = f"{mt.group(1)} {mt.group(3)}"
            hit = self.matcher.find(whole)
            if hit and hit[0].start == 0 and hit[0].end == len(whole):
                h = hit[0]
                found.append(Mention(mt.start(1), mt.end(1), mt.group(1), h.type, h.id, h.name, "gazetteer",
                                     wikidata=h.wikidata))
        # "Holland, Michigan", "Lebanon, Tennessee", "Mexico, Missouri": a country's name before a state's is a
        # town of that state
        states = {m.start for m in found if m.type == "USState"}
        found = [m for m in found if not (m.type == "Country" and _comma_end(text, m.end) in states)]
        return sorted(found, key=lambda m: (m.start, -m.end))

    def run(self, doc: Document) -> DocumentFacts:
        facts = DocumentFacts(doc)
        self.state = DocumentState(nationality=self.nationality, sector_nouns=self.sector_nouns,
                                   infobox=self.lex.infobox)
        text = doc.text
        self._facts, self._doc_text = facts, text
        self._countries_named: tuple[int, Counter] = (0, Counter())  # (mention rows counted, country -> count)
        spans = [(s, min(e, s + MAX_SENTENCE_CHARS)) for s, e in doc.sentences]
        gaz = self.gazetteer_mentions(text)
        parses = (parse_texts(self.nlp, [text[s:e] for s, e in spans], batch_size=64) if self.nlp is not None
                  else (None for _ in spans))
        dyad = self.coref.dyad(gaz)
        history: list[Mention] = []
        prev: list[Mention] = []
        gi = 0
        year: int | None = None  # the year a sentence-initial adverbial set
        recent_pair, pair_age = None, 0  # the last two countries named together
        leads: dict[str, Mention] = {}  # person id -> the country the document says they lead
        speaks_for: dict[str, Mention] = {}  # person id -> the firm, body, state or country they lead
        quotes = quotations(text)
        self._leads = leads
        self._firm_heads: dict[str, Mention] = {}  # person id -> the firm the document says they lead
        named = _NameMemory()
        named.names.update(self._cued_firms_anywhere(text))
        named.bodies = _described_bodies(text)
        deferred = []  # sentences naming "the <person> administration": read once leads are known
        pending_groups: set[int] = set()  # sentences naming a group by an agreement whose parties come later
        home_state = _home_state(gaz)
        for index, ((s, e), parse) in enumerate(zip(spans, parses)):
            gi, sent_gaz = _sentence_gazetteer(gaz, gi, s, e)
            mentions = self._names_in(text, s, e, parse, sent_gaz, named)
            mentions = _replace_overlapping(mentions, _counties(text, s, e, mentions, home_state))
            _tell_measures_apart(mentions, named.measures)
            here = {m.id for m in mentions if m.type == "Country"}
            for m in mentions:
                if m.source == "pattern":
                    m.countries = here  # what countries the sentence names, for merging measures
            mentions = self.coref.resolve_sentence(text[s:e], s, mentions, history,
                                                   recent_pair or dyad, prev)
            mentions = _replace_overlapping(mentions, self.coref.references(text, s, e, mentions, history, prev))
            amended, amends = self.coref.amendments(text[s:e], s, mentions)
            mentions = _replace_overlapping(mentions, amended)
            groups = self._party_groups(text, e, mentions)
            mentions += groups
            # ("Both NAFTA countries ..." before the sentence that states NAFTA's parties is read: read it later)
            pending = not groups and any(m.type == "Agreement" and PARTY_GROUP.match(text, m.end, e)
                                         for m in mentions)
            if pending:
                pending_groups.add(index)
            topic = _topic_sector(text, prev)
            year = sentence_year(text[s:e], year)
            if self._administrations(text, mentions) or BARE_ADMINISTRATION.search(text, s, e) \
                    or first_person(quotes, text, s, e) or pending:  # (read once the document has said who leads
                # what, whose words are quoted, who a group's parties are)
                deferred.append((index, s, e, parse, mentions, amends, topic, year))
            else:
                cands = self._candidates(index, s, e, parse, mentions, amends, topic, year)
                for c in cands:
                    if c.predicate == "LEADS" and c.subject.type == "Person":
                        speaks_for.setdefault(c.subject.id, c.object)
                        if c.object.type == "Firm":
                            self._firm_heads.setdefault(c.subject.id, c.object)
                        if c.object.type == "Country":
                            leads.setdefault(c.subject.id, c.object)
            history.extend(m for m in mentions if m.source != "coref")
            prev = mentions
            pair = _country_pair(mentions)
            if pair:
                recent_pair, pair_age = pair, 0
            else:
                pair_age += 1
                if pair_age > 3:  # "the two allies" refers back a few sentences at most
                    recent_pair = None
        self._read_deferred(deferred, pending_groups, quotes, history, leads, speaks_for)
        self._parties_named_later(facts)
        self._finish(facts, history)
        return facts

    def _parties_named_later(self, facts: DocumentFacts) -> None:
        """'The RCEP Agreement was signed on 15 November 2020. RCEP is an agreement between ASEAN, China, ...': a
        treaty act with no actor named, in a sentence before the one that gives the agreement's parties, is theirs
        (the sentence of the act is the evidence)."""
        for pact, predicate, props, sv in self.state.awaiting:
            cands = [dated(sv, Candidate(party, predicate, pact, dict(props), 0.65, sv.index, "implicit-parties-later"))
                     for party in self.state.parties.get(pact.id, {}).values()
                     if self.model.allows(predicate, party.type, pact.type)]
            if cands:
                self._record_relations(facts, sv.start, sv.start + len(sv.text), cands)

    def _read_deferred(self, deferred: list, pending_groups: set[int], quotes: list, history: list[Mention],
                       leads: dict[str, Mention], speaks_for: dict[str, Mention]) -> None:
        """The sentences left for the end: who "the administration" is, whose "we" a quotation holds, who a group
        named by an agreement is, once the whole document has said so."""
        text = self._doc_text
        government: dict = {}  # the country "the administration" last stood for
        # the people the document says lead a country, else whose nationality the gazetteer knows
        leaders = [(m.start, leads.get(m.id) or self.nationality[m.id]) for m in history
                   if m.type == "Person" and (m.id in leads or m.id in self.nationality)]
        for index, s, e, parse, mentions, amends, topic, year in deferred:
            mentions = self._as_governments(text, s, e, mentions, leads, government, leaders)
            if index in pending_groups:
                mentions = sorted(mentions + self._party_groups(text, e, mentions), key=lambda x: (x.start, -x.end))
            # '"Our partnership with X," said Governor Y': the speaker's state
            spoken = speakers_words(quotes, text, s, e, history, speaks_for, mentions)
            mentions = sorted(mentions + spoken, key=lambda x: (x.start, -x.end)) if spoken else mentions
            self._candidates(index, s, e, parse, mentions, amends, topic, year)

    def _finish(self, facts: DocumentFacts, history: list[Mention]) -> None:
        """The document-level steps, over all its facts: what only a whole document says."""
        self._only_negotiated(facts)
        self._own_targets(facts)
        self._offices_cooperate(facts)
        refer_back(facts, history, self.lex)  # "the tariffs on Korean steel": the tariffs named before
        merge_same_measures(facts, history, self.lex)  # one measure described twice in full
        merge_word_variants(facts, history)  # one measure named in the same words twice ("THAAD deployment")
        self._owners_exempt(facts)
        name_by_owner(facts, self.gazetteer_by_id)  # "export controls" Japan imposes: "Japanese export controls"
        name_by_parties(facts, self.gazetteer_by_id)  # "an FTA with Peru" Chile signs: "Chile-Peru FTA"
        facts.sentences.sort(key=lambda x: x["index"])
        facts.mentions.sort(key=lambda x: x["sentence_index"])

    def _cued_firms_anywhere(self, text: str) -> dict[str, Mention]:
        """'In 2005, Aker bought the troubled Kværner firm': a name the document calls a firm anywhere is that firm
        in every sentence, also those before the one that says so ("a cooperation between Kværner and ...")."""
        out: dict[str, Mention] = {}
        for mt in CUED_FIRM.finditer(text):
            name = mt.group("name")
            words = name.split()
            if (len(words) == 1 and is_word(name)) or any(w in self.lex.person_titles for w in words) \
                    or self.matcher.find(name) or name in self.ner.country_forms:
                continue  # (a word, a title, a known name or a nationality: "the Korean firm")
            out.setdefault(name, Mention(0, 0, name, "Firm", entity_id("Firm", name), name, "ner", aliases={name}))
        return out

    def _names_in(self, text: str, s: int, e: int, parse: Any, sent_gaz: list[Mention],
                  named: "_NameMemory") -> list[Mention]:
        """A sentence's mentions, read against what the document named before it (the abbreviations it defined,
        the names it typed, the towns it placed), which they add to."""
        mentions = _instrument_titles(text, _person_names(text, self._sentence_mentions(text, s, e, parse, sent_gaz),
                                                          self.lex.person_titles))
        # ("the Minerals Security Partnership ... is a transnational association": a body, though named like a pact)
        mentions = [_as_named(m, named.bodies[m.text]) if m.source == "ner" and m.text in named.bodies
                    and m.type in ("Agreement", "Policy") else m for m in mentions]
        mentions = _pact_acronyms(text, s, e, _title_bounds(text, mentions))
        mentions = _inserted_abbreviations(text, s, mentions, self.lex)
        mentions = _spelled_out(text, s, e, mentions, self.lex)
        mentions = _known_abbreviation(text, mentions)
        mentions = _slashed_sides(text, mentions, self.parties)
        mentions = _abbreviations(text, s, e, _ordinal_instances(text, mentions), named.abbrevs)
        mentions = _ordinal_instances(text, mentions, abbreviations=True)  # ("the 12th SCA", SCA defined before)
        mentions = _known_names(text, s, e, mentions, named.names, named.surnames, named.first_words)
        mentions = _towns(text, s, e, mentions, named.towns)
        mentions = _forces_abroad(text, s, e, mentions, self.forces_abroad)
        mentions = _defined_groups(text, s, e, mentions, named.groups)
        return _off_tickers(text, s, e, _former_names(text, mentions, named.names))

    def _candidates(self, index: int, s: int, e: int, parse: Any, mentions: list[Mention], amends: list,
                    topic: list, year: int | None = None) -> list[Candidate]:
        """The relation components, in order (RELATION_STEPS), over one sentence; then record what it states."""
        text = self._doc_text
        sv = SentenceView(index, s, text[s:e], list(mentions), parse)
        # (whom a person acts for: the country the document said they lead, else the gazetteer's nationality;
        # _step_structure puts the country this sentence's title gives them first)
        sv.topic, sv.year = topic, year
        sv.nationality = ChainMap(getattr(self, "_leads", {}), self.nationality)
        sv.bodys_countries = lambda body: self._bodys_countries(sv, body, in_name=True)  # (relations._acting_for)
        sv.officials_country = lambda person: self._officials_country(sv, person)  # (relations._pairwise)
        sent = SentenceFacts(sv, amends)
        if not _heading(sv.text):  # an ALL-CAPS heading names topics; it states no relation
            for _name, step in self.relation_steps:
                step(sent)
            self.state.note(sent.candidates)
            agreements = [m for m in sv.mentions if m.type == "Agreement" and not m.adjective]
            if agreements:
                self.state.last_agreement, self.state.last_agreement_at = agreements[-1], sv.index
            # (a measure someone is said to impose, or that is said to hit something: not one only mentioned)
            for c in sorted(sent.candidates, key=lambda c: c.subject.start):
                measure = c.object if c.predicate == "IMPOSES" else c.subject
                if c.predicate in ("IMPOSES", "TARGETS") and measure.type == "Policy":
                    self.state.measures.append((measure, c.predicate == "TARGETS" and c.object.type == "Firm"))
        self.state.previous_text = sv.text
        self._record(self._facts, index, s, e, [m for m in sv.mentions if self._specific(sv, m)], sent.candidates)
        return sent.candidates

    # -- relation components: each reads and extends `sent.candidates` ---------------------------
    def _step_structure(self, sent: "SentenceFacts") -> None:
        """Noun-phrase shapes (structural.py); first: it records agreements' parties. What a noun phrase
        states is presupposed by any clause around it ("does not violate U.S. sanctions on North Korea")."""
        if not sent.view.mentions:
            return
        found = self.structural.extract(sent.view, self._ministers_country())
        sent.candidates += found
        # a leader acts for the country where a predicate admits no person ("Chilean President X exempted Peru"):
        # the country this sentence's title gives them, else the one the document said they lead, else the
        # gazetteer's nationality (relations._acting_for)
        heads = {c.subject.id: c.object for c in found
                 if c.predicate == "LEADS" and c.subject.type == "Person" and c.object.type == "Country"}
        sent.view.nationality = sent.view.nationality.new_child(heads)
        sent.presupposed.update((id(c), c) for c in found)

    def _step_frames(self, sent: "SentenceFacts") -> None:
        """Trigger verbs and nouns with their roles (relations.py, patterns.toml)."""
        if sent.view.mentions:  # (a sentence that names nothing fills no role: in most documents a third of them)
            sent.candidates += self.frames.extract(sent.view)

    def _step_constructions(self, sent: "SentenceFacts") -> None:
        """Declared constructions (extract/constructions.py)."""
        sent.candidates += run_constructions(sent.view, self.lex, self.state, self.model)

    def _step_amendments(self, sent: "SentenceFacts") -> None:
        """'the revised KORUS FTA' amends the KORUS FTA (read by coref.amendments)."""
        for am, orig in sent.amends:
            sent.candidates.append(Candidate(am, "AMENDS", orig, {}, 0.7, sent.view.index, "amendment"))

    def _step_inferences(self, sent: "SentenceFacts") -> None:
        offices = _office_acts(sent.candidates, self.model, getattr(self, "_leads", {}))
        sent.candidates += (self._inferences(sent.candidates, sent.view.text)
                            + _owners_invest(sent.view, sent.candidates)
                            # (a country that signs through its head is a party, as one that signs itself)
                            + offices + self._inferences(offices, sent.view.text)
                            + _foreign_presence(sent.candidates, self.gazetteer_by_id))
        sent.candidates += _under_leaders(sent.view, sent.candidates)
        envoys = _envoy_acts(sent.view, sent.candidates)
        sent.candidates += envoys + self._inferences(envoys, sent.view.text)
        sent.candidates += _invests_in_states_country(sent.candidates, self.gazetteer_by_id)
        sent.candidates += _retaliatory_measures(sent.view, sent.candidates)
        sent.candidates += _instrument_targets(sent.view, sent.candidates)
        sent.candidates += _answered_acts(sent.view, sent.candidates)
        sent.candidates += _goods_from(sent.view, sent.candidates)
        sent.candidates += _instrument_measures(sent.view, sent.candidates)
        sent.candidates += _renegotiated(sent.view, sent.candidates)

    def _step_specific(self, sent: "SentenceFacts") -> None:
        """Facts only between entities an analyst accepts (no 'economic policy')."""
        sv = sent.view
        if any(c.predicate == "INVESTS_IN" and c.subject.type == "Person" for c in sent.candidates):
            # ("Chairman X of Velkor pledged $2 billion in U.S. projects": the firm the document says X leads invests)
            heads = {**self._firm_heads, **{c.subject.id: c.object for c in sent.candidates if c.predicate == "LEADS"
                                            and c.subject.type == "Person" and c.object.type == "Firm"}}
            sent.candidates = [replace(c, subject=heads[c.subject.id], rule=c.rule + "+for-firm")
                               if c.predicate == "INVESTS_IN" and c.subject.id in heads else c for c in sent.candidates]
        sent.candidates = [c for c in sent.candidates if self._specific(sv, c.subject) and self._specific(sv, c.object)
                           # ("President X pledged to invest in chips", a CEO's "we will invest": the money is
                           # the government's or the firm's, not the person's own)
                           and not (c.predicate == "INVESTS_IN" and c.subject.type == "Person")
                           # (nor does a country invest in its own states: the U.S. "in Georgia" is no investment)
                           and not (c.predicate == "INVESTS_IN" and c.subject.id == US_ID
                                    and c.object.type == "USState")]

    def _step_scorer(self, sent: "SentenceFacts") -> None:
        """The learned backend (and training's collection of candidate pairs)."""
        if sent.view.parse is not None and (self.scorer is not None or self.collect is not None) \
                and len({m.id for m in sent.view.mentions}) > 1:  # (a pair needs two things named)
            sent.candidates = self._score(sent.view, sent.candidates)

    def _step_modality(self, sent: "SentenceFacts") -> None:
        """Negated or hypothetical clauses state no fact; what an instrument would do as drafted is kept, marked
        `status = "proposed"` (extract/modality.py)."""
        kept = []
        for c in sent.candidates:
            said = statement(sent.view, c, presupposed=id(c) in sent.presupposed)
            if said == "proposed":
                c.props.setdefault("status", "proposed")
            if said in ("stated", "proposed"):
                kept.append(c)
        sent.candidates = kept

    def _step_listed_measures(self, sent: "SentenceFacts") -> None:
        """'took countermeasures against South Korea, including the Hallyu ban': a measure listed under another
        is imposed by the same actor and targets the same."""
        sv = sent.view
        if sv.parse is None:
            return
        listed = _listed_under(sv)
        extra = []
        for general, specific in listed:
            for c in sent.candidates:
                if c.predicate == "IMPOSES" and c.object.id == general.id:
                    extra.append(Candidate(c.subject, "IMPOSES", specific, dict(c.props), c.confidence, sv.index,
                                           "listed-measure"))
                elif c.predicate == "TARGETS" and c.subject.id == general.id:
                    extra.append(Candidate(specific, "TARGETS", c.object, dict(c.props), c.confidence, sv.index,
                                           "listed-measure"))
        sent.candidates += extra

    def _step_targeted_fields(self, sent: "SentenceFacts") -> None:
        """'Australia banned Chinese telecommunications companies Huawei and ZTE': a measure on firms named after
        the field they are described by ("telecommunications companies X") targets the field too."""
        sv = sent.view
        fields: dict[str, list[Mention]] = {}
        for d in sent.candidates:
            gap = sv.text[d.object.end - sv.start:d.subject.start - sv.start] if d.object.end <= d.subject.start else ""
            if d.rule == "descriptor-sector" and d.object.type == "Sector" and FIELD_GAP.fullmatch(gap):
                fields.setdefault(d.subject.id, []).append(d.object)
        if not fields:
            return
        sent.candidates += [Candidate(c.subject, "TARGETS", f, dict(c.props), c.confidence, c.sentence, "targeted-field")
                            for c in list(sent.candidates) if c.predicate == "TARGETS" and c.object.type == "Firm"
                            for f in fields.get(c.object.id, ())]

    def _step_named_imposer(self, sent: "SentenceFacts") -> None:
        """'the Chinese solar tariffs imposed by Washington': a measure's nationality word says whose goods it is on
        when the sentence names another imposer as the agent; that country is its target, not its owner."""
        named: dict[str, set[str]] = {}
        for c in sent.candidates:
            if c.predicate == "IMPOSES" and c.rule == "verb-agent":  # (a subject read by word order is no proof)
                named.setdefault(c.object.id, set()).add(c.subject.id)
        if not named:
            return
        out = []
        for c in sent.candidates:
            others = named.get(c.object.id, set())
            if c.predicate == "IMPOSES" and c.rule == "owner-of-measure" and others and c.subject.id not in others:
                if c.subject.type == "Country" and self.model.allows("TARGETS", c.object.type, "Country"):
                    out.append(Candidate(c.object, "TARGETS", c.subject, {}, c.confidence, c.sentence,
                                         "named-imposer"))
                continue
            out.append(c)
        sent.candidates = out

    def _step_reciprocal_measures(self, sent: "SentenceFacts") -> None:
        """'Chile and Peru imposed tariffs on each other': two measures, each side's on the other (named with it:
        "tariffs on Peru", which naming.py gives its owner), never one measure the two share."""
        sv = sent.view
        by_measure: dict[str, list[Candidate]] = {}
        for c in sent.candidates:
            if c.predicate == "IMPOSES" and c.object.type == "Policy" and c.subject.type == "Country":
                by_measure.setdefault(c.object.id, []).append(c)
        for cs in by_measure.values():
            sides = list({c.subject.id: c.subject for c in cs}.values())
            measure = cs[0].object
            if len(sides) != 2 or not _aimed_at_each_other(sv, measure):
                continue
            base = re.split(r"\s+(?:on|against)\b", measure.name, maxsplit=1)[0]
            kept = [c for c in sent.candidates if measure.id not in (c.subject.id, c.object.id)]
            on_what = [c for c in sent.candidates if c.predicate == "TARGETS" and c.subject.id == measure.id
                       and c.object.type != "Country"]  # ("on each other's steel": both are on steel)
            props = dict(cs[0].props)
            for side, other in ((sides[0], sides[1]), (sides[1], sides[0])):
                name = f"{base} on {other.name}"
                own = replace(measure, id=entity_id("Policy", f"{side.name} {name}"), name=name)
                kept.append(Candidate(replace(side, adjective=False), "IMPOSES", own, dict(props), cs[0].confidence,
                                      sv.index, "reciprocal-measure"))
                kept.append(Candidate(own, "TARGETS", replace(other, adjective=False), {}, cs[0].confidence, sv.index,
                                      "reciprocal-measure"))
                kept += [replace(c, subject=own) for c in on_what]
                sv.mentions.append(own)
            sv.mentions[:] = [m for m in sv.mentions if m.id != measure.id]
            sent.candidates = kept

    def _step_response_targets(self, sent: "SentenceFacts") -> None:
        """'Chile announced it would close the zone in response to Peru's nuclear test': the measure a country takes
        (by a verb of the sentence) against another is aimed at it, where the sentence names no other country it is
        on."""
        against = {(c.subject.id, c.object.id): c.object for c in sent.candidates
                   if c.predicate == "RETALIATES_AGAINST" and c.object.type == "Country"}
        if not against:
            return
        aimed = {c.subject.id for c in sent.candidates if c.predicate == "TARGETS" and c.object.type == "Country"}
        extra = []
        for c in sent.candidates:
            if c.predicate != "IMPOSES" or c.object.id in aimed or c.rule == "owner-of-measure" \
                    or not self.model.allows("TARGETS", c.object.type, "Country"):
                continue  # (a measure only named with its owner may be described as a response, not taken as one)
            targets = [y for (x, _), y in against.items() if x == c.subject.id]
            if len(targets) == 1:  # (one country the imposer answers: several leave open which the measure is on)
                extra.append(Candidate(c.object, "TARGETS", replace(targets[0], adjective=False), {}, c.confidence,
                                       c.sentence, "response-target"))
        sent.candidates += extra

    def _step_facility_places(self, sent: "SentenceFacts") -> None:
        """'$40 billion in U.S. factories', '$17 billion in Texas plants': money put in a place's facilities is put
        in the place (the one sum for both: the joint step marks it)."""
        extra = []
        for c in sent.candidates:
            if c.predicate != "INVESTS_IN" or c.object.type != "Facility":
                continue
            for m in sent.view.mentions:
                if m.type in ("Country", "USState") and m.start == c.object.start and m.end <= c.object.end \
                        and self.model.allows("INVESTS_IN", c.subject.type, m.type) and m.id != c.subject.id:
                    extra.append(Candidate(c.subject, "INVESTS_IN", replace(m, adjective=False), dict(c.props),
                                           c.confidence, c.sentence, "facility-place"))
            if c.object.source == "coref" and c.props.get("amount_usd"):
                # "TSMC planned to spend $12 billion on the project": the plant named before, in the state the
                # document placed it (the one sum for both: the joint step marks it)
                extra += [Candidate(c.subject, "INVESTS_IN", p, dict(c.props), c.confidence, c.sentence,
                                    "facility-place") for p in self._placed(c.object.id)
                          if self.model.allows("INVESTS_IN", c.subject.type, p.type) and p.id != c.subject.id]
        sent.candidates += extra

    def _placed(self, facility_id: str) -> list[Mention]:
        """The state where the document so far has put a facility (its LOCATED_IN facts)."""
        return [Mention(0, 0, e.name, e.type, e.id, e.name, "coref", wikidata=e.wikidata)
                for r in self._facts.relations if r.predicate == "LOCATED_IN" and r.subject == facility_id
                for e in [self._facts.entities.get(r.object)] if e is not None and e.type == "USState"]

    def _step_national_bodies(self, sent: "SentenceFacts") -> None:
        """'China's Ministry of Commerce initiated an investigation', 'the South Korean Ministry of Unification
        announced the closure', 'Chile's Senate ratified the treaty': what a country's body imposes or ratifies, the
        country the sentence names it by imposes or ratifies."""
        sv = sent.view
        extra = []
        for c in sent.candidates:
            if c.subject.type == "Person" and c.predicate in OFFICIAL_ACTS and sv.start <= c.subject.start:
                extra += [Candidate(replace(m, adjective=False), c.predicate, c.object, dict(c.props), c.confidence,
                                    c.sentence, "official-for-country") for m in self._officials_country(sv, c.subject)]
                continue
            if c.predicate not in NATIONAL_ACTS or c.subject.type != "GovernmentBody" or not sv.start <= c.subject.start:
                continue
            for m in self._bodys_countries(sv, c.subject):
                extra.append(Candidate(replace(m, adjective=False), c.predicate, c.object, dict(c.props),
                                       c.confidence, c.sentence, "national-body"))
        # (a country that signs or ratifies through its official or its body is a party, as when it does itself)
        sent.candidates += extra + self._inferences(extra, sent.view.text)

    def _bodys_countries(self, sv: SentenceView, body: Mention, in_name: bool = False) -> list[Mention]:
        """The country a sentence names a government body by: 'China's Ministry of Commerce', 'the South Korean
        Ministry of Unification'; with `in_name`, also the country its name as written opens with ('the U.S.
        Department of Commerce')."""
        before = sv.text[:body.start - sv.start]
        countries = [m for m in sv.mentions if m.type == "Country" and m.end - sv.start <= len(before)
                     and NATIONAL_BODY.fullmatch(before[m.end - sv.start:])]
        # (or inside the body's name as written: "China's Ministry of ..."; a nationality or a possessive, not the
        # country's name as part of the body's own: "the U.S. Department of Commerce" is the department's name, and
        # what it imposes is the department's, though it is where it sits)
        # ("the National Assembly of South Korea": the country its "of" names)
        countries += [m for m in sv.mentions if m.type == "Country" and not m.adjective and re.fullmatch(
            r"\s+of\s+(?:the\s+)?", sv.text[body.end - sv.start:m.start - sv.start] if m.start >= body.end else "x")]
        surface = sv.text[body.start - sv.start:body.end - sv.start]
        inside = [h for h in self.parties.find(surface) if h.type == "Country"]
        countries += [h for h in inside if h.start == 0 and NATIONAL_BODY.match(surface, h.end) and (
            h.adjective or surface[h.end:h.end + 1] in ("'", "’")
            or in_name and len({x.id for x in inside}) == 1)]  # ("U.S. Forces Korea" is not in the U.S.)
        return unique_mentions(countries)

    def _step_body_seats(self, sent: "SentenceFacts") -> None:
        """'China's Ministry of Commerce', 'the U.S. Department of Commerce', 'the South Korean Ministry of
        Unification': a government body named with its country sits in that country."""
        sv = sent.view
        for b in sv.mentions:
            if b.type != "GovernmentBody" or b.source == "coref" or not sv.start <= b.start:
                continue
            host = b.host
            if host is not None:  # "U.S. troops stationed in South Korea", "the cost of hosting U.S. troops"
                sent.candidates.append(Candidate(b, "LOCATED_IN", replace(host, adjective=False), {}, 0.7, sv.index,
                                                 "forces-abroad"))
            if b.id in self._abroad_ids:
                continue
            for m in self._bodys_countries(sv, b, in_name=True):
                if m.id != b.id and self.model.allows("LOCATED_IN", b.type, m.type):
                    sent.candidates.append(Candidate(b, "LOCATED_IN", replace(m, adjective=False), {}, 0.7, sv.index,
                                                     "body-seat"))

    def _step_unit_seats(self, sent: "SentenceFacts") -> None:
        """'Hyundai Motor Manufacturing Alabama', 'Kia Georgia, Inc.': a firm's unit named for a U.S. state sits in
        that state."""
        sv = sent.view
        for f in sv.mentions:
            if f.type != "Firm" or f.source == "coref" or not sv.start <= f.start:
                continue
            surface = LEGAL_TAIL_END.sub("", sv.text[f.start - sv.start:f.end - sv.start])
            state = next((h for h in self.states.find(surface) if h.start > 0 and h.end == len(surface)
                          and surface[h.start - 1] == " "), None)
            if state is not None and self.model.allows("LOCATED_IN", f.type, state.type):
                at = Mention(f.start + state.start, f.start + state.end, state.text, state.type, state.id, state.name,
                             "gazetteer", wikidata=state.wikidata)
                sent.candidates.append(Candidate(f, "LOCATED_IN", at, {}, 0.7, sv.index, "unit-seat"))

    def _officials_country(self, sv: SentenceView, person: Mention) -> list[Mention]:
        """'South Korea's Industry Minister Kim', 'Chilean Trade Minister Ruiz', 'U.S. Trade Representative Tai':
        the country named right before an official's title, or opening it, which the official acts for."""
        # (the person's mention may hold the title: "Commerce Secretary Howard Lutnick")
        inside = person.text.find(person.name)
        before = sv.text[:person.start - sv.start] + (person.text[:inside] if inside > 0 else "")
        title = OFFICIAL_TITLE.search(before)
        if title is None:
            return []
        opening = title.group(0).lstrip("’'s").lstrip()  # "U.S. Commerce Secretary"
        own = [h for h in self.parties.find(opening) if h.type == "Country" and h.start == 0]
        window = before[:title.start()][-40:]  # "South Korea's", "Chilean"
        return own or [h for h in self.parties.find(window) if h.type == "Country"
                       and re.fullmatch(r"[’']s|\s*", window[h.end:])]

    def _step_firm_parties(self, sent: "SentenceFacts") -> None:
        """A partnership needs a firm on one side; between governments it is cooperation (patterns.toml
        [predicates] without_firm)."""
        between_firms = {v: k for k, v in self.lex.without_firm.items()}  # and between two firms, a partnership
        for c in sent.candidates:
            other = self.lex.without_firm.get(c.predicate)
            if other and "Firm" not in (c.subject.type, c.object.type) \
                    and self.model.allows(other, c.subject.type, c.object.type):
                c.predicate = other
            elif c.predicate in between_firms and c.subject.type == c.object.type == "Firm":
                c.predicate = between_firms[c.predicate]

    def _step_public_money(self, sent: "SentenceFacts") -> None:
        """'The administration will allocate $6.4 billion to Samsung to build a hub in Texas': a government's money
        handed to a firm funds it (a partnership, constructions.funding); the government invests in nothing."""
        givers = {c.subject.id for c in sent.candidates if c.rule == "funding" and c.predicate == "PARTNERS_WITH"}
        if givers:
            sent.candidates = [c for c in sent.candidates if not (
                c.predicate == "INVESTS_IN" and c.subject.id in givers
                and c.subject.type in ("Country", "USState", "GovernmentBody"))]

    def _step_under_negotiation(self, sent: "SentenceFacts") -> None:
        """'Negotiations on the China-Japan-Korea FTA stalled': a sentence that has the countries negotiating an
        agreement states no party to it, though the agreement's name holds their names."""
        negotiating = {(c.subject.id, c.object.id) for c in sent.candidates if c.predicate == "NEGOTIATES"}
        sent.candidates = [c for c in sent.candidates if not (
            c.rule == "agreement-name" and (c.subject.id, c.object.id) in negotiating)]
        state = self.state  # what the document as a whole says of its agreements (_only_negotiated)
        in_force = IN_FORCE.search(sent.view.text) is not None
        if UNREALISED.search(sent.view.text):  # "officials hope the X FTA will cut tariffs": not (yet) in force
            state.unrealised |= {m.id for m in sent.view.mentions if m.type == "Agreement"}
        for c in sent.candidates:
            for m in (c.subject, c.object):
                if m.type == "Agreement" and (c.predicate in ESTABLISHING or in_force):
                    state.established.add(m.id)
            if c.object.type == "Agreement" and c.predicate == "NEGOTIATES":
                state.negotiated.add(c.object.id)
            if c.predicate == "PARTY_TO":
                (state.named_parties if c.rule == "agreement-name" else state.stated_parties).add(
                    (c.subject.id, c.object.id))

    @staticmethod
    def _own_targets(facts: DocumentFacts) -> None:
        """'restricting Korean artists from holding concerts in China' (China's ban), 'an executive order to restore
        U.S. maritime dominance' (Trump's): a measure does not target the country that imposes it, or whose leader
        does; the country is where or for whom it acts."""
        leads = {(r.subject, r.object) for r in facts.relations if r.predicate == "LEADS"}
        owners: dict[str, set[str]] = {}
        for r in facts.relations:
            if r.predicate == "IMPOSES":
                owners.setdefault(r.object, set()).add(r.subject)
                owners[r.object] |= {c for p, c in leads if p == r.subject}
        facts.relations = [r for r in facts.relations if not (
            r.predicate == "TARGETS" and r.object in owners.get(r.subject, ()))]

    def _owners_exempt(self, facts: DocumentFacts) -> None:
        """'Peru was exempted from Chile's steel tariffs', or from "the steel tariffs" Chile imposed before: who
        imposes a measure exempts from it too (the exemption's evidence). A measure the document has no imposer for
        is its statute's state's: "exemptions from the section 232 duties", duties a law of the document authorizes
        (gazetteer: the state whose law it is)."""
        imposers: dict[str, set[str]] = defaultdict(set)
        statutes: dict[str, set[str]] = defaultdict(set)
        for r in facts.relations:
            if r.predicate == "IMPOSES" and facts.entities[r.subject].type == "Country":
                imposers[r.object].add(r.subject)
            elif r.predicate == "AUTHORIZES" and r.subject in self.jurisdiction:
                statutes[r.object].add(self.jurisdiction[r.subject])
        have = {r.key for r in facts.relations}
        for r in list(facts.relations):
            if r.predicate != "EXEMPTS" or facts.entities[r.subject].type != "Policy":
                continue
            owners = imposers.get(r.subject) or statutes.get(r.subject) or {
                country for pattern, country in self._under_statute if pattern.search(facts.entities[r.subject].name)}
            for country in sorted(c for c in owners if c in facts.entities):  # (a state the document names)
                new = replace(r, subject=country, props=dict(r.props), evidence=list(r.evidence),
                              confidence=r.confidence * 0.9)
                if country != r.object and new.key not in have:
                    have.add(new.key)
                    facts.relations.append(new)

    @staticmethod
    def _offices_cooperate(facts: DocumentFacts) -> None:
        """'Secretary Austin and Minister Suh agreed to deepen cooperation': officials cooperate for the body or
        country they lead in the document (a body before a country); one who leads nothing there states nothing."""
        rank = {"GovernmentBody": 0, "InternationalOrganization": 1, "Country": 2, "Firm": 3}
        office: dict[str, str] = {}
        for r in sorted((r for r in facts.relations if r.predicate == "LEADS"),
                        key=lambda r: rank.get(facts.entities[r.object].type, 9)):
            office.setdefault(r.subject, r.object)
        kept: dict[tuple, Relation] = {}
        out = []
        for r in facts.relations:
            if r.predicate == "COOPERATES_WITH":
                a, b = (office.get(x, "") if facts.entities[x].type == "Person" else x for x in (r.subject, r.object))
                if not a or not b or a == b:
                    continue
                r.subject, r.object = a, b
                if r.key in kept:  # both officials and their offices said it: one fact, all its evidence
                    kept[r.key].evidence += [ev for ev in r.evidence if ev not in kept[r.key].evidence]
                    continue
                kept[r.key] = r
            out.append(r)
        facts.relations = out

    def _only_negotiated(self, facts: DocumentFacts) -> None:
        """'Norway and Chile launched talks on a Norway-Chile FTA ... the Norway-Chile FTA would cut tariffs': an
        agreement the document only negotiates, and speaks of as still to come, has no parties yet; the countries
        its name holds negotiate it. One the document negotiates without saying it is to come ("the two sides
        discussed the X FTA") is the countries' agreement, and they negotiated it too."""
        st = self.state
        pending = st.negotiated - st.established
        for r in list(facts.relations):
            if r.predicate == "PARTY_TO" and r.object in pending and (r.subject, r.object) in st.named_parties \
                    and (r.subject, r.object) not in st.stated_parties:
                if r.object in st.unrealised:
                    r.predicate = "NEGOTIATES"
                else:
                    facts.relations.append(replace(r, predicate="NEGOTIATES", props=dict(r.props),
                                                   evidence=list(r.evidence)))

    def _step_one_reading(self, sent: "SentenceFacts") -> None:
        sent.candidates = _not_both_exempt_and_targeted(_fullest_titles(_most_specific(sent.candidates)))

    def _step_joint(self, sent: "SentenceFacts") -> None:
        """One amount stated for several facts is marked joint (extract/modality.py)."""
        # (a state's money restated for its country is the same money in a wider place, not one sum for two places;
        # but one sum that several investors put into states is one sum in the country too, and shares the mark)
        for same_place in (False, True):
            mark_joint([c for c in sent.candidates if (c.rule == STATE_IN_COUNTRY) == same_place], sent.view,
                       self._facts.doc.id, self.symmetric)

    def _score(self, sv: SentenceView, rule_cands: list[Candidate]) -> list[Candidate]:
        """The learned backend: every pair the ontology allows, rule candidates among them, kept by the scorer."""
        if self.collect is not None or self.scorer is None:  # (training: every pair, with the rules' among them)
            pairs = self.pair_features.pairs(sv, rule_cands)
            if self.collect is not None:
                self.collect.append((sv, pairs))
            return rule_cands
        # (with no rule candidate to doubt, only the pairs the scorer may add need their features)
        narrow = self.scorer.keep_rule <= 0
        pairs = self.pair_features.pairs(sv, rule_cands, unrelated_only=narrow, scorer=self.scorer)
        doubted, learned = set(), []
        # the pairs the rules relate already: what the rules read there (a plan, a role, a flow) is not overruled
        related = {frozenset((c.subject.id, c.object.id)) for c in rule_cands}
        # where the rules place a thing, or the gazetteer seats a government body, the model places it nowhere else
        # ("the park built by South Korea in North Korea", "the USTR met Korea's minister")
        placed = {(c.subject.id, c.object.type) for c in rule_cands if c.predicate == "LOCATED_IN"}
        for pair in pairs:
            if pair.rule is None and (pair.predicate == "LOCATED_IN" and self._placed_elsewhere(sv, pair, placed)
                                      or pair.subject.group or pair.object.group):
                continue
            p = pair.probability if pair.probability is not None else self.scorer.probability(pair.features)
            # a rule's candidate stays unless the model is sure it is wrong; a pair no rule proposed needs
            # the model to be sure it is right
            if pair.rule is not None:
                if p < self.scorer.keep_rule:
                    doubted.add((pair.subject.id, pair.predicate, pair.object.id))
            elif p >= self.scorer.threshold and frozenset((pair.subject.id, pair.object.id)) not in related \
                    and self.scorer.may_add(pair.predicate, pair.subject.type, pair.object.type):
                props = fact_props(sv, pair.predicate, pair.subject, pair.object, pair.trigger)
                learned.append(Candidate(pair.subject, pair.predicate, pair.object, props, round(p, 3), sv.index,
                                         "learned"))
        # (the rule's own candidates, each reading of a fact with its properties, stay as they are: the later steps
        # know them, as what a noun phrase presupposes)
        return [c for c in rule_cands if (c.subject.id, c.predicate, c.object.id) not in doubted] + learned

    def _placed_elsewhere(self, sv: SentenceView, pair: Pair, placed: set) -> bool:
        """A place the model reads for what the rules placed already, or for a government body seated in another
        country (by its name as written, or the gazetteer's country of it)."""
        s, o = pair.subject, pair.object
        if (s.id, o.type) in placed:
            return True
        if s.type != "GovernmentBody" or o.type != "Country":
            return False
        seats = {m.id for m in self._bodys_countries(sv, s, in_name=True)}
        if s.id in self.nationality:
            seats.add(self.nationality[s.id].id)
        return bool(seats) and o.id not in seats

    @staticmethod
    def _administrations(text: str, mentions: list[Mention]) -> list[Mention]:
        """Person mentions in "the Trump administration": the government, not the person, acts."""
        return [m for m in mentions if m.type == "Person" and administration_end(text, m.start, m.end) is not None]

    def _as_governments(self, text: str, s: int, e: int, mentions: list[Mention], leads: dict,
                        government: dict, leaders: list[tuple[int, Mention]]) -> list[Mention]:
        """'the Trump administration' -> the country Trump leads; a later bare 'the administration' -> the
        same country (until another administration is named), or with none named, the country of the last leader
        the document named ("President Trump ... the Administration")."""
        out = []
        for m in mentions:
            # the country the document says they lead, else their nationality (a gazetteer attribute)
            country = (leads.get(m.id) or self.nationality.get(m.id)) if m.type == "Person" else None
            b = administration_end(text, m.start, m.end) if country is not None else None
            if b is None or country is None:
                out.append(m)
                continue
            government["country"] = country
            acting = Mention(m.start, b, text[m.start:b], country.type, country.id, country.name,
                             "coref", wikidata=country.wikidata, also=m)
            out.append(acting)
        # with no administration named yet: the country of the last leader named ("President Trump ... the
        # Administration")
        for mt in BARE_ADMINISTRATION.finditer(text, s, e):
            a, b = mt.span(1)
            country = government.get("country") or next((c for at, c in reversed(leaders) if at < a), None)
            if country is not None:
                # "the Administration" read as a body of that name is the same government
                out = [x for x in out if not (x.start == a and x.end == b and x.source != "coref")]
                if any(x.start < b and a < x.end for x in out):
                    continue
                out.append(Mention(a, b, text[a:b], country.type, country.id, country.name, "coref",
                                   wikidata=country.wikidata))
        return sorted(out, key=lambda x: (x.start, -x.end))

    def _party_groups(self, text: str, e: int, mentions: list[Mention]) -> list[Mention]:
        """'Both NAFTA countries were signatories to the TPP', 'the CPTPP members agreed': a group named by an
        agreement stands for its parties, as the document stated them before."""
        out = []
        for m in mentions:
            parties = self.state.parties.get(m.id, {}) if m.type == "Agreement" else {}
            mt = PARTY_GROUP.match(text, m.end, e) if parties else None
            before = text[max(0, m.start - 30):m.start].lower().split()[-3:]
            counted = [COUNT_WORDS.get(w, int(w) if w.isdecimal() else None) for w in before]  # not '¹'
            if mt and any(n == len(parties) - 1 for n in counted) and self._main_country() in parties:
                # "Both NAFTA countries" in a text about the United States: the two others
                parties = {k: v for k, v in parties.items() if k != self._main_country()}
                counted = []
            if mt and ({"remaining", "other", "rest", "former", "some", "several", "many"} & set(before)
                       or any(n is not None and n != len(parties) for n in counted)):
                continue  # "the remaining 11 TPP parties": not the parties the document named
            if mt:
                a, b = mt.start(1), mt.end(1)
                out += [Mention(a, b, text[a:b], p.type, p.id, p.name, "coref", wikidata=p.wikidata)
                        for p in parties.values()]
        return out

    def _main_country(self, besides: str = "") -> str | None:
        """The country the document has named most so far, plainly more than any other (what it is about, if it is
        about one), leaving out `besides`."""
        rows = self._facts.mentions
        seen, counts = self._countries_named
        if seen < len(rows):  # (the rows only grow: count the new ones)
            counts.update(r["entity_id"] for r in rows[seen:] if r["entity_id"].startswith("country/"))
            self._countries_named = (len(rows), counts)
        ranked = sorted(((k, n) for k, n in counts.items() if k != besides), key=lambda kv: -kv[1])
        if not ranked or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
            return None  # (no country the document is plainly about)
        return ranked[0][0]

    def _ministers_country(self) -> str:
        """Whose ministers a title alone names: the document's main country other than the United States (which has
        secretaries, no ministers), by name, else ""."""
        entry = self.gazetteer_by_id.get(self._main_country(besides=US_ID) or "")
        return entry.name if entry is not None else ""

    def _is_named_instrument(self, d: Mention, g: Mention) -> bool:
        """Whether a descriptive phrase around a named instrument is that instrument: "the Made in China 2025 plan",
        "the U.S.-led KORUS deal" (a generic pact noun after the name; "the revised KORUS deal" makes amendments)."""
        head = d.name.split()[-1].lower().rstrip("s")
        if head == g.name.split()[-1].lower().rstrip("s") or head in (
                "plan", "policy", "strategy", "program", "initiative", "agreement"):
            return True
        return d.type == g.type == "Agreement" and head in self.lex.generic_phrases and not any(
            w in self.lex.amendment_adjectives for w in d.text.lower().split())

    def _sentence_mentions(self, text: str, s: int, e: int, parse: Any, sent_gaz: list[Mention]) -> list[Mention]:
        # "US$ 165 billion", "A$2 billion": a currency's sign, not the country
        mentions = [m for m in sent_gaz if not (m.type == "Country" and text[m.end:m.end + 1] == "$")]
        # before the descriptive phrases: "Dong-su Park" is a person, not a park
        mentions += self._korean_names(text, s, e, mentions)
        hard = [(m.start, m.end) for m in mentions if m.type not in ("Policy", "Law", "Agreement", "Sector")]
        if parse is not None:
            desc = self.descriptive.find_parsed(parse, s, hard)
        else:
            desc = self.descriptive.find_plain(text[s:e], s, hard)
        for d in desc:
            inner = [m for m in mentions if d.start <= m.start and m.end <= d.end]
            named = re.search(r"\b[A-Z]", d.text[1:]) or (d.text[:1].isupper() and d.start > s
                                                          and not re.search(r"[.!?:]\s*$", text[s:d.start]))
            placed = d.type == "Facility" and parse is not None and (self._placed_facility(parse, s, d)
                                                                      or _owned_kind(parse, s, d)
                                                                      or getattr(d, "owned", False))
            if d.type == "Facility" and not inner and not named and not placed and not getattr(d, "generic", False):
                continue  # "cutting-edge facilities": no sector, owner, name or town says which ("this facility" may
                # refer; "an advanced packaging facility in West Lafayette", "its engine plant" are one)
            if any(m.start <= d.start and d.end <= m.end and (m.type == d.type or (m.start, m.end) == (d.start, d.end))
                   for m in mentions):
                continue  # the gazetteer already names it ("the Philly Shipyard")
            if any(m.type == "Person" and m.end == d.end for m in inner):
                continue  # "Velkor CEO Min-jun Park": the head word ends a person's name
            if any(m.type in ("Policy", "Law", "Agreement") for m in inner):
                if self._is_named_instrument(d, next(m for m in inner if m.type in ("Policy", "Law", "Agreement"))):
                    continue
                # the measure is named after a law ("the IRA tax credits"): the law stays, nested, to authorise it
                mentions = [m for m in mentions if m not in inner or m.type not in ("Policy", "Agreement")]
            if any(m.start < d.end and d.start < m.end and not (d.start <= m.start and m.end <= d.end)
                   for m in mentions):
                continue  # crosses another mention; nested ones (a sector in a measure) are kept
            mentions.append(d)
        mentions = _replace_overlapping(mentions, self._offices(text, s, e, mentions))
        mentions = self._common_ministries(text, s, e, mentions)
        mentions += self._nicknamed_persons(text, s, e, mentions)
        mentions += self._titled_persons(text, s, e, mentions)
        mentions = self._prefixed_names(text, s, e, mentions)
        if parse is not None:
            # a sector word opening the name of a body or a measure is the name's ("the CHIPS Program Office", "the
            # Defense Logistics Agency", "the CHIPS Incentives Program"): the statistical NER may take the whole name
            in_body = [m for m in mentions if m.type == "Sector" and self._body_ending.match(text, m.end)]
            # "the Lima Accord on Fisheries": a title the words after it continue ("on" and capitalised words) may
            # be the beginning of the NER's whole title, which is the name
            titled = [m for m in mentions if m.source == "pattern" and m.type in ("Agreement", "Law")
                      and TITLE_CONTINUES.match(text, m.end)]
            # (a sector may be a word of such a title: "the Agreement on Trade in Services")
            titled_words = [m for m in mentions if m.type == "Sector" and text[m.start - 1:m.start] == " "
                            and TITLE_WORDS.search(text, max(s, m.start - 90), m.start)]
            taken = [(m.start, m.end) for m in mentions if m not in in_body and m not in titled + titled_words]
            found = self.ner.find(parse, s, taken)
            found = [f for f in found if not any(f.start < m.end and m.start < f.end and not (
                f.type in ("Agreement", "Law") and f.start < m.start and m.end <= f.end) for m in titled_words)]
            # (the NER's whole title takes in a title of its kind, or a later word's of another kind: "the
            # Convention on the Law of the Sea" holds "Law")
            mentions = [m for m in mentions if m not in titled or not any(
                (f.type == m.type or f.type in ("Agreement", "Law") and f.start < m.start)
                and f.start <= m.start and m.end < f.end for f in found)]
            # a title the NER did not find whole is read from its capitalised words ("the Treaty of Amity and
            # Commerce", "the Agreement on Trade in Goods"): the kind word alone names no instrument
            whole = {id(m): self._whole_title(text, e, m, mentions) for m in mentions if m in titled}
            mentions = [whole.get(id(m)) or m for m in mentions]
            titled = [whole.get(id(m)) or m for m in titled]
            mentions = [m for m in mentions if not (m.type in ("Sector", "Law", "Policy") and any(
                t.start <= m.start and m.end <= t.end and t is not m for t in titled))]
            found = [f for f in found if not any(f.start < m.end and m.start < f.end for m in mentions if m in titled)]
            bodies = [f for f in found if f.type in NAMED_BY_ENDING]
            mentions = [m for m in mentions if m not in in_body or not any(
                b.start <= m.start and m.end <= b.end for b in bodies)]
            found = [f for f in found if f.type in NAMED_BY_ENDING or not any(
                f.start < m.end and m.start < f.end for m in in_body)]
            # a country's word inside a firm's name is the firm's; so is a known firm's name inside its unit's
            # ("Lotte Chemical USA"), and a known body's title inside a longer one ("Ministry of Trade, Industry and
            # Resources")
            holders = [f for f in found if f.type in NAMES_INSIDE]
            mentions = [m for m in mentions if not any(
                m.type in NAMES_INSIDE[f.type] and f.start <= m.start and m.end <= f.end
                and (f.start, f.end) != (m.start, m.end) for f in holders)]
            mentions += self._firms_before_persons(text, found, mentions)
            mentions = paired_firms(text[s:e], s, list_firms(text[s:e], s, mentions))
            mentions = [m for m in mentions if m.type is not None]
            mentions = legal_names(text[s:e], s, mentions)
            mentions = _acronym_units(parse, s, mentions)
            mentions = self._regional_units(text, s, e, mentions)
            added, superseded = derived_mentions(parse, s, mentions)
            mentions = [m for m in mentions if m not in superseded] + added
        # "President Smith Secures Historic Trade Deal": a headline with a titled person inside names no instrument
        mentions = [m for m in mentions if not (m.type in ("Agreement", "Policy", "Law") and m.source != "gazetteer"
                                                and TITLED_PERSON_INSIDE.search(m.name))]
        # "A Proclamation", "An Executive Order" on a title line: the kind alone, after an article, names none
        mentions = [m for m in mentions if not (m.type in ("Agreement", "Policy", "Law") and m.source != "gazetteer"
                                                and re.match(r"(?:A|An)\s+(?:[A-Z]\w*\s+)?[A-Z]\w*$", m.name)
                                                and m.name.split()[-1] in self._kind_words)]
        mentions = [m for m in mentions if not self._news_outlet(m, text)]
        return _sector_heads(text, sorted(mentions, key=lambda m: (m.start, -m.end)))

    @staticmethod
    def _whole_title(text: str, e: int, m: Mention, mentions: list[Mention]) -> Mention | None:
        """The instrument whose title runs on after its capitalised kind word ("Treaty" + " of Amity and Commerce"),
        up to a name the sentence has found ("the Agreement on Trade in Goods in Korea" ends before "in Korea"),
        or None."""
        if not m.text.split()[-1][:1].isupper():
            return None
        rest = TITLE_REST.match(text, m.end, e)
        if rest is None:
            return None
        end = rest.end()
        for n in mentions:
            # (a law or a measure named inside runs on in the title: "the Convention on the Law of the Sea")
            if m.end < n.start < end and n.type not in ("Sector", "Law", "Policy"):
                end = n.start
        words = re.match(r"(.*?)(?:\s+(?:and|of|in|on|for|the)|\s*,)*\s*$", text[m.end:end], re.S)
        if words is None or not re.search(r"\s(?:on|of|for)\s+(?:the\s+)?[A-Z]", m.text + words.group(1)):
            return None
        end = m.end + len(words.group(1))
        title_words = re.sub(r"\s+", " ", text[m.end:end])
        if m.name.endswith(title_words):
            return None  # (the phrase already has its title: "the Treaty on Basic Relations")
        # (a name that took in words past the kind word, "Agreement on Conservation" for "Agreement on the
        # Conservation ...", gives way to the title as written)
        written = re.sub(r"\s+", " ", text[m.start:m.end])
        base = m.name if m.name.split()[-1] == written.split()[-1] else re.sub(r"^(?:the|The)\s+", "", written)
        name = written_as = base + title_words
        inner = INNER_ACRONYM.search(name)  # "the Visa Waiver Program (VWP) Memorandum of Understanding": without it
        if inner:
            name = f"{name[:inner.start()]} {name[inner.end():]}"
        title = Mention(m.start, end, text[m.start:end], m.type, entity_id(m.type, name), name, m.source)
        title.aliases = {name, written_as}
        title.inner_abbreviation = inner.group(1) if inner else None
        return title

    def _news_outlet(self, m: Mention, text: str) -> bool:
        """'The Korea Herald compiled ...', 'Yonhap News Agency reported': a report's source, not an actor (a name the
        gazetteer knows is what it says it is)."""
        if m.type not in ("Firm", "GovernmentBody") or m.source == "gazetteer":
            return False
        name = re.sub(r"^(?:The|the)\s+", "", m.name)
        words = name.split()
        return any(name == o or name.startswith(o + " ") for o in self.lex.news_outlets) or (
            words[-1] in self.lex.news_outlet_words and not LEGAL_TAIL.match(text, m.end))  # ("X Daily Corp.")

    def _placed_facility(self, parse: Any, s: int, d: Mention) -> bool:
        """'an advanced packaging facility in West Lafayette': a facility named with its town is one facility (a
        country says no town: "facilities in the United States"); not when it describes a named one ("X is a
        commercial shipyard in Philadelphia")."""
        head = _head_token(parse, s, d)
        if head is None or head.dep_ in ("attr", "appos", "acomp"):
            return False
        return any((mt := PLACED.search(a)) is not None and mt.group(1) not in self.ner.country_forms
                   for a in d.aliases)

    def _specific(self, sv: SentenceView, m: Mention) -> bool:
        """A descriptive measure, agreement, law or facility is an entity only when something says which one:
        a name, a number or an entity inside it ("Section 232 tariffs", "the steel quota", "Japanese export
        restrictions"), or what it is on or does ("restrictions on U.S. beef", "an order prohibiting the
        acquisition of X"). "Economic policy", "safety standards", "a partial agreement" say nothing of which."""
        if m.source != "pattern" or m.type not in ("Policy", "Agreement", "Law", "Facility"):
            return True
        if m.type == "Agreement" and any(
                x.type == "Agreement" and x is not m and m.start < x.start and x.end >= m.end
                and re.fullmatch(r"\w+\s+(?:with\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}\s+)?(?:on|over|about)\s+"
                                 r"(?:the\s+)?", sv.text[m.start - sv.start:x.start - sv.start])
                for x in sv.mentions):
            return False  # "reached agreement on the X accord": the accord, no agreement of its own
        bare = m.name  # a country in the name says whose, not which: "U.S. trade policy" is no measure
        for x in sv.mentions:
            if x.type == "Country" and m.start <= x.start and x.end <= m.end and x is not m:
                bare = bare.replace(x.text, " ").strip()
        if getattr(m, "derived_targets", None) or re.search(r"[A-Z0-9]", bare[1:]) or re.match(r"[0-9]", bare):
            return True
        measure = getattr(m, "head", "") in MEASURE_HEADS
        if (measure or m.type == "Facility") and getattr(m, "owned", False):
            return True  # "Chile's sanctions" says which as "Chilean sanctions" does; "a plant built by X" too
        if m.type == "Policy" and set(re.findall(r"[\w-]+", m.name.lower())) & self.lex.kind_adjectives:
            return True  # a legal kind of measure: "the anti-dumping duties"
        head_word = m.name.split()[-1] if m.name else ""
        if any(re.search(r"\s(?:on|against|into|to|for|of|in)\s\S", a) for a in {m.name, *(m.aliases or ())}):
            return True  # what it is on: "tariffs on bourbon"
        if m.type == "Policy" and AMOUNT_IN.search(sv.text[:m.start - sv.start]):
            return True  # a sum says which: "designated $350 million in forgivable loans"
        if sv.parse is not None:  # what it is about: "a customs pact", "the steel quota" (a noun, not a quality)
            whose = [(x.start, x.end) for x in sv.mentions if x.type == "Country" and m.type == "Policy" and x is not m]
            toks = [t for t in sv.tokens if m.start <= sv.start + t.idx < m.end
                    and not any(a <= sv.start + t.idx < b for a, b in whose)]  # "U.S." says whose, not which
            if any(t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("compound", "nmod") and t.lower_ != head_word.lower()
                   and t.lemma_.lower() not in GENERIC_TOPICS and not _adjective_compound(t) for t in toks):
                return True
            if any(t.dep_ == "prt" and t.i > 1 and t.nbor(-1).text == "-" for t in toks):
                return True  # a noun made of a phrasal verb, however parsed: "a nuclear phase-out policy"
        for x in sv.mentions:
            if x is m or x.source == "pattern":
                continue
            if m.start <= x.start and x.end <= m.end and (not x.adjective or measure or x.type == "Sector") \
                    and (measure or m.type != "Policy" or x.type != "Country"):
                # an entity inside it ("the steel quota", "Japanese export restrictions", "a Korea-Chile trade
                # agreement"); a country alone does not say which policy or strategy: "U.S. trade policy"
                return True
        if sv.parse is not None:  # what it is on or does: "restrictions on materials used to make chips"
            toks = [t for t in sv.tokens if m.start <= sv.start + t.idx < m.end]
            if toks:
                head = toks[-1]
                right = [t for c in head.rights if c.dep_ in ("prep", "acl", "advcl", "xcomp") for t in c.subtree]
                if head.dep_ == "dobj":  # "imposed tariffs of 25 percent on wine": the "on" hangs from the verb
                    right += [t for c in head.head.rights if c.i > head.i and c.lower_ in ("on", "against", "into")
                              for t in c.subtree]
                if head.dep_ == "nsubj" and head.head.pos_ == "VERB":  # "new legislation aims to curb X's ..."
                    right += [t for c in head.head.rights if c.dep_ in ("xcomp", "dobj", "ccomp") for t in c.subtree]
                if right:
                    a = sv.start + min(t.idx for t in right)
                    b = sv.start + max(t.idx + len(t.text) for t in right)
                    if any(a <= x.start < b and x.source != "pattern" for x in sv.mentions):
                        return True
        return False

    def _regional_units(self, text: str, s: int, e: int, mentions: list[Mention]) -> list[Mention]:
        """'TSMC Arizona', 'Lotte Chemical USA' where the statistical NER did not take the whole name: a one-word
        firm the gazetteer knows, then only a place's name, is the firm's unit there (the gazetteer matcher leaves a
        known name that a capitalised word goes on alone)."""
        out = list(mentions)
        for mt in FIRM_THEN_PLACE.finditer(text, s, e):
            head, rest = mt.group("firm"), mt.group("place")
            if head not in self.ner.firm_heads or not self.ner.regional_unit(rest) \
                    or any(m.start < mt.start("place") and mt.start() < m.end and m.type != "USState" and
                           m.type != "Country" for m in out):
                continue
            inside = [m for m in out if mt.start() <= m.start and m.end <= mt.end()]
            after = re.match(r"[ \u00a0]+([a-z]+)", text[mt.end():mt.end() + 30])
            said = IS_A_KIND.match(text, mt.end(), min(e, mt.end() + 80))
            if not all(m.type in ("USState", "Country") for m in inside) or (
                    after and self.lex.head_type_word(after.group(1))) or (
                    said and self.lex.head_type_word(said.group(1).split()[-1]) == "Facility"):
                continue  # ("the Samsung Texas fab", "TSMC Arizona is a manufacturing complex": a plant, no unit)
            name = f"{head} {rest}"
            out = [m for m in out if m not in inside] + [
                Mention(mt.start(), mt.end(), name, "Firm", entity_id("Firm", name), name, "ner", aliases={name})]
        return sorted(out, key=lambda m: m.start)

    def _titled_persons(self, text: str, s: int, e: int, mentions: list[Mention]) -> list[Mention]:
        """'Secretary of Transportation Pete Buttigieg', 'Governors Andy Beshear and Bill Lee', 'China's
        ambassador to Australia, Cheng Jingye', 'his Philippine counterpart, Alfredo Espinosa Pascual': the names a
        title introduces are people, whatever the statistical NER made of them."""
        out: list[Mention] = []
        # ("Ana Soto, the chief executive of Velkor,": a name the title after it says is a person's)
        titled = [mt for pattern in (TITLED_NAMES, NAME_THEN_TITLE) for mt in pattern.finditer(text, s, e)]
        for mt in titled:
            names, at = mt.group("names"), mt.start("names")
            if mt.re is NAME_THEN_TITLE:
                if re.search(r"[A-Z][\w.’'-]*\s$", text[max(s, at - 40):at]):
                    continue  # ("the European Council Mark Dalton, Vice President of": the name's start is unsure)
                honorific = re.match(r"(?:Sir|Dame|Lord|Lady|Dr|Mr|Mrs|Ms)\.? ", names)
                if honorific:  # ("Sir Chris Bryant, Minister of State at ...": the name, not the honour)
                    names, at = names[honorific.end():], at + honorific.end()
            office = (mt.groupdict().get("office") or "").split()
            # "Secretary of the Navy Carlos Del Toro": the office's words end where a body's name ends, the rest
            # is the person's given name (the pattern alone would take "Navy Carlos" for the office)
            known = next((k for k in range(len(office) - 1, 0, -1)
                          if self.structural.body_for(" ".join(office[:k])) is not None), None)
            if known is not None and mt.group(0).split()[0] in ("Secretary", "Minister", "secretary", "minister") \
                    and PERSON_NAME.fullmatch(" ".join(office[known:]) + " " + names):
                at = mt.start("office") + len(" ".join(office[:known])) + 1
                names = text[at:mt.end("names")]
            elif office and any(w in self.lex.person_titles for w in names.split()):
                # "Minister of Trade Agus Suparmanto and South Korean Minister ...": the office ran on into the
                # name and past it; the name is the office's last words before its "and"
                head = " ".join(office).split(" and ")[0].split()
                k = next((k for k in range(len(head) - 2, 0, -1) if PERSON_NAME.fullmatch(" ".join(head[k:]))), None)
                if k is not None:
                    at = mt.start("office") + len(" ".join(head[:k])) + 1
                    names = " ".join(head[k:])
            for nm in PERSON_NAME.finditer(names):
                a = at + nm.start()
                b = a + len(nm.group(0))
                name = nm.group(0)
                if any(m.start < b and a < m.end for m in mentions + out) or any(
                        w in self.lex.person_titles for w in name.split()):
                    continue  # ("his counterpart, Foreign Minister Wang": the title's words are no name)
                if any(name.split()[-1] in ends for t, ends in self.lex.name_endings.items() if t != "Person"):
                    continue  # "administrator of the Small| Business Administration": the body's name, no person
                out.append(Mention(a, b, name, "Person", entity_id("Person", name), name, "ner", aliases={name}))
        return out

    @staticmethod
    def _nicknamed_persons(text: str, s: int, e: int, mentions: list[Mention]) -> list[Mention]:
        """'Junghoon "Jay" Lee': one person, named without the nickname (which stays an alias), whom the statistical
        NER reads as two."""
        out = []
        for mt in NICKNAMED.finditer(text, s, e):
            if any(m.start < mt.end() and mt.start() < m.end for m in mentions):
                continue
            name = f"{mt.group('first')} {mt.group('last')}"
            out.append(Mention(mt.start(), mt.end(), mt.group(0), "Person", entity_id("Person", name), name, "ner",
                               aliases={name, mt.group(0), f"{mt.group('nick')} {mt.group('last')}"}))
        return out

    def _firms_before_persons(self, text: str, found: list[Mention], mentions: list[Mention]) -> list[Mention]:
        """The NER's names, a firm's cut where a person's name a title introduced begins: in "President of Ingalls
        Shipbuilding Brian Blanchette" it ran the firm on into the person (the titles between go too)."""
        out = []
        for f in found:
            person = next((p for p in mentions if p.type == "Person" and p.end == f.end and f.start < p.start), None)
            words = text[f.start:person.start].split() if f.type == "Firm" and person is not None else []
            while words and words[-1].strip(",") in self.lex.person_titles:
                words.pop()
            if len(words) >= 2:  # (not "Commerce" of "Secretary of Commerce Gina Raimondo": an office's word)
                short = " ".join(words).rstrip(",")
                f = Mention(f.start, f.start + len(short), short, "Firm", entity_id("Firm", short), short, "ner",
                            aliases={short})
            out.append(f)
        return out

    def _common_ministries(self, text: str, s: int, e: int, mentions: list[Mention]) -> list[Mention]:
        """'Japan's trade ministry', 'Chile's defense ministry': a country's ministry or department written
        as common nouns is that country's body: the gazetteer's where the country is one its names say, else a
        body named with the country ("Japanese trade ministry")."""
        out = list(mentions)
        for mt in COMMON_MINISTRY.finditer(text, s, e):
            country = next((m for m in mentions if m.type == "Country" and m.end <= mt.start()
                            and NATIONAL_BODY.fullmatch(text[m.end:mt.start()])), None)
            inside = [m for m in out if m.start < mt.end() and mt.start() < m.end]
            if country is None or any(m.type != "Sector" for m in inside):
                continue
            out = [m for m in out if m not in inside]  # "defense" in "Chile's defense ministry" names the body
            field_, kind = mt.group(1).title(), mt.group(2).lower()
            body = self.structural.body_for(field_, "Minister" if kind == "ministry" else "Secretary")
            if body is not None and self._countrys_body(body, country):
                out.append(Mention(mt.start(), mt.end(), mt.group(0), body.type, body.id, body.name, "coref",
                                   wikidata=body.wikidata))
            else:
                name = f"{owner_word(country, self.gazetteer_by_id.get(country.id))} {mt.group(1).lower()} {kind}"
                out.append(Mention(mt.start(), mt.end(), mt.group(0), "GovernmentBody",
                                   entity_id("GovernmentBody", name), name, "ner", aliases={name}))
        return out

    def _countrys_body(self, body: Any, country: Mention) -> bool:
        """Whether the gazetteer's body is the country's: its names say the country ('South Korean Ministry of
        Trade')."""
        entry = self.gazetteer_by_id.get(body.id)
        forms = (country.name, *(self.gazetteer_by_id[country.id].adjectives if country.id in self.gazetteer_by_id
                                 else ()))
        return entry is not None and any(f in n for n in (entry.name, *entry.aliases) for f in forms)

    def _prefixed_names(self, text: str, s: int, e: int, mentions: list[Mention]) -> list[Mention]:
        """'The Port of Savannah', 'the Ministry of Oceans and Fisheries': a name its first words type
        (lexicon.toml [name_prefixes]) is that entity, though the statistical NER missed or split it; a sector
        inside the name ("Fisheries") is part of it."""
        out = list(mentions)
        for mt in self._prefixed_name.finditer(text, s, e):
            a, b, name = mt.start(), mt.end(), mt.group(0)
            type_ = next(t for t, starts in self.lex.name_prefixes.items() if any(name.startswith(p + " ")
                                                                                    for p in starts))
            inside = [m for m in out if m.start < b and a < m.end]
            other = [m.start for m in inside if not (a <= m.start and m.end <= b and m.type == "Sector")]
            if other:  # "the Ministry of Mines of Chile": the name ends before another's name
                cut = re.search(r"(?:,?\s+(?:and|&)|,|\s+of(?:\s+the)?)\s*$", text[a:min(other)])
                if not cut or min(other) <= a or " " not in text[a:a + cut.start()].strip():
                    continue
                b = a + cut.start()
                name = text[a:b]
                inside = [m for m in out if m.start < b and a < m.end]
                if any(not (a <= m.start and m.end <= b and m.type == "Sector") for m in inside) or not any(
                        name.startswith(p + " ") and len(name) > len(p) + 1 for p in self.lex.name_prefixes[type_]):
                    continue
            out = [m for m in out if m not in inside]
            # "the Chilean Ministry of Mines": one country's ministry is not another's
            whose = next((m.text for m in out if m.type == "Country" and m.adjective and m.end < a
                          and not text[m.end:a].strip()), "")
            # (or its possessive: "Norway's Ministry of Environment" is the Norwegian one, not a namesake's)
            owner = next((m for m in out if m.type == "Country" and not m.adjective and m.end < a
                          and re.fullmatch(r"[’']s\s+(?:own\s+)?", text[m.end:a])), None) if not whose else None
            if owner is not None and type_ == "GovernmentBody":
                whose = owner_word(owner, self.gazetteer_by_id.get(owner.id)) or ""
            state = self._state_before(text, max(s, a - 40), a) if type_ == "GovernmentBody" and not whose else None
            if state is not None:  # "the Georgia Department of Economic Development": a state's own body, named
                a, name = state, text[state:b]  # with the state
            full = f"{whose} {name}" if whose and type_ == "GovernmentBody" else name
            out.append(Mention(a, b, name, type_, entity_id(type_, full), full, "ner", aliases={name, full}))
        return out

    def _state_before(self, text: str, lo: int, at: int) -> int | None:
        """Where a U.S. state's name ends right before `at` ("New York |Department of Labor") starts, or None."""
        words = STATE_BEFORE.search(text, lo, at)
        if words is None:
            return None
        names = words.group(1).split()
        for k in range(len(names), 0, -1):
            if " ".join(names[-k:]) in self.ner.state_forms:
                return at - 1 - len(" ".join(names[-k:]))
        return None

    def _korean_names(self, text: str, s: int, e: int, mentions: list[Mention]) -> list[Mention]:
        """'Son Jae-il', 'Oh Sang-min', 'Dong-su Park': a Korean family name (lexicon.toml [person_names]) beside
        a hyphenated given name is a person, though the statistical NER reads "Son" or "Oh" as a word."""
        out: list[Mention] = []
        if text.find("-", s, e) < 0:
            return out  # (every such name has a hyphen)
        at = s
        while (mt := KOREAN_NAME.search(text, at, e)) is not None:
            at = mt.start() + 1  # (on from the next character: "Energy Chang-Yang Lee" holds "Chang-Yang Lee")
            if (mt.group("family") or mt.group("family2")) not in self.lex.korean_surnames:
                continue
            at = mt.end()
            first, _, given = mt.group(0).split()[0].partition("-")
            if mt.group("family2") and (first.lower() in HYPHEN_PREFIXES or (
                    len(given) > 2 and given.islower() and is_word(given))):
                continue  # "Co-chair Kim", "Post-war Han": an English word, no given name ("Won-ho Joo", "Chang-Yang
                # Lee" are)
            a, b = mt.start(), mt.end()
            if any(m.start < b and a < m.end for m in mentions + out):
                continue
            name = mt.group(0)
            out.append(Mention(a, b, name, "Person", entity_id("Person", name), name, "ner", aliases={name}))
        return out

    def _offices(self, text: str, s: int, e: int, mentions: list[Mention]) -> list[Mention]:
        """'The Secretary of Commerce initiated ...', 'the Commerce Secretary said': an office named without its
        holder acts for its department or ministry."""
        out = []
        for mt in OFFICE.finditer(text, s, e):
            dept = mt.group("dept") or mt.group("dept2")
            end = mt.end()
            if mt.group("dept") and " and " in dept and self.structural.body_for(dept, mt.group(0)) is None:
                # ("Minister of Foreign Affairs, and Donald Johnston": a list goes on past the title, no fields of it)
                dept = dept.split(",")[0].split(" and ")[0]
                end = mt.start("dept") + len(dept)
            after = text[end:end + 40]
            if re.match(r",?\s+(?:[A-Z][a-z]+\s){0,2}[A-Z][a-z]+", after) and not re.match(r"\s+(?:The|In|On)\b", after):
                continue  # "Secretary of Commerce Gina Raimondo": the person, read by the title rules
            if re.search(r"\bof\s+(?:the\s+)?$", text[max(s, mt.start() - 12):mt.start()]):
                continue  # "the Office of the Secretary of Defense": a bigger name holds the title
            body = self.structural.body_for(dept.replace(", and ", " and "), text[mt.start():end])
            country = next((m for m in mentions if m.type == "Country" and m.end <= mt.start()
                            and NATIONAL_BODY.fullmatch(text[m.end:mt.start()])), None) or next(
                (m for m in mentions if m.type == "Country" and not m.adjective and m.start >= end
                 and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[end:m.start])), None)  # ("Minister of Trade of Chile")
            if body is not None and country is not None and not self._countrys_body(body, country):
                continue  # ("Chilean Minister of Trade X": Chile's office, not the gazetteer's Korean ministry)
            # (the department's own short name inside the office, "Commerce" in "Secretary of Commerce", gives way,
            # as does a field the ministry's name lists: "energy" in "Minister of Trade, Industry and Energy")
            if body is None or any(m.start < end and mt.start() < m.end and not (
                    (m.id == body.id or m.type == "Sector") and mt.start() <= m.start and m.end <= end)
                    for m in mentions):
                continue
            out.append(Mention(mt.start(), end, text[mt.start():end], body.type, body.id, body.name, "coref",
                               wikidata=body.wikidata))
        return out

    @staticmethod
    def _inferences(cands: list[Candidate], text: str = "") -> list[Candidate]:
        extra = []
        signed_only = NOT_RATIFIED.search(text) is not None
        for c in cands:
            pred = INFERENCES.get(c.predicate)
            # a signatory is a party, except where the sentence says it has signed but not ratified
            if pred and c.subject.type in ("Country", "InternationalOrganization") and c.rule != "agreement-between" \
                    and not (signed_only and c.predicate == "SIGNS"):
                extra.append(Candidate(c.subject, pred, c.object, {}, c.confidence * 0.9, c.sentence,
                                       "inferred-" + c.predicate.lower()))
        return extra

    def _record(self, facts: DocumentFacts, index: int, s: int, e: int, mentions: list[Mention],
                cands: list[Candidate]) -> None:
        doc = facts.doc
        rs, re_, quote = doc.quote(s, e)
        facts.sentences.append({"doc": doc.id, "index": index, "start": rs, "end": re_, "text": quote})
        seen = set()
        mentions = list(mentions) + [m.also for m in mentions if m.also is not None] + self._nested_countries(mentions)
        for m in mentions:
            self._entity(facts, m)
            if m.id not in seen:
                seen.add(m.id)
                facts.mentions.append({"doc": doc.id, "sentence_index": index, "entity_id": m.id})
        if quote:
            self._record_relations(facts, s, e, cands)

    def _record_relations(self, facts: DocumentFacts, s: int, e: int, cands: list[Candidate]) -> None:
        """The candidates as relations, with the sentence at s:e as their evidence."""
        doc = facts.doc
        rs, re_, quote = doc.quote(s, e)
        ev = Evidence(doc.id, rs, re_, quote)
        for c in cands:
            self._entity(facts, c.subject)
            self._entity(facts, c.object)
            subj, obj = c.subject.id, c.object.id
            if subj == obj:
                continue  # (no entity stands in a relation to itself: what an official does for the country they
                # meet is no fact of the country's with itself)
            if c.predicate in self.symmetric and obj < subj:
                subj, obj = obj, subj
            # only the qualifiers the ontology declares for the predicate: a place or a membership has no year
            props = {k: v for k, v in c.props.items() if k in self.qualifiers.get(c.predicate, ())}
            if isinstance(props.get("role"), str):  # one spelling of a title: "chief executive" is "Chief executive"
                props["role"] = props["role"][:1].upper() + props["role"][1:]
            facts.relations.append(Relation(subj, c.predicate, obj, props, c.confidence, [ev]))
            if TRACE:  # development: which rule stated which fact (POLICYGRAPH_TRACE_RULES=<file>)
                with open(TRACE, "a", encoding="utf-8") as fh:
                    fh.write(f"{doc.id}\t{subj}\t{c.predicate}\t{obj}\t{c.rule}\n")

    def _nested_countries(self, mentions: list[Mention]) -> list[Mention]:
        """'the U.S. Department of Commerce', 'Korea's Ministry of Trade': the country a body's name opens with is
        named too (recorded as mentioned, not an actor of the sentence)."""
        out = []
        for m in mentions:
            if m.type == "GovernmentBody" and not m.adjective and m.source != "coref":
                out += [replace(h, start=m.start + h.start, end=m.start + h.end, adjective=True)
                        for h in self.parties.find(m.text) if h.type == "Country" and h.start == 0]
        return out

    def _entity(self, facts: DocumentFacts, m: Mention) -> None:
        ent = facts.entities.get(m.id)
        if ent is None:
            entry = self.gazetteer_by_id.get(m.id)
            aliases = set(entry.aliases) if entry is not None else set()
            ent = Entity(m.id, m.name, m.type, aliases | {m.name}, {facts.doc.id}, m.wikidata,
                         "gazetteer" if entry is not None else m.source)
            facts.entities[m.id] = ent
        if m.owners:
            facts.owners.setdefault(m.id, set()).update(m.owners)
        if not m.adjective and m.source != "coref":
            ent.aliases.add(re.sub(r"\s+", " ", m.text).strip())
            ent.aliases |= set(getattr(m, "aliases", set()) or ())


class _NewFacts:
    """The facts an inference adds to a sentence's candidates, each once and none the sentence already has."""

    def __init__(self, cands: list[Candidate]) -> None:
        self.have = {(c.subject.id, c.predicate, c.object.id) for c in cands}
        self.out: list[Candidate] = []

    def add(self, subj: Mention, predicate: str, obj: Mention, source: Candidate, rule: str,
            props: dict | None = None) -> None:
        key = (subj.id, predicate, obj.id)
        if key not in self.have:
            self.have.add(key)
            self.out.append(Candidate(subj, predicate, obj, props or {}, source.confidence * 0.9, source.sentence,
                                      rule))


# verbs of holding a facility: "X has plants in A and B", "X operates a mill in C" (not "X sold its plant in D")
HOLDING_VERBS = frozenset({"have", "operate", "run", "own", "maintain"})


def _held(sv: SentenceView, facility: Mention) -> bool:
    """Whether the facility is the object of a verb of holding."""
    toks = tokens_of(sv, facility)
    head = next((t for t in toks if t.head not in toks or t.head.i == t.i), None)
    while head is not None and head.dep_ == "conj" and head.head.i != head.i:  # ("has assembly and ... facilities")
        head = head.head
    return head is not None and head.dep_ == "dobj" and head.head.lemma_.lower() in HOLDING_VERBS


def _aimed_at_each_other(sv: SentenceView, measure: Mention) -> bool:
    """'tariffs on each other's steel', 'imposed restrictions on each other', 'Each side has imposed restrictions on
    the other': the measure's words, or what it or its verb is "on" or "against", are the sides' mutual."""
    if sv.parse is None:
        return False
    words = tokens_of(sv, measure)
    if not words:
        return False
    head = words[-1]
    aimed = [p for c in (*head.children, *head.head.children) if c.dep_ == "prep" and c.lower_ in ("on", "against")
             for p in c.children if p.dep_ == "pobj"]
    owners = [c for p in aimed for c in p.children if c.dep_ == "poss"]  # ("on each other's steel")
    return any(reciprocal(t) for t in words + aimed + owners) or any(
        t.lower_ == "other" and any(c.lower_ == "the" for c in t.children) for t in aimed)


def _owners_invest(sv: SentenceView, cands: list[Candidate]) -> list[Candidate]:
    """"X's factories in Ohio", "X's Georgia plant", "X has plants in Ohio and Peru" (the owner the grammar gives
    the facility, constructions._facility_owners): a firm whose facility stands in a place put money there."""
    new = _NewFacts(cands)
    for c in cands:
        if c.predicate != "LOCATED_IN" or c.subject.type != "Facility" or c.object.type not in ("USState", "Country"):
            continue
        # "X acquired Y's shipyard in Mobile, Alabama": who puts money in the facility puts it where it stands
        # (first: the act's year and sum go with it)
        for i in cands:
            if i.predicate == "INVESTS_IN" and i.object.id == c.subject.id and i.subject.type == "Firm":
                new.add(i.subject, "INVESTS_IN", c.object, i, "facility-place", dict(i.props))
        # "X plans to break ground on a plant in Cartersville, Georgia", "X will expand production at its facility
        # in Dalton, Georgia": a firm that puts money in a place through a facility there (of no other firm) puts
        # it in the facility
        for i in cands:
            if i.predicate == "INVESTS_IN" and i.object.id == c.object.id and i.subject.type == "Firm" \
                    and i.subject.start < c.subject.start and (not c.subject.owners or i.subject.id in c.subject.owners) \
                    and not POSSESSIVE_GAP.fullmatch(sv.text[i.subject.end - sv.start:c.subject.start - sv.start]):
                # (not one only said to be the firm's: "like Hyundai's plant in Alabama"; the firm's partner in the
                # sentence puts money in it too: "X's partnership with Y amounting to $11 billion for plants in Z")
                partners = [p.object if p.subject.id == i.subject.id else p.subject for p in cands
                            if p.predicate == "PARTNERS_WITH" and i.subject.id in (p.subject.id, p.object.id)]
                for firm in [i.subject] + [p for p in partners if p.type == "Firm"]:
                    new.add(firm, "INVESTS_IN", c.subject, i, "place-facility", dict(i.props))
        held = _held(sv, c.subject)
        if any(bought(t) for t in tokens_of(sv, c.subject)):
            continue  # "X will acquire Norvex's plant in Ohio": the owner named sells it, puts no money there
        for f in sv.mentions:
            if f.type == "Firm" and (f.end <= c.subject.start and POSSESSIVE_GAP.fullmatch(
                    sv.text[f.end - sv.start:c.subject.start - sv.start]) or f.id in c.subject.owners
                    and not f.adjective and held):
                new.add(f, "INVESTS_IN", c.object, c, "facility-owner")
    return new.out


# what an official does in office, the office does: "USTR Robert Lighthizer negotiated X", "Commerce Secretary
# Ross imposed tariffs"; and an administration's diplomacy is its leader's (not what a person is: LEADS, LOCATED_IN)
OFFICE_ACTS = frozenset({"NEGOTIATES", "SIGNS", "IMPOSES", "RATIFIES", "WITHDRAWS_FROM", "RETALIATES_AGAINST",
                         "REGULATES", "PARTNERS_WITH", "COOPERATES_WITH"})
# what an administration does that its leader does in person: diplomacy (a measure "the Obama administration
# imposed" is the country's, see tests/test_constructions.py)
LEADER_ACTS = frozenset({"NEGOTIATES", "SIGNS", "RATIFIES", "WITHDRAWS_FROM"})


# what a head of state or government does for the country: "President X signed the treaty" (the country signs)
HEAD_ACTS = frozenset({"NEGOTIATES", "SIGNS", "RATIFIES", "WITHDRAWS_FROM", "IMPOSES"})


def _office_acts(cands: list[Candidate], model: Any, leads: dict | None = None) -> list[Candidate]:
    """What officials do in office their office, and heads of state their country, does. `leads`: the country the
    document says each person leads, for a head referred to by the title alone ("The President also imposed ...")."""
    offices: dict[str, list[Mention]] = {}
    heads: dict[str, list[Mention]] = {}
    for c in cands:  # the office the sentence gives a person by a title ("USTR X", "X, the Secretary of ...")
        if c.predicate == "LEADS" and c.subject.type == "Person" and c.object.type == "GovernmentBody":
            offices.setdefault(c.subject.id, []).append(c.object)
        elif c.predicate == "LEADS" and c.subject.type == "Person" and c.object.type == "Country":
            heads.setdefault(c.subject.id, []).append(c.object)  # "President X", "Prime Minister Y"
    for c in cands:
        country = (leads or {}).get(c.subject.id) if c.subject.source == "coref" and c.subject.type == "Person" else None
        if country is not None:
            heads.setdefault(c.subject.id, [country])
    new = _NewFacts(cands)
    for c in cands:
        leader = getattr(c.subject, "also", None)  # "the Trump Administration negotiated X": Trump did too
        if c.predicate in LEADER_ACTS and leader is not None and leader.type == "Person" \
                and c.object.type in ("Agreement", "Policy", "Law") \
                and model.allows(c.predicate, leader.type, c.object.type):
            new.add(leader, c.predicate, c.object, c, "administration-leader", dict(c.props))
        for body in offices.get(c.subject.id, ()) if c.predicate in OFFICE_ACTS else ():
            if body.id != c.object.id and model.allows(c.predicate, body.type, c.object.type):
                new.add(body, c.predicate, c.object, c, "office-acts", dict(c.props))
        for country in heads.get(c.subject.id, ()) if c.predicate in HEAD_ACTS else ():
            if country.id != c.object.id and c.object.type in ("Agreement", "Policy") \
                    and model.allows(c.predicate, country.type, c.object.type):
                new.add(replace(country, adjective=False), c.predicate, c.object, c, "head-acts", dict(c.props))
    return new.out


# a leader under whom a country acts: "under the conservative Lee Myung-bak government", "under President Park"
UNDER_BEFORE = re.compile(rf"\bunder\s+(?:the\s+)?(?:[a-z-]+\s+)?(?P<title>(?:then-)?{HEAD_TITLE_WORDS}\s+)?$")


def _under_leaders(sv: SentenceView, cands: list[Candidate]) -> list[Candidate]:
    """'South Korea launched negotiations on X in 2012 under the Lee Myung-bak government': the leader the country
    acts under does its diplomacy too (as an administration's is its leader's)."""
    if "under" not in sv.text:
        return []
    new = _NewFacts(cands)
    for m in sv.mentions:
        # (the government named after its leader is read as the country, the leader kept: "the Lee Myung-bak
        # government"; a gazetteer alias may hold the title: "President Park Geun-hye")
        p = m.also if m.type == "Country" and m.also is not None and m.also.type == "Person" else m
        before = UNDER_BEFORE.search(sv.text[max(0, m.start - sv.start - 60):m.start - sv.start])
        if p.type != "Person" or before is None or not (
                before.group("title") or m is not p or re.match(HEAD_TITLE_WORDS + r"\s", m.text)
                or administration_end(sv.text, m.start - sv.start, m.end - sv.start) is not None):
            continue
        led = {c.object.id for c in cands if c.predicate == "LEADS" and c.subject.id == p.id
               and c.object.type == "Country"} | ({m.id} if m is not p else set())
        for c in cands:
            if c.predicate in LEADER_ACTS and c.subject.type == "Country" and c.subject.id in led \
                    and c.object.type == "Agreement":
                new.add(p, c.predicate, c.object, c, "under-leader", dict(c.props))
    return new.out


# an envoy's title around their country: "the Ambassador of Japan to the United States, X", "Japan's ambassador X",
# "Japanese Ambassador X"
_POSTED_TO = r"(?:\s+to\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)?\s*,?\s+"
ENVOY_OF = re.compile(r"\b(?:[Aa]mbassador|[Ee]nvoy)\s+(?:of|from)\s+(?:the\s+)?$")
ENVOY_AFTER = re.compile(r"(?:['’]s)?\s+(?:[Aa]mbassador|[Ee]nvoy)" + _POSTED_TO)
# what an envoy does for their country (a treaty act; an ambassador leads nothing)
ENVOY_ACTS = frozenset({"SIGNS", "NEGOTIATES"})


def _envoy_acts(sv: SentenceView, cands: list[Candidate]) -> list[Candidate]:
    """'the Ambassador of Japan to the United States Shinsuke Sugiyama signed X': the envoy's country signs."""
    new = _NewFacts(cands)
    for c in cands:
        if c.predicate not in ENVOY_ACTS or c.subject.type != "Person":
            continue
        for country in (m for m in sv.mentions if m.type == "Country" and m.end <= c.subject.start):
            before, gap = sv.text[:country.start - sv.start], sv.text[country.end - sv.start:c.subject.start - sv.start]
            if (ENVOY_OF.search(before) and re.fullmatch(_POSTED_TO, gap)) or ENVOY_AFTER.fullmatch(gap):
                new.add(replace(country, adjective=False), c.predicate, c.object, c, "envoy-acts", dict(c.props))
    return new.out


def _foreign_presence(cands: list[Candidate], gazetteer_by_id: dict) -> list[Candidate]:
    """A foreign firm located in a U.S. state has invested there ("Hanwha Q Cells' plant in Georgia", "SK hynix,
    in West Lafayette, Indiana"): the gazetteer knows the firm's home country, the text says where it stands."""
    new = _NewFacts(cands)
    for c in cands:
        if c.predicate != "LOCATED_IN" or c.subject.type != "Firm" or c.object.type != "USState":
            continue
        home = getattr(gazetteer_by_id.get(c.subject.id), "country", None)
        if home and home != US_ID:
            new.add(c.subject, "INVESTS_IN", c.object, c, "foreign-presence")
    return new.out


STATE_IN_COUNTRY = "state-in-country"
# what a country's body does for the country: a ministry's measure is the country's, a parliament's ratification too
NATIONAL_ACTS = frozenset({"IMPOSES", "RATIFIES"})
# a ratification the sentence denies: "signed but not ratified", "did not ratify", "has yet to ratify", "unratified"
NOT_RATIFIED = re.compile(r"\b(?:not|never|yet\s+to)\s+(?:yet\s+)?(?:been\s+)?ratif(?:y|ies|ied)\b|\bunratified\b",
                          re.IGNORECASE)
# what an official does for the country that names them: "Chilean Trade Minister Ana Ruiz signed the accord"
OFFICIAL_ACTS = frozenset({"SIGNS", "NEGOTIATES", "RATIFIES", "WITHDRAWS_FROM"})
# an official's title right before the name, after the country's name or adjective: "'s Industry Minister ",
# " Commerce Secretary ", " Trade Representative "
# (or with its portfolio after it: "Japanese Minister for Economic Revitalization ")
OFFICIAL_TITLE = re.compile(r"(?:[’']s)?\s+(?:[A-Z][\w.-]*\s+){0,3}(?:Minister|Secretary|Representative|Ambassador|"
                            r"President|Premier|Chancellor|Envoy|Negotiator|Commissioner|[Cc]ounterpart)"
                            r"(?:\s+(?:of|for)(?:\s+(?:and\s+)?[A-Z][\w-]*,?){1,5})?\s+$")


def _invests_in_states_country(cands: list[Candidate], gazetteer_by_id: dict) -> list[Candidate]:
    """Money a foreign firm or country puts into a U.S. state it puts into the United States ("Velkor's $2 billion
    plant in Ohio"). The state's mention is the evidence; the sum is the same money (the roll-ups count one
    investor's sum stated in one sentence once; it is not marked joint)."""
    us = gazetteer_by_id.get(US_ID)
    new = _NewFacts(cands)
    for c in cands:
        if c.predicate != "INVESTS_IN" or c.object.type != "USState" or us is None:
            continue
        home = c.subject.id if c.subject.type == "Country" else getattr(gazetteer_by_id.get(c.subject.id), "country",
                                                                       None)
        if not home or home == US_ID:
            continue  # (an American firm's or an unknown firm's money says nothing of foreign investment)
        # (named as the country, not as the state's words: "Texas" is no alias of the United States)
        country = replace(c.object, type="Country", id=US_ID, name=us.name, text=us.name, source="gazetteer",
                          wikidata=us.wikidata, adjective=False, aliases=set())
        sums = {x.props.get("amount_usd") for x in cands if x.predicate == "INVESTS_IN" and x.subject.id == c.subject.id
                and x.object.type == "USState"}
        keep = ("year", "status") + (("amount_usd",) if len(sums) == 1 else ())  # ($1 billion in A, $2 billion in B:
        props = {k: v for k, v in c.props.items() if k in keep}  # no one sum for the country is stated)
        new.add(c.subject, "INVESTS_IN", country, c, STATE_IN_COUNTRY, props)
        for x in cands:  # (the sentence named the country in another way, with no sum: the state's sum is its)
            if (x.subject.id, x.predicate, x.object.id) == (c.subject.id, "INVESTS_IN", US_ID) \
                    and "amount_usd" not in x.props and "amount_usd" in props:
                x.props["amount_usd"] = props["amount_usd"]
    return new.out


# words that make a measure an answer to another's: "in response to X's tariffs", "in retaliation", "retaliatory
# tariffs", "hit back at X with duties", "responded by banning ..."
RETALIATION_CUE = re.compile(r"\b(?:(?P<phrase>(?:in|as)\s+(?:an?\s+)?(?:response|retaliation|reprisal|protest))|"
                             r"(?P<adj>retaliatory|tit[- ]for[- ]tat|counter-?(?:tariffs?|duties|measures|sanctions))|"
                             r"(?P<verb>(?:hit(?:s|ting)?|str(?:uck|ikes?|iking)|fought|fights?)\s+back|"
                             r"respond(?:ed|s|ing)?\s+(?:by|to|with)|counter(?:ed|s|ing)?\s+(?:by|with)|"
                             r"retaliat(?:e|ed|es|ing)))\b", re.IGNORECASE)
# acts that cut ties, which answer another's act as a measure of trade does: "closed the joint industrial park in
# response to X's nuclear test"
CUTTING_OFF = frozenset({"closure", "shutdown", "suspension", "halt", "freeze", "expulsion", "removal"})
# the phrase that names what is answered: "in response to Chile's tariffs,", "(a move seen) as retaliation for"
# ("hit back at Chile with duties", "responded to Chile's tariffs with duties")
ANSWERED = re.compile(r"\b(?:(?:in|as)\s+(?:an?\s+)?(?:response|retaliation|reprisal|protest)\s+(?:to|for|against|over)|"
                      r"(?:hit(?:s|ting)?|str(?:uck|ikes?|iking))\s+back\s+(?:at|against)|respond(?:ed|s|ing)?\s+to)\s+"
                      r"([^,;]+?)(?=\s+(?:with|by)\b|[,;]|$)",
                      re.IGNORECASE)


# what an instrument does when it imposes: "a proclamation imposing tariffs on X", "an order placing duties on Y"
IMPOSING_PARTICIPLES = frozenset({"impose", "place", "levy", "set", "establish", "introduce", "raise"})


RENEGOTIATING = re.compile(r"\b(?:renegotiat\w*|re-negotiat\w*|revis(?:e|ed|ing|ion)|updat(?:e|ed|ing))\s+(?:of\s+)?"
                           r"(?:the\s+)?$", re.IGNORECASE)


def _renegotiated(sv: SentenceView, cands: list[Candidate]) -> list[Candidate]:
    """'began renegotiation of NAFTA with Canada and Mexico': an agreement renegotiated is in force, and those who
    renegotiate it are its parties."""
    new = _NewFacts(cands)
    for c in cands:
        if c.predicate == "NEGOTIATES" and c.object.type == "Agreement" and c.subject.type == "Country" \
                and RENEGOTIATING.search(sv.text[max(0, c.object.start - sv.start - 40):c.object.start - sv.start]):
            new.add(c.subject, "PARTY_TO", c.object, c, "renegotiated")
    return new.out


def _instrument_measures(sv: SentenceView, cands: list[Candidate]) -> list[Candidate]:
    """'Chile signed a proclamation imposing tariffs on Peruvian steel': who imposes the instrument imposes what the
    instrument imposes."""
    if sv.parse is None:
        return []
    new = _NewFacts(cands)
    for verb in sv.tokens:
        if verb.dep_ != "acl" or verb.tag_ != "VBG" or verb.lemma_.lower() not in IMPOSING_PARTICIPLES:
            continue
        at = sv.start + verb.head.idx
        instrument = {m.id for m in sv.mentions if m.type == "Policy" and m.start <= at < m.end}
        imposed = [m for c in verb.children if c.dep_ == "dobj" for m in sv.tok_mentions.get(c.i, [])
                   if m.type == "Policy" and m.id not in instrument]
        for i in cands:
            if i.predicate == "IMPOSES" and i.object.id in instrument:
                for m in imposed:
                    new.add(i.subject, "IMPOSES", m, i, "instrument-imposes", dict(i.props))
    return new.out


# what an instrument does to bring a measure in: "Resolution 2397 imposes sanctions on X", "which included sanctions"
INSTRUMENT_MEASURE_VERBS = MEASURE_MAKING | {"include", "contain", "set", "establish", "expand", "strengthen",
                                           "broaden", "widen", "extend", "tighten", "toughen", "reinforce"}


def _instrument_targets(sv: SentenceView, cands: list[Candidate]) -> list[Candidate]:
    """'UNSCR 2397 imposes new sanctions on North Korea', 'UNSCR 2375, which included sanctions on X': a
    resolution, an order or a law that brings a measure in targets what the measure is on."""
    if sv.parse is None:
        return []
    new = _NewFacts(cands)
    for c in cands:
        if c.predicate != "TARGETS" or c.subject.type != "Policy":
            continue
        toks = tokens_of(sv, c.subject)
        head = toks[-1] if toks else None
        if head is None or head.dep_ not in ("dobj", "nsubjpass") \
                or head.head.lemma_.lower() not in INSTRUMENT_MEASURE_VERBS:
            continue
        verb = head.head
        subjects = [ch for ch in verb.children if ch.dep_ == "nsubj"]
        instruments = [p for tok in subjects if tok.lower_ not in ("which", "that")
                       for p in sv.tok_mentions.get(tok.i, [])]
        for tok in (t for t in subjects if t.lower_ in ("which", "that")):
            # "UNSCR 2375 (2017), which included ...": the name the clause describes, right before it
            at = sv.start + tok.idx
            instruments += [p for p in sv.mentions if p.end <= at and re.fullmatch(
                r"\s*(?:\([^()]*\))?\s*,\s*", sv.text[p.end - sv.start:at - sv.start])]
        for p in instruments:
            if p.type in ("Policy", "Law") and p.id != c.subject.id and p.id != c.object.id:
                new.add(p, "TARGETS", c.object, c, "instrument-measure", dict(c.props))
    return new.out


def _goods_from(sv: SentenceView, cands: list[Candidate]) -> list[Candidate]:
    """'Chile imposed duties on washers from Peru': goods that come from a country into the one whose measure is on
    them are that country's exports to it."""
    new = _NewFacts(cands)
    for t in cands:
        if t.predicate != "TARGETS" or t.object.type != "Country" or t.object.adjective \
                or not re.search(r"\bfrom\s+(?:the\s+)?$", sv.text[:t.object.start - sv.start]):
            continue
        for i in cands:
            if i.predicate == "IMPOSES" and i.object.id == t.subject.id and i.subject.type == "Country" \
                    and i.subject.id != t.object.id:
                new.add(t.object, "EXPORTS_TO", i.subject, t, "goods-from")
    return new.out


def _retaliatory_measures(sv: SentenceView, cands: list[Candidate]) -> list[Candidate]:
    """'In response to Chile's tariffs, Peru imposed duties on Chilean copper', 'Peru imposed retaliatory tariffs
    on Chilean goods': a country whose measure answers another's retaliates against the country its measure
    targets, or whose act it answers."""
    cue = RETALIATION_CUE.search(sv.text)
    if not cue:
        return []
    new = _NewFacts(cands)
    answered = ANSWERED.search(sv.text)
    span = (sv.start + answered.start(1), sv.start + answered.end(1)) if answered else None
    for c in cands:
        if c.predicate != "IMPOSES" or c.subject.type != "Country":
            continue
        if span and span[0] <= c.object.start < span[1]:
            continue  # the measure answered ("in retaliation for Chile's duties") is not the answer
        if cue.group("verb") and not _acts_before(sv, c.subject, sv.start + cue.start()):
            continue  # "X imposed tariffs, and Y hit back": the one who hits back answers
        if not _trade_measure(c.object):
            continue  # a measure of trade answers; "deployed THAAD in response to threats" retaliates against no one
        against = [t.object for t in cands if t.predicate == "TARGETS" and t.subject.id == c.object.id
                   and t.object.type == "Country"]
        if not against:  # "a range of measures, including restrictions on tours to South Korea": its examples'
            against = [t.object for t in cands if t.predicate == "TARGETS" and t.object.type == "Country"
                       and _listed_after(sv, c.object, t.subject)]
        # whose measure named before it targets the answering country: "After Peru raised tariffs on Chilean wine,
        # Chile retaliated with duties on fishmeal"
        on_it = {t.subject.id for t in cands if t.predicate == "TARGETS" and t.object.id == c.subject.id}
        against += [i.subject for i in cands if i.predicate == "IMPOSES" and i.object.id in on_it
                    and i.subject.type == "Country" and i.object.start < c.object.start]
        if span:
            against += [m for m in sv.mentions if m.type == "Country" and span[0] <= m.start < span[1]]
        years = [t.props["year"] for t in cands if t.predicate == "IMPOSES" and "year" in t.props
                 and (t.subject.id, t.object.id) == (c.subject.id, c.object.id)]
        for country in against:
            if country.id != c.subject.id:
                new.add(c.subject, "RETALIATES_AGAINST", replace(country, adjective=False), c, "retaliatory-measure",
                        {"year": years[0]} if years else None)  # (the measure's year is the answer's)
    return new.out


# the links by which a measure is said to follow another's act: "sanctions on Korea after Seoul agreed to ...",
# "tariffs on Australian barley following Australia's call for an inquiry"
ANSWERING_LINKS = frozenset({"after", "following"})


def _answered_acts(sv: SentenceView, cands: list[Candidate]) -> list[Candidate]:
    """A country's measure of trade on another, taken after an act of that other country's, answers it: 'China
    imposed sanctions on South Korea after Seoul agreed to host THAAD' (China retaliates against South Korea). The
    act must be the other's own (the subject of the later clause, or the owner of the noun), and the measure on it."""
    if sv.parse is None or not any(t.lower_ in ANSWERING_LINKS for t in sv.tokens):
        return []
    new = _NewFacts(cands)
    for link in sv.tokens:
        if link.lower_ not in ANSWERING_LINKS:
            continue
        if link.dep_ == "mark" and link.head.dep_ == "advcl":  # "after Seoul agreed to ...": the clause's subject
            verb, actors = link.head.head, [c for c in link.head.children if c.dep_ == "nsubj"]
        elif link.dep_ == "prep" and link.head.pos_ in ("VERB", "AUX", "NOUN"):  # "following Australia's call"
            verb = link.head  # (or the measure's noun the parser hangs it from)
            actors = [x for p in link.children if p.dep_ == "pobj" for x in p.children if x.dep_ == "poss"]
        else:
            continue
        acting = {m.id for a in actors for m in sv.tok_mentions.get(a.i, []) if m.type == "Country"}
        clause = [t.idx for t in verb.subtree if t.i < link.i]
        if not acting or not clause:
            continue
        span = (sv.start + min(clause), sv.start + link.idx)  # (the measure stands before the link)
        for c in cands:
            if c.predicate != "IMPOSES" or c.subject.type != "Country" or not span[0] <= c.object.start < span[1] \
                    or not _trade_measure(c.object):
                continue
            years = {"year": c.props["year"]} if "year" in c.props else None
            for t in cands:
                if t.predicate == "TARGETS" and t.subject.id == c.object.id and t.object.id in acting \
                        and t.object.id != c.subject.id:
                    new.add(c.subject, "RETALIATES_AGAINST", replace(t.object, adjective=False), c, "answered-act",
                            years)
    return new.out


def _trade_measure(measure: Mention) -> bool:
    """Whether a measure is one of trade or of cutting ties ("counter-tariffs" are tariffs), which may answer."""
    return any({w, w[:-1], w[:-3] + "y"} & (measure_heads() | CUTTING_OFF) for w in re.findall(r"\w+", measure.name.lower()))


def _listed_after(sv: SentenceView, group: Mention, member: Mention) -> bool:
    """Whether `member` is named in an "including" or "such as" list after `group` ("measures, including X")."""
    between = sv.text[group.end - sv.start:member.start - sv.start]
    return group.end <= member.start and bool(re.search(r"\b(?:including|such as)\b", between)) \
        and len(between) < 120


def _acts_before(sv: SentenceView, actor: Mention, at: int) -> bool:
    """Whether the actor is the subject of the verb at `at`: by the parse, or else the last country named before
    it ("China, which is South Korea's largest partner, responded": China, past the relative clause)."""
    verb = next((t for t in sv.tokens if sv.start + t.idx == at), None)
    if verb is not None:
        subjects = [m for c in verb.children if c.dep_ == "nsubj" for m in sv.tok_mentions.get(c.i, [])]
        if subjects:
            return any(m.id == actor.id for m in subjects)
    before = [m for m in sv.mentions if m.type == "Country" and m.end <= at]
    return bool(before) and max(before, key=lambda m: m.end).id == actor.id


def _comma_end(text: str, at: int) -> int:
    """Where the next name starts after a comma right at `at` ("Holland, |Michigan"), or -1."""
    found = TOWN_COMMA.match(text, at)
    return found.end() if found else -1



POSSESSIVE_GAP = re.compile(r"[’']s?\s+(?:(?:new|first|second|existing|largest|main)\s+)?")


def _listed_under(sv: SentenceView) -> list[tuple[Mention, Mention]]:
    """(general measure, measure listed under it) for 'measures ..., including X', 'restrictions such as X'."""
    policies = [m for m in sv.mentions if m.type == "Policy"]
    out = []
    for tok in sv.tokens:
        if tok.lower_ not in ("including", "like", "as") or tok.dep_ != "prep":
            continue
        anchor = tok.head.head if tok.lower_ == "as" and tok.head.lower_ == "such" else tok.head
        # "took countermeasures ..., including X": the parser may hang the list from the verb; its object lists
        anchors = [c for c in anchor.children if c.dep_ == "dobj"] if anchor.pos_ in ("VERB", "AUX") else [anchor]
        # "a number of countermeasures ..., including": the quantity noun stands for what it counts
        nodes = anchors + [c for a in anchors for c in a.subtree if c.dep_ == "pobj" and c.head.head.i == a.i]
        spans = [(sv.start + n.idx, sv.start + n.idx + len(n.text)) for n in nodes]
        general = next((m for m in policies for a, b in spans if m.start <= a < m.end), None)
        if general is None:
            continue
        # "including X", and a gerund's object: "including implementing a Y ban"
        objects = [p for p in tok.children if p.dep_ == "pobj"]
        objects += [d for p in tok.children if p.dep_ == "pcomp" for d in p.children if d.dep_ == "dobj"]
        for p in objects:
            for item in [p] + list(p.conjuncts):
                a = sv.start + item.idx
                out += [(general, m) for m in policies if m.start <= a < m.end and m.id != general.id]
    return out


def _sector_heads(text: str, mentions: list[Mention]) -> list[Mention]:
    """'semiconductor manufacturing', 'battery production': a broad sector right after a narrower one is the
    head of one phrase naming the narrower sector, not a sector of its own."""
    sectors = [m for m in mentions if m.type == "Sector"]
    heads = {id(b) for a in sectors for b in sectors
             if a is not b and a.end < b.start and not text[a.end:b.start].strip() and b.id in BROAD_SECTORS}
    return [m for m in mentions if id(m) not in heads]


def _not_both_exempt_and_targeted(cands: list[Candidate]) -> list[Candidate]:
    """A country the sentence says a measure exempts is no target of it ("granted an exemption from the steel tariffs
    to Canada": the parser may read "the steel tariffs to Canada" as tariffs on Canada)."""
    # (a rule's reading, not the learned scorer's guess, decides: the scorer adds facts, it overrules none)
    exempt = {(c.subject.id, c.object.id) for c in cands if c.predicate == "EXEMPTS" and c.rule != "learned"}
    if not exempt:
        return cands
    return [c for c in cands if c.predicate != "TARGETS" or (c.subject.id, c.object.id) not in exempt]


def _most_specific(cands: list[Candidate]) -> list[Candidate]:
    """One sentence stating the same fact twice (two rules found it, one with its year): keep the reading with
    the most properties, so the fact is not split into a dated and an undated copy."""
    best: dict[tuple, Candidate] = {}
    order: list[tuple] = []
    for c in cands:
        key = (c.subject.id, c.predicate, c.object.id)
        have = best.get(key)
        if have is None:
            best[key] = c
            order.append(key)
        elif have.props.items() <= c.props.items() and have.props != c.props:
            best[key] = c  # the new one says more and contradicts nothing
        elif not (c.props.items() <= have.props.items()):
            order.append(key + (len(order),))  # different amounts or years: two facts
            best[key + (len(order) - 1,)] = c
    return [best[k] for k in order]


def _fullest_titles(cands: list[Candidate]) -> list[Candidate]:
    """Readings of one title by several rules ('Chief executive' and 'Chief Executive'; 'Chairman' of 'vice
    chairman', 'CEO' and 'President' of 'President and CEO'), which otherwise agree: the one that says it in full."""
    def said(c: Candidate) -> str:
        return f" {c.props.get('role', '').lower()} "

    def rest(c: Candidate) -> tuple:
        return c.subject.id, c.predicate, c.object.id, sorted((k, str(v)) for k, v in c.props.items() if k != "role")

    out = []
    for i, c in enumerate(cands):
        if c.props.get("role") and any(
                d.props.get("role") and rest(d) == rest(c) and said(c) in said(d)
                and (said(c) != said(d) or j < i) for j, d in enumerate(cands) if j != i):
            continue  # (a shorter reading, or the same one again)
        out.append(c)
    return out


# a sum stated right before a measure, in it: "$350 million in forgivable loans", "$2 billion of new grants"
AMOUNT_IN = re.compile(r"\$\s?[\d.,]+(?:\s*(?:[mb]illion|trillion))?\s+(?:in|of)\s+(?:new\s+|additional\s+)?$")

# "Executive Order 14105 on Addressing United States Investments in Certain National Security Technologies": a
# numbered instrument's title, in title case after "on" or a comma
NUMBERED_INSTRUMENT = re.compile(r"(?:Executive Order|Proclamation|Memorandum|Directive|Order)\s+(?:No\.\s*)?\d")
TITLE_AFTER = re.compile(r"(?:,\s+|\s+on\s+|\s+\()(?:[A-Z][\w’'.-]*|\d[\w-]*)"
                         r"(?:\s+(?:(?:of|in|on|and|the|for|to|from|by|with|a|an|into)\s+)*(?:[A-Z][\w’'.-]*|\d[\w-]*))+")


# a listed firm's exchange and symbol after its name: "Stellantis (NYSE: STLA)", "Samsung (KRX: 005930)"
TICKER = re.compile(r"\(\s*(?:NYSE|NASDAQ|Nasdaq|AMEX|KRX|KOSPI|KOSDAQ|TSE|TYO|TWSE|SEHK|HKEX|LSE|ASX|OTC|SSE|SZSE|"
                    r"Euronext|XETRA|TSX)(?:\s+American)?\s*:\s*[A-Z0-9.\-]{1,10}\s*(?:[;,]\s*[A-Z]+\s*:\s*[A-Z0-9.\-]{1,10}\s*)*\)")


def _off_tickers(text: str, s: int, e: int, mentions: list[Mention]) -> list[Mention]:
    """A stock exchange and a ticker in brackets name no one: they only say where the firm before them is listed."""
    spans = [mt.span() for mt in TICKER.finditer(text, s, e)]
    if not spans:
        return mentions
    return [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in spans)]


def _instrument_titles(text: str, mentions: list[Mention]) -> list[Mention]:
    """The words of a numbered instrument's title are its name, not names of their own ("Certain National Security
    Technologies" is no firm): the title becomes an alias and the mentions inside it go."""
    out = list(mentions)
    for m in mentions:
        if m.type != "Policy" or not NUMBERED_INSTRUMENT.match(m.text):
            continue
        title = TITLE_AFTER.match(text, m.end)
        if title is None or len(title.group(0).split()) < 4:
            continue
        a, b = title.start(), title.end()
        m.aliases = set(getattr(m, "aliases", set()) or ()) | {text[m.start:b].replace("(", "").strip()}
        out = [x for x in out if not (a <= x.start and x.end <= b)]
    return out


# "the Andes Treaty of 1882", "the Grain Act of 2031": the year a title ends on is part of the name
DATED_TITLE = re.compile(r"[ \u00a0]+of[ \u00a0]+(?:1[6-9]|20)\d\d\b(?![,.]?\d|[-\u2013/])")


# a title's last word cannot be "between": "the Treaty on Basic Relations Between" (the parties are no part
# of the phrase the parser gave the name; "On" and "To" may end a firm's name: "SK On")
DANGLING_WORD = re.compile(r"[ \u00a0]+(?:Between|Among)$")


def _title_bounds(text: str, mentions: list[Mention]) -> list[Mention]:
    """Where a title ends: a pact's or a law's title (capitalised, not the gazetteer's) with "of <year>" after it is
    named with it; one the parser ran on into a "Between" ends before it."""
    out = []
    for m in mentions:
        cut = DANGLING_WORD.search(m.text) if m.source == "pattern" and m.type in ("Agreement", "Law", "Policy") \
            else None
        if cut and cut.start() > 0:
            name = m.text[:cut.start()]
            m = Mention(m.start, m.start + cut.start(), name, m.type, entity_id(m.type, name), name, m.source,
                        aliases={name})
        mt = DATED_TITLE.match(text, m.end) if m.type in ("Agreement", "Law") and m.source in ("ner", "pattern") \
            and not m.adjective and len(m.text.split()) >= 2 and m.text.split()[-1][:1].isupper() else None
        if mt:
            name = f"{m.name} {mt.group(0).strip()}"
            m = Mention(m.start, mt.end(), text[m.start:mt.end()], m.type, entity_id(m.type, name), name, m.source,
                        aliases=set(m.aliases or ()) | {name, m.name})
        out.append(m)
    return out


# "the 12th SMA", "the second Trump tariffs": one instance of a series the gazetteer names
ORDINAL_BEFORE = re.compile(r"\b(\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
                            r"tenth|eleventh|twelfth)\s+$", re.IGNORECASE)


def _ordinal_instances(text: str, mentions: list[Mention], abbreviations: bool = False) -> list[Mention]:
    """'the 11th SMA' and 'the 12th SMA' are two agreements, each an entity of its own, not the series (the
    gazetteer's series, or with `abbreviations`, one the document defined: "the Special Cost Agreement (SCA)")."""
    out = []
    for m in mentions:
        series = m.source == "gazetteer" if not abbreviations else m.source == "coref" and m.text.isupper()
        mt = ORDINAL_BEFORE.search(text[max(0, m.start - 16):m.start]) if m.type == "Agreement" \
            and series and not m.adjective else None
        if mt:
            start = m.start - len(mt.group(0))
            name = f"{mt.group(1)} {m.name}"
            m = Mention(start, m.end, text[start:m.end], m.type, entity_id(m.type, name), name, "pattern",
                        aliases={name, text[start:m.end]}, series=m.id)
        out.append(m)
    return out


# "BlueOval SK, LLC (BOSK)", "the Committee on Foreign Investment (CFIUS)": a name, then its abbreviation
# (whose first letter is the name's, after "the" or an ordinal: "the 11th Special Measures Agreement (SMA)")
LEADING_ORDINAL = re.compile(r"^(?:[Tt]he\s+)?(?:\d{1,3}(?:st|nd|rd|th)\s+)?")
ABBREVIATION = re.compile(r"\s*(?:,\s*(?:LLC|Inc\.?|Ltd\.?|Corp\.?|PLC)\s*)?\(\s*([A-Z][A-Za-z0-9&-]{1,9})\s*\)")


@dataclass
class _NameMemory:
    """What a document has named so far, which its later sentences' names are read against."""
    abbrevs: dict[str, Mention] = field(default_factory=dict)  # "BlueOval SK, LLC (BOSK)": defined abbreviations
    names: dict[str, Mention] = field(default_factory=dict)  # names typed once ("the Korean firm Absolics")
    surnames: dict[str, Mention] = field(default_factory=dict)  # a family name -> the person named last with it
    towns: dict[str, Mention | None] = field(default_factory=dict)  # a town -> the state named with it (or None)
    first_words: dict[str, Mention | None] = field(default_factory=dict)  # a firm's first word -> the firm
    groups: dict[str, list[Mention]] = field(default_factory=dict)  # "the Purchasers" -> the firms so defined
    measures: dict[str, frozenset] = field(default_factory=dict)  # a measure's id -> what it was first said to be on
    bodies: dict[str, Mention] = field(default_factory=dict)  # names the document says are associations of states


def _sentence_gazetteer(gaz: list[Mention], gi: int, s: int, e: int) -> tuple[int, list[Mention]]:
    """The gazetteer's mentions inside the sentence [s, e) (`gaz` sorted; `gi` where the last sentence's began),
    and where this one's begin."""
    while gi < len(gaz) and gaz[gi].end <= s:
        gi += 1
    sent_gaz = []
    j = gi
    while j < len(gaz) and gaz[j].start < e:
        if gaz[j].end <= e:
            sent_gaz.append(gaz[j])
        j += 1
    return gi, sent_gaz


def _tell_measures_apart(mentions: list[Mention], measures: dict[str, frozenset]) -> None:
    """'anti-dumping duties on Chilean salmon' ... 'anti-dumping duties on Bolivian tin': a measure is named by its
    kind while it is the document's only one of that kind; another of the kind on other things (no word shared) is
    named in full (`Mention.full_name`) and is an entity of its own."""
    for m in mentions:
        if m.type != "Policy" or m.source != "pattern":
            continue
        about = m.about
        first = measures.setdefault(m.id, about)
        if m.full_name and about and first and not about & first:
            m.name = m.full_name
            m.id = entity_id("Policy", m.name)
            m.aliases.add(m.name)
            measures.setdefault(m.id, about)


def _slashed_sides(text: str, mentions: list[Mention], parties: GazetteerMatcher) -> list[Mention]:
    """'the ROK/US Mutual Security Agreement': a country written with a slash before a name the tagger began after
    it is the name's first side, as a hyphen would join it ('the ROK-US Mutual Security Agreement'); the sides
    inside the name stay named (`parties`: the matcher of countries and blocs)."""
    out, drop = [], set()
    for m in mentions:
        if m.type not in ("Agreement", "Policy", "GovernmentBody") or m.start < 2 or text[m.start - 1] != "/" \
                or m.source == "gazetteer":
            continue
        side = next((c for c in mentions if c.type == "Country" and c.end == m.start - 1), None)
        if side is None:
            continue
        name = text[side.start:m.end].replace("/", "-")
        merged = Mention(side.start, m.end, text[side.start:m.end], m.type, entity_id(m.type, name), name, m.source,
                         aliases={name, text[side.start:m.end]})
        out.append(merged)
        drop.add(id(m))
        taken = {(c.start, c.end) for c in mentions}
        out += [replace(h, start=side.start + h.start, end=side.start + h.end) for h in parties.find(merged.text)
                if h.type == "Country" and (side.start + h.start, side.start + h.end) not in taken]
    if not out:
        return mentions
    return sorted([m for m in mentions if id(m) not in drop] + out, key=lambda x: (x.start, -x.end))


# what a name is said to be: "X is a semiconductor manufacturing complex" (the kind's head word)
IS_A_KIND = re.compile(r"[ \u00a0]+(?:is|was)[ \u00a0]+(?:a|an|the)[ \u00a0]+((?:[\w-]+[ \u00a0]+){0,4}?[a-z]+)"
                       r"(?=[ \u00a0]*(?:[,.;(]|$|[ \u00a0](?:in|of|that|which|with|at|for|on|by|and|built|located|based|"
                       r"owned|operated)\b))")
# a one-word firm's name and a capitalised place after it: "TSMC Arizona", "Lotte Chemical USA"
FIRM_THEN_PLACE = re.compile(r"\b(?P<firm>[A-Z][\w&-]*)[ \u00a0]+(?P<place>(?:[A-Z][\w.]*)(?:[ \u00a0]+[A-Z][\w.]*)?)"
                             r"(?![\w-])")
# the letters of a unit's name after its parent's ("SK Siltron CSS"); not a legal form ("Velkor LLC")
UNIT_LETTERS = re.compile(r"[A-Z][A-Z&]{1,4}")
# letters after a firm's name that are its legal form or an officer's title, no unit ("Stellantis NV", "Velkor COO X")
NOT_UNIT_LETTERS = LEGAL_FORM_WORDS | {"NV", "BV", "SA", "SE", "AG", "AB", "KK", "CEO", "COO", "CFO", "CTO", "CIO",
                                       "CSO", "EVP", "SVP", "VP",
                                       # what a firm makes or does, in capitals ("the Samsung HBM", "the SK IPO")
                                       "IPO", "EV", "AI", "LNG", "HBM", "DRAM", "NAND", "JV", "MOU", "R&D", "M&A",
                                       "ESG", "LCD", "OLED", "SUV"}


def _acronym_units(parse: Any, s: int, mentions: list[Mention]) -> list[Mention]:
    """'SK Siltron CSS manufactures wafers': a known firm's name with capital letters after it that head the noun
    phrase, or a title of its people ("SK Siltron CSS CEO X"), is a unit of its own (not 'Samsung HBM chips', where the
    letters name the chips)."""
    if parse is None:
        return mentions
    out = list(mentions)
    for m in mentions:
        if m.type != "Firm" or m.source != "gazetteer" or m.adjective:
            continue
        tok = next((t for t in parse if s + t.idx == m.end + 1), None)
        # (the tagger may read the letters as a common noun: "SK Siltron CSS is a wafer maker")
        if tok is None or not UNIT_LETTERS.fullmatch(tok.text) or tok.text in NOT_UNIT_LETTERS \
                or tok.pos_ not in ("PROPN", "NOUN") \
                or tok.dep_ in ("compound", "nmod", "amod") and tok.head.text not in load_lexicon().person_titles \
                or any(x.start < s + tok.idx + len(tok.text) and s + tok.idx < x.end for x in mentions if x is not m):
            continue
        name = f"{m.text} {tok.text}"
        unit = Mention(m.start, s + tok.idx + len(tok.text), name, "Firm", entity_id("Firm", name), name, "ner",
                       aliases={name})
        out = [unit if x is m else x for x in out]
    return out


# capitalised words right before a bracketed abbreviation ("Hyundai Motor Manufacturing Alabama (HMMA)")
# (commas may part the words: "the United States, Mexico, Canada Agreement (USMCA)")
SPELLED_OUT = re.compile(r"((?:[A-Z][\w&'’-]*,?\s+(?:(?:of|and|for|the)\s+)?){1,7})\(([A-Z]{3,8})\)")
NAME_GLUE = frozenset({"of", "and", "for", "the"})


def _spelled_out(text: str, s: int, e: int, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """'Hyundai Motor Manufacturing Alabama (HMMA)': capitalised words whose initials the bracketed abbreviation
    spells are one name, however the gazetteer split them (a firm and a state); it is of the kind its last word
    says (a Facility's "Plant", a Law's "Act"), else a firm when a firm opens it (a subsidiary named by its parent
    and its place)."""
    new = []
    if "(" not in text[s:e]:
        return mentions
    for mt in SPELLED_OUT.finditer(text, s, e):
        words = mt.group(1).split()
        abbr = mt.group(2)
        capitals = [k for k, w in enumerate(words) if w not in NAME_GLUE]
        if len(capitals) < len(abbr):
            continue
        first = capitals[len(capitals) - len(abbr)]  # the shortest run of capitalised words that spells it
        if "".join(words[k][0] for k in capitals[-len(abbr):]).upper() != abbr:
            continue
        a = mt.start(1) + len(" ".join(words[:first])) + (1 if first else 0)
        a = text.index(words[first], a - 1 if first else mt.start(1))
        b = mt.start(1) + len(mt.group(1).rstrip())
        inside = [m for m in mentions if a <= m.start and m.end <= b]
        if any(m.start == a and m.end == b for m in mentions) or any(
                (m.start < a < m.end) or (m.start < b < m.end) for m in mentions) or not inside:
            continue  # (one name already, or names reaching out of the run, or nothing to join)
        type_ = lex.head_type_word(words[-1]) if words[-1] not in NAME_GLUE else None
        if type_ is None and inside[0].type == "Firm" and inside[0].start == a and len(inside) >= 2 \
                and "," not in text[a:b]:
            type_ = "Firm"  # (a subsidiary named by its parent and the place it works in; "X Manufacturing, Kentucky"
            # is the firm's plant there as much as a unit)
        if type_ is None:
            continue
        name = text[a:b]
        new.append(Mention(a, b, name, type_, entity_id(type_, name), name, "ner", aliases={name}))
    if not new:
        return mentions
    return sorted([m for m in mentions if not any(n.start <= m.start and m.end <= n.end for n in new)] + new,
                  key=lambda x: (x.start, -x.end))


# "the Bureau of Industrial Security (the “BIS”)": a bracketed abbreviation, maybe quoted, right after a name
BRACKETED_ABBREVIATION = re.compile(r"\s*\(\s*(?:the\s+)?[“\"']?([A-Z][A-Za-z&]{1,9})[”\"']?\s*\)")


def _known_abbreviation(text: str, mentions: list[Mention]) -> list[Mention]:
    """'the Bureau of Industrial Security (the “BIS”)': a name the gazetteer does not know, whose capitalised words
    spell the known abbreviation bracketed after it, is that entity written another way (a variant, a slip)."""
    out = []
    for m in mentions:
        mt = BRACKETED_ABBREVIATION.match(text, m.end) if m.source in ("ner", "pattern") else None
        known = next((x for x in mentions if mt and x.start == mt.start(1)
                      and x.source == "gazetteer" and x.type == m.type and x.text == mt.group(1)), None)
        if known is not None and known.text.upper() == "".join(
                w[0] for w in re.findall(r"[A-Za-z][\w'’-]*", m.text) if w not in NAME_GLUE).upper():
            m = Mention(m.start, m.end, m.text, known.type, known.id, known.name, "coref", wikidata=known.wikidata)
        out.append(m)
    return out


# a name written with its abbreviation set inside it: "the U.S.-South Korea (KORUS) FTA"
INSERTED_TAIL = re.compile(r"\)\s+((?:[A-Z][\w'’-]*\s+){0,4}[A-Z][\w'’-]*)")
INSERTED_LEAD = re.compile(r"((?:[A-Z][\w.'’]*(?:[-\u2013]|\s+)){0,5}[A-Z][\w.'’]*)\s+\($")
NOT_A_NAME_WORD = re.compile(r"^(?:(?:The|A|An|In|On|Under|By|With|For|To|Of|From|At|As)\s+)+")


def _inserted_abbreviations(text: str, s: int, mentions: list[Mention], lex: Lexicon) -> list[Mention]:
    """'the U.S.-South Korea (KORUS) FTA': a known name's abbreviation set in brackets inside a title that ends with
    a head of its kind is the whole title (as 'the U.S.-Korea Free Trade Agreement' is), not the letters alone
    beside two countries."""
    new = []
    for m in mentions:
        if m.type not in ("Agreement", "Law", "Policy", "GovernmentBody") or m.adjective or m.start == 0 \
                or text[m.start - 1] != "(":
            continue
        tail = INSERTED_TAIL.match(text, m.end)
        lead = INSERTED_LEAD.search(text, s, m.start)
        if not tail or not lead or lex.head_type_word(tail.group(1).split()[-1]) != m.type:
            continue
        opener = NOT_A_NAME_WORD.match(lead.group(1))  # "The United States-Mexico-Canada (USMCA) Agreement"
        start = lead.start() + (opener.end() if opener else 0)
        if start >= lead.end(1):
            continue
        whole = Mention(start, tail.end(), text[start:tail.end()], m.type, m.id, m.name, m.source,
                        wikidata=m.wikidata)
        whole.aliases = {whole.text}
        new.append(whole)
    return _replace_overlapping(mentions, new)


def _abbreviations(text: str, s: int, e: int, mentions: list[Mention], abbrevs: dict[str, Mention]) -> list[Mention]:
    """Learn the abbreviations a sentence defines ("Nordic Cells, LLC (NOCE)") and read every later use of one
    as the entity it stands for (the document's own definition, whatever the NER made of the letters)."""
    for m in mentions:
        mt = ABBREVIATION.match(text, m.end)
        if mt and m.type not in (None, "Person") and not m.adjective and mt.group(1) not in (m.text, m.name) \
                and mt.group(1)[0].upper() == re.sub(LEADING_ORDINAL, "", m.text)[:1].upper():
            abbrevs.setdefault(mt.group(1), m)  # (its first letter is the name's: "(CEO)" after a name is a title)
        inner = getattr(m, "inner_abbreviation", None)  # "the Chile-Peru (CPFTA) Free Trade Agreement"
        if inner:
            abbrevs.setdefault(inner, m)
    if not abbrevs:
        return mentions
    out = []
    for m in mentions:
        full = abbrevs.get(m.text)
        # (the series' own abbreviation after one instance of it stands for the instance: "the 11th Special
        # Measures Agreement (SMA)")
        if full is not None and full.id != m.id and (m.source in ("ner", "pattern") or full.name.endswith(f" {m.name}")):
            m = Mention(m.start, m.end, m.text, full.type, full.id, full.name, "coref", wikidata=full.wikidata)
        out.append(m)
    taken = [(m.start, m.end) for m in out]
    for abbr, full in abbrevs.items():  # a use the NER did not see
        for mt in re.finditer(rf"\b{re.escape(abbr)}\b", text[s:e]):
            a, b = s + mt.start(), s + mt.end()
            if not any(x < b and a < y for x, y in taken) and not (a > 0 and text[a - 1] == "("):
                out.append(Mention(a, b, abbr, full.type, full.id, full.name, "coref", wikidata=full.wikidata))
    return sorted(out, key=lambda x: (x.start, -x.end))


# what a name typed once in a document stays in its later sentences
NAMED_TYPES = frozenset({"Firm", "Person", "GovernmentBody", "Facility"})


# "X, Y and Z (collectively, the Purchasers)": a term the document defines for the names listed before it
DEFINED_GROUP = re.compile(r"\(\s*(?:collectively|together|jointly)\s*,?\s+(?:the\s+)?[“\"]?(?P<term>[A-Z][a-z]+s)\b")
# (wider than LEGAL_TAIL: a known name may stop before the words of its legal name, "Nippon Steel| Corporation",
# and extracted text may set a full stop apart, "Inc . ,")
GROUP_GLUE = re.compile(r"(?:,?\s+(?:Inc|Ltd|LLC|Corp|Co|Corporation|Company|AS|AG|SA|plc)\b\s*\.?)*\s*(?:,\s*(?:and\s+)?"
                        r"|\s+and\s+|\s*)$")


def _defined_groups(text: str, s: int, e: int, mentions: list[Mention], groups: dict[str, list[Mention]]
                    ) -> list[Mention]:
    """'... by X, Y, and Z (collectively, the Purchasers)': the term stands for the firms listed before it, here and
    wherever "the Purchasers" is written later; the term itself names no entity."""
    out = list(mentions)
    for mt in DEFINED_GROUP.finditer(text, s, e):
        before = sorted((m for m in out if m.end <= mt.start() and m.type in ("Firm", "Country")
                         and not m.adjective), key=lambda m: m.start)
        members: list[Mention] = []
        edge = mt.start()
        for m in reversed(before):  # the run of names joined by commas, "and" and legal forms, up to the bracket
            if not GROUP_GLUE.fullmatch(text, m.end, edge):
                break
            members.insert(0, m)
            edge = m.start
        close = text.find(")", mt.end(), e)
        inside = (mt.start(), close if close > 0 else mt.end())
        out = [m for m in out if not (inside[0] <= m.start < inside[1])]
        if len(members) >= 2:
            groups[mt.group("term")] = members
    for term, members in groups.items():
        for use in re.finditer(rf"\b[Tt]he\s+({re.escape(term)})\b", text[s:e]):
            a, b = s + use.start(1), s + use.end(1)
            if any(m.start <= a < m.end and m.source == "coref" for m in out):
                continue
            out = [m for m in out if not (m.start < b and a < m.end)]
            out += [Mention(a, b, text[a:b], m.type, m.id, m.name, "coref", wikidata=m.wikidata) for m in members]
    return sorted(out, key=lambda x: (x.start, -x.end))


def _known_names(text: str, s: int, e: int, mentions: list[Mention], names: dict[str, Mention],
                 surnames: dict[str, Mention], first_words: dict[str, Mention | None]) -> list[Mention]:
    """A name the document typed once ("the Korean firm Absolics") is that entity wherever a later sentence
    writes it, though the statistical NER misses it there ("signed a memorandum with Absolics"); a family name
    alone is the person named last with it ("Secretary Del Toro"). Learns the sentence's new names and returns
    its mentions with the uses found."""
    out = [_full_person(m, surnames) for m in mentions]
    # "Velkor Trading, a Chile-based company" ... "Velkor Trading was added": the statistical NER's later guess
    # ("a person") gives way to what the document said the name is
    # ("Velkor Corp., formerly Tarnby Marine" ... "Tarnby Marine was founded": a former name is the firm's, whatever
    # the NER types it as)
    out = [_as_named(m, names[m.text]) if m.source == "ner" and m.text in names and (
        m.type == "Person" and names[m.text].type != "Person" or names[m.text].former
        and names[m.text].id != m.id) else m for m in out]
    # "Velmora Semiconductor Inc." ... "Velmora, a subsidiary of ...": a firm's first word alone is the firm
    out = [_full_firm(m, first_words) for m in out]
    # (a descriptive name may take in its owner's: "the $2 billion Velkor Motors plant" still names the firm)
    taken = [(m.start, m.end) for m in out if not (m.source == "pattern" and m.type in ("Facility", "Policy"))]
    out += _written_again(text, s, e, names, taken)
    # "Velkor's investment" after "Velkor Semiconductor", though the NER saw no name there (not "Velkor Energy")
    out += _written_again(text, s, e, {w: f for w, f in first_words.items() if f is not None},
                          [(m.start, m.end) for m in out], before=r"(?![ \u00a0]+[A-Z])")
    # "Gabriel Boric ... Boric exempted Peru", though the NER saw no name there (a family name that is no word of
    # English, and no first word of a longer name)
    out += _written_again(text, s, e, {w: p for w, p in surnames.items() if len(w) >= 3 and not is_word(w)},
                          [(m.start, m.end) for m in out], before=r"(?![ \u00a0]+[A-Z])")
    for m in mentions:
        if m.source == "ner" and m.type in NAMED_TYPES and not m.adjective and len(m.text) >= 3 \
                and m.text[:1].isupper() and (" " in m.text or not is_word(m.text)):
            names.setdefault(m.text, m)
        if m.source == "ner" and m.type == "Person" and " " in m.name:
            for short in _surname_forms(m.name):
                surnames[short] = m
        first = m.name.split()[0] if m.type == "Firm" and m.source == "ner" and " " in m.name else ""
        if len(first) >= 4 and first[:1].isupper() and not is_word(first):
            seen = first_words.get(first, m)
            first_words[first] = m if seen is not None and seen.id == m.id else None
    return sorted(out, key=lambda x: (x.start, -x.end))


# "The Minerals Security Partnership (MSP) is a transnational association whose members ...": what a name is said to
# be where the document defines it
DESCRIBED_BODY = re.compile(r"\b(?:[Tt]he[ \u00a0]+)?(?P<name>[A-Z][\w'’-]+(?:[ \u00a0]+(?:of[ \u00a0]+|for[ \u00a0]+|"
                            r"and[ \u00a0]+)?[A-Z][\w'’-]+){1,6})(?:[ \u00a0]*\([A-Z][\w.&-]{1,8}\))?(?:\[\d+\])*"
                            r"[ \u00a0]+(?:is|was)[ \u00a0]+(?:an?|the)[ \u00a0]+(?:[\w-]+[ \u00a0]+){0,3}?"
                            r"(?:%s)\b" % "|".join(sorted(ORGANIZATION_NOUNS)))


def _described_bodies(text: str) -> dict[str, Mention]:
    """The names a document says are an association or organization of states, wherever it says so."""
    out: dict[str, Mention] = {}
    for mt in DESCRIBED_BODY.finditer(text):
        name = mt.group("name")
        kind = "InternationalOrganization"
        out.setdefault(name, Mention(0, 0, name, kind, entity_id(kind, name), name, "ner", aliases={name}))
    return out


def _as_named(m: Mention, known: Mention) -> Mention:
    return Mention(m.start, m.end, m.text, known.type, known.id, known.name, "ner", wikidata=known.wikidata,
                   aliases={m.text})


# "X Co., Ltd. (formerly Y)", "X, previously known as Y,": Y is X's earlier name
FORMERLY = re.compile(r"[ \u00a0]*(?:[,(][ \u00a0]*)?(?:formerly|previously)"
                      r"(?:[ \u00a0]+(?:known[ \u00a0]+as|called|named))?[ \u00a0]+(?:the[ \u00a0]+)?"
                      r"(?P<name>[A-Z][\w&.'-]*(?:[ \u00a0]+(?:&[ \u00a0]+)?[A-Z][\w&.'-]*){0,6})")


MIDDLE_INITIALS = re.compile(r"([A-Z][a-z]+(?:-[A-Za-z]+)?)(?:\s+[A-Z]\.)+\s+([A-Z][\w'’-]+)")


TITLE_RUN = re.compile(r"(?:[A-Z][\w.-]*\s+){1,3}$")


def _person_names(text: str, mentions: list[Mention], titles: frozenset) -> list[Mention]:
    """'Governor Brian P. Kemp' and 'Brian Kemp' are one person: a new person's name leaves out its middle initials
    (the name as written stays an alias). 'Prime Minister Harper': a surname alone is known by its title too."""
    for m in mentions:
        if m.type != "Person" or m.source == "gazetteer":
            continue
        mt = MIDDLE_INITIALS.fullmatch(m.name)
        if mt:
            short = f"{mt.group(1)} {mt.group(2)}"
            m.aliases = set(m.aliases or ()) | {m.name}
            m.name, m.id = short, entity_id("Person", short)
        elif " " not in m.name:
            run = TITLE_RUN.search(text, max(0, m.start - 60), m.start)
            if run and run.group(0).split()[-1] in titles:
                m.aliases = set(m.aliases or ()) | {run.group(0) + m.name}
    return mentions


def _former_names(text: str, mentions: list[Mention], names: dict[str, Mention]) -> list[Mention]:
    """'Korvell Ocean Co., Ltd. (formerly Daebang Shipbuilding)': the earlier name is the same entity, here and
    wherever the document writes it later (a name, not a fact: no relation between the two)."""
    out = list(mentions)
    for m in mentions:
        if m.type not in ("Firm", "Facility", "GovernmentBody") or m.adjective:
            continue
        tail = text[m.end:m.end + 160]
        legal = re.match(rf"(?:{LEGAL_TAIL.pattern})*", tail)  # past "Co., Ltd."
        mt = FORMERLY.match(tail, legal.end() if legal else 0)
        if not mt:
            continue
        former = LEGAL_TAIL_END.sub("", mt.group("name")).strip(" ,.")
        a = m.end + mt.start("name")
        same = Mention(a, a + len(former), former, m.type, m.id, m.name, "ner", wikidata=m.wikidata,
                       aliases={former}, former=True)
        out = [x for x in out if not (x.start < same.end and same.start < x.end)] + [same]
        names[former] = same
    return sorted(out, key=lambda x: (x.start, -x.end))


def _written_again(text: str, s: int, e: int, known: dict[str, Mention], taken: list[tuple[int, int]],
                   before: str = "") -> list[Mention]:
    """Where the sentence writes one of the `known` surfaces (not inside a name already found), that entity."""
    out = []
    sentence = text[s:e]
    for surface, entity in known.items():
        if surface not in sentence:
            continue
        for mt in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-]){before}", sentence):
            a, b = s + mt.start(), s + mt.end()
            if not any(x < b and a < y for x, y in taken):
                out.append(Mention(a, b, surface, entity.type, entity.id, entity.name, "ner", wikidata=entity.wikidata,
                                   aliases={surface}))
                taken.append((a, b))
    return out


def _full_firm(m: Mention, first_words: dict[str, Mention | None]) -> Mention:
    """A one-word firm the NER found that is the first word of one firm the document named in full."""
    known = first_words.get(m.text) if m.type == "Firm" and m.source == "ner" and " " not in m.text else None
    if known is None:
        return m
    return Mention(m.start, m.end, m.text, known.type, known.id, known.name, "ner", wikidata=known.wikidata,
                   aliases={m.text})


def _surname_forms(name: str) -> list[str]:
    """The gazetteer's family names of a person (mentions._surnames: 'Lee Jae-myung' -> 'Lee'), and the last two
    words of a longer name ('Carlos Del Toro' -> 'Del Toro')."""
    words = name.split()
    two = [" ".join(words[-2:])] if len(words) >= 3 and "-" not in words[-1] else []
    return two + _surnames(name)


# "Dalton, Georgia", "CARTERSVILLE, GA": a town's name right before its state's
TOWN_BEFORE = re.compile(r"(?:^|(?<=[\s(]))((?:[A-Z][\w.'’-]*[ \u00a0]){0,2}[A-Z][\w.'’-]*),[ \u00a0]$")
NOT_A_TOWN = frozenset({"The", "In", "On", "At", "For", "And", "But", "From", "To", "Of"})


# a country's armed forces as a text says it: "U.S. troops", "American military forces", "U.S. service members"
FORCES_AFTER = re.compile(r"\s+(?:armed\s+|military\s+|combat\s+)?(?:troops|forces|soldiers|service\s*members|"
                          r"military\s+personnel|military)\b")
# where they are: "(stationed) in South Korea"; or who hosts them: "the cost of hosting U.S. troops"
FORCES_PLACE = re.compile(r"\s*,?\s*(?:(?:are|were|is|was|remain|remained|have\s+been|had\s+been)\s+)?"
                          r"(?:(?:currently|now|permanently)\s+)?(?:(?:stationed|based|deployed|garrisoned)\s+)?"
                          r"(?:in|on)\s+(?:the\s+)?")
HOSTING_BEFORE = re.compile(r"\bhost(?:s|ed|ing)?\s+(?:the\s+|some\s+|about\s+|around\s+|nearly\s+)?(?:[\d,.]+\s+)?$")
# a body named for the forces of one country in another: "U.S. Forces Korea", "United States Forces Japan"
FORCES_NAME = re.compile(r"^(?P<own>.+?)\s+Forces\s+(?:in\s+)?(?P<host>.+)$")


def _forces_index(gazetteer: list, parties: GazetteerMatcher) -> dict[tuple[str, str], Any]:
    """{(the country whose forces, the country they are in): the gazetteer's body of those forces}."""
    index: dict[tuple[str, str], Any] = {}
    for entry in gazetteer:
        if entry.type != "GovernmentBody":
            continue
        for form in (entry.name, *entry.aliases):
            mt = FORCES_NAME.match(form)
            own = [h for h in parties.find(mt.group("own")) if h.type == "Country"] if mt else []
            host = [h for h in parties.find(mt.group("host")) if h.type == "Country"] if mt else []
            if own and host:
                index.setdefault((own[0].id, host[0].id), entry)
    return index


def _forces_abroad(text: str, s: int, e: int, mentions: list[Mention], index: dict) -> list[Mention]:
    """'U.S. troops stationed in South Korea', 'the cost of hosting U.S. military forces' (South Korea named before
    in the sentence): one country's forces in another, the body the gazetteer knows for them (U.S. Forces Korea)."""
    if not index:
        return mentions
    out = list(mentions)
    countries = [m for m in mentions if m.type == "Country"]
    for m in countries:
        words = FORCES_AFTER.match(text, m.end, e)
        if words is None or re.search(r"\b(?:[Nn]o|without)\s+$", text[max(s, m.start - 12):m.start]):
            continue  # ("no U.S. troops are stationed in X")
        place = FORCES_PLACE.match(text, words.end(), e)
        hosts = [x for x in countries if place and x.start == place.end() and not x.adjective]
        if not hosts and HOSTING_BEFORE.search(text, max(s, m.start - 40), m.start):
            hosts = [x for x in countries if x.end <= m.start and not x.adjective][-1:]
        body = index.get((m.id, hosts[0].id)) if hosts else None
        if body is None:
            continue
        span = text[m.start:words.end()]
        out = [x for x in out if x is not m]
        out.append(Mention(m.start, words.end(), span, body.type, body.id, body.name, "gazetteer",
                           wikidata=body.wikidata, host=hosts[0]))  # (where the text puts them: _step_body_seats)
    return sorted(out, key=lambda x: x.start)


def _towns(text: str, s: int, e: int, mentions: list[Mention], towns: dict[str, Mention | None]) -> list[Mention]:
    """A town the document names with its state ("a plant in Dalton, Georgia", the dateline "CARTERSVILLE, GA. —")
    is in that state wherever the document names it alone later ("the new facility in Cartersville"); a town is
    never a firm, though the statistical NER may read a capitalised one so."""
    place = dateline_place(text[s:e])
    if place:
        towns.setdefault(place.lower(), None)
    for m in mentions:
        if m.type != "USState" or m.adjective or re.match(r"[’']s\b", text[m.end:m.end + 3]):
            continue  # ("Santee Cooper, South Carolina's utility": the state owns what follows, no town is in it)
        mt = TOWN_BEFORE.search(text, max(s, m.start - 60), m.start)
        if mt and mt.group(1).split()[0] not in NOT_A_TOWN and not any(
                x.start < mt.end(1) and mt.start(1) < x.end and x.type not in (None, "Firm") for x in mentions):
            towns[mt.group(1).lower()] = m
    if not towns:
        return mentions
    out = [m for m in mentions if not (m.type == "Firm" and m.source == "ner" and m.text.lower() in towns)]
    taken = [(m.start, m.end) for m in out]
    sentence = text[s:e].lower()
    for town, state in towns.items():
        if state is None or town not in sentence:
            continue
        for mt in re.finditer(rf"(?<![\w-]){re.escape(town)}(?![\w-])", sentence):
            a, b = s + mt.start(), s + mt.end()
            # (not inside another name: "Aker Philadelphia", "the Philadelphia Naval Shipyard"; not before its state,
            # which is named there)
            inside = re.search(r"[A-Z][\w.&'’-]*[ \u00a0]$", text[max(s, a - 30):a]) \
                or re.match(r"[ \u00a0][A-Z]|,[ \u00a0][A-Z]", text[b:b + 3])
            # (a name, capitalised: "interstate commerce" is no town Commerce, Georgia)
            if text[a].isupper() and not inside and not any(x < b and a < y for x, y in taken):
                out.append(Mention(a, b, text[a:b], state.type, state.id, state.name, "coref", wikidata=state.wikidata))
    return sorted(out, key=lambda m: (m.start, -m.end))


def _full_person(m: Mention, surnames: dict[str, Mention]) -> Mention:
    """'Secretary Del Toro' after 'Carlos Del Toro': the family name alone is the person named before (also where
    the statistical NER took the one word for an organisation: "Chung is expected to ...")."""
    full = surnames.get(m.text) if m.source == "ner" and (m.type == "Person" or (
        m.type == "Firm" and " " not in m.text)) else None
    if full is None or full.id == m.id:
        return m
    return Mention(m.start, m.end, m.text, "Person", full.id, full.name, "coref", wikidata=full.wikidata)


def _heading(text: str) -> bool:
    """An ALL-CAPS line: more than 80 percent of its cased letters are capitals."""
    upper, lower = sum(map(str.isupper, text)), sum(map(str.islower, text))  # (C loops: every sentence is read)
    return upper + lower > 0 and upper > 0.8 * (upper + lower)


def _country_pair(mentions: list[Mention]) -> list[Mention] | None:
    """'The United States and South Korea signed ...': the pair a later 'the two allies' means."""
    found: dict[str, Mention] = {}
    for m in mentions:
        if m.type == "Country" and not m.adjective and m.source != "coref":
            found.setdefault(m.id, m)
    return list(found.values()) if len(found) == 2 else None


def _adjective_compound(tok: Any) -> bool:
    """'term' in 'long-term', 'level' in 'high-level': an adjective's noun behind a hyphen says how, not what."""
    return tok.i > 1 and tok.nbor(-1).text == "-" and not tok.nbor(-2).whitespace_ and tok.nbor(-2).pos_ == "ADJ"


def _topic_sector(text: str, mentions: list[Mention]) -> list[Mention]:
    """The one sector a sentence is about ("semiconductor manufacturing" is about semiconductors)."""
    sectors = [m for m in mentions if m.type == "Sector"]
    heads = {id(b) for a in sectors for b in sectors
             if a is not b and a.end <= b.start and not text[a.end:b.start].strip()}
    found = {m.id: m for m in sectors if id(m) not in heads}
    return list(found.values()) if len(found) == 1 else []


def _head_token(parse: Any, s: int, d: Mention) -> Any:
    """The token a mention ends with (its head, for a noun phrase), or None."""
    return next((t for t in parse if s + t.idx + len(t.text) == d.end), None)


def _owned_kind(parse: Any, s: int, d: Mention) -> bool:
    """'its engine plant', 'Velkor's battery plant': a kind of facility its owner has says which one; so does the
    building of one of a kind ("to build a packaging plant": the one built; not "build cutting-edge facilities")."""
    head = _head_token(parse, s, d)
    return head is not None and " " in d.name and (any(c.dep_ == "poss" for c in head.children) or (
        head.dep_ == "dobj" and head.head.lemma_.lower() in BUILDING_VERBS and head.tag_ == "NN"
        and any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in head.children)))


# a pact named by its acronym alone: "the IK-CEPA", "KAFTA", "the AKFTA", "the CP-EPA" (its sides' initials, then the
# kind: a free trade, comprehensive or economic partnership agreement; not one in brackets, which a name defines)
PACT_ACRONYM = re.compile(r"(?<![\w(-])(?:[A-Z]{1,6}-(?:FTA|CEPA|CECA|EPA|PTA|TIFA)|[A-Z]{1,6}(?:FTA|CEPA|CECA))(?![\w-])")


def _pact_acronyms(text: str, s: int, e: int, mentions: list[Mention]) -> list[Mention]:
    """A pact the document names by an acronym only is an agreement of that name, whatever a gazetteer or the
    statistical NER made of it ("the CP-EPA" is no Environmental Protection Agency)."""
    found = [Mention(mt.start(), mt.end(), mt.group(0), "Agreement", entity_id("Agreement", mt.group(0)), mt.group(0),
                     "ner", aliases={mt.group(0)}) for mt in PACT_ACRONYM.finditer(text, s, e)]
    # (not a name the gazetteer knows as written: "EFTA" is an association, "KAFTA" a known pact)
    found = [f for f in found if not any(m.start <= f.start and f.end <= m.end and m.source == "gazetteer"
                                         for m in mentions)]
    if not found:
        return mentions
    keep = [m for m in mentions if not any(m.start < f.end and f.start < m.end for f in found)]
    return sorted(keep + found, key=lambda m: (m.start, -m.end))


def _home_state(gaz: list[Mention]) -> Mention | None:
    """The one U.S. state a document names (a governor's release, a state's paper), else None."""
    states = {m.id: m for m in gaz if m.type == "USState" and not m.adjective}
    return next(iter(states.values())) if len(states) == 1 else None


# "in Bartow County", "Randolph County": a county named without its state ("Bartow County, Georgia" names it;
# "Bartow County Commissioner X", "the Bartow County Board" are titles and bodies)
COUNTY = re.compile(r"\b(?:[A-Z][a-z]+\s+){1,2}County\b(?!,?\s+(?:[A-Z]|of\b))")


def _counties(text: str, s: int, e: int, mentions: list[Mention], state: Mention | None) -> list[Mention]:
    """A county a document names without its state is in the one state the document names: "Governor Kemp
    announced a plant in Bartow County" (a document naming no state, or several, places no county)."""
    if state is None or "County" not in text[s:e]:
        return []
    out = []
    for mt in COUNTY.finditer(text, s, e):
        a, b = mt.span()
        if any(m.start < b and a < m.end and m.type != "Facility" for m in mentions):
            continue  # (a name of its own: "Orange County Bank"; but "a site in Bartow County" holds the place)
        out.append(Mention(a, b, mt.group(0), state.type, state.id, state.name, "coref", wikidata=state.wikidata))
    return out


def _replace_overlapping(mentions: list[Mention], new: list[Mention]) -> list[Mention]:
    if not new:
        return mentions
    keep = [m for m in mentions if not any(n.start <= m.start and m.end <= n.end for n in new)]
    return sorted(keep + new, key=lambda m: (m.start, -m.end))
