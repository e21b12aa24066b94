"""Backer networks: who is said to back whom, and how that compares with the reference record.

:func:`support_network` aggregates the SUPPORT table (one row per backing statement) into
backer -> client edges; :func:`compare_support` sets those edges beside the gazetteer's reference
``backs`` edges. :func:`helpers.plot_support_network` draws either.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from .options import moved_into, options_of
from .select import CORPUS, SUPPORT, Selection, checked, to_utc_naive, utc_bound

logger = logging.getLogger(__name__)

NETWORK_COLUMNS: tuple[str, ...] = (
    "backer",
    "client",
    "statements",
    "articles",
    "first_seen",
    "last_seen",
    "sources",
    "modalities",
    "modality",
    "confidence",
)
COMPARE_COLUMNS: tuple[str, ...] = ("backer", "client", "in_corpus", "in_reference", "status", "statements", "cite")
STATUS_ORDER: tuple[str, ...] = ("confirmed", "never stated", "not in reference")


MODALITY_ORDER: tuple[str, ...] = ("asserted", "alleged", "possible", "denied")


def _joined(values: pd.Series) -> str:
    """Sorted distinct non-empty values, comma-joined."""
    return ", ".join(sorted({str(v) for v in values.dropna() if str(v).strip()}))


def strongest_modality(values: pd.Series) -> str:
    """The strongest modality among an edge's statements (asserted > alleged > possible > denied)."""
    present = {str(v) for v in values.dropna()}
    return next((m for m in MODALITY_ORDER if m in present), next(iter(sorted(present)), ""))


def _empty_network(by: str | None) -> pd.DataFrame:
    cols = (["source"] if by else []) + list(NETWORK_COLUMNS)
    out = pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    for c in ("statements", "articles"):
        out[c] = out[c].astype(np.int64)
    for c in ("first_seen", "last_seen"):
        out[c] = pd.Series(dtype="datetime64[ns]")
    out["confidence"] = out["confidence"].astype(float)
    return out


def _window(sel: Selection, s: pd.DataFrame) -> dict[str, str | None]:
    """The period the edges speak for: the selection's bounds, else the dated statements' first and last day."""
    dates = s["date"].dropna() if "date" in s.columns else pd.Series(dtype="datetime64[ns]")
    lo = sel.start if sel.start is not None else (dates.min() if len(dates) else None)
    hi = sel.end if sel.end is not None else (dates.max() if len(dates) else None)
    return {
        "start": lo.date().isoformat() if lo is not None else None,
        "end": hi.date().isoformat() if hi is not None else None,
    }


def _edges(s: pd.DataFrame, by: str | None) -> pd.DataFrame:
    """One row per (source,) backer and client of the statements ``s``, most stated first."""
    for col, default in (("doc_id", None), ("source", None), ("modality", None), ("confidence", np.nan)):
        if col not in s.columns:
            s[col] = default
    keys = (["source"] if by else []) + ["backer", "client"]
    g = s.groupby(keys, sort=False, dropna=False)
    out = pd.DataFrame(
        {
            "statements": g.size(),
            "articles": g["doc_id"].nunique(),
            "first_seen": g["date"].min(),
            "last_seen": g["date"].max(),
            "sources": g["source"].agg(_joined),
            "modalities": g["modality"].agg(_joined),
            "modality": g["modality"].agg(strongest_modality),
            "confidence": g["confidence"].max().astype(float),
        }
    )
    if "review" in s.columns:
        out["kept"] = g["review"].agg(lambda r: int((r == "kept").sum()))
        out["unreviewed"] = g["review"].agg(lambda r: int((r == "unreviewed").sum()))
    if "cue_kind" in s.columns:  # statements read from the pack's record, not bound by the grammar
        out["record_reads"] = s.assign(_r=s["cue_kind"].astype(str).eq("record")).groupby(keys, sort=False)["_r"].sum()
    out = out.reset_index()
    order = (["source"] if by else []) + ["statements", "backer", "client"]
    out = out.sort_values(order, ascending=[True] * bool(by) + [False, True, True], kind="stable")
    extra = [c for c in ("kept", "unreviewed", "record_reads") if c in out.columns]
    return out.reset_index(drop=True)[(["source"] if by else []) + list(NETWORK_COLUMNS) + extra]


