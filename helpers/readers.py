"""Readers: each turns one input into raw records (dicts with title, date, source, url, text, pos).

Text files (with YAML front matter or a sidecar), CSV/TSV (merged rows from a stray quote are detected
and re-read line by line, or refused with ``strict_csv``), JSON, JSON lines, Parquet, HTML pages and
RSS/Atom feeds; archives are read member by member (the rows of CSV/TSV files come from
:mod:`helpers.delimited`). :func:`collect_records` is the one place every
loader (:func:`~helpers.corpus.load_corpus`, streaming, the cache) reads an input through.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pandas as pd
import yaml

from . import inputs
from .dates import date_from_name
from .delimited import read_delimited
from .formats import decode, detect_format, map_columns, scrub
from .inputs import Input, iter_archive
from .loadreport import ColumnMappingError, LoadReport, SkipFile


def _as_text(value: Any, sep: str) -> str:
    """A field's value as text: lists (paragraphs) and objects joined by ``sep``, never their Python repr."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, dict):
        value = list(value.values())
    elif hasattr(value, "tolist") and getattr(value, "ndim", 0) > 0:  # an array from Parquet
        value = value.tolist()
    if isinstance(value, (list, tuple)):
        return sep.join(t for t in (_as_text(v, sep).strip() for v in value) if t)
    return str(value)


def _records_from_rows(
    rows: Iterable[tuple[int, dict[str, Any]]], colmap: dict[str, str | None]
) -> list[dict[str, Any]]:
    """Records with the kit's fields from rows; a row without the chosen column but with nested keys under
    it (``text.body`` in a file whose other rows have ``text``) takes the longest of them."""
    recs = []
    for pos, row in rows:
        rec = {"pos": pos}
        for fld in ("title", "text", "date", "source", "url", "retrieved"):
            col = colmap.get(fld)
            v = row.get(col) if col else None
            if col and col not in row:  # the longest text nested under it (a body beside its language)
                v = max((_as_text(x, " ") for k, x in row.items() if k.startswith(col + ".")), key=len, default=None)
            if fld not in ("date", "retrieved"):
                v = _as_text(v, "\n\n" if fld == "text" else " ")
            rec[fld] = v
        recs.append(rec)
    return recs


