"""Receiving as a statement, over one sentence: :func:`receive` (``the SDF received weapons from Washington``,
``Ahrar al-Sham enjoyed the backing of Turkey``, ``Assad relied on Russian air power``, ``Hezbollah relies on Iran
for money``): whoever gives backs the receiver. Composed with the other shapes by
:func:`~helpers.shapes.all_edges`; the words are the lexicon's ``light_verbs.receive`` and ``light_verbs.have``.
"""

from __future__ import annotations

import re

from .clauses import Sentence
from .cues import alternation
from .doers import spent_before, subject_after_comma
from .edges import OWED_PART, Edge, cue_text, lex_rx, lex_rx_for, modified_type, pairs

__all__ = ["receive"]


def _infinitive_subject(s: Sentence, pos: int) -> list[int]:
    """``one of the few rebel groups to have received``: the name (and its people noun) right before an infinitive
    at ``pos`` (not a verb's: "Obama fails to secure support from Putin")."""
    rx = lex_rx(
        s, "receive_to_have", lambda a: rf"(?:'s?)?(?:\s+[a-z-]+)?\s+(?:{a('people_nouns.words')})\s+to\s+(?:have\s+)?$"
    )
    k = s.prev_index(pos)
    if k < 0 or not rx.fullmatch(s.f, s.m[k].end, pos):
        return []
    return s.coordinated_back(k)


def _gerund_subject(s: Sentence, pos: int) -> list[int]:
    """``rebels pushed back the assault after receiving ammunition from``: the subject of the clause an adverbial
    -ing phrase (after, before, since, while, when, by, upon) hangs on, or that spent time on it ("the SDF spent
    four years relying on US air power")."""
    if not re.search(r"\b(?:after|before|since|while|when|by|upon)\s+$", s.f[max(0, pos - 10) : pos]) and not (
        spent_before(s, pos)
    ):
        return []
    c0 = s.clause_subject(pos)
    return [] if c0 is None else s.coordinated_fwd(c0)


def receive(s: Sentence) -> list[Edge]:
    """``the SDF received weapons from Washington``, ``Assad relied on Russian air power`` (the subject is
    the client; the backer follows ``from`` or qualifies the support)."""
    out = _received_from_giver(s)
    out += _relies_on_for(s) + _received_relative(s) + _received_from(s) + _without_would(s)
    out += _came_from(s) + _owes_to(s) + _bought(s)
    return out + _received_qualified(s)


def _received_from_giver(s: Sentence) -> list[Edge]:
    """``the SDF received weapons from Washington``, ``enjoyed the backing of Turkey``: the giver after ``from`` (or
    after a support noun's ``of``), and a second thing and giver after it."""
    rx = lex_rx(
        s,
        "receive",
        lambda a: (
            rf"({alternation(s.g.lex.words['light_verbs.receive'], adverbs=True)}|{a('light_verbs.have')})"
            rf"\s+(?:(?:the|a|an|"
            rf"{a('grammar.possessives')}|"
            rf"more|new|further)\s+)?(?:[\w$£€.,-]+\s+){{0,4}}?(?:({a('support_nouns.words')})\s+of|"
            rf"({a('support_nouns.words')}|{a('materials.words')})(?:\s+[\w-]+){{0,3}}?\s+"
            rf"(?:from|(?:{a('transfers.verbs')})\s+by))\s+(?:the\s+)?"
            # "enjoyed the backing of Turkey": after a support noun (never a material) "of" names the giver;
            # "relied on weapons and training provided by Iran": the giver of a giving participle's "by"
        ),
    )
    out: list[Edge] = []
    more = lex_rx(  # "drawn funding from Qatar and logistical support from Turkey": a second thing and giver
        s,
        "receive_more",
        lambda a: (
            rf"\s*,?\s+and\s+(?:[a-z-]+\s+){{0,2}}?({a('support_nouns.words')}|{a('materials.words')})"
            rf"\s+from\s+(?:the\s+)?"
        ),
    )
    for mt in s.matches(rx, "light_verbs.receive", "light_verbs.have"):
        clients = s.subject_before(mt.start())
        if not clients and mt.group(1).endswith("ing"):
            clients = _gerund_subject(s, mt.start())  # "the rebels held the town after receiving arms from"
        if not clients:
            clients = _infinitive_subject(s, mt.start())
        backers = s.object_after(mt.end())
        m2 = more.match(s.f, s.m[backers[-1]].end) if backers else None
        if m2:
            out += pairs(s.object_after(m2.end()), clients, m2.span(1), cue_text(m2.group(1)), "receive", "unspecified")
        g = 2 if mt.group(2) else 3
        out += pairs(
            backers,
            clients,
            mt.span(g),
            cue_text(mt.group(g)),
            "receive",
            s.g.lex.types["material"].get(cue_text(mt.group(g)), "unspecified"),
        )
    return out


