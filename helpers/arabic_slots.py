"""Where the names of an Arabic sentence stand: the name after or before a position, lists, the clause's first
actor, the subject a reported clause gives. Shared by the Arabic shapes (:mod:`helpers.shapes_ar`,
:mod:`helpers.shapes_ar_give`); words folded like the text (:mod:`helpers.arabic`).
"""

from __future__ import annotations

import re

from .arabic import PROCLITICS
from .clauses import Sentence
from .cues_ar import ArabicCues, alt, alt_rx

__all__ = [
    "after_thing",
    "relative_aside",
    "AGENT_PARTICIPLES",
    "AUXILIARY",
    "HIS_COUNTRY",
    "PART_OF",
    "RELATIVES",
    "SOURCE_ASIDE",
    "THAT",
    "accusation_before",
    "accusation_of_accused",
    "accused_before",
    "accused_on_verb",
    "accused_object",
    "aligned",
    "clause_first",
    "for_people",
    "head_of",
    "inside_name",
    "list_after",
    "list_before",
    "material_at",
    "name_after",
    "name_before",
    "party_source",
    "named_after",
    "nearest_state",
    "said_subject",
    "subject_before_comma",
    "subject_of",
    "subjects_beside",
]

#: "that" after a verb of saying: bare (a new subject follows) or with a pronoun for the speaker (group 1)
THAT = re.compile(r"(?<![\u0621-\u064a])[وف]?ان(ها|ه|هم|هما)?(?![\u0621-\u064a])")
#: a part of a group before its name: "فصائل في الجيش الحر", "عناصر من حزب الله"
PART_OF = re.compile(r"^\s*(?:فصايل|فصائل|عناصر|مقاتلي|مقاتلين|وحدات|قوات|مجموعات|الويه|كتايب)\s+(?:من|في)\s+$")
#: "that she/he/they" (folded إنها، أنه، إنهم): the pronoun is the subject of the verb that follows
_THAT_PRONOUN = re.compile(
    r"(?<![\u0621-\u064a])[وف]?(?:ان(?:ها|ه|هم|هما)|ان\s+(?:تكون|يكون))\s+(?:\S+\s+){0,2}?$"
)  # "قالت أنقرة إنها لم تقدم", "نفت قطر أن تكون قد قدمت": the one who speaks


#: "so-called" before a name ("تمويل ما يسمى الجيش الحر"): no word between a noun and the name it governs
_SO_CALLED = re.compile(r"(?<![\u0621-\u064a])(?:ما\s+[يت](?:سمي|دعي)|(?:ال)?مسمي|(?:ال)?مسماه)(?![\u0621-\u064a])")


def name_after(s: Sentence, pos: int, max_words: int = 0) -> int | None:
    """The first mention starting after ``pos`` with at most ``max_words`` words (and a proclitic, and "so-called")
    between."""
    j = s.next_index(pos)
    if j >= len(s.m):
        return None
    gap = s.f[pos : s.m[j].start]
    words = [
        w
        for w in _SO_CALLED.sub(" ", gap.replace("\u0640", "")).split()
        if w not in ("و", "من", "قبل", "جانب", "ل") and w.strip("\"'\u00ab\u00bb\u201c\u201d")
    ]  # an opening quote is no word
    if words and gap[-1:].isalpha() and words[-1] in PROCLITICS:
        words.pop()  # "للفصائل": the proclitic is written onto the name
    if words and _NISBA.match(words[0]) and j > 0 and s.m[j - 1].end == pos:
        words.pop(0)  # "وكالة المخابرات المركزية الأمريكية المعارضة": the adjective of the name before
    return j if len(words) <= max_words and len(gap) <= 40 else None


#: an adjective of origin with its article ("الروسية", "الإيراني"): it qualifies the name before it
_NISBA = re.compile(r"^ال[\u0621-\u064a]{2,}(?:ي|يه|يين|يون)$")


def name_before(s: Sentence, pos: int, max_words: int = 0) -> int | None:
    j = s.prev_index(pos)
    if j < 0:
        return None
    gap = s.f[s.m[j].end : pos]
    words = [w for w in gap.split() if w.strip("\"'\u00ab\u00bb\u201c\u201d")]  # a closing quote is no word
    if words and _NISBA.match(words[0]) and gap[:1].isspace():
        words.pop(0)  # "مجموعة فاغنر الروسية أمدت": the adjective of origin after the name is no word between
    return j if len(words) <= max_words and len(gap) <= 40 else None


