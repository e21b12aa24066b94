"""Role nouns as statements: who is called whose backer, patron or proxy (``Assad's main backers, Russia and
Iran``, ``Iran, the main backer of Hezbollah``, ``Iran's proxy Hezbollah``, ``rebel backer Qatar``, ``his
Russian patrons``). The nouns are the lexicon's ``role_nouns``; :func:`helpers.shapes.all_edges` composes
:func:`role` with the other statement shapes.
"""

from __future__ import annotations

import re

from .clauses import Sentence
from .edges import Edge, cue_text, lex_rx, pairs


def _link(a) -> str:
    """A copula or its stand-in before a role noun: ``is``, ``are widely seen as``, ``regarded as``, ``as``."""
    return (
        # "accused the UAE of being the RSF's main arms supplier": the accused holds the role
        # "is one of the army's main suppliers", "is among Assad's backers": a member of the role's holders
        rf"(?:(?:of\s+)?(?:{a('grammar.copulas')})\s+(?:(?:{a('grammar.adverbs')}|[a-z]+ly)\s+){{0,2}}(?:(?:{a('grammar.seen_as')})\s+)?"
        rf"(?:(?:one\s+of|among)\s+)?|"
        rf"(?:[a-z]+ly\s+)?(?:{a('grammar.seen_as')})\s+|as\s+|"
        # "has turned its airports into a supply line for": what the name owns made into the role
        rf"(?:(?:has|have|had)\s+)?(?:{a('grammar.made_into')})\s+(?:its|their)\s+(?:[a-z-]+\s+){{1,2}}?into\s+)"
    )


def role(s: Sentence) -> list[Edge]:
    """``Assad's main backers, Russia and Iran``, ``Assad's Russian patrons``, ``Damascus and its Iranian
    backers``, ``Iran, the main backer of Hezbollah``, ``Russia is Assad's key backer``, ``Iran's proxy
    Hezbollah``, ``Hezbollah, a proxy of Iran``, ``Hezbollah, an Iranian proxy``."""
    a = s.g.lex.alt
    backer_n = lex_rx(
        s,
        "role_backer",
        lambda a: (
            # "an army whose Russian patrons"; "Its backers in Ankara" (a possessive pronoun standing for the group)
            rf"(?:'s?|(?<=\bits)|(?<=\btheir)|\s*,?\s+and\s+(?:{a('grammar.possessives')})|\s*,?\s+whose)\s+"
            rf"(?:[a-z-]+,?\s+){{0,4}}?({a('role_nouns.backer')})\b"
        ),
    )
    intro = _intro(s)
    of_n = lex_rx(
        s,
        "role_of",
        lambda a: (
            # "Moscow, which vetoed a draft on the war, has become one of the backers of": past a relative clause
            # a quote may open before the role noun: "Russia a 'lifeline for the Syrian regime'"
            rf"{s.g.subject_tail}\s*,?\s*(?P<rel>(?:which|who)\s[^,;:()]{{1,80}},\s*)?(?P<link>{_link(a)})?'?(?:(?:the|a|an|one\s+of\s+the|"
            rf"one\s+of|its|his|their)\s+)?(?:[a-z-]+\s+){{0,3}}?'?(?P<noun>{a('role_nouns.backer')})"
            # "the main supplier of weapons (and cash) to the rebels": what is supplied, then its receiver
            rf"(?:(?:\s+(?:of|for)\s+(?:[a-z-]+\s+)?(?:{a('materials.words')}))?"
            rf"(?:\s*,?\s+(?:and|or)\s+(?:[a-z-]+\s+)?(?:{a('materials.words')}))?(?=\s+(?:to|for)\s))?"
            rf"\s+(?:of|to|for|behind)\s+(?:the\s+)?"
        ),
    )
    is_n = _is_role(s)
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
                elif (
                    k < len(s.m)
                    and s.m[k].via in ("capital", "body")
                    and re.fullmatch(r"\s+in\s+(?:the\s+)?", s.gap(mt.end(), s.m[k].start))
                ):
                    backers = s.coordinated_fwd(k)  # "Assad's backers in Moscow and Tehran": the governments there
            j = i - 1  # "Syrian President Bashar al-Assad's": the demonym of the same actor is part of the title
            j = j - 1 if j > 0 and s.m[j].entity == mi.entity and len(s.gap(s.m[j].end, mi.start)) < 20 else j
            if not backers and j >= 0 and is_n.match(s.gap(s.m[j].end, s.m[j + 1].start)):
                backers = s.coordinated_back(j)  # "Russia is Assad's key backer"
            elif not backers and j >= 0:
                backers = _past_relative(s, is_n, j)  # "Tehran, which restored ties with Port Sudan, has made itself"
            if not backers and _and_is(s).search(s.f, max(0, mi.start - 40), mi.start):
                c = s.clause_subject(mi.start)  # "Ankara armed the SNA and is now the interim government's sponsor"
                backers = s.coordinated_back(c) if c is not None and c < i else []
            out += pairs(backers, [i], mt.span(1), cue_text(mt.group(1)), "role", "unspecified")
        mo = of_n.match(s.f, mi.end)  # "Turkey, a key backer of the new authorities"
        past = mo.end("rel") if mo is not None and mo.group("rel") else None  # names inside the relative clause
        crossed = mo is not None and any(
            mi.end < x.start < mo.start("noun") and (past is None or x.start >= past) for x in s.m
        )
        if mo and not crossed and s.head_of(i) == i and not _verb_before_role(s, mo, mi.end):
            holders = s.coordinated_back(i)
            if re.match(r"[^,]*,\s*(?:has|have|had|is|are|was|were)\b", s.f[mi.end : mo.start("noun")]):
                c = s.clause_subject(mi.start)  # "The NDF, a militia paid by Iran, has become a mainstay of"
                holders = [c] if c is not None and c < i else []
            out += pairs(
                holders + _partners(s, i, holders, mo.start("noun")),
                s.object_after(mo.end()),
                mo.span("noun"),
                cue_text(mo.group("noun")),
                "role",
                "unspecified",
            )
    out += _proxies(s, a) + _pronoun_patrons(s) + _noun_titles(s) + _among_patrons(s) + _network_of(s)
    out += _colon_patrons(s) + _modifier_clients(s) + _pronoun_clients(s) + _described_clients(s) + _staff(s)
    out += _counted_among(s) + _recipients(s)
    return out


