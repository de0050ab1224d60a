"""What a build's SHACL validation depends on, and which nodes a delta build must validate again."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from ..graph.rdf import RDF_FILES
from .layout import settings

PACKAGE = Path(__file__).resolve().parent.parent
CHECK_VERSION = 1  # bump when a change of the checks is not seen in the files below


@lru_cache(maxsize=1)
def validation_stamp() -> str:
    """What a build's SHACL validation depends on besides its triples: shapes, ontology, the RDF writer."""
    from importlib import metadata

    h = hashlib.sha256(f"validation-{CHECK_VERSION}|pyshacl-{metadata.version('pyshacl')}".encode())
    for rel in ("ontology/shapes.ttl", "ontology/policygraph.ttl", "graph/rdf.py", "graph/validate.py",
                "graph/model.py"):
        h.update(rel.encode() + b"\0" + (PACKAGE / rel).read_bytes() + b"\0")
    return h.hexdigest()[:32]


@lru_cache(maxsize=1)
def _shapes_are_local() -> bool:
    """Whether every shape looks only at its focus node's own triples and the types of the nodes they point
    at (then a node whose triples and whose values' types did not change keeps its result)."""
    from rdflib import URIRef

    from ..graph.validate import SH, _shapes_and_ontology

    shapes = _shapes_and_ontology()[0]
    for p in (SH.targetObjectsOf, SH.target, SH.sparql, SH.qualifiedValueShape, SH.closed):
        if (None, p, None) in shapes:
            return False
    if any(not isinstance(path, URIRef) for path in shapes.objects(None, SH.path)):
        return False  # property paths (sequences, inverses) reach further
    # a nested shape (sh:node) must also target its nodes itself, so they are validated on their own
    return all((node, SH.targetClass, None) in shapes for node in shapes.objects(None, SH.node))


# pyshacl checks each shape's targets against the focus nodes as a list: its cost grows with targets x focus
# nodes, so a focus of 51,723 nodes took longer than 20 minutes where validating the whole graph takes
# seconds. Past these sizes the whole graph is validated instead (never slower than a full build's check).
MAX_FOCUS_NODES = 1000
MAX_FOCUS_SHARE = 0.25


def validation_focus(previous: Path, ntriples: str, merged) -> list | None:
    """The nodes whose SHACL results can differ from those of the valid build in `previous`: the subjects of
    every triple added or removed (by its graph.nt) and the nodes that point at a node whose types changed.
    None when that cannot be trusted (another validator, or no readable graph.nt): validate everything."""
    from rdflib import RDF, Graph

    if settings(previous).get("validation") != validation_stamp() or not _shapes_are_local():
        return None
    try:
        with open(previous / RDF_FILES["nt"], encoding="utf-8", newline="") as fh:
            old = set(fh.read().split("\n"))
    except (OSError, UnicodeDecodeError):
        return None
    new = set(ntriples.split("\n"))
    changed_lines = [line for line in old ^ new if line.strip()]
    if not changed_lines:
        return []
    if len(changed_lines) > min(MAX_FOCUS_SHARE * len(new), 50 * MAX_FOCUS_NODES):
        return None  # a large delta: no need to work out its nodes (parsing them costs as much as a check)
    diff = Graph()
    try:
        diff.parse(data="\n".join(changed_lines) + "\n", format="nt")
    except Exception:  # a damaged graph.nt: no delta
        return None
    changed = set(diff.subjects())
    retyped = set(diff.subjects(RDF.type, None))
    focus = set(changed)
    for node in retyped:
        focus.update(merged.subjects(None, node))
    live = sorted((n for n in focus if (n, None, None) in merged), key=str)
    if any(not hasattr(n, "startswith") or str(n).startswith("_:") for n in live):
        return None
    if len(live) > min(MAX_FOCUS_NODES, MAX_FOCUS_SHARE * len(set(merged.subjects()))):
        return None  # a large delta: validating everything is faster (see MAX_FOCUS_NODES)
    return live
