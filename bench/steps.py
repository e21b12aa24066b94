"""One benchmark step, run in a fresh process: ``python bench/steps.py STEP DATA_DIR [--repeats N] [--subsample K]``.

``bench/run.py`` calls this once per step and size, so each step's memory is measured on its own. A step
reads its inputs from ``DATA_DIR`` (the previous step's Parquet output; not timed), then:

- resets the process's peak-RSS counter (``/proc/self/clear_refs``, Linux) once its inputs are in memory,
- runs the step ``--repeats`` times, timing each run with ``time.perf_counter``,
- reads the peak RSS of the step (``VmHWM`` in ``/proc/self/status``; it includes the inputs held in
  memory; worker processes, for ``n_jobs=2``, are reported apart from ``RUSAGE_CHILDREN``),
- writes its output for the next step, and prints one JSON line with the timings.

Where ``clear_refs`` is not available the peak is ``resource.getrusage(RUSAGE_SELF).ru_maxrss``
(the whole process, input loading included), and the JSON says so.

Steps: ``stream`` (``tag_to_parquet`` of the JSON-lines shards in batches of 10,000, ``n_jobs=1``: load,
clean with corpus-wide template lines, duplicates within and across batches, tag, write by month; memory
holds one batch at a time), ``floor`` (read the shards and lower-case them), ``load`` (``load_corpus`` of the
JSON lines, cleaning and duplicate detection off), ``clean`` (the loader's cleaning: line rules per article, then
site template lines per source), ``dedupe`` (``find_duplicates``), ``tag`` / ``tag2`` (``tag_mentions``
with sentence ids, ``n_jobs`` 1 / 2), ``matcher`` (the bare matcher: fold and the Aho-Corasick pass alone,
over the same titles and texts as ``tag``), ``baseline`` (a regular-expression alternation of every alias form
against ``tag_mentions`` on the same first K articles), ``timeline`` (``mention_timeline``, monthly),
``cooccurrence`` (sentence windows), ``support`` (``extract_support``), ``support_ar`` (``extract_support`` on the
bundled Arabic sample, repeated; the data folder is not read).
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd


def _hwm_reset() -> bool:
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _hwm_mb(reset_ok: bool) -> float:
    if reset_ok:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _text_mb(corpus: pd.DataFrame) -> float:
    n = 0
    for col in ("title", "text"):
        n += sum(len(t.encode("utf-8")) for t in corpus[col].fillna("").tolist())
    return n / 1e6


def _measure(fn: Callable[[], Any], repeats: int) -> tuple[list[float], Any, dict[str, Any]]:
    gc.collect()
    base = _rss_mb()
    ok = _hwm_reset()
    times, out = [], None
    cpu0 = time.process_time()
    for _ in range(repeats):
        out = None
        gc.collect()
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    mem = {
        "cpu_seconds": round((time.process_time() - cpu0) / repeats, 2),  # this process only
        "peak_rss_mb": round(_hwm_mb(ok), 1),
        "base_rss_mb": round(base, 1),
        "rss_method": "VmHWM after clear_refs" if ok else "ru_maxrss (whole process)",
        "children_max_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
    }
    return times, out, mem


def _shards(data: Path) -> list[Path]:
    return sorted(data.glob("shard-*.jsonl"))


def _clean(raw: pd.DataFrame) -> pd.DataFrame:
    """The loader's cleaning, as ``load_corpus`` applies it to JSON-lines records (see corpus._build_frame)."""
    from helpers import cleaning

    titles = raw["title"].fillna("").tolist()
    texts = raw["text"].fillna("").tolist()
    sources = raw["source"].fillna("").tolist()
    for i in range(len(texts)):
        res = cleaning.clean_document(texts[i], title=titles[i] or None, scraped=False)
        if not titles[i] and res.title:
            titles[i] = res.title
        texts[i] = res.text
    templates = cleaning.find_template_lines(zip(sources, texts), min_docs=3)
    for i, src in enumerate(sources):
        t = templates.get(src)
        if t:
            texts[i], _ = cleaning.remove_template_lines(texts[i], t)
    out = raw.copy()
    out["title"] = pd.array([t.strip() for t in titles], dtype="string")
    out["text"] = pd.array(texts, dtype="string")
    out["n_chars"] = pd.array([len(t) for t in texts], dtype="int64")
    return out


def _step_floor(
    h: Any, step: str, data: Path, info: dict[str, Any], res: dict[str, Any], repeats: int, subsample: int
) -> tuple[list[float], dict[str, Any]]:
    """The ``floor`` step (see the module docstring)."""
    data / "info.json"
    shards = _shards(data)

    def floor() -> int:
        n = 0
        for p in shards:
            n += len(p.read_bytes().decode("utf-8").lower())
        return n

    times, _, mem = _measure(floor, repeats)
    res.update(mb=sum(p.stat().st_size for p in shards) / 1e6, n=info.get("articles"))
    return times, mem


