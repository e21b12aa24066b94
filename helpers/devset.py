"""Score the kit on real news it was not written on: the real-text dev set in ``data/gold/real/``.

The project keeps only ids and labels; the texts stay in the real corpora beside the checkout
(``../shared/corpora``, see :data:`helpers.config.SHARED_DIR`). Layout of ``data/gold/real/``:

- ``corpora.csv``: ``corpus``, ``path`` (relative to ``shared/corpora``), ``description``, ``pack`` (the
  conflict pack(s) its items are tagged with, ``;``-separated; empty: the default);
- ``items.csv``: ``corpus``, ``row`` (0-based position of the record in the file as
  :func:`~helpers.corpus.load_corpus` reads it), ``check`` (a short hash of the row's title, to notice a
  changed file), ``stratum`` (how the item was drawn), ``second_pass`` (double-annotated), ``split``
  (``tune``: rules may be written while reading its errors; ``test``: untouched, reported apart);
- ``<corpus>.jsonl``: the labels, one line per item (``GUIDE.md`` section 3): ``actors`` present and
  ``support`` edges with ``modality``, ``support_type``, ``attributed_to`` and ``cue``;
- ``second_pass.jsonl``: a blind second annotation of 10% of the items, for agreement.

:func:`score_devset` tags and extracts on the items and scores actor presence and support edges per
corpus and split; :func:`devset_agreement` compares the two annotation passes.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from . import config

log = logging.getLogger(__name__)

REAL_DIR: Path = config.DATA_DIR / "gold" / "real"
MODALITIES = ("asserted", "alleged", "possible", "denied")


def check_hash(title: Any) -> str:
    """A short hash of a row's title, stored beside its row number to notice a changed corpus file."""
    return hashlib.sha1(str(title).encode("utf-8")).hexdigest()[:10]


def shared_corpora_dir() -> Path:
    """The folder of real corpora (``<shared>/corpora``); may not exist."""
    return config.SHARED_DIR / "corpora"


def _read_jsonl(path: Path) -> list[dict]:
    out = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError as e:
            raise ValueError(f"{path}, line {no}: {e.msg}") from None
    return out


def load_devset(folder: str | Path | None = None, labels: str = "first") -> pd.DataFrame:
    """The dev-set items with their labels.

    Args:
        folder: the dev-set folder (default ``data/gold/real``).
        labels: ``"first"`` (the labels of record, ``<corpus>.jsonl``) or ``"second"`` (the blind second
            pass, ``second_pass.jsonl``; only double-annotated items are returned).

    Returns:
        ``corpus``, ``row``, ``check``, ``stratum``, ``split``, ``second_pass``, ``actors`` (list of ids),
        ``support`` (list of edge dicts), ``labelled`` (bool: the item has a label line).

    Raises:
        ValueError: a label line naming an item that is not in ``items.csv`` (with file and line).
    """
    folder = Path(folder) if folder else REAL_DIR
    items = pd.read_csv(folder / "items.csv")
    files = (
        [folder / "second_pass.jsonl"]
        if labels == "second"
        else sorted(p for p in folder.glob("*.jsonl") if p.name != "second_pass.jsonl")
    )
    keys = set(zip(items["corpus"], items["row"]))
    found: dict[tuple[str, int], dict] = {}
    for path in files:
        if not path.exists():
            continue
        for no, rec in enumerate(_read_jsonl(path), start=1):
            key = (rec.get("corpus"), rec.get("row"))
            if key not in keys:
                raise ValueError(f"{path}, line {no}: {key} is not an item of items.csv")
            found[key] = rec
    items["labelled"] = [(c, r) in found for c, r in zip(items["corpus"], items["row"])]
    items["actors"] = [
        sorted(set(found.get((c, r), {}).get("actors", []))) for c, r in zip(items["corpus"], items["row"])
    ]
    items["support"] = [found.get((c, r), {}).get("support", []) for c, r in zip(items["corpus"], items["row"])]
    if labels == "second":
        items = items[items["labelled"]].reset_index(drop=True)
    return items


