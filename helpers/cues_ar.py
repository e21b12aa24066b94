"""The Arabic cue lexicon (``data/cues/support_ar.yaml``): read, validated, folded like the text, and its verbs
inflected by the file's ``morphology`` entry. :mod:`helpers.shapes_ar` reads it to find Arabic backing
statements; the words are data, this module only reads them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import config
from .arabic import MARKS
from .textnorm import fold
from .yamlio import read_yaml

CUES_AR: Path = config.DATA_DIR / "cues" / "support_ar.yaml"
# a proclitic written onto the next word (و ف ب ل ك, with or without the article)
PRE = r"(?:[وف]?(?:لل|[بلك]?(?:ال)?))"
#: object pronouns written onto a verb ("تدعمها أنقرة": the object is the noun before, the subject follows)
OBJECT_PRONOUNS = ("هما", "هم", "ها", "ه")


class CueErrorAr(ValueError):
    """The Arabic cue file is invalid (the message names the file and the reason)."""


@dataclass(frozen=True)
class ArabicCues:
    """The Arabic lexicon, folded, with its compiled patterns."""

    verbs: dict[str, str]  # verb form -> support type
    participles: dict[str, str]
    nouns: dict[str, str]
    transfers: tuple[str, ...]
    materials: dict[str, str]
    with_preps: tuple[str, ...]
    for_preps: tuple[str, ...]
    fight_verbs: tuple[str, ...]
    fight_preps: tuple[str, ...]
    backer_nouns: tuple[str, ...]
    alignment: tuple[str, ...]
    denial: tuple[str, ...]
    negation: tuple[str, ...]
    allegation: tuple[str, ...]
    hypothetical: tuple[str, ...]
    accusation: tuple[str, ...]
    speech: tuple[str, ...]
    describe: tuple[str, ...] = ()  # "التي تصفها دمشق بالداعم": the describer, the role's holder before the relative
    purpose: tuple[str, ...] = ()
    movers: tuple[str, ...] = ()  # "بانتشار الجيش ... لمؤازرتها": a moving force's agent does the purpose
    transfer_nouns: tuple[str, ...] = ()
    pledge: tuple[str, ...] = ()
    stand_verbs: tuple[str, ...] = ()
    stand_preps: tuple[str, ...] = ()  # "وقفت مصر مع الجيش": with a standing verb only
    fight_symmetric: tuple[str, ...] = ()  # "جنبا إلى جنب مع": no direction, the reference orients it
    votes: tuple[str, ...] = ()  # "صوّت لصالحه الأعضاء": voting for a text, not fighting for an actor
    combat_verbs: tuple[str, ...] = ()  # "استعادت قوات النظام ومقاتلو حزب الله القصير": a listed subject's combat
    combat_nouns: tuple[str, ...] = ()  # "غارات روسية وسورية": the same joint action as a noun
    launch_verbs: tuple[str, ...] = ()  # "بدأ الجيش التركي والجيش الوطني عملية": launching an operation together
    operations: tuple[str, ...] = ()  # the operations launched ("عملية", "هجوما")
    join_verbs: tuple[str, ...] = ()
    receive: tuple[str, ...] = ()
    buy: tuple[str, ...] = ()  # "اشترى الجيش مسيرات من إيران": only weapons
    arrival: tuple[str, ...] = ()
    contribute: tuple[str, ...] = ()
    gains: tuple[str, ...] = ()
    owe: tuple[str, ...] = ()  # "يدين الأسد ببقائه لروسيا": owing what one gained to a backer
    owed: tuple[str, ...] = ()
    client_nouns: tuple[str, ...] = ()
    thanks: tuple[str, ...] = ()
    thanks_nouns: tuple[str, ...] = ()  # "أعربت عن شكرها للبلدين على دعمهما"
    thanks_leads: tuple[str, ...] = ()  # "وجّه الشكر لإسرائيل": a verb of directing the thanks noun
    thanks_for: tuple[str, ...] = ()  # "على تدخلها": thanked for more than the support nouns
    provided: tuple[str, ...] = ()  # "تحت غطاء جوي وفرته طائرات التحالف": the cover's provider after the verb
    with_openers: tuple[str, ...] = ()  # "قبل أن": a conjunction opening the clause of a with phrase
    client_within: tuple[str, ...] = ()  # "وكلاء أنقرة في الجيش الوطني": the group the clients are in
    but_for: tuple[str, ...] = ()  # "لولا الدعم الروسي لسقط النظام": a counterfactual
    participation: tuple[str, ...] = ()  # "with the participation of": armed groups only
    with_lookalikes: tuple[str, ...] = ()  # "وقف لإطلاق النار بدعم من تركيا": the ceasefire is backed
    backer_construct: tuple[str, ...] = ()  # "داعمو الأسد الرئيسيون، روسيا وإيران": the client, then the backers
    ally_construct: tuple[str, ...] = ()  # "أبرز حلفاء الأسد وداعميه": allies of a name, then its backers
    backer_and: tuple[str, ...] = ()  # "الممول والمسلح الأول": a second backer noun joined to the first
    humanitarian: tuple[str, ...] = ()  # "بمساعدات إنسانية": aid to people, no backing
    people_aided: tuple[str, ...] = ()  # "لدعم السوريين": the people a sum is for
    sides: tuple[str, ...] = ()  # "بين": the two sides of a fight
    debt_verbs: tuple[str, ...] = ()  # "سداد": paying a debt or a wage bill
    recruit: tuple[str, ...] = ()  # "جنّد الحرس الثوري لاجئين أفغاناً ضمن لواء فاطميون"
    tail_verbs: tuple[str, ...] = ()  # "إبقاء": keeping an actor ...
    stand_in_groups: tuple[str, ...] = ()  # "الكتيبة": a faction by the head noun of its name
    stand_in_pairs: tuple[str, ...] = ()  # "البلدين": the last two states named
    stand_in_men: tuple[str, ...] = ()  # "عناصره": an actor's men, its pronoun written on
    tails: tuple[str, ...] = ()  # "في السلطة": ... in power
    debts: tuple[str, ...] = ()  # "متأخرات", "رواتب": what is paid for the debtor
    record: tuple[str, ...] = ()  # "دعم", "تسليح": strong backing words for the record's reading
    for_losses: tuple[str, ...] = ()  # "خسارة ... لصالح الجيش": lost to the army, not in its favour
    transfer_blockers: tuple[str, ...] = ()  # "ضبطت السلطات شحنة أسلحة": the seizer sends nothing
    double_object: tuple[str, ...] = ()  # "موسكو ستسلم الجيش السوري منظومة": receiver, then what is given
    veto_verbs: tuple[str, ...] = ()  # "استخدمت روسيا حق النقض": a verb whose object is the veto
    vetoes: tuple[str, ...] = ()  # "حق النقض", "الفيتو"
    block_verbs: tuple[str, ...] = ()  # "أحبطت روسيا مشروع قرار": blocking the measure itself
    veto_measures: tuple[str, ...] = ()  # "مشروع قرار"
    veto_against: tuple[str, ...] = ()  # "يدين", "يفرض عقوبات على": what joins the measure to its target

    _built: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def built(self, name: str, build: Callable[[], Any]) -> Any:
        """What ``build()`` gives, computed once per lexicon (the shapes' own patterns and word lists)."""
        got = self._built.get(name)
        if got is None:
            got = self._built[name] = build()
        return got

    def any_cue(self) -> WordFinder:
        """Every cue word of the lexicon, in one pattern (built once)."""
        return self.built("any_cue", self._any_cue)

    def _any_cue(self) -> WordFinder:
        return alt_rx(
            self.receive
            + self.buy
            + self.arrival
            + self.contribute
            + self.owe
            + self.thanks
            + self.thanks_nouns
            + suffixed(self.thanks_nouns)
            + self.recruit
            + self.but_for
            + self.veto_verbs
            + self.block_verbs
            + tuple(self.verbs)
            + tuple(self.participles)
            + tuple(self.nouns)
            + self.transfers
            + self.with_preps
            + self.for_preps
            + self.backer_nouns
            + self.backer_construct
            + suffixed(self.backer_construct)  # "أبرز حلفاء الأسد وداعميه"
            + self.client_nouns
            + self.fight_preps
            + self.join_verbs
            + self.stand_verbs
            + self.combat_verbs
            + self.combat_nouns
            + self.launch_verbs
            + self.debts
            + self.tails
            + tuple(p + q for p in self.fight_preps for q in OBJECT_PRONOUNS)  # "إلى جانبه"
            + with_objects((*self.verbs, *self.transfers))
            + suffixed(tuple(self.nouns))
        )


def with_objects(verbs: tuple[str, ...]) -> tuple[str, ...]:
    """The verbs with an object pronoun written on; a final ى (folded ي) is written ا before it: يرعى -> يرعاها."""
    return tuple(
        form
        for v in verbs
        for p in OBJECT_PRONOUNS
        for form in ((v + p, v[:-1] + "ا" + p) if v.endswith("ي") else (v + p,))
    )


def verb_stem(stem: str, verbs: Mapping[str, str] | frozenset[str]) -> str:
    """A verb as listed from its form before an object pronoun (``يرعا`` of يرعاها -> ``يرعي``)."""
    return stem[:-1] + "ي" if stem.endswith("ا") and stem[:-1] + "ي" in verbs else stem


def suffixed(nouns: tuple[str, ...]) -> tuple[str, ...]:
    """The nouns with an owner pronoun written on, taa marbuta written ت before it: مساندة -> مساندتها."""
    return tuple((n[:-1] + "ت" if n.endswith("ه") else n) + p for n in nouns for p in OBJECT_PRONOUNS)


def fold_word(word: str) -> str:
    return "".join(ch for ch in fold(" ".join(str(word).split())) if ch not in MARKS)


def alt(words: tuple[str, ...] | list[str]) -> str:
    forms = sorted({w for w in words if w}, key=len, reverse=True)
    # a later word may carry the article the first one has ("غطاء جوي" matches "الغطاء الجوي")
    return "|".join(r"\s+(?:ال)?".join(re.escape(p) for p in w.split()) for w in forms) or r"(?!x)x"


@lru_cache(maxsize=256)
def alt_rx(words: tuple[str, ...]) -> WordFinder:
    """The words (each after a proclitic, :data:`PRE`) as one pattern, found the quick way (:class:`WordFinder`)."""
    return WordFinder(words, re.compile(rf"(?<![\u0621-\u064a]){PRE}(?:{alt(words)})(?![\u0621-\u064a])"))


_LETTERS = re.compile(r"[\u0621-\u064a]+")


@lru_cache(maxsize=1 << 16)
def readings(word: str) -> frozenset[str]:
    """What a word of the text may be once :data:`PRE` has taken its proclitic: و/ف, then لل or ب/ل/ك and the
    article (``وبالدعم``: وبالدعم, بالدعم, الدعم, دعم, ...)."""
    out = set()
    for a in (word, word[1:] if word[:1] in "وف" else ""):
        for b in (a, a[2:] if a.startswith("لل") else "", a[1:] if a[:1] in "بلك" else ""):
            out.update((b, b[2:] if b.startswith("ال") else ""))
    out.discard("")
    return frozenset(out)


@lru_cache(maxsize=64)
def _words_of(text: str) -> tuple[list[int], list[int], list[frozenset[str]]]:
    """The starts, ends and :func:`readings` of the words of a text (kept for the text last read)."""
    found = list(_LETTERS.finditer(text))
    return [w.start() for w in found], [w.end() for w in found], [readings(w.group()) for w in found]


@lru_cache(maxsize=64)
def _all_readings(text: str) -> frozenset[str]:
    """Every reading of every word of a text: a pattern none of whose first words is among them finds nothing."""
    return frozenset().union(*_words_of(text)[2])


class WordFinder:
    """A pattern of lexicon words that is tried only where a word of the text, read past its proclitic, is the
    first word of one of them: a set lookup per word instead of a long alternation tried at every character (the
    same matches, as a match can only start where a word starts). ``finditer``, ``search`` and ``match`` take
    the ``pos`` and ``endpos`` of :class:`re.Pattern`."""

    def __init__(self, words: tuple[str, ...], rx: re.Pattern) -> None:
        self.rx = rx
        firsts = {w.split()[0] for w in words if w.split()}
        self.firsts = frozenset(firsts) if all(_LETTERS.fullmatch(f) for f in firsts) else None

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match]:
        if self.firsts is None:
            yield from self.rx.finditer(text, pos, len(text) if endpos is None else endpos)
            return
        if self.firsts.isdisjoint(_all_readings(text)):
            return  # no word of the text opens a lexicon word: nothing to try
        end = len(text) if endpos is None else min(endpos, len(text))
        starts, ends, reads = _words_of(text)
        done = pos
        for k in range(max(bisect_right(starts, pos) - 1, 0), bisect_left(starts, end)):
            a = max(starts[k], pos)
            if a < done or ends[k] <= pos:
                continue
            whole = a == starts[k] and ends[k] <= end  # a word cut by pos or endpos is tried as the pattern sees it
            if whole and self.firsts.isdisjoint(reads[k]):
                continue
            mt = self.rx.match(text, a, end)
            if mt is not None:
                done = mt.end()
                yield mt

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        return next(self.finditer(text, pos, endpos), None)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        return self.rx.match(text, pos, len(text) if endpos is None else endpos)


