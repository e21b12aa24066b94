"""Relative clauses and appositions (helpers.relatives) through extract_support, in sentences written for these
tests."""

from __future__ import annotations

import pandas as pd
import pytest
from hand_sentences import statements

import helpers as h


def edges(text: str, date: str = "2019-06-01") -> set[tuple[str, str]]:
    c = pd.DataFrame(
        {"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime([date], utc=True), "source": ["s"]}
    )
    e = h.extract_support(c, h.tag_mentions(c))
    return set(zip(e.backer.astype(str), e.client.astype(str)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a passive's client: the name before it, or the name a description in apposition stands for
        ("The YPG, which is armed by Washington, took Manbij.", {("united_states", "ypg")}),
        (
            "Jaysh al-Izza, a Free Syrian Army faction that was supplied by the CIA, held Latamneh.",
            {("united_states", "jaysh_al_izza")},
        ),
        # a relative clause with or without its pronoun: the antecedent is backed
        ("Turkey shelled the YPG, which Washington arms.", {("united_states", "ypg")}),
        ("Clashes pitted the Syrian rebels Riyadh funds against Hezbollah.", {("saudi_arabia", "syrian_opposition")}),
    ],
)
def test_relative_clauses_and_appositions(text, expected):
    assert edges(text) == expected, text


def test_a_part_of_them_after_an_enemy_is_the_subjects_men():
    text = (
        "The Al-Baraa Bin Malik Brigade sent thousands of fighters against the RSF, many of them trained by "
        "Iran's Revolutionary Guards."
    )
    got = {(b, c) for b, c, _ in statements(text, "2025-09-12", "sudan")}
    assert ("irgc", "al_baraa_bin_malik_brigade") in got and ("irgc", "rapid_support_forces") not in got


def test_the_passive_agent_before_an_action_noun_makes_the_action():
    # no actor opens the clause: the one the area was taken by made the offensive the passive cue qualifies
    text = "The villages were retaken by Syrian government troops in January in a push assisted by Russian airpower."
    assert edges(text, "2016-02-01") == {("russia", "syrian_government")}


def test_an_adverb_before_believed_to_be_in_an_apposition():
    text = "The RSF, widely believed to be armed by the UAE, pushed into El Fasher on Sunday."
    got = statements(text, "2024-06-01", "sudan")
    assert ("united_arab_emirates", "rapid_support_forces", "passive") in got


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hezbollah is one of several militias that have fought for Assad.", {("hezbollah", "syrian_government")}),
        ("Iran was among the states that armed Hezbollah.", {("iran", "hezbollah")}),
        (
            "Kataib Hezbollah, which is funded by Iran, is one of the Shiite militias that have fought for Assad.",
            {("iran", "iraqi_militias"), ("iraqi_militias", "syrian_government")},
        ),
    ],
)
def test_a_member_of_a_set_named_after_a_copula_does_what_its_relative_says(text, expected):
    assert edges(text, "2016-06-01") == expected


def test_an_aside_naming_a_leader_and_a_place_before_a_hedged_verb():
    text = (
        "In Sudan's war, Eritrea, whose President Isaias Afwerki has hosted Burhan in Asmara, is reported to be "
        "training recruits from eastern Sudan for the army."
    )
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2024-04-15"], utc=True)})
    e = h.extract_support(c, h.tag_mentions(c, gazetteer=["sudan"]))
    assert set(zip(e.backer, e.client, e.modality)) == {("eritrea", "sudanese_armed_forces", "alleged")}
