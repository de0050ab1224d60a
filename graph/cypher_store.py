"""The embedded Cypher store: the knowledge graph in a LadybugDB database (one file, no server).

The schema is generated from the ontology: one node table per entity class (``id`` primary key, ``name``,
``type``, ``classes``, ``aliases``, ``lookup``, ``wikidata``, ``docs``), ``Document`` and ``Sentence``
tables, one relationship table per predicate with the FROM/TO pairs its domain and range allow (carrying
the fact's id, props, confidence and evidence), ``HAS_SENTENCE`` (Document -> Sentence) and ``MENTIONS``
(Sentence -> entity). Everything is bulk-loaded with ``COPY`` from pandas DataFrames.

    counts = write_store(kg, "out/graph.lbug", sentences=..., mentions=...)
    df = run_query("out/graph.lbug", "MATCH (f:Firm)-[r:INVESTS_IN]->(s:USState) RETURN f.name, r.amount_usd")
"""
from __future__ import annotations

import bisect
import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import ontology
from ..console import QUIET, PolicygraphError, Progress
from . import dialect as D
from .engine import (  # noqa: F401
    Store,
    check_statement,
    check_store_path,
    engine,
    execute,
    one_line,
    open_store,
    result_frame,
)
from .model import KnowledgeGraph, Relation, to_float, to_int, written_confidence
from .query_worker import DEFAULT_TIMEOUT, run_isolated

# ------------------------------------------------------------------------------------------------------
# The schema, from the ontology
# ------------------------------------------------------------------------------------------------------


@dataclass
class Schema:
    """Node and relationship tables: entity types, their classes, and each predicate's FROM/TO pairs."""

    entity_types: list[str]
    classes: dict[str, list[str]]  # type -> [type, superclasses..., Entity] (the Neo4j labels)
    rel_pairs: dict[str, list[tuple[str, str]]]  # predicate -> allowed (from type, to type)
    extra_pairs: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # in the data, not allowed

    def labels(self, type_: str) -> list[str]:
        return self.classes.get(type_) or D.neo4j_labels(type_, ())


def load_ontology():
    return ontology.load_model()


def _names(values) -> list[str]:
    if values is None:
        return []
    if isinstance(values, str):
        return [values]
    return [str(v).rsplit("#", 1)[-1].removeprefix("pg:") for v in values]


def build_schema(kg: KnowledgeGraph | None = None, model=None) -> Schema:
    """The store's schema from the ontology model, widened by any entity type or pair the data uses."""
    model = model if model is not None else load_ontology()
    types = [str(t) for t in model.entity_types]
    for e in (kg.entities.values() if kg is not None else ()):
        if e.type not in types:
            types.append(e.type)
    for t in types:
        D.ident(t)

    classes = {t: D.neo4j_labels(t, _names(model.superclasses(t)) if t in model.entity_types else ()) for t in types}

    def expand(names) -> list[str]:
        out: list[str] = []
        for c in _names(names):
            members = [c] if c in types else [t for t in types if c in classes[t]]
            out += [m for m in members if m not in out]
        return out

    rel_pairs: dict[str, list[tuple[str, str]]] = {}
    for pred in sorted(model.relations):
        D.ident(pred)
        rel = model.relations[pred]
        rel_pairs[pred] = [(a, b) for a in expand(rel.domain) for b in expand(rel.range)]
    schema = Schema(types, classes, rel_pairs)
    if kg is not None:
        for r in kg.relations.values():
            s, o = kg.entities.get(r.subject), kg.entities.get(r.object)
            if s is None or o is None:
                continue
            pair = (s.type, o.type)
            D.ident(r.predicate)
            have = rel_pairs.setdefault(r.predicate, [])
            if pair not in have:
                have.append(pair)
                schema.extra_pairs.setdefault(r.predicate, []).append(pair)
    for pred in [p for p, pairs in rel_pairs.items() if not pairs]:
        del rel_pairs[pred]  # a predicate whose domain or range has no class: nothing can be stored
    return schema


def _columns(props) -> str:
    return ", ".join(f"{D.ident(name)} {type_}" for name, type_ in props)


