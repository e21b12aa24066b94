"""Tiny hand-built tables for the analysis tests (timelines, co-occurrence, networks, sources, plots).

Six articles, written for these tests:

| doc | date       | source | note                                   |
|-----|------------|--------|----------------------------------------|
| a1  | 2015-01-05 | wire   | headline + two paragraphs              |
| a2  | 2015-01-20 | wire   |                                        |
| a3  | 2015-03-10 | state  |                                        |
| a4  | 2015-03-12 | echo   | syndicated copy of a3 (duplicate_of a3) |
| a5  | NaT        | wire   | undated                                |
| a6  | 2015-03-25 | wire   |                                        |

February 2015 has no article at all (zero-filled periods). The mentions (MENTION_SPECS) carry real
offsets into the texts; "Turkey" in a1 is a place reading, ypg has parent sdf, irgc has parent iran.

Sentence windows (doc, field, sent_id) holding actor mentions, stories="unique":

    W1 a1 title 0 {russia}              W6  a3 text 0 {russia, syrian_government}
    W2 a1 text 0  {russia, syrian_gov}  W7  a3 text 1 {ypg, turkey}
    W3 a1 text 1  {iran, syrian_gov}    W8  a5 text 0 {russia}           (undated)
    W4 a2 text 0  {russia, iran}        W9  a6 title 0 {sdf}
    W5 a2 text 1  {isis}                W10 a6 text 0 {irgc, syrian_government}

(a1 text sentence 2 holds only the place reading of Turkey.) a4 adds two windows under stories="all":
a4 text 0 {russia, syrian_government} and a4 text 1 {ypg, turkey}.
"""

from __future__ import annotations

import pandas as pd

TEXTS: dict[str, dict[str, str]] = {
    "a1": {
        "title": "Russia warns rebels in Idlib",
        "text": (
            "Russian jets struck Idlib, Russia said, backing the Syrian government. "
            "Iran sent advisers to the Syrian government.\n\n"
            "Refugees crossed into Turkey."
        ),
    },
    "a2": {"title": "Talks on Monday", "text": "Russia and Iran held talks on Monday.\n\nIsis claimed the bombing."},
    "a3": {
        "title": "More help pledged",
        "text": "Russia pledged more help to the Syrian government.\n\nThe YPG clashed with Turkey near the border.",
    },
    "a4": {
        "title": "More help pledged",
        "text": "Russia pledged more help to the Syrian government.\n\nThe YPG clashed with Turkey near the border.",
    },
    "a5": {"title": "Veto", "text": "Russia vetoed the resolution."},
    "a6": {"title": "SDF advances east", "text": "IRGC officers met Syrian government envoys."},
}

ARTICLES: list[tuple[str, str | None, str, str | None]] = [
    ("a1", "2015-01-05T08:00:00Z", "wire", None),
    ("a2", "2015-01-20T12:00:00Z", "wire", None),
    ("a3", "2015-03-10T09:30:00Z", "state", None),
    ("a4", "2015-03-12T10:00:00Z", "echo", "a3"),
    ("a5", None, "wire", None),
    ("a6", "2015-03-25T23:00:00Z", "wire", None),
]

