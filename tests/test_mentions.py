"""Unit tests of helpers.mentions: tag_mentions options, the tagger cache, provenance and coverage logging."""

from __future__ import annotations

import logging

import pandas as pd

import helpers as h
from helpers import mentions
from helpers.sentences import load_sentence_model


def _corpus(texts, dates=None):
    n = len(texts)
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(n)],
            "title": [""] * n,
            "text": texts,
            "date": pd.to_datetime(dates or ["2024-05-26"] * n, utc=True),
            "source": ["Wire"] * n,
            "duplicate_of": pd.array([None] * n, dtype="string"),
        }
    )


def test_get_tagger_is_built_once_per_settings():
    a = mentions.get_tagger()
    assert mentions.get_tagger() is a
    assert mentions.get_tagger(vias=("name",)) is not a
    assert mentions.get_tagger(places=False) is not a


def test_provenance_is_recorded():
    m = h.tag_mentions(_corpus(["Russia backed Assad."]))
    assert len(m.attrs["gazetteer_sha256"]) == 64
    assert m.attrs["sentence_model"] == load_sentence_model().fingerprint


def test_places_false_drops_place_readings():
    c = _corpus(["Refugees fled to Turkey. Russia said so."])
    with_places = h.tag_mentions(c)
    assert (with_places["role"] == "place").sum() == 1
    without = h.tag_mentions(c, options=h.TagOptions(places=False))
    assert "place" not in set(without["role"].astype(str))
    assert without["surface"].tolist() == ["Russia"]


def test_vias_keep_only_those_kinds_of_alias():
    c = _corpus(["Moscow said Putin backed Assad, and Russia agreed."])
    names = h.tag_mentions(c, options=h.TagOptions(vias=("name",)))
    assert set(names["via"].astype(str)) == {"name"} and names["surface"].tolist() == ["Russia"]


def test_default_date_resolves_undated_articles():
    c = _corpus(["The Syrian government said so."], dates=[None])
    before = h.tag_mentions(c, options=h.TagOptions(default_date="2020-01-01"))
    after = h.tag_mentions(c, options=h.TagOptions(default_date="2025-06-01"))
    assert before["entity"].astype(str).tolist() == ["syrian_government"]
    assert after["entity"].astype(str).tolist() == ["syrian_transitional_government"]


def test_coverage_is_logged(caplog):
    with caplog.at_level(logging.INFO, logger="helpers.mentions"):
        h.tag_mentions(_corpus(["Russia backed Assad.", "Nothing to see.", "Turkey said no."], dates=[None] * 3))
    assert "in 2 of 3 articles (67%); 3 articles undated" in caplog.text


def test_tag_options_refuse_bad_values_and_wrong_types():
    import pytest

    with pytest.raises(ValueError, match="unknown vias"):
        h.TagOptions(vias=("nickname",))
    with pytest.raises(ValueError, match="fields"):
        h.TagOptions(fields="text")
    with pytest.raises(ValueError, match="chunk_size"):
        h.TagOptions(chunk_size=0)
    with pytest.raises(TypeError, match="TagOptions"):
        h.tag_mentions(_corpus(["Russia backed Assad."]), options={"places": False})
    with pytest.raises(TypeError):
        h.tag_mentions(_corpus(["Russia backed Assad."]), places=False)  # the knob lives in TagOptions now


def test_tag_options_result_key_is_empty_for_the_defaults():
    assert h.TagOptions().result_key() == {}
    assert h.TagOptions(places=False, chunk_size=5).result_key() == {"places": False}


def test_scale_functions_name_the_tag_options_home_for_an_old_keyword(tmp_path):
    import pytest

    with pytest.raises(TypeError, match=r"options=h.TagOptions"):
        h.tag_to_parquet(h.config.SAMPLE_CORPUS, tmp_path / "ds", places=False)
    with pytest.raises(TypeError, match="link_batches"):
        h.tag_cached(h.config.SAMPLE_CORPUS, tmp_path / "cache", link_batches=False)
