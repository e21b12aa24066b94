"""Load article files of many formats into one clean, dated table: the CORPUS.

:func:`load_corpus` reads a file, a folder (recursively), a glob or a list of them, in these formats
(detected by extension, then by content):

- plain text, one article per file, optionally with YAML front matter (``title``, ``date``, ``source``,
  ``url``) or a sidecar ``.json``/``.yaml`` of the same name; a date in the file name
  (``2024-11-30_aleppo.txt``) is used when nothing else gives one;
- CSV/TSV, JSON (a list of records, or an object holding one), JSON lines, Parquet; common column names
  are mapped automatically (see :data:`COLUMN_ALIASES`), an explicit ``mapping`` overrides;
- HTML pages (main text, title, date and site via trafilatura);
- RSS/Atom feed files (feedparser), one row per entry;
- ``.gz`` and ``.zip`` of any of these, read in memory (never extracted to disk) with a size cap.

Nothing in a load aborts on one bad file: every input is loaded or skipped with a reason, and
``df.attrs["load_report"]`` (a :class:`LoadReport`) accounts for all of them.
"""
from __future__ import annotations

import csv
import glob as _glob
import gzip
import hashlib
import io
import json
import logging
import os
import re
import sys
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import pandas as pd
import yaml

from . import cleaning, dedupe
from .dates import DateStats, date_from_name, parse_date, parse_dates

log = logging.getLogger(__name__)

#: Columns of the CORPUS table, in this order.
CORPUS_COLUMNS: list[str] = ["doc_id", "title", "date", "source", "url", "text", "n_chars", "path",
                             "duplicate_of", "date_precision"]
#: How precise a ``date`` is: to the second, the day, the month or the year (``""``: no date).
DATE_PRECISIONS: list[str] = ["time", "day", "month", "year", ""]

#: Column names recognised in tabular files, per output field, in order of preference
#: (compared case-insensitively, ignoring spaces, dashes and underscores).
COLUMN_ALIASES: dict[str, list[str]] = {
    "title": ["title", "headline", "article_title", "webtitle", "heading", "name"],
    "text": ["text", "content", "body", "article_content", "bodytext", "full_text", "article_text",
             "article", "story", "description", "summary", "abstract"],
    "date": ["date", "published", "pubdate", "webpublicationdate", "date_published", "publish_date",
             "published_at", "publication_date", "publishedat", "datetime", "timestamp", "time",
             "created_at", "pub_date", "updated"],
    "source": ["source", "outlet", "publisher", "domain", "media", "media_name", "site", "sitename",
               "source_name", "publication", "newspaper"],
    "url": ["url", "link", "weburl", "href", "uri", "article_url"],
    # when the record was fetched: relative dates ("3 hours ago") count from it
    "retrieved": ["retrieved", "retrieved_at", "crawled", "crawled_at", "crawl_date", "fetched", "fetched_at",
                  "scraped_at", "captured", "capture_date", "accessed", "date_captured"],
}

TEXT_EXT = {".txt", ".text", ".md", ".markdown"}
CSV_EXT = {".csv"}
TSV_EXT = {".tsv", ".tab"}
JSON_EXT = {".json"}
JSONL_EXT = {".jsonl", ".ndjson", ".jsonlines"}
PARQUET_EXT = {".parquet", ".pq"}
HTML_EXT = {".html", ".htm", ".xhtml"}
FEED_EXT = {".rss", ".atom", ".xml"}
SIDECAR_EXT = {".json", ".yaml", ".yml"}

#: Largest decompressed size read from one archive (or one .gz file), in bytes.
MAX_ARCHIVE_BYTES = 2 * 1024**3
#: Loads of more files than this show a progress bar.
PROGRESS_MIN_FILES = 200


class ColumnMappingError(ValueError):
    """An explicit column mapping names a column the file does not have."""


class SkipFile(Exception):
    """A file that cannot be loaded; the message is the reason recorded in the load report."""


