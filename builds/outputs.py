"""Every output of a build, written into a fresh folder: facts, RDF, the documents, the Cypher store, the view.

The RDF comes first and is validated against the SHACL shapes before anything else is written: a graph that
breaks the shapes never becomes a build.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..console import QUIET, Progress
from ..graph import rdf
from ..graph.cypher_store import write_store
from ..graph.files import write_text
from ..graph.model import KnowledgeGraph
from ..graph.validate import check
from ..queries.sources import write_document_pages
from ..queries.view import render_view
from .cache import doc_graph_keys, read_rdf_block, write_rdf_block
from .layout import CACHE, DOCUMENTS, FACTS, MENTIONS, SENTENCES, STORE, TEXTS, VIEW
from .validation import validation_focus


def write_outputs(kg: KnowledgeGraph, out: Path, sentences: list[dict], mentions: list[dict], raws: dict[str, str],
                  progress: Progress = QUIET, store: bool = True, view: bool = True,
                  previous: Path | None = None) -> None:
    """Write every output of a build into `out` (a fresh directory) and validate it against the SHACL shapes.
    `previous`: a valid build of the same documents but a few: only the nodes whose triples differ from its
    graph.nt (and the nodes that point at ones whose type changed) are validated again."""
    write_rdf_validated(kg, out, progress, previous)
    write_text(out / FACTS, kg.to_jsonl())
    write_text(out / DOCUMENTS, json.dumps([d.to_dict() for d in sorted(kg.documents.values(), key=lambda d: d.id)],
                                           indent=1) + "\n")
    texts = out / TEXTS
    texts.mkdir(exist_ok=True)
    for doc_id, raw in sorted(raws.items()):
        # the text as read: every evidence offset points into these files
        write_text(texts / f"{doc_id}.txt", raw, newline="")
    write_document_pages(kg.documents, raws, texts)  # the pages quotes link to, the cited span highlighted
    write_text(out / SENTENCES, "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in sentences))
    write_text(out / MENTIONS, "".join(json.dumps(m) + "\n" for m in mentions))
    if store:
        progress("Loading the embedded Cypher store")
        write_store(kg, out / STORE, sentences=sentences, mentions=mentions)
    if view:
        progress("Rendering the browser view")
        render_view(kg, out / VIEW, docs_dir=texts)


def write_rdf_validated(kg: KnowledgeGraph, out: Path, progress: Progress = QUIET, previous: Path | None = None):
    """The RDF files, each document's named graph taken from the previous build's cache where it did not
    change; then the SHACL check (of the nodes that changed, when a valid previous build says which)."""
    progress("Writing facts and RDF")
    ds = rdf.to_dataset(kg)
    merged = ds.graph(rdf.MERGED_GRAPH)
    nt = rdf.to_ntriples(merged)
    keys = {rdf.doc_graph_iri(d): k for d, k in doc_graph_keys(kg).items()}
    known = {}
    if previous is not None:
        for iri, key in keys.items():
            text = read_rdf_block(previous / CACHE, key)
            if text is not None:
                known[iri] = text
    made: dict = {}
    rdf.write_rdf(kg, out, dataset=ds, ntriples=nt, turtle=known, made=made)
    for iri, key in sorted(keys.items()):
        text = known.get(iri, made.get(iri))
        if text is not None:
            write_rdf_block(out / CACHE, key, text)
    focus = validation_focus(previous, nt, merged) if previous is not None else None
    if focus is None:
        progress("Validating the graph against the SHACL shapes")
        check(merged, inplace=True)  # after writing the RDF: the ontology's triples are added to `merged`
    elif focus:
        progress(f"Validating the {len(focus)} nodes that changed against the SHACL shapes")
        check(merged, focus_nodes=focus, inplace=True)
