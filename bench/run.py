"""Benchmark the kit's pipeline on synthetic news at growing sizes and write bench/RESULTS.md.

Usage::

    python bench/run.py                      # 10k, 50k and 200k articles (11-14 minutes on 2 cores)
    python bench/run.py --sizes 10000 50000  # chosen sizes
    python bench/run.py --million            # adds 1,000,000 articles, streamed only (about 35 minutes more)
    python bench/run.py --quick              # a 2,000-article smoke run (writes bench/_data/RESULTS-quick.md)

Flags: ``--sizes N [N ...]``, ``--million``, ``--quick``, ``--repeats R`` (tagger runs per size up to
50k, default 3; bigger sizes run the tagger once), ``--subsample K`` (articles for the regex baseline,
default 3000), ``--data-dir DIR`` (default ``bench/_data``, gitignored), ``--out FILE`` (default
``bench/RESULTS.md``), ``--no-write``, ``--from-results FILE`` (re-render the table from the
``bench/_data/results.json`` an earlier run saved, without measuring).

What it does:

1. Generates the corpus for each size with ``bench/synth.py`` (our own templates and vocabulary, aliases
   from the kit's gazetteer at about one per 47 words, 20 sources, 2022-2024) as JSON-lines shards of
   5,000 articles under ``bench/_data/n<size>/`` (reused when already there).
2. Runs each step in a fresh subprocess (``bench/steps.py``) so that its peak RSS is its own:
   load (JSON lines), clean, dedupe, tag (with sentence ids; ``n_jobs`` 1 and 2), the bare matcher (fold and
   the Aho-Corasick pass alone, on the same text as tag), timeline,
   co-occurrence, support extraction, each on the whole corpus in memory; the streaming path
   (``tag_to_parquet`` in batches of 10,000: load, clean, duplicates within and across batches, tag,
   write), whose peak memory must not grow with the corpus; plus the read-and-lowercase floor, and a
   regular-expression alternation of every alias form against our tagger on the same first
   ``--subsample`` articles. At 1,000,000 articles (``--million``) only the floor and the streaming path
   run: the in-memory steps would need about 20 GB.
   Peak RSS is the step's high-water mark (``/proc/self/clear_refs`` then ``VmHWM``), inputs included.
3. Prints ONE table (seconds, MB/s, articles/s, peak RSS, per-article cost against the smallest size),
   then the targets with PASS/MISS (never failing the run), and writes both to ``--out`` with the
   machine's cores, memory and the date.

MB/s is over the UTF-8 bytes of titles and texts, except for load and the floor (bytes of the JSON-lines
files). Tagger figures (tag, tag2, matcher, baseline, floor) are medians of ``--repeats`` runs up to 50k
articles and single runs above; the other steps run once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent

STEPS = ["load", "clean", "dedupe", "tag", "tag2", "matcher", "timeline", "cooccurrence", "support", "stream"]
STREAM_ONLY = 1_000_000  # from this size on, only the floor and the streaming path run
LABELS = {
    "load": "load (JSON lines)",
    "clean": "clean",
    "dedupe": "dedupe (near-duplicates)",
    "tag": "tag, n_jobs=1 (sentence ids)",
    "tag2": "tag, n_jobs=2",
    "matcher": "bare matcher (fold + Aho-Corasick pass)",
    "timeline": "timeline (monthly)",
    "cooccurrence": "co-occurrence (sentence)",
    "support": "support extraction",
    "stream": "stream to Parquet (n_jobs=1, batches of 10k)",
    "bigread": "read the streamed mentions back",
    "floor": "read + lowercase floor",
    "baseline": "regex alternation (subsample)",
    "ours": "our tagger (same subsample)",
}
PIPELINE = ["load", "clean", "dedupe", "tag", "timeline", "cooccurrence", "support"]
TARGET_MBS = 20.0
TARGET_SPEEDUP = 1.7
TARGET_FLOOR = 20.0
TARGET_PIPELINE_S = 300.0
TARGET_LINEAR = 1.25  # per-article cost at the largest size over the smallest: 'near 1'
TARGET_STREAM_RSS_MB = 3 * 1024  # peak RSS streaming 1M articles


def _synth():
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_synth", HERE / "synth.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def machine() -> dict[str, Any]:
    """Cores, memory, CPU model, Python and the date."""
    mem = 0.0
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) / 1024 / 1024
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=str(HERE.parent)
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "helpers"], capture_output=True, text=True, cwd=str(HERE.parent)
        ).stdout.strip()
        code = f"{head}{' with uncommitted changes to helpers/' if dirty else ''}" if head else "unknown"
    except OSError:
        code = "unknown"
    return {
        "cores": os.cpu_count(),
        "memory_gib": round(mem, 1),
        "cpu": cpu,
        "python": platform.python_version(),
        "code": code,
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def run_step(step: str, data: Path, repeats: int = 1, subsample: int = 3000) -> dict[str, Any]:
    """Run ``bench/steps.py STEP DATA`` in a fresh interpreter and return its JSON figures."""
    cmd = [
        sys.executable,
        str(HERE / "steps.py"),
        step,
        str(data),
        "--repeats",
        str(repeats),
        "--subsample",
        str(subsample),
    ]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=str(HERE.parent))
    if proc.returncode != 0:
        raise RuntimeError(f"step {step} on {data.name} failed:\n{proc.stderr[-4000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["wall"] = time.perf_counter() - t0
    return out


def _row(
    label: str,
    size: int,
    seconds: float,
    mb: float | None,
    n: int,
    rss: float | None,
    note: str = "",
    ratio: float | None = None,
) -> dict[str, Any]:
    return {
        "step": label,
        "articles": n,
        "size": size,
        "seconds": seconds,
        "mbs": mb / seconds if seconds and mb is not None else None,
        "aps": n / seconds if seconds else 0.0,
        "rss": rss,
        "ratio": ratio,
        "note": note,
    }


def table(rows: list[dict[str, Any]]) -> str:
    """The results as one Markdown table."""
    head = (
        "| step | articles | seconds | MB/s | articles/s | peak RSS MB | per-article cost vs smallest size "
        "| note |\n|---|---:|---:|---:|---:|---:|---:|---|"
    )
    lines = [head]
    for r in rows:
        ratio = f"{r['ratio']:.2f}" if r["ratio"] is not None else ""
        rss = f"{r['rss']:,.0f}" if r["rss"] is not None else ""
        mbs = f"{r['mbs']:.1f}" if r["mbs"] is not None else ""
        lines.append(
            f"| {r['step']} | {r['articles']:,} | {r['seconds']:.2f} | {mbs} | {r['aps']:,.0f} "
            f"| {rss} | {ratio} | {r['note']} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (see the module docstring for the flags)."""
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Flags are described in the module docstring of bench/run.py.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ap.add_argument(
        "--sizes", type=int, nargs="+", default=None, help="corpus sizes in articles (default: 10000 50000 200000)"
    )
    ap.add_argument("--million", action="store_true", help="add a 1,000,000-article run (about 20 GB of RAM, ~1 h)")
    ap.add_argument("--quick", action="store_true", help="a 2,000-article smoke run, one repeat")
    ap.add_argument(
        "--repeats",
        type=int,
        default=3,
        help="tagger runs per size up to 50k articles, medians reported (default 3; 1 above 50k)",
    )
    ap.add_argument(
        "--subsample",
        type=int,
        default=3000,
        help="articles for the regex-alternation baseline and our tagger beside it (default 3000)",
    )
    ap.add_argument("--data-dir", type=Path, default=HERE / "_data", help="where corpora are generated")
    ap.add_argument(
        "--out",
        type=Path,
        default=None,
        help="Markdown file for the results (default bench/RESULTS.md; --quick: bench/_data/RESULTS-quick.md)",
    )
    ap.add_argument("--no-write", action="store_true", help="print only")
    ap.add_argument(
        "--from-results",
        type=Path,
        default=None,
        help="re-render the table and targets from a results.json of an earlier run (no measuring)",
    )
    a = ap.parse_args(argv)
    sizes = a.sizes or ([2000] if a.quick else [10_000, 50_000, 200_000])
    if a.million and 1_000_000 not in sizes:
        sizes.append(1_000_000)
    sizes = sorted(set(sizes))
    repeats = 1 if a.quick else a.repeats
    subsample = min(a.subsample, 300 if a.quick else a.subsample, sizes[0])
    out_path = a.out or (a.data_dir / "RESULTS-quick.md" if a.quick else HERE / "RESULTS.md")
    started = time.perf_counter()
    if a.from_results:
        saved = json.loads(a.from_results.read_text())
        info, results, elapsed = saved["machine"], {int(k): v for k, v in saved["results"].items()}, saved["seconds"]
        sizes, repeats, subsample = sorted(results), saved["repeats"], saved["subsample"]
        started -= elapsed
        return report(results, sizes, info, started, a, repeats, subsample, out_path, saved.get("argv"))
    synth = _synth()
    info = machine()
    print(
        f"machine: {info['cores']} cores, {info['memory_gib']} GiB, {info['cpu']}; Python {info['python']}", flush=True
    )

    results: dict[int, dict[str, dict[str, Any]]] = {}
    for size in sizes:
        data = a.data_dir / f"n{size}"
        t0 = time.perf_counter()
        synth.generate(data, size)
        print(f"[{size:,}] corpus ready in {time.perf_counter() - t0:.0f} s", flush=True)
        reps = repeats if size <= 50_000 else 1
        res = results[size] = {}
        for step in ["floor"] + (STEPS if size < STREAM_ONLY else ["stream", "bigread"]):
            r = run_step(step, data, reps if step in ("floor", "tag", "tag2", "matcher") else 1)
            res[step] = r
            print(
                f"[{size:,}] {step}: {r['median']:.2f} s (x{r['repeats']}), peak {r['peak_rss_mb']:,.0f} MB "
                f"({r['wall']:.0f} s wall)",
                flush=True,
            )
        if size == sizes[0]:
            r = run_step("baseline", data, repeats, subsample)
            res["baseline"] = r
            print(
                f"[{size:,}] baseline: regex {r['median']:.2f} s, ours "
                f"{statistics.median(r['extra']['ours_seconds']):.2f} s on {r['n']:,} articles",
                flush=True,
            )

    info["load_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    raw = {
        "machine": info,
        "results": results,
        "seconds": time.perf_counter() - started,
        "repeats": repeats,
        "subsample": subsample,
        "argv": sys.argv[1:],
    }
    a.data_dir.mkdir(parents=True, exist_ok=True)
    (a.data_dir / ("results-quick.json" if a.quick else "results.json")).write_text(json.dumps(raw, indent=1))
    return report(results, sizes, info, started, a, repeats, subsample, out_path, sys.argv[1:])