@dataclass(eq=False, repr=False)
class LoadReport(dict):
    """The account of one load: every file seen is loaded or skipped with a reason.

    It is a ``dict`` of the key figures (:meth:`summary`, so ``df.to_parquet`` can store ``df.attrs``) with
    the details as attributes; copying a frame shares its report instead of deep-copying it.

    Attributes:
        files_seen: input files (archive members count one each; sidecars count as loaded).
        files_loaded: files that gave at least zero articles without error.
        skipped: ``(path, reason)`` for every file not loaded.
        articles: rows in the corpus.
        per_format: articles loaded per detected format.
        encodings: files per guessed encoding (``utf-8``, ``utf-8-sig``, ``cp1252``, ``latin-1``, ...).
        row_errors: ``(path, line, reason)`` for malformed rows (a bad CSV or JSON line), which are skipped.
        warnings: ``(path, line, message)`` for problems that did not stop a file (bad front matter).
        dates: counts of dates parsed, missing, unparseable and ambiguous.
        dayfirst: how ambiguous day/month orders were read.
        removed_lines: a frame ``doc_id, path, line_no, line, rule`` of every line cleaning removed.
        duplicate_clusters: a frame ``cluster, doc_id, duplicate_of, date, source, title, similarity``.
    """

    files_seen: int = 0
    files_loaded: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    articles: int = 0
    per_format: Counter = field(default_factory=Counter)
    encodings: Counter = field(default_factory=Counter)
    row_errors: list[tuple[str, int, str]] = field(default_factory=list)
    warnings: list[tuple[str, int, str]] = field(default_factory=list)
    dates: DateStats = field(default_factory=DateStats)
    dates_from_filename: int = 0
    dayfirst: bool = False
    cleaned: bool = True
    removed_lines: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=["doc_id", "path", "line_no", "line", "rule"]))
    duplicate_clusters: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=["cluster", "doc_id", "duplicate_of", "date", "source", "title", "similarity"]))

    @property
    def dates_missing(self) -> int:
        """Articles with no usable date (missing or unparseable)."""
        return self.dates.missing + self.dates.unparseable

    @property
    def dates_ambiguous(self) -> int:
        return self.dates.ambiguous

    @property
    def loaded(self) -> int:
        return self.files_loaded

    @property
    def n_duplicates(self) -> int:
        df = self.duplicate_clusters
        return int(df["duplicate_of"].notna().sum()) if len(df) else 0

    def summary(self) -> dict[str, Any]:
        """Key figures as a flat dict (for tables and the report index)."""
        return {
            "files_seen": self.files_seen, "files_loaded": self.files_loaded,
            "files_skipped": len(self.skipped), "articles": self.articles,
            "row_errors": len(self.row_errors), "dates_missing": self.dates_missing,
            "dates_ambiguous": self.dates_ambiguous,
            "duplicate_clusters": int(self.duplicate_clusters["cluster"].nunique())
            if len(self.duplicate_clusters) else 0,
            "duplicates": self.n_duplicates, "lines_removed": len(self.removed_lines),
        }

    def __str__(self) -> str:
        s = self.summary()
        lines = [
            f"Load report: {s['articles']} articles from {self.files_loaded} of {self.files_seen} files "
            f"({len(self.skipped)} skipped)",
            "  formats: " + (", ".join(f"{k} {v}" for k, v in sorted(self.per_format.items())) or "none"),
            "  encodings: " + (", ".join(f"{k} {v}" for k, v in sorted(self.encodings.items())) or "none"),
            f"  dates: {self.dates.parsed} parsed ({self.dates_from_filename} from file names), "
            f"{self.dates.missing} missing, {self.dates.unparseable} unparseable, "
            f"{self.dates.ambiguous} ambiguous (read {'day' if self.dayfirst else 'month'}-first)"
            + (", imprecise: " + ", ".join(f"{n} to the {p} only" for p, n in sorted(self.dates.imprecise.items()))
               if self.dates.imprecise else "")
            + (f", {self.dates.tz_ambiguous} with an ambiguous time zone" if self.dates.tz_ambiguous else ""),
            f"  duplicates: {s['duplicates']} copies in {s['duplicate_clusters']} clusters",
            f"  cleaning: {'on' if self.cleaned else 'off'}, {s['lines_removed']} lines removed"
            + (" (" + ", ".join(f"{r} {n}" for r, n in
                                self.removed_lines["rule"].value_counts().items()) + ")"
               if len(self.removed_lines) else ""),
        ]
        if self.dates.reasons:
            lines.append("  unparseable dates by reason: " + ", ".join(f"{r} {n}" for r, n in
                                                                      self.dates.reasons.most_common()))
        if self.dates.examples_unparseable:
            lines.append("  unparseable dates, e.g.: " + "; ".join(self.dates.examples_unparseable))
        if self.dates.examples_ambiguous:
            lines.append("  ambiguous dates, e.g.: " + "; ".join(self.dates.examples_ambiguous))
        for path, reason in self.skipped[:20]:
            lines.append(f"  skipped {path}: {reason}")
        if len(self.skipped) > 20:
            lines.append(f"  ... and {len(self.skipped) - 20} more skipped")
        for path, line, reason in self.row_errors[:20]:
            lines.append(f"  bad row {path}:{line}: {reason}")
        if len(self.row_errors) > 20:
            lines.append(f"  ... and {len(self.row_errors) - 20} more bad rows")
        for path, line, msg in self.warnings[:10]:
            lines.append(f"  warning {path}:{line}: {msg}")
        return "\n".join(lines)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:  # IPython
        p.text(str(self))

    def __repr__(self) -> str:
        return str(self)

    def __bool__(self) -> bool:
        return True

    def __copy__(self) -> "LoadReport":
        return self

    def __deepcopy__(self, memo: dict) -> "LoadReport":
        return self

    def refresh(self) -> "LoadReport":
        """Store the key figures as the dict's items (JSON-ready)."""
        self.clear()
        self.update({k: int(v) for k, v in self.summary().items()})
        return self


# --------------------------------------------------------------------------------------------------
# inputs

@dataclass
class _Input:
    path: str          # shown in reports and the `path` column
    data: bytes
    name: str          # file (or member) name, for format detection


def _expand(source: Any) -> list[tuple[Path, Path]]:
    """Files named by ``source`` as ``(file, root)`` pairs, in a stable order."""
    items: Sequence[Any] = source if isinstance(source, (list, tuple, set)) else [source]
    out: list[tuple[Path, Path]] = []
    for item in items:
        p = Path(os.path.expanduser(str(item)))
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file()
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            out.extend((f, p) for f in files)
        elif p.is_file():
            out.append((p, p.parent))
        elif any(ch in str(item) for ch in "*?["):
            matches = sorted(Path(m) for m in _glob.glob(str(p), recursive=True))
            if not matches:
                raise FileNotFoundError(f"load_corpus: the pattern {item!s} matches no file")
            for m in matches:
                if m.is_dir():
                    out.extend((f, m) for f in sorted(m.rglob("*")) if f.is_file())
                else:
                    out.append((m, m.parent))
        else:
            raise FileNotFoundError(f"load_corpus: no such file or folder: {item!s}")
    seen: set[Path] = set()
    unique = []
    for f, root in out:
        if f not in seen:
            seen.add(f)
            unique.append((f, root))
    return unique


