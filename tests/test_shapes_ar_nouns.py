"""Unit tests of helpers.shapes_ar_nouns: Arabic backer and client nouns, and cues with a pronoun written on (end to
end, the nominal shapes' edges only)."""

from __future__ import annotations

import pandas as pd
import pytest
from hand_sentences import statements as _statements

import helpers as h


def nominal_edges(text: str, date: str = "2016-05-01") -> set[tuple[str, str, str]]:
    c = pd.DataFrame(
        {"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime([date], utc=True), "source": ["s"]}
    )
    e = h.extract_support(c, h.tag_mentions(c))
    return set(zip(e.backer.astype(str), e.client.astype(str), e.cue_kind.astype(str)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # backers named right before the noun, the client after ل
        (
            "وصلت وفود روسيا وإيران، الداعمين الرئيسيين للحكومة السورية، إلى أستانا.",
            {("russia", "syrian_government", "noun"), ("iran", "syrian_government", "noun")},
        ),
        # the owner after a client noun backs the actor before it
        ("يعد حزب الله أبرز أذرع إيران في المنطقة.", {("iran", "hezbollah", "noun")}),
        # a verb with its object written on: the subject after it backs the name before the relative pronoun
        ("تقدمت فصائل الجيش السوري الحر التي تدعمها أنقرة نحو الباب.", {("turkey", "free_syrian_army", "verb")}),
        # a verb ending in ى writes it ا before the pronoun (يرعى -> يرعاه)
        ("يقاتل حزب الله الذي ترعاه إيران في سوريا.", {("iran", "hezbollah", "verb")}),
        # a noun with its owner pronoun and ل: the name before owns it; after ب it is never a verb
        ("أكدت طهران استمرار دعمها للحكومة السورية.", {("iran", "syrian_government", "noun")}),
        (
            "عقدت أنقرة اجتماعات في إطار ما تصفه بدعمها لفصائل المعارضة في سوريا.",
            {("turkey", "syrian_opposition", "noun")},
        ),
        # a verb of undertaking after a relative pronoun, its subject, then the cue with the antecedent written on
        (
            "هاجم جيش الإسلام، الفصيل الذي تتولى الرياض تمويله، مواقع في دمشق.",
            {("saudi_arabia", "jaysh_al_islam", "noun")},
        ),
    ],
)
def test_nominal_shapes(text, expected):
    assert nominal_edges(text) == expected, text


def test_an_ally_noun_is_no_backer():
    assert nominal_edges("قال مسؤول إن روسيا حليف للحكومة السورية.") == set()


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # adjectives between a backer noun and its client
        (
            "تركيا هي الراعي الإقليمي الأول لسلطة الرئيس أحمد الشرع.",
            "2025-04-05",
            {
                ("turkey", "syrian_transitional_government", "noun"),
            },
        ),
        ("إيران هي الداعم الأبرز لنظام الأسد.", "2016-04-05", {("iran", "syrian_government", "noun")}),
    ],
)
def test_a_backer_noun_with_adjectives(text, date, expected):
    assert nominal_edges(text, date) == expected, text


def test_a_dual_backer_noun_and_a_second_list_after_it():
    text = "اجتمعت في أستانة روسيا وإيران، الداعمتان للنظام السوري، وتركيا الداعمة لفصائل المعارضة."
    assert {(b, c) for b, c, _ in nominal_edges(text, "2017-01-24")} == {
        ("russia", "syrian_government"),
        ("iran", "syrian_government"),
        ("turkey", "syrian_opposition"),
    }


def test_a_backer_noun_joined_to_its_client_names_the_backers_after_a_comma():
    text = "وندد داعمو الأسد الرئيسيون، روسيا وإيران، بالضربة الأمريكية."
    assert {(b, c) for b, c, _ in nominal_edges(text, "2017-04-07")} == {
        ("russia", "syrian_government"),
        ("iran", "syrian_government"),
    }


def test_weapons_before_a_client_are_not_a_form_of_to_arm():
    text = "قصفت الولايات المتحدة منشآت قالت إنها جزء من برنامج الأسلحة الكيميائية للحكومة السورية."
    assert not nominal_edges(text, "2018-04-14")


def test_a_second_verb_with_its_object_written_on_keeps_the_first_verbs_object():
    found = nominal_edges("صمد نظام الأسد، الذي تسلحه روسيا وتموله إيران، في وجه المعارضة.")
    assert {("russia", "syrian_government", "verb"), ("iran", "syrian_government", "verb")} <= found
    assert not {e for e in found if e[:2] == ("iran", "russia")}


def test_a_dual_or_plural_owner_pronoun_gives_the_support_to_every_owner_listed():
    found = nominal_edges("أكدت روسيا وإيران دعمهما للحكومة السورية في حربها.")
    assert {("russia", "syrian_government", "noun"), ("iran", "syrian_government", "noun")} <= found


