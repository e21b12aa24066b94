"""Unit tests of helpers.transfershapes on sentences built by hand (end-to-end cases are in tests/test_shapes.py)."""

from __future__ import annotations

import pytest
from hand_sentences import sent, statements

from helpers.clauses import Sentence
from helpers.transfershapes import transfer


def pairs_of(s: Sentence) -> set[tuple[str, str]]:
    return {(s.m[e.b].entity, s.m[e.c].entity) for e in transfer(s)}


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        (
            "Russia delivered S-300 missiles to the Syrian army.",
            [("Russia", "russia", "state"), ("Syrian army", "syrian_government", "state")],
            {("russia", "syrian_government")},
        ),
        (  # the group recruited into fights for the actor named after its purpose
            "The Guards' Quds Force recruited Afghans into the Fatemiyoun Division to fight alongside Assad's forces.",
            [
                ("Quds Force", "irgc", "faction"),
                ("Fatemiyoun Division", "fatemiyoun", "faction"),
                ("Assad", "syrian_government", "state", "leader"),
            ],
            {("irgc", "fatemiyoun"), ("fatemiyoun", "syrian_government")},
        ),
        (  # two material words before the arrival ("arms shipment")
            "Israel struck an Iranian arms shipment bound for Hezbollah.",
            [
                ("Israel", "israel", "state"),
                ("Iranian", "iran", "state", "demonym"),
                ("Hezbollah", "hezbollah", "faction"),
            ],
            {("iran", "hezbollah")},
        ),
        (  # extending a sum to a client right after the verb
            "Iran has extended Assad billions of dollars in credit.",
            [("Iran", "iran", "state"), ("Assad", "syrian_government", "state", "leader")],
            {("iran", "syrian_government")},
        ),
        (
            "The US provided the SDF with anti-tank weapons.",
            [("US", "united_states", "state"), ("SDF", "sdf", "faction")],
            {("united_states", "sdf")},
        ),
        (
            "Weapons re-exported by the UAE turned up in the hands of the RSF.",
            [("UAE", "united_arab_emirates", "state"), ("RSF", "rapid_support_forces", "faction")],
            {("united_arab_emirates", "rapid_support_forces")},
        ),
        (
            "Qatar moved to funnel weapons to Ahrar al-Sham.",
            [("Qatar", "qatar", "state"), ("Ahrar al-Sham", "ahrar_al_sham", "faction")],
            {("qatar", "ahrar_al_sham")},
        ),
        # a verb of beginning or continuing before the gerund: the subject carries over
        (
            "Washington will begin shipping rifles and armoured vehicles to the SDF.",
            [("Washington", "united_states", "state"), ("SDF", "sdf", "faction")],
            {("united_states", "sdf")},
        ),
        # a measure of vehicles before "of" and the material
        (
            "Washington sent dozens of trucks of military equipment to the SDF in Hasakah.",
            [("Washington", "united_states", "state"), ("SDF", "sdf", "faction")],
            {("united_states", "sdf")},
        ),
        # a material passively given, its giver after "by" past a place
        (
            "Missiles were flown to the RSF from bases in Libya by the Wagner Group.",
            [("RSF", "rapid_support_forces", "faction"), ("Wagner Group", "wagner", "faction")],
            {("wagner", "rapid_support_forces")},
        ),
        # a material or support noun before a relative left without its pronoun: the subject gives it
        (
            "Analysts doubt the backing Tehran has given to the Houthis will last.",
            [("Tehran", "iran", "state"), ("Houthis", "houthis", "faction")],
            {("iran", "houthis")},
        ),
        (
            "The rifles Washington shipped to the SDF turned up in Afrin.",
            [("Washington", "united_states", "state"), ("SDF", "sdf", "faction")],
            {("united_states", "sdf")},
        ),
        (
            "The humanitarian aid Ankara sent to the SDF areas was blocked.",
            [("Ankara", "turkey", "state"), ("SDF", "sdf", "faction")],
            set(),
        ),
        # an aircraft named by its model after the actor's name
        (
            "US military C-17s flew weapons and ammunition to the SDF overnight.",
            [("US", "united_states", "state"), ("SDF", "sdf", "faction")],
            {("united_states", "sdf")},
        ),
        # humanitarian aid is no backing
        (
            "Turkey sent humanitarian aid to the SDF.",
            [("Turkey", "turkey", "state"), ("SDF", "sdf", "faction")],
            set(),
        ),
    ],
)
def test_transfer(grammar, text, spans, expected):
    assert pairs_of(sent(grammar, text, *spans)) == expected


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        # the accused's act, not the accuser's: "of letting weapons reach" after a passive "accused by"
        (
            "Chad was accused by Sudan's army of letting weapons reach the RSF.",
            [
                ("Chad", "chad", "state"),
                ("Sudan's army", "sudanese_armed_forces", "faction"),
                ("RSF", "rsf", "faction"),
            ],
            {("chad", "rsf")},
        ),
        # the owner of a material stands right before it, never across a preposition
        (
            "Emirati weapons have reached the RSF.",
            [("Emirati", "united_arab_emirates", "state"), ("RSF", "rsf", "faction")],
            {("united_arab_emirates", "rsf")},
        ),
        (
            "Fighting in Chad over weapons reached the RSF camps.",
            [("Chad", "chad", "state"), ("RSF", "rsf", "faction")],
            set(),
        ),
    ],
)
def test_the_owner_of_what_reaches_a_client(grammar, text, spans, expected):
    assert pairs_of(sent(grammar, text, *spans)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a material for an actor let through: the accused lets it
        ("Khartoum accused Chad of letting fuel for the RSF cross its border.", {("chad", "rsf")}),
        ("Chad has allowed rockets meant for the RSF through Amdjarass.", {("chad", "rsf")}),
        # aid for people is no backing
        ("Chad has allowed humanitarian supplies for the RSF areas to enter.", set()),
    ],
)
def test_a_material_for_an_actor_let_through(grammar, text, expected):
    spans = [("Chad", "chad", "state"), ("RSF", "rsf", "faction")]
    if text.startswith("Khartoum"):
        spans = [("Khartoum", "sudanese_government", "state"), *spans]
    assert pairs_of(sent(grammar, text, *spans)) == expected


