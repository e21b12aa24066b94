"""Unit tests of helpers.readers: each format read from an in-memory input into raw records."""

from __future__ import annotations

import io
import json
import zipfile

import pandas as pd
import pytest

from helpers import readers
from helpers.inputs import Input
from helpers.loadreport import ColumnMappingError, LoadReport, SkipFile


def _read(name: str, data: bytes | str, mapping=None, sidecar=None, strict=False):
    data = data.encode() if isinstance(data, str) else data
    report = LoadReport()
    out = list(readers.read_input(Input(name, data, name), report, mapping, sidecar, [10**9], strict_csv=strict))
    return out, report


def _records(name, data, **kw):
    out, report = _read(name, data, **kw)
    return [r for _, _, recs in out for r in recs], report


# ------------------------------------------------------------------------------------------ delimited


def test_csv_rows_with_line_numbers_and_fields():
    recs, report = _records("a.csv", "headline,body,date,extra\nT1,B1,2024-01-02,x\nT2,B2,,y\n")
    assert [(r["pos"], r["title"], r["text"], r["date"], r["source"], r["url"]) for r in recs] == [
        (2, "T1", "B1", "2024-01-02", "", ""),
        (3, "T2", "B2", "", "", ""),
    ]
    assert report.encodings == {"utf-8": 1} and report.row_errors == []


def test_csv_delimiter_is_sniffed_from_the_header():
    recs, _ = _records("a.csv", "title;text\nT;a, b, c\n")
    assert (recs[0]["title"], recs[0]["text"]) == ("T", "a, b, c")


def test_csv_short_row_is_a_row_error_naming_its_line():
    recs, report = _records("a.csv", "title,text\nT1,B1\nonly one field here\nT3,B3\n")
    assert [r["title"] for r in recs] == ["T1", "T3"]
    assert report.row_errors == [("a.csv", 3, "malformed row: expected 2 fields, found 1")]


def test_csv_repeated_columns_are_renamed_with_a_warning():
    recs, report = _records("a.csv", "title,text,text\nT,first,second\n")
    assert recs[0]["text"] == "first"
    assert report.warnings == [
        ("a.csv", 1, "column 'text' appears 2 times; the first is used, the others are named text.2")
    ]


def test_csv_stray_quote_is_read_line_by_line_or_refused_in_strict_mode():
    data = 'title,text,date\nA,"unclosed quote,2024-01-01\nB,fine,2024-01-02\nC,fine,2024-01-03\n'
    recs, report = _records("a.csv", data)
    assert [r["title"] for r in recs] == ["B", "C"]
    assert report.row_errors[0][:2] == ("a.csv", 2) and "read as one row" in report.row_errors[0][2]
    assert report.row_errors[1] == ("a.csv", 2, "malformed row: expected 3 fields, found 2")
    with pytest.raises(SkipFile, match=r"^line 2: lines 2-4 read as one row.*strict mode"):
        _records("a.csv", data, strict=True)


def test_csv_without_title_or_text_or_header_is_skipped():
    with pytest.raises(SkipFile, match="no title or text column"):
        _records("a.csv", "a,b\n1,2\n")
    with pytest.raises(SkipFile, match="empty file"):
        _records("a.csv", "")


def test_tsv_and_explicit_mapping():
    recs, _ = _records("a.tsv", "h\tb\twhen\nT\tB\t2024\n", mapping={"title": "h", "text": "b", "date": "when"})
    assert (recs[0]["title"], recs[0]["text"], recs[0]["date"]) == ("T", "B", "2024")
    with pytest.raises(ColumnMappingError, match="a.tsv"):
        _records("a.tsv", "h\tb\n1\t2\n", mapping={"title": "nope"})


# ------------------------------------------------------------------------------------------ json


def test_json_list_nested_key_and_flattened_fields():
    doc = {"response": {"results": [{"webTitle": "T", "fields": {"bodyText": "B"}, "webUrl": "http://x/1"}]}}
    recs, _ = _records("g.json", json.dumps(doc))
    assert (recs[0]["title"], recs[0]["text"], recs[0]["url"], recs[0]["pos"]) == ("T", "B", "http://x/1", 0)


