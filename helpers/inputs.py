"""What a load reads: the files a source names, their metadata sidecars, and the members of archives.

:func:`find_inputs` walks files, folders and globs in a stable order and accounts for everything it
does not read (hidden files, links to folders, dangling links, pipes and devices) as *ignored* with a
reason; :func:`iter_archive` reads ``.gz`` and ``.zip`` members in memory, in chunks, refusing an archive
as soon as it expands beyond a cap or a compression ratio no real text has (before memory grows).
"""

from __future__ import annotations

import glob as _glob
import gzip
import io
import os
import stat
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .loadreport import LoadReport, SkipFile

TEXT_EXT = {".txt", ".text", ".md", ".markdown"}
CSV_EXT = {".csv"}
TSV_EXT = {".tsv", ".tab"}
JSON_EXT = {".json"}
JSONL_EXT = {".jsonl", ".ndjson", ".jsonlines"}
PARQUET_EXT = {".parquet", ".pq"}
HTML_EXT = {".html", ".htm", ".xhtml"}
FEED_EXT = {".rss", ".atom", ".xml"}
SIDECAR_EXT = {".json", ".yaml", ".yml"}

#: Largest decompressed size read from one archive (or one .gz file), in bytes.
MAX_ARCHIVE_BYTES = 2 * 1024**3
#: Beyond this many decompressed bytes, a member that expands more than :data:`MAX_RATIO` times is refused.
RATIO_FLOOR = 16 * 1024**2
MAX_RATIO = 100
_CHUNK = 1 << 20


@dataclass
class Input:
    """One input in memory: a file or an archive member."""

    path: str  # shown in reports and the `path` column
    data: bytes
    name: str  # file (or member) name, for format detection


def _kind_of(p: Path) -> str | None:
    """Why a path found in a folder is not read (``None``: a regular file, or a link to one, to read)."""
    try:
        st = os.lstat(p)
    except OSError as e:
        return f"cannot be examined ({e.strerror or e})"
    if stat.S_ISLNK(st.st_mode):
        try:
            target = os.stat(p)
        except OSError:
            return "dangling or looping symbolic link"
        if stat.S_ISDIR(target.st_mode):
            return "symbolic link to a folder (not followed)"
        return None if stat.S_ISREG(target.st_mode) else "symbolic link to something that is not a file"
    if stat.S_ISREG(st.st_mode):
        return None
    if stat.S_ISFIFO(st.st_mode):
        return "a named pipe (FIFO), not a file"
    if stat.S_ISSOCK(st.st_mode):
        return "a socket, not a file"
    return "a device or special file, not a file"


def _walk(root: Path, ignored: list[tuple[str, str]]) -> list[Path]:
    """Files under ``root`` (sorted), hidden ones and non-files recorded in ``ignored``."""
    out: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(dirpath)
        for d in sorted(dirnames):
            p = here / d
            if d.startswith("."):
                ignored.append((str(p), "hidden folder (its name starts with a dot)"))
            elif os.path.islink(p):
                ignored.append((str(p), "symbolic link to a folder (not followed)"))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not os.path.islink(here / d))
        for name in sorted(filenames):
            p = here / name
            if name.startswith("."):
                ignored.append((str(p), "hidden file (its name starts with a dot)"))
                continue
            why = _kind_of(p)
            if why:
                ignored.append((str(p), why))
            else:
                out.append(p)
    return sorted(out)


def find_inputs(source: Any, ignored: list[tuple[str, str]] | None = None) -> list[tuple[Path, Path]]:
    """Files named by ``source`` as ``(file, root)`` pairs, in a stable order.

    Args:
        source: a file, a folder (walked recursively, links to folders not followed), a glob, or a list.
        ignored: a list that receives ``(path, reason)`` for every path found and not read.

    Raises:
        FileNotFoundError: a named file or folder does not exist, or a glob matches nothing.
    """
    ignored = [] if ignored is None else ignored
    items: Sequence[Any] = source if isinstance(source, (list, tuple, set)) else [source]
    out: list[tuple[Path, Path]] = []
    for item in items:
        p = Path(os.path.expanduser(str(item)))
        if p.is_dir():
            out.extend((f, p) for f in _walk(p, ignored))
        elif p.is_file():
            out.append((p, p.parent))
        elif any(ch in str(item) for ch in "*?["):
            matches = sorted(Path(m) for m in _glob.glob(str(p), recursive=True))
            if not matches:
                raise FileNotFoundError(f"load_corpus: the pattern {item!s} matches no file")
            for m in matches:
                why = None if m.is_dir() else _kind_of(m)
                if m.is_dir():
                    out.extend((f, m) for f in _walk(m, ignored))
                elif why:
                    ignored.append((str(m), why))
                else:
                    out.append((m, m.parent))
        elif os.path.lexists(p):
            ignored.append((str(p), _kind_of(p) or "not a readable file"))
        else:
            raise FileNotFoundError(f"load_corpus: no such file or folder: {item!s}")
    seen: set[Path] = set()
    unique = []
    for f, root in out:
        if f not in seen:
            seen.add(f)
            unique.append((f, root))
    return unique


