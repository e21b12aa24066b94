"""Unit tests of helpers.shapes_ar_pronoun through extract_support: a client written as a pronoun on the verb."""

from __future__ import annotations

import pandas as pd
import pytest
from hand_sentences import statements

import helpers as h

CASES = [
    # the pronoun on the verb, its subject after it (a particle before) or before it (a dual verb after a list)
    (
        "sudan",
        "الجيش السوداني يواجه الدعم السريع منذ عامين، وقد زودته إيران بمسيرات.",
        {("iran", "sudanese_armed_forces")},
    ),
    (
        "sudan",
        "يعتمد الجيش السوداني على حلفائه، إذ تشير تقارير إلى أن تركيا وإيران زودتاه بطائرات مسيرة.",
        {("turkey", "sudanese_armed_forces"), ("iran", "sudanese_armed_forces")},
    ),
    (
        "sudan",
        "قوات الدعم السريع تتقدم في دارفور، فيما تمولها الإمارات منذ بداية الحرب.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    # ل + pronoun after the verb
    (
        "sudan",
        "يخوض الجيش السوداني حربه ضد الدعم السريع، وتوفر له القاهرة غطاء سياسيا.",
        {("egypt", "sudanese_armed_forces")},
    ),
    # the topic of the reported clause, not its speaker
    ("syria", "قالت روسيا إن الجيش السوري يحارب الإرهاب، وتدعمه موسكو بالسلاح.", {("russia", "syrian_government")}),
    ("syria", "يقاتل حزب الله في سوريا منذ 2013، وتموله إيران.", {("iran", "hezbollah")}),
    # a plain backing or giving verb with nothing given may stand for a draft or a plan, not an actor
    ("sudan", "رفض الجيش السوداني مشروع هدنة قدمته الإمارات، فيما دعمته مصر.", set()),
    # a verb after و goes on with the first clause's subject: the name before it is that clause's object
    (
        "sudan",
        "تمول الإمارات الدعم السريع وتمدها بالمرتزقة والسلاح.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    # "her support for": ل before the name after the verb makes it the one backed, read by another shape
    ("syria", "انتقدت واشنطن طهران، ودعمها لحزب الله.", {("iran", "hezbollah")}),
]


@pytest.mark.parametrize(("pack", "text", "expected"), CASES)
def test_pronoun_client(pack, text, expected):
    c = pd.DataFrame(
        {
            "doc_id": ["d"],
            "title": ["سوريا" if pack == "syria" else ""],
            "text": [text],
            "date": pd.to_datetime(["2016-05-01" if pack == "syria" else "2024-11-01"], utc=True),
            "source": ["s"],
        }
    )
    e = h.extract_support(c, h.tag_mentions(c, gazetteer=None if pack == "syria" else pack))
    assert set(zip(e.backer.astype(str), e.client.astype(str))) == expected, text


PURPOSE = [
    # a purpose noun with its object a pronoun: the clause's subject backs the sentence's topic
    ("syria", "تتقدم فصائل الجيش الحر نحو درعا، وقد دفعت قطر أموالا طائلة لتسليحها.", {("qatar", "free_syrian_army")}),
    # the speaker is the one helped by those in the reported clause
    (
        "syria",
        "أعلنت وحدات حماية الشعب أن عناصر من الجيش السوري وصلوا إلى منبج لمساندتها.",
        {("syrian_government", "ypg")},
    ),
    # the backer is the sentence's first actor: the one it told, and a negated verb denies
    ("syria", "أبلغت موسكو حزب الله أنها لن ترسل طائرات لنجدته.", {("russia", "hezbollah", "denied")}),
    # who asked for help after من does not help
    ("sudan", "قالت مصر إن مستشاريها في السودان بطلب من الجيش السوداني لمساعدتها.", set()),
    # a force moved (its verbal noun and agent before the purpose) helps, not the subject who announced the move
    (
        "syria",
        "أعلنت وحدات حماية الشعب توقيع اتفاق مع دمشق يقضي بنشر الجيش السوري على الحدود لمساندتها في صد الهجوم.",
        {("syrian_government", "ypg")},
    ),
]


@pytest.mark.parametrize(("pack", "text", "expected"), PURPOSE)
def test_a_purpose_noun_with_a_pronoun_object(pack, text, expected):
    c = pd.DataFrame(
        {
            "doc_id": ["d"],
            "title": [""],
            "text": [text],
            "date": pd.to_datetime(["2016-05-01" if pack == "syria" else "2024-11-01"], utc=True),
            "source": ["s"],
        }
    )
    e = h.extract_support(c, h.tag_mentions(c, gazetteer=pack))
    got = set(zip(e.backer.astype(str), e.client.astype(str)))
    if any(len(x) == 3 for x in expected):
        got = set(zip(e.backer.astype(str), e.client.astype(str), e.modality.astype(str)))
    assert got == expected, text


def test_a_purpose_pronoun_with_its_giver_named_after_min_is_not_the_subjects_gift():
    text = "فقد الحوثيون بسقوط الأسد طريقا لتزويدهم بالصواريخ من إيران."
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2024-12-20"], utc=True)})
    e = h.extract_support(c, h.tag_mentions(c, gazetteer=["syria"]))
    assert ("houthis", "syrian_government") not in set(zip(e.backer.astype(str), e.client.astype(str)))


def test_a_verb_whose_object_pronoun_stands_for_the_name_before_and_whose_subject_is_qualified_guns():
    # not the topic (Turkey, named first) backed by the fighters: the guns' state backs the fighters
    text = (
        "عبرت دبابات تركية الحدود فجرا، وتقدم مقاتلون من الجيش السوري الحر تساندهم المدفعية والطائرات التركية"
        " نحو جرابلس."
    )
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2016-08-24"], utc=True)})
    e = h.extract_support(c, h.tag_mentions(c))
    assert set(zip(e.backer.astype(str), e.client.astype(str))) == {("turkey", "free_syrian_army")}


def test_a_that_clause_with_a_pronoun_subject_is_no_topic():
    text = (
        "في السودان، يحظى الجيش بدعم مصري، ويعتقد أنه حصل على مسيرات من تركيا، فيما تقول تقارير إن إريتريا "
        "تدعمه بتدريب مقاتلين."
    )
    got = {(b, c) for b, c, _ in statements(text, "2026-01-20", "sudan")}
    assert ("eritrea", "sudanese_armed_forces") in got and ("eritrea", "turkey") not in got
