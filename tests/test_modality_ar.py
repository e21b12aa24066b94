"""Unit tests of helpers.modality_ar: the modality and attribution of Arabic backing statements, in sentences
written for these tests."""

from __future__ import annotations

import pandas as pd
import pytest

import helpers as h


def _support(text: str) -> pd.DataFrame:
    c = pd.DataFrame(
        {"doc_id": ["d"], "title": ["سوريا"], "text": [text], "date": pd.to_datetime(["2016-05-01"], utc=True)}
    )
    return h.extract_support(c, h.tag_mentions(c))


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("دعمت روسيا الحكومة السورية عسكريا.", "asserted"),
        ("نفت تركيا أنها دعمت تنظيم الدولة.", "denied"),
        ("اتهمت دمشق أنقرة بدعم جبهة النصرة.", "alleged"),
        ("قد تدعم روسيا الحكومة السورية بصواريخ جديدة.", "possible"),
        ("كانت روسيا قد دعمت الحكومة السورية منذ عام 2015.", "asserted"),  # قد after كان: the perfect
        ("تعد روسيا الداعم الأبرز للحكومة السورية.", "asserted"),  # تُعدّ "is considered", not تَعِد "promises"
    ],
)
def test_modality(text, modality):
    assert set(_support(text).modality.astype(str)) == {modality}, text


def test_the_accuser_named_after_the_verb_is_the_attribution():
    s = _support("اتهمت دمشق أنقرة بدعم جبهة النصرة.")
    assert list(s.attributed_to.astype(str)) == ["syrian_government"]


def test_a_denial_inside_a_relative_aside_is_not_the_clauses():
    text = "أما تركيا، التي نفت أي دور لها في الهجوم، فقد ساندت بالطائرات المسيرة فصائل الجيش الوطني السوري."
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2024-12-15"], utc=True)})
    e = h.extract_support(c, h.tag_mentions(c))
    assert set(zip(e.backer, e.client, e.modality)) == {("turkey", "syrian_national_army", "asserted")}
