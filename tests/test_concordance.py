"""Unit tests of helpers.concordance.kwic: context widths, roles, limits and columns."""

from __future__ import annotations

import pandas as pd
import pytest

import helpers as h
from helpers.concordance import KWIC_COLUMNS, kwic


@pytest.fixture(scope="module")
def tagged():
    corpus = pd.DataFrame(
        {
            "doc_id": ["d1", "d2"],
            "title": ["Russia warns Turkey", ""],
            "text": ["Russia backed Assad.\nRefugees fled to Turkey last year.", "Turkey said HTS must withdraw."],
            "date": pd.to_datetime(["2024-12-01", "2024-12-02"], utc=True),
            "source": ["Wire", "Ledger"],
            "duplicate_of": pd.array([None, None], dtype="string"),
        }
    )
    return corpus, h.tag_mentions(corpus)


def test_kwic_lines_with_exact_context(tagged):
    corpus, mentions = tagged
    k = kwic(mentions, corpus, "russia", width=10)
    assert list(k.columns) == list(KWIC_COLUMNS)
    rows = k[["left", "match", "right", "doc_id", "field"]].values.tolist()
    assert ["          ", "Russia", " warns Tur", "d1", "title"] in rows
    assert ["          ", "Russia", " backed As", "d1", "text"] in rows
    assert all(len(r[0]) == 10 and len(r[2]) == 10 for r in rows)


def test_kwic_line_breaks_become_spaces_and_short_context_is_padded(tagged):
    corpus, mentions = tagged
    k = kwic(mentions, corpus, "turkey", width=12, roles=None)
    place = k[(k["doc_id"] == "d1") & (k["field"] == "text")].iloc[0]
    assert place["left"] == "ees fled to " and place["right"] == " last year. "  # padded to 12
    far = kwic(mentions, corpus, "turkey", width=30, roles="place").iloc[0]
    assert far["left"] == "acked Assad. Refugees fled to "  # the line break shown as a space


def test_kwic_roles(tagged):
    corpus, mentions = tagged
    actors = kwic(mentions, corpus, "turkey")
    every = kwic(mentions, corpus, "turkey", roles=None)
    assert len(every) == len(actors) + 1  # "fled to Turkey": a place
    assert set(kwic(mentions, corpus, "turkey", roles="place")["doc_id"]) == {"d1"}


def test_kwic_limit_all_actors_and_metadata(tagged):
    corpus, mentions = tagged
    assert len(kwic(mentions, corpus, limit=2)) == 2
    everything = kwic(mentions, corpus)
    assert set(everything["entity"].astype(str)) >= {"russia", "turkey", "hts", "syrian_government"}
    row = everything[everything["match"] == "HTS"].iloc[0]
    assert row["source"] == "Ledger"
    assert pd.Timestamp(row["date"]).tz_localize(None) == pd.Timestamp("2024-12-02")


def test_kwic_dates_are_naive_utc_like_every_selection(tagged):
    corpus, mentions = tagged
    k = kwic(mentions, corpus, "hts")
    assert k["date"].dt.tz is None  # the selection layer compares dates as naive UTC everywhere
    want = mentions.loc[mentions["entity"] == "hts", "date"].dt.tz_convert("UTC").dt.tz_localize(None)
    assert len(k) and set(k["date"]) <= set(want)


def test_kwic_of_an_actor_never_mentioned_is_empty(tagged):
    corpus, mentions = tagged
    k = kwic(mentions, corpus, "hezbollah")
    assert len(k) == 0 and list(k.columns) == list(KWIC_COLUMNS)


@pytest.mark.parametrize("width", [-1, 2.5, "10"])
def test_kwic_refuses_a_bad_width(tagged, width):
    corpus, mentions = tagged
    with pytest.raises(ValueError, match="width must be a whole number"):
        kwic(mentions, corpus, "russia", width=width)


def test_kwic_unknown_actor_names_the_closest(tagged):
    corpus, mentions = tagged
    with pytest.raises(ValueError, match="(?i)russia"):
        kwic(mentions, corpus, "Rusia")


def test_kwic_reads_roles_from_a_selection_like_every_analysis(tagged):
    corpus, mentions = tagged
    from helpers.select import Selection

    assert kwic(mentions, corpus, "turkey", select=Selection(roles=None)).equals(
        kwic(mentions, corpus, "turkey", roles=None)
    )
