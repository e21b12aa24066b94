"""Keyword in context: the lines behind a count, for checking what it is made of.

:func:`kwic` (like NLTK's ``concordance_list``) lists the mentions of chosen actors with the text on
either side, selected like every other analysis of the kit (actors by id, label or alias; dates,
sources, roles, kinds, stories).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import pandas as pd

from .select import CORPUS, MENTIONS, Selection, checked

logger = logging.getLogger(__name__)

KWIC_COLUMNS: tuple[str, ...] = ("left", "match", "right", "doc_id", "date", "source", "field", "entity")


@checked(frames={"mentions": MENTIONS, "corpus": CORPUS})
def kwic(
    mentions: pd.DataFrame,
    corpus: pd.DataFrame,
    entity: str | Sequence[str] | None = None,
    width: int = 60,
    limit: int | None = None,
    select: Selection | None = None,
    **criteria: Any,
) -> pd.DataFrame:
    """A keyword-in-context table: each selected mention with ``width`` characters either side.

    Args:
        mentions: the MENTIONS frame.
        corpus: the CORPUS frame the mentions came from.
        entity: an actor or a list of them, by id, label or alias in any case (``"Hezbollah"``,
            ``"hizbullah"``); None: every actor. Same as ``entities=``.
        width: characters of context on each side.
        limit: at most this many rows (the first in table order).
        select, **criteria: further criteria (:class:`helpers.select.Selection`): ``roles`` (actor readings
            by default, as every analysis; ``roles="place"`` for place readings, ``roles=None`` for every role),
            ``start``/``end``, ``sources``, ``kinds``, ``stories`` ("unique": copies left out).

    Returns:
        DataFrame[left, match, right, doc_id, date, source, field, entity] (``date`` in naive UTC, as every
        selection compares dates; line breaks in the context
        shown as spaces; ``left`` right-aligned, ``right`` left-aligned to ``width``).

    Raises:
        ValueError: an unknown actor (the message names the closest ones).
        TypeError: ``mentions`` or ``corpus`` is not a table.
    """
    if not isinstance(width, int) or width < 0:
        raise ValueError(f"width must be a whole number of characters, not {width!r}")
    if entity is not None:
        criteria.setdefault("entities", entity)
    sel = Selection.of(select, **criteria)
    m = sel.mentions(mentions, columns=("field", "start", "end"), corpus=corpus)
    ids = sel.entity_ids(m["entity"].unique())
    if ids is not None:
        m = m[m["entity"].isin(ids)]
    if limit is not None:
        m = m.head(int(limit))
    texts = {
        (str(d), f): t
        for d, ti, tx in zip(corpus["doc_id"].astype(str), corpus["title"], corpus["text"])
        for f, t in (("title", ti), ("text", tx))
    }
    rows = []
    for doc, field, start, end in zip(m["doc_id"].astype(str), m["field"].astype(str), m["start"], m["end"]):
        t = texts.get((doc, field))
        t = t if isinstance(t, str) else ""
        left = t[max(0, int(start) - width) : int(start)].replace("\n", " ")
        right = t[int(end) : int(end) + width].replace("\n", " ")
        rows.append((left.rjust(width), t[int(start) : int(end)], right.ljust(width)))
    out = pd.DataFrame(rows, columns=list(KWIC_COLUMNS[:3]))
    for col in KWIC_COLUMNS[3:]:
        out[col] = m[col].to_numpy() if col in m.columns else None
    logger.info("kwic: %d lines", len(out))
    return out
