"""Unit tests of helpers.fightshapes on sentences built by hand (end-to-end cases are in tests/test_shapes.py)."""

from __future__ import annotations

import pytest
from hand_sentences import sent, statements

from helpers.clauses import Sentence
from helpers.fightshapes import fight


def pairs_of(s: Sentence, reference: frozenset = frozenset()) -> set[tuple[str, str]]:
    return {(s.m[e.b].entity, s.m[e.c].entity) for e in fight(s, reference)}


HEZBOLLAH = ("Hezbollah", "hezbollah", "group")
ASSAD = ("Assad", "syrian_government", "state")


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # a preposition that gives the direction
        ("Hezbollah fought on behalf of Assad in Qusayr.", [HEZBOLLAH, ASSAD], {("hezbollah", "syrian_government")}),
        ("Hezbollah fighters battled for Assad.", [HEZBOLLAH, ASSAD], {("hezbollah", "syrian_government")}),
        # a symmetric preposition: the subject backs the object when no reference edge says otherwise
        ("Hezbollah fought beside Assad's army.", [HEZBOLLAH, ASSAD], {("hezbollah", "syrian_government")}),
        # the subjects of a reciprocal phrase back each other
        (
            "Hezbollah and Assad's troops fought side by side.",
            [HEZBOLLAH, ASSAD],
            {("hezbollah", "syrian_government"), ("syrian_government", "hezbollah")},
        ),
        # joining a party in an action, taking part in an actor's offensive
        (
            "Hezbollah joined Assad in the assault on Zabadani.",
            [HEZBOLLAH, ASSAD],
            {("hezbollah", "syrian_government")},
        ),
        (
            "Hezbollah spearheaded Assad's offensive on Qusayr.",
            [HEZBOLLAH, ASSAD],
            {("hezbollah", "syrian_government")},
        ),
        ("Hezbollah took part in Assad's push on Aleppo.", [HEZBOLLAH, ASSAD], {("hezbollah", "syrian_government")}),
        # a purpose: the clause's subject fights
        (
            "Hezbollah dropped its caution to fight alongside Assad's troops.",
            [HEZBOLLAH, ASSAD],
            {("hezbollah", "syrian_government")},
        ),
        # on "its" side: the last listed fights for the name before it
        (
            "Assad's army and Hezbollah units fighting on its side took Qusayr.",
            [ASSAD, HEZBOLLAH],
            {("hezbollah", "syrian_government")},
        ),
        # after a verb that takes "to", the fighter is that verb's subject, not the sentence's first name
        (
            "Assad said that the militias that keep on rearming and continue to fight alongside Hezbollah are foreign.",
            [ASSAD, HEZBOLLAH],
            set(),
        ),
        # a group noun after "of" between the subject and its verb; a fronted place before a subject whose first
        # verb is not the cue ("dropped ... and fight")
        (
            "Hezbollah units of the elite Radwan force fight alongside Assad's troops.",
            [HEZBOLLAH, ("Assad's troops", "syrian_government", "faction")],
            {("hezbollah", "syrian_government")},
        ),
        (
            "In eastern Qusayr the Hezbollah units dropped their caution and fought alongside Assad's troops.",
            [HEZBOLLAH, ("Assad's troops", "syrian_government", "faction")],
            {("hezbollah", "syrian_government")},
        ),
        # the antecedent of a relative clause whose second verb is the cue; a group after "of" before the relative
        (
            "Qusayr is held by Hezbollah, which lost many men last year and now fights alongside Assad's troops.",
            [HEZBOLLAH, ("Assad's troops", "syrian_government", "faction")],
            {("hezbollah", "syrian_government")},
        ),
        (
            "Hezbollah units of the Radwan force, which lost many men, now fight alongside Assad's troops.",
            [HEZBOLLAH, ("Assad's troops", "syrian_government", "faction")],
            {("hezbollah", "syrian_government")},
        ),
        # joining an armed faction, or defecting to it; a national joining one is no state's backing
        (
            "Hezbollah joined the ranks of Assad's forces.",
            [("Hezbollah", "hezbollah", "faction"), ("Assad's forces", "syrian_government", "faction")],
            {("hezbollah", "syrian_government")},
        ),
        (
            "A British teenager tried to join Hezbollah.",
            [("British", "united_kingdom", "state"), ("Hezbollah", "hezbollah", "faction")],
            set(),
        ),
        # an office after "for", a fight verb without a preposition, a joined call: no backing
        ("Assad will stand for president again, Hezbollah said.", [ASSAD, HEZBOLLAH], set()),
        ("Hezbollah fought Assad's critics.", [HEZBOLLAH, ASSAD], set()),
        # an aside opened by "with": an actor's men acting jointly with the clause's subject
        (
            "Assad's troops, with Hezbollah fighters leading the assault, took Qusayr.",
            [ASSAD, HEZBOLLAH],
            {("hezbollah", "syrian_government")},
        ),
        ("Assad's troops shelled the town, with Hezbollah fighters firing back.", [ASSAD, HEZBOLLAH], set()),
        ("Hezbollah joined Assad's calls for a truce.", [HEZBOLLAH, ASSAD], set()),
    ],
)
def test_fight(grammar, text, spans, expected):
    assert pairs_of(sent(grammar, text, *spans)) == expected


