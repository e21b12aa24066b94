"""Review backing statements by hand and estimate how far the extracted network can be trusted.

No extractor is perfect, so an analyst checks a sample: :func:`sample_for_review` writes a CSV of edges
drawn at random within strata (by default the statement shape, ``cue_kind``), with the sentence, the
backer, the client and the cue; the analyst writes ``keep`` or ``drop`` in the ``decision`` column (and
a note if they like); :func:`apply_review` reads it back onto the SUPPORT table by ``edge_id`` (a review
survives re-runs and rule changes); :func:`estimate_precision` gives the share kept per stratum with a
Wilson 95% interval, and a stratified estimate for the whole edge set.

The stratified estimate weights each stratum's precision by its share of all edges,
``p = sum(W_h * p_h)``, with the interval ``p +/- 1.96 * sqrt(sum(W_h**2 * q_h * (1 - q_h) / (n_h + 4)))``
where ``q_h = (kept_h + 2) / (n_h + 4)`` (the Agresti-Coull adjustment, so a stratum with every edge kept
still has a width), clipped to [0, 1]. Strata with no reviewed edge are left out and named.
"""

from __future__ import annotations

import csv
import logging
import math
from pathlib import Path

import numpy as np
import pandas as pd

log = logging.getLogger(__name__)

REVIEW_COLUMNS = [
    "edge_id",
    "stratum",
    "decision",
    "note",
    "backer",
    "client",
    "cue",
    "cue_kind",
    "modality",
    "confidence",
    "sentence",
    "doc_id",
    "source",
    "date",
    "link",
]
DECISIONS = ("keep", "drop")


