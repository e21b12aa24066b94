"""Unit tests of helpers.options: the one check of an options argument."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from helpers.options import options_of


@dataclass(frozen=True)
class Knobs:
    width: int = 3


def test_none_gives_the_defaults_and_an_instance_is_kept():
    assert options_of(None, Knobs) == Knobs()
    mine = Knobs(width=9)
    assert options_of(mine, Knobs) is mine


@pytest.mark.parametrize("wrong", [{"width": 9}, 9, "width=9"])
def test_anything_else_is_a_type_error_naming_the_class(wrong):
    with pytest.raises(TypeError, match=r"h\.Knobs\(\.\.\.\), not "):
        options_of(wrong, Knobs)


def test_every_public_options_class_is_checked_the_same_way():
    import helpers as h

    for cls in (h.TagOptions, h.SupportOptions, h.CorpusOptions, h.NetworkOptions, h.RecordOptions, h.RunOptions):
        assert options_of(None, cls) == cls()
        with pytest.raises(TypeError, match=cls.__name__):
            options_of(object(), cls)
