"""Entity mentions: the gazetteer first, then descriptive noun phrases, then statistical NER.

Every recogniser returns `Mention`s with offsets into the cleaned document text. Types, heads and
modifier words come from the ontology package (gazetteer.toml, lexicon.toml): nothing here names a
particular entity.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache

from ...graph.model import entity_id
from ...ontology import load_model
from ...ontology.lexicon import load_lexicon
from .amounts import MONTH_NAMES
from .modality import governing_modality
from .nlp import text_of


@dataclass
class Mention:
    start: int  # offsets into the cleaned document text
    end: int
    text: str
    type: str
    id: str
    name: str
    source: str  # gazetteer | pattern | ner | coref
    wikidata: str | None = None
    adjective: bool = False  # "Japanese", "South Korean": a country used as a modifier
    aliases: set = field(default_factory=set)
    # "the Trump administration" read as the country: the leader is still named, an entity of the document
    also: Mention | None = field(default=None, compare=False, repr=False)
    # a named measure: the countries its sentence names (coreference merges measures of the same countries)
    countries: set[str] = field(default_factory=set, compare=False, repr=False)
    # one of the examples of a group ("Korean companies, such as SK and LG, invested $114 billion"): the group's
    # amount is not this one's
    example: bool = field(default=False, compare=False, repr=False)
    # a facility: the firms the sentence says own or build it ("X will build a battery plant"), for its name
    owners: set[str] = field(default_factory=set, compare=False, repr=False)
    # a measure named by its kind ("anti-dumping duties"): its name with what it is on, and those words, which
    # tell it from another of the kind in the same document (pipeline._tell_measures_apart)
    full_name: str | None = field(default=None, compare=False, repr=False)
    about: frozenset = field(default=frozenset(), compare=False, repr=False)
    # one instance of a series ("the 12th SMA"): the series' id, whose parties are the instance's
    series: str | None = field(default=None, compare=False, repr=False)
    # a country's adjective on a noun for its government ("the Chilean government signed"): the country acts
    represented: bool = field(default=False, compare=False, repr=False)
    # a name the document says the entity had before ("X, formerly Y"): Y is X wherever it is written
    former: bool = field(default=False, compare=False, repr=False)
    # the acronym in brackets inside a title, left out of its name ("the X Program (XP) Memorandum"): a later "XP"
    inner_abbreviation: str | None = field(default=None, compare=False, repr=False)
    # one of the firms a plural word stands for ("both companies"): the rules read it, the learned scorer adds no
    # pair of it (it was trained on no such mention)
    group: bool = field(default=False, compare=False, repr=False)
    # one country's forces named as in another ("U.S. troops stationed in South Korea"): the country the text puts
    # them in (pipeline._forces_abroad)
    host: Mention | None = field(default=None, compare=False, repr=False)

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end


# --------------------------------------------------------------------------------------------
# Gazetteer
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Surface:
    entry_index: int
    adjective: bool
    short: bool  # surname-style alias: only after a fuller name in the same document


# "<leader>('s) administration": the government the leader heads (read by the matcher and the pipeline)
ADMINISTRATION = re.compile(r"(?:[’']s)?\s+(?:[Aa]dministration|[Gg]overnment)\b(?!s)")  # "the Moon government" too
# two leaders' administrations: "the Obama and Lee administrations" (the first name, then the second's)
_PAIR_FIRST = re.compile(r"\s+and\s+(?:[A-Z][\w-]*\s+){1,3}(?:[Aa]dministrations|[Gg]overnments)\b")
_PAIR_SECOND = re.compile(r"\s+(?:[Aa]dministrations|[Gg]overnments)\b")
_PAIR_BEFORE = re.compile(r"\b[A-Z][\w-]*\s+and\s+$")


def administration_end(text: str, start: int, end: int) -> int | None:
    """Where 'the <leader> administration' ends for the leader's name at text[start:end] (the government acts,
    not the person): after the noun for one leader, at the name for the first of two ("the Obama and Lee
    administrations"), after the noun for the second; None when no administration follows."""
    mt = ADMINISTRATION.match(text, end)
    if mt:
        return mt.end()
    if _PAIR_FIRST.match(text, end):
        return end
    mt = _PAIR_SECOND.match(text, end)
    if mt and _PAIR_BEFORE.search(text, max(0, start - 40), start):
        return mt.end()
    return None
# who can be a party named inside an agreement's own name ("the U.S.-Mexico-Canada Agreement")
PARTY_TYPES = frozenset({"Country", "InternationalOrganization"})
FOLDABLE_TYPES = {"Agreement", "Law", "Policy", "GovernmentBody", "InternationalOrganization", "Facility"}


def _place_words(words: list) -> list:
    """The words of a place's name at the start of `words`: proper nouns and the commas between them (the small
    parser may run the name on into the verb after it: "factories in Georgia supply Ford")."""
    out = []
    for t in words:
        if t.pos_ != "PROPN" and t.text != "," and t.pos_ != "DET":
            break
        out.append(t)
    while out and out[-1].pos_ != "PROPN":
        out.pop()
    return out


# dashes written between a name's parts, read as the hyphen the gazetteer spells them with
DASHES = {0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-"}


def _plain_letters() -> dict[int, str]:
    """A Latin letter with a diacritic -> its plain letter, one character for one ("Kaesŏng", "Kŭmgang", "Türkiye"
    match the gazetteer's plain spelling at the same offsets)."""
    out = {}
    for code in range(0xC0, 0x250):
        base = unicodedata.normalize("NFD", chr(code))[0]
        if base != chr(code) and base.isascii() and base.isalpha():
            out[code] = base
    return out


# what the gazetteer's names are matched against: dashes (and the slash between two sides: "the U.S./Korea FTA") as
# hyphens, typographic apostrophes as the plain one ("the People’s Republic of China" is not "Republic of China"),
# letters without their diacritics
PROBE_TABLE = {**DASHES, ord("/"): "-", ord("\u2019"): "'", ord("\u2018"): "'", **_plain_letters()}


# a pact named by its sides: "Korea-Chile FTA", "U.S.-Australia Free Trade Agreement"
BILATERAL = re.compile(r"^(?P<a>[A-Z][\w. ]*?)[-\u2013](?P<b>[A-Z][\w. ]*?) (?P<kind>FTA|Free Trade Agreement)$")


def _side_forms(gazetteer) -> dict[str, tuple[str, ...]]:
    """Each short written form of a country or bloc -> all its short forms ('U.S.' -> 'United States', 'US', ...)."""
    out: dict[str, tuple[str, ...]] = {}
    for e in gazetteer:
        if e.type not in ("Country", "InternationalOrganization"):
            continue
        forms = tuple(dict.fromkeys(f for f in (e.name, *e.aliases) if len(f) <= 14 and not re.search(r"[,()]", f)))
        for f in forms:
            out.setdefault(f, forms)
    return out


def _bilateral_variants(forms: list[str], sides: dict[str, tuple[str, ...]]) -> list[str]:
    """A two-sided FTA's other usual spellings: either side's short forms, in either order, "FTA" or "Free Trade
    Agreement" ("US-Korea FTA" is the "U.S.-Korea Free Trade Agreement"): general knowledge of how they are written."""
    out: list[str] = []
    for form in forms:
        m = BILATERAL.match(form)
        if not m or m["a"] not in sides or m["b"] not in sides:
            continue
        for a in sides[m["a"]]:
            for b in sides[m["b"]]:
                for x, y in ((a, b), (b, a)):
                    out += [f"{x}-{y} FTA", f"{x}-{y} Free Trade Agreement"]
    return list(dict.fromkeys(v for v in out if v not in forms))


class GazetteerMatcher:
    """Leftmost-longest matching of gazetteer names, aliases and adjectives."""

    def __init__(self, model=None, types: Collection[str] | None = None) -> None:
        self.model = model or load_model()
        self.entries = [e for e in self.model.gazetteer if types is None or e.type in types]
        # a restricted matcher reads inside other names ("Canada" in "U.S.-Mexico-Canada Agreement")
        self._inside_names = types is not None
        exact: dict[str, _Surface] = {}
        folded: dict[str, _Surface] = {}
        self._shared_surnames: dict[str, set] = {}  # "Lee" -> every person it may stand for
        sides = _side_forms(self.model.gazetteer)
        for i, e in enumerate(self.entries):
            forms = [(e.name, False, False)] + [(a, False, False) for a in e.aliases]
            if e.type == "Agreement":
                forms += [(v, False, False) for v in _bilateral_variants([f for f, _, _ in forms], sides)]
            forms += [(a, True, False) for a in getattr(e, "adjectives", ())]
            forms += [(a, False, True) for a in getattr(e, "short_aliases", ())]
            if e.type == "Person":
                forms += [(a, False, True) for a in _surnames(e.name)]
                forms += [(a, False, False) for a in _western_order(e.name)]
            if e.type == "GovernmentBody":  # "U.S. State Dept.", "the Department of Treasury": usual variants
                forms += [(re.sub(r"\bDepartment\b", d, f), False, False) for f, _, _ in list(forms)
                          if re.search(r"\bDepartment\b", f) for d in ("Dept.", "Dept")]
                forms += [(re.sub(r"\bof the\b", "of", f), False, False) for f, _, _ in list(forms)
                          if re.search(r"^(?:Department|Ministry|Secretary) of the\b", f)]
                # "the Office of the US Trade Representative": "U.S." written without its points
                forms += [(f.replace("U.S.", "US"), False, False) for f, _, _ in list(forms) if "U.S. " in f]
            for form, adj, short in forms:
                form = form.strip()
                if not form:
                    continue
                surf = _Surface(i, adj, short)
                if e.type == "Sector" and form.islower() and len(form) >= 4:
                    folded.setdefault(form.lower(), surf)
                else:
                    if e.type in FOLDABLE_TYPES and " " in form and len(form) >= 12 and not adj and not short:
                        # long multiword names survive case damage: "Trans-pacific Partnership"
                        folded.setdefault(form.lower(), surf)
                    if e.type == "Firm" and " " in form and len(form) >= 8 and not adj and not short:
                        # a firm's name written with a hyphen or in other case: "Hanwha Q-cells", "SK hynix"
                        for variant in _hyphen_variants(form.lower()):
                            folded.setdefault(variant, surf)
                    if short and form in exact and exact[form].entry_index != i:
                        self._shared_surnames.setdefault(form, {exact[form].entry_index}).add(i)
                        continue
                    exact.setdefault(form, surf)
                    if len(form) >= 4 and not form.isupper():
                        exact.setdefault(form.upper(), surf)  # ALL-CAPS headings
                    elif len(form) >= 5 and form.isalpha() and form.isupper() and e.type == "Firm":
                        exact.setdefault(form.capitalize(), surf)  # "Posco" for POSCO
        # "Dalton, GA", "Savannah, Ga.": a state's abbreviation after a place's name
        postal = {p: i for i, e in enumerate(self.entries) for p in e.postal}
        self._postal = postal
        self._postal_re = re.compile(r"(?<=[A-Za-z.], )(" + "|".join(map(re.escape, sorted(postal, key=len, reverse=True)))
                                     + r")(?=\s*[,;:.\u2013\u2014-]|\s*$)", re.MULTILINE) if postal else None
        # a country's name or adjective: "Norway's Ministry of Trade" is not the gazetteer's
        self._country_forms = country_forms(self.model)
        # "a tire plant", "chemical makers": English names a field by its singular before the noun it modifies
        compound = {}
        for form, surf in folded.items():
            if self.entries[surf.entry_index].type == "Sector":
                one = _singular(form)
                if one and one not in folded and one not in exact:
                    compound.setdefault(one, surf)
        self._exact = exact
        self._folded = {**compound, **folded}
        self._exact_re = _alternation(exact, flags=0)
        self._folded_re = _alternation(folded, flags=re.IGNORECASE)
        self._compound_re = _alternation(compound, flags=re.IGNORECASE, before=_compound_heads())

    def find(self, text: str) -> list[Mention]:
        cands = []
        probe = text.translate(PROBE_TABLE)  # "United States–Korea" is "United States-Korea" (same length: same offsets)
        for rx, table, fold in ((self._exact_re, self._exact, False), (self._folded_re, self._folded, True),
                                (self._compound_re, self._folded, True)):
            if rx is None:
                continue
            pos = 0
            while (m := rx.search(probe, pos)) is not None:
                key = m.group(0).lower() if fold else m.group(0)
                surf = table.get(key)
                if fold and surf is not None and self.entries[surf.entry_index].type == "Firm" and any(
                        w[:1].islower() and is_word(w) for w in m.group(0).split()):
                    # "U.S. steel imports": a common word written small is not the firm "U.S. Steel" (and the
                    # sector "steel" inside it is still read)
                    pos = m.start() + 1
                    continue
                if fold and surf is not None and m.group(0).islower() \
                        and self.entries[surf.entry_index].type in FOLDABLE_TYPES \
                        and re.search(r"\b(?:an?|another)\s+$", probe[max(0, m.start() - 9):m.start()]):
                    # "signed a mutual defense treaty": a kind written small after "a", not the treaty of that name
                    pos = m.start() + 1
                    continue
                if surf is not None:
                    cands.append((m.start(), m.end(), surf))
                pos = m.end()
        cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        out: list[Mention] = []
        recent: list[int] = []
        last_end = -1
        for start, end, surf in cands:
            if start < last_end:
                continue
            e0 = self.entries[surf.entry_index]
            if text[start:end] in e0.ambiguous and self._another_countrys(text, start, e0, end):
                continue
            prev_word = re.search(r"([A-Z][\w\-]*)[ \u00a0]+$", text[max(0, start - 40):start])
            if e0.type == "Sector" and text[start:start + 1].isupper() and prev_word \
                    and prev_word.group(1) not in _NAME_BREAKERS and prev_word.group(1) not in ("A", "An", "Its"):
                continue  # "Uladia Solar", "Navgard Semiconductor": the end of a firm's name, not the sector
            if e0.type == "GovernmentBody" and " " not in text[start:end] and prev_word \
                    and prev_word.group(1) in _OTHER_BODY_WORDS:
                continue  # "Peru's National Congress", "the National People's Congress": another body's name
            if surf.short:
                given = _GIVEN_AFTER.match(text, end)
                if given and not _same_given(given.group(0), e0) \
                        or _GIVEN_BEFORE.search(text[max(0, start - 30):start]):
                    continue  # "Park Dong-su" after "Park Geun-hye": another person of the same family name
                # "Moon" alone means Moon Jae-in only once the full name was used; a surname several
                # people share goes to the one named most recently
                options = self._shared_surnames.get(text[start:end], {surf.entry_index})
                named = [i for i in recent if i in options]
                if not named and len(options) == 1 and self.entries[next(iter(options))].type == "Person" \
                        and administration_end(text, start, end) is not None:
                    named = list(options)  # "the Trump Administration": a leader's surname needs no first mention
                if not named and len(options) == 1 and self.entries[next(iter(options))].type == "Person" \
                        and PLURAL_HEADS.search(text, max(0, start - 80), start):
                    named = list(options)  # "Presidents Trump and Moon": the title names each of them
                if not named:
                    continue
                surf = _Surface(named[-1], False, True)
            e = self.entries[surf.entry_index]
            if e.type == "Person" and re.match(r"-[a-z]", text[end:end + 2]):
                continue  # "Cho Hyun-dong" is not "Cho Hyun": a romanized given name goes on after its hyphen
            if not surf.adjective and not self._inside_names and (self._continues_other_name(text, start, end, e.type)
                                                                  or _ends_other_name(text, start, e.type)
                                                                  or _qualified_instrument(text, start, end, e)):
                continue
            if surf.adjective and re.match(r"[ \u00a0]+(?:Peninsula|War|Sea|Strait|Straits|Demilitarized)\b",
                                           text[end:end + 20]):
                continue  # "the Korean Peninsula" is a place, not the country
            if not surf.short:
                recent.append(surf.entry_index)
            last_end = end
            out.append(
                Mention(start, end, text[start:end], e.type, e.id, e.name, "gazetteer",
                        wikidata=e.wikidata, adjective=surf.adjective)
            )
        return self._postal_states(text, out)

    def _postal_states(self, text: str, found: list[Mention]) -> list[Mention]:
        """'Atlanta, GA', 'Dalton, Ga.': a state's abbreviation right after a capitalised place's name."""
        if self._postal_re is None:
            return found
        taken = [(m.start, m.end) for m in found]
        extra = []
        for mt in self._postal_re.finditer(text):
            a, b = mt.span(1)
            place = re.search(r"(?:^|[\s(])([A-Z][\w.'’-]*(?:[ \u00a0][A-Z][\w.'’-]*){0,3}),\s$", text[max(0, a - 50):a])
            if place is None or any(x < b and a < y for x, y in taken):
                continue
            e = self.entries[self._postal[mt.group(1)]]
            extra.append(Mention(a, b, text[a:b], e.type, e.id, e.name, "gazetteer", wikidata=e.wikidata))
        return sorted(found + extra, key=lambda m: (m.start, -m.end)) if extra else found

    def _another_countrys(self, text: str, start: int, e, end: int | None = None) -> bool:
        """'Norway's Ministry of Trade', 'the Chilean Senate', 'the Senate of Chile': an ambiguous alias
        (gazetteer.toml) next to a country its entry never names is that country's body, not the gazetteer's."""
        mt = re.search(r"([A-Z][\w.]*(?:[ -][A-Z][\w.]*)*)(?:['’]s)?[ \u00a0]+$", text[max(0, start - 40):start])
        words = mt.group(1).split() if mt else []
        named = next((" ".join(words[k:]) for k in range(len(words)) if " ".join(words[k:]) in self._country_forms),
                     None)
        if named is None and end is not None:
            # (past the rest of the body's own name: "the Ministry of Trade and Industry of Chile")
            after = re.match(r"(?:,?\s+(?:and|&)\s+[A-Z][\w]*|,\s+[A-Z][\w]*)*\s+of\s+(?:the\s+)?"
                             r"([A-Z][\w.]*(?:[ -][A-Z][\w.]*)*)", text[end:end + 80])
            words = after.group(1).split() if after else []
            named = next((" ".join(words[:k]) for k in range(len(words), 0, -1)
                          if " ".join(words[:k]) in self._country_forms), None)
        return named is not None and not any(named in f for f in (e.name, *e.aliases))

    @staticmethod
    def _continues_other_name(text: str, start: int, end: int, type_: str) -> bool:
        """'Korea' in 'Korea Automobile Manufacturers Association' belongs to another name, and so does
        the one-word firm 'SK' in 'SK Siltron' (the gazetteer knows the group, not every affiliate)."""
        if type_ == "Firm" and " " in text[start:end].strip():
            return False
        if type_ in ("Policy", "Law", "Agreement"):
            # "America First Investment Policy", "KORUS FTA Implementation Act": a known name opening a longer
            # title is a word of that title, not the instrument it names alone
            return INSTRUMENT_CONTINUES.match(text, end) is not None
        if type_ not in ("Country", "USState", "Firm"):
            return False
        if type_ == "Country" and start > 0 and text[start - 1] in "-\u2013" and re.search(
                r"[A-Z][\w.]*[-\u2013]$", text[max(0, start - 20):start]) and PAIR_TIES.match(text, end):
            return False  # "the U.S.-Japan Alliance": the second side of a pair, not the first word of a name
        m = re.match(r"[ \u00a0]+([A-Z][a-z]+)", text[end:end + 40])
        if not m:
            return False
        if type_ == "Country" and OFFICE_OF.search(text, max(0, start - 40), start):
            return False  # "President of the Republic of Korea Yoon Suk Yeol": the office's country, then its holder
        nxt = m.group(1)
        return nxt not in _NAME_BREAKERS


# an office of a country written before its name ("President of the Republic of Korea Yoon Suk Yeol")
OFFICE_OF = re.compile(r"\b(?:President|Prime Minister|Premier|Chancellor|King|Emperor|Ambassador)[ \u00a0]+of[ \u00a0]+"
                       r"(?:the[ \u00a0]+)?$")


# what a pair of countries has, capitalised in a title ("the U.S.-Japan Alliance", "U.S.-Korea Relations"); not
# the words of an instrument's own name ("the Chile-Peru Free Trade Agreement" stays one name)
PAIR_TIES = re.compile(r"[ \u00a0]+(?:Alliance|Relations|Relationship|Summit|Dialogue|Talks|Ties|Cooperation)\b")


def _capitalised_word_before(text: str, start: int) -> str | None:
    """The capitalised word right before `start`, unless nothing precedes it or it opens a sentence."""
    # every part of a hyphenated name word is capitalised ("Asia-Pacific"; not the glued "Asia-including")
    m = re.search(r"(^|[.!?:;\n]\s*|\S\s+)?([A-Z][\w&]*(?:-[A-Z0-9][\w&]*)*-?)[ \u00a0]$",
                  text[max(0, start - 40):start])
    if not m or m.group(1) is None or re.fullmatch(r"[.!?:;\n]\s*", m.group(1) or "") or m.group(1) == "":
        return None
    return m.group(2)


def _ends_other_name(text: str, start: int, type_: str) -> bool:
    """'America' in 'SK Battery America', 'Latin America': a country's name as the last word of another
    name (capitalised words right before it, not the start of a sentence, not a title or a name's breaker)."""
    if type_ != "Country":
        return False
    word = _capitalised_word_before(text, start)
    if word is None:  # opening a sentence, a word that is no English word is a name's: "Velkor America, the ..."
        opening = re.search(r"(?:^|[.!?:;\n]\s*)([A-Z][a-z]+)[ \u00a0]$", text[max(0, start - 40):start])
        return opening is not None and not is_word(opening.group(1))
    return word not in _NAME_BREAKERS and word not in _COUNTRY_WORDS and word not in LIST_OPENERS and not word.isupper()


# a group's plural noun that opens a list of its countries: "the EFTA States Iceland, Norway and Switzerland"
LIST_OPENERS = frozenset({"States", "Members", "Countries", "Nations", "Economies", "Parties", "Signatories"})


# capitalised words and an instrument's head word right after a known name: the name is part of a longer title
INSTRUMENT_CONTINUES = re.compile(r"(?:[ \u00a0]+[A-Z][A-Za-z-]*){0,3}[ \u00a0]+(?:Policy|Act|Agreement|Strategy|"
                                  r"Initiative|Program|Programme|Order|Treaty|Accord|Framework|Plan|Law|Rule)\b")


def _qualified_instrument(text: str, start: int, end: int, entry) -> bool:
    """'the European Chips Act', 'the Lisbon Chips Act': a short name of a known law after a name word of its own
    is another instrument of the same kind, not the known one ("the U.S. CHIPS Act" and its full name still are)."""
    if entry.type not in ("Law", "Agreement", "Policy") or text[start:end] == entry.name:
        return False
    word = _capitalised_word_before(text, start)
    return word is not None and word not in _NAME_BREAKERS and word not in _COUNTRY_WORDS and word not in QUALIFIERS


# words before a known instrument's short name that qualify it without making another one
QUALIFIERS = {"US", "U.S", "USA", "America", "United", "States", "Federal", "New", "Revised", "Amended", "Updated",
              "Original", "Landmark", "Bipartisan", "Biden", "Trump", "Obama", "Bush", "Moon", "Yoon", "Lee", "Section"}


# words before a country's name that do not make it part of another name ("South Korea" is matched whole)
_COUNTRY_WORDS = {"President", "Republic", "Kingdom", "Korean", "American", "U.S.", "Both", "Neither", "Either",
                  "Unlike", "Like", "Including", "Than", "Against", "Between", "Among", "Via", "Toward", "Towards",
                  "Of", "And", "Or", "Nor"}


def _hyphen_variants(name: str) -> list[str]:
    """'hanwha q cells' -> every way of writing its word breaks as a space or a hyphen (at most 3 breaks)."""
    words = name.split(" ")
    if len(words) > 4:
        return [name]
    out = [words[0]]
    for w in words[1:]:
        out = [o + sep + w for o in out for sep in (" ", "-")]
    return out


def _western_order(name: str) -> list[str]:
    """A Korean name written given-name first or with its given name joined: 'Chung Eui-sun' -> 'Euisun Chung',
    'Eui-sun Chung', 'Chung Euisun'."""
    mt = re.fullmatch(r"([A-Z][a-z]+) ([A-Z][a-z]+)-([a-z]+)", name)
    if not mt:
        return []
    family, g1, g2 = mt.groups()
    return [f"{g1}{g2} {family}", f"{g1}-{g2} {family}", f"{family} {g1}{g2}"]


def country_forms(model, types: tuple = ("Country",)) -> frozenset:
    """Every name, alias and adjective of the gazetteer's countries ("Norway", "Norwegian", "U.S.") or of the
    places of `types` ("USState": "Georgia", "Ohio")."""
    return frozenset(f for e in model.gazetteer if e.type in types for f in (e.name, *e.aliases, *e.adjectives))


# a romanized Korean given name beside a family name ("Park Dong-su", "Dong-su Park")
def _same_given(given: str, entry) -> bool:
    """Whether a given name written after a surname is the known person's own ("Park Geun Hye" is Park Geun-hye)."""
    key = re.sub(r"[\s\u00a0-]+", "", given).lower()
    return any(re.sub(r"[\s\u00a0-]+", "", n).lower().endswith(key) for n in (entry.name, *entry.aliases))


# (or written as two words, title-cased: "Moon Sung Wook")
_GIVEN_AFTER = re.compile(r"[ \u00a0]+[A-Z][a-z]+(?:-[a-z]+|[ \u00a0][A-Z][a-z]{1,4}\b(?![ \u00a0]+[A-Z]))\b")
# one title for several heads, the names listed so far after it: "Presidents Trump and Moon", "Prime Ministers Abe,
# Modi and Morrison" (each name is titled: a surname alone is known; constructions.leader_titles: each leads their own
# country)
PLURAL_HEADS = re.compile(r"\b(?P<title>President|Prime[ \u00a0]+Minister|Premier|Chancellor)s[ \u00a0]+"
                          r"(?:[A-Z][\w'’-]*(?:[ \u00a0]+[A-Z][\w'’-]*)?(?:,[ \u00a0]*|,?[ \u00a0]+and[ \u00a0]+))*$")
_GIVEN_BEFORE = re.compile(r"\b[A-Z][a-z]+-[a-z]+[ \u00a0]+$")


def _surnames(name: str) -> list[str]:
    """'Moon Jae-in' -> ['Moon'] (family name first), 'George W. Bush' -> ['Bush']."""
    parts = name.split()
    if len(parts) < 2:
        return []
    if "-" in parts[-1] or len(parts) == 2 and parts[-1][:1].islower():
        return [parts[0]]
    return [parts[-1]]


# words that open another body's name before a one-word gazetteer body ("National Congress")
_OTHER_BODY_WORDS = frozenset({"National", "People's", "People’s", "Federal", "State", "Supreme", "Grand",
                               "Legislative", "Constitutional", "Provincial", "Regional"})
# Capitalised words that may follow a country name without continuing it ("Korea In 2019 ...")
_NAME_BREAKERS = {"In", "On", "At", "The", "And", "But", "For", "From", "With", "To", "By", "As", "Since",
                  "After", "Before", "During", "While", "Although", "However", "This", "That", "It",
                  # titles after a country name: "U.S. President Joe Biden"
                  "President", "Prime", "Vice", "Secretary", "Ambassador", "Senator", "Governor", "Chancellor",
                  "Premier", "King", "Queen", "Minister",
                  # a firm's officers after its name: "Samsung Chairman Lee Jae-yong", "Hyundai Chief Executive X"
                  "Chairman", "Chairwoman", "Chair", "Chief", "Founder", "Director", "Executive", "Commissioner",
                  "Administrator", "Mayor",
                  # a day after the subject, in news style: "Mexico Tuesday announced ..."
                  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}


def _alternation(table: dict, flags: int, before: Collection[str] = ()):
    """One regex for the table's forms; with `before`, a form counts only right before one of those words."""
    if not table:
        return None
    forms = sorted(table, key=len, reverse=True)
    # (a lookahead on the names' first characters lets the engine skip most positions at once: 40% faster)
    first = "".join(sorted({re.escape(f[0]) for f in forms}))
    # hyphens separate names ("U.S.-South Korea"); a preceding dot or letter continues a word
    after = rf"(?=[ \u00a0-](?:{_trie(sorted(before, key=len, reverse=True))})\b)" if before else r"(?!\w)"
    return re.compile(rf"(?=[{first}])(?<![\w.])(?:{_trie(forms)}){after}", flags)


def _singular(form: str) -> str | None:
    """'tires' -> 'tire', 'fisheries' -> 'fishery'; None for a name that is no plain plural ('electronics')."""
    last = form.rsplit(" ", 1)[-1]
    if len(last) < 4 or not last.endswith("s") or last.endswith(("ss", "us", "is", "ics")):
        return None
    if last.endswith("ies"):
        return form[:-3] + "y"
    if last.endswith(("shes", "ches", "xes")):
        return form[:-2]
    return form[:-1]


@lru_cache(maxsize=1)
def _compound_heads() -> frozenset[str]:
    """The nouns a field's singular may modify ("plant", "makers", "industry"), in their usual plural too."""
    lex = load_lexicon()
    words = set(lex.sector_carriers) | set(lex.industry_members) \
        | {w for w, t in lex.heads.items() if t == "Facility"} | {"manufacturing", "assembly", "tariff", "duty"}
    plural = {w[:-1] + "ies" if w.endswith("y") and w[-2:-1] not in "aeiou" else w + "es" if w.endswith(("sh", "ch", "x"))
              else w + "s" for w in words}
    return frozenset(words | plural)


def _trie(forms: list[str]) -> str:
    """The forms as one regex that shares their prefixes ("South (?:Korea|Africa)"): the engine reads each
    character once instead of trying thousands of alternatives in turn (30x faster on the gazetteer's 4,000
    forms). A longer form is tried before its prefix, and the engine backs off to the prefix when what follows
    fails, as in a longest-first alternation: the same matches."""
    trie: dict = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        kids = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not kids:
            return ""
        body = kids[0] if len(kids) == 1 else "(?:" + "|".join(kids) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


# --------------------------------------------------------------------------------------------
# Descriptive noun phrases: policies, laws, agreements, facilities named by description
# --------------------------------------------------------------------------------------------
# the start of a long title that the parse cut at a lowercase word: capitalised words joined by short function
# words, right before the recognised end ("... Incentives to Produce Semiconductors for| America Act")
# (not a sentence-opening preposition, nor a participle on the title: "Under the Tarsk Act", "Citing the Tarsk Act")
TITLE_LEAD = re.compile(r"(?<![\w'’-])(?![A-Z][a-z]+ing\s+the\s)(?!(?:The|Under|Pursuant|Through|By|With|From|In|On|For|At|As|Via|Per|During|"
                        r"After|Before|Since|Following|Despite|Amid|Unlike|Without|Within|Over|Against|Until|Upon|"
                        r"Regarding|Among|Between|Into|Toward|Towards)\s)"
                        r"(?:[A-Z][\w'’-]*\s+(?:(?:to|for|of|and|on|in|the)\s+)?)*"
                        r"[A-Z][\w'’-]*\s+(?:to|for|of|and|on|in|the)\s+$")


class DescriptiveRecognizer:
    """'steel quota', 'Japanese export restrictions', 'electric vehicle plant', 'proposed legislation'.

    Uses the dependency parse when there is one (left modifiers of a head noun), else a token
    heuristic over the lexicon's modifier words.
    """

    def __init__(self, lexicon=None) -> None:
        self.lex = lexicon or load_lexicon()

    def find_parsed(self, sent, offset: int, taken: list[tuple[int, int]]) -> list[Mention]:
        out = []
        sent_text = text_of(sent)
        for tok in sent:
            type_ = self.lex.head_type(tok)
            if type_ is None or not self._heads_a_name(sent, tok, type_):
                continue
            first = _first_modifier(sent, tok, offset, taken)
            tokens = self._trim([sent[k] for k in range(first, tok.i + 1)])
            words = [t for t in tokens if t.i != tok.i]
            if self._names_no_instrument(sent, tok, type_, first) or _verb_read_as_noun(sent, tok) \
                    or type_ == "Facility" and passed_over(tok, self.lex):
                continue
            if words and tok.text.islower() and tok.lemma_.lower() in self.lex.capitalised_heads:
                continue  # "see related state act": a deed, not a law
            if tok.lemma_.lower() in self.lex.measure_extensions:  # "tariff" in "tariff hikes" is the head's own
                words = [t for t in words if t.i != tok.i - 1]
            pp = self._pp(tok, type_)
            if pp and not words and tok.lemma_.lower() in self.lex.purchase_heads and pp[0].startswith("for "):
                continue  # "won an order for four LNG carriers": a purchase, not a government's order
            det = sent[first - 1].lower_ if first > 0 else ""
            complement = self._complement(tok) if tok.lemma_.lower() in self.lex.acting_heads else None
            if complement and not pp and (not words or all(w.lower_ in self.lex.generic_words for w in words)):
                # "an order prohibiting the acquisition of X", "an executive order aimed at ...": what the measure
                # does tells it from the others of its kind
                pp = complement
                words = []
            # "Japan's restrictions", "Beijing's curbs": a named owner makes a measure specific
            owned = type_ == "Policy" and (any(
                c.dep_ == "poss" and any(a <= offset + c.idx < b for a, b in taken) for c in tok.children)
                or _imposed_by_named(tok, taken, offset))
            partner = self._pact_sides(tok, pp, det, words, taken, offset) if type_ == "Agreement" else None
            # "signed the free trade agreement with Chile": a definite pact refers to one named before; if none
            # was, its sides name it (coref.resolve_sentence)
            # (a title of the kind too: "the Free Trade Agreement between Norway and Chile")
            sides = (self._partner(tok, taken, offset) or self._sides(tok, pp, taken, offset)
                     or self._signers(tok, taken, offset)) if type_ == "Agreement" and det == "the" and not partner \
                else None
            pp = partner or pp
            numbered = _numbered(sent, tok)
            # "tariffs under Section 301": the section a measure is taken under tells it from others of its kind
            # (not "the measures under Section 201": any measure under it is the section's own, structural.py)
            section = _under_section(sent, tok) if type_ == "Policy" and not words \
                and tok.lemma_.lower() not in self.lex.measure_hypernyms else None
            # ("$6.6 billion in grants under the CHIPS Act": the named law says which; structural.py names it)
            under_title = type_ == "Policy" and _under_title(sent, tok)
            built = type_ == "Facility" and _built_by_named(tok)  # ("a plant built by X": its builder says which)
            generic = not words and not pp and not self.lex.bare_ok(tok) and not owned and not numbered \
                and not section and not under_title and not built
            rate = _rate(sent, first, tok.i) if type_ == "Policy" else None  # (coref: the measure of that rate)
            if generic and not (type_ in ("Agreement", "Law") or rate or det in (
                    "the", "this", "that", "these", "those", "another", "third", "second", "first")):
                continue  # a bare indefinite 'restrictions' is too vague to be an entity
            base = sent[0].idx  # where the sentence's text starts in the parse's offsets
            start, end, lead = _phrase_span(sent, sent_text, tok, tokens, type_, numbered, offset)
            if any(s < end and start < e and not (start <= s and e <= end) for s, e in taken):
                continue  # crosses a name's boundary
            core = self._core_name(tokens, offset, taken) if not (lead or numbered) else \
                sent_text[start - offset - base:end - offset - base]
            # a kind's words say no more than the bare head: "an executive order on shipbuilding" is named by what
            # it is on, as "an order on shipbuilding" is
            kind_only = bool(words) and all(w.lower_ in self.lex.generic_words for w in words)
            name = core if ((words and not kind_only and not partner) or not pp) else f"{core} {pp[0]}"
            if section:  # (named as an analyst cites it: "Section 301 tariffs")
                name = f"{section} {name}"
            written = name
            inner = INNER_ACRONYM.search(name)  # "the Chile-Peru (CPFTA) Free Trade Agreement": named without it
            if inner:
                name = f"{name[:inner.start()]} {name[inner.end():]}"
            m = Mention(start, end, name, type_, entity_id(type_, name), name, "pattern")
            m.aliases = {name, written} | ({f"{core} {pp[0]}"} if pp else set())
            m.inner_abbreviation = inner.group(1) if inner else None  # (a later "CPFTA" is this: pipeline)
            if first < tokens[0].i:  # keep the full surface ("25 percent U.S. tariff on ...") as an alias
                full = self._name([sent[k] for k in range(first, tok.i + 1)])
                m.aliases.add(full + (f" {pp[0]}" if pp else ""))
            m.aliases |= self._surfaces(sent, tokens[0], tok)
            if partner:  # "a deal to share defense costs", named by its sides: how the text described it too
                does = self._complement(tok, whole=True)
                if does:
                    m.aliases.add(f"{core} {does[0]}")
            if type_ == "Policy" and pp and name == core and _common_words(words):
                _name_in_full(m, sent, sent_text, pp)
            m.head = tok.lemma_.lower()
            m.generic = generic
            m.under_title = under_title and not words and not pp  # (coref: no generic phrase to resolve)
            m.owned = owned and not words and not pp  # "Chile's tariffs": the owner alone says which
            m.owned = m.owned or built  # (naming.py names a built facility with its builder)
            place = _built_in(tok) if built and not pp else None
            if place:  # ("X will build a plant in Ohio. X will build a plant in Texas.": two plants)
                m.name = f"{m.name} in {place}"
                m.id = entity_id(type_, m.name)
                m.aliases.add(m.name)
            self._reference(m, sent, tok, first, det, pp, words)
            m.sides = f"{core} {sides[0]}" if sides else None
            # "the amended agreement": the changed version named before (coref), though "amended" names nothing
            m.amended = type_ == "Agreement" and any(c.dep_ == "amod" and c.lower_ in self.lex.amendment_adjectives
                                                     for c in tok.children)
            m.rate, m.rate_indefinite = rate or (None, False)
            out.append(m)
        return out

    def _core_name(self, tokens, offset: int, taken: list[tuple[int, int]]) -> str:
        """The words of a descriptive name; one that opens the sentence loses the capital only its place gave it
        ("Tariffs on Chilean steel stayed ...": "tariffs on Chilean steel"; not "Reciprocal Tariffs", whose other
        capitals no name of the sentence explains)."""
        name = self._name(tokens)
        first = tokens[0]
        def named(t) -> bool:  # a name or an adjective the sentence already holds
            return any(a <= offset + t.idx < b for a, b in taken)

        if first.i == first.sent.start and first.pos_ != "PROPN" and first.text[:1].isupper() \
                and first.text[1:].islower() and not named(first) and first.text not in AUTHORITY_PARTS and all(
                    not t.text[:1].isupper() or named(t) for t in tokens[1:]):
            return name[:1].lower() + name[1:]
        return name

    def _names_no_instrument(self, sent, tok, type_: str, first: int) -> bool:
        """A heading's "IMPROVING BAD TRADE DEALS" (several pacts, no one named); "the DPRK's ballistic missile
        programs" (what a state builds, not a measure)."""
        if type_ == "Agreement" and tok.tag_ == "NNS" and tok.text.isupper():
            return True
        if tok.lemma_.lower() in PLAN_NOUNS and any(
                c.dep_ == "prep" and c.lower_ == "for" and self.lex.heads.get(p.lemma_.lower()) == "Facility"
                for c in tok.children for p in c.children if p.dep_ == "pobj"):
            return True  # "unveiled plans for a $4 billion factory": a builder's plan, no government's
        return tok.lemma_.lower() in ("program", "programme") and any(
            sent[k].lower_ in self.lex.arms_words for k in range(first, tok.i))

    def _reference(self, m: Mention, sent, tok, first: int, det: str, pp, words: list) -> None:
        """How the phrase may refer: as a new entity, to one named before, or as a modifier."""
        # "an FTA with Japan" introduces an agreement; "the agreement", "a third investigation" refer back
        m.indefinite = det in ("a", "an") and not (first < tok.i and sent[first].lower_ in (
            "second", "third", "fourth", "fifth", "further", "new", "additional"))
        # "trade agreement negotiations": names no agreement itself; but "the FTA negotiations", the talks on the
        # pact the document speaks of, refer to it
        m.modifier = tok.dep_ == "compound" and not (m.type == "Agreement" and det == "the"
                                                      and tok.head.lemma_.lower() in PACT_ACT_NOUNS)
        # "the tariffs on Korean steel": a definite phrase that says no more than its kind and what it is on may
        # describe a measure the document named before (coref.refer_back)
        # (an owner's adjective says whose, not which: "the U.S. tariffs on Korean steel")
        m.definite_bare = det in ("the", "these", "those", "this", "that", "such") and bool(pp) and all(
            w.lower_ in self.lex.generic_words or w.ent_type_ in ("NORP", "GPE") for w in words)
        # "the steel tariffs": a definite phrase of its kind named by common nouns only, which may be what it is on
        # (coref.refer_back checks that against the earlier measure's targets)
        m.definite_common = det in ("the", "these", "those") and not pp and bool(words) and all(
            w.pos_ in ("NOUN", "ADJ") and w.ent_type_ == "" for w in words)

    def _heads_a_name(self, sent, tok, type_: str) -> bool:
        """Whether a head word of the type heads a phrase of its own here."""
        if tok.pos_ not in ("NOUN", "PROPN") and not _plural_taken_for_verb(tok):
            return False
        if tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B" and tok.i + 1 < len(sent) \
                and sent[tok.i + 1].ent_iob_ == "I":
            return False  # "Governor Bill Lee": the first name of a person, not a bill
        if tok.dep_ == "compound" and tok.head.i == tok.i + 1 and self.lex.head_type(tok.head):
            return False  # 'quota' in 'quota system': the head is further right
        if tok.text in self.lex.korean_surnames and tok.i > 0 and sent[tok.i - 1].text in self.lex.person_titles:
            return False  # "President Park", "Chairman Park": a person called by title and family name
        if tok.lower_ == "order" and tok.i > 0 and tok.nbor(-1).lower_ == "in" and tok.i + 1 < len(tok.doc) \
                and tok.nbor(1).lower_ in ("to", "that", "for"):
            return False  # "in order to limit ...": a conjunction, no order
        # "the export control dispute", "tariff revenue", "sanctions relief": about the measure
        return not (type_ == "Policy" and tok.dep_ == "compound" and tok.head.i > tok.i
                    and tok.head.pos_ in ("NOUN", "PROPN") and tok.head.lemma_.lower() not in self.lex.measure_extensions)

    def _pact_sides(self, tok, pp, det: str, words: list, taken: list[tuple[int, int]], offset: int):
        """How a pact of a kind is named by its sides, if it is: ('with Peru', end) or ('between Chile and Peru',
        end), else None."""
        if pp is None and tok.dep_ == "compound" and tok.head.lemma_.lower() in TALKS:
            # "FTA talks between Chile, Peru and Bolivia": the pact the talks are on, named by their sides
            return self._talks_sides(tok.head, taken, offset)
        if pp is None and (det in ("a", "an") or any(c.dep_ == "poss" for c in tok.children)):
            # "signed a free trade agreement with Peru", "Chile's FTA with Peru": one pact, named by its sides
            partner = self._partner(tok, taken, offset)
            if partner or det not in ("a", "an"):
                return partner
        if det in ("a", "an") and not any(w.pos_ == "PROPN" for w in words):
            # "a trade agreement between Chile and Peru", "Chile and Peru signed a trade agreement": a pact of a
            # kind, named by the two sides the sentence gives it
            return self._sides(tok, pp, taken, offset)
        return None

    @staticmethod
    def _talks_sides(talks, taken: list[tuple[int, int]], offset: int):
        """The sides of talks "between"/"among" two or more names the sentence has found -> ('between A, B and C',
        end), else None."""
        if governing_modality(talks) != "stated":
            return None
        for p in (c for c in talks.rights if c.dep_ == "prep" and c.lower_ in ("between", "among")):
            obj = next((c for c in p.children if c.dep_ == "pobj"), None)
            sides = [obj, *obj.conjuncts] if obj is not None else []
            if len(sides) < 2 or not all(t.pos_ == "PROPN" and any(a <= offset + t.idx < b for a, b in taken)
                                         for t in sides):
                return None
            last = max(sides, key=lambda t: t.i)
            return _between_sides(sides), last.idx + len(last.text)
        return None

    @staticmethod
    def _partner(tok, taken: list[tuple[int, int]], offset: int):
        """'a free trade agreement with Peru' -> ('with Peru', end): the other side of a pact, a name the
        sentence has found (the parser may hang the "with" from the verb right after the pact)."""
        if governing_modality(tok) != "stated":
            return None  # "could smooth the conclusion of an FTA with Japan": no such pact yet
        # a pact in an act of its own ("reticence over an agreement with X") is not said to exist
        of_clause = tok.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") or (
            tok.dep_ == "pobj" and tok.head.head.pos_ in ("VERB", "AUX") and tok.head.lower_ not in TOPIC_PREPOSITIONS)
        if not (of_clause or any(c.dep_ == "poss" for c in tok.children)):
            return None
        withs = [c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "with"]
        if tok.dep_ == "dobj":
            withs += [c for c in tok.head.rights if c.dep_ == "prep" and c.lower_ == "with" and c.i == tok.i + 1]
        for w in withs:
            obj = next((c for c in w.children if c.dep_ == "pobj"), None)
            # (the name right after "with": its first word, "South" of "South Korea", follows it)
            if obj is None or obj.left_edge.i != w.i + 1 or obj.pos_ != "PROPN":
                continue
            if obj.conjuncts and tok.tag_ == "NNS":
                return None  # "FTAs with Panama and Peru": a pact with each (constructions.pacts_with_partners)
            if obj.conjuncts:  # "a free trade deal with Panama, Honduras and Costa Rica": each a name found
                sides = [obj, *obj.conjuncts]
                if all(t.pos_ == "PROPN" and any(a <= offset + t.idx < b for a, b in taken) for t in sides):
                    last = max(sides, key=lambda t: t.i)
                    return "with " + _between_sides(sides)[len("between "):], last.idx + len(last.text)
                continue
            words = [t for t in obj.subtree if t.i <= obj.i and t.pos_ != "DET"]
            if words and any(a <= offset + words[0].idx < b for a, b in taken):
                return "with " + "".join(t.text_with_ws for t in words).strip(), obj.idx + len(obj.text)
        return None

    @staticmethod
    def _sides(tok, pp, taken: list[tuple[int, int]], offset: int):
        """The two sides of a pact of a kind: its "between X and Y", or the two names that are the subject of the
        verb it is the object of ("Chile and Peru signed a trade agreement"), or of the talks on it ("began
        negotiations on a trade agreement") -> ('between X and Y', end)."""
        if governing_modality(tok) != "stated":
            return None
        if pp:  # (what it is on names it already: "a memorandum of understanding on shipbuilding")
            return pp if pp[0].startswith("between ") else None
        first = tok  # ("signed a free trade agreement as well as a partnership agreement": both objects)
        while first.dep_ == "conj" and first.head.i < first.i and first.head.pos_ == "NOUN":
            first = first.head
        verb = first.head if first.dep_ == "dobj" else None
        if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "for", "toward", "towards") \
                and tok.head.head.dep_ == "dobj" and tok.head.head.lemma_.lower() in TALKS:
            verb = tok.head.head.head  # "Chile and Peru began negotiations on a free trade agreement"
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        if subject is not None and not subject.conjuncts:
            # "the two countries signed a trade agreement": the document's two countries (coref names them)
            phrase = " ".join(t.lower_ for t in subject.subtree)
            if phrase in load_lexicon().dyad_anaphors:
                return f"between {phrase}", tok.idx + len(tok.text)
        if subject is None or len(subject.conjuncts) != 1:
            return None
        sides = [subject, subject.conjuncts[0]]
        if not all(t.pos_ == "PROPN" and any(a <= offset + t.idx < b for a, b in taken) for t in sides):
            return None
        titles = load_lexicon().person_titles
        if any(w.text in titles for t in sides for w in t.subtree if w.i <= t.i):
            return None  # "Secretary of Commerce A and Minister of Trade B signed a memorandum": its signers, no sides
        return _between_sides(sides), tok.idx + len(tok.text)

    @staticmethod
    def _signers(tok, taken: list[tuple[int, int]], offset: int):
        """The two or more names a pact is said to be signed by: "the agreement, signed by Chile and Peru in 2019,",
        "the deal was signed by Chile and Peru", "the treaty, which Chile and Peru signed" -> ('between X and Y',
        end)."""
        if governing_modality(tok) != "stated":
            return None
        verbs = [c for c in tok.children if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("sign", "ink")]
        if tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in ("sign", "ink"):
            verbs.append(tok.head)
        for verb in verbs:
            signers = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
            if verb.dep_ == "relcl" and not signers:
                signers = [c for c in verb.children if c.dep_ == "nsubj"]
            sides = [t for s in signers for t in (s, *s.conjuncts)]
            if len(sides) >= 2 and all(t.pos_ == "PROPN" and any(a <= offset + t.idx < b for a, b in taken)
                                       for t in sides):
                return _between_sides(sides), tok.idx + len(tok.text)
        return None

    @staticmethod
    def _complement(tok, whole: bool = False):
        """'an order prohibiting the acquisition of X', 'an investigation to determine the effects of imports of
        semiconductors', 'guidance clarifying the definition of X': a participle or infinitive clause that says
        what the measure does makes a bare head specific. -> (text, end) like `_pp`. With `whole`, also an
        infinitive the parser read as a relative clause ("a deal to share defense costs"), for an alias only."""
        for c in tok.rights:
            if c.dep_ in ("acl", "relcl") and (c.tag_ in ("VBG", "VB") or any(x.dep_ == "aux" and x.lower_ == "to"
                                                                           for x in c.children)):
                # (not when it was done: "an order implementing the deal on September 4, 2025")
                dated = {t.i for p in c.subtree if p.dep_ == "prep" and any(
                    x.dep_ == "pobj" and x.ent_type_ == "DATE" for x in p.children) for t in p.subtree}
                words = [t for t in c.subtree if (t.dep_ != "relcl" or t.i == c.i and whole) and t.i not in dated][:8]
                words = [t for t in words if t.i >= c.i or t.lower_ == "to"]
                words = words[:next((k for k in range(1, len(words)) if words[k].i != words[k - 1].i + 1),
                                    len(words))]  # (up to a gap the date left)
                while words and words[-1].dep_ in ("det", "prep", "cc", "punct", "aux", "amod", "compound"):
                    words = words[:-1]
                if words:
                    text = re.sub(r"\s+", " ", text_of(tok.doc)[words[0].idx:words[-1].idx + len(words[-1].text)])
                    return text, words[-1].idx + len(words[-1].text)
        return None

    @staticmethod
    def _surfaces(sent, first, head) -> set[str]:
        """The noun phrase as written, cut after each of its first complements ("proposed guidance clarifying
        the definition of ...", up to 16 words): every way the text states the name is an alias."""
        def below(tok):  # a complement without its coordinations and asides ("..., as well as the onset")
            yield tok
            for c in tok.children:
                if c.dep_ not in ("conj", "cc", "appos", "relcl", "punct", "advcl", "parataxis", "preconj"):
                    yield from below(c)

        rights = [c for c in head.rights if c.dep_ in ("prep", "acl", "amod", "compound")]
        if head.dep_ == "dobj":  # "published guidance on compliance with X": the parser hangs its "on" from the verb
            rights += [c for c in head.head.rights if c.dep_ == "prep" and c.i == head.i + 1]
        right = sorted((t for c in rights for t in below(c)), key=lambda t: t.i)
        stop = next((t.i for t in right if t.text in (";", ":", ",") or t.lower_ in ("which", "that")), None)
        span = [t for t in sent[first.i:head.i + 1 + 16] if t.i <= max([head.i] + [t.i for t in right])
                and (stop is None or t.i < stop)]
        out = set()
        cuts = [i for i, t in enumerate(span) if t.i > head.i and (t.dep_ == "prep" or t.text in (",", "("))]
        for cut in cuts[:3] + [len(span)]:
            part = span[:cut]
            while part and part[-1].dep_ in ("det", "cc", "punct", "prep", "case"):
                part = part[:-1]
            if part and part[-1].i >= head.i:
                text = re.sub(r"\s+", " ", text_of(sent.doc)[part[0].idx:part[-1].idx + len(part[-1].text)]).strip()
                text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.IGNORECASE)
                if 1 <= len(text.split()) <= 16:
                    out.add(text)
        return out

    def _trim(self, tokens):
        verb = max((k for k, t in enumerate(tokens[:-2]) if t.text in self.lex.headline_treaty_verbs
                    and tokens[k + 1].text[:1].isupper()), default=None)
        if verb is not None:  # ("Chile, Peru Sign Free Trade Agreement": a headline's verb and what comes before it
            tokens = tokens[verb + 1:]  # are no part of the pact's name)
        # after a number its unit goes too: "a 120,000 square-foot facility", "a 1.7-gigawatt plant"
        counted = bool(tokens) and tokens[0].i > 0 and tokens[0].doc[tokens[0].i - 1].like_num
        while tokens and not re.fullmatch(r"\d{1,4}[A-Z]{1,2}", tokens[0].text) and (  # "45X" names a section
                tokens[0].pos_ in ("DET", "PRON", "NUM", "ADP", "PUNCT", "CCONJ", "SYM") or tokens[0].tag_ == "JJS"
                or not any(ch.isalnum() for ch in tokens[0].text)  # ("= Andes Pact =": a heading's marks)
                or (tokens[0].lower_ in self.lex.generic_modifiers
                    and (tokens[0].lower_ in self.lex.praise_words or not _title_cased(tokens)))
                or tokens[0].like_num or tokens[0].lower_ in ("percent", "%")
                or (tokens[0].i > 0 and tokens[0].doc[tokens[0].i - 1].text in ("$", "US$", "€", "£", "¥")
                    and re.fullmatch(r"\d[\d.,]*[BbMmKk]n?", tokens[0].text))  # ("a $7.4B smelter")
                or (tokens[0].text in ("B", "M", "K", "bn", "mn") and tokens[0].i > 0
                    and tokens[0].doc[tokens[0].i - 1].like_num and not tokens[0].doc[tokens[0].i - 1].whitespace_)
                or (tokens[0].lower_ == "per" and len(tokens) > 1 and tokens[1].lower_ == "cent")  # ("40 per cent")
                or (tokens[0].lower_ == "cent" and tokens[0].i > 0 and tokens[0].doc[tokens[0].i - 1].lower_ == "per")
                or (counted and tokens[0].lower_ in MEASURE_UNITS)):
            counted = counted or tokens[0].like_num
            if tokens[0].like_num and len(tokens) > 3 and tokens[1].text == "-" and not tokens[0].whitespace_ \
                    and not tokens[1].whitespace_:
                tokens = tokens[2:]  # "a four-year review", "a 25-percent tariff": the whole hyphenated word goes
            tokens = tokens[1:]
        return tokens

    @staticmethod
    def _name(tokens) -> str:
        text = "".join(t.text_with_ws for t in tokens).strip()
        text = re.sub(r"[’']s\b", "", text)
        text = re.sub(r"[\"“”‘]|(?<!\w)'|'(?!\w)", "", text)  # 'the "K-Battery" strategy' is the K-Battery strategy
        return re.sub(r"\s+", " ", text).strip()

    def _pp(self, tok, type_=None):
        """'restrictions on U.S. beef' -> ('on U.S. beef', end_char) for the alias and the name."""
        preps = ("in", "at", "near") if type_ == "Facility" else ("on", "against", "for", "into", "to")
        if type_ == "Agreement":  # "an FTA between Japan and Mexico" ("with" too often says how: "with amendments")
            preps += ("between",)
        # (what is deployed or closed is named by "of" too: "the deployment of the THAAD system")
        if type_ == "Policy" and (tok.lemma_.lower() in self.lex.acts_on_of or tok.lemma_.lower() in ("deployment",
                                                                                                      "closure")):
            preps += ("of",)  # "the deployment of the THAAD system", "a review of the acquisition"
        if type_ == "Policy" and tok.lemma_.lower() in self.lex.limits_of:
            preps += ("of",)  # "a quota of 2.68 million tons of steel exports": past the amount to what it limits
        rights = list(tok.rights)
        through: dict[int, str] = {}  # a pp reached through "of understanding": the words it is named with
        if type_ == "Agreement":  # "a memorandum of understanding on shipbuilding": past the document's own kind
            for c in tok.rights:
                for p in (p for p in c.children if c.dep_ == "prep" and c.lower_ == "of" and p.dep_ == "pobj"
                          and p.lemma_.lower() in ("understanding", "term", "intent", "cooperation")):
                    for x in p.rights:
                        rights.append(x)
                        through[x.i] = f"of {p.text} "
                    for x in tok.rights:  # (the parser may hang the "on" from the memorandum itself)
                        if x.i > p.i:
                            through.setdefault(x.i, f"of {p.text} ")
        for c in list(rights):  # "tariffs imposed by Japan on Korean steel": the participle's "on" is the measure's
            # (and a relative clause's: "the tariffs that the United States imposed on Korean steel")
            # (or with no relative word: "the sanctions the United States imposed on Iran")
            if type_ == "Policy" and (c.dep_ == "acl" and c.tag_ == "VBN" or c.dep_ == "relcl" and any(
                    x.dep_ == "dobj" and x.lower_ in ("that", "which") for x in c.children) or object_gap(c)):
                rights += [x for x in c.children if x.dep_ == "prep" and x.lower_ in ("on", "against")]
        for c in list(rights):  # "tariffs of 25 percent on steel": past a rate to what the measure is on
            if c.dep_ == "prep" and c.lower_ == "of" and any(t.like_num or t.lower_ in ("percent", "%")
                                                              for t in c.subtree):
                rights += [x for x in c.subtree if x.dep_ == "prep" and x.lower_ in ("on", "against")]
        rights += self._hung_from_verb(tok, type_, through)
        if type_ == "Policy" and tok.dep_ == "pobj" and tok.head.lower_ == "with" \
                and tok.head.head.lemma_.lower() in HITTING_VERBS:
            # "hit Peruvian copper with a 25 percent tariff": what the verb hits the measure is on
            hit = [c for c in tok.head.head.children if c.dep_ in ("dobj", "nsubjpass") and c.i < tok.i]
            words = _object_words(hit[0], False) if hit else []
            if words and len(words) <= 5 and hit[0].lemma_.lower() not in ("it", "them"):
                return "on " + self._name([t for t in words if t.pos_ != "DET"]), words[-1].idx + len(words[-1].text)
        for child in rights:
            if child.dep_ in ("prep", "dative") and child.lower_ in preps:
                objs = [c for c in child.children if c.dep_ == "pobj"]
                # (a gerund the parser makes of a noun: "on shipbuilding cooperation", up to its own preposition)
                gerund = [c for c in child.children if c.dep_ == "pcomp" and c.tag_ == "VBG"] if not objs else []
                objs = objs or gerund
                # "tariffs on $18 billion of imports from Peru", "an exemption for a slew of allies": on what is counted
                if objs and (_how_much(objs[0]) or objs[0].lemma_.lower() in QUANTITY_NOUNS):
                    objs = [p for c in objs[0].children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                            for p in c.children if p.dep_ == "pobj"] or objs
                if objs and any(t.ent_type_ in ("DATE", "TIME") or t.lower_ in MONTHS
                                for t in [objs[0], *objs[0].lefts]):
                    continue  # "the deployment on 8 July": when, not what it is on
                if objs and reciprocal(objs[0]):
                    continue  # "tariffs on each other": each side's on the other, no name of either
                if objs and objs[0].lower_ == "behalf":
                    continue  # "signed the protocol on behalf of Seoul": for whom it is done, no part of a name
                if objs:
                    words = _object_words(objs[0], bool(gerund))
                    if type_ == "Facility":  # a facility is "in" a place's name: "plants in Bryan County, Georgia"
                        words = _place_words(words)
                        if not words:
                            continue
                    # (named by at most five words, articles aside; a pact's sides by their names: "between the
                    # United States and South Korea")
                    named_by = [t for t in words if t.pos_ != "DET"]
                    if len(named_by) <= 5 or child.lower_ == "between" and len(named_by) <= 10 and all(
                            t.pos_ in ("PROPN", "CCONJ", "PUNCT") for t in named_by):
                        # ("a quota of 2.68 million tons of steel exports": a quota on steel exports)
                        on = child.i in through and child.lower_ == "to" or (
                            child.lower_ == "of" and tok.lemma_.lower() in self.lex.limits_of)
                        text = through.get(child.i, "") + ("on" if on else child.text) + " " + self._name(
                            [t for t in words if t.pos_ != "DET" and not (t.lower_ in QUANTIFIERS and t.i < objs[0].i)])
                        return text, words[-1].idx + len(words[-1].text)
        return None

    def _hung_from_verb(self, tok, type_, through: dict) -> list:
        """The phrases of a measure or pact the parser hangs from the verb instead of the noun ("imposed tariffs on
        X", "responded with tariffs on X", "signed an MOU with Peru on X"); `through` learns how each is joined."""
        out: list = []
        if type_ in ("Policy", "Law") and tok.dep_ == "pobj" and tok.head.lower_ == "with" \
                and tok.head.head.pos_ == "VERB":
            # "responded with tariffs on $12 billion of U.S. goods": the measure's "on" hung from the verb
            out += [c for c in tok.head.head.rights if c.lower_ in ("on", "against") and c.i == tok.i + 1]
        if tok.dep_ == "dobj" and type_ in ("Policy", "Law"):
            # "imposed tariffs (of 25 percent) on Brazilian steel": the parser hangs the measure's "on" from
            # the verb
            rates = [t for t in tok.head.rights if tok.i < t.i and (t.like_num or t.lower_ in ("percent", "%"))]
            # ("applied a 15 percent tariff to Peruvian cars": what it is applied to is what it is on)
            applied = [c for c in tok.head.rights if c.lower_ == "to" and tok.head.lemma_.lower() == "apply"
                       and any(t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE") for t in c.subtree)]
            # (right after the measure's own rate: "tariffs of 10 to 25 percent on X")
            after = max(t.i for t in tok.subtree) + 1 if any(
                t.lower_ in ("percent", "%") and t.i > tok.i for t in tok.subtree) else -1
            out += [c for c in tok.head.rights if (c.lower_ in ("on", "against") or c in applied) and (
                c.i in (tok.i + 1, after) or (rates and c.i > tok.i and all(x.i < c.i for x in rates)))]
            through.update({c.i: "" for c in applied})
            if self.lex.measure_kinds.get(tok.lemma_.lower(), -1) == self.lex.measure_kinds.get("grant"):
                # "awarded a $9.6 billion loan to X": money's recipient, hung from the verb, names the loan
                out += [c for c in tok.head.rights if c.i == tok.i + 1 and c.lower_ in ("to", "for")]
        if tok.dep_ == "dobj" and type_ == "Facility" and tok.tag_ == "NN" and any(
                c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.lower_ == "it") for c in tok.head.children):
            # "X opened a fab in Sherman, Texas": the parser may hang the facility's place from the verb (one
            # facility, its maker named: "plants in Ohio" are several, "the companies opened a plant" names none)
            out += [c for c in tok.head.rights if c.dep_ == "prep" and c.lower_ in ("in", "at", "near")
                    and c.i == tok.i + 1]
        if tok.dep_ == "dobj" and type_ == "Agreement":
            # "signed an MOU with Peru on energy cooperation": the parser hangs the "on" from the verb, past the
            # agreement's "with"
            ends = [t.i for c in tok.rights if c.dep_ == "prep" for t in c.subtree] + [tok.i]
            out += [c for c in tok.head.rights if c.dep_ == "prep" and c.lower_ == "on" and c.i == max(ends) + 1]
        return out

    def find_plain(self, text: str, offset: int, taken: list[tuple[int, int]]) -> list[Mention]:
        """Rules-only path: up to three modifier words before a head noun from the lexicon."""
        out = []
        for m in self.lex.plain_re.finditer(text):
            head = m.group("head")
            type_ = self.lex.head_type_word(head)
            mods = [w for w in (m.group("mods") or "").split() if w]
            while mods and (mods[0].lower() in self.lex.generic_modifiers or mods[0].lower() in _STOP):
                mods = mods[1:]
            if not mods:
                continue
            name = " ".join(mods + [head])
            start = offset + m.end() - len(name)
            # recompute start on the original text (the regex kept spacing)
            start = offset + m.start("head") - (len(" ".join(mods)) + 1)
            end = offset + m.end("head")
            if text[start - offset:end - offset] != name:
                start = offset + m.start("mods") if m.group("mods") else offset + m.start("head")
                name = re.sub(r"\s+", " ", text[start - offset:end - offset])
            if any(s < end and start < e for s, e in taken):
                continue
            out.append(Mention(start, end, name, type_, entity_id(type_, name), name, "pattern", aliases={name}))
        return out


_STOP = set("the a an its their his her our this that these those of and or to in on for by with from as at "
            "is are was were be been has have had will would could should may might".split())


# --------------------------------------------------------------------------------------------
# Statistical NER for names the gazetteer does not know, typed by context
# --------------------------------------------------------------------------------------------
from ..read.repair import is_word  # noqa: E402  (a word list for telling names from words)


# a list of at least three capitalised names (each maybe with its acronym): "A, B C, D and E Co.", "A (AC), B and C"
_NAME = r"[A-Z][\w&'-]*\.?(?: (?:[A-Z0-9][\w&'-]*\.?))" + "{0,3}"
_ACRONYM = r"(?: \([A-Z]{2,6}\))?"
NAME_LIST = re.compile(rf"{_NAME}{_ACRONYM}(?:, (?:and )?{_NAME}{_ACRONYM}){{1,}}(?:,? and {_NAME})?")
NAME_ITEM = re.compile(rf"(?:(?<=^)|(?<=, )|(?<=and )){_NAME}")


class NerRecognizer:
    def __init__(self, lexicon=None, model=None) -> None:
        self.lex = lexicon or load_lexicon()
        model = model or load_model()
        # one-word firm names ("SK", "Samsung"): a new name starting with one is an affiliate firm
        self.firm_forms = {f for e in model.gazetteer if e.type == "Firm" for f in [e.name, *e.aliases]}
        self.firm_heads = {f for f in self.firm_forms if " " not in f.strip() and len(f) >= 2}
        self.country_forms = country_forms(model)
        self.state_forms = country_forms(model, ("USState",))  # "the Georgia Department of Economic Development"
        self.body_forms = country_forms(model, ("GovernmentBody",))  # "the United States Department of Energy"
        # a title's last word -> the type it names (not a firm's: "Inc."), for _untagged_titles
        self.title_endings = {w: t for t, ws in self.lex.name_endings.items() if t != "Firm" for w in ws}
        # (of a firm's endings only its legal form is sure: "HL-GA Battery Co.", where "Group" may end anything)
        self.title_endings.update({w: "Firm" for f in LEGAL_FORM_WORDS for w in (f, f + ".")})
        # (whether a sentence has any of them at all, asked before its tokens are walked: most have none)
        self.title_ending_words = re.compile(r"(?<!\w)(?:" + "|".join(
            re.escape(w) for w in sorted(self.title_endings, key=len, reverse=True)) + r")(?!\w)")
        # (the same for _titled_after: a comma, then within a few words an official's title or a firm's noun)
        said = set(self.lex.person_titles) | self.lex.firm_beside
        self.titled_after_words = re.compile(r",\s+(?:\S+\s+){0,6}?(?:" + "|".join(
            re.escape(w) for w in sorted(said, key=len, reverse=True)) + r")(?!\w)", re.IGNORECASE)

    def _ends_on_body(self, ent_text: str, start: int, taken: list[tuple[int, int]]) -> bool:
        """The name found at the end of a span the NER calls an organisation is a known government body: "the
        United States Department of Energy" is that body, named with its country, not a firm."""
        inner = min(a for a, b in taken if start < b and a < start + len(ent_text))
        return ent_text[inner - start:].strip() in self.body_forms

    def find(self, sent, offset: int, taken: list[tuple[int, int]]) -> list[Mention]:
        out = []
        for ent in sent.ents:
            k = ent.end
            while ent.label_ == "PERSON" and k - 1 > ent.start:
                if ent.doc[k - 1].text in self.lex.person_titles:
                    k -= 1
                elif ent.doc[k - 1].text == "-" and k - 2 > ent.start and ent.doc[k - 2].text in ("Co", "Vice"):
                    k -= 2  # ("Co-CEO": the tokenizer splits it)
                else:
                    break
            if k < ent.end:  # "SeAH Steel Co-CEO" before a name: whose title it is, an organisation, no person
                ent = type(ent)(ent.doc, ent.start, k, label="ORG")
            bracket = next((t.i for t in ent[1:] if t.text == "("), None)
            if bracket is not None:  # "the Foreign Trade Bank of Peru (Andes Trade Bank": the name ends at its bracket
                ent = type(ent)(ent.doc, ent.start, bracket, label=ent.label_)
            of = next((t.i for t in ent[1:] if t.lower_ == "of" and t.doc[t.i - 1].text.rstrip(".") in LEGAL_FORMS_OF),
                      None)
            if of is not None and ent.end + 1 < len(ent.doc) and ent.doc[ent.end].text == "," \
                    and ent.doc[ent.end + 1].ent_type_ == "GPE":
                ent = type(ent)(ent.doc, ent.start, of, label=ent.label_)  # "X Co. of Shenzhen, China": X's city
            # "Anti-dumping and Countervailing Measures": a name coordinated with the modifier before it is whole
            first = ent[0]
            lead = first
            if first.dep_ == "conj" and first.head.i < first.i and first.head.dep_ in ("amod", "compound") \
                    and first.head.head.i in range(ent.start, ent.end):
                lead, noun = first.head, first.head.head.i  # back over the modifiers the first conjunct shares
                while lead.i > 0 and lead.doc[lead.i - 1].head.i == noun \
                        and lead.doc[lead.i - 1].dep_ in ("amod", "compound", "punct"):
                    lead = lead.doc[lead.i - 1]
                if not lead.text[:1].isupper():
                    lead = first
            # (Doc.text joins every token: read it only for the rare name that grows)
            ent_text, ent_char = (ent.text, ent.start_char) if lead is first else \
                (text_of(sent.doc)[lead.idx:ent.end_char], lead.idx)
            start = offset + ent_char
            end = offset + ent.end_char
            over = [e for s, e in taken if s < end and start < e]
            whose = ""
            if over and max(over) < end:
                # "the Chilean Ministry of Mines", "the Norwegian Maritime Authority": the country named first (a
                # mention of its own) says whose; the rest, a body's name, is the name (not "North America, Inc."
                # after a known "Nippon Steel")
                rest = ent_text[max(over) - start:]
                whose = re.sub(r"^(the|The)\s+", "", ent_text[:len(ent_text) - len(rest)]).strip()
                if (whose in self.country_forms or whose in self.state_forms) and rest.lstrip()[:1].isupper() \
                        and rest.split()[-1] not in ("’s", "'s") \
                        and self.lex.type_for_name(rest.strip(), ent.label_, sent, ent) == "GovernmentBody":
                    ent_char += len(ent_text) - len(rest.lstrip())
                    ent_text = rest.lstrip()
                    start, over = offset + ent_char, []
                elif whose in self.body_forms and rest.lstrip()[:1].isupper() and len(rest.split()) >= 2 \
                        and self.lex.type_for_name(rest.strip(), ent.label_, sent, ent) == "GovernmentBody":
                    # "the White House National Trade Council": a known body's own council or office is a body of
                    # its own, named with its owner (its title's holder leads it, not the White House)
                    ent_char += len(ent_text) - len(rest.lstrip())
                    ent_text = rest.lstrip()
                    start, over = offset + ent_char, []
                elif whose in self.firm_forms and self.regional_unit(rest):
                    # "Nippon Steel North America, Inc.", "Lotte Chemical USA": a known firm's unit named for the
                    # place it works in is a firm of its own (the pipeline drops the known firm's mention inside)
                    start, over = offset + ent_char, []
                    whose = ""
                elif TITLE_LIST_TAIL.fullmatch(rest) and self.lex.type_for_name(
                        _bare_name(ent_text), ent.label_, sent, ent) == "GovernmentBody":
                    # "the Ministry of Trade, Industry and Resources": a known title ("Ministry of Trade") that a
                    # list of capitalised words goes on is only the start of another body's title
                    start, over = offset + ent_char, []
                    whose = ""
                elif whose in self.country_forms and self._firm_name(ent_text):
                    # "American Shipping Company", "Korea Gas Corporation": a firm named with its country's word;
                    # the whole name is the firm (the pipeline drops the country mention inside it)
                    start, over = offset + ent_char, []
                    whose = ""
                else:
                    whose = ""
            first_word = start + len(re.match(r"(?:(?:the|The)\s+)?", ent_text).group(0))  # (past its article)
            # ("the Foreign Trade Bank of Peru": a firm's title, named with the country after "of")
            of_place = OF_PLACE.match(ent_text)
            firm_of_place = bool(over and of_place and self.lex.type_for_name(of_place.group(1), ent.label_) == "Firm")
            if over and max(over) == end and all(first_word < a for a, b in taken if a < end and start < b) \
                    and (firm_of_place or self.lex.type_for_name(ent_text.strip(), ent.label_, sent, ent) == "Firm") \
                    and not self._ends_on_body(ent_text, start, taken):
                over = []  # "Velkor Arizona is a subsidiary of X": a firm named with the place it works in
            else:
                firm_of_place = False
            if over:
                continue
            text = _bare_name(ent_text)
            if len(text) < 2 or not text[0].isupper():
                continue
            start = end - len(ent_text.rstrip()) + (len(ent_text) - len(ent_text.lstrip()))
            if ent_text != text:
                start = offset + ent_char + ent_text.find(text)
                end = start + len(text)
            text, cut = self._without_titles(text, ent)
            start += cut
            end = start + len(text)
            if all(w in self.lex.person_titles for w in text.split()) or _abbreviates_common_words(
                    text_of(sent.doc)[max(0, ent.start_char - 80):ent.start_char], text):
                continue  # "Executive" of "Executive Chairman Chung", "at less than fair value (LTFV)": no names
            type_ = self.lex.type_for_name(text, ent.label_, sent, ent) or ("Firm" if firm_of_place else None)
            if ent.label_ == "PERSON" and (cut or ent.start > 0 and ent.doc[ent.start - 1].text in self.lex.person_titles):
                type_ = "Person"  # "President Park", "Chairman Stone": a title says a person, whatever the name's ending
            if " " not in text and text.rstrip(".") in {w.rstrip(".") for w in self.lex.name_endings.get("Firm", ())}:
                continue  # "LLC" in "Nordic Cells, LLC": a legal form, not a name
            if len(text.split()) >= 2 and text.split()[0] in self.firm_heads and ent.label_ in ("ORG", "PERSON",
                                                                                               "PRODUCT", "GPE"):
                type_ = "Firm"  # "SK Siltron", "Samsung Biologics"
            aliases = {text}
            if type_ == "Policy":  # "Anti-Dumping and Countervailing Measures on Large Residential Washers from Korea"
                more = TITLE_TAIL.match(text_of(sent.doc), ent.end_char)
                if more:
                    aliases.add(text + re.sub(r"\s+", " ", more.group(0)))
            name = text
            if whose and type_ == "GovernmentBody":  # one country's "Foreign Ministry" is not another's
                name = f"{whose} {text}"
                aliases.add(name)
            owner = self._owning_country(ent, offset, taken) if type_ == "GovernmentBody" and " " not in text else None
            if owner:  # "Japan's Cabinet", "Chile's Senate": one country's body of that kind, not every country's
                name = f"{text} of {owner}"
                aliases |= {name, f"{owner}'s {text}"}
            out.append(Mention(start, end, text, type_, entity_id(type_ or "Firm", name), name, "ner", aliases=aliases))
        out += self._unknown_firms(sent, offset, taken + [(m.start, m.end) for m in out if m.type is not None])
        out += self._untagged_titles(sent, offset, taken + [(m.start, m.end) for m in out])
        out += self._titled_after(sent, offset, taken + [(m.start, m.end) for m in out])
        out += self._persons_by_clause(sent, offset, taken + [(m.start, m.end) for m in out])
        cued = self._cued_firms(sent, offset, taken + [(m.start, m.end) for m in out if m.type is not None])
        out = [m for m in out if not any(c.start < m.end and m.start < c.end for c in cued)] + cued
        return out  # (untyped names stay for list_firms; the pipeline drops those still untyped)

    def regional_unit(self, rest: str) -> bool:
        """Whether the words after a known firm's name name only a place, maybe with a legal form or a word like
        "International": "USA", "North America, Inc.", "Georgia LLC", "USA Holdings" (not "Construction" or "Heavy
        Industries": another firm of the group)."""
        words = LEGAL_TAIL_END.sub("", rest.strip())
        words = re.sub(r"\s+(?:International|Holdings|Operations)$", "", words)  # ("Hanwha Ocean USA International")
        return words in REGIONS or words in self.country_forms or words in self.state_forms

    def _owning_country(self, ent, offset: int, taken) -> str | None:
        """The country whose possessive is right before a name ("Japan's" before "Cabinet"), else None."""
        if ent.start < 2 or ent.doc[ent.start - 1].lower_ not in ("'s", "’s"):
            return None
        owner = ent.doc[ent.start - 2]
        words = [t for t in owner.subtree if t.i <= owner.i and t.dep_ != "det"]
        text = " ".join(t.text for t in words)
        at = offset + words[0].idx if words else -1
        if text in self.country_forms and any(a <= at < b for a, b in taken):
            return text
        return None

    def _without_titles(self, text: str, ent) -> tuple[str, int]:
        """A name without the person titles the NER took in, and how many characters went from its front: "Chair
        Euisun Chung" is Euisun Chung; in "said Korvell Industries Chair Ana Ruiz" the title before the person it
        names is no part of the firm's name."""
        if ent.label_ == "PERSON":
            cut = self._after_titles(text)
            return text[cut:], cut
        if ent.end < len(ent.doc) and ent.doc[ent.end].text[:1].isupper():
            while len(text.split()) > 1 and text.split()[-1] in self.lex.person_titles:
                text = text.rsplit(None, 1)[0].rstrip()
        # "Automaker Velkor Motors", "Chipmaker X" opening a sentence: the trade the name is called by is no word of it
        first, _, rest = text.partition(" ")
        if rest[:1].isupper() and (first.lower() in self.CUES or first.lower() in self.lex.sector_nouns):
            return rest, len(first) + 1
        return text, 0

    def _after_titles(self, text: str) -> int:
        """Where a person's name starts after the titles before it ("Chair Euisun Chung": 6)."""
        words = text.split()
        k = 0
        while k < len(words) - 1 and words[k] in self.lex.person_titles:
            k += 1
        return text.find(words[k]) if k else 0

    def _firm_name(self, text: str) -> bool:
        words = re.sub(r"^(the|The)\s+", "", text).split()
        return len(words) >= 3 and all(w[:1].isupper() for w in words) \
            and words[-1] in self.lex.name_endings.get("Firm", ())

    FIRM_VERBS = {"invest", "build", "open", "acquire", "expand", "produce", "manufacture", "partner", "supply",
                  "export", "construct", "employ", "hire", "commit", "pledge"}

    CUES = {"firm", "company", "chipmaker", "automaker", "carmaker", "maker", "manufacturer", "subsidiary",
            "startup", "supplier", "shipbuilder", "steelmaker", "conglomerate"}

    def _cued_firms(self, sent, offset, taken) -> list[Mention]:
        """'Korean firm Absolics', 'the chipmaker Micron': a name right after a noun that says it is a firm."""
        out: list[Mention] = []
        sent_text = text_of(sent)
        if not might_contain(sent_text, self.CUES):
            return out
        for tok in sent:
            if tok.lower_ in self.CUES and tok.pos_ == "NOUN":  # "the troubled Kværner firm": the name before
                names = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and c.text[:1].isupper()
                         and not is_word(c.text) and c.text not in self.lex.person_titles]
                if names and names[-1].i == tok.i - 1:
                    first, last = names[0], names[-1]
                    start, end = offset + first.idx, offset + last.idx + len(last.text)
                    text = sent_text[first.idx - sent[0].idx:last.idx + len(last.text) - sent[0].idx]
                    if len(text) >= 3 and not any(s < end and start < e for s, e in taken):
                        out.append(Mention(start, end, text, "Firm", entity_id("Firm", text), text, "ner",
                                           aliases={text}))
                        continue
            if tok.lower_ not in self.CUES or tok.i + 1 >= len(sent):
                continue
            words = []
            for t in sent[tok.i + 1:tok.i + 5]:
                if not t.text[:1].isupper() or t.text in self.lex.person_titles or not (
                        t.pos_ == "PROPN" or (t.pos_ == "NOUN" and not is_word(t.text))):
                    break  # (the tagger may take an unknown name for a plural noun: "firm Absolics")
                words.append(t)
            if not words:
                continue
            first, last = words[0], words[-1]
            start, end = offset + first.idx, offset + last.idx + len(last.text)
            text = sent_text[first.idx - sent[0].idx:last.idx + len(last.text) - sent[0].idx]
            # (two letters name a firm only in capitals: "energy company BP", "the conglomerate LG")
            if any(s < end and start < e for s, e in taken) or len(text) < 2 or len(text) == 2 and not (
                    text.isupper() and text.isalpha()) or text.split()[-1] in self.lex.ignore_endings:
                continue
            out.append(Mention(start, end, text, "Firm", entity_id("Firm", text), text, "ner", aliases={text}))
        return out

    def _untagged_titles(self, sent, offset, taken) -> list[Mention]:
        """A title the statistical NER missed, typed by its last word like the names it tags: 'the Velkor
        Metaplant', 'the Andean Copper Fund' (capitalised words before a name ending of the lexicon)."""
        out: list[Mention] = []
        if self.title_ending_words.search(text_of(sent)) is None:
            return out
        for tok in sent:
            type_ = self.title_endings.get(tok.text)  # (the rare ending first: most tokens are passed over here)
            if type_ is None or tok.pos_ != "PROPN" or tok.ent_type_:
                continue
            words = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.text[:1].isupper()]
            if not words and type_ == "GovernmentBody":
                # "Japan's Cabinet", "Chile's Senate": one country's body of that kind (as _owning_country names
                # the ones the NER tags)
                owner = self._owning_country(sent[tok.i:tok.i + 1], offset, taken)
                start, end = offset + tok.idx, offset + tok.idx + len(tok.text)
                if owner and not any(s < end and start < e for s, e in taken):
                    name = f"{tok.text} of {owner}"
                    out.append(Mention(start, end, tok.text, type_, entity_id(type_, name), name, "ner",
                                       aliases={name, f"{owner}'s {tok.text}"}))
                continue
            if not words or tok.i == tok.sent.start:
                continue
            first = words[0]
            start, end = offset + first.idx, offset + tok.idx + len(tok.text)
            if any(s < end and start < e for s, e in taken) or any(t.ent_type_ for t in words):
                continue  # (a part the tagger or the gazetteer named: "U.S. Department of ...")
            text = text_of(sent)[first.idx - sent[0].idx:tok.idx + len(tok.text) - sent[0].idx]
            out.append(Mention(start, end, text, type_, entity_id(type_, text), text, "ner", aliases={text}))
        return out

    def _titled_after(self, sent, offset, taken) -> list[Mention]:
        """A name the statistical NER missed that an apposition says what it is: an official's title ('Ana Ruiz, the
        Prime Minister of Chile', 'Luis Soto, Peru's trade minister'), a firm's noun ('Santee Cooper, South
        Carolina's state-owned utility') (two or three capitalised words)."""
        out: list[Mention] = []
        if self.titled_after_words.search(text_of(sent)) is None:
            return out
        for comma in sent:
            if comma.text != "," or comma.i == 0:  # (the commas first: few tokens stand before one)
                continue
            tok = comma.doc[comma.i - 1]
            if tok.pos_ != "PROPN" or tok.ent_type_ or not tok.text[:1].isupper():
                continue
            said = [c for c in tok.rights if c.dep_ == "appos"]
            if any(c.text[:1].upper() + c.text[1:] in self.lex.person_titles for c in said):
                type_ = "Person"
            elif any(c.lower_ in self.lex.firm_beside and c.pos_ == "NOUN" for c in said):
                type_ = "Firm"
            else:
                continue
            found = self._untagged_name(sent, tok, offset, taken, type_)
            if found is not None:
                out.append(found)
        return out

    def _untagged_name(self, sent, tok, offset, taken, type_: str) -> Mention | None:
        """The name of two or three capitalised words the NER left untagged that ends on `tok` (its compounds before
        it, no title among them), as a mention of `type_`; None where there is none or it crosses a name found."""
        words = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.text[:1].isupper()
                 and not t.ent_type_]
        if len(words) not in (1, 2) or words[0].i != tok.i - len(words) \
                or any(t.text in self.lex.person_titles for t in words + [tok]):
            return None
        start, end = offset + words[0].idx, offset + tok.idx + len(tok.text)
        if any(s < end and start < e for s, e in taken):
            return None
        text = text_of(sent)[words[0].idx - sent[0].idx:tok.idx + len(tok.text) - sent[0].idx]
        return Mention(start, end, text, type_, entity_id(type_, text), text, "ner", aliases={text})

    # verbs whose subject takes the title they name: "X became president of Chile", "Y was appointed chairman"
    TITLE_TAKING_VERBS = frozenset({"become", "elect", "appoint", "name", "nominate", "swear", "serve", "reelect",
                                    "re-elect"})

    def _persons_by_clause(self, sent, offset, taken) -> list[Mention]:
        """A name the NER missed that its clause says is a person's (two or three capitalised words): the subject of a
        verb that gives it an official's title ("Ana Ruiz became president of Chile", "Luis Soto was appointed
        chairman of X", "... served as trade minister") or of a "who" clause ("Ana Ruiz, who chairs X,"), or a name
        joined by "and" to a person's ("signed by Ana Ruiz and Luis Soto", the NER tagging the second only)."""
        out: list[Mention] = []
        titles = {w.casefold() for w in self.lex.person_titles}
        for tok in sent:
            if tok.pos_ != "PROPN" or tok.ent_type_ or not tok.text[:1].isupper():
                continue
            paired = any(c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in tok.children) or (
                tok.dep_ == "conj" and tok.head.ent_type_ == "PERSON")
            if tok.dep_ not in ("nsubj", "nsubjpass") and not paired:
                continue
            verb = tok.head
            said = [c for c in verb.children if c.dep_ in ("attr", "oprd", "xcomp")] + [
                p for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children
                if p.dep_ == "pobj"] if verb.lemma_.lower() in self.TITLE_TAKING_VERBS else []
            titled = any(t.lower_ in titles for c in said for t in c.subtree if t.i <= c.i)
            who = any(c.dep_ == "relcl" and any(x.lower_ == "who" and x.dep_ in ("nsubj", "nsubjpass")
                                                for x in c.children) for c in tok.children)
            found = self._untagged_name(sent, tok, offset, taken, "Person") if titled or who or paired else None
            if found is not None:
                out.append(found)
        return out

    # what firms sign with each other: "X signed a supply contract with Y" (a country signs agreements)
    CONTRACT_NOUNS = frozenset({"contract", "order", "purchase", "offtake", "licensing", "supply"})
    ACTING_VERBS = frozenset(FIRM_VERBS | {"sign"})  # (one word list: might_contain builds its test once per list)

    def _signs_a_contract(self, verb) -> bool:
        return verb.lemma_.lower() == "sign" and any(
            c.dep_ == "dobj" and (c.lemma_.lower() in self.CONTRACT_NOUNS or any(
                x.dep_ == "compound" and x.lemma_.lower() in self.CONTRACT_NOUNS for x in c.children))
            for c in verb.children)

    def _unknown_firms(self, sent, offset, taken) -> list[Mention]:
        """A name the statistical NER missed, typed by what it does: 'Absolics invested $600 million ...'."""
        out: list[Mention] = []
        sent_text = text_of(sent)
        if not might_contain(sent_text, self.ACTING_VERBS):
            return out
        for tok in sent:
            if tok.dep_ != "nsubj" or not tok.text[:1].isupper() or not (
                    tok.head.lemma_.lower() in self.FIRM_VERBS or self._signs_a_contract(tok.head)):
                continue
            if tok.pos_ != "PROPN" and (tok.pos_ != "NOUN" or is_word(tok.text)):
                continue  # "Investors invested": an English word, not a name
            if is_word(tok.text) and not any(t.dep_ == "compound" and t.pos_ == "PROPN" for t in tok.lefts):
                continue  # "Commerce opened an investigation": one capitalised English word names no firm
            words = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [tok]
            first, last = words[0], words[-1]
            start, end = offset + first.idx, offset + last.idx + len(last.text)
            text = sent_text[first.idx - sent[0].idx:last.idx + len(last.text) - sent[0].idx]
            if any(s < end and start < e for s, e in taken) or not text[:1].isupper() or len(text) < 3:
                continue
            if text.split()[-1] in self.lex.ignore_endings or text.rstrip(".") in LEGAL_FORM_WORDS:
                continue  # ("Nordic Cells, LLC invested": the legal form is the name's, not a firm of its own)
            out.append(Mention(start, end, text, "Firm", entity_id("Firm", text), text, "ner", aliases={text}))
        return out


