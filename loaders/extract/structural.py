"""Relations stated by the shape of a noun phrase rather than by a verb.

- hyphenated groups: "U.S.-Japan-EU efforts" (cooperation), "U.S.-North Korea talks" (negotiation),
  "the U.S.-Mexico-Canada Agreement" (parties to the agreement)
- owners of measures: "South Korea's restrictions", "Japanese export restrictions", "U.S. or UN sanctions"
- what a measure is on: "restrictions on U.S. beef", "tariff on South Korean trucks", "steel quota"
- titles: "South Korean President Moon Jae-in", "North Korea's leader Kim", "Secretary of Commerce X",
  "(A) and (B) U.S. administrations", "presidencies in South Korea"
- amended agreements: "modifications to the KORUS FTA", "the revised KORUS FTA"
- "In response, X ... Y": a counter-measure by X against Y
"""
from __future__ import annotations

import re

from ...graph.model import entity_id
from ...ontology import load_model
from ...ontology.lexicon import load_lexicon
from .constructions import GOODS_GOING_TO, PROPOSED, owned_body
from .modality import MEASURE_MAKING, tokens_of

from .mentions import AUTHORITY_PART, LEGAL_TAIL, PARTY_TYPES, GazetteerMatcher, Mention, names_work
from .parsed import parsed_roles
from .sentence import ACTOR_TYPES, Candidate, SentenceView

NOVELTY = frozenset(load_lexicon().novelty_modifiers)  # "planned", "pending": not yet made
# verbs of saying: what one says "in its report" is a document, not a measure of theirs
SAYING = frozenset({"argue", "say", "note", "state", "write", "claim", "assert", "conclude", "find", "warn",
                    "explain", "describe", "outline", "suggest", "observe", "acknowledge", "highlight", "mention",
                    "estimate", "report", "recommend"})

# the titles of who leads a country, a body or a firm
LEADER_TITLES = (r"president|prime minister|premier|leader|chairman|chairwoman|chair|chief executive|CEO|king|"
                 r"chancellor|secretary-general|director-general")
APPOSED_TITLE = re.compile(r",\s+(?:the\s+|a\s+)?(?:current\s+|former\s+|then\s+|new\s+|acting\s+|interim\s+)?"
                           r"(?P<whose>(?:U\.S\.|US|United\s+States|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:['’]s)?\s+)??"
                           rf"(?P<title>{LEADER_TITLES}|minister|secretary|head)\s+"
                           r"(?:of|(?<=minister\s)for|(?<=secretary\s)for)\s+(?:the\s+)?", re.IGNORECASE)
# the field a lowercase title names its department by: "United States secretary of commerce"
TITLE_FIELD = re.compile(r"(?P<dept>[A-Za-z]+(?:(?:,\s+|\s+and\s+)[A-Za-z]+){0,3})\s*(?=[,.;)\"”]|$)")
# "South Korea's president", "TSMC's chief executive", "Samsung's current chairman" (after the owner's name)
POSSESSED_TITLE = re.compile(rf"[’']s?\s+(?:current\s+|former\s+|then\s+|new\s+|acting\s+|interim\s+)?"
                             rf"(?P<title>{LEADER_TITLES}|head)\b",
                             re.IGNORECASE)
# a head of state's or government's title after the country's adjective: "the Chilean president"
HEAD_TITLES = r"president|prime minister|premier|leader|king|chancellor"
# (in an apposition, where the phrase ends after it: "X, the Chilean president, ...")
ADJECTIVE_TITLE = re.compile(rf"\s+(?P<title>{HEAD_TITLES})\s*[,;)]", re.IGNORECASE)
# taking a head's office: ", who became ", " was elected ", " took office as the "
TAKING_OFFICE = re.compile(r"(?:,?\s+who)?\s+(?:(?:was|is|has\s+been|had\s+been)\s+)?(?:became|becomes|elected|"
                           r"re-elected|sworn\s+in\s+as|took\s+office\s+as|takes\s+office\s+as|served\s+as|serves\s+as|"
                           r"appointed(?:\s+as)?|named(?:\s+as)?|inaugurated\s+as)\s+(?:the\s+)?(?:new\s+)?")
ADJECTIVE_HEAD = re.compile(rf"\s+(?P<title>{HEAD_TITLES})\b", re.IGNORECASE)
OFFICE_TITLE = re.compile(r"(?:Representative|Secretary|Minister|Director|Administrator|Governor)$")
# a title written right before a person's name: "Commerce Secretary X", "Chairman X"; a ministry's name may list its
# fields ("Minister of Trade, Industry and Energy X", "Oceans and Fisheries Minister X"), and a title may be written in
# lower case after the country's adjective ("the Chinese commerce minister, X")
TITLE_BEFORE_NAME = re.compile(
    r"(?:(?P<of>(?:Secretary|Minister|Representative|(?<=[a-z] )minister|(?<=[a-z] )secretary)"
    r" (?:of|for) (?:the )?(?P<dept>[A-Za-z][\w ]*?(?:,\s+[A-Za-z][\w ]*?)*))|"  # ("Minister for Trade X")
    r"(?:\b(?!(?:Prime|prime|the|a|an|its|his|her|their)\b)"
    r"(?P<dept2>[A-Z][a-z]+(?:(?:,| and| &) [A-Z][a-z]+)*|(?<=[a-z] )[a-z]+) "
    r"(?P<t2>Minister|Secretary|Administrator|(?<=[a-z] )minister|(?<=[a-z] )secretary))|"
    r"(?P<title>[Pp]resident|[Pp]rime [Mm]inister|[Ll]eader|[Pp]remier|[Cc]hairman|"
    r"[Cc]hairwoman|[Cc]hair|[Hh]ead|[Cc]hief|[Dd]irector|[Aa]dministrator|[Cc]ommissioner|"
    r"[Ss]upreme [Ll]eader|[Cc]hancellor|CEO|[Cc]hief [Ee]xecutive))\s*,?\s*$")
# a body's acronym in brackets between its name and the title before a person's name
BRACKETED_TITLE = re.compile(r"\(\s*[A-Z][A-Za-z&.\-]{1,9}\s*\)\s+(?P<title>Secretary|Minister|Administrator|Director|"
                             r"Commissioner|Representative|Chairman|Chairwoman|Chair|President|CEO)\s+$")
HYPHEN = re.compile(r"^\s?[-\u2013/]\s?$")  # ("ROK/US": a slash joins two sides too)
# measures whose "from X" is who imposes them ("tariffs from Norway"; a ban "from" names what is barred)
MEASURE_FROM = frozenset({"tariff", "duty", "sanction", "levy", "surcharge", "countermeasure", "retaliation"})
# measures only a government takes: a person who owns one ("Trump's tariffs") took it in office
GOVERNMENT_MEASURES = MEASURE_FROM | {"quota", "embargo", "ban", "order", "proclamation", "directive", "control",
                                     "restriction", "curb"}
INVEST_NOUNS = {"investment", "investments", "investors", "fdi"}
COOP_NOUNS = {"cooperation", "collaboration", "coordination", "partnership", "efforts", "effort", "alliance",
              "ties", "initiative", "initiatives", "framework", "dialogue"}  # ("X-Y relations" may be a quarrel)
NEGO_NOUNS = {"talks", "negotiations", "negotiation", "summit", "summits", "diplomacy", "dialogue", "deal"}
POLICY_PREPS = ("on", "against", "targeting", "to", "into", "for")
# an agreement not yet in force: a word of proposal right before it, or "is under negotiation" right after
PENDING_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(PROPOSED))})\s+$", re.IGNORECASE)
PENDING_AFTER = re.compile(r"\s+(?:(?:is|was|are|were|remains?|remained)\s+(?:still\s+)?(?:under|in)\s+negotiations?|"
                           r"(?:is|was|are|were)\s+(?:still\s+)?being\s+negotiated)\b")
