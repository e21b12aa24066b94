"""Find syndicated copies: exact and near-duplicate articles, in linear time.

Method (documented threshold):

- **Exact copies**: the same normalised title and text (case, punctuation and spacing folded). When an
  article has almost no body (a headline-only corpus), the *day* of publication is part of the key, so
  a recurring headline such as "Politics live" on different days is not a copy.
- **Near copies** (articles of at least ``min_words`` words): word 5-shingles of title and text,
  MinHash signatures (``num_perm`` 64, seeded, deterministic; computed by :mod:`helpers.minhash` over many
  articles at once, in ``n_jobs`` worker processes, the same numbers either way) and locality-sensitive
  hashing with 16 bands of 4 rows; every candidate pair is then checked with the exact Jaccard similarity of the
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

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import minhash as _mh
from .minhash import Shingling, jaccard, minhash_matrix  # noqa: F401 - minhash_matrix: re-exported


def _components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Connected component of each of ``n`` articles, given links ``a[k] - b[k]``."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    return connected_components(graph, directed=False)[1]


def _first_of_key(keys: np.ndarray) -> np.ndarray:
    """For each article, the position of the first article with the same key."""
    n = len(keys)
    codes, _ = pd.factorize(keys)
    first = np.full(codes.max() + 1 if n else 0, n, dtype=np.int64)
    np.minimum.at(first, codes, np.arange(n))
    return first[codes]


def _band_codes(sig: np.ndarray, bands: int) -> Iterator[np.ndarray]:
    """Per band, one int64 code per row: equal codes exactly when the band's values are all equal."""
    rows = sig.shape[1] // bands
    for band in range(bands):
        cols = sig[:, band * rows : (band + 1) * rows].astype(np.uint64)
        codes = np.zeros(len(sig), dtype=np.int64)
        for r in range(0, rows, 2):  # two 32-bit values per 64-bit word, then fold the codes together
            word = cols[:, r] << np.uint64(32) | (cols[:, r + 1] if r + 1 < rows else np.uint64(0))
            part, seen = pd.factorize(word)
            codes, _ = pd.factorize(codes * (len(seen) + 1) + part)
        yield codes


def _bucket_pairs(sig: np.ndarray, bands: int, max_bucket: int | None) -> np.ndarray:
    """Distinct candidate pairs (rows of ``sig``, smaller first) sharing an LSH band; a bucket of more than
    ``max_bucket`` rows pairs with its first member only (``None``: every pair)."""
    pairs_a: list[np.ndarray] = []
    pairs_b: list[np.ndarray] = []
    for codes in _band_codes(sig, bands):
        counts = np.bincount(codes)
        multi = np.flatnonzero(counts[codes] > 1)
        if not len(multi):
            continue
        grouped = multi[np.argsort(codes[multi], kind="stable")]
        bounds = np.flatnonzero(np.diff(codes[grouped])) + 1
        for members in np.split(grouped, bounds):
            if max_bucket is not None and len(members) > max_bucket:
                pairs_a.append(np.repeat(members[0], len(members) - 1))
                pairs_b.append(members[1:])
            else:
                x, y = np.triu_indices(len(members), 1)
                pairs_a.append(members[x])
                pairs_b.append(members[y])
    if not pairs_a:
        return np.zeros((0, 2), dtype=np.int64)
    pa_, pb_ = np.concatenate(pairs_a), np.concatenate(pairs_b)
    return np.unique(np.stack([np.minimum(pa_, pb_), np.maximum(pa_, pb_)], axis=1), axis=0)


def _near_pairs(hashes: _mh.ArticleHashes, bands: int, threshold: float) -> tuple[np.ndarray, np.ndarray]:
    """Near copies among the long articles: pairs (article positions) sharing an LSH band whose shingles have a
    Jaccard similarity of at least ``threshold``, and that similarity."""
    pair = _bucket_pairs(hashes.minhash, bands, None)
    sim = np.array([jaccard(hashes.shingles[x], hashes.shingles[y]) for x, y in pair.tolist()], dtype=float)
    keep = sim >= threshold
    return hashes.long[pair[keep]], sim[keep]


