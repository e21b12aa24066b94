"""Loading one batch of pieces exactly as :func:`~helpers.corpus.load_corpus` loads the same rows: records,
site template lines counted across batches, cleaning and duplicates (see :mod:`helpers.streaming`)."""

from __future__ import annotations

import io
import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from . import cleaning, dedupe, formats, inputs, readers
from . import corpus as _corpus
from .batches import HIDDEN_COLUMNS, NO_TEMPLATES, TEMPLATE_MIN_SHARE, BatchReport, LoadOptions, Piece

log = logging.getLogger(__name__)

# --------------------------------------------------------------------------------------------------
# loading one batch (mirrors load_corpus's per-file loop; see the module docstring)


def _piece_input(piece: Piece, report: _corpus.LoadReport) -> tuple[bytes, dict | None]:
    f = Path(piece.path)
    if piece.kind == "file":
        return f.read_bytes(), inputs.read_sidecar(f, report)
    if piece.kind == "rowgroups":
        import pyarrow.parquet as pq

        table = pq.ParquetFile(f).read_row_groups(list(range(piece.start, piece.stop)))
        buf = io.BytesIO()
        pq.write_table(table, buf)
        return buf.getvalue(), None
    with f.open("rb") as fh:
        fh.seek(piece.start)
        body = fh.read(piece.stop - piece.start)
    data = piece.header + body  # CSV/TSV: every range starts with the header (JSON lines: no header)
    if piece.encoding == "utf-8-sig":  # as decode(): a BOM, then UTF-8 with replacement characters
        data = data.decode("utf-8", errors="replace").encode("utf-8")
    elif piece.encoding == formats.MIXED:
        data = formats.decode_lines(data)[0].encode("utf-8")
    elif piece.encoding not in ("utf-8", "binary"):
        data = data.decode(piece.encoding).encode("utf-8")
    return data, None


def _piece_records(piece: Piece, report: _corpus.LoadReport, opts: LoadOptions) -> list[dict[str, Any]]:
    """The raw records of one piece, with the fields load_corpus adds (path, format, default source)."""
    report.files_seen += 1
    if piece.kind == "ignored":
        report.ignored.append((piece.path, piece.reason))
        return []
    try:
        data, sidecar = _piece_input(piece, report)
    except OSError as e:
        report.skipped.append((piece.path, f"unreadable: {e.strerror or e}"))
        return []
    records: list[dict[str, Any]] = []
    encodings_before = Counter(report.encodings)
    readers.load_input(
        inputs.Input(path=piece.path, data=data, name=piece.name),
        report,
        records,
        sidecar=sidecar,
        pos_shift=piece.pos_offset,
        options=readers.ReadOptions(opts.mapping_dict, opts.source_name, opts.strict_csv),
    )
    if piece.kind == "lines" and piece.encoding != "utf-8":  # handed over re-encoded: count the file's own
        report.encodings = report.encodings - (report.encodings - encodings_before)
        report.encodings[piece.encoding] += 1
    return records


def pre_frame(
    pieces: Sequence[Piece], opts: LoadOptions, detect_templates: bool
) -> tuple[pd.DataFrame, _corpus.LoadReport]:
    """Load pieces into a CORPUS frame, with hidden columns for re-deriving ids after template removal."""
    report = BatchReport(dayfirst=opts.dayfirst, cleaned=opts.clean)
    records: list[dict[str, Any]] = []
    for p in pieces:
        records.extend(_piece_records(p, report, opts))
    min_docs = opts.template_min_docs if detect_templates else NO_TEMPLATES
    df = _corpus.build_frame(records, report, opts.dayfirst, opts.clean, min_docs, opts.reference_date)
    df["_pos"] = np.asarray([r["pos"] for r in records], dtype=np.int64)
    df["_tsrc"] = pd.array([str(r.get("source") or "") for r in records], dtype="string")
    df["_rawtitle"] = pd.array([r.get("title") or None for r in records], dtype="string")
    return df, report


