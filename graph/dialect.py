"""Every difference between Neo4j's Cypher and LadybugDB's (Kuzu) dialect that policygraph relies on.

The embedded store (``cypher_store``) and the Neo4j sync (``neo4j_sync``) share one property layout, so
most named queries run unchanged on both; the ones that do not have a Neo4j variant file in
``queries/neo4j/``. Measured differences (LadybugDB 0.22):

=============================  ===============================  ===================================
what                            LadybugDB                        Neo4j
=============================  ===============================  ===================================
schema                          declared: one node table per     schemaless; labels + constraints
                                label, rel tables with FROM/TO
labels per node                 one (``(a:A:B)`` means A OR B)   many (``(a:A:B)`` means A AND B)
a relationship's type           ``label(r)``                     ``type(r)``
a node's label(s)               ``label(n)`` (a string)          ``labels(n)`` (a list)
list index / substring          from 1                           from 0
path's nodes' names             ``properties(nodes(p),'name')``  ``[n IN nodes(p) | n.name]``
a path's relationships          ``rels(p)``                      ``relationships(p)``
shortest path                   ``-[* SHORTEST 1..k]-``          ``shortestPath((a)-[*..k]-(b))``
var-length semantics            walk (edges may repeat) unless   trail (no repeated relationship)
                                ``TRAIL`` / ``ACYCLIC``; even
                                ``ACYCLIC`` may pass through the
                                end node: add ``is_acyclic(p)``
sum() over no values            null                             0
null parameter                  typed BOOL (compare fails)       typed by use
missing property                binder error if no table has it  null
``SET n += map``, ``FOREACH``,  not supported                    supported
``CALL { }``, ``head()``,
``toString()``, ``startNode()``
list-of-maps parameters         every row needs the same keys    rows may differ
=============================  ===============================  ===================================

Conventions that keep queries portable: nodes carry ``classes`` (class + superclasses + Entity, the
Neo4j labels) and ``lookup`` (lower-cased name, aliases and id) so ``$c IN n.classes`` and
``toLower($name) IN n.lookup`` work in both; fact relationships carry ``predicate`` (so ``r.predicate``
replaces ``type(r)``/``label(r)``) and ``quote`` (the first evidence quote, so no list indexing).
Optional parameters use typed defaults (``''``, ``0``), never null.
"""
from __future__ import annotations

import re

from ..console import PolicygraphError

LADYBUG = "ladybug"
NEO4J = "neo4j"
DIALECTS = (LADYBUG, NEO4J)

# -- the shared property layout ----------------------------------------------------------------------
# (name, LadybugDB type). Neo4j gets the same names; None values are simply not set there.
ENTITY_PROPS = (
    ("id", "STRING"),
    ("name", "STRING"),
    ("type", "STRING"),
    ("classes", "STRING[]"),
    ("aliases", "STRING[]"),
    ("lookup", "STRING[]"),
    ("wikidata", "STRING"),
    ("docs", "STRING[]"),
)
DOCUMENT_PROPS = (
    ("id", "STRING"),
    ("name", "STRING"),
    ("path", "STRING"),
    ("sha256", "STRING"),
    ("chars", "INT64"),
    ("format", "STRING"),
)
SENTENCE_PROPS = (
    ("id", "STRING"),
    ("doc", "STRING"),
    ("position", "INT64"),
    ("start_offset", "INT64"),
    ("end_offset", "INT64"),
    ("text", "STRING"),
)
# relation props promoted to typed columns; every prop is also in `props` (JSON text)
TYPED_REL_PROPS = (("amount_usd", "DOUBLE"), ("year", "INT64"))
# joint_id: the id shared by the facts one amount was stated for (count it once); status: e.g. "proposed"
TEXT_REL_PROPS = ("measure", "purpose", "role", "sector", "joint_id", "status")
FACT_PROPS = (
    ("id", "STRING"),
    ("predicate", "STRING"),
    *TYPED_REL_PROPS,
    *((name, "STRING") for name in TEXT_REL_PROPS),
    ("props", "STRING"),
    ("confidence", "DOUBLE"),
    ("docs", "STRING[]"),
    ("quotes", "STRING[]"),
    ("quote", "STRING"),
    ("sentences", "STRING[]"),
    ("evidence", "STRING"),
)
DOCUMENT_LABEL = "Document"
SENTENCE_LABEL = "Sentence"
ENTITY_LABEL = "Entity"
HAS_SENTENCE = "HAS_SENTENCE"
MENTIONS = "MENTIONS"
STRUCTURAL_LABELS = (DOCUMENT_LABEL, SENTENCE_LABEL)
STRUCTURAL_RELS = (HAS_SENTENCE, MENTIONS)

