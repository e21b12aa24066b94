"""Tag a corpus on a Dask cluster: the same loader and tagger, one partition per batch of file pieces.

:func:`tag_mentions` plans the corpus as :mod:`helpers.streaming` does (JSON-lines, CSV and TSV files cut
into line ranges at record boundaries, Parquet files into runs of row groups, other files whole, grouped
into batches of about ``batch_size`` articles) and hands each batch to a worker as one partition of a
``dask.bag``. Workers read their own byte ranges, so only file names and offsets travel, never the text.

Two passes, as in :func:`helpers.streaming.iter_corpus`: the first counts site template lines per source
on the workers (only the counts come back), the second loads, cleans, flags duplicates within the batch
and tags it. The mentions come back as one DataFrame or, with ``out=``, are written by the workers
straight into a Parquet dataset partitioned by month (read it with :func:`helpers.read_mentions`).
Copies whose original sits in another partition are then linked from the workers' MinHash signatures
(256 bytes per article; see :func:`helpers.dedupe.link_duplicates`).

Results equal the in-process streaming path (:func:`helpers.tag_to_parquet`) with the same ``batch_size``
row for row; a corpus that fits one batch gives exactly ``tag_mentions(load_corpus(...))``.

Nothing here is a home-made cluster: ``client=None`` starts an embedded
``dask.distributed.LocalCluster`` bound to 127.0.0.1 and closes it afterwards; pass a ``Client`` or a
scheduler address (``"tcp://10.0.0.5:8786"``) to use your own.
"""

from __future__ import annotations

import importlib.util
import logging
import time
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from . import streaming as st
from .loadreport import LoadReport

log = logging.getLogger(__name__)


def has_bokeh() -> bool:
    """True when bokeh is installed, so a Dask dashboard can be served."""
    return importlib.util.find_spec("bokeh") is not None


def local_client(n_workers: int = 2, threads_per_worker: int = 1, dashboard: bool = False) -> Any:
    """Start a ``LocalCluster`` of worker processes bound to 127.0.0.1 and return its ``Client``.

    Args:
        n_workers: worker processes.
        threads_per_worker: threads in each (1: the tagger is pure Python, threads would contend).
        dashboard: serve the dashboard on a free local port when bokeh is installed (it never is
            served otherwise, and never on a public interface).

    Returns:
        A ``dask.distributed.Client``; ``client.close(); client.cluster.close()`` stops everything.
    """
    from dask.distributed import Client, LocalCluster

    address = "127.0.0.1:0" if dashboard and has_bokeh() else None
    with warnings.catch_warnings():
        # without a dashboard the scheduler still serves its small status API on 127.0.0.1:8787; when another
        # cluster holds that port it moves to a free one and warns: harmless, so not shown
        warnings.filterwarnings("ignore", message=r"Port \d+ is already in use", category=UserWarning)
        from .parallel import hidden_main

        with hidden_main():  # workers never re-run the caller's script
            cluster = LocalCluster(
                n_workers=n_workers,
                threads_per_worker=threads_per_worker,
                processes=True,
                host="127.0.0.1",
                dashboard_address=address,
            )
    return Client(cluster)


def connect(scheduler: str | None = None, n_workers: int = 2, dashboard: bool = False) -> Any:
    """A ``Client``: connected to ``scheduler`` (an address such as ``"tcp://10.0.0.5:8786"``), or, when it is
    None, to a new local cluster of ``n_workers`` processes (see :func:`local_client`).

    Stop it with :func:`shutdown` (which also stops a local cluster it started).
    """
    if scheduler is None:
        return local_client(n_workers=n_workers, dashboard=dashboard)
    from dask.distributed import Client

    return Client(scheduler)


def shutdown(client: Any) -> None:
    """Close a client and, when it runs one, its local cluster (a remote scheduler keeps running)."""
    from dask.distributed import LocalCluster

    cluster = getattr(client, "cluster", None)
    client.close()
    if isinstance(cluster, LocalCluster):
        cluster.close()


def dashboard_link(client: Any) -> str | None:
    """The dashboard URL of a client's cluster, or None when no dashboard is served."""
    if not has_bokeh():
        return None
    try:
        return client.dashboard_link or None
    except Exception:  # no dashboard configured
        return None


# --------------------------------------------------------------------------------------------------
# what runs on a worker (module-level functions, so Dask pickles them by reference)


def _count_partition(groups: list[list[st.Piece]], opts: st.LoadOptions) -> list[st.TemplateCounts]:
    """The template-line counts of the partition's batches, merged."""
    total = st.TemplateCounts()
    for g in groups:
        total.merge(st.count_templates(g, opts))
    return [total]


@dataclass(frozen=True)
class _Job:
    """What every partition's worker needs: loader options, the corpus's template lines, the tagger and its
    options, the dataset folder (None: mentions come back) and whether to keep signatures for cross-partition
    links."""

    opts: st.LoadOptions
    templates: dict[str, set[str]] | None
    gazetteer: Any
    model: Any
    tag_opts: Any  # a TagOptions holding the sentence model
    out: str | None
    link: bool = False


