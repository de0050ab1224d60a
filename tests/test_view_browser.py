"""The browser view in real headless Chromium (Debian's /usr/bin/chromium driven by Playwright for Python).

Checks, on hand-built graphs and on the corpus build (a fresh one per session, conftest.py): no console errors
and no network request at all; counts; search through the one name resolver (the same answers as Python's);
filters; a click highlights neighbours; injected markup never runs; and issue 11's "done when": at the opening
zoom the most connected entities are labelled; at most one drawn line per predicate and direction between two
entities; the path view highlights only the listed paths' relations; a type filter lays out and re-fits; the
time slider and the state map work; CSV, PNG and SVG exports hold what is on screen; each quote opens its
document's page with the quote highlighted.

Needs: apt-get install chromium; pip install playwright (never `playwright install`: we use /usr/bin/chromium).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from policygraph.graph.model import entity_id
from policygraph.queries import view as V
from test_view import big_graph, sample_graph

CHROMIUM = os.environ.get("POLICYGRAPH_CHROMIUM", "/usr/bin/chromium")
pytestmark = pytest.mark.slow
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
        self.page.goto(self.url)
        self.page.wait_for_function("() => window.pgView && window.pgView.state.ready", timeout=timeout_ms)

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


def hidden_lines(v: Opened) -> set[str]:
    return set(v.js("() => window.pgView.edges.get().filter(e => e.hidden).map(e => e.id)"))


def lines_of(data: dict, facts) -> set[str]:
    return {data["facts"][f]["line"] for f in facts}


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


def visible_box(v: Opened) -> dict:
    """The visible entities' extent in page pixels, and the canvas size."""
    return v.js("""() => {
        const v = window.pgView, net = v.network, ids = v.data.nodes.map(n => n.id).filter(id => !v.state.hidden.nodes[id]);
        const pos = net.getPositions(ids), xs = [], ys = [];
        ids.forEach(id => { const p = net.canvasToDOM(pos[id]); xs.push(p.x); ys.push(p.y); });
        const c = document.getElementById('pg-network');
        return {minx: Math.min(...xs), maxx: Math.max(...xs), miny: Math.min(...ys), maxy: Math.max(...ys),
                w: c.clientWidth, h: c.clientHeight, n: ids.length};
    }""")


def assert_fitted(v: Opened) -> None:
    """What is visible is in the window, centred, and fills it (or is shown at full size: vis-network's fit
    never zooms in beyond 1)."""
    b = visible_box(v)
    assert b["minx"] >= 0 and b["miny"] >= 0 and b["maxx"] <= b["w"] and b["maxy"] <= b["h"], b
    assert abs((b["minx"] + b["maxx"]) / 2 - b["w"] / 2) < 0.1 * b["w"], b
    assert abs((b["miny"] + b["maxy"]) / 2 - b["h"] / 2) < 0.1 * b["h"], b
    filled = (b["maxx"] - b["minx"]) >= 0.6 * b["w"] or (b["maxy"] - b["miny"]) >= 0.6 * b["h"]
    assert filled or v.js("() => window.pgView.network.getScale()") >= 0.9, b


def check_type_filter(v: Opened, kg, type_: str) -> None:
    """Unchecking a type hides exactly its entities and their lines, lays out what is left and fits it."""
    data = v.js("() => window.pgView.data")
    shown = {e.id for e in kg.entities.values() if e.type == type_} & {n["id"] for n in data["nodes"]}
    assert shown, f"no {type_} in the view"
    before, layouts = counts(v), v.js("() => window.pgView.state.layouts")
    was_hidden = v.js("() => Object.fromEntries(window.pgView.nodes.get().map(n => [n.id, !!n.hidden]))")
    v.page.uncheck(f'#pg-legend input[data-type="{type_}"]')
    hidden = v.js("() => Object.fromEntries(window.pgView.nodes.get().map(n => [n.id, !!n.hidden]))")
    assert all(hidden[i] for i in shown)
    want = {ln for ln, x in data["lines"].items() if x["from"] in shown or x["to"] in shown}
    assert want <= hidden_lines(v)
    after = counts(v)
    assert after["nodes"] <= before["nodes"] - sum(1 for i in shown if not was_hidden[i])
    assert f"{after['nodes']} of {after['totalNodes']} entities" in v.page.inner_text("#pg-status")
    assert v.js("() => window.pgView.state.layouts") == layouts + 1  # laid out again ...
    assert_fitted(v)  # ... and fitted
    v.page.check(f'#pg-legend input[data-type="{type_}"]')
    assert counts(v)["nodes"] == before["nodes"]


