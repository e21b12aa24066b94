"""The report: run every notebook on a corpus and render self-contained HTML with provenance.

``python -m helpers report`` calls :func:`run_report`, which

1. loads the corpus once to stamp the provenance (kit version, gazetteer file and sha256, corpus files and
   article counts, date of the run, Python and pandas versions) and to fail early on a bad path;
2. executes each ``notebooks/NN-name.ipynb`` with papermill on a fresh kernel, passing ``CORPUS`` and
   ``OUT_DIR`` (and ``SCHEDULER`` where a notebook declares it) to its ``parameters`` cell;
3. renders each executed notebook to one HTML file that opens offline: figures embedded as base64 PNG,
   no script, stylesheet or font fetched from anywhere (nbconvert's CDN scripts are templated away);
4. writes ``index.html`` last, listing the notebooks with the key figures each recorded with
   :func:`report_metric`.

Everything is written to a temporary folder inside ``out`` and moved into place only when every
notebook ran, so a failing notebook never leaves a half-written index: :class:`ReportError` names the
notebook, the cell and the error, and the executed copy is kept as ``NN-name.failed.ipynb``.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import html
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from . import config

#: MIME type of the records that :func:`report_metric` leaves in a notebook's outputs.
METRIC_MIME = "application/vnd.helpers.metric+json"
#: matplotlib backend of the kernels the report starts: figures become PNG outputs of their cells.
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"
NOTEBOOK_PATTERN = re.compile(r"^(\d\d)-[A-Za-z0-9_.-]+\.ipynb$")


class ReportError(RuntimeError):
    """A notebook failed: which one, at which cell, with which error."""

    def __init__(self, notebook: str, message: str, *, cell_index: int | None = None,
                 source: str = "", ename: str = "", evalue: str = "", executed: Path | None = None):
        self.notebook = notebook
        self.cell_index = cell_index
        self.source = source
        self.ename = ename
        self.evalue = evalue
        self.executed = executed
        super().__init__(message)


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
    text = f"{name}: {_metric_value(plain)}" + (f"  ({note})" if note else "")
    display({METRIC_MIME: {"name": str(name), "value": plain, "note": note}, "text/plain": text}, raw=True)


# ----------------------------------------------------------------------------------------------------
# What the report runs


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


def corpus_sources(corpus: str | os.PathLike | Sequence[str | os.PathLike] | None) -> list[str]:
    """Absolute paths (or globs) of the corpus the report runs on; the bundled sample when ``None``."""
    if corpus is None or (not isinstance(corpus, (str, os.PathLike)) and len(corpus) == 0):
        return [str(config.SAMPLE_CORPUS)]
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
        out = subprocess.run(["git", "-C", str(config.ROOT), "describe", "--always", "--dirty", "--abbrev=12"],
                             capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return None
    return (out.stdout.strip() or None) if out.returncode == 0 else None


def provenance(sources: Sequence[str], corpus: Any = None) -> dict[str, Any]:
    """What a report was made from: kit, gazetteer, corpus files and article counts, run date, versions.

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
    dates = corpus["date"].dropna() if "date" in corpus.columns else pd.Series(dtype=object)
    duplicates = int(corpus["duplicate_of"].notna().sum()) if "duplicate_of" in corpus.columns else 0

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
            "first_date": dates.min().date().isoformat() if len(dates) else None,
            "last_date": dates.max().date().isoformat() if len(dates) else None,
            "files": files,
        },
        "gazetteer": gazetteer,
    }


def _short_path(path: str) -> str:
    """A path relative to the checkout or its parent when it lies there (shorter, machine-independent)."""
    for base in (config.ROOT, config.ROOT.parent):
        try:
            return str(Path(path).resolve().relative_to(base))
        except ValueError:
            continue
    return path


def provenance_html(prov: dict[str, Any], index_href: str | None = None) -> str:
    """The provenance header block (every value escaped)."""
    esc = html.escape
    c = prov["corpus"]
    span = f", {c['first_date']} to {c['last_date']}" if c.get("first_date") else ""
    gaz = "; ".join(
        f"{esc(_short_path(g['path']))} (sha256 {esc((g['sha256'] or 'missing')[:16])}…)" for g in prov["gazetteer"]
    )
    files = "".join(
        f"<tr><td>{esc(_short_path(f['path']))}</td><td class='num'>{f['articles']:,}</td></tr>" for f in c["files"]
    )
    git = f" (checkout {esc(prov['git'])})" if prov.get("git") else ""
    back = f'<a class="back" href="{esc(index_href)}">&larr; all notebooks</a>' if index_href else ""
    sha_full = "".join(f"<div>{esc(_short_path(g['path']))}: <code>{esc(g['sha256'] or 'missing')}</code></div>"
                       for g in prov["gazetteer"])
    return f"""<header class="helpers-provenance">{back}
<div><b>Conflict news kit {esc(prov['kit_version'])}</b>{git} &middot; run {esc(prov['run_at'])}
&middot; Python {esc(prov['python'])}, pandas {esc(prov['pandas'])}</div>
<div>Corpus: {c['articles']:,} articles ({c['duplicates']:,} duplicate copies){esc(span)} from
{len(c['files']):,} file(s): {esc(', '.join(_short_path(s) for s in c['sources']))}</div>
<div>Gazetteer: {gaz}</div>
<details><summary>files and checksums</summary>{sha_full}
<table><thead><tr><th>corpus file</th><th>articles</th></tr></thead><tbody>{files}</tbody></table></details>
</header>"""


