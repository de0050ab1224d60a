"""The knowledge graph as RDF: one merged named graph plus one named graph per document.

Every relation is modelled twice (the Wikidata / FollowTheMoney pattern):

* the direct triple ``<subject> pg:PREDICATE <object>``, easy to query and to reason over, and
* a qualified statement node ``<id/statement/...> a pg:Statement`` carrying the subject, predicate,
  object, confidence, the relation's properties (``pg:amountUSD``, ``pg:year``, ``pg:purpose`` ...)
  and ``prov:wasDerivedFrom`` one ``pg:Evidence`` node per supporting quote.

The statement nodes hold everything the facts export holds, so :func:`from_dataset` rebuilds the
:class:`KnowledgeGraph` from RDF alone. All writers are byte-deterministic for a given graph.
"""
from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote, unquote

from rdflib import OWL, RDF, RDFS, SKOS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV

from .files import write_text
from .. import ontology
from .model import DocumentInfo, Entity, Evidence, KnowledgeGraph, Relation, written_confidence

# Mirrors policygraph.ontology.NS / ID_NS (asserted equal in _model()); kept here so that reading RDF
# does not need the ontology files.
PG_NS = "https://policygraph.dev/ontology#"
ID_NS = "https://policygraph.dev/id/"
PG = Namespace(PG_NS)
WD = Namespace("http://www.wikidata.org/entity/")

MERGED_GRAPH = URIRef(ID_NS + "graph/merged")
# the files write_rdf writes, by format: the TriG holds every document's named graph, the rest the merged graph
RDF_FILES = {"trig": "graph.trig", "ttl": "graph.ttl", "jsonld": "graph.jsonld", "nt": "graph.nt"}

