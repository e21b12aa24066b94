"""Arabic: folding keeps offsets, marks are skipped with exact spans, proclitics, sentence ends, the place or
actor reading of a country, backing statements in Arabic, language of a text."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers as h
from helpers import arabic
from helpers.textnorm import fold

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويأإآىةؤئ"
MARKS = "".join(sorted(arabic.MARKS))


def tag(text, date="2016-05-01"):
    c = pd.DataFrame(
        {"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime([date], utc=True), "source": ["s"]}
    )
    return h.tag_mentions(c)


def edges(text, date="2016-05-01"):
    c = pd.DataFrame(
        {"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime([date], utc=True), "source": ["s"]}
    )
    e = h.extract_support(c, h.tag_mentions(c))
    return {(str(b), str(k), m) for b, k, m in zip(e["backer"], e["client"], e["modality"])}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=LETTERS + MARKS + " ،.؟٠١٢٣" + "abc", max_size=60))
def test_fold_keeps_length_and_strip_maps_back(text):
    assert len(fold(text)) == len(text)
    plain, where = arabic.strip_marks(text)
    assert len(where) == len(plain) + 1 and where[-1] == len(text)
    assert all(text[where[i]] == plain[i] for i in range(len(plain)))
    assert not any(ch in arabic.MARKS for ch in plain)


def test_fold_maps_letter_variants_and_digits():
    assert fold("أإآ ى ة ؤ ئ ٢٠٢٤") == "ااا ي ه و ي 2024"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(["", "ُ", "َ", "ـ", "ّ"]), min_size=7, max_size=7),
    st.sampled_from(["", "و", "ب", "ل", "ف", "وب"]),
)
@pytest.mark.slow
def test_marks_and_proclitics_keep_exact_spans(marks, prefix):
    name = "".join(ch + m for ch, m in zip("حزب الله"[:7], marks)) + "ه"
    text = f"قال {prefix}{name} اليوم."
    m = tag(text)
    row = m[m["entity"] == "hezbollah"]
    assert len(row) == 1
    start, end = int(row["start"].iloc[0]), int(row["end"].iloc[0])
    assert text[start:end] == row["surface"].iloc[0]
    assert text[start:end].replace("ـ", "").startswith("ح") and text[end - 1] != " "


def test_article_after_lam_is_found():
    assert "syrian_government" in set(tag("وجّه التحالف ضربات للجيش السوري في دير الزور.")["entity"].astype(str))


def test_words_are_not_found_inside_other_words():
    assert "hezbollah" not in set(tag("قالت الحزب اللهجة الجديدة")["entity"].astype(str))


def test_arabic_sentence_ends():
    model = h.load_sentence_model()
    text = "هل تدعم روسيا الأسد؟ نعم، تدعمه منذ عام ٢٠١٥. وقالت إيران إنها ستواصل."
    assert len(model.spans(text)) == 3


@pytest.mark.parametrize(
    "text, surface, role",
    [
        ("قالت الحكومة إن الاجتماع عقد في دمشق أمس.", "دمشق", "place"),
        ("اتهمت دمشق أنقرة بدعم المسلحين.", "دمشق", "actor"),
        ("اتهمت دمشق أنقرة بدعم المسلحين.", "أنقرة", "actor"),
        ("وصل الوفد إلى أنقرة مساء الخميس.", "أنقرة", "place"),
        ("قوات سوريا الديمقراطية المدعومة من الولايات المتحدة.", "الولايات المتحدة", "actor"),
        ("وقال الكرملين إن موسكو ستواصل الحوار.", "موسكو", "actor"),  # the subject after إن
        ("الفصائل التي تدعمها أنقرة تقدمت.", "أنقرة", "actor"),  # a verb with its object written on
        ("يعد حزب الله حليفا لـدمشق.", "دمشق", "actor"),  # ل after an ally word, written apart with a tatweel
        ("قالت الفصائل الموالية لإيران إنها ستقاتل.", "إيران", "actor"),
        ("فر آلاف المدنيين إلى لبنان.", "لبنان", "place"),
        # the owner of a stance noun is the state ("readiness of Ankara"); a verb spelled alike is motion
        ("أكد الوزير استعداد أنقرة لدعم الحكومة.", "أنقرة", "actor"),
        ("أعلن المتحدث وقوف طهران إلى جانب الحكومة.", "طهران", "actor"),
        ("قالت مصادر إن الفصائل تدخل دمشق.", "دمشق", "place"),
        # a demonym after a noun of land is a place, after people they are people, after an ally word a party; one
        # right after a group's name qualifies the group
        ("تقدمت الفصائل نحو الحدود التركية.", "التركية", "place"),
        ("أجلت السفارة المواطنين الأمريكيين من الخرطوم.", "الأمريكيين", "people"),
        ("لم يعد الحرس الثوري قادرا على إمداد حليفه اللبناني.", "اللبناني", "qualifier"),
        ("أمدت مجموعة فاغنر الروسية قوات حفتر بالسلاح.", "الروسية", "qualifier"),
        ("قصفت الطائرات الروسية ريف إدلب.", "الروسية", "actor"),
        # a capital opening a clause with و or ف written onto it is its subject; a dateline stays a place
        ("وطهران أنفقت المليارات على الحرب.", "طهران", "actor"),
        ("فأنقرة التي دعمت الفصائل غيرت موقفها.", "أنقرة", "actor"),
        # the subject after a verb whose object is written on it
        ("أشاد الوزير بالغطاء الذي وفرته أنقرة للفصائل.", "أنقرة", "actor"),
        # the accused after an accusing verb of two (the dual) or of many
        ("وكان النائبان قد اتهما أنقرة بتسليح الفصائل.", "أنقرة", "actor"),
        ("والوزيران يتهمان طهران بتمويل الميليشيات.", "طهران", "actor"),
        # past an accuser of four words ("officials in the interim authorities")
        ("ويتهم مسؤولون في السلطات الانتقالية أنقرة بتسليح الفصائل.", "أنقرة", "actor"),
    ],
)
def test_place_or_actor_from_the_word_before(text, surface, role):
    m = tag(text)
    assert list(m.loc[m["surface"] == surface, "role"]) == [role]


@pytest.mark.parametrize(
    "text, edge",
    [
        ("سيطرت قوات سوريا الديمقراطية المدعومة من الولايات المتحدة على منبج.", ("united_states", "sdf", "asserted")),
        ("ودعمت روسيا الحكومة السورية بغطاء جوي.", ("russia", "syrian_government", "asserted")),
        ("روسيا تدعم الأسد منذ سنوات.", ("russia", "syrian_government", "asserted")),
        ("اتهمت سوريا تركيا بدعم جبهة النصرة.", ("turkey", "jabhat_al_nusra", "alleged")),
        ("الدعم الإيراني لحزب الله مستمر.", ("iran", "hezbollah", "asserted")),
        ("وأرسلت إيران أسلحة إلى حزب الله.", ("iran", "hezbollah", "asserted")),
        ("زودت إيران الحوثيين بالصواريخ.", ("iran", "houthis", "asserted")),
        ("نفت تركيا دعم جبهة النصرة.", ("turkey", "jabhat_al_nusra", "denied")),
        ("شنت طائرات روسية غارات على حلب دعما لـالجيش السوري.", ("russia", "syrian_government", "asserted")),
        ("كانت روسيا وإيران الداعمين الرئيسيين لنظام الأسد.", ("iran", "syrian_government", "asserted")),
        ("فصائل الجيش السوري الحر التي تدعمها أنقرة دخلت عفرين.", ("turkey", "free_syrian_army", "asserted")),
        ("وقاتل عناصر من حزب الله إلى جانب الجيش السوري في القصير.", ("hezbollah", "syrian_government", "asserted")),
        ("وكان سليماني قد أشرف على دعم طهران لـالأسد.", ("iran", "syrian_government", "asserted")),
    ],
)
def test_arabic_backing_statements(text, edge):
    assert edge in edges(text)


def test_arabic_alignment_is_not_backing():
    assert not edges("قال حزب الله إنه حليف الجيش السوري.")
    assert not edges("قالت فصائل موالية لإيران إنها ستواصل القتال إلى جانب الجيش السوري.")
    # an indefinite participle qualifies the common noun before it, not the accuser
    assert ("iran", "united_states") not in {e[:2] for e in edges("واتهمت واشنطن فصائل مدعومة من إيران بتنفيذ الهجوم.")}


def test_accuser_is_the_attribution():
    c = pd.DataFrame(
        {
            "doc_id": ["d"],
            "title": [""],
            "text": ["اتهمت سوريا تركيا بدعم جبهة النصرة."],
            "date": pd.to_datetime(["2016-05-01"], utc=True),
            "source": ["s"],
        }
    )
    e = h.extract_support(c, h.tag_mentions(c))
    assert list(e["attributed_to"]) == ["syrian_government"]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("قالت الحكومة السورية إن الجيش سيطر على المدينة.", "ar"),
        ("The Syrian government said the army had taken the town.", "en"),
        ("Le gouvernement syrien a dit que l'armée avait pris la ville.", "und"),
        ("", "und"),
    ],
)
def test_language_of(text, lang):
    assert arabic.language_of(text) == lang


# -- the Arabic gold and sample -----------------------------------------------------------------------------
def test_arabic_gold_is_ours_and_covers_the_hard_cases():
    g = h.load_gold(h.config.GOLD_AR)
    assert len(g) >= 40 and set(g["language"]) == {"ar"} and g["id"].is_unique
    raw = h.config.GOLD_AR.read_text(encoding="utf-8")
    for hard in (
        "و{{",
        "ب{{",
        "ف{{",
        "لـ{{",
        "ل{{ل",
        "ِ",
        "ـ",
        "|place}}",
        "SDF|",
        "الموالية",
        "المدعومة من",
        "بدعم من",
        "نفت",
        "اتهمت",
        "الحكومه",
    ):
        assert hard in raw, hard
    mods = {e["modality"] for s in g["support"] for e in s}
    assert {"asserted", "alleged", "possible", "denied"} <= mods
    assert any(e.get("attributed_to") for s in g["support"] for e in s)


def test_evaluate_reports_per_language_and_scores_the_arabic_gold():
    """Own gold (training figures: the Arabic rules were fixed while reading its errors); fails if Arabic
    tagging or Arabic statements break."""
    r = h.evaluate()
    assert {"en", "ar"} <= set(r.by_language["language"])
    assert set(r.errors["language"].dropna()) <= {"en", "ar"}
    assert r.score("mentions", "f1", language="ar") >= 0.95
    assert r.score("support", "precision", language="ar") >= 0.9
    assert r.score("support", "recall", language="ar") >= 0.6
    with pytest.raises(KeyError, match="language"):
        r.score("mentions", language="xx")


def test_evaluate_of_one_file_names_its_language(tmp_path):
    p = tmp_path / "g.jsonl"
    p.write_text(
        '{"id": "x1", "date": "2019-10-12", "text": "سيطرت فصائل {{الجيش الوطني السوري|syrian_national_army}} '
        'المدعومة من {{تركيا|turkey}} على رأس العين.", "support": [{"backer": "turkey", "client": '
        '"syrian_national_army", "modality": "asserted", "negated": false}]}\n',
        encoding="utf-8",
    )
    r = h.evaluate(p)
    assert list(r.by_language["language"].unique()) == ["ar"]
    assert r.score("support", "recall", language="ar") == 1.0


def test_arabic_sample_loads_as_arabic():
    c = h.load_corpus(h.config.SAMPLE_CORPUS_AR)
    assert len(c) >= 20 and set(c["language"]) == {"ar"} and c["date"].notna().all()
    assert c["text"].str.contains("[A-Z]{2,}").any()  # some Latin acronyms among the Arabic
    m = h.tag_mentions(c)
    assert m["doc_id"].nunique() == len(c)
    e = h.extract_support(c, m)
    assert {("russia", "syrian_government"), ("turkey", "syrian_national_army"), ("united_states", "sdf")} <= set(
        zip(e["backer"].astype(str), e["client"].astype(str))
    )


def test_arabic_held_out_gold_is_scored_apart():
    """The held-out Arabic passages (never tuned on): names found, statements a start. The thresholds sit
    under the figures measured once (mentions F1 0.94, support precision 0.80, recall 0.27)."""
    r = h.evaluate(h.config.GOLD_AR_TEST)
    assert len(h.load_gold(h.config.GOLD_AR_TEST)) >= 20
    assert r.score("mentions", "f1", language="ar") >= 0.9
    assert r.score("support", "precision", language="ar") >= 0.7
    assert r.score("support", "recall", language="ar") >= 0.2
    assert not set(h.load_gold()["id"]) & set(h.load_gold(h.config.GOLD_AR_TEST)["id"])


@pytest.mark.parametrize(
    ("text", "date", "surface", "role"),
    [
        # the state an office holder speaks for, after the office and its ministry
        ("شكر وزير الخارجية السوري إيران على دعمها.", "2016-05-01", "السوري", "actor"),
        ("قال المندوب السوري في الأمم المتحدة إن الحكومة صامدة.", "2016-05-01", "السوري", "actor"),
        ("أعلن وزير المالية السوري أن الرواتب ستدفع.", "2025-05-08", "السوري", "actor"),
        # a paper or channel named after a capital is an outlet
        ("نقلت صحيفة واشنطن بوست أن الأسلحة وصلت.", "2025-05-08", "واشنطن", "outlet"),
        ("ذكرت واشنطن بوست أن الأسلحة وصلت.", "2025-05-08", "واشنطن", "outlet"),
        # what is aimed at an actor after إلى: the accused, not a destination
        ("قالت الأمم المتحدة إن الاتهامات الموجهة إلى الإمارات ذات مصداقية.", "2024-01-22", "الإمارات", "actor"),
        ("وصل الوفد إلى الإمارات أمس.", "2024-01-22", "الإمارات", "place"),
    ],
)
def test_an_office_holders_state_and_a_paper_named_after_a_capital(text, date, surface, role):
    m = tag(text, date)
    assert list(m.loc[m["surface"] == surface, "role"]) == [role], text


def test_the_syrian_demonym_is_no_actor_without_an_office_before_it():
    m = tag("وصل آلاف اللاجئين السوريين إلى تركيا عبر الحدود السورية، بحسب المرصد السوري.")
    assert "syrian_government" not in set(m["entity"].astype(str))
    # a title and the name after it are one mention of the new president
    m = tag("استقبل ترمب الرئيس السوري أحمد الشرع في البيت الأبيض.", "2025-11-10")
    assert list(m.loc[m["entity"] == "syrian_transitional_government", "via"]) == ["leader"]


@pytest.mark.parametrize(
    ("text", "state"),
    [
        # irregular fighters of a nationality are people, not the state: also Syria's name spelled as its adjective
        ("تمول تركيا جماعات سورية مسلحة في الشمال.", "syrian_government"),
        ("تدعم إيران فصائل عراقية في دير الزور.", "iraq"),
        ("نقلت تركيا مرتزقة سوريين إلى ليبيا للقتال إلى جانب حكومة طرابلس.", "syrian_government"),
    ],
)
def test_a_nationality_after_irregular_fighters_is_no_state(text, state):
    assert state not in set(tag(text)["entity"].astype(str)), text


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # a capital that arms or advisers are sent to is its government; a country smuggled to stays a place
        ("أرسلت إيران شحنات أسلحة إلى دمشق الشهر الماضي.", "actor"),
        ("نقلت روسيا منظومات دفاع جوي إلى دمشق.", "actor"),
        ("وصل الوفد إلى دمشق أمس.", "place"),
    ],
)
def test_a_capital_arms_are_sent_to(text, role):
    m = tag(text)
    assert list(m.loc[m["surface"] == "دمشق", "role"]) == [role], text


def test_a_states_soldiers_and_jets_stay_the_state():
    m = tag("قصفت الطائرات الروسية مواقع المعارضة بينما تقدمت القوات الإيرانية.")
    assert {"russia", "iran"} <= set(m["entity"].astype(str))


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # the Sudanese demonym after a ministry or an office names the government
        ("وفق ما أعلنته الخارجية السودانية.", "السودانية"),
        ("فرضت واشنطن عقوبات على وزير المالية السوداني.", "السوداني"),
    ],
)
def test_the_sudanese_demonym_after_a_ministry_or_office(text, surface):
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2024-12-02"], utc=True)})
    m = h.tag_mentions(c, gazetteer=["sudan"])
    assert list(m.loc[m["surface"] == surface, "entity"].astype(str)) == ["sudanese_government"], text
    # refugees and borders stay people and places
    m = h.tag_mentions(
        c.assign(text=["وصل آلاف اللاجئين السودانيين إلى تشاد عبر الحدود السودانية."]), gazetteer=["sudan"]
    )
    assert "sudanese_government" not in set(m["entity"].astype(str))


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # ل written onto a name without its article: the name alone (not the article form "لفصائل" of "الفصائل")
        ("قدمت تركيا أسلحة لفصائل المعارضة في إدلب بسوريا.", "فصائل المعارضة"),
        # after لل the name's article keeps its lam
        ("قدمت تركيا أسلحة للفصائل المعارضة في إدلب بسوريا.", "لفصائل المعارضة"),
    ],
)
def test_a_lam_written_onto_a_name_and_the_articles_lam(text, surface):
    m = tag(text, "2014-06-13")
    assert surface in set(m.loc[m["entity"] == "syrian_opposition", "surface"]), set(m["surface"])


@pytest.mark.parametrize(
    ("text", "surface", "role"),
    [
        # a name joined by و to an actor shares its role, and a place list stays places
        ("ظلت القاهرة وأنقرة أقرب حلفاء الجيش.", "أنقرة", "actor"),
        ("وصل الوفد إلى الأردن وتركيا مساء الأحد.", "تركيا", "place"),
        # the friends in a country, and the members of a group made up of states
        ("شكر الرئيس الأشقاء في قطر على موقفهم.", "قطر", "actor"),
        ("قالت اللجنة المؤلفة من قطر ومصر إن المفاوضات متعثرة.", "قطر", "actor"),
    ],
)
def test_roles_shared_in_a_list_and_after_friends_or_members(text, surface, role):
    m = tag(text)
    assert list(m.loc[m["surface"] == surface, "role"]) == [role]


@pytest.mark.parametrize(
    ("text", "surface"),
    [
        # a state's arms before its adjective, and a second adjective joined by و to the first
        ("قصفت المروحيات السورية بلدات في ريف حماة.", "السورية"),
        ("أغارت مقاتلات روسية وسورية على ريف حماة.", "سورية"),
    ],
)
def test_a_strict_adjective_after_a_states_arms_is_the_state(text, surface):
    m = tag(text)
    assert list(m.loc[m["surface"] == surface, "entity"]) == ["syrian_government"]


@pytest.mark.parametrize(
    ("text", "surface", "role"),
    [
        # "as for" opening a sentence on a capital: its topic, an actor
        ("أما موسكو فأكدت أنها لن تسحب قواتها.", "موسكو", "actor"),
        # fighting on a capital's account, or for its sake: the party fought for
        ("قاتل المتعاقدون لحساب دمشق في دير الزور.", "دمشق", "actor"),
        ("جاءت الضربات لمصلحة أنقرة في الشمال.", "أنقرة", "actor"),
        # a capital after a client noun, and after a noun of being someone's prop
        ("يتمركز وكلاء طهران قرب الحدود.", "طهران", "actor"),
        ("ستبقى تركيا سندا لدمشق في مرحلتها الجديدة.", "دمشق", "actor"),
    ],
)
def test_roles_after_as_for_on_account_of_and_client_nouns(text, surface, role):
    m = tag(text)
    assert list(m.loc[m["surface"] == surface, "role"]) == [role]


def test_a_capital_with_lam_after_a_giving_verb_whose_object_is_written_on_is_the_receiver():
    m = tag("انتقد المبعوث الذخائر التي ترسلها طهران لدمشق كل أسبوع.")
    assert list(m.loc[m["surface"] == "دمشق", "role"]) == ["actor"]


def _acts(text: str, date: str, surface: str) -> bool:
    """Whether ``surface`` is tagged as an actor in ``text`` (a place may be left out of the mentions)."""
    m = tag(text, date)
    return "actor" in set(m.loc[m["surface"] == surface, "role"].astype(str))


@pytest.mark.parametrize(
    ("text", "date", "surface", "role"),
    [
        # asked of a capital, in concert or at war with it: the state
        ("قال الوزير إن الأسد لم يطلب يوما من طهران أي مساعدة.", "2019-05-01", "طهران", "actor"),
        ("يعمل المستشارون هناك بطلب من دمشق.", "2019-05-01", "دمشق", "actor"),
        ("نقلت أنقرة معركتها مع موسكو إلى ليبيا.", "2020-05-01", "موسكو", "actor"),
        ("أغلقت تركيا حدودها مع سوريا.", "2019-05-01", "سوريا", "place"),
        # a capital opening a dateline before the agency's name
        ("موسكو/ الأناضول - بدأت الطائرات غاراتها.", "2019-05-01", "موسكو", "place"),
        # a counterpart's nationality: his state
        ("التقى الوزير نظيره التركي في الدوحة.", "2019-05-01", "التركي", "actor"),
        # names the gazetteer learned: the CIA, the YPG and PKK as Anadolu writes them, the UN's adjective
        ("أنهت الإدارة برنامج «سي آي إيه» لتسليح الفصائل.", "2017-07-20", "سي آي إيه", "actor"),
        ("قصفت المدفعية مواقع تنظيم «ي ب ك/بي كا كا» الإرهابي.", "2018-01-21", "بي كا كا", "actor"),
        ("قال خبراء أمميون إن الشحنات وصلت.", "2024-01-20", "أمميون", "actor"),
        ("وجهت وزارة الخارجية والمغتربين رسالة إلى مجلس الأمن.", "2016-05-01", "وزارة الخارجية والمغتربين", "actor"),
    ],
)
def test_arabic_roles_and_names_learned_from_written_sets(text, date, surface, role):
    assert _acts(text, date, surface) == (role == "actor"), text  # places may be left out


@pytest.mark.parametrize(
    ("text", "surface", "actor"),
    [
        # a demonym after an outlet's noun names whose outlet it is (not the state), unless official media
        ("وقال بيان نقلته وكالة الأنباء القطرية إن الاتفاق وقع.", "القطرية", False),
        ("ونقلت وكالات أنباء تركية عن مصدر عسكري قوله ذلك.", "تركية", False),
        ("ذكرت صحيفة «وول ستريت جورنال» الأمريكية أن الشحنات وصلت.", "الأمريكية", False),
        ("أنقرة - (وكالات): قالت الخارجية التركية إن الوفد وصل.", "التركية", True),
        ("نقلت شبكة سي إن إن عن مصدر عسكري أوكراني أن القوات نفذت الضربات.", "أوكراني", True),
        # a clause after the outlet's noun: the demonym is of the clause's noun, not the outlet's
        ("قدرت الصحيفة أن تكون وحدات خاصة أوكرانية وراء الضربات.", "أوكرانية", True),
        ("ذكرت القناة أن يكون مستشارون روس قد وصلوا.", "روس", True),
        # the state's diplomats; a businessman's and mercenaries' nationality is no state
        ("طردت الحكومة ثلاثة دبلوماسيين تشاديين.", "تشاديين", True),
        ("التقى الوفد رجل الأعمال الإماراتي في دبي.", "الإماراتي", False),
        ("يقاتل في صفوف الميليشيا مرتزقة من التشاديين.", "تشاديين", False),
        # fighters from countries, a list of them too, are no states; a state that sends them is
        ("قال التقرير إن مقاتلين من تشاد وليبيا انضموا إلى الميليشيا.", "تشاد", False),
        ("قال التقرير إن مقاتلين من تشاد وليبيا انضموا إلى الميليشيا.", "ليبيا", False),
        ("قال التقرير إن تشاد أرسلت مقاتلين إلى الميليشيا.", "تشاد", True),
        # a capital with a backer's title in apposition is the actor, even after من
        ("وصلت رسالة من أبوظبي، الراعي الأول للميليشيا، إلى الجميع.", "أبوظبي", True),
        ("وصلت رسالة من أبوظبي إلى الجميع.", "أبوظبي", False),
        # a demonym after a role noun with its conjunction and pronoun: "and its Lebanese arm"
        ("صمد النظام بدعم إيران وذراعها اللبنانية حزب الله.", "اللبنانية", False),
    ],
)
def test_arabic_outlets_diplomats_and_people(text, surface, actor):
    assert _acts(text, "2024-03-01", surface) == actor, text


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("S.\u200bD.\u200bF.", "S.D.F."),  # zero-width spaces
        ("Hez\u00adbollah", "Hezbollah"),  # a soft hyphen
        ("Erdog\u0306an", "Erdogan"),  # a combining breve
        ("\u202bقوات الدعم\u200c السريع\u202c", "قوات الدعم السريع"),  # direction marks and a non-joiner
    ],
)
def test_strip_marks_drops_invisible_characters_of_any_script(text, plain):
    assert arabic.has_marks(text)
    got, where = arabic.strip_marks(text)
    assert got == plain
    assert all(text[where[i]] == got[i] for i in range(len(got)))


def test_plain_text_needs_no_stripping():
    assert not arabic.has_marks("The S.D.F. and Hezbollah")
