"""Export the knowledge graph in one format to a path or a stream.

    export(kg, "jsonl", "facts.jsonl")   # the facts export (../shared/eval/SCHEMA.md), exactly kg.to_jsonl()
    export(kg, "ttl", sys.stdout)        # Turtle / TriG / JSON-LD / N-Triples via graph/rdf.py
    export(kg, "graphml", "kg.graphml")  # networkx MultiDiGraph (Gephi, yEd, Cytoscape)
    export(kg, "csv", "out/")            # out/entities.csv + out/relations.csv; to a stream: relations.csv

Every format is byte-deterministic for a given graph.
"""
from __future__ import annotations

import io
import json
from pathlib import Path

from ..console import PolicygraphError
from ..safe_text import csv_cell
from . import rdf
from .files import write_text
from .model import KnowledgeGraph, to_float, to_int, written_confidence

FORMATS = ("jsonl", "ttl", "trig", "jsonld", "nt", "graphml", "csv")
EXTENSIONS = {"jsonl": ".jsonl", "ttl": ".ttl", "trig": ".trig", "jsonld": ".jsonld", "nt": ".nt",
              "graphml": ".graphml", "csv": ".csv"}
SEP = "|"  # joins list values (aliases, docs, quotes) in GraphML and CSV cells

ENTITY_COLUMNS = ["id", "name", "type", "aliases", "docs", "wikidata"]
RELATION_COLUMNS = ["id", "subject", "subject_name", "predicate", "object", "object_name", "amount_usd", "year",
                    "confidence", "docs", "n_evidence", "props", "quote"]


# -- text renderers -------------------------------------------------------------------------------
def to_graphml_graph(kg: KnowledgeGraph):
    """A networkx MultiDiGraph: nodes are entity ids, edge keys are relation ids (sorted insertion order)."""
    import networkx as nx

    g = nx.MultiDiGraph()
    for e in kg.sorted_entities():
        attrs = {"name": e.name, "type": e.type, "aliases": SEP.join(sorted(e.aliases - {e.name})),
                 "docs": SEP.join(sorted(e.docs))}
        if e.wikidata:
            attrs["wikidata"] = e.wikidata
        g.add_node(e.id, **attrs)
    for r in kg.sorted_relations():
        for end in (r.subject, r.object):  # an endpoint missing from the entity table still gets a node
            if end not in g:
                g.add_node(end, name=end, type="", aliases="", docs="")
        attrs = {"predicate": r.predicate, "confidence": written_confidence(r.confidence)}
        amount, year = r.props.get("amount_usd"), r.props.get("year")
        if isinstance(amount, (int, float)) and not isinstance(amount, bool):
            attrs["amount_usd"] = float(amount)
        if isinstance(year, int) and not isinstance(year, bool):
            attrs["year"] = int(year)
        for k in sorted(r.props):
            v = r.props[k]
            if k not in ("amount_usd", "year") and isinstance(v, str):
                attrs[k] = v
        attrs["docs"] = SEP.join(r.docs)
        attrs["quotes"] = SEP.join(ev.quote for ev in r.evidence)
        attrs["n_evidence"] = len(r.evidence)
        g.add_edge(r.subject, r.object, key=r.id, **attrs)
    return g


def to_graphml(kg: KnowledgeGraph) -> str:
    import networkx as nx

    return "\n".join(nx.generate_graphml(to_graphml_graph(kg), encoding="utf-8", prettyprint=True)) + "\n"


def entities_frame(kg: KnowledgeGraph):
    df = kg.entities_df()
    df["aliases"] = df["aliases"].map(SEP.join)
    df["docs"] = df["docs"].map(SEP.join)
    return df[ENTITY_COLUMNS]


def relations_frame(kg: KnowledgeGraph):
    import pandas as pd

    df = kg.relations_df()
    quotes = {r.id: (r.evidence[0].quote if r.evidence else "") for r in kg.sorted_relations()}
    df["amount_usd"] = pd.array([to_float(v) for v in df["amount_usd"]], dtype="Float64")
    df["year"] = pd.array([to_int(v) for v in df["year"]], dtype="Int64")
    df["docs"] = df["docs"].map(SEP.join)
    df["props"] = df["props"].map(lambda p: json.dumps(p, ensure_ascii=False, sort_keys=True) if p else "")
    df["quote"] = df["id"].map(quotes)
    return df[RELATION_COLUMNS]


def _csv(df) -> str:
    # quotes and names come from documents: a cell that starts like a formula is never evaluated
    from pandas.api.types import is_numeric_dtype

    df = df.copy()
    for col in df.columns:
        if not is_numeric_dtype(df[col]):
            df[col] = df[col].map(csv_cell)
    return df.to_csv(index=False, lineterminator="\n")


def entities_csv(kg: KnowledgeGraph) -> str:
    return _csv(entities_frame(kg))


def relations_csv(kg: KnowledgeGraph) -> str:
    return _csv(relations_frame(kg))


def render(kg: KnowledgeGraph, fmt: str) -> str:
    """The export as text (for csv: relations.csv)."""
    if fmt == "jsonl":
        return kg.to_jsonl()
    if fmt == "ttl":
        return rdf.to_turtle(kg)
    if fmt == "trig":
        return rdf.to_trig(rdf.to_dataset(kg))
    if fmt == "jsonld":
        return rdf.to_jsonld(kg)
    if fmt == "nt":
        return rdf.to_ntriples(kg)
    if fmt == "graphml":
        return to_graphml(kg)
    if fmt == "csv":
        return relations_csv(kg)
    raise PolicygraphError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")


# -- export ---------------------------------------------------------------------------------------
def _write(stream, text: str) -> None:
    if isinstance(stream, (io.RawIOBase, io.BufferedIOBase)) or "b" in getattr(stream, "mode", ""):
        stream.write(text.encode("utf-8"))
    else:
        stream.write(text)


def export(kg: KnowledgeGraph, fmt: str, stream_or_path):
    """Write `kg` as `fmt` to a text/binary stream or a path; returns the path(s) written (None for a stream).

    csv to a directory (an existing one, or a path without a suffix) writes entities.csv and relations.csv
    and returns both paths; csv to a file or a stream writes relations.csv's content.
    """
    if fmt not in FORMATS:
        raise PolicygraphError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if hasattr(stream_or_path, "write"):
        _write(stream_or_path, render(kg, fmt))
        return None
    path = Path(stream_or_path)
    if fmt == "csv" and (path.is_dir() or not path.suffix):
        path.mkdir(parents=True, exist_ok=True)
        out = {"entities": path / "entities.csv", "relations": path / "relations.csv"}
        write_text(out["entities"], entities_csv(kg), newline="\n")
        write_text(out["relations"], relations_csv(kg), newline="\n")
        return out
    if path.is_dir():
        path = path / ("facts.jsonl" if fmt == "jsonl" else f"graph{EXTENSIONS[fmt]}")
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text(path, render(kg, fmt), newline="\n")
    return path
