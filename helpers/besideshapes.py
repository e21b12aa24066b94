"""Fighting beside an actor without a fighting verb, over one sentence: a verb of combat with a word that says no
direction after its object ("Haftar's forces attacked border posts alongside the RSF"), an aside opened by such a
word before a verb of combat ("Hezbollah, alongside Syrian troops, captured Qusayr"), and troops embedded with
another actor ("US advisers embedded with the SDF"). Run by :func:`helpers.shapes.all_edges` as the ``beside``
shape, woken by its own words (so a verb of combat does not wake the whole fight shape).
"""

from __future__ import annotations

import re

from .clauses import Sentence
from .doers import doer, subject_after_comma
from .edges import QUALIFIES_NEXT, Edge, agent_by, cue_text, lex_rx, pairs

__all__ = ["AGENT_GAP", "JOINT_GAP", "beside"]

#: between two actors listed as one subject: at most a people noun, then "and"/"or" ("Syrian troops and Hezbollah")
JOINT_GAP = re.compile(
    r"(?:'s?)?(?:\s+[a-z-]+)?\s+(?:and|or|together\s+with|along\s+with|as\s+well\s+as)\s+(?:the\s+)?"
    # a headline's comma for "and" between two demonyms ("Russian, Syrian jets pound Aleppo")
    r"|(?<=ian|yan|can|ish|ese|nch|udi|ati|aqi|eli|ari),\s*"  # a demonym's ending (not "Tehran, Syrian troops")
)
#: the words an aside may hold after its last name ("alongside Hezbollah fighters,")
_ASIDE_TAIL = re.compile(r"(?:'s?)?(?:\s+[a-z-]+){0,3}?\s*,\s*")


def beside(s: Sentence, reference: frozenset = frozenset()) -> list[Edge]:
    """The three shapes of this module. The sideless edges are flagged ``symmetric`` and oriented like "alongside"
    in :func:`helpers.fightshapes.fight`: a reference edge of the gazetteer the other way round turns them."""
    out = _combat_beside(s) + _beside_aside(s)
    joint = _joint_subjects(s, reference) if _known_pair_in(s, reference) else []
    for e in out:
        pair = (s.m[e.b].entity, s.m[e.c].entity)
        if pair not in reference and pair[::-1] in reference:
            e.b, e.c = e.c, e.b
    return out + joint + _embedded(s)


def _known_pair_in(s: Sentence, reference: frozenset) -> bool:
    """Whether the reference edges join two of the sentence's actors: else no joint action gives an edge (each is
    one of :func:`_known_pairs`, which needs such a pair), and none is read."""
    ents = {x.entity for x in s.m}
    return any((a, b) in reference for a in ents for b in ents if a != b)


def _combat_beside(s: Sentence) -> list[Edge]:
    """``Haftar's forces attacked border posts alongside the RSF``, ``denied taking part in any attack together
    with the RSF``, ``accused Haftar's forces of attacking its posts, together with the RSF``: a verb of combat, at
    most six words (a comma only before the sideless word), then a sideless word and its actor: the subject fights
    beside that actor (only the sideless words: "attacked ... for" says nothing of backing)."""
    if not s.has_cue("fight.combat_verbs"):
        return []
    rx = lex_rx(
        s,
        "fight_combat_beside",
        lambda a: (
            rf"\b({a('fight.combat_verbs')})\s+(?:[\w'-]+\s+){{0,6}}?(?:[\w'-]+,\s+)?({a('fight.symmetric')})\s+"
            rf"(?:(?:the|{a('grammar.possessives')})\s+)?"
        ),
    )
    out: list[Edge] = []
    for mt in s.matches(rx, "fight.combat_verbs"):
        if "," in mt.group(0) and not re.search(r",\s+$", s.f[mt.end(1) : mt.start(2)]):
            continue  # an aside after the object ("attacking its border posts, together with the RSF,") is one
        clients = s.object_after(mt.end())
        backers = _combatant(s, mt)
        span = (mt.start(1), mt.end(2))
        out += pairs(backers, clients, span, cue_text(s.f[span[0] : span[1]]), "fight", "troops", {"symmetric"})
    return out


def _combatant(s: Sentence, mt: re.Match) -> list[int]:
    """Who does the verb of combat of ``mt`` (group 1): its subject, the accused before "of" ("accused Haftar's
    forces of attacking"), or the clause's subject of a gerund ("denied taking part in any attack")."""
    backers, _ = doer(s, mt.group(1), mt.span(1), set())
    if not backers and mt.group(1).endswith("ing"):
        c0 = s.clause_subject(mt.start(1))
        backers = [] if c0 is None else s.coordinated_fwd(c0)
    return backers


