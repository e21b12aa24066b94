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
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
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
    refuse_link_batches,
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
    read_support,
    write_load_report,
    write_meta,
    write_partitions,
    write_support,
)
from .loadreport import LoadReport
from .parallel import imap_chunks

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
        TypeError: an option that is not a loader option (or ``link_batches``).
    """
    refuse_link_batches(load_options, "iter_corpus")
    opts = LoadOptions.from_kwargs(load_options)
    unknown = set(load_options) - set(LOAD_OPTIONS)
    if unknown:
        raise TypeError(f"iter_corpus: unknown option(s) {sorted(unknown)}; loader options are {LOAD_OPTIONS}")
    batches = plan_batches(source, batch_size, opts.strict_csv)
    return _iter_batches(batches, opts)


def _iter_batches(batches: list[list[Piece]], opts: LoadOptions) -> Iterator[pd.DataFrame]:
    templates = _corpus_templates(batches, opts, 1)
    total = 0
    for i, group in enumerate(batches):
        df = load_batch(group, opts, templates)
        df.attrs["batch"] = (i, len(batches))
        total += len(df)
        _log_batch(df, i, len(batches), len(group))
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


@dataclass(frozen=True)
class _BatchJob:
    """One batch of :func:`tag_to_parquet`, as a worker runs it: load, clean, copies within the batch, tag,
    backing statements, write its files."""

    index: int
    batches: int
    pieces: list[Piece]
    opts: LoadOptions
    templates: dict[str, set[str]] | None
    out: Path
    tagging: tuple[Any, Any, Any]  # gazetteer, sentence model, TagOptions
    support: bool
    signatures: bool
    n_jobs: int  # worker processes inside the batch (when there are fewer batches than workers)


@dataclass
class _BatchDone:
    """What a batch sends back: counts, months, the mentions' schema, its load report, and its duplicate
    signatures (``order`` counted from 0 within the batch)."""

    index: int
    articles: int
    mentions: int
    support: int
    months: dict[str, int]
    schema: dict[str, Any]
    report: LoadReport
    signatures: pd.DataFrame | None


def _run_batch(job: _BatchJob) -> _BatchDone:
    """Load, clean, flag copies, tag and (with ``job.support``) extract backing statements of one batch, and
    write its mentions by month (and its statements to ``support/``)."""
    from .mentions import tag_mentions
    from .support import extract_support
    from .supportframe import SupportOptions

    sink: list | None = [] if job.signatures else None
    batch = load_batch(job.pieces, job.opts, job.templates, sink, n_jobs=job.n_jobs)
    _log_batch(batch, job.index, job.batches, len(job.pieces))
    gazetteer, model, tag_opts = job.tagging
    m = tag_mentions(batch, gazetteer, n_jobs=job.n_jobs, options=tag_opts)
    months = write_partitions(m, job.out, f"part-{job.index:05d}")
    n_support = 0
    if job.support:
        s = extract_support(
            batch, m, gazetteer=gazetteer, n_jobs=job.n_jobs, options=SupportOptions(sentence_model=model)
        )
        write_support(s, job.out, job.index)
        n_support = len(s)
    sigs = dedupe.batch_signatures(batch, sink.pop(), job.index, 0) if sink else None
    report = batch.attrs["load_report"]
    return _BatchDone(job.index, len(batch), len(m), n_support, months, mentions_schema(m), report, sigs)


def _log_batch(batch: pd.DataFrame, index: int, n_batches: int, n_pieces: int) -> None:
    r = batch.attrs["load_report"]
    log.info(
        "batch %d of %d: %d articles from %d piece(s); %d copies flagged within the batch; %d files skipped",
        index + 1,
        n_batches,
        len(batch),
        n_pieces,
        r.n_duplicates,
        len(r.skipped),
    )


def _count_templates_job(job: tuple[list[Piece], LoadOptions]) -> TemplateCounts:
    return count_templates(*job)


def _corpus_templates(batches: list[list[Piece]], opts: LoadOptions, n_jobs: int) -> dict[str, set[str]] | None:
    """Site template lines over the whole corpus (the first pass of ``templates="corpus"``), each batch counted
    in a worker; ``None`` when they are found per batch."""
    if not (opts.clean and opts.templates == "corpus" and len(batches) > 1):
        return None
    total = TemplateCounts()
    for counts in imap_chunks(_count_templates_job, [(b, opts) for b in batches], n_jobs):
        total.merge(counts)
    return total.templates(opts.template_min_docs)


@dataclass
class _Totals:
    """What :func:`tag_to_parquet` adds up over the batches."""

    report: LoadReport
    articles: int = 0
    mentions: int = 0
    support: int = 0
    months: Counter = field(default_factory=Counter)
    schema: dict[str, Any] | None = None

    def add(self, done: _BatchDone) -> None:
        self.report.add(done.report)
        self.articles += done.articles
        self.mentions += done.mentions
        self.support += done.support
        self.months.update(done.months)
        self.schema = self.schema or done.schema


def tag_to_parquet(
    source: Any,
    out_dir: str | Path,
    batch_size: int = BATCH_SIZE,
    n_jobs: int = 1,
    *,
    overwrite: bool = False,
    support: bool = False,
    **options: Any,
) -> Path:
    """Tag a corpus batch by batch into a Parquet dataset of mentions partitioned by month.

    Memory holds one batch and its mentions at a time per process, so the corpus can be larger than memory.

    Args:
        source: a file, folder, glob or list of them.
        out_dir: the dataset folder: ``month=YYYY-MM/part-NNNNN.parquet`` per batch and month,
            ``month=undated/`` for undated articles, ``_meta.json`` (dtypes, provenance, counts, the load's
            key figures) and ``_load_report.json`` (every file skipped or ignored and row not loaded, with
            its reason, and the date counts); :func:`read_mentions` puts the key figures in ``attrs["load"]``.
        batch_size: articles per batch (see :func:`iter_corpus`).
        n_jobs: worker processes (``-1``: all cores). Each worker runs whole batches (load, clean, copies
            within the batch, tag, backing statements, write), and the template-line pass counts batches in
            the workers too; with fewer batches than workers, the batches run one after the other and each
            step spreads over the workers instead. The dataset is the same as with one process.
        overwrite: replace an existing dataset at ``out_dir``.
        support: also extract the backing statements of each batch
            (:func:`~helpers.support.extract_support`) into ``support/part-NNNNN.parquet``; read them with
            :func:`read_support`.
        **options: loader options (:data:`LOAD_OPTIONS`, see :func:`iter_corpus`) and the tagger's
            ``gazetteer`` and ``options`` (a :class:`helpers.TagOptions`: sentence model, fields, vias, places,
            ``default_date``, ``chunk_size``), as :func:`~helpers.mentions.tag_mentions` takes them. The loader
            option ``link_batches`` (default True; with ``dedupe_threshold`` set) also finds copies whose
            original is in another batch (:func:`link_batches_on_disk`): each batch keeps its articles'
            signatures in ``_signatures/`` while it streams, then the copies are linked, ``duplicate_of`` in the
            written mentions (and statements) is updated and ``_duplicates.parquet`` lists every article of a
            cluster of copies.

    Returns:
        ``out_dir`` as a Path; read it with :func:`read_mentions`.

    Raises:
        FileExistsError: ``out_dir`` is not empty and ``overwrite`` is False.
        FileNotFoundError: ``source`` names nothing.
        TypeError: an option that is neither a loader option nor ``gazetteer``/``options``.
    """
    opts, tag_opts = split_options(options)
    batches = plan_batches(source, batch_size, opts.strict_csv)
    tagging = resolve_tagging(tag_opts)
    out = prepare_out_dir(out_dir, overwrite)
    provenance = _provenance(source, tagging, len(batches))
    n_jobs = (os.cpu_count() or 1) if n_jobs == -1 else max(1, n_jobs)
    outer = n_jobs if len(batches) >= n_jobs else 1  # whole batches in workers, or workers inside one batch
    link = opts.link_batches and opts.dedupe_threshold is not None
    templates = _corpus_templates(batches, opts, outer)
    jobs = (
        _BatchJob(i, len(batches), b, opts, templates, out, tagging, support, link, n_jobs // outer)
        for i, b in enumerate(batches)
    )
    totals = _Totals(LoadReport(dayfirst=opts.dayfirst, cleaned=opts.clean))
    for done in imap_chunks(_run_batch, jobs, outer):
        _record_batch(out, done, totals, provenance)
    linked = link_batches_on_disk(out, opts.dedupe_threshold) if link else {}
    write_load_report(out, count_whole_files(totals.report, batches))
    _finish_meta(out, totals, provenance, linked, support)
    return out


def _provenance(source: Any, tagging: tuple[Any, Any, Any], batches: int) -> dict[str, Any]:
    """What ``_meta.json`` records of where the dataset comes from."""
    return {
        "gazetteer_sha256": tagging[0].sha256,
        "sentence_model": tagging[1].fingerprint,
        "source": [str(s) for s in source] if isinstance(source, (list, tuple)) else str(source),
        "batches": batches,
    }


def _record_batch(out: Path, done: _BatchDone, totals: _Totals, provenance: dict[str, Any]) -> None:
    """Add up one finished batch, keep its signatures (their ``order`` now counted over the whole corpus) and
    record in ``_meta.json`` which batches the dataset holds (a dataset cut short says so)."""
    if done.signatures is not None:
        sigs = done.signatures
        sigs["order"] += totals.articles
        sigs["batch_original"] = np.where(sigs["batch_original"] >= 0, sigs["batch_original"] + totals.articles, -1)
        write_signatures(sigs, out, done.index)
    totals.add(done)
    write_meta(out, totals.schema, **provenance, complete=False, batches_done=done.index + 1)


def _finish_meta(out: Path, totals: _Totals, provenance: dict[str, Any], linked: dict[str, int], support: bool) -> None:
    """Write the final ``_meta.json`` (complete, with the counts) and log the figures."""
    extra = {"support": totals.support} if support else {}
    write_meta(
        out,
        totals.schema or {"columns": [], "dtypes": {}, "categories": {}},
        **provenance,
        complete=True,
        articles=totals.articles,
        mentions=totals.mentions,
        months=dict(sorted(totals.months.items())),
        load=totals.report.summary(),
        **extra,
        **linked,
    )
    log.info(
        "wrote %d mentions of %d articles in %d batches to %s (%d month partitions)",
        totals.mentions,
        totals.articles,
        provenance["batches"],
        out,
        len(totals.months),
    )
