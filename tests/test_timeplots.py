"""Tests for helpers.timeplots: the timeline figure (the data each plot is given, and that it renders)."""

from __future__ import annotations

import analysis_fixtures as fx
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

import helpers.plots as plots
from helpers import timeplots
from helpers.timelines import mention_timeline


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture()
def share():
    return mention_timeline(fx.make_mentions(), fx.make_corpus(), freq="M", measure="share")


def test_series_are_gaps_where_nothing_was_published(share):
    parts = timeplots._series_table(share, min_articles=2, interval="auto")
    russia = parts["russia"]
    assert np.isnan(russia.loc[pd.Timestamp("2015-02-01"), "value"])  # February: no article at all
    assert russia.loc[pd.Timestamp("2015-01-01"), "value"] == 1.0
    assert russia["low"].notna().sum() == 2  # Wilson bands on the two months with articles


def test_events_outside_the_range_are_left_out(share):
    events = pd.DataFrame({"date": ["2014-06-29", "2015-02-10", "2016-01-01"], "event": ["before", "inside", "after"]})
    inside = timeplots._events_in(events, share)
    assert inside["event"].tolist() == ["inside"]
    assert timeplots._events_in(events, share.iloc[0:0]).empty
    assert timeplots._event_entries(inside) == ["1   10 Feb 2015   inside"]


def test_lines_render_with_article_bars_event_markers_and_a_title(share):
    events = pd.DataFrame({"date": ["2015-02-10"], "event": ["talks"]})
    ax = timeplots.plot_timeline(share, events=events, caption="the test corpus")
    assert ax.get_title() == "Share of articles naming each actor per month"
    assert [t.get_text() for t in timeplots.event_badges(ax.figure)] == ["1"]
    assert any(c.get_gid() == timeplots.ARTICLES_GID for c in ax.collections)
    assert len(ax.get_legend().get_texts()) >= share.shape[1]


def test_small_multiples_give_one_panel_per_actor_and_hide_none():
    counts = mention_timeline(fx.make_mentions(), fx.make_corpus(), freq="M", entities=["russia", "iran", "isis"])
    axes = timeplots.plot_timeline(counts, kind="small_multiples", title="three actors")
    assert axes.shape == (3,)
    assert [a.get_title() for a in axes][:2] == ["Russia", "Iran"]  # display names, in the timeline's order
    assert axes[0].figure._suptitle.get_text() == "three actors"


def test_an_empty_timeline_says_so_and_a_bad_kind_is_refused(share):
    ax = timeplots.plot_timeline(share.iloc[0:0])
    assert any("no data" in t.get_text() for t in ax.texts)
    with pytest.raises(ValueError, match="kind must be"):
        timeplots.plot_timeline(share, kind="bars")


def test_plots_still_exports_the_timeline_figure():
    assert plots.plot_timeline is timeplots.plot_timeline and plots.event_badges is timeplots.event_badges


def test_plot_timeline_takes_its_knobs_in_timeline_plot_options(share):
    russia = "#123456"
    ax = timeplots.plot_timeline(share, options=timeplots.TimelinePlotOptions(colors={"russia": russia}, ids=True))
    lines = {ln.get_label(): matplotlib.colors.to_hex(ln.get_color()) for ln in ax.get_lines()}
    assert lines.get("russia") == russia and "Russia" not in lines
    with pytest.raises(TypeError, match="TimelinePlotOptions"):
        timeplots.plot_timeline(share, options={"ids": True})
    with pytest.raises(ValueError, match="interval must be"):
        timeplots.TimelinePlotOptions(interval="normal")
    with pytest.raises(ValueError, match="min_articles"):
        timeplots.TimelinePlotOptions(min_articles="5")
