"""Relative clauses and appositions of a sentence: who a passive cue says is backed (``rebels backed by``,
``the SDF, which is backed by``), the antecedent of a relative clause (``Y, which X arms``; ``the rebels
Washington backs``) and the name a description in apposition stands for (``the SNA, the rebel force it has
trained``). A mixin of :class:`helpers.clauses.Sentence`, whose slots (``gap``, ``prev_index``, ``subject_before``,
``relative_subject``, ``clause_subject``) these methods use.
"""

from __future__ import annotations

import re

# "the SNA, the (Turkish-backed) rebel force"; "the SNA, a loose coalition of former rebel brigades" (its members)
_APPOSITION = re.compile(
    r"\s*,\s*(?:the|a|an)\s+(?:[a-z'-]+\s+){0,2}"
    r"(?:(?:coalition|alliance|umbrella|grouping|network|collection|patchwork|array)\s+of\s+(?:[a-z'-]+\s+){0,2})?"
)


#: a verb of joining or facing right before an action noun: its subject is not the action's maker
_JOINED_ACTION = re.compile(
    r"\b(?:join|joins|joined|joining|take\s+part\s+in|took\s+part\s+in|taking\s+part\s+in|participate\s+in|"
    r"participated\s+in|participating\s+in|repel|repelled|repelling|resist|resisted|resisting|face|faced|facing|"
    r"halt|halted|stop|stopped|block|blocked|against)\s+(?:(?:a|an|the|its|their)\s+)?(?:[a-z-]+\s+){0,2}$"
)


_OPENS_RELATIVE = re.compile(r"\s*,\s*(?:which|who)\s")
#: a part "of them" opening a passive's gap, and "against" right before the name the gap follows
_PART_OF_THEM = re.compile(r"\bof\s+(?:them|whom)\b")
#: a past participle and "by" right before a name: the name is the agent ("captured by government forces")
_AGENT_BY = re.compile(r"\b(?:[a-z]{3,}ed|taken|retaken|overrun|won|held|driven|seized)\s+by\s+(?:the\s+)?$")
#: a possessive before another name: "the RSF's parallel government", "Lebanon's Hezbollah"
_OWNED_NEXT = re.compile(r"'s?\s+(?:[a-z-]+\s+)?")
_AGAINST = re.compile(r"\b(?:against|fighting|attacking|battling)\s+(?:the\s+)?$")
#: an apposition opened by a comma and a determiner: ", an alliance dominated by the"
_OPENED_APPOSITION = re.compile(r",\s*(?:an?|the)\s+[^,;:()]{0,80}$")


#: the gap after a name that modifies the noun before a relative or a participle: "a Free Syrian Army faction that",
#: "a rebel group (long) sponsored by"
_MODIFIED_NOUN = re.compile(r"\s*[a-z-]+\s+(?:(?:that|which|who)\b|(?:(?:[a-z]+ly|long|still|now|also|once)\s+)?$)")


