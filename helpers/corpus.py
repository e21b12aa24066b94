"""Load article files of many formats into one clean, dated table: the CORPUS.

:func:`load_corpus` reads a file, a folder (recursively), a glob or a list of them, in these formats
(detected by extension, then by content):

- plain text, one article per file, optionally with YAML front matter (``title``, ``date``, ``source``,
  ``url``) or a sidecar ``.json``/``.yaml`` of the same name; a date in the file name
  (``2024-11-30_aleppo.txt``) is used when nothing else gives one;
- CSV/TSV, JSON (a list of records, or an object holding one), JSON lines, Parquet; common column names
  are mapped automatically (see :data:`COLUMN_ALIASES`), an explicit ``mapping`` overrides;
- HTML pages (main text, title, date and site via trafilatura);
- RSS/Atom feed files (feedparser), one row per entry;
- ``.gz`` and ``.zip`` of any of these, read in memory (never extracted to disk) with a size cap.

Nothing in a load aborts on one bad file: every input is loaded, skipped or ignored with a reason, and
``df.attrs["load_report"]`` (a :class:`LoadReport`) accounts for all of them. The stages live in their
own modules: :mod:`helpers.inputs` (what is read), :mod:`helpers.formats` (encodings, formats,
columns), :mod:`helpers.readers` (records), :mod:`helpers.cleaning`, :mod:`helpers.dates`,
:mod:`helpers.dedupe`; this module assembles the frame.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from dataclasses import dataclass
from typing import Any

import pandas as pd

from . import cleaning, dedupe
from .arabic import language_of
from .dates import parse_dates
from .formats import COLUMN_ALIASES, MIXED, decode, detect_format, map_columns  # noqa: F401 - public names
from .inputs import Input, find_inputs, is_sidecar, read_sidecar
from .loadreport import ColumnMappingError, LoadReport, SkipFile  # noqa: F401 - public names
from .options import moved_into, options_of
from .readers import ReadOptions, load_input

log = logging.getLogger(__name__)

#: Columns of the CORPUS table, in this order.
CORPUS_COLUMNS: list[str] = [
    "doc_id",
    "title",
    "date",
    "source",
    "url",
    "text",
    "n_chars",
    "path",
    "duplicate_of",
    "date_precision",
    "language",
]
#: ``language``: ``ar`` (Arabic script), ``en`` (English), ``und`` (another or none), by script and function
#: words (:func:`helpers.arabic.language_of`).
LANGUAGES: list[str] = ["en", "ar", "und"]
#: How precise a ``date`` is: to the second, the day, the month or the year (``""``: no date).
DATE_PRECISIONS: list[str] = ["time", "day", "month", "year", ""]

#: Loads of more files than this show a progress bar.
PROGRESS_MIN_FILES = 200


def doc_id(path: str, pos: int, title: str, text: str) -> str:
    """The id of an article: a hash of its file, its position there, its title and its text."""
    h = hashlib.sha1()
    for part in (path, str(pos), title, text):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:16]


def _progress(items: list, desc: str):
    """``items``, wrapped in a progress bar when there are more than :data:`PROGRESS_MIN_FILES`."""
    if len(items) <= PROGRESS_MIN_FILES:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, unit="file")


@dataclass(frozen=True)
class CorpusOptions:
    """The rarely changed knobs of :func:`helpers.load_corpus` (``options=h.CorpusOptions(strict_csv=True)``); the
    batch loaders take the same three in :class:`helpers.batches.LoadOptions`.

    Attributes:
        template_min_docs: a short line repeated in at least this many documents of one source (and 10% of them) is
            a site template line and is removed (3).
        reference_date: when the files were fetched: relative dates ("3 hours ago") count from it (a
            ``retrieved``/``crawled`` column or a feed's own date wins); None: they stay undated.
        strict_csv: refuse a CSV file whose quotes merge lines into one row (False: the lines are read one by one
            and the merge is reported with its line numbers).

    Raises:
        ValueError: ``template_min_docs`` is not a whole number >= 1.
    """

    template_min_docs: int = 3
    reference_date: Any = None
    strict_csv: bool = False

    def __post_init__(self) -> None:
        n = self.template_min_docs
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise ValueError(f"template_min_docs must be a whole number of documents >= 1, not {n!r}")


@moved_into(CorpusOptions)
def load_corpus(
    source: Any,
    *,
    mapping: dict[str, str] | None = None,
    source_name: str | None = None,
    dayfirst: bool = False,
    clean: bool = True,
    dedupe_threshold: float | None = 0.7,
    options: CorpusOptions | None = None,
) -> pd.DataFrame:
    """Load articles from files of many formats into one tidy CORPUS table.

    Args:
        source: a file, a folder (read recursively), a glob, or a list of them.
        mapping: explicit ``{field: column}`` for tabular files (fields: title, text, date, source, url);
            overrides the automatic mapping of :data:`COLUMN_ALIASES`.
        source_name: the ``source`` of rows whose file has no source column or metadata
            (default: the file's name without extension).
        dayfirst: read ambiguous numeric dates such as ``01/02/2024`` day-first (they are counted).
        clean: strip site cruft (see :mod:`helpers.cleaning`); every removed line is recorded.
        dedupe_threshold: Jaccard threshold for near-duplicates (see :mod:`helpers.dedupe`);
            ``None`` turns duplicate detection off.
        options: a :class:`helpers.CorpusOptions`: ``template_min_docs``, ``reference_date`` (for relative dates)
            and ``strict_csv`` (None: the defaults).

    Returns:
        A DataFrame with columns, in this order:

        - ``doc_id`` (str): stable id, a hash of origin file, position in it and content;
        - ``title`` (str): headline (``""`` when none);
        - ``date`` (datetime64[ns, UTC]): publication time, ``NaT`` when unknown;
        - ``source`` (str): outlet; ``url`` (str);
        - ``text`` (str): clean body, paragraphs separated by one blank line (``""`` for headline-only rows);
        - ``n_chars`` (int): length of ``text``;
        - ``path`` (str): the file it came from (``archive.zip!member`` for archive members);
        - ``duplicate_of`` (str or NA): ``doc_id`` of the earliest copy when this row is a copy;
        - ``date_precision`` (category): ``time``, ``day``, ``month`` or ``year`` (``"Nov 2024"`` is
          1 November with precision ``month``; nothing is filled in from today), ``""`` when undated.

        ``df.attrs["load_report"]`` holds the :class:`LoadReport`.

    Raises:
        FileNotFoundError: a named file or folder does not exist, or a glob matches nothing.
        ColumnMappingError: ``mapping`` names a column that a file lacks (the message lists its columns).
        TypeError: ``options`` is not a :class:`helpers.CorpusOptions`.
    """
    opts = options_of(options, CorpusOptions)
    report = LoadReport(dayfirst=dayfirst, cleaned=clean)
    files = find_inputs(source, report.ignored)
    report.files_seen += len(report.ignored)
    records = _read_records(files, report, ReadOptions(mapping, source_name, opts.strict_csv))
    df = build_frame(records, report, dayfirst, clean, opts.template_min_docs, opts.reference_date)
    if dedupe_threshold is not None and len(df):
        _mark_duplicates(df, report, dedupe_threshold)
    report.articles = len(df)
    df.attrs["load_report"] = report.refresh()
    _log_summary(report)
    return df


def _read_records(files: list[tuple[Any, Any]], report: LoadReport, options: ReadOptions) -> list[dict[str, Any]]:
    """The raw records of every file (sidecars counted as loaded, unreadable files skipped with the reason)."""
    all_files = {f for f, _ in files}
    records: list[dict[str, Any]] = []
    for f, _root in _progress(files, "loading"):
        report.files_seen += 1
        if is_sidecar(f, all_files):
            report.files_loaded += 1
            continue
        try:
            data = f.read_bytes()
        except OSError as e:
            report.skipped.append((str(f), f"unreadable: {e.strerror or e}"))
            continue
        load_input(
            Input(path=str(f), data=data, name=f.name),
            report,
            records,
            sidecar=read_sidecar(f, report),
            options=options,
        )
    return records


def _mark_duplicates(df: pd.DataFrame, report: LoadReport, threshold: float) -> None:
    """Fill ``duplicate_of`` from near-duplicate detection and record the clusters in the load report."""
    d = dedupe.find_duplicates(df, threshold=threshold)
    df["duplicate_of"] = d["duplicate_of"]
    clusters = df.loc[d["cluster"] >= 0, ["doc_id", "duplicate_of", "date", "source", "title"]].copy()
    clusters.insert(0, "cluster", d.loc[d["cluster"] >= 0, "cluster"])
    clusters["similarity"] = d.loc[d["cluster"] >= 0, "similarity"]
    report.duplicate_clusters = clusters.sort_values(["cluster", "date"], kind="stable").reset_index(drop=True)


def _clean_records(
    records: list[dict[str, Any]], titles: list[str], texts: list[str], report: LoadReport, template_min_docs: int
) -> list[tuple[int, int, str, str]]:
    """Clean every text in place (character references decoded, titles found in scraped pages filled in), then
    drop each source's template lines; returns the removed lines as ``(record index, line_no, line, rule)``."""
    removed_rows: list[tuple[int, int, str, str]] = []
    for i, r in enumerate(records):
        scraped = bool(r.get("scraped"))
        titles[i] = cleaning.decode_char_refs(titles[i])
        res = cleaning.clean_document(cleaning.decode_char_refs(texts[i]), title=titles[i] or None, scraped=scraped)
        if not titles[i] and res.title:
            titles[i] = res.title
        texts[i] = res.text
        removed_rows.extend((i, no, line, rule) for no, line, rule in res.removed)
    templates = cleaning.find_template_lines(
        ((str(r.get("source") or ""), texts[i]) for i, r in enumerate(records)), min_docs=template_min_docs
    )
    if templates:
        for i, r in enumerate(records):
            t = templates.get(str(r.get("source") or ""))
            if t:
                texts[i], gone = cleaning.remove_template_lines(texts[i], t)
                if gone[:1] == [(0, cleaning.KEPT_WHOLE)]:
                    report.warnings.append((str(r.get("path")), 0, cleaning.KEPT_WHOLE))
                    continue
                removed_rows.extend((i, no, line, "repeated in source") for no, line in gone)
    return removed_rows


def _record_dates(
    records: list[dict[str, Any]], report: LoadReport, dayfirst: bool, reference_date: Any
) -> tuple[pd.Series, pd.Series]:
    """Each record's date and its precision (a date in the file's name when the record has none),
    counted in the load report."""
    refs = [r.get("retrieved") or reference_date for r in records]
    dates, precision, stats = parse_dates(
        [r.get("date") for r in records],
        dayfirst=dayfirst,
        reference=refs if any(x is not None for x in refs) else None,
        with_precision=True,
    )
    from_name = 0
    for i, r in enumerate(records):
        if pd.isna(dates.iat[i]) and pd.notna(r.get("name_date")):
            dates.iat[i] = r["name_date"]
            precision.iat[i] = "day"
            from_name += 1
    if from_name:
        # those were counted as missing (or unparseable) above: move them to parsed
        take = min(from_name, stats.missing)
        stats.missing -= take
        stats.unparseable -= from_name - take
        stats.parsed += from_name
    report.dates.add(stats)
    report.dates_from_filename += from_name
    return dates, precision


def _record_ids(records: list[dict[str, Any]], paths: list[str], titles: list[str], texts: list[str]) -> list[str]:
    """Stable ids; a file repeated in a list of sources gives the same ids, kept distinct."""
    ids = [doc_id(paths[i], records[i]["pos"], titles[i], texts[i]) for i in range(len(records))]
    seen: Counter = Counter()
    for i, d in enumerate(ids):
        if seen[d]:
            ids[i] = doc_id(paths[i], records[i]["pos"], titles[i], texts[i] + f"\x00{seen[d]}")
        seen[d] += 1
    return ids


def build_frame(
    records: list[dict[str, Any]],
    report: LoadReport,
    dayfirst: bool,
    clean: bool,
    template_min_docs: int,
    reference_date: Any = None,
) -> pd.DataFrame:
    """The CORPUS frame of raw records: cleaned (every removed line recorded), dated, with ids (no duplicate
    detection; :func:`load_corpus` adds it)."""
    n = len(records)
    titles = [r.get("title") or "" for r in records]
    texts = [r.get("text") or "" for r in records]
    removed_rows: list[tuple[int, int, str, str]] = []  # (record index, line_no, line, rule)
    if clean:
        removed_rows = _clean_records(records, titles, texts, report, template_min_docs)
    else:
        texts = [t.replace("\r\n", "\n").strip() for t in texts]
    dates, precision = _record_dates(records, report, dayfirst, reference_date)
    paths = [r["path"] for r in records]
    ids = _record_ids(records, paths, titles, texts)
    df = pd.DataFrame(
        {
            "doc_id": pd.array(ids, dtype="string"),
            "title": pd.array([t.strip() for t in titles], dtype="string"),
            "date": dates.reset_index(drop=True).astype("datetime64[ns, UTC]"),
            "source": pd.array([str(r.get("source") or "").strip() for r in records], dtype="string"),
            "url": pd.array([str(r.get("url") or "").strip() for r in records], dtype="string"),
            "text": pd.array(texts, dtype="string"),
            "n_chars": pd.array([len(t) for t in texts], dtype="int64"),
            "path": pd.array(paths, dtype="string"),
            "duplicate_of": pd.array([None] * n, dtype="string"),
            "date_precision": pd.Categorical(precision.reset_index(drop=True).tolist(), categories=DATE_PRECISIONS),
            "language": pd.Categorical([language_of(f"{t} {x}") for t, x in zip(titles, texts)], categories=LANGUAGES),
        },
        columns=CORPUS_COLUMNS,
    )
    if removed_rows:
        report.removed_lines = pd.DataFrame(
            [(ids[i], paths[i], no, line, rule) for i, no, line, rule in removed_rows],
            columns=["doc_id", "path", "line_no", "line", "rule"],
        )
    return df


def _log_summary(report: LoadReport) -> None:
    """Log the load's figures and the first skipped files."""
    s = report.summary()
    log.info(
        "loaded %d articles from %d of %d files (%d skipped); %d dates missing, %d ambiguous; "
        "%d copies in %d clusters; %d lines removed",
        s["articles"],
        s["files_loaded"],
        s["files_seen"],
        s["files_skipped"],
        s["dates_missing"],
        s["dates_ambiguous"],
        s["duplicates"],
        s["duplicate_clusters"],
        s["lines_removed"],
    )
    for path, reason in report.skipped[:5]:
        log.warning("skipped %s: %s", path, reason)
