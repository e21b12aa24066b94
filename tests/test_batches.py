"""Unit tests of helpers.batches: loader options, pieces cut at record boundaries, and batch planning."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import helpers as h
from helpers import batches as b
from helpers.batches import LoadOptions, Piece

# ------------------------------------------------------------------------------------------ options


def test_load_options_from_kwargs_freezes_mapping_and_ignores_other_options():
    o = LoadOptions.from_kwargs(
        {
            "mapping": {"title": "h", "date": "d"},
            "dayfirst": True,
            "reference_date": pd.Timestamp("2024-01-01"),
            "vias": ["name"],
        }
    )
    assert o.mapping == (("date", "d"), ("title", "h")) and o.mapping_dict == {"date": "d", "title": "h"}
    assert o.dayfirst is True and o.reference_date == "2024-01-01 00:00:00"
    assert LoadOptions().mapping_dict is None


def test_load_options_refuse_bad_templates():
    with pytest.raises(ValueError, match="'corpus' or 'batch', not 'sometimes'"):
        LoadOptions.from_kwargs({"templates": "sometimes"})


def test_as_key_is_stable_json_and_tells_options_apart():
    key = LoadOptions().as_key()
    assert json.loads(key)["dedupe_threshold"] == 0.7
    assert key == LoadOptions().as_key() != LoadOptions(clean=False).as_key()


def test_split_options():
    opts = h.TagOptions(vias=["name"], chunk_size=5)
    load, tag = b.split_options({"dayfirst": True, "link_batches": False, "gazetteer": "syria", "options": opts})
    assert load == LoadOptions(dayfirst=True, link_batches=False) and tag == {"gazetteer": "syria", "options": opts}
    assert load.as_key() == LoadOptions(dayfirst=True).as_key()  # linking never changes how a file loads


def test_batch_reports_compare_by_identity():
    one, two = b.BatchReport(), b.BatchReport()
    assert one == one and not one == two
    assert len({one, two}) == 2


def test_batch_reports_unequal_means_not_equal():
    assert b.BatchReport() != b.BatchReport()


# ------------------------------------------------------------------------------------------ pieces


def _jsonl(path, n):
    path.write_text(
        "".join(json.dumps({"title": f"T{i}", "text": "x"}) + ("\n\n" if i == 2 else "\n") for i in range(n))
    )
    return path


def test_jsonl_is_cut_into_line_ranges(tmp_path):
    f = _jsonl(tmp_path / "a.jsonl", 5)
    pieces = b.plan_pieces(f, batch_size=2)
    assert [(p.kind, p.n_records, p.pos_offset) for p in pieces] == [("lines", 2, 0), ("lines", 2, 2), ("lines", 1, 5)]
    data = f.read_bytes()
    assert b"".join(data[p.start : p.stop] for p in pieces) == data
    assert pieces[0].encoding == "utf-8" and pieces[0].header == b""


def test_a_file_that_fits_one_batch_is_read_whole(tmp_path):
    f = _jsonl(tmp_path / "a.jsonl", 3)
    assert b.plan_pieces(f, batch_size=10) == [Piece(str(f), "a.jsonl", n_records=3)]
    assert b.plan_pieces(f, batch_size=1, split=False) == [Piece(str(f), "a.jsonl")]


def test_csv_ranges_keep_quoted_line_breaks_and_carry_the_header(tmp_path):
    f = tmp_path / "a.csv"
    f.write_text('title,text\nA,"one\ntwo"\nB,b\nC,c\n')
    pieces = b.plan_pieces(f, batch_size=2)
    assert [p.n_records for p in pieces] == [2, 1]
    assert all(p.header == b"title,text\n" for p in pieces)
    data = f.read_bytes()
    assert data[pieces[0].start : pieces[0].stop] == b'A,"one\ntwo"\nB,b\n'
    assert data[pieces[1].start : pieces[1].stop] == b"C,c\n"
    assert pieces[1].pos_offset == 3  # C sits on file line 5: pos_offset + 2 (its line in the range)


def test_csv_with_a_bare_carriage_return_is_read_whole(tmp_path):
    f = tmp_path / "a.csv"
    f.write_bytes(b"title,text\rA,a\rB,b\r")
    assert [p.kind for p in b.plan_pieces(f, batch_size=1)] == ["file"]


def test_encodings_of_split_files(tmp_path):
    f = tmp_path / "a.csv"
    f.write_bytes(b"title,text\n" + b"".join(b"T%d,caf\xe9\n" % i for i in range(4)))
    assert {p.encoding for p in b.plan_pieces(f, batch_size=2)} == {"cp1252"}
    g = tmp_path / "b.jsonl"
    g.write_bytes(b"\xef\xbb\xbf" + b'{"title": "a"}\n' * 4)
    assert {p.encoding for p in b.plan_pieces(g, batch_size=2)} == {"utf-8-sig"}


def test_sidecars_get_no_piece_and_ignored_paths_are_pieces(tmp_path):
    (tmp_path / "s.txt").write_text("body")
    (tmp_path / "s.yaml").write_text("title: T\n")
    (tmp_path / ".hidden").write_text("x")
    pieces = b.plan_pieces(tmp_path)
    assert [(p.name, p.kind) for p in pieces] == [(".hidden", "ignored"), ("s.txt", "file")]
    assert pieces[0].reason.startswith("hidden file") and pieces[0].n_records == 0


def test_plan_pieces_bad_batch_size(tmp_path):
    with pytest.raises(ValueError, match="at least 1"):
        b.plan_pieces(tmp_path, batch_size=0)


def test_parquet_is_cut_by_row_groups(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    f = tmp_path / "a.parquet"
    pq.write_table(pa.table({"title": [f"T{i}" for i in range(6)], "text": ["x"] * 6}), f, row_group_size=2)
    pieces = b.plan_pieces(f, batch_size=4)
    assert [(p.kind, p.start, p.stop, p.pos_offset, p.n_records) for p in pieces] == [
        ("rowgroups", 0, 2, 0, 4),
        ("rowgroups", 2, 3, 4, 2),
    ]


# ------------------------------------------------------------------------------------------ batches


def test_plan_batches_groups_pieces_up_to_the_size(tmp_path):
    for name, n in (("a.jsonl", 3), ("b.jsonl", 2), ("c.jsonl", 4)):
        _jsonl(tmp_path / name, n)
    groups = b.plan_batches(tmp_path, batch_size=5)
    assert [[(p.name, p.n_records) for p in g] for g in groups] == [[("a.jsonl", 3), ("b.jsonl", 2)], [("c.jsonl", 4)]]
    groups = b.plan_batches(tmp_path, batch_size=3)
    assert [sum(p.n_records for p in g) for g in groups] == [3, 2, 3, 1]


def test_resolve_tagging_takes_gazetteer_and_model_out_of_the_options():
    gaz, model, rest = b.resolve_tagging({"options": h.TagOptions(vias=["name"]), "n_jobs": 4})
    assert rest == h.TagOptions(vias=["name"]) and rest.sentence_model is model
    assert len(gaz.sha256) == 64 and model.fingerprint
    with pytest.raises(TypeError, match="TagOptions"):
        b.resolve_tagging({"vias": ["name"]})
