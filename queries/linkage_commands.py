"""`policygraph explain A B` and `policygraph brief NAME`: linkage with evidence, and cited briefings."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..console import PolicygraphError, whole_number

EXPLAIN_EXAMPLES = """examples:
  policygraph explain "SK Hynix" "South Korea"              # the 5 best paths of at most 4 hops
  policygraph explain Japan "South Korea" -k 3 --format json
  policygraph explain Hanwha "Section 232" --max-hops 5     # names may be aliases or unique parts of a name

Each hop is printed as `Subject —PREDICATE (amount, year)→ Object` with its quotes and documents. Paths are
ranked by length, then by evidence (sum of the hops' confidences, then number of documents). A name that
matches several entities, or none, stops with "did you mean: ...?"; add the type to choose, e.g.
"Georgia (USState)"."""

BRIEF_EXAMPLES = """examples:
  policygraph brief Japan                                   # Markdown on stdout
  policygraph brief "SK Hynix" -o hynix.md
  policygraph brief Hanwha --with Georgia -o dyad.html      # everything linking the two, with the graph view

A briefing: who it is (type, aliases, Wikidata id), relations by type, money (investment by US state and
year, totals), a timeline, retaliation and targeting (with retaliation chains), actors two hops away, how
many documents state each fact (disagreeing amounts flagged), and numbered footnotes giving every quote with
its document and character offsets in DIR/documents/<doc>.txt."""


def _add(subparsers, name: str, help_: str, examples: str, func) -> argparse.ArgumentParser:
    p = subparsers.add_parser(name, help=help_, description=help_, epilog=examples,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    p.add_argument("--out", default="out", metavar="DIR", help="the build directory (default: out)")
    p.set_defaults(func=func)
    return p


def register(subparsers) -> None:
    """Add the `explain` and `brief` subcommands to the CLI's subparsers."""
    from .linkage import MAX_HOPS_LIMIT

    p = _add(subparsers, "explain", "how two entities are linked: the best typed paths, each hop with its evidence",
             EXPLAIN_EXAMPLES, cmd_explain)
    p.add_argument("a", metavar="A", help="an entity: name, alias or id")
    p.add_argument("b", metavar="B", help="another entity")
    p.add_argument("--max-hops", type=whole_number(1, MAX_HOPS_LIMIT), default=4, metavar="N",
                   help=f"longest path to look for, in relations (default: 4, at most {MAX_HOPS_LIMIT})")
    p.add_argument("-k", type=whole_number(1, 1000), default=5, metavar="K", help="how many paths to show (default: 5)")
    p.add_argument("--format", "-f", choices=("md", "json"), default="md", help="output format (default: md)")

    p = _add(subparsers, "brief", "a cited briefing on an actor, agreement or policy (or on two, with --with)",
             BRIEF_EXAMPLES, cmd_brief)
    p.add_argument("name", metavar="NAME", help="an entity: name, alias or id")
    p.add_argument("--with", dest="with_", metavar="B", help="a second entity: brief on everything linking the two")
    p.add_argument("-o", "--output", type=Path, default=None, metavar="FILE",
                   help="write to FILE: .md for Markdown, .html for HTML with the graph view (default: Markdown "
                        "on stdout)")


def cmd_explain(args) -> int:
    from ..api import open_build
    from .linkage import explain

    kg = open_build(args.out).kg
    ex = explain(kg, args.a, args.b, max_hops=args.max_hops, k=args.k)
    _out(ex.to_json() + "\n" if args.format == "json" else ex.to_markdown())
    return 0


def cmd_brief(args) -> int:
    from ..api import open_build
    from .briefing import brief

    fmt = "md"
    if args.output is not None:
        suffix = args.output.suffix.lower()
        if suffix in (".html", ".htm"):
            fmt = "html"
        elif suffix not in (".md", ".markdown", ".txt"):
            raise PolicygraphError(f"-o {args.output}: give a .md or .html file")
    b = open_build(args.out)
    docs_dir = b.out / "documents"
    text = brief(b.kg, args.name, with_=args.with_, fmt=fmt, out=args.output,
                 docs_dir=docs_dir if docs_dir.is_dir() else None)
    if args.output is None:
        _out(text)
    else:
        print(args.output)
    return 0


def _out(text: str) -> None:
    """Text from documents to stdout: on a terminal, control characters are shown as escapes, never obeyed."""
    from .safe_text import for_terminal

    isatty = getattr(sys.stdout, "isatty", None)
    sys.stdout.write(for_terminal(text) if isatty and isatty() else text)
