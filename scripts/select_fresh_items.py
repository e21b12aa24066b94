"""Add a fresh, untouched batch to the real-text dev set (run once; kept in data/gold/real/items.csv).

The first batch (``tune`` / ``test``) was drawn on 4 Dec 2026 and the support rules were read against its
``tune`` part. This batch was drawn on 4 Dec 2026 after those rules were written, without running the
kit (so the draw cannot favour what the kit finds), and is labelled blind; its ``split`` is ``fresh``
and its errors are never read while writing rules. Strata:

- ``guardian``: 150 headlines with a backing word (``fresh_cue``) and 50 drawn from all (``fresh_any``);
- ``fakes``: 2 articles per outlet (``fresh_outlet``);
- ``sudan``: 80 items with a backing word (``fresh_cue``).

Rows already in ``items.csv`` are never drawn again. Usage: ``python scripts/select_fresh_items.py``.
"""

from __future__ import annotations

import random
import re

import pandas as pd

import helpers as h
from helpers import config
from helpers.devset import check_hash

SEED = 20261205
WORD = re.compile(
    r"\b(back(s|ed|ing|ers?)?|support(s|ed|ing|ers?)?|arm(s|ed|ing)|fund(s|ed|ing)?|financ\w*|"
    r"all(y|ies|ied)|prox(y|ies)|weapons?|aid|help(s|ed|ing)?|sponsor\w*|patrons?|allegiance)\b",
    re.I,
)
FILES = {
    "guardian": "guardian-syria-headlines/guardian_syria_headlines_2011_2023.csv",
    "fakes": "fa-kes/FA-KES-Dataset.csv",
    "sudan": "sudan-rss-2023/entries.tsv",
}


def _text(corpus: pd.DataFrame) -> pd.Series:
    return corpus["title"].fillna("") + " " + corpus.get("text", pd.Series("", index=corpus.index)).fillna("")


def _draw(name: str, corpus: pd.DataFrame, taken: set[int], rng: random.Random) -> list[tuple[int, str]]:
    free = [i for i in range(len(corpus)) if i not in taken]
    if name == "fakes":
        out = []
        for _, g in corpus.iloc[free].assign(row=[*free]).groupby("source"):
            out += [(r, "fresh_outlet") for r in rng.sample(sorted(g["row"]), min(2, len(g)))]
        return out
    text = _text(corpus)
    cue = [i for i in free if WORD.search(text.iat[i])]
    pick = rng.sample(cue, min(150 if name == "guardian" else 80, len(cue)))
    out = [(r, "fresh_cue") for r in pick]
    if name == "guardian":
        rest = sorted(set(free) - set(pick))
        out += [(r, "fresh_any") for r in rng.sample(rest, 50)]
    return out


def main() -> None:
    path = config.DATA_DIR / "gold" / "real" / "items.csv"
    items = pd.read_csv(path)
    rng = random.Random(SEED)
    rows = []
    for name, rel in FILES.items():
        corpus = h.load_corpus(config.SHARED_DIR / "corpora" / rel)
        taken = set(items.loc[items["corpus"] == name, "row"])
        for r, stratum in sorted(_draw(name, corpus, taken, rng)):
            rows.append(
                {
                    "corpus": name,
                    "row": r,
                    "check": check_hash(corpus["title"].iat[r]),
                    "stratum": stratum,
                    "second_pass": False,
                    "split": "fresh",
                }
            )
    new = pd.DataFrame(rows)
    pd.concat([items, new], ignore_index=True).to_csv(path, index=False)
    print(new.groupby(["corpus", "stratum"]).size())


if __name__ == "__main__":
    main()
