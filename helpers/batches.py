"""Batches for corpora larger than memory: loading options, and files cut into pieces that load on their own,
grouped into batches of about ``batch_size`` articles (see :mod:`helpers.streaming`)."""

from __future__ import annotations

import codecs
import csv
import json
import logging
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from . import corpus as _corpus
from . import formats, inputs

log = logging.getLogger(__name__)


#: Default number of articles per batch.
BATCH_SIZE = 10_000
#: Keyword arguments that configure loading (the rest of ``**options``, ``gazetteer`` and ``options``, goes to
#: ``tag_mentions``).
LOAD_OPTIONS = (
    "mapping",
    "source_name",
    "dayfirst",
    "clean",
    "dedupe_threshold",
    "template_min_docs",
    "templates",
    "reference_date",
    "strict_csv",
    "link_batches",
)
#: ``min_share`` of :func:`helpers.cleaning.find_template_lines` as :func:`load_corpus` uses it.
TEMPLATE_MIN_SHARE = 0.1
#: Name of the file that records the dtypes of a mentions dataset (ignored by Parquet readers).
META_FILE = "_meta.json"
UNDATED = "undated"
_SPLITTABLE = inputs.JSONL_EXT | inputs.CSV_EXT | inputs.TSV_EXT
NO_TEMPLATES = 10**15  # a template threshold no line reaches: turns the loader's own detection off
HIDDEN_COLUMNS = ["_pos", "_tsrc", "_rawtitle"]
CORPUS_DTYPES = {
    "doc_id": "string",
    "title": "string",
    "date": "datetime64[ns, UTC]",
    "source": "string",
    "url": "string",
    "text": "string",
    "n_chars": "int64",
    "path": "string",
    "duplicate_of": "string",
    "date_precision": "category",
    "language": "category",
}


# --------------------------------------------------------------------------------------------------
# options


