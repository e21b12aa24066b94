"""The subject slots of a sentence: who does what a verb at a position says (``Iran, Assad's main ally, has long
armed``: Iran), the antecedent a relative pronoun stands for, and the accused of an accusation (``accused Turkey of
arming``). A mixin of :class:`helpers.clauses.Sentence`, whose slots (``gap``, ``prev_index``, ``coordinated_back``,
``head_of``, ``preceded_by_preposition``, ``attacked``) these methods use.
"""

from __future__ import annotations

import re

from .cues import alternation

#: a place or time between the accused and "of" ("at the UN Security Council on Tuesday", "in a statement"), or
#: set off by commas (", at talks Moscow hosted,")
_ADJUNCT = re.compile(r"(?:\s+|\s*,\s*)(?:at|in|on|during|before|after|to|while)\s+[^,;:()]{1,60}?(?:\s*,)?")

#: a relative pronoun set off by a comma right before the verb (and an adverb): "X and Y, which (openly) backs"
_BARE_RELATIVE = re.compile(r"\s*,\s*(?:which|who|that)\s+(?:[a-z]+ly\s+)?")

#: a description in apposition that a relative clause continues: ", an Islamist militia that fights"
_DESCRIBED_RELATIVE = re.compile(r"\s*,\s*an?\s+(?:[a-z-]+\s+){0,6}?[a-z-]+\s+(?:that|which|who)\s")  # one thing

#: "of" closing the gap before a verb, with no other word between
_OF_AT_END = re.compile(r"\s+of\s+$")

#: a second noun phrase joined to a name before a relative pronoun: "between opposition fighters and forces that"
_OTHER_CONJUNCT = re.compile(r"\s+(?:[a-z-]+\s+){0,2}and\s+(?:[a-z-]+\s+){0,3}?(?:that|which|who)\s")

_QUOTE = re.compile(r"(?<![a-z])'|'(?![a-z])|\"")  # quote marks, not an apostrophe inside a word (won't, Iran's)

#: a relative clause with a singular verb after a list: "Ibrahim and the Baraa Brigade, which has sent"
_SINGULAR_RELATIVE = re.compile(r"\s*,\s*(?:which|who|that)\s+(?:has|is|was|does)\b")

_WORD = re.compile(r"[a-z]+")

#: the end of an aside after a name: its last words, a comma, then only auxiliaries and adverbs before the verb
_CLOSES_ASIDE = re.compile(
    r"^[^,;:()\"]{0,40},\s*(?:(?:has|have|had|is|are|was|were|been|also|now|still|long|[a-z]+ly)\s+)*"
    r"(?:(?:reported|said|believed|thought|alleged|understood)\s+to\s+(?:be|have)\s+)?$"  # "is reported to be"
)
#: a break inside what would be one aside
_BREAK = re.compile(r"[,;:()\"]")
#: an aside opened after a name by a comma and a relative pronoun or participle (", fighting alongside the")
_OPENS_ASIDE = re.compile(r"\s*,\s*(?:which|who|whose|that|[a-z]{3,}ing|[a-z]{3,}ed)\b[^,;:()\"]{0,60}")


