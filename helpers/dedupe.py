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
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

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
        acc = acc * np.uint64(1_000_003) + th[j : len(th) - k + 1 + j]
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


@dataclass(frozen=True)
class _MinHash:
    """The near-copy test: Jaccard ``threshold`` over shingles, MinHash of ``num_perm`` values in ``bands``."""

    threshold: float
    num_perm: int
    bands: int
    seed: int


def _exact_pass(
    texts: list[str], days: list[str], min_words: int, k: int, uf: _UnionFind
) -> tuple[list[int], dict[int, np.ndarray]]:
    """Join exact copies (same normalised words; short articles also the same day); return each article's
    exact key (0 when empty) and the shingle hashes of the long ones, by position."""
    exact: dict[int, int] = {}
    exact_key: list[int] = [0] * len(texts)
    long_tokens: dict[int, np.ndarray] = {}
    for i, text in enumerate(texts):
        toks = _tokens(text)
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
            long_tokens[i] = _shingles(toks, k).astype(np.uint32)  # only the shingle hashes are kept
    return exact_key, long_tokens


def _near_pass(
    n: int, long_tokens: dict[int, np.ndarray], mh: _MinHash, uf: _UnionFind, signatures: bool
) -> tuple[dict[tuple[int, int], float], list[bytes | None], list[bytes | None]]:
    """Join near copies of the long articles (LSH buckets of MinHash signatures, then the exact Jaccard);
    return the similarity of each joined pair and, with ``signatures``, each article's MinHash and shingles."""
    sims: dict[tuple[int, int], float] = {}
    minhash: list[bytes | None] = [None] * n
    shingles: list[bytes | None] = [None] * n
    if not long_tokens:
        return sims, minhash, shingles
    rng = np.random.RandomState(mh.seed)
    a = rng.randint(1, 1 << 31, size=mh.num_perm).astype(np.uint64)
    b = rng.randint(0, 1 << 31, size=mh.num_perm).astype(np.uint64)
    rows = mh.num_perm // mh.bands
    buckets: list[dict[bytes, list[int]]] = [defaultdict(list) for _ in range(mh.bands)]
    for i, hashes in long_tokens.items():
        sh = hashes.astype(np.uint64)
        sig = (((sh[:, None] * a[None, :]) + b[None, :]) % _MERSENNE & _MAX32).min(axis=0)
        if signatures:
            minhash[i] = sig.astype(np.uint32).tobytes()
            shingles[i] = hashes.tobytes()
        for band in range(mh.bands):
            buckets[band][sig[band * rows : (band + 1) * rows].tobytes()].append(i)
    checked: set[tuple[int, int]] = set()
    for members in (m for table in buckets for m in table.values() if len(m) > 1):
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pair = (members[x], members[y])
                if pair in checked:
                    continue
                checked.add(pair)
                jac = _jaccard(long_tokens[pair[0]], long_tokens[pair[1]])
                if jac >= mh.threshold:
                    uf.union(*pair)
                    sims[pair] = jac
    return sims, minhash, shingles


def _clusters(
    corpus: pd.DataFrame, uf: _UnionFind, sims: dict[tuple[int, int], float], exact_key: list[int]
) -> tuple[list[str | None], np.ndarray, np.ndarray]:
    """Each article's earliest copy (its ``doc_id``), cluster id (-1 alone) and similarity to the earliest."""
    n = len(corpus)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[uf.find(i)].append(i)
    dates = pd.to_datetime(corpus["date"], utc=True)
    date_key = dates.map(lambda d: d.value if pd.notna(d) else np.iinfo(np.int64).max).to_numpy()
    ids = corpus["doc_id"].tolist()
    dup: list[str | None] = [None] * n
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
                sim[i] = sims.get((min(i, first), max(i, first)), 1.0 if exact_key[i] == exact_key[first] else np.nan)
        cid += 1
    return dup, cluster, sim


def find_duplicates(
    corpus: pd.DataFrame,
    threshold: float = 0.7,
    k: int = 5,
    num_perm: int = 64,
    bands: int = 16,
    min_words: int = 30,
    seed: int = 1,
    signatures: bool = False,
) -> pd.DataFrame:
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
    exact_key, long_tokens = _exact_pass([t + " " + x for t, x in zip(titles, texts)], days, min_words, k, uf)
    sims, minhash, shingles = _near_pass(n, long_tokens, _MinHash(threshold, num_perm, bands, seed), uf, signatures)
    dup, cluster, sim = _clusters(corpus, uf, sims, exact_key)
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

