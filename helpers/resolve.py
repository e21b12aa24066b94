"""Actor names: which actor a reader means by an id, a display label or an alias, typed in any case.

:func:`resolve_actors` turns ``"Hezbollah"``, ``"hezbollah"`` or ``"Hizbullah"`` into ``hezbollah``, and
raises ``ValueError`` naming the closest known actors when nothing matches; :func:`top_actors` picks the
actors a notebook charts. Names come from the gazetteer set with :func:`use_gazetteer` (the kit's own by
default), which the figures use for labels and colours too.
"""

from __future__ import annotations

import difflib
import functools
import logging
import re
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from . import packs
from .gazetteer import Gazetteer, alias_variants, load_gazetteer
from .textnorm import fold

logger = logging.getLogger(__name__)

MENTIONS = "the MENTIONS table from h.tag_mentions(corpus)"


_ACTIVE: dict[str, Gazetteer | None] = {"gazetteer": None}


def use_gazetteer(gazetteer: Gazetteer | None) -> None:
    """Resolve actor names and draw labels and colours from ``gazetteer`` (None: the kit's own again).

    Call it after loading your own gazetteer (``h.use_gazetteer(h.load_gazetteer([..., "mine.yaml"]))``)
    so that names and colours of your actors are known to every analysis and figure.
    """
    _ACTIVE["gazetteer"] = gazetteer
    _index.cache_clear()


def use_conflict(spec: str | Sequence[str] | None) -> list[str]:
    """Work on another war: make the conflict pack(s) ``spec`` the default of every call that names none
    (:func:`~helpers.gazetteer.load_gazetteer`, ``tag_mentions``, ``tag_cached``, ``load_events``, names and
    colours). None leaves the default as it is (``data/conflicts/default.yaml`` or ``HELPERS_CONFLICT``).

    Args:
        spec: a pack name (``"sudan"``) or a list of them (``["syria", "sudan"]``), or None.

    Returns:
        The packs in use.

    Raises:
        ValueError: an unknown pack name.
    """
    if spec is None or (not isinstance(spec, str) and not list(spec)):
        return packs.default_packs()
    chosen = packs.set_default_packs(spec)
    use_gazetteer(None)
    return chosen


def active_gazetteer() -> Gazetteer | None:
    """The gazetteer set by :func:`use_gazetteer`, else the kit's own (None when it cannot be read)."""
    if _ACTIVE["gazetteer"] is None:
        try:
            _ACTIVE["gazetteer"] = load_gazetteer()
        except (OSError, ValueError) as err:  # a copied package without data/: names stay ids
            logger.warning("no gazetteer for actor names (%s); actors are shown by id", err)
            return None
    return _ACTIVE["gazetteer"]


def short_label(label: str) -> str:
    """A gazetteer label for display: parenthetical notes dropped unless they are an acronym.

    ``"Syrian government (Bashar al-Assad)"`` -> ``"Syrian government"``; ``"Islamic State (ISIS)"`` stays.
    """

    def keep(m: re.Match) -> str:
        inner = m.group(1).strip()
        return m.group(0) if re.fullmatch(r"[A-Z0-9.\-]{2,8}", inner) else ""

    text = re.sub(r"\s*\(([^()]*)\)", keep, str(label)).strip()
    return text or str(label)


def _key(text: str) -> str:
    """A name folded for lookup: case, diacritics, dashes, underscores and a leading "the" ignored."""
    key = re.sub(r"[\s_\-]+", " ", fold(str(text))).strip()
    return key[4:] if key.startswith("the ") else key


@functools.lru_cache(maxsize=4)
def _index(sha: str | None = None) -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, str]]:
    """(strong keys -> ids, alias keys -> ids, id -> label) of the active gazetteer."""
    g = active_gazetteer()
    strong: dict[str, set[str]] = {}
    weak: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    if g is None:
        return strong, weak, labels
    for aid, label in g.actors["label"].items():
        labels[str(aid)] = str(label)
        for name in (aid, label, short_label(label)):
            strong.setdefault(_key(name), set()).add(str(aid))
    for aid, text in zip(g.aliases["entity"], g.aliases["text"]):
        if aid:
            for form in alias_variants(str(text)):
                weak.setdefault(_key(form), set()).add(str(aid))
    return strong, weak, labels