def test_who_denies_a_role_in_a_verbal_noun_owns_it():
    found = nominal_edges("تنفي أنقرة أي دور في تسليح مقاتلي هيئة تحرير الشام.", "2019-05-01")
    assert {e[:2] for e in found} == {("turkey", "hts")}


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # a capital after the lam of a patron noun is the state it names
        ("باتت أنقرة الراعي الأول لدمشق منذ سقوط الأسد.", "2025-05-05", ("turkey", "syrian_transitional_government")),
        # the new authority in the singular, after 8 Dec 2024
        (
            "تبدو قطر اليوم الداعم الأبرز للسلطة الجديدة في سوريا.",
            "2025-05-05",
            ("qatar", "syrian_transitional_government"),
        ),
        # a lifeline, with its adjective, before its client
        ("ظلت موسكو شريان الحياة العسكري للنظام السوري طوال الحرب.", "2017-05-05", ("russia", "syrian_government")),
    ],
)
def test_a_patron_or_a_lifeline_noun_before_its_client(text, date, expected):
    assert expected in {(b, c) for b, c, _k in nominal_edges(text, date)}, text


def test_an_indefinite_backer_noun_after_presenting_oneself():
    text = "قدمت أنقرة نفسها راعيا رئيسيا للحكومة السورية الجديدة منذ الشتاء."
    assert {(b, c) for b, c, _k in nominal_edges(text, "2025-03-01")} == {("turkey", "syrian_transitional_government")}


def test_allies_of_a_name_and_its_backers():
    text = "ظلت روسيا وإيران أقرب حلفاء النظام السوري وداعميه حتى سقوطه."
    assert {(b, c) for b, c, _k in nominal_edges(text, "2020-03-01")} == {
        ("russia", "syrian_government"),
        ("iran", "syrian_government"),
    }
    # meeting them is no backing
    assert nominal_edges("اجتمع المبعوث بحلفاء النظام السوري وداعميه في جنيف.", "2020-03-01") == set()


@pytest.mark.parametrize(
    ("text", "date", "gazetteer", "expected"),
    [
        # the one at an actor's back
        (
            "تظل الإمارات الظهير الأبرز لقوات الدعم السريع.",
            "2024-06-01",
            "sudan",
            ("united_arab_emirates", "rapid_support_forces"),
        ),
        # a prop, indefinite after a verb of being
        (
            "قال الوزير إن قطر ستكون سندا للحكومة السورية الجديدة.",
            "2025-03-01",
            "syria",
            ("qatar", "syrian_transitional_government"),
        ),
        # a trainer of an army
        (
            "وقع البلدان اتفاقا يجعل تركيا مدربا للجيش السوري.",
            "2025-09-01",
            "syria",
            ("turkey", "syrian_transitional_government"),
        ),
        # the closest patron, after an aside set off by commas and before إلى
        (
            "وتبقى مصر، منذ اندلاع القتال في الخرطوم، الراعي الأقرب إلى الجيش السوداني.",
            "2024-06-01",
            "sudan",
            ("egypt", "sudanese_armed_forces"),
        ),
    ],
)
def test_more_backer_nouns_and_their_backer_before_an_aside(text, date, gazetteer, expected):
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime([date], utc=True)})
    e = h.extract_support(c, h.tag_mentions(c, gazetteer=[gazetteer]))
    assert set(zip(e.backer.astype(str), e.client.astype(str))) == {expected}, text


def test_a_client_noun_whose_clients_are_named_within_a_group_after_the_owner():
    assert {
        (b, c) for b, c, _k in nominal_edges("يتقدم وكلاء أنقرة في الجيش الوطني السوري نحو منبج.", "2019-10-12")
    } == {("turkey", "syrian_national_army")}
    # a place after the owner is where they are, no client
    assert nominal_edges("ينتشر وكلاء إيران في سوريا منذ سنوات.", "2019-10-12") == set()


def test_two_backer_nouns_joined_by_and_before_the_client():
    # the funder and the armer, then the adjective: the cue spans both nouns
    text = "ويرى الجيش أن أبوظبي هي الممول والمسلح الأول لقوات الدعم السريع."
    got = h.extract_support(*_frame_and_mentions(text, "2024-06-01", "sudan"))
    assert set(zip(got.backer, got.client, got.cue)) == {
        ("united_arab_emirates", "rapid_support_forces", "الممول والمسلح")
    }
    # the patron and the backer of a name in Syria
    text = "ظلت طهران الراعي والداعم الرئيسي لحزب الله طوال عقود."
    assert {(b, c) for b, c, _k in nominal_edges(text)} == {("iran", "hezbollah")}


