"""Timelines: how often each actor is mentioned per day, week, month, quarter or year.

:func:`mention_timeline` turns the MENTIONS table (and the CORPUS, for denominators and the full date
range) into a wide frame indexed by period start, one column per actor, ready for ``df.plot()`` or
:func:`helpers.plot_timeline`. It records how many articles stand behind every period
(``attrs["period_articles"]``), so that a share resting on two articles can be told from one resting on
two hundred: :func:`timeline_table` gives the tidy form with those counts, Wilson 95% intervals for
shares (Poisson intervals for counts on request) and a flag for periods below ``min_articles``.
Periods without a single article are gaps (NaN) in shares, never zeros. :func:`load_events` reads the
reference event list drawn as markers. (``timeline_table`` lives in :mod:`helpers.timetable` and
``load_events`` in :mod:`helpers.events`; both are importable from here too.)

What is counted (actors, dates, sources, roles, kinds, stories) is chosen as everywhere in the kit, by
keywords or a :class:`helpers.select.Selection` (``select=``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from .events import EVENT_COLUMNS, load_events  # noqa: F401 - re-exported: the event list lived here
from .options import moved_into, options_of
from .select import (  # noqa: F401 - re-exported: these helpers lived here before select.py
    CORPUS,
    MENTIONS,
    RollupOptions,
    Selection,
    checked,
    is_copy,
    kind_map,
    parent_map,
    root_of,
    to_utc_naive,
    utc_bound,
)
from .timetable import (  # noqa: F401 - re-exported: the tidy form lived here
    MIN_ARTICLES,
    TABLE_COLUMNS,
    period_articles,
    poisson_interval,
    timeline_table,
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


@dataclass(frozen=True)
class _Spec:
    """The options of one timeline: period alias, measure, grouping, rolling window and imprecise dates."""

    pf: str
    measure: str
    by: str | None
    rolling: int | None
    imprecise: str


def _selected(
    sel: Selection,
    mentions: pd.DataFrame,
    corpus: pd.DataFrame | None,
    by: str | None,
    rollup: bool,
    actors: pd.DataFrame | None,
) -> pd.DataFrame:
    """The mentions ``sel`` counts (any date), with a ``kind`` column for by="kind".

    Raises:
        ValueError: by="source" without a ``source`` column.
    """
    m = sel.mentions(mentions, dates=False, rollup=rollup, actors=actors, columns=("date_precision",), corpus=corpus)
    if by == "source" and "source" not in m.columns:
        raise ValueError("by='source' needs a 'source' column in mentions")
    if by == "kind" and "kind" not in m.columns:
        m["kind"] = m["entity"].map(kind_map(None, actors)).fillna("unknown")
    return m


def _in_range(m: pd.DataFrame, periods: pd.PeriodIndex, pf: str) -> pd.DataFrame:
    """The mentions within ``periods``, each with its ``period``."""
    m = m.assign(period=m["date"].dt.to_period(pf))
    return m[(m["period"] >= periods[0]) & (m["period"] <= periods[-1])] if len(periods) else m.iloc[0:0]


def _rolled(wide: pd.DataFrame, rolling: int | None) -> pd.DataFrame:
    """The trailing mean over ``rolling`` periods (``min_periods=1``), gaps kept; ``wide`` without one."""
    if not rolling:
        return wide
    gaps = wide.isna()
    return wide.rolling(int(rolling), min_periods=1).mean().mask(gaps)


def _describe(
    m: pd.DataFrame, n_periods: int, sel: Selection, spec: _Spec, left_out: tuple[int, int, int, int]
) -> dict[str, Any]:
    """Log what a timeline counted and left out; the timeline's attrs (all but ``period_articles``)."""
    n_undated, n_undated_mentions, n_imprecise, n_imprecise_mentions = left_out
    n_articles = int(m["doc_id"].nunique()) if "doc_id" in m.columns else 0
    note = f"; {n_undated} undated articles ({n_undated_mentions} mentions) left out" if n_undated else ""
    if n_imprecise:
        note += (
            f"; {n_imprecise} articles dated more coarsely than the {FREQ_NAMES[spec.pf]} "
            f"({n_imprecise_mentions} mentions) left out (imprecise='keep' counts them)"
        )
    logger.info(
        "timeline: %d mentions in %d articles over %d periods (%s, stories=%s)%s",
        len(m),
        n_articles,
        n_periods,
        spec.pf,
        sel.stories,
        note,
    )
    return {
        "undated_articles": n_undated,
        "undated_mentions": n_undated_mentions,
        "imprecise_articles": n_imprecise,
        "imprecise_mentions": n_imprecise_mentions,
        "mentions": len(m),
        "articles": n_articles,
        "measure": spec.measure,
        "freq": spec.pf,
        "stories": sel.stories,
        "by": spec.by,
        "rolling": int(spec.rolling) if spec.rolling else None,
        "selection": sel.describe(),
    }