def _received_qualified(s: Sentence) -> list[Edge]:
    """``relied on Russian air power``, ``has received Iranian drones (and Turkish TB2s)``: the actor qualifying what
    is received backs the subject."""
    demonym = lex_rx(
        s,
        "receive_demonym",
        lambda a: (
            rf"\b({alternation(s.g.lex.words['light_verbs.receive'], adverbs=True)})\s+(?:(?:the|a|an)\s+)?"
            rf"(?:(?:[a-z-]+\s+)?(?:{a('grammar.measures')})\s+of\s+)?"  # "received a steady stream of Iranian arms"
            rf"(?:[a-z-]+\s+)?$"  # "received considerable US support", "enjoyed unwavering Russian backing"
        ),
    )
    out: list[Edge] = []
    # "relied on Russian air power": the qualifying actor backs the subject
    # "received Emirati-funded weapons": a giving participle may join the giver to what is given
    given = r"(?:\s*-\s*(?:{p}))?"
    nouns = lex_rx(
        s,
        "receive_nouns",
        # "leans on Ankara's political and military backing": the owner's adjectives before the noun
        lambda a: (
            given.format(p=a("cues.participle")) + rf"(?:'s?)?\s+(?:[a-z-]+\s+){{0,3}}?({a('support_nouns.words')})\b"
        ),
    )
    means = lex_rx(  # after "depended on": what is given too ("depended on Iranian money and Hezbollah fighters")
        s,
        "receive_means",
        lambda a: (
            given.format(p=a("cues.participle"))
            + rf"\s+(?:[a-z-]+\s+){{0,2}}?({a('support_nouns.words')}|{a('materials.words')})\b"
        ),
    )
    for i, mi in enumerate(s.m):
        d = demonym.search(s.f, max(0, mi.start - 30), mi.start)
        group = s.coordinated_fwd(i) if d else []  # "relied on Russian and Iranian support": both back
        n = (nouns.match(s.f, s.m[group[-1]].end) or means.match(s.f, s.m[group[-1]].end)) if group else None
        k = group[-1] + 1 if n else len(s.m)
        if k < len(s.m) and s.m[k].start < n.start(1):  # "Iranian manpower and Russian firepower": the noun found is
            n = means.match(s.f, s.m[group[-1]].end)  # the next name's; what the first gives is nearer
        # "has received Iranian drones and Turkish TB2s": the next of the list, what it gives and its giver
        more = _AND.match(s.f, n.end()) if n else None
        if more and k < len(s.m) and s.m[k].start == more.end() and means.match(s.f, s.m[k].end):
            group = [*group, k]
        if d and n and s.head_of(i) == i:
            out += pairs(
                group,
                s.subject_before(d.start(1)) or _gerund_subject(s, d.start(1)),
                n.span(1),
                cue_text(n.group(1)),
                "receive",
                modified_type(s, n.start(1), "unspecified"),
            )
    return out


#: "and" before the next item of a list of what is received
_AND = re.compile(r"\s+and\s+(?:the\s+)?")


