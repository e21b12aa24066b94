"""Figures of the kit: plot functions only draw the frames the analysis functions return.

Every ``plot_*`` takes ``ax=None`` (a new figure is made when none is given), returns the Axes it drew
on (small multiples: a numpy array of Axes), never calls ``plt.show()`` and never prints. A plot of an
empty selection writes "no data for this selection" in the axes instead of raising. Colours come from
:func:`actor_colors`, so an actor has the same colour in every figure. :func:`save_figure` writes
PNG + SVG + the CSV the figure was drawn from.
"""
from __future__ import annotations

import colorsys
import hashlib
import logging
import math
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import TwoSlopeNorm, to_hex
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch, Patch
from matplotlib.ticker import MaxNLocator, PercentFormatter
from scipy.cluster import hierarchy
from scipy.spatial.distance import pdist

from . import config

logger = logging.getLogger(__name__)

NO_DATA = "no data for this selection"

#: Fixed colours for the actors most figures show; every other id gets a colour hashed from its id.
#: Children sit near their parent (ypg near sdf, irgc near iran, nusra near hts).
PALETTE: dict[str, str] = {
    "syrian_government": "#d62728",
    "syrian_transitional_government": "#17becf",
    "russia": "#1f77b4",
    "wagner": "#6baed6",
    "iran": "#8c564b",
    "irgc": "#b07a5b",
    "hezbollah": "#bcbd22",
    "turkey": "#e377c2",
    "syrian_national_army": "#f7a6d9",
    "united_states": "#393b79",
    "us_led_coalition": "#6b6ecf",
    "isis": "#222222",
    "hts": "#637939",
    "jabhat_al_nusra": "#8ca252",
    "al_qaeda": "#4d4d4d",
    "syrian_opposition": "#2ca02c",
    "free_syrian_army": "#98df8a",
    "sdf": "#ff7f0e",
    "ypg": "#ffbb78",
    "pyd": "#fdae6b",
    "pkk": "#e6550d",
    "israel": "#9467bd",
    "saudi_arabia": "#e7ba52",
    "qatar": "#7b4173",
    "jordan": "#ad494a",
    "lebanon": "#9edae5",
    "iraq": "#c49c94",
    "united_kingdom": "#5254a3",
    "france": "#3182bd",
    "china": "#843c39",
    "united_nations": "#7f7f7f",
    "european_union": "#003399",
    "syrian_observatory": "#969696",
    "white_helmets": "#bdbdbd",
}

#: Kind order (grouping of heatmaps) and colours (tick labels, legends).
KIND_ORDER: tuple[str, ...] = ("faction", "state", "coalition", "organisation")
KIND_COLORS: dict[str, str] = {
    "faction": "#d95f02", "state": "#1b9e77", "coalition": "#e7298a", "organisation": "#7570b3",
}
_UNKNOWN_KIND = "#555555"
_LINESTYLES = ("-", "--", ":", "-.")


# --------------------------------------------------------------------------------------------------
# shared helpers
# --------------------------------------------------------------------------------------------------
def actor_colors(ids: Iterable[Any]) -> dict[str, str]:
    """A stable colour per actor id, the same in every figure and every session.

    Args:
        ids: actor ids (any hashable; converted to str).

    Returns:
        {id: "#rrggbb"}: the fixed :data:`PALETTE` colour for common ids, else a colour derived
        from an MD5 hash of the id (not Python's salted ``hash``), so it never changes between runs.
    """
    out: dict[str, str] = {}
    for raw in ids:
        key = str(raw)
        if key in PALETTE:
            out[key] = PALETTE[key]
            continue
        digest = hashlib.md5(key.encode("utf-8")).digest()
        hue = int.from_bytes(digest[:4], "big") / 2**32
        sat = 0.45 + 0.35 * digest[4] / 255
        val = 0.55 + 0.30 * digest[5] / 255
        out[key] = to_hex(colorsys.hsv_to_rgb(hue, sat, val))
    return out


