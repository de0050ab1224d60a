"""The ontology package: policygraph.ttl agrees with SCHEMA.md, the gazetteer is clean, the SHACL shapes work."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import PROV

from policygraph import ontology
from policygraph.graph.model import slug
from policygraph.ontology import ID_NS, NS, GazetteerEntry, load_gazetteer, load_model

PG = Namespace(NS)
SH = Namespace("http://www.w3.org/ns/shacl#")
SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "SCHEMA.md"
ACTOR_TYPES = ("Country", "USState", "GovernmentBody", "Person", "Firm", "InternationalOrganization")


# -- SCHEMA.md --------------------------------------------------------------------------------------
def _schema_text() -> str:
    if not SCHEMA.exists():
        pytest.skip(f"{SCHEMA} not found")
    return SCHEMA.read_text(encoding="utf-8")


def schema_entity_types() -> list[str]:
    text = _schema_text()
    block = text.split("## Entity types", 1)[1].split("## Relation types", 1)[0]
    # each type name starts a line or follows ", " and precedes " (", "," or "." at top level
    names = re.findall(r"(?:^|,\s*|\n)([A-Z][A-Za-z]+)(?=\s*\(|,|\.)", re.sub(r"\([^)]*\)", "()", block))
    return list(dict.fromkeys(n for n in names if n != "Entity"))


def schema_relations() -> dict[str, tuple[list[str], list[str], list[str], bool]]:
    """name -> (domain, range, qualifiers, symmetric) as written in SCHEMA.md."""
    text = _schema_text()
    block = text.split("## Relation types", 1)[1].split("\n## ", 1)[0]
    out = {}
    for line in block.splitlines():
        m = re.match(r"^([A-Z_]{3,})\s+([A-Za-z|]+)\s*->\s*([A-Za-z|]+)\s*(.*)$", line)
        if not m:
            continue
        name, dom, rng, rest = m.groups()
        quals = []
        for group in re.findall(r"\(([^)]*)\)", rest):
            if "symmetric" in group:
                continue
            quals += [q.strip() for q in group.split(",") if q.strip()]
        out[name] = (dom.split("|"), rng.split("|"), quals, "symmetric" in rest)
    return out


def expand(classes: list[str], model) -> set[str]:
    out = set()
    for c in classes:
        out |= set(ACTOR_TYPES) if c == "Actor" else {c}
    return out


@pytest.fixture(scope="module")
def model():
    return load_model()


# -- classes ----------------------------------------------------------------------------------------
def test_schema_parsers_find_everything():
    assert len(schema_entity_types()) == 11
    assert len(schema_relations()) == 20


def test_entity_types_match_schema(model):
    assert list(model.entity_types) == schema_entity_types()
    for t in model.entity_types:
        assert t in model.classes
        assert "Entity" in model.superclasses(t)


def test_class_hierarchy(model):
    assert model.superclasses("Firm") == ["Actor", "Entity"]
    assert model.superclasses("Country") == ["Actor", "Entity"]
    for t in ACTOR_TYPES:
        assert model.classes[t].parents == ("Actor",)
    for t in ("Agreement", "Law", "Policy"):
        assert model.superclasses(t) == ["Instrument", "Entity"]
    for t in ("Sector", "Facility", "Actor", "Instrument"):
        assert model.superclasses(t) == ["Entity"]
    assert model.superclasses("Entity") == []
    assert model.superclasses("Tariff") == ["Policy", "Instrument", "Entity"]
    assert model.superclasses("TradeAgreement")[0] == "Agreement"
    for name in ("Document", "Sentence", "Statement", "Evidence"):
        assert name in model.classes
    with pytest.raises(KeyError):
        model.superclasses("Spaceship")


def test_every_class_is_documented_and_styled(model):
    shapes = {"dot", "diamond", "square", "triangle", "star", "hexagon", "box", "ellipse", "triangleDown"}
    g = model.ontology_graph()
    for name, c in model.classes.items():
        assert c.label and c.definition, name
        assert re.fullmatch(r"#[0-9A-Fa-f]{6}", c.color or ""), (name, c.color)
        assert c.shape in shapes, (name, c.shape)
        assert str(g.value(PG[name], PG.cypherLabel)) == name


def test_colours_distinct(model):
    colours = [model.color(t).lower() for t in model.entity_types]
    assert len(set(colours)) == len(colours)
    every = [c.color.lower() for c in model.classes.values()]
    assert len(set(every)) == len(every)
    # each entity type is told apart by colour or, where colours are near, by shape
    assert len({(model.color(t), model.shape(t)) for t in model.entity_types}) == len(model.entity_types)


# -- relations --------------------------------------------------------------------------------------
# qualifiers the ontology adds to SCHEMA.md's: the sum a funding measure gives the firm it targets (the gold itself
# writes it: "CHIPS incentives TARGETS SK Hynix" with amount_usd), and the status of an investment in a deal a
# government blocked ("an order prohibiting the acquisition of X by Y")
QUALIFIERS_BEYOND_SCHEMA = {"TARGETS": ["amount_usd"], "AUTHORIZES": ["amount_usd"]}
QUALIFIERS_OF_EVERY_STATEMENT = ["status"]  # ("proposed": what a rule would do as drafted; "blocked")


def test_relations_match_schema(model):
    schema = schema_relations()
    assert set(model.relations) == set(schema)
    for name, (dom, rng, quals, sym) in schema.items():
        quals = quals + QUALIFIERS_BEYOND_SCHEMA.get(name, []) + QUALIFIERS_OF_EVERY_STATEMENT
        r = model.relations[name]
        assert set(r.domain) == expand(dom, model), name
        assert set(r.range) == expand(rng, model), name
        assert list(r.domain_classes) == dom, name  # exactly as SCHEMA.md lists them
        assert list(r.range_classes) == rng, name
        assert set(r.qualifiers) == set(quals), name
        assert r.symmetric == sym, name
        assert r.label and r.definition


def test_relations_are_owl_object_properties(model):
    g = model.ontology_graph()
    for name, r in model.relations.items():
        p = PG[name]
        assert (p, RDF.type, OWL.ObjectProperty) in g
        assert ((p, RDF.type, OWL.SymmetricProperty) in g) == (name in ("PARTNERS_WITH", "COOPERATES_WITH"))
        for prop in (RDFS.domain, RDFS.range):
            v = g.value(p, prop)
            classes = r.domain_classes if prop == RDFS.domain else r.range_classes
            if len(classes) > 1:
                assert g.value(v, OWL.unionOf) is not None
            else:
                assert v == PG[classes[0]]


def test_allows(model):
    assert model.allows("RATIFIES", "Country", "Agreement")
    assert not model.allows("RATIFIES", "Firm", "Agreement")
    assert model.allows("INVESTS_IN", "Firm", "USState")
    assert not model.allows("INVESTS_IN", "Firm", "Person")
    assert model.allows("PARTNERS_WITH", "Firm", "GovernmentBody")
    assert not model.allows("PARTNERS_WITH", "Firm", "Sector")
    assert model.allows("REGULATES", "Law", "Person")  # Actor in the range
    assert model.allows("IMPOSES", "Country", "Tariff")  # subclasses count
    assert model.allows("AMENDS", "Agreement", "TradeAgreement")
    assert not model.allows("NO_SUCH", "Country", "Country")
    assert not model.allows("RATIFIES", "Spaceship", "Agreement")


def test_styles_and_constants(model):
    assert ontology.NS == "https://policygraph.dev/ontology#"
    assert ontology.ID_NS == "https://policygraph.dev/id/"
    assert model.color("Firm").startswith("#") and model.shape("Firm")
    assert model.color("Nope") is None
    assert model.schema_type("Tariff") == "Policy" and model.schema_type("Firm") == "Firm"
    assert model.schema_type("Actor") is None and model.schema_type("Statement") is None
    assert load_model() is model


# -- gazetteer --------------------------------------------------------------------------------------
def test_gazetteer_ids_unique_and_typed(model):
    ids = [e.id for e in model.gazetteer]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 300
    for e in model.gazetteer:
        assert e.type in model.entity_types, e
        prefix, name_slug = e.id.split("/", 1)
        assert prefix == re.sub(r"[^a-z]", "", e.type.lower()), e.id
        if e.id not in ("country/georgia", "usstate/washington"):
            assert name_slug == slug(e.name), e.id
        if e.wikidata:
            assert re.fullmatch(r"Q[1-9][0-9]*", e.wikidata), e
        if e.adjectives:
            assert e.type == "Country", e


def test_gazetteer_holds_no_relations():
    data = tomllib.loads(ontology.GAZETTEER_PATH.read_text(encoding="utf-8"))
    assert set(data) == {"entity"}
    for row in data["entity"]:
        assert set(row) <= ontology.GAZETTEER_KEYS, row
        for key in ("aliases", "adjectives", "short_aliases", "ambiguous"):
            assert all(isinstance(x, str) for x in row.get(key, [])), row


def test_gazetteer_surface_forms_do_not_collide(model):
    owner: dict[str, str] = {}
    for e in model.gazetteer:
        for form in (e.name,) + e.aliases + e.adjectives + e.short_aliases:
            assert owner.setdefault(form, e.id) == e.id, f"{form!r}: {owner[form]} and {e.id}"


def test_gazetteer_key_entries(model):
    by_id = {e.id: e for e in model.gazetteer}
    us = by_id["country/united-states"]
    assert {"U.S.", "Washington", "America"} <= set(us.aliases) and "American" in us.adjectives
    sk = by_id["country/south-korea"]
    assert {"Republic of Korea", "ROK", "Korea", "Seoul"} <= set(sk.aliases) and sk.wikidata == "Q884"
    assert "Korean" in sk.adjectives and "Korea" in sk.ambiguous
    assert by_id["country/north-korea"].aliases.count("Pyongyang") == 1
    assert by_id["usstate/georgia"].name == "Georgia"
    assert "Georgia" not in (by_id["country/georgia"].name,) + by_id["country/georgia"].aliases
    assert "Washington" not in by_id["usstate/washington"].aliases
    assert by_id["internationalorganization/european-union"].type == "InternationalOrganization"
    # a recent president's surname names him from its first use; a shared surname waits for the full name
    assert "Trump" in by_id["person/donald-trump"].aliases and "Moon" in by_id["person/moon-jae-in"].short_aliases
    assert "LeeMyung-bak" in by_id["person/lee-myung-bak"].aliases
    assert {"KORUS", "KORUS ETA", "Korea-U.S. Free Trade Agreement"} <= set(by_id["agreement/korus-fta"].aliases)
    assert by_id["agreement/ipef"].type == "Agreement"
    assert "chips" in by_id["sector/semiconductors"].aliases
    states = [e for e in model.gazetteer if e.type == "USState"]
    assert len(states) == 50
    for required in ("Japan", "China", "Taiwan", "Vietnam", "Germany", "Australia", "Brunei", "Laos", "Myanmar"):
        assert f"country/{slug(required)}" in by_id, required


def test_gazetteer_validation_names_the_entry(tmp_path, model):
    bad = tmp_path / "g.toml"
    bad.write_text('[[entity]]\nid = "firm/acme"\nname = "Acme"\ntype = "Firm"\n'
                   '[[entity]]\nid = "firm/acme"\nname = "Acme"\ntype = "Firm"\n')
    with pytest.raises(ValueError, match=r"entry #2 \(firm/acme\).*duplicate"):
        load_gazetteer(bad, model.entity_types)
    bad.write_text('[[entity]]\nid = "firm/acme"\nname = "Acme"\ntype = "Company"\n')
    with pytest.raises(ValueError, match="firm/acme.*unknown type 'Company'"):
        load_gazetteer(bad, model.entity_types)
    bad.write_text('[[entity]]\nid = "country/acme"\nname = "Acme"\ntype = "Firm"\n')
    with pytest.raises(ValueError, match="country/acme.*must be 'firm/"):
        load_gazetteer(bad, model.entity_types)
    bad.write_text('[[entity]]\nid = "firm/acme"\nname = "Acme"\ntype = "Firm"\ninvests_in = "country/x"\n')
    with pytest.raises(ValueError, match="firm/acme.*unknown keys.*invests_in"):
        load_gazetteer(bad, model.entity_types)
    bad.write_text('[[entity]]\nid = "firm/acme"\nname = "Acme"\ntype = "Firm"\nwikidata = "123"\n')
    with pytest.raises(ValueError, match="firm/acme.*wikidata"):
        load_gazetteer(bad, model.entity_types)


def test_gazetteer_home_country_is_an_attribute_of_firms(tmp_path, model):
    """A firm's home country (issue 11): general knowledge on the firm entry, a Country id, nothing else."""
    by_id = {e.id: e for e in model.gazetteer}
    assert by_id["firm/sk-hynix"].country == "country/south-korea"
    assert by_id["firm/hanwha-q-cells"].country == "country/south-korea"
    assert by_id["firm/ford"].country == "country/united-states"
    assert by_id["firm/blueoval-sk"].country is None  # a joint venture: no single home country
    assert all(by_id[e.country].type == "Country" for e in model.gazetteer if e.country)
    homes = ontology.home_countries()
    assert homes["firm/toyota"] == "country/japan" and all(by_id[i].type == "Firm" for i in homes)
    bad = tmp_path / "g.toml"
    bad.write_text('[[entity]]\nid = "sector/steel"\nname = "steel"\ntype = "Sector"\ncountry = "country/x"\n')
    with pytest.raises(ValueError, match="sector/steel.*a firm's home country"):
        load_gazetteer(bad, model.entity_types)
    bad.write_text('[[entity]]\nid = "firm/acme"\nname = "Acme"\ntype = "Firm"\ncountry = "country/narnia"\n')
    with pytest.raises(ValueError, match="country/narnia.*not a gazetteer entry"):
        load_gazetteer(bad, model.entity_types)


