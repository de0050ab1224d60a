"""The named analyst queries: ``queries/*.cypher`` (LadybugDB), ``queries/neo4j/*.cypher`` (Neo4j variants,
only where the dialects differ) and ``queries/sparql/*.rq``.

Each file starts with header comments::

    // name: investments_into_states
    // question: Which firms invest in which US states, ...?
    // params: state (string, default "") — a US state's name, alias or id; "" for every state

(``#`` instead of ``//`` in SPARQL files). A parameter without a default is required. Types: string, int,
float, bool. Values only ever reach the engine as parameters.

    from policygraph.queries.catalog import list_queries, run_named
    df = run_named("investments_into_states", "out/graph.lbug", {"state": "Georgia"})
"""
from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..console import PolicygraphError
from ..graph.rdf import RDF_FILES

QUERY_DIR = Path(__file__).resolve().parent
NEO4J_DIR = QUERY_DIR / "neo4j"
SPARQL_DIR = QUERY_DIR / "sparql"

_REQUIRED = object()
TYPES = ("string", "int", "float", "bool")


@dataclass
class Param:
    name: str
    type: str
    description: str
    default: object = _REQUIRED

    @property
    def required(self) -> bool:
        return self.default is _REQUIRED

    @property
    def names_entity(self) -> bool:
        """A parameter documented as an entity's "name, alias or id": resolved like every command's names."""
        return "name, alias or id" in self.description

    def describe(self) -> str:
        opt = "" if self.required else f", default {json.dumps(self.default)}"
        return f"{self.name} ({self.type}{opt}) — {self.description}"

    def to_dict(self) -> dict:
        return {"name": self.name, "type": self.type, "required": self.required,
                "default": None if self.required else self.default, "description": self.description}


@dataclass
class NamedQuery:
    name: str
    question: str
    params: list[Param]
    text: str  # LadybugDB Cypher (or SPARQL)
    path: Path
    neo4j_text: str | None = None  # only where the dialects differ
    neo4j_path: Path | None = None
    language: str = "cypher"
    notes: list[str] = field(default_factory=list)

    def cypher(self, dialect: str = "ladybug") -> str:
        if dialect == "neo4j" and self.neo4j_text is not None:
            return self.neo4j_text
        return self.text

    def to_dict(self) -> dict:
        return {"name": self.name, "question": self.question, "neo4j_variant": self.neo4j_text is not None,
                "params": [p.to_dict() for p in self.params]}

    def body(self, dialect: str = "ladybug") -> str:
        """The statement without its header comments."""
        lines = self.cypher(dialect).splitlines()
        while lines and (lines[0].lstrip().startswith(("//", "#")) or not lines[0].strip()):
            lines.pop(0)
        return "\n".join(lines).strip()


_HEADER = re.compile(r"^\s*(?://|#)\s*(name|question|params|param|dialect)\s*:\s*(.*?)\s*$")
_PARAM = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*\(\s*(\w+)\s*(?:,\s*default\s*:?\s*(.+?))?\s*\)\s*(?:[—–-]+\s*(.*))?$")


def _parse_default(text: str, type_: str, where: str):
    try:
        value = json.loads(text)
    except ValueError:
        value = text.strip().strip("'")
    try:
        return coerce(value, type_, "default")
    except PolicygraphError as err:
        raise PolicygraphError(f"{where}: {err}") from None


def parse_query_file(path: Path, language: str = "cypher") -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    name, question, params, notes = None, "", [], []
    for line in text.splitlines():
        if not line.strip():
            continue
        m = _HEADER.match(line)
        if not m:
            if line.lstrip().startswith(("//", "#")):
                continue
            break
        key, value = m.group(1), m.group(2)
        if key == "name":
            name = value
        elif key == "question":
            question = value
        elif key == "dialect":
            notes.append(value)
        elif value.lower() != "none":
            pm = _PARAM.match(value)
            if not pm:
                raise PolicygraphError(f"{path}: cannot read the parameter line {value!r} "
                                       "(expected `name (type[, default VALUE]) — description`)")
            pname, ptype, pdefault, pdesc = pm.groups()
            if ptype not in TYPES:
                raise PolicygraphError(f"{path}: parameter {pname}: unknown type {ptype!r} (one of {', '.join(TYPES)})")
            param = Param(pname, ptype, pdesc or "")
            if pdefault is not None:
                param.default = _parse_default(pdefault, ptype, str(path))
            params.append(param)
    name = name or path.stem
    if name != path.stem:
        raise PolicygraphError(f"{path}: header name {name!r} differs from the file name")
    return NamedQuery(name, question, params, text, path, language=language, notes=notes)


def list_queries() -> list[NamedQuery]:
    """Every named Cypher query, by name, with its Neo4j variant attached."""
    out = []
    for path in sorted(QUERY_DIR.glob("*.cypher")):
        q = parse_query_file(path)
        variant = NEO4J_DIR / path.name
        if variant.exists():
            q.neo4j_text = variant.read_text(encoding="utf-8")
            q.neo4j_path = variant
        out.append(q)
    return out


