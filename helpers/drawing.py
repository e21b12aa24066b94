"""Drawing helpers shared by the figure modules: new axes, notes, captions, safe text and label placement.

Text from the data (outlet names, event names, article words) goes through :func:`safe_text` so that a
``$`` never switches matplotlib to mathtext. :func:`declutter` moves text labels apart until their
bounding boxes no longer intersect; :func:`overlapping` is the check the tests use.
"""

from __future__ import annotations

import logging
import textwrap
from collections.abc import Iterable, Sequence
from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.text import Text
from matplotlib.transforms import Bbox

logger = logging.getLogger(__name__)

NO_DATA = "no data for this selection"
CAPTION_GID = "helpers-caption"


def safe_text(text: Any) -> str:
    """``text`` as a string matplotlib draws literally (``$`` escaped, so no mathtext)."""
    return str(text).replace("$", r"\$")


def wrap_label(text: Any, width: int = 22) -> str:
    """A label broken into lines of about ``width`` characters (never cut short)."""
    return "\n".join(textwrap.wrap(safe_text(text), width=width, break_long_words=False)) or safe_text(text)


def new_axes(ax: Axes | None, figsize: tuple[float, float]) -> Axes:
    """``ax``, or the Axes of a new constrained-layout figure of ``figsize``."""
    if ax is not None:
        return ax
    _, ax = plt.subplots(figsize=figsize, layout="constrained")
    return ax


def no_data(ax: Axes, title: str | None = None, note: str = NO_DATA) -> Axes:
    """Write ``note`` (default "no data for this selection") in ``ax`` and return it."""
    ax.text(
        0.5,
        0.5,
        safe_text(note),
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=11,
        color="0.35",
        style="italic",
    )
    ax.set_xticks([])
    ax.set_yticks([])
    if title:
        ax.set_title(safe_text(title))
    logger.info("plot: %s", note)
    return ax


def figure_of(obj: Any) -> Figure:
    """The Figure of a Figure, an Axes or an array of Axes.

    Raises:
        TypeError: anything else.
    """
    if isinstance(obj, Figure):
        return obj
    if isinstance(obj, Axes):
        return obj.figure
    if isinstance(obj, (np.ndarray, list, tuple)) and len(obj):
        first = np.asarray(obj, dtype=object).ravel()[0]
        if isinstance(first, Axes):
            return first.figure
    raise TypeError(f"expected a Figure, an Axes or an array of Axes, not {type(obj).__name__}")


def add_caption(fig: Figure, *parts: str | None, entries: Sequence[str] = (), entries_title: str = "Events") -> Any:
    """Write the non-empty ``parts`` as the figure's caption, under everything, with an optional table.

    The caption is a figure legend placed outside the axes at the bottom left (so constrained layout
    makes room for it): its title is the caption text, and ``entries`` (e.g. the numbered events of a
    timeline) are listed under it, headed by ``entries_title``. Returns the legend (None when empty).
    """
    text = " · ".join(safe_text(p) for p in parts if p)
    width = max(60, int(fig.get_figwidth() * 15))
    lines = textwrap.wrap(text, width=width) if text else []
    if entries:
        lines.append(entries_title)
    if not lines:
        return None
    handles = [Patch(visible=False) for _ in entries]
    legend = fig.legend(
        handles,
        [safe_text(e) for e in entries],
        loc="outside lower left",
        frameon=False,
        fontsize=7,
        handlelength=0,
        handletextpad=0,
        ncol=1 if len(entries) <= 8 else 2 if len(entries) <= 30 else 3,
        title="\n".join(lines),
        title_fontsize=7.5,
        alignment="left",
    )
    legend.get_title().set_color("0.3")
    legend.set_gid(CAPTION_GID)
    return legend


def caption_of(fig: Figure) -> str:
    """The caption :func:`add_caption` wrote, with its entries ("" when none)."""
    for legend in fig.legends:
        if legend.get_gid() == CAPTION_GID:
            return "\n".join([legend.get_title().get_text()] + [t.get_text() for t in legend.get_texts()])
    return ""


def _boxes(texts: Sequence[Text], renderer: Any, pad: float) -> list[Bbox]:
    out = []
    for t in texts:
        box = t.get_window_extent(renderer)
        out.append(Bbox.from_extents(box.x0 - pad, box.y0 - pad, box.x1 + pad, box.y1 + pad))
    return out


