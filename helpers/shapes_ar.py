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

import re

from .arabic import PROCLITICS
from .clauses import Sentence
from .cues_ar import OBJECT_PRONOUNS, PRE, ArabicCues, alt, alt_rx, suffixed
from .edges import Edge, pairs

_AR = re.compile(r"[\u0621-\u064a]")
# the article (after any proclitic): a definite participle (المدعومة) may qualify a name a few words back
_PRE_DEF = r"^[وف]?[بلك]?ال|^[وف]?لل"
#: "that" after a verb of saying: bare (a new subject follows) or with a pronoun for the speaker (group 1)
_THAT = re.compile(r"(?<![\u0621-\u064a])[وف]?ان(ها|ه|هم|هما)?(?![\u0621-\u064a])")
#: a past verb after قد ("قد ساندت", "قد أرسلوا"): the perfect, not "may" (a present verb: "قد تدعم")
_PAST_AFTER = re.compile(
    r"\s+(?![يت][\u0621-\u064a]+(?<![تا])(?![\u0621-\u064a]))[\u0621-\u064a]+(?:ت|وا|نا)(?![\u0621-\u064a])"
)
#: a body noun written before an actor's name: "قوات حزب الله", "عناصر من"
_BODY = re.compile(r"\s*[وف]?(?:ال)?(?:قوات|عناصر|مقاتلو|مقاتلي|وحدات|طايرات|ميليشيا|مليشيا)\s+")
#: a part of a group before its name: "فصائل في الجيش الحر", "عناصر من حزب الله"
_PART_OF = re.compile(r"^\s*(?:فصايل|فصائل|عناصر|مقاتلي|مقاتلين|وحدات|قوات|مجموعات|الويه|كتايب)\s+(?:من|في)\s+$")
#: prepositions of opposing: a name after them is fought, not backed
_AGAINST = re.compile(
    r"(?<![\u0621-\u064a])(?:[وف]?(?:ضد|في مواجهه|لمواجهه|بمواجهه|مواجهه|على|علي))(?![\u0621-\u064a])"
)
#: an indefinite relative adjective ("وأفغانية", "محلية"): it qualifies the noun before it, as a participle after
#: it does
_NISBA = re.compile(r"^و?[\u0621-\u064a]{2,}(?:يه|ي|يين|يون)$")
#: "that she/he/they" (folded إنها، أنه، إنهم): the pronoun is the subject of the verb that follows
_THAT_PRONOUN = re.compile(
    r"(?<![\u0621-\u064a])[وف]?(?:ان(?:ها|ه|هم|هما)|ان\s+(?:تكون|يكون))\s+(?:\S+\s+){0,2}?$"
)  # "قالت أنقرة إنها لم تقدم", "نفت قطر أن تكون قد قدمت": the one who speaks


def is_arabic(text: str) -> bool:
    """True when a sentence is mostly Arabic script."""
    head = text[:400]
    if not _AR.search(head):
        return False  # most sentences: no Arabic letter at all
    letters = sum(ch.isalpha() for ch in head)
    return letters > 0 and len(_AR.findall(head)) * 2 >= letters


# -- helpers over mentions --------------------------------------------------------------------------------
def _next(s: Sentence, pos: int, max_words: int = 0) -> int | None:
    """The first mention starting after ``pos`` with at most ``max_words`` words (and a proclitic) between."""
    j = s.next_index(pos)
    if j >= len(s.m):
        return None
    gap = s.f[pos : s.m[j].start]
    words = [w for w in gap.replace("\u0640", "").split() if w not in ("و", "من", "قبل", "جانب", "ل")]
    if words and gap[-1:].isalpha() and words[-1] in PROCLITICS:
        words.pop()  # "للفصائل": the proclitic is written onto the name
    return j if len(words) <= max_words and len(gap) <= 40 else None


def _prev(s: Sentence, pos: int, max_words: int = 0) -> int | None:
    j = s.prev_index(pos)
    if j < 0:
        return None
    gap = s.f[s.m[j].end : pos]
    return j if len(gap.split()) <= max_words and len(gap) <= 40 else None


def _list_fwd(s: Sentence, j: int) -> list[int]:
    """Mention ``j`` and those joined to it by و or a comma (``روسيا وإيران``, ``مقاتلين من حزب الله ومستشارين من
    الحرس الثوري``: a body noun and من after و)."""
    out = [j]
    while out[-1] + 1 < len(s.m) and re.fullmatch(
        r"\s*(?:[،,]\s*و?|و)\s*(?:\S+\s+من\s+)?", s.f[s.m[out[-1]].end : s.m[out[-1] + 1].start]
    ):
        out.append(out[-1] + 1)
    return out


def _list_back(s: Sentence, j: int) -> list[int]:
    """Mention ``j`` and those before it joined by و or a comma (``روسيا وإيران وحزب الله``)."""
    out = [j]
    while out[0] > 0 and re.fullmatch(r"\s*(?:[،,]\s*و?|و)\s*", s.f[s.m[out[0] - 1].end : s.m[out[0]].start]):
        out.insert(0, out[0] - 1)
    return out


#: a time set off by commas ("بدأت الطائرات الروسية، اليوم الأربعاء، غاراتها"): no clause boundary
_TIME_ASIDE = re.compile(
    r"،\s*(?:اليوم|امس|يوم|صباح|مساء|ليل|فجر|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)(?:\s+\S+){0,2}?\s*،"
)


