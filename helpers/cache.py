"""Tag a corpus file by file and keep the results on disk, so a re-run only tags what changed.

:func:`tag_cached` stores two Parquet files per source file under ``config.CACHE_DIR/tag_cached/``
(or ``cache_dir``):

- ``load/<key>.parquet``: the file's articles as loaded and cleaned, before corpus-wide template lines
  are removed (plus the load report in ``load/<key>.json``). The key hashes the file (its path as given,
  resolved path, size and ``mtime_ns``; or its bytes with ``key="content"``; a text file's metadata
  sidecar too), the loader options and a fingerprint of the loader's code.
- ``mentions/<key>.parquet``: the file's mentions. The key adds the gazetteer's ``sha256``, the sentence
  model's ``fingerprint``, the tag options, the template lines that apply to the file's sources and a
  fingerprint of the tagger's code.

Template lines (site boilerplate repeated across one source's articles) and near-duplicates are found
over the whole corpus on every call, from the cached texts, so the result equals
``tag_mentions(load_corpus(source))``. A new file usually tags only itself; when it changes the
template lines of its source (it tips a line over the threshold), the files of that source are
re-tagged too. Stale entries are never deleted: remove the folder to reclaim space. One call at a time
holds a lock on the folder (``tag_cached/.lock``), so notebooks run in parallel on the same corpus share
what the first of them stores.

Faults are handled like the loader's: a file that vanishes or cannot be read is skipped with its reason
in the load report; every entry records its row count and the sha256 of its bytes, and an entry that
does not match them (truncated, emptied, edited) or whose index does not fit its schema is rebuilt, never
trusted; a write that fails (a full disk, a read-only folder) leaves no temporary file behind, is
reported with its path, and the call goes on without caching that entry.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import hashlib
import json
import logging
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import config, inputs
from . import corpus as _corpus
from . import streaming as st

log = logging.getLogger(__name__)

#: Bump to invalidate every cache entry written by an older layout.
CACHE_VERSION = 2
#: The modules whose code makes a load and a tagging (with every helpers module they import, found by
#: :func:`module_closure`, so that a module split off later is still covered), and the data the loader reads.
_LOADER_ROOTS = ("corpus", "batches", "batchload")
_TAGGER_ROOTS = ("mentions",)
_LOADER_DATA = (config.DATA_DIR / "dates" / "timezones.csv",)
_HIDDEN_DTYPES = {"_pos": "int64", "_tsrc": "string", "_rawtitle": "string"}


@dataclass
class CacheStats:
    """What one :func:`tag_cached` call did.

    Attributes:
        files: source files in the corpus.
        reused: files whose mentions came from the cache.
        tagged: files tagged in this call.
        loaded: files read and cleaned in this call (the others came from the load cache).
        cache_dir: the cache folder.
    """

    files: int = 0
    reused: int = 0
    tagged: int = 0
    loaded: int = 0
    cache_dir: str = ""


@functools.cache
def module_closure(roots: tuple[str, ...]) -> tuple[str, ...]:
    """The ``helpers`` modules ``roots`` import, directly or not (file names, sorted), themselves included."""
    here = Path(__file__).resolve().parent
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        name = todo.pop()
        path = here / f"{name}.py"
        if name in seen or not path.is_file():
            continue
        seen.add(name)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                todo.extend([node.module.split(".")[0]] if node.module else [a.name for a in node.names])
    return tuple(sorted(f"{n}.py" for n in seen))


def _code_fingerprint(roots: tuple[str, ...], data: tuple[Path, ...] = ()) -> str:
    """A hash of the code of ``roots`` and every module they import, and of the ``data`` files."""
    h = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for name in module_closure(roots):
        h.update(name.encode())
        h.update((here / name).read_bytes())
    for p in data:
        h.update(p.name.encode())
        h.update(p.read_bytes() if p.is_file() else b"-")
    return h.hexdigest()[:16]


def _hash(*parts: Any) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p if isinstance(p, bytes) else str(p).encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:32]


def file_key(piece: st.Piece, opts: st.LoadOptions, key: str = "stat") -> str:
    """The cache key of one source file's load.

    Args:
        piece: the file (a whole-file :class:`~helpers.streaming.Piece`).
        opts: loader options.
        key: ``"stat"`` (path, size, ``mtime_ns``) or ``"content"`` (sha256 of the bytes).

    Raises:
        ValueError: unknown ``key``.
        OSError: the file cannot be read.
    """
    if key not in ("stat", "content"):
        raise ValueError(f"key must be 'stat' or 'content', not {key!r}")
    f = Path(piece.path)
    files = [f]
    sc = inputs.sidecar_for(f) if f.suffix.lower() in inputs.TEXT_EXT else None
    if sc is not None:
        files.append(sc)
    ident: list[Any] = [CACHE_VERSION, piece.path, opts.as_key(), _code_fingerprint(_LOADER_ROOTS, _LOADER_DATA)]
    for x in files:
        s = x.stat()
        if key == "stat":
            ident += [str(x.resolve()), s.st_size, s.st_mtime_ns]
        else:
            ident += [str(x.resolve()), hashlib.sha256(x.read_bytes()).hexdigest()]
    return _hash(*ident)


class CacheEntryError(ValueError):
    """A cache entry that does not match what was recorded of it (it is rebuilt)."""


def _atomic_write(write: Any, path: Path) -> bool:
    """Write through a temporary file and rename; on failure remove the temporary file, warn with the path
    and return False (the caller goes on without the entry)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
        return True
    except OSError as e:
        tmp.unlink(missing_ok=True)
        log.warning("tag_cached: could not store %s (%s); continuing without caching it", path, e.strerror or e)
        return False


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _store_parquet(df: pd.DataFrame, path: Path) -> dict[str, Any] | None:
    """Write ``df`` and a ``.meta.json`` of its row count and sha256; the record, or None when not stored."""
    if not _atomic_write(lambda tmp: df.to_parquet(tmp, index=False), path):
        return None
    record = {"rows": len(df), "sha256": _digest(path)}
    if not _atomic_write(lambda tmp: tmp.write_text(json.dumps(record), encoding="utf-8"), _meta_of(path)):
        path.unlink(missing_ok=True)
        return None
    return record


