"""Measure the path engines for `policygraph explain`: networkx over the in-memory graph vs the embedded
LadybugDB store, on a synthetic graph. Prints load time, memory and median query times.

    python bench/bench_paths.py                          # 100,000 nodes, 1,000,000 relationships (~2 min)
    python bench/bench_paths.py --nodes 500 --edges 1500 # corpus-sized
    python bench/bench_paths.py --no-store               # networkx only

Workloads, each over the same random pairs: one shortest path of at most 4 hops (both engines), the k=5
best typed paths as `explain` computes them (networkx: queries.linkage.find_paths, Yen's algorithm), and all
shortest paths (store: `ALL SHORTEST`, the nearest it has to k paths in one query). The store is loaded the
fastest way it has (COPY from CSV) into a schema like the build's: one Entity node table, one relation
table with predicate, id and confidence.
"""
from __future__ import annotations

import argparse
import csv
import gc
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

try:
    from policygraph.graph.model import Entity, Evidence, KnowledgeGraph, Relation
    from policygraph.queries import linkage
except ImportError:  # run from a checkout without installing
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from policygraph.graph.model import Entity, Evidence, KnowledgeGraph, Relation
    from policygraph.queries import linkage

PREDICATES = ["INVESTS_IN", "PARTNERS_WITH", "REGULATES", "TARGETS", "IMPOSES", "PARTY_TO", "LOCATED_IN",
              "EXPORTS_TO", "COOPERATES_WITH", "OPERATES_IN"]


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def synthetic(n: int, m: int, seed: int) -> KnowledgeGraph:
    rnd = random.Random(seed)
    kg = KnowledgeGraph()
    for i in range(n):
        kg.add_entity(Entity(f"firm/e{i}", f"Entity {i}", "Firm", {f"Entity {i}"}, {"d0"}))
    ev = [Evidence("d0", 0, 10, "a quote")]
    while len(kg.relations) < m:
        s, o = rnd.randrange(n), rnd.randrange(n)
        if s == o:
            continue
        kg.add_relation(Relation(f"firm/e{s}", rnd.choice(PREDICATES), f"firm/e{o}", {}, round(rnd.random(), 3), ev))
    return kg


def med_ms(times: list[float]) -> str:
    return f"{statistics.median(times) * 1000:.2f} ms (p90 {sorted(times)[int(len(times) * .9) - 1] * 1000:.2f})"


def bench_networkx(kg, pairs, hops):
    import networkx as nx

    gc.collect()
    m0, t0 = rss_mb(), time.perf_counter()
    g = linkage.nx_graph(kg)
    load, mem = time.perf_counter() - t0, rss_mb() - m0
    one, kpaths, found = [], [], 0
    for a, b in pairs:
        t = time.perf_counter()
        try:
            p = nx.shortest_path(g, a, b)
            found += len(p) - 1 <= hops
        except nx.NetworkXNoPath:
            pass
        one.append(time.perf_counter() - t)
        t = time.perf_counter()
        linkage.find_paths(kg, a, b, max_hops=hops, k=5)
        kpaths.append(time.perf_counter() - t)
    return {"load": load, "mem": mem, "one": one, "k5": kpaths, "found": found}


def bench_store(kg, pairs, hops, workdir: Path):
    import ladybug

    nodes_csv, rels_csv = workdir / "nodes.csv", workdir / "rels.csv"
    with open(nodes_csv, "w", newline="") as fh:
        w = csv.writer(fh)
        for e in kg.entities.values():
            w.writerow([e.id, e.name, e.type])
    with open(rels_csv, "w", newline="") as fh:
        w = csv.writer(fh)
        for r in kg.relations.values():
            w.writerow([r.subject, r.object, r.predicate, r.id, r.confidence])
    t0 = time.perf_counter()
    db = ladybug.Database(str(workdir / "graph.lbug"))
    conn = ladybug.Connection(db)
    conn.execute("CREATE NODE TABLE Entity(id STRING PRIMARY KEY, name STRING, type STRING)")
    conn.execute("CREATE REL TABLE REL(FROM Entity TO Entity, predicate STRING, rid STRING, confidence DOUBLE)")
    conn.execute(f"COPY Entity FROM '{nodes_csv}' (header=false)")
    conn.execute(f"COPY REL FROM '{rels_csv}' (header=false)")
    load = time.perf_counter() - t0
    del conn, db
    gc.collect()
    t0 = time.perf_counter()  # what a command pays before its first query: opening the store on disk
    db = ladybug.Database(str(workdir / "graph.lbug"), read_only=True)
    conn = ladybug.Connection(db)
    conn.execute("MATCH (a:Entity {id: $a}) RETURN a.name", {"a": pairs[0][0]}).get_all()
    opened = time.perf_counter() - t0
    q_one = (f"MATCH p = (a:Entity {{id: $a}})-[r:REL* SHORTEST 1..{hops}]-(b:Entity {{id: $b}}) "
             "RETURN properties(rels(p), 'rid')")
    q_all = (f"MATCH p = (a:Entity {{id: $a}})-[r:REL* ALL SHORTEST 1..{hops}]-(b:Entity {{id: $b}}) "
             "RETURN properties(rels(p), 'rid')")
    one, alls, found = [], [], 0
    for a, b in pairs:
        t = time.perf_counter()
        res = conn.execute(q_one, {"a": a, "b": b})
        rows = res.get_all()
        one.append(time.perf_counter() - t)
        found += bool(rows)
        t = time.perf_counter()
        conn.execute(q_all, {"a": a, "b": b}).get_all()
        alls.append(time.perf_counter() - t)
    return {"load": load, "open": opened, "one": one, "all": alls, "found": found}


