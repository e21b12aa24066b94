"""Parse the many ways news data writes a date into timezone-aware UTC timestamps, inventing nothing.

Accepted: ISO 8601 (with or without offset; naive times are taken as UTC), RFC 2822 as in feeds
(``Sat, 30 Nov 2024 14:05:00 +0000``), ``M/D/YYYY`` (or ``D/M/YYYY`` with ``dayfirst=True``),
``30 November 2024``, ``Nov 30, 2024``, time-zone abbreviations common in news (``Dec 8 2024 03:00 AST``,
table in ``data/dates/timezones.csv``; ambiguous ones are read as the table says and counted), epoch
seconds or milliseconds between 1990 and 2100, and relative dates (``3 hours ago``, ``yesterday``) when
a reference date is given.

Nothing is borrowed from today: a value without a year is not a date; ``Nov 2024`` is 1 November 2024
with precision ``month`` and ``2024`` is 1 January 2024 with precision ``year`` (``date_precision`` in
the CORPUS; analyses keep or drop imprecise dates explicitly); a relative date without a reference is
``NaT``. Nothing raises: every value is parsed, missing, or unparseable with a reason, and counted.
"""

from __future__ import annotations

import csv
import datetime as _dt
import re
import warnings
import zoneinfo
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any

import numpy as np
import pandas as pd
from dateutil import parser as _du

from . import config

PRECISIONS = ("time", "day", "month", "year")
_NUMERIC_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\b")
_NUMBER = re.compile(r"^\s*[-+]?\d+(?:\.\d+)?\s*$")
_SCIENTIFIC = re.compile(r"^\s*[-+]?\d+(?:\.\d+)?[eE][+-]?\d+\s*$")
_RFC2822 = re.compile(r"^\s*[A-Za-z]{3},\s+\d{1,2}\s+[A-Za-z]{3}\s+\d{4}")
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d|2100)(?!\d)")
_ONLY_YEAR = re.compile(r"^\s*(1[89]\d\d|20\d\d)(?:\.0+)?\s*$")
# 20241130, 202411301405, 20241130140500 (GDELT): no epoch time has these digits in the 1990-2100 range
_COMPACT = re.compile(
    r"^\s*((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?:([01]\d|2[0-3])([0-5]\d)([0-5]\d)?)?"
    r"(?:\.0+)?\s*$"
)
_MONTH_DOT_YEAR = re.compile(r"^\s*(0?[1-9]|1[0-2])\.((?:19|20)\d\d)\s*$")
# a quarter or half of a year (``Q4 2024``, ``2024-H2``): the year is all a date can keep
_QUARTER = re.compile(
    r"^\s*(?:(?:Q[1-4]|H[12])\s*[-/ ]?\s*((?:19|20)\d\d)|((?:19|20)\d\d)\s*[-/ ]?\s*(?:Q[1-4]|H[12]))"
    r"\s*$",
    re.I,
)
_EN_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![^\W\d_])", re.I)
_NUMERIC_MONTH = re.compile(r"\d{1,4}\s*[/.-]\s*\d{1,2}(?!\d)")
_IANA = re.compile(r"\b([A-Z][A-Za-z_]+/[A-Z][A-Za-z_-]+(?:/[A-Z][A-Za-z_-]+)?)\b")
_RELATIVE = re.compile(
    r"^\s*(?:posted|published|updated|last updated)?\s*:?\s*(?:(?P<n>\d+|an?|one)\s*(?P<unit>seconds?|secs?|minutes?|"
    r"mins?|hours?|hrs?|h|days?|d|weeks?|wks?|months?)\s+ago|(?P<word>just now|now|today|yesterday))\s*\.?\s*$",
    re.I,
)
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}
_LO, _HI = pd.Timestamp("1900-01-01", tz="UTC"), pd.Timestamp("2100-01-01", tz="UTC")
_EPOCH_LO, _EPOCH_HI = pd.Timestamp("1990-01-01", tz="UTC"), pd.Timestamp("2100-01-01", tz="UTC")
# two defaults that differ in every field: a field the text does not give comes out different
_DEFAULT_A = _dt.datetime(2001, 3, 5, 1, 2, 3)
_DEFAULT_B = _dt.datetime(2002, 8, 9, 4, 5, 6)
TIMEZONES_PATH = config.DATA_DIR / "dates" / "timezones.csv"


