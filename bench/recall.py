"""Recall of planted facts: which of a generated corpus's planted facts (bench/gen_corpus.py) a build found.

    python bench/recall.py OUT/facts.jsonl CORPUS/planted.jsonl [--misses 20]

The matching follows ../shared/eval/score.py: an extracted entity matches a planted one when a normalised
name or alias is equal or, for descriptive types, when content words overlap by at least 0.6 (Jaccard); a
relation matches when the predicate and both ends match (symmetric predicates either way) and it has
evidence in the planted fact's document. Extracted relations are indexed by (document, predicate) so a
1,000-document corpus scores in seconds (score.py compares every pair).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict

SYMMETRIC = {"PARTNERS_WITH", "COOPERATES_WITH"}
DESCRIPTIVE = {"Policy", "Law", "Agreement", "Sector", "Facility", "GovernmentBody"}
STOP = set("the a an of and for on in to by its their s u us south korean korea's".split())


def norm(s: str) -> str:
    s = s.lower().replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"[^a-z0-9]+", " ", s)
    s = re.sub(r"^(the) ", "", s.strip())
    return re.sub(r"\s+", " ", s).strip()


def tokens(s: str) -> frozenset:
    return frozenset(t for t in norm(s).split() if t not in STOP and len(t) > 1)


class Names:
    def __init__(self, name: str, aliases, type_: str | None) -> None:
        forms = [name, *(aliases or ())]
        self.norms = {norm(x) for x in forms} - {""}
        self.tokens = [tokens(x) for x in forms]
        self.type = type_

    def matches(self, other: "Names") -> bool:
        if self.norms & other.norms:
            return True
        if self.type in DESCRIPTIVE or other.type in DESCRIPTIVE:
            return any(a and b and len(a & b) / len(a | b) >= 0.6 for a in self.tokens for b in other.tokens)
        return False


def _read(path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def recall(facts_path, planted_path, misses: int = 0) -> dict:
    extracted: dict[str, Names] = {}
    by_doc_pred: dict[tuple, list] = defaultdict(list)
    n_extracted = 0
    for rec in _read(facts_path):
        if rec.get("kind") == "entity":
            extracted[rec["id"]] = Names(rec["name"], rec.get("aliases"), rec.get("type"))
        elif rec.get("kind") == "relation":
            n_extracted += 1
            for doc in {ev["doc"] for ev in rec.get("evidence") or ()}:
                by_doc_pred[(doc, rec["predicate"])].append(rec)
    planted_ents: dict[tuple, Names] = {}
    planted = []
    for rec in _read(planted_path):
        if rec["kind"] == "entity":
            planted_ents[(rec["doc"], rec["name"])] = Names(rec["name"], rec.get("aliases"), rec.get("type"))
        else:
            planted.append(rec)
    hit_by_pred, all_by_pred = Counter(), Counter()
    amount_ok = amount_n = 0
    missed = []
    cache: dict[tuple, bool] = {}

    def match(eid, doc, name):
        key = (eid, doc, name)
        if key not in cache:
            e = extracted.get(eid)
            cache[key] = e is not None and e.matches(planted_ents[(doc, name)])
        return cache[key]

    for g in planted:
        doc, pred = g["doc"], g["predicate"]
        all_by_pred[pred] += 1
        found = None
        for r in by_doc_pred.get((doc, pred), ()):
            s, o = r["subject"], r["object"]
            ok = match(s, doc, g["subject"]) and match(o, doc, g["object"])
            if not ok and pred in SYMMETRIC:
                ok = match(o, doc, g["subject"]) and match(s, doc, g["object"])
            if ok:
                found = r
                break
        if found is None:
            missed.append(g)
            continue
        hit_by_pred[pred] += 1
        want = (g.get("props") or {}).get("amount_usd")
        if want:
            amount_n += 1
            got = (found.get("props") or {}).get("amount_usd")
            amount_ok += isinstance(got, (int, float)) and abs(got - want) <= 0.01 * want
    n = len(planted)
    out = {
        "planted": n,
        "found": sum(hit_by_pred.values()),
        "recall": round(sum(hit_by_pred.values()) / max(1, n), 3),
        "amounts_right": f"{amount_ok}/{amount_n}",
        "extracted_relations": n_extracted,
        "recall_by_predicate": {p: f"{hit_by_pred[p]}/{all_by_pred[p]}" for p in sorted(all_by_pred)},
    }
    if misses:
        out["missed_sample"] = [f"{g['subject']} -{g['predicate']}-> {g['object']}   | {g['evidence']}"
                                for g in missed[:misses]]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("facts")
    ap.add_argument("planted")
    ap.add_argument("--misses", type=int, default=0)
    args = ap.parse_args(argv)
    res = recall(args.facts, args.planted, args.misses)
    for k, v in res.items():
        if k == "missed_sample":
            print("missed (sample):")
            for m in v:
                print("  ", m)
        else:
            print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