MONTHS = frozenset(MONTH_NAMES.lower().split("|"))

# the rest of a measure's title: what it is on and where from, in title case ("... on Large Residential Washers
# from Korea", "... of Imports of Semiconductors")
TITLE_TAIL = re.compile(r"(?:\s+(?:on|of|from|against|into|to|concerning)\s+(?:the\s+)?(?:[A-Z][\w'’.\-]*\s+){0,5}"
                        r"[A-Z][\w'’.\-]*)+")


SMALL_WORDS = frozenset({"of", "and", "the", "for", "to", "in", "on", "a", "an"})


def passed_over(tok, lex) -> bool:
    """'selected Georgia over sites in Tennessee': what is chosen over names what is not taken."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "over" and tok.head.head.lemma_.lower() in lex.choosing_verbs


def _abbreviates_common_words(before: str, short: str) -> bool:
    """'less than fair value (' + 'LTFV': an abbreviation in brackets whose letters open the lower-case words right
    before it (with or without their small words)."""
    if not re.fullmatch(r"[A-Z]{2,8}", short) or not re.search(r"\(\s*$", before):
        return False
    words = re.findall(r"[A-Za-z][\w-]*", before)
    for n in range(len(short), len(short) + 4):
        tail = words[-n:]
        if len(tail) < n or any(w[:1].isupper() for w in tail):
            break
        for kept in (tail, [w for w in tail if w not in SMALL_WORDS]):
            if "".join(w[0] for w in kept).upper() == short:
                return True
    # (or opens and ends as they do, a chemist's letters between: "lithium iron phosphate (LFP)")
    tail = words[-len(short):]
    return len(tail) == len(short) and not any(w[:1].isupper() for w in tail) \
        and tail[0][0].upper() == short[0] and tail[-1][0].upper() == short[-1]


def _rate(sent, first: int, head: int) -> tuple[str, bool] | None:
    """The rate a measure's modifiers give ('a 15 percent tariff', 'the 7.5% duty' -> '15', '7.5') and whether an
    indefinite article opens the phrase, if there is one."""
    for k in range(max(first - 2, 0), head):
        if sent[k].like_num and k + 1 < len(sent) and sent[k + 1].lower_ in ("percent", "%", "per", "pct"):
            rate = sent[k].text.rstrip("0").rstrip(".") if "." in sent[k].text else sent[k].text
            return rate, k > 0 and sent[k - 1].lower_ in ("a", "an")
    return None


def _plural_taken_for_verb(tok) -> bool:
    """'in CHIPS incentives': a plural noun the tagger read as a verb ending in -s, though it stands where a noun
    does (the object of a verb or a preposition)."""
    return tok.tag_ == "VBZ" and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and tok.lower_.endswith("s")


def _first_modifier(sent, tok, offset: int, taken: list[tuple[int, int]]) -> int:
    """Where the contiguous left modifiers of a head noun begin: "Japanese export restrictions", "electric
    vehicle plant", "steel and aluminum tariffs", "Section 232 tariffs"."""
    first = tok.i
    j = tok.i - 1
    kinds = load_lexicon().kind_adjectives
    while j >= 0 and (sent[j].dep_ in ("compound", "amod", "nmod", "npadvmod")
                      # coordinated modifiers: "steel and aluminum tariffs", "tax and accountancy agreements"
                      # (not owners: "U.S. or EU sanctions" are two measures)
                      or (sent[j].dep_ in ("conj", "cc") and sent[j].head.i < j
                          and sent[j].head.dep_ in ("compound", "amod", "nmod")
                          and sent[j].head.head.i == tok.i
                          and not any(a <= offset + sent[j].head.idx < b for a, b in taken))
                      or (sent[j].text in ("-", "\u2013") and j > 0)
                      # "the China–Australia Free Trade Agreement": the name glued to the dash is part
                      or (j + 1 < len(sent) and sent[j + 1].text in ("-", "\u2013") and not sent[j].whitespace_
                          and sent[j].text[:1].isupper() and first == j + 1)
                      # a quoted name before the head: 'the "K-Battery" strategy' (the quotes and what they hold)
                      or (first == j + 1 and sent[j].text in QUOTES and _quoted_before(sent, j))
                      or (first <= tok.i and _inside_quotes(sent, j, tok.i))
                      # a hyphenated word however parsed: "a nuclear phase-out policy" ("out" may be a particle)
                      or (first == j + 1 and j > 0 and sent[j - 1].text == "-" and not sent[j - 1].whitespace_
                          and sent[j].is_alpha)
                      or (first == j + 1 and sent[j + 1].text == "-" and not sent[j].whitespace_
                          and sent[j].is_alpha)
                      # "the 45X production credit", "Section 30D": a section's designator
                      or (re.fullmatch(r"\d{1,4}[A-Z]{1,2}", sent[j].text) is not None)
                      # "Section 232", "Title III": a capitalised word and its number, however parsed
                      or (sent[j].like_num and j > 0 and sent[j - 1].text[:1].isupper()
                          and sent[j - 1].is_alpha)
                      or (sent[j].text[:1].isupper() and sent[j].is_alpha and j + 1 < len(sent)
                          and sent[j + 1].like_num and first == j + 1)
                      # an acronym right before the head, however parsed: "$450 million in CHIPS incentives"
                      or (first == j + 1 == tok.i and sent[j].is_alpha and sent[j].is_upper and len(sent[j]) >= 2
                          and sent[j].whitespace_ and sent[j].dep_ in ("pobj", "dative", "dobj", "nsubj"))
                      # a title's acronym in brackets: "Validated End-User (VEU) authorization"
                      or (j >= 2 and _bracketed_acronym(sent, j, tok))
                      # ... and the title's words before it, however parsed: "the Clean Energy Partnership (CEP)
                      # Memorandum of Understanding" (the parser may make the words before the bracket a phrase)
                      or (first == j + 1 and sent[j + 1].text == "(" and sent[j].is_alpha
                          and sent[j].text[:1].isupper() and _bracketed_acronym(sent, j + 1, tok))
                      ) and (sent[j].pos_ != "VERB" or (sent[j].dep_ == "amod" and sent[j].text[:1].isupper()
                                                        and first < tok.i)  # "Validated End-User ..."
                             or sent[j].lower_ in kinds  # "countervailing duties"
                             # ("anti-dumping tariffs", its "dumping" tagged a verb)
                             or (j >= 2 and sent[j - 1].text == "-" and f"{sent[j - 2].lower_}-{sent[j].lower_}" in kinds)
                             or _inside_quotes(sent, j, tok.i)):  # 'the "Make Chilean Mining Great Again" plan'
        first = j
        j -= 1
    return first


QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
# verbs that bring a measure down on what they take: "hit Peruvian copper with a tariff", "slapped X with duties"
HITTING_VERBS = frozenset({"hit", "slap", "target", "punish", "penalize", "penalise", "strike", "saddle", "burden"})
# units a number before a name counts in ("a 120,000 square-foot facility", "a 10-year ban"): size or length, not name
MEASURE_UNITS = frozenset({"square", "foot", "feet", "sq", "ft", "acre", "acres", "hectare", "megawatt", "gigawatt",
                           "mw", "gw", "gwh", "kw", "ton", "tons", "tonne", "tonnes", "mile", "miles", "meter", "metre",
                           "kilometer", "km", "unit", "units", "year", "month", "week", "day", "decade", "-"})
# an acronym in brackets inside a title: "Validated End-User (VEU) authorization"
INNER_ACRONYM = re.compile(r"\s\(([A-Z][A-Za-z0-9&-]{1,9})\)\s")


# flows of trade, named with the goods in their "of" phrase
FLOW_NOUNS = frozenset({"import", "export", "shipment", "sale", "purchase"})
# sectors that are also the kind of work any firm does: named as what a facility or a project is for, no business
ACTIVITY_SECTORS = frozenset({"manufacturing", "construction"})


def names_work(sv, m: Mention) -> bool:
    """Whether a sector's mention names a kind of work done to something ("the construction of plants"), no field."""
    return m.type == "Sector" and m.name in ACTIVITY_SECTORS and re.match(r"\s+of\s", sv.text[m.end - sv.start:]) \
        is not None
