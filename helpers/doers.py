"""Who does what a verb says: its subject, or the subject a purpose, a gerund clause or an accusation points to.

:func:`doer` is shared by the verb shapes (:mod:`helpers.shapes`) and the transfer shapes
(:mod:`helpers.transfershapes`): "Russia moved to send weapons to Assad" (a purpose: the clause's subject),
"By arming the YPG, Washington angered Ankara" (a gerund clause opening the sentence: the main clause's
subject), "the UAE, which Khartoum accuses of arming the RSF" (the accused before ", which").
"""

from __future__ import annotations

import re

from .clauses import Sentence
from .edges import lex_rx, lex_rx_for

__all__ = ["doer", "joined_in", "spent_before", "subject_after_comma", "subject_after_phrase"]


#: a finite verb after a name: the name is the clause's subject
_FINITE_NEXT = re.compile(
    r"(?:\s+[a-z]+)?\s+(?:[a-z]+ly\s+)?(?:has|have|had|is|was|are|were|will|would|could|can|may|[a-z]{3,}ed|took|retook|won|"
    r"held|began|fought|drove|broke|made|led|struck|seized|kept|lost|went|came|said|says)\b"
)


_POSSESSIVE_S = re.compile(r"(?:'s?)?")


def subject_after_comma(s: Sentence, pos: int) -> int | None:
    """The subject of the main clause after the first comma past ``pos`` that a name follows (the first such
    name followed by a finite verb, else the first such name): what an opening phrase is about."""
    # "the forces of Assad", "fighters of the Kurdish-led SDF"
    body = r"(?:(?:forces|troops|army|fighters|government|regime|units)\s+of\s+(?:the\s+)?(?:[a-z]+-[a-z]+\s+)?)?"
    found = None
    for comma in (mt.start() for mt in re.finditer(",", s.f) if mt.start() >= pos):
        k = s.next_index(comma)
        if k >= len(s.m) or not re.fullmatch(rf",\s*(?:the\s+)?{body}", s.f[comma : s.m[k].start]):
            continue
        head = s.head_of(k)
        found = head if found is None else found
        if head is not None and _FINITE_NEXT.match(s.f, s.m[head].end):
            return head  # "Backed by Russian jets, Iranian commanders and Hezbollah, the Syrian army declared"
    return found


def subject_after_phrase(s: Sentence, pos: int) -> int | None:
    """An opening phrase whose comma a scrape dropped ("Backed by Iranian money Assads forces have held the city"):
    the first name within five words after ``pos`` that a finite verb follows."""
    k = s.next_index(pos)
    if k >= len(s.m) or not re.fullmatch(r"(?:'s?)?(?:\s+[a-z-]+){0,5}\s+", s.f[pos : s.m[k].start]):
        return None
    head = s.head_of(k)
    if head is None:
        return None
    owned = _POSSESSIVE_S.match(s.f, s.m[head].end)  # "Assad's government has": past the possessive
    return head if _FINITE_NEXT.match(s.f, owned.end()) else None


#: verbs of phase between "to" and a gerund: the gerund's doer is the purpose's ("urged Chad to stop backing")
_PHASE = "stop|cease|end|halt|quit|keep|continue|resume|start|begin"


