"""The transfer shapes: material given, sent or flown to a client ("Russia delivered S-300 missiles to Syria",
"the US provided the SDF with arms", "weapons re-exported by the UAE turned up in the hands of the RSF").

Run by :func:`helpers.shapes.all_edges`; the giver is found by :func:`helpers.doers.doer`, as for the verb shapes.
"""

from __future__ import annotations

import re

from .clauses import Sentence
from .doers import doer
from .edges import Edge, bare_aid, country_only, cue_text, lex_rx, lex_rx_for, pairs
from .grammar import GIVEN_BY

__all__ = ["transfer"]


def transfer(s: Sentence) -> list[Edge]:
    """``Russia delivered S-300 air defence systems to Syria``, ``Iran sent weapons and fighters to
    Hezbollah``, ``the US provided the SDF with arms``; not ``sent humanitarian aid to``."""
    rx = lex_rx(s, "transfer", lambda a: rf"({a('transfers.verbs')})\b")
    mat = lex_rx(
        s,
        "transfer_material",
        lambda a: (
            rf"\s+(?:(?:{a('grammar.measures')})\s+of\s+|at\s+(?:least|most)\s+|"  # "at least one planeload of"
            # never past a pronoun opening a clause of its own ("trained his army, and it shipped drones to")
            rf"(?!(?:{a('humanitarian.words')}|{a('grammar.prepositions')}|it|they|he|she|we)\b)[\w$.,'-]+\s+){{0,"
            rf"{s.g.lex.windows['transfer_words']}}}?(?:(?:than|to|over|about)\s+(?=[$£€]))?({a('materials.words')}|[$£€]\s?\d[\w.,]*)"
            # "weapons, ammunition and medical supplies to"; never "according to" (a source, not a receiver)
            rf"(?:\s*,?\s+(?!(?:to|for|into|with|according|owing|due|thanks)\b)[\w-]+)"
            # ... or a relative clause in which it reaches them ("paying for weapons that reach rebel brigades")
            rf"{{0,5}}?\s+(?:to|for|into|(?:that|which)\s+(?:[a-z]+ly\s+)?(?:reach|reaches|reached))\s+"
            rf"(?:(?:the|{a('grammar.possessives')})\s+)?"
        ),
    )
    # "furnished Syrian rebel factions in Quneitra with rifles": the client's noun and place before "with"
    with_mat = lex_rx(
        s,
        "transfer_with",
        lambda a: rf"(?:\s+(?!with\b)[a-z-]+){{0,3}}?\s+with\s+(?:[\w$.,'-]+\s+){{0,3}}?({a('materials.words')})\b",
    )
    out: list[Edge] = []
    for mt in s.matches(rx, "transfers.verbs"):
        a, b = mt.span(1)
        if s.f.startswith(" out ", b):
            continue  # "carried out an air strike", "handed out aid": another verb
        m2 = mat.match(s.f, b)
        if m2 and (s.g.verb_next.match(s.f, m2.end() - 1) or _aid_to_people(s, m2)):
            m2 = None  # "sending troops to battle Isis" (a purpose); "send aid to Turkey" (humanitarian)
        sum_ = m2 is not None and m2.group(1)[0] in "$£€"  # "$2bn in aid to"
        clients = _transfer_clients(s, b, m2, sum_) if m2 else []
        m3 = None
        if not clients:  # "provided the SDF with arms", "gave the rebels $500m": the client, then the material
            clients = s.object_after(b)
            end = s.m[clients[-1]].end if clients else 0
            m3 = (with_mat.match(s.f, end) or _second_object(s, mt.group(1), end)) if clients else None
            if m3 is None:
                continue
        backers = doer(s, cue_text(mt.group(1)), (a, b), set())[0]  # asked only once a client and a material stand
        if not backers:
            continue
        if m3 is None:
            out += pairs(
                backers,
                clients,
                (a, m2.end(1)),
                cue_text(mt.group(1) + " " + m2.group(1)),
                "transfer",
                "funding" if sum_ else s.g.lex.types["material"].get(cue_text(m2.group(1)), "unspecified"),
            )
        else:
            out += pairs(
                backers,
                clients,
                (a, m3.end(1)),
                cue_text(s.f[a : m3.end(1)]),  # the cue's words are its span's: "provided the SDF with arms"
                "transfer",
                s.g.lex.types["material"].get(cue_text(m3.group(1)), "unspecified"),
            )
    return out + _sent_materials(s) + _recruited_into(s) + _let_through(s)


