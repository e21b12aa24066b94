"""Tests for helpers.timelines: mention_timeline and load_events (fixtures in analysis_fixtures)."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import importlib
import logging

import analysis_fixtures as fx
import numpy as np
import pandas as pd
import pytest

from helpers import config
from helpers.timelines import TimelineOptions, load_events, mention_timeline

JAN, FEB, MAR = pd.Timestamp("2015-01-01"), pd.Timestamp("2015-02-01"), pd.Timestamp("2015-03-01")


@pytest.fixture()
def corpus() -> pd.DataFrame:
    return fx.make_corpus()


@pytest.fixture()
def mentions() -> pd.DataFrame:
    return fx.make_mentions()


# ---------------------------------------------------------------------------------------- shape
def test_monthly_mentions_counted_by_hand(mentions, corpus):
    t = mention_timeline(mentions, corpus, freq="M")
    # unique stories, actor roles, dated only:
    # Jan: a1 russia x3 (title + "Russian" + "Russia"), syrian_government x2, iran x1; a2 russia, iran, isis
    # Feb: no article at all -> zeros
    # Mar: a3 russia, syrian_government, ypg, turkey; a6 sdf, irgc, syrian_government
    assert isinstance(t.index, pd.DatetimeIndex)
    assert t.index.name == "period"
    assert list(t.index) == [JAN, FEB, MAR]
    assert t.columns.name == "actor"
    # most mentioned first (russia 5, syrian_government 4, iran 2), ties alphabetical
    assert list(t.columns) == ["russia", "syrian_government", "iran", "irgc", "isis", "sdf", "turkey", "ypg"]
    assert t["russia"].tolist() == [4, 0, 1]
    assert t["syrian_government"].tolist() == [2, 0, 2]
    assert t["iran"].tolist() == [2, 0, 0]
    assert t["turkey"].tolist() == [0, 0, 1]  # the a1 "Turkey" is a place reading
    assert t.loc[FEB].sum() == 0  # zero-filled, not a gap
    assert not t.isna().any().any()


def test_undated_articles_reported(mentions, corpus, caplog):
    with caplog.at_level(logging.INFO, logger="helpers.timelines"):
        t = mention_timeline(mentions, corpus, freq="M")
    assert t.attrs["undated_articles"] == 1  # a5
    assert t.attrs["undated_mentions"] == 1  # its one Russia
    assert "1 undated articles" in caplog.text
    # russia: a1 3 + a2 1 + a3 1 = 5 dated; the a5 mention is not in any period (and a4 is a copy)
    assert t["russia"].sum() == 5


def test_measure_articles_and_share(mentions, corpus):
    art = mention_timeline(mentions, corpus, freq="M", measure="articles")
    # russia: Jan a1, a2 -> 2; Mar a3 -> 1.  syrian_government: Jan a1 -> 1; Mar a3, a6 -> 2
    assert art["russia"].tolist() == [2, 0, 1]
    assert art["syrian_government"].tolist() == [1, 0, 2]
    share = mention_timeline(mentions, corpus, freq="M", measure="share")
    # articles published (unique): Jan 2 (a1, a2), Feb 0, Mar 2 (a3, a6)
    # russia 2/2 = 1.0, -, 1/2 = 0.5 ; syrian_government 1/2 = 0.5, -, 2/2 = 1.0 (February: a gap, not 0)
    assert share["russia"].tolist() == pytest.approx([1.0, np.nan, 0.5], nan_ok=True)
    assert share["syrian_government"].tolist() == pytest.approx([0.5, np.nan, 1.0], nan_ok=True)
    assert share["isis"].tolist() == pytest.approx([0.5, np.nan, 0.0], nan_ok=True)
    assert share.attrs["period_articles"] == {"2015-01-01": 2, "2015-02-01": 0, "2015-03-01": 2}
    assert art.attrs["period_articles"] == share.attrs["period_articles"]


def test_stories_unique_vs_all(mentions, corpus):
    uniq = mention_timeline(mentions, corpus, freq="M")
    every = mention_timeline(mentions, corpus, freq="M", stories="all")
    # a4 (copy of a3, March) adds russia, syrian_government, ypg, turkey once each
    assert uniq.loc[MAR, "russia"] == 1 and every.loc[MAR, "russia"] == 2
    assert uniq.loc[MAR, "syrian_government"] == 2 and every.loc[MAR, "syrian_government"] == 3
    assert every.loc[JAN, "russia"] == 4  # January has no copy
    share_all = mention_timeline(mentions, corpus, freq="M", stories="all", measure="share")
    # March articles with copies: a3, a4, a6 = 3; russia in a3, a4 -> 2/3; syrian_government 3/3
    assert share_all.loc[MAR, "russia"] == pytest.approx(2 / 3)
    assert share_all.loc[MAR, "syrian_government"] == pytest.approx(1.0)


def test_by_source_columns_and_share(mentions, corpus):
    t = mention_timeline(
        mentions, corpus, freq="M", entities=["russia", "syrian_government"], options=TimelineOptions(by="source")
    )
    assert isinstance(t.columns, pd.MultiIndex)
    assert t.columns.names == ["source", "actor"]
    # unique stories: echo only publishes the copy a4, so the sources are state and wire
    assert list(t.columns) == [
        ("state", "russia"),
        ("state", "syrian_government"),
        ("wire", "russia"),
        ("wire", "syrian_government"),
    ]
    assert t[("wire", "russia")].tolist() == [4, 0, 0]
    assert t[("state", "russia")].tolist() == [0, 0, 1]
    every = mention_timeline(
        mentions, corpus, freq="M", stories="all", entities=["russia"], options=TimelineOptions(by="source")
    )
    assert sorted(every.columns.get_level_values("source")) == ["echo", "state", "wire"]
    share = mention_timeline(
        mentions,
        corpus,
        freq="M",
        measure="share",
        entities=["russia", "syrian_government"],
        options=TimelineOptions(by="source"),
    )
    # per source denominators: wire Jan 2 (a1, a2), wire Mar 1 (a6); state Mar 1 (a3)
    assert share[("wire", "russia")].tolist() == pytest.approx([1.0, np.nan, 0.0], nan_ok=True)
    assert share[("wire", "syrian_government")].tolist() == pytest.approx([0.5, np.nan, 1.0], nan_ok=True)
    assert share[("state", "russia")].tolist() == pytest.approx([np.nan, np.nan, 1.0], nan_ok=True)
    assert share.attrs["period_articles"]["state"] == {"2015-01-01": 0, "2015-02-01": 0, "2015-03-01": 1}
    tidy = t.stack(["source", "actor"])
    assert tidy.loc[(MAR, "state", "russia")] == 1


def test_by_kind(mentions, corpus):
    t = mention_timeline(mentions, corpus, freq="M", options=TimelineOptions(by="kind"))
    assert t.columns.names == ["kind", "actor"]
    assert ("faction", "isis") in t.columns and ("state", "russia") in t.columns
    assert ("state", "isis") not in t.columns


def test_rollup_children_into_parents(mentions, corpus):
    plain = mention_timeline(mentions, corpus, freq="M")
    rolled = mention_timeline(mentions, corpus, freq="M", options=TimelineOptions(rollup=True))
    assert "ypg" in plain.columns and "ypg" not in rolled.columns and "irgc" not in rolled.columns
    # March: sdf 1 (a6 headline) + ypg 1 (a3) = 2 ; iran: irgc 1 (a6)
    assert rolled.loc[MAR, "sdf"] == 2
    assert rolled["iran"].tolist() == [2, 0, 1]
    by_kind = mention_timeline(mentions, corpus, freq="M", options=TimelineOptions(rollup=True, by="kind"))
    assert by_kind.loc[MAR, ("state", "iran")] == 1  # irgc (a faction) counted under iran, a state
    with_actors = mention_timeline(
        mentions, corpus, freq="M", options=TimelineOptions(rollup=True, actors=fx.make_actors())
    )
    assert with_actors.loc[MAR, "sdf"] == 2


def test_place_roles_excluded_by_default(mentions, corpus):
    default = mention_timeline(mentions, corpus, freq="M", entities=["turkey"])
    both = mention_timeline(mentions, corpus, freq="M", entities=["turkey"], roles=("actor", "place"))
    assert default["turkey"].tolist() == [0, 0, 1]
    assert both["turkey"].tolist() == [1, 0, 1]  # "Refugees crossed into Turkey." in a1


def test_entities_order_and_absent_entity(mentions, corpus):
    t = mention_timeline(mentions, corpus, freq="M", entities=["isis", "russia", "hts"])
    assert list(t.columns) == ["isis", "russia", "hts"]
    assert t["hts"].tolist() == [0, 0, 0]


def test_weekly_and_daily_ranges(mentions, corpus):
    w = mention_timeline(mentions, corpus, freq="W")
    # weeks start on Monday: 2015-01-05 (a Monday) .. the week of 2015-03-25 starts 2015-03-23
    # 77 days apart -> 11 steps -> 12 weeks
    assert w.index[0] == pd.Timestamp("2015-01-05")
    assert w.index[-1] == pd.Timestamp("2015-03-23")
    assert len(w) == 12
    assert w["russia"].sum() == 5
    d = mention_timeline(mentions, corpus, freq="D")
    # 2015-01-05 .. 2015-03-25 inclusive: 27 (Jan 5-31) + 28 + 25 = 80 days
    assert len(d) == 80
    assert d.loc[pd.Timestamp("2015-01-20"), "russia"] == 1


def test_quarter_year_and_pandas_spellings(mentions, corpus):
    q = mention_timeline(mentions, corpus, freq="Q")
    assert list(q.index) == [pd.Timestamp("2015-01-01")]
    assert q.loc[pd.Timestamp("2015-01-01"), "russia"] == 5
    y = mention_timeline(mentions, corpus, freq="Y")
    assert y["russia"].tolist() == [5]
    ms = mention_timeline(mentions, corpus, freq="MS")
    me = mention_timeline(mentions, corpus, freq="ME")
    assert list(ms.index) == list(me.index) == [JAN, FEB, MAR]
    with pytest.raises(ValueError, match="freq"):
        mention_timeline(mentions, corpus, freq="fortnight")


def test_start_end_extend_and_cut(mentions, corpus):
    t = mention_timeline(mentions, corpus, freq="M", start="2014-12-01", end="2015-04-30")
    assert len(t) == 5  # Dec, Jan, Feb, Mar, Apr
    assert t["russia"].tolist() == [0, 4, 0, 1, 0]
    cut = mention_timeline(mentions, corpus, freq="M", start="2015-02-01")
    assert list(cut.index) == [FEB, MAR]
    assert cut["russia"].tolist() == [0, 1]


def test_rolling_mean(mentions, corpus):
    t = mention_timeline(mentions, corpus, freq="M", entities=["russia"], options=TimelineOptions(rolling=2))
    # raw [4, 0, 1] -> [4, (4+0)/2, (0+1)/2]
    assert t["russia"].tolist() == pytest.approx([4.0, 2.0, 0.5])


def test_sources_filter(mentions, corpus):
    t = mention_timeline(mentions, corpus, freq="M", sources=["state"], measure="share")
    # only a3 (state, March): russia 1/1; no state article in Jan or Feb: gaps
    assert t["russia"].tolist() == pytest.approx([np.nan, np.nan, 1.0], nan_ok=True)
    assert t.attrs["undated_articles"] == 0  # a5 is a wire article


def test_plain_string_columns_and_share_needs_corpus(mentions):
    plain = fx.make_mentions(categorical=False)
    t = mention_timeline(plain, None, freq="M")
    assert t["russia"].tolist() == [4, 0, 1]
    with pytest.raises(ValueError, match="corpus"):
        mention_timeline(mentions, None, measure="share")


def test_empty_selection_gives_empty_columns(mentions, corpus):
    t = mention_timeline(mentions.iloc[0:0], corpus, freq="M")
    assert list(t.index) == [JAN, FEB, MAR]
    assert t.shape[1] == 0


# ---------------------------------------------------------------------------------------- events
def test_load_events(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text(
        "date,event,actors,category\n"
        "2015-09-30,Russian air campaign begins,russia;syrian_government,intervention\n"
        "2014-06-29,ISIS declares a caliphate,isis,declaration\n"
    )
    events = load_events(path)
    assert list(events.columns) == ["date", "event", "actors", "category"]
    assert events["date"].tolist() == [pd.Timestamp("2014-06-29"), pd.Timestamp("2015-09-30")]
    assert events.loc[1, "actors"] == ["russia", "syrian_government"]
    assert events.loc[0, "category"] == "declaration"


def test_load_events_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="date,event,actors,category"):
        load_events(tmp_path / "missing.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("when,event\n2015-01-01,x\n")
    with pytest.raises(ValueError, match="date"):
        load_events(bad)
    worse = tmp_path / "worse.csv"
    worse.write_text("date,event,actors,category\nnot a date,x,,\n")
    with pytest.raises(ValueError, match="line"):
        load_events(worse)


# ---------------------------------------------------------------------------------------- real data
def _real_pipeline(path):
    if not path.is_file():
        pytest.skip(f"real corpus absent: {path}")
    helpers = importlib.import_module("helpers")
    try:
        load_corpus, tag_mentions = helpers.load_corpus, helpers.tag_mentions
    except (ImportError, AttributeError) as exc:
        pytest.skip(f"helpers.load_corpus / helpers.tag_mentions not importable yet: {exc}")
    corpus = load_corpus(path)
    return corpus, tag_mentions(corpus)


@pytest.mark.slow
def test_fakes_russia_share_rises_from_october_2015():
    corpus, mentions = _real_pipeline(config.SHARED_DIR / "corpora" / "fa-kes" / "FA-KES-Dataset.csv")
    t = mention_timeline(mentions, corpus, freq="M", measure="articles", entities=["russia"])
    dates = pd.to_datetime(corpus.loc[corpus["duplicate_of"].isna(), "date"], utc=True).dt.tz_convert(None)
    cut = pd.Timestamp("2015-10-01")
    before = t.loc[t.index < cut, "russia"].sum() / max(1, int((dates < cut).sum()))
    after = t.loc[t.index >= cut, "russia"].sum() / max(1, int((dates >= cut).sum()))
    assert after > 0 and after >= 3 * before, (before, after)


@pytest.mark.slow
def test_guardian_isis_rises_from_2014():
    path = config.SHARED_DIR / "corpora" / "guardian-syria-headlines" / "guardian_syria_headlines_2011_2023.csv"
    corpus, mentions = _real_pipeline(path)
    t = mention_timeline(mentions, corpus, freq="Y", measure="share", entities=["isis"])
    early = t.loc[(t.index.year >= 2011) & (t.index.year <= 2013), "isis"]
    share_2014 = t.loc[t.index.year == 2014, "isis"].iloc[0]
    assert len(early) == 3
    assert share_2014 >= 3 * early.mean(), (share_2014, early.tolist())
    assert share_2014 > early.max()
    assert np.isfinite(share_2014)


def test_mention_timeline_takes_its_knobs_in_timeline_options(mentions, corpus):
    plain = mention_timeline(mentions, corpus, freq="M", entities=["russia"])
    rolled = mention_timeline(mentions, corpus, freq="M", entities=["russia"], options=TimelineOptions(rolling=2))
    assert rolled.attrs["rolling"] == 2 and not rolled.equals(plain)
    assert TimelineOptions().by is None and TimelineOptions().imprecise == "drop"
    with pytest.raises(ValueError, match="by must be"):
        TimelineOptions(by="outlet")
    with pytest.raises(TypeError, match="TimelineOptions"):
        mention_timeline(mentions, corpus, options={"by": "source"})
