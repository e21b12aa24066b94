"""The shapes of a backing statement, one small function each, over one :class:`~helpers.clauses.Sentence`.

Each function finds its cues (words from the lexicon, :mod:`helpers.cues`), binds the backer and the
client through the sentence's grammar (:mod:`helpers.clauses`) and returns :class:`Edge` records with
the indices of the two mentions, the cue's span and the support type. Modality, attribution and
confidence are added afterwards (:mod:`helpers.modality`, :mod:`helpers.support`).

Shapes (examples in the docstrings): :func:`compound`, :func:`passive`, :func:`verb` (with relative
clauses, accusations and purpose infinitives), :func:`transfer`, :func:`noun`, :func:`receive`,
:func:`with_support`, :func:`role`, :func:`fight`, :func:`thanks`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clauses import Sentence
from .cues import alternation

#: Shapes in the order they are tried; when two shapes give the same pair in one sentence the first wins.
SHAPES = ("compound", "passive", "role", "noun", "transfer", "verb", "receive", "fight", "thanks", "with")


@dataclass
class Edge:
    """A backing statement found in one sentence (mention indices and sentence offsets)."""

    b: int
    c: int
    cue_start: int
    cue_end: int
    cue: str
    shape: str
    type: str = "unspecified"
    flags: set[str] = field(default_factory=set)


def _pairs(backers: list[int], clients: list[int], span: tuple[int, int], cue: str, shape: str, type_: str,
           flags: set[str] | None = None) -> list[Edge]:
    return [Edge(b, c, span[0], span[1], cue, shape, type_, set(flags or ())) for b in backers for c in clients
            if b != c]


def _cue(text: str) -> str:
    return " ".join(text.split())


def _rx(s: Sentence, name: str, build) -> re.Pattern:
    return s.g.lex.rx(name, lambda: build(s.g.lex.alt))


def _modified_type(s: Sentence, noun_start: int, default: str) -> str:
    """``air support``: air_power; ``financial backing``: funding (the word before the noun decides)."""
    words = s.f[max(0, noun_start - 25):noun_start].split()
    if words:
        t = s.g.lex.types.get("modifier", {}).get(words[-1].strip(",'"))
        if t and t != "unspecified":
            return t
    return default


# ------------------------------------------------------------------------------------------------
def _is_client(s: Sentence, j: int) -> bool:
    """The mention is itself the client of a compound ("US-backed [Kurdish fighters], Turkey-backed
    rebels"): it ends a list item, it does not start a list of backers."""
    rx = _rx(s, "compound_client", lambda a: rf"-\s*(?:{a('cues.participle')})\s+(?:[a-z'-]+\s+)?$")
    start = s.m[j - 1].end if j > 0 else max(0, s.m[j].start - 40)
    return bool(rx.search(s.f[start:s.m[j].start]))


def _event_client(s: Sentence, backers: list[int], end: int) -> list[int]:
    """``the regime's Iranian-backed advance``, ``the YPG is involved in a U.S.-backed offensive``, ``Assad's
    Moscow-backed government``: an action or body noun after ``X-backed``; its maker or owner (the possessor,
    else for an action the clause subject) is the client."""
    event = _rx(s, "compound_event", lambda a: rf"\s+(?:[a-z-]+\s+)?(?:{a('action_nouns.words')})\b")
    body = _rx(s, "compound_body", lambda a: rf"\s+(?:[a-z-]+\s+)?(?:{a('people_nouns.words')})\b")
    is_event = bool(event.match(s.f, end))
    if not is_event and not body.match(s.f, end):
        return []
    first = backers[0]
    if first > 0 and re.fullmatch(r"'s?\s+(?:[a-z-]+\s+)?", s.gap(s.m[first - 1].end, s.m[first].start)):
        return [first - 1]  # "Assad's Moscow-backed government"
    if not is_event:
        return []
    c = s.clause_subject(s.m[first].start, exclude=frozenset(backers))
    return [c] if c is not None and c not in backers else []


def compound(s: Sentence) -> list[Edge]:
    """``US-backed SDF``, ``the Iranian- and Russian-backed Syrian government`` (two edges), ``Iran-backed
    Lebanese group Hezbollah``, and the apposition ``Hezbollah, the Iran-backed militia``.
    ``US-led``, ``Ankara-aligned``, ``Britain-based``, ``Russian-made`` are other relations: no edge."""
    rx = _rx(s, "compound", lambda a: rf"\s*-\s*({a('cues.participle')})\b")
    head_gap = _rx(s, "compound_head", lambda a: rf"^\s*-?\s*(?:,\s*(?:{a('grammar.conjunctions')})?|"
                                                 rf"(?:{a('grammar.conjunctions')})|/)\s*$")
    appos = _rx(s, "compound_appos", lambda a: rf"^\s*(?:,|\(|-)?\s*(?:(?:which|who|that)\s+)?(?:"
                                               rf"{a('grammar.copulas')}\s+)?(?:a|an|the|one of the)\s+$")
    out: list[Edge] = []
    for i, mi in enumerate(s.m):
        mt = rx.match(s.f, mi.end)
        if not mt or s.f[mi.end:mi.end + 1] not in "- ":
            continue
        backers = [i]
        j = i
        while j > 0 and head_gap.match(s.gap(s.m[j - 1].end, s.m[j].start)) and not _is_client(s, j - 1) \
                and s.m[j - 1].kind == s.m[j].kind:  # "both IS and Washington-backed militias": IS backs nothing
            j -= 1
            backers.insert(0, j)
        form = mt.group(1)
        after = re.match(r"(?:\s*,\s*[a-z]+-[a-z]+)+(?=\s)", s.f[mt.end():mt.end() + 40])  # ", Kurdish-led"
        clients = s.object_after(mt.end() + (after.end() if after else 0),
                                 limit=12 * s.g.lex.windows["compound_modifiers"])
        clients = [c for c in clients if c not in backers][:1]
        if not clients:
            clients = _event_client(s, backers, mt.end())
        if not clients and backers[0] > 0:
            y = backers[0] - 1  # "Hezbollah, the Iran-backed militia"
            if appos.match(s.gap(s.m[y].end, s.m[backers[0]].start)) and s.head_of(y) == y:
                clients = [y]
        out += _pairs(backers, clients, (mt.start(1), mt.end(1)), form, "compound",
                      s.g.lex.type_of(form, "participle"))
    return out


def _passive_backers(s: Sentence, pos: int, compounds: list[Edge]) -> list[int]:
    j = s.next_index(pos)
    if j < len(s.m) and s.m[j].start - pos > 1:
        # "backed by fierce air strikes from Russia", "backed by air strikes launched by the coalition"
        by_means = _rx(s, "passive_means", lambda a: rf"(?:[a-z-]+\s+){{0,2}}?(?:{a('support_nouns.words')}|"
                                                     rf"{a('materials.words')})\s+(?:from|of|(?:launched|carried\s+out|"
                                                     rf"conducted|flown|provided|supplied|sent)\s+by)\s+"
                                                     rf"(?:(?:the|{a('grammar.possessives')})\s+)?")
        mt = by_means.match(s.f, pos)
        if not mt or s.m[j].start != mt.end():
            return []
    if j >= len(s.m):
        return []
    if re.match(r"\s*-\s*[a-z]+", s.f[s.m[j].end:s.m[j].end + 30]):
        # "backed by Iranian-backed militias": the militias back, when they are named
        inner = next((e.c for e in compounds if e.b == j), None)
        return s.coordinated_fwd(inner) if inner is not None else []
    head = s.head_of(j)
    return s.coordinated_fwd(head) if head is not None else []


def passive(s: Sentence, compounds: list[Edge] | None = None) -> list[Edge]:
    """``forces backed by Russia``, ``Assad, backed by Russia and Iran`` (two edges), ``the SDF, which has
    long been supported by Washington``, ``the army's offensive, backed by Russian jets``, ``The SDF,
    a Kurdish-led alliance, is backed by the US`` (the clause subject), and chains (``armed by Washington,
    paid by Riyadh``: one client)."""
    rx = _rx(s, "passive", lambda a: rf"({a('cues.participle')})\s+(?:(?:{a('grammar.adverbs')}|[a-z]+ly|"
                                     rf"in\s+part|at\s+times|and\s+(?:{a('cues.participle')}))\s+)*by\s+"
                                     rf"(?:(?:the|{a('grammar.possessives')})\s+)?")
    out: list[Edge] = []
    chain: dict[int, int] = {}
    for mt in s.matches(rx, "cues.participle"):
        if s.f[max(0, mt.start() - 1):mt.start()] == "-":
            continue
        backers = _passive_backers(s, mt.end(), compounds if compounds is not None else compound(s))
        if not backers:
            continue
        prev = s.prev_index(mt.start())
        if prev in chain and re.fullmatch(r"\s*,?\s*(?:and|or)?\s*", s.gap(s.m[prev].end, mt.start())):
            client, far = chain[prev], False  # "armed by Washington, paid by Riyadh or funded by Qatar"
        else:
            client, far = s.passive_client(mt.start(), exclude=frozenset(backers))
        if client is None or client in backers:
            continue
        for b in backers:
            chain[b] = client
        form = mt.group(1)
        out += _pairs(backers, [client], (mt.start(1), mt.end(1)), form, "passive",
                      s.g.lex.type_of(form, "participle"), {"clause_subject"} if far else None)
    return out


def _verb_is_noun_or_adjective(s: Sentence, start: int, end: int) -> bool:
    before = s.f[max(0, start - 12):start]
    after = s.f[end:end + 24]
    det = _rx(s, "verb_det", lambda a: rf"(?:^|\s)(?:the|a|an|{a('grammar.possessives')}|'s)\s+$")
    compound = _rx(s, "verb_compound", lambda a: rf"\s+(?:{a('grammar.noun_compound_heads')})\b")
    return bool(before.endswith("-") or det.search(before) or compound.match(s.f, end) or
                re.match(r"\s+(?:[a-z]+ly\s+)?by\b", after) or re.match(r"\s+(?:for|to|of|from)\b", after))


def verb(s: Sentence) -> list[Edge]:
    """``Iran arms Hezbollah``, ``Iran and Russia are propping up Assad``, ``Iran says it will keep backing
    Damascus``, ``Syria accused Turkey of arming rebels`` (turkey backs), ``the SDF, which Washington
    supports`` (relative clause), ``Turkey, which Tehran has accused of backing the rebels`` (turkey
    backs, alleged), ``Russia sent advisers to help Assad`` (purpose: the clause subject backs)."""
    rx = _rx(s, "verb", lambda a: rf"({alternation(s.g.lex.words['cues.verb'], adverbs=True)})\b")
    chain = _rx(s, "verb_chain", lambda a: rf"(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or|and/or)\s+)(?:{a('cues.verb')})\b")
    purpose = _rx(s, "purpose_before", lambda a: rf"\b(?:{a('purpose.words')})\s+(?:(?:[a-z]+ly)\s+)?$")
    weak = s.g.lex.weak_forms()
    out: list[Edge] = []
    for mt in s.matches(rx, "cues.verb"):
        a, b = mt.span(1)
        if _verb_is_noun_or_adjective(s, a, b):
            continue
        form = _cue(mt.group(1))
        if form in weak and s.g.verb_next.match(s.f, b):
            continue  # "help fight Isis", "help deter Putin": the object is fought, not backed
        while (more := chain.match(s.f, b)) is not None:  # "armed, trained and funded Hezbollah"
            b = more.end()
        flags = {"weak_cue"} if form in weak else set()
        backers = s.subject_before(a)
        if not backers and purpose.search(s.f[max(0, a - 16):a]):
            c0 = s.relative_subject(a)
            c0 = s.clause_subject(a) if c0 is None else c0
            if c0 is None:  # "Nato chief: west must brace to support Ukraine": not across a colon
                c0 = s.clause_subject(a, whole=True)
                c0 = None if c0 is not None and ":" in s.f[s.m[c0].end:a] else c0
            backers, flags = (s.coordinated_fwd(c0), flags | {"clause_subject"}) if c0 is not None else ([], flags)
        if not backers:
            continue
        clients = s.object_after(b)
        if not clients:
            y = s.relative_antecedent(backers[0])
            clients = [y] if y is not None and y not in backers else []
            flags |= {"relative"} if clients else set()
        out += _pairs(backers, clients, (a, b), _cue(s.f[a:b]), "verb", s.g.lex.type_of(form, "verb"), flags)
    return out


def _bare_aid(s: Sentence, mt: re.Match) -> bool:
    """``aid``, ``assistance`` or ``help`` with no word saying military or money: aid to people."""
    if _cue(mt.group(1)) not in ("aid", "assistance", "help"):
        return False
    words = s.f[max(0, mt.start(1) - 25):mt.start(1)].split()
    return not words or words[-1].strip(",'") not in s.g.lex.types.get("modifier", {})


def transfer(s: Sentence) -> list[Edge]:
    """``Russia delivered S-300 air defence systems to Syria``, ``Iran sent weapons and fighters to
    Hezbollah``, ``the US provided the SDF with arms``; not ``sent humanitarian aid to``."""
    rx = _rx(s, "transfer", lambda a: rf"({a('transfers.verbs')})\b")
    mat = _rx(s, "transfer_material", lambda a: (
        rf"\s+(?:(?!(?:{a('humanitarian.words')}|{a('grammar.prepositions')})\b)[\w$.,'-]+\s+){{0,"
        rf"{s.g.lex.windows['transfer_words']}}}?({a('materials.words')})(?:\s+(?!(?:to|for|into|with)\b)[\w-]+)"
        rf"{{0,5}}?\s+(?:to|for|into)\s+(?:(?:the|{a('grammar.possessives')})\s+)?"))
    with_mat = _rx(s, "transfer_with", lambda a: rf"\s+with\s+(?:[\w$.,'-]+\s+){{0,3}}?({a('materials.words')})\b")
    out: list[Edge] = []
    for mt in s.matches(rx, "transfers.verbs"):
        a, b = mt.span(1)
        backers = s.subject_before(a)
        if not backers:
            continue
        m2 = mat.match(s.f, b)
        if m2 and (s.g.verb_next.match(s.f, m2.end() - 1) or _bare_aid(s, m2)):
            m2 = None  # "sending troops to battle Isis" (a purpose); "send aid to Turkey" (humanitarian)
        if m2 and not s.g.humanitarian.search(s.f, b, m2.start(1)):
            clients = s.object_after(m2.end())
            out += _pairs(backers, clients, (a, m2.end(1)), _cue(mt.group(1) + " " + m2.group(1)), "transfer",
                          s.g.lex.types["material"].get(_cue(m2.group(1)), "unspecified"))
            continue
        clients = s.object_after(b)
        if clients:
            m3 = with_mat.match(s.f, s.m[clients[-1]].end)
            if m3:
                out += _pairs(backers, clients, (a, m3.end(1)), _cue(mt.group(1) + " " + m3.group(1)), "transfer",
                              s.g.lex.types["material"].get(_cue(m3.group(1)), "unspecified"))
    return out + _sent_materials(s)


def _sent_materials(s: Sentence) -> list[Edge]:
    """``UK arms sold to Saudi Arabia``, ``Russian weapons delivered to the Syrian army``: the owner of the
    material backs whoever it goes to."""
    rx = _rx(s, "transfer_owned", lambda a: rf"\s+(?:[a-z0-9-]+\s+){{0,2}}?({a('materials.words')})\s+(?:(?:being|were|"
                                            rf"was|are|is|have\s+been|has\s+been|had\s+been)\s+)?(?:[a-z]+ly\s+)?"
                                            rf"(sold|supplied|shipped|delivered|sent|provided|given|transferred|"
                                            rf"smuggled|exported|airlifted|airdropped|donated)\s+(?:to|for)\s+"
                                            rf"(?:the\s+)?")
    out: list[Edge] = []
    for i, mi in enumerate(s.m):
        mt = rx.match(s.f, mi.end)
        if not mt or s.g.humanitarian.search(s.f, mi.end, mt.start(1)):
            continue
        out += _pairs([i], s.object_after(mt.end()), (mt.start(1), mt.end(2)), _cue(mt.group(1) + " " + mt.group(2)),
                      "transfer", s.g.lex.types["material"].get(_cue(mt.group(1)), "unspecified"))
    return out


def _noun_pattern(a) -> str:
    nouns = "|".join([a("support_nouns.words"), a("transfers.nouns")])
    tail = (rf"({nouns})(?:\s+of\s+(?:[\w-]+\s+){{0,3}}?(?:{a('materials.words')}))?\s+"
            rf"(?:for|to|of|towards|behind|in favour of)\s+(?:(?:the|{a('grammar.possessives')})\s+)?")
    # "Moscow's continued backing of", or a modifier without "'s": "Russian military support for" (no verbs)
    free = rf"(?!(?:{a('grammar.prepositions')}|{a('grammar.conjunctions')})\b)[a-z-]+"
    plain = rf"(?!(?:{a('grammar.prepositions')}|{a('grammar.conjunctions')}|{a('grammar.auxiliaries')}|" \
            rf"{a('attribution.speech')}|{a('cues.verb')})\b)(?![a-z]+ed\b)[a-z-]+"
    return rf"(?:'s?\s+(?:{free}\s+){{0,2}}?|\s+(?:{plain}\s+){{0,2}}?){tail}"


def noun(s: Sentence) -> list[Edge]:
    """``Moscow's backing of Damascus``, ``Russian military support for Assad``, ``Iran's deliveries of
    missiles to Hezbollah``, ``support for the rebels from Qatar``, ``Russia voiced its support for Assad``,
    ``strikes in support of Assad`` (the clause subject backs)."""
    out: list[Edge] = []
    owner = _rx(s, "noun_owner", _noun_pattern)
    for i, mi in enumerate(s.m):
        mt = owner.match(s.f, mi.end)
        if not mt or s.head_of(i) != i or s.g.humanitarian.search(s.f, mi.end, mt.start(1)):
            continue
        clients = s.object_after(mt.end())
        out += _pairs(s.coordinated_back(i), clients, mt.span(1), _cue(mt.group(1)), "noun",
                      _modified_type(s, mt.start(1), s.g.lex.type_of(mt.group(1), "noun")))
    out += _light_verb_nouns(s) + _from_to_nouns(s) + _in_support_of(s) + _whose(s) + _subject_owned(s)
    return out


def _subject_owned(s: Sentence) -> list[Edge]:
    """``Russia, with its military support for Assad, ...`` and ``Moscow signed contracts for supplies of air
    defence systems to Damascus``: a support or transfer noun with no named owner; the clause subject backs."""
    after = _rx(s, "owned_after", lambda a: rf"(?:\s+of\s+(?:[\w$.-]+\s+){{0,4}}?({a('materials.words')})"
                                            rf"(?:\s+[\w-]+){{0,2}}?)?\s+(?:for|to|of|towards|behind)\s+"
                                            rf"(?:(?:the|{a('grammar.possessives')})\s+)?")
    poss = _rx(s, "owned_poss", lambda a: rf"\b(?:{a('grammar.possessives')})\s+(?:[a-z-]+\s+){{0,2}}?$")
    out: list[Edge] = []
    for cs, ce, keys in s.cues or []:
        transfer_noun = "transfers.nouns" in keys
        if not (transfer_noun or "support_nouns.words" in keys):
            continue
        own = poss.search(s.f, max(0, cs - 30), cs)
        mt = after.match(s.f, ce)
        if not mt or not (own or (transfer_noun and mt.group(1))) or s.g.humanitarian.search(s.f, max(0, cs - 30), ce):
            continue
        prev = s.prev_index(cs)
        if prev >= 0 and not own:
            named = _rx(s, "noun_owner", _noun_pattern).match(s.f, s.m[prev].end)
            if named and named.start(1) == cs:
                continue  # a named owner ("Iran's supplies of arms to"): the possessive shape reads it
        clients = s.object_after(mt.end())
        backer = s.clause_subject(cs, exclude=frozenset(clients)) if clients else None
        if backer is not None:
            type_ = s.g.lex.types["material"].get(_cue(mt.group(1)), "unspecified") if mt.group(1) else \
                _modified_type(s, cs, s.g.lex.type_of(s.f[cs:ce], "noun"))
            out += _pairs(s.coordinated_back(backer, np=True), clients, (cs, ce), _cue(s.f[cs:ce]), "noun", type_,
                          {"clause_subject"})
    return out


def _light_verb_nouns(s: Sentence) -> list[Edge]:
    rx = _rx(s, "light", lambda a: rf"(?:{a('light_verbs.give')}|{a('transfers.verbs')})\s+(?:(?:the|a|an|"
                                   rf"{a('grammar.possessives')})\s+)?(?:[a-z-]+\s+){{0,2}}?({a('support_nouns.words')})"
                                   rf"\s+(?:for|to|of|behind)\s+(?:(?:the|{a('grammar.possessives')})\s+)?")
    out: list[Edge] = []
    for mt in s.matches(rx, "light_verbs.give", "transfers.verbs"):
        if s.g.humanitarian.search(mt.group(0)):
            continue
        backers = s.subject_before(mt.start())
        clients = s.object_after(mt.end())
        out += _pairs(backers, clients, mt.span(1), _cue(mt.group(1)), "noun",
                      _modified_type(s, mt.start(1), s.g.lex.type_of(mt.group(1), "noun")))
    return out


def _from_to_nouns(s: Sentence) -> list[Edge]:
    rx = _rx(s, "from_to", lambda a: rf"({a('support_nouns.words')})\s+(from|for|to)\s+"
                                     rf"(?:the\s+)?")
    out: list[Edge] = []
    for mt in s.matches(rx, "support_nouns.words"):
        if s.g.humanitarian.search(s.f, max(0, mt.start() - 20), mt.start()):
            continue
        first = s.object_after(mt.end())
        if not first:
            continue
        rest = re.match(r"\s+(from|for|to)\s+(?:the\s+)?", s.f[s.m[first[-1]].end:])
        if not rest or (rest.group(1) == "from") == (mt.group(2) == "from"):
            continue
        second = s.object_after(s.m[first[-1]].end + rest.end())
        backers, clients = (first, second) if mt.group(2) == "from" else (second, first)
        out += _pairs(backers, clients, mt.span(1), _cue(mt.group(1)), "noun",
                      s.g.lex.types["material"].get(_cue(mt.group(1)), "unspecified"))
    return out


def _in_support_of(s: Sentence) -> list[Edge]:
    rx = _rx(s, "in_support", lambda a: r"\b(in\s+(support|defen[cs]e|aid|favou?r)\s+of)\s+(?:the\s+)?")
    out: list[Edge] = []
    for mt in rx.finditer(s.f):
        clients = s.object_after(mt.end())
        if not clients:
            continue
        backer = s.clause_subject(mt.start(), exclude=frozenset(clients))
        if backer is None:  # "strikes by Russian jets in support of Assad": the agent backs
            k = s.prev_index(mt.start())
            if k >= 0 and re.search(r"\bby\s+(?:the\s+)?$", s.f[max(0, s.m[k].start - 12):s.m[k].start]):
                backer = s.head_of(k)
        if backer is None:
            continue
        backers = s.coordinated_back(backer)
        out += _pairs(backers, clients, mt.span(1), _cue(mt.group(1)), "noun", "unspecified", {"clause_subject"})
    behalf = _rx(s, "behalf", lambda a: r"\bon\s+$")
    for i, mi in enumerate(s.m):  # "bombed Syrian cities on Assad's behalf"
        if behalf.search(s.f, max(0, mi.start - 4), mi.start) and re.match(r"'s?\s+behalf\b", s.f[mi.end:mi.end + 12]):
            backer = s.clause_subject(mi.start, exclude=frozenset([i]))
            if backer is not None:
                out += _pairs(s.coordinated_back(backer, np=True), [i], (mi.start - 3, mi.end + 9), "on behalf of",
                              "noun", "unspecified", {"clause_subject"})
    return out


def _whose(s: Sentence) -> list[Edge]:
    """``Turkey, whose backing of the Syrian National Army``: the antecedent of ``whose`` backs."""
    rx = _rx(s, "whose", lambda a: rf"\s*,\s*whose\s+(?:[a-z-]+\s+){{0,2}}?({a('support_nouns.words')})\s+"
                                   rf"(?:for|to|of)\s+(?:the\s+)?")
    out: list[Edge] = []
    for i, mi in enumerate(s.m):
        mt = rx.match(s.f, mi.end)
        if mt:
            out += _pairs([i], s.object_after(mt.end()), mt.span(1), _cue(mt.group(1)), "noun",
                          _modified_type(s, mt.start(1), s.g.lex.type_of(mt.group(1), "noun")))
    return out


def receive(s: Sentence) -> list[Edge]:
    """``the SDF received weapons from Washington``, ``Assad relied on Russian air power`` (the subject is
    the client; the backer follows ``from`` or qualifies the support)."""
    rx = _rx(s, "receive", lambda a: rf"({a('light_verbs.receive')})\s+(?:(?:the|a|an|{a('grammar.possessives')}|"
                                     rf"more|new|further)\s+)?(?:[\w$£€.-]+\s+){{0,3}}?({a('support_nouns.words')}|"
                                     rf"{a('materials.words')})(?:\s+[\w-]+){{0,2}}?\s+from\s+(?:the\s+)?")
    demonym = _rx(s, "receive_demonym", lambda a: rf"\b({a('light_verbs.receive')})\s+(?:(?:the|a|an)\s+)?$")
    out: list[Edge] = []
    for mt in s.matches(rx, "light_verbs.receive"):
        clients = s.subject_before(mt.start())
        backers = s.object_after(mt.end())
        out += _pairs(backers, clients, mt.span(2), _cue(mt.group(2)), "receive",
                      s.g.lex.types["material"].get(_cue(mt.group(2)), "unspecified"))
    # "relied on Russian air power": the qualifying actor backs the subject
    nouns = _rx(s, "receive_nouns", lambda a: rf"\s+(?:[a-z-]+\s+){{0,2}}?({a('support_nouns.words')})\b")
    for i, mi in enumerate(s.m):
        d = demonym.search(s.f, max(0, mi.start - 30), mi.start)
        n = nouns.match(s.f, mi.end)
        if d and n and s.head_of(i) == i:
            out += _pairs([i], s.subject_before(d.start(1)), n.span(1), _cue(n.group(1)), "receive",
                          _modified_type(s, n.start(1), "unspecified"))
    return out


def with_support(s: Sentence) -> list[Edge]:
    """``Syrian troops, with Russian air cover, retook Palmyra``, ``thanks to Iran's backing``, ``with the
    support of Turkey``, ``under Turkish protection`` (the subject of the clause is the client)."""
    preps = _rx(s, "with_preps", lambda a: rf"\b(?:{a('with_support.preps')})\s+(?:the\s+)?$")
    nouns = _rx(s, "with_nouns", lambda a: rf"(?:'s?)?(?:\s+(?:and|or)\s+[a-z-]+)?\s+(?:[a-z-]+\s+){{0,2}}?"
                                           rf"({a('support_nouns.words')})\b(?!\s+(?:for|to|of)\b)")
    of_form = _rx(s, "with_of", lambda a: rf"\b(?:{a('with_support.preps')})\s+(?:the\s+)?(?:[a-z-]+\s+){{0,2}}?"
                                          rf"({a('support_nouns.words')})\s+(?:of|from)\s+(?:the\s+)?")
    out: list[Edge] = []
    for i, mi in enumerate(s.m):
        p = preps.search(s.f, max(0, mi.start - 30), mi.start)
        n = nouns.match(s.f, mi.end)
        if not p or not n or s.head_of(i) != i:
            continue
        start = p.start()
        backers = s.coordinated_fwd(i)
        client = s.clause_subject(start, exclude=frozenset(backers))
        flags = {"clause_subject"}
        if client is None:  # "..., a militia network built with Iranian training": the nearest actor before
            k = s.prev_index(start)
            if k >= 0 and k not in backers and len(s.f[s.m[k].end:start].split()) <= 15:
                client, flags = k, {"clause_subject", "far"}
        if client is not None:
            out += _pairs(backers, [client], n.span(1), _cue(n.group(1)), "with",
                          _modified_type(s, n.start(1), s.g.lex.type_of(n.group(1), "noun")), flags)
    for mt in of_form.finditer(s.f):
        backers = s.object_after(mt.end())
        client = s.clause_subject(mt.start(), exclude=frozenset(backers))
        if backers and client is not None:
            out += _pairs(backers, [client], mt.span(1), _cue(mt.group(1)), "with",
                          _modified_type(s, mt.start(1), s.g.lex.type_of(mt.group(1), "noun")), {"clause_subject"})
    return out


def role(s: Sentence) -> list[Edge]:
    """``Assad's main backers, Russia and Iran``, ``Assad's Russian patrons``, ``Damascus and its Iranian
    backers``, ``Iran, the main backer of Hezbollah``, ``Russia is Assad's key backer``, ``Iran's proxy
    Hezbollah``, ``Hezbollah, a proxy of Iran``, ``Hezbollah, an Iranian proxy``."""
    a = s.g.lex.alt
    backer_n = _rx(s, "role_backer", lambda a: rf"(?:'s?|\s*,?\s+and\s+(?:{a('grammar.possessives')}))\s+"
                                               rf"(?:[a-z-]+,?\s+){{0,4}}?({a('role_nouns.backer')})\b")
    intro = _rx(s, "role_intro", lambda a: r"^\s*(?:,|:|-)?\s*(?:(?:namely|including|such as|like|chiefly|notably|"
                                           r"especially|mainly|primarily|principally|particularly)\s+)?(?:the\s+)?$")
    of_n = _rx(s, "role_of", lambda a: rf"\s*,?\s*(?:(?:{a('grammar.copulas')}|as)\s+)?(?:(?:the|a|an|one\s+of\s+the|"
                                       rf"one\s+of|its|his|their)\s+)?(?:[a-z-]+\s+){{0,3}}?({a('role_nouns.backer')})"
                                       rf"\s+(?:of|to|for|behind)\s+(?:the\s+)?")
    is_n = _rx(s, "role_is", lambda a: rf"^\s*(?:,|(?:{a('grammar.copulas')}))\s+$")
    out: list[Edge] = []
    for i, mi in enumerate(s.m):
        mt = backer_n.match(s.f, mi.end)
        if mt:
            inner = [k for k in range(i + 1, len(s.m)) if s.m[k].end <= mt.start(1)]
            backers = inner or []
            if not backers:
                k = s.next_index(mt.end())
                if k < len(s.m) and intro.match(s.gap(mt.end(), s.m[k].start)):
                    backers = s.coordinated_fwd(k)
            if not backers and i > 0 and is_n.match(s.gap(s.m[i - 1].end, mi.start)):
                backers = s.coordinated_back(i - 1)  # "Russia is Assad's key backer"
            out += _pairs(backers, [i], mt.span(1), _cue(mt.group(1)), "role", "unspecified")
        mo = of_n.match(s.f, mi.end)  # "Turkey, a key backer of the new authorities"
        if mo and s.head_of(i) == i:
            out += _pairs(s.coordinated_back(i), s.object_after(mo.end()), mo.span(1), _cue(mo.group(1)), "role",
                          "unspecified")
    out += _proxies(s, a) + _pronoun_patrons(s)
    return out


def _pronoun_patrons(s: Sentence) -> list[Edge]:
    """``Assad thanked his Russian patrons``, ``Damascus and its backers in Moscow``: the possessive pronoun is
    the clause subject; the demonym before the noun (or the list after it) backs it."""
    rx = _rx(s, "role_pronoun", lambda a: rf"\b(?:{a('grammar.possessives')})\s+(?:[a-z-]+\s+){{0,2}}?$")
    out: list[Edge] = []
    for cs, ce, keys in s.cues or []:
        if "role_nouns.backer" not in keys:
            continue
        lead = rx.search(s.f, max(0, cs - 40), cs)
        if not lead:
            continue
        inner = [k for k in range(len(s.m)) if lead.start() < s.m[k].start and s.m[k].end <= cs]
        client = s.clause_subject(lead.start(), exclude=frozenset(inner))
        if inner and client is not None:
            out += _pairs(inner, [client], (cs, ce), _cue(s.f[cs:ce]), "role", "unspecified", {"clause_subject"})
    return out


def _proxies(s: Sentence, a) -> list[Edge]:
    owner = _rx(s, "proxy_owner", lambda a: rf"(?:'s?|-backed)?\s+(?:[a-z-]+\s+){{0,1}}?({a('role_nouns.client')})"
                                            rf"\b\s*,?\s*(?:(?:the|such as|including|like|namely)\s+)?")
    of_x = _rx(s, "proxy_of", lambda a: rf"^\s*,?\s*(?:(?:{a('grammar.copulas')}|as)\s+)?(?:(?:a|an|the|one of the|"
                                        rf"one of)\s+)?(?:[a-z-]+\s+){{0,2}}?({a('role_nouns.client')})\s+(?:of|for)\s+"
                                        rf"(?:the\s+)?$")
    appos = _rx(s, "proxy_appos", lambda a: rf"^\s*,?\s*(?:(?:{a('grammar.copulas')}|as)\s+)?(?:a|an|the)?\s*$")
    out: list[Edge] = []
    for i, mi in enumerate(s.m):
        mt = owner.match(s.f, mi.end)
        if mt:
            clients = s.object_after(mt.end())
            if clients:
                out += _pairs([i], clients, mt.span(1), _cue(mt.group(1)), "role", "unspecified")
            elif i > 0 and appos.match(s.gap(s.m[i - 1].end, mi.start)):
                out += _pairs([i], [i - 1], mt.span(1), _cue(mt.group(1)), "role", "unspecified")
        if i + 1 < len(s.m):
            mo = of_x.match(s.gap(mi.end, s.m[i + 1].start))
            if mo:
                out += _pairs(s.coordinated_fwd(i + 1), [i], (mi.end + mo.start(1), mi.end + mo.end(1)),
                              _cue(mo.group(1)), "role", "unspecified")
    return out


def fight(s: Sentence, reference: frozenset = frozenset()) -> list[Edge]:
    """``Hezbollah fighters are fighting alongside Syrian troops``, ``fought on the side of Assad``,
    ``intervened on behalf of Damascus``, ``came to the aid of the Kurds``. ``alongside`` says no direction:
    a reference edge in the gazetteer orients it, else the subject backs the object."""
    rx = _rx(s, "fight", lambda a: rf"({a('fight.verbs')})\s+(?:(?:{a('grammar.adverbs')}|[a-z]+ly)\s+)?"
                                   rf"(?:(?:the|a|this|that)\s+(?:[a-z-]+\s+)?(?:war|conflict|fight|fighting|battle|"
                                   rf"struggle|offensive|campaign)\s+)?(?:(?:in\s+\w+\s+)?({a('fight.preps')})\s+)?"
                                   rf"(?:(?:the|{a('grammar.possessives')})\s+)?")
    symmetric = set(s.g.lex.words.get("fight.symmetric", []))
    out: list[Edge] = []
    for mt in s.matches(rx, "fight.verbs"):
        prep = mt.group(2)
        if not prep and not mt.group(1).endswith(" of"):
            continue
        backers = s.subject_before(mt.start(1))
        clients = s.object_after(mt.end())
        flags = {"symmetric"} if prep in symmetric else set()
        end = mt.end(2) if prep else mt.end(1)
        for e in _pairs(backers, clients, (mt.start(1), end), _cue(s.f[mt.start(1):end]), "fight", s.g.lex.types.get("fight", {}).get(
                _cue(prep or ""), "troops"), flags):
            pair = (s.m[e.b].entity, s.m[e.c].entity)
            if flags and pair not in reference and pair[::-1] in reference:
                e.b, e.c = e.c, e.b
            out.append(e)
    return out


def thanks(s: Sentence) -> list[Edge]:
    """``Assad thanked Russia and Iran for their support`` (russia and iran back the Syrian government)."""
    rx = _rx(s, "thanks", lambda a: rf"({a('thanks.verbs')})\s+(?:the\s+)?")
    tail = _rx(s, "thanks_tail", lambda a: rf"\s+for\s+(?:(?:the|{a('grammar.possessives')})\s+)?(?:[a-z-]+\s+){{0,2}}?"
                                           rf"({a('thanks.nouns')})\b")
    out: list[Edge] = []
    for mt in s.matches(rx, "thanks.verbs"):
        thanked = s.object_after(mt.end())
        if not thanked:
            continue
        t = tail.match(s.f, s.m[thanked[-1]].end)
        if not t:
            continue
        thanker = s.subject_before(mt.start(1))
        out += _pairs(thanked, thanker, (mt.start(1), t.end(1)), _cue(mt.group(1) + " for " + t.group(1)), "thanks",
                      _modified_type(s, t.start(1), "unspecified"))
    return out


def all_edges(s: Sentence, reference: frozenset = frozenset(), awake: frozenset[str] | None = None) -> list[Edge]:
    """Every shape's edges in one sentence, in :data:`SHAPES` order (only the ``awake`` shapes, when given:
    those whose cue words the sentence holds)."""
    on = set(SHAPES) if awake is None else awake
    compounds = compound(s) if "compound" in on or "passive" in on else []
    out = list(compounds)
    for name, fn in (("passive", lambda: passive(s, compounds)), ("role", lambda: role(s)), ("noun", lambda: noun(s)),
                     ("transfer", lambda: transfer(s)), ("verb", lambda: verb(s)), ("receive", lambda: receive(s)),
                     ("fight", lambda: fight(s, reference)), ("thanks", lambda: thanks(s)),
                     ("with", lambda: with_support(s))):
        if name in on:
            out += fn()
    return out
