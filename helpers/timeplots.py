"""Timeline figures: :func:`plot_timeline` draws a wide timeline from :func:`helpers.mention_timeline`.

Timelines are honest about what stands behind each point: grey bars give the articles published per
period, periods with fewer than ``min_articles`` are drawn hollow and counted in the legend, periods
without articles are gaps, and shares carry Wilson 95% bands. Events are numbered markers on the axis
with a table of the events under the figure; markers too close to read apart are merged ("3-5").
As every figure of the kit (see :mod:`helpers.plots`), it takes ``ax=None``, returns what it drew on and
never shows or prints.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import PercentFormatter
from matplotlib.transforms import blended_transform_factory

from .colours import LIGHT_GREY, actor_colours, group_colours
from .drawing import add_caption, new_axes, no_data, safe_text
from .names import labels as display_labels
from .options import moved_into, options_of
from .select import checked
from .timelines import FREQ_NAMES, MIN_ARTICLES, timeline_table

_LINESTYLES = ("-", "--", ":", "-.")
EVENT_GID = "event-badge"
ARTICLES_GID = "period-articles"
_MEASURES = {
    "mentions": "Mentions",
    "articles": "Articles naming each actor",
    "share": "Share of articles naming each actor",
}


# --------------------------------------------------------------------------------------------------
# events
# --------------------------------------------------------------------------------------------------
def _events_in(events: pd.DataFrame | None, timeline: pd.DataFrame | None) -> pd.DataFrame:
    """The events dated inside the timeline's range (none for an empty timeline)."""
    if events is None or not len(events) or timeline is None or not len(timeline):
        return pd.DataFrame(columns=["date", "event"])
    dates = pd.to_datetime(events["date"], utc=True).dt.tz_convert(None)
    lo, hi = (
        t.tz_convert("UTC").tz_localize(None) if t.tzinfo is not None else t
        for t in (pd.Timestamp(timeline.index[0]), pd.Timestamp(timeline.index[-1]))
    )
    inside = ((dates >= lo) & (dates <= hi)).to_numpy()
    return pd.DataFrame({"date": dates[inside].to_numpy(), "event": events.loc[inside, "event"].to_numpy()})


def _table_height(n: int) -> float:
    """Inches a table of n events takes under a figure (see :func:`helpers.drawing.add_caption`)."""
    return 0.0 if not n else 0.25 + 0.135 * math.ceil(n / (1 if n <= 8 else 2 if n <= 30 else 3))


def _event_entries(events: pd.DataFrame) -> list[str]:
    """The numbered lines of the events table."""
    return [
        f"{i}   {pd.Timestamp(d):%d %b %Y}   {e}"
        for i, (d, e) in enumerate(zip(events["date"], events["event"]), start=1)
    ]


def _badge_groups(ax: Axes, xs: np.ndarray, renderer: Any) -> list[tuple[int, int]]:
    """Runs (first, last) of event indices whose numbered markers are merged so none overlaps."""
    px = ax.transData.transform(np.c_[xs, np.zeros(len(xs))])[:, 0]

    def extent(g: tuple[int, int]) -> tuple[float, float]:
        label = str(g[0] + 1) if g[0] == g[1] else f"{g[0] + 1}–{g[1] + 1}"
        width = (len(label) * 0.62 + 1.2) * 7 * ax.figure.dpi / 72  # 7-point digits and the box padding
        centre = float(np.mean(px[g[0] : g[1] + 1]))
        return centre - width / 2 - 2, centre + width / 2 + 2

    groups: list[tuple[int, int]] = []
    for i in range(len(xs)):
        groups.append((i, i))
        while len(groups) > 1 and extent(groups[-2])[1] > extent(groups[-1])[0]:
            last = groups.pop()
            groups[-1] = (groups[-1][0], last[1])
    return groups