# -- a hand-built graph ---------------------------------------------------------------------------------------
def test_page_shows_the_graph_without_errors_or_network(view, kg):
    c = counts(view)
    keys = {(r.subject, r.predicate, r.object) for r in kg.relations.values()}
    assert (c["dsNodes"], c["dsEdges"]) == (len(kg.entities), len(keys))  # one line per subject, predicate, object
    assert (c["nodes"], c["facts"]) == (len(kg.entities), len(kg.relations))  # every entity here has a relation
    assert view.page.get_attribute("#pg-status", "data-nodes") == str(len(kg.entities))
    assert view.page.locator("#pg-legend label").count() == len({e.type for e in kg.entities.values()})
    assert_clean(view)


def test_amounts_read_the_same_in_the_page_as_in_briefs_and_explain(view):
    from policygraph.queries.facts import format_usd

    amounts = [3.87e9, 2e9, 17.8e9, 5e8, 419e6, 1.2e12, 1234.5e12, 1200, 950, 12, -2.5e9, 1e6, 999999, 2.675e9]
    got = view.js("(xs) => xs.map(x => window.PG.formatUsd(x))", amounts)
    assert got == [format_usd(a) for a in amounts]


def test_search_uses_the_one_name_resolver(view, kg):
    from policygraph.queries.names import resolve

    check_search_finds(view, kg, "Hynix Semiconductor", entity_id("Firm", "SK Hynix"))
    view.page.fill("#pg-search", "qcel")  # typing: a partial alias, and the list says which alias matched
    view.page.wait_for_selector("#pg-results li[data-id]")
    first = view.page.locator("#pg-results li").first
    assert first.get_attribute("data-id") == entity_id("Firm", "Hanwha Q Cells") and "alias: Qcells" in first.inner_text()
    # the same answers as policygraph view --focus / explain / brief
    for text in ("Hanwha", "hynix semiconductor", "SK Hinix", "the U.S.", "Georgia (USState)", "korus",
                 "Republic of Korea", "firm/sk-hynix", "semiconductor", "Moon"):
        got = view.js("(t) => window.pgView.resolve(t)", text)
        assert got.get("id") == resolve(kg, text).id, (text, got)
    assert view.js("() => window.pgView.resolve('Narnia Republic')")["unknown"] is True
    # too far to take, close enough to suggest (Python: "no entity named 'Inda'; did you mean: Indiana?")
    got = view.js("() => window.pgView.resolve('Inda')")
    assert got["unknown"] is True and got["suggest"][0] == entity_id("USState", "Indiana")
    view.page.fill("#pg-search", "Inda")
    view.page.wait_for_selector("#pg-results li[data-id]")
    assert "did you mean?" in view.page.locator("#pg-results li").first.inner_text()
    assert_clean(view)


