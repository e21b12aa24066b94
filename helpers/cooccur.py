"""Co-occurrence: which actors are named together, in the same sentence, paragraph or article.

A *window* is the unit two actors share: a sentence ``(doc_id, field, sent_id)``, a paragraph
``(doc_id, field, para_id)`` or an article ``doc_id``. A headline is its own field, so it never shares
a sentence or paragraph window with the body. Counts are over windows: a pair counts once per window
however often each actor is named in it. The counting is a scipy.sparse window x actor 0/1 matrix X
and ``X.T @ X``.

Measures (n_a = windows naming a, n_ab = windows naming both, N = windows naming at least one
selected actor, i.e. windows holding a counted mention):

- count   = n_ab; diagonal n_a.
- jaccard = n_ab / (n_a + n_b - n_ab); diagonal 1.
- pmi     = log2(n_ab * N / (n_a * n_b)); diagonal log2(N / n_a) (the formula with b = a).
- npmi    = pmi / -log2(n_ab / N), in [-1, 1]; diagonal 1; a pair with n_ab == N has npmi 1.

Rare pairs: a pair seen together in fewer than ``min_count`` windows gets 0 for count and jaccard
and NaN for pmi and npmi (too few to estimate). A pair never seen together (n_ab == 0) although both
actors occur gets count 0, jaccard 0, pmi NaN (its limit is -inf) and npmi -1 (its limit). A pair
where either actor is absent (a requested entity never named, or absent from a period) gets 0 for
count/jaccard and NaN for pmi/npmi.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import sparse

from .cooccur_graph import cooccurrence_graph, export_graph  # noqa: F401 - re-exported: they lived here
from .options import moved_into, options_of
from .select import MENTIONS, RollupOptions, Selection, checked, kind_map, resolve_actors
from .timelines import period_freq

logger = logging.getLogger(__name__)

Window = Literal["sentence", "paragraph", "article"]
CoMeasure = Literal["count", "jaccard", "pmi", "npmi"]

_WINDOW_KEYS: dict[str, list[str]] = {
    "sentence": ["doc_id", "field", "sent_id"],
    "paragraph": ["doc_id", "field", "para_id"],
    "article": ["doc_id"],
}


def window_codes(m: pd.DataFrame, window: str) -> np.ndarray:
    """Integer window id of every mention row."""
    if window not in _WINDOW_KEYS:
        raise ValueError(f"window must be 'sentence', 'paragraph' or 'article', not {window!r}")
    keys = _WINDOW_KEYS[window]
    missing = [k for k in keys if k not in m.columns]
    if missing:
        raise ValueError(f"window={window!r} needs mention column(s) {', '.join(missing)}")
    if not len(m):
        return np.zeros(0, dtype=np.int64)
    return m.groupby(keys, sort=False, dropna=False).ngroup().to_numpy()


def _counts(m: pd.DataFrame, window: str, actors: list[str]) -> tuple[np.ndarray, int]:
    """Window co-occurrence counts (actors x actors, diagonal n_a) and the number of windows N."""
    rows = window_codes(m, window)
    n_windows = int(rows.max()) + 1 if len(rows) else 0
    col_of = {a: i for i, a in enumerate(actors)}
    cols = m["entity"].map(col_of).to_numpy()
    keep = ~pd.isna(cols)
    x = sparse.csr_matrix(
        (np.ones(int(keep.sum()), dtype=np.int64), (rows[keep], cols[keep].astype(np.int64))),
        shape=(n_windows, len(actors)),
    )
    x.sum_duplicates()
    x.data[:] = 1  # presence, not frequency, within a window
    c = (x.T @ x).toarray()
    return c, n_windows


def _measure(c: np.ndarray, n: int, measure: str, min_count: int) -> np.ndarray:
    """Apply a measure to a count matrix (see the module docstring for the rare-pair policy)."""
    c = c.astype(float)
    na = np.diag(c).copy()
    a, b = np.meshgrid(na, na, indexing="ij")
    both_present = (a > 0) & (b > 0)
    off = ~np.eye(len(na), dtype=bool)
    rare = off & (c < min_count) & (c > 0)
    never = off & (c == 0) & both_present
    with np.errstate(divide="ignore", invalid="ignore"):
        if measure == "count":
            out = c.copy()
            out[rare] = 0.0
        elif measure == "jaccard":
            out = np.where(both_present, c / (a + b - c), 0.0)
            out[rare] = 0.0
        elif measure in ("pmi", "npmi"):
            out = np.log2(c * n / (a * b))
            if measure == "npmi":
                out = out / -np.log2(c / n)
                out[(c == n) & (c > 0)] = 1.0  # 0/0 at n_ab == N: perfect co-occurrence
            out[~both_present] = np.nan
            out[never] = -1.0 if measure == "npmi" else np.nan
            out[rare] = np.nan
        else:
            raise ValueError(f"measure must be 'count', 'jaccard', 'pmi' or 'npmi', not {measure!r}")
    return out


def _check_measure(measure: str, min_count: Any) -> None:
    """Raise ValueError for an unknown ``measure`` or a ``min_count`` below 1."""
    if not isinstance(min_count, (int, np.integer)) or min_count < 1:
        raise ValueError("min_count must be at least 1")
    if measure not in ("count", "jaccard", "pmi", "npmi"):
        raise ValueError(f"measure must be 'count', 'jaccard', 'pmi' or 'npmi', not {measure!r}")


@dataclass(frozen=True)
class _Spec:
    """What one co-occurrence counts: the window, the measure, the rare-pair threshold and the rollup."""

    window: str
    measure: str
    min_count: int
    rollup: bool


def _one_matrix(
    m: pd.DataFrame, sel: Selection, spec: _Spec, present: list[str], order: list[str], kinds: dict[str, str]
) -> pd.DataFrame:
    """The square matrix over the whole selection, logged, with its attrs (see :func:`cooccurrence`)."""
    out, c, n = _matrix(m, spec.window, spec.measure, spec.min_count, present, order)
    n_pairs = int(((c > 0) & ~np.eye(len(present), dtype=bool)).sum() // 2)
    logger.info(
        "cooccurrence: %d mentions of %d actors in %d %s windows; %d pairs seen together (stories=%s)",
        len(m),
        len(present),
        n,
        spec.window,
        n_pairs,
        sel.stories,
    )
    out.attrs.update(
        {
            "measure": spec.measure,
            "window": spec.window,
            "n_windows": n,
            "min_count": spec.min_count,
            "stories": sel.stories,
            "roles": None if sel.roles is None else list(sel.roles),
            "rollup": spec.rollup,
            "select": sel.as_dict(),
            "selection": sel.describe(),
            "actor_windows": {a: int(c[i, i]) for i, a in enumerate(present)},
            "kinds": {a: kinds[a] for a in order if a in kinds},
        }
    )
    return out


@dataclass(frozen=True)
class CooccurOptions(RollupOptions):
    """The rarely changed knobs of :func:`helpers.cooccurrence` (``options=h.CooccurOptions(min_count=3)``).

    Attributes:
        rollup: count children under their top-level parent; False by default.
        actors: the gazetteer's actors frame (parents for rollup, kinds); None: the mentions' columns.
        min_count: pairs seen together in fewer windows get 0 (count/jaccard) or NaN (pmi/npmi); 1 by default.
        period: None for one matrix; a frequency ("D", "W", "M", "Q", "Y") for the change over time.

    Raises:
        ValueError: ``min_count`` below 1 or not a whole number, or an unknown ``period``.
        TypeError: ``actors`` is not a DataFrame (see :class:`helpers.RollupOptions`).
    """

    min_count: int = 1
    period: str | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        _check_measure("count", self.min_count)
        if self.period is not None:
            period_freq(self.period)


@dataclass(frozen=True)
class PairOptions(RollupOptions):
    """The rarely changed knobs of :func:`helpers.pair_sentences` (``options=h.PairOptions(width=80)``).

    Attributes:
        rollup: count children under their top-level parent, as the pair was counted; False by default.
        actors: the gazetteer's actors frame (parents and kinds); None: the mentions' columns.
        sentences: DataFrame[doc_id, field, para_id, sent_id, start, end, sentence] (None:
            ``helpers.sentences_of(corpus)`` on the articles involved).
        width: None for whole sentences; else keep ``width`` characters either side of the span covering the
            pair's mentions in that sentence, with "…" where cut.

    Raises:
        TypeError: ``sentences`` or ``actors`` is not a DataFrame.
        ValueError: ``width`` is not a whole number >= 0.
    """

    sentences: pd.DataFrame | None = field(default=None, compare=False)
    width: int | None = None

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.sentences is not None and not isinstance(self.sentences, pd.DataFrame):
            raise TypeError(f"sentences takes a sentence table from h.sentences_of(corpus), not {self.sentences!r}")
        w = self.width
        if w is not None and (isinstance(w, bool) or not isinstance(w, (int, np.integer)) or w < 0):
            raise ValueError(f"width must be None or a whole number of characters >= 0, not {w!r}")


@moved_into(CooccurOptions)
@checked(frames={"mentions": MENTIONS})
def cooccurrence(
    mentions: pd.DataFrame,
    window: Window = "sentence",
    measure: CoMeasure = "count",
    select: Selection | None = None,
    corpus: pd.DataFrame | None = None,
    options: CooccurOptions | None = None,
    **criteria: Any,
) -> pd.DataFrame:
    """Actor-by-actor co-occurrence over sentence, paragraph or article windows.

    Args:
        mentions: MENTIONS table.
        window: "sentence" (doc_id, field, sent_id), "paragraph" (doc_id, field, para_id) or
            "article" (doc_id).
        measure: "count", "jaccard", "pmi" or "npmi" (definitions, diagonal and rare-pair policy in
            the module docstring).
        select, **criteria: what is counted (:class:`helpers.select.Selection`): ``start``/``end``,
            ``sources``, ``roles`` (place readings left out by default), ``kinds``, ``stories``
            ("unique" drops syndicated copies); ``entities`` (ids, labels or aliases) restrict the
            result to these actors, in this order: N and n_a are computed before this restriction, so
            narrowing the list never changes a pair's value. ``language`` (articles' language) needs
            ``corpus``.
        corpus: the CORPUS, needed only for ``language=``.
        options: a :class:`helpers.CooccurOptions`: ``min_count`` (rarer pairs get 0 or NaN), ``period`` (a
            frequency: the change over time), ``rollup`` and ``actors`` (None: the defaults).

    Returns:
        period=None: a symmetric DataFrame (index "a", columns "b", both actor ids, most frequent
        first unless ``entities`` is given); ``attrs`` holds measure, window, n_windows, min_count,
        stories, roles, rollup, ``select`` (the criteria, :meth:`Selection.as_dict`), ``selection`` (as
        text), ``actor_windows`` {actor: n_a} and ``kinds`` {actor: kind}.
        period=freq: a long DataFrame[period, a, b, value] with one row per pair (a < b, pairs seen
        together at least once over the whole selection) and period (every period from the first to
        the last dated window, zero-filled by the policy above); undated windows are left out.

    Raises:
        ValueError: bad window, measure or an unknown actor.
        TypeError: ``options`` is not a :class:`helpers.CooccurOptions`.
    """
    opts = options_of(options, CooccurOptions)
    min_count, period, rollup, actors = opts.min_count, opts.period, opts.rollup, opts.actors
    _check_measure(measure, min_count)
    sel = Selection.of(select, **criteria)
    m = sel.mentions(mentions, rollup=rollup, actors=actors, columns=("field", "para_id", "sent_id"), corpus=corpus)
    counts = m["entity"].value_counts()
    present = sorted(counts.index, key=lambda e: (-counts[e], e))
    order = sel.entity_ids(present) or present
    spec = _Spec(window, measure, int(min_count), bool(rollup))
    if period is None:
        return _one_matrix(m, sel, spec, present, order, kind_map(m, actors))
    long = _over_time(m, window, measure, min_count, period, present, order)
    long.attrs.update({"stories": sel.stories, "select": sel.as_dict(), "selection": sel.describe()})
    return long


def _matrix(
    m: pd.DataFrame, window: str, measure: str, min_count: int, present: list[str], order: list[str]
) -> tuple[pd.DataFrame, np.ndarray, int]:
    """The square matrix in ``order`` (actors never named in the selection as zeros, or NaN for PMI), the raw
    counts over ``present`` and the number of windows."""
    c, n = _counts(m, window, present)
    values = _measure(c, n, measure, min_count)
    full = pd.DataFrame(values, index=pd.Index(present, name="a"), columns=pd.Index(present, name="b"))
    out = full.reindex(index=pd.Index(order, name="a"), columns=pd.Index(order, name="b"))
    missing = [e for e in order if e not in set(present)]
    if missing:
        logger.warning("cooccurrence: never named in this selection: %s", ", ".join(missing))
        out = out.fillna(0.0 if measure in ("count", "jaccard") else np.nan)
        if measure == "jaccard":
            for e in missing:
                out.loc[e, e] = 0.0
    return (out.astype(np.int64) if measure == "count" else out), c, n


def _over_time(
    m: pd.DataFrame, window: str, measure: str, min_count: int, period: str, present: list[str], order: list[str]
) -> pd.DataFrame:
    """The change over time: one matrix per period, kept as a long frame[period, a, b, value]."""
    pf = period_freq(period)
    undated = m["date"].isna()
    if undated.any():
        logger.warning("cooccurrence: %d mentions without a date left out of period=%s", int(undated.sum()), period)
    md = m[~undated]
    c_all, _ = _counts(md, window, present)
    idx = {a: i for i, a in enumerate(present)}
    pairs = [
        (a, b)
        for i, a in enumerate(sorted(order))
        for b in sorted(order)[i + 1 :]
        if a in idx and b in idx and c_all[idx[a], idx[b]] > 0
    ]
    columns = ["period", "a", "b", "value"]
    if not len(md) or not pairs:
        logger.info("cooccurrence: no pair seen together in dated windows")
        empty = pd.DataFrame(
            {k: pd.Series(dtype=t) for k, t in zip(columns, ["datetime64[ns]", object, object, float])}
        )
        empty.attrs.update({"measure": measure, "window": window, "freq": pf})
        return empty
    md = md.assign(_period=md["date"].dt.to_period(pf))
    periods = pd.period_range(md["_period"].min(), md["_period"].max(), freq=pf)
    ia = np.array([idx[a] for a, _ in pairs])
    ib = np.array([idx[b] for _, b in pairs])
    frames = []
    groups = dict(tuple(md.groupby("_period", sort=True)))
    for p in periods:
        sub = groups.get(p)
        if sub is None:
            c, n = np.zeros((len(present), len(present)), dtype=np.int64), 0
        else:
            c, n = _counts(sub, window, present)
        values = _measure(c, n, measure, min_count)
        frames.append(
            pd.DataFrame(
                {
                    "period": p.start_time,
                    "a": [a for a, _ in pairs],
                    "b": [b for _, b in pairs],
                    "value": values[ia, ib],
                }
            )
        )
    long = pd.concat(frames, ignore_index=True)
    long["period"] = pd.DatetimeIndex(long["period"])
    if measure == "count":
        long["value"] = long["value"].astype(np.int64)
    logger.info("cooccurrence: %d pairs over %d periods (%s, %s)", len(pairs), len(periods), pf, measure)
    long.attrs.update({"measure": measure, "window": window, "freq": pf})
    return long


@checked(frames={"matrix": "a result of h.cooccurrence(...)"})
def top_pairs(matrix: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The n strongest pairs of a co-occurrence matrix, or of each period of a ``period=`` result.

    Args:
        matrix: a square frame from :func:`cooccurrence`, or its long ``period=`` form.
        n: number of pairs returned (per period for the long form).

    Returns:
        DataFrame[a, b, value] with a < b (alphabetical, as in the ``period=`` output), sorted by
        value (descending, ties by a then b); the long form gives DataFrame[period, a, b, value], the n
        strongest of each period, periods in order. NaN pairs are left out, and so are zero pairs of
        count/jaccard matrices (never together).
    """
    if not isinstance(n, (int, np.integer)) or n < 0:
        raise ValueError(f"n must be a whole number of pairs, not {n!r}")
    measure = matrix.attrs.get("measure", "count")
    if {"period", "a", "b", "value"} <= set(matrix.columns):
        out = matrix[matrix["value"].notna()]
        if measure in ("count", "jaccard"):
            out = out[out["value"] != 0]
        out = out.sort_values(["period", "value", "a", "b"], ascending=[True, False, True, True], kind="stable")
        return out.groupby("period", sort=True).head(n).reset_index(drop=True)[["period", "a", "b", "value"]]
    labels = list(matrix.index)
    values = matrix.reindex(columns=labels).to_numpy(dtype=float)
    iu, ju = np.triu_indices(len(labels), k=1)
    first = [min(labels[i], labels[j]) for i, j in zip(iu, ju)]
    second = [max(labels[i], labels[j]) for i, j in zip(iu, ju)]
    out = pd.DataFrame({"a": first, "b": second, "value": values[iu, ju]})
    out = out[out["value"].notna()]
    if measure in ("count", "jaccard"):
        out = out[out["value"] != 0]
    out = out.sort_values(["value", "a", "b"], ascending=[False, True, True], kind="stable")
    out = out.head(n).reset_index(drop=True)
    integer = matrix.shape[1] and pd.api.types.is_integer_dtype(matrix.dtypes.iloc[0])
    if measure == "count" and (integer or not matrix.shape[1]):
        out["value"] = out["value"].astype(np.int64)
    return out


