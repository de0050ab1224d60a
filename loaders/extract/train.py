"""Train the learned backend's relation scorer from gold annotations (needs scikit-learn: `pip install -e .[train]`).

    python -m policygraph.loaders.extract.train \\
        --set ../shared/corpus ../shared/eval/gold_dev.jsonl \\
        --set ../shared/eval/dev/docs ../shared/eval/dev/gold.jsonl \\
        --scorer ../shared/eval/score.py --cv

Each document is read and extracted as in a build, with every candidate pair and its features recorded
(`Extractor.collect`). A pair is a positive example when the gold file has that fact (same predicate, subject
and object entities matched the way the scorer matches them) stated in a sentence that overlaps this one; it is
left out when the gold has the fact but cites another sentence; every other pair is a negative. A logistic
regression over the features is fitted and written to relation_model.json, with the predicates the scorer may add
pairs for (--add-predicates) and the probability from which it adds one (--threshold).

`--cv` first scores the model leave-one-document-out (each document's pairs scored by a model trained on all
the other documents) with the evaluation's own scorer, which is the figure that says how it does on documents
it has never seen. Never train on a set used to check generalisation.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import sys
import tempfile
from collections import Counter
from datetime import date
from pathlib import Path

from .pairs import trigger_words
from .scorer import MODEL_PATH, SYMMETRIC

# The predicates whose pairs the scorer adds by default. Measured leave-one-document-out over the 94 training
# documents (README, "Extraction quality"), the pairs it adds for these were facts of the gold about half the time
# or more; for the others (NEGOTIATES 0.12, EXPORTS_TO 0.0, TARGETS 0.0, IMPOSES, SIGNS, ...) far less, and for
# PARTY_TO the added pairs are what the rules deliberately leave out: "met members of X", "applied to join X".
ADD_PREDICATES = ("AUTHORIZES", "COOPERATES_WITH", "INVESTS_IN", "LOCATED_IN", "MEMBER_OF", "OPERATES_IN",
                  "PARTNERS_WITH")


def _load_matcher(path: str):
    spec = importlib.util.spec_from_file_location("pg_eval_score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _evidence_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Where a gold quote lies in the document text (whitespace-insensitive; else its first 60 characters)."""
    flat, where = [], []
    for i, ch in enumerate(text):
        if ch.isspace():
            if flat and flat[-1] == " ":
                continue
            flat.append(" ")
        else:
            flat.append(ch)
        where.append(i)
    flat_text = "".join(flat)
    quote = re.sub(r"\s+", " ", quote).strip()
    for probe in (quote, quote[:60], quote[-60:], quote[:30]):
        k = flat_text.find(probe) if probe else -1
        if k >= 0:
            return [(where[k], where[min(len(where) - 1, k + len(probe) - 1)] + 1)]
    return []


def collect(sets: list[tuple[str, str]], matcher) -> tuple[list[dict], dict]:
    """Rows {doc, features, label, s, p, o} for every candidate pair of every document, and the entities."""
    from .pipeline import Extractor
    from ..read.readers import iter_paths, read_document

    ex = Extractor(backend="rules")
    rows: list[dict] = []
    entities: dict[str, dict] = {}
    for folder, gold_path in sets:
        gold_ents, gold_rels = matcher.load(gold_path)
        for path in iter_paths([folder]):
            doc = read_document(path)
            ex.collect = []
            facts = ex.run(doc)
            ents = {eid: {"name": e.name, "aliases": sorted(e.aliases), "type": e.type}
                    for eid, e in facts.entities.items()}
            entities[doc.id] = ents
            gents = {g["name"]: g for g in gold_ents if g["doc"] == doc.id}
            grels = [g for g in gold_rels if g["doc"] == doc.id]
            spans = [_evidence_spans(doc.text, g.get("evidence", "")) for g in grels]

            def gold_entity(name):
                return gents.get(name) or {"name": name, "aliases": [], "type": None}

            for sv, pairs in ex.collect:
                a, b = sv.start, sv.start + len(sv.text)
                for pair in pairs:
                    se, oe = ents.get(pair.subject.id), ents.get(pair.object.id)
                    if se is None or oe is None:
                        continue
                    label = 0
                    for g, sp in zip(grels, spans):
                        if g["predicate"] != pair.predicate:
                            continue
                        ok = matcher.ent_match(se, gold_entity(g["subject"])) and matcher.ent_match(
                            oe, gold_entity(g["object"]))
                        if not ok and pair.predicate in SYMMETRIC:
                            ok = matcher.ent_match(oe, gold_entity(g["subject"])) and matcher.ent_match(
                                se, gold_entity(g["object"]))
                        if ok:
                            if any(x < b and a < y for x, y in sp):
                                label = 1
                                break
                            label = -1  # the gold cites another sentence for it: no example either way
                    rows.append({"doc": doc.id, "f": pair.features, "label": label, "s": pair.subject.id,
                                 "p": pair.predicate, "o": pair.object.id})
            print(f"  {doc.id}: {len(ex.collect)} sentences", file=sys.stderr)
    ex.collect = None
    return rows, entities


