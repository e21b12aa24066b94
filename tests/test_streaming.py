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


def _mixed_jsonl(path, n=36):
    """Articles from two outlets (each with a banner line, a site template), with backing statements, and
    copies whose originals sit in earlier batches."""
    body = (
        "Turkey has armed the Syrian National Army for years, officials said. Fighting went on near Afrin "
        "as Russia sent more jets to the region and HTS held its lines around Idlib. {words}."
    )
    rows = []
    for i in range(n):
        src = ("The Ledger", "Daily Wire Syria")[i % 2]
        k = i - 5 if i % 6 == 0 and i else i  # i % 6 == 0: a copy of the story five before
        text = body.format(words=" ".join(f"w{k}x{j}" for j in range(40)))
        rows.append(
            {
                "title": f"Story {i} on the front" if i % 6 else "A story told twice",
                "date": f"2024-{1 + i % 12:02d}-{1 + i % 27:02d}",
                "source": src,
                "text": f"{src}: truth without fear\n\n{text}",
            }
        )
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def _dataset_files(out):
    meta = json.loads((out / "_meta.json").read_text())
    key = ["doc_id", "field", "start"]
    m = streaming.read_mentions(out).sort_values(key).reset_index(drop=True)
    s = streaming.read_support(out)
    dups = pd.read_parquet(out / "_duplicates.parquet")
    report = json.loads((out / "_load_report.json").read_text())
    return meta, m, s, dups, report


@pytest.mark.slow  # worker processes: the full suite runs it, the fast one (under a minute) does not
def test_tag_to_parquet_with_two_workers_writes_the_same_dataset(tmp_path):
    f = _mixed_jsonl(tmp_path / "a.jsonl")
    one = _dataset_files(streaming.tag_to_parquet(f, tmp_path / "one", batch_size=7, support=True))
    two = _dataset_files(streaming.tag_to_parquet(f, tmp_path / "two", batch_size=7, n_jobs=2, support=True))
    assert one[0] == two[0]
    pd.testing.assert_frame_equal(one[1], two[1])
    pd.testing.assert_frame_equal(one[2], two[2])
    pd.testing.assert_frame_equal(one[3], two[3])
    assert one[4] == two[4]
    meta, m, s, dups, report = one
    assert meta["batches"] == 6 and meta["articles"] == 36 and meta["support"] == len(s) > 0
    assert meta["duplicates_across_batches"] > 0 and dups["across"].any()
    assert m["source"].nunique() == 2


@pytest.mark.slow  # worker processes: the full suite runs it, the fast one (under a minute) does not
def test_tag_to_parquet_matches_the_in_memory_pipeline(tmp_path):
    f = _mixed_jsonl(tmp_path / "a.jsonl")
    out = streaming.tag_to_parquet(f, tmp_path / "ds", batch_size=7, n_jobs=2, support=True)
    corpus = h.load_corpus(f)
    mentions = h.tag_mentions(corpus)
    support = h.extract_support(corpus, mentions)
    back = streaming.read_support(out)
    cols = ["backer", "client", "doc_id", "sent_id", "cue", "duplicate_of"]
    got = back[cols].astype(str).sort_values(cols).reset_index(drop=True)
    want = support[cols].astype(str).sort_values(cols).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, want)
    copies = corpus.loc[corpus["duplicate_of"].notna(), ["doc_id", "duplicate_of"]]
    assert len(copies) >= 5
    linked = back.drop_duplicates("doc_id").set_index("doc_id")["duplicate_of"]
    assert all(linked[d] == o for d, o in zip(copies["doc_id"], copies["duplicate_of"]) if d in linked.index)


@pytest.mark.slow  # worker processes: the full suite runs it, the fast one (under a minute) does not
def test_tag_to_parquet_one_batch_spreads_its_steps_over_the_workers(tmp_path):
    f = _mixed_jsonl(tmp_path / "a.jsonl", n=12)
    one = _dataset_files(streaming.tag_to_parquet(f, tmp_path / "one", support=True))
    two = _dataset_files(
        streaming.tag_to_parquet(f, tmp_path / "two", n_jobs=2, support=True, options=h.TagOptions(chunk_size=3))
    )
    assert one[0]["batches"] == 1
    pd.testing.assert_frame_equal(one[1], two[1])
    pd.testing.assert_frame_equal(one[2], two[2])


def test_read_support_of_a_dataset_without_statements(tmp_path):
    out = streaming.tag_to_parquet(_jsonl(tmp_path / "a.jsonl", n=2), tmp_path / "ds")
    with pytest.raises(FileNotFoundError, match="support=True"):
        streaming.read_support(out)
