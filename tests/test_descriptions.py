"""Unit tests of helpers.descriptions: validating description entries and finding their matches."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import helpers as h
from helpers import descriptions as ds
from helpers.descriptions import DescriptionError

ACTORS = {"turkey", "syrian_national_army", "sdf", "ypg"}
PATH = Path("packs/syria/gazetteer.yaml")


def _date(value, where):
    if value is None:
        return None
    try:
        return pd.Timestamp(str(value))
    except ValueError:
        raise DescriptionError(f"{where}: bad date {value!r}") from None


def parse(*items, pack="syria"):
    return ds.parse_descriptions(list(items), PATH, ACTORS, _date, pack=pack)


def entry(**kw):
    base = {
        "__line__": 12,
        "actor": "syrian_national_army",
        "text": r"turkey-backed (?:syrian )?(?:fighters|rebels)",
        "cite": "written for the test",
    }
    base.update(kw)
    return base


def day(s: str) -> int:
    return ds._days(pd.Timestamp(s))


def find(descs, text, d=None, context=("syria",), named=(), **kw):
    return [(text[s:e], x.actor) for s, e, x in ds.find_descriptions(descs, text, d, set(context), set(named), **kw)]


# ------------------------------------------------------------------------------------------ parsing


def test_parse_compiles_an_entry():
    (d,) = parse(entry(needs="backed", with_actor="turkey", **{"from": "2017-12-30", "to": "2024-12-08"}))
    assert d.actor == "syrian_national_army" and d.where == "packs/syria/gazetteer.yaml, line 12"
    assert d.triggers == ("backed",) and d.with_actor == frozenset({"turkey"}) and d.context is True
    assert (d.start, d.end) == (pd.Timestamp("2017-12-30"), pd.Timestamp("2024-12-08"))
    assert d.first_day == day("2017-12-30") and d.dated and d.pack == "syria"
    assert not parse(entry())[0].dated


def test_parse_nothing():
    assert ds.parse_descriptions(None, PATH, ACTORS, _date) == []
    assert parse() == []


@pytest.mark.parametrize(
    ("bad", "why"),
    [
        ({"colour": "red"}, r"unknown key\(s\) \['colour'\]"),
        ({"actor": ""}, "missing 'actor'"),
        ({"cite": None}, "missing 'cite'"),
        ({"actor": "nobody"}, "actor 'nobody' is not a known id"),
        ({"with_actor": ["turkey", "ghost"]}, "with_actor 'ghost' is not a known id"),
        ({"text": "(unclosed"}, "'text' is not a valid pattern"),
        ({"before": "  "}, "'before' must be a non-empty pattern"),
        ({"needs": [""]}, "'needs' must be a word or a list of words"),
        ({"from": "2024-01-02", "to": "2023-01-01"}, "'from' 2024-01-02 is after 'to' 2023-01-01"),
        ({"from": "soon"}, "bad date 'soon'"),
    ],
)
def test_parse_errors_name_file_line_and_reason(bad, why):
    with pytest.raises(DescriptionError, match=r"^packs/syria/gazetteer\.yaml, line 12: .*" + why):
        parse(entry(**bad))


def test_parse_refuses_what_is_not_a_list_of_mappings():
    with pytest.raises(DescriptionError, match="must be a list"):
        ds.parse_descriptions({"a": 1}, PATH, ACTORS, _date)
    with pytest.raises(DescriptionError, match="must be a mapping"):
        parse("turkey-backed fighters")


def test_a_missing_line_is_a_question_mark():
    item = entry(actor="nobody")
    del item["__line__"]
    with pytest.raises(DescriptionError, match=r"line \?: actor"):
        parse(item)


# ------------------------------------------------------------------------------------------ finding

TEXT = "turkey-backed syrian fighters entered afrin as other turkey-backed rebels waited."


def test_find_whole_words_in_text_order():
    descs = parse(entry())
    assert find(descs, TEXT) == [
        ("turkey-backed syrian fighters", "syrian_national_army"),
        ("turkey-backed rebels", "syrian_national_army"),
    ]
    assert find(descs, "aturkey-backed fighters") == [] and find(descs, "turkey-backed fighters2") == []


def test_context_and_with_actor_conditions():
    descs = parse(entry(with_actor="turkey"))
    assert find(descs, TEXT) == []
    assert len(find(descs, TEXT, named={"turkey"})) == 2
    assert find(parse(entry()), TEXT, context=("ukraine",)) == []
    assert len(find(parse(entry(context=False)), TEXT, context=())) == 2


def test_before_after_conditions():
    assert find(parse(entry(before=r"\bother ")), TEXT) == [("turkey-backed rebels", "syrian_national_army")]
    assert find(parse(entry(not_before=r"\bother ")), TEXT) == [
        ("turkey-backed syrian fighters", "syrian_national_army")
    ]
    assert find(parse(entry(after=r" entered")), TEXT) == [("turkey-backed syrian fighters", "syrian_national_army")]
    assert find(parse(entry(not_after=r" entered")), TEXT) == [("turkey-backed rebels", "syrian_national_army")]


def test_dates_hold_only_inside_their_range():
    descs = parse(entry(**{"from": "2018-01-01", "to": "2019-12-31"}))
    assert len(find(descs, TEXT, d=day("2018-06-01"))) == 2
    assert find(descs, TEXT, d=day("2020-01-01")) == []
    assert find(descs, TEXT, d=day("2017-01-01")) == []
    assert find(descs, TEXT, d=None) == []  # an undated article: a dated description cannot be placed
    assert len(find(parse(entry()), TEXT, d=None)) == 2
    # a sentence that places its statement earlier decides
    assert len(find(descs, TEXT, d=day("2020-06-01"), day_at=lambda s: day("2019-06-01"))) == 2


def test_needs_words_limit_where_the_pattern_is_tried():
    descs = parse(entry(needs="afrin"))
    far = "turkey-backed rebels " + "x " * 60 + "afrin"
    assert find(descs, far) == []
    assert find(descs, TEXT) == [
        ("turkey-backed syrian fighters", "syrian_national_army"),
        ("turkey-backed rebels", "syrian_national_army"),
    ]
    assert find(descs, TEXT, where={}) == []  # the caller found no needs word
    assert len(find(descs, TEXT, where={"afrin": [TEXT.index("afrin")]})) == 2


def test_dated_pairs_share_a_pattern_and_split_by_date():
    early = entry(**{"to": "2015-12-31"}, actor="ypg", text="kurdish-led forces")
    late = entry(**{"from": "2016-01-01"}, actor="sdf", text="kurdish-led forces")
    descs = parse(early, late)
    text = "the kurdish-led forces advanced"
    assert find(descs, text, d=day("2014-05-01")) == [("kurdish-led forces", "ypg")]
    assert find(descs, text, d=day("2019-05-01")) == [("kurdish-led forces", "sdf")]


# ------------------------------------------------------------------------------------------ speed-ups


class _AskedContext:
    """A pack set that records whether it was asked (the tagger counts an article's packs only when asked)."""

    def __init__(self, packs):
        self.packs, self.asked = set(packs), 0

    def __contains__(self, pack):
        self.asked += 1
        return pack in self.packs


def test_match_key_is_shared_by_descriptions_with_the_same_pattern():
    a, b = parse(entry(**{"to": "2017-12-29"}), entry(**{"from": "2017-12-30"}))
    c = parse(entry(text="kurdish-led forces"))[0]
    assert a.match_key == b.match_key != c.match_key
    assert a.match_key[0] is a.rx and a.dated and b.dated and not c.dated
    assert a == parse(entry(**{"to": "2017-12-29"}))[0]  # the derived fields stay out of equality


def test_context_is_asked_only_when_a_description_matches():
    descs = parse(entry())
    quiet = _AskedContext({"syria"})
    assert ds.find_descriptions(descs, "rebels took the town.", None, quiet, set()) == []
    assert quiet.asked == 0
    asked = _AskedContext({"syria"})
    found = ds.find_descriptions(descs, "turkey-backed rebels took the town.", None, asked, set())
    assert [(s, e) for s, e, _ in found] == [(0, 20)] and asked.asked == 1
    assert (
        ds.find_descriptions(descs, "turkey-backed rebels took the town.", None, _AskedContext({"sudan"}), set()) == []
    )


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("Assad's forces advanced. Iran's support for the regime has been decisive.", "2016-05-01", 1),
        ("Assad's forces advanced. The regime's allies sent jets.", "2016-05-01", 1),
        # another regime, a regime named by a word between, a policy, a date after the fall
        ("Assad's forces advanced. Protests shook the regime in Tehran.", "2016-05-01", 0),
        ("Assad's forces advanced. The Iranian regime sent advisers.", "2016-05-01", 0),
        ("Assad held on. Washington long pursued regime change.", "2016-05-01", 0),
        ("Assad fled. The regime is gone.", "2025-05-01", 0),
        # without Assad's government named in the text, "the regime" is left alone
        ("Protesters marched against the regime.", "2016-05-01", 0),
    ],
)
def test_the_regime_alone_is_assads_government_where_it_is_named(text, date, expected):
    got = _described(text, date, "regime")
    assert len(got) == expected and set(got.entity) <= {"syrian_government"}, text


