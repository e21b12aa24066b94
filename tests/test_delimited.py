"""Tests for helpers.delimited: CSV/TSV rows with their line numbers, merged rows and repeated columns."""

from __future__ import annotations

import pytest

from helpers.delimited import read_delimited
from helpers.inputs import Input
from helpers.loadreport import LoadReport, SkipFile


def rows_of(text: str, delimiter: str | None = None, strict: bool = False, mapping=None):
    report = LoadReport()
    rows, colmap = read_delimited(Input("t.csv", text.encode(), "t.csv"), text, delimiter, mapping, report, strict)
    return rows, colmap, report


def test_rows_keep_their_line_numbers_and_the_columns_are_mapped():
    rows, colmap, report = rows_of('title,date,body\nA,2024-01-02,"one\ntwo"\nB,2024-01-03,three\n')
    assert [pos for pos, _ in rows] == [2, 4]  # the quoted text spans lines 2-3
    assert rows[0][1]["body"] == "one\ntwo" and colmap["text"] == "body" and colmap["date"] == "date"
    assert not report.row_errors and not report.warnings


def test_the_delimiter_is_guessed_from_the_header():
    rows, _, _ = rows_of("title;text\nA;x\n")
    assert rows == [(2, {"title": "A", "text": "x"})]
    rows, _, _ = rows_of("title\ttext\nA\tx, y\n", delimiter="\t")
    assert rows[0][1]["text"] == "x, y"


def test_a_stray_quote_is_read_line_by_line_or_refused_when_strict():
    text = 'title,date,text\nA,2024-01-01,"broken\nB,2024-01-02,fine\nC,2024-01-03,also fine\n'
    rows, _, report = rows_of(text)
    assert [r["title"] for _, r in rows] == ["A", "B", "C"] and [pos for pos, _ in rows] == [2, 3, 4]
    assert rows[0][1]["text"] == "broken"  # the unclosed quote no longer swallows B and C
    assert report.row_errors[0][:2] == ("t.csv", 2) and "lines 2-4 read as one row" in report.row_errors[0][2]
    with pytest.raises(SkipFile, match="strict mode refuses the file"):
        rows_of(text, strict=True)


def test_wrong_field_counts_are_reported_and_left_out():
    rows, _, report = rows_of("title,text\nA,x\nB,y,z\n")
    assert [r["title"] for _, r in rows] == ["A"]
    assert report.row_errors == [("t.csv", 3, "malformed row: expected 2 fields, found 3")]


def test_repeated_columns_are_renamed_and_reported():
    rows, _, report = rows_of("title,text,text\nA,x,y\n")
    assert rows[0][1] == {"title": "A", "text": "x", "text.2": "y"}
    assert "appears 2 times" in report.warnings[0][2]


def test_files_without_a_header_or_a_text_column_are_skipped():
    with pytest.raises(SkipFile, match="no header"):
        rows_of("")
    with pytest.raises(SkipFile, match="no title or text column"):
        rows_of("id,count\n1,2\n")
