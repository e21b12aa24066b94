"""Arabic script: the few things matching needs beyond the length-keeping fold of :mod:`helpers.textnorm`.

``textnorm.fold`` already maps the Arabic letters that news writes several ways to one form, one character
for one character (hamza forms of alef to bare alef, alef maqsura to ya, taa marbuta to ha, hamza on waw
and ya, Persian ya and kaf, Arabic-Indic and Persian digits). Two things cannot keep the length:

- short vowels and other marks (tashkeel) and the tatweel stretch inside a word: :func:`strip_marks` drops
  them (and, in any script, the invisible characters of :data:`helpers.textnorm.INVISIBLE`: a zero-width space
  or soft hyphen inside "S.D.F.") and returns, for each kept character, its offset in the original, so a match
  found in the stripped text maps back to exact offsets;
- proclitics written onto the next word (و ف ب ل ك, and the article: وال، بال، لل...): :func:`proclitic_before`
  tells whether the letters between a word's start and a name are such a prefix, so whole-word matching
  can accept "وحزب الله" and "بقوات الدعم السريع".

:func:`language_of` tells Arabic from other text by the share of Arabic letters (offline, no model).
"""

from __future__ import annotations

import re

from .textnorm import INVISIBLE

#: Marks dropped before matching: tashkeel (fathatan .. sukun), superscript alef, and the tatweel.
MARKS: frozenset[str] = frozenset([chr(c) for c in range(0x064B, 0x0653)] + ["\u0670", "\u0640"])
_MARK_RX = re.compile("[" + "".join(sorted(MARKS)) + "]")
#: Everything :func:`strip_marks` drops: the Arabic marks and the invisible characters of any script.
DROPPED: frozenset[str] = MARKS | INVISIBLE
_DROPPED_RX = re.compile("[" + "".join(sorted(DROPPED)) + "]")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a\u0671-\u06d3\u06fa-\u06fc]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
#: Prefixes written onto a name: conjunctions and prepositions, each optionally followed by the article.
PROCLITICS: frozenset[str] = frozenset(
    p + a for p in ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك") for a in ("", "ال")
) | frozenset({"ال", "لل", "ولل", "فلل"})


def has_marks(text: str) -> bool:
    """True when the text holds tashkeel, tatweel or an invisible character (then :func:`strip_marks` is needed
    before matching)."""
    return _DROPPED_RX.search(text) is not None


def strip_marks(text: str) -> tuple[str, list[int]]:
    """The text without tashkeel, tatweel and invisible characters, and the original offset of each character kept.

    Returns:
        ``(stripped, where)`` with ``len(where) == len(stripped) + 1``: ``where[i]`` is the offset in ``text``
        of ``stripped[i]``, and ``where[-1] == len(text)``, so a match ``stripped[a:b]`` is ``text[where[a]:
        where[b - 1] + 1]``.
    """
    where = [i for i, ch in enumerate(text) if ch not in DROPPED]
    stripped = "".join(text[i] for i in where)
    where.append(len(text))
    return stripped, where


def proclitic_before(folded: str, start: int) -> bool:
    """True when ``folded[start]`` begins a name written onto one of :data:`PROCLITICS` ("وحزب الله",
    "للجيش"): the letters from the word's start to ``start`` form a proclitic."""
    i = start
    while i > 0 and folded[i - 1].isalnum():
        i -= 1
        if start - i > 4:
            return False
    return i < start and folded[i:start] in PROCLITICS


def without_lam_forms(folded: str, hits: list[tuple]) -> list[tuple]:
    """Alias hits ``(start, end, key)`` without a name's form after ل ("لفصائل المعارضة" for "الفصائل المعارضة",
    right only in "للفصائل") where it opens a word and the same name without the ل ends there too ("لفصائل
    المعارضة": ل written onto "فصائل المعارضة")."""
    ends = {(h[0], h[1]) for h in hits}
    return [
        h
        for h in hits
        if not (folded[h[0]] == "ل" and (h[0] == 0 or not folded[h[0] - 1].isalnum()) and (h[0] + 1, h[1]) in ends)
    ]


