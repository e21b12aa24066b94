"""Temporal networks: spells per active period, written by export_graph as a dynamic GEXF Gephi plays."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pandas as pd
import pytest

import helpers as h

NS = {"g": "http://www.gexf.net/1.2draft"}


@pytest.fixture(scope="module")
def frames():
    corpus, mentions = h.tag_cached(str(h.config.SAMPLE_CORPUS))
    return corpus, mentions, h.extract_support(corpus, mentions)


def _support(rows):
    return pd.DataFrame(
        [
            {
                "backer": b,
                "client": c,
                "doc_id": d,
                "date": pd.Timestamp(t, tz="UTC"),
                "source": "x",
                "modality": m,
                "negated": False,
                "sentence": f"{b} backs {c} ({d})",
            }
            for b, c, d, t, m in rows
        ]
    )


def _parse(path):
    root = ET.parse(path).getroot()
    graph = root.find("g:graph", NS)
    attr_ids = {
        (a.get("title"), cls.get("class")): a.get("id")
        for cls in graph.findall("g:attributes", NS)
        for a in cls.findall("g:attribute", NS)
    }
    return graph, attr_ids


def test_support_graph_has_one_spell_per_active_year(tmp_path):
    support = _support(
        [
            ("russia", "syrian_government", "d1", "2015-10-01", "asserted"),
            ("russia", "syrian_government", "d2", "2015-11-01", "asserted"),
            ("russia", "syrian_government", "d3", "2017-03-01", "alleged"),
            ("iran", "hezbollah", "d4", "2016-01-05", "asserted"),
        ]
    )
    G = h.temporal_support_graph(support, freq="Y")
    assert G.graph["mode"] == "dynamic" and G.is_directed()
    e = G.edges["russia", "syrian_government"]
    assert e["spells"] == [("2015-01-01", "2015-12-31"), ("2017-01-01", "2017-12-31")]  # none for 2016
    assert e["count"] == [(2, "2015-01-01", "2015-12-31"), (1, "2017-01-01", "2017-12-31")]
    assert e["statements"] == 3 and e["modality"] == "asserted"
    assert G.nodes["russia"]["label"] == "Russia"

    path = h.export_graph(G, tmp_path / "support.gexf")
    graph, attr = _parse(path)
    assert graph.get("mode") == "dynamic" and graph.get("timeformat") == "date"
    edges = {(x.get("source"), x.get("target")): x for x in graph.find("g:edges", NS)}
    xml_edge = edges[("russia", "syrian_government")]
    spells = [(s.get("start"), s.get("end")) for s in xml_edge.find("g:spells", NS)]
    assert spells == [("2015-01-01", "2015-12-31"), ("2017-01-01", "2017-12-31")]
    counts = [
        (v.get("value"), v.get("start"))
        for v in xml_edge.find("g:attvalues", NS)
        if v.get("for") == attr[("count", "edge")]
    ]
    assert counts == [("2", "2015-01-01"), ("1", "2017-01-01")]
    node = next(n for n in graph.find("g:nodes", NS) if n.get("id") == "hezbollah")
    assert [(s.get("start"), s.get("end")) for s in node.find("g:spells", NS)] == [("2016-01-01", "2016-12-31")]


def test_support_graph_months_and_undated():
    support = _support(
        [
            ("turkey", "syrian_national_army", "d1", "2019-10-09", "asserted"),
            ("turkey", "syrian_national_army", "d2", "2019-10-30", "asserted"),
        ]
    )
    support.loc[len(support)] = {**support.iloc[0].to_dict(), "doc_id": "d3", "date": pd.NaT, "sentence": "undated"}
    G = h.temporal_support_graph(support, freq="M")
    assert G.edges["turkey", "syrian_national_army"]["count"] == [(2, "2019-10-01", "2019-10-31")]
    assert G.graph["undated"] == 1
    with pytest.raises(ValueError, match="freq"):
        h.temporal_support_graph(support, freq="fortnight")


def test_support_graph_on_the_sample_adds_up(frames):
    corpus, mentions, support = frames
    G = h.temporal_support_graph(support, freq="Y")
    net = h.support_network(support)
    assert G.number_of_edges() == len(net)
    for row in net.head(5).itertuples():
        counts = G.edges[row.backer, row.client]["count"]
        assert sum(n for n, _, _ in counts) == row.statements
        assert len(counts) == len(G.edges[row.backer, row.client]["spells"])


def test_cooccurrence_graph_counts_shared_sentences_per_period(frames, tmp_path):
    corpus, mentions, support = frames
    G = h.temporal_cooccurrence_graph(mentions, freq="Y", window="sentence")
    assert G.graph["mode"] == "dynamic" and not G.is_directed()
    matrix = h.cooccurrence(mentions, window="sentence", measure="count")
    e = G.edges["russia", "syrian_government"]
    assert sum(n for n, _, _ in e["count"]) == int(matrix.loc["russia", "syrian_government"]) == e["weight"]
    # one spell per year in which the pair shares a sentence, checked against the mentions themselves
    m = h.Selection().mentions(mentions)
    both = m[m["entity"].isin(["russia", "syrian_government"])].groupby(["doc_id", "sent_id"])
    years = sorted({int(g["date"].dt.year.iloc[0]) for _, g in both if g["entity"].nunique() == 2})
    assert [int(s[0][:4]) for s in e["spells"]] == years

    path = h.export_graph(G, tmp_path / "cooc.gexf")
    graph, attr = _parse(path)
    assert graph.get("mode") == "dynamic"
    edges = list(graph.find("g:edges", NS))
    assert len(edges) == G.number_of_edges()
    assert all(x.find("g:spells", NS) is not None and len(x.find("g:spells", NS)) >= 1 for x in edges)