def _is_sidecar(f: Path, all_files: set[Path]) -> bool:
    if f.suffix.lower() not in SIDECAR_EXT:
        return False
    stem = f.with_suffix("")
    return any(stem.with_suffix(ext) in all_files for ext in TEXT_EXT | HTML_EXT)


def _sidecar_for(f: Path) -> Path | None:
    for ext in (".json", ".yaml", ".yml"):
        cand = f.with_suffix(ext)
        if cand.is_file():
            return cand
    return None


# --------------------------------------------------------------------------------------------------
# decoding and detection

#: The label of a file that is UTF-8 but for some lines, which were read as cp1252 (or latin-1).
MIXED = "utf-8 + cp1252 lines"


def decode(data: bytes) -> tuple[str, str, int]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM; a file that is mostly UTF-8 with a few
    lines in another encoding keeps its UTF-8 and has only those lines read as cp1252 (or latin-1); a file
    that is mostly not UTF-8 is read as cp1252, else latin-1.

    Returns:
        ``(text, encoding, lines repaired)``: the encoding is ``utf-8``, ``utf-8-sig``, ``utf-16``,
        ``cp1252``, ``latin-1`` or :data:`MIXED`.

    Raises:
        SkipFile: the bytes look binary (NUL bytes without a UTF-16 BOM).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig", 0
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16", 0
    if b"\x00" in data[:8192]:
        raise SkipFile("binary file (NUL bytes), not text")
    return decode_lines(data)


def decode_lines(data: bytes) -> tuple[str, str, int]:
    """UTF-8 text whose lines that are not UTF-8 are read as cp1252 (see :func:`decode`)."""
    try:
        return data.decode("utf-8"), "utf-8", 0
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    out, bad = [], 0
    for line in lines:
        try:
            out.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            bad += 1
            out.append(_single_byte(line))
    if bad > len(lines) / 2:  # mostly not UTF-8: one single-byte encoding for the whole file
        try:
            return data.decode("cp1252"), "cp1252", 0
        except UnicodeDecodeError:
            return data.decode("latin-1"), "latin-1", 0
    return "\n".join(out), MIXED, bad


def _single_byte(line: bytes) -> str:
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError:
        return line.decode("latin-1")


_SURROGATE = re.compile("[\ud800-\udfff]")


def scrub(value: Any) -> tuple[Any, bool]:
    """A string with lone surrogates (from an escaped ``\\ud800`` in JSON) replaced by U+FFFD, and whether
    any were; other values pass through."""
    if not isinstance(value, str) or value.isascii():
        return value, False
    try:
        value.encode("utf-8")
        return value, False
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", value), True


def detect_format(name: str, head: bytes) -> str:
    """The format of a file from its name and first bytes: ``text``, ``csv``, ``tsv``, ``json``,
    ``jsonl``, ``parquet``, ``html``, ``feed``, ``gzip``, ``zip`` or ``unknown``."""
    ext = Path(name).suffix.lower()
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return "zip"
    if head.startswith(b"PAR1"):
        return "parquet"
    sniff = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if ext in PARQUET_EXT:
        return "parquet"
    if ext in CSV_EXT:
        return "csv"
    if ext in TSV_EXT:
        return "tsv"
    if ext in JSONL_EXT:
        return "jsonl"
    if ext in JSON_EXT:
        return "jsonl" if _looks_jsonl(head) else "json"
    if ext in FEED_EXT or (sniff.startswith(b"<?xml") and (b"<rss" in sniff or b"<feed" in sniff)):
        return "feed"
    if ext in HTML_EXT or sniff.startswith((b"<!doctype html", b"<html")):
        return "html"
    if ext in TEXT_EXT:
        return "text"
    if sniff.startswith((b"{", b"[")):
        return "jsonl" if _looks_jsonl(head) else "json"
    if sniff.startswith(b"<rss") or sniff.startswith(b"<feed"):
        return "feed"
    if not ext or ext in {".log", ".dat"}:
        return "text"
    return "unknown"


def _looks_jsonl(head: bytes) -> bool:
    lines = [ln.strip() for ln in head.split(b"\n") if ln.strip()]
    if len(lines) < 2:
        return False
    first = lines[0].lstrip(b"\xef\xbb\xbf")
    return first.startswith(b"{") and first.endswith(b"}")


# --------------------------------------------------------------------------------------------------
# readers: each returns a list of raw records (dicts with title, date, source, url, text, pos, kind)

def _norm_col(c: str) -> str:
    return re.sub(r"[\s\-_.]+", "", str(c).strip().lower())