def language_of(text: str) -> str:
    """``"ar"`` when most letters are Arabic, ``"en"`` when most are Latin and English function words are
    common, ``"und"`` otherwise (another Latin-script language, or no letters).

    A script ratio and a few function words, not a language model: enough to split a corpus into its
    Arabic and English articles.
    """
    if not isinstance(text, str) or not text:
        return "und"
    sample = text[:4000]
    if _ARABIC_LETTER.search(sample) is None:  # most texts: no Arabic letter, so no counting of letters
        if _LATIN_LETTER.search(sample) is None:
            return "und"
    elif len(_ARABIC_LETTER.findall(sample)) >= len(_LATIN_LETTER.findall(sample)):
        return "ar"
    words = re.findall(r"[a-z]+", sample.lower())
    common = sum(1 for w in words if w in _ENGLISH)
    return "en" if words and common / len(words) >= 0.08 else "und"


_ENGLISH = frozenset(
    "the of and to in a is that for on with as was by at from it its said has have were are be "
    "an this which he his after who".split()
)


# words before a country or capital that make it a place ("في دمشق", "إلى أنقرة", "شمال سوريا"), and the
# verb endings and words that make it an actor ("اتهمت سوريا", "قالت أنقرة", "سوريا تتهم")
_PLACE_BEFORE = frozenset(
    "في الي من داخل خارج عبر نحو شمال جنوب شرق غرب شمالي جنوبي شرقي غربي وسط انحاء ارجاء "
    "حدود مدن مدينه محافظه ريف عاصمه".split()
)
_ACTOR_BEFORE = frozenset(
    "قالت قال اعلنت اعلن اتهمت اتهم نفت نفى دعت دعا طالبت طالب رفضت رفض ارسلت ارسل "
    "تدعم يدعم دعمت دعم زودت حذرت حذر اكدت اكد هددت هدد وقعت وقع ابلغت ابلغ شنت شن "
    # the subject after "that" (إن، أن، بأن، لأن), verbs of judging and welcoming, backing verbs and
    # their verbal nouns (the owner follows: "تسليح دمشق", "تزويد دمشق")
    # "as for" opening a sentence on its topic ("أما أنقرة فنفت")
    "اما "
    "ان بان لان وصفت وصف تصف يصف دانت دان ادانت ادان رحبت رحب قررت قرر تري يري تواصل يواصل واصلت واصل "
    "تساند يساند ساندت ساند تسلح يسلح سلحت سلح تمول يمول مولت مول تزود يزود تخلت تخلي "
    "تسليح تزويد تمويل مسانده اسناد "
    # participles of thanking after a comma: the thanked follows ("، شاكرة موسكو على وقوفها")
    "شاكرا شاكره شاكرين مثمنا مثمنه "
    # the present forms news writes as often ("تتهم دمشق أنقرة", "تؤكد طهران")
    "تتهم يتهم تقول يقول توكد يوكد تعلن يعلن تنفي ينفي تطالب يطالب ترفض يرفض تحذر يحذر تهدد يهدد "
    "ترسل يرسل تدعو يدعو تصف تدين يدين تواصل تقدم يقدم قدمت قدم ساعدت ساعد تساعد يساعد "
    # what a state owes ("سداد ديون سوريا", "متأخرات دمشق"): the state is the debtor
    "ديون متاخرات مستحقات "
    # "against" before a state ("مشروع قرار ضد دمشق"): the state is acted against
    "ضد".split()
)
#: what is given before "من": the name after it gives it ("صواريخ تاو من الولايات المتحدة", "دعما من طهران")
_GIVEN = re.compile(  # folded: ئ is written ي
    r"^ب?(?:ال)?(?:اسلحه|سلاح|صواريخ|ذخاير|ذخيره|مسيرات|مسيره|طايرات|اموال|تمويل|تسليح|مساعدات|مساعده|دعما|دعم|تدريب|"
    r"تدريبا|تدريبات|تمويلا|تسليحا|شحنات|شحنه|امدادات|معدات|عتاد|قروض|وقود|نفط|مستشارين|خبراء|مقاتلين|مرتزقه|"
    r"رواتب|اجور|منح|منحه|"
    r"غطاء|اسناد|اسنادا|مسانده)(?:ه|ها|هم)?$"  # cover and backing: "غطاء سياسي من مصر", "إسنادا جويا من روسيا"
)
#: the shape of a verb without its article: a past form in ت (جددت، وقفت) or a present one in ي or ت (يقف، تواصل)
#: ("ستواصل أنقرة", "ليقول": the future's س or ل before ي; not ل before ت: "لتحرير دمشق" is a verbal noun)
_VERB_SHAPE = re.compile(r"^(?:(?:س|ل(?=ي))?[يت][\u0621-\u064a]{2,5}|[\u0621-\u064a]{2,5}(?<!ا)ت)$")
_PLACE = re.compile(r"^(?:" + "|".join(sorted(_PLACE_BEFORE)) + r")$")
#: verbs of relying on someone: the capital after على is the one relied on ("يعتمد النظام على موسكو")
_RELY = frozenset(
    "اعتمد اعتمدت يعتمد تعتمد اعتمدوا يعتمدون راهن راهنت يراهن تراهن استند استندت يستند تستند "
    "مستحقه المستحقه مترتبه المترتبه".split()  # and what is owed by a debtor after على
)
#: what is aimed at an actor before إلى ("الاتهامات الموجهة إلى الإمارات", "وجهت اتهامات إلى أبوظبي")
_AIMED = frozenset("الموجهه موجهه وجهت وجه يوجه توجه توجيه وجهها اتهامات الاتهامات رساله رسائل".split())
#: arms and fighters sent to a capital's government ("شحنات أسلحة إلى دمشق", "منظومات دفاع جوي إلى دمشق")
_ARMS = frozenset(
    "اسلحه الاسلحه سلاح السلاح ذخاير الذخاير ذخيره الذخيره صواريخ الصواريخ مسيرات المسيرات منظومات المنظومات "
    "معدات عتاد دبابات مقاتلات مستشارين المستشارين خبراء الخبراء".split()
)