def test_a_material_given_by_one_actor_that_then_reached_another(grammar):
    s = sent(
        grammar,
        "Serbian shells were sold by the UAE and later ended up in the hands of the RSF.",
        ("UAE", "united_arab_emirates", "state"),
        ("RSF", "rsf", "faction"),
    )
    assert pairs_of(s) == {("united_arab_emirates", "rsf")}


def test_a_time_between_the_accused_and_its_act(grammar):
    s = sent(
        grammar,
        "Khartoum accused Chad last week of letting arms reach the RSF.",
        ("Khartoum", "sudanese_government", "state"),
        ("Chad", "chad", "state"),
        ("RSF", "rsf", "faction"),
    )
    assert pairs_of(s) == {("chad", "rsf")}


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("Iraq denied letting Iranian arms reach Hezbollah across its territory.", [("Iraq", "iraq", "state")]),
        ("Iraq has allowed weapons to reach Hezbollah through its airspace.", [("Iraq", "iraq", "state")]),
        ("Israel accuses Iraq of letting rockets and fighters cross to Hezbollah.", [("Iraq", "iraq", "state")]),
    ],
)
def test_who_lets_a_material_through_backs_its_receiver(grammar, text, spans):
    s = sent(grammar, text, *spans, ("Hezbollah", "hezbollah", "group"))
    assert ("iraq", "hezbollah") in pairs_of(s), text


def test_a_giving_verbs_second_object_after_the_clients_own_men():
    found = statements("Coalition jets gave the SDF fighters close air support outside Manbij.", "2016-07-01")
    assert ("us_led_coalition", "sdf", "transfer") in found or ("united_states", "sdf", "transfer") in found
    # the men of a leader or a group after its possessive
    found = statements(
        "Investigators say Abu Dhabi kept giving Hemedti's fighters drones through Chad.", "2024-06-01", "sudan"
    )
    assert ("united_arab_emirates", "rapid_support_forces", "transfer") in found
    # an advantage given as the second object, by a state's material or by the state
    found = statements(
        "Iranian Mohajer-6 drones have given the Sudanese army an edge near Omdurman.", "2024-02-01", "sudan"
    )
    assert ("iran", "sudanese_armed_forces", "transfer") in found
    assert ("russia", "syrian_government", "transfer") in statements(
        "Moscow handed Assad a lifeline in 2015.", "2016-02-01"
    )
    # a thing that is no actor's gives nothing
    assert not statements("The court ruling gave the RSF an edge in the talks.", "2024-02-01", "sudan")
    # the client's men alone are no second object ("sent Wagner contractors")
    assert not {e for e in statements("Moscow sent the Wagner contractors home.", "2023-07-01") if e[2] == "transfer"}


@pytest.mark.parametrize(
    ("text", "pack", "date", "expected"),
    [
        (
            "Cairo sent drones to the army and to the Rapid Support Forces, a UN panel found.",
            "sudan",
            "2024-03-01",
            {("egypt", "sudanese_armed_forces"), ("egypt", "rapid_support_forces")},
        ),
        (
            "Officials said Moscow shipped fuel and rockets to Damascus or to Hezbollah every month.",
            None,
            "2016-03-01",
            {("russia", "syrian_government"), ("russia", "hezbollah")},
        ),
    ],
)
def test_each_receiver_of_a_list_that_repeats_its_preposition(text, pack, date, expected):
    found = {(b, c) for b, c, _kind in statements(text, date, pack)}
    assert expected <= found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Justice and Equality Movement contributed 3,000 fighters to the army's offensive.",
            ("justice_and_equality_movement", "sudanese_armed_forces"),
        ),
        ("Tehran committed several thousand troops to the Syrian government's war.", ("iran", "syrian_government")),
    ],
)
def test_contributing_or_committing_men_to_an_actors_war(text, expected):
    date = "2024-06-01" if "army" in text else "2016-06-01"
    found = {(b, c) for b, c, _kind in statements(text, date, "sudan" if "army" in text else None)}
    assert expected in found, found