def doer(s: Sentence, form: str, span: tuple[int, int], flags: set[str]) -> tuple[list[int], set[str]]:
    """Who does what the verb ``form`` at ``span`` says: its subject; else, for a purpose ("moved to send
    weapons"), a gerund after spending ("spent billions propping up"), a gerund clause opening the sentence or a
    participle after a comma, the clause's subject; else the accused before ", which X accuses of"."""
    a, b = span
    gerund = form.split()[0].endswith("ing")
    backers, flags = _own_subject(s, a, gerund, flags)
    purpose = lex_rx(  # also with a verb of phase before the gerund: "called on Chad to stop backing"
        s,
        "purpose_phase_before",
        lambda al: rf"\b(?:{al('purpose.words')})\s+(?:(?:[a-z]+ly)\s+)?(?:(?:{_PHASE})\s+)?$",
    )
    if backers and purpose.search(s.f[max(0, a - 16) : a]) and s.attacked(backers[0]):
        backers = []  # "it struck government forces to protect the Druze": the forces are struck, the purpose is its'
    hired = None if backers else _hired(s, a)
    hired = _sent_things(s, a) if hired is None and not backers else hired
    hired = _kept_men(s, a) if hired is None and not backers and gerund else hired
    if hired is not None:  # "Colombian mercenaries hired to fight for the RSF": the hired do it, for their hirer
        return hired, flags
    if (
        not backers
        and (purpose.search(s.f[max(0, a - 16) : a]) or (gerund and spent_before(s, a)))
        and not _PASSIVE_PURPOSE.search(s.f, max(0, a - 40), a)
    ):
        c0 = _accused_doer(s, a)  # "accuses the UAE of sending mercenaries to fight for the RSF": the UAE
        c0 = _addressed(s, a) if c0 is None else c0  # "called on Chad to stop allowing ... to ferry": Chad
        c0 = _intent_owner(s, a) if c0 is None else c0  # "Kremlin denounces Pentagon plan to arm": the US
        if c0 is None and (_opposed_intent(s, a) or _addressed_unnamed(s, a)):
            return [], flags  # "Russia opposed the plan to arm the rebels", "persuading allies to arm": not them
        sent = _SENT_BEFORE.search(s.f, max(0, a - 70), a) if c0 is None else None
        c0 = next(iter(s.subject_before(sent.start(1))), None) if sent else c0  # "whose JEM has sent fighters to"
        c0 = s.relative_subject(a) if c0 is None else c0
        c0 = s.clause_subject(a) if c0 is None else c0
        c0 = None if c0 is not None and not _not_an_earlier_object(s, [c0], a) else c0
        if c0 is None:  # "Nato chief: west must brace to support Ukraine": not across a colon
            c0 = s.clause_subject(a, whole=True)
            c0 = None if c0 is not None and ":" in s.f[s.m[c0].end : a] else c0
        if c0 is not None and _THAT_SUBJECT.search(s.f, s.m[c0].end, a):
            c0 = None  # "officials estimate that some 500 Britons have gone to fight for": the Britons', not theirs
        if c0 is not None:  # "Minnawi, Gibril movements drop neutrality to fight": the list the subject ends too
            backers, flags = sorted(set(s.coordinated_back(c0) + s.coordinated_fwd(c0))), flags | {"clause_subject"}
    sent = None if backers else _SENT_PASSIVE.search(s.f, max(0, a - 40), a)
    if sent:  # "when RSF troops were sent to fight for the LNA": those sent do the purpose
        backers = s.subject_before(sent.start())
    if not backers:
        backers, flags = _gerund_opener(s, form, (a, b), flags)
    if not backers:
        backers = _accused_antecedent(s, a)
    c0 = _participle_subject(s, a) if not backers and gerund else None
    if c0 is not None:
        backers, flags = s.coordinated_fwd(c0), flags | {"clause_subject"}
    return backers, flags


#: "in" between the actor joined and the gerund; the verb of joining before the actor
_IN_BEFORE = re.compile(r"\s+in\s+$")
_JOIN_BEFORE = re.compile(r"\bjoin(?:s|ed|ing)?\s+(?:the\s+)?$")


def joined_in(s: Sentence, a: int) -> list[int]:
    """``Russia has joined China in vetoing``: the joiner and the joined both do the gerund at ``a``."""
    k = s.prev_index(a)
    if k < 0 or not _IN_BEFORE.fullmatch(s.f, s.m[k].end, a):
        return []
    first = s.coordinated_back(k)[0]
    join = _JOIN_BEFORE.search(s.f, max(0, s.m[first].start - 20), s.m[first].start)
    if join is None:
        return []
    return sorted(set(s.subject_before(join.start()) + s.coordinated_back(k)))


def _own_subject(s: Sentence, a: int, gerund: bool, flags: set[str]) -> tuple[list[int], set[str]]:
    """The subject of the verb at ``a`` (not an earlier infinitive's object; for a gerund, not the object before
    it; "found complicit ... by arming": who is found so; "joined China in vetoing": both)."""
    joined = joined_in(s, a) if gerund else []
    if joined:
        return joined, flags
    backers = _not_an_earlier_object(s, s.subject_before(a), a)
    if backers and gerund:
        backers, flags = _object_before_participle(s, backers, a, flags)
    if gerund and (k := _blamed_by(s, a)) is not None:
        backers = s.coordinated_back(k)  # "asked the court to find the UAE complicit in genocide by arming the RSF"
    return backers, flags


