"""Roles other than actor and place: an outlet ("the Qatari TV channel Al Jazeera"), a language ("taught in
German"), an origin ("Russian-made"), people ("Iraqi gunmen", "an American fighting for Isis") and a qualifier
("Lebanon's Hezbollah"). Read on the folded text, like :mod:`helpers.roles`, whose role names these are.
"""

from __future__ import annotations

import re

from .roles import LANGUAGE, ORIGIN, OUTLET, PEOPLE, PLACE, QUALIFIER, past_listed_demonyms

__all__ = ["ROLE_WORDS", "other_role", "qualifies", "qualifies_leader", "titles_before"]

_ORIGIN = re.compile(r"^-(?:made|built|manufactured|produced|designed|origin|era|style)\b")
#: "قنابل أميركية الصنع": a demonym written in Arabic before "made" names the origin
ORIGIN_AR = re.compile("\\s+(?:ال)?صنع(?![\u0621-\u064a])")
_LANGUAGE_AFTER = re.compile(r"^-?\s?(?:language|speaking|speakers?|speaker|subtitles|subtitled|dubbed|translation)\b")
_LANGUAGE_BEFORE = re.compile(
    r"\b(?:in|into|from|speak|speaks|spoke|speaking|fluent|learn|learning|taught|teach|"
    r"teaching)\s+$"
)
_LANGUAGE_END = re.compile(r"^\s*(?:[.,;:)!?\"]|$|(?:and|or|by|with|on|at|as|is|was|are|were|to|for|but)\b)")
_OUTLET_OWNED = (
    re.compile(  # "the Saudi-owned Al Arabiya", "Qatar-funded news channel"; not "Saudi-funded Jaish al-Islam"
        r"^-(?:(?:owned|run)\s+al\b|(?:owned|funded|financed|run|based)\s+(?:[a-z-]+\s+){0,3}?(?:tv|television|channel|"
        r"broadcaster|network|newspaper|paper|daily|outlet|news|agency|website|media)\b)"
    )
)
_OUTLET_NOUN = re.compile(
    r"^\s+(?:(?:satellite|pan-arab|private|independent|online|news|tv|television)\s+){0,2}"
    r"(?:tv channels?|television channels?|news channels?|channels?|broadcasters?|news agenc(?:y|ies)|newspapers?|"
    r"daily|dailies|news websites?|news sites?|news outlets?|media outlets?|outlets?|tv networks?|television networks?|"
    r"tv stations?|television stations?|radio)\b"
)
#: "the Lebanese Al-Manar TV channel": the outlet's own name between the demonym and the outlet noun
_OUTLET_NAMED = re.compile(
    r"^\s+(?:(?!(?:state|official|government|regime|army|military|opposition)\b)[a-z-]+\s+){1,2}"
    r"(?:tv channel|television channel|news channel|satellite channel|news agency|tv station|television station|"
    r"newspaper|broadcaster)\b"
)
_VERB_WORD = re.compile(  # "Russia trained fighters", "US probes civilian deaths", "Iran sent fighters"
    r"^(?:[a-z]+ed|[a-z]{3,}[^s]s|sent|send|gave|give|sold|sell|lent|lend|paid|pay|brought|bring|kept|keep|got|get|"
    r"took|take|led|lead|hit|let|put|made|make|found|drew|threw|flew|held|hold|has|have|had|will|would|can|could|may|"
    r"might|must|to|also|"
    # a preposition or conjunction between: "depends on Iran for fighters", "Russia and fighters from Chechnya"
    r"for|from|with|and|or|of|in|on|by|against|at|as|into|than|via)$"
)
_NATIONALS = re.compile(
    r"^\s+(?P<pre>[a-z-]+\s+)?(?:gunmen|gunman|citizens|citizen|nationals|national(?!\s+(?:defen[cs]e|security|army|guard|"
    r"council|assembly|intelligence|police|unity|salvation|liberation|coalition|front|alliance|oil|news|media|bank|"
    r"committee|dialogue|congress|party|reconciliation|interest|interests|forces)\b)|tourists|tourist|kurds|arabs|alawites|"
    r"sunnis|shias|shiites|turkmen|refugees|migrants|"
    r"historian|historians|surgeon|surgeons|doctor|soldier|ex-soldier|veteran|veterans|jihadi|"
    r"jihadis|convert|converts|bride|brides|hostages?|aid worker|aid workers|public(?![\s-]+sector)|voters|"
    r"taxpayers|muslims|christians|jews|faith leaders|academic|academics|scholar|scholars|author|"
    r"writer|writers|professor|teacher|teachers|medics?|pensioner|pensioners|billionaire|"
    r"activist|activists|mother|father|wife|husband|son|daughter|family|"
    r"volunteers|volunteer|jihadists|jihadist|fighters(?!\s+(?:jets|planes|aircraft|bombers))|militants|militant|extremists|"
    r"civilians|civilian|residents|workers|students|student|journalists|journalist|hostages|"
    r"hostage|detainees|prisoners|migrants|refugees|people|expats|expatriates|businessman|"
    r"businessmen|pilgrims|recruits|women|men|man|woman|children|teenager|teenagers|boy|girl|warlord|warlords|"
    r"doctors|nurses|aid workers|passport|passports|descent|origin|born)\b"
)
#: "US and UK public": the civilians of a list of countries (the last one named right before them)
_LISTED_PEOPLE = re.compile(
    r"^\s+and\s+(?!(?:its|their|his|her|the|a|an|by|in|of|to|for|with|from|on|at|other|many|some)\b)[a-z-]+\s+"
    r"(?:public|citizens|nationals|voters|taxpayers|tourists|civilians|residents|people|students|workers|refugees|"
    r"migrants|expats|expatriates)\b"
)
_COMMUNITY_AFTER = re.compile(
    r"^\s+(?:kurdish|shia|shiite|sunni|druze|turkmen|christian|yazidi|assyrian|alawite|armenian|ismaili)\b"
)
_PERSON_BEFORE = re.compile(r"\b(?:a|an|one|another|two|three|four|five|six|several|\d+)\s+$")
_PERSON_AFTER = re.compile(r"^\s*(?:,|who\b|[a-z]+ing\b|was\b|is\b|had\b|has\b|said\b|died\b|killed\b|named\b)")
_PEOPLE_WHO = re.compile(
    r"^\s+who\s+(?:[a-z]+\s+)?(?:fight|fought|joined|join|travelled|traveled|went|were|are|"
    r"have|had|left)\b"
)
_QUALIFIED = re.compile(
    r"^(?:'s?)?\s+(?:(?:shia|shiite|sunni|islamist|militant|armed|paramilitary|political|powerful|"
    r"main|largest|jihadist|militia|group|movement|party|organisation|organization|faction|"
    r"guerrilla|islamic|resistance|moderate|mainstream|exiled|fragmented|divided|armed|"
    r"the)\s+){0,3}$"
)


