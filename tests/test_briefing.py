"""brief(): who, relations, money, timeline, retaliation chains, related actors, corroboration and footnotes
that resolve to document text; HTML escaping and the embedded view; the CLI; then the corpus.

Uses the hand-made graph of test_linkage.py (made-up facts, quotes written to a documents folder).
"""
from __future__ import annotations

import html
import json
import re
import sys
import types
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_linkage import INJECTION, make_graph, run_cli  # noqa: E402

from policygraph.console import PolicygraphError  # noqa: E402
from policygraph.graph.model import Evidence  # noqa: E402
from policygraph.queries import briefing as BR  # noqa: E402
from policygraph.queries.linkage import one_line  # noqa: E402

FOOTNOTE = re.compile(r"^\[\^(\d+)\]: “(.*)” — (\S+), characters (\d+)–(\d+)(.*)$")


@pytest.fixture
def docs_dir(tmp_path) -> Path:
    return tmp_path / "documents"


@pytest.fixture
def kg(docs_dir):
    return make_graph(docs_dir)


def split(md: str) -> tuple[str, dict[int, tuple[str, str, int, int, str]]]:
    """(body, {n: (quote, doc, start, end, rest)}) of a Markdown briefing."""
    body, _, sources = md.partition("\n## Sources\n")
    notes = {}
    for line in sources.strip().splitlines():
        m = FOOTNOTE.match(line)
        assert m, f"not a footnote line: {line!r}"
        notes[int(m.group(1))] = (md_plain(m.group(2)), md_plain(m.group(3)), int(m.group(4)), int(m.group(5)),
                                  m.group(6))
    return body, notes


def md_plain(text: str) -> str:
    """What a Markdown renderer shows for text escaped by safe_text.md_text (the quote as the document has it)."""
    return html.unescape(text.replace("\\[", "[").replace("\\]", "]"))


def section(md: str, title: str) -> str:
    m = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", md, re.S | re.M)
    assert m, f"no section {title!r}"
    return m.group(1)


def refs(line: str) -> list[int]:
    return [int(n) for n in re.findall(r"\[\^(\d+)\]", line)]


def assert_footnotes_resolve(md: str, docs_dir: Path) -> dict:
    body, notes = split(md)
    cited = set(refs(body))
    assert notes, "no footnotes"
    assert sorted(notes) == list(range(1, len(notes) + 1)), "footnotes numbered 1..N"
    assert cited == set(notes), "every footnote cited, every citation has a footnote"
    assert not re.search(r"\[\^(\d+)\]\[\^\1\]", body), "a footnote cited twice in a row"
    for n, (quote, doc, start, end, rest) in notes.items():
        with open(docs_dir / f"{doc}.txt", encoding="utf-8", newline="") as fh:
            text = fh.read()
        assert one_line(text[start:end]) == quote, f"[^{n}] is not the text at {doc}[{start}:{end}]"
        assert quote in one_line(text)
        assert "⚠" not in rest
    return notes


# -- a single entity --------------------------------------------------------------------------------
def test_brief_japan_who_relations_retaliation(kg, docs_dir):
    md = BR.brief(kg, "Japan", docs_dir=docs_dir)
    assert md.startswith("# Briefing: Japan\n")
    assert "**Type:** Country" in md and "[Q17](https://www.wikidata.org/wiki/Q17)" in md
    assert "### RETALIATES_AGAINST (2)" in section(md, "Relations")
    ret = section(md, "Retaliation and targeting")
    line = next(x for x in ret.splitlines() if "Japan —RETALIATES_AGAINST (2019)→ South Korea" in x)
    assert "export restrictions on chip materials" in line
    _, notes = split(md)
    assert notes[refs(line)[0]][0] == ("In July 2019 Japan retaliated against South Korea with export "
                                       "restrictions on chip materials.")
    # the policy route: Japan IMPOSES export controls that TARGET South Korea
    assert "Japan against South Korea: Japanese export controls" in ret
    assert_footnotes_resolve(md, docs_dir)


