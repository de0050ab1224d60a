"""The browser view (queries/view.py), without a browser: what the page contains and how the CLI writes it.

The real-browser checks (console, counts, search, filters, network) are in test_view_browser.py.
"""
from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from policygraph.console import PolicygraphError
from policygraph.graph.model import Entity, Evidence, KnowledgeGraph, Relation, entity_id
from policygraph.queries import view as V

INJECTION = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
ALIAS_INJECTION = "<b onmouseover=\"window.__pwned=3\">Samsung</b>"


def _ent(type_, name, aliases=(), docs=("doc-a",), wikidata=None):
    return Entity(entity_id(type_, name), name, type_, set(aliases) | {name}, set(docs), wikidata, "gazetteer")


def sample_graph() -> KnowledgeGraph:
    """A small hand-built graph with made-up facts: every entity type we style, amounts, years, two docs,
    and a quote and an alias carrying script injections."""
    kg = KnowledgeGraph()
    ents = [
        _ent("Country", "United States", ["U.S.", "USA"], wikidata="Q30"),
        _ent("Country", "South Korea", ["ROK", "Republic of Korea"], wikidata="Q884"),
        _ent("Firm", "SK Hynix", ["Hynix Semiconductor", "SK hynix Inc."], wikidata="Q491563"),
        _ent("Firm", "Samsung Electronics", ["Samsung", ALIAS_INJECTION]),
        _ent("Firm", "Hanwha Q Cells", ["Qcells"], docs=("doc-b",)),
        _ent("USState", "Indiana"),
        _ent("USState", "Georgia", docs=("doc-b",)),
        _ent("Policy", "Section 232 steel tariff", ["steel tariffs"]),
        _ent("Agreement", "KORUS FTA", ["KORUS", "U.S.-Korea Free Trade Agreement"], docs=("doc-a", "doc-b")),
        _ent("Person", "Moon Jae-in", ["President Moon"], docs=("doc-b",)),
        _ent("Sector", "semiconductors", ["chips"]),
        _ent("GovernmentBody", "Ministry of Trade, Industry and Energy", ["MOTIE"], docs=("doc-b",)),
    ]
    for e in ents:
        kg.add_entity(e)
    ids = {e.name: e.id for e in ents}

    def rel(s, p, o, props=None, conf=0.7, quote="a made-up quote", doc="doc-a"):
        kg.add_relation(Relation(ids[s], p, ids[o], dict(props or {}), conf, [Evidence(doc, 10, 10 + len(quote), quote)]))

    rel("SK Hynix", "INVESTS_IN", "Indiana", {"amount_usd": 3.87e9, "year": 2024}, 0.9,
        "SK Hynix said it would invest $3.87 billion in Indiana. " + INJECTION)
    rel("Hanwha Q Cells", "INVESTS_IN", "Georgia", {"amount_usd": 2.5e9, "year": 2023}, 0.8,
        "Qcells will invest $2.5 billion in Georgia.", "doc-b")
    rel("Samsung Electronics", "OPERATES_IN", "semiconductors", {}, 0.6, "Samsung makes memory chips.")
    rel("SK Hynix", "OPERATES_IN", "semiconductors", {}, 0.8, "SK Hynix makes memory chips.")
    rel("SK Hynix", "LOCATED_IN", "South Korea", {}, 0.8, "the Korean chipmaker SK Hynix")
    rel("United States", "IMPOSES", "Section 232 steel tariff", {"year": 2018}, 0.8, "The U.S. imposed steel tariffs.")
    rel("Section 232 steel tariff", "TARGETS", "South Korea", {"year": 2018}, 0.7, "tariffs on Korean steel")
    rel("United States", "PARTY_TO", "KORUS FTA", {"year": 2012}, 0.9, "KORUS entered into force in 2012.", "doc-b")
    rel("South Korea", "PARTY_TO", "KORUS FTA", {"year": 2012}, 0.9, "KORUS entered into force in 2012.", "doc-b")
    rel("Moon Jae-in", "NEGOTIATES", "United States", {"year": 2018}, 0.5, "Moon negotiated with Washington.", "doc-b")
    rel("Ministry of Trade, Industry and Energy", "NEGOTIATES", "United States", {"year": 2018}, 0.6,
        "MOTIE led the talks.", "doc-b")
    rel("United States", "NEGOTIATES", "South Korea", {"year": 2018}, 0.7, "the two sides renegotiated KORUS", "doc-b")
    return kg