def _new_axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def _no_data(ax: Axes, title: str | None = None) -> Axes:
    """Write the empty-selection note in ``ax`` and return it."""
    ax.text(0.5, 0.5, NO_DATA, transform=ax.transAxes, ha="center", va="center",
            fontsize=11, color="0.35", style="italic")
    ax.set_xticks([])
    ax.set_yticks([])
    if title:
        ax.set_title(title)
    logger.info("plot: %s", NO_DATA)
    return ax


def _is_empty(frame: pd.DataFrame | None) -> bool:
    return frame is None or frame.shape[0] == 0 or frame.shape[1] == 0


def _kinds_of(kinds: Any, labels: list[str], attrs: Mapping[str, Any]) -> dict[str, str]:
    """Kinds as a dict from a dict, Series, or actors frame (column ``kind``), else from attrs."""
    if kinds is None:
        kinds = attrs.get("kinds", {})
    if isinstance(kinds, pd.DataFrame):
        kinds = kinds["kind"] if "kind" in kinds.columns else {}
    if isinstance(kinds, pd.Series):
        kinds = kinds.dropna().to_dict()
    return {str(k): str(v) for k, v in dict(kinds).items() if str(k) in set(labels)}


def _short(text: str, n: int = 28) -> str:
    text = str(text)
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _node_label(label: Any) -> str:
    """A short node label: the gazetteer label without its parenthetical, at most 24 characters."""
    text = re.sub(r"\s*\([^)]*\)?", "", str(label)).strip() or str(label)
    return _short(text, 24)


def _date_axis(ax: Axes) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _events_in_range(events: pd.DataFrame | None, lo: pd.Timestamp, hi: pd.Timestamp) -> pd.DataFrame:
    if events is None or not len(events):
        return pd.DataFrame(columns=["date", "event"])
    dates = pd.to_datetime(events["date"], utc=True).dt.tz_convert(None)
    lo, hi = (t.tz_convert("UTC").tz_localize(None) if t.tzinfo is not None else t
              for t in (pd.Timestamp(lo), pd.Timestamp(hi)))
    inside = (dates >= lo) & (dates <= hi)
    return pd.DataFrame({"date": dates[inside].to_numpy(), "event": events.loc[inside, "event"].to_numpy()})


def _draw_events(ax: Axes, events: pd.DataFrame, labels: bool = True) -> None:
    for date, text in zip(events["date"], events["event"]):
        ax.axvline(date, color="0.45", lw=0.8, ls=":", zorder=1)
        if labels:
            ax.text(date, 0.98, " " + _short(text), transform=ax.get_xaxis_transform(), rotation=90,
                    ha="right", va="top", fontsize=7, color="0.3")


def _measure_label(attrs: Mapping[str, Any]) -> str:
    return {"mentions": "mentions", "articles": "articles mentioning",
            "share": "share of articles"}.get(attrs.get("measure", ""), "")


