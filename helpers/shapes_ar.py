"""Backing statements in Arabic sentences: the shapes Arabic news uses, over the same sentence objects.

Arabic puts the participle after its noun and the verb often first, so the shapes differ from English:

- passive participle after the client, backer after ``من`` (or right after it as an adverb):
  ``قوات سوريا الديمقراطية المدعومة من الولايات المتحدة``, ``الميليشيات المدعومة إيرانيا``;
- by means: ``بدعم من روسيا`` / ``بدعم روسي`` after what the client does (the first actor of the clause);
- verbs, verb-subject-object or subject-verb-object: ``دعمت روسيا الحكومة السورية``, ``روسيا تدعم الأسد``;
  an accusation before the verb's noun: ``اتهمت دمشق أنقرة بدعم المسلحين`` (Ankara backs, alleged, said by
  Damascus);
- the verbal noun with its owner and ``ل``: ``دعم روسيا للأسد``, ``الدعم الإيراني لحزب الله``;
- transfers: ``أرسلت روسيا أسلحة إلى ...``, ``زودت إيران الحوثيين بالصواريخ``.

Alignment (``الموالية لـ``, ``حليف``) and leadership (``بقيادة``) are refused. The words are data
(``data/cues/support_ar.yaml``), folded like the text (:mod:`helpers.arabic`, :mod:`helpers.textnorm`).
"""

from __future__ import annotations

import dataclasses
import re

from .arabic_slots import (
    BODY,
    HIS_COUNTRY,
    VIA,
    accusation_before,
    accusation_of_accused,
    accused_before,
    accused_object,
    accused_on_verb,
    aligned,
    clause_first,
    for_people,
    head_of,
    humanitarian_at,
    list_after,
    list_before,
    member_of,
    name_after,
    name_before,
    named_after,
    nearest_state,
    pledge_before,
    relative_aside,
    said_subject,
    subject_before_comma,
    subject_of,
    subjects_beside,
)
from .clauses import Sentence
from .cues_ar import ArabicCues, alt, alt_rx
from .edges import Edge, first_side, pairs
from .shapes_ar_fight import fight, joined, joint_combat, stood_with
from .shapes_ar_give import arrival, contribute, owed_to, paid_debts, receive, recruited_into, transfer
from .shapes_ar_nouns import backer_noun, client_noun, kept_in_power, undertaken_for, verb_with_object
from .shapes_ar_pronoun import pronoun_client, purpose_pronoun
from .shapes_ar_shield import shield
from .shapes_ar_with import but_for, by_means_of, for_support, thanks, with_support

_AR = re.compile(r"[\u0621-\u064a]")
# the article (after any proclitic): a definite participle (المدعومة) may qualify a name a few words back
_PRE_DEF = r"^[وف]?[بلك]?ال|^[وف]?لل"
#: prepositions of opposing: a name after them is fought, not backed
_AGAINST = re.compile(
    r"(?<![\u0621-\u064a])(?:[وف]?(?:ضد|في مواجهه|لمواجهه|بمواجهه|مواجهه|على|علي))(?![\u0621-\u064a])"
)
#: a task or a time after the object ("تدعم قسد في قتال تنظيم الدولة", "تسليح حزب الله بعد سقوط الأسد"): the name
#: after it is not a second object
_NOT_OBJECT = re.compile(
    r"\s*(?:في\s+(?:ال)?(?:قتال|محاربه|حرب|حربها|حربه|معارك|معركه|التصدي\s+ل)|(?:بعد|قبل|منذ|عقب|اثر|خلال|رغم)\s)"
)
#: the group a name is said to be one of, before a participle ("جيش الإسلام الذي يعد من أبرز الفصائل المدعومة")
_ONE_OF = re.compile(
    r"\s*،?\s*(?:(?:الذي|التي)\s+(?:يعد|تعد|يعتبر|تعتبر|كان|كانت)\s+|و(?:هو|هي)\s+)?(?:احد|احدي|احدى|من)\s+"
    r"(?:(?:ابرز|اكبر|اهم|اقوي|اقوى|كبري|كبرى)\s+)?[وف]?(?:ال)?\S+\s+"
)

#: an indefinite relative adjective ("وأفغانية", "محلية"): it qualifies the noun before it, as a participle after
#: it does
_NISBA = re.compile(r"^و?[\u0621-\u064a]{2,}(?:يه|ي|يين|يون)$")


def is_arabic(text: str) -> bool:
    """True when a sentence is mostly Arabic script."""
    head = text[:400]
    if not _AR.search(head):
        return False  # most sentences: no Arabic letter at all
    letters = sum(ch.isalpha() for ch in head)
    return letters > 0 and len(_AR.findall(head)) * 2 >= letters