@dataclass
class DateStats:
    """What happened to the dates of one load: counts and examples, for the load report.

    Attributes:
        parsed: values read as a date (of any precision); missing: empty values; unparseable: values
            that are no date, with ``reasons`` (``no year``, ``relative without a reference``, ``out of
            range``, ``not a date``); ambiguous: day/month order that could be swapped; imprecise:
            dates of ``month`` or ``year`` precision, per precision; tz_ambiguous: time-zone
            abbreviations with more than one reading.
    """

    parsed: int = 0
    missing: int = 0
    unparseable: int = 0
    ambiguous: int = 0
    imprecise: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)
    tz_ambiguous: int = 0
    examples_unparseable: list[str] = field(default_factory=list)
    examples_ambiguous: list[str] = field(default_factory=list)

    def add(self, other: DateStats) -> None:
        self.parsed += other.parsed
        self.missing += other.missing
        self.unparseable += other.unparseable
        self.ambiguous += other.ambiguous
        self.tz_ambiguous += other.tz_ambiguous
        self.imprecise.update(other.imprecise)
        self.reasons.update(other.reasons)
        for name in ("examples_unparseable", "examples_ambiguous"):
            mine = getattr(self, name)
            mine.extend(x for x in getattr(other, name) if x not in mine)
            del mine[5:]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy."""
        return {
            "parsed": self.parsed,
            "missing": self.missing,
            "unparseable": self.unparseable,
            "ambiguous": self.ambiguous,
            "imprecise": dict(self.imprecise),
            "reasons": dict(self.reasons),
            "tz_ambiguous": self.tz_ambiguous,
            "examples_unparseable": list(self.examples_unparseable),
            "examples_ambiguous": list(self.examples_ambiguous),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DateStats:
        """The inverse of :meth:`to_dict` (older dicts without the newer keys are fine)."""
        out = cls(**{k: d[k] for k in ("parsed", "missing", "unparseable", "ambiguous") if k in d})
        out.imprecise = Counter(d.get("imprecise", {}))
        out.reasons = Counter(d.get("reasons", {}))
        out.tz_ambiguous = int(d.get("tz_ambiguous", 0))
        out.examples_unparseable = list(d.get("examples_unparseable", []))
        out.examples_ambiguous = list(d.get("examples_ambiguous", []))
        return out


_TZ: dict[str, tuple[int, bool]] | None = None


def timezones() -> dict[str, tuple[int, bool]]:
    """Abbreviation -> (offset in seconds, ambiguous), from ``data/dates/timezones.csv``.

    Raises:
        ValueError: a row of the table is malformed (with file and line).
    """
    global _TZ
    if _TZ is None:
        table: dict[str, tuple[int, bool]] = {}
        with open(TIMEZONES_PATH, encoding="utf-8", newline="") as fh:
            for no, row in enumerate(csv.DictReader(fh), start=2):
                m = re.fullmatch(r"([+-])(\d{2}):(\d{2})", (row.get("offset") or "").strip())
                if not row.get("abbr") or not m:
                    raise ValueError(f"{TIMEZONES_PATH}, line {no}: need an abbreviation and an offset like +03:00")
                secs = (int(m.group(2)) * 3600 + int(m.group(3)) * 60) * (1 if m.group(1) == "+" else -1)
                table[row["abbr"].strip().upper()] = (secs, bool((row.get("other_readings") or "").strip()))
        _TZ = table
    return _TZ


def _to_utc(ts: Any) -> pd.Timestamp:
    ts = pd.Timestamp(ts)
    if ts.tzinfo is None:
        return ts.tz_localize("UTC")
    return ts.tz_convert("UTC")


def _precision(a: _dt.datetime, b: _dt.datetime) -> str | None:
    """Which fields the text gave, from parses with two different defaults (``None``: no year)."""
    if a.year != b.year:
        return None
    if a.month != b.month:
        return "year"
    if a.day != b.day:
        return "month"
    if (a.hour, a.minute) != (b.hour, b.minute):
        return "day"
    return "time"


def _dateutil(text: str, dayfirst: bool, tzinfos: dict[str, int]) -> tuple[_dt.datetime, _dt.datetime, bool]:
    """Two parses of ``text`` with different defaults, and whether the text's month came out of a fuzzy read
    that skipped words (raises ValueError with the reason)."""
    try:
        a = _du.parse(text, dayfirst=dayfirst, default=_DEFAULT_A, tzinfos=tzinfos)
        b = _du.parse(text, dayfirst=dayfirst, default=_DEFAULT_B, tzinfos=tzinfos)
        return a, b, False
    except (ValueError, OverflowError, TypeError, IndexError):
        if not _YEAR.search(text):
            raise ValueError("not a date") from None
    try:  # a few words around a date ("Updated: 30 November 2024, 14:05"); a sentence is no date
        a, skipped = _du.parse(text, dayfirst=dayfirst, default=_DEFAULT_A, tzinfos=tzinfos, fuzzy_with_tokens=True)
        b = _du.parse(text, dayfirst=dayfirst, default=_DEFAULT_B, tzinfos=tzinfos, fuzzy=True)
    except (ValueError, OverflowError, TypeError, IndexError):
        raise ValueError("not a date") from None
    if sum(len(re.findall(r"[^\W\d_]{2,}", t)) for t in skipped) > 3:
        raise ValueError("not a date") from None
    return a, b, True


def _parse_text(text: str, dayfirst: bool, tzinfos: dict[str, int]) -> tuple[pd.Timestamp, str, bool]:
    """``(timestamp, precision, time zone unknown)`` of a free-text date, or raise ValueError with the reason.

    A time-zone name the table does not know (``03:00 XYZ``) is read as UTC and flagged; an IANA name
    (``Asia/Damascus``) is applied. In a fuzzy read (words skipped), a month must come from an English
    month name or a numeric date: ``8 décembre 2024`` is not read as August.
    """
    if _RFC2822.match(text):
        try:
            return _to_utc(parsedate_to_datetime(text)), "time", False
        except (TypeError, ValueError, IndexError):
            pass
    zone, unknown = _iana(text)
    if zone is not None:
        text = _IANA.sub(" ", text)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", _du.UnknownTimezoneWarning)
        a, b, fuzzy = _dateutil(text, dayfirst, tzinfos)
    unknown = unknown or any(issubclass(w.category, _du.UnknownTimezoneWarning) for w in caught)
    precision = _precision(a, b)
    if precision is None:
        raise ValueError("no year")
    if fuzzy and precision != "year" and not (_EN_MONTH.search(text) or _NUMERIC_MONTH.search(text)):
        raise ValueError("month name not understood (English names and numbers are read)")
    if precision in ("year", "month"):
        a = a.replace(
            month=1 if precision == "year" else a.month,
            day=1,
            hour=0,
            minute=0,
            second=0,
            microsecond=0,
            tzinfo=a.tzinfo,
        )
    elif precision == "day":
        a = a.replace(hour=0, minute=0, second=0, microsecond=0)
    elif a.second != b.second:  # "14:05": no seconds given
        a = a.replace(second=0, microsecond=0)
    if zone is not None and a.tzinfo is None and precision == "time":
        a = a.replace(tzinfo=zone)
    return _to_utc(a), precision, unknown


def _iana(text: str) -> tuple[Any, bool]:
    """The IANA time zone named in ``text`` (``Asia/Damascus``) and whether a name was there but unknown."""
    m = _IANA.search(text)
    if not m:
        return None, False
    try:
        return zoneinfo.ZoneInfo(m.group(1)), False
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None, True


def _relative(m: re.Match, reference: pd.Timestamp | None) -> tuple[pd.Timestamp, str, str]:
    ref = reference if isinstance(reference, pd.Timestamp) or reference is None else parse_date(reference)[0]
    if ref is None or pd.isna(ref):
        return pd.NaT, "unparseable", "relative without a reference"
    ref = _to_utc(ref)
    word = (m.group("word") or "").lower()
    if word in ("just now", "now"):
        return ref, "ok", "time"
    if word in ("today", "yesterday"):
        return (ref - pd.Timedelta(days=1 if word == "yesterday" else 0)).normalize(), "ok", "day"
    n = 1 if m.group("n").lower() in ("a", "an", "one") else int(m.group("n"))
    unit = m.group("unit").lower()
    if unit.startswith("mo"):
        return (ref - pd.DateOffset(months=n)).normalize(), "ok", "day"
    key = "m" if unit.startswith("mi") else unit[0]
    secs = n * _UNIT_SECONDS[key]
    return ref - pd.Timedelta(seconds=secs), "ok", "time" if secs < 86400 else "day"


def parse_date(value: Any, dayfirst: bool = False, reference: Any = None) -> tuple[pd.Timestamp, str, str]:
    """Parse one date value.

    Args:
        value: a string, number, datetime or missing value.
        dayfirst: read an ambiguous ``01/02/2024`` as 1 February (default: 2 January).
        reference: the time a relative date (``3 hours ago``) counts from (a crawl or feed date); without
            one, relative dates are unparseable.

    Returns:
        ``(timestamp, status, detail)``: a UTC timestamp or ``NaT``; ``status`` one of ``ok``,
        ``ambiguous`` (day and month could be swapped), ``tz_ambiguous`` (the time-zone abbreviation has
        other readings, or is unknown and read as UTC), ``missing``, ``unparseable``; ``detail`` the
        precision (``time``, ``day``, ``month``, ``year``) of a parsed value or the reason of an
        unparseable one.
    """
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return pd.NaT, "missing", ""
    if isinstance(value, _dt.date) and not isinstance(value, _dt.datetime):  # a YAML or Python date
        return _to_utc(pd.Timestamp(value)), "ok", "day"
    if isinstance(value, pd.Timestamp) or (hasattr(value, "year") and not isinstance(value, str)):
        try:
            return _to_utc(value), "ok", "time"
        except (ValueError, TypeError):
            return pd.NaT, "unparseable", "not a date"
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        value = repr(int(value)) if float(value).is_integer() else repr(float(value))
    text = str(value).strip()
    if not text or text.lower() in {"nan", "nat", "none", "null", "n/a", "na", "-"}:
        return pd.NaT, "missing", ""
    return _parse_string(text, dayfirst, reference)


def _numeric(text: str) -> tuple[pd.Timestamp, str, str] | None:
    """A year (``2024``, ``2024.0``), compact date (``20241130``, GDELT's ``20241130140500``), month
    (``11.2024``), quarter or half (``Q4 2024``: the year only) or epoch time; None for other text."""
    if m := _ONLY_YEAR.match(text):
        return pd.Timestamp(f"{m.group(1)}-01-01", tz="UTC"), "ok", "year"
    if m := _COMPACT.match(text):
        y, mo, d, hh, mi, ss = m.groups()
        try:
            ts = pd.Timestamp(int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0), tz="UTC")
        except ValueError:
            return pd.NaT, "unparseable", "not a date"
        return ts, "ok", "time" if hh else "day"
    if m := _MONTH_DOT_YEAR.match(text):
        return pd.Timestamp(int(m.group(2)), int(m.group(1)), 1, tz="UTC"), "ok", "month"
    if m := _QUARTER.match(text):
        return pd.Timestamp(f"{m.group(1) or m.group(2)}-01-01", tz="UTC"), "ok", "year"
    if _SCIENTIFIC.match(text):
        return pd.NaT, "unparseable", "a number that is no epoch time"
    if _NUMBER.match(text):
        return _from_epoch(float(text))
    return None


def _parse_string(text: str, dayfirst: bool, reference: Any) -> tuple[pd.Timestamp, str, str]:
    """:func:`parse_date` of a non-empty string."""
    numeric = _numeric(text)
    if numeric is not None:
        return numeric
    rel = _RELATIVE.match(text)
    if rel:
        return _relative(rel, reference)
    status = "ok"
    m = _NUMERIC_DMY.match(text)
    if m and int(m.group(1)) <= 12 and int(m.group(2)) <= 12 and m.group(1) != m.group(2):
        status = "ambiguous"
    tz = timezones()
    words = {w.upper() for w in re.findall(r"\b[A-Za-z]{2,5}\b", text)}
    used = [w for w in words if w in tz]
    if any(tz[w][1] for w in used) and status == "ok":
        status = "tz_ambiguous"
    try:
        ts, precision, tz_unknown = _parse_text(text, dayfirst, {w: tz[w][0] for w in used})
    except ValueError as e:
        return pd.NaT, "unparseable", str(e)
    if not (_LO <= ts < _HI):
        return pd.NaT, "unparseable", "out of range"
    if tz_unknown and status == "ok":
        status = "tz_ambiguous"
    return ts, status, precision


def _from_epoch(x: float) -> tuple[pd.Timestamp, str, str]:
    """Epoch seconds (9-10 digits) or milliseconds (12-13 digits) between 1990 and 2100; else unparseable."""
    if not np.isfinite(x) or x <= 0:
        return pd.NaT, "unparseable", "not a date"
    digits = len(str(int(abs(x))))
    if digits in (9, 10):
        unit = "s"
    elif digits in (12, 13):
        unit = "ms"
    else:
        return pd.NaT, "unparseable", "a number that is no epoch time"
    ts = pd.Timestamp(x, unit=unit, tz="UTC")
    if not (_EPOCH_LO <= ts < _EPOCH_HI):
        return pd.NaT, "unparseable", "out of range"
    return ts, "ok", "time"


def _count(stats: DateStats, status: str, detail: str, raw: Any) -> None:
    if status in ("ok", "ambiguous", "tz_ambiguous"):
        stats.parsed += 1
        if detail in ("month", "year"):
            stats.imprecise[detail] += 1
        if status == "ambiguous":
            stats.ambiguous += 1
            if len(stats.examples_ambiguous) < 5 and str(raw) not in stats.examples_ambiguous:
                stats.examples_ambiguous.append(str(raw))
        elif status == "tz_ambiguous":
            stats.tz_ambiguous += 1
    elif status == "missing":
        stats.missing += 1
    else:
        stats.unparseable += 1
        stats.reasons[detail] += 1
        if len(stats.examples_unparseable) < 5 and str(raw) not in stats.examples_unparseable:
            stats.examples_unparseable.append(str(raw))


def parse_dates(
    values: Iterable[Any], dayfirst: bool = False, reference: Any = None, with_precision: bool = False
) -> tuple:
    """Parse a column of dates; fast for ISO 8601, exact for everything else.

    Args:
        values: the raw values (strings, numbers, datetimes, missing).
        dayfirst: how to read ambiguous numeric day/month orders.
        reference: the time relative dates count from: one value, or one per value (a crawl-date column).
        with_precision: also return each date's precision.

    Returns:
        A ``datetime64[ns, UTC]`` Series (``NaT`` where unknown), the precisions (a Series of ``time``,
        ``day``, ``month``, ``year`` or ``""``; only with ``with_precision``), and the :class:`DateStats`.
    """
    raw = pd.Series(list(values), dtype=object)
    stats = DateStats()
    out = pd.Series(pd.NaT, index=raw.index, dtype="datetime64[ns, UTC]")
    precision = pd.Series("", index=raw.index, dtype=object)
    refs = list(reference) if isinstance(reference, (list, tuple, pd.Series, np.ndarray)) else None
    if raw.empty:
        return (out, precision, stats) if with_precision else (out, stats)
    as_str = raw.map(lambda v: v.strip() if isinstance(v, str) else v)
    iso_like = as_str.map(
        lambda v: isinstance(v, str) and len(v) >= 16 and v[4:5] == "-" and v[:4].isdigit() and v[10:11] in ("T", " ")
    )
    rest = as_str
    iso_day = as_str.map(
        lambda v: isinstance(v, str) and len(v) == 10 and v[4:5] == "-" and v[7:8] == "-" and v[:4].isdigit()
    )
    if iso_day.any():  # ISO dates without a time: vectorised, precision "day"
        fast = pd.to_datetime(as_str[iso_day], format="%Y-%m-%d", utc=True, errors="coerce")
        ok = fast.notna() & (fast >= _LO) & (fast < _HI)
        out.loc[fast.index[ok]] = fast[ok].astype("datetime64[ns, UTC]")
        precision.loc[fast.index[ok]] = "day"
        stats.parsed += int(ok.sum())
        rest = as_str[~as_str.index.isin(fast.index[ok])]
    if iso_like.any():  # full ISO date-times: vectorised
        fast = pd.to_datetime(as_str[iso_like], format="ISO8601", utc=True, errors="coerce")
        ok = fast.notna() & (fast >= _LO) & (fast < _HI)
        out.loc[fast.index[ok]] = fast[ok].astype("datetime64[ns, UTC]")
        precision.loc[fast.index[ok]] = "time"
        stats.parsed += int(ok.sum())
        rest = rest[~rest.index.isin(fast.index[ok])]
    cache: dict[Any, tuple[pd.Timestamp, str, str]] = {}
    for idx, v in rest.items():
        ref = refs[idx] if refs is not None else reference
        key = (v if isinstance(v, (str, int, float)) else repr(v), None if refs is None else str(ref))
        if key not in cache:
            cache[key] = parse_date(v, dayfirst=dayfirst, reference=ref)
        ts, status, detail = cache[key]
        _count(stats, status, detail, v)
        if status in ("ok", "ambiguous", "tz_ambiguous"):
            out.at[idx] = ts
            precision.at[idx] = detail
    return (out, precision, stats) if with_precision else (out, stats)


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
