"""Property-based tests: random and adversarial input through the readers, the repair passes and the
extractor never raises (only LoadError, one line, for unreadable files), offsets always stay valid and every
quote equals raw[start:end]; the per-document cache accepts everything the extractor produces."""
from __future__ import annotations


import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from build_fixtures import make_pdf
from policygraph.builds.builder import merge
from policygraph.builds.cache import Entry
from policygraph.graph.model import DocumentInfo
from policygraph.loaders.read.errors import LoadError
from policygraph.loaders.read.readers import read_document
from policygraph.loaders.read.repair import repair
from policygraph.ontology import load_model

SLOW = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                                  HealthCheck.data_too_large])


def _names() -> list[str]:
    model = load_model()
    names = []
    for e in model.gazetteer[::7]:
        names.append(e.name)
        names += list(e.aliases[:2])
    return names


NAMES = _names()
WORDS = ["invested", "invests", "$5.5 billion", "US$450 million", "2019", "in", "with", "signed", "the", "and",
         "imposed", "tariffs", "on", "against", "retaliated", "agreement", "ratified", "regulates", "its",
         "their", "it", "which", "Inc.", "Corp.", "U.S.", "Dr.", "e.g.", "(", ")", "“", "”", "’s", ";", ",", ".",
         "?", "!", "—", "-", "--", "...", "\n", "\n\n", "\n\n\n", "\f", "\t", "  ", "\r\n", "\u00a0", "\u200b",
         "\u0301", "\u202e", "ß", "İ", "ﬁ", "🙂", "\u00ad", "\x0b", "1.", "2)", "•", "#", "##", "**", "_", "`",
         "<", ">", "&amp;", "Section 232", "Made in China 2025", "KORUS", "Hanwha Q Cells", "Ford", "Georgia"]
FRAGMENTS = st.sampled_from(NAMES + WORDS)
ADVERSARIAL = st.lists(st.one_of(FRAGMENTS, FRAGMENTS, FRAGMENTS, st.text(max_size=12)), max_size=120).map(
    lambda parts: " ".join(parts))


@pytest.fixture(scope="module")
def rules():
    from policygraph.loaders.extract.pipeline import Extractor

    return Extractor(use_model=False)


@pytest.fixture(scope="module")
def model():
    from policygraph.loaders.extract.pipeline import Extractor

    ex = Extractor(use_model=True)
    if ex.nlp is None:
        pytest.skip("no spaCy model installed (the rules-only path is fuzzed above)")
    return ex


def check_document(doc) -> None:
    raw, text = doc.raw, doc.text
    assert len(doc.offsets) == len(text) + 1
    assert all(0 <= o <= len(raw) for o in doc.offsets)
    assert all(a <= b for a, b in zip(doc.offsets, doc.offsets[1:]))
    for s, e in doc.sentences:
        assert 0 <= s < e <= len(text)
        rs, re_, quote = doc.quote(s, e)
        assert 0 <= rs <= re_ <= len(raw) and raw[rs:re_] == quote


def check_facts(doc, facts) -> None:
    raw = doc.raw
    n = len(facts.sentences)
    for s in facts.sentences:
        assert 0 <= s["start"] <= s["end"] <= len(raw) and raw[s["start"]:s["end"]] == s["text"]
    for m in facts.mentions:
        assert 0 <= m["sentence_index"] < n and m["entity_id"] in facts.entities
    for r in facts.relations:
        assert r.subject in facts.entities and r.object in facts.entities
        for ev in r.evidence:
            assert ev.doc == doc.id
            assert 0 <= ev.start < ev.end <= len(raw)
            assert raw[ev.start:ev.end] == ev.quote and ev.quote == ev.quote.strip()
    # what the cache stores of it is accepted back, and merges into a graph whose export works
    entry = Entry.from_facts(doc, facts, "fp")
    assert entry is not None
    kg, sentences, mentions, raws = merge([(DocumentInfo(doc.id, doc.path, "x", len(raw), doc.format), entry)])
    # one record a line: split on "\n" only (str.splitlines would also split inside quotes, at U+0085, U+2028...)
    lines = kg.to_jsonl().split("\n")
    assert lines[-1] == "" and len(lines) - 1 == len(kg.entities) + len(kg.relations)
    for r in kg.relations.values():
        for ev in r.evidence:
            assert raws[ev.doc][ev.start:ev.end] == ev.quote


# -- readers ---------------------------------------------------------------------------------------------------
@settings(max_examples=150, **SLOW)
@given(data=st.one_of(st.binary(max_size=3000),
                      ADVERSARIAL.map(lambda t: t.encode("utf-8")),
                      ADVERSARIAL.map(lambda t: t.encode("utf-16")),
                      ADVERSARIAL.map(lambda t: t.encode("cp1252", errors="replace"))),
       ext=st.sampled_from([".txt", ".md", ".html", ".htm", ".pdf"]))