def devset_corpus(
    items: pd.DataFrame, corpora_dir: str | Path | None = None, folder: str | Path | None = None
) -> pd.DataFrame:
    """The CORPUS rows of the dev-set items, read from the real corpora, with ``corpus`` and ``row`` columns.

    Args:
        items: from :func:`load_devset`.
        corpora_dir: the real corpora folder (default ``<shared>/corpora``).
        folder: the dev-set folder holding ``corpora.csv`` (default ``data/gold/real``).

    Raises:
        FileNotFoundError: a corpus file is missing (the message names it).
        ValueError: a row's title no longer matches its recorded hash (the file changed).
    """
    from .corpus import load_corpus

    corpora_dir = Path(corpora_dir) if corpora_dir else shared_corpora_dir()
    registry = pd.read_csv(Path(folder or REAL_DIR) / "corpora.csv").set_index("corpus")["path"]
    parts = []
    for name, group in items.groupby("corpus", sort=True):
        path = corpora_dir / registry[name]
        if not path.exists():
            raise FileNotFoundError(f"dev set: corpus {name!r} expects {path}, which is missing")
        corpus = load_corpus(path)
        rows = group["row"].to_numpy()
        picked = corpus.iloc[rows].copy()
        bad = [int(r) for r, t, c in zip(rows, picked["title"], group["check"]) if check_hash(t) != c]
        if bad:
            raise ValueError(f"dev set: {path} has changed: rows {bad[:5]} no longer match their recorded titles")
        picked.insert(0, "row", rows)
        picked.insert(0, "corpus", name)
        parts.append(picked)
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 3), round(r, 3), round(f, 3)


@dataclass
class DevScore:
    """Scores on the real-text dev set.

    Attributes:
        summary: one row per ``split`` x ``corpus`` (and ``all``) x ``task`` (``presence``, ``support``)
            with ``items``, ``precision``, ``recall``, ``f1``, ``tp``, ``fp``, ``fn``; for support also
            ``modality``, ``support_type`` and ``attribution`` agreement on the edges found.
        errors: ``split``, ``corpus``, ``row``, ``task``, ``kind`` (missed, spurious), ``backer``,
            ``client`` (or ``actor``), and for predicted edges the ``sentence`` and ``cue``.
        edges: the predicted support edges with ``corpus``, ``row``, ``split`` and ``correct``.
    """

    summary: pd.DataFrame
    errors: pd.DataFrame
    edges: pd.DataFrame

    def table(self, task: str = "support") -> pd.DataFrame:
        """The summary rows of one task."""
        return self.summary[self.summary["task"] == task].reset_index(drop=True)

    def __repr__(self) -> str:
        return "DevScore\n" + self.summary.to_string(index=False)


def _gold_edges(support: list[dict]) -> dict[tuple[str, str], list[dict]]:
    out: dict[tuple[str, str], list[dict]] = {}
    for e in support:
        out.setdefault((e["backer"], e["client"]), []).append(e)
    return out


def _agree(pred: Any, gold: list[dict], key: str) -> bool:
    values = set()
    for e in gold:
        v = e.get(key, "")
        values |= set(v) if isinstance(v, list) else {v or ""}
    return str(pred or "") in values


def score_devset(
    items: pd.DataFrame | None = None,
    splits: Sequence[str] = ("tune", "test"),
    corpora_dir: str | Path | None = None,
    folder: str | Path | None = None,
    **tag_options: Any,
) -> DevScore:
    """Tag the dev-set items, extract support, and score both against the labels.

    Args:
        items: from :func:`load_devset` (default: the kit's dev set, labelled items only).
        splits: which splits to score (each is reported apart; ``test`` is the untouched part).
        corpora_dir: the real corpora folder (default ``<shared>/corpora``).
        folder: the dev-set folder (default ``data/gold/real``).
        **tag_options: passed to :func:`~helpers.mentions.tag_mentions` (e.g. ``gazetteer``).

    Returns:
        A :class:`DevScore`.
    """
    from .mentions import tag_mentions
    from .support import extract_support

    items = load_devset(folder) if items is None else items
    items = items[items["labelled"] & items["split"].isin(list(splits))].reset_index(drop=True)
    corpus = devset_corpus(items, corpora_dir, folder)
    packs = corpus_packs(folder)
    parts_m, parts_e = [], []
    for pack, part in corpus.groupby(corpus["corpus"].map(lambda c: packs.get(c, "")), sort=True):
        options = dict(tag_options)
        if "gazetteer" not in options and pack:
            options["gazetteer"] = pack.split(";")
        part = part.reset_index(drop=True)
        mentions = tag_mentions(part, **options)
        parts_m.append(mentions)
        parts_e.append(extract_support(part, mentions))
    mentions = pd.concat(parts_m, ignore_index=True) if parts_m else tag_mentions(corpus, **tag_options)
    edges = pd.concat(parts_e, ignore_index=True) if parts_e else extract_support(corpus, mentions)
    return score_predictions(items, corpus, mentions, edges)