def _note(step: str, r: dict[str, Any], at_size: dict[str, dict[str, Any]]) -> str:
    """The table's note for one step's figures ``r`` (``at_size``: every step at that size)."""
    notes = [f"median of {r['repeats']}"] if r["repeats"] > 1 else []
    if step == "tag2":
        notes.append(f"speed-up {at_size['tag']['median'] / r['median']:.2f}x")
    if step == "tag":
        e = r["extra"]
        notes.append(
            f"{e['mentions']:,} mentions, {e['bytes_per_mention_memory']:.0f} B/mention in memory, "
            f"{e['bytes_per_mention_parquet']:.1f} B on disk"
        )
    if step == "dedupe":
        notes.append(f"{r['extra']['copies']:,} copies")
    if step == "matcher":
        notes.append(_matcher_note(r, at_size))
    if step == "stream":
        e = r["extra"]
        return (
            f"{e['batches']} batches, {e['mentions']:,} mentions, {e['copies']:,} copies "
            f"({e['across']:,} across batches), {e['disk_mb']:,.0f} MB of Parquet"
        )
    return "; ".join(notes)


def _matcher_note(r: dict[str, Any], at_size: dict[str, dict[str, Any]]) -> str:
    """The bare matcher's note: its raw hits and how much faster it is than ``tag_mentions`` on the same text."""
    tag = at_size.get("tag")
    ratio = f"; {tag['median'] / r['median']:.1f}x faster than tag, n_jobs=1" if tag else ""
    return f"{r['extra']['raw_hits']:,} raw hits{ratio}"


