"""Unit tests of helpers.tagpass through tag_mentions: datelines, roles given to every mention, descriptions."""

from __future__ import annotations

import pandas as pd
import pytest

import helpers as h
from helpers import tagpass


def _tag(text, date="2024-05-26"):
    c = pd.DataFrame(
        {"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime([date], utc=True), "source": ["Wire"]}
    )
    m = h.tag_mentions(c)
    return [(r.surface, str(r.entity), str(r.role)) for r in m.itertuples()]


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("BEIRUT, May 26 - Russia said so.", 0, 6, True),
        ("ANTAKYA, Turkey, July 24 (Reuters) - Turkey said so.", 9, 15, True),
        ("DAMASCUS (Reuters) - talks began.", 0, 8, True),
        ("Beirut, the capital, was calm.", 0, 6, False),
        ("Talks in BEIRUT, May 26 - went on.", 9, 15, False),
    ],
)
def test_in_dateline(text, start, end, expected):
    assert tagpass._in_dateline(text, start, end) is expected


def test_a_dateline_place_is_a_place_and_the_sentence_still_counts():
    got = _tag("BEIRUT, May 26 - Russia said it backed Assad.")
    assert got[0] == ("BEIRUT", "lebanon", "place")
    assert ("Russia", "russia", "actor") in got and ("Assad", "syrian_government", "actor") in got
    assert _tag("Beirut said no.") == [("Beirut", "lebanon", "actor")]


def test_every_mention_gets_a_known_role():
    text = (
        "Russian-made jets struck as the Qatari TV channel Al Jazeera reported; Iraqi gunmen fled to Turkey, "
        "and Lebanon's Hezbollah said Iran backed it."
    )
    got = _tag(text)
    assert {role for _, _, role in got} <= {"actor", "place", "outlet", "language", "origin", "people", "qualifier"}
    roles = {s: role for s, _, role in got}
    assert roles["Russian"] == "origin" and roles["Qatari"] == "outlet" and roles["Iraqi"] == "people"
    assert roles["Turkey"] == "place" and roles["Iran"] == "actor"


def test_keep_longest_resolves_overlaps_longest_then_leftmost():
    from helpers.tagpass import keep_longest

    apart = [(0, 5, "a"), (6, 9, "b")]
    assert keep_longest(apart, 20) is apart  # nothing to settle: the same list back
    # by end, as the automaton reports them: "syrian" inside "syrian national army", then "army" inside it
    nested = [(0, 6, "syrian"), (16, 20, "army"), (0, 20, "sna"), (21, 25, "x")]
    assert keep_longest(nested, 30) == [(0, 20, "sna"), (21, 25, "x")]
    # equals: the leftmost wins; a chain keeps what the longest leaves free
    assert keep_longest([(0, 4, "l"), (2, 6, "r")], 10) == [(0, 4, "l")]
    chain = [(0, 6, "x"), (4, 12, "long"), (10, 14, "y"), (13, 15, "z")]
    assert keep_longest(chain, 20) == [(4, 12, "long"), (13, 15, "z")]
    # case-sensitive hits come after the others, out of text order: the result is in text order
    assert keep_longest([(10, 14, "a"), (0, 3, "b"), (12, 16, "cs")], 20) == [(0, 3, "b"), (10, 14, "a")]


def test_a_description_naming_two_actors_gives_each_a_mention():
    # "the warring sides" in Sudan's war: the army and the RSF, one mention each over the same words
    texts = [
        "In Sudan the warring sides agreed to a truce.",
        "In Sudan the two rival generals broke the truce.",
        "In Sudan both factions blamed each other for the shelling.",
        "In Sudan both factions of the SPLM-N held talks.",  # a movement's own factions: not the two sides
        "Fighting between rival armed groups in Sudan has killed hundreds.",
        "Sudan's conflicting factions signed a declaration in Jeddah.",
        "The two opposing forces in Sudan's war agreed a three-day truce.",
    ]
    c = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d", "e", "f", "g"],
            "title": [""] * 7,
            "text": texts,
            "date": pd.to_datetime(["2023-05-20"] * 7, utc=True),
        }
    )
    m = h.tag_mentions(c, gazetteer="sudan")
    got = m[m["via"].astype(str) == "description"]
    assert got[got["doc_id"] == "d"].empty
    for doc in ("a", "b", "c", "e", "f", "g"):
        rows = got[got["doc_id"] == doc]
        assert set(rows["entity"].astype(str)) == {"sudanese_armed_forces", "rapid_support_forces"}
        assert rows[["start", "end"]].drop_duplicates().shape[0] == 1  # the same words
    before = pd.DataFrame(
        {
            "doc_id": ["c"],
            "title": [""],
            "text": ["In Sudan the warring sides met."],
            "date": pd.to_datetime(["2019-05-20"], utc=True),
        }
    )
    assert not (h.tag_mentions(before, gazetteer="sudan")["via"].astype(str) == "description").any()  # before the war


def test_the_two_sides_in_arabic():
    texts = ["اتفق طرفا النزاع في السودان على هدنة.", "قال أحد الطرفين في السودان."]
    c = pd.DataFrame(
        {"doc_id": ["a", "b"], "title": ["", ""], "text": texts, "date": pd.to_datetime(["2023-05-20"] * 2, utc=True)}
    )
    m = h.tag_mentions(c, gazetteer="sudan")
    assert set(m.loc[m["doc_id"] == "a", "entity"].astype(str)) == {"sudanese_armed_forces", "rapid_support_forces"}
    assert m[m["doc_id"] == "b"].empty  # "the two parties" alone may be any two


