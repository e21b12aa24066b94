"""The MENTIONS table: a tagger run over the title and text of every article of a CORPUS frame, with
paragraph and sentence ids, and the frame built once from column lists (categorical codes).
"""

from __future__ import annotations

import datetime as _dt
import gc
from collections.abc import Sequence
from operator import attrgetter, itemgetter
from typing import Any

import numpy as np
import pandas as pd

from . import dates as dates_mod
from . import readings, roles
from .sentences import paragraph_start_list
from .textnorm import fold

#: Columns of the MENTIONS table, in this order.
MENTION_COLUMNS: list[str] = [
    "doc_id",
    "date",
    "source",
    "duplicate_of",
    "field",
    "para_id",
    "sent_id",
    "start",
    "end",
    "surface",
    "entity",
    "kind",
    "via",
    "role",
    "parent",
    "dated_by",
    "date_precision",
]
#: The article's ``date_precision`` (as in the CORPUS): analyses of mentions alone can tell a date known to
#: the day from one known only to the month or year.
DATE_PRECISIONS: list[str] = [*dates_mod.PRECISIONS, ""]
#: All kinds of alias (``via``); pass a subset as ``TagOptions(vias=...)`` to drop metonyms you do not trust.
ALL_VIAS = ("name", "acronym", "demonym", "leader", "capital", "body", "description")
KINDS = ["faction", "state", "organisation", "coalition"]
EPOCH = pd.Timestamp("1970-01-01")
#: The day number of an undated article.
NODATE = np.iinfo(np.int64).min
_VIA_CODE = {v: k for k, v in enumerate(ALL_VIAS)}
_FIELD_CODE = {"title": 0, "text": 1}
_ROLE_CODE = {r: k for k, r in enumerate(roles.ROLES)}
_DATED_CODE = {d: k for k, d in enumerate(readings.DATED_BY)}
_CONTEXT_CODE = _DATED_CODE[readings.CONTEXT]
_EPOCH_DATE = _dt.date(1970, 1, 1)
_DATED = object()
_KEY = itemgetter(2)  # a hit's compiled key
_GENERIC = attrgetter("generic")


def by_start(c: tuple) -> tuple[int, int]:
    """Sort key: text order, the longer first at one start."""
    return c[0], -c[1]


def longest_first(c: tuple) -> tuple[int, int]:
    """Sort key: the longest span first, then the leftmost."""
    return c[0] - c[1], c[0]


def year_of(day: int) -> int:
    """The year of a day number (days since 1970-01-01)."""
    return (_EPOCH_DATE + _dt.timedelta(days=day)).year


def day_of(ts: pd.Timestamp) -> int:
    """The day number (days since 1970-01-01) of a naive timestamp."""
    return int((ts - EPOCH).days)


def tag_frame(tg: Any, corpus: pd.DataFrame, fields: Sequence[str] = ("title", "text")) -> pd.DataFrame:
    """Tag a CORPUS frame into the MENTIONS table with the tagger ``tg`` (see :func:`helpers.mentions.tag_mentions`)."""
    # the loop builds millions of small tuples and no reference cycles: the cyclic garbage collector
    # would only walk them again and again (about 8% of the time at 50,000 articles)
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _tag_frame(tg, corpus, fields)
    finally:
        if enabled:
            gc.enable()


#: The row tuples' fields, in order (the MENTIONS columns are built from them).
_ROW_FIELDS = [
    "doc_row",
    "field",
    "para_id",
    "sent_id",
    "start",
    "end",
    "surface",
    "entity",
    "via",
    "role",
    "parent",
    "dated_by",
]


def _tag_frame(tg: Any, corpus: pd.DataFrame, fields: Sequence[str]) -> pd.DataFrame:
    """:func:`tag_frame` with the garbage collector already off."""
    dates = _utc_dates(corpus)
    days = _day_numbers(dates)
    field_cols = [corpus[f].tolist() if f in corpus else [""] * len(corpus) for f in fields]
    # generic aliases count only in articles about the conflict: title or text names a context word,
    # whichever fields are tagged
    others = [corpus[f].tolist() for f in ("title", "text") if f not in fields and f in corpus]
    fcodes = [_FIELD_CODE.get(f, -1) for f in fields]
    rows = _Rows(tg)
    other_rows = list(zip(*others)) if others else None
    for i, (texts, day) in enumerate(zip(zip(*field_cols), days.tolist() if len(days) else [])):
        scans = _scan_fields(tg, fcodes, texts)
        if scans:
            _tag_article(tg, rows, i, day, scans, other_rows[i] if other_rows else ())
    columns = list(zip(*rows.rows)) if rows.rows else [()] * len(_ROW_FIELDS)
    cols = dict(zip(_ROW_FIELDS, columns))
    doc_rows = cols.pop("doc_row")
    return _frame(tg, corpus, dates, doc_rows, cols)


