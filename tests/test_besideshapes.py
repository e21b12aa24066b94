"""Unit tests of helpers.besideshapes (fighting beside an actor without a fighting verb) on sentences built by hand,
and end to end."""

from __future__ import annotations

import pandas as pd
import pytest
from hand_sentences import sent, statements

import helpers as h
from helpers.besideshapes import beside
from helpers.fightshapes import fight

LNA = ("Libyan National Army", "libyan_national_army", "group")
RSF = ("Rapid Support Forces", "rapid_support_forces", "group")
HEZBOLLAH = ("Hezbollah", "hezbollah", "group")
ARMY = ("Syrian troops", "syrian_government", "state")


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a verb of combat, its object, then a sideless word
        (
            "The Libyan National Army shelled the border post alongside the Rapid Support Forces.",
            [LNA, RSF],
            {("libyan_national_army", "rapid_support_forces")},
        ),
        (
            "The Libyan National Army took part in a raid on the oasis together with the Rapid Support Forces.",
            [LNA, RSF],
            {("libyan_national_army", "rapid_support_forces")},
        ),
        # the gerund's doer is the clause's subject
        (
            "The Libyan National Army denied storming any post alongside the Rapid Support Forces.",
            [LNA, RSF],
            {("libyan_national_army", "rapid_support_forces")},
        ),
        # an aside opened by a sideless word before a verb of combat, inside the sentence or opening it
        (
            "Hezbollah, alongside Syrian troops, retook the town of Qusayr.",
            [HEZBOLLAH, ARMY],
            {("hezbollah", "syrian_government")},
        ),
        (
            "Together with Hezbollah units, Syrian troops besieged the old city.",
            [HEZBOLLAH, ARMY],
            {("syrian_government", "hezbollah")},
        ),
        # an aside before a verb that is not combat; "for" after a verb of combat; a comma between
        ("Hezbollah, alongside Syrian troops, welcomed the accord.", [HEZBOLLAH, ARMY], set()),
        ("The Libyan National Army attacked the town for the Rapid Support Forces.", [LNA, RSF], set()),
        (
            "The Libyan National Army attacked the town, and talks went on alongside the Rapid Support Forces.",
            [LNA, RSF],
            set(),
        ),
    ],
)
def test_beside(grammar, text, spans, expected):
    s = sent(grammar, text, *spans)
    assert {(s.m[e.b].entity, s.m[e.c].entity) for e in beside(s)} == expected


def test_the_accused_attacks_beside_an_actor_named_in_an_aside_after_the_object():
    text = "Khartoum accused Haftar's Libyan National Army of shelling the oasis, alongside the Rapid Support Forces."
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2025-06-12"], utc=True)})
    e = h.extract_support(c, h.tag_mentions(c, gazetteer=["sudan"]))
    assert set(zip(e.backer.astype(str), e.client.astype(str), e.modality.astype(str))) == {
        ("libyan_national_army", "rapid_support_forces", "alleged")
    }


def test_every_sideless_edge_is_flagged_and_oriented_by_the_reference(grammar):
    s = sent(grammar, "Syrian troops, alongside Hezbollah fighters, stormed the hills.", ARMY, HEZBOLLAH)
    assert all("symmetric" in e.flags for e in beside(s))
    assert {(s.m[e.b].entity, s.m[e.c].entity) for e in beside(s)} == {("syrian_government", "hezbollah")}
    oriented = beside(s, frozenset({("hezbollah", "syrian_government")}))
    assert {(s.m[e.b].entity, s.m[e.c].entity) for e in oriented} == {("hezbollah", "syrian_government")}
    assert fight(s) == []  # a verb of combat is the beside shape's, not the fight shape's


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Two US military advisers embedded with the Syrian Democratic Forces were wounded near Manbij.",
            {("united_states", "sdf", "fight")},
        ),
        (
            "French special forces are embedded with the Syrian Democratic Forces in Raqqa.",
            {("france", "sdf", "fight")},
        ),
        # people who are not troops: reporters
        ("British reporters embedded with the Syrian Democratic Forces filmed the battle for Raqqa.", set()),
    ],
)
def test_embedded_troops_back_their_hosts(text, expected):
    found = {x for x in statements(text, "2017-06-20") if x[2] == "fight"}
    assert found == expected


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # two actors listed as one subject of a verb of combat: the record orients the pair
        (
            "Syrian troops and Hezbollah fighters stormed the hill villages above Zabadani.",
            "2015-07-10",
            {("hezbollah", "syrian_government", "fight")},
        ),
        (
            "Russian and Syrian warplanes bombed market towns south of Idlib.",
            "2019-05-20",
            {("russia", "syrian_government", "fight")},
        ),
        (
            "Syrian government forces and Russian jets pounded the last rebel pocket.",
            "2018-03-02",
            {("russia", "syrian_government", "fight")},
        ),
        (
            "Syrian troops and Hezbollah fighters beat back a rebel push on Nubl.",
            "2016-02-10",
            {("hezbollah", "syrian_government", "fight")},
        ),
        # the record knows neither direction: no edge; a mutual verb is no joint action
        ("Ahrar al-Sham and Jaish al-Islam fighters stormed an army checkpoint.", "2015-07-10", set()),
        ("Syrian troops and Hezbollah fighters clashed with rebels near Qusayr.", "2013-05-20", set()),
    ],
)
def test_a_listed_subject_of_a_verb_of_combat_acts_together(text, date, expected):
    found = {x for x in statements(text, date) if x[2] == "fight"}
    assert found == expected


