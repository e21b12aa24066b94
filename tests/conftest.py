"""Shared test setup: a non-interactive matplotlib backend and the optional ../shared corpora."""
from __future__ import annotations

import os

os.environ.setdefault("MPLBACKEND", "Agg")

import matplotlib  # noqa: E402

matplotlib.use("Agg")

import pytest  # noqa: E402

from helpers import config  # noqa: E402


@pytest.fixture(scope="session")
def shared_dir():
    """``config.SHARED_DIR`` (real corpora for tests); skips when its ``corpora/`` folder is absent."""
    corpora = config.SHARED_DIR / "corpora"
    if not corpora.is_dir():
        pytest.skip(f"no real corpora at {corpora}: put the shared folder beside the checkout "
                    "or point HELPERS_SHARED_DIR at it")
    return config.SHARED_DIR
