"""Printing results: a DataFrame as a table, CSV or JSON, and text from documents, kept inert."""
from __future__ import annotations

import csv
import io
import json
import math
import sys

from ..console import PolicygraphError
from ..safe_text import csv_cell, for_terminal, json_text

FORMATS = ("table", "csv", "json")


def _clean(value):
    """A cell as plain JSON-able Python (NaN/NA -> None, numpy scalars -> Python)."""
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        try:
            return _clean(value.item())
        except (ValueError, AttributeError):
            pass
    if isinstance(value, (list, tuple)):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    import pandas as pd  # already loaded: the value came in a DataFrame

    return None if value is pd.NA or value is pd.NaT else value


def _records(df) -> list[dict]:
    cols = [str(c) for c in df.columns]
    return [{c: _clean(v) for c, v in zip(cols, row)} for row in df.itertuples(index=False, name=None)]


def _cell_text(value, width: int = 60) -> str:
    value = _clean(value)
    if value is None:
        text = ""
    elif isinstance(value, float):
        text = str(int(value)) if value.is_integer() and abs(value) < 1e18 else f"{value:g}"
    elif isinstance(value, (list, dict)):
        text = json.dumps(value, ensure_ascii=False) if isinstance(value, dict) else "; ".join(
            _cell_text(v, width) for v in value)
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_frame(df, fmt: str = "table", terminal: bool = False) -> str:
    """A DataFrame as an aligned table, CSV (lists as JSON) or JSON (an array of objects).

    Values come from documents, so each format keeps them inert (queries/safe_text.py): the table shows
    control characters as escapes, JSON escapes the ones json.dumps leaves raw, CSV cells that would start a
    spreadsheet formula get a leading apostrophe, and with `terminal` (output to a terminal) CSV shows
    control characters as escapes too."""
    if fmt == "json":
        return json_text(json.dumps(_records(df), ensure_ascii=False, indent=1, default=str)) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow([csv_cell(str(c)) for c in df.columns])
        for rec in _records(df):
            w.writerow([csv_cell("" if v is None else json.dumps(v, ensure_ascii=False)
                                 if isinstance(v, (list, dict)) else v) for v in rec.values()])
        return for_terminal(buf.getvalue()) if terminal else buf.getvalue()
    if fmt != "table":
        raise PolicygraphError(f"unknown --format {fmt!r} (one of {', '.join(FORMATS)})")
    cols = [for_terminal(str(c), keep_newlines=False) for c in df.columns]
    rows = [[for_terminal(_cell_text(v), keep_newlines=False) for v in row]
            for row in df.itertuples(index=False, name=None)]
    if not cols:
        return "(no columns)\n"
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(cols)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(cols, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def emit(df, fmt: str) -> None:
    """A DataFrame to stdout, kept inert on a terminal."""
    isatty = getattr(sys.stdout, "isatty", None)
    sys.stdout.write(format_frame(df, fmt, terminal=bool(isatty and isatty())))


def emit_text(text: str) -> None:
    """Text from documents to stdout: on a terminal, control characters are shown as escapes, never obeyed."""
    isatty = getattr(sys.stdout, "isatty", None)
    sys.stdout.write(for_terminal(text) if isatty and isatty() else text)
