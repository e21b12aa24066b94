"""Unit tests of helpers.cache: file keys, reuse across calls, equality with an uncached run, entry checks."""

from __future__ import annotations

import os

import pandas as pd
import pytest

import helpers as h
from helpers import cache
from helpers.batches import LoadOptions, Piece

BODY = (
    "Hayat Tahrir al-Sham fighters entered Aleppo on Saturday, residents said, as Turkey-backed factions "
    "advanced from the north and Russia struck the road to Hama."
)


def _story(i: int) -> str:
    return f"---\ntitle: Story {i} on HTS and Turkey\nsource: Wire\ndate: 2024-11-{i + 1:02d}\n---\n{BODY}\n"


@pytest.fixture()
def src(tmp_path):
    d = tmp_path / "src"
    d.mkdir()
    for i in range(3):
        (d / f"s{i}.txt").write_text(_story(i))
    return d


# ------------------------------------------------------------------------------------------ file_key


def test_file_key_stat_follows_mtime_content_follows_bytes(src):
    f = src / "s0.txt"
    piece, opts = Piece(str(f), f.name), LoadOptions()
    stat_key, content_key = cache.file_key(piece, opts), cache.file_key(piece, opts, key="content")
    assert len(stat_key) == 32 and stat_key != content_key
    st = f.stat()
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns + 10**9))  # touch: same bytes
    assert cache.file_key(piece, opts) != stat_key
    assert cache.file_key(piece, opts, key="content") == content_key
    f.write_text(_story(9))
    assert cache.file_key(piece, opts, key="content") != content_key


def test_file_key_depends_on_options_and_sidecar(src):
    f = src / "s1.txt"
    piece = Piece(str(f), f.name)
    base = cache.file_key(piece, LoadOptions(), key="content")
    assert cache.file_key(piece, LoadOptions(dayfirst=True), key="content") != base
    (src / "s1.yaml").write_text("source: Other\n")
    assert cache.file_key(piece, LoadOptions(), key="content") != base


def test_file_key_refuses_unknown_kinds_and_missing_files(src):
    with pytest.raises(ValueError, match="'stat' or 'content'"):
        cache.file_key(Piece(str(src / "s0.txt"), "s0.txt"), LoadOptions(), key="mtime")
    with pytest.raises(OSError):
        cache.file_key(Piece(str(src / "gone.txt"), "gone.txt"), LoadOptions())


# ------------------------------------------------------------------------------------------ tag_cached


def test_tag_cached_equals_an_uncached_run_and_reuses_everything_next_time(src, tmp_path):
    corpus, mentions = h.tag_cached(src, tmp_path / "cache")
    assert mentions.attrs["cache"] == {
        "files": 3,
        "reused": 0,
        "tagged": 3,
        "loaded": 3,
        "cache_dir": str(tmp_path / "cache"),
    }
    plain = h.load_corpus(src)
    expected = h.tag_mentions(plain)
    pd.testing.assert_frame_equal(corpus.reset_index(drop=True), plain.reset_index(drop=True), check_like=True)
    cols = ["doc_id", "entity", "start", "end", "role"]
    assert len(expected) > 0
    assert mentions[cols].values.tolist() == expected[cols].values.tolist()

    corpus2, mentions2 = h.tag_cached(src, tmp_path / "cache")
    assert mentions2.attrs["cache"]["reused"] == 3 and mentions2.attrs["cache"]["loaded"] == 0
    assert mentions2[cols].values.tolist() == mentions[cols].values.tolist()
    assert corpus2["doc_id"].tolist() == corpus["doc_id"].tolist()


@pytest.mark.slow  # worker processes: the full suite runs it, the fast one (under a minute) does not
def test_tag_cached_with_two_workers_gives_the_same_corpus_and_mentions(src, tmp_path):
    (src / "copy.txt").write_text(_story(0).replace("Story 0", "Story 0 again"))  # a copy
    corpus, mentions = h.tag_cached(src, tmp_path / "one")
    corpus2, mentions2 = h.tag_cached(src, tmp_path / "two", n_jobs=2, options=h.TagOptions(chunk_size=1))
    pd.testing.assert_frame_equal(corpus, corpus2)
    mentions.attrs, mentions2.attrs = {}, {}
    pd.testing.assert_frame_equal(mentions, mentions2)
    assert corpus["duplicate_of"].notna().sum() >= 1


def test_a_new_file_is_the_only_one_tagged(src, tmp_path):
    h.tag_cached(src, tmp_path / "cache")
    (src / "s3.txt").write_text(_story(3).replace("Turkey", "Iran"))
    corpus, mentions = h.tag_cached(src, tmp_path / "cache")
    assert (mentions.attrs["cache"]["tagged"], mentions.attrs["cache"]["reused"]) == (1, 3)
    assert len(corpus) == 4
    assert corpus.attrs["load_report"].files_loaded == 4


def test_a_tampered_entry_is_rebuilt(src, tmp_path):
    _, mentions = h.tag_cached(src, tmp_path / "cache")
    for meta in (tmp_path / "cache" / "tag_cached" / "mentions").glob("*.meta.json"):
        meta.write_text('{"rows": "x"}')
    _, again = h.tag_cached(src, tmp_path / "cache")
    assert again.attrs["cache"]["tagged"] == 3 and len(again) == len(mentions)


def test_tag_cached_bad_options(src, tmp_path):
    with pytest.raises(ValueError, match="'stat' or 'content'"):
        h.tag_cached(src, tmp_path / "cache", key="nope")
    with pytest.raises(ValueError, match="templates"):
        h.tag_cached(src, tmp_path / "cache", templates="sometimes")
    with pytest.raises(FileNotFoundError):
        h.tag_cached(tmp_path / "missing", tmp_path / "cache")


# ------------------------------------------------------------------------------------------ entries


def test_store_and_load_parquet_checks_rows_and_checksum(tmp_path):
    p = tmp_path / "x.parquet"
    df = pd.DataFrame({"a": [1, 2, 3]})
    record = cache._store_parquet(df, p)
    assert record["rows"] == 3 and len(record["sha256"]) == 64
    pd.testing.assert_frame_equal(cache._load_parquet(p), df)
    df.head(1).to_parquet(p, index=False)
    with pytest.raises(cache.CacheEntryError, match="checksum differs"):
        cache._load_parquet(p)
    cache._meta_of(p).unlink()
    with pytest.raises(cache.CacheEntryError, match="no record"):
        cache._load_parquet(p)


def test_store_parquet_failure_leaves_nothing(tmp_path, caplog):
    ro = tmp_path / "missing-folder" / "x.parquet"
    assert cache._store_parquet(pd.DataFrame({"a": [1]}), ro) is None
    assert not list(tmp_path.rglob("*.tmp"))
    assert "could not store" in caplog.text and str(ro) in caplog.text