def test_gazetteer_postal_abbreviations_are_for_us_states(tmp_path, model):
    by_id = {e.id: e for e in model.gazetteer}
    assert by_id["usstate/georgia"].postal == ("GA", "Ga.")
    assert all(e.type == "USState" for e in model.gazetteer if e.postal)
    assert sum(1 for e in model.gazetteer if e.postal) == sum(1 for e in model.gazetteer if e.type == "USState")
    bad = tmp_path / "g.toml"
    bad.write_text('[[entity]]\nid = "firm/acme"\nname = "Acme"\ntype = "Firm"\npostal = ["AC"]\n')
    with pytest.raises(ValueError, match="firm/acme.*postal abbreviations are for US states"):
        load_gazetteer(bad, model.entity_types)


def test_gazetteer_entry_api(model):
    e = model.gazetteer_entry("country/south-korea")
    assert isinstance(e, GazetteerEntry) and e.name == "South Korea"
    assert e.surface_forms[0] == "South Korea" and "South Korean" in e.surface_forms
    assert model.gazetteer_entry("firm/nope") is None


# -- SHACL ------------------------------------------------------------------------------------------
def _entity(g: Graph, id_: str, type_: str, name: str, supers: bool = True) -> URIRef:
    s = URIRef(ID_NS + id_)
    g.add((s, RDF.type, PG[type_]))
    if supers:
        g.add((s, RDF.type, PG.Entity))
    g.add((s, RDFS.label, Literal(name)))
    g.add((s, PG.entityType, Literal(type_)))
    return s


