"""Shingles and MinHash signatures of articles, computed over many articles at once (what :mod:`helpers.dedupe`
compares).

An article's words (runs of letters and digits, case-folded) are hashed with CRC-32; its word ``k``-shingles
are a polynomial over ``k`` consecutive word hashes (32 bits); its MinHash signature holds, for each of
``num_perm`` seeded permutations ``(a * x + b) mod (2**61 - 1)``, the least low 32 bits over its distinct
shingles. The arithmetic runs in NumPy over all the shingles of a chunk of articles at once (one matrix
per chunk, the minimum taken per article with ``reduceat``), and chunks run in worker processes with
``n_jobs > 1``; the numbers are the same whichever way they are computed, so duplicate clusters never depend
on ``n_jobs`` or the chunking.
"""

from __future__ import annotations

import hashlib
import math
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from typing import Any

import numpy as np
import pandas as pd

_TOKEN = re.compile(r"[^\W_]+", re.U)
_MERSENNE = np.uint64((1 << 61) - 1)
_MAX32 = np.uint64(0xFFFFFFFF)
_POLY = np.uint64(1_000_003)
_BLOCK_VALUES = 1 << 16  # shingles x permutations per matrix block (512 KB of uint64: it stays in the cache)
_SLICE = 500  # articles hashed and shingled together (their arrays stay small)
_VOCAB: dict[str, int] = {}


def tokens(text: str) -> list[str]:
    """The case-folded words of a text (runs of letters and digits)."""
    return _TOKEN.findall(text.casefold())


def word_hashes(words: Sequence[str]) -> np.ndarray:
    """A deterministic 32-bit hash per word (CRC-32 of its UTF-8 form, cached per word form), as uint64.

    The words are factorised first, so each distinct form is looked up once per call.
    """
    if not len(words):
        return np.zeros(0, dtype=np.uint64)
    codes, forms = pd.factorize(np.asarray(words, dtype=object))
    vocab = _VOCAB
    out = np.empty(len(forms), dtype=np.uint64)
    for i, t in enumerate(forms):
        h = vocab.get(t)
        if h is None:
            h = zlib.crc32(t.encode())
            if len(vocab) < 2_000_000:
                vocab[t] = h
        out[i] = h
    return out[codes]


def shingles(words: list[str], k: int) -> np.ndarray:
    """Distinct hashes of the word ``k``-shingles of one text, sorted (a text shorter than ``k`` words is
    one shingle of all its words)."""
    th = word_hashes(words)
    if len(th) < k:
        if not len(th):
            return np.zeros(0, dtype=np.uint64)
        k = len(th)
    acc = np.zeros(len(th) - k + 1, dtype=np.uint64)
    for j in range(k):
        acc = acc * _POLY + th[j : len(th) - k + 1 + j]
    return np.unique(acc & _MAX32)


def many_shingles(docs: list[list[str]], k: int) -> list[np.ndarray]:
    """:func:`shingles` of many texts of at least ``k`` words each, hashed and shingled in one pass.

    Returns:
        One sorted uint64 array of distinct shingle hashes per text.
    """
    lens = np.fromiter((len(d) for d in docs), dtype=np.int64, count=len(docs))
    if not len(docs):
        return []
    if (lens < k).any():
        raise ValueError(f"many_shingles: every text needs at least k={k} words")
    th = word_hashes(list(chain.from_iterable(docs)))
    n_win = len(th) - k + 1
    acc = np.zeros(n_win, dtype=np.uint64)
    for j in range(k):
        acc = acc * _POLY + th[j : n_win + j]
    starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
    per_doc = lens - k + 1
    doc = np.repeat(np.arange(len(docs), dtype=np.uint64), per_doc)
    pos = np.arange(int(per_doc.sum()), dtype=np.int64) - np.repeat(np.cumsum(per_doc) - per_doc, per_doc)
    win = np.repeat(starts, per_doc) + pos  # windows that stay inside their text
    keyed = np.sort((doc << np.uint64(32)) | (acc[win] & _MAX32))  # by text, then hash
    keyed = keyed[np.concatenate([[True], keyed[1:] != keyed[:-1]])]  # distinct
    bounds = np.searchsorted(keyed >> np.uint64(32), np.arange(1, len(docs), dtype=np.uint64))
    return np.split(keyed & _MAX32, bounds)


def permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The ``a`` and ``b`` of the seeded MinHash permutations (uint64)."""
    rng = np.random.RandomState(seed)
    a = rng.randint(1, 1 << 31, size=num_perm).astype(np.uint64)
    b = rng.randint(0, 1 << 31, size=num_perm).astype(np.uint64)
    return a, b


def _permuted(sh: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """``((sh * a + b) mod (2**61 - 1)) & 0xFFFFFFFF`` as a (permutations, shingles) matrix, without a division
    (``sh * a + b`` stays below 2**64 for 32-bit shingles and 31-bit ``a`` and ``b``)."""
    x = np.multiply.outer(a, sh)
    x += b[:, None]
    y = x & _MERSENNE
    x >>= np.uint64(61)
    y += x  # below 2 * (2**61 - 1): one subtraction at most
    np.minimum(y, y - _MERSENNE, out=y)  # where y < 2**61 - 1 the difference wraps round and loses
    y &= _MAX32
    return y


def signatures(shingle_sets: Sequence[np.ndarray], num_perm: int, seed: int) -> np.ndarray:
    """MinHash signatures of many non-empty shingle sets, as a (sets, ``num_perm``) uint64 matrix.

    The permuted values of a block of sets are one matrix; each set's minimum is taken with ``reduceat``.
    """
    a, b = permutations(num_perm, seed)
    out = np.empty((len(shingle_sets), num_perm), dtype=np.uint64)
    sizes = np.fromiter((len(s) for s in shingle_sets), dtype=np.int64, count=len(shingle_sets))
    if (sizes == 0).any():
        raise ValueError("signatures: every shingle set needs at least one shingle")
    lo = 0
    per_block = max(1, _BLOCK_VALUES // num_perm)
    while lo < len(shingle_sets):
        hi = lo + 1
        total = sizes[lo]
        while hi < len(shingle_sets) and total + sizes[hi] <= per_block:
            total += sizes[hi]
            hi += 1
        values = _permuted(np.concatenate(shingle_sets[lo:hi]).astype(np.uint64), a, b)
        starts = np.concatenate([[0], np.cumsum(sizes[lo : hi - 1])])
        out[lo:hi] = np.minimum.reduceat(values, starts, axis=1).T
        lo = hi
    return out


def stable_key(words: str, day: str) -> int:
    """A 64-bit key of an article's normalised words (and day, for short ones), the same in every process."""
    digest = hashlib.blake2b(words.encode("utf-8", "surrogatepass"), digest_size=8, person=day.encode()[:16])
    return int.from_bytes(digest.digest(), "little", signed=True)


@dataclass(frozen=True)
class Shingling:
    """How articles are hashed: word ``k``-shingles of articles of at least ``min_words`` words (shorter ones
    are keyed with their day and matched exactly only), MinHash of ``num_perm`` values with ``seed``."""

    k: int = 5
    min_words: int = 30
    num_perm: int = 64
    seed: int = 1


@dataclass
class ArticleHashes:
    """What duplicate detection needs of each article, by position.

    Attributes:
        keys: int64 key of the normalised words (with the day for short articles); 0 for an empty one.
        long: positions of the articles long enough for near-copy detection, increasing.
        shingles: their distinct shingle hashes (sorted uint32 arrays), aligned with ``long``.
        minhash: their MinHash signatures, a (len(long), num_perm) uint64 matrix.
    """

    keys: np.ndarray
    long: np.ndarray
    shingles: list[np.ndarray]
    minhash: np.ndarray


def hash_articles(texts: Sequence[str], days: Sequence[str], how: Shingling) -> ArticleHashes:
    """Keys, shingles and MinHash signatures of a chunk of articles (one process), in slices of a few hundred
    articles (whose arrays stay in the cache).

    Args:
        texts: each article's title and text.
        days: each article's day (``YYYY-MM-DD`` or empty), part of the key of short articles.
        how: the shingling settings.
    """
    parts = [_hash_slice(texts[i : i + _SLICE], days[i : i + _SLICE], how) for i in range(0, len(texts), _SLICE)]
    if not parts:
        return ArticleHashes(np.zeros(0, np.int64), np.zeros(0, np.int64), [], np.zeros((0, how.num_perm), np.uint64))
    return _concat([(p, i) for p, i in zip(parts, range(0, len(texts), _SLICE))])


def _concat(parts: list[tuple[ArticleHashes, int]]) -> ArticleHashes:
    """One :class:`ArticleHashes` of consecutive parts, each given with the position of its first article."""
    return ArticleHashes(
        np.concatenate([p.keys for p, _ in parts]),
        np.concatenate([p.long + first for p, first in parts]),
        [s for p, _ in parts for s in p.shingles],
        np.concatenate([p.minhash for p, _ in parts]),
    )


def _hash_slice(texts: Sequence[str], days: Sequence[str], how: Shingling) -> ArticleHashes:
    """:func:`hash_articles` of a few hundred articles."""
    keys = np.zeros(len(texts), dtype=np.int64)
    long: list[int] = []
    docs: list[list[str]] = []
    for i, text in enumerate(texts):
        toks = tokens(text)
        if not toks:
            continue
        short = len(toks) < how.min_words
        keys[i] = stable_key(" ".join(toks), days[i] if short else "")
        if not short:
            long.append(i)
            docs.append(toks)
    if how.min_words >= how.k:
        sets = many_shingles(docs, how.k)
    else:  # texts shorter than k words are one shingle each: the plain way
        sets = [shingles(d, how.k) for d in docs]
    minhash = signatures(sets, how.num_perm, how.seed) if sets else np.zeros((0, how.num_perm), dtype=np.uint64)
    return ArticleHashes(keys, np.asarray(long, dtype=np.int64), [s.astype(np.uint32) for s in sets], minhash)


