"""Unit tests of helpers.batchload: one batch loads as load_corpus loads the same rows; template counts."""

from __future__ import annotations

import pandas as pd
import pytest

import helpers as h
from helpers import batchload as bl
from helpers.batches import LoadOptions, Piece, plan_batches

BODY = (
    "Government forces shelled the eastern districts of Aleppo on Tuesday, residents said, "
    "as talks on a ceasefire stalled in Geneva."
)


def _write(tmp_path, n=5, banner=True):
    for i in range(n):
        text = ("The Ledger: truth without fear\n\n" if banner else "") + f"{BODY} Story {i}."
        (tmp_path / f"s{i}.txt").write_text(f"---\ntitle: Story {i}\nsource: Ledger\n---\n{text}\n")
    return tmp_path


def _frame(pieces, **kw):
    return bl.load_batch(pieces, LoadOptions(**kw))


def test_load_batch_of_all_pieces_equals_load_corpus(tmp_path):
    src = _write(tmp_path)
    (batch,) = plan_batches(src, batch_size=100)
    got = _frame(batch)
    want = h.load_corpus(src)
    cols = ["doc_id", "title", "date", "source", "text", "n_chars", "path", "duplicate_of"]
    pd.testing.assert_frame_equal(got[cols].reset_index(drop=True), want[cols].reset_index(drop=True))
    assert not {"_pos", "_tsrc", "_rawtitle"} & set(got.columns)
    r = got.attrs["load_report"]
    assert r.articles == 5 and (r.removed_lines.rule == "repeated in source").sum() == 5


def test_template_lines_are_counted_across_batches(tmp_path):
    src = _write(tmp_path)
    batches = plan_batches(src, batch_size=2)
    assert len(batches) == 3
    opts = LoadOptions()
    assert bl.template_lines(batches, opts) == {"Ledger": {"the ledger truth without fear"}}
    # each batch alone has fewer than 3 documents with the line: nothing found within a batch
    alone = bl.load_batch(batches[0], opts)
    assert alone["text"].str.contains("truth without fear").all()
    together = bl.load_batch(batches[0], opts, templates=bl.template_lines(batches, opts))
    assert not together["text"].str.contains("truth without fear").any()
    whole = h.load_corpus(src)
    assert set(together["doc_id"]) <= set(whole["doc_id"])  # ids re-derived after the lines went


def test_template_counts_merge_and_threshold():
    a = bl.TemplateCounts()
    df = pd.DataFrame({"_tsrc": ["S", "S"], "text": ["Banner\nbody one", "Banner\nbody two"]})
    a.add_frame(df)
    assert a.docs == {"S": 2} and a.lines["S"]["banner"] == 2
    assert a.templates(3) == {}
    b = bl.TemplateCounts().add_frame(df.iloc[:1])
    assert a.merge(b) is a and a.templates(3) == {"S": {"banner"}}
    # the share rule: 3 of 40 documents is under 10%
    a.docs["S"] = 40
    assert a.templates(3) == {}


def test_apply_templates_keeps_an_article_that_is_only_template_lines(tmp_path):
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(f"---\nsource: Wire\ndate: 2024-11-0{i + 1}\n---\nHTS in Idlib\n")
    opts = LoadOptions()
    df, report = bl.pre_frame(plan_batches(tmp_path, 10)[0], opts, detect_templates=False)
    out = bl.apply_templates(df, report, {"Wire": {"hts in idlib"}})
    assert out["text"].tolist() == ["HTS in Idlib"] * 3
    assert [w for _, _, w in report.warnings].count("kept: repeated lines are the whole article") == 3
    assert bl.apply_templates(df, report, {}) is df


def test_finish_frame_flags_copies_and_fills_the_report(tmp_path):
    for i in range(3):
        (tmp_path / f"c{i}.txt").write_text(f"---\ntitle: Same\ndate: 2024-01-03T1{2 - i}:00:00Z\n---\n{BODY}\n")
    sink: list = []
    df = bl.load_batch(plan_batches(tmp_path, 10)[0], LoadOptions(), sink=sink)
    assert df["duplicate_of"].isna().sum() == 1
    original = df.loc[df["duplicate_of"].isna(), "doc_id"].item()
    assert df.loc[df["path"].str.endswith("c2.txt"), "doc_id"].item() == original  # the earliest time
    # short articles are copies only on the same day: the day is part of their key
    r = df.attrs["load_report"]
    assert r.n_duplicates == 2 and r.duplicate_clusters["cluster"].tolist() == [0, 0, 0]
    assert len(sink) == 1 and "exact_key" in sink[0]


def test_finish_frame_without_dedupe(tmp_path):
    _write(tmp_path, n=2, banner=False)
    df = bl.load_batch(plan_batches(tmp_path, 10)[0], LoadOptions(dedupe_threshold=None))
    assert df["duplicate_of"].isna().all() and df.attrs["load_report"].articles == 2


def test_pieces_that_cannot_be_read_are_skipped_or_ignored(tmp_path):
    pieces = [
        Piece(str(tmp_path / "gone.txt"), "gone.txt"),
        Piece(str(tmp_path / ".h"), ".h", kind="ignored", n_records=0, reason="hidden file"),
    ]
    df = bl.load_batch(pieces)
    r = df.attrs["load_report"]
    assert len(df) == 0 and r.files_seen == 2
    assert r.ignored == [(str(tmp_path / ".h"), "hidden file")]
    assert r.skipped[0][0] == str(tmp_path / "gone.txt") and r.skipped[0][1].startswith("unreadable")


@pytest.mark.parametrize("enc", ["cp1252", "utf-8-sig"])
def test_line_ranges_in_other_encodings_load_as_the_whole_file(tmp_path, enc):
    rows = "title,text\n" + "".join(f"T{i},caf\u00e9 {i}\n" for i in range(4))
    f = tmp_path / "a.csv"
    f.write_bytes(rows.encode(enc))
    parts = [bl.load_batch(g) for g in plan_batches(f, batch_size=2)]
    assert len(parts) == 2
    got = pd.concat(parts, ignore_index=True)
    want = h.load_corpus(f)
    assert got["doc_id"].tolist() == want["doc_id"].tolist()
    assert got["text"].tolist() == [f"caf\u00e9 {i}" for i in range(4)]
    assert parts[0].attrs["load_report"].encodings == {enc: 1}
