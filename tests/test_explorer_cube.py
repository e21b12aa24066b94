"""Tests for helpers.explorer_cube: the coded tables of the explorer page, on the hand-built analysis frames."""

from __future__ import annotations

import analysis_fixtures as fx
import numpy as np
import pandas as pd
import pytest

from helpers import explorer
from helpers import explorer_cube as cube


@pytest.fixture()
def coded():
    corpus, mentions = fx.make_corpus(), fx.make_mentions()
    arts, freq = cube.article_frame(corpus, "M")
    periods = ["2015-01-01", "2015-02-01", "2015-03-01"]
    sources = sorted(arts["source"].unique())
    arts["period"], arts["src"] = cube.codes(arts["period"], periods), cube.codes(arts["source"], sources)
    roles = ["actor", "place"]
    index = cube.actor_ids(mentions, pd.DataFrame(columns=["backer", "client", "doc_id"]))
    return corpus, arts, cube.coded_mentions(mentions, arts, roles, index), index, sources


def test_codes_index_names_and_mark_missing_values():
    out = cube.codes(pd.Series(["b", None, "z", "a"]), ["a", "b"])
    assert out.tolist() == [1, -1, -1, 0] and out.dtype == np.int64


def test_article_frame_chooses_weeks_for_short_spans_and_flags_copies():
    corpus = fx.make_corpus()
    arts, freq = cube.article_frame(corpus, None)
    assert freq == "W"  # the fixture spans three months
    assert arts.set_index("doc_id")["copy"].to_dict() == {"a1": 0, "a2": 0, "a3": 0, "a4": 1, "a5": 0, "a6": 0}
    assert arts.loc[arts["doc_id"] == "a5", "period"].isna().all()  # undated: no period
    with pytest.raises(ValueError, match="'W' or 'M'"):
        cube.article_frame(corpus, "Y")


def test_volume_counts_dated_articles_per_period_source_and_copy(coded):
    _, arts, _, _, sources = coded
    rows = cube.volume_rows(arts)
    jan_wire = [r for r in rows if r[0] == 0 and sources[r[1]] == "wire"]
    assert jan_wire == [[0, sources.index("wire"), 0, 2]]
    assert sum(r[3] for r in rows) == 5  # a5 is undated


def test_counts_and_cooccurrences_of_russia(coded):
    _, _, m, index, _ = coded
    russia = index["russia"]
    rows = [r for r in cube.count_rows(m, ["actor", "place"]) if r[0] == russia and r[3] == 0]
    # January: a1 (3 actor mentions) and a2 (1): two articles whose mentions all read "actor" (mask 1)
    jan = [r for r in rows if r[1] == 0]
    assert jan == [[russia, 0, jan[0][2], 0, 1, 2, 4, 0]]
    pairs = {(r[0], r[1], r[2]): r[5] for r in cube.cooc_rows(m, 0)}
    a, b = sorted((russia, index["syrian_government"]))
    assert pairs[(a, b, 0)] == 1  # a1 text sentence 0


def test_evidence_keeps_context_and_reports_the_cap(coded):
    corpus, _, m, index, _ = coded
    texts = {(d, f): corpus.set_index("doc_id").loc[d, f] for d in corpus["doc_id"] for f in ("title", "text")}
    rows, left, cap = cube.evidence_rows(m, texts, 1, 10)
    assert cap == 1 and left == len(m[m["period"] >= 0]) - len(rows)
    first = next(r for r in rows if r[0] == index["russia"] and r[1] == 0)
    assert first[5] in ("Russia", "Russian") and first[7].startswith("a1/")


def test_fit_cap_lowers_the_cap_to_the_budget_and_is_re_exported():
    sizes = pd.Series([50, 5, 5])
    assert cube.fit_cap(sizes, 100, 60) == 100  # everything fits
    assert cube.fit_cap(sizes, 100, 59) == 49
    assert cube.fit_cap(sizes, 100, 30) == 20
    assert explorer.fit_cap is cube.fit_cap and explorer.EVIDENCE_CAP == cube.EVIDENCE_CAP


def test_backing_rows_code_denied_statements_and_count_undated():
    corpus = fx.make_corpus()
    arts, _ = cube.article_frame(corpus, "M")
    arts["period"] = cube.codes(arts["period"], ["2015-01-01", "2015-02-01", "2015-03-01"])
    sources = sorted(arts["source"].unique())
    support = fx.make_support()
    index = cube.actor_ids(fx.make_mentions(), support)
    edges, statements, left, cap, undated = cube.backing_rows(support, arts, index, sources, {}, 100)
    assert left == 0 and cap == 100 and len(statements) == len(support)
    assert sum(e[7] for e in edges) + undated == len(support)
    assert support["negated"].any()  # the fixture holds a denied statement: it is coded "denied"
    assert any(e[5] == cube.MODALITIES.index("denied") for e in edges)
    assert cube.backing_rows(support.iloc[0:0], arts, index, sources, {}, 7) == ([], [], 0, 7, 0)
