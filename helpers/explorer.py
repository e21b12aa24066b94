"""The explorer: one offline HTML file in which a reader filters by actor, period and outlet and clicks
through to the sentences behind every count.

:func:`explorer_data` builds the data cube the page filters (nothing is recomputed in Python when a
reader clicks); :func:`explorer_html` wraps it with the page's script and style
(``helpers/static/explorer.js`` and ``explorer.css``, inlined); :func:`explore` writes the file or shows
it in a notebook. ``python -m helpers report`` writes ``explorer.html`` beside ``index.html``.

Embedded data (JSON in ``<script type="application/json" id="explorer-data">``). Every dimension is a
list of names and the tables hold indexes into them (dictionary encoding):

- ``actors``: ``{id, label, kind, colour, aliases}`` (parallel lists; ``aliases`` "|"-joined; every actor
  mentioned, stated or in a reference edge); ``sources``, ``periods`` (first day of each week or month,
  ISO, every period of the span), ``roles`` (every mention role in the data, "actor" first),
  ``modalities``, ``reviews``: the names the codes below index. Undated rows belong to no period: they are
  counted in ``meta`` and left out of the tables below.
- ``volume``: rows ``[period, source, copy, articles]``: dated articles per period and outlet, ``copy`` 1
  for syndicated copies (left out when "stories once" is on). The denominators of "share".
- ``counts``: rows ``[actor, period, source, copy, mask, articles, n_role0, n_role1, ...]``: articles
  whose mentions of the actor have exactly the roles in bit ``mask`` (bit i: ``roles[i]``) and the
  mentions per role, so that articles and mentions are exact for any set of roles.
- ``cooc``: rows ``[a, b, period, source, copy, windows]``: sentences naming both actors (actor
  readings only), ``a < b``.
- ``edges``: rows ``[backer, client, period, source, copy, modality, review, statements]``: backing
  statements (negated ones as modality "denied"), exact counts.
- ``statements``: rows ``[edge_id, backer, client, article, modality, confidence, review, cue,
  sentence, spans]`` kept for the evidence panel (``spans``: ``[start, end, "b"|"c"|"q"]`` of the
  backer, client and cue in the sentence); at most ``caps.statements`` per edge.
- ``evidence``: rows ``[actor, period, article, role, left, match, right, sentence_key]``: mentions in
  context, at most ``caps.evidence`` per actor and period.
- ``articles``: ``{id, date, source, title, url, copy}`` of the articles the evidence and statements cite.
- ``reference``: rows ``[backer, client, from, to, cite]``: the gazetteer's dated reference edges.
- ``meta``: title, ``freq``, totals, ``caps`` and ``capped`` (what the caps left out, shown in the page).
"""

from __future__ import annotations

import datetime as dt
import html
import json
import logging
import os
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd

from . import explorer_cube as cube
from .explorer_cube import (  # noqa: F401 - re-exported: the caps and fit_cap lived here
    CONTEXT,
    EVIDENCE_BUDGET,
    EVIDENCE_CAP,
    MODALITIES,
    REVIEWS,
    STATEMENT_BUDGET,
    STATEMENT_CAP,
    fit_cap,
)
from .select import plain

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Kept:
    """The sentences kept for the page (mentions in context, statements), the edges, and what the caps did."""

    evidence: list[list[Any]]
    evidence_left: int
    evidence_cap: int
    edges: list[list[int]]
    statements: list[list[Any]]
    statements_left: int
    statement_cap: int
    undated_statements: int


def _check_columns(corpus: pd.DataFrame, mentions: pd.DataFrame) -> None:
    """Raise ValueError naming the table and the key columns it lacks."""
    for name, frame, cols in (
        ("corpus", corpus, ("doc_id", "date", "source")),
        ("mentions", mentions, ("doc_id", "entity", "role", "start", "end", "sent_id")),
    ):
        missing = [c for c in cols if c not in frame.columns]
        if missing:
            raise ValueError(f"explorer: the {name} table lacks column(s) {', '.join(missing)}")


