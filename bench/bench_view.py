"""How long until a 2,000-node view is interactive in headless Chromium.

    python bench/bench_view.py [--nodes 2000] [--edges-per-node 2] [--runs 3]

Builds a made-up graph (clusters of firms, countries, sectors... plus isolated entities), renders the view
with render_view (Python layout above LAYOUT_THRESHOLD nodes, physics off), opens it in /usr/bin/chromium
through Playwright and reports:
  - render:       Python time to select, lay out and write the page
  - interactive:  from navigation start to the first drawn frame with every handler in place (in-page clock)
  - wall:         from page.goto() to that point, as the test harness sees it
  - click:        a node click until its neighbours are highlighted and the details panel shows
  - search:       typing an alias + Enter until the match is selected and centred
  - filter:       unticking one entity type until its nodes are hidden
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from policygraph.graph.model import Entity, Evidence, KnowledgeGraph, Relation, entity_id
from policygraph.queries.view import find_chromium, render_view

TYPES = ["Firm", "Country", "Sector", "Policy", "USState", "Agreement", "Person", "GovernmentBody"]
PREDICATES = ["INVESTS_IN", "OPERATES_IN", "LOCATED_IN", "TARGETS", "IMPOSES", "PARTY_TO", "NEGOTIATES"]


def made_up_graph(n: int, edges_per_node: float, seed: int = 11) -> KnowledgeGraph:
    rnd = random.Random(seed)
    kg = KnowledgeGraph()
    ents = []
    for i in range(n):
        t = TYPES[i % len(TYPES)]
        name = f"{t} {i:05d}"
        e = Entity(entity_id(t, name), name, t, {name, f"alias {i:05d}"}, {f"doc-{i % 20:02d}"}, None, "pattern")
        kg.add_entity(e)
        ents.append(e)
    clusters = max(1, n // 150)
    linked = ents[: int(n * 0.9)]  # the rest stay isolated, as in real builds
    for i in range(int(n * edges_per_node)):
        c = rnd.randrange(clusters)
        pool = linked[c::clusters]
        a, b = rnd.sample(pool, 2) if rnd.random() < 0.97 else rnd.sample(linked, 2)
        props = {"year": 2005 + rnd.randrange(20)}
        if rnd.random() < 0.25:
            props["amount_usd"] = float(rnd.choice([2e7, 3e8, 1.5e9, 7e9]))
        quote = f"Made-up sentence {i} supporting the fact."
        kg.add_relation(Relation(a.id, rnd.choice(PREDICATES), b.id, props, 0.7,
                                 [Evidence(f"doc-{i % 20:02d}", i, i + len(quote), quote)]))
    return kg


def measure(browser, url: str, probe_id: str, probe_alias: str) -> dict:
    ctx = browser.new_context(viewport={"width": 1600, "height": 1000})
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    t0 = time.perf_counter()
    page.goto(url)
    page.wait_for_function("() => window.pgView && window.pgView.state.ready", timeout=120_000, polling=10)
    wall = time.perf_counter() - t0
    ready_ms = page.evaluate("() => window.pgView.state.readyMs")
    click_ms = page.evaluate("""(id) => {
        const t = performance.now();
        window.pgView.select(id, false);
        return performance.now() - t;
    }""", probe_id)
    page.evaluate("() => window.pgView.clearSelection()")
    t1 = time.perf_counter()
    page.fill("#pg-search", probe_alias)
    page.press("#pg-search", "Enter")
    page.wait_for_function("(id) => window.pgView.network.getSelectedNodes()[0] === id", arg=probe_id, polling=10)
    search_s = time.perf_counter() - t1
    page.evaluate("() => window.pgView.clearSelection()")
    t2 = time.perf_counter()
    page.uncheck('#pg-legend input[data-type="Firm"]')
    page.wait_for_function("() => window.pgView.visibleCounts().nodes < window.pgView.visibleCounts().totalNodes",
                           polling=10)
    filter_s = time.perf_counter() - t2
    ctx.close()
    if errors:
        raise SystemExit(f"page errors: {errors[:3]}")
    return {"interactive": ready_ms / 1000, "wall": wall, "click": click_ms / 1000, "search": search_s,
            "filter": filter_s}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--nodes", type=int, default=2000)
    ap.add_argument("--edges-per-node", type=float, default=2.0)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    chromium = find_chromium()
    if chromium is None:
        print("bench_view: no Chromium (apt-get install chromium)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    kg = made_up_graph(args.nodes, args.edges_per_node)
    probe = next(e for e in kg.entities.values() if e.type == "Firm" and e.name.endswith("00008"))
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        out = render_view(kg, Path(tmp) / "view.html")
        render_s = time.perf_counter() - t0
        size_mb = out.stat().st_size / 1e6
        rows = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, headless=True,
                                        args=["--headless", "--no-sandbox", "--disable-gpu",
                                              "--disable-background-networking"])
            for _ in range(args.runs):
                rows.append(measure(browser, out.resolve().as_uri(), probe.id, "alias 00008"))
            browser.close()
    med = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
    print(f"view of {len(kg.entities)} nodes / {len(kg.relations)} edges, {size_mb:.1f} MB HTML, "
          f"headless Chromium, median of {args.runs}:")
    print(f"  render (Python, layout incl.)  {render_s:6.2f} s")
    print(f"  interactive after load         {med['interactive']:6.2f} s   (wall from goto: {med['wall']:.2f} s)")
    print(f"  click -> neighbours lit        {med['click'] * 1000:6.0f} ms")
    print(f"  search alias -> centred        {med['search'] * 1000:6.0f} ms")
    print(f"  type filter -> hidden          {med['filter'] * 1000:6.0f} ms")
    print(f"TIME_TO_INTERACTIVE_S={med['interactive']:.2f}")
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from common import save

    save("view", {"nodes": len(kg.entities), "edges": len(kg.relations), "html_mb": size_mb, "runs": args.runs,
                  "render_s": render_s, "median": med, "all_runs": rows, "goal_interactive_s": 3.0})
    return 0


if __name__ == "__main__":
    sys.exit(main())