# the words that open a statute's part ("Section 232", "Title III"), and a name they open
AUTHORITY_PARTS = frozenset({"Section", "Title", "Article", "Chapter"})
AUTHORITY_PART = re.compile(r"(?:" + "|".join(sorted(AUTHORITY_PARTS)) + r")\s")


def _how_much(tok) -> bool:
    """A sum or a share standing for what it counts: "$18 billion (of imports)", "90 percent (of Canadian farm
    exports)", "two-thirds (of U.S. exports)"."""
    return tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY") or tok.like_num or tok.lower_ in ("worth", "%") \
        or tok.lemma_.lower() in PORTIONS


# what a plan is called: "plans for a factory in Texas" name the factory's builder (parsed.owner), no measure
PLAN_NOUNS = frozenset({"plan", "proposal", "blueprint"})
# nouns that count what their "of" names: "a number of countermeasures", "an exemption for a slew of allies"
QUANTITY_NOUNS = frozenset({"number", "series", "range", "set", "host", "variety", "couple", "handful", "lot",
                            "wave", "raft", "slew", "package", "round", "batch",
                            # kinds of goods a measure covers: "tariffs on several categories of copper imports"
                            "category", "class", "type", "kind", "line"})
# the share of a class a measure covers, written as a noun: "tariffs on two-thirds of U.S. exports"
PORTIONS = frozenset({"percent", "percentage", "half", "third", "quarter", "fifth", "tenth", "majority", "share",
                      "portion", "fraction", "bulk", "proportion"})

