"""Unit tests of helpers.coref_said: the pronoun after a verb of saying stands for the speaker."""

from __future__ import annotations

import pytest

from helpers.coref_said import speakers
from helpers.cues import load_cues
from helpers.textnorm import fold


@pytest.fixture(scope="module")
def lex():
    return load_cues()


def _near(text: str, *names: tuple[str, str, str]) -> list[tuple]:
    f = fold(text)
    return [(f.index(w.lower()), f.index(w.lower()) + len(w), ent, kind, 0, "name") for w, ent, kind in names]


def test_they_after_a_verb_of_saying_is_the_list_of_speakers(lex):
    text = "The SLA and JEM said on Thursday they would fight alongside the army."
    near = _near(text, ("SLA", "sudan_liberation_army", "faction"), ("JEM", "justice_and_equality_movement", "faction"))
    got = speakers(lex, fold(text), 0, 0, near)
    assert [(m.entity, m.stand_in) for m in got] == [("sudan_liberation_army|justice_and_equality_movement", "they")]


def test_it_skips_a_relative_clause_between_the_speaker_and_its_verb(lex):
    text = "Turkey, which backed the Syrian opposition for years, has said it is ready to support Damascus."
    near = _near(text, ("Turkey", "turkey", "state"), ("Syrian opposition", "syrian_opposition", "faction"))
    got = speakers(lex, fold(text), 0, 0, near)
    assert [(m.entity, m.stand_in) for m in got] == [("turkey", "it")]
    # two speakers for "it": no reading
    two = "Turkey and Qatar said it would act."
    near = _near(two, ("Turkey", "turkey", "state"), ("Qatar", "qatar", "state"))
    assert speakers(lex, fold(two), 0, 0, near) == []