def _recipients(s: Sentence) -> list[Edge]:
    """``Jaish al-Islam, the strongest group near Damascus and long a recipient of Saudi funding``, ``the SDF is the
    main beneficiary of US arms``: the actor the recipient noun describes (in apposition, or before a copula)
    receives from the owner of the support named after "of"."""
    noun = lex_rx(s, "recipient_of", lambda a: rf"\b({a('role_nouns.recipient')})\s+of\s+(?:the\s+)?$")
    given = lex_rx(
        s,
        "recipient_given",
        lambda a: rf"(?:'s?)?\s+(?:[a-z-]+\s+)?({a('support_nouns.words')}|{a('materials.words')})\b",
    )
    described = lex_rx(
        s,
        "recipient_described",
        lambda a: rf"(?:\s*,\s*[^,;:()]{{0,80}}?\b|\s+{_link(a)})(?:a|an|the)\s+(?:[a-z-]+\s+){{0,2}}$",
    )
    out: list[Edge] = []
    for i, mi in enumerate(s.m if s.has_cue("role_nouns.recipient") else ()):
        mt = noun.search(s.f, max(0, mi.start - 30), mi.start)
        g = given.match(s.f, mi.end) if mt else None
        g = None if g and s.g.humanitarian.search(s.f, mi.end, g.end()) else g  # "of US humanitarian aid": to people
        k = s.prev_index(mt.start()) if g else -1  # "X, the rebel group ... and long a recipient": X, past "rebel"
        j = next((j for j in (k, k - 1) if j >= 0 and described.fullmatch(s.f, s.m[j].end, mt.start())), -1)
        if j >= 0 and j != i:
            out += pairs(
                s.coordinated_fwd(i), [j], mt.span(1), cue_text(f"{mt.group(1)} of {g.group(1)}"), "role", "unspecified"
            )
    return out


#: an article or a possessive: it opens a noun phrase, so a word before it (with no copula before) is a verb
_DETERMINER = re.compile(r"\b(?:the|a|an|its|his|her|their|our)\b")