def map_columns(columns: Sequence[str], mapping: dict[str, str] | None, path: str) -> dict[str, str | None]:
    """Choose which column gives each output field.

    Args:
        columns: the file's columns.
        mapping: explicit ``{field: column}`` choices (fields: title, text, date, source, url).
        path: the file, for error messages.

    Returns:
        ``{field: column or None}``.

    Raises:
        ColumnMappingError: the mapping names a column the file does not have (lists the available ones).
    """
    cols = [str(c) for c in columns]
    out: dict[str, str | None] = {}
    mapping = mapping or {}
    unknown = set(mapping) - set(COLUMN_ALIASES)
    if unknown:
        raise ColumnMappingError(
            f"{path}: mapping names unknown field(s) {sorted(unknown)}; fields are {sorted(COLUMN_ALIASES)}")
    for fld, col in mapping.items():
        if col is None:
            out[fld] = None
            continue
        if col not in cols:
            raise ColumnMappingError(
                f"{path}: mapping {fld!r} -> {col!r}: no such column; available columns: {cols}")
        out[fld] = col
    normed = {_norm_col(c): c for c in reversed(cols)}
    # dotted names from nested JSON: also try the last segment ("fields.bodyText" -> "bodytext")
    for c in cols:
        last = _norm_col(str(c).split(".")[-1])
        normed.setdefault(last, c)
    used = {c for c in out.values() if c}
    for fld, names in COLUMN_ALIASES.items():
        if fld in out:
            continue
        out[fld] = None
        for name in names:
            c = normed.get(_norm_col(name))
            if c is not None and c not in used:
                out[fld] = c
                used.add(c)
                break
    return out


def _records_from_rows(rows: Iterable[tuple[int, dict[str, Any]]], colmap: dict[str, str | None]
                       ) -> list[dict[str, Any]]:
    recs = []
    for pos, row in rows:
        rec = {"pos": pos}
        for fld in ("title", "text", "date", "source", "url", "retrieved"):
            col = colmap.get(fld)
            v = row.get(col) if col else None
            if fld not in ("date", "retrieved"):
                v = "" if v is None or (isinstance(v, float) and v != v) else str(v)
            rec[fld] = v
        recs.append(rec)
    return recs


def _read_delimited(inp: _Input, text: str, delimiter: str | None, mapping, report: LoadReport,
                    strict: bool = False) -> list[dict[str, Any]]:
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
    lines = text.split("\n")
    rows: list[tuple[int, dict[str, Any]]] = []
    n = len(header)
    date_idx = header.index(colmap["date"]) if colmap.get("date") else None
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
        if end > start and _merged(lines[start - 1:end], n, delimiter, date_idx):
            msg = (f"lines {start}-{end} read as one row: an unterminated or stray quote merged "
                   f"{end - start + 1} lines")
            if strict:
                raise SkipFile(f"line {start}: {msg} (strict mode refuses the file)")
            report.row_errors.append((inp.path, start, msg + "; the lines were read one by one"))
            rows.extend(_line_by_line(lines, start, end, header, delimiter, inp.path, report))
            continue
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if len(row) != n:
            report.row_errors.append(
                (inp.path, start, f"malformed row: expected {n} fields, found {len(row)}"))
            continue
        rows.append((start, dict(zip(header, row))))
    return _records_from_rows(rows, colmap)


def _unique_header(header: list[str], path: str, report: LoadReport) -> list[str]:
    """Names made unique (``name``, ``name.2``); a warning names every repeated column."""
    seen: Counter = Counter()
    out = []
    for h in header:
        seen[h] += 1
        if seen[h] > 1:
            report.warnings.append((path, 1, f"column {h!r} appears {seen[h]} times; the first is used, the "
                                             f"others are named {h}.{seen[h]}"))
            h = f"{h}.{seen[h]}"
        out.append(h)
    return out


def _merged(span: list[str], n: int, delimiter: str, date_idx: int | None) -> bool:
    """Whether one parsed row that spans several lines swallowed other records: its raw lines hold an odd
    number of quote marks (a quote never closed), or one of its later lines reads alone as a whole record
    (the right number of fields, and a date in the date column when there is one)."""
    if sum(line.count('"') for line in span) % 2:
        return True
    for line in span[1:]:
        parsed = next(csv.reader([line], delimiter=delimiter), [])
        if len(parsed) != n or not parsed[0].strip():
            continue
        if date_idx is not None:
            _, status, precision = parse_date(parsed[date_idx])
            if status in ("ok", "ambiguous", "tz_ambiguous") and precision in ("day", "time"):
                return True
        elif n >= 4 and len(parsed[0]) < 40:
            return True
    return False


def _line_by_line(lines: list[str], start: int, end: int, header: list[str], delimiter: str, path: str,
                  report: LoadReport) -> list[tuple[int, dict[str, Any]]]:
    out = []
    for no in range(start, end + 1):
        line = lines[no - 1].rstrip("\r")
        if not line.strip():
            continue
        parsed = next(csv.reader([line], delimiter=delimiter), [])
        if len(parsed) == len(header):
            out.append((no, dict(zip(header, parsed))))
        else:
            report.row_errors.append((path, no, f"malformed row: expected {len(header)} fields, found "
                                                f"{len(parsed)}"))
    return out


