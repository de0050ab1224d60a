"""Writing output files so that a full disk names the file it could not write.

`Path.write_text` reports "No space left on device" (or "File too large", a quota...) without a file name
when the failure comes from write() or close() rather than open(); every output goes through here instead.
"""
from __future__ import annotations

import os


def write_text(path, text: str, encoding: str = "utf-8", newline: str | None = None) -> None:
    """Write `text` to `path`; an OSError always carries the file name."""
    try:
        with open(path, "w", encoding=encoding, newline=newline) as fh:
            fh.write(text)
    except OSError as err:
        if err.filename is None:
            raise OSError(err.errno, err.strerror or str(err), os.fspath(path)) from None
        raise
