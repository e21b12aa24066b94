"""Timelines: how often each actor is mentioned per day, week, month, quarter or year.

:func:`mention_timeline` turns the MENTIONS table (and the CORPUS, for denominators and the full date
range) into a wide frame indexed by period start, one column per actor, ready for ``df.plot()`` or
:func:`helpers.plot_timeline`. It records how many articles stand behind every period
(``attrs["period_articles"]``), so that a share resting on two articles can be told from one resting on
two hundred: :func:`timeline_table` gives the tidy form with those counts, Wilson 95% intervals for
shares (Poisson intervals for counts on request) and a flag for periods below ``min_articles``.
Periods without a single article are gaps (NaN) in shares, never zeros. :func:`load_events` reads the
reference event list drawn as markers.

What is counted (actors, dates, sources, roles, kinds, stories) is chosen as everywhere in the kit, by
keywords or a :class:`helpers.select.Selection` (``select=``).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from . import packs
from .review import wilson_interval
from .select import (  # noqa: F401 - re-exported: these helpers lived here before select.py
    CORPUS,
    MENTIONS,
    Selection,
    checked,
    is_copy,
    kind_map,
    parent_map,
    root_of,
    to_utc_naive,
    utc_bound,
)

logger = logging.getLogger(__name__)

Measure = Literal["mentions", "articles", "share"]
Imprecise = Literal["drop", "keep"]
#: Date precisions too coarse for each period: a year-only date says nothing about its month.
_TOO_COARSE: dict[str, tuple[str, ...]] = {
    "D": ("month", "year"),
    "W": ("month", "year"),
    "M": ("year",),
    "Q": ("year",),
    "Y": (),
}
Stories = Literal["unique", "all"]

#: Accepted spellings of each frequency -> the pandas *period* alias used internally.
#: Pandas 3 spells month-end offsets "ME" and month-start "MS"; periods keep "M", "Q", "Y".
_FREQS: dict[str, str] = {
    "D": "D",
    "W": "W",
    "M": "M",
    "ME": "M",
    "MS": "M",
    "Q": "Q",
    "QE": "Q",
    "QS": "Q",
    "Y": "Y",
    "YE": "Y",
    "YS": "Y",
    "A": "Y",
}
FREQ_NAMES: dict[str, str] = {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year"}
#: Periods with fewer articles than this are flagged (drawn hollow) by default.
MIN_ARTICLES = 5

EVENT_COLUMNS: tuple[str, ...] = ("date", "event", "actors", "category")
TABLE_COLUMNS: tuple[str, ...] = ("period", "actor", "value", "articles", "low", "high", "thin")


def period_freq(freq: str) -> str:
    """Translate a user frequency ("D", "W", "M", "Q", "Y" or a pandas spelling) to a period alias.

    Raises:
        ValueError: unknown frequency (the message lists the accepted ones).
    """
    key = str(freq).strip()
    if key.upper() in _FREQS:
        return _FREQS[key.upper()]
    raise ValueError(f"unknown freq {freq!r}: use one of 'D', 'W', 'M', 'Q', 'Y'")


# --------------------------------------------------------------------------------------------------
# timeline
# --------------------------------------------------------------------------------------------------
def _check_options(measure: str, by: Any, corpus: Any, rolling: Any, imprecise: str = "drop") -> None:
    if imprecise not in ("drop", "keep"):
        raise ValueError(f"imprecise must be 'drop' or 'keep', not {imprecise!r}")
    if measure not in ("mentions", "articles", "share"):
        raise ValueError(f"measure must be 'mentions', 'articles' or 'share', not {measure!r}")
    if by not in (None, "source", "kind"):
        raise ValueError(f"by must be None, 'source' or 'kind', not {by!r}")
    if measure == "share" and corpus is None:
        raise ValueError("measure='share' needs the corpus (articles per period are the denominator)")
    if rolling is not None and (not isinstance(rolling, (int, np.integer)) or int(rolling) < 1):
        raise ValueError(f"rolling must be a positive whole number of periods, not {rolling!r}")


def too_coarse(corpus: pd.DataFrame, pf: str) -> pd.Series:
    """Articles dated more coarsely than the period ``pf`` (``Nov 2024`` in a daily timeline, ``2024`` in a
    monthly one): placing them at the start of their month or year would invent counts for it.

    Returns:
        A boolean Series on ``corpus``'s index (all False without a ``date_precision`` column).
    """
    if "date_precision" not in corpus.columns or not _TOO_COARSE[pf]:
        return pd.Series(False, index=corpus.index)
    return corpus["date"].notna() & corpus["date_precision"].astype(str).isin(_TOO_COARSE[pf])


def _split_corpus(
    sel: Selection, corpus: pd.DataFrame, pf: str, imprecise: str
) -> tuple[pd.DataFrame, set[str], set[str], pd.Series]:
    """The dated articles a timeline counts, the ids of undated ones and of imprecise ones (dated more
    coarsely than the period; left out unless ``imprecise="keep"``), and the dates spanning the range."""
    c = sel.articles(corpus, dates=False)
    coarse = too_coarse(c, pf) if imprecise == "drop" else pd.Series(False, index=c.index)
    undated_ids = set(c.loc[c["date"].isna(), "doc_id"])
    imprecise_ids = set(c.loc[coarse, "doc_id"])
    dated = c[c["date"].notna() & ~coarse]
    # the range comes from the whole corpus, so timelines of different sources line up
    span = dated["date"]
    if sel.sources is not None:
        every = Selection(stories=sel.stories).articles(corpus, dates=False)
        span = every.loc[~(too_coarse(every, pf) if imprecise == "drop" else False), "date"].dropna()
    return dated, undated_ids, imprecise_ids, span


def _periods(sel: Selection, span: pd.Series, pf: str) -> pd.PeriodIndex:
    """Every period from the selection's start (else the first date) to its end (else the last)."""
    p_lo = pd.Period(sel.start, freq=pf) if sel.start is not None else None
    p_hi = pd.Period(sel.end, freq=pf) if sel.end is not None else None
    if p_lo is None and len(span):
        p_lo = span.min().to_period(pf)
    if p_hi is None and len(span):
        p_hi = span.max().to_period(pf)
    if p_lo is not None and p_hi is not None and p_lo <= p_hi:
        return pd.period_range(p_lo, p_hi, freq=pf)
    return pd.PeriodIndex([], freq=pf)