def test_retaliation_chain_is_a_timeline(kg, docs_dir):
    md = BR.brief(kg, "Japan", with_="ROK", docs_dir=docs_dir)
    ret = section(md, "Retaliation and targeting between them")
    chain = ret[ret.index("### Retaliation chain: Japan and South Korea"):]
    steps = [x for x in chain.splitlines() if x.startswith("- ")]
    assert steps[0].startswith("- **2019** — measure by Japan against South Korea")
    assert any("counter-measure by South Korea against Japan: WTO complaint" in s for s in steps)
    years = [int(re.match(r"- \*\*(\d{4})", s).group(1)) for s in steps]
    assert years == sorted(years)
    chains = BR.retaliation_chains(kg)
    assert len(chains) == 1 and chains[0][0].actor == "country/japan"
    assert {m.actor for m in chains[0]} == {"country/japan", "country/south-korea"}
    assert_footnotes_resolve(md, docs_dir)


def test_money_rollup_counts_one_investment_once_and_flags_disputes(kg, docs_dir):
    md = BR.brief(kg, "Hanwha Q Cells", docs_dir=docs_dir)
    money = section(md, "Money")
    rows = [x for x in money.splitlines() if x.startswith("| Georgia")]
    assert len(rows) == 1, money  # Georgia, the factory and the disputed figure are one investment
    assert rows[0].startswith("| Georgia | 2023 | $2.5 billion") and "other sources say $2.7 billion" in rows[0]
    assert "**Total investment:** $2.5 billion in 1 investment" in money
    georgia = section(BR.brief(kg, "Georgia"), "Money")
    assert "**Total investment:** $7.9 billion in 2 investments" in georgia
    assert "**By year:** 2022 $5.4 billion; 2023 $2.5 billion" in georgia
    invs = BR.investments(kg, kg.relations.values())
    assert sorted(([kg.entities[s].name for s in i.states(kg)], i.amount) for i in invs) == [
        (["Georgia"], 2.5e9), (["Georgia"], 5.4e9), (["Indiana"], 3.87e9), (["Texas"], 17e9)]


def test_timeline_is_ordered_by_year(kg):
    md = BR.brief(kg, "South Korea")
    years = [int(y) for y in re.findall(r"^- \*\*(\d{4})\*\*", section(md, "Timeline"), re.M)]
    assert years and years == sorted(years) and 2018 in years and 2019 in years
    assert "without a year" in section(md, "Timeline")


def test_related_actors_two_hops_away(kg):
    rel = section(BR.brief(kg, "Hanwha"), "Related actors two hops away")
    assert "- **Hyundai Motor** (Firm) — via Georgia" in rel
    assert "**SK Hynix** (Firm) — via South Korea" in rel
    assert "semiconductors" not in rel  # a sector is not an actor
    assert "Hanwha Q Cells solar factory" not in rel  # one hop away, not two


def test_corroboration_counts_documents_and_flags_disagreement(kg, docs_dir):
    md = BR.brief(kg, "Hanwha", docs_dir=docs_dir)
    cor = section(md, "Corroboration")
    assert "Stated in several documents:" in cor
    multi = next(x for x in cor.splitlines() if "($2.5 billion, 2023)→ Georgia" in x)
    assert "stated in 2 documents" in multi and "(doc-a, doc-b)" in multi
    assert "⚠ Disagreements" in cor and "⚠ disagrees with: $2.7 billion (2023)" in cor
    dis = BR.disagreements(kg)
    assert len(dis) == 2  # the $2.5bn and the $2.7bn facts, each pointing at the other
    assert_footnotes_resolve(md, docs_dir)


def test_different_years_are_not_a_disagreement(kg):
    from policygraph.graph.model import Relation

    kg.add_relation(Relation("firm/hyundai-motor", "INVESTS_IN", "usstate/georgia", {"amount_usd": 1e9, "year": 2025},
                             0.5, [Evidence("doc-c", 0, 5, "Made-")]))
    assert not any(k[0] == "firm/hyundai-motor" for k in BR.disagreements(kg))


# -- a dyad -----------------------------------------------------------------------------------------
def test_dyad_hanwha_georgia(kg, docs_dir):
    md = BR.brief(kg, "Hanwha", with_="Georgia", docs_dir=docs_dir)
    assert md.startswith("# Briefing: Hanwha Q Cells and Georgia\n")
    assert "'Hanwha' taken as 'Hanwha Q Cells'" in md
    direct = section(md, "Direct relations")
    assert "**Hanwha Q Cells —INVESTS_IN ($2.5 billion, 2023)→ Georgia** (purpose: solar) — stated in 2 documents" in direct
    linked = section(md, "How they are linked")
    assert "Hanwha Q Cells → Hanwha Q Cells solar factory → Georgia" in linked
    assert "| Georgia | 2023 | $2.5 billion" in section(md, "Money between them")
    assert "**Hanwha Q Cells solar factory** (Facility)" in section(md, "Shared neighbours")
    assert_footnotes_resolve(md, docs_dir)


