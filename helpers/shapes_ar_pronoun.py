"""The Arabic shape whose client is a pronoun: ``يستند الجيش السوداني إلى حلفائه؛ ... تركيا وإيران زودتاه بطائرات
مسيرة`` (the army is supplied), ``مصر توفر له غطاء سياسيا``. Run by :func:`helpers.shapes_ar.all_edges`; the words
are data (``data/cues/support_ar.yaml``).
"""

from __future__ import annotations

import re

from .arabic_slots import (
    RELATIVES,
    THAT,
    TO_PRONOUN_WORDS,
    after_thing,
    demonym_after,
    head_of,
    list_after,
    list_before,
    name_after,
    name_before,
    subject_of,
)
from .clauses import Sentence
from .cues_ar import OBJECT_PRONOUNS, ArabicCues, alt, alt_rx, suffixed, verb_stem
from .edges import Edge, pairs

__all__ = ["pronoun_client", "purpose_pronoun"]

_WORD = re.compile(r"[\u0621-\u064a]+")
#: ل and a pronoun written as a word after the verb ("توفر له")
_TO_HIM = frozenset(TO_PRONOUN_WORDS)
#: a relative word or a name right before the verb: the pronoun stands for that name (``الفصائل التي تدعمها``)
_RELATIVE_BEFORE = re.compile(rf"(?<![\u0621-\u064a])(?:{RELATIVES})\s*$")


#: what may stand right before a verb whose subject follows it: a clause's opening or a particle ("وقد زودته تركيا");
#: an indefinite noun there is what the pronoun stands for ("مشروع قرار قدمته بريطانيا")
_OPENS_BEFORE = re.compile(r"(?:^|[،؛:.]|(?<![\u0621-\u064a])[وف]?(?:قد|لقد|كما|ثم|فيما|بينما|حيث|و))\s*$")


def _subjects(s: Sentence, start: int, end: int) -> list[int]:
    """The named subject beside a verb: right after it when a clause opens before the verb (``وقد زودته تركيا``),
    or the list right before it (``تركيا وإيران زودتاه``)."""
    k = name_after(s, end, max_words=0)
    if k is not None:
        opens = s.f[start] in "وف" or _OPENS_BEFORE.search(s.f, max(0, start - 12), start)
        given_to = "ل" in s.f[end : s.m[k].start + 1]  # "ودعمها لحزب الله": her support for Hezbollah
        return list_after(s, k) if opens and not given_to else []
    k = name_before(s, start, max_words=0)
    if k is None or s.f[start] in "وف" or _RELATIVE_BEFORE.search(s.f, max(0, start - 8), start):
        return []  # "تمول الإمارات الدعم السريع وتمدها بالسلاح": a verb after و goes on with the first subject
    if demonym_after(s, end) is not None:
        return []  # "مقاتلون من الجيش الحر تساندهم المدفعية التركية": the name before is the object (verb_with_object)
    return list_before(s, k)


def _topic(s: Sentence, before: int, subjects: list[int]) -> int | None:
    """The topic the pronoun stands for: the first actor of the reported clause (after the last إن / أن with an
    actor of its own before ``before``) or of the sentence, when it is none of ``subjects``."""
    # not after "أنه"/"أنها": that clause's subject is a pronoun, its first name no topic ("ويعتقد أنه حصل على
    # مسيرات من تركيا وإيران، فيما تشير تقارير إلى أن إريتريا تدعمه": it, the army, not Turkey)
    starts = [mt.end() for mt in THAT.finditer(s.f, 0, before) if not mt.group(1)][::-1] + [0]
    for at in starts:
        k = head_of(s, next((j for j in range(len(s.m)) if s.m[j].start >= at), None))
        if k is not None and k not in subjects and s.m[k].end <= before:
            return None if any(s.m[k].entity == s.m[j].entity for j in subjects) else k
    return None


#: heads that make a state's name masculine ("النظام السوري", "الجيش"); a country or capital alone is feminine
_MASCULINE_HEADS = frozenset("النظام نظام الجيش جيش المجلس مجلس الحكم حكم".split())


def _masculine(words: str) -> bool:
    """Whether the object pronoun ending ``words`` is masculine singular (ه، له; not ها، هم، هما)."""
    last = words.split()[-1]
    return last.endswith("ه") and not last.endswith(("ها", "هم", "هما"))


