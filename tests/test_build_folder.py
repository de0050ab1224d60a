"""Nothing of the user's is ever lost (issue 13: D1, D2, the view, the lock, the walk, full disks).

A build folder is unmistakable (policygraph-build.json); any other non-empty folder is refused whatever it
holds; files the user adds to a build survive add, remove and build; derived outputs never replace the
build's own files unless asked; reading a folder never enters a build and follows no link out of it.
"""
from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import policygraph
from build_fixtures import DOCS, cli_env, no_traceback, run_cli, write_docs
from policygraph.builds import folder as buildfolder
from policygraph.builds.layout import LOCK, MARKER
from policygraph.console import PolicygraphError


def snapshot(folder: Path) -> dict:
    """Every entry under `folder` with its type, bytes and mode: 'byte for byte untouched' is equality."""
    got = {}
    for root, dirs, files in os.walk(folder):
        for name in dirs + files:
            p = Path(root) / name
            st = p.lstat()
            rel = p.relative_to(folder).as_posix()
            if p.is_symlink():
                got[rel] = ("link", os.readlink(p))
            elif p.is_dir():
                got[rel] = ("dir", st.st_mode)
            elif not p.is_file():
                got[rel] = ("special", st.st_mode)
            else:
                got[rel] = ("file", st.st_mode, st.st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
    return got


def refused(proc, contains: str) -> None:
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    assert proc.stderr.startswith("policygraph: error: ") and proc.stderr.count("\n") == 1, proc.stderr
    assert no_traceback(proc.stderr) and contains in proc.stderr, proc.stderr


@pytest.fixture
def src(tmp_path):
    return write_docs(tmp_path / "src")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    """One build of the three documents for the module; each test gets its own copy (`built`)."""
    root = tmp_path_factory.mktemp("pristine")
    out = root / "b"
    policygraph.build([write_docs(root / "src")], out=out, use_model=False)
    return out


@pytest.fixture
def built(tmp_path, src, pristine):
    """A build of the same three documents as `src` holds, in this test's folder."""
    out = tmp_path / "b"
    shutil.copytree(pristine, out)
    return out


# -- D1: a folder is a build only when policygraph says so ------------------------------------------------------
def _work_folder(tmp_path: Path) -> Path:
    work = tmp_path / "work"
    (work / ".git" / "objects").mkdir(parents=True)
    (work / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (work / "notes.md").write_text("my notes\n")
    (work / "data.csv").write_text("a,b\n1,2\n")
    (work / "facts.jsonl").write_text('{"kind": "entity"}\n')  # what `export ... > facts.jsonl` leaves behind
    return work


@pytest.mark.parametrize("command", [["build", "{src}"], ["add", "{src}/alpha.txt"], ["remove", "alpha"],
                                     ["build", "--repair"]])
def test_d1_a_folder_with_a_facts_file_is_not_a_build_and_stays_untouched(tmp_path, src, command):
    work = _work_folder(tmp_path)
    before = snapshot(work)
    args = [a.format(src=src) for a in command] + ["--out", str(work), "-q", "--rules-only" if command[0] != "remove"
                                                   else "-q"]
    proc = run_cli(*args)
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and no_traceback(proc.stderr), proc.stderr
    assert snapshot(work) == before


def test_the_marker_says_what_the_folder_is(built):
    marker = json.loads((built / MARKER).read_text())
    assert marker["format"] == "policygraph-build" and marker["version"] == buildfolder.VERSION
    assert buildfolder.is_build(built)


def test_a_build_from_before_the_marker_is_adopted(tmp_path, src, built):
    (built / MARKER).unlink()
    (built / LOCK).unlink()
    assert buildfolder.is_legacy_build(built)
    policygraph.add([write_docs(tmp_path / "more", ["gamma.md"]) / "gamma.md"], out=built, use_model=False)
    assert (built / MARKER).is_file()


def test_an_incomplete_old_layout_is_refused(tmp_path, src, built):
    (built / MARKER).unlink()
    (built / "build.json").unlink()
    before = snapshot(built)
    with pytest.raises(PolicygraphError, match="not a policygraph build"):
        policygraph.build([src], out=built, use_model=False)
    assert snapshot(built) == before


def test_a_build_of_a_newer_format_is_refused(src, built):
    (built / MARKER).write_text(json.dumps({"format": "policygraph-build", "version": 99}))
    with pytest.raises(PolicygraphError, match="newer policygraph"):
        policygraph.build([src], out=built, use_model=False)


# -- where --out may not go -------------------------------------------------------------------------------------
def test_out_may_not_be_the_input_or_hold_it(tmp_path, src):
    before = snapshot(tmp_path)
    refused(run_cli("build", src, "--out", src, "-q"), "is the input")
    refused(run_cli("build", src, "--out", tmp_path, "-q"), "holds the input")
    refused(run_cli("build", src / "alpha.txt", "--out", src, "-q"), "holds the input")
    assert snapshot(tmp_path) == before


@pytest.mark.slow  # four CLI processes
def test_out_may_not_be_the_current_directory_root_or_home(tmp_path, src):
    home = tmp_path / "home"
    home.mkdir()
    for out, what in ((".", "the current directory"), ("/", "root of the file system"), (str(home), "home")):
        refused(run_cli("build", src, "--out", out, "-q", cwd=tmp_path, env=cli_env(HOME=home)), what)
    refused(run_cli("build", src, "--out", "..", "-q", cwd=src), "current directory")
    assert list(home.iterdir()) == []


@pytest.mark.slow  # three builds in fresh processes
def test_out_inside_an_input_folder_is_fine_and_never_read(tmp_path, src):
    """`policygraph build .` three times in a row: the walk never reads the build it wrote."""
    for _ in range(3):
        proc = run_cli("build", ".", "-q", "--rules-only", cwd=src)
        assert proc.returncode == 0, proc.stderr
        assert "Built 9 entities and 8 relations from 3 documents into out/" in proc.stdout
    assert sorted(d["id"] for d in json.loads((src / "out" / "documents.json").read_text())) == ["alpha", "beta",
                                                                                                 "gamma"]


# -- D2: the user's files in a build are kept -----------------------------------------------------------------
def _user_files(out: Path) -> None:
    (out / "NOTES.md").write_text("keep me\n")
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    assert run_cli("brief", "Samsung Electronics", "--out", out, "-o", out / "samsung.md").returncode == 0
    assert run_cli("view", "--focus", "SK On", "--out", out, "-o", out / "sk-on.html", "-q").returncode == 0
    assert run_cli("export", "--out", out, "--format", "csv", "-o", out / "csv").returncode == 0
    os.symlink("NOTES.md", out / "notes-link.md")


MINE = [".git", "NOTES.md", "csv", "notes-link.md", "samsung.md", "sk-on.html"]


@pytest.mark.slow  # four CLI processes and four builds
def test_d2_add_remove_and_build_keep_the_users_files(tmp_path, src, built):
    _user_files(built)
    mine = {k: v for k, v in snapshot(built).items() if k.split("/")[0] in MINE}
    inode = (built / "NOTES.md").stat().st_ino
    more = write_docs(tmp_path / "more", ["gamma.md"], {"gamma.md": DOCS["gamma.md"].replace("Texas", "Ohio")})
    proc = run_cli("add", more / "gamma.md", "--out", built, "-q", "--rules-only")
    assert proc.returncode == 0 and "kept your files" in proc.stdout, proc.stderr
    for step in (lambda: policygraph.remove(["alpha"], out=built),
                 lambda: policygraph.build([src], out=built, use_model=False),
                 lambda: policygraph.build([], out=built, repair=True)):
        b = step()
        assert sorted(b.kept) == MINE
        assert {k: v for k, v in snapshot(built).items() if k.split("/")[0] in MINE} == mine
    assert (built / "NOTES.md").stat().st_ino == inode  # the same file, carried over by a hard link


@pytest.mark.parametrize("stray", ["documents/mine.txt", "cache/notes.md", "fifo"])
def test_d2_files_a_build_cannot_carry_are_named_and_nothing_changes(tmp_path, src, built, stray):
    if stray == "fifo":
        os.mkfifo(built / stray)
    else:
        (built / stray).write_text("mine")
    before = snapshot(built)
    proc = run_cli("add", write_docs(tmp_path / "more", ["gamma.md"]) / "gamma.md", "--out", built, "-q",
                   "--rules-only")
    refused(proc, stray)
    assert snapshot(built) == before


# -- derived outputs ------------------------------------------------------------------------------------------
@pytest.mark.slow  # CLI processes
def test_a_partial_view_never_replaces_the_builds_view_unless_named(built):
    before = (built / "view.html").read_bytes()
    refused(run_cli("view", "--focus", "SK On", "--out", built, "-q"), "-o FILE")
    with pytest.raises(PolicygraphError, match="needs out_path"):
        policygraph.open_build(built).view(focus="SK On")
    assert (built / "view.html").read_bytes() == before
    assert run_cli("view", "--focus", "SK On", "--out", built, "-o", built / "view.html", "-q").returncode == 0
    assert (built / "view.html").read_bytes() != before  # asked for by name: replaced


# -- the lock lives inside ---------------------------------------------------------------------------------------
def test_no_lock_file_is_left_beside_the_build(tmp_path, src, built):
    policygraph.add([src / "alpha.txt"], out=built, use_model=False)
    assert not any(p.name.endswith(".lock") for p in tmp_path.iterdir())
    assert (built / LOCK).exists()


# -- the walk ------------------------------------------------------------------------------------------------------
def test_symlinks_out_of_an_input_folder_are_not_followed(tmp_path, src):
    secret = tmp_path / "outside" / "passwd.txt"
    secret.parent.mkdir()
    secret.write_text("Samsung Electronics invested $99 billion in Alaska in 2031.\n")
    os.symlink(secret, src / "passwd.txt")
    os.symlink("..", src / "loop")  # would walk the parent tree (and other builds in it)
    b = policygraph.build([src], out=tmp_path / "b", use_model=False)
    assert sorted(b.kg.documents) == ["alpha", "beta", "gamma"]
    assert any("passwd.txt: a symbolic link to a file outside" in w for w in b.warnings)
    assert any("loop: a symbolic link to a folder" in w for w in b.warnings)
    assert "Alaska" not in (tmp_path / "b" / "facts.jsonl").read_text()
    (src / "loop").unlink()
    b = policygraph.build([src], out=tmp_path / "b2", use_model=False, follow_symlinks=True)  # when asked
    assert "passwd" in b.kg.documents


@pytest.mark.slow  # CLI processes
def test_build_folders_and_policygraph_outputs_in_an_input_folder_are_not_read(tmp_path, src, built):
    os.replace(built, src / "old-build")
    assert run_cli("view", "--focus", "SK On", "--out", src / "old-build", "-o", src / "sk-on.html",
                   "-q").returncode == 0
    assert run_cli("brief", "SK On", "--out", src / "old-build", "-o", src / "sk-on.md").returncode == 0
    b = policygraph.build([src], out=tmp_path / "new", use_model=False)
    assert sorted(b.kg.documents) == ["alpha", "beta", "gamma"]
    assert any("sk-on.html: a policygraph view" in w for w in b.warnings)
    assert any("sk-on.md: a policygraph briefing" in w for w in b.warnings)


# -- a full disk names the file ----------------------------------------------------------------------------------
def test_a_full_disk_names_the_file(built):
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    proc = run_cli("export", "--out", built, "--format", "ttl", "-o", "/dev/full")
    refused(proc, "/dev/full: No space left on device")


def _small_files():
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


@pytest.mark.slow  # a build in a fresh process
def test_a_build_that_cannot_write_names_the_file_and_keeps_the_previous_build(tmp_path, src, built):
    before = snapshot(built)
    proc = subprocess.run([sys.executable, "-m", "policygraph.cli", "build", str(src), "--out", str(built), "-q",
                           "--rules-only", "--repair"], capture_output=True, text=True, preexec_fn=_small_files,
                          timeout=600)
    refused(proc, "File too large")
    assert "previous build" in proc.stderr and str(built.name) in proc.stderr
    name = proc.stderr.split("policygraph: error: ", 1)[1].split(":", 1)[0]
    assert Path(name).name in {"view.html", "graph.lbug", "graph.trig", "graph.jsonld", "graph.nt", "graph.ttl",
                               "facts.jsonl"} or name.endswith(".json"), proc.stderr
    assert snapshot(built) == before


def test_a_quick_benchmark_run_never_writes_over_the_committed_figures(tmp_path):
    """bench/run_all.py --quick used to overwrite bench/results (the README's figures)."""
    bench = Path(__file__).resolve().parents[1] / "bench"
    before = snapshot(bench / "results")
    quick = tmp_path / "quick"
    done = subprocess.run([sys.executable, str(bench / "run_all.py"), "--quick", "--summary", "--results", str(quick)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (quick / "summary.md").is_file() and snapshot(bench / "results") == before
    done = subprocess.run([sys.executable, "-c", "import sys; sys.argv = ['run_all.py', '--quick', '--summary']; "
                           f"sys.path.insert(0, {str(bench)!r}); import run_all, common; run_all.main(sys.argv[1:]); "
                           "print(common.RESULTS)"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1].endswith("results-quick") and snapshot(bench / "results") == before
