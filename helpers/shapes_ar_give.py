"""Arabic shapes of giving: what an actor receives (تلقت المعارضة صواريخ من واشنطن), what reaches it (وصلت الأسلحة
الإماراتية إلى الدعم السريع), what it contributed to (ساهم في انتصار) and what is sent to it (أرسلت روسيا أسلحة إلى).
Run by :func:`helpers.shapes_ar.all_edges`; the words are data (``data/cues/support_ar.yaml``)."""

from __future__ import annotations

import re

from .arabic_slots import (
    AUXILIARY,
    BODY,
    PART_OF,
    SOURCE_ASIDE,
    TO_PRONOUN,
    VIA,
    accused_object,
    clause_first,
    demonym_after,
    for_people,
    head_of,
    humanitarian_at,
    inside_name,
    list_after,
    list_before,
    material_at,
    member_of,
    name_after,
    name_before,
    relative_aside,
    said_subject,
    subject_before_comma,
    subject_of,
)
from .clauses import Sentence
from .cues_ar import PRE, ArabicCues, WordFinder, alt, alt_rx, suffixed
from .edges import Edge, pairs

__all__ = ["arrival", "contribute", "owed_to", "paid_debts", "receive", "recruited_into", "transfer"]


def receive(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``تلقت المعارضة صواريخ من الولايات المتحدة``, ``حصل الجيش على مسيرات من إيران``, ``اشترى الجيش مسيرات من
    إيران``: whoever gives or sells weapons (after ``من``) backs the receiver (the verb's subject, after or before
    it)."""
    out: list[Edge] = []
    if not lex.receive:
        return out
    given = lex.built(  # "يتلقى الجيش الوطني رواتبه من تركيا": a material with its owner written on
        "given", lambda: alt_rx(tuple(lex.materials) + tuple(lex.nouns) + suffixed(tuple(lex.materials)))
    )
    for mt in alt_rx(lex.receive + lex.buy).finditer(s.f):
        if _OBTAINED.match(s.f, mt.end()):
            out += _obtained(s, lex, mt, given)
            continue
        m2 = next((x for x in given.finditer(s.f, mt.end(), mt.end() + 60) if material_at(s, x)), None)
        bought = " ".join(mt.group(0).split()).lstrip("وف") in lex.buy
        if m2 is None or (bought and lex.materials.get(" ".join(m2.group(0).split()).lstrip("وفبلك")) != "weapons"):
            continue  # buying anything but weapons ("اشترت مصر القمح من روسيا") backs no one
        giver = _giver_after(s, m2.end(), lex)
        adj = name_after(s, m2.end(), max_words=1) if m2 and giver is None else None  # "حصلت على دعم تركي"
        giver = adj if adj is not None and s.m[adj].via == "demonym" else giver
        first = name_after(s, mt.end(), max_words=1)  # "تتلقى قوات حميدتي": a body noun before the name
        receiver = first if first is not None and s.m[first].end <= m2.start() else name_before(s, mt.start(), 1)
        if receiver is not None and receiver != first and s.m[receiver].via == "demonym":  # "تقارير أممية بتلقي":
            receiver = subject_of(s, mt.start())  # the adjective of a noun receives nothing; the clause's subject does
        if receiver is not first and _PARTICIPLE_AFTER_COMMA.search(s.f, 0, mt.end()):
            receiver = _participle_subject(s, mt.start())
            if receiver is None:
                continue  # "دفعت بآلاف المقاتلين في صف الجيش، مستفيدة من": the army is no subject
        aside, head = relative_aside(s, mt.start())
        after = first is not None and receiver == first  # "تلقت المعارضة": the name after the verb receives
        receiver = head if aside and not after else receiver  # else the head of a relative aside before the verb
        if receiver is None and not aside:  # "نفى قادة فصائل درزية ... تلقي أي دعم": the clause's
            receiver = subject_of(s, mt.start())  # subject denies receiving
        if receiver is None:  # "يحظى الجيش بدعم ...، ويعتقد أنه حصل على مسيرات من تركيا": it, the sentence's first
            receiver = said_subject(s, mt.start())
        giver = _relied_on(s, receiver) if giver is None and receiver is not None else giver
        receiver = None if receiver is not None and receiver == giver else receiver
        if giver is None or receiver is None:
            continue
        type_ = lex.materials.get(" ".join(m2.group(0).split()).lstrip("وفبلك"), "unspecified")
        span = (mt.start(), m2.end())
        out += pairs(list_after(s, giver), [receiver], span, " ".join(s.f[span[0] : span[1]].split()), "receive", type_)
    return out


#: a participle right after a comma ("، مستفيدة"): its subject is the main clause's, not the name before the comma
_PARTICIPLE_AFTER_COMMA = re.compile(r"،\s*[وف]?م[\u0621-\u064a]{3,7}$")


def _participle_subject(s: Sentence, pos: int) -> int | None:
    """The subject of a participle after a comma at ``pos``: the first actor of the clause before the comma when
    that clause opens with it, or with one verb and then it ("قاتل الجيش السوداني في أم درمان، مستفيدا من"), else
    None (an object of that clause is no subject)."""
    comma = s.f.rfind("،", 0, pos)
    opens = max(s.f.rfind("،", 0, comma), s.f.rfind(".", 0, comma)) + 1
    k = clause_first(s, comma) if comma >= 0 else None
    if k is None or s.m[k].start < opens:
        return None
    return k if len(s.f[opens : s.m[k].start].split()) <= 1 else None


#: what was obtained, written as a pronoun on على after the receiving verb, then من and the giver ("حصل عليها من")
_OBTAINED = re.compile(r"\s+علي(?:ها|ه|هم|هما)\s+من\s+")


#: a second complement of the verb before the comma: و and its preposition again ("، وإلى")
_SECOND_COMPLEMENT = re.compile(r"\s*و(?:الي|علي|ب|ل)?\s*")


def _obtained(s: Sentence, lex: ArabicCues, mt: re.Match, given: re.Pattern) -> list[Edge]:
    """``استند الجيش إلى مسيرات حصل عليها من تركيا وإيران``: a material named right before a receiving verb whose
    object pronoun stands for it; the giver after من backs the subject of the material's clause."""
    on = _OBTAINED.match(s.f, mt.end())
    named = [x for x in given.finditer(s.f, max(0, mt.start() - 50), mt.start()) if material_at(s, x)]
    if on is None or not named or len(s.f[named[-1].end() : mt.start()].split()) > 4:
        return []
    giver, receiver = name_after(s, on.end(), max_words=0), subject_of(s, named[-1].start())
    comma = s.f.rfind("،", 0, named[-1].start())
    if receiver is None and comma >= 0 and _SECOND_COMPLEMENT.fullmatch(s.f, comma + 1, named[-1].start()):
        receiver = subject_before_comma(s, named[-1].start())  # "استند الجيش إلى ...، وإلى مسيرات حصل عليها"
    if giver is None or receiver is None or s.m[giver].entity == s.m[receiver].entity:
        return []
    if s.m[receiver].via == "demonym":
        return []  # "استند الجيش إلى مظلة سياسية مصرية، وإلى مسيرات": an adjective of what is leaned on, no subject
    type_ = lex.materials.get(" ".join(named[-1].group(0).split()).lstrip("وفبلك"), "unspecified")
    span = (named[-1].start(), on.end())
    return pairs(list_after(s, giver), [receiver], span, " ".join(s.f[span[0] : span[1]].split()), "receive", type_)


def _relied_on(s: Sentence, receiver: int) -> int | None:
    """``يعتمد النظام على موسكو في الحصول على الأسلحة``: the name right after على after the receiver gives."""
    on = re.match(r"\s*علي\s+", s.f[s.m[receiver].end :])
    return name_after(s, s.m[receiver].end + on.end(), max_words=0) if on else None


def arrival(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``الأسلحة الإماراتية وصلت إلى قوات الدعم السريع``, ``وصلت أسلحة من الإمارات إلى``: a material reaching an
    actor; its demonym (or the name after من) backs the receiver (after إلى or ل)."""
    out: list[Edge] = []
    if not lex.arrival:
        return out
    mats = lex.built("materials", lambda: alt_rx(tuple(lex.materials)))
    for mt in alt_rx(lex.arrival).finditer(s.f):
        before = [x for x in mats.finditer(s.f, max(0, mt.start() - 40), mt.start()) if material_at(s, x)]
        m2 = (
            before[-1]
            if before
            else next((x for x in mats.finditer(s.f, mt.end(), mt.end() + 30) if material_at(s, x)), None)
        )
        if m2 is None:
            continue
        src = re.match(r"\s*(?:(?:\S+\s+)?من\s+)?", s.f[m2.end() : m2.end() + 30])
        giver = name_after(s, m2.end() + src.end(), max_words=0)
        if giver is None and "من" not in src.group(0).split():
            giver = demonym_after(s, m2.end())  # "وصول إمدادات عسكرية إماراتية إلى": after the material's adjectives
        if giver is None or (s.m[giver].via != "demonym" and "من" not in src.group(0).split()):
            continue
        givers = list_after(s, giver)  # "الأسلحة الروسية والإيرانية": each demonym of the list
        after = max(mt.end(), s.m[givers[-1]].end)
        onto = "علي\\s+|" if "تدفق" in mt.group(0) else ""  # "تدفقت الأسلحة على الفصائل": flowing onto them
        to = re.match(rf"\s*(?:\S+\s+){{0,2}}?(?:{onto}الي\s+|ل)", s.f[after : after + 30])
        client = name_after(s, after + to.end(), max_words=1) if to else None
        if client is not None and client not in givers:
            type_ = lex.materials.get(" ".join(m2.group(0).split()).lstrip("وفبلك"), "unspecified")
            span = (min(m2.start(), mt.start()), max(m2.end(), mt.end()))
            out += pairs(givers, [client], span, " ".join(s.f[span[0] : span[1]].split()), "arrival", type_)
    return out


def contribute(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``ساهم التدخل العسكري الروسي في إنقاذ نظام الأسد``: the subject after the verb (a demonym or a name, a
    few words in) backs the actor whose gain follows في; a loss or a defeat there is no backing."""
    out: list[Edge] = []
    if not lex.contribute or not lex.gains:
        return out
    gain = lex.built("gain", lambda: re.compile(rf"\s*في\s+{PRE}(?:{alt(lex.gains)})(?![\u0621-\u064a])"))
    for mt in alt_rx(lex.contribute).finditer(s.f):
        k = s.next_index(mt.end())
        if k >= len(s.m) or len(s.f[mt.end() : s.m[k].start].split()) > 3:
            continue
        g = gain.search(s.f, s.m[k].end, s.m[k].end + 30)
        client = name_after(s, g.end(), max_words=1) if g else None
        if client is not None and client != k and not any(s.m[k].end < x.start < g.start() for x in s.m):
            span = (mt.start(), g.end())
            out += pairs([k], [client], span, " ".join(s.f[span[0] : span[1]].split()), "verb", "unspecified")
    return out


def owed_to(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``يدين الأسد ببقائه في السلطة لروسيا وإيران``: the subject owes what it gained (after ب) to the actors after
    the lam, who back it."""
    if not lex.owe or not lex.owed:
        return []
    owed = lex.built(
        "owed", lambda: re.compile(rf"\s*ب(?:{alt(lex.owed)})(?![\u0621-\u064a])(?:\s+[^\s،.]+){{0,4}}?\s+ل")
    )
    out: list[Edge] = []
    for mt in alt_rx(lex.owe).finditer(s.f):
        k = name_after(s, mt.end(), max_words=1)
        m2 = owed.match(s.f, s.m[k].end) if k is not None else None
        j = s.next_index(m2.end()) if m2 else len(s.m)
        if m2 and j < len(s.m) and s.m[j].start == m2.end():
            span = (mt.start(), m2.end())
            cue = " ".join(s.f[span[0] : span[1]].split())
            out += pairs([b for b in list_after(s, j) if b != k], [k], span, cue, "receive", "unspecified")
    return out


def _handed_rx(lex: ArabicCues) -> WordFinder:
    """The transfer verbs with the pronoun of what is given written on (``سلمتها``، ``وفرها``), built once."""
    return lex.built("handed_on", lambda: alt_rx(tuple(v + p for v in lex.transfers for p in ("ه", "ها", "هم"))))


def _giver_after(s: Sentence, pos: int, lex: ArabicCues) -> int | None:
    """The name after من (or على أيدي, على يد: "at the hands of") within a few words of a material ending at ``pos``
    ("صواريخ تاو من واشنطن", "تدريبا على أيدي ضباط أتراك", "مسيرات من طراز بيرقدار من تركيا": the first من may
    name the model), or right after a giving verb with the material's pronoun ("وأسلحة وفرها الحرس الثوري")."""
    for frm in _FROM.finditer(s.f[pos : pos + 50]):
        if len(s.f[pos : pos + frm.start()].split()) > 3:
            break
        k = name_after(s, pos + frm.end(), max_words=1)
        if k is not None:
            return k
    rx = _handed_rx(lex)
    verb = rx.search(s.f, pos, pos + 30)
    near = verb is not None and len(s.f[pos : verb.start()].split()) <= 2
    return name_after(s, verb.end(), max_words=0) if near else None


#: the prepositions before a giver: من, and على أيدي / على يد ("at the hands of")
_FROM = re.compile(r"(?<![\u0621-\u064a])(?:من|علي\s+(?:ايدي|يد))\s+")


def transfer(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``أرسلت روسيا أسلحة إلى النظام``, ``زودت إيران الحوثيين بالصواريخ``: the sender backs the receiver."""
    out: list[Edge] = []
    if not lex.transfers or not lex.materials:
        return out
    mats = alt_rx(tuple(lex.materials))
    for mt in alt_rx(lex.transfers).finditer(s.f):
        if TO_PRONOUN.match(s.f, mt.end()):
            continue  # "مصر توفر له غطاء سياسيا": given to a pronoun, see shapes_ar_pronoun
        m2 = _given_material(s, mats, mt.end())
        if not m2 or humanitarian_at(s, lex, m2.end()) or for_people(s, lex, m2.end()):
            continue  # "أرسلت الإمارات مساعدات إنسانية إلى": aid to people
        type_ = lex.materials.get(" ".join(m2.group(0).split()).lstrip("وفبلك"), "unspecified")
        if " ".join(mt.group(0).split()).lstrip("وفبلك") in lex.transfer_nouns:
            out += _transfer_noun(s, lex, mt, m2, type_)
            continue
        backer, client = _sender_receiver(s, mt, m2, _double(lex, mt))
        if backer is not None and client is not None:
            before = s.m[backer].end <= mt.start()  # "فاغنر وقوات حفتر تمدان الدعم السريع": a list before the verb
            out += pairs(  # "قدمت السعودية وقطر دعما ماليا للحكومة": a list after it
                list_before(s, backer) if before else [k for k in list_after(s, backer) if k != client],
                [c for c in list_after(s, client) if c != backer],  # "للجيش أو لقوات الدعم السريع": each receives
                (mt.start(), m2.end()),
                " ".join(s.f[mt.start() : m2.end()].split()),
                "transfer",
                type_,
            )
    return out + _relative_transfer(s, lex) + _supplied_relative(s, lex) + _given_relative(s, lex) + _handed_on(s, lex)


def _given_material(s: Sentence, mats: re.Pattern, pos: int) -> re.Match | None:
    """The first material within 80 characters after a transfer verb ending at ``pos`` (not inside a name), past
    the body noun of the receiver's name when another material follows ("زودت موسكو قوات حفتر بالأسلحة")."""
    found = [x for x in mats.finditer(s.f, pos, pos + 80) if not inside_name(s, x.start())]
    if len(found) > 1:
        k = s.next_index(found[0].end())
        if k < len(s.m) and BODY.fullmatch(s.f, found[0].start(), s.m[k].start) and s.m[k].end <= found[1].start():
            return found[1]
    return found[0] if found else None


def _double(lex: ArabicCues, mt: re.Match) -> bool:
    """Whether the transfer verb ``mt`` takes the receiver, then what is given (``transfers.double_object``)."""
    word = " ".join(mt.group(0).split())
    return word in lex.double_object or (word[:1] in "وف" and word[1:] in lex.double_object)


#: a measure of what is given between the receiver and the material: "سلّمت الجيش دفعات من هذه الطائرات"
_MEASURE = re.compile(r"\s*(?:(?:دفعات|دفعه|كميات|كميه|عشرات|مئات|الاف|عددا|مزيدا)\s+من\s+(?:(?:هذه|هذا)\s+)?)?")


def _sender_receiver(s: Sentence, mt: re.Match, m2: re.Match, double: bool) -> tuple[int | None, int | None]:
    """Who sends and who receives around a transfer verb ``mt`` and its material ``m2``: the subject after the
    verb (or before it, or a pronoun after إن/أن), the receiver after الى/ل or right after the subject (or right
    after the verb, what is given next, for a ``double`` verb with its subject before it)."""
    first = name_after(s, mt.end(), max_words=0)
    if first is None:  # "نقلت خلالها إيران الأسلحة": one adverb before the subject
        first = name_after(s, mt.end(), max_words=1)
    if first is None:  # "زودت فصائل في الجيش الحر بصواريخ": a part of the group; "ألقت طائرات عسكرية أمريكية"
        k = name_after(s, mt.end(), max_words=2)
        part = k is not None and PART_OF.match(s.f[mt.end() : s.m[k].start])
        first = k if k is not None and (part or s.m[k].via == "demonym") else None
    first = member_of(s, first) if first is not None and s.m[first].start < m2.start() else None
    said = said_subject(s, mt.start())
    if said is not None and first is not None:  # "أعلنت موسكو أنها ستزود الجيش السوري بصواريخ": the object
        return said, first
    closed, past = relative_aside(s, mt.start())  # "القاهرة، التي تربطها علاقات بالبرهان، قدمت": not al-Burhan
    before = past if closed else name_before(s, mt.start(), 0)
    if before is None and not closed:  # "الولايات المتحدة قد زودت": a particle between the subject and the verb
        b1 = name_before(s, mt.start(), 2)
        before = b1 if b1 is not None and AUXILIARY.fullmatch(s.f[s.m[b1].end : mt.start()]) else None
    if before is not None and first is not None and _LAM_NEXT.fullmatch(s.f, mt.end(), s.m[first].start):
        return head_of(s, before), first  # "القاهرة توفر للبرهان غطاء سياسيا": ل before the name after the verb
    given = _given_with(s, first, m2) if first is not None else False
    given = given or (double and first is not None and _MEASURE.fullmatch(s.f, s.m[first].end, m2.start()))
    if before is not None and first is not None and given:
        return head_of(s, before), first  # "الإمارات تزود الدعم السريع بالأسلحة": subject, verb, receiver, ب
    backer = first if first is not None else head_of(s, past if closed else name_before(s, mt.start(), 2))
    backer = said if backer is None else backer
    rest = re.match(_TO_AFTER, s.f[m2.end() : m2.end() + 60])  # "شحنات من الأسلحة ... إلى"
    client = name_after(s, m2.end() + rest.end(), 1) if rest else None
    where = _WHERE_OF.match(s.f, m2.end() + rest.end()) if rest and client is None else None
    client = name_after(s, where.end(), 0) if where else client  # "إلى غرف عمليات قوات النظام"
    owner = name_after(s, m2.end(), 1) if client is None and _PAID.match(m2.group(0).strip()) else None
    if owner is not None and (
        s.m[owner].start == m2.end() + 1 or _PAID_BODY.fullmatch(s.f, m2.end(), s.m[owner].start)
    ):
        client = owner  # "تدفع تركيا رواتب مقاتلي الجيش الوطني": the salaries' owner is paid
    if client is None and first is not None:  # "زودت إيران الحوثيين بالصواريخ" (not "الإمارات والسعودية": one subject)
        end = s.m[list_after(s, first)[-1]].end
        source = SOURCE_ASIDE.match(s.f, end)  # "زودت الإمارات، وفق تقارير أممية، قوات الدعم السريع"
        end = source.end() - 1 if source else end
        k = name_after(s, end, 0)
        body = name_after(s, end, 1) if k is None else None  # "زودت موسكو قوات حفتر بالأسلحة": a body noun first
        k = body if body is not None and BODY.fullmatch(s.f, end, s.m[body].start) else k
        client = k if k is not None and s.m[k].end <= m2.start() else None
    return backer, client


#: ل written onto the name right after a verb ("توفر للبرهان", "ترسل لحميدتي"): the name receives
_LAM_NEXT = re.compile(r"\s+ل")


#: a noun written with ب between the receiver and the material ("بأنظمة أسلحة", "بشحنات من الذخيرة")
_WITH_NOUN = re.compile(r"\s+ب[\u0621-\u064a]+\s+(?:من\s+)?")


def _given_with(s: Sentence, receiver: int, m2: re.Match) -> bool:
    """Whether the material ``m2`` is what the receiver is given with ب: ``الجيش بالأسلحة``, ``الجيش بأنظمة أسلحة``."""
    end = s.m[list_after(s, receiver)[-1]].end
    return s.f[m2.start() : m2.start() + 1] == "ب" or _WITH_NOUN.fullmatch(s.f, end, m2.start()) is not None


#: the receiver's preposition a few words after the material (not "إلى أن": "that")
#: (nor ل or إلى with a pronoun: "مسيرات قدمتها له طهران", "أسلحة ترسلها إليه إيران" give to "him", the name after
#: it is the giver)
_TO_AFTER = re.compile(
    r"\s*(?:[^\s]+\s+){0,5}?(?:الي(?!\s+ان(?![\u0621-\u064a]))(?!(?:ه|ها|هم|هما)(?![\u0621-\u064a]))"
    r"|ل(?!(?:ه|ها|هم|هما|هن)(?![\u0621-\u064a])))\s*"
)

#: pay written with its owner after it, and a body noun between ("رواتب مقاتلي")
_PAID = re.compile(r"(?:ال)?(?:رواتب|اجور|مرتبات)$")
_PAID_BODY = re.compile(r"\s+(?:مقاتلي|عناصر|جنود|قوات|موظفي|العاملين\s+في)\s+")

#: where in a force what is sent arrives: its ranks, fronts, positions or operations rooms
_WHERE_OF = re.compile(r"\s*(?:صفوف|جبهات|مواقع|معسكرات|غرف(?:ه)?\s+عمليات|خطوط\s+جبهه|قواعد)\s+")


def receiver_before(s: Sentence, lex: ArabicCues, start: int, pos: int) -> list[int]:
    """The receiver of a giving verb between ``start`` and ``pos`` (the clause before "بمساعدة"): the name after the
    verb with ب and what is given after it, or after إلى/ل ("أمدت فاغنر قوات الدعم السريع بصواريخ بمساعدة قوات حفتر":
    Haftar's forces help the RSF). Empty when none."""
    verbs = list(alt_rx(lex.transfers).finditer(s.f, start, pos))
    if not verbs:
        return []
    verb = verbs[-1]
    for k in range(len(s.m)):
        x = s.m[k]
        if verb.end() <= x.start and x.end <= pos:
            to = re.search(r"(?:الي\s+|(?<![\u0621-\u064a])ل)$", s.f[verb.end() : x.start])
            if to or re.match(r"\s+ب[\u0621-\u064a]", s.f[x.end : pos]):
                return [k]
    return []


#: the receiver's preposition right after a verb or its subject
_TO = re.compile(r"\s*(?:الي\s+|ل)")


def _relative_transfer(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``الدعم الذي تقدمه إيران لحزب الله``, ``المساعدات التي ترسلها واشنطن إلى قسد``: what is given, then a relative
    pronoun and the giving verb with the object written on; the subject after it gives to the name after ل/إلى."""
    out: list[Edge] = []
    given = lex.built("given_verbs", lambda: alt_rx(_given_verbs(lex)))
    if given.search(s.f) is None:
        return out  # no giving verb with its object written on: the long pattern is not tried
    for mt in lex.built("relative_transfer", lambda: _relative_transfer_rx(lex)).finditer(s.f):
        backer = name_after(s, mt.end(), max_words=0)
        rest = _TO.match(s.f, s.m[backer].end) if backer is not None else None
        client = name_after(s, rest.end(), max_words=1) if rest else None
        if backer is not None and client is not None:
            out += pairs([backer], [client], mt.span(), " ".join(mt.group(0).split()), "transfer", "unspecified")
    return out


def _supplied_relative(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``جيش العزة، أحد الفصائل التي زودتها الولايات المتحدة بصواريخ``: a transfer verb with the receiver written on
    after a relative pronoun; its subject (then ب and what is given) supplies the name before the relative."""
    rx = lex.built(
        "supplied_relative",
        lambda: re.compile(
            r"(?<![\u0621-\u064a])(?:التي|الذي|الذين)\s+"
            rf"(?:{alt(tuple(v + p for v in lex.transfers for p in ('ه', 'ها', 'هم')))})(?![\u0621-\u064a])"
        ),
    )
    out: list[Edge] = []
    for mt in rx.finditer(s.f):
        giver = name_after(s, mt.end(), max_words=0)
        if giver is None or not re.match(r"\s+ب[\u0621-\u064a]", s.f[s.m[giver].end :]):
            continue  # "الأسلحة التي أرسلتها إيران": what is sent, not who receives
        client = name_before(s, mt.start(), max_words=3)
        if client is not None and not re.match(r"[»\")\s]*(?:،|$)", s.f[s.m[client].end : mt.start()]):
            client = name_before(s, mt.start(), max_words=0)  # past a description only after a comma
        if client is not None and client != giver:
            out += pairs([giver], [client], mt.span(), " ".join(mt.group(0).split()[1:]), "transfer", "unspecified")
    return out


def _given_relative(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``المسيرات التي زودت بها طهران الجيش``: what is given stands before the relative pronoun, the transfer verb
    takes it back with بها, and its subject (the giver) then the receiver follow."""
    rx = lex.built(
        "given_relative",
        lambda: re.compile(
            rf"(?<![\u0621-\u064a])(?:التي|الذي|الذين)\s+(?:{alt(tuple(lex.transfers))})\s+(?:به|بها|بهم)"
            r"(?![\u0621-\u064a])"
        ),
    )
    out: list[Edge] = []
    for mt in rx.finditer(s.f):
        giver = name_after(s, mt.end(), max_words=0)
        givers = list_after(s, giver) if giver is not None else []
        receiver = name_after(s, s.m[givers[-1]].end, max_words=0) if givers else None
        if receiver is not None and receiver not in givers:
            out += pairs(givers, [receiver], mt.span(), " ".join(mt.group(0).split()[1:]), "transfer", "unspecified")
    return out


def _handed_on(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``مسيرات «مهاجر-6» التي تقول تقارير إن طهران سلمتها للجيش``: a transfer verb whose object pronoun stands for
    a material named earlier in the sentence, then ل/إلى and the receiver; the giver is the name just before the verb
    or right after it (``سلمتها طهران للجيش``)."""
    rx = _handed_rx(lex)
    out: list[Edge] = []
    for mt in rx.finditer(s.f):
        mats = alt_rx(tuple(lex.materials))
        named = [x for x in mats.finditer(s.f, max(0, mt.start() - 120), mt.start()) if material_at(s, x)]
        if not named or humanitarian_at(s, lex, named[-1].end()):
            continue  # "سلمتها للجيش" with nothing given named before: a town or a prisoner handed over
        pronoun = TO_PRONOUN.match(s.f, mt.end())
        if pronoun:  # "تسلم الجيش مسيرات قدمتها له طهران": given "to him", the owner of the material named before
            giver, client = name_after(s, pronoun.end(), max_words=0), name_before(s, named[-1].start(), max_words=0)
            # "تسلم الجيش في الأسابيع الأخيرة مسيرات ... قدمتها له طهران": the subject of the clause of the material
            client = subject_of(s, named[-1].start()) if client is None else client
            if giver is not None and client is not None and client != giver:
                out += pairs([giver], [client], mt.span(), " ".join(mt.group(0).split()), "transfer", "unspecified")
            continue
        to = _TO.match(s.f, mt.end())
        giver = head_of(s, name_before(s, mt.start(), max_words=1)) if to else name_after(s, mt.end(), max_words=0)
        to = to or (_TO.match(s.f, s.m[giver].end) if giver is not None else None)
        if to is None or giver is None:
            continue
        client = name_after(s, to.end(), max_words=1)
        client = name_after(s, to.start(), max_words=0) if client is None else client  # ل written in the name
        if client is not None and client != giver:
            out += pairs([giver], [client], mt.span(), " ".join(mt.group(0).split()), "transfer", "unspecified")
    return out


#: what stands between a debt noun and its debtor: owed by ("المستحقة على"), or the debtor's staff
_OWED = re.compile(
    r"\s*(?:(?:ال)?(?:مستحقه|مترتبه|متراكمه)\s+(?:علي|على)\s+)?"
    r"(?:(?:موظفي|العاملين\s+في|مقاتلي|عناصر|جنود)\s+)?"  # "رواتب موظفي الحكومة": the employer is paid for
    r"(?:(?:القطاع\s+العام|القطاع\s+الحكومي|الدوله)\s+(?:في\s+)?)?"  # "رواتب موظفي القطاع العام السوري"
)


def recruited_into(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``جنّد الحرس الثوري آلاف اللاجئين الأفغان ضمن لواء فاطميون``: a recruiting verb or noun, then within
    ten words ضمن / في صفوف / لصالح and a group; the recruiter (the clause's subject) backs the group."""
    if not lex.recruit:
        return []
    into = lex.built(  # "ضمن ما بات يعرف بلواء فاطميون": within what became known as
        "recruit_into",
        lambda: re.compile(
            r"(?<![\u0621-\u064a])(?:ضمن|في\s+صفوف|الي\s+صفوف|لصالح)\s+(?:ما\s+(?:بات\s+|صار\s+)?(?:يعرف|تعرف)\s+)?"
        ),
    )
    out: list[Edge] = []
    for mt in alt_rx(lex.recruit).finditer(s.f):
        to = into.search(s.f, mt.end(), mt.end() + 80)
        group = name_after(s, to.end(), max_words=1) if to and len(s.f[mt.end() : to.start()].split()) <= 10 else None
        first = name_after(s, mt.end(), max_words=0)
        recruiter = first if first is not None and first != group else subject_of(s, mt.start())
        if group is not None and recruiter is not None and recruiter != group:
            span = (mt.start(), to.end())
            out += pairs([recruiter], [group], span, " ".join(mt.group(0).split()), "transfer", "troops")
    return out


def paid_debts(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``التزمت السعودية وقطر بسداد متأخرات مستحقة على سوريا``, ``تمويل رواتب الحكومة السورية``: a paying verb or noun,
    within six words a debt noun, then the debtor (right after it, or after مستحقة على); the clause's subject pays
    (and those listed with it)."""
    if not lex.debt_verbs or not lex.debts:
        return []
    debts = lex.built("debts", lambda: alt_rx(lex.debts))
    out: list[Edge] = []
    for mt in alt_rx(lex.debt_verbs + lex.pledge).finditer(s.f):  # "تتكفلان بجزء من رواتب": a pledge too
        d = debts.search(s.f, mt.end(), mt.end() + 60)
        if d is None or len(s.f[mt.end() : d.start()].split()) > 6:
            continue
        owed = _OWED.match(s.f, d.end())
        debtor = name_after(s, owed.end(), max_words=0)
        payer = subject_of(s, mt.start())
        if payer is None:  # verb-subject-object: "سددت السعودية وقطر متأخرات سوريا"
            payer = name_after(s, mt.end(), max_words=0)
            payer = payer if payer is not None and s.m[list_after(s, payer)[-1]].end <= d.start() else None
        if debtor is None or payer is None or payer == debtor:
            continue
        payers = [
            k for k in list_after(s, payer) if s.m[k].end <= (mt.start() if s.m[payer].end <= mt.start() else d.start())
        ]
        span = (mt.start(), d.end())
        out += pairs(payers, [debtor], span, " ".join(s.f[span[0] : span[1]].split()), "verb", "funding")
    return out


def _given_verbs(lex: ArabicCues) -> tuple[str, ...]:
    """The giving and backing verbs with their object written on (تقدمه، ترسلها)."""
    return tuple(v + p for v in (*lex.transfers, *lex.verbs) for p in ("ه", "ها"))


def _relative_transfer_rx(lex: ArabicCues) -> re.Pattern:
    verbs = _given_verbs(lex)
    words = tuple(lex.materials) + tuple(lex.nouns)
    given = alt(words + tuple(" ".join("ال" + p for p in w.split()) for w in words))  # "المساعدات العسكرية"
    indefinite = rf"(?<![\u0621-\u064a])[وفب]?(?:{alt(words)})\S*\s+(?:(?!ال)\S+\s+)?"  # "دعما عسكريا تقدمه طهران"
    return re.compile(
        rf"(?:(?:{given})\S*\s+(?:\S+\s+)?(?:الذي|التي)\s+|{indefinite})(?:{alt(verbs)})(?![\u0621-\u064a])"
    )


#: a short aside set off by commas right before a verbal noun, saying where or how ("، في بيان مشترك،")
_ASIDE_BEFORE = re.compile(r"،\s*(?:في|خلال|عبر|بحسب|وفق|وفقا\s+ل)\s+[^،.]{1,40}،\s*$")


def _blocked(s: Sentence, lex: ArabicCues, a: int, b: int) -> bool:
    """A verb against a shipment right before the subject starting at ``a`` or between it and the noun at ``b``
    ("ضبطت السلطات السورية شحنة"), with no comma after it: its subject sends nothing."""
    if not lex.transfer_blockers:
        return False
    found = alt_rx(lex.transfer_blockers).search(s.f, max(0, a - 15), b)
    return found is not None and "،" not in s.f[found.end() : b]


def _transfer_noun(s: Sentence, lex: ArabicCues, mt: re.Match, m2: re.Match, type_: str) -> list[Edge]:
    """``تدرس واشنطن تزويد فصائل المعارضة بصواريخ``: the verbal noun's owner (after it, when two names stand
    before the material) or the actor just before it sends; the last name before the material receives."""
    inside = [k for k in range(len(s.m)) if mt.end() <= s.m[k].start and s.m[k].end <= m2.start()]
    if not inside:  # "أعلنت واشنطن تقديم مساعدات عسكرية للمعارضة": the material, then ل + the receiver
        rest = re.match(r"\s*(?:[^\s،.]+\s+){0,5}?(?:الي\s+|ل)", s.f[m2.end() : m2.end() + 50])  # "وذخائر وسترات"
        client = name_after(s, m2.end() + rest.end(), 1) if rest else None
        own = name_after(s, m2.end(), 0)  # "شحنة أسلحة إيرانية": the material's own origin sends it
        before = name_before(s, mt.start(), 2)
        before = (
            None if before is not None and "،" in s.f[s.m[before].end : mt.start()] else before
        )  # "سقوط الأسد، إسقاط"
        aside = _ASIDE_BEFORE.search(s.f, max(0, mt.start() - 60), mt.start()) if before is None else None
        before = name_before(s, aside.start(), 1) if aside else before  # "أعلنت قطر، في بيان مشترك، تقديم دعم"
        before = None if before is not None and _blocked(s, lex, s.m[before].start, mt.start()) else before
        backer = own if own is not None and s.m[own].via == "demonym" else head_of(s, before)
        if backer is None and mt.group(0).lstrip("وف").startswith("ل"):
            backer = subject_of(s, mt.start())  # "عبرت دبابات تركية الحدود لتقديم الدعم لفصائل": a purpose
        if backer is None and VIA.search(s.f, max(0, mt.start() - 12), mt.start()):
            backer = accused_object(s, lex, mt.start())  # "تتهم الإمارات بالتواطؤ ...، عبر تقديم السلاح لـ": the means
        ok = client is not None and backer is not None and backer != client
        span = (mt.start(), m2.end())
        # "تتهم تركيا وقطر بتقديم": a list before the noun gives
        backers = list_before(s, backer) if ok and s.m[backer].end <= mt.start() else [backer]
        clients = [c for c in list_after(s, client) if c not in backers] if ok else []
        return pairs(backers, clients, span, " ".join(s.f[span[0] : span[1]].split()), "transfer", type_) if ok else []
    listed = len(inside) > 1 and list_after(s, inside[0])[-1] == inside[-1]  # "الجيش ولا قوات الدعم السريع"
    if (len(inside) > 2 and not listed) or s.f[m2.start() : m2.start() + 1] != "ب":
        return []
    client = inside[-1]
    two = not listed and len(inside) == 2 and member_of(s, inside[0]) != inside[1]  # "المقاتلين الأكراد في الوحدات"
    backer = inside[0] if two else head_of(s, name_before(s, mt.start(), 2))
    if backer is None and mt.group(0).strip().lstrip("و").startswith("ب"):
        backer = accused_object(s, lex, mt.start())  # "اتهم دقلو مصر بالمشاركة في القصف، وبتزويد الجيش بمسيرات"
    if backer is None or backer == client:
        return []
    span = (mt.start(), m2.end())
    clients = [c for c in inside if c != backer] if listed else [client]
    return pairs([backer], clients, span, " ".join(s.f[span[0] : span[1]].split()), "transfer", type_)
