"""How a sentence holds a backing statement (asserted, alleged, possible, denied) and who it says claims it.

- ``denied``: a denial (``Iran denies arming the Houthis``) or a negation in the statement's verb group
  (``has not armed``, ``no longer backs``, ``stopped funding``); ``negated`` is then true;
- ``alleged``: an accusation or report (``accused Turkey of arming``, ``reportedly funded``, ``is believed
  to back``, ``according to activists``);
- ``possible``: a hypothetical (``may back``, ``is considering arming``, ``ready to help``);
- ``asserted``: otherwise.

``attributed_to`` names who the sentence says makes the claim when it is not the writer: the accuser
(``Syria accused Turkey of ...``: the Syrian state), the speaker before or after the statement
(``Putin said Russia would ...``, ``..., the Pentagon said``), the source after ``according to``; an
actor id when the claimant is a tagged actor, else a short lower-case label (``activists``,
``officials``). Empty when the writer asserts it. The cue words come from the lexicon's ``modality``
and ``attribution`` sections.
"""

from __future__ import annotations

import re

from .clauses import Sentence
from .shapes import Edge

_VERBAL = {"verb", "transfer", "fight", "thanks", "receive"}


def _rx(s: Sentence, name: str, build) -> re.Pattern:
    return s.g.lex.rx(name, lambda: build(s.g.lex.alt))


def _scope(s: Sentence, e: Edge) -> tuple[int, int]:
    """The statement's clause: from the clause start before its first slot to the cue's end."""
    first = min(s.m[e.b].start, s.m[e.c].start, e.cue_start)
    return s.clause_start(first), max(e.cue_end, s.m[e.b].end, s.m[e.c].end)


#: "the end of" after a preposition of time: when something happened, not an ending
_TIME_END = re.compile(r"\b(?:at|by|until|till|before|after|towards?|from|since|near|around)\s+the\s+end\s+of\b")


#: a verb and its object noun phrase between a backer and its support noun (no clause break, a few words)
_NOUN_OBJECT = re.compile(r"\s+(?:[\w$.'-]+\s+){1,8}")


def _verb_group(s: Sentence, e: Edge) -> str:
    """The words between the backer (or the client of a passive) and the cue, else the few before the cue; a time
    "at the end of" blanked ("captured at the end of last year in an offensive assisted by" ends nothing)."""
    b = s.m[e.b]
    if e.shape == "compound":
        return ""  # "vowed to crush the US-backed YPG": the compound names what is, the verb before is another's
    f = _TIME_END.sub(lambda mt: " " * len(mt.group(0)), s.f) if " end of" in s.f else s.f
    if e.shape in _VERBAL and b.end <= e.cue_start:
        return f[b.end : e.cue_start]
    if e.shape == "noun" and b.end <= e.cue_start and _NOUN_OBJECT.fullmatch(f, b.end, e.cue_start):
        return f[b.end : e.cue_start]  # "Washington has suspended $700 million in economic assistance to"
    c = s.m[e.c]
    if e.shape == "passive" and c.end <= e.cue_start:
        return f[c.end : e.cue_start]
    return f[max(0, e.cue_start - 30) : e.cue_start]