def _flatten(obj: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out = {}
    for k, v in obj.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(_flatten(v, key + "."))
        else:
            out[key] = v
    return out


def _json_records(obj: Any) -> list[dict[str, Any]]:
    if isinstance(obj, list):
        return [o for o in obj if isinstance(o, dict)]
    if isinstance(obj, dict):
        for key in ("articles", "items", "results", "data", "entries", "records", "docs", "stories",
                    "response"):
            v = obj.get(key)
            if isinstance(v, list):
                return [o for o in v if isinstance(o, dict)]
            if isinstance(v, dict):
                inner = _json_records(v)
                if inner:
                    return inner
        return [obj]
    return []


def _read_json(inp: _Input, text: str, mapping, report: LoadReport) -> list[dict[str, Any]]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        raise SkipFile(f"invalid JSON at line {e.lineno}, column {e.colno}: {e.msg}") from None
    recs = [_flatten(r) for r in _json_records(obj)]
    if not recs:
        raise SkipFile("JSON holds no article records")
    cols = list(dict.fromkeys(k for r in recs for k in r))
    colmap = map_columns(cols, mapping, inp.path)
    if not colmap.get("title") and not colmap.get("text"):
        raise SkipFile(f"no title or text field among {cols[:20]}")
    return _records_from_rows(enumerate(recs), colmap)


def _read_jsonl(inp: _Input, text: str, mapping, report: LoadReport) -> list[dict[str, Any]]:
    rows = []
    for no, line in enumerate(text.split("\n"), start=1):
        s = line.strip()
        if not s:
            continue
        try:
            obj = json.loads(s)
        except json.JSONDecodeError as e:
            report.row_errors.append((inp.path, no, f"invalid JSON at column {e.colno}: {e.msg}"))
            continue
        if not isinstance(obj, dict):
            report.row_errors.append((inp.path, no, "not a JSON object"))
            continue
        rows.append((no, _flatten(obj)))
    if not rows:
        raise SkipFile("no valid JSON lines")
    cols = list(dict.fromkeys(k for _, r in rows for k in r))
    colmap = map_columns(cols, mapping, inp.path)
    if not colmap.get("title") and not colmap.get("text"):
        raise SkipFile(f"no title or text field among {cols[:20]}")
    return _records_from_rows(rows, colmap)


def _read_parquet(inp: _Input, mapping, report: LoadReport) -> list[dict[str, Any]]:
    try:
        df = pd.read_parquet(io.BytesIO(inp.data))
    except Exception as e:  # pyarrow raises many types on corrupt files
        raise SkipFile(f"unreadable Parquet: {e}") from None
    colmap = map_columns(list(df.columns), mapping, inp.path)
    if not colmap.get("title") and not colmap.get("text"):
        raise SkipFile(f"no title or text column among {list(df.columns)}")
    rows = ((i, r) for i, r in enumerate(df.to_dict("records")))
    return _records_from_rows(rows, colmap)


_FRONT = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def _read_text(inp: _Input, text: str, report: LoadReport, sidecar: dict[str, Any] | None
               ) -> list[dict[str, Any]]:
    meta: dict[str, Any] = {}
    body = text
    m = _FRONT.match(text)
    if m:
        try:
            loaded = yaml.safe_load(m.group(1))
            if isinstance(loaded, dict):
                meta = {str(k).lower(): v for k, v in loaded.items()}
            else:
                report.warnings.append((inp.path, 1, "front matter is not a mapping; ignored"))
        except yaml.YAMLError as e:
            line = getattr(getattr(e, "problem_mark", None), "line", 0) + 2
            report.warnings.append((inp.path, line, f"front matter is not valid YAML ({e.__class__.__name__}); "
                                    "read as text"))
        if meta:
            body = text[m.end():]
    if sidecar:
        for k, v in sidecar.items():
            meta.setdefault(str(k).lower(), v)
    colmap = map_columns(list(meta), None, inp.path) if meta else {}
    rec = {"pos": 0, "text": body, "scraped": True}
    for fld in ("title", "date", "source", "url"):
        col = colmap.get(fld)
        v = meta.get(col) if col else None
        rec[fld] = v if fld == "date" else ("" if v is None else str(v))
    if not rec["title"] and not body.strip():
        raise SkipFile("empty file")
    return [rec]


def _read_html(inp: _Input, text: str, report: LoadReport) -> list[dict[str, Any]]:
    import trafilatura

    try:
        out = trafilatura.extract(text, output_format="json", with_metadata=True, include_comments=False,
                                  include_tables=False, favor_precision=True)
    except Exception as e:  # trafilatura/lxml raise assorted errors on broken markup
        raise SkipFile(f"HTML extraction failed: {e}") from None
    if not out:
        raise SkipFile("no article text found in the HTML page")
    d = json.loads(out)
    body = (d.get("text") or "").replace("\r\n", "\n")
    # trafilatura separates paragraphs with single newlines: one paragraph per line
    body = "\n\n".join(ln.strip() for ln in body.split("\n") if ln.strip())
    return [{"pos": 0, "title": d.get("title") or "", "date": d.get("date"),
             "source": d.get("sitename") or d.get("hostname") or "", "url": d.get("url") or "",
             "text": body, "scraped": True}]


_TAG = re.compile(r"<[^>]+>")


def _html_to_text(s: str) -> str:
    import html as _html

    s = re.sub(r"(?i)<\s*(br|/p|/div|/li|/h\d)\s*/?>", "\n\n", s or "")
    s = _html.unescape(_TAG.sub("", s))
    return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", s) if p.strip())


def _read_feed(inp: _Input, report: LoadReport) -> list[dict[str, Any]]:
    import feedparser

    parsed = feedparser.parse(inp.data)
    if not parsed.entries:
        reason = getattr(parsed, "bozo_exception", None)
        raise SkipFile(f"no feed entries{f' ({reason})' if reason else ''}")
    site = parsed.feed.get("title", "") if parsed.get("feed") else ""
    built = (parsed.feed.get("updated") or parsed.feed.get("published")) if parsed.get("feed") else None
    recs = []
    for i, e in enumerate(parsed.entries):
        content = ""
        if e.get("content"):
            content = " ".join(c.get("value", "") for c in e["content"])
        content = content or e.get("summary", "") or e.get("description", "")
        recs.append({"pos": i, "title": _html_to_text(e.get("title", "")), "text": _html_to_text(content),
                     "date": e.get("published") or e.get("updated") or e.get("created"), "retrieved": built,
                     "source": e.get("source", {}).get("title", "") if isinstance(e.get("source"), dict)
                     else site, "url": e.get("link", "")})
    return recs


# --------------------------------------------------------------------------------------------------
# archives

def _iter_archive(inp: _Input, fmt: str, budget: list[int]) -> Iterator[_Input]:
    """Members of a .gz or .zip as inputs, read in memory with a decompressed-size cap."""
    if fmt == "gzip":
        with gzip.GzipFile(fileobj=io.BytesIO(inp.data)) as g:
            data = g.read(budget[0] + 1)
        if len(data) > budget[0]:
            raise SkipFile(f"archive expands beyond the {MAX_ARCHIVE_BYTES:,}-byte cap (zip bomb?); not read")
        budget[0] -= len(data)
        inner = inp.name[:-3] if inp.name.lower().endswith(".gz") else inp.name + ".out"
        yield _Input(path=inp.path + "!" + Path(inner).name, data=data, name=inner)
        return
    try:
        zf = zipfile.ZipFile(io.BytesIO(inp.data))
    except zipfile.BadZipFile as e:
        raise SkipFile(f"corrupt zip: {e}") from None
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        declared = sum(i.file_size for i in infos)
        if declared > budget[0]:
            raise SkipFile(f"archive declares {declared:,} bytes uncompressed, beyond the "
                           f"{MAX_ARCHIVE_BYTES:,}-byte cap (zip bomb?); not read")
        for info in infos:
            name = info.filename.replace("\\", "/")
            base = name.rsplit("/", 1)[-1]
            if not base or base.startswith(".") or name.startswith("__MACOSX/"):
                continue
            with zf.open(info) as fh:
                data = fh.read(budget[0] + 1)
            if len(data) > budget[0]:
                raise SkipFile(f"archive expands beyond the {MAX_ARCHIVE_BYTES:,}-byte cap (zip bomb?)")
            budget[0] -= len(data)
            yield _Input(path=f"{inp.path}!{name}", data=data, name=base)


# --------------------------------------------------------------------------------------------------
# the loader

def _read_input(inp: _Input, report: LoadReport, mapping, sidecar: dict | None, budget: list[int],
                depth: int = 0, strict_csv: bool = False) -> Iterator[tuple[_Input, str, list[dict[str, Any]]]]:
    """Yield ``(input, format, records)`` for a file and, for archives, each member."""
    if not inp.data:
        raise SkipFile("empty file")
    fmt = detect_format(inp.name, inp.data[:4096])
    if fmt in ("gzip", "zip"):
        if depth >= 2:
            raise SkipFile("archive nested too deeply")
        for member in _iter_archive(inp, fmt, budget):
            report.files_seen += 1
            try:
                yield from _read_input(member, report, mapping, None, budget, depth + 1, strict_csv)
            except SkipFile as e:
                report.skipped.append((member.path, str(e)))
        report.files_seen -= 1  # the archive itself counts through its members
        return
    if fmt == "unknown":
        raise SkipFile(f"unsupported file type {Path(inp.name).suffix!r}")
    if fmt == "parquet":
        report.encodings["binary (parquet)"] += 1
        yield inp, fmt, _read_parquet(inp, mapping, report)
        return
    if fmt == "feed":
        report.encodings["xml"] += 1
        yield inp, fmt, _read_feed(inp, report)
        return
    text, enc, repaired = decode(inp.data)
    report.encodings[enc] += 1
    if repaired:
        report.warnings.append((inp.path, 0, f"{repaired} line{'s' if repaired > 1 else ''} not in UTF-8, read "
                                             "as cp1252"))
    if fmt == "text":
        yield inp, fmt, _read_text(inp, text, report, sidecar)
    elif fmt == "html":
        yield inp, fmt, _read_html(inp, text, report)
    elif fmt in ("csv", "tsv"):
        yield inp, fmt, _read_delimited(inp, text, "\t" if fmt == "tsv" else None, mapping, report, strict_csv)
    elif fmt == "json":
        yield inp, fmt, _read_json(inp, text, mapping, report)
    elif fmt == "jsonl":
        yield inp, fmt, _read_jsonl(inp, text, mapping, report)


def collect_records(inp: _Input, report: LoadReport, mapping: dict | None, sidecar: dict | None,
                    budget: list[int], source_name: str | None, out: list[dict[str, Any]],
                    pos_shift: int = 0, strict_csv: bool = False) -> None:
    """Append the raw records of one input (each archive member in turn) to ``out``, with the fields every
    row gets: ``path``, ``fmt``, ``name_date`` and a default ``source``; ``pos_shift`` offsets record
    positions (a byte range of a larger file). Counts loaded members and articles per format in ``report``;
    records of members read before an archive fails are kept, as they were counted.

    Raises:
        SkipFile: the input (or an archive as a whole) cannot be read.
    """
    for member, fmt, recs in _read_input(inp, report, mapping, sidecar, budget, strict_csv=strict_csv):
        report.files_loaded += 1
        report.per_format[fmt] += len(recs)
        name_date = date_from_name(member.name)
        default_source = source_name or Path(member.name).stem
        shift = pos_shift if member is inp else 0
        for r in recs:
            r["pos"] = r["pos"] + shift
            r["path"] = member.path
            fixed = False
            for fld in ("title", "text", "source", "url", "date"):
                r[fld], bad = scrub(r.get(fld))
                fixed = fixed or bad
            if fixed:
                report.warnings.append((member.path, int(r["pos"]), "invalid characters (lone surrogates) "
                                                                     "replaced by U+FFFD"))
            r["fmt"] = fmt
            r["name_date"] = name_date
            if not r.get("source"):
                r["source"] = default_source
            out.append(r)


def _doc_id(path: str, pos: int, title: str, text: str) -> str:
    h = hashlib.sha1()
    for part in (path, str(pos), title, text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:16]


def _progress(items: list, desc: str):
    if len(items) <= PROGRESS_MIN_FILES:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, unit="file")


