"""One sentence as the statement shapes see it: its actor mentions and the grammar that binds them.

A backing statement names a backer and a client around a cue. Which mention fills which slot is a
question of shallow grammar: the subject of a verb is the nearest mention before it when only
auxiliaries, adverbs, an apposition or a relative pronoun stand between (``Iran, Assad's main ally, has
long armed ...``); its object is the first mention after it when only determiners and modifiers do
(``arming the embattled Kurdish YPG``); a list shares one slot (``Iran and Russia``); an actor that only
qualifies a thing is not a slot at all (``Iran sanctions``, ``the Russian plan``). :class:`Grammar`
(:mod:`helpers.grammar`) compiles these patterns from the cue lexicon's word lists; :class:`Sentence` answers
the questions.
Everything works on folded text (see :mod:`helpers.textnorm`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .cues import alternation
from .grammar import Grammar
from .relatives import RelativeSlots
from .subjects import SubjectSlots

_AGAINST = re.compile(r"\banti-\s*$")
# "supporting terrorists, including the Nusra Front": a named member of the class backed
_INCLUDING = re.compile(
    r"^\s*(?:[a-z-]+\s+){0,2}?[a-z-]+(?:\s+(?:in|across|inside)\s+(?:the\s+)?[a-z-]+)?\s*,?\s+"
    r"(?:including|such as|notably|especially|among them)\s+(?:the\s+)?$"
)
#: a passive's "by" before its agents ("backed by Iran and Russia has captured": the agents, then the verb)
_BY_END = re.compile(r"\bby\s*$")
#: a word and an owner's pronoun after "to": a verb and its object ("to fold their military into the state")
_VERB_OWNER = re.compile(r"\s*[a-z]+\s+(?:their|its|his|her|our)\s")
#: the prepositions before a backer's means ("backed by Russian strikes", "with the support of Russian air strikes")
_AGENT_END = re.compile(r"\b(?:by|of|from|under|through|via)\s*$")

#: a leader's name and the group it owns: "Minni Minnawi's SLA" is one item of a list
#: a preposition opening the sentence before a name: "Under Assad, ...", "Unlike Russia, ..."
_FRONTED_PP = re.compile(
    r"\s*(?:under|after|since|before|during|unlike|like|without|despite|besides|beyond|against)\s+(?:the\s+)?"
)
#: stand-ins that are pronouns: never an item of a list of names
_PRONOUNS = frozenset({"it", "they", "he", "she", "them", "him", "her"})
#: after a list item, what it is accused of ("accused Jordan of arming the LNA, and Turkey of shipping"): a new accused
_NEW_ACCUSED = re.compile(r"\s+of\s+(?:[a-z]+ly\s+)?[a-z]{3,}ing\b")
_OWNER_GAP = re.compile(r"['’]s?\s+")
_EXAMPLES = re.compile(r"(?:\s+[a-z-]+){0,2}\s*,?\s+(?:including|such\s+as|notably|among\s+them)\s+(?:the\s+)?")
# a name the gazetteer lacks, spelled out before its acronym: "the Syria Democratic Forces (SDF)"
_NAMED_ACRONYM = re.compile(r"^\s*(?:the\s+)?(?:[A-Z][\w'-]*\s+){1,5}\(\s*$")


#: a plural group noun after a list's last name: the names before it are listed ("Minnawi, Gibril movements")
_PLURAL_AFTER = re.compile(r"(?:'s?)?\s+(?:movements|groups|forces|factions|militias|armies)\b")


#: a short quoted phrase inside a clause: 'committed a "war crime"', 'the "moderate" rebels'
_SCARE_QUOTES = re.compile(r'(?<=[a-z] )"[a-z][a-z -]{0,30}"(?= [a-z])')
#: a quote that opens on a preposition continues the clause: 'jets intervened "in support of the army"'
_PARTIAL_QUOTE = re.compile(r'(?<=[a-z] )"(?=(?:in|on|to|for|with|by|against|as|at|from|alongside)\s)')


@dataclass
class Mention:
    """An actor mention in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    entity: str
    kind: str
    via: str = "name"
    stand_in: str = ""  # for a stand-in ("the group", "it"): the words it replaced


