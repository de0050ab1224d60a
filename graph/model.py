"""The in-memory knowledge graph: entities, relations and the evidence behind each relation.

Everything downstream (RDF, the Cypher store, exports, the view, briefings) reads this one model.
Ids are stable: an entity id comes from its type and canonical name (or its gazetteer id), a relation
id from subject, predicate, object and its key properties, so the same inputs give the same ids.
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Iterator

if TYPE_CHECKING:
    import pandas as pd

# Properties that make two statements of the same (subject, predicate, object) different facts.
KEY_PROPS = ("amount_usd", "year")


def slug(text: str) -> str:
    """Lower-case ASCII slug used in ids: 'Hanwha Q Cells' -> 'hanwha-q-cells'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text or "x"


def entity_id(type_: str, name: str) -> str:
    return f"{slug(type_)}/{slug(name)}"


@dataclass(frozen=True, order=True)
class Evidence:
    """Where a fact is stated: raw_text[start:end] == quote in document `doc`."""

    doc: str
    start: int
    end: int
    quote: str

    def to_dict(self) -> dict:
        return {"doc": self.doc, "start": self.start, "end": self.end, "quote": self.quote}


@dataclass
class Entity:
    id: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    docs: set[str] = field(default_factory=set)
    wikidata: str | None = None
    # 'gazetteer' (known in ontology/gazetteer.toml), 'pattern' (descriptive noun phrase) or 'ner'
    source: str = "pattern"
    # a firm's home country (a Country id): general knowledge from the gazetteer, never a relation
    home_country: str | None = None

    def to_dict(self) -> dict:
        out = {
            "kind": "entity",
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": sorted(self.aliases - {self.name}),
            "docs": sorted(self.docs),
        }
        if self.wikidata:
            out["wikidata"] = self.wikidata
        if self.home_country:
            out["home_country"] = self.home_country
        return out

    @classmethod
    def from_dict(cls, rec: dict) -> "Entity":
        """The entity of a facts-export record (to_dict read back)."""
        return cls(rec["id"], rec["name"], rec["type"], set(rec.get("aliases") or []) | {rec["name"]},
                   set(rec.get("docs") or []), rec.get("wikidata"), rec.get("source", "pattern"),
                   rec.get("home_country"))


def written_confidence(value: float) -> float:
    """A fact's confidence as every output writes it, with three decimals: the facts export, the RDF, the Cypher
    store and the build cache's keys agree, so a build reopened from its export reads the same values."""
    return round(float(value), 3)


@dataclass
class Relation:
    subject: str  # entity id
    predicate: str
    object: str  # entity id
    props: dict = field(default_factory=dict)
    confidence: float = 0.5
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def key(self) -> tuple:
        return (self.subject, self.predicate, self.object) + tuple(
            _canon(self.props.get(k)) for k in KEY_PROPS
        )

    @property
    def id(self) -> str:
        return "rel/" + hashlib.sha1(json.dumps(self.key).encode()).hexdigest()[:16]

    @property
    def docs(self) -> list[str]:
        return sorted({e.doc for e in self.evidence})

    def to_dict(self) -> dict:
        return {
            "kind": "relation",
            "id": self.id,
            "subject": self.subject,
            "predicate": self.predicate,
            "object": self.object,
            "props": {k: self.props[k] for k in sorted(self.props)},
            "confidence": written_confidence(self.confidence),
            "evidence": [e.to_dict() for e in sorted(set(self.evidence))],
        }

    @classmethod
    def from_dict(cls, rec: dict) -> "Relation":
        """The relation of a facts-export record (to_dict read back)."""
        return cls(rec["subject"], rec["predicate"], rec["object"], dict(rec.get("props") or {}),
                   float(rec.get("confidence", 0.5)), [Evidence(**e) for e in rec.get("evidence") or []])


def to_float(value: Any) -> float | None:
    """A property value as a number (an amount), None when it is none."""
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def to_int(value: Any) -> int | None:
    """A property value as a whole number (a year), None when it is none."""
    if value is None or isinstance(value, bool):
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return int(f) if f.is_integer() else None