def test_relation_document_and_time_filters(view, kg):
    view.page.uncheck('#pg-preds input[value="INVESTS_IN"]')
    data = view.js("() => window.pgView.data")
    assert hidden_lines(view) == lines_of(data, [r.id for r in kg.relations.values() if r.predicate == "INVESTS_IN"])
    view.page.check('#pg-preds input[value="INVESTS_IN"]')
    # the time slider: facts from 2019 on; the histogram shows facts per year, the ones in range marked
    bars = view.js("() => [...document.querySelectorAll('#pg-hist rect')].map(r => [+r.dataset.year, +r.dataset.count])")
    assert {y: c for y, c in bars if c} == dict(data["years"]["hist"])
    view.js("""() => { const r = document.querySelector('#pg-years input[aria-label="first year"]');
        r.value = 2019; r.dispatchEvent(new Event('input')); }""")
    early = [r.id for r in kg.relations.values() if r.props.get("year") and r.props["year"] < 2019]
    assert hidden_lines(view) == lines_of(data, early)
    assert view.js("() => document.querySelectorAll('#pg-hist rect.pg-out').length") == 2019 - min(y for y, _ in bars)
    assert view.page.inner_text(".pg-yrange") == "2019 – 2024"
    view.page.uncheck("#pg-undated")  # and without undated facts
    undated = [r.id for r in kg.relations.values() if not r.props.get("year")]
    assert hidden_lines(view) == lines_of(data, early + undated)
    # documents
    view.page.click("#pg-reset")
    assert hidden_lines(view) == set()
    view.page.click("#pg-docs-sec summary")
    view.page.uncheck('#pg-docs input[value="doc-b"]')
    hidden = set(view.js("() => window.pgView.nodes.get().filter(n => n.hidden).map(n => n.id)"))
    assert {e.id for e in kg.entities.values() if e.docs == {"doc-b"}} <= hidden
    assert view.js("() => performance.getEntriesByType('navigation').length") == 1  # no reload
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
    # its panel lists its lines, its own statements first
    assert view.page.locator("#pg-details-rels li").count() == 3
    box = view.page.locator("#pg-network").bounding_box()
    view.page.mouse.click(box["x"] + 5, box["y"] + box["height"] - 5)
    assert view.js("() => window.pgView.network.getSelectedNodes()") == []
    assert "#eceef1" not in view.js("() => window.pgView.nodes.get().map(n => n.color.background)")
    assert_clean(view)


def test_injected_markup_in_quotes_and_aliases_never_runs(view, kg):
    rel = next(r for r in kg.relations.values() if r.predicate == "INVESTS_IN" and r.object == entity_id("USState", "Indiana"))
    line = view.js("(id) => window.pgView.data.facts[id].line", rel.id)
    view.js("(id) => window.pgView.selectEdge(id)", line)
    body = view.page.inner_text("#pg-details-body")
    assert "<script>window.__pwned=1</script>" in body and 'onerror="window.__pwned=2"' in body
    assert "doc-a" in body and "$3.87 billion" in body and "0.90" in body and "2024" in body
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
    assert view.js("() => document.querySelectorAll('#pg-side b[onmouseover], #pg-main b[onmouseover], img, "
                   "#pg-details script, #pg-results script').length") == 0
    assert view.js("() => window.__pwned") is None
    assert_clean(view)


def test_big_graph_uses_a_fixed_layout_and_is_interactive(browser, tmp_path):
    g = big_graph(600)
    f = V.render_view(g, tmp_path / "big.html")
    v = Opened(browser, f)  # the wait every view gets: a page that never gets ready fails, however slowly
    try:
        c = counts(v)
        assert c["dsNodes"] == len(g.entities) and c["facts"] == len(g.relations)
        assert v.js("() => window.pgView.network.physics.options.enabled") is False
        check_search_finds(v, g, "alias-123", next(e.id for e in g.entities.values() if e.name == "Entity 0123"))
        assert_clean(v)
    finally:
        v.close()


