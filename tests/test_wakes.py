"""Unit tests of helpers.wakes: which cue words wake which shapes, and the gate for verbs of combat."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import helpers as h
from helpers.cues import load_cues
from helpers.textnorm import fold
from helpers.wakes import WAKES, beside_woken, listed, trigger


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian and Syrian jets bombed Idlib.", True),
        ("Syrian troops captured the town that Hezbollah had held.", False),
        ("Russia and Iran met in Astana while Syrian troops captured the town.", False),
    ],
)
def test_a_verb_of_combat_alone_wakes_the_sentence_only_after_a_listed_subject(text, expected):
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2016-02-01"], utc=True)})
    m = h.tag_mentions(c)
    own = [(r.start, r.end, r.entity, r.kind, r.sent_id, r.via) for r in m[m.role == "actor"].itertuples()]
    verb = re.search(r"\b(?:bombed|captured)\b", fold(text))
    assert listed(fold(text), own, [(verb.start(), verb.end(), frozenset({"fight.combat_verbs"}))], 0) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a noun of combat alone wakes the sentence only next to a listed pair: before it or after it, its agents
        ("Idlib was hit by Russian and Syrian air strikes.", True),
        ("Air strikes carried out by the Syrian regime and Russian jets hit Idlib.", True),
        ("Russia and Iran met in Astana while air strikes hit Idlib, said Syria.", False),
    ],
)
def test_a_noun_of_combat_alone_wakes_the_sentence_only_next_to_a_listed_pair(text, expected):
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2016-02-01"], utc=True)})
    m = h.tag_mentions(c)
    own = [(r.start, r.end, r.entity, r.kind, r.sent_id, r.via) for r in m[m.role == "actor"].itertuples()]
    noun = re.search(r"\bair strikes\b", fold(text))
    cues = [(noun.start(), noun.end(), frozenset({"fight.joint_nouns"}))]
    assert not beside_woken(frozenset({"beside"}), cues)
    assert listed(fold(text), own, cues, 0) is expected


def test_beside_woken_only_by_verbs_of_combat_is_gated():
    combat = [(0, 8, frozenset({"fight.combat_verbs"}))]
    assert not beside_woken(frozenset({"beside"}), combat)
    assert beside_woken(frozenset({"beside"}), combat + [(10, 19, frozenset({"fight.symmetric"}))])
    assert beside_woken(frozenset({"beside", "verb"}), combat)


def test_the_trigger_finds_whole_cue_words_and_the_shapes_they_wake():
    t = trigger(load_cues())
    assert t is trigger(load_cues())  # built once per lexicon
    f = fold("Iran armed Hezbollah; the army disarmed them.")
    awake, cues = t.in_sentence(t.hits(f), 0, len(f))
    assert "verb" in awake
    found = [f[a:b] for a, b, _ in cues]
    assert "armed" in found and "disarmed" not in found and found.count("armed") == 1  # a whole word only


def test_every_wake_key_is_a_lexicon_list():
    words = load_cues().words
    assert all(key in words or key.startswith("grammar.") for key in WAKES)


def test_a_phrase_opening_with_an_auxiliary_is_anchored_at_its_last_word():
    # "is behind" may take an adverb ("is reportedly behind"): the trigger anchors it at "behind", so a bare "is"
    # or "was" wakes no verb shape (they stand in most sentences)
    t = trigger(load_cues())
    verbs = {f for f, ks in zip(t.forms, t.keys, strict=True) if "cues.verb" in ks}
    assert "is behind" in verbs and "behind" in verbs
    assert not {"is", "was", "are", "were", "be", "been", "being"} & verbs
    # a phrase opening with a verb is still anchored at its first word ("stood firmly behind")
    assert "stood" in verbs
