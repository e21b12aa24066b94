"""Unit tests of helpers.readings: context words and years that choose a dated reading."""

from __future__ import annotations

import datetime as dt

import pytest

from helpers import readings as r
from helpers.textnorm import fold

CUES = r.dating_cues({"dating": {"past": ["former", "ousted", "the collapse of"], "new": ["new", "transitional"]}})
CHANGE = (dt.date(2024, 12, 8) - dt.date(1970, 1, 1)).days  # the day the alias's reading changes
AFTER = CHANGE + 30


def _year(day: int) -> int:
    return (dt.date(1970, 1, 1) + dt.timedelta(days=day)).year


def ctx(text: str, mention: str, day: int | None = AFTER, changes=(CHANGE,)):
    f = fold(text)
    return r.context_day(CUES, f, f.index(mention.lower()), list(changes), day, _year)


def test_dating_cues_compile_folded_words_or_none():
    assert CUES.past is not None and CUES.new is not None
    empty = r.dating_cues({})
    assert empty.past is None and empty.new is None
    assert r.dating_cues({"dating": {"past": ["", 3]}}).past is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The former Syrian government fell.", (CHANGE - 1, r.CONTEXT)),
        ("Rebels ousted the Syrian government.", (CHANGE - 1, r.CONTEXT)),
        ("After the collapse of the Syrian government, talks began.", (CHANGE - 1, r.CONTEXT)),
        ("Since 2015 Russia supported the Syrian government.", (CHANGE - 1, r.CONTEXT)),
        ("In 2025 the Syrian government met envoys.", (None, None)),
        ("The Syrian government met envoys.", (None, None)),
        ("The former rulers left. The Syrian government met envoys.", (None, None)),  # another sentence
        ("The new Syrian government met envoys.", (None, None)),  # dated article: its own date already says new
        # a year in a clause that a contrast closes speaks of that clause only
        ("Moscow backed Assad from 2015, while the Syrian government now courts Ankara.", (None, None)),
        ("In 2015, Russia intervened to save the Syrian government.", (CHANGE - 1, r.CONTEXT)),
    ],
)
def test_context_day_of_a_dated_article(text, expected):
    assert ctx(text, "Syrian government") == expected


def test_context_day_of_an_undated_article():
    assert ctx("The new Syrian government met envoys.", "Syrian government", day=None) == (CHANGE, r.CONTEXT)
    assert ctx("The former Syrian government fell.", "Syrian government", day=None) == (CHANGE - 1, r.CONTEXT)
    assert ctx("The Syrian government met envoys.", "Syrian government", day=None) == (None, None)


def test_no_change_or_an_article_before_the_first_change():
    assert ctx("The former Syrian government fell.", "Syrian government", changes=()) == (None, None)
    assert ctx("The former Syrian government fell.", "Syrian government", day=CHANGE - 10) == (None, None)
    assert ctx("Syrian government forces advanced.", "Syrian government") == (None, None)  # nothing before


def test_the_most_recent_change_before_the_article_is_used():
    earlier = CHANGE - 3000
    assert ctx("The former Syrian government fell.", "Syrian government", changes=(earlier, CHANGE)) == (
        CHANGE - 1,
        r.CONTEXT,
    )
    assert ctx(
        "The former Syrian government fell.", "Syrian government", day=CHANGE - 10, changes=(earlier, CHANGE)
    ) == (earlier - 1, r.CONTEXT)


def _day(y, m=1, d=1):
    return (dt.date(y, m, d) - dt.date(1970, 1, 1)).days


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("In January 2015 coalition-backed Kurdish fighters ousted IS", 2019, _day(2015, 1)),
        ("In 2015 coalition-backed Kurdish fighters ousted IS", 2019, _day(2015)),
        ("On March 3, 2016, coalition-backed Kurdish fighters ousted IS", 2019, _day(2016, 3)),
        ("In 2019 coalition-backed Kurdish fighters ousted IS", 2019, None),
        ("Coalition-backed Kurdish fighters ousted IS", 2019, None),
        ("In 2015 coalition-backed Kurdish fighters ousted IS", None, None),
        ("In 2012, then in 2015 coalition-backed Kurdish fighters ousted IS", 2019, _day(2015)),
    ],
)
def test_context_day_of(text, year, expected):
    f = fold(text)
    assert r.context_day_of(f, f.index("coalition-backed"), year) == expected


def test_dated_by_values():
    assert r.DATED_BY == ("article_date", "context", "default_date")


def test_context_day_of_needs_a_decimal_digit():
    from helpers.readings import context_day_of

    assert context_day_of("in january 2015 rebels took the town", 30, 2020) == 16436  # 2015-01-01
    assert context_day_of("in 2015 rebels took the town", 20, 2015) is None  # not before the article's year
    assert context_day_of("rebels took the town\u00b2 again", 28, 2020) is None  # a superscript is no year
    assert context_day_of("rebels took the town", 20, None) is None
