"""Arabic stand-ins: a faction called by the head noun of its name ("فرضت واشنطن عقوبات على كتيبة البراء بن مالك
... وقالت إن الكتيبة تلقت أسلحة": the brigade), read as the last faction named in the sentence or the one before
whose name holds that noun. The nouns are data (``stand_ins`` in ``data/cues/support_ar.yaml``); run by
:mod:`helpers.support` before the Arabic shapes.
"""

from __future__ import annotations

import re

from .arabic_slots import RELATIVES
from .clauses import Mention
from .cues_ar import ArabicCues, alt

__all__ = ["stand_ins_ar"]


def _rx(lex: ArabicCues) -> re.Pattern:
    """The article and a stand-in noun, not followed by an adjective with the article ("الحزب الحاكم" is another
    party) but possibly by a relative pronoun ("الكتيبة التي")."""
    return lex.built(
        "stand_in_groups",
        lambda: re.compile(
            rf"(?<![\u0621-\u064a])[وف]?(?:ب|ل)?((?:ال|(?<=ل)ل)(?:{alt(lex.stand_in_groups)}))(?![\u0621-\u064a])"
            r"(?!\s+ال(?!تي|ذي|ذين)[\u0621-\u064a])"
        ),
    )


def stand_ins_ar(
    plain: str, span: tuple[int, int], sid: int, prior: list[tuple[int, int, str, str, int, str]], lex: ArabicCues
) -> list[Mention]:
    """Stand-ins in the sentence ``span`` of ``plain`` (a field's text without marks).

    Args:
        plain: the field's text; span: the sentence's start and end in it; sid: its sentence id.
        prior: the field's actor mentions as ``(start, end, entity, kind, sent_id, via)`` in ``plain`` offsets, in text
            order (those of this sentence and the one before are read).
        lex: the Arabic cue lexicon.

    Returns:
        Mentions with offsets relative to the sentence, ``via`` "stand_in".
    """
    if not lex.stand_in_groups:
        return []
    a, b = span
    near = [m for m in prior if sid - 1 <= m[4] <= sid]
    out = (
        _pairs(plain, span, near, lex)
        + _beside_him(plain, span, near, sid)
        + _accused_of_it(plain, span, near, sid, lex)
    )
    for mt in _rx(lex).finditer(plain, a, b):
        pos = mt.start(1)
        if any(x <= pos < y for x, y, *_ in near):
            continue  # "الحركة الشعبية": the name itself
        noun = re.sub(r"^(?:ال|ل)", "", mt.group(1))
        cands = [m for m in near if m[1] <= pos and m[3] == "faction" and noun in plain[m[0] : m[1]]]
        if not cands:  # "الحزب" two sentences after "حزب الله": the only group whose name holds the noun
            far = [m for m in prior if m[4] < sid - 1 and m[3] == "faction" and noun in plain[m[0] : m[1]]]
            cands = far if len({m[2] for m in far}) == 1 else []
        if cands:
            pick = cands[-1]
            out.append(Mention(pos - a, mt.end(1) - a, pick[2], pick[3], "stand_in", mt.group(1)))
    groups = [(x.start + a, x.end + a, x.entity, x.kind, sid, "stand_in") for x in out]  # "الحزب": the party
    return out + _his_men(plain, span, sorted(near + groups), sid, lex)


def _beside_him(plain: str, span: tuple[int, int], near: list[tuple], sid: int) -> list[Mention]:
    """``أقر البرهان بانسحاب قواته. وكانت القوة المشتركة قد قاتلت إلى جانبه``: "beside him" after at most one actor of
    its sentence stands for the first actor of the sentence before (when another), as a stand-in on the pronoun."""
    a, b = span
    before = [m for m in near if m[4] == sid - 1]
    out = []
    for mt in _BESIDE_HIM.finditer(plain, a, b):
        own = {m[2] for m in near if m[4] == sid and m[1] <= mt.start()}
        if len(own) <= 1 and before and before[0][2] not in own:
            first = before[0]
            out.append(Mention(mt.start(1) - a, mt.end(1) - a, first[2], first[3], "stand_in", mt.group(0)))
    return out


def _accused_of_it(plain: str, span: tuple[int, int], near: list[tuple], sid: int, lex: ArabicCues) -> list[Mention]:
    """``أعلنت قوات الدعم السريع سيطرتها على الفاشر. وتتهم الحكومة أبوظبي بتسليحها``: the object pronoun on a
    backing noun after an accusation stands for the last actor named before the accusation in its sentence, else
    in the sentence before, that agrees with it (not a demonym; "ه" for a masculine name, "ها" for another), as a
    stand-in on the pronoun; never for the accuser or the accused."""
    if not lex.accusation or not lex.nouns:
        return []
    stems = tuple(lex.nouns) + tuple(n[:-1] + "ت" for n in lex.nouns if n.endswith("ه"))  # مساندة: بمساندتها
    rx = lex.built(
        "accused_of_it",
        lambda: re.compile(
            rf"(?<![\u0621-\u064a])[وف]?(?:{alt(lex.accusation)})(?![\u0621-\u064a])[^.؛:]{{0,60}}?"
            rf"(?<![\u0621-\u064a])[وف]?ب(?:{alt(stems)})(ه|ها|هم|هما)(?![\u0621-\u064a])"
        ),
    )
    a, b = span
    out = []
    for mt in rx.finditer(plain, a, b):
        inside = {m[2] for m in near if m[4] == sid and mt.start() <= m[0] < mt.start(1)}
        out += _agreeing(plain, [m for m in near if m[2] not in inside], sid, mt, a)
    return out


