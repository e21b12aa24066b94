"""The passes over one text after the aliases are found: descriptions added (actors named without their name)
and every mention given its role (actor, place, outlet, language, origin, people, qualifier).

Functions of a :class:`~helpers.tagging.Tagger` (``tg``) and the folded text; see :mod:`helpers.tagging`."""

from __future__ import annotations

import re
from operator import itemgetter
from typing import Any

from . import arabic, otherroles, readings, roles
from .descriptions import find_descriptions
from .gazetteer import Reading
from .tagframe import NODATE, by_start, year_of

_START = itemgetter(0)
_READING = itemgetter(2)
_OWNED_BODY = re.compile(r"(?:'s?)?\s+(?:the\s+)?")
_APPOSITION = re.compile(r"\s*,\s*(?:the|a|an)\s+(?:[^\s,;.()]+\s+){0,3}$")  # the description heads it
#: "Backed by the Sudan Shield Forces, the army retook ...": after an opening participle phrase the description
#: after the comma is the main clause's subject, not an apposition
_FRONTED_BY = re.compile(r"(?:^|[.!?:]\s+|\n)\W*[a-z]+(?:ed|en)\s+(?:[a-z]+ly\s+)?(?:by|with)\s+[^,.;:]*$")
_PARA_BREAK_TEXT = re.compile(r"\n[ \t]*\n")
_DATELINE_HEAD = re.compile(r"[A-Z][A-Z.'/-]{2,}(?:[ /-][A-Z][A-Z.'/-]+)*(?=[,\s(])")
_DATELINE_TAIL = re.compile(
    r"^(?:,\s*[A-Z][\w.'-]*(?:[ -][A-Z][\w.'-]*)*)*\s*(?:,\s*)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\d{1,2}\s+[A-Z][a-z]{2,8}|\(|\u2014|\u2013|-\s)"
)


def _in_dateline(text: str, start: int, end: int) -> bool:
    """True for a place named in a dateline: ``BEIRUT, May 26 -``, ``ANTAKYA, Turkey, July 24 -``."""
    line_start = text.rfind("\n", 0, start) + 1
    if start - line_start > 40:
        return False
    head = _DATELINE_HEAD.match(text, line_start)
    if not head:
        return False
    prefix = text[head.end() : start]
    if not re.fullmatch(r"(?:,\s*[A-Z][\w.'-]*(?:[ -][A-Z][\w.'-]*)*)*,?\s*", prefix) and head.start() != start:
        return False
    return bool(_DATELINE_TAIL.match(text[end : end + 40]))


def keep_longest(cands: list[tuple[int, int, Any]], n: int) -> list[tuple[int, int, Any]]:
    """Overlapping candidates: the longest wins, among equals the leftmost; the result in text order.
    Candidates come ordered by their end; already in text order and apart (the usual case), they stay."""
    prev_end = -1
    for c in cands:
        if c[0] < prev_end:
            break
        prev_end = c[1]
    else:
        return cands
    taken = bytearray(n)
    keep = bytearray(len(cands))
    # longest first, then leftmost (as ``longest_first``), ties in input order
    for _, _, i in sorted([(c[0] - c[1], c[0], i) for i, c in enumerate(cands)]):
        a, b = cands[i][0], cands[i][1]
        if taken.find(1, a, b) == -1:
            taken[a:b] = b"\x01" * (b - a)
            keep[i] = 1
    kept = [c for c, k in zip(cands, keep) if k]
    kept.sort(key=_START)  # spans that do not overlap never share a start: the order of ``by_start``
    return kept