def _described(text: str, date: str, word: str) -> pd.DataFrame:
    """The description mentions whose surface is ``word`` in a one-article corpus titled "Syria"."""
    c = pd.DataFrame({"doc_id": ["d"], "title": ["Syria"], "text": [text], "date": pd.to_datetime([date], utc=True)})
    m = h.tag_mentions(c)
    return m[(m.via == "description") & (m.surface.str.lower() == word)]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("Assad's forces advanced. North of Homs the army, backed by Hezbollah, shelled a village.", "2014-05-01", 1),
        # an army named by its country, the army of a country, a person, a date after the fall, no Assad in the text
        ("Assad's forces advanced. The Iraqi army retook Tikrit.", "2015-05-01", 0),
        ("Assad's forces advanced. The army chief resigned.", "2015-05-01", 0),
        ("Assad fled. The army melted away.", "2025-05-01", 0),
        ("Protesters marched against the army.", "2014-05-01", 0),
    ],
)
def test_the_army_alone_is_assads_army_where_his_government_is_named(text, date, expected):
    got = _described(text, date, "army")
    assert len(got) == expected and set(got.entity) <= {"syrian_government"}, text


@pytest.mark.parametrize(
    ("text", "date", "word", "expected"),
    [
        # the new government alone in a story about Syria after Assad's fall
        ("Qatar said the new leadership will receive fuel.", "2025-02-01", "new leadership", 1),
        ("The new authorities detained a former general.", "2025-02-01", "new authorities", 1),
        # its new army, after the article or a possessive (not its new army chief)
        ("Druze factions refused to join the new army.", "2025-05-02", "new army", 1),
        ("Ankara offered to train their new army.", "2025-03-15", "new army", 1),
        ("The new army chief visited Ankara.", "2025-03-15", "new army", 0),
        # another country's new government, or before the fall
        ("The new government of Lebanon met in Beirut.", "2025-02-01", "new government", 0),
        ("The new government promised reforms.", "2023-02-01", "new government", 0),
        # a group's name before "-led" says who leads the government described
        ("Ankara welcomed the HTS-led government.", "2025-02-01", "hts-led government", 1),
    ],
)
def test_the_new_government_alone_after_assads_fall(text, date, word, expected):
    got = _described(text, date, word)
    assert len(got) == expected and set(got.entity) <= {"syrian_transitional_government"}, text