# how much of a class a measure covers says nothing of which measure it is: "a tariff on nearly all imports"
QUANTIFIERS = frozenset({"nearly", "almost", "virtually", "all", "most", "some", "certain", "many", "various",
                         "several", "approximately", "about", "roughly", "around", "other", "following"})


def _object_words(obj, gerund: bool) -> list:
    """The words of a measure's or facility's prepositional object that go into its name."""
    sub = list(obj.subtree)
    if gerund:
        after = [t.i for t in sub if t.dep_ == "prep" and t.head.i == obj.i]
        sub = [t for t in sub if not after or t.i < min(after)]
    # "tariffs on Canada, Mexico and China": the object with the names coordinated with it
    # (not a name the parser joined to the list that is the next clause's subject: "tariffs on Peru and Peru
    # retaliated")
    last = max([obj.i] + [c.i for c in obj.conjuncts if c.pos_ == "PROPN" and not _stranded(c)]
               + [t.i for t in sub if gerund])
    # "a ban on imports of U.S. beef": a flow is named with its goods, when that stays short
    goods = [x.i for c in obj.children if obj.lemma_.lower() in FLOW_NOUNS and c.dep_ == "prep" and c.lower_ == "of"
             for p in c.children if p.dep_ == "pobj" for x in (p, *p.conjuncts)]
    if goods and len([t for t in sub if t.i <= max(goods)]) <= 5:
        last = max(last, max(goods))
    elif goods:
        # ("a tariff on imports of semi-finished copper products": the goods' noun with its noun modifiers, the
        # "tariff on imports of copper products", not the bare "tariff on imports")
        noun = obj.doc[goods[0]]
        kept = [c for c in noun.lefts if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")][-2:]
        prep = noun.head
        if prep.dep_ == "prep" and prep.head.i == obj.i:
            return [t for t in sub if t.i <= obj.i and t.dep_ not in ("relcl", "acl")] + [prep, *kept, noun]
    words = [t for t in sub if t.dep_ not in ("relcl", "acl") and t.i <= last]
    if any(t.dep_ in ("relcl", "acl") or t.text in ("(", ";") for t in sub if obj.i < t.i < last):
        words = [t for t in words if t.i <= obj.i]
    return words


# a title before "of" and the place it is of: "the Foreign Trade Bank of the Republic of Peru"
OF_PLACE = re.compile(r"(?:(?:the|The)\s+)?((?:[A-Z][\w&.-]*\s+){1,4}[A-Z][\w&.-]*)\s+of\s+(?:the\s+)?[A-Z]")


def _bare_name(ent_text: str) -> str:
    """A statistical entity's words as a name: without "the", a possessive ("Velmora Motors'", "Samsung's") or the
    article of a treaty it cites ("Article 2 of the Agreement on Rules of Origin" is the agreement; a statute's
    "Section 232" names a measure and stays)."""
    text = re.sub(r"^(the|The)\s+", "", ent_text).strip().rstrip(",;:").strip()  # ("Santee Corvex,")
    text = re.sub(r"(?<=s)[’']$|[’']s$", "", text).strip()
    text = re.sub(r"(?:\s+(?:in|of|on|for|and|the|to))+$", "", text)  # ("the Convention on ... the Sea in 1997")
    part = TREATY_PART.match(text)
    return text[part.end():] if part and text[part.end():][:1].isupper() else text


def _phrase_span(sent, sent_text: str, tok, tokens, type_: str, numbered: bool, offset: int):
    """Where a descriptive name starts and ends in the document, and the title lead it takes in, if any."""
    start = offset + tokens[0].idx
    end = offset + tok.idx + len(tok.text)
    if numbered:  # "Executive Order 14105", "Proclamation 9705": the number names the instrument
        end = offset + sent[tok.i + 1].idx + len(sent[tok.i + 1].text)
    base = sent[0].idx
    lead = TITLE_LEAD.search(sent_text[:tokens[0].idx - base]) \
        if type_ in ("Law", "Agreement") and tokens[0].text[:1].isupper() else None
    if lead:  # the whole title, not its last words
        start = offset + base + lead.start()
    return start, end, lead


def _name_in_full(m: "Mention", sent, sent_text: str, pp) -> None:
    """'anti-dumping duties on Chilean salmon': common words before the head say what kind of measure, what it is
    on says which: the name to use when the document names another of that kind (pipeline); a proper modifier
    already says which ("Section 232 tariffs on steel"); the whole list, never its first item ("export controls on
    copper, tin, and timber")."""
    about = f"{pp[0]}{_rest_of_list(sent, sent_text, pp[1])}"
    m.full_name = f"{m.name} {about}"
    m.about = _about(about)


def _about(phrase: str) -> frozenset:
    """'on Chilean salmon' -> {'chilean', 'salmon'}."""
    return frozenset(w.lower() for w in re.findall(r"[\w-]+", phrase)[1:] if w.lower() not in ABOUT_STOP)


ABOUT_STOP = frozenset({"the", "a", "an", "of", "and", "or", "from", "to", "in", "on", "its", "their"})


def _rest_of_list(sent, sent_text: str, end: int) -> str:
    """The words after a phrase's first item that finish its list: "export controls on copper| , tin, and timber"
    ("" when no list goes on)."""
    last = next((t for t in sent if t.idx + len(t.text) == end), None)
    if last is None or not LIST_GOES_ON.match(sent_text, end - sent[0].idx):
        return ""
    tail = max(last.conjuncts, key=lambda t: t.i, default=None)
    if tail is None or tail.i < last.i or tail.i - last.i > 8:
        return ""
    return sent_text[end - sent[0].idx:tail.idx + len(tail.text) - sent[0].idx]


# a list goes on after the words a name would end with: "investigations into aluminum, automobiles, and steel"
LIST_GOES_ON = re.compile(r"\s*(?:,|and\b|or\b|&)")


def _common_words(words) -> bool:
    """Modifiers that are all lower-case common words ("anti-dumping", "export", "national security"): no name,
    number or nationality among them."""
    return bool(words) and all(w.text in ("-", "/") or w.text[:1].islower() and w.pos_ in ("NOUN", "ADJ", "VERB")
                               and not w.like_num and w.ent_type_ not in ("NORP", "GPE", "ORG") for w in words)


def _title_cased(tokens) -> bool:
    """'a Bilateral Trade Agreement', 'the Comprehensive Partnership': a title whose words are all capitalised inside
    the sentence keeps its first word, even one that says nothing in common use ("bilateral", "comprehensive")."""
    first = tokens[0]
    return len(tokens) >= 2 and first.i != first.sent.start and first.text[:1].isupper() \
        and all(t.text[:1].isupper() or t.lower_ in TITLE_GLUE for t in tokens)


TITLE_GLUE = frozenset({"of", "for", "and", "on", "the", "in", "-"})


# a part of a treaty cited with it: "Article 2 of the", "Articles I and IX of the", "Annex 3 to the"
TREATY_PART = re.compile(r"(?:Articles?|Annex(?:es)?|Paragraphs?|Chapters?)\s+[\w.()\-]+(?:\s*(?:,|and|to)\s*"
                         r"[\w.()\-]+)*\s+(?:of|to)\s+(?:the\s+)?")


# the verbs a measure is said to be imposed with by its owner: "the tariffs imposed by Norway"
IMPOSING_PARTICIPLES = frozenset({"impose", "levy", "introduce", "announce", "adopt", "enact", "slap", "place"})


def _imposed_by_named(tok, taken: list[tuple[int, int]], offset: int) -> bool:
    """'the tariffs imposed by Norway', 'the sanctions, introduced by the EU in 2014,': a measure its named imposer
    says which of, as "Norway's tariffs" does."""
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in IMPOSING_PARTICIPLES
               and any(a.dep_ == "agent" and any(p.dep_ == "pobj" and any(x <= offset + p.idx < y for x, y in taken)
                                                 for p in a.children) for a in c.children)
               for c in tok.children)


