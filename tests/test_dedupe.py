"""Unit tests of helpers.dedupe: exact and near copies within a corpus, signatures and linking across batches."""

from __future__ import annotations

import dedupe_reference as ref
import numpy as np
import pandas as pd
import pytest

from helpers import dedupe

VOCAB = (
    "army rebels town talks ceasefire border aid convoy shelling council ministry envoy north south river "
    "bridge market hospital school village road checkpoint airport province capital offensive"
).split()


def _article(seed: int, n: int = 80) -> str:
    rng = np.random.default_rng(seed)
    return " ".join(VOCAB[i] + str(j) for i, j in zip(rng.integers(0, len(VOCAB), n), rng.integers(0, 50, n)))


def _corpus(texts, dates=None, titles=None) -> pd.DataFrame:
    n = len(texts)
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(n)],
            "title": titles or [""] * n,
            "text": texts,
            "date": pd.to_datetime(dates or [f"2024-01-{i + 1:02d}" for i in range(n)], utc=True),
        }
    )


# ------------------------------------------------------------------------------------------ find_duplicates


def test_exact_copies_fold_case_punctuation_and_spacing():
    a = _article(1)
    corpus = _corpus([a, a.upper().replace(" ", "  ,"), _article(2)])
    out = dedupe.find_duplicates(corpus)
    assert out["duplicate_of"].isna().tolist() == [True, False, True]
    assert out.loc[1, "duplicate_of"] == "d0"
    assert out["cluster"].tolist() == [0, 0, -1]
    assert out.loc[1, "similarity"] == 1.0
    assert np.isnan(out.loc[0, "similarity"]) and np.isnan(out.loc[2, "similarity"])
    assert list(out.index) == list(corpus.index)


def test_the_earliest_copy_is_the_original_and_undated_come_last():
    a = _article(3)
    corpus = _corpus([a, a, a], dates=[None, "2024-03-05", "2024-03-01"])
    out = dedupe.find_duplicates(corpus)
    assert pd.isna(out.loc[2, "duplicate_of"])
    assert out.loc[0, "duplicate_of"] == "d2" and out.loc[1, "duplicate_of"] == "d2"


def test_ties_on_date_go_to_load_order():
    a = _article(4)
    corpus = _corpus([a, a], dates=["2024-03-01", "2024-03-01"])
    out = dedupe.find_duplicates(corpus)
    assert pd.isna(out.loc[0, "duplicate_of"]) and out.loc[1, "duplicate_of"] == "d0"


def test_short_articles_are_copies_only_on_the_same_day():
    corpus = _corpus(
        ["Politics live", "Politics live", "Politics live"], dates=["2024-01-01", "2024-01-02", "2024-01-02"]
    )
    out = dedupe.find_duplicates(corpus)
    assert out["duplicate_of"].isna().tolist() == [True, True, False]
    assert out.loc[2, "duplicate_of"] == "d1"
    assert out["cluster"].tolist() == [-1, 0, 0]


def test_near_copy_over_threshold_is_found_with_its_jaccard():
    base = _article(5, n=120).split()
    edited = list(base)
    edited[60] = "changed"  # one word changed: 5 of the 116 shingles differ
    corpus = _corpus([" ".join(base), " ".join(edited), _article(6, n=120)])
    out = dedupe.find_duplicates(corpus)
    assert out.loc[1, "duplicate_of"] == "d0"
    assert pd.isna(out.loc[2, "duplicate_of"])
    # exact Jaccard: 111 shared shingles of 116 + 5 = 121 distinct
    assert out.loc[1, "similarity"] == pytest.approx(111 / 121)


def test_threshold_decides_near_copies():
    base = _article(7, n=100).split()
    edited = list(base)
    for k in range(0, 100, 10):
        edited[k] = f"x{k}"  # ten scattered edits: most shingles differ
    corpus = _corpus([" ".join(base), " ".join(edited)])
    assert dedupe.find_duplicates(corpus)["duplicate_of"].isna().all()
    assert dedupe.find_duplicates(corpus, threshold=0.0)["duplicate_of"].isna().sum() >= 1


def test_empty_articles_and_empty_corpus():
    corpus = _corpus(["", ""], titles=["", ""])
    out = dedupe.find_duplicates(corpus, signatures=True)
    assert out["duplicate_of"].isna().all() and out["cluster"].tolist() == [-1, -1]
    assert out["exact_key"].tolist() == [0, 0]
    empty = dedupe.find_duplicates(_corpus([]))
    assert len(empty) == 0 and list(empty.columns) == ["duplicate_of", "cluster", "similarity"]


