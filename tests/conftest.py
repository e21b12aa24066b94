"""Shared test setup: a non-interactive matplotlib backend and the optional ../shared corpora."""

from __future__ import annotations

import os

os.environ.setdefault("MPLBACKEND", "Agg")

import matplotlib  # noqa: E402

matplotlib.use("Agg")

import pytest  # noqa: E402

from helpers import config  # noqa: E402


@pytest.fixture(scope="session")
def shared_dir():
    """``config.SHARED_DIR`` (real corpora for tests); skips when its ``corpora/`` folder is absent."""
    corpora = config.SHARED_DIR / "corpora"
    if not corpora.is_dir():
        pytest.skip(
            f"no real corpora at {corpora}: put the shared folder beside the checkout or point HELPERS_SHARED_DIR at it"
        )
    return config.SHARED_DIR


#: Real corpora of ../shared the slow tests render reports of, by a short name.
REAL_CORPORA = {
    "guardian": ("corpora", "guardian-syria-headlines", "guardian_syria_headlines_2011_2023.csv"),
    "aljazeera": ("corpora", "aljazeera-rss-2024", "entries.tsv"),
    "fakes": ("corpora", "fa-kes", "FA-KES-Dataset.csv"),
}


@pytest.fixture(scope="session")
def real_report(tmp_path_factory):
    """A function rendering (once per session) the whole report on a real corpus by name, by the command
    users run; skips when ``../shared`` lacks the corpus. Returns (report folder, completed process)."""
    import subprocess
    import sys

    made: dict[str, tuple] = {}

    def render(name: str):
        if name not in made:
            corpus = config.SHARED_DIR.joinpath(*REAL_CORPORA[name])
            if not corpus.is_file():
                pytest.skip(f"no {name} corpus at {corpus}: put the shared folder beside the checkout")
            out = tmp_path_factory.mktemp(f"report-{name}") / "report"
            proc = subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "helpers",
                    "report",
                    "--corpus",
                    str(corpus),
                    "--out",
                    str(out),
                    "--no-progress",
                ],
                capture_output=True,
                text=True,
                timeout=1800,
                cwd=config.ROOT,
            )
            made[name] = (out, proc)
        return made[name]

    return render


@pytest.fixture(scope="session")
def grammar():
    """The English grammar patterns of the kit's cue lexicon (for sentences built by hand)."""
    from helpers.cues import load_cues
    from helpers.grammar import grammar_of

    return grammar_of(load_cues())


def pytest_collection_modifyitems(config, items) -> None:  # noqa: ARG001 (pytest's hook signature)
    """Tests that read the real corpora of ``../shared`` (the ``shared_dir`` fixture) or drive a browser (marked
    ``browser``) are ``slow``: the fast part (``-m "not slow"``) runs on the kit's own data, without a browser."""
    for item in items:
        if "shared_dir" in getattr(item, "fixturenames", ()) or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)