def _built_by_named(tok) -> bool:
    """'A $2 billion plant will be built by X in Ohio', 'X will build a new smelter in Tennessee': one facility, the
    one its named builder builds (in the active, where the verb says where)."""
    verb = tok.head
    if tok.tag_ != "NN" or verb.lemma_.lower() not in ("build", "construct"):
        return False
    if tok.dep_ == "nsubjpass":
        return any(c.dep_ == "agent" and any(p.pos_ == "PROPN" for p in c.children) for c in verb.children)
    return tok.dep_ == "dobj" and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in verb.children) \
        and _built_in(tok) is not None


def _built_in(tok) -> str | None:
    """The place the verb that builds a facility names: "will build a new smelter in Tennessee" -> "Tennessee"."""
    if tok.dep_ != "dobj":
        return None
    place = next((p for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "in"
                  for p in c.children if p.pos_ == "PROPN"), None)
    return " ".join(t.text for t in place.subtree if t.i <= place.i and t.pos_ != "DET") if place is not None else None


def _between_sides(sides) -> str:
    """'between Chile, Peru and Bolivia': the sides' names as the sentence writes them (each name's words up to its
    head, without the list's own words)."""
    names = [" ".join(w.text for w in t.subtree if w.i <= t.i and w.pos_ != "DET" and w.dep_ not in ("cc", "punct")
                      and not any(c.i == w.i for c in t.conjuncts)) for t in sides]
    return f"between {', '.join(names[:-1])} and {names[-1]}"


