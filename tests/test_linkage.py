"""explain(): name resolution, typed paths, ranking, the no-link answer, output formats and the CLI; then the
same on the corpus graph (built once per session by the `corpus_build` fixture of conftest.py).

The hand-made graph's facts are made up; their quotes are written into a documents folder so that every
evidence offset can be checked against document text, as in a real build.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from policygraph.console import PolicygraphError
from policygraph.graph.model import Entity, Evidence, KnowledgeGraph, Relation, entity_id
from policygraph.queries import linkage as L

INJECTION = "<script>alert('pwned')</script>"

# (doc, subject, predicate, object, props, confidence, quote); quotes of one document are joined into its text
FACTS = [
    ("doc-a", "SK Hynix", "LOCATED_IN", "South Korea", {}, 0.8,
     "SK Hynix, the chipmaker based in South Korea, reported record sales."),
    ("doc-a", "SK Hynix", "INVESTS_IN", "Indiana", {"amount_usd": 3.87e9, "year": 2024}, 0.9,
     "SK Hynix will invest $3.87 billion in an Indiana\npackaging plant in 2024."),
    ("doc-a", "SK Hynix", "OPERATES_IN", "semiconductors", {}, 0.7, "SK Hynix makes memory semiconductors."),
    ("doc-b", "Samsung Electronics", "OPERATES_IN", "semiconductors", {}, 0.7, "Samsung makes semiconductors too."),
    ("doc-b", "Samsung Electronics", "LOCATED_IN", "South Korea", {}, 0.6, "Samsung is a South Korean firm."),
    ("doc-b", "Samsung Electronics", "INVESTS_IN", "Texas", {"amount_usd": 17e9, "year": 2021}, 0.8,
     f"Samsung said {INJECTION} it will invest $17 billion in Texas in 2021."),
    ("doc-a", "Japan", "RETALIATES_AGAINST", "South Korea",
     {"year": 2019, "measure": "export restrictions on chip materials"}, 0.9,
     "In July 2019 Japan retaliated against South Korea with export restrictions on chip materials."),
    ("doc-a", "South Korea", "RETALIATES_AGAINST", "Japan", {"year": 2019, "measure": "WTO complaint"}, 0.8,
     "In response, South Korea filed a WTO complaint against Japan."),
    ("doc-a", "Japan", "IMPOSES", "Japanese export controls", {"year": 2019}, 0.8,
     "Japan imposed export controls on three materials in 2019."),
    ("doc-a", "Japanese export controls", "TARGETS", "South Korea", {"year": 2019}, 0.7,
     "The export controls targeted South Korean manufacturers."),
    ("doc-a", "Japanese export controls", "TARGETS", "semiconductors", {"year": 2019}, 0.7,
     "The controls hit the semiconductor supply chain."),
    ("doc-b", "United States", "IMPOSES", "Section 232 steel tariffs", {"year": 2018}, 0.9,
     "The United States imposed Section 232 steel tariffs in 2018."),
    ("doc-b", "Section 232 steel tariffs", "TARGETS", "South Korea", {"year": 2018}, 0.7,
     "The tariffs applied to South Korean steel."),
    ("doc-b", "United States", "PARTY_TO", "KORUS FTA", {}, 0.9, "The United States is a party to KORUS."),
    ("doc-b", "South Korea", "PARTY_TO", "KORUS FTA", {}, 0.9, "South Korea is a party to KORUS."),
    ("doc-b", "Hanwha Q Cells", "INVESTS_IN", "Georgia", {"amount_usd": 2.5e9, "year": 2023, "purpose": "solar"},
     0.8, "Hanwha Q Cells is investing $2.5 billion in its Georgia solar factory."),
    ("doc-b", "Hanwha Q Cells", "INVESTS_IN", "Hanwha Q Cells solar factory", {"amount_usd": 2.5e9, "year": 2023},
     0.7, "Hanwha Q Cells is investing $2.5 billion in its Georgia solar factory."),
    ("doc-b", "Hanwha Q Cells solar factory", "LOCATED_IN", "Georgia", {}, 0.7,
     "Hanwha Q Cells is investing $2.5 billion in its Georgia solar factory."),
    ("doc-a", "Hanwha Q Cells", "INVESTS_IN", "Georgia", {"amount_usd": 2.5e9, "year": 2023}, 0.6,
     "Qcells put $2.5 billion into Georgia in 2023."),
    ("doc-c", "Hanwha Q Cells", "INVESTS_IN", "Georgia", {"amount_usd": 2.7e9, "year": 2023}, 0.5,
     "A local paper put the Qcells Georgia investment at $2.7 billion in 2023."),
    ("doc-c", "Hanwha Q Cells", "LOCATED_IN", "South Korea", {}, 0.6, "Qcells is a unit of a South Korean group."),
    ("doc-b", "Hyundai Motor", "INVESTS_IN", "Georgia", {"amount_usd": 5.4e9, "year": 2022}, 0.9,
     "Hyundai Motor is building a $5.4 billion EV plant in Georgia."),
    ("doc-c", "Kiribati", "COOPERATES_WITH", "Tuvalu", {}, 0.6, "Kiribati and Tuvalu cooperate on fisheries."),
]

ENTITIES = [
    ("Country", "United States", ["U.S.", "USA"], "Q30"),
    ("Country", "South Korea", ["ROK", "Republic of Korea", "Korea"], "Q884"),
    ("Country", "Japan", [], "Q17"),
    ("Country", "Kiribati", [], None),
    ("Country", "Tuvalu", [], None),
    ("Country", "Mongolia", [], None),
    ("Firm", "SK Hynix", ["SK hynix", "Hynix"], "Q491563"),
    ("Firm", "Samsung Electronics", ["Samsung"], None),
    ("Firm", "Samsung C&T", ["Samsung"], None),
    ("Firm", "Hanwha Q Cells", ["Qcells"], None),
    ("Firm", "Hyundai Motor", ["Hyundai"], None),
    ("Facility", "Hanwha Q Cells solar factory", [], None),
    ("USState", "Georgia", [], None),
    ("USState", "Indiana", [], None),
    ("USState", "Texas", [], None),
    ("Policy", "Japanese export controls", ["export controls"], None),
    ("Policy", "Section 232 steel tariffs", ["Section 232"], None),
    ("Agreement", "KORUS FTA", ["KORUS"], None),
    ("Sector", "semiconductors", ["chips"], None),
]


def make_graph(docs_dir: Path) -> KnowledgeGraph:
    """The hand-made graph, with each document's text written to docs_dir/<doc>.txt."""
    kg = KnowledgeGraph()
    types = {}
    for type_, name, aliases, qid in ENTITIES:
        types[name] = type_
        kg.add_entity(Entity(entity_id(type_, name), name, type_, set(aliases) | {name}, set(), qid, "gazetteer"))
    texts: dict[str, str] = {}
    for doc, s, p, o, props, conf, quote in FACTS:
        text = texts.get(doc, f"Made-up report {doc}.\n\n")
        start = text.find(quote)
        if start < 0:
            start = len(text)
            text += quote + "\n\n"
        texts[doc] = text
        sid, oid = entity_id(types[s], s), entity_id(types[o], o)
        kg.entities[sid].docs.add(doc)
        kg.entities[oid].docs.add(doc)
        kg.add_relation(Relation(sid, p, oid, dict(props), conf, [Evidence(doc, start, start + len(quote), quote)]))
    docs_dir.mkdir(parents=True, exist_ok=True)
    for doc, text in texts.items():
        with open(docs_dir / f"{doc}.txt", "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
    return kg


@pytest.fixture
def docs_dir(tmp_path) -> Path:
    return tmp_path / "documents"


@pytest.fixture
def kg(docs_dir) -> KnowledgeGraph:
    return make_graph(docs_dir)


def doc_text(docs_dir: Path, doc: str) -> str:
    with open(docs_dir / f"{doc}.txt", encoding="utf-8", newline="") as fh:
        return fh.read()


# -- name resolution ----------------------------------------------------------------------------------
@pytest.mark.parametrize("given,expected", [
    ("SK Hynix", "SK Hynix"), ("sk  hynix", "SK Hynix"), ("firm/sk-hynix", "SK Hynix"), ("ROK", "South Korea"),
    ("u.s.", "United States"), ("The United States", "United States"), ("Hanwha", "Hanwha Q Cells"),
    ("SK Hinix", "SK Hynix"), ("Georgia (USState)", "Georgia"), ("korus", "KORUS FTA"),
])
def test_resolve(kg, given, expected):
    notes = []
    assert L.resolve(kg, given, notes).name == expected
    if given in ("Hanwha", "SK Hinix"):
        assert notes and expected in notes[0]


def test_resolve_ambiguous_alias_says_did_you_mean(kg):
    with pytest.raises(PolicygraphError, match=r"ambiguous.*did you mean: .*Samsung Electronics.*Samsung C&T"
                                               r"|ambiguous.*did you mean: .*Samsung C&T.*Samsung Electronics"):
        L.resolve(kg, "Samsung")


def test_resolve_ambiguous_part_of_names(kg):
    # 'Korea' is an alias of South Korea, so exact; 'Hyundai' an alias; 'Section' is part of one name only;
    # 'S' is too little; 'Q Cells solar' is part of one name
    assert L.resolve(kg, "Q Cells solar").name == "Hanwha Q Cells solar factory"
    with pytest.raises(PolicygraphError, match="did you mean"):
        L.resolve(kg, "Samsung Group")


def test_a_part_of_a_name_takes_the_head_a_longer_name_is_built_on_by_any_of_its_names():
    # the facility is named with the firm's name, not with the firm's shorter alias
    kg = KnowledgeGraph()
    for type_, name, aliases in (("Firm", "Velkor Q Cells", {"Velkor Qcells"}),
                                 ("Facility", "Velkor Q Cells solar factory", set()),
                                 ("Firm", "Texla Motors", set()), ("Facility", "Texla plant", set())):
        kg.add_entity(Entity(entity_id(type_, name), name, type_, aliases | {name}))
    assert L.resolve(kg, "Velkor").name == "Velkor Q Cells"
    with pytest.raises(PolicygraphError, match="ambiguous"):
        L.resolve(kg, "Texla")  # "Texla plant" is not built on "Texla Motors"


def test_resolve_unknown(kg):
    with pytest.raises(PolicygraphError, match=r"no entity named 'Narnia Republic'"):
        L.resolve(kg, "Narnia Republic")
    with pytest.raises(PolicygraphError, match=r"did you mean: .*Japan"):
        L.resolve(kg, "Japna")  # too far to take silently, close enough to suggest
    with pytest.raises(PolicygraphError, match="name is needed"):
        L.resolve(kg, "  ")


def test_a_misspelt_word_of_a_name_suggests_that_name_and_nothing_far_behind(kg):
    for typo in ("Hanwa", "Hanwah"):
        with pytest.raises(PolicygraphError) as err:
            L.resolve(kg, typo)
        offered = str(err.value).split("did you mean: ")[1]
        assert offered.startswith("Hanwha"), offered
        assert "Vietnam" not in offered and "China" not in offered, offered


# -- paths --------------------------------------------------------------------------------------------
def test_explain_direct_hop_with_quote_and_document(kg, docs_dir):
    ex = L.explain(kg, "SK Hynix", "South Korea")
    assert ex.found and ex.paths[0].length == 1
    hop = ex.paths[0].hops[0]
    assert (hop.subject, hop.predicate, hop.object, hop.direction) == ("SK Hynix", "LOCATED_IN", "South Korea",
                                                                      "forward")
    assert hop.quotes == [("doc-a", "SK Hynix, the chipmaker based in South Korea, reported record sales.")]
    md = ex.to_markdown()
    assert "SK Hynix —LOCATED_IN→ South Korea" in md
    assert "“SK Hynix, the chipmaker based in South Korea, reported record sales.” — *doc-a*" in md
    # every quote of every hop is the document's text at its offsets
    for p in ex.paths:
        for h in p.hops:
            for ev in h.evidence:
                assert doc_text(docs_dir, ev.doc)[ev.start:ev.end] == ev.quote


def test_hop_label_has_amount_and_year(kg):
    ex = L.explain(kg, "SK Hynix", "Indiana")
    assert ex.paths[0].hops[0].label == "SK Hynix —INVESTS_IN ($3.87 billion, 2024)→ Indiana"
    # a quote broken over two lines is printed on one
    assert "“SK Hynix will invest $3.87 billion in an Indiana packaging plant in 2024.”" in ex.to_markdown()


def test_ranking_puts_the_retaliation_and_the_measure_path_first(kg):
    ex = L.explain(kg, "Japan", "South Korea", k=5)
    first, second = ex.paths[:2]
    # the direct link: the retaliation as stated (the stronger one), the reverse one listed with it, not a path
    assert first.kind == "direct" and (first.hops[0].predicate, first.hops[0].direction) == ("RETALIATES_AGAINST", "forward")
    assert [a["label"] for a in first.hops[0].also] == ["South Korea —RETALIATES_AGAINST (2019)→ Japan"]
    # the measure path: Japan IMPOSES export controls that TARGET South Korea, shown as such
    assert second.kind == "measure" and second.measures == ["Japanese export controls"]
    assert [h.predicate for h in second.hops] == ["IMPOSES", "TARGETS"]
    assert second.summary == "Japan imposes Japanese export controls, which targets South Korea"
    md = ex.to_markdown()
    assert "## Path 2: a measure, 2 hops" in md and "Japan imposes Japanese export controls, which targets" in md
    assert "also between them: South Korea —RETALIATES_AGAINST (2019)→ Japan" in md
    # paths differ in the entities they pass through
    inner = [tuple(p.inner_ids) for p in ex.paths]
    assert len(set(inner)) == len(inner)


def test_paths_pass_through_different_entities():
    """explain "SK Hynix" "South Korea" on a graph shaped like the corpus's: the firm invests in the United States
    (a hub tied to South Korea by many relations) and works in semiconductors, a sector South Korea is in."""
    kg = KnowledgeGraph()
    for type_, name in [("Firm", "SK Hynix"), ("Country", "South Korea"), ("Country", "United States"),
                        ("Sector", "semiconductors")] + [("Firm", f"Firm {i}") for i in range(12)]:
        kg.add_entity(Entity(entity_id(type_, name), name, type_, {name}, set()))
    ids = {e.name: e.id for e in kg.entities.values()}

    def rel(s, p, o, conf=0.9, year=None):
        kg.add_relation(Relation(ids[s], p, ids[o], {"year": year} if year else {}, conf, [Evidence("d", 0, 1, "q")]))
    rel("SK Hynix", "INVESTS_IN", "United States", 0.95)
    rel("SK Hynix", "OPERATES_IN", "semiconductors", 0.7)
    rel("South Korea", "OPERATES_IN", "semiconductors", 0.65)
    for i, p in enumerate(["COOPERATES_WITH", "NEGOTIATES", "EXPORTS_TO", "INVESTS_IN", "PARTNERS_WITH"]):
        rel("South Korea", p, "United States", 1.0, 2010 + i)
    for i in range(12):
        rel(f"Firm {i}", "INVESTS_IN", "United States")
    ex = L.explain(kg, "SK Hynix", "South Korea")
    assert [p.nodes[1] for p in ex.paths] == ["semiconductors", "United States"]
    assert len(ex.paths[1].hops[1].also) == 4  # the other United States - South Korea relations, listed once


def test_hubs_cost_more_than_specific_routes():
    """A route through an entity linked to many others ranks below a longer, specific one; paths differ."""
    kg = KnowledgeGraph()
    names = ["A", "B", "Hub", "X", "Y"] + [f"L{i}" for i in range(40)]
    for n in names:
        kg.add_entity(Entity(f"firm/{n.lower()}", n, "Firm", {n}, set()))

    def rel(s, o, conf=0.8):
        kg.add_relation(Relation(f"firm/{s.lower()}", "PARTNERS_WITH", f"firm/{o.lower()}", {}, conf,
                                 [Evidence("d", 0, 1, "q")]))
    rel("A", "Hub"), rel("Hub", "B")
    for i in range(40):
        rel("Hub", f"L{i}")
    rel("A", "X"), rel("X", "Y"), rel("Y", "B")  # three hops, through entities of degree 2
    ex = L.explain(kg, "A", "B", k=3)
    assert [p.nodes for p in ex.paths[:2]] == [["A", "X", "Y", "B"], ["A", "Hub", "B"]]
    assert ex.paths[1].hubs == [("Hub", 42)] and ex.paths[0].cost < ex.paths[1].cost
    assert "_Through Hub (a hub: 42 neighbours)._" in ex.to_markdown()


def test_ranking_prefers_evidence_over_discovery_order_and_documents_break_ties():
    kg = KnowledgeGraph()
    for n in "ABXYZ":
        kg.add_entity(Entity(f"firm/{n.lower()}", n, "Firm", {n}, set()))

    def rel(s, o, conf, docs):
        kg.add_relation(Relation(f"firm/{s.lower()}", "PARTNERS_WITH", f"firm/{o.lower()}", {}, conf,
                                 [Evidence(d, 0, 1, "q") for d in docs]))
    rel("A", "X", 0.3, ["d1"]); rel("X", "B", 0.3, ["d1"])                 # weak
    rel("A", "Y", 0.9, ["d1"]); rel("Y", "B", 0.9, ["d1"])                 # strong, one document
    rel("A", "Z", 0.9, ["d1"]); rel("Z", "B", 0.9, ["d1", "d2"])           # as strong, two documents
    ex = L.explain(kg, "A", "B", k=1)
    assert ex.paths[0].nodes == ["A", "Z", "B"]
    ex = L.explain(kg, "A", "B", k=3)
    assert [p.nodes[1] for p in ex.paths] == ["Z", "Y", "X"]
    assert ex.paths[0].hops[0].direction == "symmetric"


def test_no_link_within_n_hops(kg):
    ex = L.explain(kg, "SK Hynix", "Kiribati")
    assert not ex.found and ex.paths == []
    assert ex.message == "no link between SK Hynix and Kiribati within 4 hops"
    assert "**No link** between SK Hynix and Kiribati within 4 hops." in ex.to_markdown()
    data = json.loads(ex.to_json())
    assert data["found"] is False and data["paths"] == [] and "no link" in data["message"]
    assert ex.to_frames() == []


def test_no_link_says_how_far_the_link_is(kg):
    ex = L.explain(kg, "Indiana", "Japan", max_hops=2)
    assert not ex.found and ex.shortest_beyond == 3  # Indiana - SK Hynix - South Korea - Japan
    assert "try --max-hops 3" in ex.message
    assert L.explain(kg, "Indiana", "Japan", max_hops=3).paths[0].length == 3


def test_isolated_entity_is_noted(kg):
    ex = L.explain(kg, "Mongolia", "Japan")
    assert not ex.found and any("Mongolia has no relations" in n for n in ex.notes)


def test_json_and_frames(kg):
    ex = L.explain(kg, "Hanwha", "South Korea", k=3)
    data = json.loads(ex.to_json())
    assert data["from"] == {"name": "Hanwha Q Cells", "id": "firm/hanwha-q-cells"}
    assert data["paths"][0]["rank"] == 1
    hop = data["paths"][0]["hops"][0]
    assert {"subject", "predicate", "object", "direction", "props", "quotes", "confidence", "label"} <= set(hop)
    assert hop["quotes"][0]["doc"] == "doc-c" and "start" in hop["quotes"][0]
    frames = ex.to_frames()
    assert len(frames) == len(ex.paths)
    assert list(frames[0].columns[:5]) == ["step", "subject", "predicate", "object", "direction"]
    assert len(frames[0]) == ex.paths[0].length


def test_parallel_relations_are_one_hop_with_the_others_listed(kg):
    ex = L.explain(kg, "Hanwha Q Cells", "Georgia", k=5)
    direct = [p for p in ex.paths if p.length == 1]
    assert len(direct) == 1  # one path per route, not per relation
    hop = direct[0].hops[0]
    # the $2.5 billion fact (two documents' evidence merged into one relation) is the hop; $2.7 billion is listed
    assert hop.props["amount_usd"] == 2.5e9 and hop.docs == ["doc-a", "doc-b"]
    assert [a["label"] for a in hop.also] == ["Hanwha Q Cells —INVESTS_IN ($2.7 billion, 2023)→ Georgia"]
    assert json.loads(ex.to_json())["paths"][0]["hops"][0]["also"][0]["relation_id"]


def test_bad_arguments(kg):
    with pytest.raises(PolicygraphError, match="same entity"):
        L.explain(kg, "ROK", "South Korea")
    with pytest.raises(PolicygraphError, match="max_hops"):
        L.explain(kg, "Japan", "South Korea", max_hops=0)
    with pytest.raises(PolicygraphError, match="k must"):
        L.explain(kg, "Japan", "South Korea", k="5")


def test_format_usd():
    assert L.format_usd(3.87e9) == "$3.87 billion"
    assert L.format_usd(5e8) == "$500 million"
    assert L.format_usd(1.2e12) == "$1.2 trillion"
    assert L.format_usd(1200) == "$1,200"


# -- the CLI ------------------------------------------------------------------------------------------
@pytest.fixture
def build_dir(tmp_path) -> Path:
    out = tmp_path / "out"
    kg = make_graph(out / "documents")
    (out / "facts.jsonl").write_text(kg.to_jsonl(), encoding="utf-8")
    return out


def run_cli(argv, capsys):
    from policygraph.cli import main

    rc = main(argv)
    cap = capsys.readouterr()
    return rc, cap.out, cap.err


def test_cli_explain(build_dir, capsys):
    rc, out, _ = run_cli(["explain", "SK Hynix", "ROK", "--out", str(build_dir)], capsys)
    assert rc == 0 and "SK Hynix —LOCATED_IN→ South Korea" in out and "*doc-a*" in out
    rc, out, _ = run_cli(["explain", "Japan", "South Korea", "-k", "2", "--format", "json", "--out",
                          str(build_dir)], capsys)
    data = json.loads(out)
    assert rc == 0 and len(data["paths"]) == 2
    rc, out, _ = run_cli(["explain", "SK Hynix", "Kiribati", "--max-hops", "3", "--out", str(build_dir)], capsys)
    assert rc == 0 and "No link** between SK Hynix and Kiribati within 3 hops" in out


def test_cli_explain_errors(build_dir, tmp_path, capsys):
    rc, _, err = run_cli(["explain", "Samsung", "Japan", "--out", str(build_dir)], capsys)
    assert rc == 1 and "did you mean" in err and "Traceback" not in err and err.count("\n") == 1
    rc, _, err = run_cli(["explain", "Japan", "ROK", "--out", str(tmp_path / "nowhere")], capsys)
    assert rc == 1 and "no build here" in err
    with pytest.raises(SystemExit):
        run_cli(["explain", "Japan", "ROK", "--max-hops", "0"], capsys)
    assert "must be between 1" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["explain", "brief"])
