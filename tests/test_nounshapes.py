"""Unit tests of helpers.nounshapes: statements built around a noun or a clause of their own (noun, receive,
with, thanks; and fight, from helpers.fightshapes), each read as its own ``cue_kind``."""

from __future__ import annotations

import pandas as pd
import pytest

import helpers as h


def statements(text: str) -> set[tuple[str, str, str]]:
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2016-06-01"], utc=True)})
    s = h.extract_support(c, h.tag_mentions(c))
    return set(zip(s.backer.astype(str), s.client.astype(str), s.cue_kind.astype(str)))


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        ("Moscow's backing of Damascus never wavered.", ("russia", "syrian_government", "noun")),
        ("Hezbollah fought on Assad's behalf in Qusayr.", ("hezbollah", "syrian_government", "noun")),
        ("The SDF received weapons from Washington.", ("united_states", "sdf", "receive")),
        ("Syrian troops, with Russian air cover, retook Palmyra.", ("russia", "syrian_government", "with")),
        ("Hezbollah fought alongside Syrian government troops.", ("hezbollah", "syrian_government", "fight")),
        ("Assad thanked Russia for its support.", ("russia", "syrian_government", "thanks")),
        # a list of materials between the transfer noun and its client; "drops" of what is dropped
        ("Iran's shipments of rockets, drones and cash to Hezbollah went on.", ("iran", "hezbollah", "noun")),
        ("American planes made drops of rifles and ammunition to the YPG.", ("united_states", "ypg", "noun")),
        # "emergency" before a modifier of money or arms is no humanitarian aid
        ("Qatar gave $50 million in emergency financial support to the SDF.", ("qatar", "sdf", "noun")),
    ],
)
def test_each_noun_shape(text, edge):
    assert edge in statements(text), text


def test_a_support_noun_too_far_from_its_owner_is_not_read():
    # the owner precheck: no support noun within reach of "Iran" -> no noun statement from it
    text = "Iran, whose diplomats met many envoys over many long and difficult weeks, praised support for peace."
    assert not {e for e in statements(text) if e[2] == "noun"}


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # payments as a transfer noun, owned by demonyms
        ("Gulf diplomats confirmed Qatari payments to Ahrar al-Sham.", ("qatar", "ahrar_al_sham", "noun")),
        # an action's "on behalf of"
        ("Iran's campaign on behalf of Assad cost it billions.", ("iran", "syrian_government", "noun")),
    ],
)
def test_an_actions_behalf(text, edge):
    assert edge in statements(text), text


def test_on_behalf_of_without_an_action_is_no_backing():
    assert statements("The envoy spoke on behalf of Turkey and Qatar at the talks on Assad.") == set()


def test_an_owned_noun_after_through_names_its_client():
    # "through its arming of X": X is armed, not the one who helps the clause's subject
    got = statements("Damascus sued Ankara, accusing it of complicity through its arming of Ahrar al-Sham.")
    assert ("ahrar_al_sham", "turkey") not in {(b, c) for b, c, _ in got}


def test_a_name_between_the_backer_and_its_noun_breaks_the_with_shape():
    # run-on text with the stops lost: "Iraq" owns "air strikes", not Syria; "and" still joins two owners
    run_on = "Ankara hopes to mend its ties with Syria Iraq air strikes hit two villages near Mosul."
    assert statements(run_on) == set()
    got = statements("Syrian troops, with Russian and Iranian air support, retook Palmyra.")
    assert {("russia", "syrian_government", "with"), ("iran", "syrian_government", "with")} <= got


def test_thanks_to_two_countries_named_in_the_sentence_before():
    got = statements("Saudi Arabia and Qatar met in Riyadh. Damascus thanked the two countries for their help.")
    assert {(b, c) for b, c, k in got if k == "thanks"} == {
        ("saudi_arabia", "syrian_government"),
        ("qatar", "syrian_government"),
    }


def test_thanks_to_with_an_adverb_inside():
    assert statements("Assad survived thanks largely to Russian air power.") == {
        ("russia", "syrian_government", "with")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tehran's support has been crucial for Damascus.", {("iran", "syrian_government", "noun")}),
        (
            "Turkey's support is vital to the Free Syrian Army, officials said.",
            {("turkey", "free_syrian_army", "noun")},
        ),
        ("Iran's backing has been critical of the deal.", set()),
    ],
)
def test_support_judged_decisive_for_its_client(text, expected):
    assert statements(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a subject acting against a flow with no owner named gives nothing
        ("Israel has carried out strikes in Syria to prevent the transfer of weapons to Hezbollah.", set()),
        ("Washington has moved to block weapons supplies to the YPG, Turkey said.", set()),
        # the owner of the flow still gives
        ("Iran stepped up the transfer of weapons to Hezbollah.", {("iran", "hezbollah")}),
    ],
)
def test_a_subject_acting_against_a_flow_is_not_its_giver(text, expected):
    assert {(b, c) for b, c, _ in statements(text)} == expected, text


def test_taking_delivery_is_receiving_not_delivering():
    found = {(b, c) for b, c, _ in statements("The Syrian army took delivery of Russian tanks.")}
    assert found == {("russia", "syrian_government")}