def _copy_sims(
    copies: np.ndarray, root: np.ndarray, keys: np.ndarray, near: np.ndarray, near_sim: np.ndarray
) -> np.ndarray:
    """Each copy's similarity to its original: the Jaccard of a near pair that joined them, else 1.0 for the
    same words, else missing (a copy joined through others)."""
    sims = dict(zip(map(tuple, near.tolist()), near_sim.tolist()))
    out = np.full(len(keys), np.nan)
    for i, first in zip(copies.tolist(), root[copies].tolist()):
        out[i] = sims.get((min(i, first), max(i, first)), 1.0 if keys[i] == keys[first] else np.nan)
    return out


def find_duplicates(
    corpus: pd.DataFrame,
    threshold: float = 0.7,
    *,
    signatures: bool = False,
    n_jobs: int = 1,
    shingling: Shingling | None = None,
    bands: int = 16,
) -> pd.DataFrame:
    """Cluster exact and near-duplicate articles.

    Args:
        corpus: a frame with ``doc_id``, ``title``, ``text``, ``date`` (in load order).
        threshold: minimum Jaccard similarity of word ``k``-shingles for a near copy.
        signatures: also return what :func:`link_duplicates` needs to find copies in other batches.
        n_jobs: worker processes for the shingles and signatures (``-1``: all cores); the same clusters.
        shingling: shingle length ``k`` (5 words), ``min_words`` (30: shorter articles are matched exactly
            only, with their day), ``num_perm`` (64, a multiple of ``bands``) and ``seed`` (1) of MinHash.
        bands: LSH bands.

    Returns:
        A frame aligned with ``corpus``: ``duplicate_of`` (the earliest copy's ``doc_id`` or missing),
        ``cluster`` (an int id shared by copies, -1 for singletons) and ``similarity`` (to the earliest);
        with ``signatures``, also ``exact_key`` (int64 key of the normalised words, with the day for short
        articles; 0 for an empty one), ``minhash`` (``num_perm`` uint32 values as bytes) and ``shingles``
        (the distinct uint32 shingle hashes as bytes); both missing for short articles.
    """
    titles = corpus["title"].fillna("").astype(str).tolist()
    texts = corpus["text"].fillna("").astype(str).tolist()
    days = pd.to_datetime(corpus["date"], utc=True).dt.strftime("%Y-%m-%d").fillna("").tolist()
    hashes = _mh.hash_articles_parallel(
        [t + " " + x for t, x in zip(titles, texts)], days, shingling or Shingling(), n_jobs
    )
    out = _cluster_frame(corpus, hashes, bands, threshold)
    if signatures:
        _add_signatures(out, hashes)
    return out


def _cluster_frame(corpus: pd.DataFrame, hashes: _mh.ArticleHashes, bands: int, threshold: float) -> pd.DataFrame:
    """``duplicate_of``, ``cluster`` and ``similarity`` from the articles' keys and signatures."""
    n = len(corpus)
    keys = hashes.keys
    first = _first_of_key(keys)
    same = np.flatnonzero((keys != 0) & (first != np.arange(n)))
    near, near_sim = _near_pairs(hashes, bands, threshold)
    comp = _components(n, np.concatenate([first[same], near[:, 0]]), np.concatenate([same, near[:, 1]]))
    root, is_copy, cluster = _originals(pd.DataFrame({"date": corpus["date"].reset_index(drop=True)}), comp)
    copies = np.flatnonzero(is_copy)
    dup = pd.array([pd.NA] * n, dtype="string")
    if len(copies):
        dup[copies] = pd.array(corpus["doc_id"].astype(str).to_numpy()[root[copies]], dtype="string")
    return pd.DataFrame(
        {"duplicate_of": dup, "cluster": cluster, "similarity": _copy_sims(copies, root, keys, near, near_sim)},
        index=corpus.index,
    )