#: verbs of going, striking and holding: the capital after them is where ("تدخل دمشق", "قصفت إسرائيل دمشق")
_MOTION = frozenset(
    "دخل دخلت تدخل يدخل وصل وصلت تصل يصل زار زارت تزور يزور غادر غادرت تغادر يغادر اقتحم اقتحمت تقتحم يقتحم "
    "حاصر حاصرت تحاصر يحاصر قصف قصفت تقصف يقصف استهدف استهدفت تستهدف يستهدف هاجم هاجمت تهاجم يهاجم ضرب "
    "ضربت تضرب يضرب عاد عادت تعود يعود توجه توجهت يتوجه تتوجه سيطر سيطرت تسيطر يسيطر".split()
)
#: punctuation that opens a clause: a name right after it is the clause's subject ("أنقرة هي الداعم")
_OPENS = re.compile(r"(?:^|[.،؛:!?\n؟])\s*$")
#: object pronouns written onto a verb before its subject ("تدعمها أنقرة", "نفته موسكو")
_OBJECT_PRONOUNS = ("هما", "هم", "ها", "ه")
_KNOWN_BEFORE = _PLACE_BEFORE | _ACTOR_BEFORE
#: words after which "ل" + a state names a party, not a place ("حليف لدمشق", "الموالية لطهران", "دعما لموسكو")
_FOR = re.compile(
    r"^(?:ال)?(?:حليف|حلفاء|موال|داعم|دعم|مسانده|اسناد|تابع|راعي|رعاه|ممول|شريان|سند|ظهير|مدرب|"
    # giving verbs with what is given written on ("الأسلحة التي ترسلها طهران لدمشق", "غطاء توفره موسكو لدمشق")
    r"[يت]?(?:رسل|وفر|زود|منح|سلم)(?:ه|ها|هم|هما)$|(?:ارسل|وفر|زود|منح|سلم)(?:ت|وا)?(?:ه|ها|هم|هما)$)"
)


