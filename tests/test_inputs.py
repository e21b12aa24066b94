"""Unit tests of helpers.inputs: finding files, sidecars, and reading archive members with caps."""

from __future__ import annotations

import gzip
import io
import os
import zipfile
from pathlib import Path

import pytest

from helpers import inputs
from helpers.inputs import Input
from helpers.loadreport import LoadReport, SkipFile


def _tree(tmp_path: Path) -> Path:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "a.txt").write_text("a")
    (tmp_path / ".hidden.txt").write_text("h")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("x")
    return tmp_path


def test_find_inputs_walks_sorted_and_ignores_hidden(tmp_path):
    root = _tree(tmp_path)
    ignored: list = []
    found = inputs.find_inputs(root, ignored)
    assert [(f.relative_to(root).as_posix(), r) for f, r in found] == [("a.txt", root), ("b/z.txt", root)]
    assert sorted((Path(p).name, why.split(" (")[0]) for p, why in ignored) == [
        (".git", "hidden folder"),
        (".hidden.txt", "hidden file"),
    ]


def test_find_inputs_file_glob_list_and_duplicates(tmp_path):
    root = _tree(tmp_path)
    f = root / "a.txt"
    assert inputs.find_inputs(f) == [(f, root)]
    assert [p.name for p, _ in inputs.find_inputs(str(root / "**" / "*.txt"))] == ["a.txt", "z.txt"]
    assert inputs.find_inputs([f, f, root / "b"]) == [(f, root), (root / "b" / "z.txt", root / "b")]


def test_find_inputs_missing_paths_raise(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file or folder"):
        inputs.find_inputs(tmp_path / "nope.txt")
    with pytest.raises(FileNotFoundError, match="matches no file"):
        inputs.find_inputs(str(tmp_path / "*.nothing"))


def test_find_inputs_links(tmp_path):
    (tmp_path / "real.txt").write_text("r")
    (tmp_path / "to_file.txt").symlink_to(tmp_path / "real.txt")
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    ignored: list = []
    found = inputs.find_inputs(tmp_path, ignored)
    assert [p.name for p, _ in found] == ["real.txt", "to_file.txt"]
    assert [(Path(p).name, why) for p, why in ignored] == [("dangling.txt", "dangling or looping symbolic link")]
    ignored = []
    assert inputs.find_inputs(tmp_path / "dangling.txt", ignored) == []
    assert ignored[0][1] == "dangling or looping symbolic link"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_find_inputs_a_pipe_is_ignored(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    ignored: list = []
    assert inputs.find_inputs(tmp_path, ignored) == []
    assert ignored == [(str(tmp_path / "pipe"), "a named pipe (FIFO), not a file")]


def test_sidecars(tmp_path):
    txt = tmp_path / "a.txt"
    side = tmp_path / "a.yaml"
    txt.write_text("body")
    side.write_text("title: T\ndate: 2024-01-02\n")
    files = {txt, side, tmp_path / "b.json"}
    assert inputs.is_sidecar(side, files) is True
    assert inputs.is_sidecar(tmp_path / "b.json", files) is False  # no text file beside it
    assert inputs.is_sidecar(txt, files) is False
    assert inputs.sidecar_for(txt) == side
    report = LoadReport()
    assert inputs.read_sidecar(txt, report) == {"title": "T", "date": __import__("datetime").date(2024, 1, 2)}
    assert inputs.read_sidecar(tmp_path / "a.csv", report) is None  # only text files have sidecars


@pytest.mark.parametrize(("content", "why"), [("- a\n- b\n", "not a mapping"), ("a: [\n", "unreadable")])
def test_an_unusable_sidecar_is_a_warning(tmp_path, content, why):
    (tmp_path / "a.txt").write_text("body")
    (tmp_path / "a.yml").write_text(content)
    report = LoadReport()
    assert inputs.read_sidecar(tmp_path / "a.txt", report) is None
    assert report.warnings[0][0] == str(tmp_path / "a.yml") and report.warnings[0][1] == 1
    assert why in report.warnings[0][2]


# ------------------------------------------------------------------------------------------ archives


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def test_iter_archive_gzip_names_the_member():
    inp = Input(path="dir/a.csv.gz", data=gzip.compress(b"title\nx\n"), name="a.csv.gz")
    budget = [1000]
    (member,) = inputs.iter_archive(inp, "gzip", budget)
    assert (member.path, member.name, member.data) == ("dir/a.csv.gz!a.csv", "a.csv", b"title\nx\n")
    assert budget == [1000 - 8]


def test_iter_archive_zip_skips_hidden_and_system_members():
    data = _zip({"x/one.txt": b"1", "__MACOSX/x/._one.txt": b"m", ".DS_Store": b"d", "two.txt": b"22"})
    ignored: list = []
    members = list(inputs.iter_archive(Input("a.zip", data, "a.zip"), "zip", [100], ignored))
    assert [(m.path, m.name, m.data) for m in members] == [
        ("a.zip!x/one.txt", "one.txt", b"1"),
        ("a.zip!two.txt", "two.txt", b"22"),
    ]
    assert [p for p, _ in ignored] == ["a.zip!__MACOSX/x/._one.txt", "a.zip!.DS_Store"]


def test_iter_archive_refuses_corrupt_and_oversized_archives():
    with pytest.raises(SkipFile, match="corrupt zip"):
        list(inputs.iter_archive(Input("a.zip", b"PK\x03\x04junk", "a.zip"), "zip", [100]))
    with pytest.raises(SkipFile, match="corrupt gzip"):
        list(inputs.iter_archive(Input("a.gz", b"\x1f\x8b\x08\x00junk", "a.gz"), "gzip", [100]))
    with pytest.raises(SkipFile, match="declares 1,000 bytes"):
        list(inputs.iter_archive(Input("a.zip", _zip({"a.txt": b"x" * 1000}), "a.zip"), "zip", [999]))
    with pytest.raises(SkipFile, match="expands beyond"):
        list(inputs.iter_archive(Input("a.gz", gzip.compress(b"x" * 1000), "a.gz"), "gzip", [999]))


def test_iter_archive_refuses_a_bomb_by_ratio(monkeypatch):
    monkeypatch.setattr(inputs, "RATIO_FLOOR", 10)
    monkeypatch.setattr(inputs, "MAX_RATIO", 5)
    data = gzip.compress(b"a" * 10_000)
    with pytest.raises(SkipFile, match="more than 5 times"):
        list(inputs.iter_archive(Input("a.gz", data, "a.gz"), "gzip", [10**9]))
