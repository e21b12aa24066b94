"""Comparing sources: how much of each outlet's coverage names each actor.

:func:`source_profile` gives, per source (rows) and actor (columns), the share of that source's
articles that mention the actor, optionally standardised across sources (z-scores) to show which
outlet over- or under-covers whom relative to the others. :func:`compare_services` sets an outlet's
services in two languages (Arabic and English) side by side.
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
    share = _shares(m, articles, sel.entity_ids(m["entity"].unique()))
    note = ""
    if normalise == "zscore":
        share, note = _zscores(share)
    share.index.name, share.columns.name = "source", "actor"
    _describe(share, articles, sel, normalise, note)
    return share


def _describe(share: pd.DataFrame, articles: pd.Series, sel: Selection, normalise: str, note: str) -> None:
    """Log the profile's size and set its attrs (normalise, stories, note, selection, articles per source)."""
    logger.info(
        "source_profile: %d sources, %d actors, %d articles (stories=%s)%s",
        len(share),
        share.shape[1],
        int(articles.sum()),
        sel.stories,
        f"; {note}" if note else "",
    )
    share.attrs.update(
        {
            "normalise": normalise,
            "stories": sel.stories,
            "note": note,
            "selection": sel.describe(),
            "articles": {str(k): int(v) for k, v in articles.items()},
        }
    )


def _shares(m: pd.DataFrame, articles: pd.Series, ids: list[str] | None) -> pd.DataFrame:
    """Per source (rows of ``articles``), the share of its articles naming each actor: ``ids`` in this order,
    else every actor named, most widely covered first."""
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
    return hits.div(articles, axis=0).astype(float)


def _zscores(share: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """Each actor's shares standardised across sources (population std; 0 where all agree), and a note when
    fewer than two sources leave nothing to compare (every z-score NaN)."""
    if len(share) < 2:
        note = "one source: nothing to compare" if len(share) == 1 else "no source: nothing to compare"
        return share * np.nan, note
    std = share.std(axis=0, ddof=0).replace(0, np.nan)
    return ((share - share.mean(axis=0)) / std).fillna(0.0), ""


def _bilingual(arts: pd.DataFrame, languages: tuple[str, str]) -> tuple[pd.DataFrame, pd.Series]:
    """Articles per source and language, and the smaller of the two ``languages``' counts of the sources
    that have articles in both."""
    lang = arts["language"].astype(str) if "language" in arts else pd.Series("und", index=arts.index)
    counts = pd.crosstab(arts["source"].astype(str), lang) if len(arts) else pd.DataFrame()
    both = counts.reindex(columns=list(languages)).fillna(0).min(axis=1) if len(counts) else pd.Series(dtype=float)
    return counts, both[both > 0]


def _none_in_both(outlet: str | None, languages: tuple[str, str]) -> pd.DataFrame:
    """The empty comparison, with a note saying why (no outlet, or not this one, has both services)."""
    note = (
        f"no outlet has articles in both {' and '.join(languages)}"
        if outlet is None
        else f"{outlet} has no articles in both {' and '.join(languages)}"
    )
    empty = pd.DataFrame(columns=list(languages), dtype=float).rename_axis("actor")
    empty.attrs.update({"outlet": outlet, "note": note, "articles": {}, "statements": {}})
    logger.info("compare_services: %s", note)
    return empty


@checked(frames={"mentions": MENTIONS, "corpus": CORPUS}, optional={"support": "the SUPPORT table"})
def compare_services(
    mentions: pd.DataFrame,
    corpus: pd.DataFrame,
    support: pd.DataFrame | None = None,
    outlet: str | None = None,
    languages: tuple[str, str] = ("en", "ar"),
    select: Selection | None = None,
    **criteria: Any,
) -> pd.DataFrame:
    """An outlet's services in two languages side by side: the share of each service's articles naming
    each actor (the CORPUS's ``language`` column tells the services apart).

    Args:
        mentions, corpus: MENTIONS and CORPUS tables.
        support: SUPPORT table: the backing statements each service reports go in ``attrs["statements"]``.
        outlet: the outlet (a ``source`` value); None: the one with most articles in the smaller service.
        languages: the two languages compared.
        select, **criteria: as in :func:`source_profile` (``sources`` and ``language`` are set here).

    Returns:
        DataFrame indexed by actor (name "actor"), one column per language (0 where a service never names
        the actor); empty with ``attrs["note"]`` saying why when no outlet has articles in both languages.
        ``attrs``: ``outlet``, ``articles`` {language: n}, ``statements`` {language: [(backer, client)]},
        ``note``.
    """
    sel = Selection.of(select, **criteria)
    counts, both = _bilingual(Selection.of(sel, sources=None, language=None).articles(corpus), languages)
    if outlet is None and len(both):
        outlet = str(both.idxmax())
    if outlet is None or outlet not in both.index:
        return _none_in_both(outlet, languages)
    shares, statements = {}, {}
    for lg in languages:
        part = Selection.of(sel, sources=[outlet], language=lg)
        shares[lg] = source_profile(mentions, corpus, select=part).reindex([outlet]).iloc[0]
        said = part.support(support, corpus) if support is not None else pd.DataFrame()
        said = said[~said["negated"].astype(bool)] if len(said) else said
        statements[lg] = sorted({(str(b), str(c)) for b, c in zip(said.get("backer", []), said.get("client", []))})
    out = pd.DataFrame(shares).fillna(0.0).rename_axis("actor")
    out = out.loc[out.max(axis=1).sort_values(ascending=False).index]
    out.attrs.update(
        {
            "outlet": outlet,
            "note": "",
            "statements": statements,
            "articles": {lg: int(counts.at[outlet, lg]) for lg in languages},
        }
    )
    return out