PREFIXES = {
    "pg": PG_NS,
    "prov": str(PROV),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "skos": str(SKOS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "wd": str(WD),
    "pgid": ID_NS,
}

# relation props with a fixed RDF property name / datatype; any other prop becomes pg:<camelCase>
_PROP_NAMES = {"amount_usd": "amountUSD"}
_PROP_KEYS = {v: k for k, v in _PROP_NAMES.items()}
# properties of a statement node that are not relation props
_STATEMENT_STRUCTURE = {RDF.type, PG.subject, PG.predicate, PG.object, PG.confidence, PROV.wasDerivedFrom}


# -- ids <-> IRIs --------------------------------------------------------------------------------
def _seg(text: str, slashes: bool = False) -> str:
    return quote(text, safe="-._~:/" if slashes else "-._~:")


def entity_iri(entity_id: str) -> URIRef:
    return URIRef(ID_NS + _seg(entity_id, slashes=True))


def doc_iri(doc_id: str) -> URIRef:
    return URIRef(ID_NS + "doc/" + _seg(doc_id))


def doc_graph_iri(doc_id: str) -> URIRef:
    return URIRef(ID_NS + "graph/doc/" + _seg(doc_id))


def statement_iri(relation_id: str) -> URIRef:
    return URIRef(ID_NS + "statement/" + _seg(relation_id.removeprefix("rel/"), slashes=True))


def evidence_iri(ev: Evidence) -> URIRef:
    return URIRef(f"{ID_NS}evidence/{_seg(ev.doc)}/{ev.start}-{ev.end}")


def _local_id(iri, prefix: str = "") -> str:
    text = str(iri)
    if not text.startswith(ID_NS + prefix):
        raise ValueError(f"not a policygraph id: {text}")
    return unquote(text[len(ID_NS + prefix):])


def prop_iri(prop: str) -> URIRef:
    name = _PROP_NAMES.get(prop) or re.sub(r"_([a-z0-9])", lambda m: m.group(1).upper(), prop)
    return PG[name]


def _prop_key(iri) -> str | None:
    text = str(iri)
    if not text.startswith(PG_NS):
        return None
    name = text[len(PG_NS):]
    return _PROP_KEYS.get(name) or re.sub(r"(?<=[a-z0-9])([A-Z])", lambda m: "_" + m.group(1).lower(), name)


# -- literals ------------------------------------------------------------------------------------
def _decimal(value) -> Literal:
    """An xsd:decimal whose lexical form survives every serialisation (always has a '.')."""
    text = format(Decimal(repr(float(value))), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)


def _literal(prop: str, value) -> Literal:
    if prop == "amount_usd" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return _decimal(value)
    if isinstance(value, bool):
        return Literal(value)
    if isinstance(value, int):
        return Literal(str(value), datatype=XSD.integer)
    if isinstance(value, float):
        return Literal(repr(value), datatype=XSD.double)
    if isinstance(value, str):
        return Literal(value)
    return Literal(json.dumps(value, ensure_ascii=False, sort_keys=True), datatype=RDF.JSON)


def _py(lit):
    """Back from a literal to the value the facts export holds."""
    if not isinstance(lit, Literal):
        return str(lit)
    dt = lit.datatype
    if dt == XSD.decimal or dt == XSD.double or dt == XSD.float:
        return float(str(lit))
    if dt in (XSD.integer, XSD.int, XSD.long, XSD.gYear, XSD.nonNegativeInteger, XSD.positiveInteger):
        return int(str(lit))
    if dt == XSD.boolean:
        return bool(lit.toPython())
    if dt == RDF.JSON:
        return json.loads(str(lit))
    return str(lit)


# -- the ontology model (superclasses) -------------------------------------------------------------
_MODEL = None


def _model():
    global _MODEL
    if _MODEL is None:
        _MODEL = ontology.load_model()
        for name, want in (("NS", PG_NS), ("ID_NS", ID_NS)):
            have = getattr(ontology, name, want)
            assert str(have) == want, f"ontology.{name} is {have!r}, rdf.py expects {want!r}"
    return _MODEL


def _class_iri(cls) -> URIRef:
    text = str(cls)
    if text.startswith(("http://", "https://")):
        return URIRef(text)
    return PG[text.removeprefix("pg:")]


def type_iris(type_: str, model=None) -> list[URIRef]:
    """pg:<Type>, every superclass the ontology gives it, and pg:Entity (sorted, no duplicates)."""
    model = model if model is not None else _model()
    out = {PG[type_], PG.Entity}
    out |= {_class_iri(c) for c in (model.superclasses(type_) or ())}
    return sorted(out)


# -- KnowledgeGraph -> Dataset ---------------------------------------------------------------------
def _bind(g: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)


def new_dataset() -> Dataset:
    ds = Dataset()
    _bind(ds)
    return ds


def to_dataset(kg: KnowledgeGraph, model=None) -> Dataset:
    """The RDF dataset: <id/graph/merged> with everything, <id/graph/doc/<doc>> per document."""
    ds = new_dataset()
    merged = ds.graph(MERGED_GRAPH)
    per_doc: dict[str, list[tuple]] = {}  # each document's named graph, as triples (with repeats)
    _add_documents(kg, merged, per_doc)
    entity_core = _add_entities(kg, merged, per_doc, model)
    for r in kg.sorted_relations():
        _add_relation(r, merged, per_doc, entity_core)
    for doc in sorted(per_doc):
        g = ds.graph(doc_graph_iri(doc))
        # each triple once: the lists repeat every endpoint's core triples, and rdflib's cost of an add
        # grows with the number of graphs that already hold the triple (an entity named in every document)
        for t in dict.fromkeys(per_doc[doc]):
            g.add(t)
    return ds


def _add_documents(kg: KnowledgeGraph, merged: Graph, per_doc: dict[str, list[tuple]]) -> None:
    all_docs = set(kg.documents)
    for e in kg.entities.values():
        all_docs |= e.docs
    for r in kg.relations.values():
        all_docs |= {ev.doc for ev in r.evidence}
    for doc in sorted(all_docs):
        d = doc_iri(doc)
        triples = [(d, RDF.type, PG.Document), (d, RDFS.label, Literal(doc))]
        info = kg.documents.get(doc)
        if info is not None:
            triples += [
                (d, PG.path, Literal(info.path)),
                (d, PG.sha256, Literal(info.sha256)),
                (d, PG.chars, Literal(str(info.chars), datatype=XSD.integer)),
                (d, PG["format"], Literal(info.format)),
            ]
        for t in triples:
            merged.add(t)
        per_doc.setdefault(doc, []).extend(triples)


def _add_entities(kg: KnowledgeGraph, merged: Graph, per_doc: dict[str, list[tuple]], model) -> dict[str, list]:
    """Each entity's triples; returns its core triples (types, label, entity type) by id."""
    types_cache: dict[str, list[URIRef]] = {}
    entity_core: dict[str, list[tuple]] = {}
    for e in kg.sorted_entities():
        s = entity_iri(e.id)
        if e.type not in types_cache:
            types_cache[e.type] = type_iris(e.type, model)
        core = [(s, RDF.type, c) for c in types_cache[e.type]]
        core += [(s, RDFS.label, Literal(e.name)), (s, PG.entityType, Literal(e.type))]
        entity_core[e.id] = core
        for t in core:
            merged.add(t)
        for alias in sorted(e.aliases - {e.name}):
            merged.add((s, SKOS.altLabel, Literal(alias)))
        if e.wikidata:
            merged.add((s, OWL.sameAs, WD[e.wikidata]))
            merged.add((s, PG.wikidata, Literal(e.wikidata)))
        for doc in sorted(e.docs):
            merged.add((s, PG.mentionedIn, doc_iri(doc)))
            per_doc.setdefault(doc, []).extend(core + [(s, PG.mentionedIn, doc_iri(doc))])
    return entity_core


def _add_relation(r: Relation, merged: Graph, per_doc: dict[str, list[tuple]], entity_core: dict) -> None:
    """A relation: its direct triple, its statement node and its evidence; in each document that states it,
    with its endpoints' core triples so each document graph is self-contained."""
    s, o, p = entity_iri(r.subject), entity_iri(r.object), PG[r.predicate]
    st = statement_iri(r.id)
    head = [
        (s, p, o),
        (st, RDF.type, PG.Statement),
        (st, PG.subject, s),
        (st, PG.predicate, p),
        (st, PG.object, o),
        (st, PG.confidence, _decimal(written_confidence(r.confidence))),
    ]
    head += [(st, prop_iri(k), _literal(k, r.props[k])) for k in sorted(r.props) if r.props[k] is not None]
    for t in head:
        merged.add(t)
    by_doc: dict[str, list[tuple]] = {}
    for ev in sorted(set(r.evidence)):
        node = evidence_iri(ev)
        ev_triples = [
            (st, PROV.wasDerivedFrom, node),
            (node, RDF.type, PG.Evidence),
            (node, PG.document, doc_iri(ev.doc)),
            (node, PG.start, Literal(str(ev.start), datatype=XSD.integer)),
            (node, PG.end, Literal(str(ev.end), datatype=XSD.integer)),
            (node, PG.quote, Literal(ev.quote)),
        ]
        for t in ev_triples:
            merged.add(t)
        by_doc.setdefault(ev.doc, []).extend(ev_triples)
    for doc, ev_triples in by_doc.items():
        triples = per_doc.setdefault(doc, [])
        for eid in (r.subject, r.object):
            triples.extend(entity_core.get(eid, ()))
        triples.extend(head)
        triples.extend(ev_triples)


def merged_graph(data) -> Graph:
    """The merged graph of a KnowledgeGraph, a Dataset (its merged or else union graph) or a Graph."""
    if isinstance(data, KnowledgeGraph):
        data = to_dataset(data)
    if isinstance(data, Dataset):
        g = data.graph(MERGED_GRAPH)
        if len(g):
            return g
        union = Graph()
        _bind(union)
        for s, p, o, _ in data.quads((None, None, None, None)):
            union.add((s, p, o))
        return union
    if isinstance(data, Graph):
        return data
    raise TypeError(f"expected a KnowledgeGraph, rdflib Dataset or Graph, not {type(data).__name__}")


# -- Dataset -> KnowledgeGraph ---------------------------------------------------------------------
def from_dataset(data) -> KnowledgeGraph:
    """Rebuild the KnowledgeGraph from the merged graph (entities, statement nodes, documents)."""
    g = merged_graph(data)
    kg = KnowledgeGraph()

    doc_ids: dict = {}
    for d in g.subjects(RDF.type, PG.Document):
        label = g.value(d, RDFS.label)
        doc_id = str(label) if label is not None else _local_id(d, "doc/")
        doc_ids[d] = doc_id
        path, sha = g.value(d, PG.path), g.value(d, PG.sha256)
        if path is not None and sha is not None:
            chars = g.value(d, PG.chars)
            fmt = g.value(d, PG["format"])
            kg.add_document(DocumentInfo(doc_id, str(path), str(sha), int(chars) if chars is not None else 0,
                                         str(fmt) if fmt is not None else ""))

    def doc_of(iri) -> str:
        return doc_ids.get(iri) or _local_id(iri, "doc/")

    for s in sorted(set(g.subjects(PG.entityType, None))):
        name = str(g.value(s, RDFS.label))
        wikidata = g.value(s, PG.wikidata)
        kg.add_entity(
            Entity(
                id=_local_id(s),
                name=name,
                type=str(g.value(s, PG.entityType)),
                aliases={str(a) for a in g.objects(s, SKOS.altLabel)} | {name},
                docs={doc_of(d) for d in g.objects(s, PG.mentionedIn)},
                wikidata=str(wikidata) if wikidata is not None else None,
                source="gazetteer" if wikidata is not None else "pattern",
            )
        )

    for st in sorted(set(g.subjects(RDF.type, PG.Statement))):
        pred = str(g.value(st, PG.predicate))
        if not pred.startswith(PG_NS):
            raise ValueError(f"{st}: predicate {pred} is not in the pg: namespace")
        props = {}
        for p, o in g.predicate_objects(st):
            if p in _STATEMENT_STRUCTURE:
                continue
            key = _prop_key(p)
            if key is not None:
                props[key] = _py(o)
        evidence = []
        for node in g.objects(st, PROV.wasDerivedFrom):
            evidence.append(
                Evidence(
                    doc=doc_of(g.value(node, PG.document)),
                    start=int(g.value(node, PG.start)),
                    end=int(g.value(node, PG.end)),
                    quote=str(g.value(node, PG.quote)),
                )
            )
        conf = g.value(st, PG.confidence)
        kg.add_relation(
            Relation(
                subject=_local_id(g.value(st, PG.subject)),
                predicate=pred[len(PG_NS):],
                object=_local_id(g.value(st, PG.object)),
                props=props,
                confidence=float(str(conf)) if conf is not None else 0.5,
                evidence=evidence,
            )
        )
    return kg


def read_rdf(path) -> KnowledgeGraph:
    """Read graph.trig / .ttl / .jsonld / .nt (or a directory holding one) back into a KnowledgeGraph."""
    path = Path(path)
    if path.is_dir():
        for name in (RDF_FILES[f] for f in ("trig", "ttl", "nt", "jsonld")):
            if (path / name).exists():
                path = path / name
                break
        else:
            raise FileNotFoundError(f"no graph.trig/.ttl/.nt/.jsonld in {path}")
    fmt = {".trig": "trig", ".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld",
           ".nq": "nquads"}.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"unknown RDF file type: {path.name}")
    if fmt in ("trig", "nquads"):
        ds = Dataset()
        ds.parse(path, format=fmt)
        return from_dataset(ds)
    return from_dataset(Graph().parse(path, format=fmt))


