"""Temporal networks for Gephi's timeline: backer and co-occurrence graphs whose nodes and edges carry spells.

:func:`temporal_support_graph` and :func:`temporal_cooccurrence_graph` return networkx graphs with
``G.graph["mode"] = "dynamic"``. Every node and edge has ``spells`` (one ``(start, end)`` pair of ISO
dates per period in which it is active: the period's first and last day, inclusive) and a dynamic
``count`` attribute (a list of ``(count, start, end)``, one per active period), plus static totals. The
kit's :func:`helpers.export_graph` writes them unchanged as a dynamic GEXF 1.2 file (``timeformat="date"``)
so that Gephi's timeline plays the network period by period.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

import networkx as nx
import pandas as pd

from .cooccur import window_codes
from .networks import select_statements, strongest_modality
from .select import MENTIONS, SUPPORT, Selection, checked
from .timelines import period_freq

logger = logging.getLogger(__name__)


def _periods(dates: pd.Series, freq: str) -> pd.Series:
    """Each date's period as ``(first day, last day)`` ISO strings (None for undated rows).

    Raises:
        ValueError: an unknown ``freq``.
    """
    try:
        code = period_freq(str(freq))
    except ValueError:
        raise ValueError(f"freq must be one of D, W, M, Q, Y, not {freq!r}") from None
    d = pd.to_datetime(dates, utc=True, errors="coerce").dt.tz_convert(None)
    p = d.dt.to_period(code)
    first = p.dt.start_time.dt.strftime("%Y-%m-%d")
    last = p.dt.end_time.dt.strftime("%Y-%m-%d")
    return pd.Series([(a, b) if isinstance(a, str) else None for a, b in zip(first, last)], index=dates.index)


def _dynamic(counts: pd.Series) -> tuple[list[tuple[str, str]], list[tuple[int, str, str]]]:
    """Spells and dynamic counts from a Series indexed by (start, end) periods, in time order."""
    items = sorted((k, int(v)) for k, v in counts.items() if v > 0)
    return [k for k, _ in items], [(v, k[0], k[1]) for k, v in items]


def _node_labels(ids: Iterable[str]) -> dict[str, str]:
    """Display labels from the active gazetteer (the id where it has none)."""
    try:
        from .resolve import active_gazetteer

        g = active_gazetteer()
    except Exception:  # noqa: BLE001 - labels are a nicety; a graph without them is still right
        g = None
    known = g.actors["label"].to_dict() if g is not None else {}
    return {i: str(known.get(i, i)) for i in ids}


@checked(frames={"support": SUPPORT})
def temporal_support_graph(
    support: pd.DataFrame,
    freq: str = "Y",
    include_negated: bool = False,
    modalities: Iterable[str] = ("asserted", "alleged", "possible"),
    select: Selection | None = None,
    **criteria: Any,
) -> nx.DiGraph:
    """The backer -> client network with one spell per period in which an edge is stated.

    Args:
        support: SUPPORT table (:func:`helpers.extract_support`).
        freq: period length: "D", "W" (Monday to Sunday), "M", "Q" or "Y".
        include_negated, modalities: which statements count (as :func:`helpers.support_network`).
        select, **criteria: :class:`helpers.Selection` criteria (stories, sources, start/end, entities,
            kinds); undated statements are left out (they belong to no period) and counted in
            ``G.graph["undated"]``.

    Returns:
        A DiGraph; nodes carry ``label``, ``statements`` (total), ``spells`` and ``count`` (statements
        naming the actor, per period); edges carry ``weight`` and ``statements`` (totals), ``modality``
        (the strongest), ``spells`` and ``count`` (statements per period). ``G.graph``: ``mode``
        ("dynamic"), ``freq``, ``undated``.

    Raises:
        ValueError: an unknown ``freq``.
    """
    sel = Selection.of(select, **criteria)
    s = select_statements(support, sel, None, include_negated, modalities, None, False)
    per = _periods(s["date"], freq) if len(s) else pd.Series(dtype=object)
    undated = int(per.isna().sum())
    s = s.assign(_period=per)[per.notna().to_numpy()] if len(s) else s.assign(_period=None)
    G = nx.DiGraph(mode="dynamic", freq=str(freq), undated=undated)
    if not len(s):
        return G
    nodes = pd.concat(
        [
            s[["backer", "_period"]].rename(columns={"backer": "actor"}),
            s[["client", "_period"]].rename(columns={"client": "actor"}),
        ]
    )
    labels = _node_labels(nodes["actor"].unique())
    for actor, group in nodes.groupby("actor", sort=True):
        spells, count = _dynamic(group["_period"].value_counts())
        G.add_node(str(actor), label=labels[actor], statements=int(len(group)), spells=spells, count=count)
    for (backer, client), group in s.groupby(["backer", "client"], sort=True):
        spells, count = _dynamic(group["_period"].value_counts())
        mod = strongest_modality(group["modality"]) if "modality" in group.columns else ""
        G.add_edge(
            str(backer),
            str(client),
            weight=float(len(group)),
            statements=int(len(group)),
            modality=mod,
            spells=spells,
            count=count,
        )
    logger.info(
        "temporal_support_graph: %d actors, %d edges over %d %s periods (%d undated statements left out)",
        G.number_of_nodes(),
        G.number_of_edges(),
        s["_period"].nunique(),
        freq,
        undated,
    )
    return G


@checked(frames={"mentions": MENTIONS})
def temporal_cooccurrence_graph(
    mentions: pd.DataFrame,
    freq: str = "Y",
    window: str = "sentence",
    min_count: int = 1,
    select: Selection | None = None,
    **criteria: Any,
) -> nx.Graph:
    """The co-occurrence network with one spell per period in which two actors share a window.

    Args:
        mentions: MENTIONS table.
        freq: period length: "D", "W", "M", "Q" or "Y".
        window: "sentence", "paragraph" or "article" (as :func:`helpers.cooccurrence`).
        min_count: keep pairs seen together in at least this many windows over the whole span.
        select, **criteria: :class:`helpers.Selection` criteria (roles, stories, sources, start/end,
            entities: only pairs of these actors, kinds); undated mentions are left out.

    Returns:
        A Graph; nodes carry ``label``, ``windows`` (total windows naming the actor), ``spells`` and
        ``count`` (windows per period); edges carry ``weight`` (windows shared in all), ``spells`` and
        ``count`` (windows shared per period). ``G.graph``: ``mode`` ("dynamic"), ``freq``, ``window``.

    Raises:
        ValueError: an unknown ``freq`` or ``window``.
    """
    sel = Selection.of(select, **criteria)
    m = sel.mentions(mentions, columns=["field", "sent_id", "para_id"])
    if sel.entities is not None:
        m = m[m["entity"].isin(sel.entity_ids(set(m["entity"])))]
    m = m[m["date"].notna()]
    G = nx.Graph(mode="dynamic", freq=str(freq), window=str(window))
    if not len(m):
        return G
    m = m.assign(_w=window_codes(m, window), _period=_periods(m["date"], freq))
    present = m.drop_duplicates(["_w", "entity"])[["_w", "entity", "_period"]]
    labels = _node_labels(present["entity"].unique())
    pairs = present.merge(present[["_w", "entity"]], on="_w", suffixes=("_a", "_b"))
    pairs = pairs[pairs["entity_a"] < pairs["entity_b"]]
    totals = pairs.groupby(["entity_a", "entity_b"]).size()
    keep = set(totals[totals >= int(min_count)].index)
    for actor, group in present.groupby("entity", sort=True):
        spells, count = _dynamic(group["_period"].value_counts())
        G.add_node(str(actor), label=labels[actor], windows=int(len(group)), spells=spells, count=count)
    for (a, b), group in pairs.groupby(["entity_a", "entity_b"], sort=True):
        if (a, b) not in keep:
            continue
        spells, count = _dynamic(group["_period"].value_counts())
        G.add_edge(str(a), str(b), weight=float(len(group)), spells=spells, count=count)
    logger.info(
        "temporal_cooccurrence_graph: %d actors, %d pairs over %d %s periods (%s windows)",
        G.number_of_nodes(),
        G.number_of_edges(),
        present["_period"].nunique(),
        freq,
        window,
    )
    return G
