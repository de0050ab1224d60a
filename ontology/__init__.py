"""The domain model as data: ontology (policygraph.ttl), SHACL shapes (shapes.ttl), gazetteer (gazetteer.toml).

    from policygraph.ontology import load_model
    m = load_model()                      # cached singleton
    m.classes["Firm"].parents             # ('Actor',)
    m.entity_types                        # the 11 SCHEMA.md entity types
    m.relations["INVESTS_IN"].domain      # ('Country', 'Person', 'Firm')  (SCHEMA entity type names)
    m.superclasses("Firm")                # ['Actor', 'Entity']
    m.actor_types                         # the entity types under pg:Actor (Country, Firm, Person, ...)
    m.allows("RATIFIES", "Country", "Agreement")   # True
    m.color("Firm"), m.shape("Firm")      # '#E69F00', 'diamond'
    m.schema_type("Tariff")               # 'Policy'
    m.gazetteer                           # [GazetteerEntry(id='country/south-korea', ...), ...]
    m.ontology_graph(), m.shapes_graph()  # fresh rdflib Graphs

Every class and relation fact is read from the Turtle files; nothing about them is repeated here.
The gazetteer holds general domain knowledge only (names, aliases, types, Wikidata ids), never relations.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Namespace, URIRef
from rdflib.collection import Collection

HERE = Path(__file__).resolve().parent
ONTOLOGY_PATH = HERE / "policygraph.ttl"
SHAPES_PATH = HERE / "shapes.ttl"
GAZETTEER_PATH = HERE / "gazetteer.toml"

NS = "https://policygraph.dev/ontology#"
ID_NS = "https://policygraph.dev/id/"
PG = Namespace(NS)

__all__ = [
    "NS", "ID_NS", "PG", "ClassDef", "RelationDef", "GazetteerEntry", "OntologyModel", "load_model",
    "load_gazetteer", "type_slug", "home_countries",
]


@dataclass(frozen=True)
class ClassDef:
    name: str
    parents: tuple[str, ...]  # direct superclasses (local names)
    label: str
    definition: str
    color: str | None
    shape: str | None


@dataclass(frozen=True)
class RelationDef:
    name: str
    domain: tuple[str, ...]  # SCHEMA entity type names (pg:Actor expanded to its subclasses)
    range: tuple[str, ...]
    symmetric: bool
    qualifiers: tuple[str, ...]
    label: str
    definition: str
    domain_classes: tuple[str, ...] = ()  # the classes as written in the ontology (e.g. ('Actor',))
    range_classes: tuple[str, ...] = ()


@dataclass(frozen=True)
class GazetteerEntry:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    adjectives: tuple[str, ...] = ()
    short_aliases: tuple[str, ...] = ()  # surnames etc.: only after the full name appeared in the document
    ambiguous: tuple[str, ...] = ()  # aliases that need supporting context
    # general knowledge, not a relation: a person's nationality, a firm's home country, the state whose law or
    # standing policy it is (a Country entry's id)
    country: str | None = None
    # a US state's postal and press abbreviations ("GA", "Ga."): read only after a place ("Dalton, Ga.")
    postal: tuple[str, ...] = ()

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """Name, aliases and adjectives (not short aliases), in that order, without duplicates."""
        return tuple(dict.fromkeys((self.name,) + self.aliases + self.adjectives))


GAZETTEER_KEYS = {"id", "name", "type", "aliases", "wikidata", "adjectives", "short_aliases", "ambiguous", "country",
                  "postal"}
_WIKIDATA_RE = re.compile(r"^Q[1-9][0-9]*$")
_ID_RE = re.compile(r"^[a-z]+/[a-z0-9]+(?:-[a-z0-9]+)*$")


def type_slug(type_: str) -> str:
    """'USState' -> 'usstate', 'InternationalOrganization' -> 'internationalorganization'."""
    return re.sub(r"[^a-z0-9]+", "", type_.lower())


def _local(term) -> str:
    text = str(term)
    if not text.startswith(NS):
        raise ValueError(f"not a pg: term: {text}")
    return text[len(NS):]


def _text(g: Graph, s, p) -> str:
    v = g.value(s, p)
    return str(v) if v is not None else ""


class OntologyModel:
    """The parsed ontology, shapes and gazetteer. Obtain it with load_model()."""

    def __init__(self, ontology_path: Path = ONTOLOGY_PATH, shapes_path: Path = SHAPES_PATH,
                 gazetteer_path: Path = GAZETTEER_PATH) -> None:
        self.ontology_path = Path(ontology_path)
        self.shapes_path = Path(shapes_path)
        self.gazetteer_path = Path(gazetteer_path)
        self._ontology_text = self.ontology_path.read_text(encoding="utf-8")
        self._shapes_text = self.shapes_path.read_text(encoding="utf-8")
        g = Graph().parse(data=self._ontology_text, format="turtle")
        self.classes: dict[str, ClassDef] = self._read_classes(g)
        self.entity_types: tuple[str, ...] = self._read_entity_types(g)
        self._ancestors: dict[str, list[str]] = {c: self._bfs_ancestors(c) for c in self.classes}
        self.relations: dict[str, RelationDef] = self._read_relations(g)
        self.gazetteer: list[GazetteerEntry] = load_gazetteer(self.gazetteer_path, self.entity_types)
        self._by_id = {e.id: e for e in self.gazetteer}

    # -- reading the ontology ---------------------------------------------------------------------
    @staticmethod
    def _read_classes(g: Graph) -> dict[str, ClassDef]:
        out = {}
        for c in sorted(set(g.subjects(RDF.type, OWL.Class))):
            if not isinstance(c, URIRef) or not str(c).startswith(NS):
                continue  # anonymous union classes
            parents = tuple(sorted(_local(p) for p in g.objects(c, RDFS.subClassOf)
                                   if isinstance(p, URIRef) and str(p).startswith(NS)))
            out[_local(c)] = ClassDef(
                name=_local(c),
                parents=parents,
                label=_text(g, c, RDFS.label),
                definition=_text(g, c, SKOS.definition),
                color=_text(g, c, PG.color) or None,
                shape=_text(g, c, PG.shape) or None,
            )
        return out

    def _read_entity_types(self, g: Graph) -> tuple[str, ...]:
        """Classes marked pg:entityTypeName, in the order they are declared in the Turtle file."""
        names = {str(v) for v in g.objects(None, PG.entityTypeName)}
        order = {m.group(1): m.start() for m in re.finditer(r"^pg:(\w+) a owl:Class", self._ontology_text, re.M)}
        return tuple(sorted(names, key=lambda n: (order.get(n, 1 << 30), n)))

    def _bfs_ancestors(self, name: str) -> list[str]:
        out: list[str] = []
        frontier = list(self.classes[name].parents)
        while frontier:
            nxt = []
            for p in frontier:
                if p not in out and p != name:
                    out.append(p)
                    nxt.extend(self.classes[p].parents if p in self.classes else ())
            frontier = nxt
        return out

    def _class_list(self, g: Graph, expr) -> tuple[str, ...]:
        if isinstance(expr, URIRef):
            return (_local(expr),)
        union = g.value(expr, OWL.unionOf)
        if union is None:
            raise ValueError(f"unsupported class expression in {self.ontology_path.name}: {expr}")
        return tuple(_local(m) for m in Collection(g, union))

    def _expand(self, classes: tuple[str, ...]) -> tuple[str, ...]:
        """The SCHEMA entity types that are (subclasses of) any of the classes, in entity_types order."""
        want = set(classes)
        return tuple(t for t in self.entity_types if t in want or want & set(self._ancestors.get(t, ())))

    def _read_relations(self, g: Graph) -> dict[str, RelationDef]:
        out = {}
        props = set(g.subjects(RDF.type, OWL.ObjectProperty))
        # qualifiers any statement may carry (pg:Statement's: "status"), besides each relation's own
        shared = {str(q) for q in g.objects(PG.Statement, PG.qualifier)}
        for p in sorted(props):
            dom, rng = g.value(p, RDFS.domain), g.value(p, RDFS.range)
            name = _local(p)
            if not re.fullmatch(r"[A-Z][A-Z_]*", name):
                continue  # structural properties (pg:subject, pg:document ...), not relation types
            if dom is None or rng is None:
                raise ValueError(f"{self.ontology_path.name}: relation pg:{name} lacks rdfs:domain or rdfs:range")
            dcls, rcls = self._class_list(g, dom), self._class_list(g, rng)
            out[name] = RelationDef(
                name=name,
                domain=self._expand(dcls),
                range=self._expand(rcls),
                symmetric=(p, RDF.type, OWL.SymmetricProperty) in g,
                qualifiers=tuple(sorted({str(q) for q in g.objects(p, PG.qualifier)} | shared)),
                label=_text(g, p, RDFS.label),
                definition=_text(g, p, SKOS.definition),
                domain_classes=dcls,
                range_classes=rcls,
            )
        # declaration order of the Turtle file (= SCHEMA.md order)
        order = {m.group(1): m.start() for m in re.finditer(r"^pg:([A-Z_]+) a owl:ObjectProperty", self._ontology_text, re.M)}
        return dict(sorted(out.items(), key=lambda kv: (order.get(kv[0], 1 << 30), kv[0])))

    # -- queries ----------------------------------------------------------------------------------
    def superclasses(self, name: str) -> list[str]:
        """All ancestors of a class, nearest first: 'Firm' -> ['Actor', 'Entity']. KeyError if unknown."""
        name = name.removeprefix("pg:")
        if name not in self._ancestors:
            raise KeyError(f"unknown class: {name!r}")
        return list(self._ancestors[name])

    def is_a(self, type_: str, cls: str) -> bool:
        """True if type_ is cls or a subclass of it (False for unknown types)."""
        return type_ == cls or cls in self._ancestors.get(type_, ())

    @property
    def actor_types(self) -> frozenset[str]:
        """The entity types that are actors (pg:Actor's subclasses): Country, Firm, Person, ..."""
        return frozenset(t for t in self.entity_types if self.is_a(t, "Actor"))

    def schema_type(self, name: str) -> str | None:
        """The SCHEMA entity type a class is or refines ('Tariff' -> 'Policy'); None for other classes."""
        name = str(name).removeprefix("pg:")
        for c in [name] + self._ancestors.get(name, []):
            if c in self.entity_types:
                return c
        return None

    def allows(self, predicate: str, subject_type: str, object_type: str) -> bool:
        """Whether the ontology allows `subject_type -predicate-> object_type` (subclasses included)."""
        rel = self.relations.get(predicate)
        if rel is None or subject_type not in self.classes or object_type not in self.classes:
            return False
        return (any(self.is_a(subject_type, c) for c in rel.domain_classes)
                and any(self.is_a(object_type, c) for c in rel.range_classes))

    def color(self, type_: str) -> str | None:
        """The class's view colour, inherited from the nearest styled superclass."""
        return self._style(type_, "color")

    def shape(self, type_: str) -> str | None:
        return self._style(type_, "shape")

    def _style(self, type_: str, attr: str):
        type_ = str(type_).removeprefix("pg:")
        if type_ not in self.classes:
            return None
        for c in [type_] + self._ancestors[type_]:
            v = getattr(self.classes[c], attr)
            if v:
                return v
        return None

    def gazetteer_entry(self, id_: str) -> GazetteerEntry | None:
        return self._by_id.get(id_)

    def class_iri(self, name: str) -> URIRef:
        return PG[name]

    def ontology_graph(self) -> Graph:
        """A fresh rdflib Graph of policygraph.ttl (callers may modify it)."""
        return Graph().parse(data=self._ontology_text, format="turtle")

    def shapes_graph(self) -> Graph:
        """A fresh rdflib Graph of shapes.ttl (callers may modify it)."""
        return Graph().parse(data=self._shapes_text, format="turtle")


# -- gazetteer ------------------------------------------------------------------------------------
def _strings(entry: dict, key: str, where: str) -> tuple[str, ...]:
    v = entry.get(key, [])
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        raise ValueError(f"{where}: {key!r} must be a list of non-empty strings")
    return tuple(dict.fromkeys(v))


def load_gazetteer(path: Path = GAZETTEER_PATH, entity_types=None) -> list[GazetteerEntry]:
    """Parse and validate gazetteer.toml; raise ValueError naming the offending entry."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise ValueError(f"{path.name}: {err}") from None
    types = set(entity_types) if entity_types is not None else None
    rows = data.get("entity", [])
    extra = set(data) - {"entity"}
    if extra:
        raise ValueError(f"{path.name}: unexpected top-level keys {sorted(extra)} (only [[entity]] tables)")
    out: list[GazetteerEntry] = []
    seen: dict[str, int] = {}
    for i, row in enumerate(rows, 1):
        where = f"{path.name} entry #{i} ({row.get('id') or row.get('name') or '?'})"
        unknown = set(row) - GAZETTEER_KEYS
        if unknown:
            raise ValueError(f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(GAZETTEER_KEYS)} "
                             "(the gazetteer holds names, never relations)")
        for key in ("id", "name", "type"):
            if not isinstance(row.get(key), str) or not row[key].strip():
                raise ValueError(f"{where}: missing or empty {key!r}")
        id_, name, type_ = row["id"], row["name"], row["type"]
        if types is not None and type_ not in types:
            raise ValueError(f"{where}: unknown type {type_!r}; expected one of {sorted(types)}")
        if not _ID_RE.match(id_) or id_.split("/", 1)[0] != type_slug(type_):
            raise ValueError(f"{where}: id {id_!r} must be '{type_slug(type_)}/<name slug>'")
        if id_ in seen:
            raise ValueError(f"{where}: duplicate id {id_!r} (first at entry #{seen[id_]})")
        seen[id_] = i
        wikidata = row.get("wikidata")
        if wikidata is not None and (not isinstance(wikidata, str) or not _WIKIDATA_RE.match(wikidata)):
            raise ValueError(f"{where}: wikidata {wikidata!r} is not a Wikidata item id (Q123)")
        aliases = _strings(row, "aliases", where)
        adjectives = _strings(row, "adjectives", where)
        short = _strings(row, "short_aliases", where)
        ambiguous = _strings(row, "ambiguous", where)
        if adjectives and type_ != "Country":
            raise ValueError(f"{where}: adjectives are for countries only (type is {type_})")
        missing = set(ambiguous) - set(aliases) - set(adjectives) - set(short) - {name}
        if missing:
            raise ValueError(f"{where}: ambiguous {sorted(missing)} are not among its name, aliases or adjectives")
        country = row.get("country")
        if country is not None and (type_ not in ("Person", "Firm", "Law", "Policy") or not isinstance(country, str)
                                    or not country.startswith("country/")):
            raise ValueError(f"{where}: country is a person's nationality, a firm's home country or the state whose "
                             f"law or policy it is, given as a Country entry's id ('country/<slug>')")
        postal = _strings(row, "postal", where)
        if postal and type_ != "USState":
            raise ValueError(f"{where}: postal abbreviations are for US states only (type is {type_})")
        out.append(GazetteerEntry(id_, name, type_, tuple(a for a in aliases if a != name), wikidata,
                                  adjectives, short, ambiguous, country, postal))
    ids = {e.id for e in out}
    for e in out:
        if e.country is not None and e.country not in ids:
            raise ValueError(f"{path.name} entry {e.id}: country {e.country!r} is not a gazetteer entry")
    return out


def home_countries() -> dict[str, str]:
    """{firm id: its home country's id} from the gazetteer (general knowledge, not a relation)."""
    return {e.id: e.country for e in load_model().gazetteer if e.country and e.type == "Firm"}


@lru_cache(maxsize=1)
def load_model() -> OntologyModel:
    """The ontology model (cached singleton)."""
    return OntologyModel()