@dataclass
class TemplateCounts:
    """Per source: how many documents hold each short line, and how many documents there are."""

    lines: dict[str, Counter] = field(default_factory=dict)
    docs: Counter = field(default_factory=Counter)

    def add_frame(self, df: pd.DataFrame) -> TemplateCounts:
        """Count the lines of a pre-template frame (its cleaned texts)."""
        for src, text in zip(df["_tsrc"].tolist(), df["text"].tolist()):
            self.docs[src] += 1
            for lines in cleaning.find_template_lines([(src, text)], min_docs=1, min_share=0.0).values():
                self.lines.setdefault(src, Counter()).update(lines)
        return self

    def merge(self, other: TemplateCounts) -> TemplateCounts:
        """Add another count in place and return self."""
        for src, c in other.lines.items():
            self.lines.setdefault(src, Counter()).update(c)
        self.docs.update(other.docs)
        return self

    def templates(self, min_docs: int) -> dict[str, set[str]]:
        """The template lines, by the rule of :func:`helpers.cleaning.find_template_lines`."""
        out: dict[str, set[str]] = {}
        for src, counts in self.lines.items():
            need = max(min_docs, TEMPLATE_MIN_SHARE * self.docs[src])
            found = {k for k, c in counts.items() if c >= need}
            if found:
                out[src] = found
        return out


def count_templates(pieces: Sequence[Piece], opts: LoadOptions) -> TemplateCounts:
    """Template-line counts of one batch (the first pass of ``templates="corpus"``).

    Args:
        pieces: the batch.
        opts: loader options.

    Returns:
        The per-source counts (mergeable with :meth:`TemplateCounts.merge`).
    """
    df, _ = pre_frame(pieces, opts, detect_templates=False)
    return TemplateCounts().add_frame(df)


def template_lines(batches: Iterable[Sequence[Piece]], opts: LoadOptions) -> dict[str, set[str]]:
    """Site template lines over the whole corpus, reading one batch at a time.

    Args:
        batches: the batches of pieces (from :func:`plan_batches`).
        opts: loader options (``template_min_docs``).

    Returns:
        ``{source: {normalised line, ...}}``, as one :func:`load_corpus` call would find them.
    """
    total = TemplateCounts()
    for b in batches:
        total.merge(count_templates(b, opts))
    return total.templates(opts.template_min_docs)


def apply_templates(df: pd.DataFrame, report: _corpus.LoadReport, templates: dict[str, set[str]]) -> pd.DataFrame:
    """Remove template lines from a pre-template frame; re-derive the ids of the texts that changed.

    Args:
        df: a frame loaded with template detection off (with the hidden ``_pos``, ``_tsrc``, ``_rawtitle``).
        report: its load report; removed lines are recorded there as ``repeated in source``.
        templates: ``{source: {normalised line}}`` (from :func:`template_lines`).

    Returns:
        The frame with those lines removed and ``doc_id``/``n_chars`` updated where a text changed.

    Raises:
        RuntimeError: an id does not reproduce from its inputs (the loader's id rule changed).
    """
    if not templates or not len(df):
        return df
    texts = df["text"].tolist()
    ids = df["doc_id"].tolist()
    changed: dict[str, str] = {}
    removed: list[tuple[str, str, int, str, str]] = []
    for i, (src, text) in enumerate(zip(df["_tsrc"].tolist(), texts)):
        t = templates.get(src)
        if not t:
            continue
        new, gone = cleaning.remove_template_lines(text, t)
        if gone[:1] == [(0, cleaning.KEPT_WHOLE)]:
            report.warnings.append((str(df["path"].iat[i]), 0, cleaning.KEPT_WHOLE))
            continue
        if new is not text and new != text:
            path, pos = df["path"].iat[i], int(df["_pos"].iat[i])
            raw = df["_rawtitle"].iat[i]
            title = raw if isinstance(raw, str) else df["title"].iat[i]
            if _corpus.doc_id(path, pos, title, text) != ids[i]:
                raise RuntimeError(
                    "streaming: a doc_id does not reproduce from path, position, title and text; "
                    "helpers.corpus changed its id rule"
                )
            new_id = _corpus.doc_id(path, pos, title, new)
            changed[ids[i]] = new_id
            ids[i] = new_id
            texts[i] = new
        removed.extend((ids[i], df["path"].iat[i], no, line, "repeated in source") for no, line in gone)
    if not changed and not removed:
        return df
    df = df.copy()
    df["text"] = pd.array(texts, dtype="string")
    df["doc_id"] = pd.array(ids, dtype="string")
    df["n_chars"] = pd.array([len(t) for t in texts], dtype="int64")
    rl = report.removed_lines
    if len(rl):
        rl = rl.assign(doc_id=rl["doc_id"].map(lambda d: changed.get(d, d)))
    extra = pd.DataFrame(removed, columns=["doc_id", "path", "line_no", "line", "rule"])
    report.removed_lines = (
        pd.concat([x for x in (rl, extra) if len(x)], ignore_index=True) if len(rl) or len(extra) else rl
    )
    return df


