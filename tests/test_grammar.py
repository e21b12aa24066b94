"""Unit tests of helpers.grammar: the gap patterns one cue lexicon compiles, once."""

from __future__ import annotations

import pytest

from helpers.cues import load_cues
from helpers.grammar import Grammar, grammar_of


@pytest.fixture(scope="module")
def g() -> Grammar:
    return grammar_of(load_cues())


def test_grammar_is_compiled_once_per_lexicon(g):
    assert grammar_of(load_cues()) is g


@pytest.mark.parametrize(
    ("gap", "is_subject"),
    [
        (" ", True),  # "Iran arms"
        (" has long ", True),  # "Iran has long armed"
        (", which ", True),  # "Washington, which backs"
        ("'s forces have ", True),  # "Russia's forces have backed"
        (", which between them ", True),  # "Qatar and Turkey, which between them funded"
        (" said the rebels ", False),
        (" and the sdf fought ", False),
    ],
)
def test_subject_gap(g, gap, is_subject):
    assert bool(g.subject_gap.match(gap)) is is_subject


def test_a_given_thing_widens_the_subject_only_with_its_own_pattern(g):
    # "Iranian oil tankers kept Assad afloat": the tail names what the actor gives
    assert not g.subject_gap.match(" oil tankers ")
    assert g.given_subject_gap.match(" oil tankers ") and "tankers" in g.given_words


@pytest.mark.parametrize(
    ("gap", "accused"),
    [(" of ", True), (" of fuelling the war by ", True), (", of ", True), (" over ", False)],
)
def test_of_gap_reads_accusations(g, gap, accused):
    assert bool(g.of_gap.match(gap)) is accused


def test_led_by_before_takes_an_article(g):
    assert g.led_by_before.search("an operation led by a ")
    assert g.led_by_before.search("led by the ")
    assert not g.led_by_before.search("backed by the ")


@pytest.mark.parametrize(
    ("gap", "in_list"),
    [
        (", ", True),
        (" and, more quietly, ", True),  # "Russia, Iran and, more quietly, China"
        (", and, to a lesser extent, ", True),
        (" and then attacked ", False),
        (" and the afghan ", True),  # "Hezbollah and the Afghan Fatemiyoun": an adjective after the article
        (" and the in ", False),
    ],
)
def test_list_gap_takes_an_aside_before_the_last_item(g, gap, in_list):
    assert bool(g.list_gap.match(gap)) is in_list


def test_a_quantity_of_groups_is_an_objects_determiner(g):
    # "sent arms to a confusing array of rebel groups": one free adjective, then the quantity phrase
    assert g.object_gap.match(" a confusing array of ")


def test_passive_gap_takes_an_apposition_of_up_to_three_words_before_its_noun(g):
    # "the NDF, a loose network of local militias trained by ..."
    assert g.passive_gap.match(", a network of local militias ")
    assert not g.passive_gap.match(", a network of small and local militias ")


@pytest.mark.parametrize(
    ("before", "accused"),
    [("accused ", True), ("accuses foreign powers, notably ", True), ("accused gulf states mainly the ", True)],
)
def test_the_accused_may_be_the_examples_of_a_group(g, before, accused):
    assert bool(g.accused_of.search(before)) is accused


def test_a_hedge_on_the_name_is_an_objects_determiner(g):
    # "arms what it calls moderate rebels"
    assert g.object_gap.match(" what it calls moderate ")


@pytest.mark.parametrize(
    ("gap", "accused"),
    [
        (" was accused of ", True),
        (" mercenaries were accused early in the war of ", True),  # the men of the name, a time phrase
        (" has been accused repeatedly of ", True),
        (" was accused last year of ", True),
        (" was accused by ", False),  # the accuser follows: read by accused_by
        (" said it accused nobody of ", False),
    ],
)
def test_accused_after_takes_a_time_or_manner_before_of(g, gap, accused):
    assert bool(g.accused_after.match(gap)) is accused


@pytest.mark.parametrize(
    ("gap", "is_subject"),
    [
        (" in idlib, who ", True),  # a one-word place, then the relative clause: still the subject
        (" in idlib, many of whom ", True),
        (" in cairo, ", False),  # "hosted Burhan in Cairo, pledging": a participle after the place
    ],
)
def test_a_place_before_a_relative_pronoun(g, gap, is_subject):
    assert bool(g.subject_gap.match(gap)) is is_subject