def reciprocal(tok) -> bool:
    """'each other', 'one another': the mutual object of a list of sides, no name of its own."""
    return tok.lower_ == "other" and any(c.lower_ == "each" for c in tok.children) or tok.lower_ == "another" and any(
        c.lower_ == "one" for c in tok.children)


def _stranded(tok) -> bool:
    """A name right before a verb that has no subject of its own: the next clause's subject, which the parser
    joined to a list ("tariffs on Peru and Peru retaliated")."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is None or nxt.pos_ not in ("VERB", "AUX"):
        return False
    # (an auxiliary's subject hangs from its verb: "talks between Chile and Peru are causing concern")
    verb = nxt.head if nxt.dep_ in ("aux", "auxpass") else nxt
    return not any(c.dep_ in ("nsubj", "nsubjpass") for c in (*nxt.children, *verb.children))


def _numbered(sent, tok) -> bool:
    """'Executive Order 14105', 'Proclamation No. 9705': a capitalised head with its number (a title-only head in
    lower case too: "adopted as resolution 2270")."""
    return (tok.text[:1].isupper() or tok.lemma_.lower() in load_lexicon().title_only) and tok.i + 1 < len(sent) \
        and sent[tok.i + 1].like_num \
        and re.fullmatch(r"(?:No\.\s*)?\d[\d-]*", sent[tok.i + 1].text) is not None


def _under_section(sent, tok) -> str | None:
    """The section a measure word is taken under ("duties under Section 201 of the Trade Act": "Section 201")."""
    k = tok.i + 1
    if k + 2 >= len(sent) or sent[k].lower_ != "under":
        return None
    part, number = sent[k + 1], sent[k + 2]
    if part.text in AUTHORITY_PARTS and re.fullmatch(r"\d+[A-Za-z]?(?:\(\w+\))*", number.text):
        return f"{part.text} {number.text}"
    return None


# what follows a number before its noun: "21 percent duties", "$3 billion investments"
NUMBER_UNITS = frozenset({"percent", "%", "per", "cent", "billion", "million", "trillion", "thousand"})


def _verb_read_as_noun(sent, tok) -> bool:
    """'Velkor plans to build a plant in Norway', parsed with no verb: "plans" (the root, with an infinitive) is the
    sentence's verb, not a plan of Velkor's; 'recommended the ministry levy 21 percent duties': a singular head
    right before a number and its noun is a bare infinitive (no measure is named by a number after it)."""
    j = tok.i + 1
    if tok.tag_ in ("NN", "NNP") and tok.text.islower() and j < len(sent) and (sent[j].like_num or sent[j].tag_ == "$") \
            and sent[j].head.i != tok.i:
        while j < len(sent) and (sent[j].like_num or sent[j].tag_ == "$" or sent[j].lower_ in NUMBER_UNITS):
            j += 1
        if j < len(sent) and sent[j].pos_ == "NOUN":  # ("raised its tariff 10 percent in 2019": no noun after)
            return True
    return tok.dep_ == "ROOT" and tok.tag_ == "NNS" and tok.i <= tok.sent.start + 3 \
        and not any(t.pos_ in ("VERB", "AUX") and t.i < tok.i for t in sent) \
        and any(c.dep_ in ("acl", "xcomp") and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
                for c in tok.children)


def _under_title(sent, tok) -> bool:
    """Whether "under (the) <a capitalised title>" follows the word ("grants under the CHIPS Act")."""
    k = tok.i + 1
    if k + 1 >= len(sent) or sent[k].lower_ != "under":
        return False
    k += 1 if sent[k + 1].lower_ != "the" else 2
    return k < len(sent) and sent[k].text[:1].isupper() and sent[k].text not in AUTHORITY_PARTS


def _quoted_before(sent, j: int) -> bool:
    """Token j closes a quotation that opens within the six tokens before it and holds a capitalised word, or a
    term of two to four plain words ('its "validated end user" list')."""
    for k in range(j - 1, max(-1, j - 7), -1):
        if sent[k].text in QUOTES:
            held = [sent[x] for x in range(k + 1, j)]
            return any(t.text[:1].isupper() for t in held) or 2 <= len(held) <= 4 and all(t.is_alpha for t in held)
    return False


def _inside_quotes(sent, j: int, head: int) -> bool:
    """Token j lies between an opening quotation mark and a closing one right before the head."""
    if head < 1 or sent[head - 1].text not in QUOTES or not _quoted_before(sent, head - 1):
        return False
    opening = next(k for k in range(head - 2, max(-1, head - 8), -1) if sent[k].text in QUOTES)
    return opening <= j < head - 1


RELATIVE_WORDS = frozenset({"that", "which", "who", "whom", "whose", "where", "when", "why"})


def object_gap(verb) -> bool:
    """Whether a relative clause without a relative word has its noun for object: "the sanctions [] the United States
    imposed on Iran", "the tariffs [] Chile was raising against Peru" (its subject is there, its object is not; not
    "the country [] Chile exports to", whose gap is a preposition's)."""
    if verb.dep_ != "relcl" or verb.pos_ not in ("VERB", "AUX"):
        return False
    kids = list(verb.children)
    return any(c.dep_ == "nsubj" and c.lower_ not in RELATIVE_WORDS for c in kids) and not any(
        c.dep_ in ("dobj", "nsubjpass", "ccomp", "xcomp", "attr", "dative", "mark") or c.lower_ in RELATIVE_WORDS
        or c.dep_ == "prep" and not any(p.dep_ in ("pobj", "pcomp") for p in c.children) for c in kids)