def _period_names(dates: pd.Series, freq: str) -> list[str]:
    """The first day (ISO) of every period from the first dated article to the last."""
    dated = dates.dropna()
    if not len(dated):
        return []
    span = pd.period_range(dated.min().to_period(freq), dated.max().to_period(freq), freq=freq)
    return [str(p.start_time.date()) for p in span]


def _texts(corpus: pd.DataFrame) -> dict[tuple[str, str], str]:
    """{(doc_id, field): text} of the articles' titles and texts."""
    return {
        (d, f): str(t)
        for f in ("title", "text")
        if f in corpus.columns
        for d, t in zip(plain(corpus["doc_id"]), plain(corpus[f]).fillna(""))
    }


def _keep(
    m: pd.DataFrame,
    s: pd.DataFrame,
    arts: pd.DataFrame,
    actor_index: dict[str, int],
    sources: list[str],
    texts: dict[tuple[str, str], str],
    caps: tuple[int, int],
) -> _Kept:
    """The mentions in context and the statements kept under the ``(evidence, statement)`` caps, and the edges."""
    evidence, ev_left, ev_cap = cube.evidence_rows(m, texts, caps[0], CONTEXT)
    edges, statements, st_left, st_cap, undated = cube.backing_rows(s, arts, actor_index, sources, texts, caps[1])
    return _Kept(evidence, ev_left, ev_cap, edges, statements, st_left, st_cap, undated)


def _log_cube(arts: pd.DataFrame, n_actors: int, n_periods: int, freq: str, kept: _Kept) -> None:
    """Log the size of the cube and what the caps left out."""
    logger.info(
        "explorer: %d articles, %d actors, %d periods (%s); kept %d mentions in context (%d left out by the "
        "cap) and %d statements (%d left out)",
        len(arts),
        n_actors,
        n_periods,
        freq,
        len(kept.evidence),
        kept.evidence_left,
        len(kept.statements),
        kept.statements_left,
    )


def _meta(title: str | None, freq: str, arts: pd.DataFrame, n_mentions: int, n_statements: int, kept: _Kept) -> dict:
    """The page's ``meta``: title, period, totals, the caps applied and what they left out."""
    return {
        "title": title or "Conflict news explorer",
        "freq": freq,
        "generated": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
        "articles": int(len(arts)),
        "undated": int(arts["period"].lt(0).sum()),
        "mentions": int(n_mentions),
        "statements": int(n_statements),
        "undated_statements": kept.undated_statements,
        "caps": {"evidence": int(kept.evidence_cap), "statements": int(kept.statement_cap)},
        "capped": {"evidence": kept.evidence_left, "statements": kept.statements_left},
    }


def explorer_data(
    corpus: pd.DataFrame,
    mentions: pd.DataFrame,
    support: pd.DataFrame | None = None,
    freq: str | None = None,
    evidence_cap: int = EVIDENCE_CAP,
    statement_cap: int = STATEMENT_CAP,
    title: str | None = None,
) -> dict[str, Any]:
    """The data cube the explorer page filters (layout in the module docstring).

    Args:
        corpus: CORPUS table; mentions: MENTIONS table; support: SUPPORT table (None: no backer views).
        freq: "W" or "M" (None: weeks for a span up to two years, months beyond).
        evidence_cap: mentions in context kept per actor and period.
        statement_cap: statements (with their sentence) kept per backer -> client edge.
        title: shown at the top of the page.

    Returns:
        A JSON-ready dict. Counts are exact whatever the caps; the caps bound only the sentences kept.

    Raises:
        ValueError: a bad ``freq``, or a table without its key columns.
    """
    _check_columns(corpus, mentions)
    arts, freq = cube.article_frame(corpus, freq)
    periods = _period_names(arts["date"], freq)
    sources = sorted(arts["source"].unique())
    roles = ["actor"] + sorted(set(plain(mentions["role"]).dropna()) - {"actor"})  # every role: nothing left out
    s = support if support is not None and len(support) else pd.DataFrame(columns=["backer", "client", "doc_id"])
    actor_index = cube.actor_ids(mentions, s)
    arts["period"], arts["src"] = cube.codes(arts["period"], periods), cube.codes(arts["source"], sources)
    m = cube.coded_mentions(mentions, arts, roles, actor_index)
    kept = _keep(m, s, arts, actor_index, sources, _texts(corpus), (evidence_cap, statement_cap))
    kinds = dict(zip(plain(mentions["entity"]), plain(mentions["kind"]))) if "kind" in mentions.columns else {}
    _log_cube(arts, len(actor_index), len(periods), freq, kept)
    return {
        "version": 1,
        "meta": _meta(title, freq, arts, len(m), len(s), kept),
        "actors": cube.actor_table(list(actor_index), kinds),
        "sources": sources,
        "periods": periods,
        "roles": roles,
        "modalities": list(MODALITIES),
        "reviews": list(REVIEWS),
        "volume": cube.volume_rows(arts),
        "counts": cube.count_rows(m, roles),
        "cooc": cube.cooc_rows(m, 0),
        "edges": kept.edges,
        "statements": kept.statements,
        "evidence": kept.evidence,
        "articles": cube.cited_articles(arts, {r[2] for r in kept.evidence} | {r[3] for r in kept.statements}),
        "reference": cube.reference_rows(actor_index),
    }


