"""Which sentences wake which statement shapes: every cue word of the lexicon in one Aho-Corasick automaton
(:class:`Trigger`), the word lists each shape wakes on (:data:`WAKES`), and the gate that lets a verb of combat
alone wake a sentence only after two listed actors (:func:`listed`). Read by :mod:`helpers.support`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import itemgetter

from .besideshapes import AGENT_GAP, JOINT_GAP
from .cues import CueLexicon

__all__ = ["ADVERB_PHRASES", "STAND_IN_KEYS", "WAKES", "Trigger", "beside_woken", "listed", "trigger"]

# which word lists wake which shapes (a sentence runs only the shapes whose words it holds)
WAKES: dict[str, tuple[str, ...]] = {
    "cues.participle": ("compound", "passive"),
    "cues.verb": ("verb",),
    "object_tails.verbs": ("verb",),
    "debts.nouns": ("verb",),  # "paid off Syria's arrears": the debt noun wakes the verb shape
    "cues.noun": ("noun", "with"),
    "grammar.behalf": ("noun",),
    "grammar.payroll": ("noun",),  # "on Ankara's payroll"
    "grammar.programme_nouns": (),  # "trained under a Pentagon programme": the passive shape asks for it
    "transfers.verbs": ("transfer",),  # "provided support to": the support noun wakes the noun shape
    "transfers.nouns": ("noun",),
    "transfers.arrival": ("transfer",),
    "transfers.let": ("transfer",),  # "letting supplies for the RSF pass through"
    "support_nouns.words": ("noun", "with"),
    "materials.weapons": ("with",),  # "With Turkish drones, the army retook Khartoum" (derived from materials)
    "role_nouns.backer": ("role",),
    "role_nouns.client": ("role",),
    "role_nouns.staff": ("role",),
    "role_nouns.recipient": ("role",),  # "long a recipient of Saudi funding"  # "the SDF and their American advisers"
    "fight.verbs": ("fight",),
    "fight.action_verbs": ("fight",),
    "fight.joint": ("fight",),  # "with Hezbollah fighters leading the assault": the aside's fighters
    "fight.join_verbs": ("fight",),
    "fight.defect_verbs": (),  # which join verbs leave a group: the join verbs wake the shape
    "fight.combat_verbs": ("beside",),  # "Syrian troops and Hezbollah fighters captured Qusayr"
    "fight.joint_verbs": ("beside",),  # "Russian and Syrian jets bombed Idlib": a listed subject acts together
    "fight.joint_nouns": ("beside",),  # "airstrikes by the Syrian regime and Russian warplanes": the same, a noun
    "fight.joint_noun_verbs": (),  # "have intensified attacks": the noun wakes the shape
    "fight.symmetric": ("beside",),
    "fight.aside": ("beside",),  # "Hezbollah, alongside Syrian troops, captured Qusayr"
    "fight.embedded": ("beside",),
    "fight.side_verbs": (),  # "has taken the army's side": "side" (a fight verb) wakes the shape, not "taken"
    "fight.action_participles": ("fight",),  # "Assad's push on Qusayr, spearheaded by Hezbollah"
    "fight.missions": ("fight",),  # "flew dozens of sorties for government forces"
    "fight.air_verbs": (),  # "flew", "carried out": the mission noun wakes the shape
    "fight.request": ("fight",),  # "intervened at the request of Assad"  # "US advisers embedded with the SDF"
    "thanks.verbs": ("thanks",),
    "shield.verbs": ("shield",),  # "vetoed a resolution condemning Assad"
    "light_verbs.receive": ("receive",),
    "light_verbs.have": ("receive",),
    "light_verbs.source": ("receive",),  # "the RSF's weapons came from the UAE"
    "light_verbs.buy": ("receive",),  # "the army bought drones from Iran"
    "light_verbs.goods": (),  # "bought oil from Islamic State": the buying verb wakes the shape
    "light_verbs.purchase": ("receive",),  # "the army's purchase of drones from Iran"
    "light_verbs.owe": ("receive",),  # "Assad owes his survival to Russia"
    "light_verbs.owed": (),
    "with_support.without": ("receive",),  # "without Moscow's air power, the regime would have": a counterfactual
    "record.words": (),  # the record's reading asks for them when no shape bound the sentence
    "light_verbs.give": (),  # "voiced its support for": as above, the noun wakes it
    # stand-in words wake no shape; they tell that a sentence may hold an actor without its name
    "grammar.stand_in_groups": (),
    "grammar.stand_in_plurals": (),
    "grammar.stand_in_state": (),
    "grammar.stand_in_both": (),
    "grammar.stand_in_state_plurals": (),
    "grammar.stand_in_state_nouns": (),  # "the kingdom", "the Gulf emirate"
    "grammar.stand_in_people": (),
    "grammar.stand_in_subjects": (),
    "grammar.stand_in_possessives": (),
    "grammar.stand_in_owners": (),  # "his government": the pronoun wakes it, not the (common) noun
    "grammar.stand_in_objects": (),  # "armed it", "save him"
}
STAND_IN_KEYS = frozenset(k for k in WAKES if k.startswith("grammar.stand_in"))


class Trigger:
    """Every cue word of the lexicon in one Aho-Corasick automaton: one pass over a field finds which
    words (and so which shapes) each sentence holds."""

    def __init__(self, lex: CueLexicon) -> None:
        import ahocorasick_rs

        wakes: dict[str, set[str]] = {}
        keys: dict[str, set[str]] = {}
        aux = frozenset(lex.words.get("grammar.auxiliaries", ()))
        for key, names in WAKES.items():
            for w in lex.words.get(key, []):
                form = " ".join(w.translate(_PUNCT_TO_SPACE).split())  # as the text is read: "re-exported"
                wakes.setdefault(form, set()).update(names)
                keys.setdefault(form, set()).add(key)
                if key in ADVERB_PHRASES and " " in form:  # "stood firmly behind": anchored at its first word,
                    words = form.split()  # or its last after an auxiliary ("is reportedly behind": not every "is")
                    anchor = words[-1] if words[0] in aux else words[0]
                    keys.setdefault(anchor, set()).add(key)
                    wakes.setdefault(anchor, set()).update(names)
        self.forms = sorted(wakes)
        self.wakes = [frozenset(wakes[f]) for f in self.forms]
        self.keys = [frozenset(keys[f]) for f in self.forms]
        # words padded with spaces, matched on text whose punctuation became spaces: every hit is a whole word
        self.ac = ahocorasick_rs.AhoCorasick(
            [f" {f} " for f in self.forms], matchkind=ahocorasick_rs.MatchKind.Standard
        )

    def hits(self, folded: str) -> tuple[list[tuple[int, int, int]], list[int]]:
        """Whole-word cue hits ``(form index, start, end)`` sorted by start, and their starts."""
        spaced = folded.translate(_PUNCT_TABLE) if folded.isascii() else _PUNCT.sub(" ", folded)
        padded = " " + spaced + " "
        found = [
            (idx, start, end - 2) for idx, start, end in self.ac.find_matches_as_indexes(padded, overlapping=True)
        ]  # -1 for the pad, -1 for the space
        found.sort(key=_start_of)
        return found, [x[1] for x in found]

    def in_sentence(
        self, hits: tuple[list, list[int]], a: int, b: int
    ) -> tuple[frozenset[str], list[tuple[int, int, frozenset]]]:
        """The shapes the cue words within ``[a, b)`` can wake, and those words as ``(start, end, keys)``
        relative to ``a``."""
        found_hits, starts = hits
        lo, hi = bisect_left(starts, a), bisect_left(starts, b)
        if lo == hi:
            return frozenset(), []  # no cue word in the sentence (the common case)
        found: set[str] = set()
        cues = []
        for k in range(lo, hi):
            idx, start, end = found_hits[k]
            if end <= b:
                found |= self.wakes[idx]
                cues.append((start - a, end - a, self.keys[idx]))
        return frozenset(found), cues


_PUNCT_TO_SPACE = {ord(ch): " " for ch in "!\"#%&()*+,-./:;<=>?@[\\]^_`{|}~'\u00ab\u00bb\u201c\u201d\u2026"}
#: the same characters as one class: a regular expression replaces them in a long text about six times faster than
#: ``str.translate`` with a dict
_PUNCT = re.compile("[" + re.escape("".join(map(chr, _PUNCT_TO_SPACE))) + "]")
#: ... except on pure ASCII text, where ``str.translate`` has a fast path and beats it
_PUNCT_TABLE = str.maketrans(_PUNCT_TO_SPACE)
_start_of = itemgetter(1)  # a hit's start


_CACHE: dict[str, Trigger] = {}


def trigger(lex: CueLexicon) -> Trigger:
    """The trigger of ``lex``, built once per lexicon."""
    t = _CACHE.get(lex.sha256)
    if t is None:
        t = _CACHE[lex.sha256] = Trigger(lex)
    return t


#: phrases an adverb may split ("relies heavily on", "came mainly from")
ADVERB_PHRASES = frozenset({"cues.verb", "light_verbs.receive", "light_verbs.source"})

#: the words that wake the beside shape besides verbs of combat (which alone read only a listed subject)
_BESIDE_KEYS = frozenset(k for k, v in WAKES.items() if v == ("beside",)) - {
    "fight.combat_verbs",
    "fight.joint_verbs",
    "fight.joint_nouns",
}


def beside_woken(awake: frozenset[str], cues: list[tuple]) -> bool:
    """True unless the beside shape is the only one awake and only verbs of combat woke it."""
    return awake != frozenset({"beside"}) or any(not ks.isdisjoint(_BESIDE_KEYS) for *_, ks in cues)


def listed(folded: str, own: list[tuple], cues: list[tuple], a: int) -> bool:
    """True when two of the sentence's actors (``own``: field offsets first) are listed by "and" right before a cue
    word (``cues``: offsets from ``a``): "Russian and Syrian jets bombed", at most three words between; or right
    after one, as its agents: "air strikes carried out by the regime and Russian jets", at most six words between."""
    spans = [(a + start, a + end) for start, end, _ks in cues]
    for x, y in zip(own, own[1:]):
        if JOINT_GAP.fullmatch(folded, x[1], y[0]) and any(
            y[1] <= v and len(folded[y[1] : v].split()) <= 3 for v, _ in spans
        ):
            return True
        if AGENT_GAP.fullmatch(folded, x[1], y[0]) and any(
            e <= x[0] and len(folded[e : x[0]].split()) <= 6 for _, e in spans
        ):
            return True
    return False
