"""The passive shape of a backing statement: ``forces backed by Russia``, ``armed with drones by Iran``, and a
passive whose giver runs a programme (``rebels trained under a US programme``).

Who the passive backs when no name stands right before it is :mod:`helpers.passiveclients`; the compounds of the
sentence (``helped by Russia and Iranian-backed militias``: the militias' backer stands for them) come from
:func:`helpers.shapes.compound`, which :func:`helpers.shapes.all_edges` runs first.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .clauses import Sentence
from .edges import Edge, first_side, lex_rx, pairs
from .passiveclients import (
    chained_participle,
    fronted_client,
    led_and_backed,
    of_delegates,
    second_agents,
    subject_client,
)

__all__ = ["passive", "programme_agent"]


def _passive_title(s: Sentence, pos: int) -> re.Match | None:
    """``backed by their ally Russia``, ``backed by key ally Iran``, ``backed by Syrian and Russian jets``
    (a demonym the sentence does not tag, the client's own, before the backer's)."""
    title = lex_rx(
        s,
        "passive_title",
        lambda a: rf"(?:[a-z-]+\s+){{0,2}}?(?:{a('grammar.title_nouns')})\s+(?:(?:the|{a('grammar.possessives')})\s+)?",
    )
    mt = title.match(s.f, pos)
    if mt:
        return mt
    mt = re.compile(r"[a-z]+\s+(?:and|or)\s+").match(s.f, pos)
    return mt if mt and s.text[pos : pos + 1].isupper() else None


#: "backed by regime and Russian air strikes", "helped by tanks and Hezbollah fighters": an unnamed first conjunct
_UNNAMED_FIRST = re.compile(r"\s*(?:(?:the|an?)\s+)?(?:[a-z-]+\s+){0,2}?[a-z-]+,?\s+and\s+(?:the\s+)?")


def _passive_backers(s: Sentence, pos: int, compounds: list[Edge]) -> list[int]:
    j = s.next_index(pos)
    if j < len(s.m) and s.m[j].start - pos > 1:
        # "backed by fierce air strikes from Russia", "backed by air strikes launched by the coalition"
        by_means = lex_rx(
            s,
            "passive_means",
            lambda a: (
                rf"(?:[a-z-]+\s+){{0,2}}?(?:{a('support_nouns.words')}|"
                rf"{a('materials.words')})\s+(?:from|of|(?:launched|carried\s+out|"
                rf"conducted|flown|provided|supplied|sent)\s+by)\s+"
                rf"(?:(?:the|an?|{a('grammar.possessives')})\s+)?"
            ),
        )
        # "backed by hundreds of Hezbollah fighters", "helped by some 2,000 Iraqi militiamen": a quantity
        det = lex_rx(s, "passive_det", lambda a: rf"\s*(?:(?:{a('grammar.determiners')}|\d[\d,.]*)\s+)+")
        # "backed by Islamist brigades such as al-Baraa bin Malik": the named examples back
        such = lex_rx(
            s,
            "passive_such",
            lambda a: (
                rf"\s*(?:[a-z-]+\s+){{0,3}}?(?:{a('people_nouns.words')}|{a('grammar.stand_in_plurals')})\s*,?\s+"
                rf"(?:such\s+as|including|like)\s+(?:the\s+)?"
            ),
        )
        tries = (by_means.match(s.f, pos), _passive_title(s, pos), det.match(s.f, pos), _OWNER_NAME.match(s.text, pos))
        tries += (such.match(s.f, pos), _UNNAMED_FIRST.match(s.f, pos))
        mt = next((t for t in tries if t and t.end() == s.m[j].start), None) or next((t for t in tries[:5] if t), None)
        if mt is None and s.m[j].via == "demonym":  # "backed by relentless Russian air power": an adjective first
            mt = re.compile(r"\s*(?:(?:the|an?)\s+)?(?:[a-z]+\s+){1,2}").fullmatch(s.f, pos, s.m[j].start)
        al = mt is not None and s.f[mt.end() : s.m[j].start] == "al-"  # "such as al-Baraa": the article outside
        if not mt or (s.m[j].start != mt.end() and not al):
            return []
    if j >= len(s.m):
        return []
    if re.match(r"\s*-\s*[a-z]+", s.f[s.m[j].end : s.m[j].end + 30]):
        # "backed by Iranian-backed militias": the militias back, when they are named
        inner = next((e.c for e in compounds if e.b == j), None)
        if inner is None and re.match(r"\s*-\s*led\s", s.f[s.m[j].end : s.m[j].end + 8]) and j + 1 < len(s.m):
            inner = j + 1 if len(s.gap(s.m[j].end, s.m[j + 1].start).split()) <= 2 else None  # "the US-led coalition"
        return s.coordinated_fwd(inner) if inner is not None else []
    head = s.head_of(j)
    if head is None:
        return []
    # "helped by Russia and Iranian-backed militias": a listed compound's backer stands for what it backs
    inner = {e.b: e.c for e in compounds}
    listed = s.coordinated_fwd(head, np=True)
    # "The army, backed by Egypt, and the RSF, backed by the UAE, ...": an item with a participle phrase of its own
    # opens the next subject; it and the items after it are no agents
    own = lex_rx(s, "passive_own_apposition", lambda a: rf"\s*,\s*(?:[a-z]+ly\s+)?(?:{a('cues.participle')})\b")
    cut = next((n for n, k in enumerate(listed) if n > 0 and own.match(s.f, s.m[k].end)), len(listed))
    out = [inner.get(k, k) for k in listed[:cut]]
    return list(dict.fromkeys(out))


def _materials(a: Callable[[str], str]) -> str:
    """A list of materials, each after at most three modifiers: "drones", "Chinese-made drones, guns and fuel"."""
    one = rf"(?:[\w-]+\s+){{0,3}}?(?:{a('materials.words')})\b"
    return rf"{one}(?:\s*,\s*(?:and\s+)?{one}|\s+and\s+{one})*"


def passive(s: Sentence, compounds: list[Edge]) -> list[Edge]:
    """``forces backed by Russia``, ``Assad, backed by Russia and Iran`` (two edges), ``the SDF, which has
    long been supported by Washington``, ``the army's offensive, backed by Russian jets``, ``The SDF,
    a Kurdish-led alliance, is backed by the US`` (the clause subject), ``armed and advised by Russia``, and
    chains (``armed by Washington, paid by Riyadh``: one client)."""
    rx = lex_rx(
        s,
        "passive",
        lambda a: (
            rf"({a('cues.participle')})(?:\s*,\s*(?:and\s+)?(?:[a-z]{{3,}}ed|sent|{a('cues.participle')})"
            rf"|\s+and\s+(?:[a-z]{{3,}}ed|sent|given|{a('cues.participle')})"
            # "armed, paid and given air cover by Washington": what the last participle gives, then its agent
            rf"(?:\s+(?:{a('support_nouns.words')}|{a('materials.words')}))?(?=\s+(?:to\s+[a-z-]+\s+)?by\b))*"
            rf"\s+(?:(?:{a('grammar.adverbs')}|[a-z]+ly|"
            rf"in\s+part|at\s+times|(?:for|over)\s+(?:months|years|weeks|decades|a\s+decade)|"
            rf"(?:in|at|inside|to)\s+(?:the\s+)?[a-z-]+(?:\s+(?:province|camps?|bases?))?|"  # "trained in Jordan by"
            # "trained at camps hosted by Eritrea": the host of the camps trains
            rf"(?:in|at)\s+(?:the\s+)?(?:[a-z-]+\s+)?(?:camps?|bases?|facilities|centres?|centers?)\s+"
            rf"(?:hosted|run|operated|managed|set\s+up|provided)|"
            rf"on\s+the\s+ground|from\s+the\s+air|"  # "supported on the ground by"
            # "armed with drones by", "supplied with Chinese-made drones, guns and fuel by": what was given
            rf"with\s+{_materials(a)}|"
            # "propped up militarily, financially and diplomatically by"
            rf"and\s+(?:{a('cues.participle')}))(?:\s*,\s*|\s+and\s+|\s+))*by\s+"
            rf"(?:(?:the|{a('grammar.possessives')})\s+)?"
        ),
    )
    out: list[Edge] = []
    chain: dict[int, int] = {}
    for mt in s.matches(rx, "cues.participle"):
        if s.f[max(0, mt.start() - 1) : mt.start()] == "-" or s.after_thing(mt.start()):
            continue  # "Russian-backed"; "a truce between Israel and Syria, backed by Turkey": the truce is backed
        backers = second_agents(s, _passive_backers(s, mt.end(), compounds))
        if not backers:
            continue
        prev = s.prev_index(mt.start())
        if prev in chain and _CHAIN_GAP.fullmatch(s.gap(s.m[prev].end, mt.start())):
            # "armed by Washington, paid by Riyadh or funded by Qatar", "joined by Hezbollah fighters and guided by"
            client, far = chain[prev], False
        else:
            client, far = s.passive_client(mt.start(), exclude=frozenset(backers))
        chained = chained_participle(s, s.prev_index(mt.start()) if client is None else client, mt.start())
        if chained is not None:
            client, far = chained, False
        if client is None:
            client, far = led_and_backed(s, mt.start()), False
        if client is None:
            client, backers = fronted_client(s, mt.start(), backers)
        if client is None:
            client, far = subject_client(s, mt.start(), backers), True
        if client is None or client in backers or of_delegates(s, client):
            continue
        backers = first_side(s, client, backers, _sides_rx(s))  # "between SNA factions backed by Turkey and the SDF"
        for b in backers:
            chain[b] = client
        form = mt.group(1)
        listed = not far and _PLURAL_LINK.match(s.gap(s.m[client].end, mt.start()))
        out += pairs(
            backers,
            sorted(set(s.coordinated_back(client, np=True)) - set(backers)) if listed else [client],
            (mt.start(1), mt.end(1)),
            form,
            "passive",
            s.g.lex.type_of(form, "participle"),
            {"clause_subject"} if far else None,
        )
    return out


#: between one passive's agent and the next passive of a chain: the agent's head noun ("fighters and guided by"),
#: never a second noun joined by "and" ("Russian bombing and militias paid by": the militias are paid)
_CHAIN_GAP = re.compile(r"(?:'s?)?(?:\s+(?!and\b|or\b)[a-z-]+){0,2}\s*,?\s*(?:and|or)?\s*")


def _sides_rx(s: Sentence) -> re.Pattern:
    """A sides word ("between") and at most three words before a client at the end of the text."""
    return lex_rx(s, "sides", lambda a: rf"\b(?:{a('grammar.sides')})\s+(?:(?!and\s)\S+\s+){{0,3}}$")


#: a plural copula (or "both") between a list and its passive: "Hamas and Hezbollah are both backed by Iran"
_PLURAL_LINK = re.compile(
    r"^(?:'s?\s+[a-z-]+)?\s*,?\s*(?:(?:both|all)\s+)?(?:(?:are|were|have\s+been|had\s+been|remain)\s+)"
    r"(?:(?:both|all|also|long|[a-z]+ly)\s+)*$|^\s*,\s*(?:both|all)\s+$"
)


def programme_agent(s: Sentence) -> list[Edge]:
    """``rebels trained under a US programme``, ``a faction supplied with TOW missiles under a CIA-run program``: a
    passive with no ``by``, whose giver runs the programme named after it."""
    if not s.has_cue("grammar.programme_nouns"):
        return []
    rx = lex_rx(
        s,
        "programme_agent",
        lambda a: (
            rf"\b({a('cues.participle')})\b(?:\s+[\w-]+){{0,6}}?\s+(?:under|through|via|as\s+part\s+of|in)\s+"
            rf"(?:an?|the)\s+(?:(?:covert|secret|clandestine|military|multi-million|[\w$-]+-dollar)\s+)?$"
        ),
    )
    programme = lex_rx(
        s,
        "programme_runner",
        lambda a: (
            rf"(?:-(?:run|led|funded|backed|sponsored)|'s)?\s+(?:[a-z-]+\s+)?(?:{a('grammar.programme_nouns')})\b"
        ),
    )
    out: list[Edge] = []
    for k, mk in enumerate(s.m):
        mt = rx.search(s.f, max(0, mk.start - 90), mk.start)
        tail = programme.match(s.f, mk.end)
        if mt is None or tail is None:
            continue
        client, far = s.passive_client(mt.start(1), exclude=frozenset([k]))
        if client is not None and client != k:
            form = mt.group(1)
            type_ = s.g.lex.type_of(form, "participle")
            out += pairs([k], [client], mt.span(1), form, "passive", type_, {"clause_subject"} if far else None)
    return out


#: a person's name owning the group after it: "joined by Abu Aqla Kaikal's Sudan Shield Forces"
_OWNER_NAME = re.compile(r"\s*(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*['\u2019]s\s+")
