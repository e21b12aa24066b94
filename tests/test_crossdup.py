"""Unit tests of helpers.crossdup: signatures kept on disk, then copies linked across batches and written back."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import crossdup, dedupe
from helpers.dataset import write_partitions

VOCAB = "army rebels town talks ceasefire border aid convoy shelling council ministry envoy north south".split()


def _article(seed: int, n: int = 80) -> str:
    rng = np.random.default_rng(seed)
    return " ".join(VOCAB[i] + str(j) for i, j in zip(rng.integers(0, len(VOCAB), n), rng.integers(0, 50, n)))


def _batches():
    a = _article(1)
    texts = [[a, _article(2)], [_article(3), a], ["Short note.", "Short note."]]
    dates = [["2024-01-01", "2024-01-02"], ["2024-01-03", "2024-01-04"], ["2024-01-05", "2024-01-06"]]
    out, k = [], 0
    for ts, ds in zip(texts, dates):
        ids = [f"d{k + i}" for i in range(len(ts))]
        k += len(ts)
        out.append(pd.DataFrame({"doc_id": ids, "title": "", "text": ts, "date": pd.to_datetime(ds, utc=True)}))
    return out


def _dataset(tmp_path):
    order = 0
    for b, corpus in enumerate(_batches()):
        found = dedupe.find_duplicates(corpus, signatures=True)
        crossdup.write_signatures(dedupe.batch_signatures(corpus, found, b, order), tmp_path, b)
        mentions = pd.DataFrame(
            {
                "doc_id": pd.array(corpus["doc_id"], dtype="string"),
                "entity": "hts",
                "date": corpus["date"],
                "duplicate_of": pd.array(found["duplicate_of"], dtype="string"),
            }
        )
        write_partitions(mentions, tmp_path, f"part-{b:05d}")
        order += len(corpus)
    return tmp_path


def test_write_signatures_one_file_per_batch(tmp_path):
    _dataset(tmp_path)
    files = sorted(p.name for p in (tmp_path / crossdup.SIGNATURES_DIR).iterdir())
    assert files == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    short = pd.read_parquet(tmp_path / crossdup.SIGNATURES_DIR / "part-00002.parquet")
    assert short["minhash"].isna().all() and short["batch_original"].tolist() == [-1, -1]


def test_link_batches_on_disk_rewrites_duplicate_of_and_cleans_up(tmp_path):
    out = _dataset(tmp_path)
    counts = crossdup.link_batches_on_disk(out)
    # d3 copies d0 (another batch); the short notes are on different days: no copies
    assert counts == {"duplicates": 1, "duplicates_across_batches": 1, "articles_relinked": 1}
    assert not (out / crossdup.SIGNATURES_DIR).exists()
    dup = pd.read_parquet(out / crossdup.DUPLICATES_FILE)
    assert dup["doc_id"].tolist() == ["d0", "d3"] and dup["across"].tolist() == [False, True]
    assert dup["duplicate_of"].fillna("").tolist() == ["", "d0"]
    back = pd.concat(pd.read_parquet(p) for p in sorted(out.glob("month=*/*.parquet")))
    assert dict(zip(back["doc_id"], back["duplicate_of"].fillna(""))) == {
        "d0": "",
        "d1": "",
        "d2": "",
        "d3": "d0",
        "d4": "",
        "d5": "",
    }


def test_link_batches_on_disk_without_signatures(tmp_path):
    assert crossdup.link_batches_on_disk(tmp_path) == {}


@pytest.mark.parametrize("threshold", [None, 0.7])
def test_threshold_none_means_the_default(tmp_path, threshold):
    out = _dataset(tmp_path)
    assert crossdup.link_batches_on_disk(out, threshold)["duplicates"] == 1
