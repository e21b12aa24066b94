"""Who a passive cue backs when no name stands right before it: the clause subject after an adverbial phrase, a
comma or a material the subject fights with (:func:`subject_client`), the subject after a fronted participle
phrase (:func:`fronted_client`), the leader of what is backed (:func:`led_and_backed`), the head of two chained
participle phrases (:func:`chained_participle`), and the delegates' "of" that backs no state (:func:`of_delegates`).
Used by :func:`helpers.passiveshapes.passive`.
"""

from __future__ import annotations

import re

from .clauses import Sentence
from .doers import subject_after_comma, subject_after_phrase
from .edges import lex_rx

__all__ = ["chained_participle", "fronted_client", "led_and_backed", "of_delegates", "second_agents", "subject_client"]


#: "held the city only after being propped up by Russia": a passive in an adverbial clause, of the clause subject
_BEING_BEFORE = re.compile(
    r"\b(?:after|before|since|while|when|until|despite)\s+(?:being|having\s+been)\s+(?:[a-z]+ly\s+)?$"
)


def of_delegates(s: Sentence, client: int) -> bool:
    """``the foreign ministers of the US, Russia and France, joined by Turkey``: the client's list follows a
    delegate noun's "of", so the participle is the delegates'."""
    first = s.coordinated_back(client)[0]
    rx = lex_rx(s, "passive_delegates", lambda a: rf"\b(?:{a('grammar.delegate_nouns')})\s+of\s+(?:the\s+)?$")
    return rx.search(s.f, max(0, s.m[first].start - 40), s.m[first].start) is not None


def subject_client(s: Sentence, pos: int, backers: list[int]) -> int | None:
    """The clause subject as the client of a passive cue at ``pos`` that follows an adverbial phrase
    ("held the city only after being propped up by"), a comma ("advanced, backed by") or a material the subject
    uses ("Hezbollah fought with rockets supplied by Iran", "using training and weapons supplied by")."""
    being = _BEING_BEFORE.search(s.f, max(0, pos - 30), pos)
    if being:
        return s.clause_subject(being.start(), exclude=frozenset(backers))
    means = lex_rx(
        s,
        "passive_used_means",
        lambda a: (
            rf"\b(?:{a('grammar.means_verbs')})\s+(?:[\w'-]+\s+){{0,4}}?"
            rf"(?:{a('materials.words')})\s+$"
        ),
    ).search(s.f, max(0, pos - 70), pos)
    if means or re.search(r"[a-z],\s*$", s.f[max(0, pos - 3) : pos]):
        c = s.clause_subject(means.start() if means else pos, exclude=frozenset(backers))
        prev = s.f.rfind(",", 0, pos - 2) if c is None and not means else -1
        if prev > 0 and s.next_index(prev) == s.next_index(pos) and len(s.f[prev:pos].split()) <= 14:
            c = s.clause_subject(prev, exclude=frozenset(backers))  # "retook Palmyra, ten months after losing it,"
        return c
    return None


def fronted_client(s: Sentence, pos: int, backers: list[int]) -> tuple[int | None, list[int]]:
    """``Backed by Russian jets, Syrian troops retook Palmyra``: a participle phrase opening the sentence says
    what backs the subject after its comma (or after the phrase, when a scrape dropped the comma); a name the
    backers' list took past that comma is the subject ("Backed by Turkish tanks and warplanes, Free Syrian Army
    rebels drove")."""
    if re.search(r"[a-z0-9]", s.f[:pos]) and not re.fullmatch(r"\W*(?:but|and|yet|now)\W*", s.f[:pos]):
        return None, backers
    gap = s.gap(s.m[backers[-2]].end, s.m[backers[-1]].start) if len(backers) > 1 else ""
    if "," in gap and s.g.has_conj.search(gap.rsplit(",", 1)[1]) is None:
        return backers[-1], backers[:-1]
    k = subject_after_comma(s, s.m[backers[-1]].end)
    return (subject_after_phrase(s, s.m[backers[-1]].end) if k is None else k), backers


def led_and_backed(s: Sentence, pos: int) -> int | None:
    """``an operation led by the SDF and backed by the coalition``: the leader of what is backed is the client."""
    k = s.prev_index(pos)
    gap = lex_rx(s, "led_and_gap", lambda a: rf"{s.g.np_tail}(?:\s+of\s+[a-z]+)?\s*,?\s*and\s+")
    if k < 0 or not gap.fullmatch(s.gap(s.m[k].end, pos)):  # "led by an alliance of fighters and backed by"
        return None
    led = s.g.led_by_before.search(s.f, max(0, s.m[k].start - 40), s.m[k].start)
    return k if led else None


#: a participle phrase before the name: "troops fighting alongside Hezbollah and backed by Russian jets"
_ING_PHRASE = re.compile(r"\b[a-z]+ing\s+(?:alongside|beside|with|for|against|under|on\s+behalf\s+of)\s+(?:the\s+)?$")
#: a passive with its agent before the name: "the SDF, (an alliance) dominated by the YPG and backed by the US"
_BY_PHRASE = re.compile(r"\b(?:[a-z]{3,}(?:ed|en)|led|run|built|held)\s+by\s+(?:the\s+|an?\s+)?$")
#: what may stand between a group and the passive describing it: an apposition ("an alliance") or "which is"
_HEAD_GAP = re.compile(
    r"\s*,?\s*(?:(?:an?|the)\s+(?:[a-z-]+\s+){0,3}|(?:which|that|who)\s+(?:is|are|was|were|has\s+been|have\s+been|had"
    r"\s+been)\s+(?:[a-z]+ly\s+)?)?"
)


def chained_participle(s: Sentence, k: int | None, pos: int) -> int | None:
    """``Government troops fighting alongside Hezbollah and backed by Russian jets``, ``the SDF, an alliance
    dominated by the YPG and backed by the US``: two participle phrases joined by "and" after one noun; the
    mention heading the first (before its participle) is the client."""
    if k is None or k < 0 or not re.fullmatch(r"\s*,?\s*and\s+(?:[a-z]+ly\s+)?", s.gap(s.m[k].end, pos)):
        return None
    mt = _ING_PHRASE.search(s.f, max(0, s.m[k].start - 40), s.m[k].start)
    if mt is None:
        by = _BY_PHRASE.search(s.f, max(0, s.m[k].start - 30), s.m[k].start)
        h = s.prev_index(by.start()) if by else -1
        return h if h >= 0 and _HEAD_GAP.fullmatch(s.gap(s.m[h].end, by.start())) else None
    h = s.prev_index(mt.start())
    return h if h >= 0 and len(s.gap(s.m[h].end, mt.start()).split()) <= 1 else None


#: a second agent phrase after the first: "and from the air by", "and later by"
_AND_BY = re.compile(
    r"\s*,?\s+and\s+(?:(?:on|from|in)\s+the\s+(?:ground|air)\s+|[a-z]+ly\s+|later\s+)?by\s+(?:the\s+)?"
)


def second_agents(s: Sentence, backers: list[int]) -> list[int]:
    """The agents of a passive and those of a second agent phrase after them (``supported on the ground by
    Iranian-backed militias and from the air by Russia``: the militias and Russia)."""
    if not backers:
        return backers
    again = _AND_BY.match(s.f, s.m[max(backers)].end)
    k = s.next_index(again.end()) if again else len(s.m)
    more = s.coordinated_fwd(k) if k < len(s.m) and s.m[k].start == again.end() else []
    return list(dict.fromkeys(backers + more))