def fit(rows: list[dict], c: float, positive_weight: float):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    train = [r for r in rows if r["label"] != -1]
    vec = DictVectorizer()
    x = vec.fit_transform([r["f"] for r in train]).tocsr()
    x.indices, x.indptr = x.indices.astype("int32"), x.indptr.astype("int32")  # liblinear wants 32-bit
    y = [r["label"] for r in train]
    if os.environ.get("PG_L1"):
        clf = LogisticRegression(C=c, max_iter=3000, class_weight={0: 1.0, 1: positive_weight}, penalty="l1",
                                 solver="liblinear")
    else:
        clf = LogisticRegression(C=c, max_iter=3000, class_weight={0: 1.0, 1: positive_weight})
    clf.fit(x, y)
    weights = {name: float(w) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) >= 1e-4}
    return weights, float(clf.intercept_[0])


def _probability(weights, bias, features):
    import math

    z = bias + sum(weights.get(k, 0.0) * v for k, v in features.items())
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def _label(folder: str) -> str:
    """A set's name in the report: its folder, with the parent's when the folder is only "docs"."""
    path = Path(folder).resolve()
    return f"{path.parent.name}/{path.name}" if path.name == "docs" else path.name


def cross_validate(rows, entities, sets, matcher, c, positive_weight, thresholds) -> dict:
    """Leave-one-document-out: each document scored by a model that never saw it."""
    docs = sorted({r["doc"] for r in rows})
    prob = {}
    for k, doc in enumerate(docs):
        weights, bias = fit([r for r in rows if r["doc"] != doc], c, positive_weight)
        for r in rows:
            if r["doc"] == doc:
                prob[id(r)] = r["prob"] = _probability(weights, bias, r["f"])
        print(f"  fold {k + 1}/{len(docs)}", file=sys.stderr)
    report = {}
    for t in thresholds:
        add, keep_rule = t if isinstance(t, tuple) else (t, t)
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
            for doc, ents in entities.items():
                for eid, e in ents.items():
                    f.write(json.dumps({"kind": "entity", "id": f"{doc}::{eid}", "docs": [doc], **e}) + "\n")
            seen = set()
            for r in rows:
                key = (r["doc"], r["s"], r["p"], r["o"])
                limit = keep_rule if r["f"].get("rule") else add
                if prob[id(r)] >= limit and key not in seen:
                    seen.add(key)
                    f.write(json.dumps({"kind": "relation", "subject": f"{r['doc']}::{r['s']}", "predicate": r["p"],
                                        "object": f"{r['doc']}::{r['o']}", "props": {},
                                        "evidence": [{"doc": r["doc"]}]}) + "\n")
        for folder, gold in sets:
            import contextlib
            import io

            with contextlib.redirect_stdout(io.StringIO()) as out:
                matcher.main([f.name, gold, "--json"])
            res = json.loads(out.getvalue())
            report.setdefault(f"add>={add} keep_rule>={keep_rule}", {})[_label(folder)] = {
                k: res[k] for k in ("core_recall", "all_recall", "precision_lb", "predicted_relations")}
        Path(f.name).unlink()
    return report


