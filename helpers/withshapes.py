"""Support named with a preposition: ``Syrian troops, with Russian air cover, retook Palmyra``, ``thanks to
Iran's backing``, ``with the support of Turkey``, ``under Turkish protection``, ``With Turkish drones, the army retook
Khartoum`` (the clause's subject is the client). :func:`helpers.shapes.all_edges` composes :func:`with_support` with
the other statement shapes.
"""

from __future__ import annotations

import re

from .clauses import Sentence
from .edges import Edge, agent_by, cue_text, lex_rx, lex_rx_for, modified_type, pairs

__all__ = ["with_support"]

#: how far after its owner a support noun or a weapon can start
_OWNER_REACH = 80


def _names_next(s: Sentence, pos: int, lead: str) -> bool:
    r"""Whether ``lead`` (a pattern such as ``\s+to\s+``) and then an actor's name follow ``pos``."""
    mt = re.compile(rf"{lead}(?:the\s+)?").match(s.f, pos)
    k = s.next_index(pos)
    return bool(mt) and k < len(s.m) and s.m[k].start == mt.end()


def _name_between(s: Sentence, i: int, end: int) -> bool:
    """True when a name not joined to mention ``i`` by "and"/"or" starts between it and ``end``."""
    return any(
        s.m[i].end <= m.start < end and not re.search(r"\b(?:and|or)\s+$", s.f[s.m[i].end : m.start])
        for m in s.m[i + 1 :]
    )


#: a target or a place before the nearest actor: "the advances against Daesh ... through coalition air strikes"
_TARGET_BEFORE = re.compile(r"\b(?:against|at|in|into|on|over|near|toward|towards)\s+(?:the\s+)?$")


def _with_client(s: Sentence, p: re.Match, n: re.Match, backers: list[int]) -> tuple[int | None, set[str]]:
    """The client of a support the prepositional phrase ``p`` ... ``n`` qualifies: the clause subject; the subject
    right after an opening phrase; else the nearest actor before in the same clause."""
    start = p.start()
    client = s.clause_subject(start, exclude=frozenset(backers))
    flags = {"clause_subject"}
    if client is None:  # "With Russian help, Assad regained ...": the subject right after the opening phrase
        client = _after_opening(s, start, n.end(), backers)
    if client is None:  # "..., a militia network built with Iranian training": the nearest actor before
        k = s.prev_index(start)
        near = k >= 0 and k not in backers and len(s.f[s.m[k].end : start].split()) <= 15
        near = near and s.m[k].start >= s.clause_start(start)  # "the army says the drones were launched with"
        if near and not _TARGET_BEFORE.search(s.f, max(0, s.m[k].start - 12), s.m[k].start):
            client, flags = k, {"clause_subject", "far"}
    return client, flags


def _after_opening(s: Sentence, start: int, end: int, backers: list[int]) -> int | None:
    """The subject right after a phrase ``start``-``end`` that opens the sentence and ends with a comma ("With the
    help of Hezbollah, government troops retook the town": government troops); None elsewhere."""
    if s.f[:start].strip(" \"'"):
        return None
    k = s.next_index(end)
    lead = k < len(s.m) and re.fullmatch(r"[^,;:]{0,40}?,\s*(?:the\s+)?", s.f[end : s.m[k].start])
    return k if lead and k not in backers else None


def _main_subject(s: Sentence, pos: int, backers: list[int]) -> int | None:
    """``The SDF took Raqqa after a battle fought with the support of X``: a phrase at ``pos`` in a subordinate
    phrase naming no actor before it qualifies the main clause, whose first actor is the client (None when none)."""
    if s.next_index(s.clause_start(pos, sub=True)) != s.next_index(pos):
        return None
    k = s.next_index(s.clause_start(pos))
    if k >= s.next_index(pos) or s.preceded_by_preposition(k):
        return None
    head = s.head_of(k)  # "The US-backed SDF took Raqqa": the SDF
    return head if head is not None and head not in backers and s.m[head].end <= pos else None