_PROVENANCE_CSS = """
.helpers-provenance{font:13px/1.45 system-ui,sans-serif;background:#f6f7f9;border:1px solid #d8dbe0;
 border-radius:6px;padding:8px 12px;margin:12px auto;max-width:1100px;color:#222}
.helpers-provenance details{margin-top:4px}.helpers-provenance table{border-collapse:collapse;margin-top:4px}
.helpers-provenance td,.helpers-provenance th{padding:1px 8px;border-bottom:1px solid #e3e3e3;text-align:left}
.helpers-provenance td.num{text-align:right}.helpers-provenance a.back{float:right}
"""

#: nbconvert's lab template with every remote script (require.js, MathJax, mermaid, widgets) removed and
#: the provenance header added. Nothing in the page is fetched: figures are inline base64 PNG.
_TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_css -%}<style type="text/css">""" + _PROVENANCE_CSS + """
body.jp-Notebook main{max-width:1100px;margin:0 auto}
</style>{%- endblock html_head_css -%}
{%- block body_header -%}
{{ super() }}
{{ resources.get('helpers_provenance', '') }}
{%- endblock body_header -%}
"""


def html_exporter(hide_code: bool = False):
    """An nbconvert HTMLExporter whose pages open offline (see :data:`_TEMPLATE`)."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    cfg = Config()
    cfg.TagRemovePreprocessor.enabled = True
    cfg.TagRemovePreprocessor.remove_cell_tags = ("remove-cell", "remove_cell")
    cfg.TagRemovePreprocessor.remove_input_tags = ("remove-input", "remove_input", "hide-input")
    cfg.TagRemovePreprocessor.remove_all_outputs_tags = ("remove-output", "remove_output")
    exporter = HTMLExporter(
        config=cfg,
        template_name="lab",
        extra_loaders=[DictLoader({"helpers_report.html.j2": _TEMPLATE})],
        template_file="helpers_report.html.j2",
        exclude_input=hide_code,
        exclude_input_prompt=hide_code,
        exclude_output_prompt=hide_code,
        embed_images=True,
    )
    exporter.mathjax_url = ""
    exporter.require_js_url = ""
    return exporter


def render_html(nb: Any, title: str, header: str = "", hide_code: bool = False,
                pages: Iterable[str] = ()) -> str:
    """Render an executed notebook node to one self-contained HTML page.

    Links to another notebook of the report (``01-load-and-clean.ipynb``, a stem in ``pages``) are
    pointed at its HTML page.
    """
    import copy

    if hide_code:  # progress bars and warnings mean nothing to a reader without the code
        nb = copy.deepcopy(nb)
        for cell in nb.cells:
            if cell.get("cell_type") == "code":
                cell["outputs"] = [o for o in cell.get("outputs", [])
                                   if not (o.get("output_type") == "stream" and o.get("name") == "stderr")]
    body, _ = html_exporter(hide_code).from_notebook_node(
        nb, resources={"metadata": {"name": title}, "helpers_provenance": header}
    )
    stems = set(pages)
    return re.sub(r'href="([^"/]+)\.ipynb(#[^"]*)?"',
                  lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"' if m.group(1) in stems else m.group(0),
                  body)


# ----------------------------------------------------------------------------------------------------
# Reading executed notebooks


def notebook_title(nb: Any, default: str) -> str:
    """The first markdown heading of a notebook, or ``default``."""
    for cell in nb.cells:
        if cell.get("cell_type") == "markdown":
            for line in cell.source.splitlines():
                m = re.match(r"^#+\s+(.*\S)", line)
                if m:
                    return m.group(1)
    return default


def collect_metrics(nb: Any) -> list[dict[str, Any]]:
    """The records :func:`report_metric` left in a notebook's outputs, in order."""
    metrics = []
    for cell in nb.cells:
        for out in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            data = out.get("data", {})
            if METRIC_MIME in data:
                record = data[METRIC_MIME]
                metrics.append(json.loads(record) if isinstance(record, str) else dict(record))
    return metrics