# -- writers (byte-deterministic) ------------------------------------------------------------------
def _fresh(triples) -> Graph:
    """A graph with our prefixes whose triples are inserted in sorted order (stable serialisation)."""
    g = Graph()
    _bind(g)
    for t in sorted(triples):
        g.add(t)
    return g


def _turtle_body(g: Graph) -> tuple[list[str], str]:
    # the body is left as rdflib wrote it: re-indenting would change multi-line string literals
    return _split_turtle(_fresh(g).serialize(format="turtle"))


def to_turtle(data) -> str:
    return _fresh(merged_graph(data)).serialize(format="turtle")


def to_ntriples(data) -> str:
    # rdflib's serialiser writes one triple per line, ended by "\n"; a literal may hold U+2028, U+0085, form
    # feeds... raw (N-Triples allows them), so split on "\n" only, never str.splitlines(). The lines are
    # sorted below, so the graph needs no sorted copy first.
    lines = merged_graph(data).serialize(format="nt").split("\n")
    return "".join(line + "\n" for line in sorted(set(lines)) if line.strip())


def _split_turtle(text: str) -> tuple[list[str], str]:
    lines = text.split("\n")
    n = 0
    while n < len(lines) and lines[n].startswith("@prefix "):
        n += 1
    return lines[:n], "\n".join(lines[n:]).strip("\n")


