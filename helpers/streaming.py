"""Corpora larger than memory: load in batches, tag batch by batch, keep the mentions on disk as Parquet.

- :func:`iter_corpus` yields CORPUS batches. Input files are cut into *pieces* that load on their own:
  a JSON-lines, CSV or TSV file into line ranges at record boundaries, a Parquet file into runs of
  row groups, any other file (text, HTML, JSON, feed, archive) whole; pieces are grouped into batches
  of about ``batch_size`` articles. Each piece goes through the loader of :mod:`helpers.corpus` with
  its origin path and record positions, so ``doc_id``, ``title``, ``text``... are exactly what
  :func:`~helpers.corpus.load_corpus` gives for the same rows.
- :func:`tag_to_parquet` tags each batch with :func:`~helpers.tagging.tag_mentions` and appends its
  mentions to a Parquet dataset partitioned by month (``month=2024-12/``, undated mentions in
  ``month=undated/``); memory holds one batch at a time. Copies are flagged within each batch, then
  linked across batches from per-article signatures kept on disk (:func:`link_batches_on_disk`), so
  ``duplicate_of`` ends up as one :func:`~helpers.corpus.load_corpus` call would set it.
- :func:`read_mentions` reads such a dataset back (all or some columns, with filters) with the dtypes
  of :func:`~helpers.tagging.tag_mentions` (categorical ``entity``, ``kind``, ``via``... int32 offsets).

The planning and per-batch functions (:func:`plan_batches`, :func:`load_batch`,
:func:`template_lines`) are what :mod:`helpers.cluster` runs on Dask workers: both paths share them.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import logging
import shutil
import warnings
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import numpy as np
import pandas as pd

from . import cleaning, dedupe, formats, inputs, readers
from . import corpus as _corpus

log = logging.getLogger(__name__)

#: Default number of articles per batch.
BATCH_SIZE = 10_000
#: Keyword arguments that configure loading (the rest of ``**options`` goes to ``tag_mentions``).
LOAD_OPTIONS = ("mapping", "source_name", "dayfirst", "clean", "dedupe_threshold", "template_min_docs",
                "templates", "reference_date", "strict_csv")
#: ``min_share`` of :func:`helpers.cleaning.find_template_lines` as :func:`load_corpus` uses it.
TEMPLATE_MIN_SHARE = 0.1
#: Name of the file that records the dtypes of a mentions dataset (ignored by Parquet readers).
META_FILE = "_meta.json"
UNDATED = "undated"
_SPLITTABLE = inputs.JSONL_EXT | inputs.CSV_EXT | inputs.TSV_EXT
_NEVER = 10**15  # a template threshold no line reaches: turns the loader's own detection off
_HIDDEN = ["_pos", "_tsrc", "_rawtitle"]
_CORPUS_DTYPES = {"doc_id": "string", "title": "string", "date": "datetime64[ns, UTC]", "source": "string",
                  "url": "string", "text": "string", "n_chars": "int64", "path": "string",
                  "duplicate_of": "string", "date_precision": "category"}


# --------------------------------------------------------------------------------------------------
# options

@dataclass(frozen=True)
class LoadOptions:
    """How batches are loaded: the arguments of :func:`~helpers.corpus.load_corpus`, plus ``templates``.

    Attributes:
        templates: ``"corpus"`` (default) finds site template lines over the whole corpus in a first pass,
            exactly as one ``load_corpus`` call would; ``"batch"`` finds them within each batch (one pass,
            but a template line spread thinly over batches may be kept, changing those texts and ids).
    """

    mapping: tuple[tuple[str, str], ...] | None = None
    source_name: str | None = None
    dayfirst: bool = False
    clean: bool = True
    dedupe_threshold: float | None = 0.7
    template_min_docs: int = 3
    templates: str = "corpus"
    reference_date: str | None = None
    strict_csv: bool = False

    @classmethod
    def from_kwargs(cls, options: dict[str, Any]) -> "LoadOptions":
        """Build from keyword arguments (a ``mapping`` dict is frozen into pairs).

        Raises:
            ValueError: ``templates`` is not ``"corpus"`` or ``"batch"``.
        """
        kw = {k: options[k] for k in LOAD_OPTIONS if k in options}
        if kw.get("reference_date") is not None:
            kw["reference_date"] = str(kw["reference_date"])
        if kw.get("mapping") is not None:
            kw["mapping"] = tuple(sorted(dict(kw["mapping"]).items()))
        out = cls(**kw)
        if out.templates not in ("corpus", "batch"):
            raise ValueError(f"templates must be 'corpus' or 'batch', not {out.templates!r}")
        return out

    @property
    def mapping_dict(self) -> dict[str, str] | None:
        return dict(self.mapping) if self.mapping is not None else None

    def as_key(self) -> str:
        """A stable text form, for cache keys."""
        return json.dumps(asdict(self), sort_keys=True, default=str)


def split_options(options: dict[str, Any]) -> tuple[LoadOptions, dict[str, Any]]:
    """Split ``**options`` into loader options (:data:`LOAD_OPTIONS`) and ``tag_mentions`` options.

    Args:
        options: keyword arguments of a scale function.

    Returns:
        ``(LoadOptions, {tag option: value})``.
    """
    load = LoadOptions.from_kwargs(options)
    tag = {k: v for k, v in options.items() if k not in LOAD_OPTIONS}
    return load, tag


def resolve_tagging(tag_options: dict[str, Any]) -> tuple[Any, Any, dict[str, Any]]:
    """Load the gazetteer and sentence model named in ``tag_mentions`` options once, for many batches.

    Args:
        tag_options: ``tag_mentions`` keyword arguments (``gazetteer`` may be a path or a Gazetteer).

    Returns:
        ``(gazetteer, sentence_model, remaining options)``.
    """
    from .gazetteer import Gazetteer, load_gazetteer
    from .sentences import load_sentence_model

    rest = dict(tag_options)
    gaz = rest.pop("gazetteer", None)
    gaz = gaz if isinstance(gaz, Gazetteer) else load_gazetteer(gaz)
    model = rest.pop("sentence_model", None) or load_sentence_model()
    rest.pop("n_jobs", None)
    return gaz, model, rest


# --------------------------------------------------------------------------------------------------
# planning: files -> pieces -> batches

class BatchReport(_corpus.LoadReport):
    """The :class:`~helpers.corpus.LoadReport` of one batch. It compares by identity, so that
    ``pd.concat`` of batches (which compares the frames' ``attrs``) works; the concatenation drops it."""

    __eq__ = object.__eq__
    __hash__ = object.__hash__


@dataclass(frozen=True)
class Piece:
    """A part of one input file that loads on its own.

    Attributes:
        path: the file as :func:`load_corpus` names it (the ``path`` column).
        name: its file name (format detection, default source, date in the name).
        kind: ``"file"`` (read whole), ``"lines"`` (a byte range of a JSON-lines/CSV/TSV file),
            ``"rowgroups"`` (row groups ``start`` to ``stop`` of a Parquet file) or ``"ignored"`` (a path
            found and not read, with its ``reason``: it is only counted in the load report).
        start, stop: byte range or row-group range.
        header: the CSV/TSV header bytes, put in front of every line range but the first.
        pos_offset: added to each record's position (its line number or row index) in the piece.
        encoding: how the whole file decodes (line ranges are handed to the loader re-encoded as UTF-8).
        n_records: records in the piece (1 for a file read whole whose count is unknown).
    """

    path: str
    name: str
    kind: str = "file"
    start: int = 0
    stop: int = -1
    header: bytes = b""
    pos_offset: int = 0
    encoding: str = "utf-8"
    n_records: int = 1
    reason: str = ""


def _file_encoding(path: Path) -> str:
    """The encoding :func:`helpers.corpus.decode` would pick for the whole file, read in blocks."""
    with path.open("rb") as fh:
        head = fh.read(3)
        if head == b"\xef\xbb\xbf":
            return "utf-8-sig"
        fh.seek(0)
        dec = codecs.getincrementaldecoder("utf-8")()
        try:
            while block := fh.read(1 << 22):
                dec.decode(block)
            dec.decode(b"", final=True)
            return "utf-8"
        except UnicodeDecodeError:
            pass
        fh.seek(0)
        lines = bad = 0
        for line in fh:  # as decode(): a few lines in another encoding keep the file UTF-8
            lines += 1
            try:
                line.decode("utf-8")
            except UnicodeDecodeError:
                bad += 1
        if bad <= lines / 2:
            return formats.MIXED
        fh.seek(0)
        try:
            while block := fh.read(1 << 22):
                block.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            return "latin-1"


def _split_jsonl(f: Path, shown: str, batch_size: int, enc: str) -> list[Piece]:
    pieces: list[Piece] = []
    start = 0
    first_line = 1
    lineno = 0
    n = 0
    offset = 0
    with f.open("rb") as fh:
        for line in fh:
            lineno += 1
            offset += len(line)
            if line.strip():
                n += 1
            if n >= batch_size:
                pieces.append(Piece(shown, f.name, "lines", start, offset, b"", first_line - 1, enc, n))
                start, first_line, n = offset, lineno + 1, 0
    if n or not pieces:
        pieces.append(Piece(shown, f.name, "lines", start, offset, b"", first_line - 1, enc, n))
    return pieces


def _split_delimited(f: Path, shown: str, batch_size: int, enc: str) -> list[Piece] | None:
    """Line ranges of a CSV/TSV file at record boundaries (quoted line breaks respected), or None when the
    file must be read whole (a bare carriage return, or a row the csv module rejects)."""
    text_enc = "utf-8" if enc.startswith("utf-8") else enc
    consumed = [0]
    bare_cr = [False]

    def lines() -> Iterator[str]:
        with f.open("rb") as fh:
            for raw in fh:
                consumed[0] += len(raw)
                if b"\r" in raw[:-2] or (raw.endswith(b"\r") and not raw.endswith(b"\r\n")):
                    bare_cr[0] = True
                yield raw.decode(text_enc, errors="replace")

    it = lines()
    first = next(it, None)
    if first is None:
        return None
    delimiter = "\t" if f.suffix.lower() in inputs.TSV_EXT else \
        max([",", "\t", ";", "|"], key=first.split("\n", 1)[0].lstrip("\ufeff").count)

    def chained() -> Iterator[str]:
        yield first
        yield from it

    csv.field_size_limit(2**31 - 1)
    reader = csv.reader(chained(), delimiter=delimiter)
    try:
        next(reader)
    except (StopIteration, csv.Error):
        return None
    header_lines, header_end = reader.line_num, consumed[0]
    with f.open("rb") as fh:
        header = fh.read(header_end)
    pieces: list[Piece] = []
    start, first_line, n = header_end, header_lines + 1, 0
    try:
        for _ in reader:
            n += 1
            if n >= batch_size:
                end = consumed[0]
                pieces.append(Piece(shown, f.name, "lines", start, end, header,
                                    first_line - header_lines - 1, enc, n))
                start, first_line, n = end, reader.line_num + 1, 0
    except csv.Error:
        return None
    if bare_cr[0]:
        return None
    if n or not pieces:
        pieces.append(Piece(shown, f.name, "lines", start, consumed[0], header,
                            first_line - header_lines - 1, enc, n))
    return pieces


def _split_parquet(f: Path, shown: str, batch_size: int) -> list[Piece] | None:
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(f).metadata
    except Exception:  # corrupt files are reported by the loader, which reads them whole
        return None
    pieces: list[Piece] = []
    start, rows, before = 0, 0, 0
    for g in range(meta.num_row_groups):
        n = meta.row_group(g).num_rows
        if rows and rows + n > batch_size:  # whole row groups, at most batch_size rows unless one is bigger
            pieces.append(Piece(shown, f.name, "rowgroups", start, g, b"", before, "binary", rows))
            start, before, rows = g, before + rows, 0
        rows += n
    if rows or not pieces:
        pieces.append(Piece(shown, f.name, "rowgroups", start, meta.num_row_groups, b"", before, "binary", rows))
    return pieces


def _pieces_of(f: Path, batch_size: int, split: bool = True) -> list[Piece]:
    shown = str(f)
    whole = [Piece(shown, f.name)]
    if not split:
        return whole
    try:
        size = f.stat().st_size
        with f.open("rb") as fh:
            head = fh.read(8192)
    except OSError:
        return whole  # the loader reports it as unreadable
    if not size:
        return whole
    fmt = formats.detect_format(f.name, head[:4096])
    ext = f.suffix.lower()
    if fmt == "parquet":
        pieces = _split_parquet(f, shown, batch_size)
    elif ext not in _SPLITTABLE or fmt not in ("jsonl", "csv", "tsv") or \
            head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        return whole  # read whole: other formats, UTF-16, binary (the loader says why it skips it)
    else:
        enc = _file_encoding(f)
        pieces = _split_jsonl(f, shown, batch_size, enc) if fmt == "jsonl" else \
            _split_delimited(f, shown, batch_size, enc)
    if not pieces:
        return whole
    if len(pieces) == 1:  # fits one batch: read whole, exactly as load_corpus does
        return [Piece(shown, f.name, n_records=pieces[0].n_records)]
    return pieces


def plan_pieces(source: Any, batch_size: int = BATCH_SIZE, split: bool = True) -> list[Piece]:
    """The pieces of every file named by ``source``, in :func:`load_corpus`'s file order.

    Args:
        source: a file, folder, glob or list of them (as for :func:`load_corpus`).
        batch_size: most records per line range or row-group run.
        split: ``False`` keeps every file whole (one piece per file).

    Returns:
        Pieces; sidecar metadata files (``story.json`` beside ``story.txt``) are read with their text
        file and get no piece of their own.

    Raises:
        FileNotFoundError: as :func:`load_corpus`.
        ValueError: ``batch_size`` < 1.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    ignored: list[tuple[str, str]] = []
    files = inputs.find_inputs(source, ignored)
    all_files = {f for f, _ in files}
    out: list[Piece] = [Piece(path, Path(path).name, kind="ignored", n_records=0, reason=why)
                        for path, why in ignored]
    for f, _root in files:
        if inputs.is_sidecar(f, all_files):
            continue
        out.extend(_pieces_of(f, batch_size, split))
    return out


def plan_batches(source: Any, batch_size: int = BATCH_SIZE) -> list[list[Piece]]:
    """Group the pieces of ``source`` into batches of about ``batch_size`` articles, in file order.

    A piece is never split further: a file read whole (an archive, a JSON array, a feed) makes a batch
    of its own size.

    Args:
        source: a file, folder, glob or list of them.
        batch_size: target number of articles per batch.

    Returns:
        A list of batches, each a list of :class:`Piece`.
    """
    groups: list[list[Piece]] = []
    size = 0
    for p in plan_pieces(source, batch_size):
        if groups and size + p.n_records <= batch_size:
            groups[-1].append(p)
            size += p.n_records
        else:
            groups.append([p])
            size = p.n_records
    return groups


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
    readers.load_input(inputs.Input(path=piece.path, data=data, name=piece.name), report, records,
                       mapping=opts.mapping_dict, sidecar=sidecar, source_name=opts.source_name,
                       pos_shift=piece.pos_offset, strict_csv=opts.strict_csv)
    if piece.kind == "lines" and piece.encoding != "utf-8":  # handed over re-encoded: count the file's own
        report.encodings = report.encodings - (report.encodings - encodings_before)
        report.encodings[piece.encoding] += 1
    return records


def _pre_frame(pieces: Sequence[Piece], opts: LoadOptions, detect_templates: bool
               ) -> tuple[pd.DataFrame, _corpus.LoadReport]:
    """Load pieces into a CORPUS frame, with hidden columns for re-deriving ids after template removal."""
    report = BatchReport(dayfirst=opts.dayfirst, cleaned=opts.clean)
    records: list[dict[str, Any]] = []
    for p in pieces:
        records.extend(_piece_records(p, report, opts))
    min_docs = opts.template_min_docs if detect_templates else _NEVER
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

    def add_frame(self, df: pd.DataFrame) -> "TemplateCounts":
        """Count the lines of a pre-template frame (its cleaned texts)."""
        for src, text in zip(df["_tsrc"].tolist(), df["text"].tolist()):
            self.docs[src] += 1
            for lines in cleaning.find_template_lines([(src, text)], min_docs=1, min_share=0.0).values():
                self.lines.setdefault(src, Counter()).update(lines)
        return self

    def merge(self, other: "TemplateCounts") -> "TemplateCounts":
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
    df, _ = _pre_frame(pieces, opts, detect_templates=False)
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
                raise RuntimeError("streaming: a doc_id does not reproduce from path, position, title and text; "
                                   "helpers.corpus changed its id rule")
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
    report.removed_lines = pd.concat([x for x in (rl, extra) if len(x)], ignore_index=True) \
        if len(rl) or len(extra) else rl
    return df


def finish_frame(df: pd.DataFrame, report: _corpus.LoadReport, opts: LoadOptions,
                 keep_hidden: bool = False, sink: list | None = None) -> pd.DataFrame:
    """Flag duplicates within the frame (as :func:`load_corpus` does) and attach the load report.

    Args:
        df: a frame from the loader (hidden columns allowed).
        report: its load report (``duplicate_clusters`` and ``articles`` are filled in).
        opts: loader options (``dedupe_threshold``).
        keep_hidden: keep the helper columns used to re-derive ids.
        sink: a list that receives :func:`~helpers.dedupe.find_duplicates`'s result with its signatures
            (for linking copies across batches), when duplicates are flagged.

    Returns:
        The CORPUS frame with ``duplicate_of`` set and ``attrs["load_report"]``.
    """
    if opts.dedupe_threshold is not None and len(df):
        d = dedupe.find_duplicates(df, threshold=opts.dedupe_threshold, signatures=sink is not None)
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
        df = df.drop(columns=[c for c in _HIDDEN if c in df])
    df.attrs["load_report"] = report
    return df


def load_batch(pieces: Sequence[Piece], opts: LoadOptions | None = None,
               templates: dict[str, set[str]] | None = None, sink: list | None = None) -> pd.DataFrame:
    """Load one batch of pieces into a CORPUS frame.

    Args:
        pieces: the batch (from :func:`plan_batches`).
        opts: loader options (default: :func:`load_corpus`'s defaults).
        templates: corpus-wide template lines (from :func:`template_lines`); ``None`` finds them
            within the batch (``templates="batch"``, or when cleaning is off).
        sink: a list that receives the batch's duplicate signatures (see :func:`finish_frame`).

    Returns:
        The CORPUS frame of the batch, duplicates flagged within it, ``attrs["load_report"]`` set.
    """
    opts = opts or LoadOptions()
    corpus_wide = templates is not None and opts.clean
    df, report = _pre_frame(pieces, opts, detect_templates=not corpus_wide)
    if corpus_wide:
        df = apply_templates(df, report, templates)
    return finish_frame(df, report, opts, sink=sink)


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
    batches = plan_batches(source, batch_size)
    return _iter_batches(batches, opts)


def _iter_batches(batches: list[list[Piece]], opts: LoadOptions, sink: list | None = None
                  ) -> Iterator[pd.DataFrame]:
    templates = template_lines(batches, opts) if opts.clean and opts.templates == "corpus" and len(batches) > 1 \
        else None
    total = 0
    for i, group in enumerate(batches):
        df = load_batch(group, opts, templates, sink)
        df.attrs["batch"] = (i, len(batches))
        total += len(df)
        r = df.attrs["load_report"]
        log.info("batch %d of %d: %d articles from %d piece(s); %d copies flagged within the batch; "
                 "%d files skipped", i + 1, len(batches), len(df), len(group), r.n_duplicates, len(r.skipped))
        yield df
    log.info("streamed %d articles in %d batches", total, len(batches))


# --------------------------------------------------------------------------------------------------
# mentions on disk

def _schema(m: pd.DataFrame) -> dict[str, Any]:
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
    schema = schema or _schema(parts[0])
    out = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0].reset_index(drop=True)
    return apply_schema(out, schema)


def _for_parquet(m: pd.DataFrame) -> pd.DataFrame:
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
    flat = _for_parquet(m)
    keys = _month_keys(m)
    for key, idx in keys.groupby(keys, sort=True).groups.items():
        sub = flat.loc[idx]
        folder = out_dir / f"month={key}"
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_pandas(sub, preserve_index=False), folder / f"{part}.parquet",
                       compression="zstd")
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
    path.write_text(json.dumps({"format": "helpers-mentions/1", **schema, **info}, indent=1, default=str),
                    encoding="utf-8")
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


def tag_to_parquet(source: Any, out_dir: str | Path, batch_size: int = BATCH_SIZE, n_jobs: int = 1, *,
                   overwrite: bool = False, link_batches: bool = True, **options: Any) -> Path:
    """Tag a corpus batch by batch into a Parquet dataset of mentions partitioned by month.

    Memory holds one batch and its mentions at a time, so the corpus can be larger than memory.

    Args:
        source: a file, folder, glob or list of them.
        out_dir: the dataset folder: ``month=YYYY-MM/part-NNNNN.parquet`` per batch and month,
            ``month=undated/`` for undated articles, and ``_meta.json`` (dtypes, provenance, counts).
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
    from .tagging import tag_mentions

    opts, tag_opts = split_options(options)
    batches = plan_batches(source, batch_size)
    out = prepare_out_dir(out_dir, overwrite)
    gazetteer, model, tag_opts = resolve_tagging(tag_opts)
    provenance = {"gazetteer_sha256": gazetteer.sha256, "sentence_model": model.fingerprint,
                  "source": [str(s) for s in source] if isinstance(source, (list, tuple)) else str(source)}
    schema = None
    n_articles = n_mentions = 0
    months: Counter = Counter()
    sink: list | None = [] if link_batches and opts.dedupe_threshold is not None else None
    for i, batch in enumerate(_iter_batches(batches, opts, sink)):
        m = tag_mentions(batch, gazetteer, sentence_model=model, n_jobs=n_jobs, **tag_opts)
        if schema is None:
            schema = _schema(m)
        months.update(write_partitions(m, out, f"part-{i:05d}"))
        # recorded after every batch: a dataset cut short says which batches it holds
        write_meta(out, schema, **provenance, complete=False, batches=len(batches), batches_done=i + 1)
        if sink:
            write_signatures(dedupe.batch_signatures(batch, sink.pop(), i, n_articles), out, i)
        n_articles += len(batch)
        n_mentions += len(m)
        del batch, m
    linked = link_batches_on_disk(out, opts.dedupe_threshold) if sink is not None else {}
    write_meta(out, schema or {"columns": [], "dtypes": {}, "categories": {}}, **provenance, complete=True,
               batches=len(batches), articles=n_articles, mentions=n_mentions, months=dict(sorted(months.items())),
               **linked)
    log.info("wrote %d mentions of %d articles in %d batches to %s (%d month partitions)", n_mentions, n_articles,
             len(batches), out, len(months))
    return out


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
    schema = pa.schema([("batch", pa.int32()), ("order", pa.int64()), ("doc_id", pa.string()),
                        ("date", pa.timestamp("ns", tz="UTC")), ("exact_key", pa.int64()),
                        ("minhash", pa.binary()), ("shingles", pa.binary()), ("batch_original", pa.int64())])
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
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = Path(out_dir)
    folder = out / SIGNATURES_DIR
    files = sorted(folder.glob("part-*.parquet")) if folder.is_dir() else []
    if not files:
        return {}
    light = [c for c in dedupe.SIGNATURE_COLUMNS if c != "shingles"]
    table = pa.concat_tables([pq.read_table(f, columns=light) for f in files])
    minhash = dedupe.minhash_matrix(table.column("minhash"))  # one matrix, not a million bytes objects
    sigs = table.drop_columns(["minhash"]).to_pandas()
    del table

    def shingles(keys: pd.DataFrame) -> list[np.ndarray]:
        # the shingles of the articles in candidate pairs, read one batch file at a time
        found: dict[int, np.ndarray] = {}
        for b in sorted(keys["batch"].unique()):
            part = pd.read_parquet(folder / f"part-{int(b):05d}.parquet", columns=["order", "shingles"])
            want = set(keys.loc[keys["batch"] == b, "order"].tolist())
            part = part[part["order"].isin(want)]
            found.update({int(o): np.frombuffer(x, dtype=np.uint32) for o, x in zip(part["order"], part["shingles"])})
        return [found[int(o)] for o in keys["order"]]

    linked = dedupe.link_duplicates(sigs, threshold=0.7 if threshold is None else threshold, shingles=shingles,
                                    minhash=minhash)
    changed = linked["original"].to_numpy() != sigs["batch_original"].to_numpy()
    del sigs, minhash
    copies = linked[linked["cluster"] >= 0]
    copies.to_parquet(out / DUPLICATES_FILE, index=False, compression="zstd")
    updates = linked.loc[changed, ["batch", "doc_id", "duplicate_of"]]
    for b, sub in updates.groupby("batch", sort=True):
        new = dict(zip(sub["doc_id"].astype(str), sub["duplicate_of"]))
        for path in sorted(out.glob(f"month=*/part-{int(b):05d}.parquet")):
            table = pq.read_table(path)
            df = table.to_pandas()
            hit = df["doc_id"].astype(str).isin(new.keys())
            if not hit.any():
                continue
            df.loc[hit, "duplicate_of"] = df.loc[hit, "doc_id"].astype(str).map(new).astype("string")
            pq.write_table(pa.Table.from_pandas(df, schema=table.schema, preserve_index=False), path,
                           compression="zstd")
    shutil.rmtree(folder)
    counts = {"duplicates": int((copies["duplicate_of"].notna()).sum()),
              "duplicates_across_batches": int(copies["across"].sum()), "articles_relinked": int(changed.sum())}
    log.info("linked copies across batches: %d copies in all, %d with their original in another batch, "
             "%d articles relinked", counts["duplicates"], counts["duplicates_across_batches"],
             counts["articles_relinked"])
    return counts


def read_mentions(path: str | Path, columns: Sequence[str] | None = None, filters: Any = None,
                  allow_incomplete: bool = False) -> pd.DataFrame:
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
        what = (f"{root} is incomplete: its writing stopped after {done} of {planned} batches"
                + (f" (batches {done} to {planned - 1} are missing)" if isinstance(planned, int) else ""))
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
    return apply_schema(frame, meta)[cols]


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


__all__ = ["iter_corpus", "tag_to_parquet", "read_mentions", "plan_batches", "plan_pieces", "load_batch",
           "template_lines", "count_templates", "concat_mentions", "apply_schema", "write_partitions",
           "write_meta", "LoadOptions", "Piece", "TemplateCounts", "BATCH_SIZE", "split_options",
           "mentions_bytes", "resolve_tagging"]