# --------------------------------------------------------------------------------------------------
# timelines
# --------------------------------------------------------------------------------------------------
def plot_timeline(
    timeline: pd.DataFrame,
    ax: Axes | None = None,
    kind: Literal["lines", "small_multiples"] = "lines",
    events: pd.DataFrame | None = None,
    title: str | None = None,
    colors: Mapping[str, str] | None = None,
) -> Axes | np.ndarray:
    """Draw a wide timeline from :func:`helpers.mention_timeline`.

    Args:
        timeline: frame indexed by period start, one column per actor (or (group, actor)).
        ax: Axes to draw on. For small multiples the area of ``ax`` is split into the panels.
        kind: "lines" (one line per column) or "small_multiples" (one panel per actor, shared x
            and y; with (group, actor) columns, one line per group in each panel).
        events: DataFrame[date, event] (e.g. :func:`helpers.load_events`): vertical dotted lines with
            short rotated labels, only for events inside the timeline's date range.
        title: figure title.
        colors: {actor: colour} overriding :func:`actor_colors`.

    Returns:
        kind="lines": the Axes. kind="small_multiples": a 1-D numpy array with the Axes of each
        panel, in column order (unused grid cells are hidden). An empty timeline returns the Axes
        (lines) or a one-element array (small multiples) holding the "no data" note.

    Colours: by actor. With (group, actor) columns, line style marks the group, except when the
    timeline holds a single actor: then each group gets its own colour (from :func:`actor_colors`
    of the group name).

    Raises:
        ValueError: unknown ``kind``.
    """
    if kind not in ("lines", "small_multiples"):
        raise ValueError(f"kind must be 'lines' or 'small_multiples', not {kind!r}")
    empty = _is_empty(timeline)
    cols = [] if empty else list(timeline.columns)
    multi = not empty and isinstance(timeline.columns, pd.MultiIndex)
    actor_ids = list(dict.fromkeys(c[-1] if multi else c for c in cols))
    group_ids = list(dict.fromkeys(c[0] for c in cols)) if multi else []
    palette = actor_colors(actor_ids + group_ids)
    if colors:
        palette.update({str(k): v for k, v in colors.items()})
    by_group_colour = multi and len(actor_ids) == 1 and len(group_ids) > 1
    ylabel = _measure_label(timeline.attrs if timeline is not None else {})
    share = timeline is not None and timeline.attrs.get("measure") == "share"

    def style(col: Any) -> dict[str, Any]:
        if not multi:
            return {"color": palette[str(col)], "ls": "-", "label": str(col)}
        group, actor = col[0], col[-1]
        if by_group_colour:
            return {"color": palette[str(group)], "ls": "-", "label": str(group)}
        return {"color": palette[str(actor)], "ls": _LINESTYLES[group_ids.index(group) % len(_LINESTYLES)],
                "label": f"{actor} ({group})"}

    if kind == "lines":
        ax = _new_axes(ax, (9, 4))
        if empty:
            return _no_data(ax, title)
        x = timeline.index
        marker = "o" if len(x) < 3 else None
        for col in cols:
            ax.plot(x, timeline[col].to_numpy(dtype=float), lw=1.6, marker=marker, ms=3, **style(col))
        if len(x) > 1:
            ax.set_xlim(x[0], x[-1])
        _draw_events(ax, _events_in_range(events, x[0], x[-1]))
        _date_axis(ax)
        ax.set_ylim(bottom=0)
        if share:
            ax.yaxis.set_major_formatter(PercentFormatter(1.0))
        ax.set_ylabel(ylabel)
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)
        ax.grid(axis="y", color="0.9")
        if title:
            ax.set_title(title)
        return ax

    # small multiples
    n = max(1, len(actor_ids))
    ncols = n if n <= 2 else 2 if n <= 4 else 3 if n <= 9 else 4
    nrows = math.ceil(n / ncols)
    if ax is None:
        fig = plt.figure(figsize=(3.3 * ncols + 1.0, 2.3 * nrows + 0.6), layout="constrained")
        grid = fig.add_gridspec(nrows, ncols)
    else:
        fig = ax.figure
        grid = ax.get_subplotspec().subgridspec(nrows, ncols)
        ax.remove()
    if empty:
        first = fig.add_subplot(grid[:, :])
        return np.array([_no_data(first, title)], dtype=object)
    axes: list[Axes] = []
    for i in range(n):
        r, c = divmod(i, ncols)
        share_with = axes[0] if axes else None
        axes.append(fig.add_subplot(grid[r, c], sharex=share_with, sharey=share_with))
    x = timeline.index
    inside = _events_in_range(events, x[0], x[-1])
    for i, (panel, actor) in enumerate(zip(axes, actor_ids)):
        panel_cols = [col for col in cols if (col[-1] if multi else col) == actor]
        for col in panel_cols:
            st = style(col)
            if multi and not by_group_colour:
                st["label"] = str(col[0])
            panel.plot(x, timeline[col].to_numpy(dtype=float), lw=1.4,
                       marker="o" if len(x) < 3 else None, ms=3, **st)
        _draw_events(panel, inside, labels=i < ncols)
        panel.set_title(str(actor), fontsize=9, color=palette[str(actor)] if not by_group_colour else "0.1")
        panel.grid(axis="y", color="0.9")
        _date_axis(panel)
        if i % ncols == 0:
            panel.set_ylabel(ylabel, fontsize=8)
        if i < n - ncols:
            panel.tick_params(labelbottom=False)
    if len(x) > 1:
        axes[0].set_xlim(x[0], x[-1])
    axes[0].set_ylim(bottom=0)
    if share:
        axes[0].yaxis.set_major_formatter(PercentFormatter(1.0))
    if multi and by_group_colour:
        handles, labels = axes[0].get_legend_handles_labels()
        fig.legend(handles, labels, loc="outside right upper", frameon=False, fontsize=8)
    elif multi:  # line style marks the group; the colour is the panel's actor
        handles = [Line2D([], [], color="0.3", lw=1.4, ls=_LINESTYLES[i % len(_LINESTYLES)], label=str(g))
                   for i, g in enumerate(group_ids)]
        fig.legend(handles=handles, loc="outside right upper", frameon=False, fontsize=8)
    if title:
        fig.suptitle(title)
    return np.array(axes, dtype=object)