@dataclass(frozen=True)
class NetworkOptions:
    """The rarely changed knobs of :func:`helpers.support_network` (``options=h.NetworkOptions(by="source")``).

    Attributes:
        by: None for one network; "source" for one network per outlet (a ``source`` column first;
            :func:`helpers.plot_support_network` draws them as small multiples).
        include_negated: also count negated statements (and admit modality "denied"). False by default.
        modalities: the modalities counted (asserted, alleged, possible).

    Raises:
        ValueError: ``by`` is neither None nor "source".
    """

    by: Literal["source"] | None = None
    include_negated: bool = False
    modalities: Iterable[str] = ("asserted", "alleged", "possible")

    def __post_init__(self) -> None:
        if self.by not in (None, "source"):
            raise ValueError(f"by must be None or 'source', not {self.by!r}")
        mods = (self.modalities,) if isinstance(self.modalities, str) else tuple(str(m) for m in self.modalities)
        object.__setattr__(self, "modalities", mods)


@moved_into(NetworkOptions)
@checked(frames={"support": SUPPORT}, optional={"corpus": CORPUS})
def support_network(
    support: pd.DataFrame,
    min_confidence: float | None = None,
    reviewed_only: bool = False,
    corpus: pd.DataFrame | None = None,
    select: Selection | None = None,
    options: NetworkOptions | None = None,
    **criteria: Any,
) -> pd.DataFrame:
    """Aggregate backing statements into backer -> client edges.

    Args:
        support: SUPPORT table (backer, client, doc_id, date, source, field, sent_id, cue,
            sentence, modality, negated, and optionally confidence, review).
        min_confidence: count only statements whose ``confidence`` is at least this.
        reviewed_only: count only statements an analyst kept (``review == "kept"``, see
            :func:`helpers.apply_review`).
        corpus: CORPUS table, used only to find syndicated copies when ``support`` lacks
            ``duplicate_of``.
        select, **criteria: which statements count (:class:`helpers.select.Selection`): ``stories``
            ("unique" counts a syndicated story once: copies are found from ``duplicate_of`` in
            ``support``, else in ``corpus``; without either, statements with the same backer, client
            and sentence count once), ``sources``, ``start``/``end`` (undated statements then left
            out), ``entities`` (edges whose backer or client is one of them), ``kinds``.
        options: a :class:`helpers.NetworkOptions`: ``by`` ("source": one network per outlet), ``include_negated``
            and the ``modalities`` counted (None: the defaults).

    Returns:
        DataFrame[(source,) backer, client, statements, articles, first_seen, last_seen, sources,
        modalities, modality, confidence] one row per edge, most stated first; ``sources``/
        ``modalities`` are comma-joined sorted distinct values, ``modality`` the strongest one
        (asserted > alleged > possible > denied: the edge's line style), ``confidence`` the highest
        statement confidence (NaN without the column); with a ``review`` column also ``kept`` and
        ``unreviewed`` statement counts; with a ``cue_kind`` column also ``record_reads``, the statements read
        from the pack's record (``cue_kind`` ``record``), which :func:`compare_support` does not count. Dates are
        UTC tz-naive (NaT when no statement is dated).
        ``attrs``: ``start``/``end`` (the period the edges speak for, ISO dates or None), ``by``,
        ``selection``.

    Raises:
        ValueError: bad ``stories`` value, missing backer/client columns, an unknown actor, or
            ``reviewed_only`` without a review column.
        TypeError: ``options`` is not a :class:`helpers.NetworkOptions`.
    """
    opts = options_of(options, NetworkOptions)
    by = opts.by
    _check_support(support, by)
    sel = Selection.of(select, **criteria)
    s = select_statements(support, sel, corpus, opts.include_negated, opts.modalities, min_confidence, reviewed_only)
    attrs = {"by": by, "selection": sel.describe(), **_window(sel, s)}
    if not len(s):
        logger.info("support_network: no backing statement in this selection (%d rows in)", len(support))
        out = _empty_network(by)
        out.attrs.update(attrs)
        return out
    out = _edges(s, by)
    out.attrs.update(attrs)
    logger.info(
        "support_network: %d edges from %d statements in %d articles (stories=%s)",
        *(len(out), len(s), s["doc_id"].nunique(), sel.stories),
    )
    return out