#: a second infinitive: "to form a coalition and to arm", "to form a coalition and arm"
_SECOND_INFINITIVE = re.compile(r"\s*,?\s+and\s+(?:to\s+)?")
#: an infinitive's object before it: "to form an international anti-IS coalition"
_INFINITIVE_OBJECT = re.compile(r"\bto\s+[a-z]+\s+(?:(?:the|a|an|its|their|his|her)\s+)?(?:[\w-]+\s+){0,3}?$")


def _not_an_earlier_object(s: Sentence, backers: list[int], a: int) -> list[int]:
    """The subject found before the verb at ``a``, unless it is the object of an infinitive coordinated with it ("his
    decision to form a coalition and to arm the opposition": the coalition arms no one; the purpose shape then finds
    who decided)."""
    if not backers:
        return backers
    last = s.m[max(backers)]
    if _SECOND_INFINITIVE.fullmatch(s.f, last.end, a) and _INFINITIVE_OBJECT.search(
        s.f, max(0, last.start - 60), last.start
    ):
        return []
    return backers


def _participle_subject(s: Sentence, a: int) -> int | None:
    """Whose doing a participle at ``a`` with no subject of its own tells: the sentence's subject after a denial
    that opens a headline's second clause ("UAE says it does not recognise the decision, denies arming RSF"), the
    clause's subject after a comma or a time phrase ("Russian forces entered the war in 2015(,) backing the
    regime")."""
    if _denied_after_comma(s, a):
        return s.clause_subject(a, whole=True)
    k = s.prev_index(a)
    k = k - 1 if k > 0 and s.m[k].via == "demonym" else k  # "Hezbollah, a Lebanese movement fighting": the movement
    if (
        k >= 0
        and _APPOSED_PARTICIPLE.fullmatch(s.f, s.m[k].end, a)
        and s.head_of(k) == k
        # "the rebellion against Assad, paying ...": a preposition's object right before the comma pays nothing
        and not (s.preceded_by_preposition(k) and re.fullmatch(r"\s*,\s*", s.f[s.m[k].end : a]))
    ):
        return k  # "Hezbollah, now fighting alongside", "Iraqi militias, many of them fighting alongside": the name
    if re.search(r",\s*$", s.f[max(0, a - 3) : a]) or s.g.time_end.search(s.f, max(0, a - 50), a):
        return s.clause_subject(a)
    return None


#: an aside opened right after a name that a participle ends: "Hezbollah, now fighting", "the Joint Forces, former
#: rebels now fighting", "Iraqi militias, many of them fighting" (the name is the participle's subject)
_APPOSED_PARTICIPLE = re.compile(
    r"\s*,\s*(?:(?:a|an|the)\s+)?(?:(?!(?:which|who|whom|whose|that|and|but|or|while|as|after|when|since|if|"
    r"said|says|say|told|reported)\b)[a-z-]+\s+){0,4}?(?:(?:many|some|most|all|several|hundreds|thousands)\s+of\s+"
    r"(?:them|whom)\s+)?(?:(?:now|still|already|also|reportedly|mostly|mainly)\s+)?"
)


#: a "that" clause with a subject of its own (not a pronoun) and its auxiliary: whose purpose follows is its
_THAT_SUBJECT = re.compile(
    r"\bthat\s+(?!(?:it|they|he|she|we)\b)(?:[\w,.-]+\s+){1,9}?(?:have|has|had|are|were|is|was|will|would|could|can|"
    r"may|might)\b"
)


#: what an actor is found or held to be by doing something: "the UAE complicit in genocide by arming"
_BLAMED_BY = re.compile(
    r"\s+(?:(?:is|was|are|were|be|being|to\s+be)\s+)?(?:complicit|responsible|guilty|culpable|implicated)\b"
    r"(?:\s+[\w'-]+){0,6}?\s+by\s+(?:[a-z]+ly\s+)?$"
)


