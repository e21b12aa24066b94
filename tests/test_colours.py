"""Unit tests of helpers.colours: gazetteer colours, defaults by gazetteer order, hashed and group colours."""

from __future__ import annotations

import hashlib
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from helpers import colours as c


@pytest.fixture()
def gazetteer(monkeypatch):
    """A stand-in gazetteer: a has the palette's first colour, b its own, c..e none."""
    actors = pd.DataFrame(
        {"colour": [c.DEFAULT_PALETTE[0], "#123456", np.nan, np.nan, np.nan]}, index=["a", "b", "c", "d", "e"]
    )
    fake = SimpleNamespace(actors=actors, sha256="test-" + hashlib.md5(str(id(actors)).encode()).hexdigest())
    monkeypatch.setattr(c, "active_gazetteer", lambda: fake)
    c._colours_of.cache_clear()
    yield fake
    c._colours_of.cache_clear()


def test_gazetteer_colours_then_unused_defaults_in_order(gazetteer):
    got = c.actor_colours(["a", "b", "c", "d", "e"])
    assert got == {
        "a": c.DEFAULT_PALETTE[0],
        "b": "#123456",
        "c": c.DEFAULT_PALETTE[1],
        "d": c.DEFAULT_PALETTE[2],
        "e": c.DEFAULT_PALETTE[3],
    }


def test_colours_do_not_depend_on_the_ids_asked(gazetteer):
    assert c.actor_colours(["e"])["e"] == c.actor_colours(["a", "e"])["e"] == c.DEFAULT_PALETTE[3]
    assert list(c.actor_colours(["e", "a"])) == ["e", "a"]


def test_unknown_ids_get_a_hashed_palette_colour(gazetteer):
    digest = hashlib.md5(b"zz_unknown").digest()
    expected = c.DEFAULT_PALETTE[int.from_bytes(digest[:4], "big") % len(c.DEFAULT_PALETTE)]
    assert c.hashed_colour("zz_unknown") == expected == c.actor_colours(["zz_unknown"])["zz_unknown"]
    assert c.actor_colours([7]) == {"7": c.hashed_colour(7)}


def test_many_actors_run_through_light_and_vibrant_before_repeating(monkeypatch):
    n = 40
    fake = SimpleNamespace(
        actors=pd.DataFrame({"label": [f"A{i}" for i in range(n)]}, index=[f"a{i}" for i in range(n)]),
        sha256="test-many",
    )
    monkeypatch.setattr(c, "active_gazetteer", lambda: fake)
    c._colours_of.cache_clear()
    try:
        got = list(c.actor_colours([f"a{i}" for i in range(n)]).values())
    finally:
        c._colours_of.cache_clear()
    cycle = list(c.DEFAULT_PALETTE + c.LIGHT_PALETTE + c.VIBRANT_PALETTE)
    assert got[: len(cycle)] == cycle
    assert got[len(cycle) :] == cycle[: n - len(cycle)]


def test_without_a_gazetteer_every_colour_is_hashed(monkeypatch):
    monkeypatch.setattr(c, "active_gazetteer", lambda: None)
    assert c.actor_colours(["russia"]) == {"russia": c.hashed_colour("russia")}


def test_group_colours_in_order_given_and_unique_names():
    got = c.group_colours(["Wire", "Ledger", "Wire", 3])
    assert got == {"Wire": c.DEFAULT_PALETTE[0], "Ledger": c.DEFAULT_PALETTE[1], "3": c.DEFAULT_PALETTE[2]}
    many = c.group_colours(range(len(c.DEFAULT_PALETTE) + 1))
    assert many[str(len(c.DEFAULT_PALETTE))] == c.DEFAULT_PALETTE[0]
    assert c.group_colours([]) == {}


def test_palettes_are_hex_and_distinct():
    allc = c.DEFAULT_PALETTE + c.LIGHT_PALETTE + c.VIBRANT_PALETTE + (c.GREY, c.LIGHT_GREY)
    assert all(len(x) == 7 and x.startswith("#") and int(x[1:], 16) >= 0 for x in allc)
    assert len(set(allc)) == len(allc)
