"""The one error the loaders raise: a file that cannot be read as a document, with the reason."""
from __future__ import annotations

import os


class LoadError(Exception):
    """A document could not be loaded. `str(e)` is one line: "<path>: <reason>"."""

    def __init__(self, path: str | os.PathLike, reason: str) -> None:
        self.path = str(path)
        # keep the message on one line whatever the underlying library said
        self.reason = " ".join(str(reason).split())
        super().__init__(f"{self.path}: {self.reason}")

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"

    def __reduce__(self):  # picklable (multiprocessing) with both arguments
        return (type(self), (self.path, self.reason))
