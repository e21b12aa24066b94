"""Short coreference: words that stand in for an actor named just before, so a statement about them counts.

``the group``, ``the militia``, ``the Iran-backed movement`` stand for the last faction (or organisation or
coalition) named; ``it`` before a verb for the last state; ``both groups`` for the last two factions;
``those militias`` for the last faction. Only antecedents in the same sentence or the
``coref_sentences`` before count, so a stand-in never reaches far, and the resolution is recorded
(``resolved`` in the SUPPORT table) so an analyst can check it. Words come from the lexicon's
``grammar`` section.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable

from .clauses import Mention
from .coref_objects import GROUP_KINDS, STATE_KINDS, object_pronouns, object_verb, topic
from .coref_said import speakers
from .cues import CueLexicon
from .grammar import grammar_of

_NEVER = re.compile(r"\A(?!)")  # anchored: a search tries the first position only
_G = "grammar.stand_in_"
#: the word lists each pattern of :func:`stand_ins` needs (group, state, both, plural, opener, owned, objects)
_NEEDS = (
    {_G + "groups", _G + "plurals", _G + "people"},
    {_G + "state"},
    {_G + "both"},
    {_G + "state_plurals", _G + "state_nouns"},
    {_G + "subjects", _G + "possessives"},
    {_G + "owners"},
    {_G + "objects"},
)
#: a state's person after its name: "UAE envoy", "Iran's foreign minister", "the Turkish president"
_PERSON_OF = re.compile(
    r"(?:'s)?\s+(?:[a-z-]+\s+)?(?:envoy|ambassador|minister|president|spokesman|spokeswoman|spokesperson|official|"
    r"diplomat|representative|leader|king|emir|prince|premier|chancellor)\b"
)


def _patterns(lex: CueLexicon) -> tuple[re.Pattern, ...]:
    return lex.built("coref_patterns", lambda: _build_patterns(lex))


def _build_patterns(lex: CueLexicon) -> tuple[re.Pattern, ...]:
    a = lex.alt
    group = lex.rx(
        "coref_group",
        lambda: (
            rf"\b(?:the|that|this)\s+((?:(?:{a('grammar.stand_in_group_modifiers')}|"
            rf"[a-z]+-(?:{a('cues.participle')}|aligned|led))\s+){{0,2}}"
            rf"(?:{a('grammar.stand_in_groups')}))\b|\b(?:those|these)\s+((?:(?:"
            rf"{a('grammar.stand_in_group_modifiers')})\s+)?(?:{a('grammar.stand_in_plurals')}))\b"
            rf"|\bthe\s+((?:{a('grammar.stand_in_people')}))\b"
        ),
    )
    state = lex.rx(
        "coref_state",
        lambda: (
            rf"(?<![\w'])({a('grammar.stand_in_state')})\s+(?=(?:[a-z]+ly\s+)?(?:"
            rf"{a('grammar.auxiliaries')}|{a('cues.verb')}|{a('transfers.verbs')}|{a('grammar.verb_particles')}|"
            rf"{a('light_verbs.give')}|{a('light_verbs.receive')}|never|not|also|still|stops|stopped|ceases|ceased)\b)"
        ),
    )
    both = lex.rx("coref_both", lambda: rf"\b(?:{a('grammar.stand_in_both')})\b")
    numbers = "|".join(lex.types.get("number", {}))
    plural = lex.rx(
        "coref_plural",
        lambda: (
            rf"\b(?:the\s+)?({numbers or 'x^'})\s+(?:[a-z-]+\s+)?"
            rf"(?:{a('grammar.stand_in_state_plurals')})\b"
            # "the kingdom", "the Gulf emirate": the last state named
            + (
                rf"|\bthe\s+(?:[a-z-]+\s+)?({a('grammar.stand_in_state_nouns')})\b"
                if lex.words.get("grammar.stand_in_state_nouns")
                else ""
            )
        ),
    )
    compound = lex.rx("coref_compound", lambda: rf"[a-z]+-(?:{a('cues.participle')}|aligned|led)\s+")
    # "It is backed by", "They were armed by", "It has received", "Its support for", "Its backers in": a sentence that
    # opens with a pronoun
    opener = lex.rx(
        "coref_opener",
        lambda: (
            (
                rf"^\W{{0,3}}(?:(?:but|and|yet)\s+)?(?:({a('grammar.stand_in_subjects')})\s+(?=(?:(?:"
                rf"{a('grammar.auxiliaries')}|{a('grammar.adverbs')}|[a-z]+ly)\s+){{0,3}}"
                rf"(?:{a('cues.verb')}|{a('cues.participle')}|{a('transfers.verbs')}|{a('light_verbs.receive')})\b)|"
                rf"({a('grammar.stand_in_possessives')})(?=\s+(?:[a-z-]+\s+)?"
                rf"(?:{a('support_nouns.words')}|{a('role_nouns.backer')})\b))"
            )
            if lex.words.get("grammar.stand_in_subjects")
            else r"(?!)"
        ),
    )
    # "his government", "its air force": the state named just before owns the body
    owned = lex.rx(
        "coref_owned",
        lambda: (
            rf"\b({a('grammar.stand_in_owners')})\s+(?:(?:own|national|regular)\s+)?"
            rf"({a('grammar.stand_in_owned')}|{a('grammar.stand_in_leader_owned')})\b"
            if lex.words.get("grammar.stand_in_owned") and lex.words.get("grammar.stand_in_owners")
            else r"(?!)"
        ),
    )
    # "Washington has armed it", "Turkey armed them", "Russia intervened to save him": an object pronoun
    objects = lex.rx(
        "coref_objects",
        lambda: rf"\b({a('grammar.stand_in_objects')})\b" if lex.words.get("grammar.stand_in_objects") else r"(?!)",
    )
    return group, state, both, compound, plural, opener, owned, objects


def _patterns_for(lex: CueLexicon, keys: frozenset[str] | None) -> tuple[re.Pattern, ...]:
    """The patterns of :func:`stand_ins`, with those whose words the sentence lacks (``keys``) never matching."""
    memo = lex.built("coref_patterns_for", dict)
    got = memo.get(keys)
    if got is None:
        group, state, both, compound, plural, opener, owned, objects = _patterns(lex)
        if keys is not None:
            group, state, both, plural, opener, owned, objects = (
                rx if not keys.isdisjoint(need) else _NEVER
                for rx, need in zip((group, state, both, plural, opener, owned, objects), _NEEDS)
            )
        got = memo[keys] = (group, state, both, compound, plural, opener, owned, objects)
    return got


def within(field_mentions: list[tuple], sid: int, reach: int) -> list[tuple]:
    """The mentions of sentences ``sid - reach`` to ``sid`` (``field_mentions`` in text order, so their sentence
    ids never fall: found by bisection, not by a scan of the field)."""
    lo = bisect_left(field_mentions, sid - reach, key=_sent_of)
    return field_mentions[lo : bisect_right(field_mentions, sid, lo=lo, key=_sent_of)]


def _sent_of(mm: tuple) -> int:
    return mm[4]


_NP_GAP = r"\s+(?:(?!says\b|insists\b|claims\b)[a-z'-]+s\s+|(?:{groups})\s+)?"
#: "the SNA, the rebel force it has trained": the group the apposition describes is not "it"
_APPOSITION_GAP = re.compile(r"\s*,\s*(?:the|a|an)\s+(?:[a-z'-]+\s+){0,4}")
_PREP_BEFORE = re.compile(r"\b(?:from|of|by|with|including|among)\s+(?:the\s+)?$")


def _after_preposition(folded: str, a: int, mm: tuple) -> bool:
    """True when a mention of this sentence (field offsets, the sentence starting at ``a``) is a preposition's
    object ("accusations, including from U.N. monitors, that it supplies": "it" is not the U.N.)."""
    start = mm[0] - a
    return start >= 0 and _PREP_BEFORE.search(folded, max(0, start - 16), start) is not None


def _last_distinct(cands: list[tuple], n: int) -> list[str] | None:
    """The last ``n`` distinct entities among the mentions ``cands``, in text order; None if fewer."""
    seen: list[str] = []
    for mm in reversed(cands):
        if mm[2] not in seen:
            seen.append(mm[2])
        if len(seen) == n:
            return list(reversed(seen))
    return None


def _opening(lead: re.Match | None, sid: int, field_mentions: list[tuple]) -> list[Mention]:
    """The pronoun opening a sentence as an actor of the sentence before: ``It`` / ``Its`` the last state named
    there, else (and ``They`` / ``Their`` always) its first actor, the subject; ``He`` / ``His`` the last leader
    named there (none without one)."""
    if not lead:
        return []
    g = 1 if lead.group(1) else 2
    prev = [mm for mm in field_mentions if mm[4] == sid - 1]
    if not prev:
        return []
    word = lead.group(g)
    if word in ("he", "she", "his", "her"):  # "Assad is from ... He has been backed by": the leader named there
        leaders = [mm for mm in prev if mm[5] == "leader"]
        if not leaders:
            return []
        pick = leaders[-1]
    else:
        states = [mm for mm in prev if mm[3] in STATE_KINDS]
        pick = states[-1] if states and word.startswith("it") else prev[0]
    return [Mention(lead.start(g), lead.end(g), pick[2], pick[3], "stand_in", lead.group(g))]


def _where_subject(lex: CueLexicon, folded: str, where: tuple[int, int], near: list[tuple]) -> list[Mention]:
    """``U.S. troops are deployed in Syria, where they advise the SDF``: a subject pronoun after ", where" before a
    backing verb stands for the sentence's first actor (``he``/``she``: its first leader)."""
    if ", where " not in folded:
        return []
    alt = lex.alt
    rx = lex.rx(
        "coref_where",
        lambda: (
            rf",\s*where\s+({alt('grammar.stand_in_subjects')})\s+(?=(?:(?:{alt('grammar.auxiliaries')}|"
            rf"{alt('grammar.adverbs')}|[a-z]+ly)\s+){{0,3}}(?:{alt('cues.verb')}|{alt('transfers.verbs')})\b)"
        ),
    )
    a, sid = where
    out = []
    for mt in rx.finditer(folded):
        own = [mm for mm in near if mm[4] == sid and mm[1] <= a + mt.start() and mm[3] in STATE_KINDS | GROUP_KINDS]
        if mt.group(1) in ("he", "she"):
            own = [mm for mm in own if mm[5] == "leader"]
        if own:
            out.append(Mention(mt.start(1), mt.end(1), own[0][2], own[0][3], "stand_in", mt.group(1)))
    return out


