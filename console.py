"""Shared console conventions for the CLI: one-line errors, progress on stderr, --quiet."""
from __future__ import annotations

import sys
import time


class PolicygraphError(Exception):
    """An error the user can act on. The CLI prints str(e) as one line, with no traceback."""


class Progress:
    """Progress lines on stderr; silent with quiet=True. Use as `progress("Parsing", i, n)`."""

    def __init__(self, quiet: bool = False, stream=None) -> None:
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self.t0 = time.perf_counter()

    def __call__(self, message: str, done: int | None = None, total: int | None = None) -> None:
        if self.quiet:
            return
        elapsed = time.perf_counter() - self.t0
        counter = f" [{done}/{total}]" if total else ""
        print(f"{elapsed:6.1f}s {message}{counter}", file=self.stream, flush=True)


QUIET = Progress(quiet=True)


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