def test_readers_never_raise_anything_but_a_one_line_load_error(tmp_path, data, ext):
    path = tmp_path / f"fuzz{ext}"
    path.write_bytes(data)
    try:
        doc = read_document(path)
    except LoadError as err:
        assert str(err).startswith(f"{path}: ") and "\n" not in str(err)
        return
    check_document(doc)


TAGS = ["p", "div", "span", "b", "script", "style", "br", "h1", "li", "ul", "table", "td", "tr", "head", "body",
        "title", "a", "noscript", "svg", "!--", "pre", "template", "iframe"]


@settings(max_examples=80, **SLOW)
@given(parts=st.lists(st.one_of(st.sampled_from(TAGS).map(lambda t: f"<{t}>"),
                                st.sampled_from(TAGS).map(lambda t: f"</{t}>"),
                                FRAGMENTS, st.text(max_size=8)), max_size=150))
def test_html_soup(tmp_path, parts):
    path = tmp_path / "soup.html"
    path.write_text(" ".join(parts), encoding="utf-8")
    try:
        doc = read_document(path)
    except LoadError as err:
        assert "\n" not in str(err)
        return
    check_document(doc)


GOOD_PDF = make_pdf([["Hyundai Motor Group invested $5.5 billion in Georgia in 2022.", "Second line here."],
                     ["South Korea and the United States signed the KORUS FTA in 2007."]])


@settings(max_examples=60, **SLOW)
@given(cut=st.integers(0, len(GOOD_PDF)), flips=st.lists(st.tuples(st.integers(0, len(GOOD_PDF) - 1),
                                                                    st.integers(0, 255)), max_size=8))
def test_damaged_pdfs(tmp_path, cut, flips):
    data = bytearray(GOOD_PDF)
    for i, b in flips:
        data[i] = b
    path = tmp_path / "damaged.pdf"
    path.write_bytes(bytes(data[:cut]) if cut < len(data) and not flips else bytes(data))
    try:
        doc = read_document(path)
    except LoadError as err:
        assert str(err).startswith(f"{path}: ") and "\n" not in str(err)
        return
    check_document(doc)


# -- repair and extraction -------------------------------------------------------------------------------------
@settings(max_examples=120, **SLOW)
@given(raw=ADVERSARIAL, fmt=st.sampled_from(["txt", "md", "html", "pdf"]))
def test_rules_extraction_keeps_every_offset(rules, raw, fmt):
    assume(raw.strip())
    doc = repair("fuzz", f"fuzz.{fmt}", fmt, raw)
    check_document(doc)
    check_facts(doc, rules.run(doc))


@settings(max_examples=40, **SLOW)
@given(sentences=st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(["invested", "signed", "imposed",
                                                                            "retaliated against", "joined"]),
                                    st.sampled_from(["$1.2 billion in", "the", "tariffs on", ""]),
                                    st.sampled_from(NAMES), st.sampled_from(["in 2019", "", "(2021)"])),
                          min_size=1, max_size=8),
       glue=st.sampled_from([" ", "\n", "\n\n", "-\n", "  ", "\f"]))
def test_rules_extraction_on_fact_shaped_text(rules, sentences, glue):
    raw = glue.join(" ".join(p for p in s if p) + "." for s in sentences)
    doc = repair("facts", "facts.txt", "txt", raw)
    check_document(doc)
    check_facts(doc, rules.run(doc))


@settings(max_examples=12, **SLOW)
@given(raw=ADVERSARIAL)
@example(raw="¹ United States")  # a superscript digit is isdigit() but no int(): a CI run found it
def test_model_extraction_keeps_every_offset(model, raw):
    assume(raw.strip())
    doc = repair("fuzz", "fuzz.txt", "txt", raw)
    check_document(doc)
    check_facts(doc, model.run(doc))


def test_the_checks_see_relations_and_catch_a_wrong_offset(rules):
    """The properties above are not vacuous: fact-shaped text gives relations, and a shifted quote fails."""
    from dataclasses import replace

    from build_fixtures import DOCS

    doc = repair("alpha", "alpha.txt", "txt", DOCS["alpha.txt"])
    facts = rules.run(doc)
    assert len(facts.relations) >= 2
    check_facts(doc, facts)
    r = facts.relations[0]
    ev = r.evidence[0]
    r.evidence = [replace(ev, start=ev.start + 1)]
    with pytest.raises(AssertionError):
        check_facts(doc, facts)
    r.evidence = [ev]
    assert Entry.from_facts(doc, facts, "fp") is not None
    facts.sentences[0]["text"] += "x"  # the cache refuses an entry whose offsets do not hold
    assert Entry.from_facts(doc, facts, "fp") is None
    with pytest.raises(AssertionError):
        check_facts(doc, facts)
