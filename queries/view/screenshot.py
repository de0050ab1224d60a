"""PNG screenshots of a view page with headless Chromium: no network, a throwaway profile.

`policygraph view --png FILE` (and `--map --png FILE` for the state map) uses this; so do the README's
pictures. The browser is /usr/bin/chromium (Debian's), or $POLICYGRAPH_CHROMIUM.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ...console import QUIET, PolicygraphError

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
SIZE = (1600, 1000)


def find_chromium() -> str | None:
    env = os.environ.get("POLICYGRAPH_CHROMIUM")
    if env:
        return env if Path(env).exists() else None
    for cand in CHROMIUM_CANDIDATES:
        if Path(cand).exists():
            return cand
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _command(chromium: str, page: Path, shot: Path, profile: Path, width: int, height: int) -> list[str]:
    return [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
            "--disable-default-apps", "--disable-extensions", f"--user-data-dir={profile}",
            "--virtual-time-budget=15000", f"--screenshot={shot}", f"--window-size={width},{height}",
            page.as_uri()]


def screenshot_html(page: str, png_path, width: int = SIZE[0], height: int = SIZE[1], progress=None,
                    timeout: float = 120.0) -> Path:
    """Write a PNG of an HTML page (its text) at width x height."""
    progress = progress or QUIET
    chromium = find_chromium()
    if chromium is None:
        raise PolicygraphError("--png needs Chromium (/usr/bin/chromium); install it with "
                               "`apt-get install chromium` or set POLICYGRAPH_CHROMIUM")
    png_path = Path(png_path).resolve()
    png_path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="policygraph-shot-") as tmp:
        page_file, shot = Path(tmp) / "view.html", Path(tmp) / "shot.png"
        page_file.write_text(page, encoding="utf-8")
        progress(f"Taking a screenshot with {chromium}")
        try:
            proc = subprocess.run(_command(chromium, page_file, shot, Path(tmp) / "profile", width, height),
                                  capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise PolicygraphError(f"Chromium took more than {timeout:.0f}s to take the screenshot") from None
        if not shot.exists() or shot.stat().st_size == 0:
            tail = (proc.stderr or "").strip().splitlines()[-3:]
            raise PolicygraphError(f"Chromium wrote no screenshot (exit {proc.returncode}): {' | '.join(tail)}")
        shutil.move(str(shot), png_path)
    progress(f"Wrote {png_path}")
    return png_path
