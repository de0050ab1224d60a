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
