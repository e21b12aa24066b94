"""Unit tests of helpers.withshapes: support named with a preposition (with, thanks to, under), in sentences written
for these tests."""

from __future__ import annotations

import pytest
from hand_sentences import statements


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        ("Syrian troops, with Russian air cover, retook Palmyra.", ("russia", "syrian_government")),
        ("With Iranian help, Assad's forces retook Qusayr.", ("iran", "syrian_government")),
        ("The Free Syrian Army advanced under Turkish protection near Azaz.", ("turkey", "free_syrian_army")),
    ],
)
def test_the_clause_subject_is_the_client_of_a_with_phrase(text, edge):
    assert (*edge, "with") in statements(text), text


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        ("With Russian drones, Syrian troops pushed into the eastern suburbs.", ("russia", "syrian_government")),
        ("The YPG held the line at Kobani with American rifles and mortars.", ("united_states", "ypg")),
        ("Assad's army held Aleppo thanks to Iranian rockets and artillery.", ("iran", "syrian_government")),
    ],
)
def test_a_states_weapons_as_the_means_back_the_clause_subject(text, edge):
    assert (*edge, "with") in statements(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Syrian troops clashed with Turkish tanks near Saraqeb.",  # a relation, not the means
        "Assad's forces shelled the town using Russian cluster bombs.",  # most often where they were made
        "Rebels held out, with Qatari cargo planes reportedly landing in Turkey.",  # an absolute phrase
        "Assad praised his ties with China's Xi as missiles fell on Idlib.",  # a clause between owner and weapons
    ],
)
def test_weapons_after_a_relation_or_in_an_absolute_phrase_back_no_one(text):
    assert not {e for e in statements(text) if e[2] == "with"}, text


@pytest.mark.parametrize(
    "text",
    [
        "The Syrian army says the car bombs were planted with Turkish help.",
        "Hezbollah says the attack on its convoy was carried out with Israeli help.",
    ],
)
def test_the_speaker_of_a_with_phrase_in_a_reported_clause_is_not_its_client(text):
    assert not statements(text), text


def test_the_speaker_owns_a_reported_clause_opened_by_its():
    text = "The YPG said its offensive on Raqqa would go on with the support of the US-led coalition."
    assert ("us_led_coalition", "ypg", "with") in statements(text)


def test_a_support_noun_the_subject_has_from_a_giver():
    text = "Free Syrian Army factions had air cover from Turkey near Jarablus."
    assert ("turkey", "free_syrian_army", "with") in statements(text, "2016-08-25")


@pytest.mark.parametrize(
    "text",
    [
        "The Syrian Democratic Forces cleared Tabqa after a long siege fought with the support of the United States.",
        "Syrian troops entered Palmyra after weeks of fighting carried out with the support of Russia.",
    ],
)
def test_a_with_phrase_in_a_subordinate_phrase_naming_no_actor_backs_the_main_subject(text):
    found = statements(text, "2017-05-10")
    expected = ("united_states", "sdf", "with") if "Tabqa" in text else ("russia", "syrian_government", "with")
    assert expected in found


@pytest.mark.parametrize(
    "text",
    [
        "The US envoy announced a truce between Israel and Syria with the backing of Turkey and Jordan.",
        "Damascus and Tel Aviv reached a ceasefire with the support of Jordan, the envoy said.",
    ],
)
def test_a_with_phrase_after_a_ceasefire_backs_the_ceasefire(text):
    assert not statements(text, "2025-07-20"), text


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        (
            "The SDF pushed into Tabqa with the help of heavy air strikes by the US-led coalition.",
            ("us_led_coalition", "sdf"),
        ),
        (
            "Syrian troops retook Palmyra under the cover of raids flown by Russian jets.",
            ("russia", "syrian_government"),
        ),
        (
            "The YPG, advancing with the support of strikes conducted by Washington, reached Tal Abyad.",
            ("united_states", "ypg"),
        ),
    ],
)
def test_the_agent_of_the_strikes_after_a_with_phrase_backs_the_clause_subject(text, edge):
    assert (*edge, "with") in statements(text, "2016-06-01"), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a loss before the strikes: they hit the subject
        ("In Syria, rebel fighters were pushed back from Aleppo's outskirts under Russian air strikes.", set()),
        ("In Syria, rebel fighters retreated from the hills under heavy Russian air strikes.", set()),
        # an advance under them: the strikes back it
        ("Syrian troops retook the hills under Russian air strikes.", {("russia", "syrian_government")}),
    ],
)
def test_strikes_after_a_loss_back_no_one(text, expected):
    assert {(b, c) for b, c, _ in statements(text, "2016-10-01")} == expected, text


@pytest.mark.parametrize(
    ("text", "edges"),
    [
        ("With the help of Hezbollah, the Syrian army retook the town.", {("hezbollah", "syrian_government")}),
        (
            "With the support of Russia and Iran, Assad's forces pushed into the old city.",
            {("russia", "syrian_government"), ("iran", "syrian_government")},
        ),
        ("With the backing of the US-led coalition, the SDF entered Tabqa.", {("us_led_coalition", "sdf")}),
    ],
)
def test_an_opening_with_phrase_naming_its_giver_backs_the_subject_after_it(text, edges):
    found = {(b, c) for b, c, kind in statements(text) if kind == "with"}
    assert edges <= found, text


def test_an_opening_with_phrase_needs_its_comma_before_the_subject():
    text = "With the help of Russia, Turkey and Iran brokered a truce in Astana."
    assert not {(b, c) for b, c, _ in statements(text) if c in ("turkey", "iran")}, text


@pytest.mark.parametrize(
    ("text", "edges"),
    [
        (
            "Assad has survived largely because of Russian and Iranian support.",
            {("russia", "syrian_government"), ("iran", "syrian_government")},
        ),
        ("Assad's survival is largely due to Russian air power.", {("russia", "syrian_government")}),
    ],
)
def test_support_named_as_a_cause_backs_the_subject(text, edges):
    assert edges <= {(b, c) for b, c, kind in statements(text) if kind == "with"}, text


def test_support_named_as_the_cause_of_a_loss_backs_no_loser():
    assert not statements("The Free Syrian Army retreated from the town due to Russian air power."), "retreated"
