"""`policygraph export`, `stats` and `validate`: the graph of a build, written out, counted and checked."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .. import api
from .common import add_command, out_arg


def cmd_export(args) -> int:
    dest = args.output if args.output is not None else sys.stdout
    api.open_build(args.out).export(args.format, dest)
    return 0


def cmd_validate(args) -> int:
    report = api.open_build(args.out).validate()
    if report.conforms:
        print(f"{args.out}: conforms to the SHACL shapes")
        return 0
    print(f"{args.out}: {len(report.violations)} SHACL violations", file=sys.stderr)
    for v in report.violations[:50]:
        print(f"  {v}", file=sys.stderr)
    return 1


def cmd_stats(args) -> int:
    s = api.open_build(args.out).stats()
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


def register(subparsers) -> None:
    """Add `export`, `validate` and `stats` to the CLI's subparsers."""
    p = add_command(subparsers, "export", "write the graph in one format (to stdout unless -o is given)",
                    "policygraph export --out out --format jsonl > facts.jsonl", cmd_export)
    out_arg(p)
    p.add_argument("--format", "-f", choices=api.EXPORT_FORMATS, default="jsonl")
    p.add_argument("-o", "--output", type=Path, default=None, metavar="FILE",
                   help="file (or, for csv, a directory for entities.csv and relations.csv)")

    p = add_command(subparsers, "validate", "check the build against the ontology's SHACL shapes",
                    "policygraph validate --out out", cmd_validate)
    out_arg(p)

    p = add_command(subparsers, "stats", "counts by entity type and predicate, documents, facts without amounts, ...",
                    "policygraph stats --out out", cmd_stats)
    out_arg(p)
    p.add_argument("--json", action="store_true", help="print JSON")
