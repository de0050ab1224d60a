"""Extraction throughput (sentences/s, words/s) and its ratio to the bare spaCy pipeline on the same text.

    python bench/bench_extract.py                       # the real 2-document corpus and a 100-document synthetic one
    python bench/bench_extract.py --docs 300 --no-real

For each corpus: the documents are read first (not timed here: reading is the same for both sides), then
  bare      nlp.pipe over exactly the sentence texts the extractor parses (same batch size, per document)
  extractor Extractor.run on every document (parse + mentions + coreference + relations)
  extract   policygraph.api.extract: reading, Extractor.run and merging into the KnowledgeGraph
The ratio extractor/bare is our overhead above the parser (goal <= 1.5x): of the fastest passes, and the median of
each run's two passes back to back ("paired median": with --runs 5 or more the steadier figure on a noisy machine).
With --profile the extractor pass runs once more under cProfile and the functions of policygraph.loaders with the
most own time are listed.
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import CORPUS, WORK, ensure_importable, fmt_s, save, table  # noqa: E402

ensure_importable()


def sentence_texts(doc):
    from policygraph.loaders.extract.pipeline import MAX_SENTENCE_CHARS

    return [doc.text[s:min(e, s + MAX_SENTENCE_CHARS)] for s, e in doc.sentences]


def measure(paths: list[Path], label: str, extractor, profile: bool = False, runs: int = 1) -> dict:
    from policygraph import api
    from policygraph.loaders.read.readers import iter_paths, read_document

    files = iter_paths(paths)
    t0 = time.perf_counter()
    docs = [read_document(p) for p in files]
    read_s = time.perf_counter() - t0
    texts = [sentence_texts(d) for d in docs]
    n_sent = sum(len(t) for t in texts)
    n_words = sum(len(s.split()) for t in texts for s in t)
    nlp = extractor.nlp
    # warm-up: first calls allocate
    list(nlp.pipe(texts[0][:20], batch_size=64))
    extractor.run(docs[0])

    bare, ext = [], []
    for _ in range(runs):
        gc.collect()
        t0 = time.perf_counter()
        for t in texts:
            for _doc in nlp.pipe(t, batch_size=64):
                pass
        bare.append(time.perf_counter() - t0)
        gc.collect()
        t0 = time.perf_counter()
        for d in docs:
            extractor.run(d)
        ext.append(time.perf_counter() - t0)
    gc.collect()
    t0 = time.perf_counter()
    api.extract(paths)
    full = time.perf_counter() - t0
    bare_s, ext_s = min(bare), min(ext)
    # (each run's two passes back to back: on a noisy machine the ratio within a run is steadier than the ratio of
    # the fastest passes, which may come from different moments)
    paired = sorted(e / b for b, e in zip(bare, ext))
    res = {
        "corpus": label, "documents": len(docs), "sentences": n_sent, "words": n_words, "read_s": read_s,
        "bare_nlp_pipe_s": bare_s, "extractor_s": ext_s, "api_extract_s": full,
        "bare_sentences_per_s": n_sent / bare_s, "bare_words_per_s": n_words / bare_s,
        "sentences_per_s": n_sent / ext_s, "words_per_s": n_words / ext_s,
        "ratio_extractor_to_bare": ext_s / bare_s, "ratio_api_extract_to_bare": full / bare_s, "runs": runs,
        "ratio_paired_median": paired[len(paired) // 2], "ratios_paired": [round(r, 3) for r in paired],
    }
    if profile:
        prof = cProfile.Profile()
        prof.enable()
        for d in docs:
            extractor.run(d)
        prof.disable()
        res["profile_top"] = _top(prof, ext_s)
    return res


def _top(prof, wall: float, n: int = 15) -> list[dict]:
    """Own time of our extractor's functions (cProfile inflates Python-heavy code; read shares, not seconds)."""
    st = pstats.Stats(prof)
    total = sum(v[2] for v in st.stats.values())  # total own time
    rows = []
    for (file, line, func), (cc, nc, tt, ct, callers) in st.stats.items():
        if "/loaders/" in file or "/ontology/" in file or "/graph/model" in file:
            rows.append({"function": f"{Path(file).name}:{line}({func})", "own_share": tt / total,
                         "cum_share": ct / total, "calls": nc})
    rows.sort(key=lambda r: -r["own_share"])
    spacy = sum(v[2] for (f, _, _), v in st.stats.items() if "spacy" in f or "thinc" in f or f == "~")
    return [{"function": "(spaCy/thinc/C code, own)", "own_share": spacy / total, "cum_share": None, "calls": None}] + rows[:n]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=100, help="synthetic documents (0: none)")
    ap.add_argument("--no-real", action="store_true", help="skip the real corpus (../shared/corpus)")
    ap.add_argument("--runs", type=int, default=1, help="repeat each pass and keep the fastest")
    ap.add_argument("--profile", action="store_true", help="profile the extractor pass (cProfile)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)

    from policygraph.loaders.extract.pipeline import Extractor

    t0 = time.perf_counter()
    extractor = Extractor()
    load_s = time.perf_counter() - t0
    if extractor.nlp is None:
        print("bench_extract: no spaCy model; nothing to compare", file=sys.stderr)
        return 2
    results = []
    if not args.no_real and CORPUS.exists():
        results.append(measure([CORPUS], "real (2 docs)", extractor, args.profile, args.runs))
    if args.docs:
        from gen_corpus import generate

        corpus = WORK / f"corpus-{args.docs}"
        generate(args.docs, corpus, args.seed)
        results.append(measure([corpus / "docs"], f"synthetic ({args.docs} docs)", extractor, args.profile,
                               args.runs))
    rows = [[r["corpus"], r["sentences"], r["words"], f"{r['bare_sentences_per_s']:.0f}",
             f"{r['sentences_per_s']:.0f}", f"{r['words_per_s']:.0f}", f"{r['ratio_extractor_to_bare']:.2f}x",
             f"{r['ratio_paired_median']:.2f}x", f"{r['ratio_api_extract_to_bare']:.2f}x"] for r in results]
    print(f"Extractor load (spaCy model, gazetteer, lexicon): {fmt_s(load_s)}")
    print(table(rows, ["corpus", "sentences", "words", "bare nlp.pipe sent/s", "extractor sent/s",
                       "extractor words/s", "extractor / bare", "paired median", "api.extract / bare"]))
    for r in results:
        for p in r.get("profile_top", [])[:12]:
            cum = f"{p['cum_share']:.0%}" if p["cum_share"] is not None else ""
            print(f"  {r['corpus']}: {p['own_share']:6.1%} own {cum:>5} cum  {p['function']}")
    save("extract", {"extractor_load_s": load_s, "corpora": results, "goal_ratio": 1.3})
    return 0


if __name__ == "__main__":
    sys.exit(main())