def _beside_aside(s: Sentence) -> list[Edge]:
    """``Hezbollah, alongside Syrian troops, captured Qusayr``; ``Together with Russian jets, the army retook
    Palmyra``: an aside opened by a sideless word, then a verb of combat; the clause's subject fights beside the
    aside's actors (an aside before any other verb is no fighting: "Russia, alongside Iran, sponsored the talks")."""
    if not s.has_cue("fight.aside"):
        return []
    rx = lex_rx(s, "fight_aside", lambda a: rf"({a('fight.aside')})\s+(?:(?:the|{a('grammar.possessives')})\s+)?")
    combat = lex_rx(s, "fight_aside_combat", _fighting_verb)
    # after the subject of an opening aside: its people noun, then the verb
    named = lex_rx(s, "fight_aside_named", lambda a: r"(?:'s?)?(?:\s+[a-z-]+){0,2}?\s+" + _fighting_verb(a))
    out: list[Edge] = []
    for mt in s.matches(rx, "fight.aside"):
        opening = not s.f[: mt.start()].strip()
        if not opening and not re.search(r",\s*$", s.f[max(0, mt.start() - 3) : mt.start()]):
            continue
        k = s.next_index(mt.end())
        if k >= len(s.m) or not re.fullmatch(r"(?:[a-z-]+\s+){0,2}", s.f[mt.end() : s.m[k].start]):
            continue
        group = s.coordinated_fwd(k)
        tail = _ASIDE_TAIL.match(s.f, s.m[group[-1]].end)
        if tail is None:
            continue
        if opening:
            c0 = subject_after_comma(s, tail.start())
            if c0 is None or not named.match(s.f, s.m[s.coordinated_fwd(c0)[-1]].end):
                continue
            subjects = s.coordinated_fwd(c0)
        else:
            subjects = s.subject_before(mt.start())
            if not combat.match(s.f, tail.end()):
                continue
        span = (mt.start(1), mt.end(1))
        out += pairs(subjects, group, span, cue_text(mt.group(1)), "fight", "troops", {"symmetric"})
    return out


def _joint_subjects(s: Sentence, reference: frozenset) -> list[Edge]:
    """``Syrian troops and Hezbollah fighters captured Qusayr``, ``Russian and Syrian jets bombed Idlib``: actors
    listed by "and" as the subject of a verb of combat act together; of each pair, the one the gazetteer's reference
    edges say backs the other does (no edge when they know neither direction, or both: "rebels and jihadists
    stormed")."""
    if not s.has_cue("fight.combat_verbs", "fight.joint_verbs", "fight.joint_nouns"):
        return []
    rx = lex_rx(s, "fight_joint", lambda a: rf"({a('fight.combat_verbs')}|{a('fight.joint_verbs')})\b")
    noun = lex_rx(  # "have intensified attacks": a verb of carrying out, then (two words and) the action noun
        s,
        "fight_joint_noun",
        lambda a: rf"({a('fight.joint_noun_verbs')})\s+(?:[a-z-]+\s+){{0,2}}?({a('fight.joint_nouns')})\b",
    )
    out: list[Edge] = []
    for mt in s.matches(rx, "fight.combat_verbs", "fight.joint_verbs") + s.matches(noun, "fight.joint_noun_verbs"):
        j = s.prev_index(mt.start())
        if j < 1 or not JOINT_GAP.fullmatch(s.f, s.m[j - 1].end, s.m[j].start):
            continue  # no two names listed right before the verb: no subject list to read (the common case)
        out += _known_pairs(s, s.subject_before(mt.start()), (mt.start(1), mt.end()), reference)
    return out + _joint_agents(s, reference)


def _joint_agents(s: Sentence, reference: frozenset) -> list[Edge]:
    """``airstrikes launched by the Syrian regime and Russian warplanes``, ``the aerial campaign by the Assad regime
    and Russian forces``, ``shelling of the suburbs by Syrian troops and Russian jets``: actors listed as the
    agents of an action of combat act together, as in :func:`_joint_subjects`."""
    if not s.has_cue("fight.joint_nouns"):
        return []
    rx = lex_rx(
        s,
        "fight_joint_agents",
        lambda a: (  # "shelling of the suburbs by", "strikes on Idlib carried out by"
            rf"({a('fight.joint_nouns')})\s+(?:(?:of|on|in|against|across|over)\s+(?:[\w'-]+\s+){{1,4}}?)?"
            + agent_by(a)
        ),
    )
    out: list[Edge] = []
    for mt in s.matches(rx, "fight.joint_nouns"):
        k = s.next_index(mt.end())
        if k >= len(s.m) or s.m[k].start != mt.end():
            continue
        listed = [k]  # "by Syrian government forces and Russian jets": names joined as one agent
        while listed[-1] + 1 < len(s.m) and AGENT_GAP.fullmatch(s.f, s.m[listed[-1]].end, s.m[listed[-1] + 1].start):
            listed.append(listed[-1] + 1)
        out += _known_pairs(s, listed, mt.span(1), reference, AGENT_GAP)
    return out + _joint_modifiers(s, reference)


