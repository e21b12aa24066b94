"""The SUPPORT table: its columns, its stable edge ids and the frame built once from the extractor's rows."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

__all__ = ["SUPPORT_COLUMNS", "edge_id", "support_frame"]

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
    names = [
        "backer",
        "client",
        "sent_id",
        "cue",
        "sentence",
        "modality",
        "negated",
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
        "span",
    ]
    cols = dict(zip(names, map(list, zip(*rows)))) if rows else {n: [] for n in names}
    idx = np.asarray([w[0] for w in where], dtype=np.int64)
    out = pd.DataFrame({"backer": cols["backer"], "client": cols["client"]})
    out["doc_id"] = pd.array(corpus["doc_id"].to_numpy()[idx] if len(idx) else [], dtype="string")
    out["date"] = pd.to_datetime(
        corpus["date"].to_numpy()[idx] if len(idx) and "date" in corpus else [pd.NaT] * len(idx), utc=True
    )
    out["source"] = pd.array(
        corpus["source"].to_numpy()[idx] if len(idx) and "source" in corpus else [None] * len(idx), dtype="string"
    )
    out["field"] = [w[1] for w in where]
    for c in ("sent_id", "cue", "sentence", "modality", "negated"):
        out[c] = cols[c]
    dup = corpus["duplicate_of"].to_numpy()[idx] if len(idx) and "duplicate_of" in corpus else [None] * len(idx)
    out["duplicate_of"] = pd.array(dup, dtype="string")
    spans_of: dict[tuple, list] = {}  # repeats of one sentence in one field, in text order
    ids = []
    for d, f, sent, sp, b, c in zip(
        out["doc_id"], out["field"], cols["sentence"], cols["span"], cols["backer"], cols["client"]
    ):
        spans = spans_of.setdefault((d, f, " ".join(sent.split()), b, c), [])
        if sp not in spans:
            spans.append(sp)
        ids.append(edge_id(d, f, sent, b, c, spans.index(sp)))
    out["edge_id"] = ids
    for c in names[7:18]:
        out[c] = cols[c]
    out["negated"] = out["negated"].astype(bool)
    for c in ("sent_id", "backer_start", "backer_end", "client_start", "client_end", "cue_start", "cue_end"):
        out[c] = out[c].astype("int32")
    out["confidence"] = out["confidence"].astype(float)
    for c in ("backer", "client", "modality", "cue_kind", "support_type", "field"):
        out[c] = out[c].astype("category")
    return out[SUPPORT_COLUMNS]