#: an aside opened by "with" whose men are at a pronoun's side ("with the joint forces fighting at its side")
_WITH_SIDE = re.compile(r",\s*with\s+[^,;:()]{1,100}?\b(?:at|by)\s+(its|their|his|her)\s+side\b")


def _with_side(folded: str, where: tuple[int, int], near: list[tuple]) -> list[Mention]:
    """``the army, with the Darfur joint forces fighting at its side, is closing in``: the pronoun of a side inside
    an aside opened by "with" is the actor named right before the aside (the clause's subject)."""
    if " side" not in folded or "with" not in folded:
        return []
    a, sid = where
    out = []
    for mt in _WITH_SIDE.finditer(folded):
        owner = [
            mm for mm in near if mm[4] == sid and mm[1] <= a + mt.start() and not folded[mm[1] - a : mt.start()].strip()
        ]
        if owner:
            out.append(Mention(mt.start(1), mt.end(1), owner[-1][2], owner[-1][3], "stand_in", mt.group(1)))
    return out


#: a participle phrase opening the sentence, then its comma and "the" ("Founded with the help of X in 1982, the")
_FRONTED = re.compile(r"\s*(?:[a-z]+ed|[a-z]+en|set up|built|born)\b[^,;:.]{0,120},\s*(?:the\s+)?")

