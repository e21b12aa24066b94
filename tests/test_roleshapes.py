"""Unit tests of helpers.roleshapes: role nouns (backer, patron, proxy) as backing statements."""

from __future__ import annotations

import pandas as pd
import pytest
from hand_sentences import statements as dated_statements

import helpers as h


def statements(text: str) -> set[tuple[str, str, str]]:
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2019-06-01"], utc=True)})
    s = h.extract_support(c, h.tag_mentions(c))
    return set(zip(s.backer.astype(str), s.client.astype(str), s.cue_kind.astype(str)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Assad's main backers, Russia and Iran, met in Sochi.",
            {("russia", "syrian_government"), ("iran", "syrian_government")},
        ),
        ("Iran, the main backer of Hezbollah, denied the report.", {("iran", "hezbollah")}),
        ("Hezbollah, a proxy of Iran, sent fighters.", {("iran", "hezbollah")}),
        ("Russia is Assad's key backer.", {("russia", "syrian_government")}),
        ("Assad thanked his Iranian patrons.", {("iran", "syrian_government")}),
        ("Iran, once Hezbollah's only patron, now shares it.", {("iran", "hezbollah")}),
        # a copula's stand-in, two adjectives before the noun, and a list the proxies include
        ("Syrian rebels are widely seen as Turkish proxies.", {("turkey", "syrian_opposition")}),
        ("Hezbollah is Iran's most powerful proxy.", {("iran", "hezbollah")}),
        (
            "Iran's proxies in Syria include Hezbollah and Iraqi militias.",
            {("iran", "hezbollah"), ("iran", "iraqi_militias")},
        ),
        ("Russia is widely regarded as Assad's most important backer.", {("russia", "syrian_government")}),
        ("Among Assad's most loyal patrons is Iran.", {("iran", "syrian_government")}),
        ("Tehran has emerged as one of Assad's quieter backers.", {("iran", "syrian_government")}),
        # "whose" owning the role noun; "his" beside a name, the leader named before
        (
            "Rebels routed a Syrian army whose Russian and Iranian patrons looked away.",
            {("russia", "syrian_government"), ("iran", "syrian_government")},
        ),
        ("Assad's rule ended as Moscow, his main backer, offered him asylum.", {("russia", "syrian_government")}),
        # the list after a verb ("include", "are"), an aside before its last item
        (
            "Assad's backers include Russia, Hezbollah and, to a lesser degree, Iraqi militias.",
            {
                ("russia", "syrian_government"),
                ("hezbollah", "syrian_government"),
                ("iraqi_militias", "syrian_government"),
            },
        ),
        ("Hezbollah, itself a long-standing Iranian proxy, sent fighters.", {("iran", "hezbollah")}),
        # a possessive standing for the agent of a passive when the clause's subject is no actor
        ("The rockets were fired by Hezbollah with launchers from its Iranian patrons.", {("iran", "hezbollah")}),
        # "among" before the owner of the role noun
        ("Tehran was among Assad's most generous patrons.", {("iran", "syrian_government")}),
    ],
)
def test_role_nouns_give_role_statements(text, expected):
    got = statements(text)
    assert {(b, c) for b, c, kind in got if kind == "role"} == expected, text


def test_an_ally_is_not_a_backer():
    assert statements("Ankara is an ally of Moscow.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a backer noun ending at a colon: every actor listed after it backs the clause's subject
        (
            "Assad's war effort rests on a crowded bench of patrons: Russian jets, Iranian advisers and Hezbollah.",
            {("russia", "syrian_government"), ("iran", "syrian_government"), ("hezbollah", "syrian_government")},
        ),
        # clauses after the colon; a place after a preposition and a clause after "where" are not patrons
        (
            "The SDF has patrons of its own: the United States pays salaries, France sends advisers to camps in Iraq.",
            {("united_states", "sdf"), ("france", "sdf")},
        ),
        (
            "Assad has two patrons: Russia and Iran, at every summit where Turkey objects.",
            {
                ("russia", "syrian_government"),
                ("iran", "syrian_government"),
            },
        ),
    ],
)
def test_a_backer_noun_before_a_colon_lists_the_backers(text, expected):
    got = statements(text)
    assert {(b, c) for b, c, kind in got if kind == "role"} == expected, text