#: the one given to written as ل and a pronoun right after a verb: "توفر له", "قدمت لهم" (read by the pronoun shape)
TO_PRONOUN_WORDS = ("له", "لها", "لهم", "لهما", "اليه", "اليها", "اليهم", "اليهما")  # "ترسلها إليه إيران"
TO_PRONOUN = re.compile(rf"\s+(?:{'|'.join(TO_PRONOUN_WORDS)})(?![\u0621-\u064a])")

#: a particle or auxiliary between a subject and its verb ("قد زودت", "باتت تزود", "لا تزال تمول")
AUXILIARY = re.compile(
    r"\s*(?:[وف]?(?:لقد|قد)|[وف]?(?:باتت|بات|اصبحت|اصبح|اضحت|ظلت|ظل|كانت|كان|عادت|عاد|لا\s+تزال|لا\s+يزال|ما\s+زالت|"
    r"ما\s+زال|مازالت|مازال|تواصل|يواصل|ستواصل|سيواصل|واصلت|واصل|"
    # a negation between the subject and its verb ("موسكو لا تزود دمشق بأي أسلحة": the denial is read by modality)
    r"لا|لم|لن))\s*"
)

#: quote marks around a name ("قوات «درع السودان» بقيادة كيكل"): no word of a list's gap
_QUOTES = re.compile('["\u00ab\u00bb\u201c\u201d]')

#: the body noun an item of a list may open with ("فاغنر وقوات حفتر", "روسيا وميليشيات إيران")
_ITEM_BODY = (  # "والطيران الروسي": an air force is a body too
    r"(?:(?:ال)?(?:قوات|عناصر|مقاتلو|مقاتلي|ميليشيا|مليشيا|ميليشيات|فصايل|فصيل|وحدات|حركه|جماعه|مجموعه|كتيبه|لواء|دوله|طيران|طائرات)\s+)?"
)


#: the passive participles whose agent follows من ("المدعوم من إيران"): backed, funded, trained, armed
AGENT_PARTICIPLES = "مدعوم|ممول|مدرب|مسلح"

#: a passive participle before من names its agent, not a list item: "حزب الله، المدعوم من إيران،"
_NOT_AGENT = rf"(?!(?:ال)?(?:{AGENT_PARTICIPLES}|مقرب)(?:ه)?\s)"


#: nouns with their article, joined by و, before a demonym that qualifies them all ("المدفعية والطائرات التركية")
_QUALIFIED_HEADS = re.compile(  # and the relation adjectives of an indefinite noun ("إمدادات عسكرية إماراتية")
    r"(?:\s+[وف]?ال[\u0621-\u064a]{2,}|\s+[\u0621-\u064a]{3,}(?:يه|ي)(?![\u0621-\u064a])){1,3}\s+"
)


def demonym_after(s: Sentence, pos: int) -> int | None:
    """A demonym right after ``pos`` or after up to three nouns it qualifies (``تساندهم المدفعية والطائرات التركية``:
    Turkey's artillery and planes), or None."""
    k = name_after(s, pos, max_words=3)
    if k is None or s.m[k].via != "demonym":
        return None
    return k if s.m[k].start == pos or _QUALIFIED_HEADS.fullmatch(s.f, pos, s.m[k].start) else None


def list_after(s: Sentence, j: int) -> list[int]:
    """Mention ``j`` and those joined to it by و, أو, ولا or a comma (``روسيا وإيران``, ``مقاتلين من حزب الله
    ومستشارين من الحرس الثوري``: a body noun and من after و; ``للجيش أو لقوات الدعم السريع``: the lam again)."""
    out = [j]
    while out[-1] + 1 < len(s.m):
        k, gap = out[-1] + 1, _QUOTES.sub("", s.f[s.m[out[-1]].end : s.m[out[-1] + 1].start])
        led = s.m[k].entity == s.m[out[-1]].entity and re.fullmatch(r"\s*(?:بقياده|بزعامه)\s*", gap)
        if (
            not led
            and not re.fullmatch(
                rf"\s*(?:(?:[،,]\s*و?|و|او\s+|ولا\s+)ل?\s*(?:{_NOT_AGENT}\S+\s+من\s+|{_ITEM_BODY})"
                rf"|وب?(?:مشاركه|انخراط)\s+\S+\s+من\s+)",
                gap,
            )
            and not _SUCH_AS.fullmatch(gap)
        ) or ("،" in gap and _NEW_CLAUSE_VERB.match(s.f, s.m[k].end)):
            break  # "... على حكومة الأسد، وواشنطن تعلن غضبها": a comma and a name before its verb open a clause
        out.append(k)  # "حركة تحرير السودان بقيادة مناوي وحركة العدل": a group's own leader does not end the list
    return out


