"""The near-duplicate rule of helpers.dedupe written plainly, one article and one pair at a time (as the kit
computed it before the signatures were vectorised): the tests check that the fast code gives the same
signatures, pairs and clusters."""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict

import numpy as np
import pandas as pd

_TOKEN = re.compile(r"[^\W_]+", re.U)
_MERSENNE = np.uint64((1 << 61) - 1)
_MAX32 = np.uint64(0xFFFFFFFF)


def shingles(text: str, k: int = 5) -> np.ndarray:
    """Distinct 32-bit shingle hashes of one text (word CRC-32s, a polynomial over k of them)."""
    th = np.array([zlib.crc32(t.encode()) for t in _TOKEN.findall(text.casefold())], dtype=np.uint64)
    if len(th) < k:
        if not len(th):
            return np.zeros(0, dtype=np.uint64)
        k = len(th)
    acc = np.zeros(len(th) - k + 1, dtype=np.uint64)
    for j in range(k):
        acc = acc * np.uint64(1_000_003) + th[j : len(th) - k + 1 + j]
    return np.unique(acc & _MAX32)


def signature(sh: np.ndarray, num_perm: int = 64, seed: int = 1) -> np.ndarray:
    """One text's MinHash: per permutation, min over shingles of ((a*x + b) mod (2**61-1)) & 0xFFFFFFFF."""
    rng = np.random.RandomState(seed)
    a = rng.randint(1, 1 << 31, size=num_perm).astype(np.uint64)
    b = rng.randint(0, 1 << 31, size=num_perm).astype(np.uint64)
    return (((sh[:, None] * a[None, :]) + b[None, :]) % _MERSENNE & _MAX32).min(axis=0)


def _key(words: str, day: str) -> int:
    digest = hashlib.blake2b(words.encode("utf-8", "surrogatepass"), digest_size=8, person=day.encode()[:16])
    return int.from_bytes(digest.digest(), "little", signed=True)


class _Groups:
    """Union-find over article positions."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        self.parent[max(ri, rj)] = min(ri, rj)


def _join_bucket(members: list[int], sets: dict[int, np.ndarray], groups: _Groups, threshold: float) -> None:
    for x in range(len(members)):
        for y in range(x + 1, len(members)):
            s1, s2 = sets[members[x]], sets[members[y]]
            inter = np.intersect1d(s1, s2).size
            if inter / (s1.size + s2.size - inter) >= threshold:
                groups.union(members[x], members[y])


def clusters(corpus: pd.DataFrame, threshold: float = 0.7, min_words: int = 30, bands: int = 16) -> list[list[str]]:
    """The duplicate groups (sorted lists of doc_ids, sorted), by union-find over exact keys and over the pairs
    of long articles sharing a band whose shingles' Jaccard reaches ``threshold``."""
    groups = _Groups(len(corpus))
    days = pd.to_datetime(corpus["date"], utc=True).dt.strftime("%Y-%m-%d").fillna("").tolist()
    texts = (corpus["title"].fillna("").astype(str) + " " + corpus["text"].fillna("").astype(str)).tolist()
    seen: dict[int, int] = {}
    sets: dict[int, np.ndarray] = {}
    buckets: list[dict[bytes, list[int]]] = [defaultdict(list) for _ in range(bands)]
    for i, text in enumerate(texts):
        toks = _TOKEN.findall(text.casefold())
        if not toks:
            continue
        short = len(toks) < min_words
        key = _key(" ".join(toks), days[i] if short else "")
        if key in seen:
            groups.union(seen[key], i)
        seen.setdefault(key, i)
        if not short:
            sets[i] = shingles(text)
            sig = signature(sets[i])
            rows = len(sig) // bands
            for band in range(bands):
                buckets[band][sig[band * rows : (band + 1) * rows].tobytes()].append(i)
    for table in buckets:
        for members in table.values():
            _join_bucket(members, sets, groups, threshold)
    out: dict[int, list[str]] = defaultdict(list)
    for i, doc in enumerate(corpus["doc_id"].astype(str).tolist()):
        out[groups.find(i)].append(doc)
    return sorted(sorted(g) for g in out.values() if len(g) > 1)