# -- a graph with investments into US states, joint amounts and home countries -------------------------------
def invest_graph():
    """Made-up investments: a joint amount stated for two states (joint_id), a Korean and a Japanese firm, a
    country's own pledge to a sector (not a state), a proposed investment."""
    from policygraph.graph.model import Entity, Evidence, KnowledgeGraph, Relation

    kg = KnowledgeGraph()
    ents = [("Country", "South Korea", None), ("Country", "Japan", None), ("Firm", "Battery Co", "country/south-korea"),
            ("Firm", "Motor Co", "country/south-korea"), ("Firm", "Nippon Parts", "country/japan"),
            ("USState", "Kentucky", None), ("USState", "Tennessee", None), ("USState", "Georgia", None),
            ("Sector", "pharmaceuticals", None)]
    for type_, name, home in ents:
        kg.add_entity(Entity(entity_id(type_, name), name, type_, {name}, {"doc-m"}, None, "gazetteer", home))
    text, at = "", {}

    def rel(s, o, props, quote, conf=0.8):
        nonlocal text
        if quote not in at:
            at[quote] = len(text)
            text += quote + "\n"
        kg.add_relation(Relation(s, "INVESTS_IN", o, props, conf, [Evidence("doc-m", at[quote], at[quote] + len(quote), quote)]))
    joint = "Battery Co will invest $11.4 billion in battery parks in Kentucky and Tennessee."
    for state in ("Kentucky", "Tennessee"):
        rel("firm/battery-co", entity_id("USState", state), {"amount_usd": 11.4e9, "year": 2021, "joint": True,
                                                             "joint_id": "j1"}, joint)
    rel("firm/motor-co", "usstate/georgia", {"amount_usd": 5.4e9, "year": 2022}, "Motor Co is building a $5.4 billion plant in Georgia.")
    rel("firm/motor-co", "usstate/georgia", {"amount_usd": 1e9, "year": 2024, "status": "proposed"},
        "Motor Co proposed another $1 billion for Georgia in 2024.")
    rel("firm/nippon-parts", "usstate/kentucky", {"amount_usd": 2e9, "year": 2020}, "Nippon Parts put $2 billion into Kentucky.")
    rel("country/south-korea", "sector/pharmaceuticals", {"amount_usd": 419e6, "year": 2019},
        "South Korea pledged $419 million to its pharmaceutical industry.")
    return kg, text


@pytest.fixture(scope="module")
def invest(tmp_path_factory):
    from policygraph.queries.sources import write_document_pages

    kg, text = invest_graph()
    out = tmp_path_factory.mktemp("invest")
    docs = out / "documents"
    docs.mkdir()
    (docs / "doc-m.txt").write_text(text, encoding="utf-8")
    write_document_pages(kg.documents, {"doc-m": text}, docs)
    return kg, V.render_view(kg, out / "view.html", docs_dir=docs), text


def test_state_map_shades_states_and_lists_their_investments(browser, invest):
    kg, page, _ = invest
    v = Opened(browser, page)
    try:
        v.page.click("#pg-map-btn")
        assert v.page.is_visible("#pg-map") and v.page.locator("#pg-map-svg path[data-state]").count() == 51
        assert v.page.input_value("#pg-map-country") == "country/south-korea"  # Korean investment by default
        amount = lambda s: float(v.page.get_attribute(f'#pg-map-svg path[data-state="{s}"]', "data-amount"))  # noqa: E731
        assert (amount("Georgia"), amount("Kentucky"), amount("Tennessee"), amount("Ohio")) == (6.4e9, 11.4e9, 11.4e9, 0)
        fill = lambda s: v.page.get_attribute(f'#pg-map-svg path[data-state="{s}"]', "fill")  # noqa: E731
        assert fill("Ohio") == "#eef0f2" and fill("Kentucky") != fill("Georgia") != fill("Ohio")
        assert "pg-joint" in v.page.get_attribute('#pg-map-svg path[data-state="Tennessee"]', "class")
        # the joint amount counts once in the total: 11.4 + 5.4 + 1 (the pharmaceutical pledge is no state's)
        assert "$17.8 billion in 3 amounts" in v.page.inner_text("#pg-map-total")
        v.page.click('#pg-map-svg path[data-state="Georgia"]')
        listed = v.page.inner_text("#pg-map-list")
        assert "Motor Co —INVESTS_IN ($5.4 billion, 2022)→ Georgia" in listed
        assert "Motor Co —INVESTS_IN ($1 billion, 2024, proposed)→ Georgia" in listed  # the status, shown
        assert "Motor Co is building a $5.4 billion plant in Georgia." in listed
        assert v.page.locator("#pg-map-list a.pg-src").count() == 2
        # another home country, and the map follows the filters
        v.page.select_option("#pg-map-country", "country/japan")
        assert (amount("Kentucky"), amount("Georgia")) == (2e9, 0)
        v.page.select_option("#pg-map-country", "country/south-korea")
        v.js("""() => { const r = document.querySelector('#pg-years input[aria-label="last year"]');
            r.value = 2022; r.dispatchEvent(new Event('input')); }""")
        assert amount("Georgia") == 5.4e9 and "$16.8 billion in 2 amounts" in v.page.inner_text("#pg-map-total")
        assert "US Census Bureau" in v.page.inner_text("#pg-map-source")
        assert_clean(v)
    finally:
        v.close()


