"""Sampling profiles of a running build: py-spy attached to the process (non-blocking, so the build runs at
full speed), its raw folded stacks summarised per function.

    spy = attach(pid, "profile.txt")          # returns the py-spy process, or None without py-spy
    summary = summarise("profile.txt")        # {"samples", "top_inclusive", "top_own", "stages"}

py-spy is optional (`pip install -e '.[bench]'`); without it the benchmarks skip the profile.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

RATE = 50  # samples per second: enough for builds of seconds to minutes, light on a 2-core machine

# build stages by the api.py / cli.py frame that is on the stack (first match wins, innermost first)
STAGES = [
    ("Extractor.run", "extract: parse + rules"),
    ("Extractor.__init__", "extract: load model, gazetteer"),
    ("read_document", "extract: read documents"),
    ("KnowledgeGraph.add_relation", "extract: merge"),
    ("check", "validate (SHACL)"),
    ("to_dataset", "facts + RDF"),
    ("write_rdf", "facts + RDF"),
    ("to_jsonl", "facts + RDF"),
    ("write_store", "Cypher store"),
    ("render_view", "view"),
    ("graph_stats", "stats"),
]


LIBRARIES = [("pyshacl/", "validate (SHACL)"), ("rdflib/", "facts + RDF"), ("ladybug/", "Cypher store"),
             ("thinc/", "extract: parse + rules"), ("spacy/", "extract: parse + rules")]


def resummarise(results_path: Path, work: Path) -> None:
    """Recompute the profile summaries in bench/results/build.json from the raw py-spy files in bench/.work."""
    import json

    data = json.loads(Path(results_path).read_text(encoding="utf-8"))
    for b in data.get("builds", []):
        raw = Path(work) / f"profile-{b['documents']}.txt"
        if b.get("profile") and raw.exists():
            b["profile"] = summarise(raw)
    raw = Path(work) / "profile-real.txt"
    if data.get("cold_cli", {}).get("profile") and raw.exists():
        data["cold_cli"]["profile"] = summarise(raw)
    Path(results_path).write_text(json.dumps(data, indent=1, default=str) + "\n", encoding="utf-8")


def available() -> bool:
    return shutil.which("py-spy") is not None


def attach(pid: int, out: Path, rate: int = RATE, subprocesses: bool = False):
    if not available():
        return None
    cmd = ["py-spy", "record", "--pid", str(pid), "--nonblocking", "-r", str(rate), "-f", "raw", "-o", str(out)]
    if subprocesses:
        cmd.append("--subprocesses")
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


_FRAME = re.compile(r"^(?P<func>.*?) \((?P<file>[^()]*?)(?::(?P<line>\d+))?\)$")


def _func(frame: str) -> str:
    """'Extractor.run (main/loaders/extract/pipeline.py:79)' -> 'Extractor.run (loaders/extract/pipeline.py)'."""
    m = _FRAME.match(frame.strip())
    if not m:
        return frame.strip() or "?"
    f = m.group("file")
    for marker in ("site-packages/", "main/", "policygraph/"):
        if marker in f:
            f = f.split(marker, 1)[1]
            break
    return f"{m.group('func')} ({f})"


def summarise(path: Path, top: int = 25) -> dict:
    inclusive, own, stages = Counter(), Counter(), Counter()
    total = 0
    for line in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or " " not in line:
            continue
        stack, n = line.rsplit(" ", 1)
        try:
            n = int(n)
        except ValueError:
            continue
        frames = [_func(f) for f in stack.split(";") if f]
        if not frames:
            continue
        total += n
        for f in set(frames):
            inclusive[f] += n
        own[frames[-1]] += n
        stage = None
        for f in reversed(frames):
            name = f.split(" (", 1)[0]
            hit = next((label for key, label in STAGES if name == key or name.endswith("." + key)), None)
            if hit:
                stage = hit
                break
        if stage is None:  # py-spy cuts very deep stacks: place those by the library they are in
            where = " ".join(frames)
            stage = next((label for lib, label in LIBRARIES if lib in where), "other (imports, startup, exit)")
        stages[stage] += n
    share = lambda c: [{"function": f, "share": round(k / max(1, total), 4)} for f, k in c.most_common(top)]  # noqa: E731
    return {"samples": total, "rate_hz": RATE, "top_inclusive": share(inclusive), "top_own": share(own),
            "stages": {k: round(v / max(1, total), 4) for k, v in stages.most_common()}}


def ours(summary: dict, prefixes=("loaders/", "graph/", "queries/", "api.py", "ontology/")) -> list[dict]:
    """Only the project's own functions, by inclusive share."""
    return [r for r in summary["top_inclusive"] if any(p in r["function"] for p in prefixes)]