#: a possessive pronoun right before a name: the name is a body of another actor ("its Revolutionary Guards")
_OWNED_BODY = re.compile(r"\b(?:its|their)\s+$")


def _apposed_role(lex: CueLexicon, folded: str, where: tuple[int, int], near: list[tuple]) -> list[Mention]:
    """``Hezbollah advanced. Iran, its main backer, said nothing``: "its" in a role apposed to a name is the actor
    named before that name in its sentence, else the subject of the sentence before."""
    if ", its " not in folded and ", their " not in folded:
        return []
    a, sid = where
    rx = lex.rx(
        "coref_apposed_role", lambda: rf",\s*(its|their)\s+(?:[a-z-]+\s+){{0,2}}?(?:{lex.alt('role_nouns.backer')})\b"
    )
    out = []
    for mt in rx.finditer(folded):
        own = [mm for mm in near if mm[4] == sid and mm[1] <= a + mt.start() and mm[3] in STATE_KINDS | GROUP_KINDS]
        prev = [mm for mm in near if mm[4] == sid - 1 and mm[3] in STATE_KINDS | GROUP_KINDS]
        pick = own[-2] if len(own) > 1 else (prev[0] if own and prev else None)
        if pick is not None and pick[2] != own[-1][2]:
            out.append(Mention(mt.start(1), mt.end(1), pick[2], pick[3], "stand_in", mt.group(1)))
    return out


