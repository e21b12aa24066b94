"""Unit tests of helpers.outlets with tables written in the test (tests/test_record.py covers the shipped one)."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.outlets import INFO_COLUMNS, OutletError, load_outlets, outlet_info

HEADER = "outlet,aliases,country,owner_type,language,cite\n"


def _table(tmp_path, rows: str):
    p = tmp_path / "outlets.csv"
    p.write_text(HEADER + rows)
    return p


def test_load_outlets_collects_every_name_lower_case(tmp_path):
    p = _table(tmp_path, "SANA,Syrian Arab News Agency; sana.sy ;,Syria,state-owned,ar,c1\nReuters,,UK,wire,en,c2\n")
    t = load_outlets(p)
    assert t["outlet"].tolist() == ["SANA", "Reuters"]
    assert t["names"].tolist() == [["sana", "sana.sy", "syrian arab news agency"], ["reuters"]]


def test_load_outlets_missing_columns(tmp_path):
    p = tmp_path / "o.csv"
    p.write_text("outlet,country\nX,Y\n")
    missing = r"o\.csv: missing column\(s\) \['aliases', 'cite', 'language', 'owner_type'\]"
    with pytest.raises(OutletError, match=missing):
        load_outlets(p)


def test_a_name_claimed_twice_names_both_lines(tmp_path):
    p = _table(tmp_path, "A,x,C,wire,en,c\nB,,C,wire,en,c\nX,,C,wire,en,c\n")
    with pytest.raises(OutletError, match=r"line 4, column aliases: 'x' already names the outlet of line 2"):
        load_outlets(p)


def test_outlet_info_joins_and_leaves_unknown_sources_missing(tmp_path):
    p = _table(tmp_path, "SANA,sana.sy,Syria,state-owned,ar,c1\n")
    frame = pd.DataFrame({"src": ["  SANA.SY ", "Other", None], "n": [1, 2, 3]})
    out = outlet_info(frame, column="src", path=p)
    assert out[INFO_COLUMNS].iloc[0].tolist() == ["SANA", "Syria", "state-owned", "ar"]
    assert out[INFO_COLUMNS].iloc[1:].isna().all().all()
    assert all(str(out[c].dtype) == "string" for c in INFO_COLUMNS)
    assert out["n"].tolist() == [1, 2, 3] and "outlet" not in frame.columns


def test_outlet_info_of_an_empty_frame(tmp_path):
    p = _table(tmp_path, "SANA,,Syria,state-owned,ar,c1\n")
    out = outlet_info(pd.DataFrame({"source": pd.Series([], dtype="string")}), path=p)
    assert len(out) == 0 and set(INFO_COLUMNS) <= set(out.columns)
