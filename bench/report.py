"""Time ``python -m helpers report`` on the sample: the kit before the parallel report beside it now.

Usage::

    python bench/report.py                     # baseline (commit 0d316ef) and now, once each, interleaved
    python bench/report.py --repeats 3         # medians of 3 runs of each
    python bench/report.py --baseline REV      # another baseline commit
    python bench/report.py --corpus PATH       # another corpus (default: the bundled sample)

The baseline is checked out from git into a temporary worktree and run with that checkout first on
``PYTHONPATH`` (so the command and its notebook kernels import the old ``helpers`` and run the old
notebooks): one notebook after the other, each loading and tagging the corpus itself, on kernels that
talk over TCP. *now* is this checkout: notebooks several at a time sharing one cached load and tag, on
quiet IPC kernels; it is timed with a cold cache (the report loads and tags once, then the notebooks read
the cache) and again with the cache warm, and with ``--jobs 1`` to separate what parallel notebooks
bring from what the cache brings. Variants run interleaved (baseline, now, ..., baseline, now) so that
other work on the machine weighs on all of them alike. Writes ``bench/RESULTS-report.md`` (``--out``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BASELINE = "0d316ef"  # the last commit with the sequential report (issue 14 started from it)


def _run(label: str, checkout: Path, out: Path, env: dict[str, str], extra: list[str]) -> tuple[float, str]:
    """Seconds of one report run, and the lines of its stderr that are warnings from the kernels."""
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "helpers", "report", "--out", str(out), *extra],
        capture_output=True,
        text=True,
        cwd=str(checkout),
        env=env,
    )
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"{label}: the report failed:\n{proc.stderr[-3000:]}")
    noise = [line for line in proc.stderr.splitlines() if "WARNING" in line or "without encryption" in line]
    return seconds, f"{len(noise)} kernel warning line(s)" if noise else "quiet"


def _baseline(rev: str, where: Path) -> Path:
    path = where / "baseline"
    subprocess.run(
        ["git", "-C", str(ROOT), "worktree", "add", "--detach", "--force", str(path), rev],
        check=True,
        capture_output=True,
        text=True,
    )
    return path


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--baseline", default=BASELINE, help="git revision of the baseline (default: %(default)s)")
    ap.add_argument("--repeats", type=int, default=1, help="runs of each variant; the median is shown")
    ap.add_argument("--corpus", default=None, help="corpus to report on (default: the bundled sample)")
    ap.add_argument("--out", type=Path, default=HERE / "RESULTS-report.md")
    ap.add_argument("--no-write", action="store_true")
    a = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="bench-report-"))
    corpus = ["--corpus", str(Path(a.corpus).resolve())] if a.corpus else []
    load_start = " ".join(f"{x:.2f}" for x in os.getloadavg())
    base_checkout = _baseline(a.baseline, work)
    try:
        variants = {
            f"baseline ({a.baseline}): sequential, each notebook loads and tags": (
                base_checkout,
                {"PYTHONPATH": str(base_checkout)},
                ["--no-progress", *corpus],
                False,
            ),
            "now, cold cache (one load and tag, then notebooks in parallel)": (
                ROOT,
                {},
                ["--no-progress", *corpus],
                True,
            ),
            "now, warm cache": (ROOT, {}, ["--no-progress", *corpus], False),
            "now, warm cache, --jobs 1": (ROOT, {}, ["--no-progress", "--jobs", "1", *corpus], False),
        }
        times: dict[str, list[float]] = {k: [] for k in variants}
        notes: dict[str, str] = {}
        for r in range(a.repeats):
            cache = work / f"cache-{r}"
            for label, (checkout, extra_env, args, cold) in variants.items():
                if cold:
                    shutil.rmtree(cache, ignore_errors=True)
                env = {**os.environ, "HELPERS_CACHE_DIR": str(cache), "MPLBACKEND": "Agg", **extra_env}
                seconds, notes[label] = _run(label, checkout, work / "out", env, args)
                times[label].append(seconds)
                print(f"{label}: {seconds:.1f} s ({notes[label]})", file=sys.stderr)
    finally:
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(base_checkout)],
            capture_output=True,
            text=True,
        )
        shutil.rmtree(work, ignore_errors=True)
    base = statistics.median(next(iter(times.values())))
    rows = [
        f"| {label} | {statistics.median(t):.1f} | {base / statistics.median(t):.2f}x | {notes[label]} |"
        for label, t in times.items()
    ]
    table = "| variant | seconds | speed-up | kernel output on stderr |\n|---|---:|---:|---|\n" + "\n".join(rows)
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=str(ROOT)
    ).stdout.strip()
    text = f"""# Report benchmark

Written by `python bench/report.py` on {dt.datetime.now():%Y-%m-%d %H:%M}: {os.cpu_count()} cores, Python
{sys.version.split()[0]}, code at commit {head}; corpus: {a.corpus or "the bundled sample"}; median of
{a.repeats} run(s) of each variant, interleaved (load average {load_start} at the start,
{" ".join(f"{x:.2f}" for x in os.getloadavg())} at the end: other work on the machine slows every variant).
Each figure is the wall time of the whole `python -m helpers report` command (every notebook, the HTML
pages and the index).

{table}
"""
    print(text)
    if not a.no_write:
        a.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
