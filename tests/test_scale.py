"""Scale paths on one machine: n_jobs, streaming batches, the Parquet dataset, the per-file cache.

Every path must give the same rows as the plain ``tag_mentions(load_corpus(...))``; speed is measured in
``bench/``, never asserted here.
"""

from __future__ import annotations

import ast
import json
import logging
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest

import helpers as h
from helpers import config, streaming

KEY = ["doc_id", "field", "start"]
CORPUS_COLS = ["doc_id", "title", "date", "source", "url", "text", "n_chars", "path"]
FAKES = Path("corpora") / "fa-kes" / "FA-KES-Dataset.csv"
NOTEBOOK = config.NOTEBOOKS_DIR / "07-scale-out.ipynb"


def sort(m: pd.DataFrame) -> pd.DataFrame:
    return m.sort_values(KEY, kind="stable").reset_index(drop=True)


@pytest.fixture(scope="module")
def sample():
    c = h.load_corpus(config.SAMPLE_CORPUS)
    return c, h.tag_mentions(c)


@pytest.fixture(scope="module")
def fakes_path(shared_dir):
    path = shared_dir / FAKES
    if not path.is_file():
        pytest.skip(f"no FA-KES file at {path}")
    return path


# ------------------------------------------------------------------------------------------- n_jobs


@pytest.mark.slow
def test_n_jobs_identical_on_the_sample(sample):
    corpus, one = sample
    two = h.tag_mentions(corpus, n_jobs=2, options=h.TagOptions(chunk_size=10))  # 8 chunks over 2 processes
    assert len(corpus) > 10 and len(one) > 500
    pd.testing.assert_frame_equal(sort(two), sort(one))


@pytest.mark.slow
def test_n_jobs_identical_on_fakes(fakes_path):
    corpus = h.load_corpus(fakes_path)
    one = h.tag_mentions(corpus)
    two = h.tag_mentions(corpus, n_jobs=2, options=h.TagOptions(chunk_size=150))
    assert len(one) > 1000
    pd.testing.assert_frame_equal(sort(two), sort(one))


@pytest.mark.slow
@pytest.mark.parametrize("how", ["piped", "unguarded file"])
def test_n_jobs_from_any_script_runs_its_top_level_once(sample, tmp_path, how):
    # workers must never re-run the caller's script: not one piped into "python -" (no file to import), not
    # one without an `if __name__ == "__main__":` guard
    import subprocess
    import sys

    script = (
        "import helpers as h\n"
        "print('TOP LEVEL')\n"
        "c = h.load_corpus(h.config.SAMPLE_CORPUS)\n"
        "m = h.tag_mentions(c, n_jobs=2, options=h.TagOptions(chunk_size=10))\n"
        "s = h.extract_support(c, m, n_jobs=2, options=h.SupportOptions(chunk_size=10))\n"
        "print(len(m), len(s))\n"
    )
    if how == "piped":
        run = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, timeout=300)
    else:
        path = tmp_path / "unguarded.py"
        path.write_text(script)
        run = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    assert run.stdout.count("TOP LEVEL") == 1, run.stdout
    n_mentions, n_support = map(int, run.stdout.split()[-2:])
    assert n_mentions == len(sample[1])
    assert n_support == len(h.extract_support(*sample))


# ---------------------------------------------------------------------------------------- streaming


