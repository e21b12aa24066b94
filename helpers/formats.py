"""Bytes to text and tables to fields: encodings, format detection and column mapping.

:func:`decode` reads UTF-8 (a file that is UTF-8 but for a few lines keeps its UTF-8 and has only those
lines read as cp1252, counted), UTF-16 with BOM, or single-byte encodings; :func:`scrub` replaces lone
surrogates; :func:`detect_format` tells the format from the name and first bytes; :func:`map_columns`
chooses which column gives each field of the CORPUS.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .inputs import CSV_EXT, FEED_EXT, HTML_EXT, JSON_EXT, JSONL_EXT, PARQUET_EXT, TEXT_EXT, TSV_EXT
from .loadreport import ColumnMappingError, SkipFile

#: The label of a file that is UTF-8 but for some lines, which were read as cp1252 (or latin-1).
MIXED = "utf-8 + cp1252 lines"


def decode(data: bytes) -> tuple[str, str, int]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 with BOM; a file that is mostly UTF-8 with a few
    lines in another encoding keeps its UTF-8 and has only those lines read as cp1252 (or latin-1); a file
    that is mostly not UTF-8 is read as cp1252, else latin-1.

    Returns:
        ``(text, encoding, lines repaired)``: the encoding is ``utf-8``, ``utf-8-sig``, ``utf-16``,
        ``cp1252``, ``latin-1`` or :data:`MIXED`.

    UTF-16 without a BOM is recognised by its NUL bytes; a few stray NUL bytes in text are removed.

    Raises:
        SkipFile: the bytes look binary (many NUL or control bytes).
    """
    if data.startswith(b"\xef\xbb\xbf"):  # a BOM says nothing of the lines after it
        text, enc, bad = decode_lines(data[3:])
        return text, "utf-8-sig" if enc == "utf-8" else enc, bad
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16", 0
    head = data[:8192]
    utf16 = _utf16_without_bom(head) if b"\x00" in head else None
    if utf16:
        return data.decode(utf16, errors="replace"), utf16, 0
    if head.count(0) > max(2, len(head) / 100) or len(head.translate(None, _NOT_CONTROL)) > len(head) / 20:
        raise SkipFile("binary file (NUL or control bytes), not text")
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")  # a few stray NULs in text: removed (the caller reports them)
    return decode_lines(data)


#: Bytes that are no control character (deleted to count the control bytes of a head) and printable ASCII.
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))
_PRINTABLE = bytes(range(9, 14)) + bytes(range(32, 127))


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when nearly every other byte of ``head`` is NUL (ASCII-range text
    written as UTF-16 without a byte-order mark), else None."""
    even, odd = head[0::2], head[1::2]
    if len(odd) < 8:
        return None
    for zeros, chars, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) > 0.9 * len(zeros) and len(chars.translate(None, _PRINTABLE)) < 0.1 * len(chars):
            return name
    return None


def decode_lines(data: bytes) -> tuple[str, str, int]:
    """UTF-8 text whose bytes that are not UTF-8 are read as cp1252, line by line (see :func:`decode`)."""
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
            out.append(line.decode("utf-8", errors=_FALLBACK))  # valid UTF-8 in the line stays as it is
    if bad > len(lines) / 2:  # mostly not UTF-8: one single-byte encoding for the whole file
        try:
            return data.decode("cp1252"), "cp1252", 0
        except UnicodeDecodeError:
            return data.decode("latin-1"), "latin-1", 0
    return "\n".join(out), MIXED, bad


def _cp1252_bytes(err: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: the bytes that are not UTF-8, read as cp1252 (latin-1 where cp1252 has none)."""
    return _single_byte(err.object[err.start : err.end]), err.end


_FALLBACK = "helpers-cp1252"
codecs.register_error(_FALLBACK, _cp1252_bytes)


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


_BY_EXT = {
    **dict.fromkeys(PARQUET_EXT, "parquet"),
    **dict.fromkeys(CSV_EXT, "csv"),
    **dict.fromkeys(TSV_EXT, "tsv"),
    **dict.fromkeys(JSONL_EXT, "jsonl"),
}


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
    if ext in _BY_EXT:
        return _BY_EXT[ext]
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


#: Column names recognised in tabular files, per output field, in order of preference
#: (compared case-insensitively, ignoring spaces, dashes and underscores).
COLUMN_ALIASES: dict[str, list[str]] = {
    "title": ["title", "headline", "article_title", "webtitle", "heading", "name"],
    "text": [
        "text",
        "content",
        "body",
        "article_content",
        "bodytext",
        "full_text",
        "article_text",
        "article",
        "story",
        "description",
        "summary",
        "abstract",
    ],
    "date": [
        "date",
        "published",
        "pubdate",
        "webpublicationdate",
        "date_published",
        "publish_date",
        "published_at",
        "publication_date",
        "publishedat",
        "datetime",
        "timestamp",
        "time",
        "created_at",
        "pub_date",
        "updated",
    ],
    "source": [
        "source",
        "outlet",
        "publisher",
        "domain",
        "media",
        "media_name",
        "site",
        "sitename",
        "source_name",
        "publication",
        "newspaper",
        "source_feed",
        "feed",
        "feed_url",
        "feed_title",
    ],
    "url": ["url", "link", "weburl", "href", "uri", "article_url"],
    # when the record was fetched: relative dates ("3 hours ago") count from it
    "retrieved": [
        "retrieved",
        "retrieved_at",
        "crawled",
        "crawled_at",
        "crawl_date",
        "fetched",
        "fetched_at",
        "scraped_at",
        "captured",
        "capture_date",
        "accessed",
        "date_captured",
    ],
}


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
            f"{path}: mapping names unknown field(s) {sorted(unknown)}; fields are {sorted(COLUMN_ALIASES)}"
        )
    for fld, col in mapping.items():
        if col is None:
            out[fld] = None
            continue
        if col not in cols:
            raise ColumnMappingError(f"{path}: mapping {fld!r} -> {col!r}: no such column; available columns: {cols}")
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