def _owned(lex: CueLexicon, owned: re.Pattern, folded: str, a: int, before) -> list[Mention]:
    """``his government``, ``its air force``: the body (the noun) stands for the last state named before;
    ``his fighters`` (``his``/``her`` and a leader's noun) for the group of the last leader named before."""
    out = []
    state_nouns = lex.built("coref_state_owned", lambda: frozenset(lex.words.get("grammar.stand_in_owned", [])))
    for mt in owned.finditer(folded):
        noun = " ".join(mt.group(2).split())
        if mt.group(1) in ("his", "her"):
            leaders = [mm for mm in before(mt.start(), GROUP_KINDS | STATE_KINDS) if mm[5] == "leader"]
            if leaders:
                pick = leaders[-1]
                out.append(Mention(mt.start(2), mt.end(2), pick[2], pick[3], "stand_in", mt.group(0)))
                continue
        cands = [mm for mm in before(mt.start(), STATE_KINDS) if mm[3] == "state"] if noun in state_nouns else []
        if mt.group(1) in ("his", "her"):  # "UAE envoy Mohamed Abushahab ... his country": the envoy's state
            cands = [mm for mm in cands if mm[1] >= a and _PERSON_OF.match(folded, mm[1] - a)] or cands
        groups = _own_groups(lex, mt, noun, a, before)
        if groups and (not cands or cands[-1][1] < groups[-1][1]):
            ents = list(dict.fromkeys(mm[2] for mm in groups))
            out.append(Mention(mt.start(2), mt.end(2), "|".join(ents), groups[-1][3], "stand_in", mt.group(0)))
        elif cands:
            out.append(Mention(mt.start(2), mt.end(2), cands[-1][2], "state", "stand_in", mt.group(0)))
    return out


def _own_groups(lex: CueLexicon, mt: re.Match, noun: str, a: int, before) -> list[tuple]:
    """``The SLA said its fighters``, ``The SLA and the JEM said their fighters``: the armed groups of the sentence
    that own the men after its/their (its: the last one, else the sentence before's subject if a group; their: those
    named in the sentence, up to three)."""
    men = lex.built("coref_group_owned", lambda: frozenset(lex.words.get("grammar.stand_in_leader_owned", [])))
    if mt.group(1) not in ("its", "their") or noun not in men:
        return []
    groups = [mm for mm in before(mt.start(), GROUP_KINDS) if mm[1] >= a and mm[3] == "faction" and mm[5] != "leader"]
    if mt.group(1) == "its" and not groups:  # "The RSF grew out of the Janjaweed. Thousands of its fighters": the
        prev = [mm for mm in before(mt.start(), GROUP_KINDS | STATE_KINDS) if mm[1] < a]  # subject before
        first = next((mm for mm in prev if mm[4] == prev[-1][4]), None) if prev else None
        return [first] if first is not None and first[3] == "faction" and first[5] != "leader" else []
    if mt.group(1) == "its" or len({mm[2] for mm in groups}) > 3:
        return groups[-1:]
    return groups


