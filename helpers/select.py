"""One selection layer: which actors, dates, sources, roles, kinds and stories an analysis counts.

Every analysis of the kit (timelines, co-occurrence, backer networks, source profiles, KWIC) takes the
same criteria, either as keywords (``start=``, ``end=``, ``sources=``, ``entities=``, ``roles=``,
``kinds=``, ``stories=``) or as one :class:`Selection` (``select=``), and filters its tables through the
methods here, so a criterion means the same thing everywhere:

- ``entities``: actors by id, display label or alias, in any case (``"Hezbollah"``, ``"hezbollah"``,
  ``"Hizbullah"``); a name that matches nothing raises ``ValueError`` naming the closest known actors.
- ``start``, ``end``: dates, inclusive; an ``end`` without a time of day covers that whole day. Undated
  rows are left out as soon as either is set, and so are rows dated only to a month or a year
  (``date_precision``) that is not wholly inside.
- ``sources``: outlets, in any case (an outlet not in the data is reported, not an error).
- ``roles``: mention roles counted (default: actor readings only; ``None`` keeps every role).
- ``kinds``: actor kinds (faction, state, organisation, coalition).
- ``stories``: ``"unique"`` counts a syndicated story once (copies, ``duplicate_of`` set, are dropped);
  ``"all"`` counts every copy.
- ``language``: the articles' language (``"ar"``, ``"en"``, ``"und"``, or a list), from the CORPUS's
  ``language`` column (script and function words, :func:`helpers.arabic.language_of`): mentions and
  statements are kept by their article, so the analysis needs the corpus (it says so when it lacks it).

:func:`checked` gives the public functions clear messages for a misspelt keyword (listing what is
accepted and the closest), a wrong type, or ``None`` where a table is required.
"""

from __future__ import annotations

import difflib
import functools
import inspect
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd

from .arabic import language_of
from .gazetteer import KINDS
from .resolve import MENTIONS, active_gazetteer, resolve_actors, short_label, top_actors, use_gazetteer  # noqa: F401

logger = logging.getLogger(__name__)

SELECTION_FIELDS: tuple[str, ...] = ("entities", "start", "end", "sources", "roles", "kinds", "stories", "language")
STORIES: tuple[str, ...] = ("unique", "all")
CORPUS = "the CORPUS table from h.load_corpus(...)"
SUPPORT = "the SUPPORT table from h.extract_support(corpus, mentions)"


# --------------------------------------------------------------------------------------------------
# small column helpers shared by the analyses
# --------------------------------------------------------------------------------------------------
def to_utc_naive(values: pd.Series | pd.Index | Iterable) -> pd.Series:
    """Parse dates as UTC and drop the time zone (the kit's periods are UTC, tz-naive); bad ones are NaT."""
    parsed = pd.to_datetime(pd.Series(values), utc=True, errors="coerce")
    return parsed.dt.tz_convert(None)


def utc_bound(value: object) -> pd.Timestamp | None:
    """A start/end argument as a UTC tz-naive Timestamp (None stays None).

    Raises:
        ValueError: ``value`` is not a date.
    """
    if value is None:
        return None
    try:
        ts = pd.Timestamp(value)
    except (ValueError, TypeError):
        raise ValueError(f"{value!r} is not a date: write it as YYYY-MM-DD") from None
    if ts is pd.NaT:
        raise ValueError(f"{value!r} is not a date: write it as YYYY-MM-DD")
    if ts.tzinfo is not None:
        ts = ts.tz_convert("UTC").tz_localize(None)
    return ts


def period_end(dates: pd.Series, frame: pd.DataFrame | None = None) -> pd.Series:
    """The last instant each date may stand for: itself, or the end of its month or year when ``frame``'s
    ``date_precision`` says the date is known only to the month or the year."""
    if frame is None or "date_precision" not in frame.columns:
        return dates
    precision = frame["date_precision"].astype(str).to_numpy()
    last = dates.copy()
    for name, step in (("month", pd.DateOffset(months=1)), ("year", pd.DateOffset(years=1))):
        rows = precision == name
        if rows.any():
            last.loc[rows] = dates.loc[rows] + step - pd.Timedelta(microseconds=1)
    return last