def _flatten(obj: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out = {}
    for k, v in obj.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(_flatten(v, key + "."))
        else:
            out[key] = v
    return out


def _json_records(obj: Any, path: str, report: LoadReport) -> list[dict[str, Any]]:
    """The article records of a JSON document; items of a list that are not objects are row errors."""
    if isinstance(obj, list):
        bad = [i for i, o in enumerate(obj) if not isinstance(o, dict)]
        for i in bad[:50]:
            report.row_errors.append(
                (path, i + 1, f"item {i + 1} of the list is not a JSON object ({type(obj[i]).__name__})")
            )
        if len(bad) > 50:
            report.row_errors.append((path, 0, f"... and {len(bad) - 50} more items that are not objects"))
        return [o for o in obj if isinstance(o, dict)]
    if isinstance(obj, dict):
        for key in ("articles", "items", "results", "data", "entries", "records", "docs", "stories", "response"):
            v = obj.get(key)
            if isinstance(v, list):
                return _json_records(v, path, report)
            if isinstance(v, dict):
                inner = _json_records(v, path, report)
                if inner:
                    return inner
        return [obj]
    return []


def _read_json(inp: Input, text: str, mapping, report: LoadReport) -> list[dict[str, Any]]:
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as e:
        raise SkipFile(f"invalid JSON at line {e.lineno}, column {e.colno}: {e.msg}") from None
    recs = [_flatten(r) for r in _json_records(obj, inp.path, report)]
    if not recs:
        raise SkipFile("JSON holds no article records")
    cols = list(dict.fromkeys(k for r in recs for k in r))
    colmap = map_columns(cols, mapping, inp.path)
    if not colmap.get("title") and not colmap.get("text"):
        raise SkipFile(f"no title or text field among {cols[:20]}")
    return _records_from_rows(enumerate(recs), colmap)


def _read_jsonl(inp: Input, text: str, mapping, report: LoadReport) -> list[dict[str, Any]]:
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


def _read_parquet(inp: Input, mapping, report: LoadReport) -> list[dict[str, Any]]:
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


def _read_text(inp: Input, text: str, report: LoadReport, sidecar: dict[str, Any] | None) -> list[dict[str, Any]]:
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
            report.warnings.append(
                (inp.path, line, f"front matter is not valid YAML ({e.__class__.__name__}); read as text")
            )
        if meta:
            body = text[m.end() :]
    if sidecar:
        for k, v in sidecar.items():
            meta.setdefault(str(k).lower(), v)
    colmap = map_columns(list(meta), None, inp.path) if meta else {}
    rec = {"pos": 0, "text": body, "scraped": True}
    for fld in ("title", "date", "source", "url"):
        col = colmap.get(fld)
        v = meta.get(col) if col else None
        rec[fld] = v if fld == "date" else _as_text(v, ", ")
    if not rec["title"] and not body.strip():
        raise SkipFile("empty file")
    return [rec]


def _read_html(inp: Input, text: str, report: LoadReport) -> list[dict[str, Any]]:
    import trafilatura

    try:
        out = trafilatura.extract(
            text,
            output_format="json",
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
        )
    except Exception as e:  # trafilatura/lxml raise assorted errors on broken markup
        raise SkipFile(f"HTML extraction failed: {e}") from None
    if not out:
        raise SkipFile("no article text found in the HTML page")
    d = json.loads(out)
    body = (d.get("text") or "").replace("\r\n", "\n")
    # trafilatura separates paragraphs with single newlines: one paragraph per line
    body = "\n\n".join(ln.strip() for ln in body.split("\n") if ln.strip())
    return [
        {
            "pos": 0,
            "title": d.get("title") or "",
            "date": d.get("date"),
            "source": d.get("sitename") or d.get("hostname") or "",
            "url": d.get("url") or "",
            "text": body,
            "scraped": True,
        }
    ]


_TAG = re.compile(r"<[^>]+>")


def _html_to_text(s: str) -> str:
    import html as _html

    s = re.sub(r"(?i)<\s*(br|/p|/div|/li|/h\d)\s*/?>", "\n\n", s or "")
    s = _html.unescape(_TAG.sub("", s))
    return "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", s) if p.strip())


def _read_feed(inp: Input, report: LoadReport) -> list[dict[str, Any]]:
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
        recs.append(
            {
                "pos": i,
                "title": _html_to_text(e.get("title", "")),
                "text": _html_to_text(content),
                "date": e.get("published") or e.get("updated") or e.get("created"),
                "retrieved": built,
                "source": e.get("source", {}).get("title", "") if isinstance(e.get("source"), dict) else site,
                "url": e.get("link", ""),
            }
        )
    return recs


def read_input(
    inp: Input,
    report: LoadReport,
    mapping,
    sidecar: dict | None,
    budget: list[int],
    depth: int = 0,
    strict_csv: bool = False,
) -> Iterator[tuple[Input, str, list[dict[str, Any]]]]:
    """Yield ``(input, format, records)`` for a file and, for archives, each member."""
    if not inp.data:
        raise SkipFile("empty file")
    fmt = detect_format(inp.name, inp.data[:4096])
    if fmt in ("gzip", "zip"):
        yield from _read_archive(inp, fmt, report, mapping, budget, depth, strict_csv)
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
    yield inp, fmt, _read_textual(inp, fmt, report, mapping, sidecar, strict_csv)


def _read_archive(
    inp: Input, fmt: str, report: LoadReport, mapping, budget: list[int], depth: int, strict_csv: bool
) -> Iterator[tuple[Input, str, list[dict[str, Any]]]]:
    """:func:`read_input` of each member of a .gz or .zip; hidden members are seen and ignored."""
    if depth >= 2:
        raise SkipFile("archive nested too deeply")
    ignored: list[tuple[str, str]] = []
    try:
        for member in iter_archive(inp, fmt, budget, ignored):
            report.files_seen += 1
            try:
                yield from read_input(member, report, mapping, None, budget, depth + 1, strict_csv)
            except SkipFile as e:
                report.skipped.append((member.path, str(e)))
    finally:
        report.files_seen += len(ignored)
        report.ignored.extend(ignored)
    report.files_seen -= 1  # a whole archive counts through its members


