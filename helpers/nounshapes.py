"""Backing-statement shapes built around a noun or a clause of their own, over one sentence: :func:`noun`
(``Moscow's backing of Damascus``) and :func:`thanks` (support named with a preposition: :mod:`helpers.withshapes`;
receiving: :mod:`helpers.receiveshapes`; role nouns: :mod:`helpers.roleshapes`; fighting for or beside an actor:
:mod:`helpers.fightshapes`). The verbal
shapes and :func:`~helpers.shapes.all_edges` are in :mod:`helpers.shapes`; :class:`~helpers.edges.Edge` and the
shared tools in :mod:`helpers.edges`.
"""

from __future__ import annotations

import re

from .clauses import Sentence
from .doers import doer
from .edges import OWED_PART, Edge, bare_aid, country_only, cue_text, lex_rx, lex_rx_for, modified_type, pairs

#: how far after its owner a support noun can start in :func:`noun` (two free words, "'s" or "over its X")
_OWNER_REACH = 80


#: the support judged decisive before its client: "Tehran's support has been crucial for Damascus"
_CRUCIAL = (
    r"(?:(?:has|have|had|is|are|was|were)\s+(?:been\s+)?(?:[a-z]+ly\s+)?"
    r"(?:crucial|vital|key|decisive|essential|critical|instrumental|indispensable|pivotal)\s+)?"
)


#: the rest of a list of materials after its first ("deliveries of arms, ammunition and fuel to")
_LIST_TAIL = r"(?:(?:,\s*|,?\s+and\s+)[\w-]+(?:\s+[\w-]+)?){0,4}?"


def _noun_pattern(a) -> str:
    nouns = "|".join([a("support_nouns.words"), a("transfers.nouns")])
    tail = (
        rf"({nouns})(?:\s+of\s+(?:[\w-]+\s+){{0,3}}?(?:{a('materials.words')}){_LIST_TAIL})?\s+{_CRUCIAL}"
        rf"(?:for|to|of|towards?|behind|in favour of)\s+(?:(?:the|{a('grammar.possessives')})\s+)?"
    )
    # "Moscow's continued backing of", or a modifier without "'s": "Russian military support for" (no verbs)
    free = rf"(?!(?:{a('grammar.prepositions')}|{a('grammar.conjunctions')})\b)[a-z-]+"
    plain = (
        rf"(?!(?:{a('grammar.prepositions')}|{a('grammar.conjunctions')}|{a('grammar.auxiliaries')}|"
        rf"{a('attribution.speech')}|{a('cues.verb')}|{a('grammar.control_verbs')}|{a('light_verbs.receive')}|"
        rf"{a('light_verbs.give')}|{a('light_verbs.buy')}|{a('transfers.verbs')}|{a('grammar.attack_verbs')}|"
        rf"{a('grammar.blockers')})\b)(?![a-z]+ed\b)"  # "Russian jets struck supply lines of": attacked, not given
        rf"(?![a-z]+s\b)[a-z-]+"  # no verb ("British fighter urges support"), no plural ("Ukraine tensions threaten")
    )
    # "Russian arms sales to": a material word before the noun, though "arms" is also a verb
    plain = rf"(?:{a('materials.words')}|{plain})"
    # "warns US over support for Saudi Arabia": the support the actor is taken to task over is its own
    over = r"\s+over\s+(?:its\s+|their\s+)?(?:[a-z-]+\s+)?"
    # "Iran says its support for Assad will continue": the speaker's own support (not "says support for": another's)
    says = rf"\s+(?:{a('attribution.speech')})\s+(?:that\s+)?(?:its|their)\s+(?:{free}\s+){{0,2}}?"
    return rf"(?:'s?\s+(?:{free}\s+){{0,2}}?|\s+(?:{plain}\s+){{0,2}}?|{over}|{says}){tail}"


