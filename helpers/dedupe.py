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

Across batches (a corpus streamed in pieces, :func:`helpers.tag_to_parquet`, Dask partitions), each batch
keeps, per article, a 64-bit key of its normalised words, its MinHash signature (256 bytes) and its
shingle hashes (4 bytes a word, on disk for the streaming path): :func:`link_duplicates` finds exact copies
by key and near copies by the same LSH bands, checks each candidate pair with the exact Jaccard similarity
of the shingles, as within a batch, and merges them with the within-batch clusters, so the clusters are the
ones one :func:`find_duplicates` over the whole corpus would give.
"""
from __future__ import annotations

import hashlib
import re
import zlib
from collections import defaultdict
from typing import Callable, Sequence

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


def _stable_key(words: str, day: str) -> int:
    """A 64-bit key of an article's normalised words (and day, for short ones), the same in every process."""
    digest = hashlib.blake2b(words.encode("utf-8", "surrogatepass"), digest_size=8, person=day.encode()[:16])
    return int.from_bytes(digest.digest(), "little", signed=True)


def find_duplicates(corpus: pd.DataFrame, threshold: float = 0.7, k: int = 5, num_perm: int = 64,
                    bands: int = 16, min_words: int = 30, seed: int = 1, signatures: bool = False) -> pd.DataFrame:
    """Cluster exact and near-duplicate articles.

    Args:
        corpus: a frame with ``doc_id``, ``title``, ``text``, ``date`` (in load order).
        threshold: minimum Jaccard similarity of word ``k``-shingles for a near copy.
        k: shingle length in words.
        num_perm: MinHash signature length (a multiple of ``bands``).
        bands: LSH bands.
        min_words: shorter articles are matched exactly only (with their day).
        seed: seed of the MinHash permutations (results are deterministic).
        signatures: also return what :func:`link_duplicates` needs to find copies in other batches.

    Returns:
        A frame aligned with ``corpus``: ``duplicate_of`` (the earliest copy's ``doc_id`` or missing),
        ``cluster`` (an int id shared by copies, -1 for singletons) and ``similarity`` (to the earliest);
        with ``signatures``, also ``exact_key`` (int64 key of the normalised words, with the day for short
        articles; 0 for an empty one), ``minhash`` (``num_perm`` uint32 values as bytes) and ``shingles``
        (the distinct uint32 shingle hashes as bytes); both missing for short articles.
    """
    n = len(corpus)
    uf = _UnionFind(n)
    titles = corpus["title"].fillna("").astype(str).tolist()
    texts = corpus["text"].fillna("").astype(str).tolist()
    days = pd.to_datetime(corpus["date"], utc=True).dt.strftime("%Y-%m-%d").fillna("").tolist()

    exact: dict[int, int] = {}
    exact_key: list[int] = [0] * n
    long_tokens: dict[int, np.ndarray] = {}
    long_idx: list[int] = []
    for i in range(n):
        toks = _tokens(titles[i] + " " + texts[i])
        if not toks:
            continue
        short = len(toks) < min_words
        key = _stable_key(" ".join(toks), days[i] if short else "")
        exact_key[i] = key
        if key in exact:
            uf.union(exact[key], i)
        else:
            exact[key] = i
        if not short:
            long_idx.append(i)
            long_tokens[i] = _shingles(toks, k).astype(np.uint32)  # only the shingle hashes are kept
    sims: dict[tuple[int, int], float] = {}
    minhash: list[bytes | None] = [None] * n
    shingles: list[bytes | None] = [None] * n
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
            if signatures:
                minhash[i] = sig.astype(np.uint32).tobytes()
                shingles[i] = long_tokens[i].tobytes()
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
    out = pd.DataFrame(
        {"duplicate_of": pd.array(dup, dtype="string"), "cluster": cluster, "similarity": sim},
        index=corpus.index,
    )
    if signatures:
        out["exact_key"] = np.asarray(exact_key, dtype=np.int64)
        out["minhash"] = pd.Series(minhash, index=corpus.index, dtype=object)
        out["shingles"] = pd.Series(shingles, index=corpus.index, dtype=object)
    return out


# --------------------------------------------------------------------------------------------------
# across batches

def _pair_similarity(sigs: pd.DataFrame, a: np.ndarray, b: np.ndarray, shingles: "ShingleLoader | None",
                     sig_a: np.ndarray, sig_b: np.ndarray) -> np.ndarray:
    """Jaccard similarity of the shingles of rows ``a[k]`` and ``b[k]`` (or the MinHash estimate without them)."""
    if "shingles" in sigs:
        col = sigs["shingles"].to_numpy()
        sa = [np.frombuffer(col[i], dtype=np.uint32) for i in a]
        sb = [np.frombuffer(col[i], dtype=np.uint32) for i in b]
    elif shingles is not None:
        both = np.unique(np.concatenate([a, b]))
        got = shingles(sigs.loc[both, ["batch", "order"]].reset_index(drop=True))
        where = dict(zip(both.tolist(), got))
        sa = [where[i] for i in a.tolist()]
        sb = [where[i] for i in b.tolist()]
    else:
        return (sig_a == sig_b).mean(axis=1)
    return np.array([_jaccard(x, y) for x, y in zip(sa, sb)], dtype=float)


