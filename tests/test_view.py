"""The browser view (queries/view.py), without a browser: what the page contains and how the CLI writes it.

The real-browser checks (console, counts, search, filters, network) are in test_view_browser.py.
"""
from __future__ import annotations

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
    html_ = data["edgeInfo"][rel.id]["html"]
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html_
    assert "&lt;img src=x onerror=&quot;window.__pwned=2&quot;&gt;" in html_
    samsung = data["nodeInfo"][entity_id("Firm", "Samsung Electronics")]
    assert "&lt;b onmouseover=" in samsung["html"] and "<b onmouseover" not in samsung["html"]
    # only two executable scripts, both ours, both allowed by hash in the CSP
    refs = _Refs()
    refs.feed(page)
    kinds = [t for t, _ in refs.scripts]
    assert kinds == ["application/json", "", ""]


def test_json_block_cannot_end_its_script_element():
    kg = KnowledgeGraph()
    kg.add_entity(_ent("Firm", "Evil </script><script>alert(1)</script> Corp", ["a & b", "x\u2028y"]))
    page = V.build_html(kg)[0]
    assert page.count("</script>") == 3  # data block, vis-network, view.js
    data = payload_of(page)
    (info,) = data["nodeInfo"].values()
    assert "&lt;/script&gt;" in info["html"]
    assert data["nodes"][0]["label"].startswith("Evil </script>")  # drawn on the canvas as text


def test_colours_and_shapes_come_from_the_ontology(kg, page, model):
    data = payload_of(page)
    for n in data["nodes"]:
        t = kg.entities[n["id"]].type
        assert n["color"]["background"] == V._safe_color(str(model.color(t)))
        assert n["shape"] == V._vis_shape(str(model.shape(t)))
    legend = {t["name"]: t for t in data["types"]}
    assert set(legend) == {e.type for e in kg.entities.values()}
    for name, t in legend.items():
        assert t["color"] == V._safe_color(str(model.color(name))) and t["shape"] == V._vis_shape(str(model.shape(name)))
        assert t["count"] == sum(1 for e in kg.entities.values() if e.type == name)


def test_counts_labels_widths_and_details(kg, page):
    data = payload_of(page)
    assert len(data["nodes"]) == len(kg.entities) and len(data["edges"]) == len(kg.relations)
    assert {e["id"] for e in data["edges"]} == {r.id for r in kg.relations.values()}
    by_id = {e["id"]: e for e in data["edges"]}
    for r in kg.relations.values():
        e = by_id[r.id]
        assert e["label"].split("\n")[0] == r.predicate and (e["from"], e["to"]) == (r.subject, r.object)
    inv = next(r for r in kg.relations.values() if r.props.get("amount_usd") == 3.87e9)
    plain = next(r for r in kg.relations.values() if "amount_usd" not in r.props)
    assert by_id[inv.id]["label"] == "INVESTS_IN\n$3.9B"
    assert by_id[inv.id]["width"] > by_id[plain.id]["width"]
    info = data["edgeInfo"][inv.id]
    for piece in ("INVESTS_IN", "$3.9B", "2024", "0.90", "doc-a", "SK Hynix", "Indiana", "Evidence (1)"):
        assert piece in info["html"], piece
    hynix = data["nodeInfo"][entity_id("Firm", "SK Hynix")]
    assert "Hynix Semiconductor" in hynix["html"] and "https://www.wikidata.org/wiki/Q491563" in hynix["html"]
    assert ["hynix semiconductor", "Hynix Semiconductor"] in hynix["keys"]
    assert {d["key"] for d in data["docs"]} == {"doc-a", "doc-b"}
    assert data["years"] == [2012, 2024]
    assert data["options"]["physics"]["enabled"] is False and all("x" in n for n in data["nodes"])  # fixed layout


def test_format_usd():
    assert V.format_usd(3.87e9) == "$3.9B"
    assert V.format_usd(350e6) == "$350M"
    assert V.format_usd(1.2e12) == "$1.2T"
    assert V.format_usd(2e9) == "$2B"
    assert V.format_usd(950) == "$950"


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
    ({"focus": "SK Hynx"}, "did you mean 'SK Hynix'"),
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


def test_path_is_found_and_drawn_in_its_own_colour(kg):
    page, sel = V.build_html(kg, path=["Indiana", "KORUS"])
    assert sel.paths and all(len(p) - 1 <= V.MAX_PATH_HOPS for p in sel.paths)
    assert sel.paths[0] == [entity_id("USState", "Indiana"), entity_id("Firm", "SK Hynix"),
                            entity_id("Country", "South Korea"), entity_id("Agreement", "KORUS FTA")]
    data = payload_of(page)
    colours = {e["id"]: e.get("color", {}).get("color") for e in data["edges"]}
    on = set(data["meta"]["path"]["edges"])
    assert on and all(colours[i] == V.PATH_COLOR for i in on)
    assert all(colours[i] != V.PATH_COLOR for i in colours if i not in on)
    # a path view restricted to a focus still shows the whole path
    _, sel2 = V.build_html(kg, focus="Indiana", hops=1, path=["Indiana", "KORUS FTA"])
    assert entity_id("Agreement", "KORUS FTA") in {e.id for e in sel2.entities}


def test_path_search_is_bounded(kg):
    ids = {e.name: e.id for e in kg.entities.values()}
    rels = list(kg.relations.values())
    assert V.find_paths(rels, ids["Indiana"], ids["Georgia"]) == []  # different components
    assert V.find_paths(rels, ids["Indiana"], ids["Moon Jae-in"], max_hops=3) == []
    assert len(V.find_paths(rels, ids["Indiana"], ids["Moon Jae-in"], max_hops=4)) >= 1
    paths = V.find_paths(rels, ids["South Korea"], ids["United States"], k=2)
    assert len(paths) == 2 and paths[0] == [ids["South Korea"], ids["United States"]]
    _, sel = V.build_html(kg, path=["Indiana", "Georgia"])
    assert sel.paths == [] and any("no path" in n for n in sel.notes)


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
