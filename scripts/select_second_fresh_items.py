"""Add a second blind batch to the real-text dev set (run once; kept in data/gold/real/items.csv).

Drawn on 7 Dec 2026, without running the kit, from the rows no earlier batch took: 120 FA-KES articles and 60
Sudan RSS items that hold a backing word (the ``WORD`` pattern of ``select_fresh_items.py``). Each item is put at
random in one of two halves:

- ``fresh2``: labelled blind and never read: only its totals are printed;
- ``tune2``: labelled the same way, and the rules may be written while reading its errors (training text).

Usage: ``python scripts/select_second_fresh_items.py``.
"""

from __future__ import annotations

import random

import pandas as pd
from select_fresh_items import FILES, WORD, _text

import helpers as h
from helpers import config
from helpers.devset import check_hash

SEED = 20261207
SIZES = {"fakes": 120, "sudan": 60}


def _draw(name: str, items: pd.DataFrame, rng: random.Random) -> list[dict]:
    corpus = h.load_corpus(config.SHARED_DIR / "corpora" / FILES[name])
    taken = set(items.loc[items["corpus"] == name, "row"])
    text = _text(corpus)
    cue = [i for i in range(len(corpus)) if i not in taken and WORD.search(text.iat[i])]
    pick = sorted(rng.sample(cue, min(SIZES[name], len(cue))))
    halves = ["fresh2", "tune2"] * (len(pick) // 2 + 1)
    rng.shuffle(halves)
    return [
        {
            "corpus": name,
            "row": r,
            "check": check_hash(corpus["title"].iat[r]),
            "stratum": "cue2",
            "second_pass": False,
            "split": split,
        }
        for r, split in zip(pick, halves)
    ]


def main() -> None:
    path = config.DATA_DIR / "gold" / "real" / "items.csv"
    items = pd.read_csv(path)
    rng = random.Random(SEED)
    new = pd.DataFrame([row for name in SIZES for row in _draw(name, items, rng)])
    pd.concat([items, new], ignore_index=True).to_csv(path, index=False)
    print(new.groupby(["corpus", "split"]).size())


if __name__ == "__main__":
    main()