def test_a_joint_edge_needs_one_direction_in_the_reference(grammar):
    s = sent(grammar, "Syrian troops and Hezbollah fighters captured the ridge.", ARMY, HEZBOLLAH)
    assert beside(s) == []
    known = beside(s, frozenset({("hezbollah", "syrian_government")}))
    assert {(s.m[e.b].entity, s.m[e.c].entity) for e in known} == {("hezbollah", "syrian_government")}
    both = frozenset({("hezbollah", "syrian_government"), ("syrian_government", "hezbollah")})
    assert beside(s, both) == []


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # the listed agents of an action of combat named by a noun act together, as a listed subject does
        (
            "Dozens died in air raids carried out by Syrian government forces and Russian jets on Maarat al-Numan.",
            "2019-08-12",
            {("russia", "syrian_government", "fight")},
        ),
        (
            "Residents fled the shelling of the eastern districts by Syrian troops and Hezbollah fighters.",
            "2016-11-30",
            {("hezbollah", "syrian_government", "fight")},
        ),
        (
            "Medics counted the dead of a bombing campaign by the Syrian regime and Russian aircraft over Kafr Nabl.",
            "2019-06-03",
            {("russia", "syrian_government", "fight")},
        ),
        # the listed subject of a verb of carrying out and an action noun
        (
            "Syrian government forces and Russian jets have stepped up air strikes on southern Idlib.",
            "2019-05-14",
            {("russia", "syrian_government", "fight")},
        ),
        # "or": one or the other did it; a hyphenated name qualifies the next noun; no "by" after the noun
        ("Nine died in strikes by Syrian or Russian jets near Saraqeb.", "2020-01-28", set()),
        ("Syrian or Russian warplanes bombed a bakery in Ariha.", "2020-01-28", set()),
        (
            "Shelling by the Syrian regime and Iranian-trained militias hit Daraya again.",
            "2016-05-01",
            {("iran", "iran_backed_militias", "compound")},
        ),
        ("The bombardment of Syrian troops and Hezbollah positions went on all night.", "2016-05-01", set()),
        # listed right before the action noun; a beginning verb and the action noun
        (
            "Maarat al-Numan was hit again by Russian and Syrian air strikes on Monday.",
            "2019-12-20",
            {("russia", "syrian_government", "fight")},
        ),
        (
            "Hezbollah and the Syrian army began a joint offensive on Zabadani in July.",
            "2015-07-10",
            {("hezbollah", "syrian_government", "fight")},
        ),
        (
            "70 Killed in Syrian and Russian Airstrikes on a Training Camp in Homs",
            "2016-09-01",
            {("russia", "syrian_government", "fight")},
        ),
        ("The toll rose after American and Russian strikes on the same villages.", "2017-06-01", set()),
        # "as well as", and each two of a list of three
        (
            "Aleppo came under an assault by Syrian troops as well as their Iranian and Russian allies.",
            "2016-11-30",
            {("russia", "syrian_government", "fight"), ("iran", "syrian_government", "fight")},
        ),
        # the second agent described before its name
        (
            "Civilians fled an offensive by the Syrian army and its Lebanese ally Hezbollah on Madaya.",
            "2016-01-10",
            {("hezbollah", "syrian_government", "fight")},
        ),
    ],
)
def test_the_listed_agents_of_an_action_of_combat_act_together(text, date, expected):
    found = {x for x in statements(text, date) if x[2] in ("fight", "compound")}
    assert found == expected, text


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # acting in concert in an aside before a verb of combat, oriented by the reference edges
        (
            "Syrian army units, in coordination with Russian warplanes, targeted rebel positions north of Hama.",
            ("russia", "syrian_government"),
        ),
        (
            "Syrian government troops, in cooperation with Hezbollah fighters, stormed the border town of Qusayr.",
            ("hezbollah", "syrian_government"),
        ),
    ],
)
def test_acting_in_concert_before_a_verb_of_combat(text, edge):
    assert edge in {(b, c) for b, c, _ in statements(text)}, text


def test_acting_in_concert_in_talks_is_no_edge():
    assert statements("Turkey, in cooperation with Russia, hosted the talks in Astana.") == set()


def test_beginning_a_ground_push_together():
    text = "Turkish troops and the Free Syrian Army have begun a ground push into Syria's Afrin region."
    assert ("turkey", "free_syrian_army", "fight") in statements(text, "2018-01-21")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Russian, Syrian jets pound Aleppo as truce collapses", {("russia", "syrian_government")}),
        ("Syrian, Russian warplanes pound rebel-held Idlib", {("russia", "syrian_government")}),
        ("According to Turkey, Russian jets bombed Idlib.", set()),
        # a name ending like a demonym is no demonym: "Tehran" before the subject's comma
        (
            "Backed by intense Russian bombing and militias paid by Tehran, Syrian troops retook Palmyra.",
            {("russia", "syrian_government")},
        ),
    ],
)
def test_a_headlines_comma_for_and_between_two_demonyms(text, expected):
    assert {(b, c) for b, c, _k in statements(text, "2016-06-01")} == expected