def noun(s: Sentence) -> list[Edge]:
    """``Moscow's backing of Damascus``, ``Russian military support for Assad``, ``Iran's deliveries of
    missiles to Hezbollah``, ``support for the rebels from Qatar``, ``Russia voiced its support for Assad``,
    ``strikes in support of Assad`` (the clause subject backs)."""
    out: list[Edge] = []
    owner = lex_rx(s, "noun_owner", _noun_pattern)
    for i, mi in enumerate(s.m):
        if not s.cue_within(mi.end, _OWNER_REACH, "support_nouns.words", "transfers.nouns"):
            continue  # the noun this shape needs cannot start that far from the owner
        mt = owner.match(s.f, mi.end)
        if not mt or s.head_of(i) != i or s.g.humanitarian.search(s.f, mi.end, mt.start(1)):
            continue
        clients = s.object_after(mt.end())
        out += pairs(
            s.coordinated_back(i),
            clients,
            mt.span(1),
            cue_text(mt.group(1)),
            "noun",
            modified_type(s, mt.start(1), s.g.lex.type_of(mt.group(1), "noun")),
        )
    out += _light_verb_nouns(s) + _from_to_nouns(s) + _in_support_of(s) + _whose(s) + _subject_owned(s)
    out += _payroll(s)
    return out


#: an ownerless support noun after "over": "Jordan faces criticism over assistance to rebels" (the subject's)
_TAKEN_OVER = re.compile(r"\bover\s+(?:[a-z-]+\s+)?$")

#: a support noun among the means after "with": "battling Daesh with air strikes and backing for the SDF"
_WITH_MEANS = re.compile(r"\bwith\s+(?:[a-z-]+\s+){1,3}?and\s+(?:[a-z-]+\s+)?$")


def _not_given(s: Sentence, cue: tuple[int, int], own: re.Match | None, blocked: re.Pattern) -> bool:
    """Aid to people ("food aid to Syrians"), a flow the subject acts against with no owner named ("struck
    Syria to prevent the transfer of weapons to Hezbollah"), or what the owner owes ("owe much of their firepower
    to the Emiratis": the receive shape reads it): the clause subject gives nothing."""
    cs, ce = cue
    return bool(
        s.g.humanitarian.search(s.f, max(0, cs - 30), ce)
        or (not own and blocked.search(s.f, max(0, cs - 40), cs))
        or (own and _owed(s).search(s.f, max(0, own.start() - 40), own.start()))
    )


def _owed(s: Sentence) -> re.Pattern:
    """An owing verb (and a part) before a possessive: "owe much of their" (what follows is owed to its giver)."""
    return lex_rx_for(
        s,
        "owed_before",
        "light_verbs.owe",
        lambda a: rf"\b(?:{a('light_verbs.owe')})\s+{OWED_PART}$",
    )


def _subject_owned(s: Sentence) -> list[Edge]:
    """``Russia, with its military support for Assad, ...`` and ``Moscow signed contracts for supplies of air
    defence systems to Damascus``: a support or transfer noun with no named owner; the clause subject backs."""
    after = lex_rx(
        s,
        "owned_after",
        lambda a: (
            rf"(?:\s+of\s+(?:[\w$.-]+\s+){{0,4}}?({a('materials.words')}){_LIST_TAIL}"
            rf"(?:\s+[\w-]+){{0,2}}?)?\s+(?:for|to|of|towards|behind)\s+"
            rf"(?:(?:the|{a('grammar.possessives')})\s+)?"
        ),
    )
    poss = lex_rx(s, "owned_poss", lambda a: rf"\b(?:{a('grammar.possessives')})\s+(?:[a-z-]+\s+){{0,2}}?$")
    blocked = lex_rx(
        s,
        "owned_blocked",
        lambda a: rf"\b(?:{a('grammar.blockers')})\s+(?:(?:the|a|an|any|all)\s+)?(?:[a-z-]+\s+){{0,2}}?$",
    )
    out: list[Edge] = []
    for cs, ce, keys in s.cues or []:
        transfer_noun = "transfers.nouns" in keys
        if not (transfer_noun or "support_nouns.words" in keys):
            continue
        own = poss.search(s.f, max(0, cs - 30), cs) or (
            _WITH_MEANS.search(s.f, max(0, cs - 40), cs) and re.match(r"\s+(?:for|to)\b", s.f[ce:])
        )  # "with air strikes and backing for the SDF" (not "with the support of": the backer follows)
        mt = after.match(s.f, ce)
        material = transfer_noun and (mt and mt.group(1) or s.g.material_before.search(s.f, max(0, cs - 30), cs))
        taken_over = not own and _TAKEN_OVER.search(s.f, max(0, cs - 24), cs)
        if not mt or not (own or material or taken_over) or _not_given(s, (cs, ce), own, blocked):
            continue
        if not own and re.search(r"\b[a-z]+'s?\s+(?:[a-z-]+\s+)?$", s.f[max(0, cs - 30) : cs]):
            continue  # "the west's supply of weapons to Ukraine": an owner that is no actor
        over = re.search(r"\bover\s+$", s.f[max(0, own.start() - 6) : own.start()]) if own else None
        k = s.prev_index(cs)
        if over and k >= 0 and re.fullmatch(r"\s*", s.f[s.m[k].end : own.start() - len(over.group(0))]):
            continue  # "cut ties with the UAE over its support for": the actor taken to task owns it (noun shape)
        prev = s.prev_index(cs)
        if prev >= 0 and not own:
            named = lex_rx(s, "noun_owner", _noun_pattern).match(s.f, s.m[prev].end)
            if named and named.start(1) == cs:
                continue  # a named owner ("Iran's supplies of arms to"): the possessive shape reads it
        clients = s.object_after(mt.end())
        accused = [k for k in range(len(s.m)) if s.m[k].end <= cs and s.g.accused_of.search(s.f, 0, s.m[k].start)]
        origin = any(s.m[k].via == "demonym" and cs <= s.m[k].start < mt.end() for k in range(len(s.m)))
        if clients and origin and not accused:
            continue  # "condemned the flow of Emirati weapons to the RSF": the material's own origin gives
        backer = s.clause_subject(cs, exclude=frozenset(clients)) if clients else None
        if taken_over and not material and (backer is None or s.prev_index(cs) != backer):
            continue  # "Jordan under fire over aid to rebels": only a lone subject is the one taken to task
        if clients and accused and accused[-1] not in clients:
            backer = accused[-1]  # "accused Ankara of hiding its arms flow to HTS", "accused Chad of easing the flow"
        if backer is not None:
            named = mt.group(1) or (material.group(1) if isinstance(material, re.Match) else None)
            type_ = (
                s.g.lex.types["material"].get(cue_text(named), "unspecified")
                if named
                else modified_type(s, cs, s.g.lex.type_of(s.f[cs:ce], "noun"))
            )
            out += pairs(
                s.coordinated_back(backer, np=True),
                clients,
                (cs, ce),
                cue_text(s.f[cs:ce]),
                "noun",
                type_,
                {"clause_subject"},
            )
    return out