def _static(name: str) -> str:
    """The text of ``helpers/static/<name>`` (the page's script, style and markup)."""
    return resources.files("helpers").joinpath("static", name).read_text(encoding="utf-8")


def explorer_html(data: dict[str, Any]) -> str:
    """The self-contained page: the cube as JSON, the script and style inlined, nothing fetched."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    payload = payload.replace("</", "<\\/").replace("<!--", "<\\!--")
    title = html.escape(str(data["meta"].get("title", "Explorer")))
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'unsafe-inline'; "
        f"style-src 'unsafe-inline'; img-src data: blob:\">"
        f"<title>{title}</title><style>{_static('explorer.css')}</style></head>\n<body>\n"
        f"{_static('explorer.html')}\n"
        f'<script type="application/json" id="explorer-data">{payload}</script>\n'
        f"<script>{_static('explorer.js')}</script>\n</body></html>\n"
    )


def explore(
    corpus: pd.DataFrame,
    mentions: pd.DataFrame,
    support: pd.DataFrame | None = None,
    path: str | os.PathLike | None = None,
    **options: Any,
) -> Any:
    """Write the explorer page to ``path``, or show it in the notebook when ``path`` is None.

    Args:
        corpus, mentions, support: the kit's tables (``support`` optional).
        path: where to write ``explorer.html`` (parent folders are created).
        **options: passed to :func:`explorer_data` (``freq``, ``evidence_cap``, ``statement_cap``, ``title``).

    Returns:
        The path written, or an ``IPython.display.HTML`` holding the page in an iframe.
    """
    page = explorer_html(explorer_data(corpus, mentions, support, **options))
    if path is not None:
        out = Path(path)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(page, encoding="utf-8")
        logger.info("explorer: wrote %s (%.1f MB)", out, out.stat().st_size / 1e6)
        return out
    import warnings

    from IPython.display import HTML

    with warnings.catch_warnings():  # IPython suggests IFrame, which needs a file or a server: srcdoc needs neither
        warnings.simplefilter("ignore", UserWarning)
        return HTML(
            f'<iframe srcdoc="{html.escape(page, quote=True)}" style="width:100%;height:900px;border:0" '
            f'sandbox="allow-scripts allow-downloads"></iframe>'
        )


def write_explorer(
    folder: str | os.PathLike,
    sources: Sequence[str] | str,
    cache_dir: str | os.PathLike | None = None,
    title: str | None = None,
    review: str | os.PathLike | None = None,
) -> Path:
    """The report's ``explorer.html`` in ``folder``, from the same cached load and tag as the notebooks (and the
    report's ``--review`` file, whose decisions colour the edges)."""
    from .cache import tag_cached
    from .review import apply_review
    from .support import extract_support

    items = [sources] if isinstance(sources, str) else list(sources)
    corpus, mentions = tag_cached(items if len(items) > 1 else items[0], cache_dir)
    support = extract_support(corpus, mentions)
    if review is not None:
        support = apply_review(support, review)
    return explore(corpus, mentions, support, path=Path(folder) / "explorer.html", title=title)
