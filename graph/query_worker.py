"""Run one user query on the embedded store in a worker process that cannot leave the build.

The parent (``run_isolated``) starts ``python -m policygraph.graph.query_worker``, sends the request on its
stdin and reads the answer on its stdout. The worker, before it opens anything, leaves the network
(graph/sandbox.py), makes files un-growable when reading, opens the store, and then locks itself to the
build folder with Landlock: whatever the engine is talked into, it cannot read or write a file elsewhere,
load a library from elsewhere or connect anywhere. The parent waits at most `timeout` seconds (then kills
it) and turns a crash of the engine (a segfault in a table function, say) into one line: the caller's
interpreter never dies with it.

The answer comes back pickled, read with an unpickler that only builds plain values (the worker ran
engine code on untrusted text, so its output is data, never objects).
"""
from __future__ import annotations

import io
import json
import os
import pickle
import signal
import subprocess
import sys
from pathlib import Path

from ..console import PolicygraphError

DEFAULT_TIMEOUT = 60.0  # seconds; `policygraph query --timeout`
BUFFER_POOL = 1 << 30  # the engine's working memory for one query (bytes)
_HOME = "/dev/null/policygraph-no-home"  # a home directory nothing can be created in (not even by root)
_SAFE_CLASSES = {
    ("datetime", "date"), ("datetime", "datetime"), ("datetime", "time"), ("datetime", "timedelta"),
    ("datetime", "timezone"), ("decimal", "Decimal"), ("uuid", "UUID"), ("builtins", "set"),
    ("builtins", "frozenset"), ("builtins", "complex"), ("builtins", "bytearray"),
}


class _PlainUnpickler(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) in _SAFE_CLASSES:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"unexpected {module}.{name} in the worker's answer")


def _signal_name(code: int) -> str:
    try:
        return signal.Signals(code).name
    except ValueError:
        return f"signal {code}"


def run_isolated(store: Path, cypher: str, params: dict, write: bool = False,
                 timeout: float | None = DEFAULT_TIMEOUT, _guard: bool = True, _walls: bool = False):
    """(column names, column types, rows) of one statement run in a confined worker; PolicygraphError for
    an engine error, a crash, or a query that runs longer than `timeout` seconds. (For the tests that prove
    the worker's walls hold on their own: `_guard=False` skips the query check, `_walls=True` answers which
    walls stand instead of running the query.)

    The worker's walls are the build folder it started in; a build that swaps a new folder in at that moment
    leaves the worker walled off from the path's new store. Then the query runs again, in the new folder."""
    store = Path(store).resolve()
    for _ in range(3):
        folder = _identity(store.parent)
        try:
            return _run_once(store, cypher, params, write, timeout, _guard, _walls)
        except PolicygraphError:
            if _identity(store.parent) == folder:
                raise  # the same folder: a real error
    return _run_once(store, cypher, params, write, timeout, _guard, _walls)