def _step_load(
    h: Any, step: str, data: Path, info: dict[str, Any], res: dict[str, Any], repeats: int, subsample: int
) -> tuple[list[float], dict[str, Any]]:
    """The ``load`` step (see the module docstring)."""
    info_path = data / "info.json"
    shards = _shards(data)
    times, corpus, mem = _measure(lambda: h.load_corpus(shards, clean=False, dedupe_threshold=None), 1)
    file_mb = sum(p.stat().st_size for p in shards) / 1e6
    raw = corpus.drop(columns=["duplicate_of"])
    raw.attrs = {}  # the LoadReport in attrs is not JSON: pandas 3 cannot write it to Parquet
    raw.to_parquet(data / "raw.parquet")
    info = {"articles": len(corpus), "file_mb": file_mb, "raw_text_mb": _text_mb(corpus)}
    info_path.write_text(json.dumps(info))
    res.update(mb=file_mb, n=len(corpus))
    return times, mem


def _step_clean(
    h: Any, step: str, data: Path, info: dict[str, Any], res: dict[str, Any], repeats: int, subsample: int
) -> tuple[list[float], dict[str, Any]]:
    """The ``clean`` step (see the module docstring)."""
    info_path = data / "info.json"
    raw = pd.read_parquet(data / "raw.parquet")
    times, clean, mem = _measure(lambda: _clean(raw), 1)
    clean.to_parquet(data / "clean.parquet")
    info["text_mb"] = _text_mb(clean)
    info_path.write_text(json.dumps(info))
    res.update(mb=info["raw_text_mb"], n=len(clean))
    return times, mem


def _step_dedupe(
    h: Any, step: str, data: Path, info: dict[str, Any], res: dict[str, Any], repeats: int, subsample: int
) -> tuple[list[float], dict[str, Any]]:
    """The ``dedupe`` step (see the module docstring)."""
    data / "info.json"
    corpus = pd.read_parquet(data / "clean.parquet")
    times, d, mem = _measure(lambda: h.find_duplicates(corpus, threshold=0.7), 1)
    corpus["duplicate_of"] = d["duplicate_of"]
    corpus.to_parquet(data / "corpus.parquet")
    res.update(mb=info["text_mb"], n=len(corpus), extra={"copies": int(d["duplicate_of"].notna().sum())})
    return times, mem


def _step_tag(
    h: Any, step: str, data: Path, info: dict[str, Any], res: dict[str, Any], repeats: int, subsample: int
) -> tuple[list[float], dict[str, Any]]:
    """The ``tag``/``tag2`` step (see the module docstring)."""
    data / "info.json"
    corpus = pd.read_parquet(data / "corpus.parquet")
    n_jobs = 1 if step == "tag" else 2
    h.tag_mentions(corpus.head(20))  # builds the tagger once (the automaton), as any session does
    times, m, mem = _measure(lambda: h.tag_mentions(corpus, n_jobs=n_jobs), repeats)
    res.update(mb=info["text_mb"], n=len(corpus))
    if step == "tag":
        path = data / "mentions.parquet"
        m.to_parquet(path, compression="zstd")
        res["extra"] = {
            "mentions": len(m),
            "bytes_per_mention_memory": float(m.memory_usage(deep=True).sum()) / len(m),
            "bytes_per_mention_parquet": path.stat().st_size / len(m),
        }
    return times, mem


