"""Shared fixtures: the corpus graph, built once per test session with the current code.

`corpus_build` is a fresh full build of ../shared/corpus (facts, RDF, the Cypher store, the view) in a
temporary directory, so the corpus tests check what this checkout extracts, never a stale out/. Set
POLICYGRAPH_CORPUS_BUILD=DIR to reuse a finished build instead (e.g. while iterating on one test file).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))  # the tests' helper modules (cypher_fixtures ...)

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.fixture(scope="session")
def corpus_build(tmp_path_factory):
    """The corpus build (a policygraph Build): `.kg`, `.out` with facts.jsonl, graph.ttl, graph.lbug, view.html."""
    from policygraph.api import build, open_build

    given = os.environ.get("POLICYGRAPH_CORPUS_BUILD")
    if given:
        return open_build(given)
    if not CORPUS.is_dir():
        pytest.skip(f"corpus tests skipped: no corpus at {CORPUS}")
    return build([CORPUS], out=tmp_path_factory.mktemp("corpus") / "out")


# `pytest -m "not slow"`: a quick run while developing. Slow: the browser, the corpus build (spaCy model), the
# kill-at-every-stage and fuzz suites; single slow tests carry @pytest.mark.slow themselves (the bombs...).
SLOW_MODULES = {"test_view_browser.py", "test_atomic.py", "test_fuzz.py", "test_bench_corpus.py"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.name in SLOW_MODULES or "corpus_build" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