# a list of common-noun phrases ("polyimide, photoresists and hydrogen fluoride") before "to/from" a place
_GOOD = r"[a-z][\w-]*(?: [a-z][\w-]*){0,3}"
GOODS_LIST = re.compile(rf"{_GOOD}(?:, {_GOOD})*,? (?:and|or) {_GOOD}(?= (?:to|from|in) )")
# what stands between two names of a list: a comma or "and", after a firm's legal form its mention leaves out
LIST_GAP = re.compile(rf"(?:{LEGAL_TAIL.pattern})*\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)(?:the\s+)?")
# goods named with their brands: "Levi's jeans, Harley-Davidson motorbikes and bourbon whiskeys"
BRANDED_GAP = re.compile(LIST_GAP.pattern + r"(?:[A-Z][\w'’.-]*\s+){1,2}")
# "..., including", "..., such as": the names a group noun stands for follow
EXAMPLES_AFTER = re.compile(r"\s*,?\s*(?:including|such as|notably|especially|particularly|like)\s+(?:the\s+)?")
CLAUSE_END = re.compile(r"[,;:.]|\b(?:that|which|who|because|with|but)\b")
# "the tariffs that Peru imposed on X", "duties, which Chile levied in 2031 on X": a relative clause of imposing
# between a measure and what it is on
# what ends the phrase a measure is on ("with" describes the object: "credits to chip makers with operations in the
# U.S."; the clause's own verb: "restrictions on lithium exports were seen as ..."; the maker's "by": "tariffs on
# Chilean copper by the United States", not a participle's: "materials used by Korean firms")
# "the following two companies, which own X:" (what a measure is on is the list after the colon)
FOLLOWING_LIST = re.compile(r"(?:the\s+)?following\b[^:.;]{0,160}:")
MEASURE_PHRASE_STOP = re.compile(r"[,;:]|\b(?:that|which|who|because|with|(?<!ed )(?<!made )(?<!built )(?<!sold )"
                                 r"(?<!owned )(?<!held )by|and (?:to|the|for|with|in|at|by|its|their|a|an)|"
                                 r"but|in (?:response|retaliation|reprisal|exchange|return|protest)|"
                                 # (how it is reckoned: "fees on operators of China based on net tonnage per U.S.
                                 # voyage")
                                 r"based on|depending on|according to|per|"
                                 # (a clause of its own: "sanctions on X after Seoul agreed to host a U.S. system")
                                 r"after|before|since|while|when|although|though|whereas|until|unless|if|"
                                 r"is|are|was|were|has|have|had|do|does|did|will|would|could|should|may|might|must|"
                                 r"can|cannot|shall|remains?|remained)\b")
# (with or without its relative word: "the sanctions the United States was reimposing against Iran")
IMPOSED_BY_CLAUSE = (r"(?:,?\s+(?:that|which)|(?=\s+(?:the\s+)?[A-Z]))\s+(?:[\w.’'-]+\s+){1,4}?(?:re-?)?"
                     r"(?:imposed|imposing|placed|levied|put|slapped|applied|announced|introduced)(?:\s+in\s+\d{4})?")
# "tariffs under Section 301 of the Trade Act": the links from a measure to the authority it is taken under
UNDER_AUTHORITY = re.compile(r"\s+under\s+(?:the\s+)?")
OF_AUTHORITY = re.compile(r"\s+of\s+(?:the\s+)?")
# between a measure and the country its imports go into: " imposed on all auto imports into the "
INTO_IMPORTER = re.compile(r"(?:\s+(?:imposed|levied|placed))?\s+on\s+(?:all\s+|the\s+)?(?:[\w-]+\s+){0,3}imports\s+"
                           r"(?:of\s+(?:[\w-]+\s+){1,3})?into\s+(?:the\s+)?")
# the words that join leaders listed before their governments: "(Bush) and (Obama) U.S. administrations"
LIST_WORDS = frozenset({"and", "or", "the", "former", "president", "presidents"})
# ("in response to", "in a swift response to", "as a tit-for-tat reaction to", "in protest over")
RESPONSE_TO = re.compile(r"\b(?:(?:in|as)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:response|retaliation|reaction|riposte)"
                         r"\s+(?:to|for)|in protest (?:over|against|at))\s+(?:the\s+|its\s+|their\s+)?", re.IGNORECASE)
RESPONSE_CUE = re.compile(r"^\s*(?:In (?:response|retaliation)|In turn|Retaliating)\b", re.IGNORECASE)
HOSTILE_VERBS = re.compile(r"\b(?:removed|threatened|imposed|restricted|banned|sanctioned|retaliated|suspended|"
                           r"terminated|filed|pursued complaints|expelled|downgraded|curbed)\b")


def _singular(words: str) -> str:
    *rest, last = words.split()
    if len(last) > 4 and last.endswith("s") and not last.endswith(("ss", "us", "ics")):
        last = last[:-1]
    return " ".join([*rest, last])


# measures a country takes on goods coming in: the country the goods go to takes them, it is not their target
IMPORT_MEASURES = frozenset({"tariff", "duty", "levy", "quota", "safeguard", "surcharge", "fee"})


# what another country does with a country's standards that imposes nothing: it recognises or uses them
RECOGNISING = frozenset({"recognize", "recognise", "recognition", "accept", "acceptance", "use", "account",
                         "equivalence", "adopt", "take"})  # ("taking into account U.S. standards")


def _cased(title: str) -> str:
    """A title as a role: its first letter capitalised, an acronym kept ("president" -> "President", "CEO")."""
    return title if title.isupper() else title.capitalize()


def _titled(words: str) -> str:
    """A field written in lower case as a department's name is written: "economy, trade and industry" -> "Economy,
    Trade and Industry"."""
    return words if words[:1].isupper() else re.sub(r"\bAnd\b", "and", words.title())


def _title_after(sv: SentenceView, x: Mention, adjective_title: re.Pattern) -> str | None:
    """The title of who leads what a mention names, written right after it: "South Korea's president", "TSMC's
    chief executive", or after a country's adjective `adjective_title` ("the Chilean president")."""
    if x.type not in ("Country", "GovernmentBody", "Firm") or (x.adjective and x.type != "Country"):
        return None
    tt = (adjective_title if x.adjective else POSSESSED_TITLE).match(sv.text[x.end - sv.start:])
    return tt.group("title") if tt else None


def _ends_on_noun(sv: SentenceView, at: int, nouns) -> bool:
    """Whether the text before `at` ends on one of `nouns` (lemmas), singular or plural ("countries", "materials")."""
    before = re.search(r"([a-z]+)\s*$", sv.text[:at - sv.start])
    word = before.group(1) if before else ""
    return bool({word, word[:-3] + "y" if word.endswith("ies") else word[:-1]} & set(nouns))


def _titles_next_person(sv: SentenceView, x: Mention, title: str) -> bool:
    """Whether the title written after `x` is the title of the person named right after it."""
    k = sv.text.find(title, x.end - sv.start)
    if k < 0:
        return False
    rest = sv.text[k + len(title):]
    after = len(sv.text) - len(rest.lstrip())
    return any(p.type == "Person" and p.start - sv.start == after for p in sv.mentions)


def _listed_before(sv: SentenceView, a: int, b: int, persons: list[Mention]) -> bool:
    """Whether the text between a leader's name (ending at a) and the government's words (at b) only lists more
    leaders: no other name, a few words of description at most ("and conservative (Lee and Park)")."""
    if any(a <= m.start < b and m not in persons for m in sv.mentions):
        return False
    gap = sv.text[a - sv.start:b - sv.start]
    for m in sorted(persons, key=lambda m: -m.start):
        if a <= m.start and m.end <= b:
            gap = gap[:m.start - a] + gap[m.end - a:]
    return len([w for w in re.findall(r"[A-Za-z]+", gap) if w.lower() not in LIST_WORDS]) <= 2


# a relief from a measure, right before it: "exemptions from the ", "a temporary exception from "
RELIEF_FROM = re.compile(r"\b(?:exemptions?|exceptions?|waivers?|relief|reprieves?|carve-outs?)\s+from\s+(?:the\s+|its\s+|their\s+)?$")


def _field_of(dept: str) -> str:
    """A ministry's field as its name writes it: a "Foreign Minister" heads the Ministry of Foreign Affairs."""
    return "Foreign Affairs" if dept == "Foreign" else dept


