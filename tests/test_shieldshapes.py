"""Unit tests of helpers.shieldshapes: a veto or a block of a measure against an actor backs it, in sentences
written for these tests."""

from __future__ import annotations

import pandas as pd
import pytest
from hand_sentences import statements

import helpers as h


@pytest.mark.parametrize(
    ("text", "edges"),
    [
        ("Russia vetoed a UN resolution condemning Assad.", {("russia", "syrian_government")}),
        (
            "Russia and China vetoed a draft that would have imposed sanctions on the Syrian government.",
            {("russia", "syrian_government"), ("china", "syrian_government")},
        ),
        ("China has repeatedly blocked Security Council action against Damascus.", {("china", "syrian_government")}),
        ("Moscow vetoed every UN attempt to sanction the Syrian government.", {("russia", "syrian_government")}),
    ],
)
def test_whoever_vetoes_a_measure_against_an_actor_backs_it(text, edges):
    found = {(b, c) for b, c, kind in statements(text) if kind == "shield"}
    assert edges <= found, found


@pytest.mark.parametrize(
    "text",
    [
        "Russia vetoed a resolution on the humanitarian situation in Aleppo.",
        "Russia blocked attempts by the rebels to reach the city.",
        "The UN adopted a resolution condemning the Syrian government.",
    ],
)
def test_no_veto_of_a_measure_targeting_an_actor_backs_no_one(text):
    assert not {k for k in statements(text) if k[2] == "shield"}, text


def test_a_veto_is_political_support():
    text = "Russia vetoed a UN resolution condemning Assad."
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2016-01-01"], utc=True)})
    s = h.extract_support(c, h.tag_mentions(c))
    assert list(s.support_type.astype(str)) == ["political"]


def test_a_veto_by_joiner_and_joined_of_resolutions_aimed_at_an_actor():
    text = (
        "Russia, long Damascus's main arms supplier, has joined China in vetoing three Security Council resolutions "
        "aimed at Assad, and Tehran has stood firmly behind its closest Arab ally."
    )
    found = statements(text, "2012-11-20")
    assert ("china", "syrian_government", "shield") in found
    assert {(b, c) for b, c, _k in found} == {("russia", "syrian_government"), ("china", "syrian_government")}
