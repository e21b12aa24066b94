"""The report: run every notebook on a corpus and render self-contained HTML with provenance.

``python -m helpers report`` calls :func:`run_report`, which

1. loads and tags the corpus once with :func:`helpers.tag_cached` (the notebooks then read the same
   cached load and tag instead of redoing it), which also stamps the provenance (kit version, gazetteer
   file and sha256, corpus files, articles, period, sources, copies, run date, versions) and fails early,
   in one line, on a bad path;
2. executes the ``notebooks/NN-name.ipynb`` several at a time (``jobs``, default the number of cores and
   at least 2), each on a fresh quiet kernel (:mod:`helpers.runner`), passing ``CORPUS`` and ``OUT_DIR``
   (and ``SCHEDULER``, ``REVIEW`` where a notebook declares them) to its ``parameters`` cell, and reports
   each notebook as it finishes;
3. renders each executed notebook to one HTML page that opens offline (:mod:`helpers.pages`) - a notebook
   that failed too, as a partial page showing the error;
4. writes ``explorer.html``, the interactive page (:mod:`helpers.explorer`), from the same cached load and tag;
5. writes ``index.html`` last: what was analysed, how far to trust the counts, and one card per notebook
   with its key figures (recorded with :func:`report_metric`) or its error.

Everything - pages, executed notebooks, figures, index - is written to a temporary folder
``out/.partial-<pid>-*`` and moved into ``out`` only at the end, so a report that is killed never leaves
half its figures over the previous report's; a later run removes the partial folders of runs that are
gone. When a notebook fails the others still render, the index shows it, and :class:`ReportError`
(listing every failure) is raised after the report is in place, so the command exits non-zero.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import config
from .options import moved_into, options_of
from .packs import ENV_VAR, chosen_packs, sample_corpus, set_default_packs
from .pages import (  # noqa: F401 - re-exported: the report's pages were built here before
    METRIC_MIME,
    NotebookResult,
    collect_metrics,
    first_figure,
    html_exporter,
    index_html,
    metric_value,
    notebook_title,
    provenance_html,
    read_scores,
    render_html,
)
from .runner import (  # noqa: F401 - re-exported
    INLINE_BACKEND,
    Execution,
    ReportError,
    RunOptions,
    declared_parameters,
    execute_notebook,
    run_notebooks,
)

NOTEBOOK_PATTERN = re.compile(r"^(\d\d)-[A-Za-z0-9_.-]+\.ipynb$")
PARTIAL_PREFIX = ".partial-"


# ----------------------------------------------------------------------------------------------------
# Inside notebooks


def _plain(value: Any) -> Any:
    """A JSON-safe version of a metric value (numpy scalars, timestamps, paths)."""
    if hasattr(value, "item") and callable(value.item) and getattr(value, "ndim", 1) == 0:
        value = value.item()
    if isinstance(value, (bool, int, str)) or value is None:
        return value
    if isinstance(value, float):
        return value if value == value else None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def report_metric(name: str, value: Any, note: str | None = None) -> None:
    """Show one key figure in the notebook and record it for the report's index.

    ``h.report_metric("articles", len(corpus))`` prints ``articles: 120`` under the cell and leaves a
    machine-readable record (MIME type :data:`METRIC_MIME`) that ``python -m helpers report`` collects
    into ``index.html``.
    """
    from IPython.display import display

    plain = _plain(value)
    text = f"{name}: {metric_value(plain)}" + (f"  ({note})" if note else "")
    display({METRIC_MIME: {"name": str(name), "value": plain, "note": note}, "text/plain": text}, raw=True)


# ----------------------------------------------------------------------------------------------------
# What the report runs, on what


def list_notebooks(select: Sequence[str] | None = None, notebooks_dir: Path | str | None = None) -> list[Path]:
    """The numbered notebooks ``NN-name.ipynb`` in run order, optionally only those ``select`` names.

    ``select`` items match a notebook by its number (``"03"``, ``"3"``), its stem or its file name.
    """
    folder = Path(notebooks_dir or config.NOTEBOOKS_DIR)
    found = sorted(p for p in folder.glob("*.ipynb") if NOTEBOOK_PATTERN.match(p.name))
    if not select:
        return found
    chosen = []
    for item in select:
        key = str(item).removesuffix(".ipynb")
        hits = [p for p in found if p.stem == key or p.name[:2] == key.zfill(2)]
        if not hits:
            names = ", ".join(p.name for p in found) or "none"
            raise ReportError(str(item), f"no notebook matches {item!r} in {folder} (there are: {names})")
        chosen += [p for p in hits if p not in chosen]
    return sorted(chosen)


def corpus_sources(
    corpus: str | os.PathLike | Sequence[str | os.PathLike] | None, conflict: str | Sequence[str] | None = None
) -> list[str]:
    """Absolute paths (or globs) of the corpus the report runs on; the bundled sample when ``None`` (the
    sample of ``conflict``'s pack(s), :func:`helpers.packs.sample_corpus`)."""
    if corpus is None or (not isinstance(corpus, (str, os.PathLike)) and len(corpus) == 0):
        return [str(p) for p in sample_corpus(conflict)]
    items = [corpus] if isinstance(corpus, (str, os.PathLike)) else list(corpus)
    return [os.path.abspath(os.path.expanduser(os.fspath(p))) for p in items]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _git_commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "-C", str(config.ROOT), "describe", "--always", "--dirty", "--abbrev=12"],
            capture_output=True,
            text=True,
            timeout=5,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return (out.stdout.strip() or None) if out.returncode == 0 else None