#: Columns of a signatures table (one row per article; what :func:`link_duplicates` reads).
SIGNATURE_COLUMNS = ["batch", "order", "doc_id", "date", "exact_key", "minhash", "shingles", "batch_original"]


def batch_signatures(corpus: pd.DataFrame, found: pd.DataFrame, batch: int, first_order: int) -> pd.DataFrame:
    """The signatures table of one batch.

    Args:
        corpus: the batch's CORPUS frame.
        found: :func:`find_duplicates` of it with ``signatures=True``.
        batch: the batch number.
        first_order: the load-order position of the batch's first article in the whole corpus (any
            increasing numbering works: positions only order the articles).

    Returns:
        A frame with :data:`SIGNATURE_COLUMNS`: ``batch`` (int32), ``order`` (int64), ``doc_id``, ``date``
        (UTC), ``exact_key``, ``minhash`` and ``shingles`` (bytes, or missing for short articles) and
        ``batch_original`` (the ``order`` of the copy's original within the batch, -1 for none).
    """
    order = np.arange(first_order, first_order + len(corpus), dtype=np.int64)
    pos = pd.Index(corpus["doc_id"].astype(str)).get_indexer(
        found["duplicate_of"].astype(object).where(found["duplicate_of"].notna(), None)
    )
    return pd.DataFrame(
        {
            "batch": np.full(len(corpus), batch, dtype=np.int32),
            "order": order,
            "doc_id": pd.array(corpus["doc_id"].astype(str).tolist(), dtype="string"),
            "date": pd.Series(pd.to_datetime(corpus["date"], utc=True), dtype="datetime64[ns, UTC]").array,
            "exact_key": found["exact_key"].to_numpy(np.int64),
            "minhash": found["minhash"].to_numpy(),
            "shingles": found["shingles"].to_numpy(),
            "batch_original": np.where(pos >= 0, first_order + pos, -1).astype(np.int64),
        }
    )


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


def _band_keys(sig: np.ndarray, bands: int) -> Iterator[np.ndarray]:
    """One uint64 key per row and band (the band's values mixed with odd multipliers), band by band."""
    rows = sig.shape[1] // bands
    mult = np.array(
        [
            0x9E3779B97F4A7C15,
            0xC2B2AE3D27D4EB4F,
            0x165667B19E3779F9,
            0xD6E8FEB86659FD93,
            0xFF51AFD7ED558CCD,
            0xC4CEB9FE1A85EC53,
            0x85EBCA77C2B2AE63,
            0x27D4EB2F165667C5,
        ],
        dtype=np.uint64,
    )
    with np.errstate(over="ignore"):
        for band in range(bands):
            key = np.full(len(sig), band, dtype=np.uint64)
            for r in range(rows):
                key = key * mult[r % len(mult)] + sig[:, band * rows + r].astype(np.uint64) + np.uint64(r + 1)
            yield key


ShingleLoader = Callable[[pd.DataFrame], Sequence[np.ndarray]]


def _jaccard(s1: np.ndarray, s2: np.ndarray) -> float:
    inter = np.intersect1d(s1, s2, assume_unique=True).size
    union = s1.size + s2.size - inter
    return inter / union if union else 1.0


def _pair_similarity(
    sigs: pd.DataFrame,
    a: np.ndarray,
    b: np.ndarray,
    shingles: ShingleLoader | None,
    sig_a: np.ndarray,
    sig_b: np.ndarray,
) -> np.ndarray:
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


def _signature_table(signatures: pd.DataFrame | Sequence[pd.DataFrame]) -> pd.DataFrame:
    """One table of every batch's signatures, in load order."""
    if isinstance(signatures, pd.DataFrame):
        return signatures.reset_index(drop=True)
    parts = [s for s in signatures if len(s)]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=SIGNATURE_COLUMNS)