def _feminine(s: Sentence, k: int) -> bool:
    """Whether mention ``k`` is a country or capital named alone, which Arabic treats as feminine."""
    m = s.m[k]
    head = s.f[m.start : m.end].split()[0].lstrip("وفبل")
    return m.kind == "state" and m.via in ("name", "capital") and head not in _MASCULINE_HEADS


def _last_masculine(s: Sentence, pos: int, subjects: list[int]) -> int | None:
    """The last actor before ``pos`` a masculine pronoun can stand for (none of ``subjects``, no feminine state)."""
    return next(
        (k for k in range(s.prev_index(pos), -1, -1) if k not in subjects and not _feminine(s, k)),
        None,
    )


def _verb_form(word: str, verbs: frozenset[str]) -> bool:
    """Whether ``word`` is a backing or giving verb, with و or ف and ل written before it or not."""
    for w in (word, word[1:] if word[:1] in "وف" else ""):
        w = verb_stem(w, verbs)
        if w and (w in verbs or (w[:1] == "ل" and verb_stem(w[1:], verbs) in verbs)):
            return True
    return False


def _hits(s: Sentence, lex: ArabicCues) -> list[tuple[str, int, int]]:
    """Each verb with an object pronoun: (the verb as written, its start, the end of the pronoun). Word by word, a
    set lookup (an alternation of every verb form with every pronoun is slow)."""
    verbs = lex.built("giving_set", lambda: frozenset(lex.verbs) | frozenset(lex.transfers))
    hits, prev = [], None
    for w in _WORD.finditer(s.f):
        word = w.group(0)
        if prev is not None and word in _TO_HIM and _verb_form(prev.group(0), verbs):
            hits.append((prev.group(0), prev.start(), w.end()))  # "توفر له": ل and a pronoun after the verb
        p = next((p for p in OBJECT_PRONOUNS if word.endswith(p) and len(word) > len(p) + 1), None)
        if p is not None and _verb_form(word[: -len(p)], verbs):
            hits.append((word, w.start(), w.end()))
        prev = w
    return [
        h
        for h in hits
        if not h[0].lstrip("وف").startswith(("ب", "ك", "ال")) and h[0].lstrip("وفبلك") not in lex.materials
    ]


def _kind(s: Sentence, lex: ArabicCues, word: str, end: int) -> str | None:
    """The support type of the verb ``word``, or None: a verb of plain backing (دعم، ساند) also backs plans and
    drafts ("مشروع قرار ... دعمته روسيا"), and a giving verb may be a noun ("تقدمها": its advance), so either needs
    what is given after it ("زودتاه بطائرات"); arming, funding and training need nothing more ("تموله إيران")."""
    stem = verb_stem(
        next((word[: -len(p)] for p in OBJECT_PRONOUNS if word.endswith(p)), word).lstrip("وفلس"), lex.verbs
    )
    type_ = lex.verbs.get(stem)
    if type_ not in (None, "unspecified", "political"):
        return type_
    given = alt_rx(tuple(lex.materials)).search(s.f, end, end + 40)
    return None if given is None else lex.materials.get(" ".join(given.group(0).split()).lstrip("وفبلك"), "unspecified")


