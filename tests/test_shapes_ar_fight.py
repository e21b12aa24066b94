"""Unit tests of helpers.shapes_ar_fight: an Arabic fighter beside an actor backs it (end to end, the fight shape's
edges only)."""

from __future__ import annotations

import pandas as pd
import pytest
from hand_sentences import statements

import helpers as h


def fight_edges(text: str, gazetteer: str | None = "sudan") -> set[tuple[str, str]]:
    c = pd.DataFrame(
        {
            "doc_id": ["d"],
            "title": [""],
            "text": [text],
            "date": pd.to_datetime(["2024-10-01"], utc=True),
            "source": ["s"],
        }
    )
    e = h.extract_support(c, h.tag_mentions(c, gazetteer=gazetteer))
    e = e[e["cue_kind"].astype(str) == "fight"]
    return set(zip(e.backer.astype(str), e.client.astype(str)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fighting verb, then "beside" and the client
        ("تقاتل القوة المشتركة إلى جانب الجيش في الفاشر.", {("darfur_joint_force", "sudanese_armed_forces")}),
        # "beside him" after a relative clause: the actor joined by و, or the sentence's first other actor
        (
            "صمد الجيش والقوة المشتركة التي قاتلت إلى جانبه في الفاشر.",
            {("darfur_joint_force", "sudanese_armed_forces")},
        ),
        (
            "يعتمد الجيش على القوة المشتركة لحركات دارفور، التي تقاتل إلى جانبه منذ عام.",
            {("darfur_joint_force", "sudanese_armed_forces")},
        ),
        # the accused fights, not the accuser
        (
            "اتهم الجيش قوات حفتر بالقتال إلى جانب الدعم السريع.",
            {("libyan_national_army", "rapid_support_forces")},
        ),
        # joining the ranks of an armed actor
        ("أعلن كيكل انضمام قوات درع السودان إلى صفوف الجيش.", {("sudan_shield_forces", "sudanese_armed_forces")}),
        # a fighting verb and "in it" before "beside it": the fighters named after, beside the clause's subject
        (
            "استعاد الجيش مدينة ود مدني من الدعم السريع بعد معارك شاركت فيها إلى جانبه القوة المشتركة.",
            {("darfur_joint_force", "sudanese_armed_forces")},
        ),
        # siding with one's forces into the ranks of an actor
        (
            "قال الجيش إن قوات درع السودان انحازت بكل عناصرها إلى صف القوات المسلحة.",
            {("sudan_shield_forces", "sudanese_armed_forces")},
        ),
        # the name right after the verbal noun joins, not the one who announces it
        (
            "أعلن الجيش انضمام قائد قوات درع السودان إلى صفوفه في الجزيرة.",
            {("sudan_shield_forces", "sudanese_armed_forces")},
        ),
        # "in the ranks of" is no pronoun form: the name after it is the client
        ("يقاتل مرتزقة في صفوف الدعم السريع، بحسب الجيش.", set()),
        # a relative clause set off by commas before the beside phrase: its own actor does not fight
        (
            "تقاتل حركة تحرير السودان، التي يقودها مني أركو مناوي منذ سنوات، إلى جانب القوات المسلحة في الفاشر.",
            {("sudan_liberation_army", "sudanese_armed_forces")},
        ),
        (
            "تقاتل القوة المشتركة، التي تمولها حركة العدل والمساواة، إلى جانب الجيش في دارفور.",
            {("darfur_joint_force", "sudanese_armed_forces")},
        ),
    ],
)
def test_fighting_beside(text, expected):
    assert fight_edges(text) == expected, text