def schema_statements(schema: Schema) -> list[str]:
    """The DDL: node tables, then relationship tables (FROM/TO pairs, then properties)."""
    out = []
    for t in schema.entity_types:
        out.append(f"CREATE NODE TABLE {D.ident(t)}({_columns(D.ENTITY_PROPS)}, PRIMARY KEY(id))")
    out.append(f"CREATE NODE TABLE {D.ident(D.DOCUMENT_LABEL)}({_columns(D.DOCUMENT_PROPS)}, PRIMARY KEY(id))")
    out.append(f"CREATE NODE TABLE {D.ident(D.SENTENCE_LABEL)}({_columns(D.SENTENCE_PROPS)}, PRIMARY KEY(id))")
    for pred, pairs in schema.rel_pairs.items():
        ends = ", ".join(f"FROM {D.ident(a)} TO {D.ident(b)}" for a, b in pairs)
        out.append(f"CREATE REL TABLE {D.ident(pred)}({ends}, {_columns(D.FACT_PROPS)})")
    out.append(f"CREATE REL TABLE {D.ident(D.HAS_SENTENCE)}(FROM {D.ident(D.DOCUMENT_LABEL)} "
               f"TO {D.ident(D.SENTENCE_LABEL)})")
    ends = ", ".join(f"FROM {D.ident(D.SENTENCE_LABEL)} TO {D.ident(t)}" for t in schema.entity_types)
    out.append(f"CREATE REL TABLE {D.ident(D.MENTIONS)}({ends})")
    return out


# ------------------------------------------------------------------------------------------------------
# Rows (shared with the Neo4j sync, so both hold the same properties)
# ------------------------------------------------------------------------------------------------------


@dataclass
class GraphRows:
    schema: Schema
    entities: dict[str, list[dict]]  # type -> rows (ENTITY_PROPS)
    documents: list[dict]
    sentences: list[dict]
    has_sentence: list[dict]  # {doc, sentence}
    mentions: list[dict]  # {sentence, entity, entity_type}
    facts: dict[str, list[dict]]  # predicate -> rows: subject, object, subject_type, object_type + FACT_PROPS
    skipped_relations: int = 0
    skipped_mentions: int = 0

    def counts(self) -> dict:
        return {
            "entities": sum(len(v) for v in self.entities.values()),
            "relations": sum(len(v) for v in self.facts.values()),
            "documents": len(self.documents),
            "sentences": len(self.sentences),
            "mentions": len(self.mentions),
            "skipped_relations": self.skipped_relations,
            "skipped_mentions": self.skipped_mentions,
        }


def _text(value):
    if value is None:
        return None
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def sentence_id(doc: str, index) -> str:
    return f"{doc}#{index}"


class _SentenceIndex:
    """Finds the sentence (per document, by offsets) that holds an evidence span."""

    def __init__(self, sentences: list[dict]) -> None:
        self.by_doc: dict[str, tuple[list[int], list[dict]]] = {}
        grouped: dict[str, list[dict]] = {}
        for s in sentences:
            grouped.setdefault(s["doc"], []).append(s)
        for doc, rows in grouped.items():
            rows.sort(key=lambda s: (s["start_offset"], s["end_offset"]))
            self.by_doc[doc] = ([s["start_offset"] for s in rows], rows)

    def find(self, doc: str, start: int, end: int) -> str | None:
        """The sentence that contains the span's start (the nearest one starting before it)."""
        if doc not in self.by_doc:
            return None
        starts, rows = self.by_doc[doc]
        i = bisect.bisect_right(starts, start) - 1
        for j in range(i, max(i - 50, -1), -1):
            s = rows[j]
            if s["start_offset"] <= start < max(s["end_offset"], start + 1):
                return s["id"]
        return None


