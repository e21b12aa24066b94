"""helpers.config owns the paths; the kit runs from its checkout and says so when it cannot."""

from __future__ import annotations

from pathlib import Path

import pytest

import helpers as h
from helpers import config


def test_paths_derive_from_the_checkout_root():
    root = Path(h.__file__).resolve().parents[1]
    assert config.ROOT == root
    for p in (config.DATA_DIR, config.SAMPLE_CORPUS, config.CONFLICTS_DIR, config.GOLD, config.SENTENCE_MODEL):
        assert root in p.parents and p.exists(), p
    assert config.require_data_dir() == config.DATA_DIR


def test_missing_data_dir_is_explained(monkeypatch, tmp_path):
    monkeypatch.setattr(config, "DATA_DIR", tmp_path / "nowhere")
    with pytest.raises(FileNotFoundError, match="runs from its checkout"):
        config.require_data_dir()


def test_public_names_resolve():
    for name in h.__all__:
        assert getattr(h, name) is not None, name
    assert callable(h.cooccurrence)
