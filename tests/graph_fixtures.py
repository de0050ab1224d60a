"""A synthetic graph of realistic size for the RDF/SHACL tests and bench/bench_build.py (the same shape in both)."""
from __future__ import annotations

import random

from policygraph.graph.model import Entity, Evidence, KnowledgeGraph, Relation


def realistic_kg(n_entities: int = 300, n_relations: int = 400, seed: int = 7) -> KnowledgeGraph:
    """A made-up graph whose every relation fits the ontology (so SHACL runs all its checks and finds it
    conforming): entities of eight types, seven kinds of relation with years, amounts and a role."""
    rnd = random.Random(seed)
    kg = KnowledgeGraph()
    by_type: dict[str, list[str]] = {}
    types = ["Firm", "Country", "USState", "Sector", "Policy", "Person", "GovernmentBody", "Agreement"]
    for i in range(n_entities):
        t = types[i % len(types)]
        e = kg.add_entity(Entity(f"{t.lower()}/e{i}", f"{t} {i}", t, {f"{t[:3]} {i}"}, {f"doc{i % 12}"},
                                 f"Q{i + 1}" if i % 3 == 0 else None))
        by_type.setdefault(t, []).append(e.id)
    shapes = [("Firm", "INVESTS_IN", "USState"), ("Country", "IMPOSES", "Policy"), ("Policy", "TARGETS", "Sector"),
              ("Country", "COOPERATES_WITH", "Country"), ("Person", "LEADS", "GovernmentBody"),
              ("Country", "PARTY_TO", "Agreement"), ("Firm", "OPERATES_IN", "Sector")]
    while len(kg.relations) < n_relations:
        st, pred, ot = rnd.choice(shapes)
        props = {}
        if pred in ("INVESTS_IN", "IMPOSES", "TARGETS"):
            props["year"] = rnd.randint(2000, 2024)
        if pred == "INVESTS_IN":
            props["amount_usd"] = rnd.randint(1, 500) * 1e7
        if pred == "LEADS":
            props["role"] = "Minister"
        doc, start = f"doc{rnd.randint(0, 11)}", rnd.randint(0, 50000)
        s, o = rnd.choice(by_type[st]), rnd.choice(by_type[ot])
        if s != o:
            kg.add_relation(Relation(s, pred, o, props, 0.7, [Evidence(doc, start, start + 40, "q" * 40)]))
    return kg
