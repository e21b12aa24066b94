"""Unit tests of helpers.minhash: word hashes, shingles and MinHash signatures computed over many articles at once
equal the plain one-article computation, in one process or in workers."""

from __future__ import annotations

import zlib

import dedupe_reference as ref
import numpy as np
import pytest

from helpers import minhash

WORDS = "army rebels town talks ceasefire border aid convoy shelling council ministry envoy".split()


def _text(seed: int, n: int) -> str:
    rng = np.random.default_rng(seed)
    return " ".join(WORDS[i] + str(j) for i, j in zip(rng.integers(0, len(WORDS), n), rng.integers(0, 9, n)))


def test_tokens_fold_case_and_drop_punctuation_and_underscores():
    # "İ" folds to "i" and a combining dot, which is not a letter: the word splits there
    want = ["the", "u", "s", "backed", "sdf", "units", "i", "dlib"]
    assert minhash.tokens("The U.S.-backed SDF_units, İdlib") == want


def test_word_hashes_are_crc32_and_repeat_for_repeated_words():
    words = ["army", "town", "army", "ﬁnal"]
    assert minhash.word_hashes(words).tolist() == [zlib.crc32(w.encode()) for w in words]
    assert minhash.word_hashes([]).dtype == np.uint64


def test_many_shingles_equal_one_text_at_a_time():
    texts = [_text(s, int(n)) for s, n in enumerate([5, 6, 40, 120, 7])]
    docs = [minhash.tokens(t) for t in texts]
    many = minhash.many_shingles(docs, 5)
    assert [m.tolist() for m in many] == [ref.shingles(t).tolist() for t in texts]
    assert [m.tolist() for m in many] == [minhash.shingles(d, 5).tolist() for d in docs]
    assert len(many[0]) == 1 and len(many[1]) == 2
    with pytest.raises(ValueError, match="at least k=5"):
        minhash.many_shingles([["too", "short"]], 5)


def test_short_text_is_one_shingle_of_all_its_words():
    assert len(minhash.shingles(["a", "b"], 5)) == 1
    assert len(minhash.shingles([], 5)) == 0


def test_signatures_equal_the_plain_formula_and_do_not_depend_on_blocks(monkeypatch):
    sets = [ref.shingles(_text(s, n)) for s, n in [(1, 30), (2, 300), (3, 5), (4, 80)]]
    want = [ref.signature(s).tolist() for s in sets]
    assert minhash.signatures(sets, 64, 1).tolist() == want
    monkeypatch.setattr(minhash, "_BLOCK_VALUES", 64)  # one set per block, and a set bigger than a block
    assert minhash.signatures(sets, 64, 1).tolist() == want
    with pytest.raises(ValueError, match="at least one shingle"):
        minhash.signatures([np.zeros(0, np.uint64)], 64, 1)


def test_permutation_without_division_at_the_edges_of_the_modulus():
    m = (1 << 61) - 1
    a = np.array([(1 << 31) - 1, (1 << 31) - 1, 1 << 30, 3], dtype=np.uint64)
    b = np.array([m % ((1 << 31) - 1), 0, (1 << 31) - 1, 5], dtype=np.uint64)
    # sh * a + b hits 2**61 - 1 exactly (the value that must wrap to 0), and values above 2**61 and near 2**63
    sh = np.array([m // ((1 << 31) - 1), (1 << 32) - 1, 0, 7], dtype=np.uint64)
    got = minhash._permuted(sh, a, b)
    want = [[((int(x) * int(ai) + int(bi)) % m) & 0xFFFFFFFF for x in sh] for ai, bi in zip(a, b)]
    assert got.tolist() == want
    assert got[0, 0] == 0


def test_hash_articles_keys_long_rows_and_empty_texts():
    texts = [_text(1, 80), "", "Short note.", _text(1, 80).upper()]
    days = ["2024-01-01", "", "2024-01-02", "2024-01-03"]
    out = minhash.hash_articles(texts, days, minhash.Shingling())
    assert out.keys[1] == 0 and out.keys[0] == out.keys[3] and out.keys[2] != 0
    assert out.long.tolist() == [0, 3]
    assert out.minhash.shape == (2, 64) and np.array_equal(out.minhash[0], out.minhash[1])
    none = minhash.hash_articles([], [], minhash.Shingling())
    assert none.minhash.shape == (0, 64) and not len(none.long)


def test_hash_articles_with_k_above_min_words_takes_the_plain_way():
    how = minhash.Shingling(k=8, min_words=3)
    out = minhash.hash_articles(["one two three four", _text(5, 40)], ["", ""], how)
    assert out.long.tolist() == [0, 1] and len(out.shingles[0]) == 1


def test_hash_articles_in_slices_equals_one_slice(monkeypatch):
    texts = [_text(s, 50 + s) for s in range(30)] + ["", "tiny"]
    days = [""] * len(texts)
    whole = minhash.hash_articles(texts, days, minhash.Shingling())
    monkeypatch.setattr(minhash, "_SLICE", 7)
    sliced = minhash.hash_articles(texts, days, minhash.Shingling())
    assert whole.keys.tolist() == sliced.keys.tolist() and whole.long.tolist() == sliced.long.tolist()
    assert np.array_equal(whole.minhash, sliced.minhash)


def test_jaccard():
    assert minhash.jaccard(np.array([1, 2, 3]), np.array([2, 3, 4])) == 0.5
    assert minhash.jaccard(np.array([]), np.array([])) == 1.0
