"""Arabic shapes of a backer named with a preposition or thanked: ``... بدعم من روسيا`` / ``بغطاء جوي روسي`` (the
clause's first actor is the client), ``دعما لـ Y`` (the clause's first actor backs Y) and ``شكر الأسد روسيا وإيران على
دعمهما`` (the thanked backs the thanker). Run by :func:`helpers.shapes_ar.all_edges`; the words are data
(``data/cues/support_ar.yaml``).
"""

from __future__ import annotations

import re

from .arabic_slots import (
    BODY,
    RELATIVE_OPENS,
    accusation_before,
    accused_object,
    after_thing,
    list_after,
    name_after,
    name_before,
    pledge_before,
    subject_before_comma,
    subject_of,
)
from .clauses import Sentence
from .cues_ar import ArabicCues, alt, alt_rx, suffixed
from .edges import Edge, pairs
from .shapes_ar_give import receiver_before

__all__ = ["but_for", "by_means_of", "for_support", "thanks", "with_support"]


#: the target of an attack right before a name: "على مواقع", "ضد", "استهدفت"
_TARGET_BEFORE = re.compile(
    r"(?<![\u0621-\u064a])(?:علي|ضد|استهدف[\u0621-\u064a]*|قصف[\u0621-\u064a]*)\s+(?:(?:ال)?(?:مواقع|معاقل|مناطق|"
    r"مقرات|تجمعات|نقاط)\s+)?$"
    # or the attacker of an attack repelled: "صدت هجوما واسعا للدعم السريع"
    r"|(?<![\u0621-\u064a])(?:صد|صدت|صدوا|يصد|تصد|احبط|احبطت|يحبط|تحبط)(?:\s+[\u0621-\u064a]+){0,2}?\s+"
    r"(?:ال)?(?:هجوم|هجوما|هجمات|هجمه)\s+(?:[\u0621-\u064a]+\s+)?ل?$"
)


#: a relative clause whose verb has its object written on ("التي ترتكبها", "الذي شنته"): its subject follows the verb
_OWN_SUBJECT = re.compile(r"(?<![\u0621-\u064a])(?:التي|الذي|الذين)\s+[\u0621-\u064a]{2,}(?:ها|ه|هم|هما)(?=\s)")


def _untargeted(s: Sentence, k: int, taken: set[int]) -> int | None:
    """``k``, or the sentence's opening subject when ``k`` is what is attacked or whose attack is repelled (``شنت قوات
    النظام، مدعومة بـ...، هجوماً على مواقع المعارضة تحت غطاء``: the target is no client), or None."""
    if not _TARGET_BEFORE.search(s.f, max(0, s.m[k].start - 48), s.m[k].start):
        return k
    return 0 if 0 not in taken and k != 0 and len(s.f[: s.m[0].start].split()) <= 6 else None


def _relative_subject(s: Sentence, start: int, a: int) -> int | None:
    """The subject of a relative clause between ``start`` and a phrase at ``a`` whose verb has its object written on:
    the phrase qualifies what that subject does (``الهجوم الذي شنته قوات الأسد بدعم من روسيا``: the forces); -1 when
    the subject is no actor (``الجرائم التي ترتكبها المجموعات المسلحة بدعم من تركيا``), None without such a clause or
    when it qualifies an actor."""
    found = list(_OWN_SUBJECT.finditer(s.f, start, a))
    own = found[-1] if found else None
    if own is None or any(x.start <= own.start() and own.start() - x.end <= 2 for x in s.m):
        return None  # "تحظى الحكومة التي يقودها الجيش بدعم من مصر": the phrase is the actor's
    k = name_after(s, own.end(), max_words=1)
    return k if k is not None and s.m[k].end <= a else -1


def _relative_antecedent(s: Sentence, start: int, a: int) -> int | None:
    """The name before a relative clause opening at ``start`` that does what the clause says up to ``a``; None when
    a pronoun in the clause goes back to it (``بشار الأسد، الذي قاتل حزب الله إلى جانب قواته``: Hezbollah does)."""
    k = name_before(s, start - 1, max_words=2)
    if k is None or any(x.stand_in and x.entity == s.m[k].entity and start <= x.start < a for x in s.m):
        return None
    return k


