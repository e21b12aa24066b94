"""Unit tests of helpers.receiveshapes: receiving as a statement (the giver backs the receiver), end to end."""

from __future__ import annotations

import pandas as pd
import pytest
from hand_sentences import statements

import helpers as h


def received(text: str, date: str = "2016-06-01") -> set[tuple[str, str]]:
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime([date], utc=True)})
    s = h.extract_support(c, h.tag_mentions(c))
    s = s[s.cue_kind.astype(str) == "receive"]
    return set(zip(s.backer.astype(str), s.client.astype(str)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The SDF received weapons from Washington.", {("united_states", "sdf")}),
        # a material qualified by its giver's demonym after a receiving verb
        ("The SDF has received American and French drones.", {("united_states", "sdf"), ("france", "sdf")}),
        # "of" names the giver after a support noun (never after a material); "has the" counts as receiving
        ("Jaysh al-Islam won the backing of Saudi Arabia in 2013.", {("saudi_arabia", "jaysh_al_islam")}),
        ("The Kurdish-led SDF has the support of Washington.", {("united_states", "sdf")}),
        ("Turkey has ended its support of Ahrar al-Sham.", set()),
        # relying on an actor for support or a material; not for anything else
        ("By 2015 Assad depended on Tehran for fuel and cash.", {("iran", "syrian_government")}),
        ("The rebels rely on Turkey for access to Idlib.", set()),
        # the qualifying demonym of what is relied on
        ("Assad relied on Russian air power.", {("russia", "syrian_government")}),
        # a gerund after time spent on it: the clause's subject receives
        ("The SDF spent three years relying on American air strikes.", {("united_states", "sdf")}),
        ("The SDF spent months receiving rifles from Washington.", {("united_states", "sdf")}),
        # an infinitive after its noun
        (
            "Its commander, one of the few Syrian rebel chiefs to have received TOW missiles from Washington, quit.",
            {("united_states", "syrian_opposition")},
        ),
        # the giver named by a giving participle's "by" after what is received
        ("The SDF relied on rifles and training provided by Washington.", {("united_states", "sdf")}),
        ("Hezbollah received rockets shipped by Iran through Iraq.", {("iran", "hezbollah")}),
    ],
)
def test_receiving(text, expected):
    assert received(text) == expected, text


def test_a_material_owned_by_one_actor_and_received_by_another():
    text = "Ankara says the American rifles that the YPG received threaten Turkey."
    assert received(text, "2017-05-01") == {("united_states", "ypg")}
    # a material one actor saw is not received from another
    assert received("The Russian jets the SDF saw overhead were Syrian.", "2017-05-01") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # relying on someone with no "for" after it: backing when an armed group is on either side
        (
            "The Syrian army relied heavily on Hezbollah and Iraqi militias.",
            {
                ("hezbollah", "syrian_government"),
                ("iraqi_militias", "syrian_government"),
            },
        ),
        ("The SDF relies on the United States.", {("united_states", "sdf")}),
        ("The European Union relies on Turkey to stop migrants.", set()),
        ("Turkey relies on Russia.", set()),
        # a counterfactual with a perfect modal says the support was there
        ("Without Moscow's air power, the Assad regime would have lost Hama.", {("russia", "syrian_government")}),
        (
            "Assad would probably have fallen without Russian and Iranian support.",
            {
                ("russia", "syrian_government"),
                ("iran", "syrian_government"),
            },
        ),
        ("The SDF fought without US air support in Raqqa.", set()),
        ("Turkey said it would have acted without US support.", set()),
    ],
)
def test_reliance_and_counterfactuals(text, expected):
    assert received(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Most of the Free Syrian Army's funding comes from Qatar.", {("qatar", "free_syrian_army")}),
        (
            "The Free Syrian Army's weapons came from Saudi Arabia and Qatar.",
            {("saudi_arabia", "free_syrian_army"), ("qatar", "free_syrian_army")},
        ),
        # the receiver after "for"; an adverb between the verb and "from"
        (
            "The funding for the Free Syrian Army came mainly from Qatar, diplomats said.",
            {("qatar", "free_syrian_army")},
        ),
        ("Much of Hezbollah's money comes from Iran, the Treasury said.", {("iran", "hezbollah")}),
        # people come from a place: no gift; nor does criticism or aid to civilians
        ("Hezbollah's fighters came from Lebanon.", set()),
        ("The strongest condemnation of Iran came from Saudi Arabia.", set()),
        ("Aid for refugees from Syria came from Germany.", set()),
    ],
)
def test_what_was_given_came_from_its_giver(text, expected):
    assert received(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Assad owes his survival to Russia and Iran.",
            {("russia", "syrian_government"), ("iran", "syrian_government")},
        ),
        ("Hezbollah owes its existence largely to Iran.", {("iran", "hezbollah")}),
        # what is owed must be what backing gives
        ("Assad owes money to Russia.", set()),
    ],
)
def test_what_a_client_owes_to_its_backer(text, expected):
    assert received(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of the group before the relative pronoun is still the group (not "none of whom")
        (
            "The rebels, many of whom receive weapons from Turkey, left Idlib.",
            {("turkey", "syrian_opposition")},
        ),
        ("The rebels, none of whom receive weapons from Turkey, retreated from Idlib.", set()),
        # relying on a group named by its backer's compound: the group, not its backer
        ("Assad relies heavily on Iranian-backed militias in Aleppo.", {("iran_backed_militias", "syrian_government")}),
    ],
)
def test_part_of_a_group_and_a_compound_relied_on(text, expected):
    assert received(text) == expected, text


