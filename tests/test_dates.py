"""Dates: every way news writes one, nothing borrowed from today, every failure counted with its reason."""

from __future__ import annotations

import datetime as _dt
import zoneinfo

import pandas as pd
import pytest
import time_machine

from helpers.dates import DateStats, date_from_name, parse_date, parse_dates, timezones

UTC = "UTC"

TABLE = [
    # (value, expected UTC timestamp or None, status, precision or reason)
    ("2024-11-30T10:00:00+02:00", "2024-11-30 08:00", "ok", "time"),
    ("2024-11-30", "2024-11-30", "ok", "day"),
    ("Sat, 30 Nov 2024 14:05:00 +0000", "2024-11-30 14:05", "ok", "time"),
    ("30 November 2024", "2024-11-30", "ok", "day"),
    ("Nov 30, 2024", "2024-11-30", "ok", "day"),
    ("11/30/2024", "2024-11-30", "ok", "day"),
    ("01/02/2024", "2024-01-02", "ambiguous", "day"),
    ("Nov 2024", "2024-11-01", "ok", "month"),
    ("2024", "2024-01-01", "ok", "year"),
    ("Updated: 30 November 2024, 14:05", "2024-11-30 14:05", "ok", "time"),
    ("Dec 8 2024 03:00 MSK", "2024-12-08 00:00", "ok", "time"),
    ("Dec 8 2024 03:00 AST", "2024-12-08 00:00", "tz_ambiguous", "time"),
    ("Dec 7 2024 22:00 EST", "2024-12-08 03:00", "ok", "time"),
    (1733000000, "2024-11-30 20:53:20", "ok", "time"),
    ("1733000000000", "2024-11-30 20:53:20", "ok", "time"),
    ("March", None, "unparseable", "no year"),
    ("3 hours ago", None, "unparseable", "relative without a reference"),
    ("Posted 5 min ago", None, "unparseable", "relative without a reference"),
    ("yesterday", None, "unparseable", "relative without a reference"),
    ("1e12", None, "unparseable", "a number that is no epoch time"),
    ("-1", None, "unparseable", "not a date"),
    (12, None, "unparseable", "a number that is no epoch time"),
    ("in Syria at the invitation of Damascus since 2015", None, "unparseable", "not a date"),
    ("2150-01-01", None, "unparseable", "out of range"),
    # numbers and compact forms (JSON, YAML front matter, Parquet and GDELT write them)
    (2024, "2024-01-01", "ok", "year"),
    (2024.0, "2024-01-01", "ok", "year"),
    ("20241130", "2024-11-30", "ok", "day"),
    (20241130140500, "2024-11-30 14:05", "ok", "time"),
    ("11.2024", "2024-11-01", "ok", "month"),
    (_dt.date(2024, 11, 30), "2024-11-30", "ok", "day"),
    # a quarter or half keeps its year only (dateutil read "Q4 2024" as April)
    ("Q4 2024", "2024-01-01", "ok", "year"),
    ("2024-H2", "2024-01-01", "ok", "year"),
    # a month name the parser does not know never turns the day into the month (was 1 August 2024)
    ("8 décembre 2024", None, "unparseable", "month name not understood (English names and numbers are read)"),
    ("8 ديسمبر 2024", None, "unparseable", "month name not understood (English names and numbers are read)"),
    ("8. Dezember 2024 14:05", None, "unparseable", "month name not understood (English names and numbers are read)"),
    # an unknown time-zone name is read as UTC and flagged, never silently
    ("Dec 8 2024 03:00 XYZ", "2024-12-08 03:00", "tz_ambiguous", "time"),
    ("December 8, 2024 at 3:00 a.m. ET", "2024-12-08 08:00", "tz_ambiguous", "time"),
    ("", None, "missing", ""),
    (None, None, "missing", ""),
]


@pytest.mark.parametrize("today", ["2019-02-03 04:05", "2031-12-31 23:59"])
@pytest.mark.parametrize("value, expected, status, detail", TABLE)
def test_table_whatever_today_is(today, value, expected, status, detail):
    with time_machine.travel(pd.Timestamp(today, tz=UTC).to_pydatetime(), tick=False):
        ts, got_status, got_detail = parse_date(value)
    assert (got_status, got_detail) == (status, detail), value
    if expected is None:
        assert pd.isna(ts)
    else:
        assert ts == pd.Timestamp(expected, tz=UTC), value


def test_relative_dates_count_from_the_reference():
    ref = "2024-12-08T12:00:00Z"
    assert parse_date("3 hours ago", reference=ref)[0] == pd.Timestamp("2024-12-08 09:00", tz=UTC)
    assert parse_date("Posted 5 min ago", reference=ref)[0] == pd.Timestamp("2024-12-08 11:55", tz=UTC)
    ts, status, precision = parse_date("yesterday", reference="Sun, 08 Dec 2024 12:00:00 +0000")
    assert (ts, status, precision) == (pd.Timestamp("2024-12-07", tz=UTC), "ok", "day")


def test_dayfirst():
    assert parse_date("01/02/2024", dayfirst=True)[0] == pd.Timestamp("2024-02-01", tz=UTC)


def test_column_counts_reasons_and_precision():
    values = ["2024-11-30", "2024-11-30T10:00:00Z", "Nov 2024", "2024", "March", "3 hours ago", None, "x"]
    dates, precision, stats = parse_dates(values, with_precision=True)
    assert precision.tolist() == ["day", "time", "month", "year", "", "", "", ""]
    assert (stats.parsed, stats.missing, stats.unparseable) == (4, 1, 3)
    assert stats.imprecise == {"month": 1, "year": 1}
    assert stats.reasons == {"no year": 1, "relative without a reference": 1, "not a date": 1}
    # a reference per value (a crawl-date column)
    d, _ = parse_dates(["3 hours ago", "3 hours ago"], reference=["2024-12-08T12:00Z", None])
    assert d.iloc[0] == pd.Timestamp("2024-12-08 09:00", tz=UTC) and pd.isna(d.iloc[1])


def test_stats_round_trip():
    _, _, stats = parse_dates(["Nov 2024", "March", "01/02/2024"], with_precision=True)
    again = DateStats.from_dict(stats.to_dict())
    assert again.to_dict() == stats.to_dict()
    total = DateStats()
    total.add(stats)
    total.add(stats)
    assert total.parsed == 2 * stats.parsed and total.reasons["no year"] == 2


def test_timezone_table_is_well_formed():
    tz = timezones()
    assert tz["MSK"] == (3 * 3600, False) and tz["IRST"] == (3 * 3600 + 1800, False)
    assert tz["AST"][1] and tz["IST"][1]  # other readings exist


def test_date_from_name():
    assert date_from_name("2024-11-30_aleppo.txt") == pd.Timestamp("2024-11-30", tz=UTC)
    assert pd.isna(date_from_name("aleppo-2024.txt"))


def test_iana_time_zone_names_are_applied():
    try:
        zoneinfo.ZoneInfo("Asia/Damascus")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("no time-zone database on this machine")
    assert parse_date("2024-12-08 03:00 Asia/Damascus") == (pd.Timestamp("2024-12-08 00:00", tz=UTC), "ok", "time")
    ts, status, _ = parse_date("2024-12-08 03:00 Nowhere/Atlantis")
    assert (ts, status) == (pd.Timestamp("2024-12-08 03:00", tz=UTC), "tz_ambiguous")