#: those sent before a purpose ("when RSF troops were sent to fight for the LNA"): the passive's subject does it
_SENT_PASSIVE = re.compile(
    r"\b(?:being|been|were|was|are|is)\s+(?:[a-z]+ly\s+)?(?:flown|sent|brought|shipped|bused|bussed|recruited|hired|"
    r"lured|trucked|smuggled|deployed|dispatched|transported)(?:\s+(?:in|back|over|out))?\s+to\s+$"
)
#: a thing's use before a purpose ("an airstrip believed to be used to move weapons"): no actor does it; and those
#: sent ("mercenaries who it said had been flown in to fight for"): the ones sent do the purpose, not the speaker
_PASSIVE_PURPOSE = re.compile(
    r"\b(?:is|are|was|were|being|been)\s+(?:[a-z]+ly\s+)?(?:used|meant|designed|intended|needed|required)\s+to\s+$|"
    + _SENT_PASSIVE.pattern
)
#: a verb of sending and what it sends before a purpose: "has sent thousands of fighters to battle": its subject
_SENT_BEFORE = re.compile(
    r"\b(sent|sends|send|sending|dispatched|deployed|mobilised|mobilized|committed)\s+(?:[\w,-]+\s+){1,6}?to\s+$"
)


def _hired(s: Sentence, a: int) -> list[int] | None:
    """``mercenaries hired to fight for the RSF``, ``fighters recruited by Iran to defend Assad``: people a participle
    says were hired before a purpose at ``a`` do it; they stand for the hirer named after "by" (else for no actor).
    None when no such people stand before ``a``."""
    rx = lex_rx(
        s,
        "hired_people",
        lambda al: (
            rf"\b(?:{al('people_nouns.words')})\s+(?:{al('grammar.hired')})"
            r"(?:\s+by\s+([^,;]{1,60}?))?\s+to\s+$"
        ),
    )
    mt = rx.search(s.f, max(0, a - 100), a)
    if mt is None:
        return None
    if mt.group(1) is None:
        return []
    return s.object_after(mt.start(1) - 1)


#: a word before a sending participle that is a verb's, not a noun's: "were sent to" (see ``_SENT_PASSIVE``)
_NOT_A_NOUN = frozenset("is are was were be been being has have had who which that and or also then".split())


def _sent_things(s: Sentence, a: int) -> list[int] | None:
    """``Russian jets sent to support Assad``, ``coalition strikes called in to defend the SDF``: a noun and a sending
    participle before a purpose at ``a``; the noun's own actor (a name it is or that qualifies it) does it, else the
    sender after "by", else no actor. None when no such participle stands before ``a``."""
    rx = lex_rx(
        s,
        "sent_things",
        lambda al: rf"\b([a-z][a-z-]*)\s+(?:{al('grammar.sent')})(?:\s+by\s+([^,;]{{1,60}}?))?\s+to\s+$",
    )
    mt = rx.search(s.f, max(0, a - 100), a)
    if mt is None or mt.group(1) in _NOT_A_NOUN or mt.group(1).endswith("ly"):
        return None
    k = s.prev_index(mt.end(1))
    if k >= 0 and s.m[k].end >= mt.start(1) - 1:
        return s.coordinated_back(k)  # "Russian jets", "coalition strikes", "Iranian and Iraqi militiamen"
    return s.object_after(mt.start(2) - 1) if mt.group(2) else []


def _kept_men(s: Sentence, a: int) -> list[int] | None:
    """``Hezbollah has thousands of fighters in Syria defending the Assad government``, ``Russia keeps 5,000 troops
    there protecting Assad``: the subject of a verb of having men (somewhere) does the gerund at ``a`` they do. None
    when no such verb and men stand right before ``a``."""
    rx = lex_rx(
        s,
        "kept_men",
        lambda al: (
            rf"\b(?:{al('grammar.keeps')})\s+(?:[\w,.-]+\s+){{0,4}}?(?:{al('grammar.armed_men')})"
            r"(?:\s+(?:in|inside|across|near|at|on\s+the\s+ground\s+in)(?:\s+[\w-]+){1,3}?|\s+there|\s+still)?\s+$"
        ),
    )
    mt = rx.search(s.f, max(0, a - 100), a)
    return (s.subject_before(mt.start()) or None) if mt else None


