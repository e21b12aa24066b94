"""Run one function over chunks of work in worker processes, the way every scale path of the kit does.

Workers are forked from a fork server that has already imported the kit (``preload``), so each starts
warm; where the platform has no fork server they are spawned. When the program's main module cannot be
re-imported by a worker (a script piped in as ``python - < x.py``), the work runs in this process
instead, with a warning: results never depend on how the work was split.
"""
from __future__ import annotations

import logging
import os
import sys
from typing import Any, Callable, Sequence

log = logging.getLogger(__name__)


def workers_can_start() -> bool:
    """False when the main module names a file that is not there: workers that import it would die."""
    path = getattr(sys.modules.get("__main__"), "__file__", None)
    return path is None or os.path.exists(path)


def map_chunks(func: Callable[[Any], Any], chunks: Sequence[Any], n_jobs: int,
               preload: Sequence[str] = ("helpers",)) -> list[Any]:
    """``[func(c) for c in chunks]``, spread over ``n_jobs`` worker processes.

    Args:
        func: a module-level function (workers import it by name).
        chunks: its arguments, one per task.
        n_jobs: worker processes.
        preload: modules the fork server imports once before forking workers.

    Returns:
        The results, in the order of ``chunks``.
    """
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    if n_jobs <= 1 or len(chunks) <= 1 or not workers_can_start():
        if n_jobs > 1 and not workers_can_start():
            log.warning("n_jobs=%d: worker processes cannot re-import this program's main module; running in "
                        "this process instead (same results)", n_jobs)
        return [func(c) for c in chunks]
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(list(preload))
    else:
        ctx = mp.get_context("spawn")
    with ProcessPoolExecutor(n_jobs, mp_context=ctx) as pool:
        return list(pool.map(func, chunks))