def overlapping(texts: Iterable[Text], renderer: Any = None) -> list[tuple[int, int]]:
    """Pairs (i, j) of visible, non-empty texts whose drawn boxes intersect."""
    texts = [t for t in texts if t.get_visible() and t.get_text()]
    if not texts:
        return []
    fig = texts[0].figure
    renderer = renderer or fig.canvas.get_renderer()
    boxes = _boxes(texts, renderer, 0.0)
    return [
        (i, j)
        for i in range(len(boxes))
        for j in range(i + 1, len(boxes))
        if boxes[i].overlaps(boxes[j]) and _area(boxes[i], boxes[j]) > 0.5
    ]


def _area(a: Bbox, b: Bbox) -> float:
    return max(0.0, min(a.x1, b.x1) - max(a.x0, b.x0)) * max(0.0, min(a.y1, b.y1) - max(a.y0, b.y0))


def declutter(
    ax: Axes,
    texts: Sequence[Text],
    iterations: int = 200,
    pad: float = 2.0,
    vertical_only: bool = False,
    settle: bool = True,
) -> int:
    """Move ``texts`` (positioned in data coordinates) apart until no two boxes intersect.

    Each pass pushes every overlapping pair apart along the axis where they overlap least (only up and
    down with ``vertical_only``), by half the overlap and a little more each; the axes limits then grow
    to hold every label. Returns the number of pairs still overlapping (0 when it worked). The figure's
    layout is settled first (one draw without rendering); ``settle=False`` when the caller just did it.
    """
    texts = [t for t in texts if t.get_visible() and t.get_text()]
    if len(texts) < 2:
        return 0
    fig = ax.figure
    ax.autoscale_view()  # settle the view limits: the labels are moved in display units
    if settle:
        fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    to_data = ax.transData.inverted()
    for _ in range(iterations):
        boxes = _boxes(texts, renderer, pad)
        moves = np.zeros((len(texts), 2))
        for i in range(len(boxes)):
            for j in range(i + 1, len(boxes)):
                a, b = boxes[i], boxes[j]
                if not a.overlaps(b):
                    continue
                dx = min(a.x1, b.x1) - max(a.x0, b.x0)
                dy = min(a.y1, b.y1) - max(a.y0, b.y0)
                sign_x = -1.0 if (a.x0 + a.x1) <= (b.x0 + b.x1) else 1.0
                sign_y = -1.0 if (a.y0 + a.y1) < (b.y0 + b.y1) or ((a.y0 + a.y1) == (b.y0 + b.y1) and i < j) else 1.0
                if vertical_only or dy <= dx:
                    moves[i, 1] += sign_y * (dy / 2 + 1)
                    moves[j, 1] -= sign_y * (dy / 2 + 1)
                else:
                    moves[i, 0] += sign_x * (dx / 2 + 1)
                    moves[j, 0] -= sign_x * (dx / 2 + 1)
        if not moves.any():
            break
        for t, (mx, my) in zip(texts, moves):
            if mx or my:
                x, y = ax.transData.transform(t.get_position())
                t.set_position(to_data.transform((x + mx, y + my)))
    fit_texts(ax, texts, renderer)
    return len(overlapping(texts, renderer))


def fit_texts(ax: Axes, texts: Sequence[Text], renderer: Any = None) -> None:
    """Grow the axes' data limits so that every text lies inside the axes."""
    texts = [t for t in texts if t.get_visible() and t.get_text()]
    if not texts:
        return
    renderer = renderer or ax.figure.canvas.get_renderer()
    for _ in range(3):  # growing the limits shrinks the texts in data units: settle in a few rounds
        box = Bbox.union([t.get_window_extent(renderer) for t in texts])
        axes_box = ax.get_window_extent(renderer)
        if (
            axes_box.containsx(box.x0)
            and axes_box.containsx(box.x1)
            and axes_box.containsy(box.y0)
            and axes_box.containsy(box.y1)
        ):
            return
        to_data = ax.transData.inverted()
        (x0, y0), (x1, y1) = to_data.transform([[box.x0 - 4, box.y0 - 4], [box.x1 + 4, box.y1 + 4]])
        lo_x, hi_x = ax.get_xlim()
        lo_y, hi_y = ax.get_ylim()
        ax.set_xlim(min(lo_x, x0), max(hi_x, x1))
        ax.set_ylim(min(lo_y, y0), max(hi_y, y1))