def test_quotes_open_their_document_with_the_quote_highlighted(browser, invest):
    kg, page, text = invest
    v = Opened(browser, page)
    try:
        line = v.js("() => Object.keys(window.pgView.data.lines).find(l => window.pgView.data.lines[l].p === 'INVESTS_IN'"
                    " && window.pgView.data.lines[l].to === 'usstate/georgia')")
        v.js("(id) => window.pgView.selectEdge(id)", line)
        links = v.page.locator("#pg-details a.pg-src")
        assert links.count() == 2
        href = links.first.get_attribute("href")
        assert href.startswith("documents/doc-m.html#c=")
        start, end = map(int, href.split("#c=")[1].split("-"))
        url = (page.parent / href.split("#")[0]).resolve().as_uri() + "#" + href.split("#")[1]
        ctx = browser.new_context()
        ctx.route("**/*", lambda route: route.continue_() if route.request.url.split("#")[0] == url.split("#")[0]
                  else route.abort())
        try:
            doc = ctx.new_page()
            errors = []
            doc.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            doc.goto(url)
            doc.wait_for_selector("mark#cited")
            assert doc.inner_text("mark#cited") == text[start:end]  # exactly the cited characters
            assert "Highlighted: characters" in doc.inner_text("#doc-where") and errors == []
        finally:
            ctx.close()
        assert_clean(v)
    finally:
        v.close()