def bench_project_store(kg, pairs, hops, workdir: Path):
    """The build's own store (graph/cypher_store.py: a node table per entity type, a relation table per
    predicate), written by write_store and queried through its connection."""
    from policygraph.graph.cypher_store import open_store, write_store

    t0 = time.perf_counter()
    write_store(kg, workdir / "graph.lbug")
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    store = open_store(workdir / "graph.lbug")
    opened = time.perf_counter() - t0
    # only the fact tables: the store also links entities through Sentence nodes (MENTIONS)
    preds = "|".join(sorted({r.predicate for r in kg.relations.values()}))
    q = f"MATCH p = (a:Firm {{id: $a}})-[:{preds}* SHORTEST 1..{hops}]-(b:Firm {{id: $b}}) RETURN length(p)"
    one, found = [], 0
    try:
        for a, b in pairs:
            t = time.perf_counter()
            found += bool(store.conn.execute(q, {"a": a, "b": b}).get_all())
            one.append(time.perf_counter() - t)
    finally:
        store.close()
    return {"load": load, "open": opened, "one": one, "found": found}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--edges", type=int, default=1_000_000)
    ap.add_argument("--pairs", type=int, default=50)
    ap.add_argument("--hops", type=int, default=4)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--no-store", action="store_true", help="skip the LadybugDB stores")
    ap.add_argument("--no-project-store", action="store_true",
                    help="skip the build's own store (graph/cypher_store.py), measured when it can be written")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    kg = synthetic(args.nodes, args.edges, args.seed)
    print(f"synthetic graph: {len(kg.entities):,} nodes, {len(kg.relations):,} relationships "
          f"(made in {time.perf_counter() - t0:.1f} s); {args.pairs} random pairs, paths of <= {args.hops} hops")
    rnd = random.Random(args.seed + 1)
    ids = list(kg.entities)
    pairs = [tuple(rnd.sample(ids, 2)) for _ in range(args.pairs)]

    nxr = bench_networkx(kg, pairs, args.hops)
    print(f"networkx   load {nxr['load']:.2f} s, +{nxr['mem']:.0f} MB RSS; pairs linked: {nxr['found']}/{len(pairs)}")
    print(f"           one shortest path  median {med_ms(nxr['one'])}")
    print(f"           k=5 typed paths    median {med_ms(nxr['k5'])}   (linkage.find_paths, what explain runs)")
    if args.no_store:
        return 0
    try:
        import ladybug  # noqa: F401
    except ImportError:
        print("store      skipped: the ladybug package is not installed")
        return 0
    work = Path(tempfile.mkdtemp(prefix="bench-paths-"))
    try:
        st = bench_store(kg, pairs, args.hops, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"LadybugDB  load {st['load']:.2f} s (COPY from CSV, on disk); open + first lookup {st['open'] * 1000:.0f} ms; "
          f"pairs linked: {st['found']}/{len(pairs)}")
    print(f"           one shortest path  median {med_ms(st['one'])}")
    print(f"           all shortest paths median {med_ms(st['all'])}")
    ratio = statistics.median(st["one"]) / max(statistics.median(nxr["one"]), 1e-9)
    print(f"one shortest path: networkx is {ratio:.0f}x faster once loaded")
    if args.no_project_store:
        return 0
    work = Path(tempfile.mkdtemp(prefix="bench-paths-"))
    try:
        ps = bench_project_store(kg, pairs, args.hops, work)
    except ImportError as err:
        print(f"build store skipped: {err}")
        return 0
    except Exception as err:  # the store module is optional and still changing: report, do not fail
        print(f"build store skipped: {type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"build store (graph/cypher_store.py) write {ps['load']:.2f} s; open {ps['open'] * 1000:.0f} ms; "
          f"pairs linked: {ps['found']}/{len(pairs)}")
    print(f"           one shortest path  median {med_ms(ps['one'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