def _its(lex: CueLexicon, state: re.Pattern, folded: str, where: tuple[int, int], lead, before) -> list[Mention]:
    """``it`` before a verb: the nearest state named before, or a group of its own sentence; not right after a
    backing verb (its object), not the name its relative clause or apposition follows (``the SNA factions it
    arms``, ``the SNA, the rebel force it has trained``)."""
    a, sid = where
    np_gap = lex.rx("coref_np_gap", lambda: _NP_GAP.format(groups=lex.alt("grammar.stand_in_groups")))
    out = []
    for mt in state.finditer(folded):  # "it": the nearest state named before, or a group of its own sentence
        if (lead and mt.start(1) == lead.start(1)) or object_verb(lex, folded, mt.start()):
            continue  # "have kept it supplied": after a verb, "it" is its object (see object_pronouns)
        cands = [
            mm
            for mm in before(mt.start(), STATE_KINDS | GROUP_KINDS)
            if (mm[3] in STATE_KINDS or mm[4] == sid)
            and mm[5] != "leader"  # "it" is never a person named
            and not (mm[3] not in STATE_KINDS and _qualifier(lex, folded, mm[1] - a))  # "Revolutionary Guards advisers"
        ]
        cands = [mm for mm in cands if not _after_preposition(folded, a, mm)] or cands
        # "its Revolutionary Guards advised his army, and it trucked": a body owned by another is not "it"
        cands = [
            mm
            for mm in cands
            if not (mm[4] == sid and _OWNED_BODY.search(folded, max(0, mm[0] - a - 12), max(0, mm[0] - a)))
        ]
        # "the SNA factions it arms": the name right before "it" is the object of its relative clause, not "it"
        cands = [
            mm
            for mm in cands
            if not (
                mm[4] == sid
                and mm[3] != "state"
                and (
                    np_gap.fullmatch(folded, mm[1] - a, mt.start(1))
                    or _APPOSITION_GAP.fullmatch(folded, mm[1] - a, mt.start(1))
                )
            )
        ]
        cands = [mm for mm in cands if not _addressee(folded, a, mm, mt.start(1))] or cands
        if _AND_IT.search(folded, max(0, mt.start(1) - 12), mt.start(1)):  # "bombed the rebels and it armed": the
            cands = [mm for mm in cands if not _object_of_verb(folded, a, mm)] or cands  # subject before, not them
        cands = _not_the_speaker(lex, folded, (a, sid), mt.start(1), (cands, before(mt.start(), GROUP_KINDS)))
        pick = cands[-1] if cands else None
        if cands and _SAYS_IT.search(folded, max(0, mt.start(1) - 20), mt.start(1)):
            own = [mm for mm in cands if mm[4] == sid]  # "Qatar denies funding Nusra, says it backs the FSA":
            pick = own[0] if own else pick  # the headline's subject speaks of itself
        if cands and _WHICH_IT.search(folded, max(0, mt.start(1) - 20), mt.start(1)):
            own = [mm for mm in cands if mm[4] == sid]  # "Iran ... has lost its corridor, the route by which it
            pick = own[0] if own else pick  # supplied Hezbollah": the route's owner, the sentence's subject
        rej = _rejected_claim(lex, folded, mt.start(1)) if cands else None
        if rej:  # "Egypt dismissed RSF accusations that it had supplied": the one who rejects the claim is "it"
            own = [mm for mm in cands if mm[4] == sid and mm[1] <= a + rej.start()]
            pick = own[0] if own else pick
        if pick is not None:
            out.append(Mention(mt.start(1), mt.end(1), pick[2], pick[3], "stand_in", mt.group(1)))
    return out


def _not_the_speaker(
    lex: CueLexicon, folded: str, where: tuple[int, int], it: int, cands: tuple[list[tuple], list[tuple]]
) -> list[tuple]:
    """``The RSF besieged El Fasher. UN experts say it receives weapons``: after speakers named by a noun
    (``attribution.speakers``) "it" is not a body qualifying them but the subject of the sentence before
    (``cands``: the candidates for "it" and the groups named before)."""
    a, sid = where
    cands, groups = cands
    rx = lex.rx(
        "coref_said_by",
        lambda: re.compile(
            rf"\b(?:{lex.alt('attribution.speakers')})\s+(?:have\s+|has\s+)?(?:{lex.alt('attribution.speech')})"
            r"\s+(?:that\s+)?$"
        ),
    )
    said = rx.search(folded, max(0, it - 60), it)
    if said is None:
        return cands
    # the name qualifying the speakers ("UN experts"); a state's officials may speak of it ("US officials say it")
    rest = [
        mm for mm in cands if not (mm[4] == sid and mm[3] != "state" and not folded[mm[1] - a : said.start()].strip())
    ]
    if any(mm[4] == sid for mm in rest):
        return rest
    prev = sorted(mm for mm in cands + groups if mm[4] == sid - 1)
    return prev[:1] or rest