def _verb_before_role(s: Sentence, mo: re.Match, end: int) -> bool:
    """A role noun after a name with no copula, comma or relative clause between, whose noun phrase opens after a
    word of its own, or after two words with no article: a verb and the name its subject ("Israel bombed the main
    arms supplier of Hezbollah", "Russian jets struck supply lines of the rebels"), not an apposition ("Iran the
    main backer of Hezbollah", a scraper having dropped the comma; "Iran main backer of Hezbollah")."""
    if mo.group("link") or mo.group("rel") or "," in s.f[end : mo.start("noun")]:
        return False
    words = re.sub(r"^\s*one\s+of\b", " ", s.f[end : mo.start("noun")]).split()
    if words and not _DETERMINER.fullmatch(words[0]) and len(words) > 1:
        return True
    return any(_DETERMINER.fullmatch(w) for w in words[1:])


def _partners(s: Sentence, i: int, holders: list[int], pos: int) -> list[int]:
    """Who holds the role beside ``holders`` (the role noun at ``pos``, mention ``i`` right before it): the
    ``along with`` apposition of a holder ("Russia, along with Iran, was Assad's main backer": Iran) and the
    clause's subject when mention ``i`` follows "alongside" ("Saudi Arabia has emerged alongside Qatar as a
    backer of": Saudi Arabia)."""
    out = [k for h in holders for k in s.along_with(h, pos) if k not in holders]
    apposition = s.f[s.m[i].end : pos].lstrip().startswith(",")  # "fought alongside Russia, the main backer of"
    if not apposition and _aside_before(s).search(s.f, max(0, s.m[i].start - 40), s.m[i].start):
        c = s.clause_subject(s.m[i].start)
        out += [k for k in (s.coordinated_back(c) if c is not None and c < i else []) if k not in holders]
    return out


def _aside_before(s: Sentence) -> re.Pattern:
    """The words that put an actor beside the clause's subject, right before the actor (``fight.aside``)."""
    return lex_rx(s, "aside_before", lambda a: rf"\b(?:{a('fight.aside')}|along\s+with)\s+(?:the\s+)?$")


def _and_is(s: Sentence) -> re.Pattern:
    """A second verb phrase of the clause's subject: "and", a copula (``grammar.copulas``), an adverb and the
    article before a possessive role ("and is now the interim government's chief sponsor")."""
    return lex_rx(
        s,
        "and_is",
        lambda a: rf"\band\s+(?:{a('grammar.copulas')})\s+(?:(?:{a('grammar.adverbs')})\s+)?(?:the\s+)?$",
    )


def _past_relative(s: Sentence, is_n: re.Pattern, j: int) -> list[int]:
    """The holder of a role named after a relative clause set off by commas that names an actor of its own (the
    mention ``j``): the name right before ", which" or ", who" a few mentions back."""
    for k in range(j - 1, max(-1, j - 4), -1):
        if _WHICH.match(s.gap(s.m[k].end, s.m[k + 1].start)) and is_n.match(s.gap(s.m[k].end, s.m[j + 1].start)):
            return s.coordinated_back(k)
    return []


#: a relative clause opening after a name and a comma
_WHICH = re.compile(r"\s*,\s*(?:which|who)\s")


def _intro(s: Sentence) -> re.Pattern:
    """The gap between a role noun and the names it introduces: ``, namely``, ``, chief among them``, ``include``."""
    return lex_rx(
        s,
        "role_intro",
        lambda a: (
            r"^\s*(?:,|:|-)?\s*(?:(?:namely|including|such as|like|chiefly|notably|most notably|above all|"
            r"especially|mainly|primarily|principally|particularly|in particular|"
            r"(?:(?:chief|foremost|first|principal)\s+)?among\s+them)\s+)?(?:the\s+)?$"
            # "the SAF's backers include Egypt", "whose backers, which already include"
            r"|^\s*,?\s*(?:(?:that|which)\s+)?(?:(?:already|now|also|still)\s+)?"
            r"(?:include|includes|included|are|were|is|was|remain|remains|remained|(?:has|have|had)\s+(?:long\s+)?been)"
            r"\s+(?:the\s+)?$"
        ),
    )


