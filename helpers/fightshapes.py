"""Fighting for or beside another actor, over one sentence: :func:`fight` ("Hezbollah fought alongside Syrian
troops", "intervened on behalf of Damascus"), with the subjects that fight "side by side" (each backs the other),
the subject that joins a party "in" an action, and the one that takes part in an actor's offensive ("spearheaded
Assad's push on Qusayr"). Run by :func:`helpers.shapes.all_edges`.
"""

from __future__ import annotations

import re

from .clauses import Sentence
from .doers import doer, subject_after_comma
from .edges import Edge, cue_text, lex_rx, lex_rx_for, pairs

__all__ = ["fight"]


def fight(s: Sentence, reference: frozenset = frozenset()) -> list[Edge]:
    """``Hezbollah fighters are fighting alongside Syrian troops``, ``fought on the side of Assad``,
    ``intervened on behalf of Damascus``, ``came to the aid of the Kurds``. ``alongside`` says no direction:
    a reference edge in the gazetteer orients it, else the subject backs the object."""
    rx = lex_rx(
        s,
        "fight",
        lambda a: (
            rf"({a('fight.verbs')})\s+(?:(?:{a('grammar.adverbs')}|[a-z]+ly)\s+|(?:{a('fight.particles')})\s+(?={a('fight.preps')}))?"
            rf"(?:(?:the|a|this|that)\s+(?:[a-z-]+\s+)?(?:war|conflict|fight|fighting|battle|"
            rf"struggle|offensive|campaign)\s+)?(?:(?:(?:[\w'-]+|\d[\d,.]*)\s+){{1,6}}?(?=(?:{a('fight.symmetric')}|{a('fight.past_object')})\b))?"
            rf"(?:(?:(?:in|since)\s+\w+(?:\s+\d{{4}})?\s+)?({a('fight.preps')})\s+)?"
            rf"(?:(?:the|{a('grammar.possessives')})\s+)?"
        ),
    )
    symmetric = set(s.g.lex.words.get("fight.symmetric", []))
    office = lex_rx_for(s, "fight_office", "fight.offices", lambda a: rf"(?:{a('fight.offices')})\b")
    out: list[Edge] = []
    for mt in s.matches(rx, "fight.verbs"):
        prep = mt.group(2)
        if (not prep and not mt.group(1).endswith(" of")) or (prep == "for" and _office(s, office, mt.end())):
            continue  # "stand again for president": an office, not an actor
        clients = s.object_after(mt.end())
        flags = {"symmetric"} if prep in symmetric else set()
        clients = _without_co_backers(s, clients, reference) if flags else clients
        if not clients:
            continue  # no one fought for: who fights is not asked (the costly question)
        backers = _fighter(s, mt)  # also "dropped neutrality to fight"
        end = mt.end(2) if prep else mt.end(1)
        for e in pairs(
            backers,
            clients,
            (mt.start(1), end),
            cue_text(s.f[mt.start(1) : end]),
            "fight",
            s.g.lex.types.get("fight", {}).get(cue_text(prep or ""), "troops"),
            flags,
        ):
            pair = (s.m[e.b].entity, s.m[e.c].entity)
            if flags and pair not in reference and pair[::-1] in reference:
                e.b, e.c = e.c, e.b
            out.append(e)
    sides = _own_side(s) + _owners_side(s) + _taken_side(s) + _at_request(s) + _missions_for(s)
    return out + _reciprocal(s) + _joined_in(s) + sides + _joined_faction(s) + _with_men(s)


def _office(s: Sentence, office: re.Pattern, pos: int) -> bool:
    """An office after "for" at ``pos`` ("stand again for president"), not a title before a name ("fought for
    President Bashar al-Assad")."""
    mt = office.match(s.f, pos)
    if mt is None:
        return False
    j = s.next_index(mt.end())
    return j >= len(s.m) or bool(s.gap(mt.end(), s.m[j].start).strip())


def _without_co_backers(s: Sentence, clients: list[int], reference: frozenset) -> list[int]:
    """``fighting alongside the Syrian regime and Russian forces``: of the actors listed after a sideless word, one
    the reference edges say backs another listed one fights beside the subject for the same client, so it is no
    client of the subject."""
    ents = [s.m[c].entity for c in clients]
    return [c for c, e in zip(clients, ents) if not any((e, o) in reference for o in ents if o != e)]