def first_figure(nb: Any) -> str | None:
    """The base64 PNG of a notebook's first figure, or None."""
    for cell in nb.cells:
        for out in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            png = out.get("data", {}).get("image/png")
            if png:
                return "".join(png) if isinstance(png, list) else png
    return None


# ----------------------------------------------------------------------------------------------------
# Running


@dataclass
class NotebookResult:
    name: str  # stem, e.g. "00-quickstart"
    title: str
    html: str  # file name of the rendered page
    ipynb: str  # file name of the executed notebook
    seconds: float
    metrics: list[dict[str, Any]] = field(default_factory=list)
    figure: str | None = None  # base64 PNG of the first figure


def declared_parameters(path: Path) -> dict[str, str]:
    """Names assigned in a notebook's cell tagged ``parameters``, with their default source text."""
    import ast

    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    for cell in nb.cells:
        if cell.get("cell_type") == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            tree = ast.parse(cell.source)
            return {t.id: ast.get_source_segment(cell.source, node.value) or ""
                    for node in tree.body if isinstance(node, (ast.Assign, ast.AnnAssign))
                    for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
                    if isinstance(t, ast.Name)}
    return {}


@contextlib.contextmanager
def _inline_figures():
    """Kernels started inside draw figures inline even when MPLBACKEND=Agg is set (as in CI and tests)."""
    saved = os.environ.get("MPLBACKEND")
    os.environ["MPLBACKEND"] = INLINE_BACKEND
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("MPLBACKEND", None)
        else:
            os.environ["MPLBACKEND"] = saved


def execute_notebook(src: Path, dest: Path, parameters: dict[str, Any], timeout: float | None = None,
                     kernel_name: str = "python3") -> Any:
    """Execute ``src`` with papermill into ``dest`` and return the executed node.

    Raises:
        ReportError: a cell raised (or timed out); the executed copy at ``dest`` shows where.
    """
    import nbformat
    import papermill as pm
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    declared = declared_parameters(src)
    params = {k: v for k, v in parameters.items() if k in declared}
    try:
        with _inline_figures():
            pm.execute_notebook(
                str(src), str(dest), parameters=params, kernel_name=kernel_name, language="python",
                cwd=str(src.parent), execution_timeout=timeout, progress_bar=False, log_output=False,
            )
    except pm.PapermillExecutionError as err:
        first = err.source.strip().splitlines()
        excerpt = "\n".join("    " + line for line in first[:6]) + ("\n    ..." if len(first) > 6 else "")
        raise ReportError(
            src.stem,
            f"notebook {src.name} failed at cell {err.cell_index} (In [{err.exec_count}]):\n{excerpt}\n"
            f"{err.ename}: {err.evalue}",
            cell_index=err.cell_index, source=err.source, ename=err.ename, evalue=err.evalue, executed=dest,
        ) from None
    except (CellTimeoutError, DeadKernelError, TimeoutError) as err:
        raise ReportError(src.stem, f"notebook {src.name} did not finish: {type(err).__name__}: {err}",
                          ename=type(err).__name__, evalue=str(err), executed=dest) from None
    return nbformat.read(str(dest), as_version=4)


def _move_into_place(tmp: Path, out: Path) -> None:
    """Move every entry of ``tmp`` into ``out`` (replacing same-named ones), ``index.html`` last."""
    entries = sorted(tmp.iterdir(), key=lambda p: p.name == "index.html")
    for entry in entries:
        dest = out / entry.name
        if dest.is_dir() and not dest.is_symlink():
            shutil.rmtree(dest)
        os.replace(entry, dest)