def add_descriptions(
    tg: Any, folded: str, kept: list[tuple[int, int, Reading]], day: int, context: frozenset[str]
) -> list[tuple[int, int, Reading]]:
    """A description wins over the aliases inside its span ("Turkey-backed [Syrian rebels]" is the SNA,
    not the generic opposition), never over an alias it cuts through or one naming its own actor."""
    where = tg.needs_where(folded)
    if where is not None and not where:
        return kept
    d_day = None if day == NODATE else day
    year = None if d_day is None else year_of(d_day)
    named = {r.entity for _, _, r in kept}
    found = find_descriptions(
        tg.descriptions, folded, d_day, context, named, lambda pos: readings.context_day_of(folded, pos, year), where
    )
    if not found:
        return kept
    out = list(kept)
    taken_until, taken = -1, None
    for s, e, d in found:
        if (s, e) == taken and d.actor not in {c[2].entity for c in out if (c[0], c[1]) == taken}:
            out.append((s, e, _description_reading(d, folded[s:e])))
            continue  # "the warring sides": a description naming two actors at once gives each a mention
        if s < taken_until or _apposition(tg, folded, kept, s) or _titles_name(tg, folded, kept, e, d.actor):
            continue
        inside = [c for c in out if c[0] < e and s < c[1]]
        if any(
            c[0] < s or c[1] > e or c[2].entity == d.actor or (_named(tg, c[2]) and not _LEADS.match(folded, c[1]))
            for c in inside
        ):  # a group's own name stays, unless it only says who leads what is described ("the HTS-led government")
            continue
        reading = _description_reading(d, folded[s:e])
        if d.dated and readings.context_day_of(folded, s, year) is not None:
            tg.by_context.add(s)  # placed by the year its sentence names
        out = [c for c in out if c not in inside]
        out.append((s, e, reading))
        taken_until, taken = e, (s, e)
    out.sort(key=by_start)
    return out


#: a name before "-led" or "-run" inside a description says who leads the actor described, it is no name of it
_LEADS = re.compile(r"-(?:led|run|dominated|controlled)\b")


def _description_reading(d: Any, text: str) -> Reading:
    """The reading a description's match gives its actor."""
    return Reading(
        entity=d.actor, via="description", case_sensitive=False, reading="actor", start=d.start, end=d.end, text=text
    )


def _named(tg: Any, r: Reading) -> bool:
    """A group's own name (``the Turkey-backed [Syrian National Army]``): a description never replaces it.
    States and umbrella actors (kind ``coalition``: "Syrian rebels") have no such name."""
    return (
        not r.generic
        and r.reading == "actor"
        and r.via != "demonym"
        and tg.kind.get(r.entity) not in ("state", "coalition")
    )


def _apposition(tg: Any, folded: str, kept: list[tuple[int, int, Reading]], s: int) -> bool:
    """``Hezbollah, the Iran-backed militia``: a description in apposition to a named group names it."""
    for _a, b, r in reversed(kept):
        if b > s:
            continue
        if s - b > 60:
            return False
        if tg.kind.get(r.entity) != "state" and _APPOSITION.match(folded, b, s):
            return not _FRONTED_BY.search(folded, max(0, _a - 160), b)
    return False


def drop_others_bodies(
    folded: str, kept: list[tuple[int, int, Reading]], parent_of: dict[str, str] | None = None
) -> list[tuple[int, int, Reading]]:
    """``Russia's Ministry of Defence``, ``the Syrian Foreign Office``: a state body's generic name (an alias ``via:
    body``) right after another actor's name or demonym is that actor's body, not the state it names alone; but a
    body with its own id after its parent's name stays (``Iran's Quds Force``: the IRGC, as ``Iran's Revolutionary
    Guards``; ``parent_of`` maps an id to its parent's)."""
    if not any(c[2].via == "body" for c in kept):
        return kept
    parent_of = parent_of or {}
    out = []
    for i, c in enumerate(kept):
        prev = kept[i - 1] if i else None
        if (
            c[2].via == "body"
            and prev is not None
            and prev[2].entity != c[2].entity
            and parent_of.get(c[2].entity) != prev[2].entity
            and _OWNED_BODY.fullmatch(folded, prev[1], c[0])
        ):
            continue
        out.append(c)
    return out


def _titles_name(tg: Any, folded: str, kept: list[tuple[int, int, Reading]], e: int, actor: str) -> bool:
    """``former al-Qaeda affiliate Fateh al-Sham Front``, ``the Iran-backed militia Hezbollah``, ``Kurdish fighters
    of the YPG``: a description right before a group's own name (or "of" it) is its title, not a second mention."""
    return any(
        0 < a - e <= 9
        and (not folded[e:a].strip() or (r.entity != actor and _OF_GAP.fullmatch(folded, e, a)))
        and _named(tg, r)
        for a, _b, r in kept
    )


