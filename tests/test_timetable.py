"""Tests for helpers.timetable: the tidy form of a timeline, its article counts and intervals."""

from __future__ import annotations

import analysis_fixtures as fx
import pandas as pd
import pytest

import helpers.timelines as timelines
from helpers.timelines import TimelineOptions, mention_timeline
from helpers.timetable import MIN_ARTICLES, TABLE_COLUMNS, period_articles, poisson_interval, timeline_table


@pytest.fixture()
def corpus() -> pd.DataFrame:
    return fx.make_corpus()


@pytest.fixture()
def mentions() -> pd.DataFrame:
    return fx.make_mentions()


def test_period_articles_reads_the_counts_back_per_period_and_per_source(mentions, corpus):
    t = mention_timeline(mentions, corpus, freq="M")
    per = period_articles(t)
    assert per.name == "articles" and per.tolist() == [2, 0, 2]  # a4 is a copy of a3 (unique stories)
    by_source = period_articles(mention_timeline(mentions, corpus, freq="M", options=TimelineOptions(by="source")))
    assert isinstance(by_source, pd.DataFrame)
    assert by_source["wire"].tolist() == [2, 0, 1] and by_source["state"].tolist() == [0, 0, 1]
    assert period_articles(mention_timeline(mentions, freq="M")) is None  # no corpus: unknown


def test_poisson_interval_is_exact_and_starts_at_zero_for_no_events():
    low, high = poisson_interval(0)
    assert low == 0.0 and high == pytest.approx(3.6889, abs=1e-3)
    low, high = poisson_interval(10)
    assert (low, high) == pytest.approx((4.7954, 18.3904), abs=1e-3)


def test_table_of_a_by_source_share_uses_each_sources_articles(mentions, corpus):
    t = mention_timeline(
        mentions, corpus, freq="M", measure="share", entities=["russia"], options=TimelineOptions(by="source")
    )
    table = timeline_table(t)
    assert list(table.columns) == ["period", "source"] + list(TABLE_COLUMNS[1:])
    state = table[table["source"] == "state"].reset_index(drop=True)
    assert state["articles"].tolist() == [0, 0, 1]
    assert state.loc[2, "value"] == 1.0 and state.loc[2, "thin"]  # 1 article < MIN_ARTICLES
    assert MIN_ARTICLES > 1


def test_rolling_means_and_missing_counts_get_no_interval(mentions, corpus):
    rolled = timeline_table(
        mention_timeline(mentions, corpus, freq="M", measure="share", options=TimelineOptions(rolling=2))
    )
    assert rolled["low"].isna().all() and rolled["high"].isna().all()
    no_corpus = timeline_table(mention_timeline(mentions, freq="M"), interval="poisson")
    assert no_corpus["articles"].isna().all() and not no_corpus["thin"].any()
    assert (no_corpus["low"] <= no_corpus["value"]).all() and (no_corpus["value"] <= no_corpus["high"]).all()


def test_bad_interval_is_refused(mentions, corpus):
    with pytest.raises(ValueError, match="interval must be"):
        timeline_table(mention_timeline(mentions, corpus), interval="bootstrap")


def test_timelines_still_exports_the_table():
    assert timelines.timeline_table is timeline_table
    assert timelines.period_articles is period_articles
    assert timelines.MIN_ARTICLES == MIN_ARTICLES and timelines.TABLE_COLUMNS == TABLE_COLUMNS