def test_json_single_object_and_bad_items():
    recs, _ = _records("a.json", '{"title": "Only", "text": "one"}')
    assert [r["title"] for r in recs] == ["Only"]
    recs, report = _records("a.json", '[{"title": "A"}, 3, "x"]')
    assert [r["title"] for r in recs] == ["A"]
    assert [(line, msg.split(" (")[0]) for _, line, msg in report.row_errors] == [
        (2, "item 2 of the list is not a JSON object"),
        (3, "item 3 of the list is not a JSON object"),
    ]


def test_invalid_json_names_line_and_column():
    with pytest.raises(SkipFile, match="invalid JSON at line 2, column 1"):
        _records("a.json", '{"title": "A",\n}')
    with pytest.raises(SkipFile, match="no article records"):
        _records("a.json", "[]")


def test_jsonl_bad_lines_are_row_errors():
    recs, report = _records("a.jsonl", '{"title": "A"}\n\nnot json\n[1]\n{"title": "B"}\n')
    assert [(r["pos"], r["title"]) for r in recs] == [(1, "A"), (5, "B")]
    assert [(line, msg.split(":")[0]) for _, line, msg in report.row_errors] == [
        (3, "invalid JSON at column 1"),
        (4, "not a JSON object"),
    ]
    with pytest.raises(SkipFile, match="no valid JSON lines"):
        _records("a.jsonl", "junk\n")


def test_parquet():
    buf = io.BytesIO()
    pd.DataFrame({"title": ["T"], "text": ["B"], "n": [1.5]}).to_parquet(buf)
    out, report = _read("a.parquet", buf.getvalue())
    assert out[0][1] == "parquet" and out[0][2][0]["title"] == "T"
    assert report.encodings == {"binary (parquet)": 1}
    with pytest.raises(SkipFile, match="unreadable Parquet"):
        _read("a.parquet", b"PAR1 not really")


# ------------------------------------------------------------------------------------------ text and feeds


def test_text_with_front_matter_and_sidecar_defaults():
    recs, _ = _records(
        "a.txt", "---\nTitle: T\ndate: 2024-05-01\n---\nBody line\n", sidecar={"source": "Wire", "title": "ignored"}
    )
    (r,) = recs
    assert (r["title"], r["text"], r["source"], r["scraped"]) == ("T", "Body line\n", "Wire", True)
    assert str(r["date"]) == "2024-05-01"


def test_text_with_bad_front_matter_is_read_as_text_with_a_warning():
    text = "---\ntitle: [unclosed\n---\nBody\n"
    recs, report = _records("a.txt", text)
    assert recs[0]["text"] == text and recs[0]["title"] == ""
    assert report.warnings[0][0] == "a.txt" and "not valid YAML" in report.warnings[0][2]
    recs, report = _records("b.txt", "---\n- a\n---\nBody\n")
    assert report.warnings == [("b.txt", 1, "front matter is not a mapping; ignored")]


def test_empty_and_unknown_files_are_skipped():
    with pytest.raises(SkipFile, match="empty file"):
        _records("a.txt", "   \n")
    with pytest.raises(SkipFile, match="unsupported file type '.png'"):
        _records("a.png", b"\x89PNG")
    with pytest.raises(SkipFile, match="binary"):
        _records("a.txt", b"a\x00b")


def test_mixed_encoding_is_a_warning():
    recs, report = _records("a.txt", b"ok line\nbad \xe9 line\nok\nok\n")
    assert "bad \u00e9 line" in recs[0]["text"]
    assert report.warnings == [("a.txt", 0, "1 line not in UTF-8, read as cp1252")]


def test_rss_feed_entries():
    rss = (
        "<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>"
        "<item><title>First &amp; only</title><link>http://w/1</link>"
        "<description>&lt;p&gt;One&lt;/p&gt;&lt;p&gt;Two&lt;/p&gt;</description>"
        "<pubDate>Tue, 02 Jan 2024 10:00:00 GMT</pubDate></item></channel></rss>"
    )
    recs, report = _records("f.rss", rss)
    (r,) = recs
    assert (r["title"], r["text"], r["url"], r["source"]) == ("First & only", "One\n\nTwo", "http://w/1", "Wire")
    assert r["date"].startswith("Tue, 02 Jan 2024")
    assert report.encodings == {"xml": 1}