#: a present verb (or a verb of saying) right after a name
_NEW_CLAUSE_VERB = re.compile(r"\s+(?:[يت][\u0621-\u064a]{3,}|قال|قالت|اعلن|اعلنت|اكد|اكدت)(?![\u0621-\u064a])")


def list_before(s: Sentence, j: int) -> list[int]:
    """Mention ``j`` and those before it joined by و or a comma (``روسيا وإيران وحزب الله``)."""
    out = [j]
    while out[0] > 0:
        gap = _QUOTES.sub("", s.f[s.m[out[0] - 1].end : s.m[out[0]].start])  # quote marks are no word
        if not re.fullmatch(rf"\s*(?:[،,]\s*و?|و)\s*{_ITEM_BODY}", gap) and not _SUCH_AS.fullmatch(gap):
            break
        if "و" not in gap and _TOPIC_BEFORE.search(s.f, max(0, s.m[out[0] - 1].start - 8), s.m[out[0] - 1].start):
            break  # "خلال جلسة بشأن السودان، الإمارات بأنها": the topic of an aside a comma closes, no list
        out.insert(0, out[0] - 1)
    return out


#: a class named with its example after "such as" ("حزب الله وميليشيات عراقية مثل حركة النجباء": the example is
#: the list's next item)
_SUCH_AS = re.compile(
    r"\s*(?:و(?:ال)?[\u0621-\u064a]+(?:\s+(?:ال)?[\u0621-\u064a]+)?\s+)?(?:مثل|منها|من\s+بينها|بينها)\s*"
)


#: a preposition of topic right before a name ("بشأن السودان", "حول سوريا")
_TOPIC_BEFORE = re.compile(r"(?<![\u0621-\u064a])(?:بشان|حول|عن|بخصوص|ازاء)\s+$")


#: a time set off by commas ("بدأت الطائرات الروسية، اليوم الأربعاء، غاراتها"): no clause boundary
_TIME_ASIDE = re.compile(
    r"،\s*(?:اليوم|امس|يوم|صباح|مساء|ليل|فجر|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)(?:\s+\S+){0,2}?\s*،"
)


def clause_first(s: Sentence, pos: int) -> int | None:
    """The first mention of the clause (from the last comma, semicolon or colon, a time set off by commas aside) that
    ends before ``pos`` (after a headline's colon the speaker before it is not the clause's: "الجيش السوداني: قوات
    حفتر هاجمت ... إلى جانب الدعم السريع")."""
    f = _TIME_ASIDE.sub(lambda m: " " * len(m.group(0)), s.f[:pos]) if "،" in s.f[:pos] else s.f[:pos]
    start = max(f.rfind("،", 0, pos), f.rfind("؛", 0, pos), f.rfind(":", 0, pos), -1) + 1
    that = [
        m.end()
        for m in THAT.finditer(f, start)
        if not m.group(1) and any(m.end() <= x.start and x.end <= pos for x in s.m)
    ]
    start = that[-1] if that else start  # "قال قائد الجيش إن روسيا طلبت": the reported clause's own subject
    return next((k for k in range(len(s.m)) if start <= s.m[k].start and s.m[k].end <= pos), None)


#: a process, not a party: support after it is for the process ("أعلن التوصل إلى وقف لإطلاق النار، بدعم من")
_PROCESS = re.compile(
    r"(?<![\u0621-\u064a])(?:وقف\s+(?:ل)?(?:ا|إ)طلاق\s+النار|اتفاق|هدنه|تسويه|مفاوضات|محادثات|حل\s+سياسي|"
    r"عمليه\s+سياسيه|مبادره|مسار)"
)


#: a phrase after a comma that says what the clause before it was for: "في خطوة لدعم", "في إطار دعمها"
_STEP = re.compile(
    r"\s*(?:في\s+(?:خطوه|اطار|محاوله|مسعي)(?:\s+[\u0621-\u064a]+)?|سعيا|"
    r"في\s+(?:معركه|معارك|هجوم|عمليه|حمله)\s+(?:خاض|شن|نفذ|قاد)[\u0621-\u064a]{0,3}|"  # "، في معركة خاضتها بغطاء"
    r"م[\u0621-\u064a]{2,6}ا(?:\s+[\u0621-\u064a]+){0,2}\s+(?:من|عن|على|علي)|"  # "، منهيا سنوات من دعمه"
    r"(?:بعد|عقب|اثر|قبل|خلال|منذ)(?:\s+[\u0621-\u064a]+){1,5})\s*"  # "، بعد معارك استمرت أسابيع تحت غطاء"
)


