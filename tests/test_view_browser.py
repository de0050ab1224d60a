"""The browser view in real headless Chromium (Debian's /usr/bin/chromium driven by Playwright for Python).

Checks, on a hand-built graph and on the corpus build (a fresh one per session, conftest.py): no console errors,
node and edge counts equal the graph's, search finds a firm by an alias and centres it, the type filter hides
that type, a click highlights neighbours, injected markup in quotes and aliases never runs, "Save PNG"
downloads a PNG, and the page makes no network request at all.

Needs: apt-get install chromium; pip install playwright (never `playwright install`: we use /usr/bin/chromium).
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from policygraph.graph.model import entity_id
from policygraph.queries import view as V
from test_view import big_graph, sample_graph

CHROMIUM = os.environ.get("POLICYGRAPH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

if not Path(CHROMIUM).exists():
    pytest.skip(f"browser tests skipped: no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="browser tests skipped: Playwright for Python is not installed "
                                      "(pip install playwright; no `playwright install` needed)")


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


class Opened:
    """A view loaded in a fresh browser context, with what it logged and requested."""

    def __init__(self, browser, path: Path, timeout_ms: int = 60_000, viewport=(1400, 900)) -> None:
        self.url = path.resolve().as_uri()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                           accept_downloads=True)
        self.context.on("request", lambda r: self.requests.append(r.url))
        # anything but the page itself is recorded above and refused here, so a leak fails fast and offline
        self.context.route("**/*", lambda route: route.continue_() if route.request.url == self.url
                           else route.abort())
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(f"console.{m.type}: {m.text}")
                     if m.type in ("error", "assert") else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("websocket", lambda ws: self.requests.append(ws.url))
        t0 = time.perf_counter()
        self.page.goto(self.url)
        self.page.wait_for_function("() => window.pgView && window.pgView.state.ready", timeout=timeout_ms)
        self.load_seconds = time.perf_counter() - t0

    def js(self, expr: str, arg=None):
        return self.page.evaluate(expr, arg)

    def network_requests(self) -> list[str]:
        """Every request but the page itself (data: URLs are not network)."""
        return [u for u in self.requests if u != self.url and not u.startswith("data:")]

    def node_dom_xy(self, node_id: str) -> tuple[float, float]:
        return tuple(self.js("""(id) => {
            const net = window.pgView.network, r = document.getElementById('pg-network').getBoundingClientRect();
            const p = net.canvasToDOM(net.getPositions([id])[id]);
            return [r.left + p.x, r.top + p.y];
        }""", node_id))

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def kg():
    return sample_graph()


@pytest.fixture(scope="module")
def sample_file(kg, tmp_path_factory):
    return V.render_view(kg, tmp_path_factory.mktemp("browser") / "view.html")


@pytest.fixture
def view(browser, sample_file):
    v = Opened(browser, sample_file)
    yield v
    v.close()


def counts(v: Opened) -> dict:
    return v.js("() => Object.assign(window.pgView.visibleCounts(), "
                "{dsNodes: window.pgView.nodes.length, dsEdges: window.pgView.edges.length})")


def assert_clean(v: Opened) -> None:
    assert v.errors == [], v.errors
    assert v.network_requests() == [], v.network_requests()


def search_and_pick(v: Opened, text: str) -> None:
    v.page.fill("#pg-search", text)
    v.page.wait_for_selector("#pg-results li[data-id]")
    v.page.press("#pg-search", "Enter")


def check_search_finds(v: Opened, kg, text: str, want_id: str) -> None:
    search_and_pick(v, text)
    v.page.wait_for_function("(id) => { const n = window.pgView.network;"
                             " return n.getSelectedNodes().length === 1 && n.getSelectedNodes()[0] === id; }",
                             arg=want_id)
    assert v.page.is_visible("#pg-details")
    assert kg.entities[want_id].name in v.page.inner_text("#pg-details-body")
    # centred: after the focus animation the node sits in the middle of the canvas
    v.page.wait_for_timeout(700)
    cx, cy = v.node_dom_xy(want_id)
    box = v.page.locator("#pg-network").bounding_box()
    assert abs(cx - (box["x"] + box["width"] / 2)) < 40 and abs(cy - (box["y"] + box["height"] / 2)) < 40


def check_type_filter(v: Opened, kg, type_: str) -> None:
    shown = [e for e in kg.entities.values() if e.type == type_]
    assert shown, f"no {type_} in the graph"
    before = counts(v)
    v.page.uncheck(f'#pg-legend input[data-type="{type_}"]')
    hidden = v.js("() => Object.fromEntries(window.pgView.nodes.get().map(n => [n.id, !!n.hidden]))")
    for nid, h in hidden.items():
        assert h == (kg.entities[nid].type == type_), nid
    edges_hidden = v.js("() => window.pgView.edges.get().filter(e => e.hidden).map(e => e.id)")
    want = {r.id for r in kg.relations.values()
            if kg.entities[r.subject].type == type_ or kg.entities[r.object].type == type_}
    assert set(edges_hidden) == want
    after = counts(v)
    assert after["nodes"] == before["nodes"] - len(shown) and after["edges"] == before["edges"] - len(want)
    status = v.page.inner_text("#pg-status")
    assert f"{after['nodes']} of {before['nodes']} entities" in status
    v.page.check(f'#pg-legend input[data-type="{type_}"]')
    assert counts(v)["nodes"] == before["nodes"]


# -- the hand-built graph -------------------------------------------------------------------------------------
def test_page_shows_the_whole_graph_without_errors_or_network(view, kg):
    c = counts(view)
    assert (c["dsNodes"], c["dsEdges"]) == (len(kg.entities), len(kg.relations))
    assert (c["nodes"], c["edges"]) == (len(kg.entities), len(kg.relations))
    assert view.page.get_attribute("#pg-status", "data-nodes") == str(len(kg.entities))
    assert view.page.get_attribute("#pg-status", "data-edges") == str(len(kg.relations))
    # the legend lists every type present, with the ontology's colour
    assert view.page.locator("#pg-legend label").count() == len({e.type for e in kg.entities.values()})
    assert view.page.is_visible("#pg-legend")
    assert_clean(view)


def test_search_finds_a_firm_by_an_alias_and_centres_it(view, kg):
    check_search_finds(view, kg, "Hynix Semiconductor", entity_id("Firm", "SK Hynix"))
    assert "alias" not in view.page.inner_text("#pg-results")  # the list closes after the pick
    # a partial alias works too, and the list says which alias matched
    view.page.fill("#pg-search", "qcel")
    view.page.wait_for_selector("#pg-results li[data-id]")
    first = view.page.locator("#pg-results li").first
    assert first.get_attribute("data-id") == entity_id("Firm", "Hanwha Q Cells") and "alias: Qcells" in first.inner_text()
    assert_clean(view)


def test_type_relation_and_year_filters_hide_and_show(view, kg):
    check_type_filter(view, kg, "Firm")
    # relation type
    view.page.click("#pg-preds-sec summary") if not view.page.is_visible("#pg-preds") else None
    view.page.uncheck('#pg-preds input[value="INVESTS_IN"]')
    hidden = set(view.js("() => window.pgView.edges.get().filter(e => e.hidden).map(e => e.id)"))
    assert hidden == {r.id for r in kg.relations.values() if r.predicate == "INVESTS_IN"}
    view.page.check('#pg-preds input[value="INVESTS_IN"]')
    # years: from 2019 on, undated relations stay unless excluded
    view.page.click("#pg-years-sec summary")
    view.page.fill("#pg-years input[aria-label='first year']", "2019")
    hidden = set(view.js("() => window.pgView.edges.get().filter(e => e.hidden).map(e => e.id)"))
    assert hidden == {r.id for r in kg.relations.values() if r.props.get("year") and r.props["year"] < 2019}
    # documents
    view.page.click("#pg-docs-sec summary")
    view.page.click("#pg-reset")
    view.page.uncheck('#pg-docs input[value="doc-b"]')
    hidden = set(view.js("() => window.pgView.nodes.get().filter(n => n.hidden).map(n => n.id)"))
    assert hidden == {e.id for e in kg.entities.values() if e.docs == {"doc-b"}}
    # no reload happened: the same page object, the same network
    assert view.js("() => performance.getEntriesByType('navigation').length") == 1
    assert_clean(view)


def test_click_highlights_neighbours(view, kg):
    hynix = entity_id("Firm", "SK Hynix")
    x, y = view.node_dom_xy(hynix)
    view.page.mouse.click(x, y)
    assert view.js("() => window.pgView.network.getSelectedNodes()") == [hynix]
    colours = view.js("() => Object.fromEntries(window.pgView.nodes.get().map(n => [n.id, n.color.background]))")
    neighbours = {hynix} | {r.object for r in kg.relations.values() if r.subject == hynix} | \
        {r.subject for r in kg.relations.values() if r.object == hynix}
    for nid, colour in colours.items():
        assert (colour == "#eceef1") == (nid not in neighbours), nid
    # clicking the empty canvas clears it
    box = view.page.locator("#pg-network").bounding_box()
    view.page.mouse.click(box["x"] + 5, box["y"] + box["height"] - 5)
    assert view.js("() => window.pgView.network.getSelectedNodes()") == []
    assert "#eceef1" not in view.js("() => window.pgView.nodes.get().map(n => n.color.background)")
    assert_clean(view)


def test_injected_markup_in_quotes_and_aliases_never_runs(view, kg):
    rel = next(r for r in kg.relations.values() if r.predicate == "INVESTS_IN" and r.object == entity_id("USState", "Indiana"))
    view.js("(id) => window.pgView.selectEdge(id)", rel.id)
    body = view.page.inner_text("#pg-details-body")
    assert "<script>window.__pwned=1</script>" in body and 'onerror="window.__pwned=2"' in body
    assert "Evidence (1)" in body and "doc-a" in body and "$3.9B" in body and "0.90" in body
    samsung = entity_id("Firm", "Samsung Electronics")
    x, y = view.node_dom_xy(samsung)
    view.page.mouse.move(x, y)
    view.page.wait_for_selector("#pg-tip", state="visible")
    assert "<b onmouseover" in view.page.inner_text("#pg-tip")
    view.page.mouse.click(x, y)
    assert '<b onmouseover="window.__pwned=3">Samsung</b>' in view.page.inner_text("#pg-details-body")
    view.page.fill("#pg-search", "onmouseover")
    view.page.wait_for_selector("#pg-results li[data-id]")
    view.page.hover("#pg-results li[data-id]")
    assert view.js("() => document.querySelectorAll('#pg-side b, #pg-main b[onmouseover], img, "
                   "#pg-details script, #pg-results script').length") == 0
    assert view.js("() => window.__pwned") is None
    assert_clean(view)  # a blocked inline script would also show up as a CSP console error


def test_save_png_button_downloads_a_png(view, tmp_path):
    with view.page.expect_download() as info:
        view.page.click("#pg-png")
    d = info.value
    assert d.suggested_filename == "policygraph-view.png"
    target = tmp_path / "shot.png"
    d.save_as(target)
    data = target.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000
    assert_clean(view)


def test_path_view_highlights_the_linking_path(browser, kg, tmp_path):
    f = V.render_view(kg, tmp_path / "path.html", path=["Indiana", "KORUS FTA"])
    v = Opened(browser, f)
    try:
        on_path = v.js("() => window.pgView.edges.get().filter(e => e.color && e.color.color === window.pgView.data.meta.pathColor)"
                       ".map(e => [e.from, e.to])")
        ends = {frozenset(p) for p in on_path}
        assert frozenset((entity_id("Firm", "SK Hynix"), entity_id("USState", "Indiana"))) in ends
        assert "linking path" in v.page.inner_text("#pg-legend-extra")
        assert "Path: Indiana ↔ KORUS FTA" in v.page.inner_text("#pg-notes")
        assert_clean(v)
    finally:
        v.close()


def test_big_graph_uses_a_fixed_layout_and_is_interactive(browser, tmp_path):
    g = big_graph(600)
    f = V.render_view(g, tmp_path / "big.html")
    v = Opened(browser, f, timeout_ms=30_000)
    try:
        c = counts(v)
        assert (c["dsNodes"], c["dsEdges"]) == (len(g.entities), len(g.relations))
        assert v.js("() => window.pgView.network.physics.options.enabled") is False
        check_search_finds(v, g, "alias-123", next(e.id for e in g.entities.values() if e.name == "Entity 0123"))
        assert v.load_seconds < 20
        assert_clean(v)
    finally:
        v.close()


# -- the corpus build ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def corpus(corpus_build):
    """The session's fresh corpus build (conftest.py): its graph and the view.html the build wrote."""
    return corpus_build


