"""Unit tests of helpers.clauses: the slot questions a Sentence answers (subjects, objects, lists, heads)."""

from __future__ import annotations

import pandas as pd
import pytest
from hand_sentences import sent, statements

import helpers as h
from helpers.clauses import Mention, Sentence
from helpers.cues import load_cues
from helpers.grammar import grammar_of
from helpers.textnorm import fold


def test_grammar_is_compiled_once_per_lexicon(grammar):
    assert grammar_of(load_cues()) is grammar


def test_subject_and_object_across_an_apposition(grammar):
    s = sent(
        grammar,
        "Iran, Assad's main ally, has long armed the embattled Kurdish YPG.",
        ("Iran", "iran", "state"),
        ("Assad", "syrian_government", "state", "leader"),
        ("YPG", "ypg", "faction"),
    )
    verb = s.f.index("armed")
    assert s.subject_before(verb) == [0]
    assert s.object_after(verb + len("armed")) == [2]


def test_object_after_nothing_or_too_far(grammar):
    s = sent(grammar, "Russia armed nobody at all.", ("Russia", "russia", "state"))
    assert s.object_after(s.f.index("armed") + 5) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran armed Hezbollah, and Iraqi officials are worried.", [1]),
        ("Iran armed Hezbollah and Iraqi commanders said so.", [1]),
        # a list that ends the object, and a list whose last name's fighters act after it
        ("Iran armed Hezbollah and Iraqi militias last year.", [1, 2]),
        ("Iran armed Hezbollah and Iraqi fighters in Aleppo.", [1, 2]),
    ],
)
def test_an_objects_list_ends_where_a_new_clause_begins(grammar, text, expected):
    s = sent(
        grammar,
        text,
        ("Iran", "iran", "state"),
        ("Hezbollah", "hezbollah", "faction"),
        ("Iraqi", "iraq", "state", "demonym"),
    )
    assert s.object_after(s.f.index("armed") + len("armed")) == expected


def test_a_passives_agents_keep_the_name_before_the_main_verb(grammar):
    s = sent(
        grammar,
        "The push backed by Iran and Hezbollah has taken the hills.",
        ("Iran", "iran", "state"),
        ("Hezbollah", "hezbollah", "faction"),
    )
    assert s.object_after(s.f.index("by") + len("by")) == [0, 1]


def test_lists_back_and_forward(grammar):
    s = sent(
        grammar,
        "Iran, Russia and Turkey met.",
        ("Iran", "iran", "state"),
        ("Russia", "russia", "state"),
        ("Turkey", "turkey", "state"),
    )
    assert s.coordinated_back(2) == [0, 1, 2]
    assert s.coordinated_fwd(0) == [0, 1, 2] and s.coordinated_fwd(1) == [1, 2]
    # a comma alone links forward only when a conjunction closes the list
    s2 = sent(
        grammar,
        "Iran, Russia met Turkey.",
        ("Iran", "iran", "state"),
        ("Russia", "russia", "state"),
        ("Turkey", "turkey", "state"),
    )
    assert s2.coordinated_fwd(0) == [0] and s2.coordinated_back(1) == [0, 1]


def test_a_name_followed_by_what_it_is_accused_of_opens_a_new_accusation_not_the_list(grammar):
    names = (("Jordan", "jordan", "state"), ("Hezbollah", "hezbollah", "faction"), ("Turkey", "turkey", "state"))
    s = sent(grammar, "The report accused Jordan of arming Hezbollah, and Turkey of shipping drones to it.", *names)
    assert s.coordinated_fwd(1) == [1]
    s2 = sent(grammar, "The report accused Jordan of arming Hezbollah and Turkey in the south.", *names)
    assert s2.coordinated_fwd(1) == [1, 2]


def test_lists_whose_commas_a_scrape_dropped(grammar):
    names = (("Qatar", "qatar", "state"), ("Turkey", "turkey", "state"), ("Jordan", "jordan", "state"))
    s = sent(grammar, "Damascus blamed Qatar Turkey and Jordan for the attack.", *names)
    assert s.coordinated_back(2) == [0, 1, 2] and s.coordinated_fwd(0) == [0, 1, 2]
    # without a conjunction closing it, two names side by side are no list
    s2 = sent(grammar, "Officials in Qatar Turkey talks met Jordan.", *names)
    assert s2.coordinated_fwd(0) == [0] and s2.coordinated_back(1) == [1]