def test_contributing_to_talks_backs_no_one():
    assert not statements("Moscow contributed to the talks on Syria's future in Astana.", "2017-05-01")


def test_selling_a_client_weapons_names_it_right_after_the_verb():
    found = statements("Ankara sold the Sudanese army Akinci drones last year.", "2024-09-01", "sudan")
    assert ("turkey", "sudanese_armed_forces") in {(b, c) for b, c, _ in found}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a gerund of a two-object verb after an accusation: the receiver, then what is given
        (
            "Hemedti accused Egypt of handing the Sudanese army drones and training.",
            {("egypt", "sudanese_armed_forces")},
        ),
        (
            "The RSF accused Cairo of bombing its fighters and of sending the Sudanese army warplanes.",
            {("egypt", "sudanese_armed_forces")},
        ),
        # a message is nothing given
        ("Officials accused Egypt of sending the Sudanese army a message.", set()),
    ],
)
def test_a_gerund_of_a_two_object_verb(text, expected):
    assert {(b, c) for b, c, _ in statements(text, "2024-10-11", "sudan")} == expected, text


@pytest.mark.parametrize(
    "text",
    [
        "Haftar has flown at least one planeload of ammunition to the Rapid Support Forces.",
        "Haftar sent at most one truckload of rifles to the Rapid Support Forces before the border closed.",
    ],
)
def test_a_counted_load_of_a_material(text):
    assert ("libyan_national_army", "rapid_support_forces") in {
        (b, c) for b, c, _ in statements(text, date="2023-06-01", pack="sudan")
    }, text


def test_a_supply_route_given_is_a_material():
    text = "Officials said Chad gave the RSF a supply route through its eastern desert."
    assert ("chad", "rapid_support_forces") in {(b, c) for b, c, _ in statements(text, "2024-06-01", "sudan")}


def test_escorting_a_material_to_an_actor():
    text = "The panel accused Haftar's forces of escorting fuel convoys to the RSF."
    assert ("libyan_national_army", "rapid_support_forces") in {
        (b, c) for b, c, _ in statements(text, "2024-06-01", "sudan")
    }


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        ("Iran has extended a $1 billion credit line to the Syrian government.", ("iran", "syrian_government")),
        ("Moscow granted a $500 million loan to the Syrian government last year.", ("russia", "syrian_government")),
    ],
)
def test_a_sum_of_credit_or_oil_to_a_state_backs_it(text, edge):
    assert edge in {(b, c) for b, c, _ in statements(text)}, text


def test_a_sum_of_aid_alone_to_a_state_backs_no_one():
    assert not statements("The European Union pledged $3 billion in aid to Turkey for refugees.")


@pytest.mark.parametrize(
    ("text", "backers", "client"),
    [
        (
            "Russian and Iranian weapons have reached the Syrian army via Hmeimim.",
            {"russia", "iran"},
            "syrian_government",
        ),
        (
            "Turkish and Qatari arms flowed to the Free Syrian Army in the north.",
            {"turkey", "qatar"},
            "free_syrian_army",
        ),
    ],
)
def test_every_owner_listed_before_a_material_that_reaches_an_actor_backs_it(text, backers, client):
    assert {(b, client) for b in backers} <= {(b, c) for b, c, _ in statements(text)}, text


def test_a_material_carried_to_an_actor_backs_it_but_carrying_out_moves_nothing():
    found = {
        (b, c)
        for b, c, _ in statements("Emirati cargo planes landed in Chad, carrying weapons for the RSF.", pack="sudan")
    }
    assert ("united_arab_emirates", "rapid_support_forces") in found, found
    text = "The army said it had carried out a strike that hit supplies belonging to Hezbollah."
    assert not {(b, c) for b, c, _ in statements(text) if c == "hezbollah"}, text


@pytest.mark.parametrize(
    "text",
    [
        "The RSF was given weapons by the UAE, investigators said.",
        "The RSF has been sent drones and ammunition by the UAE.",
        "The Rapid Support Forces have been flown weapons from the UAE via Chad.",
    ],
)
def test_a_client_passively_given_a_material_is_backed_by_its_giver(text):
    assert ("united_arab_emirates", "rapid_support_forces") in {(b, c) for b, c, _ in statements(text, pack="sudan")}


def test_a_client_passively_given_aid_is_backed_by_no_one():
    assert not statements("The Sudanese army was given humanitarian supplies by Egypt.", pack="sudan")


def test_paying_for_weapons_that_reach_a_party():
    text = "In Syria, Qatar and Saudi Arabia are paying for weapons that reach rebel brigades across the border."
    assert {(b, c) for b, c, _k in statements(text, "2012-11-20")} == {
        ("qatar", "syrian_opposition"),
        ("saudi_arabia", "syrian_opposition"),
    }
    assert statements("In Syria, news that reached the rebels angered Qatar.", "2012-11-20") == set()
