"""The embedded Cypher store (LadybugDB) at scale, and rdflib SPARQL on the same data for comparison.

    python bench/bench_store.py       # build schema: 300k facts (~1M relationships); engine: 1M facts; rdflib: 10k
    python bench/bench_store.py --facts 50000 --engine-facts 200000 --rdf-facts 3000

A typed synthetic graph that obeys the ontology (each predicate's domain and range; hubs such as countries,
states and sectors get most edges, as in real builds; amounts, years, evidence with ~2 facts per sentence) is
written with the build's own writer, graph.cypher_store.write_store (rows in Python -> pandas -> COPY, one
node table per type, one relationship table per predicate, HAS_SENTENCE and MENTIONS) and measured:

  bulk load      write_store end to end, and its COPY statements alone (relationships/s)
  engine         LadybugDB alone: COPY from CSV into one node and one relationship table (1M facts), then
                 4-hop shortest paths and one entity's facts on that graph
  upserts        UNWIND $rows ... MERGE of facts into the loaded store in batches (new and existing facts)
  named queries  every queries/*.cypher through catalog.run_named on the open store (p50/p90, rows)
  linkage        4-hop path queries between random pairs of actors (paths_between with 4 hops, shortest_path)
  SPARQL         the queries/sparql/*.rq twins and a 4-hop linkage ASK through rdflib, on a smaller graph,
                 with the same Cypher queries on a store of that same graph side by side
"""
from __future__ import annotations

import argparse
import csv
import gc
import os
import random
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import WORK, ensure_importable, fmt_s, p50, pct, save, table  # noqa: E402

ensure_importable()

# relative frequency of each predicate among the facts (roughly a real build's mix)
PRED_WEIGHTS = {"INVESTS_IN": 14, "PARTNERS_WITH": 6, "REGULATES": 6, "RETALIATES_AGAINST": 3, "IMPOSES": 6,
                "TARGETS": 8, "PARTY_TO": 6, "NEGOTIATES": 6, "SIGNS": 3, "RATIFIES": 2, "WITHDRAWS_FROM": 1,
                "AMENDS": 1, "AUTHORIZES": 2, "EXEMPTS": 1, "LEADS": 3, "LOCATED_IN": 5, "MEMBER_OF": 3,
                "EXPORTS_TO": 6, "COOPERATES_WITH": 6, "OPERATES_IN": 8}
# entities per type, as shares of all entities (states, countries and sectors are few: they become hubs)
TYPE_SHARE = {"Firm": .34, "Person": .14, "GovernmentBody": .08, "Policy": .12, "Law": .04, "Agreement": .04,
              "Facility": .14, "InternationalOrganization": .01, "Sector": .005, "Country": .004, "USState": .0005}
FIXED = {"USState": 50, "Country": 200, "Sector": 150, "InternationalOrganization": 60}


class TypedFacts:
    """Entities by type and a stream of facts (subject, predicate, object, amount, year, confidence) that the
    ontology allows; a few entities of each type take part in many facts."""

    def __init__(self, n_facts: int, seed: int = 11, entities_per_fact: float = 0.1) -> None:
        from policygraph.ontology import load_model

        model = load_model()
        self.rnd = rnd = random.Random(seed)
        n_ent = max(200, int(n_facts * entities_per_fact))
        self.pools: dict[str, list[str]] = {}
        for t, share in TYPE_SHARE.items():
            k = FIXED.get(t) or max(20, int(n_ent * share))
            self.pools[t] = [f"{t.lower()}/e{i:06d}" for i in range(k)]
        self.preds = [p for p in PRED_WEIGHTS if p in model.relations]
        self.cum = list(__import__("itertools").accumulate(PRED_WEIGHTS[p] for p in self.preds))
        self.ends = {p: ([t for t in model.relations[p].domain if t in self.pools],
                         [t for t in model.relations[p].range if t in self.pools]) for p in self.preds}
        self.n = n_facts
        del rnd

    def entities(self):
        for t, ids in self.pools.items():
            for i, eid in enumerate(ids):
                yield eid, f"{t} {i:06d}", t

    def _pick(self, t: str) -> str:
        pool, rnd = self.pools[t], self.rnd
        if rnd.random() < 0.5:
            return pool[min(len(pool) - 1, int(rnd.paretovariate(1.2)) - 1)]
        return pool[rnd.randrange(len(pool))]

    def facts(self):
        rnd, made, seen = self.rnd, 0, set()
        while made < self.n:
            p = rnd.choices(self.preds, cum_weights=self.cum)[0]
            dom, rng = self.ends[p]
            if not dom or not rng:
                continue
            s, o = self._pick(rnd.choice(dom)), self._pick(rnd.choice(rng))
            amount = float(rnd.randrange(1, 500) * 10_000_000) if (
                p in ("INVESTS_IN", "EXPORTS_TO", "PARTNERS_WITH") and rnd.random() < 0.6) else None
            year = rnd.randrange(1990, 2026) if rnd.random() < 0.6 else None
            key = (s, p, o, amount, year)
            if s == o or key in seen:
                continue
            seen.add(key)
            made += 1
            yield s, p, o, amount, year, round(0.5 + rnd.random() * 0.45, 3)


