"""Unit tests of helpers.passiveshapes: the passive shape and the programme agent, one sentence at a time."""

from __future__ import annotations

import pytest
from hand_sentences import HEZBOLLAH, IRAN, RUSSIA, SDF, US, sent

from helpers.passiveshapes import passive, programme_agent
from helpers.shapes import compound


def pairs_of(s, edges):
    return {(s.m[e.b].entity, s.m[e.c].entity) for e in edges}


@pytest.mark.parametrize(
    ("text", "mentions", "expected"),
    [
        (
            "Hezbollah, backed by Iran and Russia, held the town.",
            (HEZBOLLAH, IRAN, RUSSIA),
            {("iran", "hezbollah"), ("russia", "hezbollah")},
        ),
        ("Hezbollah was armed with rockets by Iran.", (HEZBOLLAH, IRAN), {("iran", "hezbollah")}),
        ("Hezbollah was supplied with drones, rockets and cash by Iran.", (HEZBOLLAH, IRAN), {("iran", "hezbollah")}),
        # the agent of a verb of attack is no backer
        ("Hezbollah was hit with rockets by Russia.", (HEZBOLLAH, RUSSIA), set()),
    ],
)
def test_passive(grammar, text, mentions, expected):
    s = sent(grammar, text, *mentions)
    assert pairs_of(s, passive(s, compound(s))) == expected


def test_programme_agent_is_the_runner_of_the_programme(grammar):
    s = sent(grammar, "The SDF fighters were trained under a US programme.", SDF, US)
    assert pairs_of(s, programme_agent(s)) == {("united_states", "sdf")}
    s = sent(grammar, "The SDF fighters were trained for months by US officers.", SDF, US)
    assert programme_agent(s) == []