def test_object_after_an_against_modifier_names_its_example(grammar):
    s = sent(
        grammar,
        "Iran armed anti-Israel militant groups including Hezbollah.",
        ("Iran", "iran", "state"),
        ("Israel", "israel", "state"),
        ("Hezbollah", "hezbollah", "group"),
    )
    assert s.object_after(s.m[0].end + len(" armed")) == [2]
    s2 = sent(
        grammar,
        "Iran armed anti-Israel militant groups that attacked Hezbollah.",
        ("Iran", "iran", "state"),
        ("Israel", "israel", "state"),
        ("Hezbollah", "hezbollah", "group"),
    )
    assert s2.object_after(s2.m[0].end + len(" armed")) == []


def test_head_of_qualifiers_and_lookalikes(grammar):
    s = sent(
        grammar,
        "New Iran sanctions hit the Lebanese militant group Hezbollah.",
        ("Iran", "iran", "state"),
        ("Lebanese", "lebanon", "state", "demonym"),
        ("Hezbollah", "hezbollah", "faction"),
    )
    assert s.head_of(0) is None  # "Iran sanctions": a thing, not the state
    assert s.head_of(1) == 2  # "Lebanese militant group Hezbollah": the group heads it
    assert s.head_of(2) == 2


def test_preceded_by_preposition_but_not_part_of(grammar):
    s = sent(
        grammar,
        "Fighters from Iraqi militias fought in Syria against the SDF.",
        ("Iraqi", "iraq", "state", "demonym"),
        ("Syria", "syria", "state"),
        ("SDF", "sdf", "faction"),
    )
    assert [s.preceded_by_preposition(i) for i in range(3)] == [False, True, True]


def test_passive_client(grammar):
    s = sent(
        grammar,
        "The SDF, which is backed by Washington, holds Raqqa.",
        ("SDF", "sdf", "faction"),
        ("Washington", "united_states", "state", "capital"),
    )
    assert s.passive_client(s.f.index("backed")) == (0, False)
    s2 = sent(grammar, "Rebels backed by Turkey advanced.", ("Turkey", "turkey", "state"))
    assert s2.passive_client(s2.f.index("backed")) == (None, False)


def test_clause_start_and_subject(grammar):
    s = sent(
        grammar,
        "Russia struck Idlib; Turkey backs HTS.",
        ("Russia", "russia", "state"),
        ("Turkey", "turkey", "state"),
        ("HTS", "hts", "faction"),
    )
    cue = s.f.index("backs")
    assert s.clause_start(cue) == s.f.index("turkey") - 1  # just after the semicolon
    assert s.clause_subject(cue) == 1
    assert s.clause_subject(cue, whole=True) == 0


def test_relative_antecedent(grammar):
    s = sent(
        grammar,
        "Turkey, which Tehran accused of backing HTS, denied it.",
        ("Turkey", "turkey", "state"),
        ("Tehran", "iran", "state", "capital"),
        ("HTS", "hts", "faction"),
    )
    assert [s.relative_antecedent(j) for j in range(3)] == [None, 0, None]


def test_positions(grammar):
    s = sent(grammar, "Turkey and Iran.", ("Turkey", "turkey", "state"), ("Iran", "iran", "state"))
    assert (s.prev_index(0), s.prev_index(6), s.prev_index(len(s.f))) == (-1, 0, 1)
    assert (s.next_index(0), s.next_index(1), s.next_index(len(s.f))) == (0, 1, 2)
    assert s.gap(s.m[0].end, s.m[1].start) == " and "


def test_mentions_are_sorted_longest_first_at_one_start(grammar):
    f = fold("Syrian Democratic Forces")
    s = Sentence(
        "Syrian Democratic Forces", f, [Mention(0, 6, "syria", "state"), Mention(0, 24, "sdf", "faction")], grammar
    )
    assert [m.entity for m in s.m] == ["sdf", "syria"] and s.starts == [0, 0] and s.ends == [24, 6]