def test_dyad_without_link(kg):
    md = BR.brief(kg, "Kiribati", with_="Japan")
    assert "No relation joins Kiribati and Japan directly." in md
    assert "No link between Kiribati and Japan within 4 hops." in md


# -- footnotes --------------------------------------------------------------------------------------
@pytest.mark.parametrize("name,with_", [("Japan", None), ("South Korea", None), ("Hanwha", "Georgia"),
                                        ("SK Hynix", "Japan"), ("KORUS", None), ("Mongolia", None)])
def test_footnotes_resolve_to_document_text(kg, docs_dir, name, with_):
    md = BR.brief(kg, name, with_=with_, docs_dir=docs_dir)
    if name == "Mongolia":
        assert "No relations in the graph." in md and "## Sources" not in md
        return
    assert_footnotes_resolve(md, docs_dir)


def test_footnote_with_wrong_offsets_is_flagged(kg, docs_dir):
    rel = next(r for r in kg.relations.values() if r.predicate == "RETALIATES_AGAINST")
    ev = rel.evidence[0]
    rel.evidence = [Evidence(ev.doc, ev.start + 3, ev.end + 3, ev.quote)]
    _, notes = split(BR.brief(kg, "Japan", docs_dir=docs_dir))
    assert any("⚠ not at these offsets" in rest and "(found at" in rest for *_, rest in notes.values())


# -- HTML -------------------------------------------------------------------------------------------
def test_html_escapes_document_text(kg, docs_dir, tmp_path):
    out = tmp_path / "b.html"
    page = BR.brief(kg, "Samsung Electronics", out=out, docs_dir=docs_dir, view=False)  # the page without scripts
    assert out.read_text(encoding="utf-8") == page
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page and "&lt;script&gt;alert(&#x27;pwned&#x27;)&lt;/script&gt;" in page
    assert "script-src 'none'" in html.unescape(page)
    # footnotes are anchors the references point to
    assert re.search(r'<sup class="ref"><a href="#fn-1">\[1\]</a></sup>', page) and 'id="fn-1"' in page
    assert "<h2>Graph view</h2>" not in page


def _fake_view(calls, fail=False):
    mod = types.ModuleType("policygraph.queries.view")

    def render_view(kg, out_path, focus=None, hops=2, path=None, **kw):
        calls.append({"focus": focus, "hops": hops, "path": path})
        if fail:
            raise PolicygraphError("the ontology has no load_model()")
        Path(out_path).write_text(
            "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
            "'none'; script-src 'sha256-AAA=' 'sha256-BBB='; style-src 'unsafe-inline'\"></head><body>"
            f"<script>draw()</script><p>{INJECTION.replace('<', '&lt;')}</p></body></html>", encoding="utf-8")
        return Path(out_path)

    mod.render_view = render_view
    return mod


def test_html_embeds_the_focused_view(kg, monkeypatch):
    calls = []
    monkeypatch.setitem(sys.modules, "policygraph.queries.view", _fake_view(calls))
    page = BR.brief(kg, "Japan", fmt="html")
    assert calls == [{"focus": "country/japan", "hops": 1, "path": None}]  # its own relations: a readable view
    assert '<iframe class="view" title="graph view" sandbox="allow-scripts allow-downloads" srcdoc="' in page
    assert "&lt;script&gt;draw()&lt;/script&gt;" in page and "<script" not in page
    assert "script-src 'sha256-AAA=' 'sha256-BBB='" in html.unescape(page)  # the frame inherits this page's CSP
    BR.brief(kg, "Japan", with_="ROK", fmt="html")
    assert calls[-1]["path"] == ("country/japan", "country/south-korea")
    assert "<iframe" not in BR.brief(kg, "Japan")  # Markdown: no view


def test_html_view_failure_is_a_note(kg, monkeypatch):
    monkeypatch.setitem(sys.modules, "policygraph.queries.view", _fake_view([], fail=True))
    page = BR.brief(kg, "Japan", fmt="html")
    assert "the graph view could not be drawn: the ontology has no load_model()" in page