def _let_through(s: Sentence) -> list[Edge]:
    """``accused Chad of letting supplies for the RSF pass through its territory``, ``allowed weapons bound for
    Hezbollah``: who lets a material for an actor through backs that actor (the let-verb's doer: its subject, or the
    accused)."""
    rx = lex_rx_for(
        s,
        "let_through",
        "transfers.let",
        lambda a: (
            rf"\b({a('transfers.let')})\s+(?:[a-z-]+\s+){{0,2}}?({a('materials.words')})\s+"
            rf"(?:(?:bound|destined|meant|intended)\s+)?(?:for|to)\s+(?:the\s+)?"
        ),
    )
    out: list[Edge] = []
    for mt in s.matches(rx, "transfers.let"):
        clients = s.object_after(mt.end())
        if not clients or s.g.humanitarian.search(s.f, mt.start(), mt.end()):
            continue
        backers = doer(s, cue_text(mt.group(1)), mt.span(1), set())[0]
        type_ = s.g.lex.types["material"].get(cue_text(mt.group(2)), "unspecified")
        out += pairs(
            backers, clients, (mt.start(1), mt.end(2)), cue_text(s.f[mt.start(1) : mt.end(2)]), "transfer", type_
        )
    return out


def _recruited_into(s: Sentence) -> list[Edge]:
    """``The Revolutionary Guards recruited thousands of Afghan refugees into the Fatemiyoun Division``: whoever
    recruits people into or for a group backs it (the recruits need not be named as fighters)."""
    rx = lex_rx_for(
        s,
        "recruited_into",
        "transfers.recruit",
        lambda a: (
            rf"\b({a('transfers.recruit')})\s+(?:[\w,'-]+\s+){{1,8}}?(?:into|for)\s+(?:the\s+)?(?:ranks\s+of\s+(?:the\s+)?)?"
        ),
    )
    out: list[Edge] = []
    for mt in s.matches(rx, "transfers.verbs"):
        clients = s.object_after(mt.end())
        k = s.next_index(mt.end(1))
        if not clients or (k < len(s.m) and s.m[k].start < mt.end()):
            continue  # "recruited Syrians into Turkey's proxies": a name on the way is no group recruited into
        backers = doer(s, cue_text(mt.group(1)), mt.span(1), set())[0]
        out += pairs(backers, clients, mt.span(1), cue_text(mt.group(1)), "transfer", "troops")
        fight = _RECRUITS_FIGHT.match(s.f, s.m[clients[-1]].end)  # "... into the Fatemiyoun to fight for Assad"
        if fight:
            out += pairs(
                clients, s.object_after(fight.end()), fight.span(1), cue_text(fight.group(1)), "fight", "troops"
            )
    return out


#: the purpose of a group recruited into: "recruited Afghans into the Fatemiyoun Division to fight alongside Assad's
#: forces" (the group fights for them too)
_RECRUITS_FIGHT = re.compile(
    r"\s+(?:to|who)\s+(?:fight|fought|battle|serve|served)\s+"
    r"(alongside|for|beside|on\s+behalf\s+of|on\s+the\s+side\s+of|in\s+defen[cs]e\s+of)\s+(?:the\s+)?"
)


def _aid_to_people(s: Sentence, m2: re.Match) -> bool:
    """True when the material ``m2`` is bare aid ("aid", "help") to no party: to nobody named or to countries ("send
    aid to Turkey"), not to a government or army ("sent aid to the Sudanese government")."""
    return bare_aid(s, m2.start(1), m2.group(1)) and all(country_only(s, k) for k in s.object_after(m2.end()))


def _transfer_clients(s: Sentence, verb_end: int, m2: re.Match, sum_: bool) -> list[int]:
    """Who receives the material (or sum) ``m2`` after a transfer verb: none when humanitarian; a sum goes to a
    state only with a material named (``$6bn to Turkey``, ``£98m aid to Syria``: not backing a party)."""
    if s.g.humanitarian.search(s.f, verb_end, m2.end() if sum_ else m2.start(1)):
        return []
    clients = s.object_after(m2.end())
    kinds = s.g.lex.types["material"]
    named = {kinds.get(cue_text(w.group(0)), "") for w in s.g.material_word.finditer(s.f, m2.end(1), m2.end())}
    if sum_ and not named - {"unspecified", "funding"} and not _state_funding(s, m2.end(1), m2.end()):
        clients = [k for k in clients if not country_only(s, k)]  # a sum of aid or money alone goes to a party
    return clients


