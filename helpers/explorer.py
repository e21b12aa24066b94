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
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from .colours import actor_colours
from .names import labels
from .resolve import active_gazetteer
from .select import is_copy, plain, to_utc_naive

logger = logging.getLogger(__name__)

#: Defaults for the evidence kept: sentences per actor and period, statements per edge, characters of context.
EVIDENCE_CAP, STATEMENT_CAP, CONTEXT = 100, 100, 80
#: At most this many mentions in context and statements in one page: the caps above are lowered to fit.
EVIDENCE_BUDGET, STATEMENT_BUDGET = 10_000, 2_500
MODALITIES: tuple[str, ...] = ("asserted", "alleged", "possible", "denied")
REVIEWS: tuple[str, ...] = ("unreviewed", "kept", "dropped")


def _freq(dates: pd.Series, freq: str | None) -> str:
    """ "W" or "M": weeks for spans up to two years, months beyond (or as asked)."""
    if freq is not None:
        if freq not in ("W", "M"):
            raise ValueError(f"freq must be 'W' or 'M', not {freq!r}")
        return freq
    d = dates.dropna()
    return "W" if len(d) and (d.max() - d.min()).days <= 730 else "M"


def _period_starts(dates: pd.Series, freq: str) -> pd.Series:
    """First day of each date's week (Monday) or month, as ISO strings (None when undated)."""
    p = dates.dt.to_period("W" if freq == "W" else "M").dt.start_time.dt.strftime("%Y-%m-%d")
    return p.where(dates.notna(), None)


def _codes(values: pd.Series, names: list[str]) -> np.ndarray:
    """Indexes of ``values`` in ``names`` (-1 where missing)."""
    index = {n: i for i, n in enumerate(names)}
    return np.array([index.get(v, -1) if isinstance(v, str) else -1 for v in values], dtype=np.int64)


def _articles(corpus: pd.DataFrame, freq: str | None) -> tuple[pd.DataFrame, str]:
    """One row per article with its period, source and copy flag (plain columns)."""
    c = pd.DataFrame(
        {
            "doc_id": plain(corpus["doc_id"]),
            "source": plain(corpus["source"]).fillna(""),
            "date": to_utc_naive(corpus["date"]).to_numpy(),
            "copy": is_copy(corpus["duplicate_of"]).astype(int).to_numpy() if "duplicate_of" in corpus.columns else 0,
            "title": plain(corpus["title"]).fillna("") if "title" in corpus.columns else "",
            "url": plain(corpus["url"]).fillna("") if "url" in corpus.columns else "",
        }
    )
    freq = _freq(c["date"], freq)
    c["period"] = _period_starts(c["date"], freq)
    return c, freq


def _volume(arts: pd.DataFrame) -> list[list[int]]:
    """Rows ``[period, source, copy, articles]`` from coded articles (undated ones left out)."""
    g = arts[arts["period"] >= 0].groupby(["period", "src", "copy"]).size()
    return [[int(x) for x in k] + [int(n)] for k, n in g.items()]


def _counts(m: pd.DataFrame, roles: list[str]) -> list[list[int]]:
    """Rows ``[actor, period, source, copy, mask, articles, n per role...]`` from coded mentions."""
    m = m[m["period"] >= 0]
    if not len(m):
        return []
    keys = ["a", "doc_id", "period", "source", "copy"]
    distinct = m.drop_duplicates(keys + ["role"])  # the sum of distinct role bits is their bitwise or
    bits = pd.Series(np.left_shift(1, distinct["role"].to_numpy(np.int64)), index=distinct.index)
    bits = bits.groupby([distinct[k] for k in keys]).sum().rename("mask")
    by_role = m.groupby(["a", "doc_id", "period", "source", "copy", "role"]).size().unstack(fill_value=0)
    by_role = by_role.reindex(columns=range(len(roles)), fill_value=0)
    docs = pd.concat([bits, by_role], axis=1).reset_index()
    keys = ["a", "period", "source", "copy", "mask"]
    agg = docs.groupby(keys).agg(articles=("doc_id", "size"), **{f"r{i}": (i, "sum") for i in range(len(roles))})
    return [[int(x) for x in (*k, *row)] for k, row in zip(agg.index, agg.itertuples(index=False))]