# --------------------------------------------------------------------------------------------------
# co-occurrence
# --------------------------------------------------------------------------------------------------
def _cluster_order(values: np.ndarray) -> list[int]:
    """Leaf order of an average-linkage clustering of the rows' co-occurrence profiles."""
    n = len(values)
    if n < 3:
        return list(range(n))
    x = np.nan_to_num(values.astype(float), nan=0.0, posinf=0.0, neginf=0.0)
    off = x.copy()
    np.fill_diagonal(off, np.nan)
    row_max = np.nanmax(np.where(np.isnan(off), -np.inf, off), axis=1)
    np.fill_diagonal(x, np.where(np.isfinite(row_max), row_max, 0.0))
    with np.errstate(invalid="ignore", divide="ignore"):
        d = pdist(x, metric="cosine")
    d = np.nan_to_num(d, nan=1.0)
    d = np.clip(d, 0.0, None)
    z = hierarchy.linkage(d, method="average")
    z = hierarchy.optimal_leaf_ordering(z, d)
    return [int(i) for i in hierarchy.leaves_list(z)]


def plot_cooccurrence(
    matrix: pd.DataFrame,
    ax: Axes | None = None,
    annotate: bool | None = None,
    kinds: Mapping[str, str] | pd.Series | pd.DataFrame | None = None,
    title: str | None = None,
) -> Axes:
    """Heatmap of a co-occurrence matrix, actors grouped by kind and ordered by clustering.

    Args:
        matrix: square frame from :func:`helpers.cooccurrence`.
        ax: Axes to draw on (new figure when None).
        annotate: write each cell's value; None writes them when there are at most 15 actors.
        kinds: {actor: kind}, a Series, or an actors frame with column ``kind``; default the
            matrix's ``attrs["kinds"]``. Actors are sorted by kind (faction, state, coalition,
            organisation, other), then by hierarchical-clustering order within a kind; tick labels
            are coloured by kind, kind groups are separated by lines, and a legend names the kinds.
        title: axes title.

    Returns:
        The Axes. The diagonal is drawn grey (it is not a pair; its value is still written);
        NaN cells (rare pairs of pmi/npmi) are light grey. One image of n x n cells.
    """
    ax = _new_axes(ax, (7.5, 6.5) if matrix is None or len(matrix) <= 15 else (11, 10))
    if _is_empty(matrix):
        return _no_data(ax, title)
    labels = [str(x) for x in matrix.index]
    values = matrix.reindex(columns=matrix.index).to_numpy(dtype=float)
    measure = matrix.attrs.get("measure", "count")
    kind_of = _kinds_of(kinds, labels, matrix.attrs)
    cluster = _cluster_order(values)
    if kind_of:
        rank = {k: i for i, k in enumerate(KIND_ORDER)}
        pos = {idx: p for p, idx in enumerate(cluster)}
        order = sorted(cluster, key=lambda i: (rank.get(kind_of.get(labels[i], ""), len(rank)), pos[i]))
    else:
        order = cluster
    m = values[np.ix_(order, order)]
    names = [labels[i] for i in order]
    n = len(names)
    shown = m.copy()
    np.fill_diagonal(shown, np.nan)
    finite = shown[np.isfinite(shown)]
    if measure in ("pmi", "npmi"):
        cmap = plt.get_cmap("RdBu_r").with_extremes(bad="#eeeeee")
        bound = 1.0 if measure == "npmi" else (float(np.max(np.abs(finite))) if finite.size else 1.0) or 1.0
        norm = TwoSlopeNorm(vcenter=0.0, vmin=-bound, vmax=bound)
        image = ax.imshow(np.ma.masked_invalid(shown), cmap=cmap, norm=norm)
    else:
        cmap = plt.get_cmap("Blues").with_extremes(bad="#eeeeee")
        vmax = float(finite.max()) if finite.size and finite.max() > 0 else 1.0
        image = ax.imshow(np.ma.masked_invalid(shown), cmap=cmap, vmin=0, vmax=vmax)
    ax.set_xticks(range(n), names, rotation=90, fontsize=8)
    ax.set_yticks(range(n), names, fontsize=8)
    ax.tick_params(length=0)
    for tick_labels in (ax.get_xticklabels(), ax.get_yticklabels()):
        for label in tick_labels:
            label.set_color(KIND_COLORS.get(kind_of.get(label.get_text(), ""), _UNKNOWN_KIND) if kind_of else "0.1")
    for i in range(n):  # the diagonal is not a pair: grey
        ax.add_patch(plt.Rectangle((i - 0.5, i - 0.5), 1, 1, color="#d9d9d9", lw=0))
    if kind_of:
        groups = [kind_of.get(x, "other") for x in names]
        for i in range(1, n):
            if groups[i] != groups[i - 1]:
                ax.axhline(i - 0.5, color="0.2", lw=1.0)
                ax.axvline(i - 0.5, color="0.2", lw=1.0)
        present = list(dict.fromkeys(groups))
        handles = [Patch(color=KIND_COLORS.get(k, _UNKNOWN_KIND), label=k) for k in present]
        ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=len(handles),
                  frameon=False, fontsize=8, handlelength=1.0)
    if annotate or (annotate is None and n <= 15):
        fmt = (lambda v: f"{v:.0f}") if measure == "count" else (lambda v: f"{v:.2f}")
        diverging = measure in ("pmi", "npmi")
        for i in range(n):
            for j in range(n):
                v, cell = m[i, j], shown[i, j]
                level = float(image.norm(cell)) if np.isfinite(cell) else 0.5
                dark = np.isfinite(cell) and (abs(level - 0.5) > 0.3 if diverging else level > 0.6)
                ax.text(j, i, fmt(v) if np.isfinite(v) else "–", ha="center", va="center",
                        fontsize=7 if n > 10 else 8, color="white" if dark else "0.15")
    bar = ax.figure.colorbar(image, ax=ax, shrink=0.75, label=measure)
    if measure == "count":
        bar.locator = MaxNLocator(integer=True)
        bar.update_ticks()
    window = matrix.attrs.get("window")
    if title or window:
        ax.set_title(title or f"co-occurrence ({measure}, {window} windows)", pad=18 if kind_of else 6)
    return ax