def _relies_on_for(s: Sentence) -> list[Edge]:
    """``Hezbollah relies on Iran for money and weapons``, ``the army turned to Iran for drones``: who is relied
    on for support or a material backs the subject (the receiving phrases of the lexicon that end in "on"/"to")."""
    rx = lex_rx(
        s,
        "relies_on",
        lambda a: rf"\b({alternation(_ending_on(s.g.lex.words['light_verbs.receive']), adverbs=True)})\s+",
    )
    what = lex_rx(
        s,
        "relies_for",
        lambda a: rf"\s+for\s+(?:[\w-]+\s+){{0,3}}?(?:{a('support_nouns.words')}|{a('materials.words')})\b",
    )
    out: list[Edge] = []
    for mt in s.matches(rx, "light_verbs.receive"):
        backers = _past_compound(s, mt.end(), s.object_after(mt.end()))
        if not backers:
            continue
        clients = s.subject_before(mt.start())
        if what.match(s.f, s.m[backers[-1]].end) or _armed_reliance(s, backers, clients):
            out += pairs(backers, clients, mt.span(1), cue_text(mt.group(1)), "receive", "unspecified")
    return out


def _past_compound(s: Sentence, pos: int, ks: list[int]) -> list[int]:
    """``relies on Iranian-backed militias``: the group after a compound at ``pos`` (and its list), not the
    compound's backer; else the objects ``ks``."""
    k = s.next_index(pos)
    mt = re.match(r"-[a-z]+ed\s+", s.f[s.m[k].end :]) if k + 1 < len(s.m) and s.m[k].start == pos else None
    return s.coordinated_fwd(k + 1) if mt and s.m[k + 1].start == s.m[k].end + mt.end() else ks


def _armed_reliance(s: Sentence, backers: list[int], clients: list[int]) -> bool:
    """``the army relied on Hezbollah and Iraqi militias``, ``the SDF leans on the United States``: relying on
    someone with no "for" after is backing when an armed group or coalition stands on either side (states relying
    on states trade, mediate or buy: "Europe relies on Turkey to stop migrants")."""
    after = s.f[s.m[backers[-1]].end : s.m[backers[-1]].end + 12]
    if re.match(r"(?:'s)?\s+(?:for|to)\b", after):
        return False  # "relies on Turkey for gas", "relies on Russia to restrain Iran"
    return any(s.m[k].kind in ("faction", "coalition") for k in (*backers, *clients))


def _ending_on(words: list[str]) -> list[str]:
    """The receiving phrases that end in "on" or "to" ("relies on", "depended on", "turned to")."""
    return [w for w in words if w.endswith((" on", " to"))]


def _received_relative(s: Sentence) -> list[Edge]:
    """``the American weapons the YPG received``, ``Iranian drones that the army has obtained``: a material owned
    by one actor, then a relative clause whose subject receives it."""
    owned = lex_rx(
        s,
        "received_owned",
        lambda a: rf"\s+(?:[a-z0-9-]+\s+){{0,2}}?({a('materials.words')})\s+(?:(?:that|which)\s+)?(?:the\s+)?$",
    )
    verb = _receive_verb(s)
    out: list[Edge] = []
    for k in range(1, len(s.m)):
        i = k - 1
        mt = owned.fullmatch(s.f, s.m[i].end, s.m[k].start)
        mv = verb.match(s.f, s.m[k].end) if mt else None
        if mv and s.m[i].entity != s.m[k].entity and not s.g.humanitarian.search(mt.group(0)):
            type_ = s.g.lex.types["material"].get(cue_text(mt.group(1)), "unspecified")
            out += pairs([i], [k], mv.span(1), cue_text(mv.group(1)), "receive", type_)
    return out


def _receive_verb(s: Sentence) -> re.Pattern:
    """A one-word receiving verb after a name (its owner's "'s" and noun, "has" and an adverb may come between)."""
    return lex_rx(
        s,
        "received_verb",
        lambda a: (
            rf"(?:'s?\s+[a-z]+)?\s+(?:(?:has|have|had)\s+)?(?:[a-z]+ly\s+)?"
            rf"({alternation([w for w in s.g.lex.words['light_verbs.receive'] if ' ' not in w])})\b"
        ),
    )


