"""One build of a folder: decide its documents, take each from the cache or extract it, write it all.

Every way of making a build (``build``, ``add``, ``remove``, ``build --repair``: operations.py) runs the
same three steps on a Builder:

1. decide the documents (files given, plus or minus the documents already in the build);
2. take each document's facts from the cache when the entry is still valid, else read and extract it;
3. merge all documents in document-id order and write *every* output (outputs.py) and the cache into a
   temporary folder that replaces the old build in one atomic step (atomic.py), after SHACL validation.

So a fact stays while any document supports it, an entity goes with its last mention, the same documents
always give the same bytes, and a build killed at any moment leaves the previous build as it was.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..console import QUIET, PolicygraphError, Progress
from ..graph.files import write_text
from ..graph.model import DocumentInfo, Entity, Evidence, KnowledgeGraph, Relation
from ..loaders.read.errors import LoadError
from ..loaders.read.metadata import read_metadata
from ..loaders.read.readers import FORMATS, SUPPORTED, _read_bytes, iter_paths, read_document
from ..loaders.read.repair import repair
from ..ontology import home_countries
from .atomic import fault_point, swap_in
from .cache import Entry, extraction_mode, fingerprint
from .folder import is_empty, keep_user_files, skip_reason, write_marker
from .layout import CACHE, DOCUMENTS, LOCK, SETTINGS, TEXTS, no_build_here, settings
from .outputs import write_outputs
from .validation import validation_stamp

if TYPE_CHECKING:  # loaded when first needed: spaCy takes seconds a build may not need
    from ..loaders.extract.pipeline import Extractor
    from ..loaders.read.document import Document


@dataclass
class Doc:
    """A document of the build being made."""

    info: DocumentInfo
    entry: Entry
    extracted: bool  # False: taken from the cache
    from_file: bool = False  # read from a file given to this build (not kept from the previous build)


@dataclass
class Plan:
    """How one build went: what was extracted, what came from the cache, what was skipped."""

    docs: dict[str, Doc] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # the user's files carried into the new build


@dataclass
class Result:
    """What a build, add, remove or repair made: the graph written to `out`, and how it went."""

    out: Path
    kg: KnowledgeGraph
    warnings: list[str]
    extracted: list[str]  # document ids read and extracted by this build
    reused: list[str]  # document ids taken from the cache
    added: list[str]  # document ids read from the files given
    removed: list[str]
    kept: list[str]  # the user's files carried into the new build


class Builder:
    """One build of `out`: call under BuildLock, then `add_file`/`keep`/..., then `write()`."""

    def __init__(self, out: Path, use_model: bool | None = True, progress: Progress = QUIET,
                 keep_going: bool = False, follow_symlinks: bool = False):
        self.out = out
        self.follow_symlinks = follow_symlinks
        if use_model is None:  # as the build in `out` was made (default: with the model)
            use_model = settings(out).get("use_model", True) is not False
        self.use_model = use_model
        self.progress = progress
        self.keep_going = keep_going
        self.mode = extraction_mode(use_model)
        self.fp = fingerprint(self.mode)
        self._extractor: Extractor | None = None
        self.plan = Plan()
        self.old_docs: dict[str, DocumentInfo] = {}
        self.old_cache = out / CACHE
        self.hashes: dict[str, str] = {}  # sha256 -> the first path with that content
        # the build in `out` was validated and may be the base of a delta validation (not when repairing it)
        self.previous_is_valid = False

    # -- the previous build ---------------------------------------------------------------------
    def read_previous(self, required: bool = False) -> dict[str, DocumentInfo]:
        """The documents of the build in `out` (documents.json). With required=False a missing or
        damaged build is simply no cache."""
        manifest = self.out / DOCUMENTS
        if not manifest.exists():
            if required:
                if not self.out.exists() or is_empty(self.out):
                    raise no_build_here(self.out)
                raise PolicygraphError(f"{manifest}: missing, so the build's documents are unknown; rebuild from "
                                       f"the source files with `policygraph build PATH --out {self.out}`")
            return {}
        try:
            docs = {d["id"]: DocumentInfo(**d) for d in json.loads(manifest.read_text(encoding="utf-8"))}
        except (OSError, ValueError, TypeError, KeyError) as err:
            if required:
                raise PolicygraphError(f"{manifest}: damaged ({type(err).__name__}), so the build's documents are "
                                       f"unknown; rebuild from the source files with `policygraph build PATH "
                                       f"--out {self.out}`") from None
            self.warn(f"{manifest}: damaged; the previous build's cache is not used")
            return {}
        self.old_docs = docs
        return docs

    def cached(self, sha256: str) -> Entry | None:
        path = self.old_cache / f"{sha256}.json"
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        return Entry.from_json(text, sha256, self.fp)

    # -- documents ------------------------------------------------------------------------------
    def warn(self, message: str) -> None:
        self.plan.warnings.append(message)
        self.progress(f"warning: {message}")

    def fail(self, err: LoadError | str) -> None:
        """A document that cannot be built: an error, or with keep_going a warning."""
        if not self.keep_going:
            raise PolicygraphError(str(err))
        self.warn(str(err))

    @property
    def extractor(self) -> Extractor:
        if self._extractor is None:
            from ..loaders.extract.pipeline import (
                Extractor,  # here: it loads spaCy, seconds a build may not need
            )

            self.progress("Loading the extractor" + (" and the spaCy model" if self.mode != "rules" else ""))
            self._extractor = Extractor(use_model=self.use_model)
            if self._extractor.nlp is None and self.mode != "rules":
                self.mode = "rules"  # the model could not be used: label what we extract truthfully
                self.fp = fingerprint(self.mode)
        return self._extractor

    def _extract(self, doc: Document) -> Entry:
        entry = Entry.from_facts(doc, self.extractor.run(doc), self.fp)
        if entry is None:  # an evidence offset that does not point at its quote: never written into a build
            raise PolicygraphError(f"{doc.path}: the extraction's offsets do not match the text (a bug in "
                                   "policygraph; please report it with this document)")
        return entry

    # -- the files given --------------------------------------------------------------------------
    def files(self, paths: list[Path]) -> list[Path]:
        """The documents under `paths`, each once; none at all (and nothing to warn about) is an error."""
        files: list[Path] = []
        for p in paths:
            for f in self._walk(Path(p)):
                if f not in files:
                    files.append(f)
        if not files and not self.plan.warnings:
            raise PolicygraphError(f"no documents found in {', '.join(map(str, paths))} "
                                   f"(supported: {' '.join(SUPPORTED)})")
        return files

    def _walk(self, p: Path) -> list[Path]:
        """The files of one given path; a problem with it is an error (or a warning). The walk of a folder never
        enters a build folder, never reads policygraph's own outputs and follows no symbolic link out of the
        folder (unless follow_symlinks)."""
        def skipped(path: Path, reason: str) -> None:
            if "symbolic link" in reason or "own output" in reason:
                self.warn(f"{path}: {reason}")
            else:
                self.progress(f"Not reading {path}: {reason}")

        errors: list[LoadError] = []
        try:
            files = iter_paths([p], on_error=errors.append, skip=skip_reason, on_skip=skipped,
                               follow_symlinks=self.follow_symlinks)
        except LoadError as err:
            self.fail(err)
            return []
        for error in errors:
            self.fail(error)
        if not files and p.is_dir() and not errors:
            self.fail(LoadError(p, f"a directory with no documents in it (supported: {' '.join(SUPPORTED)})"))
        return files

    def add_files(self, files: list[Path]) -> None:
        for i, f in enumerate(files, 1):
            self.add_file(f, index=(i, len(files)))

    def add_file(self, path: Path, index: tuple[int, int] | None = None) -> Doc | None:
        """Read (or take from the cache) one file; None when it cannot be built (with keep_going)."""
        done, total = index or (None, None)
        try:
            if path.suffix.lower() not in FORMATS:
                read_document(path)  # raises the reader's own message (unsupported type, directory...)
            data = _read_bytes(path)  # bounded: refuses a file over the size limit before reading it
        except LoadError as err:
            self.fail(err)
            return None
        sha = hashlib.sha256(data).hexdigest()
        meta = read_metadata(path, data)  # what the document states about itself: title, publisher, date
        del data
        doc_id = path.stem
        have = self.plan.docs.get(doc_id)
        if have is not None:
            self.fail(LoadError(path, f"a document with id '{doc_id}' was already read from {have.info.path} "
                                      "(ids are file names without extension)"))
            return None
        entry = self.cached(sha)
        extracted = entry is None
        if entry is not None:
            self.progress(f"Using the cached extraction of {path}", done, total)
        else:
            self.extractor  # noqa: B018 - load it first, so the progress lines read in order
            self.progress(f"Reading and extracting {path}", done, total)
            try:
                doc = read_document(path)
            except LoadError as err:
                self.fail(err)
                return None
            for w in getattr(doc, "warnings", ()):
                self.warn(f"{path}: {w}")
            sha = doc.sha256
            entry = self._extract(doc)
        info = DocumentInfo(doc_id, str(path), sha, len(entry.raw), entry.format, **meta)
        if sha in self.hashes:
            self.warn(f"{path}: same content as {self.hashes[sha]}; both kept as documents")
        self.hashes.setdefault(sha, str(path))
        if not entry.entities:
            self.warn(f"{path}: no entities found (the document is kept, with no facts)")
        return self._take(info, entry, extracted, from_file=True)

    def _take(self, info: DocumentInfo, entry: Entry, extracted: bool, from_file: bool = False) -> Doc:
        self.hashes.setdefault(info.sha256, info.path)
        d = Doc(info, entry, extracted, from_file)
        self.plan.docs[info.id] = d
        return d

    def keep(self, info: DocumentInfo) -> Doc:
        """A document of the previous build: from the cache, else re-extracted from the build's own copy of
        its text (documents/<id>.txt), else from its source file if that still has the same bytes."""
        entry = self.cached(info.sha256)
        if entry is not None:
            return self._take(info, entry, extracted=False)
        doc = None
        copy = self.out / TEXTS / f"{info.id}.txt"
        try:
            raw = None
            if copy.is_file():
                with open(copy, encoding="utf-8", newline="") as fh:
                    raw = fh.read()
        except (OSError, UnicodeDecodeError):
            raw = None
        if raw is not None and len(raw) == info.chars:
            self.extractor  # noqa: B018 - load it first, so the progress lines read in order
            self.progress(f"Re-extracting {info.id} from {copy} (its cache entry is stale or missing)")
            doc = repair(info.id, info.path, info.format, raw)
            doc.sha256 = info.sha256
        else:
            src = Path(info.path)
            try:
                doc = read_document(src)
            except LoadError:
                doc = None
            if doc is not None and doc.sha256 != info.sha256:
                doc = None
            if doc is None:
                raise PolicygraphError(
                    f"{self.out}: cannot rebuild document '{info.id}': its cache entry and {copy} are missing or "
                    f"damaged and {src} is gone or changed; rebuild from the source files with "
                    f"`policygraph build PATH --out {self.out}`")
            self.progress(f"Re-extracting {info.id} from {src} (its cache entry is stale or missing)")
        if not doc.text.strip():
            raise PolicygraphError(f"{copy}: empty; rebuild with `policygraph build PATH --out {self.out}`")
        return self._take(info, self._extract(doc), extracted=True)

    # -- writing --------------------------------------------------------------------------------
    def write(self, store: bool = True, view: bool = True) -> KnowledgeGraph:
        """Merge, validate and write everything into a temporary directory, then swap it in."""
        if not self.plan.docs:
            raise PolicygraphError("no document could be read; nothing was built (the previous build, if any, "
                                   "is unchanged)")
        fault_point("extracted")
        docs = [(d.info, d.entry) for d in self.plan.docs.values()]
        kg, sentences, mentions, raws = merge(docs)
        out = self.out
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.building-", dir=out.parent))
        try:
            os.chmod(tmp, 0o755)
            write_marker(tmp)  # first: the new folder is recognisably a build from the start
            previous = self.out if self.previous_is_valid else None
            write_outputs(kg, tmp, sentences, mentions, raws, self.progress, store=store, view=view,
                          previous=previous)
            cache = tmp / CACHE
            cache.mkdir(exist_ok=True)
            for d in sorted(self.plan.docs.values(), key=lambda d: d.info.id):
                dest = cache / f"{d.info.sha256}.json"
                if dest.exists():
                    continue  # the same content under two names
                if not d.extracted:
                    try:
                        os.link(self.old_cache / dest.name, dest)  # unchanged: shared with the old build
                        continue
                    except OSError:
                        pass
                write_text(dest, d.entry.to_json(), newline="\n")
            made = {"use_model": self.use_model, "validation": validation_stamp()}
            write_text(tmp / SETTINGS, json.dumps(made) + "\n")
            write_text(tmp / LOCK, "")  # builds waiting on the old folder's lock move to this one
            self.plan.kept = keep_user_files(out, tmp, self.progress)
            fault_point("written")
            self.progress(f"Replacing {out} with the new build")
            swap_in(tmp, out)
        except OSError as err:  # a full disk, a quota, a file too large: named, and nothing lost
            shutil.rmtree(tmp, ignore_errors=True)
            where = str(err.filename or out).replace(str(tmp), str(out))
            raise PolicygraphError(f"{where}: {err.strerror or err}; nothing was replaced: the previous build of "
                                   f"{out} (if any) is unchanged") from None
        except PolicygraphError as err:
            shutil.rmtree(tmp, ignore_errors=True)
            if type(err) is not PolicygraphError:  # e.g. ShapeViolation, whose report callers read
                raise
            raise PolicygraphError(str(err).replace(str(tmp), str(out)) + f" (nothing was replaced: the previous "
                                   f"build of {out}, if any, is unchanged)") from None
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return kg


    def result(self, kg: KnowledgeGraph) -> Result:
        docs = self.plan.docs
        return Result(self.out, kg, self.plan.warnings, sorted(i for i, d in docs.items() if d.extracted),
                      sorted(i for i, d in docs.items() if not d.extracted),
                      sorted(i for i, d in docs.items() if d.from_file), self.plan.removed, self.plan.kept)


def merge(docs: list[tuple[DocumentInfo, Entry]]
          ) -> tuple[KnowledgeGraph, list[dict], list[dict], dict[str, str]]:
    """All documents' facts in one graph, in document-id order: (kg, sentences, mentions, raws)."""
    kg = KnowledgeGraph()
    sentences: list[dict] = []
    mentions: list[dict] = []
    raws: dict[str, str] = {}
    for info, e in sorted(docs, key=lambda d: d[0].id):
        doc = info.id
        kg.add_document(info)
        for ent in e.entities:
            kg.add_entity(Entity(ent["id"], ent["name"], ent["type"], set(ent["aliases"]), {doc},
                                 ent.get("wikidata"), ent.get("source") or "pattern"))
        for r in e.relations:
            kg.add_relation(Relation(r["subject"], r["predicate"], r["object"], dict(r["props"]),
                                     float(r["confidence"]), [Evidence(doc, s, t, q) for s, t, q in r["evidence"]]))
        sentences += [{"doc": doc, **s} for s in e.sentences]
        mentions += [{"doc": doc, **m} for m in e.mentions]
        raws[doc] = e.raw
    for firm, country in home_countries().items():  # general knowledge carried on the entity (issue 11)
        if firm in kg.entities:
            kg.entities[firm].home_country = country
    return kg, sentences, mentions, raws