def test_corpus_view_in_chromium(browser, corpus):
    """Issue 4's check: the corpus view as `policygraph build` writes it (DIR/view.html), in real Chromium."""
    kg = corpus.kg
    v = Opened(browser, corpus.out / "view.html")
    try:
        # no console errors, and the page's counts are the graph's
        assert v.errors == [], v.errors
        c = counts(v)
        assert (c["dsNodes"], c["dsEdges"]) == (len(kg.entities), len(kg.relations))
        assert (c["nodes"], c["edges"]) == (len(kg.entities), len(kg.relations))
        assert v.page.get_attribute("#pg-status", "data-nodes") == str(len(kg.entities))
        assert v.page.get_attribute("#pg-status", "data-edges") == str(len(kg.relations))
        assert v.page.inner_text("#pg-status").startswith(f"{len(kg.entities)} entities · {len(kg.relations)} relations")
        # search finds SK Hynix by an alias (one that is not just its name in other letter case)
        e = next(x for x in kg.entities.values() if x.name == "SK Hynix")
        aliases = sorted(a for a in e.aliases if V._fold(a) != V._fold(e.name))
        assert aliases, f"the corpus graph has no alias for SK Hynix: {sorted(e.aliases)}"
        alias = max(aliases, key=len)  # e.g. "SK Hynix Inc.": matches the alias exactly, the name only in part
        v.page.fill("#pg-search", alias)
        v.page.wait_for_selector("#pg-results li[data-id]")
        first = v.page.locator("#pg-results li").first
        assert first.get_attribute("data-id") == e.id and f"alias: {alias}" in first.inner_text()
        v.page.fill("#pg-search", "")
        check_search_finds(v, kg, alias, e.id)
        v.js("() => window.pgView.clearSelection()")
        # a type filter hides exactly that type's entities and their relations
        check_type_filter(v, kg, "Firm")
        check_type_filter(v, kg, "Country")
        # and nothing was fetched, nothing failed
        assert_clean(v)
    finally:
        v.close()


