"""Every notebook renders on every kind of corpus: the render matrix.

Fast: notebooks 00-06 on the tiny edge-case corpora of ``edge_corpora.py`` (empty folder, one article, one
undated article, no dates, no actor mentions, one source, headlines only; "$" and "_" in names). To stay
quick, each notebook runs on one kernel for all the corpora, its namespace reset between them (``%reset
-f``), with the corpus passed through its parameters cell as the report does. A notebook that meets too
little data must say so in a sentence and carry on: no error, no warning, no traceback.

Slow (marked): the whole report, by the command users run, on the Guardian headlines and the Al Jazeera
RSS corpora of ``../shared/corpora`` (skipped when absent).
"""

from __future__ import annotations

import copy
import json
import shutil
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from edge_corpora import EDGE_CORPORA

from helpers import config, report
from helpers.runner import INLINE_BACKEND, quiet_kernel_manager

pytestmark = pytest.mark.slow  # renders notebooks / starts workers: run by the full suite

NOTEBOOKS = [p for p in report.list_notebooks() if p.stem[:2] in {"00", "01", "02", "03", "04", "05", "06"}]


def _parameterised(nb_path: Path, corpus: str, out_dir: Path):
    """The notebook with its parameters cell followed by the values for this corpus (as papermill does)."""
    nb = nbformat.read(str(nb_path), as_version=4)
    cells = []
    for cell in nb.cells:
        cells.append(cell)
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            cells.append(nbformat.v4.new_code_cell(f"CORPUS = {corpus!r}\nOUT_DIR = {str(out_dir)!r}"))
    nb.cells = [nbformat.v4.new_code_cell("%reset -f")] + cells
    return nb


def _texts(nb) -> tuple[str, str, int]:
    """(stdout and plain text, stderr, number of figures) of an executed notebook."""
    out, err, figures = [], [], 0
    for cell in nb.cells:
        for o in cell.get("outputs", []) if cell.cell_type == "code" else []:
            if o.output_type == "stream":
                (err if o.name == "stderr" else out).append(o.text)
            elif o.output_type == "error":
                err.append(f"{o.ename}: {o.evalue}")
            else:
                out.append(str(o.get("data", {}).get("text/plain", "")))
                figures += "image/png" in o.get("data", {})
    return "\n".join(out), "\n".join(err), figures


def _run_on_every_corpus(nb_path: Path, corpora: dict[str, Path], work: Path) -> dict[str, tuple]:
    """Run one notebook on every corpus on one quiet kernel; {corpus: (error, stdout, stderr, figures)}."""
    from jupyter_core.utils import run_sync
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
    from traitlets.config import Config

    private = Path(tempfile.mkdtemp(prefix="helpers-matrix-"))
    cfg = Config(
        {
            "KernelManager": {"transport": "ipc", "ip": str(private / "ipc")},
            "QuietKernelManager": {
                "log_path": str(private / "kernel.log"),
                "extra_env": {"MPLBACKEND": INLINE_BACKEND},
            },
        }
    )
    km = quiet_kernel_manager()(kernel_name="python3", config=cfg)
    results = {}
    try:
        for name, corpus in corpora.items():
            nb = _parameterised(nb_path, str(corpus), work / name / "figures")
            client = NotebookClient(
                copy.deepcopy(nb),
                km=km,
                timeout=180,
                kernel_name="python3",
                resources={"metadata": {"path": str(nb_path.parent)}},
            )
            error = None
            try:
                executed = client.execute()
            except CellExecutionError as err:
                executed, error = client.nb, str(err).splitlines()[-1]
            results[name] = (error, *_texts(executed))
    finally:
        run_sync(km.shutdown_kernel)(now=True)
        shutil.rmtree(private, ignore_errors=True)
    return results


@pytest.fixture(scope="module")
def matrix(tmp_path_factory):
    root = tmp_path_factory.mktemp("edge-corpora")
    corpora = {name: build(root / "corpora" / name) for name, build in EDGE_CORPORA.items()}
    with ThreadPoolExecutor(max_workers=2) as pool:
        runs = dict(zip(NOTEBOOKS, pool.map(lambda p: _run_on_every_corpus(p, corpora, root / p.stem), NOTEBOOKS)))
    return runs