def _with_edges(s: Sentence, preps: tuple[re.Pattern, re.Pattern | None], nouns: re.Pattern, key: str) -> list[Edge]:
    """Edges of ``<prep> <actor> <noun>`` where ``preps`` reads the preposition (and the words before it that
    block it, if any) and ``nouns`` the noun (of the lexicon list ``key``)."""
    out: list[Edge] = []
    for i, mi in enumerate(s.m):
        if not s.cue_within(mi.end, _OWNER_REACH, key):
            continue
        p = preps[0].search(s.f, max(0, mi.start - 30), mi.start)
        if p and preps[1] is not None and preps[1].search(s.f, max(0, p.start() - 24), p.start()):
            continue  # "clashed with Syrian tanks": a relation, not the means
        n = nouns.match(s.f, mi.end)
        if not p or not n or s.head_of(i) != i or _names_next(s, n.end(), r"\s+to\s+") or s.after_thing(p.start()):
            continue  # "with Iranian support to Hezbollah": the noun's own client, read by the noun shape
        if _name_between(s, i, n.start(1)):
            continue  # "relations with Syria Iraq air strikes": the noun is another name's, in run-on text
        kinetic = re.search(r"strike|raid|bomb|fire|shell", n.group(1))  # "despite Russian air support" still backs
        if kinetic and (
            re.match(r"\b(?:despite|amid)\b", p.group(0))
            or re.search(
                r"\b(?:suffering|life|living|dying|death|deaths|civilians|people|residents)\s+$", s.f[: p.start()]
            )
        ):
            continue  # "Isis advances despite US air strikes", "suffering under Russian airstrikes": strikes against
        cause = re.search(r"\b(?:because|due|owing)\b", p.group(0))  # "retreated due to Russian air power"
        if (kinetic or cause) and _lost_before(s, p.start()):
            continue  # "his forces had been driven back from the area under Egyptian air strikes": strikes on them
        backers = s.coordinated_fwd(i)
        client, flags = _with_client(s, p, n, backers)
        if client is not None:
            form = cue_text(n.group(1))
            kind = s.g.lex.type_of(form, "noun") if key == "support_nouns.words" else s.g.lex.type_of(form, "material")
            out += pairs(backers, [client], n.span(1), form, "with", modified_type(s, n.start(1), kind), flags)
    return out


def _lost_before(s: Sentence, pos: int) -> bool:
    """A loss (``with_support.losses``) in the clause before a with-phrase at ``pos``, within a few words."""
    rx = lex_rx_for(
        s, "with_losses", "with_support.losses", lambda a: rf"\b(?:{a('with_support.losses')})\b[^,;:]{{0,40}}$"
    )
    return rx.search(s.f, max(0, pos - 80), pos) is not None


#: words that open a clause: never a modifier between a state and its weapons ("with China's Xi as missiles head")
_CLAUSE_WORDS = "|as|while|when|after|before|because|that|which|who|if"


def _with_nouns(s: Sentence, key: str) -> re.Pattern:
    """The words after an actor that make it the owner of a support noun or, for ``materials.weapons``, of weapons
    (one modifier between at most, no clause word, not in an absolute phrase)."""
    weapons = key == "materials.weapons"
    return lex_rx(
        s,
        f"with_nouns:{key}",
        lambda a: (
            rf"(?:'s?)?(?:\s+(?:and|or)\s+(?![a-z]+(?:s|ed)\b)[a-z-]+)?"  # "with Russian and Iranian support"
            rf"\s+(?:(?!(?:{a('grammar.prepositions')}|and|or{_CLAUSE_WORDS if weapons else ''})\b)[a-z-]+\s+)"
            rf"{{0,{1 if weapons else 2}}}?({a(key)})\b"
            rf"(?!\s+(?:for|of)\b|\s+to\s+(?:the|a|an|{a('grammar.possessives')})\b)"
            # "with Qatari cargo planes reportedly landing": an absolute phrase, not the means
            + (r"(?!\s+(?:[a-z]+ly\s+)?[a-z]+ing\b)" if weapons else "")
        ),
    )


def _with_weapons(s: Sentence) -> list[Edge]:
    """``With Turkish drones, the army retook Khartoum``, ``fighters armed with Iranian missiles``: a state's
    weapons after the fewer ``material_preps`` (not after a relation: "clashed with Syrian tanks")."""
    preps = lex_rx_for(
        s,
        "with_material_preps",
        "with_support.material_preps",
        lambda a: rf"\b(?:{a('with_support.material_preps')})\s+(?:the\s+)?$",
    )
    blocker = lex_rx_for(
        s, "with_not_after", "with_support.not_after", lambda a: rf"\b(?:{a('with_support.not_after')})\s+$"
    )
    return _with_edges(s, (preps, blocker), _with_nouns(s, "materials.weapons"), "materials.weapons")