def run_report(
    corpus: str | os.PathLike | Sequence[str | os.PathLike] | None = None,
    out: str | os.PathLike | None = None,
    notebooks: Sequence[str] | None = None,
    hide_code: bool = False,
    timeout: float | None = 600,
    scheduler: str | None = None,
    notebooks_dir: str | os.PathLike | None = None,
    progress: bool = True,
    kernel_name: str = "python3",
) -> Path:
    """Execute the notebooks on ``corpus`` and write the HTML report into ``out``; return ``index.html``.

    Args:
        corpus: corpus path(s) or glob(s) as :func:`helpers.load_corpus` takes them; the sample when None.
        out: report folder (default ``config.REPORTS_DIR``); figures go to ``out/figures``.
        notebooks: run only these (numbers such as ``"00"`` or names); all numbered notebooks by default.
        hide_code: leave the code cells out of the HTML (outputs and markdown only).
        timeout: seconds any one cell may run (None: no limit).
        scheduler: address of a Dask scheduler, passed as ``SCHEDULER`` to notebooks that declare it.
        notebooks_dir: where the notebooks are (default ``config.NOTEBOOKS_DIR``).
        progress: show a tqdm bar naming the running notebook.

    Raises:
        ReportError: a notebook failed; nothing but ``NN-name.failed.ipynb`` was written to ``out``.
    """
    from tqdm.auto import tqdm

    paths = list_notebooks(notebooks, notebooks_dir)
    if not paths:
        raise ReportError("", f"no notebooks NN-name.ipynb in {notebooks_dir or config.NOTEBOOKS_DIR}")
    out = Path(out or config.REPORTS_DIR).resolve()
    sources = corpus_sources(corpus)
    prov = provenance(sources)
    parameters = {
        "CORPUS": sources[0] if len(sources) == 1 else sources,
        "OUT_DIR": str(out / "figures"),
        "SCHEDULER": scheduler,
    }
    prov["parameters"] = parameters
    prov["notebooks"] = [p.name for p in paths]

    out.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".partial-", dir=out))  # same file system: moves are renames
    results: list[NotebookResult] = []
    try:
        bar = tqdm(paths, desc="report", unit="notebook", disable=not progress, file=sys.stderr)
        for src in bar:
            bar.set_postfix_str(src.name)
            dest = tmp / src.name
            started = time.perf_counter()
            try:
                nb = execute_notebook(src, dest, parameters, timeout=timeout, kernel_name=kernel_name)
            except ReportError as err:
                if dest.exists():
                    kept = out / f"{src.stem}.failed.ipynb"
                    shutil.copyfile(dest, kept)
                    err.executed = kept
                    err.args = (f"{err.args[0]}\nexecuted copy: {kept}",)
                raise
            seconds = time.perf_counter() - started
            title = notebook_title(nb, src.stem)
            header = provenance_html(prov, index_href="index.html")
            page = render_html(nb, title, header, hide_code, pages=[p.stem for p in paths])
            (tmp / f"{src.stem}.html").write_text(page, encoding="utf-8")
            results.append(NotebookResult(src.stem, title, f"{src.stem}.html", src.name, seconds,
                                          collect_metrics(nb), first_figure(nb)))
        bar.close()
        (tmp / "provenance.json").write_text(json.dumps(prov, indent=2) + "\n", encoding="utf-8")
        (tmp / "index.html").write_text(index_html(results, prov), encoding="utf-8")
        _move_into_place(tmp, out)
        for stale in (out / f"{r.name}.failed.ipynb" for r in results):
            stale.unlink(missing_ok=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return out / "index.html"


def _metric_value(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.4g}"
    return str(value)


def index_html(results: Iterable[NotebookResult], prov: dict[str, Any]) -> str:
    """The report's front page: provenance, then one card per notebook with its key figures."""
    esc = html.escape
    cards = []
    for r in results:
        rows = "".join(
            f"<tr><td>{esc(str(m.get('name', '')))}</td><td class='num'>{esc(_metric_value(m.get('value')))}</td>"
            f"<td class='note'>{esc(str(m.get('note') or ''))}</td></tr>"
            for m in r.metrics
        )
        table = f"<table class='metrics'>{rows}</table>" if rows else "<p class='none'>no key figures recorded</p>"
        thumb = (f"<a href='{esc(r.html)}'><img class='thumb' alt='first figure of {esc(r.title)}' "
                 f"src='data:image/png;base64,{r.figure}'></a>" if r.figure else "")
        cards.append(
            f"<section class='card'><h2><a href='{esc(r.html)}'>{esc(r.title)}</a></h2>"
            f"<div class='files'>{esc(r.name)} &middot; <a href='{esc(r.html)}'>page</a> &middot; "
            f"<a href='{esc(r.ipynb)}'>executed notebook</a> &middot; {r.seconds:.1f} s</div>"
            f"<div class='body'>{table}{thumb}</div></section>"
        )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Conflict news report</title>
<style>{_PROVENANCE_CSS}
body{{font:14px/1.45 system-ui,sans-serif;margin:0 16px;color:#222}}
h1{{max-width:1100px;margin:16px auto 4px}}
.card{{max-width:1100px;margin:12px auto;border:1px solid #d8dbe0;border-radius:6px;padding:8px 12px}}
.card h2{{margin:2px 0;font-size:18px}}.files{{color:#666;font-size:12px}}
.body{{display:flex;gap:16px;align-items:flex-start;flex-wrap:wrap;margin-top:6px}}
.metrics{{border-collapse:collapse}}.metrics td{{padding:1px 8px;border-bottom:1px solid #eee}}
.metrics td.num{{text-align:right;font-variant-numeric:tabular-nums}}.metrics td.note{{color:#666}}
img.thumb{{max-width:420px;max-height:260px;border:1px solid #eee}}.none{{color:#888}}
</style></head>
<body><h1>Conflict news report</h1>
{provenance_html(prov)}
{''.join(cards)}
</body></html>
"""