def _read_textual(
    inp: Input, fmt: str, report: LoadReport, mapping, sidecar: dict | None, strict_csv: bool
) -> list[dict[str, Any]]:
    """Records of a text, HTML, CSV/TSV, JSON or JSON Lines input, decoded (and its repairs reported)."""
    text, enc, repaired = decode(inp.data)
    report.encodings[enc] += 1
    if repaired:
        report.warnings.append(
            (inp.path, 0, f"{repaired} line{'s' if repaired > 1 else ''} not in UTF-8, read as cp1252")
        )
    nuls = inp.data.count(b"\x00") if not enc.startswith("utf-16") else 0
    if nuls:
        report.warnings.append((inp.path, 0, f"{nuls} NUL byte{'s' if nuls > 1 else ''} removed"))
    if fmt == "text":
        return _read_text(inp, text, report, sidecar)
    if fmt == "html":
        return _read_html(inp, text, report)
    if fmt in ("csv", "tsv"):
        rows, colmap = read_delimited(inp, text, "\t" if fmt == "tsv" else None, mapping, report, strict_csv)
        return _records_from_rows(rows, colmap)
    if fmt == "json":
        return _read_json(inp, text, mapping, report)
    return _read_jsonl(inp, text, mapping, report)


_FEED_HOST_PREFIX = re.compile(r"^(?:www\d?|feeds?\d?|rss|m|mobile|edition|amp)\.")


def _host(address: str) -> str:
    """The host of a web address without ``www.``, ``feeds.``, ``rss.`` and the like; ``""`` for other text."""
    if "://" not in address[:12]:
        return ""
    host = urlsplit(address).hostname or ""
    while _FEED_HOST_PREFIX.match(host):
        host = _FEED_HOST_PREFIX.sub("", host, count=1)
    return host


def source_of(value: Any, url: Any, source_name: str | None, file_stem: str) -> str:
    """The outlet of a record: its source field (a feed or page address shortened to its host:
    ``http://feeds.bbci.co.uk/news/rss.xml`` -> ``bbci.co.uk``), else the ``source_name`` asked for, else
    the host of its url, else the file's name."""
    v = str(value or "").strip()
    if v:
        return _host(v) or v
    return source_name or _host(str(url or "").strip()) or file_stem


_LINE_NUMBERS = re.compile(r"\b(lines?) (\d+)(?:-(\d+))?")


def _shift_text(message: str, shift: int) -> str:
    """``message`` with the numbers of ``line N`` and ``lines N-M`` moved by ``shift``."""
    if not shift:
        return message
    return _LINE_NUMBERS.sub(
        lambda m: f"{m.group(1)} {int(m.group(2)) + shift}" + (f"-{int(m.group(3)) + shift}" if m.group(3) else ""),
        message,
    )


def shift_lines(entries: list[tuple[str, int, str]], start: int, shift: int) -> None:
    """Move the line numbers of ``entries[start:]`` (``(path, line, message)``) by ``shift``, in place."""
    for i in range(start, len(entries)):
        path, line, message = entries[i]
        entries[i] = (path, line + shift if line else line, _shift_text(message, shift))


def _has_words(record: dict[str, Any]) -> bool:
    """Whether a record has a title or a text (an empty one would count as an article published)."""
    return any(str(record.get(f) or "").strip() for f in ("title", "text"))


