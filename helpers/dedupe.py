"""Find syndicated copies: exact and near-duplicate articles, in linear time.

Method (documented threshold):

- **Exact copies**: the same normalised title and text (case, punctuation and spacing folded). When an
  article has almost no body (a headline-only corpus), the *day* of publication is part of the key, so
  a recurring headline such as "Politics live" on different days is not a copy.
- **Near copies** (articles of at least ``min_words`` words): word 5-shingles of title and text,
  MinHash signatures (``num_perm`` 64, seeded, deterministic) and locality-sensitive hashing with
  16 bands of 4 rows; every candidate pair is then checked with the exact Jaccard similarity of the
  shingle sets, and kept when it reaches ``threshold`` (default **0.7**). No all-pairs comparison.
- Copies form clusters (connected components); in each, ``duplicate_of`` of every row but the earliest
  is the ``doc_id`` of the earliest (by date, undated last, ties by load order). Rows are never dropped.
"""
from __future__ import annotations

import re
import zlib
from collections import defaultdict

import numpy as np
import pandas as pd

_TOKEN = re.compile(r"[^\W_]+", re.U)
_MERSENNE = np.uint64((1 << 61) - 1)
_MAX32 = np.uint64(0xFFFFFFFF)


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.casefold())


_VOCAB: dict[str, int] = {}


def _token_hashes(tokens: list[str]) -> np.ndarray:
    """A deterministic 32-bit hash per token (CRC-32, cached per word form)."""
    out = np.empty(len(tokens), dtype=np.uint64)
    vocab = _VOCAB
    for i, t in enumerate(tokens):
        h = vocab.get(t)
        if h is None:
            h = zlib.crc32(t.encode())
            if len(vocab) < 2_000_000:
                vocab[t] = h
        out[i] = h
    return out


def _shingles(tokens: list[str], k: int) -> np.ndarray:
    """Distinct hashes of the word ``k``-shingles (a polynomial over the token hashes, 32 bits)."""
    th = _token_hashes(tokens)
    if len(th) < k:
        if not len(th):
            return np.zeros(0, dtype=np.uint64)
        k = len(th)
    acc = np.zeros(len(th) - k + 1, dtype=np.uint64)
    for j in range(k):
        acc = acc * np.uint64(1_000_003) + th[j:len(th) - k + 1 + j]
    return np.unique(acc & _MAX32)


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def find_duplicates(corpus: pd.DataFrame, threshold: float = 0.7, k: int = 5, num_perm: int = 64,
                    bands: int = 16, min_words: int = 30, seed: int = 1) -> pd.DataFrame:
    """Cluster exact and near-duplicate articles.

    Args:
        corpus: a frame with ``doc_id``, ``title``, ``text``, ``date`` (in load order).
        threshold: minimum Jaccard similarity of word ``k``-shingles for a near copy.
        k: shingle length in words.
        num_perm: MinHash signature length (a multiple of ``bands``).
        bands: LSH bands.
        min_words: shorter articles are matched exactly only (with their day).
        seed: seed of the MinHash permutations (results are deterministic).

    Returns:
        A frame aligned with ``corpus``: ``duplicate_of`` (the earliest copy's ``doc_id`` or missing),
        ``cluster`` (an int id shared by copies, -1 for singletons) and ``similarity`` (to the earliest).
    """
    n = len(corpus)
    uf = _UnionFind(n)
    titles = corpus["title"].fillna("").astype(str).tolist()
    texts = corpus["text"].fillna("").astype(str).tolist()
    days = pd.to_datetime(corpus["date"], utc=True).dt.strftime("%Y-%m-%d").fillna("").tolist()

    exact: dict[tuple, int] = {}
    exact_key: list[int] = [0] * n
    long_tokens: dict[int, np.ndarray] = {}
    long_idx: list[int] = []
    for i in range(n):
        toks = _tokens(titles[i] + " " + texts[i])
        if not toks:
            continue
        short = len(toks) < min_words
        key = (hash(" ".join(toks)), len(toks), days[i] if short else "")
        exact_key[i] = hash(key)
        if key in exact:
            uf.union(exact[key], i)
        else:
            exact[key] = i
        if not short:
            long_idx.append(i)
            long_tokens[i] = _shingles(toks, k).astype(np.uint32)  # only the shingle hashes are kept
    sims: dict[tuple[int, int], float] = {}
    if long_idx:
        rng = np.random.RandomState(seed)
        a = rng.randint(1, 1 << 31, size=num_perm).astype(np.uint64)
        b = rng.randint(0, 1 << 31, size=num_perm).astype(np.uint64)
        rows = num_perm // bands
        buckets: list[dict[bytes, list[int]]] = [defaultdict(list) for _ in range(bands)]
        shingle_sets: dict[int, np.ndarray] = {}
        for i in long_idx:
            sh = long_tokens[i].astype(np.uint64)
            shingle_sets[i] = long_tokens[i]
            sig = (((sh[:, None] * a[None, :]) + b[None, :]) % _MERSENNE & _MAX32).min(axis=0)
            for band in range(bands):
                buckets[band][sig[band * rows:(band + 1) * rows].tobytes()].append(i)
        checked: set[tuple[int, int]] = set()
        for table in buckets:
            for members in table.values():
                if len(members) < 2:
                    continue
                for x in range(len(members)):
                    for y in range(x + 1, len(members)):
                        pair = (members[x], members[y])
                        if pair in checked:
                            continue
                        checked.add(pair)
                        s1, s2 = shingle_sets[pair[0]], shingle_sets[pair[1]]
                        inter = np.intersect1d(s1, s2, assume_unique=True).size
                        jac = inter / (s1.size + s2.size - inter)
                        if jac >= threshold:
                            uf.union(*pair)
                            sims[pair] = jac

    roots = [uf.find(i) for i in range(n)]
    groups: dict[int, list[int]] = defaultdict(list)
    for i, r in enumerate(roots):
        groups[r].append(i)
    dates = pd.to_datetime(corpus["date"], utc=True)
    date_key = dates.map(lambda d: d.value if pd.notna(d) else np.iinfo(np.int64).max).to_numpy()
    ids = corpus["doc_id"].tolist()
    dup = [None] * n
    cluster = np.full(n, -1, dtype=np.int64)
    sim = np.full(n, np.nan)
    cid = 0
    for members in groups.values():
        if len(members) < 2:
            continue
        first = min(members, key=lambda i: (date_key[i], i))
        for i in members:
            cluster[i] = cid
            if i != first:
                dup[i] = ids[first]
                sim[i] = sims.get((min(i, first), max(i, first)),
                                  1.0 if exact_key[i] == exact_key[first] else np.nan)
        cid += 1
    return pd.DataFrame(
        {"duplicate_of": pd.array(dup, dtype="string"), "cluster": cluster, "similarity": sim},
        index=corpus.index,
    )
