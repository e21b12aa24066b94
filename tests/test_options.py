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


def test_a_keyword_that_moved_into_options_says_where_it_went():
    from helpers.options import moved_into

    @moved_into(Knobs)
    def draw(data, *, options=None):
        return options_of(options, Knobs).width

    assert draw(1) == 3 and draw(1, options=Knobs(width=5)) == 5
    with pytest.raises(TypeError, match=r"draw\(\) takes width inside options=h\.Knobs\(\.\.\.\): .*Knobs\(width=9\)"):
        draw(1, width=9)


@pytest.mark.parametrize(
    ("name", "keyword", "cls"),
    [
        ("tag_mentions", "places", "TagOptions"),
        ("extract_support", "anaphora", "SupportOptions"),
        ("load_corpus", "strict_csv", "CorpusOptions"),
        ("mention_timeline", "rolling", "TimelineOptions"),
        ("cooccurrence", "min_count", "CooccurOptions"),
        ("pair_sentences", "width", "PairOptions"),
        ("support_network", "include_negated", "NetworkOptions"),
        ("compare_record", "rollup", "RecordOptions"),
        ("plot_timeline", "min_articles", "TimelinePlotOptions"),
        ("run_report", "hide_code", "ReportOptions"),
        ("run_notebooks", "kernel_name", "RunOptions"),
    ],
)
def test_the_public_functions_name_the_home_of_their_moved_keywords(name, keyword, cls):
    import helpers as h
    from helpers import runner

    fn = runner.run_notebooks if name == "run_notebooks" else getattr(h, name)
    with pytest.raises(TypeError, match=rf"{name}\(\) takes {keyword} inside options=h\.{cls}"):
        fn(None, **{keyword: 1})