def test_a_states_militias_in_a_colon_list_are_the_militias_not_the_state():
    got = statements("Three forces rescued Bashar al-Assad: Hezbollah, Iraq's Shia militias and Russian air power.")
    assert ("iraq", "syrian_government") not in {(b, c) for b, c, _ in got}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the client as the role noun's modifier after an article: the name before the apposition or copula holds it
        ("Russia, a staunch Assad backer, vetoed the resolution.", {("russia", "syrian_government", "role")}),
        ("Iran is the main Hezbollah patron.", {("iran", "hezbollah", "role")}),
        # a demonym there is the holder's nation, not a client
        ("Qasem Soleimani, a key Iranian backer, visited Moscow.", set()),
    ],
)
def test_a_client_written_as_the_modifier_of_the_role(text, expected):
    assert statements(text) == expected, text


def test_the_role_of_a_new_government():
    text = "Turkey has emerged as the new Syrian government's main military backer."
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2025-06-01"], utc=True)})
    s = h.extract_support(c, h.tag_mentions(c))
    assert set(zip(s.backer.astype(str), s.client.astype(str))) == {("turkey", "syrian_transitional_government")}


def test_a_clause_after_the_proxy_noun_names_no_client():
    text = "The RSF is Abu Dhabi's proxy, Sudanese officials say."
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2024-06-01"], utc=True)})
    s = h.extract_support(c, h.tag_mentions(c, gazetteer=["sudan"]))
    assert set(zip(s.backer.astype(str), s.client.astype(str))) == {("united_arab_emirates", "rapid_support_forces")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what the supplier supplies may stand between the role noun and its receiver
        ("Iran became the main supplier of drones to Hezbollah.", {("iran", "hezbollah", "role")}),
        ("Qatar, a supplier of arms and cash to the YPG, denied it.", {("qatar", "ypg", "role")}),
        ("Turkey is a weapons provider for the YPG's rivals in Afrin.", set()),
        ("Iran was the chief arms provider to Hezbollah.", {("iran", "hezbollah", "role")}),
    ],
)
def test_a_supplier_of_a_material_to_its_receiver(text, expected):
    assert statements(text) == expected, text


def test_an_adverb_between_the_copula_and_the_role():
    assert statements("Iran is now Hezbollah's chief military patron.") == {("iran", "hezbollah", "role")}
    assert statements("Iran is still Hezbollah's main sponsor.") == {("iran", "hezbollah", "role")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia shielded its client, the Assad government, at the Security Council.", ("russia", "syrian_government")),
        ("Washington accused Moscow of shielding its client in Damascus.", ("russia", "syrian_government")),
        ("Tehran has used its proxies in Syria, including Hezbollah, to move rockets.", ("iran", "hezbollah")),
        ("Putin has stood by his client in Damascus for years.", ("russia", "syrian_government")),
    ],
)
def test_a_client_noun_a_pronoun_owns_names_its_client_after_it(text, expected):
    got = {(b, c) for b, c, _ in statements(text)}
    assert expected in got and not {e for e in got if e[0] == "united_states"}, text


@pytest.mark.parametrize(
    "text",
    [
        "Assad's backers, above all Russia, rushed in troops.",
        "Assad's backers, chief among them Russia, rushed in troops.",
        "Assad's backers, foremost among them Russia, rushed in troops.",
    ],
)
def test_a_role_nouns_holder_after_a_ranking_phrase(text):
    assert ("russia", "syrian_government", "role") in statements(text), text


def test_an_owner_of_described_proxies_backs_them():
    assert ("turkey", "syrian_national_army", "role") in statements("Erdogan's Syrian proxies stormed Tal Abyad.")


