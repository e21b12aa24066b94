"""Unit tests of helpers.shapes_ar_shield: an Arabic veto or block of a measure against an actor backs it, in
sentences written for these tests."""

from __future__ import annotations

import pytest
from hand_sentences import statements


@pytest.mark.parametrize(
    ("text", "edges"),
    [
        (
            "واستخدمت روسيا والصين حق النقض (الفيتو) ضد مشروع قرار في مجلس الأمن يدين النظام السوري.",
            {("russia", "syrian_government"), ("china", "syrian_government")},
        ),
        ("ورفعت موسكو الفيتو في وجه مشروع قرار يدين الحكومة السورية.", {("russia", "syrian_government")}),
        ("وأحبطت روسيا مشروع قرار يفرض عقوبات على النظام السوري.", {("russia", "syrian_government")}),
    ],
)
def test_whoever_vetoes_or_blocks_a_measure_against_an_actor_backs_it(text, edges):
    found = {(b, c) for b, c, kind in statements(text, "2016-03-01") if kind == "shield"}
    assert edges <= found, found


@pytest.mark.parametrize(
    "text",
    [
        "واستخدمت روسيا الفيتو ضد مشروع قرار بشأن المساعدات الإنسانية في حلب.",
        "واستخدمت القوات التركية الطائرات المسيرة ضد مواقع قوات سوريا الديمقراطية.",
        "وتبنى مجلس الأمن مشروع قرار يدين النظام السوري.",
    ],
)
def test_no_veto_against_an_actor_backs_no_one(text):
    assert not {k for k in statements(text, "2016-03-01") if k[2] == "shield"}, text


@pytest.mark.parametrize(
    "text",
    [
        "استخدمت روسيا والصين حق النقض لإسقاط مشروع قرار ضد دمشق.",
        "استخدمت روسيا والصين مساء الثلاثاء حق النقض (الفيتو) لإسقاط مشروع قرار أوروبي في مجلس الأمن الدولي كان يلوّح "
        "بإجراءات محددة الأهداف ضد دمشق.",
    ],
)
def test_a_veto_to_bring_down_a_measure_against_a_capital_shields_its_state(text):
    assert {(b, c) for b, c, _k in statements(text, "2011-10-05")} == {
        ("russia", "syrian_government"),
        ("china", "syrian_government"),
    }


def test_bringing_down_a_draft_threatening_sanctions_by_a_pair_named_before_the_verb():
    text = "موسكو وبكين تُسقطان في مجلس الأمن مسودة أوروبية تلوّح بعقوبات على حكومة الأسد، وواشنطن تعلن غضبها"
    assert {(b, c) for b, c, _k in statements(text, "2011-10-05")} == {
        ("russia", "syrian_government"),
        ("china", "syrian_government"),
    }
    assert statements("أسقطت الدفاعات الجوية السورية طائرة تركية.", "2012-06-23") == set()
