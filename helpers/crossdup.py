"""Copies across batches: per-article MinHash signatures kept on disk while batches stream, then linked so that
``duplicate_of`` ends up as one :func:`~helpers.corpus.load_corpus` call would set it."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import numpy as np
import pandas as pd

from . import dedupe
from .dataset import SUPPORT_DIR

log = logging.getLogger(__name__)


SIGNATURES_DIR = "_signatures"
DUPLICATES_FILE = "_duplicates.parquet"


def write_signatures(sigs: pd.DataFrame, out_dir: str | Path, batch: int) -> Path:
    """Keep one batch's duplicate signatures (:func:`helpers.dedupe.batch_signatures`) in ``out_dir/_signatures``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = Path(out_dir) / SIGNATURES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"part-{batch:05d}.parquet"
    # one schema for every batch (a batch of short articles only has no MinHash values at all)
    schema = pa.schema(
        [
            ("batch", pa.int32()),
            ("order", pa.int64()),
            ("doc_id", pa.string()),
            ("date", pa.timestamp("ns", tz="UTC")),
            ("exact_key", pa.int64()),
            ("minhash", pa.binary()),
            ("shingles", pa.binary()),
            ("batch_original", pa.int64()),
        ]
    )
    table = pa.Table.from_pandas(sigs[schema.names], schema=schema, preserve_index=False)
    pq.write_table(table, path, compression="zstd")
    return path


def link_batches_on_disk(out_dir: str | Path, threshold: float | None = 0.7) -> dict[str, int]:
    """Link copies across the batches of a mentions dataset and update its ``duplicate_of``.

    Reads the batches' signatures (``_signatures/``, written while tagging; the shingle hashes only of the
    articles in candidate pairs, one batch file at a time), runs
    :func:`helpers.dedupe.link_duplicates`, writes every copy to ``_duplicates.parquet`` (``batch``,
    ``doc_id``, ``duplicate_of``, ``cluster``, ``similarity``, ``across``), rewrites the mention files of the
    batches whose ``duplicate_of`` changed, and removes ``_signatures/``.

    Args:
        out_dir: the dataset folder.
        threshold: the near-copy threshold (as the loader's ``dedupe_threshold``).

    Returns:
        Counts for ``_meta.json``: ``duplicates`` (all copies), ``duplicates_across_batches`` (copies whose
        original is in another batch), ``articles_relinked`` (copies whose ``duplicate_of`` changed).
    """
    out = Path(out_dir)
    folder = out / SIGNATURES_DIR
    files = sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []
    if not files:
        return {}
    sigs, minhash = _read_signatures(files)
    linked = dedupe.link_duplicates(
        sigs, threshold=0.7 if threshold is None else threshold, shingles=_shingle_reader(folder), minhash=minhash
    )
    changed = linked["original"].to_numpy() != sigs["batch_original"].to_numpy()
    del sigs, minhash
    copies = linked[linked["cluster"] >= 0]
    copies.to_parquet(out / DUPLICATES_FILE, index=False, compression="zstd")
    _rewrite_duplicate_of(out, linked.loc[changed, ["batch", "doc_id", "duplicate_of"]])
    shutil.rmtree(folder)
    counts = {
        "duplicates": int((copies["duplicate_of"].notna()).sum()),
        "duplicates_across_batches": int(copies["across"].sum()),
        "articles_relinked": int(changed.sum()),
    }
    log.info(
        "linked copies across batches: %d copies in all, %d with their original in another batch, %d articles relinked",
        counts["duplicates"],
        counts["duplicates_across_batches"],
        counts["articles_relinked"],
    )
    return counts


def _read_signatures(files: list[Path]) -> tuple[pd.DataFrame, tuple[np.ndarray, np.ndarray]]:
    """The signatures tables without their shingles, and the MinHash values as one matrix (not a million bytes
    objects; see :func:`helpers.dedupe.minhash_matrix`)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    light = [c for c in dedupe.SIGNATURE_COLUMNS if c != "shingles"]
    table = pa.concat_tables([pq.read_table(f, columns=light) for f in files])
    minhash = dedupe.minhash_matrix(table.column("minhash"))
    return table.drop_columns(["minhash"]).to_pandas(), minhash


def _shingle_reader(folder: Path) -> dedupe.ShingleLoader:
    """A function that reads the shingles of some articles (a frame of ``batch`` and ``order``) from the
    signature files, one batch file at a time."""

    def shingles(keys: pd.DataFrame) -> list[np.ndarray]:
        found: dict[int, np.ndarray] = {}
        for b in sorted(keys["batch"].unique()):
            part = pd.read_parquet(folder / f"part-{int(b):05d}.parquet", columns=["order", "shingles"])
            want = set(keys.loc[keys["batch"] == b, "order"].tolist())
            part = part[part["order"].isin(want)]
            found.update({int(o): np.frombuffer(x, dtype=np.uint32) for o, x in zip(part["order"], part["shingles"])})
        return [found[int(o)] for o in keys["order"]]

    return shingles


def _rewrite_duplicate_of(out: Path, updates: pd.DataFrame) -> None:
    """Set the new ``duplicate_of`` of some articles (``batch``, ``doc_id``, ``duplicate_of``) in the mention
    files of their batches (and in their backing statements, when the dataset holds them)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    for b, sub in updates.groupby("batch", sort=True):
        new = dict(zip(sub["doc_id"].astype(str), sub["duplicate_of"]))
        name = f"part-{int(b):05d}.parquet"
        for path in [*sorted(out.glob(f"month=*/{name}")), *sorted(out.glob(f"{SUPPORT_DIR}/{name}"))]:
            table = pq.read_table(path)
            df = table.to_pandas()
            hit = df["doc_id"].astype(str).isin(new.keys())
            if not hit.any():
                continue
            df.loc[hit, "duplicate_of"] = df.loc[hit, "doc_id"].astype(str).map(new).astype("string")
            pq.write_table(
                pa.Table.from_pandas(df, schema=table.schema, preserve_index=False), path, compression="zstd"
            )
