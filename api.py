"""The Python API: the one door to policygraph. It has the CLI's shape: `build`, `open_build`, then methods
named like the commands; every CLI command is one call into it.

    import policygraph
    g = policygraph.build(["../shared/corpus"], out="out")     # policygraph build ../shared/corpus --out out
    g.relations                                                # DataFrame (policygraph export --format csv)
    g.export("jsonl", "facts.jsonl")                           # policygraph export --format jsonl
    g.stats()                                                  # policygraph stats
    g = policygraph.open_build("out")                          # reopen without rebuilding
    g.query("MATCH (f:Firm)-[r:INVESTS_IN]->(s) RETURN f.name, s.name, r.amount_usd")
    policygraph.Neo4j("bolt://localhost:7687").query("MATCH (n) RETURN count(n)")   # query --uri ...

The build machinery (builds/) makes and reads build folders; the methods below hand the graph, or the
paths of the build's files, to graph/ and queries/.
"""
from __future__ import annotations

import os
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Union

from .builds import layout, operations
from .builds.builder import Result
from .builds.reader import read_graph, read_jsonl, require_build
from .console import QUIET, PolicygraphError, Progress
from .graph.model import KnowledgeGraph

# re-exported for the command line, which imports nothing below this module: the build's file names and the
# choices its arguments take
from .builds.layout import CACHE, FACTS, STORE, TEXTS, VIEW  # noqa: F401
from .graph.export import FORMATS as EXPORT_FORMATS  # noqa: F401
from .queries.briefing import FORMATS as BRIEF_FORMATS  # noqa: F401
from .queries.linkage import MAX_HOPS_LIMIT  # noqa: F401

if TYPE_CHECKING:
    import pandas as pd

    from .graph.validate import Report
    from .queries.catalog import NamedQuery
    from .queries.linkage import Explanation

PathLike = Union[str, "os.PathLike[str]"]
Paths = Union[PathLike, Iterable[PathLike]]