def _his_men(plain: str, span: tuple[int, int], near: list[tuple], sid: int, lex: ArabicCues) -> list[Mention]:
    """``قاتل آلاف من عناصره إلى جانب قوات النظام``: the pronoun on a body noun of an actor's men (``stand_ins.men``)
    stands for the last actor named before it in its sentence, else in the sentence before, that agrees with it
    (not a demonym; "ه" for a masculine name, "ها" for another), as a stand-in on the pronoun."""
    if not lex.stand_in_men:
        return []
    rx = lex.built(
        "stand_in_men",
        lambda: re.compile(rf"(?<![\u0621-\u064a])[وفبل]?(?:{alt(lex.stand_in_men)})(ه|ها|هم)(?![\u0621-\u064a])"),
    )
    a, b = span
    out = []
    attacks = set(lex.combat_nouns) | set(lex.combat_verbs)
    for mt in rx.finditer(plain, a, b):
        prev = plain[max(a, mt.start() - 20) : mt.start()].split()[-1:]
        if prev and re.sub(r"^[وف]?(?:بال|لل|ال|ب|ل)?", "", prev[0]) in attacks:
            continue  # "اتهم حميدتي مصر بقصف قواته": the men attacked, no one's stand-in for a doer
        out += _agreeing(plain, near, sid, mt, a)
    return out


def _agreeing(plain: str, near: list[tuple], sid: int, mt: re.Match, a: int) -> list[Mention]:
    """The stand-in on the pronoun of ``mt`` (its group 1): the last of ``near`` before ``mt`` in its sentence, else
    in the sentence before, that agrees with the pronoun (no demonym; "ه" a masculine name, "ها" another, "هم" and
    "هما" any; a leader is a man); ``a``: the sentence's start in ``plain``."""
    his = mt.group(1)
    agree = [
        m
        for m in near
        if m[5] != "demonym"
        and (his in ("هم", "هما") or (his == "ه") == (m[5] == "leader" or bool(_MASCULINE.match(plain, m[0]))))
    ]
    cands = [m for m in agree if m[4] == sid and m[1] <= mt.start()] or [m for m in agree if m[4] == sid - 1]
    if not cands:
        return []
    pick = _antecedent(plain, cands, mt.start()) or cands[-1]
    return [Mention(mt.start(1) - a, mt.end(1) - a, pick[2], pick[3], "stand_in", mt.group(0))]


#: a relative pronoun after a name and its comma ("الأسد، الذي")
_RELATIVE = re.compile(rf"\s*[،,]\s*(?:{RELATIVES})\s")


def _antecedent(plain: str, cands: list[tuple], pos: int) -> tuple | None:
    """``بشار الأسد، الذي قاتل حزب الله إلى جانب قواته``: in a relative clause with a subject of its own, the pronoun
    is the one that goes back to the name the clause is on (Assad's forces, not Hezbollah's); None otherwise."""
    rel = next(reversed(list(_RELATIVE.finditer(plain, max(0, pos - 80), pos))), None)
    if rel is None:
        return None
    before = [m for m in cands if m[1] == rel.start()]
    inside = [m for m in cands if rel.end() <= m[0] and m[1] <= pos]
    return before[-1] if before and inside else None


#: a name whose head noun is masculine (what "ه" stands for): a party, an army, a regime, an organisation, a man
_MASCULINE = re.compile(r"(?:ال)?(?:حزب|جيش|نظام|تنظيم|حرس|فيلق|لواء|مجلس|اتحاد|تحالف|الاسد|البرهان|حميدتي|حفتر)")


#: "beside him/her/them" with the pronoun written on (its pronoun is group 1)
_BESIDE_HIM = re.compile(r"(?<![\u0621-\u064a])جانب(ه|ها|هم)(?![\u0621-\u064a])")


def _pairs(plain: str, span: tuple[int, int], near: list[tuple], lex: ArabicCues) -> list[Mention]:
    """``البلدين``، ``للدولتين``: the last pair of states named together before it (joined by و), as one stand-in
    ``a|b``."""
    if not lex.stand_in_pairs:
        return []
    rx = lex.built(
        "stand_in_pairs",
        lambda: re.compile(
            rf"(?<![\u0621-\u064a])[وف]?(?:ب|ل)?((?:ال|(?<=ل)ل)(?:{alt(lex.stand_in_pairs)}))(?![\u0621-\u064a])"
        ),
    )
    out = []
    for mt in rx.finditer(plain, *span):
        states = [m for m in near if m[1] <= mt.start(1) and m[3] == "state"]
        joined = [  # "السعودية وقطر", "المملكة العربية السعودية ودولة قطر": the pair named together
            (x, y) for x, y in zip(states, states[1:]) if x[2] != y[2] and _AND.fullmatch(plain, x[1], y[0])
        ]
        if joined:
            ents = f"{joined[-1][0][2]}|{joined[-1][1][2]}"
            out.append(Mention(mt.start(1) - span[0], mt.end(1) - span[0], ents, "state", "stand_in", mt.group(1)))
    return out


#: و between the two states of a pair, with the noun "state" written before the second ("ودولة قطر")
_AND = re.compile(r"\s*و\s*(?:دوله\s+)?")