def test_cli_help_has_an_example(command, capsys):
    with pytest.raises(SystemExit):
        run_cli([command, "--help"], capsys)
    out = capsys.readouterr().out
    assert "example" in out and f"policygraph {command} " in out


# -- the corpus ---------------------------------------------------------------------------------------
def _assert_cited(build, ex):
    for p in ex.paths:
        for h in p.hops:
            assert h.evidence, h.label
            for ev in h.evidence:
                text = (build.out / "documents" / f"{ev.doc}.txt").read_text(encoding="utf-8")
                assert text[ev.start:ev.end] == ev.quote


def test_corpus_explain_sk_hynix_south_korea(corpus_build):
    ex = L.explain(corpus_build.kg, "SK Hynix", "South Korea")
    assert ex.found, ex.message
    _assert_cited(corpus_build, ex)
    md = ex.to_markdown()
    assert "SK Hynix" in md and "South Korea" in md and "us-rok-negotiations" in md
    assert re.search(r"—[A-Z_]+( \([^)]*\))?→", md)
    # "SK Hynix leading production and investing billions to establish cutting-edge facilities in the United
    # States": the link starts with SK Hynix's investment, quoted
    first = [p.hops[0] for p in ex.paths]
    assert any(h.subject == "SK Hynix" and h.predicate == "INVESTS_IN" and any("SK Hynix" in q for _, q in h.quotes)
               for h in first), md
    assert all(p.nodes[0] == "SK Hynix" and p.nodes[-1] == "South Korea" for p in ex.paths)
    # paths through different entities (issue 11): not five variants of one route through the United States
    assert len({p.nodes[1] for p in ex.paths}) >= 2, md
    assert len({tuple(p.inner_ids) for p in ex.paths}) == len(ex.paths)