def _received_from(s: Sentence) -> list[Edge]:
    """``the money the new Syrian government receives from Qatar``: a material, then a relative clause whose subject
    receives it from the actor named after "from" (the giver, and those listed with it)."""
    owned = lex_rx(
        s,
        "received_from_owned",
        lambda a: rf"\b(?:{a('materials.words')})\s+(?:(?:that|which)\s+)?(?:the\s+)?(?:[a-z-]+\s+)?$",
    )
    verb = _receive_verb(s)
    out: list[Edge] = []
    for k in range(len(s.m) - 1):
        mv = verb.match(s.f, s.m[k].end)
        frm = _FROM_GIVER.match(s.f, mv.end()) if mv else None
        if not frm or s.m[k + 1].start != frm.end() or not owned.search(s.f, max(0, s.m[k].start - 60), s.m[k].start):
            continue
        givers = [g for g in s.coordinated_fwd(k + 1) if s.m[g].entity != s.m[k].entity]
        out += pairs(givers, [k], mv.span(1), cue_text(mv.group(1) + " from"), "receive", "unspecified")
    return out


#: "from" (and the) before a giver
_FROM_GIVER = re.compile(r"\s+(?:[a-z]+ly\s+)?from\s+(?:the\s+)?")

#: what people bring from a place, not a giver ("Hezbollah's fighters came from Lebanon")
_PEOPLE_TYPES = frozenset({"troops", "advisers"})


def _came_from(s: Sentence) -> list[Edge]:
    """``Most of the RSF's weapons came from the UAE``, ``the funding for the rebels came mainly from Qatar``: the
    giver after "came from" backs the owner of the support or material before it (``'s``) or its receiver (after
    ``for``/``to``, before or after the giver: "weapons flowed from the UAE to the RSF"). Fighters and advisers
    coming from a country are its people, not its gift."""
    verb = lex_rx_for(
        s,
        "came_from",
        "light_verbs.source",
        lambda a: rf"({alternation(s.g.lex.words['light_verbs.source'], adverbs=True)})\s+(?:the\s+)?",
    )
    what = lex_rx(
        s,
        "came_from_what",
        lambda a: (
            rf"\b({a('support_nouns.words')}|{a('materials.words')})(?:\s+(?:for|to)\s+(?:the\s+)?(?P<to>)[^,;:]{{1,50}}?)?"
            rf"\s+(?:(?:has|have|had|also|[a-z]+ly)\s+){{0,2}}$"
        ),
    )
    out: list[Edge] = []
    for mt in s.matches(verb, "light_verbs.source"):
        w = what.search(s.f, max(0, mt.start() - 80), mt.start())
        backers = s.object_after(mt.end())
        noun = cue_text(w.group(1)) if w else ""
        type_ = s.g.lex.types["material"].get(noun, "unspecified")
        if not w or not backers or type_ in _PEOPLE_TYPES or s.g.humanitarian.search(s.f, w.start(), mt.start()):
            continue
        if w.group("to") is not None:  # the receiver named after "for" / "to"
            clients = s.object_after(w.start("to"))
        else:
            k = s.prev_index(w.start(1))
            owned = k >= 0 and re.fullmatch(r"'s?\s+(?:[a-z-]+\s+){0,2}", s.f[s.m[k].end : w.start(1)])
            clients = [k] if owned and s.head_of(k) == k else []
            to = _TO_AFTER.match(s.f, s.m[backers[-1]].end)
            clients = clients or (s.object_after(to.end()) if to else [])  # "weapons flowed from the UAE to the RSF"
        clients = [c for c in clients if c not in backers]
        if clients:
            type_ = type_ if noun in s.g.lex.types["material"] else modified_type(s, w.start(1), "unspecified")
            out += pairs(backers, clients, mt.span(1), cue_text(w.group(1) + " ... " + mt.group(1)), "receive", type_)
    return out


#: "to" or "for" right after the giver: the receiver follows ("arms came from the UAE to the RSF")
_TO_AFTER = re.compile(r"\s+(?:to|for)\b")