def _is_role(s: Sentence) -> re.Pattern:
    """The gap between a role's holder and the role: ``Russia is Assad's key backer``, ``Russia, once Assad's main
    backer``, ``The UAE, which denies arming either side, is the RSF's main backer``."""
    return lex_rx(
        s,
        "role_is",
        lambda a: (
            rf"^\s*(?:,(?:\s+(?:once|long|formerly|previously|then|now|as))?(?:\s+the)?\s+|"
            # "Washington must answer for the attack as Israel's main supporter": the clause's subject in the role
            rf"(?:\s+(?!such\b|well\b|so\b|just\b)[a-z]+){{1,6}}\s+as\s+(?:the\s+)?|"
            rf"(?:,\s*(?:which|who)\s[^,;:()]{{1,80}},\s*)?{_link(a)}(?:(?:the|a|an|one\s+of\s+the|one\s+of|among\s+the|among|"
            rf"another\s+of\s+the|another\s+of)\s+)?)"
            # "is President Assad's main backer", "is the new Syrian government's main backer"
            rf"(?:(?:new|interim|transitional|caretaker|current|former|embattled)\s+)?"
            rf"(?:(?:{a('grammar.title_nouns')})\s+){{0,2}}$"
        ),
    )


#: an article and up to two modifiers before a client written as the role noun's modifier ("a key RSF backer")
_ROLE_ARTICLE = re.compile(r"\b((?:a|an|the|one\s+of\s+the)\s+)(?:[a-z-]+\s+){0,2}$")


def _modifier_clients(s: Sentence) -> list[Edge]:
    """``The UAE, a key RSF backer, denies``, ``Iran is the main Hezbollah patron``: the client written as the
    modifier of the role noun, after an article; the name before the apposition or copula holds the role (a
    demonym there names the holder's nation: "a key Iranian backer of Assad")."""
    noun = lex_rx(s, "role_modifier", lambda a: rf"(?:\s+|-)({a('role_nouns.backer')})\b")
    out: list[Edge] = []
    for i, mi in enumerate(s.m):
        mt = noun.match(s.f, mi.end) if i and mi.via != "demonym" else None
        lead = _ROLE_ARTICLE.search(s.f, max(0, mi.start - 40), mi.start) if mt else None
        j = s.prev_index(lead.start()) if lead else -1
        if j >= 0 and j == i - 1 and _is_role(s).match(s.gap(s.m[j].end, lead.start())):
            out += pairs(s.coordinated_back(j), [i], mt.span(1), cue_text(mt.group(1)), "role", "unspecified")
    return out


def _described_clients(s: Sentence) -> list[Edge]:
    """``Ankara's Syrian proxies``, ``Turkey and its Syrian proxies``: a client described (a description mention)
    whose last word is a client role noun, right after its owner's possessive (or after "its"/"their" and an owner
    before it in the clause, "and" between): the owner backs it."""
    noun = lex_rx(s, "described_client", lambda a: rf"\b({a('role_nouns.client')})$")
    out: list[Edge] = []
    for i in range(1, len(s.m)):
        mt = noun.search(s.f, s.m[i].start, s.m[i].end) if s.m[i].via == "description" else None
        if mt and (
            re.fullmatch(r"'s?\s+", s.f[s.m[i - 1].end : s.m[i].start])
            or re.fullmatch(r"\s+and\s+(?:its|their)\s+", s.f[s.m[i - 1].end : s.m[i].start])
        ):
            out += pairs([i - 1], [i], mt.span(1), cue_text(mt.group(1)), "role", "unspecified")
    return out


def _among_patrons(s: Sentence) -> list[Edge]:
    """``Among the army's newer patrons is Turkey``: the role noun fronted, its holders after the copula."""
    rx = lex_rx(
        s,
        "role_among",
        lambda a: (
            rf"'s?\s+(?:[a-z-]+\s+){{0,2}}?({a('role_nouns.backer')})\s+(?:{a('grammar.copulas')})\s+(?:the\s+)?$"
        ),
    )
    out: list[Edge] = []
    for i, mi in enumerate(s.m[:-1]):
        if not re.search(r"\bamong\s+(?:the\s+)?$", s.f[max(0, mi.start - 12) : mi.start]):
            continue
        mt = rx.match(s.gap(mi.end, s.m[i + 1].start))
        if mt:
            cs = mi.end + mt.start(1)
            cue = (cs, cs + len(mt.group(1)))
            out += pairs(s.coordinated_fwd(i + 1), [i], cue, cue_text(mt.group(1)), "role", "unspecified")
    return out