def with_support(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``... بدعم من روسيا`` / ``بدعم روسي``: the backer after, the clause's first actor is the client."""
    out: list[Edge] = []
    taken: set[int] = set()  # the backers of the phrases before: "بغطاء جوي روسي وبمشاركة ميليشيات": not the client
    opened = len(s.f)  # where the first of those phrases starts
    for mt in alt_rx(lex.with_preps).finditer(s.f):
        a = mt.start()
        if accusation_before(s, lex, a) or pledge_before(s, lex, a) or after_thing(s, lex, a):
            continue  # "اتهمت دمشق أنقرة بدعم المسلحين", "تعهدت قطر بدعم": the verbal noun, see verb()
        backer = _backer_of(s, lex, mt)
        part = " ".join(mt.group(0).split()).lstrip("و") in lex.participation
        if backer is not None:  # "بمشاركة السعودية والأردن وبدعم من قطر": those taking part are no client either
            taken.update(list_after(s, backer))
            opened = min(opened, mt.start())
        if backer is None or (part and s.m[backer].kind not in ("faction", "coalition")):
            continue
        start = _opened(s, lex, max(s.f.rfind("،", 0, mt.start()), s.f.rfind("؛", 0, mt.start()), -1) + 1, mt.start())
        own = _relative_subject(s, start, mt.start())
        if own is None and start > 0 and RELATIVE_OPENS.match(s.f, start):
            own = _relative_antecedent(s, start, mt.start())  # "قسد، التي قاتلت داعش ... بدعم جوي من التحالف": قسد
        if own == -1:
            continue  # "الجرائم التي ترتكبها المجموعات المسلحة بدعم من تركيا": the groups are backed, no actor named
        firsts = [k for k in range(len(s.m)) if start <= s.m[k].start and s.m[k].end <= mt.start() and k not in taken]
        firsts = [own] if own is not None else _participle_client(s, lex, start, mt.start()) or firsts
        if firsts and firsts[0] != _untargeted(s, firsts[0], taken):
            firsts = [k for k in [_untargeted(s, firsts[0], taken)] if k is not None]
            if not firsts:
                continue
        opens = re.fullmatch(r"\s*[وف]?", s.f[start : mt.start()]) and all(x.start >= mt.end() for x in s.m)
        if not firsts and opens:  # the phrase opens its clause, no actor before it ("في الخرطوم، وبفضل ...")
            firsts = _fronted(s, list_after(s, backer)[-1])  # "بدعم من الطيران الروسي، تقدمت قوات النظام"
        elif not firsts:
            k = subject_of(s, mt.start())  # "استعاد الجيش السوري القصير ...، بإسناد من مقاتلي حزب الله"
            k = subject_of(s, opened) if k in taken else k  # the subject before the first phrase
            k = _untargeted(s, k, taken) if k is not None else None  # "صدت هجوما للدعم السريع ...، بإسناد من"
            firsts = [] if k is None or k in list_after(s, backer) else [k]
        if firsts:  # the clause's first actor and those listed with it ("تحظى حماس وحزب الله بدعم إيراني")
            clients = [k for k in list_after(s, firsts[0]) if s.m[k].end <= mt.start()] or firsts[:1]
            # the giving verb may stand before a comma when the clause's subject does ("زودت فاغنر الدعم السريع
            # بصواريخ ...، بمساعدة قوات حفتر"): the receiver is looked for from the subject on
            clients = receiver_before(s, lex, min(start, s.m[firsts[0]].start), mt.start()) or clients
            out += pairs(
                list_after(s, backer),
                clients,
                mt.span(),
                " ".join(mt.group(0).split()),
                "with",
                "air_power" if "جوي" in mt.group(0) else "unspecified",
                {"clause_subject", "symmetric"} if part else {"clause_subject"},
            )
    return out


def _participle_client(s: Sentence, lex: ArabicCues, start: int, a: int) -> list[int]:
    """``استعادت قوات النظام سراقب، مدعومة بالميليشيات الإيرانية وبغطاء جوي روسي``: a phrase joined to a participle
    set off by a comma after a clause shares its client, the clause's subject (not the name the participle takes)."""
    rx = lex.built(
        "participle_opens",
        lambda: (
            re.compile(rf"\s*[وف]?(?:{alt(tuple(lex.participles))})\s+ب") if lex.participles else re.compile("(?!)")
        ),
    )
    if start == 0 or not rx.match(s.f, start, a):
        return []
    k = subject_of(s, start)
    return [k] if k is not None and s.m[k].end <= start else []


#: "التحالف الدولي بقيادة واشنطن": who leads the group just named (a name of two or three words)
_LED_BY = re.compile(r"\s*بقياده\s+\S+(?:\s+\S+){0,2}\s*")


def _fronted(s: Sentence, last: int) -> list[int]:
    """After a phrase opening the sentence that ends with mention ``last``: the first actor after its comma."""
    comma = s.f.find("،", s.m[last].end)
    comma = s.f.find(",", s.m[last].end) if comma < 0 else comma
    near = comma >= 0 and (comma - s.m[last].end <= 12 or _LED_BY.fullmatch(s.f[s.m[last].end : comma]))
    k = name_after(s, comma + 1, max_words=3) if near else None
    verb = None if near else _VERB_FIRST.match(s.f, s.m[last].end)  # "وبدعم تركي استعاد الجيش": no comma, VSO
    k = name_after(s, verb.end(), max_words=1) if verb else k  # "استعادت قوات النظام": a body word before the name
    return [] if k is None else [k]


#: one word after a fronted phrase that is no preposition (a verb before its subject: "استعاد الجيش")
_VERB_FIRST = re.compile(r"\s+(?!(?:في|من|علي|الي|عن|مع|منذ|بعد|قبل|خلال|عبر|ضد)\s)(?![لب])[\u0621-\u064a]{3,}\s+")


def _owned_nouns(lex: ArabicCues) -> str:
    """The support nouns, also with an owner pronoun written on (دعم، دعمها), as one alternation (built once)."""
    return lex.built("nouns_owned", lambda: alt(tuple(lex.nouns) + suffixed(tuple(lex.nouns))))


#: a participle of thanking right after a comma ("، شاكرة", "، مشيدا"): not a verb with its own subject
_THANKING_AFTER_COMMA = re.compile(r"،\s*(?:شاكر|م)[\u0621-\u064a]*$")


def thanks(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``رحبت دمشق بالدعم الروسي``, ``شكر الأسد روسيا وإيران على دعمهما``: whose support is welcomed or thanked
    for backs the one who thanks (the verb's subject, after or before it)."""
    out: list[Edge] = []
    if not lex.thanks:
        return out
    nouns = _owned_nouns(lex)

    def thanked_for(k: int | None) -> bool:  # "روسيا وإيران على دعمهما": the list named, then على and its support
        return k is not None and _for_what(lex).match(s.f, s.m[list_after(s, k)[-1]].end) is not None

    for mt in alt_rx(lex.thanks).finditer(s.f):
        first = name_after(s, mt.end(), max_words=2)  # "شكر وزير الخارجية السوري": the office before the state
        if _THANKING_AFTER_COMMA.search(s.f, max(0, mt.start() - 3), mt.end()) and thanked_for(first):
            # "أشادت الخارجية بالفيتو، شاكرة موسكو على وقوفها": the participle's subject is the clause's before
            subject = subject_before_comma(s, mt.start())
            out += pairs(
                list_after(s, first),
                [] if subject is None else [subject],
                mt.span(),
                mt.group(0),
                "thanks",
                "unspecified",
            )
            continue
        before = name_before(s, mt.start(), max_words=1)
        before = None if before is not None and "،" in s.f[s.m[before].end : mt.start()] else before  # "...، وشكر"
        thanker = first if first is not None else before
        if thanker is None:
            continue
        if thanked_for(first) and before is not None:  # "الشرع يشكر قطر والسعودية على دعمهما": the subject thanks
            out += pairs(
                list_after(s, first), [before], mt.span(), " ".join(mt.group(0).split()), "thanks", "unspecified"
            )
            continue
        pos = s.m[first].end if first is not None else mt.end()
        by = re.match(rf"\s*ب(?:ال)?(?:{nouns})\S*\s+(?:(?:\S+\s+)?من\s+)?", s.f[pos:])  # "بالدعم الروسي"
        k = name_after(s, pos + by.end(), max_words=1) if by else None  # "بالدعم المصري والتركي": each of the list
        backers = [b for b in list_after(s, k) if s.m[b].entity != s.m[thanker].entity] if k is not None else []
        k = name_after(s, pos, max_words=1) if not by else None  # "الحكومة الإيرانية": a body before the demonym
        if thanked_for(k):
            backers = list_after(s, k)  # "شكر الأسد روسيا وإيران على دعمهما"
        out += pairs(backers, [thanker], mt.span(), " ".join(mt.group(0).split()), "thanks", "unspecified")
    return out + _thanks_noun(s, lex)


def but_for(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``لولا الدعم الروسي والإيراني لسقط النظام``, ``لولا تدخل روسيا لما صمد الأسد``: a counterfactual; the owner of
    the support (its demonym or its name, within two words) backs the actor named after the answer's lam, or after
    the lam of "could not have" before it (``لم يكن لقوات النظام أن تستعيد حلب لولا الغطاء الجوي الروسي``)."""
    if not lex.but_for:
        return []
    nouns = _owned_nouns(lex)
    rx = lex.built(
        "but_for",
        lambda: re.compile(  # "ولولا": a conjunction written on
            rf"(?<![\u0621-\u064a])[وف]?(?:{alt(lex.but_for)})\s+(?:ال)?(?:{nouns}|تدخل|غطاء|سلاح|اموال|مقاتلات|طايرات|طيران)\s+"
        ),
    )
    out: list[Edge] = []
    for mt in rx.finditer(s.f):
        k = name_after(s, mt.end(), max_words=2)
        answer = _ANSWER.search(s.f, s.m[list_after(s, k)[-1]].end) if k is not None else None
        client = name_after(s, answer.end(), max_words=1) if answer else None
        if client is None and k is not None and (neg := _COULD_NOT.search(s.f, 0, mt.start())) is not None:
            client = name_after(s, neg.end(), max_words=1)  # "لم يكن لقوات النظام أن تستعيد حلب لولا": before
        if client is None and k is not None and (neg := _WOULD_NOT.search(s.f, 0, mt.start())) is not None:
            client = name_after(s, neg.end(), max_words=0)  # "ما كان الأسد ليصمد لولا": the subject after كان
        if client is not None and k is not None and s.m[client].entity != s.m[k].entity:
            out += pairs(list_after(s, k), [client], mt.span(), " ".join(mt.group(0).split()), "with", "unspecified")
    return out


#: "could not have" before the counterfactual, the one who could not after its lam ("لم يكن لقوات النظام أن")
_COULD_NOT = re.compile(r"(?<![\u0621-\u064a])(?:لم\s+يكن|لم\s+تكن|ما\s+كان|ما\s+كانت)\s+ل(?=[\u0621-\u064a])")

#: "would not have" with its subject before the lam ("ما كان الأسد ليصمد")
_WOULD_NOT = re.compile(
    r"(?<![\u0621-\u064a])(?:ما\s+كان|ما\s+كانت|لم\s+يكن|لم\s+تكن)\s+(?=(?:[\u0621-\u064a]+\s+){1,3}ل)"
)

#: the answer of a counterfactual: its lam written on a past verb, or لما with one ("لسقط"، "لانهار"، "لما صمد")
_ANSWER = re.compile(r"(?<![\u0621-\u064a])(?:لما\s+[\u0621-\u064a]+|ل(?!ل)[\u0621-\u064a]{3,})\s+")


#: a force and its owner after a with phrase: "من الطيران الحربي التابع ل" (the name after it owns the force)
_OWNED_BY = re.compile(r"\s*(?:من\s+)?(?:[\u0621-\u064a]+\s+){1,3}?(?:ال)?تابع(?:ه|ين|ون)?\s+")


def _backer_of(s: Sentence, lex: ArabicCues, mt: re.Match) -> int | None:
    """The backer named after a with phrase ``mt``: right after it (a demonym, or a name past a body noun), after
    من past up to three adjectives ("بإسناد مكثف من"), or after a verb of providing it ("وفرته طائرات التحالف")."""
    backer = name_after(s, mt.end(), max_words=2)
    adj_from = re.match(r"\s*(?:\S+\s+){0,3}?من\s", s.f[mt.end() :])  # "بإسناد مكثف من", "بدعم سياسي واقتصادي من"
    if backer is None and adj_from:
        backer = name_after(s, mt.end() + adj_from.end(), max_words=2)
    owned = _OWNED_BY.match(s.f, mt.end()) if backer is None else None
    if owned:  # "بإسناد من الطيران الحربي التابع للقوات المسلحة": the owner of the force that gives it
        backer = name_after(s, owned.end(), max_words=0)
        adj_from = adj_from or owned
    given = _provided(lex).match(s.f, mt.end()) if backer is None or not adj_from else None
    if given:  # "تحت غطاء جوي وفرته طائرات التحالف": the verb of providing it, then its provider
        backer = name_after(s, given.end(), max_words=1)
    with_from = mt.group(0).rstrip().endswith("من") or adj_from or given
    gap = s.f[mt.end() : s.m[backer].start] if backer is not None else ""
    body = BODY.fullmatch(re.sub('["\u00ab\u201c]', " ", gap))  # "بمشاركة قوات «درع السودان»"
    if backer is not None and not with_from and not body and s.m[backer].via != "demonym":
        return name_after(s, mt.end(), max_words=0)  # "بتمويل رواتب مقاتلي الجيش الحر": funding salaries, no backer
    return backer


def _opened(s: Sentence, lex: ArabicCues, start: int, end: int) -> int:
    """Where the clause of a phrase at ``end`` opens: past the last conjunction of ``with_support.clause_openers``
    after ``start`` that an actor follows before ``end`` (``قبل أن تدخلها قوات النظام تحت مظلة``), else ``start``."""
    if not lex.with_openers:
        return start
    last = None
    for mt in alt_rx(lex.with_openers).finditer(s.f, start, end):
        last = mt
    if last is None or not any(last.end() <= x.start and x.end <= end for x in s.m):
        return start
    return last.end()


def _provided(lex: ArabicCues) -> re.Pattern:
    """A verb of providing with the phrase's pronoun written on (``وفرته``، ``قدمتها``), right after the phrase (past
    one adjective), built once."""
    return lex.built(
        "with_provided",
        lambda: re.compile(
            rf"\s*(?:[\u0621-\u064a]+\s+)?(?:{alt(tuple(v + p for v in lex.provided for p in ('ه', 'ها')))})\s+"
        ),
    )


def _for_what(lex: ArabicCues) -> re.Pattern:
    """على and what the thanked are thanked for (a support noun, or one of ``thanks.for_words``: تدخلها، ما قدمته),
    up to two words after the thanked ("لإيران قيادة وشعبا على ما قدمته"), built once."""
    return lex.built(
        "thanked_for",
        lambda: re.compile(
            rf"\s*(?:[\u0621-\u064a]+\s+){{0,2}}?علي\s+(?:ال)?(?:{_owned_nouns(lex)}|"
            rf"{alt(lex.thanks_for + suffixed(lex.thanks_for))})(?![\u0621-\u064a])"
        ),
    )


def _thanks_noun(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``أعربت الخارجية السورية عن شكرها للبلدين على دعمهما``, ``وجّه الشكر علنا لإسرائيل على تدخلها``: thanks as a
    noun after عن (its owner's pronoun on it) or after a verb directing it (``thanks.noun_leads``), then ل and the
    thanked (past one adverb), then على and what they gave; the thanked back the clause's subject."""
    if not lex.thanks_nouns:
        return []
    rx = lex.built(
        "thanks_noun",
        lambda: re.compile(
            rf"(?<![\u0621-\u064a])(?:عن|[وف]?(?:{alt(lex.thanks_leads)}))\s+(?:بالغ\s+)?(?:ال)?"
            rf"(?:{alt(lex.thanks_nouns)})(?:ه|ها|هم|هما)?\s+"
        ),
    )
    out: list[Edge] = []
    for mt in rx.finditer(s.f):
        k = name_after(s, mt.end(), max_words=0 if mt.group(0).startswith("عن") else 1)
        lam = k is not None and s.f[s.m[k].start - 1] == "ل"
        owner = subject_of(s, mt.start()) if lam else None
        tail = _for_what(lex).match(s.f, s.m[list_after(s, k)[-1]].end) if lam else None
        if tail and owner is not None:
            out += pairs(list_after(s, k), [owner], mt.span(), " ".join(mt.group(0).split()), "thanks", "unspecified")
    return out


def for_support(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``... دعما لـ Y`` (in support of Y): the clause's first actor backs Y (``شنت طائرات روسية غارات دعما
    للجيش السوري``)."""
    out: list[Edge] = []
    for mt in alt_rx(lex.for_preps).finditer(s.f):
        prep = " ".join(mt.group(0).split())
        if not prep.endswith(("ل", "عن")) and not prep.startswith("ل") and not s.f[mt.end() :].lstrip().startswith("ل"):
            continue  # "تلقت دعما عسكريا من": support received, not "in support of"
        client = name_after(s, mt.end(), max_words=2)  # "دعما لقوات النظام", "دعما لتقدم قوات النظام"
        backer = subject_of(s, mt.start())
        if lex.for_losses and alt_rx(lex.for_losses).search(s.f, max(0, mt.start() - 60), mt.start()):
            continue  # "خسارة الدعم السريع مواقعها لصالح الجيش": lost to the army
        if client is None or backer is None or _struck(s, lex, backer):
            continue  # "ظلت طائراتها تقصف مناطق المعارضة دعما للنظام": the bombed back no one
        flags = {"clause_subject"}
        accused = name_after(s, s.m[list_after(s, backer)[-1]].end, max_words=2)  # "سلاح الجو المصري"
        if (
            accused is not None
            and s.m[accused].entity not in (s.m[client].entity, s.m[backer].entity)
            and accusation_before(s, lex, s.m[backer].start)
        ):
            backer, flags = accused, {"accused"}  # "اتهمت قوات الدعم السريع مصر بشن غارات دعما للجيش": Egypt
        elif (k := accused_object(s, lex, mt.start())) is not None and k != client and k > backer:
            backer, flags = k, {"accused"}  # "اتهم حميدتي في كلمة مصورة الطيران المصري بقصف قواته دعما للجيش"
            # (in the clause of its first actor: not "اتهم عراقجي إسرائيل ...، في حين شنت طائرات روسية ... دعما")
        backers = [k for k in list_after(s, backer) if k != client and s.m[k].end <= mt.start()]  # "السعودية وقطر"
        out += pairs(backers, [client], mt.span(), " ".join(mt.group(0).split()), "for", "unspecified", flags)
    return out


#: the places of a side that are struck ("تقصف مناطق المعارضة", "استهدفت مواقع قسد")
_PLACES_OF = r"(?:مناطق|مواقع|احياء|مقار|معاقل|مراكز|تجمعات|ثكنات|قواعد|خطوط)"


def _struck(s: Sentence, lex: ArabicCues, k: int) -> bool:
    """Whether mention ``k`` owns the places a verb of combat strikes right before it (``تقصف مناطق المعارضة``)."""
    rx = lex.built(
        "struck_places",
        lambda: re.compile(rf"(?<![\u0621-\u064a])(?:{alt(lex.combat_verbs)})\s+{_PLACES_OF}\s+$"),
    )
    return bool(lex.combat_verbs) and rx.search(s.f, max(0, s.m[k].start - 40), s.m[k].start) is not None


def by_means_of(s: Sentence, lex: ArabicCues, mt: re.Match) -> list[Edge] | None:
    """``كتائب من الجيش الحر تموَّل وتسلَّح بأموال قطرية وسعودية``: a verb (and a second one), ب and a material whose
    demonyms follow: each demonym's state gives to the name right before the verb. None when not this shape."""
    rx = lex.built(
        "by_means_of",
        lambda: re.compile(rf"\s+(?:و[\u0621-\u064a]+\s+)?ب(?:ال)?(?:{alt(tuple(lex.materials))})\s+"),
    )
    means = rx.match(s.f, mt.end())
    k = name_after(s, means.end(), max_words=0) if means else None
    if k is None or s.m[k].via != "demonym":
        return None
    client = name_before(s, mt.start(), max_words=1)
    word = " ".join(mt.group(0).split())
    return [] if client is None else pairs(list_after(s, k), [client], mt.span(), word, "verb", "funding")
