"""Unit tests of helpers.netplots helpers and the data a network figure draws."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import networkx as nx
import pandas as pd
import pytest
from matplotlib.collections import PathCollection

from helpers import netplots as npl
from helpers.drawing import caption_of


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _graph(n_edges=4):
    G = nx.Graph(measure="count", window="article")
    for k in range(n_edges):
        G.add_edge(f"a{k}", f"b{k}", weight=k + 1)
        G.nodes[f"a{k}"]["size"] = k + 1
        G.nodes[f"b{k}"]["size"] = 1
    return G


def test_top_edges_keeps_the_strongest_and_their_nodes():
    G = _graph(4)
    H, dropped = npl._top_edges(G, 2)
    assert dropped == 2 and sorted(H.edges) == [("a2", "b2"), ("a3", "b3")]
    assert set(H.nodes) == {"a2", "b2", "a3", "b3"} and H.graph["measure"] == "count"
    assert H.nodes["a3"]["size"] == 4
    assert npl._top_edges(G, None) == (G, 0) and npl._top_edges(G, 10) == (G, 0)


def test_top_edges_ranks_by_absolute_weight_then_name():
    G = nx.Graph()
    G.add_edge("x", "y", weight=-5)
    G.add_edge("p", "q", weight=2)
    G.add_edge("b", "c", weight=2)
    H, dropped = npl._top_edges(G, 2)
    assert sorted(H.edges) == [("b", "c"), ("x", "y")] and dropped == 1


def test_column_heights():
    assert npl._column_heights(0) == [] and npl._column_heights(1) == [0.5]
    assert npl._column_heights(3) == [1.0, 0.5, 0.0]


def test_period_text():
    net = pd.DataFrame()
    assert npl._period_text(None) is None and npl._period_text(net) is None
    net.attrs.update(start="2015-01-01", end="2015-12-31")
    assert npl._period_text(net) == "statements 2015-01-01 to 2015-12-31"


def test_stated_merges_rows_and_splits_reference_only():
    net = pd.DataFrame(
        {
            "backer": ["r", "r", "u"],
            "client": ["s", "s", "k"],
            "statements": [2, 1, 0],
            "in_corpus": [True, True, False],
        }
    )
    stated, ref_only = npl._stated(net)
    assert stated.values.tolist() == [["r", "s", 3, "asserted"]]
    assert ref_only.values.tolist() == [["u", "k"]]
    empty, none = npl._stated(None)
    assert len(empty) == 0 and len(none) == 0


def test_plot_network_draws_every_node_of_the_top_edges_and_says_what_was_left_out():
    ax = npl.plot_network(_graph(4), top_k=2, ids=True)
    nodes = [c for c in ax.collections if isinstance(c, PathCollection)][0]
    assert len(nodes.get_offsets()) == 4
    assert {t.get_text() for t in ax.texts} == {"a2", "b2", "a3", "b3"}
    assert "the 2 strongest links shown, 2 weaker ones left out" in caption_of(ax.figure)
    buf = io.BytesIO()
    ax.figure.savefig(buf, format="png")
    assert buf.getvalue()[:4] == b"\x89PNG"


def test_plot_network_is_reproducible_for_a_seed():
    first = [c for c in npl.plot_network(_graph(3), seed=3).collections if isinstance(c, PathCollection)][0]
    again = [c for c in npl.plot_network(_graph(3), seed=3).collections if isinstance(c, PathCollection)][0]
    assert (first.get_offsets() == again.get_offsets()).all()