class Build:
    """A built graph in an output directory: facts, RDF, the Cypher store and the view."""

    def __init__(self, out: PathLike, kg: KnowledgeGraph | None = None, result: Result | None = None) -> None:
        self.out = Path(out)
        self._kg = kg
        # how the build that made this went (empty for a build opened with open_build)
        self.warnings: list[str] = result.warnings if result else []
        self.extracted: list[str] = result.extracted if result else []
        self.reused: list[str] = result.reused if result else []
        self.added: list[str] = result.added if result else []
        self.removed: list[str] = result.removed if result else []
        self.kept: list[str] = result.kept if result else []

    @classmethod
    def from_result(cls, result: Result) -> "Build":
        return cls(result.out, result.kg, result)

    @property
    def kg(self) -> KnowledgeGraph:
        """The graph, read from the build's facts on first use (a query or a SPARQL query never needs it)."""
        if self._kg is None:
            self._kg = read_graph(self.out)
        return self._kg

    def __repr__(self) -> str:
        return f"<policygraph build {self.out}: {len(self.kg.entities)} entities, {len(self.kg.relations)} relations>"

    # pandas views -------------------------------------------------------------------------------
    @property
    def entities(self) -> "pd.DataFrame":
        return self.kg.entities_df()

    @property
    def relations(self) -> "pd.DataFrame":
        return self.kg.relations_df()

    @property
    def evidence(self) -> "pd.DataFrame":
        return self.kg.evidence_df()

    # the build's files ----------------------------------------------------------------------------
    def file(self, name: str) -> Path:
        """A file of the build by its layout name (builds/layout.py), e.g. b.file(layout.VIEW)."""
        return self.out / name

    @property
    def texts(self) -> Path | None:
        """documents/: the documents' text as read and their pages (quotes link there)."""
        return layout.texts_dir(self.out)

    # the commands -------------------------------------------------------------------------------
    def export(self, format: str = "jsonl", dest: Any = None) -> Any:
        """Write the graph in one format (`policygraph export`); to `dest` (a path or a stream), else returned."""
        from .graph.export import export

        return export(self.kg, format, dest)

    def stats(self) -> dict:
        """Counts by entity type and predicate, documents, facts with and without amounts (`policygraph stats`)."""
        return graph_stats(self.kg)

    @property
    def counts(self) -> dict[str, int]:
        """How big the graph is: {'entities', 'relations', 'documents'} (what `build` reports)."""
        kg = self.kg
        return {"entities": len(kg.entities), "relations": len(kg.relations), "documents": len(kg.documents)}

    def validate(self) -> "Report":
        """Check the graph against the ontology's SHACL shapes (`policygraph validate`)."""
        from .graph.validate import validate

        return validate(self.kg)

    def query(self, cypher: str, params: dict | None = None, write: bool = False,
              timeout: float | None = 60.0) -> "pd.DataFrame":
        """Cypher on the build's store (`policygraph query`): a DataFrame. The statement may only read the graph
        (change it with write=True), runs in a confined worker process and is stopped after `timeout` seconds;
        a crash of the engine is a PolicygraphError, never the end of this interpreter."""
        from .graph.cypher_store import run_query

        return run_query(self._store(), cypher, params or {}, write=write, timeout=timeout)

    def view(self, out_path: PathLike | None = None, **options: Any) -> Path:
        """Write the browser view (`policygraph view`); its quotes link to the build's document pages. A partial
        view (focus=, types=, ...) needs out_path: the build's own view.html (the whole graph) is only replaced
        when you name it. Options: focus, hops, types, predicates, docs, years, path, png, svg, csv, open_map."""
        from .queries.view import render_view

        partial = [k for k in ("focus", "types", "predicates", "docs", "years", "path") if options.get(k)]
        whole = self.out / layout.VIEW
        if out_path is None and partial:
            raise PolicygraphError(f"a partial view ({', '.join(partial)}) needs out_path, the file to write (on the "
                                   f"command line -o FILE, e.g. -o view-part.html); {whole} is the build's view of "
                                   "the whole graph and is only replaced when you name it")
        target = Path(out_path) if out_path is not None else whole
        for given in (target, options.get("svg"), options.get("csv"), options.get("png")):
            if given is not None and Path(given).is_dir():
                raise PolicygraphError(f"{given}: is a directory; give a file name")
        options.setdefault("docs_dir", self.texts)
        return render_view(self.kg, target, **options)

    def show(self, **options: Any) -> Any:
        """The view inline in Jupyter (the same options as view)."""
        from .queries.view import show

        return show(self.kg, **options)

    # named queries, SPARQL, Neo4j, linkage: `policygraph queries / sparql / push / explain / brief` ----------
    def queries(self) -> "pd.DataFrame":
        """The named queries (`policygraph queries`): a DataFrame of name, question, params."""
        from .queries.catalog import queries_frame

        return queries_frame()

    def run_named(self, name: str, params: dict | None = None, progress: Progress = QUIET) -> "pd.DataFrame":
        """Run a named query on the store (`policygraph queries run NAME -p k=v`); a DataFrame. Entity names
        go through the one name resolver, as in explain, brief and view (its notes go to `progress`)."""
        from .queries.catalog import get_query, run_named

        get_query(name)  # an unknown name is reported before a missing store
        return run_named(name, self._store(), self.resolve_params(name, params, progress))

    def resolve_params(self, name: str, params: dict | None, progress: Progress = QUIET) -> dict:
        """A named query's entity parameters resolved in this build's graph ("Hanwha" -> its entity's id)."""
        from .queries.catalog import resolve_entity_params

        notes: list[str] = []
        resolved = resolve_entity_params(name, params, self.kg, notes)
        for note in notes:
            progress(f"note: {note}")
        return resolved

    def sparql(self, query: str, params: dict | None = None, timeout: float | None = 60.0) -> "pd.DataFrame":
        """SPARQL text or a named SPARQL query over the RDF (`policygraph sparql`); a DataFrame."""
        from .queries.catalog import run_sparql

        rdf = layout.rdf_file(self.out)
        if not rdf.exists():
            raise PolicygraphError(f"{rdf}: missing; {layout.rebuild_hint(self.out)}")
        return run_sparql(query, rdf, params, timeout=timeout)

    def push(self, to: "Neo4j | str", user: str | None = None, password: str | None = None,
             database: str | None = None, batch: int = 500, progress: Progress | None = None) -> dict:
        """Push the graph, its sentences and mentions into Neo4j (`policygraph push`): `to` is a Neo4j or its URI
        (then the password defaults to $NEO4J_PASSWORD, the user to $NEO4J_USER or neo4j). Counts of what was
        sent and what Neo4j created."""
        db = to if isinstance(to, Neo4j) else Neo4j(to, user, password, database)
        return db.push(self, batch, progress)

    def explain(self, a: str, b: str, max_hops: int = 4, k: int = 5) -> "Explanation":
        """How a and b are linked (`policygraph explain A B`): .paths, .to_frames(), .to_markdown()."""
        from .queries.linkage import explain

        return explain(self.kg, a, b, max_hops=max_hops, k=k)

    def brief(self, name: str, with_: str | None = None, out: PathLike | None = None, fmt: str | None = None) -> str:
        """A cited briefing (`policygraph brief NAME [--with B] [-o FILE]`): the Markdown, HTML or JSON text.
        `fmt`: md, html or json; by default from out's suffix, else md."""
        from .queries.briefing import brief

        return brief(self.kg, name, with_=with_, fmt=fmt, out=out, docs_dir=self.texts)

    # ----------------------------------------------------------------------------------------------
    def _store(self) -> Path:
        path = self.out / layout.STORE
        if not path.exists():
            if not (self.out / layout.FACTS).exists():
                raise layout.no_build_here(self.out)
            raise PolicygraphError(f"{path}: the Cypher store is missing; {layout.rebuild_hint(self.out)}")
        return path


