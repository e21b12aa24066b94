"""Report how long the FA-KES explorer takes to build and to open in headless Chromium.

Usage::

    python bench/explorer.py              # show the last figures the browser test recorded
    python bench/explorer.py --measure    # run that test first (needs chromium and ../shared's FA-KES)
    python bench/explorer.py --write      # also write bench/RESULTS-explorer.md

The figures come from ``tests/test_explorer_browser.py::test_fakes_explorer_load_time_is_recorded``, which
writes ``.cache/bench/explorer_load.json`` (the test asserts no time: it only records one). ``build`` is
load and tag (from the cache when warm), backing statements and the page; ``open`` is from navigation to
the page's load event with the network cut off; ``script ready`` is the page's own clock when its views
were drawn.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from helpers import config  # the package is installed in editable mode (README, Quick start)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

RECORD = config.CACHE_DIR / "bench" / "explorer_load.json"
TEST = "tests/test_explorer_browser.py::test_fakes_explorer_load_time_is_recorded"


def table(record: dict) -> str:
    """The record as a markdown table."""
    return (
        "| corpus | articles | page MB | build s | open s | script ready ms | measured |\n"
        "|---|---:|---:|---:|---:|---:|---|\n"
        f"| {record['corpus']} | {record['articles']:,} | {record['bytes'] / 1e6:.2f} | {record['build_seconds']} "
        f"| {record['open_seconds']} | {record['script_ready_ms']} | {record['measured']} |\n"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--measure", action="store_true", help="run the browser test that records the figures first")
    ap.add_argument("--write", action="store_true", help="write bench/RESULTS-explorer.md")
    args = ap.parse_args(argv)
    if args.measure:
        proc = subprocess.run([sys.executable, "-m", "pytest", "-q", TEST, "-p", "no:cacheprovider"], cwd=ROOT)
        if proc.returncode != 0:
            return proc.returncode
    if not RECORD.is_file():
        print(
            f"no figures at {RECORD}: run `python bench/explorer.py --measure` (needs chromium and FA-KES)",
            file=sys.stderr,
        )
        return 1
    text = table(json.loads(RECORD.read_text(encoding="utf-8")))
    print(text, end="")
    if args.write:
        out = HERE / "RESULTS-explorer.md"
        out.write_text(
            "# Explorer load time\n\nWritten by `python bench/explorer.py --measure --write` on 2 shared "
            "cores (other work on the machine slows the figures down).\n\n" + text,
            encoding="utf-8",
        )
        print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