def _sudan_received(text: str) -> set[tuple[str, str]]:
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2024-03-01"], utc=True)})
    s = h.extract_support(c, h.tag_mentions(c, gazetteer=["sudan"]))
    return set(zip(s.backer.astype(str), s.client.astype(str)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the seller of weapons arms the buyer: after "from", or the state qualifying the weapons
        ("Sudan's army bought drones from Iran.", {("iran", "sudanese_armed_forces")}),
        ("The Sudanese army has purchased Bayraktar drones from Turkey.", {("turkey", "sudanese_armed_forces")}),
        (
            "The Sudanese army has bought Iranian Mohajer-6 drones, satellite images show.",
            {("iran", "sudanese_armed_forces")},
        ),
        ("The Sudanese army took delivery of Iranian drones in January.", {("iran", "sudanese_armed_forces")}),
        ("The Sudanese army's purchase of drones from Iran alarmed Washington.", {("iran", "sudanese_armed_forces")}),
        # buying anything but weapons from a state backs no one (an armed group's goods: see below); nor does a
        # seller's people or a buyer only urged to buy
        ("Egypt bought wheat from Russia.", set()),
    ],
)
def test_the_seller_of_weapons_arms_the_buyer(text, expected):
    assert _sudan_received(text) == expected, text


@pytest.mark.parametrize(
    "text",
    [
        "Russia urged Syria to buy Russian weapons.",
        "ISIS bought weapons from corrupt officers of the Syrian army.",
        "Syrian rebels bought weapons from Iraqi Kurdish traders.",
    ],
)
def test_no_seller_when_the_buyer_is_urged_or_the_seller_is_people(text):
    assert received(text) == set(), text


def test_arms_received_from_a_state_name_the_state_as_giver():
    assert received("The Syrian army received new tanks from Russia.") == {("russia", "syrian_government")}
    assert received("The Syrian army received air defence systems from Russia.") == {("russia", "syrian_government")}


def test_the_accused_of_a_crime_for_arming_arms():
    assert _sudan_received("Sudan accused the UAE of complicity in genocide for arming the RSF.") == {
        ("united_arab_emirates", "rapid_support_forces")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a passive of giving with what was given, and benefiting from support: the giver's demonym backs
        (
            "Burhan's army has been supplied with Iranian drones and Turkish Bayraktars.",
            {("iran", "sudanese_armed_forces"), ("turkey", "sudanese_armed_forces")},
        ),
        ("The army has benefited from Egyptian air strikes on RSF positions.", {("egypt", "sudanese_armed_forces")}),
    ],
)
def test_supplied_with_and_benefiting_from(text, expected):
    assert _sudan_received(text) == expected, text


def test_armed_with_a_states_weapons_and_benefiting_from_no_support():
    assert received("Hezbollah fighters armed with Iranian rockets attacked.") == {("iran", "hezbollah")}
    assert received("The Free Syrian Army has benefited from infighting between ISIS and Nusra.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a giving participle joins the giver to what is received: the giver backs the receiver
        ("Syrian rebel units received Qatari-funded rifles in 2013.", {("qatar", "syrian_opposition")}),
        ("The YPG has received American-supplied mortars.", {("united_states", "ypg")}),
        # an origin ("-made") names no giver
        ("The YPG has received American-made mortars.", set()),
    ],
)
def test_a_giving_participle_after_the_givers_name(text, expected):
    assert received(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a measure of a flow before what is received: "a steady flow of", "a constant supply of"
        ("Assad's army has come to rely on a steady flow of Iranian shells.", {("iran", "syrian_government")}),
        (
            "The Free Syrian Army relied on a steady supply of Saudi rockets.",
            {("saudi_arabia", "free_syrian_army")},
        ),
    ],
)
def test_a_flow_or_supply_of_what_is_received(text, expected):
    assert received(text, "2014-05-10") == expected, text


