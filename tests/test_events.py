"""Tests for helpers.events: the reference event list read from a CSV or from the conflict packs."""

from __future__ import annotations

import pandas as pd
import pytest

import helpers.timelines as timelines
from helpers import config
from helpers.events import EVENT_COLUMNS, load_events


def test_a_csv_is_read_sorted_with_actor_lists_and_optional_columns(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("date,event\n2016-03-14, Partial withdrawal announced \n2015-09-30,Air campaign begins\n")
    events = load_events(path)
    assert tuple(events.columns) == EVENT_COLUMNS
    assert events["event"].tolist() == ["Air campaign begins", "Partial withdrawal announced"]
    assert events["actors"].tolist() == [[], []]  # no actors column: empty lists, not NaN
    assert events["category"].tolist() == ["", ""]
    assert str(events["date"].dtype).startswith("datetime64")


def test_a_pack_name_reads_that_packs_events_and_two_packs_are_merged_by_date():
    syria = load_events("syria")
    sudan = load_events("sudan")
    lines = sum(1 for _ in (config.CONFLICTS_DIR / "syria" / "events.csv").open()) - 1
    assert len(syria) == lines and syria["date"].is_monotonic_increasing
    both = load_events(["syria", "sudan"])
    assert len(both) == len(syria) + len(sudan)
    assert both["date"].is_monotonic_increasing
    assert all(isinstance(a, list) for a in both["actors"])


def test_a_pack_without_events_gives_an_empty_frame_with_the_columns():
    events = load_events("common")
    assert events.empty and list(events.columns) == list(EVENT_COLUMNS)


def test_bad_dates_are_named_by_line(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("date,event\n2015-01-01,ok\nsoon,bad\nlater,worse\n")
    with pytest.raises(ValueError, match=r"line\(s\) 3, 4"):
        load_events(path)


def test_timelines_still_exports_the_event_list():
    assert timelines.load_events is load_events
    assert timelines.EVENT_COLUMNS == EVENT_COLUMNS
    assert isinstance(load_events(config.CONFLICTS_DIR / "syria" / "events.csv"), pd.DataFrame)
