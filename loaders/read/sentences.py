"""Rule-based, linear-time sentence splitter over cleaned text.

Boundaries:
  * blank lines (a newline, optional spaces, another newline) always end a sentence: the repair
    step writes paragraph breaks and heading ends as "\\n\\n";
  * ". ! ?" (optionally followed by closing quotes/brackets) + whitespace + an uppercase letter,
    digit or opening quote/bracket, unless the word before is an abbreviation ("Mr.", "e.g.", ...);
    initialisms ("U.S.") and abbreviations that can end a sentence ("Inc.", "etc.") break only
    before a typical sentence starter ("The", "However", ...);
  * a sentence longer than MAX_SENTENCE_CHARS is cut at a ';' or ',' (else a space) near the limit.

Spans never start or end on whitespace. The function never raises and does bounded work per
character, so it is safe on adversarial input.
"""
from __future__ import annotations

import re

MAX_SENTENCE_CHARS = 2000
_MIN_CUT = MAX_SENTENCE_CHARS // 2  # a forced cut keeps at least this much: linear work

# Abbreviations after which a period never ends a sentence (titles, "e.g.", references).
NEVER_END = frozenset(
    """mr mrs ms dr prof gen sen rep gov lt col capt sgt rev hon pres st ft mt adm cmdr maj
    e.g i.e cf vs v al approx fig figs vol vols pp p no nos art sec ch para ed eds est dept pte
    jan feb mar apr jun jul aug sep sept oct nov dec""".split()
)
# Abbreviations that may end a sentence: break only before a typical sentence starter.
MAY_END = frozenset("inc corp co ltd llc plc bros etc jr sr univ assn govt".split())

SENTENCE_STARTERS = frozenset(
    """The This That These Those It Its In A An But However And As At By For From He She They We I
    If On One Our Since So Such There Their Thus To Under When While With Yet Although Though
    Despite After Before During Moreover Meanwhile Furthermore Additionally Also Both Each Many
    Most Some Other Several According Still Instead Nevertheless Nonetheless Even Not What Why
    How Who Where Overall Finally First Second Third Last Later Now Then Recently Today Until
    Because Given His Her My Your Any All No Neither Nor Only Another Further Similarly Indeed
    Rather Unlike Like Among Following Last Next Over Through Against Within Without Beyond
    Washington Seoul Beijing Tokyo Pyongyang""".split()
)

_CLOSERS = "\"'”’)]}»"
_OPENERS = "\"'“‘([{«"
# terminal punctuation, closing quotes/brackets, then whitespace
# (the look-behind and possessive quantifiers keep a long run of dots linear)
_CANDIDATE = re.compile(r"(?<![.!?])[.!?]++[\"'”’)\]}»]*+(?=\s)")
# a full stop with no space before the next sentence, as text taken from a web page joins its paragraphs ("on
# Monday.Hanwha Group acquired"): a lower-case word before it, a capitalised word after it ("U.S.Army", "Gov.Kemp"
# and "St.Louis" are no boundary: is_boundary reads the word before)
_GLUED = re.compile(r"(?<=[a-z][a-z])\.(?=[A-Z][a-z])")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.){2,}$")  # U.S. U.K. E.U. a.m.
_WORD = re.compile(r"[^\s\"'“‘(\[{«]*")


def _prev_token(text: str, end: int, floor: int) -> str:
    """The whitespace-delimited token ending at `end` (bounded look-back)."""
    i = end
    lo = max(floor, end - 40)
    while i > lo and not text[i - 1].isspace():
        i -= 1
    return text[i:end]


def abbreviation(token: str) -> bool:
    """Whether a token ending in a full stop is an abbreviation ("Corp.", "Gov.", "U.S.", the initial "J.")."""
    core = token.rstrip(_CLOSERS)
    if not core.endswith(".") or core.endswith(".."):
        return False
    stem = core[:-1].lstrip(_OPENERS)
    low = stem.lower()
    return low in NEVER_END or low in MAY_END or bool(_INITIALISM.search(core)) or (
        len(stem) == 1 and stem.isalpha() and stem.isupper())


def is_boundary(prev_token: str, next_word: str) -> bool:
    """Whether a sentence ends after `prev_token` (which ends in . ! ? and maybe closers)
    when the next sentence would start with `next_word`."""
    if not next_word:
        return True
    first = next_word[0]
    if not (first.isupper() or first.isdigit() or first in _OPENERS):
        return False
    core = prev_token.rstrip(_CLOSERS)
    if not core or core[-1] in "!?":
        return True
    if core.endswith(".."):  # ellipsis
        return first.isupper() or first in _OPENERS
    stem = core[:-1].lstrip(_OPENERS)
    low = stem.lower()
    nxt = next_word.lstrip(_OPENERS)
    nxt = re.match(r"[\w’'-]*", nxt).group() if nxt else ""
    starter = nxt in SENTENCE_STARTERS
    if low in NEVER_END:
        if low == "no" and not first.isdigit():
            return True  # "No." as a word: "The answer was no. The ..."
        return False
    if low in MAY_END:
        return starter
    if _INITIALISM.search(core):  # U.S. / e.g. written differently
        return starter
    if len(stem) == 1 and stem.isalpha() and stem.isupper():  # an initial: "Donald J. Trump"
        return starter
    if prev_token.endswith(tuple(_CLOSERS)) or not first.isdigit():
        return True
    # ". 3" : a list like "Fig. 3" is handled above; a sentence ending before a number is fine
    return True


