"""Unit tests of helpers.streaming: iter_corpus and tag_to_parquet on small corpora built in the test."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import helpers as h
from helpers import streaming


def _jsonl(path, n=5):
    rows = [
        {
            "title": f"Turkey and HTS story {i}",
            "date": f"2024-{10 + i % 3:02d}-0{1 + i % 5}",
            "text": f"Turkey said HTS fighters entered Aleppo in story {i}.",
        }
        for i in range(n)
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_iter_corpus_batches_concatenate_to_load_corpus(tmp_path):
    f = _jsonl(tmp_path / "a.jsonl")
    batches = list(streaming.iter_corpus(f, batch_size=2))
    assert [len(b) for b in batches] == [2, 2, 1]
    assert [b.attrs["batch"] for b in batches] == [(0, 3), (1, 3), (2, 3)]
    got = pd.concat(batches, ignore_index=True)
    want = h.load_corpus(f)
    assert got["doc_id"].tolist() == want["doc_id"].tolist()
    assert got["title"].tolist() == want["title"].tolist()


def test_iter_corpus_refuses_bad_arguments_at_the_call(tmp_path):
    f = _jsonl(tmp_path / "a.jsonl")
    with pytest.raises(TypeError, match=r"unknown option\(s\) \['vias'\]"):
        streaming.iter_corpus(f, vias=["name"])
    with pytest.raises(ValueError, match="at least 1"):
        streaming.iter_corpus(f, batch_size=0)
    with pytest.raises(ValueError, match="templates"):
        streaming.iter_corpus(f, templates="never")
    with pytest.raises(FileNotFoundError):
        streaming.iter_corpus(tmp_path / "missing.jsonl")


def test_tag_to_parquet_writes_months_and_meta(tmp_path):
    f = _jsonl(tmp_path / "a.jsonl", n=6)
    out = streaming.tag_to_parquet(f, tmp_path / "ds", batch_size=4)
    meta = json.loads((out / "_meta.json").read_text())
    assert meta["complete"] is True and meta["batches"] == 2 and meta["articles"] == 6
    expected = h.tag_mentions(h.load_corpus(f))
    assert meta["mentions"] == len(expected) > 0
    assert set(meta["months"]) == {"2024-10", "2024-11", "2024-12"}
    back = streaming.read_mentions(out)
    key = ["doc_id", "start", "field"]
    assert (
        back.sort_values(key)[["doc_id", "entity", "start"]].values.tolist()
        == expected.sort_values(key)[["doc_id", "entity", "start"]].values.tolist()
    )


def test_tag_to_parquet_refuses_a_used_folder_unless_overwrite(tmp_path):
    f = _jsonl(tmp_path / "a.jsonl", n=2)
    out = streaming.tag_to_parquet(f, tmp_path / "ds")
    with pytest.raises(FileExistsError, match="not empty"):
        streaming.tag_to_parquet(f, out)
    assert streaming.tag_to_parquet(f, out, overwrite=True) == out


def test_tag_to_parquet_of_an_empty_corpus(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "a.jsonl").write_text("")
    out = streaming.tag_to_parquet(tmp_path / "src", tmp_path / "ds")
    meta = json.loads((out / "_meta.json").read_text())
    assert meta["complete"] is True and meta["articles"] == 0 and meta["mentions"] == 0