def pronoun_client(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """A backing or giving verb with its object a pronoun (written on it, or ل + pronoun after it) and its subject
    named beside it: the pronoun stands for the sentence's topic, its first actor (``الجيش السوداني ...، فيما
    زودته تركيا بطائرات مسيرة``: Turkey backs the army). Nothing when a name or a relative word stands right
    before the verb (``الفصائل التي تدعمها أنقرة``: read by the verb-with-object shape)."""
    out: list[Edge] = []
    for word, start, end in _hits(s, lex) if len(s.m) > 1 else ():
        subjects = _subjects(s, start, end)
        k = name_before(s, start, max_words=1)
        if not subjects or (s.m[subjects[0]].start > end and k is not None and "،" not in s.f[s.m[k].end : start]):
            continue  # "فصائل المعارضة تدعمها تركيا": the name before is the object
        if after_thing(s, lex, start):
            continue  # "أعلنت طهران ترحيبها بالتفاهم ودعمها له": the pronoun is the understanding
        client = _topic(s, min(start, s.m[subjects[0]].start), subjects)
        if client is not None and _masculine(s.f[start:end]) and _feminine(s, client):
            client = _last_masculine(s, start, subjects)  # "حصل الجيش على مسيرات ... ووفرت له موسكو": the army
        type_ = _kind(s, lex, word, end) if client is not None else None
        if type_ is not None:
            out += pairs(subjects, [client], (start, end), " ".join(word.split()), "verb", type_, {"clause_subject"})
    return out


#: a preposition right before a name: the name is no subject ("بطلب من الحكومة")
_AFTER_PREPOSITION = re.compile(r"(?<![\u0621-\u064a])(?:من|في|علي|الي|عن|مع|بين)\s+$")
#: a body of men before من: the name after it acts ("وحدات من الجيش السوري")
_PARTITIVE = re.compile(r"(?:وحدات|عناصر|قوات|مقاتلين|مقاتلي|جنود|افراد|كتايب|فصايل|الاف|ميات)\s+من\s+$")


#: a giver named after the verbal noun (and what is given): "لإمداده بالسلاح من إيران"
_GIVER_NAMED = re.compile(r"\s+(?:ب\S+\s+(?:و\S+\s+)?)?من\s+")


def _mover(s: Sentence, lex: ArabicCues, pos: int) -> int | None:
    """The agent of a verbal noun of moving forces in the words before ``pos`` (``بانتشار الجيش السوري على الحدود``):
    it does the purpose after them, not the clause's subject."""
    rx = lex.built(
        "purpose_movers",
        lambda: re.compile(rf"(?<![\u0621-\u064a])[وب]?(?:{alt(lex.movers)})\s+$"),
    )
    k = s.prev_index(pos)
    while lex.movers and k >= 0 and pos - s.m[k].end < 80:
        if rx.search(s.f, max(0, s.m[k].start - 12), s.m[k].start):
            return k
        k -= 1
    return None


def purpose_pronoun(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``يقاتل الجيش السوري في حلب، وقد أرسلت روسيا طائرات لدعمه``: a cue's verbal noun after ل with its object a
    pronoun (لدعمه، لمساندتها): the clause's subject backs the last other actor named before the noun."""
    nouns = tuple(n for n in lex.nouns if " " not in n and not n.startswith("ال"))
    rx = lex.built(
        "purpose_pronoun",
        lambda: re.compile(rf"(?<![\u0621-\u064a])[وف]?ل(?:{alt(suffixed(nouns))})(?![\u0621-\u064a])"),
    )
    out: list[Edge] = []
    for mt in rx.finditer(s.f):
        if _GIVER_NAMED.match(s.f, mt.end()):
            continue  # "ممرا لإمداده بالسلاح من إيران": the giver is named after من, the pronoun receives
        backer = _mover(s, lex, mt.start())
        backer = subject_of(s, mt.start()) if backer is None else backer
        before = s.f[max(0, s.m[backer].start - 20) : s.m[backer].start] if backer is not None else ""
        if backer is None or (_AFTER_PREPOSITION.search(before) and not _PARTITIVE.search(before)):
            continue  # "بطلب من الحكومة السورية لمساعدتها": who asked is not who helps ("وحدات من الجيش" helps)
        backers = list_after(s, backer)
        owners = {s.m[b].entity for b in backers}
        client = _topic(s, mt.start(), backers)
        first = head_of(s, 0)
        if client is None and first is not None and s.m[first].entity not in owners:
            client = first  # "قالت قسد إن وحدات من الجيش انتشرت لمؤازرتها": the speaker
        elif client is None:  # "أبلغت واشنطن الفصائل أنها لن تتدخل لمساندتها": the one told
            client = next((k for k in range(s.prev_index(mt.start()), -1, -1) if s.m[k].entity not in owners), None)
        if client is None:
            continue
        word = " ".join(mt.group(0).split())
        noun = next((n for n in nouns if word.lstrip("وف")[1:].startswith(n[:-1] if n.endswith("ه") else n)), "")
        out += pairs(
            backers, [client], mt.span(), word, "purpose", lex.nouns.get(noun, "unspecified"), {"clause_subject"}
        )
    return out