def test_format_and_output_errors(kg, tmp_path):
    with pytest.raises(PolicygraphError, match="unknown briefing format"):
        BR.brief(kg, "Japan", fmt="pdf")
    with pytest.raises(PolicygraphError, match="is a directory"):
        BR.brief(kg, "Japan", out=tmp_path)
    with pytest.raises(PolicygraphError, match="did you mean"):
        BR.brief(kg, "Samsung")
    with pytest.raises(PolicygraphError, match="same entity"):
        BR.brief(kg, "Japan", with_="japan")
    assert BR.brief(kg, "Japan", out=tmp_path / "j.md").startswith("# Briefing")


# -- the CLI ----------------------------------------------------------------------------------------
@pytest.fixture
def build_dir(tmp_path) -> Path:
    out = tmp_path / "out"
    kg = make_graph(out / "documents")
    (out / "facts.jsonl").write_text(kg.to_jsonl(), encoding="utf-8")
    return out


def test_cli_brief(build_dir, tmp_path, capsys):
    rc, out, _ = run_cli(["brief", "Japan", "--out", str(build_dir)], capsys)
    assert rc == 0 and out.startswith("# Briefing: Japan")
    assert_footnotes_resolve(out, build_dir / "documents")
    dest = tmp_path / "dyad.html"
    rc, out, _ = run_cli(["brief", "Hanwha", "--with", "Georgia", "-o", str(dest), "--out", str(build_dir)], capsys)
    assert rc == 0 and out.strip() == str(dest) and "$2.5 billion" in dest.read_text(encoding="utf-8")
    rc, _, err = run_cli(["brief", "Japan", "-o", str(tmp_path / "b.pdf"), "--out", str(build_dir)], capsys)
    assert rc == 1 and "give a .md, .html or .json file" in err
    rc, _, err = run_cli(["brief", "Narnia Republic", "--out", str(build_dir)], capsys)
    assert rc == 1 and "no entity named 'Narnia Republic'" in err


# -- the corpus -------------------------------------------------------------------------------------
def test_corpus_brief_japan_has_the_2019_retaliation(corpus_build):
    docs = corpus_build.out / "documents"
    md = BR.brief(corpus_build.kg, "Japan", docs_dir=docs)
    ret = section(md, "Retaliation and targeting")
    # the year is the fact's own, or (marked) the one its quote states: "In the summer of 2019, ... South Korea also
    # became a target of Japanese economic retaliation"
    lines = [x for x in ret.splitlines()
             if re.search(r"Japan —RETALIATES_AGAINST \((.*, )?2019( per the quote)?\)→ South Korea", x)]
    assert lines, ret
    # the retaliation chain starts with it, in 2019, and has South Korea's counter-measure
    chain = ret[ret.index("### Retaliation chain: Japan and South Korea"):].splitlines()
    steps = [x for x in chain if x.startswith("- ")]
    assert steps[0].startswith("- **2019** — measure by Japan against South Korea"), steps
    assert any("counter-measure by South Korea against Japan" in x for x in steps), steps
    _, notes = split(md)
    quotes = [notes[n][0] for n in refs(lines[0])]
    assert any("retaliation" in q.lower() or "Japan imposed" in q for q in quotes), quotes
    assert_footnotes_resolve(md, docs)


def test_corpus_dyad_hanwha_georgia_has_the_investment(corpus_build):
    docs = corpus_build.out / "documents"
    md = BR.brief(corpus_build.kg, "Hanwha", with_="Georgia", docs_dir=docs)
    assert "$2.5 billion" in section(md, "Direct relations") + section(md, "How they are linked")
    assert "$2.5 billion" in section(md, "Money between them")
    assert_footnotes_resolve(md, docs)


@pytest.mark.parametrize("name", ["South Korea", "SK Hynix", "United States"])
def test_corpus_footnotes_resolve(corpus_build, name):
    docs = corpus_build.out / "documents"
    assert_footnotes_resolve(BR.brief(corpus_build.kg, name, docs_dir=docs), docs)


