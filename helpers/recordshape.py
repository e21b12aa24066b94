"""The record's reading of a sentence no shape could bind: ``Tehran hints at limits to years of support for
Damascus`` or ``Backed by Russian jets, the army of President Assad pushed into Palmyra``.

When a sentence holds a strong backing word (``record.words``: back, support, arm, fund, patron, proxy; not
``help``) and names exactly one pair of actors that the conflict pack's ``backs`` table says were backer and
client on the article's date, and none of the statement shapes found an edge in it, the pair is read as the
edge. The shape is ``record`` (its confidence, ``confidence.shapes.record``, is its share right on the dev set's
tune part), so an analyst can keep or drop these edges with one filter; the evidence sentence is shown as for any
other.

Refused (:func:`_strong_cues`): a word joined by a hyphen to the word before (``Russian-backed separatists``: the
compound shape's business), inside a name, before a thing (``record.not_before``: ``a rebel supply line``) or a
look-alike head, after a humanitarian word, and before another actor or no actor at all. The Arabic reading is
:func:`record_ar`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

import pandas as pd

from .arabic_slots import after_thing, humanitarian_at
from .clauses import Sentence
from .cues_ar import PRE, ArabicCues, alt, alt_rx, suffixed, with_objects
from .edges import Edge, lex_rx_for

__all__ = ["RecordPairs", "holds", "record", "record_ar", "record_pairs"]

#: backer -> client pairs of the record, each with the periods ``(from, to)`` it held (ISO dates; ``""``: open)
RecordPairs = Mapping[tuple[str, str], tuple[tuple[str, str], ...]]


def record_pairs(gazetteer: Any) -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
    """The gazetteer's ``backs`` pairs with their periods; without one, those of every shipped pack, so that an
    article tagged with another pack than the default is read by its own record (``load_gazetteer`` caches each).

    Args:
        gazetteer: a loaded gazetteer (its ``backs`` frame), or None.

    Returns:
        ``{(backer, client): ((from, to), ...)}`` with ISO dates, ``""`` for an open end.
    """
    out: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}
    if gazetteer is None:
        from .gazetteer import load_gazetteer
        from .packs import available_packs

        for p in available_packs():
            for pair, periods in record_pairs(load_gazetteer(p)).items():
                out[pair] = out.get(pair, ()) + periods
        return out
    backs = getattr(gazetteer, "backs", None)
    if backs is None or not len(backs):
        return out
    for b, c, f, t in zip(backs["backer"], backs["client"], backs["from"], backs["to"]):
        period = ("" if pd.isna(f) else str(f)[:10], "" if pd.isna(t) else str(t)[:10])
        out[(str(b), str(c))] = out.get((str(b), str(c)), ()) + (period,)
    return out


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


def _strong_cues(s: Sentence, client: int, backer: str) -> list[tuple[int, int]]:
    """The strong backing words of the sentence that may carry the record's pair to ``client`` (a mention index)
    from ``backer`` (an actor id).

    Refused: a word a hyphen joins to the word before (``Russian-backed``), one inside a name (``Rapid Support
    Forces``, or capitalised inside the sentence: ``the Syria Support Group``), one before a thing
    (``record.not_before``: ``supply line``) or a look-alike head (``backs Qatari plan``), one after a humanitarian
    word (``humanitarian support``), and one whose object is
    another actor (``support for the Free Syrian Army``), or whose agent after "by" is no actor (``backed by new
    evidence``) or another actor than the backer."""
    rx = lex_rx_for(s, "record_word", "record.words", lambda a: rf"({a('record.words')})\b")
    thing = lex_rx_for(s, "record_thing", "record.not_before", lambda a: rf"\s+(?:{a('record.not_before')})\b")
    plan = lex_rx_for(s, "record_plan", "lookalike_heads.words", lambda a: _PLAN % a("lookalike_heads.words"))
    aid = lex_rx_for(s, "record_aid", "humanitarian.words", lambda a: rf"\b(?:{a('humanitarian.words')})\s+$")
    out = []
    for mt in s.matches(rx, "record.words"):
        a, b = mt.span(1)
        if (a and (s.f[a - 1] == "-" or s.text[a].isupper())) or thing.match(s.f, b) or plan.match(s.f, b):
            continue
        if aid.search(s.f, max(0, a - 30), a) or (_BY.match(s.f, b) and s.after_thing(a)):
            continue  # "humanitarian support"; "agreed a ceasefire backed by Turkey": the ceasefire is backed
        if any(x.start < b and a < x.end for x in s.m):
            continue
        k = s.next_index(b)
        if k < len(s.m) and k != client and _OBJECT.fullmatch(s.f, b, s.m[k].start):
            continue
        if _other_head(s, a, client):
            continue  # "The group, which is funded by Iran, fought for Assad": the relative's head is funded
        listed, agents = _agents(s, k, b) if _BY.match(s.f, b) else ([], [backer])
        if backer not in agents or (len(listed) > 1 and client in listed):
            continue  # no agent, others ("supplied by the United States"), or the client too ("by Tehran and Damascus")
        out.append((a, b))
    return out


#: a relative pronoun and the auxiliaries of a passive before a backing word ("the group, which is funded and armed")
_RELATIVE_PASSIVE = re.compile(
    r"(?:,\s*|\s)(?:which|who|that)\s+(?:(?:has|have|had|also|long|reportedly)\s+)*(?:is|are|was|were|been|being)"
    r"\s+(?:(?:also|long|reportedly)\s+)*(?:[a-z]+\s+and\s+)?$"
)


def _other_head(s: Sentence, a: int, client: int) -> bool:
    """Whether the backing word at ``a`` is the passive of a relative clause whose head is not mention ``client``
    (an unnamed "the group", or another actor)."""
    rel = _RELATIVE_PASSIVE.search(s.f, max(0, a - 60), a)
    if rel is None:
        return False
    k = s.prev_index(rel.start())
    return k != client or not re.fullmatch(r"\s*", s.f[s.m[k].end : rel.start()])


def _agents(s: Sentence, k: int, b: int) -> tuple[list[int], list[str]]:
    """The mentions listed after "by" at ``b`` (from mention ``k``: "by Tehran, Damascus and Moscow"), and the
    actor ids of that list and of the names within ``_BY_REACH`` characters before a comma or a clause's end
    ("backed by Assad ally Russia", "supplied by the United States")."""
    listed = s.coordinated_fwd(k) if k < len(s.m) and s.m[k].start - b <= _BY_REACH else []
    near = [s.m[i].entity for i in listed]
    for x in s.m[k:]:
        if x.start - b > _BY_REACH or re.search(r"[,;.:]", s.f[b : x.start]):
            break
        near.append(x.entity)
    return listed, near


#: a look-alike head at most three words after the backing word: "backs Qatari plan", "supported the UN's call"
_PLAN = r"\s+(?:[\w'-]+\s+){0,2}?(?:%s)\b"

#: "backed by": the agent is named within ``_BY_REACH`` characters ("backed by fighters from the Lebanese group
#: Hezbollah"), or it is no actor ("backed by new evidence")
_BY = re.compile(r"\s+by\b")
_BY_REACH = 60

#: the words between a backing word and its object: "support for the", "backing of", "supplying the"
_OBJECT = re.compile(r"\s+(?:(?:for|of|to)\s+)?(?:the\s+)?")


def _pair(s: Sentence, pairs: RecordPairs, date: dt.date | None) -> tuple[list[int], int] | None:
    """The mentions ``([backers], client)`` of the one pair of the record named in the sentence (stand-ins never
    take part), or of its pairs with one client whose backers are listed together ("support of the friends in
    Russia and Iran"); None when it names none, or pairs that are neither."""
    named = [i for i, x in enumerate(s.m) if not x.stand_in]
    found = [
        (i, j)
        for i in named
        for j in named
        if (s.m[i].entity, s.m[j].entity) in pairs and holds(pairs[(s.m[i].entity, s.m[j].entity)], date)
    ]
    if len({(s.m[i].entity, s.m[j].entity) for i, j in found}) == 1:
        return [found[0][0]], found[0][1]
    backers = sorted({i for i, _j in found})
    if len({s.m[j].entity for _i, j in found}) != 1 or len({s.m[i].entity for i in backers}) != len(backers):
        return None
    listed = all(b == a + 1 and _LISTED.fullmatch(s.f, s.m[a].end, s.m[b].start) for a, b in zip(backers, backers[1:]))
    return (backers, found[0][1]) if listed else None


#: between two backers listed together: a comma or "and" ("Russia and Iran", "روسيا وإيران")
_LISTED = re.compile(r"\s*(?:[,\u060c]\s*(?:and\s+|\u0648)?|and\s+|\u0648)\s*")


def record(s: Sentence, pairs: RecordPairs, date: dt.date | None) -> list[Edge]:
    """The record's edge in an English sentence no shape bound (see the module docstring).

    Args:
        s: the sentence (its mentions include stand-ins, which never take part).
        pairs: the record's ``(backer, client)`` pairs and their periods.
        date: the article's date (None: every pair holds).

    Returns:
        One ``record`` edge, or none.
    """
    if not s.has_cue("record.words"):
        return []  # no backing word for the record's pair to stand on (what :func:`_strong_cues` reads)
    pair = _pair(s, pairs, date)
    if pair is None or len(pair[0]) > 1:
        return []  # (listed backers: the Arabic reading only)
    (i,), j = pair
    cues = [c for c in _strong_cues(s, j, s.m[i].entity) if _one_clause(s, c, (i, j))]
    if not cues:
        return []
    a, b = cues[0]
    return [Edge(i, j, a, b, s.f[a:b], "record", "unspecified", {"record"})]


def record_ar(s: Sentence, lex: ArabicCues, pairs: RecordPairs, date: dt.date | None) -> list[Edge]:
    """:func:`record` for an Arabic sentence: the words are ``record.words`` of ``data/cues/support_ar.yaml``, with a
    proclitic before and an owner or object pronoun after (دعمها، تدعمه); refused inside a name, before aid to people
    (دعم إنساني), before a look-alike head (دعم وقف إطلاق النار) and right before another actor (دعم للمعارضة).

    Args:
        s: the sentence (plain: marks stripped, as the Arabic shapes read it).
        lex: the Arabic lexicon.
        pairs: the record's pairs and their periods.
        date: the article's date.

    Returns:
        One ``record`` edge, or none.
    """
    pair = _pair(s, pairs, date) if lex.record else None
    if pair is None:
        return []
    words = lex.built("record_words", lambda: alt_rx(lex.record + suffixed(lex.record) + with_objects(lex.record)))
    head = lex.built("record_head", lambda: re.compile(rf"\s+(?:\S+\s+)?{PRE}(?:{alt(lex.with_lookalikes)})"))
    for mt in words.finditer(s.f):
        a, b = mt.span()
        k = s.next_index(b)
        if any(x.start < b and a < x.end for x in s.m) or humanitarian_at(s, lex, b) or head.match(s.f, b):
            continue
        if after_thing(s, lex, a):
            continue  # "وقف لإطلاق النار بدعم من تركيا": the ceasefire is backed
        if k < len(s.m) and k != pair[1] and _AR_OBJECT.fullmatch(s.f, b, s.m[k].start):
            continue
        return [Edge(i, pair[1], a, b, s.f[a:b].strip(), "record", "unspecified", {"record"}) for i in pair[0]]
    return []


def _one_clause(s: Sentence, cue: tuple[int, int], pair: tuple[int, int]) -> bool:
    """True when the backer and the client are both named between the semicolons around the backing word
    ("Britain, which has funded the volunteers, said they faced danger; Russia and Damascus call them a tool":
    the word is not about Russia and Damascus)."""
    lo = s.f.rfind(";", 0, cue[0]) + 1
    hi = s.f.find(";", cue[1])
    hi = len(s.f) if hi < 0 else hi
    inside = {x.entity for x in s.m if lo <= x.start and x.end <= hi}
    return s.m[pair[0]].entity in inside and s.m[pair[1]].entity in inside


#: the letters between an Arabic backing word and a name right after it: a space and a proclitic (دعم لروسيا)
_AR_OBJECT = re.compile(r"\s+(?:[وف]?(?:لل|[بلك])?(?:ال)?)")
