"""The wheel: built by pip from a copy of the checkout's tracked files (never inside the checkout), it holds
every sub-package and data file and nothing else (no setup.py, tests, benchmarks, tools or docs); installed on
its own into a folder, it builds the corpus, queries and draws the view from another directory, importing
policygraph from that folder and not from the development install."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path, PurePosixPath

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
NOT_SHIPPED = ("tests", "bench", "tools", "docs")  # folders of the checkout that are not the package
DATA = ["ontology/*.ttl", "ontology/*.toml", "queries/*.cypher", "queries/neo4j/*.cypher", "queries/sparql/*.rq",
        "queries/view_assets/*"]

pytestmark = pytest.mark.slow  # pip builds the wheel (in an isolated environment), then a real corpus build


def tracked_files() -> list[str]:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: the tracked files are what the wheel is built from")
    done = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z"], capture_output=True, text=True, check=True)
    return [f for f in done.stdout.split("\0") if f and (ROOT / f).is_file()]


def shipped(path: str) -> bool:
    return PurePosixPath(path).parts[0] not in NOT_SHIPPED


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    """(the wheel's path, the tracked files it was built from)."""
    tmp = tmp_path_factory.mktemp("wheel")
    files = tracked_files()
    copy = tmp / "a-checkout"  # any folder name: the package does not depend on it
    for f in files:
        (copy / f).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / f, copy / f)
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check", "-q",
                           "-w", str(tmp / "dist"), str(copy)], capture_output=True, text=True, cwd=tmp, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    wheels = list((tmp / "dist").glob("policygraph-*.whl"))
    assert len(wheels) == 1, wheels
    return wheels[0], files


def test_the_wheel_holds_every_sub_package_and_data_file(wheel):
    path, files = wheel
    names = set(zipfile.ZipFile(path).namelist())
    packages = sorted(str(PurePosixPath(f).parent) for f in files if f.endswith("__init__.py") and shipped(f))
    assert "." in packages and "queries/view" in packages and "loaders/extract" in packages, packages
    for package in packages:
        prefix = "policygraph" if package == "." else f"policygraph/{package}"
        assert f"{prefix}/__init__.py" in names, f"sub-package {package} is missing from the wheel"
    # every module of those packages, and every data file
    in_packages = {p for p in packages if p != "."}
    modules = [f for f in files if f.endswith(".py") and shipped(f) and f != "setup.py"
               and (str(PurePosixPath(f).parent) in in_packages or "/" not in f)]
    data = [f for f in files if shipped(f) and any(PurePosixPath(f).match(pattern) for pattern in DATA)]
    assert {"ontology/policygraph.ttl", "ontology/shapes.ttl", "queries/view_assets/view.js"} <= set(data), data
    assert {f"queries/{d}" for d in ("neo4j", "sparql")} <= {str(PurePosixPath(f).parent) for f in data}
    missing = [f for f in modules + data if f"policygraph/{f}" not in names]
    assert not missing, f"in the checkout but not in the wheel: {missing}"
    # nothing that is not the package
    assert "policygraph/setup.py" not in names
    strays = [n for n in names if n.startswith("policygraph/") and PurePosixPath(n).parts[1] in NOT_SHIPPED]
    assert not strays, strays
    assert all(n.startswith(("policygraph/", "policygraph-")) for n in names), sorted(names)[:20]
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = zipfile.ZipFile(path).read(entry_points).decode()
    assert "policygraph = policygraph.cli:main" in text, text


# the CLI, run from the installed folder only: the development install's finder is taken out, the folder put
# first, and the package checked to come from it (the query worker, a child process, finds it on PYTHONPATH)
RUN_INSTALLED = """
import sys
site = sys.argv[1]
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in repr(f).lower()]
sys.path.insert(0, site)
import policygraph
assert policygraph.__file__.startswith(site + "/"), policygraph.__file__
from policygraph.cli import main
sys.exit(main(sys.argv[2:]))
"""


def test_the_installed_wheel_builds_queries_and_draws_from_another_directory(wheel, tmp_path):
    if not CORPUS.is_dir():
        pytest.skip(f"no corpus at {CORPUS}")
    path, _ = wheel
    site = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--disable-pip-version-check", "-q",
                           "--target", str(site), str(path)], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}

    def policygraph(*args) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-c", RUN_INSTALLED, str(site), *map(str, args)], capture_output=True,
                              text=True, cwd=elsewhere, env=env, timeout=900)

    out = tmp_path / "out"
    built = policygraph("build", CORPUS, "--out", out, "-q")
    assert built.returncode == 0, built.stderr[-3000:]
    assert "Built " in built.stdout and (out / "facts.jsonl").stat().st_size > 0
    assert (out / "graph.lbug").exists() and (out / "view.html").exists()

    query = policygraph("query", "--out", out, "--format", "json",
                        "MATCH (f:Firm)-[r:INVESTS_IN]->(s:USState) RETURN f.name AS firm, s.name AS state")
    assert query.returncode == 0, query.stderr[-3000:]
    rows = json.loads(query.stdout)
    assert {"firm": "Hanwha Q Cells", "state": "Georgia"} in rows, rows

    page = tmp_path / "korea.html"
    view = policygraph("view", "--out", out, "--focus", "South Korea", "-o", page, "-q")
    assert view.returncode == 0, view.stderr[-3000:]
    html = page.read_text(encoding="utf-8")
    assert "South Korea" in html and "window.pgView" in html
    assert list(elsewhere.iterdir()) == []  # nothing written where it ran