def _section(doc: dict, name: str, path: Path) -> list[dict]:
    items = doc.get(name) or []
    if not isinstance(items, list) or not all(isinstance(x, dict) for x in items):
        raise CueErrorAr(f"{path}: {name!r} must be a list of entries")
    return [x for x in items if x.get("lang") == "ar"]


def _words(entries: list[dict], key: str, path: Path | str = CUES_AR) -> list[str]:
    """The words of ``key`` in every entry, folded; ``path`` names the file in errors."""
    out = []
    for e in entries:
        val = e.get(key) or []
        if not isinstance(val, list):
            raise CueErrorAr(f"{path}, line {e.get('__line__', '?')}: {key!r} must be a list of words")
        out += [fold_word(w) for w in val]
    return out


#: ArabicCues fields read as one word list of the file: field -> (section, key, inflected as a verb)
_WORD_FIELDS: dict[str, tuple[str, str, bool]] = {
    "participation": ("with_support", "participation", False),
    "but_for": ("with_support", "but_for", False),
    "veto_verbs": ("shield", "veto_verbs", False),
    "vetoes": ("shield", "vetoes", False),
    "block_verbs": ("shield", "block_verbs", False),
    "veto_measures": ("shield", "measures", False),
    "veto_against": ("shield", "against", False),
    "with_lookalikes": ("with_support", "lookalike_heads", False),
    "for_preps": ("for_support", "preps", False),
    "for_losses": ("for_support", "losses", False),
    "fight_verbs": ("fight", "verbs", True),
    "fight_preps": ("fight", "preps", False),
    "backer_nouns": ("backer_nouns", "words", False),
    "backer_construct": ("backer_nouns", "construct", False),
    "ally_construct": ("backer_nouns", "allies_before", False),
    "backer_and": ("backer_nouns", "joined", False),
    "purpose": ("purpose", "words", False),
    "movers": ("purpose", "movers", False),
    "transfer_nouns": ("transfers", "nouns", False),
    "transfer_blockers": ("transfers", "blockers", False),
    "pledge": ("pledge", "verbs", False),
    "stand_verbs": ("fight", "stand", True),
    "join_verbs": ("fight", "join", True),
    "stand_preps": ("fight", "stand_preps", False),
    "fight_symmetric": ("fight", "symmetric", False),
    "votes": ("fight", "votes", True),
    "combat_verbs": ("fight", "combat", True),
    "combat_nouns": ("fight", "combat_nouns", False),
    "launch_verbs": ("fight", "launch", True),
    "operations": ("fight", "operations", False),
    "receive": ("receive", "verbs", True),
    "buy": ("receive", "buy", True),
    "contribute": ("contribute", "verbs", True),
    "gains": ("contribute", "gains", False),
    "owe": ("contribute", "owe", True),
    "owed": ("contribute", "owed", False),
    "client_nouns": ("client_nouns", "words", False),
    "arrival": ("transfers", "arrival", True),
    "thanks": ("thanks", "verbs", True),
    "thanks_nouns": ("thanks", "nouns", False),
    "thanks_leads": ("thanks", "noun_leads", False),
    "thanks_for": ("thanks", "for_words", False),
    "provided": ("with_support", "provided", False),
    "with_openers": ("with_support", "clause_openers", False),
    "client_within": ("client_nouns", "within", False),
    "humanitarian": ("humanitarian", "words", False),
    "people_aided": ("humanitarian", "people", False),
    "debt_verbs": ("debts", "verbs", True),
    "recruit": ("transfers", "recruit", False),
    "tail_verbs": ("object_tails", "verbs", False),
    "stand_in_groups": ("stand_ins", "groups", False),
    "stand_in_pairs": ("stand_ins", "pairs", False),
    "stand_in_men": ("stand_ins", "men", False),
    "tails": ("object_tails", "tails", False),
    "debts": ("debts", "nouns", False),
    "record": ("record", "words", False),
}