def _joint_modifiers(s: Sentence, reference: frozenset) -> list[Edge]:
    """``targeted in Syrian and Russian air strikes``, ``Russian and regime warplanes' raids``: actors listed right
    before an action of combat (one word between at most) are its agents together, as in :func:`_joint_subjects`."""
    noun = lex_rx(
        s, "fight_joint_modified", lambda a: rf"(?:'s?)?\s+(?:[a-z-]+(?:'s?)?\s+)?({a('fight.joint_nouns')})\b"
    )
    out: list[Edge] = []
    for j in range(1, len(s.m)):
        if not s.cue_within(s.m[j].end, 30, "fight.joint_nouns") or not JOINT_GAP.fullmatch(
            s.f, s.m[j - 1].end, s.m[j].start
        ):
            continue  # two names listed by "and", then the noun ("Syrian and Russian air strikes")
        mt = noun.match(s.f, s.m[j].end)
        if mt:
            out += _known_pairs(s, [j - 1, j], mt.span(1), reference)
    return out


#: between two agents after "by": as :data:`JOINT_GAP`, and a description of the second before its name ("by the
#: army and the Lebanese Shiite movement Hezbollah")
AGENT_GAP = re.compile("(?:" + JOINT_GAP.pattern + r")(?:[a-z-]+\s+){0,3}?")


def _known_pairs(
    s: Sentence, listed: list[int], span: tuple[int, int], reference: frozenset, joint: re.Pattern = JOINT_GAP
) -> list[Edge]:
    """Of each two actors of ``listed`` joined as one subject or agent (by ``joint``; "Syrian troops as well as their
    Iranian and Russian allies": each two of the three), the one the gazetteer's reference edges say backs the
    other backs it (no edge when they know neither direction, or both; the list ends where "or" joins two names,
    "Syrian or Russian warplanes" being one or the other, or where a name qualifies the next noun)."""
    chain = listed[:1]
    for j in listed[1:]:
        gap = joint.fullmatch(s.f, s.m[chain[-1]].end, s.m[j].start)
        if not gap or re.search(r"\bor\s", gap.group(0)) or QUALIFIES_NEXT.match(s.f, s.m[j].end):
            break
        chain.append(j)
    out: list[Edge] = []
    for x, i in enumerate(chain):
        for j in chain[x + 1 :]:
            pair = (s.m[i].entity, s.m[j].entity)
            known, turned = pair in reference, pair[::-1] in reference
            if known != turned:
                b, c = (i, j) if known else (j, i)
                out += pairs([b], [c], span, cue_text(s.f[span[0] : span[1]]), "fight", "troops")
    return out


def _fighting_verb(a) -> str:
    """A verb of combat or fighting, after at most two adverbs or auxiliaries (``a``: the lexicon's alternation)."""
    return (
        rf"(?:[a-z]+ly\s+|(?:{a('grammar.auxiliaries')})\s+){{0,2}}(?:{a('fight.combat_verbs')}|{a('fight.verbs')})\b"
    )


def _embedded(s: Sentence) -> list[Edge]:
    """``US advisers embedded with the SDF``, ``Russian officers are embedded with Syrian units``: an actor's
    troops placed in another actor's ranks back it (not "journalists embedded with": only troop nouns)."""
    if not s.has_cue("fight.embedded"):
        return []
    rx = lex_rx(s, "fight_embedded", lambda a: rf"({a('fight.embedded')})\s+(?:(?:the|{a('grammar.possessives')})\s+)?")
    head = lex_rx(  # the troop or adviser noun after the backer's name
        s,
        "fight_embedded_head",
        lambda a: (
            r"(?:'s?)?\s+(?:[a-z-]+\s+){0,2}?(?:"
            + "|".join(re.escape(w) for w, t in s.g.lex.types["material"].items() if t in ("troops", "advisers"))
            + r")\b"
        ),
    )
    out: list[Edge] = []
    for mt in s.matches(rx, "fight.embedded"):
        backers = s.subject_before(mt.start())
        if not backers or not head.match(s.f, s.m[backers[-1]].end):
            continue
        span = (mt.start(1), mt.end(1))
        out += pairs(backers, s.object_after(mt.end()), span, cue_text(mt.group(1)), "fight", "advisers")
    return out