@dataclass(frozen=True)
class LoadOptions:
    """How batches are loaded: the arguments of :func:`~helpers.corpus.load_corpus`, plus ``templates`` and
    ``link_batches``, the two choices between the whole corpus and each batch.

    Attributes:
        templates: ``"corpus"`` (default) finds site template lines over the whole corpus in a first pass,
            exactly as one ``load_corpus`` call would; ``"batch"`` finds them within each batch (one pass,
            but a template line spread thinly over batches may be kept, changing those texts and ids).
        link_batches: (with ``dedupe_threshold`` set) also link copies whose original is in another batch
            (:func:`helpers.tag_to_parquet`, ``helpers.cluster.tag_mentions``; True by default); False flags
            copies within each batch only. :func:`helpers.iter_corpus` and :func:`helpers.tag_cached` do not
            take it (a loop over ``iter_corpus`` links copies itself; ``tag_cached`` flags them over the whole
            corpus).
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
    link_batches: bool = True

    @classmethod
    def from_kwargs(cls, options: dict[str, Any]) -> LoadOptions:
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
        """A stable text form, for cache keys (``link_batches``, which never changes how a file loads, left out)."""
        key = asdict(self)
        key.pop("link_batches")
        return json.dumps(key, sort_keys=True, default=str)


def split_options(options: dict[str, Any]) -> tuple[LoadOptions, dict[str, Any]]:
    """Split ``**options`` into loader options (:data:`LOAD_OPTIONS`) and ``tag_mentions`` arguments.

    Args:
        options: keyword arguments of a scale function.

    Returns:
        ``(LoadOptions, {tag_mentions argument: value})``.
    """
    load = LoadOptions.from_kwargs(options)
    tag = {k: v for k, v in options.items() if k not in LOAD_OPTIONS}
    return load, tag


def refuse_link_batches(options: dict[str, Any], where: str) -> None:
    """Reject ``link_batches`` in the options of a function that does not read a corpus in linked batches.

    Raises:
        TypeError: ``options`` holds ``link_batches``.
    """
    if "link_batches" in options:
        raise TypeError(
            f"{where}: link_batches applies to tag_to_parquet and helpers.cluster.tag_mentions, which link copies "
            "across batches; leave it out here"
        )


def resolve_tagging(tag_options: dict[str, Any]) -> tuple[Any, Any, Any]:
    """Load the gazetteer and sentence model named in ``tag_mentions`` arguments once, for many batches.

    Args:
        tag_options: ``tag_mentions`` keyword arguments: ``gazetteer`` (a path, a pack name or a Gazetteer) and
            ``options`` (a :class:`helpers.mentions.TagOptions`); ``n_jobs`` is dropped (the caller sets it).

    Returns:
        ``(gazetteer, sentence_model, TagOptions)``, the TagOptions holding that sentence model.

    Raises:
        TypeError: any other argument (the message names the tagging options' new home), or ``options`` that is
            not a TagOptions.
    """
    from dataclasses import replace

    from .gazetteer import Gazetteer, load_gazetteer
    from .mentions import TagOptions
    from .options import options_of
    from .sentences import load_sentence_model

    rest = dict(tag_options)
    gaz = rest.pop("gazetteer", None)
    opts = options_of(rest.pop("options", None), TagOptions)
    rest.pop("n_jobs", None)
    if rest:
        raise TypeError(
            f"unknown option(s) {sorted(rest)}: the loader takes {', '.join(LOAD_OPTIONS)}; the tagger takes "
            f"gazetteer= and options=h.TagOptions(...) ({', '.join(TagOptions.__dataclass_fields__)})"
        )
    gaz = gaz if isinstance(gaz, Gazetteer) else load_gazetteer(gaz)
    model = opts.sentence_model or load_sentence_model()
    return gaz, model, replace(opts, sentence_model=model)


# --------------------------------------------------------------------------------------------------
# planning: files -> pieces -> batches


class BatchReport(_corpus.LoadReport):
    """The :class:`~helpers.corpus.LoadReport` of one batch. It compares by identity, so that
    ``pd.concat`` of batches (which compares the frames' ``attrs``) works; the concatenation drops it."""

    __eq__ = object.__eq__
    __ne__ = object.__ne__
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
    delimiter = (
        "\t"
        if f.suffix.lower() in inputs.TSV_EXT
        else max([",", "\t", ";", "|"], key=first.split("\n", 1)[0].lstrip("\ufeff").count)
    )

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
                pieces.append(Piece(shown, f.name, "lines", start, end, header, first_line - header_lines - 1, enc, n))
                start, first_line, n = end, reader.line_num + 1, 0
    except csv.Error:
        return None
    if bare_cr[0]:
        return None
    if n or not pieces:
        pieces.append(Piece(shown, f.name, "lines", start, consumed[0], header, first_line - header_lines - 1, enc, n))
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


def _pieces_of(f: Path, batch_size: int, split: bool = True, strict_csv: bool = False) -> list[Piece]:
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
    elif (
        ext not in _SPLITTABLE
        or fmt not in ("jsonl", "csv", "tsv")
        or (strict_csv and fmt != "jsonl")
        or head.startswith((b"\xff\xfe", b"\xfe\xff"))
        or b"\x00" in head
    ):
        # read whole: other formats, UTF-16, binary (the loader says why it skips it), and tables in strict
        # mode (a file refused is refused whole, never a batch of it loaded)
        return whole
    else:
        enc = _file_encoding(f)
        pieces = (
            _split_jsonl(f, shown, batch_size, enc) if fmt == "jsonl" else _split_delimited(f, shown, batch_size, enc)
        )
    if not pieces:
        return whole
    if len(pieces) == 1:  # fits one batch: read whole, exactly as load_corpus does
        return [Piece(shown, f.name, n_records=pieces[0].n_records)]
    return pieces


def plan_pieces(source: Any, batch_size: int = BATCH_SIZE, split: bool = True, strict_csv: bool = False) -> list[Piece]:
    """The pieces of every file named by ``source``, in :func:`load_corpus`'s file order.

    Args:
        source: a file, folder, glob or list of them (as for :func:`load_corpus`).
        batch_size: most records per line range or row-group run.
        split: ``False`` keeps every file whole (one piece per file).
        strict_csv: keep CSV and TSV files whole (the loader's strict mode refuses a file as a whole).

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
    out: list[Piece] = [Piece(path, Path(path).name, kind="ignored", n_records=0, reason=why) for path, why in ignored]
    for f, _root in files:
        if inputs.is_sidecar(f, all_files):
            continue
        out.extend(_pieces_of(f, batch_size, split, strict_csv))
    return out


def plan_batches(source: Any, batch_size: int = BATCH_SIZE, strict_csv: bool = False) -> list[list[Piece]]:
    """Group the pieces of ``source`` into batches of about ``batch_size`` articles, in file order.

    A piece is never split further: a file read whole (an archive, a JSON array, a feed) makes a batch
    of its own size.

    Args:
        source: a file, folder, glob or list of them.
        batch_size: target number of articles per batch.
        strict_csv: keep CSV and TSV files whole (see :func:`plan_pieces`).

    Returns:
        A list of batches, each a list of :class:`Piece`.
    """
    groups: list[list[Piece]] = []
    size = 0
    for p in plan_pieces(source, batch_size, strict_csv=strict_csv):
        if groups and size + p.n_records <= batch_size:
            groups[-1].append(p)
            size += p.n_records
        else:
            groups.append([p])
            size = p.n_records
    return groups
