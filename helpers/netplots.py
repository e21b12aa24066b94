"""Network figures: co-occurrence graphs and backer -> client networks.

Both show the strongest ``top_k`` edges only (the rest are counted in the caption), label every node with
its full display name (wrapped, never cut) and move labels apart until none overlaps. Backer networks
draw edge width as the number of statements and edge style as the strongest modality stated (asserted
solid, alleged dashed, possible dotted, denied dash-dot); reference edges from the gazetteer are drawn
only when they were in force during the period the network speaks for. A network per source
(``support_network(..., options=NetworkOptions(by="source"))``) is drawn as small multiples.
"""

from __future__ import annotations

import math
from typing import Any

import matplotlib.pyplot as plt
import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from .colours import GREY, actor_colours
from .drawing import add_caption, declutter, new_axes, no_data, safe_text, wrap_label
from .names import labels as display_labels
from .select import checked

#: Line style of a backing edge by the strongest modality stated.
MODALITY_STYLES: dict[str, Any] = {"asserted": "-", "alleged": "--", "possible": ":", "denied": "-."}
TOP_K = 25


def _top_edges(G: nx.Graph, top_k: int | None) -> tuple[nx.Graph, int]:
    """G with only its ``top_k`` strongest edges (by |weight|) and the nodes they join; edges left out."""
    edges = sorted(G.edges(data=True), key=lambda e: (-abs(float(e[2].get("weight", 1.0))), str(e[0]), str(e[1])))
    if top_k is None or len(edges) <= top_k:
        return G, 0
    kept = edges[:top_k]
    H = nx.Graph(**G.graph)
    nodes = list(dict.fromkeys([u for u, _, _ in kept] + [v for _, v, _ in kept]))
    H.add_nodes_from((v, G.nodes[v]) for v in nodes)
    H.add_edges_from(kept)
    return H, len(edges) - top_k


@checked()
def plot_network(
    G: nx.Graph,
    ax: Axes | None = None,
    seed: int = 7,
    title: str | None = None,
    top_k: int | None = 30,
    caption: str | None = None,
    ids: bool = False,
) -> Axes:
    """Draw a co-occurrence graph reproducibly (spring layout with a fixed seed).

    Args:
        G: graph from :func:`helpers.cooccurrence_graph` (node attributes size, label; edge weight).
        ax: Axes to draw on (new figure when None).
        seed: layout seed (same seed, same picture).
        title: axes title (default: what the edges count).
        top_k: draw only the strongest ``top_k`` edges and the actors they join (None: all).
        caption: the corpus and period, written under the figure.
        ids: label nodes by id instead of display name.

    Returns:
        The Axes: nodes coloured by :func:`helpers.colours.actor_colours`, sized by ``size`` (area ~
        mentions), edge width by ``weight``, full labels on a light box, moved apart until none overlap.
    """
    ax = new_axes(ax, (8, 7))
    if G is None or G.number_of_nodes() == 0:
        return no_data(ax, title)
    G, dropped = _top_edges(G, top_k)
    nodes = list(G.nodes)
    pos = _layout(G, nodes, seed)
    _draw_graph(ax, G, nodes, pos)
    names = display_labels(nodes) if not ids else {str(v): str(v) for v in nodes}
    _label_nodes(ax, nodes, pos, names)
    measure = G.graph.get("measure") or "weight"
    window = G.graph.get("window")
    default = f"Actors named in the same {window} (edge width: {measure})" if window else f"Network ({measure})"
    ax.set_title(safe_text(title or default))
    shown = f"the {G.number_of_edges()} strongest links shown, {dropped} weaker ones left out" if dropped else None
    add_caption(ax.figure, caption, shown)
    return ax


def _layout(G: nx.Graph, nodes: list[Any], seed: int) -> dict[Any, np.ndarray]:
    """Spring-layout positions, on weights scaled to (0, 1] (raw counts in the hundreds collapse the picture)."""
    H = nx.Graph()
    H.add_nodes_from(nodes)
    top_w = max((abs(float(d.get("weight", 1.0))) for *_, d in G.edges(data=True)), default=1.0) or 1.0
    H.add_edges_from((u, v, {"w": abs(float(d.get("weight", 1.0))) / top_w}) for u, v, d in G.edges(data=True))
    return nx.spring_layout(H, seed=seed, weight="w", k=1.8 / math.sqrt(len(nodes)))


