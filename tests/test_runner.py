"""Unit tests of helpers.runner: declared parameters, error summaries, and (slow) running notebooks."""

from __future__ import annotations

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from helpers import runner


def _write(path, *cells, params=None):
    nb = new_notebook(cells=list(cells))
    if params is not None:
        cell = new_code_cell(params)
        cell.metadata["tags"] = ["parameters"]
        nb.cells.insert(0, cell)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, str(path))
    return path


def test_declared_parameters_reads_the_tagged_cell(tmp_path):
    p = _write(
        tmp_path / "a.ipynb",
        new_code_cell("y = 2"),
        params="corpus = '../data/x.csv'  # a comment\nn: int = 10\na = b = 3\nobj.attr = 1\nprint('x')",
    )
    assert runner.declared_parameters(p) == {"corpus": "'../data/x.csv'", "n": "10", "a": "3", "b": "3"}
    assert runner.declared_parameters(_write(tmp_path / "b.ipynb", new_markdown_cell("# no params"))) == {}


def test_report_error_short_line():
    err = runner.ReportError("03-x", "long message", cell_index=4, ename="IndexError", evalue="list index")
    assert err.short == "cell 4: IndexError: list index" and str(err) == "long message"
    bare = runner.ReportError("03-x", "kernel died")
    assert bare.short == "kernel died" and bare.failures == [] and bare.executed is None
    assert runner.ReportError("x", "m", ename="TimeoutError").short == "TimeoutError"


def test_report_error_several_takes_the_first_failure_and_lists_them_all(tmp_path):
    a = runner.ReportError("03-x", "a", cell_index=4, ename="IndexError", evalue="list index", executed=tmp_path)
    b = runner.ReportError("05-y", "b", ename="TimeoutError")
    err = runner.ReportError.several([a, b], "2 of 9 notebooks failed", index=tmp_path / "index.html")
    assert (err.notebook, err.short, err.executed, str(err)) == ("03-x", a.short, tmp_path, "2 of 9 notebooks failed")
    assert err.failures == [a, b] and err.index == tmp_path / "index.html"
    with pytest.raises(ValueError, match="at least one"):
        runner.ReportError.several([], "none")


def test_kernel_log_tail(tmp_path):
    log = tmp_path / "kernel.log"
    log.write_text("\n".join(f"line {i}" for i in range(20)) + "\n\n")
    assert runner._kernel_log_tail(log, lines=2) == "line 18\nline 19"
    assert runner._kernel_log_tail(tmp_path / "none.log") == ""


@pytest.mark.slow
def test_run_passes_declared_parameters_and_reports_failures(tmp_path):
    pytest.importorskip("papermill")
    code = "import os\nresult = n * 2\nprint(result, os.environ['EXTRA'])"
    ok = _write(tmp_path / "01-ok.ipynb", new_code_cell(code), params="n = 1")
    bad = _write(tmp_path / "02-bad.ipynb", new_code_cell("x = 1"), new_code_cell("[][1]"))
    out = tmp_path / "out"
    out.mkdir()
    seen = []
    runs = runner.run_notebooks(
        [ok, bad],
        out,
        {"n": 21, "undeclared": 5},
        env={"EXTRA": "yes"},
        options=runner.RunOptions(timeout=120, jobs=2),
        on_done=lambda e, k, total: seen.append((e.src.name, k, total)),
    )
    assert [r.src for r in runs] == [ok, bad]
    assert runs[0].error is None and runs[0].seconds > 0
    printed = "".join(o.get("text", "") for c in runs[0].nb.cells for o in c.get("outputs", []))
    assert "42 yes" in printed
    err = runs[1].error
    assert err is not None and err.ename == "IndexError" and err.cell_index is not None
    assert "02-bad.ipynb failed at cell" in str(err) and err.executed == out / "02-bad.ipynb"
    assert runs[1].nb is not None  # the partial executed copy
    assert sorted(name for name, _, _ in seen) == ["01-ok.ipynb", "02-bad.ipynb"]
    assert {total for _, _, total in seen} == {2}


def test_run_notebooks_takes_how_they_run_in_run_options(tmp_path, monkeypatch):
    seen = []

    def fake_run(src, folder, parameters, timeout, kernel_name, env):
        seen.append((src.name, timeout, kernel_name))
        return runner.Execution(src, None, 0.0)

    monkeypatch.setattr(runner, "_run_one", fake_run)
    paths = [tmp_path / "00-a.ipynb", tmp_path / "01-b.ipynb"]
    runs = runner.run_notebooks(paths, tmp_path, {}, options=runner.RunOptions(timeout=5, kernel_name="k2", jobs=1))
    assert [r.src for r in runs] == paths and sorted(seen) == [("00-a.ipynb", 5, "k2"), ("01-b.ipynb", 5, "k2")]
    assert runner.RunOptions().timeout is None and runner.RunOptions().n_jobs == 2
    assert runner.RunOptions(jobs=None).n_jobs >= 2
    with pytest.raises(ValueError, match="jobs must be"):
        runner.RunOptions(jobs=0)
    with pytest.raises(ValueError, match="timeout must be"):
        runner.RunOptions(timeout=-1)
    with pytest.raises(TypeError, match="RunOptions"):
        runner.run_notebooks(paths, tmp_path, {}, options={"jobs": 1})
