"""`policygraph build`, `add` and `remove` (and `build --repair`): make and update a build folder."""
from __future__ import annotations

import sys
from pathlib import Path

from .. import api
from .common import add_command, progress

BUILD_EXAMPLES = """examples:
  policygraph build ../shared/corpus --out out
  policygraph build --repair --out out      # rebuild a damaged build (e.g. its graph.lbug) from its own documents"""

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


def cmd_build(args) -> int:
    p = progress(args)
    b = api.build(args.paths, out=args.out, use_model=not args.rules_only, progress=p, keep_going=args.keep_going,
                  repair=args.repair, follow_symlinks=args.follow_symlinks)
    p("Done")
    s = b.counts
    print(f"Built {s['entities']} entities and {s['relations']} relations from {s['documents']} documents "
          f"into {b.out}/")
    if b.reused:
        print(f"  ({len(b.extracted)} documents extracted, {len(b.reused)} unchanged taken from "
              f"{b.out}/{api.CACHE}/)")
    print(f"  {b.out}/{api.FACTS:<18} facts export (entities, relations with evidence)")
    print(f"  {b.out}/graph.trig .ttl .jsonld .nt   RDF (named graph per document + merged)")
    for name, what in ((api.STORE, "embedded Cypher store (policygraph query)"),
                       (api.VIEW, "interactive browser view")):
        if (b.out / name).exists():
            print(f"  {b.out}/{name:<18} {what}")
    print(f"  {b.out}/{api.TEXTS + '/':<18} the documents' text as read (evidence offsets point here)")
    _kept_and_warnings(b)
    return 0


def cmd_add(args) -> int:
    p = progress(args)
    b = api.add(args.paths, out=args.out, use_model=False if args.rules_only else None, progress=p,
                keep_going=args.keep_going, follow_symlinks=args.follow_symlinks)
    p("Done")
    n = len(b.added)
    _summary(b, f"Added {n} document{'s' if n != 1 else ''}" + (f" ({', '.join(b.added)})" if n else ""))
    return 0


def cmd_remove(args) -> int:
    p = progress(args)
    b = api.remove(args.doc_ids, out=args.out, progress=p)
    p("Done")
    n = len(b.removed)
    _summary(b, f"Removed {n} document{'s' if n != 1 else ''} ({', '.join(b.removed)})")
    return 0


def _summary(b: api.Build, verb: str) -> None:
    s = b.counts
    print(f"{verb}; {b.out}/ now holds {s['entities']} entities and {s['relations']} relations from "
          f"{s['documents']} documents")
    _kept_and_warnings(b)


def _kept_and_warnings(b: api.Build) -> None:
    if b.kept:
        print(f"  kept your files in {b.out}/: {', '.join(b.kept)}")
    for w in b.warnings:
        print(f"warning: {w}", file=sys.stderr)


def _inputs(p, nargs: str) -> None:
    p.add_argument("paths", nargs=nargs, type=Path, metavar="PATH")
    p.add_argument("--keep-going", action="store_true", help="skip unreadable documents with a warning")
    p.add_argument("--follow-symlinks", action="store_true",
                   help="inside folders, also follow symbolic links that lead out of them (not followed by default)")


def register(subparsers) -> None:
    """Add `build`, `add` and `remove` to the CLI's subparsers."""
    p = add_command(subparsers, "build", "read documents (.txt .md .html .pdf, files or folders) and build the graph "
                    "(documents unchanged since the last build of --out are not re-extracted)", BUILD_EXAMPLES,
                    cmd_build)
    _inputs(p, "*")
    p.add_argument("--out", default="out", type=Path, metavar="DIR",
                   help="the build directory (default: out): a new or empty folder, or an earlier build (whose files "
                        "of yours are kept); any other folder is refused")
    p.add_argument("--rules-only", action="store_true", help="do not use the spaCy model (rules-only path)")
    p.add_argument("--repair", action="store_true",
                   help="with no PATH: rebuild every output of --out (store, RDF, view...) from its documents")

    p = add_command(subparsers, "add", "add documents (files or folders) to a build; only the new documents are "
                    "extracted", ADD_EXAMPLES, cmd_add)
    _inputs(p, "+")
    p.add_argument("--out", default="out", type=Path, metavar="DIR", help="the build directory (default: out)")
    p.add_argument("--rules-only", action="store_true",
                   help="do not use the spaCy model (default: as the build was made; a change re-extracts all)")

    p = add_command(subparsers, "remove", "remove documents (by id) from a build, with the facts only they support",
                    REMOVE_EXAMPLES, cmd_remove)
    p.add_argument("doc_ids", nargs="+", metavar="DOC_ID", help="a document id (file name without extension)")
    p.add_argument("--out", default="out", type=Path, metavar="DIR", help="the build directory (default: out)")