def _counted_among(s: Sentence) -> list[Edge]:
    """``The army, which counts Egypt and Turkey among its backers``: the names a counting verb places among the
    subject's role holders hold the role; the subject (the name before the verb) is their client."""
    rx = lex_rx(
        s,
        "role_counted_among",
        lambda a: rf"\s+among\s+(?:its|their|his|her)\s+(?:[a-z-]+\s+){{0,2}}?({a('role_nouns.backer')})\b",
    )
    verb = lex_rx(
        s,
        "role_counts",
        lambda a: rf"^\s*,?\s*(?:(?:which|who)\s+)?(?:[a-z]+\s+){{0,2}}?(?:{a('grammar.counts_among')})\s+$",
    )
    out: list[Edge] = []
    for i, mi in enumerate(s.m):
        mt = rx.match(s.f, mi.end)
        holders = s.coordinated_back(i) if mt else []
        k = holders[0] - 1 if holders else -1
        if k >= 0 and verb.match(s.gap(s.m[k].end, s.m[holders[0]].start)):
            out += pairs(holders, [k], mt.span(1), cue_text(mt.group(1)), "role", "unspecified")
    return out


def _staff(s: Sentence) -> list[Edge]:
    """``a base held by the SDF and their American advisers``, ``the army's Russian instructors``: a state's
    advisers or trainers written as a group's own (a demonym before the noun) are that state's backing of it."""
    if not s.has_cue("role_nouns.staff"):
        return []
    owned = re.compile(r"(?:'s?|\s*,?\s+and\s+(?:its|their|his|her))\s+$")
    noun = lex_rx(s, "role_staff", lambda a: rf"\s+(?:military\s+)?({a('role_nouns.staff')})\b")
    out: list[Edge] = []
    for j in range(1, len(s.m)):
        mt = noun.match(s.f, s.m[j].end) if s.m[j].via == "demonym" else None
        if mt and owned.search(s.gap(s.m[j - 1].end, s.m[j].start)):
            out += pairs([j], [j - 1], mt.span(1), cue_text(mt.group(1)), "role", "advisers")
    return out


def _noun_titles(s: Sentence) -> list[Edge]:
    """``rebel backer Qatar``, ``the regime's patrons Russia and Iran`` without a comma: the role noun stands
    as a title between the client and the backer's name."""
    gap_rx = lex_rx(  # "rebel backer Qatar", "rebel-backer Turkey"
        s, "role_title", lambda a: rf"^(?:\s+|-)(?:[a-z-]+\s+)?({a('role_nouns.backer')})\s+(?:(?:the|namely)\s+)?$"
    )
    out: list[Edge] = []
    for i in range(len(s.m) - 1):
        gap = s.gap(s.m[i].end, s.m[i + 1].start)
        mt = gap_rx.match(gap)
        if mt and s.text[s.m[i + 1].start : s.m[i + 1].start + 1].isupper():
            cs = s.m[i].end + mt.start(1)
            plural = mt.group(1).endswith("s")  # "regime backers Russia and Iran", but "rebel backer Turkey and Russia"
            backers = s.coordinated_fwd(i + 1) if plural else [i + 1]
            out += pairs(backers, [i], (cs, cs + len(mt.group(1))), cue_text(mt.group(1)), "role", "unspecified")
    return out