#: nouns whose owner or object is the name right after them: "حكومة دمشق" (the government), "بدعم دمشق" (backing
#: Damascus), with a preposition or conjunction written onto the noun
_HEAD_NOUN = re.compile(
    r"^[وف]?[بل]?(?:ال)?(?:حكومه|نظام|قوات|جيش|سلطات|حلفاء|داعمي|دعم|تسليح|تمويل|تزويد|مسانده|اسناد|انقاذ|حمايه|صالح|"
    r"حساب|مصلحه|وكلاء|وكيل|ذراع|اذرع|"  # "لحساب دمشق", "لمصلحة أنقرة": on an actor's account; "وكلاء أنقرة"
    r"طايرات|طيران|مقاتلات|مروحيات|قاذفات|مدفعيه|دبابات|وحدات|بوارج|مخابرات|استخبارات|"  # "الطائرات السورية": its arms
    r"استعداد|عزم|قرار|رغبه|تعهد|التزام|وقوف|موقف|سعي|اصرار|رفض|نفي)$"  # "استعداد أنقرة", "وقوف طهران"
)

#: a medium's noun before its name ("صحيفة واشنطن بوست", "وكالة الأناضول", "وكالة الأنباء السعودية") and a paper's
#: name after a place
_OUTLET_BEFORE = re.compile(r"^[وفبل]?(?:ال)?(?:صحيفه|جريده|قناه|وكاله|مجله|موقع|اذاعه|تلفزيون|انباء)$")
_OUTLET_AFTER = re.compile(r"[\u0621-\u064a]+\s+(?:بوست|تايمز|جورنال|تايم)(?![\u0621-\u064a])")

#: the holder of a state office, or its soldiers, right before the state's name or demonym or its ministry's name
#: ("وزير المالية السوري", "المندوب الإيراني", "وزير خارجية قطر", "الجنود السوريين")
_OFFICE = re.compile(
    r"^[وف]?(?:ال)?(?:وزير|وزيره|رئيس|سفير|مندوب|متحدث|ناطق|مبعوث|مسؤول|مسؤولو|مسؤولون|مسؤولي|مسؤولين|"
    r"نظير|نظيره|نظيرها|نظيريه|نظرايه|نظراوه|"  # "نظيره السوري": his Syrian counterpart
    r"دبلوماسي|دبلوماسيين|دبلوماسيون|دبلوماسيا|"  # "أربعة دبلوماسيين سودانيين": the state's diplomats
    r"وزاره|خارجيه|سفاره|"  # its ministries: "الخارجية السودانية"
    r"جنود|ضباط|عسكريين|عسكريون)$"  # and its soldiers: "جنبا إلى جنب مع الجنود السوريين"
)

#: accusing verbs: the object a few words after (past the accuser) is an actor
_ACCUSE = re.compile(
    r"^(?:[تي]?[تي]?[ا]?تهم(?:ت|وا|ا|تا|ان|ون)?|متهم(?:ا|ه|ين|ون)?)$"
)  # "متهما أبوظبي بتزويد", "اتهما": two accusers

#: an adverb of manner or domain ("عسكريا", "وسياسيا", "جوا")
_ADVERB = re.compile(r"^[وف]?(?:[\u0621-\u064a]{3,}يا|برا|جوا|بحرا)$")
_BY = re.compile(r"^(?:ال)?مدعوم|^(?:ال)?ممول|^(?:ال)?مدرب|^مسانده|^[وف]?(?:ب)?دعم$|^قبل$|^جانب$")


def _agent_from(words: list[str]) -> bool:
    """After من: the agent of a passive ("المدعومة من الولايات المتحدة": "by", not "from"), a giver ("تلقت صواريخ تاو
    من الولايات المتحدة", "مسيرات من طراز بيرقدار من تركيا") or each of a list ("اتهمت دمشق كلا من قطر")."""
    if len(words) < 2:
        return False
    n = 2
    while n < min(len(words), 5) and _ADVERB.match(words[-n]):
        n += 1  # "مدعوم عسكريا وسياسيا من روسيا": adverbs between the participle and من
    before = _bare(words[-n])
    if before in _MADE_OF:  # "الرباعية المؤلفة من الولايات المتحدة والسعودية": the members of a group of states
        return True
    return (
        before in ("كلا", "كل")
        or bool(_BY.match(before))
        or any(_GIVEN.match(_bare(w)) for w in words[-6:-1])
        or any(_ASKED.match(_bare(w)) for w in words[-4:-1])  # "لم يطلب من طهران", "بطلب من دمشق": asked of it
    )