def wilson_interval(kept: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval for a proportion ``kept / n`` (``(nan, nan)`` when ``n == 0``).

    Args:
        kept: successes; n: trials; z: the normal quantile (1.96 for 95%).

    Returns:
        ``(low, high)``.
    """
    if n <= 0:
        return float("nan"), float("nan")
    p = kept / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def sample_for_review(
    support: pd.DataFrame,
    path: str | Path,
    n: int = 50,
    by: str | None = "cue_kind",
    seed: int = 0,
    corpus: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Draw edges for review and write them to a CSV an analyst fills in.

    Allocation is proportional to each stratum's size, with at least one edge per stratum while ``n``
    allows; within a stratum edges are drawn at random (``seed``).

    Args:
        support: the SUPPORT table.
        path: where to write the CSV (its folder is created).
        n: how many edges to draw (all, when there are fewer).
        by: the column that defines the strata (``None``: one stratum).
        seed: the random seed.
        corpus: the CORPUS table, for the articles' URLs (the ``link`` column).

    Returns:
        The frame written (columns :data:`REVIEW_COLUMNS`).

    Raises:
        ValueError: ``support`` lacks ``edge_id`` or the ``by`` column.
    """
    for col in ("edge_id", *([by] if by else [])):
        if col not in support.columns:
            raise ValueError(f"sample_for_review: the support table has no {col!r} column")
    s = support.drop_duplicates("edge_id")
    strata = s[by].astype(str) if by else pd.Series("all", index=s.index)
    sizes = strata.value_counts()
    take = _allocate(sizes, min(n, len(s)))
    rng = np.random.default_rng(seed)
    picked = []
    for name, k in take.items():
        idx = s.index[strata == name]
        picked += list(rng.choice(idx, size=k, replace=False)) if k else []
    out = s.loc[picked].copy()
    out["stratum"] = strata.loc[picked].to_numpy()
    out["decision"] = ""
    out["note"] = ""
    links = dict(zip(corpus["doc_id"], corpus["url"])) if corpus is not None and "url" in corpus else {}
    out["link"] = [links.get(d, "") or "" for d in out["doc_id"]]
    for col in REVIEW_COLUMNS:
        if col not in out.columns:
            out[col] = ""
    out = out[REVIEW_COLUMNS].sort_values(["stratum", "edge_id"]).reset_index(drop=True)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    out.to_csv(path, index=False, quoting=csv.QUOTE_NONNUMERIC)
    log.info("review sample: %d edges in %d strata written to %s", len(out), len(take), path)
    return out


def _allocate(sizes: pd.Series, n: int) -> dict[str, int]:
    """Proportional allocation with at least one per stratum while ``n`` allows (largest remainders)."""
    total = int(sizes.sum())
    if not total or not n:
        return {k: 0 for k in sizes.index}
    base = {k: min(int(v), max(1 if n >= len(sizes) else 0, int(n * v / total))) for k, v in sizes.items()}
    while sum(base.values()) > n:
        k = max(base, key=lambda x: base[x])
        base[k] -= 1
    rema = sorted(sizes.index, key=lambda k: (n * sizes[k] / total) - base[k], reverse=True)
    i = 0
    while sum(base.values()) < n and any(base[k] < sizes[k] for k in sizes.index):
        k = rema[i % len(rema)]
        if base[k] < sizes[k]:
            base[k] += 1
        i += 1
    return base


def read_review(path: str | Path) -> pd.DataFrame:
    """Read a filled review file, checking its decisions.

    Raises:
        ValueError: a missing ``edge_id``/``decision`` column, or a decision other than keep/drop/empty
            (with the line number).
    """
    path = Path(path)
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    for col in ("edge_id", "decision"):
        if col not in df.columns:
            raise ValueError(f"{path}: no {col!r} column; found {list(df.columns)}")
    df["decision"] = df["decision"].str.strip().str.lower()
    bad = df.index[~df["decision"].isin(["", *DECISIONS])]
    if len(bad):
        line = int(bad[0]) + 2  # the header is line 1
        raise ValueError(f"{path}, line {line}: decision {df.at[bad[0], 'decision']!r} is not 'keep', 'drop' or empty")
    return df


def apply_review(support: pd.DataFrame, path: str | Path) -> pd.DataFrame:
    """The SUPPORT table with a ``review`` column: ``kept``, ``dropped`` or ``unreviewed`` (and the
    reviewer's ``review_note``), matched by ``edge_id``.

    Args:
        support: the SUPPORT table.
        path: a review file written by :func:`sample_for_review` and filled in.

    Returns:
        A copy of ``support`` with ``review``, ``review_note`` and ``review_stratum``.
    """
    df = read_review(path)
    done = df[df["decision"] != ""]
    decision = dict(zip(done["edge_id"], done["decision"].map({"keep": "kept", "drop": "dropped"})))
    notes = dict(zip(done["edge_id"], done.get("note", pd.Series("", index=done.index))))
    strata = dict(zip(done["edge_id"], done.get("stratum", pd.Series("", index=done.index))))
    out = support.copy()
    out["review"] = pd.Categorical(
        [decision.get(e, "unreviewed") for e in out["edge_id"]], categories=["kept", "dropped", "unreviewed"]
    )
    out["review_note"] = [notes.get(e, "") for e in out["edge_id"]]
    out["review_stratum"] = [strata.get(e, "") for e in out["edge_id"]]
    missing = set(decision) - set(out["edge_id"])
    if missing:
        log.warning(
            "apply_review: %d reviewed edges are not in this support table (a different corpus or extraction?)",
            len(missing),
        )
    log.info(
        "apply_review: %d of %d edges reviewed (%d kept)",
        int((out["review"] != "unreviewed").sum()),
        len(out),
        int((out["review"] == "kept").sum()),
    )
    return out


def estimate_precision(reviewed: pd.DataFrame, by: str | None = "cue_kind") -> pd.DataFrame:
    """Precision of the extracted edges from a review, per stratum and for the whole set.

    Args:
        reviewed: the output of :func:`apply_review` (every edge, reviewed or not).
        by: the stratum column used when sampling (``None``: one stratum).

    Returns:
        One row per stratum and two summary rows (``all reviewed``: the plain share kept;
        ``stratified``: weighted by stratum sizes): ``stratum``, ``edges`` (in the whole set),
        ``reviewed``, ``kept``, ``precision``, ``low``, ``high`` (95%), ``label`` (e.g.
        ``"0.86 (0.74-0.93) on 50 reviewed edges"``).
    """
    if "review" not in reviewed.columns:
        raise ValueError("estimate_precision: no 'review' column; call apply_review first")
    r = reviewed.drop_duplicates("edge_id") if "edge_id" in reviewed else reviewed
    strata = r[by].astype(str) if by and by in r.columns else pd.Series("all", index=r.index)
    rows = []
    for name in sorted(strata.unique()):
        g = r[strata == name]
        n = int((g["review"] != "unreviewed").sum())
        k = int((g["review"] == "kept").sum())
        lo, hi = wilson_interval(k, n)
        rows.append(
            {
                "stratum": name,
                "edges": len(g),
                "reviewed": n,
                "kept": k,
                "precision": k / n if n else float("nan"),
                "low": lo,
                "high": hi,
            }
        )
    out = pd.DataFrame(rows)
    n, k = int(out["reviewed"].sum()), int(out["kept"].sum())
    lo, hi = wilson_interval(k, n)
    summary = [
        {
            "stratum": "all reviewed",
            "edges": len(r),
            "reviewed": n,
            "kept": k,
            "precision": k / n if n else float("nan"),
            "low": lo,
            "high": hi,
        }
    ]
    strat = _stratified(out)
    if strat is not None:
        summary.append({"stratum": "stratified", "edges": len(r), "reviewed": n, "kept": k, **strat})
    out = pd.concat([out, pd.DataFrame(summary)], ignore_index=True)
    out["label"] = [
        f"{p:.2f} ({a:.2f}-{b:.2f}) on {m} reviewed edges" if m else "not reviewed"
        for p, a, b, m in zip(out["precision"], out["low"], out["high"], out["reviewed"])
    ]
    return out


def _stratified(per: pd.DataFrame) -> dict | None:
    seen = per[per["reviewed"] > 0]
    if seen.empty:
        return None
    unseen = per.loc[per["reviewed"] == 0, "stratum"].tolist()
    if unseen:
        log.warning(
            "estimate_precision: strata without a reviewed edge are left out of the stratified estimate: %s",
            ", ".join(unseen),
        )
    w = seen["edges"] / seen["edges"].sum()
    p = float((w * seen["precision"]).sum())
    q = (seen["kept"] + 2) / (seen["reviewed"] + 4)
    se = math.sqrt(float((w**2 * q * (1 - q) / (seen["reviewed"] + 4)).sum()))
    return {"precision": p, "low": max(0.0, p - 1.96 * se), "high": min(1.0, p + 1.96 * se)}