def _articles_per_period(
    dated: pd.DataFrame | None, periods: pd.PeriodIndex, by: str | None
) -> pd.Series | pd.DataFrame | None:
    """Articles published per period (a Series), or per period and source (a frame) for by="source"."""
    if dated is None:
        return None
    per = dated["date"].dt.to_period(periods.freqstr if len(periods) else "D") if len(dated) else None
    if by == "source":
        if per is None:
            return pd.DataFrame(index=periods, dtype=np.int64)
        table = dated.assign(period=per).groupby(["period", "source"]).size().unstack("source")
        return table.reindex(index=periods).fillna(0).astype(np.int64)
    if per is None:
        return pd.Series(0, index=periods, dtype=np.int64)
    return per.value_counts().reindex(periods).fillna(0).astype(np.int64)


def _period_articles_attr(den: pd.Series | pd.DataFrame | None) -> dict[str, Any]:
    """Articles per period as plain dicts keyed by ISO date (attrs must compare with ``==``)."""
    if den is None:
        return {}
    if isinstance(den, pd.DataFrame):
        return {str(src): {p.start_time.date().isoformat(): int(n) for p, n in den[src].items()} for src in den.columns}
    return {p.start_time.date().isoformat(): int(n) for p, n in den.items()}


def _split_undated(
    sel: Selection, m: pd.DataFrame, corpus: pd.DataFrame | None, pf: str, imprecise: str
) -> tuple[pd.DataFrame | None, pd.DataFrame, pd.Series, tuple[int, int, int, int]]:
    """The selected dated articles (None without a corpus), the mentions counted, the dates that set the
    range (the whole corpus's, so timelines of different sources line up, else the mentions'), and the
    undated articles and mentions and the imprecise ones (dated more coarsely than ``pf``) left out."""
    has_ids = "doc_id" in m.columns
    if corpus is not None:
        dated, undated_ids, imprecise_ids, span = _split_corpus(sel, corpus, pf, imprecise)
        if not len(span):
            span = m["date"].dropna()
    else:
        dated = None
        undated_ids = set(m.loc[m["date"].isna(), "doc_id"]) if has_ids else set()
        # the articles' precision, carried by the mentions
        imprecise_ids = set(m.loc[too_coarse(m, pf), "doc_id"]) if imprecise == "drop" and has_ids else set()
    undated_m = m["date"].isna() | (m["doc_id"].isin(undated_ids) if has_ids else False)
    imprecise_m = ~undated_m & (m["doc_id"].isin(imprecise_ids) if has_ids else False)
    m = m[~(undated_m | imprecise_m)]
    if corpus is None:
        span = m["date"].dropna()
    return dated, m, span, (len(undated_ids), int(undated_m.sum()), len(imprecise_ids), int(imprecise_m.sum()))


