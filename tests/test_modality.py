"""Unit tests of helpers.modality through extract_support: how a sentence holds a backing statement and who
it says makes the claim (cases beyond tests/test_support.py::test_modality)."""

from __future__ import annotations

import pandas as pd
import pytest

import helpers as h

CASES = [
    # (sentence, backer, client, modality, negated, attributed_to)
    ("Iran denies arming the Houthis.", "iran", "houthis", "denied", True, ""),
    ("Russia has not armed the SDF.", "russia", "sdf", "denied", True, ""),
    ("Qatar no longer backs the rebels in Syria.", "qatar", "syrian_opposition", "denied", True, ""),
    ("Turkey stopped funding the rebels in Syria.", "turkey", "syrian_opposition", "denied", True, ""),
    # refraining from it
    (
        "Iraqi militias refrained from sending men to fight for Assad's army in Homs.",
        "iraqi_militias",
        "syrian_government",
        "denied",
        True,
        "",
    ),
    # a relative clause set off by commas says its denial of the actor, not of the statement after it
    (
        "Iran, which denies meddling in Iraq, is Hezbollah's main backer, according to UN experts.",
        "iran",
        "hezbollah",
        "alleged",
        False,
        "united_nations",
    ),
    # "dropped" with a material after it is an airdrop, with support after it an ending
    ("US planes dropped weapons to the YPG in Kobani.", "united_states", "ypg", "asserted", False, ""),
    ("The US dropped its support for the Syrian rebels.", "united_states", "syrian_opposition", "denied", True, ""),
    # "no" before the backer's own mention and the support noun's modifiers
    ("The SDF units in Raqqa receive no US military support.", "united_states", "sdf", "denied", True, ""),
    ("The YPG got no Russian help, the Kremlin said.", "russia", "ypg", "denied", True, "russia"),
    # a negating verb before the sum or material that holds the support noun
    (
        "Washington has suspended $200 million in emergency military assistance to the SDF.",
        "united_states",
        "sdf",
        "denied",
        True,
        "",
    ),
    # "neither ... nor" right after the cue
    ("Iran is arming neither Hezbollah nor anyone else.", "iran", "hezbollah", "denied", True, ""),
    # a negating verb ends its own clause: the verb after "and" is the subject's next statement; an adverb of
    # negation and a negating verb before gerunds still hold the verbs after "and"
    (
        "Hezbollah dropped its caution and now fights alongside Assad's army.",
        "hezbollah",
        "syrian_government",
        "asserted",
        False,
        "",
    ),
    (
        "The US scrapped its own programme and armed the Syrian rebels directly.",
        "united_states",
        "syrian_opposition",
        "asserted",
        False,
        "",
    ),
    ("Iran did not train and arm the Houthis.", "iran", "houthis", "denied", True, ""),
    # a negating verb inside a relative clause set off by commas says nothing of the main verb
    (
        "Hezbollah, which dropped its caution last year, now fights alongside Assad's army.",
        "hezbollah",
        "syrian_government",
        "asserted",
        False,
        "",
    ),
    (
        "Washington stopped training and arming the Syrian rebels.",
        "united_states",
        "syrian_opposition",
        "denied",
        True,
        "",
    ),
    # negation written onto the verb, with a straight or a curly apostrophe; "cannot"
    ("Iran didn't arm Hezbollah.", "iran", "hezbollah", "denied", True, ""),
    ("Khamenei won\u2019t support Assad to the end.", "iran", "syrian_government", "denied", True, ""),
    ("Russia cannot arm Assad.", "russia", "syrian_government", "denied", True, ""),
    ("Syria accused Turkey of arming HTS.", "turkey", "hts", "alleged", False, "syrian_government"),
    ("Turkey, which Tehran has accused of backing HTS, denied it.", "turkey", "hts", "alleged", False, "iran"),
    ("Qatar reportedly funded the rebels in Syria.", "qatar", "syrian_opposition", "alleged", False, ""),
    ("Iran is believed to have armed Hezbollah.", "iran", "hezbollah", "alleged", False, ""),
    ("Iran backs Hezbollah, the ministry alleged.", "iran", "hezbollah", "alleged", False, ""),
    (
        "Iran funded Hezbollah, according to the Syrian Observatory.",
        "iran",
        "hezbollah",
        "alleged",
        False,
        "syrian_observatory",
    ),
    ("Iran may back Hezbollah.", "iran", "hezbollah", "possible", False, ""),
    ("Turkey is considering arming the SNA.", "turkey", "syrian_national_army", "possible", False, ""),
    ("Russia is ready to help Assad.", "russia", "syrian_government", "possible", False, ""),
    ("Putin said Russia would back Assad.", "russia", "syrian_government", "possible", False, "russia"),
    ("Russia backed Assad.", "russia", "syrian_government", "asserted", False, ""),
    ("Russia backed Assad, the Pentagon said.", "russia", "syrian_government", "asserted", False, "united_states"),
    ("Iran has armed Hezbollah, said Israel.", "iran", "hezbollah", "asserted", False, "israel"),
    ("Syria's foreign ministry says Turkey backs HTS.", "turkey", "hts", "asserted", False, "syrian_government"),
    ("Activists say Russia backed Assad.", "russia", "syrian_government", "asserted", False, "activists"),
    ("Russia backed Assad, activists said.", "russia", "syrian_government", "asserted", False, "activists"),
]