def plot_network(G: nx.Graph, ax: Axes | None = None, seed: int = 7, title: str | None = None) -> Axes:
    """Draw a co-occurrence graph reproducibly (spring layout with a fixed seed).

    Args:
        G: graph from :func:`helpers.cooccurrence_graph` (node attributes size, label; edge weight).
            Labels are shortened for the picture (parenthetical dropped, at most 24 characters).
        ax: Axes to draw on (new figure when None).
        seed: layout seed (same seed, same picture).
        title: axes title.

    Returns:
        The Axes: nodes coloured by :func:`actor_colors`, sized by ``size`` (area ~ mentions), edge
        width by ``weight``, labels on a light box. The layout uses the weights scaled to (0, 1].
    """
    ax = _new_axes(ax, (8, 7))
    if G is None or G.number_of_nodes() == 0:
        return _no_data(ax, title)
    nodes = list(G.nodes)
    # lay out on weights scaled to (0, 1]: raw counts in the hundreds would collapse the picture
    H = nx.Graph()
    H.add_nodes_from(nodes)
    top_w = max((abs(float(d.get("weight", 1.0))) for *_, d in G.edges(data=True)), default=1.0) or 1.0
    H.add_edges_from((u, v, {"w": abs(float(d.get("weight", 1.0))) / top_w}) for u, v, d in G.edges(data=True))
    pos = nx.spring_layout(H, seed=seed, weight="w", k=1.8 / math.sqrt(len(nodes)))
    palette = actor_colors(nodes)
    sizes = np.array([float(G.nodes[v].get("size", 0) or 0) for v in nodes])
    top = sizes.max() if sizes.max() > 0 else 1.0
    node_size = 120 + 1600 * np.sqrt(sizes / top)
    weights = np.array([abs(float(d.get("weight", 1.0))) for _, _, d in G.edges(data=True)])
    if len(weights):
        width = 0.6 + 5.4 * weights / (weights.max() or 1.0)
        nx.draw_networkx_edges(G, pos, ax=ax, width=width, edge_color="0.55", alpha=0.7)
    nx.draw_networkx_nodes(G, pos, ax=ax, nodelist=nodes, node_size=node_size,
                           node_color=[palette[str(v)] for v in nodes], edgecolors="white", linewidths=1.2)
    nx.draw_networkx_labels(G, pos, ax=ax, labels={v: _node_label(G.nodes[v].get("label", v)) for v in nodes},
                            font_size=8, bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                                               "alpha": 0.75})
    ax.set_axis_off()
    ax.margins(0.12)
    measure = G.graph.get("measure")
    if title or measure:
        ax.set_title(title or f"co-occurrence network ({measure})")
    return ax