def _add_signatures(out: pd.DataFrame, hashes: _mh.ArticleHashes) -> None:
    """Add ``exact_key``, ``minhash`` and ``shingles`` (bytes; missing for short articles) to ``out``."""
    minhash: list[bytes | None] = [None] * len(out)
    shingles: list[bytes | None] = [None] * len(out)
    for j, i in enumerate(hashes.long.tolist()):
        minhash[i] = hashes.minhash[j].astype(np.uint32).tobytes()
        shingles[i] = hashes.shingles[j].tobytes()
    out["exact_key"] = hashes.keys
    out["minhash"] = pd.Series(minhash, index=out.index, dtype=object)
    out["shingles"] = pd.Series(shingles, index=out.index, dtype=object)


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


ShingleLoader = Callable[[pd.DataFrame], Sequence[np.ndarray]]


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
    return np.array([jaccard(x, y) for x, y in zip(sa, sb)], dtype=float)


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
    orig = sigs["batch_original"].to_numpy(np.int64)
    has = np.flatnonzero(orig >= 0)
    first = _first_of_key(keys)
    pick = (keys != 0) & (first != np.arange(len(sigs)))
    return [has, np.flatnonzero(pick)], [np.searchsorted(order, orig[has]), first[pick]]


@dataclass(frozen=True)
class _LinkCheck:
    """How near copies across batches are found: LSH ``bands``, buckets above ``max_bucket`` checked against
    their first member only, a Jaccard ``threshold`` over the ``shingles`` (or the MinHash estimate)."""

    threshold: float
    bands: int
    max_bucket: int
    shingles: ShingleLoader | None


def _near_links(
    sigs: pd.DataFrame, long: np.ndarray, sig: np.ndarray, batch: np.ndarray, check: _LinkCheck
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Candidate pairs of long articles in different batches (table positions) and which are near copies."""
    pair = _bucket_pairs(sig, check.bands, check.max_bucket)
    none = np.zeros(0, dtype=np.int64)
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
    sigs = _signature_table(signatures)
    order = sigs["order"].to_numpy(np.int64)
    if len(order) > 1 and not (np.diff(order) > 0).all():
        raise ValueError("link_duplicates: signatures must come in load order (increasing 'order')")
    matrix = minhash if minhash is not None else minhash_matrix(sigs["minhash"].to_numpy())
    check = _LinkCheck(threshold, bands, max_bucket, shingles)
    comp = _link_components(sigs, order, matrix, check)
    return _linked_frame(sigs, order, comp, matrix, shingles)


def _link_components(
    sigs: pd.DataFrame, order: np.ndarray, minhash: tuple[np.ndarray, np.ndarray], check: _LinkCheck
) -> np.ndarray:
    """The component of each row of the signatures table over the batches' own links, identical words and
    near copies in other batches."""
    batch = sigs["batch"].to_numpy(np.int64)
    src, dst = _own_and_exact_links(sigs, order, sigs["exact_key"].to_numpy(np.int64))
    long, sig = minhash
    if len(long) > 1:  # near copies in other batches: LSH buckets, checked with the shingles
        ga, gb, ok = _near_links(sigs, long, sig, batch, check)
        src.append(ga[ok])
        dst.append(gb[ok])
    return _components(len(sigs), np.concatenate(src), np.concatenate(dst))


def _linked_frame(
    sigs: pd.DataFrame,
    order: np.ndarray,
    comp: np.ndarray,
    minhash: tuple[np.ndarray, np.ndarray],
    shingles: ShingleLoader | None,
) -> pd.DataFrame:
    """The result of :func:`link_duplicates` from the components: originals, clusters and similarities."""
    n = len(sigs)
    batch = sigs["batch"].to_numpy(np.int64)
    root, is_copy, cluster = _originals(sigs, comp)
    ids = pd.array(sigs["doc_id"], dtype="string")
    copies = np.flatnonzero(is_copy)
    dup = pd.array([pd.NA] * n, dtype="string")
    if len(copies):
        dup[copies] = ids.take(root[copies])
    keys = sigs["exact_key"].to_numpy(np.int64)
    similarity = _copy_similarity(sigs, copies, root, keys, minhash, shingles)
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
