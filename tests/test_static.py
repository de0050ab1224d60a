"""Static checks of the source, as the README's developer section runs them: ruff (undefined names, unused
imports) over the checkout, mypy over the typed modules (pyproject.toml [tool.mypy]), and the public API and
extraction interfaces with every definition annotated."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# the public API (api.py, builds/operations.py) and the extraction interfaces: every definition annotated
TYPED_API = ["api.py", "builds/operations.py", "graph/model.py", "loaders/read/document.py",
             "loaders/read/readers.py", "loaders/extract/pipeline.py", "loaders/extract/sentence.py"]

pytestmark = pytest.mark.slow  # mypy reads pandas' and rdflib's stubs: ~20 s cold


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_ruff_finds_no_undefined_name_or_unused_import():
    done = run("ruff", "check", "--no-cache", ".")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def test_mypy_is_clean_on_the_typed_modules():
    done = run("mypy", "--no-incremental")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "Success" in done.stdout


def test_the_public_api_and_extraction_interfaces_are_annotated():
    done = run("mypy", "--no-incremental", "--disallow-untyped-defs", "--disallow-incomplete-defs", *TYPED_API)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def test_the_checks_see_a_mistake(tmp_path):
    """The checks are not vacuous: an undefined name and a wrong type in a copy of a typed module are found."""
    copy = tmp_path / "checkout"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(".git", "out", "build", ".venv", "*.lbug*",
                                                              ".mypy_cache", ".ruff_cache", "__pycache__"))
    model = copy / "graph" / "model.py"
    model.write_text(model.read_text(encoding="utf-8") + "\n\ndef _broken() -> int:\n    return undefined_name\n",
                     encoding="utf-8")
    ruff = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "graph/model.py"], cwd=copy,
                          capture_output=True, text=True, timeout=300)
    assert ruff.returncode != 0 and "undefined_name" in ruff.stdout
    model.write_text(model.read_text(encoding="utf-8").replace("return undefined_name", 'return "text"'),
                     encoding="utf-8")
    mypy = subprocess.run([sys.executable, "-m", "mypy", "--no-incremental", "graph/model.py"], cwd=copy,
                          capture_output=True, text=True, timeout=600)
    assert mypy.returncode != 0 and "Incompatible return value" in mypy.stdout, mypy.stdout[-2000:]


def test_the_command_line_imports_nothing_below_the_api():
    """cli/ parses arguments, makes one call into api.py and prints: the layers below are the API's business."""
    import ast

    allowed = {"api", "console", "safe_text", ""}  # `from .. import api`, one-line errors, inert text, __version__
    for path in sorted((ROOT / "cli").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 2:
                assert (node.module or "") in allowed, f"{path.name} imports ..{node.module}"
                if not node.module:
                    assert {a.name for a in node.names} <= {"api", "__version__"}, f"{path.name}: {ast.dump(node)}"
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                assert not node.module.startswith("policygraph"), f"{path.name} imports {node.module}"
