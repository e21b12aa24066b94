"""Measure the tagger and the support extractor against the hand-annotated gold set.

The gold set (``data/gold/passages.jsonl``, format in ``data/gold/README.md``) marks every mention
inline as ``{{surface|entity}}`` (an actor reading) or ``{{surface|entity|place}}`` (a place reading)
and lists every backing statement. Scoring:

- **mentions** (actor readings): a predicted mention is correct when it overlaps a gold mention of
  the same entity in the same passage (one-to-one); exact-span agreement is reported beside it;
- **roles**: of the gold mentions found, the share whose actor/place reading agrees;
- **support edges**: ``(passage, backer, client)`` sets; modality agreement on the edges found.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from . import config
from .arabic import language_of

_MARK = re.compile(r"\{\{([^{}|]+)\|([a-z0-9_]+)(?:\|(place|outlet|language|origin|people|qualifier))?\}\}")


def parse_marked(text: str) -> tuple[str, list[tuple[int, int, str, str]]]:
    """Strip ``{{surface|entity[|place]}}`` markers.

    Returns:
        The plain text and the mentions as ``(start, end, entity, role)``.

    Raises:
        ValueError: a malformed marker (unbalanced braces).
    """
    out, mentions, pos = [], [], 0
    length = 0
    for m in _MARK.finditer(text):
        out.append(text[pos : m.start()])
        length += m.start() - pos
        surface = m.group(1)
        mentions.append((length, length + len(surface), m.group(2), m.group(3) or "actor"))
        out.append(surface)
        length += len(surface)
        pos = m.end()
    out.append(text[pos:])
    plain = "".join(out)
    if "{{" in plain or "}}" in plain:
        raise ValueError(f"malformed mention marker in: {text[:80]!r}")
    return plain, mentions


def load_gold(path: str | Path | Sequence[str | Path] | None = None) -> pd.DataFrame:
    """Read the gold set.

    Args:
        path: a JSON-lines file, or a list of them (default: the kit's English ``data/gold/passages.jsonl``
            and Arabic ``data/gold/passages_ar.jsonl``).

    Returns:
        A frame ``id, style, date (UTC), field, text (plain), mentions (list of (start, end, entity,
        role)), support (list of dicts), note, language`` (a line's ``language``, else the passage's script:
        :func:`helpers.arabic.language_of`; a passage too short to tell takes its file's usual language).

    Raises:
        ValueError: a line that is not valid JSON or has a malformed marker (with the line number).
    """
    if path is None:
        paths = [p for p in (config.GOLD, config.GOLD_AR) if p == config.GOLD or p.is_file()]
    elif isinstance(path, (str, Path)):
        paths = [Path(path)]
    else:
        paths = [Path(p) for p in path]
    rows = [row for p in paths for row in _gold_rows(p)]
    df = pd.DataFrame(rows)
    df["date"] = pd.to_datetime(df["date"], utc=True)
    return df


def _gold_rows(path: Path) -> list[dict[str, Any]]:
    """The passages of one gold file (see :func:`load_gold`)."""
    rows = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            plain, mentions = parse_marked(d["text"])
            pid = d["id"]
        except (json.JSONDecodeError, KeyError, ValueError) as e:
            raise ValueError(f"{path}, line {no}: {e}") from None
        rows.append(
            {
                "id": pid,
                "style": d.get("style", ""),
                "date": d.get("date"),
                "field": d.get("field", "text"),
                "text": plain,
                "mentions": mentions,
                "support": d.get("support", []),
                "note": d.get("note", ""),
                "language": d.get("language") or language_of(plain),
            }
        )
    # a short headline may be too short to tell: it takes the language of most of its file's passages
    known = pd.Series([r["language"] for r in rows if r["language"] != "und"], dtype="object")
    if len(known):
        usual = known.value_counts().index[0]
        for r in rows:
            r["language"] = usual if r["language"] == "und" else r["language"]
    return rows


def gold_corpus(gold: pd.DataFrame) -> pd.DataFrame:
    """The gold passages as a CORPUS frame (headline passages in ``title``, others in ``text``)."""
    is_title = gold["field"] == "title"
    text = gold["text"].where(~is_title, "")
    return pd.DataFrame(
        {
            "doc_id": gold["id"].astype("string"),
            "title": gold["text"].where(is_title, "").astype("string"),
            "date": gold["date"],
            "source": gold["style"].astype("string"),
            "url": "",
            "text": text.astype("string"),
            "n_chars": text.str.len(),
            "path": str(config.GOLD),
            "duplicate_of": pd.array([None] * len(gold), dtype="string"),
        }
    )


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


@dataclass
class EvalResult:
    """Scores of one evaluation run.

    Attributes:
        summary: one row per task (``mentions``, ``mentions (exact span)``, ``roles``, ``support``, and
            ``attribution`` when the gold names accusers) with ``precision``, ``recall``, ``f1``, ``tp``,
            ``fp``, ``fn``, over every passage scored.
        by_language: the same rows per passage language (``language`` column: ``en``, ``ar``...).
        per_entity: the same per actor id; ``per_via``: per kind of alias.
        support: per edge (backer, client) counts; ``modality_accuracy`` on the edges found.
        errors: the confusion list: ``id``, ``kind`` (missed, spurious, wrong entity, wrong role,
            missed edge, spurious edge, wrong modality, wrong attribution), ``surface``, ``expected``,
            ``predicted``, ``context``, ``language``.
        mentions, edges: what the kit produced on the gold passages.
    """

    summary: pd.DataFrame
    per_entity: pd.DataFrame
    per_via: pd.DataFrame
    support: pd.DataFrame
    errors: pd.DataFrame
    modality_accuracy: float
    mentions: pd.DataFrame
    edges: pd.DataFrame
    by_language: pd.DataFrame | None = None

    def score(self, task: str = "mentions", measure: str = "f1", language: str | None = None) -> float:
        """One figure: ``task`` and ``measure`` of the summary, or of one ``language``'s passages.

        Raises:
            KeyError: no such task, or no passage in that language.
        """
        if language is None:
            return float(self.summary.set_index("task").at[task, measure])
        rows = self.by_language[(self.by_language["language"] == language) & (self.by_language["task"] == task)]
        if rows.empty:
            raise KeyError(
                f"no {task!r} score for language {language!r}: the gold has {sorted(set(self.by_language['language']))}"
            )
        return float(rows[measure].iloc[0])

    def __repr__(self) -> str:
        text = "EvalResult\n" + self.summary.to_string(index=False)
        if self.by_language is not None and self.by_language["language"].nunique() > 1:
            text += "\n\nby language\n" + self.by_language.to_string(index=False)
        return text

    def _repr_html_(self) -> str:
        html = self.summary.to_html(index=False)
        if self.by_language is not None and self.by_language["language"].nunique() > 1:
            html += "<p>by language</p>" + self.by_language.to_html(index=False)
        return html


def gold_file(conflict: str | None = None) -> Path | list[Path]:
    """The own gold passages of a conflict pack: ``data/gold/<pack>/passages.jsonl``, or the kit's first
    gold sets (English ``data/gold/passages.jsonl`` and Arabic ``passages_ar.jsonl``, written for the Syria
    pack) for a pack without its own.

    Args:
        conflict: a pack name; None: the default pack (:func:`helpers.use_conflict`), when it is one pack.

    Raises:
        ValueError: no gold passages for that pack (the message lists the packs that have some).
    """
    from .packs import available_packs, default_packs

    if conflict is None:
        chosen = default_packs()
        own = config.GOLD.parent / chosen[0] / config.GOLD.name
        return own if len(chosen) == 1 and own.is_file() else [config.GOLD, config.GOLD_AR]
    path = config.GOLD.parent / conflict / config.GOLD.name
    if path.is_file():
        return path
    if conflict in available_packs():
        return [config.GOLD, config.GOLD_AR]
    have = sorted(p.parent.name for p in config.GOLD.parent.glob(f"*/{config.GOLD.name}"))
    raise ValueError(
        f"no gold passages for conflict {conflict!r} ({path} is missing); packs with gold: {', '.join(have) or 'none'}"
    )


@dataclass
class _Counts:
    """What :func:`_score` counted on a set of passages."""

    summary: pd.DataFrame
    errors: list[tuple]
    ent_counts: dict[str, list[int]]
    via_counts: dict[str, list[int]]
    gold_edges: dict
    pred_edges: dict
    mod_ok: int


def evaluate(
    gold: pd.DataFrame | str | Path | Sequence[str | Path] | None = None,
    gazetteer: Any = None,
    *,
    conflict: str | None = None,
    **tag_options: Any,
) -> EvalResult:
    """Tag the gold passages and score mentions, roles and support edges, overall and per language.

    Args:
        gold: the gold frame from :func:`load_gold`, or its path(s) (default: the gold set of ``conflict``; for
            Syria the kit's English and Arabic sets). All are our own passages: the rules were tuned on them,
            so these are training figures.
        gazetteer: passed to :func:`~helpers.mentions.tag_mentions` (default: ``conflict``'s pack, or the
            default packs).
        conflict: a conflict pack name (``"sudan"``): score its own gold passages
            (``data/gold/<pack>/passages.jsonl``) with its gazetteer. None: the default pack's gold.
        **tag_options: further options for :func:`~helpers.mentions.tag_mentions`.

    Returns:
        An :class:`EvalResult` (``by_language`` holds the split; ``score(task, language="ar")``).
    """
    from .mentions import tag_mentions
    from .support import extract_support

    gazetteer, gold = _chosen(gold, gazetteer, conflict)
    if "language" not in gold.columns:
        gold = gold.assign(language=[language_of(t) for t in gold["text"]])
    corpus = gold_corpus(gold)
    mentions = tag_mentions(corpus, gazetteer, **tag_options)
    gold_via = _via_lookup(gazetteer)
    edges = extract_support(corpus, mentions)
    total = _score(gold, mentions, edges, gold_via)
    parts = []
    for lang, sub in gold.groupby("language", sort=True):
        keep = set(sub["id"])
        part = _score(
            sub,
            mentions[mentions["doc_id"].astype(str).isin(keep)],
            edges[edges["doc_id"].astype(str).isin(keep)],
            gold_via,
        ).summary
        parts.append(part.assign(language=lang))
    by_language = pd.concat(parts, ignore_index=True)[["language", *total.summary.columns]]
    lang_of = dict(zip(gold["id"], gold["language"]))
    err = pd.DataFrame(total.errors, columns=["id", "kind", "surface", "expected", "predicted", "context"])
    err["language"] = err["id"].map(lang_of)
    etp = len(total.gold_edges.keys() & total.pred_edges.keys())
    return EvalResult(
        summary=total.summary,
        per_entity=_table(total.ent_counts, "entity"),
        per_via=_table(total.via_counts, "via"),
        support=_edge_table(total.gold_edges, total.pred_edges),
        errors=err,
        modality_accuracy=round(total.mod_ok / etp, 4) if etp else 1.0,
        mentions=mentions,
        edges=edges,
        by_language=by_language,
    )


def _score(gold: pd.DataFrame, mentions: pd.DataFrame, edges: pd.DataFrame, gold_via: Any) -> _Counts:
    """Count mentions, roles, edges, modality and attribution of ``gold``'s passages."""
    errors: list[tuple] = []
    ent_counts: dict[str, list[int]] = {}
    via_counts: dict[str, list[int]] = {}
    tally = {"tp": 0, "fp": 0, "fn": 0, "exact": 0, "role_ok": 0, "role_all": 0}
    by_doc = {k: g for k, g in mentions.groupby("doc_id", observed=True)}
    for g in gold.itertuples(index=False):
        _score_passage(g, by_doc.get(g.id), gold_via, tally, ent_counts, via_counts, errors)
    gold_edges = {(g.id, e["backer"], e["client"]): e for g in gold.itertuples(index=False) for e in g.support}
    pred_edges: dict[tuple, Any] = {}
    for r in edges.itertuples(index=False):
        pred_edges.setdefault((r.doc_id, str(r.backer), str(r.client)), r)
    etp = len(gold_edges.keys() & pred_edges.keys())
    efp = len(pred_edges.keys() - gold_edges.keys())
    efn = len(gold_edges.keys() - pred_edges.keys())
    mod_ok, att = _score_edges(gold, gold_edges, pred_edges, errors)
    tp, fp, fn, exact = tally["tp"], tally["fp"], tally["fn"], tally["exact"]
    role_ok, role_all = tally["role_ok"], tally["role_all"]
    rows = [
        ("mentions", *_prf(tp, fp, fn), tp, fp, fn),
        (
            "mentions (exact span)",
            *_prf(exact, fp + tp - exact, fn + tp - exact),
            exact,
            fp + tp - exact,
            fn + tp - exact,
        ),
        ("roles", round(role_ok / role_all, 4) if role_all else 1.0, None, None, role_ok, role_all - role_ok, None),
        ("support", *_prf(etp, efp, efn), etp, efp, efn),
    ]
    if att[1]:
        rows.append(("attribution", round(att[0] / att[1], 4), None, None, att[0], att[1] - att[0], None))
    summary = pd.DataFrame(rows, columns=["task", "precision", "recall", "f1", "tp", "fp", "fn"])
    return _Counts(summary, errors, ent_counts, via_counts, gold_edges, pred_edges, mod_ok)


def _score_passage(
    g: Any,
    pred: pd.DataFrame | None,
    gold_via: Any,
    tally: dict[str, int],
    ent_counts: dict[str, list[int]],
    via_counts: dict[str, list[int]],
    errors: list[tuple],
) -> None:
    """Match one passage's predicted mentions to its gold mentions (one-to-one, overlap, same entity)."""
    text = g.text
    preds = (
        []
        if pred is None
        else list(
            zip(
                pred["start"],
                pred["end"],
                pred["entity"].astype(str),
                pred["role"].astype(str),
                pred["via"].astype(str),
            )
        )
    )
    used: set[int] = set()
    for gs, ge, gent, grole in g.mentions:
        hit = next(
            (
                k
                for k, (ps, pe, pent, _, _) in enumerate(preds)
                if k not in used and ps < ge and gs < pe and pent == gent
            ),
            None,
        )
        if hit is not None:
            used.add(hit)
            ps, pe, pent, prole, pvia = preds[hit]
            tally["role_all"] += 1
            tally["role_ok"] += prole == grole
            if prole != grole:
                errors.append(
                    (g.id, "wrong role", text[gs:ge], f"{gent} ({grole})", f"{pent} ({prole})", _ctx(text, gs, ge))
                )
            if grole == "actor":
                key = "tp" if prole == "actor" else "fn"
                tally[key] += 1
                tally["exact"] += key == "tp" and (ps, pe) == (gs, ge)
                ent_counts.setdefault(gent, [0, 0, 0])[0 if key == "tp" else 2] += 1
                via_counts.setdefault(pvia, [0, 0, 0])[0 if key == "tp" else 2] += 1
            elif prole == "actor":
                tally["fp"] += 1
                ent_counts.setdefault(pent, [0, 0, 0])[1] += 1
                via_counts.setdefault(pvia, [0, 0, 0])[1] += 1
            continue
        if grole == "actor":
            tally["fn"] += 1
            ent_counts.setdefault(gent, [0, 0, 0])[2] += 1
            via_counts.setdefault(gold_via(text[gs:ge], gent), [0, 0, 0])[2] += 1
            other = next(
                (
                    (ps, pe, pent)
                    for k, (ps, pe, pent, prole, _) in enumerate(preds)
                    if k not in used and ps < ge and gs < pe
                ),
                None,
            )
            kind, got = ("wrong entity", other[2]) if other else ("missed", "")
            errors.append((g.id, kind, text[gs:ge], gent, got, _ctx(text, gs, ge)))
    for k, (ps, pe, pent, prole, pvia) in enumerate(preds):
        if k in used or prole != "actor":
            continue
        tally["fp"] += 1
        ent_counts.setdefault(pent, [0, 0, 0])[1] += 1
        via_counts.setdefault(pvia, [0, 0, 0])[1] += 1
        if not any(ps < ge and gs < pe for gs, ge, _, _ in g.mentions):
            errors.append((g.id, "spurious", text[ps:pe], "", pent, _ctx(text, ps, pe)))


def _score_edges(
    gold: pd.DataFrame, gold_edges: dict, pred_edges: dict, errors: list[tuple]
) -> tuple[int, tuple[int, int]]:
    """Modality and attribution of the edges found; missed and spurious edges into ``errors``.

    Returns:
        Edges with the right modality, and (right attributions, gold edges naming an accuser found).
    """
    texts = dict(zip(gold["id"], gold["text"]))
    mod_ok = att_ok = att_all = 0
    for key in sorted(gold_edges.keys() & pred_edges.keys()):
        ge_, pe_ = gold_edges[key], pred_edges[key]
        if ge_.get("modality", "asserted") == pe_.modality:
            mod_ok += 1
        else:
            errors.append(
                (
                    key[0],
                    "wrong modality",
                    f"{key[1]} -> {key[2]}",
                    ge_.get("modality"),
                    pe_.modality,
                    texts[key[0]][:160],
                )
            )
        if ge_.get("attributed_to"):
            att_all += 1
            got = str(getattr(pe_, "attributed_to", "") or "")
            att_ok += got == ge_["attributed_to"]
            if got != ge_["attributed_to"]:
                errors.append(
                    (
                        key[0],
                        "wrong attribution",
                        f"{key[1]} -> {key[2]}",
                        ge_["attributed_to"],
                        got,
                        texts[key[0]][:160],
                    )
                )
    for key in sorted(gold_edges.keys() - pred_edges.keys()):
        errors.append(
            (key[0], "missed edge", f"{key[1]} -> {key[2]}", gold_edges[key].get("modality"), "", texts[key[0]][:160])
        )
    for key in sorted(pred_edges.keys() - gold_edges.keys()):
        errors.append(
            (
                key[0],
                "spurious edge",
                f"{key[1]} -> {key[2]}",
                "",
                pred_edges[key].modality,
                pred_edges[key].sentence[:160],
            )
        )
    return mod_ok, (att_ok, att_all)


def _chosen(gold: Any, gazetteer: Any, conflict: str | None) -> tuple[Any, pd.DataFrame]:
    """The gazetteer (``conflict``'s pack unless one is given) and the gold frame :func:`evaluate` scores."""
    if conflict is not None and gazetteer is None:
        gazetteer = conflict
    if not isinstance(gold, pd.DataFrame):
        gold = load_gold(gold if gold is not None else gold_file(conflict))
    return gazetteer, gold


def _via_lookup(gazetteer: Any):
    """A function giving the kind of alias (``via``) of a gold surface, ``unknown`` when the gazetteer lacks it."""
    from .mentions import get_tagger
    from .textnorm import fold

    tagger = get_tagger(gazetteer)
    index = {k: c for k, c in zip(tagger.keys, tagger.compiled)}
    cs_index = {k: c for k, c in zip(tagger.cs_keys, tagger.cs_compiled)}

    def via(surface: str, entity: str) -> str:
        flat = " ".join(surface.split())
        key = index.get(fold(flat)) or cs_index.get(fold(flat, lower=False))
        if key is None:
            return "unknown"
        vias = {r.via for _, _, r in key.readings if r.entity == entity}
        return sorted(vias)[0] if vias else "unknown"

    return via


def _ctx(text: str, s: int, e: int, w: int = 50) -> str:
    return (text[max(0, s - w) : s] + "[" + text[s:e] + "]" + text[e : e + w]).replace("\n", " ")


def _table(counts: dict[str, list[int]], name: str) -> pd.DataFrame:
    rows = []
    for key, (tp, fp, fn) in sorted(counts.items()):
        rows.append((key, *_prf(tp, fp, fn), tp, fp, fn))
    return pd.DataFrame(rows, columns=[name, "precision", "recall", "f1", "tp", "fp", "fn"])


def _edge_table(gold_edges: dict, pred_edges: dict) -> pd.DataFrame:
    counts: dict[tuple[str, str], list[int]] = {}
    for key in gold_edges.keys() | pred_edges.keys():
        c = counts.setdefault((key[1], key[2]), [0, 0, 0])
        if key in gold_edges and key in pred_edges:
            c[0] += 1
        elif key in pred_edges:
            c[1] += 1
        else:
            c[2] += 1
    rows = [(b, c, *_prf(*v), *v) for (b, c), v in sorted(counts.items())]
    return pd.DataFrame(rows, columns=["backer", "client", "precision", "recall", "f1", "tp", "fp", "fn"])