#: between a description and another group's name it titles ("Kurdish fighters of the YPG": the YPG, not the SDF)
_OF_GAP = re.compile(r"\s+of\s+(?:the\s+)?")


def with_roles(
    tg: Any, text: str, folded: str, kept: list[tuple[int, int, Reading]]
) -> list[tuple[int, int, Reading, str]]:
    """Paragraph breaks stop role cues; then each mention gets its role."""
    if tg.plain_readings.issuperset(map(id, map(_READING, kept))):
        return [(start, end, r, roles.ACTOR) for start, end, r in kept]  # names of groups: actors, no cue to read
    if "\n" in text:
        # role cues never reach across a paragraph break
        breaks = [mt.span() for mt in _PARA_BREAK_TEXT.finditer(text)]
        if breaks:
            pieces, prev = [], 0
            for a, b in breaks:
                pieces += [folded[prev:a], "\u00b6" * (b - a)]
                prev = b
            folded = "".join(pieces) + folded[prev:]
    return _roles(tg, folded, kept, text)


#: after a place opening a line in Arabic, the agency of a dateline: "أنقرة/ الأناضول -", "دمشق-سانا:", "(سونا)-"
_AR_DATELINE_TAIL = re.compile(
    r"\s*(?:[-/\u2013]\s*\(?|\()\s*[\u0621-\u064a]+(?:\s+[\u0621-\u064a]+)?\s*\)?\s*[-:\u2013]"
)


def _in_arabic_dateline(folded: str, start: int, end: int) -> bool:
    """True for a place written in Arabic that opens a line before an agency's name: ``أنقرة/ الأناضول -``."""
    return (
        "\u0621" <= folded[start] <= "\u064a"
        and not folded[folded.rfind("\n", 0, start) + 1 : start].strip()
        and _AR_DATELINE_TAIL.match(folded, end) is not None
    )


def _first_role(folded: str, start: int, end: int, r: Reading, text: str) -> tuple[str | None, bool]:
    """One mention's role from its own wording, and whether the words before it decided (they govern a
    list: "leaders in Kyiv and Moscow")."""
    if r.via == "demonym" and "\u0621" <= folded[start] <= "\u064a" and otherroles.ORIGIN_AR.match(folded, end):
        return roles.ORIGIN, False  # "قنابل أميركية الصنع": American-made
    if r.via == "demonym" and "\u0621" <= folded[start] <= "\u064a" and (kind := arabic.demonym_role(folded, start)):
        return kind, False  # "الحدود اللبنانية": the border; "اللاجئين السوريين": people
    if r.reading == "actor":
        return (
            roles.cue_role(folded, start, end, "demonym") or roles.ACTOR
        ) if r.via == "demonym" else roles.ACTOR, False
    if _in_dateline(text, start, end) or _in_arabic_dateline(folded, start, end):
        return roles.PLACE, False
    if "\u0621" <= folded[start] <= "\u064a":  # a name written in Arabic: the word before decides
        return arabic.role_of(folded, start, capital=r.via == "capital"), False
    if r.via == "demonym":  # strict or contextual demonym ("Syrian")
        role = roles.strict_demonym_role(folded, end)
        if role is None:
            role = roles.PLACE if roles.cue_role(folded, start, end, "demonym") == roles.PLACE else None
        return role, False
    role = roles.cue_role(folded, start, end, r.via, strict=r.reading == "strict")
    return (None if role is None else str(role)), roles.decided_by_before(role)


def _share_in_lists(
    text: str, folded: str, kept: list[tuple[int, int, Reading]], decided: list[str | None], by_before: list[bool]
) -> None:
    """A list shares its role: "Turkey and Russia reached ...", "in Lebanon and Syria"; a preposition
    before the list governs all of it ("leaders in Kyiv and Moscow were watching"), also when a scrape dropped the
    list's commas ("nations such as Turkey Lebanon and Jordan")."""
    coordinated = roles.coordinated
    for i in range(1, len(kept)):
        if (
            kept[i][0] - kept[i - 1][1] > 7
            or kept[i - 1][2].reading == "actor"
            or kept[i][2].reading == "actor"
            or not (coordinated(folded, kept[i - 1][1], kept[i][0]) or _commas_dropped(text, folded, kept, i))
            or _clause_after_comma(folded, kept, i)
        ):
            continue
        if decided[i - 1] is not None and (decided[i] is None or by_before[i - 1]):
            decided[i] = decided[i - 1]
            by_before[i] = by_before[i - 1]
    for i in range(len(kept) - 2, -1, -1):
        if (
            decided[i] is None
            and decided[i + 1] is not None
            and kept[i + 1][0] - kept[i][1] <= 7
            and coordinated(folded, kept[i][1], kept[i + 1][0])
            and kept[i + 1][2].reading != "actor"
        ):
            decided[i] = decided[i + 1]