def test_signatures_are_deterministic_and_missing_for_short_articles():
    corpus = _corpus([_article(8), "Short note."])
    one = dedupe.find_duplicates(corpus, signatures=True)
    two = dedupe.find_duplicates(corpus, signatures=True)
    assert one["exact_key"].tolist() == two["exact_key"].tolist()
    assert one.loc[0, "minhash"] == two.loc[0, "minhash"] and len(one.loc[0, "minhash"]) == 64 * 4
    assert len(one.loc[0, "shingles"]) == 4 * len(np.unique(np.frombuffer(one.loc[0, "shingles"], np.uint32)))
    assert one.loc[1, "minhash"] is None and one.loc[1, "shingles"] is None
    assert one.loc[1, "exact_key"] != 0


def test_title_is_part_of_the_text_compared():
    a = _article(9)
    corpus = _corpus([a, a], titles=["One headline", "Another headline"])
    out = dedupe.find_duplicates(corpus)
    assert out.loc[1, "duplicate_of"] == "d0"  # near copy: only the first shingles differ
    assert out.loc[1, "similarity"] < 1.0


# ------------------------------------------------------------------------------------------ across batches


def _sigs(corpus: pd.DataFrame, cuts: list[int]) -> list[pd.DataFrame]:
    out, order = [], 0
    for b, (lo, hi) in enumerate(zip(cuts, cuts[1:])):
        part = corpus.iloc[lo:hi]
        out.append(dedupe.batch_signatures(part, dedupe.find_duplicates(part, signatures=True), b, order))
        order += len(part)
    return out


def test_batch_signatures_columns_and_batch_original():
    a = _article(10)
    corpus = _corpus([_article(11), a, a])
    sig = dedupe.batch_signatures(corpus, dedupe.find_duplicates(corpus, signatures=True), 3, 100)
    assert list(sig.columns) == dedupe.SIGNATURE_COLUMNS
    assert sig["batch"].tolist() == [3, 3, 3] and sig["order"].tolist() == [100, 101, 102]
    assert sig["batch_original"].tolist() == [-1, -1, 101]
    assert str(sig["date"].dtype) == "datetime64[ns, UTC]"


def test_link_duplicates_finds_exact_and_near_copies_across_batches():
    base = _article(12, n=120).split()
    edited = list(base)
    edited[50] = "changed"
    corpus = _corpus([" ".join(base), _article(13), _article(12, n=120), " ".join(edited)])
    linked = dedupe.link_duplicates(_sigs(corpus, [0, 2, 4]))
    assert linked["duplicate_of"].isna().tolist() == [True, True, False, False]
    assert linked.loc[2, "duplicate_of"] == "d0" and linked.loc[3, "duplicate_of"] == "d0"
    assert linked["original"].tolist() == [-1, -1, 0, 0]
    assert linked["across"].tolist() == [False, False, True, True]
    assert linked.loc[2, "similarity"] == 1.0
    assert linked.loc[3, "similarity"] == pytest.approx(111 / 121)
    assert linked["cluster"].tolist() == [0, -1, 0, 0]


def test_link_duplicates_of_one_batch_keeps_its_decisions():
    a = _article(14)
    corpus = _corpus([a, _article(15), a])
    whole = dedupe.find_duplicates(corpus)
    linked = dedupe.link_duplicates(_sigs(corpus, [0, 3])[0])
    assert linked["duplicate_of"].fillna("").tolist() == whole["duplicate_of"].fillna("").tolist()
    assert not linked["across"].any()


def test_link_duplicates_with_a_shingle_loader():
    base = _article(16, n=120).split()
    edited = list(base)
    edited[40] = "changed"
    corpus = _corpus([" ".join(base), " ".join(edited)])
    sigs = _sigs(corpus, [0, 1, 2])
    store = {
        (int(s["batch"].iloc[0]), int(s["order"].iloc[0])): np.frombuffer(s["shingles"].iloc[0], np.uint32)
        for s in sigs
    }
    calls = []

    def loader(keys: pd.DataFrame):
        calls.append(len(keys))
        return [store[(int(b), int(o))] for b, o in zip(keys["batch"], keys["order"])]

    light = [s.drop(columns="shingles") for s in sigs]
    linked = dedupe.link_duplicates(light, shingles=loader)
    assert linked.loc[1, "duplicate_of"] == "d0"
    assert linked.loc[1, "similarity"] == pytest.approx(111 / 121)
    assert calls