def _canon(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


@dataclass
class DocumentInfo:
    id: str
    path: str
    sha256: str
    chars: int
    format: str
    # what the document states about itself (HTML <title>/meta, PDF metadata, a first heading); see
    # loaders/read/metadata.py. None where it states nothing.
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    author: str | None = None

    def to_dict(self) -> dict:
        out = {"id": self.id, "path": self.path, "sha256": self.sha256, "chars": self.chars, "format": self.format}
        for key in METADATA_KEYS:
            if getattr(self, key):
                out[key] = getattr(self, key)
        return out


METADATA_KEYS = ("title", "publisher", "date", "author")


class KnowledgeGraph:
    """Entities and relations merged across documents; one relation per distinct fact."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.relations: dict[tuple, Relation] = {}
        self.documents: dict[str, DocumentInfo] = {}

    # -- building ---------------------------------------------------------------------------
    def add_entity(self, entity: Entity) -> Entity:
        """Add or merge an entity (same id): aliases, docs and a Wikidata id are unioned."""
        have = self.entities.get(entity.id)
        if have is None:
            self.entities[entity.id] = entity
            return entity
        have.aliases |= entity.aliases
        have.docs |= entity.docs
        have.wikidata = have.wikidata or entity.wikidata
        have.home_country = have.home_country or entity.home_country
        if have.source != "gazetteer" and entity.source == "gazetteer":
            have.source = "gazetteer"
        return have

    def add_relation(self, rel: Relation) -> Relation:
        """Add a relation or, for the same fact, merge its evidence, props and confidence."""
        have = self.relations.get(rel.key)
        if have is None:
            rel.evidence = sorted(set(rel.evidence))
            self.relations[rel.key] = rel
            return rel
        have.evidence = sorted(set(have.evidence) | set(rel.evidence))
        for k, v in rel.props.items():
            have.props.setdefault(k, v)
        # independent supporting sentences raise confidence (noisy-or)
        have.confidence = 1 - (1 - have.confidence) * (1 - rel.confidence)
        return have

    def add_document(self, info: DocumentInfo) -> None:
        self.documents[info.id] = info

    # -- reading ----------------------------------------------------------------------------
    def sorted_entities(self) -> list[Entity]:
        return [self.entities[k] for k in sorted(self.entities)]

    def sorted_relations(self) -> list[Relation]:
        return sorted(self.relations.values(), key=lambda r: r.id)

    def entity(self, id_: str) -> Entity:
        return self.entities[id_]

    def records(self) -> Iterator[dict]:
        """The facts export (../shared/eval/SCHEMA.md): entities first, then relations."""
        for e in self.sorted_entities():
            yield e.to_dict()
        for r in self.sorted_relations():
            yield r.to_dict()

    def to_jsonl(self) -> str:
        return "".join(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n" for rec in self.records())

    @classmethod
    def from_records(cls, records: Iterable[dict], documents: Iterable[dict] = ()) -> "KnowledgeGraph":
        kg = cls()
        for d in documents:
            kg.add_document(DocumentInfo(**d))
        for rec in records:
            if rec.get("kind") == "entity":
                kg.add_entity(Entity.from_dict(rec))
            elif rec.get("kind") == "relation":
                kg.add_relation(Relation.from_dict(rec))
        return kg

    # -- pandas views (the Python API's shape) ------------------------------------------------
    def entities_df(self) -> pd.DataFrame:
        import pandas as pd

        rows = [
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "aliases": sorted(e.aliases - {e.name}),
                "docs": sorted(e.docs),
                "wikidata": e.wikidata,
            }
            for e in self.sorted_entities()
        ]
        return pd.DataFrame(rows, columns=["id", "name", "type", "aliases", "docs", "wikidata"])

    def relations_df(self) -> pd.DataFrame:
        import pandas as pd

        rows = []
        for r in self.sorted_relations():
            s, o = self.entities.get(r.subject), self.entities.get(r.object)
            rows.append(
                {
                    "id": r.id,
                    "subject": r.subject,
                    "subject_name": s.name if s else r.subject,
                    "predicate": r.predicate,
                    "object": r.object,
                    "object_name": o.name if o else r.object,
                    "amount_usd": r.props.get("amount_usd"),
                    "year": r.props.get("year"),
                    "props": dict(r.props),
                    "confidence": written_confidence(r.confidence),
                    "docs": r.docs,
                    "n_evidence": len(r.evidence),
                }
            )
        cols = ["id", "subject", "subject_name", "predicate", "object", "object_name", "amount_usd", "year",
                "props", "confidence", "docs", "n_evidence"]
        return pd.DataFrame(rows, columns=cols)

    def evidence_df(self) -> pd.DataFrame:
        import pandas as pd

        rows = [
            {"relation": r.id, "doc": e.doc, "start": e.start, "end": e.end, "quote": e.quote}
            for r in self.sorted_relations()
            for e in r.evidence
        ]
        return pd.DataFrame(rows, columns=["relation", "doc", "start", "end", "quote"])
