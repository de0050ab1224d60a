"""Document-level reference: what "the two countries", "the agreement" and "the first two" stand for.

All rules look backwards in the same document only:
- dyad anaphors ("both nations", "the two sides") -> the two countries the document mentions most
- generic agreements / measures ("the agreement", "a third investigation") -> the latest specific
  mention of the same type (and, for measures, the same head noun)
- sentence-initial ordinals ("The first two, initiated ...") -> the last measure of the previous sentence
- an agreement followed by "revisions"/"modifications", or "revised"/"renegotiated" before it, or
  "modifications to <agreement>" -> the agreement's amendments (a new Agreement that AMENDS it)
"""
from __future__ import annotations

import copy
import re
from collections import Counter, defaultdict

from ...graph.model import entity_id
from ...ontology.lexicon import load_lexicon
from .mentions import SMALL_WORDS, TITLE_GLUE, Mention
from .modality import INSTRUMENT_TYPES
from .naming import rename_entities

ORDINAL_ANAPHOR = re.compile(r"^\s*The (?:first|second|third|latter|former)(?: two| three)?(?=\s*,|\s+(?:was|were|is|are|had|have)\b)")
APPOSITIVE = re.compile(r"^\s*,\s*(?:the\s+|a\s+|an\s+)?(?:[\w\-]+\s+){0,2}$")
# modifiers of a description's head, not a phrase of its own: "the largest U.S. FTA" describes, "the successor to
# the Y pact" names Y as another
MODIFIER_WORD = r"(?!(?:to|of|for|with|in|on|by|from|than|the|a|an)\s)[a-z][\w\-]*\s+"
# ("X (ABBR), a ...")
APPOSED = re.compile(r"^\s*(?:\([^()]{1,20}\)|\))?\s*,\s*(?:the|a|an)\s+(?:" + MODIFIER_WORD + r"){0,4}$")
# what follows a clause's subject, not an apposition: "Following the signing of X, the Y (ABBR) was signed in 2006"
CLAUSE_GOES_ON = re.compile(r"^\s*(?:\([^()]{1,40}\)\s*)?(?:was|were|is|are|has|have|had|will|would|entered|took|came)\b")
LIST_GOES_ON = re.compile(r"^\s*(?:,\s*)?(?:and|or|as well as)\b|^\s*,\s*(?:the\s+)?[\w\-]+(?:\s+[\w\-]+)?\s*,")
AKA = re.compile(r"^\s*\(\s*(?:or|also known as|also called|formerly|formally|officially|a\.k\.a\.)\s+(?:the\s+)?$")
# a description followed by the name it goes by: "restrictions on Korean media, known as the Hallyu ban", "tariffs
# on Chinese goods, dubbed the "trade war tariffs"", "export controls on three chemicals (the "Japan curbs")"
NAMED_HINT = re.compile(r"\b(?:known|called|dubbed|nicknamed|termed|referred|labell?ed|branded)\b|\(\s*(?:the\s+)?[“\"'A-Z]")
NAMED_AS = re.compile(r"^\s*[,(]?\s*(?:(?:also|commonly|widely|informally|popularly|later)\s+)?"
                      r"(?:known|called|dubbed|nicknamed|termed|referred\s+to|labell?ed|branded)\s+(?:as\s+)?"
                      r"(?:the\s+)?\(?\s*[“\"']?$|^\s*\(\s*(?:the\s+)?[“\"']$")
# "a free trade agreement (the KORUS FTA)", "a defence pact (Foo Accord)": an instrument's name in brackets after
# its description (not an abbreviation of it, "a free trade agreement (FTA)"; a plant's description is named with its
# owner and place, "a planned fab (Fab 21) in Phoenix")
NAMED_IN_BRACKETS = re.compile(r"^\s*\(\s*(the\s+)?$")
# "X (ABBR)[1] is a U.S. federal statute", "Y (or Z) was an economic agreement", "X, also known as Y,[2] is a pact":
# between a named subject (or the last name in its parenthesis) and its predicate nominal; a few words may stand
# between the article and the description ("a signed but not ratified")
# ("The 'X ban' refers to a series of policy restrictions": a name defined by what it refers to)
PREDICATE_NOMINAL = re.compile(r"^[”\"']?\s*(?:\([^()]{0,120}\)\s*|\)\s*)?,?(?:\[\w{1,4}\]\s*)*\s*"
                               r"(?:(?:is|was)\s+[“\"']?(?:[a-z]+ly\s+)?(?:a|an)\s+|refers\s+to\s+(?:(?:a|an|the)\s+)?"
                               r"(?:(?:series|set|range|number|wave|package)\s+of\s+)?)(?:" + MODIFIER_WORD + r"){0,4}$")


# the kinds of instrument that bind no one as a treaty does: a description of a pact ("the agreement", "the FTA")
# refers to none of them, nor does "the declaration" refer to a treaty
STATEMENT_KINDS = frozenset({"declaration", "statement", "communique", "communiqué", "memorandum", "mou", "roadmap",
                             "plan", "vision"})


def _instrument_kind(m: Mention) -> str:
    """An agreement's kind by its head word: a statement's own kind ('declaration'), else 'pact'."""
    words = _words(m.name)
    head = words[-1] if words else ""
    return head if head in STATEMENT_KINDS else "pact"


def _proper(text: str) -> bool:
    """A name rather than a description: its words past a leading article are capitalised ("Foo Bar Act")."""
    words = [w for w in text.split() if w.lower() not in ("the", "of", "and", "on", "for", "to", "in")]
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() for w in words)


def _named_last(text: str, s: int, e: int, pattern: re.Pattern, mentions: list[Mention], history: list[Mention],
                fits) -> list[Mention]:
    """A word of `pattern` (its group 1) written alone with a capital is the entity named last that `fits` it (what
    the NER made of the bare word gives way)."""
    out = []
    for mt in pattern.finditer(text, s, e):
        a, b = mt.span(1)
        if any(x.start < b and a < x.end and x.name != mt.group(1) for x in mentions):
            continue
        found = next((h for h in reversed(history[-300:]) if fits(h, mt.group(1))), None)
        if found is not None:
            out.append(Mention(a, b, text[a:b], found.type, found.id, found.name, "coref", wikidata=found.wikidata))
    return out


def _definite_bodies(text: str, s: int, e: int, mentions: list[Mention], history: list[Mention]) -> list[Mention]:
    """'The Department awarded X ...' after 'the U.S. Department of Commerce': the body of that kind named last."""
    return _named_last(text, s, e, DEFINITE_BODY, mentions, history, lambda h, kind: h.type == "GovernmentBody"
                       and h.name != kind and re.search(rf"\b{kind}\b", h.name) is not None)


def _definite_states(text: str, s: int, e: int, mentions: list[Mention], history: list[Mention]) -> list[Mention]:
    """'SK is building a plant in Georgia. To win the project, the state provided $300 million': the U.S. state
    named last (before it in the sentence too), when no other country was named after it (a foreign "state" is its
    government)."""
    out = []
    for mt in DEFINITE_STATE.finditer(text, s, e):
        a, b = mt.span(1)
        if any(x.start < b and a < x.end for x in mentions):
            continue
        # (or named earlier in the sentence: "Kentucky Governor X welcomed Y's plant in the state")
        before = sorted((m for m in mentions if m.end <= a), key=lambda m: m.start)
        place = next((h for h in reversed(history[-120:] + before) if not h.adjective and (
            h.type == "USState" or h.type == "Country" and h.id != US_ID)), None)
        if place is not None and place.type == "USState":
            out.append(Mention(a, b, text[a:b], place.type, place.id, place.name, "coref", wikidata=place.wikidata))
    return out


# "the North", "the South" as names (not "the South China Sea", "the North American market", "the south of X")
KOREA_HALF = re.compile(r"\b[Tt]he\s+(North|South)\b(?![ \u00a0]+[A-Z]|-|[ \u00a0]+of\b)")
KOREA_HALVES = {"North": "country/north-korea", "South": "country/south-korea"}


def _korea_halves(text: str, s: int, e: int, mentions: list[Mention], history: list[Mention]) -> list[Mention]:
    """'The exemption allows the South to export fuel to the North': in a document that has named North Korea, the
    North and the South are the two Koreas (each as the document named it before)."""
    if KOREA_HALF.search(text, s, e) is None:
        return []  # (most sentences: the history is not read)
    named = {h.id: h for h in history if h.type == "Country" and h.id in KOREA_HALVES.values()}
    if KOREA_HALVES["North"] not in named:
        return []
    out = []
    for mt in KOREA_HALF.finditer(text, s, e):
        a, b = mt.span(1)
        country = named.get(KOREA_HALVES[mt.group(1)])
        if country is not None and not any(x.start < b and a < x.end for x in mentions):
            out.append(Mention(a, b, text[a:b], country.type, country.id, country.name, "coref",
                               wikidata=country.wikidata))
    return out