def _pronoun_patrons(s: Sentence) -> list[Edge]:
    """``Assad thanked his Russian patrons``, ``Damascus and its backers in Moscow``: the possessive pronoun is
    the clause subject; the demonym before the noun (or the list after it) backs it."""
    rx = lex_rx(s, "role_pronoun", lambda a: rf"\b(?:{a('grammar.possessives')})\s+(?:[a-z-]+\s+){{0,3}}?$")
    out: list[Edge] = []
    for cs, ce, keys in s.cues or []:
        if "role_nouns.backer" not in keys:
            continue
        lead = rx.search(s.f, max(0, cs - 40), cs)
        if not lead:
            continue
        inner = [k for k in range(len(s.m)) if lead.start() < s.m[k].start and s.m[k].end <= cs]
        after = s.next_index(ce)  # "kept in power by his two backers, Russia and Iran": the names after the noun
        if not inner and after < len(s.m) and "," in s.gap(ce, s.m[after].start):
            inner = s.coordinated_fwd(after) if _intro(s).match(s.gap(ce, s.m[after].start)) else []
        k = s.prev_index(lead.start())
        his = re.match(r"h(?:is|er)\b", s.f[lead.start() :])
        if not inner and his and k >= 0 and re.fullmatch(r"\s*,\s*", s.gap(s.m[k].end, lead.start())):
            inner = [k]  # "Russia, his main military backer since 2015": the name the phrase stands beside
        leaders = [
            j for j in range(len(s.m)) if s.m[j].end <= lead.start() and s.m[j].via == "leader" and j not in inner
        ]
        if leaders and his:
            client = leaders[-1]  # "Assad's forces and his Russian backers": his = the leader named before
        else:
            client = s.clause_subject(lead.start(), exclude=frozenset(inner))
        client = _passive_agent(s, lead.start(), inner) if client is None else client
        if inner and client is not None:
            out += pairs(inner, [client], (cs, ce), cue_text(s.f[cs:ce]), "role", "unspecified", {"clause_subject"})
    return out


#: what names a client after a role noun a pronoun owns: an apposition ("its client, the Assad government"; "its
#: proxy in Sudan, the RSF"; "its proxies in Syria, including Hezbollah")
_CLIENT_APPOSITION = re.compile(
    r"(?:\s+in\s+(?:the\s+)?[a-z-]+(?:\s+[a-z-]+)?)?\s*,\s*(?:(?:including|such\s+as|namely|notably|like)\s+)?"
    r"(?:the\s+)?"
)


def _pronoun_clients(s: Sentence) -> list[Edge]:
    """``Russia has shielded its client, the Assad government``, ``Moscow ... its client in Damascus`` (a capital
    for its government), ``Abu Dhabi kept supplying its proxy in Sudan, the RSF``: the clause subject (or the leader
    ``his`` stands for) owns the client that the apposition or the capital after the noun names."""
    rx = lex_rx(s, "role_pronoun_client", lambda a: r"\b(?:its|their|his|her)\s+(?:[a-z-]+\s+){0,2}?$")
    out: list[Edge] = []
    for cs, ce, keys in s.cues or []:
        lead = rx.search(s.f, max(0, cs - 30), cs) if "role_nouns.client" in keys else None
        k = s.next_index(ce)
        if lead is None or k >= len(s.m) or any(lead.start() < x.start < cs for x in s.m):
            continue
        gap = s.gap(ce, s.m[k].start)
        if _CLIENT_APPOSITION.fullmatch(gap):
            clients = s.coordinated_fwd(k)
        elif re.fullmatch(r"\s+in\s+(?:the\s+)?", gap) and s.m[k].via in ("capital", "body"):
            clients = [k]
        else:
            continue
        leaders = [j for j in range(len(s.m)) if s.m[j].end <= lead.start() and s.m[j].via == "leader"]
        his = re.match(r"h(?:is|er)\b", s.f[lead.start() :]) is not None
        verb = re.search(r"\b[a-z]+\s+$", s.f[max(0, lead.start() - 24) : lead.start()])  # "shielding its client"
        doers = s.subject_before(lead.start() - len(verb.group(0))) if verb else []
        owner = doers[0] if doers else s.clause_subject(lead.start(), exclude=frozenset(clients))
        owner = leaders[-1] if his and leaders else owner
        if owner is not None and s.m[owner].end <= lead.start():
            out += pairs([owner], clients, (cs, ce), cue_text(s.f[cs:ce]), "role", "unspecified", {"clause_subject"})
    return out


#: the agent of a passive just before a possessive: "were launched by the RSF with weapons from its Emirati patron"
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$")


def _passive_agent(s: Sentence, pos: int, inner: list[int]) -> int | None:
    """The actor after "by" that the possessive at ``pos`` stands for, when the clause's subject is no actor ("the
    drones were launched by the RSF with weapons from its patron"): no other actor and no clause break between."""
    k = s.prev_index(pos)
    if k < 0 or k in inner or not _BY_BEFORE.search(s.f, max(0, s.m[k].start - 12), s.m[k].start):
        return None
    gap = s.gap(s.m[k].end, pos)
    return k if len(gap) <= 40 and not re.search(r"[,;:]|\b(?:and|but|while|which|who)\b", gap) else None