def _check_support(support: pd.DataFrame, by: str | None) -> None:
    """Raise ValueError for a bad ``by`` or a support table without backer and client columns."""
    if by not in (None, "source"):
        raise ValueError(f"by must be None or 'source', not {by!r}")
    missing = [c for c in ("backer", "client") if c not in support.columns]
    if missing:
        raise ValueError(f"support table lacks column(s) {', '.join(missing)}: pass {SUPPORT}")


def select_statements(
    support: pd.DataFrame,
    sel: Selection,
    corpus: pd.DataFrame | None,
    include_negated: bool,
    modalities: Iterable[str],
    min_confidence: float | None,
    reviewed_only: bool,
) -> pd.DataFrame:
    """The statements an edge list counts: modality, negation, confidence and review, then the selection."""
    s = support
    mods = {str(x) for x in ([modalities] if isinstance(modalities, str) else modalities)}
    if include_negated:
        mods.add("denied")
    if "modality" in s.columns:
        s = s[s["modality"].astype(object).isin(mods)]
    if not include_negated and "negated" in s.columns:
        s = s[~s["negated"].fillna(False).astype(bool)]
    if min_confidence is not None and "confidence" in s.columns:
        s = s[s["confidence"] >= float(min_confidence)]
    if reviewed_only:
        if "review" not in s.columns:
            raise ValueError("reviewed_only=True needs a 'review' column: call apply_review(support, path) first")
        s = s[s["review"] == "kept"]
    return sel.support(s, corpus)