def test_link_duplicates_refuses_signatures_out_of_order():
    corpus = _corpus([_article(17), _article(18)])
    sigs = _sigs(corpus, [0, 1, 2])
    with pytest.raises(ValueError, match="load order"):
        dedupe.link_duplicates(sigs[::-1])


def test_link_duplicates_of_nothing():
    out = dedupe.link_duplicates([])
    assert len(out) == 0
    assert list(out.columns) == [
        "batch",
        "order",
        "doc_id",
        "duplicate_of",
        "original",
        "cluster",
        "similarity",
        "across",
    ]


# ------------------------------------------------------------------------------------------ minhash_matrix


def test_minhash_matrix_from_python_values():
    sig = np.arange(8, dtype=np.uint32)
    rows, matrix = dedupe.minhash_matrix([None, sig.tobytes(), np.nan, (sig + 1).tobytes(), pd.NA])
    assert rows.tolist() == [1, 3]
    assert matrix.shape == (2, 8) and matrix[1].tolist() == list(range(1, 9))


def test_minhash_matrix_of_no_signatures():
    rows, matrix = dedupe.minhash_matrix([None, None])
    assert rows.tolist() == [] and matrix.shape == (0, 0)


def test_minhash_matrix_from_pyarrow_matches_the_python_path():
    pa = pytest.importorskip("pyarrow")
    sig = np.arange(8, dtype=np.uint32)
    vals = [None, sig.tobytes(), (sig * 3).tobytes(), None]
    chunked = pa.chunked_array(
        [pa.array(vals[:2], pa.binary()), pa.array([None], pa.binary()), pa.array(vals[2:], pa.binary())]
    )
    rows, matrix = dedupe.minhash_matrix(chunked)
    assert rows.tolist() == [1, 3]
    assert matrix.tolist() == [sig.tolist(), (sig * 3).tolist()]
    rows, matrix = dedupe.minhash_matrix(pa.array(vals, pa.large_binary()))
    assert rows.tolist() == [1, 2] and matrix.tolist() == [sig.tolist(), (sig * 3).tolist()]
    # a chunk sliced from a larger array (non-zero offset)
    sliced = pa.array([sig.tobytes(), None, (sig + 7).tobytes()], pa.binary()).slice(1)
    rows, matrix = dedupe.minhash_matrix(sliced)
    assert rows.tolist() == [1] and matrix.tolist() == [(sig + 7).tolist()]


def test_minhash_matrix_pyarrow_all_missing_chunk_typed_null():
    pa = pytest.importorskip("pyarrow")
    rows, matrix = dedupe.minhash_matrix(pa.chunked_array([pa.nulls(3)]))
    assert rows.tolist() == [] and matrix.shape[0] == 0


# ------------------------------------------------------------------------------------------ same as the plain rule


def _planted(n_bases: int = 40, seed: int = 0) -> pd.DataFrame:
    """Articles with planted copies: exact (case and spacing changed), near (1 to 14 words changed, on both
    sides of the threshold), retitled, and short notes repeated on the same and on other days."""
    rng = np.random.default_rng(seed)
    texts, titles, dates = [], [], []
    for b in range(n_bases):
        base = _article(1000 + b, n=int(rng.integers(60, 160))).split()
        texts.append(" ".join(base))
        titles.append(f"Report {b}")
        dates.append(f"2024-02-{1 + b % 28:02d}")
        for _ in range(int(rng.integers(0, 4))):
            kind = int(rng.integers(4))
            words = list(base)
            if kind == 0:
                text = " ".join(words).upper().replace(" ", "  ")
            elif kind in (1, 2):
                for pos in rng.choice(len(words), size=int(rng.integers(1, 15)), replace=False):
                    words[pos] = f"edit{int(rng.integers(1000))}"
                text = " ".join(words)
            else:
                text = " ".join(words[int(rng.integers(1, 8)) :])
            texts.append(text)
            titles.append(f"Report {b}" if kind != 2 else f"Another title {b}")
            dates.append(f"2024-03-{1 + int(rng.integers(28)):02d}")
    for d in ("2024-04-01", "2024-04-01", "2024-04-02"):
        texts.append("Short note on the talks.")
        titles.append("")
        dates.append(d)
    corpus = _corpus(texts, dates=dates, titles=titles)
    return (
        corpus.sample(frac=1.0, random_state=seed)
        .reset_index(drop=True)
        .assign(doc_id=[f"d{i}" for i in range(len(corpus))])
    )