def is_copy(duplicate_of: pd.Series) -> pd.Series:
    """True where a row is a syndicated copy (``duplicate_of`` set and not blank)."""
    s = duplicate_of.astype(object)
    return s.notna() & (s.astype(str).str.strip() != "")


def plain(series: pd.Series) -> pd.Series:
    """Categorical/string columns as plain object columns of str (missing values kept as None)."""
    out = series.astype(object)
    return out.where(out.notna(), None)


def parent_map(mentions: pd.DataFrame | None = None, actors: pd.DataFrame | None = None) -> dict[str, str]:
    """Child -> parent ids, from ``actors`` (indexed by id, column ``parent``) over the mentions' own."""
    pairs: dict[str, str] = {}
    if mentions is not None and {"entity", "parent"} <= set(mentions.columns):
        sub = mentions[["entity", "parent"]].astype(object).dropna().drop_duplicates("entity")
        pairs.update({str(e): str(p) for e, p in zip(sub["entity"], sub["parent"]) if str(p).strip()})
    if actors is not None and "parent" in actors.columns:
        sub = actors["parent"].astype(object).dropna()
        pairs.update({str(e): str(p) for e, p in sub.items() if str(p).strip()})
    return pairs


def root_of(entity: str, parents: dict[str, str]) -> str:
    """Follow ``parents`` from ``entity`` up to the top-level actor (cycles stop where they loop)."""
    seen = {entity}
    while entity in parents and parents[entity] not in seen:
        entity = parents[entity]
        seen.add(entity)
    return entity


def kind_map(mentions: pd.DataFrame | None = None, actors: pd.DataFrame | None = None) -> dict[str, str]:
    """Actor id -> kind, from ``actors`` (column ``kind``) over the mentions' own ``kind`` column."""
    kinds: dict[str, str] = {}
    if mentions is not None and {"entity", "kind"} <= set(mentions.columns):
        sub = mentions[["entity", "kind"]].astype(object).dropna().drop_duplicates("entity")
        kinds.update({str(e): str(k) for e, k in zip(sub["entity"], sub["kind"])})
    if actors is not None and "kind" in actors.columns:
        kinds.update({str(e): str(k) for e, k in actors["kind"].astype(object).dropna().items()})
    return kinds


def _match_sources(wanted: tuple[str, ...], present: Iterable[Any]) -> list[str]:
    """The sources present that ``wanted`` names (case-insensitive); unknown ones are reported."""
    by_key: dict[str, list[str]] = {}
    for s in present:
        if s is not None and s == s:
            by_key.setdefault(str(s).casefold(), []).append(str(s))
    out: list[str] = []
    for w in wanted:
        hits = by_key.get(str(w).casefold())
        if hits:
            out += [h for h in hits if h not in out]
        else:
            close = difflib.get_close_matches(str(w).casefold(), list(by_key), n=3, cutoff=0.6)
            logger.warning(
                "no rows from source %r%s", w, f" (closest: {', '.join(by_key[c][0] for c in close)})" if close else ""
            )
    return out


# --------------------------------------------------------------------------------------------------
# the selection
# --------------------------------------------------------------------------------------------------
def _names(value: Any, field: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (pd.DataFrame, Mapping)) or not isinstance(value, Iterable):
        raise TypeError(f"{field} takes a name or a list of names, not {type(value).__name__}")
    items = tuple(value)
    bad = [x for x in items if not isinstance(x, str)]
    if bad:
        raise TypeError(f"{field} takes names (strings), not {type(bad[0]).__name__} ({bad[0]!r})")
    return items


