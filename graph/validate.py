"""SHACL validation of the knowledge graph's RDF (ontology/shapes.ttl) with readable one-line results.

    report = validate(kg)          # a KnowledgeGraph, an rdflib Dataset (its merged graph) or a Graph
    report.conforms, report.violations   # ["firm/acme — pg:RATIFIES — Value does not have class pg:Country", ...]
    check(kg)                      # raises ShapeViolation listing up to 10 violations and the count

Speed: the ontology's triples are added to (a copy of) the data graph and pyshacl runs with
inference='none'. No RDFS inference is needed because the RDF writer already asserts every
superclass of an entity (rdf:type pg:Firm, pg:Actor, pg:Entity).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rdflib import RDF, Graph, Literal, Namespace, URIRef

from ..console import PolicygraphError
from . import rdf as pgrdf

SH = Namespace("http://www.w3.org/ns/shacl#")
MAX_LISTED = 10


class ShapeViolation(PolicygraphError):
    """The graph breaks the ontology's SHACL shapes."""

    def __init__(self, report: "Report") -> None:
        self.report = report
        n = len(report.violations)
        shown = report.violations[:MAX_LISTED]
        more = f"; … and {n - len(shown)} more" if n > len(shown) else ""
        super().__init__(f"graph breaks {n} SHACL constraint{'s' if n != 1 else ''}: " + "; ".join(shown) + more)


@dataclass
class Report:
    conforms: bool
    violations: list[str] = field(default_factory=list)
    text: str = ""
    warnings: list[str] = field(default_factory=list)  # results with severity sh:Warning / sh:Info
    seconds: float = 0.0

    def __bool__(self) -> bool:
        return self.conforms


_SHAPES_ONT: tuple[Graph, Graph] | None = None


def _shapes_and_ontology(model=None) -> tuple[Graph, Graph]:
    global _SHAPES_ONT
    if model is not None:
        return model.shapes_graph(), model.ontology_graph()
    if _SHAPES_ONT is None:
        model = pgrdf._model()
        _SHAPES_ONT = (model.shapes_graph(), model.ontology_graph())
    return _SHAPES_ONT


def _show(term, g: Graph) -> str:
    """A compact, readable form of a term: ids without the id namespace, pg:Name, quoted literals."""
    if term is None:
        return "-"
    if isinstance(term, Literal):
        text = str(term)
        text = text if len(text) <= 60 else text[:57] + "..."
        return '"' + text.replace("\n", "\\n") + '"'
    if isinstance(term, URIRef):
        text = str(term)
        if text.startswith(pgrdf.ID_NS):
            return pgrdf.unquote(text[len(pgrdf.ID_NS):])
        for prefix, ns in pgrdf.PREFIXES.items():
            if text.startswith(ns) and prefix != "pgid":
                return f"{prefix}:{text[len(ns):]}"
        return f"<{text}>"
    # a blank node: a property path (sh:inversePath ...) or an anonymous shape
    inv = g.value(term, SH.inversePath)
    if inv is not None:
        return "^" + _show(inv, g)
    return "[]"


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _results(results: Graph) -> tuple[list[str], list[str]]:
    violations, warnings = [], []
    rows = []
    for r in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(r, SH.focusNode)
        path = results.value(r, SH.resultPath)
        value = results.value(r, SH.value)
        messages = sorted(str(m) for m in results.objects(r, SH.resultMessage))
        if messages:
            message = " / ".join(_one_line(m) for m in messages)
        else:
            comp = results.value(r, SH.sourceConstraintComponent)
            message = _show(comp, results).removeprefix("<http://www.w3.org/ns/shacl#").rstrip(">")
        if value is not None and value != focus and _show(value, results) not in message:
            message += f" (value: {_show(value, results)})"
        line = f"{_show(focus, results)} — {_show(path, results)} — {message}"
        severity = results.value(r, SH.resultSeverity)
        rows.append((severity == SH.Violation or severity is None, line))
    for is_violation, line in sorted(set(rows), key=lambda x: x[1]):
        (violations if is_violation else warnings).append(line)
    return violations, warnings


def validate(data, model=None, focus_nodes=None, inplace: bool = False) -> Report:
    """Validate a KnowledgeGraph / Dataset / Graph against ontology/shapes.ttl.

    `focus_nodes`: validate only these nodes (the rest of the graph is still there to look at).
    `inplace=True`: a Graph given is used as it is (the ontology's triples are added to it), not copied."""
    import time

    from pyshacl import validate as shacl_validate

    t0 = time.perf_counter()
    shapes, ontology = _shapes_and_ontology(model)
    owned = isinstance(data, pgrdf.KnowledgeGraph) or (inplace and isinstance(data, Graph))
    g = pgrdf.merged_graph(data)
    if owned:
        work = g
    else:  # never add the ontology to the caller's graph
        work = Graph()
        for t in g:
            work.add(t)
    for t in ontology:
        work.add(t)
    conforms, results, text = shacl_validate(
        work,
        shacl_graph=shapes,
        inference="none",
        advanced=True,
        allow_warnings=True,
        inplace=True,
        focus_nodes=list(focus_nodes) if focus_nodes is not None else None,
    )
    violations, warnings = _results(results)
    return Report(
        conforms=bool(conforms) and not violations,
        violations=violations,
        text=text,
        warnings=warnings,
        seconds=time.perf_counter() - t0,
    )


def check(data, model=None, focus_nodes=None, inplace: bool = False) -> Report:
    """Validate; raise ShapeViolation (a PolicygraphError: one line for the CLI) if the graph breaks a shape."""
    report = validate(data, model, focus_nodes=focus_nodes, inplace=inplace)
    if not report.conforms:
        raise ShapeViolation(report)
    return report
