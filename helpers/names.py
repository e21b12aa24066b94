"""Actor names for people: every figure, table and export shows an actor's display label, not its id.

The display label is the gazetteer's ``label`` with parenthetical notes dropped unless they are an
acronym (``"Syrian government (Bashar al-Assad)"`` -> ``"Syrian government"``, ``"Islamic State (ISIS)"``
stays); ids the gazetteer does not know are shown as they are. The gazetteer is the one set with
:func:`helpers.use_gazetteer` (the kit's own by default). Pass ``ids=True`` where you want the ids.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd

from .resolve import active_gazetteer, short_label

#: Columns and index levels that hold actor ids.
ACTOR_FIELDS: tuple[str, ...] = ("entity", "actor", "backer", "client", "a", "b", "parent")


def labels(ids: Iterable[Any] | None = None) -> dict[str, str]:
    """{id: display label} for ``ids`` (None: every actor of the gazetteer); unknown ids map to themselves."""
    g = active_gazetteer()
    known = {} if g is None else {str(k): short_label(v) for k, v in g.actors["label"].items()}
    if ids is None:
        return known
    return {str(i): known.get(str(i), str(i)) for i in ids}


def label(actor: Any) -> str:
    """The display label of one actor id (the id itself when the gazetteer does not know it)."""
    return labels([actor])[str(actor)]


def _relabel_index(index: pd.Index, names: dict[str, str]) -> pd.Index:
    if isinstance(index, pd.MultiIndex):
        levels = [lvl.map(lambda v: names.get(str(v), v)) if lvl.name in ACTOR_FIELDS else lvl for lvl in index.levels]
        return index.set_levels(levels, verify_integrity=False)
    if index.name in ACTOR_FIELDS:
        return index.map(lambda v: names.get(str(v), v))
    return index


def labelled(frame: pd.DataFrame | pd.Series, ids: bool = False) -> pd.DataFrame | pd.Series:
    """A copy of ``frame`` with actor ids shown as display labels.

    Values of the columns ``entity``, ``actor``, ``backer``, ``client``, ``a``, ``b`` and ``parent`` are
    replaced, and so are the index and column labels of levels with those names (a timeline's columns
    "actor", a co-occurrence matrix's "a" and "b"). ``attrs`` are kept.

    Args:
        frame: any table of the kit.
        ids: return ``frame`` unchanged (the ids are wanted).
    """
    if ids or frame is None:
        return frame
    names = labels()
    if not names:
        return frame
    out = frame.copy()
    if isinstance(out, pd.DataFrame):
        for col in ACTOR_FIELDS:
            if col in out.columns and not isinstance(out.columns, pd.MultiIndex):
                out[col] = out[col].map(lambda v: names.get(str(v), v) if isinstance(v, str) else v)
        out.columns = _relabel_index(out.columns, names)
    elif out.name in ACTOR_FIELDS:
        out = out.map(lambda v: names.get(str(v), v) if isinstance(v, str) else v)
    out.index = _relabel_index(out.index, names)
    out.attrs = dict(frame.attrs)
    return out


def describe_corpus(corpus: pd.DataFrame, name: str | None = None) -> str:
    """One line saying what a corpus is, for figure captions and summaries.

    ``"FA-KES-Dataset.csv: 804 articles from 15 sources, 15 Feb 2011 to 2 Jul 2018"``; undated articles
    and copies are counted when there are any.

    Args:
        corpus: the CORPUS table.
        name: what to call it (default: its file, or its folder and number of files).
    """
    import os

    if corpus is None or not isinstance(corpus, pd.DataFrame):
        raise TypeError("describe_corpus: pass the CORPUS table from h.load_corpus(...)")
    if name is None:
        paths = [str(p) for p in corpus["path"].dropna().unique()] if "path" in corpus.columns else []
        if len(paths) == 1:
            name = os.path.basename(paths[0])
        elif paths:
            name = f"{os.path.basename(os.path.commonpath(paths)) or 'corpus'} ({len(paths):,} files)"
        else:
            name = "corpus"
    n = len(corpus)
    sources = corpus["source"].nunique() if "source" in corpus.columns else 0
    dates = (
        pd.to_datetime(corpus["date"], utc=True, errors="coerce").dropna()
        if "date" in corpus.columns
        else pd.Series(dtype="datetime64[ns, UTC]")
    )
    text = f"{name}: {n:,} article{'s' if n != 1 else ''} from {sources:,} source{'s' if sources != 1 else ''}"
    if len(dates):
        lo, hi = dates.min(), dates.max()
        text += f", {lo.day} {lo:%b %Y}" + (f" to {hi.day} {hi:%b %Y}" if hi.date() != lo.date() else "")
    undated = n - len(dates)
    if undated:
        text += f" ({undated:,} undated)" if len(dates) else " (no dates)"
    copies = int(corpus["duplicate_of"].notna().sum()) if "duplicate_of" in corpus.columns else 0
    if copies:
        text += f"; {copies:,} syndicated copies"
    return text