def _step_support_ar(
    h: Any, step: str, data: Path, info: dict[str, Any], res: dict[str, Any], repeats: int, subsample: int
) -> tuple[list[float], dict[str, Any]]:
    """The ``support_ar`` step: backing statements on the bundled Arabic sample, its texts repeated ``subsample //
    100`` times (tagged once, untimed; ``data`` is not read)."""
    sample = h.load_corpus(h.config.SAMPLE_CORPUS_AR)
    corpus = pd.concat([sample] * max(1, subsample // 100), ignore_index=True)
    corpus["doc_id"] = [f"d{i}" for i in range(len(corpus))]
    mentions = h.tag_mentions(corpus)
    h.extract_support(corpus.head(20), mentions[mentions["doc_id"].isin(corpus["doc_id"].head(20))])
    times, edges, mem = _measure(lambda: h.extract_support(corpus, mentions), repeats)
    res.update(mb=_text_mb(corpus), n=len(corpus), extra={"edges": len(edges)})
    return times, mem


def _step_matcher(
    h: Any, step: str, data: Path, info: dict[str, Any], res: dict[str, Any], repeats: int, subsample: int
) -> tuple[list[float], dict[str, Any]]:
    """The ``matcher`` step: the bare matcher on the texts ``tag`` reads (see the module docstring)."""
    from helpers.mentions import get_tagger

    corpus = pd.read_parquet(data / "corpus.parquet")
    texts = [t for col in ("title", "text") for t in corpus[col].tolist() if isinstance(t, str) and t]
    ac = get_tagger().automaton

    def matcher() -> int:
        return bare_matches(ac, texts)

    times, found, mem = _measure(matcher, repeats)
    res.update(mb=info["text_mb"], n=len(corpus), extra={"raw_hits": found})
    return times, mem


def bare_matches(automaton: Any, texts: list[str]) -> int:
    """The bare matcher: every text folded and run through the alias automaton (overlapping matches, no
    whole-word check, no readings, roles, sentences or frame); returns the number of raw hits."""
    from helpers.textnorm import fold

    n = 0
    for t in texts:
        n += len(automaton.find_matches_as_indexes(fold(t), overlapping=True))
    return n


def _step_baseline(
    h: Any, step: str, data: Path, info: dict[str, Any], res: dict[str, Any], repeats: int, subsample: int
) -> tuple[list[float], dict[str, Any]]:
    """The ``baseline`` step (see the module docstring)."""
    data / "info.json"
    from helpers.mentions import get_tagger
    from helpers.textnorm import fold

    corpus = pd.read_parquet(data / "corpus.parquet").head(subsample)
    tagger = get_tagger()
    keys = sorted(tagger.keys, key=len, reverse=True)
    rx = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in keys) + r")(?!\w)")
    texts = [t for pair in zip(corpus["title"].tolist(), corpus["text"].tolist()) for t in pair if t]

    def regex() -> int:
        return sum(1 for t in texts for _ in rx.finditer(fold(t)))

    times, found, mem = _measure(regex, repeats)
    h.tag_mentions(corpus.head(20))
    ours, m, _ = _measure(lambda: h.tag_mentions(corpus), repeats)
    res.update(
        mb=_text_mb(corpus),
        n=len(corpus),
        extra={"ours_seconds": ours, "regex_matches": found, "our_mentions": len(m), "aliases": len(keys)},
    )
    return times, mem


def _step_stream(
    h: Any, step: str, data: Path, info: dict[str, Any], res: dict[str, Any], repeats: int, subsample: int
) -> tuple[list[float], dict[str, Any]]:
    """The ``stream`` step (see the module docstring)."""
    data / "info.json"
    shards = _shards(data)
    out_dir = data / "stream-mentions"

    def stream() -> Path:
        return h.tag_to_parquet(shards, out_dir, batch_size=10_000, overwrite=True)

    h.tag_mentions(pd.DataFrame({"doc_id": ["x"], "title": ["Russia"], "text": [""]}))  # the automaton
    times, _, mem = _measure(stream, 1)
    meta = json.loads((out_dir / "_meta.json").read_text())
    disk = sum(p.stat().st_size for p in out_dir.rglob("*.parquet"))
    # the dataset stays for the ``bigread`` step (the next stream run replaces it)
    res.update(
        mb=sum(p.stat().st_size for p in shards) / 1e6,
        n=meta["articles"],
        extra={
            "mentions": meta["mentions"],
            "batches": meta["batches"],
            "copies": meta.get("duplicates", 0),
            "across": meta.get("duplicates_across_batches", 0),
            "disk_mb": disk / 1e6,
        },
    )
    return times, mem


def _step_bigread(
    h: Any, step: str, data: Path, info: dict[str, Any], res: dict[str, Any], repeats: int, subsample: int
) -> tuple[list[float], dict[str, Any]]:
    """The ``bigread`` step (see the module docstring)."""
    data / "info.json"
    # analyses straight from the streamed dataset (at 1M articles, about 13M mention rows)
    out_dir = data / "stream-mentions"
    times, m, mem = _measure(lambda: h.read_mentions(out_dir), 1)
    tl, _, mem_tl = _measure(lambda: h.mention_timeline(m, None, freq="M"), 1)
    co, _, mem_co = _measure(lambda: h.cooccurrence(m, window="sentence"), 1)
    res.update(
        mb=sum(p.stat().st_size for p in out_dir.rglob("*.parquet")) / 1e6,
        n=info.get("articles") or json.loads((out_dir / "_meta.json").read_text())["articles"],
        extra={
            "rows": len(m),
            "timeline_seconds": tl[0],
            "cooccurrence_seconds": co[0],
            "timeline_peak_rss_mb": mem_tl["peak_rss_mb"],
            "cooccurrence_peak_rss_mb": mem_co["peak_rss_mb"],
            "bytes_per_mention_memory": float(m.memory_usage(deep=True).sum()) / max(len(m), 1),
        },
    )
    return times, mem


