"""Tests for helpers.cooccur_graph: a co-occurrence matrix as a weighted graph, and writing graphs for Gephi."""

from __future__ import annotations

import analysis_fixtures as fx
import networkx as nx
import numpy as np
import pytest

import helpers.cooccur as cooccur
from helpers.cooccur import cooccurrence
from helpers.cooccur_graph import cooccurrence_graph, export_graph


@pytest.fixture()
def mentions():
    return fx.make_mentions()


def test_nodes_are_sized_by_windows_without_mentions_and_by_mentions_with_them(mentions):
    matrix = cooccurrence(mentions)
    by_windows = cooccurrence_graph(matrix)
    assert by_windows.nodes["russia"]["size"] == matrix.attrs["actor_windows"]["russia"]
    by_mentions = cooccurrence_graph(matrix, mentions=mentions)
    assert by_mentions.nodes["russia"]["size"] > by_windows.nodes["russia"]["size"]  # a1 names it three times
    assert by_windows.graph == {"measure": "count", "window": "sentence"}


def test_edges_carry_the_measure_and_follow_min_value(mentions):
    matrix = cooccurrence(mentions)
    G = cooccurrence_graph(matrix)
    assert G["russia"]["syrian_government"]["weight"] == float(matrix.loc["russia", "syrian_government"])
    assert all(d["weight"] > 0 for _, _, d in G.edges(data=True))
    strong = cooccurrence_graph(matrix, min_value=2)
    assert set(map(frozenset, strong.edges())) <= set(map(frozenset, G.edges()))
    assert strong.number_of_edges() < G.number_of_edges()


def test_labels_and_kinds_come_from_the_actors_frame(mentions):
    actors = fx.make_actors()
    G = cooccurrence_graph(cooccurrence(mentions), actors=actors)
    assert G.nodes["russia"]["label"] == str(actors.loc["russia", "label"])
    assert G.nodes["russia"]["kind"] == str(actors.loc["russia", "kind"])


def test_export_writes_gexf_and_graphml_with_plain_values(tmp_path):
    G = nx.Graph(measure="count")
    G.add_node("a", size=np.int64(3))
    G.add_edge("a", "b", weight=np.float64(2.0))
    gexf = export_graph(G, tmp_path / "x" / "g.gexf")
    graphml = export_graph(G, tmp_path / "g.graphml")
    assert nx.read_gexf(gexf).number_of_edges() == 1
    back = nx.read_graphml(graphml)
    assert back.nodes["a"]["size"] == 3 and back["a"]["b"]["weight"] == 2.0
    assert isinstance(G.nodes["a"]["size"], np.int64)  # the caller's graph is left as it was
    with pytest.raises(ValueError, match="unsupported suffix"):
        export_graph(G, tmp_path / "g.csv")


def test_cooccur_still_exports_the_graph_functions():
    assert cooccur.cooccurrence_graph is cooccurrence_graph and cooccur.export_graph is export_graph