def modality(s: Sentence, e: Edge) -> tuple[str, bool]:
    """The modality of one edge and whether it is negated."""
    lo, hi = _scope(s, e)
    scope = _without_asides(s.f[lo:hi], e.cue_start - lo)
    group = _without_asides(_verb_group(s, e), -1)  # "X, which dropped its neutrality, now fights alongside"
    deny = _rx(s, "mod_deny", lambda a: rf"\b(?:{a('modality.denial')})\b")
    # "n't" is written onto its verb ("didn't", "won't"): no word boundary before it
    # "could end up helping" is no ending: a negation word before "up" (or "only") is another verb
    neg = _rx(s, "mod_neg", lambda a: rf"(?<!not only)(?:\b(?:{a('modality.negation')})\b|n't\b)(?!\s+(?:only|up)\b)")
    alleged = _rx(  # not "claimed the town", "claimed responsibility": a verb of doing
        s, "mod_alleged", lambda a: rf"\b(?:{a('modality.allegation')})\b(?!\s+(?:{a('attribution.speech_objects')})\b)"
    )
    hypo = _rx(s, "mod_hypo", lambda a: rf"\b(?:{a('modality.hypothetical')})\b")
    after = s.f[hi : hi + 60]
    lead = s.f[max(0, lo - 20) : lo]  # "claimed that ...", "denied that ...": the clause's own introduction
    if _urged(s, e, _STOP):  # "called on Chad to stop backing the RSF": the call says Chad backs it
        return "alleged", False
    if "counterfactual" in e.flags:  # "would not have survived without Iran": the support was there
        return ("alleged" if alleged.search(scope) or alleged.search(lead) else "asserted"), False
    if (
        deny.search(scope)
        or deny.search(lead)
        # "rejects Hemedti claim that its jets bombed the RSF and that it armed": the claim's clauses are denied
        or s.g.rejected_claim.search(s.f, max(0, lo - 160), lo)
        or _negated(s, neg, group, s.f[e.cue_start : e.cue_start + 60])
        or re.match(r"\s*-?\s*(?:no|non)\b", s.f[e.cue_start - 4 : e.cue_start])
        or _no_before(s, e)
        or s.f.startswith(" neither ", e.cue_end)  # "was arming neither the army nor the RSF"
    ):
        return "denied", True
    if (
        alleged.search(scope)
        or alleged.search(lead)
        or alleged.search(_tail_clause(after))
        or _third_party_source(s, e)
    ):
        return "alleged", False
    if hypo.search(group) or _urged(s, e) or _QUESTION.match(s.f):
        return "possible", False
    return "asserted", False


def _no_before(s: Sentence, e: Edge) -> bool:
    """``receive no U.S. support``, ``got no Iranian military aid``: "no" before the cue, past the backer's own
    mention and the support noun's modifiers (``support_nouns.modifiers``) between."""
    b = s.m[e.b]
    lo = max(0, e.cue_start - 40)
    pre = s.f[lo : e.cue_start]
    if " no " not in pre and not pre.startswith("no "):
        return False
    if lo <= b.start and b.end <= e.cue_start:
        pre = pre[: b.start - lo] + " " * (b.end - b.start) + pre[b.end - lo :]
    rx = s.g.lex.rx("mod_no_before", lambda: re.compile(rf"\bno\s+(?:(?:{s.g.modifiers})\s+)*$"))
    return rx.search(pre) is not None


#: a yes-no question ("Should the EU agree to arm Syrian rebels?", "Will Turkey send troops?"), with a headline's
#: byline after a bar ("? | Jonathan Steele"): nothing asserted
_QUESTION = re.compile(
    r"\W*(?:should|will|would|could|can|may|might|must|shall|is|are|was|were|does|do|did|has|have|had)\b[^?]*\?"
    r"(?:\s*\|[^?|]*)?\W*$"
)


#: between an urged backer and its cue: "to", or "to stop" (what it is asked to stop, it does)
_TO = re.compile(r"\s+to\s+")
_STOP = re.compile(r"\s+to\s+(?:stop|cease|end|halt|quit)\s+")


def _urged(s: Sentence, e: Edge, gap: re.Pattern = _TO) -> bool:
    """``urged Britain to arm the rebels``, ``persuading Donald Trump to stand by Nato``: the backer is the object of a
    verb of urging or persuading, then "to" and the cue: what it is asked to do, not what it does (with ``_STOP``:
    asked to stop doing it)."""
    b = s.m[e.b]
    return (
        b.end <= e.cue_start
        and gap.fullmatch(s.f[b.end : e.cue_start]) is not None
        and s.g.control_before.search(s.f, max(0, b.start - 30), b.start) is not None
    )


