"""Tests for helpers.sources.source_profile (fixtures in analysis_fixtures).

Unique stories: wire publishes a1, a2, a5, a6 (4 articles), state publishes a3 (1); echo only
publishes a4, a copy of a3. Actor readings per article: a1 {russia, sg, iran} (Turkey is a place),
a2 {russia, iran, isis}, a3 {russia, sg, ypg, turkey}, a5 {russia}, a6 {sdf, irgc, sg}.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import math

import analysis_fixtures as fx
import pandas as pd
import pytest

import helpers as h
from helpers.sources import source_profile

SG = "syrian_government"


@pytest.fixture()
def mentions() -> pd.DataFrame:
    return fx.make_mentions()


@pytest.fixture()
def corpus() -> pd.DataFrame:
    return fx.make_corpus()


def test_share_by_hand(mentions, corpus):
    p = source_profile(mentions, corpus)
    assert p.index.name == "source" and p.columns.name == "actor"
    assert list(p.index) == ["state", "wire"]
    # columns by reach: russia 4 articles, sg 3, iran 2, then the 1-article actors alphabetically
    assert list(p.columns) == ["russia", SG, "iran", "irgc", "isis", "sdf", "turkey", "ypg"]
    assert p.loc["wire", "russia"] == pytest.approx(0.75)  # a1, a2, a5 of 4
    assert p.loc["wire", SG] == pytest.approx(0.5)  # a1, a6
    assert p.loc["wire", "isis"] == pytest.approx(0.25)
    assert p.loc["wire", "turkey"] == 0.0  # a1's Turkey is a place
    assert p.loc["state", "russia"] == 1.0
    assert p.loc["state", "iran"] == 0.0
    assert p.attrs["articles"] == {"state": 1, "wire": 4}


def test_stories_all_adds_the_copying_source(mentions, corpus):
    p = source_profile(mentions, corpus, stories="all", entities=["russia", "turkey"])
    assert list(p.index) == ["echo", "state", "wire"]
    assert list(p.columns) == ["russia", "turkey"]
    assert p.loc["echo", "turkey"] == 1.0


def test_zscore_by_hand(mentions, corpus):
    z = source_profile(mentions, corpus, stories="all", normalise="zscore", entities=["russia", "isis"])
    # russia shares: echo 1, state 1, wire 0.75; mean 0.916667, population std 0.117851
    # wire: -0.166667 / 0.117851 = -1.414214 ; echo, state: 0.083333 / 0.117851 = 0.707107
    assert z.loc["wire", "russia"] == pytest.approx(-math.sqrt(2), abs=1e-6)
    assert z.loc["echo", "russia"] == pytest.approx(1 / math.sqrt(2), abs=1e-6)
    # isis: wire 0.25, others 0 -> wire +1.414214
    assert z.loc["wire", "isis"] == pytest.approx(math.sqrt(2), abs=1e-6)
    same = source_profile(mentions, corpus, normalise="zscore", sources=["wire"])
    # one source: nothing to compare; no z-score is made up (NaN, not 0) and the frame says why
    assert same.isna().to_numpy().all() and same.attrs["note"] == "one source: nothing to compare"
    assert z.attrs["note"] == ""


def test_rollup_roles_and_dates(mentions, corpus):
    r = source_profile(mentions, corpus, rollup=True)
    assert r.loc["wire", "sdf"] == pytest.approx(0.25) and "ypg" not in r.columns
    assert r.loc["state", "sdf"] == 1.0  # a3's YPG counts for sdf
    places = source_profile(mentions, corpus, roles=("actor", "place"), entities=["turkey"])
    assert places.loc["wire", "turkey"] == pytest.approx(0.25)  # a1
    march = source_profile(mentions, corpus, start="2015-03-01")
    # wire from March: a6 only (a5 undated is left out when a date range is given)
    assert march.attrs["articles"] == {"state": 1, "wire": 1}
    assert march.loc["wire", SG] == 1.0
    assert march.loc["wire", "russia"] == 0.0


def test_bad_normalise(mentions, corpus):
    with pytest.raises(ValueError, match="normalise"):
        source_profile(mentions, corpus, normalise="rank")


# -- an outlet's services in two languages -----------------------------------------------------------------
@pytest.fixture(scope="module")
def bilingual():
    c = h.load_corpus([h.config.SAMPLE_CORPUS / "feed.jsonl", h.config.SAMPLE_CORPUS_AR])
    m = h.tag_mentions(c)
    return c, m, h.extract_support(c, m)


def test_compare_services_sets_an_outlets_two_languages_side_by_side(bilingual):
    c, m, s = bilingual
    out = h.compare_services(m, c, support=s)
    assert out.attrs["outlet"] == "Levant Ledger" and out.attrs["note"] == ""
    assert list(out.columns) == ["en", "ar"] and out.index.name == "actor"
    ar_docs = c[(c["source"] == "Levant Ledger") & (c["language"] == "ar")]
    assert out.attrs["articles"]["ar"] == len(ar_docs)
    named = set(m.loc[m["doc_id"].isin(ar_docs["doc_id"]) & (m["role"] == "actor"), "entity"].astype(str))
    assert set(out.index[out["ar"] > 0]) == named
    assert ((out >= 0) & (out <= 1)).all().all()
    assert ("russia", "syrian_government") in out.attrs["statements"]["ar"]


def test_compare_services_says_when_no_outlet_has_both(bilingual):
    c, m, s = bilingual
    english = c[c["language"] == "en"]
    out = h.compare_services(m[m["doc_id"].isin(english["doc_id"])], english, support=s)
    assert out.empty and "no outlet has articles in both en and ar" == out.attrs["note"]
    assert "has no articles in both" in h.compare_services(m, c, outlet="Northgate Wire").attrs["note"]