def _bracketed_acronym(sent, j: int, head) -> bool:
    """Whether token j is part of a bracketed acronym right before the head noun: '(', 'VEU' or ')' of
    'Validated End-User (VEU) authorization' (not '(CEO)' in 'Kurt Kelty (CEO) Anna Park')."""
    def acronym(k: int) -> bool:
        return 2 <= k < len(sent) - 2 and sent[k].is_upper and sent[k].is_alpha and sent[k - 1].text == "(" \
            and sent[k + 1].text == ")" and sent[k - 2].text[:1].isupper() and _names_up_to(sent, k, head.i)
    return {")": acronym(j - 1), "(": acronym(j + 1)}.get(sent[j].text, acronym(j))


def _names_up_to(sent, k: int, head: int) -> bool:
    """Whether the bracketed acronym at k is followed by the rest of its title: the head, or capitalised words up
    to a head its last letter stands for ("(CPFTA) Free Trade Agreement", not "Kurt Kelty (CEO) Anna Park")."""
    return k + 2 == head or (k + 2 < head and sent[k].text[-1] == sent[head].text[:1].upper() and all(
        sent[i].text[:1].isupper() or sent[i].text in ("-", "\u2013") for i in range(k + 2, head + 1)))


def might_contain(text: str, lemmas) -> bool:
    """Whether any word of `lemmas` may occur in `text`, inflected or not (their first four letters occur: "built"
    for "build"): a cheap test that lets a component skip a sentence without walking its parse."""
    prefixes, pattern = _prefixes(lemmas)
    if prefixes is None or ASCII_LOOKALIKES.search(text):
        return pattern.search(text) is not None
    # (substring tests of the lower-cased text: several times faster than the case-blind alternation, same answer)
    lowered = text.lower()
    for prefix in prefixes:  # (a loop, not any() over a generator: called ~7 times per sentence)
        if prefix in lowered:
            return True
    return False


# The only non-ASCII characters a case-blind pattern takes for ASCII ones (İ, ı, ſ and the Kelvin sign): a text
# without them holds an ASCII word case-blind exactly where its lower-cased form holds the word lower-cased
ASCII_LOOKALIKES = re.compile("[\u0130\u0131\u017f\u212a]")
_PREFIXES: dict[int, tuple] = {}


def _prefixes(lemmas) -> tuple[tuple[str, ...] | None, re.Pattern]:
    """The words' first four letters, lower-cased (None when one is not ASCII), and one case-blind pattern of
    them, built once per word list."""
    got = _PREFIXES.get(id(lemmas))
    if got is None or got[0] is not lemmas:
        # (a final "y" or "e" goes before the cut: "duty" is in "duties", "fine" in "fining")
        prefixes = sorted({re.sub(r"(?<=..)[ye]$", "", w.lower())[:4] for w in lemmas}, key=len, reverse=True)
        pattern = re.compile("|".join(map(re.escape, prefixes)) or r"(?!)", re.IGNORECASE)
        got = _PREFIXES[id(lemmas)] = (lemmas, tuple(prefixes) if all(map(str.isascii, prefixes)) else None,
                                       pattern)
    return got[1], got[2]


def list_firms(text: str, offset: int, mentions: list[Mention]) -> list[Mention]:
    """'JCCOM, Yongin Electronics, JY Solutec, Romanson and Munchang Co.': every name of a list of firms is a
    firm, whatever the statistical NER made of it (or missed), when at least two of the list are firms.
    `text` is the sentence, starting at document offset `offset`; returns the mentions, retyped and added to."""
    out = list(mentions)
    for lst in NAME_LIST.finditer(text):
        items = [(offset + lst.start() + i.start(), offset + lst.start() + i.end())
                 for i in NAME_ITEM.finditer(lst.group(0))]
        if len(items) < 3:
            continue
        typed = [next((m for m in out if m.start <= a < m.end), None) for a, _ in items]
        if sum(1 for m in typed if m is not None and m.type == "Firm") < 2:
            continue
        for (a, b), m in zip(items, typed):
            if m is not None and m.type in (None, "Person") and m.source == "ner" and m.start >= a and m.end <= b:
                out.remove(m)
                m = None
            if m is None:
                name = text[a - offset:b - offset]
                if name.split()[0].lower() in _STOP or name.rstrip(".") in LEGAL_FORM_WORDS:
                    continue  # "In 2021, X and Y agreed": a sentence's opening word; "X, Inc., and Y": a legal form
                if name.endswith(".") and name.split()[-1][:-1] not in ABBREVIATED_FORMS:
                    name, b = name[:-1], b - 1  # the sentence's full stop after the last name ("... and Crowley.")
                out.append(Mention(a, b, name, "Firm", entity_id("Firm", name), name, "ner", aliases={name}))
    return out


def paired_firms(text: str, offset: int, mentions: list[Mention]) -> list[Mention]:
    """'Velkor Energy and Texla announced a joint venture': a one-word name the statistical NER could not type,
    joined by 'and' to a firm, is a firm too. `text` is the sentence at document offset `offset`."""
    out = list(mentions)
    firms = [m for m in mentions if m.type == "Firm" and not m.adjective]
    for m in mentions:
        if m.type is not None or m.source != "ner" or " " in m.text or is_word(m.text):
            continue
        a, b = m.start - offset, m.end - offset
        before = re.search(r"\s+(?:and|&)\s+$", text[max(0, a - 8):a])
        after = re.match(r"\s+(?:and|&)\s+", text[b:b + 8])
        joined = (before and any(f.end == m.start - len(before.group(0)) for f in firms)) or (
            after and any(f.start == m.end + len(after.group(0)) for f in firms))
        if joined:
            out[out.index(m)] = Mention(m.start, m.end, m.text, "Firm", entity_id("Firm", m.text), m.text, "ner",
                                        aliases={m.text})
    return out


# a firm's legal form after its name: "Velmora Steel North America, Inc.", "Samsung Electronics Co., Ltd."
LEGAL_FORM = re.compile(r",?\s+(?:Inc|Corp|Ltd|LLC|PLC|L\.P)\b\.?")
NAME_WORD = re.compile(r"[A-Z0-9][\w&'’.\-]*")
# capitalised words that open a sentence or a phrase, not a name; the legal words a name may end with before its form
NOT_NAME_WORDS = frozenset({"The", "A", "An", "In", "On", "By", "For", "And", "With", "Of", "At", "From", "To"})
FORM_WORDS = frozenset({"Co.", "Co", "Company", "Pte.", "Pte"})
# the trade words a firm's name may join with "and" before its legal form ("Iron and Steel Co., Ltd.")
TRADE_ENDINGS = frozenset({"Steel", "Chemical", "Chemicals", "Industrial", "Industries", "Engineering", "Gas",
                           "Power", "Energy", "Electric", "Electronics", "Technology", "Technologies", "Trading",
                           "Materials", "Metals", "Mining", "Shipbuilding", "Construction"})
ABBREVIATED_FORMS = frozenset({"Co", "Inc", "Corp", "Ltd", "Bros", "Jr", "Sr", "L.P", "S.A", "N.V"})
# the words of a legal form, without their full stop, and the form as written after a name ("Velkor Corp.",
# "Velkor, Inc."), which a firm's mention leaves out
LEGAL_FORM_WORDS = frozenset({"Inc", "Corp", "Co", "Ltd", "LLC", "PLC", "L.P"})
LEGAL_FORMS_OF = LEGAL_FORM_WORDS | {"Corporation", "Company", "Limited"}  # (before "of" and the firm's city)
# the rest of a title that lists its fields: ", Industry and Resources", ", Food and Rural Affairs"
_TITLE_WORDS = r"[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*)*"
TITLE_LIST_TAIL = re.compile(rf",\s+{_TITLE_WORDS}(?:,\s+{_TITLE_WORDS})*,?\s+(?:and|&)\s+{_TITLE_WORDS}")
# the regions a firm's unit is named for, besides countries and states ("Samsung Electronics America")
REGIONS = frozenset({"America", "North America", "Latin America", "Americas", "USA", "US", "U.S.", "Europe", "Asia",
                     "Asia Pacific", "Middle East"})
# prepositions that name what something is about, not where it stands ("talks over an agreement with X")
# the nouns of talks about a pact ("began negotiations on a trade agreement")
TALKS = frozenset({"negotiation", "talk", "discussion", "consultation"})
# the nouns of what is done to a pact: a definite pact noun before one refers ("the FTA negotiations")
PACT_ACT_NOUNS = TALKS | {"negotiator", "ratification", "renegotiation", "signing"}
TOPIC_PREPOSITIONS = frozenset({"over", "about", "regarding", "toward", "towards", "for"})
LEGAL_TAIL = re.compile(r",?\s+(?:" + "|".join(re.escape(w) for w in sorted(LEGAL_FORM_WORDS)) + r")\b\.?")
LEGAL_TAIL_END = re.compile(rf"(?:{LEGAL_TAIL.pattern})+$")  # ", Inc.", " LLC", ", Co., Ltd." ending a name


def legal_names(text: str, offset: int, mentions: list[Mention]) -> list[Mention]:
    """A name written with its legal form is a firm's full name: "Velmora Steel North America, Inc." is a firm
    even when the NER missed it, and one other than the known "Velmora Steel" inside it; "Samsung Electronics
    Co., Ltd." is the known Samsung Electronics. `text` is the sentence, starting at document offset `offset`."""
    if not might_contain(text, ("inc", "corp", "ltd", "llc", "plc", "l.p")):
        return mentions
    out = list(mentions)
    for form in LEGAL_FORM.finditer(text):
        words = []
        for w in reversed(text[:form.start()].split(" ")):
            line_start = "\n" in w
            w = w.rsplit("\n", 1)[-1]  # (a name opens its line: the words before the break are not its)
            # ("Baoshan Iron & Steel Co., Ltd.", "Hunan Valin Iron and Steel Co., Ltd.": a joining word of a trade)
            joins = w == "&" or w == "and" and bool(words) and words[0] in TRADE_ENDINGS
            joins = joins or bool(re.fullmatch(r"\([A-Z][a-z]+\)", w))  # "SK Hynix Semiconductor (China) Ltd."
            if not (NAME_WORD.fullmatch(w) or joins) or w in NOT_NAME_WORDS or len(words) == 7 \
                    or re.search(r"[’']s$|-based$|-headquartered$", w):
                break  # ("Chile's Velkor Corp.", "Seoul-based Velkor Corp.": the owner or seat, not the name)
            words.insert(0, w)
            if line_start:
                break
        while words and words[0] in ("&", "and"):
            words.pop(0)
        while words and words[-1] in FORM_WORDS:
            words.pop()
        if not words or not any(w[:1].isalpha() for w in words):
            continue
        b = offset + text[:form.start()].rstrip().rfind(words[-1]) + len(words[-1])
        a = b - len(" ".join(words))
        if text[a - offset:b - offset] != " ".join(words):
            continue
        inside = [m for m in out if m.start < b and a < m.end]
        # (a facility's or a trade's word in the name is the firm's: "Tarnby Shipyard Inc." is a firm, no shipyard;
        # "Velkor Iron & Steel Co., Ltd." names no steel)
        described = [m for m in inside if m.type == "Facility" and m.source == "pattern" or m.type == "Sector"]
        if any(m.start < a or m.end > offset + form.end() for m in inside) or any(
                (m.start, m.end) == (a, b) for m in inside if m not in described):
            continue  # crosses another name, or already named
        if any(m.type not in ("Firm", "Country", "USState", "Person", None) for m in inside if m not in described):
            continue
        name = " ".join(words)
        out = [m for m in out if m not in inside]
        full = re.sub(r"\s+", " ", text[a - offset:form.end()]).strip()  # the legal name is an alias too
        out.append(Mention(a, b, name, "Firm", entity_id("Firm", name), name, "ner", aliases={name, full}))
    return sorted(out, key=lambda m: (m.start, -m.end))


@lru_cache(maxsize=1)
def default_matcher() -> GazetteerMatcher:
    return GazetteerMatcher()