def _frame_and_mentions(text: str, date: str, pack: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    c = pd.DataFrame(
        {"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime([date], utc=True), "source": ["s"]}
    )
    return c, h.tag_mentions(c, gazetteer=[pack])


def test_the_prop_noun_with_two_adjectives_joined_by_and():
    text = "صارت أنقرة والدوحة السند العسكري والمالي للحكومة السورية الجديدة."
    assert {(b, c) for b, c, _k in nominal_edges(text, "2025-10-01")} == {
        ("turkey", "syrian_transitional_government"),
        ("qatar", "syrian_transitional_government"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name set beside the holder ("إلى جانب", "فضلا عن") in an aside holds the role too
        (
            "ظلت طهران، إلى جانب موسكو، الداعم الأكبر لحكومة الأسد حتى سقوطها.",
            {("iran", "syrian_government"), ("russia", "syrian_government")},
        ),
        (
            "كانت تركيا فضلا عن قطر أبرز داعمي الجيش السوري الحر.",
            {("turkey", "free_syrian_army"), ("qatar", "free_syrian_army")},
        ),
        # an apposition after the second name names it alone
        ("قاتل حزب الله إلى جانب إيران، الداعم الأكبر للأسد.", {("iran", "syrian_government")}),
    ],
)
def test_a_name_beside_a_role_holder_holds_it_too(text, expected):
    assert {(b, c) for b, c, k in _statements(text, "2016-06-01") if k == "noun"} == expected, text


@pytest.mark.parametrize(
    ("text", "pack", "expected"),
    [
        # the object pronoun on a backing noun after an accusation: a faction named before the accusation
        (
            "سيطرت قوات الدعم السريع على بلدة جديدة في كردفان، وتتهم الحكومة السودانية الإمارات بتمويلها.",
            "sudan",
            {("united_arab_emirates", "rapid_support_forces")},
        ),
        # or the first actor of the sentence before ("ه": a masculine name; not the demonym of people)
        (
            "قال ضباط إسرائيليون إن الغارة أصابت مستودعا لحزب الله. ويتهم هؤلاء طهران بتسليحه عبر البحر.",
            None,
            {("iran", "hezbollah")},
        ),
        # the last that agrees: the party, not the army named first
        (
            "لم يعلق الجيش الإسرائيلي على الضربة، لكن ضباطا قالوا إنها استهدفت صواريخ لحزب الله. "
            "ويتهم هؤلاء طهران بتزويده بها.",
            None,
            {("iran", "hezbollah")},
        ),
        # none without an actor before the accusation
        ("اتهم الوزير أنقرة بتسليحها.", None, set()),
    ],
)
def test_the_pronoun_on_an_accused_backing_noun(text, pack, expected):
    got = {(b, c) for b, c, _ in _statements(text, "2024-03-01", pack)}
    assert got == expected, text


def test_the_topic_of_an_aside_is_no_member_of_the_list_after_it():
    text = "واتهم المندوب، خلال جلسة بشأن السودان، الإمارات بأنها الراعي الأول لقوات الدعم السريع."
    got = {(b, c) for b, c, _ in _statements(text, "2024-06-22", "sudan")}
    assert ("united_arab_emirates", "rapid_support_forces") in got
    assert ("sudanese_government", "rapid_support_forces") not in got


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # a relative clause after a name calls the actors in it the name's backers (the pronoun on the noun)
        (
            "تراجع نفوذ الحوثيين، الذين ظلت إيران أبرز داعميهم طوال الحرب.",
            "2024-12-20",
            {("iran", "houthis", "noun")},
        ),
        (
            "تحدث المسؤول عن حزب الله، الذي كانت إيران وسوريا من داعميه.",
            "2015-01-10",
            {("iran", "hezbollah", "noun"), ("syrian_government", "hezbollah", "noun")},
        ),
        # not a backer noun: criticising the name's backers
        ("تحدث المسؤول عن حزب الله، الذي كانت فرنسا تنتقد داعميه.", "2015-01-10", set()),
    ],
)
def test_backers_named_in_a_relative_clause(text, date, expected):
    assert nominal_edges(text, date) == expected, text


def test_a_name_a_relative_clause_describes_as_a_backer_backs_alleged_by_the_describer():
    c = pd.DataFrame(
        {
            "doc_id": ["d"],
            "title": [""],
            "text": ["أقام السودان دعوى ضد الإمارات، التي تصفها الحكومة السودانية بالداعم الرئيسي لقوات الدعم السريع."],
            "date": pd.to_datetime(["2025-03-07"], utc=True),
        }
    )
    e = h.extract_support(c, h.tag_mentions(c, gazetteer=["sudan"]))
    got = {(b, cl, m, a) for b, cl, m, a in zip(e.backer, e.client, e.modality, e.attributed_to)}
    assert got == {("united_arab_emirates", "rapid_support_forces", "alleged", "sudanese_government")}


def test_a_title_and_the_head_noun_of_a_leaders_government_name_his_state():
    assert ("russia", "syrian_government", "transfer") in nominal_edges(
        "قدمت موسكو دعما عسكريا لحكومة الرئيس بشار الأسد.", "2015-10-20"
    )
    assert ("iran", "syrian_government") in {
        (b, c) for b, c, _k in _statements("أرسلت إيران أسلحة لنظام الرئيس بشار الأسد.", "2015-10-20")
    }