def _hash_chunk(args: tuple[list[str], list[str], Shingling]) -> ArticleHashes:
    return hash_articles(*args)


def hash_articles_parallel(
    texts: Sequence[str], days: Sequence[str], how: Shingling, n_jobs: int = 1, chunk_size: int = 2000
) -> ArticleHashes:
    """:func:`hash_articles` over chunks of articles, in ``n_jobs`` worker processes; the same result as one call.

    Args:
        texts, days, how: as :func:`hash_articles`.
        n_jobs: worker processes (``-1``: all cores).
        chunk_size: at most this many articles per task (several tasks per worker keep both busy); a corpus
            no bigger than one task is hashed in this process.
    """
    import os

    from .parallel import map_chunks

    if n_jobs == -1:
        n_jobs = os.cpu_count() or 1
    if n_jobs <= 1 or len(texts) <= chunk_size:
        return hash_articles(texts, days, how)
    size = max(1, min(chunk_size, math.ceil(len(texts) / (4 * n_jobs))))
    cuts = range(0, len(texts), size)
    parts = map_chunks(
        _hash_chunk,
        [(list(texts[i : i + size]), list(days[i : i + size]), how) for i in cuts],
        n_jobs,
        ("helpers.minhash",),
    )
    return _concat(list(zip(parts, cuts)))


def jaccard(s1: np.ndarray, s2: np.ndarray) -> float:
    """Jaccard similarity of two sets of distinct values (1.0 for two empty sets)."""
    inter = np.intersect1d(s1, s2, assume_unique=True).size
    union = s1.size + s2.size - inter
    return inter / union if union else 1.0


def minhash_matrix(values: Any) -> tuple[np.ndarray, np.ndarray]:
    """The rows that have a MinHash signature and the signatures as a ``(rows, num_perm)`` uint32 matrix.

    Args:
        values: a ``minhash`` column: a sequence of bytes or None, or a pyarrow (chunked) binary array,
            read without one Python object per article.
    """
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover - pyarrow is a requirement
        pa = None
    if pa is not None and isinstance(values, (pa.Array, pa.ChunkedArray)):
        return _arrow_matrix(values, pa)
    vals = list(values)
    rows = np.asarray(
        [
            i
            for i, v in enumerate(vals)
            if v is not None and v is not pd.NA and not (isinstance(v, float) and np.isnan(v))
        ],
        dtype=np.int64,
    )
    if not len(rows):
        return rows, np.zeros((0, 0), dtype=np.uint32)
    return rows, np.frombuffer(b"".join(vals[i] for i in rows), dtype=np.uint32).reshape(len(rows), -1)


def _arrow_matrix(values: Any, pa: Any) -> tuple[np.ndarray, np.ndarray]:
    """:func:`minhash_matrix` of a pyarrow binary array, read from its buffers."""
    chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
    layout = []  # per chunk: (first row, valid rows, offsets) of the chunks that hold signatures
    base = width = 0
    for arr in chunks:
        if arr.null_count < len(arr):  # an all-missing chunk may even be typed null
            valid = np.asarray(arr.is_valid(), dtype=bool) if arr.null_count else np.ones(len(arr), dtype=bool)
            offsets = np.frombuffer(arr.buffers()[1], dtype=np.int32 if pa.types.is_binary(arr.type) else np.int64)[
                arr.offset : arr.offset + len(arr) + 1
            ]
            sizes = np.diff(offsets)
            idx = np.flatnonzero(valid)
            width = width or int(sizes[idx[0]])
            if not ((sizes[~valid] == 0).all() and (sizes[valid] == width).all()) or width % 4:
                return minhash_matrix(values.to_pylist())  # an unusual layout: the plain way
            layout.append((arr, base, idx, offsets))
        base += len(arr)
    rows = np.concatenate([base_ + idx for _, base_, idx, _ in layout]) if layout else np.zeros(0, np.int64)
    matrix = np.empty((len(rows), width // 4), dtype=np.uint32)  # filled in place: one copy, no stacking
    k = 0
    for arr, _, idx, offsets in layout:
        data = np.frombuffer(arr.buffers()[2], dtype=np.uint8)[offsets[0] : offsets[-1]]
        matrix[k : k + len(idx)] = data.view(np.uint32).reshape(len(idx), -1)
        k += len(idx)
    return rows.astype(np.int64), matrix