def provenance(sources: Sequence[str], corpus: Any = None) -> dict[str, Any]:
    """What a report was made from: kit, gazetteer, corpus (files, articles, period, sources, copies,
    files skipped), run date, versions, and the recorded accuracy figures.

    ``corpus`` is the loaded corpus frame; it is loaded from ``sources`` when not given.
    """
    import pandas as pd

    import helpers

    if corpus is None:
        corpus = helpers.load_corpus(list(sources) if len(sources) > 1 else sources[0])
    files = []
    if len(corpus) and "path" in corpus.columns:
        for path, n in corpus.groupby("path", sort=True).size().items():
            files.append({"path": str(path), "articles": int(n)})
    dates = pd.to_datetime(corpus["date"], utc=True).dropna() if "date" in corpus.columns else pd.Series()
    duplicates = int(corpus["duplicate_of"].notna().sum()) if "duplicate_of" in corpus.columns else 0
    per_source = (
        corpus["source"].astype(str).value_counts()
        if "source" in corpus.columns and len(corpus)
        else pd.Series(dtype=int)
    )
    per_source = per_source.sort_index().sort_values(ascending=False, kind="stable")  # ties by name
    report = corpus.attrs.get("load_report")
    skipped = [[str(p), str(r)] for p, r in getattr(report, "skipped", [])][:200]
    # the notebooks tag with the kit's default gazetteer (helpers.load_gazetteer() without paths)
    from .packs import resolve

    gazetteer = [{"path": str(p), "sha256": _sha256(p) if p.is_file() else None} for p in resolve(None)]

    return {
        "kit_version": helpers.__version__,
        "git": _git_commit(),
        "run_at": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "python": platform.python_version(),
        "pandas": pd.__version__,
        "platform": platform.platform(terse=True),
        "corpus": {
            "sources": list(sources),
            "articles": int(len(corpus)),
            "duplicates": duplicates,
            "undated": int(len(corpus) - len(dates)),
            "first_date": dates.min().date().isoformat() if len(dates) else None,
            "last_date": dates.max().date().isoformat() if len(dates) else None,
            "files": files,
            "sources_articles": {str(k): int(v) for k, v in per_source.items()},
            "skipped": skipped,
        },
        "gazetteer": gazetteer,
        "accuracy": read_scores(),
    }


# ----------------------------------------------------------------------------------------------------
# The output folder