#: a relative pronoun opening the clause after a comma: its verbs' subject is the name before the comma
#: the relative pronouns, singular, plural and dual (folded)
RELATIVES = "الذين|التي|الذي|اللتين|اللذين|اللتان|اللذان"
RELATIVE_OPENS = re.compile(rf"\s*(?:{RELATIVES})(?![\u0621-\u064a])")

#: an apposition naming no actor, then a relative clause joined by و: "جيش الإسلام، أحد أكبر الفصائل في الغوطة والذي"
_APPOSITION_RELATIVE = re.compile(r"\s*(?:[\u0621-\u064a]+\s+){1,8}?و(?:الذين|التي|الذي)\s+$")


def subject_of(s: Sentence, pos: int) -> int | None:
    """The clause's first actor (:func:`_clause_first`); when the clause after the last comma names none, the
    antecedent before a relative pronoun ("مجموعة فاغنر، الذين يقاتلون"). (Reaching back to the sentence's first
    actor was tried: on unread sentences it found 2 edges and 3 false ones.)"""
    k = clause_first(s, pos)
    comma = max(s.f.rfind("،", 0, pos), s.f.rfind(",", 0, pos))
    if k is not None or comma < 0:
        return k
    if not s.f[comma + 1 : pos].strip() or _STEP.fullmatch(s.f, comma + 1, pos):
        return _before_asides(s, comma)  # "واصل التحالف غاراته ...، دعما للوحدات", "...، في خطوة لدعم الحكومة"
    if OBJECT_AFTER_ASIDE.match(s.f, comma + 1, pos):
        return _before_asides(s, comma)  # "أعلنت الحركتان، في مؤتمر صحفي، التخلي عن الحياد والقتال إلى جانب"
    if RELATIVE_OPENS.match(s.f, comma + 1) or _APPOSITION_RELATIVE.fullmatch(s.f, comma + 1, pos):
        return name_before(s, comma, max_words=3)  # "القوة المشتركة لحركات الكفاح المسلح، التي تقاتل"
    closed, past = relative_aside(s, comma + 1)  # "إريتريا، التي استقبلت البرهان مرارا، تدرب مقاتلين لصالح"
    return past if closed else None


#: "according to" right before a name ("بحسب الجيش"، "وفقا للجيش"): the name is the source
_ACCORDING = re.compile(r"(?<![\u0621-\u064a])(?:بحسب|حسب|وفق|وفقا\s+ل|طبقا\s+ل)\s*$")


def party_source(s: Sentence, b: int, c: int) -> bool:
    """A party other than the backer ``b`` and the client ``c`` is named as the source ("وتسلح الإمارات، بحسب
    الجيش، قوات الدعم السريع": the army says so): the statement is its claim."""
    own = {s.m[b].entity, s.m[c].entity}
    return any(x.entity not in own and _ACCORDING.search(s.f, max(0, x.start - 12), x.start) is not None for x in s.m)


#: a source set off by commas after a subject ("زودت الإمارات، وفق تقارير أممية، قوات الدعم السريع"): the object goes
#: on after it
SOURCE_ASIDE = re.compile(r"\s*[،,]\s*(?:وفق|وفقا\s+ل|بحسب|حسب|طبقا\s+ل|كما\s+تقول|على\s+حد\s+قول)[^،,.؛]{1,60}[،,]\s*")


#: a beside phrase after a subject ("تدعم موسكو، إلى جانب طهران، حكومة دمشق")
_BESIDE_ASIDE = re.compile(r"\s*[،,]?\s*(?:الي\s+جانب|بالاضافه\s+الي|فضلا\s+عن)\s+")


