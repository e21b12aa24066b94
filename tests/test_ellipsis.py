"""Unit tests of helpers.ellipsis: backing said again of another subject without its verb, in sentences written
for these tests."""

from __future__ import annotations

import pytest
from hand_sentences import statements

BOTH = {("russia", "syrian_government"), ("iran", "syrian_government")}


@pytest.mark.parametrize(
    "text",
    [
        "Russia has armed the Syrian army, as has Iran.",
        "Russia armed the Syrian army, and so did Iran.",
        "Russia has armed the Syrian army; Iran has done the same.",
        "Russia sent advisers to the Syrian army, and Iran did likewise.",
        "Russia has armed the Syrian army, and Iran too.",
        "Russia has armed the Syrian army but not its militias, as has Iran.",
    ],
)
def test_a_subject_doing_the_same_backs_the_same_client(text):
    assert BOTH <= {(b, c) for b, c, _ in statements(text)}, text


def test_every_name_listed_after_as_have_backs():
    found = {(b, c) for b, c, _ in statements("Russia has armed the Syrian army, as have Iran and Hezbollah.")}
    assert BOTH | {("hezbollah", "syrian_government")} <= found, found


@pytest.mark.parametrize(
    "text",
    [
        "Russia has armed the Syrian army, as has been reported since 2012; Iran denies it.",
        "Russia has armed the Syrian army, and Iran has condemned the strikes.",
        "Iran said Russia has armed the Syrian army, as it has done for years.",
        # a contrast opens another predicate: what Iran does too is that one
        "Russia has armed the Syrian army but calls Hezbollah a threat, as does Iran.",
        "Russia has armed the Syrian army, although it brands the Kurds terrorists, as does Iran.",
    ],
)
def test_no_subject_said_again_adds_nothing(text):
    assert ("iran", "syrian_government") not in {(b, c) for b, c, _ in statements(text)}, text


@pytest.mark.parametrize(
    "text",
    [
        "وتدعم روسيا النظام السوري، وكذلك تفعل إيران.",
        "وتدعم روسيا النظام السوري، كما تدعمه إيران.",
        "وتدعم روسيا النظام السوري، وإيران كذلك.",
    ],
)
def test_an_arabic_subject_doing_the_same_backs_the_same_client(text):
    assert BOTH <= {(b, c) for b, c, _ in statements(text)}, text


def test_an_arabic_sentence_with_no_subject_said_again_adds_nothing():
    found = {(b, c) for b, c, _ in statements("وتدعم روسيا النظام السوري، وكذلك انتقدت إيران الغارات.")}
    assert ("iran", "syrian_government") not in found, found
