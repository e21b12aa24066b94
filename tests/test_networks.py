"""Tests for helpers.networks: support_network and compare_support on hand-built SUPPORT rows.

Fixture statements (analysis_fixtures.make_support):
    russia -> syrian_government  a1 (wire, 2015-01-05), a3 (state, 2015-03-10), a4 (echo, copy of a3)
    iran -> syrian_government    a1 asserted
    us -> sdf                    a6 alleged
    turkey -> isis               a2 denied, negated
    iran -> hezbollah            a2 possible
    hezbollah -> syrian_government a6 asserted
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import analysis_fixtures as fx
import pandas as pd
import pytest

from helpers.networks import NetworkOptions, compare_support, support_network

SG = "syrian_government"


def _edge(net: pd.DataFrame, backer: str, client: str) -> pd.Series:
    rows = net[(net["backer"] == backer) & (net["client"] == client)]
    assert len(rows) == 1, (backer, client, net)
    return rows.iloc[0]


def test_support_network_defaults():
    net = support_network(fx.make_support(), corpus=fx.make_corpus())
    assert list(net.columns) == [
        "backer",
        "client",
        "statements",
        "articles",
        "first_seen",
        "last_seen",
        "sources",
        "modalities",
        "modality",
        "confidence",
    ]
    # 5 edges: the denied turkey -> isis is left out
    assert len(net) == 5
    assert ("turkey", "isis") not in set(zip(net["backer"], net["client"]))
    r = _edge(net, "russia", SG)
    assert r["statements"] == 2  # a1 + a3; a4 is a syndicated copy of a3
    assert r["articles"] == 2
    assert r["first_seen"] == pd.Timestamp("2015-01-05 08:00")
    assert r["last_seen"] == pd.Timestamp("2015-03-10 09:30")
    assert r["sources"] == "state, wire"
    assert r["modalities"] == "asserted"
    assert net.iloc[0]["backer"] == "russia"  # most stated first
    assert _edge(net, "us", "sdf")["modalities"] == "alleged"


def test_stories_unique_without_duplicate_column_uses_sentence_text():
    net = support_network(fx.make_support())  # no corpus: a3 and a4 carry the same sentence
    assert _edge(net, "russia", SG)["statements"] == 2
    every = support_network(fx.make_support(), stories="all")
    r = _edge(every, "russia", SG)
    assert r["statements"] == 3 and r["articles"] == 3
    assert r["sources"] == "echo, state, wire"
    with_column = fx.make_support().assign(duplicate_of=[None, None, None, "a3", None, None, None, None])
    assert _edge(support_network(with_column), "russia", SG)["statements"] == 2


def test_negated_and_modalities():
    net = support_network(fx.make_support(), options=NetworkOptions(include_negated=True))
    r = _edge(net, "turkey", "isis")
    assert r["statements"] == 1 and r["modalities"] == "denied"
    asserted = support_network(fx.make_support(), options=NetworkOptions(modalities=("asserted",)))
    assert sorted(zip(asserted["backer"], asserted["client"])) == [("hezbollah", SG), ("iran", SG), ("russia", SG)]


def test_filters_and_empty():
    net = support_network(fx.make_support(), sources=["state"])
    assert list(zip(net["backer"], net["client"], net["statements"])) == [("russia", SG, 1)]
    net = support_network(fx.make_support(), start="2015-03-01")
    assert _edge(net, "russia", SG)["statements"] == 1  # a3 only
    assert ("iran", SG) not in set(zip(net["backer"], net["client"]))
    empty = support_network(fx.make_support(), sources=["nobody"])
    assert empty.empty and list(empty.columns)[:3] == ["backer", "client", "statements"]


def test_compare_support():
    net = support_network(fx.make_support())
    cmp = compare_support(net, fx.make_reference())
    assert list(cmp.columns) == ["backer", "client", "in_corpus", "in_reference", "status", "statements", "cite"]
    status = dict(zip(zip(cmp["backer"], cmp["client"]), cmp["status"]))
    assert status == {
        ("russia", SG): "confirmed",
        ("iran", SG): "confirmed",
        ("iran", "hezbollah"): "confirmed",
        ("us", "sdf"): "confirmed",
        ("turkey", "syrian_national_army"): "never stated",
        ("saudi_arabia", "syrian_opposition"): "never stated",
        ("hezbollah", SG): "not in reference",
    }
    never = cmp[cmp["status"] == "never stated"]
    assert (never["statements"] == 0).all() and not never["in_corpus"].any() and never["in_reference"].all()
    assert _edge(cmp, "russia", SG)["statements"] == 2
    assert _edge(cmp, "hezbollah", SG)["cite"] == ""
    assert cmp["status"].tolist()[:4] == ["confirmed"] * 4  # sorted by status


def test_the_records_own_reading_never_confirms_the_record():
    support = fx.make_support()
    kind = ["record" if (b, c) == ("iran", SG) else "verb" for b, c in zip(support["backer"], support["client"])]
    net = support_network(support.assign(cue_kind=kind))
    assert _edge(net, "iran", SG)["record_reads"] == 1 and _edge(net, "russia", SG)["record_reads"] == 0
    cmp = compare_support(net, fx.make_reference())
    assert _edge(cmp, "iran", SG)["status"] == "never stated"  # its one statement is the record's reading
    assert _edge(cmp, "russia", SG)["status"] == "confirmed"


def test_compare_support_window():
    net = support_network(fx.make_support())
    cmp = compare_support(net, fx.make_reference(), start="2018-01-01")
    # from 2018: saudi_arabia's edge (to 2017-07-19) is out; every extracted edge was last seen in 2015
    pairs = set(zip(cmp["backer"], cmp["client"]))
    assert ("saudi_arabia", "syrian_opposition") not in pairs
    assert ("turkey", "syrian_national_army") in pairs
    assert set(cmp["status"]) == {"never stated"}
    early = compare_support(net, fx.make_reference(), end="2015-02-01")
    # up to 2015-02-01: extracted edges first seen by then: russia->sg, iran->sg (a1), iran->hezbollah (a2);
    # reference edges in force: iran->sg, iran->hezbollah, saudi_arabia->opposition
    # (russia->sg only from 2015-09-30, us->sdf from 2015-10-01, turkey->sna from 2017-12-30)
    st = dict(zip(zip(early["backer"], early["client"]), early["status"]))
    assert st == {
        ("iran", SG): "confirmed",
        ("iran", "hezbollah"): "confirmed",
        ("saudi_arabia", "syrian_opposition"): "never stated",
        ("russia", SG): "not in reference",
    }


def test_bad_stories():
    with pytest.raises(ValueError, match="stories"):
        support_network(fx.make_support(), stories="some")


def test_strongest_modality_window_and_by_source():
    net = support_network(fx.make_support(), corpus=fx.make_corpus(), options=NetworkOptions(include_negated=True))
    assert _edge(net, "us", "sdf")["modality"] == "alleged"
    assert _edge(net, "iran", "hezbollah")["modality"] == "possible"
    assert _edge(net, "turkey", "isis")["modality"] == "denied"
    # the period the edges speak for: the dated statements' first and last day, or the selection's bounds
    assert (net.attrs["start"], net.attrs["end"]) == ("2015-01-05", "2015-03-25")
    bounded = support_network(fx.make_support(), start="2015-03-01", end="2015-12-31")
    assert (bounded.attrs["start"], bounded.attrs["end"]) == ("2015-03-01", "2015-12-31")
    per = support_network(fx.make_support(), corpus=fx.make_corpus(), options=NetworkOptions(by="source"))
    assert list(per.columns[:3]) == ["source", "backer", "client"]
    assert set(per["source"]) == {"state", "wire"}
    assert _edge(per[per["source"] == "wire"], "russia", SG)["statements"] == 1
    assert per["statements"].sum() == support_network(fx.make_support(), corpus=fx.make_corpus())["statements"].sum()
    with pytest.raises(ValueError, match="by must be"):
        NetworkOptions(by="outlet")


def test_selection_by_actor_name_and_clear_errors():
    s = fx.make_support()
    only = support_network(s, entities=["Hezbollah"])  # a label, in any case: edges from or to it
    assert set(zip(only["backer"], only["client"])) == {("iran", "hezbollah"), ("hezbollah", SG)}
    with pytest.raises(ValueError, match="closest: Hezbollah"):
        support_network(s, entities=["Hezbolah party"])
    with pytest.raises(TypeError, match=r"unknown keyword\(s\) 'source' \(did you mean 'sources'\?\)"):
        support_network(s, source=["wire"])
    with pytest.raises(TypeError, match="support is None; pass the SUPPORT table"):
        support_network(None)


def test_support_network_takes_its_knobs_in_network_options():
    base = support_network(fx.make_support())
    negated = support_network(fx.make_support(), options=NetworkOptions(include_negated=True))
    assert negated["statements"].sum() > base["statements"].sum()
    assert NetworkOptions(modalities="asserted").modalities == ("asserted",)
    per = support_network(fx.make_support(), options=NetworkOptions(by="source"))
    assert per.attrs["by"] == "source" and "source" in per.columns
    with pytest.raises(TypeError, match="NetworkOptions"):
        support_network(fx.make_support(), options={"by": "source"})