def test_a_reference_edge_orients_a_symmetric_preposition(grammar):
    s = sent(grammar, "Assad's troops fought alongside Hezbollah.", ASSAD, HEZBOLLAH)
    assert pairs_of(s) == {("syrian_government", "hezbollah")}
    assert pairs_of(s, frozenset({("hezbollah", "syrian_government")})) == {("hezbollah", "syrian_government")}


def test_who_does_a_share_of_the_fighting_alongside_backs(grammar):
    s = sent(
        grammar, "Hezbollah units bore the brunt of the fighting in Qusayr alongside Assad's troops.", HEZBOLLAH, ASSAD
    )
    assert pairs_of(s) == {("hezbollah", "syrian_government")}


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Hezbollah, now fighting alongside Assad's troops, lost dozens of men.", [HEZBOLLAH, ASSAD]),
        (
            "Hezbollah, a Lebanese movement fighting alongside Assad's troops, lost dozens of men.",
            [HEZBOLLAH, ("Lebanese", "lebanon", "state", "demonym"), ASSAD],
        ),
        (
            "Iraqi militias, many of them fighting alongside Assad's troops, held the airport.",
            [("Iraqi militias", "iraqi_militias", "faction"), ASSAD],
        ),
    ],
)
def test_a_participle_closing_an_aside_after_a_name_is_that_names_doing(grammar, text, spans):
    got = pairs_of(sent(grammar, text, *spans))
    assert (spans[0][1], "syrian_government") in got, text


def test_those_sent_to_fight_do_the_purpose(grammar):
    text = "Officials said the ties began when Hezbollah units were sent to fight for Assad in Qusayr."
    assert pairs_of(sent(grammar, text, HEZBOLLAH, ASSAD)) == {("hezbollah", "syrian_government")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group's commander or fighters who defect leave it; the group itself that defects fights for its new side
        ("A senior RSF commander in Sennar defected to the army with dozens of his men.", set()),
        ("Hundreds of RSF fighters defected to the army after the fall of Wad Madani.", set()),
        (
            "The Sudan Shield Forces defected to the army in October.",
            {("sudan_shield_forces", "sudanese_armed_forces")},
        ),
    ],
)
def test_defectors_from_a_group_are_not_the_group(text, expected):
    assert {(b, c) for b, c, _kind in statements(text, "2024-11-02", "sudan")} == expected


def test_men_at_their_side_without_a_comma_fight_for_the_subject():
    found = statements("Syrian troops advanced on Palmyra with Hezbollah units at their side.", "2016-03-20")
    assert ("hezbollah", "syrian_government", "fight") in found
    assert statements("Syrian troops advanced on Palmyra with Hezbollah units firing at them.", "2016-03-20") == set()


def test_two_verbs_of_one_fighter_before_for():
    text = "Since 2013 thousands of Hezbollah's men have fought and died for Assad."
    assert ("hezbollah", "syrian_government", "fight") in statements(text, "2016-06-01")


@pytest.mark.parametrize(
    "text",
    [
        "A UN monitoring panel estimates that more than 20,000 foreigners from dozens of states have travelled to "
        "fight for Islamic State.",
        "The Interior Ministry concluded that several hundred young men from Tunisia had left to fight for the Nusra "
        "Front.",
    ],
)
def test_the_speaker_of_an_estimate_does_not_fight(text):
    found = statements(text, "2015-02-01")
    assert not {(b, c) for b, c, kind in found if kind == "fight"}, found