# (doc, field, para_id, sent_id, surface, occurrence of surface in the field, entity, kind, via, role, parent)
MENTION_SPECS: list[tuple] = [
    ("a1", "title", 0, 0, "Russia", 0, "russia", "state", "name", "actor", None),
    ("a1", "text", 0, 0, "Russian", 0, "russia", "state", "demonym", "actor", None),
    ("a1", "text", 0, 0, "Russia", 1, "russia", "state", "name", "actor", None),
    ("a1", "text", 0, 0, "Syrian government", 0, "syrian_government", "state", "name", "actor", None),
    ("a1", "text", 0, 1, "Iran", 0, "iran", "state", "name", "actor", None),
    ("a1", "text", 0, 1, "Syrian government", 1, "syrian_government", "state", "name", "actor", None),
    ("a1", "text", 1, 2, "Turkey", 0, "turkey", "state", "name", "place", None),
    ("a2", "text", 0, 0, "Russia", 0, "russia", "state", "name", "actor", None),
    ("a2", "text", 0, 0, "Iran", 0, "iran", "state", "name", "actor", None),
    ("a2", "text", 1, 1, "Isis", 0, "isis", "faction", "name", "actor", None),
    ("a3", "text", 0, 0, "Russia", 0, "russia", "state", "name", "actor", None),
    ("a3", "text", 0, 0, "Syrian government", 0, "syrian_government", "state", "name", "actor", None),
    ("a3", "text", 1, 1, "YPG", 0, "ypg", "faction", "acronym", "actor", "sdf"),
    ("a3", "text", 1, 1, "Turkey", 0, "turkey", "state", "name", "actor", None),
    ("a4", "text", 0, 0, "Russia", 0, "russia", "state", "name", "actor", None),
    ("a4", "text", 0, 0, "Syrian government", 0, "syrian_government", "state", "name", "actor", None),
    ("a4", "text", 1, 1, "YPG", 0, "ypg", "faction", "acronym", "actor", "sdf"),
    ("a4", "text", 1, 1, "Turkey", 0, "turkey", "state", "name", "actor", None),
    ("a5", "text", 0, 0, "Russia", 0, "russia", "state", "name", "actor", None),
    ("a6", "title", 0, 0, "SDF", 0, "sdf", "faction", "acronym", "actor", None),
    ("a6", "text", 0, 0, "IRGC", 0, "irgc", "faction", "acronym", "actor", "iran"),
    ("a6", "text", 0, 0, "Syrian government", 0, "syrian_government", "state", "name", "actor", None),
]

# (doc, field, para_id, sent_id, sentence): the sentence table sentences_of() would give
SENTENCE_SPECS: list[tuple] = [
    ("a1", "title", 0, 0, "Russia warns rebels in Idlib"),
    ("a1", "text", 0, 0, "Russian jets struck Idlib, Russia said, backing the Syrian government."),
    ("a1", "text", 0, 1, "Iran sent advisers to the Syrian government."),
    ("a1", "text", 1, 2, "Refugees crossed into Turkey."),
    ("a2", "text", 0, 0, "Russia and Iran held talks on Monday."),
    ("a2", "text", 1, 1, "Isis claimed the bombing."),
    ("a3", "text", 0, 0, "Russia pledged more help to the Syrian government."),
    ("a3", "text", 1, 1, "The YPG clashed with Turkey near the border."),
    ("a4", "text", 0, 0, "Russia pledged more help to the Syrian government."),
    ("a4", "text", 1, 1, "The YPG clashed with Turkey near the border."),
    ("a5", "text", 0, 0, "Russia vetoed the resolution."),
    ("a6", "title", 0, 0, "SDF advances east"),
    ("a6", "text", 0, 0, "IRGC officers met Syrian government envoys."),
]


def _find(text: str, surface: str, occurrence: int) -> int:
    pos = -1
    for _ in range(occurrence + 1):
        pos = text.find(surface, pos + 1)
        if pos < 0:
            raise ValueError(f"{surface!r} #{occurrence} not in {text!r}")
    return pos


def make_corpus() -> pd.DataFrame:
    """CORPUS table of the six test articles."""
    rows = []
    for doc, date, source, dup in ARTICLES:
        title, text = TEXTS[doc]["title"], TEXTS[doc]["text"]
        rows.append(
            {
                "doc_id": doc,
                "title": title,
                "date": date,
                "source": source,
                "url": f"https://example.org/{doc}",
                "text": text,
                "n_chars": len(text),
                "path": f"test/{doc}.txt",
                "duplicate_of": dup,
            }
        )
    corpus = pd.DataFrame(rows)
    corpus["date"] = pd.to_datetime(corpus["date"], utc=True)
    return corpus


def make_mentions(categorical: bool = True) -> pd.DataFrame:
    """MENTIONS table with real offsets; entity/source/kind/via/role Categorical when asked."""
    corpus = make_corpus().set_index("doc_id")
    rows = []
    for doc, field, para, sent, surface, occ, entity, kind, via, role, parent in MENTION_SPECS:
        start = _find(TEXTS[doc][field], surface, occ)
        rows.append(
            {
                "doc_id": doc,
                "date": corpus.at[doc, "date"],
                "source": corpus.at[doc, "source"],
                "duplicate_of": corpus.at[doc, "duplicate_of"],
                "field": field,
                "para_id": para,
                "sent_id": sent,
                "start": start,
                "end": start + len(surface),
                "surface": surface,
                "entity": entity,
                "kind": kind,
                "via": via,
                "role": role,
                "parent": parent,
            }
        )
    mentions = pd.DataFrame(rows)
    mentions["date"] = pd.to_datetime(mentions["date"], utc=True)
    if categorical:
        for col in ("entity", "source", "kind", "via", "role"):
            mentions[col] = mentions[col].astype("category")
    return mentions