def _statement(g: Graph, s, p, o, n=1, **props) -> URIRef:
    st = URIRef(f"{ID_NS}statement/{n}")
    doc = URIRef(ID_NS + "doc/d1")
    ev = URIRef(f"{ID_NS}evidence/d1/{n}")
    g.add((doc, RDF.type, PG.Document))
    g.add((doc, RDFS.label, Literal("d1")))
    g.add((s, PG[p], o))
    for t in ((st, RDF.type, PG.Statement), (st, PG.subject, s), (st, PG.predicate, PG[p]), (st, PG.object, o),
              (st, PG.confidence, Literal("0.9", datatype=XSD.decimal)), (st, PROV.wasDerivedFrom, ev),
              (ev, RDF.type, PG.Evidence), (ev, PG.document, doc),
              (ev, PG.start, Literal(10)), (ev, PG.end, Literal(40)), (ev, PG.quote, Literal("x" * 30))):
        g.add(t)
    for k, v in props.items():
        g.add((st, PG[k], v))
    return st


def _validate(data: Graph, model):
    pyshacl = pytest.importorskip("pyshacl")
    conforms, results, text = pyshacl.validate(data, shacl_graph=model.shapes_graph(),
                                               ont_graph=model.ontology_graph(), inference="none")
    return conforms, results, text