#: a sum before what it buys: "froze $700 million in aid to", "pledged 3 billion dollars of support for"
_SUM_IN = (
    r"(?:about\s+|some\s+|nearly\s+|over\s+|more\s+than\s+)?[$£€]?\d[\d.,]*\s*(?:million|billion|bn|mn|m)?\s+"
    r"(?:(?:dollars|euros|pounds)\s+)?(?:in|of|worth\s+of)\s+"
)


def _light_verb_nouns(s: Sentence) -> list[Edge]:
    rx = lex_rx(
        s,
        "light",
        lambda a: (
            rf"(?:{a('light_verbs.give')}|{a('transfers.verbs')})\s+(?:(?:the|a|an|"
            rf"{a('grammar.possessives')})\s+)?(?:{_SUM_IN})?(?:[\w$£€.,-]+\s+){{0,2}}?({a('support_nouns.words')})"
            rf"\s+(?:for|to|of|behind)\s+(?:(?:the|{a('grammar.possessives')})\s+)?"
        ),
    )
    out: list[Edge] = []
    for mt in s.matches(rx, "light_verbs.give", "transfers.verbs"):
        if s.g.humanitarian.search(mt.group(0)):
            continue  # "sent humanitarian aid to"
        clients = s.object_after(mt.end())
        if not clients or (bare_aid(s, mt.start(1), mt.group(1)) and all(country_only(s, c) for c in clients)):
            continue  # "send aid to Turkey" (to a country's people); "aid to the Syrian opposition" backs it
        backers = s.subject_before(mt.start())
        out += pairs(
            backers,
            clients,
            mt.span(1),
            cue_text(mt.group(1)),
            "noun",
            modified_type(s, mt.start(1), s.g.lex.type_of(mt.group(1), "noun")),
        )
    return out


#: the prepositions naming the giver after a support noun: "support from Iran", "military support by the UAE"
_FROM = ("from", "by")


#: an owner's pronoun before the support noun: "shifted its support from A to B" (A is no giver: the owner is)
_OWN_SUPPORT = re.compile(r"\b(?:its|their|his|her)\s+(?:[a-z-]+\s+)?$")