def queries_frame():
    """The named Cypher queries as a DataFrame: name, question, params (described), neo4j_variant."""
    import pandas as pd

    return pd.DataFrame([{"name": q.name, "question": q.question, "params": [p.describe() for p in q.params],
                          "neo4j_variant": q.neo4j_text is not None} for q in list_queries()],
                        columns=["name", "question", "params", "neo4j_variant"])


def list_sparql() -> list[NamedQuery]:
    return [parse_query_file(p, "sparql") for p in sorted(SPARQL_DIR.glob("*.rq"))]


def _unknown(kind: str, name: str, known: list[str]) -> PolicygraphError:
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(close)}?" if close else f"; known: {', '.join(known)}"
    return PolicygraphError(f"unknown {kind} {name!r}{hint}")


def get_query(name: str) -> NamedQuery:
    path = QUERY_DIR / f"{name}.cypher"
    if not re.fullmatch(r"[A-Za-z0-9_]+", name or "") or not path.exists():
        raise _unknown("named query", name, [q.name for q in list_queries()]) from None
    return next(q for q in list_queries() if q.name == name)


def get_sparql(name: str) -> NamedQuery:
    path = SPARQL_DIR / f"{name}.rq"
    if not re.fullmatch(r"[A-Za-z0-9_]+", name or "") or not path.exists():
        raise _unknown("SPARQL query", name, [q.name for q in list_sparql()]) from None
    return parse_query_file(path, "sparql")


# -- parameters ------------------------------------------------------------------------------------------
PARAM_TYPES = {"str": "string", "string": "string", "int": "int", "float": "float", "bool": "bool"}


def parse_param_args(items) -> dict:
    """`-p NAME=VALUE` (always a string) and `-p NAME:TYPE=VALUE` (TYPE: str, int, float or bool) as a dict.
    A value is never guessed from its look: '5' stays a string unless you say `-p n:int=5`."""
    out = {}
    for item in items or ():
        if "=" not in item:
            raise PolicygraphError(f"-p {item!r}: expected NAME=VALUE or NAME:TYPE=VALUE")
        name, value = item.split("=", 1)
        name, _, type_ = name.strip().lstrip("$").partition(":")
        name, type_ = name.strip(), type_.strip().lower()
        if not name.isidentifier():
            raise PolicygraphError(f"-p {item!r}: {name!r} is not a valid parameter name")
        if type_ and type_ not in PARAM_TYPES:
            raise PolicygraphError(f"-p {item!r}: unknown type {type_!r} (one of {', '.join(PARAM_TYPES)})")
        out[name] = coerce(value, PARAM_TYPES[type_], name) if type_ else value
    return out


def coerce(value, type_: str, name: str):
    try:
        if type_ == "string":
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            return "" if value is None else str(value)
        if type_ == "int":
            if isinstance(value, bool):
                raise ValueError
            if isinstance(value, float):
                if not value.is_integer():
                    raise ValueError
                return int(value)
            return int(str(value).strip())
        if type_ == "float":
            if isinstance(value, bool):
                raise ValueError
            return float(value)
        if type_ == "bool":
            if isinstance(value, bool):
                return value
            text = str(value).strip().lower()
            if text in ("true", "1", "yes"):
                return True
            if text in ("false", "0", "no"):
                return False
            raise ValueError
    except (TypeError, ValueError):
        raise PolicygraphError(f"parameter {name}: expected {'an' if type_ == 'int' else 'a'} {type_}, "
                               f"not {value!r}") from None
    raise PolicygraphError(f"parameter {name}: unknown type {type_}")


def bind(query: NamedQuery, params: dict | None) -> dict:
    """The query's parameters: given values converted to the declared types, defaults filled in."""
    params = dict(params or {})
    known = {p.name for p in query.params}
    extra = sorted(set(params) - known)
    if extra:
        have = ", ".join(p.name for p in query.params) or "none"
        raise PolicygraphError(f"{query.name}: unknown parameter{'s' if len(extra) > 1 else ''} "
                               f"{', '.join(extra)} (its parameters: {have})")
    out = {}
    for p in query.params:
        if p.name in params:
            out[p.name] = coerce(params[p.name], p.type, p.name)
        elif p.required:
            raise PolicygraphError(f"{query.name}: missing parameter {p.name} (pass -p {p.name}=VALUE: {p.description})")
        else:
            out[p.name] = p.default
    return out


