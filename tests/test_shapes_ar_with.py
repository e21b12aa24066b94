"""Unit tests of helpers.shapes_ar_with through extract_support: with a backer, in support of, thanks."""

from __future__ import annotations

import pandas as pd
import pytest
from hand_sentences import statements

import helpers as h


def edges(text: str, date: str = "2016-05-01") -> set[tuple[str, str, str]]:
    c = pd.DataFrame(
        {"doc_id": ["d"], "title": ["سوريا"], "text": [text], "date": pd.to_datetime([date], utc=True), "source": ["s"]}
    )
    e = h.extract_support(c, h.tag_mentions(c))
    return set(zip(e.backer.astype(str), e.client.astype(str), e.cue_kind.astype(str)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the backer after the preposition, the clause's first actor the client
        ("تقدمت قوات النظام نحو تدمر بغطاء جوي روسي كثيف.", {("russia", "syrian_government", "with")}),
        # in support of the name after it: the clause's first actor backs
        ("شنت طائرات روسية غارات على ريف حماة دعما لقوات النظام.", {("russia", "syrian_government", "for")}),
        # the thanked back the one who thanks
        (
            "شكر الأسد روسيا وإيران على دعمهما.",
            {("russia", "syrian_government", "thanks"), ("iran", "syrian_government", "thanks")},
        ),
        # a pledge before ب and a verbal noun is no "with support of"
        ("تعهدت قطر بدعم المعارضة السورية.", {("qatar", "syrian_opposition", "verb")}),
    ],
)
def test_with_for_and_thanks(text, expected):
    assert edges(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the thanker carries an office before its state; the thanked a body before its demonym
        ("شكر وزير الخارجية السوري إيران على دعمها.", {("iran", "syrian_government", "thanks")}),
        ("شكر الأسد الحكومة الإيرانية على دعمها.", {("iran", "syrian_government", "thanks")}),
        # a list of demonyms after the welcomed support: each backs
        (
            "رحب الأسد بالدعم الروسي والإيراني في معركة حلب.",
            {("russia", "syrian_government", "thanks"), ("iran", "syrian_government", "thanks")},
        ),
        # a participle of thanking after a comma: the clause's subject thanks, a capital after it is the thanked
        ("تحدث الأسد في دمشق، شاكرا موسكو على دعمها.", {("russia", "syrian_government", "thanks")}),
        ("رحبت الحكومة السورية بالقرار، شاكرة إيران على دعمها.", {("iran", "syrian_government", "thanks")}),
    ],
)
def test_thanks_past_an_office_and_a_body_noun(text, expected):
    assert edges(text) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a counterfactual: the owner of the support backs the actor named after the answer's lam
        (
            "يرى محللون أنه لولا الدعم الروسي والإيراني لسقط نظام الأسد منذ سنوات.",
            {("russia", "syrian_government", "with"), ("iran", "syrian_government", "with")},
        ),
        ("لولا تدخل روسيا عسكريا عام 2015 لما صمد الأسد في دمشق.", {("russia", "syrian_government", "with")}),
        # a conjunction written on the particle
        ("ولولا الغطاء الجوي الروسي لسقطت قوات النظام في حلب.", {("russia", "syrian_government", "with")}),
        # no answer with a name: nothing
        ("لولا الدعم الروسي لكانت الحرب انتهت.", set()),
    ],
)
def test_a_counterfactual_with_lawla(text, expected):
    assert edges(text, "2017-05-01") == expected, text


@pytest.mark.parametrize(
    "text",
    [
        # the phrase opens the sentence, a verb and its subject follow with no comma between
        "وبدعم روسي استعادت قوات النظام السوري السيطرة على حلب.",
        "وبفضل الدعم الروسي استعاد النظام السوري السيطرة على حلب.",
        # the phrase opens the clause after a place set off by a comma; the state's weapons thanked for
        "في ريف حلب، وبفضل الصواريخ الروسية تقدم النظام السوري نحو المدينة.",
    ],
)
def test_a_fronted_with_phrase_before_a_verb_and_its_subject(text):
    assert ("russia", "syrian_government", "with") in edges(text), text