#: a state's possessive before one of its (former) leaders: "Syria's deposed former leader", "Syria's Bashar"
_LEADER_QUALIFIED = re.compile(
    r"^'s?\s+(?:(?:deposed|former|ousted|toppled|fallen|exiled|late|longtime|long-time|then|president|leader|"
    r"ruler|strongman|dictator|autocrat)\s+){0,3}(?:al-|el-)?$"
)


def qualifies_leader(folded: str, a_end: int, b_start: int) -> bool:
    """True when a state's possessive only says whose leader the name after it was (``Syria's deposed former
    leader al-Assad``)."""
    return b_start - a_end <= 40 and bool(_LEADER_QUALIFIED.match(folded[a_end:b_start]))


_VERB_LIKE = re.compile(r"\b(?:armed|divided|exiled|fragmented)\b")
_GROUP_HEAD = re.compile(r"\b(?:militia|group|movement|party|organisation|organization|faction|guerrilla|resistance)\b")
_EVENT_AFTER = re.compile(
    r"^\s+(?:and\s+(?!(?:its|their|his|her|the|a|an)\b)[a-z-]+(?:\s+[a-z-]+)?\s+)?"  # "Turkey and Syria earthquake"
    r"(?:(?:humanitarian|refugee|refugees|migrant|migration|weapons|arms|civil|oil|debt|hostage|hostages|"
    r"chemical|nuclear|aid|food|water|health|cholera|famine|economic|financial|political|energy|border)\s+)?"
    r"(?:war|wars|crisis|disaster|conflict|invasion|inquiry|dossier|debacle|quagmire|"
    r"earthquake|quake|election|elections|economy|fiasco|aftermath|syndrome|embargo|emergency)\b"
)  # "the Iraq war", "Iraq humanitarian crisis", "Syria arms embargo": an event or a measure named after a place