def _with_sentences(
    spans: pd.DataFrame, sentences: pd.DataFrame | None, corpus: pd.DataFrame | None, skey: list[str], width: int | None
) -> pd.DataFrame:
    """The sentence of each span (from ``sentences``, else split from ``corpus``), clipped to ``width``
    characters either side of the span when given.

    Raises:
        ValueError: neither ``sentences`` nor ``corpus`` given.
    """
    if sentences is None:
        if corpus is None:
            raise ValueError("pair_sentences needs sentences= or a corpus to split into sentences")
        try:
            from .sentences import sentences_of
        except ImportError as exc:  # pragma: no cover - depends on another module being present
            raise ImportError("helpers.sentences_of is not available: pass sentences= explicitly") from exc
        docs = set(spans["doc_id"])
        sentences = sentences_of(corpus[corpus["doc_id"].astype(str).isin(docs)])
    s = sentences.copy()
    s["doc_id"] = s["doc_id"].astype(str)
    s["field"] = s["field"].astype(str)
    spans["doc_id"] = spans["doc_id"].astype(str)
    cols = skey + ["sentence"] + [c for c in ("start",) if c in s.columns]
    out = spans.merge(s[cols].rename(columns={"start": "s_start"}), on=skey, how="left")
    if out["sentence"].isna().any():
        logger.warning(
            "pair_sentences: %d sentences not found in the sentence table", int(out["sentence"].isna().sum())
        )
    if width is not None and "s_start" in out.columns:
        out["sentence"] = [
            _clip(t, lo - s0, hi - s0, int(width)) if isinstance(t, str) and pd.notna(lo) and pd.notna(s0) else t
            for t, lo, hi, s0 in zip(out["sentence"], out["lo"], out["hi"], out["s_start"])
        ]
    elif width is not None:
        out["sentence"] = [
            t if not isinstance(t, str) or len(t) <= 2 * width else t[: 2 * width] + "…" for t in out["sentence"]
        ]
    return out