# ------------------------------------------------------------------------------------------ sources


@pytest.mark.parametrize(
    ("value", "url", "name", "stem", "expected"),
    [
        ("http://feeds.bbci.co.uk/news/rss.xml", "", None, "f", "bbci.co.uk"),
        ("https://www.rss.example.org/x", "", None, "f", "example.org"),
        ("  Reuters ", "", "Asked", "f", "Reuters"),
        ("", "https://m.aljazeera.com/news/1", "Asked", "f", "Asked"),
        ("", "https://m.aljazeera.com/news/1", None, "f", "aljazeera.com"),
        (None, None, None, "file", "file"),
        ("", "not a url", None, "file", "file"),
    ],
)
def test_source_of(value, url, name, stem, expected):
    assert readers.source_of(value, url, name, stem) == expected


# ------------------------------------------------------------------------------------------ load_input


def test_load_input_records_get_path_format_and_shifted_positions():
    report = LoadReport(files_seen=1)
    out: list = []
    readers.load_input(
        Input("d/2024-03-05-x.csv", b"title,text\nT,B\n", "2024-03-05-x.csv"), report, out, pos_shift=100
    )
    (r,) = out
    assert (r["pos"], r["path"], r["fmt"], r["source"]) == (102, "d/2024-03-05-x.csv", "csv", "2024-03-05-x")
    assert r["name_date"] is not None
    assert (report.files_loaded, report.per_format) == (1, {"csv": 1})


def test_load_input_skips_bad_files_with_the_reason_but_raises_on_a_bad_mapping():
    report = LoadReport(files_seen=1)
    readers.load_input(Input("a.json", b"{", "a.json"), report, [])
    assert report.skipped[0][0] == "a.json" and report.skipped[0][1].startswith("invalid JSON")
    with pytest.raises(ColumnMappingError):
        readers.load_input(
            Input("a.csv", b"title\nT\n", "a.csv"), LoadReport(), [], options=readers.ReadOptions({"text": "body"})
        )


def test_load_input_of_an_archive_counts_members_and_names_them():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("one.txt", "Title one\n\nBody")
        zf.writestr("bad.png", "x")
        zf.writestr(".hidden", "x")
    report = LoadReport(files_seen=1)
    out: list = []
    readers.load_input(Input("a.zip", buf.getvalue(), "a.zip"), report, out)
    assert [r["path"] for r in out] == ["a.zip!one.txt"]
    assert report.skipped == [("a.zip!bad.png", "unsupported file type '.png'")]
    assert report.ignored == [("a.zip!.hidden", "hidden or system member of the archive")]
    assert report.files_seen == report.files_loaded + len(report.skipped) + len(report.ignored) == 3


def test_load_input_of_an_empty_archive_is_skipped():
    buf = io.BytesIO()
    zipfile.ZipFile(buf, "w").close()
    report = LoadReport(files_seen=1)
    readers.load_input(Input("e.zip", buf.getvalue(), "e.zip"), report, [])
    assert report.skipped == [("e.zip", "archive holds no files")] and report.files_seen == 1


def test_lone_surrogates_are_replaced_with_a_warning():
    report = LoadReport(files_seen=1)
    out: list = []
    readers.load_input(Input("a.jsonl", b'{"title": "bad \\ud800 one"}\n', "a.jsonl"), report, out)
    assert out[0]["title"] == "bad \ufffd one"
    assert report.warnings == [("a.jsonl", 1, "invalid characters (lone surrogates) replaced by U+FFFD")]


def test_load_input_takes_the_mapping_source_and_csv_mode_in_read_options():
    out: list = []
    data = b"blurb,place\nB,\n"
    readers.load_input(Input("a.csv", data, "a.csv"), LoadReport(files_seen=1), out, options=readers.ReadOptions())
    assert out == []  # no title and no text column: nothing loaded
    opts = readers.ReadOptions(mapping={"text": "blurb"}, source_name="wire")
    readers.load_input(Input("a.csv", data, "a.csv"), LoadReport(files_seen=1), out, options=opts)
    assert [(r["text"], r["source"]) for r in out] == [("B", "wire")]
    with pytest.raises(TypeError, match="mapping"):
        readers.ReadOptions(mapping="text=story")
