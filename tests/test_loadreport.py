"""Unit tests of helpers.loadreport: the key figures, the printed account, and copy semantics."""

from __future__ import annotations

import copy
import json

import pandas as pd

from helpers.loadreport import ColumnMappingError, LoadReport, SkipFile


def _report() -> LoadReport:
    r = LoadReport(files_seen=4, files_loaded=2, articles=5)
    r.skipped.append(("bad.bin", "binary file"))
    r.ignored.append((".hidden", "hidden file"))
    r.per_format.update({"csv": 3, "text": 2})
    r.encodings.update({"utf-8": 2})
    r.row_errors.append(("a.csv", 7, "malformed row"))
    r.warnings.append(("a.txt", 1, "front matter is not a mapping; ignored"))
    r.removed_lines = pd.DataFrame(
        {
            "doc_id": ["d1", "d1"],
            "path": ["a.txt"] * 2,
            "line_no": [1, 9],
            "line": ["Share", "Advertisement"],
            "rule": ["share buttons", "advertisement"],
        }
    )
    r.duplicate_clusters = pd.DataFrame(
        {
            "cluster": [0, 0, 1, 1, 1],
            "doc_id": list("abcde"),
            "duplicate_of": [None, "a", None, "c", "c"],
            "date": None,
            "source": "",
            "title": "",
            "similarity": 1.0,
        }
    )
    return r


def test_summary_figures():
    assert _report().summary() == {
        "files_seen": 4,
        "files_loaded": 2,
        "files_skipped": 1,
        "files_ignored": 1,
        "articles": 5,
        "row_errors": 1,
        "dates_missing": 0,
        "dates_ambiguous": 0,
        "duplicate_clusters": 2,
        "duplicates": 3,
        "lines_removed": 2,
    }


def test_empty_report():
    r = LoadReport()
    assert r.n_duplicates == 0 and r.summary()["duplicate_clusters"] == 0 and r.loaded == 0
    assert bool(r) is True  # an empty dict is still a report
    assert "0 articles from 0 of 0 files" in str(r)
    assert "formats: none" in str(r)


def test_str_lists_every_kind_of_problem_with_path_and_line():
    text = str(_report())
    assert text.startswith("Load report: 5 articles from 2 of 4 files (1 skipped, 1 ignored)")
    assert "formats: csv 3, text 2" in text
    assert "skipped bad.bin: binary file" in text
    assert "ignored .hidden: hidden file" in text
    assert "bad row a.csv:7: malformed row" in text
    assert "warning a.txt:1: front matter" in text
    assert "duplicates: 3 copies in 2 clusters" in text
    assert "cleaning: on, 2 lines removed (" in text and "advertisement 1" in text
    assert repr(_report()) == text


def test_str_truncates_long_lists():
    r = LoadReport()
    r.skipped.extend((f"f{i}", "why") for i in range(25))
    text = str(r)
    assert "skipped f19: why" in text and "skipped f20" not in text
    assert "... and 5 more skipped" in text


def test_refresh_stores_json_ready_figures():
    r = _report().refresh()
    assert dict(r) == r.summary()
    assert json.loads(json.dumps(r))["duplicates"] == 3


def test_copies_share_the_report():
    r = _report()
    assert copy.copy(r) is r and copy.deepcopy(r) is r
    df = pd.DataFrame({"a": [1]})
    df.attrs["load_report"] = r
    assert df.copy().attrs["load_report"] is r


def test_dates_missing_counts_missing_and_unparseable():
    r = LoadReport()
    r.dates.missing, r.dates.unparseable, r.dates.ambiguous = 2, 3, 1
    assert (r.dates_missing, r.dates_ambiguous) == (5, 1)


def test_errors_are_distinct_types():
    assert issubclass(ColumnMappingError, ValueError)
    assert not issubclass(SkipFile, ValueError)