def _meta_of(path: Path) -> Path:
    return path.with_name(path.name + ".meta.json")


def _load_parquet(path: Path) -> pd.DataFrame:
    """Read an entry, checking it against its recorded row count and sha256.

    Raises:
        CacheEntryError: no record, a different checksum or row count.
    """
    meta_path = _meta_of(path)
    if not meta_path.is_file():
        raise CacheEntryError(f"{path.name}: no record of rows and checksum")
    record = json.loads(meta_path.read_text(encoding="utf-8"))
    if (
        not isinstance(record, dict)
        or not isinstance(record.get("rows"), int)
        or not isinstance(record.get("sha256"), str)
    ):
        raise CacheEntryError(f"{meta_path.name}: malformed record {record!r}")
    if _digest(path) != record["sha256"]:
        raise CacheEntryError(f"{path.name}: checksum differs from the one recorded")
    df = pd.read_parquet(path)
    if len(df) != record["rows"]:
        raise CacheEntryError(f"{path.name}: {len(df)} rows, {record['rows']} recorded")
    return df


def _report_to_json(r: _corpus.LoadReport) -> str:
    return json.dumps(
        {
            "files_seen": r.files_seen,
            "files_loaded": r.files_loaded,
            "skipped": r.skipped,
            "per_format": dict(r.per_format),
            "encodings": dict(r.encodings),
            "row_errors": r.row_errors,
            "warnings": r.warnings,
            "dates": r.dates.to_dict(),
            "dates_from_filename": r.dates_from_filename,
        },
        default=str,
    )


def _report_from_json(text: str, removed: pd.DataFrame | None, opts: st.LoadOptions) -> _corpus.LoadReport:
    from collections import Counter

    from .dates import DateStats

    d = json.loads(text)
    kinds = {
        "files_seen": int,
        "files_loaded": int,
        "skipped": list,
        "per_format": dict,
        "encodings": dict,
        "row_errors": list,
        "warnings": list,
        "dates": dict,
        "dates_from_filename": int,
    }
    bad = [k for k, t in kinds.items() if not isinstance(d.get(k) if isinstance(d, dict) else None, t)]
    if bad:
        raise CacheEntryError(f"load report entry lacks or mistypes {bad}")
    r = st.BatchReport(dayfirst=opts.dayfirst, cleaned=opts.clean)
    r.files_seen, r.files_loaded = d["files_seen"], d["files_loaded"]
    r.skipped = [tuple(x) for x in d["skipped"]]
    r.per_format, r.encodings = Counter(d["per_format"]), Counter(d["encodings"])
    r.row_errors = [tuple(x) for x in d["row_errors"]]
    r.warnings = [tuple(x) for x in d["warnings"]]
    r.dates = DateStats.from_dict(d["dates"])
    r.dates_from_filename = d["dates_from_filename"]
    if removed is not None:
        r.removed_lines = removed
    return r