@pytest.mark.parametrize("batch_size", [7, 10])
def test_iter_corpus_batches_concatenate_to_load_corpus(sample, batch_size):
    full = sample[0]
    pieces = streaming.plan_pieces(config.SAMPLE_CORPUS, batch_size)
    assert {p.kind for p in pieces} == {"file", "lines"}, "wire.csv and feed.jsonl are cut into line ranges"
    batches = list(h.iter_corpus(config.SAMPLE_CORPUS, batch_size=batch_size))
    assert len(batches) > 3
    assert all(len(b) <= batch_size for b in batches)
    cat = pd.concat(batches, ignore_index=True)
    pd.testing.assert_frame_equal(cat[CORPUS_COLS], full[CORPUS_COLS])
    assert list(cat.columns) == list(full.columns) and (cat.dtypes == full.dtypes).all()
    # site template lines are found over the whole corpus, as load_corpus finds them
    assert (full.attrs["load_report"].removed_lines["rule"] == "repeated in source").any()
    # duplicates are flagged within a batch: every duplicate_of points into its own batch
    for b in batches:
        assert set(b["duplicate_of"].dropna()) <= set(b["doc_id"])
        assert isinstance(b.attrs["load_report"], h.LoadReport)


def test_one_batch_is_exactly_load_corpus(sample):
    (only,) = list(h.iter_corpus(config.SAMPLE_CORPUS, batch_size=10_000))
    pd.testing.assert_frame_equal(only, sample[0])
    assert only["duplicate_of"].notna().sum() == sample[0]["duplicate_of"].notna().sum() > 0


