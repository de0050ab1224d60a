"""install.sh never installs into the system's Python (that the README's quick start is what CI runs:
tests/test_docs.py)."""
from __future__ import annotations

import subprocess
from pathlib import Path

from test_docs import quick_start

ROOT = Path(__file__).resolve().parents[1]


def test_install_sh_installs_into_a_virtual_environment_only():
    script = (ROOT / "install.sh").read_text()
    assert subprocess.run(["bash", "-n", str(ROOT / "install.sh")]).returncode == 0
    pip_lines = [line for line in script.splitlines() if "pip install" in line and not line.lstrip().startswith("#")]
    assert pip_lines and all('"$VPY" -m pip install' in line for line in pip_lines), pip_lines
    assert "VPY=$VENV/bin/python" in script
    assert ". .venv/bin/activate" in quick_start()[0]