class StructuralExtractor:
    def __init__(self, model=None, lexicon=None, matcher=None, party_matcher=None) -> None:
        self.model = model or load_model()
        self.lex = lexicon or load_lexicon()
        self.matcher = matcher
        # the countries inside an agreement's own name ("the U.S.-Mexico-Canada Agreement")
        self.party_matcher = party_matcher or GazetteerMatcher(self.model, types=PARTY_TYPES)
        # a country's adjectives by its name ("South Korea": "South Korean", "Korean"), for its bodies' names
        self._adjectives = {e.name: tuple(getattr(e, "adjectives", ()) or ()) for e in self.model.gazetteer
                            if e.type == "Country"}
        # any form of a country (name, alias, adjective) -> all its forms; a body's names, by id
        self._owner_forms: dict[str, set] = {}
        for e in self.model.gazetteer:
            if e.type == "Country":
                forms = {e.name, *e.aliases, *(getattr(e, "adjectives", ()) or ())}
                for f in forms:
                    self._owner_forms.setdefault(f, set()).update(forms)
        self._body_names = {e.id: (e.name, *e.aliases) for e in self.model.gazetteer if e.type == "GovernmentBody"}
        # a body's country, where one of its names says so ("Korean Ministry of National Defense")
        self._body_country: dict[str, frozenset] = {
            b: frozenset(g for n in names for form, forms in self._owner_forms.items() if n.startswith(form + " ")
                         for g in forms)
            for b, names in self._body_names.items()}
        # offices named by their holder's title: "USTR" is also "U.S. Trade Representative"
        self.office_titles = {e.id: t.group(0) for e in self.model.gazetteer if e.type == "GovernmentBody"
                              for t in [next(filter(None, (OFFICE_TITLE.search(a) for a in [e.name, *e.aliases])),
                                             None)] if t is not None}

    def extract(self, sv: SentenceView, ministers_country: str = "") -> list[Candidate]:
        """`ministers_country`: the country whose ministers the document names without saying whose ("Foreign
        Minister X" in a report on Korea), or ""."""
        out: list[Candidate] = []
        self._authority_names(sv)
        self._hyphen_groups(sv, out)
        self._measures(sv, out)
        self._titles(sv, out, ministers_country)
        self._administrations(sv, out)
        self._response(sv, out)
        self._agreement_parties(sv, out)
        self._sections(sv, out)
        return out

    def _sections(self, sv, out):
        """'Section 232 of the Trade Expansion Act': the act authorises its section."""
        for m in sv.mentions:
            if m.type != "Policy" or not AUTHORITY_PART.match(m.text):
                continue
            b = m.end - sv.start
            mt = re.match(r"\s+of\s+(?:the\s+)?", sv.text[b:])
            if not mt:
                continue
            for law in sv.mentions:
                if law.type == "Law" and law.start - sv.start == b + mt.end():
                    self._add(out, sv, law, "AUTHORIZES", m, 0.8, "section-of")

    # --------------------------------------------------------------------------------------------
    def _add(self, out, sv, s, pred, o, conf, how, props=None):
        if s.id == o.id or not self.model.allows(pred, s.type, o.type):
            return
        out.append(Candidate(s, pred, o, dict(props or {}), conf, sv.index, how))

    def _groups(self, sv: SentenceView) -> list[list[Mention]]:
        """Runs of mentions joined only by hyphens: U.S.-Japan-EU."""
        ms = [m for m in sv.mentions if m.type in ACTOR_TYPES]
        groups, cur = [], []
        for m in ms:
            if cur:
                gap = sv.text[cur[-1].end - sv.start:m.start - sv.start]
                if HYPHEN.match(gap) and m.start >= cur[-1].end:
                    cur.append(m)
                    continue
                if len(cur) >= 2:
                    groups.append(cur)
            cur = [m]
        if len(cur) >= 2:
            groups.append(cur)
        return groups

    def _hyphen_groups(self, sv, out):
        for group in self._groups(sv):
            end = group[-1].end - sv.start
            after = sv.text[end:end + 60]
            words = re.findall(r"[A-Za-z][\w\-]*", after)[:4]
            lowered = [w.lower() for w in words]
            agreement = next((m for m in sv.mentions if m.type == "Agreement"
                              and 0 <= m.start - sv.start - end <= 40
                              and not any(x.start < m.start and x.start >= group[-1].end and x.type in ACTOR_TYPES
                                          for x in sv.mentions)), None)
            if agreement is not None and not any(w in NEGO_NOUNS for w in lowered[:1]):
                for m in group:
                    self._add(out, sv, m, "PARTY_TO", agreement, 0.75, "hyphen-agreement")
                agreement.parties = getattr(agreement, "parties", []) + list(group)
                continue
            kind = None
            for w in lowered:
                if w in INVEST_NOUNS:  # "U.S.-ROK bilateral investment" flows both ways
                    kind = "INVESTS_IN"
                    break
                if w in NEGO_NOUNS:
                    kind = "NEGOTIATES"
                    break
                if w in COOP_NOUNS:
                    kind = "COOPERATES_WITH"
                    break
            if kind is None:
                continue
            for a in group:
                for b in group:
                    if a is b:
                        continue
                    if kind == "COOPERATES_WITH" and a.id > b.id:
                        continue
                    self._add(out, sv, a, kind, b, 0.7, "hyphen-" + kind.lower())

    def _agreement_parties(self, sv, out):
        """Countries named inside an agreement's own name: 'the Korea-U.S. Free Trade Agreement'."""
        for m in sv.mentions:
            if m.type != "Agreement" or m.source == "coref":
                continue
            named = m.name if getattr(m, "named_sides", False) else m.text
            inner = self.party_matcher.find(named)
            gaps = [named[a.end:b.start] for a, b in zip(inner, inner[1:])]
            if len(inner) < 2 or not all(HYPHEN.match(g) for g in gaps):
                inner = self._sides_before(sv, m)  # "the U.S.-North Korea Agreed Framework": named before the name
            if len(inner) < 2:
                continue
            parties = []
            # "the proposed Norway-Chile FTA", "the X FTA remains under negotiation": its countries negotiate it
            pending = bool(PENDING_BEFORE.search(sv.text[max(0, m.start - sv.start - 30):m.start - sv.start])
                           or PENDING_AFTER.match(sv.text, m.end - sv.start))
            for x in inner:
                pm = Mention(m.start, m.end, x.text, x.type, x.id, x.name, "gazetteer", wikidata=x.wikidata)
                parties.append(pm)
                if pending:
                    self._add(out, sv, pm, "NEGOTIATES", m, 0.7, "agreement-name-pending")
                    if getattr(m, "original", None) is not None:  # "potential changes to the X": X itself holds
                        self._add(out, sv, pm, "PARTY_TO", m.original, 0.75, "agreement-name")
                    continue
                # an amendment under negotiation has no parties yet: the agreement it changes has
                self._add(out, sv, pm, "PARTY_TO", getattr(m, "original", m), 0.75, "agreement-name")
            m.parties = getattr(m, "parties", []) + parties

    def _sides_before(self, sv, m) -> list[Mention]:
        """The countries joined by hyphens right before a pact's name ("the 1994 U.S.-North Korea Agreed Framework")
        (their offsets are in the window read before the name: only who they are is used)."""
        a = max(0, m.start - sv.start - 80)
        window = sv.text[a:m.start - sv.start]
        found = self.party_matcher.find(window)
        if not found or window[found[-1].end:].strip():
            return []
        run = [found[-1]]
        for x in reversed(found[:-1]):
            if not HYPHEN.match(window[x.end:run[0].start]):
                break
            run.insert(0, x)
        return run

    @staticmethod
    def _phrase_stop(sv, a: int) -> int | None:
        """Where what a measure is on ends: at a comma, a clause's own word, its verb or its maker's "by" (a firm's
        "by" is the deal's, inside the phrase: "a review of the acquisition of X by Y")."""
        for mt in MEASURE_PHRASE_STOP.finditer(sv.text, a - sv.start):
            firm_after = mt.group(0) == "by" and any(
                x.type == "Firm" and re.fullmatch(r"\s+(?:the\s+)?", sv.text[mt.end():x.start - sv.start])
                for x in sv.mentions if x.start - sv.start > mt.end())
            if not firm_after:
                return sv.start + mt.start()
        return None

    @staticmethod
    def _agent_after(sv, at: int) -> list[Mention]:
        """The actor a "by" right after a measure's phrase names: '... on Chilean copper by the United States'."""
        # (past a short "from" or "to" phrase: "the removal of X from the white list by Japan")
        mt = re.match(r"(?:\s+(?:from|to|into)\s+[^,;:]{1,40}?)?\s+by\s+(?:the\s+)?", sv.text[at - sv.start:])
        if not mt:
            return []
        return [x for x in sv.mentions if x.start - sv.start == at - sv.start + mt.end()
                and x.type in ("Country", "GovernmentBody") and not x.adjective]

    # --------------------------------------------------------------------------------------------
    def _owners_before(self, sv, m: Mention) -> list[Mention]:
        """Actors owning a measure: 'X's', 'X', 'X or Y' right before it, or an adjective inside it."""
        owners = [x for x in sv.mentions if x.type in ("Country", "GovernmentBody", "InternationalOrganization")
                  and m.start <= x.start < m.end]
        i = m.start - sv.start
        left = sv.text[:i]
        # walk back over generic modifiers, then collect "A's", "A", "A or B"
        pos = len(left)
        words = list(re.finditer(r"[\w\-.’']+", left))
        k = len(words) - 1
        # (and over a rate: "the U.S. 25 percent tariff", "Korea's 2.5% duty")
        while k >= 0 and (words[k].group(0).lower() in self.lex.generic_modifiers
                          or re.fullmatch(r"[\d.,]+(?:%|-percent)?|percent|per-cent", words[k].group(0).lower())):
            pos = words[k].start()
            k -= 1
        # over what was done to it after a possessive: "Chile's recently announced tariffs" (not a verb before its
        # object: "Chile removed tariffs"; not what is only planned: "Chile's planned tariffs")
        j = k
        while j >= 0 and re.fullmatch(r"[a-z]+ly|[a-z]+ed", words[j].group(0)) \
                and words[j].group(0) not in PROPOSED | NOVELTY:
            j -= 1
        if j < k and j >= 0 and re.search(r"[’']s$", words[j].group(0)):
            pos, k = words[j + 1].start(), j
        prefix = left[:pos].rstrip()
        prefix = re.sub(r"(?:[’']s?|\bthe)$", "", prefix).rstrip()
        prefix = re.sub(r"-(?:led|imposed|backed|ordered)$", "", prefix)  # "the Norway-led sanctions"
        if m.text[:1].isupper():  # a dispute's title: "United States — Anti-Dumping Measures on Washers"
            prefix = re.sub(r"\s*[\u2014\u2013]$", "", prefix).rstrip()
        ends = [x for x in sv.mentions if x.type in ("Country", "GovernmentBody", "InternationalOrganization")
                and x.end - sv.start == len(prefix)]
        if not ends and prefix != left.rstrip():
            pass
        if owners and owners[0].start == m.start:
            # "U.S. or UN sanctions": the name starts with one owner, the other is coordinated before it
            mm = re.search(r"(?:\s(?:or|and)\s|,\s)$", left)
            if mm:
                owners += [y for y in sv.mentions if y.end - sv.start == mm.start()
                           and y.type in ("Country", "GovernmentBody", "InternationalOrganization")]
        # "tariffs from Norway on Chilean wine": who a measure comes from imposes it
        after = re.match(r"\s+from\s+(?:the\s+)?", sv.text[m.end - sv.start:])
        if after and getattr(m, "head", "") in MEASURE_FROM:
            owners += [x for x in sv.mentions if x.type in ("Country", "GovernmentBody")
                       and x.start - m.end == after.end() and not x.adjective]
        # "Trump's tariffs", "President Biden's export controls": a leader's measures of government are his
        if getattr(m, "head", "") in GOVERNMENT_MEASURES:
            owners += [x for x in sv.mentions if x.type == "Person" and x.end <= m.start
                       and re.fullmatch(r"[’']s\s+", sv.text[x.end - sv.start:m.start - sv.start])]
        pronoun = next((w for w in words[k + 1:] if w.group(0).lower() in ("its", "their")), None)
        tok = None
        if not ends and sv.parse is not None:
            # "Chile exempted Peru from its steel tariffs": the pronoun is the clause's subject; (the parse finds
            # it past the measure's own adjectives: "kept its normal 25% duty")
            tok = sv.token_starting.get(pronoun.start()) if pronoun is not None else self._possessive_pronoun(sv, m)
        # (not a document one writes in: "the USTR argued in its 2019 Trade Policy Agenda")
        if tok is not None and not (tok.head.dep_ == "pobj" and tok.head.head.lower_ == "in"
                                    and tok.head.head.head.lemma_.lower() in SAYING):
            ends = [x for x in parsed_roles(sv, self.lex).pronoun_owner(tok)
                    if x.type in ("Country", "GovernmentBody", "InternationalOrganization")]
        for x in ends:
            owners.append(x)
            # coordinated owners: "U.S. or UN sanctions"
            before = sv.text[:x.start - sv.start]
            mm = re.search(r"(?:\s(?:or|and)\s|,\s)$", before)
            if mm:
                for y in sv.mentions:
                    if y.end - sv.start == mm.start() and y.type in ("Country", "GovernmentBody",
                                                                      "InternationalOrganization"):
                        owners.append(y)
        return owners

    @staticmethod
    def _possessive_pronoun(sv, m: Mention):
        """The 'its'/'their' the measure's noun phrase opens with, by the parse (None without one)."""
        toks = tokens_of(sv, m)
        if not toks:
            return None
        head = next((t for t in toks if not toks[0].i <= t.head.i <= toks[-1].i or t.head.i == t.i), toks[-1])
        return next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their")
                     and c.i < toks[0].i), None)

    def _authority_names(self, sv) -> None:
        """'future automotive tariffs under Section 232' are the Section 232 automotive tariffs."""
        for m in sv.mentions:
            if m.type != "Policy" or m.source != "pattern" or not getattr(m, "head", ""):
                continue
            b = m.end - sv.start
            a = m.start - sv.start
            auth = None
            # (past what the measure is on: "tariffs of 25 percent on steel imports under Section 232")
            mt = re.match(r"(?:\s+(?:of|on|against)\s+[^,;:()]{1,60}?)?\s+under\s+(?:the\s+)?", sv.text[b:])
            if mt:
                # (past an "on" phrase only to a section: "under the Act" there may be how the phrase's goods came)
                auth = next((x for x in sv.mentions if x.start - sv.start == b + mt.end() and (
                    x.type == "Policy" or x.type == "Law" and (mt.group(0).lstrip().startswith("under")
                                                               or AUTHORITY_PART.match(x.text)))),
                            None)
            else:  # "use Section 232 to place tariffs on ..."
                mb = re.search(r"\b(?:use|using|used|invoke|invoking|invoked|apply|applying|applied)\s+(?:the\s+)?"
                               r"(?P<auth>.{2,60}?)\s+to\s+(?:place|impose|levy|put)\s+(?:[\w\-]+\s+){0,3}$",
                               sv.text[:a])
                if mb:
                    auth = next((x for x in sv.mentions if x.start - sv.start == mb.start("auth")
                                 and x.end - sv.start == mb.end("auth") and x.type in ("Policy", "Law")), None)
            if auth is None or auth.name.lower() in m.name.lower():
                continue
            if getattr(m, "generic", False) and mt:
                # "the measures under Section 201" are Section 201's measures: the policy itself
                m.name, m.id, m.type, m.wikidata = auth.name, auth.id, auth.type, auth.wikidata
                m.source = "coref"
                continue
            surface = sv.text[a:b]
            sectors = [x for x in sv.mentions if x.type == "Sector" and a <= x.start - sv.start
                       and x.end - sv.start <= a + len(m.name) + 40 and x.text.lower() not in surface.lower()
                       and x.start - sv.start >= b]
            # "tariffs on South Korean automobiles" -> "Section 232 automobile tariffs" (a noun modifier is singular)
            sector = f"{_singular(sectors[0].text)} " if sectors and " on " in m.name else ""
            name = f"{auth.text} {sector}{surface}"
            m.aliases = set(getattr(m, "aliases", set()) or ()) | {m.name, name}
            m.name, m.id = name, entity_id("Policy", name)

    @staticmethod
    def _recognised(sv, m) -> bool:
        """A standard that another recognises, accepts or uses as its own ("recognition of U.S. standards", "cars
        using U.S. safety standards", "taking into account U.S. environmental standards")."""
        if getattr(m, "head", "") != "standard" or sv.parse is None:
            return False
        tok = next((t for t in sv.tokens if sv.start + t.idx + len(t.text) == m.end), None)
        if tok is None:
            return False
        up = tok.head.head if tok.dep_ == "pobj" else tok.head if tok.dep_ in ("dobj", "nsubjpass") else None
        return up is not None and up.lemma_.lower() in RECOGNISING

    @staticmethod
    def _buyer(sv, country, imposers) -> bool:
        """'tariffs on U.S. imports of steel': the country before "imports" buys the goods, no target; but a
        nationality other than the measure's own is where they come from ('a U.S. tariff on South Korean
        imports')."""
        if not re.match(r"\s+(?:\w+\s+)?imports\b", sv.text[country.end - sv.start:]):
            return False
        return country.id in imposers if imposers else not country.adjective

    def _measures(self, sv, out):
        roles = parsed_roles(sv, self.lex) if sv.parse is not None else None
        for m in list(sv.mentions):
            if m.type not in ("Policy", "Law"):
                continue
            if m.source == "pattern" and roles is not None and self._hypothetical(roles, sv, m) \
                    and not re.search(r"[’']s?\s*$", sv.text[:m.start - sv.start]):
                continue  # "if the United States imposed tariffs on X": no such measure exists yet
            owners = self._owners_before(sv, m) or self._importer(sv, m)
            siblings = self._coordinated_measures(sv, m, owners)
            # (a country's standards another one recognises or uses impose nothing: "will recognize United States
            # standards for auto parts"; those others must meet are imposed: "help U.S. producers meet Korean
            # emissions standards")
            # (a list something is taken off is where the removal takes it from, not a measure said to be imposed:
            # "removed Japan from its list of preferred trading partners")
            taken_off = getattr(m, "head", "") == "list" and re.search(
                r"\bfrom\s+(?:its\s+|their\s+|the\s+)?$", sv.text[:m.start - sv.start]) is not None
            if m.type == "Policy" and not taken_off and not self._about_country(sv, m, owners) \
                    and not self._recognised(sv, m):
                for o in owners:
                    if o.type in ("Country", "GovernmentBody", "InternationalOrganization", "Person"):
                        own = siblings.get(o.id, m)
                        if o.type != "InternationalOrganization":
                            self._add(out, sv, o, "IMPOSES", own, 0.75, "owner-of-measure")
            # what it is on
            targets = []
            if self._authority_of_measure(sv, m):
                continue  # "duties under Section 201 of the Trade Act on X": what the duties are on, not the act
            after = self._past_authority(sv, m)
            rest = sv.text[after - sv.start:]
            # "countervailing duty (CVD) orders on X": past the measure's abbreviation and the noun it modifies
            abbr = re.match(r"\s*\([A-Z][A-Za-z]{1,8}\)\s+(\w+)(?=\s)", rest)
            if abbr and (_singular(abbr.group(1).lower()) in self.lex.measure_extensions
                         or self.lex.head_type_word(abbr.group(1)) == "Policy") and not any(
                    x.type == "Policy" and x.start == after + abbr.start(1) for x in sv.mentions):
                # (unless the noun begins a measure's own name: "an antidumping duty (AD) order on X")
                after += abbr.end()
                rest = sv.text[after - sv.start:]
            # "tariffs on X", "tariffs of up to 218 percent on X", "duties worth $2 billion on X"
            # (an investigation or a review is "of" what it looks into: "an investigation of steel from Korea")
            # (a subsidy, a credit or a loan is "for" whom it helps: "tax credits for battery makers")
            head = getattr(m, "head", "")
            preps = "on|against|targeting|to|into" + ("|of" if head in self.lex.acts_on_of | self.lex.limits_of
                                                      | self.lex.goods_of else "") + (
                "|for" if head in self.lex.benefits_for else "")
            # ("a quota of 2.68 million tons of steel exports": past the amount it caps)
            pp = re.match(r"(?:" + IMPOSED_BY_CLAUSE + r")?\s+(?:(?:of|at)\s+(?:up\s+to\s+|about\s+|around\s+|nearly\s+)?"
                          r"[\d.,]+(?:\s*%?\s*(?:-|\u2013|to)\s*[\d.,]+)?\s*(?:percent|%)\s+"  # (a range: "11-22 percent")
                          r"|worth\s+\S+\s+(?:[mb]illion\s+)?|of\s+(?:approximately\s+|about\s+|"
                          r"around\s+|nearly\s+|up\s+to\s+)?[\d.,]+\s*(?:(?:thousand|million|billion)\s+)?(?:metric\s+)?"
                          r"(?:tons|tonnes|units|barrels)\s+)?(" + preps + r")\s+", rest)
            if pp and pp.group(1) == "to" and self._infinitive(sv, after - sv.start + pp.end()):
                pp = None  # "Section 232 to place tariffs": an infinitive, not what the measure is on
            if pp and pp.group(1) == "to" and RELIEF_FROM.search(sv.text[max(0, m.start - sv.start - 60):m.start - sv.start]):
                pp = None  # "extended exemptions from the duties to Peru": who is spared, not whom they are on
            if pp:
                a = after + pp.end()
                window_end = a + 80
                stop = self._phrase_stop(sv, a)
                if stop is not None:
                    window_end = min(window_end, stop)
                window_end = self._through_list(sv, a, self._through_goods(sv, a, window_end))
                window_end = self._through_examples(sv, self._through_apposed_goods(sv, window_end))
                kinds = ("Sector", "Country", "Firm")
                if pp.group(1) == "of" and head in self.lex.goods_of:
                    kinds = ("Sector",)  # ("export controls of chips"; "the controls of Japan" are Japan's)
                if pp.group(1) == "for":  # who gets it is the first phrase: "subsidies for chipmakers in Ohio"
                    more = re.search(r"\b(?:on|in|at|to|of|from|under|by|across)\b",
                                     sv.text[a - sv.start:window_end - sv.start])
                    window_end = a + more.start() if more else window_end
                    kinds = ("Sector", "Firm")
                imposers = {o.id for o in owners}
                listed = FOLLOWING_LIST.match(sv.text, a - sv.start)
                if listed:  # "sanctions on the following two companies, which own X: A and B": the list's names
                    kinds = ("Firm", "Country")
                    a, window_end = sv.start + listed.end(), sv.start + len(sv.text)
                # (not a kind of work done to something: "to finance the construction of plants")
                targets = [x for x in sv.mentions if a <= x.start < window_end
                           and x.type in kinds and not self._destination(sv, x, m) and not names_work(sv, x)
                           and not (x.type == "Country" and self._buyer(sv, x, imposers))
                           and not (listed and x.adjective)]
                if targets:  # the surface "UN sanctions on North Korea" names the measure too
                    last = max(targets, key=lambda x: x.end)
                    surface = re.sub(r"\s+", " ", sv.text[m.start - sv.start:last.end - sv.start])
                    if len(surface.split()) <= 12:
                        for x in [m] + list(siblings.values()):
                            x.aliases = set(getattr(x, "aliases", set()) or ()) | {
                                surface if x is m else f"{x.name} {surface[len(m.text):].strip()}"}
            inner = [x for x in sv.mentions if m.start <= x.start and x.end <= m.end and x is not m
                     and x.type == "Sector"]
            carriers = list(siblings.values()) if siblings and not any(
                m.start <= o.start and o.end <= m.end for o in owners) else [m] + list(siblings.values())
            for t in targets:
                for x in carriers:
                    self._add(out, sv, x, "TARGETS", t, 0.75, "measure-on")
            if targets and not owners:  # "the imposition of tariffs on Chilean copper by the United States"
                for o in self._agent_after(sv, max(x.end for x in targets)):
                    self._add(out, sv, o, "IMPOSES", m, 0.75, "owner-of-measure")
            for t in inner:
                self._add(out, sv, m, "TARGETS", t, 0.7, "measure-sector")

    @staticmethod
    def _past_authority(sv, m) -> int:
        """Where the words after a measure go on past the authority it is taken under ("tariffs under Section 301
        of the Trade Act| on X"); the measure's end if none follows."""
        end = m.end
        link = UNDER_AUTHORITY
        while True:
            gap = link.match(sv.text, end - sv.start)
            nxt = next((x for x in sv.mentions if gap and x.start - sv.start == gap.end()
                        and x.type in ("Policy", "Law")), None)
            if nxt is None:
                return end
            end, link = nxt.end, OF_AUTHORITY

    @staticmethod
    def _authority_of_measure(sv, m) -> bool:
        """Whether a statute or section is named as what a measure before it is taken under ("tariffs under
        Section 301", "duties under Section 201 of the Trade Act")."""
        x = m
        while True:
            before = sv.text[:x.start - sv.start]
            under = re.search(r"\s+under\s+(?:the\s+)?$", before)
            of = re.search(r"\s+of\s+(?:the\s+)?$", before)
            gap = under or of
            prev = next((y for y in sv.mentions if gap and y.end - sv.start == gap.start()
                         and y.type in ("Policy", "Law")), None)
            if prev is None:
                return False
            if under:
                return prev.source == "pattern"  # a measure the text describes, not another authority
            x = prev

    @staticmethod
    def _through_goods(sv, a: int, window_end: int) -> int:
        """'export controls on fluorinated polyimide, photoresists and hydrogen fluoride to South Korea': a list of
        goods (common nouns) does not end what the measure is on; the place after it is still in the phrase."""
        goods = GOODS_LIST.match(sv.text, a - sv.start)
        if goods is None:
            return window_end
        after = goods.end()
        stop = CLAUSE_END.search(sv.text, after)
        return max(window_end, sv.start + min(after + 60, stop.start() if stop else len(sv.text)))

    @staticmethod
    def _through_list(sv, a: int, window_end: int) -> int:
        """'tariffs on Canada, Mexico and China': the window after "on" stops at a comma, unless the comma goes on
        with a list of names of one type; then it takes the whole list (past a firm's legal form, which its mention
        leaves out: "from Gamma Corp. and Delta Metal")."""
        # (from the last name before the stop: "restrictions on materials used to make chips, electronics and
        # computer products" lists after the comma what the last name began)
        first = max((x for x in sv.mentions if a <= x.start < window_end and not x.adjective),
                    key=lambda x: x.end, default=None)
        if first is None:
            return window_end
        end = first.end
        while True:
            nxt = next((x for x in sv.mentions if x.type == first.type and not x.adjective and x.start > end
                        and (LIST_GAP.fullmatch(sv.text[end - sv.start:x.start - sv.start])
                             or x.type == "Sector" and BRANDED_GAP.fullmatch(sv.text[end - sv.start:x.start - sv.start]))),
                       None)
            if nxt is None:
                return max(window_end, end)
            end = nxt.end

    def _through_examples(self, sv, window_end: int) -> int:
        """'tariffs on imports from most countries, including Japan and Brazil': a group noun the window ends on
        goes on with the names it stands for; the window takes them."""
        if not _ends_on_noun(sv, window_end, self.lex.group_nouns):
            return window_end
        mt = EXAMPLES_AFTER.match(sv.text, window_end - sv.start)
        if mt is None:
            return window_end
        at = sv.start + mt.end()
        first = next((x for x in sv.mentions if x.start == at and not x.adjective), None)
        return window_end if first is None else self._through_list(sv, at, first.end)

    def _through_apposed_goods(self, sv, window_end: int) -> int:
        """'export controls on three materials, hydrogen fluoride, polyimide and photoresist, to Korea': a noun of
        goods the window ends on goes on, past its comma, with the goods it stands for."""
        if not _ends_on_noun(sv, window_end, self.lex.derived["goods_nouns"]):
            return window_end
        comma = re.match(r"\s*,\s*", sv.text[window_end - sv.start:])
        at = window_end + comma.end() if comma else -1
        first = next((x for x in sv.mentions if x.start == at and x.type == "Sector"), None)
        return window_end if first is None else self._through_list(sv, at, first.end)

    @staticmethod
    def _infinitive(sv, at: int) -> bool:
        if sv.parse is None:
            return False
        return any(t.idx == at and t.tag_ == "VB" for t in sv.tokens)

    @staticmethod
    def _importer(sv, m: Mention) -> list[Mention]:
        """'the tariffs imposed on all auto imports into Chile': a measure on imports into a country with no owner
        named is that country's (who takes the imports in sets their duties)."""
        if getattr(m, "head", "") not in MEASURE_FROM:
            return []
        for x in sv.mentions:
            if x.type == "Country" and not x.adjective and m.end <= x.start <= m.end + 90 and INTO_IMPORTER.fullmatch(
                    sv.text[m.end - sv.start:x.start - sv.start]):
                return [x]
        return []

    @staticmethod
    def _hypothetical(roles, sv, m: Mention) -> bool:
        """A measure a modal clause would bring about ("could impose Chilean tariffs"); not one it only speaks of
        ("U.S. tariffs could hurt Chile", "must not violate U.S. sanctions on Iran": it exists)."""
        toks = [t for t in sv.tokens if m.start <= sv.start + t.idx < m.end]
        return bool(toks) and toks[-1].dep_ in ("dobj", "nsubjpass") \
            and toks[-1].head.lemma_.lower() in MEASURE_MAKING and roles.hypothetical(toks[-1])

    @staticmethod
    def _coordinated_measures(sv, m: Mention, owners) -> dict:
        """'U.S. or UN sanctions': the owner outside the name has measures of its own ('U.S. sanctions')."""
        inside = [o for o in owners if m.start <= o.start and o.end <= m.end]
        out = {}
        # only owners joined by "or"/"and"/"," to the measure's own owner ("U.S. or UN sanctions"), not a
        # possessive ("South Korea’s IMF package" is one package)
        coordinated = [o for o in owners if o.end <= m.start and re.match(
            r"\s*(?:,\s*|\s(?:or|and)\s)", sv.text[o.end - sv.start:m.start - sv.start] + " ")]
        if not coordinated:
            return out
        before = [o for o in owners if o.end <= m.start]
        if inside:
            before = coordinated
            rest = m.text[inside[0].end - m.start:].strip()
        elif len(before) >= 2:  # "U.S. or EU sanctions on Russia", the name holding neither owner
            rest = sv.text[m.start - sv.start:m.end - sv.start].strip()
        else:
            return out
        for o in before:
            if rest:
                name = f"{o.text} {rest}"
                sib = Mention(o.start, m.end, sv.text[o.start - sv.start:m.end - sv.start], m.type,
                              entity_id(m.type, name), name, "pattern")
                sib.aliases = {name}
                out[o.id] = sib
        return out

    @staticmethod
    def _about_country(sv, m: Mention, owners) -> bool:
        """'North Korea policy' is a policy towards North Korea: a country's full name as a bare noun
        modifier of policy/strategy names the subject, not the owner ("U.S. policy" stays the owner's)."""
        if getattr(m, "head", "") not in ("policy", "strategy", "approach"):
            return False
        return any(o.start >= m.start and not o.adjective and "." not in o.text and not o.text.isupper()
                   and not re.match(r"[’']", sv.text[o.end - sv.start:o.end - sv.start + 1]) for o in owners)

    @staticmethod
    def _destination(sv, x: Mention, measure: Mention | None = None) -> bool:
        """'tariffs on Korean exports to the United States': the United States is where goods go, and levies
        them; 'licensing requirements on exports to China' hold exports back from China, their target."""
        before = sv.text[max(0, x.start - sv.start - 80):x.start - sv.start]
        # "limits on South Korea's exports of steel to the United States": whose exports they are is named, so
        # the place they go to is only where they go, whatever the measure
        owned = re.search(r"(?:[’']s|\b[A-Z][a-z]+an)\s+(?:exports?|shipments?|sales)\s+(?:of\s+(?:[\w-]+,?\s+){1,5})?"
                          r"(?:to|into)\s+(?:the\s+)?$", before)
        if owned:
            return True
        if measure is not None and getattr(measure, "head", "") not in IMPORT_MEASURES:
            return False
        return bool(GOODS_GOING_TO.search(before[-60:]))

    # --------------------------------------------------------------------------------------------
    def _became(self, sv, p: Mention, out) -> None:
        """'Gabriel Boric, who became Chile's president in 2022', 'X was elected president of Chile', 'X took
        office as the Chilean president': a person who takes a head's office leads what it heads."""
        mt = TAKING_OFFICE.match(sv.text, p.end - sv.start)
        if not mt:
            return
        at = mt.end()
        for x in sv.mentions:
            title = _title_after(sv, x, ADJECTIVE_HEAD) if x.start - sv.start == at else None
            if title:
                self._add(out, sv, p, "LEADS", x, 0.75, "taking-office", {"role": _cased(title)})
        tt = re.match(rf"(?P<title>{LEADER_TITLES})\s+of\s+(?:the\s+)?", sv.text[at:], re.IGNORECASE)
        if tt:
            for x in sv.mentions:
                if x.start - sv.start == at + tt.end() and x.type in ("Country", "GovernmentBody", "Firm"):
                    self._add(out, sv, p, "LEADS", x, 0.75, "taking-office",
                              {"role": _cased(tt.group("title"))})

    def _titles(self, sv, out, ministers_country: str = ""):
        for p in sv.mentions:
            if p.type != "Person":
                continue
            # "Yoon Suk Yeol, the president of South Korea, ..."
            mt = APPOSED_TITLE.match(sv.text[p.end - sv.start:])
            if mt and self._title_of_next(sv, p.end - sv.start + mt.start("title")):
                mt = None  # "following talks with Trump, U.S. Secretary of Commerce Wilbur Ross initiated": Ross's
            if mt:
                at = p.end - sv.start + mt.end()
                role = mt.group("title")
                role = role[0].upper() + role[1:]
                found = False
                for x in sv.mentions:
                    # (a body's mention may take in the title: "Secretary of Commerce")
                    if x.type in ("Country", "GovernmentBody", "Firm") and (x.start - sv.start == at or (
                            x.type == "GovernmentBody" and x.start - sv.start < at < x.end - sv.start)):
                        x = owned_body(sv, x) or x
                        self._add(out, sv, p, "LEADS", x, 0.8, "title", {"role": role})
                        found = True
                field = TITLE_FIELD.match(sv.text, at) if not found and role in ("Minister", "Secretary") else None
                if field:  # "Gina Raimondo, United States secretary of commerce": the department its field names
                    owner = next((x for x in sv.mentions if x.type == "Country" and mt.group("whose")
                                  and x.start - sv.start == p.end - sv.start + mt.start("whose")), None)
                    whose = owner.text if owner is not None else ""
                    body = self.body_for(_titled(field.group("dept")), role, whose) or self._ministry_of(
                        _titled(field.group("dept")), role, owner,
                        sv.text[p.end - sv.start + mt.start("title"):field.end()])  # (the title as written)
                    if body is not None:
                        self._add(out, sv, p, "LEADS", body, 0.75, "title", {"role": role})
            # "Lee Jae-myung, South Korea's president, ...", "C. C. Wei, TSMC's chief executive"
            mt = re.match(r",\s+(?:the\s+)?", sv.text[p.end - sv.start:])
            if mt:
                at = p.end - sv.start + mt.end()
                for x in sv.mentions:
                    # ("Gabriel Boric, the Chilean president, ...": a country's adjective before a head's title)
                    role = _title_after(sv, x, ADJECTIVE_TITLE) if x.start - sv.start == at else None
                    if role and _titles_next_person(sv, x, role):
                        continue  # "Joe Biden, Japan's Prime Minister Fumio Kishida, and ...": a list of titled names
                    if role:
                        self._add(out, sv, p, "LEADS", x, 0.8, "title", {"role": role[0].upper() + role[1:]})
            self._became(sv, p, out)
            left = sv.text[:p.start - sv.start]
            inside = re.match(r"(?:President|Prime Minister|Premier|Chairman|Leader)\s+", p.text)
            if inside:  # the gazetteer alias itself carries the title: "President Moon Jae-in"
                left = left + p.text[:inside.end()]
            elif p.text.find(p.name) > 0:  # "Trade Minister Kim Hyun-chong"
                left = left + p.text[:p.text.find(p.name)]
            # "U.S. Trade Representative Robert Lighthizer", "USTR Jamieson Greer": an office named by its title
            body = next((x for x in sv.mentions if x.type == "GovernmentBody" and x.end - sv.start == len(left.rstrip())
                         and (OFFICE_TITLE.search(x.text) or x.id in self.office_titles)), None)
            if body is not None:
                role = OFFICE_TITLE.search(body.text)
                self._add(out, sv, p, "LEADS", body, 0.8, "title",
                          {"role": role.group(0) if role else self.office_titles[body.id]})
                continue
            # (the title is written after any person named before this one: "Secretary of Commerce A and Minister
            # of Trade B": B's title begins at "Minister", not at A's)
            floor = max((m.end - sv.start for m in sv.mentions if m.type == "Person" and m.end <= p.start), default=0)
            # "Department of Homeland Security (DHS) Secretary X": the body, its acronym in brackets, the title
            mt = BRACKETED_TITLE.search(left, floor)
            body = next((x for x in sv.mentions if x.type in ("GovernmentBody", "Firm") and not x.adjective
                         and 0 <= mt.start() - (x.end - sv.start) <= 1), None) if mt else None
            if body is not None:
                self._add(out, sv, p, "LEADS", owned_body(sv, body) or body, 0.8, "title",
                          {"role": mt.group("title")})
                continue
            mt = TITLE_BEFORE_NAME.search(left, floor)
            if not mt:
                continue
            role = mt.group("title") or mt.group("of")
            # (a Prime Minister is a head's title, not the minister of a "Prime" ministry)
            # whose office: "Norwegian Trade Minister X", "Trade Minister X of Norway" (not Korea's trade ministry)
            owner = next((x for x in sv.mentions if x.type == "Country" and (
                0 <= mt.start() - (x.end - sv.start) <= 4 and re.fullmatch(  # (or its possessive: "Chile's")
                    r"\s?(?:['’]s\s)?", left[x.end - sv.start:mt.start()]) or re.match(r"\s+of\s+(?:the\s+)?$",
                                                                     sv.text[p.end - sv.start:x.start - sv.start]))),
                         None)
            whose = owner.text if owner is not None else ""
            if re.search(r"\b(?:Vice|Deputy|Assistant|Under|Associate)[\s-]+$", left[:mt.start()]):
                continue  # "Vice Foreign Minister X": a deputy, who does not head the ministry
            if not whose and " for " in (mt.group("of") or ""):
                continue  # ("Minister for Trade X (New Zealand)": other governments' style, whose the text must say)
            if not whose and "minister" in (mt.group("t2") or mt.group("of") or "").lower():
                whose = ministers_country  # ("Foreign Minister X" in a report on Korea: Korea's; U.S. has none)
            if mt.group("dept2"):  # "South Korean Trade Minister Kim", "Commerce Secretary Ross"
                t2 = mt.group("t2").capitalize()
                body = self.body_for(_titled(mt.group("dept2")), t2, whose) or self._ministry_of(
                    _titled(mt.group("dept2")), t2, owner, mt.group(0))
                if body is not None:
                    self._add(out, sv, p, "LEADS", body, 0.75, "title", {"role": t2})
                continue
            if mt.group("dept"):
                role = role[0].upper() + role[1:] if role[:1].isupper() else role.split()[0].capitalize()
                body = self.body_for(_titled(mt.group("dept")), role, whose) or self._ministry_of(
                    _titled(mt.group("dept")), role, owner, mt.group(0))
                if body is not None:
                    self._add(out, sv, p, "LEADS", body, 0.8, "title", {"role": role})
                continue
            before = left[:mt.start()]
            # "Velkor Corp. President and CEO X": past a first title and the firm's legal form
            before = re.sub(r"(?:[Pp]resident|[Cc]hairman|[Cc]hairwoman|[Cc]hair|[Ff]ounder|[Vv]ice [Cc]hairman)\s+"
                            r"(?:and|&)\s+$", "", before)
            before = re.sub(LEGAL_TAIL.pattern + r"(?:['’]s)?\s*$", " ", before)
            before = re.sub(r"\s(?:[Aa]cting|[Ii]nterim)\s+$", " ", before)  # ("Korea's acting president, X")
            before = re.sub(r"\s[Cc]o-$", " ", before)  # ("SeAH Steel Co-CEO X": one of two heads)
            cands = [x for x in sv.mentions if x.type in ("Country", "GovernmentBody", "Firm")
                     and 0 <= len(before.rstrip()) - (x.end - sv.start) <= 3]
            after = re.match(r"\s*,?\s+of\s+(?:the\s+)?", sv.text[p.end - sv.start:])
            if not cands and after:  # "President Maria Soto of Chile", "CEO John Reyes of Velkor Corp."
                cands = [x for x in sv.mentions if x.type in ("Country", "GovernmentBody", "Firm") and not x.adjective
                         and x.start - sv.start == p.end - sv.start + after.end()]
            for c in cands:
                self._add(out, sv, p, "LEADS", c, 0.8, "title", {"role": role[0].upper() + role[1:]})

    @staticmethod
    def _title_of_next(sv, at: int) -> bool:
        """Whether the title written from `at` on is followed by a person's name (it is theirs)."""
        # (past the commas of a ministry's list of fields: "Minister of Trade, Industry and Energy Sung Yun-mo")
        end = re.match(r"[^,;:()]*(?:,\s+(?:and\s+)?[A-Z][a-z]+(?:\s+(?:and|&)\s+[A-Z][a-z]+)?(?=[\s,])[^,;:()]*)*",
                       sv.text[at:]).end() + at
        return any(x.type == "Person" and at < x.start - sv.start <= end for x in sv.mentions)

    def body_for(self, dept: str, title: str = "", whose: str = "") -> Mention | None:
        """'Secretary of Commerce' -> the gazetteer body called 'Department of Commerce'; a minister heads a
        ministry, never a (U.S.) department: 'Japan's Minister of Defense' is not the Pentagon's head. `whose`, the
        country the title is named with, must be the body's: Norway's trade minister heads no Korean ministry (an
        ambiguous alias after another country's name is not the gazetteer's body)."""
        if self.matcher is None:
            return None
        dept = re.sub(r",\s+(and|&)\s+", r" \1 ", dept)  # ("Trade, Industry, and Energy": the serial comma is style)
        dept = _field_of(dept)
        # ("Defense Minister X" of Korea heads its Ministry of National Defense)
        ministry = (f"Ministry of {dept}", f"Ministry of the {dept}", f"{dept} Ministry", f"Ministry of National {dept}")
        department = (f"Department of {dept}", f"Department of the {dept}", f"{dept} Department",
                      f"Office of the {dept}")
        if title == "Administrator":  # "Maritime Administrator X" heads the Maritime Administration
            ministry, department = (), (f"{dept} Administration",)
        owners = [whose] + list(self._adjectives.get(whose, ())) if whose else [""]
        forms = ministry if "Minister" in title else department + ministry
        for form in forms:
            for owner in owners:
                text = f"{owner} {form}" if owner else form
                found = [f for f in self.matcher.find(text) if f.type == "GovernmentBody" and f.end == len(text)
                         and f.start in (0, len(text) - len(form)) and not self._anothers(f.id, whose)]
                if found:
                    f = found[0]
                    return Mention(0, 0, form, f.type, f.id, f.name, "gazetteer", wikidata=f.wikidata)
        if whose:
            # "Korean Minister of Foreign Affairs and Trade X": the owner's words before the title may read as a
            # shorter name of theirs ("Korean Ministry of Foreign Affairs" ...); the title's body alone is the one
            # when another of its names is the owner's ("Korean Ministry of ...")
            owned = self._owner_forms.get(whose, {whose})
            for form in forms:
                found = [f for f in self.matcher.find(form) if f.type == "GovernmentBody"
                         and (f.start, f.end) == (0, len(form))]
                if found and any(n.startswith(o + " ") for n in self._body_names.get(found[0].id, ()) for o in owned):
                    f = found[0]
                    return Mention(0, 0, form, f.type, f.id, f.name, "gazetteer", wikidata=f.wikidata)
        return None

    def _ministry_of(self, dept: str, title: str, owner: Mention | None, written: str) -> Mention | None:
        """'Indonesian Minister of Trade X', 'Peru's Defense Minister X': a minister of a country whose ministry the
        gazetteer does not know heads that country's ministry, named by its adjective ("Indonesian Ministry of Trade";
        the title as written an alias). Only where the country is written with the title."""
        if owner is None or "Minister" not in title or owner.id == "country/united-states":
            return None
        dept = _field_of(dept)
        adjective = next(iter(self._adjectives.get(owner.name, ())), owner.name)
        name = f"{adjective} Ministry of {dept}"
        m = Mention(0, 0, name, "GovernmentBody", entity_id("GovernmentBody", name), name, "pattern")
        m.aliases = {name, f"Minister of {dept}", re.sub(r"\s+", " ", written).strip(" ,")}
        return m

    def _anothers(self, body_id: str, whose: str) -> bool:
        """Whether one of the body's names gives it a country other than `whose` ("Chilean Minister of Defense" heads
        no "Korean Ministry of National Defense")."""
        owned = self._body_country.get(body_id)
        return bool(whose and owned and whose in self._owner_forms and whose not in owned)

    def _administrations(self, sv, out):
        """'(A) and (B) U.S. administrations', 'presidencies in South Korea': A, B lead the country."""
        for mt in re.finditer(r"\b(administrations?|presidenc(?:y|ies)|governments?)\b", sv.text):
            a = mt.start()
            # country right before the noun or 'in/of <country>' right after it
            countries = [x for x in sv.mentions if x.type == "Country" and 0 <= a - (x.end - sv.start) <= 2]
            after = re.match(r"\s+(?:in|of)\s+", sv.text[mt.end():])
            if after:
                b = mt.end() + after.end()
                countries += [x for x in sv.mentions if x.type == "Country" and x.start - sv.start == b]
            if not countries:
                continue
            # persons in parentheses or coordinated right before, within the same phrase
            start = a
            clause = re.split(r";|\bunder\b|\bwhile\b|, as well as\b|,\s+(?:and|but)\b", sv.text[:a])
            seg_start = a - len(clause[-1]) if clause else 0
            persons = [x for x in sv.mentions if x.type == "Person" and seg_start <= x.start - sv.start < start]
            # (only names listed right before: "Republican (Bush) and Democratic (Obama) U.S. administrations", not
            # "Chair X is flying to the United States to support the Korean government's talks")
            end = min([x.start for x in countries] + [sv.start + a])
            persons = [x for x in persons if _listed_before(sv, x.end, end, persons)]
            if mt.group(1).startswith("presiden") or mt.group(1).startswith("administration"):
                role = "President"
            else:
                role = "leader"
            for p in persons:
                for c in countries:
                    self._add(out, sv, p, "LEADS", c, 0.75, "administration", {"role": role})

    def _response(self, sv, out):
        """'In response, X removed Y from ...': X retaliates against Y; 'X raised duties ... in response to
        U.S. tariffs': X retaliates against the owner of what it responds to."""
        for mt in RESPONSE_TO.finditer(sv.text):
            b = mt.end()
            owners = [x for x in sv.mentions if x.type == "Country" and x.start - sv.start == b]
            actors = [x for x in sv.mentions if x.type == "Country" and not x.adjective and x.source != "coref"
                      and x.end - sv.start <= mt.start()]
            if owners and actors and actors[0].id != owners[0].id:
                self._add(out, sv, actors[0], "RETALIATES_AGAINST", owners[0], 0.7, "in-response-to")
        if not RESPONSE_CUE.search(sv.text):
            return
        countries = [m for m in sv.mentions if m.type == "Country" and not m.adjective]
        if len(countries) < 2 or not HOSTILE_VERBS.search(sv.text):
            return
        actor = countries[0]
        for other in countries[1:]:
            if other.id != actor.id:
                hv = HOSTILE_VERBS.search(sv.text)
                if hv and hv.start() < other.start - sv.start:
                    self._add(out, sv, actor, "RETALIATES_AGAINST", other, 0.7, "in-response")
                    break
