"""Unit tests of helpers.doers: who does what a verb says (subject, purpose, gerund clause, accusation)."""

from __future__ import annotations

import pytest
from hand_sentences import sent, statements

from helpers.clauses import Sentence
from helpers.doers import doer, spent_before, subject_after_comma


def at(s: Sentence, word: str) -> tuple[int, int]:
    i = s.f.index(word)
    return i, i + len(word)


def test_the_subject_before_the_verb(grammar):
    s = sent(
        grammar, "Iran has long armed Hezbollah.", ("Iran", "iran", "state"), ("Hezbollah", "hezbollah", "faction")
    )
    assert doer(s, "armed", at(s, "armed"), set()) == ([0], set())


def test_a_purpose_takes_the_clause_subject(grammar):
    s = sent(
        grammar, "Russia moved quickly to send jets to Assad.", ("Russia", "russia", "state"), ("Assad", "x", "state")
    )
    backers, flags = doer(s, "send", at(s, "send"), set())
    assert backers == [0] and "clause_subject" in flags


def test_a_gerund_clause_opening_the_sentence_takes_the_main_subject(grammar):
    s = sent(
        grammar,
        "By arming the YPG, Washington angered Ankara.",
        ("YPG", "ypg", "faction"),
        ("Washington", "united_states", "state"),
        ("Ankara", "turkey", "state"),
    )
    assert doer(s, "arming", at(s, "arming"), set())[0] == [1]
    assert subject_after_comma(s, s.m[0].end) == 1


def test_the_accused_before_which_whoever_accuses(grammar):
    s = sent(
        grammar,
        "The court heard the case against the UAE, which Khartoum accuses of arming the RSF.",
        ("UAE", "united_arab_emirates", "state"),
        ("RSF", "rapid_support_forces", "faction"),
    )
    assert doer(s, "arming", at(s, "arming"), set())[0] == [0]


def test_no_doer_without_a_subject(grammar):
    s = sent(grammar, "Arming the rebels was debated.", ("rebels", "syrian_opposition", "coalition"))
    assert doer(s, "arming", at(s, "arming"), set()) == ([], set())


def test_spent_before_a_gerund(grammar):
    s = sent(grammar, "Tehran spent billions propping up Assad.", ("Tehran", "iran", "state"), ("Assad", "x", "state"))
    assert spent_before(s, s.f.index("propping"))
    assert doer(s, "propping up", at(s, "propping up"), set())[0] == [0]


def test_a_participle_after_a_time_phrase_takes_the_clause_subject(grammar):
    s = sent(
        grammar,
        "Hezbollah joined the war in 2013 backing Assad.",
        ("Hezbollah", "hezbollah", "faction"),
        ("Assad", "syrian_government", "state"),
    )
    backers, flags = doer(s, "backing", at(s, "backing"), set())
    assert backers == [0] and "clause_subject" in flags
    s2 = sent(
        grammar,
        "Hezbollah joined the war with fighters backing Assad.",
        ("Hezbollah", "hezbollah", "faction"),
        ("Assad", "syrian_government", "state"),
    )
    assert doer(s2, "backing", at(s2, "backing"), set())[0] == []


def test_money_spent_a_long_way_before_the_gerund(grammar):
    s = sent(
        grammar,
        "Tehran spends an estimated $6 billion a year propping up Assad.",
        ("Tehran", "iran", "state"),
        ("Assad", "syrian_government", "state"),
    )
    assert spent_before(s, s.f.index("propping"))


def test_a_part_played_before_a_gerund(grammar):
    for text in (
        "Hezbollah played a key role in propping up Assad.",
        "Hezbollah was instrumental in propping up Assad.",
    ):
        s = sent(grammar, text, ("Hezbollah", "hezbollah", "faction"), ("Assad", "x", "state"))
        assert doer(s, "propping up", at(s, "propping up"), set())[0] == [0], text


def test_a_purpose_in_a_that_clause_with_its_own_subject_is_not_the_speakers(grammar):
    s = sent(
        grammar,
        "Tunisian officials believe that some 3,000 Tunisians have gone to fight for Isis.",
        ("Tunisian", "tunisia", "state"),
        ("Isis", "isis", "faction"),
    )
    assert doer(s, "fight", at(s, "fight"), set())[0] == []
    # a pronoun after "that" is the speaker itself
    s = sent(
        grammar, "Iran said that it moved to send drones to Assad.", ("Iran", "iran", "state"), ("Assad", "x", "state")
    )
    assert doer(s, "send", at(s, "send"), set())[0] == [0]