def test_a_description_before_the_groups_own_name_is_its_title():
    got = _tag("Fighters of former al-Qaeda affiliate Fateh al-Sham Front held the town.", date="2016-10-01")
    assert ("Fateh al-Sham", "jabhat_al_nusra", "actor") in got
    assert not any(surface == "affiliate" for surface, _, _ in got)  # not a second mention of the same group
    assert ("affiliate", "jabhat_al_nusra", "actor") in _tag("Syria's al-Qaeda affiliate rebranded.", date="2016-10-01")


def test_a_state_body_after_another_states_name_is_that_states():
    got = _tag("Russia's Ministry of Defence said a helicopter was shot down.")
    assert [e for _, e, _ in got] == ["russia"]
    assert ("Ministry of Defence", "united_kingdom", "actor") in _tag("The Ministry of Defence in London said so.")


def test_a_list_whose_commas_a_scrape_dropped_shares_its_role():
    # "nations such as Turkey Lebanon and Jordan": all three are where people went, a conjunction closing the run
    got = _tag("Refugees poured into nations such as Turkey Lebanon and Jordan last year.")
    assert {(surface, role) for surface, _, role in got} == {
        ("Turkey", "place"),
        ("Lebanon", "place"),
        ("Jordan", "place"),
    }
    # a run with no conjunction is no list: the role of the first is not shared
    got = _tag("Refugees poured into nations such as Turkey Russia vetoed the plan.")
    assert ("Russia", "actor") in {(surface, role) for surface, _, role in got}


def test_a_name_after_a_fronted_place_and_its_comma_opens_the_clause():
    got = _tag("Across Syria, Moscow has propped up Assad since 2015.", "2016-01-01")
    assert ("Moscow", "russia", "actor") in got
    # a list of places after the preposition stays places, the name a verb follows acts
    got = _tag("In Iraq and Lebanon, Tehran is arming militias.", "2016-01-01")
    assert [r for _, _, r in got] == ["place", "place", "actor"]


def test_a_demonym_before_a_title_noun_and_a_name_describes_the_name():
    roles = {s: role for s, _, role in _tag("Troops, aided by their Lebanese ally Hezbollah, stormed the hill.")}
    assert roles["Lebanese"] == "qualifier" and roles["Hezbollah"] == "actor"
    roles = {s: role for s, _, role in _tag("Damascus thanked its Russian ally for the strikes.")}
    assert roles["Russian"] == "actor"  # no name after the title: the ally is the state
    # a spelling news uses
    assert ("Hezballah", "hezbollah", "actor") in _tag("Hezballah fighters crossed into Syria.")


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # a name owning a noun after "in X," opens the clause: an actor, not a second place
        ("In Syria, Ankara's drones struck Kurdish positions.", "Ankara", "actor"),
        ("In Libya, Moscow's mercenaries guard the oil fields.", "Moscow", "actor"),
        # a list of places goes on
        ("Envoys met in Doha, Ankara and Amman.", "Ankara", "place"),
    ],
)
def test_an_owner_after_a_place_and_a_comma_opens_the_clause(text, name, expected):
    got = [r for s, _, r in _tag(text) if s == name]
    assert got == [expected], _tag(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("It was Washington that armed the Kurdish fighters.", "Washington"),
        ("Not only did Moscow arm the regime, it also flew its jets.", "Moscow"),
        ("The SDF, whose main backer is Washington, advanced.", "Washington"),
        ("The SDF depends heavily on Washington for weapons.", "Washington"),
        # leaning or counting on a capital
        ("The SDF has leaned on Washington since 2015.", "Washington"),
        ("The Kurdish militia still counts on Washington.", "Washington"),
    ],
)
def test_a_capital_is_the_actor_in_a_cleft_an_inversion_a_role_and_after_relying(text, name):
    assert [r for s, _, r in _tag(text, "2017-05-01") if s == name] == ["actor"], _tag(text, "2017-05-01")


def test_a_states_possessive_before_described_proxies_is_an_actor_not_a_qualifier():
    found = _tag("Ankara's Syrian proxies advanced on Manbij.", "2025-01-10")
    assert ("Ankara", "turkey", "actor") in found
    assert [r for s, _, r in _tag("Lebanon's Hezbollah fired rockets.", "2024-01-10") if s == "Lebanon"] == [
        "qualifier"
    ]


def test_a_list_without_commas_shares_its_place_up_to_a_last_member_the_gazetteer_lacks():
    got = _tag("Assad relied on Shia militiamen from Lebanon Iraq and Afghanistan in 2015.", date="2015-06-01")
    assert ("Iraq", "iraq", "place") in got and ("Lebanon", "lebanon", "place") in got
    # a name that opens a clause after the list still acts
    got = _tag("Militiamen came from Lebanon and Iraq sent more in 2015.", date="2015-06-01")
    assert ("Lebanon", "lebanon", "place") in got


def test_a_body_with_its_own_id_after_its_parent_s_name_stays():
    got = _tag("Iran's Quds Force has trained militias in Iraq for years.", date="2016-06-01")
    assert ("Quds Force", "irgc", "actor") in got and ("Iran", "iran", "actor") in got


def test_a_description_before_of_and_another_groups_name_is_its_title():
    tags = _tag("The Pentagon began delivering weapons to Kurdish fighters of the YPG.", "2017-05-01")
    assert ("YPG", "ypg", "actor") in tags
    assert not [t for t in tags if t[1] == "sdf"], tags


def test_a_demonym_in_apposition_to_a_group_is_its_nationality():
    tags = _tag("Hezbollah, Iran's Lebanese ally, has fighters in Syria.", "2016-02-01")
    assert ("Lebanese", "lebanon", "qualifier") in tags, tags
    assert ("Iran", "iran", "actor") in tags
