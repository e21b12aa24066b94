"""Unit tests of helpers.textnorm.fold: length-preserving folding for matching."""

from __future__ import annotations

import pytest

from helpers.textnorm import fold


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Erdo\u011fan", "erdogan"),
        ("T\u00fcrkiye", "turkiye"),
        ("\u0130stanbul", "istanbul"),
        ("\u0131", "i"),
        ("Assad\u2019s", "assad's"),
        ("Assad\u2018s \u00b4x\u00b4", "assad's 'x'"),
        ("north\u2013south \u2014 east\u2212west", "north-south - east-west"),
        ("a\nb\tc\rd\u00a0e\u202ff", "a b c d e f"),
        ("HTS", "hts"),
        ("", ""),
    ],
)
def test_fold(text, expected):
    assert fold(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "\u0130\u0130 d\u00e9j\u00e0 \u2019 \u2014",
        "\u0130stanbul\nAnkara",
        "\u00df stra\u00dfe",
        "\ufb01 ligature",
        "\u1e9e",
        "plain ascii",
    ],
)
def test_fold_keeps_the_length(text):
    assert len(fold(text)) == len(text)
    assert len(fold(text, lower=False)) == len(text)


def test_fold_without_lowercasing_keeps_case_but_folds_marks():
    assert fold("Erdo\u011fan\u2019s \u0130DLIB\u2014now", lower=False) == "Erdogan's IDLIB-now"
    assert fold("ABC\tdef", lower=False) == "ABC def"


def test_fold_leaves_curly_double_quotes_and_other_scripts():
    assert fold("\u201cHoms\u201d") == "\u201choms\u201d"
    assert fold("\u041c\u043e\u0441\u043a\u0432\u0430") == "\u043c\u043e\u0441\u043a\u0432\u0430"


def test_fold_offsets_match_the_original():
    text = "\u0130dlib and Erdo\u011fan\u2019s T\u00fcrkiye"
    folded = fold(text)
    i = folded.index("turkiye")
    assert text[i : i + 7] == "T\u00fcrkiye"


def test_fold_maps_the_backtick_apostrophe():
    assert fold("Assad`s") == "assad's"
    assert fold("Assad`s \u2019") == "assad's '"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\uff28\uff45\uff5a\uff42\uff4f\uff4c\uff4c\uff41\uff48", "hezbollah"),  # fullwidth letters
        ("S\uff0eD\uff0eF\uff0e", "s.d.f."),  # fullwidth full stops
        ("\u0405DF units", "sdf units"),  # a Cyrillic capital S inside a Latin acronym
        ("H\u0435zbollah", "hezbollah"),  # a Cyrillic small e inside a Latin word
        ("\u0420\u043e\u0441\u0441\u0438\u044f", "\u0440\u043e\u0441\u0441\u0438\u044f"),  # Russian stays Russian
        ("\u0391\u03b8\u03ae\u03bd\u03b1", "\u03b1\u03b8\u03ae\u03bd\u03b1"),  # and Greek stays Greek
    ],
)
def test_fold_reads_fullwidth_forms_and_latin_lookalikes(text, expected):
    assert fold(text) == expected
    assert len(fold(text, lower=False)) == len(text)


def test_fold_without_lowercasing_keeps_the_case_of_fullwidth_and_lookalike_letters():
    assert fold("\uff33\uff24\uff26 and \u0405DF", lower=False) == "SDF and SDF"