def resolve_entity_params(name: str, params: dict | None, kg, notes: list[str] | None = None) -> dict:
    """The parameters with each entity name that is not already a name, alias or id in the graph resolved by
    the one name resolver (queries/names.py: a unique part of a name, a close spelling; else "did you mean")
    and passed as the entity's id, so `-p name=Hanwha` means what `explain Hanwha ...` means."""
    from .names import resolve

    params = dict(params or {})
    known = None
    for p in get_query(name).params:
        value = params.get(p.name)
        if not p.names_entity or not isinstance(value, str) or not value.strip():
            continue
        if known is None:
            known = {k.lower() for e in kg.entities.values() for k in (e.id, e.name, *e.aliases)}
        if value.lower() not in known:
            params[p.name] = resolve(kg, value, notes).id
    return params


# -- running ---------------------------------------------------------------------------------------------
def run_named(name: str, store_path, params: dict | None = None):
    """Run a named query on the embedded store (path or open Store) and return a DataFrame."""
    from ..graph.cypher_store import run_query

    q = get_query(name)
    return run_query(store_path, q.body("ladybug"), bind(q, params))


def run_named_neo4j(name: str, uri: str, user: str | None, password: str | None, params: dict | None = None,
                    database: str | None = None, driver_factory=None):
    from ..graph.neo4j_sync import run_neo4j_query

    q = get_query(name)
    return run_neo4j_query(uri, user, password, q.body("neo4j"), bind(q, params), database=database,
                           driver_factory=driver_factory)


def load_rdf(source):
    """An rdflib Graph from an RDF file, a folder holding one (a build's graph.ttl), a KnowledgeGraph or a Graph."""
    from rdflib import Dataset, Graph

    from ..graph.model import KnowledgeGraph

    if isinstance(source, (Graph, Dataset)):
        return source
    if isinstance(source, KnowledgeGraph):
        from ..graph.rdf import merged_graph

        return merged_graph(source)
    path = Path(source)
    if path.is_dir():
        names = [RDF_FILES[f] for f in ("ttl", "trig", "nt")]
        path = next((path / n for n in names if (path / n).exists()), None)
        if path is None:
            raise PolicygraphError(f"{source}: no RDF here (none of {', '.join(names)})")
    if not path.exists():
        raise PolicygraphError(f"{path}: no such RDF file or folder")
    fmt = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".jsonld": "json-ld"}.get(path.suffix.lower(), "turtle")
    try:
        if fmt == "trig":
            ds = Dataset()
            ds.parse(path, format=fmt)
            from ..graph.rdf import merged_graph

            return merged_graph(ds)
        return Graph().parse(path, format=fmt)
    except Exception as err:
        raise PolicygraphError(f"{path}: cannot read the RDF ({str(err).splitlines()[0] if str(err) else err})") from None


def run_sparql(query: str, source, params: dict | None = None, timeout: float | None = None):
    """Run a SPARQL SELECT/ASK/CONSTRUCT/DESCRIBE (text, or the name of a query in queries/sparql/) over the
    RDF; a DataFrame. The query reads this graph only (queries/sparql_guard.py: no update, no SERVICE, no
    FROM) and is stopped after `timeout` seconds (default 60).

    `params` bind query variables (``?name``) to literals before evaluation."""
    import pandas as pd
    from rdflib import Literal, URIRef

    from ..graph.rdf import PREFIXES
    from .sparql_guard import DEFAULT_TIMEOUT, prepare, with_deadline

    text = query
    named = None
    if re.fullmatch(r"[A-Za-z0-9_]+", (query or "").strip()):
        named = get_sparql(query.strip())
        text = named.text
        params = bind(named, params)
    if not text or not text.strip():
        raise PolicygraphError("empty SPARQL query")
    prepared = prepare(text, PREFIXES)
    graph = load_rdf(source)
    bindings = {}
    for k, v in (params or {}).items():
        if not str(k).isidentifier():
            raise PolicygraphError(f"invalid parameter name {k!r}")
        bindings[k] = v if isinstance(v, (Literal, URIRef)) else Literal(v)

    def evaluate():
        result = graph.query(prepared, initBindings=bindings)
        if result.type == "ASK":
            return pd.DataFrame({"ask": [bool(result.askAnswer)]})
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            rows = [(str(s), str(p), str(o)) for s, p, o in result.graph]
            return pd.DataFrame(sorted(rows), columns=["subject", "predicate", "object"])
        cols = [str(v) for v in result.vars]
        rows = [[_py(row[i]) for i in range(len(cols))] for row in result]
        return pd.DataFrame(rows, columns=cols)

    try:
        return with_deadline(DEFAULT_TIMEOUT if timeout is None else timeout, evaluate)
    except PolicygraphError:
        raise
    except Exception as err:
        msg = " ".join(str(err).split()) or type(err).__name__
        raise PolicygraphError(f"SPARQL error: {msg[:300]}") from None


def _py(term):
    from rdflib import Literal

    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if hasattr(value, "as_tuple"):  # Decimal
            return float(value)
        return value if isinstance(value, (int, float, bool, str)) else str(term)
    return str(term)
