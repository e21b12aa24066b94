"""Unit tests of helpers.names: display labels for actor ids, relabelled tables and the corpus line."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from helpers import names


@pytest.fixture(autouse=True)
def gazetteer(monkeypatch):
    """A stand-in gazetteer with three actors (labels of the test do not follow the kit's data)."""
    fake = SimpleNamespace(
        actors=pd.DataFrame(
            {"label": ["Russia", "Syrian government (Bashar al-Assad)", "Islamic State (ISIS)"]},
            index=["russia", "syrian_government", "isis"],
        )
    )
    monkeypatch.setattr(names, "active_gazetteer", lambda: fake)


def test_labels_and_label():
    assert names.labels() == {
        "russia": "Russia",
        "syrian_government": "Syrian government",
        "isis": "Islamic State (ISIS)",
    }
    assert names.labels(["russia", "mine", 3]) == {"russia": "Russia", "mine": "mine", "3": "3"}
    assert names.label("syrian_government") == "Syrian government"
    assert names.label("unknown_group") == "unknown_group"


def test_labels_without_a_gazetteer(monkeypatch):
    monkeypatch.setattr(names, "active_gazetteer", lambda: None)
    assert names.labels() == {} and names.label("russia") == "russia"
    df = pd.DataFrame({"entity": ["russia"]})
    assert names.labelled(df) is df


def test_labelled_replaces_values_of_actor_columns_only():
    df = pd.DataFrame(
        {"backer": ["russia", "mine"], "client": ["syrian_government", None], "text": ["russia", "isis"], "n": [1, 2]}
    )
    df.attrs["note"] = "kept"
    out = names.labelled(df)
    assert out["backer"].tolist() == ["Russia", "mine"]
    assert out["client"][0] == "Syrian government" and pd.isna(out["client"][1])
    assert out["text"].tolist() == ["russia", "isis"] and out["n"].tolist() == [1, 2]
    assert out.attrs == {"note": "kept"}
    assert df["backer"].tolist() == ["russia", "mine"]  # a copy
    assert names.labelled(df, ids=True) is df
    assert names.labelled(None) is None


def test_labelled_index_and_columns_named_as_actor_fields():
    m = pd.DataFrame(
        [[0, 2], [2, 0]], index=pd.Index(["russia", "isis"], name="a"), columns=pd.Index(["russia", "isis"], name="b")
    )
    out = names.labelled(m)
    assert list(out.index) == ["Russia", "Islamic State (ISIS)"] and list(out.columns) == list(out.index)
    other = pd.DataFrame({"x": [1]}, index=pd.Index(["russia"], name="word"))
    assert list(names.labelled(other).index) == ["russia"]


def test_labelled_multiindex_and_series():
    idx = pd.MultiIndex.from_tuples([("2024-01", "russia"), ("2024-02", "isis")], names=["month", "actor"])
    s = pd.Series([1, 2], index=idx, name="n")
    out = names.labelled(s)
    assert list(out.index) == [("2024-01", "Russia"), ("2024-02", "Islamic State (ISIS)")]
    ent = pd.Series(["russia", "nobody"], name="entity")
    assert names.labelled(ent).tolist() == ["Russia", "nobody"]


# ------------------------------------------------------------------------------------------ describe_corpus


def _corpus(dates, paths=("/d/a.csv",), copies=0, n=None):
    n = n or len(dates)
    sources = ["Wire", "Ledger"] * (n // 2) + ["Wire"] * (n % 2)
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(n)],
            "source": sources,
            "date": pd.to_datetime(dates, utc=True),
            "path": [paths[i % len(paths)] for i in range(n)],
            "duplicate_of": ["d0"] * copies + [None] * (n - copies),
        }
    )


def test_describe_corpus_one_file():
    c = _corpus(["2011-02-15", "2018-07-02", None], copies=1)
    assert (
        names.describe_corpus(c) == "a.csv: 3 articles from 2 sources, 15 Feb 2011 to 2 Jul 2018 (1 undated); "
        "1 syndicated copies"
    )


def test_describe_corpus_days_without_a_leading_zero():
    assert names.describe_corpus(_corpus(["2011-02-15", "2018-07-02"])).endswith("15 Feb 2011 to 2 Jul 2018")


def test_describe_corpus_several_files_one_day_and_no_dates():
    c = _corpus(["2024-12-08", "2024-12-08"], paths=("/data/news/a.txt", "/data/news/b.txt"))
    assert names.describe_corpus(c) == "news (2 files): 2 articles from 2 sources, 8 Dec 2024"
    undated = _corpus([None])
    assert names.describe_corpus(undated, name="Mine") == "Mine: 1 article from 1 source (no dates)"


def test_describe_corpus_refuses_what_is_not_a_corpus():
    with pytest.raises(TypeError, match="CORPUS table"):
        names.describe_corpus([1, 2])
    assert names.describe_corpus(pd.DataFrame({"x": []})) == "corpus: 0 articles from 0 sources"
