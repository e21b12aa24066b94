"""Mentions on disk: a Parquet dataset partitioned by month, with the dtypes of
:func:`~helpers.mentions.tag_mentions` recorded beside it and restored when it is read back."""

from __future__ import annotations

import json
import logging
import shutil
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from .batches import META_FILE, UNDATED

log = logging.getLogger(__name__)
#: The load report of a streamed corpus, beside its mentions.
LOAD_REPORT_FILE = "_load_report.json"

# --------------------------------------------------------------------------------------------------
# mentions on disk


def mentions_schema(m: pd.DataFrame) -> dict[str, Any]:
    dtypes, cats = {}, {}
    for c in m.columns:
        dt = m[c].dtype
        if isinstance(dt, pd.CategoricalDtype):
            dtypes[c] = "category"
            if c != "source":  # sources: the union of what was written, found at read time
                cats[c] = [str(x) for x in dt.categories]
        else:
            dtypes[c] = str(dt)
    return {"columns": list(m.columns), "dtypes": dtypes, "categories": cats}


def apply_schema(df: pd.DataFrame, schema: dict[str, Any]) -> pd.DataFrame:
    """Give a MENTIONS frame read from Parquet (or concatenated) the dtypes recorded in ``schema``.

    Args:
        df: the frame.
        schema: ``{"dtypes": {column: dtype}, "categories": {column: [...]}}``.

    Returns:
        A new frame: categoricals get the recorded categories (``source``: the sources present, sorted,
        as ``tag_mentions`` gives them); other columns are cast to the recorded dtype.
    """
    out = {}
    for c in df.columns:
        want = schema["dtypes"].get(c)
        s = df[c]
        if want is None:
            out[c] = s
        elif want == "category":
            cats = schema["categories"].get(c)
            if isinstance(s.dtype, pd.CategoricalDtype) and cats is not None and list(s.cat.categories) == cats:
                out[c] = s
            elif isinstance(s.dtype, pd.CategoricalDtype) and cats is None:
                s = s.cat.remove_unused_categories()
                out[c] = s.cat.reorder_categories(sorted(s.cat.categories))
            elif isinstance(s.dtype, pd.CategoricalDtype) and set(s.cat.categories) <= set(cats):
                out[c] = s.cat.set_categories(cats)  # codes remapped; no value is spelled out again
            else:
                values = s.astype(object).where(s.notna(), None)
                if cats is None:
                    cats = sorted({v for v in values if v is not None})
                out[c] = pd.Categorical(values, categories=cats)
        elif want.startswith("datetime64"):
            out[c] = s if str(s.dtype) == want else pd.to_datetime(s, utc=True).astype(want)
        else:
            out[c] = s if str(s.dtype) == want else s.astype(want)
    return pd.DataFrame(out, index=pd.RangeIndex(len(df)))


def concat_mentions(parts: Sequence[pd.DataFrame], schema: dict[str, Any] | None = None) -> pd.DataFrame:
    """Concatenate MENTIONS frames tagged separately, keeping ``tag_mentions``'s dtypes.

    Args:
        parts: MENTIONS frames (e.g. one per batch).
        schema: dtypes to restore (default: those of the first part).

    Returns:
        One frame; categoricals keep the gazetteer's categories, ``source`` categories are the sources
        present, sorted.

    Raises:
        ValueError: ``parts`` is empty.
    """
    parts = list(parts)
    if not parts:
        raise ValueError("concat_mentions: nothing to concatenate")
    schema = schema or mentions_schema(parts[0])
    out = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0].reset_index(drop=True)
    return apply_schema(out, schema)


def for_parquet(m: pd.DataFrame) -> pd.DataFrame:
    """Categoricals as plain strings (files written apart need not share dictionaries)."""
    cats = [c for c in m.columns if isinstance(m[c].dtype, pd.CategoricalDtype)]
    return m.astype({c: "string" for c in cats}) if cats else m


def _month_keys(m: pd.DataFrame) -> pd.Series:
    d = pd.to_datetime(m["date"], utc=True)
    return d.dt.strftime("%Y-%m").fillna(UNDATED)