@dataclass(frozen=True)
class Selection:
    """What an analysis counts (see the module docstring for each criterion).

    Build one with keywords (``h.Selection(start="2024-11-27", sources=["Reuters"])``) and pass it as
    ``select=`` to any analysis; keywords given beside it override its fields.
    """

    entities: tuple[str, ...] | None = None
    start: pd.Timestamp | None = None
    end: pd.Timestamp | None = None
    sources: tuple[str, ...] | None = None
    roles: tuple[str, ...] | None = ("actor",)
    kinds: tuple[str, ...] | None = None
    stories: str = "unique"
    language: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        set_ = functools.partial(object.__setattr__, self)
        for name in ("entities", "sources", "roles", "kinds", "language"):
            set_(name, _names(getattr(self, name), name))
        for name in ("start", "end"):
            try:
                set_(name, utc_bound(getattr(self, name)))
            except ValueError as err:
                raise ValueError(f"{name}: {err}") from None
        if self.end is not None and self.end == self.end.normalize():
            set_("end", self.end + pd.Timedelta(days=1) - pd.Timedelta(microseconds=1))
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(f"start {self.start.date()} is after end {self.end.date()}")
        if self.stories not in STORIES:
            raise ValueError(f"stories must be 'unique' or 'all', not {self.stories!r}")
        bad = [k for k in self.kinds or () if k not in KINDS]
        if bad:
            raise ValueError(f"unknown kind(s) {bad}: use {', '.join(KINDS)}")

    @classmethod
    def of(cls, select: Selection | None = None, **criteria: Any) -> Selection:
        """``select`` with ``criteria`` laid over it (a new Selection when ``select`` is None).

        Raises:
            TypeError: ``select`` is not a Selection, or an unknown criterion.
        """
        if select is not None and not isinstance(select, Selection):
            raise TypeError(f"select takes a h.Selection(...), not {type(select).__name__}")
        unknown = [k for k in criteria if k not in SELECTION_FIELDS]
        if unknown:
            raise TypeError(_unknown_message("Selection", unknown, SELECTION_FIELDS))
        if select is None:
            return cls(**criteria)
        return replace(select, **criteria) if criteria else select

    def as_dict(self) -> dict[str, Any]:
        """The criteria as plain values (ISO dates, lists), for ``attrs`` and :meth:`from_dict`."""
        out: dict[str, Any] = {}
        for name in SELECTION_FIELDS:
            value = getattr(self, name)
            if isinstance(value, pd.Timestamp):
                value = value.isoformat()
            elif isinstance(value, tuple):
                value = list(value)
            out[name] = value
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Selection:
        """A Selection from :meth:`as_dict` output (unknown keys ignored; None: the defaults)."""
        return cls(**{k: v for k, v in (data or {}).items() if k in SELECTION_FIELDS})

    @property
    def dated(self) -> bool:
        """True when a date bound is set (undated rows are then left out)."""
        return self.start is not None or self.end is not None

    def entity_ids(self, known: Iterable[str] = ()) -> list[str] | None:
        """The selected actors as ids (None: every actor); see :func:`resolve_actors`."""
        return None if self.entities is None else resolve_actors(self.entities, known)

    def describe(self) -> str:
        """A short text of the criteria that are set, for captions and logs."""
        parts = ["unique stories" if self.stories == "unique" else "every copy"]
        if self.start is not None or self.end is not None:
            lo = f"{self.start:%d %b %Y}" if self.start is not None else "the start"
            hi = f"{self.end:%d %b %Y}" if self.end is not None else "the end"
            parts.append(f"{lo} to {hi}")
        if self.sources:
            parts.append("sources: " + ", ".join(self.sources))
        if self.kinds:
            parts.append("kinds: " + ", ".join(self.kinds))
        if self.language:
            parts.append("language: " + ", ".join(self.language))
        return "; ".join(parts)

    def language_docs(self, corpus: pd.DataFrame | None, what: str = "this analysis") -> set[str] | None:
        """The doc ids of the selected languages (None: no ``language`` criterion).

        Raises:
            ValueError: ``language`` is set but no corpus was given to tell each article's language.
        """
        if self.language is None:
            return None
        if corpus is None:
            raise ValueError(
                f"language={list(self.language)} needs the CORPUS (its 'language' column): pass corpus=... to {what}"
            )
        langs = article_languages(corpus)
        return set(plain(corpus["doc_id"])[langs.isin(self.language).to_numpy()])

    def _dates(self, frame: pd.DataFrame, column: str = "date") -> pd.Series:
        dates = to_utc_naive(frame[column]) if column in frame.columns else pd.Series(pd.NaT, index=frame.index)
        return pd.Series(dates.to_numpy(), index=frame.index)

    def _in_range(self, dates: pd.Series, frame: pd.DataFrame | None = None) -> pd.Series:
        """Rows whose whole date lies within start..end: a date known only to the month or the year (the
        ``date_precision`` of ``frame``) counts only when all of that month or year is inside."""
        keep = pd.Series(True, index=dates.index)
        if self.start is not None:
            keep &= dates >= self.start
        if self.end is not None:
            keep &= period_end(dates, frame) <= self.end
        return keep

    def articles(self, corpus: pd.DataFrame, *, dates: bool = True) -> pd.DataFrame:
        """The articles that make denominators: copies (for "unique"), sources and dates applied.

        Returns:
            A filtered copy with ``date`` UTC tz-naive and ``doc_id``/``source`` as plain str.
        """
        c = corpus.copy()
        for col in ("doc_id", "source"):
            if col in c.columns:
                c[col] = plain(c[col])
        c["date"] = self._dates(c).to_numpy()
        keep = pd.Series(True, index=c.index)
        if self.stories == "unique" and "duplicate_of" in c.columns:
            keep &= ~is_copy(c["duplicate_of"])
        if self.sources is not None and "source" in c.columns:
            keep &= c["source"].isin(_match_sources(self.sources, c["source"].unique()))
        if self.language is not None:
            keep &= article_languages(c).isin(self.language).to_numpy()
        if dates and self.dated:
            keep &= self._in_range(c["date"], c)
        return c[keep.to_numpy()].reset_index(drop=True)

    def support(self, support: pd.DataFrame, corpus: pd.DataFrame | None = None) -> pd.DataFrame:
        """Backing statements selected: stories, sources, dates, entities (backer or client) and kinds.

        With stories="unique", copies are found from ``duplicate_of`` in ``support``, else in ``corpus``;
        without either, statements with the same backer, client and sentence count once (the earliest).
        """
        s = support.copy()
        for col in ("backer", "client", "source", "modality", "doc_id"):
            if col in s.columns:
                s[col] = plain(s[col])
        s["date"] = self._dates(s).to_numpy()
        if self.sources is not None and "source" in s.columns:
            s = s[s["source"].isin(_match_sources(self.sources, s["source"].unique()))]
        docs = self.language_docs(corpus, "this analysis of statements")
        if docs is not None:
            s = s[s["doc_id"].isin(docs)]
        if self.dated:
            s = s[self._in_range(s["date"], s).to_numpy()]
        ids = self.entity_ids(set(s["backer"].dropna()) | set(s["client"].dropna()))
        if ids is not None:
            s = s[s["backer"].isin(ids) | s["client"].isin(ids)]
        if self.kinds is not None:
            g = active_gazetteer()
            kinds = kind_map(None, g.actors if g is not None else None)
            s = s[s["backer"].map(kinds).isin(self.kinds) | s["client"].map(kinds).isin(self.kinds)]
        if self.stories == "unique":
            s = _drop_support_copies(s, corpus)
        return s.reset_index(drop=True)

    def mentions(
        self,
        mentions: pd.DataFrame,
        *,
        dates: bool = True,
        rollup: bool = False,
        actors: pd.DataFrame | None = None,
        columns: Iterable[str] | None = None,
        corpus: pd.DataFrame | None = None,
    ) -> pd.DataFrame:
        """The mentions an analysis counts, with ``entity``/``source``/``kind`` as plain str columns.

        Args:
            mentions: MENTIONS table.
            dates: apply ``start``/``end`` here (timelines apply them by whole periods instead).
            rollup: count each actor under its top-level parent (``ypg`` -> ``sdf``); ``kind`` becomes
                the parent's kind when known. ``kinds`` apply after the roll-up.
            actors: optional gazetteer actors frame (parents and kinds).
            columns: the columns the caller needs (None: all); doc_id, date, entity, source, kind,
                parent and role are always kept.
            corpus: the CORPUS, needed only for ``language`` (unless the mentions carry a ``language``
                column).

        Returns:
            A filtered copy with ``date`` UTC tz-naive; ``entities`` are NOT applied here (each
            analysis uses them in its own way: columns of a timeline, the rows of a matrix...).

        Raises:
            ValueError: the table has no ``entity`` column, or ``language`` without a corpus.
        """
        if "entity" not in mentions.columns:
            raise ValueError("the mentions table has no 'entity' column: pass " + MENTIONS)
        # rows first (on the columns as they are, categorical or not), then one copy of what is kept:
        # on 13 million rows a copy of everything followed by filters would cost gigabytes
        keep = self._kept_rows(mentions, corpus)
        always = ("doc_id", "date", "entity", "source", "kind", "parent", "role", "date_precision")
        m = mentions[[c for c in mentions.columns if columns is None or c in columns or c in always]]
        m = m.loc[keep] if not keep.all() else m.copy()
        for col in ("entity", "source", "kind", "parent", "role"):
            if col in m.columns:
                m[col] = plain(m[col])
        m["date"] = to_utc_naive(m["date"]).to_numpy() if "date" in m.columns else pd.NaT
        if dates and self.dated:
            m = m[self._in_range(m["date"], m).to_numpy()]
        if rollup and len(m):
            m = _rolled_up(m, mentions, actors)
        if self.kinds is not None and "kind" in m.columns:
            m = m[m["kind"].isin(self.kinds)]
        return m.reset_index(drop=True)

    def _kept_rows(self, mentions: pd.DataFrame, corpus: pd.DataFrame | None) -> np.ndarray:
        """Which rows of a MENTIONS table pass the selection's row filters (actor named, roles, unique stories,
        sources, language), as a boolean array."""
        docs = None if "language" in mentions.columns else self.language_docs(corpus)
        keep = mentions["entity"].notna().to_numpy().copy()
        if self.roles is not None and "role" in mentions.columns:
            keep &= mentions["role"].isin(self.roles).to_numpy()
        if self.stories == "unique" and "duplicate_of" in mentions.columns:
            keep &= ~is_copy(mentions["duplicate_of"]).to_numpy()
        if self.sources is not None and "source" in mentions.columns:
            names = _match_sources(self.sources, mentions["source"].dropna().unique())
            keep &= mentions["source"].isin(names).to_numpy()
        if self.language is not None:
            keep &= (
                mentions["language"].isin(self.language) if docs is None else plain(mentions["doc_id"]).isin(docs)
            ).to_numpy()
        return keep