def _owes_to(s: Sentence) -> list[Edge]:
    """``Assad owes his survival to Russia and Iran``, ``Haftar's forces owe their gains largely to Emirati drones``,
    ``owe much of their firepower to the Emiratis`` (what is owed: a gain, a support noun or a material): the actor
    after "to" (or qualifying what follows it) backs the subject."""
    rx = lex_rx_for(
        s,
        "owes_to",
        "light_verbs.owe",
        lambda a: (
            rf"({a('light_verbs.owe')})\s+{OWED_PART}(?:{a('grammar.possessives')})\s+(?:[a-z-]+\s+){{0,2}}?"
            rf"({a('light_verbs.owed')}|{a('support_nouns.words')}|{a('materials.words')})"
            r"(?:\s+(?:at|in|on|during|since)\s+[\w-]+)?"  # "its survival at Kobani to"
            rf"\s+(?:(?:[a-z]+ly|in\s+(?:large\s+)?part|much|most|above\s+all)\s+)?to\s+(?:the\s+)?"
        ),
    )
    out: list[Edge] = []
    for mt in s.matches(rx, "light_verbs.owe"):
        clients = s.subject_before(mt.start())
        k = s.next_index(mt.end())
        backers = s.coordinated_fwd(k) if k < len(s.m) and s.m[k].start - mt.end() <= 1 else []
        while (
            backers
            and (k := s.next_index(s.m[backers[-1]].end)) < len(s.m)
            and _AND_TO.fullmatch(s.f, s.m[backers[-1]].end, s.m[k].start)
        ):  # "to Emirati money and weapons and to Egyptian support": a second "to"
            backers += s.coordinated_fwd(k)
        backers = [b for b in backers if b not in clients]
        out += pairs(backers, clients, mt.span(), cue_text(mt.group(0)), "receive", "unspecified")
    return out


#: a second "to" after the first backer and what it gave: "to Emirati money and weapons and to Egyptian support"
_AND_TO = re.compile(r"(?:'s?)?(?:\s+[a-z-]+){0,3}?\s*,?\s+and\s+(?:also\s+)?to\s+(?:the\s+)?")


def _without_would(s: Sentence) -> list[Edge]:
    """``Without Moscow's air power, the regime would have lost Hama``, ``Assad would have fallen without Russian
    and Iranian support``: a counterfactual says the subject of the modal clause relies on the owner of the
    support (after the opening phrase's comma, else the subject before the modal)."""
    rx = lex_rx_for(
        s, "without_support", "with_support.without", lambda a: rf"\b(?:{a('with_support.without')})\s+(?:the\s+)?$"
    )
    noun = lex_rx(
        s,
        "without_noun",
        lambda a: rf"(?:'s?)?\s+(?:[a-z-]+\s+){{0,2}}?({a('support_nouns.words')}|{a('materials.words')})\b",
    )
    modal = lex_rx(  # the perfect says the support was there: "would have fallen" ("would act without": no backing)
        s, "without_modal", lambda a: rf"\b(?:{a('with_support.modals')})(?:\s+(?:not|never|[a-z]+ly))?\s+have\b"
    )
    outcome = lex_rx(s, "without_outcome", lambda a: rf"\s+(?:[a-z]+ly\s+)?(?:{a('with_support.outcomes')})\b")
    out: list[Edge] = []
    for i, mi in enumerate(s.m if " have " in s.f else ()):
        w = rx.search(s.f, max(0, mi.start - 30), mi.start)
        backers = s.coordinated_fwd(i) if w else []
        n = noun.match(s.f, s.m[backers[-1]].end) if backers else None
        if not backers or s.head_of(i) != i:
            continue
        end = n.end() if n else s.m[backers[-1]].end  # "would not have survived without Iran": the actor alone
        fronted = not s.f[: w.start()].strip(" \"'")
        later = modal.search(s.f, end) if fronted else None
        later = later if later and (n or outcome.match(s.f, later.end())) else None
        before = None if fronted else modal.search(s.f, s.clause_start(w.start(), sub=True), w.start())
        before = before if before and outcome.match(s.f, before.end()) else None
        if later:
            client = subject_after_comma(s, end)
        elif before:
            client = s.clause_subject(before.start(), exclude=frozenset(backers))
        else:
            continue
        if client is not None and client not in backers:
            named = (s.m[backers[0]].start, s.m[backers[-1]].end)  # the actor stands for the support
            cue, span = (cue_text(n.group(1)), n.span(1)) if n else ("without", named)
            type_ = s.g.lex.types["material"].get(cue, "unspecified")
            out += pairs(backers, [client], span, cue, "receive", type_, {"counterfactual"})
    return out


def _weapons(s: Sentence) -> str:
    """The lexicon's weapons (materials of type ``weapons``) as one alternation."""
    return alternation([w for w, t in s.g.lex.types["material"].items() if t == "weapons"])


