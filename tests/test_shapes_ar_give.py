"""Unit tests of helpers.shapes_ar_give through extract_support: receiving, arriving, contributing, sending."""

from __future__ import annotations

import pandas as pd
import pytest
from hand_sentences import statements

import helpers as h

CASES = [
    ("تلقت المعارضة السورية صواريخ تاو من الولايات المتحدة.", {("united_states", "syrian_opposition")}),
    ("وصلت الأسلحة الإيرانية إلى حزب الله عبر سوريا.", {("iran", "hezbollah")}),
    ("أرسلت روسيا أسلحة إلى الجيش السوري.", {("russia", "syrian_government")}),
    ("زودت إيران الحوثيين بالصواريخ.", {("iran", "houthis")}),
    # receiving written with the reflexive stem (يتسلم), not تسلم alone (also "hands over")
    ("الجيش السوري يتسلم شحنة أسلحة من إيران.", {("iran", "syrian_government")}),
    ("ساهمت روسيا في انتصار الجيش السوري في حلب.", {("russia", "syrian_government")}),
    # paying a force's salaries (its owner after them); pushing reinforcements to an actor
    ("دفعت السعودية رواتب مقاتلي جيش الإسلام لعامين.", {("saudi_arabia", "jaysh_al_islam")}),
    ("دفعت تركيا بتعزيزات عسكرية إلى فصائل المعارضة قرب سراقب.", {("turkey", "syrian_opposition")}),
    # an indefinite noun of what is given, its relative clause without الذي: the subject after the verb gives
    ("يعتمد الحزب على تمويل سخي تقدمه إيران لحزب الله منذ عقود.", {("iran", "hezbollah")}),
    ("ضبطت السلطات صواريخ ترسلها إيران إلى الحوثيين.", {("iran", "houthis")}),
    # aid to people is no backing
    ("أرسلت تركيا مساعدات إنسانية إلى اللاجئين السوريين.", set()),
    # subject, verb, receiver, then a noun with ب before the material ("with shipments of weapons")
    ("أفادت مصادر أن طهران تزود الحوثيين بشحنات أسلحة عبر البحر.", {("iran", "houthis")}),
    # the verb takes back a material named earlier with its object pronoun, then ل/إلى and the receiver
    ("ظهرت صواريخ كورنيت في إدلب، ويقول مسؤولون إن أنقرة سلمتها لفصائل المعارضة.", {("turkey", "syrian_opposition")}),
    ("عرضت المعارضة ذخائر قالت إن روسيا أرسلتها إلى الجيش السوري.", {("russia", "syrian_government")}),
    # handing over with nothing given named before: no backing
    ("استعادت القوات الحكومية البلدة ثم سلمتها للشرطة المحلية.", set()),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_giving_shapes(text, expected):
    c = pd.DataFrame(
        {
            "doc_id": ["d"],
            "title": ["الحرب في سوريا"],
            "text": [text],
            "date": pd.to_datetime(["2016-05-01"], utc=True),
            "source": ["s"],
        }
    )
    e = h.extract_support(c, h.tag_mentions(c))
    assert set(zip(e.backer.astype(str), e.client.astype(str))) == expected, text


ASIDES = [
    # an aside set off by commas between the subject and the verbal noun
    (
        "syria",
        "أعلنت قطر والسعودية، في بيان مشترك، تقديم دعم مالي مشترك للحكومة السورية.",
        {("qatar", "syrian_transitional_government"), ("saudi_arabia", "syrian_transitional_government")},
    ),
    # a second thing an accused is accused of, after و and ب
    (
        "sudan",
        "اتهم دقلو مصر بالمشاركة في قصف جوي استهدف قواته في سنار، وبتزويد الجيش السوداني بطائرات مسيرة.",
        {("egypt", "sudanese_armed_forces")},
    ),
    # airdropping, with a list of materials before the receiver
    (
        "syria",
        "دأبت إسرائيل على إنزال أسلحة وذخائر وسترات واقية بالمروحيات لفصائل درزية في السويداء.",
        {("israel", "druze_factions")},
    ),
]


def pairs_in(text: str, pack: str, date: str) -> set[tuple[str, str]]:
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime([date], utc=True)})
    e = h.extract_support(c, h.tag_mentions(c, gazetteer=[pack]))
    return set(zip(e.backer.astype(str), e.client.astype(str)))


@pytest.mark.parametrize(("pack", "text", "expected"), ASIDES)
def test_asides_second_accusations_and_airdrops(pack, text, expected):
    assert pairs_in(text, pack, "2025-06-01") == expected, text