def _lookup() -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, str]]:
    g = active_gazetteer()
    return _index(g.sha256 if g is not None else None)


def resolve_actors(names: str | Iterable[str], known: Iterable[str] = ()) -> list[str]:
    """Actor ids for names given as ids, display labels or aliases, in any case.

    Args:
        names: one name or several (``"Hezbollah"``, ``"hizbullah"``, ``"syrian_government"``).
        known: ids present in the data besides the gazetteer's (a user's own ids), matched exactly
            or case-insensitively.

    Returns:
        The ids, in the order given (an alias shared by several actors, such as a dated name, gives
        all of them), without repeats.

    Raises:
        ValueError: a name matches no actor; the message names the closest known actors.
    """
    names = [names] if isinstance(names, str) else list(names)
    strong, weak, labels = _lookup()
    extra = {_key(k): str(k) for k in known if k is not None and str(k) not in labels}
    out: list[str] = []
    for name in names:
        if not isinstance(name, str):
            raise TypeError(f"an actor is named by a string (id, label or alias), not {type(name).__name__}")
        if name in labels or name in extra.values():
            ids = [name]
        else:
            key = _key(name)
            hits = strong.get(key) or ({extra[key]} if key in extra else None) or weak.get(key)
            if not hits:
                raise ValueError(_no_actor_message(name, strong, weak, extra, labels))
            ids = sorted(hits, key=lambda a: (list(labels).index(a) if a in labels else len(labels), a))
            if len(ids) > 1:
                logger.info("%r names several actors: %s", name, ", ".join(ids))
        out += [i for i in ids if i not in out]
    return out


def _no_actor_message(name: str, strong: Mapping, weak: Mapping, extra: Mapping, labels: Mapping) -> str:
    keys = list(strong) + list(weak) + list(extra)
    close = difflib.get_close_matches(_key(name), keys, n=8, cutoff=0.6)
    ids: list[str] = []
    for k in close:
        for aid in sorted(strong.get(k) or weak.get(k) or {extra.get(k)}):
            if aid and aid not in ids:
                ids.append(aid)
    shown = ", ".join(f"{short_label(labels[a])} ({a})" if a in labels else a for a in ids[:3])
    hint = f"; closest: {shown}" if shown else "; see h.load_gazetteer().actors for the known ones"
    return f"no actor matches {name!r} (ids, labels and aliases are compared in any case){hint}"


def top_actors(
    mentions: pd.DataFrame,
    n: int = 10,
    entities: str | Iterable[str] | None = None,
    roles: Iterable[str] | None = ("actor",),
) -> list[str]:
    """The actors a notebook charts: ``entities`` resolved to ids when given, else the ``n`` most mentioned.

    Args:
        mentions: MENTIONS table.
        n: how many of the most mentioned actors (ties by id).
        entities: actors chosen by the reader (ids, labels or aliases, any case); they win over ``n``.
        roles: the roles counted (actor readings by default).

    Returns:
        Actor ids (an empty list when nothing is mentioned).

    Raises:
        ValueError: a chosen name matches no actor (the message names the closest).
    """
    if mentions is None or not isinstance(mentions, pd.DataFrame):
        raise TypeError("top_actors: pass " + MENTIONS)
    known = mentions["entity"].dropna().astype(str).unique() if "entity" in mentions.columns else []
    if entities:
        return resolve_actors(entities, known)
    m = mentions if roles is None or "role" not in mentions.columns else mentions[mentions["role"].isin(list(roles))]
    counts = m["entity"].dropna().astype(str).value_counts()
    return sorted(counts.index, key=lambda e: (-counts[e], e))[:n]


__all__ = ["resolve_actors", "top_actors", "use_gazetteer", "active_gazetteer", "short_label"]