def report(
    results: dict[int, dict[str, dict[str, Any]]],
    sizes: list[int],
    info: dict[str, Any],
    started: float,
    a: argparse.Namespace,
    repeats: int,
    subsample: int,
    out_path: Path,
    argv: list[str] | None,
) -> int:
    """Print the table and targets and write the results page.

    Args:
        results: ``{size: {step: figures}}`` as returned by ``bench/steps.py``.
        sizes: the sizes run, smallest first.
        info: the machine (see :func:`machine`).
        started: ``time.perf_counter()`` when the run started.
        a: the parsed flags.
        repeats, subsample: as run.
        out_path: the Markdown file.
        argv: the flags of the run, for the page.

    Returns:
        0 (targets are reported, never enforced).
    """
    # ---------------------------------------------------------------------------------------- the table
    small = sizes[0]
    rows = []
    for step in STEPS:
        for size in sizes:
            if step not in results[size]:
                continue
            r = results[size][step]
            per = r["median"] / r["n"]
            base = results[small][step]["median"] / results[small][step]["n"]
            note = _note(step, r, results[size])
            rows.append(
                _row(
                    LABELS[step],
                    size,
                    r["median"],
                    r["mb"],
                    r["n"],
                    r["peak_rss_mb"],
                    note,
                    per / base if size != small else None,
                )
            )
    for size in sizes:
        r = results[size].get("bigread")
        if r is None:
            continue
        e = r["extra"]
        rows.append(
            _row(
                LABELS["bigread"],
                size,
                r["median"],
                r["mb"],
                r["n"],
                r["peak_rss_mb"],
                f"{e['rows']:,} mention rows, {e['bytes_per_mention_memory']:.0f} B each in memory; MB/s "
                "over the Parquet files",
            )
        )
        rows.append(
            _row(
                "timeline (monthly) from them",
                size,
                e["timeline_seconds"],
                None,
                r["n"],
                e["timeline_peak_rss_mb"],
                f"{e['rows']:,} mention rows",
            )
        )
        rows.append(
            _row(
                "co-occurrence (sentence) from them",
                size,
                e["cooccurrence_seconds"],
                None,
                r["n"],
                e["cooccurrence_peak_rss_mb"],
                f"{e['rows']:,} mention rows",
            )
        )
    for size in sizes:
        r = results[size]["floor"]
        rows.append(
            _row(
                LABELS["floor"],
                size,
                r["median"],
                r["mb"],
                r["n"] or size,
                r["peak_rss_mb"],
                f"median of {r['repeats']}" if r["repeats"] > 1 else "",
            )
        )
    b = results[small]["baseline"]
    ours = statistics.median(b["extra"]["ours_seconds"])
    rows.append(
        _row(
            LABELS["baseline"],
            small,
            b["median"],
            b["mb"],
            b["n"],
            b["peak_rss_mb"],
            f"median of {b['repeats']}; {b['extra']['aliases']} alias forms, {b['extra']['regex_matches']:,} matches",
        )
    )
    rows.append(
        _row(
            LABELS["ours"],
            small,
            ours,
            b["mb"],
            b["n"],
            None,
            f"median of {b['repeats']}; {b['median'] / ours:.1f}x the regex alternation",
        )
    )
    tbl = table(rows)

    # -------------------------------------------------------------------------------------- targets
    streamed = sizes
    sizes = [s for s in sizes if "tag" in results[s]]
    tagged_sizes = [s for s in sizes if results[s]["tag"]["repeats"] > 1] or sizes
    tsize = max(tagged_sizes)
    tag = results[tsize]["tag"]
    tag_mbs = tag["mb"] / tag["median"]
    big = max(sizes)
    speedup = results[big]["tag"]["median"] / results[big]["tag2"]["median"]
    floor_mbs = results[tsize]["floor"]["mb"] / results[tsize]["floor"]["median"]
    if 200_000 in results:
        pipe = sum(results[200_000][s]["median"] for s in PIPELINE if s != "tag") + min(
            results[200_000]["tag"]["median"], results[200_000]["tag2"]["median"]
        )
        pipe_note = "measured at 200k"
    else:
        pipe = sum(results[big][s]["median"] for s in PIPELINE if s != "tag") + min(
            results[big]["tag"]["median"], results[big]["tag2"]["median"]
        )
        pipe = pipe * 200_000 / results[big]["load"]["n"]
        pipe_note = f"extrapolated linearly from {big:,}"
    lin = (results[big]["dedupe"]["median"] / results[big]["dedupe"]["n"]) / (
        results[small]["dedupe"]["median"] / results[small]["dedupe"]["n"]
    )
    targets = [
        (
            "tagging everything included >= 20 MB/s per core",
            tag_mbs >= TARGET_MBS,
            f"{tag_mbs:.1f} MB/s at {tsize:,} articles, n_jobs=1",
        ),
        ("n_jobs=2 >= 1.7x n_jobs=1", speedup >= TARGET_SPEEDUP, f"{speedup:.2f}x at {big:,} articles"),
        (
            "tagging within 20x of the read-and-lowercase floor",
            floor_mbs / tag_mbs <= TARGET_FLOOR,
            f"floor {floor_mbs:.0f} MB/s, {floor_mbs / tag_mbs:.0f}x the tagger",
        ),
        (
            "support extraction at least as fast as tagging (n_jobs=1)",
            results[big]["support"]["median"] <= results[big]["tag"]["median"],
            f"support {results[big]['support']['mb'] / results[big]['support']['median']:.1f} MB/s, tagging "
            f"{results[big]['tag']['mb'] / results[big]['tag']['median']:.1f} MB/s at {big:,} articles",
        ),
        (
            "whole pipeline (load, clean, dedupe, tag, timeline, co-occurrence, support) on 200k < 5 min",
            pipe < TARGET_PIPELINE_S,
            f"{pipe:.0f} s ({pipe_note}; tag with the faster of n_jobs 1 and 2)",
        ),
        (
            "near-duplicate detection linear",
            lin <= TARGET_LINEAR,
            f"per-article cost {lin:.2f}x from {small:,} to {big:,} articles",
        ),
    ]
    biggest = max(streamed)
    st = results[biggest]["stream"]
    rss_line = ", ".join(f"{results[s]['stream']['peak_rss_mb']:,.0f} MB at {s:,}" for s in streamed)
    if biggest >= STREAM_ONLY:
        targets.append(
            (
                "peak RSS streaming 1M articles from JSON-lines shards < 3 GB",
                st["peak_rss_mb"] < TARGET_STREAM_RSS_MB,
                rss_line,
            )
        )
        big_read = results[biggest].get("bigread")
        if big_read:
            e = big_read["extra"]
            worst = max(e["timeline_seconds"], e["cooccurrence_seconds"])
            targets.append(
                (
                    f"timeline and co-occurrence from {e['rows'] / 1e6:.1f}M mention rows in seconds",
                    worst < 60,
                    f"timeline {e['timeline_seconds']:.1f} s, co-occurrence "
                    f"{e['cooccurrence_seconds']:.1f} s (reading them: {big_read['median']:.1f} s)",
                )
            )
    else:
        flat = st["peak_rss_mb"] / results[small]["stream"]["peak_rss_mb"]
        targets.append(
            (
                "streaming memory flat (1M not run: python bench/run.py --million)",
                flat <= 1.5,
                f"{rss_line} ({flat:.2f}x from {small:,} to {biggest:,})",
            )
        )
    lines = [f"- {'PASS' if ok else 'MISS'}: {name} — {detail}" for name, ok, detail in targets]
    total = time.perf_counter() - started
    print()
    print(tbl)
    print()
    print("\n".join(lines))
    print(f"\nbench finished in {total / 60:.1f} min")
    if not a.no_write:
        write(out_path, info, streamed, tbl, lines, total, results, argv, repeats, subsample)
        print(f"wrote {out_path}")
    return 0