def test_a_with_phrase_after_a_ceasefire_backs_the_ceasefire():
    text = "أعلن المبعوث الأمريكي أن إسرائيل وسوريا اتفقتا على وقف لإطلاق النار بدعم من تركيا والأردن."
    assert not edges(text, "2025-07-19"), text


def test_those_taking_part_are_not_the_client_of_a_later_with_phrase():
    text = "شنت الولايات المتحدة غارات على مواقع تنظيم الدولة في الرقة، بمشاركة السعودية والأردن وبدعم من قطر."
    assert not {e for e in edges(text, "2014-09-23") if e[1] in ("saudi_arabia", "jordan")}, text


def test_a_with_phrase_after_a_time_clause_backs_the_main_clauses_subject():
    text = "سيطرت قوات النظام على مدينة تدمر، بعد معارك شارك فيها مقاتلو حزب الله، تحت غطاء جوي روسي."
    got = edges(text, "2016-03-27")
    assert ("russia", "syrian_government", "with") in got and ("russia", "hezbollah", "with") not in got, got


def test_a_counterfactual_whose_client_stands_before_it_after_could_not_have():
    found = edges("ما كان لقوات النظام أن تصمد في حمص لولا الدعم الإيراني.", "2014-05-01")
    assert ("iran", "syrian_government", "with") in found


def test_a_syrian_town_in_arabic_lets_the_regime_forces_count():
    text = "دفعت أنقرة بتعزيزات إلى الفصائل قرب سراقب. أما قوات النظام فتقدمت بغطاء جوي روسي كثيف."
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2020-03-10"], utc=True)})
    e = h.extract_support(c, h.tag_mentions(c))
    assert ("russia", "syrian_government") in set(zip(e.backer.astype(str), e.client.astype(str)))


def test_a_verb_then_a_material_whose_demonyms_name_the_givers():
    found = edges("كانت كتائب الجيش السوري الحر تُسلَّح بأسلحة تركية وأمريكية عبر الحدود.", "2014-03-01")
    assert {e[:2] for e in found} == {("turkey", "free_syrian_army"), ("united_states", "free_syrian_army")}


def test_a_support_phrase_after_a_truce_and_its_two_sides_backs_the_truce():
    text = "أعلن المبعوث الأمريكي هدنة بين إسرائيل وسوريا بدعم من تركيا والأردن."
    assert not edges(text, "2025-07-20"), text


def test_the_side_whose_places_are_struck_backs_no_one():
    unnamed = "زار الشرع موسكو، عاصمة الدولة التي ظلت مقاتلاتها ثماني سنوات تقصف مناطق المعارضة دعما للنظام السابق."
    assert ("syrian_opposition", "syrian_government") not in {(b, c) for b, c, _ in edges(unnamed, "2025-10-16")}
    named = "ظلت الطائرات الروسية سنوات تقصف مناطق المعارضة دعما للنظام السابق."
    assert {(b, c) for b, c, _ in edges(named, "2025-10-16")} == {("russia", "syrian_government")}


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # the thanks noun as the object of a verb directing it, the thanked after ل and an adverb, what they gave
        ("وجّهت الحكومة السورية الشكر علنا لروسيا على تدخلها العسكري.", "2016-03-01", {("russia", "syrian_government")}),
        (
            "استقبل الأسد وزير الخارجية الإيراني، موجها الشكر لإيران حكومة وشعبا على ما قدمته من عون لسوريا.",
            "2019-01-10",
            {("iran", "syrian_government")},
        ),
        # thanks to people who take part in a meeting back no one
        ("وجه الأسد الشكر للمشاركين في مؤتمر دمشق على حضورهم.", "2019-01-10", set()),
    ],
)
def test_thanks_directed_as_a_noun_and_what_else_one_is_thanked_for(text, date, expected):
    assert {(b, c) for b, c, kind in edges(text, date) if kind == "thanks"} == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the cover's provider after a verb with the phrase's pronoun written on
        (
            "تقدمت قوات سوريا الديمقراطية نحو الرقة تحت غطاء جوي وفرته طائرات التحالف الدولي.",
            ("us_led_coalition", "sdf"),
        ),
        # an air umbrella
        ("استعادت قوات النظام مدينة تدمر تحت مظلة جوية روسية.", ("russia", "syrian_government")),
    ],
)
def test_cover_provided_by_a_named_backer_and_an_air_umbrella(text, expected):
    assert {(b, c) for b, c, kind in edges(text, "2017-03-01") if kind == "with"} == {expected}, text


