"""The selection layer (helpers.select): names resolved from ids, labels and aliases in any case, one
Selection used the same way by every analysis, and clear messages for wrong keywords, types and None."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import analysis_fixtures as fx
import numpy as np
import pandas as pd
import pytest

import helpers as h
from helpers.select import Selection, resolve_actors, short_label


@pytest.fixture()
def mentions() -> pd.DataFrame:
    return fx.make_mentions()


@pytest.fixture()
def corpus() -> pd.DataFrame:
    return fx.make_corpus()


# ---------------------------------------------------------------------------------------- names
@pytest.mark.parametrize(
    "name", ["hezbollah", "Hezbollah", "HEZBOLLAH", "Hizbullah", "hizbollah", "Hizb Allah", "the Hezbollah"]
)
def test_actor_names_resolve_from_ids_labels_and_aliases_in_any_case(name):
    assert resolve_actors(name) == ["hezbollah"]


def test_labels_acronyms_and_dated_aliases():
    assert resolve_actors(["Islamic State", "isis", "Daesh", "hts", "Hayat Tahrir al-Sham"]) == ["isis", "hts"]
    assert resolve_actors("Syrian government") == ["syrian_government"]  # the label wins over the dated alias
    assert resolve_actors("Syrian Democratic Forces") == ["sdf"] and resolve_actors("S.D.F.") == ["sdf"]
    assert resolve_actors("united states") == ["united_states"] and resolve_actors("US") == ["united_states"]
    # an alias several actors share over time names all of them
    assert set(resolve_actors("Damascus")) == {"syrian_government", "syrian_transitional_government"}
    assert resolve_actors(["russia", "Russia", "Moscow"]) == ["russia"]  # no repeats


def test_unknown_actor_names_the_closest():
    with pytest.raises(ValueError, match=r"no actor matches 'Hezbolla'.*closest: Hezbollah \(hezbollah\)"):
        resolve_actors("Hezbolla")
    with pytest.raises(ValueError, match=r"closest: Russia \(russia\)"):
        resolve_actors(["iran", "Rusia"])
    with pytest.raises(ValueError, match="no actor matches 'zzzz'"):
        resolve_actors("zzzz")
    with pytest.raises(TypeError, match="string"):
        resolve_actors([3])


def test_ids_of_the_data_itself_are_known():
    assert resolve_actors(["us", "X_Front"], known=["us", "x_front"]) == ["us", "x_front"]


def test_short_labels_keep_acronyms_only():
    assert short_label("Syrian government (Bashar al-Assad)") == "Syrian government"
    assert short_label("Islamic State (ISIS)") == "Islamic State (ISIS)"
    assert short_label("Jabhat al-Nusra (Jabhat Fateh al-Sham from Jul 2016)") == "Jabhat al-Nusra"
    assert h.label("ypg") == "People's Protection Units (YPG)" and h.label("not_an_actor") == "not_an_actor"


# ---------------------------------------------------------------------------------------- the selection
def test_selection_validates_and_normalises():
    sel = Selection(entities="Russia", start="2015-01-10", end="2015-03-10", sources="wire", kinds="state")
    assert sel.entities == ("Russia",) and sel.sources == ("wire",) and sel.kinds == ("state",)
    assert sel.end == pd.Timestamp("2015-03-10 23:59:59.999999")  # a date covers the whole day
    assert Selection(end="2015-03-10T12:00:00Z").end == pd.Timestamp("2015-03-10 12:00")
    assert "unique stories; 10 Jan 2015 to 10 Mar 2015; sources: wire" in sel.describe()
    assert Selection.from_dict(sel.as_dict()) == sel
    for bad, message in [
        ({"start": "soon"}, "start: 'soon' is not a date"),
        ({"start": "2015-02-01", "end": "2015-01-01"}, "start 2015-02-01 is after end"),
        ({"stories": "once"}, "stories must be 'unique' or 'all'"),
        ({"kinds": ["militia"]}, "unknown kind"),
    ]:
        with pytest.raises(ValueError, match=message):
            Selection(**bad)
    with pytest.raises(TypeError, match="entities takes a name or a list of names, not int"):
        Selection(entities=5)
    with pytest.raises(TypeError, match=r"unknown keyword\(s\) 'source' \(did you mean 'sources'\?\)"):
        Selection.of(source="wire")
    with pytest.raises(TypeError, match="select takes a h.Selection"):
        Selection.of({"start": "2015"})


def test_one_selection_means_the_same_everywhere(mentions, corpus):
    sel = h.Selection(start="2015-03-01", sources=["WIRE", "state"])  # sources in any case
    t = h.mention_timeline(mentions, corpus, freq="M", select=sel)
    assert list(t.index) == [pd.Timestamp("2015-03-01")]
    c = h.cooccurrence(mentions, select=sel)
    p = h.source_profile(mentions, corpus, select=sel)
    k = h.kwic(mentions, corpus, select=sel)
    n = h.support_network(fx.make_support(), select=sel)
    assert set(p.index) == {"state", "wire"} and set(k["source"]) == {"state", "wire"}
    assert (k["date"] >= pd.Timestamp("2015-03-01")).all()  # UTC, tz-naive like every analysis
    assert set(c.index) == {"russia", "syrian_government", "ypg", "turkey", "sdf", "irgc"}
    assert n["first_seen"].min() >= pd.Timestamp("2015-03-01")
    # keywords beside a selection override its fields
    assert (
        h.cooccurrence(mentions, select=sel, sources=["state"]).index.tolist()
        == h.cooccurrence(mentions, start="2015-03-01", sources="state").index.tolist()
    )


def test_every_analysis_takes_actor_names(mentions, corpus):
    t = h.mention_timeline(mentions, corpus, freq="M", entities=["Russia", "Syrian government", "Hizbullah"])
    assert list(t.columns) == ["russia", "syrian_government", "hezbollah"]
    assert t["russia"].tolist() == [4, 0, 1] and t["hezbollah"].sum() == 0  # named nowhere: a zero column
    c = h.cooccurrence(mentions, entities=["iran", "RUSSIA"])
    assert list(c.index) == ["iran", "russia"] and c.loc["iran", "russia"] == 1  # W4: "Russia and Iran"
    p = h.source_profile(mentions, corpus, entities=["Islamic State"])
    assert list(p.columns) == ["isis"]
    k = h.kwic(mentions, corpus, "Hezbollah")
    assert k.empty and list(k.columns)[:3] == ["left", "match", "right"]
    assert len(h.kwic(mentions, corpus, "russia")) == len(h.kwic(mentions, corpus, "RUSSIA")) > 0
    s = h.pair_sentences(mentions, corpus, ("Russia", "Syrian government"))
    assert len(s) == 2
    with pytest.raises(ValueError, match="closest: Russia"):
        h.mention_timeline(mentions, corpus, entities=["Rusia"])


def test_cooccurrence_and_kwic_take_dates(mentions, corpus):
    jan = h.cooccurrence(mentions, start="2015-01-01", end="2015-01-31")
    assert set(jan.index) == {"russia", "syrian_government", "iran", "isis"}
    k = h.kwic(mentions, corpus, None, end="2015-01-05")
    assert set(k["doc_id"]) == {"a1"}


def test_top_pairs_on_a_period_result(mentions):
    long = h.cooccurrence(mentions, options=h.CooccurOptions(period="M"))
    top = h.top_pairs(long, n=1)
    assert list(top.columns) == ["period", "a", "b", "value"]
    assert top["period"].tolist() == [pd.Timestamp("2015-01-01"), pd.Timestamp("2015-03-01")]  # Feb: nothing
    assert top.iloc[0][["a", "b"]].tolist() == ["iran", "russia"] and top.iloc[0]["value"] == 1
    assert h.top_pairs(long, n=2).groupby("period").size().max() == 2


# ---------------------------------------------------------------------------------------- forgiving errors
def test_wrong_keywords_list_what_is_accepted(mentions, corpus):
    with pytest.raises(
        TypeError,
        match=r"source_profile\(\) got unknown keyword\(s\) 'normalize' "
        r"\(did you mean 'normalise'\?\); it accepts: .*entities, start, end",
    ):
        h.source_profile(mentions, corpus, normalize="zscore")
    with pytest.raises(TypeError, match=r"'windw' \(did you mean 'window'\?\)"):
        h.cooccurrence(mentions, windw="article")
    with pytest.raises(TypeError, match=r"plot_timeline\(\) got unknown keyword\(s\) 'colour'"):
        h.plot_timeline(h.mention_timeline(mentions, corpus), colour={})


def test_none_or_wrong_types_say_which_argument(mentions, corpus):
    with pytest.raises(TypeError, match=r"kwic\(\): corpus is None; pass the CORPUS table"):
        h.kwic(mentions, None, "russia")
    with pytest.raises(TypeError, match=r"mention_timeline\(\): mentions is None; pass the MENTIONS table"):
        h.mention_timeline(None, corpus)
    with pytest.raises(TypeError, match=r"cooccurrence\(\): mentions must be the MENTIONS table .*, not str"):
        h.cooccurrence("mentions.parquet")
    with pytest.raises(TypeError, match=r"source_profile\(\): corpus is None"):
        h.source_profile(mentions, None)
    with pytest.raises(TypeError, match=r"missing a required argument: 'corpus'"):
        h.source_profile(mentions)
    with pytest.raises(ValueError, match="rolling must be a positive whole number"):
        h.mention_timeline(mentions, corpus, options=h.TimelineOptions(rolling=1.5))
    with pytest.raises(ValueError, match="min_count must be at least 1"):
        h.cooccurrence(mentions, options=h.CooccurOptions(min_count=0))
    with pytest.raises(TypeError, match="show_table: the table is None"):
        h.show_table(None)


def test_tables_show_display_names(mentions, corpus):
    html = h.show_table(h.kwic(mentions, corpus, "ypg"))._repr_html_()
    assert "People&#x27;s Protection Units (YPG)" in html and ">ypg<" not in html
    assert ">ypg<" in h.show_table(h.kwic(mentions, corpus, "ypg"), ids=True)._repr_html_()
    net = h.labelled(h.support_network(fx.make_support()))
    assert "Syrian government" in set(net["client"]) and net.attrs["start"] == "2015-01-05"
    matrix = h.labelled(h.cooccurrence(mentions))
    assert "Russia" in matrix.index and "Russia" in matrix.columns


def test_timeline_table_wilson_gaps_and_thin_periods(mentions, corpus):
    share = h.mention_timeline(mentions, corpus, freq="M", measure="share", entities=["russia"])
    table = h.timeline_table(share, min_articles=2)
    assert list(table.columns) == ["period", "actor", "value", "articles", "low", "high", "thin"]
    jan, feb, mar = table.to_dict("records")
    assert jan["articles"] == 2 and jan["value"] == 1.0
    assert (jan["low"], jan["high"]) == pytest.approx(h.wilson_interval(2, 2))
    assert feb["articles"] == 0 and np.isnan(feb["value"]) and np.isnan(feb["low"]) and not feb["thin"]
    assert mar["value"] == 0.5 and not mar["thin"]
    assert h.timeline_table(share, min_articles=3)["thin"].tolist() == [True, False, True]
    counts = h.mention_timeline(mentions, corpus, freq="M", entities=["russia"])
    poisson = h.timeline_table(counts, interval="poisson")
    assert poisson.loc[0, "low"] == pytest.approx(1.0899, abs=1e-3)  # exact 95% interval of a count of 4
    assert poisson.loc[0, "high"] == pytest.approx(10.2416, abs=1e-3)
    assert np.isnan(h.timeline_table(counts)["low"]).all()  # counts: no interval unless asked
    with pytest.raises(ValueError, match="Wilson intervals are for shares"):
        h.timeline_table(counts, interval="wilson")


def test_wilson_interval_known_values():
    # Wilson (1927) score interval at 95%; reference values from Newcombe (1998), Table I
    assert h.wilson_interval(81, 263) == pytest.approx((0.2553, 0.3662), abs=1e-4)
    assert h.wilson_interval(15, 148) == pytest.approx((0.0624, 0.1605), abs=1e-4)
    assert h.wilson_interval(0, 20) == pytest.approx((0.0, 0.1611), abs=1e-4)
    assert h.wilson_interval(1, 29) == pytest.approx((0.0061, 0.1718), abs=1e-4)


# -- language -----------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def bilingual():
    """The English and Arabic samples loaded together, tagged, with their statements."""
    c = h.load_corpus([h.config.SAMPLE_CORPUS / "feed.jsonl", h.config.SAMPLE_CORPUS_AR])
    m = h.tag_mentions(c)
    return c, m, h.extract_support(c, m)


def test_language_filters_every_analysis(bilingual):
    c, m, s = bilingual
    ar_docs = set(c.loc[c["language"] == "ar", "doc_id"].astype(str))
    assert ar_docs and len(ar_docs) < len(c)
    sel = Selection(language="ar")
    assert sel.language == ("ar",) and "language: ar" in sel.describe()
    assert set(sel.articles(c)["doc_id"]) == ar_docs
    assert set(sel.mentions(m, corpus=c)["doc_id"]) <= ar_docs
    assert set(sel.support(s, c)["doc_id"]) <= ar_docs and len(sel.support(s, c))
    tl = h.mention_timeline(m, c, freq="Y", language="ar")
    assert tl.attrs["mentions"] == len(sel.mentions(m, corpus=c))
    prof = h.source_profile(m, c, language="en")
    assert not set(prof.index) & set(c.loc[c["language"] == "ar", "source"].astype(str)) - {"Levant Ledger"}
    k = h.kwic(m, c, "russia", language="ar")
    assert len(k) and set(k["doc_id"]) <= ar_docs
    both = h.cooccurrence(m, corpus=c)
    only_ar = h.cooccurrence(m, corpus=c, language="ar")
    assert only_ar.attrs["n_windows"] < both.attrs["n_windows"]
    net = h.support_network(s, corpus=c, language="ar")
    assert len(net) and len(net) < len(h.support_network(s, corpus=c))


def test_language_without_a_corpus_says_what_to_pass(bilingual):
    _, m, _ = bilingual
    with pytest.raises(ValueError, match="needs the CORPUS"):
        h.cooccurrence(m, language="ar")


def test_language_of_a_corpus_without_the_column_comes_from_its_script(bilingual):
    c = bilingual[0].drop(columns=["language"])
    assert set(Selection(language=["ar"]).articles(c)["doc_id"]) == set(
        bilingual[0].loc[bilingual[0]["language"] == "ar", "doc_id"].astype(str)
    )


def test_rollup_options_are_shared_by_the_mention_analyses():
    rolled = h.RollupOptions(rollup=True, actors=fx.make_actors())
    assert isinstance(h.TimelineOptions(rollup=True), h.RollupOptions)
    assert isinstance(h.CooccurOptions(), h.RollupOptions) and isinstance(h.PairOptions(), h.RollupOptions)
    assert rolled.rollup and len(rolled.actors)
    with pytest.raises(TypeError, match="actors takes"):
        h.RollupOptions(actors=["ypg"])
    with pytest.raises(TypeError, match="CooccurOptions"):
        h.cooccurrence(fx.make_mentions(), options=h.TimelineOptions())
