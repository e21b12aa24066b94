"""Unit tests of helpers.dataset: mentions schemas, month partitions on disk and reading them back."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from helpers import dataset as ds


def _mentions() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": pd.array(["a", "a", "b"], dtype="string"),
            "entity": pd.Categorical(["hts", "turkey", "hts"], categories=["hts", "russia", "turkey"]),
            "source": pd.Categorical(["Wire", "Wire", "Ledger"]),
            "start": pd.array([0, 10, 3], dtype="int32"),
            "date": pd.to_datetime(["2024-11-30", "2024-11-30", None], utc=True),
        }
    )


def test_mentions_schema_records_dtypes_and_categories_but_not_sources():
    m = _mentions()
    schema = ds.mentions_schema(m)
    assert schema["columns"] == ["doc_id", "entity", "source", "start", "date"]
    assert schema["dtypes"] == {
        "doc_id": "string",
        "entity": "category",
        "source": "category",
        "start": "int32",
        "date": str(m["date"].dtype),
    }
    assert schema["categories"] == {"entity": ["hts", "russia", "turkey"]}


def test_apply_schema_restores_dtypes_from_plain_columns():
    m = _mentions()
    schema = ds.mentions_schema(m)
    flat = ds.for_parquet(m)
    assert str(flat["entity"].dtype) == "string" and str(flat["source"].dtype) == "string"
    back = ds.apply_schema(flat.assign(start=flat["start"].astype("int64")), schema)
    assert list(back["entity"].cat.categories) == ["hts", "russia", "turkey"]
    assert list(back["source"].cat.categories) == ["Ledger", "Wire"]  # the sources present, sorted
    assert str(back["start"].dtype) == "int32"
    assert back["entity"].tolist() == ["hts", "turkey", "hts"]


def test_apply_schema_remaps_a_subset_of_categories_and_keeps_unknown_columns():
    schema = ds.mentions_schema(_mentions())
    part = pd.DataFrame({"entity": pd.Categorical(["turkey"]), "extra": [1]})
    back = ds.apply_schema(part, schema)
    assert list(back["entity"].cat.categories) == ["hts", "russia", "turkey"] and back["entity"][0] == "turkey"
    assert back["extra"].tolist() == [1]


def test_concat_mentions_keeps_categories():
    m = _mentions()
    out = ds.concat_mentions([m.iloc[:1], m.iloc[1:]])
    assert list(out["entity"].cat.categories) == ["hts", "russia", "turkey"]
    assert out["doc_id"].tolist() == ["a", "a", "b"] and list(out.index) == [0, 1, 2]
    with pytest.raises(ValueError, match="nothing to concatenate"):
        ds.concat_mentions([])


def test_write_partitions_by_month_and_read_back(tmp_path):
    m = _mentions()
    written = ds.write_partitions(m, tmp_path, "part-00000")
    assert written == {"2024-11": 2, "undated": 1}
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.parquet")) == [
        "month=2024-11/part-00000.parquet",
        "month=undated/part-00000.parquet",
    ]
    ds.write_meta(tmp_path, ds.mentions_schema(m), complete=True, batches=1)
    meta = json.loads((tmp_path / "_meta.json").read_text())
    assert meta["format"] == "helpers-mentions/1" and meta["complete"] is True
    back = ds.read_mentions(tmp_path)
    assert back.sort_values(["doc_id", "start"])["entity"].tolist() == ["hts", "turkey", "hts"]
    assert str(back["entity"].dtype) == "category" and str(back["start"].dtype) == "int32"
    only = ds.read_mentions(tmp_path, columns=["doc_id"], filters=[("month", "==", "undated")])
    assert only.columns.tolist() == ["doc_id"] and only["doc_id"].tolist() == ["b"]


def test_write_partitions_of_nothing(tmp_path):
    assert ds.write_partitions(_mentions().iloc[:0], tmp_path, "p") == {}
    assert not list(tmp_path.iterdir())


def test_read_mentions_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="not a mentions dataset"):
        ds.read_mentions(tmp_path)
    ds.write_meta(tmp_path, {}, complete=True)
    with pytest.raises(ValueError, match="no column schema"):
        ds.read_mentions(tmp_path)
    ds.write_meta(tmp_path, ds.mentions_schema(_mentions()), complete=True)
    with pytest.raises(KeyError, match=r"no column\(s\) \['nope'\]"):
        ds.read_mentions(tmp_path, columns=["nope"])
    empty = ds.read_mentions(tmp_path)  # a schema, no files
    assert len(empty) == 0 and str(empty["entity"].dtype) == "category"


def test_prepare_out_dir(tmp_path):
    out = ds.prepare_out_dir(tmp_path / "new", overwrite=False)
    assert out.is_dir()
    (out / "month=2024-01").mkdir()
    with pytest.raises(FileExistsError, match="overwrite=True"):
        ds.prepare_out_dir(out, overwrite=False)
    assert not any(ds.prepare_out_dir(out, overwrite=True).iterdir())
    other = tmp_path / "mine"
    other.mkdir()
    (other / "notes.txt").write_text("keep me")
    with pytest.raises(FileExistsError, match="not a mentions dataset; not removing it"):
        ds.prepare_out_dir(other, overwrite=True)
    assert (other / "notes.txt").read_text() == "keep me"


def test_mentions_bytes():
    m = _mentions()
    assert ds.mentions_bytes(m) == pytest.approx(m.memory_usage(deep=True).sum() / 3)
    assert ds.mentions_bytes(m.iloc[:0]) == float(m.iloc[:0].memory_usage(deep=True).sum())


def test_write_and_read_support_by_batch(tmp_path):
    s = pd.DataFrame(
        {
            "backer": pd.Categorical(["tr", "ru"]),
            "client": pd.Categorical(["sna", "assad"]),
            "doc_id": pd.array(["a", "b"], dtype="string"),
            "modality": pd.Categorical(["asserted", "alleged"]),
        }
    )
    ds.write_support(s.iloc[:1], tmp_path, 0)
    ds.write_support(s.iloc[:0], tmp_path, 1)  # an empty batch still writes its file
    ds.write_support(s.iloc[1:], tmp_path, 2)
    assert sorted(p.name for p in (tmp_path / ds.SUPPORT_DIR).iterdir()) == [
        "part-00000.parquet",
        "part-00001.parquet",
        "part-00002.parquet",
    ]
    back = ds.read_support(tmp_path)
    assert back["doc_id"].tolist() == ["a", "b"]
    assert isinstance(back["backer"].dtype, pd.CategoricalDtype)
    assert list(back["backer"].cat.categories) == ["ru", "tr"]
    with pytest.raises(FileNotFoundError, match="support=True"):
        ds.read_support(tmp_path / "nothing")