# -- identifiers -------------------------------------------------------------------------------------
_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def ident(name: str) -> str:
    """A label, relationship type or property name as a back-quoted identifier (same in both dialects).

    Only names from the ontology reach here; anything that is not a plain identifier is refused rather
    than escaped, so no user value can ever become Cypher text."""
    if not isinstance(name, str) or not _IDENT.match(name):
        raise PolicygraphError(f"not a valid Cypher identifier: {name!r}")
    return f"`{name}`"


# -- the query boundary ------------------------------------------------------------------------------
# Lives in graph/cypher_guard.py: a tokeniser that reads a statement exactly as each engine's lexer does,
# and allow-lists of clauses, functions and procedures. These names are kept for the callers.


def write_keywords(cypher: str, dialect: str = LADYBUG) -> list[str]:
    """The updating clauses a statement uses (upper-cased, in order, without duplicates)."""
    from .cypher_guard import write_words

    return write_words(cypher, dialect)


def check_read_only(cypher: str, dialect: str = LADYBUG) -> None:
    """Refuse a statement that writes, or that could reach anything outside the graph."""
    from .cypher_guard import check_query

    check_query(cypher, dialect, write=False)


def parameter_names(cypher: str, dialect: str = LADYBUG) -> list[str]:
    """The ``$name`` parameters a statement uses, in order of first use."""
    from .cypher_guard import parameter_names as names

    return names(cypher, dialect)


def check_parameters(cypher: str, params: dict, dialect: str = LADYBUG) -> None:
    """Refuse a statement that uses a parameter not given (LadybugDB would silently read it as null)."""
    missing = [n for n in parameter_names(cypher, dialect) if n not in params]
    if missing:
        names = ", ".join(f"${n}" for n in missing)
        example = " ".join(f"-p {n}=VALUE" for n in missing)
        raise PolicygraphError(f"missing query parameter{'s' if len(missing) > 1 else ''} {names} (pass {example})")


# -- values ------------------------------------------------------------------------------------------
def uniform_rows(rows: list[dict]) -> list[dict]:
    """LadybugDB needs every map in a list parameter to have the same keys: fill the missing with None."""
    keys: list[str] = []
    for row in rows:
        for k in row:
            if k not in keys:
                keys.append(k)
    return [{k: row.get(k) for k in keys} for row in rows]


def neo4j_labels(type_: str, superclasses) -> list[str]:
    """A node's Neo4j labels: its class, the class's superclasses and Entity (no duplicates)."""
    out = [type_]
    for c in list(superclasses or ()) + [ENTITY_LABEL]:
        c = str(c).rsplit("#", 1)[-1].removeprefix("pg:")
        if c not in out:
            out.append(c)
    return out


def rel_type_expr(var: str, dialect: str) -> str:
    """The expression giving a relationship variable's type."""
    return f"label({var})" if dialect == LADYBUG else f"type({var})"


def node_label_expr(var: str, dialect: str) -> str:
    """The expression giving a node's (most specific) label as a string."""
    return f"label({var})" if dialect == LADYBUG else f"labels({var})[0]"