def finish_frame(
    df: pd.DataFrame,
    report: _corpus.LoadReport,
    opts: LoadOptions,
    keep_hidden: bool = False,
    sink: list | None = None,
    n_jobs: int = 1,
) -> pd.DataFrame:
    """Flag duplicates within the frame (as :func:`load_corpus` does) and attach the load report.

    Args:
        df: a frame from the loader (hidden columns allowed).
        report: its load report (``duplicate_clusters`` and ``articles`` are filled in).
        opts: loader options (``dedupe_threshold``).
        keep_hidden: keep the helper columns used to re-derive ids.
        sink: a list that receives :func:`~helpers.dedupe.find_duplicates`'s result with its signatures
            (for linking copies across batches), when duplicates are flagged.
        n_jobs: worker processes for the duplicate signatures (the same copies either way).

    Returns:
        The CORPUS frame with ``duplicate_of`` set and ``attrs["load_report"]``.
    """
    if opts.dedupe_threshold is not None and len(df):
        d = dedupe.find_duplicates(df, threshold=opts.dedupe_threshold, signatures=sink is not None, n_jobs=n_jobs)
        df["duplicate_of"] = d["duplicate_of"]
        if sink is not None:
            sink.append(d)
        sel = d["cluster"] >= 0
        clusters = df.loc[sel, ["doc_id", "duplicate_of", "date", "source", "title"]].copy()
        clusters.insert(0, "cluster", d.loc[sel, "cluster"])
        clusters["similarity"] = d.loc[sel, "similarity"]
        report.duplicate_clusters = clusters.sort_values(["cluster", "date"], kind="stable").reset_index(drop=True)
    report.articles = len(df)
    if not keep_hidden:
        df = df.drop(columns=[c for c in HIDDEN_COLUMNS if c in df])
    df.attrs["load_report"] = report
    return df


def load_batch(
    pieces: Sequence[Piece],
    opts: LoadOptions | None = None,
    templates: dict[str, set[str]] | None = None,
    sink: list | None = None,
    n_jobs: int = 1,
) -> pd.DataFrame:
    """Load one batch of pieces into a CORPUS frame.

    Args:
        pieces: the batch (from :func:`plan_batches`).
        opts: loader options (default: :func:`load_corpus`'s defaults).
        templates: corpus-wide template lines (from :func:`template_lines`); ``None`` finds them
            within the batch (``templates="batch"``, or when cleaning is off).
        sink: a list that receives the batch's duplicate signatures (see :func:`finish_frame`).
        n_jobs: worker processes for the duplicate signatures (see :func:`finish_frame`).

    Returns:
        The CORPUS frame of the batch, duplicates flagged within it, ``attrs["load_report"]`` set.
    """
    opts = opts or LoadOptions()
    corpus_wide = templates is not None and opts.clean
    df, report = pre_frame(pieces, opts, detect_templates=not corpus_wide)
    if corpus_wide:
        df = apply_templates(df, report, templates)
    return finish_frame(df, report, opts, sink=sink, n_jobs=n_jobs)