#: a list's last member that names no actor: "militias from Lebanon Iraq and Afghanistan"
_LAST_NAME = re.compile(r",?\s+(?:and|or)\s+[A-Z][a-z]")


def _commas_dropped(text: str, folded: str, kept: list[tuple[int, int, Reading]], i: int) -> bool:
    """``Turkey Lebanon and Jordan``: names joined by a lone space, in a run that a conjunction closes (before a
    name the gazetteer does not know, as in ``from Lebanon Iraq and Afghanistan``)."""
    j = i
    while j < len(kept) and folded[kept[j - 1][1] : kept[j][0]] == " ":
        j += 1
    if j == i:
        return False
    if j < len(kept) and roles.coordinated(folded, kept[j - 1][1], kept[j][0]):
        return True
    return (j == len(kept) or kept[j][0] > kept[j - 1][1] + 6) and _LAST_NAME.match(text, kept[j - 1][1]) is not None


#: between two items of a list ("Russia and the Assad regime")
_AND_THE = re.compile(r"\s*,?\s*(?:and|or)\s+the\s+")
#: "in" (and "the") opening a sentence before a place
_FRONTED_PLACE = re.compile(r"(?:^|[.!?:\n\"]\s*)in\s+(?:the\s+)?$")


def _clause_after_comma(folded: str, kept: list[tuple[int, int, Reading]], i: int) -> bool:
    """``the government in Damascus, Moscow stepped up``: a comma alone before a name that a verb or a state noun
    follows ends the list, the name opens a clause, as does an owner (``In Syria, Turkey's army attacked``, ``In
    Syria, US forces back``, ``In Sudan, Saudi Arabia and the UAE said``; a list goes on: ``in Damascus, Moscow and
    Tehran``)."""
    if folded[kept[i - 1][1] : kept[i][0]].strip() != ",":
        return False
    j = i
    while j + 1 < len(kept) and (
        roles.coordinated(folded, kept[j][1], kept[j + 1][0]) or _AND_THE.fullmatch(folded, kept[j][1], kept[j + 1][0])
    ):
        j += 1  # "In Sudan, Saudi Arabia and the UAE said": the list after the comma, then its verb
    owner = folded.startswith("'s ", kept[i][1])  # "In Syria, Washington's withdrawal left": an owner opens it
    if j > i:  # only after a place opening the sentence ("In Sudan,"; not "Fighting in Syria, Iran and Iraq killed")
        fronted = _FRONTED_PLACE.search(folded, max(0, kept[i - 1][0] - 14), kept[i - 1][0]) is not None
        return (
            fronted and " and " in folded[kept[j - 1][1] : kept[j][0]] and roles.opens_clause_after(folded, kept[j][1])
        )
    return owner or roles.opens_clause_after(folded, kept[i][1])


def _roles(
    tg: Any, folded: str, kept: list[tuple[int, int, Reading]], text: str
) -> list[tuple[int, int, Reading, str]]:
    """Each kept reading with its role; strict readings that are not actors and, when places are not
    kept, every non-actor are dropped."""
    actor = (roles.ACTOR, False)
    firsts = [
        actor if r.reading == "actor" and r.via != "demonym" else _first_role(folded, start, end, r, text)
        for start, end, r in kept
    ]
    decided, by_before = [d for d, _ in firsts], [b for _, b in firsts]
    _share_in_lists(text, folded, kept, decided, by_before)
    _other_roles(tg, folded, kept, decided)
    _arabic_qualifiers(tg, folded, kept, decided)
    places, actor_role = tg.places, roles.ACTOR
    return [
        (start, end, r, role)
        for (start, end, r), d in zip(kept, decided)
        if (role := d if d is not None else _default_role(r)) is not None
        and (role == actor_role or (places and r.reading != "strict"))
    ]