def test_standing_beside_is_backing_without_troops():
    c = pd.DataFrame(
        {
            "doc_id": ["d"],
            "title": [""],
            "text": ["وقفت مصر إلى جانب الجيش السوداني منذ بداية الحرب."],
            "date": pd.to_datetime(["2024-10-01"], utc=True),
            "source": ["s"],
        }
    )
    e = h.extract_support(c, h.tag_mentions(c, gazetteer="sudan"))
    assert e[["backer", "client", "support_type"]].astype(str).values.tolist() == [
        ["egypt", "sudanese_armed_forces", "unspecified"]
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an armed group joining an armed faction fights for it (its subject after the verb, or the announcer of
        # "his joining" after a defection from another)
        (
            "انضمت كتيبة البراء بن مالك إلى الجيش في معارك الخرطوم.",
            {("al_baraa_bin_malik_brigade", "sudanese_armed_forces")},
        ),
        (
            "أعلن قائد قوات درع السودان انشقاقه عن قوات الدعم السريع وانضمامه مع مقاتليه إلى الجيش.",
            {("sudan_shield_forces", "sudanese_armed_forces")},
        ),
        # joining a state or an alliance is no backing
        ("انضم السودان إلى الاتحاد الأفريقي مجددا.", set()),
    ],
)
def test_joining_an_armed_faction(text, expected):
    assert fight_edges(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "him" after و with the preposition said again: the actor just before the fighter
        (
            "ألحقت قوات الدعم السريع خسائر بالجيش وبالقوة المشتركة التي تقاتل إلى جانبه في بابنوسة.",
            {("darfur_joint_force", "sudanese_armed_forces")},
        ),
        # the beside-phrase set off by commas after the subject, the one beside is a unit of a force
        (
            "تقاتل القوة المشتركة لحركات دارفور، جنبا إلى جنب مع اللواء الأول التابع للجيش، في محيط الفاشر.",
            {("darfur_joint_force", "sudanese_armed_forces")},
        ),
    ],
)
def test_beside_whom(text, expected):
    assert fight_edges(text) == expected, text


def test_standing_beside_is_his_countrys():
    # "renewing his country's standing beside the army": the state of the visitor named before
    text = "استقبل الرئيس المصري البرهان في القاهرة، مؤكدا وقوف بلاده إلى جانب الجيش السوداني."
    assert fight_edges(text) == {("egypt", "sudanese_armed_forces")}


@pytest.mark.parametrize(
    "text",
    [
        "قاتلت القوة المشتركة لحركات الكفاح المسلح إلى جانب الجيش في الفاشر.",
        "تقاتل القوات المشتركة لحركات دارفور إلى جانب الجيش.",
    ],
)
def test_the_joint_force_by_its_arabic_names_fights_beside_the_army(text):
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2024-06-01"], utc=True)})
    e = h.extract_support(c, h.tag_mentions(c, gazetteer=["sudan"]))
    assert set(zip(e.backer.astype(str), e.client.astype(str))) == {("darfur_joint_force", "sudanese_armed_forces")}


def test_the_joiner_of_a_relative_clause_is_the_name_before_its_comma():
    text = "أعلن أبو عاقلة كيكل، الذي انشق عن قوات الدعم السريع وانضم إلى الجيش، أن قواته ستقاتل في سنار."
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2024-10-25"], utc=True)})
    e = h.extract_support(c, h.tag_mentions(c, gazetteer=["sudan"]))
    assert set(zip(e.backer, e.client)) == {("sudan_shield_forces", "sudanese_armed_forces")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "beside him" whose "him" is the first actor of the sentence before
        (
            "أعلن الجيش السوداني استعادة بلدة مليط. وكانت القوة المشتركة قد قاتلت إلى جانبه طوال المعارك.",
            {("darfur_joint_force", "sudanese_armed_forces")},
        ),
        # two actors in its own sentence: the pronoun is read there, not across
        (
            "زار البرهان القاهرة. وكانت القوة المشتركة قد قاتلت مع الدعم السريع ثم إلى جانبه.",
            set(),
        ),
    ],
)
def test_beside_him_named_in_the_sentence_before(text, expected):
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2024-06-01"], utc=True)})
    e = h.extract_support(c, h.tag_mentions(c, gazetteer=["sudan"]))
    found = set(zip(e.backer.astype(str), e.client.astype(str)))
    assert found >= expected
    if not expected:
        assert ("darfur_joint_force", "sudanese_armed_forces") not in found


@pytest.mark.parametrize(
    "text",
    ["وكانت موسكو قد ألقت بثقلها العسكري خلف الأسد منذ عام 2015.", "ألقت روسيا بثقلها خلف النظام السوري."],
)
def test_throwing_ones_weight_behind_an_actor(text):
    assert ("russia", "syrian_government", "fight") in statements(text, "2016-03-01"), text