#: a relative clause set off by commas ("The UAE, which denies arming either side, is the RSF's main backer")
_RELATIVE_ASIDE = re.compile(r",\s*(?:which|who)\s[^,;:()]{1,80},")


def _without_asides(scope: str, cue: int) -> str:
    """The scope with the relative clauses set off by commas blanked, save the one holding the cue at ``cue``: what
    they say of an actor ("which denies arming either side") is not said of the statement."""
    return _RELATIVE_ASIDE.sub(lambda m: m.group(0) if m.start() <= cue < m.end() else " " * len(m.group(0)), scope)


def _negated(s: Sentence, neg: re.Pattern, group: str, tail: str) -> bool:
    """A negation word in the verb group, unless it is also a giving verb with a named material after it (in the
    group or the ``tail`` from the cue on): "dropped weapons to the YPG" is an airdrop, "dropped its support" or
    "dropped support for" a negation."""
    giving = s.g.lex.words.get("transfers.verbs", ())
    mat = _rx(
        s,
        "mod_material_after",
        lambda a: rf"\s+(?!(?:{a('grammar.possessives')})\b)(?:[\w$.,-]+\s+){{0,2}}?({a('materials.words')})\b",
    )
    kinds = s.g.lex.types["material"]
    for mt in neg.finditer(group):
        if _own_conjunct(s, mt.group(0), group[mt.end() :], tail):
            continue
        given = mt.group(0) in giving and mat.match(group + tail, mt.end())
        if not given or kinds.get(given.group(1), "unspecified") == "unspecified":
            return True
    return False


def _own_conjunct(s: Sentence, word: str, rest: str, tail: str) -> bool:
    """A negating verb whose clause ends before the cue's: "dropped its caution and now fights alongside" (the cue
    is the next verb of the subject), not "did not train and arm" (an adverb of negation shares the verb group)
    nor "stopped arming and training" (gerunds both under the verb)."""
    g = s.g.lex.words
    function_words = s.g.lex.built(
        "function_words",
        lambda: frozenset(
            w for k in ("grammar.adverbs", "grammar.auxiliaries", "grammar.prepositions") for w in g.get(k, ())
        ),
    )
    if word in function_words or " " in word or re.match(r"\s*\w+ing\b", tail):
        return False
    adverbs = _rx(s, "mod_conjunct", lambda a: rf"(?:,\s*|\s+)(?:and|but)\s+(?:(?:{a('grammar.adverbs')})\s+)*$")
    return adverbs.search(rest) is not None


def _third_party_source(s: Sentence, e: Edge) -> bool:
    """``..., according to Turkish officials``: a party other than the backer and the client vouches for it."""
    src = _according(s, e)
    return bool(src) and src not in (s.m[e.b].entity, s.m[e.c].entity)


def _tail_clause(after: str) -> str:
    """``..., the ministry alleged.``: the words after a statement up to the next stop."""
    m = re.match(r"\s*,([^.;:]{0,60})", after)
    return m.group(1) if m else ""


def attribution(s: Sentence, e: Edge) -> str:
    """Who the sentence says makes the claim: an actor id, a short label, or ``""`` (the writer)."""
    lo, hi = _scope(s, e)
    first = min(s.m[e.b].start, s.m[e.c].start, e.cue_start)
    return (
        _accuser(s, e, lo)
        or _speaker_before(s, e, lo, first)
        or _according(s, e)
        or _after_speaker(s, e, hi)
        or _noun_speaker(s, first)
    )


def _accuser(s: Sentence, e: Edge, lo: int) -> str:
    """``Syria accused Turkey of arming``, ``Turkey, which Tehran has accused of backing``, ``Qatar was accused
    by Syria of funding``: the accuser."""
    acc = _rx(s, "att_acc", lambda a: rf"\s*(?:(?:{s.g.vg_item})\s+)*?(?:{a('attribution.accusation')})\b")
    for k, mk in enumerate(s.m):
        if mk.end > e.cue_start:
            break
        if k in (e.b, e.c) or mk.start < lo - 80:
            continue
        # the accuser after "accused by" (the grammar's passive accusation, as the backer was found)
        if acc.match(s.f, mk.end, e.cue_start) or (k and s.g.accused_by.match(s.gap(s.m[k - 1].end, mk.start))):
            return mk.entity
    return ""