def gold_signatures(sets, predicates, least: int = 2) -> list[str]:
    """'INVESTS_IN Firm>USState': the subject and object types the gold gives an addable predicate at least `least`
    times; the scorer adds no pair of other types (a governor who "establishes a supply chain" invests nothing)."""
    counts: Counter = Counter()
    for _folder, gold in sets:
        rows = [json.loads(ln) for ln in Path(gold).read_text(encoding="utf-8").splitlines() if ln.strip()]
        types = {(r["doc"], r["name"]): r["type"] for r in rows if r.get("kind") == "entity"}
        for r in rows:
            if r.get("kind") == "relation" and r["predicate"] in predicates:
                st, ot = types.get((r["doc"], r["subject"])), types.get((r["doc"], r["object"]))
                if st and ot:
                    counts[f"{r['predicate']} {st}>{ot}"] += 1
    return sorted(k for k, n in counts.items() if n >= least)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m policygraph.loaders.extract.train", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", nargs=2, action="append", metavar=("FOLDER", "GOLD"), required=True,
                    help="documents and their gold annotations (repeatable)")
    ap.add_argument("--scorer", required=True, help="the evaluation's score.py (its entity matching labels pairs)")
    ap.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength")
    ap.add_argument("--positive-weight", type=float, default=3.0)
    ap.add_argument("--threshold", type=float, default=0.5, help="a pair no rule proposed is kept from here up")
    ap.add_argument("--keep-rule", type=float, default=0.0, help="a rule's candidate is dropped below this")
    ap.add_argument("--cv", action="store_true", help="report leave-one-document-out scores first")
    ap.add_argument("--add-predicates", nargs="*", default=list(ADD_PREDICATES), metavar="PREDICATE",
                    help="the predicates whose pairs the scorer may add where the rules relate nothing (default: "
                         "those whose added pairs held up leave-one-document-out)")
    ap.add_argument("--min-weight", type=float, default=0.005,
                    help="weights smaller than this (in absolute value) are left out of the written model")
    ap.add_argument("--out", default=str(MODEL_PATH))
    args = ap.parse_args(argv)
    matcher = _load_matcher(args.scorer)
    sets = [tuple(s) for s in args.set]
    rows, entities = collect(sets, matcher)
    if os.environ.get("PG_DROP_FEATURES"):  # experiments: drop features matching a regex
        rx = re.compile(os.environ["PG_DROP_FEATURES"])
        for r in rows:
            r["f"] = {k: v for k, v in r["f"].items() if not rx.search(k)}
    print(f"{len(rows)} candidate pairs, {sum(r['label'] == 1 for r in rows)} positive", file=sys.stderr)
    report = {}
    if args.cv:
        grid = [(a, k) for a in (0.4, 0.5, 0.6, 0.7, 0.85, 1.01) for k in (0.0, 0.1, 0.2)]
        report = cross_validate(rows, entities, sets, matcher, args.c, args.positive_weight, grid)
        print(json.dumps(report, indent=1))
        if os.environ.get("PG_DUMP_CV"):
            import pickle
            with open(os.environ["PG_DUMP_CV"], "wb") as fh:
                pickle.dump({"rows": [{k: v for k, v in r.items() if k != "f"}
                                      | {"prob": r.get("prob"), "rule": bool(r["f"].get("rule"))} for r in rows],
                             "entities": entities}, fh)
    signatures = gold_signatures(sets, args.add_predicates)
    weights, bias = fit(rows, args.c, args.positive_weight)
    weights = {k: v for k, v in weights.items() if abs(v) >= args.min_weight}  # (the rest moves no decision)
    model = {"bias": round(bias, 5), "threshold": args.threshold, "keep_rule": args.keep_rule,
             "add_predicates": sorted(args.add_predicates), "add_signatures": signatures,
             "triggers": {k: sorted(v) for k, v in sorted(trigger_words().items())},
             "trained_on": [_label(f) for f, _ in sets], "date": date.today().isoformat(),
             "c": args.c, "positive_weight": args.positive_weight, "cross_validation": report,
             "weights": {k: round(v, 5) for k, v in sorted(weights.items())}}
    Path(args.out).write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(weights)} weights", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