def _missions_for(s: Sentence) -> list[Edge]:
    """``Russian jets flew dozens of sorties for government forces``, ``carried out bombing runs in support of the
    SDF``: air missions flown for a party back it (the verb's subject flies them)."""
    if not s.has_cue("fight.missions"):
        return []
    rx = lex_rx(
        s,
        "fight_missions",
        lambda a: (
            rf"\b({a('fight.air_verbs')})\s+(?:[\w'-]+\s+){{0,3}}?({a('fight.missions')})\s+"
            rf"(?:(?:over|in|across|around|near|from)\s+[\w'-]+\s+)?"
            rf"(?:for|in\s+support\s+of|on\s+behalf\s+of|to\s+support|to\s+back)\s+(?:the\s+)?"
        ),
    )
    out: list[Edge] = []
    for mt in s.matches(rx, "fight.air_verbs"):
        backers = _fighter(s, mt)
        out += pairs(backers, s.object_after(mt.end()), mt.span(2), cue_text(mt.group(2)), "fight", "air_power")
    return out


def _with_men(s: Sentence) -> list[Edge]:
    """``Syrian government troops, with Hezbollah fighters leading the assault, took Qusayr``: an aside opened by
    "with" after a comma (or opening the sentence), an actor's men and a joint action: the men's actor backs the
    clause's subject; without the comma, only men "at their side" ("pushed north with Hezbollah units at their
    side")."""
    rx = lex_rx_for(
        s,
        "fight_with_men",
        "fight.joint",
        lambda a: (
            rf"\s+(?:[a-z-]+\s+)?({'|'.join(w for w, t in s.g.lex.types['material'].items() if t == 'troops')})"
            rf"\s+({a('fight.joint')})\b"
        ),
    )
    out: list[Edge] = []
    for i, mi in enumerate(s.m if "with" in s.f else ()):  # the aside's "with" is in the sentence
        lead = _WITH_BEFORE.search(s.f[max(0, mi.start - 30) : mi.start])
        mt = rx.match(s.f, mi.end) if lead else None
        if not mt or not (lead.group(1) is not None or mt.group(2).startswith("at ")):
            continue  # without a comma only "at their side": "pushed north with Hezbollah units at their side"
        at = max(0, mi.start - 30) + lead.start()
        client = s.clause_subject(at, exclude=frozenset([i])) if at > 0 else subject_after_comma(s, mt.end())
        if client is not None and client != i:
            out += pairs([i], [client], mt.span(1), cue_text(s.f[mt.start(1) : mt.end()]), "fight", "troops")
    return out


#: "with" (after a comma or opening the sentence: group 1) and the words before an actor's men
_WITH_BEFORE = re.compile(r"(^|,)?\s*(?:along\s+)?\bwith\s+(?:the\s+)?(?:[a-z-]+\s+)?$")


def _joined_faction(s: Sentence) -> list[Edge]:
    """``Kaikal's Sudan Shield Forces joined the army``, ``defected to the RSF``, ``joined the ranks of Hezbollah``:
    who joins an armed faction fights for it (joining a state, a coalition or an organisation is no backing; a
    group's commanders or fighters who defect leave it: "Top RSF commander defects to the army")."""
    if not s.has_cue("fight.join_verbs"):
        return []
    rx = lex_rx(
        s,
        "fight_joined_faction",
        lambda a: rf"\b({a('fight.join_verbs')})\s+(?:(?:the\s+)?ranks\s+of\s+|forces\s+with\s+)?(?:the\s+)?",
    )
    out: list[Edge] = []
    defect = set(s.g.lex.words.get("fight.defect_verbs", []))
    members = lex_rx(  # "RSF commander", "RSF fighters": the group's men
        s, "fight_members", lambda a: rf"(?:'s?)?\s+(?:{a('grammar.person_heads')}|{a('people_nouns.words')})\b"
    )
    for mt in s.matches(rx, "fight.join_verbs"):
        k = s.next_index(mt.end())
        if k >= len(s.m) or s.m[k].start != mt.end() or s.m[k].kind != "faction":
            continue
        joiners = [b for b in _fighter(s, mt) if s.m[b].kind == "faction" and s.m[b].via != "demonym"]
        if cue_text(mt.group(1)) in defect:  # "RSF commander defects to the army": its men leave it, it backs no one
            joiners = [b for b in joiners if not members.match(s.f, s.m[b].end)]
        out += pairs(joiners, [k], mt.span(1), cue_text(mt.group(1)), "fight", "troops")  # a group, not nationals
    return out


#: a name owning "side": "on Assad's side", "taken the army's side"
_SIDE_AFTER = re.compile(r"(?:'s?)?\s+side\b(?!\s+of\b)")  # not "the Turkish side of the border"