# -- shapes -----------------------------------------------------------------------------------------------
def passive(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``X المدعومة من Y`` and ``X المدعومة إيرانيا``: Y backs X."""
    out: list[Edge] = []
    for mt in alt_rx(tuple(lex.participles)).finditer(s.f):
        client = name_before(s, mt.start(), max_words=3)
        k = s.prev_index(mt.start()) if client is None else -1
        client = k if k >= 0 and _ONE_OF.fullmatch(s.f, s.m[k].end, mt.start()) else client  # "X، أحد أبرز الفصائل"
        circumstantial = _AFTER_COMMA.search(s.f, max(0, mt.start() - 4), mt.start()) is not None and (
            client is None or not re.fullmatch(r"\s*[،,]\s*", s.f[s.m[client].end : mt.start()])
        )  # not "حزب الله، المدعوم من إيران": the name right before the comma
        if circumstantial:
            client = subject_of(s, mt.start())  # "استعادت قوات النظام سراقب، مدعومة بالميليشيات": the clause's subject
        backer = name_after(s, mt.end(), max_words=1)
        many = _BY_MANY.match(s.f, mt.end()) if backer is None else None  # "مدعوما بمئات من عناصر حزب الله"
        backer = name_after(s, many.end(), max_words=0) if many else backer
        if backer is None:  # "المدعومة بغطاء جوي روسي": by a material, its maker's adjective after it
            k = name_after(s, mt.end(), max_words=3)
            mat = _given_rx(lex).match(s.f, mt.end()) if k is not None and s.m[k].via == "demonym" else None
            backer = k if mat and s.m[k].start - mat.end() <= 2 else None
        if backer is None and client is not None and _BY_IT.match(s.f, mt.end()):
            backer = subject_of(s, s.m[client].start)  # "أنقرة تدفع بفصائل الجيش الوطني المدعومة منها": the subject
            backer = None if backer == client else backer
        if client is None or backer is None or s.f[s.m[backer].start - 1] in "ل\u0640":
            continue  # "بأنها الممول الأول لقوات الدعم السريع": with ل, the funder of the name after, not funded by it
        led = re.fullmatch(r"\s*بقياده\s+\S+(?:\s+\S+){0,2}?\s*،\s*", s.f[s.m[client].end : mt.start()])
        if not led and aligned(s, lex, s.m[client].end, mt.start()):
            continue  # "قوات النمر بقيادة سهيل الحسن، المدعومة من روسيا": the leader's name is not the client
        word = " ".join(mt.group(0).split())
        gap = s.f[s.m[client].end : mt.start()].split()
        both = _BOTH.fullmatch(s.f, s.m[client].end, mt.start())  # "، وكلاهما مدعوم من طهران"
        if (
            not both
            and not circumstantial
            and not re.match(_PRE_DEF, word)
            and gap[:1] not in ([], ["،"])
            and not all(_NISBA.match(w) for w in gap)
        ):
            continue  # "اتهمت واشنطن فصائل مدعومة من إيران": an indefinite participle qualifies the noun before it
            # (or the adjectives after it: "فصائل عراقية وأفغانية ممولة من إيران")
        dual = word.endswith(("ان", "تان")) and not gap  # "حماس وحزب الله مدعومان من إيران": both
        dual = dual or bool(both)
        out += pairs(
            first_side(s, client, list_after(s, backer), _sides_rx(lex)),  # "بين X المدعومة من أنقرة وقسد"
            list_before(s, client) if dual else [client],
            mt.span(),
            word,
            "passive",
            lex.participles.get(word, lex.participles.get(word.lstrip("وفبلك"), "unspecified")),
        )
    return out


def _sides_rx(lex: ArabicCues) -> re.Pattern:
    """A sides word (بين) and at most three words (none opening with و) at the end of the text before a client."""
    words = lex.sides or ("\u0000",)
    return lex.built(
        "sides", lambda: re.compile(rf"(?<![\u0621-\u064a])(?:{alt(words)})\s+(?:(?!و)\S+\s+){{0,3}}[«\"]?$")
    )


#: "both" or "all" between a list and its participle: each listed name is backed ("حزب الله والنجباء، وكلاهما مدعوم")
_BOTH = re.compile(
    r"(?:\s+ال[\u0621-\u064a]{2,}(?:يه|ي))?"  # the last name's own adjective ("حركة النجباء العراقية، وكلاهما")
    r"\s*،?\s*[وف]?(?:كلاهما|كلتاهما|كليهما|كلتيهما|جميعها|جميعهم|كلها|كلهم)\s*"
)

#: a comma right before a participle: it describes the clause's subject (a circumstantial participle)
_AFTER_COMMA = re.compile(r"[،,]\s*$")

#: من and a pronoun after a participle: the backer is the clause's subject ("المدعومة منها")
_BY_IT = re.compile(r"\s*من(?:ها|ه|هم|هما)(?![\u0621-\u064a])")

#: a number of fighters written with ب after a participle: "مدعوما بمئات من عناصر حزب الله" (folded: مئات as ميات)
_BY_MANY = re.compile(  # also past adverbs before من: "مدعوم عسكريا وسياسيا من روسيا", "المدعومة برا من"
    r"\s*ب(?:ميات|الاف|عشرات|اعداد|الالاف|الميات)\s+(?:من\s+)?(?:(?:ال)?(?:عناصر|مقاتلي|مسلحي|جنود)\s+)?"
    r"|(?:\s+و?(?:[\u0621-\u064a]{3,}يا|برا|جوا|بحرا)){1,3}\s+من\s+(?:قبل\s+)?"
)


def _given_rx(lex: ArabicCues) -> re.Pattern:
    """A material or support noun written with ب right after a participle (``بغطاء جوي``, ``بأسلحة``)."""
    return lex.built(
        "given_by_rx",
        lambda: re.compile(rf"\s*ب(?:ال)?(?:{alt(tuple(lex.materials) + tuple(lex.nouns))})(?![\u0621-\u064a])"),
    )


def verb(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``دعمت روسيا الأسد`` (verb first), ``روسيا تدعم الأسد``, ``اتهمت دمشق أنقرة بدعم المسلحين``, the verb
    with its object written on (``الفصائل التي تدعمها أنقرة``) and the noun with an adjective (``قرر X تقديم دعم
    عسكري لـ Y``)."""
    out: list[Edge] = []
    words = tuple(lex.verbs) + tuple(lex.nouns)
    for mt in alt_rx(words).finditer(s.f):
        word = " ".join(mt.group(0).split())
        # the proclitics and article off ("للدفاع عن": ل and the article, its alef written away)
        base = _PROCLITICS.sub("", word) if word not in lex.verbs and word not in lex.nouns else word
        type_ = lex.verbs.get(base) or lex.nouns.get(base) or lex.verbs.get(word) or "unspecified"
        if word.startswith("ب") and pledge_before(s, lex, mt.start()):
            out += _pledged(s, mt, word, type_)  # "تعهدت أنقرة بدعم الحكومة": Ankara would back
            continue
        if lex.but_for and re.search(
            rf"(?<![\u0621-\u064a])[وف]?(?:{alt(lex.but_for)})\s+$", s.f[max(0, mt.start() - 8) : mt.start()]
        ):  # "ما كان النظام ليصمد لولا دعم إيران": a noun after لولا; a name before it does not do it
            out += [e for e in _verb_edges(s, mt, word, type_, lex) if s.m[e.b].start > mt.start()]
            continue
        if _purpose(s, lex, mt, word, base):
            out += _purpose_edges(s, mt, word, type_, lex)
            continue
        acc = accusation_before(s, lex, mt.start())
        if acc is not None and word.startswith("و") and (k := accused_object(s, lex, mt.start())) is not None:
            client = name_after(s, mt.end(), max_words=2)  # "يتهم مصر بقصف قواته وتزويد الجيش": a second noun
            out += [] if client is None else pairs([k], [client], mt.span(), word, "verb", type_, {"accused"})
            continue
        means = VIA.search(s.f, max(0, mt.start() - 10), mt.start())
        acc = accusation_of_accused(s, lex, mt.start()) if acc is None and means else acc
        via = acc is not None and means
        if acc is not None and (word.startswith("ب") or via):  # "اتهمت دمشق أنقرة بدعم المسلحين"
            accused = _via_accused(s, lex, acc, mt) if via else _accused(s, lex, acc, mt)
            client = name_after(s, mt.end(), max_words=2)
            if (agent := _noun_agent(s, mt, client)) is not None:  # "الاتهامات بتزويد الإمارات قوات الدعم السريع"
                accused, client = client, agent
            if accused is not None and client is not None:
                out += pairs(list_before(s, accused), [client], mt.span(), word, "verb", type_, {"accused"})
            continue
        if (means := by_means_of(s, lex, mt)) is not None:
            out += means  # "كتائب تموَّل وتسلَّح بأموال قطرية وسعودية": the adjectives' states give to the name before
        elif not humanitarian_at(s, lex, mt.end(), reach=60):  # "دعمت قطر الحكومة بمساعدات إنسانية": aid to people
            out += _verb_edges(s, mt, word, type_, lex)
    out += verb_with_object(s, lex)
    return out


_HER = re.compile(r"(?<![\u0621-\u064a])اياه(?:ا|م|ما)?(?![\u0621-\u064a])")


#: a relative pronoun right before an accusation verb: its object pronoun is the name before the pronoun
_RELATIVE_BEFORE = re.compile(r"\s*،?\s*(?<![\u0621-\u064a])[وف]?(?:التي|الذي|الذين)\s+$")

#: a forum before a name, between the accused and what it is accused of ("أمام مجلس الأمن", "لدى الأمم المتحدة")
_BEFORE_BODY = re.compile(r"(?<![\u0621-\u064a])(?:امام|لدي|في)\s+$")


def _accused(s: Sentence, lex: ArabicCues, acc: re.Match, mt: re.Match) -> int | None:
    """The accused of ``acc`` whose doing is the verbal noun ``mt`` right after ب: the name just before it, the one
    a pronoun (لها، إياها) stands for, or the one who denies an accusation (اتهامات)."""
    accused = head_of(s, name_before(s, mt.start(), max_words=1))  # "مجموعة فاغنر الروسية بتزويد": Wagner
    if accused_on_verb(lex, acc) and (accused is None or s.m[accused].start > acc.end()):
        # "الإمارات، التي يتهمها خبراء أمميون بتسليح": the accused is written on the verb; a name after it accuses
        rel = _RELATIVE_BEFORE.search(s.f, max(0, acc.start() - 12), acc.start())
        return head_of(s, name_before(s, rel.start(), max_words=1)) if rel else accused_before(s, acc)
    where = (
        _BEFORE_BODY.search(s.f, max(0, s.m[accused].start - 8), s.m[accused].start) if accused is not None else None
    )
    if where is not None:  # "اتهم المندوب الإمارات أمام مجلس الأمن بتمويل": the one accused before the forum
        accused = head_of(s, name_before(s, where.start(), max_words=0))
    if re.search(r"(?<![\u0621-\u064a])(?:له|لها|لهم)\s*$", s.f[max(0, mt.start() - 6) : mt.start()]):
        return clause_first(s, acc.start())  # "رفضت الإمارات اتهامات السودان لها بدعم": her = the UAE
    if accused is None and accused_on_verb(lex, acc):
        return accused_before(s, acc)  # "ويتهمها بتسليح": the accused written on the verb
    if accused is None and re.search(rf"{_HER.pattern}\s*$", s.f[acc.end() : mt.start()]):
        accused = s.prev_index(acc.start())  # "قطع العلاقات مع الإمارات، متهما إياها بتزويد": her = the UAE
        return None if accused < 0 else accused
    if accused is None and "تهام" in acc.group(0):
        return clause_first(s, acc.start())  # "نفت الدوحة اتهامات غربية بتمويل": the one who denies
    return accused


def _noun_agent(s: Sentence, mt: re.Match, k: int | None) -> int | None:
    """The object after a verbal noun's agent: ``بتزويد الإمارات قوات الدعم السريع بالأسلحة`` names the UAE (right
    after the noun) as the giver and the RSF (right after it, no ل, no و) as the one given to; None otherwise."""
    if k is None or s.m[k].start - mt.end() > 2 or k + 1 >= len(s.m):
        return None
    return k + 1 if re.fullmatch(r"\s+", s.f[s.m[k].end : s.m[k + 1].start]) else None


def _via_accused(s: Sentence, lex: ArabicCues, acc: re.Match, mt: re.Match) -> int | None:
    """The accused of ``acc`` when the verbal noun ``mt`` is the means (عبر، من خلال) of what it is accused of:
    the one إياها stands for right after the accusation, else the named accused (:func:`accused_object`)."""
    k = s.prev_index(acc.start())
    if accused_on_verb(lex, acc):
        return accused_before(s, acc)  # "تتهمها فيها ... عبر تسليح": the accused written on the verb
    if _HER.match(s.f[acc.end() :].lstrip()) or acc.group(0).strip().startswith("بته"):
        return None if k < 0 else k  # "يقاضي الإمارات بتهمة التواطؤ ... عبر تسليح": the one sued on the charge
    return accused_object(s, lex, mt.start(), acc)


#: و or ف, then لل (ل and the article), ب/ل/ك and the article, or ب/ل/ك alone
_PROCLITICS = re.compile(r"^[وف]?(?:لل|[بلك]?ال|[بلك])?")


def _purpose(s: Sentence, lex: ArabicCues, mt: re.Match, word: str, base: str) -> bool:
    """Whether a cue's verbal noun says what something was done for: ``لدعم``, ``بهدف تسليح``."""
    if base not in lex.nouns:
        return False
    if word.startswith("ل") and not word.startswith("ال"):
        return True
    words = [w for w in lex.purpose if len(w) > 1]
    return (
        bool(words)
        and re.search(rf"(?:{alt(tuple(words))})\s*$", s.f[max(0, mt.start() - 12) : mt.start()]) is not None
    )


def _purpose_edges(s: Sentence, mt: re.Match, word: str, type_: str, lex: ArabicCues) -> list[Edge]:
    """``أرسلت تركيا جنودا إلى إدلب لدعم الفصائل``: the clause's first actor backs the name after the noun (after
    the nouns joined to it: ``خطة لتدريب وتسليح مقاتلين من المعارضة``)."""
    more = lex.built("noun_chain", lambda: re.compile(rf"(?:\s+و(?:{alt(tuple(lex.nouns))})(?![\u0621-\u064a]))+"))
    chain = more.match(s.f, mt.end())
    if for_people(s, lex, mt.start()):
        return []  # "لدعم السوريين داخل البلاد": people, not a party
    client = name_after(s, chain.end() if chain else mt.end(), max_words=1)
    backer = subject_of(s, mt.start())
    if client is None or backer is None:
        return []
    backers = [k for k in list_after(s, backer) if s.m[k].end <= mt.start()]  # "أعلنت السعودية وقطر ... لدعم"
    return pairs(backers, list_after(s, client), mt.span(), word, "purpose", type_, {"clause_subject"})


def _pledged(s: Sentence, mt: re.Match, word: str, type_: str) -> list[Edge]:
    """``تعهدت أنقرة بدعم الحكومة``: the pledging subject (just before the noun) backs the name after it."""
    client = name_after(s, mt.end(), max_words=1)
    backer = name_before(s, mt.start(), max_words=1)
    if client is None or backer is None:
        return []
    return pairs(list_before(s, backer), [client], mt.span(), word, "verb", type_)


def _thing_object(s: Sentence, lex: ArabicCues, mt: re.Match, zero: int | None, first: int | None) -> bool:
    """A look-alike thing (talks, a ceasefire, a deal: ``with_support.lookalike_heads``) opens the words between the
    verb ``mt`` (or its subject after it) and the next name: the verb's object is the thing."""
    if first is None or not lex.with_lookalikes:
        return False
    j = first + 1 if first == zero else first  # "دعمت قطر محادثات": past the subject written after the verb
    if j >= len(s.m):
        return False
    a = s.m[j - 1].end if j > 0 and s.m[j - 1].start >= mt.end() else mt.end()
    rx = lex.built(
        "thing_first", lambda: re.compile(rf"\s*[وف]?(?:ال)?(?:{alt(lex.with_lookalikes)})(?![\u0621-\u064a])")
    )
    return s.m[j].start - a <= 40 and rx.match(s.f, a, s.m[j].start) is not None


def _verb_edges(s: Sentence, mt: re.Match, word: str, type_: str, lex: ArabicCues) -> list[Edge]:
    """Verb-subject-object, noun + owner + ل, subject-verb-object, and noun + adjective + ل + client."""
    got = None if word.startswith("ب") else _objects_after(s, mt)
    if got is None or _thing_object(s, lex, mt, *got):
        return []  # "دعمت قطر محادثات بين النظام والمعارضة": the talks are backed, not the parties to them
    zero, first = got
    op = _operation_of(s, mt.end())
    if first is None and op is not None:  # "نفت أنقرة أن تكون قد دعمت الهجوم الذي شنته الهيئة"
        backer = subject_of(s, mt.start())
        return [] if backer is None else pairs([backer], [op], mt.span(), word, "verb", type_)
    if first is None:
        return _given_subject(s, mt, word, type_, lex)
    if re.fullmatch(r"\s*من\s+", s.f[mt.end() : s.m[first].start]):
        return []  # "تلقى الجيش التدريب من تركيا", "تلقي أي دعم من إيران": من names the giver (see receive)
    # a body noun ("ميليشيا «قسد»"), or a pronoun of what is given: "التي زودت بها طهران الجيش"
    gap = re.sub('["\u00ab\u201c]', " ", s.f[mt.end() : s.m[first].start])
    body = zero is None and (BODY.fullmatch(gap) is not None or _RESUMPTIVE.fullmatch(gap) is not None)
    finite = (word in lex.verbs or re.sub(r"^[وف]", "", word) in lex.verbs) and not _PREP_BEFORE.search(
        s.f, max(0, mt.start() - 6), mt.start()
    )  # "في دعم": after a preposition a verbal noun, not a verb
    if s.m[first].via == "demonym" and not body:  # "الدعم العسكري الإيراني لدمشق" (not "تدريب القوات السورية")
        givers = _demonyms(s, first)  # "دعم سعودي-إماراتي", "دعم سعودي وإماراتي"
        end = s.m[givers[-1]].end
        worth = _WORTH.match(s.f, end)  # "دعم سعودي بثلاثة مليارات دولار للمجلس": what it is worth, then ل
        client = name_after(s, worth.end() if worth else end, max_words=0 if worth else 1)  # "لقوات حميدتي" too
        ok = client is not None and (
            s.f[s.m[client].start - 1] in "ل\u0640" or _TO_BODY.fullmatch(s.f, end, s.m[client].start)
        )
        return pairs(givers, [client], mt.span(), word, "noun", type_) if ok else []
    if body:
        zero = first  # "ساندت قوات حزب الله الجيش السوري", "ساندت الطائرات الروسية": the body noun before the subject
    if zero is None and finite and _ADVERB_GAP.fullmatch(s.f, mt.end(), s.m[first].start):
        zero = first  # "أن طهران تدعم بقوة الحكومة السورية": an adverb before the object
    if zero is None:
        if s.f[s.m[first].start - 1] not in "ل\u0640" and not _TO.fullmatch(s.f, mt.end(), s.m[first].start):
            return []  # ل or إلى before the object: "مالك عقار انحاز إلى الجيش"
        before = name_before(s, mt.start(), max_words=2)
        if before is None and HIS_COUNTRY.fullmatch(s.f, mt.end(), s.m[first].start):
            before = nearest_state(s, mt.start(), first)  # "أكد الوزير الروسي دعم بلاده للحكومة": his country
        # "أعلنت السعودية والإمارات حزمة دعم للمجلس": a list before the noun gives
        return [] if before is None else pairs(list_before(s, before), [first], mt.span(), word, "verb", type_)
    subjects, end = subjects_beside(s, first)
    second = _second_name(s, first, end, finite)
    if second is not None:  # verb-subject-object, or noun + owner + ل (each listed object too: "حماس وحزب الله")
        return pairs(subjects, list_after(s, second), mt.span(), word, "verb", type_)
    # no subject: "ميليشيات أجنبية عدة تساند جيش الأسد، أبرزها حزب الله ولواء فاطميون": the ones named after
    before = _subject_before(s, mt)  # and the list it stands in ("حكومات تركيا وقطر، التي تواصل تمويل")
    backers = named_after(s, end) if before is None else list_before(s, before) + list_after(s, before)[1:]
    return pairs([k for k in backers if k != first], list_after(s, first), mt.span(), word, "verb", type_)


def _demonyms(s: Sentence, first: int) -> list[int]:
    """The adjective ``first`` and the adjectives of states joined to it by و or a hyphen (``سعودي-إماراتي``)."""
    out = [first]
    while (
        out[-1] + 1 < len(s.m)
        and s.m[out[-1] + 1].via == "demonym"
        and re.fullmatch(r"\s*(?:و|[-\u2013])\s*", s.f[s.m[out[-1]].end : s.m[out[-1] + 1].start])
    ):
        out.append(out[-1] + 1)
    return out


#: a relative pronoun after a comma and one verb before a verbal noun: "، التي تواصل تمويل"
_RELATIVE_VERB = re.compile(r"[،,]\s*(?:التي|الذي|الذين|اللتين|اللذين|اللتان|اللذان)\s+[\u0621-\u064a]+\s+$")


def _subject_before(s: Sentence, mt: re.Match) -> int | None:
    """The subject of a verb before it: of an earlier verb it goes on ("قصفت روسيا إدلب، وتواصل دعم النظام"), the
    name right before (never one with ل: "يؤكد للشرع دعم موسكو" tells al-Sharaa), who said it, or the name before
    "وهي التي" ("واشنطن ...، وهي التي دعمت قسد")."""
    goes_on = _GOES_ON.search(s.f, max(0, mt.start() - 16), mt.start())
    before = subject_of(s, goes_on.start()) if goes_on else None
    closed, past = relative_aside(s, mt.start())  # "روسيا، التي تنسق مع إيران، تسلح": not Iran, inside the aside
    if before is None and closed:
        before = past
    elif before is None:
        before = head_of(s, name_before(s, mt.start(), max_words=2))
        before = None if before is not None and s.f[s.m[before].start - 1 : s.m[before].start] == "ل" else before
    before = said_subject(s, mt.start()) if before is None else before
    if before is None and _RELATIVE_VERB.search(s.f, max(0, mt.start() - 30), mt.start()):
        before = subject_of(s, mt.start())  # "حكومات تركيا وقطر، التي تواصل تمويل": the relative's antecedent
    if before is None and _ROLE_IN.search(s.f, max(0, mt.start() - 24), mt.start()):
        before = subject_of(s, mt.start())  # "طهران تنفي أي دور في دعم فلول النظام": who has or denies a role in it
    he_who = _HE_WHO.search(s.f, max(0, mt.start() - 24), mt.start()) if before is None else None
    return subject_before_comma(s, he_who.start() + 1) if he_who else before


def _second_name(s: Sentence, first: int, end: int, finite: bool) -> int | None:
    """The object after a verb's subject, or the one a verbal noun's owner backs (with ل), ending the list at
    ``end``; None for one fought ("في مواجهة"), the same actor again, or a name a verbal noun does not take."""
    second = name_after(s, end, max_words=2)
    second = _operation_of(s, end) if second is None else second  # "دعمت تركيا الهجوم الذي شنته الهيئة"
    if second is not None and (
        _AGAINST.search(s.f[end : s.m[second].start])
        or _NOT_OBJECT.match(s.f, end)
        or s.m[second].entity == s.m[first].entity
        or (not finite and s.f[s.m[second].start - 1] not in "ل\u0640")
    ):  # "تدعم الجيش الوطني في مواجهة الوحدات": fought; "تدعم الحكومة وتعترف بمجلس السيادة": the same actor again;
        # after a verbal noun the second name takes ل ("دعم روسيا للأسد"; not "دعم الدعم السريع، متهما الجيش")
        return None
    return second


#: "، وهي التي" before a verb: its subject is the first actor of the clause before the comma
_HE_WHO = re.compile(r"[،,]\s*و?(?:هي|هو|هم|هما)\s+(?:التي|الذي|الذين|اللذان|اللتان)\s+(?:[\u0621-\u064a]+\s+)?$")


#: a preposition right before a word: the word is a noun ("في دعم", "على تسليح")
_PREP_BEFORE = re.compile(r"(?<![\u0621-\u064a])(?:في|علي|من|عن|الي|مع)\s+$")

#: an adverb between a verb and its object: "تدعم بقوة", "يدعم عسكريا", "تساند علنا"
_ADVERB_GAP = re.compile(  # and the route a relative clause names ("الممر الذي كانت طهران تسلح عبره حزب الله")
    r"\s+(?:ب(?:قوه|شده|حزم|ثبات|وضوح|سخاء|كثافه)|[\u0621-\u064a]{3,}يا|ايضا|كذلك|علنا|سرا|مباشره|دايما|"
    r"عبره|عبرها|من\s+خلاله|من\s+خلالها)\s+"
)

#: "belonging to" between a noun and ل: the noun is the actor's own ("قافلة إمداد تابعة للدعم السريع")
_BELONGING = re.compile(r"\s+(?:ال)?تابع(?:ه|ين|ون)?\s+ل?")


def _objects_after(s: Sentence, mt: re.Match) -> tuple[int | None, int | None] | None:
    """The name right after a cue (``zero``) and the first within one word (``first``: "دعم عسكري لـ Y"); None
    when that word says the noun belongs to the name ("قافلة إمداد تابعة للدعم السريع": its own convoy)."""
    zero = member_of(s, name_after(s, mt.end(), max_words=0))  # "تزويد المقاتلين الأكراد في الوحدات": the YPG
    first = zero if zero is not None else name_after(s, mt.end(), max_words=1)
    worth = _WORTH.match(s.f, mt.end()) if first is None else None
    if worth and (k := name_after(s, worth.end(), max_words=0)) is not None and s.f[s.m[k].start - 1] == "ل":
        first = k  # "دعما بقيمة مليار دولار للمجلس العسكري": what it is worth, then its receiver
    if first is not None and _BELONGING.fullmatch(s.f, mt.end(), s.m[first].start):
        return None
    return zero, first


#: what a support is worth after it: "بقيمة ثلاثة مليارات دولار", "بثلاثة مليارات دولار"
_WORTH = re.compile(
    r"ا?\s+(?:[\u0621-\u064a]+\s+)?(?:(?:بقيمه|قيمتها|قيمته|بمبلغ)\s+|ب(?=[\u0621-\u064a0-9]))(?:\S+\s+){1,4}?"
    r"(?:ال)?(?:دولار(?:ات)?|يورو|جنيه(?:ات)?|ريال(?:ات)?|درهم)"
    r"(?:\s+امريكي)?\s*"
)

#: ل and a body noun before a leader's name: "الدعم الإماراتي لقوات حميدتي"
_TO_BODY = re.compile(r"\s*لل?(?:قوات|عناصر|مقاتلي|وحدات|ميليشيا|مليشيا)\s+")

#: a second verb of the same subject that goes on doing the verbal noun after it ("..., ويواصل دعم")
_GOES_ON = re.compile(  # also after "where" or "as": "تحتفظ واشنطن بجنود ...، حيث تواصل دعم قسد"
    r"(?:(?<![\u0621-\u064a])و|(?<![\u0621-\u064a])(?:حيث|اذ|كما)\s+)"
    r"(?:تواصل|يواصل|ستواصل|سيواصل|واصلت|واصل|تستمر\s+في|يستمر\s+في)\s+$"
)

#: a role or hand in a verbal noun: "أي دور في", "تورطها في", "ضلوعه في" (its owner is the clause's subject)
_ROLE_IN = re.compile(r"(?<![\u0621-\u064a])(?:دور|تورط|ضلوع|يد)(?:ها|ه|هم|هما)?\s+(?:[\u0621-\u064a]+\s+)?في\s+$")

#: إلى between a verb and its object ("انحاز إلى الجيش")
_TO = re.compile(r"\s+الي\s+")

#: a relative clause's pronoun for the thing given, between the verb and its subject ("زودت بها طهران")
_RESUMPTIVE = re.compile(r"\s*(?:ب|ل|الي)(?:ه|ها|هم|هما)\s+")


#: an operation and the relative clause naming who launched or leads it: "الهجوم الذي شنته"
_OPERATION = re.compile(
    r"\s*(?:ال)?(?:هجوم|عمليه|حمله|معركه|تقدم)(?:\s+\S+)?\s+(?:الذي|التي)\s+"
    r"(?:شن|شنت|يشن|تشن|اطلق|اطلقت|يطلق|تطلق|قاد|قادت|يقود|تقود)(?:ه|ها)?\s+"
)


def _operation_of(s: Sentence, pos: int) -> int | None:
    """``دعمت تركيا الهجوم الذي شنته هيئة تحرير الشام``: who launched or leads the operation backed (the name
    right after the relative clause's verb)."""
    mt = _OPERATION.match(s.f, pos)
    return name_after(s, mt.end(), max_words=0) if mt else None


def _given_subject(s: Sentence, mt: re.Match, word: str, type_: str, lex: ArabicCues) -> list[Edge]:
    """``ساعدت الضربات الجوية الروسية قوات النظام``: a verb whose subject is what an actor gives (a material and
    the actor's demonym a few words after the verb) and whose object follows."""
    k = name_after(s, mt.end(), max_words=3)
    if k is None or s.m[k].via != "demonym" or mt.group(0).strip().startswith(("ال", "وال", "بال", "لل")):
        return []
    mats = [w for w in s.f[mt.end() : s.m[k].start].split() if re.sub(r"^[وفبلك]?(?:ال)?", "", w) in lex.materials]
    client = name_after(s, s.m[k].end, max_words=1)  # "قوات النظام": a body noun before the name
    if not mats or client is None:
        return []
    return pairs([k], [client], mt.span(), word, "verb", type_)


#: aid to people right after a client, which is then only its channel: "للأمم المتحدة لدعم اللاجئين السوريين"
_AID_CHANNEL = re.compile(
    r"\s*(?:ل|من\s+اجل\s+)(?:دعم|مساعده|اغاثه|ايواء|اطعام|اعانه)\s+(?:ال)?(?:لاجيين|لاجيون|نازحين|نازحون|مدنيين|"
    r"متضررين|منكوبين|مهجرين|سكان)(?![\u0621-\u064a])"
)


def all_edges(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """Every Arabic shape's edges in one sentence, each client's list after it backed too (not a client that is
    only the channel of aid to people: :data:`_AID_CHANNEL`)."""
    edges = _all_edges(s, lex)
    return [e for e in edges if not _AID_CHANNEL.match(s.f, s.m[e.c].end) and not humanitarian_at(s, lex, s.m[e.c].end)]


def _all_edges(s: Sentence, lex: ArabicCues) -> list[Edge]:
    return _listed_clients(
        s,
        passive(s, lex)
        + with_support(s, lex)
        + but_for(s, lex)
        + shield(s, lex)
        + for_support(s, lex)
        + backer_noun(s, lex)
        + client_noun(s, lex)
        + fight(s, lex)
        + joint_combat(s, lex)
        + joined(s, lex)
        + stood_with(s, lex)
        + receive(s, lex)
        + arrival(s, lex)
        + contribute(s, lex)
        + owed_to(s, lex)
        + thanks(s, lex)
        + transfer(s, lex)
        + paid_debts(s, lex)
        + recruited_into(s, lex)
        + verb(s, lex)
        + undertaken_for(s, lex)
        + kept_in_power(s, lex)
        + pronoun_client(s, lex)
        + purpose_pronoun(s, lex),
    )


def _listed_clients(s: Sentence, edges: list[Edge]) -> list[Edge]:
    """``زودت إيران حزب الله والحوثيين بالصواريخ``: the names joined to a client by و after it are clients too."""
    out = list(edges)
    givers = {e.b for e in edges}  # "الجيش، المدعوم من مصر وتركيا"; "للنظام، وتركيا الداعمة للمعارضة": no clients
    for e in edges:
        for k in list_after(s, e.c)[1:]:
            if k != e.b and s.m[k].entity != s.m[e.b].entity and k not in givers:
                out.append(dataclasses.replace(e, c=k))
    return out