def _arabic_qualifiers(tg: Any, folded: str, kept: list[tuple[int, int, Reading]], decided: list[str | None]) -> None:
    """A demonym written in Arabic right after the name of a group that is no state qualifies it (``حزب الله
    اللبناني``, ``مجموعة فاغنر الروسية``): not a mention of the state."""
    for i in range(1, len(kept)):
        (_, pend, prev), (start, _end, r) = kept[i - 1], kept[i]
        if (
            r.via == "demonym"
            and "\u0621" <= folded[start] <= "\u064a"
            and prev.entity != r.entity
            and tg.kind.get(prev.entity) != "state"
            and not folded[pend:start].strip()
        ):
            decided[i] = roles.QUALIFIER


def _default_role(r: Reading) -> str | None:
    """The role of a mention its wording left undecided: none for a strict reading (it is dropped), place for a
    capital, actor otherwise."""
    if r.reading == "strict":
        return None
    return roles.PLACE if r.via == "capital" else roles.ACTOR


def _other_roles(tg: Any, folded: str, kept: list[tuple[int, int, Reading]], decided: list[str | None]) -> None:
    """Outlets, languages, origins and nationals (``the Qatari TV channel Al Jazeera``, ``Russian-made``,
    ``Iraqi gunmen``), and states that only qualify the group named next (``Lebanon's Hezbollah``)."""
    kind = tg.kind
    words = otherroles.ROLE_WORDS
    states = tg.state_readings
    for i in [i for i, c in enumerate(kept) if id(c[2]) in states]:
        start, end, r = kept[i]
        if folded[start] >= "\u0600":
            continue  # (the English wording rules say nothing of a name written in Arabic)
        nxt = folded[end : end + 1]
        if nxt not in ("-", " ", "'") or (
            nxt == " " and r.via != "demonym" and not _role_word_next(folded, end, words)
        ):
            if i + 1 >= len(kept) or kept[i + 1][0] - end > 40:
                continue  # "Russia said": no word after the name that could make it an outlet or people
        other = otherroles.other_role(folded, start, end, r.via)
        if other is not None:
            decided[i] = other
        elif (
            i + 1 < len(kept)
            and kind.get(kept[i + 1][2].entity) != "state"
            and tg.parent_of.get(kept[i + 1][2].entity) != r.entity
            and (
                otherroles.qualifies(folded, end, kept[i + 1][0])
                or (r.via == "demonym" and otherroles.titled(folded, end, kept[i + 1][0]))
            )
            and not roles.owns_clients(folded[kept[i + 1][0] : kept[i + 1][1]])  # "Ankara's Syrian proxies"
        ):
            decided[i] = roles.QUALIFIER
        elif r.via == "demonym" and _apposed_group(tg, folded, kept, i):
            decided[i] = roles.QUALIFIER  # "Hezbollah, Iran's Lebanese ally,": the group's nationality
        elif (
            i + 1 < len(kept)
            and kept[i + 1][2].via == "leader"
            and kept[i + 1][2].entity != r.entity
            and otherroles.qualifies_leader(folded, end, kept[i + 1][0])
        ):  # "Syria's deposed former leader al-Assad" after his fall: the country he led, not the new state
            decided[i] = roles.QUALIFIER


def _apposed_group(tg: Any, folded: str, kept: list[tuple[int, int, Reading]], i: int) -> bool:
    """True when the demonym ``kept[i]`` and a title noun stand in apposition to a group named just before (past
    one owner: ``Hezbollah, Iran's Lebanese ally,``)."""
    for j in (i - 1, i - 2):
        if j >= 0 and tg.kind.get(kept[j][2].entity) != "state" and _named(tg, kept[j][2]):
            return otherroles.titles_before(folded, kept[j][1], kept[i][0], kept[i][1])
    return False


# ----------------------------------------------------------------------------------------------


def _role_word_next(folded: str, end: int, words: frozenset[str]) -> bool:
    """True when one of the two words after ``end`` (past its space) is a word of ``words``."""
    after = folded[end + 1 : end + 32].split(None, 2)
    strip = ",.;:'\""
    return (len(after) > 0 and after[0].strip(strip) in words) or (len(after) > 1 and after[1].strip(strip) in words)