def _from_to_nouns(s: Sentence) -> list[Edge]:
    rx = lex_rx(
        s,
        "from_to",
        lambda a: (
            rf"({a('support_nouns.words')}|{a('transfers.nouns')})\s+(from|by|for|to|of)\s+"
            rf"(?:the\s+)?"
        ),
    )
    out: list[Edge] = []
    # "arms shipments to the RSF from the UAE", "the arming of the SNA by Turkey"
    for mt in s.matches(rx, "support_nouns.words", "transfers.nouns"):
        if s.g.humanitarian.search(s.f, max(0, mt.start() - 20), mt.start()):
            continue
        first = s.object_after(mt.end())
        if not first:
            continue
        rest = re.match(r"\s+(from|by|for|to|of)\s+(?:the\s+)?", s.f[s.m[first[-1]].end :])
        sides = _sides(mt.group(2), rest.group(1)) if rest else None
        if sides is None:
            continue  # "support by the UAE to the RSF": one side names the giver, the other the receiver
        second = s.object_after(s.m[first[-1]].end + rest.end())
        backers, clients = (first, second) if sides else (second, first)
        owner = _OWN_SUPPORT.search(s.f, max(0, mt.start() - 30), mt.start()) if mt.group(2) == "from" else None
        if owner:  # "Russia switched its support from the RSF to the army": from the old client to the new
            backers, clients = s.subject_before(owner.start()), second
        out += pairs(
            backers,
            clients,
            mt.span(1),
            cue_text(mt.group(1)),
            "noun",
            s.g.lex.types["material"].get(cue_text(mt.group(1)), "unspecified"),
        )
    return out


def _sides(p1: str, p2: str) -> bool | None:
    """Whether the first of two prepositions after a support noun names the giver (True) or the receiver (False);
    None when both name the same side. "of" names the side the other does not: ``the arming of the SNA by
    Turkey`` (the receiver), ``the support of Iran for Hezbollah`` (the giver)."""
    g1 = p1 in _FROM if p1 != "of" else p2 not in _FROM
    g2 = p2 in _FROM if p2 != "of" else p1 not in _FROM
    return None if g1 == g2 else g1


def _accused_before(s: Sentence, pos: int, clients: list[int]) -> int | None:
    """``Hemedti accused Egypt of bombing his forces in support of the army``: the accused actor (one of the two
    mentions before ``pos``), who does what is in support; None when no accusation stands there."""
    k = s.prev_index(pos)
    for j in (k, k - 1):
        if j >= 0 and j not in clients and s.g.accused_of.search(s.f, max(0, s.m[j].start - 30), s.m[j].start):
            return s.head_of(j)
    return None


def _in_support_of(s: Sentence) -> list[Edge]:
    rx = lex_rx(
        s,
        "in_support",
        lambda a: (
            r"\b(in\s+(?:support|defen[cs]e|aid|favou?r)\s+of|in\s+support\s+for|on\s+the\s+side\s+of|"
            r"at\s+the\s+disposal\s+of|"
            r"on\s+behalf\s+of)\s+(?:the\s+)?"
        ),
    )
    # "Moscow's intervention on behalf of Assad" (an action's; "spoke on behalf of Russia" is no backing)
    action = lex_rx(s, "action_end", lambda a: rf"\b(?:{a('action_nouns.words')})(?:\s+[a-z]+){{0,3}}\s+$")
    # "Russian jets bombed on behalf of Assad": a verb of combat's
    combat = lex_rx(
        s,
        "combat_end",
        lambda a: (
            rf"\b(?:{a('fight.combat_verbs')}|{a('fight.joint_verbs')}|{a('grammar.attack_verbs')})(?:\s+[a-z]+){{0,3}}\s+$"
        ),
    )
    out: list[Edge] = []
    for mt in rx.finditer(s.f) if " of " in s.f or "support for" in s.f else ():
        clients = s.object_after(mt.end())
        behalf = mt.group(1).startswith("on behalf")
        if not clients or (behalf and not action.search(s.f, 0, mt.start()) and not combat.search(s.f, 0, mt.start())):
            continue
        backer = _accused_before(s, mt.start(), clients)
        backer = s.relative_subject(mt.start()) if backer is None else backer  # "X, which has fought on the side of"
        backer = s.clause_subject(mt.start(), exclude=frozenset(clients)) if backer is None else backer
        if backer is None:  # "strikes by Russian jets in support of Assad": the agent backs
            k = s.prev_index(mt.start())
            if k >= 0 and re.search(r"\bby\s+(?:the\s+)?$", s.f[max(0, s.m[k].start - 12) : s.m[k].start]):
                backer = s.head_of(k)
        if backer is None:
            continue
        listed = [k for k in s.coordinated_fwd(backer) if s.m[k].end <= mt.start() and k not in clients]
        backers = s.coordinated_back(backer) + listed[1:]  # "Saudi Arabia and the UAE pledged $3bn in support for"
        out += pairs(backers, clients, mt.span(1), cue_text(mt.group(1)), "noun", "unspecified", {"clause_subject"})
    behalf = lex_rx(s, "behalf", lambda a: r"\b(?:on|in|to|at|under)\s+(?:the\s+)?$")  # "on the army's side"
    owned = lex_rx(s, "behalf_owned", lambda a: rf"'s?\s+({a('grammar.behalf')})\b(?!\s+of\b)")
    for i, mi in enumerate(
        s.m if s.has_cue("grammar.behalf") else ()
    ):  # "on Assad's behalf", "turned the war in Assad's favour"
        bm = behalf.search(s.f, max(0, mi.start - 12), mi.start)
        mt = owned.match(s.f, mi.end) if bm else None
        backers = _behalf_owners(s, bm.start(), i) if mt else []
        if backers:
            out += pairs(
                backers,
                [i],
                (bm.start(), mt.end(1)),
                bm.group(0).split()[0] + " " + mt.group(1),
                "noun",
                "unspecified",
                {"clause_subject"},
            )
    return out