def _draw_events(ax: Axes, events: pd.DataFrame, badges: bool = True, settle: bool = True) -> None:
    """Dotted lines at the events, and numbered markers at the top of the axes (merged where crowded).

    The markers are placed in display units, so the layout is settled first (``settle=False`` when the
    caller has just done it for several panels).
    """
    if not len(events):
        return
    xs = mdates.date2num(pd.to_datetime(events["date"]).to_numpy())
    for x in xs:
        ax.axvline(x, color="0.45", lw=0.8, ls=":", zorder=1)
    if not badges:
        return
    if settle:
        ax.figure.draw_without_rendering()
    for first, last in _badge_groups(ax, xs, ax.figure.canvas.get_renderer()):
        label = str(first + 1) if first == last else f"{first + 1}–{last + 1}"
        ax.annotate(
            label,
            xy=(float(np.mean(xs[first : last + 1])), 1.0),
            xycoords=("data", "axes fraction"),
            xytext=(0, -3),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=7,
            color="0.15",
            zorder=6,
            annotation_clip=False,
            gid=EVENT_GID,
            bbox={"boxstyle": "round,pad=0.25", "fc": "white", "ec": "0.45", "lw": 0.6},
        )


def event_badges(fig: Figure) -> list[Any]:
    """The numbered event markers drawn in ``fig`` (for checks)."""
    return [t for ax in fig.axes for t in ax.texts if t.get_gid() == EVENT_GID]


# --------------------------------------------------------------------------------------------------
# timelines
# --------------------------------------------------------------------------------------------------
def _columns(timeline: pd.DataFrame) -> tuple[list[Any], list[str], list[str], bool]:
    """The columns, the actors and groups they name (in order), and whether they are (group, actor) pairs."""
    cols = list(timeline.columns)
    multi = isinstance(timeline.columns, pd.MultiIndex)
    actors = list(dict.fromkeys(str(c[-1]) if multi else str(c) for c in cols))
    groups = list(dict.fromkeys(str(c[0]) for c in cols)) if multi else []
    return cols, actors, groups, multi


def _styles(timeline: pd.DataFrame, colors: Mapping[str, str] | None, ids: bool) -> dict[Any, dict[str, Any]]:
    """Colour, line style and label of every column; repeated colours get different line styles."""
    cols, actors, groups, multi = _columns(timeline)
    names = display_labels(actors) if not ids else {a: a for a in actors}
    by_group = multi and len(actors) == 1 and len(groups) > 1
    palette = group_colours(groups) if by_group else actor_colours(actors)
    palette.update({str(k): v for k, v in (colors or {}).items()})
    out: dict[Any, dict[str, Any]] = {}
    used: dict[str, int] = {}
    for col in cols:
        actor, group = (str(col[-1]), str(col[0])) if multi else (str(col), None)
        colour = palette[group] if by_group else palette[actor]
        if multi and not by_group:
            ls = _LINESTYLES[groups.index(group) % len(_LINESTYLES)]
            label = f"{names[actor]} ({group})"
        else:
            ls = _LINESTYLES[used.get(colour, 0) % len(_LINESTYLES)]
            used[colour] = used.get(colour, 0) + 1
            label = group if by_group else names[actor]
        out[col] = {"color": colour, "ls": ls, "label": safe_text(label)}
    return out


def _series_table(timeline: pd.DataFrame, min_articles: int, interval: str | None) -> dict[Any, pd.DataFrame]:
    """Per column: value, articles, low, high, thin, indexed by period (gaps where nothing was published)."""
    table = timeline_table(timeline, min_articles=min_articles, interval=interval)
    by = timeline.attrs.get("by")
    keys = [by, "actor"] if by else ["actor"]
    out = {}
    for key, part in table.groupby(keys, sort=False):
        col = tuple(str(k) for k in key) if by else str(key[0] if isinstance(key, tuple) else key)
        part = part.set_index("period")
        gap = part["articles"] == 0
        part.loc[gap, ["value", "low", "high"]] = np.nan
        out[col] = part
    return {col: out.get(tuple(map(str, col)) if isinstance(col, tuple) else str(col)) for col in timeline.columns}