def _merge_report(total: _corpus.LoadReport, r: _corpus.LoadReport) -> None:
    total.files_seen += r.files_seen
    total.files_loaded += r.files_loaded
    total.skipped.extend(r.skipped)
    total.per_format.update(r.per_format)
    total.encodings.update(r.encodings)
    total.row_errors.extend(r.row_errors)
    total.warnings.extend(r.warnings)
    total.dates.add(r.dates)
    total.dates_from_filename += r.dates_from_filename
    if len(r.removed_lines):
        total.removed_lines = pd.concat(
            [x for x in (total.removed_lines, r.removed_lines) if len(x)], ignore_index=True
        )


def _read_pre(path: Path) -> pd.DataFrame:
    return _load_parquet(path).astype({**st.CORPUS_DTYPES, **_HIDDEN_DTYPES})


def _load_file(
    piece: st.Piece, opts: st.LoadOptions, load_dir: Path, fkey: str
) -> tuple[pd.DataFrame, _corpus.LoadReport, bool]:
    """The file's pre-template frame and report, from the cache or loaded (and then stored).

    Raises:
        OSError: the file cannot be read (it is skipped by the caller, with this reason).
    """
    frame_path, report_path = load_dir / f"{fkey}.parquet", load_dir / f"{fkey}.json"
    removed_path = load_dir / f"{fkey}.removed.parquet"
    if frame_path.is_file() and report_path.is_file():
        try:
            removed = _load_parquet(removed_path) if removed_path.is_file() else None
            report = _report_from_json(report_path.read_text(encoding="utf-8"), removed, opts)
            return _read_pre(frame_path), report, False
        except Exception as e:  # a damaged entry is rebuilt, never trusted
            log.warning("tag_cached: cache entry %s is damaged (%s); reloading %s", frame_path, e, piece.path)
    if not Path(piece.path).exists():
        raise FileNotFoundError(f"{piece.path}: the file is gone")
    df, report = st.pre_frame([piece], opts, detect_templates=opts.templates == "batch")
    _store_parquet(df, frame_path)
    if len(report.removed_lines):
        _store_parquet(report.removed_lines, removed_path)
    _atomic_write(lambda tmp: tmp.write_text(_report_to_json(report), encoding="utf-8"), report_path)
    return df, report, True


def _prepare(
    pieces: list, opts: st.LoadOptions, load_dir: Path, key: str, stats: CacheStats, skipped: list[tuple[str, str]]
) -> list[tuple[Any, str, pd.DataFrame, _corpus.LoadReport]]:
    """Each file's key and pre-template frame; a file that cannot be read is skipped with its reason."""
    pre = []
    for p in pieces:
        try:
            fkey = file_key(p, opts, key)
            df, report, loaded = _load_file(p, opts, load_dir, fkey)
        except OSError as e:
            skipped.append((str(p.path), f"unreadable: {e.strerror or e}"))
            continue
        stats.loaded += loaded
        pre.append((p, fkey, df, report))
    return pre


@contextlib.contextmanager
def _one_call_at_a_time(root: Path):
    """Hold an exclusive lock on the cache folder (across processes) for one :func:`tag_cached` call.

    Notebooks that run at once on the same corpus then share the entries the first one writes instead of
    racing to write them (where POSIX file locks exist; elsewhere calls are not serialised).
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _locked(fn: Any) -> Any:
    @functools.wraps(fn)
    def inner(source: Any, cache_dir: str | os.PathLike | None = None, **kwargs: Any) -> Any:
        root = Path(cache_dir) if cache_dir is not None else config.CACHE_DIR
        with _one_call_at_a_time(root / "tag_cached"):
            return fn(source, cache_dir, **kwargs)

    return inner


@dataclass(frozen=True)
class _Tagger:
    """The tagger of one :func:`tag_cached` call: gazetteer, sentence model, options and result schema."""

    gazetteer: Any
    model: Any
    options: Any  # a TagOptions holding the sentence model
    schema: Any
    empty: pd.DataFrame

    def tag(self, frame: pd.DataFrame, **extra: Any) -> pd.DataFrame:
        """``tag_mentions`` of ``frame`` with this tagger's gazetteer, model and options."""
        from .mentions import tag_mentions

        return tag_mentions(frame, self.gazetteer, **extra, options=self.options)

    def base_key(self) -> list[str]:
        """What identifies this tagger's results in a mentions cache key."""
        result_opts = self.options.result_key()  # chunking never changes results; the defaults give {}
        return [
            self.gazetteer.sha256,
            self.model.fingerprint,
            json.dumps(result_opts, sort_keys=True, default=str),
            _code_fingerprint(_TAGGER_ROOTS),
        ]


