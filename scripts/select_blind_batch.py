"""Add a blind batch to the real-text dev set (run once per batch; kept in data/gold/real/items.csv).

Drawn without running the kit, from the rows no earlier batch took, none whose kit output an audit read
(``data/gold/real/audited.csv``), and that hold a backing word (the ``WORD``
pattern of ``select_fresh_items.py``; with ``--any``, from every row left). Each item is put at random in one of
two halves:

- ``fresh<N>``: labelled blind and never read: only its totals are printed;
- ``tune<N>``: labelled the same way; the rules may be written while reading its errors (training text).

Batches so far (7 Dec 2026):

- 2: ``--batch 2 --seed 20261207 --size fakes=120 --size sudan=60``;
- 3: ``--batch 3 --seed 20261208 --size fakes=120 --size guardian=300``;
- 4: ``--batch 4 --seed 20261209 --size fakes=120``;
- 5: ``--batch 5 --seed 20261210 --size sudan=120``;
- 6: ``--batch 6 --seed 20261211 --size fakes=120 --any`` (any row left, with or without a backing word: joint
  action, "air cover" or "alongside" hold none of its words).

Usage: ``python scripts/select_blind_batch.py --batch N --seed S --size CORPUS=K [--size ...]``.
"""

from __future__ import annotations

import argparse
import random

import pandas as pd
from select_fresh_items import FILES, WORD, _text

import helpers as h
from helpers import config
from helpers.devset import check_hash


def _draw(name: str, size: int, items: pd.DataFrame, batch: int, rng: random.Random, any_row: bool) -> list[dict]:
    corpus = h.load_corpus(config.SHARED_DIR / "corpora" / FILES[name])
    taken = set(items.loc[items["corpus"] == name, "row"])
    audited = config.DATA_DIR / "gold" / "real" / "audited.csv"  # rows whose kit output was read in an audit
    if audited.exists():
        seen = pd.read_csv(audited)
        taken |= set(seen.loc[seen["corpus"] == name, "row"])
    text = _text(corpus)
    cue = [i for i in range(len(corpus)) if i not in taken and (any_row or WORD.search(text.iat[i]))]
    pick = sorted(rng.sample(cue, min(size, len(cue))))
    halves = [f"fresh{batch}", f"tune{batch}"] * (len(pick) // 2 + 1)
    rng.shuffle(halves)
    return [
        {
            "corpus": name,
            "row": r,
            "check": check_hash(corpus["title"].iat[r]),
            "stratum": f"{'any' if any_row else 'cue'}{batch}",
            "second_pass": False,
            "split": split,
        }
        for r, split in zip(pick, halves)
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--batch", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--size", action="append", required=True, help="CORPUS=K, e.g. fakes=120")
    ap.add_argument("--any", action="store_true", help="draw from every row left, with or without a backing word")
    args = ap.parse_args()
    sizes = {k: int(v) for k, v in (s.split("=") for s in args.size)}
    path = config.DATA_DIR / "gold" / "real" / "items.csv"
    items = pd.read_csv(path)
    rng = random.Random(args.seed)
    new = pd.DataFrame([row for name, k in sizes.items() for row in _draw(name, k, items, args.batch, rng, args.any)])
    pd.concat([items, new], ignore_index=True).to_csv(path, index=False)
    print(new.groupby(["corpus", "split"]).size())


if __name__ == "__main__":
    main()
