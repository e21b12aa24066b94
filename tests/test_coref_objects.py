"""Unit tests of helpers.coref_objects: object pronouns ("armed it", "in support of them") and whom they name."""

from __future__ import annotations

import pytest

from helpers.coref import stand_ins
from helpers.coref_objects import GROUP_KINDS, STATE_KINDS, object_verb, topic
from helpers.cues import load_cues
from helpers.textnorm import fold


@pytest.fixture(scope="module")
def lex():
    return load_cues()


@pytest.mark.parametrize(
    "before, expected",
    [
        ("Washington has armed ", True),
        ("strikes in support of ", True),
        ("fought on behalf of ", True),
        ("delivered missiles and money to ", True),
        ("he met ", False),
        ("a blow for ", False),
    ],
)
def test_object_verb_ends_where_the_pronoun_starts(lex, before, expected):
    assert object_verb(lex, fold(before), len(before)) is expected


def test_the_topic_is_the_sentence_befores_first_actor_unless_two_are_joined():
    prev = [(0, 3, "ypg", "faction", 0, "acronym"), (20, 24, "isis", "faction", 0, "name")]
    assert topic(prev, 1) == prev[0]
    joined = [(0, 3, "hts", "faction", 0, "acronym"), (8, 11, "sdf", "faction", 0, "acronym")]
    assert topic(joined, 1) is None
    assert topic(prev + [(40, 44, "iran", "state", 1, "name")], 1) is None  # one named in its own sentence


def test_kinds_a_state_or_a_group_pronoun_may_name():
    assert "faction" in GROUP_KINDS and "state" in STATE_KINDS and "state" not in GROUP_KINDS


def resolve(lex, prev, sentence, field):
    out = stand_ins(fold(sentence), len(prev) + 1, 1, field, lex)
    return [(sentence[m.start : m.end], m.entity) for m in out]


def test_them_is_not_its_own_clauses_subject(lex):
    prev = "The YPG held Kobani."
    sentence = "U.S. and coalition aircraft flew strikes in support of them."
    a = len(prev) + 1
    field = [
        (4, 7, "ypg", "faction", 0, "acronym"),
        (a, a + 4, "united_states", "state", 1, "acronym"),
        (a + 9, a + 18, "us_led_coalition", "coalition", 1, "name"),
    ]
    assert resolve(lex, prev, sentence, field) == [("them", "ypg")]


def test_them_is_not_an_actor_its_sentence_attacks(lex):
    prev = "The YPG held Kobani."
    sentence = "The YPG kept resisting ISIL, and coalition jets flew strikes in support of them."
    a = len(prev) + 1
    isil = sentence.index("ISIL")
    field = [
        (4, 7, "ypg", "faction", 0, "acronym"),
        (a + 4, a + 7, "ypg", "faction", 1, "acronym"),
        (a + isil, a + isil + 4, "isis", "faction", 1, "acronym"),
    ]
    assert resolve(lex, prev, sentence, field) == [("them", "ypg")]