def _accused_doer(s: Sentence, a: int) -> int | None:
    """The accused of ``accuses X of <doing> ... to <verb at a>``: X does what the purpose says."""
    k = s.prev_index(a)
    while k >= 0 and s.m[k].end > a - 120:
        if s.g.accused_of.search(s.f, max(0, s.m[k].start - 60), s.m[k].start) and re.search(
            r"\bof\s+[a-z]+ing\b", s.f[s.m[k].end : a]
        ):
            return k
        k -= 1
    return None


def _addressed(s: Sentence, a: int) -> int | None:
    """The one called on, urged or asked (``purpose.addressed``) to do what leads to the verb at ``a``: the name
    right after such a verb and followed by "to", in the clause before ``a``."""
    rx = lex_rx_for(s, "addressed", "purpose.addressed", lambda al: rf"\b(?:{al('purpose.addressed')})\s+(?:the\s+)?$")
    k = s.prev_index(a)
    while k >= 0 and s.m[k].end > a - 120:
        if rx.search(s.f, max(0, s.m[k].start - 30), s.m[k].start) and re.match(
            r"\s+to\b[^,;:]*$", s.f[s.m[k].end : a]
        ):
            return k
        k -= 1
    return None


def _addressed_unnamed(s: Sentence, a: int) -> bool:
    """Someone no actor names called on, urged or persuaded (``purpose.addressed``) to do what leads to the verb at
    ``a`` ("persuading the new president to stand by Nato", "pressing its allies to arm the rebels"): the one addressed
    does it, so the clause's subject does not."""
    rx = lex_rx_for(
        s,
        "addressed_unnamed",
        "purpose.addressed",
        lambda al: (  # "asks Congress for money to train": what is asked for serves the asker
            rf"\b(?:{al('purpose.addressed')})\s+(?:(?!(?:{al('grammar.prepositions')})\b)[\w'-]+\s+){{1,4}}?to\s+"
            rf"(?:[a-z]+\s+){{0,2}}?$"
        ),
    )
    return _unnamed_before(s, rx.search(s.f, max(0, a - 80), a), a)


def _unnamed_before(s: Sentence, mt: re.Match | None, a: int) -> bool:
    """True when the phrase ``mt`` matched before ``a`` and no actor is named from its start up to ``a``."""
    return mt is not None and not any(mt.start() <= x.start < a for x in s.m)


def _denied_after_comma(s: Sentence, a: int) -> bool:
    """``..., denies arming RSF``: a denial verb opening a clause after a comma, with no subject of its own, then
    the gerund at ``a`` (a headline's second verb: its subject is the headline's)."""
    rx = lex_rx(s, "denied_after_comma", lambda al: rf"(?:,|\band)\s+(?:{al('modality.denial')})\s+$")
    return rx.search(s.f, max(0, a - 40), a) is not None


def _blamed_by(s: Sentence, a: int) -> int | None:
    """The actor found or held complicit, responsible or guilty by the gerund at ``a``, named just before the
    adjective (``held Iran responsible for the attacks by arming``)."""
    k = s.prev_index(a)
    while k >= 0 and s.m[k].end > a - 90:
        if _BLAMED_BY.fullmatch(s.f, s.m[k].end, a):
            return k
        k -= 1
    return None


def _object_before_participle(s: Sentence, backers: list[int], a: int, flags: set[str]) -> tuple[list[int], set[str]]:
    """``Russia has courted Burhan, offering weapons to the army``: a participle set off by a comma after a verb's
    object tells what the clause's subject does (its subject followed by a finite verb), not the object."""
    if not re.fullmatch(r"\s*,\s*(?:[a-z]+ly\s+)?", s.f[s.m[backers[-1]].end : a]):
        return backers, flags
    c0 = s.clause_subject(a)
    if c0 is None or c0 >= backers[0] or not _FINITE_NEXT.match(s.f, s.m[c0].end):
        return backers, flags
    return s.coordinated_fwd(c0), flags | {"clause_subject"}


def _intent_owner(s: Sentence, a: int) -> int | None:
    """``Washington's decision to arm the YPG``, ``Turkey's offer to train the new army``, ``the EU decision to arm
    the rebels`` (the name right before the noun): the owner of an intent noun right before "to" and the verb at
    ``a``."""
    k = s.prev_index(a)
    rx = lex_rx(
        s,
        "intent_owner",
        lambda al: (
            rf"(?:'s?\s+(?:[a-z-]+\s+){{0,2}}?|\s+)(?:{al('grammar.intent_nouns')})\s+(?:not\s+)?to\s+"
            rf"(?:[a-z]+ly\s+)?(?:help\s+)?"
        ),
    )
    return k if k >= 0 and rx.fullmatch(s.f, s.m[k].end, a) else None