#: Columns of a signatures table (one row per article; what :func:`link_duplicates` reads).
SIGNATURE_COLUMNS = ["batch", "order", "doc_id", "date", "exact_key", "minhash", "shingles", "batch_duplicate_of"]


def batch_signatures(corpus: pd.DataFrame, found: pd.DataFrame, batch: int, first_order: int) -> pd.DataFrame:
    """The signatures table of one batch.

    Args:
        corpus: the batch's CORPUS frame.
        found: :func:`find_duplicates` of it with ``signatures=True``.
        batch: the batch number.
        first_order: the load-order position of the batch's first article in the whole corpus.

    Returns:
        A frame with :data:`SIGNATURE_COLUMNS`: ``batch`` (int32), ``order`` (int64 position in the corpus),
        ``doc_id``, ``date`` (UTC), ``exact_key``, ``minhash`` and ``shingles`` (bytes, or missing for short
        articles) and ``batch_duplicate_of`` (the copy's original within the batch).
    """
    return pd.DataFrame({
        "batch": np.full(len(corpus), batch, dtype=np.int32),
        "order": np.arange(first_order, first_order + len(corpus), dtype=np.int64),
        "doc_id": corpus["doc_id"].astype("string").to_numpy(),
        "date": pd.to_datetime(corpus["date"], utc=True).to_numpy(),
        "exact_key": found["exact_key"].to_numpy(),
        "minhash": found["minhash"].to_numpy(),
        "shingles": found["shingles"].to_numpy(),
        "batch_duplicate_of": found["duplicate_of"].to_numpy(),
    }).astype({"doc_id": "string", "batch_duplicate_of": "string", "date": "datetime64[ns, UTC]"})


def _band_keys(sig: np.ndarray, bands: int) -> list[np.ndarray]:
    """One uint64 key per row and band (the band's values mixed with odd multipliers)."""
    rows = sig.shape[1] // bands
    mult = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
                     0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x85EBCA77C2B2AE63, 0x27D4EB2F165667C5],
                    dtype=np.uint64)
    out = []
    with np.errstate(over="ignore"):
        for band in range(bands):
            block = sig[:, band * rows:(band + 1) * rows].astype(np.uint64)
            key = np.full(len(sig), band, dtype=np.uint64)
            for r in range(rows):
                key = key * mult[r % len(mult)] + block[:, r] + np.uint64(r + 1)
            out.append(key)
    return out


ShingleLoader = Callable[[pd.DataFrame], Sequence[np.ndarray]]


def _jaccard(s1: np.ndarray, s2: np.ndarray) -> float:
    inter = np.intersect1d(s1, s2, assume_unique=True).size
    union = s1.size + s2.size - inter
    return inter / union if union else 1.0


