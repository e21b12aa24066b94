"""Choose the items of the real-text dev set (run once; the choice is kept in data/gold/real/items.csv).

The texts stay in ../shared/corpora; the project keeps only corpus names, row numbers and a short hash
of each row's title so a changed file is noticed. Strata:

- ``aljazeera``: every entry of the RSS capture;
- ``fakes``: 150 articles, 10 per outlet (11 for the five largest; all of an outlet with fewer), spread
  round-robin over the outlet's years (seeded);
- ``guardian``: every headline that gave a support edge with the kit as it stood when the set was made
  (stratum ``edge_then``), 150 headlines naming at least two actors with a backing word in them
  (``cue_word``), 150 naming at least one actor (``actor``) and 50 drawn from all (``any``).

Usage: ``python scripts/select_dev_items.py`` (writes data/gold/real/items.csv without the ``split`` and
``second_pass`` columns, which were then drawn once with fixed seeds: ``split`` is ``test`` when
``sha256("20261204:<corpus>:<row>")`` read as a number is below 50 modulo 100, ``second_pass`` is a
seeded 10% sample per corpus). Re-running it after the kit has changed gives a different
``edge_then`` stratum: the set is chosen once.
"""

from __future__ import annotations

import random
import re

import pandas as pd

import helpers as h
from helpers import config
from helpers.devset import check_hash

SEED = 20261204
CORPORA = {
    "aljazeera": "aljazeera-rss-2024/entries.tsv",
    "fakes": "fa-kes/FA-KES-Dataset.csv",
    "guardian": "guardian-syria-headlines/guardian_syria_headlines_2011_2023.csv",
}
CUE = re.compile(
    r"\b(back|support|arm|fund|financ|aid|help|ally|allie|proxy|proxies|sponsor|train|equip|weapon|"
    r"troops|fight|side|patron|lifeline|prop)",
    re.I,
)


def _fakes(corpus: pd.DataFrame, rng: random.Random) -> list[tuple[int, str]]:
    out = []
    corpus = corpus.assign(row=range(len(corpus)), year=corpus["date"].dt.year)
    largest = set(corpus["source"].value_counts().index[:5])  # one more each, so small outlets still sum to 150
    for source, g in corpus.groupby("source"):
        quota = 11 if source in largest else 10
        rows = []
        by_year = {y: list(gy["row"]) for y, gy in g.groupby("year")}
        for y in by_year:
            rng.shuffle(by_year[y])
        while len(rows) < min(quota, len(g)):  # round-robin over the outlet's years
            for y in sorted(by_year):
                if by_year[y] and len(rows) < quota:
                    rows.append(by_year[y].pop())
        out += [(r, "outlet") for r in rows]
    return out


def _guardian(corpus: pd.DataFrame, rng: random.Random) -> list[tuple[int, str]]:
    mentions = h.tag_mentions(corpus)
    support = h.extract_support(corpus, mentions)
    pos = {d: i for i, d in enumerate(corpus["doc_id"])}
    edge = sorted({pos[d] for d in support["doc_id"]})
    actors = mentions[mentions["role"] == "actor"].groupby("doc_id", observed=True)["entity"].nunique()
    taken = set(edge)
    out = [(r, "edge_then") for r in edge]
    two = [pos[d] for d, n in actors.items() if n >= 2 and CUE.search(corpus["title"].iat[pos[d]])]
    one = [pos[d] for d in actors.index]
    for pool, n, name in ((two, 150, "cue_word"), (one, 150, "actor"), (list(range(len(corpus))), 50, "any")):
        pool = sorted(set(pool) - taken)
        pick = rng.sample(pool, min(n, len(pool)))
        taken |= set(pick)
        out += [(r, name) for r in sorted(pick)]
    return out


def main() -> None:
    rng = random.Random(SEED)
    rows = []
    for name, rel in CORPORA.items():
        corpus = h.load_corpus(config.SHARED_DIR / "corpora" / rel)
        if name == "aljazeera":
            picked = [(i, "all") for i in range(len(corpus))]
        elif name == "fakes":
            picked = _fakes(corpus, rng)
        else:
            picked = _guardian(corpus, rng)
        for r, stratum in picked:
            rows.append({"corpus": name, "row": r, "check": check_hash(corpus["title"].iat[r]), "stratum": stratum})
    out = config.DATA_DIR / "gold" / "real" / "items.csv"
    out.parent.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows).to_csv(out, index=False)
    print(pd.DataFrame(rows).groupby(["corpus", "stratum"]).size())


if __name__ == "__main__":
    main()