def test_a_verb_after_the_role_noun_has_no_client_in_apposition():
    assert statements("Iran's proxies in Iraq attacked US bases at Erbil.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state's advisers written as the group's own
        ("The town was retaken by the SDF and their American advisers.", {("united_states", "sdf", "role")}),
        ("Hezbollah's Iranian trainers were killed near Quneitra.", {("iran", "hezbollah", "role")}),
        # advisers with no state before them, or a state's own: no backing
        ("The SDF and American advisers met in Hasakah.", set()),
        ("Russian advisers met Iranian diplomats in Damascus.", set()),
    ],
)
def test_a_states_advisers_owned_by_a_group_back_it(text, expected):
    assert dated_statements(text, "2018-03-01") == expected


def test_an_accused_holds_the_role_after_of_being():
    text = "Port Sudan accused Abu Dhabi of being the chief arms supplier of the RSF."
    found = dated_statements(text, "2024-07-01", "sudan")
    assert ("united_arab_emirates", "rapid_support_forces", "role") in found


@pytest.mark.parametrize(
    "text",
    [
        "Tehran said Washington should answer for the raid as Israel's chief patron.",
        "Washington, as Israel's chief patron, faces hard questions over the raid.",
        "Washington has made itself Israel's chief patron.",
        "Washington has established itself as the chief patron of Israel.",
    ],
)
def test_the_subject_holds_a_role_given_by_as_or_a_reflexive_verb(text):
    assert ("united_states", "israel", "role") in dated_statements(text, "2024-04-03")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Egypt, which received Burhan in Cairo last week, is the Sudanese army's closest backer.", ("egypt",)),
        (
            "Tehran, which restored ties with Port Sudan in October, has made itself the Sudanese army's main patron.",
            ("iran",),
        ),
    ],
)
def test_a_role_after_a_relative_clause_that_names_an_actor_of_its_own(text, expected):
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2024-06-01"], utc=True)})
    s = h.extract_support(c, h.tag_mentions(c, gazetteer=["sudan"]))
    assert set(zip(s.backer.astype(str), s.client.astype(str))) == {(expected[0], "sudanese_armed_forces")}, text


def test_another_of_an_actors_backers():
    text = "By then Eritrea had become another of the Sudanese army's backers."
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2025-02-18"], utc=True)})
    s = h.extract_support(c, h.tag_mentions(c, gazetteer=["sudan"]))
    assert set(zip(s.backer.astype(str), s.client.astype(str), s.cue_kind.astype(str))) == {
        ("eritrea", "sudanese_armed_forces", "role")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a holder's "along with" aside holds the role too
        (
            "Russia, along with Tehran, remained the chief military backer of the Assad government.",
            {("russia", "syrian_government"), ("iran", "syrian_government")},
        ),
        # the clause's subject, when the role's holder follows "alongside" or "together with"
        (
            "Qatar, which had hosted the opposition's envoys, emerged together with Turkey as the main sponsor of "
            "the new Syrian authorities.",
            {("qatar", "syrian_transitional_government"), ("turkey", "syrian_transitional_government")},
        ),
        # not when the holder is set off by a comma: the apposition names it alone
        ("Hezbollah fought alongside Iran, the main backer of Assad.", {("iran", "syrian_government")}),
    ],
)
def test_the_partners_of_a_role_holder_hold_it_too(text, expected):
    got = {(b, c) for b, c, k in dated_statements(text, date="2025-06-01") if k == "role"}
    assert got == expected, text


def test_a_source_of_firepower_after_an_adverb_of_time():
    text = "Diplomats say Tehran has since become a discreet source of firepower for Burhan's army."
    assert ("iran", "sudanese_armed_forces") in {(b, c) for b, c, _ in dated_statements(text, "2024-02-01", "sudan")}


def test_a_role_after_a_relative_clause_that_names_another_actor():
    text = (
        "Beijing stayed quiet. Tehran, which restored ties with the Security Council's blessing in mind, has become "
        "one of the closest military backers of Sudan's army, while Abu Dhabi is accused of arming the RSF."
    )
    assert ("iran", "sudanese_armed_forces") in {(b, c) for b, c, _ in dated_statements(text, "2024-06-01", "sudan")}


