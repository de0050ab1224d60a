"""Inputs that used to take the machine down (issue 13: H1, H2, H3), timed in fresh CLI processes with their
peak memory. Prints the figures and writes bench/results/limits.json; nothing here is asserted.

    python bench/bench_limits.py                    # the issue's sizes (the add/build pair: ~15 min with the model)
    python bench/bench_limits.py --sentences 2000   # a smaller add/build pair
    python bench/bench_limits.py --skip-add         # only the bombs (seconds)

H1: a PDF whose one compressed page content inflates to 135 MB (under 1 MB on disk); a 20,000-page PDF.
H2: 1.1 MB of HTML with 100,000 nested <div>. H3: `add` of a file of 20,000 investment sentences (0.9 MB)
to a one-document build, against a full build of the same two documents. First, in this process: the
sentence splitter on inputs that make a backtracking splitter quadratic (200,000 dots, "U.S. " x 50,000...;
each should take well under a second).
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parents[1] / "tests"))  # the hand-made PDF the tests use too
from common import CORPUS, WORK, ensure_importable, run_with_rusage, save  # noqa: E402

ensure_importable()
from build_fixtures import pdf_with_stream  # noqa: E402


def pdf_bomb(inflated_mb: int = 135) -> bytes:
    """Text operators with varied strings (so the file is ~1 MB, like the issue's 837 kB one), deflated."""
    rnd = random.Random(13)
    vocabulary = ["trade", "tariff", "Korea", "steel", "invest", "billion", "plant", "Georgia", "export", "chips"]
    c = zlib.compressobj(9)
    parts, n = [], 0
    while n < inflated_mb << 20:
        words = " ".join(rnd.choice(vocabulary) for _ in range(6))
        op = f"BT /F1 9 Tf {rnd.randrange(60) * 10} 700 Td ({words}) Tj ET\n".encode() * 40
        parts.append(c.compress(op))
        n += len(op)
    return pdf_with_stream(b"".join(parts) + c.flush())


def many_pages(n: int = 20_000) -> bytes:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from build_fixtures import make_pdf

    return make_pdf([[f"Page {i} of the report on trade."] for i in range(n)])


STATES = ["Georgia", "Texas", "Ohio", "Alabama", "Indiana", "Kentucky", "Tennessee", "Arizona", "Michigan"]


def investment_sentences(n: int) -> str:
    rnd = random.Random(20)
    out = []
    for i in range(n):
        firm = "".join(rnd.choice("BCDFGHKLMNPRSTV") + rnd.choice("aeiou") for _ in range(3)).capitalize()
        out.append(f"{firm} Energy will invest ${rnd.randrange(1, 900)} million in {rnd.choice(STATES)} in "
                   f"{rnd.randrange(2001, 2025)}.")
    return "\n".join(" ".join(out[i:i + 5]) for i in range(0, n, 5)) + "\n"


def cli(*args, log: Path) -> dict:
    r = run_with_rusage([sys.executable, "-m", "policygraph.cli", *map(str, args)], stderr_path=log)
    tail = log.read_text(errors="replace").strip().splitlines()[-3:]
    r["stderr_tail"] = [line.replace(str(WORK) + "/", "bench/.work/") for line in tail]
    return r


# text that makes a backtracking sentence splitter quadratic (tests/test_loaders.py checks their spans)
ADVERSARIAL = {"dots": "." * 200_000, "a. x70k": "a. " * 70_000, "blank lines": "\n \n" * 70_000,
               "U.S. x50k": "U.S. " * 50_000, "no break": "x" * 300_000, "Mr. x50k": "Mr. " * 50_000,
               "quote-dot": "\u201d." * 100_000}


def splitter_times() -> dict:
    import time

    from policygraph.loaders.read.sentences import split_sentences

    got = {}
    for name, text in ADVERSARIAL.items():
        t0 = time.perf_counter()
        spans = split_sentences(text)
        got[name] = {"chars": len(text), "spans": len(spans), "wall_s": round(time.perf_counter() - t0, 4)}
    return got


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sentences", type=int, default=20_000, help="sentences in the file added (default 20000)")
    ap.add_argument("--skip-add", action="store_true", help="only the bombs")
    ap.add_argument("--rules-only", action="store_true", help="extract without the spaCy model (faster)")
    args = ap.parse_args(argv)
    work = WORK / "limits"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    results: dict = {}
    results["splitter"] = splitter_times()
    print("sentence splitter, adversarial input: " + ", ".join(
        f"{name} ({r['chars'] // 1000}k chars) {r['wall_s'] * 1000:.0f} ms" for name, r in results["splitter"].items()),
        flush=True)

    def refuse(name: str, filename: str, data: bytes | str) -> None:
        path = work / filename
        path.write_bytes(data) if isinstance(data, bytes) else path.write_text(data)
        r = cli("build", path, "--out", work / f"out-{name}", "-q", "--rules-only", log=work / f"{name}.log")
        r["file_kb"] = round(path.stat().st_size / 1024)
        results[name] = r
        print(f"{name:<12} {r['file_kb']:>6} kB on disk: exit {r['rc']} in {r['wall_s']:.2f} s, peak RSS "
              f"{r['peak_rss_mb']:.0f} MB: {r['stderr_tail'][-1] if r['stderr_tail'] else ''}", flush=True)

    refuse("pdf_bomb", "bomb.pdf", pdf_bomb(135))
    refuse("pdf_20k_pages", "pages.pdf", many_pages())
    refuse("html_nested", "nested.html", "<html><body>" + "<div>" * 100_000 + "<p>South Korea and the United "
           "States signed the KORUS FTA in 2007.</p>" + "</div>" * 100_000 + "</body></html>")

    if not args.skip_add:
        base_doc = CORPUS / "us-rok-negotiations.txt"
        big = work / "src-big" / "investments.txt"
        big.parent.mkdir()
        big.write_text(investment_sentences(args.sentences))
        base = work / "src-base"
        base.mkdir()
        shutil.copy(base_doc, base / base_doc.name)  # a copy in the work folder only, never in the project
        model = ["--rules-only"] if args.rules_only else []
        full = cli("build", base, big.parent, "--out", work / "full", *model, log=work / "full.log")
        print(f"full build of both ({big.stat().st_size / 1e6:.2f} MB, {args.sentences:,} sentences): "
              f"{full['wall_s']:.1f} s, peak {full['peak_rss_mb']:.0f} MB", flush=True)
        cli("build", base, "--out", work / "incr", *model, log=work / "base.log")
        add = cli("add", big, "--out", work / "incr", *model, log=work / "add.log")
        validation = [line for line in (work / "add.log").read_text().splitlines() if "Validating" in line]
        print(f"add to a one-document build: {add['wall_s']:.1f} s, peak {add['peak_rss_mb']:.0f} MB "
              f"({validation[-1].strip() if validation else 'no validation line'})", flush=True)
        results["h3"] = {"sentences": args.sentences, "mb": round(big.stat().st_size / 1e6, 2), "full": full,
                         "add": add, "add_over_full": round(add["wall_s"] / full["wall_s"], 2),
                         "validation": validation, "model": not args.rules_only}
        print(f"add / full build: {results['h3']['add_over_full']:.2f}")
    save("limits", results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