def _step_timeline(
    h: Any, step: str, data: Path, info: dict[str, Any], res: dict[str, Any], repeats: int, subsample: int
) -> tuple[list[float], dict[str, Any]]:
    """The ``timeline``/``cooccurrence``/``support`` step (see the module docstring)."""
    data / "info.json"
    corpus = pd.read_parquet(data / "corpus.parquet")
    m = pd.read_parquet(data / "mentions.parquet")
    fn = {
        "timeline": lambda: h.mention_timeline(m, corpus, freq="M"),
        "cooccurrence": lambda: h.cooccurrence(m, window="sentence"),
        "support": lambda: h.extract_support(corpus, m),
    }[step]
    if step == "support":  # compile the cue lexicon's patterns first, as the tagger's runs are warm (median of 3)
        h.extract_support(corpus.head(20), m[m["doc_id"].isin(set(corpus["doc_id"].head(20)))])
    times, out, mem = _measure(fn, 1)
    res.update(mb=info["text_mb"], n=len(corpus), extra={"rows": len(out)})
    return times, mem


# --------------------------------------------------------------------------------------------------
# before/after steps (bench/compare.py runs them with an older checkout's helpers and with this one's)


class _TreeMemory:
    """Samples the memory of this process and every process under it (workers included) every ``every``
    seconds: the peak of the summed PSS (shared pages counted once), from ``/proc``."""

    def __init__(self, every: float = 0.25) -> None:
        import threading

        self.every, self.peak_mb, self._stop = every, 0.0, threading.Event()
        self._cpu: dict[int, float] = {}  # CPU seconds last seen per process under this one
        self._thread = threading.Thread(target=self._run, daemon=True)

    @property
    def workers_cpu(self) -> float:
        """CPU seconds of the processes under this one (sampled: the last fraction of a second may be missed)."""
        return sum(self._cpu.values())

    def __enter__(self) -> _TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            self.peak_mb = max(self.peak_mb, _tree_pss_mb(self._cpu))


def _tree_pss_mb(cpu: dict[int, float]) -> float:
    """Summed PSS of this process and those under it; records their CPU seconds (not this one's) in ``cpu``."""
    import os

    tick = os.sysconf("SC_CLK_TCK")
    parent: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                parent[int(d.name)] = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, todo = set(), [os.getpid()]
    while todo:
        pid = todo.pop()
        tree.add(pid)
        todo.extend(c for c, p in parent.items() if p == pid and c not in tree)
    kb = 0
    for pid in tree - {os.getpid()}:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            cpu[pid] = (int(fields[11]) + int(fields[12])) / tick
        except (OSError, IndexError, ValueError):
            pass
    for pid in tree:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    kb += int(line.split()[1])
        except OSError:
            continue
    return kb / 1024


def _accepts(fn: Any, name: str) -> bool:
    import inspect

    return name in inspect.signature(fn).parameters


def _step_dedupe_jobs(
    h: Any, step: str, data: Path, info: dict[str, Any], res: dict[str, Any], repeats: int, subsample: int
) -> tuple[list[float], dict[str, Any]]:
    """``dedupe2``: ``find_duplicates`` with ``n_jobs=2`` (code without ``n_jobs`` runs in one process)."""
    corpus = pd.read_parquet(data / "clean.parquet")
    kw = {"n_jobs": 2} if _accepts(h.find_duplicates, "n_jobs") else {}
    with _TreeMemory() as tree:
        times, d, mem = _measure(lambda: h.find_duplicates(corpus, threshold=0.7, **kw), repeats)
    mem.update(tree_peak_mb=round(tree.peak_mb, 1), workers_cpu_seconds=round(tree.workers_cpu / repeats, 2))
    res.update(mb=info["text_mb"], n=len(corpus), extra={"copies": int(d["duplicate_of"].notna().sum()), **kw})
    return times, mem


