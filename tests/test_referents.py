"""Referents: descriptions, roles other than actor and place, context-dated readings, gazetteer gaps."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers as h
from helpers.gazetteer import GazetteerError

SYRIA = "Fighting went on near Aleppo and Idlib in Syria."


def corpus_of(texts, date="2019-06-01"):
    n = len(texts)
    dates = pd.to_datetime([date] * n, utc=True) if date else pd.Series([pd.NaT] * n, dtype="datetime64[ns, UTC]")
    return pd.DataFrame(
        {"doc_id": [f"d{i}" for i in range(n)], "title": [""] * n, "text": texts, "date": dates, "source": ["s"] * n}
    )


def mentions(text, date="2019-06-01"):
    return h.tag_mentions(corpus_of([text], date))


def actors(text, date="2019-06-01"):
    m = mentions(text, date)
    return [(r.surface, str(r.entity)) for r in m.itertuples() if r.role == "actor"]


def edges(text, date="2019-06-01"):
    c = corpus_of([text], date)
    e = h.extract_support(c, h.tag_mentions(c))
    return {(str(b), str(c_)) for b, c_ in zip(e["backer"], e["client"])}


# -- descriptions -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, date, surface, entity",
    [
        ("Turkish-backed fighters pushed towards Manbij. " + SYRIA, "2019-10-12", "fighters", "syrian_national_army"),
        ("Turkish-backed fighters pushed towards Manbij. " + SYRIA, "2016-09-01", "fighters", "free_syrian_army"),
        ("Ankara-backed militants entered Jarablus. " + SYRIA, "2016-09-01", "militants", "free_syrian_army"),
        ("Turkish-backed militants shelled Tal Rifaat. " + SYRIA, "2019-10-12", "militants", "syrian_national_army"),
        (
            "Syrian rebels, backed by Turkey, entered Afrin. " + SYRIA,
            "2018-02-01",
            "Syrian rebels",
            "syrian_national_army",
        ),
        ("Kurdish fighters held the line at Kobani. " + SYRIA, "2014-10-20", "Kurdish fighters", "ypg"),
        ("The Kurdish-led forces took Raqqa. " + SYRIA, "2017-10-17", "Kurdish-led forces", "sdf"),
        ("The US-backed Kurdish-Arab alliance advanced. " + SYRIA, "2018-01-01", "Kurdish-Arab alliance", "sdf"),
        (
            "Iranian-backed Shiite militias massed south of the city. " + SYRIA,
            "2016-11-01",
            "Shiite militias",
            "iran_backed_militias",
        ),
        ("Syria's former al-Qaeda affiliate runs the province. " + SYRIA, "2021-03-01", "affiliate", "hts"),
        ("al-Qaeda's Syrian branch claimed the attack. " + SYRIA, "2014-03-01", "Syrian branch", "jabhat_al_nusra"),
        (
            "Coalition forces struck Islamic State positions near Raqqa.",
            "2017-06-01",
            "Coalition forces",
            "us_led_coalition",
        ),
        (
            "Druze militants clashed with security forces in Sweida. " + SYRIA,
            "2025-07-14",
            "Druze militants",
            "druze_factions",
        ),
        (
            "Syria's new rulers promised elections. " + SYRIA,
            "2025-01-10",
            "new rulers",
            "syrian_transitional_government",
        ),
    ],
)
def test_description_names_an_actor(text, date, surface, entity):
    m = mentions(text, date)
    row = m[m["surface"] == surface]
    assert len(row) == 1, m[["surface", "entity"]]
    assert row["entity"].iloc[0] == entity
    assert row["role"].iloc[0] == "actor"


def test_description_is_via_description_and_keeps_the_backer():
    m = mentions("Turkish-backed fighters pushed towards Manbij. " + SYRIA, "2019-10-12")
    assert set(m.loc[m["surface"] == "fighters", "via"]) == {"description"}
    assert ("Turkish", "turkey") in actors("Turkish-backed fighters pushed on. " + SYRIA, "2019-10-12")
    assert ("turkey", "syrian_national_army") in edges("Turkish-backed fighters pushed on. " + SYRIA, "2019-10-12")


def test_description_is_a_client_of_a_passive():
    got = edges("The Kurdish forces supported by the United States took the dam. " + SYRIA, "2017-03-01")
    assert ("united_states", "sdf") in got


def test_description_needs_its_conditions():
    # Iraqi Kurds, an article not about Syria, no ISIS named for "coalition forces", a named group
    assert not [a for a in actors("Iraqi Kurdish forces retook Kirkuk.", "2017-10-16") if a[1] in ("sdf", "ypg")]
    assert not [
        a for a in actors("Kurdish forces moved on Kirkuk in northern Iraq.", "2017-10-16") if a[1] in ("sdf", "ypg")
    ]
    assert ("Coalition forces", "us_led_coalition") not in actors("Coalition forces left Kabul.", "2021-08-30")
    got = actors("The Turkey-backed Syrian National Army attacked Manbij. " + SYRIA, "2024-12-10")
    assert ("Syrian National Army", "syrian_national_army") in got


def test_description_in_apposition_names_the_group():
    text = "Hezbollah, the Iran-backed militia, sent more men to Syria."
    assert ("militia", "iran_backed_militias") not in actors(text, "2015-06-01")
    assert ("iran", "hezbollah") in edges(text, "2015-06-01")


def test_dated_description_needs_a_date():
    got = actors("Turkish-backed fighters pushed towards Manbij. " + SYRIA, None)
    assert ("fighters", "syrian_national_army") not in got and ("fighters", "free_syrian_army") not in got


def test_description_errors_name_file_and_line(tmp_path):
    base = h.packs.pack_file("syria").read_text(encoding="utf-8")
    bad = base.replace("descriptions:\n", "descriptions:\n  - actor: nobody_at_all\n    text: x\n    cite: y\n", 1)
    p = tmp_path / "g.yaml"
    p.write_text(bad, encoding="utf-8")
    with pytest.raises(GazetteerError, match=r"g\.yaml, line \d+: actor 'nobody_at_all'"):
        h.load_gazetteer(p)
    p.write_text(
        base.replace("descriptions:\n", "descriptions:\n  - actor: isis\n    text: '(unclosed'\n    cite: y\n", 1),
        encoding="utf-8",
    )
    with pytest.raises(GazetteerError, match=r"line \d+: 'text' is not a valid pattern"):
        h.load_gazetteer(p)


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(
        [
            "Turkish-backed fighters",
            "Kurdish fighters",
            "Iranian-backed militias",
            "al-Qaeda's Syrian affiliate",
            "the Kurdish-led forces",
        ]
    ),
    st.text(alphabet="abc ,.-'\n", max_size=30),
    st.text(alphabet="abc ,.-'\n", max_size=30),
)
def test_description_spans_slice_to_their_surface(phrase, left, right):
    text = f"{left} {phrase} {right} in Syria near Aleppo."
    m = mentions(text, "2019-06-01")
    for r in m.itertuples():
        assert text[r.start : r.end] == r.surface


# -- roles ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, surface, role",
    [
        ("The Qatari TV channel Al Jazeera reported the strike.", "Qatari", "outlet"),
        ("The Saudi-owned Al Arabiya broadcast the video.", "Saudi", "outlet"),
        ("Rebels flew Russian-made jets they had captured.", "Russian", "origin"),
        ("The course was taught in German at the camp.", "German", "language"),
        ("The Russian-language media carried the story.", "Russian", "language"),
        ("Iraqi gunmen crossed the border overnight.", "Iraqi", "people"),
        ("An American fighting for Isis was captured.", "American", "people"),
        ("Lebanon's Hezbollah sent fighters.", "Lebanon", "qualifier"),
        ("The Lebanese Shia militia Hezbollah sent fighters.", "Lebanese", "qualifier"),
    ],
)
def test_other_roles(text, surface, role):
    m = mentions(text, "2016-01-01")
    assert list(m.loc[m["surface"] == surface, "role"]) == [role]


def test_state_media_and_state_bodies_stay_actors():
    m = mentions("Iranian state TV said Iran's Revolutionary Guards had sent advisers.", "2016-01-01")
    assert set(m.loc[m["surface"].isin(["Iranian", "Iran"]), "role"]) == {"actor"}


def test_other_roles_never_count_as_actors_in_support():
    assert ("lebanon", "syrian_government") not in edges(
        "The Lebanese Shia militia Hezbollah says it is fighting alongside regime forces in Syria.", "2013-04-30"
    )


# -- context-dated readings ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text, surface, entity, dated_by",
    [
        (
            "Since 2015 Russia supported the Syrian government with air power.",
            "Syrian government",
            "syrian_government",
            "context",
        ),
        (
            "After the collapse of the Syrian government, rebels took Damascus.",
            "Syrian government",
            "syrian_government",
            "context",
        ),
        (
            "The Syrian government said it would hold talks.",
            "Syrian government",
            "syrian_transitional_government",
            "article_date",
        ),
    ],
)
def test_dated_by(text, surface, entity, dated_by):
    m = mentions(text, "2025-03-01")
    row = m[m["surface"] == surface].iloc[0]
    assert (row["entity"], row["dated_by"]) == (entity, dated_by)


def test_new_reads_the_latest_reading_when_undated():
    m = mentions("The new Syrian government said it would hold talks.", None)
    row = m[m["surface"] == "Syrian government"].iloc[0]
    assert (row["entity"], row["dated_by"]) == ("syrian_transitional_government", "context")
    m = mentions("The Syrian government said it would hold talks.", None)
    assert m["dated_by"].iloc[0] == "default_date"


def test_dating_words_are_validated(tmp_path):
    base = h.packs.pack_file("syria").read_text(encoding="utf-8")
    p = tmp_path / "g.yaml"
    p.write_text(base.replace("  dating:\n", "  dating:\n    later: [x]\n", 1), encoding="utf-8")
    with pytest.raises(GazetteerError, match="meta.dating"):
        h.load_gazetteer(p)


# -- generics and gaps ----------------------------------------------------------------------------------
def test_generics_need_more_than_one_context_word_in_a_long_text():
    sudan = (
        "Anti-government rebels attacked the town of El Fasher on Monday, residents said. " * 11
        + "Related: Syria talks resume."
    )
    assert not [a for a in actors(sudan, "2024-05-01") if a[1] == "syrian_opposition"]
    assert ("Rebels", "syrian_opposition") in actors("Rebels attacked Aleppo.", "2016-05-01")


def test_one_context_word_is_enough_in_a_short_passage_of_a_few_sentences():
    passage = (
        "The White House said on Thursday that Assad's forces had used nerve agents on a small scale, and that the "
        "president had decided to give direct military support to the rebels. Officials would not say whether "
        "weapons would be included. Until now the administration has sent the rebels only food rations and medical "
        "kits, while London and Paris have pressed for more, and the opposition has asked again for anti-aircraft "
        "missiles."
    )
    assert 400 < len(passage) < 800
    assert ("rebels", "syrian_opposition") in actors(passage, "2013-06-14")


@pytest.mark.parametrize(
    "text, date, entity",
    [
        ("Bashar al-Asad spoke in Damascus.", "2015-01-01", "syrian_government"),
        ("The S.D.F. said it held the dam.", "2019-01-01", "sdf"),
        ("SyAAF jets struck the town.", "2016-01-01", "syrian_government"),
        ("The U.N. Security Council met on Syria.", "2016-01-01", "un_security_council"),
        ("CENTCOM said the strike hit a depot.", "2019-01-01", "united_states"),
        ("The RAF flew sorties over Syria.", "2016-01-01", "united_kingdom"),
        ("Haider al-Abadi visited the front.", "2016-01-01", "iraq"),
        ("al-Qaeda in Iraq claimed the bombing.", "2005-06-01", "al_qaeda_in_iraq"),
        ("Dae'sh fighters fled.", "2016-01-01", "isis"),
        ("The counter-ISIL coalition struck Raqqa.", "2016-01-01", "us_led_coalition"),
    ],
)
def test_gaps(text, date, entity):
    assert entity in {e for _, e in actors(text, date)}


def test_possessive_without_apostrophe():
    assert ("Assad", "syrian_government") in actors("Assads forces advanced on Aleppo.", "2016-01-01")
    assert ("russia", "syrian_government") in edges(
        "Saudi Arabia opposes Assads Moscow-backed government in Syria.", "2016-01-01"
    )
    # a plural alias is not a possessive
    assert ("rebels", "syrian_opposition") in actors("The rebels took Aleppo.", "2016-01-01")


def test_the_regime_alone_in_arabic_is_assads_where_his_government_is_named():
    def tagged(text, date="2016-05-01"):
        c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime([date], utc=True)})
        m = h.tag_mentions(c, gazetteer=["syria"])
        return [(str(s), str(e)) for s, e in zip(m.surface, m.entity)]

    text = "أنفقت طهران المليارات على إبقاء النظام قائماً قبل سقوط بشار الأسد في دمشق."
    assert ("النظام", "syrian_government") in tagged(text)
    # an adjective after it names another regime or system; after the fall, no reading
    assert ("النظام", "syrian_government") not in tagged("انتقد الأسد في دمشق النظام الدولي والنظام الإيراني.")
    assert ("النظام", "syrian_government") not in tagged(text, "2025-03-01")


def test_the_national_coalition_by_its_own_short_name():
    # "the Syrian Coalition" is what the opposition's National Coalition calls itself; a lower-case coalition is not
    assert ("Syrian Coalition", "syrian_opposition") in actors("The Syrian Coalition declared Idlib a disaster area.")
    assert not any(e == "syrian_opposition" for _, e in actors("A Syrian coalition of tribal elders met in Hasakah."))
