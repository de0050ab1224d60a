"""End-to-end builds: time, peak memory and recall of planted facts at 10, 100 and 1,000 synthetic documents,
the cold CLI time of the real two-document corpus (view included), and SHACL validation alone of a made-up
graph of realistic size (300 entities, 400 relations; it had a ~2 s budget).

    python bench/bench_build.py                         # sizes 10 100 1000, cold CLI x3, SHACL x3
    python bench/bench_build.py --sizes 10 100 --cold-runs 1
    POLICYGRAPH_BENCH_RESULTS=/tmp/b python bench/bench_build.py --sizes --cold-runs 0   # only the SHACL figure
    python bench/bench_build.py --profile               # py-spy attached to the 2-doc and largest builds

Every build is the real command, `python -m policygraph.cli build DIR --out OUT` in a fresh process (so each
figure includes interpreter start, imports and loading the spaCy model), timed from outside; its peak RSS is
that process's own (os.wait4). Stage times come from the build's progress lines. With --profile, py-spy
samples the build from outside (non-blocking, 50 Hz; it costs the build a few percent) and the figures of
that run are marked profiled.
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1] / "tests"))  # the synthetic graph the tests use too
import profiling  # noqa: E402
from common import (CORPUS, WORK, ensure_importable, fmt_s, run_with_rusage, save, stage_times,  # noqa: E402
                    table)

ensure_importable()


def build_cmd(src: Path, out: Path) -> list[str]:
    return [sys.executable, "-m", "policygraph.cli", "build", str(src), "--out", str(out)]


def one_build(src: Path, out: Path, profile_to: Path | None = None, warm: bool = False) -> dict:
    """A cold build: the output directory (and so any per-document cache in it) is removed first; with
    warm=True the previous build stays, so documents whose cache entry is valid are not extracted again."""
    if not warm:
        shutil.rmtree(out, ignore_errors=True)
    err = out.with_name(out.name + ".progress.txt")
    on_start = (lambda pid: profiling.attach(pid, profile_to)) if profile_to else None
    res = run_with_rusage(build_cmd(src, out), stdout_path=None, stderr_path=err, on_start=on_start)
    text = err.read_text(encoding="utf-8", errors="replace")
    if res["rc"] != 0:
        raise SystemExit(f"build of {src} failed ({res['rc']}): {text[-2000:]}")
    res["stages"] = stage_times(text)
    res["profiled"] = bool(profile_to)
    if profile_to and Path(profile_to).exists():
        res["profile"] = profiling.summarise(profile_to)
    return res


def counts(out: Path) -> dict:
    n_ent = n_rel = 0
    with open(out / "facts.jsonl", encoding="utf-8") as fh:
        for line in fh:
            n_ent += '"kind": "entity"' in line[:30]
            n_rel += '"kind": "relation"' in line[:30]
    n_sent = sum(1 for _ in open(out / "sentences.jsonl", encoding="utf-8"))
    return {"entities": n_ent, "relations": n_rel, "sentences": n_sent}


def synthetic_builds(sizes, seed: int, profile_largest: bool) -> list[dict]:
    from gen_corpus import Vocabulary, generate
    from recall import recall

    vocab = Vocabulary(seed)
    rows = []
    for n in sizes:
        corpus, out = WORK / f"corpus-{n}", WORK / f"build-{n}"
        t0 = time.perf_counter()
        gen = generate(n, corpus, seed, vocab)
        gen_s = time.perf_counter() - t0
        prof = WORK / f"profile-{n}.txt" if (profile_largest and n == max(sizes) and profiling.available()) else None
        print(f"building {n} documents ({gen['words']:,} words){' with py-spy' if prof else ''} ...",
              file=sys.stderr, flush=True)
        res = one_build(corpus / "docs", out, prof)
        res.update(documents=n, words=gen["words"], generate_s=gen_s, **counts(out))
        res["recall"] = recall(out / "facts.jsonl", corpus / "planted.jsonl")
        res["docs_per_s"] = n / res["wall_s"]
        res["words_per_s"] = gen["words"] / res["wall_s"]
        rows.append(res)
    return rows


def cold_cli(runs: int, profile: bool) -> dict:
    if not CORPUS.exists():
        return {"skipped": f"no corpus at {CORPUS}"}
    out = WORK / "build-real"
    walls, rss, stages = [], [], []
    for _ in range(runs):
        r = one_build(CORPUS, out)
        walls.append(r["wall_s"])
        rss.append(r["peak_rss_mb"])
        stages.append(r["stages"])
    res = {"runs": runs, "wall_s": walls, "median_s": statistics.median(walls), "peak_rss_mb": max(rss),
           "stages": {k: round(statistics.median(s.get(k, 0) for s in stages), 3) for k in stages[0]},
           "goal_s": 3.0, **counts(out)}
    warm = [one_build(CORPUS, out, warm=True) for _ in range(runs)]
    text = (out.with_name(out.name + ".progress.txt")).read_text(encoding="utf-8", errors="replace")
    res["warm_rebuild"] = {"median_s": statistics.median(r["wall_s"] for r in warm), "runs": runs,
                           "stages": warm[-1]["stages"], "cache_used": "cached extraction" in text}
    if profile and profiling.available():
        r = one_build(CORPUS, out, WORK / "profile-real.txt")
        res["profiled_wall_s"] = r["wall_s"]
        res["profile"] = r["profile"]
    return res


def shacl_alone(runs: int, n_entities: int = 300, n_relations: int = 400) -> dict:
    """SHACL validation of a realistic graph in this process, shapes already loaded (the first call loads
    them and is not counted)."""
    from policygraph.graph.validate import validate

    from graph_fixtures import realistic_kg

    kg = realistic_kg(n_entities, n_relations)
    validate(realistic_kg(20, 20))  # load and cache the shapes
    walls, conforms = [], True
    for _ in range(runs):
        t0 = time.perf_counter()
        report = validate(kg)
        walls.append(time.perf_counter() - t0)
        conforms = conforms and report.conforms
    return {"entities": len(kg.entities), "relations": len(kg.relations), "runs": runs, "wall_s": walls,
            "median_s": statistics.median(walls), "conforms": conforms, "goal_s": 2.0}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="*", default=[10, 100, 1000])
    ap.add_argument("--cold-runs", type=int, default=3)
    ap.add_argument("--profile", action="store_true", help="py-spy on the real build and the largest one")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--shacl-runs", type=int, default=3, help="SHACL validation alone of a realistic graph (0: skip)")
    args = ap.parse_args(argv)
    if args.profile and not profiling.available():
        print("bench_build: py-spy not found (pip install -e '.[bench]'); no profiles", file=sys.stderr)
    WORK.mkdir(parents=True, exist_ok=True)
    cold = cold_cli(args.cold_runs, args.profile) if args.cold_runs else {"skipped": "--cold-runs 0"}
    builds = synthetic_builds(args.sizes, args.seed, args.profile) if args.sizes else []
    shacl = shacl_alone(args.shacl_runs) if args.shacl_runs else {"skipped": "--shacl-runs 0"}

    if "median_s" in cold:
        st = ", ".join(f"{k} {v:.2f}" for k, v in cold["stages"].items())
        print(f"cold CLI build of the real corpus (2 docs, view included): median {cold['median_s']:.2f} s of "
              f"{cold['runs']} (goal <= 3 s), peak RSS {cold['peak_rss_mb']:.0f} MB\n  stages (s): {st}")
        w = cold["warm_rebuild"]
        print(f"rebuild over the previous build (per-document cache {'used' if w['cache_used'] else 'not used'}): "
              f"median {w['median_s']:.2f} s")
    if "median_s" in shacl:
        print(f"SHACL validation alone, {shacl['entities']} entities / {shacl['relations']} relations (shapes "
              f"loaded): median {fmt_s(shacl['median_s'])} of {shacl['runs']} (goal <= 2 s)"
              + ("" if shacl["conforms"] else "; the graph did NOT conform"))
    rows = []
    for b in builds:
        st = b["stages"]
        rows.append([b["documents"], f"{b['words']:,}", b["sentences"], fmt_s(b["wall_s"]) + (" *" if b["profiled"] else ""),
                     f"{b['peak_rss_mb']:.0f} MB", f"{b['docs_per_s']:.1f}", f"{b['words_per_s']:.0f}",
                     fmt_s(st.get("extract", float("nan"))), fmt_s(st.get("validate", float("nan"))),
                     fmt_s(st.get("facts+rdf", float("nan"))), fmt_s(st.get("store", float("nan"))),
                     fmt_s(st.get("view", float("nan"))), f"{b['recall']['recall']:.1%}",
                     f"{b['recall']['found']}/{b['recall']['planted']}"])
    if rows:
        print(table(rows, ["docs", "words", "sentences", "build", "peak RSS", "docs/s", "words/s", "extract",
                           "SHACL", "facts+RDF", "store", "view", "recall", "planted found"]))
        if any(b["profiled"] for b in builds):
            print("* py-spy attached (non-blocking, 50 Hz)")
    scaling = None
    by_n = {b["documents"]: b for b in builds}
    if 100 in by_n and 1000 in by_n:
        scaling = {
            "wall_ratio_1000_over_100": by_n[1000]["wall_s"] / by_n[100]["wall_s"],
            "words_ratio": by_n[1000]["words"] / by_n[100]["words"],
            "extract_ratio": by_n[1000]["stages"].get("extract", 0) / max(1e-9, by_n[100]["stages"].get("extract", 0)),
            "non_extract_ratio": ((by_n[1000]["wall_s"] - by_n[1000]["stages"].get("extract", 0))
                                  / max(1e-9, by_n[100]["wall_s"] - by_n[100]["stages"].get("extract", 0))),
        }
        print(f"scaling 100 -> 1000 documents: build time x{scaling['wall_ratio_1000_over_100']:.1f} for "
              f"x{scaling['words_ratio']:.1f} the words (extraction x{scaling['extract_ratio']:.1f}, "
              f"everything else x{scaling['non_extract_ratio']:.1f}); 10.0 is linear")
    for b in builds:
        if b.get("profile"):
            print(f"profile of the {b['documents']}-document build, by stage: "
                  + ", ".join(f"{k} {v:.0%}" for k, v in b["profile"]["stages"].items()))
    if cold.get("profile"):
        print("profile of the real 2-document build, by stage: "
              + ", ".join(f"{k} {v:.0%}" for k, v in cold["profile"]["stages"].items()))
    save("build", {"cold_cli": cold, "builds": builds, "scaling": scaling, "shacl_alone": shacl})
    return 0


if __name__ == "__main__":
    sys.exit(main())