def test_the_subject_of_a_journey_thanks_in_its_purpose():
    text = "Assad travelled to Moscow to thank Putin for Russia's military support."
    assert ("russia", "syrian_government", "thanks") in statements(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "on behalf of" after a verb of combat or attack: who strikes backs
        ("Iranian drones struck rebel positions on behalf of Assad.", {("iran", "syrian_government")}),
        ("Russian bombers pounded Idlib on behalf of the Syrian government.", {("russia", "syrian_government")}),
        # after a verb of speaking it is no backing
        ("The Iranian envoy spoke on behalf of the Syrian government at the talks.", set()),
    ],
)
def test_on_behalf_of_after_a_verb_of_combat(text, expected):
    found = {(b, c) for b, c, _kind in statements(text)}
    assert found == expected


def test_an_owner_moving_its_support_from_one_client_to_another():
    found = {(b, c) for b, c, _k in statements("Tehran shifted its support from the Houthis to Hamas, analysts say.")}
    assert ("houthis", "hamas") not in found  # the one it left is no giver


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jaysh al-Islam was on Riyadh's payroll for most of the war.", {("saudi_arabia", "jaysh_al_islam", "noun")}),
        (
            "Ahrar al-Sham stayed on the payroll of Qatar and Turkey until 2017.",
            {("qatar", "ahrar_al_sham", "noun"), ("turkey", "ahrar_al_sham", "noun")},
        ),
        ("Hezbollah, long on the Iranian payroll, denied the report.", {("iran", "hezbollah", "noun")}),
        # a payroll with nobody named on it, or a state on it: no backing
        ("Turkey's payroll swelled as the war went on.", set()),
    ],
)
def test_whoever_is_on_a_payroll_is_backed_by_the_payer(text, expected):
    assert statements(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The arming of Ahrar al-Sham by Qatar alarmed Damascus.", {("qatar", "ahrar_al_sham", "noun")}),
        ("The support of Tehran for Hezbollah never wavered.", {("iran", "hezbollah", "noun")}),
        # both prepositions name the same side: nothing
        ("The training of Hezbollah of the kind seen in Syria is costly.", set()),
    ],
)
def test_of_names_the_side_the_other_preposition_does_not(text, expected):
    assert statements(text) == expected


def test_praising_an_actors_own_support_and_not_its_role():
    assert ("qatar", "ahrar_al_sham", "thanks") in statements("Ahrar al-Sham praised Qatar's financial support.")
    assert statements("Washington praised Qatar's role in the prisoner swap.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Russian jets struck supply lines of the Syrian rebels near Aleppo.",
        "Israeli drones targeted arms shipments to Hezbollah on the border.",
    ],
)
def test_a_verb_of_attack_before_a_transfer_noun_leaves_its_owner_no_giver(text):
    assert not {k for _b, _c, k in statements(text) if k == "noun"}


def test_a_lost_comma_before_an_attribution_leaves_the_agent_a_name():
    # "the coalition the statement said": an article after the name opens a new phrase, it is no modifier of a head
    text = "SDF units held Tabqa dam with the help of air raids by the US-led coalition the statement added."
    assert ("us_led_coalition", "sdf", "with") in statements(text)


def test_a_route_of_supply_owned_by_its_giver():
    # a land bridge or supply route to a client is the owner's supply; losing it ends it
    got = h.extract_support(
        *(lambda c: (c, h.tag_mentions(c)))(
            pd.DataFrame(
                {
                    "doc_id": ["a", "b"],
                    "title": ["", ""],
                    "text": [
                        "For a decade Tehran's land corridor to Hezbollah ran through Syria and Iraq.",
                        "Iran lost its land bridge to Hezbollah when Assad fell.",
                    ],
                    "date": pd.to_datetime(["2020-06-01", "2025-02-01"], utc=True),
                }
            )
        )
    )
    assert set(zip(got.doc_id, got.backer, got.client, got.modality)) == {
        ("a", "iran", "hezbollah", "asserted"),
        ("b", "iran", "hezbollah", "denied"),
    }


def test_whose_transfer_noun_to_a_client():
    text = "Tehran, whose cargo flights to the Houthis are well documented, denies it."
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": [pd.Timestamp("2019-03-01")]})
    e = h.extract_support(c, h.tag_mentions(c))
    assert set(zip(e.backer.astype(str), e.client.astype(str))) == {("iran", "houthis")}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Iran says its support for Assad will continue", {("iran", "syrian_government", "noun")}),
        (
            "Russia says that its military support for Damascus is not unconditional",
            {("russia", "syrian_government", "noun")},
        ),
        # another's support the speaker speaks of is not the speaker's
        ("Turkey says US support for the YPG is unacceptable", {("united_states", "ypg", "noun")}),
    ],
)
def test_a_speakers_own_support_after_says(text, expected):
    assert statements(text) == expected


def test_a_programme_of_arms_or_training_for_a_client():
    assert ("united_states", "syrian_opposition", "noun") in statements("Trump ends CIA arms program for Syrian rebels")
    assert not statements("Israel struck Iran's weapons program for Hezbollah")


def test_thanks_to_a_headlines_list_without_its_and():
    assert {(b, c) for b, c, _k in statements("Assad thanks Iran, Russia for support")} == {
        ("iran", "syrian_government"),
        ("russia", "syrian_government"),
    }