def typed_graph(n_facts: int, seed: int = 11):
    """A KnowledgeGraph of n_facts relations (TypedFacts) with evidence: about two facts per sentence."""
    from policygraph.graph.model import Entity, Evidence, KnowledgeGraph, Relation

    tf = TypedFacts(n_facts, seed)
    kg = KnowledgeGraph()
    for eid, name, t in tf.entities():
        kg.entities[eid] = Entity(eid, name, t, {name, f"{t[:3]}-{eid.rsplit('e', 1)[-1]}"}, set(), None, "pattern")
    rnd = random.Random(seed + 1)
    docs_n = max(1, n_facts // 40)
    sent_len = 140
    pos: dict[str, int] = {}
    ev = None
    for i, (s, p, o, amount, year, conf) in enumerate(tf.facts()):
        props = {}
        if amount is not None:
            props["amount_usd"] = amount
        if year is not None:
            props["year"] = year
        if ev is None or rnd.random() < 0.5:
            doc = f"doc-{rnd.randrange(docs_n):05d}"
            start = pos.get(doc, 0)
            pos[doc] = start + sent_len + 1
            ev = Evidence(doc, start, start + sent_len, f"Synthetic sentence {i} of {doc}.".ljust(sent_len, "."))
        rel = Relation(s, p, o, props, conf, [ev])
        kg.relations[rel.key] = rel
        kg.entities[s].docs.add(ev.doc)
        kg.entities[o].docs.add(ev.doc)
    return kg


# ------------------------------------------------------------------------------------------------------------
def write_project_store(kg, path: Path) -> dict:
    """write_store with its COPY statements timed apart."""
    import policygraph.graph.cypher_store as cs

    copies = {"s": 0.0, "rows": 0, "rel_rows": 0, "calls": 0}
    orig = cs._copy
    node_tables = set()

    def timed_copy(conn, table_, rows, columns, ends=None):
        t = time.perf_counter()
        n = orig(conn, table_, rows, columns, ends)
        copies["s"] += time.perf_counter() - t
        copies["rows"] += n
        copies["calls"] += 1
        if ends is not None or table_ not in node_tables:
            copies["rel_rows"] += n if (ends is not None or table_ == "HAS_SENTENCE") else 0
        return n

    schema = cs.build_schema(kg)
    node_tables |= set(schema.entity_types) | {"Document", "Sentence"}
    cs._copy = timed_copy
    gc.collect()
    try:
        t0 = time.perf_counter()
        counts = cs.write_store(kg, path)
        total = time.perf_counter() - t0
    finally:
        cs._copy = orig
    rels = counts["relations"] + counts["sentences"] + counts["mentions"]  # facts + HAS_SENTENCE + MENTIONS
    return {"write_store_s": total, "copy_s": copies["s"], "copy_calls": copies["calls"], "rows_copied": copies["rows"],
            "relationships": rels, "facts": counts["relations"], "entities": counts["entities"],
            "sentences": counts["sentences"], "mentions": counts["mentions"],
            "rels_per_s_end_to_end": rels / total, "rels_per_s_copy": copies["rel_rows"] / max(1e-9, copies["s"]),
            "rows_per_s_copy": copies["rows"] / max(1e-9, copies["s"])}


def engine_at(n_facts: int, workdir: Path, pairs: int, seed: int, timeout_s: float) -> dict:
    """LadybugDB alone at n_facts: COPY from CSV into one node table and one relationship table (the engine's
    bulk path), then 4-hop shortest paths between random pairs of linked entities and one entity's facts."""
    import ladybug

    tf = TypedFacts(n_facts, seed)
    nodes_csv, rels_csv = workdir / "nodes.csv", workdir / "rels.csv"
    t0 = time.perf_counter()
    with open(nodes_csv, "w", newline="") as fh:
        w = csv.writer(fh)
        for eid, name, t in tf.entities():
            w.writerow([eid, name, t])
    subjects = set()
    with open(rels_csv, "w", newline="") as fh:
        w = csv.writer(fh)
        for i, (s, p, o, amount, year, conf) in enumerate(tf.facts()):
            w.writerow([s, o, p, f"rel/{i:08d}", "" if amount is None else amount, "" if year is None else year, conf])
            if len(subjects) < 200_000:
                subjects.add(s)
    made = time.perf_counter() - t0
    path = workdir / "engine.lbug"
    db = ladybug.Database(str(path))
    conn = ladybug.Connection(db)
    conn.execute("CREATE NODE TABLE Entity(id STRING PRIMARY KEY, name STRING, type STRING)")
    conn.execute("CREATE REL TABLE REL(FROM Entity TO Entity, predicate STRING, rid STRING, amount_usd DOUBLE, "
                 "year INT64, confidence DOUBLE)")
    t0 = time.perf_counter()
    conn.execute(f"COPY Entity FROM '{nodes_csv}' (header=false)")
    t1 = time.perf_counter()
    conn.execute(f"COPY REL FROM '{rels_csv}' (header=false)")
    t2 = time.perf_counter()
    conn.execute("CHECKPOINT")
    t3 = time.perf_counter()
    conn.set_query_timeout(int(timeout_s * 1000))
    rnd = random.Random(seed + 2)
    ids = sorted(subjects)
    ps = [tuple(rnd.sample(ids, 2)) for _ in range(pairs)]
    q_short = "MATCH p = (a:Entity {id: $a})-[:REL* SHORTEST 1..4]-(b:Entity {id: $b}) RETURN length(p)"
    q_facts = ("MATCH (a:Entity {id: $a})-[r:REL]-(b:Entity) RETURN b.name, r.predicate, r.amount_usd, r.year "
               "ORDER BY r.predicate, b.name")
    short, facts, found, stopped = [], [], 0, 0
    for a, b in ps:
        t = time.perf_counter()
        try:
            found += bool(conn.execute(q_short, {"a": a, "b": b}).get_all())
        except Exception as err:
            if not _is_timeout(err):
                raise
            stopped += 1
        short.append(time.perf_counter() - t)
        t = time.perf_counter()
        conn.execute(q_facts, {"a": a}).get_all()
        facts.append(time.perf_counter() - t)
    conn.close()
    db.close()
    return {"facts": n_facts, "entities": sum(len(v) for v in tf.pools.values()), "csv_written_s": made,
            "nodes_s": t1 - t0, "rels_s": t2 - t1, "checkpoint_s": t3 - t2, "relationships": n_facts,
            "rels_per_s": n_facts / (t2 - t1), "rels_per_s_incl_checkpoint": n_facts / (t3 - t1),
            "shortest_4hop": {"pairs": len(short), "linked": found, "timeouts": stopped, "p50_s": p50(short),
                              "p90_s": pct(short, 0.9)},
            "entity_facts": {"p50_s": p50(facts), "p90_s": pct(facts, 0.9)}}


def upserts(store_path: Path, kg, n: int, batch: int, seed: int = 5) -> dict:
    """Upsert n INVESTS_IN facts (Firm -> USState), half already in the store (changed), half new, in batches,
    two ways:
      merge  UNWIND $rows ... MERGE (a)-[x {id}]->(b) SET ...       (one Cypher statement per batch)
      split  one scan for which ids exist, UNWIND ... SET for those, COPY (append) from a DataFrame for the rest"""
    import policygraph.graph.cypher_store as cs
    from policygraph.graph.cypher_store import open_store, run_query

    rnd = random.Random(seed)
    existing = [r for r in kg.relations.values() if r.predicate == "INVESTS_IN"
                and kg.entities[r.subject].type == "Firm" and kg.entities[r.object].type == "USState"]
    firms = [e.id for e in kg.entities.values() if e.type == "Firm"]
    states = [e.id for e in kg.entities.values() if e.type == "USState"]

    def make(tag):
        rows = []
        for i in range(n):
            if i % 2 == 0 and existing:
                r = rnd.choice(existing)
                rows.append({"s": r.subject, "o": r.object, "id": r.id, "amount": 1e9, "year": 2024, "c": 0.9})
            else:
                rows.append({"s": rnd.choice(firms), "o": rnd.choice(states), "id": f"rel/{tag}-{i:07d}",
                             "amount": float(rnd.randrange(1, 99) * 1e7), "year": 2025, "c": 0.7})
        return rows

    merge_q = ("UNWIND $rows AS r MATCH (a:Firm {id: r.s}), (b:USState {id: r.o}) "
               "MERGE (a)-[x:INVESTS_IN {id: r.id}]->(b) "
               "SET x.predicate = 'INVESTS_IN', x.amount_usd = r.amount, x.year = r.year, x.confidence = r.c")
    find_q = "MATCH (:Firm)-[x:INVESTS_IN]->(:USState) WHERE x.id IN $ids RETURN x.id AS id"
    set_q = ("UNWIND $rows AS r MATCH (a:Firm {id: r.s})-[x:INVESTS_IN]->(b:USState {id: r.o}) WHERE x.id = r.id "
             "SET x.amount_usd = r.amount, x.year = r.year, x.confidence = r.c")
    cols = ["subject", "object"] + [c for c, _ in cs.D.FACT_PROPS]
    out = {"upserts": n, "batch": batch}
    store = open_store(store_path, read_only=False)
    try:
        for how in ("merge", "split"):
            rows = make(how)
            t0 = time.perf_counter()
            for i in range(0, n, batch):
                chunk = rows[i:i + batch]
                if how == "merge":
                    run_query(store, merge_q, {"rows": chunk}, write=True)
                    continue
                have = set(run_query(store, find_q, {"ids": [r["id"] for r in chunk]})["id"])
                old = [r for r in chunk if r["id"] in have]
                new = [r for r in chunk if r["id"] not in have]
                if old:
                    run_query(store, set_q, {"rows": old}, write=True)
                if new:
                    recs = [{"subject": r["s"], "object": r["o"], "id": r["id"], "predicate": "INVESTS_IN",
                             "amount_usd": r["amount"], "year": r["year"], "confidence": r["c"], "docs": [],
                             "quotes": [], "sentences": []} for r in new]
                    frame = cs._frame(recs, cols)  # noqa: F841 - COPY finds it by name
                    store.conn.execute("COPY INVESTS_IN FROM frame (from='Firm', to='USState')")
            secs = time.perf_counter() - t0
            check = run_query(store, "MATCH ()-[x:INVESTS_IN]->() WHERE x.id STARTS WITH $p RETURN count(x) AS n",
                              {"p": f"rel/{how}-"})
            out[how] = {"seconds": secs, "rels_per_s": n / secs, "new_facts_found_after": int(check["n"][0])}
    finally:
        store.close()
    best = max(("merge", "split"), key=lambda h: out[h]["rels_per_s"])
    out.update(best=best, seconds=out[best]["seconds"], rels_per_s=out[best]["rels_per_s"])
    return out


# ------------------------------------------------------------------------------------------------------------
def query_params(kg, rnd: random.Random) -> dict:
    """Parameters an analyst would pass: well-connected entities of the right types."""
    from collections import Counter

    deg = Counter()
    for r in kg.relations.values():
        deg[r.subject] += 1
        deg[r.object] += 1

    def top(t, k=1):
        return [e for e, _ in deg.most_common() if kg.entities[e].type == t][:k]

    def mid(t):
        ids = [e for e in deg if kg.entities[e].type == t]
        ids.sort(key=lambda e: deg[e])
        return ids[len(ids) // 2] if ids else None

    fact = next(iter(kg.relations.values())).id
    name = lambda eid: kg.entities[eid].name  # noqa: E731
    return {
        "actor_profile": {"name": name(mid("Firm"))},
        "agreement_parties": {"agreement": name(mid("Agreement"))},
        "agreement_timeline": {"agreement": name(mid("Agreement"))},
        "fact_evidence": {"fact": fact},
        "firms_by_sector": {"sector": name(mid("Sector"))},
        "investments_into_states": {"state": name(top("USState")[0])},
        "most_connected": {"class": "Firm", "limit": 10},
        "multi_document_facts": {"min_docs": 2},
        "paths_between": {"source": name(mid("Firm")), "target": name(top("Country")[0])},
        "policy_authorizations": {},
        "regulators_of": {"target": name(mid("Sector"))},
        "retaliation_pairs": {},
        "sentences_mentioning": {"name": name(mid("Firm"))},
        "shortest_path": {"source": name(mid("Firm")), "target": name(mid("Person"))},
        "state_investment_totals": {},
        "targets_country": {"country": name(mid("Country"))},
        "timeline": {"from_year": 2020, "to_year": 2020, "predicate": "SIGNS"},
    }


def run_timed(fn, budget_s: float, max_runs: int, min_runs: int = 3) -> tuple[list[float], object]:
    """Run fn until max_runs or (after min_runs) budget_s; a run slower than the budget is the last one."""
    times, res, t_start = [], None, time.perf_counter()
    while len(times) < max_runs and (len(times) < min_runs or time.perf_counter() - t_start < budget_s):
        t = time.perf_counter()
        res = fn()
        times.append(time.perf_counter() - t)
        if times[-1] > budget_s:
            break
    return times, res


def _is_timeout(err: Exception) -> bool:
    text = str(err).lower()
    return "timeout" in text or "interrupted" in text


def named_queries(store_path: Path, kg, budget_s: float, max_runs: int, timeout_s: float) -> list[dict]:
    from policygraph.graph.cypher_store import open_store
    from policygraph.queries.catalog import list_queries, run_named

    params = query_params(kg, random.Random(3))
    out = []
    store = open_store(store_path)
    store.conn.set_query_timeout(int(timeout_s * 1000))
    try:
        for q in list_queries():
            p = params.get(q.name, {})
            try:
                times, df = run_timed(lambda: run_named(q.name, store, p), budget_s, max_runs)
                out.append({"query": q.name, "params": p, "p50_s": p50(times), "p90_s": pct(times, 0.9),
                            "runs": len(times), "rows": len(df)})
            except Exception as err:  # a query the engine rejects or stops is reported, not fatal
                if _is_timeout(err):
                    out.append({"query": q.name, "params": p, "timeout_s": timeout_s})
                else:
                    out.append({"query": q.name, "params": p, "error": str(err).splitlines()[0][:200]})
    finally:
        store.close()
    return out


def linkage(store_path: Path, kg, pairs: int, hops: int = 4, seed: int = 9, timeout_s: float = 10) -> dict:
    """4-hop linkage between random pairs of linked actors, by entity id:
      shortest_4hop         shortest_path's pattern (no labels; relationship filter predicate IS NOT NULL)
      shortest_4hop_typed   the same path with the ends' labels and the fact tables named (what `explain`
                            can send: it knows the types)
      paths_4hop_limit25    paths_between's pattern with 4 hops (every acyclic path, 25 shortest)"""
    from policygraph.graph.cypher_store import open_store, run_query

    rnd = random.Random(seed)
    linked = {r.subject for r in kg.relations.values()}
    actors = [e for e in kg.entities.values()
              if e.type in ("Firm", "Country", "Person", "GovernmentBody") and e.id in linked]
    ps = [tuple(rnd.sample(actors, 2)) for _ in range(pairs)]
    facts = "|".join(sorted({r.predicate for r in kg.relations.values()}))
    queries = {
        "shortest_4hop": lambda a, b: (
            f"MATCH (x {{id: $a}}), (y {{id: $b}}) "
            f"MATCH p = (x)-[r* SHORTEST 1..{hops} (e, n | WHERE e.predicate IS NOT NULL)]-(y) "
            "RETURN properties(nodes(p), 'name') AS names, length(p) AS hops"),
        "shortest_4hop_typed": lambda a, b: (
            f"MATCH (x:{a.type} {{id: $a}}), (y:{b.type} {{id: $b}}) "
            f"MATCH p = (x)-[r:{facts}* SHORTEST 1..{hops}]-(y) "
            "RETURN properties(nodes(p), 'name') AS names, length(p) AS hops"),
        "paths_4hop_limit25": lambda a, b: (
            f"MATCH (x {{id: $a}}), (y {{id: $b}}) "
            f"MATCH p = (x)-[r* ACYCLIC 1..{hops} (e, n | WHERE e.predicate IS NOT NULL)]-(y) "
            "RETURN properties(nodes(p), 'name') AS names, length(p) AS hops ORDER BY hops LIMIT 25"),
    }
    res = {}
    store = open_store(store_path)
    store.conn.set_query_timeout(int(timeout_s * 1000))
    try:
        for name, make in queries.items():
            times, found, stopped = [], 0, 0
            for a, b in ps:
                t = time.perf_counter()
                try:
                    df = run_query(store, make(a, b), {"a": a.id, "b": b.id})
                    found += len(df) > 0
                except Exception as err:
                    if not _is_timeout(err):
                        res[name] = {"error": str(err).splitlines()[0][:200]}
                        break
                    stopped += 1
                times.append(time.perf_counter() - t)
                if stopped >= 2 or sum(times) > 4 * timeout_s:  # keep the benchmark bounded
                    break
            if name not in res:
                res[name] = {"pairs": len(times), "linked": found, "timeouts": stopped, "timeout_s": timeout_s,
                             "p50_s": p50(times), "p90_s": pct(times, 0.9)}
    finally:
        store.close()
    return res


def _in_child(fn, timeout_s: float):
    """(seconds, result) of fn() run in a forked child, or (None, None) when it takes longer than timeout_s:
    rdflib cannot be interrupted, so a slow query must not hold the benchmark."""
    import multiprocessing as mp

    ctx = mp.get_context("fork")
    q = ctx.Queue()

    def child():
        t = time.perf_counter()
        r = fn()
        q.put((time.perf_counter() - t, r))

    proc = ctx.Process(target=child)
    proc.start()
    try:
        return q.get(timeout=timeout_s)
    except Exception:
        return None, None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()


def sparql_side(kg, budget_s: float, max_runs: int, timeout_s: float, pairs: int = 10) -> dict:
    """rdflib: build the merged RDF graph in memory, run the SPARQL twins and a 4-hop linkage ASK."""
    from policygraph.graph.rdf import PG, entity_iri, merged_graph
    from policygraph.queries.catalog import list_sparql, run_sparql

    gc.collect()
    rss0 = _rss_mb()
    t0 = time.perf_counter()
    g = merged_graph(kg)
    load = time.perf_counter() - t0
    rss1 = _rss_mb()
    params = query_params(kg, random.Random(3))
    g.query("ASK { ?s ?p ?o }")  # rdflib's SPARQL machinery loaded before timing
    rows = []
    for q in list_sparql():
        p = {k: v for k, v in params.get(q.name, {}).items() if k in {x.name for x in q.params}}
        times, n_rows = [], None
        t_start = time.perf_counter()
        # the first run in a child that can be stopped; once it has finished in time, the rest here
        secs, n_rows = _in_child(lambda: len(run_sparql(q.name, g, p)), timeout_s)
        while secs is not None and len(times) < max_runs and (len(times) < 3 or time.perf_counter() - t_start < budget_s):
            t = time.perf_counter()
            n_rows = len(run_sparql(q.name, g, p))
            times.append(time.perf_counter() - t)
        row = {"query": q.name, "params": p, "runs": len(times), "rows": n_rows}
        if times:
            row.update(p50_s=p50(times), p90_s=pct(times, 0.9))
        else:
            row["timeout_s"] = timeout_s
        rows.append(row)
    # linkage: is b within 4 facts of a (direct triples, either direction)?
    preds = sorted({r.predicate for r in kg.relations.values()})
    step = "(" + "|".join(f"pg:{p}|^pg:{p}" for p in preds) + ")"
    rnd = random.Random(9)
    linked = {r.subject for r in kg.relations.values()}
    actors = [e.id for e in kg.entities.values()
              if e.type in ("Firm", "Country", "Person", "GovernmentBody") and e.id in linked]
    times, found = [], 0
    for _ in range(pairs):
        a, b = rnd.sample(actors, 2)
        q = f"ASK {{ <{entity_iri(a)}> {step}/{step}?/{step}?/{step}? <{entity_iri(b)}> }}"
        t = time.perf_counter()
        found += bool(g.query(q, initNs={"pg": PG}).askAnswer)
        times.append(time.perf_counter() - t)
        if sum(times) > 4 * timeout_s:
            break
    return {"triples": len(g), "load_s": load, "rss_growth_mb": rss1 - rss0, "queries": rows,
            "linkage_ask_4hop": {"pairs": len(times), "linked": found, "p50_s": p50(times), "p90_s": pct(times, 0.9)}}


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


# ------------------------------------------------------------------------------------------------------------
def store_at(n_facts: int, work: Path, args, with_upserts: bool) -> dict:
    t0 = time.perf_counter()
    kg = typed_graph(n_facts, args.seed)
    made = time.perf_counter() - t0
    print(f"  {n_facts:,} facts: graph made in {made:.1f} s ({len(kg.entities):,} entities)", file=sys.stderr,
          flush=True)
    path = work / f"store-{n_facts}.lbug"
    res = {"facts_requested": n_facts, "graph_made_s": made}
    res["load"] = write_project_store(kg, path)
    print(f"  write_store {res['load']['write_store_s']:.1f} s", file=sys.stderr, flush=True)
    res["named_queries"] = named_queries(path, kg, args.budget, args.runs, args.timeout)
    res["linkage"] = linkage(path, kg, args.pairs, timeout_s=args.timeout)
    if with_upserts:
        res["upserts"] = upserts(path, kg, args.upserts, args.batch)
    return res, kg


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--facts", type=int, default=300_000,
                    help="facts in the build-schema store (300k facts ~ 1M relationships with HAS_SENTENCE, MENTIONS)")
    ap.add_argument("--engine-facts", type=int, default=1_000_000,
                    help="facts COPYed into LadybugDB alone (one node, one relationship table)")
    ap.add_argument("--rdf-facts", type=int, default=10_000, help="facts for the rdflib comparison (0: skip)")
    ap.add_argument("--upserts", type=int, default=20_000)
    ap.add_argument("--batch", type=int, default=2_000)
    ap.add_argument("--pairs", type=int, default=20, help="random pairs for the linkage queries")
    ap.add_argument("--runs", type=int, default=20, help="at most this many runs of each query")
    ap.add_argument("--budget", type=float, default=4.0, help="seconds per query before stopping (>= 3 runs)")
    ap.add_argument("--timeout", type=float, default=10.0, help="seconds before a query is stopped")
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args(argv)
    work = WORK / "store"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    out = {}
    try:
        if args.rdf_facts:
            print(f"side by side at {args.rdf_facts:,} facts ...", file=sys.stderr, flush=True)
            small, kg = store_at(args.rdf_facts, work, args, with_upserts=False)
            small["rdflib"] = sparql_side(kg, args.budget, args.runs, args.timeout)
            out["small"] = small
            del kg
            gc.collect()
        if args.facts:
            print(f"LadybugDB through write_store at {args.facts:,} facts ...", file=sys.stderr, flush=True)
            big, kg = store_at(args.facts, work, args, with_upserts=True)
            out["big"] = big
            del kg
            gc.collect()
        if args.engine_facts:
            print(f"LadybugDB alone (COPY from CSV) at {args.engine_facts:,} facts ...", file=sys.stderr, flush=True)
            out["engine"] = engine_at(args.engine_facts, work, args.pairs, args.seed, args.timeout)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(out)
    save("store", out)
    return 0


def report(out: dict) -> None:
    e = out.get("engine")
    if e:
        sh = e["shortest_4hop"]
        print(f"\nLadybugDB alone, {e['facts']:,} facts between {e['entities']:,} entities (one node, one rel table):")
        print(f"  COPY from CSV: {fmt_s(e['rels_s'])} = {e['rels_per_s']:,.0f} rels/s "
              f"({e['rels_per_s_incl_checkpoint']:,.0f} with the checkpoint of {fmt_s(e['checkpoint_s'])})")
        print(f"  4-hop shortest path p50 {fmt_s(sh['p50_s'])}, p90 {fmt_s(sh['p90_s'])} ({sh['linked']}/{sh['pairs']} "
              f"linked); one entity's facts p50 {fmt_s(e['entity_facts']['p50_s'])}")
    for key in ("big", "small"):
        r = out.get(key)
        if not r:
            continue
        ld = r["load"]
        print(f"\nLadybugDB, {ld['facts']:,} facts ({ld['relationships']:,} relationships with HAS_SENTENCE and "
              f"MENTIONS; {ld['entities']:,} entities, {ld['sentences']:,} sentences):")
        print(f"  write_store {fmt_s(ld['write_store_s'])} = {ld['rels_per_s_end_to_end']:,.0f} rels/s end to end; "
              f"its COPYs {fmt_s(ld['copy_s'])} = {ld['rels_per_s_copy']:,.0f} rels/s")
        if "upserts" in r:
            u = r["upserts"]
            print(f"  upserts of {u['upserts']:,} facts (half new), batches of {u['batch']:,}: MERGE "
                  f"{u['merge']['rels_per_s']:,.0f} rels/s; lookup + SET + COPY append {u['split']['rels_per_s']:,.0f} rels/s")
        rows = []
        rd = {q["query"]: q for q in r.get("rdflib", {}).get("queries", [])}
        for q in r["named_queries"]:
            s = rd.get(q["query"])
            sp = ["", ""]
            if s:
                sp = [fmt_s(s["p50_s"]) if "p50_s" in s else f"> {s['timeout_s']:.0f} s (stopped)",
                      s["rows"] if s["rows"] is not None else ""]
            if "error" in q:
                rows.append([q["query"], "error: " + q["error"][:50], "", ""] + sp)
            elif "timeout_s" in q:
                rows.append([q["query"], f"> {q['timeout_s']:.0f} s (stopped)", "", ""] + sp)
            else:
                rows.append([q["query"], fmt_s(q["p50_s"]), fmt_s(q["p90_s"]), q["rows"]] + sp)
        for name, l in r["linkage"].items():
            if "error" in l:
                rows.append([f"linkage: {name}", "error: " + l["error"][:50], "", "", "", ""])
            else:
                ask = r.get("rdflib", {}).get("linkage_ask_4hop") if name == "shortest_4hop" else None
                stopped = f", {l['timeouts']} stopped at {l['timeout_s']:.0f} s" if l["timeouts"] else ""
                rows.append([f"linkage: {name}", fmt_s(l["p50_s"]), fmt_s(l["p90_s"]),
                             f"{l['linked']}/{l['pairs']} linked{stopped}",
                             fmt_s(ask["p50_s"]) + " (ASK)" if ask else "", f"{ask['linked']}/{ask['pairs']}" if ask else ""])
        print(table(rows, ["query", "p50", "p90", "rows", "rdflib SPARQL p50", "SPARQL rows"]))
        if "rdflib" in r:
            s = r["rdflib"]
            print(f"  rdflib: {s['triples']:,} triples built in {fmt_s(s['load_s'])}, +{s['rss_growth_mb']:.0f} MB peak RSS")


if __name__ == "__main__":
    sys.exit(main())