def _support(texts: list[str], date: str = "2024-12-01", pack: str | None = None) -> pd.DataFrame:
    n = len(texts)
    c = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(n)],
            "title": [""] * n,
            "text": texts,
            "date": pd.to_datetime([date] * n, utc=True),
            "source": ["s"] * n,
            "duplicate_of": pd.array([None] * n, dtype="string"),
        }
    )
    return h.extract_support(c, h.tag_mentions(c, gazetteer=[pack]) if pack else h.tag_mentions(c))


@pytest.fixture(scope="module")
def support() -> pd.DataFrame:
    return _support([c[0] for c in CASES])


@pytest.mark.parametrize("i", range(len(CASES)), ids=[c[0][:40] for c in CASES])
def test_modality_and_attribution(support, i):
    text, backer, client, modality, negated, who = CASES[i]
    got = support[support["doc_id"] == f"d{i}"]
    assert got[["backer", "client", "modality", "negated", "attributed_to"]].astype(str).values.tolist() == [
        [backer, client, modality, str(negated), who]
    ], text


def test_only_denied_statements_are_negated(support):
    assert (support["negated"] == (support["modality"] == "denied")).all()
    assert set(support["modality"]) == {"asserted", "alleged", "possible", "denied"}


@pytest.mark.parametrize("text", ["Iran is believed to back Hezbollah.", "Iran is thought to back Hezbollah."])
def test_believed_to_back_is_alleged(text):
    got = _support([text])
    assert got["modality"].tolist() == ["alleged"]


def test_a_compound_keeps_its_own_modality_under_a_hedged_verb():
    got = _support(["Ankara vowed to crush the US-backed YPG in Syria."])
    assert got["modality"].tolist() == ["asserted"]


@pytest.mark.parametrize(
    "text",
    [
        "Cairo rejects RSF claims that its pilots bombed Omdurman and that it armed the army.",
        "Egypt dismissed RSF accusations that it had supplied the army with jets.",
    ],
)
def test_a_rejected_claim_denies_what_its_clauses_say(text):
    e = _support([text], "2024-10-10", "sudan")
    got = e[(e.backer == "egypt") & (e.client == "sudanese_armed_forces")]
    assert not got.empty and set(got.modality) == {"denied"}, e[["backer", "client", "modality"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian jets in Syria could end up helping Isis.", "possible"),  # "end up" ends nothing
        ("Britain should back the Syrian rebels, he wrote.", "possible"),  # advice
        ("The senators urged Britain to arm the Syrian rebels.", "possible"),  # what it is urged to do
        ("Britain armed the Syrian rebels, the senators said.", "asserted"),
    ],
)
def test_ending_up_advice_and_urging(text, expected):
    e = _support([text], "2016-04-08")
    assert len(e) == 1 and e.modality.iloc[0] == expected, e[["backer", "client", "modality"]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Should the EU agree to arm the Syrian rebels?", "possible"),
        ("Will Turkey send more troops to help the Syrian rebels? | A columnist", "possible"),
        ("Why did Russia back Assad in 2015?", "asserted"),  # the question presupposes it
    ],
)
def test_a_yes_no_question_asserts_nothing(text, expected):
    e = _support([text], "2016-04-08")
    assert not e.empty and set(e.modality) == {expected}, e[["backer", "client", "modality"]]


@pytest.mark.parametrize(
    ("text", "edge", "modality"),
    [
        # a speech word used as a verb of doing is no allegation and opens no reported clause
        ("The SDF claimed the town with the help of US air strikes.", ("united_states", "sdf"), "asserted"),
        (
            "The Syrian rebels maintained momentum with the help of US air strikes.",
            ("united_states", "syrian_opposition"),
            "asserted",
        ),
        # a speech word as the verb of a claim stays one
        ("Russia claimed the SDF is armed by the US.", ("united_states", "sdf"), "alleged"),
    ],
)
def test_a_speech_word_that_takes_an_object_is_a_verb_of_doing(text, edge, modality):
    got = _support([text], "2016-07-19")
    assert got[["backer", "client", "modality"]].values.tolist() == [[*edge, modality]], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the end of" after a preposition of time says when, it ends nothing
        ("Russian jets joined the war towards the end of 2015, backing Syrian government troops.", "asserted"),
        ("By the end of the year Tehran was arming Syrian government forces openly.", "asserted"),
        # an ending that is the edge's own
        ("Washington put an end to its arming of the Syrian rebels in 2017.", "denied"),
    ],
)
def test_a_time_at_the_end_of_is_no_negation(text, expected):
    got = _support([text])
    assert got["modality"].tolist() == [expected], got[["backer", "client", "modality"]]


@pytest.mark.parametrize(
    "text", ["Washington urged to arm Syrian rebels", "Britain was pressed to arm the Syrian rebels."]
)
def test_urged_to_back_is_possible(text):
    assert _support([text])["modality"].tolist() == ["possible"], text
