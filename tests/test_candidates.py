"""helpers.candidates.unmatched_candidates: names near known actors that the gazetteer lacks."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.candidates import CANDIDATE_COLUMNS, unmatched_candidates


def frame(docs: list[tuple[str, str, str]]) -> pd.DataFrame:
    """A CORPUS-like frame from (doc_id, title, text) with a source and no duplicates."""
    return pd.DataFrame(
        {
            "doc_id": [d for d, _, _ in docs],
            "title": [t for _, t, _ in docs],
            "text": [x for _, _, x in docs],
            "source": "Test Wire",
            "duplicate_of": pd.NA,
        }
    )


def mentions_of(corpus: pd.DataFrame, names: dict[str, str], role: str = "actor") -> pd.DataFrame:
    """MENTIONS-like rows for every occurrence of each surface in ``names`` (surface -> entity)."""
    rows = []
    for doc_id, title, text in corpus[["doc_id", "title", "text"]].itertuples(index=False):
        for field, value in (("title", title), ("text", text)):
            for surface, entity in names.items():
                start = value.find(surface)
                while start >= 0:
                    rows.append((doc_id, field, start, start + len(surface), surface, entity, role))
                    start = value.find(surface, start + 1)
    return pd.DataFrame(rows, columns=["doc_id", "field", "start", "end", "surface", "entity", "role"])


class FakeGazetteer:
    aliases = pd.DataFrame({"text": ["Syrian army", "Hezbollah", "Assad", "Syria"]})
    actors = pd.DataFrame({"label": ["Syrian government"]})


DOCS = [
    (
        "d1",
        "Jaish al-Islam clashes with Syrian army near Douma",
        "The Jaish al-Islam group said the Syrian army shelled Douma. Meanwhile, in Douma, residents fled.",
    ),
    (
        "d2",
        "Talks stall",
        "Fighters of Jaish al-Islam and Hezbollah exchanged fire, the Test Wire reports. Assads forces moved in. "
        "President Erdogan condemned the clashes.",
    ),
    ("d3", "Weather", "Heavy rain fell on Monday in Latakia, far from any fighting. Latakia was calm."),
    (
        "d4",
        "Army of Islam denies working with Hezbollah",
        "The Army of Islam rejected claims it worked with Hezbollah, said the Army of Islam spokesman. "
        "Its fighters were not there.",
    ),
]


@pytest.fixture()
def result():
    corpus = frame(DOCS)
    mentions = mentions_of(corpus, {"Syrian army": "syrian_government", "Hezbollah": "hezbollah", "Erdogan": "turkey"})
    return unmatched_candidates(corpus, mentions, gazetteer=FakeGazetteer(), min_count=2, top=None)


def test_columns_and_order(result):
    assert list(result.columns) == CANDIDATE_COLUMNS
    assert list(result["n"]) == sorted(result["n"], reverse=True)


def test_finds_multiword_names_with_particles(result):
    found = dict(zip(result["candidate"], result["n"]))
    assert found["Jaish al-Islam"] == 3  # title and text of d1, text of d2 ("Fighters of" trimmed)
    assert found["Army of Islam"] == 3  # "The" trimmed; kept whole where it opens the title
    row = result.set_index("candidate").loc["Jaish al-Islam"]
    assert row["n_docs"] == 2 and "syrian_government" in row["near"] and "hezbollah" in row["near"]
    assert "Jaish al-Islam" in row["example"] and row["doc_id"] == "d1"


def test_places_are_flagged_by_their_prepositions(result):
    douma = result.set_index("candidate").loc["Douma"]
    assert douma["n"] == 3 and douma["place_share"] == pytest.approx(2 / 3, abs=0.01)  # not "shelled Douma"


def test_leaves_out_known_names_outlets_common_words_and_far_phrases(result):
    names = set(result["candidate"])
    assert not names & {"Syrian army", "Hezbollah", "Assads", "Assad", "Test Wire", "Test", "Wire"}
    assert "Latakia" not in names  # no actor nearby
    assert not names & {"The", "Meanwhile", "Monday", "Fighters", "Talks", "President"}


def test_min_count_top_and_no_mentions():
    corpus = frame(DOCS)
    mentions = mentions_of(corpus, {"Hezbollah": "hezbollah"})
    out = unmatched_candidates(corpus, mentions, gazetteer=None, min_count=1, top=2)
    assert len(out) == 2
    empty = unmatched_candidates(corpus, mentions.iloc[0:0], gazetteer=None)
    assert list(empty.columns) == CANDIDATE_COLUMNS and empty.empty


def test_duplicate_copies_are_not_counted():
    corpus = frame(DOCS[:1] + [("d1b", DOCS[0][1], DOCS[0][2])])
    corpus.loc[1, "duplicate_of"] = "d1"
    mentions = mentions_of(corpus, {"Syrian army": "syrian_government"})
    out = unmatched_candidates(corpus, mentions, gazetteer=None, min_count=1).set_index("candidate")
    assert out.loc["Jaish al-Islam", "n"] == 2 and out.loc["Jaish al-Islam", "n_docs"] == 1


def test_runs_on_the_sample_with_the_real_tagger():
    import helpers as h

    corpus = h.load_corpus(h.config.SAMPLE_CORPUS)
    mentions = h.tag_mentions(corpus)
    out = unmatched_candidates(corpus, mentions)
    assert len(out) > 0 and (out["n"] >= 2).all()
    known = {a.lower() for a in h.load_gazetteer().aliases["text"]}
    assert not any(c.lower() in known for c in out["candidate"])
