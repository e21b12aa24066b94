"""Unit tests of helpers.packs: pack names to gazetteer files, extends first, loops refused."""

from __future__ import annotations

import pytest

from helpers import config, packs


@pytest.fixture()
def root(tmp_path, monkeypatch):
    """A conflicts folder: common, war_a (extends common), war_b (extends common and war_a), a loop."""

    def pack(name, extends=None, events=False):
        d = tmp_path / name
        d.mkdir()
        meta = f"meta:\n  name: {name}\n" + (f"  extends: {extends}\n" if extends is not None else "")
        (d / packs.PACK_FILE).write_text(meta + "actors: []\n")
        if events:
            (d / packs.EVENTS_FILE).write_text("date,label\n")

    pack("common")
    pack("war_a", "common", events=True)
    pack("war_b", "[common, war_a]")
    pack("loop_x", "loop_y")
    pack("loop_y", "loop_x")
    (tmp_path / "notes").mkdir()  # a folder without a gazetteer is no pack
    (tmp_path / "default.yaml").write_text("packs: [war_a]\n")
    monkeypatch.setattr(config, "CONFLICTS_DIR", tmp_path)
    return tmp_path


def test_available_and_default_packs(root):
    assert packs.available_packs() == ["common", "loop_x", "loop_y", "war_a", "war_b"]
    assert packs.default_packs() == ["war_a"]


@pytest.mark.parametrize("text", ["packs: []\n", "packs: war_a\n", "packs: [1]\n", "other: 1\n"])
def test_default_packs_must_be_a_list_of_names(root, text):
    (root / "default.yaml").write_text(text)
    with pytest.raises(ValueError, match=r"default\.yaml: 'packs' must be a non-empty list"):
        packs.default_packs()


def test_pack_file_and_unknown_pack(root):
    assert packs.pack_file("war_a") == root / "war_a" / "gazetteer.yaml"
    with pytest.raises(ValueError, match=r"unknown conflict pack 'nope'.*packs: common, loop_x, loop_y, war_a, war_b"):
        packs.pack_file("nope")


def test_resolve_puts_extends_first_and_never_twice(root):
    files = packs.resolve(["war_b", "war_a", "common"])
    assert [p.parent.name for p in files] == ["common", "war_a", "war_b"]
    assert [p.parent.name for p in packs.resolve(None)] == ["common", "war_a"]
    assert [p.parent.name for p in packs.resolve("war_a")] == ["common", "war_a"]


def test_resolve_paths_and_names_together(root, tmp_path_factory):
    own = tmp_path_factory.mktemp("own") / "mine.yaml"
    own.write_text("meta:\n  extends: common\nactors: []\n")
    files = packs.resolve(["war_a", str(own)])
    assert [p.name if p.parent.name not in ("common", "war_a") else p.parent.name for p in files] == [
        "common",
        "war_a",
        "mine.yaml",
    ]


def test_resolve_refuses_a_loop_naming_the_chain(root):
    with pytest.raises(ValueError, match=r"extend each other in a loop: .*loop_x.*->.*loop_y.*->.*loop_x"):
        packs.resolve("loop_x")


def test_extends_of(root, tmp_path):
    assert packs.extends_of(root / "war_b" / "gazetteer.yaml") == ["common", "war_a"]
    assert packs.extends_of(root / "common" / "gazetteer.yaml") == []
    broken = tmp_path / "broken.yaml"
    broken.write_text("meta: [\n")
    assert packs.extends_of(broken) == []  # the loader reports the broken file with its line


def test_events_files(root):
    assert packs.events_files("war_b") == [(root / "war_a" / "events.csv").resolve()]
    assert packs.events_files("common") == []


def test_the_kit_ships_its_default_packs():
    names = packs.available_packs()
    assert names and set(packs.default_packs()) <= set(names)
    assert all(p.is_file() for p in packs.resolve(None))