def to_trig(ds: Dataset, turtle: dict | None = None, made: dict | None = None) -> str:
    """All named graphs, sorted by name; each block is the Turtle of that graph. `turtle`: graph name -> its
    Turtle text (_fresh(g).serialize), when the caller already has it (write_rdf: the merged graph's; an
    incremental build: the documents' graphs that did not change). `made`: filled with the texts serialised here."""
    if isinstance(ds, KnowledgeGraph):
        ds = to_dataset(ds)
    graphs = sorted((g for g in ds.graphs() if len(g) and isinstance(g.identifier, URIRef)),
                    key=lambda g: str(g.identifier))
    prefixes: set[str] = set()
    blocks = []
    for g in graphs:
        known = (turtle or {}).get(g.identifier)
        if known is None:
            known = _fresh(g).serialize(format="turtle")
            if made is not None:
                made[g.identifier] = known
        pre, body = _split_turtle(known)
        prefixes |= set(pre)
        blocks.append(f"<{g.identifier}> {{\n{body}\n}}\n")
    head = "\n".join(sorted(prefixes, key=lambda p: p.split()[1]))
    return (head + "\n\n" if head else "") + "\n".join(blocks)


def _sort_jsonld(value):
    if isinstance(value, dict):
        return {k: _sort_jsonld(value[k]) for k in sorted(value, key=lambda k: (not k.startswith("@"), k))}
    if isinstance(value, list):
        items = [_sort_jsonld(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


JSONLD_CONTEXT = {k: PREFIXES[k] for k in ("pg", "prov", "rdfs", "skos", "owl", "xsd", "wd", "pgid")}


def to_jsonld(data) -> str:
    g = merged_graph(data)  # every list and the nodes are sorted below: no sorted copy needed first
    doc = json.loads(g.serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True))
    nodes = doc.get("@graph")
    if nodes is None:  # a single node compacts to the top level
        nodes = [{k: v for k, v in doc.items() if k != "@context"}] if len(doc) > 1 else []
    nodes = sorted((_sort_jsonld(n) for n in nodes), key=lambda n: n.get("@id", ""))
    out = {"@context": JSONLD_CONTEXT, "@graph": nodes}
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


def write_rdf(kg: KnowledgeGraph, out_dir, dataset: Dataset | None = None, ntriples: str | None = None,
              turtle: dict | None = None, made: dict | None = None) -> dict[str, Path]:
    """Write graph.trig (all named graphs), graph.ttl, graph.jsonld and graph.nt (the merged graph).
    `dataset`, `ntriples`: to_dataset(kg) and to_ntriples of its merged graph, when the caller has them;
    `turtle`, `made`: named graphs' Turtle known beforehand / serialised here (see to_trig)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    ds = dataset if dataset is not None else to_dataset(kg)
    merged = ds.graph(MERGED_GRAPH)
    ttl = to_turtle(merged)  # serialised once: it is also the merged graph's block of the TriG
    texts = {
        "trig": to_trig(ds, {**(turtle or {}), MERGED_GRAPH: ttl}, made),
        "ttl": ttl,
        "jsonld": to_jsonld(merged),
        "nt": ntriples if ntriples is not None else to_ntriples(merged),
    }
    paths = {}
    for fmt, text in texts.items():
        path = out_dir / RDF_FILES[fmt]
        write_text(path, text, newline="\n")  # a full disk names the file
        paths[fmt] = path
    return paths