def _owners_side(s: Sentence) -> list[Edge]:
    """``Wagner, which has fought on Assad's side``, ``fighting at the army's side``: a fight verb, then a name
    owning "side"."""
    rx = lex_rx(s, "fight_owners_side", lambda a: rf"({a('fight.verbs')})\s+(?:[a-z]+ly\s+)?(?:on|at|by)\s+(?:the\s+)?")
    out: list[Edge] = []
    for mt in s.matches(rx, "fight.verbs"):
        k = s.next_index(mt.end())
        if k < len(s.m) and s.m[k].start == mt.end() and _SIDE_AFTER.match(s.f, s.m[k].end):
            backers = doer(s, cue_text(mt.group(1)), mt.span(1), set())[0]
            out += pairs(
                backers, [k], (mt.start(), s.m[k].end + 6), cue_text(mt.group(1) + " on ... side"), "fight", "troops"
            )
    return out


def _taken_side(s: Sentence) -> list[Edge]:
    """``Kyiv has in effect taken the Sudanese army's side``, ``Egypt took the side of the army``: who takes (chooses,
    picks) a party's side backs it (politically: "has not taken sides" names no party and gives nothing)."""
    if not s.has_cue("fight.side_verbs"):
        return []
    rx = lex_rx(
        s,
        "fight_taken_side",
        lambda a: rf"({a('fight.side_verbs')})\s+(?:[a-z]+ly\s+)?(the\s+side\s+of\s+)?(?:the\s+)?",
    )
    out: list[Edge] = []
    for mt in s.matches(rx, "fight.side_verbs"):
        k = s.next_index(mt.end())
        if k >= len(s.m) or s.m[k].start != mt.end():
            continue
        if not mt.group(2) and not _SIDE_AFTER.match(s.f, s.m[k].end):
            continue
        backers = doer(s, cue_text(mt.group(1)), mt.span(1), set())[0]
        out += pairs(backers, [k], (mt.start(), s.m[k].end), cue_text(mt.group(1) + " side"), "fight", "political")
    return out


def _at_request(s: Sentence) -> list[Edge]:
    """``Russia intervened in Syria at the request of President Assad``, ``Iranian advisers deployed at the
    invitation of Damascus``: the clause's subject backs the actor whose request an armed act answered (the clause
    must hold a fighting or combat verb, an action noun or an armed people noun before the phrase: "the Council met
    at the request of France" is no backing)."""
    if not s.has_cue("fight.request"):
        return []
    rx = lex_rx(s, "fight_request", lambda a: rf"({a('fight.request')})\s+(?:(?:the|{a('grammar.possessives')})\s+)?")
    armed = lex_rx(
        s,
        "fight_request_armed",
        lambda a: (
            rf"\b(?:{a('fight.verbs')}|{a('fight.combat_verbs')}|{a('fight.joint_verbs')}|{a('action_nouns.words')}|"
            rf"{a('grammar.armed_men')})\b"
        ),
    )
    out: list[Edge] = []
    for mt in s.matches(rx, "fight.request"):
        start = s.clause_start(mt.start())
        k = s.clause_subject(mt.start())
        clients = s.object_after(mt.end())
        if k is None or not clients or not armed.search(s.f, start, mt.start()) or s.m[k].kind == "organisation":
            continue  # (monitors or peacekeepers a body deploys at a state's request back no side)
        cue = cue_text(mt.group(1))
        out += pairs(s.coordinated_fwd(k), clients, mt.span(1), cue, "fight", "troops")
    return out


def _fighter(s: Sentence, mt: re.Match) -> list[int]:
    """Who fights: the verb's subject; through a purpose ("dropped neutrality to fight alongside") the clause's
    subject, but not after a verb that takes "to" ("groups that continue to fight alongside it": not found)."""
    found = s.subject_before(mt.start(1))
    backers = [k for k in found if not _backing_agent(s, k)] or _agent_fighting(s, mt.start(1))
    if found and not backers:
        return []  # "fighters armed by Iran fighting alongside": the fighters fight, no actor names them
    share = _SHARE_OF.search(s.f, max(0, mt.start(1) - 40), mt.start(1)) if not backers else None
    if share:  # "militias did much of the fighting alongside": who does the fighting
        return s.subject_before(share.start())
    catenative = lex_rx(s, "fight_catenative", lambda a: rf"\b(?:{a('grammar.verb_particles')})\s+(?:[a-z]+ly\s+)?$")
    if backers or catenative.search(s.f, max(0, mt.start(1) - 30), mt.start(1)):
        return backers
    return doer(s, cue_text(mt.group(1)), mt.span(1), set())[0]


