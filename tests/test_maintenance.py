"""Unit tests of helpers.maintenance.build_kit_model: retrains the kit's Punkt parameters into a given file."""

from __future__ import annotations

import json

import pytest

from helpers import config, maintenance, sentences


def test_build_kit_model_writes_where_asked_and_leaves_the_shipped_file(tmp_path):
    pytest.importorskip("nltk")
    shipped = config.SENTENCE_MODEL.read_bytes() if config.SENTENCE_MODEL.is_file() else None
    out = tmp_path / "punkt.json"
    model = maintenance.build_kit_model(out)
    saved = json.loads(out.read_text())
    assert saved == model.to_json()
    assert saved["source"].startswith("PunktTrainer on the kit's own sample corpus and gold set (")
    assert model.abbreviations >= sentences.BASE_ABBREVIATIONS
    if shipped is not None:
        assert config.SENTENCE_MODEL.read_bytes() == shipped  # only `out` is written