#: "it" after a preposition and "which": "the route by which it supplied", "through which it moved"
_WHICH_IT = re.compile(r"\b(?:by|through|via|from|across|along|over)\s+which\s+$")
#: "it" opening a clause joined by "and": "... and it armed", "... and that it had sent"
_AND_IT = re.compile(r"\band\s+(?:that\s+)?$")
#: a verb right before a name of the sentence: the name is its object ("bombed the rebels", "attacks the SDF")
_OBJECT_BEFORE = re.compile(r"\b[a-z]{3,}(?:ed|es|ks|ts|ms)\s+(?:the\s+|its\s+|their\s+)?$")


def _object_of_verb(folded: str, a: int, mm: tuple) -> bool:
    """True when the mention (field offsets, the sentence starting at ``a``) is the object of a verb right before it."""
    return mm[0] >= a and _OBJECT_BEFORE.search(folded, max(0, mm[0] - a - 30), mm[0] - a) is not None


def _rejected_claim(lex: CueLexicon, folded: str, it: int) -> re.Match | None:
    """A rejected claim and its "that" (:attr:`helpers.grammar.Grammar.rejected_claim`) within 90 characters
    before "it" at ``it``, with at most three words between ("rejects Hemedti claim that it")."""
    found = list(grammar_of(lex).rejected_claim.finditer(folded, max(0, it - 90), it))
    return found[-1] if found and _FEW_WORDS.fullmatch(folded, found[-1].end(), it) else None


#: at most three words between "that" and "it"
_FEW_WORDS = re.compile(r"\s+(?:[a-z]+\s+){0,3}")


#: a verb of telling right before its addressee: "Abu Dhabi assured the White House that it": "it" is the teller
_TOLD_BEFORE = re.compile(
    r"\b(?:told|tells|tell|assured|assures|reassured|informed|informs|promised|promises|warned|warns|notified|"
    r"briefed|reminded|convinced)\s+(?:the\s+)?$"
)


def _addressee(folded: str, a: int, mm: tuple, it: int) -> bool:
    """True when the mention (field offsets, the sentence starting at ``a``) is told something that "it" at ``it``
    opens ("assured the White House that it was not arming"): the addressee is not "it"."""
    start, end = mm[0] - a, mm[1] - a
    return (
        start >= 0
        and _TOLD_BEFORE.search(folded, max(0, start - 16), start) is not None
        and re.fullmatch(r"\s+that\s+", folded[end:it]) is not None
    )


#: a speech verb with no subject of its own before "it": the sentence's subject speaks of itself
_SAYS_IT = re.compile(r"(?:,|\band)\s+(?:says|said|insists|insisted|claims|claimed|adds|added|stresses|stressed)\s+$")


def _state_noun(mt: re.Match, sid: int, states: list[tuple]) -> list[Mention]:
    """``the kingdom``, ``the Gulf emirate``: the last state named before it in its sentence, else the first state
    of the sentence before (its topic: "Qatar will fund ..., with Washington's blessing. The Gulf emirate": Qatar)."""
    own = [mm for mm in states if mm[4] == sid]
    prev = [mm for mm in states if mm[4] == sid - 1]
    pick = own[-1] if own else prev[0] if prev else None
    return [] if pick is None else [Mention(mt.start(), mt.end(), pick[2], pick[3], "stand_in", mt.group(0))]


def _qualifier(lex: CueLexicon, folded: str, end: int) -> bool:
    """Whether the mention ending at ``end`` (in the sentence) qualifies a people noun after it."""
    if end < 0:
        return False  # named in an earlier sentence
    rx = lex.rx("coref_qualifier", lambda: re.compile(rf"\s+(?:{lex.alt('people_nouns.words')})\b"))
    return rx.match(folded, end) is not None


