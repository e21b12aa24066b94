"""Tests for helpers.cooccur: counts and measures checked against values derived by hand.

Sentence windows of the fixture (stories="unique", actor roles), N = 10:
    W1 {russia} W2 {russia, sg} W3 {iran, sg} W4 {russia, iran} W5 {isis}
    W6 {russia, sg} W7 {ypg, turkey} W8 {russia} W9 {sdf} W10 {irgc, sg}
n_russia = 5 (W1 W2 W4 W6 W8), n_sg = 4 (W2 W3 W6 W10), n_iran = 2 (W3 W4), all others 1.
Pairs: russia-sg 2, iran-sg 1, russia-iran 1, turkey-ypg 1, irgc-sg 1.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import importlib
import math

import analysis_fixtures as fx
import networkx as nx
import numpy as np
import pandas as pd
import pytest

from helpers.cooccur import (
    CooccurOptions,
    PairOptions,
    cooccurrence,
    cooccurrence_graph,
    export_graph,
    pair_sentences,
    top_pairs,
)

SG = "syrian_government"


@pytest.fixture()
def mentions() -> pd.DataFrame:
    return fx.make_mentions()


def test_sentence_counts(mentions):
    c = cooccurrence(mentions, window="sentence", measure="count")
    assert c.attrs["n_windows"] == 10
    assert set(c.index) == {"russia", SG, "iran", "isis", "ypg", "turkey", "sdf", "irgc"}
    assert list(c.index) == list(c.columns)
    assert (c.to_numpy() == c.to_numpy().T).all()
    # diagonal: windows naming the actor (russia named 3 times in a1 but in 2 windows there)
    assert c.loc["russia", "russia"] == 5
    assert c.loc[SG, SG] == 4
    assert c.loc["iran", "iran"] == 2
    assert c.loc["russia", SG] == 2  # W2, W6: a pair counts once per window
    assert c.loc["iran", SG] == 1
    assert c.loc["russia", "iran"] == 1
    assert c.loc["ypg", "turkey"] == 1
    assert c.loc["russia", "isis"] == 0
    # the headline "Russia warns rebels" is its own window: it pairs russia with nobody
    assert c.loc["russia"].drop("russia").sum() == 3


def test_paragraph_and_article_windows(mentions):
    p = cooccurrence(mentions, window="paragraph")
    # a1 text para 0 holds both sentences: {russia, sg, iran}; a2 para 0 {russia, iran}
    # windows: a1 title, a1 p0, a2 p0, a2 p1, a3 p0, a3 p1, a5 p0, a6 title, a6 p0 -> 9
    assert p.attrs["n_windows"] == 9
    assert p.loc["russia", "iran"] == 2
    assert p.loc["russia", SG] == 2
    assert p.loc["iran", SG] == 1
    a = cooccurrence(mentions, window="article", measure="jaccard")
    # articles: a1 {russia, sg, iran} a2 {russia, iran, isis} a3 {russia, sg, ypg, turkey} a5 {russia}
    # a6 {sdf, irgc, sg}: n_russia 4, n_sg 3, n_ab 2 -> 2 / (4 + 3 - 2) = 0.4
    assert a.attrs["n_windows"] == 5
    assert a.loc["russia", SG] == pytest.approx(0.4)
    # headline sdf and body irgc share the article window: 1 / (1 + 1 - 1) = 1.0
    assert a.loc["sdf", "irgc"] == pytest.approx(1.0)


def test_jaccard(mentions):
    j = cooccurrence(mentions, measure="jaccard")
    assert j.loc["russia", SG] == pytest.approx(2 / 7)  # 2 / (5 + 4 - 2) = 0.285714
    assert j.loc["iran", SG] == pytest.approx(0.2)  # 1 / (2 + 4 - 1)
    assert j.loc["russia", "iran"] == pytest.approx(1 / 6)  # 1 / (5 + 2 - 1)
    assert j.loc["ypg", "turkey"] == pytest.approx(1.0)
    assert j.loc["russia", "isis"] == 0.0
    assert j.loc["russia", "russia"] == 1.0


def test_pmi(mentions):
    p = cooccurrence(mentions, measure="pmi")
    # log2(n_ab N / (n_a n_b))
    assert p.loc["iran", SG] == pytest.approx(0.321928, abs=1e-6)  # log2(1*10/(2*4)) = log2 1.25
    assert p.loc["russia", SG] == pytest.approx(0.0, abs=1e-12)  # log2(2*10/(5*4)) = log2 1
    assert p.loc["irgc", SG] == pytest.approx(1.321928, abs=1e-6)  # log2(10/4)
    assert p.loc["ypg", "turkey"] == pytest.approx(3.321928, abs=1e-6)  # log2 10
    assert math.isnan(p.loc["russia", "isis"])  # never together: limit -inf -> NaN
    assert p.loc["russia", "russia"] == pytest.approx(1.0)  # diagonal log2(N / n_a) = log2(10/5)


def test_npmi(mentions):
    n = cooccurrence(mentions, measure="npmi")
    # PMI / -log2(n_ab / N), -log2(1/10) = 3.321928, -log2(2/10) = 2.321928
    assert n.loc["iran", SG] == pytest.approx(0.096910, abs=1e-6)  # 0.321928 / 3.321928
    assert n.loc["irgc", SG] == pytest.approx(0.397940, abs=1e-6)  # 1.321928 / 3.321928
    assert n.loc["ypg", "turkey"] == pytest.approx(1.0)  # always together
    assert n.loc["russia", SG] == pytest.approx(0.0, abs=1e-12)
    assert n.loc["russia", "isis"] == -1.0  # never together
    assert n.loc["russia", "russia"] == 1.0
    assert np.nanmax(n.to_numpy()) <= 1.0 + 1e-12 and np.nanmin(n.to_numpy()) >= -1.0


def test_npmi_pair_in_every_window_is_one():
    m = pd.DataFrame(
        {
            "doc_id": ["d1", "d1", "d2", "d2"],
            "field": "text",
            "para_id": 0,
            "sent_id": 0,
            "entity": ["x", "y", "x", "y"],
            "role": "actor",
            "date": "2020-01-01",
        }
    )
    n = cooccurrence(m, measure="npmi")
    # n_ab = n_a = n_b = N = 2: PMI 0, -log2(1) = 0 -> defined as 1
    assert n.loc["x", "y"] == 1.0
    assert n.loc["x", "x"] == 1.0
    assert cooccurrence(m, measure="pmi").loc["x", "y"] == pytest.approx(0.0)


def test_min_count_rare_pairs(mentions):
    kw = {"options": CooccurOptions(min_count=2)}
    # only russia-sg (2 windows) reaches min_count=2
    c = cooccurrence(mentions, measure="count", **kw)
    assert c.loc["russia", SG] == 2
    assert c.loc["iran", SG] == 0
    assert c.loc["iran", "iran"] == 2  # the diagonal keeps n_a
    j = cooccurrence(mentions, measure="jaccard", **kw)
    assert j.loc["iran", SG] == 0.0
    n = cooccurrence(mentions, measure="npmi", **kw)
    assert math.isnan(n.loc["iran", SG])  # seen once: too rare to estimate
    assert n.loc["russia", "isis"] == -1.0  # never seen together stays -1
    p = cooccurrence(mentions, measure="pmi", **kw)
    assert math.isnan(p.loc["iran", SG])
    assert p.loc["russia", SG] == pytest.approx(0.0, abs=1e-12)


def test_stories_all_counts_copies(mentions):
    c = cooccurrence(mentions, stories="all")
    # a4 adds (a4, text, 0) {russia, sg} and (a4, text, 1) {ypg, turkey}
    assert c.attrs["n_windows"] == 12
    assert c.loc["russia", SG] == 3
    assert c.loc["ypg", "turkey"] == 2
    assert c.loc["russia", "russia"] == 6


def test_rollup_and_roles(mentions):
    r = cooccurrence(mentions, options=CooccurOptions(rollup=True))
    assert "ypg" not in r.index and "irgc" not in r.index
    assert r.loc["iran", SG] == 2  # W3 + W10 (irgc -> iran)
    assert r.loc["sdf", "turkey"] == 1  # W7 (ypg -> sdf)
    assert r.loc["sdf", "sdf"] == 2  # W7, W9
    places = cooccurrence(mentions, roles=("actor", "place"))
    assert places.attrs["n_windows"] == 11  # + "Refugees crossed into Turkey."
    assert places.loc["turkey", "turkey"] == 2


def test_entities_restrict_without_changing_values(mentions):
    full = cooccurrence(mentions, measure="npmi")
    sub = cooccurrence(mentions, measure="npmi", entities=[SG, "iran", "hts"])
    assert list(sub.index) == [SG, "iran", "hts"]
    assert sub.loc["iran", SG] == pytest.approx(full.loc["iran", SG])
    assert math.isnan(sub.loc["hts", SG])  # never named: no estimate
    cnt = cooccurrence(mentions, entities=[SG, "hts"])
    assert cnt.loc["hts", "hts"] == 0


def test_uses_sparse_matrix_product(monkeypatch, mentions):
    mod = importlib.import_module("helpers.cooccur")

    calls = []
    real = mod.sparse.csr_matrix

    def spy(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(mod.sparse, "csr_matrix", spy)
    cooccurrence(mentions)
    assert calls


def test_period_long_frame(mentions):
    long = cooccurrence(mentions, options=CooccurOptions(period="M"))
    assert list(long.columns) == ["period", "a", "b", "value"]
    assert (long["a"] < long["b"]).all()
    # 5 pairs seen together x 3 months (Feb zero-filled); a5 is undated and left out
    assert len(long) == 15
    v = long.set_index(["period", "a", "b"])["value"]
    jan, feb, mar = pd.Timestamp("2015-01-01"), pd.Timestamp("2015-02-01"), pd.Timestamp("2015-03-01")
    assert v[(jan, "russia", SG)] == 1 and v[(mar, "russia", SG)] == 1
    assert v[(jan, "iran", "russia")] == 1 and v[(mar, "iran", "russia")] == 0
    assert v[(mar, "turkey", "ypg")] == 1 and v[(jan, "turkey", "ypg")] == 0
    assert v[(feb, "russia", SG)] == 0
    npmi = cooccurrence(mentions, measure="npmi", options=CooccurOptions(period="M")).set_index(["period", "a", "b"])[
        "value"
    ]
    # January windows W1-W5 (N=5): russia 3 (W1 W2 W4), sg 2 (W2 W3), both 1:
    # PMI log2(1*5/(3*2)) = -0.263034, / -log2(1/5) = 2.321928 -> -0.113283
    assert npmi[(jan, "russia", SG)] == pytest.approx(-0.113283, abs=1e-6)
    assert math.isnan(npmi[(feb, "russia", SG)])  # nobody named in February
    assert npmi[(jan, "turkey", "ypg")] != npmi[(jan, "turkey", "ypg")]  # absent in Jan: NaN


def test_top_pairs(mentions):
    c = cooccurrence(mentions)
    top = top_pairs(c, n=3)
    assert list(top.columns) == ["a", "b", "value"]
    assert top.iloc[0].tolist() == ["russia", SG, 2]
    assert len(top) == 3
    everything = top_pairs(c, n=100)
    assert len(everything) == 5  # zero pairs left out of count matrices
    n = top_pairs(cooccurrence(mentions, measure="npmi"), n=2)
    assert n.iloc[0].tolist()[:2] == ["turkey", "ypg"]
    assert n.iloc[1]["value"] == pytest.approx(0.397940, abs=1e-6)


def test_pair_sentences(mentions):
    s = fx.make_sentences()
    out = pair_sentences(mentions, fx.make_corpus(), ("russia", SG), options=PairOptions(sentences=s))
    assert list(out.columns) == ["doc_id", "date", "source", "field", "sent_id", "sentence"]
    assert out["doc_id"].tolist() == ["a1", "a3"]  # a4 is a copy of a3
    assert out["sentence"].tolist() == [
        "Russian jets struck Idlib, Russia said, backing the Syrian government.",
        "Russia pledged more help to the Syrian government.",
    ]
    every = pair_sentences(mentions, fx.make_corpus(), ("russia", SG), stories="all", options=PairOptions(sentences=s))
    assert every["doc_id"].tolist() == ["a1", "a3", "a4"]
    para = pair_sentences(
        mentions, fx.make_corpus(), ("russia", "iran"), window="paragraph", options=PairOptions(sentences=s)
    )
    # a1 paragraph 0 (sentences 0 and 1) and a2 sentence 0
    assert list(zip(para["doc_id"], para["sent_id"])) == [("a1", 0), ("a1", 1), ("a2", 0)]
    none = pair_sentences(mentions, fx.make_corpus(), ("russia", "isis"), options=PairOptions(sentences=s))
    assert none.empty and list(none.columns) == list(out.columns)


def test_pair_sentences_width():
    s = fx.make_sentences()
    out = pair_sentences(fx.make_mentions(), None, ("iran", SG), options=PairOptions(sentences=s, width=5))
    # "Iran sent advisers to the Syrian government." -> the pair spans the whole sentence
    assert out["sentence"].tolist() == ["Iran sent advisers to the Syrian government."]
    out = pair_sentences(fx.make_mentions(), None, ("russia", SG), options=PairOptions(sentences=s, width=4))
    # span "Russian ... Syrian government" ends at char 69 of 70; 4 chars after -> "."
    assert out["sentence"].iloc[0].startswith("Russian jets")
    assert out["sentence"].iloc[0].endswith("government.")
    out = pair_sentences(fx.make_mentions(), None, ("turkey", "ypg"), options=PairOptions(sentences=s, width=3))
    # "The YPG clashed with Turkey near the border." span YPG..Turkey = [4, 27) -> [1, 30)
    assert out["sentence"].iloc[0] == "…he YPG clashed with Turkey ne…"


def test_graph_and_export_roundtrip(mentions, tmp_path):
    c = cooccurrence(mentions)
    G = cooccurrence_graph(c, mentions=mentions, actors=fx.make_actors())
    assert G.number_of_nodes() == 8
    assert G.number_of_edges() == 5
    assert G["russia"][SG]["weight"] == 2.0
    assert G.nodes["russia"]["size"] == 6  # mentions, unique stories: a1 3 + a2 1 + a3 1 + a5 1
    assert G.nodes["ypg"]["kind"] == "faction"
    assert G.nodes["ypg"]["label"] == "People's Protection Units"
    assert cooccurrence_graph(c, min_value=2).number_of_edges() == 1
    for suffix, reader in ((".gexf", nx.read_gexf), (".graphml", nx.read_graphml)):
        path = export_graph(G, tmp_path / "sub" / f"graph{suffix}")
        H = reader(path)
        assert set(H.nodes) == set(G.nodes)
        assert H.number_of_edges() == 5
        assert float(H["russia"][SG]["weight"]) == 2.0
        assert int(H.nodes["russia"]["size"]) == 6
        assert H.nodes["sdf"]["kind"] == "faction"
    with pytest.raises(ValueError, match="gexf"):
        export_graph(G, tmp_path / "graph.json")


def test_graph_without_mentions_uses_window_counts(mentions):
    G = cooccurrence_graph(cooccurrence(mentions, measure="npmi"))
    # positive npmi only by default: turkey-ypg 1.0, irgc-sg 0.398, iran-sg 0.097
    assert sorted(tuple(sorted(e)) for e in G.edges) == [("iran", SG), ("irgc", SG), ("turkey", "ypg")]
    assert G.nodes["russia"]["size"] == 5
    assert G.nodes["russia"]["kind"] == "state"


def test_bad_arguments(mentions):
    with pytest.raises(ValueError, match="window"):
        cooccurrence(mentions, window="page")
    with pytest.raises(ValueError, match="measure"):
        cooccurrence(mentions, measure="dice")
    with pytest.raises(ValueError, match="min_count"):
        cooccurrence(mentions, options=CooccurOptions(min_count=0))


def test_the_package_attribute_is_the_function_not_a_module(mentions):
    import helpers
    import helpers.cooccur  # noqa: F401 - importing the module must not shadow the function

    assert callable(helpers.top_pairs)
    assert helpers.cooccurrence.__module__ == "helpers.cooccur"
    assert helpers.cooccurrence(mentions).loc["russia", SG] == 2


def test_cooccurrence_and_pair_sentences_take_their_knobs_in_options(mentions):
    rare = cooccurrence(mentions, options=CooccurOptions(min_count=2))
    assert rare.attrs["min_count"] == 2 and rare.loc["iran", SG] == 0
    with pytest.raises(ValueError, match="unknown freq 'fortnight'"):
        CooccurOptions(period="fortnight")
    s = fx.make_sentences()
    whole = pair_sentences(fx.make_mentions(), None, ["russia", SG], options=PairOptions(sentences=s))
    cut = pair_sentences(fx.make_mentions(), None, ["russia", SG], options=PairOptions(sentences=s, width=4))
    assert len(cut) == len(whole) and cut["sentence"].str.len().sum() <= whole["sentence"].str.len().sum()
    with pytest.raises(ValueError, match="pair takes two actors"):
        pair_sentences(fx.make_mentions(), None, "russia", options=PairOptions(sentences=s))
    with pytest.raises(ValueError, match="width"):
        PairOptions(width=-1)
    with pytest.raises(TypeError, match="sentences takes"):
        PairOptions(sentences="sentences.parquet")
