"""Paths of the kit: every other path in the kit derives from these.

The kit runs from its checkout: ``ROOT`` is the folder holding ``helpers/`` and ``data/``.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT: Path = Path(__file__).resolve().parents[1]
DATA_DIR: Path = ROOT / "data"
SAMPLE_CORPUS: Path = DATA_DIR / "sample"
#: The Arabic sample (Syria 2012-2025, written by the project): ``h.load_corpus(config.SAMPLE_CORPUS_AR)``.
SAMPLE_CORPUS_AR: Path = DATA_DIR / "sample_ar"
#: Conflict packs (``<name>/gazetteer.yaml``, ``<name>/events.csv``); ``default.yaml`` names the default.
CONFLICTS_DIR: Path = DATA_DIR / "conflicts"
GOLD: Path = DATA_DIR / "gold" / "passages.jsonl"
#: Arabic gold passages (same format): scored by ``h.evaluate()`` beside the English ones.
GOLD_AR: Path = DATA_DIR / "gold" / "passages_ar.jsonl"
#: Arabic passages written after the Arabic rules were frozen, scored once (not in the default evaluate()).
GOLD_AR_TEST: Path = DATA_DIR / "gold" / "passages_ar_test.jsonl"
#: Blind written sets (``<set>_tune.jsonl``: read for rules; ``<set>_fresh.jsonl``: untouched), see its README.
GOLD_BLIND: Path = DATA_DIR / "gold" / "blind"
SENTENCE_MODEL: Path = DATA_DIR / "models" / "punkt_news.json"
NOTEBOOKS_DIR: Path = ROOT / "notebooks"
REPORTS_DIR: Path = Path(os.environ.get("HELPERS_REPORTS_DIR", ROOT / "reports"))
FIGURES_DIR: Path = REPORTS_DIR / "figures"
CACHE_DIR: Path = Path(os.environ.get("HELPERS_CACHE_DIR", ROOT / ".cache"))
#: Material beside the checkout for tests and benchmarks (real corpora, seeds); may be absent.
SHARED_DIR: Path = Path(os.environ.get("HELPERS_SHARED_DIR", ROOT.parent / "shared"))


def require_data_dir() -> Path:
    """Return ``DATA_DIR``, or raise a clear error when the kit is not run from its checkout.

    Raises:
        FileNotFoundError: ``data/`` is not beside ``helpers/`` (e.g. the package was copied alone).
    """
    if not DATA_DIR.is_dir():
        raise FileNotFoundError(
            f"helpers.config: no data/ folder at {DATA_DIR}. The kit runs from its checkout: "
            "install it with `-e .` from the repository root so that data/ sits beside helpers/."
        )
    return DATA_DIR
