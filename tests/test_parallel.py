"""Unit tests of helpers.parallel: map_chunks keeps order and results; hidden_main restores the main module."""

from __future__ import annotations

import sys
import types

from helpers import parallel
from helpers.textnorm import fold


def test_map_chunks_runs_in_process_for_one_job_or_one_chunk():
    calls = []

    def local(x):  # a local function cannot reach workers: this proves no pool was used
        calls.append(x)
        return x * 2

    assert parallel.map_chunks(local, [1, 2, 3], n_jobs=1) == [2, 4, 6]
    assert parallel.map_chunks(local, [5], n_jobs=4) == [10]
    assert parallel.map_chunks(local, [], n_jobs=4) == []
    assert calls == [1, 2, 3, 5]


def test_map_chunks_in_workers_keeps_the_order():
    chunks = ["\u0130DLIB", "Erdo\u011fan", "T\u00fcrkiye"]
    assert parallel.map_chunks(fold, chunks, n_jobs=2) == [fold(c) for c in chunks] == ["idlib", "erdogan", "turkiye"]


def test_hidden_main_hides_and_restores_file_and_spec(monkeypatch):
    fake = types.ModuleType("__main__")
    fake.__file__ = "/tmp/script.py"
    fake.__spec__ = "spec"
    monkeypatch.setitem(sys.modules, "__main__", fake)
    with parallel.hidden_main():
        assert not hasattr(fake, "__file__") and fake.__spec__ is None
    assert fake.__file__ == "/tmp/script.py" and fake.__spec__ == "spec"


def test_hidden_main_restores_after_an_error(monkeypatch):
    fake = types.ModuleType("__main__")
    fake.__file__ = "/tmp/script.py"
    monkeypatch.setitem(sys.modules, "__main__", fake)
    try:
        with parallel.hidden_main():
            raise RuntimeError("boom")
    except RuntimeError:
        pass
    assert fake.__file__ == "/tmp/script.py"


def test_hidden_main_without_a_main_module(monkeypatch):
    monkeypatch.delitem(sys.modules, "__main__")
    with parallel.hidden_main():
        assert "__main__" not in sys.modules


def test_imap_chunks_in_process_reads_lazily():
    seen = []

    def chunks():
        for x in range(4):
            seen.append(x)
            yield x

    it = parallel.imap_chunks(lambda x: x * 3, chunks(), n_jobs=1)
    assert next(it) == 0 and seen == [0]  # one chunk read, one result given
    assert list(it) == [3, 6, 9]


NAMES = ["\u0130DLIB", "Erdo\u011fan", "T\u00fcrkiye"]


def test_imap_chunks_in_workers_keeps_the_order_and_bounds_what_is_in_flight():
    seen = []

    def chunks():
        for i in range(12):
            seen.append(i)
            yield NAMES[i % 3] + str(i)

    it = parallel.imap_chunks(fold, chunks(), n_jobs=2)
    assert next(it) == "idlib0"
    assert len(seen) == 4  # 2 * n_jobs submitted before the first result is handed over, not all twelve
    rest = list(it)
    assert rest == [fold(NAMES[i % 3] + str(i)) for i in range(1, 12)]