def _stream_old_api(h: Any, shards: list[Path], out_dir: Path, n_jobs: int) -> None:
    """What ``tag_to_parquet(..., n_jobs, support=True)`` does, written with the API of code that has no
    ``support`` option: batches loaded, cleaned and checked for copies in this process, each tagged and its
    backing statements extracted with ``n_jobs`` workers, then copies linked across batches."""
    from helpers import dedupe
    from helpers import streaming as st

    opts, tag_opts = st.split_options({})
    batches = st.plan_batches(shards, 10_000, opts.strict_csv)
    out = st.prepare_out_dir(out_dir, True)
    gazetteer, model, tag_opts = st.resolve_tagging(tag_opts)
    sink: list = []
    n = 0
    (out / "support").mkdir()
    for i, batch in enumerate(st._iter_batches(batches, opts, sink)):
        m = h.tag_mentions(batch, gazetteer, n_jobs=n_jobs, options=h.TagOptions(sentence_model=model))
        st.write_partitions(m, out, f"part-{i:05d}")
        s = h.extract_support(
            batch, m, gazetteer=gazetteer, n_jobs=n_jobs, options=h.SupportOptions(sentence_model=model)
        )
        st.for_parquet(s).to_parquet(out / "support" / f"part-{i:05d}.parquet")
        st.write_signatures(dedupe.batch_signatures(batch, sink.pop(), i, n), out, i)
        n += len(batch)
    st.link_batches_on_disk(out, opts.dedupe_threshold)


def _step_stream_jobs(
    h: Any, step: str, data: Path, info: dict[str, Any], res: dict[str, Any], repeats: int, subsample: int
) -> tuple[list[float], dict[str, Any]]:
    """``stream1``/``stream2``: load, clean, copies, tag and backing statements streamed to Parquet in batches
    of 10,000 with ``n_jobs`` 1/2, peak memory of every process included."""
    shards = _shards(data)
    out_dir = data / f"stream-{step}"
    n_jobs = 2 if step == "stream2" else 1
    new_api = _accepts(h.tag_to_parquet, "support")

    def stream() -> None:
        if new_api:
            h.tag_to_parquet(shards, out_dir, batch_size=10_000, n_jobs=n_jobs, overwrite=True, support=True)
        else:
            _stream_old_api(h, shards, out_dir, n_jobs)

    h.tag_mentions(pd.DataFrame({"doc_id": ["x"], "title": ["Russia"], "text": [""]}))  # the automaton
    with _TreeMemory() as tree:
        times, _, mem = _measure(stream, 1)
    mem.update(tree_peak_mb=round(tree.peak_mb, 1), workers_cpu_seconds=round(tree.workers_cpu, 2))
    n_support = sum(len(pd.read_parquet(p, columns=["doc_id"])) for p in (out_dir / "support").glob("*.parquet"))
    mentions = sum(pd.read_parquet(p, columns=["doc_id"]).shape[0] for p in out_dir.glob("month=*/*.parquet"))
    res.update(
        mb=sum(p.stat().st_size for p in shards) / 1e6,
        n=info.get("articles") or sum(1 for p in shards for _ in p.open("rb")),
        extra={"mentions": mentions, "support": n_support, "api": "tag_to_parquet" if new_api else "loop"},
    )
    return times, mem


#: Each step's function, by name.
_STEPS: dict[str, Any] = {
    "floor": _step_floor,
    "load": _step_load,
    "clean": _step_clean,
    "dedupe": _step_dedupe,
    "tag": _step_tag,
    "tag2": _step_tag,
    "matcher": _step_matcher,
    "baseline": _step_baseline,
    "stream": _step_stream,
    "bigread": _step_bigread,
    "timeline": _step_timeline,
    "cooccurrence": _step_timeline,
    "support": _step_timeline,
    "support_ar": _step_support_ar,
    "dedupe2": _step_dedupe_jobs,
    "stream1": _step_stream_jobs,
    "stream2": _step_stream_jobs,
}


def run(step: str, data: Path, repeats: int, subsample: int) -> dict[str, Any]:
    """Run one step on the data set in ``data`` and return its figures."""
    import helpers as h

    info_path = data / "info.json"
    info = json.loads(info_path.read_text()) if info_path.is_file() else {}
    res: dict[str, Any] = {"step": step}

    fn = _STEPS.get(step)
    if fn is None:
        raise SystemExit(f"unknown step {step!r}")
    times, mem = fn(h, step, data, info, res, repeats, subsample)
    res.update(seconds=times, median=statistics.median(times), repeats=len(times), **mem)
    return res


def main() -> None:
    """Command line: run one step and print its figures as one JSON line."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("step")
    ap.add_argument("data", type=Path)
    ap.add_argument("--repeats", type=int, default=1)
    ap.add_argument("--subsample", type=int, default=3000)
    a = ap.parse_args()
    import logging

    logging.basicConfig(level=logging.WARNING)
    out = run(a.step, a.data, a.repeats, a.subsample)
    sys.stdout.write(json.dumps(out) + "\n")


if __name__ == "__main__":
    main()