def _in_period(
    network: pd.DataFrame, reference: pd.DataFrame | None, lo: Any, hi: Any
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The edges stated and the reference edges in force between ``lo`` and ``hi`` (either may be None)."""
    net = network.copy()
    if len(net) and (lo is not None or hi is not None):
        first = to_utc_naive(net["first_seen"]) if "first_seen" in net.columns else None
        last = to_utc_naive(net["last_seen"]) if "last_seen" in net.columns else None
        keep = pd.Series(True, index=net.index)
        if hi is not None and first is not None:
            keep &= ~(first.to_numpy() > hi)
        if lo is not None and last is not None:
            keep &= ~(last.to_numpy() < lo)
        net = net[keep.to_numpy()]
    ref = reference.copy() if reference is not None else pd.DataFrame(columns=["backer", "client"])
    if len(ref) and (lo is not None or hi is not None):
        r_from = to_utc_naive(ref["from"]) if "from" in ref.columns else pd.Series(pd.NaT, index=ref.index)
        r_to = to_utc_naive(ref["to"]) if "to" in ref.columns else pd.Series(pd.NaT, index=ref.index)
        keep = np.ones(len(ref), dtype=bool)
        if hi is not None:
            keep &= ~(r_from.to_numpy() > hi)
        if lo is not None:
            keep &= ~(r_to.to_numpy() < lo)
        ref = ref[keep]

    return net, ref


def _compare_rows(net: pd.DataFrame, ref: pd.DataFrame) -> list[dict]:
    """One row per pair stated or in the reference, with its status, statements and citations."""
    stated = (
        net.assign(_own=net["statements"] - net.get("record_reads", 0)).groupby(["backer", "client"])["_own"].sum()
        if len(net)
        else pd.Series(dtype=np.int64, index=pd.MultiIndex.from_tuples([], names=["backer", "client"]))
    )
    stated = stated[stated > 0]  # a pair stated only by the record's reading is the record, not the press
    if "cite" not in ref.columns:
        ref["cite"] = ""
    cites = (
        ref.assign(cite=ref["cite"].fillna("").astype(str))
        .groupby(["backer", "client"])["cite"]
        .agg(lambda c: "; ".join(dict.fromkeys(x for x in c if x)))
        if len(ref)
        else pd.Series(dtype=object, index=pd.MultiIndex.from_tuples([], names=["backer", "client"]))
    )
    keys = list(dict.fromkeys(list(stated.index) + list(cites.index)))
    rows = []
    for key in keys:
        in_c, in_r = key in stated.index, key in cites.index
        status = "confirmed" if in_c and in_r else ("never stated" if in_r else "not in reference")
        rows.append(
            {
                "backer": key[0],
                "client": key[1],
                "in_corpus": in_c,
                "in_reference": in_r,
                "status": status,
                "statements": int(stated[key]) if in_c else 0,
                "cite": cites[key] if in_r else "",
            }
        )
    return rows


@checked(
    frames={"network": "a result of h.support_network(support)"},
    optional={"reference": "the gazetteer's reference edges (h.load_gazetteer().backs)"},
)
def compare_support(
    network: pd.DataFrame,
    reference: pd.DataFrame,
    start: object = None,
    end: object = None,
    by: str | None = None,
    **record_options: object,
) -> pd.DataFrame:
    """Set extracted backer -> client edges beside the reference (gazetteer ``backs``) edges.

    With ``by="year"``, or a ``reference`` from :func:`helpers.load_reference` (it has a ``year``
    column), the comparison is per year at the record's grain: :func:`helpers.compare_record` on the
    SUPPORT table passed as ``network`` (``min_confidence``, ``reviewed_only`` and ``options``, a
    :class:`helpers.RecordOptions`, are passed through; ``start``/``end`` are years).

    Args:
        network: output of :func:`support_network` (or the SUPPORT table for a per-year comparison).
        reference: DataFrame[backer, client, from, to, cite] (``load_gazetteer().backs``).
        start, end: compare over this window only: reference edges in force at some time within
            [start, end] (missing from/to are open), and extracted edges whose
            [first_seen, last_seen] overlaps it. For an exact window build the network with
            ``support_network(..., start=, end=)``.

    Returns:
        DataFrame[backer, client, in_corpus, in_reference, status, statements, cite], one row per
        (backer, client) of either side. status is "confirmed" (both), "never stated" (reference
        only) or "not in reference" (corpus only); statements is 0 for never stated edges; statements read
        from the pack's record (``record_reads``) are not counted, since they would confirm the record by
        itself; cite
        joins the reference citations ("" when none). Sorted by status then statements.

    Raises:
        ValueError: a per-year comparison of a network rather than the SUPPORT table.
    """
    if by == "year" or (reference is not None and "year" in reference.columns):
        if "doc_id" not in network.columns:
            raise ValueError(
                "compare_support(by='year') needs the SUPPORT table (one row per statement, with "
                "doc_id and date), not a network"
            )
        from .record import compare_record

        return compare_record(network, reference, start=start, end=end, **record_options)
    lo, hi = utc_bound(start), utc_bound(end)
    net, ref = _in_period(network, reference, lo, hi)
    out = pd.DataFrame(_compare_rows(net, ref), columns=list(COMPARE_COLUMNS))
    out["in_corpus"] = out["in_corpus"].astype(bool)
    out["in_reference"] = out["in_reference"].astype(bool)
    out["statements"] = out["statements"].astype(np.int64)
    if len(out):
        rank = out["status"].map({s: i for i, s in enumerate(STATUS_ORDER)})
        out = (
            out.assign(_rank=rank)
            .sort_values(["_rank", "statements", "backer", "client"], ascending=[True, False, True, True])
            .drop(columns="_rank")
            .reset_index(drop=True)
        )
    counts = out["status"].value_counts()
    logger.info(
        "compare_support: %d confirmed, %d never stated, %d not in reference",
        counts.get("confirmed", 0),
        counts.get("never stated", 0),
        counts.get("not in reference", 0),
    )
    return out
