"""Unit tests of helpers.shapes_ar_give through extract_support: receiving, arriving, contributing, sending."""

from __future__ import annotations

import pandas as pd
import pytest

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