@dataclass(frozen=True)
class RollupOptions:
    """How the actors of a mention analysis are counted, shared by the options of :func:`helpers.cooccurrence`,
    :func:`helpers.pair_sentences` and :func:`helpers.mention_timeline` (which actors are counted stays with
    :class:`Selection`).

    Attributes:
        rollup: count each actor under its top-level parent (``ypg`` under ``sdf``, ``irgc`` under ``iran``);
            ``kind`` becomes the parent's kind when known. False by default.
        actors: the gazetteer's actors frame (``h.load_gazetteer().actors``: parents and kinds); None: the
            mentions' own ``parent`` and ``kind`` columns.

    Raises:
        TypeError: ``actors`` is not a DataFrame (or None).
    """

    rollup: bool = False
    actors: pd.DataFrame | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.actors is not None and not isinstance(self.actors, pd.DataFrame):
            raise TypeError(f"actors takes the gazetteer's .actors frame, not {type(self.actors).__name__}")


def article_languages(corpus: pd.DataFrame) -> pd.Series:
    """Each article's language: the CORPUS's ``language`` column, or the title and text's script when it has
    none (:func:`helpers.arabic.language_of`)."""
    if "language" in corpus.columns:
        return plain(corpus["language"]).reset_index(drop=True)
    titles = corpus["title"].fillna("") if "title" in corpus.columns else pd.Series("", index=corpus.index)
    texts = corpus["text"].fillna("") if "text" in corpus.columns else pd.Series("", index=corpus.index)
    return pd.Series([language_of(f"{t} {x}") for t, x in zip(titles, texts)], dtype="object")