def _cut_long(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while e - s > MAX_SENTENCE_CHARS:
        lo, hi = s + _MIN_CUT, s + MAX_SENTENCE_CHARS
        cut = -1
        for ch in ";,":
            cut = text.rfind(ch, lo, hi)
            if cut != -1:
                cut += 1
                break
        if cut == -1:
            sp = max(text.rfind(" ", lo, hi), text.rfind("\n", lo, hi), text.rfind("\t", lo, hi))
            cut = sp if sp != -1 else hi
        _emit(text, s, cut, out)
        s = cut
        while s < e and text[s].isspace():
            s += 1
    _emit(text, s, e, out)


def _emit(text: str, s: int, e: int, out: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append((s, e))


def _blocks(text: str):
    """Yield (start, end) of blocks separated by blank lines, scanning each character once."""
    n = len(text)
    start = 0
    i = 0
    while i < n:
        if text[i] == "\n":
            j = i + 1
            while j < n and text[j] in " \t\r\f\v\u00a0":
                j += 1
            if j < n and text[j] == "\n":
                # blank line: extend over the whole run of whitespace
                k = j
                while k < n and text[k].isspace():
                    k += 1
                yield start, i
                start = i = k
                continue
            i = j
            continue
        i += 1
    yield start, n


# a press release's or a wire story's dateline: "ATLANTA, GA –", "Dalton, Ga. —", "SEOUL, Dec. 3 (Yonhap) --",
# "LIMA, Peru, June 5, 2019 /PRNewswire/ --", "Bay City, Michigan – Feb 22, 2024 –" (the date may stand between dashes)
_DAY = r"[A-Z][a-z]{2,8}\.?[ \u00a0]\d{1,2}(?:,[ \u00a0]\d{4})?"
_DASH = r"[ \u00a0]*(?:--|[\u2013\u2014]|[ \u00a0]-)[ \u00a0]*"
_DATELINE = re.compile(r"[A-Z][A-Za-z.'’ ]{1,30}(?:,[ \u00a0](?:%s|[A-Z][A-Za-z.]*)){0,2}\.?"
                       r"(?:[ \u00a0](?:\([A-Z][A-Za-z. ]{1,20}\)|/[A-Za-z ]{2,20}/))?%s(?:%s%s)?(?=[A-Z\"“]|$)"
                       % (_DAY, _DASH, _DAY, _DASH))


def _dateline(text: str, start: int, end: int) -> int | None:
    """Where a dateline that opens a block ends (its place is no part of the first sentence's grammar)."""
    mt = _DATELINE.match(text, start, end)
    if mt is None or mt.end() == end:  # (a dateline opens a text: something follows it)
        return None
    head = mt.group(0)
    return mt.end() if ("," in head or head.split()[0].isupper()) and "(" not in head[:2] else None


def dateline_place(sentence: str) -> str | None:
    """The place a dateline sentence names ("CARTERSVILLE, GA. —" -> "CARTERSVILLE"), else None."""
    mt = _DATELINE.fullmatch(sentence)
    if mt is None:
        return None
    return re.split(r",|\s\(|\s*(?:--|[\u2013\u2014]|\s-)", sentence)[0].strip()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end) over `text`, stripped of surrounding whitespace."""
    out: list[tuple[int, int]] = []
    try:
        if not text:
            return out
        for bs, be in _blocks(text):
            s = bs
            dateline = _dateline(text, bs, be)
            if dateline is not None:
                _emit(text, bs, dateline, out)
                s = bs = dateline
            ends = sorted([m.end() for m in _CANDIDATE.finditer(text, bs, be)]
                          + [m.end() for m in _GLUED.finditer(text, bs, be)])
            for end in ends:
                j = end
                while j < be and text[j].isspace():
                    j += 1
                if j >= be:
                    break
                # opening quotes/brackets belong to the next word
                k = j
                while k < be and text[k] in _OPENERS and k - j < 3:
                    k += 1
                nxt = text[j:k] + (_WORD.match(text, k, min(be, k + 40)).group() if k < be else "")
                tok = _prev_token(text, end, s)
                if is_boundary(tok, nxt):
                    _cut_long(text, s, end, out)
                    s = j
            _cut_long(text, s, be, out)
    except Exception:  # never raise: fall back to one span per block
        out = []
        for bs, be in _blocks(text):
            _emit(text, bs, be, out)
    return out