def _make_tagger(tag_opts: dict[str, Any]) -> _Tagger:
    """Resolve the gazetteer and sentence model of ``tag_opts`` and the schema of the mentions frame."""
    from .mentions import tag_mentions

    gazetteer, model, tag_opts = st.resolve_tagging(tag_opts)
    empty = _corpus.build_frame([], _corpus.LoadReport(), False, False, 3)
    schema = st.mentions_schema(tag_mentions(empty, gazetteer, options=tag_opts))
    return _Tagger(gazetteer, model, tag_opts, schema, empty)


def _corpus_templates(pre: list[tuple[Any, str, pd.DataFrame, Any]], opts: st.LoadOptions) -> dict[str, set[str]]:
    """The template lines per source over every file's pre-template frame (none unless corpus-wide)."""
    if not (opts.clean and opts.templates == "corpus"):
        return {}
    counts = st.TemplateCounts()
    for _, _, df, _ in pre:
        counts.add_frame(df)
    return counts.templates(opts.template_min_docs)


@dataclass
class _Files:
    """Per-file results of one call: the corpus frames, cached mentions (None: to tag) and their paths."""

    frames: list[pd.DataFrame] = field(default_factory=list)
    mentions: list[pd.DataFrame | None] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)

    def todo(self) -> list[int]:
        """The files whose mentions are not in the cache."""
        return [i for i, m in enumerate(self.mentions) if m is None]


def _cached_entry(mpath: Path, schema: Any, what: Any) -> pd.DataFrame | None:
    """A stored mentions entry fitted to ``schema``; None when absent or damaged (then it is re-tagged)."""
    if not mpath.is_file():
        return None
    try:
        return st.apply_schema(_load_parquet(mpath), schema)
    except Exception as e:  # a damaged entry is rebuilt, never trusted
        log.warning("tag_cached: cache entry %s is damaged (%s); re-tagging %s", mpath, e, what)
        return None


def _gather(
    pre: list[tuple[Any, str, pd.DataFrame, Any]],
    opts: st.LoadOptions,
    tagger: _Tagger,
    ment_dir: Path,
    total: _corpus.LoadReport,
) -> _Files:
    """Apply the corpus-wide template lines to each file, merge its report and look up its mentions."""
    templates = _corpus_templates(pre, opts)
    corpus_wide = opts.clean and opts.templates == "corpus"
    tag_base = tagger.base_key()
    files = _Files()
    for p, fkey, df, report in pre:
        if corpus_wide:
            df = st.apply_templates(df, report, templates)
        _merge_report(total, report)
        srcs = sorted(set(df["_tsrc"].tolist()))
        applied = [(s, sorted(templates.get(s, ()))) for s in srcs if s in templates]
        mpath = ment_dir / f"{_hash(fkey, *tag_base, json.dumps(applied))}.parquet"
        files.frames.append(df.drop(columns=list(_HIDDEN_DTYPES)))
        files.paths.append(mpath)
        files.mentions.append(_cached_entry(mpath, tagger.schema, p.path))
    return files


def _tag_missing(files: _Files, todo: list[int], tagger: _Tagger, n_jobs: int) -> None:
    """Tag the files ``todo`` in one batch, store each file's mentions and fill them into ``files``."""
    if not todo:
        return
    batch = pd.concat([files.frames[i] for i in todo], ignore_index=True)
    tagged = tagger.tag(batch, n_jobs=n_jobs)
    owner = {d: i for i in todo for d in files.frames[i]["doc_id"].tolist()}
    rows = pd.Series(range(len(tagged))).groupby(tagged["doc_id"].map(owner).to_numpy()).indices if len(tagged) else {}
    for i in todo:
        m = tagged.iloc[rows.get(i, [])].reset_index(drop=True)
        _store_parquet(st.for_parquet(m), files.paths[i])
        files.mentions[i] = m