def write(
    path: Path,
    info: dict[str, Any],
    sizes: list[int],
    tbl: str,
    targets: list[str],
    total: float,
    results: dict[int, dict[str, dict[str, Any]]],
    argv: list[str] | None,
    repeats: int,
    subsample: int,
) -> None:
    """Write the results page (the table, the targets, how to read them)."""
    small = sizes[0]
    later = "".join(
        f"\nThe *{LABELS[step]}* rows at {size:,} were measured later, at commit {r['code']} "
        f"(`python bench/steps.py {step} bench/_data/n{size}`)."
        for size in sizes
        for step, r in results[size].items()
        if isinstance(r, dict) and r.get("code")
    )
    tag_size = max(s for s in sizes if "tag" in results[s])
    tag = results[tag_size]["tag"]["extra"]
    flags = " ".join(argv or []) or "defaults"
    text = f"""# Benchmark results

Written by `python bench/run.py` ({flags}) on {info["date"]}: {info["cores"]} cores, {info["memory_gib"]} GiB of
memory, {info["cpu"] or "unknown CPU"}, Python {info["python"]}. The whole run took {total / 60:.1f} minutes
(load average {info["load"]} at the start, {info.get("load_end", "?")} at the end: other
work on the machine slows the figures down).
Code: commit {info.get("code", "unknown")}. Sizes: {", ".join(f"{s:,}" for s in sizes)} synthetic articles
(about 600 words each, see `bench/synth.py`).{later}

{tbl}

Targets (reported, never enforced):

{chr(10).join(targets)}

How to read it:

- Each step runs in a fresh process (`bench/steps.py`); *seconds* is the median of {repeats} runs for
  the tagger rows (tag, n_jobs=2, bare matcher, regex baseline, floor) up to 50,000 articles and a single run above,
  one run for the other steps.
- *MB/s* is over the UTF-8 bytes of titles and texts (load and floor: bytes of the JSON-lines files).
- *peak RSS* is the step's high-water mark (`/proc/self/clear_refs`, then `VmHWM`), with its inputs
  in memory; for n_jobs=2 it is the parent only (the two workers are started by the forkserver, so
  they are not this process's children and their memory is not counted).
- *per-article cost vs smallest size* is (seconds / articles) at that size over the same at
  {small:,}: near 1 means the step grows linearly. Steps that take well under a second at {small:,}
  (timeline, co-occurrence) have noisy ratios; co-occurrence and n_jobs=2 fall below 1 because a fixed
  cost (building the matrix, starting the worker pool) is spread over more articles.
- The regex baseline is one `re` alternation of every alias form ({results[small]["baseline"]["extra"]["aliases"]}
  forms, escaped, longest first, with `(?<!\\w)` / `(?!\\w)` lookarounds) over the folded text of the first
  {subsample:,} articles; our tagger runs on the same articles (its figure includes roles, sentence
  and paragraph ids and building the frame).
- The *bare matcher* is the folding and the alias automaton's overlapping pass over the same titles and texts
  as *tag*, nothing else (no whole-word checks, readings, roles, sentences or frame): what tagging would cost
  if matching were all it did.
- Bytes per mention at {tag_size:,} articles: {tag["bytes_per_mention_memory"]:.0f} in memory
  (`memory_usage(deep=True)`; the doc_id and surface strings dominate, the categorical and int32 columns
  take 1-4 bytes each) and {tag["bytes_per_mention_parquet"]:.1f} on disk (Parquet, zstd).
- The pipeline target sums load, clean, dedupe, the faster tag and timeline and co-occurrence, each
  measured on its own.
- *stream to Parquet* is `helpers.tag_to_parquet` over the JSON-lines shards, one process: a first pass
  counts site template lines per source, then each batch of 10,000 articles is loaded, cleaned, checked
  for copies and tagged, and its mentions written by month; at the end copies whose original sits in
  another batch are linked from the batches' signatures and the files of those batches rewritten. Its
  MB/s is over the JSON-lines bytes; its peak RSS is the whole process and must stay flat as the corpus
  grows.
- At 1,000,000 articles only the floor, the streaming path and *read the streamed mentions back*
  (`read_mentions` of the whole dataset, then a monthly timeline and sentence co-occurrence on it; their
  peak RSS includes the mentions held in memory and what reading them left in the allocators) run: the
  in-memory steps would need about 20 GB.
"""
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
