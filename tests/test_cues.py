"""The cue lexicon: it loads, merges, and names file, line and reason for every kind of mistake."""

from __future__ import annotations

import pytest

import helpers as h
from helpers.cues import CUES_PATH, WINDOWS, CueError, alternation, load_cues


def test_kit_lexicon_loads():
    lex = load_cues()
    assert {"back", "arm", "fund", "train"} <= {x.id for x in lex.lexemes}
    assert lex.type_of("armed", "participle") == "weapons"
    assert lex.type_of("backed", "participle") == "unspecified"
    assert lex.types["material"]["air defence systems"] == "weapons"
    assert set(WINDOWS) <= set(lex.windows)
    assert "en" in lex.langs
    assert h.load_cues() is lex  # cached per contents


def _write(tmp_path, text, name="cues.yaml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


WINDOWS_YAML = "windows: {" + ", ".join(f"{w}: 3" for w in WINDOWS) + "}\n"


@pytest.mark.parametrize(
    "body, reason",
    [
        ("cues:\n  - {id: back, type: unspecified, verb: [back]}\n", "missing 'lang'"),
        ("cues:\n  - {id: back, lang: en, type: money, verb: [back]}\n", "type 'money' is not one of"),
        ("cues:\n  - {id: back, lang: en, type: unspecified, verb: back}\n", "must be a list of words"),
        ("cues:\n  - {id: back, lang: en, type: unspecified, verbs: [back]}\n", "unknown key(s) ['verbs']"),
        (
            "cues:\n  - {id: back, lang: en, type: unspecified, verb: [back]}\n"
            "  - {id: support, lang: en, type: unspecified, verb: [back]}\n",
            "already listed under cue 'back'",
        ),
        ("materials:\n  - {lang: en, type: weapons, words: [arms]}\nstuff: 1\n", "unknown top-level key(s) ['stuff']"),
    ],
)
def test_validation_names_file_line_and_reason(tmp_path, body, reason):
    p = _write(tmp_path, WINDOWS_YAML + body)
    with pytest.raises(CueError) as e:
        load_cues(p)
    msg = str(e.value)
    assert str(p) in msg and reason in msg
    if "top-level" not in reason:
        assert ", line " in msg and "line ?" not in msg


def test_bad_window_and_confidence(tmp_path):
    p = _write(tmp_path, "windows: {subject_words: many}\n")
    with pytest.raises(CueError, match="whole number"):
        load_cues(p)
    p = _write(tmp_path, WINDOWS_YAML + "confidence: {shapes: {compound: 1.5}}\n")
    with pytest.raises(CueError, match=r"in \(0, 1\]"):
        load_cues(p)
    p = _write(tmp_path, "windows: {subject_words: 3}\n")
    with pytest.raises(CueError, match="are not set"):
        load_cues(p)


def test_invalid_yaml_names_the_line(tmp_path):
    p = _write(tmp_path, WINDOWS_YAML + "cues:\n  - {id: back, lang: en\n")
    with pytest.raises(CueError, match=r"line \d+: invalid YAML"):
        load_cues(p)


def test_a_second_file_adds_words_and_they_are_used(tmp_path):
    extra = _write(
        tmp_path,
        "cues:\n  - {id: underwrite, lang: en, type: funding, verb: [underwrites, underwrote],"
        " participle: [underwritten], noun: []}\n",
    )
    lex = load_cues([CUES_PATH, extra])
    assert lex.type_of("underwritten", "participle") == "funding"
    import pandas as pd

    c = pd.DataFrame(
        {
            "doc_id": ["a"],
            "title": [""],
            "text": ["Qatar underwrote Hamas for years."],
            "date": pd.to_datetime(["2015-01-01"], utc=True),
            "source": ["s"],
            "duplicate_of": pd.array([None], dtype="string"),
        }
    )
    m = h.tag_mentions(c)
    assert len(h.extract_support(c, m)) == 0
    s = h.extract_support(c, m, cues=[CUES_PATH, extra])
    assert s[["backer", "client", "support_type"]].astype(str).values.tolist() == [["qatar", "hamas", "funding"]]


def test_alternation_prefers_longest_and_allows_adverbs():
    import re

    rx = re.compile(alternation(["prop up", "prop", "propped up"], adverbs=True))
    assert rx.match("propped firmly up").group(0) == "propped firmly up"
    assert rx.match("prop up").group(0) == "prop up"


def test_alternation_grouped_by_first_character_matches_as_the_plain_one():
    import re

    from helpers.cues import _by_first_character

    words = ["arms", "armed", "aid", "a lot", "backs", "back", "a", "arm"]
    plain = "|".join(re.escape(w) for w in words)
    grouped = _by_first_character([re.escape(w) for w in words])
    # each group in the words' order, grouped again inside; "\ lot" and "" (not a letter first) keep their place
    assert grouped == r"a(?:r(?:m(?:s|ed))|id|\ lot||rm)|b(?:a(?:c(?:k(?:s|))))"
    for text in ("arms", "armed men", "aid to", "a lot of", "backs", "back up", "a", "arm", "x", "an", ""):
        for rx in (r"(?:{})", r"(?:{})\b", r"\b({})\s", r"({})(?:\s+of)?$"):
            a, b = re.match(rx.format(plain), text), re.match(rx.format(grouped), text)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (rx, text)
    assert _by_first_character([r"\$5", "arm"]) == r"\$5|arm"  # not a letter first: as it is
    assert _by_first_character(["Arm", "arms"]) == "Arm|arms"


def test_joined_lists_match_as_the_bar_of_their_alternations():
    import re

    from helpers.cues import alternatives, joined

    first, second = ["arms", "aid"], ["armour", "backs", "aid"]
    plain = re.compile(rf"\b(?:{alternation(first)}|{alternation(second)})\b")
    one = re.compile(rf"\b(?:{joined(alternatives(first), alternatives(second), [r'[a-z]+ly'])})\b")
    text = "arms and armour, aid backs armoury, newly armed"
    assert [m.span() for m in plain.finditer(text)] == [m.span() for m in one.finditer(text)][:4]
    assert joined([], []) == r"(?!x)x"


def test_every_noun_form_of_a_backing_lexeme_is_a_support_noun():
    # the noun shapes read support_nouns.words: a lexeme's noun form missing there is never read as a noun
    lex = load_cues()
    assert set(lex.words["cues.noun"]) <= set(lex.words["support_nouns.words"])