def load_corpus(source: Any, *, mapping: dict[str, str] | None = None, source_name: str | None = None,
                dayfirst: bool = False, clean: bool = True, dedupe_threshold: float | None = 0.7,
                template_min_docs: int = 3, reference_date: Any = None, strict_csv: bool = False) -> pd.DataFrame:
    """Load articles from files of many formats into one tidy CORPUS table.

    Args:
        source: a file, a folder (read recursively), a glob, or a list of them.
        mapping: explicit ``{field: column}`` for tabular files (fields: title, text, date, source, url);
            overrides the automatic mapping of :data:`COLUMN_ALIASES`.
        source_name: the ``source`` of rows whose file has no source column or metadata
            (default: the file's name without extension).
        dayfirst: read ambiguous numeric dates such as ``01/02/2024`` day-first (they are counted).
        clean: strip site cruft (see :mod:`helpers.cleaning`); every removed line is recorded.
        dedupe_threshold: Jaccard threshold for near-duplicates (see :mod:`helpers.dedupe`);
            ``None`` turns duplicate detection off.
        template_min_docs: a short line repeated in at least this many documents of one source
            (and 10% of them) is a site template line and is removed.
        reference_date: when the files were fetched: relative dates ("3 hours ago") count from it (a
            ``retrieved``/``crawled`` column or a feed's own date wins); without one they stay undated.
        strict_csv: refuse a CSV file whose quotes merge lines into one row (by default the lines are read
            one by one and the merge is reported with its line numbers).

    Returns:
        A DataFrame with columns, in this order:

        - ``doc_id`` (str): stable id, a hash of origin file, position in it and content;
        - ``title`` (str): headline (``""`` when none);
        - ``date`` (datetime64[ns, UTC]): publication time, ``NaT`` when unknown;
        - ``source`` (str): outlet; ``url`` (str);
        - ``text`` (str): clean body, paragraphs separated by one blank line (``""`` for headline-only rows);
        - ``n_chars`` (int): length of ``text``;
        - ``path`` (str): the file it came from (``archive.zip!member`` for archive members);
        - ``duplicate_of`` (str or NA): ``doc_id`` of the earliest copy when this row is a copy;
        - ``date_precision`` (category): ``time``, ``day``, ``month`` or ``year`` (``"Nov 2024"`` is
          1 November with precision ``month``; nothing is filled in from today), ``""`` when undated.

        ``df.attrs["load_report"]`` holds the :class:`LoadReport`.

    Raises:
        FileNotFoundError: a named file or folder does not exist, or a glob matches nothing.
        ColumnMappingError: ``mapping`` names a column that a file lacks (the message lists its columns).
    """
    report = LoadReport(dayfirst=dayfirst, cleaned=clean)
    files = _expand(source)
    all_files = {f for f, _ in files}
    records: list[dict[str, Any]] = []
    budget = [MAX_ARCHIVE_BYTES]
    for f, root in _progress(files, "loading"):
        if _is_sidecar(f, all_files):
            report.files_seen += 1
            report.files_loaded += 1
            report.per_format["sidecar"] += 0
            continue
        report.files_seen += 1
        shown = str(f)
        try:
            data = f.read_bytes()
        except OSError as e:
            report.skipped.append((shown, f"unreadable: {e.strerror or e}"))
            continue
        sidecar = None
        sc = _sidecar_for(f) if f.suffix.lower() in TEXT_EXT else None
        if sc is not None:
            try:
                sidecar = yaml.safe_load(sc.read_text(encoding="utf-8"))
                if not isinstance(sidecar, dict):
                    report.warnings.append((str(sc), 1, "sidecar is not a mapping; ignored"))
                    sidecar = None
            except (yaml.YAMLError, OSError, UnicodeDecodeError) as e:
                report.warnings.append((str(sc), 1, f"sidecar unreadable ({e.__class__.__name__}); ignored"))
        budget[0] = MAX_ARCHIVE_BYTES
        inp = _Input(path=shown, data=data, name=f.name)
        before_seen = report.files_seen
        try:
            collect_records(inp, report, mapping, sidecar, budget, source_name, records, strict_csv=strict_csv)
            if report.files_seen < before_seen:  # an archive with no members
                report.files_seen += 1
                report.skipped.append((shown, "archive holds no files"))
        except SkipFile as e:
            report.skipped.append((shown, str(e)))
        except ColumnMappingError:
            raise
        except Exception as e:  # never let one file abort the load
            report.skipped.append((shown, f"unexpected error: {e.__class__.__name__}: {e}"))
    df = _build_frame(records, report, dayfirst, clean, template_min_docs, reference_date)
    if dedupe_threshold is not None and len(df):
        d = dedupe.find_duplicates(df, threshold=dedupe_threshold)
        df["duplicate_of"] = d["duplicate_of"]
        clusters = df.loc[d["cluster"] >= 0, ["doc_id", "duplicate_of", "date", "source", "title"]].copy()
        clusters.insert(0, "cluster", d.loc[d["cluster"] >= 0, "cluster"])
        clusters["similarity"] = d.loc[d["cluster"] >= 0, "similarity"]
        report.duplicate_clusters = clusters.sort_values(["cluster", "date"], kind="stable").reset_index(drop=True)
    report.articles = len(df)
    df.attrs["load_report"] = report.refresh()
    _log_summary(report)
    return df