def _state_funding(s: Sentence, start: int, end: int) -> bool:
    """Whether a sum's words ``start``-``end`` name what backs a state (``transfers.state_funding``: "a $1 billion
    credit line to the Syrian government")."""
    words = s.g.lex.words.get("transfers.state_funding", ())
    return any(re.search(rf"\b{re.escape(w)}\b", s.f[start:end]) for w in words)


def _second_object(s: Sentence, verb: str, end: int) -> re.Match | None:
    """``gave the rebels $500m``, ``to give the opposition £20m in aid``, ``gave the FSA units air cover``: a giving
    verb's second object, a material or a sum, right after the client (and its men)."""
    if cue_text(verb) not in s.g.lex.words.get("transfers.double_object", ()):
        return None
    rx = lex_rx(
        s,
        "transfer_second",
        lambda a: (
            rf"\s+(?:(?:an?|some|more|new)\s+)?(?:[\w.,'-]+\s+){{0,2}}?([$£€]\s?\d[\w.,]*|{a('materials.words')}|"
            rf"{a('transfers.advantages')})\b"
        ),
    )
    men = lex_rx(
        s,
        "transfer_clients_men",  # "gave the FSA units air cover", "giving Hemedti's fighters weapons", "gave Syria's
        # new government a lifeline": the client's own men or body (one word before it), then the material at once
        lambda a: (
            rf"(?:'s?)?\s+(?:(?!(?:{a('materials.words')})\b)[\w-]+\s+)?(?:{a('people_nouns.words')})\s+(?!to\b)(?:[\w-]+\s+)?"
            rf"({a('materials.words')}|{a('transfers.advantages')})\b"
        ),
    )
    mt = men.match(s.f, end) or rx.match(s.f, end)
    if mt and s.g.lex.types["material"].get(cue_text(mt.group(1)), "") in ("troops", "advisers"):
        return None  # "send Wagner Group contractors": the contractors are the named group's own
    return mt


_SENT_WORDS = (
    "sold",
    "supplied",
    "shipped",
    "delivered",
    "sent",
    "provided",
    "given",
    "transferred",
    "smuggled",
    "exported",
    "airlifted",
    "airdropped",
    "donated",
    "flown",
    "trucked",
)


#: the auxiliary of a passive participle: "arms (were) sold to", "weapons had been delivered to"
_PASSIVE_AUX = r"(?:being|were|was|are|is|have\s+been|has\s+been|had\s+been)"


def _sent_materials(s: Sentence) -> list[Edge]:
    """``UK arms sold to Saudi Arabia``, ``Russian weapons delivered to the Syrian army``: the owner of the
    material backs whoever it goes to."""
    rx = lex_rx(
        s,
        "transfer_owned",
        lambda a: (
            rf"\s+(?:(?!(?:{a('attribution.speech')}|{a('grammar.auxiliaries')})\b)[a-z0-9-]+\s+){{0,2}}?"
            rf"({a('materials.words')})\s+(?:{_PASSIVE_AUX}\s+)?(?:[a-z]+ly\s+)?"
            rf"({'|'.join(_SENT_WORDS)})\s+(?:to|for)\s+"  # not "Sudan says weapons were sent to"
            rf"(?:the\s+)?"
        ),
    )
    out: list[Edge] = []
    sent = any(w in s.f for w in _SENT_WORDS)  # the pattern needs one of these participles
    for i, mi in enumerate(s.m if sent else ()):
        mt = rx.match(s.f, mi.end)
        if not mt or s.g.humanitarian.search(s.f, mi.end, mt.start(1)):
            continue
        out += pairs(
            [i],
            s.object_after(mt.end()),
            (mt.start(1), mt.end(2)),
            cue_text(mt.group(1) + " " + mt.group(2)),
            "transfer",
            s.g.lex.types["material"].get(cue_text(mt.group(1)), "unspecified"),
        )
    return out + _materials_from(s) + _material_relative(s) + _passive_given(s) + _passive_double(s)