class Neo4j:
    """A Neo4j (or Aura) database: where `push` writes and `query --uri` reads.

    The password comes from the argument or $NEO4J_PASSWORD (never from the URI, which is refused with one in
    it); the user from the argument, $NEO4J_USER, else neo4j."""

    def __init__(self, uri: str, user: str | None = None, password: str | None = None,
                 database: str | None = None) -> None:
        from .graph.neo4j_sync import check_uri

        check_uri(uri)  # before anything is asked or sent
        self.uri = uri
        self.user = user or os.environ.get("NEO4J_USER") or "neo4j"
        self.password = password if password is not None else os.environ.get("NEO4J_PASSWORD")
        self.database = database

    def __repr__(self) -> str:
        from .safe_text import redact_uri

        return f"<Neo4j {redact_uri(self.uri)} as {self.user}>"

    def _password(self) -> str:
        if self.password is None:
            raise PolicygraphError("no Neo4j password: set the NEO4J_PASSWORD environment variable")
        return self.password

    def query(self, cypher: str, params: dict | None = None, write: bool = False,
              timeout: float | None = 60.0) -> "pd.DataFrame":
        """One Cypher statement (`policygraph query --uri URI`), across the same boundary as on the embedded store."""
        from .graph.neo4j_sync import run_neo4j_query

        return run_neo4j_query(self.uri, self.user, self._password(), cypher, params or {}, database=self.database,
                               write=write, timeout=timeout)

    def run_named(self, name: str, params: dict | None = None, build: "Build | PathLike | None" = None,
                  progress: Progress = QUIET) -> "pd.DataFrame":
        """A named query's Neo4j variant (`policygraph queries run NAME --uri URI`); entity names are resolved in
        `build`'s graph (a Build, or a folder used when it holds one), as explain resolves them."""
        from .queries.catalog import get_query, run_named_neo4j

        get_query(name)  # an unknown name is reported before anything is opened
        if build is not None and not isinstance(build, Build):
            build = open_build(build) if has_build(build) else None
        if build is not None:
            params = build.resolve_params(name, params, progress)
        return run_named_neo4j(name, self.uri, self.user, self._password(), params, self.database)

    def push(self, build: Build, batch: int = 500, progress: Progress | None = None) -> dict:
        """Create or update `build`'s graph here (idempotent: everything is MERGEd on id)."""
        from .graph.neo4j_sync import push

        return push(build.kg, self.uri, self.user, self._password(), database=self.database, batch=batch,
                    progress=progress or QUIET, sentences=read_jsonl(build.out / layout.SENTENCES),
                    mentions=read_jsonl(build.out / layout.MENTIONS))


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
def build(paths: Paths | None, out: PathLike = "out", use_model: bool = True, progress: Progress | None = None,
          keep_going: bool = False, store: bool = True, view: bool = True, repair: bool = False,
          follow_symlinks: bool = False) -> Build:
    """Build the graph from documents into `out`, atomically: the old build stays until the new one is valid.
    Documents unchanged since the last build of `out` are taken from its cache, not re-extracted.
    `repair=True` without paths rebuilds every output of `out` from the build's own documents.
    `out` must be a build, an empty folder or a new one (builds/folder.py); files you put in a build are kept."""
    return Build.from_result(operations.build(paths, out, use_model=use_model, progress=progress,
                                              keep_going=keep_going, store=store, view=view, repair=repair,
                                              follow_symlinks=follow_symlinks))


