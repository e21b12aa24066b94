"""Parse the many ways news data writes a date into timezone-aware UTC timestamps.

Accepted: ISO 8601 (with or without offset; naive times are taken as UTC), RFC 2822 as in feeds
(``Sat, 30 Nov 2024 14:05:00 +0000``), ``M/D/YYYY`` (or ``D/M/YYYY`` with ``dayfirst=True``),
``30 November 2024``, ``Nov 30, 2024``, and epoch seconds (or milliseconds). Nothing raises:
an unparseable value becomes ``NaT`` and is counted.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any, Iterable

import numpy as np
import pandas as pd
from dateutil import parser as _du

_NUMERIC_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\b")
_EPOCH = re.compile(r"^\s*-?\d{9,13}(\.\d+)?\s*$")
_RFC2822 = re.compile(r"^\s*[A-Za-z]{3},\s+\d{1,2}\s+[A-Za-z]{3}\s+\d{4}")
_LO, _HI = pd.Timestamp("1900-01-01", tz="UTC"), pd.Timestamp("2100-01-01", tz="UTC")


@dataclass
class DateStats:
    """What happened to the dates of one load: counts and examples, for the load report."""

    parsed: int = 0
    missing: int = 0
    unparseable: int = 0
    ambiguous: int = 0
    examples_unparseable: list[str] = field(default_factory=list)
    examples_ambiguous: list[str] = field(default_factory=list)

    def add(self, other: "DateStats") -> None:
        self.parsed += other.parsed
        self.missing += other.missing
        self.unparseable += other.unparseable
        self.ambiguous += other.ambiguous
        for name in ("examples_unparseable", "examples_ambiguous"):
            mine = getattr(self, name)
            mine.extend(x for x in getattr(other, name) if x not in mine)
            del mine[5:]


def _to_utc(ts: Any) -> pd.Timestamp:
    ts = pd.Timestamp(ts)
    if ts.tzinfo is None:
        return ts.tz_localize("UTC")
    return ts.tz_convert("UTC")


def parse_date(value: Any, dayfirst: bool = False) -> tuple[pd.Timestamp, str]:
    """Parse one date value.

    Args:
        value: a string, number, datetime or missing value.
        dayfirst: read an ambiguous ``01/02/2024`` as 1 February (default: 2 January).

    Returns:
        ``(timestamp, status)``: a UTC timestamp or ``NaT``, and one of ``ok``, ``ambiguous``
        (parsed, but day and month could be swapped), ``missing`` or ``unparseable``.
    """
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return pd.NaT, "missing"
    if isinstance(value, (pd.Timestamp,)) or hasattr(value, "year") and not isinstance(value, str):
        try:
            return _to_utc(value), "ok"
        except (ValueError, TypeError):
            return pd.NaT, "unparseable"
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return _from_epoch(float(value))
    text = str(value).strip()
    if not text or text.lower() in {"nan", "nat", "none", "null", "n/a", "na", "-"}:
        return pd.NaT, "missing"
    if _EPOCH.match(text):
        return _from_epoch(float(text))
    status = "ok"
    m = _NUMERIC_DMY.match(text)
    if m:
        a, b = int(m.group(1)), int(m.group(2))
        if a <= 12 and b <= 12 and a != b:
            status = "ambiguous"
    try:
        if _RFC2822.match(text):
            ts = _to_utc(parsedate_to_datetime(text))
        else:
            ts = _to_utc(_du.parse(text, dayfirst=dayfirst, fuzzy=False))
    except (ValueError, OverflowError, TypeError, IndexError):
        try:
            ts = _to_utc(_du.parse(text, dayfirst=dayfirst, fuzzy=True))
        except (ValueError, OverflowError, TypeError, IndexError):
            return pd.NaT, "unparseable"
    if not (_LO <= ts < _HI):
        return pd.NaT, "unparseable"
    return ts, status


def _from_epoch(x: float) -> tuple[pd.Timestamp, str]:
    unit = "ms" if abs(x) >= 1e11 else "s"
    try:
        ts = pd.Timestamp(x, unit=unit, tz="UTC")
    except (ValueError, OverflowError):
        return pd.NaT, "unparseable"
    if not (_LO <= ts < _HI):
        return pd.NaT, "unparseable"
    return ts, "ok"


def parse_dates(values: Iterable[Any], dayfirst: bool = False) -> tuple[pd.Series, DateStats]:
    """Parse a column of dates; fast for ISO 8601, exact for everything else.

    Args:
        values: the raw values (strings, numbers, datetimes, missing).
        dayfirst: how to read ambiguous numeric day/month orders.

    Returns:
        A ``datetime64[ns, UTC]`` Series (``NaT`` where unknown) and the :class:`DateStats`.
    """
    raw = pd.Series(list(values), dtype=object)
    stats = DateStats()
    out = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns, UTC]")
    if raw.empty:
        return out, stats
    as_str = raw.map(lambda v: v.strip() if isinstance(v, str) else v)
    iso_like = as_str.map(lambda v: isinstance(v, str) and len(v) >= 10 and v[4:5] == "-" and v[:4].isdigit())
    if iso_like.any():
        fast = pd.to_datetime(as_str[iso_like], format="ISO8601", utc=True, errors="coerce")
        ok = fast.notna() & (fast >= _LO) & (fast < _HI)
        out.loc[fast.index[ok]] = fast[ok].astype("datetime64[ns, UTC]")
        stats.parsed += int(ok.sum())
        rest = as_str[~iso_like | ~iso_like.index.isin(fast.index[ok])]
    else:
        rest = as_str
    cache: dict[Any, tuple[pd.Timestamp, str]] = {}
    for idx, v in rest.items():
        key = v if isinstance(v, (str, int, float)) else repr(v)
        if key not in cache:
            cache[key] = parse_date(v, dayfirst=dayfirst)
        ts, status = cache[key]
        if status in ("ok", "ambiguous"):
            out.at[idx] = ts
            stats.parsed += 1
            if status == "ambiguous":
                stats.ambiguous += 1
                if len(stats.examples_ambiguous) < 5 and str(v) not in stats.examples_ambiguous:
                    stats.examples_ambiguous.append(str(v))
        elif status == "missing":
            stats.missing += 1
        else:
            stats.unparseable += 1
            if len(stats.examples_unparseable) < 5 and str(v) not in stats.examples_unparseable:
                stats.examples_unparseable.append(str(v))
    return out, stats


_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")


def date_from_name(name: str) -> pd.Timestamp:
    """The date written in a file name such as ``2024-11-30_aleppo.txt`` (``NaT`` when none)."""
    m = _NAME_DATE.search(name)
    if not m:
        return pd.NaT
    try:
        return pd.Timestamp(f"{m.group(1)}-{m.group(2)}-{m.group(3)}", tz="UTC")
    except ValueError:
        return pd.NaT
