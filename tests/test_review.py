"""Reviewing edges by hand: sample, fill, apply, estimate; Wilson intervals against known values."""

from __future__ import annotations

import pandas as pd
import pytest

import helpers as h
from helpers.review import _allocate, wilson_interval


@pytest.mark.parametrize(
    "k, n, lo, hi",
    [
        (43, 50, 0.7384, 0.9305),  # known Wilson 95% bounds for 43/50
        (0, 10, 0.0, 0.2775),
        (10, 10, 0.7225, 1.0),
        (5, 10, 0.2366, 0.7634),
    ],
)
def test_wilson_interval_known_values(k, n, lo, hi):
    a, b = wilson_interval(k, n)
    assert a == pytest.approx(lo, abs=5e-4) and b == pytest.approx(hi, abs=5e-4)


def test_wilson_interval_empty():
    a, b = wilson_interval(0, 0)
    assert a != a and b != b  # nan


def test_allocation_is_proportional_with_one_per_stratum():
    sizes = pd.Series({"compound": 60, "passive": 30, "verb": 9, "thanks": 1})
    got = _allocate(sizes, 20)
    assert sum(got.values()) == 20 and got["thanks"] == 1 and got["compound"] > got["passive"] > got["verb"] >= 1
    assert _allocate(sizes, 200) == {k: int(v) for k, v in sizes.items()}


@pytest.fixture(scope="module")
def support():
    c = h.load_corpus(h.config.SAMPLE_CORPUS)
    return c, h.extract_support(c, h.tag_mentions(c))


def test_round_trip(tmp_path, support):
    corpus, s = support
    path = tmp_path / "review" / "edges.csv"
    sample = h.sample_for_review(s, path, n=12, seed=3, corpus=corpus)
    assert path.exists() and len(sample) == 12 and sample["edge_id"].is_unique
    assert {"edge_id", "stratum", "decision", "note", "sentence", "backer", "client", "cue", "link"} <= set(sample)
    again = h.sample_for_review(s, tmp_path / "again.csv", n=12, seed=3, corpus=corpus)
    assert again["edge_id"].tolist() == sample["edge_id"].tolist()  # the seed fixes the draw
    filled = pd.read_csv(path, dtype=str, keep_default_na=False)
    filled["decision"] = ["keep"] * 9 + ["drop"] * 2 + [""]
    filled.loc[0, "note"] = "clear"
    filled.to_csv(path, index=False)
    reviewed = h.apply_review(s, path)
    counts = reviewed.drop_duplicates("edge_id")["review"].value_counts()
    assert counts["kept"] == 9 and counts["dropped"] == 2 and counts["unreviewed"] == len(set(s.edge_id)) - 11
    est = h.estimate_precision(reviewed).set_index("stratum")
    assert est.loc["all reviewed", "reviewed"] == 11 and est.loc["all reviewed", "kept"] == 9
    assert est.loc["all reviewed", "precision"] == pytest.approx(9 / 11)
    lo, hi = wilson_interval(9, 11)
    assert est.loc["all reviewed", "low"] == pytest.approx(lo)
    assert "on 11 reviewed edges" in est.loc["all reviewed", "label"]
    assert 0 <= est.loc["stratified", "low"] <= est.loc["stratified", "precision"] <= est.loc["stratified", "high"] <= 1
    net = h.support_network(reviewed, reviewed_only=True)
    kept = reviewed[reviewed.review == "kept"]
    assert set(zip(net.backer, net.client)) <= set(zip(kept.backer.astype(str), kept.client.astype(str)))


def test_bad_decision_names_the_line(tmp_path, support):
    _, s = support
    path = tmp_path / "r.csv"
    h.sample_for_review(s, path, n=3)
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    df["decision"] = ["keep", "maybe", ""]
    df.to_csv(path, index=False)
    with pytest.raises(ValueError, match=r"line 3: decision 'maybe'"):
        h.apply_review(s, path)


def test_confidence_threshold_filters_the_network(support):
    _, s = support
    assert s["confidence"].between(0, 1).all()
    strict = h.support_network(s, min_confidence=0.9)
    loose = h.support_network(s)
    assert strict["statements"].sum() < loose["statements"].sum()
    with pytest.raises(ValueError, match="apply_review"):
        h.support_network(s, reviewed_only=True)