def graph_rows(kg: KnowledgeGraph, sentences=None, mentions=None, model=None, schema: Schema | None = None) -> GraphRows:
    """Everything the store and the Neo4j sync write, as rows of plain values."""
    schema = schema or build_schema(kg, model)

    # entities
    entities: dict[str, list[dict]] = {t: [] for t in schema.entity_types}
    for e in kg.sorted_entities():
        aliases = sorted(set(e.aliases) - {e.name})
        lookup = sorted({e.name.lower(), e.id.lower(), *(a.lower() for a in aliases)})
        entities[e.type].append({
            "id": e.id, "name": e.name, "type": e.type, "classes": schema.labels(e.type), "aliases": aliases,
            "lookup": lookup, "wikidata": e.wikidata or None, "docs": sorted(e.docs),
        })

    # sentences: the extractor's, or else one per distinct evidence span
    sent_rows: list[dict] = []
    if sentences:
        seen = set()
        for s in sentences:
            sid = sentence_id(s["doc"], s["index"])
            if sid in seen:
                continue
            seen.add(sid)
            sent_rows.append({"id": sid, "doc": s["doc"], "position": to_int(s["index"]),
                              "start_offset": to_int(s.get("start")), "end_offset": to_int(s.get("end")),
                              "text": s.get("text")})
    else:
        spans = sorted({(ev.doc, ev.start, ev.end, ev.quote) for r in kg.relations.values() for ev in r.evidence})
        position: dict[str, int] = {}
        for doc, start, end, quote in spans:
            i = position.get(doc, 0)
            position[doc] = i + 1
            sent_rows.append({"id": sentence_id(doc, i), "doc": doc, "position": i, "start_offset": start,
                              "end_offset": end, "text": quote})
    index = _SentenceIndex([s for s in sent_rows if s["start_offset"] is not None and s["end_offset"] is not None])

    # documents: the build's, plus any document only named by an entity, a fact or a sentence
    doc_ids = set(kg.documents) | {s["doc"] for s in sent_rows}
    for e in kg.entities.values():
        doc_ids |= e.docs
    for r in kg.relations.values():
        doc_ids |= {ev.doc for ev in r.evidence}
    documents = []
    for d in sorted(doc_ids):
        info = kg.documents.get(d)
        documents.append({"id": d, "name": d, "path": info.path if info else None,
                          "sha256": info.sha256 if info else None, "chars": info.chars if info else None,
                          "format": info.format if info else None})
    has_sentence = [{"doc": s["doc"], "sentence": s["id"]} for s in sent_rows]

    # facts
    facts: dict[str, list[dict]] = {}
    skipped = 0
    mention_keys: set[tuple[str, str]] = set()
    for r in kg.sorted_relations():
        s, o = kg.entities.get(r.subject), kg.entities.get(r.object)
        if s is None or o is None or r.predicate not in schema.rel_pairs:
            skipped += 1
            continue
        row = fact_row(r, index)
        row.update(subject=r.subject, object=r.object, subject_type=s.type, object_type=o.type)
        facts.setdefault(r.predicate, []).append(row)
        for sid in row["sentences"]:
            mention_keys.add((sid, r.subject))
            mention_keys.add((sid, r.object))

    # mentions: the extractor's, plus each fact's subject and object in the sentences that state it
    sent_ids = {s["id"] for s in sent_rows}
    skipped_mentions = 0
    for m in mentions or ():
        sid = sentence_id(m["doc"], m["sentence_index"])
        if sid in sent_ids and m["entity_id"] in kg.entities:
            mention_keys.add((sid, m["entity_id"]))
        else:
            skipped_mentions += 1
    mention_rows = [{"sentence": sid, "entity": eid, "entity_type": kg.entities[eid].type}
                    for sid, eid in sorted(mention_keys)]
    return GraphRows(schema, entities, documents, sent_rows, has_sentence, mention_rows, facts, skipped,
                     skipped_mentions)


def fact_row(r: Relation, index: _SentenceIndex | None = None) -> dict:
    evidence = sorted(set(r.evidence))
    sentences: list[str] = []
    if index is not None:
        for ev in evidence:
            sid = index.find(ev.doc, ev.start, ev.end)
            if sid is not None and sid not in sentences:
                sentences.append(sid)
    row = {"id": r.id, "predicate": r.predicate}
    row["amount_usd"] = to_float(r.props.get("amount_usd"))
    row["year"] = to_int(r.props.get("year"))
    for name in D.TEXT_REL_PROPS:
        row[name] = _text(r.props.get(name))
    row.update(
        props=json.dumps({k: r.props[k] for k in sorted(r.props)}, ensure_ascii=False, sort_keys=True, default=str),
        confidence=written_confidence(r.confidence),
        docs=r.docs,
        quotes=[ev.quote for ev in evidence],
        quote=evidence[0].quote if evidence else None,
        sentences=sentences,
        evidence=json.dumps([ev.to_dict() for ev in evidence], ensure_ascii=False),
    )
    return row


# ------------------------------------------------------------------------------------------------------
# Writing the store
# ------------------------------------------------------------------------------------------------------


def _frame(rows: list[dict], columns: list[str]):
    import pandas as pd

    # object columns: LadybugDB's DataFrame scan then reads Python values (lists, None) as they are
    return pd.DataFrame([[row.get(c) for c in columns] for row in rows], columns=columns, dtype=object)


def _copy(conn, table: str, rows: list[dict], columns: list[str], ends: tuple[str, str] | None = None) -> int:
    if not rows:
        return 0
    frame = _frame(rows, columns)  # noqa: F841 - LadybugDB finds the DataFrame by its variable name
    options = f" (from='{ends[0]}', to='{ends[1]}')" if ends else ""
    conn.execute(f"COPY {D.ident(table)} FROM frame{options}")
    return len(rows)


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in (".wal", ".lock", ".shadow")]


def _remove(path: Path) -> None:
    for p in [path, *_sidecars(path)]:
        if p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
        elif p.exists() or p.is_symlink():
            p.unlink()