def test_recruiting_into_a_group_in_arabic():
    text = (
        "منذ عام 2013، جنّد الحرس الثوري الإيراني آلاف اللاجئين الأفغان المقيمين في إيران ضمن ما بات يعرف بلواء فاطميون."
    )
    assert pairs_in(text, "syria", "2016-05-01") == {("irgc", "fatemiyoun")}


#: a subject after "that" with its preposition (بأن), a re-export, the people of a body before its name, sums of
#: money, a part played, owing what was gained
SESSION_CASES = [
    ("sudan", "أفادت مصادر بأن طهران زوّدت الجيش السوداني بطائرات مسيرة.", {("iran", "sudanese_armed_forces")}),
    (
        "sudan",
        "أعادت الإمارات تصدير قنابل موجهة إلى قوات الدعم السريع.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    ("syria", "بدأت الولايات المتحدة تدريب مقاتلين من الجيش السوري الحر.", {("united_states", "free_syrian_army")}),
    ("syria", "تتولى تركيا تدريب كوادر الجيش السوري بموجب المذكرة.", {("turkey", "syrian_transitional_government")}),
    # oil sold abroad is trade, not backing
    ("syria", "زادت السعودية تصدير النفط إلى الصين.", set()),
    # sums of money given; money given to a channel of aid to people is no backing
    ("syria", "قدمت إيران مليارات الدولارات لنظام الأسد.", {("iran", "syrian_government")}),
    ("syria", "قدمت ألمانيا 10 ملايين دولار للأمم المتحدة لدعم اللاجئين السوريين.", set()),
    # a part played in a gain; owing what was gained to a backer (not يدين "condemns")
    ("syria", "لعبت روسيا دوراً حاسماً في إنقاذ نظام الأسد.", {("russia", "syrian_government")}),
    ("syria", "ساهمت إيران بشكل كبير في دعم نظام الأسد.", {("iran", "syrian_government")}),
    (
        "syria",
        "يدين الأسد ببقائه في السلطة لروسيا وإيران.",
        {("russia", "syrian_government"), ("iran", "syrian_government")},
    ),
    ("syria", "يدين الأسد الهجوم الإسرائيلي على دمشق.", set()),
    # drones with their giver's demonym as the subject of a helping verb
    ("sudan", "ساعدت المسيرات التركية الجيش على استعادة الخرطوم.", {("turkey", "sudanese_armed_forces")}),
    # the seller of weapons backs the buyer; buying wheat backs no one
    ("sudan", "اشترى الجيش السوداني طائرات مسيرة من إيران.", {("iran", "sudanese_armed_forces")}),
    ("sudan", "استورد الجيش السوداني أسلحة من تركيا.", {("turkey", "sudanese_armed_forces")}),
    ("sudan", "اشترت مصر القمح من روسيا.", set()),
    # a measure of what is given between the receiver and the material, after a subject before a double verb
    ("sudan", "وقال دبلوماسي إن أنقرة منحت الجيش السوداني عشرات من المسيرات.", {("turkey", "sudanese_armed_forces")}),
    # the adjective of a noun before the receiving noun receives nothing: the clause's subject does
    (
        "sudan",
        "يواجه الجيش السوداني اتهامات في تقارير أممية بتلقي أسلحة من إيران.",
        {("iran", "sudanese_armed_forces")},
    ),
    # economic aid to a government is funding it, as "economic assistance" is in English
    ("sudan", "قدمت السعودية مساعدات اقتصادية للحكومة السودانية.", {("saudi_arabia", "sudanese_government")}),
    # "non-lethal" aid to an armed side is backing, as in English
    ("syria", "قدمت فرنسا مساعدات غير قاتلة للجيش السوري الحر.", {("france", "free_syrian_army")}),
    # political cover received from a giver: the giver after من is an actor, not a place
    ("sudan", "حصل الجيش السوداني على غطاء سياسي من القاهرة في مجلس الأمن.", {("egypt", "sudanese_armed_forces")}),
]


@pytest.mark.parametrize(("pack", "text", "expected"), SESSION_CASES)
def test_giving_contributing_and_owing_in_arabic(pack, text, expected):
    assert pairs_in(text, pack, "2025-08-14") == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negation between the subject and the giving verb: a denial
        ("قال لافروف إن موسكو لا تزود دمشق بأي أسلحة.", ("russia", "syrian_government", "denied")),
        # aircraft handed over
        ("اتهمت كلينتون روسيا بإرسال مروحيات هجومية إلى نظام الأسد.", ("russia", "syrian_government", "alleged")),
    ],
)
def test_a_negated_giver_and_aircraft_given(text, expected):
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2012-06-13"], utc=True)})
    e = h.extract_support(c, h.tag_mentions(c))
    assert expected in set(zip(e.backer, e.client, e.modality)), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("نفت تركيا تسهيل أي إمدادات لفصائل المعارضة في إدلب.", ("turkey", "syrian_opposition", "denied")),
        (
            "اتهمت دمشق أنقرة بتسهيل مرور الأسلحة إلى فصائل المعارضة في إدلب.",
            ("turkey", "syrian_opposition", "alleged"),
        ),
    ],
)
def test_letting_a_material_through_backs_its_receiver(text, expected):
    c = pd.DataFrame(
        {"doc_id": ["d"], "title": ["سوريا"], "text": [text], "date": pd.to_datetime(["2014-06-13"], utc=True)}
    )
    e = h.extract_support(c, h.tag_mentions(c))
    assert expected in set(zip(e.backer, e.client, e.modality)), text


