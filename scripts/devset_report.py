"""Score the kit on its own gold set and on the real-text dev set, and write data/gold/real/scores.json.

Usage::

    python scripts/devset_report.py               # print the tables, write scores.json
    python scripts/devset_report.py --calibrate   # first refit the per-shape confidence from the tune split
    python scripts/devset_report.py --errors tune # also list the tune split's errors (never the test split's)
    python scripts/devset_report.py --errors tune2 # the same for a later batch's training half (tune2 to tune6)

The own gold set is a training figure (the rules were written while reading its errors); the dev set's
``tune`` split is where rules may be tuned; its ``test`` split is untouched: only its totals are printed;
the ``fresh`` split (drawn without the kit and labelled blind after the rules were written) is untouched too,
and so are ``fresh2`` to ``fresh6``, halves of later blind batches (``scripts/select_blind_batch.py``) whose
other halves, ``tune2`` to ``tune6``, are training text like ``tune``.
The reliability table and the Brier score of the ``confidence`` column are computed on the test split.
Needs the real corpora in ``../shared/corpora``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re

import numpy as np
import pandas as pd

import helpers as h
from helpers.cues import CUES_PATH
from helpers.devset import REAL_DIR, devset_agreement, load_devset, score_devset

SPLITS = ("tune", "test", "fresh", *(f"{half}{n}" for n in range(2, 7) for half in ("tune", "fresh")))
BINS = [0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001]


def reliability(edges: pd.DataFrame) -> tuple[pd.DataFrame, float]:
    """Edges binned by confidence with the share correct in each bin, and the Brier score."""
    if edges.empty:
        return pd.DataFrame(), float("nan")
    e = edges.drop_duplicates(["corpus", "row", "backer", "client"])
    b = pd.cut(e["confidence"], BINS, right=False)
    table = (
        e.groupby(b, observed=True)
        .agg(edges=("correct", "size"), mean_confidence=("confidence", "mean"), share_correct=("correct", "mean"))
        .reset_index()
    )
    table["confidence"] = table["confidence"].astype(str)
    brier = float(((e["confidence"] - e["correct"].astype(float)) ** 2).mean())
    return table.round(3), round(brier, 4)


def calibrate(edges: pd.DataFrame) -> dict[str, float]:
    """Per-shape base figures such that the mean confidence of each shape's tune edges equals its share
    correct (Laplace-smoothed), given the fixed factors; written into the lexicon's ``confidence.shapes``."""
    lex = h.load_cues()
    e = edges.drop_duplicates(["corpus", "row", "backer", "client"])
    out = {}
    for shape, g in e.groupby(e["cue_kind"].astype(str)):
        base = lex.confidence["shapes"].get(shape, 0.7)
        factor = float((g["confidence"] / base).mean()) or 1.0
        share = (g["correct"].sum() + 1) / (len(g) + 2)
        out[shape] = round(min(0.99, max(0.05, share / factor)), 2)
    text = CUES_PATH.read_text(encoding="utf-8")
    shapes = {**lex.confidence["shapes"], **out}
    line = "  shapes: {" + ", ".join(f"{k}: {v}" for k, v in shapes.items()) + "}"
    text = re.sub(r"(?m)^  shapes: \{[^}]*\}", line, text)
    CUES_PATH.write_text(text, encoding="utf-8")
    return out


def _figures(row: pd.Series) -> dict:
    return {k: float(row[k]) for k in ("precision", "recall", "f1")} | {k: int(row[k]) for k in ("tp", "fp", "fn")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--calibrate", action="store_true")
    ap.add_argument("--errors", choices=["tune", *(f"tune{n}" for n in range(2, 7))], default=None)
    args = ap.parse_args()
    items = load_devset()
    if args.calibrate:
        tune = score_devset(items, splits=("tune",))
        print("refitted confidence:", calibrate(tune.edges))
    score = score_devset(items, splits=SPLITS)
    pd.set_option("display.width", 200)
    print(score.summary.to_string(index=False))
    gold = h.evaluate()
    own = gold.summary.set_index("task")
    table, brier = reliability(score.edges[score.edges["split"] == "test"])
    print(f"\nReliability of confidence on the untouched test split (Brier {brier:.4f}):")
    print(table.to_string(index=False))
    agree = devset_agreement()
    print("\nAgreement between annotation passes:\n" + agree.to_string(index=False))
    s = score.summary.set_index(["split", "corpus", "task"])
    out = {
        "measured": dt.date.today().isoformat(),
        "commit_note": "see git log",
        "own_gold": {"support": _figures(own.loc["support"]), "mentions": _figures(own.loc["mentions"])},
        "brier_test": brier,
        "reliability_test": table.to_dict(orient="records"),
        "agreement": agree.to_dict(orient="records"),
    }
    for split in SPLITS:
        if (split, "all", "support") not in s.index:
            continue
        out[f"dev_{split}"] = {
            "support": _figures(s.loc[(split, "all", "support")]),
            "presence": _figures(s.loc[(split, "all", "presence")]),
            "items": int(s.loc[(split, "all", "support"), "items"]),
            "per_corpus": {
                c: {t: _figures(s.loc[(split, c, t)]) for t in ("support", "presence")}
                for c in sorted(set(items.corpus))
                if (split, c, "support") in s.index
            },
        }
    (REAL_DIR / "scores.json").write_text(json.dumps(out, indent=1, default=float) + "\n", encoding="utf-8")
    print(f"\nwrote {REAL_DIR / 'scores.json'}")
    if args.errors:
        err = score.errors[score.errors["split"] == args.errors]
        pd.set_option("display.max_colwidth", 160)
        print(err.to_string(index=False))
    np.seterr(all="ignore")


if __name__ == "__main__":
    main()