@pytest.fixture()
def tiny():
    g = Graph()
    hynix = _entity(g, "firm/sk-hynix", "Firm", "SK Hynix")
    us = _entity(g, "country/united-states", "Country", "United States")
    korus = _entity(g, "agreement/korus-fta", "Agreement", "KORUS FTA")
    _statement(g, hynix, "INVESTS_IN", us, 1, amountUSD=Literal("3870000000.0", datatype=XSD.decimal),
               year=Literal(2024))
    _statement(g, us, "PARTY_TO", korus, 2)
    return g, hynix, us, korus


def test_shacl_tiny_graph_conforms(tiny, model):
    g, *_ = tiny
    conforms, _, text = _validate(g, model)
    assert conforms, text


def test_shacl_follows_subclasses_from_the_ontology(model):
    """Only the most specific class asserted: rdfs:subClassOf from ont_graph makes pg:Actor / pg:Entity hold."""
    g = Graph()
    a = _entity(g, "firm/acme", "Firm", "Acme", supers=False)
    b = _entity(g, "governmentbody/ustr", "GovernmentBody", "USTR", supers=False)
    t = _entity(g, "policy/section-232", "Tariff", "Section 232", supers=False)
    g.set((t, PG.entityType, Literal("Policy")))
    _statement(g, a, "PARTNERS_WITH", b, 1)
    _statement(g, b, "IMPOSES", t, 2)
    conforms, _, text = _validate(g, model)
    assert conforms, text
    # and the entity shape does reach them (through pg:Firm rdfs:subClassOf pg:Actor, pg:Entity)
    g.remove((a, RDFS.label, None))
    conforms, _, text = _validate(g, model)
    assert not conforms and "rdfs:label" in text