def with_support(s: Sentence) -> list[Edge]:
    """``Syrian troops, with Russian air cover, retook Palmyra``, ``thanks to Iran's backing``, ``with the
    support of Turkey``, ``under Turkish protection``, ``With Turkish drones, the army retook Khartoum`` (a
    state's material after fewer prepositions): the subject of the clause is the client."""
    preps = lex_rx(s, "with_preps", lambda a: rf"\b(?:{a('with_support.preps')})\s+(?:(?:the|a|an)\s+)?$")
    out = _with_edges(s, (preps, None), _with_nouns(s, "support_nouns.words"), "support_nouns.words")
    out += _with_weapons(s) if s.has_cue("materials.weapons") else []
    out += _had_from(s)
    of_form = lex_rx(
        s,
        "with_of",
        lambda a: (
            rf"\b(?:{a('with_support.preps')})\s+(?:the\s+)?(?:(?!(?:{a('grammar.possessives')})\b)[a-z-]+\s+){{0,2}}?"
            rf"({a('support_nouns.words')})(?:\s+and\s+(?:[a-z-]+\s+)?[a-z]+)?\s+(?:of|from)\s+(?:the\s+)?"
            # "with the help of air strikes by the US-led coalition": the strikes' agent gives the help
            rf"(?:(?:[a-z-]+\s+){{0,2}}?(?:{a('fight.joint_nouns')})\s+{agent_by(a)})?"
        ),
    )
    for mt in of_form.finditer(s.f):
        if s.after_thing(mt.start()):
            continue  # "a truce between Israel and Syria with the backing of Turkey": the truce is backed
        backers = s.object_after(mt.end())
        if not backers:
            continue  # no giver named: the client is not looked for
        client = _given_to(s, mt.start())
        client = s.clause_subject(mt.start(), exclude=frozenset(backers)) if client is None else client
        client = _speakers_own(s, mt.start()) if client is None else client
        client = _main_subject(s, mt.start(), backers) if client is None else client
        if client is None:  # "With the help of Hezbollah, government troops retook the town"
            client = _after_opening(s, mt.start(), s.m[max(backers)].end, backers)
        if client is not None:
            out += pairs(
                backers,
                [client],
                mt.span(1),
                cue_text(mt.group(1)),
                "with",
                modified_type(s, mt.start(1), s.g.lex.type_of(mt.group(1), "noun")),
                {"clause_subject"},
            )
    return out


def _speakers_own(s: Sentence, pos: int) -> int | None:
    """``The SDF said its campaign would continue with the support of``: the speaker owns what the reported clause
    opens with (its/their), so it is the client of a with-phrase in that clause."""
    rx = lex_rx(s, "speakers_own", lambda a: rf"\b(?:{a('attribution.speech')})\s+(?:that\s+)?(?:its|their)\s+[^,;:]*$")
    said = rx.search(s.f, max(0, pos - 120), pos)
    k = s.prev_index(said.start()) if said else -1
    return k if k >= 0 and s.m[k].end <= said.start() and not s.f[s.m[k].end : said.start()].strip() else None


def _given_to(s: Sentence, pos: int) -> int | None:
    """The receiver of a transfer named right before ``pos`` ("flying missiles to the RSF with the help of Haftar's
    forces": the help goes to the RSF, not to the flights' sender)."""
    k = s.prev_index(pos)
    if k < 0 or s.f[s.m[k].end : pos].strip() or not re.search(r"\bto\s+(?:the\s+)?$", s.f[: s.m[k].start]):
        return None
    given = lex_rx(s, "given_to_before", lambda a: rf"\b(?:{a('transfers.verbs')})\b[^,;:]*$")
    return k if given.search(s.f, max(0, s.m[k].start - 80), s.m[k].start) else None


def _had_from(s: Sentence) -> list[Edge]:
    """``FSA factions also had air cover from the US-led coalition``: a support noun the subject has, from a giver
    (the subject is the client, as after "with")."""
    rx = lex_rx(
        s,
        "had_support_from",
        lambda a: (
            rf"\b(?:has|have|had|having)\s+(?:(?:also|long|since|already|often)\s+)?(?:[a-z-]+\s+)??"
            rf"({a('support_nouns.words')})\s+from\s+(?:the\s+)?"
        ),
    )
    out: list[Edge] = []
    for mt in rx.finditer(s.f) if s.has_cue("support_nouns.words") else ():
        backers = s.object_after(mt.end())
        if not backers:
            continue  # no giver named: the subject is not looked for
        clients = s.subject_before(mt.start())
        kind = modified_type(s, mt.start(1), s.g.lex.type_of(cue_text(mt.group(1)), "noun"))
        out += pairs(backers, clients, mt.span(1), cue_text(mt.group(1)), "with", kind, {"clause_subject"})
    return out