def _clause_first(s: Sentence, pos: int) -> int | None:
    """The first mention of the clause (from the last comma or semicolon, a time set off by commas aside) that
    ends before ``pos``."""
    f = _TIME_ASIDE.sub(lambda m: " " * len(m.group(0)), s.f[:pos]) if "،" in s.f[:pos] else s.f[:pos]
    start = max(f.rfind("،", 0, pos), f.rfind("؛", 0, pos), -1) + 1
    that = [
        m.end()
        for m in _THAT.finditer(f, start)
        if not m.group(1) and any(m.end() <= x.start and x.end <= pos for x in s.m)
    ]
    start = that[-1] if that else start  # "قال قائد الجيش إن روسيا طلبت": the reported clause's own subject
    return next((k for k in range(len(s.m)) if start <= s.m[k].start and s.m[k].end <= pos), None)


def _subject_of(s: Sentence, pos: int) -> int | None:
    """The clause's first actor (:func:`_clause_first`); when the clause after the last comma names none, the
    antecedent before a relative pronoun ("مجموعة فاغنر، الذين يقاتلون"). (Reaching back to the sentence's first
    actor was tried: on unread sentences it found 2 edges and 3 false ones.)"""
    k = _clause_first(s, pos)
    comma = max(s.f.rfind("،", 0, pos), s.f.rfind(",", 0, pos))
    if k is not None or comma < 0:
        return k
    if re.match(r"\s*(?:الذين|التي|الذي)(?![\u0621-\u064a])", s.f[comma + 1 :]):
        return _prev(s, comma, max_words=0)
    return None


def _head(s: Sentence, k: int | None) -> int | None:
    """The name a demonym right after it qualifies ("مجموعة فاغنر الروسية": Wagner, not Russia)."""
    if k is not None and k > 0 and s.m[k].via == "demonym" and not s.f[s.m[k - 1].end : s.m[k].start].strip():
        return k - 1
    return k


def _inside_name(s: Sentence, pos: int) -> bool:
    """True when ``pos`` falls inside an actor's name ("قوات" in "قوات الدعم السريع" is no material)."""
    return any(x.start <= pos < x.end for x in s.m)


def _material_at(s: Sentence, mt: re.Match) -> bool:
    """A material word that is not part of a name nor an actor's body ("قوات" in "قوات الدعم السريع" or in
    "قوات حميدتي": the actor itself, not what it is given); a demonym after it is its source ("دعم تركي")."""
    if _inside_name(s, mt.start()):
        return False
    j = s.next_index(mt.end())
    return j >= len(s.m) or s.m[j].via == "demonym" or bool(s.f[mt.end() : s.m[j].start].strip())


def _aligned(s: Sentence, lex: ArabicCues, a: int, b: int) -> bool:
    return bool(lex.alignment) and alt_rx(lex.alignment).search(s.f, a, b) is not None