def _rolled_up(m: pd.DataFrame, mentions: pd.DataFrame, actors: pd.DataFrame | None) -> pd.DataFrame:
    parents = parent_map(mentions, actors)
    kinds = kind_map(mentions, actors)
    start = m["entity"]
    if "parent" in m.columns:
        start = m["parent"].where(m["parent"].notna() & (m["parent"] != ""), m["entity"])
    roots = {u: root_of(str(u), parents) for u in start.unique()}
    rolled = start.map(roots)
    if "kind" in m.columns:
        known = rolled.map(kinds)
        m["kind"] = known.where(known.notna(), m["kind"])
    m["entity"] = rolled
    if "parent" in m.columns:
        m["parent"] = None
    return m


def _drop_support_copies(s: pd.DataFrame, corpus: pd.DataFrame | None) -> pd.DataFrame:
    if "duplicate_of" in s.columns:
        return s[~is_copy(s["duplicate_of"])]
    if corpus is not None and "duplicate_of" in corpus.columns and "doc_id" in s.columns:
        copies = set(corpus.loc[is_copy(corpus["duplicate_of"]), "doc_id"].astype(str))
        return s[~s["doc_id"].astype(str).isin(copies)]
    if "sentence" in s.columns:
        norm = s["sentence"].astype(str).str.lower().str.split().str.join(" ")
        return (
            s.assign(_norm=norm)
            .sort_values("date", kind="stable", na_position="last")
            .drop_duplicates(["backer", "client", "_norm"])
            .drop(columns="_norm")
        )
    return s


