"""The learned backend as shipped: the trained scorer adds facts where the rules relate nothing, and takes none of
theirs away (README, "Extraction quality"). Runs the real scorer over the real corpus."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from policygraph.loaders.extract import pipeline, scorer
from policygraph.loaders.extract.pipeline import Extractor
from policygraph.loaders.read.readers import iter_paths, read_document

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _facts(extractor: Extractor) -> dict[tuple, dict]:
    out = {}
    for path in iter_paths([CORPUS]):
        facts = extractor.run(read_document(path))
        names = {e.id: e.name for e in facts.entities.values()}
        for r in facts.relations:
            out[(facts.doc.id, names[r.subject], r.predicate, names[r.object])] = r.props
    return out


@pytest.fixture(scope="module")
def both():
    if not scorer.MODEL_PATH.exists():
        pytest.skip("no trained scorer is installed")
    return _facts(Extractor(backend="rules")), _facts(Extractor(backend="learned"))


def test_the_shipped_scorer_is_the_default_and_says_what_it_may_add():
    model = json.loads(scorer.MODEL_PATH.read_text(encoding="utf-8"))
    assert model["add_predicates"] and model["threshold"] >= 0.5
    assert Extractor().backend == "learned"


def test_the_scorer_keeps_every_fact_of_the_rules_on_the_corpus(both):
    rules, learned = both
    assert not set(rules) - set(learned)
    # (the same amounts and years; a sum the scorer's added fact shares with a rule's is marked joint in both, so it
    # is counted once)
    plain = {"joint", "joint_id"}
    assert all({k: v for k, v in learned[key].items() if k not in plain} == {k: v for k, v in props.items()
                                                                            if k not in plain}
               for key, props in rules.items())


def test_the_scorer_adds_only_the_predicates_it_reads_well(both):
    rules, learned = both
    added = set(learned) - set(rules)
    allowed = set(json.loads(scorer.MODEL_PATH.read_text(encoding="utf-8"))["add_predicates"])
    assert added and {p for _, _, p, _ in added} <= allowed


def test_without_a_trained_scorer_the_rules_run_and_the_learned_backend_says_how_to_make_one(tmp_path, monkeypatch):
    missing = tmp_path / "relation_model.json"
    monkeypatch.setattr(scorer, "MODEL_PATH", missing)
    monkeypatch.setattr(pipeline, "MODEL_PATH", missing)
    scorer.load_scorer.cache_clear()
    try:
        assert pipeline.default_backend() == "rules"
        with pytest.raises(ValueError, match="trained scorer"):
            Extractor(backend="learned")
    finally:
        scorer.load_scorer.cache_clear()


def test_a_pair_scored_without_its_features_has_the_probability_of_its_features():
    if not scorer.MODEL_PATH.exists():
        pytest.skip("no trained scorer is installed")
    ex = Extractor(backend="learned")
    ex.collect = []  # (keeps each parsed sentence)
    for path in iter_paths([CORPUS]):
        ex.run(read_document(path))
    sentences = [sv for sv, _ in ex.collect]
    ex.collect = None
    compared = 0
    for sv in sentences:
        written = ex.pair_features.pairs(sv)
        scored = ex.pair_features.pairs(sv, scorer=ex.scorer)
        assert [(p.subject.id, p.predicate, p.object.id) for p in written] == \
            [(p.subject.id, p.predicate, p.object.id) for p in scored]
        for w, s in zip(written, scored):
            assert s.probability == ex.scorer.probability(w.features)
            compared += 1
    assert compared > 1000


def test_the_scorer_adds_only_between_the_types_the_gold_relates_by_a_predicate():
    s = scorer.LinearScorer({}, add_predicates=frozenset({"INVESTS_IN", "PARTNERS_WITH"}),
                            add_signatures=frozenset({"INVESTS_IN Firm>USState", "PARTNERS_WITH Firm>GovernmentBody"}))
    assert s.may_add("INVESTS_IN", "Firm", "USState")
    assert not s.may_add("INVESTS_IN", "Person", "Sector")  # (a governor who "establishes a supply chain")
    assert not s.may_add("LOCATED_IN", "Firm", "USState")  # (not an addable predicate)
    assert s.may_add("PARTNERS_WITH", "GovernmentBody", "Firm")  # (symmetric: either way round)
    model = json.loads(scorer.MODEL_PATH.read_text(encoding="utf-8")) if scorer.MODEL_PATH.exists() else {}
    assert not any(sig.split()[1].startswith("Person>") and sig.startswith("INVESTS_IN")
                   for sig in model.get("add_signatures", ()))


def _relations(extractor: Extractor, text: str, tmp_path: Path) -> set[tuple]:
    path = tmp_path / "t.txt"
    path.write_text(text, encoding="utf-8")
    facts = extractor.run(read_document(path))
    names = {e.id: e.name for e in facts.entities.values()}
    return {(names[r.subject], r.predicate, names[r.object]) for r in facts.relations}


def test_the_scorer_places_nothing_the_rules_or_the_gazetteer_placed_elsewhere(tmp_path):
    extractor = Extractor(backend="learned")
    # a scorer sure of every place: only the filter keeps what the rules (or the gazetteer) placed where they did
    extractor.scorer = scorer.LinearScorer({}, bias=10.0, add_predicates=frozenset({"LOCATED_IN"}))
    got = _relations(extractor, "Katherine Tai, the U.S. Trade Representative, met Ahn Duk-geun, Korea's Minister of "
                     "Trade. The Kaesong Industrial Complex is a park built by South Korea in North Korea. Velkor "
                     "Motors met Tarsk Group in Peru.", tmp_path)
    assert ("USTR", "LOCATED_IN", "United States") in got, got
    assert ("USTR", "LOCATED_IN", "South Korea") not in got, got
    assert ("Kaesong Industrial Complex", "LOCATED_IN", "North Korea") in got, got
    assert ("Kaesong Industrial Complex", "LOCATED_IN", "South Korea") not in got, got
    assert ("Velkor Motors", "LOCATED_IN", "Peru") in got, got  # (what nothing placed, the scorer may place)


def test_the_scorer_reads_the_trigger_words_it_was_trained_with(monkeypatch):
    # a rule added to patterns.toml after training (here a new MEMBER_OF verb) must not change what the weights read
    if not scorer.MODEL_PATH.exists():
        pytest.skip("no trained scorer is installed")
    from policygraph.loaders.extract import pairs

    shipped = scorer.load_scorer().triggers
    assert shipped and all(shipped.values())
    later = {k: frozenset(v | {"befriend"}) for k, v in pairs.trigger_words().items()}
    monkeypatch.setattr(pairs, "trigger_words", lambda: later)
    learned = Extractor(backend="learned")
    assert learned.pair_features.triggers == shipped
    assert Extractor(backend="rules").pair_features.triggers == later  # (training collects with today's rules)