def prepare_out(out: str | os.PathLike | None) -> Path:
    """The report folder, created, after removing the partial folders of runs that are gone.

    Raises:
        NotADirectoryError: ``out`` (or a folder above it) is a file.
        PermissionError: the folder cannot be created or written.
    """
    out = Path(out or config.REPORTS_DIR).expanduser().resolve()
    blocker = next((p for p in [out, *out.parents] if p.exists() and not p.is_dir()), None)
    if blocker is not None:
        raise NotADirectoryError(f"--out {out}: {blocker} is a file, not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise PermissionError(f"--out {out}: cannot create the folder ({err.strerror or err})") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise PermissionError(f"--out {out}: the folder is not writable")
    for stale in out.glob(PARTIAL_PREFIX + "*"):
        if stale.is_dir() and not _owner_alive(stale.name):
            shutil.rmtree(stale, ignore_errors=True)
    return out


def _owner_alive(name: str) -> bool:
    """Whether the run that made partial folder ``name`` (``.partial-<pid>-...``) is still running."""
    m = re.match(re.escape(PARTIAL_PREFIX) + r"(\d+)-", name)
    if m is None:
        return False  # made by an older kit, without a pid: its run is long gone
    pid = int(m.group(1))
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _swap_in(tmp: Path, out: Path) -> None:
    """Move every entry of ``tmp`` into ``out`` (replacing same-named ones), ``index.html`` last."""
    for entry in sorted(tmp.iterdir(), key=lambda p: p.name == "index.html"):
        dest = out / entry.name
        if dest.is_dir() and not dest.is_symlink():
            shutil.rmtree(dest)
        os.replace(entry, dest)
    for old in out.glob("*.failed.ipynb"):  # the previous kit's name for a failed notebook's copy
        old.unlink(missing_ok=True)


# ----------------------------------------------------------------------------------------------------
# Running


def _progress(enabled: bool, total: int):
    """A progress bar over the notebooks and a callback that prints each one as it finishes."""
    from tqdm.auto import tqdm

    interactive = enabled and sys.stderr.isatty()  # a bar on a terminal; in a log, one line per notebook
    bar = tqdm(total=total, desc="report", unit="notebook", disable=not interactive, file=sys.stderr)

    def done(ex: Execution, n: int, _total: int) -> None:
        if enabled:
            status = f"failed ({ex.error.short})" if ex.error else "done"
            bar.write(f"  [{n}/{total}] {ex.src.stem}: {status} in {ex.seconds:.1f} s", file=sys.stderr)
        bar.update(1)

    return bar, done


def _page(ex: Execution, prov: dict[str, Any], hide_code: bool, stems: list[str]) -> tuple[str, Any]:
    """The HTML page of an executed (or failed) notebook, and the node it was made from."""
    import nbformat

    nb = ex.nb
    if nb is None:  # nothing executed (the kernel did not start): a page that says why
        nb = nbformat.v4.new_notebook()
        nb.cells = [
            nbformat.v4.new_markdown_cell(f"# {ex.src.stem}\n\nThis notebook did not run."),
            nbformat.v4.new_raw_cell(str(ex.error)),
        ]
    title = notebook_title(nb, ex.src.stem)
    header = provenance_html(prov, index_href="index.html")
    return render_html(nb, title, header, hide_code, pages=stems), nb


def _write_page(ex: Execution, folder: Path, prov: dict[str, Any], hide_code: bool, stems: list[str]) -> NotebookResult:
    """One notebook's page into ``folder``, and its card for the index."""
    page, nb = _page(ex, prov, hide_code, stems)
    (folder / f"{ex.src.stem}.html").write_text(page, encoding="utf-8")
    return NotebookResult(
        ex.src.stem,
        notebook_title(nb, ex.src.stem),
        f"{ex.src.stem}.html",
        ex.src.name,
        ex.seconds,
        collect_metrics(nb),
        first_figure(nb),
        ex.error.short if ex.error else None,
    )


def warm_cache(sources: Sequence[str], cache_dir: Path | None = None) -> Any:
    """Load and tag the corpus once into the cache the notebooks read (:func:`helpers.tag_cached`)."""
    from .cache import tag_cached

    corpus, _ = tag_cached(list(sources) if len(sources) > 1 else sources[0], cache_dir)
    return corpus


def _write_explorer(
    folder: Path, sources: Sequence[str], cache_dir: str | os.PathLike | None, progress: bool, review: str | None = None
) -> dict[str, Any]:
    """``explorer.html`` in ``folder`` from the cached load and tag; what the index says of it (its file or its
    error: a failed explorer never stops the report)."""
    import time

    from .explorer import write_explorer

    started = time.perf_counter()
    try:
        path = write_explorer(
            folder,
            sources,
            cache_dir,
            title="Conflict news explorer: " + ", ".join(Path(s).name for s in sources),
            review=review,
        )
    except Exception as err:  # noqa: BLE001 - reported in the index and on stderr, the notebooks still count
        if progress:
            print(f"  explorer: failed ({type(err).__name__}: {err})", file=sys.stderr)
        return {"error": f"{type(err).__name__}: {err}"}
    seconds = time.perf_counter() - started
    if progress:
        print(f"  explorer: done in {seconds:.1f} s ({path.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return {"html": path.name, "bytes": path.stat().st_size, "seconds": seconds}


def _warm_provenance(sources: list[str], chosen: list[str], cache_dir: str | os.PathLike | None) -> dict[str, Any]:
    """Load and tag the corpus once into the shared cache (with the ``chosen`` packs), and its provenance."""
    previous = chosen_packs()
    try:
        if chosen:
            set_default_packs(chosen)
        return provenance(sources, warm_cache(sources, Path(cache_dir) if cache_dir is not None else None))
    finally:
        set_default_packs(previous)


def _raise_failures(runs: Sequence[Execution], n_notebooks: int, out: Path) -> None:
    """Raise one :class:`ReportError` naming every notebook that failed (none: return)."""
    failures = [ex.error for ex in runs if ex.error is not None]
    if failures:
        for err in failures:
            err.executed = out / f"{err.notebook}.ipynb"
        lines = "\n".join(f"- {e.notebook}: {e.short}" for e in failures)
        raise ReportError.several(
            failures,
            f"{len(failures)} of {n_notebooks} notebooks failed "
            f"(the others rendered; see {out / 'index.html'}):\n{lines}\n\n{failures[0]}",
            index=out / "index.html",
        )


def _environment(cache_dir: str | os.PathLike | None, chosen: list[str]) -> dict[str, str]:
    """Environment variables for the notebooks' kernels: the shared cache folder and the chosen packs."""
    env = {"HELPERS_CACHE_DIR": str(Path(cache_dir).resolve())} if cache_dir is not None else {}
    if chosen:
        env[ENV_VAR] = ",".join(chosen)  # the notebooks' kernels tag with the same pack(s)
    return env


def _parameters(
    sources: list[str], out: Path, scheduler: str | None, review: str | os.PathLike | None, chosen: list[str]
) -> dict[str, Any]:
    """The values passed to the notebooks' ``parameters`` cells."""
    return {
        "CORPUS": sources[0] if len(sources) == 1 else sources,
        "OUT_DIR": str(out / "figures"),
        "SCHEDULER": scheduler,
        "REVIEW": str(Path(review).resolve()) if review else None,
        "CONFLICT": (chosen[0] if len(chosen) == 1 else chosen) or None,
    }


@dataclass(frozen=True)
class ReportOptions(RunOptions):
    """The rarely changed knobs of :func:`helpers.run_report` (``options=h.ReportOptions(hide_code=True)``).

    Attributes:
        timeout: seconds any one cell may run (600; None: no limit).
        kernel_name: the Jupyter kernel to run the notebooks on ("python3").
        jobs: notebooks run at once (None, the default: the number of cores, at least 2).
        hide_code: leave the code cells out of the HTML (outputs and markdown only). False by default.
        scheduler: address of a Dask scheduler, passed as ``SCHEDULER`` to notebooks that declare it.
        review: a filled-in review CSV (:func:`helpers.sample_for_review`), passed as ``REVIEW``.
        cache_dir: the load-and-tag cache the notebooks share (None: ``config.CACHE_DIR``).

    Raises:
        ValueError: a bad ``timeout``, ``jobs`` or ``kernel_name`` (see :class:`helpers.RunOptions`).
    """

    timeout: float | None = 600
    jobs: int | None = None
    hide_code: bool = False
    scheduler: str | None = None
    review: str | os.PathLike | None = None
    cache_dir: str | os.PathLike | None = None


@dataclass(frozen=True)
class _Run:
    """One report run: the notebooks, what they read and are given, and how they run."""

    paths: list[Path]
    sources: list[str]
    prov: dict[str, Any]
    parameters: dict[str, Any]
    env: dict[str, str]
    options: ReportOptions
    progress: bool


def _render(run: _Run, tmp: Path) -> list[Execution]:
    """Run the notebooks into ``tmp`` rendering each page as it ends, then provenance, explorer and index."""
    progress = run.progress
    parameters = {**run.parameters, "OUT_DIR": str(tmp / "figures")}  # written into ``tmp``, moved at the end
    bar, report_done = _progress(progress, len(run.paths))
    cards: dict[str, NotebookResult] = {}
    stems = [p.stem for p in run.paths]

    def done(ex: Execution, n: int, total: int) -> None:  # pages render while other notebooks still run
        cards[ex.src.stem] = _write_page(ex, tmp, run.prov, run.options.hide_code, stems)
        report_done(ex, n, total)

    with bar:
        runs = run_notebooks(run.paths, tmp, parameters, env=run.env, on_done=done, options=run.options)
    (tmp / "provenance.json").write_text(json.dumps(run.prov, indent=2) + "\n", encoding="utf-8")
    explorer = _write_explorer(tmp, run.sources, run.options.cache_dir, progress, parameters["REVIEW"])
    index = index_html([cards[p.stem] for p in run.paths], run.prov, explorer=explorer)
    (tmp / "index.html").write_text(index, encoding="utf-8")
    return runs


@moved_into(ReportOptions)
def run_report(
    corpus: str | os.PathLike | Sequence[str | os.PathLike] | None = None,
    out: str | os.PathLike | None = None,
    notebooks: Sequence[str] | None = None,
    *,
    conflict: str | Sequence[str] | None = None,
    notebooks_dir: str | os.PathLike | None = None,
    progress: bool = True,
    options: ReportOptions | None = None,
) -> Path:
    """Execute the notebooks on ``corpus`` and write the HTML report into ``out``; return ``index.html``.

    Args:
        corpus: corpus path(s) or glob(s) as :func:`helpers.load_corpus` takes them; the sample when None.
        out: report folder (default ``config.REPORTS_DIR``); figures go to ``out/figures``.
        notebooks: run only these (numbers such as ``"00"`` or names); all numbered notebooks by default.
        conflict: the conflict pack(s) to tag with (``"sudan"``, ``["syria", "sudan"]``), passed to the notebooks as
            ``CONFLICT``; with no ``corpus``, the report runs on that pack's sample. None: the default packs
            (``data/conflicts/default.yaml``).
        notebooks_dir: where the notebooks are (default ``config.NOTEBOOKS_DIR``).
        progress: show a progress bar and a line per notebook as it finishes (on stderr).
        options: a :class:`helpers.ReportOptions`: ``hide_code``, ``timeout`` (600 s a cell), ``jobs``, ``kernel_name``,
            ``scheduler``, ``review`` and ``cache_dir`` (None: those defaults).

    Raises:
        ReportError: one or more notebooks failed; the report (with them marked) is in place, and ``err.failures`` lists
            them, ``err.index`` points at the index.
        NotADirectoryError, PermissionError: ``out`` cannot be the report folder.
        FileNotFoundError: the corpus names nothing.
        TypeError: ``options`` is not a :class:`helpers.ReportOptions`.
    """
    o = options_of(options, ReportOptions)
    paths = list_notebooks(notebooks, notebooks_dir)
    if not paths:
        raise ReportError("", f"no notebooks NN-name.ipynb in {notebooks_dir or config.NOTEBOOKS_DIR}")
    out = prepare_out(out)
    sources = corpus_sources(corpus, conflict)
    chosen = [conflict] if isinstance(conflict, str) else list(conflict) if conflict else []
    env = _environment(o.cache_dir, chosen)
    prov = _warm_provenance(sources, chosen, o.cache_dir)
    parameters = _parameters(sources, out, o.scheduler, o.review, chosen)
    prov.update(parameters=dict(parameters), notebooks=[p.name for p in paths])
    run = _Run(paths, sources, prov, parameters, env, o, progress)
    tmp = Path(tempfile.mkdtemp(prefix=f"{PARTIAL_PREFIX}{os.getpid()}-", dir=out))  # same disk: moves are renames
    try:
        runs = _render(run, tmp)
        _swap_in(tmp, out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    _raise_failures(runs, len(paths), out)
    return out / "index.html"
