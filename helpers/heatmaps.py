"""Heatmaps: actor-by-actor co-occurrence and source-by-actor profiles.

Actors are labelled with their display names (:mod:`helpers.names`; ``ids=True`` keeps the ids), every
text from the data is drawn literally (no mathtext), and a profile that has nothing to compare (one
source, z-scores) says so instead of drawing zeros.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import TwoSlopeNorm
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from .drawing import add_caption, new_axes, no_data, safe_text
from .names import labels as display_labels
from .select import checked

#: Kind order (grouping of heatmaps) and colours (tick labels, legends): generic, not one conflict's.
KIND_ORDER: tuple[str, ...] = ("faction", "state", "coalition", "organisation")
KIND_COLORS: dict[str, str] = {
    "faction": "#d95f02",
    "state": "#1b9e77",
    "coalition": "#e7298a",
    "organisation": "#7570b3",
}
UNKNOWN_KIND = "#555555"


def is_empty(frame: pd.DataFrame | None) -> bool:
    """True for None or a frame without rows or columns."""
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


def _cluster_order(values: np.ndarray) -> list[int]:
    """Leaf order of an average-linkage clustering of the rows' co-occurrence profiles."""
    from scipy.cluster import hierarchy  # imported here: a notebook that draws no heatmap never pays for it
    from scipy.spatial.distance import pdist

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
    d = np.clip(np.nan_to_num(d, nan=1.0), 0.0, None)
    z = hierarchy.optimal_leaf_ordering(hierarchy.linkage(d, method="average"), d)
    return [int(i) for i in hierarchy.leaves_list(z)]


def _heat_image(ax: Axes, shown: np.ndarray, measure: str) -> Any:
    finite = shown[np.isfinite(shown)]
    if measure in ("pmi", "npmi"):
        cmap = plt.get_cmap("RdBu_r").with_extremes(bad="#eeeeee")
        bound = 1.0 if measure == "npmi" else (float(np.max(np.abs(finite))) if finite.size else 1.0) or 1.0
        return ax.imshow(
            np.ma.masked_invalid(shown), cmap=cmap, norm=TwoSlopeNorm(vcenter=0.0, vmin=-bound, vmax=bound)
        )
    cmap = plt.get_cmap("Blues").with_extremes(bad="#eeeeee")
    vmax = float(finite.max()) if finite.size and finite.max() > 0 else 1.0
    return ax.imshow(np.ma.masked_invalid(shown), cmap=cmap, vmin=0, vmax=vmax)


def _annotate_cells(ax: Axes, m: np.ndarray, shown: np.ndarray, image: Any, measure: str) -> None:
    n = len(m)
    fmt = (lambda v: f"{v:.0f}") if measure == "count" else (lambda v: f"{v:.2f}")
    diverging = measure in ("pmi", "npmi")
    for i in range(n):
        for j in range(n):
            v, cell = m[i, j], shown[i, j]
            level = float(image.norm(cell)) if np.isfinite(cell) else 0.5
            dark = np.isfinite(cell) and (abs(level - 0.5) > 0.3 if diverging else level > 0.6)
            ax.text(
                j,
                i,
                fmt(v) if np.isfinite(v) else "–",
                ha="center",
                va="center",
                fontsize=7 if n > 10 else 8,
                color="white" if dark else "0.15",
            )


def _kind_groups(ax: Axes, ids: list[str], kind_of: dict[str, str]) -> None:
    groups = [kind_of.get(x, "other") for x in ids]
    for i in range(1, len(ids)):
        if groups[i] != groups[i - 1]:
            ax.axhline(i - 0.5, color="0.2", lw=1.0)
            ax.axvline(i - 0.5, color="0.2", lw=1.0)
    present = list(dict.fromkeys(groups))
    handles = [Patch(color=KIND_COLORS.get(k, UNKNOWN_KIND), label=k) for k in present]
    ax.legend(
        handles=handles,
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        ncol=len(handles),
        frameon=False,
        fontsize=8,
        handlelength=1.0,
    )