def make_sentences() -> pd.DataFrame:
    """The sentence table (doc_id, field, para_id, sent_id, start, end, sentence)."""
    rows = []
    for doc, field, para, sent, sentence in SENTENCE_SPECS:
        start = TEXTS[doc][field].find(sentence)
        assert start >= 0, (doc, sentence)
        rows.append(
            {
                "doc_id": doc,
                "field": field,
                "para_id": para,
                "sent_id": sent,
                "start": start,
                "end": start + len(sentence),
                "sentence": sentence,
            }
        )
    return pd.DataFrame(rows)


def make_support() -> pd.DataFrame:
    """SUPPORT table: eight backing statements (one syndicated copy, one denied)."""
    corpus = make_corpus().set_index("doc_id")
    specs = [
        # backer, client, doc, field, sent, cue, sentence, modality, negated
        ("russia", "syrian_government", "a1", "text", 0, "backing", SENTENCE_SPECS[1][4], "asserted", False),
        ("iran", "syrian_government", "a1", "text", 1, "sent advisers", SENTENCE_SPECS[2][4], "asserted", False),
        ("russia", "syrian_government", "a3", "text", 0, "help", SENTENCE_SPECS[6][4], "asserted", False),
        ("russia", "syrian_government", "a4", "text", 0, "help", SENTENCE_SPECS[8][4], "asserted", False),
        ("us", "sdf", "a6", "text", 0, "backed", "The US reportedly backed the SDF.", "alleged", False),
        ("turkey", "isis", "a2", "text", 1, "armed", "Turkey denied arming Isis.", "denied", True),
        ("iran", "hezbollah", "a2", "text", 0, "funds", "Iran may fund Hezbollah.", "possible", False),
        (
            "hezbollah",
            "syrian_government",
            "a6",
            "text",
            0,
            "support",
            "Hezbollah fighters support the Syrian government.",
            "asserted",
            False,
        ),
    ]
    rows = []
    for backer, client, doc, field, sent, cue, sentence, modality, negated in specs:
        rows.append(
            {
                "backer": backer,
                "client": client,
                "doc_id": doc,
                "date": corpus.at[doc, "date"],
                "source": corpus.at[doc, "source"],
                "field": field,
                "sent_id": sent,
                "cue": cue,
                "sentence": sentence,
                "modality": modality,
                "negated": negated,
            }
        )
    support = pd.DataFrame(rows)
    support["date"] = pd.to_datetime(support["date"], utc=True)
    return support


def make_reference() -> pd.DataFrame:
    """Reference backs edges (backer, client, from, to, cite), as the gazetteer gives them."""
    return pd.DataFrame(
        [
            ("russia", "syrian_government", "2015-09-30", "2024-12-08", "Russian air campaign"),
            ("iran", "syrian_government", "2011-03-15", "2024-12-08", "Iranian advisers"),
            ("iran", "hezbollah", "1982-01-01", None, "founding support"),
            ("us", "sdf", "2015-10-01", None, "US train-and-equip"),
            ("turkey", "syrian_national_army", "2017-12-30", None, "SNA formed under Turkish sponsorship"),
            ("saudi_arabia", "syrian_opposition", "2013-01-01", "2017-07-19", "Timber Sycamore era funding"),
        ],
        columns=["backer", "client", "from", "to", "cite"],
    )


def make_actors() -> pd.DataFrame:
    """Gazetteer-style actors frame (index id; label, kind, parent)."""
    return pd.DataFrame(
        [
            ("russia", "Russia", "state", None),
            ("syrian_government", "Syrian government", "state", None),
            ("iran", "Iran", "state", None),
            ("irgc", "Islamic Revolutionary Guard Corps", "faction", "iran"),
            ("isis", "Islamic State", "faction", None),
            ("sdf", "Syrian Democratic Forces", "faction", None),
            ("ypg", "People's Protection Units", "faction", "sdf"),
            ("turkey", "Turkey", "state", None),
        ],
        columns=["id", "label", "kind", "parent"],
    ).set_index("id")