def test_exports_hold_what_is_on_screen(browser, invest, tmp_path):
    import csv
    import io
    import re as re_

    kg, page, _ = invest
    v = Opened(browser, page)
    try:
        v.page.uncheck('#pg-legend input[data-type="Sector"]')  # something filtered
        visible = set(v.js("() => Object.keys(window.pgView.state.visibleFacts)"))
        assert visible == {r.id for r in kg.relations.values() if r.object != "sector/pharmaceuticals"}
        with v.page.expect_download() as info:
            v.page.click("#pg-csv")
        target = tmp_path / "facts.csv"
        info.value.save_as(target)
        rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
        assert {r["fact_id"] for r in rows} == visible
        joint = [r for r in rows if r["joint_id"]]
        assert len(joint) == 2 and {r["object"] for r in joint} == {"Kentucky", "Tennessee"}
        assert all(r["quote"] and r["doc"] == "doc-m" and int(r["end"]) > int(r["start"]) for r in rows)
        # SVG: the entities and lines on screen, the labels drawn, the legend as drawn, title, filters, sources
        svg = v.js("() => window.pgView.svg()")
        on = v.js("() => Object.keys(window.pgView.onScreen())")
        lines = v.js("() => window.pgView.edges.get().filter(e => !e.hidden).map(e => e.id)")
        labelled = [n for n in on if v.js("(id) => window.pgView.nodeLabelShown(id)", n)]
        assert sorted(re_.findall(r'class="pg-node" data-id="([^"]+)"', svg)) == sorted(on)
        assert sorted(re_.findall(r'class="pg-line" data-id="([^"]+)"', svg)) == sorted(lines)
        assert len(re_.findall(r'class="pg-label"', svg)) == len(labelled) > 0
        # the legend holds the types on screen (South Korea's only relation was to the hidden sector)
        assert sorted(re_.findall(r'class="pg-legend-item" data-type="([^"]+)"', svg)) == ["Firm", "USState"]
        assert "Filters: types hidden: Sector" in svg and 'class="pg-title"' in svg and "doc-m" in svg
        (tmp_path / "view.svg").write_text(svg, encoding="utf-8")  # a well-formed document
        import xml.dom.minidom
        xml.dom.minidom.parse(str(tmp_path / "view.svg"))
        # PNG: the drawing with a title band above, sources below, and the legend's glyphs in the types' colours
        png = v.js("() => { const p = window.pgView.png(); return {w: p.width, h: p.height, legend: p.legend, head: p.head,"
                   " foot: p.foot, k: p.scale, url: p.url}; }")
        c = v.js("() => { const c = document.querySelector('#pg-network canvas'); return [c.width, c.height]; }")
        assert png["w"] == c[0] and png["h"] == round(c[1] + (png["head"] + png["foot"]) * png["k"])
        got = v.js("""(p) => new Promise(ok => { const img = new Image(); img.onload = () => {
            const cv = document.createElement('canvas'); cv.width = img.width; cv.height = img.height;
            const g = cv.getContext('2d'); g.drawImage(img, 0, 0);
            ok(p.legend.map(l => Array.from(g.getImageData(Math.round(l.x * p.k), Math.round(l.y * p.k), 1, 1).data)));
        }; img.src = p.url; })""", png)
        types = {t["name"]: t["color"] for t in v.js("() => window.pgView.data.types")}
        for item, rgba in zip(png["legend"], got):
            want = tuple(int(types[item["type"]][i:i + 2], 16) for i in (1, 3, 5))
            assert all(abs(a - b) <= 8 for a, b in zip(rgba[:3], want)), (item, rgba)
        assert sorted(x["type"] for x in png["legend"]) == ["Firm", "USState"]  # in the ontology's order
        assert_clean(v)
    finally:
        v.close()


# -- the corpus build ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def corpus(corpus_build):
    """The session's fresh corpus build (conftest.py): its graph and the view.html the build wrote."""
    return corpus_build


