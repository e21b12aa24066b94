"""Arabic shapes of fighting beside an actor: ``قاتل عناصر من حزب الله إلى جانب القوات الحكومية``, ``وقفت روسيا إلى
جانب الأسد``, ``القوة المشتركة التي تقاتل إلى جانبه`` (the fighter backs the actor beside whom it fights). Run by
:func:`helpers.shapes_ar.all_edges`; the words are data (``data/cues/support_ar.yaml``, ``fight``).
"""

from __future__ import annotations

import re

from .arabic_slots import (
    AGENT_PARTICIPLES,
    HIS_COUNTRY,
    OBJECT_AFTER_ASIDE,
    RELATIVE_OPENS,
    RELATIVES,
    THAT,
    accused_object,
    aligned,
    clause_first,
    demonym_after,
    head_of,
    list_after,
    list_before,
    name_after,
    name_before,
    named_after,
    nearest_state,
    subject_before_comma,
    subject_of,
)
from .clauses import Sentence
from .cues_ar import OBJECT_PRONOUNS, ArabicCues, alt, alt_rx
from .edges import Edge, pairs

__all__ = ["fight", "joined", "joint_combat", "stood_with"]

#: a description after a comma that a relative clause with the fighting verb ends ("، إحدى أبرز المجموعات الإسلامية
#: المسلحة التي تقاتل")
_DESCRIBED = re.compile(
    rf"\s*(?:[\u0621-\u064a]+\s+){{1,6}}(?:{RELATIVES})\s+[\u0621-\u064a]+\s*"
    # "، وهي مجموعة ذات توجه إسلامي تقاتل في صفوف": an indefinite description, its verb with no relative pronoun
    r"|\s*و(?:هي|هو|هم|هما)\s+(?:[\u0621-\u064a]+\s+){1,6}[\u0621-\u064a]+\s*"
)


#: a comma right before a beside phrase, and the sentence's end right after its actor: "besides" adds to a list
_ADDED = re.compile(r"[،,]\s*[وف]?$")
_ENDS = re.compile(r"\s*(?:[.؟!]|$)")


def _not_beside(s: Sentence, lex: ArabicCues, prep: int, backer: int, client: int) -> bool:
    """Whether the beside phrase at ``prep`` says nothing of the fighter ``backer`` and ``client``: an aligned group
    fights, not its patron ("فصائل موالية لإيران ... تقاتل إلى جانب"), and "besides" after a comma at the end of the
    sentence adds the client to a list ("شاركت السعودية والإمارات والأردن في الضربات، إلى جانب قطر.")."""
    if aligned(s, lex, max(0, s.m[backer].start - 25), s.m[backer].start):
        return True
    return (
        bool(_ADDED.search(s.f, 0, prep)) and len(list_after(s, backer)) > 1 and bool(_ENDS.match(s.f, s.m[client].end))
    )