def corpus_packs(folder: str | Path | None = None) -> dict[str, str]:
    """{corpus: conflict pack(s)} from ``corpora.csv``'s ``pack`` column (several joined by ``;``).

    A corpus without a pack (or a file without the column) is tagged with the default pack(s).
    """
    registry = pd.read_csv(Path(folder or REAL_DIR) / "corpora.csv")
    if "pack" not in registry.columns:
        return {}
    return {str(c): str(p) for c, p in zip(registry["corpus"], registry["pack"]) if isinstance(p, str) and p}


def _predicted(corpus: pd.DataFrame, mentions: pd.DataFrame, edges: pd.DataFrame) -> tuple[dict, dict, dict]:
    key_of = dict(zip(corpus["doc_id"], zip(corpus["corpus"], corpus["row"])))
    actors = mentions[mentions["role"] == "actor"] if "role" in mentions else mentions
    pred_actors: dict[tuple, set] = {}
    for d, e in zip(actors["doc_id"], actors["entity"].astype(str)):
        pred_actors.setdefault(key_of[d], set()).add(e)
    pred_edges: dict[tuple, dict[tuple[str, str], Any]] = {}
    for r in edges.itertuples(index=False):
        pred_edges.setdefault(key_of[r.doc_id], {}).setdefault((str(r.backer), str(r.client)), r)
    return key_of, pred_actors, pred_edges


def _count_item(counts: dict, it: Any, pred: set, gold_e: dict, pred_e: dict, columns: set) -> None:
    for scope in (it.corpus, "all"):
        c = counts.setdefault((it.split, scope, "presence"), [0] * 8)
        gold = set(it.actors)
        c[0] += 1
        c[1] += len(gold & pred)
        c[2] += len(pred - gold)
        c[3] += len(gold - pred)
        s = counts.setdefault((it.split, scope, "support"), [0] * 8)
        s[0] += 1
        s[1] += len(gold_e.keys() & pred_e.keys())
        s[2] += len(pred_e.keys() - gold_e.keys())
        s[3] += len(gold_e.keys() - pred_e.keys())
        for pair in gold_e.keys() & pred_e.keys():
            p = pred_e[pair]
            s[4] += _agree(p.modality, gold_e[pair], "modality") if "modality" in columns else 0
            s[5] += _agree(p.support_type, gold_e[pair], "support_type") if "support_type" in columns else 0
            s[6] += _agree(p.attributed_to, gold_e[pair], "attributed_to") if "attributed_to" in columns else 0


def _item_errors(it: Any, pred: set, gold_e: dict, pred_e: dict) -> list[tuple]:
    out = [
        (it.split, it.corpus, it.row, "presence", "missed" if a in it.actors else "spurious", a, "", "", "")
        for a in sorted(set(it.actors) ^ pred)
    ]
    for pair in sorted(gold_e.keys() - pred_e.keys()):
        out.append((it.split, it.corpus, it.row, "support", "missed", *pair, "", gold_e[pair][0].get("cue", "")))
    for pair in sorted(pred_e.keys() - gold_e.keys()):
        p = pred_e[pair]
        out.append((it.split, it.corpus, it.row, "support", "spurious", *pair, p.sentence, p.cue))
    return out


def _summary(counts: dict) -> pd.DataFrame:
    rows = []
    for (split, scope, task), c in sorted(counts.items()):
        n, tp, fp, fn = c[:4]
        row = {
            "split": split,
            "corpus": scope,
            "task": task,
            "items": n,
            **dict(zip(("precision", "recall", "f1"), _prf(tp, fp, fn))),
            "tp": tp,
            "fp": fp,
            "fn": fn,
        }
        if task == "support":
            row.update(
                modality=round(c[4] / tp, 3) if tp else None,
                support_type=round(c[5] / tp, 3) if tp else None,
                attribution=round(c[6] / tp, 3) if tp else None,
            )
        rows.append(row)
    return pd.DataFrame(rows)