def _identity(folder: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(folder)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _run_once(store: Path, cypher: str, params: dict, write: bool, timeout: float | None, _guard: bool,
              _walls: bool):
    request = pickle.dumps({"store": str(store), "cypher": cypher, "params": params, "write": write,
                            "timeout": timeout, "guard": _guard, "walls": _walls}, protocol=pickle.HIGHEST_PROTOCOL)
    env = dict(os.environ, HOME=_HOME, POLICYGRAPH_WORKER="1")
    try:
        proc = subprocess.Popen([sys.executable, "-m", "policygraph.graph.query_worker"], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=str(store.parent), env=env)
    except OSError as err:
        raise PolicygraphError(f"cannot start the query worker ({err.strerror or err})") from None
    try:
        out, err = proc.communicate(request, timeout=None if timeout is None else timeout + 2)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise PolicygraphError(f"the query ran longer than {timeout:g} s and was stopped (nothing was changed; "
                               "narrow it, or give more time with --timeout SECONDS)") from None
    except BaseException:
        proc.kill()
        proc.communicate()
        raise
    if proc.returncode < 0:
        raise PolicygraphError(f"the query engine crashed on this query ({_signal_name(-proc.returncode)}); "
                               "it ran in a separate process, so nothing else was affected")
    try:
        answer = _PlainUnpickler(io.BytesIO(out)).load()
    except Exception:
        last = (err or b"").decode("utf-8", "replace").strip().splitlines()
        why = last[-1][:200] if last else f"exit status {proc.returncode}"
        raise PolicygraphError(f"the query worker failed ({why})") from None
    if not isinstance(answer, tuple) or not answer:
        raise PolicygraphError("the query worker gave no answer")
    if answer[0] == "error":
        raise PolicygraphError(str(answer[1]))
    _, names, types, rows = answer
    return list(names), list(types), rows


# ------------------------------------------------------------------------------------------------------
# The worker
# ------------------------------------------------------------------------------------------------------


def _plain(value):
    """A result value as plain Python the parent's unpickler accepts."""
    if value is None or isinstance(value, (bool, int, float, str, bytes)):
        return value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    module = type(value).__module__
    if module in ("datetime", "decimal", "uuid"):
        return value
    if hasattr(value, "item"):  # numpy scalars
        try:
            return _plain(value.item())
        except (TypeError, ValueError):
            pass
    return str(value)


def _answer(obj) -> None:
    sys.stdout.buffer.write(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
    sys.stdout.buffer.flush()


def _main() -> None:
    from . import sandbox

    sandbox.no_network()  # first: unshare needs a process with one thread
    request = pickle.loads(sys.stdin.buffer.read())  # from our parent
    store = Path(request["store"])
    write = bool(request["write"])
    sandbox.limit_resources(read_only=not write)
    import datetime  # noqa: F401 - loaded before the walls go up (the answer may need them)
    import decimal  # noqa: F401
    import uuid  # noqa: F401

    try:
        from . import cypher_guard
        from .engine import Store, engine, engine_message

        engine()._backend.get_pybind_module()  # the engine's library, loaded before the walls go up
        if request.get("guard", True):
            cypher_guard.check_query(request["cypher"], cypher_guard.LADYBUG, write=write)  # again, here too
        # read: the store's own files only; write: the build folder (the engine makes its WAL beside the store)
        readable = [p for p in (store, *(store.with_name(store.name + x) for x in (".wal", ".shadow")))
                    if p.exists()]
        # Landlock binds the thread that asks and the threads it starts later: so before the engine starts
        # its thread pool (when the store is opened), or those threads would stand outside the walls
        sandbox.only_these_paths(readable=readable, writable=[store.parent] if write else ())
        if request.get("walls"):  # the tests ask which walls stand
            _answer(("ok", ["walls"], ["STRING"], [[json.dumps(sandbox.walls())]]))
            os._exit(0)
        # bounded memory: the engine's buffer pool and address-space reservation are sized, and the process
        # may not map more than they need plus the interpreter's share (a query that wants more fails)
        size = store.stat().st_size
        pool, reserve = BUFFER_POOL, max(1 << 30, 4 * size)
        sandbox.limit_memory(pool + reserve + (2 << 30))
        s = Store(store, read_only=not write, buffer_pool_size=pool, max_db_size=reserve)
        timeout = request.get("timeout")
        if timeout:
            try:
                s.conn.set_query_timeout(int(timeout * 1000))
            except Exception:  # an engine without it: the parent's timer still stops the worker
                pass
        try:
            result = s.conn.execute(request["cypher"], request["params"])
        except Exception as err:
            _answer(("error", engine_message(err, request["params"])))
            os._exit(0)
        if isinstance(result, list):
            result = result[-1]
        names = result.get_column_names()
        types = [str(t) for t in result.get_column_data_types()]
        rows = []
        while result.has_next():
            rows.append([_plain(v) for v in result.get_next()])
        if write:
            s.close()  # checkpoint: the changes go into the store file, no WAL is left behind
        _answer(("ok", names, types, rows))
    except PolicygraphError as err:
        _answer(("error", str(err)))
    except Exception as err:  # one line, whatever happened
        _answer(("error", "Cypher error: " + (" ".join(str(err).split()) or type(err).__name__)[:300]))
    os._exit(0)  # skip the engine's destructors: the answer is out


if __name__ == "__main__":
    _main()
