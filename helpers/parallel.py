"""Run one function over chunks of work in worker processes, the way every scale path of the kit does.

Workers are forked from a fork server that has already imported the kit (``preload``), so each starts
warm; where the platform has no fork server they are spawned. Python's workers normally re-import the
calling program's main module, which re-runs a script's top level (or dies, for a script piped in as
``python - < x.py``) when it has no ``if __name__ == "__main__":`` guard; :func:`hidden_main` hides the
main module while workers start, so the kit's workers run from any script. Results never depend on how
the work was split.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

log = logging.getLogger(__name__)


@contextlib.contextmanager
def hidden_main() -> Iterator[None]:
    """Hide the main module's file and spec while worker processes start, so that they do not import it.

    The kit's workers run functions of the ``helpers`` package only, never the caller's code, so they need
    nothing from the main module; without this, spawn and fork-server workers would re-run an unguarded
    script's top level in each worker.
    """
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    saved = {k: getattr(main, k) for k in ("__file__", "__spec__") if hasattr(main, k)}
    try:
        for k in saved:
            if k == "__file__":
                delattr(main, k)
            else:
                setattr(main, k, None)
        yield
    finally:
        for k, v in saved.items():
            setattr(main, k, v)


def map_chunks(
    func: Callable[[Any], Any], chunks: Sequence[Any], n_jobs: int, preload: Sequence[str] = ("helpers",)
) -> list[Any]:
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

    if n_jobs <= 1 or len(chunks) <= 1:
        return [func(c) for c in chunks]
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(list(preload))
    else:
        ctx = mp.get_context("spawn")
    with hidden_main(), ProcessPoolExecutor(n_jobs, mp_context=ctx) as pool:
        return list(pool.map(func, chunks))


def imap_chunks(
    func: Callable[[Any], Any], chunks: Iterable[Any], n_jobs: int, preload: Sequence[str] = ("helpers",)
) -> Iterator[Any]:
    """``func(c) for c in chunks``, spread over ``n_jobs`` worker processes, yielded in order as they finish.

    At most ``2 * n_jobs`` tasks are in flight, so the results held in memory stay bounded however many
    chunks there are (what streaming a corpus larger than memory needs); with ``n_jobs <= 1`` everything
    runs in this process, one chunk at a time.

    Args:
        func: a module-level function (workers import it by name).
        chunks: its arguments, one per task (read lazily).
        n_jobs: worker processes.
        preload: modules the fork server imports once before forking workers.

    Returns:
        An iterator of the results, in the order of ``chunks``.
    """
    import multiprocessing as mp
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    if n_jobs <= 1:
        yield from (func(c) for c in chunks)
        return
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(list(preload))
    else:
        ctx = mp.get_context("spawn")
    with ProcessPoolExecutor(n_jobs, mp_context=ctx) as pool:
        pending: deque = deque()
        for c in chunks:
            with hidden_main():  # workers start on a submission
                pending.append(pool.submit(func, c))
            if len(pending) >= 2 * n_jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