def _definite_holders(text: str, s: int, e: int, mentions: list[Mention], history: list[Mention]) -> list[Mention]:
    """'President Trump met ... The President also imposed ...': the person the document named last with that title,
    written before the name or inside the mention the gazetteer matched ("President Trump")."""
    return _named_last(text, s, e, DEFINITE_TITLE, mentions, history, lambda h, title: h.type == "Person" and (
        h.text.startswith(title + " ") or re.search(rf"\b{title}\s+(?:[A-Z][\w.]*\s+){{0,2}}$",
                                                    text[max(0, h.start - 40):h.start]) is not None))


def _salient_firm(text: str, history: list[Mention], wanted: set[str] | frozenset[str] = frozenset(),
                  trades: dict | None = None) -> Mention | None:
    """The firm named last that a description may mean: one named as an actor or a thing acted on before one only
    in a phrase of a preposition ("spun off from the Daebang Group" is a side character); a trade the description
    wants (a sector's name; `trades` maps trade nouns to sectors) rules out a firm whose name says another ("Korvell
    Steel" is no automaker)."""
    def other_trade(firm: Mention) -> bool:
        sectors = set(trades.values()) if trades else set()
        says = {trades.get(w, w) for w in firm.name.lower().split()} & sectors if trades else set()
        return bool(says) and not says & wanted

    firms = [h for h in reversed(history[-60:]) if h.type == "Firm" and not h.adjective
             and not (wanted and other_trade(h))]
    return next((h for h in firms if not OBLIQUE_BEFORE.search(text[max(0, h.start - 50):h.start])),
                firms[0] if firms else None)


def _plural_firms(text: str, s: int, e: int, mentions: list[Mention], history: list[Mention],
                  taken: list[tuple[int, int]]) -> list[Mention]:
    """'Velkor and Norsk won waivers. Both companies have invested in China': the firms listed last, each of them
    (as many as the number says), when no other firm was named after the list; else the firms named in the 800
    characters before, when they are as many as it says ("Samsung makes ... while SK Hynix produces ... Together,
    the firms control")."""
    out = []
    for mt in PLURAL_FIRMS.finditer(text, s, e):
        a, b = mt.span()
        if any(x < b and a < y for x, y in taken) or NAME_FOLLOWS.match(text, b, b + 40):
            continue  # (a name is part of it, or follows: "the companies Velkor and Norsk")
        firms = [m for m in history + [m for m in mentions if m.end <= a] if m.start >= a - 800
                 and m.type == "Firm" and not m.adjective]
        wanted = PLURAL_COUNT.get((mt.group("n") or "").lower())
        ids = _listed_last(text, firms)
        if not ids:
            near = list(dict.fromkeys(m.id for m in firms))
            ids = near if len(near) == (wanted or 2) else []
        if len(ids) < 2 or (wanted and len(ids) != wanted):
            continue
        by_id = {m.id: m for m in firms}
        out += [Mention(a, b, text[a:b], "Firm", i, by_id[i].name, "coref", wikidata=by_id[i].wikidata, group=True)
                for i in ids]
    return out


def _listed_last(text: str, firms: list[Mention]) -> list[str]:
    """The ids of the last run of two or more firms joined by commas and "and", when every firm named after it is
    one of them; else none."""
    run: list[Mention] = []
    for k in range(len(firms) - 1, -1, -1):
        m = firms[k]
        if run and not FIRM_LIST_JOIN.fullmatch(text, m.end, run[-1].start):
            if len({r.id for r in run}) >= 2:
                break
            run = []
        run.append(m)
    ids = list(dict.fromkeys(r.id for r in reversed(run)))
    if len(ids) < 2:
        return []
    after = [m for m in firms if m.start > run[0].start]
    return ids if all(m.id in ids for m in after) else []


def _is_venture(text: str, firm: Mention) -> bool:
    """'BlueOval SK, LLC was a battery joint venture between ...', 'formed a joint venture called X'."""
    after = text[firm.end:firm.end + 80].split(".")[0]
    before = text[max(0, firm.start - 60):firm.start]
    return bool(re.search(r"\b(?:joint venture|JV)\b", after)) or bool(
        re.search(r"\b(?:formed|created|established|launched)\s+(?:a\s+)?(?:joint venture|JV)?[,\s]*"
                  r"(?:(?:called|named)\s+)?$", before))


# words that say nothing of what a measure is about
STOP_WORDS = frozenset({"the", "a", "an", "of", "on", "to", "for", "in", "and", "by", "with", "its", "their", "effects",
                        "effect", "determine", "whether", "from", "into"})