def _proxies(s: Sentence, a) -> list[Edge]:
    owner = lex_rx(
        s,
        "proxy_owner",
        lambda a: (
            rf"(?:'s?|-backed|\s*,\s*whose)?\s+(?:[a-z-]+\s+){{0,2}}?({a('role_nouns.client')})\b"  # "whose proxy"
            rf"(?:\s+in\s+(?:the\s+)?[a-z-]+)?\s*,?\s*(?:(?:the|such as|including|like|namely|include|includes|"
            rf"included)\s+)?"
        ),
    )
    of_x = lex_rx(
        s,
        "proxy_of",
        lambda a: (
            rf"^\s*,?\s*{_link(a)}?(?:(?:a|an|the|one of the|"
            rf"one of)\s+)?(?:[a-z-]+\s+){{0,2}}?({a('role_nouns.client')})\s+(?:of|for)\s+"
            rf"(?:the\s+)?$"
        ),
    )
    appos = lex_rx(  # "The LNA, itself a long-standing Emirati client"
        s,
        "proxy_appos",
        lambda a: (
            rf"^\s*,?\s*(?:(?:itself|themselves|once|long|now)\s+)?{_link(a)}?"
            rf"(?:(?:a|an|the)\s+(?:(?!(?:{a('grammar.conjunctions')})\b)[a-z-]+\s+){{0,2}}|(?:a|an|the)?\s*)$"
        ),
    )
    its_named = lex_rx(s, "proxy_its", lambda a: rf"\s+(?:[a-z-]+\s+)?({a('role_nouns.client')})\b")
    out: list[Edge] = []
    for i, mi in enumerate(s.m):
        k = i + 1  # "Turkey and its Syrian National Army proxies": the name between its and the noun
        if k < len(s.m) and re.fullmatch(r"\s*,?\s+and\s+(?:its|their|his|her)\s+", s.gap(mi.end, s.m[k].start)):
            mk = its_named.match(s.f, s.m[k].end)
            out += pairs([i], [k], mk.span(1), cue_text(mk.group(1)), "role", "unspecified") if mk else []
        mt = owner.match(s.f, mi.end)
        if mt:  # (not the object of a verb after the noun: "Iran's proxies in Iraq attacked US bases")
            clients = [] if _PAST_VERB_NEXT.match(s.f, mt.end()) else s.object_after(mt.end())
            if clients and "," in mt.group(0) and s.m[clients[0]].via == "demonym":
                clients = []  # "The RSF is Abu Dhabi's proxy, Sudanese officials say": a clause after the comma
            if clients:
                out += pairs([i], clients, mt.span(1), cue_text(mt.group(1)), "role", "unspecified")
            elif i > 0 and appos.match(s.gap(s.m[i - 1].end, mi.start)):
                out += pairs([i], [i - 1], mt.span(1), cue_text(mt.group(1)), "role", "unspecified")
        if i + 1 < len(s.m):
            mo = of_x.match(s.gap(mi.end, s.m[i + 1].start))
            if mo:
                out += pairs(
                    s.coordinated_fwd(i + 1),
                    [i],
                    (mi.end + mo.start(1), mi.end + mo.end(1)),
                    cue_text(mo.group(1)),
                    "role",
                    "unspecified",
                )
    return out


#: a verb in the past right after a role noun: what the holders did, not a name in apposition
_PAST_VERB_NEXT = re.compile(r"[a-z]{2,}ed\s")