def link_duplicates(signatures: pd.DataFrame | Sequence[pd.DataFrame], threshold: float = 0.7, bands: int = 16,
                    max_bucket: int = 50, shingles: ShingleLoader | None = None) -> pd.DataFrame:
    """Cluster copies across batches, keeping every batch's own decisions.

    Copies within a batch were found by :func:`find_duplicates`; this adds exact copies (same key) and near
    copies (an LSH band in common, then a Jaccard similarity of the shingles of at least ``threshold``) in
    different batches, then takes connected components over all of them: the clusters one
    :func:`find_duplicates` over the whole corpus gives. A corpus in one batch comes out as it was.

    Args:
        signatures: the signatures tables of all batches (:func:`batch_signatures`), or their concatenation.
        threshold: minimum estimated Jaccard similarity for a near copy across batches.
        bands: LSH bands (as in :func:`find_duplicates`).
        max_bucket: an LSH bucket with more articles than this (boilerplate shared by many) is checked
            against its first member only, not pair by pair.
        shingles: where the shingles are when the table has no ``shingles`` column: a function given a
            frame of ``batch`` and ``order`` that returns their shingle arrays (the streaming path reads
            them from disk batch by batch). Without either, pairs are checked with the MinHash estimate
            (share of equal signature values; standard error about 0.06 near 0.7).

    Returns:
        A frame aligned with the signatures (in ``order``): ``batch``, ``doc_id``, ``duplicate_of`` (the
        earliest copy by date, undated last, ties by load order), ``cluster`` (-1 for singletons),
        ``similarity`` (Jaccard to the earliest; 1.0 for identical words) and ``across`` (True when the
        copy's original is in another batch).
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    sigs = signatures if isinstance(signatures, pd.DataFrame) else \
        pd.concat([s for s in signatures if len(s)], ignore_index=True) if any(len(s) for s in signatures) \
        else pd.DataFrame(columns=SIGNATURE_COLUMNS)
    sigs = sigs.sort_values("order", kind="stable").reset_index(drop=True)
    n = len(sigs)
    batch = sigs["batch"].to_numpy(np.int64)
    src: list[np.ndarray] = []
    dst: list[np.ndarray] = []
    # 1. each batch's own clusters
    has = sigs["batch_duplicate_of"].notna().to_numpy()
    if has.any():
        where = pd.MultiIndex.from_arrays([batch, sigs["doc_id"].astype(str)])
        target = pd.MultiIndex.from_arrays([batch[has], sigs.loc[has, "batch_duplicate_of"].astype(str)])
        j = where.get_indexer(target)
        ok = j >= 0
        src.append(np.flatnonzero(has)[ok])
        dst.append(j[ok])
    # 2. identical words (the key includes the day for short articles)
    keys = sigs["exact_key"].to_numpy(np.int64)
    nonempty = keys != 0
    codes, _ = pd.factorize(np.where(nonempty, keys, 0))
    first = pd.Series(np.arange(n)).groupby(codes).transform("min").to_numpy()
    pick = nonempty & (first != np.arange(n))
    src.append(np.flatnonzero(pick))
    dst.append(first[pick])
    # 3. near copies in other batches: LSH buckets, checked with the MinHash estimate
    long = np.flatnonzero(sigs["minhash"].notna().to_numpy())
    sim_of: dict[tuple[int, int], float] = {}
    if len(long) > 1:
        mh = sigs["minhash"].to_numpy()[long]
        sig = np.frombuffer(b"".join(mh), dtype=np.uint32).reshape(len(long), -1)
        pairs_a: list[int] = []
        pairs_b: list[int] = []
        for key in _band_keys(sig, bands):
            codes, _ = pd.factorize(key)
            counts = np.bincount(codes)
            multi = np.flatnonzero(counts[codes] > 1)
            if not len(multi):
                continue
            order = multi[np.argsort(codes[multi], kind="stable")]
            bounds = np.flatnonzero(np.diff(codes[order])) + 1
            for members in np.split(order, bounds):
                if len(members) > max_bucket:
                    pairs_a.extend([members[0]] * (len(members) - 1))
                    pairs_b.extend(members[1:].tolist())
                else:
                    for x in range(len(members)):
                        for y in range(x + 1, len(members)):
                            pairs_a.append(members[x])
                            pairs_b.append(members[y])
        if pairs_a:
            pa = np.asarray(pairs_a, dtype=np.int64)
            pb = np.asarray(pairs_b, dtype=np.int64)
            pair = np.unique(np.stack([np.minimum(pa, pb), np.maximum(pa, pb)], axis=1), axis=0)
            ga, gb = long[pair[:, 0]], long[pair[:, 1]]
            other = batch[ga] != batch[gb]  # within a batch the exact check has spoken
            pair, ga, gb = pair[other], ga[other], gb[other]
            if len(pair):
                sim = _pair_similarity(sigs, ga, gb, shingles, sig[pair[:, 0]], sig[pair[:, 1]])
                keep = sim >= threshold
                src.append(ga[keep])
                dst.append(gb[keep])
    a = np.concatenate(src) if src else np.zeros(0, dtype=np.int64)
    b = np.concatenate(dst) if dst else np.zeros(0, dtype=np.int64)
    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    _, comp = connected_components(graph, directed=False)
    dates = pd.to_datetime(sigs["date"], utc=True)
    date_key = np.where(dates.isna(), np.iinfo(np.int64).max, dates.to_numpy(dtype="datetime64[ns]").view(np.int64))
    by = pd.DataFrame({"comp": comp, "date": date_key, "order": np.arange(n)})
    size = by.groupby("comp")["order"].transform("size").to_numpy()
    earliest = by.sort_values(["comp", "date", "order"], kind="stable").groupby("comp")["order"].first()
    root = earliest.reindex(comp).to_numpy()
    in_cluster = size > 1
    is_copy = in_cluster & (root != np.arange(n))
    ids = sigs["doc_id"].astype(str).to_numpy()
    dup = np.where(is_copy, ids[root], None)
    cluster = np.full(n, -1, dtype=np.int64)
    if in_cluster.any():
        cluster[in_cluster] = pd.factorize(comp[in_cluster])[0]
    similarity = np.full(n, np.nan)
    copies = np.flatnonzero(is_copy)
    if len(copies):
        same = keys[copies] == keys[root[copies]]
        similarity[copies[same]] = 1.0
        rest = copies[~same]
        pos = np.full(n, -1, dtype=np.int64)
        pos[long] = np.arange(len(long))
        if len(rest) and len(long) > 1:
            pa, pb = pos[rest], pos[root[rest]]
            ok = (pa >= 0) & (pb >= 0)
            similarity[rest[ok]] = _pair_similarity(sigs, rest[ok], root[rest[ok]], shingles, sig[pa[ok]], sig[pb[ok]])
    return pd.DataFrame({
        "batch": batch.astype(np.int32), "doc_id": pd.array(ids, dtype="string"),
        "duplicate_of": pd.array(dup, dtype="string"), "cluster": cluster, "similarity": similarity,
        "across": is_copy & (batch[root] != batch),
    })
