"""Unit tests of helpers.display: cell formatting, escaped tables, row limits and the "enough data" guard."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from helpers import display as d
from helpers import names


@pytest.fixture(autouse=True)
def two_actors(monkeypatch):
    """A stand-in gazetteer: labels of the test do not follow the kit's data."""
    fake = SimpleNamespace(
        actors=pd.DataFrame(
            {"label": ["Russia", "Syrian government (Bashar al-Assad)"]}, index=["russia", "syrian_government"]
        )
    )
    monkeypatch.setattr(names, "active_gazetteer", lambda: fake)


# ------------------------------------------------------------------------------------------ format_cell


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (np.nan, ""),
        (pd.NaT, ""),
        (pd.NA, ""),
        (0.123456, "0.1235"),
        (1234567.0, "1.235e+06"),
        (3, "3"),
        (True, "True"),
        (pd.Timestamp("2024-11-30", tz="UTC"), "2024-11-30"),
        (pd.Timestamp("2024-11-30 14:05:09", tz="UTC"), "2024-11-30 14:05"),
        ("two\nlines\t and  spaces", "two lines and spaces"),
        ([1, 2], "[1, 2]"),
        ({"a": 1}, "{'a': 1}"),
        ("<b>bold</b>", "<b>bold</b>"),  # not escaped yet: to_html escapes
    ],
)
def test_format_cell(value, expected):
    assert d.format_cell(value) == expected


def test_format_cell_cuts_with_an_ellipsis_from_either_end():
    text = "one two three four five"
    assert d.format_cell(text, max_chars=10) == "one two t…"  # 9 characters and the ellipsis
    assert d.format_cell(text, max_chars=9) == "one two…"  # the space before the cut is stripped
    assert d.format_cell(text, max_chars=10, keep_end=True) == "…four five"
    assert d.format_cell(text, max_chars=0) == text  # 0: no limit
    assert d.format_cell("abc", max_chars=3) == "abc"
    assert d.format_cell("abcd", max_chars=1) == "…"


# ------------------------------------------------------------------------------------------ show_table


def test_show_table_labels_actor_columns_unless_ids():
    df = pd.DataFrame({"backer": ["russia", "unknown_x"], "client": ["syrian_government", None], "n": [2, 1]})
    html = d.show_table(df)._repr_html_()
    assert "<td>Russia</td>" in html and "<td>Syrian government</td>" in html and "<td>unknown_x</td>" in html
    assert '<td class="right">2</td>' in html
    raw = d.show_table(df, ids=True)._repr_html_()
    assert "<td>russia</td>" in raw and "<td>syrian_government</td>" in raw


def test_show_table_of_a_series_and_index_rules():
    s = pd.Series([3, 1], index=pd.Index(["russia", "syrian_government"], name="entity"), name="n")
    t = d.show_table(s)
    assert t.show_index is True and list(t.frame.index) == ["Russia", "Syrian government"]
    assert d.show_table(pd.DataFrame({"x": [1]})).show_index is False
    assert d.show_table(pd.DataFrame({"x": [1]}), index=True).show_index is True


def test_show_table_keep_end_only_for_present_columns_and_right_aligned():
    df = pd.DataFrame({"left": ["a long left context that ends at the match"], "match": ["HTS"]})
    t = d.show_table(df, max_chars=12)
    assert t.keep_end == ("left",)
    html = t.to_html()
    assert '<td class="right">…t the match</td>' in html  # 11 characters of the end and the ellipsis
    assert d.show_table(df, keep_end=("nope",)).keep_end == ()


def test_show_table_caption_and_repr():
    t = d.show_table(pd.DataFrame({"k": range(1500)}), max_rows=2)
    assert t.caption == "2 of 1,500 rows"
    assert repr(t).splitlines() == ["k", "0", "1", "[2 of 1,500 rows]"]
    full = d.show_table(pd.DataFrame({"k": [1]}), max_rows=None)
    assert full.caption == "1 rows"


def test_show_table_of_nothing():
    with pytest.raises(TypeError, match="the table is None"):
        d.show_table(None)
    t = d.show_table(pd.DataFrame())
    assert t.caption == "0 rows" and repr(t) == "\n[0 rows]"
    assert "<tbody></tbody>" in t.to_html()


def test_show_table_keeps_attrs_free_and_does_not_modify_the_frame():
    df = pd.DataFrame({"entity": ["russia"]})
    d.show_table(df)
    assert df["entity"].tolist() == ["russia"]


# ------------------------------------------------------------------------------------------ enough


@pytest.mark.parametrize(
    ("data", "at_least", "ok", "said"),
    [
        (None, 1, False, "Too little data for this step: no rows.\n"),
        (pd.DataFrame(), 1, False, "Too little data for this step: no rows.\n"),
        (pd.DataFrame({"a": [1, 2]}), 1, True, ""),
        (pd.DataFrame({"a": [1, 2]}), 3, False, "Too little data for this step: 1 rows, at least 3 needed.\n"),
        ([1, 2, 3], 3, True, ""),
        (pd.Series([], dtype=float), 1, False, "Too little data for this step: no rows.\n"),
        (1500, 2000, False, "Too little data for this step: 1,500 rows, at least 2,000 needed.\n"),
    ],
)
def test_enough(capsys, data, at_least, ok, said):
    assert d.enough(data, "rows", at_least) is ok
    assert capsys.readouterr().out == said