def test_a_with_phrase_in_a_clause_opened_by_a_conjunction_backs_that_clauses_actor():
    text = "انسحبت فصائل المعارضة من المدينة بعد أن دخلتها قوات النظام بغطاء جوي روسي."
    assert {(b, c) for b, c, _ in edges(text, "2020-02-01")} == {("russia", "syrian_government")}


def test_a_with_phrase_after_a_deal_and_the_relative_clause_of_who_announced_it_backs_the_deal():
    text = "لا يبدو أن الاتفاق الذي أعلنه المبعوث الأمريكي بين إسرائيل ودمشق، بدعم من تركيا والأردن، قادر على الصمود."
    assert edges(text, "2025-07-22") == set()


def test_in_support_of_past_a_long_aside_of_what_a_sum_includes():
    text = (
        "قدمت قطر والسعودية، الخميس، منحة بقيمة مليار دولار، بينها شحنات من الوقود والقمح للموانئ الجنوبية، "
        "دعماً للمجلس العسكري الانتقالي."
    )
    got = {(b, c) for b, c, _ in statements(text, "2019-05-02", "sudan")}
    assert {("qatar", "sudanese_government"), ("saudi_arabia", "sudanese_government")} <= got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the owner of the force named after the phrase gives the support
        (
            "صدت القوة المشتركة هجوما لقوات الدعم السريع بإسناد من المدفعية الثقيلة التابعة للجيش.",
            {("sudanese_armed_forces", "darfur_joint_force")},
        ),
        # whose attack was repelled is no client, even after a comma: the one who repelled it is
        (
            "قالت القوة المشتركة لحركات الكفاح المسلح إنها صدت هجوما واسعا للدعم السريع على المحور الجنوبي لمدينة "
            "الفاشر، بإسناد من الطيران الحربي التابع للجيش السوداني.",
            {("sudanese_armed_forces", "darfur_joint_force")},
        ),
    ],
)
def test_a_force_owned_by_the_backer_and_a_repelled_attacker(text, expected):
    got = {(b, c) for b, c, _ in statements(text, date="2024-09-20", pack="sudan")}
    assert got == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # support named as a cause: its owner backs the clause's actor
        (
            "وصمد النظام السوري بسبب الدعم الروسي والإيراني.",
            {("russia", "syrian_government", "with"), ("iran", "syrian_government", "with")},
        ),
        # a passive's agent after adverbs of domain
        (
            "والنظام السوري مدعوم عسكريا وسياسيا من روسيا وإيران.",
            {("russia", "syrian_government", "passive"), ("iran", "syrian_government", "passive")},
        ),
    ],
)
def test_a_cause_and_a_passive_past_adverbs(text, expected):
    assert expected <= edges(text, "2016-03-01"), text


def test_strikes_named_as_a_cause_back_no_one():
    assert not edges("وانسحبت فصائل المعارضة السورية بسبب الغارات الروسية.", "2016-03-01")


@pytest.mark.parametrize(
    "text, date, expected",
    [
        # a relative clause on the fighter: its support is the antecedent's, not its foe's
        (
            "وتقول قوات سوريا الديمقراطية، التي قاتلت داعش أربع سنوات بدعم جوي وتسليح من التحالف الدولي، إن واشنطن "
            "تخلت عنها.",
            "2019-10-14",
            {("us_led_coalition", "sdf")},
        ),
        # a pronoun in the relative clause goes back to the antecedent: the clause's own subject is backed
        (
            "يأتي التوتر بعد سقوط بشار الأسد، الذي قاتل حزب الله إلى جانب قواته أكثر من عقد بتمويل وتسليح من إيران.",
            "2025-03-17",
            {("hezbollah", "syrian_government"), ("iran", "hezbollah")},
        ),
        # a state's air force thanked for
        (
            "في سوريا، رجحت كفة الأسد بفضل سلاح الجو الروسي.",
            "2017-07-20",
            {("russia", "syrian_government")},
        ),
    ],
)
def test_with_support_in_a_relative_clause_and_thanks_to_an_air_force(text, date, expected):
    assert {(b, c) for b, c, _k in statements(text, date)} == expected