@pytest.mark.slow
def test_line_ranges_keep_ids_across_encodings_and_formats(sample, tmp_path):
    c = sample[0]
    df = pd.DataFrame(
        {
            "headline": c["title"].astype(str),
            "published": c["date"].astype(str),
            "body": c["text"].astype(str) + " Erdo\u011fan caf\u00e9",
            "outlet": c["source"].astype(str),
        }
    )
    (tmp_path / "cp1252_crlf.csv").write_bytes(
        df.to_csv(index=False, lineterminator="\r\n").encode("cp1252", errors="replace")
    )
    (tmp_path / "bom.tsv").write_bytes(b"\xef\xbb\xbf" + df.to_csv(index=False, sep="\t").encode("utf-8"))
    lines = df.to_json(orient="records", lines=True).splitlines()
    lines[4:4] = ["", "{not json", "   "]
    (tmp_path / "gaps.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    df.to_parquet(tmp_path / "groups.parquet", row_group_size=10)
    for f in sorted(tmp_path.iterdir()):
        full = h.load_corpus(f)
        batches = list(h.iter_corpus(f, batch_size=12))
        assert len(batches) >= 6, f.name
        pd.testing.assert_frame_equal(pd.concat(batches, ignore_index=True)[CORPUS_COLS], full[CORPUS_COLS])
        assert sum(b.attrs["load_report"].encodings == full.attrs["load_report"].encodings for b in batches) == len(
            batches
        ), f.name


def test_tag_to_parquet_round_trip(sample, tmp_path):
    corpus, mentions = sample
    out = h.tag_to_parquet(config.SAMPLE_CORPUS, tmp_path / "ds", batch_size=10_000)
    back = h.read_mentions(out)
    pd.testing.assert_frame_equal(sort(back), sort(mentions))  # dtypes too: categoricals, int32, UTC
    months = {p.name for p in out.glob("month=*")}
    assert months == {f"month={m}" for m in mentions["date"].dt.strftime("%Y-%m").unique()}
    meta = json.loads((out / "_meta.json").read_text())
    assert meta["complete"] and meta["mentions"] == len(mentions) and meta["articles"] == len(corpus)
    some = h.read_mentions(
        out, columns=["doc_id", "entity"], filters=[("month", "==", "2024-12"), ("entity", "==", "hts")]
    )
    expect = mentions[(mentions["date"].dt.strftime("%Y-%m") == "2024-12") & (mentions["entity"] == "hts")]
    assert list(some.columns) == ["doc_id", "entity"] and len(some) == len(expect) > 0
    assert some["entity"].dtype == mentions["entity"].dtype


@pytest.mark.slow
def test_tag_to_parquet_in_batches_equals_tagging_each_batch(tmp_path):
    out = h.tag_to_parquet(config.SAMPLE_CORPUS, tmp_path / "ds", batch_size=10, link_batches=False)
    parts = [h.tag_mentions(b) for b in h.iter_corpus(config.SAMPLE_CORPUS, batch_size=10)]
    pd.testing.assert_frame_equal(sort(h.read_mentions(out)), sort(streaming.concat_mentions(parts)))
    with pytest.raises(FileExistsError):
        h.tag_to_parquet(config.SAMPLE_CORPUS, tmp_path / "ds", batch_size=10)


@pytest.mark.slow
@pytest.mark.parametrize("batch_size", [7, 20])
def test_copies_are_linked_across_batches(sample, tmp_path, batch_size):
    # every copy in the sample has its original in another batch at size 7; linking recovers exactly
    # what one load_corpus call finds, and the written mentions carry it
    corpus, mentions = sample
    out = h.tag_to_parquet(config.SAMPLE_CORPUS, tmp_path / "ds", batch_size=batch_size)
    pd.testing.assert_frame_equal(sort(h.read_mentions(out)), sort(mentions))
    meta = json.loads((out / "_meta.json").read_text())
    assert meta["duplicates"] == corpus["duplicate_of"].notna().sum() == 8
    assert meta["duplicates_across_batches"] > 0 and meta["articles_relinked"] >= meta["duplicates_across_batches"]
    dups = pd.read_parquet(out / streaming.DUPLICATES_FILE)
    expect = corpus.loc[corpus["duplicate_of"].notna()].set_index("doc_id")["duplicate_of"]
    got = dups.dropna(subset=["duplicate_of"]).set_index("doc_id")["duplicate_of"]
    pd.testing.assert_series_equal(got.sort_index(), expect.sort_index(), check_names=False, check_dtype=False)
    assert dups["similarity"].dropna().between(0.7, 1.0).all()
    assert not (out / streaming.SIGNATURES_DIR).exists()


@pytest.mark.slow
def test_copies_linked_across_batches_on_fakes(fakes_path, tmp_path):
    corpus = h.load_corpus(fakes_path)
    out = h.tag_to_parquet(fakes_path, tmp_path / "ds", batch_size=100)
    meta = json.loads((out / "_meta.json").read_text())
    assert meta["batches"] > 5 and meta["duplicates_across_batches"] > 5
    dups = pd.read_parquet(out / streaming.DUPLICATES_FILE).dropna(subset=["duplicate_of"])
    expect = corpus.loc[corpus["duplicate_of"].notna()].set_index("doc_id")["duplicate_of"]
    assert dict(zip(dups["doc_id"], dups["duplicate_of"])) == expect.to_dict()


def test_linking_copes_with_a_batch_of_headlines_only(tmp_path):
    import numpy as np

    rng = np.random.default_rng(3)
    body = _article(rng)
    rows = [{"title": f"Headline {i}", "date": "2024-12-01", "text": ""} for i in range(5)]
    rows += [
        {"title": "Russia and Turkey", "date": "2024-12-02", "text": body},
        {"title": "Russia and Turkey", "date": "2024-12-03", "text": body},
    ]
    (tmp_path / "mixed.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    out = h.tag_to_parquet(tmp_path / "mixed.jsonl", tmp_path / "ds", batch_size=3)
    meta = json.loads((out / "_meta.json").read_text())
    assert meta["batches"] == 3 and meta["duplicates"] == 1 and meta["duplicates_across_batches"] == 1


def _article(rng, n: int = 120) -> str:
    words = (
        "army rebels town talks ceasefire border aid convoy shelling council ministry envoy north south "
        "river bridge market hospital school village road checkpoint airport province capital offensive"
    )
    vocab = words.split()
    return " ".join(vocab[i] + str(j) for i, j in zip(rng.integers(0, len(vocab), n), rng.integers(0, 50, n)))


def test_link_duplicates_equals_one_find_duplicates_over_all_batches():
    import numpy as np

    from helpers import dedupe

    rng = np.random.default_rng(5)
    base = [_article(rng) for _ in range(12)]
    edited = base[3].split()
    for k in (10, 60, 100):
        edited[k] = "changed"
    texts = base + [base[0], " ".join(edited), base[7] + " Extra closing line here.", "Short note.", "Short note."]
    dates = [f"2024-01-{d:02d}" for d in range(1, 18)]
    dates[-1] = dates[-2]  # two short notes on the same day: copies; near copies keep their dates
    corpus = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(len(texts))],
            "title": "",
            "text": texts,
            "date": pd.to_datetime(dates, utc=True),
        }
    )
    corpus.loc[12, "date"] = pd.Timestamp("2023-12-01", tz="UTC")  # the copy of d0 is older: it is the original
    whole = dedupe.find_duplicates(corpus)
    assert whole["duplicate_of"].notna().sum() == 4
    for cuts in ([0, 6, 13, 17], [0, 13, 17], [0, 17]):
        sigs, order = [], 0
        for b, (lo, hi) in enumerate(zip(cuts, cuts[1:])):
            part = corpus.iloc[lo:hi]
            sigs.append(dedupe.batch_signatures(part, dedupe.find_duplicates(part, signatures=True), b, order))
            order += len(part)
        linked = dedupe.link_duplicates(sigs)
        assert linked["duplicate_of"].tolist() == whole["duplicate_of"].tolist(), cuts
        assert (linked["cluster"] >= 0).tolist() == (whole["cluster"] >= 0).tolist()
        # without the shingles the MinHash estimate decides; these copies are clear-cut either way
        light = [s.drop(columns="shingles") for s in sigs]
        assert dedupe.link_duplicates(light)["duplicate_of"].tolist() == whole["duplicate_of"].tolist()
    assert linked.loc[linked["doc_id"] == "d0", "duplicate_of"].item() == "d12"