def _passive_given(s: Sentence) -> list[Edge]:
    """``Weapons were delivered to the army by Egypt``, ``missiles were flown to the RSF from Libya by the Wagner
    group``: a material passively given to a client; the agent after "by" gives."""
    rx = lex_rx(
        s,
        "transfer_passive_by",
        lambda a: (
            rf"\b({a('materials.words')})\s+(?:(?:[a-z-]+\s+){{0,3}}?{_PASSIVE_AUX}\s+)?(?:[a-z]+ly\s+)?"
            rf"({'|'.join(_SENT_WORDS)})\s+(?:to|into)\s+(?:the\s+)?"  # "arms (were) supplied to the SDF by the US"
        ),
    )
    out: list[Edge] = []
    for mt in rx.finditer(s.f) if " by " in s.f else ():
        clients = s.object_after(mt.end())
        by = _BY_AGENT.match(s.f, s.m[clients[-1]].end) if clients else None
        k = s.next_index(by.end()) if by else len(s.m)
        if k < len(s.m) and s.m[k].start == by.end() and k not in clients:
            out += pairs(
                s.coordinated_fwd(k),
                clients,
                mt.span(2),
                cue_text(mt.group(2)),
                "transfer",
                s.g.lex.types["material"].get(cue_text(mt.group(1)), "unspecified"),
            )
    return out


def _passive_double(s: Sentence) -> list[Edge]:
    """``The RSF was given weapons by the UAE``, ``the paramilitaries have been flown weapons from the UAE``: a client
    passively given a material; the agent after "by" (or the giver after "from") gives."""
    rx = lex_rx(
        s,
        "transfer_passive_double",
        lambda a: (
            rf"\s+{_PASSIVE_AUX}\s+(?:[a-z]+ly\s+)?({'|'.join(_SENT_WORDS)}|flown|handed|granted|lent|offered)\s+"
            rf"(?:[\w$.,'-]+\s+){{0,3}}?({a('materials.words')})\s+(?:[\w-]+\s+){{0,4}}?(?:by|from)\s+(?:the\s+)?"
        ),
    )
    out: list[Edge] = []
    for i, mi in enumerate(s.m if " by " in s.f or " from " in s.f else ()):
        mt = rx.match(s.f, mi.end)
        k = s.next_index(mt.end()) if mt and not s.g.humanitarian.search(s.f, mi.end, mt.end(2)) else len(s.m)
        if k < len(s.m) and s.m[k].start == mt.end():
            kind = s.g.lex.types["material"].get(cue_text(mt.group(2)), "unspecified")
            out += pairs(
                s.coordinated_fwd(k), s.coordinated_back(i), mt.span(1), cue_text(mt.group(1)), "transfer", kind
            )
    return out


#: the agent of a passive a few words after its client: "to the RSF from bases in eastern Libya by the Wagner group"
_BY_AGENT = re.compile(r"(?:'s?)?(?:\s+[\w'-]+){0,8}?\s+by\s+(?:the\s+)?")


def _material_relative(s: Sentence) -> list[Edge]:
    """``the weapons that Iran sent to Hezbollah``, ``the rifles which the Pentagon is authorised to hand to the
    YPG``, ``the diplomatic cover Cairo has extended to al-Burhan``: a material or support noun before an object
    relative (its pronoun may be left out) whose subject moves it to a client."""
    before = lex_rx(
        s,
        "material_relative",
        lambda a: rf"\b({a('materials.words')}|{a('support_nouns.words')})\s+(?:(?:that|which)\s+)?(?:the\s+)?$",
    )
    after = lex_rx(
        s,
        "material_relative_verb",
        lambda a: (
            rf"(?:'s?)?(?:\s+(?:{s.g.vg_item}|[a-z]+ed\s+to))*?\s+({a('transfers.verbs')})\s+(?:on\s+|over\s+)?(?:to|into)\s+"
            rf"(?!(?:{a('transfers.verbs')})\b)(?:(?:the|{a('grammar.possessives')})\s+)?"
        ),
    )
    out: list[Edge] = []
    for i, mi in enumerate(s.m if s.has_cue("transfers.verbs") else ()):
        m1 = before.search(s.f, max(0, mi.start - 40), mi.start)
        aid = m1 is not None and s.g.humanitarian.search(s.f, max(0, m1.start() - 25), mi.start)  # "humanitarian aid"
        givers = s.coordinated_fwd(i) if m1 and not aid else []
        m2 = after.match(s.f, s.m[givers[-1]].end) if givers else None
        k = s.next_index(m2.end(1)) if m2 else 0
        if m2 and (k >= len(s.m) or s.m[k].start >= m2.end()):
            out += pairs(
                givers,
                s.object_after(m2.end()),
                m2.span(1),  # the verb alone: what stands between the giver and it is its verb group ("never sent")
                cue_text(m2.group(1) + " " + m1.group(1)),
                "transfer",
                s.g.lex.types["material"].get(cue_text(m1.group(1)), "unspecified"),
            )
    return out


