"""Figures of the kit: plot functions only draw the frames the analysis functions return.

Every ``plot_*`` takes ``ax=None`` (a new figure is made when none is given), returns the Axes it drew
on (small multiples: a numpy array of Axes), never calls ``plt.show()`` and never prints. A plot of an
empty selection writes "no data for this selection" in the axes instead of raising. Actors are labelled
with their display names (``ids=True`` keeps ids) and coloured by :func:`actor_colors` (the gazetteer's
``colour``, else a colour-blind-safe default), the same in every figure. Every figure has a title that
says what is counted and, with ``caption=`` (e.g. ``h.describe_corpus(corpus)``), the corpus and period
under it. :func:`save_figure` writes PNG + SVG + the CSV the figure was drawn from.

Timelines are honest about what stands behind each point: grey bars give the articles published per
period, periods with fewer than ``min_articles`` are drawn hollow and counted in the legend, periods
without articles are gaps, and shares carry Wilson 95% bands. Events are numbered markers on the axis
with a table of the events under the figure; markers too close to read apart are merged ("3-5").

Timelines live in :mod:`helpers.timeplots`, heatmaps in :mod:`helpers.heatmaps` and networks in
:mod:`helpers.netplots`; all are re-exported here.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from . import config
from .colours import actor_colours
from .drawing import NO_DATA, add_caption, figure_of, new_axes, no_data, safe_text
from .heatmaps import KIND_COLORS, KIND_ORDER, plot_cooccurrence, plot_source_profile  # noqa: F401
from .names import labelled
from .netplots import plot_network, plot_support_network  # noqa: F401
from .select import checked
from .timeplots import ARTICLES_GID, EVENT_GID, event_badges, plot_timeline  # noqa: F401 - re-exported

logger = logging.getLogger(__name__)


def actor_colors(ids: Iterable[Any]) -> dict[str, str]:
    """A stable colour per actor id (see :func:`helpers.colours.actor_colours`)."""
    return actor_colours(ids)


# --------------------------------------------------------------------------------------------------
# bars, export
# --------------------------------------------------------------------------------------------------
@checked()
def plot_bars(
    counts: pd.Series,
    ax: Axes | None = None,
    title: str | None = None,
    xlabel: str = "",
    caption: str | None = None,
    top: int | None = 15,
    ids: bool = False,
) -> Axes:
    """Horizontal bars of a count per label, largest on top, zeros left out (``entity.value_counts()``).

    Args:
        counts: a Series of numbers indexed by label (actor ids are shown by display name when the
            index is named ``entity``, ``actor``, ``backer`` or ``client``).
        ax: Axes to draw on (new figure when None).
        title: axes title; xlabel: what the bars count.
        caption: the corpus and period, written under the figure.
        top: draw the ``top`` largest only (None: all).
        ids: keep actor ids.

    Returns:
        The Axes ("no data" note for an empty series).
    """
    if counts is not None and not isinstance(counts, pd.Series):
        raise TypeError(f"plot_bars: counts must be a Series of numbers by label, not {type(counts).__name__}")
    if counts is not None:
        counts = counts[counts.fillna(0) != 0]  # categories never seen are not bars
    shown = counts.sort_values(ascending=False).head(top or len(counts)) if counts is not None else None
    ax = new_axes(ax, (6.5, max(2.2, 0.3 * (0 if shown is None else len(shown)) + 1.2)))
    if shown is None or not len(shown) or not np.isfinite(shown.to_numpy(dtype=float)).any():
        return no_data(ax, title)
    shown = labelled(shown.iloc[::-1], ids=ids) if shown.index.name else shown.iloc[::-1]
    ax.barh([safe_text(i) for i in shown.index], shown.to_numpy(dtype=float), color="#4477aa")
    ax.set_xlabel(safe_text(xlabel))
    ax.grid(axis="x", color="0.92")
    if title:
        ax.set_title(safe_text(title))
    left_out = len(counts) - len(shown)
    add_caption(ax.figure, caption, f"{left_out} smaller ones not shown" if left_out else None)
    return ax


@checked()
def plot_distribution(
    values: pd.Series,
    ax: Axes | None = None,
    title: str | None = None,
    xlabel: str = "",
    bins: int = 30,
    caption: str | None = None,
) -> Axes:
    """A histogram of numbers (article lengths...), with the count and median in the caption.

    Returns:
        The Axes ("no data" note when there is no finite value).
    """
    if values is not None and not isinstance(values, pd.Series):
        raise TypeError(f"plot_distribution: values must be a Series of numbers, not {type(values).__name__}")
    ax = new_axes(ax, (6.5, 3.2))
    finite = values[np.isfinite(values.to_numpy(dtype=float))] if values is not None else pd.Series(dtype=float)
    if not len(finite):
        return no_data(ax, title)
    ax.hist(finite.to_numpy(dtype=float), bins=bins, color="#4477aa")
    ax.set_xlabel(safe_text(xlabel))
    ax.set_ylabel("count")
    if title:
        ax.set_title(safe_text(title))
    add_caption(ax.figure, caption, f"{len(finite):,} values, median {finite.median():,.0f}")
    return ax


def save_figure(
    fig_or_ax: Figure | Axes | np.ndarray,
    name: str,
    data: pd.DataFrame | pd.Series | None = None,
    out_dir: str | Path | None = None,
    ids: bool = False,
) -> dict[str, Path]:
    """Write a figure as PNG and SVG, and the frame it was drawn from as CSV next to it.

    Args:
        fig_or_ax: a Figure, an Axes, or the array of Axes of small multiples.
        name: file stem (characters other than letters, digits, ``-``, ``_``, ``.`` become ``-``;
            a trailing .png/.svg/.csv is dropped).
        data: the DataFrame (or Series) behind the figure, written with its index (actors by display
            label unless ``ids``); None skips it.
        out_dir: folder (created if needed); default ``config.FIGURES_DIR``.
        ids: write actor ids in the CSV instead of display labels.

    Returns:
        {"png": path, "svg": path} plus "csv" when ``data`` is given.

    Raises:
        TypeError: ``fig_or_ax`` is not a figure or axes.
        ValueError: empty name.
    """
    try:
        fig = figure_of(fig_or_ax)
    except TypeError as err:
        raise TypeError(f"save_figure: {err}") from None
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
        labelled(frame, ids=ids).to_csv(paths["csv"])
    logger.info("save_figure: %s", ", ".join(str(p) for p in paths.values()))
    return paths


__all__ = [
    "NO_DATA",
    "KIND_COLORS",
    "KIND_ORDER",
    "actor_colors",
    "plot_timeline",
    "plot_cooccurrence",
    "plot_network",
    "plot_support_network",
    "plot_source_profile",
    "plot_bars",
    "plot_distribution",
    "save_figure",
    "event_badges",
]
