"""CLI subcommands `add` and `remove`: update a build without re-extracting its unchanged documents.

Registered by the main CLI via `register(sub)`. Both mirror the Python API (`policygraph.add`,
`policygraph.remove`); `policygraph build --repair` (in cli.py) is the third maintenance operation.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .console import Progress

ADD_EXAMPLES = """examples:
  policygraph add ../new-reports/korea-chips-2024.pdf --out out
  policygraph add ../new-reports/ --out out --keep-going     # a folder; skip unreadable files with a warning

A file whose id (its name without extension) is already in the build replaces that document; the
other documents are taken from out/cache/ and are not re-extracted. The old build stays until the new
one is complete and valid; files you put in out/ yourself (notes, briefs, exports) are kept."""

REMOVE_EXAMPLES = """examples:
  policygraph remove korea-chips-2024 --out out
  policygraph remove ../new-reports/korea-chips-2024.pdf --out out   # by the path it was added from

A fact stays while any remaining document supports it; entities no remaining document mentions go.
`policygraph add` of the same file afterwards gives back a byte-identical build."""


def _summary(b, verb: str) -> None:
    s = b.stats()
    print(f"{verb}; {b.out}/ now holds {s['entities']} entities and {s['relations']} relations from "
          f"{s['documents']} documents")
    if getattr(b, "kept", None):
        print(f"  kept your files in {b.out}/: {', '.join(b.kept)}")
    for w in getattr(b, "warnings", []):
        print(f"warning: {w}", file=sys.stderr)


def cmd_add(args) -> int:
    from .api import add

    progress = Progress(quiet=args.quiet)
    b = add(args.paths, out=args.out, use_model=False if args.rules_only else None, progress=progress,
            keep_going=args.keep_going, follow_symlinks=args.follow_symlinks)
    if not args.quiet:
        progress("Done")
    n = len(b.added)
    _summary(b, f"Added {n} document{'s' if n != 1 else ''}" + (f" ({', '.join(b.added)})" if n else ""))
    return 0


def cmd_remove(args) -> int:
    from .api import remove

    progress = Progress(quiet=args.quiet)
    b = remove(args.doc_ids, out=args.out, progress=progress)
    if not args.quiet:
        progress("Done")
    n = len(b.removed)
    _summary(b, f"Removed {n} document{'s' if n != 1 else ''} ({', '.join(b.removed)})")
    return 0


def register(subparsers) -> None:
    """Add `add` and `remove` to the CLI's subparsers."""
    fmt = argparse.RawDescriptionHelpFormatter

    help_ = "add documents (files or folders) to a build; only the new documents are extracted"
    p = subparsers.add_parser("add", help=help_, description=help_, epilog=ADD_EXAMPLES, formatter_class=fmt)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    p.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    p.add_argument("--out", default="out", metavar="DIR", help="the build directory (default: out)")
    p.add_argument("--keep-going", action="store_true", help="skip unreadable documents with a warning")
    p.add_argument("--follow-symlinks", action="store_true",
                   help="inside folders, also follow symbolic links that lead out of them (not followed by default)")
    p.add_argument("--rules-only", action="store_true",
                   help="do not use the spaCy model (default: as the build was made; a change re-extracts all)")
    p.set_defaults(func=cmd_add)

    help_ = "remove documents (by id) from a build, with the facts only they support"
    p = subparsers.add_parser("remove", help=help_, description=help_, epilog=REMOVE_EXAMPLES, formatter_class=fmt)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    p.add_argument("doc_ids", nargs="+", metavar="DOC_ID", help="a document id (file name without extension)")
    p.add_argument("--out", default="out", metavar="DIR", help="the build directory (default: out)")
    p.set_defaults(func=cmd_remove)