# -- shapes -----------------------------------------------------------------------------------------------
def passive(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``X المدعومة من Y`` and ``X المدعومة إيرانيا``: Y backs X."""
    out: list[Edge] = []
    for mt in alt_rx(tuple(lex.participles)).finditer(s.f):
        client = _prev(s, mt.start(), max_words=3)
        backer = _next(s, mt.end(), max_words=1)
        if backer is None:  # "المدعومة بغطاء جوي روسي": by a material, its maker's adjective after it
            k = _next(s, mt.end(), max_words=3)
            mat = _given_rx(lex).match(s.f, mt.end()) if k is not None and s.m[k].via == "demonym" else None
            backer = k if mat and s.m[k].start - mat.end() <= 2 else None
        if client is None or backer is None:
            continue
        led = re.fullmatch(r"\s*بقياده\s+\S+(?:\s+\S+){0,2}?\s*،\s*", s.f[s.m[client].end : mt.start()])
        if not led and _aligned(s, lex, s.m[client].end, mt.start()):
            continue  # "قوات النمر بقيادة سهيل الحسن، المدعومة من روسيا": the leader's name is not the client
        word = " ".join(mt.group(0).split())
        gap = s.f[s.m[client].end : mt.start()].split()
        if not re.match(_PRE_DEF, word) and gap[:1] not in ([], ["،"]) and not all(_NISBA.match(w) for w in gap):
            continue  # "اتهمت واشنطن فصائل مدعومة من إيران": an indefinite participle qualifies the noun before it
            # (or the adjectives after it: "فصائل عراقية وأفغانية ممولة من إيران")
        out += pairs(
            _list_fwd(s, backer),
            [client],
            mt.span(),
            word,
            "passive",
            lex.participles.get(word, lex.participles.get(word.lstrip("وفبلك"), "unspecified")),
        )
    return out


def _given_rx(lex: ArabicCues) -> re.Pattern:
    """A material or support noun written with ب right after a participle (``بغطاء جوي``, ``بأسلحة``)."""
    return lex.built(
        "given_by_rx",
        lambda: re.compile(rf"\s*ب(?:ال)?(?:{alt(tuple(lex.materials) + tuple(lex.nouns))})(?![\u0621-\u064a])"),
    )


def with_support(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``... بدعم من روسيا`` / ``بدعم روسي``: the backer after, the clause's first actor is the client."""
    out: list[Edge] = []
    for mt in alt_rx(lex.with_preps).finditer(s.f):
        if _accusation_before(s, lex, mt.start()) or _pledge_before(s, lex, mt.start()):
            continue  # "اتهمت دمشق أنقرة بدعم المسلحين", "تعهدت قطر بدعم": the verbal noun, see verb()
        backer = _next(s, mt.end(), max_words=2)
        with_from = mt.group(0).rstrip().endswith("من") or re.match(r"\s*(?:\S+\s+)?من\s", s.f[mt.end() :])
        if backer is not None and not with_from and s.m[backer].via != "demonym":
            backer = _next(s, mt.end(), max_words=0)  # "بتمويل رواتب مقاتلي الجيش الحر": funding salaries, no backer
        if backer is None:
            continue
        start = max(s.f.rfind("،", 0, mt.start()), s.f.rfind("؛", 0, mt.start()), -1) + 1
        firsts = [k for k in range(len(s.m)) if start <= s.m[k].start and s.m[k].end <= mt.start()]
        if not firsts and not re.search(r"[\u0621-\u064a]", s.f[: mt.start()]):
            firsts = _fronted(s, _list_fwd(s, backer)[-1])  # "بدعم من الطيران الروسي، تقدمت قوات النظام"
        elif not firsts:
            k = _subject_of(s, mt.start())  # "استعاد الجيش السوري القصير ...، بإسناد من مقاتلي حزب الله"
            firsts = [] if k is None or k in _list_fwd(s, backer) else [k]
        if firsts:
            out += pairs(
                _list_fwd(s, backer),
                [firsts[0]],
                mt.span(),
                " ".join(mt.group(0).split()),
                "with",
                "air_power" if "جوي" in mt.group(0) else "unspecified",
                {"clause_subject"},
            )
    return out


#: "التحالف الدولي بقيادة واشنطن": who leads the group just named (a name of two or three words)
_LED_BY = re.compile(r"\s*بقياده\s+\S+(?:\s+\S+){0,2}\s*")


def _fronted(s: Sentence, last: int) -> list[int]:
    """After a phrase opening the sentence that ends with mention ``last``: the first actor after its comma."""
    comma = s.f.find("،", s.m[last].end)
    comma = s.f.find(",", s.m[last].end) if comma < 0 else comma
    near = comma >= 0 and (comma - s.m[last].end <= 12 or _LED_BY.fullmatch(s.f[s.m[last].end : comma]))
    k = _next(s, comma + 1, max_words=3) if near else None
    return [] if k is None else [k]


def receive(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``تلقت المعارضة صواريخ من الولايات المتحدة``, ``حصل الجيش على مسيرات من إيران``: whoever gives (after
    ``من``) backs the receiver (the verb's subject, after or before it)."""
    out: list[Edge] = []
    if not lex.receive:
        return out
    given = lex.built("given", lambda: alt_rx(tuple(lex.materials) + tuple(lex.nouns)))
    for mt in alt_rx(lex.receive).finditer(s.f):
        m2 = next((x for x in given.finditer(s.f, mt.end(), mt.end() + 60) if _material_at(s, x)), None)
        if m2 is None:
            continue
        giver = _giver_after(s, m2.end())
        adj = _next(s, m2.end(), max_words=1) if m2 and giver is None else None  # "حصلت على دعم تركي"
        giver = adj if adj is not None and s.m[adj].via == "demonym" else giver
        first = _next(s, mt.end(), max_words=1)  # "تتلقى قوات حميدتي": a body noun before the name
        receiver = first if first is not None and s.m[first].end <= m2.start() else _prev(s, mt.start(), 1)
        if giver is None or receiver is None:
            continue
        type_ = lex.materials.get(" ".join(m2.group(0).split()).lstrip("وفبلك"), "unspecified")
        span = (mt.start(), m2.end())
        out += pairs(_list_fwd(s, giver), [receiver], span, " ".join(s.f[span[0] : span[1]].split()), "receive", type_)
    return out


def arrival(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``الأسلحة الإماراتية وصلت إلى قوات الدعم السريع``, ``وصلت أسلحة من الإمارات إلى``: a material reaching an
    actor; its demonym (or the name after من) backs the receiver (after إلى or ل)."""
    out: list[Edge] = []
    if not lex.arrival:
        return out
    mats = lex.built("materials", lambda: alt_rx(tuple(lex.materials)))
    for mt in alt_rx(lex.arrival).finditer(s.f):
        before = [x for x in mats.finditer(s.f, max(0, mt.start() - 40), mt.start()) if _material_at(s, x)]
        m2 = (
            before[-1]
            if before
            else next((x for x in mats.finditer(s.f, mt.end(), mt.end() + 30) if _material_at(s, x)), None)
        )
        if m2 is None:
            continue
        src = re.match(r"\s*(?:(?:\S+\s+)?من\s+)?", s.f[m2.end() : m2.end() + 30])
        giver = _next(s, m2.end() + src.end(), max_words=0)
        if giver is None or (s.m[giver].via != "demonym" and "من" not in src.group(0).split()):
            continue
        after = max(mt.end(), s.m[giver].end)
        to = re.match(r"\s*(?:\S+\s+){0,2}?(?:الي\s+|ل)", s.f[after : after + 30])
        client = _next(s, after + to.end(), max_words=1) if to else None
        if client is not None and client != giver:
            type_ = lex.materials.get(" ".join(m2.group(0).split()).lstrip("وفبلك"), "unspecified")
            span = (min(m2.start(), mt.start()), max(m2.end(), mt.end()))
            out += pairs([giver], [client], span, " ".join(s.f[span[0] : span[1]].split()), "arrival", type_)
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
        client = _next(s, g.end(), max_words=1) if g else None
        if client is not None and client != k and not any(s.m[k].end < x.start < g.start() for x in s.m):
            span = (mt.start(), g.end())
            out += pairs([k], [client], span, " ".join(s.f[span[0] : span[1]].split()), "verb", "unspecified")
    return out


def _giver_after(s: Sentence, pos: int) -> int | None:
    """The name after من within a few words of a material ending at ``pos`` ("صواريخ تاو من واشنطن", "مسيرات من
    طراز بيرقدار من تركيا": the first من may name the model)."""
    for frm in re.finditer(r"(?<![\u0621-\u064a])من\s+", s.f[pos : pos + 50]):
        if len(s.f[pos : pos + frm.start()].split()) > 3:
            break
        k = _next(s, pos + frm.end(), max_words=1)
        if k is not None:
            return k
    return None


def thanks(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``رحبت دمشق بالدعم الروسي``, ``شكر الأسد روسيا وإيران على دعمهما``: whose support is welcomed or thanked
    for backs the one who thanks (the verb's subject, after or before it)."""
    out: list[Edge] = []
    if not lex.thanks:
        return out
    nouns = lex.built("nouns_owned", lambda: alt(tuple(lex.nouns) + suffixed(tuple(lex.nouns))))
    for mt in alt_rx(lex.thanks).finditer(s.f):
        first = _next(s, mt.end(), max_words=0)
        thanker = first if first is not None else _prev(s, mt.start(), max_words=1)
        if thanker is None:
            continue
        pos = s.m[first].end if first is not None else mt.end()
        by = re.match(rf"\s*ب(?:ال)?(?:{nouns})\S*\s+(?:(?:\S+\s+)?من\s+)?", s.f[pos:])  # "بالدعم الروسي"
        backers = [k] if by and (k := _next(s, pos + by.end(), max_words=1)) is not None else []
        k = _next(s, pos, max_words=0) if not by else None
        if k is not None and re.match(rf"\s*علي\s+(?:ال)?(?:{nouns})", s.f[s.m[_list_fwd(s, k)[-1]].end :]):
            backers = _list_fwd(s, k)  # "شكر الأسد روسيا وإيران على دعمهما"
        out += pairs(backers, [thanker], mt.span(), " ".join(mt.group(0).split()), "thanks", "unspecified")
    return out


def for_support(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``... دعما لـ Y`` (in support of Y): the clause's first actor backs Y (``شنت طائرات روسية غارات دعما
    للجيش السوري``)."""
    out: list[Edge] = []
    for mt in alt_rx(lex.for_preps).finditer(s.f):
        prep = " ".join(mt.group(0).split())
        if not prep.endswith(("ل", "عن")) and not prep.startswith("ل") and not s.f[mt.end() :].lstrip().startswith("ل"):
            continue  # "تلقت دعما عسكريا من": support received, not "in support of"
        client = _next(s, mt.end(), max_words=2)  # "دعما لقوات النظام", "دعما لتقدم قوات النظام"
        backer = _subject_of(s, mt.start())
        if client is None or backer is None:
            continue
        flags = {"clause_subject"}
        accused = _next(s, s.m[_list_fwd(s, backer)[-1]].end, max_words=2)  # "سلاح الجو المصري"
        if accused is not None and accused != client and _accusation_before(s, lex, s.m[backer].start):
            backer, flags = accused, {"accused"}  # "اتهمت قوات الدعم السريع مصر بشن غارات دعما للجيش": Egypt
        out += pairs([backer], [client], mt.span(), " ".join(mt.group(0).split()), "for", "unspecified", flags)
    return out


def fight(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``قاتل عناصر من حزب الله إلى جانب القوات الحكومية``: who fights beside an actor backs it (a fighting
    verb before the phrase; the clause's first actor after or before the verb is the fighter)."""
    out: list[Edge] = []
    if not lex.fight_verbs:
        return out
    verbs = alt_rx(lex.fight_verbs + lex.stand_verbs)
    for mt in alt_rx(lex.fight_preps).finditer(s.f):
        client = _next(s, mt.end(), max_words=1)  # "إلى جانب قوات النظام": a body noun before the name
        start = max(s.f.rfind("،", 0, mt.start()), s.f.rfind("؛", 0, mt.start()), -1) + 1
        verb_at = verbs.search(s.f, start, mt.start())
        backer = _clause_first(s, mt.start())
        if backer is None and re.match(r"\s*(?:الذين|التي|الذي)(?![\u0621-\u064a])", s.f[start:]):
            backer = _subject_of(s, mt.start())  # "مجموعة فاغنر، الذين يقاتلون إلى جانب": the group before
        if client is None or verb_at is None or backer is None:
            continue
        backer = _after_that(s, backer, verb_at.start())
        if backer is None:
            continue  # "قالت الأمم المتحدة إن مرتزقة ... يقاتلون في صفوف": the speaker does not fight
        if _aligned(s, lex, max(0, s.m[backer].start - 25), s.m[backer].start):
            continue  # "فصائل موالية لإيران ... تقاتل إلى جانب": the factions fight, not Iran
        stood = " ".join(verb_at.group(0).split()).lstrip("وف") in lex.stand_verbs  # "وقفت روسيا إلى جانب"
        out += pairs(
            _list_fwd(s, backer),
            [client],
            (verb_at.start(), mt.end()),
            " ".join(mt.group(0).split()),
            "fight",
            "unspecified" if stood else "troops",
        )
    return out


def _after_that(s: Sentence, first: int, verb: int) -> int | None:
    """The subject of a verb at ``verb`` when the clause's first actor ``first`` speaks before إن/أن: the first
    actor after the conjunction ("أكد البرهان أن مصر وقفت": Egypt), the speaker again after إنه/إنها, None when no
    actor stands there ("إن مرتزقة يقاتلون")."""
    that = None
    for mt in _THAT.finditer(s.f, s.m[first].end, verb):
        that = mt
    if that is None or that.group(1):
        return first
    return next((k for k in range(len(s.m)) if that.end() <= s.m[k].start and s.m[k].end <= verb), None)


def backer_noun(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``روسيا وإيران ... الداعمين الرئيسيين لـ Y`` and ``الولايات المتحدة، الداعم الرئيسي لـ Y``: the
    actors named right before the noun back Y."""
    out: list[Edge] = []
    for mt in alt_rx(lex.backer_nouns).finditer(s.f):
        client = _next(s, mt.end(), max_words=2)  # "الداعم الأول للمعارضة", "الداعم الإقليمي الأبرز لدمشق"
        before = _prev(s, mt.start(), max_words=3)  # "الولايات المتحدة، الداعم الرئيسي لـ", "الحليف الأبرز والداعم"
        if client is not None and before is not None:
            out += pairs(
                _list_back(s, before), [client], mt.span(), " ".join(mt.group(0).split()), "noun", "unspecified"
            )
    return out


def client_noun(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``حزب الله هو أبرز أذرع إيران``, ``الميليشيات العراقية من وكلاء إيران``, ``حزب الله، ذراع إيران``: the owner
    written after the noun (its genitive) backs the actor a few words before it."""
    out: list[Edge] = []
    if not lex.client_nouns:
        return out
    for mt in alt_rx(lex.client_nouns).finditer(s.f):
        owner = _next(s, mt.end(), max_words=0)
        client = _prev(s, mt.start(), max_words=3)  # "هو أبرز", "تعد ... من": a copula, a superlative, من
        if owner is not None and client is not None and owner != client:
            out += pairs([owner], [client], mt.span(), " ".join(mt.group(0).split()), "noun", "unspecified")
    return out


def _pledge_before(s: Sentence, lex: ArabicCues, pos: int) -> bool:
    """A pledge verb (تعهدت، وعدت) within a few words before ``pos``."""
    return bool(lex.pledge) and alt_rx(lex.pledge).search(s.f, max(0, pos - 40), pos) is not None


def _accusation_before(s: Sentence, lex: ArabicCues, pos: int) -> re.Match | None:
    if not lex.accusation:
        return None
    found = None
    for mt in alt_rx(lex.accusation).finditer(s.f, max(0, pos - 80), pos):
        found = mt
    return found


def verb(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``دعمت روسيا الأسد`` (verb first), ``روسيا تدعم الأسد``, ``اتهمت دمشق أنقرة بدعم المسلحين``, the verb
    with its object written on (``الفصائل التي تدعمها أنقرة``) and the noun with an adjective (``قرر X تقديم دعم
    عسكري لـ Y``)."""
    out: list[Edge] = []
    words = tuple(lex.verbs) + tuple(lex.nouns)
    for mt in alt_rx(words).finditer(s.f):
        word = " ".join(mt.group(0).split())
        base = re.sub(r"^[وفبلك]?(?:ال)?", "", word) if word not in lex.verbs and word not in lex.nouns else word
        type_ = lex.verbs.get(base) or lex.nouns.get(base) or lex.verbs.get(word) or "unspecified"
        if word.startswith("ب") and _pledge_before(s, lex, mt.start()):
            out += _pledged(s, mt, word, type_)  # "تعهدت أنقرة بدعم الحكومة": Ankara would back
            continue
        if _purpose(s, lex, mt, word, base):
            out += _purpose_edges(s, mt, word, type_)
            continue
        acc = _accusation_before(s, lex, mt.start())
        if acc is not None and word.startswith("ب"):  # "اتهمت دمشق أنقرة بدعم المسلحين"
            accused = _head(s, _prev(s, mt.start(), max_words=1))  # "مجموعة فاغنر الروسية بتزويد": Wagner
            if re.search(r"(?<![\u0621-\u064a])(?:له|لها|لهم)\s*$", s.f[max(0, mt.start() - 6) : mt.start()]):
                accused = _clause_first(s, acc.start())  # "رفضت الإمارات اتهامات السودان لها بدعم": her = the UAE
            elif accused is None and "تهام" in acc.group(0):
                accused = _clause_first(s, acc.start())  # "نفت الدوحة اتهامات غربية بتمويل": the one who denies
            client = _next(s, mt.end(), max_words=2)
            if accused is not None and client is not None:
                out += pairs(_list_back(s, accused), [client], mt.span(), word, "verb", type_, {"accused"})
            continue
        out += _verb_edges(s, mt, word, type_, lex)
    out += _verb_with_object(s, lex)
    return out


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


def _purpose_edges(s: Sentence, mt: re.Match, word: str, type_: str) -> list[Edge]:
    """``أرسلت تركيا جنودا إلى إدلب لدعم الفصائل``: the clause's first actor backs the name after the noun."""
    client = _next(s, mt.end(), max_words=1)
    backer = _subject_of(s, mt.start())
    if client is None or backer is None:
        return []
    return pairs([backer], _list_fwd(s, client), mt.span(), word, "purpose", type_, {"clause_subject"})


def _pledged(s: Sentence, mt: re.Match, word: str, type_: str) -> list[Edge]:
    """``تعهدت أنقرة بدعم الحكومة``: the pledging subject (just before the noun) backs the name after it."""
    client = _next(s, mt.end(), max_words=1)
    backer = _prev(s, mt.start(), max_words=1)
    if client is None or backer is None:
        return []
    return pairs(_list_back(s, backer), [client], mt.span(), word, "verb", type_)


def _verb_edges(s: Sentence, mt: re.Match, word: str, type_: str, lex: ArabicCues) -> list[Edge]:
    """Verb-subject-object, noun + owner + ل, subject-verb-object, and noun + adjective + ل + client."""
    if word.startswith("ب"):
        return []
    zero = _next(s, mt.end(), max_words=0)
    first = zero if zero is not None else _next(s, mt.end(), max_words=1)  # "دعم عسكري لـ Y": one adjective
    op = _operation_of(s, mt.end())
    if first is None and op is not None:  # "نفت أنقرة أن تكون قد دعمت الهجوم الذي شنته الهيئة"
        backer = _subject_of(s, mt.start())
        return [] if backer is None else pairs([backer], [op], mt.span(), word, "verb", type_)
    if first is None:
        return _given_subject(s, mt, word, type_, lex)
    if re.fullmatch(r"\s*من\s+", s.f[mt.end() : s.m[first].start]) and word not in lex.verbs:
        return []  # "تلقى الجيش التدريب من تركيا": after a noun, من names the giver (see receive)
    if s.m[first].via == "demonym":  # "الدعم العسكري الإيراني لدمشق", "دعم تركي": the adjective backs
        client = _next(s, s.m[first].end, max_words=1)  # the client follows with ل
        ok = client is not None and s.f[s.m[client].start - 1] in "ل\u0640"
        return pairs([first], [client], mt.span(), word, "noun", type_) if ok else []
    if zero is None and _BODY.fullmatch(s.f[mt.end() : s.m[first].start]):
        zero = first  # "ساندت قوات حزب الله الجيش السوري": the body noun before the subject
    if zero is None:
        if s.f[s.m[first].start - 1] not in "ل\u0640":
            return []
        before = _prev(s, mt.start(), max_words=2)
        return [] if before is None else pairs([before], [first], mt.span(), word, "verb", type_)
    end = s.m[_list_fwd(s, first)[-1]].end
    second = _next(s, end, max_words=2)
    second = _operation_of(s, end) if second is None else second  # "دعمت تركيا الهجوم الذي شنته الهيئة"
    if second is not None and _AGAINST.search(s.f[end : s.m[second].start]):
        second = None  # "تدعم الجيش الوطني في مواجهة الوحدات الكردية": the name after "against" is fought
    if second is not None:  # verb-subject-object, or noun + owner + ل
        return pairs(_list_fwd(s, first), [second], mt.span(), word, "verb", type_)
    before = _head(s, _prev(s, mt.start(), max_words=2))  # subject-verb-object
    before = _said_subject(s, mt.start()) if before is None else before
    return [] if before is None else pairs([before], _list_fwd(s, first), mt.span(), word, "verb", type_)


#: an operation and the relative clause naming who launched or leads it: "الهجوم الذي شنته"
_OPERATION = re.compile(
    r"\s*(?:ال)?(?:هجوم|عمليه|حمله|معركه|تقدم)(?:\s+\S+)?\s+(?:الذي|التي)\s+"
    r"(?:شن|شنت|يشن|تشن|اطلق|اطلقت|يطلق|تطلق|قاد|قادت|يقود|تقود)(?:ه|ها)?\s+"
)


def _operation_of(s: Sentence, pos: int) -> int | None:
    """``دعمت تركيا الهجوم الذي شنته هيئة تحرير الشام``: who launched or leads the operation backed (the name
    right after the relative clause's verb)."""
    mt = _OPERATION.match(s.f, pos)
    return _next(s, mt.end(), max_words=0) if mt else None


def _given_subject(s: Sentence, mt: re.Match, word: str, type_: str, lex: ArabicCues) -> list[Edge]:
    """``ساعدت الضربات الجوية الروسية قوات النظام``: a verb whose subject is what an actor gives (a material and
    the actor's demonym a few words after the verb) and whose object follows."""
    k = _next(s, mt.end(), max_words=3)
    if k is None or s.m[k].via != "demonym" or mt.group(0).strip().startswith(("ال", "وال", "بال", "لل")):
        return []
    mats = [w for w in s.f[mt.end() : s.m[k].start].split() if re.sub(r"^[وفبلك]?(?:ال)?", "", w) in lex.materials]
    client = _next(s, s.m[k].end, max_words=1)  # "قوات النظام": a body noun before the name
    if not mats or client is None:
        return []
    return pairs([k], [client], mt.span(), word, "verb", type_)


def _said_subject(s: Sentence, pos: int) -> int | None:
    """``وقالت أنقرة إنها لم تقدم أي دعم``: a pronoun after إن/أن before the verb stands for the sentence's first
    actor (the one who speaks), when no other actor stands between."""
    mt = _THAT_PRONOUN.search(s.f, max(0, pos - 30), pos)
    if mt is None or any(mt.end() <= x.start < pos for x in s.m):
        return None
    return next((k for k in range(len(s.m)) if s.m[k].end <= mt.start()), None)


#: an agent noun right after a verb: its own subject, named but not an actor ("التي سلحتها حكومة عمر البشير"), so
#: the sentence's first actor is not its subject (an object such as "عملية" does not count)
_NAMED_SUBJECT = re.compile(
    r"\s*(?:ال)?(?:حكومه|قوات|جيش|سلطات|نظام|اداره|ميليشيا|ميليشيات|مليشيات|وزاره|مخابرات|دوله|رئيس|زعيم|قائد)"
    r"(?![\u0621-\u064a])"
)


def _verb_with_object(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``فصائل الجيش الحر التي تدعمها أنقرة``: a verb with its object pronoun written on; the subject follows,
    the object is the name before (one relative word between at most)."""
    out: list[Edge] = []
    forms = lex.built(
        "object_forms",
        lambda: alt_rx(tuple(v + p for v in lex.verbs for p in OBJECT_PRONOUNS) + suffixed(tuple(lex.nouns))),
    )
    for mt in forms.finditer(s.f):
        word = " ".join(mt.group(0).split())
        if word.lstrip("وفبلك") in lex.materials:
            continue  # "اسلحه" is weapons, not "I arm him"
        stem = next((word[: -len(p)] for p in OBJECT_PRONOUNS if word.endswith(p)), word).lstrip("وفبلك")
        stem = stem if stem in lex.verbs or not stem.endswith("ت") else stem[:-1] + "ه"  # مساندت -> مسانده
        type_ = lex.verbs.get(stem) or lex.nouns.get(stem) or "unspecified"
        after = _next(s, mt.end(), max_words=0)
        if after is None:  # "دعمها الكامل للجيش": the noun, an adjective, then ل + the name
            k = _next(s, mt.end(), max_words=1)
            after = k if k is not None and s.f[s.m[k].start - 1] in "ل\u0640" else None
        lam = after is not None and s.f[s.m[after].start - 1] in "ل\u0640"
        if stem not in lex.verbs and not lam:
            continue  # a noun with its owner needs ل before the name: "تمويلها لجبهة النصرة"
        if lam:
            owner = _prev(s, mt.start(), max_words=2)  # "أكدت طهران استمرار دعمها للحكومة": her support for
            owner = _accused_owner(s, lex, mt.start()) if owner is None else owner
            out += [] if owner is None else pairs([owner], [after], mt.span(), word, "noun", type_)
            continue
        client = _prev(s, mt.start(), max_words=1)
        if (
            after is None
            and client is not None
            and re.search(r"(?:التي|الذي)\s*$", s.f[: mt.start()])
            and not _NAMED_SUBJECT.match(s.f, mt.end())
        ):
            first = _clause_first(s, s.m[client].start)  # "أطلقت تركيا مع فصائل الجيش الوطني التي تدعمها": Turkey
            after = first if first is not None and first != client else None
        if after is not None and client is not None:
            out += pairs([after], [client], mt.span(), word, "verb", type_)
    return out


def _accused_owner(s: Sentence, lex: ArabicCues, pos: int) -> int | None:
    """``اتهم البرهان الإمارات بتأجيج الحرب عبر دعمها للدعم السريع``: the owner pronoun of a noun further on is the
    one accused (the last actor between the accusing verb and the noun)."""
    acc = _accusation_before(s, lex, pos)
    if acc is None:
        return None
    inside = [k for k in range(len(s.m)) if acc.end() <= s.m[k].start and s.m[k].end <= pos]
    return inside[-1] if len(inside) > 1 else None


def transfer(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``أرسلت روسيا أسلحة إلى النظام``, ``زودت إيران الحوثيين بالصواريخ``: the sender backs the receiver."""
    out: list[Edge] = []
    if not lex.transfers or not lex.materials:
        return out
    mats = alt_rx(tuple(lex.materials))
    for mt in alt_rx(lex.transfers).finditer(s.f):
        m2 = next((x for x in mats.finditer(s.f, mt.end(), mt.end() + 80) if not _inside_name(s, x.start())), None)
        if not m2:
            continue
        type_ = lex.materials.get(" ".join(m2.group(0).split()).lstrip("وفبلك"), "unspecified")
        if " ".join(mt.group(0).split()).lstrip("وفبلك") in lex.transfer_nouns:
            out += _transfer_noun(s, mt, m2, type_)
            continue
        backer, client = _sender_receiver(s, mt, m2)
        if backer is not None and client is not None:
            out += pairs(
                [backer],
                [client],
                (mt.start(), m2.end()),
                " ".join(s.f[mt.start() : m2.end()].split()),
                "transfer",
                type_,
            )
    return out + _relative_transfer(s, lex)


def _sender_receiver(s: Sentence, mt: re.Match, m2: re.Match) -> tuple[int | None, int | None]:
    """Who sends and who receives around a transfer verb ``mt`` and its material ``m2``: the subject after the
    verb (or before it, or a pronoun after إن/أن), the receiver after الى/ل or right after the subject."""
    first = _next(s, mt.end(), max_words=0)
    if first is None:  # "نقلت خلالها إيران الأسلحة": one adverb before the subject
        first = _next(s, mt.end(), max_words=1)
    if first is None:  # "زودت فصائل في الجيش الحر بصواريخ": a part of the group
        k = _next(s, mt.end(), max_words=2)
        first = k if k is not None and _PART_OF.match(s.f[mt.end() : s.m[k].start]) else None
    first = first if first is not None and s.m[first].start < m2.start() else None
    said = _said_subject(s, mt.start())
    if said is not None and first is not None:  # "أعلنت موسكو أنها ستزود الجيش السوري بصواريخ": the object
        return said, first
    before = _prev(s, mt.start(), 0)
    if before is None:  # "الولايات المتحدة قد زودت": a particle between the subject and the verb
        b1 = _prev(s, mt.start(), 1)
        before = b1 if b1 is not None and s.f[s.m[b1].end : mt.start()].strip() in ("قد", "لقد", "وقد", "فقد") else None
    if before is not None and first is not None and s.f[m2.start() : m2.start() + 1] == "ب":
        return _head(s, before), first  # "الإمارات تزود الدعم السريع بالأسلحة": subject, verb, receiver, ب
    backer = first if first is not None else _head(s, _prev(s, mt.start(), 2))
    backer = said if backer is None else backer
    rest = re.match(r"\s*(?:[^\s]+\s+){0,3}?(?:الي|ل)\s*", s.f[m2.end() : m2.end() + 40])
    client = _next(s, m2.end() + rest.end(), 1) if rest else None
    if client is None and first is not None:  # "زودت إيران الحوثيين بالصواريخ" (not "الإمارات والسعودية": one subject)
        k = _next(s, s.m[_list_fwd(s, first)[-1]].end, 0)
        client = k if k is not None and s.m[k].end <= m2.start() else None
    return backer, client


def _relative_transfer(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``الدعم الذي تقدمه إيران لحزب الله``, ``المساعدات التي ترسلها واشنطن إلى قسد``: what is given, then a relative
    pronoun and the giving verb with the object written on; the subject after it gives to the name after ل/إلى."""
    out: list[Edge] = []
    for mt in lex.built("relative_transfer", lambda: _relative_transfer_rx(lex)).finditer(s.f):
        backer = _next(s, mt.end(), max_words=0)
        rest = re.match(r"\s*(?:الي\s+|ل)", s.f[s.m[backer].end :]) if backer is not None else None
        client = _next(s, s.m[backer].end + rest.end(), max_words=1) if rest else None
        if backer is not None and client is not None:
            out += pairs([backer], [client], mt.span(), " ".join(mt.group(0).split()), "transfer", "unspecified")
    return out


def _relative_transfer_rx(lex: ArabicCues) -> re.Pattern:
    verbs = tuple(v + p for v in (*lex.transfers, *lex.verbs) for p in ("ه", "ها"))
    words = tuple(lex.materials) + tuple(lex.nouns)
    given = alt(words + tuple(" ".join("ال" + p for p in w.split()) for w in words))  # "المساعدات العسكرية"
    return re.compile(rf"(?:{given})\S*\s+(?:\S+\s+)?(?:الذي|التي)\s+(?:{alt(verbs)})(?![\u0621-\u064a])")


def _transfer_noun(s: Sentence, mt: re.Match, m2: re.Match, type_: str) -> list[Edge]:
    """``تدرس واشنطن تزويد فصائل المعارضة بصواريخ``: the verbal noun's owner (after it, when two names stand
    before the material) or the actor just before it sends; the last name before the material receives."""
    inside = [k for k in range(len(s.m)) if mt.end() <= s.m[k].start and s.m[k].end <= m2.start()]
    if not inside:  # "أعلنت واشنطن تقديم مساعدات عسكرية للمعارضة": the material, then ل + the receiver
        rest = re.match(r"\s*(?:[^\s]+\s+){0,2}?(?:الي\s+|ل)", s.f[m2.end() : m2.end() + 30])
        client = _next(s, m2.end() + rest.end(), 1) if rest else None
        backer = _head(s, _prev(s, mt.start(), 2))
        ok = client is not None and backer is not None and backer != client
        span = (mt.start(), m2.end())
        return (
            pairs([backer], [client], span, " ".join(s.f[span[0] : span[1]].split()), "transfer", type_) if ok else []
        )
    if len(inside) > 2 or s.f[m2.start() : m2.start() + 1] != "ب":
        return []
    client = inside[-1]
    backer = inside[0] if len(inside) == 2 else _head(s, _prev(s, mt.start(), 2))
    if backer is None or backer == client:
        return []
    span = (mt.start(), m2.end())
    return pairs([backer], [client], span, " ".join(s.f[span[0] : span[1]].split()), "transfer", type_)


def all_edges(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """Every Arabic shape's edges in one sentence."""
    return (
        passive(s, lex)
        + with_support(s, lex)
        + for_support(s, lex)
        + backer_noun(s, lex)
        + client_noun(s, lex)
        + fight(s, lex)
        + receive(s, lex)
        + arrival(s, lex)
        + contribute(s, lex)
        + thanks(s, lex)
        + transfer(s, lex)
        + verb(s, lex)
    )


def modality(s: Sentence, e: Edge, lex: ArabicCues) -> tuple[str, bool]:
    """``denied`` (نفت، لم), ``alleged`` (اتهمت، مزاعم، بحسب تقارير), ``possible`` (قد، تعتزم) or ``asserted``."""
    lo = max(0, min(s.m[e.b].start, s.m[e.c].start, e.cue_start) - 60)
    scope = s.f[lo : max(e.cue_end, s.m[e.b].end, s.m[e.c].end)]
    if lex.denial and alt_rx(lex.denial).search(scope):
        return "denied", True
    if lex.negation and alt_rx(lex.negation).search(s.f, max(0, e.cue_start - 12), e.cue_start):
        return "denied", True
    if "accused" in e.flags or (lex.allegation and alt_rx(lex.allegation).search(scope)):
        return "alleged", False
    hyp = alt_rx(lex.hypothetical).search(s.f, max(0, e.cue_start - 25), e.cue_start) if lex.hypothetical else None
    perfect = hyp is not None and (
        re.search(r"(?<![\u0621-\u064a])[وف]?(?:كان|كانت|كانوا)\s+(?:\S+\s+){0,3}$", s.f[: hyp.start()])
        or (hyp.group(0).strip().endswith("قد") and _PAST_AFTER.match(s.f, hyp.end()))
    )
    if hyp is not None and not perfect:
        return "possible", False  # "قد" after "كان" or before a past verb ("قد ساندت") is "has", not "may"
    return "asserted", False


def attribution(s: Sentence, e: Edge, lex: ArabicCues) -> str:
    """The accuser or speaker the sentence names (``اتهمت دمشق``: the actor right after the verb)."""
    for words in (lex.accusation, lex.speech):
        if not words:
            continue
        for mt in alt_rx(words).finditer(s.f, 0, e.cue_start):
            k = _next(s, mt.end(), 0)
            if k is not None and k not in (e.b, e.c):
                return s.m[k].entity
    return ""