# --------------------------------------------------------------------------------------------------
# support networks
# --------------------------------------------------------------------------------------------------
def plot_support_network(
    network: pd.DataFrame,
    ax: Axes | None = None,
    reference: pd.DataFrame | None = None,
    title: str | None = None,
) -> Axes:
    """Directed bipartite drawing of backer -> client edges.

    Backers stand in the left column (most stated first), clients in the right column (ordered by
    the mean height of their backers, to limit crossings). An actor that is both backer and client
    (hezbollah: backed by iran, backing the Syrian government) is drawn in both columns, so every
    arrow runs left to right.

    Args:
        network: output of :func:`helpers.support_network` (backer, client, statements), or of
            :func:`helpers.compare_support` (edges with in_corpus False are drawn dashed).
        ax: Axes to draw on (new figure when None).
        reference: reference edges (``load_gazetteer().backs``: backer, client, from, to, cite); those
            never stated in ``network`` are drawn as thin grey dashed arrows.
        title: axes title.

    Returns:
        The Axes: one arrow (FancyArrowPatch) per edge, width by statements, coloured by backer.
    """
    ax = _new_axes(ax, (8, 6))
    stated = pd.DataFrame(columns=["backer", "client", "statements"])
    ref_only = pd.DataFrame(columns=["backer", "client"])
    if network is not None and len(network) and "in_corpus" in network.columns:  # compare_support output
        ref_only = network.loc[~network["in_corpus"].astype(bool), ["backer", "client"]]
        network = network[network["in_corpus"].astype(bool)]
    if network is not None and len(network):
        stated = (network.groupby(["backer", "client"], sort=False)["statements"].sum().reset_index())
    if reference is not None and len(reference):
        from .networks import compare_support

        both = compare_support(network if network is not None and len(network) else stated, reference)
        ref_only = both.loc[both["status"] == "never stated", ["backer", "client"]]
    if not len(stated) and not len(ref_only):
        return _no_data(ax, title)

    weight_b = stated.groupby("backer")["statements"].sum()
    backers = list(dict.fromkeys(list(stated["backer"]) + list(ref_only["backer"])))
    backers.sort(key=lambda b: (-weight_b.get(b, 0), str(b)))
    y_b = _column_heights(len(backers))
    yb = {b: y for b, y in zip(backers, y_b)}
    edges = [(b, c, float(s), False) for b, c, s in stated[["backer", "client", "statements"]].itertuples(index=False)]
    edges += [(b, c, 0.0, True) for b, c in ref_only.itertuples(index=False)]
    centre: dict[str, list[float]] = {}
    for b, c, s, _ in edges:
        centre.setdefault(c, []).extend([yb[b]] * max(1, int(s)))
    clients = sorted(centre, key=lambda c: (-float(np.mean(centre[c])), str(c)))
    yc = {c: y for c, y in zip(clients, _column_heights(len(clients)))}
    palette = actor_colors(backers + clients)

    top = max((s for *_, s, _ in edges), default=1.0) or 1.0
    for b, c, s, ref in edges:
        arrow = FancyArrowPatch(
            (0.0, yb[b]), (1.0, yc[c]), arrowstyle="-|>", mutation_scale=12,
            lw=1.0 if ref else 0.8 + 4.2 * s / top, linestyle="--" if ref else "-",
            color="0.6" if ref else palette[str(b)], alpha=0.9 if ref else 0.75,
            shrinkA=7, shrinkB=7, zorder=2,
        )
        ax.add_patch(arrow)
    weight_c = stated.groupby("client")["statements"].sum()
    for side, column, ys, weight in ((0.0, backers, yb, weight_b), (1.0, clients, yc, weight_c)):
        most = float(weight.max()) if len(weight) and weight.max() > 0 else 1.0
        sizes = [60 + 240 * math.sqrt(float(weight.get(a, 0)) / most) for a in column]
        ax.scatter([side] * len(column), [ys[a] for a in column], s=sizes,
                   c=[palette[str(a)] for a in column], edgecolors="white", linewidths=1, zorder=3)
        for a in column:
            ax.text(side + (-0.07 if side == 0 else 0.07), ys[a], str(a), ha="right" if side == 0 else "left",
                    va="center", fontsize=9)
    ax.text(0.0, 1.08, "backers", ha="center", fontsize=9, color="0.35", weight="bold")
    ax.text(1.0, 1.08, "clients", ha="center", fontsize=9, color="0.35", weight="bold")
    ax.set_xlim(-0.75, 1.75)
    ax.set_ylim(-0.08, 1.14)
    ax.set_axis_off()
    handles = [Line2D([], [], color="0.3", lw=2.5, label="stated (width = statements)")]
    if len(ref_only):
        handles.append(Line2D([], [], color="0.6", lw=1.0, ls="--", label="reference only, never stated"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)
    if title:
        ax.set_title(title)
    return ax


def _column_heights(n: int) -> list[float]:
    """n heights from 1 (top) to 0 (bottom); a single node sits in the middle."""
    if n <= 1:
        return [0.5] * n
    return [1.0 - i / (n - 1) for i in range(n)]


# --------------------------------------------------------------------------------------------------
# source profiles
# --------------------------------------------------------------------------------------------------
def plot_source_profile(
    profile: pd.DataFrame,
    ax: Axes | None = None,
    annotate: bool | None = None,
    title: str | None = None,
) -> Axes:
    """Heatmap of a source profile (sources as rows, actors as columns).

    Args:
        profile: output of :func:`helpers.source_profile`.
        ax: Axes to draw on (new figure when None).
        annotate: write cell values (percent for shares, z for z-scores); None writes them when
            the table has at most 300 cells.
        title: axes title.

    Returns:
        The Axes (one image of sources x actors cells).
    """
    rows = 0 if profile is None else profile.shape[0]
    cols = 0 if profile is None else profile.shape[1]
    ax = _new_axes(ax, (max(5.0, 0.55 * cols + 3), max(3.0, 0.4 * rows + 1.8)))
    if _is_empty(profile):
        return _no_data(ax, title)
    values = profile.to_numpy(dtype=float)
    zscore = profile.attrs.get("normalise") == "zscore"
    if zscore:
        bound = float(np.nanmax(np.abs(values))) or 1.0
        image = ax.imshow(values, cmap="RdBu_r", norm=TwoSlopeNorm(vcenter=0, vmin=-bound, vmax=bound), aspect="auto")
        fmt, label = (lambda v: f"{v:+.1f}"), "z-score across sources"
    else:
        vmax = float(np.nanmax(values)) or 1.0
        image = ax.imshow(values, cmap="Blues", vmin=0, vmax=vmax, aspect="auto")
        fmt, label = (lambda v: f"{100 * v:.0f}%"), "share of the source's articles"
    ax.set_xticks(range(cols), [str(c) for c in profile.columns], rotation=90, fontsize=8)
    ax.set_yticks(range(rows), [str(r) for r in profile.index], fontsize=8)
    ax.tick_params(length=0)
    if annotate or (annotate is None and rows * cols <= 300):
        for i in range(rows):
            for j in range(cols):
                v = values[i, j]
                strong = np.isfinite(v) and abs(image.norm(v) - (0.5 if zscore else 0.0)) > (0.35 if zscore else 0.6)
                ax.text(j, i, fmt(v) if np.isfinite(v) else "–", ha="center", va="center", fontsize=7,
                        color="white" if strong else "0.15")
    ax.figure.colorbar(image, ax=ax, shrink=0.8, label=label)
    if title:
        ax.set_title(title)
    return ax


# --------------------------------------------------------------------------------------------------
# export
# --------------------------------------------------------------------------------------------------
def _figure_of(obj: Any) -> Figure:
    if isinstance(obj, Figure):
        return obj
    if isinstance(obj, Axes):
        return obj.figure
    if isinstance(obj, (np.ndarray, list, tuple)) and len(obj):
        first = np.asarray(obj, dtype=object).ravel()[0]
        if isinstance(first, Axes):
            return first.figure
    raise TypeError(f"save_figure: expected a Figure, an Axes or an array of Axes, not {type(obj).__name__}")


def save_figure(
    fig_or_ax: Figure | Axes | np.ndarray,
    name: str,
    data: pd.DataFrame | pd.Series | None = None,
    out_dir: str | Path | None = None,
) -> dict[str, Path]:
    """Write a figure as PNG and SVG, and the frame it was drawn from as CSV next to it.

    Args:
        fig_or_ax: a Figure, an Axes, or the array of Axes of small multiples.
        name: file stem (characters other than letters, digits, ``-``, ``_``, ``.`` become ``-``;
            a trailing .png/.svg/.csv is dropped).
        data: the DataFrame (or Series) behind the figure, written with its index; None skips it.
        out_dir: folder (created if needed); default ``config.FIGURES_DIR``.

    Returns:
        {"png": path, "svg": path} plus "csv" when ``data`` is given.

    Raises:
        TypeError: ``fig_or_ax`` is not a figure or axes.
        ValueError: empty name.
    """
    fig = _figure_of(fig_or_ax)
    stem = re.sub(r"\.(png|svg|csv)$", "", str(name).strip(), flags=re.I)
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-.")
    if not stem:
        raise ValueError("save_figure: name must contain at least one letter or digit")
    folder = Path(out_dir) if out_dir is not None else config.FIGURES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    paths = {"png": folder / f"{stem}.png", "svg": folder / f"{stem}.svg"}
    fig.savefig(paths["png"], dpi=150, bbox_inches="tight")
    fig.savefig(paths["svg"], bbox_inches="tight", metadata={"Date": None})
    if data is not None:
        paths["csv"] = folder / f"{stem}.csv"
        frame = data.to_frame() if isinstance(data, pd.Series) else data
        frame.to_csv(paths["csv"])
    logger.info("save_figure: %s", ", ".join(str(p) for p in paths.values()))
    return paths