@pytest.mark.parametrize("corpus", list(EDGE_CORPORA))
def test_every_notebook_renders_on_the_edge_corpus(matrix, corpus):
    failures = []
    for path, results in matrix.items():
        error, text, stderr, _ = results[corpus]
        if error:
            failures.append(f"{path.name}: {error}")
        elif "Traceback" in stderr or "Warning" in stderr:
            failures.append(f"{path.name}: {stderr[:600]}")
    assert not failures, f"on the {corpus!r} corpus:\n" + "\n".join(failures)


def test_too_little_data_is_said_in_a_sentence(matrix):
    for path, results in matrix.items():
        _, text, _, figures = results["empty"]
        assert "Too little data for this step: no articles: the corpus is empty" in text, path.name
        assert figures == 0, f"{path.name} draws {figures} figure(s) of an empty corpus"
    _, text, _, figures = matrix[NOTEBOOKS[3]]["no_mentions"]  # timelines of a corpus naming nobody
    assert "Too little data for this step: no dated mentions of the charted actors." in text and figures == 0
    _, text, _, _ = matrix[NOTEBOOKS[1]]["headlines"]
    assert "no article bodies: every article is a headline only" in text
    _, text, _, _ = matrix[NOTEBOOKS[1]]["one_article"]
    assert "no lines removed" in text  # cleaning removed nothing: said, not an IndexError
    _, text, _, _ = matrix[NOTEBOOKS[6]]["one_source"]
    assert "one source: nothing to compare" in text and "z = " not in text
    _, text, _, figures = matrix[NOTEBOOKS[5]]["one_undated"]
    assert "The statements carry no dates" in text or "no backing statements" in text


def test_figures_of_small_corpora_are_drawn(matrix):
    _, _, _, figures = matrix[NOTEBOOKS[0]]["one_article"]
    assert figures >= 2  # a timeline of one week and the backer network
    _, _, _, figures = matrix[NOTEBOOKS[6]]["headlines"]  # sources named "$money$ wire" and "state_tv_1"
    assert figures >= 2


# ----------------------------------------------------------------------------------------------------
# the real corpora, by the command users run


@pytest.mark.slow
@pytest.mark.parametrize("name", ["guardian", "aljazeera"])
def test_the_report_renders_on_real_corpora(name, real_report):
    out, proc = real_report(name)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "without encryption" not in proc.stderr and "Traceback" not in proc.stderr
    prov = json.loads((out / "provenance.json").read_text())
    assert prov["corpus"]["articles"] > 100
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "notebooks failed" not in index
    pages = sorted(out.glob("0*.html"))
    assert len(pages) >= 7
    for page in pages:
        assert "Traceback (most recent call last)" not in page.read_text(encoding="utf-8"), page.name


@pytest.mark.slow
def test_the_report_renders_on_the_arabic_sample(tmp_path):
    """The whole report, by the command users run, on the Arabic sample (written by the project, in data/)."""
    import subprocess
    import sys

    out = tmp_path / "report"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "helpers",
            "report",
            "--corpus",
            str(config.SAMPLE_CORPUS_AR),
            "--out",
            str(out),
            "--no-progress",
        ],
        capture_output=True,
        text=True,
        timeout=1800,
        cwd=config.ROOT,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert "Traceback" not in proc.stderr
    prov = json.loads((out / "provenance.json").read_text())
    assert prov["corpus"]["articles"] >= 20
    assert "notebooks failed" not in (out / "index.html").read_text(encoding="utf-8")
    pages = sorted(out.glob("0*.html"))
    assert len(pages) >= 7
    for page in pages:
        assert "Traceback (most recent call last)" not in page.read_text(encoding="utf-8"), page.name
    # the Arabic text reaches the pages as text: mentions in KWIC, statements with their evidence
    assert "حزب الله" in (out / "02-tag-factions-and-backers.html").read_text(encoding="utf-8")
    assert "المدعوم" in (out / "05-backers-and-clients.html").read_text(encoding="utf-8")