def add(paths: Paths, out: PathLike = "out", use_model: bool | None = None, progress: Progress | None = None,
        keep_going: bool = False, store: bool = True, view: bool = True, follow_symlinks: bool = False) -> Build:
    """Add documents to the build in `out` (policygraph add); only the new documents are extracted.
    `use_model=None`: extract as the build was made (with the model or rules-only)."""
    return Build.from_result(operations.add(paths, out, use_model=use_model, progress=progress,
                                            keep_going=keep_going, store=store, view=view,
                                            follow_symlinks=follow_symlinks))


def remove(doc_ids: Paths, out: PathLike = "out", progress: Progress | None = None, store: bool = True,
           view: bool = True) -> Build:
    """Remove documents (by id, or by the path they were built from) from the build in `out` (policygraph remove)."""
    return Build.from_result(operations.remove(doc_ids, out, progress=progress, store=store, view=view))


def extract(paths: Paths, use_model: bool = True, progress: Progress = QUIET, keep_going: bool = False
            ) -> tuple[KnowledgeGraph, list[dict], list[dict], dict[str, str], list[str]]:
    """Read and extract documents; returns (KnowledgeGraph, sentences, mentions, raw texts, warnings).
    The same reading, checks and merge (in document-id order) as `build`, without an output directory."""
    return operations.extract(paths, use_model=use_model, progress=progress, keep_going=keep_going)


def run_named(name: str, params: dict | None = None, out: PathLike = "out",
              progress: Progress = QUIET) -> "pd.DataFrame":
    """Run a named query on the build in `out` (`policygraph queries run NAME`): an unknown name is reported
    before a missing build."""
    named_query(name)
    return open_build(out).run_named(name, params, progress)


def open_build(out: PathLike = "out") -> Build:
    """The build in `out`, without rebuilding it (its graph is read on first use)."""
    folder = Path(out)
    require_build(folder)
    return Build(folder)


def has_build(out: PathLike = "out") -> bool:
    """Whether `out` holds a build open_build can open."""
    return (Path(out) / layout.FACTS).exists()


def named_queries() -> "list[NamedQuery]":
    """The named Cypher queries (`policygraph queries`), with their parameters."""
    from .queries.catalog import list_queries

    return list_queries()


def named_query(name: str) -> "NamedQuery":
    """One named query (`policygraph queries show NAME`); its .cypher("neo4j" or "ladybug") is the statement."""
    from .queries.catalog import get_query

    return get_query(name)


# -- what the command line needs to parse its arguments (cli/ imports nothing below this module) ---------------


def parse_params(items: list[str] | None) -> dict:
    """`-p NAME=VALUE` arguments as query parameters: always text unless typed (`-p n:int=5`)."""
    from .queries.catalog import parse_param_args

    return parse_param_args(items)


def parse_years(text: str | None) -> tuple[int | None, int | None] | None:
    """A `--years` range ("2018-2020", "2018", "2018-", "-2020") as (first, last); a PolicygraphError if
    malformed."""
    from .queries.view import parse_years as parse

    return parse(text)