def _chosen(sel: Selection, m: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """The mentions of the selected actors and the column order: as selected, else most mentioned first."""
    ids = sel.entity_ids(m["entity"].unique())
    if ids is not None:
        return m[m["entity"].isin(ids)], ids
    counts = m["entity"].value_counts()
    return m, sorted(counts.index, key=lambda e: (-counts[e], e))


@checked(frames={"mentions": MENTIONS}, optional={"corpus": CORPUS, "actors": "the gazetteer's .actors frame"})
def mention_timeline(
    mentions: pd.DataFrame,
    corpus: pd.DataFrame | None = None,
    freq: str = "M",
    measure: Measure = "mentions",
    by: Literal["source", "kind"] | None = None,
    rolling: int | None = None,
    rollup: bool = False,
    actors: pd.DataFrame | None = None,
    select: Selection | None = None,
    imprecise: Imprecise = "drop",
    **criteria: Any,
) -> pd.DataFrame:
    """Mentions of each actor per period, as a wide frame (one column per actor).

    Args:
        mentions: MENTIONS table.
        corpus: CORPUS table; gives the full period range, the undated-article count, the articles
            behind each period and the denominators of ``share``. May be None for "mentions" and
            "articles" (range from the mentions; no article counts).
        freq: "D", "W" (Monday-Sunday weeks), "M", "Q" or "Y" ("ME"/"MS"... accepted).
        measure: "mentions" counts mentions; "articles" counts articles naming the actor at least
            once; "share" divides that by the number of articles published in the period (of that
            source when by="source"; all articles when by="kind"). A period without any article has
            no share (NaN: a gap, not a zero).
        by: None, "source" (columns ``(source, actor)``) or "kind" (columns ``(kind, actor)``).
        rolling: mean over this many periods (trailing, ``min_periods=1``; periods without articles
            stay gaps), or None.
        rollup: count children under their top-level parent (ypg under sdf, irgc under iran).
        actors: optional gazetteer actors frame (parents and kinds); else the mentions' columns.
        select, **criteria: what is counted (:class:`helpers.select.Selection`: ``entities`` as ids,
            labels or aliases, in this column order, absent ones give zero columns, default every actor
            most mentioned first; ``start``/``end`` bound the period range, default the corpus's first
            and last dated article over all sources; ``sources``, ``roles``, ``kinds``, ``stories``).
        imprecise: "drop" (default) leaves out articles dated more coarsely than ``freq`` (``2024`` or
            ``Nov 2024`` in a daily timeline; from the ``date_precision`` of the corpus, else of the
            mentions) and counts them in
            ``attrs["imprecise_articles"]``; "keep" counts them at the start of their month or year.

    Returns:
        DataFrame indexed by period start (tz-naive UTC DatetimeIndex named "period"), covering every
        period of the range. Columns are actor ids (name "actor") or a MultiIndex (``by``, "actor").
        ``attrs``: ``period_articles`` (articles published per period, {"YYYY-MM-DD": n}, per source
        {source: {...}} for by="source"; empty without a corpus), ``undated_articles``,
        ``undated_mentions``, ``imprecise_articles``, ``imprecise_mentions``, ``mentions``, ``articles``,
        ``measure``, ``freq``, ``stories``, ``by``, ``rolling``, ``selection`` (a text of the criteria).

    Raises:
        ValueError: bad freq/measure/by/stories/rolling, an unknown actor, or measure="share" without
            a corpus.
    """
    pf = period_freq(freq)
    _check_options(measure, by, corpus, rolling, imprecise)
    sel = Selection.of(select, **criteria)
    m = sel.mentions(mentions, dates=False, rollup=rollup, actors=actors, columns=("date_precision",), corpus=corpus)
    if by == "source" and "source" not in m.columns:
        raise ValueError("by='source' needs a 'source' column in mentions")
    if by == "kind" and "kind" not in m.columns:
        m["kind"] = m["entity"].map(kind_map(None, actors)).fillna("unknown")

    dated, m, span, left_out = _split_undated(sel, m, corpus, pf, imprecise)
    n_undated, n_undated_mentions, n_imprecise, n_imprecise_mentions = left_out

    periods = _periods(sel, span, pf)
    m = m.assign(period=m["date"].dt.to_period(pf))
    m = m[(m["period"] >= periods[0]) & (m["period"] <= periods[-1])] if len(periods) else m.iloc[0:0]
    m, order = _chosen(sel, m)

    den = _articles_per_period(dated, periods, by)
    wide = _wide(m, periods, order, by, measure, den, mentions, actors, corpus=dated)
    if rolling:
        gaps = wide.isna()
        wide = wide.rolling(int(rolling), min_periods=1).mean().mask(gaps)
    wide.index = pd.DatetimeIndex(periods.to_timestamp(how="start"), name="period")

    n_articles = int(m["doc_id"].nunique()) if "doc_id" in m.columns else 0
    note = f"; {n_undated} undated articles ({n_undated_mentions} mentions) left out" if n_undated else ""
    if n_imprecise:
        note += (
            f"; {n_imprecise} articles dated more coarsely than the {FREQ_NAMES[pf]} "
            f"({n_imprecise_mentions} mentions) left out (imprecise='keep' counts them)"
        )
    logger.info(
        "timeline: %d mentions in %d articles over %d periods (%s, stories=%s)%s",
        len(m),
        n_articles,
        len(periods),
        pf,
        sel.stories,
        note,
    )
    wide.attrs.update(
        {
            "undated_articles": n_undated,
            "undated_mentions": n_undated_mentions,
            "imprecise_articles": n_imprecise,
            "imprecise_mentions": n_imprecise_mentions,
            "mentions": len(m),
            "articles": n_articles,
            "measure": measure,
            "freq": pf,
            "stories": sel.stories,
            "by": by,
            "rolling": int(rolling) if rolling else None,
            "selection": sel.describe(),
            "period_articles": _period_articles_attr(den),
        }
    )
    return wide


def _columns(
    m: pd.DataFrame,
    order: list[str],
    by: str | None,
    mentions: pd.DataFrame,
    actors: pd.DataFrame | None,
    corpus: pd.DataFrame | None,
) -> pd.Index:
    if by is None:
        return pd.Index(order, name="actor")
    if by == "source":
        groups = sorted(set(m["source"].dropna()) | (set(corpus["source"].dropna()) if corpus is not None else set()))
        return pd.MultiIndex.from_product([groups, order], names=[by, "actor"])
    kinds = kind_map(mentions, actors)
    present = m[["kind", "entity"]].drop_duplicates()
    pairs = list(zip(present["kind"], present["entity"]))
    pairs += [(kinds.get(e, "unknown"), e) for e in order if e not in set(present["entity"])]
    rank = {e: i for i, e in enumerate(order)}
    pairs = sorted(set(pairs), key=lambda ke: (ke[0], rank.get(ke[1], len(rank))))
    return (
        pd.MultiIndex.from_tuples(pairs, names=[by, "actor"])
        if pairs
        else pd.MultiIndex.from_tuples([], names=[by, "actor"])
    )


def _wide(
    m: pd.DataFrame,
    periods: pd.PeriodIndex,
    order: list[str],
    by: str | None,
    measure: str,
    den: pd.Series | pd.DataFrame | None,
    mentions: pd.DataFrame,
    actors: pd.DataFrame | None,
    corpus: pd.DataFrame | None,
) -> pd.DataFrame:
    """The wide frame over every period: zeros where nothing was said, NaN shares where nothing was published."""
    keys = ["period"] + ([by] if by else []) + ["entity"]
    values = (
        m.groupby(keys, sort=False).size() if measure == "mentions" else m.groupby(keys, sort=False)["doc_id"].nunique()
    )
    columns = _columns(m, order, by, mentions, actors, corpus)
    levels = "entity" if by is None else [by, "entity"]
    wide = values.unstack(levels) if len(values) else pd.DataFrame(index=pd.PeriodIndex([], freq=periods.freq))
    wide = wide.reindex(index=periods, columns=columns).fillna(0)
    if measure != "share":
        return wide.astype(np.int64)
    wide = wide.astype(float)
    if den is None or not len(wide.columns):
        return wide
    if by == "source":
        den_wide = den.reindex(columns=wide.columns.get_level_values(0)).to_numpy(dtype=float)
    else:
        den_wide = np.repeat(den.to_numpy(dtype=float)[:, None], wide.shape[1], axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(den_wide > 0, wide.to_numpy() / np.where(den_wide > 0, den_wide, 1), np.nan)
    return pd.DataFrame(share, index=wide.index, columns=wide.columns)


@checked(frames={"corpus": CORPUS})
def article_counts(
    corpus: pd.DataFrame,
    freq: str = "M",
    select: Selection | None = None,
    imprecise: Imprecise = "drop",
    **criteria: Any,
) -> pd.DataFrame:
    """Articles published per period (one column, "articles"), over every period from the first to the last.

    Args:
        corpus: CORPUS table.
        freq: "D", "W", "M", "Q" or "Y".
        select, **criteria: which articles (``start``/``end``, ``sources``, ``stories``; undated ones are
            counted in ``attrs["undated_articles"]``).
        imprecise: "drop" leaves out articles dated more coarsely than ``freq`` (counted in
            ``attrs["imprecise_articles"]``); "keep" counts them at the start of their month or year.

    Returns:
        A timeline-shaped frame (index "period", column "articles"); periods without articles are 0.
    """
    pf = period_freq(freq)
    _check_options("articles", None, corpus, None, imprecise)
    sel = Selection.of(select, **criteria)
    c = sel.articles(corpus, dates=False)
    coarse = too_coarse(c, pf) if imprecise == "drop" else pd.Series(False, index=c.index)
    dated = c[c["date"].notna() & ~coarse]
    periods = _periods(sel, dated["date"], pf)
    counts = _articles_per_period(
        dated[dated["date"].dt.to_period(pf).isin(periods)] if len(periods) else dated, periods, None
    )
    out = pd.DataFrame(
        {"articles": counts.to_numpy(dtype=np.int64)},
        index=pd.DatetimeIndex(periods.to_timestamp(how="start"), name="period"),
    )
    out.columns.name = "actor"
    out.attrs.update(
        {
            "measure": "articles",
            "freq": pf,
            "stories": sel.stories,
            "by": None,
            "rolling": None,
            "undated_articles": int(c["date"].isna().sum()),
            "imprecise_articles": int(coarse.sum()),
            "selection": sel.describe(),
            "period_articles": {},
        }
    )
    return out


def busiest_window(
    corpus: pd.DataFrame, days: int = 90, start: object = None, end: object = None, freq: str = "W"
) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """The dates a close-up charts: ``start``/``end`` when either is given, else ``days`` around the busiest period.

    Args:
        corpus: CORPUS table.
        days: width of the window centred on the period (``freq``) with the most articles.
        start, end: dates chosen by the reader; returned as they are (as UTC tz-naive) when either is set.
        freq: the period whose article counts find the busiest one.

    Returns:
        (start, end), or (None, None) when the corpus has no dated article (chart everything).
    """
    if start is not None or end is not None:
        return utc_bound(start), utc_bound(end)
    dates = to_utc_naive(corpus["date"]).dropna() if corpus is not None and "date" in corpus.columns else None
    if dates is None or not len(dates):
        return None, None
    per = dates.dt.to_period(period_freq(freq)).value_counts()
    busiest = min(per.index[per == per.max()]).start_time
    half = pd.Timedelta(days=int(days) // 2)
    return busiest - half, busiest + half


# --------------------------------------------------------------------------------------------------
# the articles behind each point, and intervals
# --------------------------------------------------------------------------------------------------
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
    if method is None or value != value:
        return math.nan, math.nan
    if method == "poisson":
        return poisson_interval(int(round(value)))
    if n != n or n <= 0:
        return math.nan, math.nan
    return wilson_interval(int(round(value * n)), int(n))


# --------------------------------------------------------------------------------------------------
# events
# --------------------------------------------------------------------------------------------------
def load_events(path: str | Path | Sequence[str] | None = None) -> pd.DataFrame:
    """Read the reference event list drawn as markers on timelines.

    Args:
        path: a CSV with columns ``date,event,actors,category`` (``actors`` semicolon-separated ids), or a
            conflict pack name or list of names (their ``events.csv``); default: the default packs' events.

    Returns:
        DataFrame[date (tz-naive UTC datetime64), event (str), actors (list of str), category (str)],
        sorted by date.

    Raises:
        FileNotFoundError: no file at ``path``.
        ValueError: an unknown pack, a required column missing or a date that cannot be parsed.
    """
    is_file = isinstance(path, Path) or (isinstance(path, str) and (path.endswith(".csv") or "/" in path))
    if not is_file:
        files = packs.events_files(path)
        frames = [_read_events(f) for f in files]
        if not frames:
            return pd.DataFrame(
                {"date": pd.Series([], dtype="datetime64[ns]"), "event": [], "actors": [], "category": []}
            )
        return pd.concat(frames, ignore_index=True).sort_values("date", kind="stable").reset_index(drop=True)
    return _read_events(Path(path))


def _read_events(path: Path) -> pd.DataFrame:
    if not path.is_file():
        raise FileNotFoundError(
            f"load_events: no event list at {path}. Expected a CSV with columns "
            "date,event,actors,category (actors as semicolon-separated actor ids)."
        )
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in ("date", "event") if c not in raw.columns]
    if missing:
        raise ValueError(f"load_events: {path} lacks column(s) {', '.join(missing)}")
    dates = to_utc_naive(raw["date"].str.strip().replace("", None))
    bad = dates.isna()
    if bad.any():
        rows = ", ".join(str(i + 2) for i in np.flatnonzero(bad.to_numpy())[:5])
        raise ValueError(f"load_events: {path}: unparseable date on line(s) {rows}")
    actors_col = raw["actors"] if "actors" in raw.columns else pd.Series([""] * len(raw))
    events = pd.DataFrame(
        {
            "date": dates.to_numpy(),
            "event": raw["event"].str.strip().to_numpy(),
            "actors": [[a.strip() for a in str(v).split(";") if a.strip()] for v in actors_col],
            "category": (
                raw["category"].str.strip() if "category" in raw.columns else pd.Series([""] * len(raw))
            ).to_numpy(),
        }
    )
    events = events.sort_values("date", kind="stable").reset_index(drop=True)
    logger.info("events: %d events from %s", len(events), path)
    return events