def _draw_series(ax: Axes, part: pd.DataFrame, style: dict[str, Any], many: bool, band_alpha: float = 0.14) -> None:
    """One column's line, its interval band, and its points (hollow for thin periods; only those when many)."""
    x = part.index
    y = part["value"].to_numpy(dtype=float)
    ax.plot(x, y, lw=1.6, zorder=3, **style)
    low, high = part["low"].to_numpy(dtype=float), part["high"].to_numpy(dtype=float)
    if np.isfinite(low).any():
        ax.fill_between(x, low, high, color=style["color"], alpha=band_alpha, lw=0, zorder=2)
    thin = part["thin"].to_numpy(dtype=bool)
    if not many:
        ax.plot(x[~thin], y[~thin], ls="", marker="o", ms=3, color=style["color"], zorder=4)
    if thin.any():
        ax.plot(x[thin], y[thin], ls="", marker="o", ms=4.5, mfc="white", mec=style["color"], mew=1.1, zorder=5)


def _draw_articles(
    ax: Axes, timeline: pd.DataFrame, parts: dict[Any, pd.DataFrame], group: str | None = None
) -> int | None:
    """Grey bars of the articles published per period along the bottom quarter of the axes; the tallest.

    The bars' heights are in axes units (the tallest reaches a quarter of the axes), so they never change
    the y scale of the lines drawn over them.
    """
    first = next((p for c, p in parts.items() if p is not None and (group is None or str(c[0]) == group)), None)
    if first is None or first["articles"].isna().all():
        return None
    n = first["articles"].fillna(0).to_numpy(dtype=float)
    if group is None and timeline.attrs.get("by") == "source":
        actor = str(next(iter(parts))[-1])
        n = sum(
            (
                p["articles"].fillna(0).to_numpy(dtype=float)
                for c, p in parts.items()
                if p is not None and str(c[-1]) == actor
            ),
            np.zeros(len(first)),
        )
    x = mdates.date2num(first.index)
    step = np.diff(x).min() if len(x) > 1 else 20.0
    tallest = max(float(n.max()), 1.0)
    # one stepped area, not a bar per period: cheap to draw and to save as SVG however many periods
    ax.fill_between(
        np.r_[x, x[-1] + step],
        0,
        np.r_[n, n[-1]] / tallest * 0.25,
        step="post",
        color=LIGHT_GREY,
        lw=0,
        zorder=0,
        transform=blended_transform_factory(ax.transData, ax.transAxes),
        gid=ARTICLES_GID,
    )
    return int(n.max())


def _date_axis(ax: Axes) -> None:
    """Concise automatic date ticks."""
    locator = mdates.AutoDateLocator(minticks=3, maxticks=9)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _default_title(timeline: pd.DataFrame) -> str:
    """What is counted, per which period (and the rolling window)."""
    attrs = timeline.attrs
    what = _MEASURES.get(attrs.get("measure", ""), "Mentions")
    per = FREQ_NAMES.get(attrs.get("freq", ""), "period")
    extra = f", {attrs['rolling']}-{per} mean" if attrs.get("rolling") else ""
    return f"{what} per {per}{extra}"


def _legend_extras(
    parts: dict[Any, pd.DataFrame], min_articles: int, tallest: int | None, freq: str, share: bool
) -> list[Any]:
    """Legend entries beyond the lines: the interval band, the thin periods and the article bars."""
    handles = []
    thin = {p.index[i] for p in parts.values() if p is not None for i in np.flatnonzero(p["thin"].to_numpy())}
    if share and any(p is not None and np.isfinite(p["low"].to_numpy(dtype=float)).any() for p in parts.values()):
        handles.append(Patch(color="0.6", alpha=0.3, label="Wilson 95% interval"))
    if thin:
        handles.append(
            Line2D(
                [],
                [],
                ls="",
                marker="o",
                mfc="white",
                mec="0.3",
                label=(f"fewer than {min_articles} articles ({len(thin)} {FREQ_NAMES.get(freq, 'period')}s)"),
            )
        )
    if tallest is not None:
        handles.append(
            Patch(color=LIGHT_GREY, label=f"articles per {FREQ_NAMES.get(freq, 'period')} (tallest bar: {tallest:,})")
        )
    return handles