def test_shacl_rejects_a_firm_ratifying(tiny, model):
    g, hynix, us, korus = tiny
    _statement(g, hynix, "RATIFIES", korus, 3)
    conforms, results, text = _validate(g, model)
    assert not conforms
    messages = [str(m) for m in results.objects(None, SH.resultMessage)]
    assert any("subject of pg:RATIFIES must be a Country or GovernmentBody" in m for m in messages), text
    foci = set(results.objects(None, SH.focusNode))
    assert hynix in foci


def test_shacl_rejects_wrong_range(tiny, model):
    g, hynix, us, korus = tiny
    _statement(g, us, "SIGNS", hynix, 3)
    conforms, results, text = _validate(g, model)
    assert not conforms and "object of pg:SIGNS must be an Agreement" in text


@pytest.mark.parametrize("mutate, expect", [
    (lambda g, st: g.set((st, PG.confidence, Literal("1.5", datatype=XSD.decimal))), "pg:confidence"),
    (lambda g, st: g.set((st, PG.year, Literal(1850))), "pg:year"),
    (lambda g, st: g.set((st, PG.year, Literal("2024"))), "pg:year"),
    (lambda g, st: g.set((st, PG.amountUSD, Literal("-5.0", datatype=XSD.decimal))), "pg:amountUSD"),
    (lambda g, st: g.remove((st, PROV.wasDerivedFrom, None)), "prov:wasDerivedFrom"),
    (lambda g, st: g.add((st, PG.object, URIRef(ID_NS + "country/japan"))), "pg:object"),
    (lambda g, st: g.set((URIRef(ID_NS + "evidence/d1/1"), PG.quote, Literal(""))), "pg:quote"),
    (lambda g, st: g.set((URIRef(ID_NS + "evidence/d1/1"), PG.start, Literal(-1))), "pg:start"),
    (lambda g, st: g.set((URIRef(ID_NS + "evidence/d1/1"), PG.start, Literal(99))), "pg:start"),
    (lambda g, st: g.set((URIRef(ID_NS + "evidence/d1/1"), PG.end, Literal("40"))), "pg:end"),
])
def test_shacl_statement_constraints(tiny, model, mutate, expect):
    g, *_ = tiny
    st = URIRef(ID_NS + "statement/1")
    mutate(g, st)
    conforms, _, text = _validate(g, model)
    assert not conforms and expect.split(":")[1] in text, text


@pytest.mark.parametrize("mutate", [
    lambda g, s: g.add((s, RDFS.label, Literal("Hynix"))),
    lambda g, s: g.set((s, PG.entityType, Literal("Company"))),
    lambda g, s: g.set((s, PG.entityType, Literal("Country"))),  # disagrees with rdf:type pg:Firm
    lambda g, s: g.remove((s, PG.entityType, None)),
])
def test_shacl_entity_constraints(tiny, model, mutate):
    g, hynix, *_ = tiny
    mutate(g, hynix)
    conforms, _, text = _validate(g, model)
    assert not conforms, text


def test_shapes_mirror_the_ontology(model):
    """Every relation has a shape whose subject / object classes are the relation's domain / range."""
    shapes = model.shapes_graph()
    for name, r in model.relations.items():
        nodes = list(shapes.subjects(SH.targetSubjectsOf, PG[name]))
        assert len(nodes) == 1, name
        node = nodes[0]

        def classes(n):
            direct = [shapes.value(n, SH["class"])] if shapes.value(n, SH["class"]) is not None else []
            lst = shapes.value(n, SH["or"])
            if lst is not None:
                from rdflib.collection import Collection
                direct += [shapes.value(x, SH["class"]) for x in Collection(shapes, lst)]
            return [str(c)[len(NS):] for c in direct]

        assert classes(node) == list(r.domain_classes), name
        prop = next(p for p in shapes.objects(node, SH.property) if shapes.value(p, SH.path) == PG[name])
        assert classes(prop) == list(r.range_classes), name