#: a firm of a country's nationality: "a Turkish defence firm delivered drones" (the firm, not the state: its origin)
_FIRM_AFTER = re.compile(
    r"^\s+(?:(?:defen[cs]e|arms|weapons|drone|private|security|mining|engineering|shipping|logistics)\s+)?"
    r"(?:firm|firms|company|companies|manufacturer|manufacturers|maker|makers|producer|"
    r"producers|exporter|exporters|conglomerate)\b"
)


def _words_of(*patterns: re.Pattern) -> frozenset[str]:
    """The plain words of some patterns (a cheap pre-test before matching them)."""
    out: set[str] = set()
    for p in patterns:
        out |= set(re.findall(r"[a-z]{2,}", re.sub(r"\\[a-z]", " ", p.pattern)))
    return frozenset(out)


ROLE_WORDS = _ROLE_WORDS = _words_of(
    _LANGUAGE_AFTER, _OUTLET_NOUN, _OUTLET_NAMED, _NATIONALS, _EVENT_AFTER, _PEOPLE_WHO, _COMMUNITY_AFTER, _FIRM_AFTER
) | {
    "in",
    "into",
    "from",
}


_BODY_ALIAS = re.compile(r"\b(?:authorities|government|officials|forces|army|military|ministry|state)$")


def other_role(folded: str, start: int, end: int, via: str) -> str | None:
    """An outlet, language, origin or people reading of a state's name or demonym, or ``None``.

    ``Russian-made jets`` (origin), ``taught in German``, ``Russian-language media`` (language), ``the
    Qatari TV channel Al Jazeera``, ``the Saudi-owned Al Arabiya`` (outlet, unless state media: ``Syrian
    state TV`` is the state), ``Iraqi gunmen``, ``an American fighting for Isis`` (people: nationals).
    """
    if _BODY_ALIAS.search(folded, start, end):
        return None  # "Sudanese authorities release man": the state's body, whatever people nouns follow
    after = folded[end : end + 60]
    if not after or after[0] not in " -'":  # a comma, a full stop, a bracket: only "taught in German." is left
        if via != "demonym" or not _LANGUAGE_END.match(after):
            return None
        return LANGUAGE if _LANGUAGE_BEFORE.search(folded[start - 30 if start > 30 else 0 : start]) else None
    if after[0] == "-":
        return (
            ORIGIN
            if _ORIGIN.match(after)
            else LANGUAGE
            if _LANGUAGE_AFTER.match(after)
            else OUTLET
            if _OUTLET_OWNED.match(after)
            else None
        )
    before = folded[start - 30 if start > 30 else 0 : start]
    if not _role_word_in(after):
        # no word that could make an outlet, a language, an event or people: only "a Russian, ..." is left
        if via != "demonym":
            return None
        if _language_end(folded, end) and _LANGUAGE_BEFORE.search(before):
            return LANGUAGE
        return PEOPLE if _PERSON_AFTER.match(after) and _PERSON_BEFORE.search(before) else None
    return _worded_role(before, after, via, _language_end(folded, end))


def _language_end(folded: str, end: int) -> bool:
    """True when the words after a demonym ending at ``end`` end the phrase, also past the demonyms listed with it
    ("taught in Arabic and English."; not "in Syrian and Russian air strikes": a noun follows the list)."""
    shared = past_listed_demonyms(folded, end)
    return bool(_LANGUAGE_END.match(folded[end : end + 60]) and _LANGUAGE_END.match(folded[shared : shared + 60]))


def _role_word_in(after: str) -> bool:
    """True when one of the first three words of ``after`` is a role word (:data:`ROLE_WORDS`)."""
    for w in after.split(None, 3)[:3]:
        if w.strip(",.;:'\"") in _ROLE_WORDS:
            return True
    return False


