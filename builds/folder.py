"""What a build folder is, and what policygraph may do in one: nothing of the user's is ever lost.

A build folder is unmistakable: it holds ``policygraph-build.json``, a marker only policygraph writes
(``{"format": "policygraph-build", "version": 1}``). policygraph replaces the contents of a folder only
when it holds that marker, or when it is empty. Any other folder is refused, whatever it holds (a
``facts.jsonl`` left by ``export > facts.jsonl`` does not make a folder a build).

Builds made before the marker existed are recognised by their exact layout (``facts.jsonl``, a
``documents.json`` listing documents, ``build.json`` saying how the build was made, and the ``documents/``
folder): they are adopted, and the next build, add or remove writes the marker. Anything less is refused
with the command that rebuilds it elsewhere.

Inside a build, every top-level name policygraph does not write is the user's (a brief, a focused view,
a CSV export, notes, a ``.git``): it is carried into each new build (hard links, so nothing is copied)
or, if it cannot be (a socket, a FIFO, a file inside ``documents/`` or ``cache/``), the command refuses
before any work and names it. The lock that serialises builds of one folder lives inside it.

``--out`` is also refused when it is the current directory, ``/``, the home directory, one of the inputs
or a folder that holds an input (the new build would replace the folder the documents are in). An
``--out`` inside an input folder is fine (``policygraph build .`` writes ``./out``): reading never
enters a build folder.
"""
from __future__ import annotations

import errno
import json
import os
import re
import shutil
import stat
from pathlib import Path

from ..console import QUIET, PolicygraphError, Progress
from ..graph.files import write_text
from .layout import (CACHE, DOCUMENTS, FACTS, LOCK, MARKER, OWNED_DIRS, OWNED_FILES, RDF_BLOCKS, SETTINGS, STORE_TMP,
                     TEXTS, document_ids)

FORMAT = "policygraph-build"
VERSION = 1
_CACHE_ENTRY = re.compile(r"^[0-9a-f]{64}\.json$")
_RDF_BLOCK = re.compile(r"^[0-9a-f]{64}\.ttl$")


def marker_text() -> str:
    return json.dumps({"format": FORMAT, "version": VERSION, "note": "written by policygraph: this folder is a "
                       "build; files you add here are kept across builds"}, indent=1) + "\n"


def write_marker(folder: Path) -> None:
    write_text(folder / MARKER, marker_text())


def _marker(folder: Path) -> dict | None:
    try:
        got = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    return got if isinstance(got, dict) and got.get("format") == FORMAT else None