@dataclass(frozen=True)
class TimelineOptions(RollupOptions):
    """The rarely changed knobs of :func:`helpers.mention_timeline` (``options=h.TimelineOptions(by="source")``).

    Attributes:
        rollup: count children under their top-level parent (ypg under sdf, irgc under iran); False by default.
        actors: the gazetteer's actors frame (parents and kinds); None: the mentions' columns.
        by: None, "source" (columns ``(source, actor)``) or "kind" (columns ``(kind, actor)``).
        rolling: mean over this many periods (trailing, ``min_periods=1``; periods without articles stay gaps), or
            None.
        imprecise: "drop" (default) leaves out articles dated more coarsely than the period (``2024`` or
            ``Nov 2024`` in a daily timeline) and counts them in ``attrs["imprecise_articles"]``; "keep" counts
            them at the start of their month or year.

    Raises:
        ValueError: a bad ``by``, ``rolling`` or ``imprecise``.
        TypeError: ``actors`` is not a DataFrame (see :class:`helpers.RollupOptions`).
    """

    by: Literal["source", "kind"] | None = None
    rolling: int | None = None
    imprecise: Imprecise = "drop"

    def __post_init__(self) -> None:
        super().__post_init__()
        _check_options("mentions", self.by, None, self.rolling, self.imprecise)


@moved_into(TimelineOptions)
@checked(frames={"mentions": MENTIONS}, optional={"corpus": CORPUS})
def mention_timeline(
    mentions: pd.DataFrame,
    corpus: pd.DataFrame | None = None,
    freq: str = "M",
    measure: Measure = "mentions",
    select: Selection | None = None,
    options: TimelineOptions | None = None,
    **criteria: Any,
) -> pd.DataFrame:
    """Mentions of each actor per period, as a wide frame (one column per actor).

    Args:
        mentions: MENTIONS table.
        corpus: CORPUS table; gives the full period range, the undated-article count, the articles behind each period
            and the denominators of ``share``. May be None for "mentions" and "articles" (range from the mentions; no
            article counts).
        freq: "D", "W" (Monday-Sunday weeks), "M", "Q" or "Y" ("ME"/"MS"... accepted).
        measure: "mentions" counts mentions; "articles" counts articles naming the actor at least once; "share" divides
            that by the number of articles published in the period (of that source when by="source"; all articles when
            by="kind"). A period without any article has no share (NaN: a gap, not a zero).
        select, **criteria: what is counted (:class:`helpers.select.Selection`: ``entities`` as ids, labels or aliases,
            in this column order, absent ones give zero columns, default every actor most mentioned first;
            ``start``/``end`` bound the period range, default the corpus's first and last dated article over all
            sources; ``sources``, ``roles``, ``kinds``, ``stories``).
        options: a :class:`helpers.TimelineOptions`: ``by`` ("source" or "kind": one column per group and actor),
            ``rolling`` (a trailing mean over periods), ``imprecise`` (articles dated more coarsely than ``freq``,
            from the ``date_precision`` of the corpus, else of the mentions: "drop" or "keep"), ``rollup`` and
            ``actors`` (None: the defaults).

    Returns:
        DataFrame indexed by period start (tz-naive UTC DatetimeIndex named "period"), covering every period of the
        range. Columns are actor ids (name "actor") or a MultiIndex (``by``, "actor"). ``attrs``: ``period_articles``
        (articles published per period, {"YYYY-MM-DD": n}, per source {source: {...}} for by="source"; empty without a
        corpus), ``undated_articles``, ``undated_mentions``, ``imprecise_articles``, ``imprecise_mentions``,
        ``mentions``, ``articles``, ``measure``, ``freq``, ``stories``, ``by``, ``rolling``, ``selection`` (a text of
        the criteria).

    Raises:
        ValueError: bad freq/measure/stories, an unknown actor, or measure="share" without a corpus.
        TypeError: ``options`` is not a :class:`helpers.TimelineOptions`.
    """
    opts = options_of(options, TimelineOptions)
    by, rolling, imprecise, actors = opts.by, opts.rolling, opts.imprecise, opts.actors
    spec = _Spec(period_freq(freq), measure, by, rolling, imprecise)
    _check_options(measure, by, corpus, rolling, imprecise)
    sel = Selection.of(select, **criteria)
    m = _selected(sel, mentions, corpus, by, opts.rollup, actors)
    dated, m, span, left_out = _split_undated(sel, m, corpus, spec.pf, imprecise)
    periods = _periods(sel, span, spec.pf)
    m, order = _chosen(sel, _in_range(m, periods, spec.pf))
    den = _articles_per_period(dated, periods, by)
    columns = _columns(m, order, by, mentions, actors, dated)
    wide = _rolled(_wide(m, periods, columns, spec, den), rolling)
    wide.index = pd.DatetimeIndex(periods.to_timestamp(how="start"), name="period")
    wide.attrs.update(_describe(m, len(periods), sel, spec, left_out), period_articles=_period_articles_attr(den))
    return wide


def _columns(
    m: pd.DataFrame,
    order: list[str],
    by: str | None,
    mentions: pd.DataFrame,
    actors: pd.DataFrame | None,
    corpus: pd.DataFrame | None,
) -> pd.Index:
    """The timeline's columns: actor ids in ``order``, or (source, actor) / (kind, actor) pairs for ``by``."""
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
    columns: pd.Index,
    spec: _Spec,
    den: pd.Series | pd.DataFrame | None,
) -> pd.DataFrame:
    """The wide frame over every period: zeros where nothing was said, NaN shares where nothing was published."""
    by, measure = spec.by, spec.measure
    keys = ["period"] + ([by] if by else []) + ["entity"]
    values = (
        m.groupby(keys, sort=False).size() if measure == "mentions" else m.groupby(keys, sort=False)["doc_id"].nunique()
    )
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