@pytest.mark.parametrize(
    "text",
    [
        "قالت أنقرة إنها لم تقدم أي دعم عسكري للجيش أو لقوات الدعم السريع.",
        "ونفت أنقرة أن تكون زودت الجيش ولا قوات الدعم السريع بأي أسلحة.",
    ],
)
def test_each_receiver_of_a_list_with_aw_or_wala_is_denied(text):
    found = {(b, c) for b, c, _kind in statements(text, "2025-03-13", "sudan")}
    assert {("turkey", "sudanese_armed_forces"), ("turkey", "rapid_support_forces")} <= found, (text, found)


def test_a_subject_past_a_relative_clause_set_off_by_commas():
    text = "وتقول تقارير إن موسكو، التي تحتفظ بقاعدة بحرية في طرطوس، زودت حفتر بطائرات حربية."
    assert ("russia", "libyan_national_army", "transfer") in statements(text, "2019-05-01", "sudan"), text


def test_the_body_noun_of_a_receivers_name_is_not_what_is_given():
    text = "زودت موسكو قوات حفتر بالأسلحة والذخائر عبر قاعدة الجفرة."
    assert ("russia", "libyan_national_army", "transfer") in statements(text, "2019-05-01", "sudan"), text


def test_a_support_worth_an_amount_before_its_receiver_and_the_givers_listed_before_it():
    text = "أعلنت السعودية والإمارات حزمة دعم بقيمة ثلاثة مليارات دولار للمجلس العسكري الانتقالي في الخرطوم."
    found = {(b, c) for b, c, _kind in statements(text, "2019-04-22", "sudan")}
    assert {("saudi_arabia", "sudanese_government"), ("united_arab_emirates", "sudanese_government")} <= found, found


def test_a_pledge_opening_the_cue_is_possible():
    text = "تعهدت قطر بتمويل رواتب موظفي القطاع العام في سوريا لمدة ثلاثة أشهر."
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2025-02-20"], utc=True)})
    e = h.extract_support(c, h.tag_mentions(c))
    assert set(zip(e.backer, e.client, e.modality)) == {("qatar", "syrian_transitional_government", "possible")}


def test_a_giver_at_the_hands_of():
    text = "تتلقى وحدات الجيش السوري الجديد تدريبات على يد خبراء أتراك في حماة."
    assert pairs_in(text, "syria", "2025-09-01") == {("turkey", "syrian_transitional_government")}


def test_receiving_with_the_verb_that_also_hands_over():
    assert pairs_in("تسلم الجيش السوداني طائرات مسيرة من تركيا.", "sudan", "2024-10-01") == {
        ("turkey", "sudanese_armed_forces")
    }


def test_the_head_of_a_relative_aside_receives_not_a_name_inside_it():
    named = "وقالت الخزانة إن حركة العدل والمساواة، التي تقاتل في صفوف الجيش السوداني، تلقت أسلحة من إيران."
    assert ("iran", "justice_and_equality_movement") in pairs_in(named, "sudan", "2025-01-10")
    unnamed = "وقالت الخزانة إن الحركة، التي تقاتل في صفوف الجيش السوداني، تلقت أسلحة من إيران."
    assert ("iran", "sudanese_armed_forces") not in pairs_in(unnamed, "sudan", "2025-01-10")


def test_what_was_given_to_him_names_its_giver_after_the_pronoun():
    text = "تسلمت قوات الدعم السريع صواريخ أرسلتها لها الإمارات عبر تشاد."
    assert pairs_in(text, "sudan", "2024-06-01") == {("united_arab_emirates", "rapid_support_forces")}


