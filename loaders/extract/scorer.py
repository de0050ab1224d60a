"""The learned backend: a logistic model over `pairs.Pair` features.

relation_model.json holds {"bias", "weights" {feature: weight}, "threshold", "keep_rule", "add_predicates",
"add_signatures", "triggers" {predicate: [trigger words]}, "trained_on", "report"}; it is
made by `python -m policygraph.loaders.extract.train` (see that module) and read here with no dependency
beyond the standard library.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

MODEL_PATH = Path(__file__).resolve().parent / "relation_model.json"
SYMMETRIC = frozenset({"PARTNERS_WITH", "COOPERATES_WITH"})  # (either way round is the same fact)


class LinearScorer:
    def __init__(self, weights: dict[str, float], bias: float = 0.0, threshold: float = 0.5,
                 keep_rule: float = 0.0, add_predicates: frozenset[str] | None = None,
                 add_signatures: frozenset[str] | None = None,
                 triggers: dict[str, frozenset] | None = None) -> None:
        self.weights = weights
        self.bias = bias
        self.threshold = threshold  # a pair no rule proposed is kept from this probability up
        self.keep_rule = keep_rule  # a rule's candidate is dropped below this one
        # the predicates whose pairs the scorer may add (None: all); those it reads badly stay the rules' alone
        self.add_predicates = add_predicates
        # "INVESTS_IN Firm>USState": the types between which it may add them (None: any the ontology allows)
        self.add_signatures = add_signatures
        # the predicates' trigger words its features were computed with (pairs.py): a rule added later to
        # ontology/patterns.toml must not change what the trained weights read
        self.triggers = triggers
        self._split: dict[str, dict[str, float]] | None = None

    def probability(self, features: dict[str, float]) -> float:
        return self.squash(sum(self.weights.get(k, 0.0) * v for k, v in features.items()))

    def squash(self, total: float) -> float:
        """The probability of a pair whose feature weights sum to `total`."""
        z = self.bias + total
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def by_predicate(self) -> dict[str, dict[str, float]]:
        """{predicate: {feature without the predicate's name: weight}} for the features named "<PREDICATE>|...",
        made once (pairs.PairFeatures scores a pair without writing its features)."""
        if self._split is None:
            split: dict[str, dict[str, float]] = {}
            for key, w in self.weights.items():
                head, sep, rest = key.partition("|")
                if sep and head.isupper():
                    split.setdefault(head, {})[rest] = w
            self._split = split
        return self._split

    def may_add(self, predicate: str, subject_type: str, object_type: str) -> bool:
        """Whether a pair no rule proposed may be added, by its predicate and types."""
        if self.add_predicates is not None and predicate not in self.add_predicates:
            return False
        if self.add_signatures is None:
            return True
        return f"{predicate} {subject_type}>{object_type}" in self.add_signatures or (
            predicate in SYMMETRIC and f"{predicate} {object_type}>{subject_type}" in self.add_signatures)

    def keep(self, features: dict[str, float]) -> tuple[bool, float]:
        p = self.probability(features)
        return p >= self.threshold, p


@lru_cache(maxsize=2)
def load_scorer(path: str | None = None) -> LinearScorer | None:
    """The shipped model, or None when there is none (the rules backend then runs alone)."""
    p = Path(path) if path else MODEL_PATH
    if not p.exists():
        return None
    data = json.loads(p.read_text(encoding="utf-8"))
    adds, signatures, triggers = data.get("add_predicates"), data.get("add_signatures"), data.get("triggers")
    return LinearScorer(data["weights"], float(data.get("bias", 0.0)), float(data.get("threshold", 0.5)),
                        float(data.get("keep_rule", 0.0)), frozenset(adds) if adds is not None else None,
                        frozenset(signatures) if signatures is not None else None,
                        {k: frozenset(v) for k, v in triggers.items()} if triggers is not None else None)
