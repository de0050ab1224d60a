"""The LadybugDB engine behind the embedded store: opening a store, running one checked statement, its errors.

Both sides of a query use it: cypher_store.run_query in this process and query_worker.py in the confined
worker that runs a query on a store file.
"""
from __future__ import annotations

from pathlib import Path

from ..console import PolicygraphError
from . import dialect as D
from .cypher_guard import check_query


def engine():
    """The ladybug module (imported on first use: a build without a store never loads the engine)."""
    try:
        import ladybug
    except ImportError as err:  # pragma: no cover
        raise PolicygraphError(f"the embedded Cypher store needs the `ladybug` package ({err})") from None
    return ladybug


def one_line(err) -> str:
    text = str(err).strip() or type(err).__name__
    return text.splitlines()[0].strip()


def check_statement(cypher: str, params: dict | None, write: bool = False) -> dict:
    """Refuse (one line) a statement that leaves the graph (graph/cypher_guard.py) or a bad parameter; the
    parameters as a dict. User values go in `params` (``$name`` in the statement), never into the text."""
    if not isinstance(cypher, str) or not cypher.strip():
        raise PolicygraphError("empty query")
    check_query(cypher, D.LADYBUG, write=write)
    params = dict(params or {})
    for key in params:
        if not isinstance(key, str) or not key.isidentifier():
            raise PolicygraphError(f"invalid parameter name {key!r}")
    D.check_parameters(cypher, params)
    return params


def check_store_path(path: Path) -> str:
    """Refuse (one line) a store that is missing or empty; the repair hint for other damage."""
    repair = f"rebuild it with `policygraph build --repair --out {path.parent}`"
    if not path.exists():
        raise PolicygraphError(f"{path}: no Cypher store here (run `policygraph build PATH --out {path.parent}` first)")
    if path.is_file() and path.stat().st_size == 0:  # LadybugDB would open it as a new, empty store
        raise PolicygraphError(f"{path}: the Cypher store is empty (damaged); {repair}")
    return repair


class Store:
    """An open store. Use as a context manager, or call close()."""

    def __init__(self, path, read_only: bool = True, **db_options) -> None:
        lb = engine()
        self.path = Path(path)
        self.read_only = read_only
        repair = check_store_path(self.path)
        try:
            self.db = lb.Database(str(self.path), read_only=read_only, **db_options)
            self.conn = lb.Connection(self.db)
        except Exception as err:
            raise PolicygraphError(f"{self.path}: cannot open the Cypher store, it looks damaged ({one_line(err)}); "
                                   f"{repair}") from None

    def query(self, cypher: str, params: dict | None = None, write: bool = False):
        """One checked statement on this open store; a DataFrame."""
        if write and self.read_only:
            raise PolicygraphError(f"{self.path}: opened read-only; open it with read_only=False to write")
        return execute(self.conn, cypher, check_statement(cypher, params, write))

    def close(self) -> None:
        for handle in (getattr(self, "conn", None), getattr(self, "db", None)):
            if handle is not None:
                try:
                    handle.close()
                except Exception:
                    pass
        self.conn = self.db = None

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<policygraph Cypher store {self.path}{' (read-only)' if self.read_only else ''}>"


def open_store(path, read_only: bool = True) -> Store:
    return Store(path, read_only=read_only)


_INT_TYPES = {"INT64", "INT32", "INT16", "INT8", "UINT64", "UINT32", "UINT16", "UINT8", "SERIAL"}


def result_frame(names, types, rows):
    import pandas as pd

    df = pd.DataFrame(rows, columns=names)
    for name, type_ in zip(names, types):
        if type_ in _INT_TYPES:
            df[name] = df[name].astype("Int64")
    return df


def to_frame(result):
    if isinstance(result, list):
        result = result[-1]
    names = result.get_column_names()
    types = result.get_column_data_types()
    rows = []
    while result.has_next():
        rows.append(result.get_next())
    return result_frame(names, types, rows)


def execute(conn, cypher: str, params: dict):
    """Run a checked statement on a ladybug Connection; a DataFrame, or one line of the engine's error."""
    try:
        result = conn.execute(cypher, params)
    except Exception as err:
        raise PolicygraphError(engine_message(err, params)) from None
    return to_frame(result)


def engine_message(err, params: dict) -> str:
    line = one_line(err)
    low = line.lower()
    if "parameter" in low and "not found" in low:
        return f"Cypher error: {line} (pass it with -p NAME=VALUE; Python: params={{...}})"
    if "read-only" in low or "read only" in low:
        return f"Cypher error: {line} (the store is opened read-only; pass --write to change it)"
    if "bad_alloc" in low or "out of memory" in low or "buffer manager" in low:
        return (f"Cypher error: the query needs more memory than one query may use ({line}); narrow it, e.g. with "
                "WHERE or LIMIT")
    if "interrupted" in low or "timeout" in low:
        return f"Cypher error: the query ran out of time and was stopped ({line}); narrow it, or pass --timeout"
    return f"Cypher error: {line}"