def _groups(corpus: pd.DataFrame, found: pd.DataFrame) -> list[list[str]]:
    ids = corpus["doc_id"].astype(str)
    return sorted(sorted(g) for _, g in ids[found["cluster"] >= 0].groupby(found["cluster"][found["cluster"] >= 0]))


def test_signatures_and_shingles_equal_the_plain_computation():
    corpus = _planted(12, seed=1)
    found = dedupe.find_duplicates(corpus, signatures=True)
    checked = 0
    for title, text, mh, sh in zip(corpus["title"], corpus["text"], found["minhash"], found["shingles"]):
        if mh is None:
            continue
        want = ref.shingles(title + " " + text)
        assert np.frombuffer(sh, np.uint32).tolist() == want.tolist()
        assert np.frombuffer(mh, np.uint32).tolist() == ref.signature(want).tolist()
        checked += 1
    assert checked >= 12


def test_clusters_equal_the_plain_rule_on_planted_copies():
    corpus = _planted(60, seed=2)
    found = dedupe.find_duplicates(corpus)
    groups = _groups(corpus, found)
    assert groups == ref.clusters(corpus)
    assert len(groups) >= 20  # the planted copies are found...
    sizes = found.groupby("cluster").size().drop(-1)
    assert (sizes >= 2).all() and found["similarity"].between(0.7, 1.0).sum() >= 20
    # ... and some planted edits fall below the threshold, so the test sees both sides
    assert len(groups) < 60 or sum(len(g) for g in groups) < len(corpus) - 60


@pytest.mark.slow  # worker processes: the full suite runs it, the fast one (under a minute) does not
def test_hashes_are_the_same_in_worker_processes_and_in_one():
    from helpers import minhash

    corpus = _planted(30, seed=3)
    texts = (corpus["title"] + " " + corpus["text"]).tolist()
    days = corpus["date"].dt.strftime("%Y-%m-%d").tolist()
    how = minhash.Shingling()
    one = minhash.hash_articles(texts, days, how)
    two = minhash.hash_articles_parallel(texts, days, how, n_jobs=2, chunk_size=17)
    assert one.keys.tolist() == two.keys.tolist() and one.long.tolist() == two.long.tolist()
    assert np.array_equal(one.minhash, two.minhash)
    assert all(np.array_equal(x, y) for x, y in zip(one.shingles, two.shingles))


@pytest.mark.slow  # worker processes: the full suite runs it, the fast one (under a minute) does not
def test_find_duplicates_with_two_workers_gives_the_same_frame():
    corpus = pd.concat([_planted(60, seed=s) for s in range(4, 20)], ignore_index=True)
    corpus["doc_id"] = [f"d{i}" for i in range(len(corpus))]
    assert len(corpus) > 2000  # more than one task of 2,000 articles: the workers run
    one = dedupe.find_duplicates(corpus, signatures=True)
    two = dedupe.find_duplicates(corpus, signatures=True, n_jobs=2)
    pd.testing.assert_frame_equal(one, two)
    assert (one["cluster"] >= 0).sum() > 100


def test_clusters_equal_the_plain_rule_on_the_sample_corpus():
    import helpers as h
    from helpers import config

    corpus = h.load_corpus(config.ROOT / "data" / "sample", dedupe_threshold=None)
    assert len(corpus) >= 20
    assert _groups(corpus, dedupe.find_duplicates(corpus)) == ref.clusters(corpus)


def test_clusters_equal_the_plain_rule_on_fakes(shared_dir):
    import helpers as h

    path = shared_dir / "corpora" / "fa-kes" / "FA-KES-Dataset.csv"
    if not path.is_file():
        pytest.skip(f"no FA-KES file at {path}")
    corpus = h.load_corpus(path, dedupe_threshold=None)
    groups = _groups(corpus, dedupe.find_duplicates(corpus))
    assert groups == ref.clusters(corpus)
    assert groups  # FA-KES carries a few copies
