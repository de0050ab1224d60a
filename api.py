"""The Python API. It has the CLI's shape: `build`, `open_build`, then methods named like the commands.

    import policygraph
    g = policygraph.build(["../shared/corpus"], out="out")     # policygraph build ../shared/corpus --out out
    g.relations                                                # DataFrame (policygraph export --format csv)
    g.export("jsonl", "facts.jsonl")                           # policygraph export --format jsonl
    g.stats()                                                  # policygraph stats
    g = policygraph.open_build("out")                          # reopen without rebuilding
"""
from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from .console import QUIET, PolicygraphError, Progress
from .graph.model import KnowledgeGraph

FACTS = "facts.jsonl"
DOCUMENTS = "documents.json"
SENTENCES = "sentences.jsonl"
MENTIONS = "mentions.jsonl"
STORE = "graph.lbug"
VIEW = "view.html"


class Build:
    """A built graph in an output directory: facts, RDF, the Cypher store and the view."""

    def __init__(self, out: Path, kg: KnowledgeGraph) -> None:
        self.out = Path(out)
        self.kg = kg

    def __repr__(self) -> str:
        return f"<policygraph build {self.out}: {len(self.kg.entities)} entities, {len(self.kg.relations)} relations>"

    # pandas views -------------------------------------------------------------------------------
    @property
    def entities(self):
        return self.kg.entities_df()

    @property
    def relations(self):
        return self.kg.relations_df()

    @property
    def evidence(self):
        return self.kg.evidence_df()

    # the commands -------------------------------------------------------------------------------
    def export(self, format: str = "jsonl", dest=None):
        from .graph.export import export

        return export(self.kg, format, dest)

    def stats(self) -> dict:
        return graph_stats(self.kg)

    def validate(self):
        from .graph.validate import validate

        return validate(self.kg)

    def query(self, cypher: str, params: dict | None = None, write: bool = False, timeout: float | None = 60.0):
        """Cypher on the build's store (`policygraph query`): a DataFrame. The statement may only read the graph
        (change it with write=True), runs in a confined worker process and is stopped after `timeout` seconds;
        a crash of the engine is a PolicygraphError, never the end of this interpreter."""
        from .graph.cypher_store import run_query

        path = self.out / STORE
        if not path.exists() and (self.out / FACTS).exists():
            raise PolicygraphError(f"{path}: the Cypher store is missing; rebuild it with "
                                   f"`policygraph build --repair --out {self.out}`")
        return run_query(path, cypher, params or {}, write=write, timeout=timeout)

    def view(self, out_path=None, **options):
        """Write the browser view (`policygraph view`); its quotes link to the build's document pages. A partial
        view (focus=, types=, ...) needs out_path: the build's own view.html (the whole graph) is only replaced when
        you name it."""
        from .queries.view import render_view

        partial = [k for k in ("focus", "types", "predicates", "docs", "years", "path") if options.get(k)]
        if out_path is None and partial:
            raise PolicygraphError(f"a partial view ({', '.join(partial)}) needs out_path; {self.out / VIEW} is the "
                                   "build's view of the whole graph")
        docs = self.out / "documents"
        options.setdefault("docs_dir", docs if docs.is_dir() else None)
        return render_view(self.kg, out_path or self.out / VIEW, **options)

    def show(self, **options):
        from .queries.view import show

        return show(self.kg, **options)

    # named queries, SPARQL, Neo4j, linkage: `policygraph queries / sparql / push / explain / brief` ----------
    def queries(self):
        """The named queries (`policygraph queries`): a DataFrame of name, question, params."""
        from .queries.catalog import queries_frame

        return queries_frame()

    def run_named(self, name: str, params: dict | None = None):
        """Run a named query on the store (`policygraph queries run NAME -p k=v`); a DataFrame. Entity names
        go through the one name resolver, as in explain, brief and view."""
        from .queries.catalog import resolve_entity_params, run_named

        return run_named(name, self.out / STORE, resolve_entity_params(name, params, self.kg))

    def sparql(self, query: str, params: dict | None = None, timeout: float | None = 60.0):
        """SPARQL text or a named SPARQL query over the RDF (`policygraph sparql`); a DataFrame."""
        from .queries.catalog import run_sparql

        return run_sparql(query, self.out, params, timeout=timeout)

    def push(self, uri: str, user: str = "neo4j", password: str | None = None, database: str | None = None,
             batch: int = 500, progress: Progress | None = None) -> dict:
        """Push the graph into Neo4j (`policygraph push`); password defaults to $NEO4J_PASSWORD. Counts."""
        from .queries.commands import push_build

        return push_build(self, uri, user, password, database, batch, progress or QUIET)

    def explain(self, a: str, b: str, max_hops: int = 4, k: int = 5):
        """How a and b are linked (`policygraph explain A B`): .paths, .to_frames(), .to_markdown()."""
        from .queries.linkage import explain

        return explain(self.kg, a, b, max_hops=max_hops, k=k)

    def brief(self, name: str, with_: str | None = None, out=None, fmt: str | None = None) -> str:
        """A cited briefing (`policygraph brief NAME [--with B] [-o FILE]`): the Markdown or HTML text."""
        from .queries.briefing import brief

        docs = self.out / "documents"
        return brief(self.kg, name, with_=with_, fmt=fmt, out=out, docs_dir=docs if docs.is_dir() else None)


