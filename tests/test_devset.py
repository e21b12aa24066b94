"""The real-text dev set: its scorer on a tiny fixture with known counts, agreement, and the real set."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import helpers as h
from helpers.devset import REAL_DIR, _kappa, check_hash, devset_agreement, load_devset, score_devset

TEXTS = [
    ("Iran arms Hezbollah", "Tehran has long armed Hezbollah in Lebanon."),
    ("Russia and Turkey talk", "Russian and Turkish envoys met in Sochi."),
    ("US-backed SDF take Raqqa", ""),
]


@pytest.fixture()
def fixture(tmp_path):
    corpora = tmp_path / "corpora"
    (corpora / "tiny").mkdir(parents=True)
    pd.DataFrame(
        {
            "title": [t for t, _ in TEXTS],
            "text": [x for _, x in TEXTS],
            "date": ["2018-03-01"] * 3,
            "source": ["a", "b", "c"],
        }
    ).to_csv(corpora / "tiny" / "t.csv", index=False)
    folder = tmp_path / "real"
    folder.mkdir()
    (folder / "corpora.csv").write_text("corpus,path,description\ntiny,tiny/t.csv,three rows\n")
    pd.DataFrame(
        {
            "corpus": ["tiny"] * 3,
            "row": [0, 1, 2],
            "check": [check_hash(t) for t, _ in TEXTS],
            "stratum": ["all"] * 3,
            "second_pass": [True, True, False],
            "split": ["tune", "test", "tune"],
        }
    ).to_csv(folder / "items.csv", index=False)
    labels = [
        {
            "corpus": "tiny",
            "row": 0,
            "actors": ["iran", "hezbollah", "lebanon"],
            "support": [
                {
                    "backer": "iran",
                    "client": "hezbollah",
                    "modality": "asserted",
                    "support_type": ["weapons"],
                    "attributed_to": "",
                    "cue": "armed",
                }
            ],
        },
        {"corpus": "tiny", "row": 1, "actors": ["russia", "turkey"], "support": []},
        {
            "corpus": "tiny",
            "row": 2,
            "actors": ["united_states", "sdf"],
            "support": [
                {
                    "backer": "united_states",
                    "client": "sdf",
                    "modality": "asserted",
                    "support_type": "unspecified",
                    "attributed_to": "",
                    "cue": "backed",
                },
                {
                    "backer": "united_states",
                    "client": "isis",
                    "modality": "asserted",
                    "support_type": "unspecified",
                    "attributed_to": "",
                    "cue": "made up",
                },
            ],
        },
    ]
    (folder / "tiny.jsonl").write_text("\n".join(json.dumps(x) for x in labels) + "\n")
    second = [
        {**labels[0], "actors": ["iran", "hezbollah"]},
        {**labels[1], "support": [{"backer": "russia", "client": "turkey", "modality": "asserted"}]},
    ]
    (folder / "second_pass.jsonl").write_text("\n".join(json.dumps(x) for x in second) + "\n")
    return folder, corpora


def test_scorer_counts(fixture):
    folder, corpora = fixture
    score = score_devset(load_devset(folder), corpora_dir=corpora, folder=folder)
    t = score.summary.set_index(["split", "corpus", "task"])
    # presence: tune rows 0 and 2 -> gold {iran, hezbollah, lebanon} + {us, sdf}; "in Lebanon" is a place
    assert (t.loc[("tune", "all", "presence"), ["tp", "fp", "fn"]] == [4, 0, 1]).all()
    # support: tune gold (iran, hezbollah), (us, sdf), (us, isis); found the first two
    assert (t.loc[("tune", "all", "support"), ["tp", "fp", "fn"]] == [2, 0, 1]).all()
    assert t.loc[("tune", "all", "support"), "recall"] == pytest.approx(0.667, abs=1e-3)
    assert t.loc[("tune", "all", "support"), "support_type"] == 1.0
    assert (t.loc[("test", "all", "presence"), ["tp", "fp", "fn"]] == [2, 0, 0]).all()
    missed = score.errors[(score.errors.task == "support") & (score.errors.kind == "missed")]
    assert missed[["backer", "client"]].values.tolist() == [["united_states", "isis"]]
    assert set(score.edges["split"]) <= {"tune", "test"} and score.edges["correct"].all()


def test_changed_corpus_is_noticed(fixture):
    folder, corpora = fixture
    items = pd.read_csv(folder / "items.csv")
    items.loc[0, "check"] = "0000000000"
    items.to_csv(folder / "items.csv", index=False)
    with pytest.raises(ValueError, match="has changed"):
        score_devset(load_devset(folder), corpora_dir=corpora, folder=folder)


def test_label_for_unknown_item_names_file_and_line(fixture):
    folder, _ = fixture
    with open(folder / "tiny.jsonl", "a") as f:
        f.write(json.dumps({"corpus": "tiny", "row": 9, "actors": []}) + "\n")
    with pytest.raises(ValueError, match=r"tiny.jsonl, line 4: \('tiny', 9\) is not an item"):
        load_devset(folder)


def test_agreement(fixture):
    folder, _ = fixture
    a = devset_agreement(folder, vocabulary=["iran", "hezbollah", "lebanon", "russia", "turkey"]).set_index("corpus")
    assert a.loc["all", "items"] == 2
    assert a.loc["all", "edge_f1"] == pytest.approx(2 * 0.5 * 1 / 1.5, abs=1e-3)  # 1 shared, 1 extra in pass 2
    assert a.loc["all", "presence_f1"] == pytest.approx(2 * 4 / (2 * 4 + 1), abs=1e-3)
    assert 0 < a.loc["all", "presence_kappa"] < 1


def test_kappa_known_value():
    # 10 decisions: both yes 4, both no 4, disagree 2 -> po 0.8, pe 0.5 -> kappa 0.6
    a = [1, 1, 1, 1, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 1, 0, 0, 0, 0, 0, 1]
    assert _kappa([bool(x) for x in a], [bool(x) for x in b]) == pytest.approx(0.6)


def test_real_dev_set_is_well_formed():
    items = load_devset()
    assert {"aljazeera", "fakes", "guardian", "sudan"} == set(items.corpus)
    assert (
        items.groupby("corpus").size() >= pd.Series({"aljazeera": 106, "fakes": 150, "guardian": 400, "sudan": 300})
    ).all()
    later = {f"{half}{n}" for half in ("tune", "fresh") for n in range(2, 7)}
    assert set(items.split) == {"tune", "test", "fresh"} | later
    assert items[items.split == "fresh"].stratum.str.startswith("fresh_").all()
    batches = (
        (2, {"fakes": 120, "sudan": 60}),
        (3, {"fakes": 120, "guardian": 300}),
        (4, {"fakes": 120}),
        (5, {"sudan": 120}),
    )
    for n, sizes in batches:
        batch = items[items.split.isin([f"tune{n}", f"fresh{n}"])]  # a later blind batch, halved
        assert batch.stratum.isin([f"cue{n}", f"any{n}"]).all() and batch.labelled.all()
        assert batch.groupby("corpus").size().to_dict() == sizes
    assert not items.duplicated(["corpus", "row"]).any()
    syria = items[(items.corpus != "sudan") & items.split.isin(["tune", "test"])]  # Sudan and fresh: one pass
    assert syria.second_pass.mean() == pytest.approx(0.10, abs=0.01)
    assert (REAL_DIR / "GUIDE.md").exists()


@pytest.mark.slow
def test_real_dev_set_scores():
    if not (h.config.SHARED_DIR / "corpora").is_dir():
        pytest.skip(f"real corpora absent: {h.config.SHARED_DIR / 'corpora'}")
    items = load_devset()
    if not items.labelled.any():
        pytest.skip("no dev-set labels yet")
    score = score_devset(items)
    sup = score.summary.set_index(["split", "corpus", "task"])
    assert sup.loc[("tune", "all", "presence"), "f1"] >= 0.85
    assert sup.loc[("tune", "all", "support"), "precision"] >= 0.7