def _cooc(m: pd.DataFrame, actor_role: int) -> list[list[int]]:
    """Rows ``[a, b, period, source, copy, sentences]``: sentences naming both actors (actor readings)."""
    m = m[(m["role"] == actor_role) & (m["period"] >= 0)]
    w = m.drop_duplicates(["doc_id", "field", "sent_id", "a"])[
        ["doc_id", "field", "sent_id", "a", "period", "source", "copy"]
    ]
    pairs = w.merge(w[["doc_id", "field", "sent_id", "a"]], on=["doc_id", "field", "sent_id"], suffixes=("", "_b"))
    pairs = pairs[pairs["a"] < pairs["a_b"]]
    g = pairs.groupby(["a", "a_b", "period", "source", "copy"]).size()
    return [[int(x) for x in k] + [int(n)] for k, n in g.items()]


def fit_cap(sizes: pd.Series, cap: int, budget: int) -> int:
    """The largest cap (at most ``cap``, at least 1) under which the groups of ``sizes`` keep <= ``budget`` rows."""
    values = np.sort(sizes.to_numpy())
    lo, hi = 1, max(1, int(cap))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if int(np.minimum(values, mid).sum()) <= budget:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _evidence(
    m: pd.DataFrame, texts: dict[tuple[str, str], str], cap: int, width: int
) -> tuple[list[list[Any]], int, int]:
    """Mentions in context, at most ``cap`` per (actor, period) (lowered to fit :data:`EVIDENCE_BUDGET`); how many
    were left out; and the cap applied."""
    m = m[m["period"] >= 0].sort_values(["a", "period", "date", "doc_id", "start"], kind="stable")
    rank = m.groupby(["a", "period"]).cumcount()
    cap = fit_cap(m.groupby(["a", "period"]).size(), cap, EVIDENCE_BUDGET) if len(m) else cap
    kept = m[(rank < cap).to_numpy()]
    rows = []
    for r in kept.itertuples(index=False):
        text = texts.get((r.doc_id, r.field), "")
        lo, hi = int(r.start), int(r.end)
        left = " ".join(text[max(0, lo - width) : lo].split())
        right = " ".join(text[hi : hi + width].split())
        rows.append(
            [
                int(r.a),
                int(r.period),
                r.doc_id,
                int(r.role),
                left,
                text[lo:hi],
                right,
                f"{r.doc_id}/{r.field}/{int(r.sent_id)}",
            ]
        )
    return rows, int(len(m) - len(kept)), int(cap)


def _spans(row: Any, texts: dict[tuple[str, str], str]) -> list[list[Any]]:
    """Where the backer, client and cue stand in the statement's sentence."""
    text, sentence, out = texts.get((row.doc_id, row.field), ""), str(row.sentence), []
    for key, lo, hi in (
        ("b", "backer_start", "backer_end"),
        ("c", "client_start", "client_end"),
        ("q", "cue_start", "cue_end"),
    ):
        a, b = getattr(row, lo, None), getattr(row, hi, None)
        if a is None or b is None or pd.isna(a) or pd.isna(b):
            continue
        surface = text[int(a) : int(b)]
        at = sentence.find(surface) if surface else -1
        if at >= 0:
            out.append([at, at + len(surface), key])
    return out


def _support_frame(support: pd.DataFrame, arts: pd.DataFrame) -> pd.DataFrame:
    """Statements with plain columns, the article's period/copy, and modality/review codes."""
    s = support.copy()
    for col in ("backer", "client", "doc_id", "source", "modality", "field", "cue", "sentence", "edge_id"):
        s[col] = plain(s[col]).fillna("") if col in s.columns else ""
    negated = s["negated"].fillna(False).astype(bool) if "negated" in s.columns else False
    s["modality"] = s["modality"].where(~negated, "denied")
    s["mod"] = s["modality"].map({m: i for i, m in enumerate(MODALITIES)}).fillna(0).astype(int)
    review = plain(s["review"]).fillna("unreviewed") if "review" in s.columns else "unreviewed"
    s["rev"] = pd.Series(review, index=s.index).map({r: i for i, r in enumerate(REVIEWS)}).fillna(0).astype(int)
    info = arts.set_index("doc_id")[["period", "copy"]]
    s = s.drop(columns=[c for c in ("period", "copy") if c in s.columns]).join(info, on="doc_id")
    s["copy"] = s["copy"].fillna(0).astype(int)
    if "confidence" not in s.columns:
        s["confidence"] = np.nan
    return s


