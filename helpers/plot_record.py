"""The press-versus-record matrix: one row per (backer, client) pair, one column per year, each cell coloured
by whether the press, the record or both say so. Takes :func:`helpers.record.compare_record`'s frame;
returns the Axes, never shows it."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap
from matplotlib.patches import Patch

from .gazetteer import Gazetteer, load_gazetteer

#: Status colours (colour-blind safe): both, press only, record only.
STATUS_COLOURS = {"both": "#009E73", "press_only": "#E69F00", "record_only": "#56B4E9"}
_NO_DATA = "no data for this selection"


def plot_press_record(
    comparison: pd.DataFrame,
    ax: Axes | None = None,
    top: int = 25,
    gazetteer: Gazetteer | None = None,
    title: str | None = None,
) -> Axes:
    """Draw pairs x years coloured by status (the ``top`` pairs with the most statements and coded years).

    Args:
        comparison: from :func:`helpers.record.compare_record`.
        ax: Axes to draw on (a new figure when None).
        top: how many pairs to show.
        gazetteer: for display labels (default: the kit's).
        title: axes title (default: what is counted).

    Returns:
        The Axes.
    """
    if comparison is None or not len(comparison):
        ax = ax or plt.subplots(figsize=(6, 2))[1]
        ax.text(0.5, 0.5, _NO_DATA, ha="center", va="center", transform=ax.transAxes, color="0.35", style="italic")
        ax.set_axis_off()
        return ax
    labels = (gazetteer or load_gazetteer(None)).actors["label"].str.replace(r"\s*\(.*\)", "", regex=True).to_dict()
    weight = comparison.groupby(["backer", "client"]).agg(n=("statements", "sum"), years=("year", "nunique"))
    pairs = weight.sort_values(["n", "years"], ascending=False).head(top).index.tolist()
    years = list(range(int(comparison["year"].min()), int(comparison["year"].max()) + 1))
    code = {s: i + 1 for i, s in enumerate(STATUS_COLOURS)}
    grid = np.zeros((len(pairs), len(years)))
    index = {p: i for i, p in enumerate(pairs)}
    for b, c, y, s in comparison[["backer", "client", "year", "status"]].itertuples(index=False):
        if (b, c) in index:
            grid[index[(b, c)], years.index(int(y))] = code[s]
    ax = (
        ax
        or plt.subplots(
            figsize=(max(6.0, 0.35 * len(years) + 4), max(2.5, 0.3 * len(pairs) + 1)), layout="constrained"
        )[1]
    )
    ax.imshow(grid, cmap=ListedColormap(["#f2f2f2", *STATUS_COLOURS.values()]), vmin=0, vmax=3, aspect="auto")
    ax.set_yticks(
        range(len(pairs)),
        [f"{labels.get(b, b)} → {labels.get(c, c)}".replace("$", r"\$") for b, c in pairs],
        fontsize=8,
    )
    ax.set_xticks(range(len(years)), [str(y) for y in years], rotation=90, fontsize=8)
    ax.legend(
        handles=[Patch(color=v, label=k.replace("_", " ")) for k, v in STATUS_COLOURS.items()],
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
        fontsize=8,
    )
    ax.set_title(title or "Backing by year: said in the press, coded in the record, or both")
    return ax