def _tag_partition(items: list[tuple[int, list[st.Piece]]], job: _Job) -> list[Any]:
    """Load, clean and tag each batch of the partition; its mentions, signatures and report, or (with an
    ``out`` folder) the figures of the Parquet parts written."""
    from . import dedupe
    from .mentions import tag_mentions as _tag

    results = []
    out = job.out
    for i, pieces in items:
        t0 = time.perf_counter()
        sink: list | None = [] if job.link else None
        batch = st.load_batch(pieces, job.opts, job.templates, sink)
        m = _tag(batch, job.gazetteer, n_jobs=1, options=job.tag_opts)
        # load order across partitions: partition number, then row
        sigs = dedupe.batch_signatures(batch, sink.pop(), i, i << 32) if sink else None
        if out is None:
            results.append((i, (m, sigs, batch.attrs["load_report"])))
        else:
            if sigs is not None:
                st.write_signatures(sigs, out, i)
            months = st.write_partitions(m, out, f"part-{i:05d}")
            results.append(
                (
                    i,
                    {
                        "articles": len(batch),
                        "mentions": len(m),
                        "months": months,
                        "report": batch.attrs["load_report"],
                        "schema": st.mentions_schema(m),
                        "seconds": time.perf_counter() - t0,
                    },
                )
            )
    return results


# --------------------------------------------------------------------------------------------------


def _connect(client: Any, n_workers: int) -> tuple[Any, bool]:
    """The client to use and whether this call owns it (and must shut it down)."""
    if client is None:
        return local_client(n_workers=n_workers), True
    if isinstance(client, str):
        from dask.distributed import Client

        return Client(client), True
    return client, False


def tag_mentions(
    sources: Any,
    client: Any = None,
    out: str | Path | None = None,
    *,
    batch_size: int = st.BATCH_SIZE,
    n_workers: int = 2,
    overwrite: bool = False,
    **options: Any,
) -> pd.DataFrame | Path:
    """Load and tag a corpus on a Dask cluster.

    Args:
        sources: files, folders, globs or a list of them: JSON-lines, CSV, TSV or Parquet shards (any
            format ``load_corpus`` reads works; those four are split by byte range or row group, others
            go whole). Workers must see the same paths (a local cluster, or a shared file system).
        client: ``None`` starts an embedded ``LocalCluster(n_workers, threads_per_worker=1,
            processes=True, host="127.0.0.1", dashboard_address=None)`` and closes it at the end;
            a ``dask.distributed.Client`` is used as is (left open); a string is a scheduler address
            (``"tcp://host:8786"``) to connect to (the connection is closed at the end).
        out: a folder: workers write the mentions there as a month-partitioned Parquet dataset
            (like :func:`helpers.tag_to_parquet`) and the folder's path is returned.
        batch_size: articles per partition (see :func:`helpers.iter_corpus`).
        n_workers: workers of the embedded cluster (ignored when ``client`` is given).
        overwrite: replace an existing dataset at ``out``.
        **options: loader options (``mapping``, ``source_name``, ``dayfirst``, ``clean``,
            ``dedupe_threshold``, ``template_min_docs``, ``templates``; ``link_batches``, default True: also link
            copies whose original is in another partition, see :func:`helpers.streaming.link_batches_on_disk`;
            workers keep MinHash signatures, not texts) and the tagger's ``gazetteer`` and ``options`` (a
            :class:`helpers.TagOptions`; its ``chunk_size`` is not used: each worker tags its partition alone).

    Returns:
        The MENTIONS frame (dtypes as :func:`helpers.tag_mentions`, rows in corpus order), or with
        ``out`` the dataset's path. Duplicates are flagged within each partition, then (``link_batches``)
        linked across partitions, as :func:`helpers.tag_to_parquet` does.

    Raises:
        FileNotFoundError: ``sources`` names nothing.
        FileExistsError: ``out`` is not empty and ``overwrite`` is False.
        TypeError: an option that is neither a loader option nor ``gazetteer``/``options``.
    """
    import dask.bag  # noqa: F401 - fail before anything is written when Dask is missing

    opts, tag_opts = st.split_options(options)
    gazetteer, model, tag_opts = st.resolve_tagging(tag_opts)
    started = time.perf_counter()
    batches = st.plan_batches(sources, batch_size, opts.strict_csv)
    out_dir = st.prepare_out_dir(out, overwrite) if out is not None else None
    link = opts.link_batches and opts.dedupe_threshold is not None
    job = _Job(opts, None, gazetteer, model, tag_opts, str(out_dir) if out_dir else None, link)
    results = _run_partitions(client, n_workers, batches, job)
    seconds = time.perf_counter() - started
    report = _load_report(results, job, batches)
    if out_dir is None:
        mentions = _gathered(results, job, report)
        log.info("cluster: tagged %d mentions in %d partitions in %.1f s", len(mentions), len(batches), seconds)
        return mentions
    _write_dataset_meta(out_dir, results, sources, job, report)
    _log_written(out_dir, results, seconds)
    return out_dir


