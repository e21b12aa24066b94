"""What every backing-statement shape returns and the small tools the shapes share.

:class:`Edge` is one statement found in a sentence (the two mentions, the cue's span, the shape and the
support type); :func:`pairs` builds them, :func:`lex_rx` compiles a lexicon pattern once per lexicon,
:func:`cue_text` and :func:`modified_type` read the cue. The shapes themselves are in
:mod:`helpers.shapes` (verbal) and :mod:`helpers.nounshapes` (nominal and the rest).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clauses import Sentence


@dataclass
class Edge:
    """A backing statement found in one sentence (mention indices and sentence offsets)."""

    b: int
    c: int
    cue_start: int
    cue_end: int
    cue: str
    shape: str
    type: str = "unspecified"
    flags: set[str] = field(default_factory=set)


def pairs(
    backers: list[int],
    clients: list[int],
    span: tuple[int, int],
    cue: str,
    shape: str,
    type_: str,
    flags: set[str] | None = None,
) -> list[Edge]:
    """One edge per backer and client (never an actor backing itself)."""
    return [
        Edge(b, c, span[0], span[1], cue, shape, type_, set(flags or ())) for b in backers for c in clients if b != c
    ]


def first_side(s: Sentence, client: int, backers: list[int], sides: re.Pattern) -> list[int]:
    """The backers of ``client`` when it opens the two sides of a fight (``between SNA factions backed by Turkey
    and the SDF``, ``بين فصائل الجيش الوطني المدعومة من أنقرة وقسد``): the last name listed is the second side,
    not a co-backer, unless another name follows it with "and" (``between forces backed by Russia and Iran and
    rebel factions``: the rebels are the second side). ``sides`` matches a sides word and at most three words
    (none opening with and/و) at the end of the text before the client."""
    if len(backers) < 2 or sides.search(s.f, max(0, s.m[client].start - 60), s.m[client].start) is None:
        return backers
    k = max(backers) + 1
    if k < len(s.m) and _AND_NEXT.fullmatch(s.f, s.m[k - 1].end, s.m[k].start):
        return backers
    return backers[:-1]


#: "and" (or و written on) and at most two words before the next name: the second side of a fight
_AND_NEXT = re.compile(r"\s*(?:and\s+|و)(?:[^\s,،.]+\s+){0,2}[«\"]?")


#: a hyphen right after a name: the name qualifies the noun after it ("the Iranian-backed militias", "the
#: rebel-controlled territory"): it is no item of a list and no antecedent of a later "it"
QUALIFIES_NEXT = re.compile(r"\s*-\s*[a-z]")


def agent_by(a) -> str:
    """A mission verb's participle (launched, carried out) and "by" before the agent of an action of combat
    ("air strikes carried out by the ..."; ``a``: the lexicon's alternation)."""
    return rf"(?:(?:{a('fight.air_verbs')})\s+)?by\s+(?:the\s+)?"


#: a part of what is owed: "owes much of his survival to", "owe most of their firepower to"
OWED_PART = r"(?:(?:much|most|part|some|all|a\s+(?:great|good)\s+deal|a\s+lot)\s+of\s+)?"


def cue_text(text: str) -> str:
    """The cue as matched, with its whitespace collapsed."""
    return " ".join(text.split())


def lex_rx(s: Sentence, name: str, build) -> re.Pattern:
    """The sentence lexicon's pattern ``name``, built once by ``build(alternation)`` (kept on the grammar: the
    shapes ask for their patterns once per sentence)."""
    got = s.g.patterns.get(name)
    if got is None:
        got = s.g.patterns[name] = re.compile(build(s.g.lex.alt))
    return got


def lex_rx_for(s: Sentence, name: str, key: str, build) -> re.Pattern:
    """:func:`lex_rx` for a pattern that needs the lexicon's word list ``key`` (an optional section): a pattern
    that never matches when the lexicon has no such words."""
    return lex_rx(s, name, lambda a: build(a) if s.g.lex.words.get(key) else r"(?!)")


def modified_type(s: Sentence, noun_start: int, default: str) -> str:
    """``air support``: air_power; ``financial backing``: funding (the word before the noun decides)."""
    words = s.f[max(0, noun_start - 25) : noun_start].split()
    if words:
        t = s.g.lex.types.get("modifier", {}).get(words[-1].strip(",'"))
        if t and t != "unspecified":
            return t
    return default


def bare_aid(s: Sentence, start: int, noun: str) -> bool:
    """``aid``, ``assistance`` or ``help`` at ``start`` with no word before saying military or money: aid to
    people, not backing (``send aid to Turkey``; not ``military aid``)."""
    if cue_text(noun) not in ("aid", "assistance", "help"):
        return False
    words = s.f[max(0, start - 25) : start].split()
    return not words or words[-1].strip(",'") not in s.g.lex.types.get("modifier", {})


_WORD = re.compile(r"(?:'s?)?((?:\s+[a-z]+){1,2})")


def country_only(s: Sentence, k: int) -> bool:
    """True when mention ``k`` names a state as a country ("Sudan", "Lebanon"), whose aid goes to its people; False
    for a party of it: its government, army or ruler ("the Sudanese government", "Assad"), or any non-state."""
    m = s.m[k]
    if m.kind != "state" or m.via in ("leader", "body"):
        return False
    words = s.g.lex.words.get("grammar.state_parties", ())
    after = _WORD.match(s.f, m.end)  # "Lebanese army", "Sudan's transitional government": the words after
    return not any(w in words for w in [*s.f[m.start : m.end].split(), *(after.group(1).split() if after else [])])


def without_aid_channels(s: Sentence, edges: list[Edge]) -> list[Edge]:
    """The edges whose client is more than the channel of aid to people: not ``gave $10m to the UN to help Syrian
    refugees`` nor ``funding to the UN refugee agency`` (a humanitarian word right after the client)."""
    rx = lex_rx(
        s,
        "aid_channel",
        lambda a: (
            r"(?:'s?)?\s+(?:(?:to|for)\s+(?:help|aid|assist|support|feed|shelter|house)\s+)?(?:the\s+)?(?:[a-z-]+\s+)?"
            rf"(?:{a('humanitarian.words')})\b"
        ),
    )
    return [e for e in edges if not rx.match(s.f, s.m[e.c].end)]