def subjects_beside(s: Sentence, first: int) -> tuple[list[int], int]:
    """The subjects listed from mention ``first`` and where they end; a beside phrase after them (set off by commas
    or not) adds its names ("تدعم موسكو، إلى جانب طهران، حكومة دمشق": Moscow and Tehran, not Tehran the object)."""
    subjects = list_after(s, first)
    end = s.m[subjects[-1]].end
    source = SOURCE_ASIDE.match(s.f, end)  # "وتسلح الإمارات، بحسب الجيش، قوات الدعم السريع": not the army
    if source:
        return subjects, source.end() - 1
    aside = _BESIDE_ASIDE.match(s.f, end)
    k = name_after(s, aside.end(), max_words=0) if aside else None
    closing = re.match(r"\s*[،,]?", s.f[s.m[list_after(s, k)[-1]].end :]) if k is not None else None
    if k is None or closing is None:
        return subjects, end
    beside = list_after(s, k)
    return subjects + beside, s.m[beside[-1]].end + closing.end()


#: after an aside set off by commas, the verb's object goes on: a verbal noun with its article ("التخلي عن")
OBJECT_AFTER_ASIDE = re.compile(
    r"\s*ال(?!(?:ذي|تي|ذين|لتين|لذين|لتان|لذان|امر|يوم)(?![\u0621-\u064a]))[\u0621-\u064a]{3,}\s"
)


#: a relative clause set off by commas between a subject and its verb ("طهران، التي استأنفت علاقاتها مع الخرطوم، زودت")
_RELATIVE_ASIDE = re.compile(r"\s*،\s*(?:التي|الذي|الذين)\s[^،.؛]{1,140}،\s*(?:[وف]?(?:قد|لقد)\s+)?")


def relative_aside(s: Sentence, pos: int) -> tuple[bool, int | None]:
    """Whether a relative clause set off by commas ends right before ``pos``, and the name right before it (None
    when its head is no name: "وإن الكتيبة، التي تنشر مقاتلين إلى جانب الجيش، تلقت": not the army)."""
    for c in range(pos - 2, max(-1, pos - 160), -1):
        if s.f[c] == "،" and s.f[c + 1 : c + 6].lstrip().startswith(("التي", "الذي", "الذين")):
            if not _RELATIVE_ASIDE.fullmatch(s.f, c, pos):
                return False, None
            k = name_before(s, c, max_words=0)
            return True, (k if k is not None and s.m[k].end >= c - 1 else None)
    return False, None


def subject_before_comma(s: Sentence, pos: int) -> int | None:
    """The first actor of the clause before the last comma ahead of ``pos``, past short asides (see
    :func:`subject_of`), or None when no comma stands before ``pos``."""
    comma = max(s.f.rfind("،", 0, pos), s.f.rfind(",", 0, pos))
    return _before_asides(s, comma) if comma >= 0 else None


#: an aside that may run long: a description ("، وهي تشكيلات رديفة تضم ...،") or what a sum includes ("، بينها وديعة
#: بخمسمئة مليون دولار في البنك المركزي،")
_LONG_ASIDE = re.compile(r"\s*(?:و(?:هي|هو|هم|هما)|(?:من\s+)?(?:بينها|بينهم|منها)|بما\s+(?:فيها|فيه|في\s+ذلك))\s")


def _before_asides(s: Sentence, comma: int) -> int | None:
    """The first actor of the clause before ``comma``, past short asides set off by commas that name none ("دخل
    الجيش مدينة ود مدني، عاصمة ولاية الجزيرة، بمساندة"); none when that clause ends in a ceasefire or a deal
    ("أعلن التوصل إلى وقف لإطلاق النار، بدعم من": support for the process)."""
    end = comma
    while True:
        prev = max(s.f.rfind("،", 0, end), s.f.rfind(",", 0, end))
        aside = s.f[prev + 1 : end] if prev >= 0 else ""
        if prev >= 0 and _TIME_CLAUSE.match(aside):  # "، بعد هجوم شاركت فيه ميليشيات عراقية،": not the main clause
            end = prev
            continue
        k = clause_first(s, end)
        if k is not None:
            break
        limit = 12 if _LONG_ASIDE.match(aside) else 4  # "، وهي تشكيلات رديفة تضم ...،": a description
        if prev < 0 or len(aside.split()) > limit:
            return None
        end = prev
    if _PROCESS.search(s.f, s.m[k].end, comma) or _PROCESS_DONE_BY.search(s.f, max(0, s.m[k].start - 80), s.m[k].start):
        return None  # "اتفاق وقف إطلاق النار الذي أعلنه المبعوث الأمريكي ...، بدعم من تركيا": the deal is backed
    return k


#: a process, then a relative clause whose verb the name after it does ("الاتفاق الذي أعلنه المبعوث")
_PROCESS_DONE_BY = re.compile(
    r"(?<![\u0621-\u064a])(?:ال)?"
    + _PROCESS.pattern.removeprefix(r"(?<![\u0621-\u064a])")
    + r"[^،.؛]{0,40}?(?:الذي|التي)(?:\s+[\u0621-\u064a]+){1,3}\s*$"
)