def _draw_graph(ax: Axes, G: nx.Graph, nodes: list[Any], pos: dict[Any, np.ndarray]) -> None:
    """Edges (width by weight) and nodes (coloured per actor, area by ``size``); the view fits every node."""
    palette = actor_colours(nodes)
    sizes = np.array([float(G.nodes[v].get("size", 0) or 0) for v in nodes])
    node_size = 120 + 1600 * np.sqrt(sizes / (sizes.max() if sizes.max() > 0 else 1.0))
    weights = np.array([abs(float(d.get("weight", 1.0))) for _, _, d in G.edges(data=True)])
    if len(weights):
        nx.draw_networkx_edges(
            G, pos, ax=ax, width=0.6 + 5.4 * weights / (weights.max() or 1.0), edge_color="0.55", alpha=0.7
        )
    nx.draw_networkx_nodes(
        G,
        pos,
        ax=ax,
        nodelist=nodes,
        node_size=node_size,
        node_color=[palette[str(v)] for v in nodes],
        edgecolors="white",
        linewidths=1.2,
    )
    ax.update_datalim(np.array([pos[v] for v in nodes]))  # every node, isolated ones too, before the labels
    ax.margins(0.12)
    ax.autoscale_view()


def _label_nodes(ax: Axes, nodes: list[Any], pos: dict[Any, np.ndarray], names: dict[str, str]) -> None:
    """Full labels on a light box at the nodes, moved apart until none overlap; the axis hidden."""
    texts = [
        ax.text(
            *pos[v],
            wrap_label(names[str(v)]),
            ha="center",
            va="center",
            fontsize=8,
            zorder=5,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
        )
        for v in nodes
    ]
    ax.set_axis_off()
    declutter(ax, texts)


# --------------------------------------------------------------------------------------------------
# backer networks
# --------------------------------------------------------------------------------------------------
def _column_heights(n: int) -> list[float]:
    """n heights from 1 (top) to 0 (bottom); a single node sits in the middle."""
    if n <= 1:
        return [0.5] * n
    return [1.0 - i / (n - 1) for i in range(n)]


def _reference_only(
    network: pd.DataFrame, stated: pd.DataFrame, reference: pd.DataFrame | None
) -> tuple[pd.DataFrame, str | None]:
    """Reference edges never stated and in force during the network's period; a note when none can be drawn."""
    empty = pd.DataFrame(columns=["backer", "client"])
    if reference is None or not len(reference):
        return empty, None
    start, end = network.attrs.get("start"), network.attrs.get("end")
    if start is None and end is None:
        return empty, "reference edges not drawn: the statements carry no dates"
    from .networks import compare_support

    both = compare_support(stated, reference, start=start, end=end)
    drawn = set(zip(stated["backer"], stated["client"]))  # stated by the record's reading alone: drawn once, solid
    ref = both.loc[both["status"] == "never stated", ["backer", "client"]]
    ref = ref[[pair not in drawn for pair in zip(ref["backer"], ref["client"])]]
    return ref, f"dashed grey: reference edges in force {start or '…'} to {end or '…'}, never stated"


