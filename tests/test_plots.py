"""Tests for helpers.plots, drawn headless (Agg): what each plot puts on the axes, empty selections,
stable colours and save_figure."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import analysis_fixtures as fx
import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import LineCollection, PathCollection, PolyCollection
from matplotlib.patches import FancyArrowPatch

from helpers.colours import DEFAULT_PALETTE, GREY, LIGHT_PALETTE
from helpers.cooccur import cooccurrence, cooccurrence_graph
from helpers.drawing import caption_of, overlapping
from helpers.gazetteer import load_gazetteer
from helpers.names import label
from helpers.networks import NetworkOptions, support_network
from helpers.plots import (
    NO_DATA,
    actor_colors,
    event_badges,
    plot_bars,
    plot_cooccurrence,
    plot_network,
    plot_source_profile,
    plot_support_network,
    plot_timeline,
    save_figure,
)
from helpers.select import use_gazetteer
from helpers.sources import source_profile
from helpers.timelines import TimelineOptions, mention_timeline
from helpers.timeplots import TimelinePlotOptions


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


EVENTS = pd.DataFrame(
    {
        "date": pd.to_datetime(["2015-02-10", "2016-09-30"]),  # the second is outside the timeline
        "event": ["A long event name that must be shortened for the label", "Outside"],
    }
)


# ---------------------------------------------------------------------------------------- colours
def test_actor_colors_from_gazetteer_defaults_and_hash():
    a = actor_colors(["russia", "isis", "united_states", "united_kingdom", "some_new_militia"])
    g = load_gazetteer()
    assert a["russia"] == g.actors.at["russia", "colour"] and a["isis"] == g.actors.at["isis", "colour"]
    assert len({a["united_states"], a["united_kingdom"], a["isis"]}) == 3  # the look-alikes of issue 14
    b = actor_colors(["some_new_militia"])
    assert a["some_new_militia"] == b["some_new_militia"]  # independent of the other ids asked
    # an id the gazetteer does not know: a palette colour chosen by an MD5 of the id, the same in every
    # process (not Python's salted hash): a snapshot of the value, which must never change between runs
    assert a["some_new_militia"] == "#999933" and a["some_new_militia"] in DEFAULT_PALETTE
    france = actor_colors(["france"])["france"]  # no colour in the gazetteer: a default, the same every call
    assert france in DEFAULT_PALETTE + LIGHT_PALETTE and france == actor_colors(["france", "x"])["france"]
    assert all(v.startswith("#") and len(v) == 7 for v in actor_colors(range(20)).values())


def test_colours_follow_the_gazetteer_in_use(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(
        "actors:\n  - {id: alpha, label: Alpha Front (AF), kind: faction, colour: '#123456'}\n"
        "  - {id: beta, label: Beta Brigades (long note), kind: faction}\n",
        encoding="utf-8",
    )
    try:
        use_gazetteer(load_gazetteer(path))
        assert actor_colors(["alpha"])["alpha"] == "#123456"
        assert actor_colors(["beta"])["beta"] == DEFAULT_PALETTE[0]  # the first default nobody has
        assert label("alpha") == "Alpha Front (AF)" and label("beta") == "Beta Brigades"
    finally:
        use_gazetteer(None)
    assert label("russia") == "Russia"


# ---------------------------------------------------------------------------------------- timelines
def _series(ax) -> list:
    """The data lines of a timeline (labelled lines; markers, bands and event lines are unlabelled)."""
    return [ln for ln in ax.get_lines() if not ln.get_label().startswith("_")]


def test_plot_timeline_lines(mentions, corpus):
    t = mention_timeline(mentions, corpus, freq="W")
    ax = plot_timeline(t, title="weekly", caption="the test corpus")
    assert len(_series(ax)) == t.shape[1] == 8
    colours = {line.get_label(): matplotlib.colors.to_hex(line.get_color()) for line in _series(ax)}
    assert colours["Russia"] == actor_colors(["russia"])["russia"]  # labelled by display name, not id
    assert "Syrian government" in colours and "syrian_government" not in colours
    assert ax.get_legend() is not None and ax.get_title() == "weekly"
    assert isinstance(ax.xaxis.get_major_formatter(), matplotlib.dates.ConciseDateFormatter)
    assert caption_of(ax.figure).startswith("the test corpus · unique stories; 1 undated articles left out")
    ids = plot_timeline(t, options=TimelinePlotOptions(ids=True))
    assert "russia" in {ln.get_label() for ln in _series(ids)}
    assert plot_timeline(t).get_title() == "Mentions per week"  # a default title says what is counted


def test_plot_timeline_gaps_thin_periods_and_article_bars(mentions, corpus):
    share = mention_timeline(mentions, corpus, freq="M", measure="share")
    ax = plot_timeline(share, options=TimelinePlotOptions(min_articles=5))
    russia = next(ln for ln in _series(ax) if ln.get_label() == "Russia")
    y = russia.get_ydata()
    assert y[0] == 1.0 and np.isnan(y[1]) and y[2] == 0.5  # February (no article): a gap, not 0
    hollow = [
        ln
        for ln in ax.get_lines()
        if ln.get_label().startswith("_")
        and ln.get_marker() == "o"
        and matplotlib.colors.to_hex(ln.get_markerfacecolor()) == "#ffffff"
    ]
    assert hollow  # every month has fewer than 5 articles: drawn hollow
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "fewer than 5 articles (2 months)" in legend and "articles per month (tallest bar: 2)" in legend
    assert "Wilson 95% interval" in legend
    area = [c for c in ax.collections if c.get_gid() == "period-articles"]
    assert len(area) == 1  # the articles behind each month: 2, 0, 2, in axes units (the tallest: a quarter)
    heights = sorted({round(float(y), 6) for y in area[0].get_paths()[0].vertices[:, 1]})
    assert heights == [0.0, 0.25]
    bands = [c for c in ax.collections if isinstance(c, PolyCollection) and c.get_gid() != "period-articles"]
    assert len(bands) == share.shape[1]
    plain = plot_timeline(share, options=TimelinePlotOptions(min_articles=1, interval=None))
    assert "fewer than" not in " ".join(t.get_text() for t in plain.get_legend().get_texts())
    assert not [c for c in plain.collections if isinstance(c, PolyCollection) and c.get_gid() != "period-articles"]


def test_plot_timeline_numbered_events_never_overlap(mentions, corpus):
    t = mention_timeline(mentions, corpus, freq="D")
    days = pd.date_range("2015-01-06", "2015-03-20", freq="2D")
    events = pd.DataFrame({"date": days, "event": [f"Event {i} with a $5 ransom" for i in range(len(days))]})
    ax = plot_timeline(t, events=pd.concat([events, EVENTS], ignore_index=True).sort_values("date"))
    fig = ax.figure
    fig.canvas.draw()
    badges = event_badges(fig)
    assert badges and overlapping(badges) == []  # crowded markers are merged ("3–5"), never drawn on top
    numbers = []
    for b in badges:
        first, _, last = b.get_text().partition("–")
        numbers += list(range(int(first), int(last or first) + 1))
    assert numbers == list(range(1, len(days) + 2))  # every event inside the range, in order, once
    table = caption_of(fig).splitlines()
    assert "Events" in table and len(table) == len(days) + 3  # caption, "Events", one line per event
    assert any(
        line.endswith("10 Feb 2015   A long event name that must be shortened for the label") for line in table
    )  # the whole name: the table has room for it
    assert all("Outside" not in line for line in table)  # the 2016 event is outside the range
    assert "$5 ransom" in ax.figure.legends[-1].get_texts()[0].get_text().replace("\\$", "$")


def test_plot_timeline_by_source_lines(mentions, corpus):
    t = mention_timeline(mentions, corpus, freq="M", entities=["russia", "iran"], options=TimelineOptions(by="source"))
    ax = plot_timeline(t)
    assert len(_series(ax)) == 4  # (state, wire) x (russia, iran)
    styles = {line.get_label(): line.get_linestyle() for line in _series(ax)}
    assert styles["Russia (state)"] != styles["Russia (wire)"]


def test_plot_timeline_small_multiples(mentions, corpus):
    t = mention_timeline(mentions, corpus, freq="M")
    axes = plot_timeline(t, kind="small_multiples", events=EVENTS)
    assert isinstance(axes, np.ndarray) and len(axes) == 8
    assert [a.get_title() for a in axes] == [label(c) for c in t.columns]
    assert all(len(_series(a)) == 1 for a in axes)
    assert len({a.get_ylim() for a in axes}) == 1  # shared y
    by_source = plot_timeline(
        mention_timeline(mentions, corpus, freq="M", entities=["russia", "iran"], options=TimelineOptions(by="source")),
        kind="small_multiples",
    )
    assert len(by_source) == 2 and all(len(_series(a)) == 2 for a in by_source)
    # one actor over several sources: one panel per source, each with its own articles behind it
    one = plot_timeline(
        mention_timeline(
            mentions, corpus, freq="M", measure="share", entities=["Russia"], options=TimelineOptions(by="source")
        ),
        kind="small_multiples",
    )
    assert [a.get_title() for a in one] == ["state", "wire"]


def test_plot_timeline_small_multiples_into_given_axes(mentions, corpus):
    fig, ax = plt.subplots()
    axes = plot_timeline(
        mention_timeline(mentions, corpus, freq="M", entities=["russia", "iran"]), ax=ax, kind="small_multiples"
    )
    assert len(axes) == 2 and axes[0].figure is fig and ax not in fig.axes


def test_plot_timeline_tz_aware_index(mentions, corpus):
    t = mention_timeline(mentions, corpus, freq="W")
    t.index = t.index.tz_localize("UTC")
    assert len(_series(plot_timeline(t, events=EVENTS))) == 8


def test_plot_timeline_one_period(mentions, corpus):
    t = mention_timeline(mentions, corpus, freq="Y")
    assert len(t) == 1 and len(_series(plot_timeline(t))) == t.shape[1]


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
    assert sorted(rows) == sorted(label(a) for a in m.index)  # display names
    ids = {label(a): a for a in m.index}
    kinds = m.attrs["kinds"]
    # factions first, then states
    assert [kinds[ids[r]] for r in rows] == ["faction"] * 4 + ["state"] * 4
    # russia-syrian_government (2) is the strongest count: it sits inside the states' block
    assert ax.images[0].get_array()[rows.index("Russia"), rows.index("Syrian government")] == 2
    assert [t.get_text() for t in plot_cooccurrence(m, ids=True).get_yticklabels()][-1] in set(m.index)
    assert np.ma.is_masked(ax.images[0].get_array()[0, 0])  # diagonal not coloured as a pair


def test_plot_cooccurrence_annotation_switch_and_kinds_arg(mentions):
    m = cooccurrence(mentions, measure="npmi")
    assert len(plot_cooccurrence(m, annotate=False).texts) == 0
    ax = plot_cooccurrence(m, kinds=fx.make_actors())  # irgc is a faction in the actors frame
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert set(rows[:4]) == {label(a) for a in ("irgc", "isis", "sdf", "ypg")}
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
    assert np.allclose(
        nodes[0].get_offsets(), [c for c in again.collections if isinstance(c, PathCollection)][0].get_offsets()
    )
    labels = {t.get_text() for t in ax.texts}
    assert {"Russia", "Syrian government"} <= labels  # full display names, wrapped, never cut
    assert "People's Protection\nUnits (YPG)" in labels
    ax.figure.canvas.draw()
    assert overlapping([t for t in ax.texts if t.get_text()]) == []


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
    assert names.count("Hezbollah") == 2
    ax.figure.canvas.draw()
    assert overlapping([t for t in ax.texts if t.get_text() not in ("backers", "clients")]) == []
    styles = {(a.get_linestyle()) for a in arrows}
    assert styles == {"-", "--", ":"}  # asserted, alleged (us -> sdf), possible (iran -> hezbollah)
    widths = sorted(a.get_linewidth() for a in arrows)
    assert widths[-1] > widths[0]  # russia -> syrian_government (2 statements) is the widest


def test_plot_support_network_reference_dashed():
    net = support_network(fx.make_support())
    ax = plot_support_network(net, reference=fx.make_reference())
    arrows = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    grey = [a for a in arrows if matplotlib.colors.to_hex(a.get_edgecolor()) == GREY]
    # only reference edges in force while the statements were made (Jan to Mar 2015): saudi_arabia ->
    # syrian_opposition (2013-2017); not turkey -> syrian_national_army (from Dec 2017)
    assert len(arrows) == 5 + 1 and len(grey) == 1 and grey[0].get_linestyle() == "--"
    assert "reference edges in force 2015-01-05 to 2015-03-25" in caption_of(ax.figure)
    later = support_network(fx.make_support(), start="2018-01-01", end="2018-12-31")
    assert _says_no_data(plot_support_network(later))  # nothing stated in 2018
    undated = support_network(fx.make_support().assign(date=pd.NaT))
    none = plot_support_network(undated, reference=fx.make_reference())
    assert len([p for p in none.patches if isinstance(p, FancyArrowPatch)]) == 5
    assert "reference edges not drawn: the statements carry no dates" in caption_of(none.figure)


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
    assert [t.get_text() for t in ax.get_yticklabels()] == ["echo (1)", "state (1)", "wire (4)"]  # (articles)
    assert "Russia" in [t.get_text() for t in ax.get_xticklabels()]
    assert "75%" in {t.get_text() for t in ax.texts}  # wire: russia in 3 of 4 articles
    z = plot_source_profile(source_profile(mentions, corpus, stories="all", normalise="zscore"))
    assert "-1.4" in {t.get_text() for t in z.texts}


def test_plot_source_profile_empty(mentions, corpus):
    empty = source_profile(mentions, corpus, sources=["nobody"])
    assert _says_no_data(plot_source_profile(empty))


# ---------------------------------------------------------------------------------------- export
@pytest.mark.slow  # writes a figure in three formats (about 3.5 s): the full suite runs it
def test_save_figure_writes_png_svg_csv(tmp_path, mentions, corpus):
    t = mention_timeline(mentions, corpus, freq="M")
    ax = plot_timeline(t)
    paths = save_figure(ax, "russia timeline/2015", data=t, out_dir=tmp_path / "figs")
    assert set(paths) == {"png", "svg", "csv"}
    assert paths["png"].name == "russia-timeline-2015.png"
    assert paths["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "<svg" in paths["svg"].read_text()
    back = pd.read_csv(paths["csv"], index_col=0)
    assert back["Russia"].tolist() == [4, 0, 1]  # display names in exports too
    with_ids = save_figure(ax, "ids", data=t, out_dir=tmp_path / "figs", ids=True)
    assert pd.read_csv(with_ids["csv"], index_col=0)["russia"].tolist() == [4, 0, 1]
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


# ---------------------------------------------------------------------------------------- legibility
def test_plot_bars_labels_actors_and_says_when_empty():
    counts = pd.Series({"russia": 5, "syrian_government": 3, "x$y$z": 1}).rename_axis("entity")
    ax = plot_bars(counts, title="Most mentioned", caption="cap")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["x\\$y\\$z", "Syrian government", "Russia"]
    ax.figure.canvas.draw()  # a "$" in a label is drawn as text, never as mathtext
    assert _says_no_data(plot_bars(pd.Series(dtype=float)))
    with pytest.raises(TypeError, match="Series"):
        plot_bars(pd.DataFrame({"a": [1]}))


def test_source_names_with_dollar_signs_and_one_source_to_compare(mentions, corpus):
    odd = corpus.assign(source=corpus["source"].map({"wire": "$wire$ news", "state": "state_tv", "echo": "echo"}))
    m = mentions.assign(
        source=mentions["source"].astype(str).map({"wire": "$wire$ news", "state": "state_tv", "echo": "echo"})
    )
    ax = plot_source_profile(source_profile(m, odd))
    ax.figure.canvas.draw()
    assert "\\$wire\\$ news (4)" in [t.get_text() for t in ax.get_yticklabels()]
    one = source_profile(m, odd, normalise="zscore", sources=["state_tv"])
    ax = plot_source_profile(one)
    assert any(t.get_text() == "one source: nothing to compare" for t in ax.texts) and not ax.images
    t = mention_timeline(m, odd, freq="M", entities=["russia"], measure="share", options=TimelineOptions(by="source"))
    axes = plot_timeline(t, kind="small_multiples")
    axes[0].figure.canvas.draw()
    assert "\\$wire\\$ news" in [a.get_title() for a in axes]


def test_network_top_k_keeps_the_strongest_edges_and_full_labels():
    G = nx.Graph(measure="count", window="sentence")
    names = [
        "russia",
        "syrian_government",
        "iran",
        "hezbollah",
        "turkey",
        "syrian_national_army",
        "united_states",
        "sdf",
        "isis",
        "syrian_transitional_government",
    ]
    for i, a in enumerate(names):
        G.add_node(a, size=10 - i)
    for i, a in enumerate(names):
        for j, b in enumerate(names[i + 1 :], start=i + 1):
            G.add_edge(a, b, weight=float(100 - i * 10 - j))
    ax = plot_network(G, top_k=5)
    edges = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(edges[0].get_segments()) == 5
    assert "the 5 strongest links shown, 40 weaker ones left out" in caption_of(ax.figure)
    full = plot_network(G, top_k=None)
    full.figure.canvas.draw()
    labels = [t for t in full.texts if t.get_text()]
    assert "Syrian transitional\ngovernment" in [t.get_text() for t in labels]  # wrapped, not cut short
    assert overlapping(labels) == []


def test_support_network_per_source_small_multiples():
    per = support_network(fx.make_support(), options=NetworkOptions(by="source"))
    axes = plot_support_network(per, caption="cap")
    assert isinstance(axes, np.ndarray) and [a.get_title() for a in axes] == [
        "wire (5 statements)",
        "state (1 statements)",
    ]
    arrows = [p for a in axes for p in a.patches if isinstance(p, FancyArrowPatch)]
    assert len(arrows) == len(per)
    assert _says_no_data(
        plot_support_network(
            support_network(fx.make_support(), sources=["nobody"], options=NetworkOptions(by="source"))
        )[0]
    )
