"""CLI subcommands `query`, `queries`, `push` and `sparql` (registered by the main CLI via `register`)."""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path

from ..console import PolicygraphError, Progress, whole_number

STORE = "graph.lbug"
FORMATS = ("table", "csv", "json")

QUERY_EXAMPLES = """examples:
  policygraph query "MATCH (f:Firm)-[r:INVESTS_IN]->(s:USState) RETURN f.name, s.name, r.amount_usd"
  policygraph query "MATCH (f:Firm)-[r:INVESTS_IN]->(s:USState) WHERE s.name = \\$state RETURN f.name, r.amount_usd" -p state=Georgia
  policygraph query "MATCH ()-[r:INVESTS_IN]->() WHERE r.year >= \\$y RETURN count(r) AS n" -p y:int=2020
  policygraph query "MATCH (n:Entity) RETURN labels(n), count(*)" --uri bolt://localhost:7687   # on Neo4j

The embedded store is DIR/graph.lbug (LadybugDB's Cypher dialect: one label per node, label(r) for a
relationship's type; every fact relationship has r.predicate, r.docs, r.quote). Queries are read-only
unless --write is given; a query never reads or writes files, loads extensions or changes settings, and
runs in a worker process stopped after --timeout seconds. Pass values with -p NAME=VALUE (a string) or
-p NAME:int=5 (str, int, float, bool) and use them as $NAME: never paste them in."""

QUERIES_EXAMPLES = """examples:
  policygraph queries                                   # list the named queries and their parameters
  policygraph queries run investments_into_states -p state=Georgia
  policygraph queries run paths_between -p source=Hyundai -p target="South Korea" --format json
  policygraph queries show shortest_path --neo4j        # the statement text (Neo4j variant)"""

PUSH_EXAMPLES = """examples:
  NEO4J_PASSWORD=secret policygraph push --uri bolt://localhost:7687 --user neo4j
  policygraph push --uri neo4j+s://xxxx.databases.neo4j.io --database neo4j   # prompts for the password

The password comes from the NEO4J_PASSWORD environment variable or a prompt, never from the command line.
Nodes are labelled with their class, its superclasses and Entity; uniqueness constraints on id are
created; everything is MERGEd on id, so pushing again updates in place and creates nothing new."""

SPARQL_EXAMPLES = """examples:
  policygraph sparql "SELECT ?firm WHERE { ?f pg:entityType 'Firm' ; rdfs:label ?firm }"
  policygraph sparql investments_into_states -p state=Georgia     # a named query from queries/sparql/
Runs over DIR/graph.ttl with the prefixes pg: pgid: rdfs: skos: owl: prov: xsd: wd: predeclared."""