def _kind_cluster_order(values: np.ndarray, labels: list[str], kind_of: dict[str, str]) -> list[int]:
    """Row order: by clustering, and by kind first (in :data:`KIND_ORDER`) when kinds are known."""
    cluster = _cluster_order(values)
    if not kind_of:
        return cluster
    rank = {k: i for i, k in enumerate(KIND_ORDER)}
    pos = {idx: p for p, idx in enumerate(cluster)}
    return sorted(cluster, key=lambda i: (rank.get(kind_of.get(labels[i], ""), len(rank)), pos[i]))


def _actor_ticks(ax: Axes, ordered: list[str], names: Mapping[str, str], kind_of: dict[str, str]) -> None:
    """Actor names on both axes, coloured by kind, and the diagonal (not a pair) drawn grey."""
    n = len(ordered)
    ax.set_xticks(range(n), [safe_text(names[a]) for a in ordered], rotation=90, fontsize=8)
    ax.set_yticks(range(n), [safe_text(names[a]) for a in ordered], fontsize=8)
    ax.tick_params(length=0)
    for tick_labels in (ax.get_xticklabels(), ax.get_yticklabels()):
        for label, actor in zip(tick_labels, ordered):
            label.set_color(KIND_COLORS.get(kind_of.get(actor, ""), UNKNOWN_KIND) if kind_of else "0.1")
    for i in range(n):  # the diagonal is not a pair: grey
        ax.add_patch(plt.Rectangle((i - 0.5, i - 0.5), 1, 1, color="#d9d9d9", lw=0))


def _colorbar(ax: Axes, image: Any, measure: str) -> None:
    """The colour bar, labelled with the measure (whole-number ticks for counts)."""
    bar = ax.figure.colorbar(image, ax=ax, shrink=0.75, label=measure)
    if measure == "count":
        bar.locator = MaxNLocator(integer=True)
        bar.update_ticks()


@checked(optional={"matrix": "a square result of h.cooccurrence(...)"})
def plot_cooccurrence(
    matrix: pd.DataFrame,
    ax: Axes | None = None,
    annotate: bool | None = None,
    kinds: Mapping[str, str] | pd.Series | pd.DataFrame | None = None,
    title: str | None = None,
    caption: str | None = None,
    ids: bool = False,
) -> Axes:
    """Heatmap of a co-occurrence matrix, actors grouped by kind and ordered by clustering.

    Args:
        matrix: square frame from :func:`helpers.cooccurrence`.
        ax: Axes to draw on (new figure when None).
        annotate: write each cell's value; None writes them when there are at most 15 actors.
        kinds: {actor: kind}, a Series, or an actors frame with column ``kind``; default the matrix's
            ``attrs["kinds"]``. Actors are sorted by kind, then by clustering order within a kind; tick
            labels are coloured by kind, kind groups separated by lines, and a legend names the kinds.
        title: axes title (default: the measure and window).
        caption: the corpus and period (e.g. ``h.describe_corpus(corpus)``), written under the figure.
        ids: label actors by id instead of display label.

    Returns:
        The Axes. The diagonal is drawn grey (not a pair; its value is still written); NaN cells (rare
        pairs of pmi/npmi) are light grey.
    """
    ax = new_axes(ax, (7.5, 6.5) if matrix is None or len(matrix) <= 15 else (11, 10))
    if is_empty(matrix):
        return no_data(ax, title)
    labels = [str(x) for x in matrix.index]
    values = matrix.reindex(columns=matrix.index).to_numpy(dtype=float)
    measure = matrix.attrs.get("measure", "count")
    kind_of = _kinds_of(kinds, labels, matrix.attrs)
    order = _kind_cluster_order(values, labels, kind_of)
    m = values[np.ix_(order, order)]
    ordered = [labels[i] for i in order]
    names = display_labels(ordered) if not ids else {a: a for a in ordered}
    n = len(ordered)
    shown = m.copy()
    np.fill_diagonal(shown, np.nan)
    image = _heat_image(ax, shown, measure)
    _actor_ticks(ax, ordered, names, kind_of)
    if kind_of:
        _kind_groups(ax, ordered, kind_of)
    if annotate or (annotate is None and n <= 15):
        _annotate_cells(ax, m, shown, image, measure)
    _colorbar(ax, image, measure)
    window = matrix.attrs.get("window")
    default = f"Actors named in the same {window}: {measure}" if window else f"co-occurrence ({measure})"
    ax.set_title(safe_text(title or default), pad=18 if kind_of else 6)
    add_caption(
        ax.figure,
        caption,
        matrix.attrs.get("selection"),
        f"{matrix.attrs['n_windows']:,} {window} windows" if "n_windows" in matrix.attrs else None,
    )
    return ax


