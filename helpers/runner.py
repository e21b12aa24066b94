"""Running notebooks for the report: papermill on private, quiet kernels, several at a time.

Each notebook runs on a fresh kernel that talks to papermill over IPC sockets in a private temporary
folder (so no "running over TCP without encryption" warning, and no port to collide on when several
kernels start at once); the kernel's own log goes to a file, shown only when the kernel dies. Kernels
draw figures inline whatever ``MPLBACKEND`` says. :func:`run_notebooks` runs a list of notebooks on a
thread pool (the work happens in the kernels' processes) and reports each one as it finishes.
"""

from __future__ import annotations

import ast
import functools
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .options import moved_into, options_of

#: matplotlib backend of the kernels the report starts: figures become PNG outputs of their cells.
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"


class ReportError(RuntimeError):
    """A notebook failed (which one, at which cell, with which error), or several did (``failures``)."""

    def __init__(
        self,
        notebook: str,
        message: str,
        *,
        cell_index: int | None = None,
        source: str = "",
        ename: str = "",
        evalue: str = "",
        executed: Path | None = None,
    ):
        self.notebook = notebook
        self.cell_index = cell_index
        self.source = source
        self.ename = ename
        self.evalue = evalue
        self.executed = executed
        self.failures: list[ReportError] = []
        self.index: Path | None = None
        super().__init__(message)

    @classmethod
    def several(cls, failures: Sequence[ReportError], message: str, index: Path | None = None) -> ReportError:
        """One error standing for several failed notebooks: where and how is the first one's, ``failures`` lists
        them all and ``index`` points at the report's index page.

        Raises:
            ValueError: ``failures`` is empty.
        """
        if not failures:
            raise ValueError("ReportError.several takes at least one failure")
        first = failures[0]
        err = cls(
            first.notebook,
            message,
            cell_index=first.cell_index,
            source=first.source,
            ename=first.ename,
            evalue=first.evalue,
            executed=first.executed,
        )
        err.failures = list(failures)
        err.index = index
        return err

    @property
    def short(self) -> str:
        """One line: where and how the notebook failed."""
        where = f"cell {self.cell_index}: " if self.cell_index is not None else ""
        return f"{where}{self.ename}: {self.evalue}".strip(": ") or str(self)


@dataclass(frozen=True)
class RunOptions:
    """How notebooks are executed (:func:`run_notebooks`; :class:`helpers.ReportOptions` extends it for the report).

    Attributes:
        timeout: seconds any one cell may run (None: no limit; the report's default is 600).
        kernel_name: the Jupyter kernel the notebooks run on ("python3").
        jobs: notebooks running at once, each on its own kernel process (2; None: the number of cores, at least 2).

    Raises:
        ValueError: a ``timeout`` that is not a positive number, ``jobs`` below 1, or an empty ``kernel_name``.
    """

    timeout: float | None = None
    kernel_name: str = "python3"
    jobs: int | None = 2

    def __post_init__(self) -> None:
        t = self.timeout
        if t is not None and (isinstance(t, bool) or not isinstance(t, (int, float)) or t <= 0):
            raise ValueError(f"timeout must be None or a positive number of seconds, not {t!r}")
        j = self.jobs
        if j is not None and (isinstance(j, bool) or not isinstance(j, int) or j < 1):
            raise ValueError(f"jobs must be None or a whole number of notebooks >= 1, not {j!r}")
        if not isinstance(self.kernel_name, str) or not self.kernel_name:
            raise ValueError(f"kernel_name must name a Jupyter kernel, not {self.kernel_name!r}")

    @property
    def n_jobs(self) -> int:
        """``jobs``, or the number of cores (at least 2) when it is None."""
        return self.jobs or max(2, os.cpu_count() or 2)


def declared_parameters(path: Path) -> dict[str, str]:
    """Names assigned in a notebook's cell tagged ``parameters``, with their default source text."""
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    for cell in nb.cells:
        if cell.get("cell_type") == "code" and "parameters" in cell.get("metadata", {}).get("tags", []):
            tree = ast.parse(cell.source)
            return {
                t.id: ast.get_source_segment(cell.source, node.value) or ""
                for node in tree.body
                if isinstance(node, (ast.Assign, ast.AnnAssign))
                for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
                if isinstance(t, ast.Name)
            }
    return {}


@functools.lru_cache(maxsize=1)
def quiet_kernel_manager() -> type:
    """The kernel manager class of the report's kernels (built on first use: jupyter_client is heavy)."""
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import Dict, Unicode

    class QuietKernelManager(AsyncKernelManager):
        """A kernel whose process output goes to ``log_path`` and whose environment adds ``extra_env``."""

        log_path = Unicode("", config=True)
        extra_env = Dict(config=True)
        _log = None

        async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
            kw["env"] = {**(kw.get("env") or os.environ), **self.extra_env}
            if self.log_path:
                self._log = open(self.log_path, "ab")  # noqa: SIM115 - closed with the kernel's resources
                kw["stdout"] = kw["stderr"] = self._log
            await super()._async_launch_kernel(kernel_cmd, **kw)

        async def _async_cleanup_resources(self, restart: bool = False) -> None:
            await super()._async_cleanup_resources(restart=restart)
            if self._log is not None and not restart:
                self._log.close()
                self._log = None

    return QuietKernelManager


def _kernel_log_tail(path: Path, lines: int = 12) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    except OSError:
        return ""
    return "\n".join(text[-lines:])