def most_connected(kg, n: int) -> list[str]:
    from collections import Counter

    deg = Counter(x for r in kg.relations.values() for x in (r.subject, r.object))
    return [i for i, _ in sorted(deg.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def test_corpus_view_opens_readable(browser, corpus):
    """Issue 11: at the opening zoom the 10 most connected entities are labelled (by vis-network's own label
    module, at 10 px or more, on screen); entities with no relation are hidden; between two entities at most
    one drawn line per predicate and direction."""
    kg = corpus.kg
    v = Opened(browser, corpus.out / "view.html", viewport=(1600, 1000))
    try:
        on = v.js("() => window.pgView.onScreen()")
        for eid in most_connected(kg, 10):
            assert on.get(eid) and v.js("(id) => window.pgView.nodeLabelShown(id)", eid), kg.entities[eid].name
        linked = {x for r in kg.relations.values() for x in (r.subject, r.object)}
        c = counts(v)
        assert c["dsNodes"] == len(kg.entities) and c["nodes"] == len(linked) < len(kg.entities)
        assert c["facts"] == len(kg.relations)
        assert f"{len(kg.entities) - len(linked)} with no relation hidden" in v.page.inner_text("#pg-status")
        drawn = v.js("() => window.pgView.edges.get().filter(e => !e.hidden).map(e => [e.from, e.to, "
                     "window.pgView.data.lines[e.id].p])")
        assert len(drawn) == len({tuple(d) for d in drawn}) == len({(r.subject, r.predicate, r.object)
                                                                    for r in kg.relations.values()})
        # every fact is in the panel of its line
        us, kr = entity_id("Country", "United States"), entity_id("Country", "South Korea")
        between = [r for r in kg.relations.values() if {r.subject, r.object} == {us, kr}]
        lines = v.js("(p) => Object.entries(window.pgView.data.lines).filter(([k, l]) => (l.from === p[0] && l.to === p[1])"
                     " || (l.from === p[1] && l.to === p[0])).map(([k, l]) => l.facts.length)", [us, kr])
        assert sum(lines) == len(between) and len(lines) < len(between)
        # search by an alias (one that is not just the name in other letter case)
        e = next(x for x in kg.entities.values() if x.name == "SK Hynix")
        alias = max((a for a in e.aliases if a.casefold() != e.name.casefold()), key=len)
        check_search_finds(v, kg, alias, e.id)
        v.js("() => window.pgView.clearSelection()")
        check_type_filter(v, kg, "Country")
        assert_clean(v)
    finally:
        v.close()


def test_corpus_path_view_highlights_only_the_listed_paths(browser, corpus, tmp_path):
    from policygraph.queries.linkage import explain

    page = corpus.view(tmp_path / "path.html", path=["SK Hynix", "South Korea"])
    v = Opened(browser, page)
    try:
        data = v.js("() => window.pgView.data")
        ex = explain(corpus.kg, "SK Hynix", "South Korea")
        listed = lines_of(data, [h.relation_id for p in ex.paths for h in p.hops])
        red = set(v.js("(c) => window.pgView.edges.get().filter(e => e.color && e.color.color === c).map(e => e.id)",
                       data["meta"]["pathColor"]))
        assert red == listed and len(red) <= sum(p.length for p in ex.paths)
        items = v.page.locator("#pg-paths li")
        assert items.count() == len(ex.paths)
        assert "SK Hynix → semiconductors → South Korea" in items.first.inner_text()
        assert_clean(v)
    finally:
        v.close()


def test_corpus_focus_caps_hubs_and_says_so(browser, corpus, tmp_path):
    page = corpus.view(tmp_path / "hynix.html", focus="SK Hynix", hops=2)
    v = Opened(browser, page)
    try:
        notes = v.page.inner_text("#pg-notes")
        assert "United States: 8 of its" in notes and "neighbours shown" in notes
        assert counts(v)["nodes"] <= 20
        assert "SK Hynix" in v.page.inner_text("#pg-details")  # the focus's own relations, first
        assert_clean(v)
    finally:
        v.close()


def test_corpus_view_png_command(browser, corpus, tmp_path):
    """The README's screenshot commands: the opening view and the state map, 1600x1000 PNGs."""
    from policygraph.cli import main

    for extra, name in (([], "view"), (["--map"], "map")):
        page, png = tmp_path / f"{name}.html", tmp_path / f"{name}.png"
        assert main(["view", "--out", str(corpus.out), "-o", str(page), "--png", str(png), "-q"] + extra) == 0
        data = png.read_bytes()
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000
        assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (1600, 1000)
    v = Opened(browser, tmp_path / "map.html", viewport=(1600, 1000))
    try:
        assert v.page.is_visible("#pg-map")  # --map opens the page on the map
        georgia = float(v.page.get_attribute('#pg-map-svg path[data-state="Georgia"]', "data-amount"))
        assert georgia >= 5.4e9  # Hyundai Motor Group's and Hanwha Q Cells' stated investments
        assert_clean(v)
    finally:
        v.close()


def test_html_brief_embeds_a_working_view_and_prints(browser, corpus, tmp_path):
    """`policygraph brief Hanwha --with Georgia -o dyad.html`: the embedded, focused view runs in its sandboxed
    frame under the brief's CSP, offline, without errors, and highlights the path; printed, the frame gives way
    to the static drawing."""
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
        assert p.is_visible("iframe.view") and not p.is_visible("figure.view-print")
        p.emulate_media(media="print")
        assert not p.is_visible("iframe.view") and p.is_visible("figure.view-print svg")
        assert errors == [], errors
        assert [u for u in requests if u != url and not u.startswith(("data:", "about:"))] == []
    finally:
        context.close()
