"""Unit tests of helpers.sentences: paragraphs, the fast splitter, ids, model files and corpus sentences."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from helpers import sentences as s
from helpers.sentences import SentenceModel


@pytest.fixture
def model() -> SentenceModel:
    return SentenceModel(abbreviations=s.BASE_ABBREVIATIONS, source="test")


# ------------------------------------------------------------------------------------------ paragraphs


def test_paragraph_spans_trim_and_split_on_blank_lines():
    text = "  One.\nstill one\n \n\nTwo.  \n\n   "
    assert s.paragraph_spans(text) == [(2, 16), (20, 24)]
    assert [text[a:b] for a, b in s.paragraph_spans(text)] == ["One.\nstill one", "Two."]


def test_paragraph_spans_and_starts_of_empty_text():
    assert s.paragraph_spans("") == [] and s.paragraph_spans("  \n\n ") == []
    assert s.paragraph_starts("   ").tolist() == []


def test_paragraph_starts_agree_with_spans():
    text = "\nA b.\n\nC d.\n \nE."
    assert s.paragraph_starts(text).tolist() == [a for a, _ in s.paragraph_spans(text)]
    assert s.paragraph_starts(text).dtype == np.int64


# ------------------------------------------------------------------------------------------ splitting


def test_split_on_marks_followed_by_a_capital(model):
    text = 'He left. "She stayed!" Why? 2024 was hard\u2026 And then.'
    assert model.split(text) == ["He left.", '"She stayed!"', "Why?", "2024 was hard\u2026", "And then."]


def test_no_split_before_lowercase_or_inside_numbers(model):
    assert model.split("It cost 3.5 million. e.g. this one. ok") == ["It cost 3.5 million. e.g. this one. ok"]


def test_abbreviations_and_initials(model):
    assert model.split("Gen. Smith and the U.S. envoy met. Talks began.") == [
        "Gen. Smith and the U.S. envoy met.",
        "Talks began.",
    ]
    assert model.split("Lt. Col. J. Doe spoke.") == ["Lt. Col. J. Doe spoke."]
    # an abbreviation before a word that usually starts a sentence ends it, a title never does
    assert model.split("They met in the U.S. The talks failed.") == ["They met in the U.S.", "The talks failed."]
    assert model.split("He met Gen. The Minister.") == ["He met Gen. The Minister."]


def test_sentences_never_cross_a_paragraph_break(model):
    text = "First para ends here\n\nSecond para. Third sentence."
    assert model.spans(text) == [(0, 20), (22, 34), (35, 50)]


def test_arabic_marks_end_sentences(model):
    text = "\u0642\u0627\u0644 \u0630\u0644\u0643\u061f \u0646\u0639\u0645."
    assert len(model.spans(text)) == 2


def test_spans_until_stops_early_but_agrees(model):
    text = "One. Two.\n\nThree. Four."
    full = model.spans(text)
    assert full == [(0, 4), (5, 9), (11, 17), (18, 23)]
    assert model.spans(text, until=6)[:2] == full[:2]
    assert model.spans(text, until=0)[0] == full[0]


def test_sentence_ids_count_paragraphs_and_sentences(model):
    text = "One. Two.\n\nThree. Four."
    offsets = [0, 5, 11, 18]
    assert model.sentence_ids(text, offsets) == [0, 1, 2, 3]
    assert model.sentence_ids(text, []) == []
    assert model.sentence_ids("Ab cd. Ef gh.", [0, 7]) == [0, 1]
    assert model.sentence_ids("A b. C d.", [0, 5]) == [0, 0]  # "b." is an initial before a non-starter


def test_boundaries_are_memoised_per_text(model):
    text = "One. Two. Three."
    assert model.boundaries(text) == [4, 9]
    assert text in model._memo
    assert model.boundaries(text, until=2) == [4, 9]


def test_punkt_spans_agree_on_simple_text(model):
    pytest.importorskip("nltk")
    text = "Gen. Smith met the envoy. Talks began.\n\nA new paragraph."
    assert model.punkt_spans(text) == model.spans(text)


# ------------------------------------------------------------------------------------------ model files


def test_save_and_load_round_trip(model, tmp_path):
    m = SentenceModel(
        abbreviations=frozenset({"gen", "u.s"}),
        starters=frozenset({"the"}),
        collocations=frozenset({("gen", "smith")}),
        ortho_context={"the": 2},
        source="x",
    )
    p = m.save(tmp_path / "sub" / "m.json")
    data = json.loads(p.read_text())
    assert data == {
        "abbreviations": ["gen", "u.s"],
        "starters": ["the"],
        "collocations": [["gen", "smith"]],
        "ortho_context": {"the": 2},
        "source": "x",
    }
    back = s.load_sentence_model(p)
    assert back == m and back.fingerprint == m.fingerprint
    assert len(m.fingerprint) == 16 and m.fingerprint != model.fingerprint


def test_collocations_block_a_split():
    m = SentenceModel(
        abbreviations=frozenset({"no"}), starters=frozenset({"the"}), collocations=frozenset({("no", "the")})
    )
    assert len(m.spans("Item no. The end.")) == 1
    m2 = SentenceModel(abbreviations=frozenset({"no"}), starters=frozenset({"the"}))
    assert len(m2.spans("Item no. The end.")) == 2


def test_load_sentence_model_missing_file_raises(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        s.load_sentence_model(tmp_path / "none.json")


def test_default_model_is_cached_and_can_be_forgotten():
    first = s.load_sentence_model()
    assert s.load_sentence_model() is first
    s.forget_default_model()
    again = s.load_sentence_model()
    assert again is not first and again.to_json() == first.to_json()


def test_train_sentence_model_keeps_the_base_lists():
    pytest.importorskip("nltk")
    texts = ["Col. Ahmed spoke on Monday. He said the Lt. Gen. had left. The talks went on."] * 5
    m = s.train_sentence_model(texts + [""], source="five")
    assert m.source == "five"
    assert m.abbreviations >= s.BASE_ABBREVIATIONS and m.starters >= s.BASE_STARTERS
    assert s.train_sentence_model(texts).source == "trained on 5 texts"


# ------------------------------------------------------------------------------------------ sentences_of


def test_sentences_of_a_corpus(model):
    corpus = pd.DataFrame({"doc_id": ["a", "b"], "title": ["Talks fail", None], "text": ["One. Two.\n\nThree.", ""]})
    out = s.sentences_of(corpus, model)
    assert list(out.columns) == ["doc_id", "field", "para_id", "sent_id", "start", "end", "sentence"]
    assert out.values.tolist() == [
        ["a", "title", 0, 0, 0, 10, "Talks fail"],
        ["a", "text", 0, 0, 0, 4, "One."],
        ["a", "text", 0, 1, 5, 9, "Two."],
        ["a", "text", 1, 2, 11, 17, "Three."],
    ]
    assert len(s.sentences_of(corpus.iloc[:0], model)) == 0


@pytest.mark.parametrize(
    "text",
    [
        "One. Two! Three? Four\u2026 Five",
        'He said "go." Then?! Another...  Next',
        "A.\n\nB. C",
        "\u0642\u0627\u0644\u061f \u0646\u0639\u0645\u06d4 \u0644\u0627",
        "no marks here",
        "U.S. forces. Gen. Smith left. 3. Items",
        "",
    ],
)
def test_candidate_ends_equal_the_single_pattern(text):
    want = [m.end() for m in s._CANDIDATE.finditer(text)]
    assert s._candidate_ends(text, len(text)) == want
    cut = len(text) // 2
    assert s._candidate_ends(text, cut) == [m.end() for m in s._CANDIDATE.finditer(text, 0, cut)]


def test_para_sentence_ids_agree_with_sentence_ids(model):
    text = "Intro here. Second one.\n\nNew para. Again here.\n\n  Last one. End."
    starts = s.paragraph_starts(text).tolist()
    offsets = [0, 12, 25, 35, 50, 60]
    paras, sents = model.para_sentence_ids(text, offsets, starts)
    assert sents == model.sentence_ids(text, offsets, starts) == [0, 1, 2, 3, 4, 5]
    assert paras == [0, 0, 1, 1, 2, 2]
    assert model.para_sentence_ids(text, [], starts) == ([], [])
    assert model.para_sentence_ids("  A. B", [0, 3], [2]) == ([0, 0], [0, 0])  # before the first paragraph
