"""Bad input never costs data: each kind gives one clear line naming the file and the reason and a non-zero
exit (with --keep-going: a warning and the rest built), never a traceback, and the previous build stays.

Readable-but-odd input (Latin-1, UTF-16, duplicate content, a document with no entities, extremely long
sentences, deeply nested HTML) is built, with a warning where there is something to say."""
from __future__ import annotations

import ctypes
import json
import os
import random
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import policygraph
from build_fixtures import (DOCS, cli_env, digest, make_pdf, no_traceback, run_cli, store_dump,
                            write_docs)
from policygraph.cli import main
from policygraph.console import PolicygraphError
from policygraph.loaders.read.readers import MAX_CHARS, SUPPORTED
from policygraph.loaders.read.sentences import MAX_SENTENCE_CHARS

SUPPORTED_LIST = " ".join(SUPPORTED)


def _binary() -> bytes:
    rnd = random.Random(7)
    return bytes(rnd.randrange(256) for _ in range(4096)) + b"\x00\x00"


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _loop(path: Path) -> None:
    os.symlink(path.name, path)  # a symlink to itself


def _dangling(path: Path) -> None:
    os.symlink(path.with_name("nowhere.txt"), path)


def _dir_loop(path: Path) -> None:
    path.mkdir()
    (path / "ok.txt").write_text(DOCS["alpha.txt"])
    os.symlink(path, path / "again")


def _same_id(path: Path) -> None:
    for sub in ("a", "b"):
        (path / sub).mkdir(parents=True)
        (path / sub / "report.txt").write_text(DOCS["alpha.txt"] if sub == "a" else DOCS["beta.txt"])


# name, how to make it (bytes, or a function of the path), the reason (a regex), the path the message names
FAILING = [
    ("empty.txt", b"", r"empty document", None),
    ("blank.md", b"  \n\t \n   \n\n", r"empty document", None),
    ("binary.txt", _binary(), r"binary file, not text", None),
    ("nul-bytes.txt", b"South Korea signed the KORUS FTA\x00 in 2007.", r"binary file, not text", None),
    ("control-chars.txt", bytes(range(1, 9)) * 200 + b"text", r"binary file, not text", None),
    ("bad-utf16.txt", b"\xff\xfeS\x00K\x00 ", r"invalid UTF-16-LE text \(after a byte-order mark\)", None),
    ("too-long.txt", None, r"text too long \(\d+\.\d million characters > 5 million limit\); split it into "
                           r"smaller documents", None),
    ("truncated.pdf", make_pdf([["Samsung Electronics invested $17 billion in Texas in 2021."]])[:350],
     r"not a readable PDF \(.+\)", None),
    ("encrypted.pdf", make_pdf([["Secret text."]], encrypt=True), r"encrypted PDF", None),
    ("scanned.pdf", make_pdf([[]]), r"PDF has no text layer \(scanned\?\)", None),
    ("not-a-pdf.pdf", b"South Korea and the United States signed the KORUS FTA in 2007.\n",
     r"not a readable PDF \(.+\)", None),
    ("zero.pdf", b"", r"empty document", None),
    ("scripts.html", b"<html><head><script>var x = 'South Korea';</script><style>p{}</style></head></html>",
     r"HTML has no visible text", None),
    ("nobody.htm", b"<!doctype html><html><head><title>Trade</title><script>alert(1)</script></head><body>"
                   b"<noscript>Enable JS</noscript></body></html>", r"HTML has no visible text", None),
    ("folder.txt", lambda p: p.mkdir(), rf"a directory with no documents in it \(supported: {SUPPORTED_LIST}\)",
     None),
    ("loop.txt", _loop, r"symlink loop", None),
    ("dangling.txt", _dangling, r"no such file or directory", None),
    ("missing.txt", lambda p: None, r"no such file or directory", None),
    ("report.docx", b"PK\x03\x04 a word file", rf"unsupported file type '\.docx' \(supported: {SUPPORTED_LIST}\)",
     None),
    ("README", b"South Korea signed the KORUS FTA.", rf"unsupported file type '\(none\)' \(supported: {SUPPORTED_LIST}\)", None),
    ("pipe.txt", _fifo, r"not a regular file", None),
    ("same-id", _same_id, r"a document with id 'report' was already read from .*a/report\.txt \(ids are file "
                          r"names without extension\)", "same-id/b/report.txt"),
]


