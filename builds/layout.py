"""The layout of a build folder: every name in it, and the messages that point a user at one.

The one owner of these names: the builder writes them, the API reads them, folder.py decides from them what
is policygraph's and what is the user's. Modules below (graph/, queries/) are handed paths, never a build.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..console import PolicygraphError
from ..graph.rdf import RDF_FILES

MARKER = "policygraph-build.json"  # only policygraph writes it: the folder is a build (folder.py)
LOCK = ".policygraph.lock"  # serialises builds of one folder (lock.py)
FACTS = "facts.jsonl"  # the facts export: entities, relations with evidence
DOCUMENTS = "documents.json"  # the documents' records (id, path, sha256, title...)
SENTENCES = "sentences.jsonl"
MENTIONS = "mentions.jsonl"
SETTINGS = "build.json"  # how the build was made (use_model), so add/remove/--repair keep doing the same
STORE = "graph.lbug"  # the embedded Cypher store
STORE_SIDECARS = tuple(STORE + suffix for suffix in (".wal", ".lock", ".shadow"))
STORE_TMP = re.compile(r"^\." + re.escape(STORE) + r"\.tmp-\d+(\.wal|\.lock|\.shadow)?$")  # a store being written
VIEW = "view.html"
TEXTS = "documents"  # documents/<id>.txt: the text as read (evidence offsets point here); <id>.html: its page
CACHE = "cache"  # cache/<sha256>.json: one document's extraction; cache/rdf/<key>.ttl: its named graph
RDF_BLOCKS = "rdf"

OWNED_FILES = frozenset({MARKER, LOCK, FACTS, DOCUMENTS, SENTENCES, MENTIONS, SETTINGS, STORE, VIEW,
                         *STORE_SIDECARS, *RDF_FILES.values()})
OWNED_DIRS = frozenset({TEXTS, CACHE})


def rdf_file(out: Path, fmt: str = "ttl") -> Path:
    return Path(out) / RDF_FILES[fmt]


def texts_dir(out: Path) -> Path | None:
    """The build's documents/ folder (quotes link to its pages), None in a build without one."""
    folder = Path(out) / TEXTS
    return folder if folder.is_dir() else None


def no_build_here(out) -> PolicygraphError:
    return PolicygraphError(f"{out}: no build here (run `policygraph build PATH --out {out}` first)")


def rebuild_hint(out) -> str:
    return f"rebuild it with `policygraph build --repair --out {out}`"


def settings(out: Path) -> dict:
    """How the build in `out` was made (build.json); {} when there is none or it cannot be read."""
    try:
        got = json.loads((Path(out) / SETTINGS).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return got if isinstance(got, dict) else {}


def document_ids(out: Path) -> set[str] | None:
    """The ids in the build's documents.json; None when it cannot be read."""
    try:
        return {d["id"] for d in json.loads((Path(out) / DOCUMENTS).read_text(encoding="utf-8"))}
    except (OSError, ValueError, TypeError, KeyError):
        return None