def _utc_dates(corpus: pd.DataFrame) -> pd.Series:
    """The articles' dates in UTC (all missing when the corpus has no ``date`` column)."""
    if "date" in corpus:
        return pd.to_datetime(corpus["date"], utc=True)
    return pd.Series(pd.NaT, index=corpus.index, dtype="datetime64[ns, UTC]")


def _day_numbers(dates: pd.Series) -> Any:
    """Each article's UTC day as days since 1970-01-01, :data:`NODATE` when undated."""
    days = dates.dt.tz_localize(None).dt.normalize()
    return ((days - EPOCH).dt.days).fillna(NODATE).astype(np.int64).to_numpy() if len(days) else []


def _scan_fields(tg: Any, fcodes: list[int], texts: Sequence[Any]) -> list[tuple[int, str, str, list]]:
    """The alias hits of an article's non-empty fields: ``(field code, text, folded text, hits)``."""
    out = []
    for fcode, text in zip(fcodes, texts):
        if isinstance(text, str) and text:
            folded, hits = tg.scan(text)
            out.append((fcode, text, folded, hits))
    return out


def _article_context(tg: Any, scans: list[tuple[int, str, str, list]], others: Sequence[Any]) -> frozenset[str]:
    """The packs an article is about; asked only when it matters (a generic alias, or a description that
    might match), otherwise every pack."""
    if tg.context_ac is None:
        return tg.all_packs
    generic = False
    for scan in scans:
        if any(map(_GENERIC, map(_KEY, scan[3]))):
            generic = True
            break
    else:
        if not tg.descriptions:
            return tg.all_packs
        for scan in scans:
            if tg.may_describe(scan[2]):
                break
        else:
            return tg.all_packs
    texts = [folded for _, _, folded, _ in scans]
    if generic:
        return tg.about_conflict(texts + [fold(o) for o in others if isinstance(o, str)])
    return _LazyContext(tg, texts, others)  # only a description that matches asks


class _LazyContext:
    """The packs an article is about, counted the first time someone asks whether a pack is among them (an
    article without generic aliases needs them only when one of its descriptions matches, which is rare)."""

    __slots__ = ("_tg", "_texts", "_others", "_packs")

    def __init__(self, tg: Any, texts: list[str], others: Sequence[Any]) -> None:
        self._tg, self._texts, self._others = tg, texts, others
        self._packs: frozenset[str] | None = None

    def __contains__(self, pack: object) -> bool:
        if self._packs is None:
            self._packs = self._tg.about_conflict(self._texts + [fold(o) for o in self._others if isinstance(o, str)])
        return pack in self._packs


def _tag_article(
    tg: Any, rows: _Rows, i: int, day: int, scans: list[tuple[int, str, str, list]], others: Sequence[Any]
) -> None:
    """Tag one article (row ``i``) from its fields' hits and add its mentions to ``rows``."""
    context = _article_context(tg, scans, others)
    for fcode, text, folded, hits in scans:
        if not hits and not (tg.descriptions and tg.may_describe(folded)):
            continue
        found = tg.select(text, folded, hits, day, context)
        if found:
            rows.add(i, fcode, text, found, day)


def codes_of(tg: Any, r: Any) -> tuple[int, int, Any]:
    """A reading's codes in the MENTIONS rows: entity, via, and its parent (``-1``: none), or a marker when the
    parent depends on the day."""
    p = tg.parent_of.get(r.entity, _DATED)
    return tg.ent_code[r.entity], _VIA_CODE[r.via], (_DATED if p is _DATED else tg.ent_code.get(p, -1))


def reading_codes(tg: Any) -> dict[int, tuple[int, int, Any]]:
    """:func:`codes_of` every reading the tagger compiled that can make a mention, by the reading's identity (the
    tagger keeps them alive; a description's reading is made per match and looked up on its own)."""
    return {id(r): codes_of(tg, r) for r in tg.all_readings() if r.entity}