@lru_cache(maxsize=4)
def load_cues_ar(path: str | None = None) -> ArabicCues:
    """Read the Arabic cue file (default ``data/cues/support_ar.yaml``).

    Raises:
        CueErrorAr: the file is not a mapping of the expected sections.
    """
    p = Path(path) if path else CUES_AR
    doc, _ = read_yaml(p, CueErrorAr)
    cues = _section(doc, "cues", p)
    typed = lambda key: {fold_word(w): e.get("type", "unspecified") for e in cues for w in (e.get(key) or [])}  # noqa: E731
    morph = (_section(doc, "morphology", p) or [{}])[0]
    materials = {
        fold_word(w): e.get("type", "unspecified") for e in _section(doc, "materials", p) for w in e.get("words") or []
    }
    rel = _section(doc, "relations", p)
    align = [
        fold_word(w)
        for e in rel
        for w in ((e.get("alignment") or {}).get("phrases") or []) + ((e.get("leadership") or {}).get("phrases") or [])
    ]
    mod = _section(doc, "modality", p)
    att = _section(doc, "attribution", p)
    words = {
        field: tuple(inflect(dict.fromkeys(_words(_section(doc, sec, p), key, p), ""), morph))
        if inflected
        else tuple(_words(_section(doc, sec, p), key, p))
        for field, (sec, key, inflected) in _WORD_FIELDS.items()
    }
    return ArabicCues(
        verbs=inflect(typed("verb"), morph),
        participles=typed("participle"),
        nouns=typed("noun"),
        transfers=tuple(inflect(dict.fromkeys(_words(_section(doc, "transfers", p), "verbs", p), ""), morph))
        + tuple(_words(_section(doc, "transfers", p), "nouns", p)),
        materials=materials,
        with_preps=tuple(_words(_section(doc, "with_support", p), "preps", p))
        + tuple(_words(_section(doc, "with_support", p), "participation", p)),
        alignment=tuple(align),
        denial=tuple(_words(mod, "denial", p)),
        negation=tuple(_words(mod, "negation", p)),
        allegation=tuple(_words(mod, "allegation", p)),
        hypothetical=tuple(_words(mod, "hypothetical", p)),
        accusation=tuple(_words(att, "accusation", p)),
        speech=tuple(_words(att, "speech", p)),
        describe=tuple(_words(att, "describe", p)),
        sides=tuple(_words(rel, "sides", p)),
        double_object=tuple(
            inflect(dict.fromkeys(_words(_section(doc, "transfers", p), "double_object", p), ""), morph)
        ),
        **words,
    )