def test_a_possessive_role_after_a_second_verb_phrase_of_the_subject():
    text = "Ankara armed the Syrian National Army for years and is now the interim government's chief sponsor."
    assert ("turkey", "syrian_transitional_government") in {
        (b, c) for b, c, k in dated_statements(text, "2024-12-20") if k == "role"
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb between the name and the role's noun phrase: the name is the verb's subject, not the role's holder
        ("Israeli jets bombed the main arms supplier of Hezbollah near Qusayr.", set()),
        ("Washington sanctioned a key financier of Hezbollah on Tuesday.", set()),
        # an apposition whose comma a scraper dropped, and a ranking phrase, still hold the role
        ("Iran the main backer of Hezbollah said no.", {("iran", "hezbollah")}),
        ("Iran one of the main backers of Hezbollah said no.", {("iran", "hezbollah")}),
    ],
)
def test_a_verb_before_the_role_noun_phrase_makes_no_holder(text, expected):
    assert {(b, c) for b, c, k in statements(text) if k == "role"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a route its land or airports make: a role, after a copula or after what the name owns is made into it
        ("Chad has become a supply line for the RSF.", {("chad", "rapid_support_forces")}),
        (
            "Port Sudan says Chad has turned its airports into a supply line for the RSF.",
            {("chad", "rapid_support_forces")},
        ),
        ("Darfur rebels say Chad became a conduit for weapons to the RSF.", {("chad", "rapid_support_forces")}),
        # two words before the role noun with no article and no copula: a verb, not an apposition
        ("Sudanese army drones hit key supply routes for the RSF.", set()),
    ],
)
def test_a_supply_route_is_a_role_its_maker_holds(text, expected):
    assert {(b, c) for b, c, k in dated_statements(text, "2024-06-01", "sudan") if k == "role"} == expected


def test_names_a_counting_verb_places_among_the_subjects_backers():
    text = "The Sudanese army, which counts Egypt and Turkey among its foreign backers, rejected the Jeddah talks."
    got = {(b, c) for b, c, k in dated_statements(text, "2024-06-01", "sudan") if k == "role"}
    assert got == {("egypt", "sudanese_armed_forces"), ("turkey", "sudanese_armed_forces")}


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        (
            "Jaish al-Islam, the strongest rebel group near Damascus and long a recipient of Saudi funding, held on.",
            ("saudi_arabia", "jaysh_al_islam"),
        ),
        ("The SDF is the main beneficiary of US arms in the north.", ("united_states", "sdf")),
        ("The SDF, the main recipient of American weapons and training, took Raqqa.", ("united_states", "sdf")),
    ],
)
def test_a_recipient_of_a_backers_support_is_its_client(text, edge):
    assert edge in {(b, c) for b, c, _ in statements(text)}, text


def test_a_recipient_of_humanitarian_aid_is_no_client():
    text = "Jordan, a major recipient of US humanitarian aid, hosts a million refugees."
    assert not {(b, c) for b, c, _ in statements(text) if b == "united_states"}, text


def test_a_described_client_after_and_its_is_its_owners():
    found = {(b, c) for b, c, _ in statements("Turkey and its Syrian proxies attacked the SDF near Manbij.")}
    assert ("turkey", "syrian_national_army") in found, found


@pytest.mark.parametrize(
    "text, pack, date, expected",
    [
        (
            "In Sudan's war, Iran has become one of the army's main suppliers of drones.",
            "sudan",
            "2024-06-01",
            {("iran", "sudanese_armed_forces")},
        ),
        ("In Syria, Iran is among Assad's main backers.", None, "2016-06-01", {("iran", "syrian_government")}),
    ],
)
def test_one_of_the_holders_of_a_role(text, pack, date, expected):
    assert {(b, c) for b, c, _k in dated_statements(text, date, pack)} == expected
