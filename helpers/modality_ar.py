"""Arabic modality and attribution of a backing statement: ``denied`` (نفت، لم), ``alleged`` (اتهمت، مزاعم، بحسب
تقارير), ``possible`` (قد، تعتزم) or ``asserted``, and the accuser or speaker the sentence names. Read by
:mod:`helpers.support` for the edges of :mod:`helpers.shapes_ar` (the English: :mod:`helpers.modality`).
"""

from __future__ import annotations

import re

from .arabic_slots import RELATIVES, list_after, name_after, party_source
from .clauses import Sentence
from .cues_ar import ArabicCues, alt_rx
from .edges import Edge

__all__ = ["attribution", "modality"]

#: a past verb after قد ("قد ساندت", "قد أرسلوا"): the perfect, not "may" (a present verb: "قد تدعم")
_PAST_AFTER = re.compile(
    r"\s+(?![يت][\u0621-\u064a]+(?<![تا])(?![\u0621-\u064a]))[\u0621-\u064a]+(?:ت|وا|نا|تا|ا)(?:ه|ها|هم|هما)?(?![\u0621-\u064a])"
)
#: "promises" (تَعِد) or "is considered" (تُعَدّ): written alike
_CONSIDERED = frozenset({"يعد", "تعد"})
#: what a promise takes: ب before a verbal noun, أن before a verb
_PLEDGED = re.compile(r"(?<![\u0621-\u064a])(?:ب[\u0621-\u064a]{2,}|ان|بان)(?![\u0621-\u064a])")


#: a relative clause set off by commas: its words say nothing of the clause after it
_ASIDE = re.compile(rf"[،,]\s*(?:{RELATIVES})\s[^،,؛.]*[،,]")


def _in_aside(f: str, pos: int, cue: int) -> bool:
    """Whether ``pos`` lies in a relative clause set off by commas that closes before the cue at ``cue``."""
    return any(m.start() < pos < m.end() <= cue for m in _ASIDE.finditer(f, max(0, pos - 60), cue))


def modality(s: Sentence, e: Edge, lex: ArabicCues) -> tuple[str, bool]:
    """``denied`` (نفت، لم), ``alleged`` (اتهمت، مزاعم، بحسب تقارير), ``possible`` (قد، تعتزم) or ``asserted``."""
    lo = max(0, min(s.m[e.b].start, s.m[e.c].start, e.cue_start) - 60)
    scope = s.f[lo : max(e.cue_end, s.m[e.b].end, s.m[e.c].end)]
    if lex.denial and any(not _in_aside(s.f, lo + d.start(), e.cue_start) for d in alt_rx(lex.denial).finditer(scope)):
        return "denied", True  # (not "أما تركيا، التي نفت أي دور لها في الهجوم، فقد ساندت": the aside's own denial)
    reach = 12 if e.shape != "purpose" else 45  # "لن تتدخل عسكريا لمساندتها": the negated verb the purpose serves
    lo = max(0, e.cue_start - reach, s.f.rfind("،", 0, e.cue_start) + 1)
    if lex.negation and alt_rx(lex.negation).search(s.f, lo, e.cue_start):
        return "denied", True
    if "accused" in e.flags or (lex.allegation and alt_rx(lex.allegation).search(scope)) or party_source(s, e.b, e.c):
        return "alleged", False
    hyp = alt_rx(lex.hypothetical).search(s.f, max(0, e.cue_start - 25), e.cue_start) if lex.hypothetical else None
    if hyp is None and lex.hypothetical:  # "تعهدت قطر بتمويل رواتب": the pledge opens the cue itself
        first = alt_rx(lex.hypothetical).match(s.f, e.cue_start)
        hyp = first if first is not None and _PLEDGED.search(s.f, first.end(), e.cue_end) else None
    if (
        hyp is not None
        and hyp.group(0).strip().lstrip("وف") in _CONSIDERED
        and not _PLEDGED.search(s.f, hyp.end(), e.cue_end)
    ):
        hyp = None  # "تعد روسيا الداعم الأبرز للأسد": Russia is considered (a promise takes ب or أن: "تعد بتقديم")
    perfect = hyp is not None and (
        re.search(r"(?<![\u0621-\u064a])[وف]?(?:كان|كانت|كانوا)\s+(?:\S+\s+){0,3}$", s.f[: hyp.start()])
        or (hyp.group(0).strip().endswith("قد") and _PAST_AFTER.match(s.f, hyp.end()))
    )
    if hyp is not None and not perfect:
        return "possible", False  # "قد" after "كان" or before a past verb ("قد ساندت") is "has", not "may"
    return "asserted", False


def attribution(s: Sentence, e: Edge, lex: ArabicCues) -> str:
    """The accuser or speaker the sentence names (``اتهمت دمشق``: the actor right after the verb)."""
    for words in (lex.accusation, lex.speech, lex.describe):
        if not words:
            continue
        for mt in alt_rx(words).finditer(s.f, 0, e.cue_start):
            k = name_after(s, mt.end(), 0)
            if k is not None and k not in (e.b, e.c) and e.b not in list_after(s, k):
                return s.m[k].entity  # (not a speaker listed with the backer: "أعلنت السعودية وقطر")
    return ""
