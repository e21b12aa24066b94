"""Comparing sources: how much of each outlet's coverage names each actor.

:func:`source_profile` gives, per source (rows) and actor (columns), the share of that source's
articles that mention the actor, optionally standardised across sources (z-scores) to show which
outlet over- or under-covers whom relative to the others.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from typing import Literal

import numpy as np
import pandas as pd

from .timelines import select_articles, select_mentions, utc_bound

logger = logging.getLogger(__name__)


def source_profile(
    mentions: pd.DataFrame,
    corpus: pd.DataFrame,
    entities: Sequence[str] | None = None,
    stories: Literal["unique", "all"] = "unique",
    normalise: Literal["share", "zscore"] = "share",
    roles: Iterable[str] | None = ("actor",),
    rollup: bool = False,
    sources: Iterable[str] | None = None,
    start: object = None,
    end: object = None,
    actors: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Per source, the share of its articles mentioning each actor.

    Args:
        mentions: MENTIONS table.
        corpus: CORPUS table (the denominators: articles per source).
        entities: actors (columns, in this order); None keeps all, most widely covered first.
        stories: "unique" drops syndicated copies from mentions and denominators; "all" keeps them.
        normalise: "share" (0..1: articles naming the actor / articles of the source) or
            "zscore" (each actor's shares standardised across sources: (share - mean) / std, with
            the population std; 0 where all sources agree).
        roles, rollup, actors: as in :func:`helpers.mention_timeline`.
        sources: keep only these sources (rows).
        start, end: only articles dated within [start, end] (undated ones then left out).

    Returns:
        DataFrame indexed by source (name "source"), one column per actor (name "actor"); sources
        without any article are left out, sources without mentions are rows of zeros.
        ``attrs``: normalise, stories, ``articles`` {source: number of articles}.

    Raises:
        ValueError: bad ``normalise`` value.
    """
    if normalise not in ("share", "zscore"):
        raise ValueError(f"normalise must be 'share' or 'zscore', not {normalise!r}")
    c = select_articles(corpus, stories=stories, sources=sources)
    m = select_mentions(mentions, roles=roles, stories=stories, rollup=rollup, actors=actors, sources=sources)
    lo, hi = utc_bound(start), utc_bound(end)
    if lo is not None:
        c, m = c[c["date"] >= lo], m[m["date"] >= lo]
    if hi is not None:
        c, m = c[c["date"] <= hi], m[m["date"] <= hi]
    m = m[m["doc_id"].isin(set(c["doc_id"]))]
    articles = c.groupby("source").size()
    if entities is not None:
        entities = [entities] if isinstance(entities, str) else [str(e) for e in entities]
        m = m[m["entity"].isin(entities)]
    naming = m.drop_duplicates(["doc_id", "entity"])
    hits = naming.groupby(["source", "entity"]).size().unstack("entity") if len(naming) else pd.DataFrame()
    if entities is None:
        reach = naming["entity"].value_counts()
        order = sorted(reach.index, key=lambda e: (-reach[e], e))
    else:
        order = list(dict.fromkeys(entities))
    hits = hits.reindex(index=articles.index, columns=order).fillna(0)
    share = hits.div(articles, axis=0).astype(float)
    if normalise == "zscore":
        std = share.std(axis=0, ddof=0).replace(0, np.nan)
        share = ((share - share.mean(axis=0)) / std).fillna(0.0)
    share.index.name, share.columns.name = "source", "actor"
    logger.info("source_profile: %d sources, %d actors, %d articles (stories=%s)",
                len(share), share.shape[1], int(articles.sum()), stories)
    share.attrs.update({"normalise": normalise, "stories": stories,
                        "articles": {str(k): int(v) for k, v in articles.items()}})
    return share
