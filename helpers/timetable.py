"""The articles behind each point of a timeline, and intervals: the tidy form of a timeline.

:func:`timeline_table` turns a wide timeline (from :func:`helpers.timelines.mention_timeline`) into one row per
period and column, with the articles published in the period (``attrs["period_articles"]``), Wilson 95% intervals
for shares (exact Poisson intervals for counts on request) and a flag for periods resting on fewer than
``min_articles`` articles. :func:`period_articles` reads those article counts back from a timeline.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Literal

import numpy as np
import pandas as pd

from .review import wilson_interval
from .select import checked

#: Periods with fewer articles than this are flagged (drawn hollow) by default.
MIN_ARTICLES = 5
TABLE_COLUMNS: tuple[str, ...] = ("period", "actor", "value", "articles", "low", "high", "thin")


def period_articles(timeline: pd.DataFrame) -> pd.DataFrame | pd.Series | None:
    """Articles published in each period of ``timeline`` (a Series; a period x source frame for by="source").

    None when the timeline was made without a corpus (the counts are unknown).
    """
    per = timeline.attrs.get("period_articles") or {}
    if not per:
        return None
    index = pd.DatetimeIndex(timeline.index)
    keys = [t.date().isoformat() for t in index]
    first = next(iter(per.values()))
    if isinstance(first, Mapping):
        return pd.DataFrame({src: [int(d.get(k, 0)) for k in keys] for src, d in per.items()}, index=index)
    return pd.Series([int(per.get(k, 0)) for k in keys], index=index, name="articles")


def poisson_interval(k: int, z: float = 1.96) -> tuple[float, float]:
    """The exact (Garwood) interval for a Poisson count ``k`` at the confidence level of ``z``."""
    from scipy.stats import chi2, norm

    alpha = 2 * (1 - norm.cdf(z))
    low = 0.0 if k <= 0 else float(chi2.ppf(alpha / 2, 2 * k) / 2)
    return low, float(chi2.ppf(1 - alpha / 2, 2 * k + 2) / 2)


@checked(frames={"timeline": "a timeline from h.mention_timeline(...)"})
def timeline_table(
    timeline: pd.DataFrame,
    min_articles: int = MIN_ARTICLES,
    interval: Literal["auto", "wilson", "poisson"] | None = "auto",
) -> pd.DataFrame:
    """The tidy form of a timeline: one row per period and column, with the articles behind it.

    Args:
        timeline: output of :func:`mention_timeline`.
        min_articles: periods with fewer articles (but at least one) are flagged ``thin``.
        interval: "auto" (Wilson 95% for shares, none for counts), "wilson" (shares only), "poisson"
            (exact 95% interval of a count), or None.

    Returns:
        DataFrame[period, (by,) actor, value, articles, low, high, thin]: ``articles`` is the number of
        articles published in the period (of the source for by="source"; NaN when unknown); ``low`` and
        ``high`` bound the value (NaN without an interval, for gaps, and for rolling means); ``thin`` is
        True when 0 < articles < ``min_articles``.

    Raises:
        ValueError: a bad ``interval`` or a Wilson interval asked of counts.
    """
    if interval not in ("auto", "wilson", "poisson", None):
        raise ValueError(f"interval must be 'auto', 'wilson', 'poisson' or None, not {interval!r}")
    measure = timeline.attrs.get("measure", "mentions")
    if interval == "wilson" and measure != "share":
        raise ValueError("Wilson intervals are for shares: build the timeline with measure='share'")
    method = ("wilson" if measure == "share" else None) if interval == "auto" else interval
    if timeline.attrs.get("rolling"):
        method = None  # a rolling mean is not a proportion of one period's articles
    by = timeline.attrs.get("by")
    long = timeline.stack(list(range(timeline.columns.nlevels)), future_stack=True).rename("value").reset_index()
    long.columns = ["period"] + ([by] if by and timeline.columns.nlevels > 1 else []) + ["actor", "value"]
    by = by if by in long.columns else None
    per = period_articles(timeline)
    if per is None:
        long["articles"] = np.nan
    elif isinstance(per, pd.DataFrame):
        lookup = per.stack().to_dict()
        long["articles"] = [lookup.get((p, s), 0) for p, s in zip(long["period"], long[by])]
    else:
        long["articles"] = long["period"].map(per).to_numpy()
    bounds = [_interval(v, n, method) for v, n in zip(long["value"], long["articles"])]
    long["low"] = [lo for lo, _ in bounds]
    long["high"] = [hi for _, hi in bounds]
    long["thin"] = (long["articles"] > 0) & (long["articles"] < min_articles)
    return long[["period"] + ([by] if by else []) + list(TABLE_COLUMNS[1:])]


def _interval(value: float, n: float, method: str | None) -> tuple[float, float]:
    """The interval of one point by ``method`` (NaN bounds without a method, for gaps and unknown counts)."""
    if method is None or value != value:
        return math.nan, math.nan
    if method == "poisson":
        return poisson_interval(int(round(value)))
    if n != n or n <= 0:
        return math.nan, math.nan
    return wilson_interval(int(round(value * n)), int(n))


__all__ = ["MIN_ARTICLES", "TABLE_COLUMNS", "period_articles", "poisson_interval", "timeline_table"]
