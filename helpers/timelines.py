"""Timelines: how often each actor is mentioned per day, week, month, quarter or year.

:func:`mention_timeline` turns the MENTIONS table (and the CORPUS, for denominators and the full date
range) into a wide frame indexed by period start, one column per actor, ready for ``df.plot()`` or
:func:`helpers.plot_timeline`. :func:`load_events` reads the reference event list drawn as markers.

The mention-selection helpers (:func:`select_mentions`, :func:`select_articles`) are shared by the
other analyses of the kit (co-occurrence, source profiles) so that ``roles=``, ``stories=``,
``rollup=`` and ``sources=`` mean the same thing everywhere.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd

from . import packs

logger = logging.getLogger(__name__)

Measure = Literal["mentions", "articles", "share"]
Stories = Literal["unique", "all"]

#: Accepted spellings of each frequency -> the pandas *period* alias used internally.
#: Pandas 3 spells month-end offsets "ME" and month-start "MS"; periods keep "M", "Q", "Y".
_FREQS: dict[str, str] = {
    "D": "D", "W": "W", "M": "M", "ME": "M", "MS": "M",
    "Q": "Q", "QE": "Q", "QS": "Q", "Y": "Y", "YE": "Y", "YS": "Y", "A": "Y",
}

EVENT_COLUMNS: tuple[str, ...] = ("date", "event", "actors", "category")


# --------------------------------------------------------------------------------------------------
# shared selection helpers
# --------------------------------------------------------------------------------------------------
def period_freq(freq: str) -> str:
    """Translate a user frequency ("D", "W", "M", "Q", "Y" or a pandas spelling) to a period alias.

    Args:
        freq: "D" day, "W" week (Monday to Sunday), "M" month, "Q" quarter, "Y" year; the pandas
            offset spellings "ME"/"MS", "QE"/"QS", "YE"/"YS", "A" are accepted too.

    Returns:
        The pandas period alias ("D", "W", "M", "Q" or "Y").

    Raises:
        ValueError: unknown frequency.
    """
    key = str(freq).strip()
    if key.upper() in _FREQS:
        return _FREQS[key.upper()]
    raise ValueError(f"unknown freq {freq!r}: use one of 'D', 'W', 'M', 'Q', 'Y'")


def to_utc_naive(values: pd.Series | pd.Index | Sequence) -> pd.Series:
    """Parse dates as UTC and drop the time zone (the kit's periods are UTC, tz-naive).

    Args:
        values: datetimes (aware or naive) or strings; missing values stay NaT.

    Returns:
        A datetime64 Series without time zone.
    """
    parsed = pd.to_datetime(pd.Series(values), utc=True, errors="coerce")
    return parsed.dt.tz_convert(None)


def is_copy(duplicate_of: pd.Series) -> pd.Series:
    """True where a row is a syndicated copy (``duplicate_of`` set and not blank)."""
    s = duplicate_of.astype(object)
    return s.notna() & (s.astype(str).str.strip() != "")


def _plain(series: pd.Series) -> pd.Series:
    """Categorical/string columns as plain object columns of str (missing values kept)."""
    out = series.astype(object)
    return out.where(out.notna(), None)


def parent_map(mentions: pd.DataFrame | None = None, actors: pd.DataFrame | None = None) -> dict[str, str]:
    """Child -> parent ids, from ``actors`` (indexed by id, column ``parent``) else from the mentions.

    Args:
        mentions: MENTIONS table (columns ``entity``, ``parent``), used when ``actors`` is None.
        actors: the gazetteer's ``.actors`` frame (index id, column ``parent``), or None.

    Returns:
        A dict mapping every actor that has a parent to that parent.
    """
    pairs: dict[str, str] = {}
    if mentions is not None and {"entity", "parent"} <= set(mentions.columns):
        sub = mentions[["entity", "parent"]].astype(object).dropna().drop_duplicates("entity")
        pairs.update({str(e): str(p) for e, p in zip(sub["entity"], sub["parent"]) if str(p).strip()})
    if actors is not None and "parent" in actors.columns:
        sub = actors["parent"].astype(object).dropna()
        pairs.update({str(e): str(p) for e, p in sub.items() if str(p).strip()})
    return pairs


def root_of(entity: str, parents: dict[str, str]) -> str:
    """Follow ``parents`` from ``entity`` up to the top-level actor (cycles stop where they loop)."""
    seen = {entity}
    while entity in parents and parents[entity] not in seen:
        entity = parents[entity]
        seen.add(entity)
    return entity


def kind_map(mentions: pd.DataFrame | None = None, actors: pd.DataFrame | None = None) -> dict[str, str]:
    """Actor id -> kind, from ``actors`` (column ``kind``) over the mentions' own ``kind`` column."""
    kinds: dict[str, str] = {}
    if mentions is not None and {"entity", "kind"} <= set(mentions.columns):
        sub = mentions[["entity", "kind"]].astype(object).dropna().drop_duplicates("entity")
        kinds.update({str(e): str(k) for e, k in zip(sub["entity"], sub["kind"])})
    if actors is not None and "kind" in actors.columns:
        kinds.update({str(e): str(k) for e, k in actors["kind"].astype(object).dropna().items()})
    return kinds


_SELECT_KEEP = ("doc_id", "date", "entity", "source", "kind", "parent", "role")


def select_mentions(
    mentions: pd.DataFrame,
    *,
    roles: Iterable[str] | None = ("actor",),
    stories: Stories = "unique",
    rollup: bool = False,
    actors: pd.DataFrame | None = None,
    sources: Iterable[str] | None = None,
    columns: Iterable[str] | None = None,
) -> pd.DataFrame:
    """The mentions an analysis counts, with ``entity``/``source``/``kind`` as plain str columns.

    Args:
        mentions: MENTIONS table.
        roles: roles kept (default actor readings only; ``None`` keeps every role).
        stories: "unique" drops syndicated copies (``duplicate_of`` set); "all" keeps every copy.
        rollup: replace each actor by its top-level parent (``ypg`` -> ``sdf``); the row's own
            ``parent`` is used first, then ``actors.parent`` (or the mentions' parents) up the chain.
            ``kind`` becomes the parent's kind when it is known.
        actors: optional gazetteer actors frame (index id, columns ``kind``, ``parent``).
        sources: keep only these sources (None keeps all).
        columns: the columns the caller needs (None: all); ``doc_id``, ``date``, ``entity``, ``source``,
            ``kind``, ``parent`` and ``role`` are always kept.

    Returns:
        A filtered copy of ``mentions``; ``date`` is UTC tz-naive.

    Raises:
        ValueError: bad ``stories`` value or a missing ``entity`` column.
    """
    if stories not in ("unique", "all"):
        raise ValueError(f"stories must be 'unique' or 'all', not {stories!r}")
    if "entity" not in mentions.columns:
        raise ValueError("mentions table has no 'entity' column")
    # rows first (on the columns as they are, categorical or not), then one copy of what is kept: on
    # 13 million rows a copy of everything followed by filters would cost gigabytes
    keep = mentions["entity"].notna().to_numpy().copy()
    if roles is not None and "role" in mentions.columns:
        roles = [roles] if isinstance(roles, str) else list(roles)
        keep &= mentions["role"].isin(roles).to_numpy()
    if stories == "unique" and "duplicate_of" in mentions.columns:
        keep &= ~is_copy(mentions["duplicate_of"]).to_numpy()
    if sources is not None and "source" in mentions.columns:
        sources = [sources] if isinstance(sources, str) else list(sources)
        keep &= mentions["source"].isin(sources).to_numpy()
    m = mentions[[c for c in mentions.columns if columns is None or c in columns or c in _SELECT_KEEP]]
    m = m.loc[keep] if not keep.all() else m.copy()
    for col in ("entity", "source", "kind", "parent", "role"):
        if col in m.columns:
            m[col] = _plain(m[col])
    if "date" in m.columns:
        m["date"] = to_utc_naive(m["date"]).to_numpy()
    else:
        m["date"] = pd.NaT
    if rollup and len(m):
        parents = parent_map(mentions, actors)
        kinds = kind_map(mentions, actors)
        start = m["entity"]
        if "parent" in m.columns:
            start = m["parent"].where(m["parent"].notna() & (m["parent"] != ""), m["entity"])
        roots = {u: root_of(str(u), parents) for u in start.unique()}
        rolled = start.map(roots)
        if "kind" in m.columns:
            known = rolled.map(kinds)
            m["kind"] = known.where(known.notna(), m["kind"])
        m["entity"] = rolled
        if "parent" in m.columns:
            m["parent"] = None
    return m.reset_index(drop=True)


def select_articles(
    corpus: pd.DataFrame,
    *,
    stories: Stories = "unique",
    sources: Iterable[str] | None = None,
) -> pd.DataFrame:
    """The articles that make denominators: copies dropped for "unique", filtered by source.

    Args:
        corpus: CORPUS table (doc_id, date, source, duplicate_of, ...).
        stories: "unique" drops rows whose ``duplicate_of`` is set; "all" keeps them.
        sources: keep only these sources (None keeps all).

    Returns:
        A filtered copy with ``date`` UTC tz-naive and ``source`` as plain str.
    """
    c = corpus.copy()
    for col in ("doc_id", "source"):
        if col in c.columns:
            c[col] = _plain(c[col])
    if stories == "unique" and "duplicate_of" in c.columns:
        c = c[~is_copy(c["duplicate_of"])]
    if sources is not None and "source" in c.columns:
        sources = [sources] if isinstance(sources, str) else list(sources)
        c = c[c["source"].isin(sources)]
    c["date"] = to_utc_naive(c["date"]).to_numpy() if "date" in c.columns else pd.NaT
    return c.reset_index(drop=True)


def utc_bound(value: object) -> pd.Timestamp | None:
    """A start/end argument as a UTC tz-naive Timestamp (None stays None)."""
    if value is None:
        return None
    ts = pd.Timestamp(value)
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    return ts


# --------------------------------------------------------------------------------------------------
# timeline
# --------------------------------------------------------------------------------------------------
def mention_timeline(
    mentions: pd.DataFrame,
    corpus: pd.DataFrame | None,
    freq: str = "M",
    entities: Sequence[str] | None = None,
    by: Literal["source", "kind"] | None = None,
    measure: Measure = "mentions",
    stories: Stories = "unique",
    rolling: int | None = None,
    rollup: bool = False,
    roles: Iterable[str] | None = ("actor",),
    sources: Iterable[str] | None = None,
    start: object = None,
    end: object = None,
    actors: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Mentions of each actor per period, as a wide frame (one column per actor).

    Args:
        mentions: MENTIONS table.
        corpus: CORPUS table; gives the full period range, the undated-article count and the
            denominators of ``share``. May be None for "mentions"/"articles" (range from mentions).
        freq: "D", "W" (Monday-Sunday weeks), "M", "Q" or "Y" ("ME"/"MS"... accepted).
        entities: actor ids to keep, in this column order (absent ones give zero columns);
            None keeps every actor, most mentioned first.
        by: None, "source" (columns ``(source, actor)`` for every source x actor) or "kind"
            (columns ``(kind, actor)``).
        measure: "mentions" counts mentions; "articles" counts articles naming the actor at least
            once; "share" divides that by the number of articles published in the period (of that
            source when by="source"; all articles when by="kind"). A period without any article
            has share 0.
        stories: "unique" counts each syndicated story once (copies dropped from mentions and from
            the corpus denominators); "all" counts every copy.
        rolling: mean over this many periods (trailing, ``min_periods=1``), or None.
        rollup: count children under their top-level parent (ypg under sdf, irgc under iran).
        roles: mention roles counted; place readings are left out unless "place" is listed.
        sources: count only these sources (mentions and denominators).
        start, end: period range bounds (inclusive; default the corpus's first and last dated
            article, over all sources even when ``sources`` is given); mentions outside are left out.
        actors: optional gazetteer actors frame (parents and kinds); else the mentions' columns.

    Returns:
        DataFrame indexed by period start (tz-naive UTC DatetimeIndex named "period"), covering
        every period of the range (zeros where nothing was said). Columns are actor ids (name
        "actor") or a MultiIndex (``by``, "actor"). ``df.stack()`` gives the tidy form.
        ``df.attrs`` holds ``undated_articles``, ``undated_mentions``, ``mentions``, ``articles``,
        ``measure``, ``freq``, ``stories``, ``by``.

    Raises:
        ValueError: bad freq/measure/by/stories, or measure="share" without a corpus.
    """
    pf = period_freq(freq)
    if measure not in ("mentions", "articles", "share"):
        raise ValueError(f"measure must be 'mentions', 'articles' or 'share', not {measure!r}")
    if by not in (None, "source", "kind"):
        raise ValueError(f"by must be None, 'source' or 'kind', not {by!r}")
    if measure == "share" and corpus is None:
        raise ValueError("measure='share' needs the corpus (articles per period are the denominator)")
    if rolling is not None and int(rolling) < 1:
        raise ValueError("rolling must be a positive number of periods")

    m = select_mentions(mentions, roles=roles, stories=stories, rollup=rollup, actors=actors, sources=sources,
                        columns=())
    if by == "source" and "source" not in m.columns:
        raise ValueError("by='source' needs a 'source' column in mentions")
    if by == "kind" and "kind" not in m.columns:
        m["kind"] = m["entity"].map(kind_map(None, actors)).fillna("unknown")

    # undated articles: counted and reported, not silently dropped
    if corpus is not None:
        c = select_articles(corpus, stories=stories, sources=sources)
        undated_ids = set(c.loc[c["date"].isna(), "doc_id"])
        n_undated = int(c["date"].isna().sum())
        dated = c[c["date"].notna()]
        # the range comes from the whole corpus, so timelines of different sources line up
        span_dates = select_articles(corpus, stories=stories)["date"].dropna() if sources is not None \
            else dated["date"]
    else:
        c = None
        undated_ids = set(m.loc[m["date"].isna(), "doc_id"]) if "doc_id" in m.columns else set()
        n_undated = len(undated_ids)
        span_dates = m["date"].dropna()
    undated_m = m["date"].isna()
    if c is not None and "doc_id" in m.columns:
        undated_m |= m["doc_id"].isin(undated_ids)
    n_undated_mentions = int(undated_m.sum())
    m = m[~undated_m]

    lo, hi = utc_bound(start), utc_bound(end)
    p_lo = pd.Period(lo, freq=pf) if lo is not None else None
    p_hi = pd.Period(hi, freq=pf) if hi is not None else None
    if p_lo is None and len(span_dates):
        p_lo = span_dates.min().to_period(pf)
    if p_hi is None and len(span_dates):
        p_hi = span_dates.max().to_period(pf)
    if p_lo is None and len(m):  # corpus without dated articles but dated mentions
        p_lo = m["date"].min().to_period(pf)
    if p_hi is None and len(m):
        p_hi = m["date"].max().to_period(pf)
    if p_lo is not None and p_hi is not None and p_lo <= p_hi:
        periods = pd.period_range(p_lo, p_hi, freq=pf)
    else:
        periods = pd.PeriodIndex([], freq=pf)

    m = m.assign(period=m["date"].dt.to_period(pf))
    if len(periods):
        m = m[(m["period"] >= periods[0]) & (m["period"] <= periods[-1])]
    else:
        m = m.iloc[0:0]

    # column order
    if entities is not None:
        entities = [entities] if isinstance(entities, str) else [str(e) for e in entities]
        m = m[m["entity"].isin(entities)]
        order = list(dict.fromkeys(entities))
    else:
        counts = m["entity"].value_counts()
        order = sorted(counts.index, key=lambda e: (-counts[e], e))

    keys = ["period"] + ([by] if by else []) + ["entity"]
    if measure == "mentions":
        values = m.groupby(keys, sort=False).size()
    else:
        values = m.groupby(keys, sort=False)["doc_id"].nunique()
    values = values.astype(float) if measure == "share" else values

    if measure == "share":
        den_keys = ["period"] + (["source"] if by == "source" else [])
        d = dated.assign(period=dated["date"].dt.to_period(pf))
        denominators = d.groupby(den_keys).size()
        if by == "source":
            den = denominators.reindex(pd.MultiIndex.from_arrays(
                [values.index.get_level_values("period"), values.index.get_level_values("source")]))
        else:
            den = denominators.reindex(values.index.get_level_values("period"))
        values = pd.Series(values.to_numpy() / den.to_numpy(), index=values.index)

    # wide frame over the full period range
    if by is None:
        columns = pd.Index(order, name="actor")
        wide = values.unstack("entity") if len(values) else pd.DataFrame(index=pd.PeriodIndex([], freq=pf))
    else:
        if by == "source":
            groups = sorted(set(m["source"].dropna()) | (set(c["source"].dropna()) if c is not None else set()))
            columns = pd.MultiIndex.from_product([groups, order], names=[by, "actor"])
        else:
            kinds = kind_map(mentions, actors)
            present = m[["kind", "entity"]].drop_duplicates()
            pairs = list(zip(present["kind"], present["entity"]))
            pairs += [(kinds.get(e, "unknown"), e) for e in order if e not in set(present["entity"])]
            rank = {e: i for i, e in enumerate(order)}
            pairs = sorted(set(pairs), key=lambda ke: (ke[0], rank.get(ke[1], len(rank))))
            columns = pd.MultiIndex.from_tuples(pairs, names=[by, "actor"]) if pairs else \
                pd.MultiIndex.from_tuples([], names=[by, "actor"])
        wide = values.unstack([by, "entity"]) if len(values) else pd.DataFrame(index=pd.PeriodIndex([], freq=pf))
    wide = wide.reindex(index=periods, columns=columns).fillna(0)
    wide = wide.astype(float if measure == "share" or rolling else np.int64)
    if rolling:
        wide = wide.rolling(int(rolling), min_periods=1).mean()
    wide.index = pd.DatetimeIndex(periods.to_timestamp(how="start"), name="period")

    n_mentions = len(m)
    n_articles = int(m["doc_id"].nunique()) if "doc_id" in m.columns else 0
    note = f"; {n_undated} undated articles ({n_undated_mentions} mentions) left out" if n_undated else ""
    logger.info(
        "timeline: %d mentions in %d articles over %d periods (%s, stories=%s)%s",
        n_mentions, n_articles, len(periods), pf, stories, note,
    )
    wide.attrs.update({
        "undated_articles": n_undated, "undated_mentions": n_undated_mentions,
        "mentions": n_mentions, "articles": n_articles,
        "measure": measure, "freq": pf, "stories": stories, "by": by,
    })
    return wide


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
            return pd.DataFrame({"date": pd.Series([], dtype="datetime64[ns]"), "event": [], "actors": [],
                                 "category": []})
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
    events = pd.DataFrame({
        "date": dates.to_numpy(),
        "event": raw["event"].str.strip().to_numpy(),
        "actors": [[a.strip() for a in str(v).split(";") if a.strip()] for v in actors_col],
        "category": (raw["category"].str.strip() if "category" in raw.columns else pd.Series([""] * len(raw))).to_numpy(),
    })
    events = events.sort_values("date", kind="stable").reset_index(drop=True)
    logger.info("events: %d events from %s", len(events), path)
    return events