def _network_of(s: Sentence) -> list[Edge]:
    """``Iran has built a network of proxies, including Hezbollah and the Houthis``: the clause subject owns the
    proxies its examples name."""
    rx = lex_rx(
        s,
        "role_network",
        lambda a: (
            r"(?:\b(?:its|their)|\b(?:built|builds|building|created|creates|cultivated|cultivates|has|have|had|runs|ran|"
            r"maintains|maintained|funds|funded|backs|backed|established|assembled|developed|nurtured)\s+(?:an?))"
            r"\s+(?:[a-z-]+\s+)?(?:network|web|array|constellation|galaxy)\s+of\s+(?:[a-z-]+\s+)?"
            rf"({a('role_nouns.client')})\s*,?\s+(?:including|such\s+as|like|notably|from)\s+(?:the\s+)?"
        ),
    )
    out: list[Edge] = []
    for mt in rx.finditer(s.f) if s.has_cue("role_nouns.client") else ():
        clients = s.object_after(mt.end())
        owner = s.clause_subject(mt.start(), exclude=frozenset(clients)) if clients else None
        if owner is not None and s.m[owner].end <= mt.start():
            out += pairs(s.coordinated_back(owner), clients, mt.span(1), cue_text(mt.group(1)), "role", "unspecified")
    return out


#: a place or a target after a preposition: not a patron in the list ("training camps in Eritrea", "against the RSF")
_PLACE_PREP = re.compile(r"\b(?:in|at|into|inside|against|on|over|near|across|to)\s+(?:the\s+)?$")


def _colon_list(s: Sentence, start: int, client: int) -> list[int]:
    """The actors listed after a colon at ``start`` (to a semicolon, a clause of place or time, or the end), not
    the client and not a place or target after a preposition."""
    cut = re.compile(r";|\b(?:where|when|after|since|because|while)\b").search(s.f, start)
    end = cut.start() if cut else len(s.f)  # "... cover at every summit where RSF atrocities come up"
    owns = lex_rx(s, "colon_owner", lambda a: rf"'s?\s+(?:[a-z-]+\s+){{0,2}}?(?:{a('grammar.stand_in_plurals')})\b")
    return [
        k
        for k in range(s.next_index(start), len(s.m))
        if s.m[k].end <= end
        and s.m[k].entity != s.m[client].entity
        and not _PLACE_PREP.search(s.f, max(0, s.m[k].start - 12), s.m[k].start)
        and not (s.m[k].kind == "state" and owns.match(s.f, s.m[k].end))  # "Iraq's Shia militias": the militias
    ]


def counted_backers(s: Sentence) -> list[Edge]:
    """``Three forces rescued Assad a decade ago: Hezbollah, Iraq's Shia militias and Russian air power``: a
    counted plural opens the sentence as the subject of a backing verb; the list after the colon backs its
    object."""
    rx = lex_rx(
        s,
        "role_counted",
        lambda a: (
            r"^\W*(?:two|three|four|five|six|several|many|a\s+few|a\s+handful\s+of)\s+(?:[a-z-]+\s+)?"
            r"(?:forces|countries|states|powers|players|actors|allies|outsiders|militias|groups|governments)\s+"
            rf"(?:(?:have|has|had)\s+)?(?:[a-z]+ly\s+)?({a('cues.verb')})\s+"
        ),
    )
    mt = rx.match(s.f) if ":" in s.f else None
    clients = s.object_after(mt.end()) if mt else []
    colon = s.f.find(":", s.m[clients[-1]].end) if clients else -1
    if colon < 0 or "," in s.f[mt.end() : colon]:
        return []
    return pairs(
        _colon_list(s, colon + 1, clients[0]),
        clients[:1],
        mt.span(1),
        cue_text(mt.group(1)),
        "role",
        "unspecified",
        {"far"},
    )


def _colon_patrons(s: Sentence) -> list[Edge]:
    """``Burhan's war effort rests on a crowded bench of patrons: Egyptian training, drones from Ankara and
    Tehran``, ``the army has patrons of its own: Turkey and Iran have sent drones, Qatar pays``: a backer noun
    ends its phrase at a colon; every actor after it (to the end of the sentence or a semicolon) backs the
    clause's subject, except one after a preposition of place or target."""
    rx = lex_rx(s, "role_colon", lambda a: rf"\b({a('role_nouns.backer')})(?:\s+of\s+(?:its|his|their)\s+own)?\s*:\s*")
    out: list[Edge] = []
    for mt in rx.finditer(s.f) if ":" in s.f else ():
        client = s.clause_subject(mt.start())
        if client is not None:
            backers = _colon_list(s, mt.end(), client)
            out += pairs(backers, [client], mt.span(1), cue_text(mt.group(1)), "role", "unspecified", {"far"})
    return out