#: a description in apposition ending in a participle: ", an Islamist militia fighting "
_DESCRIBED_DOING = re.compile(r"\s*,\s*(?:a|an|the)\s+(?:[a-z'-]+\s+){0,4}?[a-z]+ing(?:\s+[a-z]+ly)?\s+")


def _behalf_owners(s: Sentence, pos: int, i: int) -> list[int]:
    """Who acts "on/in/to X's side, behalf, favour" (``pos``: the preposition; ``i``: X): the accused of an
    accusation before ("accused Haftar of fighting on the RSF's side"), else the verb's subject ("the Brigade, which
    has sent fighters to the army's side"), else the clause's subject."""
    accused = _accused_before(s, pos, [i])
    if accused is not None:
        return s.coordinated_back(accused, np=True)
    k = s.prev_index(pos)  # "the Brigade, an Islamist militia fighting under the army's banner": the described name
    if 0 <= k != i and _DESCRIBED_DOING.fullmatch(s.f, s.m[k].end, pos):
        return [k]
    subject = [k for k in s.subject_before(pos) if k != i]
    if subject:
        return subject
    c = s.relative_subject(pos)
    if c is not None and c != i:
        return [c]
    c = s.clause_subject(s.m[i].start, exclude=frozenset([i]))
    return [] if c is None else sorted(set(s.coordinated_back(c, np=True) + s.coordinated_fwd(c, np=True)) - {i})


def _payroll(s: Sentence) -> list[Edge]:
    """``The Hamza Division spent years on Ankara's payroll``, ``militias on the payroll of Iran``, ``fighters on
    the Emirati payroll``: whoever pays (the name at the payroll) backs whoever is on it (the name that acts, as
    for "on X's behalf", the other way round)."""
    if not s.has_cue("grammar.payroll"):
        return []
    before = lex_rx(s, "payroll_of", lambda a: rf"\bon\s+the\s+({a('grammar.payroll')})\s+of\s+(?:the\s+)?$")
    after = lex_rx(s, "payroll_owned", lambda a: rf"(?:'s?)?\s+({a('grammar.payroll')})\b(?!\s+of\b)")
    on = re.compile(r"\bon\s+(?:the\s+)?$")
    out: list[Edge] = []
    for i, mi in enumerate(s.m):
        bm = before.search(s.f, max(0, mi.start - 40), mi.start)
        mt = None if bm else after.match(s.f, mi.end)
        om = on.search(s.f, max(0, mi.start - 8), mi.start) if mt else None
        word = bm or (mt if om else None)
        if word is None:
            continue
        holders = [k for k in _behalf_owners(s, (bm or om).start(), i) if s.m[k].kind != "state"]  # groups are paid
        payers = s.coordinated_fwd(i) if bm else [i]
        out += pairs(payers, holders, word.span(1), cue_text(word.group(1)), "noun", "funding", {"clause_subject"})
    return out