def test_the_name_before_a_fighting_participle_with_the_article_fights():
    text = "فرضت واشنطن عقوبات على كتيبة البراء بن مالك المقاتلة في صفوف الجيش السوداني."
    found = statements(text, "2025-09-13", "sudan")
    assert ("al_baraa_bin_malik_brigade", "sudanese_armed_forces", "fight") in found, found
    assert not {(b, c) for b, c, _k in found if b == "united_states"}, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # attacking beside a party, whichever comes first
        (
            "اقتحمت ميليشيات حفتر نقاطا للجيش إلى جانب قوات الدعم السريع.",
            {("libyan_national_army", "rapid_support_forces")},
        ),
        ("قوات حفتر تهاجم مواقع حدودية بجانب الدعم السريع.", {("libyan_national_army", "rapid_support_forces")}),
        ("هاجمت قوات الدعم السريع مواقع الجيش في بابنوسة.", set()),  # attacking alone backs no one
    ],
)
def test_attacking_beside_a_party(text, expected):
    assert fight_edges(text) == expected


def test_fighting_on_a_partys_account():
    assert fight_edges("يقاتل مرتزقة فاغنر لحساب قوات الدعم السريع في دارفور.") == {("wagner", "rapid_support_forces")}
    assert fight_edges("يقاتل آلاف المتطوعين لصالح الجيش في الجزيرة.") == set()  # no named fighter


@pytest.mark.parametrize(
    ("text", "gazetteer", "expected"),
    [
        # a listed subject after the verb, and one before it: the reference edges orient the pair
        ("اقتحمت قوات الأسد ومقاتلو حزب الله بلدة يبرود بعد قصف عنيف.", "syria", {("hezbollah", "syrian_government")}),
        (
            "الجيش والقوة المشتركة صدوا هجوما جديدا على الفاشر.",
            "sudan",
            {("darfur_joint_force", "sudanese_armed_forces")},
        ),
        # enemies listed together know no direction; a subject and its object are no list
        ("اشتبك الجيش والدعم السريع في بحري.", "sudan", set()),
        ("هاجمت قوات الدعم السريع الجيش والقوة المشتركة قرب الفاشر.", "sudan", set()),
    ],
)
def test_a_listed_subject_of_a_verb_of_combat(text, gazetteer, expected):
    assert fight_edges(text, gazetteer) == expected


def test_an_unnamed_head_of_a_relative_aside_is_not_the_name_before_it():
    text = (
        "وقالت الوزارة إن الحركة أرسلت مقاتليها للقتال في صفوف الجيش ضد قوات الدعم السريع، وإن الكتيبة، التي تنشر"
        " أكثر من عشرين ألف مقاتل إلى جانب الجيش، تتوسع."
    )
    assert ("rapid_support_forces", "sudanese_armed_forces") not in fight_edges(text)


def test_a_headlines_speaker_before_its_colon_does_not_fight():
    assert fight_edges("القوة المشتركة: ميليشيات حفتر تقاتل إلى جانب الدعم السريع في المثلث") == {
        ("libyan_national_army", "rapid_support_forces")
    }


def test_launching_strikes_together_is_a_verb_of_combat():
    text = "شنت مقاتلات روسية وسورية غارات عنيفة على ريف إدلب الجنوبي."
    assert fight_edges(text, "syria") == {("russia", "syrian_government")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # shoulder to shoulder, in an actor's trench, by proxy for it
        (
            "في دارفور قاتلت القوة المشتركة كتفا بكتف مع الجيش حتى سقوط المدينة.",
            {("darfur_joint_force", "sudanese_armed_forces")},
        ),
        (
            "في السودان أعلنت حركة العدل والمساواة الانخراط في القتال في خندق القوات المسلحة.",
            {("justice_and_equality_movement", "sudanese_armed_forces")},
        ),
        (
            "أرسل حميدتي آلاف المقاتلين ليحاربوا بالوكالة عن السعودية في اليمن.",
            {("rapid_support_forces", "saudi_arabia")},
        ),
        # voting in favour of a text: no side
        (
            "استخدمت الصين، مساء الخميس، حق النقض ضد مشروع قرار في مجلس الأمن قدمته فرنسا وغانا، يدعو الجيش وقوات"
            " الدعم السريع إلى وقف فوري للقتال وحماية المدنيين، بعدما صوّت لصالحه الأعضاء الأربعة عشر الآخرون.",
            set(),
        ),
    ],
)
def test_more_ways_of_fighting_for_an_actor_and_a_vote_that_is_not_one(text, expected):
    assert fight_edges(text) == expected


def test_a_side_by_side_fight_after_a_verb_with_its_subject_after_it_is_oriented_by_the_reference():
    text = "في سوريا، أعلنت روسيا وتركيا اتفاقا بعد هجوم خاضته قوات النظام جنبا إلى جنب مع مقاتلين من حزب الله."
    assert {(b, c) for b, c, kind in statements(text, "2016-12-13") if kind == "fight"} == {
        ("hezbollah", "syrian_government")
    }


