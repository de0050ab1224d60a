"""The four ways of making a build — build, add, remove, repair — and extraction without one.

Each takes the folder's lock, puts back what a killed build left, checks the user's files can be carried
over, decides the documents on a Builder and writes; each returns a Result that the API wraps.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ..console import QUIET, PolicygraphError, Progress
from ..graph.model import KnowledgeGraph
from .atomic import BuildLock, recover
from .builder import Builder, Result, merge
from .folder import check_out, check_user_files, is_empty
from .layout import no_build_here

# one path or several: files, folders (and for remove, document ids)
PathsArg = str | os.PathLike | Iterable[str | os.PathLike]


def build(paths: PathsArg | None, out: str | os.PathLike = "out", use_model: bool | None = True, progress: Progress | None = None,
          keep_going: bool = False, store: bool = True, view: bool = True, repair: bool = False,
          follow_symlinks: bool = False) -> Result:
    """Build `out` from these files and folders; documents unchanged since the last build of `out` are not
    re-extracted. With no paths and repair=True: rebuild every output of `out` from its own documents.
    Symbolic links inside folders are followed only where they stay inside them, unless follow_symlinks."""
    progress = progress or QUIET
    given = _as_paths(paths or [])
    if not given and not repair:
        raise PolicygraphError("no documents given (policygraph build PATH... --out DIR; "
                               "or `policygraph build --repair --out DIR` to rebuild a damaged build)")
    folder = check_out(out, given)
    if not given:
        _existing_build(folder)
    with _locked(folder, progress):
        builder = Builder(folder, None if repair and not given else use_model, progress, keep_going, follow_symlinks)
        if not given:
            infos = builder.read_previous(required=True)
            progress(f"Repairing {folder}: rebuilding every output from its {len(infos)} documents")
            for info in sorted(infos.values(), key=lambda d: d.id):
                builder.keep(info)
        else:
            builder.previous_is_valid = bool(builder.read_previous(required=False)) and not repair
            builder.add_files(builder.files(given))
        kg = builder.write(store=store, view=view)
    return builder.result(kg)


def add(paths: PathsArg, out: str | os.PathLike = "out", use_model: bool | None = None, progress: Progress | None = None, keep_going: bool = False,
        store: bool = True, view: bool = True, follow_symlinks: bool = False) -> Result:
    """Add documents (files or folders) to the build in `out`; a file whose id is already in the build
    replaces that document. Nothing already in the build is re-extracted. `use_model=None`: as the build
    was made (a different choice re-extracts every document)."""
    progress = progress or QUIET
    given = _as_paths(paths)
    if not given:
        raise PolicygraphError("no documents given (policygraph add PATH... --out DIR)")
    folder = check_out(out, given)
    _existing_build(folder)
    with _locked(folder, progress):
        builder = Builder(folder, use_model, progress, keep_going, follow_symlinks)
        infos = builder.read_previous(required=True)
        builder.previous_is_valid = True
        files = builder.files(given)
        stems = {f.stem for f in files}
        for info in sorted(infos.values(), key=lambda d: d.id):
            if info.id not in stems:
                builder.keep(info)
        for i, f in enumerate(files, 1):
            old = infos.get(f.stem)
            if (old is not None and f.stem not in builder.plan.docs and Path(old.path) == f
                    and _same_bytes(f, old.sha256)):
                builder.keep(old)
                builder.warn(f"{f}: already in the build as '{old.id}', unchanged")
                continue
            builder.add_file(f, index=(i, len(files)))  # a second file with one id is an error there
        for info in sorted(infos.values(), key=lambda d: d.id):
            if info.id not in builder.plan.docs:
                builder.keep(info)  # --keep-going and its new version failed: the one in the build stays
        kg = builder.write(store=store, view=view)
    return builder.result(kg)


def remove(doc_ids: PathsArg, out: str | os.PathLike = "out", progress: Progress | None = None, store: bool = True, view: bool = True,
           use_model: bool | None = None) -> Result:
    """Remove documents (by id, or by the path they were built from) from the build in `out`: their facts
    go unless another document supports them, and entities no remaining document mentions go too."""
    progress = progress or QUIET
    if isinstance(doc_ids, (str, os.PathLike)):
        doc_ids = [doc_ids]
    wanted = [str(d) for d in doc_ids]
    if not wanted:
        raise PolicygraphError("no document ids given (policygraph remove DOC_ID... --out DIR)")
    folder = check_out(out)
    _existing_build(folder)
    with _locked(folder, progress):
        builder = Builder(folder, use_model, progress)
        infos = builder.read_previous(required=True)
        builder.previous_is_valid = True
        gone = _matching_ids(wanted, infos, folder)
        if len(gone) == len(infos):
            raise PolicygraphError(f"removing {'it' if len(gone) == 1 else 'them'} would leave {folder} with no "
                                   f"documents; delete the directory instead")
        for info in sorted(infos.values(), key=lambda i: i.id):
            if info.id not in gone:
                builder.keep(info)
        builder.plan.removed = sorted(gone)
        progress(f"Removing {', '.join(sorted(gone))}")
        kg = builder.write(store=store, view=view)
    return builder.result(kg)


def extract(paths: PathsArg, use_model: bool = True, progress: Progress | None = None, keep_going: bool = False
            ) -> tuple[KnowledgeGraph, list[dict], list[dict], dict[str, str], list[str]]:
    """Read and extract documents with no build directory (no cache): the same reading, checks and merge as a
    build. Returns (kg, sentences, mentions, raws, warnings)."""
    builder = Builder(Path(os.devnull) / "no-build", use_model, progress or QUIET, keep_going)  # no cache there
    builder.add_files(builder.files(_as_paths(paths)))
    kg, sentences, mentions, raws = merge([(d.info, d.entry) for d in builder.plan.docs.values()])
    return kg, sentences, mentions, raws, builder.plan.warnings


# ------------------------------------------------------------------------------------------------


@contextmanager
def _locked(folder: Path, progress: Progress) -> Iterator[None]:
    """Hold the folder's lock; first put back what a killed build left, and refuse user files that would be lost."""
    with BuildLock(folder, progress):
        recover(folder, progress)
        check_user_files(folder)
        yield


def _as_paths(paths: PathsArg) -> list[Path]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return [Path(p) for p in paths]


def _existing_build(folder: Path) -> None:
    if not folder.exists() or is_empty(folder):
        raise no_build_here(folder)


def _matching_ids(wanted: list[str], infos: dict, folder: Path) -> list[str]:
    """The build's ids of the documents named (by id, by the path built from, or by a file name)."""
    gone: list[str] = []
    for d in wanted:
        match = d if d in infos else next((i.id for i in infos.values() if i.path == d or
                                          Path(i.path) == Path(d)), None)
        if match is None and Path(d).stem in infos and Path(d).suffix:
            match = Path(d).stem
        if match is None:
            known = ", ".join(sorted(infos)[:10]) + (" ..." if len(infos) > 10 else "")
            raise PolicygraphError(f"{d}: no such document in {folder} (its documents: {known})")
        if match not in gone:
            gone.append(match)
    return gone


def _same_bytes(path: Path, sha256: str) -> bool:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return False
    return h.hexdigest() == sha256