def fight(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``قاتل عناصر من حزب الله إلى جانب القوات الحكومية``: who fights beside an actor backs it (a fighting
    verb before the phrase; the clause's first actor after or before the verb is the fighter)."""
    out: list[Edge] = []
    if not lex.fight_verbs:
        return out
    verbs = alt_rx(lex.fight_verbs + lex.stand_verbs)
    beside = lex.built(  # "إلى جانبه": the prepositions with a pronoun written on
        "fight_preps", lambda: alt_rx(lex.fight_preps + tuple(p + q for p in lex.fight_preps for q in OBJECT_PRONOUNS))
    )
    for mt in _not_voted(s, lex, beside):
        pron = not " ".join(mt.group(0).split()).endswith(lex.fight_preps)  # "إلى جانبه"
        if pron and (got := _fighters_after(s, lex, mt)):
            out += got
            continue
        client = None if pron else _beside_whom(s, mt.end())
        backer, verb_at = _fighter_back(s, verbs, mt.start())
        if pron and verb_at is not None:
            backer = _subject_after_verb(s, verb_at.end(), mt.start(), backer)
            if backer is not None:  # "قال الجيش إن كيكل قرر ... القتال في صفوفها": Keikal fights, not the speaker
                backer = _after_that(s, backer, verb_at.start())
            backer, client = _beside_it(s, verb_at.start(), backer)
        if backer is None and verb_at is not None and HIS_COUNTRY.match(s.f, verb_at.end()):
            backer = nearest_state(s, verb_at.start(), client)  # "مجددا وقوف بلاده إلى جانب القوات": his country
        if client is None or verb_at is None:
            continue
        # "اتهم الجيش قوات حفتر بالقتال إلى جانب الدعم السريع": Haftar's forces, also past an apposition
        accused = accused_object(s, lex, verb_at.start() + 1) if verb_at.group(0).startswith("ب") else None
        if backer is None and accused is None:  # "فصائل عدة تقاتل إلى جانب قوات النظام، من بينها حزب الله"
            cue = " ".join(mt.group(0).split())
            out += pairs(named_after(s, s.m[client].end), [client], (verb_at.start(), mt.end()), cue, "fight", "troops")
            continue
        backer = head_of(s, accused) if accused is not None else _after_that(s, backer, verb_at.start())
        if backer is None:
            continue  # "قالت الأمم المتحدة إن مرتزقة ... يقاتلون في صفوف": the speaker does not fight
        if _not_beside(s, lex, mt.start(), backer, client):
            continue
        said = " ".join(verb_at.group(0).split())
        stood = said in lex.stand_verbs or said[1:] in lex.stand_verbs  # "وقفت روسيا إلى جانب", "ووقفت"
        cue = " ".join(mt.group(0).split())
        out += pairs(
            list_after(s, backer),
            [client],
            (verb_at.start(), mt.end()),
            cue,
            "fight",
            "unspecified" if stood else "troops",
            _symmetric(lex, cue),
        )
    return out


def stood_with(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``وقفت القوة المشتركة مع الجيش``, ``مصر تقف مع السودان``: who stands with an actor backs it (a standing verb,
    its subject after or before it, then a standing preposition and the actor)."""
    if not lex.stand_verbs or not lex.stand_preps:
        return []
    with_ = lex.built("stand_with", lambda: re.compile(rf"\s+(?:{alt(lex.stand_preps)})\s+"))
    out: list[Edge] = []
    for mt in alt_rx(lex.stand_verbs).finditer(s.f):
        first = name_after(s, mt.end(), max_words=0)
        backers = list_after(s, first) if first is not None else []
        if not backers:
            k = name_before(s, mt.start(), max_words=1)
            backers = list_before(s, k) if k is not None else []
        at = with_.match(s.f, s.m[backers[-1]].end if first is not None else mt.end()) if backers else None
        client = name_after(s, at.end(), max_words=1) if at else None
        if client is not None and client not in backers:
            span = (mt.start(), at.end())
            out += pairs(backers, [client], span, " ".join(s.f[span[0] : span[1]].split()), "fight", "unspecified")
    return out


#: after a joining verb, its subject or the men it brings, then إلى: "انضمامه بقواته إلى", "انضمت قوات X إلى"
#: the kinds of actor that join a war as fighters: armed groups and their alliances ("القوة المشتركة")
_ARMED = ("faction", "coalition")
_JOIN_AT = re.compile(r"\s(?:الي|لل|ل)(?=\S)|\sالي\s+")


def _joined_to(s: Sentence, pos: int) -> int | None:
    """The armed faction joined: the first name right after إلى or ل within six words after the verb ending at
    ``pos`` (``انضمت القوة المشتركة لحركات الكفاح المسلح إلى الجيش``: past the joiner's own ل complement)."""
    for to in _JOIN_AT.finditer(s.f, pos, min(len(s.f), pos + 90)):
        if len(s.f[pos : to.start()].split()) > 6:
            break
        k = name_after(s, to.end(), max_words=0)
        if k is not None and s.m[k].kind == "faction":
            return k
    return None


def joined(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``انضمت قوات درع السودان إلى الجيش``, ``أعلن كيكل انضمامه بقواته إلى الجيش``: an armed group that joins an armed
    faction fights for it (joining a state or an alliance is no backing). The joiner is the verb's subject after
    it, else the clause's first actor."""
    out: list[Edge] = []
    for mt in alt_rx(lex.join_verbs).finditer(s.f) if lex.join_verbs else ():
        k = _joined_to(s, mt.end())
        if k is None:
            continue
        first = name_after(s, mt.end(), max_words=1)
        joiner = first if first is not None and first != k else subject_of(s, mt.start())  # "..., وانضمتا"
        comma = max(s.f.rfind("،", 0, mt.start()), s.f.rfind(",", 0, mt.start()))
        if joiner != first and comma >= 0 and RELATIVE_OPENS.match(s.f, comma + 1):
            joiner = name_before(s, comma, max_words=3)  # "كيكل، الذي انشق عن الدعم السريع وانضم إلى الجيش": Kaikal
        if re.search(r"انضمام(?:ه|ها|هم)$", mt.group(0)) and s.m[0].end <= mt.start():
            joiner = 0  # "أعلن كيكل انشقاقه عن الدعم السريع وانضمامه إلى الجيش": his joining, the one who announces
        if joiner is not None and s.m[joiner].kind in _ARMED and s.m[joiner].via != "demonym":
            many = mt.group(0).endswith(("تا", "وا", "ان")) and joiner != first  # a dual or plural verb: the list
            joiners = [j for j in list_after(s, joiner) if s.m[j].end <= mt.start()] if many else [joiner]
            out += pairs(joiners, [k], mt.span(), " ".join(mt.group(0).split()), "fight", "troops")
    return out


def _fighters_after(s: Sentence, lex: ArabicCues, mt: re.Match) -> list[Edge]:
    """``استعاد الجيش القصير بعد معارك خاضها إلى جانبه مئات من مقاتلي حزب الله``, ``بعد هجوم شاركت فيه إلى جانبها
    ميليشيات عراقية``: a fighting verb with its object written on (or followed by فيه, "in it") right before "beside
    him", the fighters named after it (past a number and من); "him" is the clause's subject before the verb."""
    verb = lex.built(
        "fight_verb_with_object",
        lambda: re.compile(
            rf"(?<![\u0621-\u064a])[وف]?(?:{alt(tuple(v + p for v in lex.fight_verbs for p in OBJECT_PRONOUNS))}|"
            rf"(?:{alt(lex.fight_verbs)})\s+(?:فيه|فيها|فيهم|فيهما))\s+$"
        ),
    )
    v = verb.search(s.f, max(0, mt.start() - 24), mt.start())
    many = _MANY_OF.match(s.f, mt.end()) if v else None
    fighter = name_after(s, many.end() if many else mt.end(), max_words=0) if v else None
    him = subject_of(s, v.start()) if fighter is not None else None
    him = clause_first(s, v.start()) if him is None and fighter is not None else him
    if fighter is None or him is None or him == fighter:
        return []
    return pairs(list_after(s, fighter), [him], (v.start(), mt.end()), " ".join(mt.group(0).split()), "fight", "troops")


#: a number of fighters before their group: "مئات من مقاتلي", "آلاف العناصر من"
_MANY_OF = re.compile(
    r"\s*(?:(?:مئات|ميات|الاف|آلاف|عشرات|العشرات|المئات|الالاف)\s+(?:من\s+)?)?"
    r"(?:(?:مقاتلي|مقاتلو|عناصر|مسلحي|مسلحو|جنود)\s+)?"
)


#: a unit and the force it belongs to: "الفرقة السادسة مشاة التابعة للجيش"
_UNIT_OF = re.compile(r"\s*(?:[^\s،]+\s+){1,4}?(?:التابعه|التابع|التابعين|التابعتين)\s+(?=ل)")


def _subject_after_verb(s: Sentence, end: int, prep: int, backer: int | None) -> int | None:
    """The name right after a fighting verb or its verbal noun ending at ``end`` (past one title or body noun), when
    it stands before the beside phrase at ``prep``: "أعلن الجيش انضمام قائد قوات درع السودان إلى صفوفه" (the joiner,
    not the one who announces; a leader named later in that phrase, not the force of his title); else ``backer``."""
    k = name_after(s, end, max_words=1)
    if k is None or s.m[k].end > prep or _PREP_WORD.match(s.f, end):
        return backer
    leader = next((j for j in range(k + 1, len(s.m)) if s.m[j].end <= prep and s.m[j].via == "leader"), None)
    return leader if leader is not None else k  # "انضمام قائد قوات الدعم السريع ... كيكل إلى صفوفه": the leader


#: a preposition after a fighting verb: the name after it is no subject ("قاتلت ضد الدعم السريع")
_PREP_WORD = re.compile(r"\s*(?:ضد|مع|علي|الي|عن|في|من)\s")


def _beside_whom(s: Sentence, pos: int) -> int | None:
    """The actor named after a beside-phrase ending at ``pos``: the name (past a body noun: "إلى جانب قوات النظام"),
    or the force a unit named there belongs to ("جنبا إلى جنب مع الفرقة السادسة التابعة للجيش")."""
    k = name_after(s, pos, max_words=1)
    if k is None:
        k = demonym_after(s, pos)  # "إلى جانب الحكومة والجيش السوريين": the demonym of the nouns before it
    unit = _UNIT_OF.match(s.f, pos) if k is None else None
    return name_after(s, unit.end(), max_words=0) if unit else k


def _fighter_back(s: Sentence, verbs: re.Pattern, pos: int) -> tuple[int | None, re.Match | None]:
    """The fighter and the fighting verb of a beside phrase at ``pos``: in its clause, else past one or two short
    asides set off by commas ("تخوض القوة المشتركة، جنبا إلى جنب مع", "عناصر من حزب الله، المدعوم من إيران، جنبا")."""
    start = _segment_start(s, pos)
    rel = _RELATIVE_ASIDE.search(s.f, max(0, start - 200), start) if not s.f[start:pos].strip() else None
    if rel is not None:  # "يقاتل لواء فاطميون، الذي يموله الحرس الثوري، إلى جانب": the aside's actors do not fight
        end = rel.start()
        backer, verb_at = _fighter_and_verb(s, verbs, _segment_start(s, end), end)
        if backer is not None:
            return backer, verb_at
    backer, verb_at = _fighter_and_verb(s, verbs, start, pos)
    for _ in range(2):
        if verb_at is not None or start <= 0 or s.f[start - 1] != "،" or len(s.f[start:pos].split()) > 6:
            break
        end, start = start - 1, _segment_start(s, start - 1)
        backer, verb_at = _fighter_and_verb(s, verbs, start, end)
    return backer, verb_at


def _segment_start(s: Sentence, pos: int) -> int:
    """The start of the comma- or semicolon-delimited segment of the sentence that holds ``pos``."""
    return max(s.f.rfind("،", 0, pos), s.f.rfind("؛", 0, pos), -1) + 1


#: a relative clause set off by commas, right before a beside phrase: "، الذي جنّده الحرس الثوري من اللاجئين، "
_RELATIVE_ASIDE = re.compile(rf"،\s*(?:{RELATIVES})\s[^،؛.:]{{1,160}}،\s*$")


#: في right before a fighting verbal noun: the name before it is engaged in the fighting
_IN_BEFORE = re.compile(r"(?<![\u0621-\u064a])في\s+$")


def _engaged_in(s: Sentence, verbs: re.Pattern, start: int, pos: int) -> int | None:
    """The name right before في and the last fighting noun between ``start`` and ``pos`` ("انخراط مقاتلي مجموعة
    «فاغنر» في القتال إلى جانب قوات النظام": Wagner fights, not the clause's first actor)."""
    last = None
    for last in verbs.finditer(s.f, start, pos):  # noqa: B007 (the last one is wanted)
        pass
    into = _IN_BEFORE.search(s.f, max(0, last.start() - 6), last.start()) if last is not None else None
    return name_before(s, into.start(), max_words=0) if into else None


def _fighter_and_verb(s: Sentence, verbs: re.Pattern, start: int, pos: int) -> tuple[int | None, re.Match | None]:
    """Who fights beside the actor named at ``pos`` (its clause opening at ``start``), and the fighting verb."""
    verb_at = verbs.search(s.f, start, pos)
    backer = _relative_fighter(s, verb_at.start()) if verb_at is not None else None
    if backer is None and verb_at is not None and _TAKES_BACK.search(verb_at.group(0)):
        # "بعد هجوم خاضته قوات النظام جنبا إلى جنب مع": the verb takes back what was fought, its subject follows
        k = name_after(s, verb_at.end(), max_words=0)
        backer = k if k is not None and s.m[k].end <= pos else None
    backer = _engaged_in(s, verbs, verb_at.start(), pos) if backer is None and verb_at is not None else backer
    named = backer is not None  # "عقوبات على كتيبة البراء التي تقاتل": named by its relative, any preposition before
    backer = clause_first(s, pos) if backer is None else backer
    if backer is not None and not named and _AFTER_TO.search(s.f, max(0, s.m[backer].start - 6), s.m[backer].start):
        # "كيكل، قائد قوات درع السودان، قرر الانحياز إلى القوات المسلحة والقتال في صفوفها": the object of إلى
        # does not fight; the subject before the aside does
        backer = subject_before_comma(s, start) if start > 0 else None
    if backer is None and OBJECT_AFTER_ASIDE.match(s.f, start, pos):
        backer = subject_of(s, pos)  # "أعلنت الحركتان، في مؤتمر صحفي، ... القتال إلى جانب": past the aside
    if backer is None and _DESCRIBED.fullmatch(s.f, start, pos) and start > 0:
        backer = name_before(s, start - 1, max_words=2)  # "كتيبة البراء، إحدى أبرز المجموعات التي تقاتل في صفوف"
        verb_at = verbs.search(s.f, start, pos) if backer is not None else verb_at
    if backer is None and re.match(rf"\s*(?:(?:{RELATIVES})(?![\u0621-\u064a])|$)", s.f[start:pos]):
        # "مجموعة فاغنر، الذين يقاتلون إلى جانب": the group named right before the comma (not an earlier name:
        # "ضد قوات الدعم السريع، وإن الكتيبة، التي تنشر مقاتلين إلى جانب الجيش": the brigade, unnamed)
        head = name_before(s, start - 1, max_words=2) if start > 0 else None  # "القوة المشتركة للحركات المسلحة،"
        head = None if head is not None and "،" in s.f[s.m[head].end : start - 1] else head
        backer = _past_passive_aside(s, head if head is not None else _aside_subject(s, start, pos))
        if backer is not None and s.f[start:pos].lstrip().startswith(("الذين", "اللذان", "اللذين", "اللتان", "اللتين")):
            backer = list_before(s, backer)[0]  # "مقاتلي حزب الله وحركة النجباء، الذين قاتلوا": the plural's list
        if backer is not None and verb_at is None:  # "وتقاتل كتيبة البراء، ذات التوجه الإسلامي، إلى جانب"
            verb_at = verbs.search(s.f, max(0, s.m[backer].start - 60), s.m[backer].start)
    return backer, verb_at


def _symmetric(lex: ArabicCues, cue: str) -> set[str]:
    """The flags of a beside phrase: ``symmetric`` when it says no direction (``جنبا إلى جنب مع``)."""
    return {"symmetric"} if cue in lex.fight_symmetric else set()


#: the article on a later word of a beside phrase ("في الصفوف"): a place in the ranks, not the prep
_ARTICLED = re.compile(r"\sال")


def _not_voted(s: Sentence, lex: ArabicCues, beside: re.Pattern) -> list[re.Match]:
    """The beside phrases of the sentence but those right after a voting verb (``صوّت لصالحه``: a vote for a
    text) and those with the article on a later word when a beside phrase without it follows (``قاتلوا في الصفوف
    الأمامية إلى جانب القوات الحكومية``: the front ranks are where, the phrase after says beside whom)."""
    every = list(beside.finditer(s.f))
    plain = [x for x in every if not _ARTICLED.search(x.group(0))]
    found = [mt for mt in every if mt in plain or not any(0 <= x.start() - mt.end() < 40 for x in plain)]
    if not lex.votes:
        return found
    rx = lex.built("fight_votes", lambda: re.compile(rf"(?<![\u0621-\u064a])(?:{alt(lex.votes)})\s+$"))
    return [mt for mt in found if rx.search(s.f, max(0, mt.start() - 12), mt.start()) is None]


#: a fighting verb written with the pronoun of what was fought ("معارك خاضها", "هجوم خاضته")
_TAKES_BACK = re.compile(r"(?:ه|ها|هم)\s*$")

#: a preposition right before a name: its object ("الانحياز إلى القوات المسلحة")
_AFTER_TO = re.compile(r"(?<![\u0621-\u064a])(?:الي|ضد|علي|مع)\s+$")

#: a passive participle and its agent set off by commas: "حزب الله، المدعوم من إيران، جنبا إلى جنب مع"
_PASSIVE_ASIDE = re.compile(
    rf"،\s*(?:[وف]?(?:كلاهما|كلتاهما|كلها|كلهم|جميعها|جميعهم)\s+)?"  # "، وكلاهما مدعوم من طهران،": the list before
    rf"(?:ال)?(?:{AGENT_PARTICIPLES})[\u0621-\u064a]*\s+من\s+(?:قبل\s+)?$"
)


def _aside_subject(s: Sentence, start: int, pos: int) -> int | None:
    """The subject before an aside opening at ``start`` when a passive aside stands between ("حزب الله، المدعوم من
    إيران، الذي يقاتل"), else None (the relative's head is no name)."""
    k = subject_of(s, pos)
    return k if k is not None and _PASSIVE_ASIDE.search(s.f, s.m[k].end, start) else None


def _past_passive_aside(s: Sentence, k: int | None) -> int | None:
    """The name before an aside whose agent is mention ``k`` ("عناصر من حزب الله، المدعوم من إيران،"): the agent
    of the aside's passive backs the name, it does not fight."""
    aside = _PASSIVE_ASIDE.search(s.f, max(0, s.m[k].start - 50), s.m[k].start) if k is not None else None
    named = name_before(s, aside.start(), max_words=0) if aside else None
    return (list_before(s, named)[0] if named is not None else None) if aside else k


def _relative_fighter(s: Sentence, verb: int) -> int | None:
    """``عقوبات على كتيبة البراء بن مالك التي تقاتل إلى جانب الجيش``: the name right before the relative pronoun
    opening the fighting verb's clause fights (not the clause's first actor); so does the name (and its list) right
    before a participle with the article, its adjective (``كتيبة البراء بن مالك المقاتلة في صفوف الجيش``)."""
    rel = re.search(rf"(?<![\u0621-\u064a])(?:{RELATIVES})\s+$", s.f[max(0, verb - 12) : verb])
    if rel is None and s.f.startswith("الم", verb):  # a participle (المقاتلة), not a verbal noun (القتال)
        k = name_before(s, verb, max_words=0)
        return None if k is None else list_before(s, k)[0]
    return name_before(s, max(0, verb - 12) + rel.start(), max_words=0) if rel else None


def _beside_it(s: Sentence, verb: int, backer: int | None) -> tuple[int | None, int | None]:
    """``الجيش والقوة المشتركة التي قاتلت إلى جانبه``: the fighter is the name before the relative pronoun opening the
    verb's clause (past its complement), else ``backer``; "him" is the actor joined to the fighter by و (or ول) just
    before it, else the sentence's first other actor, else the sentence before's (a stand-in on the pronoun)."""
    rel = re.search(rf"(?:{RELATIVES})\s+$", s.f[max(0, verb - 12) : verb])
    k = name_before(s, max(0, verb - 12) + rel.start(), max_words=5) if rel else None
    backer = k if k is not None else backer
    if backer is None:
        return None, None
    # و, with the preposition said again after it: "ضربة للجيش وللقوة المشتركة التي قاتلت إلى جانبه"
    if backer > 0 and re.fullmatch(r"\s*و(?:ل|لل|ب)?\s*", s.f[s.m[backer - 1].end : s.m[backer].start]):
        return backer, backer - 1
    him = next((j for j in range(backer) if s.m[j].entity != s.m[backer].entity), None)
    if him is None:  # "him" named in the sentence before: the stand-in on the pronoun (helpers.coref_ar)
        him = next((j for j in range(backer + 1, len(s.m)) if s.m[j].stand_in.startswith("جانب")), None)
    return backer, him


#: a resumptive pronoun right after a verb in a relative clause of time or place ("في وقت شنت فيه")
_RESUMPTIVE = re.compile(r"\s+(?:فيه|فيها|خلاله|خلالها)(?![\u0621-\u064a])")


def joint_combat(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``استعادت قوات النظام ومقاتلو حزب الله مدينة القصير``, ``الجيش والقوة المشتركة تصديا للهجوم``: actors listed by
    و as the subject of a verb of combat (after it, or right before it), or right after a noun of combat (``غارات روسية
    وسورية``), act together. The edges are flagged ``joint``: the extractor keeps one only when the pack's reference
    edges know one direction of the pair, and turns it that way (enemies listed together, "اشتبك الجيش والدعم
    السريع", know neither)."""
    out: list[Edge] = []
    for mt in alt_rx(lex.combat_verbs).finditer(s.f) if lex.combat_verbs else ():
        at = _RESUMPTIVE.match(s.f, mt.end())  # "في وقت شنت فيه طائرات روسية وسورية غارات": the time's pronoun
        k = name_after(s, at.end() if at else mt.end(), max_words=1)  # "استعادت قوات النظام": a body noun first
        listed = list_after(s, k) if k is not None else []
        if len(listed) < 2:  # "وكانت وحدات الجيش ومقاتلو القوة المشتركة لحركات دارفور قد تصدوا": the list before
            k = name_before(s, mt.start(), max_words=3)
            listed = list_before(s, k) if k is not None and "،" not in s.f[s.m[k].end : mt.start()] else []
        out += _listed_pairs(s, listed, mt)
    for mt in alt_rx(lex.combat_nouns).finditer(s.f) if lex.combat_nouns else ():
        k = name_after(s, mt.end(), max_words=1)  # "غارات روسية وسورية", "غارات للنظام السوري والطيران الروسي"
        out += _listed_pairs(s, list_after(s, k) if k is not None else [], mt)
    return out + _launched(s, lex)


def _launched(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``بدأ الجيش التركي وفصائل الجيش الوطني عملية برية``, ``تركيا والجيش الوطني يطلقان عملية``: a list that
    launches an operation together (the operation right after the list, or right after the verb the list stands
    before), as ``joint`` pairs."""
    if not lex.launch_verbs or not lex.operations:
        return []
    op = lex.built("operations", lambda: re.compile(rf"[\s«\"]*(?:{alt(lex.operations)})(?![\u0621-\u064a])"))
    out: list[Edge] = []
    for mt in alt_rx(lex.launch_verbs).finditer(s.f):
        k = name_after(s, mt.end(), max_words=1)
        listed = list_after(s, k) if k is not None else []
        if len(listed) > 1 and op.match(s.f, s.m[listed[-1]].end):
            out += _listed_pairs(s, listed, mt)
            continue
        k = name_before(s, mt.start(), max_words=0)
        listed = list_before(s, k) if k is not None else []
        if len(listed) > 1 and op.match(s.f, mt.end()):
            out += _listed_pairs(s, listed, mt)
    return out


def _listed_pairs(s: Sentence, listed: list[int], mt: re.Match) -> list[Edge]:
    """Each two actors of a list next to a verb or noun of combat (``mt``), as ``joint`` pairs."""
    cue = " ".join(mt.group(0).split())
    return [
        e
        for i, j in zip(listed, listed[1:])
        if s.m[i].entity != s.m[j].entity
        for e in pairs([i], [j], mt.span(), cue, "fight", "troops", {"symmetric", "joint"})
    ]


def _after_that(s: Sentence, first: int, verb: int) -> int | None:
    """The subject of a verb at ``verb`` when the clause's first actor ``first`` speaks before إن/أن: the first
    actor after the conjunction ("أكد البرهان أن مصر وقفت": Egypt), the speaker again after إنه/إنها, None when no
    actor stands there ("إن مرتزقة يقاتلون")."""
    that = None
    for mt in THAT.finditer(s.f, s.m[first].end, verb):
        that = mt
    if that is None or that.group(1):
        return first
    return next((k for k in range(len(s.m)) if that.end() <= s.m[k].start and s.m[k].end <= verb), None)