_PAIR_COLUMNS: tuple[str, ...] = ("doc_id", "date", "source", "field", "sent_id", "sentence")
_SENTENCE_KEY: list[str] = ["doc_id", "field", "sent_id"]


def _shared_windows(m: pd.DataFrame, a: str, b: str, window: str) -> pd.DataFrame:
    """The mentions of ``a`` or ``b`` in the windows naming both.

    Raises:
        ValueError: an unknown ``window``.
    """
    keys = _WINDOW_KEYS[window] if window in _WINDOW_KEYS else None
    if keys is None:
        raise ValueError(f"window must be 'sentence', 'paragraph' or 'article', not {window!r}")
    m = m[m["entity"].isin([a, b])]
    both = m.groupby(keys, dropna=False)["entity"].nunique()
    shared = both[both == 2].index
    return m.set_index(keys).loc[lambda d: d.index.isin(shared)].reset_index()


def _sentence_spans(hits: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence of ``hits``: its date and source and the span (lo, hi) covering its mentions."""
    for col, default in (("source", None), ("start", np.nan), ("end", np.nan)):
        if col not in hits.columns:
            hits[col] = default
    return (
        hits.groupby(_SENTENCE_KEY, dropna=False)
        .agg(
            date=("date", "first"),
            source=("source", "first"),
            lo=("start", "min"),
            hi=("end", "max"),
        )
        .reset_index()
    )


def _dated(out: pd.DataFrame, corpus: pd.DataFrame | None) -> pd.DataFrame:
    """Fill the dates the mentions lack from the corpus (UTC, tz-naive)."""
    if corpus is not None and out["date"].isna().any() and "date" in corpus.columns:
        dates = pd.Series(
            pd.to_datetime(corpus["date"], utc=True).dt.tz_convert(None).to_numpy(), index=corpus["doc_id"].astype(str)
        )
        out["date"] = out["date"].fillna(out["doc_id"].map(dates))
    return out


@moved_into(PairOptions)
@checked(frames={"mentions": MENTIONS}, optional={"corpus": "the CORPUS table from h.load_corpus(...)"})
def pair_sentences(
    mentions: pd.DataFrame,
    corpus: pd.DataFrame | None,
    pair: Sequence[str],
    window: Window = "sentence",
    select: Selection | None = None,
    options: PairOptions | None = None,
    **criteria: Any,
) -> pd.DataFrame:
    """Drill-down (KWIC): the sentences behind a co-occurring pair.

    Args:
        mentions: MENTIONS table.
        corpus: CORPUS table, used to build sentences with ``helpers.sentences_of`` when
            ``sentences`` is not given (and for dates/sources missing from mentions).
        pair: the two actors (ids, labels or aliases, in any case), e.g. ``("russia", "Syrian government")``.
        window: the window the pair was counted in. "sentence" returns the sentences naming both;
            "paragraph"/"article" return, within each shared window, the sentences naming either.
        select, **criteria: as in :func:`cooccurrence` (``entities`` is not used).
        options: a :class:`helpers.PairOptions`: a precomputed ``sentences`` table, the ``width`` kept around the
            pair, ``rollup`` and ``actors`` as in :func:`cooccurrence` (None: the defaults).

    Returns:
        DataFrame[doc_id, date, source, field, sent_id, sentence] sorted by date, doc_id, field,
        sent_id (sentence is NaN when the sentence table lacks it).

    Raises:
        ValueError: neither ``sentences`` nor ``corpus`` given, ``pair`` is not two names, or an unknown actor.
        TypeError: ``options`` is not a :class:`helpers.PairOptions`.
        ImportError: ``helpers.sentences_of`` is not available (pass ``PairOptions(sentences=...)``).
    """
    opts = options_of(options, PairOptions)
    if isinstance(pair, str) or len(pair) != 2:
        raise ValueError(f"pair takes two actors, e.g. ('russia', 'iran'), not {pair!r}")
    sel = Selection.of(select, **criteria)
    m = sel.mentions(mentions, rollup=opts.rollup, actors=opts.actors, corpus=corpus)
    a, b = (resolve_actors(x, m["entity"].unique())[0] for x in pair)
    hits = _shared_windows(m, a, b, window)
    if not len(hits):
        logger.info("pair_sentences: %s and %s never share a %s", a, b, window)
        return pd.DataFrame({c: pd.Series(dtype=object) for c in _PAIR_COLUMNS})
    out = _with_sentences(_sentence_spans(hits), opts.sentences, corpus, _SENTENCE_KEY, opts.width)
    out = _dated(out, corpus).sort_values(["date", "doc_id", "field", "sent_id"], kind="stable", na_position="last")
    logger.info(
        "pair_sentences: %d sentences in %d articles for %s + %s (%s window)",
        len(out),
        out["doc_id"].nunique(),
        a,
        b,
        window,
    )
    return out[list(_PAIR_COLUMNS)].reset_index(drop=True)


def _clip(text: str, lo: int, hi: int, width: int) -> str:
    """Keep ``width`` characters either side of text[lo:hi], marking cuts with an ellipsis."""
    lo, hi = max(0, int(lo)), min(len(text), int(hi))
    left, right = max(0, lo - width), min(len(text), hi + width)
    return ("…" if left > 0 else "") + text[left:right] + ("…" if right < len(text) else "")