def test_corpus_explain_japan_south_korea(corpus_build):
    ex = L.explain(corpus_build.kg, "Japan", "South Korea")
    assert ex.found and ex.paths[0].length == 1, ex.message
    # the retaliation first, then the measure path (Japan IMPOSES restrictions on materials TARGETS South Korea)
    assert (ex.paths[0].hops[0].subject, ex.paths[0].hops[0].predicate) == ("Japan", "RETALIATES_AGAINST")
    assert ex.paths[1].kind == "measure" and [h.predicate for h in ex.paths[1].hops] == ["IMPOSES", "TARGETS"]
    _assert_cited(corpus_build, ex)
    retaliation = [h for p in ex.paths for h in p.hops
                   if h.predicate == "RETALIATES_AGAINST" and h.subject == "Japan" and h.object == "South Korea"]
    assert retaliation, ex.to_markdown()
    assert any("retaliation" in q.lower() or "japan" in q.lower() for _, q in retaliation[0].quotes)
    assert "korus-economic-relationship" in ex.to_markdown()


def test_corpus_no_link(corpus_build):
    kg = corpus_build.kg
    g = L.nx_graph(kg)
    # a pair the corpus does not link within 4 hops: the first (by id) named entity outside the component of
    # South Korea, else one more than 4 hops away
    import networkx as nx

    korea = L.resolve(kg, "South Korea").id
    dist = nx.single_source_shortest_path_length(g, korea)
    far = sorted(i for i in kg.entities if dist.get(i, 99) > 4)
    if not far:
        pytest.skip("every corpus entity is within 4 hops of South Korea")
    ex = L.explain(kg, korea, far[0])
    assert not ex.found
    assert ex.to_markdown().count("**No link**") == 1
    assert "within 4 hops" in ex.message


# -- a fact without a year is undated: no year is taken from its quotes -----------------------------------
def test_a_fact_without_a_year_shows_none():
    quote = "In the summer of 2019, South Korea also became a target of Japanese economic retaliation."
    kg = KnowledgeGraph()
    for name in ("Japan", "South Korea"):
        kg.add_entity(Entity(entity_id("Country", name), name, "Country", {name}, set(), None, "gazetteer"))
    rel = kg.add_relation(Relation(entity_id("Country", "Japan"), "RETALIATES_AGAINST", entity_id("Country", "South Korea"),
                                   {}, 0.8, [Evidence("d", 0, len(quote), quote)]))
    assert L.relation_label(kg, rel) == "Japan —RETALIATES_AGAINST→ South Korea"
    ex = L.explain(kg, "Japan", "South Korea")
    assert ex.paths[0].hops[0].label == "Japan —RETALIATES_AGAINST→ South Korea" and "per the quote" not in ex.to_markdown()
    rel.props.update(year=2019, status="proposed")  # the event year and a status are shown wherever the fact is
    assert L.relation_label(kg, rel) == "Japan —RETALIATES_AGAINST (2019, proposed)→ South Korea"
