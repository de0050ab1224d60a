"""The properties of a fact stated in a sentence: its year and, for flows of money, its amount."""
from __future__ import annotations

import re
from functools import lru_cache

from ...ontology.lexicon import load_lexicon
from .amounts import find_amounts, find_years, status_date

CLAUSE_BREAK = re.compile(r";|:|\u2014|--|\(|\)")
# "until 2041", "by the end of 2030": a year that ends or bounds a fact does not date it
_NOT_UNTIL = re.compile(r"\b(?:not|n['’]t|never)\b[^,;]{1,80}\buntil\s+(?:the\s+end\s+of\s+)?$")
_BOUND_BEFORE = re.compile(r"\b(?:until|till|through|thru|before|by|[Ss]ince)\s+(?:the\s+end\s+of\s+)?$")
# a period, not an event: "average exports from 2015 to 2017", "between 2004 and 2016", "in 2015-2017"
_PERIOD = re.compile(r"\b(?:(?:from|between)\s+(?:\w+\s+)?)?(?:19|20)\d\d\s*(?:to|and|through|until|[-–])\s*"
                     r"(?:\w+\s+)?(?:19|20)?\d\d\b")


@lru_cache(maxsize=1)
def amount_predicates() -> frozenset:
    """Predicates whose facts carry an amount (rules with `amount = true` in patterns.toml)."""
    return frozenset(r.predicate for r in load_lexicon().rules if r.amount)


def event_years(sv) -> list[tuple[int, int, int]]:
    """(start, end, year) in the sentence that can date an event: not inside a name ("Trade Expansion Act
    of 1962"), not a bound ("until 2041"), not the end of a period ("from 2015 to 2017")."""
    periods = [m.span() for m in _PERIOD.finditer(sv.text) if re.match(r"(?:from|between)\b", m.group(0))
               or re.search(r"\d\s*[-–]\s*\d", m.group(0))]
    # ("As of 2024, the pact had been ratified by ...": a date by which a state holds, the events before it)
    status = status_date(sv.text)
    if status:
        periods.append(status.span(1))
    return [(a, b, y) for a, b, y in find_years(sv.text)
            if not any(m.start - sv.start <= a < m.end - sv.start for m in sv.mentions)
            # (nor the year a law's title ends with, though its mention stops short: "the ... Act of 1990")
            and not any(m.type in ("Law", "Agreement") and re.fullmatch(r",?\s+of\s+", sv.text[m.end - sv.start:a])
                        for m in sv.mentions if m.end - sv.start <= a)
            and not (_BOUND_BEFORE.search(sv.text[max(0, a - 20):a])
                     and not _NOT_UNTIL.search(sv.text[:a]))  # ("did not sign it until 2012": signed in 2012)
            and not any(p <= a < q for p, q in periods)]