def make(tmp: Path, name: str, how) -> Path:
    path = tmp / name
    if name == "too-long.txt":
        line = "The ministry met again. " * 1000 + "\n"
        path.write_text(line * (MAX_CHARS // len(line) + 200), encoding="utf-8")
    elif callable(how):
        how(path)
    else:
        path.write_bytes(how)
    return path


@pytest.fixture(scope="module")
def previous(tmp_path_factory):
    """The build that every bad input must leave alone."""
    root = tmp_path_factory.mktemp("previous")
    src = write_docs(root / "src", ["alpha.txt", "beta.txt"])
    out = root / "out"
    policygraph.build([src], out=out, use_model=False)
    return out, digest(out), store_dump(out)


def assert_intact(previous) -> None:
    out, files, store = previous
    assert digest(out) == files
    b = policygraph.open_build(out)
    assert sorted(b.kg.documents) == ["alpha", "beta"]
    assert b.query("MATCH (d:Document) RETURN count(d) AS n")["n"][0] == 2
    assert store_dump(out) == store
    assert not list(out.parent.glob(f".{out.name}.building-*"))


# every kind through `build` and `add` (the readers on their own: test_loaders.py); the unit layer
# runs a few, the full suite all
UNIT_CASES = {("build", "empty.txt"), ("build", "truncated.pdf"), ("build", "same-id"), ("add", "binary.txt")}
CASES = [pytest.param(command, *case, id=f"{command}-{case[0]}",
                      marks=() if (command, case[0]) in UNIT_CASES else pytest.mark.slow)
         for command in ("build", "add") for case in FAILING]


@pytest.mark.parametrize("command,name,how,reason,named", CASES)
def test_bad_input_is_one_clear_line_and_costs_nothing(previous, tmp_path, capsys, command, name, how, reason,
                                                       named):
    out = previous[0]
    path = make(tmp_path, name, how)
    rc = main([command, str(path), "--out", str(out), "--rules-only", "-q"])
    err = capsys.readouterr().err
    assert rc == 1
    shown = tmp_path / named if named else path
    assert re.fullmatch(rf"policygraph: error: {re.escape(str(shown))}: {reason}\n", err), err
    assert_intact(previous)


@pytest.mark.slow  # three builds in fresh processes
def test_keep_going_warns_and_builds_the_rest(previous, tmp_path):
    """One real CLI run with every kind of bad input next to a good document, then `add --keep-going`."""
    bad = tmp_path / "bad"
    bad.mkdir()
    paths = [make(bad, name, how) for name, how, _, _ in FAILING]
    good = write_docs(tmp_path / "good", ["gamma.md"]) / "gamma.md"
    out = tmp_path / "out"
    def check_warnings(stderr: str) -> None:
        assert no_traceback(stderr)
        for (name, _, reason, named), path in zip(FAILING, paths):
            shown = bad / named if named else path
            assert re.search(rf"^warning: {re.escape(str(shown))}: {reason}$", stderr, re.M), (name, stderr)

    done = run_cli("build", *paths, good, "--out", out, "--rules-only", "--keep-going", "-q")
    assert done.returncode == 0, done.stderr
    check_warnings(done.stderr)
    # besides the good document: the first of the two 'report's
    assert sorted(policygraph.open_build(out).kg.documents) == ["gamma", "report"]
    # add --keep-going to the previous build (a copy): the good documents go in, the rest are warnings
    work = tmp_path / "previous"
    shutil.copytree(previous[0], work)
    done = run_cli("add", *paths, good, "--out", work, "--keep-going", "-q")
    assert done.returncode == 0, done.stderr
    check_warnings(done.stderr)
    assert done.stdout.startswith("Added 2 documents (gamma, report);")
    assert sorted(policygraph.open_build(work).kg.documents) == ["alpha", "beta", "gamma", "report"]
    # without --keep-going the first bad file stops everything, with the previous build intact
    done = run_cli("build", good, *paths, "--out", work, "--rules-only")
    assert done.returncode == 1 and no_traceback(done.stderr)
    errors = [line for line in done.stderr.splitlines() if line.startswith("policygraph: error: ")]
    # paths are expanded before any file is read: folder.txt (empty) is the first problem found
    assert errors == [f"policygraph: error: {bad / 'folder.txt'}: a directory with no documents in it "
                      f"(supported: {SUPPORTED_LIST})"]
    assert sorted(policygraph.open_build(work).kg.documents) == ["alpha", "beta", "gamma", "report"]


def test_a_folder_linking_to_itself_is_read_once_and_the_link_not_followed(tmp_path):
    """A symbolic link inside a folder is not followed (it could lead anywhere, or round in a loop); with
    follow_symlinks=True it is, and the loop is one clear error."""
    loop = tmp_path / "dirloop"
    _dir_loop(loop)
    b = policygraph.build([loop], out=tmp_path / "out", use_model=False)
    assert sorted(b.kg.documents) == ["ok"]
    assert any(w.startswith(f"{loop / 'again'}: a symbolic link to a folder (not followed") for w in b.warnings)
    with pytest.raises(PolicygraphError, match=r"symlink loop \(directory already visited\)"):
        policygraph.build([loop], out=tmp_path / "out", use_model=False, follow_symlinks=True)


@pytest.mark.skipif(sys.platform != "linux", reason="peak memory read from /proc/self/status")
@pytest.mark.slow  # a 200 MB file, builds in fresh processes
def test_a_200_mb_file_is_refused_with_memory_bounded(previous, tmp_path):
    """The limits (50 MB a file, 5 million characters of text) refuse it before reading it."""
    huge = tmp_path / "huge.txt"
    line = b"The ministry approved a new plan for trade with South Korea in 2019. " * 100 + b"\n"
    with open(huge, "wb") as fh:
        for _ in range(200 * 1024 * 1024 // len(line) + 1):
            fh.write(line)
    good = write_docs(tmp_path / "good", ["gamma.md"]) / "gamma.md"
    size_mb = huge.stat().st_size // (1024 * 1024)

    def run_measured(*args) -> tuple[int, str, int]:
        """The CLI in a fresh process; its peak resident memory (VmHWM of the process image, read at exit)."""
        peak = tmp_path / "peak.txt"
        code = ("import atexit, sys\n"
                "from policygraph.cli import main\n"
                "def peak():\n"
                "    hwm = [l.split()[1] for l in open('/proc/self/status') if l.startswith('VmHWM:')]\n"
                "    open(sys.argv[1], 'w').write(hwm[0])\n"
                "atexit.register(peak)\n"
                "sys.exit(main(sys.argv[2:]))\n")
        done = subprocess.run([sys.executable, "-c", code, str(peak), *map(str, args)], capture_output=True,
                              text=True, env=cli_env(), timeout=600)
        return done.returncode, done.stderr, int(peak.read_text()) * 1024

    rc, err, rss = run_measured("build", huge, "--out", previous[0], "-q")
    assert rc == 1 and err == f"policygraph: error: {huge}: file too large ({size_mb} MB > 50 MB limit)\n"
    assert rss < 150 * 1024 * 1024, rss  # far below the file's 200 MB: it was never read
    assert_intact(previous)
    rc, err, rss_with = run_measured("build", huge, good, "--out", tmp_path / "a", "-q", "--rules-only",
                                     "--keep-going")
    assert rc == 0 and f"warning: {huge}: file too large" in err and no_traceback(err)
    rc, err, rss_without = run_measured("build", good, "--out", tmp_path / "b", "-q", "--rules-only")
    assert rc == 0
    assert rss_with - rss_without < 64 * 1024 * 1024, (rss_with, rss_without)


def _drop_file_capabilities():
    """As root: lose the capabilities that bypass file permissions (in the child, before exec)."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


@pytest.mark.skipif(sys.platform != "linux", reason="permission bits and capabilities as on Linux")
@pytest.mark.slow  # builds in fresh processes
def test_unreadable_files_and_folders(previous, tmp_path):
    """chmod 0 files and folders. Root reads anything, so as root the CLI runs without the capabilities
    that bypass permissions (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH); where that is not allowed, skip."""
    locked = tmp_path / "locked.txt"
    locked.write_text(DOCS["gamma.md"])
    folder = tmp_path / "private"
    folder.mkdir()
    (folder / "inside.txt").write_text(DOCS["gamma.md"])
    good = write_docs(tmp_path / "good", ["gamma.md"]) / "gamma.md"
    kw = {}
    if os.geteuid() == 0:
        probe = subprocess.run(["true"], preexec_fn=_drop_file_capabilities, capture_output=True)
        if probe.returncode != 0:
            pytest.skip("running as root and cannot drop CAP_DAC_OVERRIDE here: root would read the files")
        kw["preexec_fn"] = _drop_file_capabilities
    locked.chmod(0)
    folder.chmod(0)
    try:
        for path, reason in ((locked, "permission denied"), (folder, "permission denied")):
            done = run_cli("build", path, "--out", previous[0], "-q", **kw)
            assert done.returncode == 1
            assert done.stderr == f"policygraph: error: {path}: {reason}\n"
            assert_intact(previous)
        done = run_cli("build", locked, folder, good, "--out", tmp_path / "out", "-q", "--rules-only",
                       "--keep-going", **kw)
        assert done.returncode == 0 and no_traceback(done.stderr)
        assert f"warning: {locked}: permission denied" in done.stderr
        assert f"warning: {folder}: permission denied" in done.stderr
        assert sorted(policygraph.open_build(tmp_path / "out").kg.documents) == ["gamma"]
    finally:
        locked.chmod(0o644)
        folder.chmod(0o755)


# -- readable, if odd: built -----------------------------------------------------------------------------------
@pytest.mark.slow  # big inputs (3,000 nested elements, a 100 kB sentence)
def test_odd_but_readable_input_is_built(tmp_path, capsys):
    src = tmp_path / "src"
    src.mkdir()
    (src / "latin1.txt").write_bytes("Le café: Hyundai Motor Group invested $5.5 billion in Georgia in 2022.\n"
                                     .encode("latin-1"))
    (src / "utf16.txt").write_bytes("Samsung Electronics invested $17 billion in Texas in 2021. Café.\n"
                                    .encode("utf-16"))
    (src / "copy-a.txt").write_text(DOCS["beta.txt"])
    (src / "copy-b.txt").write_text(DOCS["beta.txt"])
    (src / "nothing.txt").write_text("The weather was mild and the meeting ended early.\n")
    filler = " and the other party said that it would consider the matter further"
    long = "Japan imposed export controls on South Korea in 2019" + filler * 1500 + ".\n"
    (src / "long-sentence.txt").write_text(long)
    nested = "<div>" * 3000 + "<p>South Korea and the United States signed the KORUS FTA in 2007.</p>" + "</div>" * 3000
    (src / "nested.html").write_text(f"<html><body>{nested}</body></html>")
    out = tmp_path / "out"
    rc = main(["build", str(src), "--out", str(out), "--rules-only", "-q"])
    err = capsys.readouterr().err
    assert rc == 0 and no_traceback(err)
    assert f"warning: {src / 'copy-b.txt'}: same content as {src / 'copy-a.txt'}; both kept as documents" in err
    assert f"warning: {src / 'nothing.txt'}: no entities found (the document is kept, with no facts)" in err
    b = policygraph.open_build(out)
    assert sorted(b.kg.documents) == ["copy-a", "copy-b", "latin1", "long-sentence", "nested", "nothing", "utf16"]
    texts = {p.stem: p.read_text(encoding="utf-8") for p in (out / "documents").glob("*.txt")}
    assert texts["latin1"].startswith("Le café: Hyundai") and texts["utf16"].endswith("Café.\n")
    assert len(texts["long-sentence"]) == len(long)
    for r in b.kg.relations.values():
        for ev in r.evidence:
            assert texts[ev.doc][ev.start:ev.end] == ev.quote
    docs_of = lambda s, p, o: {d for r in b.kg.relations.values() if (r.subject, r.predicate, r.object) == (s, p, o)
                               for d in r.docs}
    assert docs_of("firm/hyundai-motor-group", "INVESTS_IN", "usstate/georgia") == {"latin1"}
    assert docs_of("firm/samsung-electronics", "INVESTS_IN", "usstate/texas") == {"utf16"}
    with open(out / "sentences.jsonl", encoding="utf-8") as fh:
        sentences = [json.loads(line) for line in fh]
    assert all(texts[s["doc"]][s["start"]:s["end"]] == s["text"] for s in sentences)
    long_sentences = [s for s in sentences if s["doc"] == "long-sentence"]
    assert len(long_sentences) >= len(long) // MAX_SENTENCE_CHARS  # cut into bounded pieces, all kept
    assert all(len(s["text"]) <= MAX_SENTENCE_CHARS for s in long_sentences)
    assert "nested" in docs_of("country/united-states", "SIGNS", "agreement/korus-fta")