def _bordered(words: list[str]) -> bool:
    """A land noun or a border among the two words before the last one ("الحدود مع تركيا", "حدودها مع")."""
    return any(_bare(w) in _LAND_BEFORE or _bare(w).startswith(("حدود", "الحدود")) for w in words[-3:-1])


#: asking, before من and the one asked: "طلب من", "بطلب من", "يطلب أبدا من"
_ASKED = re.compile(r"^[وف]?(?:ب|ل)?(?:طلب|يطلب|تطلب|طلبت|طلبا|طلبه|طلبها|طلبوا|يطلبون)$")


#: made up of, before من: the members named after it act ("المؤلفة من", "المكونة من", "تضم كلا من")
_MADE_OF = frozenset("المولفه المكونه المشكله مولفه مكونه مشكله تتالف يتالف تتكون يتكون".split())


def _bare(word: str) -> str:
    """A word without a leading و or ف (conjunctions written onto it) and, for a verb of
    :data:`_ACTOR_BEFORE`, without an object pronoun written onto its end ("تدعمها" -> "تدعم")."""
    word = word[1:] if len(word) > 2 and word[0] in "وف" and word[1:] in _KNOWN_BEFORE else word
    for pron in _OBJECT_PRONOUNS:
        if word.endswith(pron) and word[: -len(pron)] in _ACTOR_BEFORE:
            return word[: -len(pron)]
    return word


def _place_after(folded: str, start: int) -> bool:
    """A dateline or a place phrase after a name that opens a clause ("دمشق - ", "دمشق (رويترز)")."""
    end = start
    while end < len(folded) and folded[end] not in " ،,.-(":
        end += 1
    return re.match(r"\s*(?:[-–(]|$)", folded[end : end + 4]) is not None


def _opening_role(folded: str, start: int, words: list[str]) -> str | None:
    """``"outlet"`` for a paper or channel named after a place ("صحيفة واشنطن بوست", "قناة الجزيرة"), ``"actor"``
    for a name opening a clause, its subject ("أنقرة هي الداعم الرئيسي", "وطهران أنفقت"), else None."""
    if (words and _OUTLET_BEFORE.match(_bare(words[-1]))) or _OUTLET_AFTER.match(folded, start):
        return "outlet"
    glued = start > 0 and folded[start - 1] in "وف" and (start < 2 or not folded[start - 2].isalnum())
    opens = _OPENS.search(folded, max(0, start - 30), start - 1 if glued else start)  # "فطهران التي"
    return "actor" if opens and not _place_after(folded, start) else None


#: friends, allies or brothers "in" a country: its state ("الأصدقاء في روسيا", "حلفاؤنا في طهران")
_FRIENDS_IN = frozenset(
    "الاصدقاء اصدقاينا اصدقاءنا الحلفاء حلفاينا حلفاءنا الاشقاء اشقاينا اشقاءنا الشركاء شركاينا".split()
)


def _listed_adjective(words: list[str]) -> bool:
    """``الطائرات الروسية والسورية``, ``طائرات روسية وسورية``: a state adjective joined by و to another one after a
    head noun of a state's arms or bodies (the words before the name end with the noun, the adjective and و)."""
    return (
        len(words) > 2
        and words[-1] == "و"
        and _NISBA_WORD.match(words[-2]) is not None
        and _HEAD_NOUN.match(words[-3]) is not None
    )


#: an adjective of origin ("الروسية", "روسية", "الإيراني")
_NISBA_WORD = re.compile(r"^(?:ال)?[\u0621-\u064a]{2,}(?:ي|يه|يين|يون)$")


