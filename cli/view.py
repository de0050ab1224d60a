"""`policygraph view`: write the interactive, offline browser view of a build (and optionally a PNG)."""
from __future__ import annotations

import argparse
from pathlib import Path

from .. import api
from ..console import PolicygraphError
from .common import add_command, out_arg, progress, whole_number

EXAMPLES = """examples:
  policygraph view --out out                                   # the whole graph -> out/view.html
  policygraph view --focus "SK Hynix" --hops 2 -o hynix.html    # SK Hynix and everything within 2 relations
  policygraph view --types Firm Country --predicates INVESTS_IN --years 2017-2020 -o invest.html
  policygraph view --path "SK Hynix" "South Korea" -o path.html # the linking paths explain lists, highlighted
  policygraph view --png view.png                               # also a 1600x1000 screenshot (headless Chromium)
  policygraph view --map --png states.png                       # open on the US state map, and its screenshot
  policygraph view --years 2018-2019 --csv facts.csv --svg view.svg   # the facts as CSV, a static drawing

The page needs no network: open it from disk in any browser. One line per subject, relation and object (its
facts in the panel, each quote linking to the build's page of its document); the main entities labelled at
the opening zoom, all once zoomed in. Search box: the same name resolver as --focus and explain. The legend,
the relation, document and year filters (a time slider over facts per year) hide and show without reloading,
then lay out and fit what is left. Export what is on screen as CSV, PNG or SVG; "State map" shades US states
by the investment stated into them."""


def _years(text: str) -> str:
    try:
        api.parse_years(text)
    except PolicygraphError as err:
        raise argparse.ArgumentTypeError(str(err).replace("--years: ", "")) from None
    return text


def register(subparsers) -> None:
    """Add the `view` subcommand to the CLI's subparsers."""
    p = add_command(subparsers, "view", "write the interactive browser view (one offline HTML file): search, legend, "
                    "filters, evidence", EXAMPLES, cmd_view)
    out_arg(p)
    p.add_argument("-o", "--output", type=Path, default=None, metavar="FILE",
                   help="the HTML file to write (default, for the whole graph only: DIR/view.html)")
    p.add_argument("--focus", metavar="NAME", help="show only this entity (name, alias or id) and its neighbourhood")
    p.add_argument("--hops", type=whole_number(0), default=2, metavar="N",
                   help="with --focus: how many relations away to go (default: 2)")
    p.add_argument("--types", nargs="+", metavar="TYPE", help="keep only these entity types (e.g. Firm Country)")
    p.add_argument("--predicates", nargs="+", metavar="PRED", help="keep only these relation types (e.g. INVESTS_IN)")
    p.add_argument("--docs", nargs="+", metavar="DOC", help="keep only facts from these documents (ids)")
    p.add_argument("--years", type=_years, metavar="A-B", help="keep only relations dated A to B (or one year)")
    p.add_argument("--path", nargs=2, metavar=("A", "B"),
                   help="highlight the paths (at most 4 hops) linking A and B that `policygraph explain A B` lists")
    p.add_argument("--png", type=Path, metavar="FILE", help="also write a 1600x1000 screenshot (needs Chromium)")
    p.add_argument("--map", action="store_true", help="open the page on the US state map (e.g. for --png)")
    p.add_argument("--svg", type=Path, metavar="FILE", help="also write a static SVG drawing of the view")
    p.add_argument("--csv", type=Path, metavar="FILE", help="also write the view's facts with their quotes as CSV")


def cmd_view(args) -> int:
    path = api.open_build(args.out).view(args.output, focus=args.focus, hops=args.hops, types=args.types,
                                         predicates=args.predicates, docs=args.docs, years=args.years,
                                         path=args.path, png=args.png, svg=args.svg, csv=args.csv,
                                         open_map=args.map, progress=progress(args))
    print(path)
    for extra in (args.png, args.svg, args.csv):
        if extra is not None:
            print(extra)
    return 0
