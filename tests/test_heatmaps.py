"""Unit tests of helpers.heatmaps: kinds, clustering order, the data handed to the image, and rendering."""

from __future__ import annotations

import io

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest

from helpers import heatmaps as hm


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _matrix(measure="count"):
    ids = ["a", "b", "c", "d"]
    values = [[5, 4, 0, 0], [4, 5, 0, 0], [0, 0, 5, 3], [0, 0, 3, 5]]
    m = pd.DataFrame(values, index=ids, columns=ids, dtype=float)
    m.attrs.update(
        measure=measure,
        window="sentence",
        n_windows=12,
        kinds={"a": "state", "b": "state", "c": "faction", "d": "faction"},
    )
    return m


def test_is_empty():
    assert hm.is_empty(None) and hm.is_empty(pd.DataFrame()) and hm.is_empty(pd.DataFrame(index=[1]))
    assert not hm.is_empty(pd.DataFrame({"a": [1]}))


def test_kinds_of_accepts_dicts_series_frames_and_attrs():
    labels = ["a", "b"]
    assert hm._kinds_of({"a": "state", "z": "faction"}, labels, {}) == {"a": "state"}
    assert hm._kinds_of(pd.Series({"a": "state", "b": None}), labels, {}) == {"a": "state"}
    assert hm._kinds_of(pd.DataFrame({"kind": ["faction"]}, index=["b"]), labels, {}) == {"b": "faction"}
    assert hm._kinds_of(pd.DataFrame({"x": [1]}), labels, {}) == {}
    assert hm._kinds_of(None, labels, {"kinds": {"b": "state"}}) == {"b": "state"}


def test_cluster_order_keeps_similar_rows_together():
    m = _matrix().to_numpy()
    order = hm._cluster_order(m[[0, 2, 1, 3]][:, [0, 2, 1, 3]])  # a, c, b, d: the pairs interleaved
    pos = {v: i for i, v in enumerate(order)}
    assert abs(pos[0] - pos[2]) == 1 and abs(pos[1] - pos[3]) == 1  # a next to b, c next to d
    assert hm._cluster_order(np.zeros((2, 2))) == [0, 1]
    assert sorted(hm._cluster_order(np.full((4, 4), np.nan))) == [0, 1, 2, 3]


def test_plot_cooccurrence_groups_kinds_and_masks_the_diagonal():
    ax = hm.plot_cooccurrence(_matrix(), ids=True)
    rows = [t.get_text() for t in ax.get_yticklabels()]
    assert set(rows[:2]) == {"c", "d"} and set(rows[2:]) == {"a", "b"}  # factions, then states
    data = ax.images[0].get_array()
    assert np.ma.getmaskarray(data).diagonal().all()
    i, j = rows.index("c"), rows.index("d")
    assert data[i, j] == 3 and data[rows.index("a"), rows.index("b")] == 4
    assert ax.get_title() == "Actors named in the same sentence: count"
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["faction", "state"]


def test_plot_cooccurrence_pmi_uses_a_symmetric_diverging_scale():
    m = _matrix("pmi") - 2
    m.attrs.update(_matrix("pmi").attrs)
    ax = hm.plot_cooccurrence(m, ids=True, annotate=False)
    norm = ax.images[0].norm
    assert norm.vmin == -norm.vmax and norm.vcenter == 0


def test_plot_source_profile_data_labels_and_render():
    p = pd.DataFrame({"russia": [0.5, 0.25], "iran": [0.0, 1.0]}, index=["Wire", "Ledger $"])
    p.attrs["articles"] = {"Wire": 4, "Ledger $": 1200}
    ax = hm.plot_source_profile(p, ids=True)
    assert np.asarray(ax.images[0].get_array()).tolist() == [[0.5, 0.0], [0.25, 1.0]]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Wire (4)", r"Ledger \$ (1,200)"]
    assert {"50%", "25%", "0%", "100%"} <= {t.get_text() for t in ax.texts}
    buf = io.BytesIO()
    ax.figure.savefig(buf, format="png")
    assert buf.getvalue()[:4] == b"\x89PNG"


def test_plot_source_profile_zscore_and_note():
    z = pd.DataFrame({"russia": [1.5, -1.5]}, index=["A", "B"])
    z.attrs["normalise"] = "zscore"
    ax = hm.plot_source_profile(z, ids=True)
    assert {"+1.5", "-1.5"} <= {t.get_text() for t in ax.texts}
    assert ax.images[0].norm.vmin == -1.5
    noted = z.copy()
    noted.attrs.update(normalise="zscore", note="one source: nothing to compare")
    ax = hm.plot_source_profile(noted)
    assert [t.get_text() for t in ax.texts] == ["one source: nothing to compare"] and not ax.images