def test_undated_mentions_get_their_own_partition(tmp_path):
    rows = [
        {"title": "Russia and Iran back Damascus", "date": "2024-12-01", "text": "Russia said it backed Assad."},
        {"title": "Turkey warns the SDF", "date": "", "text": "Turkey said the SDF must withdraw."},
    ]
    (tmp_path / "two.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    out = h.tag_to_parquet(tmp_path / "two.jsonl", tmp_path / "ds")
    assert {p.name for p in out.glob("month=*")} == {"month=2024-12", "month=undated"}
    back = h.read_mentions(out, filters=[("month", "==", "undated")])
    assert len(back) > 0 and back["date"].isna().all() and set(back["entity"]) >= {"turkey", "sdf"}


def test_tag_to_parquet_holds_one_batch_at_a_time(monkeypatch, tmp_path):
    from helpers import mentions as tagging

    seen: list[int] = []
    real = tagging.tag_mentions

    def spy(corpus, *args, **kwargs):
        seen.append(len(corpus))
        return real(corpus, *args, **kwargs)

    monkeypatch.setattr(tagging, "tag_mentions", spy)
    h.tag_to_parquet(config.SAMPLE_CORPUS, tmp_path / "ds", batch_size=12)
    assert len(seen) > 3 and max(seen) <= 12 and sum(seen) == 75


def test_mentions_are_compact(sample):
    m = sample[1]
    assert all(isinstance(m[c].dtype, pd.CategoricalDtype) for c in ("entity", "source", "kind", "via", "role"))
    assert all(m[c].dtype == "int32" for c in ("start", "end", "sent_id", "para_id"))


# -------------------------------------------------------------------------------------------- cache


@pytest.fixture()
def corpus_copy(tmp_path):
    src = tmp_path / "corpus"
    shutil.copytree(config.SAMPLE_CORPUS, src)
    return src


@pytest.mark.slow
def test_cache_reuses_then_tags_only_a_new_file(corpus_copy, tmp_path, caplog):
    cache = tmp_path / "cache"
    corpus, mentions = h.tag_cached(corpus_copy, cache_dir=cache)
    n = mentions.attrs["cache"]["files"]
    assert mentions.attrs["cache"]["tagged"] == n == 32  # 33 files, one a metadata sidecar
    ref = h.load_corpus(corpus_copy)
    pd.testing.assert_frame_equal(corpus, ref)
    pd.testing.assert_frame_equal(mentions, h.tag_mentions(ref))

    with caplog.at_level(logging.INFO, logger="helpers.cache"):
        again_c, again = h.tag_cached(corpus_copy, cache_dir=cache)
    assert again.attrs["cache"]["tagged"] == 0 and again.attrs["cache"]["reused"] == n
    assert any(f"reused {n} of {n} files from the cache" in r.getMessage() for r in caplog.records)
    pd.testing.assert_frame_equal(again, mentions)
    pd.testing.assert_frame_equal(again_c, corpus)

    new = corpus_copy / "articles" / "2025-01-05_new-story.txt"
    new.write_text(
        "---\ntitle: Talks resume\nsource: Test Wire\n---\n"
        "Russia and Iran said on Monday that the Turkish-backed SNA attacked Manbij.\n",
        encoding="utf-8",
    )
    c3, m3 = h.tag_cached(corpus_copy, cache_dir=cache)
    assert m3.attrs["cache"]["tagged"] == 1 and m3.attrs["cache"]["reused"] == n
    assert set(m3.loc[m3["doc_id"].isin(c3.loc[c3["source"] == "Test Wire", "doc_id"]), "entity"]) >= {"russia", "iran"}
    ref3 = h.load_corpus(corpus_copy)
    pd.testing.assert_frame_equal(m3, h.tag_mentions(ref3))


@pytest.mark.slow
def test_changed_gazetteer_invalidates_the_cache(corpus_copy, tmp_path):
    cache = tmp_path / "cache"
    _, first = h.tag_cached(corpus_copy, cache_dir=cache)
    gaz = tmp_path / "syria.yaml"
    text = h.packs.pack_file("syria").read_text(encoding="utf-8")
    anchor = "      - Hayat Tahrir al-Sham\n"
    assert anchor in text
    gaz.write_text(text.replace(anchor, anchor + "      - Aleppo\n", 1), encoding="utf-8")
    corpus, changed = h.tag_cached(corpus_copy, cache_dir=cache, gazetteer=gaz)
    assert changed.attrs["cache"]["tagged"] == changed.attrs["cache"]["files"]
    assert changed.attrs["cache"]["loaded"] == 0, "loading is cached apart from tagging"
    assert (changed["surface"] == "Aleppo").any() and not (first["surface"] == "Aleppo").any()
    pd.testing.assert_frame_equal(changed, h.tag_mentions(h.load_corpus(corpus_copy), gaz))
    _, again = h.tag_cached(corpus_copy, cache_dir=cache, gazetteer=gaz)
    assert again.attrs["cache"]["tagged"] == 0


@pytest.mark.slow  # tags the sample five times (about 2 s): the full suite runs it
def test_cache_keys_on_tag_options(corpus_copy, tmp_path):
    cache = tmp_path / "cache"
    h.tag_cached(corpus_copy, cache_dir=cache)
    _, no_places = h.tag_cached(corpus_copy, cache_dir=cache, options=h.TagOptions(places=False))
    assert no_places.attrs["cache"]["tagged"] == no_places.attrs["cache"]["files"]
    assert (no_places["role"] == "actor").all()


# ----------------------------------------------------------------------------------------- notebook


def test_scale_notebook_has_one_parameters_cell():
    nb = nbformat.read(str(NOTEBOOK), as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    tree = ast.parse(tagged[0].source)
    values = {t.id: ast.literal_eval(node.value) for node in tree.body for t in node.targets}
    assert values == {"CORPUS": None, "CONFLICT": None, "SCHEDULER": None, "OUT_DIR": None, "N_WORKERS": 2}