def graph_stats(kg: KnowledgeGraph) -> dict:
    rels = list(kg.relations.values())
    return {
        "documents": len(kg.documents),
        "entities": len(kg.entities),
        "relations": len(rels),
        "evidence_sentences": len({(e.doc, e.start) for r in rels for e in r.evidence}),
        "entities_by_type": dict(sorted(Counter(e.type for e in kg.entities.values()).items())),
        "relations_by_predicate": dict(sorted(Counter(r.predicate for r in rels).items())),
        "relations_with_amount": sum(1 for r in rels if "amount_usd" in r.props),
        "relations_without_amount": sum(1 for r in rels if "amount_usd" not in r.props),
        "relations_with_year": sum(1 for r in rels if "year" in r.props),
        "relations_in_several_documents": sum(1 for r in rels if len(r.docs) > 1),
        "entities_without_relations": len(set(kg.entities) - {r.subject for r in rels} - {r.object for r in rels}),
    }


# ------------------------------------------------------------------------------------------------
def extract(paths, use_model: bool = True, progress: Progress = QUIET, keep_going: bool = False):
    """Read and extract documents; returns (KnowledgeGraph, sentences, mentions, raw texts, warnings).
    The same reading, checks and merge (in document-id order) as `build`, without an output directory."""
    from .incremental import extract_documents

    return extract_documents(paths, use_model=use_model, progress=progress, keep_going=keep_going)


def build(paths, out="out", use_model: bool = True, progress: Progress | None = None, keep_going: bool = False,
          store: bool = True, view: bool = True, repair: bool = False, follow_symlinks: bool = False) -> Build:
    """Build the graph from documents into `out`, atomically: the old build stays until the new one is valid.
    Documents unchanged since the last build of `out` are taken from its cache, not re-extracted.
    `repair=True` without paths rebuilds every output of `out` from the build's own documents.
    `out` must be a build, an empty folder or a new one (buildfolder.py); files you put in a build are kept."""
    from .incremental import build as _build

    return _build(paths, out, use_model=use_model, progress=progress, keep_going=keep_going, store=store,
                  view=view, repair=repair, follow_symlinks=follow_symlinks)


def add(paths, out="out", use_model: bool | None = None, progress: Progress | None = None, keep_going: bool = False,
        store: bool = True, view: bool = True, follow_symlinks: bool = False) -> Build:
    """Add documents to the build in `out` (policygraph add); only the new documents are extracted.
    `use_model=None`: extract as the build was made (with the model or rules-only)."""
    from .incremental import add as _add

    return _add(paths, out, use_model=use_model, progress=progress, keep_going=keep_going, store=store, view=view,
                follow_symlinks=follow_symlinks)


def remove(doc_ids, out="out", progress: Progress | None = None, store: bool = True, view: bool = True) -> Build:
    """Remove documents (by id) from the build in `out` (policygraph remove)."""
    from .incremental import remove as _remove

    return _remove(doc_ids, out, progress=progress, store=store, view=view)


