"""The SUPPORT table: its columns, its stable edge ids and the frame built once from the extractor's rows."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .sentences import TextOptions


@dataclass(frozen=True)
class SupportOptions(TextOptions):
    """The rarely changed knobs of :func:`helpers.extract_support` (``options=h.SupportOptions(anaphora=False)``).

    Attributes:
        sentence_model: the model the mentions were tagged with (None: the kit's).
        fields: the fields read (titles and texts).
        chunk_size: articles per task when ``n_jobs > 1`` (2000); the edges are the same.
        anaphora: let stand-ins (``the group``, ``it``, ``both groups``) take the actor named just before (same or
            previous sentence); the resolution is recorded in ``resolved``. True by default.

    Raises:
        ValueError: a bad ``fields`` or ``chunk_size`` (see :class:`~helpers.sentences.TextOptions`).
    """

    anaphora: bool = True


__all__ = ["SUPPORT_COLUMNS", "SupportOptions", "edge_id", "support_frame"]

#: Columns of the SUPPORT table, in this order.
SUPPORT_COLUMNS: list[str] = [
    "backer",
    "client",
    "doc_id",
    "date",
    "source",
    "field",
    "sent_id",
    "cue",
    "sentence",
    "modality",
    "negated",
    "duplicate_of",
    "edge_id",
    "cue_kind",
    "support_type",
    "attributed_to",
    "confidence",
    "backer_start",
    "backer_end",
    "client_start",
    "client_end",
    "cue_start",
    "cue_end",
    "resolved",
]


def edge_id(doc_id: str, field: str, sentence: str, backer: str, client: str, nth: int = 0) -> str:
    """A stable id for one statement: the same article, field, sentence and pair give the same id, wherever
    the sentence moves in the article (``nth`` tells apart repeats of one sentence in one field)."""
    key = "\x1f".join([str(doc_id), str(field), " ".join(sentence.split()), backer, client, str(nth)])
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


#: the SUPPORT columns the corpus or the frame itself gives (not in an extractor row)
_FROM_CORPUS = frozenset({"doc_id", "date", "source", "field", "duplicate_of", "edge_id"})
#: the fields of one extractor row, in order: the other SUPPORT columns, then the edge's span
_ROW_FIELDS = [c for c in SUPPORT_COLUMNS if c not in _FROM_CORPUS] + ["span"]
_CATEGORIES = ("backer", "client", "modality", "cue_kind", "support_type")
_INT32 = ("sent_id", "backer_start", "backer_end", "client_start", "client_end", "cue_start", "cue_end")


def support_frame(corpus: pd.DataFrame, rows: list[tuple], where: list[tuple[int, str]]) -> pd.DataFrame:
    """The SUPPORT frame, built once from column lists.

    Args:
        corpus: the CORPUS frame the rows come from (its ``doc_id``, ``date``, ``source``, ``duplicate_of``).
        rows: one tuple per edge, in the extractor's order (backer, client, sent_id, cue, sentence, modality,
            negated, cue_kind, support_type, attributed_to, confidence, the six offsets, resolved, span).
        where: per row, the corpus row and the field it was read in.

    Returns:
        The SUPPORT table (:data:`SUPPORT_COLUMNS`).
    """
    cols = dict(zip(_ROW_FIELDS, map(list, zip(*rows)))) if rows else {n: [] for n in _ROW_FIELDS}
    idx = np.asarray([w[0] for w in where], dtype=np.int64)
    data: dict[str, Any] = {c: _column(cols[c]) for c in _ROW_FIELDS[:-1]}  # each column built once
    data.update(_article_columns(corpus, idx))
    data["field"] = _column([w[1] for w in where])
    data["edge_id"] = _column(_edge_ids(data["doc_id"], data["field"], cols))
    data["negated"] = data["negated"].astype(bool)
    for c in _INT32:
        data[c] = data[c].astype("int32")
    data["confidence"] = data["confidence"].astype(float)
    for c in (*_CATEGORIES, "field"):
        data[c] = data[c].astype("category")
    return pd.DataFrame({c: data[c] for c in SUPPORT_COLUMNS})


def _column(values: list) -> pd.Series:
    """A column of the frame from a list, typed as a frame's column assigned from it (an empty one: float)."""
    return pd.Series(values) if values else pd.Series(values, dtype="float64")


def _article_columns(corpus: pd.DataFrame, idx: np.ndarray) -> dict[str, Any]:
    """The article's columns of each row (``idx``: its corpus row): doc_id, date, source, duplicate_of."""
    n = len(idx)

    def taken(c: str, empty: Any) -> Any:
        return corpus[c].to_numpy()[idx] if n and c in corpus else [empty] * n

    return {
        "doc_id": pd.Series(pd.array(corpus["doc_id"].to_numpy()[idx] if n else [], dtype="string")),
        "date": pd.Series(pd.to_datetime(taken("date", pd.NaT), utc=True)),
        "source": pd.Series(pd.array(taken("source", None), dtype="string")),
        "duplicate_of": pd.Series(pd.array(taken("duplicate_of", None), dtype="string")),
    }


def _edge_ids(doc_ids: pd.Series, fields: pd.Series, cols: dict[str, list]) -> list[str]:
    """Each row's :func:`edge_id` (repeats of one sentence in one field told apart in text order)."""
    spans_of: dict[tuple, list] = {}
    ids = []
    for d, f, sent, sp, b, c in zip(doc_ids, fields, cols["sentence"], cols["span"], cols["backer"], cols["client"]):
        spans = spans_of.setdefault((d, f, " ".join(sent.split()), b, c), [])
        if sp not in spans:
            spans.append(sp)
        ids.append(edge_id(d, f, sent, b, c, spans.index(sp)))
    return ids
