"""Unit tests of helpers.formats: decoding bytes, scrubbing surrogates, format detection and column mapping."""

from __future__ import annotations

import pytest

from helpers import formats as f
from helpers.loadreport import ColumnMappingError, SkipFile

# ------------------------------------------------------------------------------------------ decode


def test_decode_utf8_bom_and_utf16():
    assert f.decode("Hom\u00e9s".encode()) == ("Hom\u00e9s", "utf-8", 0)
    assert f.decode(b"\xef\xbb\xbfabc") == ("abc", "utf-8-sig", 0)
    assert f.decode("d\u00e9j\u00e0".encode("utf-16")) == ("d\u00e9j\u00e0", "utf-16", 0)


def test_decode_refuses_binary():
    with pytest.raises(SkipFile, match="binary"):
        f.decode(b"abc\x00def")


def test_decode_repairs_only_the_bad_lines():
    data = "caf\u00e9 one\n".encode() + b"na\xefve two\n" + "\u00fcber three\n".encode() + b"four"
    text, enc, repaired = f.decode(data)
    assert enc == f.MIXED and repaired == 1
    assert text == "caf\u00e9 one\nna\u00efve two\n\u00fcber three\nfour"


def test_decode_mostly_single_byte_is_cp1252_else_latin1():
    assert f.decode(b"\x93quoted\x94\n\xe9t\xe9") == ("\u201cquoted\u201d\n\u00e9t\u00e9", "cp1252", 0)
    # 0x81 has no cp1252 character: the whole file is latin-1
    assert f.decode(b"a\x81\nb\xe9") == ("a\x81\nb\u00e9", "latin-1", 0)


def test_decode_lines_keeps_valid_utf8_inside_a_bad_line():
    text, enc, repaired = f.decode_lines(b"ok\n" + "\u00e9".encode() + b" \xe9\nfine\nfine")
    assert (text, enc, repaired) == ("ok\n\u00e9 \u00e9\nfine\nfine", f.MIXED, 1)


# ------------------------------------------------------------------------------------------ scrub


def test_scrub():
    assert f.scrub("plain") == ("plain", False)
    assert f.scrub("caf\u00e9") == ("caf\u00e9", False)
    assert f.scrub("a\ud800b") == ("a\ufffdb", True)
    assert f.scrub(None) == (None, False)
    assert f.scrub(3) == (3, False)


# ------------------------------------------------------------------------------------------ detect_format


@pytest.mark.parametrize(
    ("name", "head", "fmt"),
    [
        ("a.txt", b"\x1f\x8b\x08", "gzip"),
        ("a.bin", b"PK\x03\x04", "zip"),
        ("x", b"PAR1abc", "parquet"),
        ("a.pq", b"", "parquet"),
        ("a.CSV", b"title,text", "csv"),
        ("a.tab", b"", "tsv"),
        ("a.ndjson", b"{}", "jsonl"),
        ("a.json", b'{"a": 1}\n{"a": 2}\n', "jsonl"),
        ("a.json", b'[{"a": 1},\n{"a": 2}]', "json"),
        ("a.json", b'{"a": 1}', "json"),
        ("feed.xml", b"<rss>", "feed"),
        ("noext", b"\xef\xbb\xbf <?xml version='1.0'?><feed>", "feed"),
        ("page.htm", b"", "html"),
        ("page", b"<!DOCTYPE html><html>", "html"),
        ("a.md", b"# title", "text"),
        ("data", b'{"a": 1}', "json"),
        ("data", b"<rss version='2.0'>", "feed"),
        ("README", b"hello", "text"),
        ("server.log", b"hello", "text"),
        ("image.png", b"\x89PNG", "unknown"),
    ],
)
def test_detect_format(name, head, fmt):
    assert f.detect_format(name, head) == fmt


# ------------------------------------------------------------------------------------------ map_columns


def test_map_columns_by_alias_ignoring_case_and_separators():
    out = f.map_columns(["Headline", "Body Text", "Published-At", "Link", "other"], None, "a.csv")
    assert out == {
        "title": "Headline",
        "text": "Body Text",
        "date": "Published-At",
        "source": None,
        "url": "Link",
        "retrieved": None,
    }


def test_map_columns_prefers_earlier_aliases_and_uses_a_column_once():
    out = f.map_columns(["summary", "content", "name", "title"], None, "a.csv")
    assert out["title"] == "title" and out["text"] == "content"


def test_map_columns_reads_the_last_segment_of_dotted_names():
    out = f.map_columns(["fields.headline", "fields.bodyText", "webPublicationDate"], None, "g.json")
    assert (out["title"], out["text"], out["date"]) == ("fields.headline", "fields.bodyText", "webPublicationDate")


def test_map_columns_explicit_mapping_wins_and_none_disables():
    out = f.map_columns(["title", "text", "when"], {"date": "when", "text": None}, "a.csv")
    assert out["date"] == "when" and out["text"] is None and out["title"] == "title"


def test_map_columns_refuses_unknown_columns_and_fields_naming_the_file():
    with pytest.raises(ColumnMappingError, match=r"a\.csv: mapping 'date' -> 'when': no such column.*'title'"):
        f.map_columns(["title"], {"date": "when"}, "a.csv")
    with pytest.raises(ColumnMappingError, match=r"b\.csv: mapping names unknown field\(s\) \['author'\]"):
        f.map_columns(["title"], {"author": "title"}, "b.csv")


def test_map_columns_of_no_columns():
    assert set(f.map_columns([], None, "a.csv").values()) == {None}