def test_python_api_explain_and_brief(build_dir):
    from policygraph import open_build

    g = open_build(build_dir)
    ex = g.explain("Japan", "ROK")  # policygraph explain Japan ROK
    assert ex.found and ex.to_frames()[0]["predicate"].tolist()
    md = g.brief("Japan")  # policygraph brief Japan
    assert md.startswith("# Briefing: Japan") and assert_footnotes_resolve(md, build_dir / "documents")
    assert "$2.5 billion" in g.brief("Hanwha", with_="Georgia")


# -- numbers and dates an analyst can cite (issue 11), on graphs built here -----------------------------------
def money_graph(docs_dir: Path):
    """Made-up facts shaped like the corpus's traps: exports both ways and of different things, a phase-out year
    stated in a quote, a domestic pledge to two sectors, Korean firms investing in US states (one amount stated
    jointly for two states), a firm whose home country the text states."""
    from policygraph.graph.model import Entity, KnowledgeGraph, Relation, entity_id

    kg = KnowledgeGraph()
    for type_, name, home in [("Country", "South Korea", None), ("Country", "United States", None),
                              ("Firm", "Battery Co", "country/south-korea"), ("Firm", "Motor Co", "country/south-korea"),
                              ("Firm", "Solar Co", None), ("Firm", "Nippon Parts", "country/japan"),
                              ("USState", "Kentucky", None), ("USState", "Tennessee", None), ("USState", "Georgia", None),
                              ("Sector", "pharmaceuticals", None), ("Sector", "biotechnology", None),
                              ("Policy", "truck tariff", None), ("Country", "Japan", None)]:
        kg.add_entity(Entity(entity_id(type_, name), name, type_, {name}, {"doc-n"}, None, "gazetteer", home))
    text = "Made-up report.\n\n"
    at = {}

    def rel(s, p, o, props, quote, conf=0.8):
        nonlocal text
        if quote not in at:
            at[quote] = len(text)
            text += quote + "\n\n"
        kg.add_relation(Relation(s, p, o, props, conf, [Evidence("doc-n", at[quote], at[quote] + len(quote), quote)]))
    sk, us = "country/south-korea", "country/united-states"
    rel(sk, "EXPORTS_TO", us, {"amount_usd": 375e6, "year": 2018, "product": "aluminum"},
        "Korean aluminum exports to the United States were $375 million in 2018.")
    rel(us, "EXPORTS_TO", sk, {"amount_usd": 8.3e9, "year": 2018, "product": "agricultural products"},
        "U.S. farm exports to South Korea reached $8.3 billion in 2018.")
    rel(us, "EXPORTS_TO", sk, {"amount_usd": 127.8e9}, "Total U.S. exports to South Korea were $127.8 billion.")
    rel("policy/truck-tariff", "TARGETS", sk, {}, "South Korea accepted extending the truck tariff phaseout until 2041.")
    for sector in ("pharmaceuticals", "biotechnology"):
        rel(sk, "INVESTS_IN", f"sector/{sector}", {"amount_usd": 419e6, "year": 2019},
            "South Korea's government pledged $419 million to grow its pharmaceutical and biotech industries in 2019.")
    joint = "Battery Co will invest $11.4 billion in battery parks in Kentucky and Tennessee."
    for state in ("kentucky", "tennessee"):
        rel("firm/battery-co", "INVESTS_IN", f"usstate/{state}", {"amount_usd": 11.4e9, "year": 2021, "joint": True,
                                                                "joint_id": "battery-parks"}, joint)
    rel("firm/motor-co", "INVESTS_IN", "usstate/georgia", {"amount_usd": 5.4e9, "year": 2022},
        "Motor Co is building a $5.4 billion plant in Georgia.")
    rel("firm/solar-co", "LOCATED_IN", sk, {}, "Solar Co, a South Korean company, makes panels.")
    rel("firm/solar-co", "INVESTS_IN", "usstate/georgia", {"amount_usd": 2.5e9, "year": 2023, "status": "proposed"},
        "Solar Co proposed $2.5 billion for Georgia in 2023.")
    rel("firm/nippon-parts", "INVESTS_IN", "usstate/kentucky", {"amount_usd": 2e9, "year": 2020},
        "Nippon Parts put $2 billion into Kentucky in 2020.")
    docs_dir.mkdir(parents=True, exist_ok=True)
    with open(docs_dir / "doc-n.txt", "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    return kg


@pytest.fixture
def money_kg(docs_dir):
    return money_graph(docs_dir)


def all_amounts(md: str) -> set[float]:
    scale = {"million": 1e6, "billion": 1e9, "trillion": 1e12}
    return {round(float(n) * scale[w], -5) for n, w in re.findall(r"\$([\d.]+) (million|billion|trillion)", md)}


def test_brief_adds_no_amounts_across_predicates_directions_or_measures(money_kg, docs_dir):
    md = BR.brief(money_kg, "South Korea", docs_dir=docs_dir)
    amounts = all_amounts(section(md, "Money"))
    # no sum of exports in either direction or across products: 375M + 8.3B + 127.8B, 8.3B + 127.8B...
    for total in (375e6 + 8.3e9 + 127.8e9, 8.3e9 + 127.8e9, 375e6 + 8.3e9, 419e6 * 2):
        assert round(total, -5) not in amounts, total
    other = section(md, "Money")[section(md, "Money").index("### Other amounts"):]
    assert "**South Korea —EXPORTS_TO→ United States (product: aluminum)**: $375 million (2018)" in other
    assert "**United States —EXPORTS_TO→ South Korea (product: agricultural products)**: $8.3 billion (2018)" in other
    assert "**United States —EXPORTS_TO→ South Korea**: $127.8 billion (year not stated)" in other
    assert "No disagreeing amounts." in section(md, "Corroboration")  # different products and years: no disagreement
    assert_footnotes_resolve(md, docs_dir)


def test_brief_years_are_event_years(money_kg, docs_dir):
    md = BR.brief(money_kg, "South Korea", docs_dir=docs_dir)
    body, _ = split(md)
    assert "2041" not in body  # only in the quote (its footnote): a phase-out's end, not an event of the fact
    assert "truck tariff —TARGETS→ South Korea" in section(md, "Retaliation and targeting")
    years = [int(y) for y in re.findall(r"^- \*\*(\d{4})\*\*", section(md, "Timeline"), re.M)]
    assert years == sorted(years) and set(years) == {2018, 2019}


def test_by_us_state_holds_only_facts_whose_object_is_a_us_state(money_kg, docs_dir):
    md = BR.brief(money_kg, "South Korea", docs_dir=docs_dir)
    money = section(md, "Money")
    assert "### Investment into US states" not in money  # South Korea's own investments are in sectors
    other = money[money.index("### Other investments"):money.index("### Investment by firms")]
    assert "| South Korea | biotechnology, pharmaceuticals | 2019 | $419 million" in other
    assert "one amount stated for biotechnology and pharmaceuticals" in other
    georgia = section(BR.brief(money_kg, "Georgia", docs_dir=docs_dir), "Money")
    rows = [x for x in georgia.splitlines() if x.startswith("| Georgia |")]
    assert len(rows) == 2 and any("proposed" in r for r in rows)  # a status is shown with its fact


def test_firm_investments_roll_up_to_their_home_country(money_kg, docs_dir):
    md = BR.brief(money_kg, "South Korea", docs_dir=docs_dir)
    roll = section(md, "Money")[section(md, "Money").index("### Investment by firms based in South Korea"):]
    assert "| Battery Co | South Korea (general knowledge) | Kentucky, Tennessee | 2021 | $11.4 billion" in roll
    assert "| Motor Co | South Korea (general knowledge) | Georgia | 2022 | $5.4 billion" in roll
    assert re.search(r"\| Solar Co \| South Korea \(stated in the text\)\[\^\d+\] \| Georgia \| 2023 \| \$2.5 billion", roll)
    assert "Nippon Parts" not in roll  # a Japanese firm
    # the joint amount once: 11.4 + 5.4 + 2.5
    assert "**Total by firms based in South Korea:** $19.3 billion in 3 investments by 3 firms" in roll
    data = json.loads(BR.brief(money_kg, "South Korea", fmt="json", docs_dir=docs_dir))["data"]["home_country_rollup"]
    assert data["total_usd"] == pytest.approx(19.3e9) and [f["name"] for f in data["firms"]] == [
        "Battery Co", "Motor Co", "Solar Co"]
    assert data["firms"][2]["basis"] == "stated in the text"
    assert_footnotes_resolve(md, docs_dir)


def test_a_joint_amount_is_counted_once_and_shown_as_joint(money_kg, docs_dir):
    md = BR.brief(money_kg, "Battery Co", docs_dir=docs_dir)
    money = section(md, "Money")
    assert "| Kentucky and Tennessee (joint) | 2021 | $11.4 billion" in money
    assert "one amount stated for Kentucky and Tennessee" in money
    assert "**Total investment:** $11.4 billion in 1 investment" in money
    assert "**By US state:** Kentucky and Tennessee (joint) $11.4 billion" in money
    kentucky = section(BR.brief(money_kg, "Kentucky", docs_dir=docs_dir), "Money")
    assert "**Total investment:** $13.4 billion in 2 investments" in kentucky  # Battery Co's joint amount, Nippon's


def test_brief_formats_json_and_html_with_a_print_stylesheet(money_kg, docs_dir, tmp_path):
    (docs_dir / "doc-n.html").write_text("<!DOCTYPE html><title>page</title>", encoding="utf-8")  # the build's page
    data = json.loads(BR.brief(money_kg, "Motor Co", fmt="json", docs_dir=docs_dir))
    assert data["title"] == "Briefing: Motor Co" and data["blocks"][0] == {"type": "heading", "level": 1,
                                                                           "text": "Briefing: Motor Co"}
    src = data["sources"][0]
    assert src["doc"] == "doc-n" and src["link"].endswith(f"doc-n.html#c={src['start']}-{src['end']}")
    inv = data["data"]["investments"][0]
    assert (inv["amount_usd"], inv["year"], inv["objects"]) == (5.4e9, 2022, ["usstate/georgia"])
    out = tmp_path / "b" / "motor.html"
    page = BR.brief(money_kg, "Motor Co", out=out, docs_dir=docs_dir)
    assert "@media print" in page and "iframe.view{display:none}" in page
    link = re.search(r'<a class="src" href="([^"]+)">', page).group(1)
    assert (out.parent / link.split("#")[0]).resolve() == (docs_dir / "doc-n.html").resolve()
    md = BR.brief(money_kg, "Motor Co", docs_dir=docs_dir, out=tmp_path / "m.md")
    assert "[open in the document](" in md


def test_cli_brief_format(build_dir, tmp_path, capsys):
    rc, out, _ = run_cli(["brief", "Japan", "--format", "html", "--out", str(build_dir)], capsys)
    assert rc == 0 and out.startswith("<!DOCTYPE html>")  # HTML on stdout, no longer refused
    rc, out, _ = run_cli(["brief", "Japan", "-f", "json", "--out", str(build_dir)], capsys)
    assert rc == 0 and json.loads(out)["title"] == "Briefing: Japan"
    rc, out, _ = run_cli(["brief", "Japan", "-o", str(tmp_path / "j.json"), "--out", str(build_dir)], capsys)
    assert rc == 0 and json.loads((tmp_path / "j.json").read_text(encoding="utf-8"))["title"] == "Briefing: Japan"
    rc, _, err = run_cli(["brief", "Japan", "-o", str(tmp_path / "j.md"), "--format", "html", "--out", str(build_dir)], capsys)
    assert rc == 1 and "is a .md file but --format is html" in err


def test_corpus_brief_south_korea_numbers(corpus_build):
    """The corpus's traps: no export totals across directions, no 2041, no domestic pledge under US states, the
    Korean firms' US investments rolled up to South Korea."""
    docs = corpus_build.out / "documents"
    kg = corpus_build.kg
    assert kg.entities["firm/sk-hynix"].home_country == "country/south-korea"  # carried from the gazetteer
    md = BR.brief(kg, "South Korea", docs_dir=docs)
    body, _ = split(md)
    money = section(md, "Money")
    assert "136.47" not in money and "2041" not in section(md, "Timeline")
    if "### Investment into US states" in money:
        states = money[money.index("### Investment into US states"):].split("\n### ")[0]
        assert "419 million" not in states
    roll = money[money.index("### Investment by firms based in South Korea"):]
    for firm in ("SK Innovation", "Hyundai Motor Group", "Hanwha Q Cells", "SK Hynix"):
        assert f"| {firm} | South Korea (" in roll, firm
    total = re.search(r"\*\*Total by firms based in South Korea:\*\* \$([\d.]+) billion", roll)
    assert total and float(total.group(1)) == pytest.approx(5.4 + 11.4 + 2.5 + 3.87)  # each amount once
    assert_footnotes_resolve(md, docs)
