"""Unit tests of helpers.resolve with a gazetteer written here (tests/test_select.py covers the kit's names)."""

from __future__ import annotations

import logging

import pandas as pd
import pytest

from helpers import resolve
from helpers.gazetteer import load_gazetteer

YAML = """actors:
  - id: alpha_front
    label: Alpha Front (AF)
    kind: faction
    aliases: [Alpha Front, {text: AF, via: acronym}, Jabhat Alif]
  - id: beta
    label: Beta Brigades (a long note)
    kind: faction
    aliases: [Beta Brigades, {text: the Brigades, to: 2015-12-31, cite: "written for the test"}]
  - id: gamma
    label: Gamma State
    kind: state
    aliases: [Gamma, {text: the Brigades, from: 2016-01-01, cite: "written for the test"}]
"""


@pytest.fixture()
def own(tmp_path):
    p = tmp_path / "mine.yaml"
    p.write_text(YAML, encoding="utf-8")
    resolve.use_gazetteer(load_gazetteer(p))
    yield
    resolve.use_gazetteer(None)


@pytest.mark.parametrize(
    ("name", "ids"),
    [
        ("alpha_front", ["alpha_front"]),
        ("Alpha Front (AF)", ["alpha_front"]),
        ("alpha front", ["alpha_front"]),
        ("ALPHA-FRONT", ["alpha_front"]),
        ("the Alpha Front", ["alpha_front"]),
        ("jabhat alif", ["alpha_front"]),
        ("Beta Brigades", ["beta"]),
        ("Beta Brigades (a long note)", ["beta"]),
        ("the Brigades", ["beta", "gamma"]),  # an alias two actors share over time names both, in gazetteer order
    ],
)
def test_resolve_actors_by_id_label_alias_any_case(own, name, ids):
    assert resolve.resolve_actors(name) == ids


def test_resolve_actors_keeps_order_without_repeats(own):
    assert resolve.resolve_actors(["gamma", "Alpha Front", "alpha_front", "Gamma State"]) == ["gamma", "alpha_front"]
    assert resolve.resolve_actors([]) == []


def test_unknown_names_point_to_the_closest(own):
    with pytest.raises(ValueError, match=r"no actor matches 'Alpha Frnt'.*closest: Alpha Front \(AF\) \(alpha_front\)"):
        resolve.resolve_actors("Alpha Frnt")
    with pytest.raises(ValueError, match="see h.load_gazetteer"):
        resolve.resolve_actors("qqqqqqq")
    with pytest.raises(TypeError, match="not int"):
        resolve.resolve_actors([1])


def test_known_ids_of_the_data(own):
    assert resolve.resolve_actors(["My_Group", "my group"], known=["my_group"]) == ["my_group"]
    assert resolve.resolve_actors("beta", known=["beta"]) == ["beta"]


def test_the_kit_gazetteer_comes_back_after_use_gazetteer_none(own):
    resolve.use_gazetteer(None)
    assert resolve.resolve_actors("Russia") == ["russia"]
    with pytest.raises(ValueError):
        resolve.resolve_actors("alpha_front")


def test_no_gazetteer_at_all(monkeypatch, caplog):
    def broken(*a, **k):
        raise OSError("no data folder")

    monkeypatch.setattr(resolve, "load_gazetteer", broken)
    resolve.use_gazetteer(None)
    try:
        with caplog.at_level(logging.WARNING, logger="helpers.resolve"):
            assert resolve.active_gazetteer() is None
        assert "no gazetteer for actor names (no data folder)" in caplog.text
        assert resolve.resolve_actors("x", known=["x"]) == ["x"]
    finally:
        monkeypatch.undo()
        resolve.use_gazetteer(None)


@pytest.mark.parametrize(
    ("label", "short"),
    [
        ("Syrian government (Bashar al-Assad)", "Syrian government"),
        ("Islamic State (ISIS)", "Islamic State (ISIS)"),
        ("U.S. (U.S.)", "U.S. (U.S.)"),
        ("(only a note)", "(only a note)"),
        ("Plain", "Plain"),
        ("A (x) B (YPG)", "A B (YPG)"),
    ],
)
def test_short_label(label, short):
    assert resolve.short_label(label) == short


# ------------------------------------------------------------------------------------------ top_actors


def _mentions():
    return pd.DataFrame(
        {
            "entity": ["b", "a", "b", "c", "c", "a", "d", None],
            "role": ["actor", "actor", "actor", "actor", "actor", "place", "place", "actor"],
        }
    )


def test_top_actors_counts_actor_readings_ties_by_id():
    m = _mentions()
    assert resolve.top_actors(m) == ["b", "c", "a"]
    assert resolve.top_actors(m, n=2) == ["b", "c"]
    assert resolve.top_actors(m, roles=None) == ["a", "b", "c", "d"]
    assert resolve.top_actors(m.drop(columns="role")) == ["a", "b", "c", "d"]
    assert resolve.top_actors(m.iloc[:0]) == []


def test_top_actors_chosen_entities_win(own):
    m = pd.DataFrame({"entity": ["mine", "beta"], "role": ["actor", "actor"]})
    assert resolve.top_actors(m, entities=["Beta Brigades", "MINE"]) == ["beta", "mine"]
    with pytest.raises(TypeError, match="MENTIONS table"):
        resolve.top_actors(None)