# --------------------------------------------------------------------------------------------------
# forgiving entry points
# --------------------------------------------------------------------------------------------------
def _unknown_message(fn: str, unknown: Iterable[str], accepted: Iterable[str]) -> str:
    accepted = list(accepted)
    parts = []
    for name in unknown:
        close = difflib.get_close_matches(name, accepted, n=1, cutoff=0.6)
        parts.append(f"{name!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
    return f"{fn}() got unknown keyword(s) {', '.join(parts)}; it accepts: {', '.join(accepted)}"


def checked(
    frames: Mapping[str, str] | None = None, optional: Mapping[str, str] | None = None
) -> Callable[[Callable], Callable]:
    """Decorate a public function with clear argument errors.

    Args:
        frames: {argument: what it must be}, for arguments that must be a DataFrame.
        optional: the same for DataFrame arguments that may be None.

    A keyword the function does not take raises ``TypeError`` listing what it accepts (with the closest
    name); a function with ``**criteria`` accepts the :data:`SELECTION_FIELDS` there. A table argument
    that is None or not a DataFrame raises ``TypeError`` naming the argument and what to pass.
    """
    frames, optional = dict(frames or {}), dict(optional or {})

    def wrap(fn: Callable) -> Callable:
        sig = inspect.signature(fn)
        var_kw = any(p.kind is p.VAR_KEYWORD for p in sig.parameters.values())
        accepted = [n for n, p in sig.parameters.items() if p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)]
        accepted += list(SELECTION_FIELDS) if var_kw else []

        @functools.wraps(fn)
        def inner(*args: Any, **kwargs: Any) -> Any:
            unknown = [k for k in kwargs if k not in accepted]
            if unknown:
                raise TypeError(_unknown_message(fn.__name__, unknown, accepted))
            try:
                bound = sig.bind(*args, **kwargs)
            except TypeError as err:
                raise TypeError(f"{fn.__name__}(): {err}; it accepts: {', '.join(accepted)}") from None
            for name, what in {**frames, **optional}.items():
                value = bound.arguments.get(name, sig.parameters[name].default)
                if value is None and name in optional:
                    continue
                if value is None or value is inspect.Parameter.empty:
                    raise TypeError(f"{fn.__name__}(): {name} is None; pass {what}")
                if not isinstance(value, pd.DataFrame):
                    raise TypeError(f"{fn.__name__}(): {name} must be {what}, not {type(value).__name__}")
            return fn(*args, **kwargs)

        return inner

    return wrap


__all__ = [
    "Selection",
    "RollupOptions",
    "SELECTION_FIELDS",
    "resolve_actors",
    "top_actors",
    "use_gazetteer",
    "active_gazetteer",
    "short_label",
    "checked",
    "to_utc_naive",
    "utc_bound",
    "is_copy",
    "kind_map",
    "parent_map",
    "root_of",
]