# links by which one clause hangs from another: a clause of its own (with its own subject) states its own sums
CLAUSE_LINKS = frozenset({"conj", "advcl", "parataxis", "relcl", "ccomp"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


# a sum that is the value of goods: "tariffs on $18 billion of imports", "$50 billion worth of Chinese products"
GOODS_VALUE = re.compile(r"\s*(?:worth\s+)?(?:of|in)\s+(?:[\w.-]+\s+){0,3}?(?:imports?|exports?|goods|products|"
                         r"trade|shipments?|merchandise|purchases)\b", re.IGNORECASE)
# the predicates whose amount may be a value of goods: a flow of goods, or the goods a measure covers
GOODS_VALUED = frozenset({"EXPORTS_TO", "TARGETS"})


# a sum of public money (lent, granted, guaranteed): "a $2.5 billion loan", "$75 million in direct funding",
# "lent X $2.5 billion"
FUNDING_AFTER = re.compile(r"\s+(?:in\s+)?(?:[\w-]+\s+){0,2}?(?:loans?|grants?|tax\s+credits?|subsid\w*|incentives?|"
                           r"funding|financing|guarantees?|awards?)\b")
LENT_BEFORE = re.compile(r"\b(?:lent|loaned|granted|awarded)\s+(?:[\w.&'’-]+\s+){0,4}$")
# the parts of a whole named after it: ", including", "such as"
PARTS_AFTER = re.compile(r",\s+(?:including|such\s+as|among\s+them)\s")


def amount_for(sv, amounts: list, a: int, obj, predicate: str = "") -> float | None:
    """The amount stated for `obj` by a fact whose trigger is at sentence offset `a`: the nearest amount (within
    120 characters) in the trigger's clause, unless several are stated and one stands right before the object in
    its clause ("$1 billion in Kentucky and $2 billion in Texas"). A value of goods ("tariffs on $18 billion of
    imports") is no sum invested, authorised or paid: only the predicates of GOODS_VALUED take it."""
    amounts = [x for x in amounts if not other_clause(sv, x.start, a)]
    if predicate not in GOODS_VALUED:
        amounts = [x for x in amounts if not GOODS_VALUE.match(sv.text, x.end)]
    amounts = [x for x in amounts if not _another_facilitys(sv, x, a)]
    if predicate == "INVESTS_IN":  # ("a $2.5 billion loan to X to build a plant": public money lent, not X's own)
        amounts = [x for x in amounts if not (FUNDING_AFTER.match(sv.text, x.end)
                                              or LENT_BEFORE.search(sv.text, 0, x.start))]
    # ("raise its U.S. investment to $26 billion, including a new mill in Louisiana": the whole's sum, not the part's)
    amounts = [x for x in amounts if not (x.end <= obj.start - sv.start
                                          and PARTS_AFTER.search(sv.text, x.end, obj.start - sv.start))]
    if not amounts:
        return None
    best = min(amounts, key=lambda x: min(abs(x.start - a), abs(x.end - a)))
    ob = obj.start - sv.start
    own = [x for x in amounts if a < x.start < ob and ob - x.end <= 40 and not CLAUSE_BREAK.search(sv.text[x.end:ob])]
    if len(amounts) > 1 and own:
        best = max(own, key=lambda x: x.start)
    if min(abs(best.start - a), abs(best.end - a)) <= 120 or best in own:
        return best.value
    return None


@lru_cache(maxsize=1)
def _sum_before_facility() -> re.Pattern:
    """A sum written before a facility's noun: "a $1.6 billion battery factory"."""
    heads = sorted((w for w, t in load_lexicon().heads.items() if t == "Facility"), key=len, reverse=True)
    return re.compile(r"(?:\s+[a-z][\w-]*){0,3}?\s+(?P<noun>" + "|".join(map(re.escape, heads)) + r")s?\b")


def _another_facilitys(sv, x, a: int) -> bool:
    """Whether the sum is another facility's than the one whose noun states the fact at `a`: "a $1.6 billion
    factory in Georgia ... for Volkswagen's plant in Tennessee" (the plant's owner invests, not the $1.6 billion)."""
    m = _sum_before_facility().match(sv.text, x.end)
    if m is None or m.start("noun") == a:
        return False
    trigger = _token_at_offset(sv, a)
    return trigger is not None and trigger.pos_ == "NOUN" and \
        load_lexicon().heads.get(trigger.lemma_.lower()) == "Facility"


def year_for(sv, years: list, a: int, b: int) -> int | None:
    """The year of a fact stated by the words at sentence offsets a..b: the nearest event year within 150
    characters in the fact's own clause ("Since the pact took effect in 2012, U.S. exports to Korea have grown": 2012
    is the pact's year, not the exports'), else the year a sentence-initial time adverbial set."""
    years = [y for y in years if not other_clause(sv, y[0], a, own_only=True) and not _of_a_noun(sv, y[0], a)]
    # ("joined the talks in 2008 but withdrew from the TPP in 2017": a verb's own phrase dates it, not the verb
    # it is coordinated with)
    own = _in_own_phrase(sv, years, a)
    # (a clause of its own with no year of its own is not dated by the clause it hangs from: "The TPP was signed in
    # 2016, but never took effect, as Trump withdrew the US from it": 2016 is not the withdrawal's year)
    years = own if own is not None else years
    opening = _opening_participle(sv, a)
    if opening is not None:  # ("Negotiated by Chile, the pact took effect in 2009": 2009 is not the talks' year)
        years = [y for y in years if opening[0] <= y[0] < opening[1]]
    if years:
        best = min(years, key=lambda y: min(abs(y[0] - a), abs(y[1] - b)))
        if min(abs(best[0] - a), abs(best[1] - b)) <= 150:
            return best[2]
    return sv.year or None


# what describes a noun rather than adds to the clause: a participle or relative clause (not a bracketed period,
# "Parent: X (1999-present)", which dates the fact)
DESCRIBING = frozenset({"acl", "relcl"})
DATED_BY_DESCRIPTION = frozenset({"Policy", "Law", "Agreement", "Facility"})


def _of_a_noun(sv, at: int, trigger: int) -> bool:
    """Whether the words at `at` describe an actor of the clause other than the trigger ("X, founded in 1990,
    invested $2 billion in Ohio in 2021": 1990 is the founding's year); an instrument or a facility a description
    dates is dated by it ("UNSCR 2375, adopted in 2017, targets X"; "the plant, which X built in 2020,")."""
    first, second = _token_at_offset(sv, at), _token_at_offset(sv, trigger)
    if first is None or second is None:
        return False
    up = _path_up(first)
    down = {t.i for t in _path_up(second)}
    for t in up:
        if t.i in down:
            return False  # (met the trigger's path: nothing describing a noun lay between)
        if t.dep_ in DESCRIBING and t.head.i != second.i:
            # (an instrument's or a facility's own date is the fact's: "UNSCR 2375, adopted in 2017, targets X")
            return not any(m.type in DATED_BY_DESCRIPTION for m in sv.tok_mentions.get(t.head.i, ()))
    return False


def _token_at_offset(sv, a: int):
    """The parse's token that starts at sentence offset `a` (None without a parse or such a token)."""
    return sv.token_starting.get(a) if getattr(sv, "parse", None) is not None else None


def _in_own_phrase(sv, years: list, a: int) -> list | None:
    """The years inside the phrase of the verb at sentence offset `a`, without the verbs coordinated with it: for a
    clause of its own, those (maybe none); for a coordinated verb, those, or None if it has none; else None."""
    verb = _token_at_offset(sv, a)
    if verb is not None and verb.pos_ in ("VERB", "AUX") and verb.dep_ in ("pcomp", "advcl", "relcl"):
        # ("entered into force in 2012, after being ratified by X in 2011": a clause of its own dates its verb)
        own = [(t.idx, t.idx + len(t.text)) for t in verb.subtree]
        dated = [y for y in years if any(p <= y[0] < q for p, q in own)]
        if not dated and any(c.lower_ == "when" for c in verb.children):
            return None  # ("in 2018, when Ross initiated an investigation": the clause is at the time it follows)
        return dated
    if verb is None or verb.pos_ not in ("VERB", "AUX") or not (verb.dep_ == "conj" or any(
            c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for c in verb.children)):
        return None
    others = {t.i for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") for t in c.subtree}
    own = [(t.idx, t.idx + len(t.text)) for t in verb.subtree if t.i not in others]
    return [y for y in years if any(p <= y[0] < q for p, q in own)] or None


def _opening_participle(sv, a: int) -> tuple[int, int] | None:
    """The sentence offsets of a participle clause that opens the sentence, if the verb at `a` heads one ("Signed
    in 2011 by Chile, the pact ...")."""
    verb = _token_at_offset(sv, a)
    if verb is None or verb.tag_ != "VBN" or verb.dep_ != "advcl" or verb.i != verb.sent.start:
        return None
    words = list(verb.subtree)
    return words[0].idx, words[-1].idx + len(words[-1].text)


def fact_props(sv, predicate: str, subject, obj, trigger: int | None) -> dict:
    """Year and, for money predicates, amount of a fact that a construction or the scorer found, anchored at the
    word that states it (else the start of its first argument in the sentence)."""
    props: dict = {}
    anchor = trigger if trigger is not None else min(subject.start, obj.start) - sv.start
    year = year_for(sv, event_years(sv), anchor, anchor)
    if year is not None:
        props["year"] = year
    if predicate in amount_predicates():
        value = amount_for(sv, find_amounts(sv.text), anchor, obj, predicate)
        if value is not None:
            props["amount_usd"] = value
    return props


def other_clause(sv, at: int, trigger: int, own_only: bool = False) -> bool:
    """Whether the words at sentence offsets `at` and `trigger` are in two clauses, each with its own subject
    ("X is building a $17 billion plant in Texas, while Y plans a plant in Indiana"; "Y, which invested $2 billion
    in Texas, built a plant in Indiana"); a relative clause about the noun that holds the sum is the sum's own
    clause ("the $7 billion plant, which X built in Texas"). Without a parse nothing is apart. With `own_only`,
    only whether the words at `at` are in a clause of their own below the trigger's: a year in the main clause
    dates what it reports ("On 1 July 2019, X announced that it would tighten controls"), one in a clause of
    its own does not ("Since the pact took effect in 2012, exports have grown")."""
    memo = sv.clause_memo
    if "several" not in memo:  # (most sentences are one clause: nothing to tell apart)
        memo["several"] = sum(1 for t in sv.tokens if t.head.i == t.i) > 1 or any(
            t.dep_ in CLAUSE_LINKS and any(c.dep_ in SUBJECTS for c in t.children) for t in sv.tokens)
    if not memo["several"]:
        return False
    if (at, trigger, own_only) in memo:
        return memo[at, trigger, own_only]
    memo[at, trigger, own_only] = apart = _apart(sv, at, trigger, own_only)
    return apart


def _apart(sv, at: int, trigger: int, own_only: bool = False) -> bool:
    first, second = _token_at(sv, at), _token_at(sv, trigger)
    if first is None or second is None:
        return False
    up = _path_up(first)
    down = _path_up(second)
    meet = next((t for t in down if any(t.i == u.i for u in up)), None)
    if meet is None:
        return True  # two roots: two sentences to the parser
    for path, from_sum in ((up, True),) if own_only else ((up, True), (down, False)):
        for child in path[:next(k for k, t in enumerate(path) if t.i == meet.i)]:
            if child.dep_ not in CLAUSE_LINKS or not any(c.dep_ in SUBJECTS for c in child.children):
                continue
            if not from_sum and child.dep_ == "relcl" and child.head.i == meet.i:
                continue  # the trigger's relative clause is about the noun that holds the sum
            return True
    return False


def _token_at(sv, offset: int):
    for tok in sv.tokens:
        if tok.idx <= offset < tok.idx + max(1, len(tok.text)):
            return tok
    return None


def _path_up(tok) -> list:
    """The token and its heads up to the root."""
    path = [tok]
    while path[-1].head.i != path[-1].i:
        path.append(path[-1].head)
    return path
