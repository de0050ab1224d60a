"""What every command shares: how it is added (with -q and an example), its --out, and progress."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..console import Progress

FORMATTER = argparse.RawDescriptionHelpFormatter


def add_command(subparsers, name: str, help_: str, examples: str, func) -> argparse.ArgumentParser:
    """A subcommand with its help, its examples (every command has at least one) and -q/--quiet."""
    if not examples.startswith("example"):
        examples = "example:\n  " + examples
    p = subparsers.add_parser(name, help=help_, description=help_, epilog=examples, formatter_class=FORMATTER)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress output")
    p.set_defaults(func=func)
    return p


def out_arg(p: argparse.ArgumentParser, help_: str = "the build directory (default: out)") -> None:
    p.add_argument("--out", default="out", type=Path, metavar="DIR", help=help_)


def progress(args) -> Progress:
    return Progress(quiet=getattr(args, "quiet", False))


def whole_number(minimum: int, maximum: int | None = None):
    """An argparse `type` for a whole number in [minimum, maximum] (no maximum when None)."""
    import argparse

    def parse(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
        if maximum is not None and not minimum <= n <= maximum:
            raise argparse.ArgumentTypeError(f"must be between {minimum} and {maximum}, not {n}")
        if n < minimum:
            bound = "0 or more" if minimum == 0 else f"at least {minimum}"
            raise argparse.ArgumentTypeError(f"must be {bound}, not {n}")
        return n
    return parse
