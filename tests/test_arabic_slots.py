"""Unit tests of helpers.arabic_slots: where the names of an Arabic sentence stand."""

from __future__ import annotations

from helpers import arabic
from helpers.arabic_slots import (
    clause_first,
    head_of,
    list_after,
    list_before,
    name_after,
    name_before,
    said_subject,
    subject_before_comma,
    subject_of,
)
from helpers.clauses import Mention, Sentence
from helpers.cues import load_cues
from helpers.grammar import grammar_of
from helpers.textnorm import fold


def sent(text: str, *spans) -> Sentence:
    """A folded Arabic sentence with mentions at the given words ``(word, entity, kind[, via])``."""
    f, _ = arabic.strip_marks(fold(text))
    ms, pos = [], 0
    for word, ent, kind, *via in spans:
        w, _ = arabic.strip_marks(fold(word))
        i = f.index(w, pos)
        ms.append(Mention(i, i + len(w), ent, kind, via[0] if via else "name"))
        pos = i + len(w)
    return Sentence(f, f, ms, grammar_of(load_cues()))


def test_names_after_and_before_a_position_within_a_few_words():
    s = sent("دعمت روسيا الجيش السوري", ("روسيا", "russia", "state"), ("الجيش السوري", "syrian_government", "state"))
    verb_end = s.f.index(" ")
    assert name_after(s, verb_end) == 0
    assert name_after(s, s.m[0].end) == 1
    assert name_before(s, s.m[1].start) == 0
    assert name_before(s, len(s.f), max_words=0) == 1
    s2 = sent("دعمت روسيا بقوة كبيرة جدا الجيش", ("روسيا", "russia", "state"), ("الجيش", "x", "state"))
    assert name_after(s2, s2.m[0].end, max_words=1) is None


def test_lists_with_wa_and_commas():
    s = sent(
        "روسيا وإيران وتركيا", ("روسيا", "russia", "state"), ("إيران", "iran", "state"), ("تركيا", "turkey", "state")
    )
    assert list_after(s, 0) == [0, 1, 2]
    assert list_before(s, 2) == [0, 1, 2]


def test_a_class_named_with_its_example_after_such_as_is_one_item_of_the_list():
    s = sent(
        "روسيا ودول مثل إيران",
        ("روسيا", "russia", "state"),
        ("إيران", "iran", "state"),
    )
    assert list_before(s, 1) == [0, 1]
    s = sent("فصائل مثل أحرار الشام", ("أحرار الشام", "ahrar_al_sham", "faction"))
    assert list_before(s, 0) == [0]


def test_the_clause_first_actor_skips_a_time_aside_and_starts_after_that():
    s = sent(
        "بدأت الطائرات الروسية، اليوم الأربعاء، غاراتها دعما لقوات الأسد",
        ("الروسية", "russia", "state", "demonym"),
        ("الأسد", "syrian_government", "state"),
    )
    assert clause_first(s, s.f.index("دعما")) == 0
    s2 = sent(
        "قال قائد الجيش إن روسيا طلبت قاعدة مقابل تسليح الجيش",
        ("الجيش", "saf", "faction"),
        ("روسيا", "russia", "state"),
        ("الجيش", "saf", "faction"),
    )
    assert subject_of(s2, s2.f.index("مقابل")) == 1  # the reported clause's own subject


def test_head_of_a_demonym_after_a_name_and_the_speaker_of_that_she():
    s = sent("مجموعة فاغنر الروسية", ("فاغنر", "wagner", "faction"), ("الروسية", "russia", "state", "demonym"))
    assert head_of(s, 1) == 0
    s2 = sent("قالت أنقرة إنها لم تقدم أي دعم", ("أنقرة", "turkey", "state"))
    assert said_subject(s2, s2.f.index("تقدم")) == 0


def test_the_subject_before_a_comma_past_a_short_aside():
    s = sent(
        "انضم كيكل، قائد درع السودان، إلى الجيش",
        ("كيكل", "sudan_shield_forces", "faction"),
        ("درع السودان", "sudan_shield_forces", "faction"),
        ("الجيش", "sudanese_armed_forces", "state"),
    )
    assert subject_before_comma(s, s.m[2].start) == 1  # the clause before the comma: the aside naming him
    assert subject_before_comma(s, s.m[0].start) is None  # no comma before


def test_lists_with_aw_and_wala_and_a_repeated_lam():
    s = sent("لم تقدم أي دعم لروسيا أو لإيران", ("روسيا", "russia", "state"), ("إيران", "iran", "state"))
    assert list_after(s, 0) == [0, 1]
    s = sent("لم تزود روسيا ولا إيران بشيء", ("روسيا", "russia", "state"), ("إيران", "iran", "state"))
    assert list_after(s, 0) == [0, 1]
    s = sent("دعمت روسيا في دمشق إيران", ("روسيا", "russia", "state"), ("إيران", "iran", "state"))
    assert list_after(s, 0) == [0]  # no conjunction: no list


def test_the_clause_subject_past_a_relative_aside_closed_by_a_comma():
    s = sent(
        "إن إريتريا، التي استقبلت البرهان مرارا، تدرب مقاتلين لصالح الجيش",
        ("إريتريا", "eritrea", "state"),
        ("البرهان", "sudanese_armed_forces", "faction"),
        ("الجيش", "sudanese_armed_forces", "faction"),
    )
    assert subject_of(s, s.f.index("لصالح")) == 0