def _bought_goods(s: Sentence, mt: re.Match, buyers: list[int]) -> list[Edge]:
    """After a buying verb (``mt``) of ``buyers``: ``purchased Iranian drones`` (the state qualifying weapons sells
    and so arms the buyer); ``bought oil from Islamic State``, ``buys gold from the RSF`` (the buyer of an armed
    group's goods funds the group; from a state it is trade)."""
    k = s.next_index(mt.end())
    if k < len(s.m) and s.m[k].start == mt.end() and s.m[k].kind == "state":
        q = _qualified(s).match(s.f, s.m[k].end)
        if q is None:
            return []
        cue = cue_text(f"{mt.group(1)} {q.group(1)}")
        return pairs([k], [b for b in buyers if b != k], mt.span(1), cue, "receive", "weapons")
    goods = lex_rx(
        s,
        "bought_goods",
        lambda a: rf"(?:[\w$.,-]+\s+){{0,3}}?({a('light_verbs.goods')})(?:\s+[\w-]+){{0,3}}?\s+from\s+(?:the\s+)?",
    )
    g = goods.match(s.f, mt.end()) if s.has_cue("light_verbs.goods") else None
    k = s.next_index(g.end()) if g else len(s.m)
    if k >= len(s.m) or s.m[k].start != g.end() or s.m[k].kind != "faction" or s.m[k].via == "demonym":
        return []
    sellers = [j for j in s.coordinated_fwd(k) if s.m[j].kind == "faction"]
    return pairs(buyers, sellers, mt.span(1), cue_text(f"{mt.group(1)} {g.group(1)}"), "receive", "funding")


def _qualified(s: Sentence) -> re.Pattern:
    """Weapons after a state that qualifies them: ``Iranian drones``."""
    return lex_rx(s, "bought_qualified", lambda a: rf"(?:'s?)?\s+(?:[\w-]+\s+){{0,2}}?({_weapons(s)})\b")


def _bought(s: Sentence) -> list[Edge]:
    """``the army bought drones from Iran``, ``the army's purchase of S-300s from Moscow``, ``has purchased Iranian
    drones``: the seller of weapons (after "from", or the state qualifying them) arms the buyer (the subject, or
    the owner of the purchase noun). Other goods bought from an armed group fund it (:func:`_bought_goods`); from
    a state they are trade."""
    verb = lex_rx_for(
        s,
        "bought",
        "light_verbs.buy",
        lambda a: (
            rf"((?<='s\s)(?:{a('light_verbs.purchase')})\s+of|{alternation(s.g.lex.words['light_verbs.buy'])})\s+"
            rf"(?:(?:the|a|an|more|new|further|[\d$.,]+)\s+)*"
        ),
    )
    from_after = lex_rx(
        s,
        "bought_from",
        lambda a: rf"(?:[\w$.,-]+\s+){{0,3}}?({_weapons(s)})(?:\s+[\w-]+){{0,3}}?\s+from\s+(?:the\s+)?",
    )
    out: list[Edge] = []
    for mt in s.matches(verb, "light_verbs.buy", "light_verbs.purchase"):
        if mt.group(1).endswith("of") and not mt.group(1).startswith(("take", "took", "taking")):
            k = s.prev_index(mt.start())
            buyers = [k] if k >= 0 and s.m[k].end + 3 >= mt.start() and s.head_of(k) == k else []
        else:
            buyers = s.subject_before(mt.start())
        if re.search(r"\bto\s+$", s.f[max(0, mt.start() - 4) : mt.start()]) and s.prev_index(mt.start()) in buyers:
            continue  # "urged Syria to buy Russian weapons": a buyer named before "to" is only urged or asked
        f = from_after.match(s.f, mt.end())
        if f is None:
            out += _bought_goods(s, mt, buyers)
            continue
        k = s.next_index(f.end())
        # the seller itself right after "from", not its people ("from corrupt officers of", "Iraqi traders")
        direct = k < len(s.m) and s.m[k].start == f.end() and s.m[k].via != "demonym"
        sellers, cue = (s.coordinated_fwd(k) if direct else []), f.group(1)
        sellers = [b for b in sellers if b not in buyers]
        out += pairs(sellers, buyers, mt.span(1), cue_text(mt.group(1) + " " + cue), "receive", "weapons")
    return out
