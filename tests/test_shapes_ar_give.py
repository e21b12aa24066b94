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