def is_sidecar(f: Path, all_files: set[Path]) -> bool:
    """Whether ``f`` is the metadata sidecar (``.json``/``.yaml``) of a text or HTML file beside it."""
    if f.suffix.lower() not in SIDECAR_EXT:
        return False
    stem = f.with_suffix("")
    return any(stem.with_suffix(ext) in all_files for ext in TEXT_EXT | HTML_EXT)


def sidecar_for(f: Path) -> Path | None:
    """The metadata sidecar of a text file, if there is one."""
    for ext in (".json", ".yaml", ".yml"):
        cand = f.with_suffix(ext)
        if cand.is_file():
            return cand
    return None


def read_sidecar(f: Path, report: LoadReport) -> dict | None:
    """A text file's sidecar metadata, or None; an unusable sidecar is a warning, never a failure."""
    sc = sidecar_for(f) if f.suffix.lower() in TEXT_EXT else None
    if sc is None:
        return None
    try:
        loaded = yaml.safe_load(sc.read_text(encoding="utf-8"))
    except (yaml.YAMLError, OSError, UnicodeDecodeError) as e:
        report.warnings.append((str(sc), 1, f"sidecar unreadable ({e.__class__.__name__}); ignored"))
        return None
    if not isinstance(loaded, dict):
        report.warnings.append((str(sc), 1, "sidecar is not a mapping; ignored"))
        return None
    return loaded


def _read_limited(fh: Any, compressed: int, budget: list[int], what: str) -> bytes:
    """Read a decompressing stream in chunks; refuse it before memory grows past the cap or a ratio no
    text has (a zip bomb)."""
    parts, total = [], 0
    while chunk := fh.read(_CHUNK):
        total += len(chunk)
        if total > budget[0]:
            raise SkipFile(f"{what} expands beyond the {MAX_ARCHIVE_BYTES:,}-byte cap (zip bomb?); not read")
        if total > RATIO_FLOOR and total > MAX_RATIO * max(compressed, 1):
            raise SkipFile(f"{what} expands more than {MAX_RATIO} times its compressed size (zip bomb?); not read")
        parts.append(chunk)
    budget[0] -= total
    return b"".join(parts)


def iter_archive(
    inp: Input, fmt: str, budget: list[int], ignored: list[tuple[str, str]] | None = None
) -> Iterator[Input]:
    """Members of a .gz or .zip as inputs, read in memory with a decompressed-size cap.

    Args:
        inp: the archive; fmt: ``gzip`` or ``zip``; budget: bytes still allowed (shared by nested archives);
        ignored: receives ``(member, reason)`` for hidden and system members, which are not read.

    Raises:
        SkipFile: a corrupt archive, or one that expands too far.
    """
    if fmt == "gzip":
        with gzip.GzipFile(fileobj=io.BytesIO(inp.data)) as g:
            try:
                data = _read_limited(g, len(inp.data), budget, "archive")
            except (OSError, EOFError, zlib.error) as e:
                raise SkipFile(f"corrupt gzip: {e}") from None
        inner = inp.name[:-3] if inp.name.lower().endswith(".gz") else inp.name + ".out"
        yield Input(path=inp.path + "!" + Path(inner).name, data=data, name=inner)
        return
    try:
        zf = zipfile.ZipFile(io.BytesIO(inp.data))
    except zipfile.BadZipFile as e:
        raise SkipFile(f"corrupt zip: {e}") from None
    with zf:
        infos = [i for i in zf.infolist() if not i.is_dir()]
        declared = sum(i.file_size for i in infos)
        if declared > budget[0]:
            raise SkipFile(
                f"archive declares {declared:,} bytes uncompressed, beyond the "
                f"{MAX_ARCHIVE_BYTES:,}-byte cap (zip bomb?); not read"
            )
        for info in infos:
            name = info.filename.replace("\\", "/")
            base = name.rsplit("/", 1)[-1]
            if not base or base.startswith(".") or name.startswith("__MACOSX/"):
                if ignored is not None:
                    ignored.append((f"{inp.path}!{name}", "hidden or system member of the archive"))
                continue
            try:
                with zf.open(info) as fh:
                    data = _read_limited(fh, info.compress_size, budget, f"member {name}")
            except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, zlib.error) as e:
                raise SkipFile(f"corrupt zip member {name}: {e}") from None
            yield Input(path=f"{inp.path}!{name}", data=data, name=base)
