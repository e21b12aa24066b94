"""Tests for helpers.plots, drawn headless (Agg): what each plot puts on the axes, empty selections,
stable colours and save_figure."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.patches import FancyArrowPatch

import analysis_fixtures as fx
from helpers.cooccurrence import cooccurrence, cooccurrence_graph
from helpers.networks import support_network
from helpers.plots import (
    NO_DATA,
    PALETTE,
    actor_colors,
    plot_cooccurrence,
    plot_network,
    plot_source_profile,
    plot_support_network,
    plot_timeline,
    save_figure,
)
from helpers.sources import source_profile
from helpers.timelines import mention_timeline


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


@pytest.fixture()
def mentions() -> pd.DataFrame:
    return fx.make_mentions()


@pytest.fixture()
def corpus() -> pd.DataFrame:
    return fx.make_corpus()


def _says_no_data(ax) -> bool:
    return any(t.get_text() == NO_DATA for t in ax.texts)


EVENTS = pd.DataFrame({
    "date": pd.to_datetime(["2015-02-10", "2016-09-30"]),  # the second is outside the timeline
    "event": ["A long event name that must be shortened for the label", "Outside"],
})


# ---------------------------------------------------------------------------------------- colours
def test_actor_colors_stable_and_fixed():
    a = actor_colors(["russia", "isis", "some_new_militia"])
    b = actor_colors(["some_new_militia"])
    assert a["russia"] == PALETTE["russia"] and a["isis"] == PALETTE["isis"]
    assert a["some_new_militia"] == b["some_new_militia"]  # independent of the other ids asked
    # derived from an MD5 of the id, so it is the same in every process (not Python's salted hash):
    # a snapshot of the value, which must never change between runs or machines
    assert a["some_new_militia"] == "#59b392"
    assert actor_colors(["x"])["x"] != actor_colors(["y"])["y"]
    assert all(v.startswith("#") and len(v) == 7 for v in actor_colors(range(20)).values())


# ---------------------------------------------------------------------------------------- timelines
def test_plot_timeline_lines(mentions, corpus):
    t = mention_timeline(mentions, corpus, freq="W")
    ax = plot_timeline(t, title="weekly")
    assert len(ax.get_lines()) == t.shape[1] == 8
    colours = {line.get_label(): matplotlib.colors.to_hex(line.get_color()) for line in ax.get_lines()}
    assert colours["russia"] == PALETTE["russia"]
    assert ax.get_legend() is not None
    assert ax.get_title() == "weekly"
    assert isinstance(ax.xaxis.get_major_formatter(), matplotlib.dates.ConciseDateFormatter)


def test_plot_timeline_events_inside_range_only(mentions, corpus):
    t = mention_timeline(mentions, corpus, freq="W")
    ax = plot_timeline(t, events=EVENTS)
    assert len(ax.get_lines()) == 8 + 1  # one event line: the 2016 event is outside the range
    labels = [tx.get_text() for tx in ax.texts]
    assert len(labels) == 1 and labels[0].strip().startswith("A long event")
    assert labels[0].endswith("…") and len(labels[0].strip()) <= 28


def test_plot_timeline_by_source_lines(mentions, corpus):
    t = mention_timeline(mentions, corpus, freq="M", by="source", entities=["russia", "iran"])
    ax = plot_timeline(t)
    assert len(ax.get_lines()) == 4  # (state, wire) x (russia, iran)
    styles = {line.get_label(): line.get_linestyle() for line in ax.get_lines()}
    assert styles["russia (state)"] != styles["russia (wire)"]


def test_plot_timeline_small_multiples(mentions, corpus):
    t = mention_timeline(mentions, corpus, freq="M")
    axes = plot_timeline(t, kind="small_multiples", events=EVENTS)
    assert isinstance(axes, np.ndarray) and len(axes) == 8
    assert [a.get_title() for a in axes] == list(t.columns)
    assert all(len([ln for ln in a.get_lines() if ln.get_linestyle() != ":"]) == 1 for a in axes)
    assert len({a.get_ylim() for a in axes}) == 1  # shared y
    figs = {id(a.figure) for a in axes}
    assert len(figs) == 1 and sum(a.get_visible() for a in axes[0].figure.axes) == 8  # grid of 9: one hidden
    by_source = plot_timeline(mention_timeline(mentions, corpus, freq="M", by="source",
                                               entities=["russia", "iran"]), kind="small_multiples")
    assert len(by_source) == 2 and all(len(a.get_lines()) == 2 for a in by_source)


def test_plot_timeline_small_multiples_into_given_axes(mentions, corpus):
    fig, ax = plt.subplots()
    axes = plot_timeline(mention_timeline(mentions, corpus, freq="M", entities=["russia", "iran"]),
                         ax=ax, kind="small_multiples")
    assert len(axes) == 2 and axes[0].figure is fig and ax not in fig.axes


def test_plot_timeline_tz_aware_index(mentions, corpus):
    t = mention_timeline(mentions, corpus, freq="W")
    t.index = t.index.tz_localize("UTC")
    assert len(plot_timeline(t, events=EVENTS).get_lines()) == 9


def test_plot_timeline_empty(mentions, corpus):
    empty = mention_timeline(mentions.iloc[0:0], corpus, freq="M")
    ax = plot_timeline(empty)
    assert _says_no_data(ax) and not ax.get_lines()
    axes = plot_timeline(empty, kind="small_multiples")
    assert len(axes) == 1 and _says_no_data(axes[0])
    with pytest.raises(ValueError, match="kind"):
        plot_timeline(empty, kind="bars")


# ---------------------------------------------------------------------------------------- co-occurrence
def test_plot_cooccurrence_cells_and_kind_groups(mentions):
    m = cooccurrence(mentions)
    ax = plot_cooccurrence(m)
    assert ax.images[0].get_array().shape == (8, 8)
    assert len(ax.texts) == 64  # annotated: 8 actors <= 15
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert sorted(rows) == sorted(m.index)
    kinds = m.attrs["kinds"]
    # factions first, then states
    assert [kinds[r] for r in rows] == ["faction"] * 4 + ["state"] * 4
    # russia-syrian_government (2) is the strongest count: it sits inside the states' block
    assert ax.images[0].get_array()[rows.index("russia"), rows.index("syrian_government")] == 2
    assert np.ma.is_masked(ax.images[0].get_array()[0, 0])  # diagonal not coloured as a pair


def test_plot_cooccurrence_annotation_switch_and_kinds_arg(mentions):
    m = cooccurrence(mentions, measure="npmi")
    assert len(plot_cooccurrence(m, annotate=False).texts) == 0
    ax = plot_cooccurrence(m, kinds=fx.make_actors())  # irgc is a faction in the actors frame
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert set(rows[:4]) == {"irgc", "isis", "sdf", "ypg"}
    big = pd.DataFrame(np.eye(16), index=[f"x{i}" for i in range(16)], columns=[f"x{i}" for i in range(16)])
    assert len(plot_cooccurrence(big).texts) == 0  # > 15 actors: no numbers unless asked
    assert len(plot_cooccurrence(big, annotate=True).texts) == 256


def test_plot_cooccurrence_empty():
    ax = plot_cooccurrence(pd.DataFrame())
    assert _says_no_data(ax) and not ax.images


def test_plot_network(mentions):
    G = cooccurrence_graph(cooccurrence(mentions, window="article"), mentions=mentions)
    ax = plot_network(G)
    nodes = [c for c in ax.collections if isinstance(c, PathCollection)]
    assert len(nodes) == 1 and len(nodes[0].get_offsets()) == G.number_of_nodes() == 8
    edges = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(edges) == 1 and len(edges[0].get_segments()) == G.number_of_edges()
    widths = edges[0].get_linewidths()
    assert max(widths) > min(widths)  # width follows the weight
    sizes = nodes[0].get_sizes()
    assert sizes[list(G.nodes).index("russia")] == sizes.max()  # most mentioned, biggest
    again = plot_network(G)
    assert np.allclose(nodes[0].get_offsets(),
                       [c for c in again.collections if isinstance(c, PathCollection)][0].get_offsets())
    labels = {t.get_text() for t in ax.texts}
    assert {"russia", "syrian_government"} <= labels


def test_plot_network_empty():
    assert _says_no_data(plot_network(nx.Graph()))


# ---------------------------------------------------------------------------------------- support
def test_plot_support_network():
    net = support_network(fx.make_support())
    ax = plot_support_network(net)
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(arrows) == len(net) == 5
    # hezbollah is a backer and a client: drawn in both columns
    names = [t.get_text() for t in ax.texts]
    assert names.count("hezbollah") == 2
    widths = sorted(a.get_linewidth() for a in arrows)
    assert widths[-1] > widths[0]  # russia -> syrian_government (2 statements) is the widest


def test_plot_support_network_reference_dashed():
    net = support_network(fx.make_support())
    ax = plot_support_network(net, reference=fx.make_reference())
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    dashed = [a for a in arrows if a.get_linestyle() == "--"]
    assert len(arrows) == 5 + 2 and len(dashed) == 2  # turkey->sna, saudi_arabia->opposition never stated


def test_plot_support_network_from_comparison():
    from helpers.networks import compare_support

    cmp = compare_support(support_network(fx.make_support()), fx.make_reference())
    arrows = [p for p in plot_support_network(cmp).patches if isinstance(p, FancyArrowPatch)]
    assert len(arrows) == 7 and sum(a.get_linestyle() == "--" for a in arrows) == 2


def test_plot_support_network_empty():
    empty = support_network(fx.make_support(), sources=["nobody"])
    ax = plot_support_network(empty)
    assert _says_no_data(ax) and not ax.patches


# ---------------------------------------------------------------------------------------- sources
def test_plot_source_profile(mentions, corpus):
    p = source_profile(mentions, corpus, stories="all")
    ax = plot_source_profile(p)
    assert ax.images[0].get_array().shape == (3, 8)
    assert len(ax.texts) == 24
    assert [t.get_text() for t in ax.get_yticklabels()] == ["echo", "state", "wire"]
    assert "75%" in {t.get_text() for t in ax.texts}  # wire: russia in 3 of 4 articles
    z = plot_source_profile(source_profile(mentions, corpus, stories="all", normalise="zscore"))
    assert "-1.4" in {t.get_text() for t in z.texts}


def test_plot_source_profile_empty(mentions, corpus):
    empty = source_profile(mentions, corpus, sources=["nobody"])
    assert _says_no_data(plot_source_profile(empty))


# ---------------------------------------------------------------------------------------- export
def test_save_figure_writes_png_svg_csv(tmp_path, mentions, corpus):
    t = mention_timeline(mentions, corpus, freq="M")
    ax = plot_timeline(t)
    paths = save_figure(ax, "russia timeline/2015", data=t, out_dir=tmp_path / "figs")
    assert set(paths) == {"png", "svg", "csv"}
    assert paths["png"].name == "russia-timeline-2015.png"
    assert paths["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in paths["svg"].read_text()
    back = pd.read_csv(paths["csv"], index_col=0)
    assert back["russia"].tolist() == [4, 0, 1]
    axes = plot_timeline(t, kind="small_multiples")
    only = save_figure(axes, "multiples.png", out_dir=tmp_path)
    assert set(only) == {"png", "svg"} and only["png"].name == "multiples.png"
    assert only["png"].stat().st_size > 1000


def test_save_figure_defaults_to_config(tmp_path, monkeypatch):
    from helpers import config

    monkeypatch.setattr(config, "FIGURES_DIR", tmp_path / "reports" / "figures")
    ax = plot_cooccurrence(pd.DataFrame())
    paths = save_figure(ax.figure, "empty")
    assert paths["png"].parent == tmp_path / "reports" / "figures" and paths["png"].exists()
    with pytest.raises(TypeError):
        save_figure("not a figure", "x", out_dir=tmp_path)
    with pytest.raises(ValueError):
        save_figure(ax, "///", out_dir=tmp_path)
