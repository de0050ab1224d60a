"""The boundary a SPARQL query crosses: it reads the build's graph, nothing else, for a bounded time.

rdflib's own parser reads the query (never a keyword regex: ``SELECT ?add`` is a query, ``INSERT DATA`` an
update), and the parse tree is refused when it names anything outside the graph:

* an update (``INSERT``, ``DELETE``, ``LOAD``, ``CLEAR``...): the parser for updates accepts it;
* ``SERVICE <iri>`` anywhere (also inside ``FILTER EXISTS`` or a subquery): rdflib would send the graph's
  data to that address and wait for its answer, or read a file;
* ``FROM`` / ``FROM NAMED``: rdflib would load those graphs from the web or the disk.

Evaluation then runs under a deadline: past it, the evaluation is interrupted (rdflib is pure Python) and
the caller gets one line. Every other error is one line too.
"""
from __future__ import annotations

import ctypes
import threading

from ..console import PolicygraphError

DEFAULT_TIMEOUT = 60.0
SECURITY = "see the README's Security model"


def _names(node):
    """Every parse-tree node name (rdflib CompValue.name) under `node`."""
    from rdflib.plugins.sparql.parserutils import CompValue

    stack = [node]
    while stack:
        x = stack.pop()
        if isinstance(x, CompValue):
            yield x.name
            stack.extend(x.values())
        elif isinstance(x, dict):
            stack.extend(x.values())
        elif isinstance(x, (list, tuple)) or type(x).__name__ == "ParseResults":
            stack.extend(list(x))


def _one_line(err) -> str:
    return (" ".join(str(err).split()) or type(err).__name__)[:300]


def prepare(text: str, prefixes: dict):
    """The translated query (rdflib.plugins.sparql.sparql.Query), or PolicygraphError saying why not."""
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        tree = parseQuery(text)
    except Exception as err:
        try:
            parseUpdate(text)
        except Exception:
            raise PolicygraphError(f"SPARQL error: {_one_line(err)}") from None
        raise PolicygraphError("SPARQL updates are not supported: `policygraph sparql` runs SELECT, ASK, CONSTRUCT and "
                               "DESCRIBE queries over the build's graph") from None
    names = set(_names(tree))
    if "ServiceGraphPattern" in names:
        raise PolicygraphError(f"SPARQL SERVICE is not run: a query reads the build's graph only, it never sends "
                               f"data to or reads from another address or file ({SECURITY})")
    if "DatasetClause" in names:
        raise PolicygraphError(f"SPARQL FROM / FROM NAMED is not run: a query reads the build's graph only, no "
                               f"graph is loaded from the web or the disk ({SECURITY})")
    try:
        return translateQuery(tree, initNs=prefixes)
    except Exception as err:
        raise PolicygraphError(f"SPARQL error: {_one_line(err)}") from None


class _Timeout(BaseException):
    """Raised inside the evaluating thread when its deadline passes (BaseException: no library catches it)."""


def with_deadline(seconds: float | None, work):
    """work() in this thread, interrupted after `seconds` (pure-Python work only: rdflib's evaluation)."""
    if not seconds:
        return work()
    tid = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False, "fired": False}

    def fire() -> None:
        with lock:
            if not state["done"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid), ctypes.py_object(_Timeout))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    try:
        timer.start()
        try:
            return work()
        finally:
            with lock:
                state["done"] = True
                timer.cancel()
                if state["fired"]:  # fired as work() returned: drop the exception still pending
                    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid), None)
    except _Timeout:
        raise PolicygraphError(f"the SPARQL query ran longer than {seconds:g} s and was stopped (narrow it, or "
                               "give more time with --timeout SECONDS)") from None
