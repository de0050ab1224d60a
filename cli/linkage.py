"""`policygraph explain A B` and `policygraph brief NAME`: linkage with evidence, and cited briefings."""
from __future__ import annotations

from pathlib import Path

from .. import api
from .common import add_command, out_arg, whole_number
from .output import emit_text

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


def register(subparsers) -> None:
    """Add the `explain` and `brief` subcommands to the CLI's subparsers."""
    p = add_command(subparsers, "explain", "how two entities are linked: the best typed paths, each hop with its "
                    "evidence", EXPLAIN_EXAMPLES, cmd_explain)
    out_arg(p)
    p.add_argument("a", metavar="A", help="an entity: name, alias or id")
    p.add_argument("b", metavar="B", help="another entity")
    p.add_argument("--max-hops", type=whole_number(1, api.MAX_HOPS_LIMIT), default=4, metavar="N",
                   help=f"longest path to look for, in relations (default: 4, at most {api.MAX_HOPS_LIMIT})")
    p.add_argument("-k", type=whole_number(1, 1000), default=5, metavar="K", help="how many paths to show (default: 5)")
    p.add_argument("--format", "-f", choices=("md", "json"), default="md", help="output format (default: md)")

    p = add_command(subparsers, "brief", "a cited briefing on an actor, agreement or policy (or on two, with --with)",
                    BRIEF_EXAMPLES, cmd_brief)
    out_arg(p)
    p.add_argument("name", metavar="NAME", help="an entity: name, alias or id")
    p.add_argument("--with", dest="with_", metavar="B", help="a second entity: brief on everything linking the two")
    p.add_argument("-o", "--output", type=Path, default=None, metavar="FILE",
                   help="write to FILE: .md for Markdown, .html for HTML with the graph view, .json (default: "
                        "stdout)")
    p.add_argument("--format", "-f", choices=api.BRIEF_FORMATS, default=None,
                   help="output format (default: from the -o suffix, else md)")


def cmd_explain(args) -> int:
    ex = api.open_build(args.out).explain(args.a, args.b, max_hops=args.max_hops, k=args.k)
    emit_text(ex.to_json() + "\n" if args.format == "json" else ex.to_markdown())
    return 0


def cmd_brief(args) -> int:
    text = api.open_build(args.out).brief(args.name, with_=args.with_, out=args.output, fmt=args.format)
    if args.output is None:
        emit_text(text)
    else:
        print(args.output)
    return 0
