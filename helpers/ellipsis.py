"""Backing said again of another subject without its verb: ``Russia has armed the army, as has Iran``, ``Russia
armed the army, and so did Iran``, ``Russia arms the army; Iran has done the same``, ``..., and Iran too``.
:func:`helpers.shapes.all_edges` adds these copies of the edges a sentence already holds (flag ``ellipsis``).
(Gapping, ``Russia arms the army and Turkey the rebels``, is not read: a state's name before a noun is no actor.)
"""

from __future__ import annotations

import re
from dataclasses import replace

from .arabic_slots import list_after
from .clauses import Sentence
from .edges import Edge

__all__ = ["said_again", "said_again_ar"]

#: before the other subject: ", as has", ", and so did", "as did"
_AS_HAS = re.compile(r"(?:[,;]\s*|\s+)(?:as|and\s+so)\s+(?:has|have|had|did|does|do)\s+(?:the\s+)?$")
#: before a subject that does the same: "; Iran", ", and Iran", ", while Iran"
_NEW_CLAUSE = re.compile(r"(?:;\s*|,?\s+(?:and|while|but)\s+|\.\s+)(?:the\s+)?$")
#: after it: "has done the same", "did likewise", "has followed suit"
_SAME = re.compile(
    r"\s+(?:(?:has|have|had|did|does|do)\s+(?:(?:also|since|now|long|so\s+far)\s+)?(?:done\s+)?"
    r"(?:the\s+same(?:\s+thing)?|likewise|similarly)|(?:has|have|had)\s+followed\s+suit|followed\s+suit)\b"
)
#: a contrast opening another predicate between the statement and the other subject: "Turkey backs the rebels but
#: regards HTS as terrorist, as do the US and Russia" (they regard it so; they back no one)
_CONTRAST = re.compile(r"\b(?:but(?!\s+(?:not|also)\b)|yet|whereas|although|though)\b")
#: ", and Iran too." / ", and Iran as well."
_AND_BEFORE = re.compile(r",?\s+and\s+(?:the\s+)?$")
_TOO = re.compile(r"\s+(?:too|as\s+well|also)\s*(?:[.;]|$)")


def _again_subject(s: Sentence, k: int) -> bool:
    """Whether mention ``k`` (and those listed with it) is the subject of a backing said again without its verb."""
    head = s.f[max(0, s.m[k].start - 30) : s.m[k].start]
    if _AS_HAS.search(head):
        return True
    last = s.coordinated_fwd(k)[-1]
    after = s.m[last].end
    return bool(
        (_NEW_CLAUSE.search(head) and _SAME.match(s.f, after)) or (_AND_BEFORE.search(head) and _TOO.match(s.f, after))
    )


def said_again(s: Sentence, edges: list[Edge]) -> list[Edge]:
    """The sentence's ``edges`` with copies for a subject that does the same without the verb (flag ``ellipsis``),
    and without the edges that took that subject for another object.

    Args:
        s: the sentence.
        edges: the edges the shapes found in it.

    Returns:
        The edges kept and the new ones: the other subject backs the same client.
    """
    out: list[Edge] = []
    if not edges:
        return out
    listed: set[int] = set()
    for k in range(len(s.m)):
        before = [e for e in edges if max(s.m[e.c].end, e.cue_end) <= s.m[k].start and s.m[e.b].end <= s.m[k].start]
        before = [e for e in before if not _CONTRAST.search(s.f, max(s.m[e.c].end, e.cue_end), s.m[k].start)]
        if not before or k in listed or not _again_subject(s, k):
            continue  # no statement before it; a later item of a list already read with its first
        subjects = s.coordinated_fwd(k)
        listed.update(subjects)
        out += [replace(e, b=j, flags=e.flags | {"ellipsis"}) for j in subjects for e in before]
    said = {e.b for e in out}
    kept = [e for e in edges if e.c not in said]  # "armed the army, and Iran too": Iran is no second object
    taken = {(e.b, e.c) for e in kept}
    return kept + [e for e in out if e.b != e.c and (e.b, e.c) not in taken]


#: Arabic, before the other subject: "، وكذلك تفعل إيران", "، كما تدعمه إيران" (a verb with the client's pronoun)
_AR_BEFORE = re.compile(
    r"(?:(?:[\u060c,]\s*)?و?(?:كذلك|كذا)\s+(?:تفعل|يفعل|فعلت|فعل|تفعلان|يفعلان|فعلتا)"
    r"|[\u060c,]\s*(?:كما|مثلما)\s+[\u0621-\u064a]{3,}(?:ه|ها|هم|هما))\s+$"
)
#: Arabic, around it: "، وإيران كذلك", "، وإيران أيضا"
_AR_AND = re.compile(r"[\u060c,]\s*و$")
_AR_TOO = re.compile(r"\s+(?:كذلك|ايضا)\s*(?:[.\u060c,]|$)")


def said_again_ar(s: Sentence, edges: list[Edge]) -> list[Edge]:
    """As :func:`said_again`, in Arabic: ``تدعم روسيا النظام، وكذلك تفعل إيران``, ``، كما تدعمه إيران``, ``، وإيران
    كذلك``: the other subject backs the same client."""
    out: list[Edge] = []
    listed: set[int] = set()
    for k in range(len(s.m) if edges else 0):
        before = [e for e in edges if max(s.m[e.b].end, s.m[e.c].end, e.cue_end) <= s.m[k].start]
        head = s.f[max(0, s.m[k].start - 30) : s.m[k].start]
        subjects = list_after(s, k)
        again = _AR_BEFORE.search(head) or (_AR_AND.search(head) and _AR_TOO.match(s.f, s.m[subjects[-1]].end))
        if before and k not in listed and again:
            listed.update(subjects)
            out += [replace(e, b=j, flags=e.flags | {"ellipsis"}) for j in subjects for e in before]
    taken = {(e.b, e.c) for e in edges}
    return edges + [e for e in out if e.b != e.c and (e.b, e.c) not in taken]