def _opposed_intent(s: Sentence, a: int) -> bool:
    """``Russia opposed the plan to arm the rebels``, ``Ankara's objection to any move to train the YPG``: an
    ownerless intent noun before "to" and the verb at ``a``, set against by the verb before it."""
    rx = lex_rx(
        s,
        "intent_opposed",
        lambda al: (
            rf"\b(?:{al('grammar.intent_opposed')})\s+(?:[a-z]+ly\s+)?(?:(?:the|a|an|any|this|that)\s+)?(?:[a-z-]+\s+){{0,2}}?"
            rf"(?:{al('grammar.intent_nouns')})\s+(?:not\s+)?to\s+(?:[a-z]+ly\s+)?(?:help\s+)?$"
        ),
    )
    return _unnamed_before(s, rx.search(s.f, max(0, a - 90), a), a)


def _accused_antecedent(s: Sentence, a: int) -> list[int]:
    """``the UAE, which Khartoum accuses of arming the RSF``, ``Iran, accused by Britain of shipping oil to``: the
    name before ``, which`` or the participle is the accused, whoever accuses it (the accuser need not be a tagged
    actor: an outlet, a capital out of use, a person)."""
    rx = lex_rx(
        s,
        "accused_which",
        lambda al: (
            rf",\s*(?:(?:which|whom|who)\s+(?:[\w'-]+\s+){{1,4}}?(?:{al('attribution.accusation')})|"
            # the participle, its accuser after "by": "Iran, accused by Britain of shipping oil to"
            rf"(?:(?:long|often|repeatedly|widely|[a-z]+ly)\s+)?(?:accused|suspected)\s+by\s+(?:[\w'.-]+\s+){{1,6}}?)"
            rf"\s*of\s+(?:(?:{s.g.vg_item})\s+){{0,2}}$"
        ),
    )
    mt = rx.search(s.f, max(0, a - 80), a)
    if not mt:
        return []
    k = s.prev_index(mt.start())
    if k < 0 or not s.g.reduced_relative_gap.match(s.gap(s.m[k].end, mt.start()) + " "):
        return []
    return s.coordinated_back(k)


def _gerund_opener(s: Sentence, form: str, span: tuple[int, int], flags: set[str]) -> tuple[list[int], set[str]]:
    """``By arming the YPG, Washington angered Ankara``, ``In choosing to arm the YPG, the administration ...``: a
    gerund clause opening the sentence; its subject is the main clause's, after the comma past its object."""
    a, b = span
    opener = lex_rx(
        s,
        "gerund_opener",
        lambda al: rf"^\W*(?:{al('grammar.gerund_openers')})\s+(?:[a-z]+ly\s+)?([a-z]+ing\s+to\s+)?$",
    )
    mt = opener.match(s.f[:a])
    if not mt or not (mt.group(1) or form.split()[0].endswith("ing")):
        return [], flags
    clients = s.object_after(b)
    k = subject_after_comma(s, s.m[clients[-1]].end) if clients else None
    if k is None or k in clients:
        return [], flags
    return s.coordinated_fwd(k), flags | {"clause_subject"}


def spent_before(s: Sentence, pos: int) -> bool:
    """Whether spending (``spent billions``) stands before a gerund at ``pos`` (:func:`spent_rx`)."""
    return spent_rx(s).search(s.f, max(0, pos - 12 * s.g.lex.windows["spent_gap_words"]), pos) is not None


def spent_rx(s: Sentence) -> re.Pattern:
    """``spent $30bn`` before a gerund: what the money or effort went on (``spent billions keeping Assad``), as
    many as the ``spent_gap_words`` window between."""
    n = s.g.lex.windows["spent_gap_words"]
    return lex_rx_for(
        s, "gerund_before", "purpose.gerund", lambda a: rf"\b(?:{a('purpose.gerund')})\s+(?:[\w$.,-]+\s+){{0,{n}}}$"
    )