@dataclass(frozen=True)
class TimelinePlotOptions:
    """The rarely changed knobs of :func:`helpers.plot_timeline` (``options=h.TimelinePlotOptions(min_articles=5)``).

    Attributes:
        colors: {actor: colour} overriding :func:`actor_colors` (None: the kit's colours).
        min_articles: points of periods with fewer articles (but some) are drawn hollow and counted in the legend;
            grey bars show the articles of every period (timelines made with a corpus). ``MIN_ARTICLES`` (20).
        interval: bands of "auto" (Wilson 95% for shares), "wilson", "poisson" (counts) or None.
        ids: label actors by id instead of display name. False by default.

    Raises:
        ValueError: an ``interval`` other than "auto", "wilson", "poisson" or None, or a ``min_articles`` that is not
            a whole number.
    """

    colors: Mapping[str, str] | None = None
    min_articles: int = MIN_ARTICLES
    interval: Literal["auto", "wilson", "poisson"] | None = "auto"
    ids: bool = False

    def __post_init__(self) -> None:
        if self.interval not in ("auto", "wilson", "poisson", None):
            raise ValueError(f"interval must be 'auto', 'wilson', 'poisson' or None, not {self.interval!r}")
        if isinstance(self.min_articles, bool) or not isinstance(self.min_articles, (int, np.integer)):
            raise ValueError(f"min_articles must be a whole number of articles, not {self.min_articles!r}")


@dataclass(frozen=True)
class _Look:
    """How a timeline is drawn: title, colours, the thin-period threshold, bands, caption and id labels."""

    title: str | None
    colors: Mapping[str, str] | None
    min_articles: int
    interval: str | None
    caption: str | None
    ids: bool


@moved_into(TimelinePlotOptions)
@checked(optional={"timeline": "a result of h.mention_timeline(...)", "events": "an event table (h.load_events())"})
def plot_timeline(
    timeline: pd.DataFrame,
    ax: Axes | None = None,
    kind: Literal["lines", "small_multiples"] = "lines",
    events: pd.DataFrame | None = None,
    title: str | None = None,
    caption: str | None = None,
    options: TimelinePlotOptions | None = None,
) -> Axes | np.ndarray:
    """Draw a wide timeline from :func:`helpers.mention_timeline`.

    Args:
        timeline: frame indexed by period start, one column per actor (or (group, actor)).
        ax: Axes to draw on. For small multiples the area of ``ax`` is split into the panels.
        kind: "lines" (one line per column) or "small_multiples" (one panel per actor, shared x and y;
            with (group, actor) columns, one line per group in each panel, or one panel per group when
            the timeline holds a single actor).
        events: DataFrame[date, event] (e.g. :func:`helpers.load_events`): dotted lines and numbered
            markers for the events inside the timeline's range, listed in a table under the figure.
        title: figure title (default: what is counted, per which period).
        caption: the corpus and period (e.g. ``h.describe_corpus(corpus)``), written under the figure.
        options: a :class:`helpers.TimelinePlotOptions`: ``colors``, ``min_articles`` (the thin-period threshold),
            the ``interval`` bands and ``ids`` labels (None: the defaults).

    Returns:
        kind="lines": the Axes. kind="small_multiples": a 1-D numpy array with the Axes of each panel
        (unused grid cells are hidden). An empty timeline returns the Axes (lines) or a one-element
        array (small multiples) holding the "no data" note.

    Raises:
        ValueError: unknown ``kind``.
        TypeError: ``options`` is not a :class:`helpers.TimelinePlotOptions`.
    """
    if kind not in ("lines", "small_multiples"):
        raise ValueError(f"kind must be 'lines' or 'small_multiples', not {kind!r}")
    o = options_of(options, TimelinePlotOptions)
    empty = timeline is None or timeline.shape[0] == 0 or timeline.shape[1] == 0
    look = _Look(title, o.colors, o.min_articles, o.interval, caption, o.ids)
    if kind == "small_multiples":
        return _small_multiples(timeline, ax, events, look, empty)
    inside = _events_in(events, None if empty else timeline)
    ax = new_axes(ax, (9.5, 4.2 + _table_height(len(inside))))
    if empty:
        return no_data(ax, title)
    _draw_lines(ax, timeline, look)
    add_caption(ax.figure, caption, _timeline_note(timeline), entries=_event_entries(inside))
    _draw_events(ax, inside)
    return ax


