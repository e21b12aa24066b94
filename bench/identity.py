"""Identical output check for tagger speed work: save ``tag_mentions`` outputs once, compare after every change.

Usage::

    python bench/identity.py save     # writes bench/_data/identity/<name>.pkl (before the first change)
    python bench/identity.py check    # tags again and compares every column (pandas.testing.assert_frame_equal)
    python bench/identity.py check --only fakes sudan

Corpora: the bundled English and Arabic samples, the synthetic bench corpus (``bench/_data/n10000``, when
``bench/run.py`` made it), and the real corpora beside the checkout (``<shared>/corpora``, skipped when absent):
FA-KES (804 articles), the Guardian headlines (23k), Al Jazeera and Sudan RSS entries (Sudan with the Sudan
pack, as ``data/gold/real/corpora.csv`` says). The support edges (``extract_support``) are saved on FA-KES too.
The pickles stay under ``bench/_data`` (gitignored): they hold text of the real corpora.
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
OUT = HERE / "_data" / "identity"


def _real(rel: str) -> Callable[[], pd.DataFrame | None]:
    def load() -> pd.DataFrame | None:
        import helpers as h
        from helpers import config

        path = config.SHARED_DIR / "corpora" / rel
        return h.load_corpus(path) if path.is_file() else None

    return load


def _sample(which: str) -> Callable[[], pd.DataFrame | None]:
    def load() -> pd.DataFrame | None:
        import helpers as h
        from helpers import config

        return h.load_corpus(config.SAMPLE_CORPUS_AR if which == "ar" else config.SAMPLE_CORPUS)

    return load


def _bench() -> pd.DataFrame | None:
    path = HERE / "_data" / "n10000" / "corpus.parquet"
    return pd.read_parquet(path) if path.is_file() else None


#: name -> (corpus loader, tag_mentions options, also save the support edges)
CORPORA: dict[str, tuple[Callable[[], pd.DataFrame | None], dict, bool]] = {
    "sample_en": (_sample("en"), {}, True),
    "sample_ar": (_sample("ar"), {}, True),
    "fakes": (_real("fa-kes/FA-KES-Dataset.csv"), {}, True),
    "guardian": (_real("guardian-syria-headlines/guardian_syria_headlines_2011_2023.csv"), {}, False),
    "aljazeera": (_real("aljazeera-rss-2024/entries.tsv"), {}, False),
    "sudan": (_real("sudan-rss-2023/entries.tsv"), {"gazetteer": ["sudan"]}, False),
    "bench10k": (_bench, {}, False),
}


def outputs(name: str) -> dict[str, pd.DataFrame] | None:
    """The tagger's outputs on one corpus (``mentions``, and ``edges`` where asked), or ``None`` if absent."""
    import helpers as h

    load, options, edges = CORPORA[name]
    corpus = load()
    if corpus is None:
        return None
    t0 = time.perf_counter()
    m = h.tag_mentions(corpus, **options)
    out = {"mentions": m}
    took = time.perf_counter() - t0
    if edges:
        out["edges"] = h.extract_support(corpus, m)
    print(f"{name}: {len(corpus):,} articles, {len(m):,} mentions, tagged in {took:.2f} s", flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    """Save or check the outputs (see the module docstring)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("mode", choices=["save", "check"])
    ap.add_argument("--only", nargs="*", default=None, help="corpus names (default: all)")
    a = ap.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    bad = 0
    for name in a.only or list(CORPORA):
        got = outputs(name)
        path = OUT / f"{name}.pkl"
        if got is None:
            print(f"{name}: corpus absent, skipped")
            continue
        if a.mode == "save":
            path.write_bytes(pickle.dumps(got))
            continue
        want = pickle.loads(path.read_bytes())
        for key, frame in want.items():
            try:
                pd.testing.assert_frame_equal(got[key], frame)
            except AssertionError as e:
                bad += 1
                print(f"{name} {key}: DIFFERENT\n{str(e)[:2000]}")
            else:
                print(f"{name} {key}: identical ({len(frame):,} rows)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