def _build_frame(records: list[dict[str, Any]], report: LoadReport, dayfirst: bool, clean: bool,
                 template_min_docs: int, reference_date: Any = None) -> pd.DataFrame:
    n = len(records)
    titles = [r.get("title") or "" for r in records]
    texts = [r.get("text") or "" for r in records]
    removed_rows: list[tuple[int, int, str, str]] = []  # (record index, line_no, line, rule)
    if clean:
        for i, r in enumerate(records):
            scraped = bool(r.get("scraped"))
            res = cleaning.clean_document(texts[i], title=titles[i] or None, scraped=scraped)
            if not titles[i] and res.title:
                titles[i] = res.title
            texts[i] = res.text
            removed_rows.extend((i, no, line, rule) for no, line, rule in res.removed)
        templates = cleaning.find_template_lines(
            ((str(r.get("source") or ""), texts[i]) for i, r in enumerate(records)),
            min_docs=template_min_docs)
        if templates:
            for i, r in enumerate(records):
                t = templates.get(str(r.get("source") or ""))
                if t:
                    texts[i], gone = cleaning.remove_template_lines(texts[i], t)
                    if gone[:1] == [(0, cleaning.KEPT_WHOLE)]:
                        report.warnings.append((str(r.get("path")), 0, cleaning.KEPT_WHOLE))
                        continue
                    removed_rows.extend((i, no, line, "repeated in source") for no, line in gone)
    else:
        texts = [t.replace("\r\n", "\n").strip() for t in texts]
    refs = [r.get("retrieved") or reference_date for r in records]
    dates, precision, stats = parse_dates([r.get("date") for r in records], dayfirst=dayfirst,
                                          reference=refs if any(x is not None for x in refs) else None,
                                          with_precision=True)
    from_name = 0
    for i, r in enumerate(records):
        if pd.isna(dates.iat[i]) and pd.notna(r.get("name_date")):
            dates.iat[i] = r["name_date"]
            precision.iat[i] = "day"
            from_name += 1
    if from_name:
        # those were counted as missing (or unparseable) above: move them to parsed
        take = min(from_name, stats.missing)
        stats.missing -= take
        stats.unparseable -= from_name - take
        stats.parsed += from_name
    report.dates.add(stats)
    report.dates_from_filename += from_name
    paths = [r["path"] for r in records]
    ids = [_doc_id(paths[i], records[i]["pos"], titles[i], texts[i]) for i in range(n)]
    # a file repeated in a list of sources gives the same ids: keep them distinct
    seen: Counter = Counter()
    for i, d in enumerate(ids):
        if seen[d]:
            ids[i] = _doc_id(paths[i], records[i]["pos"], titles[i], texts[i] + f"\x00{seen[d]}")
        seen[d] += 1
    df = pd.DataFrame({
        "doc_id": pd.array(ids, dtype="string"),
        "title": pd.array([t.strip() for t in titles], dtype="string"),
        "date": dates.reset_index(drop=True).astype("datetime64[ns, UTC]"),
        "source": pd.array([str(r.get("source") or "").strip() for r in records], dtype="string"),
        "url": pd.array([str(r.get("url") or "").strip() for r in records], dtype="string"),
        "text": pd.array(texts, dtype="string"),
        "n_chars": pd.array([len(t) for t in texts], dtype="int64"),
        "path": pd.array(paths, dtype="string"),
        "duplicate_of": pd.array([None] * n, dtype="string"),
        "date_precision": pd.Categorical(precision.reset_index(drop=True).tolist(), categories=DATE_PRECISIONS),
    }, columns=CORPUS_COLUMNS)
    if removed_rows:
        report.removed_lines = pd.DataFrame(
            [(ids[i], paths[i], no, line, rule) for i, no, line, rule in removed_rows],
            columns=["doc_id", "path", "line_no", "line", "rule"])
    return df


def _log_summary(report: LoadReport) -> None:
    s = report.summary()
    log.info("loaded %d articles from %d of %d files (%d skipped); %d dates missing, %d ambiguous; "
             "%d copies in %d clusters; %d lines removed", s["articles"], s["files_loaded"], s["files_seen"],
             s["files_skipped"], s["dates_missing"], s["dates_ambiguous"], s["duplicates"],
             s["duplicate_clusters"], s["lines_removed"])
    for path, reason in report.skipped[:5]:
        log.warning("skipped %s: %s", path, reason)
