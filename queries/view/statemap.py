"""The view's map of US states, shaded by the investment stated into each state (by the firms of one home
country, South Korea by default), drawn offline from a bundled outline file.

view_assets/us_states.json holds one SVG path per state: the US Census Bureau's cartographic boundary files
(2017 edition, public domain) as redistributed by the npm package us-atlas 3.0.1 (ISC licence, states-albers-10m,
projected to 975x610), decoded and simplified once by tools/make_us_states.py. The page (view_assets/statemap.js)
sums the visible INVESTS_IN facts whose object is a US state, counting a joint amount once, and lists a
state's investments with their quotes when it is clicked.
"""
from __future__ import annotations

import functools
import json
from pathlib import Path


ASSET = Path(__file__).resolve().parent.parent / "view_assets" / "us_states.json"


@functools.lru_cache(maxsize=1)
def outlines() -> dict:
    """{'source': ..., 'viewBox': '0 0 975 610', 'states': {name: SVG path}}."""
    return json.loads(ASSET.read_text(encoding="utf-8"))


def payload(sel) -> dict | None:
    """The map's data for a view whose facts include an investment into a US state, else None."""
    states = {e.id: e.name for e in sel.entities if e.type == "USState"}
    if not any(r.predicate == "INVESTS_IN" and r.object in states for r in sel.relations):
        return None
    shapes = outlines()
    known = {name.casefold(): name for name in shapes["states"]}
    return {"viewBox": shapes["viewBox"], "source": shapes["source"], "paths": shapes["states"],
            "states": {i: known[n.casefold()] for i, n in states.items() if n.casefold() in known}}