def _own_and_exact_links(
    sigs: pd.DataFrame, order: np.ndarray, keys: np.ndarray
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Links (positions) of each batch's own clusters and of identical words (the key holds the day of short
    articles) across the whole table."""
    n = len(sigs)
    orig = sigs["batch_original"].to_numpy(np.int64)
    has = np.flatnonzero(orig >= 0)
    codes, _ = pd.factorize(keys)
    first = np.full(codes.max() + 1 if n else 0, n, dtype=np.int64)
    np.minimum.at(first, codes, np.arange(n))
    first = first[codes]
    pick = (keys != 0) & (first != np.arange(n))
    return [has, np.flatnonzero(pick)], [np.searchsorted(order, orig[has]), first[pick]]


@dataclass(frozen=True)
class _LinkCheck:
    """How near copies across batches are found: LSH ``bands``, buckets above ``max_bucket`` checked against
    their first member only, a Jaccard ``threshold`` over the ``shingles`` (or the MinHash estimate)."""

    threshold: float
    bands: int
    max_bucket: int
    shingles: ShingleLoader | None


def _bucket_pairs(sig: np.ndarray, bands: int, max_bucket: int) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Candidate pairs (rows of ``sig``) sharing an LSH band; a big bucket pairs with its first member only."""
    pairs_a: list[np.ndarray] = []
    pairs_b: list[np.ndarray] = []
    for key in _band_keys(sig, bands):
        codes, _ = pd.factorize(key)
        counts = np.bincount(codes)
        multi = np.flatnonzero(counts[codes] > 1)
        if not len(multi):
            continue
        grouped = multi[np.argsort(codes[multi], kind="stable")]
        bounds = np.flatnonzero(np.diff(codes[grouped])) + 1
        for members in np.split(grouped, bounds):
            if len(members) > max_bucket:
                pairs_a.append(np.repeat(members[0], len(members) - 1))
                pairs_b.append(members[1:])
            else:
                x, y = np.triu_indices(len(members), 1)
                pairs_a.append(members[x])
                pairs_b.append(members[y])
    return pairs_a, pairs_b


