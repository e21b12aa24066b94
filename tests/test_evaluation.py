"""Unit tests of helpers.evaluation: gold markers, the gold file, and scoring on a small gold set written here."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import helpers as h
from helpers import evaluation as ev

# ------------------------------------------------------------------------------------------ markers


def test_parse_marked_offsets_are_in_the_plain_text():
    plain, mentions = ev.parse_marked("{{Russia|russia}} backed {{Assad|syrian_government}} in {{Syria|syria|place}}.")
    assert plain == "Russia backed Assad in Syria."
    assert mentions == [(0, 6, "russia", "actor"), (14, 19, "syrian_government", "actor"), (23, 28, "syria", "place")]
    for s, e, _, _ in mentions:
        assert plain[s:e] in {"Russia", "Assad", "Syria"}


def test_parse_marked_other_roles_and_plain_text():
    assert ev.parse_marked("the {{Qatari|qatar|outlet}} channel")[1] == [(4, 10, "qatar", "outlet")]
    assert ev.parse_marked("no markers") == ("no markers", [])
    assert ev.parse_marked("") == ("", [])


@pytest.mark.parametrize("text", ["{{Russia|russia}", "{{Russia}} said", "{{Russia|Russia}} said", "a }} b"])
def test_parse_marked_refuses_malformed_markers(text):
    with pytest.raises(ValueError, match="malformed mention marker"):
        ev.parse_marked(text)


# ------------------------------------------------------------------------------------------ gold file


def _gold(tmp_path, rows, extra=""):
    p = tmp_path / "gold.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in rows) + "\n" + extra)
    return p


def test_load_gold_reads_fields_and_defaults(tmp_path):
    p = _gold(
        tmp_path,
        [
            {"id": "p1", "date": "2024-12-01", "text": "{{HTS|hts}} advanced."},
            {
                "id": "p2",
                "style": "wire",
                "field": "title",
                "text": "Talks",
                "note": "n",
                "support": [{"backer": "a", "client": "b"}],
            },
        ],
    )
    g = ev.load_gold(p)
    assert g.columns.tolist() == ["id", "style", "date", "field", "text", "mentions", "support", "note", "language"]
    assert g["language"].tolist() == ["und", "und"]  # too short to tell English by its function words
    assert g["field"].tolist() == ["text", "title"] and g["style"].tolist() == ["", "wire"]
    assert g.loc[0, "mentions"] == [(0, 3, "hts", "actor")]
    assert g.loc[0, "date"] == pd.Timestamp("2024-12-01", tz="UTC") and pd.isna(g.loc[1, "date"])


@pytest.mark.parametrize(
    ("bad", "why"),
    [("not json", "Expecting value"), ('{"id": "p"}', "'text'"), ('{"id": "p", "text": "{{a|b}"}', "malformed")],
)
def test_load_gold_names_the_line_of_a_bad_entry(tmp_path, bad, why):
    p = _gold(tmp_path, [{"id": "p1", "text": "fine"}], extra="\n" + bad + "\n")
    with pytest.raises(ValueError, match=rf"gold.jsonl, line 3: .*{why}"):
        ev.load_gold(p)


def test_load_gold_names_the_line_of_an_entry_without_id(tmp_path):
    p = _gold(tmp_path, [{"id": "p1", "text": "fine"}, {"text": "no id"}])
    with pytest.raises(ValueError, match=r"gold.jsonl, line 2"):
        ev.load_gold(p)


def test_gold_corpus_puts_headlines_in_title():
    g = pd.DataFrame(
        {
            "id": ["a", "b"],
            "style": ["s", "t"],
            "date": pd.to_datetime(["2024-01-01", None], utc=True),
            "field": ["title", "text"],
            "text": ["Head", "Body text"],
        }
    )
    c = ev.gold_corpus(g)
    assert c[["doc_id", "title", "text", "source"]].values.tolist() == [
        ["a", "Head", "", "s"],
        ["b", "", "Body text", "t"],
    ]
    assert c["n_chars"].tolist() == [0, 9] and c["duplicate_of"].isna().all()


def test_prf():
    assert ev._prf(0, 0, 0) == (1.0, 1.0, 1.0)
    assert ev._prf(0, 2, 2) == (0.0, 0.0, 0.0)
    assert ev._prf(3, 1, 0) == (0.75, 1.0, 0.8571)


# ------------------------------------------------------------------------------------------ evaluate

GOLD = [
    {
        "id": "p1",
        "date": "2024-12-01",
        "text": "{{Russia|russia}} backed {{Assad|syrian_government}} for years, and refugees fled to "
        "{{Turkey|turkey|place}}.",
        "support": [{"backer": "russia", "client": "syrian_government", "modality": "reported"}],
    },
    {
        "id": "p2",
        "date": "2024-12-02",
        "field": "title",
        "text": "{{HTS|hts}} fighters enter Aleppo as Iran watches",
        "support": [{"backer": "iran", "client": "hts"}],
    },
    {"id": "p3", "date": "2024-12-03", "text": "{{Zorbland|zorbland}} said so."},
]


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return ev.evaluate(_gold(tmp_path_factory.mktemp("gold"), GOLD))


def test_evaluate_counts_mentions(result):
    # tp: Russia, Assad, HTS; fp: Iran (not marked in p2); fn: Zorbland (not in the gazetteer)
    s = result.summary.set_index("task")
    assert [int(s.at["mentions", k]) for k in ("tp", "fp", "fn")] == [3, 1, 1]
    assert (s.at["mentions", "precision"], s.at["mentions", "recall"], s.at["mentions", "f1"]) == (0.75, 0.75, 0.75)
    assert [int(s.at["mentions (exact span)", k]) for k in ("tp", "fp", "fn")] == [3, 1, 1]
    assert (s.at["roles", "precision"], s.at["roles", "tp"], s.at["roles", "fp"]) == (1.0, 4, 0)  # Turkey: place
    errs = result.errors[result.errors["kind"].isin(["spurious", "missed"])]
    assert errs[["id", "kind", "surface"]].values.tolist() == [["p2", "spurious", "Iran"], ["p3", "missed", "Zorbland"]]
    assert result.score("mentions", "precision") == 0.75


def test_evaluate_scores_support_edges_and_modality(result):
    s = result.summary.set_index("task")
    assert (s.at["support", "tp"], s.at["support", "fp"], s.at["support", "fn"]) == (1, 0, 1)
    assert result.modality_accuracy == 0.0  # gold says reported, the kit reads asserted
    kinds = result.errors.groupby("kind")["surface"].apply(list).to_dict()
    assert kinds["wrong modality"] == ["russia -> syrian_government"]
    assert kinds["missed edge"] == ["iran -> hts"]
    assert result.support[["backer", "client", "tp", "fp", "fn"]].values.tolist() == [
        ["iran", "hts", 0, 0, 1],
        ["russia", "syrian_government", 1, 0, 0],
    ]


def test_evaluate_unknown_surfaces_count_under_unknown_via(result):
    assert "unknown" in result.per_via["via"].tolist()
    row = result.per_entity.set_index("entity").loc["zorbland"]
    assert (row["tp"], row["fn"]) == (0, 1)


def test_eval_result_repr(result):
    assert repr(result).startswith("EvalResult\n") and "support" in repr(result)
    assert "<table" in result._repr_html_()


def test_evaluate_wrong_role(tmp_path):
    rows = [{"id": "r1", "date": "2024-12-01", "text": "Refugees fled to {{Turkey|turkey}} last year."}]
    res = ev.evaluate(_gold(tmp_path, rows))
    wrong = res.errors[res.errors["kind"] == "wrong role"]
    assert wrong[["surface", "expected", "predicted"]].values.tolist() == [
        ["Turkey", "turkey (actor)", "turkey (place)"]
    ]
    s = res.summary.set_index("task")
    assert (s.at["roles", "tp"], s.at["roles", "fp"]) == (0, 1)
    assert (s.at["mentions", "tp"], s.at["mentions", "fn"]) == (0, 1)


def test_the_blind_written_sets_are_split_apart_and_name_known_actors():
    """Every blind set has a tune and an untouched fresh half; ids are unique across them and the other gold
    files; every edge's ends are actors of the set's pack."""
    packs = {"ar_syria": "syria", "en_syria2025": "syria", "ar_sudan": "sudan", "en_sudan": "sudan"}
    packs |= {"ar_syria2": "syria", "ar_sudan2": "sudan", "en_sudan2": "sudan"}
    packs |= {"ar_syria3": "syria", "ar_sudan3": "sudan", "en_sudan3": "sudan", "en_syria3": "syria"}
    packs |= {"en_syria5": "syria", "ar_syria5": "syria", "ar_sudan5": "sudan", "en_sudan5": "sudan"}
    packs |= {f"{lang}_{pack}{n}": pack for lang in ("en", "ar") for pack in ("syria", "sudan") for n in range(6, 12)}
    seen: set[str] = set(h.load_gold()["id"])
    for name, pack in packs.items():
        files = [h.config.GOLD_BLIND / f"{name}_{half}.jsonl" for half in ("tune", "fresh")]
        g = [h.load_gold(f) for f in files]
        assert min(len(x) for x in g) >= 12 and abs(len(g[0]) - len(g[1])) <= 1, name
        ids = [i for x in g for i in x["id"]]
        assert len(ids) == len(set(ids)) and not seen & set(ids), name
        seen |= set(ids)
        gaz = h.load_gazetteer([h.config.CONFLICTS_DIR / p / "gazetteer.yaml" for p in ("common", pack)])
        known = set(gaz.actors.index)
        for x in g:
            assert {e[k] for s in x["support"] for e in s for k in ("backer", "client")} <= known, name
    for name in ("ar_syria4", "ar_sudan4", "en_sudan4", "en_syria4"):  # round 4: untouched, whole
        ids = list(h.load_gold(h.config.GOLD_BLIND / f"{name}_fresh.jsonl")["id"])
        assert len(ids) == 30 and not seen & set(ids), name
        seen |= set(ids)
