"""Arabic shielding: a veto or a block of a measure against an actor backs that actor, political
(``استخدمت روسيا والصين حق النقض ضد مشروع قرار يدين النظام السوري``, ``أحبطت موسكو مشروع قرار يفرض عقوبات على
دمشق``); the lexicon's ``shield`` section. Composed by :func:`helpers.shapes_ar.all_edges`, as the English
:mod:`helpers.shieldshapes`.
"""

from __future__ import annotations

import re

from .arabic_slots import head_of, list_after, list_before, name_after, name_before
from .clauses import Sentence
from .cues_ar import ArabicCues, alt, alt_rx
from .edges import Edge, pairs

__all__ = ["shield"]


def _target(lex: ArabicCues) -> re.Pattern:
    """The measure, then (past up to ten words: "أوروبي في مجلس الأمن الدولي كان يلوح بإجراءات") what joins it to its
    target."""
    return lex.built(
        "shield_target",
        lambda: re.compile(
            rf"\s*(?:\S+\s+){{0,6}}?(?:{alt(lex.veto_measures)})(?:\s+\S+){{0,10}}?\s+[وف]?(?:{alt(lex.veto_against)})\s+"
        ),
    )


def shield(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``استخدمت روسيا حق النقض ضد مشروع قرار يدين النظام``: the subject after the verb (or before it) of a veto
    (``veto_verbs`` with a veto noun) or a block (``block_verbs``) of a measure against an actor backs it."""
    if not lex.veto_measures or not lex.veto_against:
        return []
    veto_noun = lex.built("shield_veto", lambda: re.compile(rf"\s*(?:\S+\s+){{0,3}}?\(?(?:{alt(lex.vetoes)})\)?"))
    out: list[Edge] = []
    for mt in alt_rx(lex.veto_verbs + lex.block_verbs).finditer(s.f):
        k = name_after(s, mt.end(), max_words=0)
        backers = list_after(s, k) if k is not None else []
        before = head_of(s, name_before(s, mt.start(), 0)) if not backers else None
        backers = backers or (list_before(s, before) if before is not None else [])  # "موسكو وبكين تسقطان"
        if not backers:
            continue
        end = max(mt.end(), s.m[backers[-1]].end)
        word = " ".join(mt.group(0).split()).lstrip("وف")
        if word in lex.veto_verbs:  # "استخدمت روسيا حق النقض": the veto noun, then the measure
            veto = veto_noun.match(s.f, end)
            if veto is None:
                continue
            end = veto.end()
        t = _target(lex).match(s.f, end)
        client = name_after(s, t.end(), max_words=1) if t else None
        if client is not None and client not in backers:
            cue = " ".join(s.f[mt.start() : t.end()].split())
            out += pairs(backers, list_after(s, client), (mt.start(), t.end()), cue, "shield", "political")
    return out
