"""Comparing sources: how much of each outlet's coverage names each actor.

:func:`source_profile` gives, per source (rows) and actor (columns), the share of that source's
articles that mention the actor, optionally standardised across sources (z-scores) to show which
outlet over- or under-covers whom relative to the others.
"""
from __future__ import annotations

import logging
from typing import Any, Literal

import numpy as np
import pandas as pd

from .select import CORPUS, MENTIONS, Selection, checked

logger = logging.getLogger(__name__)


@checked(frames={"mentions": MENTIONS, "corpus": CORPUS}, optional={"actors": "the gazetteer's .actors frame"})
def source_profile(
    mentions: pd.DataFrame,
    corpus: pd.DataFrame,
    normalise: Literal["share", "zscore"] = "share",
    rollup: bool = False,
    actors: pd.DataFrame | None = None,
    select: Selection | None = None,
    **criteria: Any,
) -> pd.DataFrame:
    """Per source, the share of its articles mentioning each actor.

    Args:
        mentions: MENTIONS table.
        corpus: CORPUS table (the denominators: articles per source).
        normalise: "share" (0..1: articles naming the actor / articles of the source) or
            "zscore" (each actor's shares standardised across sources: (share - mean) / std, with
            the population std; 0 where all sources agree). With fewer than two sources there is
            nothing to compare: every z-score is NaN and ``attrs["note"]`` says so.
        rollup, actors: as in :func:`helpers.mention_timeline`.
        select, **criteria: what is counted (:class:`helpers.select.Selection`): ``entities`` (the
            columns, in this order; default all, most widely covered first), ``sources`` (rows),
            ``start``/``end`` (only articles dated within; undated ones then left out), ``roles``,
            ``kinds``, ``stories`` ("unique" drops syndicated copies from mentions and denominators).

    Returns:
        DataFrame indexed by source (name "source"), one column per actor (name "actor"); sources
        without any article are left out, sources without mentions are rows of zeros.
        ``attrs``: normalise, stories, ``articles`` {source: number of articles}, ``note`` (why nothing
        could be compared, else ""), ``selection``.

    Raises:
        ValueError: bad ``normalise`` value or an unknown actor.
    """
    if normalise not in ("share", "zscore"):
        raise ValueError(f"normalise must be 'share' or 'zscore', not {normalise!r}")
    sel = Selection.of(select, **criteria)
    c = sel.articles(corpus)
    m = sel.mentions(mentions, rollup=rollup, actors=actors, corpus=corpus)
    m = m[m["doc_id"].isin(set(c["doc_id"]))]
    articles = c.groupby("source").size()
    ids = sel.entity_ids(m["entity"].unique())
    if ids is not None:
        m = m[m["entity"].isin(ids)]
    naming = m.drop_duplicates(["doc_id", "entity"])
    hits = naming.groupby(["source", "entity"]).size().unstack("entity") if len(naming) else pd.DataFrame()
    if ids is None:
        reach = naming["entity"].value_counts()
        order = sorted(reach.index, key=lambda e: (-reach[e], e))
    else:
        order = ids
    hits = hits.reindex(index=articles.index, columns=order).fillna(0)
    share = hits.div(articles, axis=0).astype(float)
    note = ""
    if normalise == "zscore":
        if len(share) < 2:
            note = "one source: nothing to compare" if len(share) == 1 else "no source: nothing to compare"
            share = share * np.nan
        else:
            std = share.std(axis=0, ddof=0).replace(0, np.nan)
            share = ((share - share.mean(axis=0)) / std).fillna(0.0)
    share.index.name, share.columns.name = "source", "actor"
    logger.info("source_profile: %d sources, %d actors, %d articles (stories=%s)%s",
                len(share), share.shape[1], int(articles.sum()), sel.stories, f"; {note}" if note else "")
    share.attrs.update({"normalise": normalise, "stories": sel.stories, "note": note, "selection": sel.describe(),
                        "articles": {str(k): int(v) for k, v in articles.items()}})
    return share
