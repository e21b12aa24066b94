"""Rebuilding what the kit ships: the top layer, which may read every other (the tagger never reads it).

:func:`build_kit_model` retrains the shipped Punkt parameters (``data/models/punkt_news.json``) on the
text the project wrote; run it as ``python -m helpers train-sentences`` after adding sample articles or
gold passages.
"""

from __future__ import annotations

from pathlib import Path

from . import config, sentences
from .corpus import load_corpus
from .evaluation import load_gold


def build_kit_model(out: str | Path | None = None) -> sentences.SentenceModel:
    """Retrain the kit's Punkt parameters on its own sample corpus and gold passages and save them.

    Args:
        out: where to write the parameters (default ``config.SENTENCE_MODEL``).

    Returns:
        The trained :class:`~helpers.sentences.SentenceModel`.
    """
    texts = [t for t in load_corpus(config.SAMPLE_CORPUS, dedupe_threshold=None)["text"] if t]
    if config.GOLD.is_file():
        texts += load_gold()["text"].tolist()
    model = sentences.train_sentence_model(
        texts, source=f"PunktTrainer on the kit's own sample corpus and gold set ({len(texts)} texts)"
    )
    model.save(out or config.SENTENCE_MODEL)
    sentences.forget_default_model()
    return model