def test_a_relative_after_a_second_conjunct_is_not_the_first_ones(grammar):
    s = sent(
        grammar,
        "Shells fell in fighting between opposition fighters and militias that back the Assad regime.",
        ("opposition fighters", "syrian_opposition", "faction"),
        ("Assad regime", "syrian_government", "state"),
    )
    assert s.subject_before(s.f.index("back the")) == []


def test_a_singular_verb_after_a_listed_relative_agrees_with_the_last_name(grammar):
    s = sent(
        grammar,
        "Turkey and Russia, which backs Assad, met.",
        ("Turkey", "turkey", "state"),
        ("Russia", "russia", "state"),
        ("Assad", "syrian_government", "state"),
    )
    assert s.subject_before(s.f.index("backs")) == [1]
    s = sent(
        grammar,
        "Iran and Russia, which back Assad, met.",
        ("Iran", "iran", "state"),
        ("Russia", "russia", "state"),
        ("Assad", "syrian_government", "state"),
    )
    assert s.subject_before(s.f.index("back assad")) == [0, 1]


def test_a_passive_after_an_apposition_closed_by_a_comma_backs_its_head(grammar):
    sdf, hezbollah, iran = ("SDF", "sdf", "faction"), ("Hezbollah", "hezbollah", "faction"), ("Iran", "iran", "state")
    s = sent(grammar, "The SDF, a force run by Hezbollah, was funded by Iran.", sdf, hezbollah, iran)
    assert s.passive_client(s.f.index("funded"), exclude=frozenset([2])) == (0, False)
    # no apposition opened before the name: the name right before the passive is the client
    s = sent(grammar, "The SDF attacked Hezbollah fighters funded by Iran.", sdf, hezbollah, iran)
    assert s.passive_client(s.f.index("funded"), exclude=frozenset([2])) == (1, False)


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        (
            "Syria accused Turkey in a letter to the UN of sending weapons to the rebels.",
            ("turkey", "syrian_opposition"),
        ),
        ("Damascus accused Ankara at the talks in Geneva of arming the rebels.", ("turkey", "syrian_opposition")),
        (
            "Damascus accused Ankara, at talks that Moscow hosted, of arming the rebels.",
            ("turkey", "syrian_opposition"),
        ),
        # a leader's government named by its leader and his title
        (
            "Damascus accused the government of Prime Minister Recep Tayyip Erdogan of arming the rebels in Syria.",
            ("turkey", "syrian_opposition"),
        ),
    ],
)
def test_the_accused_across_a_place_or_time_before_of(text, edge):
    assert edge in {(b, c) for b, c, _ in statements(text)}, text


def test_a_place_after_a_speaker_makes_no_accused():
    assert not statements("Russia's envoy at the talks in Geneva spoke of arming the rebels.")


@pytest.mark.parametrize(
    "text",
    [
        "Malik Agar, deputy head of the Sovereignty Council, sided with the army.",
        "The movement's other wing, led by Malik Agar, deputy head of the Sovereignty Council, sided with the army.",
        "The movement's other wing, led by Malik Agar, deputy head of the Sovereignty Council, fought beside the army.",
    ],
)
def test_the_body_of_a_persons_title_is_not_the_subject(text):
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2024-05-10"], utc=True)})
    s = h.extract_support(c, h.tag_mentions(c, gazetteer="sudan"))
    got = set(zip(s.backer.astype(str), s.client.astype(str)))
    assert ("sudanese_government", "sudanese_armed_forces") not in got, text


def test_a_list_item_after_a_comma_opens_no_clause():
    text = "Syrian troops helped by Iranian advisers, Hezbollah units and Iraqi militias advanced under Russian cover."
    found = statements(text, "2016-02-01")
    assert ("russia", "syrian_government", "with") in found
    assert not {e for e in found if e[0] == "russia" and e[1] != "syrian_government"}


@pytest.mark.parametrize(
    "text",
    [
        "Jordan and Bahrain voiced support for Israeli air strikes on Iranian positions.",
        "Paris backed the American missile strikes on the Shayrat air base.",
    ],
)
def test_backing_an_actors_strikes_endorses_an_act(text):
    assert statements(text, "2017-04-08") == set()