def _state_in(words: list[str]) -> bool:
    """Before في: words that make the country after it its state ("دعم الأصدقاء في روسيا وإيران": the friends in
    it; "رواتب موظفي القطاع العام في سوريا": the state employs them)."""
    if len(words) > 1 and _bare(words[-2]) in _FRIENDS_IN:
        return True
    return len(words) > 2 and _bare(words[-3]) == "القطاع" and words[-2] in ("العام", "الحكومي")


def _lam_party(folded: str, start: int, words: list[str]) -> bool:
    """A ل before the name after a word of :data:`_FOR`: the name is a party, not a place."""
    if folded[start - 1] in "ل\u0640" and words[-1] in ("ل", "لل") and len(words) > 1 and _FOR.match(words[-2]):
        return True  # "حليفا لـدمشق", "الموالية لطهران": written apart with a tatweel
    if words[-1].endswith("ل") and folded[start - 1] == "ل" and any(_FOR.match(_bare(w)) for w in words[-4:-1]):
        return True  # "الموالية لإيران", "الدعم العسكري الإيراني لدمشق": the lam written onto the name
    # "الأسلحة التي ترسلها طهران لدمشق": a giving verb, its subject, then the receiver
    return words[-1] == "ل" and folded[start - 1] == "ل" and len(words) > 2 and _FOR.match(words[-3]) is not None


def _accused_after(folded: str, start: int) -> bool:
    """An accusing verb two to six words before ``start``, its accuser between ("يتهم مسؤولون في السلطات الانتقالية
    تل أبيب": the accused)."""
    words = _MARK_RX.sub("", folded[max(0, start - 50) : start]).split()
    return any(_ACCUSE.match(_bare(w)) for w in words[-7:-2]) and _bare(words[-1]) not in _PLACE_BEFORE


def _arms_to(words: list[str]) -> bool:
    """Arms or advisers sent "to" right before the name (``words`` before it): a capital there is its government,
    not a city ("أرسلت إيران شحنات أسلحة إلى دمشق"; never a country: "تهريب أسلحة إلى لبنان")."""
    return _bare(words[-1]) == "الي" and any(_bare(w) in _ARMS for w in words[-4:-1])


#: a name (up to three words), a comma and a backer's title: "أبوظبي، الراعي الأول لـ", "طهران، الداعم الرئيسي لـ"
_TITLED = re.compile(
    r"[^\s،,.]+(?:\s+[^\s،,.]+){0,2}?\s*[،,]\s*(?:ال)?(?:راعي|داعم|ممول|مسلح|حليف|مورد)(?![\u0621-\u064a])"
)


def _titled(folded: str, start: int) -> str | None:
    """``"actor"`` for a name followed by a comma and a backer's title (see :data:`_TITLED`)."""
    return "actor" if _TITLED.match(folded, start) else None


def _people_from(words: list[str]) -> str | None:
    """``"place"`` when the words before a name end with a people noun and من, or with that, one to three words (an
    earlier name) and و: "مقاتلين من", "مرتزقة من تشاد و"."""
    if words and _bare(words[-1]) == "من":
        found = len(words) > 1 and _bare(words[-2]) in _PEOPLE_BEFORE
    else:
        found = (
            bool(words)
            and words[-1] == "و"
            and any(
                _bare(words[i]) == "من" and i > 0 and _bare(words[i - 1]) in _PEOPLE_BEFORE
                for i in range(max(0, len(words) - 5), len(words) - 2)
            )
        )
    return "place" if found else None