def _word_before_by(s: Sentence, k: int) -> str | None:
    """The word before "by" when mention ``k`` follows "by" (its agent), else None."""
    by = _BY_AGENT.search(s.f, max(0, s.m[k].start - 40), s.m[k].start)
    return None if by is None else by.group(1)


def _backing_agent(s: Sentence, k: int) -> bool:
    """Mention ``k`` is the agent of a backing participle ("fighters armed by Iran fighting alongside"): it backs
    the noun before, which does the fighting."""
    words = s.g.lex.words
    # not a hirer: "mercenaries recruited by the UAE to fight for the RSF" fight for the one who hired them
    backing = set(words.get("cues.participle", ())) - set(words.get("grammar.hired", ()))
    return _word_before_by(s, k) in backing


def _agent_fighting(s: Sentence, pos: int) -> list[int]:
    """The agent after "by" whose participle fights at ``pos`` ("retaken by Hezbollah fighters fighting alongside
    Syrian troops", "the offensive by Hezbollah fighting alongside"); not the agent of a backing participle, whose
    noun fights ("militias backed by Iran fighting alongside": the militias)."""
    k = s.prev_index(pos)
    verb = re.match(r"[a-z]+", s.f[pos : pos + 30])
    if k < 0 or verb is None or not verb.group(0).endswith("ing"):
        return []
    if _word_before_by(s, k) is None or _backing_agent(s, k) or not s.g.subject_gap.match(s.gap(s.m[k].end, pos)):
        return []
    return s.coordinated_back(k)


#: "by" and an article right before an agent, after the word it follows
_BY_AGENT = re.compile(r"\b([a-z-]+)\s+by\s+(?:the\s+)?(?:[a-z-]+'s?\s+)?$")  # "by Iran's Revolutionary Guard"

#: doing a share of the fighting: "did much of the", "have borne the brunt of the", "carried out most of the"
_SHARE_OF = re.compile(
    r"\b(?:did|do|does|done|doing|carried\s+out|carry\s+out|bore|borne|bear|bears)\s+(?:(?:much|most|some|all|part|"
    r"the\s+bulk|the\s+brunt|a\s+(?:large|big|great)\s+(?:part|share))\s+of\s+)?(?:the|their|its)\s+$"
)


def _own_side(s: Sentence) -> list[Edge]:
    """``the army and the Joint Force fighting on its side``: who fights on "its" (their, his) side backs the
    nearest actor named before it other than the fighter."""
    rx = lex_rx(
        s,
        "fight_own_side",
        lambda a: rf"({a('fight.verbs')})\s+(?:(?:[a-z]+ly)\s+)?(?:on|at|by)\s+(?:its|their|his|her)\s+side\b",
    )
    out: list[Edge] = []
    for mt in s.matches(rx, "fight.verbs"):
        backers = doer(s, cue_text(mt.group(1)), mt.span(1), set())[0]
        owner = [j for j in range(len(s.m)) if s.m[j].stand_in and mt.start() < s.m[j].start < mt.end()]
        if owner and backers and s.m[owner[0]].entity not in {s.m[b].entity for b in backers}:
            listed = s.coordinated_back(backers[-1], np=True)  # "with the joint forces and the Islamist brigade"
            out += pairs(listed, owner[:1], mt.span(), cue_text(mt.group(0)), "fight", "troops")
            continue  # "the army, with the joint forces fighting at its side": its is the army (a stand-in)
        if len(backers) > 1:  # "the army and the Joint Force fighting on its side": the last listed fights
            backers, k = backers[-1:], backers[0]
        else:
            k = s.prev_index(s.m[backers[0]].start) if backers else -1
        while k >= 0 and s.m[k].entity in {s.m[b].entity for b in backers}:
            k -= 1
        if k >= 0:
            out += pairs(backers, [k], mt.span(), cue_text(mt.group(0)), "fight", "troops")
    return out


def _joined_in(s: Sentence) -> list[Edge]:
    """``Haftar's forces joined the RSF in an assault``, ``Eritrean troops joined the army in the fighting``: the
    subject of "join" fights for its object when the object is followed by "in" and an action."""
    if not s.g.lex.words.get("fight.join_verbs"):
        return []
    rx = lex_rx(s, "fight_join", lambda a: rf"\b({a('fight.join_verbs')})\s+")
    action = lex_rx(
        s,
        "fight_join_action",
        lambda a: (
            rf"(?:'s?\s+(?:forces|troops|army|fighters|units|soldiers))?"  # "joined Assad's forces in the battle"
            rf"\s+in\s+(?:(?:the|an?|its|their|his|her)\s+)?(?:(?![a-z]+ing\b)[a-z-]+\s+){{0,2}}?"
            rf"(?:{a('action_nouns.words')}|fighting|battling|bombing|attacking|defending|shelling|war|battle|battles)\b"
        ),
    )
    out: list[Edge] = []
    for mt in s.matches(rx, "fight.verbs"):
        clients = s.object_after(mt.end())
        if clients and action.match(s.f, s.m[clients[-1]].end):
            cue = cue_text(mt.group(1) + " ... in")
            out += pairs(s.subject_before(mt.start(1)), clients, mt.span(1), cue, "fight", "troops")
    return out + _owned_action(s)