def write_outputs(kg, out: Path, sentences, mentions, raws, progress=QUIET, store=True, view=True,
                  previous: Path | None = None) -> None:
    """Write every output of a build into `out` (a fresh directory) and validate it against the SHACL shapes.
    `previous`: a valid build of the same documents but a few: only the nodes whose triples differ from its
    graph.nt (and the nodes that point at ones whose type changed) are validated again."""
    from . import incremental as inc
    from .graph import rdf
    from .graph.files import write_text
    from .graph.validate import check

    progress("Writing facts and RDF")
    ds = rdf.to_dataset(kg)
    merged = ds.graph(rdf.MERGED_GRAPH)
    nt = rdf.to_ntriples(merged)
    # the documents' named graphs: Turtle that did not change is taken from the previous build's cache
    keys = {rdf.doc_graph_iri(d): k for d, k in inc.doc_graph_keys(kg).items()}
    known = {}
    if previous is not None:
        for iri, key in keys.items():
            text = inc.read_rdf_block(previous / inc.CACHE_DIR, key)
            if text is not None:
                known[iri] = text
    made: dict = {}
    rdf.write_rdf(kg, out, dataset=ds, ntriples=nt, turtle=known, made=made)
    for iri, key in sorted(keys.items()):
        text = known.get(iri, made.get(iri))
        if text is not None:
            inc.write_rdf_block(out / inc.CACHE_DIR, key, text)
    focus = inc.validation_focus(previous, nt, merged) if previous is not None else None
    if focus is None:
        progress("Validating the graph against the SHACL shapes")
        check(merged, inplace=True)  # after writing the RDF: the ontology's triples are added to `merged`
    elif focus:
        progress(f"Validating the {len(focus)} nodes that changed against the SHACL shapes")
        check(merged, focus_nodes=focus, inplace=True)
    write_text(out / FACTS, kg.to_jsonl())
    write_text(out / DOCUMENTS, json.dumps([d.to_dict() for d in sorted(kg.documents.values(), key=lambda d: d.id)],
                                           indent=1) + "\n")
    docs_dir = out / "documents"
    docs_dir.mkdir(exist_ok=True)
    for doc_id, raw in sorted(raws.items()):
        # the text as read: every evidence offset points into these files
        write_text(docs_dir / f"{doc_id}.txt", raw, newline="")
    from .queries.sources import write_document_pages

    write_document_pages(kg.documents, raws, docs_dir)  # the pages quotes link to, the cited span highlighted
    write_text(out / SENTENCES, "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in sentences))
    write_text(out / MENTIONS, "".join(json.dumps(m) + "\n" for m in mentions))
    if store:
        try:
            from .graph.cypher_store import write_store
        except ImportError:
            write_store = None
        if write_store is not None:
            progress("Loading the embedded Cypher store")
            write_store(kg, out / STORE, sentences=sentences, mentions=mentions)
    if view:
        try:
            from .queries.view import render_view
        except ImportError:
            render_view = None
        if render_view is not None:
            progress("Rendering the browser view")
            render_view(kg, out / VIEW, docs_dir=docs_dir)


def _swap_in(tmp: Path, out: Path) -> None:
    """Replace `out` by the finished `tmp` atomically, so a reader sees the old or the new build."""
    from .incremental import swap_in

    swap_in(tmp, out)


def open_build(out="out") -> Build:
    out = Path(out)
    facts = out / FACTS
    if not facts.exists():
        from .incremental import recover_for_reading

        recover_for_reading(out)  # a build killed mid-swap (systems without RENAME_EXCHANGE)
    if not facts.exists():
        raise PolicygraphError(f"{out}: no build here (run `policygraph build PATH --out {out}` first)")
    docs, where = [], out / DOCUMENTS
    try:
        if where.exists():
            docs = json.loads(where.read_text(encoding="utf-8"))
        where = facts
        with open(facts, encoding="utf-8") as fh:
            records = [json.loads(line) for line in fh if line.strip()]
        kg = KnowledgeGraph.from_records(records, docs)
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as err:
        what = " ".join(f"{type(err).__name__}: {err}".split())[:200]
        raise PolicygraphError(f"{where}: damaged build file ({what}); rebuild it with "
                               f"`policygraph build --repair --out {out}`") from None
    return Build(out, kg)
