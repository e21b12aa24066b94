"""Unit tests of helpers.subjects: who does what a verb says, on sentences built by hand."""

from __future__ import annotations

from hand_sentences import HEZBOLLAH, IRAN, RUSSIA, SDF, TURKEY, sent


def test_subject_before_past_an_apposition_and_auxiliaries(grammar):
    s = sent(grammar, "Iran, Assad's main ally, has long armed Hezbollah.", IRAN, HEZBOLLAH)
    assert s.subject_before(s.f.index("armed")) == [0]


def test_subject_before_is_the_whole_list(grammar):
    s = sent(grammar, "Iran and Russia arm Hezbollah.", IRAN, RUSSIA, HEZBOLLAH)
    assert s.subject_before(s.f.index("arm ")) == [0, 1]


def test_the_accused_before_of_is_the_subject_of_what_it_is_accused_of(grammar):
    s = sent(grammar, "Turkey accused Iran of arming Hezbollah.", TURKEY, IRAN, HEZBOLLAH)
    assert s.subject_before(s.f.index("arming")) == [1]


def test_no_subject_across_a_clause(grammar):
    s = sent(grammar, "Turkey fought the SDF for a year; then came the talks that armed nobody.", TURKEY, SDF)
    assert s.subject_before(s.f.index("armed")) == []


def test_aside_head_is_the_name_before_a_comma_enclosed_aside(grammar):
    army = ("Syrian army", "syrian_government", "state")
    s = sent(
        grammar, "Hezbollah, fighting alongside the Syrian army, receives weapons from Iran.", HEZBOLLAH, army, IRAN
    )
    assert s.aside_head(1, s.f.index("receives")) == 0
    assert s.subject_before(s.f.index("receives")) == [0]
    s = sent(grammar, "Hezbollah, which fights alongside the Syrian army, has long received arms.", HEZBOLLAH, army)
    assert s.subject_before(s.f.index("received")) == [0]
    # no aside: the name before the verb is its subject
    s = sent(grammar, "Hezbollah said the Syrian army receives weapons from Iran.", HEZBOLLAH, army, IRAN)
    assert s.aside_head(1, s.f.index("receives")) == 1


def test_the_accused_across_a_time_with_its_own_of_phrase(grammar):
    # "in the early months of the conflict" holds an "of" of its own before the accusation's "of"
    s = sent(grammar, "Iran was accused in the early months of the conflict of arming Hezbollah.", IRAN, HEZBOLLAH)
    assert s.subject_before(s.f.index("arming")) == [0]
    s = sent(
        grammar, "Turkey accused Iran during the first year of the war of arming Hezbollah.", TURKEY, IRAN, HEZBOLLAH
    )
    assert s.subject_before(s.f.index("arming")) == [1]


def test_a_relative_clause_on_an_apposition_has_the_name_before_it_as_antecedent(grammar):
    s = sent(grammar, "Hezbollah, the Shiite movement that fights for Iran, lost men.", HEZBOLLAH, IRAN)
    assert s.relative_subject(s.f.index("fights")) == 0
    s = sent(grammar, "Hezbollah, a group that Iran has armed for decades, lost men.", HEZBOLLAH, IRAN)
    assert s.relative_subject(s.f.index("armed")) == 0
    # a name inside the apposition is no head of it; a clause boundary ends the relative clause
    s = sent(grammar, "Hezbollah, the ally of Russia that sends men, lost men.", HEZBOLLAH, RUSSIA)
    assert s.relative_subject(s.f.index("sends")) is None
    s = sent(grammar, "Hezbollah, a group that lost men; Iran then armed it.", HEZBOLLAH, IRAN)
    assert s.relative_subject(s.f.index("armed")) is None