class RelativeSlots:
    """The relative-clause and apposition questions of a sentence (mixed into :class:`helpers.clauses.Sentence`)."""

    def passive_client(self, pos: int, exclude: frozenset[int] = frozenset()) -> tuple[int | None, bool]:
        """The actor a passive cue at ``pos`` says is backed: the mention just before it (``rebels
        backed by``, ``the SDF, which is backed by``, ``the army's offensive, backed by``), else the
        clause's subject when a copula leads to the cue (``The SDF ... is backed by``).

        Returns:
            ``(index or None, True when taken from the clause subject)``.
        """
        j = self.prev_index(pos)
        while j >= 0 and j in exclude:
            j -= 1
        j = self.aside_head(j, pos) if j > 0 and j - 1 not in exclude else j
        if j >= 0 and self.g.speaker_gap.match(self.gap(self.m[j].end, pos)):
            y = self.relative_antecedent(j)  # "the SDF, which Turkish officials say is armed by": not the speaker
            return (y, False) if y is not None and y not in exclude else (None, False)
        if j >= 0:
            gap = self.gap(self.m[j].end, pos)
            if (
                len(gap) < 90
                and self.g.passive_gap.match(gap)
                and not self.g.lookalike_after.match(self.f, self.m[j].end)
                and not self.g.means_and_people.match(gap)
            ):
                return self._named_before_passive(j, gap)
        act = self.g.action_before.search(self.f, max(0, pos - 40), pos)
        if act and not _JOINED_ACTION.search(self.f, max(0, act.start() - 40), act.start()):
            # "Syrian troops launch a ground offensive backed by Russian jets": the offensive's maker (not one that
            # joins or faces it: "sent troops to join an offensive backed by Russian warplanes")
            c = self.clause_subject(pos, exclude)
            c = self._passive_agent(act.start(), exclude) if c is None else c
            if c is not None:
                return c, True
        cop = self.g.copula_before.search(self.f, max(0, pos - 40), pos)
        if cop:  # "The SDF, a Kurdish-led alliance that holds the north-east, is backed by": the copula's subject
            subj = [k for k in self.subject_before(cop.start(), exclude) if k not in exclude]
            if subj:
                return subj[-1], True
            c = self.clause_subject(pos, exclude)  # only when no other actor stands between it and the cue
            if c is not None and all(k in exclude for k in range(c + 1, self.prev_index(pos) + 1)):
                return c, True
        return None, False

    def _passive_agent(self, pos: int, exclude: frozenset[int]) -> int | None:
        """The agent of a passive verb before an action noun at ``pos``: "an area captured by government forces last
        year in an offensive assisted by Russian airpower" (the forces made the offensive)."""
        k = self.prev_index(pos)
        if k < 0 or k in exclude or not _AGENT_BY.search(self.f, max(0, self.m[k].start - 30), self.m[k].start):
            return None
        return k if not any(ch in self.f[self.m[k].end : pos] for ch in ",;:") else None

    def _named_before_passive(self, j: int, gap: str) -> tuple[int | None, bool]:
        """The client of a passive whose nearest name ``j`` stands ``gap`` before it: that name, or, past a clause
        or an apposition a comma closes, the name it is about (see :meth:`passive_client`)."""
        closed = re.search(r",\s*(?:is|are|was|were|has|have|had)\b[^,]*$", gap)
        k = self.relative_subject(self.m[j].start) if closed else None
        if closed and k is None:  # "HTS, which led the offensive that toppled Assad, was backed by"
            k = self._opened_relative(j)
        if closed and k is None and (head := self._opened_apposition(j)) is not None:
            return head, False  # "The SDF, an alliance dominated by the YPG, were supported by"
        if _PART_OF_THEM.search(gap) and _AGAINST.search(self.f, max(0, self.m[j].start - 12), self.m[j].start):
            # "deployed 20,000 fighters against the RSF, many of them trained by": them = the fighters, the subject's
            return self.clause_subject(self.m[j].start), True
        if k is None and _MODIFIED_NOUN.match(gap):
            # "Jaysh al-Izza, a Free Syrian Army faction that was supplied"; "The Army of Islam, a rebel group (long)
            # sponsored by": the name the description's modifier stands in
            return self._appositive_head(j), False
        return (k, True) if k is not None else (j, False)  # "The SDF, which ... against Isis, is backed by"

    def _opened_relative(self, j: int) -> int | None:
        """The last mention before mention ``j`` (or ``j`` itself) followed by ``, which``/``, who``: the head of the
        relative clause a later comma closes, whatever clauses nest inside it."""
        for i in range(j - 1, -1, -1):
            if _OPENS_RELATIVE.match(self.f, self.m[i].end) and "," not in self.f[self.m[i].end + 1 : self.m[j].start]:
                return i
        return None

    def _opened_apposition(self, j: int) -> int | None:
        """The name an apposition opened by a comma and a determiner describes, when mention ``j`` stands inside
        that apposition (``The SDF, an alliance dominated by the YPG,``), else None."""
        opened = _OPENED_APPOSITION.search(self.f, max(0, self.m[j].start - 90), self.m[j].start)
        h = self.prev_index(opened.start() + 1) if opened else -1
        if h < 0 or h == j or not re.fullmatch(r"(?:'s?(?:\s+[a-z-]+)?)?\s*", self.f[self.m[h].end : opened.start()]):
            return None
        return h

    def relative_antecedent(self, j: int) -> int | None:
        """For ``Y, which X ...``: the index of ``Y`` when mention ``j`` (X) follows ``, which``."""
        if j > 0 and (
            self.g.relative_gap.match(self.gap(self.m[j - 1].end, self.m[j].start))
            or self.g.restrictive_relative_gap.match(self.gap(self.m[j - 1].end, self.m[j].start))
        ):
            return self._appositive_head(j - 1)
        if (  # "the Syrian National Army factions it arms": a pronoun opening a relative clause without "which"
            j > 0
            and self.m[j].stand_in in ("it", "they")
            and self.g.reduced_relative_gap.match(self.gap(self.m[j - 1].end, self.m[j].start))
        ):
            return self._appositive_head(j - 1)
        return None

    def contact_antecedent(self, j: int, end: int) -> int | None:
        """For ``the rebels Washington backs`` and ``the SDF, the alliance Washington has equipped``: the name
        before mention ``j`` (X) when a relative clause with no pronoun opens at X and its verb, ending at
        ``end``, closes it (no object after it)."""
        if (
            j > 0
            and not self.m[j].stand_in
            and self.m[j - 1].entity != self.m[j].entity
            and self.g.contact_relative_gap.match(self.gap(self.m[j - 1].end, self.m[j].start))
            and self.g.contact_close.match(self.f, end)
        ):
            return self._appositive_head(j - 1)
        return None

    def _appositive_head(self, y: int) -> int:
        """``the SNA, the rebel force it has trained``: a description in apposition after a name stands for
        that name (``y`` is the description's index; the name's is returned, else ``y``)."""
        if (
            y > 0
            and self.m[y - 1].entity != self.m[y].entity
            and _APPOSITION.fullmatch(self.gap(self.m[y - 1].end, self.m[y].start))
        ):
            return y - 1
        return y

    def owned_head(self, i: int, k: int) -> int | None | bool:
        """``k`` when it is owned by ``i`` ("the RSF's parallel government"), None when it qualifies a look-alike
        ("Syria's new government's bid": the bid is backed), False when it is no owned name."""
        if k >= len(self.m) or not _OWNED_NEXT.fullmatch(self.gap(self.m[i].end, self.m[k].start)):
            return False
        if self.g.lookalike_after.match(self.f, self.m[k].end) and not self.g.verb_not_noun.match(
            self.f, self.m[k].end
        ):
            return None
        return k if self.m[k].entity != self.m[i].entity else False