def write_partitions(m: pd.DataFrame, out_dir: str | Path, part: str) -> dict[str, int]:
    """Write mentions into ``out_dir/month=YYYY-MM/<part>.parquet`` (undated: ``month=undated``).

    Args:
        m: a MENTIONS frame.
        out_dir: the dataset folder.
        part: file stem, unique per batch (``part-00003``).

    Returns:
        Rows written per month.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    out_dir = Path(out_dir)
    written: dict[str, int] = {}
    if not len(m):
        return written
    m = m.reset_index(drop=True)
    flat = for_parquet(m)
    keys = _month_keys(m)
    for key, idx in keys.groupby(keys, sort=True).groups.items():
        sub = flat.loc[idx]
        folder = out_dir / f"month={key}"
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pandas(sub, preserve_index=False), folder / f"{part}.parquet", compression="zstd")
        written[str(key)] = len(sub)
    return written


def write_meta(out_dir: str | Path, schema: dict[str, Any], **info: Any) -> Path:
    """Write the dataset's ``_meta.json``.

    Args:
        out_dir: the dataset folder.
        schema: column dtypes and categories (from a MENTIONS frame).
        **info: provenance and counts to record (gazetteer sha256, sentence model, batches...).

    Returns:
        The path written.
    """
    path = Path(out_dir) / META_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps({"format": "helpers-mentions/1", **schema, **info}, indent=1, default=str), encoding="utf-8"
    )
    return path


def write_load_report(out_dir: str | Path, report: Any) -> Path:
    """Write the load report of a streamed corpus (:meth:`~helpers.loadreport.LoadReport.to_record`) as
    ``_load_report.json`` beside the mentions, and warn when files were skipped or rows dropped.

    Returns:
        The path written.
    """
    path = Path(out_dir) / LOAD_REPORT_FILE
    path.write_text(json.dumps(report.to_record(), indent=1, default=str), encoding="utf-8")
    if report.skipped or report.row_errors:
        log.warning(
            "%d files skipped and %d rows not loaded; the reasons are in %s",
            len(report.skipped),
            len(report.row_errors),
            path,
        )
    return path


def prepare_out_dir(out_dir: str | Path, overwrite: bool) -> Path:
    """Create ``out_dir``; an existing non-empty one is replaced when ``overwrite`` else refused.

    Raises:
        FileExistsError: ``out_dir`` holds files and ``overwrite`` is False.
    """
    out = Path(out_dir)
    if out.exists() and any(out.iterdir()):
        if not overwrite:
            raise FileExistsError(f"{out} is not empty: pass overwrite=True to replace it")
        if not (out / META_FILE).is_file() and not any(out.glob("month=*")):
            raise FileExistsError(f"{out} is not a mentions dataset; not removing it")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    return out


def read_mentions(
    path: str | Path, columns: Sequence[str] | None = None, filters: Any = None, allow_incomplete: bool = False
) -> pd.DataFrame:
    """Read a mentions dataset written by :func:`tag_to_parquet` or ``helpers.cluster.tag_mentions(out=...)``.

    Args:
        path: the dataset folder.
        columns: columns to read (default: all of ``MENTION_COLUMNS``).
        filters: row filters in pyarrow's form, e.g. ``[("entity", "==", "hts")]``,
            ``[("date", ">=", pd.Timestamp("2024-01-01", tz="UTC"))]``, or on the partition key
            ``[("month", ">=", "2024-06")]`` (``month`` is ``"YYYY-MM"`` or ``"undated"``; it is not
            returned as a column).
        allow_incomplete: read a dataset whose writing was cut short (``complete`` is false in its
            ``_meta.json``), with a warning naming the batches it lacks; by default such a dataset is refused.

    Returns:
        The MENTIONS frame with ``tag_mentions``'s dtypes (categorical ``entity``, ``kind``, ``via``,
        ``role``, ``parent``, ``field``, ``source``; int32 ``para_id``, ``sent_id``, ``start``, ``end``;
        UTC ``date``). Rows come month by month (undated last), batch by batch within a month: sort
        them if order matters.

    Raises:
        FileNotFoundError: ``path`` is not a mentions dataset (no ``_meta.json``).
        ValueError: the dataset is incomplete and ``allow_incomplete`` is False.
    """
    import pyarrow as pa
    import pyarrow.dataset as ds

    root = Path(path)
    meta_path = root / META_FILE
    if not meta_path.is_file():
        raise FileNotFoundError(f"read_mentions: {root} is not a mentions dataset (no {META_FILE})")
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    if meta.get("complete") is False:
        done, planned = meta.get("batches_done", 0), meta.get("batches", "?")
        what = f"{root} is incomplete: its writing stopped after {done} of {planned} batches" + (
            f" (batches {done} to {planned - 1} are missing)" if isinstance(planned, int) else ""
        )
        if not allow_incomplete:
            raise ValueError(f"read_mentions: {what}; pass allow_incomplete=True to read what is there")
        warnings.warn(f"read_mentions: {what}", stacklevel=2)
    if "columns" not in meta:
        raise ValueError(f"read_mentions: {meta_path} holds no column schema (no batch was written)")
    cols = list(columns) if columns is not None else list(meta["columns"])
    missing = [c for c in cols if c not in meta["columns"]]
    if missing:
        raise KeyError(f"read_mentions: no column(s) {missing}; columns are {meta['columns']}")
    files = sorted(root.glob("month=*/*.parquet"))
    if not files:
        empty = pd.DataFrame({c: pd.Series([], dtype=object) for c in cols})
        return apply_schema(empty, meta)
    part = ds.partitioning(pa.schema([("month", pa.string())]), flavor="hive")
    # categorical columns come off the files as dictionaries: 13 million rows never become strings
    dict_cols = [c for c in cols if meta["dtypes"].get(c) == "category"]
    fmt = ds.ParquetFileFormat(read_options=ds.ParquetReadOptions(dictionary_columns=dict_cols))
    dataset = ds.dataset([str(f) for f in files], format=fmt, partitioning=part, partition_base_dir=str(root))
    expr = None
    if filters is not None:
        expr = filters if isinstance(filters, ds.Expression) else _filters_to_expression(filters)
    table = dataset.to_table(columns=cols, filter=expr)
    # strings stay in Arrow memory as the "string" dtype tag_mentions gives (no second copy to convert)
    strings = {pa.string(): pd.StringDtype("pyarrow"), pa.large_string(): pd.StringDtype("pyarrow")}
    frame = table.to_pandas(types_mapper=strings.get, self_destruct=True)
    del table
    out = apply_schema(frame, meta)[cols]
    out.attrs["load"] = meta.get("load", {})
    return out


#: Folder of a dataset's backing statements (``tag_to_parquet(..., support=True)``), one file per batch.
SUPPORT_DIR = "support"
_SUPPORT_CATEGORIES = ("backer", "client", "field", "modality", "cue_kind", "support_type")


def write_support(s: pd.DataFrame, out_dir: str | Path, batch: int) -> Path:
    """Write one batch's backing statements (a SUPPORT frame) to ``out_dir/support/part-NNNNN.parquet``.

    Returns:
        The path written (an empty batch writes an empty file, so every batch has one).
    """
    folder = Path(out_dir) / SUPPORT_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"part-{batch:05d}.parquet"
    for_parquet(s).to_parquet(path, index=False, compression="zstd")
    return path


def read_support(path: str | Path) -> pd.DataFrame:
    """Read the backing statements a streamed dataset holds (``tag_to_parquet(..., support=True)``).

    Args:
        path: the dataset folder.

    Returns:
        The SUPPORT frame of every batch, in batch order, with ``extract_support``'s categorical columns.

    Raises:
        FileNotFoundError: the dataset holds no statements (it was written without ``support=True``).
    """
    files = sorted((Path(path) / SUPPORT_DIR).glob("part-*.parquet"))
    if not files:
        raise FileNotFoundError(f"{path} holds no backing statements: write it with tag_to_parquet(..., support=True)")
    parts = [pd.read_parquet(f) for f in files]
    out = pd.concat([p for p in parts if len(p)] or parts[:1], ignore_index=True)
    for c in _SUPPORT_CATEGORIES:
        if c in out:
            out[c] = pd.Categorical(out[c], categories=sorted(out[c].dropna().unique()))
    return out


def _filters_to_expression(filters: Any) -> Any:
    """pyarrow's list-of-tuples filters (AND of tuples, or OR of AND-lists) as a dataset expression."""
    import pyarrow.parquet as pq

    return pq.filters_to_expression(filters)


def mentions_bytes(m: pd.DataFrame) -> float:
    """Bytes per mention row of a MENTIONS frame in memory.

    Args:
        m: a MENTIONS frame.

    Returns:
        ``memory_usage(deep=True)`` summed over columns, divided by the number of rows.
    """
    return float(m.memory_usage(deep=True).sum()) / max(len(m), 1)


__all__ = [
    "read_mentions",
    "concat_mentions",
    "apply_schema",
    "write_partitions",
    "write_meta",
    "mentions_bytes",
    "write_load_report",
    "LOAD_REPORT_FILE",
]
