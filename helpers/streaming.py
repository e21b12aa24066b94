"""Corpora larger than memory: load in batches, tag batch by batch, keep the mentions on disk as Parquet.

- :func:`iter_corpus` yields CORPUS batches. Input files are cut into *pieces* that load on their own:
  a JSON-lines, CSV or TSV file into line ranges at record boundaries, a Parquet file into runs of
  row groups, any other file (text, HTML, JSON, feed, archive) whole; pieces are grouped into batches
  of about ``batch_size`` articles. Each piece goes through the loader of :mod:`helpers.corpus` with
  its origin path and record positions, so ``doc_id``, ``title``, ``text``... are exactly what
  :func:`~helpers.corpus.load_corpus` gives for the same rows.
- :func:`tag_to_parquet` tags each batch with :func:`~helpers.mentions.tag_mentions` and appends its
  mentions to a Parquet dataset partitioned by month (``month=2024-12/``, undated mentions in
  ``month=undated/``); memory holds one batch at a time. Copies are flagged within each batch, then
  linked across batches from per-article signatures kept on disk (:func:`link_batches_on_disk`), so
  ``duplicate_of`` ends up as one :func:`~helpers.corpus.load_corpus` call would set it.
- :func:`read_mentions` reads such a dataset back (all or some columns, with filters) with the dtypes
  of :func:`~helpers.mentions.tag_mentions` (categorical ``entity``, ``kind``, ``via``... int32 offsets).

The planning and per-batch functions (:func:`plan_batches`, :func:`load_batch`,
:func:`template_lines`) are what :mod:`helpers.cluster` runs on Dask workers: both paths share them.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from . import dedupe
from .batches import (  # noqa: F401 - the streaming API, re-exported
    BATCH_SIZE,
    CORPUS_DTYPES,
    LOAD_OPTIONS,
    META_FILE,
    TEMPLATE_MIN_SHARE,
    UNDATED,
    BatchReport,
    LoadOptions,
    Piece,
    plan_batches,
    plan_pieces,
    resolve_tagging,
    split_options,
)
from .batchload import (  # noqa: F401 - the streaming API, re-exported
    TemplateCounts,
    apply_templates,
    count_templates,
    finish_frame,
    load_batch,
    pre_frame,
    template_lines,
)
from .crossdup import (  # noqa: F401 - the streaming API, re-exported
    DUPLICATES_FILE,
    SIGNATURES_DIR,
    link_batches_on_disk,
    write_signatures,
)
from .dataset import (  # noqa: F401 - the streaming API, re-exported
    apply_schema,
    concat_mentions,
    for_parquet,
    mentions_bytes,
    mentions_schema,
    prepare_out_dir,
    read_mentions,
    write_load_report,
    write_meta,
    write_partitions,
)
from .loadreport import LoadReport

log = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------------------
# the public face


def iter_corpus(source: Any, batch_size: int = BATCH_SIZE, **load_options: Any) -> Iterator[pd.DataFrame]:
    """Yield a corpus as CORPUS batches of about ``batch_size`` articles, for corpora larger than memory.

    Args:
        source: a file, folder, glob or list of them (as :func:`~helpers.corpus.load_corpus`).
        batch_size: target articles per batch. JSON-lines, CSV and TSV files are cut into line ranges at
            record boundaries, Parquet files into runs of row groups; other files (text, HTML, JSON
            arrays, feeds, archives) are read whole, so a batch can exceed ``batch_size`` by one file.
        **load_options: ``mapping``, ``source_name``, ``dayfirst``, ``clean``, ``dedupe_threshold``,
            ``template_min_docs`` as for ``load_corpus``, and ``templates``: ``"corpus"`` (default) first
            reads the whole corpus once to find site template lines as one ``load_corpus`` call would
            (only per-source line counts are kept), ``"batch"`` finds them within each batch (one pass).

    Returns:
        An iterator of CORPUS frames (same columns and dtypes as ``load_corpus``), in ``load_corpus``'s
        row order. With ``templates="corpus"`` the concatenated batches have exactly ``load_corpus``'s
        ``doc_id``, ``title``, ``date``, ``source``, ``url``, ``text``, ``n_chars`` and ``path``.
        Duplicates are flagged **within each batch only**: a copy whose original sits in another batch
        keeps ``duplicate_of`` missing (a corpus that fits one batch gives ``load_corpus``'s results).
        :func:`tag_to_parquet` and ``helpers.cluster`` link copies across batches afterwards; in your
        own loop, keep :func:`helpers.dedupe.batch_signatures` per batch and call
        :func:`helpers.dedupe.link_duplicates` at the end. Each batch carries
        its own ``attrs["load_report"]`` and ``attrs["batch"] = (index, number of batches)``. With
        ``templates="corpus"`` and several batches, the first batch comes after the counting pass.

    Raises:
        FileNotFoundError: a named file or folder does not exist (raised at the call, not at iteration).
        ValueError: bad ``batch_size`` or ``templates``.
        TypeError: an option that is not a loader option.
    """
    opts = LoadOptions.from_kwargs(load_options)
    unknown = set(load_options) - set(LOAD_OPTIONS)
    if unknown:
        raise TypeError(f"iter_corpus: unknown option(s) {sorted(unknown)}; loader options are {LOAD_OPTIONS}")
    batches = plan_batches(source, batch_size, opts.strict_csv)
    return _iter_batches(batches, opts)


def _iter_batches(batches: list[list[Piece]], opts: LoadOptions, sink: list | None = None) -> Iterator[pd.DataFrame]:
    templates = (
        template_lines(batches, opts) if opts.clean and opts.templates == "corpus" and len(batches) > 1 else None
    )
    total = 0
    for i, group in enumerate(batches):
        df = load_batch(group, opts, templates, sink)
        df.attrs["batch"] = (i, len(batches))
        total += len(df)
        r = df.attrs["load_report"]
        log.info(
            "batch %d of %d: %d articles from %d piece(s); %d copies flagged within the batch; %d files skipped",
            i + 1,
            len(batches),
            len(df),
            len(group),
            r.n_duplicates,
            len(r.skipped),
        )
        yield df
    log.info("streamed %d articles in %d batches", total, len(batches))


def count_whole_files(report: LoadReport, batches: list[list[Piece]]) -> LoadReport:
    """Count files, not pieces, in a report summed over batches: a file split into several pieces (line
    ranges, row groups) counts once, and once skipped; returns ``report``."""
    split = Counter(p.path for group in batches for p in group if p.kind in ("lines", "rowgroups"))
    report.files_seen -= sum(k - 1 for k in split.values())
    report.skipped = list(dict(reversed(report.skipped)).items())[::-1]  # the first reason per path
    report.files_loaded = report.files_seen - len(report.skipped) - len(report.ignored)
    return report


def tag_to_parquet(
    source: Any,
    out_dir: str | Path,
    batch_size: int = BATCH_SIZE,
    n_jobs: int = 1,
    *,
    overwrite: bool = False,
    link_batches: bool = True,
    **options: Any,
) -> Path:
    """Tag a corpus batch by batch into a Parquet dataset of mentions partitioned by month.

    Memory holds one batch and its mentions at a time, so the corpus can be larger than memory.

    Args:
        source: a file, folder, glob or list of them.
        out_dir: the dataset folder: ``month=YYYY-MM/part-NNNNN.parquet`` per batch and month,
            ``month=undated/`` for undated articles, ``_meta.json`` (dtypes, provenance, counts, the load's
            key figures) and ``_load_report.json`` (every file skipped or ignored and row not loaded, with
            its reason, and the date counts); :func:`read_mentions` puts the key figures in ``attrs["load"]``.
        batch_size: articles per batch (see :func:`iter_corpus`).
        n_jobs: worker processes for tagging each batch (``tag_mentions``'s ``n_jobs``).
        overwrite: replace an existing dataset at ``out_dir``.
        link_batches: (with ``dedupe_threshold`` set) also find copies whose original is in another batch
            (:func:`link_batches_on_disk`): each batch keeps its articles' signatures in ``_signatures/``
            while it streams, then the copies are linked, ``duplicate_of`` in the written mentions is
            updated and ``_duplicates.parquet`` lists every article of a cluster of copies.
        **options: loader options (:data:`LOAD_OPTIONS`, see :func:`iter_corpus`) and ``tag_mentions``
            options (``gazetteer``, ``sentence_model``, ``vias``, ``default_date``, ``places``, ``fields``,
            ``chunk_size``).

    Returns:
        ``out_dir`` as a Path; read it with :func:`read_mentions`.

    Raises:
        FileExistsError: ``out_dir`` is not empty and ``overwrite`` is False.
        FileNotFoundError: ``source`` names nothing.
    """
    from .mentions import tag_mentions

    opts, tag_opts = split_options(options)
    batches = plan_batches(source, batch_size, opts.strict_csv)
    out = prepare_out_dir(out_dir, overwrite)
    gazetteer, model, tag_opts = resolve_tagging(tag_opts)
    provenance = {
        "gazetteer_sha256": gazetteer.sha256,
        "sentence_model": model.fingerprint,
        "source": [str(s) for s in source] if isinstance(source, (list, tuple)) else str(source),
    }
    schema = None
    n_articles = n_mentions = 0
    months: Counter = Counter()
    sink: list | None = [] if link_batches and opts.dedupe_threshold is not None else None
    report = LoadReport(dayfirst=opts.dayfirst, cleaned=opts.clean)
    for i, batch in enumerate(_iter_batches(batches, opts, sink)):
        report.add(batch.attrs["load_report"])
        m = tag_mentions(batch, gazetteer, sentence_model=model, n_jobs=n_jobs, **tag_opts)
        if schema is None:
            schema = mentions_schema(m)
        months.update(write_partitions(m, out, f"part-{i:05d}"))
        # recorded after every batch: a dataset cut short says which batches it holds
        write_meta(out, schema, **provenance, complete=False, batches=len(batches), batches_done=i + 1)
        if sink:
            write_signatures(dedupe.batch_signatures(batch, sink.pop(), i, n_articles), out, i)
        n_articles += len(batch)
        n_mentions += len(m)
        del batch, m
    linked = link_batches_on_disk(out, opts.dedupe_threshold) if sink is not None else {}
    write_load_report(out, count_whole_files(report, batches))
    write_meta(
        out,
        schema or {"columns": [], "dtypes": {}, "categories": {}},
        **provenance,
        complete=True,
        batches=len(batches),
        articles=n_articles,
        mentions=n_mentions,
        months=dict(sorted(months.items())),
        load=report.summary(),
        **linked,
    )
    log.info(
        "wrote %d mentions of %d articles in %d batches to %s (%d month partitions)",
        n_mentions,
        n_articles,
        len(batches),
        out,
        len(months),
    )
    return out