def _edges(s: pd.DataFrame) -> list[list[int]]:
    d = s[s["period"] >= 0]
    g = d.groupby(["b", "c", "period", "src", "copy", "mod", "rev"]).size()
    return [[int(x) for x in k] + [int(n)] for k, n in g.items()]


def _statements(s: pd.DataFrame, texts: dict[tuple[str, str], str], cap: int) -> tuple[list[list[Any]], int, int]:
    """Statements with their sentence, at most ``cap`` per edge (lowered to fit :data:`STATEMENT_BUDGET`)."""
    s = s.sort_values(["b", "c", "date", "doc_id"], kind="stable")
    cap = fit_cap(s.groupby(["b", "c"]).size(), cap, STATEMENT_BUDGET) if len(s) else cap
    kept = s[(s.groupby(["b", "c"]).cumcount() < cap).to_numpy()]
    rows = [
        [
            r.edge_id,
            int(r.b),
            int(r.c),
            r.doc_id,
            int(r.mod),
            None if pd.isna(r.confidence) else round(float(r.confidence), 2),
            int(r.rev),
            r.cue,
            r.sentence,
            _spans(r, texts),
        ]
        for r in kept.itertuples(index=False)
    ]
    return rows, int(len(s) - len(kept)), int(cap)


def _actor_table(ids: list[str], kinds: dict[str, str]) -> dict[str, list[str]]:
    """Labels, kinds, colours and aliases of the actors, from the active gazetteer."""
    g = active_gazetteer()
    names, colours = labels(ids), actor_colours(ids)
    aliases: dict[str, list[str]] = {}
    if g is not None and len(g.aliases):
        for entity, text in zip(g.aliases["entity"].astype(str), g.aliases["text"].astype(str)):
            aliases.setdefault(entity, []).append(text)
    known = g.actors["kind"].astype(str).to_dict() if g is not None else {}
    return {
        "id": ids,
        "label": [names[i] for i in ids],
        "kind": [kinds.get(i) or known.get(i, "unknown") for i in ids],
        "colour": [colours[i] for i in ids],
        "aliases": ["|".join(list(dict.fromkeys(aliases.get(i, [])))[:40]) for i in ids],
    }


def _reference(actor_index: dict[str, int]) -> list[list[Any]]:
    g = active_gazetteer()
    if g is None or not len(g.backs):
        return []
    b = g.backs
    cites = b["cite"].fillna("").astype(str) if "cite" in b.columns else pd.Series("", index=b.index)
    day = [[("" if pd.isna(v) else pd.Timestamp(v).strftime("%Y-%m-%d")) for v in b[c]] for c in ("from", "to")]
    return [
        [actor_index[k], actor_index[c], lo, hi, cite]
        for k, c, lo, hi, cite in zip(b["backer"].astype(str), b["client"].astype(str), *day, cites)
        if k in actor_index and c in actor_index
    ]