#: the client after the giver of a material: "weapons shipped by Iran to Hezbollah" (not "fighters from Syria to Iraq")
_ON_TO = re.compile(r"()\s+(?:on\s+)?(?:to|into)\s+(?:the\s+)?")


def _materials_from(s: Sentence) -> list[Edge]:
    """``Weapons from the UAE reached the RSF``, ``arms from Iran made their way to Hezbollah``, ``bombs
    re-exported by the UAE turned up in the hands of the RSF``: the source of the material backs whoever it
    reaches."""
    src = lex_rx(
        s,
        "material_from",
        lambda a: (
            rf"\b({a('materials.words')})\s+(?:[a-z]+\s+){{0,3}}?(?:from|(?:{a('cues.participle')}|sent|provided|"
            rf"delivered|shipped|exported|re-exported|donated|flown|smuggled|given|sold){GIVEN_BY})\s+(?:the\s+)?$"
        ),
    )  # "weapons from the UAE", "bombs re-exported by the UAE", "weapons flown in by the UAE"
    reach = lex_rx_for(
        s,
        "material_reach",
        "transfers.arrival",
        lambda a: (
            rf"\s+(?:and\s+)?(?:to\s+)?(?:(?:{a('grammar.auxiliaries')}|{a('grammar.adverbs')}|[a-z]+ly|"
            rf"{a('grammar.verb_particles')})\s+)*({a('transfers.arrival')})\s+(?:the\s+)?"
        ),
    )  # "allowed weapons to reach the rebels", "re-exported by the UAE and ended up in the hands of the RSF",
    # "arms from Iran continue to reach Hezbollah"
    owned = lex_rx(  # "Emirati weapons", "the UAE's drones"; "(accused Chad) of letting weapons": the accused's act
        s,
        "material_owned",
        lambda a: (
            rf"\s+(?:(?:(?:{a('grammar.adverbs')})\s+)?of\s+([a-z]+ing)\s+|"  # "(accused X) this week of helping"
            # "Jordan denied letting arms reach", "Turkey has allowed weapons to reach": who lets them through
            rf"(?:[a-z]+\s+){{0,2}}?((?:{a('transfers.let')}))\s+(?:[a-z-]+\s+){{0,2}}?|"
            rf"(?:(?!(?:{a('grammar.prepositions')}|{a('grammar.conjunctions')})\b)"
            rf"(?![a-z]+ing\b)[a-z0-9-]+\s+){{0,2}}?)({a('materials.words')})(?:\s+(?:and\s+)?(?:{a('materials.words')}))?"
            rf"(?:\s+to)?(?=\s)"  # "an Iranian arms shipment bound for": the second material word too
        ),
    )
    out: list[Edge] = []
    for i, mi in enumerate(
        s.m if s.has_cue("transfers.arrival") else ()
    ):  # "Emirati weapons have reached the RSF": the owner backs
        m1 = owned.match(s.f, mi.end)
        m2 = reach.match(s.f, m1.end()) if m1 and not s.g.humanitarian.search(s.f, mi.end, m1.end()) else None
        k = s.next_index(m1.end()) if m2 else len(s.m)
        if m1 and m2 and (k >= len(s.m) or s.m[k].start >= m2.end()):
            # the let-verb's subject; else the owner and those listed before it ("Russian and Iranian weapons")
            backers = s.subject_before(m1.start(1)) if m1.group(1) else s.coordinated_back(i)
            out += pairs(
                backers,
                s.object_after(m2.end()),
                (m1.start(3), m2.end(1)),
                cue_text(m2.group(1)),
                "transfer",
                s.g.lex.types["material"].get(cue_text(m1.group(3)), "unspecified"),
            )
    for i, mi in enumerate(s.m if " from " in s.f or " by " in s.f else ()):
        m1 = src.search(s.f, max(0, mi.start - 40), mi.start)
        by = m1 is not None and m1.group(0).rstrip().endswith((" by", " by the"))  # "shipped by Iran to Hezbollah"
        m2 = (reach.match(s.f, mi.end) or (_ON_TO.match(s.f, mi.end) if by else None)) if m1 else None
        if m1 and m2:
            out += pairs(
                [i],
                s.object_after(m2.end()),
                (m1.start(1), m2.end(1)),
                cue_text(m1.group(1) + " from"),
                "transfer",
                s.g.lex.types["material"].get(cue_text(m1.group(1)), "unspecified"),
            )
    return out