@pytest.mark.parametrize(
    "text",
    [
        "The SDF owes much of its survival at Kobani to American jets.",  # a part of what is owed
        "The SDF owes most of its firepower to the Americans.",  # a support noun owed, never given by its owner
        "The SDF owes its heavy weapons to Washington.",  # a material owed, two words before it
    ],
)
def test_a_part_of_the_support_a_client_owes(text):
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2017-06-01"], utc=True)})
    s = h.extract_support(c, h.tag_mentions(c))
    assert set(zip(s.backer.astype(str), s.client.astype(str))) == {("united_states", "sdf")}, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The SDF has relied for a decade on American air power.", ("united_states", "sdf")),
        ("Assad depended for years on Iranian money.", ("iran", "syrian_government")),
        ("Damascus leans on Ankara's political and military backing.", ("turkey", "syrian_transitional_government")),
    ],
)
def test_relying_after_a_time_phrase_and_on_an_owners_qualified_support(text, expected):
    found = {(b, c) for b, c, _kind in statements(text, "2016-08-01" if "Assad" in text else "2025-08-01")}
    assert expected in found, text


def test_a_copulas_noun_phrase_and_its_relative_whose_members_received():
    text = (
        "The Al-Baraa Bin Malik Brigade is an Islamist militia whose members have received training from Iran's "
        "Revolutionary Guards."
    )
    assert ("irgc", "al_baraa_bin_malik_brigade", "receive") in statements(text, "2025-09-01", "sudan")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The cash the new Syrian government gets from Riyadh pays teachers.",
            {("saudi_arabia", "syrian_transitional_government")},
        ),
        (
            "The drones which Hezbollah obtained from Iran and Russia were new.",
            {("iran", "hezbollah"), ("russia", "hezbollah")},
        ),
        ("The refugees Jordan receives from Syria need shelter.", set()),  # people, not goods
    ],
)
def test_goods_an_actor_receives_from_a_giver_named_after_from(text, expected):
    assert received(text, "2025-04-01") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Drones flowed from Iran to the Sudanese army through Port Sudan.", {("iran", "sudanese_armed_forces")}),
        ("Most of the Sudanese army's ammunition arrived from Egypt.", {("egypt", "sudanese_armed_forces")}),
        ("Volunteers came from Chad to the RSF.", set()),  # people, not a gift
    ],
)
def test_goods_from_a_giver_to_a_receiver(text, expected):
    assert {(b, c) for b, c, kind in statements(text, "2025-02-01", "sudan") if kind == "receive"} == expected


@pytest.mark.parametrize(
    ("text", "date", "pack", "expected"),
    [
        # an armed group's goods bought: the buyer funds the group
        ("Moscow accused Ankara of buying crude from Islamic State.", "2015-12-02", None, {("turkey", "isis")}),
        (
            "The Emirates bought gold from the RSF for years.",
            "2024-02-01",
            "sudan",
            {("united_arab_emirates", "rapid_support_forces")},
        ),
        # bought from a state: trade, not backing
        ("Egypt bought wheat from Russia last year.", "2024-02-01", "sudan", set()),
    ],
)
def test_buying_an_armed_groups_goods_funds_it(text, date, pack, expected):
    assert {(b, c) for b, c, _ in statements(text, date, pack)} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hezbollah would not have survived without Tehran.", {("iran", "hezbollah", "asserted")}),
        (
            "Without Ankara, the Syrian National Army would have collapsed in weeks.",
            {("turkey", "syrian_national_army", "asserted")},
        ),
        # no outcome that says the help was there
        ("Without Tehran, Hezbollah would have fought on.", set()),
    ],
)
def test_a_counterfactual_with_the_backer_named_alone(text, expected):
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2017-05-01"], utc=True)})
    e = h.extract_support(c, h.tag_mentions(c))
    assert set(zip(e.backer.astype(str), e.client.astype(str), e.modality.astype(str))) == expected, text


def test_arms_that_continue_to_reach_a_client():
    assert ("iran", "hezbollah") in {
        (b, c) for b, c, _ in statements("Arms from Tehran continue to reach Hezbollah.", "2017-05-01")
    }


def test_counting_on_an_actors_support():
    text = "In Sudan, the army can count on Egypt's diplomatic cover."
    assert ("egypt", "sudanese_armed_forces") in {(b, c) for b, c, _ in statements(text, "2025-08-20", "sudan")}


@pytest.mark.parametrize(
    "text, pack, expected",
    [
        (
            "Syria's war: Assad relies on Iranian manpower and Russian firepower.",
            None,
            {("iran", "syrian_government"), ("russia", "syrian_government")},
        ),
        (
            "Sudan's war: The Sudanese army has received Iranian drones and Turkish TB2s.",
            "sudan",
            {("iran", "sudanese_armed_forces"), ("turkey", "sudanese_armed_forces")},
        ),
    ],
)
def test_each_giver_of_a_list_of_what_is_received(text, pack, expected):
    assert {(b, c) for b, c, _k in statements(text, "2016-06-01" if pack is None else "2024-06-01", pack)} == expected