@pytest.mark.parametrize(
    "text, pair",
    [
        ("Nairobi has in practice taken the RSF's side, the army says.", ("kenya", "rapid_support_forces")),
        ("Cairo took the side of the Sudanese army from the first week.", ("egypt", "sudanese_armed_forces")),
        ("Eritrea chose the Sudanese army's side early on.", ("eritrea", "sudanese_armed_forces")),
    ],
)
def test_taking_a_partys_side_backs_it(text, pair):
    assert {(b, c) for b, c, _kind in statements(text, "2024-05-01", "sudan")} == {pair}


@pytest.mark.parametrize(
    "text",
    [
        "Chad insists it has not taken sides in the war between the army and the RSF.",
        "Army units took the RSF's positions north of Omdurman.",
    ],
)
def test_taking_sides_without_a_party_or_taking_positions_backs_no_one(text):
    assert statements(text, "2024-05-01", "sudan") == set()


def test_troops_working_with_an_actor_back_it_but_officials_do_not():
    found = statements("British special forces were operating with the SDF near Deir ez-Zor.", "2018-05-01")
    assert ("united_kingdom", "sdf", "fight") in found
    assert statements("US diplomats are working with Turkey on a roadmap for Manbij.", "2018-05-01") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iranian advisers deployed to Iraq at the invitation of Baghdad in 2014.", {("iran", "iraq")}),
        ("Moscow's warplanes struck Idlib at the behest of the Syrian government.", {("russia", "syrian_government")}),
        # no armed act, or a body's monitors: no side backed
        ("The Security Council convened at the request of Britain.", set()),
        ("The Arab League sent observers at the request of Damascus.", set()),
    ],
)
def test_an_armed_act_at_an_actors_request(text, expected):
    assert {(b, c) for b, c, kind in statements(text, "2016-02-01") if kind == "fight"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian jets flew scores of sorties for the Syrian army around Hama.", {("russia", "syrian_government")}),
        ("Russian bombers carried out bombing runs for Assad's army around Hama.", {("russia", "syrian_government")}),
        # missions flown for an hour or over a place: no party
        ("Israeli jets flew sorties over Lebanon for hours, residents said.", set()),
    ],
)
def test_air_missions_flown_for_a_party_back_it(text, expected):
    assert {(b, c) for b, c, _ in statements(text, "2016-03-01")} == expected


@pytest.mark.parametrize(
    "text",
    ["Moscow came to the rescue of Assad in 2015.", "Assad was rescued by Moscow's intervention in 2015."],
)
def test_coming_to_the_rescue_or_rescuing_backs(text):
    assert ("russia", "syrian_government") in {(b, c) for b, c, _ in statements(text, "2016-03-01")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Turkish tanks crossed the border at dawn alongside Free Syrian Army fighters.",
            {("turkey", "free_syrian_army")},
        ),
        (
            "The Turkish army, together with the Free Syrian Army, launched an offensive on al-Bab.",
            {("turkey", "free_syrian_army")},
        ),
        # refugees crossing beside fighters: no armed party of their own
        ("Refugees crossed the border into Turkey alongside Syrian rebels.", set()),
    ],
)
def test_crossing_or_launching_an_offensive_beside_a_party(text, expected):
    assert {(b, c) for b, c, _ in statements(text, "2017-01-10")} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one's fighters placed under an actor's command, or at its disposal, past the verb's object
        (
            "After the split, the Sudan Liberation Movement placed several thousand of its men under the command"
            " of the Sudanese Armed Forces.",
            {("sudan_liberation_army", "sudanese_armed_forces")},
        ),
        (
            "Days later the Sudan Shield Forces put their fighters under the orders of the Sudanese army.",
            {("sudan_shield_forces", "sudanese_armed_forces")},
        ),
        # a commander of one's own is no other actor
        ("The RSF placed its units under the command of Abdelrahim Dagalo.", set()),
    ],
)
def test_fighters_placed_under_an_actors_command(text, expected):
    assert {(b, c) for b, c, _ in statements(text, "2024-11-10", "sudan")} == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the men of a leader, named by the words after their noun: the leader's group fights
        (
            "Fighters loyal to Khalifa Haftar fought alongside the RSF near the border.",
            {("libyan_national_army", "rapid_support_forces")},
        ),
        (
            "In South Kordofan, fighters loyal to Abdelaziz al-Hilu joined the RSF in an assault on Kadugli.",
            {("splm_n", "rapid_support_forces")},
        ),
        # a state's or group's loyalists are not its men: no fighter named
        ("Militias loyal to Iran fought alongside the Sudanese army.", set()),
    ],
)
def test_the_men_loyal_to_a_leader_fight_for_his_group(text, expected):
    assert {(b, c) for b, c, _ in statements(text, "2025-08-12", "sudan")} == expected, text


