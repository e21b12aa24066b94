"""The explorer's data cube, coded: the tables :func:`helpers.explorer.explorer_data` embeds in the page.

Every dimension (actors, periods, sources, roles, modalities, reviews) is a list of names and the tables
hold indexes into them; the layout of each table is in :mod:`helpers.explorer`'s docstring. Counts are
exact; only the sentences kept (mentions in context, statements) are capped, and the caps are lowered to
fit a budget per page.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from .colours import actor_colours
from .names import labels
from .resolve import active_gazetteer
from .select import is_copy, plain, to_utc_naive

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


def codes(values: pd.Series, names: list[str]) -> np.ndarray:
    """Indexes of ``values`` in ``names`` (-1 where missing)."""
    index = {n: i for i, n in enumerate(names)}
    return np.array([index.get(v, -1) if isinstance(v, str) else -1 for v in values], dtype=np.int64)


def article_frame(corpus: pd.DataFrame, freq: str | None) -> tuple[pd.DataFrame, str]:
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


def volume_rows(arts: pd.DataFrame) -> list[list[int]]:
    """Rows ``[period, source, copy, articles]`` from coded articles (undated ones left out)."""
    g = arts[arts["period"] >= 0].groupby(["period", "src", "copy"]).size()
    return [[int(x) for x in k] + [int(n)] for k, n in g.items()]


def count_rows(m: pd.DataFrame, roles: list[str]) -> list[list[int]]:
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


def cooc_rows(m: pd.DataFrame, actor_role: int) -> list[list[int]]:
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


def evidence_rows(
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
    """Rows ``[backer, client, period, source, copy, modality, review, statements]`` of dated statements."""
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


def actor_table(ids: list[str], kinds: dict[str, str]) -> dict[str, list[str]]:
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


def reference_rows(actor_index: dict[str, int]) -> list[list[Any]]:
    """Rows ``[backer, client, from, to, cite]`` of the active gazetteer's dated reference edges."""
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


def coded_mentions(
    mentions: pd.DataFrame, arts: pd.DataFrame, roles: list[str], actor_index: dict[str, int]
) -> pd.DataFrame:
    """The mentions of ``roles`` in coded articles, with actor, role, period, source and copy codes."""
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


def actor_ids(mentions: pd.DataFrame, support: pd.DataFrame) -> dict[str, int]:
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


def backing_rows(
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
    st["src"] = codes(st["source"], sources)
    st["period"] = st["period"].fillna(-1).astype(int)
    statements, left, cap = _statements(st, texts, cap)
    return _edges(st), statements, left, cap, int(st["period"].lt(0).sum())


def cited_articles(arts: pd.DataFrame, cited: set[str]) -> dict[str, list]:
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
