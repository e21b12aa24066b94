"""Unit tests of helpers.otherroles: outlets, languages, origins, people and qualifiers."""

from __future__ import annotations

import pytest

from helpers import otherroles as o
from helpers import roles as r
from helpers.textnorm import fold


def _span(text: str, mention: str, nth: int = 0) -> tuple[str, int, int]:
    folded = fold(text)
    start = -1
    for _ in range(nth + 1):
        start = folded.index(mention.lower(), start + 1)
    return folded, start, start + len(mention)


@pytest.mark.parametrize(
    ("text", "mention", "via", "expected"),
    [
        ("Russian-made jets flew over.", "Russian", "demonym", r.ORIGIN),
        ("the Russian-language media", "Russian", "demonym", r.LANGUAGE),
        ("classes taught in German and Arabic", "German", "demonym", r.LANGUAGE),
        # listed demonyms sharing a noun after them are no languages
        ("villages targeted in Syrian and Russian air strikes", "Syrian", "demonym", None),
        ("leaflets printed in Syrian and Russian versions.", "Syrian", "demonym", None),
        ("the Qatari TV channel Al Jazeera", "Qatari", "demonym", r.OUTLET),
        ("the Saudi-owned Al Arabiya channel", "Saudi", "demonym", r.OUTLET),
        ("Syrian state TV said", "Syrian", "demonym", None),
        ("Iraqi gunmen opened fire", "Iraqi", "demonym", r.PEOPLE),
        ("the Syrian public is tired", "Syrian", "demonym", r.PEOPLE),
        ("polls show the US and UK public oppose new wars", "US", "acronym", r.PEOPLE),  # the list's civilians
        ("Iran and Hezbollah fighters battled the rebels", "Iran", "name", None),
        # a community of the country qualified by its demonym is not the state
        ("weapons for Iraqi Kurdish forces battling IS", "Iraqi", "demonym", r.QUALIFIER),
        ("Syrian public sector workers went unpaid", "Syrian", "demonym", None),
        # a state that sends, pays or has fighters acts (an irregular verb between)
        ("Iran sent fighters to help Assad", "Iran", "name", None),
        ("Hezbollah has fighters in Syria", "Hezbollah", "name", None),
        ("an American fighting for Isis", "American", "demonym", r.PEOPLE),
        ("Russia sent warplanes to back a Libyan warlord", "Libyan", "demonym", r.PEOPLE),
        ("Britons who fought for Isis", "Britons", "demonym", r.PEOPLE),
        ("the Iraq war ended", "Iraq", "name", r.PLACE),
        ("aid flowed after the Turkey and Syria earthquake", "Turkey", "name", r.PLACE),  # a listed event
        ("Russia and its war on Ukraine", "Russia", "name", None),
        # an event or a measure named after a place, with one modifier between
        ("the Yemen humanitarian crisis deepened", "Yemen", "name", r.PLACE),
        ("calls to lift the Libya arms embargo", "Libya", "name", r.PLACE),
        ("Russia wages war on the rebels", "Russia", "name", None),
        # an outlet's own name between the demonym and the outlet noun (not state television)
        ("the Iranian Press TV channel reported", "Iranian", "demonym", r.OUTLET),
        ("the Syrian government newspaper wrote", "Syrian", "demonym", None),
        ("Russian fighter jets", "Russian", "demonym", None),
        ("Russia.", "Russia", "name", None),
        ("Russia said", "Russia", "name", None),
        # a preposition or a conjunction before the people noun: the state acts, its people are not meant
        ("the regime depends on Iran for fighters", "Iran", "name", None),
        ("abuses by the Assad regime and Russia against civilians", "Russia", "name", None),
        ("ties between the US and Kurds", "US", "acronym", None),
    ],
)
def test_other_role(text, mention, via, expected):
    folded, a, b = _span(text, mention)
    assert o.other_role(folded, a, b, via) == expected


