"""Press versus record: reference importers, crosswalks, the comparison and its figure; outlets as data."""

from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import helpers as h
from helpers import config
from helpers.gazetteer import GazetteerError
from helpers.outlets import OutletError
from helpers.record import RecordError, detect_kind

REF = config.DATA_DIR / "reference"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def _support(rows: list[tuple]) -> pd.DataFrame:
    """A minimal SUPPORT table: (backer, client, date, source[, modality, negated])."""
    out = []
    for i, r in enumerate(rows):
        b, c, d, src = r[:4]
        out.append(
            {
                "doc_id": f"d{i}",
                "backer": b,
                "client": c,
                "date": pd.Timestamp(d, tz="UTC"),
                "source": src,
                "modality": r[4] if len(r) > 4 else "asserted",
                "negated": r[5] if len(r) > 5 else False,
                "support_type": "weapons",
                "confidence": 0.9,
            }
        )
    return pd.DataFrame(out)


# -- importers --------------------------------------------------------------------------------------------------
ESD_HEAD = "conflict_id,year,actor_name,ext_name,ext_sup,ext_alleged," + ",".join(h.record.ESD_TYPES)


def _esd_row(year: int, client: str, backer: str, sup: int = 1, alleged: int = 0, flags: str = "ext_w") -> str:
    bits = ",".join("1" if c in flags.split(";") else "0" for c in h.record.ESD_TYPES)
    return f"299,{year},{client},{backer},{sup},{alleged},{bits}"


def test_esd_triad_maps_names_types_and_years(tmp_path):
    p = _write(
        tmp_path / "esd.csv",
        "\n".join(
            [
                ESD_HEAD,
                _esd_row(2015, "Government of Syria", "Government of Russia (Soviet Union)", flags="ext_x;ext_w"),
                _esd_row(2016, "Government of Syria", "Government of Iran", flags="ext_f"),
                _esd_row(2016, "Government of Syria", "Government of Nowhere"),
                _esd_row(2016, "Government of Syria", "Government of Iran", sup=0),
            ]
        )
        + "\n",
    )
    ref = h.load_reference(p)
    report = ref.attrs["load_report"]
    assert report.kind == "ucdp_esd_triad" and report.rows == 4 and report.mapped == 2
    assert report.unmapped == {"Government of Nowhere": 1}
    assert report.skipped == [(4, "unmapped name: Government of Nowhere")]
    rows = {(r.backer, r.client, r.year): r.support_type for r in ref.itertuples()}
    assert rows == {
        ("russia", "syrian_government", 2015): "troops;weapons",
        ("iran", "syrian_government", 2016): "funding",
    }
    assert list(ref.columns) == h.record.REFERENCE_COLUMNS


def test_esd_subset_without_ext_sup_column_is_read(tmp_path):
    head = ESD_HEAD.replace(",ext_sup", "")
    line = _esd_row(2013, "Government of Syria", "Hezbollah").replace(",1,0,", ",0,", 1)
    ref = h.load_reference(_write(tmp_path / "sub.csv", head + "\n" + line + "\n"))
    assert list(zip(ref["backer"], ref["client"], ref["year"])) == [("hezbollah", "syrian_government", 2013)]


def test_crosswalk_dates_split_one_record_name_by_year(tmp_path):
    """UCDP's one 'Government of Syria' is Assad's government to 2024 and the transitional one after."""
    p = _write(
        tmp_path / "esd.csv",
        "\n".join(
            [
                ESD_HEAD,
                _esd_row(2020, "Government of Syria", "Government of Iran"),
                _esd_row(2025, "Government of Syria", "Government of Turkey"),
            ]
        )
        + "\n",
    )
    ref = h.load_reference(p)
    assert dict(zip(ref["year"], ref["client"])) == {2020: "syrian_government", 2025: "syrian_transitional_government"}


def test_acd_secondary_parties_back_their_side(tmp_path):
    p = _write(
        tmp_path / "acd.csv",
        "conflict_id,year,side_a,side_a_2nd,side_b,side_b_2nd\n"
        '299,2016,Government of Syria,"Government of Iran, Government of Russia (Soviet Union)",'
        "Syrian insurgents,\n",
    )
    ref = h.load_reference(p)
    assert ref.attrs["load_report"].kind == "ucdp_acd"
    assert set(zip(ref["backer"], ref["client"])) == {("iran", "syrian_government"), ("russia", "syrian_government")}
    assert set(ref["support_type"]) == {"troops"}


