"""Run every benchmark, then print (and write to bench/results/summary.md) one table of the figures.

    python bench/run_all.py            # everything: ~12-15 min on a 2-core machine
    python bench/run_all.py --quick    # smaller sizes (10/100 documents, 100k facts): ~4 min, to try it out;
                                       # its figures go to bench/.work/results-quick/, not over bench/results/
    python bench/run_all.py --only build store
    python bench/run_all.py --summary  # only re-print the table from bench/results/*.json

Each step is its own process (bench/bench_extract.py, bench_build.py, bench_store.py, bench_view.py) and
writes bench/results/<step>.json; generated corpora and builds go to bench/.work/ (git-ignored).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import common  # noqa: E402
from common import BENCH, WORK, fmt_s, load, machine, save, table  # noqa: E402

STEPS = {
    "extract": (["bench_extract.py", "--docs", "50", "--runs", "2", "--profile"], ["bench_extract.py", "--docs", "30", "--profile"]),
    "build": (["bench_build.py", "--profile"], ["bench_build.py", "--sizes", "10", "100", "--cold-runs", "1",
                                                 "--profile"]),
    "store": (["bench_store.py"], ["bench_store.py", "--facts", "30000", "--engine-facts", "200000", "--rdf-facts",
                                   "3000", "--upserts", "5000"]),
    "view": (["bench_view.py", "--runs", "3"], ["bench_view.py", "--runs", "1"]),
}


def ok(value: float, goal: float, smaller_is_better: bool = True) -> str:
    if value != value:
        return ""
    return "yes" if (value <= goal if smaller_is_better else value >= goal) else "no"


def summary() -> str:
    rows: list[list] = []
    for name, make in (("extract", _extract_rows), ("build", _build_rows), ("store", _store_rows),
                       ("view", _view_rows)):
        figures = load(name)
        if figures:
            rows += make(figures)
    return table(rows, ["figure", "details", "result", "goal", "met"])


def _extract_rows(ex: dict) -> list[list]:
    """The summary rows of extraction speed."""
    rows: list[list] = []
    for c in ex["corpora"]:
        rows.append([f"extraction, {c['corpus']}",
                     f"{c['sentences_per_s']:.0f} sentences/s, {c['words_per_s']:,.0f} words/s; bare nlp.pipe "
                     f"{c['bare_words_per_s']:,.0f} words/s",
                     f"{c['ratio_extractor_to_bare']:.2f}x bare (paired median "
                     f"{c.get('ratio_paired_median', c['ratio_extractor_to_bare']):.2f}x)",
                     "<= 1.5x", ok(max(c["ratio_extractor_to_bare"], c.get("ratio_paired_median", 0.0)), 1.5)])
    return rows


def _build_rows(bu: dict) -> list[list]:
    """The summary rows of builds."""
    rows: list[list] = []
    cold = bu.get("cold_cli", {})
    if "median_s" in cold:
        stages = ", ".join(f"{k} {v:.1f}" for k, v in cold["stages"].items())
        rows.append(["cold CLI build, real 2 docs (view incl.)", f"median of {cold['runs']}; stages (s): {stages}",
                     fmt_s(cold["median_s"]), "<= 3 s", ok(cold["median_s"], 3.0)])
    w = cold.get("warm_rebuild")
    if w:
        rows.append(["CLI rebuild of the 2 docs over the previous build",
                     f"per-document extraction cache {'used' if w['cache_used'] else 'not used'}; median of {w['runs']}",
                     fmt_s(w["median_s"]), "<= 3 s", ok(w["median_s"], 3.0)])
    for b in bu.get("builds", []):
        rec = b["recall"]
        rows.append([f"build, {b['documents']} synthetic docs",
                     f"{b['words']:,} words, peak RSS {b['peak_rss_mb']:.0f} MB, {b['docs_per_s']:.1f} docs/s; "
                     f"recall of planted facts {rec['recall']:.1%} ({rec['found']}/{rec['planted']})"
                     + (" [py-spy attached]" if b.get("profiled") else ""),
                     fmt_s(b["wall_s"]), "", ""])
    sc = bu.get("scaling")
    if sc:
        rows.append(["scaling 100 -> 1000 docs", f"x{sc['words_ratio']:.1f} words; extraction "
                     f"x{sc['extract_ratio']:.1f}, the rest x{sc['non_extract_ratio']:.1f}",
                     f"x{sc['wall_ratio_1000_over_100']:.1f}", "~x10 (linear)",
                     ok(sc["wall_ratio_1000_over_100"], 12.0)])
    return rows


def _store_rows(st: dict) -> list[list]:
    """The summary rows of the stores and linkage."""
    rows: list[list] = []
    big = st.get("big")
    if big:
        ld = big["load"]
        rows.append([f"store bulk load, write_store, {ld['facts']:,} facts = {ld['relationships']:,} rels",
                     f"{ld['relationships']:,} rels (facts + HAS_SENTENCE + MENTIONS) in {fmt_s(ld['write_store_s'])}; "
                     f"its COPYs alone {ld['rels_per_s_copy']:,.0f} rels/s",
                     f"{ld['rels_per_s_end_to_end']:,.0f} rels/s", ">= 400k rels/s",
                     ok(ld["rels_per_s_end_to_end"], 400_000, False)])
        if "upserts" in big:
            u = big["upserts"]
            rows.append([f"store upserts, batches of {u['batch']:,}",
                         f"{u['upserts']:,} facts, half new; MERGE {u['merge']['rels_per_s']:,.0f} rels/s, "
                         f"lookup + SET + COPY append {u['split']['rels_per_s']:,.0f} rels/s",
                         f"{u['rels_per_s']:,.0f} rels/s ({u['best']})", ">= 20k rels/s",
                         ok(u["rels_per_s"], 20_000, False)])
        qs = [q for q in big["named_queries"] if "p50_s" in q]
        slow = [q["query"] for q in big["named_queries"] if "timeout_s" in q]
        if qs:
            worst = max(qs, key=lambda q: q["p50_s"])
            rows.append([f"named queries, {ld['facts']:,} facts",
                         f"{len(qs)} of {len(big['named_queries'])} answered; median of their p50s "
                         f"{fmt_s(sorted(q['p50_s'] for q in qs)[len(qs) // 2])}; slowest {worst['query']} "
                         f"{fmt_s(worst['p50_s'])}" + (f"; stopped: {', '.join(slow)}" if slow else ""),
                         "", "", ""])
        for name, l in big["linkage"].items():
            if "p50_s" in l:
                rows.append([f"linkage {name}, {ld['facts']:,} facts",
                             f"p90 {fmt_s(l['p90_s'])}; {l['linked']}/{l['pairs']} pairs linked"
                             + (f", {l['timeouts']} stopped at {l['timeout_s']:.0f} s" if l["timeouts"] else ""),
                             fmt_s(l["p50_s"]) + " p50", "<= 50 ms" if "shortest" in name else "",
                             ok(l["p50_s"], 0.05) if "shortest" in name else ""])
    e = st.get("engine")
    if e:
        sh = e["shortest_4hop"]
        rows.append([f"LadybugDB alone: COPY from CSV, {e['facts']:,} rels", f"one node + one rel table, "
                     f"{e['entities']:,} entities; checkpoint {fmt_s(e['checkpoint_s'])}",
                     f"{e['rels_per_s']:,.0f} rels/s", ">= 400k rels/s", ok(e["rels_per_s"], 400_000, False)])
        rows.append([f"LadybugDB alone: 4-hop shortest path, {e['facts']:,} rels",
                     f"p90 {fmt_s(sh['p90_s'])}; {sh['linked']}/{sh['pairs']} pairs linked; one entity's facts p50 "
                     f"{fmt_s(e['entity_facts']['p50_s'])}", fmt_s(sh["p50_s"]) + " p50", "<= 50 ms",
                     ok(sh["p50_s"], 0.05)])
    small = st.get("small")
    if small and "rdflib" in small:
        s = small["rdflib"]
        pairs = []
        cy = {q["query"]: q for q in small["named_queries"]}
        for q in s["queries"]:
            c = cy.get(q["query"], {})
            sp = fmt_s(q["p50_s"]) if "p50_s" in q else f">{q['timeout_s']:.0f} s"
            pairs.append(f"{q['query']} {fmt_s(c.get('p50_s', float('nan')))} vs {sp}")
        ask = s["linkage_ask_4hop"]
        sh = small["linkage"].get("shortest_4hop", {})
        pairs.append(f"4-hop linkage {fmt_s(sh.get('p50_s', float('nan')))} vs {fmt_s(ask['p50_s'])} (ASK)")
        rows.append([f"LadybugDB vs rdflib SPARQL, {small['load']['facts']:,} facts ({s['triples']:,} triples)",
                     "; ".join(pairs), "", "", ""])
    return rows


def _view_rows(vi: dict) -> list[list]:
    """The summary rows of the view."""
    rows: list[list] = []
    m = vi["median"]
    rows.append([f"view, {vi['nodes']:,} nodes / {vi['edges']:,} edges, headless Chromium",
                 f"render (Python) {fmt_s(vi['render_s'])}, {vi['html_mb']:.1f} MB; click {fmt_s(m['click'])}, "
                 f"search {fmt_s(m['search'])}, filter {fmt_s(m['filter'])}", fmt_s(m["interactive"]) + " to interactive",
                 "<= 3 s", ok(m["interactive"], 3.0)])
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="smaller sizes, to try the suite out")
    ap.add_argument("--only", nargs="*", choices=list(STEPS), help="run only these steps")
    ap.add_argument("--summary", action="store_true", help="only print the table from bench/results/")
    ap.add_argument("--results", type=Path, metavar="DIR",
                    help="where the figures go (default: bench/results/; with --quick: bench/.work/results-quick/)")
    args = ap.parse_args(argv)
    # a quick run's figures never replace the committed ones unless asked with --results
    results = args.results or (WORK / "results-quick" if args.quick else common.RESULTS)
    common.RESULTS = Path(results)
    os.environ["POLICYGRAPH_BENCH_RESULTS"] = str(common.RESULTS)  # for the step scripts
    if not args.summary:
        info = machine()
        print(f"machine: {info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB; Python {info['python']}; "
              f"load average at start {info['load_avg_at_start']}", flush=True)
        t_all = time.perf_counter()
        took = {}
        for name in args.only or STEPS:
            cmd = [sys.executable, str(BENCH / STEPS[name][1 if args.quick else 0][0])] + STEPS[name][1 if args.quick else 0][1:]
            print(f"\n=== {name}: {' '.join(Path(c).name if i < 2 else c for i, c in enumerate(cmd))}", flush=True)
            t = time.perf_counter()
            rc = subprocess.call(cmd)
            took[name] = round(time.perf_counter() - t, 1)
            if rc != 0:
                print(f"=== {name} failed (exit {rc})", flush=True)
        info["load_avg_at_end"] = [round(x, 2) for x in __import__("os").getloadavg()]
        if args.only:  # the other steps' figures stay from the last run: keep their times too
            took = {**((load("machine") or {}).get("step_seconds") or {}), **took}
            info["partial_rerun"] = args.only
        save("machine", {**info, "quick": args.quick, "step_seconds": took,
                         "total_seconds": round(sum(took.values()), 1)})
        print(f"\nall steps: {time.perf_counter() - t_all:.0f} s ({json.dumps(took)})")
    text = summary()
    m = load("machine") or {}
    head = (f"Machine: {m.get('cpu', '?')}, {m.get('cores', '?')} cores, {m.get('memory_gb', '?')} GB, Python "
            f"{m.get('python', '?')}; run {m.get('recorded_at', '?')}{' (--quick)' if m.get('quick') else ''}, "
            f"{m.get('total_seconds', '?')} s in all"
            f"{' (steps rerun last: ' + ', '.join(m['partial_rerun']) + ')' if m.get('partial_rerun') else ''}; load average {m.get('load_avg_at_start')} at start, "
            f"{m.get('load_avg_at_end')} at the end.")
    common.RESULTS.mkdir(parents=True, exist_ok=True)
    (common.RESULTS / "summary.md").write_text(head + "\n\n" + text + "\n", encoding="utf-8")
    print(f"(figures in {common.RESULTS})")
    print("\n" + head + "\n\n" + text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
