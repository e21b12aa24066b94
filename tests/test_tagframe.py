"""Unit tests of helpers.tagframe: the MENTIONS table's columns, dtypes, ids and day helpers."""

from __future__ import annotations

import pandas as pd
import pytest

import helpers as h
from helpers import tagframe as tf
from helpers.mentions import get_tagger


def _corpus(texts, titles=None, dates=None, **extra):
    n = len(texts)
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(n)],
            "title": titles or [""] * n,
            "text": texts,
            "date": pd.to_datetime(dates or ["2024-05-26"] * n, utc=True),
            **extra,
        }
    )


def test_day_helpers():
    assert tf.day_of(pd.Timestamp("1970-01-11")) == 10 and tf.year_of(10) == 1970
    assert tf.year_of(tf.day_of(pd.Timestamp("2024-12-08"))) == 2024
    assert sorted([(5, 9), (2, 4), (2, 8)], key=tf.by_start) == [(2, 8), (2, 4), (5, 9)]
    assert sorted([(5, 9), (2, 4), (0, 1)], key=tf.longest_first) == [(5, 9), (2, 4), (0, 1)]


def test_columns_dtypes_and_categories():
    m = h.tag_mentions(_corpus(["Russia said it backed Assad."], source=["Wire"]))
    assert list(m.columns) == tf.MENTION_COLUMNS
    for c in ("source", "field", "entity", "kind", "via", "role", "parent", "dated_by"):
        assert isinstance(m[c].dtype, pd.CategoricalDtype), c
    for c in ("para_id", "sent_id", "start", "end"):
        assert str(m[c].dtype) == "int32", c
    assert list(m["field"].cat.categories) == ["title", "text"]
    assert list(m["via"].cat.categories) == list(tf.ALL_VIAS)
    assert list(m["kind"].cat.categories) == tf.KINDS
    assert str(m["date"].dtype).endswith("UTC]") and str(m["doc_id"].dtype) == "string"


def test_paragraph_and_sentence_ids_per_field():
    text = "Russia said so. Iran agreed.\n\nTurkey objected."
    m = h.tag_mentions(_corpus([text], titles=["Russia and Iran meet"]))
    rows = m[["field", "para_id", "sent_id", "surface"]].astype(str).values.tolist()
    assert rows == [
        ["title", "0", "0", "Russia"],
        ["title", "0", "0", "Iran"],
        ["text", "0", "0", "Russia"],
        ["text", "0", "1", "Iran"],
        ["text", "1", "2", "Turkey"],
    ]


def test_offsets_slice_to_the_surface_in_each_field():
    c = _corpus(["Refugees fled to Turkey.\n\nRussia backed Assad."], titles=["HTS enters Aleppo"])
    m = h.tag_mentions(c)
    for r in m.itertuples():
        assert c.loc[0, str(r.field)][r.start : r.end] == r.surface


def test_missing_optional_columns_and_undated_articles():
    c = pd.DataFrame({"doc_id": ["a"], "text": ["Russia backed Assad."]})  # no title, date, source, duplicate_of
    m = h.tag_mentions(c)
    assert len(m) == 2 and m["date"].isna().all() and m["duplicate_of"].isna().all()
    assert set(m["dated_by"].astype(str)) == {"default_date"}
    assert set(m["source"].astype(str)) == {""}


def test_empty_corpus_gives_an_empty_table_with_the_columns():
    m = h.tag_mentions(_corpus([]))
    assert len(m) == 0 and list(m.columns) == tf.MENTION_COLUMNS
    assert isinstance(m["entity"].dtype, pd.CategoricalDtype)


@pytest.mark.parametrize("fields", [("title",), ("text",)])
def test_only_the_fields_asked_are_tagged(fields):
    m = h.tag_mentions(_corpus(["Russia backed Assad."], titles=["Iran warns"]), options=h.TagOptions(fields=fields))
    assert set(m["field"].astype(str)) == set(fields)


# ------------------------------------------------------------------------------------------ the loop's parts


def test_scan_fields_skips_empty_and_missing_fields():
    tg = get_tagger()
    scans = tf._scan_fields(tg, [0, 1], ["", "Russia backed Assad."])
    assert [(f, t) for f, t, _, _ in scans] == [(1, "Russia backed Assad.")]
    assert tf._scan_fields(tg, [0, 1], [None, float("nan")]) == []


def test_article_context_is_counted_only_when_needed(monkeypatch):
    tg = get_tagger()
    asked = []
    real = tg.about_conflict
    monkeypatch.setattr(tg, "about_conflict", lambda folded: asked.append(folded) or real(folded))
    plain = tf._scan_fields(tg, [1], ["Russia backed Assad."])
    assert tf._article_context(tg, plain, []) is tg.all_packs and asked == []
    generic = tf._scan_fields(tg, [1], ["Rebels fought in Idlib."])
    assert "syria" in tf._article_context(tg, generic, ["a title"]) and len(asked) == 1
    described = tf._scan_fields(tg, [1], ["The new council met in Khartoum."])
    lazy = tf._article_context(tg, described, [])
    assert isinstance(lazy, tf._LazyContext) and len(asked) == 1  # not counted yet
    assert "syria" not in lazy and "common" in lazy and len(asked) == 2  # counted once, when asked


def test_row_codes_and_dated_parents():
    tg = get_tagger()
    r = next(r for r in tg.all_readings() if r.entity == "russia")
    ent, via, parent = tf.codes_of(tg, r)
    assert tg.entities[ent] == "russia" and tf.ALL_VIAS[via] == r.via and parent == -1
    assert tg.row_codes[id(r)] == (ent, via, parent)
    dated = [a for a, (p, f, t) in tg._parents.items() if p and (f is not None or t is not None)]
    if dated:
        fake = type(r)(dated[0], "name", False, "actor", r.start, r.end, "x")
        assert tf.codes_of(tg, fake)[2] is tf._DATED
