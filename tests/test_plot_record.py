"""Unit tests of helpers.plot_record.plot_press_record: the grid it draws and that it renders."""

from __future__ import annotations

import io
from types import SimpleNamespace

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers.plot_record import STATUS_COLOURS, plot_press_record

GAZ = SimpleNamespace(
    actors=pd.DataFrame(
        {"label": ["Russia", "Syrian government (Assad)", "Iran"]}, index=["russia", "syrian_government", "iran"]
    )
)


def _comparison() -> pd.DataFrame:
    rows = [
        ("russia", "syrian_government", 2015, "both", 5),
        ("russia", "syrian_government", 2017, "press_only", 2),
        ("iran", "hezbollah", 2016, "record_only", 0),
        ("iran", "syrian_government", 2015, "press_only", 1),
    ]
    return pd.DataFrame(rows, columns=["backer", "client", "year", "status", "statements"])


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_grid_rows_are_pairs_by_weight_and_columns_every_year():
    ax = plot_press_record(_comparison(), gazetteer=GAZ)
    grid = np.asarray(ax.images[0].get_array())
    # pairs by statements: russia->sg (7), iran->sg (1), iran->hezbollah (0); years 2015..2017
    assert grid.tolist() == [[1, 0, 2], [2, 0, 0], [0, 3, 0]]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Russia → Syrian government",
        "Iran → Syrian government",
        "Iran → hezbollah",
    ]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2015", "2016", "2017"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["both", "press only", "record only"]
    assert ax.get_title().startswith("Backing by year")


def test_top_keeps_the_heaviest_pairs_and_title_is_used():
    ax = plot_press_record(_comparison(), gazetteer=GAZ, top=1, title="Mine")
    assert np.asarray(ax.images[0].get_array()).shape == (1, 3) and ax.get_title() == "Mine"


def test_dollar_signs_in_labels_are_escaped():
    cmp = pd.DataFrame([("a$b", "c", 2020, "both", 1)], columns=["backer", "client", "year", "status", "statements"])
    ax = plot_press_record(cmp, gazetteer=GAZ)
    assert ax.get_yticklabels()[0].get_text() == r"a\$b → c"


@pytest.mark.parametrize("empty", [None, _comparison().iloc[:0]])
def test_no_data_says_so(empty):
    ax = plot_press_record(empty)
    assert [t.get_text() for t in ax.texts] == ["no data for this selection"] and not ax.axison


def test_draws_on_a_given_axes_and_renders():
    fig, ax = plt.subplots()
    assert plot_press_record(_comparison(), ax=ax, gazetteer=GAZ) is ax
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    assert buf.getvalue()[:4] == b"\x89PNG"
    assert list(STATUS_COLOURS) == ["both", "press_only", "record_only"]
