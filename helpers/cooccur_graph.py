"""Co-occurrence as a graph: a matrix from :func:`helpers.cooccur.cooccurrence` as a weighted networkx graph
(for :func:`helpers.plot_network` or Gephi), and :func:`export_graph` to write any graph as GEXF or GraphML."""

from __future__ import annotations

import logging
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from .select import MENTIONS, Selection, checked, kind_map

logger = logging.getLogger(__name__)


@checked(
    frames={"matrix": "a square result of h.cooccurrence(...)"},
    optional={"mentions": MENTIONS, "actors": "the gazetteer's .actors frame"},
)
def cooccurrence_graph(
    matrix: pd.DataFrame,
    mentions: pd.DataFrame | None = None,
    actors: pd.DataFrame | None = None,
    min_value: float | None = None,
) -> nx.Graph:
    """A co-occurrence matrix as a weighted networkx graph (for plot_network or Gephi).

    Args:
        matrix: square frame from :func:`cooccurrence`.
        mentions: MENTIONS table; node ``size`` = number of mentions of the actor, counted with the
            matrix's own selection (stories/roles/rollup from ``matrix.attrs``). Without it, size
            is the number of windows naming the actor (``attrs["actor_windows"]``).
        actors: optional gazetteer actors frame (``label``, ``kind``).
        min_value: keep edges with value >= min_value; None keeps edges with a positive value
            (count/jaccard: seen together; pmi/npmi: together more often than chance). NaN never.

    Returns:
        networkx.Graph with node attributes size (int), kind (str), label (str) and edge attribute
        weight (float, the measure). Graph attributes: measure, window.
    """
    labels = [str(x) for x in matrix.index]
    kinds = dict(matrix.attrs.get("kinds", {}))
    if mentions is not None:
        kinds.update(kind_map(mentions, None))
    if actors is not None and "kind" in actors.columns:
        kinds.update(kind_map(None, actors))
    names = {}
    if actors is not None and "label" in actors.columns:
        names = {str(k): str(v) for k, v in actors["label"].dropna().items()}
    sel = Selection.from_dict(
        matrix.attrs.get("select")
        or {"roles": matrix.attrs.get("roles", ["actor"]), "stories": matrix.attrs.get("stories", "unique")}
    )
    if mentions is not None and sel.language is None:  # a language needs the corpus: windows then
        counted = sel.mentions(mentions, rollup=matrix.attrs.get("rollup", False), actors=actors)
        sizes = counted["entity"].value_counts().to_dict()
    else:
        sizes = matrix.attrs.get("actor_windows", {})
    G = nx.Graph(measure=str(matrix.attrs.get("measure", "")), window=str(matrix.attrs.get("window", "")))
    for a in labels:
        G.add_node(a, size=int(sizes.get(a, 0)), kind=str(kinds.get(a, "unknown")), label=names.get(a, a))
    values = matrix.reindex(columns=matrix.index).to_numpy(dtype=float)
    iu, ju = np.triu_indices(len(labels), k=1)
    for i, j in zip(iu, ju):
        v = values[i, j]
        if np.isnan(v):
            continue
        if (min_value is None and v > 0) or (min_value is not None and v >= min_value):
            G.add_edge(labels[i], labels[j], weight=float(v))
    logger.info("cooccurrence_graph: %d nodes, %d edges", G.number_of_nodes(), G.number_of_edges())
    return G


def export_graph(G: nx.Graph, path: str | Path) -> Path:
    """Write a graph for Gephi and friends: GEXF or GraphML, chosen by the file suffix.

    Args:
        G: a networkx graph (e.g. from :func:`cooccurrence_graph`).
        path: ``*.gexf`` or ``*.graphml``; parent folders are created.

    Returns:
        The path written.

    Raises:
        ValueError: unsupported suffix.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".gexf", ".graphml"):
        raise ValueError(f"export_graph: unsupported suffix {path.suffix!r}: use .gexf or .graphml")
    path.parent.mkdir(parents=True, exist_ok=True)
    H = G.copy()
    for _, data in H.nodes(data=True):
        for k, v in list(data.items()):
            data[k] = v.item() if isinstance(v, np.generic) else v
    for _, _, data in H.edges(data=True):
        for k, v in list(data.items()):
            data[k] = v.item() if isinstance(v, np.generic) else v
    if suffix == ".gexf":
        nx.write_gexf(H, path)
    else:
        nx.write_graphml(H, path)
    logger.info("export_graph: %d nodes, %d edges -> %s", H.number_of_nodes(), H.number_of_edges(), path)
    return path
