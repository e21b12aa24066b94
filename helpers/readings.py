"""Dated readings read from context: which actor a name means when the article's date is not enough.

The article date chooses the reading by default ("the Syrian government" in 2025 is the transitional
government). Words in the sentence before the mention can point elsewhere: past-time words ("former",
"ousted", "the collapse of", "Assad's") or a year before the change ("since 2015 Russia supported the
Syrian government") switch to the reading in force before the most recent change; "new" words ("the new
Syrian government") switch to the latest reading. The words are gazetteer data (``meta.dating``).
Each mention records how it was dated: ``article_date``, ``context`` or ``default_date``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .textnorm import fold

ARTICLE_DATE, CONTEXT, DEFAULT_DATE = "article_date", "context", "default_date"
#: How a mention's reading was chosen (the ``dated_by`` column of MENTIONS).
DATED_BY: tuple[str, ...] = (ARTICLE_DATE, CONTEXT, DEFAULT_DATE)
_WINDOW = 90
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_STOP = re.compile(r"[.;!?]\s|\n")


@dataclass(frozen=True)
class DatingCues:
    """Compiled context words: ``past`` and ``new`` patterns that must end just before the mention (a few
    words may stand between)."""

    past: re.Pattern | None
    new: re.Pattern | None


def _pattern(words: Sequence[str]) -> re.Pattern | None:
    forms = sorted({fold(w.strip()) for w in words if isinstance(w, str) and w.strip()}, key=len, reverse=True)
    if not forms:
        return None
    alt = "|".join(re.escape(f) for f in forms)
    # the cue, then up to four words (determiners, adjectives, "Syrian") before the mention
    return re.compile(rf"(?<![a-z0-9])(?:{alt})(?![a-z0-9])(?:[\s,'-]+[a-z'-]+){{0,4}}[\s'-]*$")


def dating_cues(meta: dict[str, Any]) -> DatingCues:
    """The compiled cues of a gazetteer's ``meta.dating`` (``past`` and ``new`` word lists)."""
    d = meta.get("dating") or {}
    return DatingCues(past=_pattern(d.get("past") or []), new=_pattern(d.get("new") or []))


def _sentence_before(folded: str, start: int) -> str:
    """The words of the sentence before ``start`` (at most :data:`_WINDOW` characters), from the last clause a
    contrast opens ("..., while", "، في حين"): a year or a past word before it speaks of another clause."""
    left = folded[max(0, start - _WINDOW) : start]
    cut = max(left.rfind(". "), left.rfind("; "), left.rfind("! "), left.rfind("? "), left.rfind("\n") - 1)
    left = left[cut + 2 :] if cut >= 0 else left
    ends = [mt.end() for mt in _CONTRAST.finditer(left)]
    return left[ends[-1] :] if ends else left


#: a comma and a word of contrast opening a clause of its own
_CONTRAST = re.compile(r"[,،]\s*(?:while|whereas|but|although|(?:و)?(?:في\s+حين|بينما|فيما|لكن|غير\s+ان|الا\s+ان))\s")


def context_day(
    cues: DatingCues, folded: str, start: int, changes: Sequence[int], day: int | None, epoch_year: Any
) -> tuple[int | None, str | None]:
    """The day to resolve a mention on when its sentence says which period it means.

    Args:
        cues: from :func:`dating_cues`.
        folded: the folded field text; start: the mention's offset.
        changes: the days (sorted) on which the alias's reading changes.
        day: the article's day, or ``None`` when undated.
        epoch_year: a function from a day number to its year.

    Returns:
        ``(day to resolve on, "context")`` when the context decides, else ``(None, None)``.
    """
    if not changes or (day is not None and day < changes[0]):
        return None, None  # before the first change nothing earlier can be meant
    before = _sentence_before(folded, start)
    if not before:
        return None, None
    # the most recent change on or before the article's date (the latest one for undated articles)
    past = [c for c in changes if day is None or c <= day]
    if cues.new is not None and cues.new.search(before):
        return (changes[-1] if day is None else None), (CONTEXT if day is None else None)
    if not past:
        return None, None
    change = past[-1]
    if cues.past is not None and cues.past.search(before):
        return change - 1, CONTEXT
    years = _YEAR.findall(before)
    if years and int(years[-1]) < epoch_year(change):
        return change - 1, CONTEXT
    return None, None


_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_DIGIT = re.compile(r"\d")
_MONTH_YEAR = re.compile(r"\b(?:(" + "|".join(_MONTHS) + r")\s+(?:\d{1,2},?\s+)?)?(1[89]\d\d|20\d\d)\b")


def context_day_of(folded: str, start: int, article_year: int | None) -> int | None:
    """The day the sentence before ``start`` places its statement at, when it names a year before the
    article's ("In January 2015 coalition-backed Kurdish fighters ousted IS"): the first day of that
    month or year, as days since 1970-01-01.

    Args:
        folded: the folded field text; start: the offset of the words in question.
        article_year: the article's year, or ``None`` when undated (then ``None``).

    Returns:
        A day number, or ``None``.
    """
    if article_year is None:
        return None
    left = _sentence_before(folded, start)
    if _DIGIT.search(left) is None:
        return None  # (the year pattern needs a decimal digit)
    found = list(_MONTH_YEAR.finditer(left))
    if not found:
        return None
    month, year = found[-1].group(1), int(found[-1].group(2))
    if year >= article_year:
        return None
    return (_dt.date(year, _MONTHS.index(month) + 1 if month else 1, 1) - _dt.date(1970, 1, 1)).days
