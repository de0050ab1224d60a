"""Extraction patterns on sentences written for these tests (never copied from the corpus).

Each test states one structural pattern; the same sentences run through the spaCy path and, where
the pattern is simple enough for word order alone, the rules-only path.
"""
from __future__ import annotations

import pytest

from policygraph.loaders.document import Document
from policygraph.loaders.pipeline import Extractor
from policygraph.loaders.sentences import split_sentences


@pytest.fixture(scope="module")
def parsed():
    return Extractor(use_model=True)


@pytest.fixture(scope="module")
def rules_only():
    return Extractor(use_model=False)


def facts(extractor, text):
    doc = Document(id="t", path="t.txt", format="txt", raw=text)
    doc.sentences = split_sentences(doc.text)
    out = extractor.run(doc)
    names = {e.id: e.name for e in out.entities.values()}
    triples = {(names[r.subject], r.predicate, names[r.object]) for r in out.relations}
    return triples, out


def has(triples, s, p, o):
    return (s, p, o) in triples or (o, p, s) in triples and p in ("COOPERATES_WITH", "PARTNERS_WITH")


def test_verb_investment_with_amount_and_place(parsed):
    triples, out = facts(parsed, "Toyota has invested $1.5 billion in a new battery plant in North Carolina.")
    assert has(triples, "Toyota", "INVESTS_IN", "North Carolina")
    rel = next(r for r in out.relations if r.predicate == "INVESTS_IN" and r.object.endswith("north-carolina"))
    assert rel.props["amount_usd"] == pytest.approx(1.5e9)


def test_possessive_facility_and_coordinated_places(parsed):
    text = ("Notable projects include Toyota’s $2 billion assembly plant in Texas and a partnership of "
            "LG Energy Solution with General Motors worth $2.3 billion for battery parks in Ohio and Michigan.")
    triples, out = facts(parsed, text)
    assert has(triples, "Toyota", "INVESTS_IN", "Texas")
    assert has(triples, "LG Energy Solution", "PARTNERS_WITH", "General Motors")


def test_copula_investor(parsed):
    triples, _ = facts(parsed, "In 2022, Japan was the largest foreign investor in Indonesia.")
    assert has(triples, "Japan", "INVESTS_IN", "Indonesia")


def test_between_negotiations_both_ways(parsed):
    triples, _ = facts(parsed, "The negotiations between Brazil and Argentina stalled in 2021.")
    assert has(triples, "Brazil", "NEGOTIATES", "Argentina")
    assert has(triples, "Argentina", "NEGOTIATES", "Brazil")


def test_hyphenated_group_cooperation(parsed):
    triples, _ = facts(parsed, "The trilateral India-Japan-Australia cooperation on supply chains expanded.")
    assert has(triples, "India", "COOPERATES_WITH", "Japan")
    assert has(triples, "Japan", "COOPERATES_WITH", "Australia")


def test_owner_and_target_of_a_measure(parsed):
    triples, _ = facts(parsed, "Canada’s new tariffs on Chinese electric vehicles took effect in October.")
    imposed = {o for s, p, o in triples if s == "Canada" and p == "IMPOSES"}
    assert imposed, triples
    policy = imposed.pop()
    assert has(triples, policy, "TARGETS", "electric vehicles")
    assert has(triples, policy, "TARGETS", "China")


def test_title_makes_a_leader(parsed):
    triples, _ = facts(parsed, "French President Emmanuel Macron visited Hanoi.")
    assert has(triples, "Emmanuel Macron", "LEADS", "France")


def test_agreement_named_after_its_parties(parsed):
    triples, _ = facts(parsed, "Exports grew under the U.S.-Mexico-Canada Agreement last year.")
    for c in ("United States", "Mexico", "Canada"):
        assert any(s == c and p == "PARTY_TO" for s, p, o in triples), (c, triples)


def test_negated_sentence_gives_no_fact(parsed):
    triples, _ = facts(parsed, "Germany did not invest in Poland.")
    assert not has(triples, "Germany", "INVESTS_IN", "Poland")


def test_dyad_anaphor_resolves_to_the_document_pair(parsed):
    text = ("Australia and New Zealand discussed trade. Australia welcomed New Zealand. "
            "The two countries are pursuing collaborations in critical minerals.")
    triples, _ = facts(parsed, text)
    assert has(triples, "Australia", "COOPERATES_WITH", "New Zealand")


def test_rules_only_path_finds_simple_facts(rules_only):
    triples, out = facts(rules_only, "Toyota invested $1.5 billion in Kentucky. Talks between Chile and Peru resumed.")
    assert has(triples, "Toyota", "INVESTS_IN", "Kentucky")
    assert has(triples, "Chile", "NEGOTIATES", "Peru")


def test_evidence_quotes_are_raw_text(parsed):
    raw = "Toyota has invested $1.5 billion\n\nin Kentucky. Samsung Electronics\nbuilt a fab in Texas."
    doc = Document(id="t", path="t.txt", format="txt", raw=raw)
    from policygraph.loaders.repair import repair

    doc = repair("t", "t.txt", "txt", raw)
    out = parsed.run(doc)
    assert out.relations
    for r in out.relations:
        for ev in r.evidence:
            assert raw[ev.start:ev.end] == ev.quote