def is_legacy_build(folder: Path) -> bool:
    """A build made before the marker: exactly the layout those versions wrote."""
    try:
        if not ((folder / FACTS).is_file() and (folder / TEXTS).is_dir()):
            return False
        settings = json.loads((folder / SETTINGS).read_text(encoding="utf-8"))
        docs = json.loads((folder / DOCUMENTS).read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return False
    return (isinstance(settings, dict) and "use_model" in settings and isinstance(docs, list)
            and all(isinstance(d, dict) and {"id", "path", "sha256"} <= set(d) for d in docs))


def is_build(folder: Path) -> bool:
    """A policygraph build: the marker, or a build made before the marker (adopted)."""
    folder = Path(folder)
    return _marker(folder) is not None or is_legacy_build(folder)


def is_empty(folder: Path) -> bool:
    """No entries, or nothing but policygraph's own lock (what a first build that failed leaves)."""
    try:
        return all(e.name == LOCK for e in os.scandir(folder))
    except OSError:
        return False


# ------------------------------------------------------------------------------------------------------
# Where a build may go
# ------------------------------------------------------------------------------------------------------


def _within(child: Path, parent: Path) -> bool:
    return child == parent or parent in child.parents


def check_out(out, inputs=(), progress: Progress = QUIET) -> Path:
    """The output folder (a symlink to one followed), refused with one line when writing a build there could
    cost the user anything. `inputs`: the files and folders this build reads."""
    out = Path(out)
    real = Path(os.path.realpath(out))
    home = Path(os.path.realpath(Path.home())) if Path.home() else None
    cwd = Path(os.path.realpath(Path.cwd()))
    if real == Path(real.anchor):
        raise PolicygraphError(f"--out {out}: the root of the file system, never a build folder; choose a new "
                               "folder such as --out out")
    if home is not None and real == home:
        raise PolicygraphError(f"--out {out}: your home directory, never a build folder; choose a new folder such "
                               "as --out out")
    if _within(cwd, real):
        raise PolicygraphError(f"--out {out}: {'the current directory' if real == cwd else 'holds the current directory'}"
                               f", which a build would replace; choose a new folder such as --out out")
    for p in inputs:
        src = Path(os.path.realpath(p))
        if src == real:
            raise PolicygraphError(f"--out {out}: is the input {p}; a build replaces its folder, so write it "
                                   "elsewhere (e.g. --out out)")
        if _within(src, real):
            raise PolicygraphError(f"--out {out}: holds the input {p}; a build replaces its folder, so write it "
                                   "elsewhere (e.g. --out out)")
    if real.exists() and not real.is_dir():
        raise PolicygraphError(f"{out}: exists and is not a directory; choose another --out")
    if real.is_dir():
        marker = _marker(real)
        if marker is not None:
            version = marker.get("version")
            if not isinstance(version, int) or version > VERSION:
                raise PolicygraphError(f"{out}: a build made by a newer policygraph (build format {version}); "
                                       "update policygraph or choose another --out")
        elif not is_legacy_build(real) and not is_empty(real):
            raise PolicygraphError(f"{out}: exists and is not a policygraph build (no {MARKER} in it, and policygraph "
                                   "never writes into a folder it did not make); choose another --out (a new or "
                                   "empty folder)")
    return real if out.is_symlink() else out


# ------------------------------------------------------------------------------------------------------
# The user's files inside a build
# ------------------------------------------------------------------------------------------------------


def _owned_top(name: str) -> bool:
    return name in OWNED_FILES or name in OWNED_DIRS or bool(STORE_TMP.match(name))


def user_entries(out: Path, doc_ids=None) -> tuple[list[str], list[str]]:
    """(the user's top-level entries, to carry over; entries that cannot be kept: special files, and
    anything inside documents/ or cache/ that a build did not write), as paths relative to `out`.
    `doc_ids`: the build's documents (documents/<id>.txt, .html); None when unknown: any such file there."""
    keep: list[str] = []
    stuck: list[str] = []
    try:
        entries = sorted(os.scandir(out), key=lambda e: e.name)
    except FileNotFoundError:
        return [], []
    ids = None if doc_ids is None else set(doc_ids)

    def ours(x) -> bool:
        """documents/<id>.txt (the text as read) and documents/<id>.html (its page, where builds write one)."""
        stem, dot, ext = x.name.rpartition(".")
        return (x.is_file(follow_symlinks=False) and dot == "." and ext in ("txt", "html")
                and (stem in ids if ids is not None else True))

    for e in entries:
        if _owned_top(e.name):
            if e.name == TEXTS and e.is_dir(follow_symlinks=False):
                stuck += [f"{TEXTS}/{x.name}" for x in os.scandir(e.path) if not ours(x)]
            elif e.name == CACHE and e.is_dir(follow_symlinks=False):
                for x in os.scandir(e.path):
                    if x.name == RDF_BLOCKS and x.is_dir(follow_symlinks=False):
                        stuck += [f"{CACHE}/{RDF_BLOCKS}/{y.name}" for y in os.scandir(x.path)
                                  if not _RDF_BLOCK.match(y.name)]
                    elif not _CACHE_ENTRY.match(x.name):
                        stuck.append(f"{CACHE}/{x.name}")
            continue
        mode = e.stat(follow_symlinks=False).st_mode
        if stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISLNK(mode):
            if stat.S_ISDIR(mode) and _has_special(Path(e.path)):
                stuck.append(e.name)
            else:
                keep.append(e.name)
        else:
            stuck.append(e.name)
    return keep, sorted(stuck)


def check_user_files(out: Path) -> None:
    """Before any work: refuse if the build folder holds files of the user's a new build could not carry over."""
    refuse_stuck(out, user_entries(out, document_ids(out))[1])


def keep_user_files(out: Path, new: Path, progress: Progress = QUIET) -> list[str]:
    """Carry the user's files of the build in `out` into the new build `new`; the names kept."""
    keep, stuck = user_entries(out, document_ids(out))
    refuse_stuck(out, stuck)
    if keep:
        shown = ", ".join(keep[:6]) + (f" and {len(keep) - 6} more" if len(keep) > 6 else "")
        progress(f"Keeping {len(keep)} file{'s' if len(keep) != 1 else ''} of yours in {out}: {shown}")
        carry_over(out, new, keep)
    return keep


def _has_special(folder: Path) -> bool:
    for root, dirs, files in os.walk(folder):
        for name in files + dirs:
            mode = os.lstat(os.path.join(root, name)).st_mode
            if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode) or stat.S_ISLNK(mode)):
                return True
    return False


def refuse_stuck(out: Path, stuck: list[str]) -> None:
    if stuck:
        shown = ", ".join(stuck[:8]) + (f" and {len(stuck) - 8} more" if len(stuck) > 8 else "")
        raise PolicygraphError(f"{out}: holds files of yours that a new build cannot carry over ({shown}); move them "
                               "out of the build folder (nothing was changed)")


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst, follow_symlinks=False)
    except OSError as err:
        if err.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP):
            raise
        shutil.copy2(src, dst, follow_symlinks=False)


def carry_over(old: Path, new: Path, names: list[str]) -> None:
    """Put the user's entries of the old build into the new one (hard links: same files, nothing copied)."""
    for name in names:
        src, dst = old / name, new / name
        if src.is_symlink():
            os.symlink(os.readlink(src), dst)
        elif src.is_dir():
            shutil.copytree(src, dst, symlinks=True, copy_function=_link_or_copy)
        elif src.exists():
            _link_or_copy(str(src), str(dst))


# ------------------------------------------------------------------------------------------------------
# What the walk never reads as a document
# ------------------------------------------------------------------------------------------------------

_TEMP_DIR = re.compile(r"^\..+\.(building|old)-[^/]+$")
_SIGNATURES = (
    (b"<title>policygraph view", "a policygraph view"),
    (b"<title>Briefing: ", "a policygraph briefing"),
    (b"# Briefing: ", "a policygraph briefing"),
)


def skip_reason(path: Path, is_dir: bool) -> str | None:
    """Why the walk of an input folder does not read `path`: a build folder (its documents/ and view.html are
    outputs), a build's temporary folder, or a file policygraph wrote (a view, a briefing). None: read it."""
    if is_dir:
        if _TEMP_DIR.match(path.name):
            return "a policygraph build in progress"
        if is_build(path):
            return "a policygraph build folder"
        return None
    if path.suffix.lower() in (".html", ".htm", ".md"):
        try:
            with open(path, "rb") as fh:
                head = fh.read(8192)
        except OSError:
            return None
        for sig, what in _SIGNATURES:
            if (head.startswith(sig) if sig.startswith(b"#") else sig in head):
                return f"{what} (policygraph's own output)"
    return None
