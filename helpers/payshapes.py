"""Paying an actor's debts or wage bill: ``Saudi Arabia and Qatar will pay off Syria's arrears to the World
Bank``, ``Qatar is to fund public sector salaries in Syria`` (the payer backs the one whose debts or wages it
pays, support type ``funding``). Run by :func:`helpers.shapes.verb`; the words are data (``debts`` in
``data/cues/support.yaml``).
"""

from __future__ import annotations

import re

from .clauses import Sentence
from .doers import joined_in
from .edges import Edge, cue_text, lex_rx, pairs

__all__ = ["paid_debts"]


def _gap(s: Sentence) -> str:
    """Words between the paying verb and the debtor or the debt ("about $15.5m of", "the", "all of", "roughly $29
    million a month toward the"), as many as the ``debt_gap_words`` window."""
    return rf"(?:[\w$.,%-]+\s+){{0,{s.g.lex.windows['debt_gap_words']}}}?"


def _owner_rx(s: Sentence) -> re.Pattern:
    """A paying verb and a few words, at the end of the text before the debtor (``paid off Syria's``)."""
    return lex_rx(s, "debt_verb", lambda a: rf"\b({a('debts.verbs')})\s+{_gap(s)}$")


def _debt_after_rx(s: Sentence) -> re.Pattern:
    """The debtor's possessive and a debt noun after it (``'s arrears``, ``'s public sector salaries``, ``'s $15m
    debt``, ``'s roughly $15 million in arrears``)."""
    return lex_rx(s, "debt_after", lambda a: rf"'s?\s+(?:[\w$.,%-]+\s+){{0,6}}?({a('debts.nouns')})\b")


def _debt_before_rx(s: Sentence) -> re.Pattern:
    """A paying verb, a debt noun and of / owed by / in before the debtor (``pay the salaries of``)."""
    return lex_rx(
        s,
        "debt_before",
        lambda a: rf"\b({a('debts.verbs')})\s+{_gap(s)}({a('debts.nouns')})\s+(?:of|owed\s+by|in|for)\s+(?:the\s+)?$",
    )


def _owed_by_rx(s: Sentence) -> re.Pattern:
    """A paying verb and a sum owed by the debtor (``will jointly pay $15 million owed by``)."""
    return lex_rx(s, "debt_owed_by", lambda a: rf"\b({a('debts.verbs')})\s+{_gap(s)}(owed)\s+by\s+(?:the\s+)?$")


def _gerund_doer(s: Sentence, v: re.Match) -> list[int]:
    """The doer of a paying gerund after "in" or "by": the joiner and the joined ("Qatar joined Saudi Arabia in
    settling"), else the antecedent of the relative clause holding it ("Saudi Arabia, which joined Doha in settling
    Syria's arrears")."""
    if not re.search(r"\b(?:in|by)\s+$", s.f[max(0, v.start(1) - 4) : v.start(1)]):
        return []
    joined = joined_in(s, v.start(1))  # "Qatar joined Saudi Arabia in settling": both
    if joined:
        return joined
    k = s.relative_subject(v.start(1))
    return [] if k is None else s.coordinated_back(k)


def paid_debts(s: Sentence) -> list[Edge]:
    """``Gulf states paid off Syria's arrears``, ``pay the salaries of civil servants in Syria``, ``pay $15 million
    owed by Syria``: the subject of the paying verb backs the debtor named with the debt noun (or owing the sum)."""
    owed = " owed by " in s.f
    if not (owed or s.has_cue("debts.nouns")):
        return []
    out: list[Edge] = []
    for k, mk in enumerate(s.m):
        lo = max(0, mk.start - 90)
        v = _owner_rx(s).search(s.f, lo, mk.start)
        debt = _debt_after_rx(s).match(s.f, mk.end) if v else None
        if debt is None:
            v = _debt_before_rx(s).search(s.f, lo, mk.start)
        if v is None and owed:
            v = _owed_by_rx(s).search(s.f, lo, mk.start)
        if v is None:
            continue
        end = debt.end(1) if debt else v.end(2)
        backers = [b for b in s.subject_before(v.start(1)) or _gerund_doer(s, v) if b != k]
        out += pairs(backers, [k], (v.start(1), end), cue_text(s.f[v.start(1) : end]), "verb", "funding")
    return out
