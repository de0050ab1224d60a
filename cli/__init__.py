"""The `policygraph` command: a thin shell over the Python API (api.py).

Every command parses its arguments, makes one call into the API and prints; its module adds it with
`register(subparsers)`:

    build.py    build, add, remove                 graph.py    export, stats, validate
    query.py    query, queries, sparql, push       view.py     view
    linkage.py  explain, brief

common.py holds what the commands share, output.py how results are printed.
"""
from __future__ import annotations

import argparse
import sys

from .. import __version__
from ..console import PolicygraphError
from . import build, graph, linkage, query, view

EPILOG = """examples:
  policygraph build ../shared/corpus --out out
  policygraph add new-report.pdf --out out                # policygraph remove new-report --out out
  policygraph export --out out --format jsonl > facts.jsonl
  policygraph stats --out out
  policygraph query "MATCH (f:Firm)-[r:INVESTS_IN]->(s:USState) RETURN f.name, s.name, r.amount_usd"
  policygraph explain "SK Hynix" "South Korea"
run `policygraph COMMAND --help` for each command's options and an example."""

COMMANDS = (build, graph, query, view, linkage)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policygraph", description="Turn policy documents into an evidenced knowledge graph.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"policygraph {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMANDS:
        module.register(sub)
    return parser


def main(argv=None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except PolicygraphError as err:
        print(f"policygraph: error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("policygraph: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as err:
        where = f"{err.filename}: " if getattr(err, "filename", None) else ""
        print(f"policygraph: error: {where}{err.strerror or err}", file=sys.stderr)
        return 1