def _mentions_out(files: _Files, corpus: pd.DataFrame, tagger: _Tagger, stats: CacheStats) -> pd.DataFrame:
    """The MENTIONS frame of all files, with the corpus's ``duplicate_of`` and the call's figures in attrs."""
    found = [m for m in files.mentions if m is not None]
    out = st.concat_mentions(found or [tagger.tag(tagger.empty)], tagger.schema)
    dup = dict(zip(corpus["doc_id"].tolist(), corpus["duplicate_of"].tolist()))
    out["duplicate_of"] = pd.array(out["doc_id"].map(dup).tolist(), dtype="string")
    out.attrs["cache"] = asdict(stats)
    out.attrs["gazetteer_sha256"] = tagger.gazetteer.sha256
    out.attrs["sentence_model"] = tagger.model.fingerprint
    return out


@_locked
def tag_cached(
    source: Any, cache_dir: str | os.PathLike | None = None, *, key: str = "stat", n_jobs: int = 1, **options: Any
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load and tag a corpus, re-using per-file results stored by earlier calls.

    Args:
        source: a file, folder, glob or list of them (as :func:`~helpers.corpus.load_corpus`).
        cache_dir: the cache folder (default ``config.CACHE_DIR``, i.e. ``.cache/`` in the checkout,
            or ``$HELPERS_CACHE_DIR``); entries go under ``tag_cached/`` inside it.
        key: how a file is recognised: ``"stat"`` (path, size, modification time; fast) or
            ``"content"`` (a sha256 of its bytes; survives ``touch`` and copies).
        n_jobs: worker processes for the files that need tagging (``tag_mentions``'s ``n_jobs``) and for the
            duplicate signatures of the corpus.
        **options: loader options (``mapping``, ``source_name``, ``dayfirst``, ``clean``,
            ``dedupe_threshold``, ``template_min_docs``; ``templates="batch"`` finds template lines per
            file instead of per corpus) and the tagger's ``gazetteer`` and ``options`` (a
            :class:`helpers.TagOptions`), as :func:`~helpers.mentions.tag_mentions` takes them.

    Returns:
        ``(corpus, mentions)``: the CORPUS frame (as ``load_corpus`` gives it, ``attrs["load_report"]``
        set) and the MENTIONS frame (as ``tag_mentions`` gives it). ``mentions.attrs["cache"]`` holds
        the :class:`CacheStats` as a dict (files, reused, tagged, loaded, cache_dir); the same figures
        are logged ("reused 12 of 13 files from the cache").

    Raises:
        FileNotFoundError: ``source`` names nothing.
        ValueError: bad ``key`` or ``templates``.
        TypeError: an option that is neither a loader option nor ``gazetteer``/``options`` (or ``link_batches``).
    """
    st.refuse_link_batches(options, "tag_cached")
    opts, tag_opts = st.split_options(options)
    tagger = _make_tagger(tag_opts)
    root = Path(cache_dir) if cache_dir is not None else config.CACHE_DIR
    load_dir, ment_dir = root / "tag_cached" / "load", root / "tag_cached" / "mentions"
    load_dir.mkdir(parents=True, exist_ok=True)
    ment_dir.mkdir(parents=True, exist_ok=True)
    pieces = st.plan_pieces(source, split=False)
    stats = CacheStats(files=len(pieces), cache_dir=str(root))

    skipped: list[tuple[str, str]] = []
    pre = _prepare(pieces, opts, load_dir, key, stats, skipped)
    total = _corpus.LoadReport(dayfirst=opts.dayfirst, cleaned=opts.clean)
    total.files_seen += len(skipped)
    total.skipped.extend(skipped)
    files = _gather(pre, opts, tagger, ment_dir, total)
    todo = files.todo()
    stats.reused = stats.files - len(todo)
    stats.tagged = len(todo)
    _tag_missing(files, todo, tagger, n_jobs)

    corpus = pd.concat(files.frames, ignore_index=True) if files.frames else tagger.empty
    corpus = st.finish_frame(corpus, total, opts, n_jobs=n_jobs)
    out = _mentions_out(files, corpus, tagger, stats)
    log.info(
        "tag_cached: reused %d of %d files from the cache, tagged %d (%d loaded afresh); %d articles, %d mentions",
        stats.reused,
        stats.files,
        stats.tagged,
        stats.loaded,
        len(corpus),
        len(out),
    )
    return corpus, out


__all__ = ["tag_cached", "CacheStats", "file_key", "CACHE_VERSION"]