def big_graph(n: int = 400, seed: int = 3) -> KnowledgeGraph:
    """n made-up entities in a few dozen clusters (and some isolated ones), about 1.6 relations per entity."""
    import random

    rnd = random.Random(seed)
    kg = KnowledgeGraph()
    types = ["Firm", "Country", "Sector", "Policy", "USState", "Agreement"]
    ents = []
    for i in range(n):
        e = _ent(types[i % len(types)], f"Entity {i:04d}", [f"alias-{i}"], docs=(f"doc-{i % 7}",))
        kg.add_entity(e)
        ents.append(e)
    preds = ["INVESTS_IN", "OPERATES_IN", "LOCATED_IN", "TARGETS", "IMPOSES"]
    clusters = max(1, n // 40)
    for i in range(int(n * 1.6)):
        c = rnd.randrange(clusters)
        pool = ents[c::clusters][: max(2, int(0.9 * len(ents[c::clusters])))]
        a, b = rnd.sample(pool, 2)
        props = {"year": 2010 + rnd.randrange(12)}
        if rnd.random() < 0.3:
            props["amount_usd"] = float(rnd.choice([5e7, 2e8, 1e9, 6e9]))
        kg.add_relation(Relation(a.id, rnd.choice(preds), b.id, props, 0.7,
                                 [Evidence(f"doc-{i % 7}", i, i + 5, f"quote {i}")]))
    return kg


# -- helpers ------------------------------------------------------------------------------------------------
def payload_of(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="pg-data">(.*?)</script>', page, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


class _Refs(HTMLParser):
    """Every URL the page could load by itself (src, link href, srcset, poster, data) and every tag."""

    def __init__(self):
        super().__init__()
        self.urls, self.tags, self.scripts = [], [], []
        self._in_script = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        for key in ("src", "srcset", "poster", "data", "background"):
            if a.get(key):
                self.urls.append((tag, key, a[key]))
        if tag == "link" and a.get("href"):
            self.urls.append((tag, "href", a["href"]))
        if tag == "script":
            self._in_script = a.get("type", "")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None:
            self.scripts.append((self._in_script, data))


@pytest.fixture(scope="module")
def kg():
    return sample_graph()


@pytest.fixture(scope="module")
def model():
    from policygraph.ontology import load_model

    return load_model()


@pytest.fixture(scope="module")
def page(kg, tmp_path_factory):
    out = V.render_view(kg, tmp_path_factory.mktemp("view") / "view.html")
    return out.read_text(encoding="utf-8")


# -- the page ---------------------------------------------------------------------------------------------
def test_render_view_writes_one_self_contained_file(kg, tmp_path):
    out = V.render_view(kg, tmp_path / "sub" / "v.html")
    assert out == tmp_path / "sub" / "v.html" and out.exists()
    assert [p.name for p in out.parent.iterdir()] == ["v.html"]  # no lib/ folder, no temp file left
    text = out.read_text(encoding="utf-8")
    assert "vis.Network" in text and "new vis.DataSet" in text  # vis-network and our script are inline
    assert len(text) > 400_000  # vis-network itself is in the file


def test_page_loads_nothing_from_anywhere(page):
    refs = _Refs()
    refs.feed(page)
    assert all(v.startswith("data:") for _, _, v in refs.urls), refs.urls
    assert "iframe" not in refs.tags and "object" not in refs.tags and "embed" not in refs.tags
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", page, re.I)
    assert "sourceMappingURL" not in page
    for host in ("cdnjs", "jsdelivr", "unpkg", "bootstrap", "fonts.googleapis", "fonts.gstatic"):
        assert host not in page.lower(), host
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src &#x27;none&#x27;" in csp or "default-src 'none'" in csp
    assert "connect-src" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]


def test_document_text_is_escaped_and_never_markup(kg, page):
    # the raw injection never appears in the file: neither as markup nor inside a script
    assert "<script>window.__pwned" not in page
    assert 'onerror="window.__pwned' not in page and "<img src=x" not in page
    assert "<b onmouseover" not in page
    data = payload_of(page)
    rel = next(r for r in kg.relations.values() if r.predicate == "INVESTS_IN" and r.object == entity_id("USState", "Indiana"))
    quote = data["facts"][rel.id]["quotes"][0]["text"]
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in quote
    assert "&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;" in quote
    samsung = data["nodeInfo"][entity_id("Firm", "Samsung Electronics")]
    assert "&lt;b onmouseover=" in samsung["html"] and "<b onmouseover" not in samsung["html"]
    # the data block, vis-network and the page's own scripts: every script allowed by hash in the CSP
    refs = _Refs()
    refs.feed(page)
    kinds = [t for t, _ in refs.scripts]
    assert kinds == ["application/json"] + [""] * (1 + len(V.page.SCRIPTS))
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    for _, text in refs.scripts[1:]:
        assert V.page.sha256_csp(text) in csp


def test_json_block_cannot_end_its_script_element():
    kg = KnowledgeGraph()
    kg.add_entity(_ent("Firm", "Evil </script><script>alert(1)</script> Corp", ["a & b", "x\u2028y"]))
    page = V.build_html(kg)[0]
    assert page.count("</script>") == 2 + len(V.page.SCRIPTS)  # data block, vis-network, the page's scripts
    data = payload_of(page)
    (info,) = data["nodeInfo"].values()
    assert "&lt;/script&gt;" in info["html"]
    assert data["nodes"][0]["label"].startswith("Evil </script>")  # drawn on the canvas as text


def test_colours_and_shapes_come_from_the_ontology(kg, page, model):
    from policygraph.queries.view.styles import LABEL_INSIDE, safe_color, vis_shape

    data = payload_of(page)
    for n in data["nodes"]:
        t = kg.entities[n["id"]].type
        shape = vis_shape(str(model.shape(t)))
        assert n["color"]["background"] == safe_color(str(model.color(t)))
        assert data["nodeInfo"][n["id"]]["shape"] == shape
        # shapes vis-network draws around their label are drawn as an image of that shape, label under it
        assert n["shape"] == ("image" if shape in LABEL_INSIDE else shape)
        if shape in LABEL_INSIDE:
            assert n["image"].startswith("data:image/svg+xml") and quote_color(n["color"]["background"]) in n["image"]
    legend = {t["name"]: t for t in data["types"]}
    assert set(legend) == {e.type for e in kg.entities.values()}
    for name, t in legend.items():
        assert t["color"] == safe_color(str(model.color(name))) and t["shape"] == vis_shape(str(model.shape(name)))
        assert t["count"] == sum(1 for e in kg.entities.values() if e.type == name)


def quote_color(color: str) -> str:
    from urllib.parse import quote

    return quote(color, safe="")


def test_one_line_per_subject_predicate_object_with_its_facts(kg, page):
    data = payload_of(page)
    assert len(data["facts"]) == len(kg.relations)
    keys = {(r.subject, r.predicate, r.object) for r in kg.relations.values()}
    assert len(data["edges"]) == len(keys) == len(data["lines"])
    inv = next(r for r in kg.relations.values() if r.props.get("amount_usd") == 3.87e9)
    plain = next(r for r in kg.relations.values() if "amount_usd" not in r.props)
    lines = {e["id"]: e for e in data["edges"]}
    line = lines[data["facts"][inv.id]["line"]]
    assert line["label"] == "INVESTS_IN\n2024 · $3.87 billion" and (line["from"], line["to"]) == (inv.subject, inv.object)
    assert line["width"] > lines[data["facts"][plain.id]["line"]]["width"]
    fact = data["facts"][inv.id]
    assert (fact["amount"], fact["year"], fact["conf"], fact["docs"]) == (3.87e9, 2024, 0.9, ["doc-a"])
    assert fact["label"] == "SK Hynix —INVESTS_IN ($3.87 billion, 2024)→ Indiana"
    hynix = data["nodeInfo"][entity_id("Firm", "SK Hynix")]
    assert "Hynix Semiconductor" in hynix["html"] and "https://www.wikidata.org/wiki/Q491563" in hynix["html"]
    assert ["hynix semiconductor", 0, "Hynix Semiconductor"] in hynix["keys"] and ["sk hynix", 1, "SK Hynix"] in hynix["keys"]
    assert {d["key"] for d in data["docs"]} == {"doc-a", "doc-b"}
    assert dict(data["years"]["hist"]) == {2012: 2, 2018: 5, 2023: 1, 2024: 1}
    assert data["options"]["physics"]["enabled"] is False and all("x" in n for n in data["nodes"])  # fixed layout


def test_several_facts_of_one_relation_are_one_line():
    kg = KnowledgeGraph()
    for e in (_ent("Firm", "Acme"), _ent("USState", "Ohio")):
        kg.add_entity(e)
    for year, amount in ((2017, 1e9), (2019, 2e9), (2019, 5e8)):
        kg.add_relation(Relation("firm/acme", "INVESTS_IN", "usstate/ohio", {"year": year, "amount_usd": amount}, 0.8,
                                 [Evidence("d", year, year + 5, f"q{year}")]))
    kg.add_relation(Relation("usstate/ohio", "INVESTS_IN", "firm/acme", {}, 0.5, [Evidence("d", 1, 2, "q")]))
    data = payload_of(V.build_html(kg)[0])
    assert len(data["facts"]) == 4 and len(data["edges"]) == 2  # one per direction
    (three,) = [e for e in data["edges"] if e["from"] == "firm/acme"]
    assert three["label"] == "INVESTS_IN ×3\n2017–2019 · $500 million–$2 billion"
    assert len(data["lines"][three["id"]]["facts"]) == 3
    # the two directions bend apart, symmetrically
    bends = [e["smooth"] for e in data["edges"]]
    assert all(b["enabled"] for b in bends) and bends[0]["roundness"] == bends[1]["roundness"]
    assert bends[0]["type"] == bends[1]["type"]  # mirrored: one is drawn the other way


def test_format_usd():
    from policygraph.queries.facts import format_usd

    assert V.lines.format_usd is format_usd  # the view's labels use the one formatter of amounts
    assert format_usd(3.87e9) == "$3.87 billion" and format_usd(2e9) == "$2 billion"
    assert format_usd(950) == "$950"


# -- selecting ----------------------------------------------------------------------------------------------
def _shown(kg, **kw):
    sel = V.select(kg, **kw)
    return {e.name for e in sel.entities}, sel


def test_focus_and_hops(kg):
    names, sel = _shown(kg, focus="hynix semiconductor", hops=1)  # an alias, any case
    assert names == {"SK Hynix", "Indiana", "semiconductors", "South Korea"}
    assert sel.focus == entity_id("Firm", "SK Hynix")
    names2, _ = _shown(kg, focus="SK Hynix", hops=2)
    assert names < names2 and "Samsung Electronics" in names2 and "KORUS FTA" in names2
    assert _shown(kg, focus="SK Hynix", hops=0)[0] == {"SK Hynix"}


def test_filters_by_type_predicate_doc_and_year(kg):
    names, sel = _shown(kg, types=["firm", "USState"])
    assert names == {"SK Hynix", "Samsung Electronics", "Hanwha Q Cells", "Indiana", "Georgia"}
    assert {r.predicate for r in sel.relations} == {"INVESTS_IN"}
    names, sel = _shown(kg, predicates="INVESTS_IN,PARTY_TO")
    assert names == {"SK Hynix", "Indiana", "Hanwha Q Cells", "Georgia", "United States", "South Korea", "KORUS FTA"}
    names, sel = _shown(kg, docs=["doc-b"])
    assert all("doc-b" in r.docs for r in sel.relations) and "Moon Jae-in" in names and "Indiana" not in names
    names, sel = _shown(kg, years="2018")
    assert {r.props["year"] for r in sel.relations} == {2018} and "Indiana" not in names
    _, sel = _shown(kg, years="2015-")
    assert {r.props["year"] for r in sel.relations} == {2018, 2023, 2024}


@pytest.mark.parametrize("kw, message", [
    ({"focus": "Nokia"}, "no entity named 'Nokia'"),
    ({"focus": "Inda"}, "no entity named 'Inda'; did you mean: Indiana"),
    ({"types": ["Company"]}, "unknown entity type(s) 'Company'"),
    ({"predicates": ["BUYS"]}, "unknown relation type(s) 'BUYS'"),
    ({"docs": ["doc-z"]}, "unknown document(s) 'doc-z'; known: doc-a, doc-b"),
    ({"years": "2020-2018"}, "2020 is after 2018"),
    ({"years": "recent"}, "expected a year or a range"),
    ({"hops": -1}, "--hops must be 0 or more"),
    ({"path": ["SK Hynix"]}, "--path needs two entity names"),
])
def test_user_errors_are_policygraph_errors(kg, kw, message):
    with pytest.raises(PolicygraphError, match=re.escape(message)):
        V.select(kg, **kw)


def test_parse_years():
    assert V.parse_years("2018-2020") == (2018, 2020)
    assert V.parse_years("2018") == (2018, 2018)
    assert V.parse_years("-2020") == (None, 2020)
    assert V.parse_years("2018-") == (2018, None)
    assert V.parse_years((2001, 2002)) == (2001, 2002)
    assert V.parse_years(None) is None


def test_path_highlights_exactly_the_relations_of_the_listed_paths(kg):
    from policygraph.queries.linkage import explain

    page, sel = V.build_html(kg, path=["Indiana", "KORUS"])
    ex = explain(kg, "Indiana", "KORUS", k=V.MAX_PATHS)
    assert [p.relation_ids for p in sel.paths] == [p.relation_ids for p in ex.paths]  # explain's paths, in order
    assert sel.paths[0].node_ids == [entity_id("USState", "Indiana"), entity_id("Firm", "SK Hynix"),
                                     entity_id("Country", "South Korea"), entity_id("Agreement", "KORUS FTA")]
    data = payload_of(page)
    on_paths = {data["facts"][r]["line"] for p in sel.paths for r in p.relation_ids}
    colours = {e["id"]: e.get("color", {}).get("color") for e in data["edges"]}
    assert {i for i, c in colours.items() if c == V.PATH_COLOR} == on_paths == set(data["meta"]["path"]["lines"])
    assert [p["summary"] for p in data["meta"]["path"]["paths"]][0] == "Indiana → SK Hynix → South Korea → KORUS FTA"
    # a path view restricted to a focus still shows the whole path
    _, sel2 = V.build_html(kg, focus="Indiana", hops=1, path=["Indiana", "KORUS FTA"])
    assert entity_id("Agreement", "KORUS FTA") in {e.id for e in sel2.entities}


def test_path_view_without_a_path_says_so(kg):
    _, sel = V.build_html(kg, path=["Indiana", "Georgia"])  # different components
    assert sel.paths == [] and any("no path of at most 4 hops links Indiana and Georgia" in n for n in sel.notes)
    _, sel = V.build_html(kg, path=["Indiana", "KORUS"], predicates=["INVESTS_IN"])
    assert sel.paths == [] and any("within the filters" in n for n in sel.notes)


def test_focus_caps_how_far_a_hub_expands_and_says_so():
    kg = KnowledgeGraph()
    names = ["Acme", "Hubland"] + [f"Leaf {i:02d}" for i in range(30)]
    for n in names:
        kg.add_entity(_ent("Country" if n == "Hubland" else "Firm", n))
    ids = {n: kg.entities[entity_id("Country" if n == "Hubland" else "Firm", n)].id for n in names}

    def rel(a, p, b, n=1):
        for i in range(n):
            kg.add_relation(Relation(ids[a], p, ids[b], {"year": 2000 + i}, 0.7, [Evidence("d", i, i + 1, "q")]))
    rel("Acme", "LOCATED_IN", "Hubland")
    for i in range(30):
        rel(f"Leaf {i:02d}", "LOCATED_IN", "Hubland", n=3 if i == 29 else 1)  # Leaf 29: three facts with the hub
    sel = V.select(kg, focus="Acme", hops=2)
    assert sel.capped == [(ids["Hubland"], V.filters.HUB_CAP, 31)]
    shown = {e.id for e in sel.entities}
    assert len(shown) == 2 + V.filters.HUB_CAP and ids["Leaf 29"] in shown  # the most related leaf first
    assert any("Hubland: 8 of its 31 neighbours shown" in n for n in sel.notes)
    # the focus's own relations are never capped
    assert len(V.select(kg, focus="Hubland", hops=1).entities) == 32


# -- big graphs ---------------------------------------------------------------------------------------------
def test_big_graph_is_laid_out_in_python_with_physics_off(tmp_path):
    g = big_graph(400)
    page, sel = V.build_html(g)
    data = payload_of(page)
    assert len(data["nodes"]) == 400 and data["options"]["physics"]["enabled"] is False
    assert all("x" in n and "y" in n for n in data["nodes"])
    xy = [(n["x"], n["y"]) for n in data["nodes"]]
    assert len(set(xy)) == len(xy)  # no two nodes on the same spot
    # deterministic: the same graph gives the same file
    assert V.build_html(big_graph(400))[0] == page


def test_python_layout_keeps_neighbours_close_and_components_apart():
    import math

    nodes = [f"n{i}" for i in range(60)]
    edges = [(f"n{i}", f"n{i + 1}") for i in range(29)] + [(f"n{i}", f"n{i + 1}") for i in range(30, 59)]
    pos = V.python_layout(nodes, edges, spacing=100)
    d = lambda a, b: math.dist(pos[a], pos[b])  # noqa: E731
    assert sorted(d(a, b) for a, b in edges)[len(edges) // 2] == pytest.approx(100, rel=0.35)
    assert min(d(a, b) for a in nodes[:30] for b in nodes[30:]) > 50


# -- CLI and notebook ---------------------------------------------------------------------------------------
def _build_dir(tmp_path, kg) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    (out / "facts.jsonl").write_text(kg.to_jsonl(), encoding="utf-8")
    return out


def test_cli_view_writes_the_page(kg, tmp_path, capsys):
    from policygraph.cli import main

    out = _build_dir(tmp_path, kg)
    assert main(["view", "--out", str(out), "-q"]) == 0
    assert (out / "view.html").exists()
    target = tmp_path / "hynix.html"
    rc = main(["view", "--out", str(out), "--focus", "SK Hynix", "--hops", "1", "--types", "Firm", "USState",
               "Sector", "Country", "--years", "2000-2030", "-o", str(target), "-q"])
    assert rc == 0 and str(target) in capsys.readouterr().out
    data = payload_of(target.read_text(encoding="utf-8"))
    assert {n["label"] for n in data["nodes"]} == {"SK Hynix", "Indiana"}
    csv_, svg = tmp_path / "f.csv", tmp_path / "f.svg"
    rc = main(["view", "--out", str(out), "--focus", "Hanwha", "--hops", "1", "-o", str(target), "--csv", str(csv_),
               "--svg", str(svg), "-q"])
    assert rc == 0 and csv_.exists() and svg.exists()
    data = payload_of(target.read_text(encoding="utf-8"))
    assert data["meta"]["focus"] == entity_id("Firm", "Hanwha Q Cells")  # the one name resolver, as explain


@pytest.mark.parametrize("argv, message", [
    (["--focus", "Nokia"], "no entity named 'Nokia'"),
    (["--types", "Company"], "unknown entity type(s) 'Company'"),
    (["--docs", "nope"], "unknown document(s) 'nope'"),
])
def test_cli_view_user_errors_are_one_line(kg, tmp_path, capsys, argv, message):
    from policygraph.cli import main

    out = _build_dir(tmp_path, kg)
    assert main(["view", "--out", str(out), "-q", "-o", str(tmp_path / "part.html")] + argv) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("policygraph: error: ") and message in err and "\n" not in err


def test_cli_view_without_a_build(tmp_path, capsys):
    from policygraph.cli import main

    assert main(["view", "--out", str(tmp_path / "nothing")]) == 1
    assert "no build here" in capsys.readouterr().err


def test_cli_view_help_has_an_example(capsys):
    from policygraph.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["view", "--help"])
    assert exc.value.code == 0
    text = capsys.readouterr().out
    assert "policygraph view --focus" in text and "--png FILE" in text and "--path A B" in text


def test_cli_view_rejects_bad_years_and_hops(capsys):
    from policygraph.cli import main

    for argv in (["view", "--years", "soon"], ["view", "--hops", "-2"]):
        with pytest.raises(SystemExit) as exc:
            main(argv)
        assert exc.value.code == 2
    assert "--years" in capsys.readouterr().err


def test_show_returns_inline_html_for_jupyter(kg):
    obj = V.show(kg, focus="SK Hynix", hops=1)
    html_ = obj._repr_html_() if hasattr(obj, "_repr_html_") else obj.data
    assert html_.startswith('<div class="policygraph-view"><iframe srcdoc=') and "&lt;script&gt;" in html_
    # the whole page is inside the attribute: no raw tag of it leaks out
    assert html_.count("<") == 4 and html_.endswith("</iframe></div>")


def test_png_without_chromium_is_a_user_error(kg, tmp_path, monkeypatch):
    monkeypatch.setenv("POLICYGRAPH_CHROMIUM", str(tmp_path / "no-such-chromium"))
    with pytest.raises(PolicygraphError, match="needs Chromium"):
        V.render_view(kg, tmp_path / "v.html", png=tmp_path / "v.png")


def test_main_labels_are_the_most_connected_and_the_largest_amounts():
    from policygraph.queries.view.payload import MIN_MAIN_LABELS, main_entities

    g = big_graph(200)
    sel = V.select(g)
    main = main_entities(sel)
    degree = {e.id: sum(1 for r in sel.relations if e.id in (r.subject, r.object)) for e in sel.entities}
    top = sorted(degree, key=lambda i: (-degree[i], i))[:MIN_MAIN_LABELS]
    assert set(top) <= main and len(main) <= 0.12 * 200 + 4 + 1
    largest = min(sel.relations, key=lambda r: (-(r.props.get("amount_usd") or 0), r.id))
    assert {largest.subject, largest.object} <= main
    data = payload_of(V.build_html(g)[0])
    assert {i for i, n in data["nodeInfo"].items() if n["main"]} == main