def test_passing_a_material_on_to_an_actor():
    text = "اتهمت الخرطوم أبوظبي بتمرير الذخيرة إلى قوات الدعم السريع."
    assert pairs_in(text, "sudan", "2024-06-01") == {("united_arab_emirates", "rapid_support_forces")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a subject before a verb of handing over, the receiver right after it, then what is given
        ("وزير الدفاع: موسكو ستسلّم الجيش السوري منظومات صواريخ حديثة خلال أسابيع", {("russia", "syrian_government")}),
        ("قالت مصادر إن واشنطن تمنح المعارضة السورية صواريخ مضادة للدروع.", {("united_states", "syrian_opposition")}),
        # the same verb without a name after it is receiving
        ("قال مصدر إن الجيش السوري تسلم منظومات صواريخ من روسيا.", {("russia", "syrian_government")}),
    ],
)
def test_a_subject_before_a_double_object_verb_gives_to_the_first_object(text, expected):
    assert {(b, c) for b, c, _ in statements(text, "2018-09-24", "syria")} == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # given "to him" past a time phrase: the subject of the material's clause receives
        ("تسلم الجيش السوداني خلال الشهر الماضي طائرات مسيرة قدمتها له إيران.", {("iran", "sudanese_armed_forces")}),
        # obtained from a giver, what was obtained written on على
        ("يقاتل الجيش السوداني منذ أشهر بذخائر حصل عليها من إيران.", {("iran", "sudanese_armed_forces")}),
        # leaning on a state's political umbrella, and a second complement of the same verb after a comma
        (
            "استند الجيش السوداني إلى مظلة سياسية مصرية، وإلى ذخائر حصل عليها من إيران.",
            {("egypt", "sudanese_armed_forces"), ("iran", "sudanese_armed_forces")},
        ),
        # a report leaning on pictures backs no one
        ("استند التقرير إلى صور من الجيش الأمريكي.", set()),
        # the adjective of what was leaned on before the comma is no receiver
        ("استندت الفصائل إلى مظلة سياسية تركية، وإلى ذخائر حصلت عليها من إيران.", set()),
    ],
)
def test_given_to_him_obtained_from_and_leaning_on(text, expected):
    assert {(b, c) for b, c, _ in statements(text, "2024-02-01", "sudan")} == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # benefiting from what a giver gave
        ("استفادت قوات الدعم السريع من ذخائر إماراتية.", {("united_arab_emirates", "rapid_support_forces")}),
        # the giver named after a giving verb with the material's pronoun, not after من
        ("تلقت قوات الدعم السريع ذخائر وفرتها الإمارات.", {("united_arab_emirates", "rapid_support_forces")}),
        ("قاتل الجيش السوداني في أم درمان مستفيدا من مسيرات قدمتها إيران.", {("iran", "sudanese_armed_forces")}),
        # a participle after a comma: the clause's subject benefits, not a name that clause governs
        ("قاتل الجيش السوداني في أم درمان، مستفيدا من مسيرات قدمتها إيران.", {("iran", "sudanese_armed_forces")}),
        ("زجت الكتيبة بمئات المقاتلين في صف الجيش السوداني، مستفيدة من ذخائر قدمتها إيران.", set()),
    ],
)
def test_benefiting_from_and_the_giver_after_a_verb_with_the_materials_pronoun(text, expected):
    assert {(b, c) for b, c, _ in statements(text, "2024-02-01", "sudan")} == expected, text


@pytest.mark.parametrize(
    "text",
    [
        # the demonym after the material's adjective names its sender; the verbal noun of arriving
        "قال مسؤول إن إمدادات عسكرية إماراتية وصلت إلى قوات الدعم السريع عبر تشاد.",
        "اتهم المتحدث تشاد بتسهيل وصول ذخائر حربية إماراتية إلى قوات الدعم السريع.",
    ],
)
def test_a_material_with_adjectives_reaching_an_actor(text):
    got = {(b, c) for b, c, _ in statements(text, "2024-01-10", "sudan")}
    assert ("united_arab_emirates", "rapid_support_forces") in got, text


def test_providing_a_material_is_a_transfer():
    text = "واتهم المتحدث العسكري أنقرة بتوفير طائرات مسيرة لقوات الدعم السريع."
    assert ("turkey", "rapid_support_forces") in {(b, c) for b, c, _ in statements(text, "2024-01-10", "sudan")}