def _speaker_before(s: Sentence, e: Edge, lo: int, first: int) -> str:
    """``Putin said Russia would ...``, ``Syria's foreign ministry says Turkey ...``: the nearest speaker."""
    speech = _rx(
        s,
        "att_speech",
        lambda a: (
            rf"(?:'s?(?:\s+[a-z-]+){{1,2}})?\s*,?\s*(?:(?:{s.g.vg_item})\s+)*?"
            rf"(?:{a('attribution.speech')})\b"
        ),
    )
    found = ""
    for k, mk in enumerate(s.m):
        if mk.end > first:
            break
        if k not in (e.b, e.c) and speech.match(s.f, mk.end, first):
            found = mk.entity
    return found


def _according(s: Sentence, e: Edge) -> str:
    """``according to the Syrian Observatory`` (an actor), ``according to activists`` (a label)."""
    according = _rx(s, "att_according", lambda a: rf"\b(?:{a('attribution.according')})\s+(?:the\s+)?")
    for mt in according.finditer(s.f):
        k = s.next_index(mt.end())
        if k < len(s.m) and s.m[k].start - mt.end() <= 1 and k not in (e.b, e.c):
            return s.m[k].entity
        label = _speaker_label(s, mt.end())
        if label:
            return label
    return ""


def _speaker_label(s: Sentence, pos: int) -> str:
    rx = _rx(
        s,
        "att_label",
        lambda a: (
            rf"(?:(?:a|an|the|some|local|western|senior|unnamed)\s+)?"
            rf"({a('attribution.speakers')})\b"
        ),
    )
    mt = rx.match(s.f, pos)
    return mt.group(1) if mt else ""


def _after_speaker(s: Sentence, e: Edge, hi: int) -> str:
    """``..., the Pentagon said.``, ``..., said Syria's foreign ministry``, ``..., activists said``."""
    tail = re.match(r"\s*,\s*", s.f[hi : hi + 4])
    if not tail:
        return ""
    start = hi + tail.end()
    speech = _rx(s, "att_post", lambda a: rf"(?:(?:{s.g.vg_item})\s+)*?(?:{a('attribution.speech')})\b")
    k = s.next_index(start)
    if k < len(s.m) and k not in (e.b, e.c) and len(s.f[start : s.m[k].start].split()) <= 1:
        rest = re.match(r"(?:'s?(?:\s+[a-z-]+){1,2})?\s+", s.f[s.m[k].end : s.m[k].end + 40])
        if rest and speech.match(s.f, s.m[k].end + rest.end()):
            return s.m[k].entity
    m2 = speech.match(s.f, start)
    if m2:
        k = s.next_index(m2.end())
        gap = s.f[m2.end() : s.m[k].start] if k < len(s.m) else "x"
        if re.fullmatch(r"\s+(?:the\s+)?", gap):
            return s.m[k].entity
    lab = _rx(
        s,
        "att_label_post",
        lambda a: (
            rf"(?:(?:a|an|the|some|local|western|senior)\s+)?"
            rf"({a('attribution.speakers')})\s+" + speech.pattern
        ),
    )
    m3 = lab.match(s.f, start)
    return m3.group(1) if m3 else ""


def _noun_speaker(s: Sentence, first: int) -> str:
    """``Activists say Russian jets ...``: a speaker noun before the statement."""
    rx = _rx(
        s,
        "att_noun",
        lambda a: (
            rf"\b({a('attribution.speakers')})\s+(?:(?:{s.g.vg_item})\s+)*?"
            rf"(?:{a('attribution.speech')})\b"
        ),
    )
    mt = rx.search(s.f, 0, first)
    return mt.group(1) if mt else ""