def test_a_present_tense_combat_verb_of_a_listed_subject():
    assert fight_edges("الجيش السوري ومقاتلو حزب الله يحاصرون الزبداني منذ أسابيع", None) == {
        ("hezbollah", "syrian_government")
    }


def test_announcing_ones_standing_beside_an_actor():
    assert fight_edges("أعلنت مصر وقوفها إلى جانب الجيش السوداني في معركته.") == {("egypt", "sudanese_armed_forces")}


@pytest.mark.parametrize(
    ("text", "gazetteer", "expected"),
    [
        # on a capital's account: the capital is the party fought for, not a place
        ("قاتل حزب الله في القلمون لحساب دمشق.", None, {("hezbollah", "syrian_government")}),
        ("خاضت قوات الدعم السريع معارك في اليمن لحساب الرياض.", "sudan", {("rapid_support_forces", "saudi_arabia")}),
        # in one trench with an actor
        (
            "قاتلت حركة العدل والمساواة في خندق واحد مع الجيش السوداني.",
            "sudan",
            {("justice_and_equality_movement", "sudanese_armed_forces")},
        ),
    ],
)
def test_fighting_on_an_actors_account_and_in_one_trench(text, gazetteer, expected):
    assert fight_edges(text, gazetteer) == expected, text


def test_fighting_or_air_strikes_on_an_actors_behalf_back_it():
    found = statements("شنت الطائرات الروسية غارات على ريف إدلب لمصلحة قوات النظام.", "2019-05-01")
    assert {(b, c) for b, c, _ in found} == {("russia", "syrian_government")}
    found = statements("خاضت قوات الدعم السريع معارك في اليمن لمصلحة الرياض.", "2019-05-01", "sudan")
    assert {(b, c) for b, c, _ in found} == {("rapid_support_forces", "saudi_arabia")}


def test_his_countrys_standing_is_never_the_standing_of_the_state_it_stands_behind():
    text = (
        "قال الوزير الروسي إن موسكو سترد على أي هجوم إذا طلبت دمشق ذلك، وأكد خلال زيارته وقوف بلاده «بقوة» خلف"
        " الحكومة السورية."
    )
    assert fight_edges(text, None) == {("russia", "syrian_government")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # actors listed right after a noun of combat are its agents together; the reference orients the pair
        ("قتل عشرة مدنيين في غارات للنظام السوري والطيران الروسي على ريف إدلب.", {("russia", "syrian_government")}),
        ("تتواصل الهجمات لقوات النظام ومقاتلي حزب الله على الزبداني.", {("hezbollah", "syrian_government")}),
        # enemies listed together: the reference knows neither direction
        ("قتل مدنيون في قصف لقوات النظام وفصائل المعارضة على حلب.", set()),
    ],
)
def test_the_listed_agents_of_a_noun_of_combat_act_together(text, expected):
    found = {(b, c) for b, c, k in statements(text, "2016-05-01") if k == "fight"}
    assert found == expected, text


@pytest.mark.parametrize(
    ("text", "pack", "date", "edge"),
    [
        # acting in concert with another force, oriented by the reference edges
        (
            "قاتلت قوات النظام بالتنسيق مع مقاتلي حزب الله في ريف حلب.",
            None,
            "2015-06-01",
            ("hezbollah", "syrian_government"),
        ),
        # the subjects listed after a verb of combat and the resumptive pronoun of a clause of time
        (
            "تراجعت الفصائل عن مواقعها، في وقت شنت فيه طائرات روسية وسورية غارات على ريف إدلب.",
            None,
            "2019-06-01",
            ("russia", "syrian_government"),
        ),
        # the actor beside is a demonym after the nouns it qualifies
        (
            "وأكد المتحدث أن موسكو تقف إلى جانب الجيش والحكومة السوريين.",
            None,
            "2016-06-01",
            ("russia", "syrian_government"),
        ),
        # the accused named with its leader after "بقيادة": the force fights, one actor
        (
            "اتهمت الخرطوم قوات الجيش الوطني الليبي بقيادة خليفة حفتر بالقتال إلى جانب قوات الدعم السريع.",
            "sudan",
            "2025-06-01",
            ("libyan_national_army", "rapid_support_forces"),
        ),
    ],
)
def test_fighting_in_concert_beside_nouns_and_under_a_leader(text, pack, date, edge):
    assert edge in {(b, c) for b, c, _ in statements(text, date, pack)}, text