def _near_links(
    sigs: pd.DataFrame, long: np.ndarray, sig: np.ndarray, batch: np.ndarray, check: _LinkCheck
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidate pairs of long articles in different batches (table positions) and which are near copies."""
    pairs_a, pairs_b = _bucket_pairs(sig, check.bands, check.max_bucket)
    none = np.zeros(0, dtype=np.int64)
    if not pairs_a:
        return none, none, np.zeros(0, dtype=bool)
    pa_, pb_ = np.concatenate(pairs_a), np.concatenate(pairs_b)
    pair = np.unique(np.stack([np.minimum(pa_, pb_), np.maximum(pa_, pb_)], axis=1), axis=0)
    ga, gb = long[pair[:, 0]], long[pair[:, 1]]
    other = batch[ga] != batch[gb]  # within a batch the batch's own check has spoken
    pair, ga, gb = pair[other], ga[other], gb[other]
    if not len(pair):
        return none, none, np.zeros(0, dtype=bool)
    sim = _pair_similarity(sigs, ga, gb, check.shingles, sig[pair[:, 0]], sig[pair[:, 1]])
    return ga, gb, sim >= check.threshold


def _originals(sigs: pd.DataFrame, comp: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each article's original (the earliest of its component by date, undated last, then load order),
    whether it is a copy, and its cluster id (-1 alone)."""
    n = len(sigs)
    dates = pd.to_datetime(sigs["date"], utc=True)
    date_key = np.where(
        dates.isna().to_numpy(), np.iinfo(np.int64).max, dates.to_numpy(dtype="datetime64[ns]").view(np.int64)
    )
    rank = np.lexsort((np.arange(n), date_key, comp))  # by component, then date, then position
    root_of = np.empty(comp.max() + 1 if n else 0, dtype=np.int64)
    is_first = np.ones(n, dtype=bool)
    is_first[1:] = comp[rank][1:] != comp[rank][:-1]
    root_of[comp[rank][is_first]] = rank[is_first]
    root = root_of[comp]
    in_cluster = np.bincount(comp)[comp] > 1
    cluster = np.full(n, -1, dtype=np.int64)
    if in_cluster.any():
        cluster[in_cluster] = pd.factorize(comp[in_cluster])[0]
    return root, in_cluster & (root != np.arange(n)), cluster


def _copy_similarity(
    sigs: pd.DataFrame,
    copies: np.ndarray,
    root: np.ndarray,
    keys: np.ndarray,
    minhash: tuple[np.ndarray, np.ndarray],
    shingles: ShingleLoader | None,
) -> np.ndarray:
    """Each copy's similarity to its original: 1.0 for identical words, else the Jaccard (or estimate)."""
    n = len(sigs)
    long, sig = minhash
    similarity = np.full(n, np.nan)
    if not len(copies):
        return similarity
    same = keys[copies] == keys[root[copies]]
    similarity[copies[same]] = 1.0
    rest = copies[~same]
    pos = np.full(n, -1, dtype=np.int64)
    pos[long] = np.arange(len(long))
    if len(rest) and len(long) > 1:
        pa_, pb_ = pos[rest], pos[root[rest]]
        ok = (pa_ >= 0) & (pb_ >= 0)
        similarity[rest[ok]] = _pair_similarity(sigs, rest[ok], root[rest[ok]], shingles, sig[pa_[ok]], sig[pb_[ok]])
    return similarity


def link_duplicates(
    signatures: pd.DataFrame | Sequence[pd.DataFrame],
    threshold: float = 0.7,
    bands: int = 16,
    max_bucket: int = 50,
    shingles: ShingleLoader | None = None,
    minhash: tuple[np.ndarray, np.ndarray] | None = None,
) -> pd.DataFrame:
    """Cluster copies across batches, keeping every batch's own decisions.

    Copies within a batch were found by :func:`find_duplicates`; this adds exact copies (same key) and near
    copies (an LSH band in common, then a Jaccard similarity of the shingles of at least ``threshold``) in
    different batches, then takes connected components over all of them: the clusters one
    :func:`find_duplicates` over the whole corpus gives. A corpus in one batch comes out as it was.

    Args:
        signatures: the signatures tables of all batches (:func:`batch_signatures`), or their concatenation,
            in load order.
        threshold: minimum Jaccard similarity for a near copy across batches.
        bands: LSH bands (as in :func:`find_duplicates`).
        max_bucket: an LSH bucket with more articles than this (boilerplate shared by many) is checked
            against its first member only, not pair by pair.
        shingles: where the shingles are when the table has no ``shingles`` column: a function given a
            frame of ``batch`` and ``order`` that returns their shingle arrays (the streaming path reads
            them from disk batch by batch). Without either, pairs are checked with the MinHash estimate
            (share of equal signature values; standard error about 0.06 near 0.7).
        minhash: the signatures as :func:`minhash_matrix` returns them, when the table has no ``minhash``
            column (the streaming path reads them without one Python object per article).

    Returns:
        A frame aligned with the signatures: ``batch``, ``order``, ``doc_id``, ``duplicate_of`` (the
        earliest copy by date, undated last, ties by load order), ``original`` (its ``order``, -1 for
        none), ``cluster`` (-1 for singletons), ``similarity`` (Jaccard to the earliest; 1.0 for identical
        words) and ``across`` (True when the copy's original is in another batch).

    Raises:
        ValueError: the signatures are not in load order.
    """
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    sigs = _signature_table(signatures)
    order = sigs["order"].to_numpy(np.int64)
    if len(order) > 1 and not (np.diff(order) > 0).all():
        raise ValueError("link_duplicates: signatures must come in load order (increasing 'order')")
    n = len(sigs)
    batch = sigs["batch"].to_numpy(np.int64)
    keys = sigs["exact_key"].to_numpy(np.int64)
    src, dst = _own_and_exact_links(sigs, order, keys)
    long, sig = minhash if minhash is not None else minhash_matrix(sigs["minhash"].to_numpy())
    if len(long) > 1:  # near copies in other batches: LSH buckets, checked with the shingles
        ga, gb, ok = _near_links(sigs, long, sig, batch, _LinkCheck(threshold, bands, max_bucket, shingles))
        src.append(ga[ok])
        dst.append(gb[ok])
    a, b = np.concatenate(src), np.concatenate(dst)
    _, comp = connected_components(coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n)), directed=False)
    root, is_copy, cluster = _originals(sigs, comp)
    ids = pd.array(sigs["doc_id"], dtype="string")
    copies = np.flatnonzero(is_copy)
    dup = pd.array([pd.NA] * n, dtype="string")
    if len(copies):
        dup[copies] = ids.take(root[copies])
    similarity = _copy_similarity(sigs, copies, root, keys, (long, sig), shingles)
    return pd.DataFrame(
        {
            "batch": batch.astype(np.int32),
            "order": order,
            "doc_id": ids,
            "duplicate_of": dup,
            "original": np.where(is_copy, order[root], -1),
            "cluster": cluster,
            "similarity": similarity,
            "across": is_copy & (batch[root] != batch),
        }
    )
