"""Unit tests of helpers.supportframe: the SUPPORT table's columns, edge ids and frame."""

from __future__ import annotations

import pandas as pd

from helpers.supportframe import SUPPORT_COLUMNS, edge_id, support_frame


def _corpus() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "date": pd.to_datetime(["2016-01-01", "2016-02-01"]),
            "source": ["x", "y"],
            "title": ["", ""],
            "text": ["", ""],
        }
    )


def _row(backer="russia", client="syrian_government", sentence="Russia backs Assad.", span=(0, 19)):
    # backer, client, sent_id, cue, sentence, modality, negated, cue_kind, support_type, attributed_to,
    # confidence, backer_start/end, client_start/end, cue_start/end, resolved, span
    return (
        backer,
        client,
        0,
        "backs",
        sentence,
        "asserted",
        False,
        "verb",
        "unspecified",
        "",
        0.8,
        0,
        6,
        13,
        18,
        7,
        12,
        "",
        span,
    )


def test_edge_ids_are_stable_and_tell_repeats_apart():
    a = edge_id("d", "text", "Russia  backs Assad.", "russia", "syrian_government")
    assert a == edge_id("d", "text", "Russia backs Assad.", "russia", "syrian_government")
    assert a != edge_id("d", "text", "Russia backs Assad.", "russia", "syrian_government", nth=1)
    assert len(a) == 16


def test_frame_columns_types_and_repeated_sentences():
    rows = [_row(), _row(span=(40, 59)), _row(backer="iran")]
    out = support_frame(_corpus(), rows, [(0, "text"), (0, "text"), (1, "title")])
    assert list(out.columns) == SUPPORT_COLUMNS
    assert out["doc_id"].tolist() == ["a", "a", "b"] and out["source"].tolist() == ["x", "x", "y"]
    assert out["edge_id"].nunique() == 3  # the same sentence twice in one field: two ids
    assert str(out["backer"].dtype) == "category" and str(out["sent_id"].dtype) == "int32"


def test_empty_frame_has_the_columns():
    out = support_frame(_corpus(), [], [])
    assert list(out.columns) == SUPPORT_COLUMNS and out.empty


def test_column_types_as_a_frame_assigned_from_a_list():
    from helpers.supportframe import _column

    for values in ([], ["a", "b"], [1, 2], [0.5], [True, False]):
        frame = pd.DataFrame(index=range(len(values)))
        frame["x"] = values
        assert _column(values).dtype == frame["x"].dtype
    assert _column([]).dtype == "float64"


def test_frame_without_article_columns():
    out = support_frame(_corpus()[["doc_id", "title", "text"]], [_row()], [(0, "text")])
    assert out["date"].isna().all() and out["source"].isna().all() and out["duplicate_of"].isna().all()
    assert str(out["date"].dtype).endswith("UTC]") and str(out["field"].dtype) == "category"