def _worded_role(before: str, after: str, via: str, language_end: bool) -> str | None:
    """:func:`other_role` when a role word follows the name (``Russian-language``, ``Qatari TV``, ``Iraqi
    gunmen``, ``the Iraq war``)."""
    if _LANGUAGE_AFTER.match(after):
        return LANGUAGE
    if via == "demonym" and _LANGUAGE_BEFORE.search(before) and language_end:
        return LANGUAGE
    if _OUTLET_OWNED.match(after):
        return OUTLET
    if via == "name" and _EVENT_AFTER.match(after):
        return PLACE  # "the Iraq war", "Iraq humanitarian crisis": an event, not the state acting
    if (
        _OUTLET_NOUN.match(after)
        and not re.match(r"^\s+(?:state|official|government|regime)", after)
        and not before.endswith(("pro-", "anti-"))  # "pro-Damascus media outlets": whom they side with
    ):
        return OUTLET
    if via == "demonym" and _OUTLET_NAMED.match(after):
        return OUTLET
    if via == "demonym" and _FIRM_AFTER.match(after):
        return ORIGIN  # "a Turkish defence firm": the firm's nationality, not the state
    if via == "demonym" and _COMMUNITY_AFTER.match(after):
        return QUALIFIER  # "Iraqi Kurdish forces", "Iraqi Shia militias": a community of the country, not its state
    if via in ("demonym", "acronym", "name") and _LISTED_PEOPLE.match(after):
        return PEOPLE
    nat = _NATIONALS.match(after) if via in ("demonym", "acronym", "name") else None
    if nat and not (nat.group("pre") and _VERB_WORD.match(nat.group("pre").strip())):
        return PEOPLE  # "Iraqi gunmen"; not "Russia trained fighters" (a verb between: the state acts)
    if via == "demonym" and (
        (_PERSON_BEFORE.search(before) and _PERSON_AFTER.match(after)) or _PEOPLE_WHO.match(after)
    ):  # "Britons who fight for Isis"
        return PEOPLE
    return None


#: a demonym before a title noun and the name it describes: "its Lebanese ally Hezbollah", "Iran's Iraqi proxies"
_TITLED = re.compile(r"\s+(?:[a-z-]+\s+)?(?:ally|allies|proxy|proxies|partner|partners|client|clients)\s+(?:the\s+)?$")


def titled(folded: str, a_end: int, b_start: int) -> bool:
    """True when a demonym ending at ``a_end`` and a title noun only describe the group named at ``b_start``
    (``its Lebanese ally Hezbollah``: Hezbollah, not Lebanon)."""
    return b_start - a_end <= 30 and _TITLED.match(folded, a_end, b_start) is not None


#: between a group's name and a demonym in apposition to it: "Hezbollah, Iran's Lebanese ally," (one owner at most)
_APPOSED_BEFORE = re.compile(r"\s*,\s+(?:(?:the|its|their|[\w-]+'s?)\s+)?(?:(?:main|key|closest|chief|top)\s+)?$")
_APPOSED_AFTER = re.compile(r"\s+(?:ally|allies|proxy|proxies|partner|partners|client|clients)\s*[,;.)]")


def titles_before(folded: str, group_end: int, start: int, end: int) -> bool:
    """True when a demonym ``start``-``end`` and a title noun after it stand in apposition to the group named
    before, ending at ``group_end`` (``Hezbollah, Iran's Lebanese ally,``: Hezbollah, not Lebanon)."""
    return (
        0 < start - group_end <= 30
        and _APPOSED_BEFORE.fullmatch(folded, group_end, start) is not None
        and _APPOSED_AFTER.match(folded, end) is not None
    )


def qualifies(folded: str, a_end: int, b_start: int) -> bool:
    """True when a state mention only qualifies the group named right after it (``Lebanon's Hezbollah``,
    ``the Lebanese Shia militia Hezbollah``, ``Iraq's Popular Mobilisation Forces``)."""
    gap = folded[a_end:b_start]
    if b_start - a_end > 40 or not _QUALIFIED.match(gap):
        return False
    # "Iran armed Hezbollah": without "'s" or a group noun, a word that is also a past tense is the verb
    return gap.startswith("'") or not _VERB_LIKE.search(gap) or bool(_GROUP_HEAD.search(gap))
