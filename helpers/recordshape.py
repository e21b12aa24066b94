"""The record's reading of a sentence no shape could bind: ``Iran: Rafsanjani signals wavering in long-standing
support for Syria`` or ``the Kremlin said the operation was meant to support Syrian government forces``.

When a sentence holds a strong backing word (``record.words``: back, support, arm, fund, patron, proxy; not
``help``) and names exactly one pair of actors that the conflict pack's ``backs`` table says were backer and
client on the article's date, and none of the statement shapes found an edge in it, the pair is read as the
edge. The shape is ``record``: its confidence is the lowest of all (``confidence.shapes.record``), so an
analyst can keep or drop these edges with one filter, and the evidence sentence is shown as for any other.

Refused: a word joined by a hyphen to the word before (``Russian-backed separatists``: the compound shape's
business) and a word followed by one of ``record.not_before`` (``a rebel supply line``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from .clauses import Sentence
from .edges import Edge, lex_rx_for

__all__ = ["RecordPairs", "holds", "record"]

#: backer -> client pairs of the record, each with the periods ``(from, to)`` it held (ISO dates; ``""``: open)
RecordPairs = Mapping[tuple[str, str], tuple[tuple[str, str], ...]]


def holds(periods: tuple[tuple[str, str], ...], date: dt.date | None) -> bool:
    """True when one of the periods ``(from, to)`` holds ``date`` (always, when the date is unknown).

    Args:
        periods: ISO dates, ``""`` for an open end.
        date: the article's date, or None.

    Returns:
        Whether the pair held on that date.
    """
    if date is None:
        return True
    day = date.isoformat()[:10]
    return any((not a or a <= day) and (not b or day <= b) for a, b in periods)


def _strong_cues(s: Sentence, client: int) -> list[tuple[int, int]]:
    """The strong backing words of the sentence that may carry the record's pair to ``client`` (a mention index).

    Refused: a word a hyphen joins to the word before (``Russian-backed``), one inside a name (``Rapid Support
    Forces``, or capitalised inside the sentence: ``the Syria Support Group``), one before a thing
    (``record.not_before``: ``supply line``) or a look-alike head (``backs Qatari plan``), one after a humanitarian
    word (``humanitarian support``), and one whose object is
    another actor (``support for the Free Syrian Army``) or no actor (``backed by firm evidence``)."""
    rx = lex_rx_for(s, "record_word", "record.words", lambda a: rf"({a('record.words')})\b")
    thing = lex_rx_for(s, "record_thing", "record.not_before", lambda a: rf"\s+(?:{a('record.not_before')})\b")
    plan = lex_rx_for(s, "record_plan", "lookalike_heads.words", lambda a: _PLAN % a("lookalike_heads.words"))
    aid = lex_rx_for(s, "record_aid", "humanitarian.words", lambda a: rf"\b(?:{a('humanitarian.words')})\s+$")
    out = []
    for mt in s.matches(rx, "record.words"):
        a, b = mt.span(1)
        if (a and (s.f[a - 1] == "-" or s.text[a].isupper())) or thing.match(s.f, b) or plan.match(s.f, b):
            continue
        if aid.search(s.f, max(0, a - 30), a):
            continue
        if any(x.start < b and a < x.end for x in s.m):
            continue
        k = s.next_index(b)
        if k < len(s.m) and k != client and _OBJECT.fullmatch(s.f, b, s.m[k].start):
            continue
        if _BY.match(s.f, b) and (k == len(s.m) or s.m[k].start - b > _BY_REACH):
            continue
        out.append((a, b))
    return out


#: a look-alike head at most three words after the backing word: "backs Qatari plan", "supported the UN's call"
_PLAN = r"\s+(?:[\w'-]+\s+){0,2}?(?:%s)\b"

#: "backed by": the agent is named within ``_BY_REACH`` characters ("backed by fighters from the Lebanese group
#: Hezbollah"), or it is no actor ("backed by firm evidence")
_BY = re.compile(r"\s+by\b")
_BY_REACH = 60

#: the words between a backing word and its object: "support for the", "backing of", "supplying the"
_OBJECT = re.compile(r"\s+(?:(?:for|of|to)\s+)?(?:the\s+)?")


def record(s: Sentence, pairs: RecordPairs, date: dt.date | None) -> list[Edge]:
    """The record's edge in a sentence no shape bound (see the module docstring).

    Args:
        s: the sentence (its mentions include stand-ins, which never take part).
        pairs: the record's ``(backer, client)`` pairs and their periods.
        date: the article's date (None: every pair holds).

    Returns:
        One ``record`` edge, or none.
    """
    named = [i for i, x in enumerate(s.m) if not x.stand_in]
    found = [
        (i, j)
        for i in named
        for j in named
        if (s.m[i].entity, s.m[j].entity) in pairs and holds(pairs[(s.m[i].entity, s.m[j].entity)], date)
    ]
    if len({(s.m[i].entity, s.m[j].entity) for i, j in found}) != 1:
        return []
    (i, j) = found[0]
    cues = _strong_cues(s, j)
    if not cues:
        return []
    a, b = cues[0]
    return [Edge(i, j, a, b, s.f[a:b], "record", "unspecified", {"record"})]