def _coded_mentions(
    mentions: pd.DataFrame, arts: pd.DataFrame, roles: list[str], actor_index: dict[str, int]
) -> pd.DataFrame:
    m = pd.DataFrame(
        {
            c: plain(mentions[c]) if c in ("doc_id", "entity", "role", "field") else mentions[c].to_numpy()
            for c in ("doc_id", "entity", "role", "field", "sent_id", "start", "end")
        }
    )
    m = m[m["entity"].notna() & m["role"].isin(roles)]
    m = m.join(arts.set_index("doc_id")[["period", "src", "copy", "date"]], on="doc_id")
    m = m[m["src"].notna()].rename(columns={"src": "source"})
    for col in ("period", "source", "copy"):
        m[col] = m[col].astype(int)
    m["a"] = m["entity"].map(actor_index)
    m["role"] = m["role"].map({r: i for i, r in enumerate(roles)})
    return m


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
    for name, frame, cols in (
        ("corpus", corpus, ("doc_id", "date", "source")),
        ("mentions", mentions, ("doc_id", "entity", "role", "start", "end", "sent_id")),
    ):
        missing = [c for c in cols if c not in frame.columns]
        if missing:
            raise ValueError(f"explorer: the {name} table lacks column(s) {', '.join(missing)}")
    arts, freq = _articles(corpus, freq)
    dated = arts["date"].dropna()
    periods = (
        []
        if not len(dated)
        else [
            str(p.start_time.date())
            for p in pd.period_range(dated.min().to_period(freq), dated.max().to_period(freq), freq=freq)
        ]
    )
    sources = sorted(arts["source"].unique())
    roles = ["actor"] + sorted(set(plain(mentions["role"]).dropna()) - {"actor"})  # every role: nothing left out
    s = support if support is not None and len(support) else pd.DataFrame(columns=["backer", "client", "doc_id"])
    actor_index = _actor_ids(mentions, s)
    arts["period"], arts["src"] = _codes(arts["period"], periods), _codes(arts["source"], sources)
    m = _coded_mentions(mentions, arts, roles, actor_index)
    texts = {
        (d, f): str(t)
        for f in ("title", "text")
        if f in corpus.columns
        for d, t in zip(plain(corpus["doc_id"]), plain(corpus[f]).fillna(""))
    }
    evidence, ev_left, evidence_cap = _evidence(m, texts, evidence_cap, CONTEXT)
    edges, statements, st_left, statement_cap, undated = _backing(s, arts, actor_index, sources, texts, statement_cap)
    kinds = dict(zip(plain(mentions["entity"]), plain(mentions["kind"]))) if "kind" in mentions.columns else {}
    logger.info(
        "explorer: %d articles, %d actors, %d periods (%s); kept %d mentions in context (%d left out by the "
        "cap) and %d statements (%d left out)",
        len(arts),
        len(actor_index),
        len(periods),
        freq,
        len(evidence),
        ev_left,
        len(statements),
        st_left,
    )
    return {
        "version": 1,
        "meta": {
            "title": title or "Conflict news explorer",
            "freq": freq,
            "generated": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
            "articles": int(len(arts)),
            "undated": int(arts["period"].lt(0).sum()),
            "mentions": int(len(m)),
            "statements": int(len(s)),
            "undated_statements": undated,
            "caps": {"evidence": int(evidence_cap), "statements": int(statement_cap)},
            "capped": {"evidence": ev_left, "statements": st_left},
        },
        "actors": _actor_table(list(actor_index), kinds),
        "sources": sources,
        "periods": periods,
        "roles": roles,
        "modalities": list(MODALITIES),
        "reviews": list(REVIEWS),
        "volume": _volume(arts),
        "counts": _counts(m, roles),
        "cooc": _cooc(m, 0),
        "edges": edges,
        "statements": statements,
        "evidence": evidence,
        "articles": _cited(arts, {r[2] for r in evidence} | {r[3] for r in statements}),
        "reference": _reference(actor_index),
    }


def _actor_ids(mentions: pd.DataFrame, support: pd.DataFrame) -> dict[str, int]:
    """{actor id: code} for every actor mentioned, stated, or in a reference edge of the gazetteer."""
    ids = (
        set(plain(mentions["entity"]).dropna())
        | set(plain(support["backer"]).dropna())
        | set(plain(support["client"]).dropna())
    )
    g = active_gazetteer()
    if g is not None:
        ids |= set(g.backs["backer"].astype(str)) | set(g.backs["client"].astype(str))
    return {a: i for i, a in enumerate(sorted(ids))}


def _backing(
    s: pd.DataFrame,
    arts: pd.DataFrame,
    actor_index: dict[str, int],
    sources: list[str],
    texts: dict[tuple[str, str], str],
    cap: int,
) -> tuple[list, list, int, int, int]:
    """Edge counts, the statements kept, how many the cap left out, the cap applied, undated statements."""
    if not len(s):
        return [], [], 0, cap, 0
    st = _support_frame(s, arts)
    st["b"], st["c"] = st["backer"].map(actor_index), st["client"].map(actor_index)
    st["src"] = _codes(st["source"], sources)
    st["period"] = st["period"].fillna(-1).astype(int)
    statements, left, cap = _statements(st, texts, cap)
    return _edges(st), statements, left, cap, int(st["period"].lt(0).sum())


def _cited(arts: pd.DataFrame, cited: set[str]) -> dict[str, list]:
    """The article records (id, date, source code, title, url, copy flag) of the articles cited."""
    a = arts[arts["doc_id"].isin(cited)]
    return {
        "id": a["doc_id"].tolist(),
        "date": [d.strftime("%Y-%m-%d") if pd.notna(d) else "" for d in a["date"]],
        "source": a["src"].astype(int).tolist(),
        "title": a["title"].tolist(),
        "url": a["url"].tolist(),
        "copy": a["copy"].astype(int).tolist(),
    }


def _static(name: str) -> str:
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