def _groups(
    folded: str,
    a: int,
    sid: int,
    field_mentions: list[tuple],
    group: re.Pattern,
    compound: re.Pattern,
    before: Callable,
) -> list[Mention]:
    """``the group``, ``the Iran-backed militia``: the last faction or organisation named before (``a``, ``sid``: the
    sentence's start in the field and its id; ``group``, ``compound``: the patterns; ``before``: the candidates)."""
    out: list[Mention] = []
    for mt in group.finditer(folded):
        g = next(k for k in (1, 2, 3) if mt.group(k))
        words, start = mt.group(g), mt.start(g)
        if folded[mt.end() : mt.end() + 1] == " " and any(
            mm[0] == a + mt.end() + 1 for mm in within(field_mentions, sid, 0)
        ):
            continue  # "the Lebanese Shiite movement Hezbollah": the name after the noun is the group
        comp = compound.match(folded, start)
        if comp:
            start = comp.end()  # "the Iran-backed group": Iran backs the group
        cands = before(mt.start(), GROUP_KINDS)
        if _FRONTED.fullmatch(folded, 0, mt.start()):  # "Founded with the help of Iran's Guards, the group": not them
            cands = [mm for mm in cands if mm[4] != sid] or cands
        later = {mm[2] for mm in field_mentions if mm[4] == sid and mm[0] >= a + mt.end()}
        # "Wagner missiles for Hemedti? ... the mercenary group has been flying missiles to the RSF": not the RSF
        pick = next((c for c in reversed(cands) if c[2] not in later), cands[-1]) if cands else None
        lead = topic(cands, sid) if not folded[: mt.start()].strip(" \"'") else None
        pick = lead if lead is not None and lead[2] not in later else pick  # "Hezbollah sent ... as rebels
        # pressed south. The Iran-backed group fought alongside": a group opening the sentence is the topic before
        if pick is not None:
            out.append(Mention(start, mt.end(), pick[2], pick[3], "stand_in", words))
    return out


def stand_ins(
    folded: str, a: int, sid: int, field_mentions: list[tuple], lex: CueLexicon, keys: frozenset[str] | None = None
) -> list[Mention]:
    """Stand-ins in one sentence, resolved to their antecedents.

    Args:
        folded: the sentence's folded text; a: its start in the field; sid: its sentence id.
        field_mentions: the field's actor mentions as ``(start, end, entity, kind, sent_id, via)``,
            in text order (field offsets).
        lex: the cue lexicon.
        keys: the lexicon's stand-in lists (``grammar.stand_in_state``...) whose words the sentence holds; only
            their patterns run (None: all).

    Returns:
        Mentions (offsets relative to the sentence) with ``stand_in`` set to the words replaced; a
        ``both groups`` stand-in carries two entities joined by ``|``.
    """
    group, state, both, compound, plural, opener, owned, objects = _patterns_for(lex, keys)
    near = within(field_mentions, sid, lex.windows["coref_sentences"])
    out: list[Mention] = []
    lead = opener.match(folded)
    out += _opening(lead, sid, near) + _where_subject(lex, folded, (a, sid), near)

    def before(pos: int, kinds: set[str]) -> list[tuple]:
        return [mm for mm in near if mm[1] <= a + pos and mm[3] in kinds]

    out += _groups(folded, a, sid, field_mentions, group, compound, before)
    out += _its(lex, state, folded, (a, sid), lead, before) + _apposed_role(lex, folded, (a, sid), near)
    out += _owned(lex, owned, folded, a, before) + object_pronouns(lex, objects, folded, (a, sid), before)
    if keys is None or not keys.isdisjoint(_NEEDS[4]):
        said = speakers(lex, folded, a, sid, near)  # who says it, before any other reading of the same pronoun
        spans = {(x.start, x.end) for x in said}
        out = [x for x in out if (x.start, x.end) not in spans] + said
    side = _with_side(folded, (a, sid), near)  # "the army, with the joint forces fighting at its side": the army
    if side:
        out = [x for x in out if (x.start, x.end) != (side[0].start, side[0].end)] + side
    for mt in both.finditer(folded):  # "both groups": the last two factions or organisations named
        two = _last_distinct(before(mt.start(), {"faction", "organisation"}), 2)
        if two:
            out.append(Mention(mt.start(), mt.end(), "|".join(two), "faction", "stand_in", mt.group(0)))
    for mt in plural.finditer(folded):  # "the three capitals": the last three states named; "the kingdom": one
        if not mt.group(1):
            out += _state_noun(mt, sid, before(mt.start(), {"state"}))
            continue
        n, cands = int(lex.types["number"][mt.group(1)]), before(mt.start(), {"state"})
        # named together in this sentence, else in the one before ("Saudi Arabia and Qatar met. Damascus thanked
        # the two countries": not Damascus and Qatar)
        states = _last_distinct([c for c in cands if c[4] == sid], n) or _last_distinct(
            [c for c in cands if c[4] < sid], n
        )
        if states:
            out.append(Mention(mt.start(), mt.end(), "|".join(states), "state", "stand_in", mt.group(0)))
    return out