class SubjectSlots:
    """Subject questions of :class:`helpers.clauses.Sentence` (see the module docstring)."""

    def aside_head(self, j: int, pos: int) -> int:
        """The name before a comma-enclosed aside that mention ``j`` ends, when only auxiliaries and adverbs follow
        it up to ``pos`` ("Hezbollah, fighting alongside the Syrian army, receives": Hezbollah, not the army);
        else ``j``."""
        if j <= 0 or not _CLOSES_ASIDE.match(self.gap(self.m[j].end, pos)):
            return j
        for k in range(j - 1, max(-1, j - 4), -1):  # "Eritrea, whose President Isaias Afwerki has hosted Burhan,"
            if _OPENS_ASIDE.fullmatch(self.gap(self.m[k].end, self.m[k + 1].start)):
                return k if k == j - 1 or not _BREAK.search(self.f, self.m[k + 1].start, self.m[j].start) else j
        return j

    def subject_before(self, pos: int, exclude: frozenset[int] = frozenset()) -> list[int]:
        """The subject of a verb starting at ``pos``: the nearest mention (and its list) joined to the
        verb by auxiliaries, adverbs, an apposition or a relative pronoun; an accused actor before
        ``of`` (``accused Turkey of arming``). Empty when none."""
        j = self.aside_head(self.prev_index(pos), pos)
        budget = 3
        while j >= 0 and budget:
            if j in exclude or self.attacked(j):  # "accused Egypt of bombing his troops and aiding": not the troops
                j -= 1
                continue
            gap = self.gap(self.m[j].end, pos)
            if len(gap) > 160:
                return []
            gap = _QUOTE.sub(" ", self._without_names(self.m[j].end, pos, gap))  # "are 'directly' backing"
            reported = self._reported_antecedent(j, gap)
            if reported:
                return reported
            relative = bool(self.g.relative_in_gap.match(gap))  # "against Washington, which backs": a subject
            if relative and _OTHER_CONJUNCT.match(gap) and self.preceded_by_preposition(j):
                return []  # "fighting between rebel units and militias that back Assad": the other side's
            subject_gap = self.g.subject_gap.match(gap) is not None or (
                not self.g.given_words.isdisjoint(gap.split()) and self.g.given_subject_gap.match(gap) is not None
            )  # "Iranian oil tankers kept": the wider tail only when a given word stands in the gap
            if subject_gap and (
                relative
                or not self.preceded_by_preposition(j)
                or self.g.given_by.search(self.f, max(0, self.m[j].start - 60), self.m[j].start)
            ):
                return self._subject_list(j, pos, gap)
            if self.g.given_by_close.match(gap) and self.g.given_by_comma.search(
                self.f, max(0, self.m[j].start - 60), self.m[j].start
            ):
                return self.coordinated_back(j)  # "drones, shipped by Tehran in recent months, have helped"
            if (
                subject_gap
                and j > 0
                and self.g.pp_gap.match(self.gap(self.m[j - 1].end, self.m[j].start))
                and not self.preceded_by_preposition(j - 1)
            ):
                # "Coalition air strikes against Isis aid Assad": the subject is before the prepositional phrase
                head = self.head_of(j - 1)
                return [] if head is None or head != j - 1 else self.coordinated_back(j - 1, np=True)
            if self.g.control_gap.match(gap) and self.g.control_before.search(
                self.f, max(0, self.m[j].start - 30), self.m[j].start
            ):
                return self.coordinated_back(j)  # "warned the UK against arming": the UK would arm
            accused = self._accused_in_gap(j, gap)
            if accused:
                return accused
            budget -= 1
            j -= 1
        return self._vp_subject(pos, exclude)

    def _reported_antecedent(self, j: int, gap: str) -> list[int]:
        """``Turkey, which Tehran has accused of backing``, ``Wagner, which Washington says armed the RSF``: mention
        ``j`` accuses or speaks inside a relative clause (``gap``: its words up to the verb); the antecedent acts."""
        if not (self.g.accuser_gap.match(gap) or self.g.speaker_gap.match(gap)):
            return []
        y = self.relative_antecedent(j)
        return [] if y is None else self.coordinated_back(y)

    def _subject_list(self, j: int, pos: int, gap: str) -> list[int]:
        """Mention ``j`` as the subject of the verb at ``pos`` (``gap`` between): with its list, unless it only
        qualifies another name or a singular description after it continues into the verb's relative clause."""
        head = self.head_of(j)
        if head is None or head != j:
            return []
        person = self._person_of(j)
        if person is not None:  # "Abu Aqla Keikal, the RSF's top commander in Gezira, defected": Keikal
            return [person]
        if _DESCRIBED_RELATIVE.match(gap) or _SINGULAR_RELATIVE.match(gap):  # "X and Y, a militia that fights"
            return [j]  # and "X and Y, which has sent": the relative clause is Y's alone
        verb = _WORD.match(self.f, pos)
        if _BARE_RELATIVE.fullmatch(gap) and verb and verb.group(0).endswith("s") and not verb.group(0).endswith("ss"):
            return [j]  # "Turkey and Russia, which backs Assad": a singular verb agrees with Y alone
        return self.coordinated_back(j, np=True) + self.along_with(j, pos)

    def _person_of(self, j: int) -> int | None:
        """The named person an apposition after it calls mention ``j``'s man ("Abu Aqla Keikal, the RSF's top
        commander in Gezira,"; "Malik Agar, deputy head of the Sovereignty Council,"): that person's mention, else
        None."""
        heads = self.g.lex.words.get("grammar.person_heads")
        if not heads or j == 0 or self.m[j - 1].via != "leader":
            return None
        gap = self.gap(self.m[j - 1].end, self.m[j].start)
        if self._in_title(j) and re.match(r"\s*,", gap) and re.match(r"[^,;:()]{0,40},", self.f[self.m[j].end :]):
            return j - 1  # the body after "head of": the apposition closes with a comma
        if not re.fullmatch(r"\s*,\s*(?:the\s+)?", gap):
            return None
        rx = self.g.lex.rx(
            "person_apposition",
            lambda: re.compile(rf"'s?\s+(?:[a-z-]+\s+){{0,2}}?(?:{alternation(heads)})\b[^,;:()]{{0,40}},"),
        )
        return j - 1 if rx.match(self.f, self.m[j].end) else None

    def _accused_in_gap(self, j: int, gap: str) -> list[int]:
        """The accused of an ``accused ... of <verb>`` reaching the verb through ``gap`` after mention ``j``:
        ``Russia, once accused of arming`` (``j`` itself), ``accused Turkey of arming`` (see :meth:`_accused`),
        ``accused Abu Dhabi at the UN Security Council on Tuesday of funnelling`` (across a place or time)."""
        if self.g.accused_after.match(gap):
            return self.coordinated_back(j)
        if self.g.of_gap.match(gap):
            return self._accused(j)
        of = _OF_AT_END.search(gap)
        if of is None:
            return []
        end = self.m[j].end + of.start()  # the "of" before the verb
        for i in range(j, max(-1, j - 4), -1):  # the accused, a place or time between it and "of"
            if self.g.accused_of.search(self.f, max(0, self.m[i].start - 60), self.m[i].start):
                return self.coordinated_back(i) if _ADJUNCT.fullmatch(self.f, self.m[i].end, end) else []
        return []

    def _accused(self, j: int) -> list[int]:
        """Before ``of <verb>``: the accused actor (``accused Turkey of arming``: Turkey and its list), or, when
        mention ``j`` is the accuser of a passive (``Qatar was accused by Syria of funding``), the actor before."""
        listed = self.coordinated_back(j)  # "accused Iran and Turkey of supplying": the list's first name
        if self.g.accused_of.search(self.f[max(0, self.m[listed[0]].start - 60) : self.m[listed[0]].start]):
            return listed
        if j > 0 and self.g.accused_by.match(self.gap(self.m[j - 1].end, self.m[j].start)):
            return self.coordinated_back(j - 1)
        return []

    def relative_subject(self, pos: int) -> int | None:
        """``Russia, which launched its air war in 2015 to back Assad``: the antecedent of the relative
        clause holding ``pos`` (none when a clause boundary stands between)."""
        rel = None
        for mt in self.g.relative_comma.finditer(self.f, 0, pos):
            rel = mt
        appos = self._appositive_relative(pos)
        if appos is not None:
            return appos
        if rel is None or any(
            not self.inside_mention(mt.start() + 1) for mt in self.g.boundary.finditer(self.f, rel.end(), pos)
        ):
            return None
        k = self.prev_index(rel.start())
        if k < 0 or not self.g.of_group.match(self.f, self.m[k].end, rel.start()):
            return None
        return k

    def _appositive_relative(self, pos: int) -> int | None:
        """``the joint forces, the coalition of Darfur movements that defended the city alongside``: the name right
        before an apposition whose relative clause holds ``pos`` (no clause boundary between)."""
        last = None
        for mt in self.g.appos_relative.finditer(self.f, 0, pos):
            last = mt
        if last is None or any(
            not self.inside_mention(mt.start() + 1) for mt in self.g.boundary.finditer(self.f, last.end(), pos)
        ):
            return None
        k = self.prev_index(last.start())
        inside = k + 1 < len(self.m) and self.m[k + 1].start < last.end()  # a name in the apposition: not this
        return k if k >= 0 and self.m[k].end == last.start() and not inside else None

    def along_with(self, j: int, pos: int) -> list[int]:
        """``Russia, along with Iran, has been assisting``: the actors of an ``along with`` apposition."""
        mt = self.g.with_appos.match(self.f, self.m[j].end)
        if not mt:
            return []
        k = self.next_index(mt.end())
        return (
            [x for x in self.coordinated_fwd(k) if self.m[x].end <= pos]
            if k < len(self.m) and self.m[k].start == mt.end()
            else []
        )

    def _vp_subject(self, pos: int, exclude: frozenset[int]) -> list[int]:
        """``Iran is Syria's closest ally and is supporting Assad``: a verb after ``and`` shares the clause's
        subject."""
        if not self.g.vp_and.search(self.f, max(0, pos - 60), pos):
            return []
        c = self.clause_subject(pos, exclude)
        if c is None:  # "the joint forces, which dropped their neutrality and now fight alongside it"
            r = self.relative_subject(pos)
            return self.coordinated_back(r) if r is not None and r not in exclude else []
        if c in exclude:
            return []
        lead = self.f[self.clause_start(pos, sub=True) : self.m[c].start].split()
        if lead and lead[0] in self.g.preposition_words and len(lead) <= 5:
            lead = lead[-1:] if lead[-1] in ("the", "a", "an") else []  # "In El Fasher the joint forces ... and"
        if len(lead) > 3:  # "would it help Kyiv, and also deter Moscow": Kyiv is an object
            return []
        if lead and re.fullmatch(r"[a-z]+(?:ing|ed)", lead[0]) and "," in self.f[self.m[c].end : pos]:
            return []  # "Facing Turkey's offensive, the SDF ... and help": Turkey is in the opening phrase
        return self.coordinated_fwd(c)

    def _without_names(self, a: int, b: int, gap: str) -> str:
        """The gap with a person's name taken out (``his Iranian counterpart Masoud Pezeshkian``, ``'s emir,
        Sheikh Tamim bin Hamad Al Thani,``): capitalised words in the text as written."""
        t = self.text[a:b]
        mt = self.g.name_run.search(t)
        if not mt or not self.g.before_name.search(self.f, a, a + mt.start()):
            return gap
        return gap[: mt.start()] + " " * (mt.end() - mt.start()) + gap[mt.end() :]

    def _free_words(self, a: int, b: int) -> int:
        """Lower-case words between ``a`` and ``b`` that are no determiner and no hyphenated modifier
        (``the embattled Kurdish`` has one: objects are short noun phrases, not clauses)."""
        gap = self.g.determiners.sub(" ", self.f[a:b])
        words = [
            w
            for w, orig in zip(gap.split(), self.text[a:b].split())
            if "-" not in w and not w[0].isdigit() and w.strip(",") not in self.g.title_nouns and not w.endswith("ly")
        ]  # an adverb only grades the modifier after it: "the newly formed SDF"
        original = {w.lower(): w for w in self.text[a:b].split()}
        return sum(1 for w in words if not original.get(w, w)[:1].isupper())