def test_the_object_of_a_first_infinitive_does_not_do_the_second():
    for text, edge in (
        (
            "Obama announced his decision to form a broad anti-IS coalition and to train Syria's moderate rebels.",
            ("united_states", "syrian_opposition"),
        ),
        (
            "Erdogan announced his decision to join the anti-IS coalition and to arm the Free Syrian Army.",
            ("turkey", "free_syrian_army"),
        ),
    ):
        got = {(b, c) for b, c, _ in statements(text, "2014-09-10")}
        assert got == {edge}, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people a participle says were hired do the purpose, for the hirer after "by", else for no actor
        (
            "The Sudanese Air Force destroyed a cargo plane as it landed at Nyala with weapons and foreign mercenaries"
            " hired to fight for the RSF.",
            set(),
        ),
        (
            "The Sudanese Air Force destroyed a cargo plane at Nyala carrying dozens of foreign mercenaries recruited"
            " to fight for the RSF.",
            set(),
        ),
        (
            "Khartoum said foreign mercenaries recruited by the UAE to fight for the RSF had landed in Nyala.",
            {("united_arab_emirates", "rapid_support_forces")},
        ),
        # a hirer that is the clause's subject still backs
        (
            "The UAE recruited foreign mercenaries to fight for the RSF.",
            {("united_arab_emirates", "rapid_support_forces")},
        ),
    ],
)
def test_hired_people_do_a_purpose_for_their_hirer(text, expected):
    assert {(b, c) for b, c, _kind in statements(text, "2025-08-06", "sudan")} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The rebels held the hill against regime troops and Russian jets sent to support Assad.",
            {("russia", "syrian_government")},
        ),
        (
            "Government loyalists attacked the base and were struck by coalition aircraft called in to defend the SDF.",
            {("us_led_coalition", "sdf")},
        ),
        ("The rebels said hundreds of gunmen sent to help Assad had reached Aleppo.", set()),
    ],
)
def test_a_noun_and_a_sending_participle_before_a_purpose(text, expected):
    date = "2018-02-10" if "SDF" in text else "2016-02-10"
    assert {(b, c) for b, c, _k in statements(text, date)} == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hezbollah still has several thousand fighters in Syria shoring up the Assad government.", "hezbollah"),
        ("Russia keeps troops there protecting the Assad government.", "russia"),
    ],
)
def test_men_an_actor_keeps_somewhere_do_the_gerund(text, expected):
    assert {(b, c) for b, c, _k in statements(text, "2020-06-01")} == {(expected, "syrian_government")}


def test_spending_far_before_the_gerund():
    text = "Russia spent billions of roubles and the lives of dozens of its pilots keeping Assad in power."
    assert ("russia", "syrian_government") in {(b, c) for b, c, _ in statements(text, "2025-02-01")}


def test_the_one_called_on_to_act_does_it():
    text = "Minawi called on Chad to stop letting its airfields be used to fly weapons to the RSF."
    got = {(b, c) for b, c, _ in statements(text, "2023-11-16", "sudan")}
    assert ("chad", "rapid_support_forces") in got and ("sudan_liberation_army", "rapid_support_forces") not in got


@pytest.mark.parametrize(
    "text",
    [
        "A thankless British task: persuading the new president to stand by Nato",
        "Downing Street is quietly lobbying European capitals to arm the Syrian rebels.",
    ],
)
def test_someone_no_actor_names_urged_to_act_leaves_the_urger_no_backer(text):
    assert not statements(text, "2017-06-01")


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        ("Russian air strikes are aimed at helping the Syrian army hold Palmyra.", ("russia", "syrian_government")),
        ("The Iranian deployment was intended to shore up Assad's forces.", ("iran", "syrian_government")),
    ],
)
def test_a_purpose_said_of_the_subject_keeps_its_doer(text, edge):
    assert edge in {(b, c) for b, c, _ in statements(text)}, text


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        ("Britain urged to stop providing weapons to Saudi Arabia", ("united_kingdom", "saudi_arabia")),
        ("Turkey pressed to stop supporting Hamas", ("turkey", "hamas")),
    ],
)
def test_a_headlines_urged_subject_does_the_stopped_backing(text, edge):
    assert edge in {(b, c) for b, c, _ in statements(text)}, text