def test_the_us_backed_force_in_syria_and_a_quarter_of_syria():
    c = pd.DataFrame(
        {
            "doc_id": ["d"],
            "title": ["Syria"],
            "text": ["The US-backed force, which holds a quarter of Syria, signed the deal."],
            "date": pd.to_datetime(["2025-03-11"], utc=True),
        }
    )
    m = h.tag_mentions(c)
    assert list(zip(m.surface, m.entity)) == [("US", "united_states"), ("force", "sdf")]


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("تقدمت القوات المدعومة أمريكيا نحو الرقة في شمال سوريا.", "2017-06-10", ["sdf"]),
        # factions so described were rebels, and before the SDF's founding no description holds
        ("تقدمت الفصائل المدعومة أمريكيا نحو التنف في سوريا.", "2017-06-10", []),
        ("تقدمت القوات المدعومة أمريكيا نحو الرقة في شمال سوريا.", "2014-06-10", []),
    ],
)
def test_us_backed_forces_in_arabic_are_the_sdf_from_its_founding(text, date, expected):
    m = _described(text, date, "القوات") if "القوات" in text else _described(text, date, "الفصائل")
    assert sorted(set(m.entity.astype(str))) == expected


def test_turkeys_syrian_proxies_are_the_sna_from_its_founding():
    m = _described("Ankara's Syrian proxies led the assault on Ras al-Ain.", "2019-10-12", "syrian proxies")
    assert list(m.entity.astype(str)) == ["syrian_national_army"]


def test_us_led_air_support_against_isis_is_the_coalition_not_the_us():
    text = "Kurdish units pushed into the town held by ISIS with heavy U.S.-led air support."
    c = pd.DataFrame(
        {"doc_id": ["d"], "title": [""], "text": [text], "date": [pd.Timestamp("2016-05-01")], "source": ["x"]}
    )
    m = h.tag_mentions(c)
    actors = set(m[m.role == "actor"].entity)
    assert "us_led_coalition" in actors and "united_states" not in actors