def test_corpus_view_png_command(browser, corpus, tmp_path):
    """The README's screenshot command writes a PNG of a readable corpus view with its legend."""
    from policygraph.cli import main

    page, png = tmp_path / "hynix.html", tmp_path / "hynix.png"
    argv = ["view", "--out", str(corpus.out), "--focus", "SK Hynix", "--hops", "2", "-o", str(page), "--png", str(png)]
    assert main(argv + ["-q"]) == 0
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1600, 1000) and len(data) > 50_000
    # what the screenshot shows, at the same size: the legend with every type present, and the graph at a
    # zoom where labels are drawn at a legible size (vis-network skips labels under 5 px)
    v = Opened(browser, page, viewport=(1600, 1000))
    try:
        shown = {e["type"] for e in v.js("() => Object.values(window.pgView.data.nodeInfo)")}
        legend = v.page.locator("#pg-legend label .pg-name").all_inner_texts()
        assert set(legend) == shown and v.page.is_visible("#pg-legend")
        font = v.js("() => window.pgView.data.options.nodes.font.size")
        assert font * v.js("() => window.pgView.network.getScale()") >= 10
        assert v.js("() => window.pgView.visibleCounts().nodes") >= 10
        assert_clean(v)
    finally:
        v.close()


def test_html_brief_embeds_a_working_view(browser, corpus, tmp_path):
    """`policygraph brief Hanwha --with Georgia -o dyad.html`: the embedded, focused view runs in its sandboxed
    frame under the brief's CSP, offline, without errors, and highlights the path."""
    from policygraph.queries.briefing import brief

    page = tmp_path / "dyad.html"
    brief(corpus.kg, "Hanwha", with_="Georgia", out=page, docs_dir=corpus.out / "documents")
    errors, requests = [], []
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    url = page.resolve().as_uri()
    context.on("request", lambda r: requests.append(r.url))
    context.route("**/*", lambda route: route.continue_() if route.request.url == url else route.abort())
    try:
        p = context.new_page()
        p.on("console", lambda m: errors.append(m.text) if m.type in ("error", "assert") else None)
        p.on("pageerror", lambda e: errors.append(str(e)))
        p.goto(url)
        p.locator("iframe.view").scroll_into_view_if_needed()  # frames off screen are not drawn
        frame = next(f for f in p.frames if f != p.main_frame)
        frame.wait_for_function("() => window.pgView && window.pgView.state.ready", timeout=30_000)
        names = frame.evaluate("() => Object.values(window.pgView.data.nodeInfo).map(n => n.name)")
        assert {"Hanwha Q Cells", "Georgia"} <= set(names)
        assert frame.evaluate("() => window.pgView.data.meta.path.count") >= 1
        assert errors == [], errors
        assert [u for u in requests if u != url and not u.startswith(("data:", "about:"))] == []
    finally:
        context.close()
