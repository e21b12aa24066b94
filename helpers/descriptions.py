"""Descriptions: actors named without their name ("Turkey-backed Syrian fighters", "the Kurdish-led forces").

A description is gazetteer data (``descriptions:`` in a conflict pack's ``gazetteer.yaml``, schema in
``data/conflicts/SCHEMA.md``): a pattern of words on the folded text (lower case, plain apostrophes and
hyphens, see :mod:`helpers.textnorm`) that becomes a mention of ``actor`` between ``from`` and ``to``,
with optional conditions on the words just before or after it and on the other actors of the text. The
tagger adds description matches as mentions with ``via == "description"``; they can be backers or
clients like any mention.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

KEYS = {
    "actor",
    "text",
    "needs",
    "before",
    "not_before",
    "after",
    "not_after",
    "with_actor",
    "context",
    "from",
    "to",
    "cite",
    "note",
}
_WINDOW = 80
_MIN = pd.Timestamp("1000-01-01")
_MAX = pd.Timestamp("2999-12-31")


class DescriptionError(ValueError):
    """A description in a gazetteer file is invalid (the message names the file, line and reason)."""


@dataclass(frozen=True)
class Description:
    """One compiled description.

    Attributes:
        actor: the actor id it names.
        rx: the span pattern (whole words on folded text).
        before, not_before, after, not_after: patterns the folded text just before (ending at the span)
            or just after (starting at it) must or must not match.
        with_actor: the description counts only when one of these actors is also named in the text.
        context: the description counts only in articles about the gazetteer's conflict (``meta.context``).
        start, end: the dates it holds (inclusive).
        triggers: ``needs``: words one of which stands in every match or within 80 characters of it (the
            pattern is only tried there, so a long text is not scanned whole).
        where: the file and line it was read from.
    """

    actor: str
    rx: re.Pattern
    before: re.Pattern | None
    not_before: re.Pattern | None
    after: re.Pattern | None
    not_after: re.Pattern | None
    with_actor: frozenset
    context: bool
    start: pd.Timestamp
    end: pd.Timestamp
    triggers: tuple[str, ...]
    where: str
    pack: str = ""
    first_day: int = -(10**9)  # start and end as days since 1970-01-01 (fast comparisons)
    last_day: int = 10**9
    #: True when the description holds between dates (set from ``first_day`` and ``last_day``).
    dated: bool = field(init=False, repr=False, compare=False)
    #: What its matches depend on: descriptions with the same key share them (set on creation).
    match_key: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "dated", self.first_day > -(10**9) or self.last_day < 10**9)
        key = (self.rx, self.before, self.not_before, self.after, self.not_after, self.triggers)
        object.__setattr__(self, "match_key", key)


def _days(ts: pd.Timestamp) -> int:
    return int((ts - pd.Timestamp("1970-01-01")).days)


def _compile(pattern: Any, where: str, key: str, anchor: str = "") -> re.Pattern | None:
    if pattern is None:
        return None
    if not isinstance(pattern, str) or not pattern.strip():
        raise DescriptionError(f"{where}: {key!r} must be a non-empty pattern")
    try:
        if anchor == "end":
            return re.compile(rf"(?:{pattern})$")
        if anchor == "start":
            return re.compile(rf"^(?:{pattern})")
        return re.compile(rf"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])")
    except re.error as exc:
        raise DescriptionError(f"{where}: {key!r} is not a valid pattern ({exc})") from None


def _needs(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    value = [value] if isinstance(value, str) else value
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise DescriptionError(f"{where}: 'needs' must be a word or a list of words")
    return tuple(w.strip().lower() for w in value)


def parse_descriptions(items: Any, path: Path, actors: set[str], date: Any, pack: str = "") -> list[Description]:
    """Validate and compile the ``descriptions`` list of one gazetteer file.

    Args:
        items: the parsed list (mappings with ``__line__``).
        path: the file, for messages.
        actors: the known actor ids.
        date: the gazetteer's date parser ``(value, where) -> Timestamp | None``.
        pack: the conflict pack the file belongs to (its descriptions count in that pack's articles).

    Returns:
        The compiled descriptions, in file order.

    Raises:
        DescriptionError: naming the file, line and reason (unknown key, missing ``actor``/``text``/``cite``,
            unknown actor id, bad pattern, bad dates).
    """
    if items is None:
        return []
    if not isinstance(items, list):
        raise DescriptionError(f"{path}: 'descriptions' must be a list")
    return [_parse_one(d, path, actors, date, pack) for d in items]


def _parse_one(d: Any, path: Path, actors: set[str], date: Any, pack: str) -> Description:
    """One entry of :func:`parse_descriptions` (same arguments), validated and compiled."""
    if not isinstance(d, dict):
        raise DescriptionError(f"{path}: every description must be a mapping, found {d!r}")
    where = f"{path}, line {d.get('__line__', '?')}"
    unknown = set(d) - KEYS - {"__line__"}
    if unknown:
        raise DescriptionError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(KEYS)}")
    for key in ("actor", "text", "cite"):
        if not d.get(key):
            raise DescriptionError(f"{where}: description is missing {key!r}")
    if d["actor"] not in actors:
        raise DescriptionError(f"{where}: actor {d['actor']!r} is not a known id")
    with_actor = d.get("with_actor") or []
    with_actor = [with_actor] if isinstance(with_actor, str) else with_actor
    for a in with_actor:
        if a not in actors:
            raise DescriptionError(f"{where}: with_actor {a!r} is not a known id")
    start, end = date(d.get("from"), where), date(d.get("to"), where)
    if start is not None and end is not None and start > end:
        raise DescriptionError(f"{where}: 'from' {start.date()} is after 'to' {end.date()}")
    return Description(
        actor=d["actor"],
        rx=_compile(str(d["text"]), where, "text"),
        before=_compile(d.get("before"), where, "before", "end"),
        not_before=_compile(d.get("not_before"), where, "not_before", "end"),
        after=_compile(d.get("after"), where, "after", "start"),
        not_after=_compile(d.get("not_after"), where, "not_after", "start"),
        with_actor=frozenset(with_actor),
        context=bool(d.get("context", True)),
        start=start or _MIN,
        end=end or _MAX,
        triggers=_needs(d.get("needs"), where),
        where=where,
        pack=pack,
        first_day=_days(start) if start is not None else -(10**9),
        last_day=_days(end) if end is not None else 10**9,
    )


def _fits(d: Description, folded: str, s: int, e: int) -> bool:
    left = folded[max(0, s - _WINDOW) : s]
    right = folded[e : e + _WINDOW]
    if d.before is not None and not d.before.search(left):
        return False
    if d.not_before is not None and d.not_before.search(left):
        return False
    if d.after is not None and not d.after.search(right):
        return False
    return not (d.not_after is not None and d.not_after.search(right))


def _windows(folded: str, words: tuple[str, ...], where: dict[str, list[int]] | None) -> list[tuple[int, int]]:
    """Merged spans of the text within :data:`_WINDOW` characters of a ``needs`` word (``where``: the words'
    positions when the caller found them already)."""
    spans: list[tuple[int, int]] = []
    n, sources = len(folded), 0
    for w in words:
        if where is not None:
            starts = where.get(w, ())
        else:
            starts, p = [], folded.find(w)
            while p != -1:
                starts.append(p)
                p = folded.find(w, p + 1)
        if starts:
            sources += 1
            after = len(w) + _WINDOW
            spans += [(p - _WINDOW if p > _WINDOW else 0, p + after if p + after < n else n) for p in starts]
    if sources > 1:  # one word's positions come in order already
        spans.sort()
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _matches(d: Description, folded: str, where: dict[str, list[int]] | None) -> list[re.Match]:
    """The pattern's matches, looked for only near the ``needs`` words (a long text is not scanned whole)."""
    if not d.triggers:
        return list(d.rx.finditer(folded))
    out, seen = [], set()
    for a, b in _windows(folded, d.triggers, where):
        for mt in d.rx.finditer(folded, a, b):
            if mt.span() not in seen:
                seen.add(mt.span())
                out.append(mt)
    return out


def find_descriptions(
    descriptions: list[Description],
    folded: str,
    day: int | None,
    context: Any,
    named: set[str],
    day_at: Any = None,
    where: dict[str, list[int]] | None = None,
) -> list[tuple[int, int, Description]]:
    """Description matches in one folded text, ``(start, end, description)`` in text order.

    Args:
        descriptions: compiled descriptions (:func:`parse_descriptions`).
        folded: the folded text.
        day: the article's date as days since 1970-01-01 (``None``: undated, only the descriptions without
            dates hold).
        context: the conflict packs the article is about (a description of another pack does not count).
        named: the actor ids already named in the text (for ``with_actor``).
        day_at: optional function from a match's start to the day its sentence places it at (``None``:
            the article's day).
        where: ``{needs word: [positions]}`` when the caller found them (words absent from it are absent
            from the text).
    """
    found = []
    seen: dict[tuple, list] = {}  # dated pairs (FSA then SNA, YPG then SDF) share their pattern: match once
    keys = where.keys() if where is not None else None
    for d in descriptions:
        dated = d.dated
        if day is None and dated:
            continue  # an undated article: a dated description cannot be placed
        if day is not None and day < d.first_day:
            continue  # the sentence's context only ever places a statement earlier than its article
        if d.with_actor and not (d.with_actor & named):
            continue
        if keys is not None and d.triggers and keys.isdisjoint(d.triggers):
            continue
        spans = seen.get(d.match_key)
        if spans is None:
            spans = seen[d.match_key] = [
                mt.span() for mt in _matches(d, folded, where) if _fits(d, folded, mt.start(), mt.end())
            ]
        if not spans or (d.context and d.pack not in context):
            continue  # (what the article is about is asked last: the caller may count it only when asked)
        for s, e in spans:
            when = day_at(s) if day_at is not None and dated else None
            when = day if when is None else when
            if when is None or d.first_day <= when <= d.last_day:
                found.append((s, e, d))
    found.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    return found