def _profile_image(ax: Axes, values: np.ndarray, zscore: bool) -> tuple[Any, Any, str]:
    """The profile's cells (diverging around 0 for z-scores, from 0 for shares), their format and colour-bar label."""
    if zscore:
        bound = float(np.nanmax(np.abs(values))) or 1.0
        image = ax.imshow(values, cmap="RdBu_r", norm=TwoSlopeNorm(vcenter=0, vmin=-bound, vmax=bound), aspect="auto")
        return image, (lambda v: f"{v:+.1f}"), "z-score across sources"
    vmax = float(np.nanmax(values)) or 1.0
    image = ax.imshow(values, cmap="Blues", vmin=0, vmax=vmax, aspect="auto")
    return image, (lambda v: f"{100 * v:.0f}%"), "share of the source's articles"


def _profile_ticks(ax: Axes, profile: pd.DataFrame, ids: bool) -> None:
    """Actor names along x, sources with their article counts along y."""
    rows, cols = profile.shape
    names = display_labels(profile.columns) if not ids else {str(c): str(c) for c in profile.columns}
    ax.set_xticks(range(cols), [safe_text(names[str(c)]) for c in profile.columns], rotation=90, fontsize=8)
    articles = profile.attrs.get("articles", {})
    ax.set_yticks(
        range(rows),
        [safe_text(f"{r} ({articles[str(r)]:,})" if str(r) in articles else r) for r in profile.index],
        fontsize=8,
    )
    ax.tick_params(length=0)


def _annotate_profile(ax: Axes, values: np.ndarray, image: Any, fmt: Any, zscore: bool) -> None:
    """Each cell's value, white on strong colours ("–" where there is none)."""
    rows, cols = values.shape
    for i in range(rows):
        for j in range(cols):
            v = values[i, j]
            strong = np.isfinite(v) and abs(image.norm(v) - (0.5 if zscore else 0.0)) > (0.35 if zscore else 0.6)
            ax.text(
                j,
                i,
                fmt(v) if np.isfinite(v) else "–",
                ha="center",
                va="center",
                fontsize=7,
                color="white" if strong else "0.15",
            )


@checked(optional={"profile": "a result of h.source_profile(...)"})
def plot_source_profile(
    profile: pd.DataFrame,
    ax: Axes | None = None,
    annotate: bool | None = None,
    title: str | None = None,
    caption: str | None = None,
    ids: bool = False,
) -> Axes:
    """Heatmap of a source profile (sources as rows, actors as columns).

    Args:
        profile: output of :func:`helpers.source_profile`.
        ax: Axes to draw on (new figure when None).
        annotate: write cell values (percent for shares, z for z-scores); None writes them when the
            table has at most 300 cells.
        title: axes title (default: what the cells count).
        caption: the corpus and period, written under the figure.
        ids: label actors by id instead of display label.

    Returns:
        The Axes; a profile with nothing to compare (``attrs["note"]``, e.g. one source and z-scores)
        shows that note instead of cells.
    """
    rows = 0 if profile is None else profile.shape[0]
    cols = 0 if profile is None else profile.shape[1]
    ax = new_axes(ax, (max(5.0, 0.55 * cols + 3), max(3.0, 0.4 * rows + 1.8)))
    note = profile.attrs.get("note") if profile is not None else None
    if is_empty(profile) or note:
        return no_data(ax, title, note or "no data for this selection")
    values = profile.to_numpy(dtype=float)
    zscore = profile.attrs.get("normalise") == "zscore"
    image, fmt, label = _profile_image(ax, values, zscore)
    _profile_ticks(ax, profile, ids)
    if annotate or (annotate is None and rows * cols <= 300):
        _annotate_profile(ax, values, image, fmt, zscore)
    ax.figure.colorbar(image, ax=ax, shrink=0.8, label=label)
    default = (
        "How unusual each source's share is (z-score across sources)"
        if zscore
        else "Share of each source's articles naming the actor"
    )
    ax.set_title(safe_text(title or default))
    add_caption(ax.figure, caption, profile.attrs.get("selection"), "rows: source (articles)")
    return ax
