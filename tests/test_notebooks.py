"""The notebooks: committed clean and in the house shape, and each runs top to bottom on a fresh kernel.

Execution goes through ``helpers.report.execute_notebook`` (papermill), the same path as
``python -m helpers report``, with the corpus passed through the parameters cell: first the bundled
sample, then (marked slow, where ``../shared/corpora`` exists) the FA-KES articles for 01 to 06.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest

from helpers import config, report

pytestmark = pytest.mark.slow  # renders notebooks / starts workers: run by the full suite

NOTEBOOKS = report.list_notebooks()
NAMES = [p.name for p in NOTEBOOKS]
#: Seconds one notebook may take on the sample (the whole suite should stay under two minutes).
NOTEBOOK_SECONDS = 90
CELL_TIMEOUT = 120
FAKES = Path("corpora") / "fa-kes" / "FA-KES-Dataset.csv"
EXPECTED = [
    "00-quickstart",
    "01-load-and-clean",
    "02-tag-factions-and-backers",
    "03-mention-timelines",
    "04-cooccurrence",
    "05-backers-and-clients",
    "06-compare-sources",
]


def read(path: Path):
    return nbformat.read(str(path), as_version=4)


def code_cells(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def test_the_notebooks_are_there_in_run_order():
    stems = [p.stem for p in NOTEBOOKS]
    assert stems[: len(EXPECTED)] == EXPECTED
    assert all(" " not in p.name for p in config.NOTEBOOKS_DIR.glob("*.ipynb"))


def tracked_notebooks() -> list[Path]:
    """Every notebook git tracks (or, outside a checkout, those in notebooks/)."""
    proc = subprocess.run(["git", "-C", str(config.ROOT), "ls-files", "*.ipynb"], capture_output=True, text=True)
    tracked = [config.ROOT / line for line in proc.stdout.splitlines()] if proc.returncode == 0 else []
    return sorted(set(tracked) | set(config.NOTEBOOKS_DIR.glob("*.ipynb")))


@pytest.mark.parametrize("path", tracked_notebooks(), ids=lambda p: p.name)
def test_committed_without_outputs_or_execution_counts(path):
    raw = json.loads(path.read_text(encoding="utf-8"))
    dirty = [
        i
        for i, c in enumerate(raw["cells"])
        if c.get("cell_type") == "code" and (c.get("outputs") or c.get("execution_count") is not None)
    ]
    assert dirty == [], f"{path.name}: cells {dirty} carry outputs or execution counts; run nbstripout"


def test_notebooks_are_in_nbstripout_form():
    nbstripout = Path(sys.executable).with_name("nbstripout")
    if not nbstripout.exists():
        pytest.skip("nbstripout is not installed in this environment")
    proc = subprocess.run([str(nbstripout), "--verify", *map(str, NOTEBOOKS)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_house_shape(path):
    nb = read(path)
    first = nb.cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# "), "opens with a markdown title"
    assert len(first.source.split("\n\n", 1)[-1]) > 150, "the title is followed by a why-paragraph"
    cells = code_cells(nb)
    first_lines = cells[0].source.splitlines()
    assert first_lines[:2] == ["%load_ext autoreload", "%autoreload 2"], "autoreload first"
    assert "import helpers as h" in first_lines and not any("sys.path" in ln for ln in first_lines)

    tagged = [c for c in cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, "exactly one cell tagged parameters"
    tree = ast.parse(tagged[0].source)
    assert all(isinstance(node, ast.Assign) for node in tree.body), "the parameters cell holds plain assignments"
    names = {t.id for node in tree.body for t in node.targets}
    assert {"CORPUS", "OUT_DIR"} <= names
    assert re.search(r"^CORPUS = None\b", tagged[0].source, flags=re.M) and re.search(
        r"^OUT_DIR = None\b", tagged[0].source, flags=re.M
    )
    assert cells.index(tagged[0]) == 1, "parameters come right after the imports"

    for cell in cells[2:]:
        tree = ast.parse(cell.source)
        defined = [
            n
            for n in ast.walk(tree)
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef))
        ]
        assert not defined, f"functions belong in helpers, not in a cell:\n{cell.source}"
        assert "import helpers" not in cell.source or cell is cells[0]
        for call in re.findall(r"h\.save_figure\([^\n]*", cell.source):
            assert "out_dir=OUT_DIR" in call, f"figures are saved to OUT_DIR: {call}"
        assert "savefig(" not in cell.source and ".to_csv(" not in cell.source, "no hard-coded output paths"
        statements = sum(isinstance(n, ast.stmt) for n in ast.walk(tree))  # not lines: the formatter wraps them
        assert statements <= 12, f"keep cells short:\n{cell.source}"

    headings = [c.source for c in nb.cells if c.cell_type == "markdown"]
    assert any(h.startswith("## What we saw") for h in headings)
    assert nb.cells[-1].cell_type == "code" and "print(" in nb.cells[-1].source, "ends with computed findings"
    assert nb.cells[-2].cell_type == "markdown" and nb.cells[-2].source.startswith("## What we saw")


def run(path: Path, corpus: str | None, tmp_path: Path) -> tuple[object, float]:
    started = time.perf_counter()
    nb = report.execute_notebook(
        path, tmp_path / path.name, {"CORPUS": corpus, "OUT_DIR": str(tmp_path / "figures")}, timeout=CELL_TIMEOUT
    )
    return nb, time.perf_counter() - started


def outputs(nb, kind: str) -> list:
    return [o for c in code_cells(nb) for o in c.outputs if o.output_type == kind or kind in o.get("data", {})]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=NAMES)
def test_runs_top_to_bottom_on_the_sample(path, tmp_path):
    nb, seconds = run(path, None, tmp_path)
    assert seconds < NOTEBOOK_SECONDS, f"{path.name} took {seconds:.0f} s on the sample"
    assert all(c.execution_count for c in code_cells(nb)[1:]), "every cell ran"
    assert outputs(nb, "image/png"), "shows at least one figure"
    assert report.collect_metrics(nb), "records its key figures for the report index"
    stderr = [o.text for o in outputs(nb, "stream") if o.name == "stderr"]
    assert not [t for t in stderr if "Warning" in t], f"warnings in {path.name}: {stderr}"
    saved = sorted(p.name for p in (tmp_path / "figures").glob("*.png"))  # saved to OUT_DIR, named by notebook
    assert saved and all(name.startswith(path.stem[:2]) for name in saved), saved


@pytest.mark.slow
@pytest.mark.parametrize(
    "path",
    [p for p in NOTEBOOKS if p.stem[:2] in {"01", "02", "03", "04", "05", "06"}],
    ids=[n for n in NAMES if n[:2] in {"01", "02", "03", "04", "05", "06"}],
)
def test_runs_on_fakes(path, tmp_path, shared_dir):
    corpus = shared_dir / FAKES
    if not corpus.is_file():
        pytest.skip(f"no FA-KES file at {corpus}")
    nb, seconds = run(path, str(corpus), tmp_path)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and str(corpus) in injected[0].source
    assert all(c.execution_count for c in code_cells(nb)[1:])
    assert outputs(nb, "image/png")