@pytest.mark.parametrize(
    "text",
    [
        "Syrian troops, backed by Russian air strikes, pushed into Palmyra.",
        "Syrian troops retook Palmyra with the support of Russian air strikes.",
    ],
)
def test_strikes_after_by_or_of_are_the_backers_means(text):
    assert ("russia", "syrian_government") in {(b, c) for b, c, _k in statements(text, "2016-03-27")}


def test_a_phrase_saying_in_effect_between_subject_and_verb():
    found = statements("Kyiv has in effect armed the Sudanese army.", "2023-09-20", "sudan")
    assert {(b, c) for b, c, _k in found} == {("ukraine", "sudanese_armed_forces")}


def test_a_verb_and_an_owners_pronoun_after_to_is_a_purpose_not_a_receiver():
    text = (
        "The March accord signed by al-Sharaa and SDF chief Mazloum Abdi commits the Kurdish-led forces to merge "
        "their military with the state's."
    )
    assert statements(text, "2025-03-12") == set()
    assert ("russia", "syrian_government") in {
        (b, c) for b, c, _k in statements("Moscow sent more jets to its ally Assad.", "2016-03-01")
    }


@pytest.mark.parametrize(
    "text",
    ["For years Tehran armed Hezbollah.", "For decades Tehran has used the corridor to arm Hezbollah."],
)
def test_an_adverb_of_time_opening_the_sentence_leaves_the_subject(text):
    assert ("iran", "hezbollah", "verb") in statements(text, "2016-01-01")


def test_a_verbs_object_is_the_owners_allies_not_the_owner():
    assert statements("Iran armed the army's allies in Darfur.", "2024-03-01", "sudan") == set()
    found = statements("Iran funded the army's ally, the Al-Baraa Bin Malik Brigade.", "2024-03-01", "sudan")
    assert {(b, c) for b, c, _ in found} == {("iran", "al_baraa_bin_malik_brigade")}


def test_the_object_of_an_attack_verb_is_not_the_clauses_subject():
    text = "The Turkish drones that hammered Syrian army convoys near Saraqeb were flying in support of the rebels."
    found = {(b, c) for b, c, _ in statements(text, "2020-03-01")}
    assert ("syrian_government", "syrian_opposition") not in found
    assert ("turkey", "syrian_opposition") in found


def test_a_participle_after_a_prepositions_object_and_a_comma_is_not_that_objects():
    text = "For the monarchies that funded the revolt against Assad, paying the new government's salaries is cheap."
    assert statements(text, "2025-05-01") == set()


@pytest.mark.parametrize(
    "text",
    [
        "The Syrian rebels the CIA armed in Deraa lost ground this spring.",
        "The Syrian National Army factions Ankara funds and trains stormed Ras al-Ain.",
    ],
)
def test_a_relative_clause_without_a_pronoun_after_an_article_or_before_a_past_verb(text):
    found = {(b, c) for b, c, _ in statements(text, "2019-10-10")}
    assert found & {("united_states", "syrian_opposition"), ("turkey", "syrian_national_army")}, text


@pytest.mark.parametrize(
    "text",
    [
        "Wagner, which the US Treasury says shipped missiles to the RSF, denies any role in Sudan.",
        "Wagner, which Washington says armed the RSF, denies any role in Sudan.",
    ],
)
def test_the_antecedent_acts_past_a_speaker_in_the_relative_clause(text):
    assert {(b, c) for b, c, _ in statements(text, "2024-05-01", "sudan")} == {("wagner", "rapid_support_forces")}


def test_a_states_air_power_after_whose_is_the_subject():
    text = "Moscow, whose air power kept Assad in power for years, still holds the Hmeimim base."
    assert {(b, c) for b, c, _ in statements(text, "2024-12-31", "syria")} == {("russia", "syrian_government")}


def test_a_first_name_before_the_leader_who_names_the_accused():
    text = "In Sudan's war, the army accused Khalifa Haftar's forces of helping the RSF seize the border triangle."
    assert ("libyan_national_army", "rapid_support_forces") in {
        (b, c) for b, c, _ in statements(text, "2025-06-01", "sudan")
    }
