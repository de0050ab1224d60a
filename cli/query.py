"""`policygraph query`, `queries`, `sparql` and `push`: Cypher on the store or on Neo4j, named queries, SPARQL."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .. import api
from ..console import PolicygraphError
from .common import FORMATTER, add_command, out_arg, progress, whole_number
from .output import FORMATS, emit

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


# -- shared options --------------------------------------------------------------------------------------
def _neo4j_args(p, push: bool = False) -> None:
    if push:
        p.add_argument("--uri", metavar="URI", required=True,
                       help="the Neo4j to push to, e.g. bolt://localhost:7687 or neo4j+s://xxxx.databases.neo4j.io")
    else:
        p.add_argument("--uri", metavar="URI", help="run on this Neo4j instead of the embedded store "
                                                    "(bolt://, neo4j://, neo4j+s:// ...)")
    p.add_argument("--user", default=None, metavar="USER",
                   help="Neo4j user (default: $NEO4J_USER or neo4j); password from $NEO4J_PASSWORD or a prompt")
    p.add_argument("--database", default=None, metavar="NAME", help="Neo4j database (default: the server's)")


def _build_out(p) -> None:
    out_arg(p, "the build directory (default: out): the store is DIR/graph.lbug, the RDF DIR/graph.ttl")


def _statement_args(p, dest: str, metavar: str, help_: str) -> None:
    """The statement (an argument, or --file), its parameters and the output format."""
    p.add_argument(dest, nargs="?", metavar=metavar, help=help_)
    p.add_argument("--file", metavar="FILE", help="read the statement from a file")
    _params_arg(p)
    _format_arg(p)


def _params_arg(p) -> None:
    p.add_argument("-p", "--param", action="append", default=[], metavar="NAME[:TYPE]=VALUE",
                   help="a query parameter, used as $NAME (repeatable). A string unless typed: -p n:int=5 "
                        "(types: str, int, float, bool)")


def _timeout_arg(p) -> None:
    p.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                   help="stop the query after this long (default: 60)")


def _format_arg(p) -> None:
    p.add_argument("--format", "-f", choices=FORMATS, default="table", help="output format (default: table)")


def neo4j(args) -> api.Neo4j:
    """The Neo4j of --uri: the URI checked first, then the password from $NEO4J_PASSWORD or a prompt (never a
    command-line flag, nor the URI)."""
    db = api.Neo4j(args.uri, args.user, database=args.database)
    if db.password is None:
        db.password = _prompt_password(db.user, args.uri)
    return db


def _prompt_password(user: str, uri: str) -> str:
    if not sys.stdin or not sys.stdin.isatty():
        raise PolicygraphError("no Neo4j password: set the NEO4J_PASSWORD environment variable "
                               "(there is no terminal to prompt on)")
    import getpass

    try:
        return getpass.getpass(f"Neo4j password for {user} at {uri}: ")
    except (EOFError, KeyboardInterrupt):
        raise PolicygraphError("no Neo4j password given") from None


def _statement(text: str | None, file: str | None, what: str) -> str:
    """The statement from the argument, --file or stdin ('-')."""
    if text is not None and file is not None:
        raise PolicygraphError("give either a query or --file, not both")
    if file is not None:
        return Path(file).read_text(encoding="utf-8")
    if text == "-":
        return sys.stdin.read()
    if text is None:
        raise PolicygraphError(f"no query given (policygraph {what} '...'; or --file FILE; or - for stdin)")
    return text


# -- commands --------------------------------------------------------------------------------------------
def cmd_query(args) -> int:
    cypher = _statement(args.cypher, args.file, "query")
    params = api.parse_params(args.param)
    if args.uri:
        df = neo4j(args).query(cypher, params, write=args.write, timeout=args.timeout)
    else:
        df = api.open_build(args.out).query(cypher, params, write=args.write, timeout=args.timeout)
    emit(df, args.format)
    return 0


def cmd_queries(args) -> int:
    action = getattr(args, "action", None)
    if action == "run":
        return cmd_queries_run(args)
    if action == "show":
        return cmd_queries_show(args)
    qs = api.named_queries()
    if getattr(args, "format", "table") == "json":
        print(json.dumps([q.to_dict() for q in qs], indent=1, ensure_ascii=False))
        return 0
    for q in qs:
        print(f"{q.name}{'  [Neo4j variant]' if q.neo4j_text is not None else ''}")
        print(f"    {q.question}")
        for p in q.params:
            print(f"    -p {p.describe()}")
    print(f"\n{len(qs)} named queries. Run one: policygraph queries run NAME [-p NAME=VALUE ...] [--uri URI]")
    return 0


def cmd_queries_run(args) -> int:
    params = api.parse_params(args.param)
    if args.uri:  # entity names are resolved in the local build's graph when there is one, as explain does
        df = neo4j(args).run_named(args.name, params, build=args.out, progress=progress(args))
    else:
        df = api.run_named(args.name, params, out=args.out, progress=progress(args))
    emit(df, args.format)
    return 0


def cmd_queries_show(args) -> int:
    sys.stdout.write(api.named_query(args.name).cypher("neo4j" if args.neo4j else "ladybug"))
    return 0


def cmd_push(args) -> int:
    counts = api.open_build(args.out).push(neo4j(args), batch=args.batch, progress=progress(args))
    print(f"Pushed to {args.uri}{f' (database {args.database})' if args.database else ''}: "
          f"{counts['entities']} entities, {counts['relations']} relations, {counts['documents']} documents, "
          f"{counts['sentences']} sentences, {counts['mentions']} mentions in {counts['batches']} batches "
          f"({counts['seconds']:.1f} s)")
    print(f"  Neo4j: {counts['nodes_created']} nodes and {counts['relationships_created']} relationships created, "
          f"{counts['properties_set']} properties set, {counts['labels_added']} labels added, "
          f"{counts['constraints_added']} constraints added")
    return 0


def cmd_sparql(args) -> int:
    text = _statement(args.sparql, args.file, "sparql")
    df = api.open_build(args.out).sparql(text, api.parse_params(args.param), timeout=args.timeout)
    emit(df, args.format)
    return 0


def register(subparsers) -> None:
    """Add `query`, `queries`, `push` and `sparql` to the CLI's subparsers."""
    p = add_command(subparsers, "query", "run a Cypher query on the embedded store (or on Neo4j with --uri); prints "
                    "a table, CSV or JSON", QUERY_EXAMPLES, cmd_query)
    _statement_args(p, "cypher", "CYPHER", "the statement ('-' reads it from stdin)")
    p.add_argument("--write", action="store_true",
                   help="allow CREATE/MERGE/SET/DELETE/DROP/ALTER (refused otherwise; files, extensions and "
                        "settings are refused always)")
    _timeout_arg(p)
    _build_out(p)
    _neo4j_args(p)

    help_ = "list the named analyst queries, or run one (`queries run NAME -p NAME=VALUE`)"
    p = subparsers.add_parser("queries", help=help_, description=help_, epilog=QUERIES_EXAMPLES,
                              formatter_class=FORMATTER)
    p.add_argument("--format", "-f", choices=("table", "json"), default="table", help="list format (default: table)")
    p.set_defaults(func=cmd_queries)
    sub = p.add_subparsers(dest="action", metavar="ACTION")
    lp = add_command(sub, "list", "list the named queries (the default)", "policygraph queries list", cmd_queries)
    lp.add_argument("--format", "-f", choices=("table", "json"), default="table", help="list format (default: table)")
    rp = add_command(sub, "run", "run a named query on the store (or Neo4j)",
                     "policygraph queries run investments_into_states -p state=Georgia", cmd_queries)
    rp.add_argument("name", metavar="NAME", help="the query's name (see `policygraph queries`)")
    _params_arg(rp)
    _format_arg(rp)
    _build_out(rp)
    _neo4j_args(rp)
    sp = add_command(sub, "show", "print a named query's statement (with its header)",
                     "policygraph queries show paths_between --neo4j", cmd_queries)
    sp.add_argument("name", metavar="NAME")
    sp.add_argument("--neo4j", action="store_true", help="the Neo4j variant (the same text where none is needed)")

    p = add_command(subparsers, "push", "push the graph into Neo4j or Aura (idempotent MERGE on id; password from "
                    "$NEO4J_PASSWORD or a prompt)", PUSH_EXAMPLES, cmd_push)
    _build_out(p)
    _neo4j_args(p, push=True)
    p.add_argument("--batch", type=whole_number(1), default=500, metavar="N", help="rows per UNWIND batch (default: 500)")

    p = add_command(subparsers, "sparql", "run a SPARQL query over the RDF export (DIR/graph.ttl), or a named one "
                    "from queries/sparql/", SPARQL_EXAMPLES, cmd_sparql)
    _statement_args(p, "sparql", "QUERY", "SPARQL text, a named query, or '-' for stdin")
    _timeout_arg(p)
    _build_out(p)
