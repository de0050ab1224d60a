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

Each hop is printed as `Subject —PREDICATE (amount, year)→ Object` with its quotes and documents, and the other
relations joining the same two entities. Paths differ in the entities they pass through and are ranked by
specificity: fewer hops and fewer hub entities (entities linked to many others) first, a measure path
(A IMPOSES a measure that TARGETS B) counting as a direct link; then by evidence. A name that matches several
entities, or none, stops with "did you mean: ...?"; add the type to choose, e.g. "Georgia (USState)"."""

BRIEF_EXAMPLES = """examples:
  policygraph brief Japan                                   # Markdown on stdout
  policygraph brief "SK Hynix" -o hynix.md
  policygraph brief Hanwha --with Georgia -o dyad.html      # everything linking the two, with the graph view
  policygraph brief "South Korea" --format json             # the same content as data

A briefing: who it is (type, aliases, Wikidata id, a firm's home country), relations by type, money
(investment into US states, other investments, a country's firms' investments; other amounts listed, never
added), a timeline by event year, retaliation and targeting (with retaliation chains), actors two hops away,
how many documents state each fact (disagreeing amounts flagged), and numbered footnotes giving every quote
with its document (title, publisher, date where it states them), its character offsets in
DIR/documents/<doc>.txt and a link to DIR/documents/<doc>.html with the quote highlighted. The HTML prints
cleanly (a print stylesheet; the view as a static drawing)."""


def _add(subparsers, name: str, help_: str, examples: str, func) -> argparse.ArgumentParser:
    p = subparsers.add_parser(name, help=help_, description=help_, epilog=examples,
                              formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    p.add_argument("--out", default="out", metavar="DIR", help="the build directory (default: out)")
    p.set_defaults(func=func)
    return p


def register(subparsers) -> None:
    """Add the `explain` and `brief` subcommands to the CLI's subparsers."""
    from .briefing import FORMATS
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
                   help="write to FILE: .md for Markdown, .html for HTML with the graph view, .json (default: "
                        "stdout)")
    p.add_argument("--format", "-f", choices=FORMATS, default=None,
                   help="output format (default: from the -o suffix, else md)")


def cmd_explain(args) -> int:
    from ..api import open_build
    from .linkage import explain

    kg = open_build(args.out).kg
    ex = explain(kg, args.a, args.b, max_hops=args.max_hops, k=args.k)
    _out(ex.to_json() + "\n" if args.format == "json" else ex.to_markdown())
    return 0


SUFFIXES = {".md": "md", ".markdown": "md", ".txt": "md", ".html": "html", ".htm": "html", ".json": "json"}


def brief_format(fmt: str | None, output: Path | None) -> str:
    """--format, else the -o suffix, else md; a suffix that contradicts --format is refused."""
    if output is None:
        return fmt or "md"
    suffix = SUFFIXES.get(output.suffix.lower())
    if suffix is None:
        raise PolicygraphError(f"-o {output}: give a .md, .html or .json file")
    if fmt is not None and fmt != suffix:
        raise PolicygraphError(f"-o {output} is a {output.suffix.lower()} file but --format is {fmt}")
    return suffix


def cmd_brief(args) -> int:
    from ..api import open_build
    from .briefing import brief

    fmt = brief_format(args.format, args.output)
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
