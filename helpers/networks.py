"""Backer networks: who is said to back whom, and how that compares with the reference record.

:func:`support_network` aggregates the SUPPORT table (one row per backing statement) into
backer -> client edges; :func:`compare_support` sets those edges beside the gazetteer's reference
``backs`` edges. :func:`helpers.plot_support_network` draws either.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Literal

import numpy as np
import pandas as pd

from .timelines import utc_bound, is_copy, to_utc_naive

logger = logging.getLogger(__name__)

NETWORK_COLUMNS: tuple[str, ...] = (
    "backer", "client", "statements", "articles", "first_seen", "last_seen", "sources", "modalities",
)
COMPARE_COLUMNS: tuple[str, ...] = ("backer", "client", "in_corpus", "in_reference", "status", "statements", "cite")
STATUS_ORDER: tuple[str, ...] = ("confirmed", "never stated", "not in reference")


def _joined(values: pd.Series) -> str:
    """Sorted distinct non-empty values, comma-joined."""
    return ", ".join(sorted({str(v) for v in values.dropna() if str(v).strip()}))


def support_network(
    support: pd.DataFrame,
    stories: Literal["unique", "all"] = "unique",
    include_negated: bool = False,
    modalities: Iterable[str] = ("asserted", "alleged", "possible"),
    sources: Iterable[str] | None = None,
    start: object = None,
    end: object = None,
    corpus: pd.DataFrame | None = None,
    min_confidence: float | None = None,
    reviewed_only: bool = False,
) -> pd.DataFrame:
    """Aggregate backing statements into backer -> client edges.

    Args:
        support: SUPPORT table (backer, client, doc_id, date, source, field, sent_id, cue,
            sentence, modality, negated).
        stories: "unique" counts a syndicated story once: rows whose ``duplicate_of`` is set are
            dropped (the column is taken from ``support``, else looked up in ``corpus``); without
            either, statements with the same backer, client and sentence text are counted once
            (the earliest kept). "all" counts every copy.
        include_negated: also count negated statements (and admits modality "denied").
        modalities: modalities counted.
        sources: count only statements from these sources.
        start, end: count only statements dated within [start, end] (inclusive; undated ones are
            then left out).
        corpus: CORPUS table, used only to find syndicated copies when ``support`` lacks
            ``duplicate_of``.
        min_confidence: count only statements whose ``confidence`` is at least this.
        reviewed_only: count only statements an analyst kept (``review == "kept"``, see
            :func:`helpers.apply_review`).

    Returns:
        DataFrame[backer, client, statements, articles, first_seen, last_seen, sources, modalities]
        one row per edge, most stated first; ``sources``/``modalities`` are comma-joined sorted
        distinct values; dates are UTC tz-naive (NaT when no statement of the edge is dated).

    Raises:
        ValueError: bad ``stories`` value or missing backer/client columns.
    """
    if stories not in ("unique", "all"):
        raise ValueError(f"stories must be 'unique' or 'all', not {stories!r}")
    missing = [c for c in ("backer", "client") if c not in support.columns]
    if missing:
        raise ValueError(f"support table lacks column(s) {', '.join(missing)}")
    s = support.copy()
    for col in ("backer", "client", "source", "modality", "doc_id"):
        if col in s.columns:
            s[col] = s[col].astype(object).where(s[col].notna(), None)
    s["date"] = to_utc_naive(s["date"]).to_numpy() if "date" in s.columns else pd.NaT
    n_in = len(s)

    mods = {str(x) for x in ([modalities] if isinstance(modalities, str) else modalities)}
    if include_negated:
        mods.add("denied")
    if "modality" in s.columns:
        s = s[s["modality"].isin(mods)]
    if not include_negated and "negated" in s.columns:
        s = s[~s["negated"].fillna(False).astype(bool)]
    if min_confidence is not None and "confidence" in s.columns:
        s = s[s["confidence"] >= min_confidence]
    if reviewed_only:
        if "review" not in s.columns:
            raise ValueError("reviewed_only=True needs a 'review' column: call apply_review(support, path) first")
        s = s[s["review"] == "kept"]
    if sources is not None and "source" in s.columns:
        s = s[s["source"].isin([sources] if isinstance(sources, str) else list(sources))]
    lo, hi = utc_bound(start), utc_bound(end)
    if lo is not None:
        s = s[s["date"] >= lo]
    if hi is not None:
        s = s[s["date"] <= hi]

    if stories == "unique":
        if "duplicate_of" in s.columns:
            s = s[~is_copy(s["duplicate_of"])]
        elif corpus is not None and "duplicate_of" in corpus.columns:
            copies = set(corpus.loc[is_copy(corpus["duplicate_of"]), "doc_id"].astype(str))
            s = s[~s["doc_id"].astype(str).isin(copies)]
        elif "sentence" in s.columns:
            norm = s["sentence"].astype(str).str.lower().str.split().str.join(" ")
            s = (s.assign(_norm=norm).sort_values("date", kind="stable", na_position="last")
                 .drop_duplicates(["backer", "client", "_norm"]).drop(columns="_norm"))

    if not len(s):
        logger.info("support_network: no backing statement in this selection (%d rows in)", n_in)
        out = pd.DataFrame({c: pd.Series(dtype=object) for c in NETWORK_COLUMNS})
        for c in ("statements", "articles"):
            out[c] = out[c].astype(np.int64)
        for c in ("first_seen", "last_seen"):
            out[c] = pd.Series(dtype="datetime64[ns]")
        return out
    for col, default in (("doc_id", None), ("source", None), ("modality", None)):
        if col not in s.columns:
            s[col] = default
    g = s.groupby(["backer", "client"], sort=False)
    out = pd.DataFrame({
        "statements": g.size(),
        "articles": g["doc_id"].nunique(),
        "first_seen": g["date"].min(),
        "last_seen": g["date"].max(),
        "sources": g["source"].agg(_joined),
        "modalities": g["modality"].agg(_joined),
    }).reset_index()
    out = out.sort_values(["statements", "backer", "client"], ascending=[False, True, True], kind="stable")
    out = out.reset_index(drop=True)[list(NETWORK_COLUMNS)]
    logger.info("support_network: %d edges from %d statements in %d articles (stories=%s)",
                len(out), len(s), s["doc_id"].nunique(), stories)
    return out


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
    SUPPORT table passed as ``network`` (``min_confidence``, ``reviewed_only`` and ``rollup`` are passed
    through; ``start``/``end`` are years).

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
        only) or "not in reference" (corpus only); statements is 0 for never stated edges; cite
        joins the reference citations ("" when none). Sorted by status then statements.

    Raises:
        ValueError: a per-year comparison of a network rather than the SUPPORT table.
    """
    if by == "year" or (reference is not None and "year" in reference.columns):
        if "doc_id" not in network.columns:
            raise ValueError("compare_support(by='year') needs the SUPPORT table (one row per statement, with "
                             "doc_id and date), not a network")
        from .record import compare_record

        return compare_record(network, reference, start=start, end=end, **record_options)
    lo, hi = utc_bound(start), utc_bound(end)
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

    stated = (net.groupby(["backer", "client"])["statements"].sum() if len(net)
              else pd.Series(dtype=np.int64, index=pd.MultiIndex.from_tuples([], names=["backer", "client"])))
    if "cite" not in ref.columns:
        ref["cite"] = ""
    cites = (ref.assign(cite=ref["cite"].fillna("").astype(str))
             .groupby(["backer", "client"])["cite"].agg(lambda c: "; ".join(dict.fromkeys(x for x in c if x)))
             if len(ref) else pd.Series(dtype=object, index=pd.MultiIndex.from_tuples([], names=["backer", "client"])))
    keys = list(dict.fromkeys(list(stated.index) + list(cites.index)))
    rows = []
    for key in keys:
        in_c, in_r = key in stated.index, key in cites.index
        status = "confirmed" if in_c and in_r else ("never stated" if in_r else "not in reference")
        rows.append({
            "backer": key[0], "client": key[1], "in_corpus": in_c, "in_reference": in_r, "status": status,
            "statements": int(stated[key]) if in_c else 0, "cite": cites[key] if in_r else "",
        })
    out = pd.DataFrame(rows, columns=list(COMPARE_COLUMNS))
    out["in_corpus"] = out["in_corpus"].astype(bool)
    out["in_reference"] = out["in_reference"].astype(bool)
    out["statements"] = out["statements"].astype(np.int64)
    if len(out):
        rank = out["status"].map({s: i for i, s in enumerate(STATUS_ORDER)})
        out = (out.assign(_rank=rank)
               .sort_values(["_rank", "statements", "backer", "client"], ascending=[True, False, True, True])
               .drop(columns="_rank").reset_index(drop=True))
    counts = out["status"].value_counts()
    logger.info("compare_support: %d confirmed, %d never stated, %d not in reference",
                counts.get("confirmed", 0), counts.get("never stated", 0), counts.get("not in reference", 0))
    return out