def _numbered(form: str, pre: str, persons: list[str], morph: dict) -> list[str]:
    """The dual and plural present forms of a singular present form (``يمد``: يمدان، تمدان، يمدون)."""
    stem = form[len(pre) :]
    dual, plural = fold_word(morph.get("present_dual", "")), fold_word(morph.get("present_plural", ""))
    out = [p + stem + dual for p in (pre, *persons) if dual and p in (pre, "ت")]
    return out + ([pre + stem + plural] if plural else [])


def inflect(verbs: dict[str, str], morph: dict) -> dict[str, str]:
    """The verb forms with the persons, tenses and moods the ``morphology`` entry derives from them.

    Args:
        verbs: folded third-person forms -> support type (``يدعم``, ``دعم``).
        morph: the ``morphology`` entry (``present_prefix``, ``present_persons``, ``future``,
            ``present_dual``, ``present_plural``, ``subjunctive_plural``, ``past_suffixes``); empty: no change.

    Returns:
        The forms with the derived ones (``ندعم``, ``سيدعم``, ``يدعموا``, ``دعمنا``); a listed form keeps its type.
    """
    if not morph:
        return dict(verbs)
    pre, fut = fold_word(morph.get("present_prefix", "")), fold_word(morph.get("future", ""))
    persons = [fold_word(x) for x in morph.get("present_persons") or []]
    plural, subj = fold_word(morph.get("present_plural", "")), fold_word(morph.get("subjunctive_plural", ""))
    suffixes = [fold_word(x) for x in morph.get("past_suffixes") or []]
    present = tuple(x for x in [pre, *persons] if x and x != "ا")  # ا also opens past forms (ارسل)
    out: dict[str, str] = {}
    for form, type_ in verbs.items():
        if " " in form or len(form) < 3:
            continue
        if form.startswith(present):
            stems = [form]
            if form.startswith(pre) and plural and form.endswith(plural):
                stems.append(form[: -len(plural)] + subj)  # لن يدعموا
            elif form.startswith(pre) and not form.endswith(("ان", plural)):
                stems += [x + form[len(pre) :] for x in persons]  # ندعم، ادعم، تدعم
                stems += _numbered(form, pre, persons, morph)  # يمدان، تمدان، يمدون
            for f in stems:
                out.setdefault(f, type_)
                if fut:
                    out.setdefault(fut + f, type_)  # سيدعم
        elif not form.endswith(tuple(suffixes)):
            for x in suffixes:
                out.setdefault(form + x, type_)  # دعمنا، دعموا
    out.update(verbs)
    return out