def test_acled_associated_actors_with_its_own_crosswalk():
    ref = h.load_reference(REF / "acled_example_synthetic.csv", crosswalk=REF / "acled_example_synthetic_crosswalk.csv")
    assert ref.attrs["load_report"].kind == "acled" and ref.attrs["load_report"].skipped == []
    assert ("russia", "syrian_government", 2017) in set(zip(ref["backer"], ref["client"], ref["year"]))


def test_gazetteer_reference_spans_edge_years():
    ref = h.load_reference(None)
    assert ref.attrs["load_report"].kind == "gazetteer" and set(ref["dataset"]) == {"gazetteer"}
    years = ref[(ref["backer"] == "russia") & (ref["client"] == "syrian_government")]["year"]
    assert {2015, 2016, 2024} <= set(years) and 2026 not in set(years)


@pytest.mark.parametrize(
    "header, message",
    [
        ("a,b,c", "unknown reference layout"),
        ("ext_name,actor_name,year", "unknown reference layout"),
    ],
)
def test_unknown_layout_is_named(tmp_path, header, message):
    with pytest.raises(RecordError, match=message):
        h.load_reference(_write(tmp_path / "x.csv", header + "\n1,2,3\n"))


def test_detect_kind_per_layout():
    assert detect_kind(["ext_name", "actor_name", "year", "ext_sup", "ext_sup_s"]) == "ucdp_esd_actor"
    assert detect_kind(["side_a", "side_b", "side_a_2nd", "side_b_2nd", "year"]) == "ucdp_acd"


def test_unreadable_file_names_it(tmp_path):
    with pytest.raises(RecordError, match="cannot read"):
        h.load_reference(tmp_path / "missing.csv")


@pytest.mark.parametrize(
    "body, reason",
    [
        ("external,ids,from,to,cite\nX,not_an_actor,,,c\n", "line 2: unknown id"),
        ("external,ids,from,to,cite\nX,,,,c\n", "line 2: no ids"),
        ("external,ids,from,to,cite\nX,iran,,,\n", "line 2: no cite"),
        ("external,ids,from,to,cite\nX,iran,,,c\nY,iran,2015-13-45,,c\n", "line 3: bad date"),
        ("external,ids\nX,iran\n", "missing column"),
    ],
)
def test_crosswalk_errors_name_file_and_line(tmp_path, body, reason):
    p = _write(tmp_path / "walk.csv", body)
    with pytest.raises(RecordError, match=reason) as err:
        h.load_crosswalk("ucdp", path=p)
    assert str(p) in str(err.value)


def test_shipped_crosswalks_are_valid():
    walk = h.load_crosswalk("ucdp")
    assert len(walk) > 20 and walk["cite"].str.len().gt(0).all()
    assert h.load_crosswalk("acled").empty  # a template: ACLED's names are not ours to ship