def test_a_receiver_before_a_relative_aside_that_names_no_actor():
    text = (
        "وقال التقرير إن كتيبة البراء بن مالك، التي تقاتل بأكثر من ثلاثة آلاف مقاتل، تلقت تدريبات وأسلحة من "
        "الحرس الثوري."
    )
    assert ("irgc", "al_baraa_bin_malik_brigade") in {(b, c) for b, c, _ in statements(text, "2024-06-01", "sudan")}


def test_a_material_sent_to_him_names_its_sender_after_it():
    text = "وقالت مصادر إن حزب الله يستخدم الطريق لنقل صواريخ ترسلها إليه إيران عبر العراق."
    got = {(b, c) for b, c, _ in statements(text, "2023-06-01")}
    assert ("iran", "hezbollah") in got and ("hezbollah", "iran") not in got


def test_the_name_with_lam_right_after_a_giving_verb_receives():
    text = "في السودان، يقول دبلوماسيون إن القاهرة توفر للبرهان منذ بداية الحرب غطاء دبلوماسيا."
    assert ("egypt", "sudanese_armed_forces") in {(b, c) for b, c, _ in statements(text, "2024-02-01", "sudan")}


def test_it_that_received_is_the_sentences_first_actor():
    text = "في السودان، يعتمد الجيش على حلفائه، ويقال إنه تسلم مسيرات من تركيا خلال العام الماضي."
    assert ("turkey", "sudanese_armed_forces") in {(b, c) for b, c, _ in statements(text, "2025-01-10", "sudan")}


def test_a_relative_aside_naming_another_actor_before_the_giving_verb():
    # the aside's own name (al-Burhan) is no subject: the name before the aside gives
    text = "ويرى مراقبون أن القاهرة، التي تربطها علاقات وثيقة بالبرهان، قدمت دعما جويا للجيش السوداني في جبل موية."
    assert {(b, c) for b, c, _k in statements(text, "2024-06-01", "sudan")} == {("egypt", "sudanese_armed_forces")}


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # a source set off by commas after the subject: the object goes on after it; a party as the source alleges
        ("وزودت الإمارات، وفق تقارير أممية، قوات الدعم السريع بأسلحة متطورة.", "alleged"),
        ("وتسلح الإمارات، بحسب الجيش، قوات الدعم السريع منذ بداية الحرب.", "alleged"),
    ],
)
def test_a_source_aside_after_the_subject(text, modality):
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2024-06-01"], utc=True)})
    got = h.extract_support(c, h.tag_mentions(c, gazetteer=["sudan"]))
    assert set(zip(got.backer, got.client, got.modality)) == {
        ("united_arab_emirates", "rapid_support_forces", modality)
    }


@pytest.mark.parametrize(
    ("text", "backers", "client"),
    [
        ("وقدمت السعودية وقطر أسلحة لفصائل المعارضة السورية.", {"saudi_arabia", "qatar"}, "syrian_opposition"),
        ("وزودت إيران وروسيا الجيش السوري بالصواريخ.", {"iran", "russia"}, "syrian_government"),
    ],
)
def test_every_sender_listed_after_a_transfer_verb_gives(text, backers, client):
    found = {(b, c) for b, c, _ in statements(text, "2016-02-01")}
    assert {(b, client) for b in backers} <= found, found


@pytest.mark.parametrize(
    ("text", "backers", "client"),
    [
        ("ووصلت الأسلحة الروسية والإيرانية إلى قوات النظام عبر مطار حميميم.", {"russia", "iran"}, "syrian_government"),
        (
            "وتدفقت الأسلحة التركية والقطرية على فصائل المعارضة السورية في الشمال.",
            {"turkey", "qatar"},
            "syrian_opposition",
        ),
    ],
)
def test_every_demonym_of_a_material_that_reaches_or_flows_onto_an_actor_backs_it(text, backers, client):
    found = {(b, c) for b, c, _ in statements(text, "2016-02-01")}
    assert {(b, client) for b in backers} <= found, found


def test_the_verbal_noun_of_obtaining_with_its_receiver_joined_after_it():
    text = "وتشير تقارير متواترة إلى حصول القوات المسلحة السودانية على مسيّرات من إيران وتركيا."
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2025-10-21"], utc=True)})
    e = h.extract_support(c, h.tag_mentions(c, gazetteer=["sudan"]))
    assert set(zip(e.backer, e.client, e.modality)) == {
        ("iran", "sudanese_armed_forces", "alleged"),
        ("turkey", "sudanese_armed_forces", "alleged"),
    }
    assert statements("أكد حصول المواطنين على المساعدات من الهلال الأحمر.", "2025-10-21", "sudan") == set()