def _draw_lines(ax: Axes, timeline: pd.DataFrame, look: _Look) -> None:
    """One line per column over the grey article bars, with the axes, legend and title."""
    styles = _styles(timeline, look.colors, look.ids)
    parts = _series_table(timeline, look.min_articles, look.interval)
    many = len(timeline) > 40
    tallest = _draw_articles(ax, timeline, parts)
    for col in timeline.columns:  # bands of many lines overlap: lighter
        _draw_series(ax, parts[col], styles[col], many, 0.14 if timeline.shape[1] <= 3 else 0.07)
    _finish_axes(ax, timeline)
    extras = _legend_extras(
        parts, look.min_articles, tallest, timeline.attrs.get("freq", ""), timeline.attrs.get("measure") == "share"
    )
    handles, _ = ax.get_legend_handles_labels()
    ax.legend(handles=handles + extras, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)
    ax.set_title(safe_text(look.title or _default_title(timeline)))


def _timeline_note(timeline: pd.DataFrame) -> str | None:
    """The caption's note: the selection and the undated or imprecise articles left out."""
    attrs = timeline.attrs
    parts = [attrs.get("selection")]
    if attrs.get("undated_articles"):
        parts.append(f"{attrs['undated_articles']:,} undated articles left out")
    if attrs.get("imprecise_articles"):
        parts.append(f"{attrs['imprecise_articles']:,} articles dated only to a coarser period left out")
    return "; ".join(p for p in parts if p) or None


def _finish_axes(ax: Axes, timeline: pd.DataFrame) -> None:
    """The x range, date ticks, y from zero (percent for shares), the y label and grid."""
    x = timeline.index
    if len(x) > 1:
        ax.set_xlim(x[0], x[-1])
    else:
        ax.set_xlim(x[0] - pd.Timedelta(days=20), x[0] + pd.Timedelta(days=20))
    _date_axis(ax)
    ax.set_ylim(bottom=0)
    if timeline.attrs.get("measure") == "share":
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_ylabel(
        {"mentions": "mentions", "articles": "articles naming", "share": "share of articles"}.get(
            timeline.attrs.get("measure", ""), ""
        )
    )
    ax.grid(axis="y", color="0.92")


def _panels(timeline: pd.DataFrame) -> tuple[list[str], str]:
    """Panel keys and what they are: actors, or groups (sources) when the timeline holds one actor."""
    _, actors, groups, multi = _columns(timeline)
    if multi and len(actors) == 1 and len(groups) > 1:
        return groups, "group"
    return actors, "actor"