@pytest.mark.parametrize("text", ["Classes were taught in German.", "taught in German, mostly", "taught in German"])
def test_other_role_language_before_punctuation_or_the_end(text):
    folded, a, b = _span(text, "German")
    assert o.other_role(folded, a, b, "demonym") == r.LANGUAGE


def test_qualifies():
    folded = fold("Lebanon's Hezbollah and the Lebanese Shia militia Hezbollah; Iran said Hezbollah")
    a = folded.index("lebanon") + len("lebanon")
    assert o.qualifies(folded, a, folded.index("hezbollah"))
    b = folded.index("lebanese") + len("lebanese")
    assert o.qualifies(folded, b, folded.index("hezbollah", b))
    c = folded.index("iran") + len("iran")
    assert not o.qualifies(folded, c, folded.index("hezbollah", c))


def test_role_word_in_reads_the_first_three_words():
    assert o._role_word_in(" state tv channel said")
    assert o._role_word_in(' "language," and')
    assert not o._role_word_in(" said on monday that its channel")


@pytest.mark.parametrize(
    ("text", "mention", "via", "expected"),
    [
        ("Clashes with Syria Kurds went on.", "Syria", "name", r.PEOPLE),
        ("UK Muslims show concern.", "UK", "acronym", r.PEOPLE),
        ("US probes civilian casualties in Manbij.", "US", "acronym", None),
        ("Russia trained fighters for the army.", "Russia", "name", None),
    ],
)
def test_nationals_and_a_verb_between(text, mention, via, expected):
    folded, a, b = _span(text, mention)
    assert o.other_role(folded, a, b, via) == expected


def test_role_words_hold_the_words_that_decide_a_role():
    assert {"in", "into", "from", "language", "channel"} <= o.ROLE_WORDS
    assert set(o.__all__) <= set(dir(o)) and r.PEOPLE in r.ROLES


def test_a_states_possessive_before_its_former_leader_qualifies_him():
    f = fold("Syria's ousted former president al-Assad lives in Moscow now")
    assert o.qualifies_leader(f, 5, f.index("assad"))
    assert not o.qualifies_leader(f, 5, f.index("moscow"))  # "in" is no leader's title


def test_a_states_body_is_never_its_nationals():
    f = fold("Sudanese authorities free a man jailed for a diplomat's murder")
    assert o.other_role(f, 0, len("sudanese authorities"), "name") is None
    f = fold("Iraqi gunmen killed two")
    assert o.other_role(f, 0, 5, "demonym") == r.PEOPLE


def test_titled():
    folded = fold("helped by their Lebanese ally Hezbollah and Iran's ally Hezbollah")
    a = folded.index("lebanese") + len("lebanese")
    assert o.titled(folded, a, folded.index("hezbollah"))
    assert not o.titled(folded, a, folded.index("iran"))  # "ally Hezbollah and": not right before the name


@pytest.mark.parametrize(
    "text", ["Iranian news agencies reported the strike.", "Turkish newspapers said so.", "Qatari channels aired it."]
)
def test_plural_outlets_after_a_demonym(text):
    folded, a, b = _span(text, text.split()[0])
    assert o.other_role(folded, a, b, "demonym") == r.OUTLET
    folded, a, b = _span("Pro-Tehran media outlets praised it.", "Tehran")
    assert o.other_role(folded, a, b, "capital") is None  # whom the outlets side with


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        # a firm's nationality is its origin, not the state
        ("A Turkish defence firm delivered drones.", "Turkish", r.ORIGIN),
        ("Chinese arms makers sold the howitzers.", "Chinese", r.ORIGIN),
        # "national" before a body's name is no national of the country
        ("Turkish National Defense Ministry sources said so.", "Turkish", None),
        ("A Turkish national was detained.", "Turkish", r.PEOPLE),
    ],
)
def test_firms_and_national_bodies(text, mention, expected):
    folded, a, b = _span(text, mention)
    assert o.other_role(folded, a, b, "demonym") == expected, text