#: a clause opened by a time preposition and a noun ("بعد هجوم ...", "عقب معارك ..."): an aside to the main clause
_TIME_CLAUSE = re.compile(r"\s*و?(?:بعد|قبل|اثر|عقب|خلال|منذ)\s+(?!ان(?![\u0621-\u064a]))")


_LED = re.compile(r"\s*(?:بقياده|بزعامه)\s*")


def head_of(s: Sentence, k: int | None) -> int | None:
    """The name a demonym right after it qualifies ("مجموعة «فاغنر» الروسية": Wagner, not Russia), and the force a
    leader named after بقيادة leads ("قوات الجيش الوطني الليبي بقيادة خليفة حفتر": the force, one actor)."""
    if (
        k is not None
        and k > 0
        and s.m[k - 1].entity == s.m[k].entity
        and _LED.fullmatch(s.f, s.m[k - 1].end, s.m[k].start)
    ):
        return head_of(s, k - 1)
    if k is None or k == 0 or s.m[k].via != "demonym":
        return k
    return k - 1 if not _QUOTES.sub("", s.f[s.m[k - 1].end : s.m[k].start]).strip() else k


def inside_name(s: Sentence, pos: int) -> bool:
    """True when ``pos`` falls inside an actor's name ("قوات" in "قوات الدعم السريع" is no material)."""
    return any(x.start <= pos < x.end for x in s.m)


def material_at(s: Sentence, mt: re.Match) -> bool:
    """A material word that is not part of a name nor an actor's body ("قوات" in "قوات الدعم السريع" or in
    "قوات حميدتي": the actor itself, not what it is given); a demonym after it is its source ("دعم تركي")."""
    if inside_name(s, mt.start()):
        return False
    j = s.next_index(mt.end())
    return j >= len(s.m) or s.m[j].via == "demonym" or bool(s.f[mt.end() : s.m[j].start].strip())


def for_people(s: Sentence, lex: ArabicCues, pos: int) -> bool:
    """A purpose naming people within a few words after ``pos`` ("2.5 مليار يورو لعامي 2025 و2026 لدعم السوريين"):
    what is given is aid to them, not backing a party."""
    if not lex.people_aided:
        return False
    rx = lex.built(
        "for_people",
        lambda: re.compile(
            r"\s*(?:\S+\s+){0,6}?ل(?:دعم|مساعده|اغاثه|اعانه)\s+(?:ال)?"
            rf"(?:{alt(lex.people_aided)})(?![\u0621-\u064a])"
        ),
    )
    return rx.match(s.f, pos) is not None


def humanitarian_at(s: Sentence, lex: ArabicCues, pos: int, reach: int = 0) -> bool:
    """A material qualified as aid to people at ``pos`` ("مساعدات إنسانية"), or, with ``reach``, one given with ب
    within ``reach`` characters after ``pos`` and before a comma ("دعمت قطر الحكومة بمساعدات إنسانية")."""
    if not lex.humanitarian:
        return False
    hum = lex.built("humanitarian_rx", lambda: re.compile(rf"\s*(?:ال)?(?:{alt(lex.humanitarian)})(?![\u0621-\u064a])"))
    if not reach:
        return hum.match(s.f, pos) is not None
    given = re.compile(r"(?<![\u0621-\u064a])ب(?:ال)?[\u0621-\u064a]+")
    end = min(len(s.f), pos + reach, *(i for i in (s.f.find("،", pos),) if i >= 0))
    return any(hum.match(s.f, g.end()) for g in given.finditer(s.f, pos, end))


def aligned(s: Sentence, lex: ArabicCues, a: int, b: int) -> bool:
    return bool(lex.alignment) and alt_rx(lex.alignment).search(s.f, a, b) is not None


def said_subject(s: Sentence, pos: int) -> int | None:
    """``وقالت أنقرة إنها لم تقدم أي دعم``: a pronoun after إن/أن before the verb stands for the sentence's first
    actor (the one who speaks), when no other actor stands between."""
    mt = _THAT_PRONOUN.search(s.f, max(0, pos - 30), pos)
    if mt is None or any(mt.end() <= x.start < pos for x in s.m):
        return None
    return next((k for k in range(len(s.m)) if s.m[k].end <= mt.start()), None)


