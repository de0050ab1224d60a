"""The README's quick start is what CI runs, and install.sh never installs into the system's Python."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def quick_start() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start.*?```bash\n(.*?)```", readme, re.S).group(1)
    return [line for line in block.splitlines() if line.strip()]


def test_ci_runs_the_readme_quick_start_exactly():
    commands = quick_start()
    assert len(commands) == 2  # install + build, then the tests
    ci = [line for line in (ROOT / ".ci" / "run").read_text().splitlines()
          if line.strip() and not line.startswith(("#", "set ", "cd "))]
    assert ci == commands


def test_install_sh_installs_into_a_virtual_environment_only():
    script = (ROOT / "install.sh").read_text()
    assert subprocess.run(["bash", "-n", str(ROOT / "install.sh")]).returncode == 0
    pip_lines = [line for line in script.splitlines() if "pip install" in line and not line.lstrip().startswith("#")]
    assert pip_lines and all('"$VPY" -m pip install' in line for line in pip_lines), pip_lines
    assert "VPY=$VENV/bin/python" in script
    assert ". .venv/bin/activate" in quick_start()[0]