class Sentence(RelativeSlots, SubjectSlots):
    """A sentence's folded text and its actor mentions, with the slot questions the shapes ask.

    Args:
        text: the sentence as written; folded: the same, folded; mentions: its actor mentions and
            stand-ins, in text order; grammar: the compiled patterns.
    """

    def __init__(
        self,
        text: str,
        folded: str,
        mentions: list[Mention],
        grammar: Grammar,
        cues: list[tuple[int, int, frozenset]] | None = None,
    ) -> None:
        self.cues = cues  # cue words found in the sentence: (start, end, word-list keys); None: not looked up
        self.cue_keys: frozenset[str] | None = None if cues is None else frozenset().union(*(ks for *_, ks in cues))
        self.text = text
        self.f = folded
        self.m = sorted(mentions, key=lambda x: (x.start, -x.end))
        self.g = grammar
        self.starts = [x.start for x in self.m]
        self.ends = [x.end for x in self.m]
        self._clause_starts: dict[tuple[int, bool], int] = {}  # (position, sub): :meth:`clause_start`

    def has_cue(self, *keys: str) -> bool:
        """True when the sentence holds a cue word of the lists ``keys`` (always True without a cue list)."""
        return self.cue_keys is None or not self.cue_keys.isdisjoint(keys)

    def cue_within(self, pos: int, reach: int, *keys: str) -> bool:
        """True when a cue word of the lists ``keys`` starts in ``[pos, pos + reach]`` (always True without a
        cue list): a shape skips the positions no cue word can complete."""
        if self.cue_keys is None:
            return True
        return not self.cue_keys.isdisjoint(keys) and any(
            pos <= start <= pos + reach and not ks.isdisjoint(keys) for start, _end, ks in self.cues
        )

    def matches(self, rx: re.Pattern, *keys: str) -> list[re.Match]:
        """Matches of ``rx`` anchored at the cue words of the lexicon lists ``keys`` (without a cue list,
        everywhere in the sentence: ``rx`` then also needs the word boundary it starts at)."""
        if self.cues is None:
            return [mt for mt in (rx.match(self.f, p.start()) for p in self.g.word.finditer(self.f)) if mt]
        out = []
        for start, _end, ks in self.cues if not self.cue_keys.isdisjoint(keys) else ():
            if not ks.isdisjoint(keys):
                mt = rx.match(self.f, start)
                if mt:
                    out.append(mt)
        return out

    # -- positions ---------------------------------------------------------------------------------
    def prev_index(self, pos: int) -> int:
        """Index of the last mention ending at or before ``pos`` (-1 when none)."""
        i = bisect_right(self.ends, pos) - 1
        while i >= 0 and self.m[i].end > pos:
            i -= 1
        return i

    def next_index(self, pos: int) -> int:
        """Index of the first mention starting at or after ``pos`` (``len(m)`` when none)."""
        return bisect_left(self.starts, pos)

    def gap(self, a: int, b: int) -> str:
        return self.f[a:b]

    def inside_mention(self, pos: int) -> bool:
        """True when ``pos`` falls within a mention (the ``state`` of ``Islamic State`` is no speech verb)."""
        i = bisect_right(self.starts, pos) - 1
        return i >= 0 and self.m[i].start < pos < self.m[i].end

    # -- lists -------------------------------------------------------------------------------------
    def coordinated_back(self, i: int, np: bool = False) -> list[int]:
        """Mention ``i`` and the mentions listed before it (``Iran and Russia``, ``Iran, Russia and Turkey``;
        with ``np``, also ``Russia's air force and Iran's militias``)."""
        out, j = [i], i
        if self.m[i].stand_in in _PRONOUNS:
            return out  # "its Guards advised his army, and it trucked rockets": a pronoun opens a clause, no list
        gap_rx = self.g.np_list_gap if np else self.g.list_gap
        # "his Iranian counterpart Masoud Pezeshkian", "Minni Minnawi's SLA" (its leader's) are one item of the list
        while (
            j > 0
            and self.m[j - 1].entity == self.m[j].entity
            and (self.g.title_gap.match(g := self.gap(self.m[j - 1].end, self.m[j].start)) or _OWNER_GAP.fullmatch(g))
        ):
            j -= 1
            out = [j]
        anchor, closed = j, bool(_PLURAL_AFTER.match(self.f, self.m[i].end))  # "Minnawi, Gibril movements"
        while j > 0:
            g = self.gap(self.m[j - 1].end, self.m[j].start)
            if j == anchor and _EXAMPLES.fullmatch(g):  # "Hezbollah and Iraqi militias such as Asaib": the example's
                j -= 1  # list goes on before the noun it names an example of
                out.append(j)
                anchor = j
                continue
            if not gap_rx.match(g) and not (closed and g in (" ", ", ")):
                break  # a lone space: the comma a scraped list lost ("Saudi Arabia Turkey and Qatar")
            if _FRONTED_PP.fullmatch(self.f, 0, self.m[j - 1].start):
                break  # "Under Assad, the group received": the phrase opening the sentence is no list item
            closed = closed or (j == anchor and bool(self.g.has_conj.search(g)))
            if j < anchor and self.g.has_conj.search(g):
                break  # a list has one conjunction, before its last item
            j -= 1
            out.append(j)
        return out[::-1]

    def coordinated_fwd(self, i: int, np: bool = False) -> list[int]:
        """Mention ``i`` and the mentions listed after it; a comma alone links only when a conjunction
        closes the list (``A, B and C``); with ``np``, also noun phrases (``Russian jets, Iranian advisers and
        fighters from Hezbollah``)."""
        out, j = [i], i
        gap_rx = self.g.np_list_gap_fwd if np else self.g.list_gap
        while j + 1 < len(self.m):
            g = self.gap(self.m[j].end, self.m[j + 1].start)
            if self.m[j + 1].entity == self.m[j].entity and _OWNER_GAP.fullmatch(g):
                j += 1  # "Jibril Ibrahim's JEM and ...": the leader's group is the same item
                out.append(j)
                continue
            if (
                (not gap_rx.match(g) and g not in (" ", " the "))
                or self.m[j + 1].stand_in in _PRONOUNS
                or _NEW_ACCUSED.match(self.f, self.m[j + 1].end)
            ):
                break  # a lone space (or "the": "Turkey the United States and") links only when a conjunction closes
                # the list, as in text whose commas a scrape dropped; a pronoun or a new accused is no list item
            j += 1
            out.append(j)
            if self.g.has_conj.search(g):
                return out
        if len(out) > 1 and re.match(r"\s*,?\s+(?:and|or)\s", self.f[self.m[out[-1]].end : self.m[out[-1]].end + 8]):
            return out  # "Britain, the United States and other Western governments": closed by a conjunct unnamed
        return out[:1]

    # -- noun phrases ------------------------------------------------------------------------------
    def head_of(self, i: int) -> int | None:
        """The mention heading mention ``i``'s noun phrase: ``i`` itself; the group named next when ``i``
        only qualifies it (``Lebanese militant group Hezbollah``); ``None`` when ``i`` qualifies a
        look-alike thing (``Iran sanctions``, ``the Russian peace plan``)."""
        end = self.m[i].end
        if self.g.lookalike_after.match(self.f, end) and not self.g.verb_not_noun.match(self.f, end):
            return None
        owned = self.g.owned_associates.match(self.f, end)
        if owned:  # "the army's ally, the Al-Baraa Brigade": the name after; "the army's allies": none
            k = i + 1
            return k if k < len(self.m) and self.m[k].start == owned.end() else None
        if (
            self.m[i].via == "demonym"
            and self.g.person_before.search(self.f, max(0, self.m[i].start - 12), self.m[i].start)
            and not self.g.noun_after.match(self.f, end)
        ):
            return None  # "an American fighting for Isis": a person, not the state
        if self.g.compound_after.match(self.f, end):  # "Iran-aligned Iraqi militias": the militias head it
            k = i + 1
            if k < len(self.m) and self.g.object_gap.match(
                re.sub(r"^\s*-\s*[a-z]+", "", self.gap(end, self.m[k].start))
            ):
                return k
            if self.g.led_people.match(self.f, end) or self.g.given_compound.match(self.f, end):
                return i  # "HTS-led fighters", "Iranian-supplied drones" with no other name: the actor's
            return None
        k = i + 1
        if k < len(self.m) and self.m[i].kind in ("state", "coalition") and self.m[k].kind != "state":
            if self.g.head_group.match(self.gap(end, self.m[k].start)):
                return k
        owned = self.owned_head(i, k)
        if owned is not False:
            return owned
        if self.m[i].via == "demonym" and self.g.group_after.match(self.f, end):
            return None  # "the Iran-backed Lebanese group": a group of that nationality, not the state
        return i

    def after_thing(self, pos: int) -> bool:
        """True when a backing phrase at ``pos`` comes right after a look-alike thing and the sides it names (``a
        ceasefire backed by``, ``a truce between Israel and Syria with the backing of``): it qualifies the thing."""
        return self.g.thing_before.search(self.f, max(0, pos - 90), pos) is not None

    def preceded_by_preposition(self, i: int) -> bool:
        """True when mention ``i`` is the object of a preposition (``in Syria``, ``against the SDF``), but not
        of a part-of phrase (``fighters from Iraqi militias``, ``members of Iran's Revolutionary Guards``)."""
        if self.m[i].stand_in in ("they", "he", "she"):  # "said on Thursday they would": a subject's form
            return False
        before = self.f[max(0, self.m[i].start - 40) : self.m[i].start]
        men = self.g.leader_men.search(before) if self.m[i].via == "leader" else None
        noun_at = self.m[i].start - len(before) + men.start() if men else 0  # where "fighters" starts in the text
        if men and not (i > 0 and self.m[i - 1].end >= noun_at - 1):
            return False  # "fighters loyal to Abdelaziz al-Hilu": the leader stands for his men (not "SDF fighters")
        if self.g.conj_with.search(before):  # "Russia, along with Iran,": a list, not a preposition
            return False
        mt = self.g.prep_before.search(before)
        if not mt or (mt.group(1) == "to" and mt.group(2) and mt.group(2).strip() in self.g.verbs_after_to):
            return False
        if mt.group(2) and f"{mt.group(1)} {mt.group(2).strip()}" in self.g.adverb_phrases:
            return False  # "For years Iran armed Hezbollah": an adverb of time, then the subject
        if mt.group(2) and mt.group(2).strip() in ("which", "whom", "whose"):
            return False  # "a decade in which Tehran armed": the relative clause's subject
        if mt.group(2) and self._place_name_before(i, mt.start(2) - len(before)):
            return False  # "the government in Damascus Moscow stepped up" (a comma lost): the word is another name
        return not self.g.part_of.search(before)

    def _place_name_before(self, i: int, back: int) -> bool:
        """True when the word ``back`` characters before mention ``i`` (a preposition's object) is a capitalised
        name other than a title ("in Damascus Moscow": a place, then the mention opening the next clause)."""
        word = self.text[self.m[i].start + back : self.m[i].start].strip()
        return (
            word[:1].isupper()
            and word.isalpha()
            and word.lower() not in self.g.title_nouns
            and not re.search(r"(?:an|ian|ese|i|ish)$", word)  # "with Lebanese Hezbollah": a demonym qualifies it
        )

    # -- slots -------------------------------------------------------------------------------------
    def object_after(self, pos: int, limit: int | None = None) -> list[int]:
        """The object of a verb or preposition ending at ``pos``: the first mention after it with only
        determiners and modifiers between (and its list). Empty when none or a look-alike."""
        j = self.next_index(pos)
        if j >= len(self.m):
            return []
        gap = self.gap(pos, self.m[j].start)
        if _AGAINST.search(gap):  # "anti-Assad rebels": the name only says whom the object is against
            k = j + 1
            after = self.gap(self.m[j].end, self.m[k].start) if k < len(self.m) else ""
            if k >= len(self.m) or (len(after.split()) > 1 and not _INCLUDING.match(after)):
                return []  # "anti-Syria groups including Daesh": the example named is the object
            j, gap = k, gap[: _AGAINST.search(gap).start()] + self.gap(self.m[j].end, self.m[k].start)
        purpose = (self.g.verb_first.match(gap) or _VERB_OWNER.match(gap)) and re.search(
            r"\bto\s*$", self.f[max(0, pos - 4) : pos]
        )  # "commits the forces to fold their military into": a verb and its object, not a receiver
        if len(gap) > (limit or 80) or purpose:
            return []  # "aid to combat Isis", "troops to fight Isis": the purpose's object is fought, not backed
        named = _NAMED_ACRONYM.match(self.text[pos : self.m[j].start]) or _INCLUDING.match(gap)
        if not self.g.led_by_gap.match(gap) and not named:
            if not self.g.object_gap.match(gap) or self._free_words(pos, self.m[j].start) > 1:
                return []
            if self.g.verb_in_gap.search(gap):
                return []  # "arm Syrian Kurds fighting Isis": a verb between, Isis is fought
        head = self.head_of(j)
        if head is None or (
            self.g.object_thing.match(self.f, self.m[head].end) and not _AGENT_END.search(self.f, max(0, pos - 8), pos)
        ):
            return []  # a look-alike; "support for US missile strike": an act backed (not "by Russian strikes")
        out = self.coordinated_fwd(head)
        if (
            len(out) > 1
            and self.g.new_clause_after.match(self.f, self.m[out[-1]].end)
            and not _BY_END.search(self.f, max(0, pos - 4), pos)
        ):
            out = out[:-1]  # "armed Syrian rebels, and Jordanian officials are pressing" (not an agent after "by")
        k = out[-1] + 1  # "bankrolls rebel factions, including Jaysh al-Islam": the examples are objects too
        if k < len(self.m) and _EXAMPLES.fullmatch(self.f, self.m[out[-1]].end, self.m[k].start):
            out += self.coordinated_fwd(k)
        return out

    def clause_start(self, pos: int, sub: bool = False) -> int:
        """Where the clause holding ``pos`` begins (after ``;``, ``:``, a dash, ``, while``, ``said that``...;
        with ``sub``, also after a subordinator without a comma: ``a year after Russian jets ...``). Found once per
        sentence, position and ``sub`` (the shapes, the modality and the attribution of an edge ask again)."""
        got = self._clause_starts.get((pos, sub))
        if got is None:
            got = self._clause_starts[(pos, sub)] = self._clause_start(pos, sub)
        return got

    def _clause_start(self, pos: int, sub: bool) -> int:
        """:meth:`clause_start`, found."""
        start = 0
        for mt in (self.g.sub_boundary if sub else self.g.boundary).finditer(self.f, 0, pos):
            if self.inside_mention(mt.start() + 1) or (
                mt.group(0).isalpha() and self.g.giving_object.match(self.f, mt.end())
            ):
                continue  # "Islamic State": a speech verb's word inside a name; "announced the delivery of": its object
            q = mt.start()
            quoted = mt.group(0) == '"' and (self._in_scare_quotes(q) or _PARTIAL_QUOTE.match(self.f, q))
            if not quoted:
                start = mt.end()  # not a quoted phrase ('committed a "war crime" in Aleppo')
        if sub:  # "Rebels sweep into Aleppo, Russia conducts strikes ...": a comma, then a new subject and verb
            for j in range(self.next_index(start), len(self.m)):
                mj = self.m[j]
                if mj.end > pos:
                    break
                if (
                    self.g.comma_before.search(self.f, max(0, mj.start - 8), mj.start)
                    and self.g.verb_after.match(self.f, mj.end)
                    and not self._inside_list(j)  # "Iranian officers, Hezbollah units and Iraqi militias are"
                ):
                    start = mj.start
        return start

    def _inside_list(self, j: int) -> bool:
        """True when mention ``j`` stands inside a list, items before it and a conjunction's after it."""
        return len(self.coordinated_back(j, np=True)) > 1 and len(self.coordinated_fwd(j, np=True)) > 1

    def _in_scare_quotes(self, q: int) -> bool:
        """True when the quote mark at ``q`` opens or closes a short quoted phrase inside a clause."""
        return any(q in (mt.start(), mt.end() - 1) for mt in _SCARE_QUOTES.finditer(self.f, max(0, q - 40), q + 41))

    def clause_subject(self, pos: int, exclude: frozenset[int] = frozenset(), whole: bool = False) -> int | None:
        """The first mention of the clause holding ``pos`` (with ``whole``, of the sentence) that is not the
        object of a preposition nor a look-alike qualifier, within ``clause_subject_words`` words of ``pos``."""
        start = 0 if whole else self.clause_start(pos, sub=True)
        limit = len(self.f[start:pos].split())
        if limit > self.g.lex.windows["clause_subject_words"]:
            start = pos - len(" ".join(self.f[start:pos].split()[-self.g.lex.windows["clause_subject_words"] :]))
        for j in range(self.next_index(start), len(self.m)):
            if self.m[j].end > pos:
                break
            if j in exclude or self.preceded_by_preposition(j) or self._in_title(j) or self.attacked(j):
                continue
            head = self.head_of(j)
            if head is None or self.m[head].end > pos:
                continue
            return head
        return None

    def attacked(self, j: int) -> bool:
        """Mention ``j`` is the object of a verb of attack ("drones that pounded Syrian army columns")."""
        return self.g.attacked_before.search(self.f, max(0, self.m[j].start - 30), self.m[j].start) is not None

    def _in_title(self, j: int) -> bool:
        """Mention ``j`` names the body a person's title belongs to, in an apposition ("Malik Agar, deputy head of
        the Sovereignty Council,"): the body is not the clause's subject."""
        heads = self.g.lex.words.get("grammar.person_heads")
        if not heads:
            return False
        rx = self.g.lex.rx(
            "title_of",
            lambda: re.compile(rf",\s*(?:the\s+)?(?:[a-z-]+\s+){{0,2}}?(?:{alternation(heads)})\s+of\s+(?:the\s+)?$"),
        )
        return rx.search(self.f, max(0, self.m[j].start - 50), self.m[j].start) is not None
