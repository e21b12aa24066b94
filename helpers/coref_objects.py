"""Object pronouns of short coreference: ``it``, ``them``, ``him`` after a backing verb ("Washington has armed
it", "strikes in support of them") stand for an actor named before, chosen among the candidates of
:func:`helpers.coref.stand_ins`: the topic of the sentence before, the subject a relative clause continues, else
the last one named, never the pronoun's own clause's subject nor an actor its sentence attacks.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .clauses import Mention
from .cues import CueLexicon
from .grammar import grammar_of

#: the kinds of actor a group stand-in or a state stand-in may name
GROUP_KINDS = {"faction", "organisation", "coalition"}
STATE_KINDS = {"state", "coalition", "organisation"}
_OWNED_PLURAL = re.compile(r"\b(?:its|their|his|her|our|your)\s+(?:[a-z-]+\s+)?[a-z-]{3,}s\b")


def object_verb(lex: CueLexicon, folded: str, pos: int) -> bool:
    """Whether a backing or transfer verb (or "alongside", "in support of") ends at ``pos``, where an object pronoun
    starts ("armed it", "kept it supplied", "fought alongside them", "sent to it", "strikes in support of them"),
    or a fighting verb with "for" ("to fight for him"), or a giving verb, what it gives and "to" ("delivered
    missiles and money to it")."""
    verb = lex.rx(
        "coref_object_verb",
        lambda: (
            rf"\b(?:(?:{lex.alt('cues.verb')}|{lex.alt('transfers.verbs')}|{lex.alt('object_tails.verbs')}|"
            rf"{lex.alt('fight.symmetric')}|{lex.alt('fight.past_object')})\s+(?:[a-z]+ly\s+)?(?:(?:to|for)\s+)?"
            rf"|(?:{lex.alt('fight.verbs')})\s+(?:[a-z]+ly\s+)?for\s+)$"
        ),
    )
    if verb.search(folded, max(0, pos - 40), pos):
        return True
    given = lex.rx("coref_given_to", lambda: rf"\b(?:{lex.alt('transfers.verbs')})\s+(?:[\w$.,'-]+\s+){{1,5}}?to\s+$")
    return folded.startswith("to ", pos - 3) and given.search(folded, max(0, pos - 60), pos) is not None


def object_pronouns(
    lex: CueLexicon, objects: re.Pattern, folded: str, where: tuple[int, int], before: Callable
) -> list[Mention]:
    """An object pronoun after a backing verb: ``it`` for the last faction named before, ``them`` for the last
    faction or alliance of factions ("the rebels"), ``him`` for the last leader; never one named just before the
    verb in its own sentence (its subject). ``where``: the sentence's start in the field and its id."""
    a, sid = where
    out = []
    accusing = lex.rx("coref_accusing", lambda: rf"\b(?:{lex.alt('attribution.accusation')})\s+$")
    for mt in objects.finditer(folded):
        word = mt.group(1)
        acc = accusing.search(folded, max(0, mt.start() - 30), mt.start())
        if acc and folded.startswith(" of ", mt.end(1)):
            out += _accused_pronoun(
                mt, word, folded, (a, a + acc.start(), sid), before
            )  # "severed ties with Abu Dhabi, accusing
            # it of"
            continue
        if not object_verb(lex, folded, mt.start()):
            continue
        if word == "them" and _OWNED_PLURAL.search(folded, 0, mt.start()):
            continue  # "Whatever Tehran tells its allies, it cannot protect them": them = its allies
        cands = [
            mm
            for mm in before(mt.start(), STATE_KINDS | GROUP_KINDS)
            if (mm[5] == "leader" if word == "him" else mm[3] == "faction" or (word == "them" and mm[3] == "coalition"))
            and not (mm[4] == sid and mm[1] >= a + mt.start() - 30)
        ]
        named = before(mt.start(), STATE_KINDS | GROUP_KINDS)
        shared = _shared_object(folded, a, sid, mt.start(), named)
        attacked = grammar_of(lex).attacked_before  # "keep resisting ISIL ... strikes in support of them": not ISIL
        cands = [mm for mm in cands if mm[4] != sid or not attacked.search(folded, max(0, mm[0] - a - 30), mm[0] - a)]
        main = _main_subject(folded, (a, sid), mt.start(), cands, named)
        cands = cands if main is not None else _not_own_subject(folded, (a, sid), mt.start(), cands, named)
        if shared is not None or cands:
            pick = shared or topic(cands, sid) or main or cands[-1]
            out.append(Mention(mt.start(1), mt.end(1), pick[2], pick[3], "stand_in", word))
    return out


#: "training the army and supplying it": the object of a first verb, "and", a second verb, then the pronoun
_AND_VERB = re.compile(r"\s*,?\s+and\s+[a-z]+(?:ing|ed|s)?\s+")


def _shared_object(folded: str, a: int, sid: int, pos: int, cands: list[tuple]) -> tuple | None:
    """The object of the verb before "and" when a pronoun at ``pos`` is the object of the verb after it ("was
    training the army and supplying it with drones": it = the army); None when no such object."""
    last = cands[-1] if cands else None
    if last is None or last[4] != sid or last[1] - a > pos:
        return None
    return last if _AND_VERB.fullmatch(folded, last[1] - a, pos) else None


#: a relative clause opening before an object pronoun, in the same clause ("the troops that have armed it")
_RELATIVE_OPEN = re.compile(r"\b(?:that|which|who)\s[^;:]{0,50}$")


def _main_subject(
    folded: str, where: tuple[int, int], pos: int, cands: list[tuple], named: list[tuple]
) -> tuple | None:
    """The sentence's opening subject, when the pronoun at ``pos`` is the object in a relative clause with no
    subject of its own ("The SDF ... still relies on the American troops that have armed it since the campaign
    against ISIS": the SDF, not a faction named in between; not "his claim that Iran was helping it"); None
    otherwise (``where``: the sentence's start in the field and its id; ``named``: every actor before)."""
    a, sid = where
    first = next((mm for mm in cands if mm[4] == sid), None)
    rel = _RELATIVE_OPEN.search(folded, max(0, pos - 60), pos)
    if first is None or first[0] - a > 8 or rel is None or any(mm[0] >= a + rel.start() for mm in named):
        return None
    return first


def _not_own_subject(
    folded: str, where: tuple[int, int], pos: int, cands: list[tuple], named: list[tuple]
) -> list[tuple]:
    """The candidates without the subject of the pronoun's own clause: the actors named together right after a
    clause opens, with no comma and no other actor between them and the pronoun at ``pos`` ("adding that U.S. and
    coalition aircraft flew 135 strikes in support of them": them is not the coalition)."""
    a, sid = where
    own = [mm for mm in named if mm[4] == sid]
    if not own or any(c in folded[own[-1][1] - a : pos] for c in ",;:"):
        return cands
    k = len(own) - 1
    while k and _JOINED.fullmatch(folded, own[k - 1][1] - a, own[k][0] - a):
        k -= 1  # "U.S. and coalition", "Russian and Syrian"
    if not _CLAUSE_OPENS.search(folded, max(0, own[k][0] - a - 12), own[k][0] - a):
        return cands  # "Russia's jets bombed the rebels to help them": an object, not the clause's subject
    subject = {mm[2] for mm in own[k:]}
    return [mm for mm in cands if mm[4] != sid or mm[2] not in subject]


#: names joined in one subject: "U.S. and coalition", "Russian and Syrian"
_JOINED = re.compile(r"\s*(?:,|and|&|-)?\s*")
#: a clause opening before its subject: the sentence's start, a comma, "that", "and"
_CLAUSE_OPENS = re.compile(r"(?:^|[,;:]|\b(?:that|and|but|while|as|after|when|because|since))\s*(?:the\s+)?$")


def topic(cands: list[tuple], sid: int) -> tuple | None:
    """The first mention of the sentence before, when it is among the candidates: the topic a later "it" picks up
    ("The YPG has been America's partner against Islamic State. Washington has armed it": the YPG)."""
    prev = [mm for mm in cands if mm[4] == sid - 1]
    if not prev or any(mm[4] == sid for mm in cands):
        return None
    joined = len(prev) > 1 and prev[1][0] - prev[0][1] <= 9  # "HTS and the SDF took": no single topic
    return None if joined else prev[0]


def _accused_pronoun(
    mt: re.Match, word: str, folded: str, where: tuple[int, int, int], before: Callable
) -> list[Mention]:
    """``Sudan severed ties with Abu Dhabi, accusing it of backing the RSF``: the pronoun after an accusing verb is
    the last state or faction named before it that is not the accuser: the actor right before the verb ("and in
    October Hemedti accused it of"), else the sentence's first actor. ``where``: the sentence's start and the verb's
    start in the field, and the sentence's id."""
    a, verb, sid = where
    cands = before(mt.start(), STATE_KINDS | GROUP_KINDS)
    own = [mm for mm in cands if mm[4] == sid]
    near = [mm for mm in own if 0 <= verb - mm[1] <= 12 and "," not in folded[mm[1] - a : verb - a]]
    # "Hemedti accused", "Hemedti has accused" (not "severed ties with Abu Dhabi, accusing": the clause's subject)
    accuser = near[-1] if near else (own[0] if own else None)
    cands = [mm for mm in cands if accuser is None or mm[2] != accuser[2]]
    if word == "him":
        cands = [mm for mm in cands if mm[5] == "leader"]
    if not cands:
        return []
    return [Mention(mt.start(1), mt.end(1), cands[-1][2], cands[-1][3], "stand_in", word)]