def _kernel_config(private: Path, log: Path, env: dict[str, str] | None) -> Any:
    """The kernel's traitlets config: IPC sockets and its log in the ``private`` folder, inline figures, ``env``."""
    from traitlets.config import Config

    return Config(
        {
            "KernelManager": {"transport": "ipc", "ip": str(private / "ipc")},
            "QuietKernelManager": {"log_path": str(log), "extra_env": {"MPLBACKEND": INLINE_BACKEND, **(env or {})}},
        }
    )


def _cell_failure(err: Any, src: Path, dest: Path) -> ReportError:
    """The error of a cell that raised (papermill's ``PapermillExecutionError``), with the cell's first lines."""
    first = err.source.strip().splitlines()
    excerpt = "\n".join("    " + line for line in first[:6]) + ("\n    ..." if len(first) > 6 else "")
    return ReportError(
        src.stem,
        f"notebook {src.name} failed at cell {err.cell_index} (In [{err.exec_count}]):\n{excerpt}\n"
        f"{err.ename}: {err.evalue}",
        cell_index=err.cell_index,
        source=err.source,
        ename=err.ename,
        evalue=err.evalue,
        executed=dest,
    )


def _kernel_failure(err: BaseException, src: Path, dest: Path, tail: str) -> ReportError:
    """The error of a notebook that did not finish (timeout, dead kernel), with the tail of the kernel's log."""
    return ReportError(
        src.stem,
        f"notebook {src.name} did not finish: {type(err).__name__}: {err}" + (f"\nkernel log:\n{tail}" if tail else ""),
        ename=type(err).__name__,
        evalue=str(err),
        executed=dest,
    )


def execute_notebook(
    src: Path,
    dest: Path,
    parameters: dict[str, Any],
    timeout: float | None = None,
    kernel_name: str = "python3",
    env: dict[str, str] | None = None,
) -> Any:
    """Execute ``src`` with papermill into ``dest`` and return the executed node.

    Only the parameters the notebook declares are passed. ``env`` adds environment variables to the
    kernel's (it always draws figures inline).

    Raises:
        ReportError: a cell raised, timed out, or the kernel died; the executed copy at ``dest`` shows where.
    """
    import nbformat
    import papermill as pm
    from nbclient.exceptions import CellTimeoutError, DeadKernelError

    declared = declared_parameters(src)
    params = {k: v for k, v in parameters.items() if k in declared}
    private = Path(tempfile.mkdtemp(prefix="helpers-kernel-"))
    log = private / "kernel.log"
    try:
        pm.execute_notebook(
            str(src),
            str(dest),
            parameters=params,
            kernel_name=kernel_name,
            language="python",
            cwd=str(src.parent),
            execution_timeout=timeout,
            progress_bar=False,
            log_output=False,
            kernel_manager_class=quiet_kernel_manager(),
            config=_kernel_config(private, log, env),
        )
    except pm.PapermillExecutionError as err:
        raise _cell_failure(err, src, dest) from None
    except (CellTimeoutError, DeadKernelError, TimeoutError, RuntimeError) as err:
        # the kernel's own log says why it died or did not start; after a timeout it only holds the shutdown
        tail = "" if isinstance(err, (CellTimeoutError, TimeoutError)) else _kernel_log_tail(log)
        raise _kernel_failure(err, src, dest, tail) from None
    finally:
        shutil.rmtree(private, ignore_errors=True)
    return nbformat.read(str(dest), as_version=4)


@dataclass
class Execution:
    """How one notebook ran: its executed node (None when nothing was written), seconds, and its error."""

    src: Path
    nb: Any
    seconds: float
    error: ReportError | None = None


def _run_one(
    src: Path,
    folder: Path,
    parameters: dict[str, Any],
    timeout: float | None,
    kernel_name: str,
    env: dict[str, str] | None,
) -> Execution:
    import nbformat

    dest = folder / src.name
    started = time.perf_counter()
    try:
        nb = execute_notebook(src, dest, parameters, timeout=timeout, kernel_name=kernel_name, env=env)
        return Execution(src, nb, time.perf_counter() - started)
    except ReportError as err:
        nb = nbformat.read(str(dest), as_version=4) if dest.is_file() else None
        return Execution(src, nb, time.perf_counter() - started, err)


@moved_into(RunOptions)
def run_notebooks(
    paths: Sequence[Path],
    folder: Path,
    parameters: dict[str, Any],
    *,
    env: dict[str, str] | None = None,
    on_done: Callable[[Execution, int, int], None] | None = None,
    options: RunOptions | None = None,
) -> list[Execution]:
    """Execute every notebook into ``folder``, ``jobs`` at a time; one failure never stops the others.

    Args:
        paths: the notebooks, in run order.
        folder: where the executed copies go.
        parameters: passed to the notebooks that declare them.
        env: environment variables added to the kernels'.
        on_done: called with (execution, done so far, total) as each notebook finishes.
        options: a :class:`helpers.RunOptions`: ``jobs`` (notebooks at once, 2), ``timeout`` (seconds a cell may run,
            None) and ``kernel_name`` (None: those defaults).

    Returns:
        The executions, in the order of ``paths``.

    Raises:
        TypeError: ``options`` is not a :class:`helpers.RunOptions`.
    """
    o = options_of(options, RunOptions)
    done: dict[Path, Execution] = {}
    with ThreadPoolExecutor(max_workers=o.n_jobs, thread_name_prefix="notebook") as pool:
        futures = {pool.submit(_run_one, src, folder, parameters, o.timeout, o.kernel_name, env): src for src in paths}
        for future in as_completed(futures):
            execution = future.result()
            done[execution.src] = execution
            if on_done is not None:
                on_done(execution, len(done), len(paths))
    return [done[p] for p in paths]