@dataclass(frozen=True)
class ReadOptions:
    """How the files of one load are read, the same for every file (internal: :func:`helpers.load_corpus` and
    the batch loader build it from their own arguments).

    Attributes:
        mapping: explicit ``{field: column}`` for tabular files (None: the automatic mapping).
        source_name: the ``source`` of rows whose file names none (None: the file's name without extension).
        strict_csv: refuse a CSV file whose quotes merge lines into one row (False: read the lines one by one
            and report the merge).

    Raises:
        TypeError: ``mapping`` is not a mapping (or None).
    """

    mapping: Mapping[str, str] | None = None
    source_name: str | None = None
    strict_csv: bool = False

    def __post_init__(self) -> None:
        if self.mapping is not None and not isinstance(self.mapping, Mapping):
            raise TypeError(f"mapping takes a dict such as {{'text': 'story'}}, not {type(self.mapping).__name__}")


def collect_records(
    inp: Input,
    report: LoadReport,
    sidecar: dict | None,
    budget: list[int],
    out: list[dict[str, Any]],
    pos_shift: int = 0,
    options: ReadOptions | None = None,
) -> None:
    """Append the raw records of one input (each archive member in turn) to ``out``, with the fields every
    row gets: ``path``, ``fmt``, ``name_date`` and a default ``source``; ``pos_shift`` offsets record
    positions (a byte range of a larger file); ``options`` (:class:`ReadOptions`) the mapping, default source
    and CSV mode. Counts loaded members and articles per format in ``report``; records of members read before
    an archive fails are kept, as they were counted.

    Raises:
        SkipFile: the input (or an archive as a whole) cannot be read.
    """
    opts = options or ReadOptions()
    source_name = opts.source_name
    members = read_input(inp, report, opts.mapping, sidecar, budget, strict_csv=opts.strict_csv)
    while True:
        n_errors, n_warnings = len(report.row_errors), len(report.warnings)
        try:
            member, fmt, recs = next(members)
        except StopIteration:
            break
        if pos_shift and member is inp:  # a line range of a larger file: its line numbers, not the range's
            shift_lines(report.row_errors, n_errors, pos_shift)
            shift_lines(report.warnings, n_warnings, pos_shift)
        report.files_loaded += 1
        report.per_format[fmt] += len(recs)
        name_date = date_from_name(member.name)
        file_stem = Path(member.name).stem
        shift = pos_shift if member is inp else 0
        for r in recs:
            r["pos"] = r["pos"] + shift
            r["path"] = member.path
            if not _has_words(r):
                where = int(r["pos"]) + (1 if fmt == "json" else 0)
                report.row_errors.append(
                    (
                        member.path,
                        where,
                        f"{'item' if fmt == 'json' else 'record'} {where} has no title and no text; not loaded",
                    )
                )
                continue
            fixed = False
            for fld in ("title", "text", "source", "url", "date"):
                r[fld], bad = scrub(r.get(fld))
                fixed = fixed or bad
            if fixed:
                report.warnings.append(
                    (member.path, int(r["pos"]), "invalid characters (lone surrogates) replaced by U+FFFD")
                )
            r["fmt"] = fmt
            r["name_date"] = name_date
            r["source"] = source_of(r.get("source"), r.get("url"), source_name, file_stem)
            out.append(r)


def load_input(
    inp: Input,
    report: LoadReport,
    records: list[dict[str, Any]],
    *,
    sidecar: dict | None = None,
    pos_shift: int = 0,
    options: ReadOptions | None = None,
) -> None:
    """Read one input (counted as seen by the caller) into ``records``: it is loaded, or skipped with its
    reason; one bad file never stops a load. ``options``: the mapping, default source and CSV mode
    (:class:`ReadOptions`; None: the defaults).

    Raises:
        ColumnMappingError: an explicit mapping names a column the input lacks (the caller's mistake).
    """
    budget = [inputs.MAX_ARCHIVE_BYTES]
    before_seen = report.files_seen
    try:
        collect_records(inp, report, sidecar, budget, records, pos_shift, options)
        if report.files_seen < before_seen:  # an archive with no members
            report.files_seen += 1
            report.skipped.append((inp.path, "archive holds no files"))
    except SkipFile as e:
        report.skipped.append((inp.path, _shift_text(str(e), pos_shift)))
    except ColumnMappingError:
        raise
    except Exception as e:  # never let one file abort the load
        report.skipped.append((inp.path, f"unexpected error: {e.__class__.__name__}: {e}"))