def _words(name: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", name.lower())


def _singular(word: str) -> str:
    """'duties' -> 'duty', 'tariffs' -> 'tariff' (enough for the heads of measures)."""
    return word[:-3] + "y" if word.endswith("ies") else word.rstrip("s")


# a preposition right before a name: the name is in a side phrase ("spun off from the X Group", "with Y")
# (not "to" before a verb: "agreed to buy X" acts on X; "to the Korean firm X", "to Korean firm X" are side phrases)
OBLIQUE_BEFORE = re.compile(r"\b(?:[Ff]rom|[Ww]ith|[Oo]f|[Bb]y|[Ff]or|[Ii]nto|[Tt]han|[Aa]gainst|[Ll]ike|[Ii]ncluding|"
                            r"[Aa]longside)\s+(?:[Tt]he\s+)?(?:[A-Za-z-]+\s+){0,3}$"
                            r"|\b[Tt]o\s+(?:(?:[Tt]he|[Aa]n?)\s+|[A-Z][\w.-]*\s+)(?:[A-Za-z-]+\s+){0,2}$")
# "The President also imposed ...": the holder of that title the document named last
# (not "the President of Chile", nor "the President, United States Trade Representative X": another office beside it)
DEFINITE_TITLE = re.compile(r"\b[Tt]he\s+(President|Vice President|Secretary|Governor|Prime Minister|Chancellor)\b"
                            r"(?!\s+(?:of|for)\b|\s+[A-Z]|-|,\s+[A-Z])")
# "the Department will distribute the funds": the body of that kind the document named last
DEFINITE_BODY = re.compile(r"\b[Tt]he\s+(Department|Ministry|Agency|Bureau|Commission|Office|Secretariat)\b"
                           r"(?!\s+(?:of|for|on)\b|\s+[A-Z]|[’']s\s+[A-Z])")
# "the state provided $300 million in grants": the U.S. state named last (not "the state of ...", "the State Department")
DEFINITE_STATE = re.compile(r"\b[Tt]he\s+(state)\b(?!\s+(?:of\b|[A-Z])|-)")
US_ID = "country/united-states"
# a name right after a description: "the company Absolics" (the description introduces it)
# (or set beside it: "the shipbuilding company, Velkor Shipyard, and ...")
NAME_FOLLOWS = re.compile(r"\s+(?:[A-Z][\w&.-]*\s*){1,4}\b|\s*,\s+(?:[A-Z][\w&.-]*\s+){0,3}[A-Z][\w&.-]*\s*[,)(]")
# "the joint venture", "the group": the firm said to be one, or the firm named last
DEFINITE_VENTURE = re.compile(r"\b[Tt]he\s+((?:joint venture|venture|JV|group))\b(?!['’]s)")
# "TSMC planned to spend $12 billion on the project": the facility named last (an investment's project is its plant)
DEFINITE_PROJECT = re.compile(r"\b[Tt]he\s+(project)\b(?!['’]s|\s+(?:of|to|for)\b)")
# "the company will ...", "the Korean auto giant", "the South Korean automaker", "the battery maker": a firm
# described by a noun only firms are called by, maybe after its nationality or trade ("giant" and "maker" only with
# a trade: "the Asian giant" may be a country)
DESCRIBED_FIRM = re.compile(r"\b[Tt]he\s+((?:(?:[A-Z][a-z]+(?:-[a-z]+)?|[a-z][a-z-]+|U\.S\.|U\.K\.|US|UK)\s+){0,3}?"
                            r"(?:company|firm|automaker|"
                            r"carmaker|chipmaker|shipbuilder|steelmaker|manufacturer|conglomerate|corporation|"
                            r"giant|maker|bank|lender|insurer|utility|airline|retailer|Company|Corporation|Group))\b"
                            r"(?!\s+of\b)")  # ("the Group": its own word)
# "said company president Y", "Company CEO Y": the bare word before an officer's title is the firm named last
COMPANY_TITLE = re.compile(r"(?<![Tt]he )(?<![Aa] )(?<![Aa]ny )\b([Cc]ompany)\s+(?=(?:president|chief|CEO|chairman|"
                           r"chairwoman|chair|founder|head|spokes(?:man|woman|person)|executive)\b)")
# "both companies", "the two automakers", "the firms": the firms the text has just listed; a number or "both" may take
# a nationality ("the two Korean firms"); a bare plural is generic when a clause or phrase narrows it ("the firms that
# invest", "the companies in Georgia")
FIRM_PLURALS = r"(?:companies|firms|automakers|carmakers|chipmakers|conglomerates|manufacturers|makers|shipbuilders|" \
               r"steelmakers|groups|businesses|corporations)"
PLURAL_FIRMS = re.compile(r"\b(?:(?P<n>[Bb]oth|[Tt]he two|[Tt]he three|[Tt]he four)\s+(?:[A-Z][a-z]+\s+)?"
                          rf"|[Tt]he\s+){FIRM_PLURALS}\b(?!['’]?\s*(?:that|which|who|whose|of|with|from|in|on|at|"
                          r"under|listed|named|such|like|including)\b)")
PLURAL_COUNT = {"both": 2, "the two": 2, "the three": 3, "the four": 4}
FIRM_LIST_JOIN = re.compile(r"(?:['’]s)?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)")
# a report of someone's words: "X's CEO said the company would ..."
REPORTED = re.compile(r"\b(?:said|says|announced|announces|stated|states|added|adds|noted|notes|told|confirmed|"
                      r"confirms)\b")
# "the country" standing for one named before ("the country's top export"), not "the country of X", "the country that"
DEFINITE_COUNTRY = re.compile(r"\b[Tt]he\s+(country)\b(?!\s+(?:of|that|which|where|with|in)\b)")
# what lies between a name and a description set beside it: "Qcells, the maker", "Qcells (the maker)"
BESIDE_NAME = re.compile(r"\s*[,(]\s*")
# "there" as a place ("will invest $17 billion there"), not the existential "there is", "there were"
THERE = re.compile(r"(?<=[a-z,] )there\b(?!\s+(?:is|are|was|were|will|would|has|have|had|seems?|seemed|remains?|"
                   r"remained|appears?|appeared|exists?|existed|may|might|could|can|must|should)\b)")
# a sentence's opening adverbial: "In 2019, ...", "On 4 May, ..."
ADVERBIAL = r"(?:In|On|By|Since)\s[^,]{1,40},\s+"
OPENING = rf"(?:{ADVERBIAL})?"
# an "it" that stands for nothing: "it is likely that ..."
IMPERSONAL = r"(?!\s+is\s+(?:not\s+)?(?:likely|unclear|possible|important|necessary|expected|estimated|worth))"
# a sentence that opens with "It" (after an optional time adverbial, or after a description said first: "The biotech
# division of Y, it provides ...")
SENTENCE_IT = re.compile(rf"(?:{ADVERBIAL}|(?:The|A|An)\s[^,]{{1,60}},\s+)?((?:I|(?<=, )i)ts?)\b{IMPERSONAL}")
# a subject "it" of a clause joined to the sentence's: "..., when it was sold", "... and it later opened"
CLAUSE_IT = re.compile(rf"\b(?:when|where|after|before|and|but|until|because|while|since|so|as)\s+(it){IMPERSONAL}"
                       r"\s+(?=[a-z])")
IT_TYPES = frozenset({"Firm", "Agreement", "Law", "Policy", "Facility", "GovernmentBody",
                      "InternationalOrganization"})
# "This included barley, beef and wine", "They hit Canada and Mexico": a pronoun opening a sentence with a verb
# only a measure does stands for the measure the sentence before named last
# "it" after a verb done to an agreement: "Peru signed it", "ratified it in 2011", "withdrew from it", "acceded to it"
SIGNED_AFTER = re.compile(r"\s*(?:\([A-Z]{2,6}\)\s*)?,?\s*(?:(?:which|that)\s+(?:was|were)\s+)?(?:signed|inked)\b")
# a description of a free trade agreement, and the names of pacts that are not one
FREE_TRADE = re.compile(r"\b(?:FTA|free[ -]trade)\b", re.IGNORECASE)
OTHER_FIELD_PACT = re.compile(r"\b(?:[Nn]uclear|[Dd]efen[cs]e|[Ss]ecurity|[Mm]ilitary|[Ii]ntelligence|[Pp]eace|[Aa]rmistice|"
                              r"[Cc]ost|[Ss]pecial [Mm]easures)\b|\b(?:agreement|deal|accord)\s+on\b")
# an agreement whose subject is an agreement's amendments is them: "an agreement on KORUS modifications"
AGREEMENT_ON = re.compile(r"\b(?:agreement|deal|accord|protocol)\s+(?:on|concerning|regarding)\s+(?:the\s+)?$",
                          re.IGNORECASE)
# the amendments of an agreement named before, by a definite description: "ratified the amendments on December 7"
DEFINITE_AMENDMENTS = re.compile(r"\b(?:the|these)\s+((?:[Aa]mendments|[Rr]evisions|[Mm]odifications))\b"
                                 r"(?!\s+(?:to|of|in)\b)")
TREATY_IT = re.compile(r"\b(?:sign(?:s|ed|ing)?|ratif(?:y|ies|ied|ying)|join(?:s|ed|ing)?|(?:accede[sd]?|acceding)\s+"
                       r"to|withdr(?:ew|aw|awn|awing|aws)\s+from|(?:re)?negotiat(?:e|es|ed|ing)|amend(?:s|ed|ing)?|"
                       r"implement(?:s|ed|ing)?|approv(?:e|es|ed|ing))\s+(it)\b(?!\s+(?:to|would|will|was|is)\b)")
SENTENCE_MEASURE_PRONOUN = re.compile(
    OPENING + r"(This|These|They|It)\s+(?:also\s+|later\s+)?(?:included|includes|"
    r"include|covered|covers|cover|affected|affects|affect|targeted|targets|target|applied|applies|apply|hit|hits|"
    r"extended|extends)\b")


# "both allies and competitors": "both ... and" joins two kinds; "both sides" alone is the document's two countries
CORRELATIVE_AND = re.compile(r"\s+and\s+(?!the\b)[a-z]")


class Coreference:
    def __init__(self, lexicon=None, party_matcher=None) -> None:
        self.lex = lexicon or load_lexicon()
        self._party_matcher = party_matcher  # built on first use when not given
        self._pact_matcher = None  # the gazetteer's agreements, built on first use
        # each dyad anaphor's pattern, compiled once (escaping and compiling per sentence was coref's main cost)
        self._dyad_patterns = [(phrase, re.compile(r"\b" + re.escape(phrase) + r"\b"))
                               for phrase in self.lex.dyad_anaphors]
        # a pact's sides written as one of them ("between the two countries", "between both sides"; the article may
        # have gone from a name built of the words)
        forms = {f for p in self.lex.dyad_anaphors if not p.startswith("each ")
                 for f in (p, re.sub(r"^the\s+", "", p))}
        self._dyad_between = re.compile(r"\s+between\s+(?:" + "|".join(
            re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")$", re.IGNORECASE)

    def dyad(self, all_mentions: list[Mention]) -> list[Mention]:
        # a country named as a modifier is a topic too ("South Korean shipbuilders", "the U.S.-Korea alliance")
        counts = Counter(m.id for m in all_mentions if m.type == "Country")
        top = [k for k, _ in counts.most_common(2)]
        if len(top) < 2:
            return []
        by_id = {}
        for m in all_mentions:
            if m.id in top and m.id not in by_id:
                by_id[m.id] = m
        return [by_id[k] for k in top]

    def resolve_sentence(self, text: str, offset: int, mentions: list[Mention], history: list[Mention],
                         dyad: list[Mention], prev_sentence: list[Mention]) -> list[Mention]:
        """Return the sentence's mentions with generic ones resolved and anaphors added."""
        out: list[Mention] = []
        lowered = text.lower()
        for phrase, pattern in self._dyad_patterns:
            if phrase not in lowered:
                continue
            for mt in pattern.finditer(lowered):
                if phrase.startswith("both ") and CORRELATIVE_AND.match(lowered, mt.end()):
                    continue  # "tariffs on imports from both allies and competitors": both kinds, not the two
                for d in dyad:
                    out.append(Mention(offset + mt.start(), offset + mt.end(), text[mt.start():mt.end()],
                                       d.type, d.id, d.name, "coref", wikidata=d.wikidata))
        mo = ORDINAL_ANAPHOR.match(text)
        if mo:
            prev = [m for m in prev_sentence if m.type in ("Policy", "Agreement", "Law")]
            if prev:
                p = prev[-1]
                out.append(Mention(offset + mo.start(), offset + mo.end(), text[mo.start():mo.end()], p.type,
                                   p.id, p.name, "coref", wikidata=p.wikidata))
        named = self._named_as(text, offset, mentions)
        for m in mentions:
            if id(m) in named:  # the description takes the name it goes by, its own words an alias
                y = named[id(m)]
                merged = Mention(m.start, m.end, m.text, y.type, y.id, y.name, "merged", wikidata=y.wikidata)
                merged.aliases = {m.name} | set(getattr(m, "aliases", set()) or ())
                merged.head = getattr(m, "head", "")
                out.append(merged)
                continue
            subject = self._described(m, text, offset, mentions) if m.source == "pattern" else None
            if subject is None and (m.source != "pattern" or _proper(m.text)):
                subject = self._aka(m, text, offset, mentions)
                if subject is not None and id(subject) in named:
                    subject = None  # the name itself, which its description now stands for
            if subject is not None:  # "X is a U.S. federal statute": a description of X, not another entity
                out.append(Mention(m.start, m.end, m.text, subject.type, subject.id, subject.name, "coref",
                                   wikidata=subject.wikidata))
                continue
            if m.source == "pattern" and m.type == "Policy" and not self._generic(m):
                same = self._same_measure(m, text, offset, history) or self._titled_measure(m, history)
                if same is not None:
                    merged = Mention(m.start, m.end, m.text, same.type, same.id, same.name, "merged",
                                     wikidata=same.wikidata)
                    merged.aliases = {m.name} | set(getattr(m, "aliases", set()) or ())
                    merged.head = getattr(m, "head", "")
                    out.append(merged)
                    continue
            if m.source == "pattern" and self._generic(m):
                if getattr(m, "modifier", False):
                    continue  # a generic noun modifying another noun refers to nothing
                if getattr(m, "rate", None):
                    ref = self._same_rate(m, history)
                    if ref is None and not getattr(m, "rate_indefinite", False) and not any(
                            getattr(h, "rate", None) and _kind(h, self.lex) == _kind(m, self.lex)
                            for h in history[-200:]):
                        # "the additional 25% tariff" where no measure of its kind was given a rate: the one named
                        ref = self._antecedent(m, history + out, {x.id for x in out + mentions if x.type == "Country"})
                    if ref is not None:
                        out.append(Mention(m.start, m.end, m.text, ref.type, ref.id, ref.name, "coref",
                                           wikidata=ref.wikidata))
                        continue
                    if not getattr(m, "owned", False):
                        continue
                    # (a measure of a rate no earlier one had, which its owner names, is read as any owned measure:
                    # "a 25 percent tariff imposed by Norway")
                if getattr(m, "indefinite", False) and m.type in ("Agreement", "Law"):
                    pact = self._new_pact_of_dyad(m, text, offset, mentions, dyad)
                    if pact is not None:
                        out.append(pact)
                    continue  # "an FTA with Japan" is not an agreement named before
                novel = self._novel(m, text, offset)
                if novel is not None:
                    out.append(novel)
                    continue
                under = self._under(m, text, offset, mentions)
                if under is not None:  # "the measures under Section 201" are that policy's
                    out.append(Mention(m.start, m.end, m.text, under.type, under.id, under.name, "coref",
                                       wikidata=under.wikidata))
                    continue
                actors = {x.id for x in out + mentions if x.type == "Country"}
                ref = self._appositive(m, text, offset, mentions) or self._antecedent(m, history + out, actors)
                if ref is not None:
                    out.append(Mention(m.start, m.end, m.text, ref.type, ref.id, ref.name, "coref",
                                       wikidata=ref.wikidata))
                elif (theirs := self._their_pact(m, text, offset, mentions + out, dyad)) is not None:
                    out.append(theirs)
                elif getattr(m, "owned", False):
                    out.append(m)  # "Chile's tariffs" named nowhere before: the owner says which (naming.py names it)
                elif getattr(m, "sides", None) and len(self._parties_in(sides := self._dyad_sides(m.sides, dyad))) >= (
                        2 if " between " in sides else 1):
                    # "the FTA with Chile", no pact named before: named by its sides (countries, not their envoys)
                    out.append(Mention(m.start, m.end, m.text, m.type, entity_id(m.type, sides), sides,
                                       "pattern", aliases={sides}))
                elif (by_dyad := self._by_dyad(m, dyad)) is not m:
                    out.append(by_dyad)
                continue
            out.append(self._by_dyad(m, dyad) if m.type == "Agreement" and m.source == "pattern" else m)
        return out

    def _new_pact_of_dyad(self, m: Mention, text: str, offset: int, mentions: list[Mention],
                          dyad: list[Mention]) -> Mention | None:
        """'The United States will impose a 15% tariff on South Korean imports as part of a sweeping new trade
        agreement': a new pact in a sentence that names the document's two countries and no other is theirs, named by
        them (the parties its name holds)."""
        if m.type != "Agreement" or len(dyad) != 2 or _instrument_kind(m) != "pact" \
                or not (re.search(r"\bnew\s+$", text[max(0, m.start - offset - 12):m.start - offset], re.IGNORECASE)
                        or FREE_TRADE.search(m.text) and SIGNED_AFTER.match(text, m.end - offset)):
            # (or a free trade agreement said signed: "Turkey and Korea crowned their relations with a free trade
            # agreement (FTA) signed on August 1")
            return None
        named = {x.id for x in mentions if x.type == "Country"}
        if named != {d.id for d in dyad}:
            return None
        return self._pact_of_dyad(m, text, offset, dyad)

    def _their_pact(self, m: Mention, text: str, offset: int, mentions: list[Mention], dyad: list[Mention]):
        """'the two countries also negotiated an amendment to their free trade agreement', no FTA named before: the
        free trade agreement of the document's two countries, when the sentence names them and no other."""
        if m.type != "Agreement" or len(dyad) != 2 or not FREE_TRADE.search(m.text) \
                or not re.search(r"\btheir\s+(?:[\w-]+\s+){0,2}$", text[max(0, m.start - offset - 40):m.start - offset]):
            return None
        if {x.id for x in mentions if x.type == "Country" and not x.adjective} != {d.id for d in dyad}:
            return None
        return self._pact_of_dyad(m, text, offset, dyad)

    def _pact_of_dyad(self, m: Mention, text: str, offset: int, dyad: list[Mention]) -> Mention:
        """The pact of the document's two countries that m describes: a free trade agreement the gazetteer knows
        by its sides ("the United States-South Korea FTA" is the KORUS FTA), else one named by them."""
        fta = FREE_TRADE.search(m.text)
        if fta:
            if self._pact_matcher is None:
                from .mentions import GazetteerMatcher

                self._pact_matcher = GazetteerMatcher(types=("Agreement",))
            sides = f"{dyad[0].name}-{dyad[1].name} FTA"
            known = [k for k in self._pact_matcher.find(sides) if k.start == 0 and k.end == len(sides)]
            if known:
                return Mention(m.start, m.end, m.text, known[0].type, known[0].id, known[0].name, "coref",
                               wikidata=known[0].wikidata)
        name = f"{dyad[0].name}-{dyad[1].name} {'FTA' if fta else m.name}"
        # (the words it is written with stay an alias: "sweeping new trade agreement")
        written = re.search(r"\b(?:a|an)\s+((?:[\w-]+\s+){1,3})$", text[max(0, m.start - offset - 40):m.start - offset])
        surface = (written.group(1) if written else "") + m.text
        pact = Mention(m.start, m.end, m.text, m.type, entity_id(m.type, name), name, "pattern",
                       aliases={name, re.sub(r"\s+", " ", surface).strip()})
        pact.named_sides = True  # (its parties are in its name, not in its words: structural._agreement_parties)
        return pact

    def _by_dyad(self, m: Mention, dyad: list[Mention]) -> Mention:
        """'signed a trade agreement' whose sides are "the two countries", no pact named before: named by the
        document's two countries, as a pact between two names is (naming.py may then find it in the gazetteer)."""
        sides = self._dyad_sides(m.name, dyad)
        if sides == m.name:
            return m
        m = copy.copy(m)
        m.name, m.id, m.aliases = sides, entity_id(m.type, sides), {sides}
        return m

    def _dyad_sides(self, sides: str, dyad: list[Mention]) -> str:
        """'trade agreement between the two countries' -> 'trade agreement between United States and South Korea':
        a pact's sides given by a dyad anaphor are the document's two countries."""
        mt = self._dyad_between.search(sides)
        if mt is None or len(dyad) != 2:
            return sides
        return f"{sides[:mt.start()]} between {dyad[0].name} and {dyad[1].name}"

    def _same_rate(self, m: Mention, history: list[Mention]) -> Mention | None:
        """'Norwegian cars will face a 15 percent tariff': the measure of that kind and rate named before ("a 25
        percent tariff" is not the 15 percent one; a new one, "a 10% duty", only where its sentence names no other
        countries than that one's)."""
        return next((h for h in reversed(history[-200:]) if h.type == "Policy" and h.source == "pattern"
                     and getattr(h, "rate", None) == m.rate and _kind(h, self.lex) == _kind(m, self.lex)
                     and not self._generic(h) and not (getattr(m, "rate_indefinite", False)
                                                       and m.countries and not m.countries & h.countries)), None)

    def _titled_measure(self, m: Mention, history: list[Mention]) -> Mention | None:
        """'Section 232 National Security Investigation of Imports of Semiconductors' ... 'the Secretary initiated
        an investigation to determine the effects on the national security of imports of semiconductors': a measure
        described by what it does is the one the document names by title, of the same kind, when the two share
        at least two words of what they are about."""
        head = getattr(m, "head", "")
        if head not in self.lex.acting_heads or m.name[:1].isupper():
            return None
        about = {w for a in {m.name, *(m.aliases or ())} for w in _words(a)} - STOP_WORDS - {head}
        for h in reversed(history[-200:]):
            if h.type != "Policy" or not h.name[:1].isupper() or _singular((_words(h.name) or [""])[-1]) != head:
                continue
            named = {w for a in {h.name, *(getattr(h, "aliases", None) or ())} for w in _words(a)} - STOP_WORDS
            if len({_singular(w) for w in about} & {_singular(w) for w in named}) >= 2:
                return h
        return None

    def _same_measure(self, m: Mention, text: str, offset: int, history: list[Mention]) -> Mention | None:
        """'restrictions on materials' ... later 'Japanese export restrictions on sensitive materials': one
        measure described twice (same head, the earlier description's words all reappear, same country)."""
        head = getattr(m, "head", "")
        if not head:
            return None
        context = set(_words(text[m.start - offset:m.end - offset + 60]))
        countries = set(m.countries)
        # a definite description may name the measure with another word of its kind: "export restrictions" ...
        # "the export controls" ("new export controls" are others)
        definite = re.search(r"\b(?:the|these|those|such)\s+$", text[max(0, m.start - offset - 8):m.start - offset],
                             re.IGNORECASE) is not None
        kind = self.lex.measure_kinds.get(head) if definite else None
        for h in reversed(history[-200:]):
            other = getattr(h, "head", "")
            if h.type != "Policy" or h.source != "pattern" or h.id == m.id or (
                    other != head and (kind is None or self.lex.measure_kinds.get(other) != kind)):
                continue
            if m.about and h.about and not m.about & h.about:
                continue  # "export controls on salmon" ... "export controls on copper": said to be on other things
            words = [w for w in _words(h.name) if w not in self.lex.generic_modifiers
                     and w not in ("on", "of", "for", "to", "the", "and", "in") and w.rstrip("s") != head
                     and w.rstrip("s") != other]
            # a country's name says whose, not which: "U.S. tariff" is no description to merge later ones into;
            # and two measures named with different countries are two ("U.S. ... standards", "Korean ... standards")
            owners_h, owners_m = self._country_words(h.name), self._country_words(m.name)
            if owners_h and owners_m and not owners_h & owners_m:
                continue
            words = [w for w in words if w not in owners_h]
            if not words or not set(words) <= context:
                continue
            if countries and not countries <= h.countries:
                continue
            return h
        return self._described_again(m, history) if definite else None

    def _described_again(self, m: Mention, history: list[Mention]) -> Mention | None:
        """'Section 201 safeguard tariffs on washers' ... 'the safeguard measures': a definite description by a word
        of any measure whose other words all belong to a measure named shortly before."""
        head = getattr(m, "head", "")
        if head not in self.lex.measure_hypernyms:
            return None
        words = {w for w in _words(m.name) if w not in self.lex.generic_modifiers and w not in STOP_WORDS
                 and _singular(w) != head}
        if not words or self._country_words(m.name):
            return None
        for h in reversed(history[-40:]):
            if h.type != "Policy" or h.id == m.id or self._generic(h):
                continue
            named = {w for a in {h.name, *(getattr(h, "aliases", None) or ())} for w in _words(a)}
            if words <= named:
                return h
        return None

    @staticmethod
    def _under(m: Mention, text: str, offset: int, mentions: list[Mention]) -> Mention | None:
        if m.type != "Policy":
            return None
        mt = re.match(r"\s+under\s+(?:the\s+)?", text[m.end - offset:])
        if not mt:
            return None
        at = m.end + mt.end()
        return next((x for x in mentions if x.start == at and x.type in ("Policy", "Law")), None)

    def _parties_in(self, name: str) -> list[Mention]:
        """The countries and organisations a name holds ("U.S.-Korea FTA", "U.S. tariff")."""
        if self._party_matcher is None:
            from .mentions import PARTY_TYPES, GazetteerMatcher

            self._party_matcher = GazetteerMatcher(types=PARTY_TYPES)
        return self._party_matcher.find(name)

    def _country_words(self, name: str) -> set[str]:
        return {w for x in self._parties_in(name) for w in _words(x.text)}

    def _parties_fit(self, agreement: Mention, actors: set[str]) -> bool:
        """An agreement named after its parties fits a sentence about other countries only if they are
        among them."""
        parties = {x.id for x in self._parties_in(agreement.text)}
        return len(parties) < 2 or actors <= parties

    def _novel(self, m: Mention, text: str, offset: int) -> Mention | None:
        """'newly proposed legislation': a new instrument, named by its modifiers, not an anaphor."""
        words = "|".join(re.escape(w) for w in sorted(self.lex.novelty_modifiers))
        mt = re.search(rf"\b(?:{words})(?:\s+[\w\-]+){{0,2}}\s+$", text[:m.start - offset], re.IGNORECASE)
        if mt is None or not any(w.lower() in self.lex.novelty_modifiers for w in
                                 text[mt.start():m.start - offset].split()[:1]):
            return None
        span = text[mt.start():m.end - offset]
        name = re.sub(r"\s+", " ", span).strip()
        if len(name.split()) > 5:
            return None
        new = Mention(offset + mt.start(), m.end, span, m.type, entity_id(m.type, name), name, "pattern",
                      wikidata=m.wikidata)
        return new

    @staticmethod
    def _appositive(m: Mention, text: str, offset: int, mentions: list[Mention]) -> Mention | None:
        """'another regional trade agreement, the fifteen-nation RCEP': the appositive names it."""
        for x in mentions:
            if x.type == m.type and x.start > m.end and x.source == "gazetteer":
                if APPOSITIVE.match(text[m.end - offset:x.start - offset]):
                    return x
        return None

    @staticmethod
    def _described(m: Mention, text: str, offset: int, mentions: list[Mention]) -> Mention | None:
        """The name that m describes, if any: as the predicate nominal of its subject ("The X Act is a U.S. federal
        statute") or in an aside after it ("NAFTA, the largest U.S. FTA,")."""
        # (a firm may be described as its works: "Hyundai Motor Manufacturing Alabama is an automobile factory in
        # Montgomery", "TSMC, the world's largest foundry,")
        kinds = (m.type, "Firm") if m.type == "Facility" else (m.type,)
        before = [x for x in mentions if x.end <= m.start and x.type in kinds and not x.adjective
                  and (x.source != "pattern" or _proper(x.text) or text[x.start - offset - 1:x.start - offset] in
                       ("\"", "“", "'", "‘"))]  # (a quoted term is a name too: 'The "Hallyu ban" refers to')
        # the subject itself before a name in its parenthesis: "The X Act (or Y Act) is a federal statute"
        for x in sorted(before, key=lambda x: x.start):
            if PREDICATE_NOMINAL.match(text[x.end - offset:m.start - offset]):
                return x
        # an aside: "NAFTA, the largest U.S. FTA, with ..." (not a list: "X, the Y and the Z")
        x = max(before, key=lambda x: x.end, default=None)
        if x is not None and APPOSED.match(text[x.end - offset:m.start - offset]) \
                and not LIST_GOES_ON.match(text[m.end - offset:]) and not CLAUSE_GOES_ON.match(text[m.end - offset:]):
            return x
        return None

    @staticmethod
    def _named_as(text: str, offset: int, mentions: list[Mention]) -> dict[int, Mention]:
        """Descriptions followed by the name they go by ('restrictions on X, known as the Y ban'): id(description)
        -> the name's mention. A name is capitalised, quoted or known to the gazetteer."""
        out: dict[int, Mention] = {}
        if not NAMED_HINT.search(text):
            return out  # (most sentences name nothing this way: skip the pairwise look)
        for m in mentions:
            if m.source != "pattern" or _proper(m.text) or m.adjective:
                continue
            # the phrase ends after what the measure is on ("restrictions| on Korean media"): its longest alias
            written = text[m.start - offset:]
            ends = {m.start + len(a) for a in {m.text, *(getattr(m, "aliases", ()) or ())} if written.startswith(a)}
            for y in mentions:
                # (the kinds of instrument a description and its name may differ in: the name decides which kind
                # it is, "the economic initiative, known as IPEF" is a pact)
                kinds = {y.type, m.type}
                if y.start < m.end or len(kinds) > 1 and not kinds <= INSTRUMENT_TYPES or y.id == m.id \
                        or y.adjective:
                    continue
                quoted = text[y.start - offset - 1:y.start - offset] in ("\"", "“", "'", "‘")
                if (y.source != "pattern" or y.text[:1].isupper() or quoted) \
                        and any(NAMED_AS.match(text[e - offset:y.start - offset]) for e in ends if e <= y.start):
                    out[id(m)] = y
                    break
                if y.text[:1].isupper() and kinds <= INSTRUMENT_TYPES and text[y.end - offset:][:1] == ")" \
                        and any((b := NAMED_IN_BRACKETS.match(text[e - offset:y.start - offset]))
                                and (b.group(1) or " " in y.text.strip()) for e in ends if e <= y.start):
                    out[id(m)] = y
                    break
        return out

    @staticmethod
    def _aka(m: Mention, text: str, offset: int, mentions: list[Mention]) -> Mention | None:
        """The name that m is another name of: "the X Act (or Y Act)", "X (also known as Y)"."""
        for x in mentions:
            if x.end <= m.start and x.type == m.type and x.id != m.id and not x.adjective \
                    and AKA.match(text[x.end - offset:m.start - offset]):
                return x
        return None

    def _generic(self, m: Mention) -> bool:
        if getattr(m, "generic", False):
            return True
        if getattr(m, "under_title", False):
            return False  # "tariffs under the Trade Act": the law says which (structural.py names them by it)
        name = m.name.lower()
        # (a title keeps its words: "a Bilateral Trade Agreement" is named, "a bilateral trade agreement" is not)
        titled = len(m.name.split()) >= 2 and m.name.split()[0].lower() not in self.lex.praise_words and all(
            w[:1].isupper() or w in TITLE_GLUE for w in m.name.split())
        words = [w for w in _words(name) if titled or w not in self.lex.generic_modifiers]
        if len(words) >= 2 and re.sub(r"s$", "", words[-1]) in self.lex.measure_extensions:
            words = words[:-1]  # "a tariff regime" is as generic as "a tariff"
        # ("trade deals" as generic as "trade deal")
        return not words or bool({" ".join(words), " ".join(words[:-1] + [_singular(words[-1])])}
                                 & self.lex.generic_phrases)

    def _antecedent(self, m: Mention, history: list[Mention], actors: set[str] = frozenset()) -> Mention | None:
        head = _words(m.name)[-1] if _words(m.name) else ""
        recent = history[-80:]
        if m.type == "Agreement" and FREE_TRADE.search(m.text):
            # "the FTA", "their free trade agreement": not a pact of another field ("the nuclear cooperation
            # agreement", "the agreement on steel imports")
            recent = [h for h in recent if h.type != "Agreement" or not OTHER_FIELD_PACT.search(h.name)]
        if m.type == "Agreement" and len(actors) >= 2:
            # "This is the third agreement that Chile and Peru have signed", after the Chile-Peru FTA and then NAFTA:
            # the pact named by the sentence's sides, before one that names none
            for h in reversed(recent):
                if h.type == "Agreement" and not h.adjective and not self._generic(h) \
                        and _instrument_kind(m) == _instrument_kind(h) \
                        and actors <= {x.id for x in self._parties_in(h.text)}:
                    return h
        for k, h in enumerate(reversed(recent)):
            if h.type != m.type or h.adjective or self._generic(h):
                continue
            if m.type == "Agreement" and actors and not self._parties_fit(h, actors):
                continue  # "the two countries signed the agreement": not the U.S.-Canada FTA named in between
            if h.name.endswith(" amendments") and not getattr(m, "amended", False) and not set(_words(m.name)) & (
                    self.lex.amendment_nouns | self.lex.amendment_adjectives | {"amendments", "version"}):
                continue  # "the agreement" after "with a renegotiated version signed in 2010": the pact itself
            if m.type == "Agreement" and _instrument_kind(m) != _instrument_kind(h):
                continue  # "the Free Trade Agreement" is not the joint declaration named before it
            if m.type in ("Agreement", "Law") or (m.type == "Facility" and not _words(h.name)[-1:] == ["site"]):
                return h  # "the treaty", "the act", "this facility": the last one named
            # (a name's head, not its last word: "tariff on Chilean goods" is a tariff)
            hw = [getattr(h, "head", "")] if getattr(h, "head", "") else _words(h.name)[-1:]
            if hw and self._same_kind(hw[-1], head, near=k < 12):
                return h
        return None

    def _same_kind(self, named: str, described: str, near: bool) -> bool:
        """'tariffs' ... 'the tariffs', 'the duties'; any measure ... 'the measures' (only the one named nearby)."""
        named, described = _singular(named), _singular(described)
        if named == described:
            return True
        kinds = self.lex.measure_kinds
        if named in kinds and kinds.get(described) == kinds[named]:
            return True
        return near and described in self.lex.measure_hypernyms

    # --- definite descriptions and pronouns ------------------------------------------------------------
    def _described_firms(self, text: str, s: int, e: int, mentions: list[Mention],
                         history: list[Mention]) -> list[Mention]:
        """'The Korean auto giant announced ...': the firm named last that fits the description, not the country
        its adjective names; a trade the description names rules out a firm whose own name says another trade
        ('the automaker' after 'Velkor Motors and Korvell Steel' is Velkor Motors)."""
        out = []
        trades = self.lex.sector_nouns
        for mt in [*DESCRIBED_FIRM.finditer(text, s, e), *COMPANY_TITLE.finditer(text, s, e)]:
            a, b = mt.span(1)
            titled = mt.re is COMPANY_TITLE  # (a name after its title is the officer's, not the firm's)
            inside = [m for m in mentions if a < m.end and m.start < b]
            if any(not (m.adjective or m.type in ("Sector", "Country") or text.startswith("-based", m.end))
                   for m in inside):
                continue  # a name is part of it ("the Hyundai company"; "the Seoul-based company", "the US robotics
                # company" say where it is)
            if not titled and NAME_FOLLOWS.match(text, b, b + 40):
                continue  # "the company Absolics": the name follows
            if any(m.type == "Firm" and not m.adjective and BESIDE_NAME.fullmatch(text, m.end, mt.start())
                   for m in mentions):
                continue  # "Qcells, the solar panel maker,": an apposition names the firm it describes
            words = mt.group(1).lower().replace("-", " ").split()
            trade = [w for w in words[:-1] if not any(m.adjective and w in m.text.lower() for m in inside)]
            if words[-1] in ("giant", "maker") and not trade:
                continue
            wanted = {m.name for m in inside if m.type == "Sector"} | {trades[w] for w in words if w in trades}
            # (a firm named earlier in the same sentence is the last one named when a report of its words lies
            # between them: "X's CEO said the company would"; "X acquired a stake in the company" is another's)
            earlier = sorted((m for m in mentions if m.type == "Firm" and m.end <= a
                              and REPORTED.search(text, m.end, mt.start())), key=lambda m: m.start)
            firm = _salient_firm(text, history + earlier, wanted, trades)
            if words[-1] == "group" and mt.group(1)[-5:] == "Group":
                # "the Group": the group named last ("Sunkyong Textiles" after "SK Group" is one of its firms)
                firm = next((h for h in reversed((history + earlier)[-60:]) if h.type == "Firm" and not h.adjective
                             and h.name.split()[-1] == "Group"), None)
            if firm is not None:
                # (the mention is the head noun: the words before it still say where the firm is from and what it
                # does, "the US robotics company", for constructions.descriptors)
                h = a + text[a:b].rfind(" ") + 1
                out.append(Mention(h, b, text[h:b], firm.type, firm.id, firm.name, "coref", wikidata=firm.wikidata))
        return out

    def references(self, text: str, s: int, e: int, mentions: list[Mention], history: list[Mention],
                   prev_sentence: list[Mention]) -> list[Mention]:
        """'The company will invest ...' (the firm named last), 'It was ratified in 2011' at the start of a
        sentence (what the sentence before was about: its first named entity when that opened the sentence)."""
        out: list[Mention] = self._described_firms(text, s, e, mentions, history) + _definite_bodies(
            text, s, e, mentions, history) + _definite_holders(text, s, e, mentions, history) + _definite_states(
            text, s, e, mentions, history) + _korea_halves(text, s, e, mentions, history)
        taken = [(m.start, m.end) for m in mentions + out]
        for mt in DEFINITE_VENTURE.finditer(text, s, e):
            a, b = mt.span(1)
            if any(x < b and a < y for x, y in taken):
                continue
            if NAME_FOLLOWS.match(text, b, b + 40):
                continue  # "the group Absolics": the name follows
            if mt.group(1).lower() in ("joint venture", "venture", "jv"):  # the firm said to be one, else none
                firm = next((h for h in reversed(history[-200:]) if h.type == "Firm" and not h.adjective
                             and _is_venture(text, h)), None)
            else:
                firm = _salient_firm(text, history)
            if firm is not None:
                out.append(Mention(a, b, text[a:b], firm.type, firm.id, firm.name, "coref", wikidata=firm.wikidata))
        for mt in DEFINITE_PROJECT.finditer(text, s, e):
            a, b = mt.span(1)
            plant = next((h for h in reversed(history[-40:]) if h.type == "Facility" and not getattr(h, "generic", False)),
                         None)
            if plant is not None and not any(x < b and a < y for x, y in taken):
                out.append(Mention(a, b, text[a:b], plant.type, plant.id, plant.name, "coref", wikidata=plant.wikidata))
        for mt in DEFINITE_COUNTRY.finditer(text, s, e):  # "Automobiles are the country's top export"
            a, b = mt.span(1)
            named = {m.id: m for m in list(prev_sentence) + [m for m in mentions if m.end <= a]
                     if m.type == "Country" and not m.adjective and m.source != "coref"}
            if len(named) == 1 and not any(x < b and a < y for x, y in taken):
                (country,) = named.values()  # (one country only: with two, which one the words do not say)
                out.append(Mention(a, b, text[a:b], country.type, country.id, country.name, "coref",
                                   wikidata=country.wikidata))
        for mt in THERE.finditer(text, s, e):  # "Samsung announced a fab in Texas. It will invest $17 billion there."
            a, b = mt.span()
            places = [m for m in list(prev_sentence) + [m for m in mentions if m.end <= a]
                      if m.type in ("USState", "Country") and not m.adjective and m.source != "coref"]
            if places and not any(x < b and a < y for x, y in taken):
                place = max(places, key=lambda m: (m in mentions, m.start))
                out.append(Mention(a, b, text[a:b], place.type, place.id, place.name, "coref",
                                   wikidata=place.wikidata))
        mt = SENTENCE_IT.match(text, s, e)
        if mt and prev_sentence:
            a, b = mt.span(1)
            first = min((m for m in prev_sentence if m.source != "coref" or m.type != "Country"),
                        key=lambda m: m.start, default=None)
            if first is not None and first.type in IT_TYPES and not first.adjective and not any(
                    x < b and a < y for x, y in taken):
                before = text[max(0, first.start - 200):first.start]
                opens = len(re.findall(r"[\w’'-]+", before.split("\n")[-1].split(".")[-1])) <= 3
                if opens:
                    out.append(Mention(a, b, text[a:b], first.type, first.id, first.name, "coref",
                                       wikidata=first.wikidata))
                    # ("It was a unit of Y until 2007, when it was sold to Z": a clause's "it" after the opening
                    # one is the same subject)
                    for later in CLAUSE_IT.finditer(text, b, e):
                        x, y = later.span(1)
                        if not any(p < y and x < q for p, q in taken):
                            out.append(Mention(x, y, text[x:y], first.type, first.id, first.name, "coref",
                                               wikidata=first.wikidata))
        out += self._treaty_it(text, s, e, mentions, history, taken + [(m.start, m.end) for m in out])
        for mt in DEFINITE_AMENDMENTS.finditer(text, s, e):  # "... ratified the amendments on December 7"
            a, b = mt.span(1)
            amended = next((h for h in reversed(history[-40:]) if h.type == "Agreement"
                            and h.name.endswith(" amendments")), None)
            if amended is not None and not any(x < b and a < y for x, y in taken + [(m.start, m.end) for m in out]):
                out.append(Mention(a, b, text[a:b], amended.type, amended.id, amended.name, "coref",
                                   wikidata=amended.wikidata))
        out += _plural_firms(text, s, e, mentions, history, taken + [(m.start, m.end) for m in out])
        mt = SENTENCE_MEASURE_PRONOUN.match(text, s, e)
        if mt and prev_sentence:
            a, b = mt.span(1)
            measure = max((m for m in prev_sentence if m.type == "Policy" and not m.adjective), key=lambda m: m.start,
                          default=None)
            if measure is not None and not any(x < b and a < y for x, y in taken + [(m.start, m.end) for m in out]):
                out.append(Mention(a, b, text[a:b], measure.type, measure.id, measure.name, "coref",
                                   wikidata=measure.wikidata))
        return out

    @staticmethod
    def _treaty_it(text: str, s: int, e: int, mentions: list[Mention], history: list[Mention],
                   taken: list[tuple[int, int]]) -> list[Mention]:
        """'The Andean Pact was concluded in 2019. Peru signed it in 2020': "it" after a verb done to agreements
        (sign, ratify, join, accede to, withdraw from, ...) is the agreement named last: before it in the sentence,
        else in the 600 characters before the sentence."""
        out = []
        for mt in TREATY_IT.finditer(text, s, e):
            a, b = mt.span(1)
            if any(x < b and a < y for x, y in taken):
                continue
            here = [m for m in mentions if m.type == "Agreement" and m.end <= a and not m.adjective]
            recent = here or [m for m in history[-30:] if m.type == "Agreement" and not m.adjective
                              and m.start >= s - 600]
            if recent:
                last = recent[-1]
                out.append(Mention(a, b, text[a:b], last.type, last.id, last.name, "coref", wikidata=last.wikidata))
        return out

    # --- amendments ----------------------------------------------------------------------------------
    def amendments(self, text: str, offset: int, mentions: list[Mention]) -> tuple[list[Mention], list[tuple]]:
        """Amended-agreement mentions and (amendment, AMENDS, original) pairs found in one sentence."""
        nouns = "|".join(sorted(self.lex.amendment_nouns))
        adjs = "|".join(sorted(self.lex.amendment_adjectives))
        verbs = "|".join(sorted(v[:-1] if v[-1] in "ey" else v for v in self.lex.amendment_verbs))
        new, pairs = [], []
        for m in mentions:
            if m.type != "Agreement" or m.name.endswith(" amendments"):
                continue
            a, b = m.start - offset, m.end - offset
            after = re.match(rf"\s+(?:{nouns})s?\b", text[b:], re.IGNORECASE)
            # ("the revised X", "a revised version of the X")
            before = re.search(rf"\b(?:{adjs})\s+(?:version\s+of\s+(?:the\s+)?)?$", text[:a], re.IGNORECASE)
            # ("amendments to the X", "amendments to be made to the X", "amendments and modifications to improve the
            # X")
            of = re.search(rf"\b(?:{nouns})s?\s+(?:and\s+(?:{nouns})s?\s+)?(?:(?:to\s+be\s+)?(?:made|proposed|agreed)"
                           rf"\s+)?(?:to|of)\s+(?:(?:improve|update|modernize|modernise|strengthen|upgrade)\s+)?"
                           rf"(?:the\s+|their\s+|its\s+)?$", text[:a], re.IGNORECASE)
            # "talks to amend the X", "renegotiated the X", "to amend the terms of the X": the verb's object is
            # being changed
            verb = re.search(rf"\b(?:{verbs})\w*\s+(?:the\s+)?(?:(?:terms|provisions|text)\s+of\s+(?:the\s+)?)?$",
                             text[:a], re.IGNORECASE)
            if verb and not (after or before or of) and any(
                    x.type in ("Agreement", "Law", "Policy") and x is not m
                    and re.fullmatch(r"\s*(?:,\s*(?:which|that)\s+)?", text[x.end - offset:verb.start()])
                    for x in mentions if x.end - offset <= verb.start()):
                continue  # "The 2022 Lima Protocol amended the X": the instrument that amends is named (it AMENDS X)
            span, changing = None, False
            if after:
                span = (a, b + after.end())
            elif before:
                span = (before.start(), b)
            elif of:
                span = (of.start(), b)
            elif verb:
                span, changing = (verb.start(), b), True
            if span is None:
                continue
            on = AGREEMENT_ON.search(text[:span[0]]) if not changing else None
            if on:  # "signed an agreement on KORUS modifications": the agreement is the amendments
                span = (on.start(), span[1])
            name = f"{m.name} amendments"
            am = Mention(offset + span[0], offset + span[1], text[span[0]:span[1]], "Agreement",
                         entity_id("Agreement", name), name, "pattern")
            am.aliases = {text[span[0]:span[1]], name}
            if changing or not before:
                # the parties the name holds are the original's: "to amend the X" (under negotiation), "changes to
                # the X", "the X amendments" (a revised X is a version with the same parties)
                am.original = m
            new.append(am)
            pairs.append((am, m))
        # "The treaty was signed in 2007, with a renegotiated version signed in 2010": a version of the agreement
        # the sentence named before it
        for mt in re.finditer(rf"\b(?:a|an|the|its)\s+((?:{adjs})\s+version)\b(?!\s+of\b)", text, re.IGNORECASE):
            named = [m for m in mentions if m.type == "Agreement" and m.end - offset <= mt.start()
                     and not m.name.endswith(" amendments")]
            if not named or any(x.start - offset < mt.end(1) and mt.start(1) < x.end - offset for x in new):
                continue
            m = named[-1]
            name = f"{m.name} amendments"
            am = Mention(offset + mt.start(1), offset + mt.end(1), mt.group(1), "Agreement",
                         entity_id("Agreement", name), name, "pattern")
            am.aliases = {mt.group(1), name}
            new.append(am)
            pairs.append((am, m))
        return new, pairs


def _kind(m: Mention, lex) -> int | None:
    """A measure's kind: its head's group of measure_kinds ("duty" is a "tariff"); None for a strategy, a plan, a
    program: those are told apart by their topic ("the U.S. strategy for AI" is not the Indo-Pacific Strategy)."""
    head = getattr(m, "head", "") or (_singular(_words(m.name)[-1]) if _words(m.name) else "")
    return lex.measure_kinds.get(head)


def _merge_into(facts, renamed: dict[str, str]) -> None:
    """Each entity of `renamed` merged into the one it maps to: its names become aliases there."""
    for old, new in renamed.items():
        gone = facts.entities.pop(old)
        facts.entities[new].aliases |= gone.aliases | {gone.name}
    rename_entities(facts, renamed)


def refer_back(facts, history: list[Mention], lex) -> None:
    """'In 2018 the U.S. imposed Section 232 tariffs on steel. ... The tariffs on Korean steel were replaced by a
    quota': a definite description that says no more than a measure's kind and what it is on, with no owner of its
    own, is the measure of that kind the document named last; what it is on, that measure targets. Not when it is on
    that measure's own owner ('the tariffs on American soybeans' after U.S. tariffs are another's)."""
    owners: dict[str, set[str]] = defaultdict(set)
    targets: dict[str, set[str]] = defaultdict(set)
    for r in facts.relations:
        if r.predicate == "IMPOSES":
            owners[r.object].add(r.subject)
        elif r.predicate == "TARGETS":
            targets[r.subject].add(r.object)
    renamed: dict[str, str] = {}
    seen: set[str] = set()
    for i, m in enumerate(history):
        if m.type != "Policy" or m.id in seen:
            continue
        seen.add(m.id)  # the first mention says whether the phrase refers back
        # ("the steel tariffs" after "U.S. tariffs on steel imports": what it is on, the earlier one is on)
        common = getattr(m, "definite_common", False) and bool(targets.get(m.id)) and not owners.get(m.id)
        # ("Chile's tariffs" after "Chilean tariffs on Peruvian steel": the owner's measure of that kind named last)
        owned = getattr(m, "owned", False) and bool(owners.get(m.id))
        if not (getattr(m, "definite_bare", False) or common or owned) or m.id not in facts.entities \
                or _kind(m, lex) is None:
            continue
        for e in reversed(history[:i]):
            if e.type != "Policy" or e.id == m.id or e.adjective or getattr(e, "generic", False) \
                    or _kind(e, lex) != _kind(m, lex):
                continue
            if common and not targets.get(m.id, set()) <= targets.get(renamed.get(e.id, e.id), set()):
                continue
            to = renamed.get(e.id, e.id)
            # (its owner, when it names one, is the earlier measure's: "the U.S. tariffs on Korean steel")
            if to in facts.entities and not owners.get(to, set()) & targets.get(m.id, set()) \
                    and owners.get(m.id, set()) <= owners.get(to, set()):
                renamed[m.id] = to
            break
    _merge_into(facts, renamed)


def _head(m: Mention) -> str:
    return _singular(getattr(m, "head", "") or (_words(m.name)[-1] if _words(m.name) else ""))


def _measure_roles(facts) -> tuple[dict, dict, dict, dict]:
    """Per measure: the countries imposing it, the goods and the countries it targets; per entity, how many facts
    state it."""
    owners: dict[str, set[str]] = defaultdict(set)
    goods: dict[str, set[str]] = defaultdict(set)
    against: dict[str, set[str]] = defaultdict(set)
    stated: dict[str, int] = defaultdict(int)
    for r in facts.relations:
        stated[r.subject] += 1
        stated[r.object] += 1
        if r.predicate == "IMPOSES" and facts.entities[r.subject].type == "Country":
            owners[r.object].add(r.subject)
        elif r.predicate == "TARGETS" and facts.entities[r.object].type == "Country":
            against[r.subject].add(r.object)
        elif r.predicate == "TARGETS" and facts.entities[r.object].type in ("Sector", "Firm"):
            goods[r.subject].add(r.object)
    return owners, goods, against, stated


# words that say nothing of which measure a name means
NAME_GLUE = SMALL_WORDS | {"by", "its", "their"}


def _compatible(a: set, b: set) -> bool:
    """Two measures' owners (or targets) agree: the same, or one names none."""
    return not a or not b or a == b


def _name_words(name: str) -> frozenset:
    return frozenset(_singular(w) for w in _words(name) if w not in NAME_GLUE)


def merge_word_variants(facts, history: list[Mention]) -> None:
    """One measure the document names with the same words in two ways ("the deployment of THAAD" ... "the THAAD
    deployment"), or once with fewer of them ("DOE guidance" ... "DOE guidance clarifying the definition of X",
    "tax credits" ... "investment tax credits"): a descriptive measure whose words, two or more, are all in exactly
    one other measure's name, with the same head noun, by the same country, against the same countries and on the
    same goods (or one names none), is that measure; the fuller name stays."""
    owners, goods, against, _stated = _measure_roles(facts)
    heads = {m.id: _head(m) for m in history if m.type == "Policy"}
    words = {eid: _name_words(e.name) for eid, e in facts.entities.items() if e.type == "Policy" and eid in heads}
    renamed: dict[str, str] = {}
    for eid, ws in words.items():
        if facts.entities[eid].source != "pattern" or len(ws) < 2:
            continue
        fuller = [other for other, os in words.items() if other != eid and ws <= os and (
                  ws < os or facts.entities[other].source != "pattern" or other < eid)  # (same words: one way)
                  and heads[other] == heads[eid] and _compatible(owners[eid], owners[other])
                  and _compatible(against[eid], against[other])
                  and (not goods[eid] or not goods[other] or goods[eid] & goods[other])]  # (salmon, not copper)
        if len(fuller) == 1 and renamed.get(fuller[0]) != eid:
            renamed[eid] = fuller[0]
    for x, to in list(renamed.items()):  # (chains end at the fullest name)
        while to in renamed:
            to = renamed[to]
        renamed[x] = to
    _merge_into(facts, renamed)


def merge_same_measures(facts, history: list[Mention], lex) -> None:
    """One measure the document describes twice, each time in full ("Section 232 automobile tariffs" ... "the
    Section 232 national security tariffs on automobiles", "a 25 percent U.S. tariff on trucks" ... "the U.S.
    light-truck tariff"): two descriptive measures of one kind on the same goods, by the same country (or one
    names none) and against the same countries (or one names none), with the same head noun ("tax credits" and
    "subsidies" for chips are two programmes), are one entity; the name cited as a title
    (capitalised) or the one the document states most about stays, the other's words become its aliases. Goods
    are what tells two measures of a kind apart; countries alone do not ("the U.S. tariffs on steel" and "the U.S.
    tariffs on cars" both hit Korea)."""
    owners, goods, against, stated = _measure_roles(facts)
    first: dict[str, tuple[int, Mention]] = {}
    for i, m in enumerate(history):
        if m.type == "Policy" and m.id not in first and m.id in facts.entities:
            first[m.id] = (i, m)
    measures = [eid for eid in first if facts.entities[eid].source == "pattern" and goods.get(eid)
                and _kind(first[eid][1], lex) is not None]  # (a kind of measure, not a strategy or a plan)

    renamed: dict[str, str] = {}
    for k, a in enumerate(measures):
        for b in measures[k + 1:]:
            ra, rb = renamed.get(a, a), renamed.get(b, b)
            if ra == rb or _head(first[a][1]) != _head(first[b][1]) or not goods[a] & goods[b] \
                    or not _compatible(owners[a], owners[b]) or not _compatible(against[a], against[b]):
                continue
            keep, gone = sorted((ra, rb), key=lambda x: (not facts.entities[x].name[:1].isupper(),
                                                         -len(_words(facts.entities[x].name)), -stated[x]))
            renamed[gone] = keep
            for x, to in list(renamed.items()):
                if to == gone:
                    renamed[x] = keep
            for table in (owners, goods, against):
                table[keep] |= table[gone]
    _merge_into(facts, renamed)