def score_predictions(
    items: pd.DataFrame, corpus: pd.DataFrame, mentions: pd.DataFrame, edges: pd.DataFrame
) -> DevScore:
    """Score predicted mentions and support edges against the dev-set labels.

    Pure scoring, so any tagger's output (an older release's, a rival's) can be scored the same way.

    Args:
        items: labelled items (:func:`load_devset`), with ``split``.
        corpus: :func:`devset_corpus` of those items (``doc_id``, ``corpus``, ``row``).
        mentions: ``doc_id``, ``entity`` (and ``role``: only ``actor`` rows count when present).
        edges: ``doc_id``, ``backer``, ``client``, ``sentence``, ``cue``; ``modality``,
            ``support_type`` and ``attributed_to`` are scored when present.

    Returns:
        A :class:`DevScore`.
    """
    key_of, pred_actors, pred_edges = _predicted(corpus, mentions, edges)
    counts: dict[tuple, list[float]] = {}
    errors: list[tuple] = []
    columns = set(edges.columns)
    for it in items.itertuples(index=False):
        key = (it.corpus, it.row)
        pred, gold_e, pred_e = pred_actors.get(key, set()), _gold_edges(it.support), pred_edges.get(key, {})
        _count_item(counts, it, pred, gold_e, pred_e, columns)
        errors.extend(_item_errors(it, pred, gold_e, pred_e))
    err = pd.DataFrame(
        errors, columns=["split", "corpus", "row", "task", "kind", "backer", "client", "sentence", "cue"]
    )
    split_of = dict(zip(zip(items["corpus"], items["row"]), items["split"]))
    gold_pairs = {
        (it.corpus, it.row, e["backer"], e["client"]) for it in items.itertuples(index=False) for e in it.support
    }
    keys = [key_of[d] for d in edges["doc_id"]]
    edges = edges.assign(
        corpus=[k[0] for k in keys],
        row=[k[1] for k in keys],
        split=[split_of[k] for k in keys],
        correct=[(k[0], k[1], str(b), str(c)) in gold_pairs for k, b, c in zip(keys, edges["backer"], edges["client"])],
    )
    return DevScore(summary=_summary(counts), errors=err, edges=edges)


def _kappa(a: Sequence[bool], b: Sequence[bool]) -> float:
    n = len(a)
    if not n:
        return float("nan")
    po = sum(x == y for x, y in zip(a, b)) / n
    pa, pb = sum(a) / n, sum(b) / n
    pe = pa * pb + (1 - pa) * (1 - pb)
    return round((po - pe) / (1 - pe), 3) if pe < 1 else 1.0


def devset_agreement(folder: str | Path | None = None, vocabulary: Sequence[str] | None = None) -> pd.DataFrame:
    """Agreement between the two annotation passes on the double-annotated items.

    Presence: Cohen's kappa over every (item, actor id) decision, the actor ids being the gazetteer's
    (or ``vocabulary``) plus any id either pass used. Edges: F1 of the second pass against the first on
    (item, backer, client).

    Returns:
        One row per corpus and ``all``: ``items``, ``presence_kappa``, ``presence_f1``, ``edge_f1``,
        ``edges_first``, ``edges_second``.
    """
    first = load_devset(folder)
    second = load_devset(folder, labels="second")
    if vocabulary is None:
        from .gazetteer import load_gazetteer

        vocabulary = list(load_gazetteer().actors.index)
    a = first.set_index(["corpus", "row"])
    rows = []
    for scope, group in [*second.groupby("corpus"), ("all", second)]:
        dec_a, dec_b, tp = [], [], [0, 0, 0, 0, 0, 0]
        for it in group.itertuples(index=False):
            g1 = set(a.at[(it.corpus, it.row), "actors"])
            g2 = set(it.actors)
            for actor in sorted(set(vocabulary) | g1 | g2):
                dec_a.append(actor in g1)
                dec_b.append(actor in g2)
            e1 = set(_gold_edges(a.at[(it.corpus, it.row), "support"]))
            e2 = set(_gold_edges(it.support))
            tp[0] += len(g1 & g2)
            tp[1] += len(g2 - g1)
            tp[2] += len(g1 - g2)
            tp[3] += len(e1 & e2)
            tp[4] += len(e2 - e1)
            tp[5] += len(e1 - e2)
        rows.append(
            {
                "corpus": scope,
                "items": len(group),
                "presence_kappa": _kappa(dec_a, dec_b),
                "presence_f1": _prf(*tp[:3])[2],
                "edge_f1": _prf(*tp[3:])[2],
                "edges_first": tp[3] + tp[5],
                "edges_second": tp[3] + tp[4],
            }
        )
    return pd.DataFrame(rows)