def _stated(network: pd.DataFrame | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(edges stated, with statements and modality; reference-only rows of a compare_support frame)."""
    stated = pd.DataFrame(columns=["backer", "client", "statements", "modality"])
    ref_only = pd.DataFrame(columns=["backer", "client"])
    if network is None or not len(network):
        return stated, ref_only
    if "in_corpus" in network.columns:  # compare_support output
        ref_only = network.loc[~network["in_corpus"].astype(bool), ["backer", "client"]]
        network = network[network["in_corpus"].astype(bool)]
    net = network.assign(modality=network["modality"] if "modality" in network.columns else "asserted")
    stated = (
        net.groupby(["backer", "client"], sort=False)
        .agg(statements=("statements", "sum"), modality=("modality", "first"))
        .reset_index()
    )
    return stated, ref_only


def _draw_bipartite(ax: Axes, stated: pd.DataFrame, ref_only: pd.DataFrame, ids: bool) -> list:
    """Backers left, clients right, one arrow per edge; returns the label texts."""
    weight_b = stated.groupby("backer")["statements"].sum()
    backers = list(dict.fromkeys(list(stated["backer"]) + list(ref_only["backer"])))
    backers.sort(key=lambda b: (-weight_b.get(b, 0), str(b)))
    yb = dict(zip(backers, _column_heights(len(backers))))
    edges = [
        (b, c, float(s), m, False)
        for b, c, s, m in stated[["backer", "client", "statements", "modality"]].itertuples(index=False)
    ]
    edges += [(b, c, 0.0, "", True) for b, c in ref_only.itertuples(index=False)]
    centre: dict[str, list[float]] = {}
    for b, c, s, _, _ in edges:
        centre.setdefault(c, []).extend([yb[b]] * max(1, int(s)))
    clients = sorted(centre, key=lambda c: (-float(np.mean(centre[c])), str(c)))
    yc = dict(zip(clients, _column_heights(len(clients))))
    palette = actor_colours(backers + clients)
    top = max((s for _, _, s, _, _ in edges), default=1.0) or 1.0
    for b, c, s, mod, ref in edges:
        ax.add_patch(
            FancyArrowPatch(
                (0.0, yb[b]),
                (1.0, yc[c]),
                arrowstyle="-|>",
                mutation_scale=12,
                lw=1.0 if ref else 0.8 + 4.2 * s / top,
                linestyle="--" if ref else MODALITY_STYLES.get(mod, "-"),
                color=GREY if ref else palette[str(b)],
                alpha=0.9 if ref else 0.8,
                shrinkA=7,
                shrinkB=7,
                zorder=2,
            )
        )
    names = display_labels(backers + clients) if not ids else {str(a): str(a) for a in backers + clients}
    texts = []
    weight_c = stated.groupby("client")["statements"].sum()
    for side, column, ys, weight in ((0.0, backers, yb, weight_b), (1.0, clients, yc, weight_c)):
        most = float(weight.max()) if len(weight) and weight.max() > 0 else 1.0
        sizes = [60 + 240 * math.sqrt(float(weight.get(a, 0)) / most) for a in column]
        ax.scatter(
            [side] * len(column),
            [ys[a] for a in column],
            s=sizes,
            c=[palette[str(a)] for a in column],
            edgecolors="white",
            linewidths=1,
            zorder=3,
        )
        texts += [
            ax.text(
                side + (-0.07 if side == 0 else 0.07),
                ys[a],
                wrap_label(names[str(a)], 28),
                ha="right" if side == 0 else "left",
                va="center",
                fontsize=8.5,
            )
            for a in column
        ]
    ax.text(0.0, 1.08, "backers", ha="center", fontsize=9, color="0.35", weight="bold")
    ax.text(1.0, 1.08, "clients", ha="center", fontsize=9, color="0.35", weight="bold")
    return texts


def _legend(ax: Axes, stated: pd.DataFrame, ref_only: pd.DataFrame) -> None:
    handles = [Line2D([], [], color="0.3", lw=2.5, label="width = statements")]
    for mod in (m for m in MODALITY_STYLES if m in set(stated["modality"])):
        handles.append(Line2D([], [], color="0.3", lw=1.5, ls=MODALITY_STYLES[mod], label=mod))
    if len(ref_only):
        handles.append(Line2D([], [], color=GREY, lw=1.0, ls="--", label="reference only, never stated"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)


@checked(
    optional={
        "network": "a result of h.support_network(support)",
        "reference": "the gazetteer's reference edges (h.load_gazetteer().backs)",
    }
)
def plot_support_network(
    network: pd.DataFrame,
    ax: Axes | None = None,
    reference: pd.DataFrame | None = None,
    title: str | None = None,
    top_k: int | None = TOP_K,
    caption: str | None = None,
    ids: bool = False,
) -> Axes | np.ndarray:
    """Directed bipartite drawing of backer -> client edges (small multiples for a network per source).

    Backers stand in the left column (most stated first), clients in the right column (ordered by the
    mean height of their backers, to limit crossings). An actor that is both backer and client is drawn
    in both columns, so every arrow runs left to right.

    Args:
        network: output of :func:`helpers.support_network` (with ``NetworkOptions(by="source")``: one panel per source,
            most stated first, at most 12), or of :func:`helpers.compare_support`.
        ax: Axes to draw on (new figure when None; small multiples split its area).
        reference: reference edges (``load_gazetteer().backs``); those never stated and in force during
            the network's period (``network.attrs`` start/end) are drawn as thin grey dashed arrows.
        title: title (default: what is counted).
        top_k: draw only the ``top_k`` most stated edges (None: all).
        caption: the corpus and period, written under the figure.
        ids: label actors by id instead of display name.

    Returns:
        The Axes (an array of Axes for small multiples): arrow width = statements, style = modality,
        colour = backer.
    """
    if network is not None and "source" in network.columns and "in_corpus" not in network.columns:
        return _per_source(network, ax, title, top_k, caption, ids)
    stated, ref_only = _stated(network)
    dropped = max(0, len(stated) - top_k) if top_k is not None else 0
    stated = stated.sort_values("statements", ascending=False, kind="stable").head(top_k or len(stated))
    note = None
    if reference is not None and network is not None:
        ref_only, note = _reference_only(network, stated, reference)
    rows = max(
        len(set(stated["backer"]) | set(ref_only["backer"])), len(set(stated["client"]) | set(ref_only["client"])), 1
    )
    ax = new_axes(ax, (9, max(4.0, 0.42 * rows + 1.5)))
    if not len(stated) and not len(ref_only):
        return no_data(ax, title)
    texts = _draw_bipartite(ax, stated, ref_only, ids)
    ax.set_xlim(-0.75, 1.75)
    ax.set_ylim(-0.08, 1.14)
    ax.set_axis_off()
    _legend(ax, stated, ref_only)
    declutter(ax, texts, vertical_only=True)
    ax.set_title(safe_text(title or "Who is said to back whom (arrows: backer → client)"))
    shown = f"the {len(stated)} most stated edges shown, {dropped} more left out" if dropped else None
    period = _period_text(network)
    add_caption(
        ax.figure, caption, period, network.attrs.get("selection") if network is not None else None, shown, note
    )
    return ax


def _period_text(network: pd.DataFrame | None) -> str | None:
    if network is None:
        return None
    start, end = network.attrs.get("start"), network.attrs.get("end")
    return f"statements {start} to {end}" if start or end else None


def _per_source(
    network: pd.DataFrame, ax: Axes | None, title: str | None, top_k: int | None, caption: str | None, ids: bool
) -> np.ndarray:
    """One backer network per source, as small multiples."""
    totals = network.groupby("source")["statements"].sum().sort_values(ascending=False, kind="stable")
    sources = list(totals.index[:12])
    n = max(1, len(sources))
    ncols = 1 if n == 1 else 2 if n <= 4 else 3
    nrows = math.ceil(n / ncols)
    if ax is None:
        fig = plt.figure(figsize=(6.0 * ncols, 4.2 * nrows + 0.8), layout="constrained")
        grid = fig.add_gridspec(nrows, ncols)
    else:
        fig, grid = ax.figure, ax.get_subplotspec().subgridspec(nrows, ncols)
        ax.remove()
    if not sources:
        return np.array([no_data(fig.add_subplot(grid[:, :]), title)], dtype=object)
    axes, labels = [], []
    for i, source in enumerate(sources):
        panel = fig.add_subplot(grid[divmod(i, ncols)])
        part = network[network["source"] == source].drop(columns="source")
        part.attrs = dict(network.attrs)
        stated, _ = _stated(part)
        stated = stated.sort_values("statements", ascending=False, kind="stable").head(top_k or len(stated))
        labels.append(_draw_bipartite(panel, stated, pd.DataFrame(columns=["backer", "client"]), ids))
        panel.set_xlim(-0.9, 1.9)
        panel.set_ylim(-0.08, 1.14)
        panel.set_axis_off()
        panel.set_title(safe_text(f"{source} ({int(totals[source]):,} statements)"), fontsize=9)
        axes.append(panel)
    left_out = len(totals) - len(sources)
    fig.suptitle(safe_text(title or "Who is said to back whom, per source"))
    add_caption(
        fig,
        caption,
        _period_text(network),
        network.attrs.get("selection"),
        "line style: strongest modality (solid asserted, dashed alleged, dotted possible)",
        f"{left_out} smaller sources not drawn" if left_out else None,
    )
    fig.draw_without_rendering()  # one layout for every panel, then their labels are moved apart
    for panel, texts in zip(axes, labels):
        declutter(panel, texts, vertical_only=True, settle=False)
    return np.array(axes, dtype=object)