def _owned_action(s: Sentence) -> list[Edge]:
    """``Hezbollah fighters spearheaded Assad's push on Qusayr``, ``Eritrea joined the army's offensive``: who
    takes part in an actor's offensive fights for that actor."""
    if not s.has_cue("fight.action_verbs"):
        return []
    rx = lex_rx(s, "fight_action", lambda a: rf"\b({a('fight.action_verbs')})\s+(?:(?:the|a|an)\s+)?")
    owned = _action_of(s)
    out: list[Edge] = []
    for mt in s.matches(rx, "fight.action_verbs"):
        k = s.next_index(mt.end())
        owners = s.coordinated_fwd(k) if k < len(s.m) and s.m[k].start == mt.end() else []
        if owners and owned.match(s.f, s.m[owners[-1]].end):
            out += pairs(s.subject_before(mt.start(1)), owners, mt.span(1), cue_text(mt.group(1)), "fight", "troops")
    return out + _action_spearheaded_by(s)


def _action_of(s: Sentence, bare: bool = False) -> re.Pattern:
    """The action noun an owner's name opens: after its "'s" and up to two words ("Assad's push"), or, with
    ``bare``, also right after the name ("a regime offensive")."""
    lead = r"(?:'s?\s+(?:[a-z-]+\s+){0,2}?|\s+)" if bare else r"'s?\s+(?:[a-z-]+\s+){0,2}?"
    return lex_rx(s, f"fight_action_of:{bare}", lambda a: lead + rf"(?:{a('action_nouns.words')})\b")


def _action_spearheaded_by(s: Sentence) -> list[Edge]:
    """``Assad's push on Qusayr, spearheaded by Hezbollah``, ``a regime offensive spearheaded by the Tiger Forces``:
    who spearheads another actor's action fights for that actor (the owner's "'s" or the owner right before the noun;
    "led by" is leadership, as "the HTS-led offensive" is)."""
    if not s.has_cue("fight.action_participles"):
        return []
    owned = _action_of(s, bare=True)
    by = lex_rx_for(
        s,
        "fight_action_by",
        "fight.action_participles",
        lambda a: (
            rf"(?:\s+(?:on|in|at|against|into|toward|towards)\s+[\w'-]+(?:\s+[\w'-]+)?)?\s*,?\s+"
            rf"({a('fight.action_participles')})\s+by\s+(?:the\s+)?"
        ),
    )
    out: list[Edge] = []
    for i in range(len(s.m)):
        act = owned.match(s.f, s.m[i].end)
        mt = by.match(s.f, act.end()) if act else None
        k = s.next_index(mt.end()) if mt else len(s.m)
        if mt and k < len(s.m) and s.m[k].start == mt.end():
            out += pairs(s.coordinated_fwd(k), [i], mt.span(1), cue_text(mt.group(1)), "fight", "troops")
    return out


def _reciprocal(s: Sentence) -> list[Edge]:
    """``Nusra and Ahrar al-Sham, who fought side by side``, ``the two militias fought together``: a fight verb
    and a reciprocal word after it; each listed subject backs each other one."""
    if not s.g.lex.words.get("fight.reciprocal"):
        return []
    rx = lex_rx(
        s,
        "fight_reciprocal",
        lambda a: (
            rf"({a('fight.reciprocal_verbs')})\s+(?:(?:{a('grammar.adverbs')}|[a-z]+ly)\s+)?({a('fight.reciprocal')})\b"
            rf"(?!\s+(?:with|alongside)\b)"
        ),
    )
    out: list[Edge] = []
    for mt in s.matches(rx, "fight.verbs"):
        subjects = s.subject_before(mt.start(1))
        if len({s.m[i].entity for i in subjects}) >= 2:
            span = (mt.start(1), mt.end(2))
            out += pairs(subjects, subjects, span, cue_text(mt.group(0)), "fight", "troops", {"symmetric"})
    return out
