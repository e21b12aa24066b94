"""Unit tests of helpers.passiveclients: who a passive cue backs when no name stands right before it."""

from __future__ import annotations

import pytest
from hand_sentences import HEZBOLLAH, IRAN, SDF, US, sent, statements

from helpers.passiveclients import chained_participle, fronted_client, led_and_backed, of_delegates, subject_client


def test_subject_client_after_an_adverbial_phrase_a_comma_and_a_material_the_subject_uses(grammar):
    s = sent(grammar, "The SDF held Raqqa only after being propped up by the US.", SDF, US)
    assert subject_client(s, s.f.index("propped"), [1]) == 0
    s = sent(grammar, "Hezbollah fought with rockets supplied by Iran.", HEZBOLLAH, IRAN)
    assert subject_client(s, s.f.index("supplied"), [1]) == 0
    # a convoy carrying the material: no verb of fighting with it before, no client
    s = sent(grammar, "Hezbollah struck a convoy with rockets supplied by Iran.", HEZBOLLAH, IRAN)
    assert subject_client(s, s.f.index("supplied"), [1]) is None


def test_fronted_client_is_the_subject_after_the_opening_phrase(grammar):
    s = sent(grammar, "Backed by US jets, the SDF retook Raqqa.", US, SDF)
    assert fronted_client(s, 0, [0]) == (1, [0])
    s = sent(grammar, "The SDF said it was backed by US jets.", SDF, US)
    assert fronted_client(s, s.f.index("backed"), [1]) == (None, [1])


def test_led_and_backed_names_the_leader_of_what_is_backed(grammar):
    s = sent(grammar, "The operation was led by the SDF and backed by the US.", SDF, US)
    assert led_and_backed(s, s.f.index("backed")) == 0


def test_chained_participle_names_the_head_of_the_first_phrase(grammar):
    s = sent(grammar, "Hezbollah troops fighting alongside the SDF and backed by Iran advanced.", HEZBOLLAH, SDF, IRAN)
    assert chained_participle(s, 1, s.f.index("backed")) == 0


def test_of_delegates_marks_a_list_after_a_delegate_noun(grammar):
    s = sent(grammar, "The foreign ministers of the US and Iran, joined by Hezbollah, met.", US, IRAN, HEZBOLLAH)
    assert of_delegates(s, 1)
    s = sent(grammar, "The fighters of the SDF, joined by Hezbollah, advanced.", SDF, HEZBOLLAH)
    assert not of_delegates(s, 0)


def test_chained_participle_after_a_passive_with_its_agent(grammar):
    # the group, (an apposition or "which is") <participle> by its leader and <backing participle> by its backer
    s = sent(grammar, "The SDF, a coalition headed by Hezbollah and funded by Iran, advanced.", SDF, HEZBOLLAH, IRAN)
    assert chained_participle(s, 1, s.f.index("funded")) == 0
    s = sent(grammar, "The SDF, which is run by Hezbollah and armed by Iran, advanced.", SDF, HEZBOLLAH, IRAN)
    assert chained_participle(s, 1, s.f.index("armed")) == 0
    # no group named right before the first phrase: no chained client
    s = sent(grammar, "The SDF attacked a town held by Hezbollah and funded by Iran.", SDF, HEZBOLLAH, IRAN)
    assert chained_participle(s, 1, s.f.index("funded")) is None


@pytest.mark.parametrize(
    ("text", "edges"),
    [
        (
            "The Syrian government has been propped up militarily, financially and diplomatically by Russia and Iran.",
            {("russia", "syrian_government"), ("iran", "syrian_government")},
        ),
        (
            "The Syrian army, supported on the ground by Hezbollah and from the air by Russia, advanced.",
            {("hezbollah", "syrian_government"), ("russia", "syrian_government")},
        ),
    ],
)
def test_a_passive_past_adverbs_and_places_with_a_second_agent_phrase(text, edges):
    assert edges <= {(b, c) for b, c, _ in statements(text)}, text
