"""Unit tests of helpers.edges: the Edge record and the small tools every shape shares."""

from __future__ import annotations

import pandas as pd

import helpers as h
from helpers.clauses import Mention, Sentence
from helpers.cues import load_cues
from helpers.edges import Edge, bare_aid, country_only, cue_text, lex_rx, modified_type, pairs
from helpers.grammar import grammar_of


def sentence(text: str) -> Sentence:
    return Sentence(text, text.lower(), [Mention(0, 4, "iran", "state")], grammar_of(load_cues()))


def test_pairs_gives_one_edge_per_backer_and_client_and_never_a_self_edge():
    got = pairs([0, 1], [1, 2], (5, 9), "arms", "verb", "weapons", {"weak_cue"})
    assert [(e.b, e.c) for e in got] == [(0, 1), (0, 2), (1, 2)]
    assert all(isinstance(e, Edge) and e.flags == {"weak_cue"} and e.type == "weapons" for e in got)
    assert pairs([0], [0], (0, 1), "x", "verb", "unspecified") == []


def test_cue_text_collapses_whitespace():
    assert cue_text("propped\n  up") == "propped up"


def test_lex_rx_compiles_a_pattern_once_per_grammar():
    s = sentence("Iran backs Assad.")
    built = []

    def build(a):
        built.append(1)
        return r"\bbacks\b"

    assert lex_rx(s, "test_backs", build).search(s.f)
    assert lex_rx(sentence("Iran arms Assad."), "test_backs", build) is lex_rx(s, "test_backs", build)
    assert built == [1]


def test_modified_type_reads_the_word_before_the_noun():
    s = sentence("Iran gave financial support to Assad.")
    assert modified_type(s, s.f.index("support"), "unspecified") == "funding"
    assert modified_type(s, s.f.index("iran"), "weapons") == "weapons"  # nothing before: the default


def test_bare_aid_is_aid_without_a_military_or_money_word():
    s = sentence("Iran sent aid to Syria and military aid to Assad.")
    first, second = s.f.index("aid"), s.f.index("aid", s.f.index("military"))
    assert bare_aid(s, first, "aid") and not bare_aid(s, second, "aid")
    assert not bare_aid(s, first, "weapons")


def test_country_only_tells_a_country_from_its_government_army_or_ruler():
    text = "Aid went to Sudan, to the Sudanese government, to the Lebanese army, to Syria's new rulers and to Assad."
    f = text.lower()
    spans = [
        ("sudan", "sudanese_government", "name"),
        ("sudanese government", "sudanese_government", "name"),
        ("lebanese", "lebanon", "demonym"),
        ("syria", "syrian_government", "name"),
        ("assad", "syrian_government", "leader"),
    ]
    ms, pos = [Mention(0, 3, "hts", "faction")], 0  # a non-state first
    for word, ent, via in spans:
        i = f.index(word, pos)
        ms.append(Mention(i, i + len(word), ent, "state", via))
        pos = i + len(word)
    s = Sentence(text, f, ms, grammar_of(load_cues()))
    assert [country_only(s, k) for k in range(len(ms))] == [False, True, False, False, False, False]


def _builders() -> dict[str, set[str]]:
    """Every ``lex_rx(s, "name", builder)`` and ``lex_rx_for(s, "name", key, builder)`` call in the package: the
    name and its builder's code (a lambda's parameter renamed, so that ``lambda a:`` and ``lambda al:`` with one
    body count as one builder)."""
    import ast
    from pathlib import Path

    import helpers

    found: dict[str, set[str]] = {}
    for path in Path(helpers.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            called = getattr(node.func, "id", "") if isinstance(node, ast.Call) else ""
            if called not in ("lex_rx", "lex_rx_for") or not isinstance(node.args[1], ast.Constant):
                continue  # (lex_rx_for's own call of lex_rx passes its name on)
            name, build = node.args[1], node.args[-1]
            if isinstance(build, ast.Lambda):
                code = ast.unparse(build.body).replace(build.args.args[0].arg + "(", "ALT(")
            else:
                code = ast.unparse(build)
            found.setdefault(ast.literal_eval(name), set()).add(code)
    return found


def test_each_lex_rx_name_has_one_pattern():
    # lex_rx caches a pattern by its name alone: a second pattern under a used name would silently get the first
    builders = _builders()
    assert len(builders) > 90
    clashes = {name: codes for name, codes in builders.items() if len(codes) > 1}
    assert not clashes, clashes


def test_a_client_that_is_only_the_channel_of_aid_to_people():
    c = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "title": ["", ""],
            "text": [
                "Germany gave $10m to the UN to help Syrian refugees.",
                "Saudi Arabia gave $500m to the Syrian opposition.",
            ],
            "date": pd.to_datetime(["2016-05-01"] * 2, utc=True),
        }
    )
    e = h.extract_support(c, h.tag_mentions(c))
    assert set(zip(e.doc_id, e.backer, e.client)) == {("b", "saudi_arabia", "syrian_opposition")}