class _Rows:
    """The mention rows of a corpus being tagged, as tuples of :data:`_ROW_FIELDS` (categories as codes:
    entity, via, role (actor 0, place 1), parent (-1: none), dated_by)."""

    def __init__(self, tg: Any) -> None:
        self.tg = tg
        self.rows: list[tuple] = []
        self.codes = tg.row_codes

    def _codes_of(self, r: Any) -> tuple[int, int, Any]:
        return codes_of(self.tg, r)

    def add(self, i: int, fcode: int, text: str, found: list[tuple], day: int) -> None:
        """Add the mentions ``found`` in field ``fcode`` (text ``text``) of article row ``i``."""
        tg = self.tg
        starts = [f[0] for f in found]
        p_starts = paragraph_start_list(text) if "\n" in text else None
        if p_starts is not None and len(p_starts) > 1:
            para_ids, sent_ids = tg.model.para_sentence_ids(text, starts, p_starts)
        else:
            para_ids = [0] * len(starts)
            sent_ids = tg.model.sentence_ids(text, starts, p_starts)
        ctx, dated = tg.by_context, _DATED_CODE[readings.ARTICLE_DATE if day != NODATE else readings.DEFAULT_DATE]
        codes, codes_of, role_code = self.codes, self._codes_of, _ROLE_CODE
        got = [codes.get(id(r)) or codes_of(r) for _, _, r, _ in found]
        self.rows.extend(
            [
                (
                    i,
                    fcode,
                    pid,
                    sid,
                    st,
                    en,
                    text[st:en],
                    c[0],
                    c[1],
                    role_code[role],
                    c[2] if c[2] is not _DATED else tg.ent_code.get(tg.parent(r.entity, day), -1),
                    _CONTEXT_CODE if st in ctx else dated,
                )
                for (st, en, r, role), sid, pid, c in zip(found, sent_ids, para_ids, got)
            ]
        )


def _precisions(corpus: pd.DataFrame, rows: np.ndarray) -> pd.Categorical:
    """The ``date_precision`` of each mention's article (``""`` when the corpus has no such column)."""
    if "date_precision" not in corpus:
        return pd.Categorical.from_codes(
            np.full(len(rows), len(DATE_PRECISIONS) - 1, dtype=np.int8), categories=DATE_PRECISIONS
        )
    codes = np.asarray(
        pd.Categorical(corpus["date_precision"].astype(object).fillna("").astype(str), categories=DATE_PRECISIONS).codes
    )
    codes = np.where(codes < 0, len(DATE_PRECISIONS) - 1, codes).astype(np.int8)
    return pd.Categorical.from_codes(codes[rows], categories=DATE_PRECISIONS)


def _frame(
    tg: Any, corpus: pd.DataFrame, dates: pd.Series, doc_rows: Sequence[int], cols: dict[str, Sequence]
) -> pd.DataFrame:
    rows = np.asarray(doc_rows, dtype=np.int64)
    n = len(rows)

    def take(column: str) -> Any:
        return corpus[column].array.take(rows) if column in corpus else pd.array([pd.NA] * n, dtype="string")

    def codes(column: str, dtype: Any = np.int32) -> np.ndarray:
        return np.asarray(cols[column], dtype=dtype) if n else np.zeros(0, dtype=dtype)

    if "source" in corpus:
        src_codes, src_names = pd.factorize(corpus["source"], sort=True)
        source = pd.Categorical.from_codes(src_codes[rows], categories=pd.Index(list(src_names)))
    else:
        source = pd.Categorical([""] * n)
    entity = codes("entity")
    out = pd.DataFrame(
        {
            "doc_id": pd.array(take("doc_id"), dtype="string"),
            "date": pd.to_datetime(dates.array.take(rows) if n else np.array([], dtype="datetime64[ns]"), utc=True),
            "source": source,
            "duplicate_of": pd.array(take("duplicate_of"), dtype="string"),
            "field": pd.Categorical.from_codes(codes("field", np.int8), categories=["title", "text"]),
            "para_id": codes("para_id", np.int32),
            "sent_id": codes("sent_id", np.int32),
            "start": codes("start", np.int32),
            "end": codes("end", np.int32),
            "surface": pd.array(list(cols["surface"]), dtype="string"),
            "entity": pd.Categorical.from_codes(entity, categories=tg.entities),
            "kind": pd.Categorical.from_codes(
                tg.kind_codes[entity] if n else np.zeros(0, dtype=np.int8), categories=KINDS
            ),
            "via": pd.Categorical.from_codes(codes("via", np.int8), categories=list(ALL_VIAS)),
            "role": pd.Categorical.from_codes(codes("role", np.int8), categories=list(roles.ROLES)),
            "parent": pd.Categorical.from_codes(codes("parent"), categories=tg.entities),
            "dated_by": pd.Categorical.from_codes(codes("dated_by", np.int8), categories=list(readings.DATED_BY)),
            "date_precision": _precisions(corpus, rows),
        }
    )
    return out[MENTION_COLUMNS]
