"""Tag a corpus: :func:`tag_mentions` builds the MENTIONS table with one compiled tagger per settings (reused
across calls; ``n_jobs`` processes give identical results) (:func:`helpers.concordance.kwic` shows what a
count is made of)."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .gazetteer import Gazetteer, load_gazetteer
from .options import moved_into, options_of
from .sentences import SentenceModel, TextOptions, load_sentence_model
from .tagframe import ALL_VIAS, MENTION_COLUMNS  # noqa: F401 - public names of the MENTIONS table
from .tagging import Tagger

log = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------------------
_TAGGERS: dict[tuple, Tagger] = {}


def get_tagger(
    gazetteer: Gazetteer | str | os.PathLike | Sequence | None = None,
    sentence_model: SentenceModel | None = None,
    **options: Any,
) -> Tagger:
    """A compiled :class:`Tagger` for these settings, built once and reused (the automaton is the costly
    part); a changed gazetteer file or sentence model gives a new one."""
    if gazetteer is None or isinstance(gazetteer, (str, os.PathLike, list, tuple)):
        gazetteer = load_gazetteer(gazetteer)
    model = sentence_model or load_sentence_model()
    key = (
        gazetteer.sha256,
        tuple(str(p) for p in gazetteer.paths),
        model.fingerprint,
        tuple(options.get("vias", ALL_VIAS)),
        str(options.get("default_date")),
        options.get("places", True),
    )
    tagger = _TAGGERS.get(key)
    if tagger is None:
        if len(_TAGGERS) > 8:
            _TAGGERS.clear()
        tagger = _TAGGERS[key] = Tagger(gazetteer, model, **options)
    return tagger


_WORKER: Tagger | None = None


def _init_worker(gaz_paths: list[str], model_json: dict, kwargs: dict) -> None:
    global _WORKER
    from .gazetteer import load_gazetteer as _lg
    from .sentences import SentenceModel

    model = SentenceModel(
        abbreviations=frozenset(model_json["abbreviations"]),
        starters=frozenset(model_json["starters"]),
        collocations=frozenset(tuple(c) for c in model_json["collocations"]),
        ortho_context=model_json["ortho_context"],
        source=model_json["source"],
    )
    _WORKER = Tagger(_lg(gaz_paths), model, **kwargs)


def _tag_chunk(args: tuple[pd.DataFrame, tuple[str, ...]]) -> pd.DataFrame:
    chunk, fields = args
    assert _WORKER is not None
    return _WORKER.tag_frame(chunk, fields)


@dataclass(frozen=True)
class TagOptions(TextOptions):
    """The tagger's rarely changed knobs, for :func:`tag_mentions`, :func:`helpers.tag_to_parquet`,
    :func:`helpers.tag_cached` and ``helpers.cluster.tag_mentions`` (``options=h.TagOptions(places=False)``).

    Attributes:
        sentence_model, fields, chunk_size: as :class:`helpers.sentences.TextOptions` (the kit's model; titles
            and texts; 2000 articles per task).
        vias: kinds of alias to keep (drop ``"leader"``, ``"capital"`` or ``"body"`` to ignore metonyms).
        default_date: date on which undated articles resolve dated aliases (see :class:`Tagger`).
        places: keep place readings of countries and capitals (``role == "place"``).

    Raises:
        ValueError: a bad ``fields`` or ``chunk_size`` (see :class:`~helpers.sentences.TextOptions`), or ``vias``
            naming an unknown kind of alias.
    """

    vias: Sequence[str] = ALL_VIAS
    default_date: Any = None
    places: bool = True

    def __post_init__(self) -> None:
        super().__post_init__()
        unknown = [v for v in ([self.vias] if isinstance(self.vias, str) else self.vias) if v not in ALL_VIAS]
        if unknown:
            raise ValueError(f"unknown vias {unknown}: use some of {', '.join(ALL_VIAS)}")

    def tagger_options(self) -> dict[str, Any]:
        """The keyword arguments of :class:`Tagger` (``vias``, ``default_date``, ``places``)."""
        return {"vias": self.vias, "default_date": self.default_date, "places": self.places}

    def result_key(self) -> dict[str, Any]:
        """The knobs that change the result and differ from the defaults (for cache keys: the defaults give
        ``{}``; the sentence model and ``chunk_size`` are left out)."""
        default = TagOptions()
        names = ("vias", "default_date", "places", "fields")
        return {k: getattr(self, k) for k in names if getattr(self, k) != getattr(default, k)}


@moved_into(TagOptions)
def tag_mentions(
    corpus: pd.DataFrame,
    gazetteer: Gazetteer | str | os.PathLike | Sequence | None = None,
    *,
    n_jobs: int = 1,
    options: TagOptions | None = None,
) -> pd.DataFrame:
    """Find every mention of a gazetteer actor in the titles and texts of a corpus.

    Args:
        corpus: a CORPUS frame (``doc_id``, ``title``, ``text``, ``date``, ``source``, ``duplicate_of``).
        gazetteer: a :class:`~helpers.gazetteer.Gazetteer`, a conflict pack name (``"sudan"``), a YAML
            path, or a list of them (default: the packs ``data/conflicts/default.yaml`` names).
        n_jobs: worker processes (``-1``: all cores); results are identical to ``n_jobs=1``.
        options: a :class:`TagOptions` (sentence model, fields, ``chunk_size``, ``vias``, ``default_date``,
            ``places``; None: the defaults). One sentence model per call is shared by every worker, so results
            never depend on how the corpus was split.

    Returns:
        The MENTIONS frame, one row per mention, columns in this order:
        ``doc_id``, ``date`` (UTC), ``source``, ``duplicate_of`` (from the corpus), ``field``
        (``title``/``text``), ``para_id``, ``sent_id`` (per field from 0), ``start``, ``end``
        (int32 offsets into that field: ``corpus[field][start:end] == surface``), ``surface``, ``entity``
        (actor id), ``kind``, ``via`` (name, acronym, demonym, leader, capital, body), ``role`` (actor or
        place), ``parent`` (the actor's parent on that date, or missing), ``dated_by``,
        ``date_precision`` (the article's: ``time``, ``day``, ``month``, ``year`` or ``""``).
        ``entity``, ``kind``, ``via``, ``role``, ``parent``, ``source``, ``field`` and ``date_precision`` are
        categorical.

    Raises:
        TypeError: ``options`` is not a :class:`TagOptions`.
    """
    opts = options_of(options, TagOptions)
    tagger = get_tagger(gazetteer, opts.sentence_model, **opts.tagger_options())
    if n_jobs == -1:
        n_jobs = os.cpu_count() or 1
    if n_jobs <= 1 or len(corpus) <= opts.chunk_size:
        out = tagger.tag_frame(corpus, opts.fields)
    else:
        out = _tag_parallel(tagger, corpus, opts.fields, n_jobs, opts.chunk_size, opts.tagger_options())
    _log_coverage(corpus, out)
    out.attrs["gazetteer_sha256"] = tagger.gazetteer.sha256
    out.attrs["sentence_model"] = tagger.model.fingerprint
    return out


def _tag_parallel(
    tagger: Tagger, corpus: pd.DataFrame, fields: Sequence[str], n_jobs: int, chunk_size: int, kwargs: dict
) -> pd.DataFrame:
    import math
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    cols = [c for c in ("doc_id", "title", "text", "date", "source", "duplicate_of", "date_precision") if c in corpus]
    # several chunks per worker keep both busy to the end
    size = max(1, min(chunk_size, math.ceil(len(corpus) / (4 * n_jobs))))
    chunks = [(corpus.iloc[i : i + size][cols], tuple(fields)) for i in range(0, len(corpus), size)]
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        # the fork server imports the kit (and pandas) once; every worker forked from it starts warm
        ctx.set_forkserver_preload(["helpers.mentions"])
    else:
        ctx = mp.get_context("spawn")
    from .parallel import hidden_main

    with (
        hidden_main(),
        ProcessPoolExecutor(
            n_jobs,
            mp_context=ctx,
            initializer=_init_worker,
            initargs=([str(p) for p in tagger.gazetteer.paths], tagger.model.to_json(), kwargs),
        ) as pool,
    ):
        parts = list(pool.map(_tag_chunk, chunks))
    parts = [p for p in parts if len(p)] or parts[:1]
    out = pd.concat(parts, ignore_index=True)
    for c in ("entity", "kind", "via", "role", "parent", "field"):
        out[c] = out[c].astype(parts[0][c].dtype) if len(parts) else out[c]
    out["source"] = out["source"].astype("category")
    return out


def _log_coverage(corpus: pd.DataFrame, mentions: pd.DataFrame) -> None:
    n = len(corpus)
    if not n:
        return
    tagged = mentions["doc_id"].nunique()
    actors = mentions.loc[mentions["role"] == "actor", "entity"].nunique()
    undated = int(pd.to_datetime(corpus["date"], utc=True).isna().sum()) if "date" in corpus else n
    log.info(
        "tagged %d mentions of %d actors in %d of %d articles (%.0f%%); %d articles undated",
        len(mentions),
        actors,
        tagged,
        n,
        100 * tagged / n,
        undated,
    )