def _small_multiples(
    timeline: pd.DataFrame | None, ax: Axes | None, events: pd.DataFrame | None, look: _Look, empty: bool
) -> np.ndarray:
    """One panel per actor (or per group when the timeline holds one actor), shared axes; the panels' Axes."""
    keys, what = ([], "actor") if empty else _panels(timeline)
    n = max(1, len(keys))
    ncols = n if n <= 2 else 2 if n <= 4 else 3 if n <= 9 else 4
    inside = _events_in(events, None if empty else timeline)
    fig, grid = _grid(ax, math.ceil(n / ncols), ncols, _table_height(len(inside)))
    if empty:
        return np.array([no_data(fig.add_subplot(grid[:, :]), look.title)], dtype=object)
    styles = _styles(timeline, look.colors, look.ids)
    parts = _series_table(timeline, look.min_articles, look.interval)
    names = display_labels(keys) if what == "actor" and not look.ids else {k: k for k in keys}
    axes: list[Axes] = []
    for i, key in enumerate(keys):
        share_with = axes[0] if axes else None
        panel = fig.add_subplot(grid[divmod(i, ncols)], sharex=share_with, sharey=share_with)
        _draw_panel(panel, timeline, _Panel(key, what, names[key]), parts, styles)
        if i % ncols:
            panel.set_ylabel("")
        if i < n - ncols:
            panel.tick_params(labelbottom=False)
        axes.append(panel)
    _panels_legend(fig, timeline, parts, look, what)
    fig.suptitle(safe_text(look.title or _default_title(timeline)))
    add_caption(
        fig, look.caption, _timeline_note(timeline), "grey bars: articles per period", entries=_event_entries(inside)
    )
    if len(inside):
        fig.draw_without_rendering()  # once for every panel's markers
    for i, panel in enumerate(axes):
        _draw_events(panel, inside, badges=i < ncols, settle=False)
    return np.array(axes, dtype=object)


def _grid(ax: Axes | None, nrows: int, ncols: int, table_height: float) -> tuple[Figure, Any]:
    """The figure and the grid of panels: a new figure, or the area of ``ax`` (which is removed)."""
    if ax is None:
        fig = plt.figure(figsize=(3.4 * ncols + 1.6, 2.4 * nrows + 1.2 + table_height), layout="constrained")
        return fig, fig.add_gridspec(nrows, ncols)
    fig, grid = ax.figure, ax.get_subplotspec().subgridspec(nrows, ncols)
    ax.remove()
    return fig, grid


@dataclass(frozen=True)
class _Panel:
    """One small multiple: its key (an actor or a group), what the keys are, and its title."""

    key: str
    what: str
    name: str


def _draw_panel(
    panel: Axes,
    timeline: pd.DataFrame,
    spec: _Panel,
    parts: dict[Any, pd.DataFrame],
    styles: dict[Any, dict[str, Any]],
) -> None:
    """The article bars and the lines of the columns of one panel, with its axes and title."""
    key, what = spec.key, spec.what
    cols = [
        c
        for c in timeline.columns
        if str(c[-1] if what == "actor" and isinstance(c, tuple) else (c[0] if isinstance(c, tuple) else c)) == key
    ]
    _draw_articles(panel, timeline, {c: parts[c] for c in cols}, group=key if what == "group" else None)
    for col in cols:
        style = dict(styles[col])
        if what == "group":
            style["label"] = safe_text(spec.name)
        _draw_series(panel, parts[col], style, len(timeline) > 40)
    _finish_axes(panel, timeline)
    panel.set_title(safe_text(spec.name), fontsize=9)


def _panels_legend(fig: Figure, timeline: pd.DataFrame, parts: dict[Any, pd.DataFrame], look: _Look, what: str) -> None:
    """The figure's legend: line styles of the groups (actor panels of grouped columns), bands, thin periods."""
    extras = _legend_extras(
        parts, look.min_articles, None, timeline.attrs.get("freq", ""), timeline.attrs.get("measure") == "share"
    )
    if isinstance(timeline.columns, pd.MultiIndex) and what == "actor":
        extras = [
            Line2D([], [], color="0.3", ls=_LINESTYLES[i % len(_LINESTYLES)], label=safe_text(g))
            for i, g in enumerate(_columns(timeline)[2])
        ] + extras
    if extras:
        fig.legend(handles=extras, loc="outside right upper", frameon=False, fontsize=8)
