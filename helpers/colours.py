"""Colours of actors and groups: the same actor has the same colour in every figure of every run.

An actor's colour is its gazetteer ``colour`` when the gazetteer gives one; the others get, in the order
the gazetteer lists them, the colours of :data:`DEFAULT_PALETTE` (colour-blind-safe: Paul Tol's muted
scheme, then Okabe-Ito's) that no actor has yet, then Tol's light and vibrant ones, then the palette
again; ids the gazetteer does not know get a palette colour chosen by a hash of the id (MD5, not Python's salted
``hash``), so it never changes between runs. Groups that are not actors (sources, kinds of line) take
palette colours in the order given, so they differ within a figure. With more actors than colours some
share one; timelines then tell them apart by line style, networks by their labels.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable
from typing import Any

from .resolve import active_gazetteer

#: Colour-blind-safe qualitative colours (Tol muted 9, then Okabe-Ito's 6 without black and yellow).
DEFAULT_PALETTE: tuple[str, ...] = (
    "#332288",
    "#88ccee",
    "#44aa99",
    "#117733",
    "#999933",
    "#ddcc77",
    "#cc6677",
    "#882255",
    "#aa4499",
    "#e69f00",
    "#56b4e9",
    "#009e73",
    "#0072b2",
    "#d55e00",
    "#cc79a7",
)
#: Lighter colour-blind-safe colours (Tol light), for actors beyond the palette before it repeats.
LIGHT_PALETTE: tuple[str, ...] = (
    "#77aadd",
    "#ee8866",
    "#44bb99",
    "#ffaabb",
    "#99ddff",
    "#bbcc33",
    "#aaaa00",
    "#eedd88",
)
#: Tol's vibrant colours, after the light ones.
VIBRANT_PALETTE: tuple[str, ...] = ("#ee3377", "#33bbee", "#cc3311", "#009988", "#0077bb", "#ee7733")
#: Neutral colours: reference-only edges, periods with too few articles, notes.
GREY, LIGHT_GREY = "#8c8c8c", "#d9d9d9"


def _gazetteer_colours() -> dict[str, str]:
    g = active_gazetteer()
    return _colours_of(g.sha256) if g is not None else {}


@functools.lru_cache(maxsize=4)
def _colours_of(sha: str) -> dict[str, str]:
    """Every gazetteer actor's colour (cached per gazetteer)."""
    g = active_gazetteer()
    explicit = g.actors["colour"].dropna() if "colour" in g.actors.columns else {}
    out = {str(k): str(v) for k, v in dict(explicit).items()}
    # colours no actor has yet come first; then the palette again (figures tell repeats apart by line style)
    taken = set(out.values())
    extra = LIGHT_PALETTE + VIBRANT_PALETTE
    cycle = (
        [c for c in DEFAULT_PALETTE if c not in taken]
        + [c for c in extra if c not in taken]
        + [c for c in DEFAULT_PALETTE if c in taken]
    )
    rest = [str(a) for a in g.actors.index if str(a) not in out]
    out.update({a: cycle[i % len(cycle)] for i, a in enumerate(rest)})
    return out


def hashed_colour(key: Any) -> str:
    """A palette colour chosen by an MD5 hash of ``key`` (stable across runs and machines)."""
    digest = hashlib.md5(str(key).encode("utf-8")).digest()
    return DEFAULT_PALETTE[int.from_bytes(digest[:4], "big") % len(DEFAULT_PALETTE)]


def actor_colours(ids: Iterable[Any]) -> dict[str, str]:
    """{id: "#rrggbb"}: the gazetteer's colour, its default by gazetteer order, or a hashed palette colour."""
    known = _gazetteer_colours()
    return {str(i): known.get(str(i)) or hashed_colour(i) for i in ids}


def group_colours(groups: Iterable[Any]) -> dict[str, str]:
    """{group: colour} for groups that are not actors (sources...): palette colours in the order given."""
    names = list(dict.fromkeys(str(g) for g in groups))
    return {g: DEFAULT_PALETTE[i % len(DEFAULT_PALETTE)] for i, g in enumerate(names)}