def role_of(folded: str, start: int, capital: bool = False) -> str | None:
    """``"actor"``, ``"place"`` or ``None`` for a country or capital written in Arabic, from the word
    before it (with any proclitic: "وفي دمشق" is a place, "واتهمت سوريا" an actor); a ``capital`` that arms are
    sent to is its government ("أرسلت إيران شحنات أسلحة إلى دمشق")."""
    words = _MARK_RX.sub("", folded[max(0, start - 30) : start]).split()  # "دعماً": marks do not count
    # "مقاتلين من تشاد وجمهورية أفريقيا الوسطى": fighters from the countries, not their states; "رسالة من أبوظبي،
    # الراعي الأول لـ": a name with a backer's title in apposition is the actor
    early = _opening_role(folded, start, words) or _people_from(words) or _titled(folded, start)
    if early or not words:
        return early
    if _lam_party(folded, start, words) or (capital and _arms_to(words)):
        return "actor"
    prev = _bare(words[-1])
    if (prev == "من" and _agent_from(words)) or (prev == "مع" and not _bordered(words)) or prev == "جانب":
        return "actor"  # "بالتنسيق مع موسكو" (not "الحدود مع تركيا"); "إلى جانب دمشق": beside it
    if prev == "الي" and len(words) > 1 and _bare(words[-2]) in _AIMED:
        return "actor"  # "الاتهامات الموجهة إلى الإمارات": the accused
    if prev == "علي" and any(_bare(w) in _RELY for w in words[-6:-1]):
        return "actor"  # "يعتمد النظام على موسكو": the one relied on; "متأخرات مستحقة على سوريا": the debtor
    if prev == "في" and _state_in(words):
        return "actor"
    if prev in _PLACE_BEFORE:
        return "place"
    if prev in _PEOPLE_BEFORE:
        return None  # "جماعات سورية مسلحة": the country's name spelled as its adjective, after people
    if (
        prev in _ACTOR_BEFORE
        or any(_OFFICE.match(_bare(w)) for w in words[-2:])  # "وزير المالية السوري": the office holder's state
        or _HEAD_NOUN.match(prev)
        or _listed_adjective(words)  # "الطائرات الروسية والسورية": the second adjective of the same head noun
        or (len(words) > 1 and _bare(words[-2]) in _ACTOR_BEFORE)
        or _accused_after(folded, start)  # "تتهم الحكومة السودانية أبوظبي": the accused
        or _ACCUSE.match(prev) is not None  # "متهما أبوظبي بتزويد": the participle before the accused
    ):
        return "actor"  # "اتهمت سوريا", "اتهمت دمشق أنقرة" (the object after the subject), "لحكومة دمشق", "بدعم دمشق"
    prev = prev[1:] if prev[:1] in "وف" and _VERB_SHAPE.match(prev[1:]) else prev  # "وتعتبر طهران"
    held = re.sub(r"(?:ه|ها|هم|هما)$", "", prev)  # "الذي وفرته موسكو": a verb with its object written on
    prev = held if not _VERB_SHAPE.match(prev) and len(held) >= 3 and _VERB_SHAPE.match(held) else prev
    verb = prev if _VERB_SHAPE.match(prev) else _bare(words[-2]) if len(words) > 1 and not _PLACE.match(prev) else ""
    verb = verb[1:] if verb[:1] in "وف" and _VERB_SHAPE.match(verb[1:]) else verb  # "وتوفر له القاهرة"
    if _VERB_SHAPE.match(verb):  # a verb's subject or object: "جددت موسكو", "شكرت دمشق موسكو"
        motion = verb in _MOTION or (verb[:1] in "سل" and verb[1:] in _MOTION)  # "ستدخل دمشق"
        return None if motion else "actor"  # "الفصائل تدخل دمشق": where they go
    # a proclitic preposition written onto the name itself: "بدمشق" (in Damascus), "لسوريا"
    if start > 0 and folded[start - 1] in "ب" and (start < 2 or not folded[start - 2].isalnum()):
        return "place"
    return None


#: the noun a demonym written in Arabic qualifies, when it says the demonym names no actor: land ("الحدود اللبنانية",
#: the border: a place), people ("اللاجئين السوريين": people) or a role ("حليفه اللبناني": his Lebanese ally, a
#: party other than the state)
_LAND_BEFORE = frozenset(
    "الحدود حدود الاراضي اراضي الساحل سواحل المدن مدن المدينه العاصمه القري البلدات المناطق مناطق المياه "
    "الاجواء اجواء المجال الداخل العمق".split()
)
_PEOPLE_BEFORE = frozenset(
    "اللاجيين اللاجيون لاجيين لاجيون المواطنين المواطنون مواطنين مواطنون النازحين الشعب المدنيين الرعايا "
    "الاسري العمال الطلاب السياح "
    # irregular fighters of a nationality ("جماعات سورية مسلحة", "مقاتلين أفغان", "مرتزقة كولومبيين"): people, not
    # the state (its soldiers, jets and advisers stay the state's: "القوات الروسية", "مستشارين إيرانيين")
    "جماعات الجماعات مجموعات المجموعات فصايل مقاتلين مقاتلون المقاتلين المقاتلون مسلحين مسلحون المسلحين "
    "متطوعين متطوعون المتطوعين مرتزقه المرتزقه جهاديين جهاديون الجهاديين متشددين المتشددين".split()
)
_ROLE_BEFORE = re.compile(r"^(?:حليف|حلفاء|وكيل|وكلاء|ذراع|شريك|شركاء)(?:ه|ها|هم|هما)?$")


