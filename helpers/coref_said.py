"""Who a pronoun right after a verb of saying stands for: ``Minawi's SLA and Ibrahim's JEM said on Thursday they
would fight alongside the army``, ``Israel says it struck ... to protect``. Read by :func:`helpers.coref.stand_ins`
before its other readings of the same pronoun; the words are data (``attribution.speech`` and the verb lists of
``data/cues/support.yaml``).
"""

from __future__ import annotations

import re

from .clauses import Mention
from .cues import CueLexicon

__all__ = ["speakers"]

#: a hyphen and a word after a name: the name only qualifies what follows ("US-backed", "Iran-aligned")
_MODIFIER = re.compile(r"-[a-z]")

#: a comma and a conjunction opening a clause of its own
_NEW_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas|though|although)\s")

#: a relative clause set off by commas between a speaker and its verb of saying
_RELATIVE_ASIDE = re.compile(r",\s*(?:which|who)\s[^,;:]*,")


def speakers(lex: CueLexicon, folded: str, a: int, sid: int, near: list[tuple]) -> list[Mention]:
    """``they`` (or ``it``) right after a verb of saying stands for who says it: ``Minawi's SLA and Ibrahim's JEM
    said on Thursday they would fight alongside the army`` (the actors named before the verb in its sentence, at
    most three, joined by ``|``; one for ``it``: ``Israel says it struck ... to protect``)."""
    said = lex.rx(
        "coref_said_they",
        lambda: (
            rf"\b(?:{lex.alt('attribution.speech')})\s+(?:(?:on\s+[a-z]+day|that|last\s+[a-z]+|this\s+[a-z]+)\s+)*"
            rf"(they|it)\s+(?=(?:[a-z]+ly\s+)?(?:{lex.alt('grammar.auxiliaries')}|{lex.alt('cues.verb')}|"
            rf"{lex.alt('transfers.verbs')}|[a-z]{{3,}}ed|struck|hit|hits|strikes|fought|sent|gave|took|won|made|built|kept|held)\b)"
        ),
    )
    out = []
    for mt in said.finditer(folded) if "they " in folded or "it " in folded else ():
        start = max(folded.rfind(ch, 0, mt.start()) for ch in ".;:")  # the clause the verb of saying ends
        joined = [j.start() for j in _NEW_CLAUSE.finditer(folded, max(0, start), mt.start())]
        start = joined[-1] if joined else start  # "..., and several said they": a clause of its own
        asides = [r.span() for r in _RELATIVE_ASIDE.finditer(folded, max(0, start), mt.start())]
        ents = list(
            dict.fromkeys(
                mm[2]
                for mm in near
                if mm[4] == sid
                and a + start < mm[0]
                and mm[1] <= a + mt.start()
                and "|" not in mm[2]
                and not _MODIFIER.match(folded, mm[1] - a)  # "The US-backed SDF said they": not the US
                and not any(x <= mm[0] - a < y for x, y in asides)  # "Turkey, which backed the opposition, said it"
            )
        )
        if 1 <= len(ents) <= (3 if mt.group(1) == "they" else 1):  # "Israel says it struck": the one speaker
            kind = next(mm[3] for mm in reversed(near) if mm[2] == ents[-1])
            out.append(Mention(mt.start(1), mt.end(1), "|".join(ents), kind, "stand_in", mt.group(1)))
    return out