# -- output ----------------------------------------------------------------------------------------------
def _clean(value):
    """A cell as plain JSON-able Python (NaN/NA -> None, numpy scalars -> Python)."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        try:
            return _clean(value.item())
        except (ValueError, AttributeError):
            pass
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return None
    except ImportError:  # pragma: no cover
        pass
    return value


def _records(df) -> list[dict]:
    cols = [str(c) for c in df.columns]
    return [{c: _clean(v) for c, v in zip(cols, row)} for row in df.itertuples(index=False, name=None)]


def _cell_text(value, width: int = 60) -> str:
    value = _clean(value)
    if value is None:
        text = ""
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() and abs(value) < 1e18 else f"{value:g}"
    elif isinstance(value, (list, dict)):
        text = json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else "; ".join(
            _cell_text(v, width) for v in value)
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_frame(df, fmt: str = "table", terminal: bool = False) -> str:
    """A DataFrame as an aligned table, CSV (lists as JSON) or JSON (an array of objects).

    Values come from documents, so each format keeps them inert (queries/safe_text.py): the table shows
    control characters as escapes, JSON escapes the ones json.dumps leaves raw, CSV cells that would start a
    spreadsheet formula get a leading apostrophe, and with `terminal` (output to a terminal) CSV shows
    control characters as escapes too."""
    from .safe_text import csv_cell, for_terminal, json_text

    if fmt == "json":
        return json_text(json.dumps(_records(df), ensure_ascii=False, indent=1, default=str)) + "\n"
    if fmt == "csv":
        import csv
        import io

        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow([csv_cell(str(c)) for c in df.columns])
        for rec in _records(df):
            w.writerow([csv_cell("" if v is None else json.dumps(v, ensure_ascii=False)
                                 if isinstance(v, (list, dict)) else v) for v in rec.values()])
        return for_terminal(buf.getvalue()) if terminal else buf.getvalue()
    if fmt != "table":
        raise PolicygraphError(f"unknown --format {fmt!r} (one of {', '.join(FORMATS)})")
    cols = [for_terminal(str(c), keep_newlines=False) for c in df.columns]
    rows = [[for_terminal(_cell_text(v), keep_newlines=False) for v in row]
            for row in df.itertuples(index=False, name=None)]
    if not cols:
        return "(no columns)\n"
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def _emit(df, fmt: str) -> None:
    isatty = getattr(sys.stdout, "isatty", None)
    sys.stdout.write(format_frame(df, fmt, terminal=bool(isatty and isatty())))


# -- shared options --------------------------------------------------------------------------------------
def _common(p, neo4j: bool = False, push: bool = False) -> None:
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    p.add_argument("--out", default="out", metavar="DIR",
                   help="the build directory (default: out): the store is DIR/graph.lbug, the RDF DIR/graph.ttl")
    if neo4j:
        if push:
            p.add_argument("--uri", metavar="URI", required=True,
                           help="the Neo4j to push to, e.g. bolt://localhost:7687 or neo4j+s://xxxx.databases.neo4j.io")
        else:
            p.add_argument("--uri", metavar="URI", help="run on this Neo4j instead of the embedded store "
                                                        "(bolt://, neo4j://, neo4j+s:// ...)")
        p.add_argument("--user", default=None, metavar="USER",
                       help="Neo4j user (default: $NEO4J_USER or neo4j); password from $NEO4J_PASSWORD or a prompt")
        p.add_argument("--database", default=None, metavar="NAME", help="Neo4j database (default: the server's)")


def _params_arg(p) -> None:
    p.add_argument("-p", "--param", action="append", default=[], metavar="NAME[:TYPE]=VALUE",
                   help="a query parameter, used as $NAME (repeatable). A string unless typed: -p n:int=5 "
                        "(types: str, int, float, bool)")


def _timeout_arg(p) -> None:
    p.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                   help="stop the query after this long (default: 60)")


def _format_arg(p) -> None:
    p.add_argument("--format", "-f", choices=FORMATS, default="table", help="output format (default: table)")


def _user(args) -> str:
    return args.user or os.environ.get("NEO4J_USER") or "neo4j"


def neo4j_password(user: str, uri: str) -> str:
    """From $NEO4J_PASSWORD, else a prompt (never a command-line flag, nor the URI)."""
    from ..graph.neo4j_sync import check_uri

    check_uri(uri)
    pw = os.environ.get("NEO4J_PASSWORD")
    if pw is not None:
        return pw
    if not sys.stdin or not sys.stdin.isatty():
        raise PolicygraphError("no Neo4j password: set the NEO4J_PASSWORD environment variable "
                               "(there is no terminal to prompt on)")
    import getpass

    try:
        return getpass.getpass(f"Neo4j password for {user} at {uri}: ")
    except (EOFError, KeyboardInterrupt):
        raise PolicygraphError("no Neo4j password given") from None


def _store(args) -> Path:
    path = Path(args.out) / STORE
    if not path.exists():
        if not Path(args.out).exists():
            raise PolicygraphError(f"{args.out}: no build here (run `policygraph build PATH --out {args.out}` first)")
        raise PolicygraphError(f"{path}: the Cypher store is missing; rebuild it with "
                               f"`policygraph build --repair --out {args.out}`")
    return path


# -- commands --------------------------------------------------------------------------------------------
def cmd_query(args) -> int:
    from ..graph.cypher_store import run_query
    from .catalog import parse_param_args

    cypher = args.cypher
    if cypher is not None and args.file is not None:
        raise PolicygraphError("give either a query or --file, not both")
    if cypher == "-":
        cypher = sys.stdin.read()
    if args.file is not None:
        cypher = Path(args.file).read_text(encoding="utf-8")
    if cypher is None:
        raise PolicygraphError("no query given (policygraph query 'MATCH ...'; or --file FILE; or - for stdin)")
    params = parse_param_args(args.param)
    if args.uri:
        from ..graph.neo4j_sync import run_neo4j_query

        user = _user(args)
        df = run_neo4j_query(args.uri, user, neo4j_password(user, args.uri), cypher, params,
                             database=args.database, write=args.write, timeout=args.timeout)
    else:
        df = run_query(_store(args), cypher, params, write=args.write, timeout=args.timeout)
    _emit(df, args.format)
    return 0


def cmd_queries(args) -> int:
    from .catalog import list_queries

    action = getattr(args, "action", None)
    if action == "run":
        return cmd_queries_run(args)
    if action == "show":
        return cmd_queries_show(args)
    qs = list_queries()
    if getattr(args, "format", "table") == "json":
        print(json.dumps([{"name": q.name, "question": q.question, "neo4j_variant": q.neo4j_text is not None,
                           "params": [{"name": p.name, "type": p.type, "required": p.required,
                                       "default": None if p.required else p.default, "description": p.description}
                                      for p in q.params]} for q in qs], indent=1, ensure_ascii=False))
        return 0
    for q in qs:
        print(f"{q.name}{'  [Neo4j variant]' if q.neo4j_text is not None else ''}")
        print(f"    {q.question}")
        for p in q.params:
            print(f"    -p {p.describe()}")
    print(f"\n{len(qs)} named queries. Run one: policygraph queries run NAME [-p NAME=VALUE ...] [--uri URI]")
    return 0


def cmd_queries_run(args) -> int:
    from .catalog import get_query, parse_param_args, resolve_entity_params, run_named, run_named_neo4j

    params = parse_param_args(args.param)
    get_query(args.name)  # an unknown name is reported before a missing build
    if (Path(args.out) / "facts.jsonl").exists():  # entity names through the one name resolver
        from ..api import open_build

        notes: list[str] = []
        params = resolve_entity_params(args.name, params, open_build(args.out).kg, notes)
        progress = Progress(quiet=getattr(args, "quiet", False))
        for n in notes:
            progress(f"note: {n}")
    if args.uri:
        user = _user(args)
        df = run_named_neo4j(args.name, args.uri, user, neo4j_password(user, args.uri), params, args.database)
    else:
        df = run_named(args.name, _store(args), params)
    _emit(df, args.format)
    return 0


def cmd_queries_show(args) -> int:
    from .catalog import get_query

    q = get_query(args.name)
    sys.stdout.write(q.cypher("neo4j" if args.neo4j else "ladybug"))
    return 0


def push_build(build, uri: str, user: str = "neo4j", password: str | None = None, database: str | None = None,
               batch: int = 500, progress=None) -> dict:
    """Push a build (its graph, sentences and mentions) to Neo4j; the password defaults to $NEO4J_PASSWORD."""
    from ..graph.neo4j_sync import push

    if password is None:
        password = neo4j_password(user, uri)
    out = Path(build.out)
    return push(build.kg, uri, user, password, database=database, batch=batch, progress=progress or Progress(True),
                sentences=_jsonl(out / "sentences.jsonl"), mentions=_jsonl(out / "mentions.jsonl"))


def cmd_push(args) -> int:
    from ..api import open_build

    progress = Progress(quiet=args.quiet)
    build = open_build(args.out)
    user = _user(args)
    password = neo4j_password(user, args.uri)
    counts = push_build(build, args.uri, user, password, args.database, args.batch, progress)
    print(f"Pushed to {args.uri}{f' (database {args.database})' if args.database else ''}: "
          f"{counts['entities']} entities, {counts['relations']} relations, {counts['documents']} documents, "
          f"{counts['sentences']} sentences, {counts['mentions']} mentions in {counts['batches']} batches "
          f"({counts['seconds']:.1f} s)")
    print(f"  Neo4j: {counts['nodes_created']} nodes and {counts['relationships_created']} relationships created, "
          f"{counts['properties_set']} properties set, {counts['labels_added']} labels added, "
          f"{counts['constraints_added']} constraints added")
    return 0


def _jsonl(path: Path):
    if not path.exists():
        return None
    try:
        with open(path, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    except (OSError, ValueError) as err:
        raise PolicygraphError(f"{path}: unreadable build file ({err})") from None


def cmd_sparql(args) -> int:
    from .catalog import parse_param_args, run_sparql

    text = args.sparql
    if args.file is not None:
        text = Path(args.file).read_text(encoding="utf-8")
    elif text == "-":
        text = sys.stdin.read()
    if not text:
        raise PolicygraphError("no SPARQL query given (policygraph sparql 'SELECT ...'; or --file FILE)")
    df = run_sparql(text, Path(args.out), parse_param_args(args.param), timeout=args.timeout)
    _emit(df, args.format)
    return 0


def register(subparsers) -> None:
    """Add `query`, `queries`, `push` and `sparql` to the CLI's subparsers."""
    fmt = argparse.RawDescriptionHelpFormatter

    help_ = "run a Cypher query on the embedded store (or on Neo4j with --uri); prints a table, CSV or JSON"
    p = subparsers.add_parser("query", help=help_, description=help_, epilog=QUERY_EXAMPLES, formatter_class=fmt)
    p.add_argument("cypher", nargs="?", metavar="CYPHER", help="the statement ('-' reads it from stdin)")
    p.add_argument("--file", metavar="FILE", help="read the statement from a file")
    _params_arg(p)
    _format_arg(p)
    p.add_argument("--write", action="store_true",
                   help="allow CREATE/MERGE/SET/DELETE/DROP/ALTER (refused otherwise; files, extensions and "
                        "settings are refused always)")
    _timeout_arg(p)
    _common(p, neo4j=True)
    p.set_defaults(func=cmd_query)

    help_ = "list the named analyst queries, or run one (`queries run NAME -p NAME=VALUE`)"
    p = subparsers.add_parser("queries", help=help_, description=help_, epilog=QUERIES_EXAMPLES, formatter_class=fmt)
    p.add_argument("--format", "-f", choices=("table", "json"), default="table", help="list format (default: table)")
    sub = p.add_subparsers(dest="action", metavar="ACTION")
    lp = sub.add_parser("list", help="list the named queries (the default)", description="list the named queries",
                        epilog="example:\n  policygraph queries list", formatter_class=fmt)
    lp.add_argument("--format", "-f", choices=("table", "json"), default="table", help="list format (default: table)")
    rp = sub.add_parser("run", help="run a named query", description="run a named query on the store (or Neo4j)",
                        epilog="example:\n  policygraph queries run investments_into_states -p state=Georgia",
                        formatter_class=fmt)
    rp.add_argument("name", metavar="NAME", help="the query's name (see `policygraph queries`)")
    _params_arg(rp)
    _format_arg(rp)
    _common(rp, neo4j=True)
    sp = sub.add_parser("show", help="print a named query's statement",
                        description="print a named query's statement (with its header)",
                        epilog="example:\n  policygraph queries show paths_between --neo4j", formatter_class=fmt)
    sp.add_argument("name", metavar="NAME")
    sp.add_argument("--neo4j", action="store_true", help="the Neo4j variant (the same text where none is needed)")
    p.set_defaults(func=cmd_queries)

    help_ = "push the graph into Neo4j or Aura (idempotent MERGE on id; password from $NEO4J_PASSWORD or a prompt)"
    p = subparsers.add_parser("push", help=help_, description=help_, epilog=PUSH_EXAMPLES, formatter_class=fmt)
    _common(p, neo4j=True, push=True)
    p.add_argument("--batch", type=whole_number(1), default=500, metavar="N", help="rows per UNWIND batch (default: 500)")
    p.set_defaults(func=cmd_push)

    help_ = "run a SPARQL query over the RDF export (DIR/graph.ttl), or a named one from queries/sparql/"
    p = subparsers.add_parser("sparql", help=help_, description=help_, epilog=SPARQL_EXAMPLES, formatter_class=fmt)
    p.add_argument("sparql", nargs="?", metavar="QUERY", help="SPARQL text, a named query, or '-' for stdin")
    p.add_argument("--file", metavar="FILE", help="read the query from a file")
    _params_arg(p)
    _format_arg(p)
    _timeout_arg(p)
    _common(p)
    p.set_defaults(func=cmd_sparql)