def _whose(s: Sentence) -> list[Edge]:
    """``Turkey, whose backing of the Syrian National Army``, ``Abu Dhabi, whose cargo flights to the RSF``: the
    antecedent of ``whose`` backs."""
    if "whose" not in s.f:
        return []
    rx = lex_rx(
        s,
        "whose",
        lambda a: (
            rf"\s*,\s*whose\s+(?:[a-z-]+\s+){{0,2}}?({a('support_nouns.words')}|{a('transfers.nouns')})\s+"
            rf"(?:for|to|of)\s+(?:the\s+)?"
        ),
    )
    out: list[Edge] = []
    for i, mi in enumerate(s.m):
        mt = rx.match(s.f, mi.end)
        if mt:
            out += pairs(
                [i],
                s.object_after(mt.end()),
                mt.span(1),
                cue_text(mt.group(1)),
                "noun",
                modified_type(s, mt.start(1), s.g.lex.type_of(mt.group(1), "noun")),
            )
    return out


def _thanked_for_owned(s: Sentence, j: int) -> tuple[list[int], re.Match | None]:
    """``thanked Putin for Russia's support``, ``praised the UAE's assistance``: the owner of the support thanked
    for (its list), and the match of the noun; ``([], None)`` when the words after mention ``j`` are neither
    ``for <name>'s <noun>`` nor ``'s <noun>``."""
    owned = lex_rx(s, "thanks_owned", lambda a: rf"'s?\s+(?:[a-z-]+\s+){{0,2}}?({a('thanks.nouns')})\b")
    k = j + 1
    if k >= len(s.m) or not re.fullmatch(r"\s+for\s+", s.gap(s.m[j].end, s.m[k].start)):
        t = owned.match(s.f, s.m[j].end)  # "praised the UAE's military assistance": the thanked owns it
        strong = t is not None and cue_text(t.group(1)) in s.g.lex.words.get("support_nouns.words", ())
        return ([j], t) if strong else ([], None)  # not "praised Qatar's role": a support noun only
    owners = s.coordinated_fwd(k)  # "for Russia and Iran's support"
    t = owned.match(s.f, s.m[owners[-1]].end)
    return (owners, t) if t else ([], None)


def _for_a_thing(s: Sentence, end: int) -> bool:
    """Whether the support noun ending at ``end`` is support "for" something no actor names ("thanked President
    Trump for his support for the delisting"): backing a step, not the thanker."""
    mt = re.match(r"\s+for\s+(?:(?:the|a|an|its|his|her|their|our)\s+)?", s.f[end : end + 30])
    if mt is None:
        return False
    k = s.next_index(end)
    return k >= len(s.m) or s.m[k].start != end + mt.end()


def thanks(s: Sentence) -> list[Edge]:
    """``Assad thanked Russia and Iran for their support`` (russia and iran back the Syrian government)."""
    rx = lex_rx(s, "thanks", lambda a: rf"({a('thanks.verbs')})\s+")
    tail = lex_rx(
        s,
        "thanks_tail",
        lambda a: (
            rf"\s+for\s+(?:(?:the|{a('grammar.possessives')})\s+)?(?:[a-z-]+\s+){{0,2}}?"
            rf"({a('thanks.nouns')})\b"
        ),
    )
    out: list[Edge] = []
    for mt in s.matches(rx, "thanks.verbs"):
        thanked = s.object_after(mt.end())
        if not thanked:
            continue
        t = tail.match(s.f, s.m[thanked[-1]].end)
        k = thanked[-1] + 1  # "Assad thanks Iran, Russia for support": a headline's list, its "and" dropped
        if not t and k < len(s.m) and s.gap(s.m[k - 1].end, s.m[k].start).strip() == ",":
            t = tail.match(s.f, s.m[k].end)
            thanked = [*thanked, k] if t else thanked
        if not t:
            thanked, t = _thanked_for_owned(s, thanked[-1])  # "thanked Putin for Russia's support"
        if not t or s.g.humanitarian.search(s.f, t.start(), t.end(1)) or _for_a_thing(s, t.end(1)):
            continue  # "thanked the UAE for its humanitarian support": aid to people; "support for the delisting"
        thanker = doer(s, mt.group(1), mt.span(1), set())[0]  # "flew to Cairo to thank Egypt": a purpose's subject
        out += pairs(
            thanked,
            thanker,
            (mt.start(1), t.end(1)),
            cue_text(mt.group(1) + " for " + t.group(1)),
            "thanks",
            modified_type(s, t.start(1), "unspecified"),
        )
    return out
