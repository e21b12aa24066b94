"""Unit tests of helpers.cues_ar: the Arabic cue file read, validated and folded, and its verbs inflected."""

from __future__ import annotations

import pytest

from helpers import cues_ar as ca


def test_load_cues_ar_reads_every_section_folded():
    lex = ca.load_cues_ar()
    assert lex.verbs and lex.participles and lex.nouns and lex.transfers and lex.with_preps
    assert lex.alignment and lex.denial and lex.negation and lex.accusation and lex.speech
    # folded like the text: no hamza forms of alef, no short vowels
    assert not any(ch in w for w in lex.verbs for ch in "\u0623\u0625\u0622\u064e\u064f\u0650")
    assert ca.load_cues_ar() is lex  # read once
    assert lex.any_cue().search(ca.fold_word("دعمت روسيا الحكومة"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- a\n", "the file must be a mapping"),
        ("cues: {a: 1}\n", "'cues' must be a list of entries"),
        ("cues: [{lang: ar, verb: [دعم]}]\ntransfers: [{lang: ar, verbs: زود}]\n", "'verbs' must be a list of words"),
    ],
)
def test_a_bad_cue_file_names_file_and_reason(tmp_path, text, message):
    p = tmp_path / "ar.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(ca.CueErrorAr, match=message):
        ca.load_cues_ar(str(p))


def test_a_bad_word_list_names_the_file_read(tmp_path):
    p = tmp_path / "mine_ar.yaml"
    p.write_text("transfers:\n  - {lang: ar, verbs: زود}\n", encoding="utf-8")
    with pytest.raises(ca.CueErrorAr, match=r"mine_ar\.yaml, line 2"):
        ca.load_cues_ar(str(p))


def test_only_arabic_entries_are_read(tmp_path):
    p = tmp_path / "ar.yaml"
    p.write_text(
        "cues:\n  - {lang: en, verb: [backs]}\n  - {lang: ar, verb: [يدعم], type: military}\n", encoding="utf-8"
    )
    lex = ca.load_cues_ar(str(p))
    assert lex.verbs == {ca.fold_word("يدعم"): "military"} and lex.transfers == ()


def test_inflect_derives_persons_tenses_and_moods():
    lex = ca.load_cues_ar()
    for form in ("ندعم", "سيدعم", "ادعم", "يدعموا", "دعمنا", "نساعد", "سنرسل"):
        assert form in lex.verbs or form in lex.transfers, form
    assert ca.inflect({"يدعم": "unspecified"}, {}) == {"يدعم": "unspecified"}  # no morphology: no change
    got = ca.inflect({"يدعمان": "x"}, {"present_prefix": "ي", "present_persons": ["ن"], "future": "س"})
    assert set(got) == {"يدعمان", "سيدعمان"}  # a dual takes no other person


def test_inflect_derives_the_dual_and_plural_present():
    morph = {"present_prefix": "ي", "present_persons": ["ن", "ت"], "present_dual": "ان", "present_plural": "ون"}
    got = ca.inflect({"يمد": "weapons"}, morph)
    assert {"يمدان", "تمدان", "يمدون", "نمد", "تمد"} <= set(got)
    assert "نمدان" not in got  # the first person has no dual
    assert "تمدان" in ca.load_cues_ar().transfers  # the shipped file asks for it


WORDS = ("دعم", "تسليح", "الي جانب", "زودت", "ارسلت")
TEXTS = (
    "قالت مصادر إن إيران زودت الحوثيين بصواريخ، وبالدعم الروسي تقدمت القوات",
    "وقفت الفصائل الي  جانب الجيش، ولدعم الحكومة ارسلت انقرة جنودا",
    "الدعمات لا تعد دعما، وللتسليح ثمن: تسليحهم وتسليح الجيش",
    "no arabic here at all",
)


@pytest.mark.parametrize("text", TEXTS)
def test_word_finder_finds_what_the_pattern_finds(text):
    finder = ca.alt_rx(WORDS)
    spans = [(m.span(), m.group(0)) for m in finder.rx.finditer(text)]
    assert [(m.span(), m.group(0)) for m in finder.finditer(text)] == spans
    for pos, endpos in ((0, len(text)), (3, 40), (9, 12), (20, len(text) - 5)):  # words cut at either end too
        want = [m.span() for m in finder.rx.finditer(text, pos, endpos)]
        assert [m.span() for m in finder.finditer(text, pos, endpos)] == want
        hit, got = finder.rx.search(text, pos, endpos), finder.search(text, pos, endpos)
        assert (hit and hit.span()) == (got and got.span())


def test_readings_take_the_proclitic_and_the_article_off():
    assert {"وبالدعم", "بالدعم", "الدعم", "دعم"} <= ca.readings("وبالدعم")
    assert "تسليح" in ca.readings("للتسليح")
    assert "دعم" not in ca.readings("الدعمات")


def test_a_word_list_with_other_characters_is_searched_by_its_pattern_alone():
    finder = ca.alt_rx(("دعم", "x-ray"))
    assert finder.firsts is None
    assert [m.group(0) for m in finder.finditer("دعم x-ray")] == ["دعم", "x-ray"]


def test_object_pronoun_forms_write_a_final_ya_as_alif():
    from helpers.cues_ar import verb_stem, with_objects

    forms = with_objects(("يدعم", "يرعي"))
    assert "يدعمها" in forms and "يرعاها" in forms and "يرعيها" in forms
    assert verb_stem("يرعا", {"يرعي": ""}) == "يرعي"
    assert verb_stem("يدعم", {"يدعم": ""}) == "يدعم"
