"""Delimited files (CSV, TSV, and files split on ``;`` or ``|``): rows read with their line numbers.

A stray or unterminated quote makes the csv module read several records as one row; :func:`read_delimited`
notices (an odd number of quote marks, or later lines that read alone as whole records), reports the lines and
reads them one by one instead, or refuses the file in strict mode. Repeated column names are made unique and
reported. :mod:`helpers.readers` turns the rows into records.
"""

from __future__ import annotations

import csv
import io
import sys
from collections import Counter
from dataclasses import dataclass
from typing import Any

from .dates import parse_date
from .formats import map_columns
from .inputs import Input
from .loadreport import LoadReport, SkipFile


@dataclass(frozen=True)
class _Table:
    """A delimited file being read: its raw lines, header, delimiter, date column, path and strictness."""

    lines: list[str]
    header: list[str]
    delimiter: str
    date_idx: int | None
    path: str
    strict: bool


def read_delimited(
    inp: Input,
    text: str,
    delimiter: str | None,
    mapping: dict[str, str] | None,
    report: LoadReport,
    strict: bool = False,
) -> tuple[list[tuple[int, dict[str, Any]]], dict[str, str | None]]:
    """The rows of a CSV/TSV text as ``(line number, {column: value})`` and the column mapping.

    Rows whose quotes merged several records are read line by line (or refuse the file with ``strict``);
    malformed rows are reported with their line and left out.

    Raises:
        SkipFile: no header, no title or text column, or (``strict``) a merged row or an unterminated quote.
        ColumnMappingError: ``mapping`` names a column the file lacks.
    """
    if delimiter is None:
        first = text.split("\n", 1)[0]
        delimiter = max([",", "\t", ";", "|"], key=first.count)
    csv.field_size_limit(sys.maxsize)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise SkipFile("empty table (no header row)") from None
    except csv.Error as e:
        raise SkipFile(f"line 1: unreadable header: {e}") from None
    header = _unique_header([h.strip() for h in header], inp.path, report)
    colmap = map_columns(header, mapping, inp.path)
    if not colmap.get("title") and not colmap.get("text"):
        raise SkipFile(f"no title or text column among {header}")
    date_idx = header.index(colmap["date"]) if colmap.get("date") else None
    table = _Table(text.split("\n"), header, delimiter, date_idx, inp.path, strict)
    rows: list[tuple[int, dict[str, Any]]] = []
    n = len(header)
    while True:
        try:
            start = reader.line_num + 1
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            report.row_errors.append((inp.path, reader.line_num, f"malformed row: {e}"))
            continue
        end = reader.line_num
        if end > start and _check_span(table, start, end, report, rows):
            continue
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if len(row) != n:
            _malformed(table.lines[start - 1 : max(end, start)], start, (n, len(row)), table, report)
            continue
        rows.append((start, dict(zip(header, row))))
    return rows, colmap


def _malformed(span: list[str], start: int, fields: tuple[int, int], table: _Table, report: LoadReport) -> None:
    """Report a row with the wrong number of fields; one whose quote is never closed (odd quote marks, as on
    a file's last line) is named so, and refuses the file in strict mode.

    Raises:
        SkipFile: in strict mode, for an unterminated quote.
    """
    (n, found), path, strict = fields, table.path, table.strict
    msg = f"malformed row: expected {n} fields, found {found}"
    if sum(line.count('"') for line in span) % 2:
        msg = f"malformed row: an unterminated quote; expected {n} fields, found {found}"
        if strict:
            raise SkipFile(f"line {start}: {msg} (strict mode refuses the file)")
    report.row_errors.append((path, start, msg))


def _check_span(
    table: _Table, start: int, end: int, report: LoadReport, rows: list[tuple[int, dict[str, Any]]]
) -> bool:
    """Report a row read over lines ``start``-``end`` that looks merged; True when its lines were read one
    by one into ``rows`` instead (the row as parsed is then dropped).

    Raises:
        SkipFile: in strict mode, for a merged or suspicious row.
    """
    merge = _merged(table.lines[start - 1 : end], len(table.header), table.delimiter, table.date_idx)
    if merge is None:
        return False
    msg = (
        f"lines {start}-{end} read as one row: an unterminated or stray quote merged {end - start + 1} lines"
        if merge == "merged"
        else f"lines {start}-{end} read as one quoted row holding a line that looks like a record"
    )
    if table.strict:
        raise SkipFile(f"line {start}: {msg} (strict mode refuses the file)")
    if merge == "suspicious":
        report.warnings.append((table.path, start, msg + "; kept as one row (check its quotes)"))
        return False
    report.row_errors.append((table.path, start, msg + "; the lines were read one by one"))
    rows.extend(_line_by_line(table, start, end, report))
    return True


def _unique_header(header: list[str], path: str, report: LoadReport) -> list[str]:
    """Names made unique (``name``, ``name.2``); a warning names every repeated column."""
    seen: Counter = Counter()
    out = []
    for h in header:
        seen[h] += 1
        if seen[h] > 1:
            report.warnings.append(
                (
                    path,
                    1,
                    f"column {h!r} appears {seen[h]} times; the first is used, the others are named {h}.{seen[h]}",
                )
            )
            h = f"{h}.{seen[h]}"
        out.append(h)
    return out


def _merged(span: list[str], n: int, delimiter: str, date_idx: int | None) -> str | None:
    """Whether one parsed row that spans several lines swallowed other records.

    Returns:
        ``"merged"`` when its raw lines hold an odd number of quote marks (a quote never closed) or most of
        its later lines read alone as whole records (the right number of fields, and a day in the date
        column when there is one): the lines are then read one by one; ``"suspicious"`` when only some of
        them do (a quoted text may hold a line that looks like a record: the row is kept as read, and
        reported); None otherwise.
    """
    if sum(line.count('"') for line in span) % 2:
        return "merged"
    later = [line for line in span[1:] if line.strip()]
    like = sum(_record_like(line, n, delimiter, date_idx) for line in later)
    if not like:
        return None
    return "merged" if 2 * like > len(later) else "suspicious"


def _record_like(line: str, n: int, delimiter: str, date_idx: int | None) -> bool:
    """Whether ``line`` read alone is a whole record: ``n`` fields, a first field, and a day or time in the
    date column (without one: at least 4 fields and a short first field)."""
    parsed = next(csv.reader([line], delimiter=delimiter), [])
    if len(parsed) != n or not parsed[0].strip():
        return False
    if date_idx is not None:
        _, status, precision = parse_date(parsed[date_idx])
        return status in ("ok", "ambiguous", "tz_ambiguous") and precision in ("day", "time")
    return n >= 4 and len(parsed[0]) < 40


def _line_by_line(table: _Table, start: int, end: int, report: LoadReport) -> list[tuple[int, dict[str, Any]]]:
    """The lines ``start``-``end`` read one by one as rows; a line with the wrong number of fields is reported."""
    lines, header, delimiter, path = table.lines, table.header, table.delimiter, table.path
    out = []
    for no in range(start, end + 1):
        line = lines[no - 1].rstrip("\r")
        if not line.strip():
            continue
        parsed = next(csv.reader([line], delimiter=delimiter), [])
        if len(parsed) == len(header):
            out.append((no, dict(zip(header, parsed))))
        else:
            report.row_errors.append((path, no, f"malformed row: expected {len(header)} fields, found {len(parsed)}"))
    return out


__all__ = ["read_delimited"]