def accusation_before(s: Sentence, lex: ArabicCues, pos: int, reach: int = 80) -> re.Match | None:
    """The last accusation word (اتهم، متهما، اتهامات) within ``reach`` characters before ``pos``."""
    if not lex.accusation:
        return None
    found = None
    for mt in alt_rx(lex.accusation).finditer(s.f, max(0, pos - reach), pos):
        found = mt
    return found


def accused_object(s: Sentence, lex: ArabicCues, pos: int, acc: re.Match | None = None) -> int | None:
    """The accused of an accusation verb before ``pos`` (``acc`` when found already): the last name after the verb
    that ب and a verbal noun follow (``اتهم حميدتي في كلمة الطيران المصري بقصف``: the Egyptian air force), None
    without an accusation."""
    acc = accusation_before(s, lex, pos, reach=120) if acc is None else acc
    if acc is None:
        return None
    inside = [k for k in range(len(s.m)) if acc.end() <= s.m[k].start and s.m[k].end < pos]
    after = re.compile(  # not "اتهامات X لـY بـ"; past an apposition ("حفتر، الرجل القوي في شرق ليبيا، بالقتال")
        r"\s*(?:،[^،.؛]{1,60}،\s*)?(?:(?!ل)[\u0621-\u064a]+\s+)?ب[\u0621-\u064a]{2,}"
    )
    named = next((k for k in reversed(inside) if after.match(s.f, s.m[k].end) and s.m[k].end < pos), None)
    if named is None and accused_on_verb(lex, acc) and _ACCUSED_OF.match(s.f, acc.end()):
        return accused_before(s, acc)  # "ويتهمها بإمداد": the accused written on the verb, named before it
    return named


def accusation_of_accused(s: Sentence, lex: ArabicCues, pos: int) -> re.Match | None:
    """The accusation before the accused of a means before ``pos`` ("اتهم مندوب السودان، خلال جلسة لمجلس الأمن،
    الإمارات بتأجيج الحرب عبر تمويل"): the last name before ``pos`` that ب and a verbal noun follow, and the
    accusation word before that name (the reach counted from the name, so asides after the accuser do not
    hide it)."""
    k = next((j for j in range(s.prev_index(pos), -1, -1) if _BY_NOUN.match(s.f, s.m[j].end)), None)
    return None if k is None else accusation_before(s, lex, s.m[k].start, reach=120)


_BY_NOUN = re.compile(r"\s*ب[\u0621-\u064a]{2,}")


def accused_before(s: Sentence, acc: re.Match) -> int | None:
    """The state an object pronoun on the accusation verb ``acc`` stands for: the last state named before the verb
    ("أعلن المجلس الإمارات دولة عدوان ويتهمها": the UAE); a feminine or plural pronoun is never a man named by his
    name ("هاجم البرهان ... واتهمها": not al-Burhan, the accuser)."""
    person = acc.group(0).endswith("ه")
    return next(
        (
            k
            for k in range(s.prev_index(acc.start()), -1, -1)
            if s.m[k].kind == "state" and (person or s.m[k].via != "leader")
        ),
        None,
    )


def accused_on_verb(lex: ArabicCues, acc: re.Match) -> bool:
    """Whether the accusation word ``acc`` has its object written on it ("تتهمها", "اتهمته"; not "اتهم" itself)."""
    word = " ".join(acc.group(0).split())
    word = word[1:] if word[:1] in "وف" and word[1:] in lex.accusation else word
    pronouns = ("هما", "هم", "ها", "ه")
    return any(word.endswith(p) and word[: -len(p)] in lex.accusation for p in pronouns)


#: after an accusation verb with its object written on it, ب and what it is accused of ("يتهمها بإمداد")
_ACCUSED_OF = re.compile(r"\s+(?:(?:ايضا|كذلك)\s+)?ب[\u0621-\u064a]{2,}")


#: a body noun written before an actor's name: "قوات حزب الله", "عناصر من", "كوادر الجيش" (its people), "قيادات
#: الجيش الحر" (its leaders)
BODY = re.compile(
    r"\s*[وف]?(?:ال)?(?:قوات|جيش|عناصر|مقاتلو|مقاتلي|مقاتلين|كوادر|ضباط|جنود|مسلحي|افراد|منتسبي|وحدات|طايرات|مسيرات|مسيره|"
    r"مقاتلات|مروحيات|قاذفات|دبابات|ميليشيا|مليشيا|مؤسسات|موسسات|فلول|قيادات|قياده|قاده|زعماء|مقرات|مقر)\s+"
    r"(?:من\s+)?"  # "تدرب وحدات من الجيش"
    r"(?:(?:ما\s+[يت](?:سمي|دعي)|(?:ال)?مسمي|(?:ال)?مسماه)\s+)?"  # "عناصر ما يسمى الجيش الحر": so-called
    r"(?:(?:ال)?(?:مشير|رييس|زعيم|قايد|فريق|جنرال)\s+)?"  # a leader's title: "قوات المشير خليفة حفتر"
)


