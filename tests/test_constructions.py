"""Constructions of English (loaders/extract/constructions.py) and mentions derived from grammar
(loaders/extract/derived.py), on sentences written for these tests: invented agreements, made-up places
and firms, never sentences of the corpus or the evaluation sets."""
from __future__ import annotations

import pytest

from policygraph.loaders.read.document import Document
from policygraph.loaders.extract.pipeline import Extractor
from policygraph.loaders.read.repair import repair
from policygraph.loaders.read.sentences import split_sentences


@pytest.fixture(scope="module")
def ex():
    return Extractor(backend="rules")


def run(ex, text):
    doc = Document(id="t", path="t.txt", format="txt", raw=text)
    doc.sentences = split_sentences(doc.text)
    out = ex.run(doc)
    names = {e.id: e.name for e in out.entities.values()}
    return {(names[r.subject], r.predicate, names[r.object]): r.props for r in out.relations}, out


def test_agreement_between_a_list_of_parties(ex):
    got, _ = run(ex, "The Atlantic Growth Pact is a trade agreement between Norway, Iceland, Canada, and Ireland.")
    for country in ("Norway", "Iceland", "Canada", "Ireland"):
        assert (country, "PARTY_TO", "Atlantic Growth Pact") in got


def test_a_proposed_agreement_has_negotiators_not_parties(ex):
    got, _ = run(ex, "The Pacific Growth Treaty is a proposed free trade agreement between the member states of "
                     "ASEAN and its partners (India, Chile and Peru).")
    assert ("India", "NEGOTIATES", "Pacific Growth Treaty") in got
    assert ("Peru", "NEGOTIATES", "Pacific Growth Treaty") in got
    assert ("India", "PARTY_TO", "Pacific Growth Treaty") not in got
    assert ("ASEAN", "PARTY_TO", "Pacific Growth Treaty") in got  # a bloc cannot negotiate: it is a party


def test_between_list_with_brackets_and_a_relative_clause(ex):
    # long bracketed lists defeat the parse; the list is read from the words
    got, _ = run(ex, "The Indian Ocean Trade Pact (IOTP) is a proposed trade agreement (TA) between the five member "
                     "states of the Southern African Development Community (SADC) (Angola, Botswana, Namibia, "
                     "Zambia, Zimbabwe) and the three Asian states with which SADC has trade agreements (India, "
                     "Indonesia and Malaysia).")
    for country in ("India", "Indonesia", "Malaysia"):
        assert (country, "NEGOTIATES", "Indian Ocean Trade Pact") in got
    assert ("Angola", "NEGOTIATES", "Indian Ocean Trade Pact") not in got  # a member of a party, not a party


def test_signed_but_not_ratified_agreement_has_signatories(ex):
    got, _ = run(ex, "The Andes Trade Accord is a signed but not ratified trade agreement between Chile and Peru.")
    assert ("Chile", "SIGNS", "Andes Trade Accord") in got
    assert ("Chile", "PARTY_TO", "Andes Trade Accord") not in got


def test_members_listed_in_parentheses(ex):
    got, _ = run(ex, "The ten member states of ASEAN (Brunei, Cambodia, Indonesia and Laos) met in Jakarta.")
    for country in ("Brunei", "Cambodia", "Indonesia", "Laos"):
        assert (country, "MEMBER_OF", "ASEAN") in got


def test_implicit_parties_sign_and_ratify(ex):
    got, _ = run(ex, "The Andean Trade Accord is a trade agreement between Chile and Peru. The treaty was first "
                     "signed on June 30, 2014. It was ratified by Chile in 2015.")
    assert got[("Chile", "SIGNS", "Andean Trade Accord")]["year"] == 2014
    assert got[("Peru", "SIGNS", "Andean Trade Accord")]["year"] == 2014
    assert got[("Chile", "RATIFIES", "Andean Trade Accord")]["year"] == 2015
    assert ("Peru", "RATIFIES", "Andean Trade Accord") not in got  # the sentence names who ratified


def test_a_negated_treaty_act_gives_no_implicit_fact(ex):
    got, _ = run(ex, "The Andean Trade Accord is a trade agreement between Chile and Peru. The treaty was never "
                     "ratified.")
    assert not any(p == "RATIFIES" for _, p, _ in got)


def test_firm_of_country(ex):
    got, _ = run(ex, "LG Energy Solution of South Korea and Honda of Japan formed a battery venture.")
    assert ("LG Energy Solution", "LOCATED_IN", "South Korea") in got
    assert ("Honda", "LOCATED_IN", "Japan") in got


def test_counterparties_of_a_memorandum(ex):
    got, _ = run(ex, "The Department of Energy and SK Innovation have signed a memorandum of terms.")
    assert ("SK Innovation", "PARTNERS_WITH", "Department of Energy") in got or \
        ("Department of Energy", "PARTNERS_WITH", "SK Innovation") in got


def test_funding_under_a_law(ex):
    got, _ = run(ex, "The Department of Energy signed a preliminary memorandum of terms with SK Innovation to "
                     "provide up to $40 million in direct funding under the CHIPS Act.")
    assert any(s == "CHIPS and Science Act" and p == "AUTHORIZES" for s, p, _ in got)


def test_head_of_state_title_with_known_nationality(ex):
    got, _ = run(ex, "On June 26, 2010, President Barack Obama met the press in Toronto.")
    assert got[("Barack Obama", "LEADS", "United States")]["role"] == "President"


def test_former_leader_is_not_said_to_lead_now_but_title_of_country_is(ex):
    got, _ = run(ex, "The former President of South Korea, Moon Jae-in, visited Pyongyang.")
    assert ("Moon Jae-in", "LEADS", "South Korea") in got


def test_descriptor_gives_nationality_sector_and_seat(ex):
    got, _ = run(ex, "LG Energy Solution, a South Korean battery manufacturer, will build a plant in Arizona.")
    assert ("LG Energy Solution", "LOCATED_IN", "South Korea") in got
    assert ("LG Energy Solution", "OPERATES_IN", "batteries") in got
    got, _ = run(ex, "Nucor is a steel producer headquartered in Charlotte, North Carolina.")
    assert ("Nucor", "OPERATES_IN", "steel") in got
    assert ("Nucor", "LOCATED_IN", "North Carolina") in got
    got, _ = run(ex, "The chipmaker SK Hynix reported record profits.")
    assert ("SK Hynix", "OPERATES_IN", "semiconductors") in got


def test_listed_goods_become_sectors(ex):
    _, out = run(ex, "The duties hit a wide range of farm products, including barley, cotton, lobsters and timber.")
    sectors = {e.name for e in out.entities.values() if e.type == "Sector"}
    assert {"barley", "cotton", "lobsters", "timber"} <= sectors


def test_measure_on_goods_targets_them(ex):
    got, _ = run(ex, "In November 2018, Brazil's Ministry of Economy initiated an anti-dumping investigation on "
                     "Argentine barley.")
    # (named with its country, as the ministry has no short name: "Brazilian anti-dumping investigation")
    assert ("Brazilian anti-dumping investigation", "TARGETS", "barley") in got, got


def test_verb_enacted_measure(ex):
    got, out = run(ex, "In 2019, Norway banned the firms Huawei and ZTE from building its 5G network.")
    assert ("Norway", "IMPOSES", "Norwegian ban on Huawei and ZTE") in got
    assert ("Norwegian ban on Huawei and ZTE", "TARGETS", "Huawei") in got
    assert ("Norwegian ban on Huawei and ZTE", "TARGETS", "ZTE") in got


def test_measure_with_a_rate_before_what_it_is_on(ex):
    got, _ = run(ex, "Brazil imposed punitive tariffs of up to 218 percent on Argentine wine in 2020.")
    assert ("Brazilian punitive tariffs", "TARGETS", "wine") in got
    assert got[("Brazil", "IMPOSES", "Brazilian punitive tariffs")]["year"] == 2020


def test_exempted_from_a_measure(ex):
    got, _ = run(ex, "Mexico was exempted from the steel tariffs in exchange for a quota.")
    assert ("steel tariffs", "EXEMPTS", "Mexico") in got


def test_imports_from_are_exports_to_the_importer(ex):
    got, _ = run(ex, "Canadian imports of steel from Brazil fell by 20 percent in 2019.")
    assert ("Brazil", "EXPORTS_TO", "Canada") in got


def test_leader_in_a_sector(ex):
    got, _ = run(ex, "Taiwan is a global leader in semiconductors and batteries.")
    assert ("Taiwan", "OPERATES_IN", "semiconductors") in got
    assert ("Taiwan", "OPERATES_IN", "batteries") in got


def test_administration_of_a_leader_with_known_nationality_is_the_country(ex):
    got, _ = run(ex, "The Obama administration imposed a 30 percent tariff on imported tires.")
    assert any(s == "United States" and p == "IMPOSES" for s, p, _ in got)
    assert not any(s == "Barack Obama" and p == "IMPOSES" for s, p, _ in got)


# ------------------------------------------------------------------------------------------------
# repair: reference marks and short lines
# ------------------------------------------------------------------------------------------------
def test_citation_marks_do_not_hide_a_sentence_end():
    text = "The pact was signed in 2010.[3][4] The pact was ratified by Chile in 2011.[citation needed]\n"
    doc = repair("t", "t.txt", "txt", text)
    sents = [doc.text[s:e] for s, e in doc.sentences]
    assert sents == ["The pact was signed in 2010.", "The pact was ratified by Chile in 2011."]
    # evidence offsets still map into the raw text
    s, e = doc.sentences[1]
    a, b = doc.raw_span(s, e)
    assert text[a:b].startswith("The pact was ratified")


def test_bracketed_words_are_not_citation_marks():
    text = "We thank CSIS [Center for Strategic Studies] for hosting.\n"
    doc = repair("t", "t.txt", "txt", text)
    assert "[Center for Strategic Studies]" in doc.text


def test_short_label_lines_are_not_joined_to_the_next_line():
    text = ("Atlantic Growth Pact\nType Trade agreement\nSigned 8 March 2018\n"
            "The Atlantic Growth Pact is a trade agreement between Norway and Iceland that was negotiated over "
            "several years and\nsigned in the spring of 2018 after a long debate in both parliaments.\n")
    doc = repair("t", "t.txt", "txt", text)
    sents = [doc.text[s:e] for s, e in doc.sentences]
    assert "Type Trade agreement" in sents
    assert any(s.startswith("The Atlantic Growth Pact is") and s.endswith("parliaments.") for s in sents)


def test_organisation_titles(ex):
    got, _ = run(ex, "In 2024, Samsung Electronics's chief executive officer Jong Hee Han opened a new plant.")
    assert any(p == "LEADS" and o == "Samsung Electronics" for (s, p, o) in got)
    got, _ = run(ex, "Hanwha Group Executive Chair Kim Seung-youn attended the ceremony.")
    assert ("Kim Seung-youn", "LEADS", "Hanwha Group") in got  # the title is not part of the name


def test_office_holder_with_an_abbreviation_in_brackets(ex):
    got, _ = run(ex, "In 2019, United States Trade Representative (USTR) Katherine Tai met trade officials.")
    assert ("Katherine Tai", "LEADS", "USTR") in got


def test_korean_name_in_western_order_is_the_same_person(ex):
    _, out = run(ex, "Seungyoun Kim of Hanwha spoke first.")
    assert "person/kim-seung-youn" in out.entities


def test_unknown_office_is_a_government_body(ex):
    _, out = run(ex, "The Department of the Air Force looks forward to collaborating with Hanwha Group.")
    assert any(e.name == "Department of the Air Force" and e.type == "GovernmentBody" for e in out.entities.values())


def test_an_office_without_its_holder_acts_for_the_department(ex):
    got, _ = run(ex, "The Secretary of Commerce initiated an investigation to determine the effects of imports of "
                     "copper on national security.")
    assert any(s == "Department of Commerce" and p == "IMPOSES" for s, p, o in got)
    assert any(p == "TARGETS" and o == "copper" for s, p, o in got)


def test_a_measure_named_by_what_it_does_targets_its_objects(ex):
    got, out = run(ex, "On May 5, 2023, the President issued an order prohibiting the acquisition of Westinghouse by "
                       "Toshiba.")
    order = next(e for e in out.entities.values() if e.type == "Policy")
    assert order.name.startswith("order prohibiting the acquisition")
    assert (order.name, "TARGETS", "Westinghouse") in got


# ------------------------------------------------------------------------------------------------
# modality, joint amounts, event years
# ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Peru did not sign the Trans-Pacific Partnership.",
    "Chile and Vietnam concluded the Pacific Trade Pact in 2019. Vietnam has never ratified the pact.",
    "If Brazil imposed tariffs on Argentine steel, Argentina would retaliate against Brazil.",
    "Japan could join the CPTPP next year.",
    "Toyota may invest $5 billion in Texas.",
    "Chile seeks to join the CPTPP.",
    "Toyota will likely invest $2 billion in Texas.",
])
def test_negated_and_hypothetical_sentences_state_no_fact(ex, text):
    got, _ = run(ex, text)
    assert not any(p in ("SIGNS", "RATIFIES", "IMPOSES", "RETALIATES_AGAINST", "INVESTS_IN") or
                   (p == "PARTY_TO" and not text.startswith("Chile and Vietnam")) for _, p, _ in got), got


def test_a_reported_plan_is_stated(ex):
    got, _ = run(ex, "Toyota announced that it would invest $5 billion in Texas.")
    assert got[("Toyota", "INVESTS_IN", "Texas")]["amount_usd"] == 5e9


@pytest.mark.parametrize("text, fact", [
    ("The proposed export controls would restrict sales of lithium to Peru.", ("export controls", "TARGETS", "Peru")),
    ("The bill would impose tariffs on copper from Chile.", ("tariffs on copper", "TARGETS", "Chile")),
    ("The Lima Pact would replace the Andean Accord.", ("Lima Pact", "AMENDS", "Andean Accord")),
])
def test_what_an_instrument_would_do_as_drafted_is_kept_marked_proposed(ex, text, fact):
    got, _ = run(ex, text)
    assert got[fact].get("status") == "proposed", got


@pytest.mark.parametrize("text", [
    "Chile would impose export controls on lithium sales to Peru.",
    "The proposed export controls would not restrict sales of lithium to Peru.",
])
def test_what_an_actor_would_do_or_a_rule_would_not_is_no_fact(ex, text):
    got, _ = run(ex, text)
    assert not any(o == "Peru" for _, p, o in got if p == "TARGETS"), got


def test_a_noun_phrase_is_presupposed_by_a_negated_clause(ex):
    got, _ = run(ex, "Such trade must not violate U.S. sanctions on Iran.")
    assert any(p == "TARGETS" and o == "Iran" for _, p, o in got)


def test_one_amount_for_several_places_is_joint(ex):
    got, _ = run(ex, "SK On and Ford committed $11.4 billion to build battery parks in Kentucky and Tennessee.")
    ky, tn = got[("SK On", "INVESTS_IN", "Kentucky")], got[("SK On", "INVESTS_IN", "Tennessee")]
    assert ky["amount_usd"] == tn["amount_usd"] == 11.4e9
    assert ky["joint"] and tn["joint"] and ky["joint_id"] == tn["joint_id"]


def test_each_place_with_its_own_amount_is_not_joint(ex):
    got, _ = run(ex, "Toyota invested $1 billion in Kentucky and $2 billion in Texas.")
    assert got[("Toyota", "INVESTS_IN", "Kentucky")]["amount_usd"] == 1e9
    assert got[("Toyota", "INVESTS_IN", "Texas")]["amount_usd"] == 2e9
    assert "joint" not in got[("Toyota", "INVESTS_IN", "Kentucky")]


def test_one_amount_of_several_investors_in_states_is_joint_in_their_country(ex):
    got, _ = run(ex, "LG Energy Solution and Honda committed $3.5 billion to build battery plants in Ohio and Georgia.")
    lg, honda = got[("LG Energy Solution", "INVESTS_IN", "United States")], got[("Honda", "INVESTS_IN", "United States")]
    assert lg["amount_usd"] == honda["amount_usd"] == 3.5e9
    assert lg["joint"] and lg["joint_id"] == honda["joint_id"]  # the United States received $3.5 billion, not $7


@pytest.mark.parametrize("text", [
    "Velkor is building a $17 billion plant in Austin, Texas, while Korvell plans to build a plant in Gary, Indiana.",
    "Velkor invested $2 billion in Texas, and Korvell built a plant in Indiana.",
    "Velkor invested $2 billion in Texas; Korvell built a plant in Indiana.",
])
def test_an_amount_belongs_to_its_own_clause(ex, text):
    got, _ = run(ex, text)
    assert got[("Velkor", "INVESTS_IN", "Texas")]["amount_usd"] in (2e9, 17e9)
    korvell = got[("Korvell", "INVESTS_IN", "Indiana")]
    assert "amount_usd" not in korvell and "joint" not in korvell, korvell


def test_a_bounding_year_is_not_the_event_year(ex):
    got, _ = run(ex, "In 2018, Mexico extended its 25 percent tariff on trucks until 2041.")
    years = {props.get("year") for (s, p, o), props in got.items() if p in ("IMPOSES", "TARGETS")}
    assert 2041 not in years


def test_a_typo_in_the_patterns_fails_loudly():
    from policygraph.ontology.lexicon import _check_rule

    with pytest.raises(ValueError, match="unknown keys"):
        _check_rule(1, {"predicate": "SIGNS", "verbs": ["sign"], "subjet": ["subj"]}, {"SIGNS"})
    with pytest.raises(ValueError, match="unknown object role"):
        _check_rule(1, {"predicate": "SIGNS", "object": ["dobject"]}, {"SIGNS"})
    with pytest.raises(ValueError, match="unknown predicate"):
        _check_rule(1, {"predicate": "SINGS"}, {"SIGNS"})
    from policygraph.ontology.lexicon import _check_predicate_table

    with pytest.raises(ValueError, match="unknown keys"):
        _check_predicate_table({"not_acted_fro": ["SIGNS"]}, {"SIGNS"})
    with pytest.raises(ValueError, match="unknown predicates"):
        _check_predicate_table({"without_firm": {"SIGNS": "SINGS"}}, {"SIGNS"})


@pytest.mark.parametrize("text", [
    # what a noun phrase presupposes stands under a negated clause ("does not violate U.S. sanctions on X")
    "Peru says the pact does not violate Chilean sanctions on Bolivia.",
    "It will be necessary to ensure that such activity does not violate Chilean or UN sanctions on Bolivia.",
    "Chile signed the Lima Pact with Peru in 2011 and ratified it in 2012.",
    "Peru and Bolivia received a pass due to the successful conclusion of the Andean Trade Pact (ATP) that "
    "replaced the Lima Pact.",
])
def test_the_learned_backend_keeps_every_rule_candidate_as_the_rules_read_it(ex, text):
    from policygraph.loaders.extract.scorer import LinearScorer

    learned = Extractor(backend="rules")
    learned.scorer = LinearScorer({}, bias=-10.0, threshold=0.5, keep_rule=0.0)  # sure of no pair of its own
    assert run(learned, text)[0] == run(ex, text)[0]
    # sure of a cooperation between any two countries, and of nothing else: it adds, it takes nothing away
    learned.scorer = LinearScorer({"COOPERATES_WITH|types=Country>Country": 20.0}, bias=-10.0, threshold=0.5)
    rules, more = run(ex, text)[0], run(learned, text)[0]
    assert rules.items() <= more.items() and any(p == "COOPERATES_WITH" for _, p, _ in set(more) - set(rules))


def test_the_learned_backend_adds_only_its_predicates_and_only_where_the_rules_relate_nothing(ex):
    from policygraph.loaders.extract.scorer import LinearScorer

    learned = Extractor(backend="rules")
    learned.scorer = LinearScorer({"COOPERATES_WITH|types=Country>Country": 20.0,
                                   "PARTY_TO|types=Country>Agreement": 20.0}, bias=-10.0, threshold=0.5,
                                  add_predicates=frozenset({"COOPERATES_WITH"}))
    # the rules read a retaliation between the two: the scorer's cooperation does not overrule it
    got, _ = run(learned, "Chile retaliated against Peru in 2019.")
    assert ("Chile", "RETALIATES_AGAINST", "Peru") in got and not any(p == "COOPERATES_WITH" for _, p, _ in got)
    # an application to join is no membership, whatever the scorer thinks of the pair: PARTY_TO is not its to add
    got, _ = run(learned, "Chile applied to join the Lima Pact in 2021.")
    assert not any(p == "PARTY_TO" for _, p, _ in got), got


@pytest.mark.parametrize("text", [
    "The ministry said its economic policy would favour exporters.",
    "The two countries concluded a partial agreement last year.",
    "Critics called it a challenging tariff regime.",
])
def test_generic_measures_are_no_entities(ex, text):
    _, out = run(ex, text)
    assert not [e.name for e in out.entities.values() if e.type in ("Policy", "Agreement", "Law")]


def test_specific_measures_are_entities(ex):
    _, out = run(ex, "Japan imposed export restrictions on three chemicals used by South Korean chipmakers.")
    assert any(e.type == "Policy" for e in out.entities.values())
    _, out = run(ex, "Newly proposed legislation aims to curb the market power of online platforms such as Naver.")
    assert any(e.type == "Law" for e in out.entities.values())


def test_two_executive_orders_are_two_measures(ex):
    _, out = run(ex, "The President issued an executive order aimed at reviving commercial shipbuilding. "
                     "He later signed an executive order laying out a strategy for artificial intelligence.")
    orders = [e.name for e in out.entities.values() if e.type == "Policy"]
    assert len(orders) == 2, orders


def test_export_markets(ex):
    got, _ = run(ex, "Japan is Australia's second-largest export market.")
    assert ("Australia", "EXPORTS_TO", "Japan") in got
    got, _ = run(ex, "Vietnam is the United States' tenth-largest trading partner and its fifth-largest export "
                     "market.")
    assert ("United States", "EXPORTS_TO", "Vietnam") in got
    got, _ = run(ex, "Canada is the largest market for Mexican automobiles.")
    assert ("Mexico", "EXPORTS_TO", "Canada") in got
    got, _ = run(ex, "India accounted for about a fifth of Vietnam's exports in 2022.")
    assert got[("Vietnam", "EXPORTS_TO", "India")]["year"] == 2022


def test_the_company_and_a_sentence_opening_it_refer_back(ex):
    got, _ = run(ex, "Toyota announced a new battery plant. The company will invest $1.3 billion in North Carolina.")
    assert got[("Toyota", "INVESTS_IN", "North Carolina")]["amount_usd"] == 1.3e9
    got, _ = run(ex, "The Andean Trade Accord is a trade agreement between Chile and Peru. It was ratified by "
                     "Chile in 2015.")
    assert got[("Chile", "RATIFIES", "Andean Trade Accord")]["year"] == 2015
    got, _ = run(ex, "Experts met in Seoul. It is likely that Brazil will impose tariffs on steel.")
    assert not any(p == "IMPOSES" for _, p, _ in got)


def test_an_amount_stands_for_what_it_is_in(ex):
    got, _ = run(ex, "The Clean Water Act was signed in 1972. The act provides $39 billion in subsidies for "
                     "water treatment plants.")
    assert any(s == "Clean Water Act" and p == "AUTHORIZES" for s, p, _ in got)


def test_a_leader_acts_for_the_country_where_only_countries_can(ex):
    got, _ = run(ex, "President Obama's withdrawal from the Paris Agreement never happened; President Trump's "
                     "withdrawal from the TPP upheld a campaign pledge.")
    assert ("United States", "WITHDRAWS_FROM", "TPP") in got


def test_a_facility_in_a_chain_of_places(ex):
    got, _ = run(ex, "The Bryan County Metaplant is a battery manufacturing complex in Ellabell, Georgia, United "
                     "States.")
    facility = next(s for (s, p, o) in got if p == "LOCATED_IN")
    assert (facility, "LOCATED_IN", "Georgia") in got and (facility, "LOCATED_IN", "United States") in got


def test_a_firm_name_with_a_hyphen_or_another_case(ex):
    _, out = run(ex, "Korean companies such as Hanwha Q-cells have invested in Georgia.")
    assert "firm/hanwha-q-cells" in out.entities


def test_an_investment_of_an_amount_in_a_town_and_state(ex):
    got, _ = run(ex, "The plant builds upon LG Chem's investment of approximately $1.2 billion in Clarksville, "
                     "Tennessee.")
    assert got[("LG Chem", "INVESTS_IN", "Tennessee")]["amount_usd"] == 1.2e9


def test_more_verb_enacted_measures(ex):
    got, _ = run(ex, "Brazil's competition authority fined Apple $10 million in 2021.")
    assert any(p == "IMPOSES" and o == "Brazilian fine on Apple" for (s, p, o) in got)
    assert got[("Brazilian fine on Apple", "TARGETS", "Apple")]["year"] == 2021
    got, _ = run(ex, "China banned Micron products from critical infrastructure in 2023.")
    assert ("Chinese ban on Micron", "TARGETS", "Micron") in got


def test_an_exemption_a_country_negotiated(ex):
    got, _ = run(ex, "Brazil negotiated a permanent exemption from the steel tariffs in exchange for a quota.")
    assert ("steel tariffs", "EXEMPTS", "Brazil") in got


def test_one_fact_twice_in_a_sentence_is_kept_once_with_its_year(ex):
    _, out = run(ex, "Brazil's competition authority fined Apple $10 million in 2021.")
    imposes = [r for r in out.relations if r.predicate == "IMPOSES"]
    assert len(imposes) == 1 and imposes[0].props.get("year") == 2021


# ------------------------------------------------------------------------------------------------
# names
# ------------------------------------------------------------------------------------------------
def test_names_a_title_introduces_are_people(ex):
    _, out = run(ex, "In 2021, United States Secretary of Agriculture Tom Vilsack visited Iowa.")
    assert any(e.name == "Tom Vilsack" and e.type == "Person" for e in out.entities.values())
    _, out = run(ex, "Both Governors Roy Cooper and Bill Lee praised the plant.")
    people = {e.name for e in out.entities.values() if e.type == "Person"}
    assert {"Roy Cooper", "Bill Lee"} <= people
    assert not any(e.type == "Law" for e in out.entities.values())  # "Bill" is no bill here


def test_every_name_in_a_list_of_firms_is_a_firm(ex):
    _, out = run(ex, "Tenants included Samsung SDI, LG Chem, Dongbang Precision, Hanil Ace, Sewon and Daehan Co.")
    firms = {e.name for e in out.entities.values() if e.type == "Firm"}
    assert {"Dongbang Precision", "Hanil Ace", "Sewon"} <= firms, firms


def test_a_leader_whose_administration_acts_is_still_named(ex):
    _, out = run(ex, "The Obama administration imposed a 30 percent tariff on imported tires.")
    assert "person/barack-obama" in out.entities


def test_public_funding_makes_partners_and_targets_the_firm(ex):
    got, _ = run(ex, "The Department of Energy awarded a $200 million grant to SK On.")
    pair = got.get(("SK On", "PARTNERS_WITH", "Department of Energy")) or \
        got.get(("Department of Energy", "PARTNERS_WITH", "SK On"))
    assert pair is not None and pair["amount_usd"] == 2e8
    assert ("DOE grant to SK On", "TARGETS", "SK On") in got
    got, _ = run(ex, "Samsung received $6.4 billion in CHIPS Act funding from the Commerce Department.")
    assert any(p == "PARTNERS_WITH" and {s, o} == {"Samsung Electronics", "Department of Commerce"}
               for (s, p, o) in got)
    got, _ = run(ex, "The Department of Energy may award a $200 million grant to SK On.")
    assert not any(p == "PARTNERS_WITH" for (_, p, _) in got)


def test_a_verb_of_making_reads_its_own_object_not_every_sector_around(ex):
    got, _ = run(ex, "Samsung makes memory chips.")
    assert ("Samsung Electronics", "OPERATES_IN", "semiconductors") in got
    got, _ = run(ex, "Samsung leads a push by automakers to secure battery supplies.")
    assert not any(p == "OPERATES_IN" for _, p, _ in got)


def test_a_partnership_between_governments_is_cooperation(ex):
    got, _ = run(ex, "Chile and Peru forged a partnership on mining.")
    assert not any(p == "PARTNERS_WITH" for _, p, _ in got)
    assert any(p == "COOPERATES_WITH" and {s, o} == {"Chile", "Peru"} for (s, p, o) in got)


def test_infobox_fields_about_the_title_entity(ex):
    from policygraph.loaders.read.repair import repair

    text = ("= Ultium Cells =\n\nUltium Cells LLC\n- Type: Joint venture\n- Industry: Electric vehicle batteries\n"
            "- Key People: Kurt Kelty (CEO) Anna Park (CFO)\n- Owner: General Motors (50%) LG Energy Solution (50%)\n"
            "\nUltium Cells is a battery maker.\n")
    out = ex.run(repair("t", "t.txt", "txt", text))
    names = {e.id: e.name for e in out.entities.values()}
    got = {(names[r.subject], r.predicate, names[r.object]) for r in out.relations}
    assert ("General Motors", "INVESTS_IN", "Ultium Cells") in got
    assert ("LG Energy Solution", "INVESTS_IN", "Ultium Cells") in got
    assert ("Kurt Kelty", "LEADS", "Ultium Cells") in got
    assert ("Anna Park", "LEADS", "Ultium Cells") not in got  # a CFO does not lead it
    assert ("Ultium Cells", "OPERATES_IN", "batteries") in got


def test_a_law_targets_what_its_purpose_names(ex):
    got, _ = run(ex, "President Biden signed the Clean Water Act to usher in a new era of battery manufacturing.")
    assert ("Clean Water Act", "TARGETS", "batteries") in got
    assert ("Clean Water Act", "TARGETS", "manufacturing") not in got  # the head of "battery manufacturing"
    got, _ = run(ex, "The Clean Water Act was passed with the dual aim of strengthening supply chains and countering "
                     "Russia.")
    assert ("Clean Water Act", "TARGETS", "Russia") in got
    got, _ = run(ex, "The Clean Water Act was passed to create jobs in the United States.")
    assert ("Clean Water Act", "TARGETS", "United States") not in got


def test_an_agreement_named_after_its_parties_is_one_name(ex):
    got, _ = run(ex, "Relations between Peru and Chile improved. In July 2015, both countries signed the Chile–Peru "
                     "Free Trade Agreement.")
    assert got[("Peru", "SIGNS", "Chile–Peru Free Trade Agreement")]["year"] == 2015
    assert got[("Chile", "SIGNS", "Chile–Peru Free Trade Agreement")]["year"] == 2015


def test_this_facility_refers_to_the_last_facility(ex):
    got, _ = run(ex, "Toyota broke ground on the Liberty Gigafactory in Kansas. The $3 billion investment for this "
                     "facility by the company was announced in May.")
    assert got[("Toyota", "INVESTS_IN", "Liberty Gigafactory")]["amount_usd"] == 3e9


def test_protocols_and_memoranda_are_agreements(ex):
    got, _ = run(ex, "The United Kingdom and the present members formally signed an accession protocol on 16 July 2023.")
    assert got[("United Kingdom", "SIGNS", "accession protocol")]["year"] == 2023
    _, out = run(ex, "The Department of Energy and SK Innovation have signed a non-binding preliminary memorandum of "
                     "terms.")
    assert any(e.type == "Agreement" and "memorandum" in e.name for e in out.entities.values())


def test_a_measure_listed_under_another_shares_its_actor_and_target(ex):
    got, _ = run(ex, "Brazil believed the duties would hurt its farmers and took a number of countermeasures against "
                     "Argentina, including the Wheat Import Ban.")
    assert ("Brazil", "RETALIATES_AGAINST", "Argentina") in got
    assert ("Brazil", "IMPOSES", "Wheat Import Ban") in got
    assert ("Wheat Import Ban", "TARGETS", "Argentina") in got


def test_a_predicate_nominal_describes_its_subject_and_is_no_entity(ex):
    # "X is a U.S. federal statute": the description is X, so "the act" later is X too
    got, out = run(ex, "The Harbor Renewal Act (HRA) is a U.S. federal statute enacted in 2021. The act "
                       "authorizes new funding to expand shipbuilding in the United States.")
    assert ("Harbor Renewal Act", "TARGETS", "shipbuilding") in got
    assert not [e for e in out.entities.values() if "statute" in e.name.lower()]


def test_also_known_as_names_the_same_law(ex):
    got, out = run(ex, "The Harbor Renewal Act (also known as the Ship Building Support Act) passed in 2021. The act "
                       "authorizes new funding to expand shipbuilding in the United States.")
    assert ("Harbor Renewal Act", "TARGETS", "shipbuilding") in got
    assert "Ship Building Support Act" not in {e.name for e in out.entities.values()}


def test_an_administration_is_led_by_the_person_it_is_named_after(ex):
    got, _ = run(ex, "The Obama administration negotiated the Trans-Pacific Partnership.")
    assert ("Barack Obama", "LEADS", "United States") in got
    got, _ = run(ex, "The pact survived, with Malcolm Fraser's administration in Australia taking the lead.")
    assert ("Malcolm Fraser", "LEADS", "Australia") in got
    # a running mate in "the X-Y Administration" leads nothing
    got, _ = run(ex, "The Biden-Harris Administration announced a loan to Ford.")
    assert not [k for k in got if k[1] == "LEADS" and k[0] == "Kamala Harris"]


def test_a_quoted_predicate_nominal_still_describes_its_subject(ex):
    got, out = run(ex, "Norway says that the Harbor Renewal Act is “purely a defensive statute” aimed at shipbuilding.")
    assert not [e for e in out.entities.values() if "defensive" in e.name.lower()], got


def test_what_a_sentence_excepts_gets_no_fact(ex):
    got, _ = run(ex, "Every member of the Andes Trade Accord except Norway signed the Harbor Pact. Chile, but not "
                     "Peru, signed it too. Tariffs apply to all countries other than Canada.")
    # (Norway signed nothing; it is still a member of the accord the sentence excepts it from the members of)
    assert not [k for k in got if "Norway" in (k[0], k[2]) and k != ("Norway", "PARTY_TO", "Andes Trade Accord")
                or "Canada" in (k[0], k[2])], got


def test_a_countrys_makers_are_its_industry(ex):
    got, _ = run(ex, "Norwegian shipbuilders won most orders in 2023.")
    assert ("Norway", "OPERATES_IN", "shipbuilding") in got, got


def test_a_nations_industry_is_the_nations_named_or_not(ex):
    got, _ = run(ex, "Tariffs hurt the Norwegian auto industry and Danish firms.")
    assert ("Norway", "OPERATES_IN", "automobiles") in got
    assert ("Denmark", "OPERATES_IN", "automobiles") not in got  # the industry's list is not "Danish firms"
    got, _ = run(ex, "Portugal seeks to revitalize its shipbuilding industry.")
    assert ("Portugal", "OPERATES_IN", "shipbuilding") in got
    got, _ = run(ex, "In the shipbuilding industry, President Macron issued a new decree.")
    assert not any(p == "OPERATES_IN" for _, p, _ in got)  # a frame, not France's industry
    assert ("Emmanuel Macron", "LEADS", "France") in got  # (even where the leader is known: the leader's words)
    got, _ = run(ex, "Spanish leadership in chips is at stake.")
    assert not any(p == "OPERATES_IN" for _, p, _ in got)  # a loose description, not an industry


def test_a_known_name_opening_a_longer_title_is_part_of_that_title(ex):
    _, out = run(ex, "The America First Investment Policy restricts Chinese investment.")
    names = {e.name for e in out.entities.values()}
    assert "America First Investment Policy" in names
    assert "America First Trade Policy" not in names


def test_a_measure_on_goods_targets_their_origin(ex):
    got, _ = run(ex, "Section 232 tariffs hit Norwegian steel.")
    assert ("Section 232 tariffs", "TARGETS", "Norway") in got
    assert ("Section 232 tariffs", "TARGETS", "steel") in got


def test_a_country_in_parentheses_after_a_firm_is_its_home(ex):
    got, _ = run(ex, "Suppliers include Fjordwave Energy (Norway), Kestrel Chips (Taiwan) and Intel (United States).")
    assert ("Fjordwave Energy", "LOCATED_IN", "Norway") in got
    assert ("Kestrel Chips", "LOCATED_IN", "Taiwan") in got
    assert ("Intel", "LOCATED_IN", "United States") in got
    got, _ = run(ex, "The USMCA (NAFTA) replaced it.")
    assert not any(p == "LOCATED_IN" for _, p, _ in got)


def test_a_measure_on_a_list_targets_every_name_of_the_list(ex):
    got, out = run(ex, "Portugal imposed tariffs on Norway, Iceland and Denmark in 2025.")
    for country in ("Norway", "Iceland", "Denmark"):
        assert ("Portuguese tariffs on Norway, Iceland and Denmark", "TARGETS", country) in got
    assert ("Portugal", "IMPOSES", "Portuguese tariffs on Norway, Iceland and Denmark") in got
    got, _ = run(ex, "Norway imposed restrictions on Iceland, citing security.")
    assert ("Norwegian restrictions on Iceland", "TARGETS", "Iceland") in got


def test_a_measure_word_before_its_change_names_the_measure(ex):
    got, _ = run(ex, "Norway announced tariff hikes on Iceland, Denmark and Sweden in 2019.")
    hikes = "Norwegian tariff hikes on Iceland, Denmark and Sweden"
    assert ("Norway", "IMPOSES", hikes) in got
    assert {(hikes, "TARGETS", c) for c in ("Iceland", "Denmark", "Sweden")} <= set(got)
    got, _ = run(ex, "The sanctions regime against Portugal was tightened.")
    assert ("sanctions regime against Portugal", "TARGETS", "Portugal") in got
    got, _ = run(ex, "Norway levied a digital services tax on Danish tech firms.")
    assert ("Norway", "IMPOSES", "Norwegian digital services tax") in got


def test_a_firm_running_a_business_named_by_its_sector_operates_in_it(ex):
    got, _ = run(ex, "Samsung Heavy Industries operates shipyards in Norway and Portugal.")
    assert ("Samsung Heavy Industries", "OPERATES_IN", "shipbuilding") in got
    got, _ = run(ex, "The minister toured Hanwha and HD Hyundai shipyards.")
    assert ("HD Hyundai", "OPERATES_IN", "shipbuilding") in got
    got, _ = run(ex, "Workers at the shipyard went on strike.")
    assert not any(p == "OPERATES_IN" for _, p, _ in got)


def test_countries_negotiating_an_agreement_named_after_them_are_no_parties_yet(ex):
    got, _ = run(ex, "Negotiations on the Norway-Portugal FTA stalled in 2019.")
    assert ("Norway", "NEGOTIATES", "Norway-Portugal FTA") in got
    assert ("Norway", "PARTY_TO", "Norway-Portugal FTA") not in got
    got, _ = run(ex, "The Norway-Portugal FTA entered into force in 2004.")
    assert ("Portugal", "PARTY_TO", "Norway-Portugal FTA") in got


def test_a_firm_whose_plant_is_in_a_place_invests_there(ex):
    got, _ = run(ex, "Samsung Electronics' plant, located in Lisbon, Portugal, employs 3,000 people.")
    assert ("Samsung Electronics", "INVESTS_IN", "Portugal") in got
    got, _ = run(ex, "Hyundai will deploy $2 billion in Portugal.")
    assert ("Hyundai Motor Group", "INVESTS_IN", "Portugal") in got
    assert ("Hyundai Motor Group", "LOCATED_IN", "Portugal") not in got  # its money is placed, not the firm
    got, _ = run(ex, "Hanwha Philly Shipyard is a commercial shipyard located in Lisbon, Portugal.")
    assert ("Hanwha Philly Shipyard", "LOCATED_IN", "Portugal") in got
    assert ("Hanwha Philly Shipyard", "INVESTS_IN", "Portugal") not in got  # the firm is the shipyard


def test_a_title_in_an_apposition_names_what_the_person_leads(ex):
    got, _ = run(ex, "Jonas Gahr Berg, Norway's prime minister, visited Lisbon.")
    assert ("Jonas Gahr Berg", "LEADS", "Norway") in got
    got, _ = run(ex, "Erik Berg, the Secretary of Commerce, met Portuguese officials.")
    assert ("Erik Berg", "LEADS", "Department of Commerce") in got
    got, _ = run(ex, "Jonas Gahr Berg, Norway's chief negotiator, said no.")
    assert ("Jonas Gahr Berg", "LEADS", "Norway") not in got


def test_an_office_named_by_its_title_is_led_by_the_name_after_it(ex):
    got, _ = run(ex, "USTR Jamieson Greer met his Portuguese counterpart.")
    assert ("Jamieson Greer", "LEADS", "USTR") in got


def test_joining_the_talks_is_not_joining_the_agreement(ex):
    got, _ = run(ex, "Portugal joined the Atlantic Growth Pact negotiations in 2013.")
    assert ("Portugal", "NEGOTIATES", "Atlantic Growth Pact") in got
    assert ("Portugal", "PARTY_TO", "Atlantic Growth Pact") not in got


def test_who_leads_a_countrys_negotiations_negotiates_too(ex):
    got, _ = run(ex, "The USTR led the U.S. negotiations on the Atlantic Growth Pact.")
    assert ("USTR", "NEGOTIATES", "Atlantic Growth Pact") in got
    assert ("United States", "NEGOTIATES", "Atlantic Growth Pact") in got


@pytest.mark.parametrize("text, measure", [
    ("Portugal imposed trade remedies on Norwegian washers in 2018.", "Portuguese trade remedies"),
    ("Portugal placed an asset freeze on Norwegian banks.", "Portuguese asset freeze"),
])
def test_remedies_and_freezes_are_measures(ex, text, measure):
    got, _ = run(ex, text)
    assert ("Portugal", "IMPOSES", measure) in got
    assert (measure, "TARGETS", "Norway") in got


def test_a_boycott_targets_what_it_is_of(ex):
    got, _ = run(ex, "Consumers in Portugal staged a boycott of Samsung Electronics stores in 2017.")
    assert ("boycott of Samsung Electronics stores", "TARGETS", "Samsung Electronics") in got


def test_one_capitalised_english_word_names_no_firm(ex):
    _, out = run(ex, "Commerce opened an investigation of steel imports from Portugal.")
    assert not [e for e in out.entities.values() if e.type == "Firm"]


def test_who_imposes_a_measure_is_not_its_target(ex):
    got, _ = run(ex, "Tariffs imposed by Portugal on Norwegian steel took effect.")
    assert ("Portugal", "IMPOSES", "Portuguese tariffs on Norwegian steel") in got
    assert ("Portuguese tariffs on Norwegian steel", "TARGETS", "Norway") in got
    assert ("Portuguese tariffs on Norwegian steel", "TARGETS", "Portugal") not in got


def test_a_quoted_term_refers_to_what_it_names(ex):
    got, _ = run(ex, 'The "Fado ban" refers to a series of policy restrictions imposed by Spain on Portuguese films.')
    assert ("Spain", "IMPOSES", "Fado ban") in got
    assert ("Fado ban", "TARGETS", "Portugal") in got
    assert not any("policy restrictions" in (s, o) for s, _, o in got)


def test_a_measure_keeps_its_whole_phrase_as_an_alias(ex):
    # the parser hangs "on" from the verb; the phrase as written still names the measure
    _, out = run(ex, "The Department of the Treasury published related guidance on compliance with the new rules.")
    aliases = {a for e in out.entities.values() if e.type == "Policy" for a in e.aliases}
    assert any(a.endswith("guidance on compliance with the new rules") for a in aliases), aliases


def test_a_sum_stated_for_a_measure_makes_it_specific(ex):
    _, out = run(ex, "In May, the Lisbon bill designated $350 million in forgivable loans for the project.")
    assert "forgivable loans" in {e.name for e in out.entities.values() if e.type == "Policy"}
    _, out = run(ex, "Portugal has long offered forgivable loans.")
    assert "forgivable loans" not in {e.name for e in out.entities.values()}  # which loans? nothing says


def test_a_sum_a_law_gives_for_a_purpose_is_a_measure(ex):
    got, out = run(ex, "The Lisbon Chips Act provides $11 billion for semiconductor research in 2023.")
    assert ("Lisbon Chips Act", "AUTHORIZES", "funding for semiconductor research") in got
    _, out = run(ex, "The company committed $5 billion for a new plant in Portugal.")
    assert not [e for e in out.entities.values() if e.name.startswith("funding for")]  # a firm's own money
    _, out = run(ex, "Congress appropriated $52 billion for chip manufacturing incentives in 2022.")
    assert not [e for e in out.entities.values() if e.name.startswith("funding for")]  # named already


def test_a_known_laws_short_name_after_a_name_word_is_another_law(ex):
    _, out = run(ex, "The European Chips Act entered into force in 2023.")
    names = {e.name for e in out.entities.values() if e.type == "Law"}
    assert names == {"European Chips Act"}
    _, out = run(ex, "The U.S. CHIPS Act passed in 2022.")
    assert "CHIPS and Science Act" in {e.name for e in out.entities.values()}


@pytest.mark.parametrize("text, person, body", [
    ("Carlos Del Toro served as Secretary of the Navy from 2021.", "Carlos Del Toro", "Department of the Navy"),
    ("Howard Lutnick was sworn in as Secretary of Commerce in 2025.", "Howard Lutnick", "Department of Commerce"),
    ("Kim Dong-kwan was named CEO of Hanwha Ocean in 2023.", "Kim Dong-kwan", "Hanwha Ocean"),
    ("Jonas Gahr Berg served as prime minister of Norway.", "Jonas Gahr Berg", "Norway"),
    ("Secretary Del Toro made shipbuilding a key component of his tenure as Secretary of the Navy.", "Del Toro",
     "Department of the Navy"),
])
def test_a_person_holds_the_office_a_title_names(ex, text, person, body):
    got, _ = run(ex, text)
    assert (person, "LEADS", body) in got


def test_an_office_not_given_is_not_held(ex):
    got, _ = run(ex, "Kim Dong-kwan was not named CEO of Hanwha Ocean.")
    assert not any(p == "LEADS" for _, p, _ in got)
    got, _ = run(ex, "Jonas Gahr Berg served as trade minister of Norway.")
    assert ("Jonas Gahr Berg", "LEADS", "Norway") not in got  # a minister does not lead the country


def test_an_agreement_between_named_parties_is_specific(ex):
    got, _ = run(ex, "An FTA between Norway and Portugal took effect in 2005.")
    assert ("Norway", "PARTY_TO", "Norway-Portugal FTA") in got
    assert ("Portugal", "PARTY_TO", "Norway-Portugal FTA") in got


def test_a_description_naming_a_country_makes_it_a_party(ex):
    got, _ = run(ex, "In 2017, Portugal began talks on the Atlantic Growth Pact, the largest Norwegian FTA, with Spain.")
    assert ("Norway", "PARTY_TO", "Atlantic Growth Pact") in got
    got, _ = run(ex, "The Atlantic Growth Pact is a proposed Norwegian trade agreement.")
    assert ("Norway", "PARTY_TO", "Atlantic Growth Pact") not in got


def test_a_trade_balance_says_who_sells_to_whom_but_no_export_sum(ex):
    got, _ = run(ex, "Norway's trade surplus with Portugal reached $5 billion in 2024.")
    assert ("Norway", "EXPORTS_TO", "Portugal") in got
    assert "amount_usd" not in got[("Norway", "EXPORTS_TO", "Portugal")]  # a balance is no sum of exports
    got, _ = run(ex, "The Norwegian goods trade deficit with Portugal widened.")
    assert ("Portugal", "EXPORTS_TO", "Norway") in got


def test_the_source_of_a_countrys_imports_exports_to_it(ex):
    got, _ = run(ex, "Norway is the largest source of Portuguese imports.")
    assert ("Norway", "EXPORTS_TO", "Portugal") in got
    got, _ = run(ex, "Norway was the source of a quarter of Portugal's imports in 2020.")
    assert ("Norway", "EXPORTS_TO", "Portugal") in got


def test_the_builder_of_a_facility_after_its_places_is_in_its_business(ex):
    # the parser hangs "built by" from the last place of the chain
    got, _ = run(ex, "Fjord Works is a semiconductor manufacturing complex in Tucson, Arizona, United States built by "
                     "Intel.")
    assert ("Intel", "OPERATES_IN", "semiconductors") in got


def test_a_dispute_title_names_the_measure_and_who_imposes_it(ex):
    got, out = run(ex, "DS: Norway — Anti-Dumping and Countervailing Measures on Large Residential Washers from Portugal")
    policy = next(e for e in out.entities.values() if e.type == "Policy")
    assert "Anti-Dumping and Countervailing Measures on Large Residential Washers from Portugal" in policy.aliases
    assert ("Norway", "IMPOSES", policy.name) in got
    assert (policy.name, "TARGETS", "Portugal") in got


@pytest.mark.parametrize("text, facility", [
    ("Hanwha acquired the Philly yard in 2024.", "Philly yard"),
    ("Samsung Electronics opened an R&D center in Lisbon.", "R&D center"),
    ("Crowds gathered at Norway's Stord Megasite in 2023.", "Stord Megasite"),
])
def test_yards_centers_and_megasites_are_facilities(ex, text, facility):
    _, out = run(ex, text)
    # (a facility described by its place is named with its owner too: "Hanwha Group Philly yard")
    assert any(e.name.endswith(facility) for e in out.entities.values() if e.type == "Facility"), out.entities


def test_a_center_of_attention_is_no_facility(ex):
    _, out = run(ex, "The data center market grew and the customer base shrank.")
    assert not [e for e in out.entities.values() if e.type == "Facility"]


def test_a_date_is_not_what_a_measure_is_on(ex):
    _, out = run(ex, "Portugal announced the deployment on 8 July.")
    assert not [e for e in out.entities.values() if "July" in e.name]
    got, _ = run(ex, "Norway imposed tariffs on Portuguese wine on 18 May 2020.")
    assert ("Norway", "IMPOSES", "Norwegian tariffs on Portuguese wine") in got


def test_imports_from_a_list_come_from_each_and_go_to_none_of_them(ex):
    got, _ = run(ex, "The proclamation adjusts imports of aluminum from Norway, Iceland and Portugal.")
    assert not any(p == "EXPORTS_TO" for _, p, _ in got)  # the origins do not trade among themselves
    assert {("proclamation", "TARGETS", c) for c in ("Norway", "Iceland", "Portugal")} <= set(got)
    got, _ = run(ex, "Spanish imports from Norway, Iceland and Portugal rose.")
    assert {(c, "EXPORTS_TO", "Spain") for c in ("Norway", "Iceland", "Portugal")} == \
        {k for k in got if k[1] == "EXPORTS_TO"}
    got, _ = run(ex, "The tariffs restrict Spanish imports from Portugal.")
    assert not any(p == "TARGETS" and o == "Spain" for _, p, o in got)  # the buyer is no target


@pytest.mark.parametrize("text", [
    "Spain prevented Portuguese companies from investing in Spain.",
    "The law bars Norwegian firms from investing in Texas.",
    "Samsung Electronics refrained from investing in Texas.",
])
def test_what_someone_is_kept_from_doing_is_no_fact(ex, text):
    got, _ = run(ex, text)
    assert not any(p == "INVESTS_IN" for _, p, _ in got)


def test_a_with_phrase_describes_what_a_measure_is_for_not_its_target(ex):
    got, _ = run(ex, "The act provides tax credits to chip makers with operations in Portugal.")
    assert not any(p == "TARGETS" and o == "Portugal" for _, p, o in got)


def test_a_name_the_document_typed_once_stays_that_entity(ex):
    got, _ = run(ex, "We will hear from the Portuguese firm Quintaluz, which makes glass substrates. "
                     "The Department of Commerce signed a memorandum of terms with Quintaluz in 2024.")
    assert ("Quintaluz", "PARTNERS_WITH", "Department of Commerce") in got \
        or ("Department of Commerce", "PARTNERS_WITH", "Quintaluz") in got


def test_a_family_name_alone_is_the_person_named_before(ex):
    _, out = run(ex, "Carlos Del Toro visited the yard in 2023. Later, Secretary Del Toro toured Lisbon.")
    people = {e.name for e in out.entities.values() if e.type == "Person"}
    assert people == {"Carlos Del Toro"}, people


@pytest.mark.parametrize("text, measure", [
    ("The FEOC prohibitions associated with the Inflation Reduction Act apply to battery makers.",
     "FEOC prohibitions"),
    ("The investment tax credits established by the CHIPS and Science Act went to Intel.", "investment tax credits"),
])
def test_a_participle_after_a_measure_names_the_law_behind_it(ex, text, measure):
    got, _ = run(ex, text)
    assert any(p == "AUTHORIZES" and o == measure for _, p, o in got), got


def test_north_and_south_name_two_countries(ex):
    got, _ = run(ex, "North and South Korea signed the Panmunjom Declaration in 2018.")
    assert ("North Korea", "SIGNS", "Panmunjom Declaration") in got
    assert ("South Korea", "SIGNS", "Panmunjom Declaration") in got


def test_coordinated_modifiers_name_one_measure(ex):
    got, _ = run(ex, "Portugal imposed steel and aluminum tariffs in 2018.")
    assert ("Portugal", "IMPOSES", "Portuguese steel and aluminum tariffs") in got
    assert ("Portuguese steel and aluminum tariffs", "TARGETS", "aluminum") in got


@pytest.mark.parametrize("text", [
    "Spain retaliated against Portuguese tariffs with duties on Portuguese wine.",
    "In retaliation for Portugal's export controls, Spain removed Portugal from its white list.",
])
def test_retaliating_against_a_measure_is_retaliating_against_who_imposed_it(ex, text):
    got, _ = run(ex, text)
    assert ("Spain", "RETALIATES_AGAINST", "Portugal") in got


def test_a_memorandum_of_understanding_is_named_by_what_it_is_on(ex):
    got, _ = run(ex, "Norway and Portugal signed a memorandum of understanding on shipbuilding cooperation.")
    assert ("Norway", "SIGNS", "memorandum of understanding on shipbuilding cooperation") in got
    assert ("Portugal", "SIGNS", "memorandum of understanding on shipbuilding cooperation") in got


def test_a_country_named_measure_does_not_swallow_later_measures(ex):
    _, out = run(ex, "Portugal worried about a new Spanish tariff. Later, Spain extended the Spanish light-truck "
                     "tariff and imposed Spanish steel duties on Portuguese pipes.")
    names = {e.name for e in out.entities.values() if e.type == "Policy"}
    assert "Spanish light-truck tariff" in names, names


@pytest.mark.parametrize("text, facility", [
    ("Hanwha's shipyard in Philadelphia, Pennsylvania builds tankers.", "Hanwha Group shipyard in Philadelphia"),  # (named with its owner)
    ("The Samsung plant at Taylor, Texas will make chips.", "Samsung plant"),
])
def test_a_facility_in_a_town_is_in_the_state_after_it(ex, text, facility):
    got, _ = run(ex, text)
    assert any(s == facility and p == "LOCATED_IN" and o in ("Pennsylvania", "Texas") for s, p, o in got), got


def test_a_state_that_starts_another_phrase_is_no_seat(ex):
    got, _ = run(ex, "The plant in Austin, Texas officials said, is big.")
    assert not any(p == "LOCATED_IN" and o == "Texas" for _, p, o in got)


@pytest.mark.parametrize("text, parent, child", [
    ("Hanwha Ocean, a unit of Hanwha Group, bought the yard.", "Hanwha Group", "Hanwha Ocean"),
    ("SK On is a subsidiary of SK Innovation.", "SK Innovation", "SK On"),
])
def test_a_parent_owns_its_subsidiary(ex, text, parent, child):
    got, _ = run(ex, text)
    assert (parent, "INVESTS_IN", child) in got


def test_no_subsidiary_no_parent(ex):
    got, _ = run(ex, "SK On is not a subsidiary of Samsung Electronics.")
    assert not any(p == "INVESTS_IN" for _, p, _ in got)


def test_an_executive_order_is_named_by_what_it_is_on(ex):
    # two orders of one kind are two measures; a date later in the sentence says when, not what
    got, _ = run(ex, "In 2025, President Trump signed an executive order on shipbuilding in April and an executive "
                     "order on steel in May.")
    # (the President's orders are his country's: named with its word, as any measure a country imposes)
    assert ("Donald Trump", "IMPOSES", "U.S. executive order on shipbuilding") in got
    assert ("Donald Trump", "IMPOSES", "U.S. executive order on steel") in got
    assert ("United States", "IMPOSES", "U.S. executive order on steel") in got


def test_there_is_the_place_named_before(ex):
    _, out = run(ex, "Samsung Electronics announced a new fab in Texas. The chipmaker will invest $17 billion there.")
    names = {e.id: e.name for e in out.entities.values()}
    amounts = {r.props.get("amount_usd") for r in out.relations
               if (names[r.subject], r.predicate, names[r.object]) == ("Samsung Electronics", "INVESTS_IN", "Texas")}
    assert 17e9 in amounts, amounts


def test_measures_named_with_different_countries_stay_two(ex):
    _, out = run(ex, "Spain criticised the Portuguese emissions standards in 2020. Portugal now accepts cars built "
                     "to Spanish environmental and emissions standards.")
    names = {e.name for e in out.entities.values() if e.type == "Policy"}
    assert "Portuguese emissions standards" in names and any("Spanish" in n for n in names), names


@pytest.mark.parametrize("text", [
    "Since 2020, Portuguese firms have invested $100 billion in Spain.",
    "Portuguese firms have invested $100 billion in Spain since 2020.",
])
def test_the_start_of_a_period_is_no_events_year(ex, text):
    got, _ = run(ex, text)
    assert "year" not in got[("Portugal", "INVESTS_IN", "Spain")]


@pytest.mark.parametrize("text, place", [
    ("Spain is the top destination for Portuguese FDI.", "Spain"),
    ("Texas, the largest recipient of Portuguese investment, welcomed the plant.", "Texas"),
])
def test_the_destination_of_a_countrys_investment_receives_it(ex, text, place):
    got, _ = run(ex, text)
    assert ("Portugal", "INVESTS_IN", place) in got


def test_the_destination_of_a_countrys_goods_imports_them(ex):
    got, _ = run(ex, "Spain is the top destination for Portuguese wine.")
    assert ("Portugal", "EXPORTS_TO", "Spain") in got
    got, _ = run(ex, "Spain is the top destination for Portuguese FDI.")
    assert ("Portugal", "EXPORTS_TO", "Spain") not in got  # investment is no goods


def test_a_list_after_of_is_one_list_however_parsed(ex):
    got, _ = run(ex, "Portugal is a member of the WTO, the G20 and APEC.")
    assert {("Portugal", "MEMBER_OF", o) for o in ("WTO", "G20", "APEC")} <= set(got)


@pytest.mark.parametrize("text, place", [
    ("Nordholm Metals will build a zinc smelter in Tennessee.", "Tennessee"),
    # (a firm's ending: the tagger took "Velmora Marine" for a person, whose investment is no fact)
    ("Velmora Marine Holdings plans to open a new shipyard in Texas.", "Texas"),
    ("Quellant Chemical is building a refinery in Louisiana.", "Louisiana"),
])
def test_building_any_kind_of_facility_somewhere_invests_there(ex, text, place):
    # every facility word of lexicon.toml triggers, not a list of its own in patterns.toml
    got, _ = run(ex, text)
    firm = text.split(" will ")[0].split(" plans ")[0].split(" is ")[0]
    assert (firm, "INVESTS_IN", place) in got


def test_a_nouns_object_does_not_cross_a_finite_verb(ex):
    got, _ = run(ex, "In 2019, the Halvard Policy Center reported that 40 percent of South Korean firms said that "
                     "exports had fallen.")
    assert not any(p == "LOCATED_IN" for _, p, _ in got)


def test_a_type_word_in_a_rule_must_name_a_head_type():
    from policygraph.ontology.lexicon import _nouns
    heads = {"plant": "Facility", "tariff": "Policy"}
    assert _nouns(["@Facility", "office"], heads, "rule #1") == {"plant", "office"}
    with pytest.raises(ValueError, match="names no head type"):
        _nouns(["@Facilty"], heads, "rule #1")


def test_a_named_facility_triggers_like_its_kind_word(ex):
    # a facility the gazetteer names, with no facility word in its name
    got, _ = run(ex, "Hyundai expanded its Metaplant in Georgia last year.")
    assert ("Hyundai Motor Group", "INVESTS_IN", "Georgia") in got


@pytest.mark.parametrize("text, firm", [
    ("Velmora Steel North America, Inc. filed the petition.", "Velmora Steel North America"),
    ("Hanwha Aerospace Holdings Canada, Inc. filed the petition.", "Hanwha Aerospace Holdings Canada"),
    ("In 2021 Tarsk Acquisition Corp. filed the petition.", "2021 Tarsk Acquisition"),
    ("Samsung Electronics Co., Ltd. filed the petition.", "Samsung Electronics"),
])
def test_a_name_with_its_legal_form_is_a_firm(ex, text, firm):
    _, out = run(ex, text)
    assert firm in {e.name for e in out.entities.values() if e.type == "Firm"}


@pytest.mark.parametrize("text, name, type_", [
    ("The mayor of the City of Norvik met the investors.", "City of Norvik", "GovernmentBody"),
    ("The series aired on Velmora Television and Tarsk Satellite TV.", "Tarsk Satellite TV", "Firm"),
])
def test_local_governments_and_broadcasters_by_their_names(ex, text, name, type_):
    _, out = run(ex, text)
    assert (name, type_) in {(e.name, e.type) for e in out.entities.values()}


@pytest.mark.parametrize("text, name", [
    ("In 2021, Norway tightened export controls on salmon feed.", "Norwegian export controls"),
    ("Ohio designated $90 million in forgivable loans for the plant.", None),  # no IMPOSES: no owner known
    ("The Department of Energy issued guidance on battery grants.", "DOE guidance on battery grants"),
    ("The United States imposed the Section 301 tariffs on Chinese goods.", None),
])
def test_a_measure_is_named_with_the_owner_the_document_gives_it(ex, text, name):
    _, out = run(ex, text)
    policies = {e.name: e for e in out.entities.values() if e.type == "Policy"}
    if name is None:
        assert not any(n.split()[0] in ("U.S.", "Ohio", "American") for n in policies)
    else:
        assert name in policies
        assert any(r.predicate == "IMPOSES" and out.entities[r.object].name == name for r in out.relations)
        words = name.split(" ", 1)[1]  # the document's own words stay an alias
        assert words in policies[name].aliases


@pytest.mark.parametrize("text, firm, sector", [
    ("Velmora Group entered the solar market in 2012.", "Velmora Group", "solar energy"),
    ("Tarsk Industries diversified into batteries in the 1990s.", "Tarsk Industries", "batteries"),
])
def test_going_into_a_business_is_operating_in_it(ex, text, firm, sector):
    got, _ = run(ex, text)
    assert (firm, "OPERATES_IN", sector) in got


def test_a_glued_hyphen_word_does_not_swallow_the_country_after_it(ex):
    # two-column PDF text glues a line's last word to the next column's first: "12 Asia-including Japan"
    _, out = run(ex, "The pact was signed by 12 Asia-including Norway and Chile.")
    assert {"Norway", "Chile"} <= {e.name for e in out.entities.values() if e.type == "Country"}


def test_a_facility_is_named_with_the_firm_that_invests_in_it(ex):
    _, out = run(ex, "Velmora Motors invested $2 billion in a battery plant in Ohio.")
    plants = {e.name: e for e in out.entities.values() if e.type == "Facility"}
    assert "Velmora Motors battery plant" in plants
    assert "battery plant" in plants["Velmora Motors battery plant"].aliases


@pytest.mark.parametrize("text, measure_word, place", [
    ("In 2021, Norway imposed export controls on cobalt powder, nickel sulfate and lithium salts to Chile.",
     "export controls", "Chile"),
    ("Peru imposed tariffs on copper wire, zinc and tin from Bolivia in 2018.", "tariffs", "Bolivia"),
])
def test_a_list_of_goods_does_not_end_what_a_measure_is_on(ex, text, measure_word, place):
    got, _ = run(ex, text)
    assert any(p == "TARGETS" and measure_word in s and o == place for s, p, o in got), got


def test_a_measure_enacted_by_a_verb_targets_the_origin_of_its_goods(ex):
    got, _ = run(ex, "In 2020, Chile banned Peruvian grapes and avocados.")
    assert any(p == "TARGETS" and o == "Peru" and "ban" in s for s, p, o in got), got


def test_a_facility_in_a_place_stops_at_the_places_name(ex):
    # the small parser runs "Ohio supply Velmora" together as one noun phrase
    got, out = run(ex, "Tarsk Energy's factories in Ohio supply Velmora Motors.")
    facilities = {e.name for e in out.entities.values() if e.type == "Facility"}
    assert not any("supply" in f for f in facilities), facilities
    assert ("Tarsk Energy", "INVESTS_IN", "Velmora Motors") not in got


@pytest.mark.parametrize("text, firm, place", [
    ("Tarsk Energy's factories in Ohio supply Velmora Motors.", "Tarsk Energy", "Ohio"),
    ("Velmora Motors's Kansas plant employs 8,000 people.", "Velmora Motors", "Kansas"),
])
def test_the_owner_of_a_facility_in_a_place_invests_there(ex, text, firm, place):
    got, _ = run(ex, text)
    assert (firm, "INVESTS_IN", place) in got


def test_talks_to_amend_an_agreement_negotiate_its_amendments(ex):
    got, _ = run(ex, "Norway and Chile began negotiations to revise the Andes Trade Accord in 2019.")
    assert got[("Norway", "NEGOTIATES", "Andes Trade Accord amendments")]["year"] == 2019
    assert ("Chile", "NEGOTIATES", "Andes Trade Accord amendments") in got
    assert ("Andes Trade Accord amendments", "AMENDS", "Andes Trade Accord") in got


def test_an_amendment_under_negotiation_has_no_parties_yet(ex):
    got, _ = run(ex, "In 2020, the trade minister opened talks to amend the Norway-Chile Free Trade Agreement.")
    parties = {(s, o) for s, p, o in got if p == "PARTY_TO"}
    assert ("Norway", "Norway-Chile Free Trade Agreement") in parties
    assert not any(o.endswith("amendments") for _, o in parties), parties


def test_talks_to_conclude_an_agreement_make_no_party(ex):
    got, _ = run(ex, "Norway and Chile held talks to conclude the Andes Trade Accord.")
    assert ("Norway", "NEGOTIATES", "Andes Trade Accord") in got
    assert ("Norway", "PARTY_TO", "Andes Trade Accord") not in got


def test_a_dash_in_a_known_name_is_its_hyphen(ex):
    _, out = run(ex, "The United States\u2013Korea Free Trade Agreement took effect after years of delay.")
    assert "KORUS FTA" in {e.name for e in out.entities.values()}


def test_what_an_official_does_in_office_the_office_does(ex):
    got, _ = run(ex, "In 2018, Commerce Secretary Tarn Velmora imposed tariffs on Norwegian salmon.")
    assert ("Tarn Velmora", "LEADS", "Department of Commerce") in got
    assert any(s == "Department of Commerce" and p == "IMPOSES" for s, p, o in got), got
    got, _ = run(ex, "Tarn Velmora visited Oslo in 2018.")  # no office, no act of one
    assert not any(s == "Department of Commerce" for s, p, o in got)


def test_a_body_providing_a_measure_administers_it(ex):
    # the tagger reads "incentives" as a verb here; where it stands, it is a noun
    got, _ = run(ex, "The Department of Commerce will provide up to $90 million in CHIPS incentives to Tarsk "
                     "Semiconductor.")
    assert ("Department of Commerce", "IMPOSES", "CHIPS incentives") in got


def test_a_common_word_written_small_is_not_a_firms_name(ex):
    _, out = run(ex, "In 2019, Norway accounted for 8 percent of U.S. steel imports.")
    names = {(e.name, e.type) for e in out.entities.values()}
    assert ("U.S. Steel", "Firm") not in names
    assert ("steel", "Sector") in names
    _, out = run(ex, "SK hynix and Hanwha Q-cells opened plants.")  # a firm's own small letters still read
    assert {"SK Hynix", "Hanwha Q Cells"} <= {e.name for e in out.entities.values()}


@pytest.mark.parametrize("text, exporter, importer", [
    ("Norway accounted for 12 percent of Chilean salmon imports in 2020.", "Norway", "Chile"),
    ("Peru made up a quarter of Chile's exports.", "Chile", "Peru"),
    ("Iceland represented a third of Norway's fish imports.", "Iceland", "Norway"),
])
def test_a_share_of_a_countrys_trade_is_trade_with_it(ex, text, exporter, importer):
    got, _ = run(ex, text)
    assert (exporter, "EXPORTS_TO", importer) in got, got


def test_goods_bought_by_the_quantity_come_from_their_nationality(ex):
    got, _ = run(ex, "In 2021, Chile bought $3 billion of Peruvian copper.")
    assert got[("Peru", "EXPORTS_TO", "Chile")]["amount_usd"] == 3e9


@pytest.mark.parametrize("text, exporter, importer", [
    ("Norway sourced 40 percent of its lithium from Chile.", "Chile", "Norway"),
    ("Iceland supplies 90 percent of Norway's fish feed.", "Iceland", "Norway"),
    ("Norway depends on Chile for 90 percent of its copper.", "Chile", "Norway"),
    ("Norway relies heavily on Peruvian chemicals.", "Peru", "Norway"),
])
def test_who_supplies_whom_by_shares_and_dependence(ex, text, exporter, importer):
    got, _ = run(ex, text)
    assert (exporter, "EXPORTS_TO", importer) in got, got


def test_dependence_for_no_goods_is_no_trade(ex):
    got, _ = run(ex, "Norway depends on the United States for its security.")
    assert not any(p == "EXPORTS_TO" for _, p, _ in got)


@pytest.mark.parametrize("text, example", [
    ("In 2016, Norway took a number of countermeasures against Chile, including implementing a salmon ban.",
     "salmon ban"),
    ("Norway imposed sanctions on Chile, such as the copper embargo.", "copper embargo"),
])
def test_a_measure_named_as_an_example_has_the_groups_owner_and_target(ex, text, example):
    got, _ = run(ex, text)
    assert any(s == "Norway" and p == "IMPOSES" and o.endswith(example) for s, p, o in got), got
    assert any(s.endswith(example) and p == "TARGETS" and o == "Chile" for s, p, o in got), got


def test_a_former_leaders_administration_is_still_theirs(ex):
    # a prefix's hyphen ("then-", "ex-") is no running mate's ("the Obama-Biden administration")
    got, _ = run(ex, "In 2016, then-President Barack Obama's administration waived the duties on turbines.")
    assert ("Barack Obama", "LEADS", "United States") in got
    got, _ = run(ex, "In 2012, ex-President Lee Myung-bak's government opened the port to foreign ships.")
    assert ("Lee Myung-bak", "LEADS", "South Korea") in got


def test_what_an_administration_does_its_leader_does(ex):
    got, _ = run(ex, "The Trump Administration and Norway negotiated the Andes Trade Accord in 2019.")
    assert ("United States", "NEGOTIATES", "Andes Trade Accord") in got
    assert ("Donald Trump", "NEGOTIATES", "Andes Trade Accord") in got


def test_securing_improvements_to_an_agreement_negotiates_its_amendments(ex):
    got, _ = run(ex, "In 2019, Norway secured key improvements to the Andes Trade Accord.")
    assert ("Norway", "NEGOTIATES", "Andes Trade Accord amendments") in got
    assert ("Andes Trade Accord amendments", "AMENDS", "Andes Trade Accord") in got
    got, _ = run(ex, "Norway secured $2 billion in funding for the port.")  # no agreement: no negotiation
    assert not any(p == "NEGOTIATES" for _, p, _ in got)


def test_taking_over_as_head_of_a_body_leads_it(ex):
    got, _ = run(ex, "Tarn Velmora took over as head of the Department of Commerce in 2021.")
    assert got[("Tarn Velmora", "LEADS", "Department of Commerce")]["role"] == "Head"


def test_a_plural_possessive_name_keeps_no_apostrophe(ex):
    got, _ = run(ex, "Tarn Velmora, Velmora Motors' CEO, spoke in Oslo.")
    assert ("Tarn Velmora", "LEADS", "Velmora Motors") in got


def test_a_title_is_spelled_one_way(ex):
    _, out = run(ex, "Hyundai's chief executive, Tarn Velmora, spoke.")
    roles = {r.props.get("role") for r in out.relations if r.predicate == "LEADS"}
    assert roles == {"Chief executive"}


@pytest.mark.parametrize("text, measure, target", [
    ("Norway imposed salmon tariffs in 2018. The duties hit Chile and Peru.", "salmon tariffs", "Peru"),
    ("In 2019, Norway imposed export controls on three chemicals. These curbs targeted Chile.",
     "export controls", "Chile"),
    ("In 2019, Norway imposed export controls on three chemicals. The measures targeted Chile.",
     "export controls", "Chile"),
])
def test_a_later_description_of_a_measure_may_use_another_word_of_its_kind(ex, text, measure, target):
    got, _ = run(ex, text)
    assert any(s.endswith(measure) and p == "TARGETS" and o == target for s, p, o in got), got


def test_a_description_of_another_kind_is_another_measure(ex):
    got, _ = run(ex, "In 2019, Norway imposed export controls on three chemicals. The subsidies helped Chile.")
    assert not any(p == "TARGETS" and o == "Chile" for s, p, o in got), got


@pytest.mark.parametrize("text, sector", [
    ("Norway boasts valuable expertise in cybersecurity.", "cybersecurity"),
    ("Norway emerged as a major exporter of salmon feed and seafood.", "fisheries"),
])
def test_a_countrys_activity_as_the_object_of_its_clause(ex, text, sector):
    got, _ = run(ex, text)
    assert ("Norway", "OPERATES_IN", sector) in got, got


def test_a_country_subject_far_from_the_activity_noun_does_not_do_it(ex):
    got, _ = run(ex, "Norway will double the number of Chilean cars per manufacturer that can enter its market.")
    assert not any(s == "Norway" and p == "OPERATES_IN" for s, p, o in got), got


@pytest.mark.parametrize("text, owner, owned", [
    ("In 2005, control of the Tarsk Shipyard passed to Velmora Group.", "Velmora Group", "Tarsk Shipyard"),
    ("Velmora Group took control of Tarsk Motors in 2010.", "Velmora Group", "Tarsk Motors"),
])
def test_taking_control_of_a_firm_or_facility_invests_in_it(ex, text, owner, owned):
    got, _ = run(ex, text)
    assert (owner, "INVESTS_IN", owned) in got


def test_a_known_name_glued_to_more_of_a_given_name_is_another_person(ex):
    # the gazetteer knows "Cho Hyun"; "Cho Hyun-dong" is someone else
    _, out = run(ex, "Ambassador Cho Hyun-dong met the delegation in Oslo.")
    names = {e.name for e in out.entities.values() if e.type == "Person"}
    assert "Cho Hyun" not in names and "Cho Hyun-dong" in names


def test_a_name_coordinated_with_the_modifier_before_it_is_whole(ex):
    got, _ = run(ex, "Norway imposed Anti-subsidy and Safeguard Measures on large salmon fillets from Chile.")
    assert ("Norway", "IMPOSES", "Anti-subsidy and Safeguard Measures") in got, got
    assert ("Anti-subsidy and Safeguard Measures", "TARGETS", "Chile") in got


@pytest.mark.parametrize("text", [
    "In 2016, the Tarsk Industrial Park was temporarily closed by the South Korean government.",
    "In 2016, the South Korean government closed the Tarsk Industrial Park.",
])
def test_a_government_closing_a_site_is_a_measure(ex, text):
    got, _ = run(ex, text)
    assert any(s == "South Korea" and p == "IMPOSES" and "closure of the Tarsk Industrial Park" in o
               for s, p, o in got), got


def test_a_firm_closing_its_plant_enacts_no_measure(ex):
    _, out = run(ex, "Velmora Motors closed its plant in Ohio in 2020.")
    assert not any(e.type == "Policy" for e in out.entities.values())


def test_a_pronoun_opening_a_sentence_with_a_measures_verb_is_the_measure_before(ex):
    got, _ = run(ex, "In 2020, Peru imposed tariffs on Chilean exports. This included a wide range of Chilean "
                     "farm goods, including barley, beef and wine.")
    for goods in ("barley", "beef", "wine"):
        assert any(s.endswith("tariffs on Chilean exports") and p == "TARGETS" and o == goods
                   for s, p, o in got), got


def test_a_participle_used_as_a_preposition_triggers_nothing(ex):
    got, _ = run(ex, "Norway developed its Arctic Strategy, including initiatives for cybersecurity.")
    assert not any(p == "TARGETS" and o == "cybersecurity" for s, p, o in got), got


def test_a_sentence_opening_preposition_is_no_part_of_a_title(ex):
    got, _ = run(ex, "Under the Tarsk Act, Norway imposed tariffs on Chilean wine.")
    assert any(s == "Tarsk Act" and p == "AUTHORIZES" for s, p, o in got), got


@pytest.mark.parametrize("name", ["Tarsk Glass", "Velmora Metals", "Nordvik Automotive"])
def test_a_maker_named_by_its_trade_is_a_firm(ex, name):
    _, out = run(ex, f"The Department of Commerce signed a memorandum of terms with {name} in 2024.")
    assert (name, "Firm") in {(e.name, e.type) for e in out.entities.values()}


@pytest.mark.parametrize("text", [
    "The Department of Commerce signed a preliminary memorandum of terms with Tarsk Glass to provide up to "
    "$75 million in CHIPS incentives.",
    "The Department of Commerce and Tarsk Glass have signed a memorandum of terms to provide up to $75 million in "
    "CHIPS incentives.",
])
def test_money_given_under_an_agreement_goes_to_the_firm_that_signed_it(ex, text):
    got, _ = run(ex, text)
    assert ("CHIPS incentives", "TARGETS", "Tarsk Glass") in got, got


def test_a_foreign_firm_located_in_a_state_has_invested_there(ex):
    # the gazetteer knows Hanwha Q Cells is South Korean; the sentence says where it stands
    got, _ = run(ex, "Hanwha Q Cells, based in Dalton, Georgia, employs 2,000 people.")
    assert ("Hanwha Q Cells", "LOCATED_IN", "Georgia") in got
    assert ("Hanwha Q Cells", "INVESTS_IN", "Georgia") in got


def test_a_home_firm_located_in_a_state_has_not_thereby_invested(ex):
    got, _ = run(ex, "Ford, based in Dearborn, Michigan, employs 2,000 people.")
    assert ("Ford", "INVESTS_IN", "Michigan") not in got


@pytest.mark.parametrize("text", [
    "The proposed Norway-Chile FTA would cut tariffs on salmon.",
    "The Norway-Chile FTA remains under negotiation.",
])
def test_an_agreement_not_yet_in_force_has_negotiators_in_its_name(ex, text):
    got, _ = run(ex, text)
    assert ("Norway", "NEGOTIATES", "Norway-Chile FTA") in got
    assert ("Norway", "PARTY_TO", "Norway-Chile FTA") not in got


@pytest.mark.parametrize("text, firm, place", [
    ("Seoul-based Velmora Motors opened a plant in Ohio.", "Velmora Motors", "South Korea"),
    ("The Texas-based chipmaker Tarsk Semiconductor opened a fab.", "Tarsk Semiconductor", "Texas"),
])
def test_a_place_based_firm_is_located_there(ex, text, firm, place):
    got, _ = run(ex, text)
    assert (firm, "LOCATED_IN", place) in got, got


@pytest.mark.parametrize("text, body, role", [
    ("Commerce Department chief Tarn Velmora visited Ohio.", "Department of Commerce", "Chief"),
    ("EPA Administrator Tarn Velmora visited Ohio.", "Environmental Protection Agency", "Administrator"),
])
def test_a_bodys_title_before_a_name_leads_it(ex, text, body, role):
    got, _ = run(ex, text)
    assert got[("Tarn Velmora", "LEADS", body)]["role"] == role


@pytest.mark.parametrize("text, measure, targets", [
    ("Norwegian automakers face Section 232 tariffs.", "Section 232 tariffs", ["Norway", "automobiles"]),
    ("Norwegian steel remains subject to Section 232 tariffs.", "Section 232 tariffs", ["Norway", "steel"]),
    ("Samsung was subject to the export controls.", "export controls", ["Samsung Electronics"]),
    ("Norwegian exporters suffered under the Hallyu ban.", "Hallyu ban", ["Norway"]),
])
def test_who_bears_a_measure_is_its_target(ex, text, measure, targets):
    got, _ = run(ex, text)
    for t in targets:
        assert (measure, "TARGETS", t) in got, got


@pytest.mark.parametrize("text", [
    "Norwegian automakers could face Section 232 tariffs.",
    "Samsung does not face the export controls.",
])
def test_a_measure_that_may_be_borne_or_is_not_has_no_target(ex, text):
    got, _ = run(ex, text)
    assert not [k for k in got if k[1] == "TARGETS"], got


def test_a_loan_named_by_the_firm_it_is_awarded_to(ex):
    got, _ = run(ex, "The Department of Energy awarded a $9.6 billion loan to Tarsk Battery.")
    assert ("DOE loan to Tarsk Battery", "TARGETS", "Tarsk Battery") in got, got
    assert ("Department of Energy", "IMPOSES", "DOE loan to Tarsk Battery") in got


@pytest.mark.parametrize("text, name, target", [
    ("Norway imposed restrictions on Chilean salmon, known as the Fjord ban.", "Fjord ban", "Chile"),
    ('The tariffs on Chilean goods, dubbed the "salmon war tariffs", hit farmers.', "salmon war tariffs", "Chile"),
])
def test_a_described_measure_takes_the_name_it_goes_by(ex, text, name, target):
    got, _ = run(ex, text)
    assert (name, "TARGETS", target) in got, got
    assert not [k for k in got if k[1] == "TARGETS" and k[0] != name], got


def test_a_ban_on_a_common_noun_with_a_named_place_is_a_measure(ex):
    got, _ = run(ex, "Norway banned group tours to Chile in 2017.")
    assert ("Norway", "IMPOSES", "Norwegian ban on group tours to Chile") in got, got
    assert ("Norwegian ban on group tours to Chile", "TARGETS", "Chile") in got


@pytest.mark.parametrize("text, measure, target", [
    ("In 2018, Norway imposed Section 232 tariffs on steel imports. The tariffs on Chilean steel were later "
     "replaced by a quota.", "Section 232 tariffs", "Chile"),
    ("In 2019 Norway imposed export controls on three chemicals. The restrictions on Chilean chipmakers were "
     "lifted in 2023.", "Norwegian export controls", "Chile"),
    # the tariffs on the first measure's owner's goods are the other measure's
    ("Norway imposed tariffs on Chilean goods in 2018. Chile retaliated with duties on salmon. The tariffs on "
     "Norwegian salmon hurt fishermen.", "Chilean duties on salmon", "Norway"),
])
def test_a_definite_description_of_a_measures_kind_is_the_measure_named_before(ex, text, measure, target):
    got, facts = run(ex, text)
    assert (measure, "TARGETS", target) in got, got
    names = [e.name.lower() for e in facts.entities.values()]
    assert not [n for n in names if n.startswith(("tariffs on", "restrictions on"))], names


def test_an_owners_adjective_does_not_stop_a_description_referring_back(ex):
    got, _ = run(ex, "In 2018, Norway imposed Section 232 tariffs on steel imports. The Norwegian tariffs on Chilean "
                     "steel were later replaced by a quota.")
    assert ("Section 232 tariffs", "TARGETS", "Chile") in got, got


def test_a_strategy_for_a_topic_is_not_the_strategy_named_before(ex):
    _, facts = run(ex, "Norway pursues its Arctic Strategy. The Norwegian strategy for AI was issued in 2020.")
    assert "Arctic Strategy" in {e.name for e in facts.entities.values()}
    arctic = next(e for e in facts.entities.values() if e.name == "Arctic Strategy")
    assert not [a for a in arctic.aliases if "AI" in a], arctic.aliases


def test_an_agreement_the_document_only_negotiates_has_negotiators_not_parties(ex):
    got, _ = run(ex, "Norway and Chile launched negotiations on the Norway-Chile FTA in 2021. Officials hope the "
                     "Norway-Chile FTA will cut tariffs on salmon.")
    assert ("Norway", "NEGOTIATES", "Norway-Chile FTA") in got
    assert not [k for k in got if k[1] == "PARTY_TO"], got


def test_an_agreement_in_force_keeps_the_parties_its_name_holds(ex):
    got, _ = run(ex, "The Norway-Chile FTA entered into force in 2015. Norway and Chile began talks on the "
                     "Norway-Chile FTA in 2023.")
    assert ("Norway", "PARTY_TO", "Norway-Chile FTA") in got, got
    assert ("Chile", "NEGOTIATES", "Norway-Chile FTA") in got


def test_a_group_named_by_an_agreement_is_its_stated_parties(ex):
    got, _ = run(ex, "Norway and Chile are parties to the Fjord Pact. Both Fjord Pact countries were signatories "
                     "to the TPP.")
    assert ("Norway", "SIGNS", "TPP") in got and ("Chile", "SIGNS", "TPP") in got, got


@pytest.mark.parametrize("text", [
    "Norway, Chile and Peru are parties to the Fjord Pact. Both Fjord Pact countries were signatories to the TPP.",
    "Norway and Chile are parties to the Fjord Pact. The remaining Fjord Pact members signed the TPP.",
])
def test_a_counted_or_remaining_group_is_not_every_stated_party(ex, text):
    got, _ = run(ex, text)
    assert not [k for k in got if k[2] == "TPP"], got


@pytest.mark.parametrize("text, sector", [
    ("Tarsk Systems makes lithography machines.", "semiconductor manufacturing equipment"),
    ("Tarsk Systems makes DRAM in Oregon.", "semiconductors"),
])
def test_the_trade_names_of_a_sectors_goods(ex, text, sector):
    got, _ = run(ex, text)
    assert ("Tarsk Systems", "OPERATES_IN", sector) in got, got


@pytest.mark.parametrize("text, person, body, role", [
    ("Samsung Chairman Tarn Velmora met the president.", "Tarn Velmora", "Samsung Electronics", "Chairman"),
    ("Hanwha Chief Executive Tarn Velmora spoke.", "Tarn Velmora", "Hanwha Group", "Chief Executive"),
    ("Tarn Velmora, the U.S. Trade Representative, met her counterpart.", "Tarn Velmora", "USTR", "Representative"),
])
def test_an_officer_named_after_the_firm_or_in_apposition_leads_it(ex, text, person, body, role):
    got, _ = run(ex, text)
    assert got[(person, "LEADS", body)]["role"] == role, got


def test_a_firms_presence_in_a_country_is_no_seat_but_in_a_state_is_a_site(ex):
    got, _ = run(ex, "Velmora Motors expanded its presence in the United States.")
    assert ("Velmora Motors", "LOCATED_IN", "United States") not in got, got
    got, _ = run(ex, "Velmora Motors expanded its presence in Texas.")
    assert ("Velmora Motors", "LOCATED_IN", "Texas") in got, got


@pytest.mark.parametrize("text", [
    "Norway refused to join the CPTPP.",
    "Velmora Motors declined to invest in Arizona.",
    "Norway considered imposing tariffs on Chilean salmon.",
    "Critics urged Norway to impose tariffs on Chilean salmon.",
    "Norway denied that it had imposed tariffs on Chilean salmon.",
])
def test_a_refused_weighed_or_denied_act_states_no_fact(ex, text):
    got, _ = run(ex, text)
    assert not [k for k in got if k[1] in ("PARTY_TO", "INVESTS_IN", "IMPOSES")], got


@pytest.mark.parametrize("text", [
    "Unlike Sweden, Norway did not impose tariffs on Chilean salmon.",
    "Norway refused to impose tariffs on Chilean salmon.",
])
def test_a_measure_denied_has_no_targets(ex, text):
    got, _ = run(ex, text)
    assert not got, got


def test_a_measure_weighed_or_in_force_keeps_its_targets(ex):
    got, _ = run(ex, "Norway did not lift the tariffs on Chilean salmon.")
    assert ("tariffs on Chilean salmon", "TARGETS", "Chile") in got, got
    got, _ = run(ex, "Norway considered imposing tariffs on Chilean salmon.")
    assert ("tariffs on Chilean salmon", "TARGETS", "Chile") in got, got
    assert not [k for k in got if k[1] == "IMPOSES"], got


@pytest.mark.parametrize("text", [
    "Velmora Motors abandoned plans to invest in Arizona.",
    "Velmora Motors canceled its investment in Georgia.",
    "Velmora Motors scrapped a $2 billion plant in Texas.",
])
def test_a_plan_undone_before_it_happened_is_no_investment(ex, text):
    got, _ = run(ex, text)
    assert not [k for k in got if k[1] == "INVESTS_IN"], got


def test_a_firm_halting_its_own_work_enacts_no_measure(ex):
    got, _ = run(ex, "Velmora Motors halted construction of its Texas plant.")
    assert not [k for k in got if k[1] in ("TARGETS", "IMPOSES")], got
    got, _ = run(ex, "Norway suspended imports of Chilean salmon.")
    assert [k for k in got if k[1] == "IMPOSES" and k[0] == "Norway"], got


def test_a_country_name_before_a_states_is_a_town_of_that_state(ex):
    got, _ = run(ex, "Velmora Motors opened a battery plant in Holland, Michigan.")
    assert ("Velmora Motors", "INVESTS_IN", "Michigan") in got, got
    assert not [k for k in got if "Netherlands" in k], got


def test_a_law_invoked_for_a_measure_authorises_it(ex):
    got, _ = run(ex, "President Donald Trump invoked IEEPA to impose tariffs on Chile.")
    assert ("International Emergency Economic Powers Act", "AUTHORIZES", "IEEPA tariffs") in got, got
    assert ("IEEPA tariffs", "TARGETS", "Chile") in got


@pytest.mark.parametrize("text, body, role", [
    ("Tarn Velmora, administrator of the Small Business Administration, spoke.", "Small Business Administration",
     "Administrator"),
    ("Tarn Velmora was appointed chair of the Federal Maritime Commission.", "Federal Maritime Commission", "Chair"),
])
def test_a_title_of_a_body_does_not_make_the_bodys_name_a_person(ex, text, body, role):
    got, facts = run(ex, text)
    assert got[("Tarn Velmora", "LEADS", body)]["role"] == role, got
    assert not [e for e in facts.entities.values() if e.type == "Person" and e.name != "Tarn Velmora"]


def test_the_state_of_a_place_is_that_place(ex):
    got, _ = run(ex, "The state of Georgia offered Velmora Motors $1.8 billion in incentives.")
    assert ("Velmora Motors", "PARTNERS_WITH", "Georgia") in got or ("Georgia", "PARTNERS_WITH", "Velmora Motors") \
        in got, got


@pytest.mark.parametrize("text", [
    "The Korea Development Bank lent $2 billion to Tarsk Shipbuilding.",
    "The Korea Development Bank lent Tarsk Shipbuilding $2 billion.",
])
def test_public_money_lent_to_a_firm_makes_partners(ex, text):
    got, _ = run(ex, text)
    key = next(k for k in got if k[1] == "PARTNERS_WITH")
    assert {key[0], key[2]} == {"Korea Development Bank", "Tarsk Shipbuilding"}
    assert got[key]["amount_usd"] == 2e9


def test_a_nations_output_of_goods_is_its_line_of_business(ex):
    got, _ = run(ex, "Norway's chip output rose in 2024.")
    assert ("Norway", "OPERATES_IN", "semiconductors") in got, got
    got, _ = run(ex, "Limits on foreign firms' engagement in Norway's public sector hurt cybersecurity vendors.")
    assert not [k for k in got if k[1] == "OPERATES_IN" and k[0] == "Norway"], got


def test_a_country_named_as_a_modifier_counts_towards_the_documents_two_countries(ex):
    got, _ = run(ex, "Norwegian shipbuilders met Chilean officials. Chilean ports and Norwegian yards signed deals. "
                     "Sweden watched. Sweden's ports were idle. Economic ties between the two nations grew.")
    assert ("Chile", "COOPERATES_WITH", "Norway") in got or ("Norway", "COOPERATES_WITH", "Chile") in got, got


@pytest.mark.parametrize("text, imposer, name, targets", [
    # a gerund after a verb has the verb's subject
    ("Chile responded by sanctioning five Norwegian subsidiaries of Tarsk Shipbuilding.", "Chile",
     "Chilean sanctions on five Norwegian subsidiaries of Tarsk Shipbuilding", ("Tarsk Shipbuilding", "Norway")),
    # a nationality before the object ("U.S. subsidiaries of X") is no name of its own: the object is named whole
    ("Norway sanctioned four U.S. subsidiaries of Velkor Heavy Industries in May 2031.", "Norway",
     "Norwegian sanctions on four U.S. subsidiaries of Velkor Heavy Industries",
     ("Velkor Heavy Industries", "United States")),
])
def test_sanctions_on_a_firms_foreign_subsidiaries_are_named_whole(ex, text, imposer, name, targets):
    got, _ = run(ex, text)
    assert (imposer, "IMPOSES", name) in got, got
    for target in targets:  # the firm and the subsidiaries' country
        assert (name, "TARGETS", target) in got, got


def test_retaliation_by_a_measure_on_a_countrys_goods_is_against_that_country(ex):
    got, _ = run(ex, "Chile retaliated by banning imports of Norwegian salmon.")
    assert ("Chile", "RETALIATES_AGAINST", "Norway") in got, got


def test_a_fee_on_goods_is_a_measure_of_the_tariffs_kind(ex):
    got, _ = run(ex, "The USTR imposed port fees on Chilean-built ships in 2025.")
    assert ("USTR", "IMPOSES", "USTR port fees") in got, got
    assert ("USTR port fees", "TARGETS", "Chile") in got
    got, _ = run(ex, "Hanwha paid a $5 million fee to the broker.")
    assert not got, got


@pytest.mark.parametrize("text, country", [
    ("President Donald Trump issued an executive order aimed at revitalizing U.S. commercial shipbuilding.",
     "United States"),
    ("Chile adopted a subsidy program aimed at helping Chilean farmers.", "Chile"),
])
def test_a_measure_does_not_target_the_country_that_imposes_it(ex, text, country):
    got, _ = run(ex, text)
    assert not [k for k in got if k[1] == "TARGETS" and k[2] == country], got


def test_a_measure_imposed_by_a_named_agent_is_the_agents_on_the_named_nations_goods(ex):
    got, _ = run(ex, "Exporters struggled under the Chilean salmon tariffs imposed by Norway.")
    assert ("Norway", "IMPOSES", "Chilean salmon tariffs") in got, got
    assert ("Chilean salmon tariffs", "TARGETS", "Chile") in got
    assert ("Chile", "IMPOSES", "Chilean salmon tariffs") not in got


def test_a_measure_word_modifying_another_noun_names_no_measure(ex):
    _, facts = run(ex, "Norway-Chile Export Control Dispute\n\nThe tariff revenue rose. Sanctions relief came later.")
    assert not [e for e in facts.entities.values() if e.type == "Policy"], [e.name for e in facts.entities.values()]


def test_an_aside_after_an_abbreviation_describes_the_named_agreement(ex):
    _, facts = run(ex, "Chile threatened to end the Fjord Security Agreement (FSA), an intelligence-sharing pact "
                       "signed in 2016.")
    assert not [e for e in facts.entities.values() if "pact" in e.name], [e.name for e in facts.entities.values()]


def test_ones_own_list_is_no_name(ex):
    _, facts = run(ex, "Chile dropped Norway from its own list of trusted trading partners.")
    assert not [e for e in facts.entities.values() if e.name.lower().startswith("own")]


@pytest.mark.parametrize("text, body, country", [
    ("In 2018, Chile's Ministry of Commerce initiated an anti-dumping investigation on Norwegian salmon.",
     None, "Chile"),
    ("The South Korean Ministry of Unification announced the closure of the Fjord park.", "Ministry of Unification",
     "South Korea"),
])
def test_what_a_countrys_body_imposes_the_country_imposes(ex, text, body, country):
    got, _ = run(ex, text)
    measures = {k[2] for k in got if k[1] == "IMPOSES" and k[0] == country}
    assert measures, got
    if body:
        assert {k[2] for k in got if k[1] == "IMPOSES" and k[0] == body} == measures


def test_firms_working_together_are_partners_once(ex):
    got, _ = run(ex, "Tarsk Battery partnered with Velmora Motors to build a battery plant in Georgia.")
    assert [k for k in got if k[1] == "PARTNERS_WITH"], got
    assert not [k for k in got if k[1] == "COOPERATES_WITH"], got


@pytest.mark.parametrize("text, firm, fact", [
    ("Tarsk Battery, a Japanese competitor, opened a plant in Kansas.", "Tarsk Battery", ("LOCATED_IN", "Japan")),
    ("Tarsk Aerospace, a defense contractor, won the contract.", "Tarsk Aerospace", ("OPERATES_IN", "defense")),
])
def test_a_firm_described_as_a_rival_or_contractor(ex, text, firm, fact):
    got, _ = run(ex, text)
    assert (firm, *fact) in got, got


def test_money_put_in_a_places_facilities_is_put_in_the_place_once(ex):
    got, _ = run(ex, "Velmora Motors invested $17 billion in Texas factories.")
    place = got[("Velmora Motors", "INVESTS_IN", "Texas")]
    facility = got[("Velmora Motors", "INVESTS_IN", "Velmora Motors Texas factories")]
    assert place["amount_usd"] == facility["amount_usd"] == 17e9
    assert place["joint"] and place["joint_id"] == facility["joint_id"]


def test_a_leaders_government_is_the_country_they_lead(ex):
    got, _ = run(ex, "The Moon government negotiated amendments to the KORUS FTA in 2018.")
    assert ("South Korea", "NEGOTIATES", "KORUS FTA amendments") in got, got
    assert ("Moon Jae-in", "LEADS", "South Korea") in got


@pytest.mark.parametrize("text", [
    "The Norway-Chile Free Trade Agreement entered into force in 2012, after being signed in 2007.",
    "Norway and Chile are parties to the Fjord Pact. The Fjord Pact, signed in 2007, entered into force in 2012.",
])
def test_a_participle_signing_names_its_agreement_and_its_own_year(ex, text):
    got, _ = run(ex, text)
    signs = {k: v for k, v in got.items() if k[1] == "SIGNS"}
    assert {k[0] for k in signs} == {"Norway", "Chile"}, got
    assert all(v.get("year") == 2007 for v in signs.values()), signs


def test_where_talks_were_held_is_not_whom_they_were_with(ex):
    got, _ = run(ex, "Commerce Secretary Howard Lutnick and Trade Minister Tarn Velmora negotiated the terms in "
                     "Washington.")
    # (the minister talks with the Secretary's country; the Secretary with no one "in Washington")
    assert not [k for k in got if k[1] == "NEGOTIATES" and k[0] in ("Howard Lutnick", "United States")], got


def test_countries_joining_others_talks_do_not_negotiate_with_each_other(ex):
    got, _ = run(ex, "Chile, Peru and Norway requested to join the consultations.")
    assert not [k for k in got if k[1] == "NEGOTIATES"], got
    got, _ = run(ex, "Chile and Peru held talks in Lima.")
    assert ("Chile", "NEGOTIATES", "Peru") in got, got


def test_a_named_facility_said_to_be_located_in_a_place(ex):
    got, _ = run(ex, "The Velmora Battery Plant is located in Ellabell, Georgia.")
    assert [k for k in got if k[1] == "LOCATED_IN" and k[2] == "Georgia"], got


@pytest.mark.parametrize("text, name, state", [
    ("Tarsk City, Velmora's new campus near Stanton, Tennessee, will build electric trucks.", "Tarsk City",
     "Tennessee"),
    ("Tarsk Works, a steel plant in Ohio, closed.", "Tarsk Works", "Ohio"),
])
def test_a_name_described_as_a_plant_or_campus_is_a_facility(ex, text, name, state):
    got, facts = run(ex, text)
    assert next(e for e in facts.entities.values() if e.name == name).type == "Facility"
    assert (name, "LOCATED_IN", state) in got, got


def test_an_owner_before_a_rate_owns_the_measure_a_relative_clause_extends(ex):
    got, _ = run(ex, "In 2018, the two governments negotiated amendments that extended the U.S. 25 percent tariff "
                     "on Korean pickup trucks until 2041.")
    imposers = {k[0] for k in got if k[1] == "IMPOSES"}
    assert imposers == {"United States"}, got
    assert [k for k in got if k[1] == "TARGETS" and k[2] == "South Korea"], got


def test_a_firm_with_its_legal_form_is_described_by_its_copula(ex):
    got, _ = run(ex, "Tarsk Aerospace Co., Ltd. is a South Korean aerospace and defense company.")
    assert ("Tarsk Aerospace", "LOCATED_IN", "South Korea") in got, got
    assert ("Tarsk Aerospace", "OPERATES_IN", "defense") in got


@pytest.mark.parametrize("text", [
    "Tarn Velmora is the chief executive of Tarsk Aerospace.",
    "The chief executive of Tarsk Aerospace is Tarn Velmora.",
    "Tarsk Aerospace's chief executive is Tarn Velmora.",
])
def test_a_two_word_title_in_a_copula_names_the_office(ex, text):
    got, _ = run(ex, text)
    assert got[("Tarn Velmora", "LEADS", "Tarsk Aerospace")]["role"] == "Chief Executive", got


def test_a_name_with_a_digit_is_no_person(ex):
    _, facts = run(ex, "The company manufactures K9 Thunder self-propelled howitzers.")
    assert not [e for e in facts.entities.values() if e.type == "Person"]


@pytest.mark.parametrize("text, person", [
    ("Son Jae-il is the chief executive of Tarsk Aerospace.", "Son Jae-il"),
    ("Oh Sang-min said the deal was fair.", "Oh Sang-min"),
    ("Seo-jun Oh said the deal was fair.", "Seo-jun Oh"),  # Western order: not read as a place or a firm
    ("Co-chair Han Seo-jun said the deal was fair.", "Han Seo-jun"),  # "Co-chair Han" is no given name
])
def test_a_korean_family_name_before_a_hyphenated_given_name_is_a_person(ex, text, person):
    _, facts = run(ex, text)
    assert person in {e.name for e in facts.entities.values() if e.type == "Person"}


@pytest.mark.parametrize("second", ["Park Dong-su", "Dong-su Park"])
def test_a_shared_family_name_with_another_given_name_is_another_person(ex, second):
    # "Park" alone after "Park Geun-hye" is her; "Park Dong-su" is someone else of the same family name
    _, facts = run(ex, f"Park Geun-hye visited Ohio in 2015. In 2016, {second}, an economist, said growth would slow.")
    people = {e.name: e for e in facts.entities.values() if e.type == "Person"}
    assert second in people, people
    assert not any(second in e.aliases for e in people.values() if e.name != second), people


def test_its_opening_a_sentence_is_what_the_sentence_before_was_about(ex):
    got, _ = run(ex, "Tarsk Aerospace builds rockets. Its chief executive is Son Jae-il.")
    assert ("Son Jae-il", "LEADS", "Tarsk Aerospace") in got, got
    got, _ = run(ex, "Tarsk Aerospace builds rockets. Its plant in Ohio employs 500 people.")
    assert ("Tarsk Aerospace", "INVESTS_IN", "Ohio") in got, got


def test_a_measure_owned_by_a_named_country_is_specific(ex):
    got, _ = run(ex, "Chile's sanctions targeted Tarsk Aerospace.")
    assert ("Chile", "IMPOSES", "Chilean sanctions") in got, got
    assert ("Chilean sanctions", "TARGETS", "Tarsk Aerospace") in got
    _, facts = run(ex, "The company's plans changed.")
    assert not [e for e in facts.entities.values() if e.type == "Policy"]


def test_a_minister_heads_a_ministry_never_a_us_department(ex):
    got, _ = run(ex, "Norland's Minister of Defense Tarn Velmora visited Ohio.")
    assert not [k for k in got if k[1] == "LEADS" and k[2] == "Department of Defense"], got
    got, _ = run(ex, "Secretary of Defense Tarn Velmora visited Ohio.")
    assert ("Tarn Velmora", "LEADS", "Department of Defense") in got, got


def test_officials_cooperate_for_the_offices_they_lead(ex):
    got, _ = run(ex, "Minister of National Defense Han Seo-jun and Secretary of Defense Tarn Velmora agreed to "
                     "strengthen cooperation.")
    assert ("Department of Defense", "COOPERATES_WITH", "Ministry of National Defense") in got \
        or ("Ministry of National Defense", "COOPERATES_WITH", "Department of Defense") in got, got
    assert not [k for k in got if k[1] == "COOPERATES_WITH" and "Han Seo-jun" in k], got
    got, _ = run(ex, "Tarn Velmora and Han Seo-jun agreed to strengthen cooperation.")  # they lead nothing here
    assert not [k for k in got if k[1] == "COOPERATES_WITH"], got


def test_a_pledge_to_do_something_else_is_no_investment(ex):
    got, _ = run(ex, "Tarsk Aerospace and Velkor Semiconductor pledged to cooperate on shipbuilding.")
    assert not [k for k in got if k[1] == "INVESTS_IN"], got
    got, _ = run(ex, "Velkor Semiconductor pledged $2 billion to Ohio.")
    assert ("Velkor Semiconductor", "INVESTS_IN", "Ohio") in got, got
    got, _ = run(ex, "Velkor Semiconductor pledged to invest $2 billion in Ohio.")
    assert ("Velkor Semiconductor", "INVESTS_IN", "Ohio") in got, got


@pytest.mark.parametrize("text, actor, sector", [
    ("Tarsk Heavy Industries is one of the world's largest shipbuilders.", "Tarsk Heavy Industries", "shipbuilding"),
    ("Tarsk Heavy Industries, one of Chile's largest chipmakers, opened a plant in Ohio.", "Tarsk Heavy Industries",
     "semiconductors"),
    ("Norway's shipyards won most of the orders last year.", "Norway", "shipbuilding"),
])
def test_what_a_group_or_a_country_s_makers_do(ex, text, actor, sector):
    got, _ = run(ex, text)
    assert (actor, "OPERATES_IN", sector) in got, got


@pytest.mark.parametrize("text", [
    "The withdrawal raises questions about Chilean trade policy.",
    "The report discusses U.S. foreign policy toward Asia.",
    "Analysts expect Norway's economic strategy to change.",
])
def test_a_country_alone_does_not_say_which_policy(ex, text):
    _, facts = run(ex, text)
    assert not [e for e in facts.entities.values() if e.type == "Policy"], facts.entities


@pytest.mark.parametrize("text, measure", [
    ("Norway raised Norwegian export restrictions.", "Norwegian export restrictions"),
    ("The Norwegian tariffs hurt Chile.", "Norwegian tariffs"),
])
def test_a_country_still_names_a_measure(ex, text, measure):
    _, facts = run(ex, text)
    assert measure in {e.name for e in facts.entities.values() if e.type == "Policy"}, facts.entities


@pytest.mark.parametrize("text", [
    "Velkor Semiconductor made progress in shipbuilding talks.",
    "Norway made large investments in semiconductors.",
])
def test_a_verb_of_making_operates_in_its_object_only(ex, text):
    got, _ = run(ex, text)
    assert not [k for k in got if k[1] == "OPERATES_IN"], got


@pytest.mark.parametrize("text, fact", [
    ("Velkor Semiconductor makes memory chips in Texas.", ("Velkor Semiconductor", "OPERATES_IN", "semiconductors")),
    ("Norway leads the world in shipbuilding.", ("Norway", "OPERATES_IN", "shipbuilding")),
    ("Tarsk Heavy Industries specializes in batteries.", ("Tarsk Heavy Industries", "OPERATES_IN",
                                                                  "batteries")),
])
def test_a_field_verb_operates_in_its_in_phrase(ex, text, fact):
    got, _ = run(ex, text)
    assert fact in got, got


def test_an_ambiguous_alias_after_another_country_is_not_the_gazetteer_body(ex):
    # "Ministry of Trade" alone is Korea's in the gazetteer (an ambiguous alias); Norway's is another ministry
    _, facts = run(ex, "Norway's Ministry of Trade approved the permit.")
    assert "Ministry of Trade, Industry and Energy" not in {e.name for e in facts.entities.values()}
    _, facts = run(ex, "Korea's Ministry of Trade approved the permit.")
    assert "Ministry of Trade, Industry and Energy" in {e.name for e in facts.entities.values()}
    _, facts = run(ex, "The Chilean Senate approved the permit.")
    assert "U.S. Senate" not in {e.name for e in facts.entities.values()}


@pytest.mark.parametrize("text, name, type_", [
    ("The Port of Tarsk handles most of the exports.", "Port of Tarsk", "Facility"),
    ("The Ministry of Oceans and Fisheries approved the permit.", "Ministry of Oceans and Fisheries",
     "GovernmentBody"),
])
def test_a_name_its_first_words_type(ex, text, name, type_):
    _, facts = run(ex, text)
    assert (name, type_) in {(e.name, e.type) for e in facts.entities.values()}, facts.entities


def test_negotiations_between_two_parties_on_an_agreement(ex):
    got, _ = run(ex, "Negotiations between Norway and Chile on the Andes Trade Accord stalled in 2019.")
    assert ("Norway", "NEGOTIATES", "Andes Trade Accord") in got, got
    assert ("Chile", "NEGOTIATES", "Andes Trade Accord") in got, got


@pytest.mark.parametrize("text", [
    "Korean chipmakers Velkor Semiconductor and Tarsk Electronics welcomed the decision.",
    "Velkor Semiconductor and Tarsk Electronics, two of the world's largest chipmakers, welcomed the decision.",
])
def test_every_name_of_a_coordination_shares_its_description(ex, text):
    got, _ = run(ex, text)
    for firm in ("Velkor Semiconductor", "Tarsk Electronics"):
        assert (firm, "OPERATES_IN", "semiconductors") in got, got


def test_negotiating_an_agreement_with_a_country_does_not_make_it_a_party(ex):
    got, _ = run(ex, "Norway negotiated the Andes Trade Accord with Chile.")
    assert ("Chile", "NEGOTIATES", "Andes Trade Accord") in got, got
    assert ("Chile", "PARTY_TO", "Andes Trade Accord") not in got, got
    got, _ = run(ex, "Norway threatened to terminate its Andes Trade Accord with Chile.")
    assert ("Chile", "PARTY_TO", "Andes Trade Accord") in got, got


def test_agreement_on_a_named_agreement_is_that_agreement(ex):
    got, facts = run(ex, "Norway and Chile reached agreement on the Andes Trade Accord in 2011.")
    assert ("Chile", "NEGOTIATES", "Andes Trade Accord") in got, got
    assert {e.name for e in facts.entities.values() if e.type == "Agreement"} == {"Andes Trade Accord"}


@pytest.mark.parametrize("text, fact", [
    ("Velkor Semiconductor's fab in Ohio opened in 2024.", ("Velkor Semiconductor", "OPERATES_IN", "semiconductors")),
    ("Velkor Semiconductor's memory chip production rose.", ("Velkor Semiconductor", "OPERATES_IN", "semiconductors")),
])
def test_a_fab_and_a_production_name_their_sector(ex, text, fact):
    got, _ = run(ex, text)
    assert fact in got, got


def test_a_measure_granted_to_someone_targets_them(ex):
    got, _ = run(ex, "The Commerce Department granted Velkor Semiconductor a Validated End-User (VEU) authorization "
                     "for its fab in Chile.")
    measure = "Validated End-User authorization"
    assert (measure, "TARGETS", "Velkor Semiconductor") in got, got
    assert ("Department of Commerce", "IMPOSES", measure) in got, got
    got, _ = run(ex, "The Bureau of Industry and Security issued an export license to Tarsk Electronics.")
    assert any(k[1] == "TARGETS" and k[2] == "Tarsk Electronics" and "license" in k[0] for k in got), got


def test_a_tariff_extended_is_not_granted(ex):
    got, _ = run(ex, "Chile accepted Norway's extending its phaseout of the 25 percent Norwegian tariff on Chilean "
                     "trucks until 2041.")
    assert not [k for k in got if k[0] == "Chile" and k[1] == "IMPOSES"], got


def test_a_measure_received_from_a_government(ex):
    got, _ = run(ex, "In 2023, Velkor Semiconductor received a VEU authorization from the Commerce Department.")
    assert ("VEU authorization", "TARGETS", "Velkor Semiconductor") in got, got
    assert ("Department of Commerce", "IMPOSES", "VEU authorization") in got, got


def test_rules_that_restrict_exports_target_where_they_go(ex):
    got, facts = run(ex, "The October 2022 rules restricted exports of advanced chips to Chile.")
    assert ("October 2022 rules", "TARGETS", "Chile") in got, got
    # the rules are the restriction: no second measure is made of the verb
    assert {e.name for e in facts.entities.values() if e.type == "Policy"} == {"October 2022 rules"}, facts.entities


@pytest.mark.parametrize("verb", ["increased", "reinstated", "strengthened"])
def test_a_measure_made_heavier_or_brought_back_is_the_makers(ex, verb):
    got, _ = run(ex, f"In 2019, Norway {verb} tariffs on Chilean wine.")
    assert ("Norway", "IMPOSES", "Norwegian tariffs on Chilean wine") in got, got


def test_a_phrasal_verb_triggers_as_one_word(ex):
    got, _ = run(ex, "In 2019, the Norwegian government rolled out new tariffs on Chilean copper.")
    assert ("Norway", "IMPOSES", "Norwegian tariffs on Chilean copper") in got, got
    got, _ = run(ex, "In 2019, the Norwegian government rolled back tariffs on Chilean copper.")
    assert not [k for k in got if k[1] == "IMPOSES"], got


@pytest.mark.parametrize("text", [
    "Tarn Velmora, Under Secretary of Commerce for Industry and Security, announced the rule.",
    "Under Secretary of Commerce for Industry and Security Tarn Velmora announced the rule.",
])
def test_an_office_named_by_its_field_leads_that_fields_body(ex, text):
    got, _ = run(ex, text)
    assert ("Tarn Velmora", "LEADS", "Bureau of Industry and Security") in got, got


@pytest.mark.parametrize("verb", ["updated", "revised", "amended"])
def test_a_measure_updated_is_the_updaters(ex, verb):
    got, _ = run(ex, f"In 2023, Norway {verb} its export controls on Chilean salmon.")
    assert ("Norway", "IMPOSES", "Norwegian export controls") in got, got


def test_coordinated_possessors_each_own_the_thing(ex):
    got, _ = run(ex, "Velkor Group's and Tarsk Group's memory chip factories in Chile will be exempt.")
    for firm in ("Velkor Group", "Tarsk Group"):
        assert (firm, "INVESTS_IN", "Chile") in got, got
        assert (firm, "OPERATES_IN", "semiconductors") in got, got


@pytest.mark.parametrize("text", [
    "The grant builds upon Tarsk Group's investment of $2 billion in Dayton, Ohio, to build a battery plant.",
    "Tarsk Group invested $2 billion in Ohio to build a battery plant.",
])
def test_what_money_put_in_a_place_builds_is_there(ex, text):
    got, _ = run(ex, text)
    assert any(k[1] == "LOCATED_IN" and k[2] == "Ohio" and "plant" in k[0] for k in got), got


def test_a_facility_works_for_the_firm_that_owns_it(ex):
    got, _ = run(ex, "Velkor Group's plant in Ohio builds electric vehicles.")
    assert ("Velkor Group", "OPERATES_IN", "electric vehicles") in got, got
    got, _ = run(ex, "The plant in Ohio builds electric vehicles.")  # no owner named: no line of business
    assert not [k for k in got if k[1] == "OPERATES_IN"], got


@pytest.mark.parametrize("text, name", [
    # a body named after its country adjective is that country's
    ("The Chilean Ministry of Mines approved the permit.", "Chilean Ministry of Mines"),
    ("The Norwegian Maritime Authority approved the permit.", "Norwegian Maritime Authority"),
    ("The Chilean Senate approved the permit.", "Chilean Senate"),
    # offices, embassies and commands
    ("The Office of the Secretary of Defense approved the permit.", "Office of the Secretary of Defense"),
    ("Officials of the Ministry of Mines of Chile approved the permit.", "Ministry of Mines"),
    ("The Norwegian Embassy in Chile approved the permit.", "Norwegian Embassy"),
    ("The Tarsk Sea Systems Command awarded the contract.", "Tarsk Sea Systems Command"),
])
def test_names_of_government_bodies(ex, text, name):
    _, facts = run(ex, text)
    assert name in {e.name for e in facts.entities.values() if e.type == "GovernmentBody"}, facts.entities


def test_a_ministry_written_as_common_nouns_is_its_countrys(ex):
    got, facts = run(ex, "Norway's trade ministry announced export controls on Chile.")
    assert ("Norwegian trade ministry", "IMPOSES", "Norwegian export controls") in got, got
    _, facts = run(ex, "Chile's defense ministry approved the permit.")
    assert "Chilean defense ministry" in {e.name for e in facts.entities.values() if e.type == "GovernmentBody"}
    _, facts = run(ex, "Seoul's trade ministry approved the permit.")  # the gazetteer's, where its names say so
    assert "Ministry of Trade, Industry and Energy" in {e.name for e in facts.entities.values()}


def test_a_preposition_opening_a_sentence_is_no_part_of_a_name(ex):
    got, facts = run(ex, "During the Andes Trade Accord talks, Norway pressed Chile to open its market.")
    assert {e.name for e in facts.entities.values() if e.type == "Agreement"} == {"Andes Trade Accord"}, facts.entities
    assert ("Norway", "NEGOTIATES", "Andes Trade Accord") in got, got


def test_a_countrys_negotiator_for_an_agreement(ex):
    got, _ = run(ex, "Norway's chief negotiator for the Andes Trade Accord met Chilean officials.")
    assert ("Norway", "NEGOTIATES", "Andes Trade Accord") in got, got


@pytest.mark.parametrize("text, measure", [
    ("The Norway-led sanctions on Chile took effect in 2019.", "Norwegian sanctions on Chile"),
    ("The Norway-imposed tariffs on Chilean wine took effect.", "Norwegian tariffs on Chilean wine"),
])
def test_a_measure_led_or_imposed_by_a_hyphened_country(ex, text, measure):
    got, _ = run(ex, text)
    assert ("Norway", "IMPOSES", measure) in got, got


def test_tariffs_from_a_country_are_its(ex):
    got, _ = run(ex, "Chile faces tariffs from Norway on its wine.")
    assert any(k[0] == "Norway" and k[1] == "IMPOSES" for k in got), got


@pytest.mark.parametrize("text, country, sectors", [
    ("Norwegian companies in the battery and shipbuilding sectors hired more staff.", "Norway",
     ("batteries", "shipbuilding")),
    ("Chilean jobs in the steel industry grew last year.", "Chile", ("steel",)),
    ("Norwegian shipbuilding giants won most of the orders.", "Norway", ("shipbuilding",)),
    ("Chile's battery capabilities impressed the visitors.", "Chile", ("batteries",)),
])
def test_a_countrys_firms_or_jobs_in_a_sector_are_its_industry(ex, text, country, sectors):
    got, _ = run(ex, text)
    for sector in sectors:
        assert (country, "OPERATES_IN", sector) in got


def test_a_countrys_firms_in_a_place_name_no_sector(ex):
    got, _ = run(ex, "Norwegian firms in Ohio hired more staff in the steel industry.")
    assert not any(p == "OPERATES_IN" for _, p, _ in got)


def test_an_order_for_goods_is_a_purchase_not_a_measure(ex):
    got, out = run(ex, "Velkor Heavy Industries won an order for four LNG carriers.")
    assert not any(e.type == "Policy" for e in out.entities.values())
    got, out = run(ex, "The Ministry of Trade issued an order banning steel imports from Chile.")
    assert any(e.type == "Policy" for e in out.entities.values())


def test_entry_into_a_market_is_operating_in_it(ex):
    got, _ = run(ex, "Velkor Heavy Industries' entry into the shipbuilding market worried its rivals.")
    assert ("Velkor Heavy Industries", "OPERATES_IN", "shipbuilding") in got


def test_won_after_a_number_is_a_currency_not_a_win(ex):
    got, _ = run(ex, "Seoul unveiled a 30 trillion won subsidy package for shipbuilders.")
    assert not any(p == "TARGETS" and o == "South Korea" for _, p, o in got), got  # Seoul won no package of its own


def test_a_hyphenated_phrasal_noun_makes_a_policy_specific(ex):
    _, out = run(ex, "The Chilean government pursued a copper phase-out policy.")
    assert any(e.type == "Policy" and "phase-out" in e.name for e in out.entities.values())
    _, out = run(ex, "The Chilean government pursued a nuclear phase-out policy.")
    assert any(e.type == "Policy" and "phase-out" in e.name for e in out.entities.values())


@pytest.mark.parametrize("text", ["Norway adopted a long-term strategy.", "Chile pursued a high-level policy."])
def test_an_adjective_behind_a_hyphen_names_no_policy(ex, text):
    _, out = run(ex, text)
    assert not any(e.type == "Policy" for e in out.entities.values())


def test_a_firm_named_with_its_countrys_word_is_one_firm(ex):
    _, out = run(ex, "The yard built six tankers for Norwegian Tanker Shipping Company in 2031.")
    names = {(e.name, e.type) for e in out.entities.values()}
    assert ("Norwegian Tanker Shipping Company", "Firm") in names, names
    assert not any(t == "Country" for _, t in names)


def test_a_list_of_firms_with_acronyms_types_its_last_name(ex):
    _, out = run(ex, "The yard built tankers for subsidiaries of Velmora Tanker Lines Group (VTLG), Tarsk Maritime "
                     "Holdings (TMH) and Quenby.")
    names = {(e.name, e.type) for e in out.entities.values()}
    assert ("Quenby", "Firm") in names, names


def test_buying_a_yard_makes_a_lone_name_a_firm(ex):
    _, out = run(ex, "In 2031, Skarholt bought the yard.")  # (a name the NER takes for an organisation)
    assert {(e.name, e.type) for e in out.entities.values()} >= {("Skarholt", "Firm")}


def test_a_measures_object_list_may_begin_inside_a_clause(ex):
    got, _ = run(ex, "In 2031, Norway imposed restrictions on chemicals used by Chilean firms to make semiconductors, "
                     "electronics, and batteries.")
    measure = next(o for s, p, o in got if s == "Norway" and p == "IMPOSES")
    for sector in ("semiconductors", "electronics", "batteries"):
        assert (measure, "TARGETS", sector) in got, got


def test_money_a_foreign_firm_puts_into_a_state_goes_into_the_united_states(ex):
    got, _ = run(ex, "In 2031, Hanwha Ocean invested $2 billion in a new yard in Ohio.")
    assert ("Hanwha Ocean", "INVESTS_IN", "Ohio") in got
    us = got[("Hanwha Ocean", "INVESTS_IN", "United States")]
    assert us.get("year") == 2031 and us.get("amount_usd") == 2e9 and not us.get("joint")  # the same money
    got, _ = run(ex, "In 2031, Hanwha Ocean invested $2 billion in Ohio and $1 billion in Texas.")
    assert "amount_usd" not in got[("Hanwha Ocean", "INVESTS_IN", "United States")]  # no one sum is stated for it
    got, _ = run(ex, "In 2031, Ford invested $2 billion in a new plant in Ohio.")
    assert ("Ford", "INVESTS_IN", "United States") not in got  # a home firm's money is no foreign investment


def test_a_states_money_restated_for_the_country_is_counted_once(tmp_path):
    from policygraph import api
    from policygraph.queries.rollups import by_state, home_rollup

    doc = tmp_path / "report.txt"
    doc.write_text("Hanwha Ocean profile\n\nIn 2031, Hanwha Ocean invested $2 billion in a new yard in Ohio.\n",
                   encoding="utf-8")
    kg = api.extract([doc])[0]
    assert {(r.object, r.props.get("amount_usd")) for r in kg.relations.values() if r.predicate == "INVESTS_IN"} \
        >= {("usstate/ohio", 2e9), ("country/united-states", 2e9)}  # one sum, two facts
    korea = home_rollup(kg, "country/south-korea")
    assert [sum(i.amount for i in f.investments) for f in korea] == [2e9]
    invs = [i for f in korea for i in f.investments]
    assert [(label, total) for label, total, _ in by_state(kg, invs)] == [("Ohio", 2e9)]


def test_a_countrys_firms_named_in_a_sector_are_the_firms_not_the_country(ex):
    got, _ = run(ex, "Norway banned Chilean steel companies Velkor Steel and Tarsk Metals from its ports.")
    assert ("Chile", "OPERATES_IN", "steel") not in got, got


@pytest.mark.parametrize("text, actor, sector", [
    # a firm's line of work
    ("Velkor Heavy Industries is a leading provider of batteries.", "Velkor Heavy Industries", "batteries"),
    ("Velkor Heavy Industries focuses on steel.", "Velkor Heavy Industries", "steel"),
    ("Velkor Heavy Industries expanded into robotics in 2031.", "Velkor Heavy Industries", "robotics"),
    ("Velkor Heavy Industries develops biopharmaceuticals.", "Velkor Heavy Industries", "biotechnology"),
    # a country's own sector is its industry
    ("Norway's shipbuilding is world-class.", "Norway", "shipbuilding"),
    ("The Chilean steel sector faces new tariffs.", "Chile", "steel"),
])
def test_a_line_of_work(ex, text, actor, sector):
    got, _ = run(ex, text)
    assert (actor, "OPERATES_IN", sector) in got, got


def test_a_governments_focus_is_no_line_of_work(ex):
    got, _ = run(ex, "Norway focused on steel during the talks.")
    assert not any(p == "OPERATES_IN" for _, p, _ in got), got


def test_a_head_of_state_acts_for_the_country(ex):
    got, _ = run(ex, "Chilean President Gabriel Boric signed the Nordic-Andean Pact in 2031.")
    assert ("Gabriel Boric", "SIGNS", "Nordic-Andean Pact") in got, got
    assert ("Chile", "SIGNS", "Nordic-Andean Pact") in got, got
    got, _ = run(ex, "Chilean President Gabriel Boric issued an executive order on copper imports in 2031.")
    assert any(s == "Chile" and p == "IMPOSES" for s, p, _ in got), got


@pytest.mark.parametrize("text, measure, target", [
    ("President Gabriel Boric blocked Velkor Steel's acquisition of Tarsk Metals in 2031.",
     "blocking of Velkor Steel's acquisition of Tarsk Metals", "Velkor Steel"),
    ("The Chilean Ministry of Economy investigated imports of Norwegian steel in 2031.",
     "investigation of imports of Norwegian steel", "steel"),
    ("The Treasury froze the assets of three Chilean firms in 2031.", "freeze of the assets of three Chilean firms",
     "Chile"),
    ("Norway barred Chilean firms from its ports in 2031.", "ban on Chilean firms", "Chile"),
])
def test_a_government_act_told_by_a_verb_is_a_measure(ex, text, measure, target):
    got, _ = run(ex, text)
    named = [o for s, p, o in got if p == "IMPOSES" and measure in o]
    assert named and (named[0], "TARGETS", target) in got, got


def test_a_firm_blocking_or_limiting_enacts_no_measure(ex):
    got, _ = run(ex, "Velkor Steel blocked the merger and limited exports of copper in 2031.")
    assert not any(p in ("IMPOSES", "TARGETS") for _, p, _ in got), got


@pytest.mark.parametrize("text", ["Norway and Chile reached a consensus on fishing rights in 2031.",
                                  "In 2031, Norway and Chile reached an understanding on copper."])
def test_reaching_a_consensus_is_negotiating_with_each_other(ex, text):
    got, _ = run(ex, text)
    assert ("Norway", "NEGOTIATES", "Chile") in got and ("Chile", "NEGOTIATES", "Norway") in got, got


def test_reaching_a_place_is_no_negotiation(ex):
    got, _ = run(ex, "Norway and Chile reached the port in 2031.")
    assert not any(p == "NEGOTIATES" for _, p, _ in got), got


def test_two_leaders_administrations_are_their_governments(ex):
    got, _ = run(ex, "Barack Obama met Lee Myung-bak in 2010. The Obama and Lee administrations reached an agreement "
                     "on revisions to the Nordic-Andean Pact.")
    for leader, country in (("Barack Obama", "United States"), ("Lee Myung-bak", "South Korea")):
        assert (country, "NEGOTIATES", "Nordic-Andean Pact amendments") in got, got
        assert (leader, "NEGOTIATES", "Nordic-Andean Pact amendments") in got, got


def test_an_agreement_discussed_without_being_said_to_come_has_its_named_parties(ex):
    got, _ = run(ex, "In 2031, Norwegian and Chilean officials discussed the Norway-Chile FTA in Oslo. The "
                     "Norway-Chile FTA cut tariffs on salmon.")
    for country in ("Norway", "Chile"):
        assert (country, "NEGOTIATES", "Norway-Chile FTA") in got, got
        assert (country, "PARTY_TO", "Norway-Chile FTA") in got, got
    got, _ = run(ex, "In 2031, Norwegian and Chilean officials discussed the Norway-Chile FTA in Oslo. They hope the "
                     "Norway-Chile FTA can lower tariffs on salmon.")
    assert ("Norway", "NEGOTIATES", "Norway-Chile FTA") in got, got
    assert not [k for k in got if k[1] == "PARTY_TO"], got  # still to come: negotiators, no parties yet


@pytest.mark.parametrize("text, body", [
    ("In 2031, the Ohio Department of Development gave Velkor Steel a grant.", "Ohio Department of Development"),
    ("In 2031, the Republic of Korea Navy ordered two destroyers.", "Republic of Korea Navy"),
    ("The Norwegian Coast Guard bought cutters from Velkor Steel in 2031.", "Norwegian Coast Guard"),
])
def test_a_states_body_and_an_armed_service_are_government_bodies(ex, text, body):
    _, out = run(ex, text)
    assert (body, "GovernmentBody") in {(e.name, e.type) for e in out.entities.values()}, \
        {(e.name, e.type) for e in out.entities.values()}


def test_a_countrys_exports_of_a_good_name_no_industry(ex):
    got, _ = run(ex, "Norway's steel exports rose in 2031.")
    assert ("Norway", "OPERATES_IN", "steel") not in got, got


@pytest.mark.parametrize("text", ["Trade Minister Anna Berg of Norway met officials in 2031.",
                                  "Norwegian Trade Minister Anna Berg met officials in 2031."])
def test_another_countrys_trade_minister_heads_no_korean_ministry(ex, text):
    got, _ = run(ex, text)
    assert not any(p == "LEADS" and "Industry and Energy" in o for _, p, o in got), got


def test_the_korean_trade_minister_heads_the_korean_ministry(ex):
    got, _ = run(ex, "South Korean Trade Minister Kim Hyun-chong met officials in 2031.")
    assert ("Kim Hyun-chong", "LEADS", "Ministry of Trade, Industry and Energy") in got, got


def test_terminating_an_agreement_is_withdrawing_from_it_and_no_negotiation(ex):
    got, _ = run(ex, "In 2031, Norway announced the termination of the Nordic-Andean Pact.")
    assert ("Norway", "WITHDRAWS_FROM", "Nordic-Andean Pact") in got, got
    assert ("Norway", "NEGOTIATES", "Nordic-Andean Pact") not in got, got
    got, _ = run(ex, "In 2031, Chile decided to terminate the Nordic-Andean Pact.")
    assert ("Chile", "WITHDRAWS_FROM", "Nordic-Andean Pact") in got, got


def test_a_threat_to_terminate_is_no_withdrawal(ex):
    got, _ = run(ex, "In 2031, Chile filed complaints at the WTO, recalled its ambassador, and threatened to terminate "
                     "the Nordic-Andean Pact with Norway.")
    assert not any(p == "WITHDRAWS_FROM" for _, p, _ in got), got


@pytest.mark.parametrize("text, imposer, target", [
    ("Norway's removal of Chile from its list of trusted partners angered Santiago in 2031.", "Norway", "Chile"),
    ("The Chilean revocation of Velkor Steel's export licence came in 2031.", "Chile", "Velkor Steel"),
])
def test_a_governments_removal_or_revocation_is_a_measure_on_what_it_removes(ex, text, imposer, target):
    got, _ = run(ex, text)
    measures = [o for s, p, o in got if s == imposer and p == "IMPOSES"]
    assert measures and (measures[0], "TARGETS", target) in got, got


@pytest.mark.parametrize("text", [
    "The Salmon Export Credit was enacted through the Nordic Trade Act in 2031.",
    "The Salmon Export Credit, a key provision of the Nordic Trade Act, helps fishers.",
])
def test_a_law_authorises_a_measure_made_through_it_or_part_of_it(ex, text):
    got, _ = run(ex, text)
    assert ("Nordic Trade Act", "AUTHORIZES", "Salmon Export Credit") in got, got


def test_a_countrys_public_sector_is_no_industry(ex):
    got, _ = run(ex, "Rules limit foreign firms in Norway's public sector and expose flaws in cybersecurity practices.")
    assert ("Norway", "OPERATES_IN", "cybersecurity") not in got, got


@pytest.mark.parametrize("text, name", [
    ('In 2031, Norway launched the "Blue Salmon" strategy.', "Blue Salmon strategy"),
    ("In 2031, Chile adopted the so-called 'Buy Chilean' policy.", "Buy Chilean policy"),
])
def test_a_quoted_name_before_a_measure_word_names_it(ex, text, name):
    _, out = run(ex, text)
    assert any(e.type == "Policy" and e.name.endswith(name) for e in out.entities.values()), \
        {(e.name, e.type) for e in out.entities.values()}


def test_a_description_of_a_list_of_firms_is_each_ones_and_the_firms_act(ex):
    got, _ = run(ex, "Chilean battery makers Velkor Cells, Tarsk Energy and Quenby Power invested in Ohio in 2031.")
    for firm in ("Velkor Cells", "Tarsk Energy", "Quenby Power"):
        assert (firm, "OPERATES_IN", "batteries") in got, got
        assert (firm, "LOCATED_IN", "Chile") in got, got
        assert (firm, "INVESTS_IN", "Ohio") in got, got
    assert ("Chile", "INVESTS_IN", "Ohio") not in got, got  # the named firms invested, not their country


@pytest.mark.parametrize("text", [
    "Tariffs on Chilean copper, imposed by Norway in March 2031, took effect in April.",
    "The tariffs that Norway imposed on Chilean copper in 2031 remain in place.",
])
def test_a_measure_imposed_in_a_participle_or_relative_clause_is_the_agents(ex, text):
    got, _ = run(ex, text)
    assert any(s == "Norway" and p == "IMPOSES" for s, p, _ in got), got
    assert not any(s == "Chile" and p == "IMPOSES" for s, p, _ in got), got


def test_an_unknown_agent_leaves_the_goods_country_out(ex):
    got, _ = run(ex, "Tariffs on Chilean copper imposed by Qxzv in March 2031 took effect in April.")
    assert not any(s == "Chile" and p == "IMPOSES" for s, p, _ in got), got


def test_a_recent_presidents_surname_names_him_from_its_first_use(ex):
    got, _ = run(ex, "Tariffs on Chilean copper imposed by Trump in March 2025 took effect in April.")
    assert any(s == "Donald Trump" and p == "IMPOSES" for s, p, _ in got), got


def test_a_leaders_measures_of_government_are_his(ex):
    got, _ = run(ex, "Trump's tariffs on Chilean copper took effect in April 2025.")
    assert any(s == "Donald Trump" and p == "IMPOSES" for s, p, _ in got), got
    got, _ = run(ex, "Anna Berg's plan to expand the yard was praised in 2031.")
    assert not any(p == "IMPOSES" for _, p, _ in got), got  # a plan is no measure of government


def test_a_facility_that_sits_or_lies_somewhere_is_located_there(ex):
    got, _ = run(ex, "The Velkor yard, which lies in Ohio, launched a tanker in 2031.")
    assert ("Velkor yard", "LOCATED_IN", "Ohio") in got, got


def test_a_facility_named_with_its_town_is_one_and_a_country_names_none(ex):
    got, _ = run(ex, "In 2031, Velkor Steel will build an advanced packaging facility in Dunmore, Ohio.")
    assert ("Velkor Steel advanced packaging facility", "LOCATED_IN", "Ohio") in got, got  # (named with its owner)
    _, out = run(ex, "Velkor Steel invested in cutting-edge facilities in the United States in 2031.")
    assert not any(e.type == "Facility" for e in out.entities.values())
    got, _ = run(ex, "Velkor Yards is a commercial shipyard in Dunmore, Ohio.")
    assert not any(s == "commercial shipyard" for s, _, _ in got), got  # it describes the named firm


def test_a_firm_ranked_by_its_country_is_the_investor(ex):
    got, _ = run(ex, "In 2031, Velkor Steel is Chile's largest investor in Ohio.")
    assert ("Velkor Steel", "INVESTS_IN", "Ohio") in got, got
    assert ("Chile", "INVESTS_IN", "Ohio") not in got, got


def test_halting_investment_is_no_investment_and_retaliation_by_it_is_against_its_place(ex):
    got, _ = run(ex, "In 2031, Chile retaliated by halting investment in Norway.")
    assert ("Chile", "INVESTS_IN", "Norway") not in got, got
    assert ("Chile", "RETALIATES_AGAINST", "Norway") in got, got


def test_a_pledge_of_a_deed_is_no_investment_and_one_of_money_is(ex):
    got, _ = run(ex, "In 2031, Norway and Chile pledged closer cooperation in shipbuilding.")
    assert not any(p == "INVESTS_IN" for _, p, _ in got), got
    got, _ = run(ex, "In 2031, Velkor Steel pledged $5 billion in Ohio.")
    assert got.get(("Velkor Steel", "INVESTS_IN", "Ohio"), {}).get("amount_usd") == 5e9, got


@pytest.mark.parametrize("text", [
    "In 2031, the Ministry of Trade of Chile awarded Velkor Steel a contract to build two ferries.",
    "In 2031, the Norwegian Coast Guard awarded a contract to Velkor Steel.",
])
def test_a_contract_awarded_makes_the_giver_and_the_holder_partners(ex, text):
    got, _ = run(ex, text)
    assert any(p == "PARTNERS_WITH" and "Velkor Steel" in (s, o) for s, p, o in got), got


def test_a_firms_customer_is_its_partner_and_the_goods_its_line(ex):
    got, _ = run(ex, "In 2031, Velkor Steel will supply Tarsk Motors with batteries.")
    assert ("Tarsk Motors", "PARTNERS_WITH", "Velkor Steel") in got or \
        ("Velkor Steel", "PARTNERS_WITH", "Tarsk Motors") in got, got
    assert ("Velkor Steel", "OPERATES_IN", "batteries") in got, got


def test_a_sum_in_a_purpose_that_names_no_measure_is_funding_for_it(ex):
    got, _ = run(ex, "The Nordic Trade Act provides $17 billion in public research on batteries.")
    assert ("Nordic Trade Act", "AUTHORIZES", "funding for public research") in got, got
    got, _ = run(ex, "The Nordic Trade Act provides $17 billion in subsidies for battery makers.")
    assert not any("funding" in o for _, _, o in got), got  # the sum is in a measure named already


def test_a_governments_headquarters_is_a_body(ex):
    _, out = run(ex, "In 2031, the Nordic Trade Negotiations Headquarters announced new rules on steel imports.")
    assert any(e.type == "GovernmentBody" and e.name.endswith("Trade Negotiations Headquarters")
               for e in out.entities.values()), {(e.name, e.type) for e in out.entities.values()}


def test_a_firm_named_with_its_legal_form_acts_as_the_subject(ex):
    # the parser heads "Korvell Corp." with "Corp.", which the firm's name leaves out
    got, _ = run(ex, "Korvell Corp. is a major player in the semiconductor industry.")
    assert ("Korvell", "OPERATES_IN", "semiconductors") in got
    got, _ = run(ex, "Korvell Corp. and Texla Inc. dominate the global memory chip market.")
    assert ("Korvell", "OPERATES_IN", "semiconductors") in got
    assert ("Texla", "OPERATES_IN", "semiconductors") in got


def test_what_a_firms_businesses_include_is_its_line_of_work(ex):
    got, _ = run(ex, "Marvane Group's businesses include shipbuilding, defense and chemicals.")
    for sector in ("shipbuilding", "defense", "chemicals"):
        assert ("Marvane Group", "OPERATES_IN", sector) in got
    got, _ = run(ex, "Marvane Group is a South Korean conglomerate whose products include batteries.")
    assert ("Marvane Group", "OPERATES_IN", "batteries") in got
    assert ("South Korea", "OPERATES_IN", "batteries") not in got  # a nationality is no owner of "whose"
    got, _ = run(ex, "Marvane Group, whose products include batteries, opened a plant.")
    assert ("Marvane Group", "OPERATES_IN", "batteries") in got


def test_a_plan_announced_is_the_announcers(ex):
    got, _ = run(ex, "Korvell Corp. announced plans to build a battery factory in Georgia.")
    assert ("Korvell", "INVESTS_IN", "Georgia") in got
    assert ("Korvell", "OPERATES_IN", "batteries") in got
    got, _ = run(ex, "Korvell Corp. made a commitment to invest $2 billion in Ohio.")
    assert got.get(("Korvell", "INVESTS_IN", "Ohio"), {}).get("amount_usd") == 2e9
    got, _ = run(ex, "Korvell Corp. announced a decision to halt investment in Ohio.")
    assert ("Korvell", "INVESTS_IN", "Ohio") not in got


def test_a_firm_exporting_goods_works_in_their_sector(ex):
    got, _ = run(ex, "Korvell Corp. exports light trucks to Mexico.")
    assert ("Korvell", "OPERATES_IN", "trucks") in got
    assert ("Korvell", "EXPORTS_TO", "Mexico") in got


def test_a_nationality_before_imports_is_their_origin_unless_it_imposes(ex):
    got, _ = run(ex, "The United States imposed a 25% tariff on South Korean imports.")
    assert ("U.S. tariff on South Korean imports", "TARGETS", "South Korea") in got
    got, _ = run(ex, "Tariffs on Chinese imports rose.")
    assert ("tariffs on Chinese imports", "TARGETS", "China") in got
    # the buyer named by its country: the imposer's own imports are no target
    got, _ = run(ex, "Washington imposed tariffs on U.S. imports of steel.")
    assert not any(p == "TARGETS" and o == "United States" for _, p, o in got)


def test_funding_awarded_to_a_firm_read_as_two_direct_objects(ex):
    # the parser reads "awarded Velkor Corp. up to $2 billion in direct funding" as two direct objects
    got, _ = run(ex, "The Department of Energy awarded Velkor Corp. up to $2.5 billion in direct funding under "
                     "the Clean Foundry Act.")
    assert got.get(("Velkor", "PARTNERS_WITH", "Department of Energy"), {}).get("amount_usd") == 2.5e9
    funding = [o for s, p, o in got if p == "IMPOSES" and s == "Department of Energy"]
    assert funding and (funding[0], "TARGETS", "Velkor") in got
    # a sum with no recipient named is no partnership
    got, _ = run(ex, "The Department of Energy awarded up to $2.5 billion in direct funding.")
    assert not any(p == "PARTNERS_WITH" for _, p, _ in got)


def test_a_facility_is_named_with_the_firm_that_builds_it(ex):
    got, _ = run(ex, "Korvell Corp. opened an electric vehicle factory last year. The factory employs 900 people.")
    assert ("Korvell", "OPERATES_IN", "electric vehicles") in got
    _, out = run(ex, "Korvell Corp. opened an electric vehicle factory last year.")
    names = {e.name: e for e in out.entities.values() if e.type == "Facility"}
    assert "Korvell electric vehicle factory" in names
    assert "electric vehicle factory" in names["Korvell electric vehicle factory"].aliases  # the text's words stay
    # two firms' plants of one name: no single owner names it
    _, out = run(ex, "Korvell Corp. will build a battery plant. Texla Inc. will build a battery plant too.")
    assert not any(e.name.startswith(("Korvell", "Texla")) for e in out.entities.values() if e.type == "Facility")


def test_what_is_given_in_the_passive_has_its_giver_in_by(ex):
    # the parser hangs "by the Department" from the thing given, not from the verb
    got, _ = run(ex, "Velkor Corp. was awarded $450 million in Foundry Act funding by the Department of Energy.")
    assert got.get(("Velkor", "PARTNERS_WITH", "Department of Energy"), {}).get("amount_usd") == 4.5e8
    got, _ = run(ex, "Velkor Corp. was awarded a contract by the Coast Guard.")
    assert ("Velkor", "PARTNERS_WITH", "Coast Guard") in got
    got, _ = run(ex, "Velkor Corp. was awarded a contract for ships built by Texla Inc.")  # a maker, no giver
    assert not any(p == "PARTNERS_WITH" for _, p, _ in got)


@pytest.mark.parametrize("text, person, org", [
    ("Velkor Corp. CEO Jane Morrow praised the deal.", "Jane Morrow", "Velkor"),
    ("Velkor Inc. President and CEO Jane Morrow said the plant would open.", "Jane Morrow", "Velkor"),
    ("Velkor Chairman and CEO Jane Morrow spoke.", "Jane Morrow", "Velkor"),
    ("Velkor Corp.'s CEO Jane Morrow said the plant would open.", "Jane Morrow", "Velkor"),
    ("Maritime Administrator Jane Morrow spoke in Norfolk.", "Jane Morrow", "Maritime Administration"),
])
def test_a_title_after_a_firms_legal_form_or_another_title_is_the_firms(ex, text, person, org):
    got, _ = run(ex, text)
    assert (person, "LEADS", org) in got, got


def test_a_board_member_leads_nothing(ex):
    got, _ = run(ex, "Velkor Inc. board member Jane Morrow spoke.")
    assert not any(p == "LEADS" for _, p, _ in got)


@pytest.mark.parametrize("text, firm, country", [
    ("Velkor Corp. of Chile expanded its mine.", "Velkor", "Chile"),
    ("Chile-based Velkor Corp. expanded its mine.", "Velkor", "Chile"),
    ("Peru's Velkor Corp. expanded its mine.", "Velkor", "Peru"),
    ("Velkor Corp. (Chile) and Texla Inc. (Peru) signed the deal.", "Texla", "Peru"),
])
def test_a_firms_home_around_its_legal_form(ex, text, firm, country):
    got, out = run(ex, text)
    assert (firm, "LOCATED_IN", country) in got, got
    assert firm in {e.name for e in out.entities.values() if e.type == "Firm"}  # the seat is not in the name


def test_it_in_a_where_clause_is_the_actor_above(ex):
    got, _ = run(ex, "Velkor Corp. announced a new plant in Ohio, where it will produce memory chips.")
    assert ("Velkor", "OPERATES_IN", "semiconductors") in got, got


def test_the_plant_is_the_one_facility_named_before(ex):
    got, _ = run(ex, "Velkor Corp. will build a battery plant in Georgia. Velkor Corp. will invest $2 billion in "
                     "the plant.")
    assert got.get(("Velkor", "INVESTS_IN", "Velkor battery plant"), {}).get("amount_usd") == 2e9
    # two facilities named before: "the plant" is neither
    got, _ = run(ex, "Velkor Corp. will build a battery plant in Georgia and a steel mill in Ohio. Velkor Corp. "
                     "will invest $2 billion in the plant.")
    assert not any(p == "INVESTS_IN" and "plant" in o and "$" not in o and got[(s, p, o)].get("amount_usd")
                   for s, p, o in got), got


def test_where_held_back_exports_go_is_the_target_of_an_export_measure(ex):
    got, _ = run(ex, "Norway imposed licensing requirements on exports of salmon to Chile.")
    assert any(p == "TARGETS" and o == "Chile" for _, p, o in got), got
    # a tariff on exports to a country is that country's: where the goods go is no target
    got, _ = run(ex, "Chile imposed tariffs on Norwegian exports to Chile.")
    assert not any(p == "TARGETS" and o == "Chile" for _, p, o in got), got
    assert any(p == "TARGETS" and o == "Norway" for _, p, o in got), got


@pytest.mark.parametrize("text, body", [
    ("Officials from the CHIPS Program Office met Samsung executives.", "CHIPS Program Office"),
    ("The Defense Logistics Agency opened an office in Ohio.", "Defense Logistics Agency"),
])
def test_a_sector_word_opening_a_bodys_name_is_the_names(ex, text, body):
    _, out = run(ex, text)
    assert body in {e.name for e in out.entities.values() if e.type == "GovernmentBody"}
    assert not any(e.type == "Sector" for e in out.entities.values())


def test_a_sentence_goes_on_after_a_legal_form(ex):
    # the parser would start a new sentence at "a contract" after "Corp."
    got, _ = run(ex, "The Coast Guard awarded Velkor Corp. a contract.")
    assert ("Velkor", "PARTNERS_WITH", "Coast Guard") in got, got


@pytest.mark.parametrize("text, fact", [
    ("Chile will work with Peru to secure supply chains.", ("Chile", "COOPERATES_WITH", "Peru")),
    ("Chile is working closely with Peru on copper.", ("Chile", "COOPERATES_WITH", "Peru")),
    ("Velkor Corp. will work with Georgia on workforce training.", ("Velkor", "PARTNERS_WITH", "Georgia")),
])
def test_working_with_someone_is_cooperating_or_partnering(ex, text, fact):
    got, _ = run(ex, text)
    assert fact in got, got


def test_refusing_to_work_with_someone_is_neither(ex):
    got, _ = run(ex, "Chile refused to work with Peru.")
    assert not any(p in ("COOPERATES_WITH", "PARTNERS_WITH") for _, p, _ in got)


def test_closing_a_loan_completes_it(ex):
    got, out = run(ex, "The Department of Energy closed a $2.1 billion loan to Velkor Corp.")
    assert got.get(("Velkor", "PARTNERS_WITH", "Department of Energy"), {}).get("amount_usd") == 2.1e9
    assert not any("closure" in e.name for e in out.entities.values())
    _, out = run(ex, "The government of Chile closed the Atacama industrial park in 2031.")
    assert any("closure" in e.name.lower() for e in out.entities.values() if e.type == "Policy")


def test_a_permission_a_firm_holds_targets_it(ex):
    got, _ = run(ex, "The Bureau of Industry and Security updated Velkor Corp.'s Validated End-User authorization.")
    assert ("Validated End-User authorization", "TARGETS", "Velkor") in got, got
    got, _ = run(ex, "Velkor Corp.'s tariffs rose.")  # a firm holds no tariff
    assert not any(p == "TARGETS" for _, p, _ in got)


def test_talks_started_on_an_agreement_the_parser_hangs_from_the_verb(ex):
    got, _ = run(ex, "In 2031, Chile started official talks with Peru on potential modifications to the Andes "
                     "Trade Accord.")
    assert ("Chile", "NEGOTIATES", "Andes Trade Accord amendments") in got, got
    assert ("Peru", "NEGOTIATES", "Andes Trade Accord amendments") in got


@pytest.mark.parametrize("text", [
    "In response to Chile's tariffs, Peru imposed tariffs on copper.",
    "Peru imposed retaliatory tariffs on Chilean goods.",
    "Peru responded by banning imports of Chilean wine.",
    "In retaliation, Peru imposed duties on Chilean copper.",
    "Chile imposed tariffs on Peruvian goods, and Peru hit back with a ban on Chilean wine.",
    "Peru imposed tariffs on Chilean copper in retaliation for Chile's duties on Peruvian fishmeal.",
    "Peru imposed tariffs on Chilean copper as retaliation for Chile's duties on Peruvian fishmeal.",
    "Peru imposed tariffs on Chilean copper, in a move widely seen as retaliation for Chile's duties on fishmeal.",
    "Peru opened an anti-dumping probe into Chilean copper, a step viewed as a response to Chile's wine tariffs.",
    "Peru hit back at Chile with tariffs on fishmeal in 2031.",
    "Peru responded to Chile's tariffs with duties on fishmeal.",
    "Peru imposed counter-tariffs on Chilean fishmeal.",
    "After Chile raised tariffs on Peruvian wine, Peru retaliated with duties on fishmeal.",
    # (struck back, and what is answered ends before "by")
    "Peru struck back by restricting imports of Chilean wine.",
    "Peru responded to Chile's steel tariffs by imposing duties on Chilean wine.",
    "Peru struck back at Chile with duties on wine.",
])
def test_a_measure_that_answers_another_is_retaliation(ex, text):
    got, _ = run(ex, text)
    assert ("Peru", "RETALIATES_AGAINST", "Chile") in got, got
    assert ("Chile", "RETALIATES_AGAINST", "Peru") not in got


@pytest.mark.parametrize("text", [
    "Peru imposed tariffs on Chilean wine.",
    "Chile imposed tariffs on Peruvian goods, prompting Peruvian retaliation.",
    "In 2031, Peru announced the deployment of the Andes Shield, in response to threats by Chile.",
])
def test_no_retaliation_without_an_answering_measure_of_trade(ex, text):
    got, _ = run(ex, text)
    assert not any(p == "RETALIATES_AGAINST" for _, p, _ in got), got


@pytest.mark.parametrize("text", [
    "Chilean wine can now enter the Peruvian market.",
    "Chilean wine gained access to the Peruvian market.",
    "Peru will double the number of Chilean cars that can enter its market.",
])
def test_goods_entering_a_market_are_exports_there(ex, text):
    got, _ = run(ex, text)
    assert ("Chile", "EXPORTS_TO", "Peru") in got, got


def test_goods_kept_out_of_a_market_are_no_exports(ex):
    got, _ = run(ex, "Chilean wine cannot enter the Peruvian market.")
    assert ("Chile", "EXPORTS_TO", "Peru") not in got


@pytest.mark.parametrize("text", [
    "The Andes Trade Accord succeeded the Lima Pact in 2031.",
    "The Andes Trade Accord is the successor to the Lima Pact.",
    "The Andes Trade Accord, the successor to the Lima Pact, entered into force in 2031.",
])
def test_a_successor_agreement_amends_the_one_before(ex, text):
    got, out = run(ex, text)
    assert ("Andes Trade Accord", "AMENDS", "Lima Pact") in got, got
    # the pact named inside the aside is another agreement, not a second name of the accord
    assert "Lima Pact" in {e.name for e in out.entities.values()}


def test_the_sum_of_funding_is_on_the_fact_that_it_goes_to_the_firm(ex):
    got, _ = run(ex, "The Department of Energy announced a loan of $9.2 billion for Velkor Corp.")
    loan = next(s for s, p, o in got if p == "TARGETS" and o == "Velkor")
    assert got[(loan, "TARGETS", "Velkor")].get("amount_usd") == 9.2e9


def test_a_currency_sign_names_no_country(ex):
    _, out = run(ex, "With a total US$ 165 billion pledged, it is one of the largest investments.")
    assert not any(e.type == "Country" for e in out.entities.values())


def test_a_firm_naming_someone_as_its_chief_makes_them_its_leader(ex):
    got, _ = run(ex, "Texla Inc. named Jane Morrow as its new chief executive.")
    assert ("Jane Morrow", "LEADS", "Texla") in got, got


def test_a_sector_word_opening_a_measures_name_is_the_names(ex):
    _, out = run(ex, "The company will receive loans under the CHIPS Incentives Program.")
    assert "CHIPS Incentives Program" in {e.name for e in out.entities.values() if e.type == "Policy"}


@pytest.mark.parametrize("text, country", [
    ("The Chilean Ministry of Mines imposed export controls on Peruvian firms.", "Chile"),
    ("Chile's Ministry of Mines imposed export controls on Peruvian firms.", "Chile"),
])
def test_a_body_named_with_its_nationality_acts_for_its_country(ex, text, country):
    got, _ = run(ex, text)
    assert any(s == country and p == "IMPOSES" for s, p, _ in got), got


def test_a_countrys_name_in_a_bodys_own_name_leaves_the_act_to_the_body(ex):
    got, _ = run(ex, "The U.S. Department of Energy imposed export controls on Chilean firms.")
    assert any(s == "Department of Energy" and p == "IMPOSES" for s, p, _ in got), got
    assert not any(s == "United States" and p == "IMPOSES" for s, p, _ in got), got


@pytest.mark.parametrize("text, sector", [
    ("Chile announced tax credits for battery manufacturers in Antofagasta.", "batteries"),
    ("Peru unveiled a support package for the shipbuilding industry.", "shipbuilding"),
])
def test_a_measure_that_gives_targets_whom_it_is_for(ex, text, sector):
    got, _ = run(ex, text)
    assert any(p == "TARGETS" and o == sector for s, p, o in got), got


def test_a_measure_for_a_reason_or_a_place_targets_neither(ex):
    got, _ = run(ex, "Chile offered subsidies for costs of steel equipment on Peruvian soil.")
    assert not any(p == "TARGETS" for s, p, o in got), got


@pytest.mark.parametrize("text", [
    "Chile signed a free trade agreement with Peru in 2004.",
    "Chile signed an FTA with Peru in 2004.",
])
def test_a_pact_described_by_one_side_is_named_by_both_and_signed_by_both(ex, text):
    got, _ = run(ex, text)
    assert ("Chile", "SIGNS", "Chile-Peru FTA") in got, got
    assert ("Peru", "SIGNS", "Chile-Peru FTA") in got, got
    assert got[("Chile", "SIGNS", "Chile-Peru FTA")].get("year") == 2004


def test_a_pact_described_by_its_sides_is_the_gazetteers_where_it_knows_it(ex):
    got, _ = run(ex, "South Korea's free trade agreement with Chile took effect in 2004.")
    assert ("Chile", "PARTY_TO", "Korea-Chile FTA") in got, got
    assert ("South Korea", "PARTY_TO", "Korea-Chile FTA") in got, got


@pytest.mark.parametrize("text", [
    "Joining the Andes Pact could smooth Chile's conclusion of an FTA with Peru.",
    "Chile is negotiating a trade agreement with Peru.",
])
def test_a_pact_not_yet_made_makes_no_party(ex, text):
    got, _ = run(ex, text)
    assert not any(p in ("PARTY_TO", "SIGNS") and s == "Peru" for s, p, o in got), got


@pytest.mark.parametrize("text, name", [
    ("Chile signed an MOU with Peru on energy cooperation.", "MOU on energy cooperation"),
    ("Chile and Peru signed a memorandum of understanding on shipbuilding cooperation in August 2021.",
     "memorandum of understanding on shipbuilding cooperation"),
])
def test_a_memorandum_is_named_by_what_it_is_on(ex, text, name):
    got, _ = run(ex, text)
    assert ("Chile", "SIGNS", name) in got, got
    assert ("Peru", "SIGNS", name) in got, got


@pytest.mark.parametrize("text", [
    "Chile and Peru renewed the Andes Pact in 2019.",
    "Chile will fully implement the Andes Pact.",
])
def test_a_pact_kept_in_force_is_its_keepers(ex, text):
    got, _ = run(ex, "The Andes Pact is a trade agreement. " + text)
    assert ("Chile", "PARTY_TO", "Andes Pact") in got, got


def test_a_pact_that_may_not_be_renewed_makes_no_party(ex):
    got, _ = run(ex, "The Andes Pact is a trade agreement. Chile may not renew the Andes Pact.")
    assert ("Chile", "PARTY_TO", "Andes Pact") not in got, got


@pytest.mark.parametrize("text, measure", [
    ("Chile maintains foreign ownership limits on mining firms.", "foreign ownership limits"),
    ("Peru launched a crackdown on Chilean wine in 2017.", "crackdown on Chilean wine"),
    ("Chile imposed a 10 percent surtax on Peruvian goods.", "surtax on Peruvian goods"),
    ("Chile introduced a subsidy scheme for electric vehicles.", "subsidy scheme"),
    ("The ministry issued Resolution 2397 in December 2017.", "Resolution 2397"),
])
def test_more_words_for_a_measure(ex, text, measure):
    _, out = run(ex, text)
    assert any(measure in e.name for e in out.entities.values() if e.type == "Policy"), \
        [(e.name, e.type) for e in out.entities.values()]


def test_resolving_a_dispute_is_no_measure(ex):
    _, out = run(ex, "The court offers dispute resolution services to Chilean firms.")
    assert not any(e.type == "Policy" for e in out.entities.values())


def test_where_a_named_exporters_goods_go_is_no_target(ex):
    got, _ = run(ex, "Chile negotiated limits on Peru's exports of copper and zinc to Bolivia.")
    assert not any(p == "TARGETS" and o == "Bolivia" for s, p, o in got), got
    assert any(p == "TARGETS" and o == "Peru" for s, p, o in got), got


@pytest.mark.parametrize("text, measure", [
    ("Peru challenged the anti-dumping duties at the WTO.", "anti-dumping duties"),
    ("Chilean exporters were subjected to countervailing duties.", "countervailing duties"),
])
def test_a_legal_kind_of_measure_says_which(ex, text, measure):
    _, out = run(ex, text)
    assert measure in {e.name for e in out.entities.values() if e.type == "Policy"}, \
        [(e.name, e.type) for e in out.entities.values()]


def test_a_measure_brought_down_on_someone_in_the_passive_targets_them_and_they_impose_nothing(ex):
    got, _ = run(ex, "Chilean exporters were subjected to countervailing duties in 2019.")
    assert ("countervailing duties", "TARGETS", "Chile") in got, got
    got, _ = run(ex, "Chilean copper was hit with Section 232 tariffs in 2018.")
    assert ("Section 232 tariffs", "TARGETS", "copper") in got, got
    assert not any(p == "IMPOSES" for s, p, o in got), got


def test_a_measure_brought_down_on_someone_targets_them_and_is_the_doers(ex):
    got, _ = run(ex, "Peru slapped Chile with retaliatory tariffs in 2019.")
    assert any(p == "TARGETS" and o == "Chile" for s, p, o in got), got
    assert any(s == "Peru" and p == "IMPOSES" for s, p, o in got), got


def test_where_goods_are_shipped_is_no_target_of_a_tariff_on_them(ex):
    got, _ = run(ex, "Chilean miners face tariffs on copper shipped to Peru.")
    assert not any(p == "TARGETS" and o == "Peru" for s, p, o in got), got


def test_a_firm_named_for_its_market_opening_a_sentence_is_a_firm(ex):
    got, _ = run(ex, "Velkor America, the U.S. subsidiary of Velkor Group, will run the plant.")
    assert ("Velkor America", "LOCATED_IN", "United States") in got, got
    assert ("Velkor Group", "INVESTS_IN", "Velkor America") in got, got


def test_a_word_opening_a_sentence_before_a_country_leaves_it_the_country(ex):
    _, out = run(ex, "Today America faces a choice on tariffs.")
    assert "United States" in {e.name for e in out.entities.values()}


def test_talks_with_an_official_are_talks_with_the_country_they_stand_for(ex):
    got, _ = run(ex, "Trade Minister Yeo Han-koo held talks with U.S. Trade Representative Jamieson Greer.")
    assert ("South Korea", "NEGOTIATES", "United States") in got, got


def test_a_body_consulting_its_own_leader_negotiates_nothing(ex):
    got, _ = run(ex, "The tariffs were initiated by the Commerce Department after consultations with Trump.")
    assert not any(p == "NEGOTIATES" for s, p, o in got), got


def test_a_definite_description_may_name_a_measure_with_another_word_of_its_kind(ex):
    got, out = run(ex, "Peru imposed export restrictions on three minerals in July 2019. "
                       "The export controls hit Velkor Corp. hard.")
    policies = [e for e in out.entities.values() if e.type == "Policy"]
    assert len(policies) == 1, [e.name for e in policies]
    assert ("Peru", "IMPOSES", policies[0].name) in got and (policies[0].name, "TARGETS", "Velkor") in got, got


def test_new_measures_of_the_same_kind_are_others(ex):
    _, out = run(ex, "Peru imposed export restrictions on three minerals in July 2019. "
                     "In 2021 Chile announced new export controls on lithium.")
    assert len([e for e in out.entities.values() if e.type == "Policy"]) == 2


def test_money_put_into_a_countrys_projects_goes_to_the_country(ex):
    got, _ = run(ex, "Chile will invest $350 billion in Peruvian projects, including $150 billion for mining.")
    assert got.get(("Chile", "INVESTS_IN", "Peru"), {}).get("amount_usd") == 350e9, got
    assert not any(s == "Peru" and p == "INVESTS_IN" for s, p, o in got), got


def test_buying_a_countrys_goods_is_its_export_even_where_the_parser_splits_them(ex):
    got, _ = run(ex, "Chile will purchase $100 billion of U.S. liquefied natural gas over three years.")
    assert got.get(("United States", "EXPORTS_TO", "Chile"), {}).get("amount_usd") == 100e9, got


@pytest.mark.parametrize("text, firm", [
    ("Velkor Corp. acquired Tarnby Shipyard Inc. in Oregon in 2024 for $100 million.", "Tarnby Shipyard"),
    ("Hanwha Ocean acquired Philly Shipyard in Pennsylvania in December 2024 for $100 million.",
     "Hanwha Philly Shipyard"),
])
def test_a_facility_word_in_a_firms_name_is_no_facility_of_its_own(ex, text, firm):
    got, out = run(ex, text)
    assert firm in {e.name for e in out.entities.values() if e.type == "Firm"}, [(e.name, e.type) for e in out.entities.values()]
    assert not any(s == firm and p == "INVESTS_IN" for s, p, o in got), got


def test_a_historic_agreement_is_no_name(ex):
    _, out = run(ex, "Chile and Peru signed a Historic Trade Agreement in 2019.")
    assert not any("Historic" in e.name for e in out.entities.values()), [e.name for e in out.entities.values()]


def test_a_firms_first_word_alone_is_the_firm_the_document_named_in_full(ex):
    got, out = run(ex, "Velmora Semiconductor Inc. signed the terms in May. "
                       "Velmora, a subsidiary of Korvell Group, plans to invest $2 billion in Arizona.")
    assert [e.name for e in out.entities.values() if e.type == "Firm" and e.name.startswith("Velmora")] == \
        ["Velmora Semiconductor"]
    assert ("Velmora Semiconductor", "INVESTS_IN", "Arizona") in got, got


def test_what_a_relative_clause_below_an_investment_creates_is_not_invested_in(ex):
    got, _ = run(ex, "Velkor Corp. plans to invest $2 billion in the project, which is expected to create "
                     "1,200 construction jobs and 800 manufacturing jobs.")
    assert not any(s == "Velkor" and p == "INVESTS_IN" for s, p, o in got), got


def test_closing_a_joint_site_in_response_to_an_act_answers_it_and_invests_nowhere(ex):
    got, _ = run(ex, "In 2016, Chile closed the Andes Industrial Complex in response to a Peruvian missile test.")
    assert got.get(("Chile", "RETALIATES_AGAINST", "Peru"), {}).get("year") == 2016, got
    assert not any(p == "INVESTS_IN" for s, p, o in got), got


def test_what_an_answered_measure_is_on_is_no_target_of_the_answer(ex):
    got, _ = run(ex, "Chile imposed tariffs on Peruvian wine in 2019 in response to Peru's duties on copper.")
    assert not any(s.startswith("Chilean") and p == "TARGETS" and o == "copper" for s, p, o in got), got


@pytest.mark.parametrize("text", [
    "Under the Andes Pact, Chile will cut tariffs on Peruvian wine.",
    "Chile and Peru are treaty allies under the 1961 Andes Pact.",
])
def test_a_country_acting_under_a_pact_is_its_party(ex, text):
    got, _ = run(ex, text)
    assert ("Chile", "PARTY_TO", "Andes Pact") in got, got


def test_a_country_that_only_could_act_under_a_pact_is_no_party(ex):
    got, _ = run(ex, "Under the Andes Pact, Chile could cut tariffs on Peruvian wine.")
    assert ("Chile", "PARTY_TO", "Andes Pact") not in got, got


def test_a_government_designating_someone_imposes_a_designation_that_targets_them(ex):
    got, _ = run(ex, "The Peruvian Ministry of Finance designated Velkor Corp. a sanctioned entity in 2024.")
    designation = next((o for s, p, o in got if p == "IMPOSES"), None)
    assert designation and (designation, "TARGETS", "Velkor") in got, got


def test_a_firm_designating_a_site_imposes_nothing(ex):
    got, _ = run(ex, "Velkor Corp. designated Ohio as the site of its new plant.")
    assert not any(p in ("IMPOSES", "TARGETS") for s, p, o in got), got


@pytest.mark.parametrize("text, target", [
    ("Peru expelled four Chilean diplomats in 2019.", "Chile"),
    ("The Peruvian Ministry of Justice indicted three Chilean hackers in 2021.", "Chile"),
])
def test_more_acts_of_government_are_measures(ex, text, target):
    got, _ = run(ex, text)
    measure = next((o for s, p, o in got if p == "IMPOSES"), None)
    assert measure and (measure, "TARGETS", target) in got, got


def test_a_joint_declaration_issued_by_two_governments_is_a_pact_they_sign(ex):
    got, _ = run(ex, "Chile and Peru issued the Lima Declaration in April 2023.")
    assert got.get(("Chile", "SIGNS", "Lima Declaration"), {}).get("year") == 2023, got
    assert ("Peru", "SIGNS", "Lima Declaration") in got, got


def test_a_government_deploying_forces_takes_a_measure_against_whom_they_face(ex):
    got, _ = run(ex, "Chile deployed troops to the Peruvian border in 2019.")
    measure = next((o for s, p, o in got if s == "Chile" and p == "IMPOSES"), None)
    assert measure and (measure, "TARGETS", "Peru") in got, got


def test_a_firm_deploying_money_invests_and_takes_no_measure(ex):
    got, _ = run(ex, "Velkor Corp. will deploy $2 billion in Ohio.")
    assert ("Velkor", "INVESTS_IN", "Ohio") in got and not any(p == "IMPOSES" for s, p, o in got), got


@pytest.mark.parametrize("text", [
    "Korvell Group is the majority owner of Velkor Corp.",
    "Velkor Corp., whose largest shareholder is Korvell Group, builds ships.",
])
def test_an_owner_or_shareholder_invests_in_what_it_holds(ex, text):
    got, _ = run(ex, text)
    assert ("Korvell Group", "INVESTS_IN", "Velkor") in got, got


def test_wanting_to_become_a_shareholder_is_no_investment(ex):
    got, _ = run(ex, "Velkor Corp. wants to become a shareholder of Korvell Inc.")
    assert not any(p == "INVESTS_IN" for s, p, o in got), got


@pytest.mark.parametrize("text, giver", [
    ("In 2024, Velkor Corp. won a contract from the Peruvian Navy to repair a supply ship.", "Peruvian Navy"),
    ("Velkor Corp. secured a $1 billion order from Korvell Inc. for six container ships.", "Korvell"),
])
def test_winning_a_contract_or_an_order_from_someone_makes_partners(ex, text, giver):
    got, _ = run(ex, text)
    assert any({s, o} == {"Velkor", giver} and p == "PARTNERS_WITH" for s, p, o in got), got


@pytest.mark.parametrize("text", [
    "Velkor Corp. (formerly Tarnby Marine) builds ships. Tarnby Marine was founded in 1973.",
    "Velkor Corp., previously known as Tarnby Marine, builds ships. Tarnby Marine was founded in 1973.",
])
def test_a_former_name_is_the_same_entity(ex, text):
    _, out = run(ex, text)
    firms = [e for e in out.entities.values() if e.type == "Firm"]
    assert [e.name for e in firms] == ["Velkor"] and "Tarnby Marine" in firms[0].aliases, \
        [(e.name, e.aliases) for e in firms]


def test_the_company_is_the_firm_named_as_an_actor_not_one_in_a_side_phrase(ex):
    got, _ = run(ex, "Velkor Corp. was founded in 1973. In 2000, it was spun off from Korvell Inc. "
                     "In 2023, Texla Inc. acquired a 49 percent stake in the company.")
    assert ("Texla", "INVESTS_IN", "Velkor") in got, got


def test_an_office_acts_for_its_department_once_the_department_has_a_short_name(ex):
    got, _ = run(ex, "DEPARTMENT OF COMMERCE\n\nOn July 1, 2025, the Secretary of Commerce initiated an investigation "
                     "to determine the effects of imports of polysilicon.")
    assert any(s == "Department of Commerce" and p == "IMPOSES" for s, p, o in got), got


def test_a_measure_described_by_what_it_does_is_the_one_the_document_names_by_title(ex):
    got, out = run(ex, "Notice on the Section 232 National Security Investigation of Imports of Copper\n\n"
                       "On July 1, 2025, the Peruvian Ministry of Trade initiated an investigation to determine the "
                       "effects on the national security of imports of copper.")
    policies = [e.name for e in out.entities.values() if e.type == "Policy"]
    assert policies == ["Section 232 National Security Investigation"], policies
    assert ("Peruvian Ministry of Trade", "IMPOSES", policies[0]) in got, got


def test_an_investigation_of_other_goods_is_another(ex):
    _, out = run(ex, "Notice on the Section 232 National Security Investigation of Imports of Copper\n\n"
                     "In 2019, the Peruvian Ministry of Trade initiated an investigation to determine the effects "
                     "of imports of timber.")
    assert len([e for e in out.entities.values() if e.type == "Policy"]) == 2


def test_a_government_removing_a_country_from_a_list_takes_a_measure_against_it(ex):
    got, _ = run(ex, "In May, Chile removed Peru from its green list of trusted trading partners.")
    measure = next((o for s, p, o in got if s == "Chile" and p == "IMPOSES"), None)
    assert measure and "green list removal" in measure and (measure, "TARGETS", "Peru") in got, got


def test_removing_a_list_in_answer_is_retaliation(ex):
    got, _ = run(ex, "Chile removed Peru from its green list in May. "
                     "Peru responded by removing Chile from its own list of trusted trading partners.")
    assert ("Peru", "RETALIATES_AGAINST", "Chile") in got, got


def test_removing_tariffs_takes_no_measure(ex):
    got, _ = run(ex, "Chile removed tariffs on Peruvian wine in 2018.")
    assert not any(p == "IMPOSES" for s, p, o in got), got


def test_it_after_a_sentences_opening_phrase_is_what_the_sentence_before_was_about(ex):
    got, _ = run(ex, "Velkor Corp. opened a plant in Texas in 2004. In 2016, it invested $2 billion in Ohio.")
    assert got.get(("Velkor", "INVESTS_IN", "Ohio"), {}).get("amount_usd") == 2e9, got


def test_a_firm_appointing_someone_to_an_office_gives_them_its_own(ex):
    got, _ = run(ex, "Velkor Corp. appointed Jane Morrow as president in 2022.")
    assert ("Jane Morrow", "LEADS", "Velkor") in got, got


@pytest.mark.parametrize("text", [
    "Most of Chile's natural gas comes from Peru and Bolivia.",
    "Chile's copper imports come mainly from Peru.",
])
def test_where_a_countrys_goods_come_from_exports_to_it(ex, text):
    got, _ = run(ex, text)
    assert ("Peru", "EXPORTS_TO", "Chile") in got, got


def test_charging_a_tariff_imposes_it(ex):
    got, _ = run(ex, "Since 2019, Peru has charged a 25 percent tariff on Chilean wine.")
    assert any(s == "Peru" and p == "IMPOSES" for s, p, o in got), got


def test_a_kind_of_facility_its_owner_has_is_one_and_where_it_is_set_off_before_it(ex):
    got, out = run(ex, "Velkor Corp. will expand its Montgomery, Alabama, engine plant.")
    plants = [e.name for e in out.entities.values() if e.type == "Facility"]
    assert plants == ["Velkor engine plant"], plants
    assert ("Velkor engine plant", "LOCATED_IN", "Alabama") in got, got


def test_facilities_no_word_tells_apart_are_none(ex):
    _, out = run(ex, "Velkor Corp. upgraded its facilities.")
    assert not any(e.type == "Facility" for e in out.entities.values())


@pytest.mark.parametrize("text, name", [
    ("Peru launched the Andean Shipbuilding Growth Fund in 2025.", "Andean Shipbuilding Growth Fund"),
    ("Chile launched Operation Copper Shield in 2020.", "Operation Copper Shield"),
    ("Peru proposed the Andean Stability Mechanism.", "Andean Stability Mechanism"),
])
def test_a_governments_named_fund_operation_or_mechanism_is_a_measure(ex, text, name):
    _, out = run(ex, text)
    assert name in {e.name for e in out.entities.values() if e.type == "Policy"}, \
        [(e.name, e.type) for e in out.entities.values()]


@pytest.mark.parametrize("text", [
    "Chile will recognize Peruvian safety standards for auto parts.",
    "Peruvian cars may enter Chile using Peruvian safety standards.",
    "Chile is taking into account Peruvian environmental standards.",
])
def test_a_countrys_standards_another_recognises_or_uses_impose_nothing(ex, text):
    got, _ = run(ex, text)
    assert not any(s == "Peru" and p == "IMPOSES" for s, p, o in got), got


def test_a_countrys_standards_others_must_meet_are_imposed(ex):
    got, _ = run(ex, "Chile will help Peruvian producers meet Chilean emissions standards.")
    assert any(s == "Chile" and p == "IMPOSES" for s, p, o in got), got


@pytest.mark.parametrize("text, measure", [
    ("In 2031, Chile imposed tariffs under Section 301 on imports from Peru.", "Section 301 tariffs"),
    ("Chile imposed duties under Section 201 of the Trade Act on Peruvian copper.", "Section 201 duties"),
])
def test_a_measure_taken_under_a_section_is_named_by_it_and_the_statute_targets_nothing(ex, text, measure):
    got, _ = run(ex, text)
    assert ("Chile", "IMPOSES", measure) in got, got
    assert (measure, "TARGETS", "Peru") in got
    assert not any(p == "TARGETS" and s.startswith(("Section", "Trade Act")) and s != measure
                   for s, p, o in got), got


@pytest.mark.parametrize("text", [
    "Chile raised tariffs on $18 billion of imports from Peru.",
    "Chile imposed tariffs on $200 billion worth of Peruvian goods.",
])
def test_a_measure_on_a_sum_of_goods_is_named_by_the_goods(ex, text):
    _, out = run(ex, text)
    names = {e.name for e in out.entities.values() if e.type == "Policy"}
    assert names and not any("$" in n or "billion" in n for n in names), names


def test_a_hyphenated_length_is_no_part_of_a_measures_name(ex):
    _, out = run(ex, "The action follows a four-year review of the copper tariffs.")
    assert not any(e.name.lower().startswith("year") for e in out.entities.values()), out.entities


@pytest.mark.parametrize("text", [
    "Chile announced a phase-out of tariffs on Peruvian copper.",
    "Chile began the lifting of tariffs on Peruvian copper.",
    "Chile announced the elimination of duties on Peruvian copper.",
])
def test_undoing_a_measure_is_not_imposing_it(ex, text):
    got, _ = run(ex, text)
    assert not any(s == "Chile" and p == "IMPOSES" and ("tariff" in o or "dut" in o) for s, p, o in got), got


@pytest.mark.parametrize("text", [
    "In 2031, Chile imposed sanctions on the network.",
    "Peru imposed a travel ban on officials of the regime.",
])
def test_who_a_measure_is_on_is_no_goods(ex, text):
    _, out = run(ex, text)
    assert not any(e.type == "Sector" for e in out.entities.values()), out.entities


def test_a_measure_on_someone_is_named_without_what_describes_them(ex):
    got, out = run(ex, "Chile designated Daniel Torres, a Peruvian national who manages accounts for the network.")
    names = [e.name for e in out.entities.values() if e.type == "Policy"]
    assert names == ["Chilean designation of Daniel Torres"], names
    assert not any(p == "TARGETS" and o == "Peru" for _, p, o in got), got  # who she is, not whom it targets


def test_a_country_before_a_facility_is_not_its_owner(ex):
    got, _ = run(ex, "In 2031, Velkor Corp. will build a U.S. battery plant.")
    assert not any(s == "United States" and p == "INVESTS_IN" for s, p, o in got), got


@pytest.mark.parametrize("text", [
    "Chile's Senate ratified the Andes Defense Treaty in 2031.",
    "The Andes Defense Treaty was ratified by the Chilean Senate in 2031.",
])
def test_a_countrys_parliament_ratifies_for_the_country(ex, text):
    got, _ = run(ex, text)
    assert ("Chile", "RATIFIES", "Andes Defense Treaty") in got, got


def test_an_ambiguous_body_of_another_country_is_not_the_gazetteers(ex):
    got, out = run(ex, "The Andes Defense Treaty was ratified by the Senate of Chile in 2031.")
    assert not any(e.name == "U.S. Senate" for e in out.entities.values()), out.entities


def test_a_stake_bought_from_a_seller_is_the_buyers_investment(ex):
    got, _ = run(ex, "In 2031, Korvell Corp. acquired a 55.7% stake in Texla Inc. from the Andes Development Bank "
                     "for $1.8 billion.")
    fact = got[("Korvell", "INVESTS_IN", "Texla")]
    assert fact["amount_usd"] == 1.8e9 and fact["year"] == 2031


@pytest.mark.parametrize("text, bound", [
    ("Chile and Peru are bound by the 2031 Andes Defense Treaty.", True),
    ("Chile is not bound by the Andes Defense Treaty.", False),
    ("Chile would be bound by the Andes Defense Treaty.", False),
])
def test_who_a_pact_binds_is_its_party(ex, text, bound):
    got, _ = run(ex, text)
    assert (("Chile", "PARTY_TO", "Andes Defense Treaty") in got) == bound, got


def test_the_series_abbreviation_after_one_instance_stands_for_the_instance(ex):
    got, out = run(ex, "In 2031, Chile and Peru concluded the 11th Special Measures Agreement (SMA). Peru's Congress "
                       "ratified the agreement in September 2031.")
    assert ("Peru", "RATIFIES", "11th SMA") in got, got
    assert not any(e.name == "SMA" for e in out.entities.values())  # not the series


@pytest.mark.parametrize("text, person, org", [
    ("President Maria Soto of Chile met with Peruvian President Luis Vega in Lima.", "Maria Soto", "Chile"),
    ("CEO John Reyes of Velkor Corp. spoke in Ohio in 2031.", "John Reyes", "Velkor"),
])
def test_a_title_before_a_name_and_of_after_it_names_what_they_lead(ex, text, person, org):
    got, _ = run(ex, text)
    assert (person, "LEADS", org) in got, got


@pytest.mark.parametrize("text, withdrew", [
    ("Chile pulled out of the Andes Trade Accord in 2031.", True),
    ("In 2031, Chile walked away from the Andes Trade Accord.", True),
    ("Chile did not pull out of the Andes Trade Accord.", False),
])
def test_a_phrasal_verb_whose_particle_the_parser_reads_as_a_preposition(ex, text, withdrew):
    got, _ = run(ex, text)
    assert (("Chile", "WITHDRAWS_FROM", "Andes Trade Accord") in got) == withdrew, got


def test_talks_on_an_agreement_between_two_countries_are_negotiation_not_parties(ex):
    got, _ = run(ex, "Talks on the Andes Trade Accord between Chile and Peru stalled in 2031.")
    assert ("Chile", "NEGOTIATES", "Andes Trade Accord") in got, got
    assert ("Chile", "PARTY_TO", "Andes Trade Accord") not in got


@pytest.mark.parametrize("text", [
    "Negotiators from Chile and Peru met in Lima to discuss the Andes Trade Accord.",
    "Officials from Chile and Peru discussed the Andes Trade Accord in 2031.",
])
def test_officials_from_countries_act_for_them(ex, text):
    got, _ = run(ex, text)
    assert ("Chile", "NEGOTIATES", "Andes Trade Accord") in got, got
    assert ("Peru", "NEGOTIATES", "Andes Trade Accord") in got


@pytest.mark.parametrize("text", [
    "The tariffs that Chile imposed on Peruvian wine took effect in March 2031.",
    "The duties, which Chile levied in 2031 on Peruvian wine, were lifted.",
])
def test_a_measure_is_on_what_its_relative_clause_of_imposing_names(ex, text):
    got, _ = run(ex, text)
    assert any(p == "TARGETS" and o == "Peru" and s.startswith("Chilean") for s, p, o in got), got


def test_the_title_of_a_numbered_instrument_names_nothing_of_its_own(ex):
    got, out = run(ex, "In 2031, the President signed Executive Order 14999 on Protecting Chilean Investments in "
                       "Certain Advanced Battery Technologies.")
    assert {e.type for e in out.entities.values()} <= {"Policy", "Country", "Person"}, out.entities
    order = next(e for e in out.entities.values() if e.name == "Executive Order 14999")
    assert any("Certain Advanced Battery Technologies" in a for a in order.aliases)


@pytest.mark.parametrize("text", [
    "Peru vowed to retaliate against Chile.",
    "Peru threatened to retaliate against Chile.",
])
def test_a_threat_to_retaliate_is_no_retaliation(ex, text):
    got, _ = run(ex, text)
    assert not any(p == "RETALIATES_AGAINST" for _, p, _ in got), got


def test_a_facility_near_a_town_stands_in_its_state(ex):
    got, _ = run(ex, "In 2031, Velkor Corp. broke ground on a $4 billion plant near Phoenix, Arizona.")
    assert got[("Velkor", "INVESTS_IN", "Arizona")]["amount_usd"] == 4e9
    assert any(p == "LOCATED_IN" and o == "Arizona" for s, p, o in got)


@pytest.mark.parametrize("text, country", [
    ("In 2031, Velkor Corp. committed to invest $4 billion in U.S. manufacturing.", "United States"),
    ("In 2031, Texla Inc. invested $2 billion in Korean shipbuilding.", "South Korea"),
])
def test_money_put_in_a_countrys_industry_is_put_in_the_country(ex, text, country):
    got, _ = run(ex, text)
    assert any(p == "INVESTS_IN" and o == country for s, p, o in got), got


def test_a_measure_on_a_flow_of_goods_is_named_with_the_goods(ex):
    _, out = run(ex, "In 2031, Peru maintained a ban on imports of Chilean beef older than 30 months.")
    assert "Peruvian ban on imports of Chilean beef" in {e.name for e in out.entities.values()}, out.entities


@pytest.mark.parametrize("text", [
    "In 2031, Chile tightened investment screening for Peruvian buyers.",
    "In 2031, Chile imposed investment restrictions on Peruvian firms.",
])
def test_investment_that_names_a_measure_is_no_investment(ex, text):
    got, _ = run(ex, text)
    assert not any(p == "INVESTS_IN" for _, p, _ in got), got
    assert any(s == "Chile" and p == "IMPOSES" for s, p, _ in got), got


@pytest.mark.parametrize("text, allied", [
    ("Chile is a treaty ally of Peru.", True),
    ("Chile is a key Peruvian ally.", True),
    ("Chile and Peru have been allies since 2031.", True),
    ("Chile is not an ally of Peru.", False),
])
def test_allies_cooperate(ex, text, allied):
    got, _ = run(ex, text)
    assert (("Chile", "COOPERATES_WITH", "Peru") in got or ("Peru", "COOPERATES_WITH", "Chile") in got) == allied, got


@pytest.mark.parametrize("text, body", [
    ("In 2031, the DFC approved a loan to Velkor Corp.", "U.S. International Development Finance Corporation"),
    ("In 2031, NIST published new standards for chips.", "National Institute of Standards and Technology"),
    ("The ITC found that imports of washers injured U.S. producers.", "U.S. International Trade Commission"),
])
def test_common_abbreviations_of_us_agencies_are_known(ex, text, body):
    _, out = run(ex, text)
    assert body in {e.name for e in out.entities.values()}, out.entities


def test_another_countrys_ministry_of_environment_is_not_koreas(ex):
    _, out = run(ex, "In 2031, Norway's Ministry of Environment approved the Velkor Corp. battery plant.")
    assert "governmentbody/ministry-of-environment" not in out.entities


def test_a_sum_announced_in_investments_is_the_announcers_investment(ex):
    got, _ = run(ex, "In 2031, Velkor Corp. announced $100 million in new investments in Ohio.")
    assert got[("Velkor", "INVESTS_IN", "Ohio")]["amount_usd"] == 1e8, got


def test_an_answer_by_a_group_of_measures_is_against_whom_its_examples_target(ex):
    got, _ = run(ex, "Peru, which is Chile's largest trading partner, responded to the deployment with a range of "
                     "informal measures, including restrictions on group tours to Chile and a boycott of Chilean wine.")
    assert ("Peru", "RETALIATES_AGAINST", "Chile") in got, got


@pytest.mark.parametrize("text", [
    "Velkor Corp.'s construction of a new plant in Austin, Texas, began in 2031.",
    "The proposed award would support Velkor Corp.'s construction of a new plant in Austin, Texas.",
])
def test_whose_construction_of_a_facility_is_whose_facility(ex, text):
    got, _ = run(ex, text)
    assert ("Velkor", "INVESTS_IN", "Texas") in got, got


@pytest.mark.parametrize("text, sold", [
    ("In 2031, Chile supplied Peru with copper and lithium.", True),
    ("Chile does not supply Peru with copper.", False),
])
def test_a_country_supplied_is_sold_to(ex, text, sold):
    got, _ = run(ex, text)
    assert (("Chile", "EXPORTS_TO", "Peru") in got) == sold, got


@pytest.mark.parametrize("text, owner, owned", [
    ("BlueRidge Cells, LLC was a battery joint venture between Velkor Corp. and Texla Inc.", "Texla", "BlueRidge Cells"),
    ("Velkor-Texla Batteries, a joint venture of Velkor Corp. and Texla Inc., opened in 2031.", "Velkor",
     "Velkor-Texla Batteries"),
    ("In 2031, Velkor Corp. owned 51 percent of Texla Inc.", "Velkor", "Texla"),
])
def test_owners_of_a_firm_invest_in_it(ex, text, owner, owned):
    got, _ = run(ex, text)
    assert (owner, "INVESTS_IN", owned) in got, got


def test_not_owning_a_firm_is_no_investment(ex):
    got, _ = run(ex, "Velkor Corp. does not own Texla Inc.")
    assert ("Velkor", "INVESTS_IN", "Texla") not in got, got


@pytest.mark.parametrize("text", [
    "In 2031, Peru was exempted from Chile's steel tariffs.",
    "Peru received an exemption from the Chilean steel tariffs in 2031.",
])
def test_who_imposes_a_measure_exempts_from_it(ex, text):
    got, _ = run(ex, text)
    assert ("Chilean steel tariffs", "EXEMPTS", "Peru") in got, got
    assert ("Chile", "EXEMPTS", "Peru") in got


def test_a_measure_under_a_statute_is_its_states_to_exempt_from(ex):
    # (no imposer in the document: the gazetteer knows whose statute Section 301 is, the text says who is exempt)
    got, _ = run(ex, "The United States and Peru held talks in 2030. In 2031, the president extended exemptions "
                     "from the Section 301 tariffs to Peru and Bolivia.")
    assert ("United States", "EXEMPTS", "Peru") in got, got
    assert ("United States", "EXEMPTS", "Bolivia") in got, got


def test_a_measure_a_statute_authorizes_is_its_states_to_exempt_from(ex):
    got, _ = run(ex, "The United States and Peru held talks in 2030. The Trade Act of 1974 authorizes safeguard "
                     "duties on copper. Peru was exempted from the copper duties in 2031.")
    assert ("United States", "EXEMPTS", "Peru") in got, got


@pytest.mark.parametrize("text", [
    "Peru was exempted from the Section 301 tariffs in 2031.",  # (the statute's state is not named)
    "China and the United States met in 2030. Peru was exempted from the copper tariffs in 2031.",  # (no statute)
])
def test_no_state_exempts_from_a_measure_it_is_not_known_to_own(ex, text):
    got, _ = run(ex, text)
    assert not [k for k in got if k[1] == "EXEMPTS" and k[0] in ("United States", "China")], got


def test_an_exemption_granted_exempts_whom_it_is_granted_to_not_the_granter(ex):
    got, _ = run(ex, "Chile granted Peru a permanent exemption from the Chilean steel tariffs in 2031.")
    assert ("Chilean steel tariffs", "EXEMPTS", "Peru") in got, got
    assert not any(p == "EXEMPTS" and o == "Chile" for _, p, o in got), got


def test_a_section_after_what_a_measure_is_on_names_the_measure(ex):
    got, _ = run(ex, "In March 2031, Chile imposed tariffs of 25 percent on copper imports under Section 88 of the "
                     "Andes Trade Act.")
    assert any(s == "Chile" and p == "IMPOSES" and o.startswith("Section 88") for s, p, o in got), got


def test_the_measure_named_by_what_it_is_on_refers_back(ex):
    got, out = run(ex, "In March 2031, Chile imposed tariffs of 25 percent on copper imports. Peru negotiated a "
                       "permanent exemption from the copper tariffs in exchange for a quota.")
    tariffs = [e for e in out.entities.values() if e.type == "Policy" and "tariffs" in e.name]
    assert len(tariffs) == 1, [e.name for e in tariffs]
    assert (tariffs[0].name, "EXEMPTS", "Peru") in got, got


def test_who_imposed_a_measure_named_before_exempts_from_it(ex):
    got, _ = run(ex, "In March 2031, Chile imposed tariffs of 25 percent on copper imports. Peru negotiated a "
                     "permanent exemption from the copper tariffs in exchange for a quota.")
    assert ("Chile", "EXEMPTS", "Peru") in got, got


@pytest.mark.parametrize("text", [
    "Peru's National Congress approved the Andes Trade Accord in 2032.",
    "In 2032, the National People's Congress approved the Andes Trade Accord.",
])
def test_another_bodys_longer_name_is_not_the_gazetteers_one_word_body(ex, text):
    _, out = run(ex, text)
    assert "governmentbody/congress" not in out.entities, out.entities


def test_a_parliament_named_after_its_nation_ratifies_for_the_country(ex):
    got, _ = run(ex, "Peru's National Congress approved the Andes Trade Accord in 2032.")
    assert ("Peru", "RATIFIES", "Andes Trade Accord") in got, got


@pytest.mark.parametrize("text, exports", [
    ("In 2031, Chile imposed anti-dumping duties on washers from Peru.", True),
    ("In 2031, Chile imposed anti-dumping duties on Peruvian washers.", False),  # (whose goods, not where from)
])
def test_goods_from_a_country_under_anothers_measure_are_its_exports_there(ex, text, exports):
    got, _ = run(ex, text)
    assert (("Peru", "EXPORTS_TO", "Chile") in got) == exports, got


@pytest.mark.parametrize("text, invested", [
    ("In 2031, most Chilean investment in the United States went to Texas.", True),
    ("In 2031, Chilean investment in the United States did not go to Texas.", False),
])
def test_where_investment_is_said_to_go_it_is_made(ex, text, invested):
    got, _ = run(ex, text)
    assert (("Chile", "INVESTS_IN", "Texas") in got) == invested, got


def test_a_countrys_measure_named_by_its_owner_alone_is_an_entity(ex):
    got, _ = run(ex, "In 2031, Chile's tariffs hurt Peruvian exporters.")
    assert ("Chile", "IMPOSES", "Chilean tariffs") in got, got


def test_a_countrys_measure_named_by_its_owner_alone_refers_back_to_its_own(ex):
    _, out = run(ex, "Peru imposed tariffs on Chilean wine in 2031. Chile imposed tariffs on Peruvian steel in 2031. "
                     "Chile's tariffs hurt Peruvian exporters.")
    names = sorted(e.name for e in out.entities.values() if e.type == "Policy")
    assert names == ["Chilean tariffs on Peruvian steel", "Peruvian tariffs on Chilean wine"], names


@pytest.mark.parametrize("text, measure", [
    ("In 2031, Chile signed a proclamation imposing 25 percent tariffs on steel imports from Peru.",
     "Chilean tariffs on steel imports"),
    ("In 2031, Chile issued an order placing duties on Peruvian copper.", "Chilean duties on Peruvian copper"),
])
def test_who_imposes_an_instrument_imposes_what_it_imposes(ex, text, measure):
    got, _ = run(ex, text)
    assert ("Chile", "IMPOSES", measure) in got, got


def test_a_known_name_with_its_abbreviation_set_inside_is_the_whole_title(ex):
    # CRS style: the acronym in brackets inside the title, before its last word
    got, _ = run(ex, "In 2019, Canada and Mexico opened talks on modifications to the United States-Mexico-Canada "
                     "(USMCA) Agreement.")
    assert ("Canada", "NEGOTIATES", "USMCA amendments") in got
    assert ("USMCA amendments", "AMENDS", "USMCA") in got


def test_a_new_name_with_its_abbreviation_set_inside_is_named_without_it(ex):
    got, out = run(ex, "Chile and Peru signed the Chile-Peru (CPFTA) Free Trade Agreement in 2006. Bolivia later "
                       "joined the CPFTA.")
    assert ("Chile", "SIGNS", "Chile-Peru Free Trade Agreement") in got
    assert ("Bolivia", "PARTY_TO", "Chile-Peru Free Trade Agreement") in got
    assert "Chile-Peru (CPFTA) Free Trade Agreement" in next(
        e.aliases for e in out.entities.values() if e.name == "Chile-Peru Free Trade Agreement")


@pytest.mark.parametrize("text", [
    "Velkor Motors is a Chilean carmaker. The Chilean auto giant announced a $2 billion investment in Texas.",
    "Velkor Motors opened a plant in Peru. The Chilean automaker will invest $2 billion in Texas.",
])
def test_a_firm_described_by_nationality_and_trade_is_the_firm_not_the_country(ex, text):
    got, _ = run(ex, text)
    assert ("Velkor Motors", "INVESTS_IN", "Texas") in got
    assert ("Chile", "INVESTS_IN", "Texas") not in got


def test_a_firm_described_by_a_trade_is_not_one_whose_name_says_another(ex):
    got, _ = run(ex, "Velkor Motors and Korvell Steel signed a supply deal. The automaker is also building a "
                     "$3 billion plant in Ohio.")
    assert ("Velkor Motors", "INVESTS_IN", "Ohio") in got
    assert ("Korvell Steel", "INVESTS_IN", "Ohio") not in got


@pytest.mark.parametrize("text", [
    "Korvell Group is a Chilean steelmaker. Velkor Holdings, the solar panel manufacturer, employs 900 people in Ohio.",
    "Korvell Group is a Chilean steelmaker. Velkor Holdings (the solar panel manufacturer) employs 900 people in Ohio.",
])
def test_a_description_set_beside_a_name_is_that_firm_not_the_one_named_before(ex, text):
    got, _ = run(ex, text)
    assert ("Velkor Holdings", "OPERATES_IN", "solar energy") in got, got
    assert ("Korvell Group", "OPERATES_IN", "solar energy") not in got


def test_a_title_alone_is_no_firm(ex):
    got, out = run(ex, "The pledge, made during Executive Chairman Tarn Velmora’s visit to the White House on "
                       "Monday, is the firm’s largest investment in Chile.")
    assert "Executive" not in {e.name for e in out.entities.values()}


def test_a_person_is_no_leader_of_a_government_they_only_support(ex):
    got, _ = run(ex, "Velkor Motors Executive Chair Tarn Velmora is flying to Chile to support the Peruvian "
                     "government's tariff talks with Santiago.")
    assert ("Tarn Velmora", "LEADS", "Peru") not in got


def test_a_dateline_is_its_own_sentence():
    from policygraph.loaders.read.sentences import split_sentences
    text = "CARTERSVILLE, GA. — Velkor Solar has announced plans to invest $2.5 billion in a solar plant."
    assert [text[a:b] for a, b in split_sentences(text)][0] == "CARTERSVILLE, GA. —"
    assert len(split_sentences("The United States – Korea alliance is strong.")) == 1  # no dateline
    # (with its date between dashes, or a release's date and wire after the place)
    for text, line in [("Dalby, Ohio – Feb 22, 2024 – Velkor Solar has announced plans.", "Dalby, Ohio – Feb 22, 2024 –"),
                       ("LIMA, Peru, June 5, 2019 /PRNewswire/ -- Chile signed it.",
                        "LIMA, Peru, June 5, 2019 /PRNewswire/ --")]:
        assert [text[a:b] for a, b in split_sentences(text)][0] == line


def test_a_dateline_town_is_no_firm_and_is_in_its_state_later(ex):
    got, out = run(ex, "CARTERSVILLE, GA. — Velkor Solar has announced plans to invest $2.5 billion in a solar "
                       "plant in Cartersville.")
    assert ("Velkor Solar", "INVESTS_IN", "Georgia") in got
    assert not {"CARTERSVILLE", "Cartersville", "GA"} & {e.name for e in out.entities.values()}


@pytest.mark.parametrize("text, state", [
    ("Velkor Solar will build a plant in Dalton, Ga., the company said.", "Georgia"),
    ("Velkor Solar will build a plant in Austin, TX.", "Texas"),
])
def test_a_states_postal_abbreviation_after_a_town(ex, text, state):
    got, _ = run(ex, text)
    assert ("Velkor Solar", "INVESTS_IN", state) in got


def test_a_postal_abbreviation_that_is_a_word_is_no_state(ex):
    got, out = run(ex, "Velkor Solar, IN the end, won the order. IN 2020, Korvell built a plant.")
    assert "Indiana" not in {e.name for e in out.entities.values()}


def test_a_town_named_with_its_state_is_in_it_later(ex):
    got, _ = run(ex, "Velkor Solar opened a plant in Dalton, Georgia in 2019. Korvell Steel will build a "
                     "$300 million mill in Dalton.")
    assert ("Korvell Steel", "INVESTS_IN", "Georgia") in got
    got, _ = run(ex, "Velkor Solar opened a plant in Dalton, Georgia in 2019. Korvell Dalton signed a supply "
                     "contract with Velkor Solar.")  # a name holding the town's word is not the town
    assert not [k for k in got if k[2] == "Georgia" and not k[0].startswith("Velkor Solar")]


def test_money_put_across_or_throughout_a_state(ex):
    got, _ = run(ex, "Velkor Solar will invest $2.5 billion in plants across Georgia.")
    assert ("Velkor Solar", "INVESTS_IN", "Georgia") in got


@pytest.mark.parametrize("text, fact", [
    ("Chile prepares to implement tariffs on Peruvian steel.", ("Chile", "IMPOSES")),
    ("Chile is preparing to impose tariffs on Peruvian steel.", ("Chile", "IMPOSES")),
    ("Velkor Solar is looking to invest $2 billion in Texas.", ("Velkor Solar", "INVESTS_IN")),
    ("Chilean companies looking to invest in Texas met the governor.", ("Chile", "INVESTS_IN")),
])
def test_what_is_only_prepared_or_looked_for_is_no_fact(ex, text, fact):
    got, _ = run(ex, text)
    assert not [k for k in got if k[:2] == fact], got


def test_what_a_clause_inside_a_noun_phrase_states_is_a_fact(ex):
    got, _ = run(ex, "Chilean companies that invested in Texas met the governor.")
    assert ("Chile", "INVESTS_IN", "Texas") in got


@pytest.mark.parametrize("text", [
    "In 2019, Chile and Peru reached an agreement to amend the terms of the Andes Trade Accord.",
    "Chile and Peru reached an agreement in principle on amendments to be made to the Andes Trade Accord.",
])
def test_an_agreement_to_amend_a_pact_is_negotiation_of_its_amendments(ex, text):
    got, _ = run(ex, text)
    assert ("Chile", "NEGOTIATES", "Andes Trade Accord amendments") in got
    assert ("Andes Trade Accord amendments", "AMENDS", "Andes Trade Accord") in got


@pytest.mark.parametrize("text", [
    "Peru is exempt from the Chilean steel tariffs announced in March.",
    "Peru was exempted from Chile's recently announced steel tariffs.",
    "Chile exempted Peru from its steel tariffs in 2019.",
])
def test_who_is_exempt_from_a_measure_and_whose_measure_it_is(ex, text):
    got, _ = run(ex, text)
    assert ("Chile", "EXEMPTS", "Peru") in got, got
    assert [k for k in got if k[:2] == ("Chile", "IMPOSES")], got


def test_one_not_exempt_is_not_exempted(ex):
    got, _ = run(ex, "Peru is not exempt from the Chilean steel tariffs.")
    assert not [k for k in got if k[1] == "EXEMPTS"]


def test_a_document_one_writes_in_is_no_measure_of_its_own(ex):
    got, _ = run(ex, "The Chilean trade ministry argued in its 2019 Trade Policy Agenda that the pact had failed.")
    assert not [k for k in got if k[1] == "IMPOSES"], got


def test_a_name_said_to_be_an_affiliate_of_another_is_a_firm_and_so_is_the_other(ex):
    got, out = run(ex, "The Department awarded Velmora, an affiliate of the Chile-based Tarsk, up to $75 million in "
                       "direct funding.")
    types = {e.name: e.type for e in out.entities.values()}
    assert types.get("Velmora") == "Firm" and types.get("Tarsk") == "Firm", types
    assert ("Tarsk", "INVESTS_IN", "Velmora") in got


def test_a_bodys_kind_written_alone_is_the_body_named_last(ex):
    got, out = run(ex, "The Chilean Ministry of Mines opened an inquiry in May. The Ministry imposed duties on "
                       "Peruvian copper in June.")
    assert ("Chilean Ministry of Mines", "IMPOSES", "duties on Peruvian copper") in got, got
    assert "Ministry" not in {e.name for e in out.entities.values()}


@pytest.mark.parametrize("text", [
    "Velmora will build a 120,000 square-foot facility in Covington, Georgia.",
    "Velmora will build a 1.7-gigawatt solar plant in Dalton, Georgia.",
])
def test_a_facilitys_size_is_no_part_of_its_name(ex, text):
    _, out = run(ex, text)
    names = [e.name for e in out.entities.values() if e.type == "Facility"]
    assert names and not any(w in n for n in names for w in ("square", "foot", "gigawatt")), names


@pytest.mark.parametrize("text", [
    "Chile condemned Peru's ballistic missile programs in 2019.",
    "The Chilean nuclear program was expanded in 2019.",
])
def test_a_weapons_program_is_no_measure(ex, text):
    _, out = run(ex, text)
    assert not [e.name for e in out.entities.values() if e.type == "Policy"]


def test_an_incentive_program_is_a_measure(ex):
    _, out = run(ex, "Chile launched a $2 billion incentive program for battery makers.")
    assert [e.name for e in out.entities.values() if e.type == "Policy"]


@pytest.mark.parametrize("text", [
    "Velkor has taken a blow from the 25 percent tariffs imposed on all auto imports into Chile since April.",
    "The 25 percent tariffs on auto imports into Chile took effect in April.",
])
def test_a_measure_on_imports_into_a_country_is_that_countrys(ex, text):
    got, _ = run(ex, text)
    assert [k for k in got if k[:2] == ("Chile", "IMPOSES")], got


def test_a_named_owner_wins_over_the_importer(ex):
    got, _ = run(ex, "Peru's tariffs on imports of copper into Chile rose.")
    assert not [k for k in got if k[:2] == ("Chile", "IMPOSES")], got


@pytest.mark.parametrize("text, leads", [
    ("Gabriel Boric, the Chilean president, signed the pact.", "Chile"),
    ("Gabriel Boric, who became Chile's president in 2022, visited Lima.", "Chile"),
    ("Gabriel Boric was elected president of Chile in 2021.", "Chile"),
    ("Gabriel Boric was sworn in as the Chilean president in 2022.", "Chile"),
    ("Tarn Velmora was named chairman of Velkor Motors in 2020.", "Velkor Motors"),
])
def test_who_holds_or_takes_a_heads_office_leads(ex, text, leads):
    got, _ = run(ex, text)
    assert [k for k in got if k[1] == "LEADS" and k[2] == leads], got


@pytest.mark.parametrize("text", [
    "Gabriel Boric became a critic of Chile's president.",
    "Gabriel Boric, the Chilean president's adviser, signed the pact.",
])
def test_one_near_a_heads_title_does_not_lead(ex, text):
    got, _ = run(ex, text)
    assert not [k for k in got if k[1] == "LEADS"], got


@pytest.mark.parametrize("text, fact", [
    ("Chile is among the signatories of the Pacific Growth Pact.", ("Chile", "SIGNS", "Pacific Growth Pact")),
    ("Chile and Peru are among the parties to the Pacific Growth Pact.", ("Peru", "PARTY_TO", "Pacific Growth Pact")),
    ("Chile is among the largest investors in Texas.", ("Chile", "INVESTS_IN", "Texas")),
])
def test_among_the_holders_of_a_role_holds_it(ex, text, fact):
    got, _ = run(ex, text)
    assert fact in got, got


def test_a_measure_one_hits_something_with_is_on_it(ex):
    got, _ = run(ex, "Chile hit Peruvian copper with a 25 percent tariff in 2019.")
    assert ("Chile", "IMPOSES", "Chilean tariff on Peruvian copper") in got, got
    assert got[("Chile", "IMPOSES", "Chilean tariff on Peruvian copper")].get("year") == 2019


@pytest.mark.parametrize("text", [
    "Chile's military cooperation with Peru deepened in 2023.",
    "Chile's alliance with Peru is strong.",
    "Chile and Peru held joint naval exercises in March 2024.",
])
def test_cooperation_named_by_a_noun_with_its_owner_or_by_joint_exercises(ex, text):
    got, _ = run(ex, text)
    assert ("Chile", "COOPERATES_WITH", "Peru") in got or ("Peru", "COOPERATES_WITH", "Chile") in got, got


def test_a_kind_of_treaty_written_small_after_a_is_not_the_treaty_of_that_name(ex):
    got, _ = run(ex, "Peru and Chile signed a mutual defense treaty in 1953.")
    assert ("Chile", "SIGNS", "Mutual Defense Treaty") not in got
    assert [k for k in got if k[:2] == ("Chile", "SIGNS")], got


@pytest.mark.parametrize("text", [
    "Velkor Motors is a Chilean carmaker. Ohio will be home to Velkor Motors' new $2 billion plant.",
    "Velkor Motors is a Chilean carmaker. Velkor Motors announced Ohio as the site of its $2 billion plant.",
    "Velkor Motors is a Chilean carmaker. The $2 billion Velkor Motors plant in Ohio opened in 2024.",
])
def test_the_place_a_firms_plant_is_given_is_where_it_invests(ex, text):
    got, _ = run(ex, text)
    assert got.get(("Velkor Motors", "INVESTS_IN", "Ohio"), {}).get("amount_usd") == 2e9, got


def test_a_place_home_to_plants_of_no_one_named_gives_no_investment(ex):
    got, _ = run(ex, "Ohio is home to many plants.")
    assert not [k for k in got if k[1] == "INVESTS_IN"]


@pytest.mark.parametrize("text", [
    "Chile and Peru are negotiating an investment treaty.",
    "Chile and Peru signed a bilateral investment treaty in 2001.",
])
def test_an_investment_treaty_is_no_investment(ex, text):
    got, _ = run(ex, text)
    assert not [k for k in got if k[1] == "INVESTS_IN"], got


def test_whose_supplier_one_is_one_sells_to(ex):
    got, _ = run(ex, "Chile is Peru's largest supplier of copper.")
    assert ("Chile", "EXPORTS_TO", "Peru") in got, got
    assert ("Peru", "OPERATES_IN", "copper") not in got  # the customer is not in the business
    assert ("Chile", "OPERATES_IN", "copper") in got


@pytest.mark.parametrize("text", [
    "Peru was the main target of Chile's copper tariffs.",
    "Peru, the target of the Chilean copper tariffs, protested.",
])
def test_the_target_named_as_such(ex, text):
    got, _ = run(ex, text)
    assert [k for k in got if k[1] == "TARGETS" and k[2] == "Peru"], got


def test_a_relative_clause_of_imposing_hung_from_the_goods_is_the_measures(ex):
    got, _ = run(ex, "The restrictions on Peruvian copper, which Chile imposed in 2019, were lifted in 2021.")
    assert got.get(("Chile", "IMPOSES", "Chilean restrictions on Peruvian copper"), {}).get("year") == 2019, got


def test_a_one_word_name_joined_to_a_firm_is_a_firm(ex):
    got, out = run(ex, "In 2022, Velkor Energy and Texla announced a $5 billion joint venture to build battery cells.")
    assert {e.name: e.type for e in out.entities.values()}.get("Texla") == "Firm"
    assert ("Texla", "PARTNERS_WITH", "Velkor Energy") in got or ("Velkor Energy", "PARTNERS_WITH", "Texla") in got


def test_a_year_in_another_clause_is_not_the_facts_year(ex):
    got, _ = run(ex, "Since the pact took effect in 2012, Chilean exports to Peru have grown.")
    assert ("Chile", "EXPORTS_TO", "Peru") in got and "year" not in got[("Chile", "EXPORTS_TO", "Peru")], got
    got, _ = run(ex, "Chile, which joined the pact in 2018, imposed tariffs on Peruvian wine in 2019.")
    assert got[("Chile", "IMPOSES", "Chilean tariffs on Peruvian wine")]["year"] == 2019


@pytest.mark.parametrize("text, country", [
    ("Chilean Trade Minister Ana Ruiz signed the Andes Trade Accord in 2006.", "Chile"),
    ("Peru's Foreign Minister Juan Soto signed the Andes Trade Accord in 2006.", "Peru"),
])
def test_an_official_named_with_a_country_signs_for_it(ex, text, country):
    got, _ = run(ex, text)
    assert (country, "SIGNS", "Andes Trade Accord") in got, got


def test_an_official_named_with_no_country_signs_for_none(ex):
    got, _ = run(ex, "Trade Minister Ana Ruiz signed the Andes Trade Accord in 2006.")
    assert not [k for k in got if k[1] == "SIGNS" and k[0] != "Ana Ruiz"], got


def test_a_name_before_a_firm_noun_is_a_firm(ex):
    got, out = run(ex, "In 2005, Velkor bought the troubled Kværner firm.")
    assert {e.name: e.type for e in out.entities.values()}.get("Kværner") == "Firm"
    assert ("Velkor", "INVESTS_IN", "Kværner") in got, got
    _, out = run(ex, "The Texas company opened a plant.")  # a place before the noun is where, not a name
    assert "Texas" not in {e.name for e in out.entities.values() if e.type == "Firm"}


def test_a_year_in_the_main_clause_dates_what_it_reports(ex):
    got, _ = run(ex, "On 1 July 2019, Chile's trade ministry announced that it would tighten export controls on "
                     "lithium.")
    assert [p.get("year") for k, p in got.items() if k[:2] == ("Chile", "IMPOSES")] == [2019], got


def test_a_length_before_a_measure_is_no_part_of_its_name(ex):
    _, out = run(ex, "The ITC imposed a 10-year ban on imports of Velkor batteries.")
    names = [e.name for e in out.entities.values() if e.type == "Policy"]
    assert names and not any("year" in n for n in names), names


def test_a_towns_name_written_small_is_a_word(ex):
    got, _ = run(ex, "COMMERCE, Ga. — Velkor will build a plant in Commerce. Tarsk Holdings invested $2 billion in "
                     "commerce.")
    assert ("Velkor", "INVESTS_IN", "Georgia") in got
    assert ("Tarsk Holdings", "INVESTS_IN", "Georgia") not in got, got


@pytest.mark.parametrize("text", [
    "Velkor Group's battery subsidiary, Velkor Energy, opened a plant.",
    "Velkor Energy is Velkor Group's battery unit.",
])
def test_whose_subsidiary_a_firm_is_owns_it(ex, text):
    got, _ = run(ex, text)
    assert ("Velkor Group", "INVESTS_IN", "Velkor Energy") in got, got


@pytest.mark.parametrize("text, targets", [
    ("In 2019, Chile imposed a 25 percent tariff on copper imports from most countries, including Peru.", ["Peru"]),
    ("Chile imposed duties on copper from several countries, such as Peru and Norway.", ["Peru", "Norway"]),
    ("Chile imposed duties on solar panels from Asian producers, notably Velkor Group and Korvell.",
     ["Velkor Group", "Korvell"]),
])
def test_a_group_noun_a_measure_is_on_goes_on_with_the_names_it_stands_for(ex, text, targets):
    got, _ = run(ex, text)
    for target in targets:
        assert any(k[1] == "TARGETS" and k[2] == target for k in got), (target, got)


def test_examples_of_the_goods_are_no_countries_a_measure_is_on(ex):
    got, _ = run(ex, "Chile imposed duties on solar panels, including those made in Peru.")
    assert not any(k[1] == "TARGETS" and k[2] == "Peru" for k in got), got


@pytest.mark.parametrize("text, generic", [
    ("For Chile, the pact was the largest trade deal since the Chile-Peru Free Trade Agreement.", "trade deal"),
    ("Velkor lobbied against new trade deals. Chile later signed an amended trade deal with Peru.", "trade deal"),
    ("FIXING UNFAIR TRADE DEALS: Chile signed an amended trade deal with Peru.", "UNFAIR TRADE DEALS"),
])
def test_a_kind_of_pact_with_only_a_rank_or_a_headings_capitals_is_no_named_pact(ex, text, generic):
    got, out = run(ex, text)
    names = {e.name for e in out.entities.values()}
    assert not any(generic.lower() in n.lower() for n in names), names


def test_a_date_is_no_part_of_the_name_of_a_measure_named_by_its_verb(ex):
    got, _ = run(ex, "Chile restricted exports of two chemicals to South Korea in July 2019.")
    measure = next(k[2] for k in got if k[1] == "IMPOSES")
    assert "2019" not in measure and "July" not in measure, measure
    assert got[("Chile", "IMPOSES", measure)]["year"] == 2019


def test_a_measure_applied_to_named_goods_is_on_them(ex):
    got, _ = run(ex, "Peru will apply a 15 percent tariff to Chilean cars.")
    assert ("Peru", "IMPOSES", "Peruvian tariff on Chilean cars") in got, got
    assert ("Peruvian tariff on Chilean cars", "TARGETS", "Chile") in got


def test_a_measure_applied_to_goods_no_one_names_is_no_new_measure(ex):
    got, out = run(ex, "Chile applies the tariff to all imports.")
    assert not [e for e in out.entities.values() if e.type == "Policy"], got


@pytest.mark.parametrize("second, fact", [
    ("The tariff also applies to Peru.", ("TARGETS", "Peru")),
    ("Peru was exempted from the tariff.", ("EXEMPTS", "Peru")),
])
def test_the_kind_alone_refers_to_a_measure_named_with_what_it_is_on(ex, second, fact):
    got, _ = run(ex, "In 2025, Norway imposed a 15 percent tariff on Chilean goods. " + second)
    assert ("Norwegian tariff on Chilean goods", *fact) in got, got


def test_one_measure_described_twice_in_full_is_one_entity(ex):
    got, out = run(ex, "In 2019, Chile imposed a 25 percent tariff on Peruvian copper. The Chilean copper tariff "
                       "hurt Peru.")
    assert len([e for e in out.entities.values() if e.type == "Policy"]) == 1, got


@pytest.mark.parametrize("text", [
    "In 2019, Chile imposed a tariff on Peruvian copper and a tariff on Norwegian salmon.",
    "The Velkor Act gives tax credits to chipmakers. It also funds subsidies for chipmakers.",
    "In 2019, Chile imposed a tariff on Peruvian copper. In 2020, Chile imposed a tariff on Norwegian copper.",
])
def test_measures_on_other_goods_of_other_kinds_or_against_others_stay_apart(ex, text):
    got, out = run(ex, text)
    assert len([e for e in out.entities.values() if e.type == "Policy"]) == 2, got


def test_a_country_described_as_a_producer_beside_its_name_is_in_that_business(ex):
    got, _ = run(ex, "Peru, the world's largest producer of copper, signed the deal.")
    assert ("Peru", "OPERATES_IN", "copper") in got, got


@pytest.mark.parametrize("text", [
    "Firms in the battery industry, including Velkor Energy and Korvell Power, are expanding.",
    "Companies in the battery sector, such as Velkor Energy and Korvell Power, will benefit.",
])
def test_firms_listed_as_examples_of_a_field_are_in_it(ex, text):
    got, out = run(ex, text)
    for firm in ("Velkor Energy", "Korvell Power"):
        assert (firm, "OPERATES_IN", "batteries") in got, got
    assert {e.name for e in out.entities.values() if e.type == "Sector"} == {"batteries"}


def test_a_ban_on_a_range_of_goods_is_on_the_goods_and_the_ones_it_lists(ex):
    got, _ = run(ex, "Peru banned a range of agricultural products, including barley, beef and wine.")
    assert ("Peru", "IMPOSES", "Peruvian ban on agricultural products") in got, got
    for good in ("agriculture", "barley", "beef", "wine"):
        assert ("Peruvian ban on agricultural products", "TARGETS", good) in got, got


def test_the_country_a_bodys_name_opens_with_is_mentioned_but_acts_in_nothing(ex):
    got, out = run(ex, "AGENCY: Bureau of Trade Remedies, U.S. Department of Commerce.")
    assert "United States" in {e.name for e in out.entities.values()}
    # (where the body sits is no act of the country's: body_seats)
    assert not [k for k in got if "United States" in (k[0], k[2]) and k[1] != "LOCATED_IN"], got


def test_a_measure_of_the_same_rate_is_the_one_named_before(ex):
    got, _ = run(ex, "Norway imposed a 15 percent tariff on nearly all Chilean imports. Chilean copper will face a "
                     "15 percent tariff.")
    assert ("Norwegian tariff on Chilean imports", "TARGETS", "copper") in got, got


@pytest.mark.parametrize("text", [
    "Norway imposed a 15 percent tariff on nearly all Chilean imports. Chilean copper will face a 25 percent tariff.",
    "Norway imposed a 10% duty on Peruvian copper. Chile later imposed a 10% duty.",
])
def test_a_measure_of_another_rate_or_a_new_one_elsewhere_is_not_the_one_named_before(ex, text):
    got, _ = run(ex, text)
    assert ("Norwegian tariff on Chilean imports", "TARGETS", "copper") not in got, got
    assert ("Chile", "IMPOSES", "Norwegian duty on Peruvian copper") not in got, got


def test_the_date_an_order_was_signed_is_no_part_of_its_name(ex):
    got, _ = run(ex, "Chile signed an Executive Order implementing the agreement on September 4, 2025.")
    assert ("Chile", "IMPOSES", "Executive Order implementing the agreement") in got, got


def test_a_sum_spent_in_a_countrys_goods_is_bought_from_it(ex):
    got, _ = run(ex, "Norway will purchase $8 billion in Chilean agricultural goods.")
    assert got[("Chile", "EXPORTS_TO", "Norway")]["amount_usd"] == 8e9


@pytest.mark.parametrize("text, name", [
    ("Norway imposed a 15 percent tariff on nearly all Chilean imports.", "Norwegian tariff on Chilean imports"),
    ("Norway imposed tariffs on some Chilean goods.", "Norwegian tariffs on Chilean goods"),
    ("Norway agreed to lower its tariffs on nearly 80 percent of Chilean farm goods.",
     "Norwegian tariffs on Chilean farm goods"),
    ("Norway imposed duties on about two-thirds of Chilean exports.", "Norwegian duties on Chilean exports"),
])
def test_how_much_a_measure_covers_is_no_part_of_its_name(ex, text, name):
    got, _ = run(ex, text)
    assert ("Norway", "IMPOSES", name) in got, got


def test_a_trigger_word_inside_a_title_states_nothing(ex):
    got, _ = run(ex, "Peru launched the Copper Investment Accelerator to speed up permits.")
    assert not [k for k in got if k[1] == "INVESTS_IN"], got


@pytest.mark.parametrize("text, name", [
    ("Peru adopted the Clean Truck Standards in 2023.", "Clean Truck Standards"),
    ("Peru approved the Andean Copper Subsidies in 2023.", "Andean Copper Subsidies"),
])
def test_a_title_ending_in_a_kind_of_measure_is_a_measure(ex, text, name):
    got, _ = run(ex, text)
    assert ("Peru", "IMPOSES", name) in got, got


def test_the_abbreviation_of_common_words_is_no_firm(ex):
    got, out = run(ex, "Chile determined that copper wire from Peru is sold in Chile at less than fair value (LTFV).")
    assert "LTFV" not in {e.name for e in out.entities.values()}


def test_a_capital_stands_for_its_country(ex):
    got, _ = run(ex, "Oslo imposed anti-dumping duties of up to 30 percent on Chilean copper pipes.")
    assert ("Norway", "IMPOSES", "Norwegian anti-dumping duties") in got, got


def test_a_measure_said_to_be_retaliation_is_its_owners(ex):
    got, _ = run(ex, "Chile's lithium restrictions were retaliation for Peru's copper duties.")
    assert ("Chile", "RETALIATES_AGAINST", "Peru") in got, got


def test_what_a_measure_is_on_ends_at_its_clauses_verb(ex):
    got, _ = run(ex, "Chile's restrictions on lithium exports were widely seen as a response to Peru's copper duties.")
    assert ("Chilean restrictions on lithium exports", "TARGETS", "lithium") in got, got
    assert ("Chilean restrictions on lithium exports", "TARGETS", "copper") not in got, got
    assert ("Chilean restrictions on lithium exports", "TARGETS", "Peru") not in got, got


def test_a_firms_first_word_alone_is_the_firm_where_no_tagger_saw_a_name(ex):
    got, _ = run(ex, "Chile awarded Velkor Semiconductor up to $458 million. Velkor, headquartered in Santiago, Chile, "
                     "is a leading supplier of memory chips.")
    assert ("Velkor Semiconductor", "LOCATED_IN", "Chile") in got, got


def test_a_first_word_before_another_name_is_not_the_firm(ex):
    got, out = run(ex, "Chile awarded Velkor Semiconductor up to $458 million. Velkor Energy, a battery maker, "
                       "is based in Peru.")
    assert ("Velkor Semiconductor", "OPERATES_IN", "batteries") not in got, got


@pytest.mark.parametrize("text, fact", [
    ("Chile is a party to the CPTPP and a member of APEC.", ("Chile", "MEMBER_OF", "APEC")),
    ("Norway is the largest buyer of Peruvian fish and a major supplier of copper.", ("Norway", "OPERATES_IN", "copper")),
])
def test_a_second_noun_said_of_the_subject_is_said_of_it_too(ex, text, fact):
    got, _ = run(ex, text)
    assert fact in got, got


def test_a_noun_coordinated_with_a_trigger_keeps_its_own_complement(ex):
    got, _ = run(ex, "Norway is the largest investor in Peru and a major supplier of copper.")
    assert ("Norway", "INVESTS_IN", "Peru") in got, got
    assert ("Norway", "INVESTS_IN", "copper") not in got, got


@pytest.mark.parametrize("text, pair", [
    ("Chile and Peru established a joint committee on fisheries.", ("Chile", "Peru")),
    ("The Chilean Ministry of Energy and Peru's Ministry of Energy launched a joint working group on hydrogen.",
     ("Chilean Ministry of Energy", "Peruvian Ministry of Energy")),
])
def test_a_joint_body_two_governments_set_up_is_cooperation(ex, text, pair):
    got, _ = run(ex, text)
    assert (pair[0], "COOPERATES_WITH", pair[1]) in got or (pair[1], "COOPERATES_WITH", pair[0]) in got, got
    assert not [k for k in got if k[1] == "COOPERATES_WITH" and "Peru" in (k[0], k[2]) and len(pair[0]) > 10], got


def test_a_committee_two_governments_only_talk_about_is_no_cooperation(ex):
    got, _ = run(ex, "Chile and Peru criticized the committee.")
    assert not [k for k in got if k[1] == "COOPERATES_WITH"], got


def test_a_title_written_alone_is_the_holder_named_before_and_acts_for_the_country(ex):
    got, _ = run(ex, "President Tarn Velmora of Chile met Peruvian leaders in May. The President also imposed tariffs "
                     "on Peruvian copper.")
    assert ("Tarn Velmora", "IMPOSES", "Chilean tariffs on Peruvian copper") in got or any(
        k[1] == "IMPOSES" and k[0] == "Chile" for k in got), got


@pytest.mark.parametrize("text", [
    "President Velmora of Chile met Peruvian leaders. The President of Peru later imposed duties on Chilean fish.",
    "President Tarn Velmora met Peruvian leaders. In July, at the direction of the President, United States Trade "
    "Representative (USTR) Ana Ruiz initiated talks with Peru.",
])
def test_a_title_of_another_country_or_beside_another_office_is_not_the_holder_named_before(ex, text):
    got, _ = run(ex, text)
    assert not [k for k in got if k[0] == "Chile" and k[1] == "IMPOSES" and "Chilean fish" in k[2]], got
    assert not [k for k in got if k[1] == "LEADS" and k[0] == "Tarn Velmora" and k[2] != "Chile"], got


def test_a_renegotiated_version_is_the_pacts_amendments_signed_in_its_own_year(ex):
    got, _ = run(ex, "The Chile-Peru Free Trade Agreement is a trade agreement between Chile and Peru. The treaty was "
                     "first signed in 2006, with a renegotiated version signed in 2016. The agreement was ratified "
                     "by Peru in 2009.")
    pact, version = "Chile-Peru Free Trade Agreement", "Chile-Peru Free Trade Agreement amendments"
    assert (version, "AMENDS", pact) in got, got
    assert got[("Chile", "SIGNS", pact)]["year"] == 2006
    assert got[("Chile", "SIGNS", version)]["year"] == 2016
    assert ("Peru", "RATIFIES", pact) in got and ("Peru", "RATIFIES", version) not in got, got


def test_a_revised_version_of_a_pact_is_its_amendments(ex):
    got, _ = run(ex, "Chile and Peru signed an updated version of the Chile-Peru Free Trade Agreement in 2016.")
    version = "Chile-Peru Free Trade Agreement amendments"
    assert got[("Chile", "SIGNS", version)]["year"] == 2016
    assert ("Chile", "SIGNS", "Chile-Peru Free Trade Agreement") not in got, got


@pytest.mark.parametrize("text, fact", [
    ("Restrictions on Chilean copper were imposed by Norway in 2019.",
     ("Norway", "IMPOSES", "Norwegian restrictions on Chilean copper")),
    ("Export controls imposed by Norway hit Chilean firms.", ("Norway", "IMPOSES", "Norwegian export controls")),
    ("In 2018, Norway imposed Section 12 tariffs on steel. Tariffs on Chilean steel stayed until 2022.",
     ("Section 12 tariffs", "TARGETS", "Chile")),
])
def test_a_description_opening_a_sentence_is_no_title(ex, text, fact):
    got, _ = run(ex, text)
    assert fact in got, got


def test_a_nationality_opening_a_sentence_keeps_its_capital(ex):
    got, _ = run(ex, "Norway tightened its export restrictions. Norwegian export restrictions on copper hit Chile.")
    assert ("Norway", "IMPOSES", "Norwegian export restrictions") in got, got


@pytest.mark.parametrize("text, predicate", [
    ("Chile is expected to sign the Chile-Peru Free Trade Agreement in May.", "SIGNS"),
    ("Chile is scheduled to sign the Chile-Peru Free Trade Agreement.", "SIGNS"),
    ("Velkor Motors is expected to invest $2 billion in Ohio.", "INVESTS_IN"),
    ("Peru is likely to join the CPTPP.", "PARTY_TO"),
])
def test_what_is_only_expected_is_no_fact(ex, text, predicate):
    got, _ = run(ex, text)
    assert not [k for k in got if k[1] == predicate], got


@pytest.mark.parametrize("text, fact", [
    ("The Chile-Peru Free Trade Agreement is designed to replace the Andean Trade Pact.",
     ("Chile-Peru Free Trade Agreement", "AMENDS", "Andean Trade Pact")),
    ("The Velkor Act is intended to regulate copper exports.", ("Velkor Act", "REGULATES", "copper")),
])
def test_what_an_instrument_is_made_to_do_it_does(ex, text, fact):
    got, _ = run(ex, text)
    assert fact in got, got


def test_a_quoted_slogan_names_the_measure_whole(ex):
    got, _ = run(ex, 'Chile launched the "Make Chilean Mining Great Again" initiative in 2024.')
    assert ("Chile", "IMPOSES", "Make Chilean Mining Great Again initiative") in got, got


def test_a_group_one_short_of_a_pacts_parties_is_the_others_than_the_country_the_text_is_about(ex):
    got, _ = run(ex, "The United States, Chile and Peru signed the Andean Trade Pact in 1994. The United States later "
                     "left the pact. The United States held talks. The United States and Norway met. Both Andean "
                     "Trade Pact countries were signatories to the CPTPP.")
    assert ("Chile", "SIGNS", "CPTPP") in got and ("Peru", "SIGNS", "CPTPP") in got, got
    assert ("United States", "SIGNS", "CPTPP") not in got, got


@pytest.mark.parametrize("text, predicate", [
    ("The Chile-Norway Free Trade Agreement must be approved by Norway's parliament before it takes effect.",
     "RATIFIES"),
    ("Chile must ratify the Andean Trade Pact by 2026.", "RATIFIES"),
])
def test_what_must_still_be_done_is_no_fact(ex, text, predicate):
    got, _ = run(ex, text)
    assert not [k for k in got if k[1] == predicate], got


@pytest.mark.parametrize("text", [
    "Chilean tariffs could hurt Peru.",
    "In light of rising costs, a Chilean tariff regime, and weak demand, the partnership must adapt.",
])
def test_a_measure_a_modal_clause_speaks_of_exists(ex, text):
    got, _ = run(ex, text)
    assert any(k[0] == "Chile" and k[1] == "IMPOSES" for k in got), got


@pytest.mark.parametrize("text, name, kind", [
    ("Velkor Motors broke ground on the Velkor Metaplant in Bryan County, Ohio.", "Velkor Metaplant", "Facility"),
    ("Peru launched the Andean Copper Fund in 2024.", "Andean Copper Fund", "Policy"),
])
def test_a_title_the_tagger_missed_is_typed_by_its_last_word(ex, text, name, kind):
    got, out = run(ex, text)
    assert next(e for e in out.entities.values() if e.name == name).type == kind, got


@pytest.mark.parametrize("text", [
    "Norwegian Prime Minister Jonas Vik met the Velkor board.",
    "Prime Minister Jonas Vik of Norway met the Velkor board.",
    "Norway's Prime Minister Jonas Vik met the Velkor board.",
])
def test_a_prime_minister_leads_the_country_named_with_the_title(ex, text):
    got, _ = run(ex, text)
    assert ("Jonas Vik", "LEADS", "Norway") in got, got


@pytest.mark.parametrize("text, name", [
    ("Peru, Chile, and Norway signed the Tarn Accord on Fisheries in 2018.", "Tarn Accord on Fisheries"),
    ("Norway and Chile concluded the Framework Agreement on Economic Cooperation in 2016.",
     "Framework Agreement on Economic Cooperation"),
])
def test_a_title_continued_by_on_and_capitalised_words_is_one_name(ex, text, name):
    got, _ = run(ex, text)
    assert ("Norway", "PARTY_TO", name) in got, got


@pytest.mark.parametrize("text, holders, predicate, held", [
    ("The WTO, whose members include Chile and Peru, ruled against the tariffs.", ("Chile", "Peru"), "MEMBER_OF",
     "WTO"),
    ("The Pacific Alliance's members are Chile, Peru and Colombia.", ("Chile", "Peru", "Colombia"), "MEMBER_OF",
     "Pacific Alliance"),
    ("The Tarn Pact's signatories include Chile and Peru.", ("Chile", "Peru"), "SIGNS", "Tarn Pact"),
    ("The Tarn Pact, whose parties include Chile and Peru, took effect in 2019.", ("Chile", "Peru"), "PARTY_TO",
     "Tarn Pact"),
    ("Chile is one of the founding members of the Pacific Alliance.", ("Chile",), "MEMBER_OF", "Pacific Alliance"),
])
def test_a_noun_that_lists_its_holders_belongs_to_its_owner(ex, text, holders, predicate, held):
    got, _ = run(ex, text)
    for h in holders:
        assert (h, predicate, held) in got, got


@pytest.mark.parametrize("text", [
    "Japan met members of the Pacific Alliance.",
    "Chile applied for membership in the Pacific Alliance.",
    "Peru sought membership in the WTO.",
])
def test_meeting_members_or_asking_to_be_one_is_no_membership(ex, text):
    got, _ = run(ex, text)
    assert not [k for k in got if k[1] == "MEMBER_OF"], got


def test_a_firm_whose_products_a_clause_lists_still_makes_them(ex):
    got, _ = run(ex, "Velkor Corp., whose products include batteries, invested in Ohio.")
    assert ("Velkor", "OPERATES_IN", "batteries") in got, got


@pytest.mark.parametrize("text, countries", [
    ("The United States imposed a tariff on steel in 2018. The tariff applies to Norwegian and Chilean steel.",
     ("Norway", "Chile")),
    ("The United States imposed a tariff on steel in 2025. The tariffs apply to goods from Norway.", ("Norway",)),
])
def test_a_measure_applying_to_a_countrys_goods_targets_it(ex, text, countries):
    got, _ = run(ex, text)
    for c in countries:
        assert ("U.S. tariff on steel", "TARGETS", c) in got, got


def test_a_known_instrument_is_the_antecedent_of_its_head_noun(ex):  # (a guard: held before)
    got, _ = run(ex, "The United States imposed reciprocal tariffs in 2025. The tariffs apply to Norwegian goods.")
    assert ("Reciprocal Tariffs", "TARGETS", "Norway") in got, got


@pytest.mark.parametrize("text", [
    "The tariff on steel does not apply to Norwegian steel.",
    "The tariff on steel did not hurt Norway.",
])
def test_what_a_measure_does_not_reach_it_does_not_target(ex, text):
    got, _ = run(ex, text)
    assert not [k for k in got if k[2] == "Norway"], got


def test_the_measures_of_a_kind_named_before_are_that_measure(ex):
    got, _ = run(ex, "The United States imposed safeguard tariffs on imported washers in 2018 under Section 201. "
                     "The safeguard measures hit Velkor Corporation.")
    assert ("Section 201 safeguard tariffs", "TARGETS", "Velkor Corporation") in got, got
    got, _ = run(ex, "The United States imposed safeguard tariffs on imported washers in 2018. "
                     "The antidumping measures hit Velkor Corporation.")
    assert not [k for k in got if k[0] == "U.S. safeguard tariffs" and k[2] == "Velkor Corporation"], got


@pytest.mark.parametrize("text", [
    "Talks began on changes to the Chile-Peru Free Trade Agreement.",
    "In 2018 Peru started official talks with Chile on potential modifications to the Chile-Peru Free Trade "
    "Agreement.",
])
def test_the_parties_named_in_an_agreement_being_changed_are_its_own(ex, text):
    got, _ = run(ex, text)
    for c in ("Chile", "Peru"):
        assert (c, "PARTY_TO", "Chile-Peru Free Trade Agreement") in got, got
        assert (c, "PARTY_TO", "Chile-Peru Free Trade Agreement amendments") not in got, got


@pytest.mark.parametrize("text, owner, measure, target", [
    ("Tariffs on Chilean copper by the United States took effect in 2018.", "United States",
     "U.S. tariffs on Chilean copper", "Chile"),
    ("The removal of Peru from the white list by Chile took effect in August 2019.", "Chile",
     "Chilean removal of Peru", "Peru"),
])
def test_the_by_after_a_measures_phrase_names_its_maker_not_a_target(ex, text, owner, measure, target):
    got, _ = run(ex, text)
    assert (owner, "IMPOSES", measure) in got and (measure, "TARGETS", target) in got, got
    assert (measure, "TARGETS", owner) not in got, got


def test_a_participles_by_still_names_the_goods_users(ex):
    got, _ = run(ex, "In July, Chile imposed restrictions on materials used by Peruvian companies to manufacture "
                     "semiconductors.")
    assert ("Chilean restrictions on materials", "TARGETS", "Peru") in got, got


@pytest.mark.parametrize("text, facility, state", [
    ("Velkor Corporation announced a $1.5 billion expansion of its Alabama plant.", "Velkor Corporation Alabama plant",
     "Alabama"),
    ("Velkor Corporation's $300 million upgrade of its Georgia factory finished in 2020.",
     "Velkor Corporation Georgia factory", "Georgia"),
])
def test_expanding_a_facility_is_money_put_in_it(ex, text, facility, state):
    got, _ = run(ex, text)
    assert ("Velkor Corporation", "INVESTS_IN", facility) in got, got
    assert got[("Velkor Corporation", "INVESTS_IN", state)].get("amount_usd"), got


def test_a_place_after_a_preposition_and_article_is_no_subject_by_word_order(ex):
    got, _ = run(ex, "Its plants are the first built in the United States and with a total of $165 billion pledged, "
                     "it is one of the largest investments into the country's manufacturing.")
    assert not [k for k in got if k[0] == "United States" and k[1] == "INVESTS_IN"], got


def test_money_spent_on_the_project_goes_to_the_plant_named_before_and_its_state(ex):
    got, _ = run(ex, "Velkor announced a battery plant in Lordstown, Ohio in 2020. Velkor planned to spend "
                     "$4 billion on the project over six years.")
    plant = next(k[2] for k in got if k[0] == "Velkor" and k[1] == "INVESTS_IN" and "plant" in k[2])
    assert got[("Velkor", "INVESTS_IN", plant)].get("amount_usd") == 4e9, got
    ohio = got[("Velkor", "INVESTS_IN", "Ohio")]
    assert ohio.get("amount_usd") == 4e9 and ohio.get("joint"), got  # one sum for the plant and its state


def test_the_project_with_no_plant_before_is_nothing(ex):
    got, _ = run(ex, "Velkor planned to spend $4 billion on the project over six years.")
    assert not [k for k in got if k[1] == "INVESTS_IN"], got


@pytest.mark.parametrize("text", [
    "On January 3, 2025, President Smith issued an order prohibiting the acquisition of Korvell Corporation by "
    "Velkor Corporation.",
    "Velkor Corporation's acquisition of Korvell Corporation was blocked.",
])
def test_a_blocked_deal_is_an_investment_marked_blocked_without_the_blocks_year(ex, text):
    got, _ = run(ex, text)
    props = got[("Velkor Corporation", "INVESTS_IN", "Korvell Corporation")]
    assert props.get("status") == "blocked" and "year" not in props, got


def test_a_completed_deal_has_no_status(ex):
    got, _ = run(ex, "Velkor Corporation's acquisition of Korvell Corporation closed in 2020.")
    assert "status" not in got[("Velkor Corporation", "INVESTS_IN", "Korvell Corporation")], got


@pytest.mark.parametrize("text, body, country", [
    ("In 2018, Chile's Ministry of Mines initiated an investigation.", "Ministry of Mines", "Chile"),
    ("The Peruvian Ministry of Production announced the closure.", "Ministry of Production", "Peru"),
    ("The U.S. Department of Commerce announced the award.", "Department of Commerce", "United States"),
])
def test_a_body_named_with_its_country_sits_there(ex, text, body, country):
    got, _ = run(ex, text)
    assert any(k[0].endswith(body) and k[1:] == ("LOCATED_IN", country) for k in got), got


def test_a_body_named_after_two_countries_sits_in_neither_by_its_name(ex):
    got, _ = run(ex, "U.S. Forces Korea commands 28,500 troops.")
    assert not [k for k in got if k[1] == "LOCATED_IN"], got


@pytest.mark.parametrize("text", [
    "The governor welcomed Velkor Corporation as the first Norwegian shipbuilder to come to Maine.",
    "Velkor Corporation is among the largest Norwegian shipbuilders.",
])
def test_what_a_firm_is_taken_as_or_counted_among_describes_it(ex, text):
    got, _ = run(ex, text)
    assert ("Velkor Corporation", "LOCATED_IN", "Norway") in got, got
    assert ("Velkor Corporation", "OPERATES_IN", "shipbuilding") in got, got


def test_a_measure_on_firms_named_after_their_field_targets_the_field(ex):
    got, _ = run(ex, "Peru sanctioned Chilean mining firms Velkor and Korvell in 2020.")
    measure = next(k[0] for k in got if k[1] == "TARGETS" and k[2] == "Velkor")
    assert (measure, "TARGETS", "mining") in got, got


def test_a_name_called_a_firm_later_is_that_firm_in_earlier_sentences(ex):
    got, _ = run(ex, "The yard was started as a cooperation between Tarnvik and the Government of Peru. In 2005, "
                     "control of the yard passed to Velkor Corporation, which bought the troubled Tarnvik firm.")
    assert ("Peru", "COOPERATES_WITH", "Tarnvik") in got or ("Tarnvik", "COOPERATES_WITH", "Peru") in got, got


def test_a_nationality_before_firm_is_no_name(ex):
    _, out = run(ex, "The Korean company and the Norwegian firm agreed to cooperate.")
    assert not [e for e in out.entities.values() if e.type == "Firm"], out.entities


def test_a_quoted_list_names_a_removal_without_its_quotation_marks(ex):
    got, _ = run(ex, 'On 2 August, Chile removed Peru from its "white list" of trusted trading partners.')
    assert ("Chile", "IMPOSES", "Chilean white list removal of Peru") in got, got


def test_a_wholly_owned_subsidiary_is_owned_by_its_parent_not_the_other_way(ex):
    got, _ = run(ex, "Velkor Battery America is a wholly owned subsidiary of Velkor On.")
    assert ("Velkor On", "INVESTS_IN", "Velkor Battery America") in got, got
    assert ("Velkor Battery America", "INVESTS_IN", "Velkor On") not in got, got


def test_a_sentences_opening_words_are_no_firm_of_a_list(ex):
    _, out = run(ex, "In 2021, Velkor Corporation and Korvell Motor Company agreed to form a joint venture.")
    assert {e.name for e in out.entities.values() if e.type == "Firm"} == {"Velkor Corporation",
                                                                           "Korvell Motor Company"}


def test_the_places_of_a_deed_paid_for_with_an_investment_get_it_once(ex):
    got, _ = run(ex, "In 2021, Velkor Corporation and Korvell Motor Company agreed to form a joint venture to produce "
                     "batteries in Kentucky and Tennessee with a combined investment of $11.4 billion.")
    states = [got[(f, "INVESTS_IN", s)] for f in ("Velkor Corporation", "Korvell Motor Company")
              for s in ("Kentucky", "Tennessee")]
    assert all(p.get("amount_usd") == 11.4e9 and p.get("joint") for p in states), got
    assert len({p.get("joint_id") for p in states}) == 1, got  # one sum, counted once


@pytest.mark.parametrize("text", [
    "In 2021, Velkor Corporation and Korvell Motor Company formed a joint venture, BlueRiver VK, to produce batteries.",
    "BlueRiver VK is a joint venture of Velkor Corporation and Korvell Motor Company.",
])
def test_a_joint_venture_named_beside_its_noun_is_a_firm_its_founders_own(ex, text):
    got, out = run(ex, text)
    assert next(e for e in out.entities.values() if e.name == "BlueRiver VK").type == "Firm"
    for founder in ("Velkor Corporation", "Korvell Motor Company"):
        assert (founder, "INVESTS_IN", "BlueRiver VK") in got, got


def test_the_company_is_not_a_firm_named_only_deep_in_a_side_phrase(ex):
    got, _ = run(ex, "Velkor Battery America is a battery maker based in Georgia. It is a subsidiary of Velkor On, "
                     "the battery unit of the Norwegian conglomerate Velkor Group. The company announced in 2018 that "
                     "it would invest $1.67 billion in Georgia.")
    assert got[("Velkor Battery America", "INVESTS_IN", "Georgia")].get("amount_usd") == 1.67e9, got
    assert ("Velkor Group", "INVESTS_IN", "Georgia") not in got, got


def test_incentives_for_the_project_go_to_the_firm_building_it(ex):
    got, _ = run(ex, "Velkor Corporation announced in 2018 that it would invest $1.67 billion to build its first plant "
                     "in Jackson County, Ohio. The state of Ohio provided $300 million in incentives for the project.")
    assert got.get(("Velkor Corporation", "PARTNERS_WITH", "Ohio"), {}).get("amount_usd") == 3e8, got


def test_a_headline_with_a_titled_person_names_no_instrument(ex):
    _, out = run(ex, "Fact Sheet: President Smith Secures Historic Trade Deal with Norway")
    assert not [e for e in out.entities.values() if e.type in ("Agreement", "Policy", "Law")], out.entities


@pytest.mark.parametrize("text, countries", [
    ("The United States imposed a tariff on lumber in 2025. Imports from Canada and Mexico that qualify for "
     "preferential treatment are exempt from the tariff.", ("Canada", "Mexico")),
    ("The United States imposed a tariff on lumber in 2025. Canadian imports are exempted from the tariff.",
     ("Canada",)),
])
def test_goods_spared_by_a_measure_exempt_the_country_they_come_from(ex, text, countries):
    got, _ = run(ex, text)
    for c in countries:
        assert ("U.S. tariff on lumber", "EXEMPTS", c) in got, got


def test_an_article_and_a_kind_on_a_title_line_name_nothing(ex):
    _, out = run(ex, "By the President of the United States of America A Proclamation")
    assert not [e for e in out.entities.values() if e.type in ("Agreement", "Policy", "Law")], out.entities


def test_a_second_measure_after_a_comma_and_and_is_imposed_too(ex):
    got, _ = run(ex, "Chile is imposing a 10 percent tariff on imports of softwood lumber, and a 25 percent "
                     "tariff on imports of kitchen cabinets.")
    assert ("Chile", "IMPOSES", "Chilean tariff on imports of softwood lumber") in got, got
    assert ("Chile", "IMPOSES", "Chilean tariff on imports of kitchen cabinets") in got, got


DEFINED = ("In 2025, Chile issued an order prohibiting the acquisition of Korvell Corporation by Velkor Corporation, "
           "Velkor North America, Inc., and Tarn Merger Sub, Inc. (collectively, the Purchasers). The Ministry of "
           "Economy began a review of the acquisition of Korvell Corporation by the Purchasers.")


def test_a_term_defined_for_a_list_of_firms_stands_for_them_later(ex):
    got, out = run(ex, DEFINED)
    firms = {e.name for e in out.entities.values() if e.type == "Firm"}
    assert "Purchasers" not in firms and "Inc." not in firms, firms
    review = next(k[2] for k in got if k[1] == "IMPOSES" and "review" in k[2])
    for buyer in ("Velkor Corporation", "Velkor North America", "Tarn Merger Sub"):
        assert (review, "TARGETS", buyer) in got, got  # (a firm's "by" is inside what the review is of)


def test_orders_with_respect_to_firms_make_no_partners(ex):
    got, _ = run(ex, DEFINED + " Chile reserved the right to issue further orders with respect to the Purchasers "
                                "or Korvell Corporation.")
    assert not [k for k in got if k[1] == "PARTNERS_WITH"], got


def test_the_one_directed_to_conduct_a_review_conducts_it(ex):
    got, _ = run(ex, "I direct the Ministry of Economy of Chile to conduct a review of the acquisition of Korvell "
                     "Corporation by Velkor Corporation.")
    review = next(k[2] for k in got if k[1] == "IMPOSES" and "review" in k[2])
    assert any(k[0].startswith("Ministry of Economy") and k[1:] == ("IMPOSES", review) for k in got), got
    assert (review, "TARGETS", "Velkor Corporation") in got, got


@pytest.mark.parametrize("text, law", [
    ("Pursuant to section 232 of the Trade Expansion Act of 1962, Chile imposed tariffs on Peruvian steel.",
     "Trade Expansion Act of 1962"),
    ("Consistent with my authority under the laws of Chile, including section 7 of the Andean Investment Act of "
     "1990, I direct the Ministry of Economy of Chile to conduct a review of the acquisition of Korvell Corporation "
     "by Velkor Corporation.", "Andean Investment Act"),
])
def test_a_fronted_authority_authorizes_the_measure_of_the_clause(ex, text, law):
    got, _ = run(ex, text)
    assert any(k[0].startswith(law) and k[1] == "AUTHORIZES" for k in got), got


def test_the_year_a_laws_title_ends_with_dates_no_event(ex):
    got, _ = run(ex, "Consistent with my authority under the laws of Chile, including section 7 of the Andean "
                     "Investment Act of 1990, I direct the Ministry of Economy of Chile to conduct a review of the "
                     "acquisition of Korvell Corporation by Velkor Corporation.")
    assert not [k for k, p in got.items() if p.get("year") == 1990], got


def test_not_until_a_year_is_the_act_in_that_year(ex):
    got, _ = run(ex, "Chile and Peru did not sign the Tarn Pact until 2012.")
    assert got[("Chile", "SIGNS", "Tarn Pact")].get("year") == 2012, got
    got, _ = run(ex, "Chile did not sign the Tarn Pact.")
    assert ("Chile", "SIGNS", "Tarn Pact") not in got, got


def test_a_body_of_a_country_named_after_it_acts_for_it(ex):
    got, _ = run(ex, "The Tarn Pact was signed in 2007. It was ratified by the National Assembly of South Korea on "
                     "November 22, 2011.")
    assert got[("South Korea", "RATIFIES", "Tarn Pact")].get("year") == 2011, got


def test_two_measures_of_one_kind_on_different_goods_are_two(ex):
    got, _ = run(ex, "Norway imposed anti-dumping duties on Chilean salmon in 2021. Peru imposed anti-dumping duties "
                     "on Bolivian tin in 2022.")
    # (the first is named by its kind while it is the only one; the second, another of the kind, in full)
    assert ("Norway", "IMPOSES", "Norwegian anti-dumping duties") in got, got
    assert ("Peru", "IMPOSES", "Peruvian anti-dumping duties on Bolivian tin") in got, got
    assert ("Peruvian anti-dumping duties on Bolivian tin", "TARGETS", "Bolivia") in got, got
    assert not [k for k in got if k[0] == "Norwegian anti-dumping duties" and k[2] == "Bolivia"], got


def test_a_measure_of_a_kind_said_again_on_the_same_goods_is_one(ex):
    got, _ = run(ex, "Norway imposed anti-dumping duties on Chilean salmon in 2021. Chile challenged the anti-dumping "
                     "duties on Chilean salmon at the WTO.")
    assert not [k for k in got if "on Chilean salmon" in k[0] + k[2]], got


def test_a_measure_is_not_named_by_the_first_item_of_a_list(ex):
    got, _ = run(ex, "Norway imposed export controls on Chilean salmon in 2018. In 2019, Norway imposed export "
                     "controls on copper, tin, and timber.")
    assert not [k for k in got if k[0].endswith("on copper") or k[2].endswith("on copper")], got
    assert ("Norway", "IMPOSES", "Norwegian export controls on copper, tin, and timber") in got, got
    assert ("Norwegian export controls", "TARGETS", "salmon") in got, got
    assert ("Norwegian export controls", "TARGETS", "tin") not in got, got


def test_a_governors_our_in_a_continued_quotation_is_the_state(ex):
    got, _ = run(ex, 'Velkor Energy Solutions will build a plant in Tennessee. "Tennessee keeps winning," said Governor '
                     'Bill Lee. "Our partnership with Velkor Energy Solutions will last for decades."')
    assert ("Velkor Energy Solutions", "PARTNERS_WITH", "Tennessee") in got \
        or ("Tennessee", "PARTNERS_WITH", "Velkor Energy Solutions") in got, got


def test_a_chairs_our_is_the_firm_named_in_the_attribution(ex):
    got, _ = run(ex, 'Korvell Industries makes batteries. "We will invest $2 billion in Ohio," said Korvell Industries '
                     'Chair Ana Ruiz.')
    assert got[("Korvell Industries", "INVESTS_IN", "Ohio")]["amount_usd"] == 2e9, got


@pytest.mark.parametrize("text", [
    'The memo read: "Our partnership with Velkor Energy Solutions is over." Tennessee is a state.',
    'Our partnership with Velkor Energy Solutions will last, Tennessee officials wrote.',
])
def test_our_without_a_speaker_is_nobody(ex, text):
    got, _ = run(ex, text)
    assert not [k for k in got if k[1] == "PARTNERS_WITH"], got


def test_a_name_ending_in_a_place_word_is_a_person_not_a_park(ex):
    _, out = run(ex, 'Velkor Group will build a battery plant in Ohio. "We will hire 900 workers," said Velkor CEO '
                     'Min-jun Park.')
    assert not [e.name for e in out.entities.values() if "CEO" in e.name], out.entities


@pytest.mark.parametrize("text, name", [
    ("Peru and Chile signed a Bilateral Investment Treaty (BIT) in 2000.", "Bilateral Investment Treaty"),
    ("Norway and Chile signed a Bilateral Trade Agreement in 2003.", "Bilateral Trade Agreement"),
])
def test_a_titles_first_word_stays_even_when_it_says_little(ex, text, name):
    got, _ = run(ex, text)
    assert ("Chile", "SIGNS", name) in got, got


def test_a_lower_case_bilateral_agreement_is_still_no_name(ex):
    got, _ = run(ex, "Norway and Chile signed a bilateral trade agreement in 2003.")
    # (named by its sides, not by its lower-case words)
    assert [k[2] for k in got if k[1] == "SIGNS"] == ["Norway-Chile trade agreement"] * 2, got


def test_a_second_long_name_the_parser_hangs_from_the_verb_is_in_the_list(ex):
    got, _ = run(ex, "Norway is a party to the Nordic and Baltic Agreement on Fisheries Trade (NBAFT) and the North "
                     "Atlantic Economic Partnership (NAEP).")
    assert [k for k in got if k[0] == "Norway" and k[1] == "PARTY_TO" and "Nordic" in k[2]], got
    assert ("Norway", "PARTY_TO", "North Atlantic Economic Partnership") in got, got


def test_a_second_clauses_subject_the_parser_joins_to_the_first_object(ex):
    got, _ = run(ex, "Norway is a party to the CPTPP and Peru is a member of APEC.")
    assert ("Peru", "MEMBER_OF", "APEC") in got, got
    assert ("Norway", "MEMBER_OF", "APEC") not in got, got


def test_countries_left_out_of_a_measure_on_all_others_are_exempt_not_targets(ex):
    got, _ = run(ex, "Norway imposed a 25 percent tariff on steel imported from all countries except Chile and Peru.")
    name = next(k[2] for k in got if k[:2] == ("Norway", "IMPOSES"))
    for country in ("Chile", "Peru"):
        assert (name, "EXEMPTS", country) in got, got
        assert (name, "TARGETS", country) not in got, got


def test_a_country_left_out_of_a_list_does_nothing_the_others_do(ex):
    got, _ = run(ex, "All signatories except Chile, Norway and Peru ratified the Lima Pact.")
    assert not [k for k in got if k[0] in ("Chile", "Norway", "Peru")], got


def test_an_exception_without_all_others_exempts_no_one(ex):
    got, _ = run(ex, "Norway imposed tariffs on Chilean steel except in emergencies.")
    assert not [k for k in got if k[1] == "EXEMPTS"], got


def test_parties_after_the_name_hung_from_a_noun_before_it(ex):
    got, _ = run(ex, "Goods from Chile face a 10 percent rate under the Andean Prosperity Deal between the United "
                     "States and Chile.")
    assert ("United States", "PARTY_TO", "Andean Prosperity Deal") in got, got
    assert ("Chile", "PARTY_TO", "Andean Prosperity Deal") in got, got


def test_a_measure_on_a_long_flow_of_goods_is_named_by_the_goods_noun(ex):
    got, _ = run(ex, "Norway imposed a 50 percent tariff on imports of semi-finished copper products.")
    assert ("Norway", "IMPOSES", "Norwegian tariff on imports of copper products") in got, got


@pytest.mark.parametrize("text, name", [
    ("Norway claimed that the measures are inconsistent with Article 2 of the Agreement on Rules of Trade.",
     "Agreement on Rules of Trade"),
    ("Norway claimed that the measures are inconsistent with Article 3 of the Agreement on Rules of Procedure.",
     "Agreement on Rules of Procedure"),
])
def test_an_article_cited_with_its_treaty_names_the_treaty(ex, text, name):
    _, out = run(ex, text)
    assert name in {e.name for e in out.entities.values() if e.type == "Agreement"}, \
        [(e.name, e.type) for e in out.entities.values()]


def test_a_wto_members_name_with_its_sovereign_is_the_member(ex):
    got, _ = run(ex, "On 30 October 2020, Hong Kong, China requested consultations with Norway.")
    assert ("Hong Kong", "NEGOTIATES", "Norway") in got, got
    assert ("China", "NEGOTIATES", "Norway") not in got, got


def test_a_firm_with_its_own_owner_in_a_list_keeps_its_own_description(ex):
    got, _ = run(ex, "Chile's state copper company Codelco and Norway's Hydro agreed to form a joint venture.")
    assert ("Codelco", "LOCATED_IN", "Chile") in got, got
    assert ("Hydro", "LOCATED_IN", "Chile") not in got, got
    assert ("Hydro", "OPERATES_IN", "copper") not in got, got


@pytest.mark.parametrize("text", [
    "Norway and Chile welcomed the conclusion of negotiations on the Andean Investment Treaty.",
    "Norway and Chile announced the launch of talks on the Andean Investment Treaty.",
])
def test_a_stage_of_negotiations_is_negotiating(ex, text):
    got, _ = run(ex, text)
    assert ("Norway", "NEGOTIATES", "Andean Investment Treaty") in got, got
    assert ("Chile", "NEGOTIATES", "Andean Investment Treaty") in got, got


def test_a_stage_of_anothers_negotiations_is_theirs(ex):
    got, _ = run(ex, "Norway welcomed the conclusion of Chile's negotiations on the Lima Pact.")
    assert ("Norway", "NEGOTIATES", "Lima Pact") not in got, got


def test_those_who_renegotiate_an_agreement_are_its_parties(ex):
    got, _ = run(ex, "In 2019, Norway began renegotiation of the Lima Pact with Chile and Peru.")
    assert ("Chile", "PARTY_TO", "Lima Pact") in got, got
    assert ("Peru", "PARTY_TO", "Lima Pact") in got, got


def test_negotiating_a_new_agreement_makes_no_parties(ex):
    got, _ = run(ex, "In 2019, Norway began talks with Chile and Peru on the Lima Pact.")
    assert ("Chile", "NEGOTIATES", "Lima Pact") in got, got
    assert ("Chile", "PARTY_TO", "Lima Pact") not in got, got


def test_a_group_named_by_an_agreement_in_a_sentence_read_later(ex):
    # (the first sentence waits for "the Administration" to be known; the group's parties come from it)
    got, _ = run(ex, "President Smith leads Norway. In 2019, the Administration began renegotiation of the Lima Pact "
                     "with Chile and Peru. Both Lima Pact countries were signatories to the Andean Accord.")
    assert ("Chile", "SIGNS", "Andean Accord") in got, got
    assert ("Peru", "SIGNS", "Andean Accord") in got, got


def test_an_instance_of_a_series_the_document_abbreviated_is_its_own_agreement(ex):
    got, _ = run(ex, "Under the Special Cost Agreement (SCA), Chile pays part of the cost of Norwegian forces. Norway "
                     "and Chile concluded the 11th SCA in 2021. The 12th SCA, signed on November 4, 2024, takes effect "
                     "in 2026.")
    assert ("Norway", "PARTY_TO", "11th Special Cost Agreement") in got, got
    # (signed without a subject: the series' parties, as the document stated them)
    assert got[("Norway", "SIGNS", "12th Special Cost Agreement")]["year"] == 2024, got
    assert got[("Chile", "SIGNS", "12th Special Cost Agreement")]["year"] == 2024, got
    assert ("Norway", "SIGNS", "Special Cost Agreement") not in got, got


def test_a_states_drone_program_is_no_measure(ex):
    got, _ = run(ex, "Norway sanctioned Velkor Trading for supplying components to Iran's drone program.")
    assert not [k for k in got if k[0] == "Iran" and k[1] == "IMPOSES"], got


def test_a_name_the_document_called_a_firm_is_no_person_later(ex):
    got, out = run(ex, "Among those designated is Velkor Trading, a Chile-based company that shipped engines to Iran. "
                       "In addition, Velkor Trading was added to the Entity List in 2023.")
    assert [e.type for e in out.entities.values() if e.name == "Velkor Trading"] == ["Firm"], out.entities


def test_money_given_under_a_named_law_is_that_laws_measure(ex):
    got, _ = run(ex, "The Chilean Ministry of Mines awarded Velkor Semiconductor $600 million in grants under the "
                     "Copper Investment Act.")
    measure = "Copper Investment Act grants"
    assert ("Copper Investment Act", "AUTHORIZES", measure) in got, got
    assert got[(measure, "TARGETS", "Velkor Semiconductor")]["amount_usd"] == 6e8, got


def test_bare_grants_under_no_name_are_no_measure(ex):
    got, _ = run(ex, "The Chilean Ministry of Mines awarded Velkor Semiconductor $600 million in grants under its "
                     "new program.")
    assert not [k for k in got if "grants" in k[0] or "grants" in k[2]], got


@pytest.mark.parametrize("text, firm", [
    ("Velkor Battery Georgia, a subsidiary of Velkor Motors, opened in 2024.", "Velkor Battery Georgia"),
    ("Velkor Arizona is a semiconductor manufacturing subsidiary of Velkor Semiconductor.", "Velkor Arizona"),
])
def test_a_firm_named_with_the_place_it_works_in(ex, text, firm):
    got, _ = run(ex, text)
    assert [k for k in got if k[1] == "INVESTS_IN" and k[2] == firm], got


def test_a_first_item_named_inside_its_noun_is_in_the_list(ex):
    got, _ = run(ex, "Chile and Peru are members of the APEC forum and the OECD.")
    for country in ("Chile", "Peru"):
        assert (country, "MEMBER_OF", "APEC") in got, got
        assert (country, "MEMBER_OF", "OECD") in got, got


def test_what_a_measure_limits_about_a_field_is_no_field(ex):
    got, _ = run(ex, "Chile maintains restrictions on foreign ownership of mining companies.")
    assert not [k for k in got if k[2] == "foreign ownership"], got
    assert [k for k in got if k[1:] == ("TARGETS", "mining")], got


def test_a_cap_is_a_measure(ex):
    got, _ = run(ex, "Chile imposed a 40 percent cap on foreign equity in lithium projects.")
    assert ("Chile", "IMPOSES", "Chilean cap on foreign equity") in got, got


def test_a_plural_noun_the_parser_takes_for_the_verb_names_no_plan(ex):
    _, out = run(ex, "Velkor plans to build a battery plant in Norway.")
    assert not [e.name for e in out.entities.values() if e.type == "Policy"], out.entities


def test_a_kind_of_measure_under_a_named_law_is_that_laws(ex):
    got, _ = run(ex, "In 2018, Norway imposed tariffs under the Fisheries Protection Act on Chilean salmon.")
    measure = "Fisheries Protection Act tariffs"
    assert ("Norway", "IMPOSES", measure) in got, got
    assert ("Fisheries Protection Act", "AUTHORIZES", measure) in got, got
    assert (measure, "TARGETS", "Chile") in got, got


def test_a_body_signs_for_the_country_its_name_holds(ex):
    got, _ = run(ex, "The Norwegian Ministry of Defense and the Chilean Navy signed the Andean Naval Accord in 2021.")
    assert got[("Norway", "SIGNS", "Andean Naval Accord")]["year"] == 2021, got
    assert ("Chile", "SIGNS", "Andean Naval Accord") in got, got


def test_a_body_signing_with_a_firm_signs_no_pact_of_its_country(ex):
    got, _ = run(ex, "The Norwegian Ministry of Trade signed a memorandum of terms with Velkor Semiconductor in 2021.")
    assert not [k for k in got if k[0] == "Norway" and k[1] in ("SIGNS", "PARTY_TO")], got


@pytest.mark.parametrize("text, fact", [
    ("As of 2024, the Andean Pact had been ratified by Chile and Peru.", ("Chile", "RATIFIES", "Andean Pact")),
    ("By 2006, Velkor Semiconductor had invested $2 billion in Chile.", ("Velkor Semiconductor", "INVESTS_IN", "Chile")),
])
def test_a_date_by_which_things_had_happened_dates_none_of_them(ex, text, fact):
    got, _ = run(ex, text)
    assert fact in got and "year" not in got[fact], got


def test_a_date_by_which_something_happened_dates_it(ex):
    got, _ = run(ex, "By 2024, Norway became the largest foreign investor in Chile.")
    assert got[("Norway", "INVESTS_IN", "Chile")]["year"] == 2024, got


@pytest.mark.parametrize("text, fact", [
    ("The Andean Pact was concluded in 2019. Peru signed it in 2020.", ("Peru", "SIGNS", "Andean Pact")),
    ("The Andean Pact was concluded in 2019. Peru's Congress ratified it in 2020.", ("Peru", "RATIFIES", "Andean Pact")),
])
def test_it_after_a_verb_done_to_agreements_is_the_agreement_named_last(ex, text, fact):
    got, _ = run(ex, text)
    assert got[fact]["year"] == 2020, got


def test_it_with_no_agreement_named_is_nothing(ex):
    got, _ = run(ex, "Norway imposed tariffs in 2019. Chile signed it in 2020.")
    assert not [k for k in got if k[1] == "SIGNS"], got


def test_a_coordinated_verb_is_dated_by_its_own_phrase(ex):
    got, _ = run(ex, "Norway joined the Lima Pact in 2008 but withdrew from the Lima Pact in 2017.")
    assert got[("Norway", "WITHDRAWS_FROM", "Lima Pact")]["year"] == 2017, got


@pytest.mark.parametrize("text, fact", [
    ("Bolivia applied to join the Andean Pact in 2022, and Uruguay formally acceded in 2023.",
     ("Uruguay", "PARTY_TO", "Andean Pact")),
    ("Chile signed the Lima Pact in 2018 and Peru ratified in 2019.", ("Peru", "RATIFIES", "Lima Pact")),
])
def test_a_coordinated_verb_with_no_object_is_done_to_the_agreement_before(ex, text, fact):
    got, _ = run(ex, text)
    assert fact in got, got


def test_a_coordinated_verb_with_its_own_object_keeps_it(ex):
    got, _ = run(ex, "Chile signed the Lima Pact in 2018 and Peru ratified the Andean Accord in 2019.")
    assert ("Peru", "RATIFIES", "Lima Pact") not in got, got


def test_the_next_clauses_subject_is_no_part_of_a_measures_name(ex):
    got, _ = run(ex, "Chile imposed tariffs on Peru and Peru retaliated.")
    assert ("Chile", "IMPOSES", "Chilean tariffs on Peru") in got, got


@pytest.mark.parametrize("text", [
    "Peru responded with tariffs on Chilean wine.",
    "Peru countered with duties on Chilean wine.",
])
def test_answering_with_a_measure_on_anothers_goods_retaliates(ex, text):
    got, _ = run(ex, text)
    assert ("Peru", "RETALIATES_AGAINST", "Chile") in got, got


def test_a_measure_answered_with_on_an_amount_is_named_by_the_goods(ex):
    got, _ = run(ex, "Peru responded with tariffs on $3 billion of Chilean goods.")
    assert ("Peru", "IMPOSES", "Peruvian tariffs on Chilean goods") in got, got
    assert ("Peru", "RETALIATES_AGAINST", "Chile") in got, got


@pytest.mark.parametrize("text", [
    "Chile and Peru signed a trade agreement in 2006.",
    "In 2006, ministers signed a trade agreement between Chile and Peru.",
])
def test_a_pact_of_a_kind_is_named_by_the_two_sides_the_sentence_gives_it(ex, text):
    got, _ = run(ex, text)
    assert ("Chile", "PARTY_TO", "Chile-Peru trade agreement") in got, got
    assert ("Peru", "PARTY_TO", "Chile-Peru trade agreement") in got, got


@pytest.mark.parametrize("text", ["Chile and Peru might sign a trade agreement.",
                                  "Chile and Peru did not sign a trade agreement."])
def test_a_pact_two_sides_might_sign_is_no_pact(ex, text):
    got, out = run(ex, text)
    assert not [e.name for e in out.entities.values() if e.type == "Agreement"], got


@pytest.mark.parametrize("text", [
    "The Peruvian parliament ratified the Lima Pact in 2020.",
    "Peruvian lawmakers approved the Lima Pact in 2020.",
])
def test_a_countrys_legislature_named_by_its_adjective_ratifies_for_it(ex, text):
    got, _ = run(ex, text)
    assert got[("Peru", "RATIFIES", "Lima Pact")]["year"] == 2020, got


def test_officials_named_by_their_countrys_adjective_ratify_nothing(ex):
    got, _ = run(ex, "Peruvian officials approved the Lima Pact in 2020.")
    assert ("Peru", "RATIFIES", "Lima Pact") not in got, got


def test_a_passive_relative_clause_is_said_of_the_noun_it_hangs_from(ex):
    got, _ = run(ex, "The Lima Pact, which was signed by Chile, Peru and Colombia in 2011, created a free trade area.")
    for country in ("Chile", "Peru", "Colombia"):
        assert got[(country, "SIGNS", "Lima Pact")]["year"] == 2011, got


def test_a_participle_opening_the_sentence_is_said_of_its_subject(ex):
    got, _ = run(ex, "Ratified by Peru in 2010, the Lima Pact entered into force in 2011.")
    assert got[("Peru", "RATIFIES", "Lima Pact")]["year"] == 2010, got


def test_a_participle_opening_the_sentence_takes_no_year_from_the_main_clause(ex):
    got, _ = run(ex, "Negotiated by Chile and Peru, the Lima Pact entered into force in 2009.")
    assert ("Chile", "NEGOTIATES", "Lima Pact") in got, got
    assert "year" not in got[("Chile", "NEGOTIATES", "Lima Pact")], got


def test_a_verb_joined_without_a_subject_says_where_the_money_goes(ex):
    got, _ = run(ex, "Velkor Motors will invest $1.3 billion and create 900 jobs in Peoria, Arizona.")
    assert got[("Velkor Motors", "INVESTS_IN", "Arizona")]["amount_usd"] == 1.3e9, got


def test_a_joined_verb_with_a_subject_of_its_own_says_nothing_of_the_first(ex):
    got, _ = run(ex, "Velkor Motors will invest $1.3 billion and Korvell Motors will open a plant in Arizona.")
    assert ("Velkor Motors", "INVESTS_IN", "Arizona") not in got, got


def test_sites_a_firm_chose_over_are_not_its_own(ex):
    got, _ = run(ex, "Velkor Motors will build a plant in Georgia. Velkor Motors selected Georgia over sites in "
                     "Tennessee and Ohio.")
    assert ("Velkor Motors", "INVESTS_IN", "Georgia") in got, got
    assert not [k for k in got if k[2] in ("Tennessee", "Ohio")], got


@pytest.mark.parametrize("text, firm", [
    ("Daewon Machinery said sales rose.", "Daewon Machinery"),
    ("Sunwoo Electric said sales rose.", "Sunwoo Electric"),
])
def test_a_name_ending_in_its_trade_is_a_firm(ex, text, firm):
    _, out = run(ex, text)
    assert {e.name: e.type for e in out.entities.values()}.get(firm) == "Firm", out.entities


def test_a_firm_that_supplies_another_is_its_partner(ex):
    got, _ = run(ex, "Korvell Motors will supply batteries to Velkor Motors.")
    assert ("Korvell Motors", "PARTNERS_WITH", "Velkor Motors") in got, got
    got, _ = run(ex, "Korvell Motors will supply batteries to Ohio.")
    assert not [k for k in got if k[1] == "PARTNERS_WITH"], got


def test_a_name_a_firm_signs_a_contract_with_is_a_firm(ex):
    got, _ = run(ex, "Velkor Motors signed a supply contract with Lumera.")
    assert ("Velkor Motors", "PARTNERS_WITH", "Lumera") in got or ("Lumera", "PARTNERS_WITH", "Velkor Motors") in got


@pytest.mark.parametrize("text, fact", [
    ("The CEO of Velkor Motors, Kim Min-jun, visited Ohio.", ("Kim Min-jun", "LEADS", "Velkor Motors")),
    ("The Peruvian Trade Representative, Jonas Berg, visited Lima.",
     ("Jonas Berg", "LEADS", "Peruvian Trade Representative")),
])
def test_a_title_set_beside_a_name_by_commas_is_held(ex, text, fact):
    got, _ = run(ex, text)
    assert fact in got, got


def test_a_list_of_a_firm_and_people_holds_no_title(ex):
    got, _ = run(ex, "Velkor Motors, Kim Min-jun and Park Ji-ho visited Ohio.")
    assert not [k for k in got if k[1] == "LEADS"], got


def test_a_known_body_read_with_its_article_is_not_also_a_firm(ex):
    _, out = run(ex, "The Korea Development Bank provided loans to Velkor Motors.")
    assert [e.type for e in out.entities.values() if e.name == "Korea Development Bank"] == ["GovernmentBody"]


@pytest.mark.parametrize("text, fact", [
    ("Peru acceded to the WTO in 1995.", ("Peru", "MEMBER_OF", "WTO")),
    ("Peru's accession to the WTO in 1995 opened its market.", ("Peru", "MEMBER_OF", "WTO")),
    ("Peru was admitted into the WTO in 1995.", ("Peru", "MEMBER_OF", "WTO")),
    ("Bolivia was admitted to the Andean Accord in 2024.", ("Bolivia", "PARTY_TO", "Andean Accord")),
    ("Bolivia signed on to the Andean Accord in 2020.", ("Bolivia", "SIGNS", "Andean Accord")),
])
def test_joining_by_accession_admission_and_signing_on(ex, text, fact):
    got, _ = run(ex, text)
    assert fact in got, got


def test_a_country_not_admitted_is_no_party(ex):
    got, _ = run(ex, "Bolivia was not admitted to the Andean Accord.")
    assert not got, got


@pytest.mark.parametrize("text", [
    "Peru has expressed interest in joining the Andean Accord.",
    "Peru weighed the prospect of signing the Andean Accord.",
])
def test_an_act_only_wished_or_weighed_is_not_done(ex, text):
    got, _ = run(ex, text)
    assert not [k for k in got if k[1] in ("PARTY_TO", "SIGNS")], got


@pytest.mark.parametrize("text", [
    "Chile imposed sanctions on Peru in 2017 after Peru agreed to host a Norwegian radar.",
    "Chile imposed tariffs on Peruvian copper following Peru's call for an inquiry.",
])
def test_a_measure_on_a_country_after_its_own_act_answers_it(ex, text):
    got, _ = run(ex, text)
    assert ("Chile", "RETALIATES_AGAINST", "Peru") in got, got


@pytest.mark.parametrize("text", [
    "Chile imposed tariffs on Peruvian copper after an investigation found dumping.",
    "Chile imposed tariffs on Peruvian copper after Norway raised its own duties.",
])
def test_a_measure_after_no_act_of_its_targets_answers_none(ex, text):
    got, _ = run(ex, text)
    assert not [k for k in got if k[1] == "RETALIATES_AGAINST"], got


def test_what_a_measure_is_on_ends_before_a_clause_of_its_own(ex):
    got, _ = run(ex, "Chile imposed sanctions on Peru in 2017 after Peru agreed to host a Norwegian radar.")
    assert not [k for k in got if k[1] == "TARGETS" and k[2] == "Norway"], got


@pytest.mark.parametrize("text", [
    "In protest over Chile's tariffs, Peru imposed duties on Chilean wine.",
    "Peru closed the joint industrial park in protest over Chilean provocations.",
])
def test_an_act_in_protest_over_anothers_answers_it(ex, text):
    got, _ = run(ex, text)
    assert ("Peru", "RETALIATES_AGAINST", "Chile") in got, got


def test_a_plant_built_where_money_is_put_is_there_past_a_misattached_purpose(ex):
    got, _ = run(ex, "The loan builds upon Korvell's investment of about $3 billion in Dayton, Ohio, to build a cell "
                     "packaging plant for drones and an advanced research facility, creating 900 jobs.")
    # (named by the firm that puts money in it: "Korvell cell packaging plant")
    assert [k for k in got if k[0].endswith("cell packaging plant") and k[1:] == ("LOCATED_IN", "Ohio")], got


def test_a_kind_of_facility_someone_builds_is_one_facility(ex):
    got, _ = run(ex, "Velkor Motors invested $2 billion in Ohio to build a packaging plant.")
    assert [k for k in got if k[1] == "LOCATED_IN" and "packaging plant" in k[0] and k[2] == "Ohio"], got
    got, _ = run(ex, "Velkor Motors and Korvell Motors will build cutting-edge facilities in the United States.")
    assert not [k for k in got if k[1] == "LOCATED_IN"], got


def test_money_put_in_a_facility_is_put_where_it_stands(ex):
    got, _ = run(ex, "In 2024, Velkor Heavy Industries acquired Korvell Marine's shipyard in Mobile, Alabama.")
    assert got[("Velkor Heavy Industries", "INVESTS_IN", "Alabama")]["year"] == 2024, got


def test_a_pact_of_a_kind_two_sides_hold_talks_on_is_theirs(ex):
    got, _ = run(ex, "Chile and Peru did not begin negotiations on a free trade agreement until 2004.")
    assert got[("Chile", "NEGOTIATES", "Chile-Peru FTA")]["year"] == 2004, got
    assert ("Peru", "NEGOTIATES", "Chile-Peru FTA") in got, got


def test_a_sum_put_in_one_state_is_put_in_the_country_the_sentence_also_names(ex):
    got, _ = run(ex, "The proposed grant builds upon Samsung SDI's investment of approximately $3 billion in Dayton, "
                     "Ohio, to build a cell packaging plant for artificial intelligence (AI) products and an advanced "
                     "packaging R&D facility, creating approximately 1,000 new jobs and filling a critical gap in the "
                     "U.S. battery supply chain.")
    assert got[("Samsung SDI", "INVESTS_IN", "United States")].get("amount_usd") == 3e9, got


def test_the_sum_a_law_provides_for_a_measure_is_the_authorisations(ex):
    got, _ = run(ex, "The Andean Mining Act includes $3 billion in subsidies for copper mining.")
    assert got[("Andean Mining Act", "AUTHORIZES", "subsidies for copper mining")]["amount_usd"] == 3e9, got


@pytest.mark.parametrize("text, fact", [
    ("The Andean Accord covers Chile, Peru and Bolivia.", ("Bolivia", "PARTY_TO", "Andean Accord")),
    ("Chile and Peru founded the Pacific Alliance in 2011.", ("Peru", "MEMBER_OF", "Pacific Alliance")),
])
def test_what_a_pact_covers_and_who_founds_a_body_are_its_parties(ex, text, fact):
    got, _ = run(ex, text)
    assert fact in got, got


def test_a_pact_covering_goods_has_no_parties_by_it(ex):
    got, _ = run(ex, "The Andean Accord covers steel and copper.")
    assert not got, got


def test_an_unknown_name_that_signs_a_contract_is_a_firm(ex):
    got, _ = run(ex, "Codelco signed a supply contract with Posteel.")
    assert ("Codelco", "PARTNERS_WITH", "Posteel") in got or ("Posteel", "PARTNERS_WITH", "Codelco") in got, got


def test_an_unknown_name_that_signs_a_pact_is_no_firm(ex):
    _, out = run(ex, "Lumera signed the Andean Accord in 2020.")
    assert not [e for e in out.entities.values() if e.type == "Firm"], out.entities


@pytest.mark.parametrize("text", [
    "The USMCA is meant to supersede NAFTA.",  # (names with no kind's word in them)
    "The USMCA was intended to replace NAFTA.",
])
def test_what_a_named_instrument_is_made_to_do_it_does(ex, text):
    got, _ = run(ex, text)
    assert ("USMCA", "AMENDS", "NAFTA") in got, got


def test_what_a_named_instrument_is_expected_to_do_is_not_done(ex):
    got, _ = run(ex, "The Lima Pact is expected to replace the Andean Accord.")
    assert not got, got


def test_control_passing_to_a_firm_when_the_parser_hangs_the_verb_from_the_yard(ex):
    got, _ = run(ex, "Korvell Marine built the Lima Shipyard in 1997. In 2005, control of the yard passed to Aker, "
                     "which bought the troubled Kvaerner firm.")
    assert got[("Aker", "INVESTS_IN", "Lima Shipyard")]["year"] == 2005, got


def test_a_measure_named_in_the_same_words_twice_is_one(ex):
    _, out = run(ex, "Peru agreed to the deployment of the Condor radar in 2016. Chile opposed the Condor radar "
                     "deployment.")
    assert {e.name for e in out.entities.values() if e.type == "Policy"} == {"Condor radar deployment"}, out.entities


def test_a_short_name_two_measures_share_stays_its_own(ex):
    _, out = run(ex, "Chile imposed tariffs on Peruvian wine. Chile imposed tariffs on Peruvian copper.")
    assert len([e for e in out.entities.values() if e.type == "Policy"]) == 2, out.entities


@pytest.mark.parametrize("text, parties", [
    ("The Andean Accord entered into force for Venezuela in 2025.", ["Venezuela"]),
    ("The Andean Accord took effect between Chile and Peru in 2009.", ["Chile", "Peru"]),
])
def test_those_a_pact_is_in_force_for_are_its_parties(ex, text, parties):
    got, _ = run(ex, text)
    for p in parties:
        assert (p, "PARTY_TO", "Andean Accord") in got, got


def test_a_pact_not_in_force_for_a_country_has_no_party_by_it(ex):
    got, _ = run(ex, "The Andean Accord has not entered into force for Venezuela.")
    assert not got, got


@pytest.mark.parametrize("text, fact", [
    ("Norway's Ministry of Trade is adding 12 firms located in Chile to its export control list.",
     ("Norwegian export control list", "TARGETS", "Chile")),
    ("The Ministry of Trade placed three companies headquartered in Peru on the Norwegian sanctions list.",
     ("Norwegian sanctions list", "TARGETS", "Peru")),
])
def test_a_group_seated_in_a_country_stands_for_it_as_its_adjective_would(ex, text, fact):
    got, _ = run(ex, text)
    assert fact in got, got


@pytest.mark.parametrize("text, fact", [
    ("The Ministry of Trade added Velkor Corporation to the Entity List.",
     ("Ministry of Trade, Industry and Energy", "IMPOSES", "Entity List")),
    ("Norway placed Velkor Corporation on the Entity List in 2021.", ("Norway", "IMPOSES", "Entity List")),
    ("Norway put lithium on its export control list.", ("Norwegian export control list", "TARGETS", "lithium")),
])
def test_who_puts_names_on_a_list_imposes_it(ex, text, fact):
    got, _ = run(ex, text)
    assert fact in got, got


def test_a_participles_subject_is_the_noun_it_describes_not_the_clauses(ex):
    got, _ = run(ex, "Norway's Ministry of Trade is adding 12 firms located in Chile to its export control list.")
    assert ("Norwegian Ministry of Trade", "LOCATED_IN", "Chile") not in got, got



@pytest.mark.parametrize("text, targets", [
    ("Executive Order 14999 designates Peru as a foreign adversary.", ["Peru"]),
    ("The Secure Supply Act identifies Chile and Norway as foreign countries of concern.", ["Chile", "Norway"]),
])
def test_what_an_instrument_designates_it_targets(ex, text, targets):
    got, _ = run(ex, text)
    assert {o for _, p, o in got if p == "TARGETS"} >= set(targets), got


@pytest.mark.parametrize("text, fact", [
    ("Chile raised tariffs under Section 301 of the Trade Act of 1974 on $18 billion of imports from Peru.",
     ("Trade Act of 1974", "AUTHORIZES", "Section 301 tariffs")),
    ("The Andean Trade Act provides subsidies for $4 billion of copper exports.",
     ("Andean Trade Act", "AUTHORIZES", "subsidies for copper exports")),
])
def test_a_value_of_goods_is_no_sum_authorised(ex, text, fact):
    got, _ = run(ex, text)
    assert fact in got and "amount_usd" not in got[fact], got


def test_a_sum_given_for_a_measure_is_still_authorised(ex):
    got, _ = run(ex, "The Andean Trade Act provides $4 billion in subsidies for copper mining.")
    assert got[("Andean Trade Act", "AUTHORIZES", "subsidies for copper mining")]["amount_usd"] == 4e9


def test_a_law_cited_for_a_clause_authorises_the_measure_the_clause_is_about(ex):
    got, _ = run(ex, "Under the Andean Trade Act, copper mined outside Peru is ineligible for the Andean mining credit.")
    assert ("Andean Trade Act", "AUTHORIZES", "Andean mining credit") in got, got


def test_a_law_cited_for_a_clause_does_not_authorise_a_measure_in_a_clause_below_it(ex):
    got, _ = run(ex, "Under the Andean Trade Act, Peru lowered its tariffs, although Chile kept the Andean mining credit.")
    assert ("Andean Trade Act", "AUTHORIZES", "Andean mining credit") not in got, got


@pytest.mark.parametrize("text, party", [
    ("The Lima Pact requires Peru to cut its tariffs on Chilean wine by 2030.", "Peru"),
    ("The Andean Accord requires Chile and Norway to share port data.", "Norway"),
])
def test_who_a_pact_obliges_is_its_party(ex, text, party):
    got, _ = run(ex, text)
    assert any(s == party and p == "PARTY_TO" for s, p, _ in got), got


def test_who_a_pact_does_not_oblige_is_no_party_by_it(ex):
    got, _ = run(ex, "The Lima Pact does not require Peru to cut its tariffs.")
    assert not any(p == "PARTY_TO" for _, p, _ in got), got


@pytest.mark.parametrize("text", [
    "Chile imposed tariffs on copper with the exception of imports from Peru and Norway.",
    "Chile imposed a ban on copper, except for copper from Peru and Norway.",
])
def test_the_sources_an_exception_names_are_exempt_from_the_measure(ex, text):
    got, _ = run(ex, text)
    assert {o for _, p, o in got if p == "EXEMPTS"} >= {"Peru", "Norway"}, got


def test_a_lowercase_act_is_a_deed_not_a_law(ex):
    _, out = run(ex, "Chile imposed a quota on copper from Peru, see related state act.")
    assert not any(e.type == "Law" for e in out.entities.values()), [e.name for e in out.entities.values()]


def test_a_capitalised_act_is_a_law(ex):
    _, out = run(ex, "The Andean Mining Act imposed a quota on copper from Peru.")
    assert any(e.type == "Law" and e.name == "Andean Mining Act" for e in out.entities.values())


@pytest.mark.parametrize("text, exempt", [
    ("Chile granted an exemption from the copper tariffs to Peru and Norway.", {"Peru", "Norway"}),
    ("Chile approved an exemption from the copper tariffs for Peru.", {"Peru"}),
])
def test_who_is_granted_an_exemption_from_a_measure_is_exempt_not_targeted(ex, text, exempt):
    got, _ = run(ex, text)
    tariffs = next(s for s, p, _ in got if p == "EXEMPTS")
    assert {o for s, p, o in got if p == "EXEMPTS" and s == tariffs} == exempt, got
    assert not {o for s, p, o in got if p == "TARGETS" and s == tariffs} & exempt, got


def test_a_country_that_grants_an_exemption_exempts(ex):
    got, _ = run(ex, "Chile granted Peru an exemption from the copper tariffs.")
    assert ("Chile", "EXEMPTS", "Peru") in got and not any(p == "TARGETS" and o == "Peru" for _, p, o in got), got


@pytest.mark.parametrize("text, name", [
    ("Chile granted a temporary exemption for a slew of Andean exporters.", "temporary exemption for Andean exporters"),
    ("Chile imposed tariffs on a range of Peruvian products.", "Chilean tariffs on Peruvian products"),
])
def test_a_measure_is_named_by_what_a_quantity_counts_not_by_the_quantity(ex, text, name):
    _, out = run(ex, text)
    assert any(e.name.endswith(name) for e in out.entities.values() if e.type == "Policy"), \
        [e.name for e in out.entities.values()]


def test_who_buys_a_stake_invests_and_who_sells_it_does_not(ex):
    got, _ = run(ex, "Velkor Corporation sold its 40 percent stake in Korvell Corporation to Tarsk Holdings for "
                     "$1 billion.")
    assert got[("Tarsk Holdings", "INVESTS_IN", "Korvell Corporation")]["amount_usd"] == 1e9, got
    assert ("Velkor Corporation", "INVESTS_IN", "Korvell Corporation") not in got, got


def test_a_seller_invests_nothing_in_the_plant_it_sells(ex):
    got, _ = run(ex, "Velkor Corporation has agreed to sell its stake of its battery plant building in Ohio to "
                     "Tarsk Holdings for $2 billion.")
    assert not any(s == "Velkor Corporation" and p == "INVESTS_IN" for s, p, _ in got), got


def test_a_list_the_parser_breaks_with_an_apposition_inside_is_one_list(ex):
    # (the small parser hangs "Fiji" from "Darussalam" as an apposition, and the rest of the list from "Fiji")
    got, _ = run(ex, "In 2022, Chile launched the Lima Pact with Peru, Brunei Darussalam, Fiji, India, Indonesia, "
                     "Norway, and Vietnam.")
    assert {s for s, p, o in got if p == "NEGOTIATES"} >= {"Peru", "Brunei", "Fiji", "India", "Norway", "Vietnam"}, got


@pytest.mark.parametrize("text, fact", [
    ("The members of the Lima Pact include Peru, Chile and Norway.", ("Norway", "PARTY_TO", "Lima Pact")),
    ("The member states of ASEAN are Brunei, Cambodia, Indonesia and Vietnam.", ("Vietnam", "MEMBER_OF", "ASEAN")),
])
def test_the_members_a_copula_lists_are_members(ex, text, fact):
    got, _ = run(ex, text)
    assert fact in got, got


def test_the_members_a_negated_copula_lists_are_none(ex):
    got, _ = run(ex, "The members of the Lima Pact are not Peru and Norway.")
    assert not any(p == "PARTY_TO" for _, p, _ in got), got


def test_a_description_takes_the_kind_of_the_instrument_name_it_goes_by(ex):
    got, out = run(ex, "The regional initiative, known as the Lima Pact, was launched by Chile and Peru in 2021.")
    assert ("Chile", "NEGOTIATES", "Lima Pact") in got, got
    assert not any(e.type == "Policy" for e in out.entities.values()), [e.name for e in out.entities.values()]


@pytest.mark.parametrize("text", [
    "The Japan-led CPTPP pact helped Chile export copper.",
    "The Indo-Pacific Economic Framework deal helped Chile export copper.",
])
def test_a_known_pact_named_with_a_generic_noun_after_it_is_the_known_pact(ex, text):
    _, out = run(ex, text)
    assert [e.name for e in out.entities.values() if e.type == "Agreement"] in (["CPTPP"], ["IPEF"]), \
        [e.name for e in out.entities.values()]


@pytest.mark.parametrize("text", [
    "Toyota Motor Corp. announced plans to build a $220 million engine plant in the Tarsk area.",
])
def test_a_name_before_area_is_a_place_no_firm(ex, text):
    _, out = run(ex, text)
    assert not any(e.type == "Firm" and "Tarsk" in e.name for e in out.entities.values()), \
        [(e.name, e.type) for e in out.entities.values()]


def test_a_region_before_countries_is_no_firm(ex):
    _, out = run(ex, "An agreement signed by Chile and 13 other Indo-Pacific countries aimed at reinforcing their "
                     "supply chains will enter into force on May 4.")  # ("supply": a firm's word in the sentence)
    assert not any(e.type == "Firm" for e in out.entities.values()), [(e.name, e.type) for e in out.entities.values()]


def test_the_state_is_the_us_state_named_last(ex):
    got, _ = run(ex, "Velkor Corporation is building a battery plant in Ohio. To win the project, the state provided "
                     "$300 million in grants to Velkor Corporation.")
    assert got[("Velkor Corporation", "PARTNERS_WITH", "Ohio")]["amount_usd"] == 3e8, got


def test_the_state_after_a_foreign_country_is_not_a_us_state(ex):
    got, _ = run(ex, "Velkor Corporation has a plant in Ohio and a mine in Chile. The state provided $300 million "
                     "in grants to Velkor Corporation.")
    assert ("Velkor Corporation", "PARTNERS_WITH", "Ohio") not in got, got


def test_a_sum_written_before_one_facility_is_not_anothers(ex):
    got, _ = run(ex, "Velkor Corporation is building a $1.6 billion factory in Ohio to make batteries, primarily for "
                     "Korvell Motors' assembly plant in Texas.")
    assert "amount_usd" not in got.get(("Korvell Motors", "INVESTS_IN", "Texas"), {}), got
    assert got[("Velkor Corporation", "INVESTS_IN", "Ohio")]["amount_usd"] == 1.6e9, got


def test_an_act_supposed_by_an_if_clause_of_a_drafted_instrument_is_no_fact(ex):
    got, _ = run(ex, "If Congress passes it, the bill would impose tariffs on copper from Chile.")
    assert not any(s == "Congress" for s, _, _ in got), got
    assert got[("tariffs on copper", "TARGETS", "Chile")].get("status") == "proposed", got


def test_a_firm_described_as_a_factory_is_located_where_the_factory_is(ex):
    got, out = run(ex, "Velkor Motors is an automobile factory in Montgomery, Alabama.")
    assert ("Velkor Motors", "LOCATED_IN", "Alabama") in got, got
    assert not any(e.type == "Facility" for e in out.entities.values()), [e.name for e in out.entities.values()]


@pytest.mark.parametrize("text", [
    "Velkor Motors was incorporated as a subsidiary of Tarsk Holdings in 2002.",
    "Velkor Motors operates as a unit of Tarsk Holdings.",
])
def test_what_a_firm_is_made_as_it_is(ex, text):
    got, _ = run(ex, text)
    assert ("Tarsk Holdings", "INVESTS_IN", "Velkor Motors") in got, got


def test_a_builders_plans_for_a_factory_are_its_investment_no_policy(ex):
    got, out = run(ex, "Velkor Motors unveiled plans for a $4 billion factory in Texas.")
    assert got[("Velkor Motors", "INVESTS_IN", "Texas")]["amount_usd"] == 4e9, got
    assert not any(e.type == "Policy" for e in out.entities.values()), [e.name for e in out.entities.values()]


def test_the_leaders_of_countries_act_for_them(ex):
    got, _ = run(ex, "The leaders of Chile and Peru signed the Lima Pact in 2021.")
    assert {("Chile", "SIGNS", "Lima Pact"), ("Peru", "SIGNS", "Lima Pact")} <= set(got), got


@pytest.mark.parametrize("text, fact", [
    ("All original Lima Pact signatories except Norway agreed in 2019 to revive it.", ("Norway", "SIGNS", "Lima Pact")),
    ("All members of the WTO except Chile and Peru backed the deal.", ("Peru", "MEMBER_OF", "WTO")),
])
def test_one_excepted_from_what_a_group_does_still_belongs_to_it(ex, text, fact):
    got, _ = run(ex, text)
    assert fact in got and "year" not in got[fact], got


def test_who_a_pact_is_signed_with_at_a_ceremony_signs_it(ex):
    got, _ = run(ex, "In a ceremony with Peruvian President Dina Boluarte, President Gabriel Boric signed the Lima Pact.")
    assert ("Dina Boluarte", "SIGNS", "Lima Pact") in got, got


@pytest.mark.parametrize("text", [
    "On 15 August 2013, Chile and Peru agreed that the border crossing should be reopened.",
    "Chile and Peru agreed to cut tariffs on copper.",
])
def test_countries_that_agree_on_a_clause_negotiate_with_each_other(ex, text):
    got, _ = run(ex, text)
    assert ("Chile", "NEGOTIATES", "Peru") in got, got


def test_countries_that_do_not_agree_negotiate_nothing(ex):
    got, _ = run(ex, "Chile and Peru did not agree to cut tariffs.")
    assert not any(p == "NEGOTIATES" for _, p, _ in got), got


@pytest.mark.parametrize("text", [
    "The Tarsk Group, controlled by billionaire Kim Min-jun, bought the yard.",
    "Kim Min-jun controls the Tarsk Group.",
])
def test_a_person_who_controls_a_firm_leads_it(ex, text):
    got, _ = run(ex, text)
    assert ("Kim Min-jun", "LEADS", "Tarsk Group") in got, got


def test_these_investments_go_on_with_the_investor_of_the_sentence_before(ex):
    got, _ = run(ex, "Since 2021, Chilean companies have invested $14 billion in Peru. These investments span crucial "
                     "sectors, including copper and lithium.")
    assert {("Chile", "INVESTS_IN", "copper"), ("Chile", "INVESTS_IN", "lithium")} <= set(got), got


def test_an_investment_two_sentences_on_has_no_investor_by_it(ex):
    got, _ = run(ex, "Since 2021, Chilean companies have invested $14 billion in Peru. Peru grew fast. These "
                     "investments span crucial sectors, including copper and lithium.")
    assert ("Chile", "INVESTS_IN", "copper") not in got, got


@pytest.mark.parametrize("text, buyer", [
    ("Velkor Corporation will build four tankers for Tarsk Holdings.", "Tarsk Holdings"),
    ("Hanwha Ocean will build ships for the U.S. Navy.", "U.S. Navy"),
])
def test_a_firm_that_builds_for_a_buyer_is_its_partner(ex, text, buyer):
    got, _ = run(ex, text)
    assert any(p == "PARTNERS_WITH" and buyer in (s, o) for s, p, o in got), got


def test_a_firm_that_builds_for_a_price_has_no_partner_by_it(ex):
    got, _ = run(ex, "Velkor Corporation built a plant for $2 billion.")
    assert not any(p == "PARTNERS_WITH" for _, p, _ in got), got


def test_a_minister_of_a_ministry_that_lists_its_fields_leads_it(ex):
    got, _ = run(ex, "Minister of Trade, Industry and Energy Ahn Duk-geun visited Washington.")
    assert ("Ahn Duk-geun", "LEADS", "Ministry of Trade, Industry and Energy") in got, got


def test_the_minister_of_a_ministry_that_lists_its_fields_acts_for_it(ex):
    _, out = run(ex, "The Minister of Trade, Industry and Energy said exports grew.")
    assert [e.name for e in out.entities.values()] == ["Ministry of Trade, Industry and Energy"], \
        [e.name for e in out.entities.values()]


@pytest.mark.parametrize("text, expected", [
    # a capital opening the clause, which the parser reads as an adverbial noun (as in a dateline)
    ("Beijing banned group tours to Peru in 2019.", ("China", "IMPOSES", "Chinese ban on group tours to Peru")),
    # a subject the parser hangs from the auxiliary ("had earlier this month removed")
    ("Chile had earlier this month removed Peru from its list of trusted trading partners.",
     ("Chilean list removal of Peru", "TARGETS", "Peru")),
])
def test_a_subject_the_parser_misplaces_is_the_verbs(ex, text, expected):
    got, _ = run(ex, text)
    assert expected in got, got


def test_the_patients_of_a_passive_exemption_exempt_no_one(ex):
    got, _ = run(ex, "Norway and Chile were exempted from the Peruvian copper tariffs.")
    assert ("Peruvian copper tariffs", "EXEMPTS", "Chile") in got, got
    assert ("Norway", "EXEMPTS", "Chile") not in got and ("Chile", "EXEMPTS", "Norway") not in got, got


@pytest.mark.parametrize("text", [
    "Peru imposed tariffs on copper wire, hitting Velkor Corporation and Korvell Steel.",
    "Peru imposed tariffs on copper wire, which hit Velkor Corporation.",
])
def test_what_the_measure_taken_hits_it_targets(ex, text):
    got, _ = run(ex, text)
    assert ("Peruvian tariffs on copper wire", "TARGETS", "Velkor Corporation") in got, got


def test_what_is_yet_to_be_done_is_not_done(ex):
    got, _ = run(ex, "Norway's parliament has yet to ratify the Lima Pact.")
    assert not any(p in ("RATIFIES", "PARTY_TO") for _, p, _ in got), got


def test_the_company_is_the_firm_named_earlier_in_its_sentence(ex):
    got, _ = run(ex, "Korvell Steel is a steelmaker. Velkor Corporation CEO Ana Ruiz said the company would build a "
                     "plant in Ohio.")
    assert ("Velkor Corporation", "INVESTS_IN", "Ohio") in got, got
    assert not any(p == "INVESTS_IN" and s in ("Ana Ruiz", "Korvell Steel") for s, p, _ in got), got


def test_who_moves_forward_with_plans_to_build_builds(ex):
    got, _ = run(ex, "Velkor Corporation and Korvell Steel are moving forward with plans to build a steel mill in Ohio.")
    assert ("Velkor Corporation", "INVESTS_IN", "Ohio") in got and ("Korvell Steel", "INVESTS_IN", "Ohio") in got, got


def test_a_so_called_list_is_named_without_the_distancing_words(ex):
    got, _ = run(ex, 'Chile removed Peru from a so-called "white list" of countries.')
    assert ("Chile", "IMPOSES", "Chilean white list removal of Peru") in got, got


def test_a_tit_for_tat_measure_retaliates(ex):
    got, _ = run(ex, "In a tit-for-tat move, Chile raised tariffs on Peruvian wine.")
    assert ("Chile", "RETALIATES_AGAINST", "Peru") in got, got


@pytest.mark.parametrize("text, law, measure", [
    ("Chile ordered tariffs on copper wire, citing Article 7 of the Lima Trade Act of 1990.", "Lima Trade Act of 1990",
     "Chilean tariffs on copper wire"),
    ("Invoking the Lima Trade Act of 1990, Chile imposed tariffs on copper wire.", "Lima Trade Act of 1990",
     "Chilean tariffs on copper wire"),
])
def test_a_law_cited_beside_the_clause_authorises_its_measure(ex, text, law, measure):
    got, _ = run(ex, text)
    assert (law, "AUTHORIZES", measure) in got, got


@pytest.mark.parametrize("written", ["US-Korea FTA", "Korea-United States FTA", "ROK-US Free Trade Agreement"])
def test_a_two_sided_fta_is_known_in_its_usual_spellings(ex, written):
    _, out = run(ex, f"Officials discussed the {written} in Seoul.")
    assert "KORUS FTA" in {e.name for e in out.entities.values()}, [e.name for e in out.entities.values()]


def test_a_body_named_with_us_written_without_points_is_known(ex):
    _, out = run(ex, "The Office of the US Trade Representative announced the outcomes.")
    assert "USTR" in {e.name for e in out.entities.values()}, [e.name for e in out.entities.values()]


def test_a_conjoined_verb_shares_the_passive_subject(ex):
    got, _ = run(ex, "Peru was exempted from the Chilean copper tariffs but is subject to a copper quota.")
    assert ("copper quota", "TARGETS", "Peru") in got, got


@pytest.mark.parametrize("text", [
    "Peruvian negotiators rejected demands for a higher Chilean content requirement.",
    "Norway ignored calls for Peruvian copper tariffs.",
])
def test_a_measure_only_asked_for_is_not_imposed(ex, text):
    got, _ = run(ex, text)
    assert not any(p == "IMPOSES" for _, p, _ in got), got


def test_a_restricted_flow_whose_phrases_hang_from_the_verb_is_still_named_by_them(ex):
    got, _ = run(ex, "On July 1, 2019 the Chilean government restricted the export to Norway of three classes of "
                     "materials: lithium, copper and zinc.")
    assert ("Chile", "IMPOSES", "Chilean restrictions on export to Norway") in got, got
    assert ("Chilean restrictions on export to Norway", "TARGETS", "Norway") in got, got


def test_an_owner_before_its_noun_is_no_object_by_word_order(ex):
    got, _ = run(ex, "Chile and Norway had started discussing its deployment in the backdrop of Peru’s series of "
                     "missile tests.")
    assert not any(o == "Peru" for _, _, o in got), got


def test_who_bears_the_brunt_of_a_measure_is_its_target(ex):
    got, _ = run(ex, "Velkor Corporation faced the brunt of the Chilean sanctions.")
    assert ("Chilean sanctions", "TARGETS", "Velkor Corporation") in got, got


def test_a_known_name_written_with_diacritics_is_known(ex):
    _, out = run(ex, "Tourists visited Mt. Kŭmgang in 2005.")
    assert "Mount Kumgang Tourist Region" in {e.name for e in out.entities.values()}, \
        [e.name for e in out.entities.values()]


def test_a_long_facility_name_written_small_is_known(ex):
    _, out = run(ex, "Velkor Corporation built the Kaesong industrial complex.")
    assert "Kaesong Industrial Complex" in {e.name for e in out.entities.values()}, \
        [e.name for e in out.entities.values()]


def test_a_government_that_says_it_will_close_a_site_closes_it(ex):
    got, _ = run(ex, "In 2016, the Chilean government announced that it would close the Velkor plant in Peru in "
                     "response to Peru's missile test.")
    assert any(s == "Chile" and p == "IMPOSES" for s, p, _ in got), got


def test_what_is_lacked_is_not_stated(ex):
    got, _ = run(ex, "Without production facilities in North America for batteries, Velkor Corporation makes "
                     "batteries in Chile.")
    assert not any(p == "INVESTS_IN" for _, p, _ in got), got


def test_two_owners_sharing_one_possessive_both_own(ex):
    got, _ = run(ex, "Velkor Corporation and Korvell Steel's joint plant in Ohio opened in 2025.")
    assert ("Velkor Corporation", "INVESTS_IN", "Ohio") in got and ("Korvell Steel", "INVESTS_IN", "Ohio") in got, got


@pytest.mark.parametrize("text", [
    "Velkor Corporation will build a plant for electric vehicle batteries in Ohio.",
    "Velkor Corporation said it would spend $2 billion to build a smelter of strategic materials in Clarksville, Tenn.",
])
def test_a_facilitys_place_hung_from_its_goods_or_its_verb_is_its_own(ex, text):
    got, _ = run(ex, text)
    assert any(s == "Velkor Corporation" and p == "INVESTS_IN" and o in ("Ohio", "Tennessee") for s, p, o in got), got


def test_the_place_based_company_is_the_firm_named_last(ex):
    got, _ = run(ex, "Velkor Corporation opened an office in Lima. The Seoul-based company said it would "
                     "collaborate with Korvell Steel.")
    assert not any(s == "South Korea" for s, _, _ in got), got


@pytest.mark.parametrize("text", [
    "Chile, home to copper miners Velkor Corporation and Korvell Steel, raised royalties.",
    "Ohio is home to Velkor Corporation.",
])
def test_who_a_place_is_home_to_is_located_in_it(ex, text):
    got, _ = run(ex, text)
    assert any(s == "Velkor Corporation" and p == "LOCATED_IN" and o in ("Chile", "Ohio") for s, p, o in got), got


@pytest.mark.parametrize("text", [
    "John Miller, Velkor Corporation CEO, said the plant would open.",
    "John Miller, the Velkor Corporation chief executive, said the plant would open.",
])
def test_a_title_after_a_firm_set_beside_a_name_is_the_persons(ex, text):
    got, _ = run(ex, text)
    assert ("John Miller", "LEADS", "Velkor Corporation") in got, got


def test_an_agreement_talks_are_to_reach_is_negotiated_not_in_force(ex):
    got, _ = run(ex, "Negotiations to reach a new trade agreement between Chile and Peru are causing concern.")
    assert not any(p == "PARTY_TO" for _, p, _ in got), got
    assert any(s == "Chile" and p == "NEGOTIATES" for s, p, _ in got), got


def test_who_is_working_to_join_a_pact_is_no_party_yet(ex):
    got, _ = run(ex, "Peru is working to join the Lima Pact.")
    assert not any(p == "PARTY_TO" for _, p, _ in got), got


def test_a_name_ending_in_a_legal_form_is_a_firm_whatever_the_tagger_says(ex):
    _, out = run(ex, "The plant in Ohio is operated by TK-OH Battery Co.")
    assert ("TK-OH Battery Co.", "Firm") in {(e.name, e.type) for e in out.entities.values()}, \
        [(e.name, e.type) for e in out.entities.values()]


@pytest.mark.parametrize("text, body", [
    ("South Korea's Oceans and Fisheries Minister Moon Seong-hyeok said the ban would stay.",
     "Ministry of Oceans and Fisheries"),
    ("South Korean Finance Minister Choi Sang-mok said the fund would grow.", "Ministry of Economy and Finance"),
])
def test_a_minister_titled_by_the_fields_of_a_ministry_leads_it(ex, text, body):
    got, _ = run(ex, text)
    assert any(p == "LEADS" and o == body for _, p, o in got), got


def test_goods_bought_are_no_investment(ex):
    got, _ = run(ex, "The deal includes a $35 billion Chilean investment in Peruvian projects and $10 billion in "
                     "energy purchases.")
    assert not any(p == "INVESTS_IN" and o == "energy" for _, p, o in got), got


@pytest.mark.parametrize("text", [
    "Velkor Corporation plans to break ground on a manufacturing facility in Dayton, Ohio.",
    "Velkor Corporation will lead the construction of the data center.",
])
def test_a_kind_of_work_any_plant_does_is_no_line_of_business(ex, text):
    got, _ = run(ex, text)
    assert not any(o in ("manufacturing", "construction") for _, _, o in got), got


def test_words_an_abbreviation_spells_are_one_name(ex):
    # (a known firm and a state, which the gazetteer would read apart)
    _, out = run(ex, "Hyundai Motor Manufacturing Ohio (HMMO) was the first plant of the firm in the United "
                     "States. HMMO employs 3,000 workers.")
    names = {e.name: e.type for e in out.entities.values()}
    assert names.get("Hyundai Motor Manufacturing Ohio") == "Firm", names


@pytest.mark.parametrize("text, second", [
    ("Canada was a founding member of the Andean Accord, along with Chile and Peru.", "Peru"),
    ("Chile, together with Peru, signed the Lima Pact in 2010.", "Peru"),
])
def test_who_is_named_along_with_the_subject_does_what_it_does(ex, text, second):
    got, _ = run(ex, text)
    assert any(s == second and p in ("MEMBER_OF", "PARTY_TO", "SIGNS") for s, p, _ in got), got


def test_members_counted_then_listed_after_a_colon(ex):
    got, _ = run(ex, "APEC now comprises 21 member economies: Chile, Peru, Norway, and Canada.")
    assert ("Norway", "MEMBER_OF", "APEC") in got and ("Chile", "MEMBER_OF", "APEC") in got, got


@pytest.mark.parametrize("text, giver", [
    ("The Chilean government has agreed to allocate up to $2 billion to Velkor Corporation to build a plant in "
     "Ohio.", "Chile"),
    ("The Commerce Department will provide up to $6 billion to Velkor Corporation.", "Department of Commerce"),
])
def test_public_money_handed_to_a_firm_funds_it_and_invests_in_nothing(ex, text, giver):
    got, _ = run(ex, text)
    assert any(p == "PARTNERS_WITH" and giver in (s, o) and "Velkor Corporation" in (s, o) for s, p, o in got), got
    assert not any(p == "INVESTS_IN" and s == giver for s, p, _ in got), got


@pytest.mark.parametrize("text", [
    "The talks ended ahead of Chile's upcoming summit meeting with Peru.",
    "Analysts discussed a potential investment by Velkor Corporation in Ohio.",
])
def test_what_an_adjective_says_has_not_happened_is_no_fact(ex, text):
    got, _ = run(ex, text)
    assert not any(p in ("NEGOTIATES", "INVESTS_IN") for _, p, _ in got), got


@pytest.mark.parametrize("text, party", [
    ("The Chile/Peru Copper Accord of 1994 commits both nations to trade freely.", "Peru"),
    ("The U.S./Korea Free Trade Agreement took effect in 2012 and was amended in 2018.", None),
])
def test_a_slash_joins_the_sides_of_a_name_as_a_hyphen_does(ex, text, party):
    got, out = run(ex, text)
    if party:
        assert (party, "PARTY_TO", "Chile-Peru Copper Accord of 1994") in got, got
    else:
        assert "KORUS FTA" in {e.name for e in out.entities.values()}, [e.name for e in out.entities.values()]


@pytest.mark.parametrize("text", [
    "Chile's acting president, Maria Soto, said on Monday that Santiago would respond.",
    "Maria Soto, the acting president of Chile, said on Monday that Santiago would respond.",
])
def test_an_acting_head_leads(ex, text):
    got, _ = run(ex, text)
    assert ("Maria Soto", "LEADS", "Chile") in got


def test_a_title_of_a_body_named_after_its_owner_is_of_that_body(ex):
    got, _ = run(ex, "Jane Morrow, director of the White House National Economic Council, said the talks went well.")
    assert ("Jane Morrow", "LEADS", "National Economic Council") in got
    assert ("Jane Morrow", "LEADS", "White House") not in got


@pytest.mark.parametrize("text", [
    "Kim Min-jun founded Velkor Motors in 1971.",
    "Velkor Motors was founded by Kim Min-jun in 1971.",
    "Founded as a trading house in 1971 by Kim Min-jun, Velkor Motors later moved into shipbuilding.",
])
def test_a_founder_leads_the_firm(ex, text):
    got, _ = run(ex, text)
    assert ("Kim Min-jun", "LEADS", "Velkor Motors") in got


def test_who_did_not_found_a_firm_does_not_lead_it(ex):
    got, _ = run(ex, "Kim Min-jun did not found Velkor Motors.")
    assert ("Kim Min-jun", "LEADS", "Velkor Motors") not in got


@pytest.mark.parametrize("text", [
    "The Lima Pact, the largest trade agreement in the region, went into effect in Peru in 2009.",
    "The Lima Pact took effect in Peru in March.",
])
def test_a_pact_in_effect_in_a_country_has_it_as_party(ex, text):
    got, _ = run(ex, text)
    assert ("Peru", "PARTY_TO", "Lima Pact") in got


def test_a_description_of_firms_with_legal_forms_is_each_ones(ex):
    got, _ = run(ex, "Velkor Ltd. and Korvell Ltd., companies based in Norway, make batteries in Chile.")
    assert ("Velkor", "LOCATED_IN", "Norway") in got
    assert ("Korvell", "LOCATED_IN", "Norway") in got


def test_goods_the_tagger_does_not_know_are_still_goods(ex):
    got, _ = run(ex, "Norway imposed export restrictions on fluorinated polyimide and photoresist to Chile in 2021.")
    targets = {o for (s, p, o) in got if p == "TARGETS"}
    assert "fluorinated polyimide" in targets
    assert "photoresist" in targets


def test_goods_listed_after_a_colon_are_what_a_restriction_is_on(ex):
    got, _ = run(ex, "On May 2, 2021 the Norwegian government restricted the export to Chile of three classes of "
                     "materials: fluorinated polyimide, photoresist and hydrogen fluoride.")
    targets = {o for (s, p, o) in got if p == "TARGETS"}
    assert {"fluorinated polyimide", "photoresist", "hydrogen fluoride"} <= targets
    assert "hydrogen" not in targets  # (a known sector that only modifies the listed goods' name)


def test_a_colon_list_of_other_things_names_no_goods(ex):
    _, out = run(ex, "The plan has three goals: growth, jobs and security.")
    assert not [e for e in out.entities.values() if e.type == "Sector"]


def test_firms_called_makers_of_a_country_are_not_its_industry(ex):
    got, _ = run(ex, "Velkor and Korvell are Norwegian battery makers.")
    assert ("Velkor", "OPERATES_IN", "batteries") in got
    assert ("Norway", "OPERATES_IN", "batteries") not in got


@pytest.mark.parametrize("text, signers", [
    ("Chilean officials signed the Lima Pact in 2006.", ["Chile"]),
    ("The Chilean government signed the Lima Pact in 2006.", ["Chile"]),
    ("The Peruvian and Chilean governments signed the Lima Pact in 2006.", ["Chile", "Peru"]),
])
def test_a_government_named_by_its_countrys_adjective_signs_for_it(ex, text, signers):
    got, _ = run(ex, text)
    for country in signers:
        assert (country, "SIGNS", "Lima Pact") in got


def test_officials_approving_a_pact_do_not_ratify_it(ex):
    got, _ = run(ex, "Chilean officials approved the Lima Pact.")
    assert ("Chile", "RATIFIES", "Lima Pact") not in got


def test_the_sides_after_a_treatys_title_are_its_parties(ex):
    got, _ = run(ex, "The court reinterpreted the 1965 Treaty on Basic Relations between Chile and Peru.")
    assert ("Chile", "PARTY_TO", "Treaty on Basic Relations") in got
    assert ("Peru", "PARTY_TO", "Treaty on Basic Relations") in got


@pytest.mark.parametrize("text, located", [
    ("Velkor is the second largest conglomerate in Norway.", True),
    ("Velkor is the largest automaker in Norway.", True),
    ("Velkor is the largest foreign automaker in Norway.", False),
])
def test_a_firm_ranked_among_a_countrys_firms_is_located_there(ex, text, located):
    got, _ = run(ex, text)
    assert (("Velkor", "LOCATED_IN", "Norway") in got) is located


def test_a_list_of_titled_names_is_no_apposition(ex):
    got, _ = run(ex, "Chilean President Maria Soto, Peru's Prime Minister Jorge Paredes, and Norway's Prime Minister "
                     "Erik Lund attended the summit.")
    assert ("Maria Soto", "LEADS", "Peru") not in got
    assert ("Jorge Paredes", "LEADS", "Norway") not in got
    assert ("Jorge Paredes", "LEADS", "Peru") in got


@pytest.mark.parametrize("text, party", [
    ("On Monday, India agreed to be a part of the Lima Pact.", True),
    ("India became a part of the Lima Pact in 2020.", True),
    ("India is not part of the Lima Pact.", False),
    ("India wants to be part of the Lima Pact.", False),
])
def test_a_country_that_is_part_of_a_pact_is_its_party(ex, text, party):
    got, _ = run(ex, text)
    assert (("India", "PARTY_TO", "Lima Pact") in got) is party


@pytest.mark.parametrize("text, pact", [
    ("India joined the Lima Economic Framework (LEF), a Chile-led economic grouping of 12 countries.",
     "Lima Economic Framework"),
    ("The pact is meant to counter the Chilean-led Andean Trade Partnership (ATP).", "Andean Trade Partnership"),
])
def test_the_country_that_leads_a_pact_is_its_party(ex, text, pact):
    got, _ = run(ex, text)
    assert ("Chile", "PARTY_TO", pact) in got


def test_a_variant_name_that_spells_a_known_abbreviation_is_that_body(ex):
    _, out = run(ex, "On October 7, 2022, the Bureau of Industrial Security (the “BIS”) of the U.S. Department of "
                     "Commerce announced new rules.")
    bodies = {e.name for e in out.entities.values() if e.type == "GovernmentBody"}
    assert "Bureau of Industry and Security" in bodies
    assert "Bureau of Industrial Security" not in bodies


def test_the_parties_of_trade_an_agreement_deepens_are_its_parties(ex):
    got, _ = run(ex, "The Lima Pact is an overarching agreement to broaden and deepen free trade between Chile, "
                     "Peru and Bolivia.")
    for country in ("Chile", "Peru", "Bolivia"):
        assert (country, "PARTY_TO", "Lima Pact") in got


def test_members_listed_after_a_sentence_about_them_are_parties_of_the_pact(ex):
    got, _ = run(ex, "On Monday, Norway joined the Andean Economic Framework (AEF), a grouping of 12 countries. Its "
                     "leaders met in Lima, initiating negotiations among the founding members. These include Chile, "
                     "Peru and Iceland. Together, these countries account for a fifth of world trade.")
    for country in ("Chile", "Peru", "Iceland"):
        assert (country, "PARTY_TO", "Andean Economic Framework") in got


def test_a_list_after_a_sentence_about_no_members_is_no_partys(ex):
    got, _ = run(ex, "Norway joined the Andean Economic Framework in 2020. Its exports rose fast. These include "
                     "Chile, Peru and Iceland.")
    assert ("Chile", "PARTY_TO", "Andean Economic Framework") not in got


@pytest.mark.parametrize("text", [
    "This follows the passing of the Chile-Peru FTA by the parliaments of both countries.",
    "The parliaments of Chile and Peru passed the Lima Pact.",
])
def test_the_parliaments_of_the_parties_ratify(ex, text):
    got, _ = run(ex, text)
    pact = "Chile-Peru FTA" if "FTA" in text else "Lima Pact"
    assert ("Chile", "RATIFIES", pact) in got
    assert ("Peru", "RATIFIES", pact) in got


def test_a_protocol_to_an_agreement_amends_it(ex):
    got, _ = run(ex, "The Additional Protocol to the Lima Pact has been provisionally applied since 2014.")
    assert ("Additional Protocol", "AMENDS", "Lima Pact") in got


def test_vehicles_a_firm_produces_are_automobiles(ex):
    got, _ = run(ex, "Velkor Motors has produced 2 million vehicles.")
    assert ("Velkor Motors", "OPERATES_IN", "automobiles") in got


def test_a_subsidiary_named_by_its_parent_and_state_is_one_firm(ex):
    # (a gazetteer name: the subsidiary is known by that name, as its parent is)
    got, out = run(ex, "Kia Georgia President and CEO Jane Morrow said the plant would grow.")
    assert ("Jane Morrow", "LEADS", "Kia Georgia") in got
    # (the state is only where the unit named for it stands: no country Georgia, no other fact of it)
    assert {e.type for e in out.entities.values() if e.name == "Georgia"} == {"USState"}
    assert [f for f in got if "Georgia" in (f[0], f[2])] == [("Kia Georgia", "LOCATED_IN", "Georgia")], got


def test_a_measure_taken_in_response_to_a_country_is_aimed_at_it(ex):
    got, _ = run(ex, "On February 10, 2016, the Chilean government announced that it would close the Lima Industrial "
                     "Zone in response to the Peruvian nuclear test of January 6th.")
    assert ("Chile", "RETALIATES_AGAINST", "Peru") in got
    assert ("Chilean closure of the Lima Industrial Zone", "TARGETS", "Peru") in got


def test_a_response_measure_on_a_named_country_targets_that_one(ex):
    got, _ = run(ex, "Chile imposed tariffs on Bolivian copper in response to Peru's export ban.")
    measure = next(o for (s, p, o) in got if s == "Chile" and p == "IMPOSES")
    assert (measure, "TARGETS", "Bolivia") in got
    assert (measure, "TARGETS", "Peru") not in got


@pytest.mark.parametrize("text, negotiates", [
    ("Peru applied to join the Lima Pact in 2021.", True),
    ("Peru is working to join the Lima Pact.", True),
    ("Peru has formally applied for membership in the Lima Pact.", True),
    ("Peru's bid to join the Lima Pact stalled.", True),
    ("Peru hopes to join the Lima Pact.", False),
    ("Peru did not apply to join the Lima Pact.", False),
    ("Peru joined the Lima Pact in 2021.", False),
])
def test_joining_pursued_is_accession_negotiated(ex, text, negotiates):
    got, _ = run(ex, text)
    assert (("Peru", "NEGOTIATES", "Lima Pact") in got) is negotiates


@pytest.mark.parametrize("verb", ["hopes", "hoped", "is hoping", "wants"])
def test_a_hope_to_join_is_no_membership(ex, verb):
    # (the tagger reads "hopes" as a form of "hop": the intent is still read)
    got, _ = run(ex, f"Peru {verb} to join the Lima Pact.")
    assert ("Peru", "PARTY_TO", "Lima Pact") not in got


@pytest.mark.parametrize("text, plant", [
    ("Velkor Motors plans to invest $5.5 billion to build a battery complex in Dayton, Ohio.",
     "Velkor Motors battery complex"),
    ("Velkor Motors announced it was building a $3.2 billion cathode manufacturing facility in Dayton, Ohio.",
     "Velkor Motors cathode manufacturing facility"),
])
def test_the_sum_written_with_a_facility_a_firm_builds_is_put_into_it(ex, text, plant):
    got, _ = run(ex, text)
    assert ("Velkor Motors", "INVESTS_IN", plant) in got
    assert got[("Velkor Motors", "INVESTS_IN", plant)].get("amount_usd") in (5.5e9, 3.2e9)


def test_a_facility_not_built_takes_no_sum(ex):
    got, _ = run(ex, "Velkor Motors will not build a $2 billion plant in Ohio.")
    assert not [k for k in got if k[1] == "INVESTS_IN"]


def test_a_trade_written_as_a_title_before_a_name_is_that_firms(ex):
    got, _ = run(ex, "Automaker Velkor Motors and battery manufacturer Korvell Energy have chosen Dayton, Ohio.")
    assert ("Korvell Energy", "OPERATES_IN", "batteries") in got
    assert {s for (s, p, o) in got if p == "OPERATES_IN" and o == "batteries"} == {"Korvell Energy"}


@pytest.mark.parametrize("text, firm, sector", [
    ("Automaker Velkor Motors opened a plant in Ohio.", "Velkor Motors", "automobiles"),
    ("Chipmaker Velkor Semiconductor opened a plant in Ohio.", "Velkor Semiconductor", "semiconductors"),
])
def test_the_trade_opening_a_sentence_before_a_name_is_no_word_of_it(ex, text, firm, sector):
    got, out = run(ex, text)
    assert firm in {e.name for e in out.entities.values() if e.type == "Firm"}
    assert (firm, "OPERATES_IN", sector) in got


def test_what_an_instrument_bars_firms_from_doing_is_what_it_is_on(ex):
    got, _ = run(ex, "The Lima Chips Act restricts recipients of federal funding from expanding semiconductor "
                     "manufacturing capacity in foreign countries of concern, including Peru and Bolivia.")
    for target in ("semiconductors", "Peru", "Bolivia"):
        assert ("Lima Chips Act", "TARGETS", target) in got


def test_what_firms_are_barred_from_doing_is_still_not_done(ex):
    got, _ = run(ex, "The Lima Chips Act bars Velkor Motors from investing in Peru.")
    assert ("Velkor Motors", "INVESTS_IN", "Peru") not in got


@pytest.mark.parametrize("text, measure", [
    ("The Department of Commerce issued the Chips Guardrails Rule to implement the national security provisions "
     "of the Lima Chips Act.", "Chips Guardrails Rule"),
    ("The Lima Tariff Order implements the Lima Chips Act.", "Lima Tariff Order"),
])
def test_the_law_a_measure_implements_authorises_it(ex, text, measure):
    got, _ = run(ex, text)
    assert ("Lima Chips Act", "AUTHORIZES", measure) in got


@pytest.mark.parametrize("text, parties", [
    ("Chile and Peru have had the Lima Pact since 2012.", True),
    ("Peru will also have to maneuver within the trade environment resulting from the Lima Pact.", False),
    ("Peru does not have the Lima Pact yet.", False),
])
def test_a_pact_countries_have_is_theirs(ex, text, parties):
    got, _ = run(ex, text)
    assert (("Peru", "PARTY_TO", "Lima Pact") in got) is parties


def test_an_infobox_names_founders_and_subsidiaries(ex):
    text = ("= Velkor Motors =\n\nVelkor Motors Co., Ltd.\n- Type: Public\n- Founder: Kim Min-jun\n"
            "- Subsidiaries: Korvell Motors\n\nVelkor Motors is a Norwegian automaker.\n")
    out = ex.run(repair("t", "t.txt", "txt", text))  # (read as a document is: one field a line)
    names = {e.id: e.name for e in out.entities.values()}
    got = {(names[r.subject], r.predicate, names[r.object]) for r in out.relations}
    assert ("Kim Min-jun", "LEADS", "Velkor Motors") in got
    assert ("Velkor Motors", "INVESTS_IN", "Korvell Motors") in got


@pytest.mark.parametrize("text, outlet", [
    ("The Lima Herald compiled a list of the workers detained at Velkor Motors' battery plant.", "Lima Herald"),
    ("Yonhap News Agency reported that Velkor Motors will build a battery plant.", "Yonhap News Agency"),
])
def test_a_news_outlet_a_report_cites_is_no_actor(ex, text, outlet):
    got, out = run(ex, text)
    assert outlet not in {e.name for e in out.entities.values()}


def test_a_firm_named_like_a_paper_with_its_legal_form_is_a_firm(ex):
    got, _ = run(ex, "Velkor Times Inc. makes chips.")
    assert ("Velkor Times", "OPERATES_IN", "semiconductors") in got


@pytest.mark.parametrize("text", [
    "Chile barred Peru from its white list in a swift response to Peru's curbs.",
    "Chile barred Peru from its white list in a blow for blow reaction to Peru's prior choice.",
])
def test_a_response_described_is_still_a_response(ex, text):
    got, _ = run(ex, text)
    assert ("Chile", "RETALIATES_AGAINST", "Peru") in got


def test_imports_in_a_clause_after_exports_go_back_to_the_first_side(ex):
    got, _ = run(ex, "In 2023, Norwegian goods exports to Chile totaled $65 billion, while imports from Chile were "
                     "$116 billion.")
    assert got[("Norway", "EXPORTS_TO", "Chile")].get("amount_usd") == 65e9
    assert got[("Chile", "EXPORTS_TO", "Norway")].get("amount_usd") == 116e9


def test_an_investment_after_another_is_no_flow_back(ex):
    got, _ = run(ex, "The deal includes a $350 billion Chilean investment in Norwegian projects and $100 billion in "
                     "energy purchases.")
    assert ("Norway", "INVESTS_IN", "Chile") not in got


def test_an_infobox_address_places_the_title_entity(ex):
    text = ("= Velkor Semiconductor =\n\nVelkor Semiconductor LLC\n- Type: Subsidiary\n"
            "- Address: 5088 West Innovation Circle, Dayton, Ohio\n\nVelkor Semiconductor makes chips.\n")
    out = ex.run(repair("t", "t.txt", "txt", text))
    names = {e.id: e.name for e in out.entities.values()}
    got = {(names[r.subject], r.predicate, names[r.object]) for r in out.relations}
    assert ("Velkor Semiconductor", "LOCATED_IN", "Ohio") in got


def test_affiliates_named_in_apposition_act(ex):
    got, _ = run(ex, "Two affiliates, Velkor Motors and Korvell Energy, hold stakes in the Lima Shipyard.")
    assert ("Velkor Motors", "INVESTS_IN", "Lima Shipyard") in got
    assert ("Korvell Energy", "INVESTS_IN", "Lima Shipyard") in got


@pytest.mark.parametrize("text, partners", [
    ("Velkor Steel and Korvell Steel are moving forward with plans to build a large-scale steel mill in Ohio.", True),
    ("Velkor Motors and Korvell Energy will build a battery plant in Ohio.", True),
    ("Velkor Motors and Korvell Energy run major production facilities in China.", False),
    ("Velkor Motors and Korvell Energy will not build a plant in Ohio.", False),
])
def test_firms_that_build_one_facility_together_are_partners(ex, text, partners):
    got, _ = run(ex, text)
    assert any(p == "PARTNERS_WITH" and {s, o} <= {"Velkor Steel", "Korvell Steel", "Velkor Motors", "Korvell Energy"}
               for (s, p, o) in got) is partners


@pytest.mark.parametrize("text, title", [
    ("Chile and Peru signed the Treaty of Amity and Navigation in 1891.", "Treaty of Amity and Navigation"),
    ("Norway and Iceland signed the Convention on the Conservation of Living Resources in June 1977.",
     "Convention on the Conservation of Living Resources"),
    ("Chile and Peru signed the Agreement on Trade in Goods of the Andes in Lima.",
     "Agreement on Trade in Goods of the Andes"),
])
def test_an_instrument_titled_by_capitalised_words_after_its_kind(ex, text, title):
    # a title the statistical NER misses is read from its capitalised words, up to a month or a place
    got, _ = run(ex, text)
    first, second = text.split(" and ")[0], text.split(" and ")[1].split()[0]
    assert (first, "SIGNS", title) in got and (second, "SIGNS", title) in got
    assert not any(o in ("Treaty", "Convention", "Agreement") for _, _, o in got)


def test_a_title_already_read_whole_is_not_extended_again(ex):
    got, _ = run(ex, "Chile and Peru signed the Treaty on Basic Relations in 1965.")
    assert ("Peru", "PARTY_TO", "Treaty on Basic Relations") in got
    assert not any("Relations on" in o for _, _, o in got)


def test_a_bloc_that_signs_is_a_party(ex):
    got, _ = run(ex, "In 2011, ASEAN and Peru signed the Lima Framework Agreement.")
    assert ("ASEAN", "PARTY_TO", "Lima Framework Agreement") in got
    assert ("Peru", "SIGNS", "Lima Framework Agreement") in got
    assert ("ASEAN", "SIGNS", "Lima Framework Agreement") not in got  # (a country's or a person's act only)


def test_an_infobox_field_with_a_hyphen_names_co_leaders(ex):
    text = "= Velkor Marine Co. =\n\nVelkor Marine Co.\n- Type: Company\n- Co-CEOs: Min-jun Park and Ji-ho Kwak\n"
    out = ex.run(repair("t", "t.txt", "txt", text))
    names = {e.id: e.name for e in out.entities.values()}
    got = {(names[r.subject], r.predicate, names[r.object]) for r in out.relations}
    assert ("Min-jun Park", "LEADS", "Velkor Marine Co.") in got
    assert ("Ji-ho Kwak", "LEADS", "Velkor Marine Co.") in got


def test_oil_country_tubular_goods_are_goods_not_oil(ex):
    got, _ = run(ex, "In 2015, Chile imposed anti-dumping duties on oil country tubular goods from Peru.")
    assert any(p == "TARGETS" and o == "oil country tubular goods" for _, p, o in got)
    assert not any(o == "petroleum" for _, _, o in got)


def test_a_title_before_a_family_name_makes_a_person_not_a_park(ex):
    _, out = run(ex, "President Park met the Chilean envoy in Lima.")
    types = {e.name: e.type for e in out.entities.values()}
    assert types.get("Park") == "Person"
    assert "Facility" not in types.values()


def test_a_person_who_establishes_a_firm_leads_it(ex):
    got, _ = run(ex, "The founder, Chairman Chey Min-jun, established Velkor Textiles in 1953.")
    assert ("Chey Min-jun", "LEADS", "Velkor Textiles") in got


def test_a_countrys_body_named_by_its_kind_is_that_countrys(ex):
    got, out = run(ex, "Chile's Senate approved the Lima Pact in 2019.")
    assert ("Senate of Chile", "RATIFIES", "Lima Pact") in got
    assert ("Senate of Chile", "LOCATED_IN", "Chile") in got
    assert not any(e.name == "U.S. Senate" for e in out.entities.values())


def test_a_flow_someone_is_told_to_stop_is_no_flow(ex):
    got, _ = run(ex, "Chile's trade ministry instructed exporters in Santiago to stop selling copper to Peru.")
    assert not any(p == "EXPORTS_TO" for _, p, _ in got)
    got, _ = run(ex, "Chile exported copper to Peru in 2019.")
    assert ("Chile", "EXPORTS_TO", "Peru") in got


def test_a_firm_that_has_plants_in_places_invested_there(ex):
    # (facilities a field names are an entity of their own, placed where the sentence says)
    # (a firm the gazetteer knows, whose name the parser reads as one unit with the verb's object)
    got, _ = run(ex, "Hyundai Mobis has assembly and manufacturing facilities in Chile, Peru and Bolivia.")
    for country in ("Chile", "Peru", "Bolivia"):
        assert ("Hyundai Mobis", "INVESTS_IN", country) in got


def test_a_minister_named_by_title_alone_is_the_reports_country_s(ex):
    text = ("Japan and the United States met in Tokyo. Japan wants a deal. Japan hopes to sign it soon.\n\n"
            "Foreign Minister Aiko Tanaka said the talks went well. Vice Foreign Minister Ken Sato agreed.")
    got, _ = run(ex, text)
    assert ("Aiko Tanaka", "LEADS", "Ministry of Foreign Affairs of Japan") in got
    assert not any(s == "Ken Sato" and p == "LEADS" for s, p, _ in got)  # a deputy heads nothing


@pytest.mark.parametrize("text, pact", [
    ("In 2007, Chile signed a free trade agreement with the United States.", "U.S.-Chile FTA"),
    ("In 2009, Peru signed a free trade agreement with New Zealand.", "Peru-New Zealand FTA"),
])
def test_a_pact_with_a_partner_of_several_words_is_named_by_both_sides(ex, text, pact):
    got, _ = run(ex, text)
    assert any(p == "SIGNS" and o == pact for _, p, o in got), got


def test_a_pact_with_two_partners_is_no_bilateral_one(ex):
    got, _ = run(ex, "In 2007, Chile signed a free trade agreement with New Zealand and Peru.")
    assert not any(o in ("Chile-New Zealand FTA", "Chile-Peru FTA") for _, _, o in got)


def test_the_partners_a_pact_establishes_an_agreement_among_after_a_colon(ex):
    got, _ = run(ex, "Chile signed the Lima Pact (LP), which establishes a broad free trade agreement (FTA) among "
                     "five trading partners in South America: Peru, Bolivia, Ecuador and Colombia.")
    for country in ("Peru", "Bolivia", "Ecuador", "Colombia"):
        assert (country, "PARTY_TO", "Lima Pact") in got, got


def test_both_parties_are_the_two_countries_of_the_report(ex):
    got, _ = run(ex, "Chile and Peru began talks on the Lima Pact in 2004.\n\n"
                     "The Lima Pact was signed by both parties on June 30, 2006.")
    assert got[("Peru", "SIGNS", "Lima Pact")]["year"] == 2006


@pytest.mark.parametrize("text", ["Chile proposed the Lima Pact in 2019.", "The Lima Pact was proposed by Chile in 2019."])
def test_who_proposes_a_pact_negotiates_it(ex, text):
    got, _ = run(ex, text)
    assert got[("Chile", "NEGOTIATES", "Lima Pact")]["year"] == 2019
    assert ("Chile", "PARTY_TO", "Lima Pact") not in got


def test_a_pact_not_proposed_is_not_negotiated(ex):
    got, _ = run(ex, "Chile did not propose the Lima Pact.")
    assert ("Chile", "NEGOTIATES", "Lima Pact") not in got


def test_a_verb_on_each_other_relates_each_side_to_the_other(ex):
    got, _ = run(ex, "Chile and Peru have retaliated against each other.")
    assert ("Chile", "RETALIATES_AGAINST", "Peru") in got and ("Peru", "RETALIATES_AGAINST", "Chile") in got
    got, _ = run(ex, "Chile and Peru have not retaliated against each other.")
    assert not any(p == "RETALIATES_AGAINST" for _, p, _ in got)
    got, _ = run(ex, "Chile and Peru imposed tariffs on each other.")
    assert not any("other" in o for _, _, o in got)  # (no measure named "tariffs on other")


def test_a_person_who_pledges_to_invest_invests_nothing_of_their_own(ex):
    got, _ = run(ex, "In January, President Lena Ortiz pledged to invest all possible resources in copper.")
    assert not any(p == "INVESTS_IN" and s == "Lena Ortiz" for s, p, _ in got), got


def test_the_united_states_invests_in_none_of_its_own_states(ex):
    got, _ = run(ex, "Officials described the Trump administration's largest raid to date, conducted at the battery "
                     "plant in Ohio, operated by Velkor Cells LLC.")
    assert ("United States", "INVESTS_IN", "Ohio") not in got, got


def test_a_quota_of_an_amount_of_goods_is_on_those_goods(ex):
    got, _ = run(ex, "Chile has agreed to a quota of approximately 2.68 million tons of copper exports annually.")
    assert ("quota on copper exports", "TARGETS", "copper") in got, got


def test_the_place_exports_went_to_over_years_is_no_target_of_their_quota(ex):
    got, _ = run(ex, "Peru gained relief from the tariffs but received a quota of 70 percent of the annual average "
                     "steel exports from 2015 to 2017 to the United States.")
    assert not any(p == "TARGETS" and o == "United States" for _, p, o in got), got
    assert any(p == "TARGETS" and o == "Peru" for _, p, o in got), got


def test_who_extends_exemptions_from_a_measure_to_countries_exempts_them(ex):
    got, _ = run(ex, "The United States extended temporary exemptions from the Section 232 duties to Peru and Bolivia.")
    assert ("United States", "EXEMPTS", "Peru") in got and ("United States", "EXEMPTS", "Bolivia") in got, got
    assert not any(p == "TARGETS" and o in ("Peru", "Bolivia") for _, p, o in got), got  # spared, not targeted


def test_a_measure_named_with_provision_is_that_measure(ex):
    got, _ = run(ex, "The copper tax credit provision of the Andean Growth Act is causing friction with Peru.")
    assert any(p == "TARGETS" and o == "copper" and "tax credit" in s for s, p, o in got), got


@pytest.mark.parametrize("text", [
    "The Andean Growth Act is a $369 billion law that can help strengthen the supply chain in key sectors like "
    "copper and lithium.",
    "The Andean Growth Act will boost copper and lithium production.",
])
def test_a_law_targets_the_sectors_it_is_said_to_build_up(ex, text):
    got, _ = run(ex, text)
    assert ("Andean Growth Act", "TARGETS", "copper") in got and ("Andean Growth Act", "TARGETS", "lithium") in got


def test_a_law_said_not_to_build_a_sector_up_targets_nothing(ex):
    got, _ = run(ex, "The Andean Growth Act will not boost copper production.")
    assert ("Andean Growth Act", "TARGETS", "copper") not in got


def test_goods_a_country_s_firms_procure_from_another_are_its_exports(ex):
    got, _ = run(ex, "Chilean companies procure almost all their supply of the materials from Peru.")
    assert ("Peru", "EXPORTS_TO", "Chile") in got, got


def test_a_firm_whose_plants_stand_abroad_is_not_seated_there(ex):
    got, _ = run(ex, "The United States has granted Velkor Electronics and Tarsk Chips indefinite waivers to bring "
                     "American chipmaking equipment into their factories in China.")
    assert ("Velkor Electronics", "INVESTS_IN", "China") in got, got
    assert ("Velkor Electronics", "LOCATED_IN", "China") not in got, got


def test_a_firm_coordinated_before_a_firm_the_parser_hangs_inside_its_name_acts_too(ex):
    # (the parser reads "SK On and Hyundai Motor Group" as modifiers of "Group")
    got, _ = run(ex, "SK On and Hyundai Motor Group broke ground on a $5 billion battery plant in Bartow County, Georgia.")
    assert got[("SK On", "INVESTS_IN", "Georgia")]["joint"] is True
    assert ("Hyundai Motor Group", "INVESTS_IN", "Georgia") in got


def test_a_pact_ratified_in_a_clause_of_its_own_is_ratified_in_that_clause_s_year(ex):
    got, _ = run(ex, "The Lima Pact entered into force in 2012, after being ratified by the Peruvian Congress in 2011.")
    assert got[("Peru", "RATIFIES", "Lima Pact")]["year"] == 2011, got


@pytest.mark.parametrize("text, investor", [
    ("Chilean firms have announced more than $10 billion in U.S. investments since 2021.", "Chile"),
    ("Velkor Corp. announced $2 billion in U.S. investments.", "Velkor"),
])
def test_investments_named_with_a_place_go_there_when_the_clause_names_the_investor(ex, text, investor):
    got, _ = run(ex, text)
    assert (investor, "INVESTS_IN", "United States") in got, got
    assert ("United States", "INVESTS_IN", investor) not in got


def test_investments_named_with_a_country_and_no_other_investor_are_that_country_s(ex):
    got, _ = run(ex, "U.S. investments in Chile reached $5 billion.")
    assert ("United States", "INVESTS_IN", "Chile") in got


def test_a_sum_for_a_whole_is_no_sum_of_a_part_named_after_including(ex):
    got, _ = run(ex, "Velkor Corp. will invest $2 billion in several states, including Ohio.")
    assert ("Velkor", "INVESTS_IN", "Ohio") in got and "amount_usd" not in got[("Velkor", "INVESTS_IN", "Ohio")]
    got, _ = run(ex, "Velkor Corp. will invest $2 billion in Ohio, including a battery plant in Dayton.")
    assert got[("Velkor", "INVESTS_IN", "Ohio")]["amount_usd"] == 2e9


def test_the_second_side_of_a_pair_before_a_capitalised_word_is_a_country(ex):
    # "Peru" before "Alliance" opens no other name: it is one side of the pair the hyphen joins
    got, _ = run(ex, "The Chile-Peru Alliance has deepened since 2010.")
    assert any(p == "COOPERATES_WITH" and {s, o} == {"Chile", "Peru"} for s, p, o in got), got


def test_a_pair_s_instrument_title_stays_one_name(ex):
    got, _ = run(ex, "Chile and Peru signed the Chile-Peru Free Trade Agreement in 2006.")
    assert ("Peru", "SIGNS", "Chile-Peru Free Trade Agreement") in got, got


@pytest.mark.parametrize("text, pact, sides", [
    ("Officials said FTA talks between Peru and Chile are meant to lower tariffs.", "Peru-Chile FTA",
     ("Peru", "Chile")),
    ("Ongoing FTA talks between Chile, Peru, and Bolivia are meant to lower tariffs.", "Chile-Peru-Bolivia FTA",
     ("Chile", "Peru", "Bolivia")),
])
def test_the_pact_talks_between_named_sides_are_on_is_named_by_those_sides(ex, text, pact, sides):
    got, _ = run(ex, text)
    for side in sides:
        assert (side, "NEGOTIATES", pact) in got, got
    assert not any(o.startswith("Ongoing") for _, _, o in got), got


def test_a_list_of_sides_before_an_auxiliary_whose_verb_has_a_subject_is_whole(ex):
    # ("Peru are causing": the auxiliary's verb has its subject, so Peru still ends the list of sides)
    got, _ = run(ex, "Negotiations to reach a new water agreement between Chile and Peru are causing concern.")
    pacts = {o for s, p, o in got if p == "NEGOTIATES" and s == "Peru"}
    assert pacts and not any(o.endswith("between Chile") for o in pacts), got


@pytest.mark.parametrize("text", [
    "Analysts watch the Chilean copper giants, Velkor Corp. and Tarsk Mining.",  # the list parsed as conjuncts
    "The Chilean copper giants Velkor Corp. and Tarsk Mining opened plants in Ohio.",  # "giants" tagged a verb
])
def test_firms_named_after_a_plural_description_are_what_it_says(ex, text):
    got, _ = run(ex, text)
    for firm in ("Velkor", "Tarsk Mining"):
        assert (firm, "LOCATED_IN", "Chile") in got, got
        assert (firm, "OPERATES_IN", "copper") in got, got
    assert ("Chile", "OPERATES_IN", "copper") not in got, got  # the named firms, not the country's industry


def test_a_country_s_unnamed_firms_of_a_trade_are_its_industry(ex):
    got, _ = run(ex, "Chilean copper giants dominate the market.")
    assert ("Chile", "OPERATES_IN", "copper") in got, got


@pytest.mark.parametrize("text", [
    "Chilean President Velasco exempted Peru from the copper tariffs.",
    "Chilean President Velasco extended temporary exemptions from the copper tariffs to Peru.",
    # the country the document said the leader leads, in an earlier sentence
    "Rafael Velasco is the president of Chile. Velasco exempted Peru from the copper tariffs in 2019.",
])
def test_a_leader_acts_for_the_country_where_a_person_cannot(ex, text):
    got, _ = run(ex, text)
    assert ("Chile", "EXEMPTS", "Peru") in got, got


def test_the_name_before_being_exempted_is_who_is_exempted(ex):
    # (the parser leaves "being exempted" without a subject: "Peru" is the object of "in")
    got, _ = run(ex, "The deal resulted in Peru being exempted from Chile's copper tariffs.")
    assert ("Chile", "EXEMPTS", "Peru") in got, got


def test_in_order_to_names_no_order(ex):
    got, _ = run(ex, "Peru tightened export controls in order to limit Chile's capacity to produce copper.")
    assert not any("order" in s.lower() or "order" in o.lower() for s, _, o in got), got
    # the purpose names whose capacity the controls limit
    assert ("Peruvian export controls", "TARGETS", "Chile") in got, got


def test_a_law_enacted_for_a_purpose_in_a_participle_targets_what_it_builds_up(ex):
    got, _ = run(ex, "This initiative stems from the Andean Growth Act, enacted in 2022 to boost domestic production "
                     "of copper.")
    assert ("Andean Growth Act", "TARGETS", "copper") in got, got


@pytest.mark.parametrize("text", [
    "Chile barred Peru from its export control white list in 2019.",
    "Chile decided to expel Peru from its white list.",
    "Chile is on track toward barring Peru from its white list this month.",
])
def test_putting_a_country_off_a_list_is_its_removal_from_the_list(ex, text):
    got, _ = run(ex, text)
    removal = [o for s, p, o in got if s == "Chile" and p == "IMPOSES" and "white list removal of Peru" in o]
    assert removal and (removal[0], "TARGETS", "Peru") in got, got


@pytest.mark.parametrize("text", [
    "Peru agreed to limit copper exports to Chile.",  # a concession, no measure of its own
    "Chile threatened to ban Peruvian beef.",
])
def test_an_infinitive_of_agreeing_or_threatening_makes_no_measure(ex, text):
    got, _ = run(ex, text)
    assert not any(p == "IMPOSES" for _, p, _ in got), got


@pytest.mark.parametrize("text, measure", [
    ("Chile ordered its airlines to halt flights to Peru.", "Chilean halt of flights to Peru"),
    ("Chile's Tourism Ministry instructed tour operators to stop selling trips to Peru.",
     "Chilean halt of trips to Peru"),
])
def test_what_a_government_orders_others_to_halt_is_its_measure(ex, text, measure):
    got, _ = run(ex, text)
    assert ("Chile", "IMPOSES", measure) in got and (measure, "TARGETS", "Peru") in got, got


def test_a_firm_that_stops_selling_imposes_nothing(ex):
    got, _ = run(ex, "Velkor stopped selling chips to Peru.")
    assert not any(p == "IMPOSES" for _, p, _ in got), got


@pytest.mark.parametrize("text", [
    "Mark Dalton, Stellantis COO, said the plant will open in 2025.",
    "Mark Dalton, Stellantis COO North America, said the plant will open in 2025.",  # the region the title is for
    "Stellantis COO Mark Dalton said the plant will open in 2025.",
])
def test_a_firm_s_chief_operating_officer_leads_it(ex, text):
    got, _ = run(ex, text)
    assert ("Mark Dalton", "LEADS", "Stellantis") in got, got
    assert not any(s == "North America" for s, _, _ in got), got


def test_what_a_firm_goes_on_to_become_describes_it(ex):
    got, _ = run(ex, "In 2022, Velkor Group surpassed Tarsk Group to become the second largest conglomerate in Chile.")
    assert ("Velkor Group", "LOCATED_IN", "Chile") in got, got
    assert ("Tarsk Group", "LOCATED_IN", "Chile") not in got, got


def test_the_parties_who_sign_a_pact_are_the_document_s_two_countries(ex):
    got, _ = run(ex, "Peru and Bolivia began talks on the Andean Trade Pact in 2009. The agreement was signed by the "
                     "parties in 2011.")
    assert ("Bolivia", "SIGNS", "Andean Trade Pact") in got and ("Peru", "SIGNS", "Andean Trade Pact") in got, got


def test_passive_verbs_joined_by_and_share_what_undergoes_them(ex):
    got, _ = run(ex, "Peru and Bolivia began talks on the Andean Trade Pact in 2009. The pact was revised in 2010 and "
                     "ratified by Peru in 2011.")
    assert got[("Peru", "RATIFIES", "Andean Trade Pact")]["year"] == 2011, got


@pytest.mark.parametrize("text", ["Peru faced Chile's sanctions.", "Velkor Group faced the brunt of Chile's sanctions."])
def test_a_country_s_measures_named_by_its_possessive_are_entities_wherever_they_stand(ex, text):
    got, _ = run(ex, text)
    assert ("Chile", "IMPOSES", "Chilean sanctions") in got, got
    assert any(s == "Chilean sanctions" and p == "TARGETS" for s, p, _ in got), got


@pytest.mark.parametrize("text", [
    "Velkor Group is a trading company founded by Lena Ortiz in 1953.",
    "Velkor Group began as a small textile firm founded by Lena Ortiz in 1953.",
])
def test_a_firm_described_as_founded_by_a_person_is_led_by_its_founder(ex, text):
    got, _ = run(ex, text)
    assert ("Lena Ortiz", "LEADS", "Velkor Group") in got, got


@pytest.mark.parametrize("text", [
    "Velkor Group formed Velkor Energy in 1996.",
    "In 1996, Velkor Group set up Velkor Energy.",
    "Velkor Group moved into batteries in 1996 with the formation of Velkor Energy.",
    "Velkor Energy was established by Velkor Group in 1996.",
])
def test_a_firm_that_founds_another_invests_in_it(ex, text):
    got, _ = run(ex, text)
    assert ("Velkor Group", "INVESTS_IN", "Velkor Energy") in got, got


def test_a_firm_that_moves_into_a_business_operates_in_it(ex):
    got, _ = run(ex, "Tarsk Group moved into the shipbuilding market in 1973. Velkor Group moved into a new office.")
    assert ("Tarsk Group", "OPERATES_IN", "shipbuilding") in got, got
    assert not any(s == "Velkor Group" and p == "OPERATES_IN" for s, p, _ in got), got


def test_a_title_of_a_body_written_before_a_name_is_that_person_s_office(ex):
    got, _ = run(ex, "The summit was attended by President of the European Council Mark Dalton, Vice President of the "
                     "European Commission Paul Weber and Prime Minister of Peru Ana Quispe.")
    assert got[("Mark Dalton", "LEADS", "European Council")]["role"] == "President", got
    assert ("Ana Quispe", "LEADS", "Peru") in got, got
    assert ("Mark Dalton", "LEADS", "European Commission") not in got, got  # (the title after him is the next name's)
    assert not any(s == "Paul Weber" and p == "LEADS" for s, p, _ in got), got  # (a vice president leads nothing)


def test_two_people_each_with_a_title_in_apposition_hold_their_own_offices(ex):
    got, _ = run(ex, "Lena Ortiz, President of the European Council, and Mark Dalton, President of the European "
                     "Commission, met in Lima.")
    assert ("Lena Ortiz", "LEADS", "European Council") in got and ("Mark Dalton", "LEADS", "European Commission") in got
    assert ("Lena Ortiz", "LEADS", "European Commission") not in got, got
    assert ("Mark Dalton", "LEADS", "European Council") not in got, got



def test_a_pact_signed_with_a_list_of_countries_has_them_all_as_parties(ex):
    got, _ = run(ex, "Norway signed a free trade agreement with Peru, Bolivia and Ecuador in 2019.")
    pact = next(o for s, p, o in got if s == "Norway" and p == "SIGNS")
    for side in ("Norway", "Peru", "Bolivia", "Ecuador"):
        assert (side, "PARTY_TO", pact) in got and (side, "SIGNS", pact) in got, got
    assert all(w in pact for w in ("Peru", "Bolivia", "Ecuador")), pact  # (one pact, named by its sides)


def test_taking_control_of_a_firm_is_investing_in_it_where_the_parser_hangs_of_from_the_verb(ex):
    # (the parser hangs "of Daewoo Motors" from "took", not from "control")
    got, _ = run(ex, "Norsk Motors took control of Daewoo Motors in 2002. Norsk Motors took control of the board "
                     "meeting.")
    assert got[("Norsk Motors", "INVESTS_IN", "Daewoo Motors")]["year"] == 2002, got


def test_an_infinitive_the_parser_hangs_from_the_main_verb_is_the_intent_noun_s_owner_s(ex):
    got, _ = run(ex, "Deputy Minister Lena Ortiz expressed strong regret over Peru's announcement on Monday to "
                     "tighten its copper import quota.")
    assert any(s == "Peru" and p == "IMPOSES" for s, p, _ in got), got
    assert not any(s == "Lena Ortiz" and p == "IMPOSES" for s, p, _ in got), got


@pytest.mark.parametrize("text", [
    "The plant, which Velkor Motors is building in Ohio, will cost $2 billion.",
    "A battery plant built by Velkor Motors in Ohio opened in 2021.",
    "Velkor Motors's first U.S. plant was built in Dayton, Ohio, in 1996.",
    "Velkor Motors's first overseas production facility was set up in Ohio in 1982.",
])
def test_a_clause_that_says_who_builds_a_facility_where_is_their_investment_there(ex, text):
    got, _ = run(ex, text)
    assert ("Velkor Motors", "INVESTS_IN", "Ohio") in got, got


def test_a_clause_about_a_facility_that_is_not_building_it_is_no_investment(ex):
    got, _ = run(ex, "The plant, which Velkor Motors is not building in Ohio, will cost $2 billion. The plant that "
                     "Ohio offered to Tarsk Group is in Dayton.")
    assert ("Velkor Motors", "INVESTS_IN", "Ohio") not in got, got
    assert not any(s == "Ohio" and p == "INVESTS_IN" for s, p, _ in got), got


def test_a_phrasal_verb_s_particle_after_its_object_still_makes_the_phrase(ex):
    got, _ = run(ex, "In 2019, President Lena Ortiz pulled Norway out of the Atlantic Growth Pact.")
    assert ("Norway", "WITHDRAWS_FROM", "Atlantic Growth Pact") in got, got


def test_whoever_a_clause_is_under_by_a_title_leads_its_subject(ex):
    got, _ = run(ex, "Under CEO Lena Ortiz, Velkor Motors opened three plants in Ohio. Under Minister Ana Quispe, Peru "
                     "imposed tariffs on steel.")
    assert got[("Lena Ortiz", "LEADS", "Velkor Motors")]["role"] == "CEO", got
    assert ("Ana Quispe", "LEADS", "Peru") not in got, got  # (a minister does not lead the country)


def test_a_clause_of_its_own_is_not_dated_by_the_clause_it_hangs_from(ex):
    got, _ = run(ex, "The Lima Pact was signed in 2016, but never entered into force, as Chile withdrew from the Lima "
                     "Pact soon after. Peru signed the Andean Pact in 2018 after Chile imposed tariffs on copper. "
                     "Trade tensions rose in 2019, when Chile imposed tariffs on steel.")
    assert "year" not in got[("Chile", "WITHDRAWS_FROM", "Lima Pact")], got
    assert got[("Peru", "SIGNS", "Andean Pact")]["year"] == 2018, got
    assert all("year" not in props for (s, p, o), props in got.items() if p == "IMPOSES" and "copper" in o), got
    assert any(props.get("year") == 2019 for (s, p, o), props in got.items() if p == "IMPOSES" and "steel" in o), got


def test_a_passive_gerund_after_until_is_said_of_the_main_subject(ex):
    got, _ = run(ex, "Until being acquired by Velkor Group in 2019, Tarsk Motors was listed in Oslo.")
    assert got[("Velkor Group", "INVESTS_IN", "Tarsk Motors")]["year"] == 2019, got


def test_an_organisation_that_admits_countries_has_them_as_members(ex):
    got, _ = run(ex, "In 1993, APEC accepted Peru and Bolivia. ASEAN welcomed the proposal from Norway. ASEAN "
                     "welcomed Chile's decision.")
    assert ("Peru", "MEMBER_OF", "APEC") in got and ("Bolivia", "MEMBER_OF", "APEC") in got, got
    assert ("Norway", "MEMBER_OF", "ASEAN") not in got and ("Chile", "MEMBER_OF", "ASEAN") not in got, got


def test_a_phrase_after_an_aside_set_off_by_dashes_belongs_where_the_aside_hangs(ex):
    # (the parser hangs "to Norway, ..." from "afforded", inside the aside)
    got, _ = run(ex, "The president extended temporary exceptions from the copper duties\u2014previously afforded only "
                     "to Chile and Peru\u2014to Norway, Iceland, Ireland and Denmark.")
    for country in ("Norway", "Iceland", "Ireland", "Denmark"):
        assert any(p == "EXEMPTS" and o == country for s, p, o in got), got


@pytest.mark.parametrize("box", [
    "Headquarters: Lima, Peru\nCo-CEOs: Lena Ortiz and Mark Dalton Quispe\nFounded: 1983\nParent: Tarsk Group\n",
    "Headquarters\tLima, Peru\nKey people\tLena Ortiz (CEO)\nParent\tTarsk Group\nFounded\t1983\n",
    # (an encyclopedia page copied from a browser: each label glued to its value, split again on reading)
    # (the statistical NER reads "Parent Tarsk Group" as one name: that field is left out here)
    "Headquarters Lima, Peru\n\nKey people Lena Ortiz (CEO)\n\nFounded 1983\n",
])
def test_the_fields_of_a_fact_box_copied_with_or_without_separators_are_facts_about_the_title(ex, box, tmp_path):
    from policygraph.loaders.read.readers import read_document

    path = tmp_path / "velkor.txt"
    path.write_text("Velkor Motors\n\nVelkor Motors is an automaker that Lena Ortiz has run from Lima since 2015 "
                    "for its owner, Tarsk Group, which bought it from a family trust in the year its new plant opened "
                    "and its first electric car went on sale in Chile and in Bolivia.\n\n" + box, encoding="utf-8")
    facts = ex.run(read_document(path))
    names = {e.id: e.name for e in facts.entities.values()}
    got = {(names[r.subject], r.predicate, names[r.object]) for r in facts.relations}
    assert ("Velkor Motors", "LOCATED_IN", "Peru") in got, got
    assert ("Lena Ortiz", "LEADS", "Velkor Motors") in got, got
    assert "Parent" not in box or ("Tarsk Group", "INVESTS_IN", "Velkor Motors") in got, got
    assert not any("Founded" in name for name in names.values()), names  # (a field's label is no part of a name)


def test_two_fact_box_lines_are_never_one_heading(ex, tmp_path):
    from policygraph.loaders.read.readers import read_document

    path = tmp_path / "tarsk.txt"
    path.write_text("Tarsk Motors\n\nTarsk Motors Inc. is a Peruvian maker of memory chips.\n\nHeadquarters: Lima, "
                    "Peru\nCo-CEOs: Park Jung-Ho and Kwak Noh-Jung\nFounded: 1983\n", encoding="utf-8")
    facts = ex.run(read_document(path))
    names = {e.name for e in facts.entities.values()}
    assert "Kwak Noh-Jung" in names and not any("Founded" in n for n in names), names


def test_a_head_named_in_brackets_after_a_body_leads_it(ex):
    got, _ = run(ex, "The Ministry of Trade, Industry and Energy (MOTIE, Minister Lena Ortiz) announced new measures. "
                     "Velkor Motors (CEO Mark Dalton) opened a plant. The Ministry of Unification (MOU, Vice Minister "
                     "Paul Weber) spoke.")
    assert got[("Lena Ortiz", "LEADS", "Ministry of Trade, Industry and Energy")]["role"] == "Minister", got
    assert ("Mark Dalton", "LEADS", "Velkor Motors") in got, got
    assert not any(s == "Paul Weber" and p == "LEADS" for s, p, _ in got), got


def test_whoever_bears_a_country_s_retaliation_is_retaliated_against(ex):
    got, _ = run(ex, "Velkor Group bore the brunt of Chile's economic retaliation. Tarsk Motors did not face Peru's "
                     "retaliation.")
    assert ("Chile", "RETALIATES_AGAINST", "Velkor Group") in got, got
    assert ("Peru", "RETALIATES_AGAINST", "Tarsk Motors") not in got, got


@pytest.mark.parametrize("text", [
    "Norway may sign a free trade deal with Peru, Bolivia and Ecuador next year.",
    "Norway did not sign a free trade deal with Peru, Bolivia and Ecuador.",
    "Under CEO Lena Ortiz, Velkor Motors did not open any plants.",
    "The plant, which Velkor Motors might build in Ohio, would cost $2 billion.",
    "APEC did not accept Peru.",
    "Velkor Group may form Velkor Energy next year.",
    "Velkor Group could move into shipbuilding.",
])
def test_this_stop_s_constructions_state_nothing_negated_or_hypothetical(ex, text):
    got, _ = run(ex, text)
    assert not got, got


def test_a_facility_a_firm_expands_and_a_state_that_receives_a_firm_s_money_are_its_investments(ex):
    got, _ = run(ex, "Velkor Motors is expanding its Ohio battery plant with an additional $2 billion. Ohio will "
                     "receive $1 billion from Tarsk Group for a new plant. Ohio did not receive any money from Norsk "
                     "Motors.")
    assert got[("Velkor Motors", "INVESTS_IN", "Velkor Motors Ohio battery plant")]["amount_usd"] == 2e9, got
    assert got[("Tarsk Group", "INVESTS_IN", "Ohio")]["amount_usd"] == 1e9, got
    assert ("Norsk Motors", "INVESTS_IN", "Ohio") not in got, got


def test_who_heads_a_country_s_delegation_leads_the_delegation_not_the_country(ex):
    got, _ = run(ex, "Lena Ortiz, who headed Peru's delegation, signed the Lima Trade Pact on behalf of the Peruvian "
                     "government. In 2019, President Ana Quispe withdrew Bolivia from the Andean Pact. Mark Dalton "
                     "signed the protocol on behalf of Chile.")
    assert ("Lena Ortiz", "LEADS", "Peru") not in got, got
    assert ("Peru", "SIGNS", "Lima Trade Pact") in got, got  # (whom a signer signs for signs it too)
    assert ("Bolivia", "WITHDRAWS_FROM", "Andean Pact") in got, got
    assert not any("behalf" in o for s, p, o in got), got  # (for whom it is signed is no part of its name)


def test_a_sentence_that_names_nothing_still_speaks_of_the_agreement_named_before(ex):
    # (the relation steps skip a sentence that names nothing, except the constructions that take the document's
    # last agreement)
    got, _ = run(ex, "The Lima Accord is a trade agreement between Chile and Peru. Negotiations were announced on "
                     "February 2, 2006.")
    assert got[("Chile", "NEGOTIATES", "Lima Accord")]["year"] == 2006, got
    assert got[("Peru", "NEGOTIATES", "Lima Accord")]["year"] == 2006, got


def test_a_known_firm_s_unit_named_for_a_place_is_a_firm_of_its_own(ex):
    got, _ = run(ex, "Samsung Electronics America will invest $2 billion in Texas. Lotte Chemical USA formed a joint "
                     "venture with Tarsk Group. Hyundai Heavy Industries opened a plant in Ulsan.")
    assert ("Samsung Electronics America", "INVESTS_IN", "Texas") in got, got
    assert ("Samsung Electronics", "INVESTS_IN", "Texas") not in got, got
    assert ("Lotte Chemical USA", "PARTNERS_WITH", "Tarsk Group") in got, got
    got, _ = run(ex, "Samsung Electronics America Holdings will invest $1 billion in Texas.")
    assert any(s == "Samsung Electronics America Holdings" for s, p, o in got), got
    # (another firm of the group is no regional unit: its name stays as the gazetteer knows it)
    assert not any(s.startswith("Hyundai Heavy Industries ") for s, p, o in got), got


def test_a_firm_s_affiliates_or_operations_in_a_field_are_its_line_of_business(ex):
    got, _ = run(ex, "Velkor Group is a large conglomerate, with affiliates in shipbuilding and telecommunications. "
                     "Norsk Motors has operations in semiconductors. Norway has an interest in semiconductors.")
    for sector in ("shipbuilding", "telecommunications"):
        assert ("Velkor Group", "OPERATES_IN", sector) in got, got
    assert ("Norsk Motors", "OPERATES_IN", "semiconductors") in got, got
    assert ("Norway", "OPERATES_IN", "semiconductors") not in got, got  # (a wish is no business)


def test_the_definite_pact_noun_before_talks_is_the_pact_named_before(ex):
    got, _ = run(ex, "The Lima-Quito Free Trade Agreement is a trade agreement between Peru and Ecuador. During the "
                     "course of the FTA negotiations, which began in 1999 and were concluded in 2003, farmers "
                     "protested.")
    assert got[("Peru", "NEGOTIATES", "Lima-Quito Free Trade Agreement")]["year"] == 1999, got
    assert got[("Ecuador", "NEGOTIATES", "Lima-Quito Free Trade Agreement")]["year"] == 1999, got


def test_a_participle_that_takes_no_object_describes_the_noun_after_it(ex):
    got, _ = run(ex, "Velkor Group took control of struggling Norwegian car company Tarsk Motors. Norsk Bank "
                     "profited from acquiring Tarsk Motors.")
    assert ("Velkor Group", "INVESTS_IN", "Tarsk Motors") in got, got
    # (a gerund that takes an object stays one: the parse of "from acquiring X" is not mended)
    doc = ex.nlp("Norsk Bank profited from acquiring Tarsk Motors.")
    assert doc[4].dep_ == "pcomp" and doc[6].dep_ == "dobj", [(t.text, t.dep_) for t in doc]


def test_a_known_body_s_title_that_a_list_goes_on_is_another_body(ex):
    # (the gazetteer knows "Ministry of Trade" as a name of Korea's Ministry of Trade, Industry and Energy)
    got, _ = run(ex, "Lena Ortiz, an official at the Ministry of Trade, Industry and Resources (MOTIR, Minister Arne "
                     "Solberg), met officials on Monday.")
    assert ("Arne Solberg", "LEADS", "Ministry of Trade, Industry and Resources") in got, got
    assert not any(o == "Ministry of Trade, Industry and Energy" for s, p, o in got), got


def test_a_person_named_with_and_without_a_middle_initial_is_one_person(ex):
    _, out = run(ex, "Governor Lena P. Ortiz welcomed Velkor Motors. Lena Ortiz said the plant would open in 2026. "
                     "Prime Minister Solberg spoke.")
    people = {e.name: e.aliases for e in out.entities.values() if e.type == "Person"}
    assert "Lena Ortiz" in people and "Lena P. Ortiz" in people["Lena Ortiz"], people
    assert "Lena P. Ortiz" not in people, people
    assert "Prime Minister Solberg" in people["Solberg"], people  # (a surname alone is known by its title too)


def test_a_country_s_body_named_by_its_kind_alone_is_that_country_s(ex):
    _, out = run(ex, "On June 27, 2023, Norway’s Cabinet approved an amendment to the Export Control Order.")
    bodies = {e.name for e in out.entities.values() if e.type == "GovernmentBody"}
    assert "Cabinet of Norway" in bodies, bodies


def test_a_name_after_a_trade_or_ending_in_one_is_a_firm(ex):
    got, _ = run(ex, "Tarsk Marine will invest $2 billion in a new shipyard in Texas. Norwegian shipbuilder Arne "
                     "Brekke will invest $1 billion in Ohio.")
    assert ("Tarsk Marine", "INVESTS_IN", "Texas") in got, got
    assert ("Arne Brekke", "INVESTS_IN", "Ohio") in got, got


def test_what_a_measure_covers_from_a_country_targets_that_country(ex):
    got, _ = run(ex, "Norway imposed a safeguard on solar panels in 2018. The safeguard covers solar panels from "
                     "Chile and Peru. The tariffs do not cover steel from Bolivia.")
    measure = next(o for s, p, o in got if p == "IMPOSES")
    for country in ("Chile", "Peru"):
        assert (measure, "TARGETS", country) in got, got
    assert (measure, "TARGETS", "Bolivia") not in got, got


def test_a_relative_clause_s_fronted_preposition_belongs_to_its_noun(ex):
    got, _ = run(ex, "The Lima Convention, to which Chile and Peru are parties, entered into force in 2010. The "
                     "Andes Pact, to which Bolivia is not a party, expired in 2015.")
    assert ("Chile", "PARTY_TO", "Lima Convention") in got, got
    assert ("Peru", "PARTY_TO", "Lima Convention") in got, got
    assert ("Bolivia", "PARTY_TO", "Andes Pact") not in got, got  # (the clause's own negation)


def test_a_range_of_rates_before_a_measure_is_its_rate_not_the_verb_s_object(ex):
    got, _ = run(ex, "In July 2014, Norway's Ministry of Trade levied 9.9 percent to 15.8 percent anti-dumping duties "
                     "on steel pipe imports from Peru.")
    measure = next((o for s, p, o in got if p == "IMPOSES" and s == "Norwegian Ministry of Trade"), None)
    assert got[("Norwegian Ministry of Trade", "IMPOSES", measure)]["year"] == 2014, got
    assert (measure, "TARGETS", "Peru") in got, got


def test_a_korean_given_name_with_a_capitalised_second_syllable_is_whole(ex):
    _, out = run(ex, "The pact was sealed by the Trade Minister, Kim Hyun-Jong, in Seoul.")
    people = {e.name for e in out.entities.values() if e.type == "Person"}
    assert people == {"Kim Hyun-Jong"}, people


def test_a_treaty_act_with_no_actor_is_done_by_the_parties_a_later_sentence_gives(ex):
    got, _ = run(ex, "After several rounds of negotiation beginning in 2012, the Andes Partnership Agreement was "
                     "signed on 15 November 2020. The Andes Partnership Agreement is a trade agreement between Chile, "
                     "Peru and Bolivia.")
    for country in ("Chile", "Peru", "Bolivia"):
        # (in the year nearest the act's verb, not the negotiations')
        assert got[(country, "SIGNS", "Andes Partnership Agreement")]["year"] == 2020, got
    got, _ = run(ex, "The Andes Partnership Agreement was not signed in 2020. The Andes Partnership Agreement is a "
                     "trade agreement between Chile and Peru.")
    assert not any(p == "SIGNS" for s, p, o in got), got


def test_a_pact_described_is_not_the_declaration_named_before(ex):
    _, out = run(ex, "Chile and Peru adopted the Lima Joint Declaration in 2014. The leaders celebrated the signature "
                     "of the Free Trade Agreement between Chile and Peru.")
    names = {e.id: e.name for e in out.entities.values()}
    said = [(names[r.subject], r.predicate, names[r.object]) for r in out.relations
            if r.evidence[0].quote.startswith("The leaders")]
    assert not any(o == "Lima Joint Declaration" for s, p, o in said), said


def test_our_countries_in_a_joint_statement_are_its_two_countries(ex):
    got, _ = run(ex, "Joint Statement by Chile and Peru. Our countries signed the Lima Accord in 2010.")
    assert got[("Chile", "SIGNS", "Lima Accord")]["year"] == 2010, got
    assert got[("Peru", "SIGNS", "Lima Accord")]["year"] == 2010, got


def test_a_firm_s_unit_named_for_a_state_stands_in_that_state(ex):
    got, _ = run(ex, "Velkor Battery Alabama Inc. began production in 2005. Norsk Cells Georgia, LLC hired 900 "
                     "workers. Georgia Power supplies the site.")
    assert ("Velkor Battery Alabama", "LOCATED_IN", "Alabama") in got, got
    assert ("Norsk Cells Georgia", "LOCATED_IN", "Georgia") in got, got
    # (a state's name that opens a firm's name is not where a unit of another firm stands)
    assert ("Georgia Power", "LOCATED_IN", "Georgia") not in got, got


def test_a_legal_form_after_a_comma_is_no_firm_of_its_own(ex):
    got, _ = run(ex, "Nordic Cells, LLC invested $5 million in Ohio.")
    assert ("Nordic Cells", "INVESTS_IN", "Ohio") in got, got
    assert not any(s == "LLC" for s, p, o in got), got


def test_both_companies_are_the_two_firms_listed_last(ex):
    got, _ = run(ex, "Norsk Motors and Velkor Steel won waivers. Both companies have invested billions in China. "
                     "Tarsk Motors, Kelvo Motors and Ardent Cells failed to make the list. The two companies opened a "
                     "plant in Ohio.")
    assert ("Norsk Motors", "INVESTS_IN", "China") in got, got
    assert ("Velkor Steel", "INVESTS_IN", "China") in got, got
    # ("the two" after a list of three names no two of them)
    assert not any(o == "Ohio" for s, p, o in got), got
    got, _ = run(ex, "Norsk Motors makes chips in Oslo, while Velkor Steel makes steel in Busan. Velkor Steel said "
                     "the waivers help. Both companies have invested billions in China.")
    assert ("Norsk Motors", "INVESTS_IN", "China") in got and ("Velkor Steel", "INVESTS_IN", "China") in got, got
    # (a firm named after the list: "both" is no longer sure to be the listed two)
    got, _ = run(ex, "Norsk Motors and Velkor Steel won waivers. Tarsk Motors did not. Both companies have invested "
                     "billions in China.")
    assert not any(o == "China" and p == "INVESTS_IN" for s, p, o in got), got


def test_the_affected_companies_listed_are_the_measure_s_targets(ex):
    got, _ = run(ex, "China imposed sanctions on five U.S. subsidiaries of Velkor Ocean on Tuesday. The affected "
                     "companies are Velkor Shipping, Velkor Ocean USA International, and Norsk USA Holdings.")
    sanctions = next(o for s, p, o in got if p == "IMPOSES")
    for firm in ("Velkor Shipping", "Velkor Ocean USA International", "Norsk USA Holdings"):
        assert (sanctions, "TARGETS", firm) in got, got


def test_a_place_after_what_plants_are_worth_is_where_the_plants_are(ex):
    got, props = run(ex, "Velkor Cells is operating and building battery plants worth $37 billion in Austin and "
                         "Taylor, Texas.")
    assert ("Velkor Cells", "INVESTS_IN", "Texas") in got, got


def test_a_person_called_a_negotiator_negotiates_the_agreement(ex):
    got, _ = run(ex, "The Andean Pact was signed in Lima on Sunday. The signing ceremony was held in Lima, with Maria "
                     "Ruiz and John Kell, top negotiators from both sides, in attendance. Chief negotiator Luis Pardo "
                     "said the talks went well. \"It is fair,\" said Maria Lopez, deputy minister for trade, who led "
                     "the negotiations. Carlos Vega did not lead the talks.")
    for person in ("Maria Ruiz", "John Kell", "Luis Pardo", "Maria Lopez"):
        assert (person, "NEGOTIATES", "Andean Pact") in got, got
    assert ("Carlos Vega", "NEGOTIATES", "Andean Pact") not in got, got
    # (two agreements in the sentence and no "for": which one, the words do not say)
    got, _ = run(ex, "Maria Ruiz, the chief negotiator, compared the Andean Trade Agreement with the Lima Free "
                     "Trade Agreement.")
    assert ("Maria Ruiz", "NEGOTIATES", "Andean Trade Agreement") not in got, got


def test_the_north_and_the_south_are_the_two_koreas_once_north_korea_is_named(ex):
    got, _ = run(ex, "The council eased sanctions on North Korea for a rail survey with South Korea. The exemption "
                     "allows the South to export fuel to the North.")
    assert ("South Korea", "EXPORTS_TO", "North Korea") in got, got
    # (not in a document that never names North Korea: "the South" of the United States)
    got, _ = run(ex, "Velkor Motors opened plants across the South.")
    assert ("Velkor Motors", "INVESTS_IN", "South Korea") not in got, got


def test_the_company_s_plans_are_the_firm_named_before(ex):
    got, _ = run(ex, "Velkor Group said on Monday it would expand. Kim Jin-su unveiled the company's plans to invest "
                     "$21 billion in the United States.")
    assert ("Velkor Group", "INVESTS_IN", "United States") in got, got


def test_those_who_issue_a_joint_statement_cooperate(ex):
    got, _ = run(ex, "After the vote, the UK, together with France and Norway, released a joint statement. "
                     "Japan issued a statement on Monday.")
    assert ("France", "COOPERATES_WITH", "United Kingdom") in got, got
    assert ("Norway", "COOPERATES_WITH", "United Kingdom") in got, got
    assert not any(p == "COOPERATES_WITH" and "Japan" in (s, o) for s, p, o in got), got


def test_who_holds_an_agreement_s_signing_ceremony_signs_it(ex):
    got, _ = run(ex, "Chile and Peru concluded the Andean Trade Agreement in 2023. Ministers Ana Ruiz and Luis "
                     "Pardo held the signing ceremony in Lima on Thursday. Norway did not attend the signing "
                     "ceremony.")
    assert ("Ana Ruiz", "SIGNS", "Andean Trade Agreement") in got, got
    assert ("Luis Pardo", "SIGNS", "Andean Trade Agreement") in got, got
    assert ("Norway", "SIGNS", "Andean Trade Agreement") not in got, got


def test_another_country_s_trade_minister_heads_no_korean_ministry(ex):
    got, _ = run(ex, "Chile's Trade Minister Ana Ruiz met South Korea's Trade Minister Ahn Duk-geun in Seoul.")
    assert ("Ahn Duk-geun", "LEADS", "Ministry of Trade, Industry and Energy") in got, got
    # (her own country's ministry, named by its adjective where the gazetteer knows none)
    assert [o for s, p, o in got if s == "Ana Ruiz" and p == "LEADS"] == ["Chilean Ministry of Trade"], got


@pytest.mark.parametrize("text, minister, ministry", [
    ("Peru's Defense Minister Ana Soto opened the plant.", "Ana Soto", "Peruvian Ministry of Defense"),
    ("Chilean Minister of Defense Ana Soto opened the plant.", "Ana Soto", "Chilean Ministry of Defense"),
])
def test_another_countrys_defense_minister_heads_its_own_ministry(ex, text, minister, ministry):
    got, _ = run(ex, text)
    assert [o for s, p, o in got if s == minister and p == "LEADS"] == [ministry], got


def test_firms_in_rows_under_a_targeted_heading_are_the_measure_s_targets(ex):
    text = ("Norway imposed anti-dumping duties on steel plates from Chile on April 24.\n\n"
            "Targeted Chilean steelmakers/exporters\n\nDuty\n\n"
            "Velkor Iron & Steel Co., Ltd. and its affiliates\n\n27.91%\n\n"
            "Andes Valin Iron and Steel Co., Ltd. and its affiliates\n\n38.02%\n\n"
            "Norsk Commodities International Pte. Ltd. and its affiliates\n\n"
            "The ministry said Tarsk Steel Corp. was not investigated.")
    got, _ = run(ex, text)
    duties = next(o for s, p, o in got if p == "IMPOSES")
    for firm in ("Velkor Iron & Steel", "Andes Valin Iron and Steel", "Norsk Commodities International"):
        assert (duties, "TARGETS", firm) in got, got
    assert (duties, "TARGETS", "Tarsk Steel") not in got, got  # (prose again: the list is over)


def test_both_allies_and_competitors_is_no_pair_of_countries(ex):
    got, _ = run(ex, "Norway and Chile signed the Andean Trade Agreement. Norway has imposed a broad 10% tariff on "
                     "imports from both allies and competitors. Both countries have agreed to cut tariffs.")
    assert not any(p == "TARGETS" and o == "Chile" for s, p, o in got), got


def test_goods_bought_from_a_country_listed_after_an_amount(ex):
    got, props = run(ex, "Chile agreed to purchase $100 billion worth of liquefied natural gas (LNG) and other energy "
                         "products from Norway.")
    assert ("Norway", "EXPORTS_TO", "Chile") in got, got


def test_facilities_listed_together_keep_their_own_places(ex):
    got, _ = run(ex, "Many of these assets are large plants that employ thousands of U.S. workers, like Velkor Motors’ "
                     "facility in Montgomery, Ala., and Norsk Motors’ plant in West Point, Ga., which collectively "
                     "give more than 8,000 workers paychecks.")
    assert ("Norsk Motors", "INVESTS_IN", "Georgia") in got, got
    assert ("Norsk Motors", "INVESTS_IN", "Alabama") not in got, got
    assert not any(p == "LOCATED_IN" and "plant" in s and o == "Alabama" for s, p, o in got), got


def test_a_pact_named_by_its_sides_keeps_what_the_text_says_it_does(ex):
    got, out = run(ex, "Chile and Peru on Sunday signed a deal to share defense costs for Chilean forces.")
    deal = next(e for e in out.entities.values() if e.type == "Agreement")
    assert any(a.startswith("deal to share defense costs") for a in deal.aliases), deal.aliases
    assert ("Chile", "SIGNS", deal.name) in got, got


def test_who_acts_under_an_agreement_or_is_committed_to_it_is_its_party(ex):
    got, _ = run(ex, "Under the terms of the Andean Trade Agreement, Chile pays half of the cost. Norway keeps troops "
                     "abroad as part of its commitment to the Oslo Defense Treaty. Under the Lima Free Trade "
                     "Agreement, Peru would not cut tariffs.")
    assert ("Chile", "PARTY_TO", "Andean Trade Agreement") in got, got
    assert ("Norway", "PARTY_TO", "Oslo Defense Treaty") in got, got
    assert ("Peru", "PARTY_TO", "Lima Free Trade Agreement") not in got, got


def test_a_name_after_counterpart_is_a_person(ex):
    got, out = run(ex, "Chile and Peru concluded the Andean Trade Agreement in 2023. Chile's Trade Minister Ana Ruiz "
                       "and her Peruvian counterpart, Alfredo Espinosa Pascual, held the signing ceremony in Lima.")
    assert any(e.name == "Alfredo Espinosa Pascual" and e.type == "Person" for e in out.entities.values()), \
        out.entities


def test_an_exemption_exempts_whom_it_lets_act(ex):
    got, _ = run(ex, "The waiver permits Norway to ship tools to China. The tariff allows Chile to export copper.")
    assert any(p == "EXEMPTS" and o == "Norway" for s, p, o in got), got
    assert not any(p == "EXEMPTS" and o == "Chile" for s, p, o in got), got


def test_a_known_firm_s_name_with_letters_after_it_is_a_unit_of_its_own(ex):
    got, _ = run(ex, "SK Siltron CSS, a semiconductor wafer manufacturer, opened a plant in Bay City, Michigan. "
                     "Samsung HBM chips are in demand.")
    assert ("SK Siltron CSS", "INVESTS_IN", "Michigan") in got, got
    assert ("SK Siltron", "INVESTS_IN", "Michigan") not in got, got
    assert not any("HBM" in s for s, p, o in got), got


def test_a_legal_name_may_hold_its_country_in_brackets(ex):
    got, out = run(ex, "Velkor Semiconductor (China) Ltd. will invest $2 billion in Wuxi, China.")
    assert any(e.name == "Velkor Semiconductor (China)" and e.type == "Firm" for e in out.entities.values()), \
        out.entities


def test_firms_in_a_trade_remedy_table_are_the_duties_targets(ex):
    text = ("The Department of Commerce imposed antidumping duties on steel plate from Chile.\n\n"
            "| Exporter/producer | Weighted-average dumping margin (percent) |\n\n"
            "| Velkor Steel Co., Ltd. | 3.85 |\n\n| Andes Iron & Steel Corp. | 12.4 |\n\n"
            "Commerce said Tarsk Steel Corp. was not reviewed.")
    got, _ = run(ex, text)
    duties = next(o for s, p, o in got if p == "IMPOSES")
    assert (duties, "TARGETS", "Velkor Steel") in got and (duties, "TARGETS", "Andes Iron & Steel") in got, got
    assert (duties, "TARGETS", "Tarsk Steel") not in got, got


def test_exports_subject_to_a_measure_make_their_goods_its_target(ex):
    got, _ = run(ex, "Norway imposed tariffs on aluminum in 2018. Chilean exports of copper to Norway have remained "
                     "subject to the tariffs since May 1, 2018.")
    tariffs = next(o for s, p, o in got if p == "IMPOSES")
    assert (tariffs, "TARGETS", "copper") in got and (tariffs, "TARGETS", "Chile") in got, got


def test_the_country_is_the_one_country_named_just_before(ex):
    got, _ = run(ex, "The policy is expected to hit Chile especially hard. Copper is the country’s top export to "
                     "Norway.")
    assert ("Chile", "EXPORTS_TO", "Norway") in got, got
    # (two countries named before: which one, the words do not say)
    got, _ = run(ex, "Peru imposed tariffs on Chile. Copper is the country’s top export to Norway.")
    assert not any(p == "EXPORTS_TO" for s, p, o in got), got


def test_what_a_measure_has_an_impact_on_is_its_target(ex):
    got, _ = run(ex, "Norway imposed new export rules on chips in 2023. There are diverse opinions regarding the "
                     "final rules' impacts on Velkor Electronics and Norsk Chips.")
    rules = next(o for s, p, o in got if p == "IMPOSES")
    assert (rules, "TARGETS", "Velkor Electronics") in got and (rules, "TARGETS", "Norsk Chips") in got, got


def test_a_list_of_firms_goes_on_past_a_legal_form(ex):
    # (a firm's mention leaves its legal form out; the list after "on ... from" does not end there)
    got, _ = run(ex, "In 2014, Norway levied anti-dumping duties on pipe imports from Velkor Steel, Andes Tube, "
                     "Tarsk Corp. and Norsk Metal.")
    duties = next(o for s, p, o in got if p == "IMPOSES")
    for firm in ("Velkor Steel", "Andes Tube", "Tarsk", "Norsk Metal"):
        assert (duties, "TARGETS", firm) in got, (firm, got)


def test_plural_trade_pacts_with_partners_are_one_pact_per_partner(ex):
    got, _ = run(ex, "Norway has 15 FTAs in total, including recently concluded FTAs with Chile, Peru, and Japan.")
    for partner in ("Chile", "Peru", "Japan"):
        pact = next((o for s, p, o in got if s == partner and p == "PARTY_TO"), None)
        assert pact is not None and ("Norway", "PARTY_TO", pact) in got, (partner, got)
    # (each partner is a party to its own pact only)
    assert len({o for s, p, o in got if p == "PARTY_TO"}) == 3, got
    got, _ = run(ex, "Norway's free trade agreements with Chile and Peru took effect in 2012.")
    assert len({o for s, p, o in got if p == "PARTY_TO"}) == 2, got
    assert not any("Peru" in o and "Chile" in o for s, p, o in got), got
    got, _ = run(ex, "Norway signed FTAs with Chile and Peru in 2010.")
    assert {s for s, p, o in got if p == "SIGNS"} == {"Norway", "Chile", "Peru"}, got


def test_plural_trade_pacts_need_one_holder_and_a_stated_fact(ex):
    for text in ("Norway has no FTAs with Chile or Peru.", "Chile and Peru have FTAs with Japan and Norway.",
                 "Norway may sign FTAs with Chile and Peru."):
        got, _ = run(ex, text)
        assert not any(p == "PARTY_TO" for s, p, o in got), (text, got)


def test_a_definite_pact_no_name_stood_for_is_named_by_its_sides(ex):
    for text in ("Norway signed the free trade agreement with Chile in 2005.",
                 "Norway and Chile signed the free trade agreement in 2005.",
                 "The leaders celebrated the signature of the Free Trade Agreement (FTA) between Norway and Chile."):
        got, _ = run(ex, text)
        pact = next((o for s, p, o in got if s == "Norway" and p == "SIGNS"), None)
        assert pact is not None and ("Chile", "PARTY_TO", pact) in got, (text, got)
    # a pact named before is the one the definite description refers to
    got, _ = run(ex, "Norway and Chile signed the Lima Pact in 2003. Norway ratified the free trade agreement with "
                     "Chile in 2005.")
    assert ("Norway", "RATIFIES", "Lima Pact") in got, got


def test_a_pact_signed_with_no_signer_named_is_signed_by_its_negotiators(ex):
    got, _ = run(ex, "Norway and Chile launched talks on the Lima Pact in 2004. The pact was signed on June 30, "
                     "2007.")
    assert ("Norway", "SIGNS", "Lima Pact") in got and ("Chile", "SIGNS", "Lima Pact") in got, got
    # (not one who left the talks, nor where the signing is denied)
    got, _ = run(ex, "Norway, Peru and Chile launched talks on the Lima Pact in 2004. Peru withdrew from the Lima "
                     "Pact in 2006. The pact was signed on June 30, 2007.")
    assert ("Norway", "SIGNS", "Lima Pact") in got and ("Peru", "SIGNS", "Lima Pact") not in got, got
    got, _ = run(ex, "Norway and Chile launched talks on the Lima Pact in 2004. The pact was never signed.")
    assert not any(p == "SIGNS" for s, p, o in got), got


def test_a_definite_pact_no_name_stood_for_is_named_by_its_signers(ex):
    for text in ("The agreement, signed by Norway and Chile in 2019, entered into force in 2021.",
                 "The deal was signed by Norway and Chile in 2019.",
                 "The treaty, which Norway and Chile signed in 2019, entered into force in 2021."):
        got, _ = run(ex, text)
        pact = next((o for s, p, o in got if s == "Norway" and p == "SIGNS"), None)
        assert pact is not None and ("Chile", "SIGNS", pact) in got, (text, got)
    got, _ = run(ex, "The agreement would be signed by Norway and Chile in 2019.")
    assert not any(p == "SIGNS" for s, p, o in got), got


def test_a_grouping_of_states_is_named_by_its_last_word(ex):
    got, _ = run(ex, "Chile formally joined the Andean Community in 1969.")
    assert ("Chile", "MEMBER_OF", "Andean Community") in got, got


def test_one_countrys_troops_in_another_are_the_body_the_gazetteer_knows_for_them(ex):
    for text in ("About 28,500 U.S. troops are stationed in South Korea.",
                 "The 28,500 American troops in South Korea serve as a deterrent.",
                 "The accord sets how much South Korea contributes to the cost of hosting U.S. military forces."):
        got, _ = run(ex, text)
        assert ("U.S. Forces Korea", "LOCATED_IN", "South Korea") in got, (text, got)
        assert ("U.S. Forces Korea", "LOCATED_IN", "United States") not in got, (text, got)
    for text in ("No U.S. troops are stationed in South Korea.", "U.S. troops in Norway were cut."):
        got, _ = run(ex, text)
        assert not any(p == "LOCATED_IN" for s, p, o in got), (text, got)


def test_the_amended_agreement_is_the_changed_version_named_before(ex):
    got, _ = run(ex, "Norway and Chile renegotiated the Lima Pact in 2018. Trade Minister Ana Ruiz and Minister Lars "
                     "Berg signed the amended agreement in September 2018.")
    changed = next(s for s, p, o in got if p == "AMENDS")
    assert ("Ana Ruiz", "SIGNS", changed) in got, got


def test_a_definite_pact_is_named_by_countries_not_by_their_envoys(ex):
    got, _ = run(ex, "USTR Robert Lighthizer and Trade Minister Kim Hyun-chong signed the agreement in September 2018.")
    assert not any(p == "SIGNS" for s, p, o in got), got


def test_an_offices_name_ends_where_a_bodys_name_ends(ex):
    # (the title's pattern alone reads "Navy Lars" as the office and "Berg Olsen" as the person)
    got, _ = run(ex, "Secretary of the Navy Lars Berg Olsen visited the shipyard in Norway.")
    assert ("Lars Berg Olsen", "LEADS", "Department of the Navy") in got, got
    got, _ = run(ex, "Secretary of Homeland Security Ana Ruiz visited the plant.")
    assert ("Ana Ruiz", "LEADS", "Department of Homeland Security") in got, got


def test_a_korean_industry_minister_heads_the_trade_and_industry_ministry(ex):
    got, _ = run(ex, "Korean Industry Minister Kim Do-hyun met officials in Washington.")
    assert ("Kim Do-hyun", "LEADS", "Ministry of Trade, Industry and Energy") in got, got
    got, _ = run(ex, "Norway's Industry Minister Lars Berg met officials in Washington.")
    assert not any(p == "LEADS" and o == "Ministry of Trade, Industry and Energy" for s, p, o in got), got


def test_a_known_firm_then_a_place_is_its_unit_there_where_the_ner_split_the_name(ex):
    got, _ = run(ex, "In 2020, TSMC Arizona was founded.")
    assert ("TSMC Arizona", "LOCATED_IN", "Arizona") in got, got
    got, _ = run(ex, "The Samsung Texas fab will open in 2026.")
    assert not any("Samsung Texas" == s for s, p, o in got), got
    got, out = run(ex, "TSMC Arizona is a chip plant in Phoenix.")  # (said to be a plant: no firm of its own)
    assert "TSMC Arizona" not in {e.name for e in out.entities.values() if e.type == "Firm"}, got


def test_a_units_letters_read_as_a_common_noun_still_name_the_unit(ex):
    got, _ = run(ex, "SK Siltron CSS is a wafer manufacturer based in Auburn, Michigan.")
    assert ("SK Siltron CSS", "LOCATED_IN", "Michigan") in got, got


def test_a_country_that_withdraws_with_nothing_named_leaves_the_pact_just_named(ex):
    got, _ = run(ex, "The Lima Pact was signed in 2016. Norway withdrew in 2017.")
    assert ("Norway", "WITHDRAWS_FROM", "Lima Pact") in got, got
    got, _ = run(ex, "The Lima Pact was signed in 2016 but never took effect after Norway withdrew.")
    assert ("Norway", "WITHDRAWS_FROM", "Lima Pact") in got, got
    for text in ("The Lima Pact was signed in 2016. Norway withdrew its troops from Chile in 2017.",
                 "The Lima Pact was signed in 2016. Norway did not withdraw.",
                 "The Lima Pact was signed in 2016. Trade grew. Exports rose. Norway withdrew in 2017."):
        got, _ = run(ex, text)
        assert not any(p == "WITHDRAWS_FROM" for s, p, o in got), (text, got)


def test_what_a_firm_supplies_to_a_foreign_body_it_exports_to_that_bodys_country(ex):
    got, _ = run(ex, "Velkor Defense will supply 30 howitzers to the Chilean Army.")
    assert ("Velkor Defense", "EXPORTS_TO", "Chile") in got, got


def test_a_facility_built_by_a_named_firm_is_the_one_it_builds(ex):
    got, _ = run(ex, "A $2 billion plant will be built by Velkor Motors in Ohio.")
    plant = next((o for s, p, o in got if s == "Velkor Motors" and p == "INVESTS_IN"), None)
    assert plant is not None and got[("Velkor Motors", "INVESTS_IN", plant)].get("amount_usd") == 2e9, got
    for text in ("New facilities will be built by many firms.", "A plant will be built in Ohio."):
        got, _ = run(ex, text)
        assert not got, (text, got)


def test_placing_someone_under_a_measure_imposes_it_on_them(ex):
    got, _ = run(ex, "China placed Velkor Motors under sanctions in 2024.")
    sanctions = next((o for s, p, o in got if s == "China" and p == "IMPOSES"), None)
    assert sanctions is not None and (sanctions, "TARGETS", "Velkor Motors") in got, got
    for text in ("Norway placed the plant under review.", "Velkor Motors was placed under new management."):
        got, _ = run(ex, text)
        assert not any(p in ("IMPOSES", "TARGETS") for s, p, o in got), (text, got)


def test_a_facility_a_named_firm_builds_in_a_place_is_one_facility_per_place(ex):
    got, _ = run(ex, "Velkor Motors will build a new plant in Ohio. Velkor Motors will also build a new plant in "
                     "Texas.")
    located = {(s, o) for s, p, o in got if p == "LOCATED_IN"}
    assert {o for s, o in located} == {"Ohio", "Texas"} and len({s for s, o in located}) == 2, got
    for text in ("Velkor Motors will build new plants in Ohio.", "Velkor Motors will build a plant."):
        got, _ = run(ex, text)
        assert not any(p == "LOCATED_IN" for s, p, o in got), (text, got)


def test_fields_the_gazetteer_knows_by_their_everyday_words(ex):
    got, _ = run(ex, "Velkor Electronics makes TVs and washing machines.")
    assert ("Velkor Electronics", "OPERATES_IN", "televisions") in got, got
    got, _ = run(ex, "Velkor Networks builds wind turbines in Norway.")
    assert ("Velkor Networks", "OPERATES_IN", "wind power") in got, got


def test_a_field_named_by_its_singular_before_the_noun_it_modifies(ex):
    # English compounds use the singular: "a tire plant", "a display maker", "the chemical industry"
    got, _ = run(ex, "Velkor Rubber will open a $600 million tire plant in Ohio.")
    assert ("Velkor Rubber", "OPERATES_IN", "tires") in got, got
    got, _ = run(ex, "Velkor, a display maker, grew fast.")
    assert ("Velkor", "OPERATES_IN", "displays") in got, got
    # the singular alone, or before a word that is no business of the field, names none
    for text in ("Velkor said the deal was a vehicle for growth.", "Velkor Rubber put the display on show.",
                 "Velkor Tire opened a plant in Ohio."):
        got, out = run(ex, text)
        assert not any(e.type == "Sector" for e in out.entities.values()), (text, got)


def test_a_firms_leader_pledging_money_invests_for_the_firm(ex):
    # a chairman's or CEO's pledge is the firm's money, once the document says whom they lead
    for text in ("Velkor Motors Chairman Jan Morel met the governor, pledging $2 billion in Ohio projects.",
                 "Velkor Motors is led by Jan Morel. Jan Morel pledged $2 billion in Ohio projects."):
        got, _ = run(ex, text)
        assert got.get(("Velkor Motors", "INVESTS_IN", "Ohio"), {}).get("amount_usd") == 2e9, (text, got)
    # a person whose firm the document never names invests nothing of their own
    got, _ = run(ex, "Jan Morel pledged $2 billion in Ohio projects.")
    assert not any(p == "INVESTS_IN" for s, p, o in got), got


def test_negotiations_in_an_adjunct_of_a_clause_about_an_agreement_are_its_parties(ex):
    for text in ("The Chile-Peru Fisheries Agreement entered into force in 2010, after several rounds of negotiation "
                 "beginning in 2006.",
                 "Chile and Peru signed the Lima Fisheries Pact in 2009. The pact grew out of bilateral consultations "
                 "that began in 2004."):
        got, _ = run(ex, text)
        negotiated = {(s, o): props for (s, p, o), props in got.items() if p == "NEGOTIATES"}
        assert {s for s, o in negotiated} == {"Chile", "Peru"} and len({o for s, o in negotiated}) == 1, (text, got)
        # (the talks' own year, not the year the agreement entered into force)
        assert all(props.get("year") in (2004, 2006) for props in negotiated.values()), (text, got)
    # talks that are no adjunct of the agreement's clause are not its negotiation
    got, _ = run(ex, "The Chile-Peru Fisheries Agreement entered into force in 2010. Officials met for talks in Lima.")
    assert not any(p == "NEGOTIATES" for s, p, o in got), got


def test_a_business_its_firm_left_is_no_field_it_works_in(ex):
    for text in ("After exiting both the battery and solar businesses, Velkor Motors makes only trucks.",
                 "Velkor Motors sold its battery business in 2020."):
        got, _ = run(ex, text)
        assert not any(p == "OPERATES_IN" and o in ("batteries", "solar energy") for s, p, o in got), (text, got)
    for text in ("Velkor Motors runs a battery business in Ohio.",
                 "Velkor Motors announced plans to sell off its battery division."):  # (still its own)
        got, _ = run(ex, text)
        assert ("Velkor Motors", "OPERATES_IN", "batteries") in got, (text, got)


def test_a_firm_whose_name_opens_a_facilitys_name_owns_it(ex):
    got, _ = run(ex, "The Hyundai plant in Montgomery, Alabama employs 3,000 workers.")
    plant = next((o for s, p, o in got if s == "Hyundai Motor Group" and p == "INVESTS_IN"
                  and o not in ("Alabama", "United States")), None)
    assert plant is not None and (plant, "LOCATED_IN", "Alabama") in got, got
    assert ("Hyundai Motor Group", "INVESTS_IN", "Alabama") in got, got
    got, _ = run(ex, "The Hyundai plant in Montgomery, Alabama will not be built.")
    assert not any(p == "INVESTS_IN" for s, p, o in got), got


def test_a_person_who_sets_up_or_starts_a_firm_leads_it(ex):
    for text in ("Jan Morel set up Velkor Construction in 1947.", "Jan Morel started Velkor Construction in 1947."):
        got, _ = run(ex, text)
        assert ("Jan Morel", "LEADS", "Velkor Construction") in got, (text, got)
    got, _ = run(ex, "Jan Morel started production at Velkor Construction in 1947.")
    assert not any(p == "LEADS" for s, p, o in got), got


def test_measures_two_sides_impose_on_each_other_are_one_per_side(ex):
    got, _ = run(ex, "Chile and Peru imposed tariffs on each other's steel in 2019.")
    chile = next((o for s, p, o in got if s == "Chile" and p == "IMPOSES"), None)
    peru = next((o for s, p, o in got if s == "Peru" and p == "IMPOSES"), None)
    assert chile and peru and chile != peru, got
    assert (chile, "TARGETS", "Peru") in got and (peru, "TARGETS", "Chile") in got, got
    assert (chile, "TARGETS", "steel") in got and (chile, "TARGETS", "Chile") not in got, got
    # one measure both impose on a third party stays one
    got, _ = run(ex, "Chile and Peru imposed tariffs on Bolivian steel in 2019.")
    assert len({o for s, p, o in got if p == "IMPOSES"}) == 1, got
    # "each side ... on the other": each of the two countries the document names together
    got, _ = run(ex, "Chile and Peru are at odds over fishing. Each side has imposed trade restrictions on the other.")
    assert {(s, o) for (s, p, o) in got if p == "IMPOSES"} == {
        ("Chile", "Chilean trade restrictions on Peru"), ("Peru", "Peruvian trade restrictions on Chile")}, got


@pytest.mark.parametrize("text", [
    "Chile kept its normal 25% duty on Peruvian trucks in 2031.",
    "Chile would be able to extend its usual 25% duty on Peruvian trucks until 2041.",
])
def test_its_measure_past_the_measures_own_adjectives_is_the_subjects(ex, text):
    # (the possessive opens the noun phrase: "its normal 25% duty" is Chile's however many words stand between)
    got, _ = run(ex, text)
    assert any(s == "Chile" and p == "IMPOSES" and "duty" in o for s, p, o in got), got


def test_a_rate_in_per_cent_is_no_part_of_the_measures_name(ex):
    got, out = run(ex, "Peru maintained its 40 per cent tariff on beef until 2030.")
    assert any(s == "Peru" and p == "IMPOSES" for s, p, o in got), got
    assert not [e.name for e in out.entities.values() if "cent" in e.name.split()], got


def test_a_pact_between_two_names_with_articles_is_named_by_them(ex):
    got, _ = run(ex, "The free trade agreement between the United Kingdom and New Zealand took effect in 2023.")
    assert ("United Kingdom", "PARTY_TO", "United Kingdom-New Zealand FTA") in got, got
    assert ("New Zealand", "PARTY_TO", "United Kingdom-New Zealand FTA") in got, got


@pytest.mark.parametrize("text", [
    "Chile and Peru have traded for decades. In 2031 the two countries signed a bilateral trade agreement.",
    "Chile and Peru met in Lima. The free trade agreement between the two countries took effect in 2032.",
])
def test_a_pact_whose_sides_are_the_two_countries_is_theirs(ex, text):
    got, _ = run(ex, text)
    pacts = {o for s, p, o in got if s == "Chile" and p == "PARTY_TO"}
    assert pacts and all("Chile" in o and "Peru" in o for o in pacts), got
    assert any(s == "Peru" and p == "PARTY_TO" and o in pacts for s, p, o in got), got


def test_a_pact_described_after_a_comma_is_the_pact_named(ex):
    got, out = run(ex, "The Andes Growth Pact (AGP), is a trade agreement between Chile and Peru.")
    assert ("Chile", "PARTY_TO", "Andes Growth Pact") in got, got
    assert [e.name for e in out.entities.values() if e.type == "Agreement"] == ["Andes Growth Pact"]


@pytest.mark.parametrize("text", [
    "The THAAD system is being deployed in Japan in response to Russia's missile threat.",
    "The THAAD deployment gives Japan protection against Russian missile provocations.",
])
def test_a_measure_answering_a_states_threat_targets_that_state(ex, text):
    got, _ = run(ex, text)
    assert ("THAAD deployment", "TARGETS", "Russia") in got, got


def test_a_measure_answering_anothers_measure_is_no_threat_answered(ex):
    got, _ = run(ex, "The THAAD deployment in Japan came in response to Russia's tariffs on fish.")
    assert ("THAAD deployment", "TARGETS", "Russia") not in got, got


@pytest.mark.parametrize("text", [
    "Chile tightened export controls on three items: hydrogen fluoride, photoresist and copper.",
    "Chile tightened export controls on three items in 2031. The three items are hydrogen fluoride, which cleans "
    "wafers; photoresist, used in displays; and copper.",
])
def test_goods_a_measure_counts_then_lists_are_its_targets(ex, text):
    got, _ = run(ex, text)
    for goods in ("hydrogen fluoride", "photoresist", "copper"):
        assert any(p == "TARGETS" and o == goods and "export controls" in s for s, p, o in got), (goods, got)


def test_the_measure_named_before_the_answer_is_the_one_answering(ex):
    got, _ = run(ex, "The store closures came after Velkor agreed to host the THAAD system, which is being deployed in "
                     "response to Russia's missile threat.")
    assert ("THAAD deployment", "TARGETS", "Russia") in got, got
    assert not any(p == "TARGETS" and o == "Russia" and "closure" in s for s, p, o in got), got


def test_the_group_is_the_group_named_last_not_its_firm(ex):
    got, _ = run(ex, "Velkor Group is a Korean conglomerate. Its founder set up Tarsk Textiles in 1953. In 1990, the "
                     "Group diversified into oil and chemicals.")
    assert ("Velkor Group", "OPERATES_IN", "chemicals") in got, got
    assert not any(s == "Tarsk Textiles" and p == "OPERATES_IN" and o == "chemicals" for s, p, o in got), got


def test_the_company_capitalised_is_the_firm_named_last(ex):
    got, _ = run(ex, "Velkor Corp. is a solar maker. The Company also plans to build a plant in Dalton, Georgia.")
    assert ("Velkor", "INVESTS_IN", "Georgia") in got, got


@pytest.mark.parametrize("text", [
    "Velkor Solar plans to break ground on a manufacturing facility in Cartersville, Georgia, next year.",
    "Velkor Solar is a panel maker. The company also plans to expand panel production at its existing facility in "
    "Dalton, Georgia.",
])
def test_a_firm_putting_money_in_a_place_through_a_facility_there_invests_in_it(ex, text):
    got, out = run(ex, text)
    assert ("Velkor Solar", "INVESTS_IN", "Georgia") in got, got
    assert any(s == "Velkor Solar" and p == "INVESTS_IN" and "facility" in o for s, p, o in got), got


def test_a_facility_only_said_to_be_a_firms_is_no_investment_in_it(ex):
    got, _ = run(ex, "Many plants employ thousands of U.S. workers, like Hyundai's facility in Montgomery, Alabama.")
    assert not any(p == "INVESTS_IN" and "facility" in o for s, p, o in got), got


def test_a_partnership_putting_money_in_facilities_is_both_partners_investment(ex):
    got, _ = run(ex, "Samsung SDI formed a partnership with General Motors worth $9 billion for battery plants in "
                     "Indiana and Ohio.")
    for firm in ("Samsung SDI", "General Motors"):
        assert any(s == firm and p == "INVESTS_IN" and o.endswith("battery plants") for s, p, o in got), (firm, got)


def test_a_name_the_parser_hangs_under_its_title_is_the_person(ex):
    got, _ = run(ex, "Hyundai's chairman Chung Eui-sun met Trump, pledging $21 billion in new projects in the "
                     "United States.")
    assert any(s.startswith("Hyundai") and p == "INVESTS_IN" and o == "United States" for s, p, o in got), got


def test_its_national_investments_are_in_that_country(ex):
    got, _ = run(ex, "SK Group increased its U.S. investments to $50 billion in 2024.")
    assert ("SK Group", "INVESTS_IN", "United States") in got, got


def test_their_national_facilities_are_no_investment_said(ex):
    got, _ = run(ex, "The waivers let Velkor and Tarsk ship tools to their Chilean facilities.")
    assert not [k for k in got if k[1] == "INVESTS_IN" and k[2] == "Chile"], got


def test_a_headlines_verb_is_no_part_of_a_pacts_name(ex):
    _, out = run(ex, "Chile, Peru Sign Andes Free Trade Agreement\n\nThe two countries signed the pact on Monday.")
    names = [e.name for e in out.entities.values() if e.type == "Agreement"]
    assert not [n for n in names if "Sign" in n.split()], names


@pytest.mark.parametrize("text", [
    "The original Andes Pact grew out of bilateral consultations between Chile and Peru that began in late 2004.",
    "The Andes Pact was the result of talks between Chile and Peru.",
    "Negotiations for the Andes Pact started in June 2015 between Chile and Peru.",
])
def test_the_sides_of_the_talks_a_pact_came_from_negotiate_it(ex, text):
    got, _ = run(ex, text)
    assert ("Chile", "NEGOTIATES", "Andes Pact") in got, got
    assert ("Peru", "NEGOTIATES", "Andes Pact") in got, got


@pytest.mark.parametrize("text", [
    "Guatemala is negotiating its accession to the Andes Pact.",
    "Guatemala and Chile are negotiating on Guatemala's accession to the Andes Pact.",
    "Guatemala and Chile are negotiating separately concerning Guatemala's adhesion to the Andes Pact.",
])
def test_an_accession_under_negotiation_is_no_membership(ex, text):
    got, _ = run(ex, text)
    assert ("Guatemala", "NEGOTIATES", "Andes Pact") in got, got
    assert ("Guatemala", "PARTY_TO", "Andes Pact") not in got, got


@pytest.mark.parametrize("text", [
    "Peru has agreed to a quota of approximately 2.6 million tons of copper exports annually to Chile.",
    "Peru accepted a quota on its copper exports to Chile in exchange for an exemption.",
])
def test_who_takes_a_limit_on_itself_is_its_target(ex, text):
    got, _ = run(ex, text)
    assert any(p == "TARGETS" and o == "Peru" and "quota" in s for s, p, o in got), got


def test_who_accepts_a_tariff_is_no_target_by_accepting_it(ex):
    got, _ = run(ex, "Peru accepted the tariff on copper in 2031.")
    assert not any(p == "TARGETS" and o == "Peru" for s, p, o in got), got


def test_what_an_opening_participle_is_said_of_past_its_agents_name(ex):
    got, _ = run(ex, "Founded as a trading company in 1951 by Kim Dae-ho, the Velkor Group, now comprising more than "
                     "40 companies, diversified into textiles and insurance.")
    assert ("Kim Dae-ho", "LEADS", "Velkor Group") in got, got


def test_a_typographic_apostrophe_keeps_a_countrys_full_name(ex):
    _, out = run(ex, "Velkor runs two plants in the People\u2019s Republic of China, and the Democratic People\u2019s "
                     "Republic of Korea tested a missile in 2031.")
    countries = {e.name for e in out.entities.values() if e.type == "Country"}
    assert {"China", "North Korea"} <= countries, countries
    assert not {"Taiwan", "South Korea"} & countries, countries


@pytest.mark.parametrize("text", [
    "The rule covers Samsung and SK Hynix, companies headquartered in South Korea, for their fabs in China.",
    "The items may be supplied to Velkor Chips Co. Ltd. and Tarsk Semiconductor (China) Ltd., companies "
    "headquartered in the Republic of Korea, for their fabs.",
])
def test_a_plural_description_after_a_list_of_firms_describes_each(ex, text):
    got, _ = run(ex, text)
    seated = [s for s, p, o in got if p == "LOCATED_IN" and o == "South Korea"]
    assert len(seated) == 2, got


def test_an_intent_the_parser_hangs_from_the_main_verb_past_a_date_aside(ex):
    got, _ = run(ex, "Minister Kim expressed regret over Norway's announcement on Wednesday, November 26, to tighten "
                     "its steel tariff rate quota.")
    assert any(s == "Norway" and p == "IMPOSES" and "quota" in o for s, p, o in got), got
    assert not any(s == "Kim" and p == "IMPOSES" for s, p, o in got), got


@pytest.mark.parametrize("text, country", [
    ("Chile and Peru signed the Andes Pact in 2031. The ceremony was held in Lima, with Ana Ruiz and Luis Vega, "
     "top negotiators from both sides, in attendance.", "Peru"),
    ("Maria Ruiz, Chile's chief negotiator for the Andes Pact, met reporters in Lima.", "Chile"),
])
def test_the_country_a_negotiator_negotiates_for_negotiates(ex, text, country):
    got, _ = run(ex, text)
    assert (country, "NEGOTIATES", "Andes Pact") in got, got


def test_talks_that_resulted_in_amendments_negotiate_them(ex):
    got, _ = run(ex, "Chile and Peru issued a joint statement. We welcome the conclusion of negotiations between our "
                     "governments that have resulted in amendments and modifications to improve the Andes Pact.")
    assert ("Andes Pact amendments", "AMENDS", "Andes Pact") in got, got
    assert ("Chile", "NEGOTIATES", "Andes Pact amendments") in got, got
    assert ("Peru", "NEGOTIATES", "Andes Pact amendments") in got, got


def test_a_blocs_members_opening_a_list_of_signers_make_the_bloc_a_party(ex):
    got, _ = run(ex, "ASEAN's 10 member states, Japan, China, Australia and New Zealand also signed the Andes Pact.")
    assert ("ASEAN", "PARTY_TO", "Andes Pact") in got, got
    assert ("Japan", "SIGNS", "Andes Pact") in got, got


def test_a_clauses_subject_after_a_fronted_phrase_is_no_apposition(ex):
    got, _ = run(ex, "Following the signing of the Framework Agreement, the Chile-Peru Agreement on Trade in Goods "
                     "(CPTIG) was signed on 24 August 2031.")
    assert any(s == "Chile" and p == "PARTY_TO" and "Trade in Goods" in o for s, p, o in got), got
    assert not any("Framework" in o for s, p, o in got), got


def test_a_new_pact_of_a_sentence_naming_only_the_documents_two_countries_is_theirs(ex):
    got, _ = run(ex, "Chile and Peru met in Lima. Chile will impose a 15% tariff on Peruvian imports as part of a "
                     "sweeping new trade agreement.")
    pacts = {o for s, p, o in got if s == "Chile" and p == "PARTY_TO"}
    assert pacts and all("Peru" in o for o in pacts), got
    assert any(s == "Peru" and p == "PARTY_TO" and o in pacts for s, p, o in got), got


def test_a_new_pact_beside_a_third_country_is_no_pact_of_the_two(ex):
    got, _ = run(ex, "Chile and Peru met in Lima. Chile will cut tariffs on Bolivian imports as part of a new trade "
                     "agreement.")
    assert not [k for k in got if k[1] == "PARTY_TO"], got


def test_a_quoted_term_of_plain_words_before_a_measure_is_part_of_its_name(ex):
    got, _ = run(ex, "The Chilean Ministry of Trade is adding Velkor Corp. and Tarsk Inc. to its \u201ctrusted end "
                     "user\u201d list in 2031.")
    assert any(p == "TARGETS" and o == "Tarsk" and "trusted end user list" in s for s, p, o in got), got


def test_a_list_of_named_things_is_a_measure_on_who_is_added_to_it(ex):
    got, _ = run(ex, "The Chilean Ministry of Trade added Velkor Corp. to the list of trusted exporters on July 10, 2031.")
    assert any(p == "TARGETS" and o == "Velkor" and "list of trusted exporters" in s for s, p, o in got), got


def test_a_list_something_is_removed_from_is_no_measure_imposed(ex):
    got, _ = run(ex, "Japan removed Korea from its list of trusted trading partners in 2031.")
    assert not any(p == "IMPOSES" and o.endswith("list of trusted trading partners") for s, p, o in got), got


@pytest.mark.parametrize("text", [
    "Chile and Peru signed the Andes Pact on Sunday.",
    "Chile and Peru signed the Andes Pact on Monday in Lima.",
])
def test_a_weekday_after_a_pacts_title_is_no_part_of_it(ex, text):
    got, _ = run(ex, text)
    assert ("Chile", "SIGNS", "Andes Pact") in got, got


def test_one_plural_title_for_several_heads(ex):
    # "Presidents X and Y": each name is titled, a surname alone too, and each leads their own country
    got, _ = run(ex, "On May 2, Presidents Macron and Lula signed the Amazon Forest Accord in Belem.")
    assert ("Emmanuel Macron", "SIGNS", "Amazon Forest Accord") in got
    assert ("Emmanuel Macron", "LEADS", "France") in got
    got, _ = run(ex, "Presidents Trump and Moon, signed the Han River Accord.")
    assert ("Moon Jae-in", "SIGNS", "Han River Accord") in got
    assert ("Moon Jae-in", "LEADS", "South Korea") in got
    got, _ = run(ex, "Prime Ministers Kishida and Albanese met in Perth.")
    assert ("Anthony Albanese", "LEADS", "Australia") in got
    assert ("Fumio Kishida", "LEADS", "Japan") in got


def test_infobox_field_known_by_its_last_words(ex):
    # "Original Signatories" is the signatories field
    doc = repair("t", "t.txt", "txt", "= Coral Sea Trade Agreement =\n\nCSTA\n- Type: Free trade agreement\n"
                                      "- Original Signatories: Andrew Robb, Minister for Trade | Yoon Sang-jick, "
                                      "Minister for Trade\n\nThe agreement took effect in 2014.\n")
    out = ex.run(doc)
    names = {e.id: e.name for e in out.entities.values()}
    got = {(names[r.subject], r.predicate, names[r.object]) for r in out.relations}
    assert ("Andrew Robb", "SIGNS", "Coral Sea Trade Agreement") in got
    assert ("Yoon Sang-jick", "SIGNS", "Coral Sea Trade Agreement") in got


def test_a_measure_with_the_exception_of_named_countries_exempts_them(ex):
    got, _ = run(ex, "Chile imposed tariffs on copper wire on 3 May 2019 with the exception of Peru, Bolivia and "
                     "Ecuador.")
    for c in ("Peru", "Bolivia", "Ecuador"):
        assert ("Chilean tariffs on copper wire", "EXEMPTS", c) in got or any(
            k[1] == "EXEMPTS" and k[2] == c for k in got)
    # a measure on named countries does not exempt the others an exception names from what they are not under
    got, _ = run(ex, "Chile imposed tariffs on copper wire from Peru and Bolivia, except for La Paz, in 2019.")
    assert not any(k[1] == "EXEMPTS" for k in got)


def test_those_who_joined_a_pact_listed_are_its_parties(ex):
    got, _ = run(ex, "The economies that have joined the Coral Framework account for a third of world trade, "
                     "consisting of Australia, Brunei, Chile and Japan.")
    for c in ("Australia", "Brunei", "Chile", "Japan"):
        assert (c, "PARTY_TO", "Coral Framework") in got
    got, _ = run(ex, "The Coral Framework consists of Australia, Brunei, Chile and Japan.")
    assert ("Brunei", "PARTY_TO", "Coral Framework") in got
    got, _ = run(ex, "The Coral Framework consists of three pillars: trade, clean energy and Japan's supply chains.")
    assert not any(k[1] == "PARTY_TO" for k in got)


def test_a_minister_of_defense_heads_the_ministry_of_national_defense(ex):
    got, _ = run(ex, "The pact was signed by then-South Korean Defense Minister Han Min-koo in Seoul.")
    assert ("Han Min-koo", "LEADS", "Ministry of National Defense") in got


def test_a_lowercase_title_after_a_name_names_its_department(ex):
    got, _ = run(ex, "\"We are proud,\" said Gina Raimondo, United States secretary of commerce.")
    assert ("Gina Raimondo", "LEADS", "Department of Commerce") in got
    got, _ = run(ex, "\"We are proud,\" said Ahn Duk-geun, South Korea's minister of trade, industry and energy.")
    assert ("Ahn Duk-geun", "LEADS", "Ministry of Trade, Industry and Energy") in got
    # a title followed by a name is that person's, not the one before the comma
    got, _ = run(ex, "After talks with Trump, U.S. Secretary of Commerce Wilbur Ross opened a probe.")
    assert ("Donald Trump", "LEADS", "Department of Commerce") not in got
    assert ("Wilbur Ross", "LEADS", "Department of Commerce") in got


def test_a_pact_named_in_apposition_to_what_its_sides_own(ex):
    got, _ = run(ex, "Seoul and Tokyo restored their intelligence-sharing pact, GSOMIA, in 2023.")
    assert ("South Korea", "PARTY_TO", "GSOMIA") in got and ("Japan", "PARTY_TO", "GSOMIA") in got
    got, _ = run(ex, "Canada and Mexico revived their trade pact, the Coral Trade Agreement, in 2021.")
    assert ("Mexico", "PARTY_TO", "Coral Trade Agreement") in got


def test_an_agreement_described_by_its_sides_is_the_pact_named_by_them(ex):
    # "the agreement that Chile and Peru signed" is the Chile-Peru pact, not the last one named
    got, _ = run(ex, "The Chile–Peru Free Trade Agreement was signed in 2009. It is the largest such pact after the "
                     "North American Free Trade Agreement. This is the third trade agreement that Chile and Peru have "
                     "signed between themselves.")
    assert ("Chile", "PARTY_TO", "NAFTA") not in got and ("Peru", "SIGNS", "NAFTA") not in got


def test_an_investment_given_by_a_copula_keeps_its_place(ex):
    got, _ = run(ex, "Samsung said its investment would be $45 billion in Texas.")
    assert got.get(("Samsung Electronics", "INVESTS_IN", "Texas"), {}).get("amount_usd") == 45e9


def test_amendments_named_before_are_the_amendments_ratified(ex):
    got, _ = run(ex, "Chile and Peru signed amendments to the Andes Trade Accord in 2018. Peru's Congress ratified "
                     "the amendments on December 7.")
    assert ("Peru", "RATIFIES", "Andes Trade Accord amendments") in got


def test_an_agreement_on_a_pacts_modifications_is_its_amendments(ex):
    got, _ = run(ex, "Chile and Peru signed an agreement on Andes Trade Accord modifications in 2018.")
    assert ("Chile", "SIGNS", "Andes Trade Accord amendments") in got
    assert ("Andes Trade Accord amendments", "AMENDS", "Andes Trade Accord") in got


def test_an_amendment_to_their_agreement(ex):
    got, _ = run(ex, "Chile and Peru signed the Andes Trade Accord in 2010. The deal was reached last month as the "
                     "two countries also negotiated an amendment to their free trade agreement.")
    assert ("Peru", "NEGOTIATES", "Andes Trade Accord amendments") in got
    assert ("Andes Trade Accord amendments", "AMENDS", "Andes Trade Accord") in got


def test_a_bodys_states_then_listed_are_its_members(ex):
    got, _ = run(ex, "The EFTA States Iceland, Norway and Switzerland signed a free trade agreement with Chile in "
                     "2003.")
    for c in ("Iceland", "Norway", "Switzerland"):
        assert (c, "MEMBER_OF", "EFTA") in got
    assert any(k[0] == "Iceland" and k[1] == "SIGNS" for k in got)  # "States" opens the list, no name ends there
    got, _ = run(ex, "The ASEAN member states Thailand, Vietnam and Laos met in Hanoi.")
    assert ("Vietnam", "MEMBER_OF", "ASEAN") in got


def test_a_treaty_between_two_sides_signed_on_a_date_is_signed_by_them(ex):
    got, _ = run(ex, "The Andes Defense Treaty is a treaty between Chile and Peru signed on October 1, 1953.")
    assert got.get(("Chile", "SIGNS", "Andes Defense Treaty")) == {"year": 1953}
    assert ("Peru", "SIGNS", "Andes Defense Treaty") in got


def test_sanctions_toughened_are_imposed(ex):
    got, _ = run(ex, "Norway toughened the sanctions on Eritrea in 2017.")
    assert any(k[0] == "Norway" and k[1] == "IMPOSES" for k in got)


def test_an_infobox_date_field_dates_the_pacts_act_by_its_parties(ex):
    doc = repair("t", "t.txt", "txt", "= Coral Sea Defense Treaty =\n\nCSDT\n- Type: Military alliance\n"
                                      "- Date Signed: October 1, 1953\n- Location Signed: Suva\n"
                                      "- Negotiations began: May 1951\n\n"
                                      "The Coral Sea Defense Treaty is an agreement between Fiji and Peru.\n")
    out = ex.run(doc)
    names = {e.id: e.name for e in out.entities.values()}
    got = {(names[r.subject], r.predicate, names[r.object]): r.props for r in out.relations}
    assert got.get(("Fiji", "SIGNS", "Coral Sea Defense Treaty")) == {"year": 1953}
    assert got.get(("Peru", "NEGOTIATES", "Coral Sea Defense Treaty")) == {"year": 1951}


def test_an_empty_bracket_before_the_description_of_a_name(ex):
    # a copy that lost a pronunciation keeps its brackets: "X () is a treaty between A and B"
    got, _ = run(ex, "The Andes Defense Treaty () is a treaty between Chile and Peru signed on October 1, 1953.")
    assert ("Chile", "SIGNS", "Andes Defense Treaty") in got


def test_small_states_are_countries(ex):
    got, _ = run(ex, "The EFTA States Iceland, Liechtenstein, Norway and Switzerland met in Geneva.")
    assert ("Liechtenstein", "MEMBER_OF", "EFTA") in got and ("Norway", "MEMBER_OF", "EFTA") in got


def test_a_ticker_in_brackets_names_no_one(ex):
    got, _ = run(ex, "Governor Eric Holcomb announced that Velkor Motors (NYSE: VLKR) and Samsung SDI will build a "
                     "battery plant in Kokomo, Indiana.")
    assert ("Velkor Motors", "INVESTS_IN", "Indiana") in got and ("Samsung SDI", "INVESTS_IN", "Indiana") in got
    assert not any("NYSE" in k[0] for k in got)


def test_a_measures_abbreviation_and_the_noun_it_modifies(ex):
    # "countervailing duty (CVD) orders on X from A and B": what the duty is on, past its abbreviation and "orders"
    got, _ = run(ex, "The Department is issuing countervailing duty (CVD) orders on certain cold-rolled copper flat "
                     "products (cold-rolled copper) from Peru and Chile.")
    assert any(k[1] == "TARGETS" and k[2] == "Peru" for k in got)
    assert any(k[1] == "TARGETS" and k[2] == "Chile" for k in got)


def test_a_counterpart_named_after_the_word_is_that_person(ex):
    got, _ = run(ex, "The Andes Trade Accord was signed by Peru's Trade Minister Luis Ortiz and his Chilean "
                     "counterpart Ana Soto in Lima.")
    assert ("Ana Soto", "SIGNS", "Andes Trade Accord") in got


def test_this_investment_is_the_sentence_befores_investors(ex):
    got, _ = run(ex, "Velkor Corp. will build a plant in Ohio. The $2 billion investment in Ohio will create 900 jobs.")
    assert any(k[1] == "INVESTS_IN" and k[2] == "Ohio" and v.get("amount_usd") == 2e9 for k, v in got.items())


def test_their_free_trade_agreement_is_the_two_countries_pact(ex):
    got, _ = run(ex, "The United States reached a deal with South Korea on steel. The deal was reached last month as "
                     "the two countries also negotiated an amendment to their free trade agreement.")
    assert ("South Korea", "NEGOTIATES", "KORUS FTA amendments") in got
    assert ("KORUS FTA amendments", "AMENDS", "KORUS FTA") in got
    assert ("United States", "NEGOTIATES", "deal on steel amendments") not in got


def test_names_after_an_opening_phrase_are_the_verbs_subject(ex):
    # the parser may run the opening phrase's list on into the names, leaving "signed" with no subject
    got, _ = run(ex, "In 1953, at the conclusion of the Korean War, the United States and the Republic of Korea "
                     "signed the Han River Treaty.")
    assert ("United States", "SIGNS", "Han River Treaty") in got and ("South Korea", "SIGNS", "Han River Treaty") in got


def test_a_free_trade_agreement_said_signed_is_the_two_countries(ex):
    got, _ = run(ex, "Chile and Peru crowned their relations with a free trade agreement (FTA) signed in 2011.")
    assert got.get(("Chile", "SIGNS", "Chile-Peru FTA")) == {"year": 2011}
    assert ("Peru", "PARTY_TO", "Chile-Peru FTA") in got


def test_a_body_described_as_a_grouping_of_countries(ex):
    got, _ = run(ex, "The Quad (Quadrilateral Security Dialogue) is a diplomatic partnership between Australia, "
                     "India, Japan, and the United States.")
    for c in ("Australia", "India", "Japan", "United States"):
        assert (c, "MEMBER_OF", "Quad") in got


def test_an_opening_participle_of_signing(ex):
    got, _ = run(ex, "Signed by Peru's Minister of Economy, Luis Ortiz and Chile's Minister of Trade Ana Soto, the "
                     "Andes Trade Accord entered into force in 2013.")
    assert got.get(("Ana Soto", "SIGNS", "Andes Trade Accord")) == {}  # (2013 is when it took effect)
    assert ("Luis Ortiz", "SIGNS", "Andes Trade Accord") in got
    # (each minister signs for the country their title names, a portfolio after it or not)
    assert ("Peru", "SIGNS", "Andes Trade Accord") in got and ("Chile", "SIGNS", "Andes Trade Accord") in got


def test_a_ratification_process_for_a_pact(ex):
    got, _ = run(ex, "Japan also notified Chile of the completion of its ratification process for the Coral Trade "
                     "Agreement.")
    assert ("Japan", "RATIFIES", "Coral Trade Agreement") in got
    assert ("Chile", "RATIFIES", "Coral Trade Agreement") not in got


def test_a_firms_supplier_is_another_firm(ex):
    got, _ = run(ex, "Qcells' supplier expands its investment in Georgia.")
    assert not any(k[0] == "Hanwha Q Cells" and k[1] == "INVESTS_IN" for k in got)


def test_a_body_described_as_a_dialogue_is_no_talks_between_its_members(ex):
    got, _ = run(ex, "The Quadrilateral Security Dialogue is a strategic dialogue between the United States, India, "
                     "Japan and Australia.")
    assert ("India", "MEMBER_OF", "Quad") in got
    assert not any(k[1] == "NEGOTIATES" for k in got)


def test_a_noun_called_by_a_name_is_what_the_name_names(ex):
    got, _ = run(ex, "Velkor Corp. and Hydro established a joint venture called Tarsk Energy LLC in 2020.")
    assert ("Hydro", "INVESTS_IN", "Tarsk Energy") in got and ("Velkor", "INVESTS_IN", "Tarsk Energy") in got


def test_a_deed_stands_for_its_doer_after_by(ex):
    got, _ = run(ex, "Chile said it is suspending operations at the Andes Industrial Park, in retaliation for a "
                     "missile test by Peru.")
    assert ("Chile", "RETALIATES_AGAINST", "Peru") in got
    got, _ = run(ex, "Chile said it is suspending operations at the Andes Industrial Park, in retaliation for a "
                     "rocket launch and a missile test by Peru.")
    assert ("Chile", "RETALIATES_AGAINST", "Peru") in got


def test_a_lowercase_title_before_a_name(ex):
    got, _ = run(ex, "Japan's ambassador met the Chinese commerce minister, Chen Deming, in Beijing.")
    assert ("Chen Deming", "LEADS", "Ministry of Commerce of China") in got
    got, _ = run(ex, "He met the Japanese minister of economy, trade and industry, Akihiro Ohata, in Tokyo.")
    assert got.get(("Akihiro Ohata", "LEADS", "Ministry of Economy, Trade and Industry")) == {"role": "Minister"}


def test_a_name_with_an_inner_capital_after_a_title(ex):
    _, out = run(ex, "Commissioner Stuart McWhorter met Velkor Corp. executives.")
    assert "Stuart McWhorter" in {e.name for e in out.entities.values()}  # (was "Stuart Mc")


def test_duties_are_on_the_goods_after_them(ex):
    # "duty" is in "duties" only once its final "y" goes (mentions.might_contain's cheap test)
    got, _ = run(ex, "In 2016, Norway imposed anti-dumping duties on Chilean industrial fasteners.")
    assert ("Norwegian anti-dumping duties", "TARGETS", "industrial fasteners") in got
    assert ("Norwegian anti-dumping duties", "TARGETS", "Chile") in got


def test_a_range_of_rates_stands_between_a_measure_and_its_goods(ex):
    got, _ = run(ex, "In 2016, Norway imposed anti-dumping duties of 8.5-14.2 percent on Chilean industrial fasteners.")
    assert ("Norwegian anti-dumping duties", "TARGETS", "industrial fasteners") in got
    got, _ = run(ex, "Norway imposed tariffs of 10 to 25 percent on salmon from Chile in 2019.")
    assert [k for k in got if k[1] == "TARGETS" and k[2] == "Chile"]
    assert [k for k in got if k[0] == "Norway" and k[1] == "IMPOSES"]


def test_an_idiom_with_on_names_no_goods(ex):
    got, _ = run(ex, "By adjusting Norwegian tariffs on par with those of Chile, Oslo hopes to compete.")
    assert not [k for k in got if k[1] == "TARGETS" and k[2] == "par"]


def test_a_title_apposed_before_a_list_goes_on(ex):
    # the list after the title ("..., and Dara Voss") is no list of the ministry's fields
    got, _ = run(ex, "Park Jin, the Korean Minister of Foreign Affairs, and Dara Voss met the delegation in Oslo.")
    assert ("Park Jin", "LEADS", "Ministry of Foreign Affairs") in got


def test_a_firm_the_ner_ran_into_a_titled_person_ends_before_them(ex):
    got, out = run(ex, "The event was attended by Norvik Executive Vice President and President of Halvard "
                       "Shipbuilding Brian Mercer and Jae-in Song, the CEO of Brandt Heavy Industries.")
    assert ("Brian Mercer", "LEADS", "Halvard Shipbuilding") in got
    # a romanized given name's short second part may be an English word ("ho", "in", "su"); the title apposed
    # after "A and B" is B's alone, wherever the parser hangs it
    assert ("Jae-in Song", "LEADS", "Brandt Heavy Industries") in got
    assert ("Brian Mercer", "LEADS", "Brandt Heavy Industries") not in got


def test_letters_after_a_known_firm_before_a_title_name_its_unit(ex):
    got, _ = run(ex, "\"We are proud of Ohio,\" said SK Siltron CSS CEO Marta Lindqvist, Ph.D.")
    assert ("Marta Lindqvist", "LEADS", "SK Siltron CSS") in got


def test_a_nickname_in_quotes_is_part_of_one_persons_name(ex):
    got, out = run(ex, "Norvik Changwon Integrated Special Steel Co-CEO Minseok “Sam” Ryu thanked the governor.")
    assert ("Minseok Ryu", "LEADS", "Norvik Changwon Integrated Special Steel") in got
    assert not [e for e in out.entities.values() if e.type == "Person" and "Steel" in e.name]


def test_a_definite_measure_with_a_rate_is_the_one_named_when_none_had_a_rate(ex):
    got, _ = run(ex, "In 2031, Norway imposed the Fjord Levy on salmon. Imports of salmon from Chile and Peru shall "
                     "be exempt from the additional 25% levy.")
    assert ("Fjord Levy", "EXEMPTS", "Chile") in got
    # an indefinite one is another measure
    got, _ = run(ex, "In 2031, Norway imposed the Fjord Levy on salmon. Chile and Peru face a 25% levy.")
    assert ("Fjord Levy", "EXEMPTS", "Chile") not in got


def test_the_counted_group_a_sentence_spoke_of_is_listed_later(ex):
    got, _ = run(ex, "Twelve countries on Monday signed the Andean Fisheries Partnership. The pact will take effect "
                     "once the participants ratify it. The 12 countries include Chile, Peru and Norway.")
    for country in ("Chile", "Peru", "Norway"):
        assert (country, "PARTY_TO", "Andean Fisheries Partnership") in got
        # what will happen once they ratify it has not happened
        assert (country, "RATIFIES", "Andean Fisheries Partnership") not in got


def test_an_act_in_a_clause_of_what_will_follow_it_is_not_yet_done(ex):
    got, _ = run(ex, "Norway will lift the tariffs once Peru ratifies the Lima Accord.")
    assert ("Peru", "RATIFIES", "Lima Accord") not in got
    got, _ = run(ex, "The Lima Accord took effect once Peru ratified it in 2009.")
    assert ("Peru", "RATIFIES", "Lima Accord") in got


def test_goods_listed_in_apposition_to_a_noun_of_goods_are_what_a_measure_is_on(ex):
    got, _ = run(ex, "In 2031, Norway imposed export controls on three battery minerals, lithium, cobalt and "
                     "nickel, to Chile.")
    for good in ("lithium", "cobalt", "nickel"):
        assert ("Norwegian export controls", "TARGETS", good) in got, got


def test_the_chamber_a_pact_passed_in_ratifies_it_not_every_party(ex):
    got, _ = run(ex, "The Chile-Norway Accord was passed in the Chilean parliament on 6 November 2031.")
    assert ("Chile", "RATIFIES", "Chile-Norway Accord") in got
    assert ("Norway", "RATIFIES", "Chile-Norway Accord") not in got
    # with no chamber named, the parties it has ratify
    got, _ = run(ex, "The Chile-Norway Accord was ratified in 2031.")
    assert ("Norway", "RATIFIES", "Chile-Norway Accord") in got


def test_an_envoy_named_after_the_offices_of_a_title_signs_for_their_country(ex):
    got, _ = run(ex, "On May 2, 2031, Norway's trade minister Ola Berg and the Ambassador of Chile to Norway "
                     "Luis Ortega signed the Fjord Accord.")
    assert ("Luis Ortega", "SIGNS", "Fjord Accord") in got
    assert ("Chile", "SIGNS", "Fjord Accord") in got
    got, _ = run(ex, "Chilean Ambassador Luis Ortega signed the Fjord Accord in 2031.")
    assert ("Chile", "SIGNS", "Fjord Accord") in got
    assert ("Chile", "PARTY_TO", "Fjord Accord") in got


def test_talks_of_nothing_else_in_a_clause_about_a_pact_were_on_it(ex):
    got, _ = run(ex, "Chile and Peru signed the Lima Accord in Lima in 2015, three years after the two sides started "
                     "talks in 2012.")
    assert got.get(("Chile", "NEGOTIATES", "Lima Accord")) == {"year": 2012}
    got, _ = run(ex, "Long in preparation, the Lima Accord between Chile and Peru concludes the final chapter of "
                     "negotiations that began in 2010.")
    assert ("Peru", "NEGOTIATES", "Lima Accord") in got
    # talks with someone else are not on the pact
    got, _ = run(ex, "Chile and Peru signed the Lima Accord in 2015, after Chile started talks with Norway.")
    assert ("Norway", "NEGOTIATES", "Lima Accord") not in got
    assert ("Chile", "NEGOTIATES", "Lima Accord") not in got


def test_a_place_after_the_list_of_a_pacts_sides_is_no_side(ex):
    got, _ = run(ex, "The Lima Accord between Chile and Peru was reached after talks last week in Washington.")
    assert ("Peru", "PARTY_TO", "Lima Accord") in got
    assert ("United States", "PARTY_TO", "Lima Accord") not in got


def test_excluding_a_country_from_a_list_is_a_measure_on_it_not_an_exemption(ex):
    got, _ = run(ex, "Norway also excluded Chile from its list of trusted countries in August 2031.")
    assert not [k for k in got if k[1] == "EXEMPTS"]
    assert [k for k in got if k[1] == "TARGETS" and k[2] == "Chile"]
    got, _ = run(ex, "Norway excluded Chile from the Fjord Levy in 2031.")
    assert ("Fjord Levy", "EXEMPTS", "Chile") in got


def test_letters_in_brackets_after_the_words_they_shorten_name_no_firm(ex):
    _, out = run(ex, "Velkor plans to invest $2.3 billion in a lithium iron phosphate (LFP) battery facility in Ohio.")
    assert not [e for e in out.entities.values() if e.name == "LFP"]


def test_a_kind_of_known_goods_a_measure_is_on_is_named_beside_the_goods(ex):
    got, _ = run(ex, "In 2031, Norway imposed tariffs on hot-rolled steel from Chile.")
    assert ("Norwegian tariffs on hot-rolled steel", "TARGETS", "hot-rolled steel") in got
    assert ("Norwegian tariffs on hot-rolled steel", "TARGETS", "steel") in got
    # a bare noun of goods after the known sector names no kind of its own
    got, _ = run(ex, "In 2031, Norway imposed export restrictions on semiconductor materials to Chile.")
    assert not [k for k in got if k[2] == "semiconductor materials"]


def test_a_western_order_korean_name_after_a_capitalised_word_is_a_person(ex):
    # (a match from the word before, "Energy Min-Seo", fails as a family name; the name after it is still read)
    got, _ = run(ex, "Republic of Korea Minister of Trade, Industry, and Energy Min-Seo Park met the delegation.")
    assert ("Min-Seo Park", "LEADS", "Ministry of Trade, Industry and Energy") in got


def test_an_instrument_that_brings_a_measure_in_targets_what_it_is_on(ex):
    got, _ = run(ex, "UNSCR 3101 imposes new sanctions on Norway.")
    assert ("UNSCR 3101", "TARGETS", "Norway") in got
    got, _ = run(ex, "UNSCR 3102 builds on UNSCR 3101 (2031), which included the strongest sanctions ever imposed on "
                     "Norway.")
    assert ("UNSCR 3101", "TARGETS", "Norway") in got
    assert ("UNSCR 3102", "TARGETS", "Norway") not in got


def test_an_accord_reached_on_a_pact_ends_talks_on_it(ex):
    got, _ = run(ex, "In 2031, Norway reached a final agreement with Chile on the Fjord Accord.")
    assert ("Norway", "NEGOTIATES", "Fjord Accord") in got
    assert ("Chile", "NEGOTIATES", "Fjord Accord") in got
    # the agreement "on" the pact is the pact, no agreement of its own
    assert not [k for k in got if k[2].startswith("agreement on")]
    got, _ = run(ex, "We, Prime Minister Ola Berg and President Luis Ortega, confirm and welcome final agreement on "
                     "the Fjord Accord.")
    assert ("Ola Berg", "NEGOTIATES", "Fjord Accord") in got
    # welcoming an agreement others reached is no part in its talks
    got, _ = run(ex, "Norway welcomed the agreement on the Fjord Accord.")
    assert ("Norway", "NEGOTIATES", "Fjord Accord") not in got


def test_a_country_acting_under_a_leader_acts_with_them(ex):
    got, _ = run(ex, "Chile first launched negotiations on the Fjord Accord with Norway in 2012 under the "
                     "conservative Sebastián Piñera government.")
    assert ("Sebastián Piñera", "NEGOTIATES", "Fjord Accord") in got
    got, _ = run(ex, "Chile signed the Fjord Accord in 2016 under pressure from Michelle Bachelet.")
    assert ("Michelle Bachelet", "SIGNS", "Fjord Accord") not in got


def test_a_title_with_commas_spelled_out_by_its_abbreviation_is_one_name(ex):
    got, _ = run(ex, "Chile and Peru have complied with their commitments under the Chile, Peru, Norway Agreement (CPNA).")
    assert ("Chile", "PARTY_TO", "Chile, Peru, Norway Agreement") in got
    assert not [k for k in got if k[2] == "Norway Agreement"]


def test_a_country_withdrawing_from_the_talks_leaves_the_pact_spoken_of(ex):
    got, _ = run(ex, "Twelve countries signed the Andean Fisheries Partnership on Sunday. The pact will take effect "
                     "in 2032. The 12 countries include Chile, Peru and Norway. Bolivia, which was initially involved "
                     "in the negotiations, withdrew as it was reluctant to open its market.")
    assert ("Bolivia", "WITHDRAWS_FROM", "Andean Fisheries Partnership") in got
    # with no talks spoken of, only the sentence before's pact
    got, _ = run(ex, "Twelve countries signed the Andean Fisheries Partnership on Sunday. Tariffs on salmon fell. "
                     "Exports grew. Bolivia later withdrew its envoy and then withdrew.")
    assert ("Bolivia", "WITHDRAWS_FROM", "Andean Fisheries Partnership") not in got


def test_who_acts_on_what_talks_gave_negotiated_the_pact(ex):
    got, _ = run(ex, "Chile and Peru signed the Lima Accord in 2015. As a result of the negotiations, Chile will open "
                     "its market to Peruvian fish.")
    assert ("Chile", "NEGOTIATES", "Lima Accord") in got
    got, _ = run(ex, "As a result of negotiations, Chile will double its quota under the Lima Accord amendments.")
    assert ("Chile", "NEGOTIATES", "Lima Accord amendments") in got


def test_plants_planned_by_no_one_named_are_the_title_firms(ex):
    text = ("= Velkor Energy =\n\nVelkor Energy is a battery maker based in Oslo. Three battery plants were planned, "
            "two in Kentucky and one in Tennessee.\n")
    got, _ = run(ex, text)
    assert ("Velkor Energy", "INVESTS_IN", "Kentucky") in got
    assert ("Velkor Energy", "INVESTS_IN", "Tennessee") in got
    # with no title naming the firm, no one is said to plan them
    got, _ = run(ex, text.split("\n\n", 1)[1])
    assert ("Velkor Energy", "INVESTS_IN", "Kentucky") not in got


def test_the_second_of_two_titled_signers_holds_the_title_written_before_them(ex):
    # (the parser hangs the second name from the ministry's list of fields; the first title is not the second's)
    got, _ = run(ex, "U.S. Secretary of Commerce Laura Finch and Korean Minister of Trade, Industry, and Energy "
                     "Park Ji-hoon signed the Harbor Accord in Busan on May 3, 2021.")
    assert ("Park Ji-hoon", "LEADS", "Ministry of Trade, Industry and Energy") in got
    assert ("Park Ji-hoon", "SIGNS", "Harbor Accord") in got
    assert ("Laura Finch", "SIGNS", "Harbor Accord") in got
    got, _ = run(ex, "Secretary of Energy Tom Hale and Minister of Trade, Industry, and Energy Yoon Min-seo met "
                     "in Seoul.")
    assert ("Yoon Min-seo", "LEADS", "Ministry of Trade, Industry and Energy") in got
    assert ("Tom Hale", "LEADS", "Department of Energy") in got


def test_a_country_named_before_a_title_says_whose_minister_signs(ex):
    # (the parser may take "Republic of Korea" for the second signer and hang the title and name elsewhere)
    got, _ = run(ex, "U.S. Secretary of State Tom Hale and Republic of Korea Minister of Trade, Industry, and Energy "
                     "Park Ji-hoon signed the Harbor Accord on May 21, 2022.")
    assert ("Park Ji-hoon", "SIGNS", "Harbor Accord") in got
    assert ("Park Ji-hoon", "LEADS", "Ministry of Trade, Industry and Energy") in got


def test_titled_signers_of_a_memorandum_are_not_the_sides_that_name_it(ex):
    got, _ = run(ex, "United States Secretary of Commerce Gina Raimondo and Republic of Korea Minister of Trade, "
                     "Industry, and Energy Park Ji-hoon signed a Memorandum of Understanding on May 21, 2022.")
    assert ("Park Ji-hoon", "SIGNS", "Memorandum of Understanding") in got
    assert not any(" between " in o for _, _, o in got)


def test_a_known_bodys_own_council_is_a_body_its_titled_head_leads(ex):
    got, _ = run(ex, "White House National Shipping Council Director Laura Finch said the tariffs would stay.")
    assert ("Laura Finch", "LEADS", "White House National Shipping Council") in got
    assert ("Laura Finch", "LEADS", "White House") not in got


def test_a_subcommittee_is_a_body_its_chairman_leads(ex):
    got, _ = run(ex, "Senate Finance Committee Chairman Robert Miles and Fisheries Subcommittee Chairman Tom Hale "
                     "released statements.")
    assert ("Tom Hale", "LEADS", "Fisheries Subcommittee") in got
    assert ("Robert Miles", "LEADS", "Senate Finance Committee") in got


def test_a_body_named_after_its_country_is_no_firm(ex):
    got, out = run(ex, "Last year the United States Department of Energy approved a $2 billion loan for Velkor "
                       "Batteries.")
    assert ("Velkor Batteries", "PARTNERS_WITH", "Department of Energy") in got
    assert not any(e.type == "Firm" and "Department" in e.name for e in out.entities.values())
    # a firm named with the state it works in is still one
    _, out = run(ex, "Velkor Arizona is a subsidiary of Hanwha Solutions.")
    assert any(e.type == "Firm" and e.name == "Velkor Arizona" for e in out.entities.values())


def test_goods_listed_with_known_goods_in_a_flow_are_goods(ex):
    got, out = run(ex, "The embargo bans Norway's exports of coal, tungsten, marble and granite.")
    sectors = {e.name for e in out.entities.values() if e.type == "Sector"}
    assert {"tungsten", "marble", "granite"} <= sectors
    # a list that no flow or measure is of keeps its other words out
    _, out = run(ex, "The new plant will bring steel, jobs and growth to Ohio.")
    assert "jobs" not in {e.name for e in out.entities.values()}


def test_a_resolution_in_lower_case_by_its_number_or_referred_back_to(ex):
    got, _ = run(ex, "The Security Council adopted Resolution 2491 in 2019. The resolution bans exports of coal.")
    assert ("Resolution 2491", "TARGETS", "coal") in got
    got, _ = run(ex, "The draft was adopted unanimously as resolution 2492. The resolution limits the export of coal.")
    assert ("resolution 2492", "TARGETS", "coal") in got
    got, _ = run(ex, "The WTO panel praised the resolution of the dispute between Chile and Peru.")
    assert not [k for k in got if "resolution" in k[0].lower() or "resolution" in k[2].lower()]


def test_measures_an_instrument_imposes_act_as_the_instrument(ex):
    got, _ = run(ex, "The Security Council adopted Resolution 2493. The sanctions imposed by the resolution limit "
                     "the export of coal.")
    assert ("Resolution 2493", "TARGETS", "coal") in got
    # (also where a measure named before would take the description: the instrument says which)
    got, _ = run(ex, "The Council adopted tougher sanctions on Norway. The draft was adopted as resolution 2494. The "
                     "sanctions imposed by the resolution limit the export of coal.")
    assert ("resolution 2494", "TARGETS", "coal") in got
    assert ("tougher sanctions", "TARGETS", "coal") not in got


def test_members_a_body_has_or_lists_are_its_members(ex):
    got, _ = run(ex, "The OECD has 38 members, including Chile and Norway.")
    assert ("Chile", "MEMBER_OF", "OECD") in got and ("Norway", "MEMBER_OF", "OECD") in got
    got, _ = run(ex, "The WTO's 164 member countries include Peru.")
    assert ("Peru", "MEMBER_OF", "WTO") in got
    got, _ = run(ex, "As a member of NATO, Norway increased its defense spending in 2024.")
    assert ("Norway", "MEMBER_OF", "NATO") in got
    # a meeting's members are no body's
    got, _ = run(ex, "The OECD met 38 officials, including Chile's trade minister.")
    assert ("Chile", "MEMBER_OF", "OECD") not in got


def test_what_a_body_is_made_of_names_its_members(ex):
    for text in ("APEC includes Chile, Peru and Vietnam.", "APEC, which includes Chile, Peru and Vietnam, met in Lima.",
                 "APEC, comprising Chile, Peru and Vietnam, met in Lima."):
        got, _ = run(ex, text)
        assert ("Peru", "MEMBER_OF", "APEC") in got, text
    got, _ = run(ex, "Chile belongs to APEC.")
    assert ("Chile", "MEMBER_OF", "APEC") in got
    got, _ = run(ex, "Chile rejoined the WTO in 2001.")
    assert ("Chile", "MEMBER_OF", "WTO") in got
    # what something of the body's includes says nothing of its members
    got, _ = run(ex, "The APEC summit included leaders from Chile and Peru.")
    assert ("Chile", "MEMBER_OF", "APEC") not in got


def test_a_member_of_a_body_named_before_the_noun(ex):
    for text in ("Chile is a WTO member.", "Chile has been a WTO member since 1995.",
                 "Chile, a WTO member, filed a complaint."):
        got, _ = run(ex, text)
        assert ("Chile", "MEMBER_OF", "WTO") in got, text


def test_a_treaty_titled_with_the_words_of_another_kind(ex):
    # a title runs on over "the" and over a law's or a measure's word inside it, and is named as written
    cases = [("Chile signed the Convention on the Law of the Sea in 1997.", "Convention on the Law of the Sea"),
             ("Peru is a party to the Treaty on the Prohibition of Nuclear Weapons.",
              "Treaty on the Prohibition of Nuclear Weapons"),
             ("Chile signed the Agreement on the Conservation of Albatrosses.",
              "Agreement on the Conservation of Albatrosses")]
    for text, title in cases:
        got, out = run(ex, text)
        assert any(k[2] == title for k in got), (text, got)
        assert not any(e.type == "Law" for e in out.entities.values()), text


def test_a_measure_its_named_imposer_says_which_of(ex):
    got, _ = run(ex, "The tariffs imposed by Norway in 2019 hit Chilean salmon.")
    assert ("Norway", "IMPOSES", "Norwegian tariffs") in got
    assert ("Norwegian tariffs", "TARGETS", "Chile") in got
    # no imposer named, no measure
    got, _ = run(ex, "The tariffs hit Chilean salmon in 2019.")
    assert not [k for k in got if k[1] == "IMPOSES"]


def test_another_countrys_congress_is_its_own(ex):
    got, _ = run(ex, "The Lima Accord was ratified by Peru's Congress in 2016.")
    assert ("Congress of Peru", "RATIFIES", "Lima Accord") in got
    assert not any(k[0] == "Congress" for k in got)
    got, _ = run(ex, "Congress approved the Harbor Accord in 2011.")
    assert any(k[0] == "Congress" for k in got)  # (alone, the gazetteer's: the U.S. Congress)


def test_the_owners_of_a_joint_venture_include_a_government_and_a_plant(ex):
    got, _ = run(ex, "Norvex Motors was established as a joint venture between Daelim Steel and the Korean Government.")
    assert ("Daelim Steel", "INVESTS_IN", "Norvex Motors") in got
    assert ("South Korea", "INVESTS_IN", "Norvex Motors") in got  # (the adjective on its government is the country)
    got, _ = run(ex, "The Tarsk plant, a joint venture between Daelim Steel and Tarsk Motors, opened in 2019.")
    assert ("Daelim Steel", "INVESTS_IN", "Tarsk plant") in got
    assert ("Tarsk Motors", "INVESTS_IN", "Tarsk plant") in got
    # (a country's adjective on firms is no owner: the firms are)
    got, _ = run(ex, "Korean battery makers Daelim Steel and Norvex invested $2 billion in Ohio.")
    assert not [k for k in got if k[0] == "South Korea" and k[1] == "INVESTS_IN"]


def test_a_participle_of_money_invests_where_its_clause_works(ex):
    got, _ = run(ex, "Korvan Energy will expand its operations in Ohio, investing $300 million and creating 400 jobs.")
    assert got.get(("Korvan Energy", "INVESTS_IN", "Ohio"), {}).get("amount_usd") == 300_000_000
    # (a partner named with "with" is no place the money goes; a participle with its own object keeps it)
    got, _ = run(ex, "Korvan Energy opened an office in Seoul, investing in new chips.")
    assert not [k for k in got if k[1] == "INVESTS_IN" and k[2] == "South Korea"]


def test_officials_in_talks_talk_with_each_others_country(ex):
    got, _ = run(ex, "Peruvian Trade Minister Ana Soto and Chilean Foreign Minister Jorge Vidal held talks in Lima.")
    assert ("Ana Soto", "NEGOTIATES", "Chile") in got and ("Jorge Vidal", "NEGOTIATES", "Peru") in got
    got, _ = run(ex, "Brazilian Minister for Foreign Trade Ana Soto and Chilean Trade Minister Jorge Vidal had "
                     "constructive discussions on Monday.")
    assert ("Ana Soto", "NEGOTIATES", "Chile") in got and ("Jorge Vidal", "NEGOTIATES", "Brazil") in got
    # two officials of one country talk with no other country
    got, _ = run(ex, "Chilean Trade Minister Ana Soto and Chilean Foreign Minister Jorge Vidal held talks in Lima.")
    assert not [k for k in got if k[1] == "NEGOTIATES"]


def test_a_pact_signed_between_its_signers(ex):
    got, _ = run(ex, "The Harbor Accord was signed in 2016 between Chile and Peru.")
    assert got.get(("Chile", "SIGNS", "Harbor Accord")) == {"year": 2016} and ("Peru", "SIGNS", "Harbor Accord") in got
    got, _ = run(ex, "The Harbor Accord was signed in 2016 between Chilean Defense Minister Ana Soto and Peruvian "
                     "Ambassador Jorge Vidal.")
    assert ("Ana Soto", "SIGNS", "Harbor Accord") in got and ("Jorge Vidal", "SIGNS", "Harbor Accord") in got
    # (trade between two countries that a deal boosts is no signing of theirs)
    got, _ = run(ex, "Chile signed a deal to boost trade between Peru and Bolivia.")
    assert not [k for k in got if k[1] == "SIGNS" and k[0] in ("Peru", "Bolivia")]


def test_a_treaty_title_with_a_list_of_words(ex):
    got, _ = run(ex, "Chile and Peru signed the Treaty of Peace, Amity, Commerce, and Navigation in 1882.")
    assert ("Chile", "SIGNS", "Treaty of Peace, Amity, Commerce, and Navigation") in got
    # (a list of names after a title is no part of it)
    _, out = run(ex, "The Treaty of Lima, Peru and Chile agreed, would end the war.")
    assert {e.name for e in out.entities.values() if e.type == "Agreement"} == {"Treaty of Lima"}


def test_a_country_that_signs_through_its_official_is_a_party(ex):
    got, _ = run(ex, "Chilean Trade Minister Ana Soto and Peruvian Foreign Minister Jorge Vidal signed the Andean "
                     "Mining Accord.")
    assert ("Chile", "PARTY_TO", "Andean Mining Accord") in got and ("Peru", "PARTY_TO", "Andean Mining Accord") in got


@pytest.mark.parametrize("text, signer", [
    ("Chile signed but did not ratify the Andean Mining Accord.", "Chile"),
    ("The United States signed but never ratified the Andean Mining Accord.", "United States"),
])
def test_a_signature_without_ratification_makes_no_party(ex, text, signer):
    got, _ = run(ex, text)
    assert (signer, "SIGNS", "Andean Mining Accord") in got  # (the verb shares its coordinated verb's object)
    assert (signer, "PARTY_TO", "Andean Mining Accord") not in got
    assert (signer, "RATIFIES", "Andean Mining Accord") not in got


def test_a_measure_of_goods(ex):
    got, _ = run(ex, "Norway has sought to strengthen its export controls of advanced semiconductors.")
    assert any(k[1] == "TARGETS" and k[2] == "semiconductors" for k in got), got
    # (a country after "of" is whose the controls are, not their target)
    got, _ = run(ex, "The export controls of Japan hit Korean chipmakers.")
    assert not [k for k in got if k[1] == "TARGETS" and k[2] == "Japan"]


def test_a_blow_struck_back(ex):
    got, _ = run(ex, "Chile struck back against Peru's copper tariffs in 2019.")
    assert got.get(("Chile", "RETALIATES_AGAINST", "Peru")) == {"year": 2019}
    got, _ = run(ex, "Norway hit back at the United States with duties on whiskey.")
    assert ("Norway", "RETALIATES_AGAINST", "United States") in got
    got, _ = run(ex, "Chile hit back at critics of the plan.")
    assert not [k for k in got if k[1] == "RETALIATES_AGAINST"]


def test_another_countrys_ministry_is_not_the_gazetteers(ex):
    _, out = run(ex, "Chilean Minister of Trade and Industry Ana Soto signed the Andean Mining Accord.")
    assert "Ministry of Trade, Industry and Energy" not in {e.name for e in out.entities.values()}
    got, _ = run(ex, "The Ministry of Trade and Industry of Chile signed the Andean Mining Accord.")
    assert ("Chile", "SIGNS", "Andean Mining Accord") in got
    assert not any("Energy" in k[0] or "Energy" in k[2] for k in got)
    # (a country the gazetteer's body is of keeps it)
    got, _ = run(ex, "South Korean Minister of Trade Ana Soto signed the Andean Mining Accord.")
    assert ("Ana Soto", "LEADS", "Ministry of Trade, Industry and Energy") in got


def test_one_title_read_by_several_rules_is_one_fact_with_its_full_title(ex):
    _, out = run(ex, "Kim Dong-kwan, the vice chairman of Hanwha Group, announced the plan.")
    roles = [r.props.get("role") for r in out.relations if r.predicate == "LEADS"]
    assert roles == ["Vice chairman"], roles  # (not also "Chairman")
    _, out = run(ex, "\"We are proud,\" said Tarn Velmora, president and CEO of Daelim Steel.")
    roles = [r.props.get("role") for r in out.relations if r.predicate == "LEADS"]
    assert roles == ["President and CEO"], roles


def test_a_name_with_a_title_after_it_is_a_person(ex):
    got, _ = run(ex, "Ana Soto, the chief executive of Velkor Energy, announced the plan.")
    assert got.get(("Ana Soto", "LEADS", "Velkor Energy")) == {"role": "Chief executive"}
    _, out = run(ex, "Sir Chris Dalton, Minister of State at the Department for Business and Trade, met Yeo.")
    assert "Chris Dalton" in {e.name for e in out.entities.values() if e.type == "Person"}  # (the honour is no name)


def test_a_plant_a_passive_clause_says_who_builds_where(ex):
    got, _ = run(ex, "The plant, which will be built by Velkor Energy in Ohio, will cost $2 billion.")
    assert ("Velkor Energy", "INVESTS_IN", "Ohio") in got


def test_an_expansion_of_a_firms_operations_in_a_state(ex):
    got, _ = run(ex, "Velkor Energy announced a $2 billion expansion of its Ohio operations.")
    assert got.get(("Velkor Energy", "INVESTS_IN", "Ohio"), {}).get("amount_usd") == 2_000_000_000
    got, _ = run(ex, "Chile announced an expansion of Ohio exports.")
    assert not [k for k in got if k[1] == "INVESTS_IN"]


def test_a_measure_of_a_rate_its_named_imposer_says_which_of(ex):
    got, _ = run(ex, "Chilean salmon faces a 25 percent tariff imposed by Norway.")
    assert ("Norway", "IMPOSES", "Norwegian tariff") in got and ("Norwegian tariff", "TARGETS", "Chile") in got
    # (with no imposer named, a rate alone names no new measure)
    got, _ = run(ex, "Chilean salmon faces a 25 percent tariff.")
    assert not [k for k in got if k[1] in ("IMPOSES", "TARGETS")]


def test_talks_between_two_government_bodies_are_cooperation(ex):
    got, _ = run(ex, "Norway's Ministry of Trade held a policy dialogue with the Chilean Ministry of Mining.")
    pairs = {frozenset((k[0], k[2])) for k in got if k[1] == "COOPERATES_WITH"}
    assert pairs == {frozenset(("Norwegian Ministry of Trade", "Chilean Ministry of Mining"))}, got
    assert not [k for k in got if k[1] == "NEGOTIATES"]


@pytest.mark.parametrize("text", [
    "Copper made up 25 percent of Peruvian goods imported to Chile.",
    "Goods imported from Peru to Chile rose 5 percent.",
])
def test_goods_imported_to_a_country(ex, text):
    got, _ = run(ex, text)
    assert ("Peru", "EXPORTS_TO", "Chile") in got


def test_a_firms_order_from_a_maker_is_business_between_them(ex):
    got, _ = run(ex, "Norvex Shipping ordered 10 container ships from Velkor Heavy Industries in 2011.")
    assert ("Norvex Shipping", "PARTNERS_WITH", "Velkor Heavy Industries") in got
    got, _ = run(ex, "Norvex Shipping ordered its staff to leave Ohio.")
    assert not [k for k in got if k[1] == "PARTNERS_WITH"]


@pytest.mark.parametrize("text", [
    "Chilean Trade Minister Anna Varga signed the Zorvia Accord with her Peruvian counterpart Luis Ortega in 2015.",
    "Anna Varga, the president of Chile, signed the Zorvia Accord with Luis Ortega, the president of Peru, in 2015.",
    "President Anna Varga signed the Zorvia Accord with Prime Minister Luis Ortega of Peru in 2015.",
])
def test_the_person_a_pact_is_signed_with_signs_it_for_their_country(ex, text):
    got, _ = run(ex, text)
    assert got.get(("Luis Ortega", "SIGNS", "Zorvia Accord")) == {"year": 2015}, got
    assert ("Peru", "SIGNS", "Zorvia Accord") in got and ("Peru", "PARTY_TO", "Zorvia Accord") in got
    # (a pact signed "with" someone in a participle names no signing of theirs)
    got, _ = run(ex, "Recent accords signed with Luis Ortega of Peru include the Zorvia Accord.")
    assert ("Luis Ortega", "SIGNS", "Zorvia Accord") not in got


def test_former_states_are_countries(ex):
    got, _ = run(ex, "Yugoslavia and the Soviet Union signed the Zorvia Treaty in 1955.")
    assert ("Yugoslavia", "SIGNS", "Zorvia Treaty") in got and ("Soviet Union", "SIGNS", "Zorvia Treaty") in got


def test_a_ratification_by_a_country_of_the_pact_the_clause_is_about(ex):
    got, _ = run(ex, "The Zorvia Free Trade Agreement entered into force in 2014 after ratification by Chile and Peru.")
    assert got.get(("Chile", "RATIFIES", "Zorvia Free Trade Agreement")) == {"year": 2014}, got
    assert ("Peru", "RATIFIES", "Zorvia Free Trade Agreement") in got
    for text in ("The Zorvia Accord awaits ratification by Peru.",
                 "The Zorvia Accord, pending approval by Peru's Congress, was signed in 2012.",
                 "The Zorvia Accord still needs approval by Peru."):
        got, _ = run(ex, text)  # (one still to come is none)
        assert not [k for k in got if k[1] == "RATIFIES"], (text, got)



def test_the_goods_of_an_export_named_after_its_destination(ex):
    got, _ = run(ex, "Resolution 9001 prohibited the export to Peru of some military supplies and luxury goods.")
    assert {("Resolution 9001", "TARGETS", x) for x in ("Peru", "arms", "luxury goods")} <= set(got), got


@pytest.mark.parametrize("verb", ["broadened", "tightened", "extended"])
def test_an_instrument_that_widens_a_measure_targets_what_it_is_on(ex, verb):
    got, _ = run(ex, f"Resolution 9003, passed in 2009, {verb} the arms embargo on Peru.")
    assert ("Resolution 9003", "TARGETS", "Peru") in got and ("Resolution 9003", "TARGETS", "arms") in got, got


@pytest.mark.parametrize("text", [
    "Talks ran in parallel with negotiations on the Zorvia Trade Pact (ZTP), a free trade agreement that includes "
    "Chile, Peru and Mexico along with Brazil.",
    "Talks ran in parallel with negotiations on the Zorvia Trade Pact (ZTP) a free trade agreement that includes "
    "Chile, Peru and Mexico along with Brazil.",
])
def test_an_apposition_the_parser_hangs_elsewhere_describes_the_name_before_it(ex, text):
    got, _ = run(ex, text)
    parties = {k[0] for k in got if k[1:] == ("PARTY_TO", "Zorvia Trade Pact")}
    assert parties == {"Chile", "Peru", "Mexico", "Brazil"}, got


def test_a_past_verb_coordinated_into_a_demands_clause_is_stated(ex):
    got, _ = run(ex, "Chile demanded that Peru withdraw its tariffs and imposed duties on Peruvian wine.")
    assert [k for k in got if k[:2] == ("Chile", "IMPOSES")], got
    got, _ = run(ex, "Resolution 9001 demanded that Peru cease testing and prohibited the export of copper to Bolivia.")
    assert ("Resolution 9001", "TARGETS", "Bolivia") in got, got
    # (what is only demanded stays so)
    got, _ = run(ex, "Chile demanded that Peru impose duties on Bolivian wine.")
    assert not [k for k in got if k[1] == "IMPOSES"], got


def test_metals_an_export_ban_names_one_by_one_are_sectors(ex):
    got, _ = run(ex, "Resolution 9010, passed in March 2016, further strengthened sanctions. It banned the export of "
                     "gold, vanadium and titanium.")
    assert {("Resolution 9010", "TARGETS", x) for x in ("gold", "vanadium", "titanium")} <= set(got), got
    # (a battery chemistry is no metal: "lithium iron phosphate" batteries)
    got, _ = run(ex, "Velkor Energy will invest $3 billion in a lithium iron phosphate battery plant in Ohio.")
    assert not [k for k in got if k[2] in ("iron", "lithium")], got


def test_a_measure_noun_right_before_a_number_and_its_noun_is_a_verb(ex):
    got, out = run(ex, "The Chilean Trade Commission recommended the finance ministry levy 21 percent duties on steel "
                       "products imported from Velkor Steel Ltd.")
    assert not [e for e in out.entities.values() if "levy" in e.name], [e.name for e in out.entities.values()]
    assert [k for k in got if k[1:] == ("TARGETS", "Velkor Steel")], got
    # (a number that says by how much is no object: the tariff stays a tariff)
    got, _ = run(ex, "Chile raised its steel tariff 10 percent in 2019.")
    assert [k for k in got if k[:2] == ("Chile", "IMPOSES")], got


def test_who_a_fee_is_on_and_how_it_is_reckoned_are_no_goods_or_targets(ex):
    got, out = run(ex, "Fees on vessel owners and operators of Peru based on net tonnage per Chilean voyage will rise "
                       "over the following years.")
    assert [k for k in got if k[1:] == ("TARGETS", "Peru")], got
    assert not [k for k in got if k[1:] == ("TARGETS", "Chile")], got
    assert not [e for e in out.entities.values() if e.type == "Sector"], [e.name for e in out.entities.values()]


def test_the_goods_a_parenthesis_after_a_banned_flow_lists(ex):
    got, _ = run(ex, "Chile retaliated by banning exports of several critical minerals to Peru (gallium, germanium and "
                     "antimony), as well as restricting graphite.")
    measure = next(k[2] for k in got if k[:2] == ("Chile", "IMPOSES"))
    assert {(measure, "TARGETS", x) for x in ("gallium", "germanium", "antimony", "Peru")} <= set(got), got
    # (an abbreviation in brackets is no list of goods, nor part of the measure's name)
    got, _ = run(ex, "Chile banned exports of rare earths (REE) to Peru.")
    assert [k for k in got if k[:2] == ("Chile", "IMPOSES") and k[2].endswith("rare earths")], got


def test_goods_listed_with_their_brands(ex):
    got, _ = run(ex, "Chile rolled out countermeasures against $2.8 billion worth of Peruvian exports including Velkor "
                     "jeans, Norvex motorbikes and bourbon whiskeys.")
    targets = {k[2] for k in got if k[1] == "TARGETS"}
    assert {"jeans", "motorbikes", "bourbon whiskeys"} <= targets, got


def test_a_county_named_without_its_state_is_in_the_one_state_the_document_names(ex):
    text = ("Velkor Motors will invest $2 billion in a battery plant in Bartow County. Governor Anna Smith said the "
            "plant is the largest in Ohio's history.")
    got, _ = run(ex, text)
    assert got.get(("Velkor Motors", "INVESTS_IN", "Ohio"), {}).get("amount_usd") == 2e9, got
    # (with two states named, or none, the county stays unplaced; a county's officer is no place)
    got, _ = run(ex, text.replace("Ohio's", "Ohio's and Texas's"))
    assert not [k for k in got if k[1] == "INVESTS_IN" and k[2] in ("Ohio", "Texas")], got
    got, _ = run(ex, "Bartow County Commissioner Steve Taylor welcomed Velkor Motors, which will build a plant in Ohio.")
    assert not [k for k in got if k[0] == "Bartow County"], got


def test_a_firm_named_for_its_trade_as_partners(ex):
    got, _ = run(ex, "Velkor Shipbuilding has a partnership with Norvex Partners to build four ships.")
    assert ("Norvex Partners", "PARTNERS_WITH", "Velkor Shipbuilding") in got or (
        "Velkor Shipbuilding", "PARTNERS_WITH", "Norvex Partners") in got, got


def test_a_passive_participle_after_a_clause_is_said_of_its_subject(ex):
    got, _ = run(ex, "The Velkor Group started as a small construction firm in 1947, headed by its founder, Chilean "
                     "entrepreneur John Miller.")
    assert ("John Miller", "LEADS", "Velkor Group") in got, got
    # (a participle with a subject of its own is its own clause)
    got, _ = run(ex, "The Zorvia Accord will enter into force once it has been ratified by Chile.")
    assert not [k for k in got if k[1] == "RATIFIES"], got


def test_a_government_bodys_investment_in_a_firm_is_public_funding(ex):
    got, _ = run(ex, "The U.S. Department of Commerce announced a $75 million investment in Velkor Glass on Thursday.")
    pair = {k for k in got if k[1] == "PARTNERS_WITH"}
    assert {frozenset((k[0], k[2])) for k in pair} == {frozenset(("Department of Commerce", "Velkor Glass"))}, got
    assert got[next(iter(pair))].get("amount_usd") == 75e6


@pytest.mark.parametrize("text", [
    "Chilean copper is exported to Peru.",
    "Previously about half of Chile's feed barley, by value, was exported to Peru.",
])
def test_whose_goods_a_passive_verb_moves_exports_them(ex, text):
    got, _ = run(ex, text)
    assert ("Chile", "EXPORTS_TO", "Peru") in got, got


def test_a_name_the_document_calls_an_association_is_an_organization_with_members(ex):
    got, out = run(ex, "Zorvia Minerals Partnership\n\nThe Zorvia Minerals Partnership (ZMP) is a transnational "
                       "association whose members seek a stable supply of minerals. The ZMP is composed of 3 countries "
                       "and the EU: Chile, Peru, Norway, and the European Union. Bolivia was inducted into the ZMP in "
                       "June 2023.")
    kinds = {e.name: e.type for e in out.entities.values()}
    assert kinds.get("Zorvia Minerals Partnership") == "InternationalOrganization", kinds
    members = {k[0] for k in got if k[1:] == ("MEMBER_OF", "Zorvia Minerals Partnership")}
    assert {"Chile", "Peru", "Norway", "Bolivia"} <= members, got
    # (a partnership the document calls an agreement stays one)
    got, out = run(ex, "The Zorvia Trade Partnership is a trade agreement that Chile and Peru signed in 2010.")
    assert {e.name: e.type for e in out.entities.values()}.get("Zorvia Trade Partnership") == "Agreement"


def test_a_capitalised_verb_inside_a_name_triggers_nothing(ex):
    got, _ = run(ex, "The Zorvia Minerals Partnership (ZMP) is a transnational association whose members seek a stable "
                     "supply of minerals. The governments of Angola, Botswana, the Democratic Republic of Congo, South "
                     "Africa, Tanzania, Uganda and Zambia met with the ZMP members at Investing in African Mining Indaba "
                     "on 7 February 2023.")
    assert not [k for k in got if k[1] == "INVESTS_IN"], got


def test_a_negotiator_for_a_country_negotiates_for_it_not_with_it(ex):
    got, _ = run(ex, "Chile and Peru initialed the 10th Zorvia Accord on Monday. John Miller, chief negotiator for "
                     "Peru, attended.")
    assert ("John Miller", "NEGOTIATES", "Zorvia Accord") in got, got
    assert ("John Miller", "NEGOTIATES", "Peru") not in got, got


@pytest.mark.parametrize("text", [
    "Velkor Biologics acquired Norvex Pharma's manufacturing plant in Ohio for $160 million.",
    "Velkor Biologics took over the Norvex plant in Ohio for $160 million.",
])
def test_a_facility_bought_from_its_owner_is_the_buyers_investment(ex, text):
    got, _ = run(ex, text)
    assert got.get(("Velkor Biologics", "INVESTS_IN", "Ohio"), {}).get("amount_usd") == 160e6, got
    assert not [k for k in got if k[0] in ("Norvex Pharma", "Norvex") and k[1] == "INVESTS_IN"], got


def test_a_name_after_an_office_that_runs_into_the_next_title(ex):
    got, out = run(ex, "As a sign of strengthening bilateral relations, Indonesian Minister of Trade Budi Hartanto and "
                       "South Korean Minister of Trade, Industry, and Energy Kim Min-jae signed the Zorvia Accord on "
                       "December 18.")
    people = {e.name for e in out.entities.values() if e.type == "Person"}
    assert {"Budi Hartanto", "Kim Min-jae"} <= people, people
    assert ("Budi Hartanto", "SIGNS", "Zorvia Accord") in got, got


@pytest.mark.parametrize("name", ["CP-CEPA", "CPFTA", "CP-EPA"])
def test_a_pact_named_by_its_acronym_alone(ex, name):
    got, _ = run(ex, f"Chile and Peru signed the {name} in 2019.")
    assert got.get(("Chile", "SIGNS", name)) == {"year": 2019}, got
    # (an association the gazetteer knows by such a name stays one)
    got, out = run(ex, "Iceland and Norway are members of EFTA.")
    assert {e.name: e.type for e in out.entities.values()}.get("EFTA", "InternationalOrganization") != "Agreement"


def test_the_founders_of_an_organization_described_as_one_are_its_members(ex):
    got, _ = run(ex, "The Zorvia Energy Organization (ZEO) is an organization founded on March 15, 1995 by Chile, Peru, "
                     "and Mexico.")
    members = {k[0] for k in got if k[1:] == ("MEMBER_OF", "Zorvia Energy Organization")}
    assert {"Chile", "Peru"} <= members, got


def test_whom_a_verb_of_enabling_names_does_the_infinitive(ex):
    got, _ = run(ex, "Fast growing trade enabled Chile and Peru to agree on a strategic partnership in 2006.")
    assert ("Chile", "COOPERATES_WITH", "Peru") in got or ("Peru", "COOPERATES_WITH", "Chile") in got, got
    # (one only urged to act has not acted)
    got, _ = run(ex, "Chile urged Peru to sign the Zorvia Accord.")
    assert not [k for k in got if k[1] == "SIGNS"], got


@pytest.mark.parametrize("noun", ["contract", "bid"])
def test_a_group_led_by_a_firm_stands_for_it_when_given_a_contract(ex, noun):
    got, _ = run(ex, f"In December 2009, Norvex Energy Corporation awarded a consortium led by Velkor Power Corporation a "
                     f"$20 billion {noun} to build the first nuclear power plant in Peru.")
    pair = [k for k in got if k[1] == "PARTNERS_WITH"]
    assert {frozenset((k[0], k[2])) for k in pair} == {frozenset(("Norvex Energy Corporation",
                                                                   "Velkor Power Corporation"))}, got


def test_a_measure_taken_including_by_a_gerund_is_the_clauses_doers(ex):
    got, _ = run(ex, "Today, President Ana Ruiz signed a Proclamation to address the effects of copper imports on "
                     "Chile's national security, including by imposing tariffs on several categories of copper imports.")
    imposed = [k[2] for k in got if k[:2] == ("Ana Ruiz", "IMPOSES")]
    assert imposed and "categories" not in imposed[0], got
    got, _ = run(ex, "Chile imposed tariffs on three classes of materials: lithium, copper and zinc.")
    assert not [k for k in got if k[2] == "classes"], got


@pytest.mark.parametrize("text, party, pact", [
    ("On 12 December 1985, Peru became a party to the Treaty on the Prohibition of Zorvian Weapons.", "Peru",
     "Treaty on the Prohibition of Zorvian Weapons"),
    ("In 1992, Chile became a party to the Convention on the Protection of Andean Wetlands.", "Chile",
     "Convention on the Protection of Andean Wetlands"),
])
def test_a_party_to_a_long_name_the_parser_hangs_from_the_verb(ex, text, party, pact):
    got, _ = run(ex, text)
    assert (party, "PARTY_TO", pact) in got, got


@pytest.mark.parametrize("text", [
    'Following the war, Chile and Peru agreed to a "Mutual Defense Treaty", under which an attack on either party '
    'would summon a response.',
    "Chile and Peru agreed on the Andes Free Trade Agreement in 2018.",
])
def test_who_agrees_to_a_pact_itself_is_its_party(ex, text):
    got, _ = run(ex, text)
    pact = next(k[2] for k in got if k[1] == "NEGOTIATES")
    assert {("Chile", "PARTY_TO", pact), ("Peru", "PARTY_TO", pact)} <= set(got), got


@pytest.mark.parametrize("text", [
    "Chile and Peru agreed to negotiate the Andes Free Trade Agreement.",  # (talks agreed on)
    "Chile and Peru agreed to the terms of the Andes Free Trade Agreement in 2018.",  # (terms: still a negotiation)
    "Chile hopes to agree on the Andes Free Trade Agreement next year.",  # (an aim)
    "Chile did not agree to the Andes Free Trade Agreement.",
])
def test_agreeing_to_talks_or_terms_of_a_pact_makes_no_party(ex, text):
    got, _ = run(ex, text)
    assert not [k for k in got if k[1] == "PARTY_TO"], got


def test_a_measures_hyphenated_kind_stays_in_its_name_when_tagged_a_verb(ex):
    got, out = run(ex, "Peru's trade watchdog decided on Thursday to impose anti-dumping tariffs on stainless steel "
                       "plates from four Chilean companies.")
    measures = [e.name for e in out.entities.values() if e.type == "Policy"]
    assert measures and all("anti-dumping" in name for name in measures), measures


@pytest.mark.parametrize("text, kind", [
    ("Peru imposed duties on stainless steel plates from Chile.", "stainless steel plates"),
    ("Peru imposed duties on corrosion-resistant copper products from Chile.", "corrosion-resistant copper"),
    ("Peru imposed tariffs on copper pipe.", "copper pipe"),
])
def test_a_measure_targets_the_kind_of_goods_named_around_a_known_sector(ex, text, kind):
    got, _ = run(ex, text)
    targets = {k[2] for k in got if k[1] == "TARGETS"}
    assert {kind, kind.split()[-2] if kind.endswith(("plates", "pipe")) else kind.split()[-1]} <= targets, got


@pytest.mark.parametrize("text, kind", [
    ("Peru imposed tariffs on imports of stainless steel plates.", "stainless steel plates"),
    ("Peru imposed a ban on exports of hot-rolled copper to Chile.", "hot-rolled copper"),
])
def test_a_measure_on_a_flow_targets_the_kind_of_goods_the_flow_is_of(ex, text, kind):
    got, _ = run(ex, text)
    assert kind in {k[2] for k in got if k[1] == "TARGETS"}, got


def test_the_countries_hyphenated_before_a_known_pacts_name_are_its_parties(ex):
    got, _ = run(ex, "The organization was founded in 1995 to implement the 1994 U.S.-North Korea Agreed Framework.")
    assert {("United States", "PARTY_TO", "Agreed Framework"), ("North Korea", "PARTY_TO", "Agreed Framework")} <= set(got)
    # (countries that only stand before it in the clause are none)
    got, _ = run(ex, "Trade between Chile and Peru grew under the Agreed Framework.")
    assert not [k for k in got if k[1] == "PARTY_TO"], got


def test_a_name_the_ner_misses_is_a_person_when_an_apposition_gives_its_title(ex):
    got, _ = run(ex, "The Andes Accord was concluded in Lima on 11 March 2014 by Ana Ruiz, the Prime Minister of Chile, "
                     "and Luis Soto, the President of Peru.")
    assert ("Ana Ruiz", "LEADS", "Chile") in got and ("Ana Ruiz", "NEGOTIATES", "Andes Accord") in got, got


def test_a_size_word_is_no_part_of_a_pacts_name(ex):
    _, out = run(ex, "Chile and Peru struck a massive deal to lower tariffs on copper.")
    assert not [e for e in out.entities.values() if "massive" in e.name.lower()], out.entities


def test_a_facility_a_firm_expands_production_at_is_its_investment(ex):
    got, _ = run(ex, "Velkor Motors will expand production at its Dayton plant.")
    assert ("Velkor Motors", "INVESTS_IN", "Velkor Motors Dayton plant") in got, got


@pytest.mark.parametrize("text, parent, unit", [
    ("Norvex signed a deal with Velkor Corporation and its subsidiary Andes Hydro Company.", "Velkor Corporation",
     "Andes Hydro Company"),
    ("Velkor Group announced that its US subsidiary, Velkor USA, has entered into an agreement.", "Velkor Group",
     "Velkor USA"),
    ("Velkor Group said its unit Velkor Steel will invest $1 billion in Ohio.", "Velkor Group", "Velkor Steel"),
])
def test_a_parent_named_by_its_pronoun_owns_the_subsidiary_named_after_it(ex, text, parent, unit):
    got, _ = run(ex, text)
    assert (parent, "INVESTS_IN", unit) in got, got
    assert (unit, "INVESTS_IN", unit) not in got and ("Norvex", "INVESTS_IN", unit) not in got


@pytest.mark.parametrize("text, firm, country", [
    ("Norvex reached a settlement with Peruvian state-owned utility Andes Electric Corporation.",
     "Andes Electric Corporation", "Peru"),
    ("Andes Exchange Bank was acquired in 2003 by Condor Capital, a private Chilean equity fund.", "Condor Capital",
     "Chile"),
])
def test_a_utility_or_a_fund_described_by_nationality_is_seated_there(ex, text, firm, country):
    got, _ = run(ex, text)
    assert (firm, "LOCATED_IN", country) in got, got


@pytest.mark.parametrize("text, firm", [
    ("Andes Exchange Bank was acquired in 2003 by Lone Star Funds, a private U.S. equity fund, as part of a "
     "reorganization.", "Lone Star Funds"),
    ("Santee Cooper, South Carolina’s state-owned utility, approved a grant for the plant.", "Santee Cooper"),
])
def test_a_name_set_beside_a_fund_or_a_utility_is_a_firm(ex, text, firm):
    _, out = run(ex, text)
    assert firm in {e.name for e in out.entities.values() if e.type == "Firm"}, out.entities


def test_utility_costs_make_no_body_a_firm(ex):
    _, out = run(ex, "In August, Governor Stein established the North Carolina Energy Policy Task Force to determine "
                     "how the state can keep utility costs affordable.")
    assert not [e for e in out.entities.values() if e.type == "Firm"], out.entities


def test_a_firms_title_named_with_its_country_after_of_is_one_firm(ex):
    got, out = run(ex, "The Foreign Trade Bank of Peru (Andes Trade Bank) is Peru's primary foreign exchange bank.")
    assert "Foreign Trade Bank of Peru" in {e.name for e in out.entities.values() if e.type == "Firm"}, out.entities
    assert ("Foreign Trade Bank of Peru", "LOCATED_IN", "Peru") in got, got


def test_a_firm_named_in_another_language_and_a_designation_named_without_its_as(ex):
    got, out = run(ex, "Banco Andino is located and licensed in Lima, Peru.")
    assert ("Banco Andino", "LOCATED_IN", "Peru") in got, got
    got, out = run(ex, "The Chilean Ministry of Finance today designated Norvex Bank as a \"primary money laundering "
                       "concern\" under Section 311 of the Andes Banking Act.")
    measures = [e.name for e in out.entities.values() if e.type == "Policy"]
    assert measures == ["Chilean designation of Norvex Bank"], measures
    assert ("Chilean designation of Norvex Bank", "TARGETS", "Norvex Bank") in got, got


def test_an_order_on_goods_targets_them(ex):
    got, _ = run(ex, "Peru continued the antidumping duty order on large power transformers from Chile.")
    assert "large power transformers" in {k[2] for k in got if k[1] == "TARGETS"}, got


def test_who_enters_into_an_agreement_to_acquire_a_facility_invests_in_it_and_the_seller_does_not(ex):
    got, out = run(ex, "Velkor USA has entered into a definitive agreement to acquire Norvex's biologics manufacturing "
                       "facility in Branchburg, New Jersey, for $330 million.")
    assert ("Velkor USA", "INVESTS_IN", "New Jersey") in got and ("Norvex", "INVESTS_IN", "New Jersey") not in got, got
    assert not [e for e in out.entities.values() if e.type == "Agreement"], out.entities  # ("definitive agreement")


def test_the_seller_named_on_a_compound_of_the_facility_bought_invests_nothing(ex):
    got, _ = run(ex, "Velkor USA has entered into a definitive agreement to acquire Norvex Lilly’s biologics "
                     "manufacturing facility in Branchburg, New Jersey, for $330 million.")
    assert ("Velkor USA", "INVESTS_IN", "New Jersey") in got and ("Norvex Lilly", "INVESTS_IN", "New Jersey") not in got, got


def test_a_title_with_its_acronym_in_brackets_is_named_whole_and_without_it(ex):
    got, out = run(ex, "Jane Holloway signed the Coastal Energy Partnership (CEP) Memorandum of Understanding with "
                       "Chile.")
    agreements = [e.name for e in out.entities.values() if e.type == "Agreement"]
    assert agreements == ["Coastal Energy Partnership Memorandum of Understanding"], agreements
    got, out = run(ex, "Jane Holloway signed a Harbor Transit Program (HTP) Memorandum of Understanding (MOU) with "
                       "Chile.")
    agreements = [e.name for e in out.entities.values() if e.type == "Agreement"]
    assert agreements == ["Harbor Transit Program Memorandum of Understanding"], agreements
    assert ("Jane Holloway", "SIGNS", "Harbor Transit Program Memorandum of Understanding") in got, got


def test_a_title_after_a_bodys_bracketed_acronym_makes_its_head(ex):
    got, _ = run(ex, "Department of Homeland Security (DHS) Secretary Jane Holloway met Chilean officials.")
    assert ("Jane Holloway", "LEADS", "Department of Homeland Security") in got, got


def test_a_ministers_title_after_the_countrys_adjective_names_its_ministry_however_long(ex):
    got, _ = run(ex, "Korean Minister of Foreign Affairs and Trade Moon Ha-jin met Jane Holloway in Lima.")
    assert ("Moon Ha-jin", "LEADS", "Ministry of Foreign Affairs") in got, got
    got, _ = run(ex, "Japanese Minister of Foreign Affairs and Trade Taro Aso met Jane Holloway in Lima.")
    assert ("Taro Aso", "LEADS", "Ministry of Foreign Affairs") not in got, got  # (Korea's ministry, not Japan's)


def test_a_countrys_possessive_before_its_state_run_firm_says_where_the_firm_is(ex):
    got, _ = run(ex, "Chile's state-run Andes Gas signed a supply deal with Velkor Industries.")
    assert ("Andes Gas", "LOCATED_IN", "Chile") in got, got
    got, _ = run(ex, "Peru's largest, government-owned Norvex Power signed a deal with Velkor Industries.")
    assert ("Norvex Power", "LOCATED_IN", "Peru") in got, got


def test_two_capitals_after_a_firms_noun_name_a_firm(ex):
    got, _ = run(ex, "Velkor Industries signed a long-term agreement with British energy company KX to buy LNG.")
    assert ("KX", "PARTNERS_WITH", "Velkor Industries") in got or ("Velkor Industries", "PARTNERS_WITH", "KX") in got, got


def test_a_measure_with_a_relative_clause_without_its_relative_word(ex):
    got, _ = run(ex, "The tariffs Brazil imposed on Bolivian wheat in 2030 were lifted in 2032.")
    assert ("Brazil", "IMPOSES", "Brazilian tariffs on Bolivian wheat") in got, got
    assert ("Brazilian tariffs on Bolivian wheat", "TARGETS", "wheat") in got, got
    got, _ = run(ex, "Chile said it was exempting Peru from sanctions Brazil was reimposing against Bolivia.")
    assert ("Brazil", "IMPOSES", "Brazilian sanctions against Bolivia") in got, got
    assert ("Brazilian sanctions against Bolivia", "TARGETS", "Bolivia") in got, got


def test_who_begins_or_finances_the_construction_of_a_facility_invests_in_it(ex):
    got, _ = run(ex, "Velkor Industries began construction of a battery plant in Ohio.")
    assert ("Velkor Industries", "INVESTS_IN", "Ohio") in got, got
    got, _ = run(ex, "Velkor Industries will help finance the construction of new cathode facilities in Ohio.")
    assert ("Velkor Industries", "INVESTS_IN", "Ohio") in got, got
    got, _ = run(ex, "Ohio began construction of a new highway.")
    assert not [k for k in got if k[1] == "INVESTS_IN"], got


def test_who_is_lent_money_to_build_does_the_building_but_the_sum_is_not_theirs(ex):
    got, _ = run(ex, "The Department of Energy announced the closing of a $2.5 billion loan to Velkor Cells LLC to help "
                     "finance the construction of new battery cell facilities in Ohio, Tennessee, and Michigan.")
    for state in ("Ohio", "Tennessee", "Michigan"):
        assert ("Velkor Cells", "INVESTS_IN", state) in got, got
        assert "amount_usd" not in got[("Velkor Cells", "INVESTS_IN", state)], got  # (the lender's money)
    assert not [k for k in got if k[1] == "TARGETS" and k[2] == "construction"], got  # (a kind of work)
    got, _ = run(ex, "The Department of Energy lent Velkor Industries $2.5 billion to build a battery plant in Ohio.")
    assert ("Velkor Industries", "INVESTS_IN", "Ohio") in got, got
    assert not [p for k, p in got.items() if k[1] == "INVESTS_IN" and "amount_usd" in p], got


def test_a_lithium_ion_battery_is_a_battery_not_lithium(ex):
    got, _ = run(ex, "Velkor Industries will build new lithium-ion battery cell manufacturing facilities in Ohio.")
    assert ("Velkor Industries", "OPERATES_IN", "batteries") in got, got
    assert not [k for k in got if k[2] == "lithium"], got


def test_the_respondents_a_review_examines_are_what_it_targets(ex):
    got, _ = run(ex, "The Department of Commerce is conducting an administrative review of the antidumping duty order "
                     "on steel nails from Peru. Commerce selected two respondents for individual examination, Andes "
                     "Nail Company (Andes Nail) and Lima Wire Corporation (Lima Wire).")
    review = "DOC administrative review of antidumping duty order"
    assert (review, "TARGETS", "Andes Nail Company") in got and (review, "TARGETS", "Lima Wire Corporation") in got, got


def test_a_description_standing_for_a_firm_says_where_it_is_from_and_what_it_does(ex):
    got, _ = run(ex, "Velkor Motor Group agreed to buy Norvex Dynamics Inc. The US robotics company was founded in 1992.")
    assert ("Norvex Dynamics", "LOCATED_IN", "United States") in got, got  # (the firm bought, named last)
    assert ("Norvex Dynamics", "OPERATES_IN", "robotics") in got, got
    assert ("Velkor Motor Group", "OPERATES_IN", "robotics") not in got, got
    got, _ = run(ex, "Velkor Industries opened a plant in Ohio. The Korean battery maker will hire 500 workers.")
    assert ("Velkor Industries", "LOCATED_IN", "South Korea") in got, got


def test_a_description_set_beside_a_new_name_stands_for_no_firm_named_before(ex):
    got, _ = run(ex, "Velkor Group bought the troubled Norvex firm. In 2007, Velkor Shipping was split into two "
                     "companies - the shipbuilding company, Velkor Harbor Yard, and the ship owning company, Velkor "
                     "Lines.")
    assert ("Norvex", "OPERATES_IN", "shipbuilding") not in got, got


def test_the_bank_stands_for_the_bank_named_before(ex):
    got, _ = run(ex, "The Treasury Department sanctioned Norvex Bank in 2030. The bank is based in Caracas, Venezuela.")
    assert ("Norvex Bank", "LOCATED_IN", "Venezuela") in got, got
    assert ("Norvex Bank", "OPERATES_IN", "financial services") not in got, got  # ("the bank" says no more)


def test_a_ban_on_imports_of_a_countrys_goods_targets_the_country(ex):
    got, _ = run(ex, "The Harbor Security Act bans imports of Chilean steel.")
    assert ("Harbor Security Act", "TARGETS", "Chile") in got, got


def test_large_amounts_of_a_countrys_goods_are_its_exports(ex):
    got, _ = run(ex, "Peru imports large quantities of Chilean copper.")
    assert ("Chile", "EXPORTS_TO", "Peru") in got, got


def test_a_parent_company_named_beside_its_noun_owns_the_firm(ex):
    got, _ = run(ex, "Norvex Motors' parent company, Velkor Industries, is based in Seoul.")
    assert ("Velkor Industries", "INVESTS_IN", "Norvex Motors") in got, got
    got, _ = run(ex, "Norvex Motors and its parent company Velkor Industries opened a plant in Ohio.")
    assert ("Velkor Industries", "INVESTS_IN", "Norvex Motors") in got, got


def test_goods_subject_to_a_measure_name_the_country_they_come_from(ex):
    got, _ = run(ex, "Steel nails from Peru are subject to antidumping duties of 12 percent.")
    assert ("antidumping duties", "TARGETS", "Peru") in got, got
    got, _ = run(ex, "Imports of copper wire from Chile are subject to antidumping duties.")
    assert ("antidumping duties", "TARGETS", "Chile") in got, got


def test_a_name_the_ner_misses_is_a_person_by_the_title_its_verb_gives_or_its_who_clause(ex):
    got, _ = run(ex, "Ana Soto became president of Chile in 2030.")
    assert ("Ana Soto", "LEADS", "Chile") in got, got
    got, _ = run(ex, "Ana Soto, who chairs Velkor Industries, announced the plan.")
    assert ("Ana Soto", "LEADS", "Velkor Industries") in got, got
    got, _ = run(ex, "Velkor Industries became the largest shareholder of Norvex Motors.")
    assert ("Velkor Industries", "INVESTS_IN", "Norvex Motors") in got, got  # (no title: the firm stays a firm)


def test_an_acronym_title_taken_keeps_its_capitals(ex):
    _, out = run(ex, "Luis Vega was named CEO of Velkor Industries in 2029.")
    roles = {r.props.get("role") for r in out.relations if r.predicate == "LEADS"}
    assert roles == {"CEO"}, roles


def test_a_measure_that_exempts_imports_from_countries_exempts_the_countries(ex):
    got, _ = run(ex, "The Section 232 copper tariffs exempt imports from Chile and Peru.")
    assert ("Section 232 copper tariffs", "EXEMPTS", "Chile") in got and \
        ("Section 232 copper tariffs", "EXEMPTS", "Peru") in got, got


def test_whose_investor_one_is_one_invests_in(ex):
    got, _ = run(ex, "Chile is Peru's largest foreign investor.")
    assert ("Chile", "INVESTS_IN", "Peru") in got, got
    got, _ = run(ex, "Velkor Industries, Ohio's biggest foreign investor, will open a plant.")
    assert ("Velkor Industries", "INVESTS_IN", "Ohio") in got, got
    got, _ = run(ex, "Peru's investors are wary.")
    assert not got, got


def test_where_a_verb_says_an_investment_goes_it_goes_there_once(ex):
    got, _ = run(ex, "Velkor Industries' U.S. investment totals $12 billion across Ohio, Indiana and Texas.")
    for state in ("Ohio", "Indiana", "Texas"):
        props = got.get(("Velkor Industries", "INVESTS_IN", state))
        assert props and props.get("joint") is True, got  # (one $12 billion for the three states)


def test_a_name_joined_to_a_persons_is_a_persons(ex):
    got, _ = run(ex, "The Andes Pact was signed by Ana Soto and Luis Vega in 2030.")
    assert ("Ana Soto", "SIGNS", "Andes Pact") in got and ("Luis Vega", "SIGNS", "Andes Pact") in got, got


def test_a_year_that_describes_a_noun_is_not_the_facts_year(ex):
    got, _ = run(ex, "Velkor Industries, founded in 1990, invested $2 billion in Ohio in 2021.")
    assert got[("Velkor Industries", "INVESTS_IN", "Ohio")].get("year") == 2021, got
    got, _ = run(ex, "Velkor Industries, which was founded in 1990, invested $2 billion in Ohio.")
    assert got[("Velkor Industries", "INVESTS_IN", "Ohio")].get("year") is None, got


def test_a_trade_verb_read_as_a_plural_noun_in_a_verbless_parse_is_the_verb(ex):
    got, _ = run(ex, "Peru ships copper to Chile.")
    assert ("Peru", "EXPORTS_TO", "Chile") in got, got
    got, _ = run(ex, "Peru ships most of its copper to Chile.")
    assert ("Peru", "EXPORTS_TO", "Chile") in got, got
    got, _ = run(ex, "The ships sailed to Chile.")
    assert not got, got


def test_a_name_a_country_joins_or_is_a_member_of_is_an_organization(ex):
    got, _ = run(ex, "Bolivia joined the Pacific Energy Forum in 2012.")
    assert ("Bolivia", "MEMBER_OF", "Pacific Energy Forum") in got, got
    got, _ = run(ex, "Peru became the fifth member of the Southern Grain Council in 2018.")
    assert ("Peru", "MEMBER_OF", "Southern Grain Council") in got, got
    got, out = run(ex, "Ana Soto joined the Southern Grain Council in 1990.")
    assert not any(e.type == "InternationalOrganization" for e in out.entities.values()), got
    got, _ = run(ex, "Peru joined the Trans-Andean Partnership in 2018.")
    assert ("Peru", "PARTY_TO", "Trans-Andean Partnership") in got, got


def test_a_loan_found_both_ways_between_two_parties_is_not_joint(ex):
    got, _ = run(ex, "Velkor Industries secured a $544 million loan from the Department of Energy.")
    props = got.get(("Velkor Industries", "PARTNERS_WITH", "Department of Energy")) or got.get(
        ("Department of Energy", "PARTNERS_WITH", "Velkor Industries"))
    assert props and props.get("amount_usd") == 544e6 and not props.get("joint"), got


def test_a_title_ending_on_of_and_a_year_is_named_with_it(ex):
    got, _ = run(ex, "The Andes Treaty of 1882 was signed by Chile and Peru.")
    assert ("Chile", "SIGNS", "Andes Treaty of 1882") in got, got
    _, out = run(ex, "Chile passed the Grain Act of 2031.")
    assert "Grain Act of 2031" in {e.name for e in out.entities.values()}


def test_an_infobox_after_a_title_line_joined_to_the_next_line(ex):
    doc = repair("t", "t.txt", "txt", "= Andes Treaty of 1882 =\nAndes Treaty of 1882\n- Date Signed: 1882-05-22\n"
                                      "- Signatories: Robert W. Lindell, , Luis Vega\n\nThe treaty is a pact between Chile "
                                      "and Peru.\n")
    out = ex.run(doc)
    names = {e.id: e.name for e in out.entities.values()}
    got = {(names[r.subject], r.predicate, names[r.object]): r.props for r in out.relations}
    assert ("Robert Lindell", "SIGNS", "Andes Treaty of 1882") in got, got
    assert ("Luis Vega", "SIGNS", "Andes Treaty of 1882") in got, got
    assert ("Chile", "SIGNS", "Andes Treaty of 1882") in got, got  # (no year before 1900: signed all the same)
    assert "year" not in got[("Chile", "SIGNS", "Andes Treaty of 1882")], got


def test_a_title_that_writes_between_with_a_capital(ex):
    got, _ = run(ex, "The Treaty on Basic Relations Between Chile and the Republic of Peru was signed on June 22, "
                     "1965.")
    assert got.get(("Chile", "SIGNS", "Treaty on Basic Relations")) == {"year": 1965}, got
    assert ("Peru", "SIGNS", "Treaty on Basic Relations") in got, got


def test_a_facilitys_place_hung_from_the_verb(ex):
    got, _ = run(ex, "Velkor Industries opened a fab in Sherman, Texas in May 2025.")
    assert ("Velkor Industries fab in Sherman", "LOCATED_IN", "Texas") in got, got
    assert ("Velkor Industries", "INVESTS_IN", "Velkor Industries fab in Sherman") in got, got


def test_a_sale_is_the_buyers_acquisition(ex):
    got, _ = run(ex, "Norvex Corporation sold Tasca Audio Industries to Korvia Electronics in 2019 for $2 billion.")
    assert got.get(("Korvia Electronics", "INVESTS_IN", "Tasca Audio Industries"), {}).get("amount_usd") == 2e9, got
    assert not any(s == "Norvex Corporation" and p == "INVESTS_IN" for s, p, _ in got), got
    got, _ = run(ex, "Tasca Audio Industries was sold to Korvia Electronics in 2007.")
    assert ("Korvia Electronics", "INVESTS_IN", "Tasca Audio Industries") in got, got


def test_a_firm_that_is_part_of_a_group_is_the_groups(ex):
    got, _ = run(ex, "Velkor Chemical, part of Orvana Group, opened an office in Ohio.")
    assert ("Orvana Group", "INVESTS_IN", "Velkor Chemical") in got, got


def test_a_plural_apposition_beside_a_list_is_said_of_all_of_it(ex):
    got, _ = run(ex, "Chile, Peru and Fiji, the founders of the Pacific Data Agreement, met in Lima.")
    for c in ("Chile", "Peru", "Fiji"):
        assert (c, "PARTY_TO", "Pacific Data Agreement") in got, got


def test_what_a_verbs_object_is_welcomed_as(ex):
    got, _ = run(ex, "Chile and Peru welcomed Bolivia as a new member of the Pacific Data Agreement.")
    assert ("Bolivia", "PARTY_TO", "Pacific Data Agreement") in got, got


def test_whose_member_one_is_by_the_possessive(ex):
    got, _ = run(ex, "The Pacific Data Agreement's newest member, Bolivia, joined in 2024.")
    assert ("Bolivia", "PARTY_TO", "Pacific Data Agreement") in got, got
    got, _ = run(ex, "Chile and Peru welcomed Bolivia as the Pacific Data Agreement's first new member.")
    assert ("Bolivia", "PARTY_TO", "Pacific Data Agreement") in got, got
    got, _ = run(ex, "Chile's accession to the Pacific Data Agreement was welcomed.")
    assert ("Chile", "PARTY_TO", "Pacific Data Agreement") in got, got


def test_a_clauses_it_after_the_opening_it_is_the_same_subject(ex):
    got, _ = run(ex, "Tasca Audio Industries makes loaders. It was a subsidiary of the Norvex Company from 1995 until "
                     "July 2007, when it was sold for US$4.9 billion to South Korean company Korvia Electronics.")
    assert got.get(("Korvia Electronics", "INVESTS_IN", "Tasca Audio Industries"), {}).get("amount_usd") == 4.9e9, got
    got, _ = run(ex, "Tasca Audio Industries makes loaders. It grew fast, and it opened a plant in Ohio in 2010.")
    assert ("Tasca Audio Industries plant in Ohio", "LOCATED_IN", "Ohio") in got, got


def test_two_titles_held_together_and_the_bare_company_before_them(ex):
    got, _ = run(ex, '"We are delighted," said Terrafin Energy president and chief executive officer Chris Levesque.')
    assert ("Chris Levesque", "LEADS", "Terrafin Energy") in got, got
    got, _ = run(ex, 'Terrafin Energy announced a new reactor. "We are delighted," said company president and chief '
                     'executive officer Chris Levesque.')
    assert ("Chris Levesque", "LEADS", "Terrafin Energy") in got, got
    got, _ = run(ex, "Terrafin Energy announced a new reactor. A company spokesman said it was delighted.")
    assert not any(p == "LEADS" for _, p, _ in got), got


def test_an_apposition_headed_by_its_first_field(ex):
    got, _ = run(ex, "Orvana Motors completed its acquisition of Tasca Audio Industries, a U.S. audio and automotive "
                     "component supplier.")
    assert ("Tasca Audio Industries", "LOCATED_IN", "United States") in got, got


def test_an_instrument_that_amends_a_pact_is_no_amendments_of_it(ex):
    got, _ = run(ex, "The 2022 Lima Protocol amended the Andes Trade Agreement.")
    assert ("Lima Protocol", "AMENDS", "Andes Trade Agreement") in got, got
    assert not any("amendments" in s or "amendments" in o for s, _, o in got), got
    got, _ = run(ex, "Chile and Peru agreed to amend the Andes Trade Agreement.")
    assert ("Andes Trade Agreement amendments", "AMENDS", "Andes Trade Agreement") in got, got


def test_a_trade_verb_read_as_a_noun_after_a_participle_clause(ex):
    got, _ = run(ex, "Korvia Steel, headquartered in Busan, exports steel pipes to Mexico.")
    assert ("Korvia Steel", "EXPORTS_TO", "Mexico") in got, got


def test_who_hits_a_firm_with_a_measure_in_the_passive_imposes_it(ex):
    got, _ = run(ex, "Korvia Steel was hit with anti-dumping duties of 12 percent by the Commerce Department.")
    assert any(s == "Department of Commerce" and p == "IMPOSES" for s, p, _ in got), got
    got, _ = run(ex, "Korvia Steel was hit with duties of 12 percent by March.")
    assert not any(p == "IMPOSES" for _, p, _ in got), got


def test_a_description_said_before_the_name_it_describes(ex):
    got, _ = run(ex, "A subsidiary of Orvana Group, Velkor Biologics makes vaccines.")
    assert ("Orvana Group", "INVESTS_IN", "Velkor Biologics") in got, got
    got, _ = run(ex, "A South Korean battery maker, Velkor Energy opened a plant in Ohio.")
    assert ("Velkor Energy", "LOCATED_IN", "South Korea") in got, got


def test_a_firm_operating_in_a_state_has_operations_there(ex):
    got, _ = run(ex, "Velkor Biologics expanded to the United States in 2020, operating in New Jersey and California.")
    assert ("Velkor Biologics", "INVESTS_IN", "New Jersey") in got, got
    assert ("Velkor Biologics", "INVESTS_IN", "California") in got, got
    got, _ = run(ex, "Velkor Biologics operates in Korea.")
    assert not any(p == "INVESTS_IN" for _, p, _ in got), got


def test_where_a_firm_is_said_to_be_from(ex):
    got, _ = run(ex, "Velkor Electronics, with headquarters in South Korea, is a leader in appliances.")
    assert ("Velkor Electronics", "LOCATED_IN", "South Korea") in got, got
    got, _ = run(ex, "Pohvia Iron and Steel Co. Ltd. of South Korea will supply the mill.")
    assert ("Pohvia Iron and Steel", "LOCATED_IN", "South Korea") in got, got


def test_what_a_firm_is_considered_describes_it(ex):
    got, _ = run(ex, "Pohvia Iron and Steel, considered one of the world's lowest-cost steel producers, will supply "
                     "the mill.")
    assert ("Pohvia Iron and Steel", "OPERATES_IN", "steel") in got, got


def test_who_establishes_a_firm_with_another_both_found_it(ex):
    got, _ = run(ex, "In 2012, Velkor Biologics established Velkor Bioepis, a biosimilar producer, with Norvex Pharma.")
    assert ("Velkor Biologics", "INVESTS_IN", "Velkor Bioepis") in got, got
    assert ("Norvex Pharma", "INVESTS_IN", "Velkor Bioepis") in got, got
    assert ("Norvex Pharma", "PARTNERS_WITH", "Velkor Biologics") in got or (
        "Velkor Biologics", "PARTNERS_WITH", "Norvex Pharma") in got, got


def test_a_place_a_firm_is_headquartered_in_is_no_firm(ex):
    got, out = run(ex, "Velkor Biologics is a South Korean biotechnology company headquartered in Songdo, Incheon, "
                       "South Korea. The company has partnered with Norvex Pharma.")
    assert ("Norvex Pharma", "PARTNERS_WITH", "Velkor Biologics") in got or (
        "Velkor Biologics", "PARTNERS_WITH", "Norvex Pharma") in got, got
    assert "Incheon" not in {e.name for e in out.entities.values() if e.type == "Firm"}


def test_a_description_said_before_a_pronoun(ex):
    got, _ = run(ex, "Velkor Biologics makes drugs. The biotech division of Orvana Group, it provides contract "
                     "manufacturing services.")
    assert ("Orvana Group", "INVESTS_IN", "Velkor Biologics") in got, got


def test_an_infobox_field_on_its_own_line_or_at_the_end_of_the_line_before(ex):
    doc = repair("t", "t.txt", "txt", "= Velkor Biologics =\n\nVelkor Biologics Co., Ltd.\nKey people\n"
                                      "John Rimsky, President and CEO\nOwners\nOrvana Group\n\n"
                                      "Velkor Biologics makes drugs.\n")
    out = ex.run(doc)
    names = {e.id: e.name for e in out.entities.values()}
    got = {(names[r.subject], r.predicate, names[r.object]) for r in out.relations}
    assert ("John Rimsky", "LEADS", "Velkor Biologics") in got, got
    assert ("Orvana Group", "INVESTS_IN", "Velkor Biologics") in got, got


def test_a_paragraph_after_a_short_line_and_a_blank_line_is_its_own(ex):
    doc = repair("t", "t.txt", "txt", "Velkor Biologics\nKey people\nJohn Rimsky\nHangul\nRevised Romanization "
                                      "Velkor\nWebsitewww.velkor.com\n\nVelkor Biologics is a South Korean "
                                      "biotechnology company headquartered in Songdo, Incheon, South Korea. It makes "
                                      "drugs for Norvex Pharma and many other firms around the world.\n")
    firsts = [doc.text[s:e] for s, e in doc.sentences]
    assert any(t.startswith("Velkor Biologics is a South Korean") for t in firsts), firsts


def test_a_firm_described_with_its_headquarters(ex):
    got, _ = run(ex, "Velkor Electronics will build a plant in Ohio. The global manufacturer, with headquarters in "
                     "South Korea, is a leader in appliances.")
    assert ("Velkor Electronics", "LOCATED_IN", "South Korea") in got, got


def test_a_supplier_to_firms_partners_with_them(ex):
    got, _ = run(ex, "Velkor Mando Corporation is the largest Korean manufacturer and supplier to General Motors, Ford "
                     "and Chrysler.")
    for f in ("General Motors", "Ford", "Chrysler"):
        assert (f, "PARTNERS_WITH", "Velkor Mando Corporation") in got or (
            "Velkor Mando Corporation", "PARTNERS_WITH", f) in got, got


def test_a_pacts_parties_after_the_when_and_where_of_its_signing(ex):
    got, _ = run(ex, "The Lima Accord was a joint agreement signed on September 22, 1985, at the Plaza Hotel in New "
                     "York City, between France, Chile, Japan, the United Kingdom, and Peru, to depreciate the dollar.")
    for c in ("France", "Chile", "Japan", "United Kingdom", "Peru"):
        assert (c, "SIGNS", "Lima Accord") in got, got


def test_two_officials_of_one_country_in_talks_negotiate_with_no_one(ex):
    got, _ = run(ex, "Bolivia's External Affairs Minister Ana Quispe and Defense Minister Luis Mamani hosted the talks.")
    assert not any(p == "NEGOTIATES" for _, p, _ in got), got
    assert not any(s == o for s, _, o in got), got


def test_a_bloc_the_gazetteer_knows_signs_a_deal_with_a_country(ex):
    got, _ = run(ex, "The Andean Community and Chile have signed a major trade deal.")
    deal = next((o for s, p, o in got if s == "Andean Community" and p == "PARTY_TO"), None)
    assert deal is not None and ("Chile", "PARTY_TO", deal) in got, got


def test_two_officials_each_with_a_title_after_the_name_sign_together(ex):
    got, out = run(ex, "Rafael Quintero, Secretary-General of the Andean Community, and Ana Soto, Minister of Trade of "
                       "Chile, signed the Lima Accord.")
    assert ("Rafael Quintero", "SIGNS", "Lima Accord") in got and ("Ana Soto", "SIGNS", "Lima Accord") in got, got
    assert not any(s == "Ana Soto" and p == "LEADS" and "Energy" in o for s, p, o in got), got  # (no Korean ministry)


def test_the_parties_in_the_second_of_two_quoted_titles(ex):
    got, _ = run(ex, 'The "Framework Agreement between Chile and Peru" and the "Agreement on Trade in Goods between '
                     'Chile and Peru" were signed in 2012 in Lima.')
    assert ("Peru", "SIGNS", "Agreement on Trade in Goods") in got, got
    assert ("Chile", "SIGNS", "Framework Agreement") in got, got


def test_the_state_named_before_in_the_same_sentence(ex):
    got, _ = run(ex, "Kentucky Governor Andy Brasher welcomed Velkor Energy's decision to build a $3 billion plant in "
                     "the state.")
    assert ("Velkor Energy", "INVESTS_IN", "Kentucky") in got, got


def test_what_a_complaint_against_a_country_is_over_is_that_countrys(ex):
    got, _ = run(ex, "Peru filed a complaint against Chile at the WTO over its steel tariffs.")
    assert any(s == "Chile" and p == "IMPOSES" for s, p, _ in got), got
    assert not any(s == "Peru" and p == "IMPOSES" for s, p, _ in got), got


@pytest.mark.parametrize("text", [
    "In 2009, a defence pact (the Lima Defence Accord) was signed by Chile and Peru.",
    "In 2009, a defence pact (Lima Defence Accord) was signed by Chile and Peru.",
    "In 2009, a defence pact known as the Lima Defence Accord was signed by Chile and Peru.",
    "In 2009, a defence pact known as the (Lima Defence Accord) was signed by Chile and Peru.",
])
def test_an_instrument_described_then_named_in_brackets_or_after_known_as(ex, text):
    got, _ = run(ex, text)
    assert ("Chile", "SIGNS", "Lima Defence Accord") in got and ("Peru", "SIGNS", "Lima Defence Accord") in got, got
    assert not any("pact" in o.lower() for s, p, o in got), got  # (the description is no pact of its own)


def test_an_abbreviation_in_brackets_is_no_name_of_the_description(ex):
    got, _ = run(ex, "In 2009, Chile and Peru signed a free trade agreement (FTA).")
    assert ("Chile", "SIGNS", "Chile-Peru FTA") in got, got


@pytest.mark.parametrize("text", [
    "Velmora Motor is a Chilean automaker. It is 70 per cent owned by Dearborn, Michigan-based Tarsk Motor Company.",
    "Velmora Motor is 70% owned by Tarsk Motor Company.",
    "Velmora Motor is a Chilean automaker. It is majority-owned by Tarsk Motor Company.",
])
def test_a_share_owned_by_a_firm_after_the_copula(ex, text):
    got, _ = run(ex, text)
    assert ("Tarsk Motor Company", "INVESTS_IN", "Velmora Motor") in got, got


def test_a_by_phrase_after_a_quotation_is_the_main_clauses(ex):
    got, _ = run(ex, "Peru has taken “further action against the Bolivian regime and those who enable its "
                     "destabilizing behavior” by imposing sanctions on six Chilean companies.")
    assert any(s == "Peru" and p == "IMPOSES" for s, p, _ in got), got
    assert not any(s == "Bolivia" and p == "IMPOSES" for s, p, _ in got), got


def test_what_a_measure_is_on_is_the_list_after_the_colon(ex):
    got, _ = run(ex, "Peru is imposing additional sanctions on the following two Chilean companies, which own the "
                     "tankers: Tarsk Holding Company Ltd. and Velmora Shipping Co., Ltd.")
    measure = next((o for s, p, o in got if s == "Peru" and p == "IMPOSES"), None)
    assert measure is not None and "following" not in measure, got
    assert (measure, "TARGETS", "Tarsk Holding") in got and (measure, "TARGETS", "Velmora Shipping") in got, got


def test_pursuant_to_read_as_a_clause_or_a_noun(ex):
    got, _ = run(ex, "OFAC is designating Tarsk Trading Company pursuant to E.O. 13382 for having provided support "
                     "to Velmora Mining.")
    assert any(p == "TARGETS" and o == "Tarsk Trading Company" for s, p, o in got), got
    # (the one designated gave the support, not the designator)
    assert not any("Office of Foreign Assets Control" in (s, o) and p == "PARTNERS_WITH" for s, p, o in got), got
    got, _ = run(ex, "Peru imposed tariffs on Chilean steel pursuant to Section 232 of the Trade Expansion Act.")
    assert ("Peruvian tariffs on Chilean steel", "TARGETS", "steel") in got, got


def test_a_deed_someone_is_thanked_for_is_theirs(ex):
    got, _ = run(ex, "Governor Ana Soto thanked Velkor Energy for investing $2 billion in Kentucky.")
    assert ("Velkor Energy", "INVESTS_IN", "Kentucky") in got, got
    assert got[("Velkor Energy", "INVESTS_IN", "Kentucky")].get("amount_usd") == 2e9, got


@pytest.mark.parametrize("text, firm", [
    ("The settlement was signed by Velkor Telecommunications Corporation, of Arequipa, Peru, in 2017.",
     "Velkor Telecommunications Corporation"),
    ("Commerce found dumping by Velkor Steel Co. of Arequipa, Peru.", "Velkor Steel Co."),
])
def test_a_firms_city_and_country_after_of(ex, text, firm):
    got, _ = run(ex, text)
    assert (firm, "LOCATED_IN", "Peru") in got, got


def test_a_facility_described_by_its_place_is_named_with_its_owner(ex):
    got, out = run(ex, "Velkor Energy opened its first American plant in 2020. The plant makes batteries. Velkor "
                       "Energy invested $2 billion in the plant.")
    assert ("Velkor Energy", "INVESTS_IN", "Velkor Energy American plant") in got, got


@pytest.mark.parametrize("text", ["Velkor will build a $7.4B smelter in Tennessee.",
                                  "Velkor will build a $500M smelter in Tennessee."])
def test_an_abbreviated_sum_is_no_part_of_a_facilitys_name(ex, text):
    got, _ = run(ex, text)
    assert ("Velkor", "INVESTS_IN", "Velkor smelter in Tennessee") in got, got


def test_a_day_between_the_subject_and_its_verb(ex):
    got, _ = run(ex, "In retaliation for Norway's steel tariffs, Chile Tuesday announced a series of tariffs against "
                     "Norwegian exports.")
    assert ("Chile", "RETALIATES_AGAINST", "Norway") in got, got
    assert any(s == "Chile" and p == "IMPOSES" for s, p, _ in got), got


def test_a_punishment_for_a_deed_is_retaliation_and_the_deed_is_the_punished(ex):
    got, _ = run(ex, "Peru took the steps Wednesday to punish Bolivia for its missile test.")
    assert ("Peru", "RETALIATES_AGAINST", "Bolivia") in got, got
    got, _ = run(ex, "Peru punished Chile for its copper tariffs.")
    assert ("Chile", "IMPOSES", "Chilean copper tariffs") in got, got
    got, _ = run(ex, "Peru may punish Chile.")
    assert not any(p == "RETALIATES_AGAINST" for _, p, _ in got), got


def test_a_regions_trade_deal_is_no_pact_of_its_own(ex):
    got, out = run(ex, "Chile and Peru signed the Lima Trade Pact. It is the first major Asian trade deal for Chile.")
    assert not any("Asian" in e.name for e in out.entities.values()), out.entities


def test_a_second_pact_coordinated_with_the_first_has_the_same_sides(ex):
    got, _ = run(ex, "Chile and Peru signed a free trade agreement as well as a strategic partnership agreement.")
    assert ("Chile", "SIGNS", "Chile-Peru strategic partnership agreement") in got, got
    assert ("Peru", "PARTY_TO", "Chile-Peru strategic partnership agreement") in got, got


def test_a_prepositions_object_right_before_a_gerund_is_its_subject(ex):
    got, _ = run(ex, "In retaliation for Norway announcing tariffs on steel imports from Chile, Chile announced tariffs "
                     "against Norwegian exports.")
    assert ("Norway", "IMPOSES", "Norwegian tariffs on steel imports") in got, got
    assert not any(s == "Chile" and p == "IMPOSES" and "steel" in o for s, p, o in got), got


@pytest.mark.parametrize("regime", ["Wassenaar Arrangement", "Missile Technology Control Regime",
                                    "Nuclear Suppliers Group"])
def test_a_country_joins_an_export_control_regime_as_a_member(ex, regime):
    got, _ = run(ex, f"Peru has joined the {regime}.")
    assert any(s == "Peru" and p == "MEMBER_OF" for s, p, _ in got), got


@pytest.mark.parametrize("text", [
    "Officials and Velkor Motors executives broke ground on the carmaker's first factory outside its native Peru.",
    "Velkor Motors employs 9,000 people in its home country of Peru.",
])
def test_a_firms_native_or_home_country(ex, text):
    got, _ = run(ex, text)
    assert ("Velkor Motors", "LOCATED_IN", "Peru") in got, got


def test_a_ministrys_title_with_commas_before_the_next_name_is_that_names(ex):
    got, _ = run(ex, "(From left) Velkor's global head of gas Robert Lawson, Minister of Trade, Industry and Energy "
                     "Sung Yun-mo, and Tarsk CEO Ana Soto pose for a photo.")
    assert ("Sung Yun-mo", "LEADS", "Ministry of Trade, Industry and Energy") in got, got
    assert not any(s == "Robert Lawson" and p == "LEADS" for s, p, _ in got), got


def test_a_given_name_in_two_words_after_a_known_surname_is_another_person(ex):
    got, _ = run(ex, "Raimondo welcomed President Moon Jae-in and Minister of Trade, Industry, and Energy Moon Sung "
                     "Wook.")
    assert not any(s == "Moon Jae-in" and o == "Ministry of Trade, Industry and Energy" for s, _, o in got), got
    got, _ = run(ex, "President Park Geun Hye met Obama.")  # (a known person's own name, written so)
    assert ("Park Geun-hye", "LEADS", "South Korea") in got, got


@pytest.mark.parametrize("text, minister, ministry", [
    ("New Zealand Minister for Trade Todd Marsh signed the pact.", "Todd Marsh", "New Zealand Ministry of Trade"),
    ("Ana Soto, Chilean Minister for Trade, signed the pact.", "Ana Soto", "Chilean Ministry of Trade"),
])
def test_a_minister_for_a_field(ex, text, minister, ministry):
    got, _ = run(ex, text)
    assert (minister, "LEADS", ministry) in got, got


def test_the_last_word_of_an_office_is_no_part_of_its_holders_name(ex):
    got, _ = run(ex, "Chilean Minister for Foreign Affairs Helen Marsh called for an inquiry.")
    assert ("Helen Marsh", "LEADS", "Chilean Ministry of Foreign Affairs") in got, got


def test_a_new_ministrys_alias_is_its_title_as_written(ex):
    _, out = run(ex, "Ana Soto, Chilean Minister for Trade, signed the pact.")
    body = next(e for e in out.entities.values() if e.name == "Chilean Ministry of Trade")
    assert "Minister for Trade" in body.aliases and not any(a.endswith(" for") for a in body.aliases), body.aliases