# -- comparison -------------------------------------------------------------------------------------------------
def _reference(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(
        [(b, c, y, "weapons", False, "test", i, b, c) for i, (b, c, y) in enumerate(rows)],
        columns=h.record.REFERENCE_COLUMNS,
    )
    frame.attrs["load_report"] = h.record.ReferenceReport("test", "gazetteer")
    return frame


def test_compare_statuses_and_lag():
    support = _support(
        [
            ("russia", "syrian_government", "2015-10-01", "Reuters"),
            ("russia", "syrian_government", "2015-12-01", "AFP"),
            ("iran", "hezbollah", "2015-03-01", "Reuters"),
            ("turkey", "syrian_national_army", "2015-06-01", "BBC", "asserted", True),
        ]
    )
    reference = _reference(
        [("russia", "syrian_government", 2015), ("usa", "sdf", 2015), ("russia", "syrian_government", 2016)]
    )
    cmp = h.compare_record(support, reference)
    status = {(r.backer, r.client, r.year): r.status for r in cmp.itertuples()}
    assert status == {
        ("russia", "syrian_government", 2015): "both",
        ("iran", "hezbollah", 2015): "press_only",
        ("usa", "sdf", 2015): "record_only",
    }  # 2016 outside the press years; negated left out
    row = cmp[cmp["status"] == "both"].iloc[0]
    assert (row["statements"], row["outlets"], row["lag_days"]) == (2, 2, 273)
    assert list(cmp.columns) == h.record.COMPARE_COLUMNS


def test_lag_unknown_when_the_record_starts_before_the_coverage():
    support = _support([("russia", "syrian_government", "2015-10-01", "Reuters")])
    cmp = h.compare_record(
        support, _reference([("russia", "syrian_government", 2012), ("russia", "syrian_government", 2015)])
    )
    assert cmp["status"].tolist() == ["both"] and cmp["lag_days"].isna().all()
    cmp = h.compare_record(
        support, _reference([("russia", "syrian_government", 2012), ("russia", "syrian_government", 2015)]), start=2012
    )
    assert cmp.loc[cmp["status"] == "both", "lag_days"].tolist() == [1369]


def test_compare_rolls_up_to_a_parent_the_record_names():
    support = _support([("irgc", "syrian_government", "2016-02-01", "Reuters")])
    cmp = h.compare_record(support, _reference([("iran", "syrian_government", 2016)]))
    assert cmp["status"].tolist() == ["both"]
    cmp = h.compare_record(
        support, _reference([("iran", "syrian_government", 2016)]), options=h.RecordOptions(rollup=False)
    )
    assert sorted(cmp["status"]) == ["press_only", "record_only"]


def test_compare_leaves_out_the_kits_own_record_reading():
    support = _support([("iran", "syrian_government", "2016-02-01", "Reuters")])
    reference = _reference([("iran", "syrian_government", 2016)])
    assert h.compare_record(support.assign(cue_kind="verb"), reference)["status"].tolist() == ["both"]
    assert h.compare_record(support.assign(cue_kind="record"), reference)["status"].tolist() == ["record_only"]


def test_compare_press_first_gives_negative_lag_and_filters():
    support = _support([("usa", "sdf", "2014-06-01", "Reuters")]).assign(confidence=0.4)
    cmp = h.compare_record(support, _reference([("usa", "sdf", 2015)]), start=2014, end=2015)
    both = cmp[cmp["backer"] == "usa"]
    assert set(both["status"]) == {"press_only", "record_only"}
    assert h.compare_record(support, _reference([("usa", "sdf", 2014)]))["lag_days"].iloc[0] == 151
    assert h.compare_record(support, _reference([("usa", "sdf", 2015)]), start=2014, end=2015, min_confidence=0.5)[
        "status"
    ].tolist() == ["record_only"]


def test_record_graph_and_plot():
    support = _support(
        [("russia", "syrian_government", "2015-10-01", "Reuters"), ("iran", "hezbollah", "2015-03-01", "Reuters")]
    )
    cmp = h.compare_record(support, _reference([("russia", "syrian_government", 2015), ("usa", "sdf", 2015)]))
    graph = h.record_graph(cmp)
    assert graph.edges["russia", "syrian_government"]["status"] == "both"
    assert graph.nodes["russia"]["label"] == "Russia"
    ax = h.plot_press_record(cmp)
    assert ax.get_title() and len(ax.get_yticklabels()) == 3
    assert not any("_" in t.get_text() for t in ax.get_yticklabels())  # labels, not ids
    plt.close(ax.figure)


def test_fakes_against_esd_agree_on_russia_and_iran(shared_dir):
    fakes = shared_dir / "corpora/fa-kes/FA-KES-Dataset.csv"
    if not fakes.exists():
        pytest.skip(f"{fakes} absent")
    corpus = h.load_corpus(fakes)
    support = h.extract_support(corpus, h.tag_mentions(corpus))
    ref = h.load_reference(shared_dir / "corpora/ucdp-esd/syria_support_triads.csv")
    cmp = h.compare_record(support, ref)
    both = set(zip(cmp.loc[cmp["status"] == "both", "backer"], cmp.loc[cmp["status"] == "both", "client"]))
    assert {("russia", "syrian_government"), ("iran", "syrian_government")} <= both
    assert {2016, 2017} & set(cmp.loc[(cmp["backer"] == "russia") & (cmp["status"] == "both"), "year"])


# -- gazetteer external ids ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "line, message",
    [
        ("wikidata: 858", "not a QID"),
        ("wikidata: X1", "not a QID"),
        ("ucdp: [one]", "UCDP actor id"),
        ("ucdp: -3", "UCDP actor id"),
    ],
)
def test_external_id_errors(tmp_path, line, message):
    p = _write(tmp_path / "g.yaml", f"actors:\n  - id: a\n    label: A\n    kind: state\n    {line}\n")
    with pytest.raises(GazetteerError, match=message):
        h.load_gazetteer(p)