def test_a_description_set_off_by_a_comma_fights_for_its_name():
    text = (
        "وقال شهود إن مقاتلين من كتيبة البراء بن مالك، وهي جماعة مسلحة ذات خلفية إسلامية تقاتل في صفوف الجيش، "
        "دخلوا المدينة."
    )
    assert ("al_baraa_bin_malik_brigade", "sudanese_armed_forces") in {
        (b, c) for b, c, _ in statements(text, "2024-06-01", "sudan")
    }


def test_besides_at_the_end_of_a_list_adds_a_member():
    text = "وقال مسؤول إن الأردن والإمارات والبحرين شاركت في الغارات على مواقع التنظيم، إلى جانب قطر."
    assert statements(text, "2014-09-30") == set()
    # one fighter: the phrase after the comma is beside whom it fights
    one = "في سوريا، قاتل مقاتلو حزب الله في القصير، إلى جانب قوات النظام."
    assert ("hezbollah", "syrian_government") in {(b, c) for b, c, _ in statements(one, "2013-06-01")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list launching an operation together, after the verb or before it (quote marks around a name)
        ("بدأ الجيش التركي وفصائل الجيش الوطني السوري عملية برية قرب منبج.", {("turkey", "syrian_national_army")}),
        ("أنقرة و«الجيش الوطني السوري» يطلقان هجوما على مواقع قسد.", {("turkey", "syrian_national_army")}),
        # stepping up strikes together
        ("في سوريا، صعدت الطائرات الروسية والسورية غاراتها على ريف حماة.", {("russia", "syrian_government")}),
        # talks are no operation
        ("بدأت أنقرة و«الجيش الوطني السوري» محادثات في غازي عنتاب.", set()),
    ],
)
def test_a_list_launching_an_operation_together(text, expected):
    assert {(b, c) for b, c, _ in statements(text, "2019-10-09")} == expected, text


def test_the_front_ranks_before_a_beside_phrase_name_no_partner():
    text = (
        "في سوريا، تقدمت الطائرات الروسية، فيما قاتل مقاتلو حركة النجباء العراقية في الصفوف الأمامية إلى جانب "
        "القوات الحكومية."
    )
    got = {(b, c) for b, c, _ in statements(text, "2016-02-05")}
    assert ("iraqi_militias", "syrian_government") in got and ("iraqi_militias", "russia") not in got


def test_a_plural_relative_after_a_list_makes_every_item_fight():
    # its second item an example after "such as" ("وفصائل أخرى مثل لواء فاطميون")
    text = (
        "لم يكن للهجوم أن ينجح دون عناصر حزب الله وفصائل أخرى مثل لواء فاطميون، الذين قاتلوا إلى جانب قوات النظام "
        "السوري في ريف حلب."
    )
    assert fight_edges(text, gazetteer=None) == {
        ("hezbollah", "syrian_government"),
        ("fatemiyoun", "syrian_government"),
    }


def test_the_accused_of_fighting_beside_an_actor_past_an_apposition():
    text = "واتهمت الحكومة قوات حفتر، التي تسيطر على شرق ليبيا، بالقتال إلى جانب الدعم السريع قرب الحدود."
    got = {(b, c) for b, c, _ in statements(text, date="2025-06-11", pack="sudan")}
    assert got == {("libyan_national_army", "rapid_support_forces")}


@pytest.mark.parametrize(
    "text",
    [
        "أما إيران وحزب الله فقد قاتلا إلى جانب الأسد.",
        "أما إيران وحزب الله، اللذان قاتلا أكثر من عقد إلى جانب الأسد، فقد غابا كليا عن المشهد.",
    ],
)
def test_two_fighters_in_the_dual(text):
    found = statements(text, "2025-09-05")
    assert {(b, c) for b, c, _k in found} == {("iran", "syrian_government"), ("hezbollah", "syrian_government")}


def test_the_two_movements_named_by_their_leaders_first_names():
    text = "حركتا مناوي وجبريل تتخليان عن الحياد وتقاتلان إلى جانب الجيش في السودان"
    assert fight_edges(text) == {
        ("sudan_liberation_army", "sudanese_armed_forces"),
        ("justice_and_equality_movement", "sudanese_armed_forces"),
    }