def pledge_before(s: Sentence, lex: ArabicCues, pos: int) -> bool:
    """A pledge verb (تعهدت، وعدت) within a few words before ``pos``."""
    return bool(lex.pledge) and alt_rx(lex.pledge).search(s.f, max(0, pos - 40), pos) is not None


#: the means of what an actor is accused of: "متهما إياها بالتواطؤ في الإبادة عبر تسليح قوات الدعم السريع"
VIA = re.compile(r"(?<![\u0621-\u064a])(?:عبر|من\s+خلال)\s+$")


#: "his country" after a cue or a verb ("دعم بلاده للحكومة", "وقوف بلاده إلى جانب"): see :func:`nearest_state`
HIS_COUNTRY = re.compile(r"\s+بلاد(?:ه|ها|هم)\s+ل?")


def nearest_state(s: Sentence, pos: int, client: int | None = None) -> int | None:
    """The clause's subject when a state (by name or demonym), else the last state named before ``pos``: whose
    country "his country" is ("أكد الوزير الروسي خلال لقائه نظيره السوداني دعم بلاده": Russia); never the state of
    ``client``, the one his country backs ("زيارة إلى دمشق أكد خلالها وقوف بلاده خلف الحكومة السورية": not Syria)."""
    own = s.m[client].entity if client is not None else None
    k = subject_of(s, pos)
    if k is not None and s.m[k].kind == "state" and s.m[k].entity != own:
        return k
    return next((k for k in range(s.prev_index(pos), -1, -1) if s.m[k].kind == "state" and s.m[k].entity != own), None)


#: "المقاتلين الأكراد في «وحدات حماية الشعب»": a description, then the group it belongs to
_MEMBER_OF = re.compile(r"\s*(?:في|ضمن)\s*[\"\u00ab\u201c]?\s*")


def member_of(s: Sentence, k: int | None) -> int | None:
    """The group a description ``k`` is said to belong to (``المقاتلين الأكراد في وحدات حماية الشعب``: the YPG), or
    ``k`` itself."""
    if k is None or s.m[k].via != "description" or k + 1 >= len(s.m):
        return k
    return k + 1 if _MEMBER_OF.fullmatch(s.f, s.m[k].end, s.m[k + 1].start) else k


#: the ones a plural subject counts, named after the clause: "، أبرزها حزب الله", "، من بينها", "، وفي مقدمتها"
_NAMED = re.compile(
    r"[^،.؛]{0,40}،\s*(?:و)?(?:ابرزها|ابرزهم|اهمها|اهمهم|منها|منهم|من\s+بينها|من\s+بينهم|في\s+مقدمتها|"
    r"في\s+مقدمتهم|علي\s+راسها|علي\s+راسهم)\s+"
)


def named_after(s: Sentence, end: int) -> list[int]:
    """The list named after a clause whose subject is a plural noun, past a comma and أبرزها (most prominent of
    them), من بينها (among them) or في مقدمتها (first among them)."""
    mt = _NAMED.match(s.f, end)
    k = name_after(s, mt.end(), max_words=1) if mt else None
    return [] if k is None else list_after(s, k)


def after_thing(s: Sentence, lex: ArabicCues, pos: int) -> bool:
    """Whether a backing phrase at ``pos`` comes right after a look-alike head (and one adjective, and the sides it
    names): "وقف لإطلاق النار بدعم من", "هدنة بين إسرائيل وسوريا بدعم من" (the phrase backs the thing)."""
    if not lex.with_lookalikes:
        return False
    heads = lex.built("with_lookalikes", lambda: alt(lex.with_lookalikes))
    rx = lex.built(
        "with_lookalike_rx",
        lambda: re.compile(
            rf"(?<![\u0621-\u064a])[وفبل]?(?:ال)?(?:{heads})(?:\s+\S+)?(?:\s+بين\s+[^،,.؛:()]{{1,50}}?)?\s*$"
        ),
    )
    return rx.search(s.f, max(0, pos - 90), pos) is not None