def write_store(kg: KnowledgeGraph, path, *, sentences=None, mentions=None, model=None,
                progress: Progress = QUIET) -> dict:
    """Create a fresh store at `path` (replacing any old one only once the new one is complete).

    `sentences`: [{doc, index, start, end, text}], `mentions`: [{doc, sentence_index, entity_id}] from the
    extractor; without them, Sentence nodes are the facts' evidence quotes. Returns counts."""
    t0 = time.perf_counter()
    lb = engine()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = graph_rows(kg, sentences, mentions, model)
    schema = rows.schema
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    _remove(tmp)
    db = conn = None
    try:
        db = lb.Database(str(tmp), auto_checkpoint=False)  # one checkpoint at the end: 2x faster COPYs
        conn = lb.Connection(db)
        ddl = schema_statements(schema)
        for stmt in ddl:
            conn.execute(stmt)
        ecols = [c for c, _ in D.ENTITY_PROPS]
        for t in schema.entity_types:
            _copy(conn, t, rows.entities.get(t, []), ecols)
        _copy(conn, D.DOCUMENT_LABEL, rows.documents, [c for c, _ in D.DOCUMENT_PROPS])
        _copy(conn, D.SENTENCE_LABEL, rows.sentences, [c for c, _ in D.SENTENCE_PROPS])
        progress(f"Loaded {sum(len(v) for v in rows.entities.values())} entities, {len(rows.documents)} documents, "
                 f"{len(rows.sentences)} sentences")
        _copy(conn, D.HAS_SENTENCE, rows.has_sentence, ["doc", "sentence"])
        by_type: dict[str, list[dict]] = {}
        for m in rows.mentions:
            by_type.setdefault(m["entity_type"], []).append(m)
        for t, ms in sorted(by_type.items()):
            _copy(conn, D.MENTIONS, ms, ["sentence", "entity"], (D.SENTENCE_LABEL, t))
        fcols = ["subject", "object"] + [c for c, _ in D.FACT_PROPS]
        for pred, frows in sorted(rows.facts.items()):
            pairs: dict[tuple[str, str], list[dict]] = {}
            for fr in frows:
                pairs.setdefault((fr["subject_type"], fr["object_type"]), []).append(fr)
            for ends, prow in sorted(pairs.items()):
                _copy(conn, pred, prow, fcols, ends)
        conn.execute("CHECKPOINT")
        conn.close()
        conn = None
        db.close()
        db = None
        for side in _sidecars(path):  # a stale WAL next to the new file would be replayed into it
            if side.exists():
                side.unlink()
        if path.is_dir():
            shutil.rmtree(path)
        os.replace(tmp, path)
        for side in _sidecars(tmp):
            if side.exists():
                os.replace(side, path.with_name(path.name + side.name[len(tmp.name):]))
    except BaseException as err:
        for handle in (conn, db):
            try:
                if handle is not None:
                    handle.close()
            except Exception:
                pass
        _remove(tmp)
        if isinstance(err, Exception) and not isinstance(err, PolicygraphError):
            raise PolicygraphError(f"{path}: could not write the Cypher store: {one_line(err)}") from err
        raise
    counts = rows.counts()
    counts.update(
        node_tables=len(schema.entity_types) + 2,
        rel_tables=len(schema.rel_pairs) + 2,
        off_schema_pairs={p: [f"{a}->{b}" for a, b in v] for p, v in schema.extra_pairs.items()},
        seconds=round(time.perf_counter() - t0, 3),
    )
    return counts


# ------------------------------------------------------------------------------------------------------
# Reading: one statement, in a confined worker or on an open store
# ------------------------------------------------------------------------------------------------------


def run_query(path_or_conn, cypher: str, params: dict | None = None, write: bool = False,
              timeout: float | None = None):
    """Run one Cypher statement on the store and return a pandas DataFrame.

    `path_or_conn`: the store's path, an open :class:`Store` or a ladybug Connection. Read-only unless
    write=True; either way the statement must stay inside the graph (graph/cypher_guard.py: no files,
    extensions, settings or other databases). User values go in `params` (``$name`` in the statement),
    never into the text. Given a path, the statement runs in a confined worker process
    (graph/query_worker.py) stopped after `timeout` seconds (default 60): a crash of the engine is an
    error, not the end of this interpreter."""
    if isinstance(path_or_conn, Store):
        return path_or_conn.query(cypher, params, write=write)
    params = check_statement(cypher, params, write)
    if not isinstance(path_or_conn, (str, os.PathLike)):
        return execute(path_or_conn, cypher, params)
    check_store_path(Path(path_or_conn))  # missing or empty: said here, before a worker starts
    names, types, rows = run_isolated(Path(path_or_conn), cypher, params, write=write,
                                      timeout=DEFAULT_TIMEOUT if timeout is None else timeout)
    return result_frame(names, types, rows)
