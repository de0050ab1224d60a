"""Reading a build back: its graph (facts.jsonl with documents.json), its sentences and mentions."""
from __future__ import annotations

import json
from pathlib import Path

from ..console import PolicygraphError
from ..graph.model import KnowledgeGraph
from .atomic import recover_for_reading
from .layout import DOCUMENTS, FACTS, no_build_here, rebuild_hint


def require_build(out: Path) -> None:
    """Refuse a folder with no build; a build killed mid-swap (systems without RENAME_EXCHANGE) is put back."""
    if not (out / FACTS).exists():
        recover_for_reading(out)
    if not (out / FACTS).exists():
        raise no_build_here(out)


def read_graph(out: Path) -> KnowledgeGraph:
    """The build's KnowledgeGraph; a damaged file is one line naming it, with the command that rebuilds it."""
    docs, where = [], out / DOCUMENTS
    try:
        if where.exists():
            docs = json.loads(where.read_text(encoding="utf-8"))
        where = out / FACTS
        with open(where, encoding="utf-8") as fh:
            records = [json.loads(line) for line in fh if line.strip()]
        return KnowledgeGraph.from_records(records, docs)
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as err:
        what = " ".join(f"{type(err).__name__}: {err}".split())[:200]
        raise PolicygraphError(f"{where}: damaged build file ({what}); {rebuild_hint(out)}") from None


def read_jsonl(path: Path) -> list[dict] | None:
    """One build file of JSON lines (sentences.jsonl, mentions.jsonl); None when the build has none."""
    if not path.exists():
        return None
    try:
        with open(path, encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    except (OSError, ValueError) as err:
        raise PolicygraphError(f"{path}: unreadable build file ({err})") from None
