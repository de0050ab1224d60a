"""The benchmark's synthetic corpus (bench/gen_corpus.py): deterministic, and its planted facts are consistent
with its text and the ontology (so recall measured against them means something)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import gen_corpus  # noqa: E402
from recall import recall  # noqa: E402


def test_planted_facts_are_consistent(tmp_path):
    counts = gen_corpus.generate(6, tmp_path / "c", seed=3)
    assert counts["docs"] == 6 and counts["planted_relations"] > 20
    assert len(list((tmp_path / "c" / "docs").glob("*.txt"))) == 6
    assert gen_corpus.check_planted(tmp_path / "c") == []


def test_generation_is_deterministic(tmp_path):
    gen_corpus.generate(3, tmp_path / "a", seed=5)
    gen_corpus.generate(3, tmp_path / "b", seed=5)
    for name in ["planted.jsonl"] + [f"docs/synth-{i:05d}.txt" for i in range(3)]:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_recall_matcher_counts_exact_and_alias_matches(tmp_path):
    gen_corpus.generate(2, tmp_path / "c", seed=1)
    planted = [json.loads(line) for line in (tmp_path / "c" / "planted.jsonl").read_text().splitlines()]
    ents = {(r["doc"], r["name"]): r for r in planted if r["kind"] == "entity"}
    rels = [r for r in planted if r["kind"] == "relation"]
    # an export that states every planted fact, entities named by their first written alias
    export = []
    for (doc, name), e in ents.items():
        export.append({"kind": "entity", "id": f"{doc}|{name}", "name": e["aliases"][0], "type": e["type"],
                       "aliases": [], "docs": [doc]})
    key = lambda r: (r["doc"], r["subject"], r["predicate"], r["object"])  # noqa: E731
    left_out = [r for r in rels if key(r) == key(rels[0])]
    for r in rels:
        if key(r) == key(rels[0]):
            continue  # one fact (and any repeat of it in the same document) is not in the export
        export.append({"kind": "relation", "subject": f"{r['doc']}|{r['subject']}", "predicate": r["predicate"],
                       "object": f"{r['doc']}|{r['object']}", "props": r["props"],
                       "evidence": [{"doc": r["doc"], "start": 0, "end": 1, "quote": "x"}]})
    path = tmp_path / "facts.jsonl"
    path.write_text("".join(json.dumps(x) + "\n" for x in export))
    res = recall(path, tmp_path / "c" / "planted.jsonl")
    assert res["planted"] == len(rels)
    assert res["found"] == len(rels) - len(left_out)