def test_since_between_an_auxiliary_and_a_fighting_verb():
    text = "Abdelaziz al-Hilu signed the charter in Nairobi, and his fighters have since fought alongside the RSF."
    assert {(b, c) for b, c, _ in statements(text, "2025-08-12", "sudan")} == {("splm_n", "rapid_support_forces")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a listed actor the record says backs another listed one fights beside the subject, for the same client
        (
            "Hezbollah is fighting the rebels alongside the Syrian army and Russian forces near Palmyra.",
            {("hezbollah", "syrian_government")},
        ),
        (
            "Iraqi militias fought alongside the Syrian army and Russian special forces in Deir ez-Zor.",
            {("iraqi_militias", "syrian_government")},
        ),
    ],
)
def test_a_co_backer_listed_after_a_sideless_word_is_no_client(text, expected):
    found = {(b, c) for b, c, k in statements(text, "2017-09-20") if k == "fight"}
    assert found == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who spearheads another actor's action fights for it, also after the action in the passive
        ("Assad's push on Qusayr, spearheaded by Hezbollah, ended in June.", {("hezbollah", "syrian_government")}),
        (
            "The Syrian army's assault, spearheaded by the Tiger Forces, reached Khanasser.",
            {("tiger_forces", "syrian_government")},
        ),
        # "led by" is leadership, as "the Nusra-led offensive" is
        ("The rebels' offensive led by Jabhat al-Nusra reached Ramouseh.", set()),
    ],
)
def test_the_spearhead_of_an_owned_action_fights_for_its_owner(text, expected):
    found = {(b, c) for b, c, k in statements(text, "2016-08-01") if k == "fight"}
    assert found == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the agent after "by" whose participle fights
        (
            "The town was retaken by Hezbollah fighters battling alongside Syrian government troops.",
            {("hezbollah", "syrian_government", "fight")},
        ),
        (
            "The offensive by Hezbollah fighting beside Syrian government forces stalled.",
            {("hezbollah", "syrian_government", "fight")},
        ),
        # the agent of a backing participle does not fight: the noun it backs does
        ("Fighters armed by Iran fighting alongside the Houthis took the port.", set()),
    ],
)
def test_the_agent_of_a_passive_fights_with_its_participle(text, expected):
    assert {e for e in statements(text, "2016-02-01") if e[2] == "fight"} == expected


def test_a_title_before_a_leaders_name_is_no_office():
    text = "Thousands of Hezbollah fighters have fought for President Bashar al-Assad since 2013."
    assert ("hezbollah", "syrian_government", "fight") in statements(text, "2016-06-01")
    assert statements("The former rebel commander said he would stand for president in 2026.", "2025-06-01") == set()


def test_operations_led_for_a_party_fight_for_it():
    text = "Keikal, who had led operations for the Rapid Support Forces in Gezira, joined the army with his men."
    assert ("sudan_shield_forces", "rapid_support_forces", "fight") in statements(text, "2024-10-21", "sudan")
    assert statements("The US conducted operations for years in eastern Syria.", "2020-01-01") == set()


@pytest.mark.parametrize(
    "text, pair",
    [
        ("Russia has stationed troops alongside the Syrian army.", ("russia", "syrian_government")),
        (
            "He oversaw the advisers Tehran kept beside President Bashar al-Assad's forces.",
            ("iran", "syrian_government"),
        ),
    ],
)
def test_men_stationed_or_kept_beside_a_partys_forces_fight_for_it(text, pair):
    assert (*pair, "fight") in statements(text, "2016-04-02")
    assert statements("The US kept sanctions on Iran alongside its allies.", "2016-04-02") == set()


def test_joining_a_partys_side_and_a_side_of_a_border():
    text = "Disgruntled Kurdish fighters join Syrian regime side near Idlib"
    assert {(b, c) for b, c, _k in statements(text, "2018-01-01")} == {("sdf", "syrian_government")}
    assert statements("In Syria, rebels fought on the Turkish side of the border.", "2018-01-01") == set()


def test_leading_another_actors_offensive_fights_for_it():
    assert ("hezbollah", "syrian_government", "fight") in statements(
        "In Syria, Hezbollah leads the regime's offensive in the south.", "2015-02-12"
    )
    assert statements("Kremlin names a new general to lead Ukraine offensive", "2023-01-12") == set()
    assert statements("Opposition leader calls on UK to join EU efforts on migrants", "2015-09-01") == set()