def demonym_role(folded: str, start: int) -> str | None:
    """``"place"``, ``"people"`` or ``"qualifier"`` for a demonym written in Arabic after a noun of land, of people
    or of a role (see :data:`_LAND_BEFORE`), or ``None`` when the noun before says nothing."""
    words = _MARK_RX.sub("", folded[max(0, start - 30) : start]).split()
    words = words[:-1] if words and words[-1] in ("ال", "وال", "بال", "لل") else words  # "التشاديين": the article
    if not words:
        return None
    prev = words[-1]
    prev = prev[1:] if prev[:1] in "وفبل" and prev[1:] in _LAND_BEFORE | _PEOPLE_BEFORE else prev
    if prev in _LAND_BEFORE:
        return "place"
    before = words[-2].lstrip("وفبل") if len(words) > 1 else ""
    if (
        prev in _PEOPLE_BEFORE
        or (prev, before) in (("الاعمال", "رجل"), ("الاعمال", "رجال"))
        or (prev == "من" and before in _PEOPLE_BEFORE)
    ):
        return "people"  # "رجل الأعمال الروسي": a businessman of the country; "مرتزقة من التشاديين": men of it
    phrase = re.split(r"[:.،؛()\-\u2013]", folded[max(0, start - 40) : start])[-1]  # not a dateline's "(وكالات)"
    outlets = list(_OUTLET_NOUNS.finditer(phrase))  # the last one's: unless a source is named after it ("عن مصدر")
    if outlets and not _OFFICIAL.search(phrase) and _names_outlet(phrase[outlets[-1].end() :]):
        return "outlet"  # "وكالة الأنباء السعودية", "شبكة سي إن إن الأمريكية", "وكالات أنباء روسية"
    return "qualifier" if _ROLE_BEFORE.match(prev) or _ROLE_BEFORE.match(prev[1:]) else None  # "وذراعها"


def _names_outlet(between: str) -> bool:
    """True when the words between an outlet's noun and a demonym can be the outlet's name ("سي إن إن"): at most
    three, no source named ("عن مصدر"), and no clause opened by "أن" before a verb ("رجحت الشبكة أن تكون أجهزة
    أوكرانية": the demonym is the services')."""
    words = between.split()
    if len(words) > 3 or _SOURCE_AFTER.search(between):
        return False
    return not any(w == "ان" and nxt[:1] in "تي" for w, nxt in zip(words, words[1:]))


#: a news outlet's noun in the words before a demonym: the demonym says whose outlet it is
_OUTLET_NOUNS = re.compile(
    r"(?<![\u0621-\u064a])[وفب]?(?:ال)?(?:وكاله|وكالات|صحيفه|صحف|شبكه|قناه|اذاعه)(?![\u0621-\u064a])"
)
#: a source named after an outlet ("نقلت الشبكة عن مصدر"): the demonym after it is the source's
_SOURCE_AFTER = re.compile(r"(?<![\u0621-\u064a])(?:عن|مصدر|مصادر|مسؤول|مسؤولين|مسؤولون)(?![\u0621-\u064a])")
#: official media are the state's own voice ("وسائل الإعلام الرسمية السورية")
_OFFICIAL = re.compile(r"(?<![\u0621-\u064a])(?:ال)?(?:رسميه|رسمي|حكوميه|حكومي)(?![\u0621-\u064a])")
