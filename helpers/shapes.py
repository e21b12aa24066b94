"""The shapes of a backing statement, one small function each, over one :class:`~helpers.clauses.Sentence`.

Each function finds its cues (words from the lexicon, :mod:`helpers.cues`), binds the backer and the
client through the sentence's grammar (:mod:`helpers.clauses`) and returns :class:`Edge` records with
the indices of the two mentions, the cue's span and the support type. Modality, attribution and
confidence are added afterwards (:mod:`helpers.modality`, :mod:`helpers.support`).

Shapes (examples in the docstrings): :func:`compound` and :func:`verb` (with relative clauses, accusations and
purpose infinitives) here; :func:`~helpers.passiveshapes.passive` in :mod:`helpers.passiveshapes`;
:func:`~helpers.transfershapes.transfer` in
:mod:`helpers.transfershapes`; :func:`~helpers.nounshapes.noun`, :func:`~helpers.receiveshapes.receive`,
``with_support`` and ``thanks`` in :mod:`helpers.nounshapes`, ``role`` in :mod:`helpers.roleshapes`, ``fight`` in
:mod:`helpers.fightshapes`, ``beside`` in :mod:`helpers.besideshapes`;
:func:`all_edges` runs them all.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .besideshapes import beside
from .clauses import Sentence
from .cues import alternation
from .doers import doer, spent_before
from .edges import Edge, cue_text, lex_rx, pairs, without_aid_channels
from .ellipsis import said_again
from .fightshapes import fight
from .nounshapes import noun, thanks
from .passiveshapes import passive, programme_agent
from .payshapes import paid_debts
from .receiveshapes import receive
from .roleshapes import counted_backers, role
from .shieldshapes import shield
from .transfershapes import transfer
from .withshapes import with_support

__all__ = ["SHAPES", "Edge", "all_edges", "compound", "passive", "verb", "transfer"]

#: Shapes in the order they are tried; when two shapes give the same pair in one sentence the first wins.
SHAPES = (
    "compound",
    "passive",
    "role",
    "noun",
    "transfer",
    "verb",
    "receive",
    "fight",
    "beside",
    "thanks",
    "with",
    "shield",
)


# ------------------------------------------------------------------------------------------------
def _is_client(s: Sentence, j: int) -> bool:
    """The mention is itself the client of a compound ("US-backed [Kurdish fighters], Turkey-backed
    rebels"): it ends a list item, it does not start a list of backers."""
    rx = lex_rx(s, "compound_client", lambda a: rf"-\s*(?:{a('cues.participle')})\s+(?:[a-z'-]+\s+)?$")
    start = s.m[j - 1].end if j > 0 else max(0, s.m[j].start - 40)
    return bool(rx.search(s.f[start : s.m[j].start]))


_TARGET_OF = re.compile(r"\b(?:targets?|victims?|object)\s+of\s+(?:the\s+|an?\s+)?$")


def _event_client(s: Sentence, backers: list[int], end: int) -> list[int]:
    """``the regime's Iranian-backed advance``, ``the YPG is involved in a U.S.-backed offensive``, ``Assad's
    Moscow-backed government``: an action or body noun after ``X-backed``; its maker or owner (the possessor,
    else for an action the clause subject) is the client."""
    event = lex_rx(s, "compound_event", lambda a: rf"\s+(?:[a-z-]+\s+)?(?:{a('action_nouns.words')})\b")
    body = lex_rx(s, "compound_body", lambda a: rf"\s+(?:[a-z-]+\s+)?(?:{a('people_nouns.words')})\b")
    ev = event.match(s.f, end)
    if not ev and not body.match(s.f, end):
        return []
    is_event = ev is not None
    if ev:  # "a Russian-backed offensive by government troops": the agent of the action is the client
        agent = re.match(r"\s+(?:by|of)\s+(?:(?:the|a|an)\s+)?", s.f[ev.end() : ev.end() + 12])
        k = s.next_index(ev.end())
        if agent and k < len(s.m) and s.m[k].start == ev.end() + agent.end() and k not in backers:
            return [k]
    bd = body.match(s.f, end)
    if bd:  # "a Washington-backed alliance of militias, the SDF": the body is named after it
        for k in range(s.next_index(bd.end()), len(s.m)):  # the "of" phrase may name members on the way
            named = re.fullmatch(r"(?:\s+of\s+[\w\s-]{1,40}?)?\s*,\s*(?:the\s+)?", s.f[bd.end() : s.m[k].start])
            if named and k not in backers and s.m[k].kind != "state":  # not "US-backed forces, Russia and Iran"
                return [k]
            if s.m[k].start - bd.end() > 60:
                break
    first = backers[0]
    if first > 0 and re.fullmatch(r"'s?\s+(?:[a-z-]+\s+)?", s.gap(s.m[first - 1].end, s.m[first].start)):
        return [first - 1]  # "Assad's Moscow-backed government"
    if not is_event or _TARGET_OF.search(s.f, max(0, s.m[first].start - 24), s.m[first].start):
        return []  # "has been the target of a US-backed offensive": the subject is attacked, not backed
    c = s.clause_subject(s.m[first].start, exclude=frozenset(backers))
    return [c] if c is not None and c not in backers else []


def _means_client(s: Sentence, backers: list[int], end: int) -> list[int]:
    """``Hezbollah fought with Iranian-supplied rockets``, ``the army used Turkish-supplied drones``: a material
    after ``X-supplied`` that the clause's subject fights with; the subject is the client."""
    means = lex_rx(s, "compound_means", lambda a: rf"\s+(?:[a-z-]+\s+){{0,2}}?(?:{a('materials.words')})\b")
    verb = lex_rx(
        s,
        "compound_means_verb",
        lambda a: (
            rf"\b(?:{a('grammar.means_verbs')})\s+(?:(?:the|an?|{a('grammar.possessives')})\s+)?(?:[\w'-]+\s+){{0,2}}?$"
        ),
    )
    first = s.m[backers[0]].start
    if not means.match(s.f, end) or not verb.search(s.f, max(0, first - 50), first):
        return []
    c = s.clause_subject(first, exclude=frozenset(backers))
    return [c] if c is not None else []


def _described_group(s: Sentence, k: int) -> bool:
    """True when mention ``k`` only modifies a group noun after it (``rebel`` in ``the Saudi-backed rebel
    group``): the phrase describes a group, which an apposition may name before."""
    noun = lex_rx(s, "described_group", lambda a: rf"\s+(?:{a('grammar.stand_in_groups')})\b(?!\s+(?:and|or)\b)")
    return noun.match(s.f, s.m[k].end) is not None


def compound(s: Sentence) -> list[Edge]:
    """``US-backed SDF``, ``the Iranian- and Russian-backed Syrian government`` (two edges), ``Iran-backed
    Lebanese group Hezbollah``, and the apposition ``Hezbollah, the Iran-backed militia``.
    ``US-led``, ``Ankara-aligned``, ``Britain-based``, ``Russian-made`` are other relations: no edge."""
    rx = lex_rx(s, "compound", lambda a: rf"\s*-\s*({a('cues.participle')})\b")
    head_gap = lex_rx(
        s,
        "compound_head",
        lambda a: (
            rf"^\s*-?\s*(?:,\s*(?:{a('grammar.conjunctions')})?|"
            rf"(?:{a('grammar.conjunctions')})|/)\s*$"
        ),
    )
    appos = lex_rx(
        s,
        "compound_appos",
        lambda a: (
            rf"^\s*\)?\s*(?:,|\(|-)?\s*(?:(?:which|who|that)\s+)?(?:"
            rf"{a('grammar.copulas')}\s+)?(?:a|an|the|one of the)\s+$"
        ),
    )
    out: list[Edge] = []
    for i, mi in enumerate(s.m):
        mt = rx.match(s.f, mi.end)
        if not mt or s.f[mi.end : mi.end + 1] not in "- ":
            continue
        backers = [i]
        j = i
        while (
            j > 0
            and head_gap.match(s.gap(s.m[j - 1].end, s.m[j].start))
            and not _is_client(s, j - 1)
            and s.m[j - 1].kind == s.m[j].kind
            and not (
                s.m[j - 1].via == "name" and s.m[j].via == "demonym" and "-" not in s.gap(s.m[j - 1].end, s.m[j].start)
            )
        ):  # "both IS and Washington-backed militias": IS backs nothing; "Russia and Iranian-backed militias": Russia
            j -= 1
            backers.insert(0, j)
        form = mt.group(1)
        after = re.match(r"(?:\s*,\s*[a-z]+-[a-z]+)+(?=\s)", s.f[mt.end() : mt.end() + 40])  # ", Kurdish-led"
        clients = s.object_after(
            mt.end() + (after.end() if after else 0), limit=12 * s.g.lex.windows["compound_modifiers"]
        )
        clients = [c for c in clients if c not in backers][:1]
        if clients and backers[0] > 0 and _described_group(s, clients[0]):
            y = backers[0] - 1  # "Jaysh al-Islam, the Saudi-backed rebel group": the group named before
            if appos.match(s.gap(s.m[y].end, s.m[backers[0]].start)) and s.head_of(y) == y:
                clients = [y]
        if not clients:
            clients = _means_client(s, backers, mt.end()) or _event_client(s, backers, mt.end())
        if not clients and backers[0] > 0:
            y = backers[0] - 1  # "Hezbollah, the Iran-backed militia"
            if appos.match(s.gap(s.m[y].end, s.m[backers[0]].start)) and s.head_of(y) == y:
                clients = [y]
        clients += [k for k in _others_before(s, backers[0]) if k not in clients]
        out += pairs(backers, clients, (mt.start(1), mt.end(1)), form, "compound", s.g.lex.type_of(form, "participle"))
    return out


#: "Hezbollah and other Iranian-backed militias": what comes before "and other" is one of the backed groups too
_AND_OTHER = re.compile(r"\s*,?\s+(?:and|as\s+well\s+as|or)\s+(?:several\s+|many\s+|the\s+)?other\s+")


def _others_before(s: Sentence, i: int) -> list[int]:
    """The actors listed right before "and other" when mention ``i`` opens a compound after it."""
    k = i - 1
    return s.coordinated_back(k) if k >= 0 and _AND_OTHER.fullmatch(s.gap(s.m[k].end, s.m[i].start)) else []


def _particle_head(s: Sentence, start: int) -> bool:
    """True when a verb taking "back" as its particle ends right before ``start`` ("pushed back", "hit back")."""
    rx = lex_rx(s, "particle_head", lambda a: rf"\b(?:{a('grammar.particle_heads')})\s+$")
    return rx.search(s.f, max(0, start - 16), start) is not None


def _verb_is_noun_or_adjective(s: Sentence, start: int, end: int) -> bool:
    before = s.f[max(0, start - 12) : start]
    after = s.f[end : end + 24]
    det = lex_rx(s, "verb_det", lambda a: rf"(?:^|\s)(?:the|a|an|{a('grammar.possessives')}|'s)\s+$")
    if s.f[start:end] == "back" and _particle_head(s, start):
        return True  # "helped the army push back the RSF": a particle, not the verb
    compound = lex_rx(s, "verb_compound", lambda a: rf"\s+(?:{a('grammar.noun_compound_heads')})\b")
    return bool(
        before.endswith("-")
        or det.search(before)
        or compound.match(s.f, end)
        or re.match(r"\s+(?:[a-z]+ly\s+)?by\b", after)
        or (  # "support for Assad" is the noun; "supported for 13 years" still the verb
            re.match(r"\s+(?:for|to|of|from)\b", after) is not None and not s.f[start:end].endswith("ed")
        )
    )


def verb(s: Sentence) -> list[Edge]:
    """``Iran arms Hezbollah``, ``Iran and Russia are propping up Assad``, ``Iran says it will keep backing
    Damascus``, ``Syria accused Turkey of arming rebels`` (turkey backs), ``the SDF, which Washington
    supports`` (relative clause), ``Turkey, which Tehran has accused of backing the rebels`` (turkey
    backs, alleged), ``Russia sent advisers to help Assad`` (purpose: the clause subject backs)."""
    rx = lex_rx(s, "verb", lambda a: rf"({alternation(s.g.lex.words['cues.verb'], adverbs=True)})\b")
    chain = lex_rx(
        s, "verb_chain", lambda a: rf"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|and/or)\s+)(?:{a('cues.verb')})\b"
    )
    target = lex_rx(s, "target_after", lambda a: rf"\s+(?:{a('grammar.target_nouns')})\b")
    opposed = lex_rx(s, "opposed_before", lambda a: rf"\b(?:{a('grammar.opposed')})\s+(?:[a-z]+ly\s+)?$")
    weak = s.g.lex.weak_forms()
    out: list[Edge] = []
    chained = 0  # the end of the last chain of verbs read ("funding and arming"): its later verbs are done
    for mt in s.matches(rx, "cues.verb"):
        a, b = mt.span(1)
        if a < chained or _verb_is_noun_or_adjective(s, a, b) or opposed.search(s.f, max(0, a - 30), a):
            continue  # "its opposition to arming the YPG": the subject does not arm
        form = cue_text(mt.group(1))
        if not form.split()[0].endswith("ing") and _PASSIVE_AUX.search(s.f, max(0, a - 24), a):
            continue  # "which UN experts say has been supplied via Chad": a passive, read by the passive shape
        if form in weak and s.g.verb_next.match(s.f, b) and not _name_at(s, b):
            continue  # "help fight Isis", "help deter Putin": the object is fought (not "help Free Syrian Army")
        alone = True  # one verb, not a chain ("sheltered and armed the Syrian army": armed applies)
        while (more := chain.match(s.f, b)) is not None:  # "armed, trained and funded Hezbollah"
            b = chained = more.end()
            alone = False
        clients = _verb_objects(s, b, target)
        if clients is None:
            continue  # "back Isis air strikes": the strikes on Isis are backed, not Isis
        if alone and form in s.g.lex.group_client_forms():
            clients = [k for k in clients if s.m[k].kind != "state"]  # "sheltering Assad in Moscow": asylum
        if not clients and not _may_close_relative(s, b):
            continue  # no object and no relative clause the verb closes: no client, whoever its subject
        flags = {"weak_cue"} if form in weak else set()
        backers, flags = doer(s, form, (a, b), flags)  # asked once a client may stand (the costly question)
        if not backers:
            continue
        if not clients:
            y = s.relative_antecedent(backers[0])
            y = s.contact_antecedent(backers[0], b) if y is None else y  # "the rebels Washington backs"
            clients = [y] if y is not None and y not in backers else []
            flags |= {"relative"} if clients else set()
        out += pairs(backers, clients, (a, b), cue_text(s.f[a:b]), "verb", s.g.lex.type_of(form, "verb"), flags)
    return out + _object_tails(s) + paid_debts(s)


def _verb_objects(s: Sentence, b: int, target: re.Pattern) -> list[int] | None:
    """The objects of a backing verb ending at ``b`` (or of a second verb sharing them, or what is bought for them);
    None when they only qualify the target of what is backed ("back Isis air strikes")."""
    clients = s.object_after(b)
    other = None if clients else _OTHER_VERB.match(s.f, b)  # "had armed or directed HTS": a shared object
    clients = s.object_after(other.end()) if other else clients or _bought_for(s, b)
    if clients and s.m[clients[0]].via != "demonym" and target.match(s.f, s.m[clients[-1]].end):
        return None
    return clients


def _may_close_relative(s: Sentence, b: int) -> bool:
    """Whether a mention opens a relative clause that a verb ending at ``b`` may close ("the SDF, which Washington
    supports", "the rebels Washington backs"): else a verb with no object has no client, whoever its subject."""
    return any(
        s.relative_antecedent(j) is not None or s.contact_antecedent(j, b) is not None for j in range(1, len(s.m))
    )


#: a passive auxiliary right before a participle: "has been supplied", "was armed"
_PASSIVE_AUX = re.compile(r"\b(?:been|being|is|are|was|were|be|get|gets|got)\s+(?:[a-z]+ly\s+)?$")

#: a second verb sharing the cue verb's object: "armed or directed HTS", "arms and directs Hezbollah"
_OTHER_VERB = re.compile(r"\s*,?\s+(?:and|or|and/or)\s+(?!(?:then|later|now|also)\b)[a-z]+(?:ed|es|s|ing)\s+")


def _bought_for(s: Sentence, b: int) -> list[int]:
    """``funded the purchase of weapons for the rebels``: the client a material is bought or moved for."""
    rx = lex_rx(
        s,
        "bought_for",
        lambda a: (
            r"\s+(?:the\s+)?(?:purchase|purchases|purchasing|buying|acquisition|procurement|delivery|deliveries|"
            rf"transport|shipment|shipments|smuggling)\s+of\s+(?:[\w$.,-]+\s+){{0,3}}?(?:{a('materials.words')})"
            r"\s+(?:for|to)\s+(?:the\s+)?"
        ),
    )
    mt = rx.match(s.f, b)
    return s.object_after(mt.end()) if mt else []


def _name_at(s: Sentence, pos: int) -> bool:
    """True when an actor's name starts right after ``pos`` (one space): "help Free Syrian Army fighters"."""
    k = s.next_index(pos)
    return k < len(s.m) and s.m[k].start - pos <= 1


def _object_tails(s: Sentence) -> list[Edge]:
    """``Russia kept Assad in power``, ``Gulf money kept the rebels afloat``: the verb, its object, then the
    phrase that makes it backing; the subject backs the object."""
    if not s.g.lex.words.get("object_tails.verbs"):
        return []
    before = lex_rx(
        s,
        "tail_verb",
        lambda a: (
            rf"\b({a('object_tails.verbs')})\s+(?:(?:the|{a('grammar.possessives')})"
            rf"\s+)?(?:(?:{a('grammar.person_titles')})\s+)?$"  # "kept President Bashar al-Assad in power"
        ),
    )
    tail = lex_rx(s, "tail_after", lambda a: rf"{s.g.np_tail}\s+({a('object_tails.tails')})\b")
    purpose = lex_rx(s, "purpose_before", lambda a: rf"\b(?:{a('purpose.words')})\s+(?:(?:[a-z]+ly)\s+)?$")
    out: list[Edge] = []
    last_words = s.g.lex.built(
        "object_tail_last_words",
        lambda: tuple({t.split()[-1] for t in s.g.lex.words["object_tails.tails"] if t.split()}),
    )
    tails = any(w in s.f for w in last_words)  # "in power", "afloat"
    for k, mk in enumerate(s.m if tails else ()):
        v = before.search(s.f, max(0, mk.start - 30), mk.start)
        t = tail.match(s.f, mk.end) if v else None
        if t:
            backers = s.subject_before(v.start(1))
            if not backers and (
                (v.group(1).endswith("ing") and spent_before(s, v.start(1)))
                or purpose.search(s.f[max(0, v.start(1) - 16) : v.start(1)])
            ):  # "Tehran spent $30bn keeping Assad in power", "bombers flew sorties to keep Assad in power"
                c0 = s.clause_subject(v.start(1))
                backers = [] if c0 is None else s.coordinated_fwd(c0)
            out += pairs(
                backers,
                [k],
                (v.start(1), t.end(1)),
                cue_text(v.group(1) + " ... " + t.group(1)),
                "verb",
                "unspecified",
            )
    return out + _tails_of_relative(s)


def _tails_of_relative(s: Sentence) -> list[Edge]:
    """``Assad, whom Moscow kept in power for a decade``: the verb and its tail with no object after it, in a
    relative clause: its subject backs the antecedent."""
    rx = lex_rx(
        s, "tail_bare", lambda a: rf"\b({a('object_tails.verbs')})\s+(?:[a-z]+ly\s+)?({a('object_tails.tails')})\b"
    )
    out: list[Edge] = []
    for mt in rx.finditer(s.f) if "whom" in s.f or "which" in s.f else ():
        backers = s.subject_before(mt.start(1))
        y = s.relative_antecedent(backers[0]) if backers else None
        if y is not None:
            out += pairs(backers, [y], mt.span(), cue_text(mt.group(1) + " ... " + mt.group(2)), "verb", "unspecified")
    return out


def all_edges(s: Sentence, reference: frozenset = frozenset(), awake: frozenset[str] | None = None) -> list[Edge]:
    """Every shape's edges in one sentence, in :data:`SHAPES` order (only the ``awake`` shapes, when given:
    those whose cue words the sentence holds)."""
    on = set(SHAPES) if awake is None else awake
    compounds = compound(s) if "compound" in on or "passive" in on else []
    out = list(compounds)
    for name, fn in _READERS:
        if name in on:
            out += fn(s, compounds, reference)
    return without_aid_channels(s, said_again(s, out + _senders(s, out)))


#: the shapes after the compound one, in :data:`SHAPES` order: each reads (sentence, compound edges, reference edges)
_READERS = (
    ("passive", lambda s, compounds, _ref: passive(s, compounds) + programme_agent(s)),
    ("role", lambda s, _c, _ref: role(s)),
    ("noun", lambda s, _c, _ref: noun(s)),
    ("transfer", lambda s, _c, _ref: transfer(s)),
    ("verb", lambda s, _c, _ref: verb(s) + counted_backers(s)),
    ("receive", lambda s, _c, _ref: receive(s)),
    ("fight", lambda s, _c, reference: fight(s, reference)),
    ("beside", lambda s, _c, reference: beside(s, reference)),
    ("thanks", lambda s, _c, _ref: thanks(s)),
    ("with", lambda s, _c, _ref: with_support(s)),
    ("shield", lambda s, _c, _ref: shield(s)),
)


def _senders(s: Sentence, edges: list[Edge]) -> list[Edge]:
    """``Iran sent Hezbollah fighters to help Assad``: whoever sent the doers of a purpose ("to help", "to fight
    for", "to keep ... in power") backs its client too (the subject of a transfer verb just before them)."""
    sent = lex_rx(
        s,
        "sent_before",
        lambda a: rf"\b({a('transfers.verbs')})\s+(?:(?:the|{a('grammar.possessives')})\s+)?(?:[a-z-]+\s+)?$",
    )
    out: list[Edge] = []
    for cue_start in {e.cue_start for e in edges}:
        mine = [e for e in edges if e.cue_start == cue_start]
        first, last = min(e.b for e in mine), max(e.b for e in mine)
        if not re.fullmatch(r"(?:'s)?(?:\s+[a-z-]+){0,2}\s+to\s+", s.f[s.m[last].end : cue_start]):
            continue  # not "<doers> (fighters) to <cue>"
        v = sent.search(s.f, max(0, s.m[first].start - 40), s.m[first].start)
        found = (s.subject_before(v.start(1)) or [s.relative_subject(v.start(1))]) if v else []
        senders = [k for k in found if k is not None and k not in {e.b for e in mine}]  # "Iran, which ... and sent"
        out += [replace(e, b=k, flags=e.flags | {"sender"}) for k in senders for e in mine if k != e.c]
    return out
