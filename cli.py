"""The `policygraph` command. Every subcommand mirrors a function or method of the Python API."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import __version__
from .console import PolicygraphError, Progress

EPILOG = """examples:
  policygraph build ../shared/corpus --out out
  policygraph add new-report.pdf --out out                # policygraph remove new-report --out out
  policygraph export --out out --format jsonl > facts.jsonl
  policygraph stats --out out
  policygraph validate --out out
run `policygraph COMMAND --help` for each command's options and an example."""


def _out_arg(p):
    p.add_argument("--out", default="out", metavar="DIR", help="the build directory (default: out)")


def cmd_build(args) -> int:
    from .api import build

    progress = Progress(quiet=args.quiet)
    b = build(args.paths, out=args.out, use_model=not args.rules_only, progress=progress,
              keep_going=args.keep_going, repair=args.repair, follow_symlinks=args.follow_symlinks)
    s = b.stats()
    if not args.quiet:
        progress("Done")
    print(f"Built {s['entities']} entities and {s['relations']} relations from {s['documents']} documents "
          f"into {b.out}/")
    if getattr(b, "reused", None):
        print(f"  ({len(b.extracted)} documents extracted, {len(b.reused)} unchanged taken from {b.out}/cache/)")
    print(f"  {b.out}/facts.jsonl        facts export (entities, relations with evidence)")
    print(f"  {b.out}/graph.trig .ttl .jsonld .nt   RDF (named graph per document + merged)")
    for name, what in (("graph.lbug", "embedded Cypher store (policygraph query)"),
                       ("view.html", "interactive browser view")):
        if (b.out / name).exists():
            print(f"  {b.out}/{name:<18} {what}")
    print(f"  {b.out}/documents/         the documents' text as read (evidence offsets point here)")
    if getattr(b, "kept", None):
        print(f"  kept your files in {b.out}/: {', '.join(b.kept)}")
    for w in getattr(b, "warnings", []):
        print(f"warning: {w}", file=sys.stderr)
    return 0


def cmd_export(args) -> int:
    from .api import open_build

    b = open_build(args.out)
    dest = args.output
    if args.format == "csv" and dest is None:
        dest = sys.stdout
    b.export(args.format, dest if dest is not None else sys.stdout)
    return 0


def cmd_validate(args) -> int:
    from .api import open_build

    report = open_build(args.out).validate()
    if report.conforms:
        print(f"{args.out}: conforms to the SHACL shapes")
        return 0
    print(f"{args.out}: {len(report.violations)} SHACL violations", file=sys.stderr)
    for v in report.violations[:50]:
        print(f"  {v}", file=sys.stderr)
    return 1


def cmd_stats(args) -> int:
    from .api import open_build

    s = open_build(args.out).stats()
    if args.json:
        print(json.dumps(s, indent=1))
        return 0
    for k, v in s.items():
        if isinstance(v, dict):
            print(f"{k}:")
            for kk, vv in v.items():
                print(f"  {kk:<28} {vv}")
        else:
            print(f"{k:<30} {v}")
    return 0


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="policygraph", description="Turn policy documents into an evidenced knowledge graph.",
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"policygraph {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name, help_, example, func):
        p = sub.add_parser(name, help=help_, description=help_, epilog=f"example:\n  {example}",
                           formatter_class=argparse.RawDescriptionHelpFormatter)
        p.add_argument("-q", "--quiet", action="store_true", help="no progress output")
        p.set_defaults(func=func)
        return p

    p = add("build", "read documents (.txt .md .html .pdf, files or folders) and build the graph "
            "(documents unchanged since the last build of --out are not re-extracted)",
            "policygraph build ../shared/corpus --out out\n  policygraph build --repair --out out"
            "      # rebuild a damaged build (e.g. its graph.lbug) from its own documents", cmd_build)
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    p.add_argument("--out", default="out", metavar="DIR",
                   help="the build directory (default: out): a new or empty folder, or an earlier build (whose files "
                        "of yours are kept); any other folder is refused")
    p.add_argument("--keep-going", action="store_true", help="skip unreadable documents with a warning")
    p.add_argument("--follow-symlinks", action="store_true",
                   help="inside folders, also follow symbolic links that lead out of them (not followed by default)")
    p.add_argument("--rules-only", action="store_true", help="do not use the spaCy model (rules-only path)")
    p.add_argument("--repair", action="store_true",
                   help="with no PATH: rebuild every output of --out (store, RDF, view...) from its documents")

    from .graph.export import FORMATS

    p = add("export", "write the graph in one format (to stdout unless -o is given)",
            "policygraph export --out out --format jsonl > facts.jsonl", cmd_export)
    _out_arg(p)
    p.add_argument("--format", "-f", choices=FORMATS, default="jsonl")
    p.add_argument("-o", "--output", type=Path, default=None, metavar="FILE",
                   help="file (or, for csv, a directory for entities.csv and relations.csv)")

    p = add("validate", "check the build against the ontology's SHACL shapes",
            "policygraph validate --out out", cmd_validate)
    _out_arg(p)

    p = add("stats", "counts by entity type and predicate, documents, facts without amounts, ...",
            "policygraph stats --out out", cmd_stats)
    _out_arg(p)
    p.add_argument("--json", action="store_true", help="print JSON")

    for module in ("policygraph.queries.commands", "policygraph.queries.view_commands",
                   "policygraph.queries.linkage_commands", "policygraph.maintenance_commands"):
        try:
            mod = __import__(module, fromlist=["register"])
        except ImportError:
            continue
        mod.register(sub)
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


if __name__ == "__main__":
    sys.exit(main())