def test_ucdp_ids_match_the_crosswalk_actors():
    g = h.load_gazetteer(None)
    assert 118 in g.actors.loc["syrian_government", "ucdp"]
    assert g.actors["ucdp"].map(len).gt(0).sum() >= 20


# -- outlets ------------------------------------------------------------------------------------------------------
def test_outlet_info_joins_by_alias_any_case():
    frame = pd.DataFrame({"source": ["reuters", "The Guardian", "Unknown Daily", None]})
    out = h.outlet_info(frame)
    assert out["outlet"].tolist()[:2] == ["Reuters", "The Guardian"]
    assert out["owner_type"].tolist()[:2] == ["wire", "private"] and out["owner_type"].isna().tolist()[2:] == [
        True,
        True,
    ]
    with pytest.raises(KeyError, match="no column 'outlet_name'"):
        h.outlet_info(frame, column="outlet_name")


@pytest.mark.parametrize(
    "row, message",
    [
        ("X,,Nowhere,owned-by-cats,en,c", "column owner_type"),
        ("X,,Nowhere,wire,en,", "column cite"),
        ("Y,reuters,Nowhere,wire,en,c", "already names the outlet of line 2"),
    ],
)
def test_outlet_errors_name_line_and_column(tmp_path, row, message):
    p = _write(
        tmp_path / "o.csv",
        "outlet,aliases,country,owner_type,language,cite\nReuters,reuters,United Kingdom,wire,en,c\n" + row + "\n",
    )
    with pytest.raises(OutletError, match=message):
        h.load_outlets(p)


def test_shipped_outlets_are_valid():
    table = h.load_outlets()
    assert len(table) >= 10 and set(table["owner_type"]) >= {"wire", "state-owned"}


def test_compare_support_by_year_is_the_record_comparison():
    support = _support([("russia", "syrian_government", "2015-10-01", "Reuters")])
    reference = _reference([("russia", "syrian_government", 2015)])
    assert h.compare_support(support, reference).equals(h.compare_record(support, reference))
    with pytest.raises(ValueError, match="needs the SUPPORT table"):
        h.compare_support(h.support_network(support), reference, by="year")


def test_wikidata_needs_its_cite(tmp_path):
    p = _write(tmp_path / "g.yaml", "actors:\n  - id: a\n    label: A\n    kind: state\n    wikidata: Q858\n")
    with pytest.raises(GazetteerError, match="needs wikidata_cite"):
        h.load_gazetteer(p)
    g = h.load_gazetteer(None)
    assert g.actors.loc["russia", "wikidata"] == "Q159"
    assert g.actors["wikidata"].notna().sum() >= 30


def test_compare_record_takes_its_knobs_in_record_options():
    support = _support([("irgc", "syrian_government", "2016-02-01", "Reuters")])
    reference = _reference([("iran", "syrian_government", 2016)])
    kit = h.compare_record(support, reference, options=h.RecordOptions(gazetteer=h.load_gazetteer(None)))
    assert kit.equals(h.compare_record(support, reference))
    flat = h.compare_record(support, reference, options=h.RecordOptions(rollup=False))
    assert sorted(flat["status"]) == ["press_only", "record_only"]
    with pytest.raises(TypeError, match="RecordOptions"):
        h.compare_record(support, reference, options={"rollup": False})
    with pytest.raises(TypeError, match="load_gazetteer"):
        h.RecordOptions(gazetteer="syria")