def _log_written(out_dir: Path, results: list[Any], seconds: float) -> None:
    """Log what the workers wrote into the dataset."""
    log.info(
        "cluster: wrote %d mentions of %d articles in %d partitions to %s in %.1f s",
        sum(r["mentions"] for _, r in results),
        sum(r["articles"] for _, r in results),
        len(results),
        out_dir,
        seconds,
    )


def _load_report(results: list[Any], job: _Job, batches: list) -> LoadReport:
    """The partitions' load reports merged, with the files read whole counted once."""
    report = LoadReport(dayfirst=job.opts.dayfirst, cleaned=job.opts.clean)
    for _, r in results:
        report.add(r[2] if job.out is None else r["report"])
    st.count_whole_files(report, batches)
    return report


def _run_partitions(client: Any, n_workers: int, batches: list, job: _Job) -> list[Any]:
    """Count the corpus's template lines, then tag one partition per batch; the results in batch order."""
    import dask.bag as db

    dask_client, own = _connect(client, n_workers)
    try:
        job = replace(job, templates=_corpus_templates(dask_client, batches, job.opts))
        bag = db.from_sequence(list(enumerate(batches)), npartitions=len(batches)).map_partitions(_tag_partition, job)
        return sorted(dask_client.compute(bag).result(), key=lambda r: r[0])
    finally:
        if own:
            shutdown(dask_client)


def _gathered(results: list[Any], job: _Job, report: LoadReport) -> pd.DataFrame:
    """The partitions' mentions in corpus order, copies linked across partitions (``job.link``), with attrs."""
    parts = [m for _, (m, _, _) in results]
    if job.link:
        parts = _relink(parts, [sigs for _, (_, sigs, _) in results], job.opts.dedupe_threshold)
    mentions = st.concat_mentions(parts)
    mentions.attrs["load"] = report.summary()
    mentions.attrs["gazetteer_sha256"] = job.gazetteer.sha256
    mentions.attrs["sentence_model"] = job.model.fingerprint
    return mentions


def _corpus_templates(dask_client: Any, batches: list, opts: Any) -> Any:
    """Template lines counted over the whole corpus (``templates="corpus"``), or None when not needed."""
    import dask.bag as db

    if not (opts.clean and opts.templates == "corpus" and len(batches) > 1):
        return None
    counts_bag = db.from_sequence(batches, npartitions=len(batches)).map_partitions(_count_partition, opts)
    total = st.TemplateCounts()
    for c in dask_client.compute(counts_bag).result():
        total.merge(c)
    return total.templates(opts.template_min_docs)


def _write_dataset_meta(out_dir: Path, results: list, sources: Any, job: _Job, report: LoadReport) -> None:
    """Link copies across partitions (``job.link``) and write the dataset's meta file and load report."""
    from collections import Counter

    link_threshold = job.opts.dedupe_threshold if job.link else None

    months: Counter = Counter()
    for _, r in results:
        months.update(r["months"])
    linked = st.link_batches_on_disk(out_dir, link_threshold) if link_threshold is not None else {}
    st.write_load_report(out_dir, report)
    st.write_meta(
        out_dir,
        results[0][1]["schema"],
        gazetteer_sha256=job.gazetteer.sha256,
        **linked,
        sentence_model=job.model.fingerprint,
        complete=True,
        batches=len(results),
        load=report.summary(),
        articles=sum(r["articles"] for _, r in results),
        mentions=sum(r["mentions"] for _, r in results),
        months=dict(sorted(months.items())),
        source=[str(s) for s in sources] if isinstance(sources, (list, tuple)) else str(sources),
    )


def _relink(parts: list[pd.DataFrame], sigs: list[Any], threshold: float | None) -> list[pd.DataFrame]:
    """Update ``duplicate_of`` in per-partition mentions with the copies linked across partitions."""
    from . import dedupe

    linked = dedupe.link_duplicates(
        [s for s in sigs if s is not None], threshold=0.7 if threshold is None else threshold
    )
    out = []
    for i, m in enumerate(parts):
        sub = linked[linked["batch"] == i]
        new = dict(zip(sub["doc_id"].astype(str), sub["duplicate_of"]))
        if len(m) and new:
            m = m.copy()
            m["duplicate_of"] = m["doc_id"].astype(str).map(new).astype("string")
        out.append(m)
    return out


def partitions(sources: Any, batch_size: int = st.BATCH_SIZE) -> pd.DataFrame:
    """How :func:`tag_mentions` would split ``sources``: one row per partition.

    Returns:
        A frame ``partition``, ``pieces``, ``articles`` (estimated), ``files`` (names).
    """
    rows = []
    for i, group in enumerate(st.plan_batches(sources, batch_size)):
        rows.append((i, len(group), sum(p.n_records for p in group), sorted({p.name for p in group})))
    return pd.DataFrame(rows, columns=["partition", "pieces", "articles", "files"])


__all__: Sequence[str] = [
    "tag_mentions",
    "local_client",
    "connect",
    "shutdown",
    "dashboard_link",
    "has_bokeh",
    "partitions",
]
