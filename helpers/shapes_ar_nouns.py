"""Arabic nominal shapes: who is called a backer or a client (``روسيا وإيران الداعمين الرئيسيين للأسد``، ``حزب الله
ذراع إيران``) and a cue with a pronoun written on (``الفصائل التي تدعمها أنقرة``، ``دعمها للحكومة``). Run by
:func:`helpers.shapes_ar.all_edges`; the words are data (``data/cues/support_ar.yaml``).
"""

from __future__ import annotations

import re

from .arabic_slots import (
    AUXILIARY,
    RELATIVES,
    accusation_before,
    accused_object,
    accused_on_verb,
    clause_first,
    demonym_after,
    list_after,
    list_before,
    name_after,
    name_before,
    subject_before_comma,
    subject_of,
)
from .clauses import Sentence
from .cues_ar import OBJECT_PRONOUNS, ArabicCues, alt, alt_rx, suffixed, verb_stem, with_objects
from .edges import Edge, pairs

__all__ = ["backer_noun", "client_noun", "kept_in_power", "undertaken_for", "verb_with_object"]


def kept_in_power(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``أنفقت إيران المليارات على إبقاء النظام قائما``, ``تدخلت روسيا لإنقاذ الأسد من السقوط``: a keeping verb or
    noun, the actor right after it, then a tail saying it is kept in power; the clause's subject backs the actor."""
    if not lex.tail_verbs or not lex.tails:
        return []
    tails = lex.built("tails", lambda: re.compile(rf"\s*(?:{'|'.join(map(re.escape, lex.tails))})(?![\u0621-\u064a])"))
    out: list[Edge] = []
    for mt in alt_rx(lex.tail_verbs).finditer(s.f):
        on = re.match(r"\s+(?:علي|على)(?=\s)", s.f[mt.end() :])  # "الإبقاء على الأسد"
        k = name_after(s, mt.end() + (on.end() if on else 0), max_words=0)
        tail = tails.match(s.f, s.m[k].end) if k is not None else None
        backer = (subject_of(s, mt.start()) or clause_first(s, mt.start())) if tail else None
        if k is not None and tail and backer is not None and backer != k:
            span = (mt.start(), tail.end())
            out += pairs([backer], [k], span, " ".join(s.f[span[0] : span[1]].split()), "verb", "unspecified")
    return out


#: adjectives after a noun: relation adjectives (الإقليمي، العسكرية) and the superlatives news uses (الأول، الأبرز)
_ADJECTIVES = re.compile(
    r"(?:\s+و?ال[\u0621-\u064a]{2,}(?:ي|يه|يين|يون)(?![\u0621-\u064a])|"  # "السند السياسي والمالي"
    r"\s+(?:الاول|الاولي|الابرز|الاكبر|الاهم|الاقوي|الاوثق|الاقرب)(?![\u0621-\u064a]))*"
)


#: a comma, then only a pronoun of being or an auxiliary before the noun: its subject stands before the aside
_COPULA_AFTER_COMMA = re.compile(r"،\s*(?:[وف]?(?:هي|هو|هم|هما)\s+)?(?:" + AUXILIARY.pattern + r")?\s*$")


def backer_noun(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``روسيا وإيران ... الداعمين الرئيسيين لـ Y`` and ``الولايات المتحدة، الداعم الرئيسي لـ Y``: the
    actors named right before the noun back Y."""
    out: list[Edge] = []
    clients: set[int] = set()  # "روسيا وإيران، الداعمتان للنظام، وتركيا الداعمة للمعارضة": not the regime's list
    joined = lex.built(
        "backer_and",
        lambda: re.compile(rf"\s+و(?:{alt(lex.backer_and)})(?![\u0621-\u064a])" if lex.backer_and else "(?!)"),
    )
    for mt in alt_rx(lex.backer_nouns).finditer(s.f):
        second = joined.match(s.f, mt.end())  # "الممول والمسلح الأول": the second noun, then the adjectives
        adj = _ADJECTIVES.match(s.f, second.end() if second else mt.end())  # "الراعي الإقليمي الأول لسلطة"
        client = name_after(s, adj.end(), max_words=2)  # "الداعم الأول للمعارضة", "الداعم الإقليمي الأبرز لدمشق"
        before = name_before(
            s, mt.start(), max_words=3
        )  # "الولايات المتحدة، الداعم الرئيسي لـ", "الحليف الأبرز والداعم"
        if before is None and client is not None and _COPULA_AFTER_COMMA.search(s.f, 0, mt.start()):
            before = subject_before_comma(s, mt.start())  # "فالقاهرة، منذ الأسابيع الأولى للقتال، هي الراعي"
        described = _described(s, lex, before) if before is not None else None
        before, flags = (before, set()) if described is None else (described, {"accused"})
        if client is not None and before is not None:
            beside = _beside_before(s, before, s.f[s.m[before].end : mt.start()])
            backers = [k for k in list_before(s, before) + beside if k not in clients]
            clients.add(client)
            span = (mt.start(), second.end() if second else mt.end())
            cue = " ".join(s.f[span[0] : span[1]].split())
            out += pairs(backers, [client], span, cue, "noun", "unspecified", flags)
    return out + _construct_backers(s, lex)


def _described(s: Sentence, lex: ArabicCues, k: int) -> int | None:
    """``الإمارات، التي تصفها الحكومة السودانية بالداعم الرئيسي لـ``: when mention ``k`` describes in a relative
    clause, the name the clause is on (the one described); else None."""
    if not lex.describe:
        return None
    rx = lex.built(
        "described_by",
        lambda: re.compile(rf"[،,]\s*(?:التي|الذي|الذين)\s+(?:{alt(lex.describe)})\s+(?:\S+\s+){{0,2}}?$"),
    )
    mt = rx.search(s.f, max(0, s.m[k].start - 50), s.m[k].start)
    return name_before(s, mt.start(), max_words=0) if mt else None


#: "beside" between two names ("كانت روسيا، إلى جانب إيران، أبرز داعمي الأسد"): both hold the role after them
_BESIDE = re.compile(r"[،,]?\s*(?:[وف]?الي\s+جانب|بالاضافه\s+الي|فضلا\s+عن)\s*$")


def _beside_before(s: Sentence, k: int, gap: str) -> list[int]:
    """The names right before "إلى جانب" (or "بالإضافة إلى", "فضلا عن") that stands right before mention ``k``,
    when the aside is closed as it opened (``gap``: the text from ``k`` to the role noun): "قاتلت روسيا إلى جانب
    إيران، الداعم الرئيسي للأسد" calls Iran alone the backer."""
    mt = _BESIDE.search(s.f, max(0, s.m[k].start - 20), s.m[k].start)
    if mt is None or (mt.group(0).lstrip()[:1] in "،,") != ("،" in gap or "," in gap):
        return []
    j = name_before(s, mt.start(), max_words=0)
    return list_before(s, j) if j is not None else []


def _construct_backers(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``وندد داعمو الأسد الرئيسيون، روسيا وإيران``: the noun joined to its client (and the client's adjectives),
    then the backers in apposition after a comma."""
    out: list[Edge] = []
    for mt in alt_rx(lex.backer_construct).finditer(s.f) if lex.backer_construct else ():
        client = name_after(s, mt.end(), max_words=0)
        if client is None or s.m[client].start > mt.end() + 1:
            continue
        comma = re.match(r"\s*[،,]\s*", s.f[_ADJECTIVES.match(s.f, s.m[client].end).end() :])
        k = name_after(s, _ADJECTIVES.match(s.f, s.m[client].end).end() + comma.end(), max_words=0) if comma else None
        if k is not None and k != client:
            out += pairs(list_after(s, k), [client], mt.span(), " ".join(mt.group(0).split()), "noun", "unspecified")
    return out + _allies_and_backers(s, lex) + _relative_backers(s, lex)


#: a relative pronoun after a name and its comma ("الأسد، الذي"), then an auxiliary ("ظلت", "كانت")
_RELATIVE_AFTER = re.compile(rf"\s*[،,]\s*(?:{RELATIVES})\s+")


def _relative_backers(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``الأسد، الذي ظلت إيران وروسيا أبرز داعميه``: a relative clause after a name calls the actors in it the
    name's backers (the noun with the name's pronoun written on it): they back the name."""
    if not lex.backer_construct:
        return []
    role = lex.built(
        "relative_backers",
        lambda: re.compile(
            rf"\s+(?:(?:ابرز|اهم|اكبر|اول|اقوي|اقرب|من)\s+)?(?:{alt(lex.backer_construct)})(?:ه|ها|هم|هما)(?![\u0621-\u064a])"
        ),
    )
    out: list[Edge] = []
    for k, x in enumerate(s.m):
        rel = _RELATIVE_AFTER.match(s.f, x.end)
        aux = AUXILIARY.match(s.f, rel.end() - 1) if rel else None
        first = name_after(s, aux.end() if aux else rel.end(), max_words=0) if rel else None
        backers = list_after(s, first) if first is not None else []
        mt = role.match(s.f, s.m[backers[-1]].end) if backers else None
        if mt and k not in backers:
            out += pairs(backers, [k], mt.span(), " ".join(mt.group(0).split()), "noun", "unspecified")
    return out


def _allies_and_backers(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``كانت روسيا وإيران أبرز حلفاء الأسد وداعميه``: allies of a name, then its backers with the name's pronoun:
    the actors named before the ally noun back the name."""
    if not lex.ally_construct or not lex.backer_construct:
        return []
    rx = lex.built(
        "allies_and_backers",
        lambda: re.compile(rf"(?<![\u0621-\u064a])(?:{alt(lex.ally_construct)})\s+$"),
    )
    then = lex.built(
        "allies_then_backers",
        lambda: re.compile(rf"\s+و(?:{alt(lex.backer_construct)})(?:ه|ها|هم|هما)(?![\u0621-\u064a])"),
    )
    out: list[Edge] = []
    for k, x in enumerate(s.m):
        ally = rx.search(s.f, max(0, x.start - 12), x.start)
        mt = then.match(s.f, x.end) if ally else None
        before = name_before(s, ally.start(), max_words=2) if mt else None
        if before is not None and before != k:
            out += pairs(list_before(s, before), [k], mt.span(), " ".join(mt.group(0).split()), "noun", "unspecified")
    return out


def client_noun(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``حزب الله هو أبرز أذرع إيران``, ``الميليشيات العراقية من وكلاء إيران``, ``حزب الله، ذراع إيران``: the owner
    written after the noun (its genitive) backs the actor a few words before it."""
    out: list[Edge] = []
    if not lex.client_nouns:
        return out
    within = lex.built("client_within", lambda: re.compile(rf"\s+(?:{alt(lex.client_within)})\s*"))
    for mt in alt_rx(lex.client_nouns).finditer(s.f):
        owner = name_after(s, mt.end(), max_words=0)
        client = name_before(s, mt.start(), max_words=3)  # "هو أبرز", "تعد ... من": a copula, a superlative, من
        at = within.match(s.f, s.m[owner].end) if owner is not None and lex.client_within else None
        k = name_after(s, at.end(), max_words=0) if at else None
        if k is not None and s.m[k].kind in ("faction", "coalition") and s.m[k].start <= at.end() + 2:
            client = k  # "وكلاء أنقرة في الجيش الوطني": the group its clients are in
        if owner is not None and client is not None and owner != client:
            out += pairs([owner], [client], mt.span(), " ".join(mt.group(0).split()), "noun", "unspecified")
    return out


#: an agent noun right after a verb: its own subject, named but not an actor ("التي سلحتها حكومة عمر البشير"), so
#: the sentence's first actor is not its subject (an object such as "عملية" does not count)
_NAMED_SUBJECT = re.compile(
    r"\s*(?:ال)?(?:حكومه|قوات|جيش|سلطات|نظام|اداره|ميليشيا|ميليشيات|مليشيات|وزاره|مخابرات|دوله|رئيس|زعيم|قائد)"
    r"(?![\u0621-\u064a])"
)


def verb_with_object(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``فصائل الجيش الحر التي تدعمها أنقرة``: a verb with its object pronoun written on; the subject follows,
    the object is the name before (one relative word between at most); a second such verb after و keeps the
    first's object (``حفتر، الذي تسلحه الإمارات وتسانده مصر``: Egypt backs Haftar, not the Emirates)."""
    out: list[Edge] = []
    forms = lex.built(
        "object_forms",
        lambda: alt_rx(with_objects(tuple(lex.verbs)) + suffixed(tuple(lex.nouns))),
    )
    last: tuple[int, int] | None = None  # the subject and object of the verb before
    for mt in forms.finditer(s.f):
        word = " ".join(mt.group(0).split())
        if re.sub(r"^[وفبلك]?(?:ال)?", "", word) in lex.materials:
            continue  # "اسلحه", "الأسلحة" are weapons, not "I arm him"
        stem = verb_stem(
            next((word[: -len(p)] for p in OBJECT_PRONOUNS if word.endswith(p)), word).lstrip("وفبلك"), lex.verbs
        )
        stem = stem if stem in lex.verbs or not stem.endswith("ت") else stem[:-1] + "ه"  # مساندت -> مسانده
        type_ = lex.verbs.get(stem) or lex.nouns.get(stem) or "unspecified"
        after = name_after(s, mt.end(), max_words=0)
        guns = after is None and stem in lex.verbs and not word.startswith("ب")
        after = demonym_after(s, mt.end()) if guns else after  # "تساندهم المدفعية والطائرات التركية": Turkey's
        if after is None:  # "دعمها الكامل للجيش": the noun, an adjective, then ل + the name
            k = name_after(s, mt.end(), max_words=1)
            after = k if k is not None and s.f[s.m[k].start - 1] in "ل\u0640" else None
        lam = after is not None and s.f[s.m[after].start - 1] in "ل\u0640"
        noun = stem not in lex.verbs or word.startswith("ب")  # "بدعمها": ب opens a noun, never a verb
        lam = lam or (noun and after is not None and s.f[s.m[after].start] == "ل")  # "لفصائل": ل and the article
        to = noun and after is None and _TO_NAME.match(s.f, mt.end())  # "أعلن كيكل انحيازه إلى الجيش"
        turned = name_after(s, to.end(), max_words=0) if to else None
        after, lam = (turned, True) if turned is not None else (after, lam)
        if noun and not lam:
            out += _accused_of_it(s, lex, mt, word, type_)  # "تتهم الحكومة أبوظبي بتسليحها": the pronoun is armed
            continue  # a noun with its owner needs ل before the name: "تمويلها لجبهة النصرة"
        if lam:
            owner = name_before(s, mt.start(), max_words=2)  # "أكدت طهران استمرار دعمها للحكومة": her support for
            owner = _accused_owner(s, lex, mt.start()) if owner is None else owner
            owner = subject_of(s, mt.start()) if owner is None else owner  # "، منهيا سنوات من دعمه العسكري للنظام"
            owner = None if owner == after else owner
            owners = [] if owner is None else [owner]
            if owner is not None and word.endswith(("هما", "هم")):  # "وقوف الرياض والدوحة ... ودعمهما": both
                owners = [k for k in dict.fromkeys(list_before(s, owner) + list_after(s, owner)) if k != after]
            out += pairs(owners, [after], mt.span(), word, "noun", type_)
            continue
        client = name_before(s, mt.start(), max_words=1)
        if guns and client is not None and "،" in s.f[s.m[client].end : mt.start()]:
            client = None  # "هجوم خاضته قوات النظام مع حزب الله، وساندته المقاتلات الروسية": it is the attack
        if last is not None and client == last[0] and word.startswith("و"):
            client = last[1]  # "حفتر، الذي تسلحه الإمارات وتسانده مصر": the second verb's object is the first's
        rel = re.search(r"(?:التي|الذي|الذين)\s*$", s.f[max(0, mt.start() - 8) : mt.start()])
        if client is None and rel:  # "«جيش العزة»، أحد الفصائل التي تدعمها أنقرة": past a description after a comma
            k = name_before(s, max(0, mt.start() - 8) + rel.start(), max_words=3)
            client = k if k is not None and re.match(r"[»\")\s]*،", s.f[s.m[k].end :]) else None
        if (
            after is None
            and client is not None
            and re.search(r"(?:التي|الذي)\s*$", s.f[: mt.start()])
            and not _NAMED_SUBJECT.match(s.f, mt.end())
        ):
            first = clause_first(s, s.m[client].start)  # "أطلقت تركيا مع فصائل الجيش الوطني التي تدعمها": Turkey
            after = first if first is not None and first != client else None
        if after is not None and client is not None:
            out += pairs([after], [client], mt.span(), word, "verb", type_)
            last = (after, client)
    return out


def _accused_of_it(s: Sentence, lex: ArabicCues, mt: re.Match, word: str, type_: str) -> list[Edge]:
    """``وتتهم الحكومة أبوظبي بتسليحها``: a backing noun after ب whose object pronoun has a stand-in
    (:mod:`helpers.coref_ar`): the accused backs the one the pronoun stands for."""
    it = next((k for k, x in enumerate(s.m) if x.stand_in and mt.start() < x.start < mt.end()), None)
    k = accused_object(s, lex, mt.start()) if it is not None and word.startswith(("ب", "وب")) else None
    if k is None or s.m[k].entity == s.m[it].entity:
        return []
    return pairs(list_before(s, k), [it], mt.span(), word, "verb", type_, {"accused"})


#: إلى after a noun with its owner written on, before the one it turns to ("انحيازه إلى الجيش")
_TO_NAME = re.compile(r"\s+الي\s+")


def _accused_owner(s: Sentence, lex: ArabicCues, pos: int) -> int | None:
    """``اتهم البرهان الإمارات بتأجيج الحرب عبر دعمها للدعم السريع``: the owner pronoun of a noun further on is the
    one accused (the last actor between the accusing verb and the noun)."""
    acc = accusation_before(s, lex, pos)
    if acc is None or accused_on_verb(lex, acc):
        # "ضد دولة الإمارات، تتهمها فيها ... دعمها": the accused written on the verb, named before it
        her = lex.built(
            "accused_pronoun", lambda: alt_rx(tuple(a + p for a in lex.accusation for p in OBJECT_PRONOUNS))
        )
        starts = [mt.start() for mt in her.finditer(s.f, max(0, pos - 120), pos)]
        k = s.prev_index(starts[-1]) if starts else -1
        return k if k >= 0 else None
    inside = [k for k in range(len(s.m)) if acc.end() <= s.m[k].start and s.m[k].end <= pos]
    return inside[-1] if len(inside) > 1 else None


def undertaken_for(s: Sentence, lex: ArabicCues) -> list[Edge]:
    """``جيش الإسلام، الفصيل الذي تتولى الرياض تسليحه وتمويله``: a relative pronoun, a verb of undertaking, its
    subject, then a cue noun with the antecedent written on as a pronoun; the subject backs the antecedent."""
    rx = lex.built(
        "undertaken_for",
        lambda: re.compile(
            r"(?<![\u0621-\u064a])(?:الذي|التي|الذين)\s+[وف]?(?:تتولي|يتولي|تولت|تولي|تواصل|يواصل|واصلت|واصل)\s+"
        ),
    )
    nouns = lex.built("owned_nouns", lambda: alt_rx(suffixed(tuple(lex.nouns))))
    out: list[Edge] = []
    for mt in rx.finditer(s.f):
        giver = name_after(s, mt.end(), max_words=0)
        cue = nouns.match(s.f, s.m[giver].end + 1) if giver is not None else None
        if cue is None:
            continue
        k = name_before(s, mt.start(), max_words=3)
        client = (
            k
            if k is not None
            and re.fullmatch(r"[»\")\s]*(?:،\s*(?:[\u0621-\u064a]+\s+){0,2})?", s.f[s.m[k].end : mt.start()])
            else None
        )
        if client is not None and client != giver:
            out += pairs(
                [giver], [client], (mt.start(), cue.end()), " ".join(cue.group(0).split()), "noun", "unspecified"
            )
    return out
