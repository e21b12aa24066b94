"""The English words that tell an actor from a place (``data/cues/roles.yaml``), read and checked once.

:mod:`helpers.roles` decides whether ``Ankara``, ``Syria's`` or ``Turkish`` names an actor or a place from the
words around it: verbs after it, prepositions before it, nouns after its possessive. Those words are data, like
the cue lexicon: a list missing, a list no one reads or a list that is not a list of words is reported with the
file, the line and the reason.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from . import config
from .yamlio import read_yaml

ROLE_WORDS_PATH: Path = config.DATA_DIR / "cues" / "roles.yaml"

#: the lists :mod:`helpers.roles` reads (each documented in the file and in ``data/cues/SCHEMA.md``)
KEYS: tuple[str, ...] = (
    "aux_words",
    "verbs",
    "aux_only",
    "place_compounds",
    "poss_place_nouns",
    "place_heads",
    "state_heads",
    "from_actor",
    "to_place",
    "given_to_capital",
    "lent_to_state",
    "troops",
    "of_place",
    "skip",
    "actor_preps",
    "pressure_nouns",
    "support_nouns",
    "governed_in",
    "relying",
    "relation_nouns",
    "border_nouns",
    "subordinators",
    "object_verbs",
    "actor_verbs",
    "place_preps",
    "titles_before",
    "decisive_for",
    "fought_for",
    "goods",
    "topic_on",
    "topic_for",
    "relief",
    "owned_clients",
)


class RoleWordsError(ValueError):
    """A role-words file that cannot be used; the message names the file, the line and the reason."""


@lru_cache(maxsize=4)
def load_role_words(path: str | Path | None = None) -> dict[str, frozenset[str]]:
    """The English role words, by list name.

    Args:
        path: the YAML file (default: the kit's ``data/cues/roles.yaml``).

    Returns:
        Each list of :data:`KEYS` as a frozenset of lower-case words (the ``lang: en`` entries merged).

    Raises:
        RoleWordsError: the file cannot be read, an entry or a list is malformed, a list is unknown or missing.
    """
    p = Path(path) if path else ROLE_WORDS_PATH
    doc, raw = read_yaml(p, RoleWordsError, top_keys=("meta", "roles"))
    extra = sorted(k for k in doc if k not in ("meta", "roles", "__line__"))
    if extra:
        raise RoleWordsError(f"{p}, line {doc['__line__']}: unknown section {extra[0]!r} (known: meta, roles)")
    entries = doc.get("roles")
    if not isinstance(entries, list) or not entries:
        raise RoleWordsError(f"{p}, line {doc['__line__']}: 'roles' must be a non-empty list of entries")
    words: dict[str, set[str]] = {k: set() for k in KEYS}
    lines = raw.decode("utf-8").splitlines()
    for e in entries:
        _read_entry(p, e, words, lines)
    missing = [k for k in KEYS if not words[k]]
    if missing:
        raise RoleWordsError(f"{p}: no words for {', '.join(missing)} (every list of the schema is needed)")
    return {k: frozenset(v) for k, v in words.items()}


def _line_of(lines: list[str], key: str, start: object) -> object:
    """The line where list ``key`` starts, searched from its entry's line ``start`` (the entry's line if not found)."""
    first = start if isinstance(start, int) else 1
    return next((i + 1 for i in range(first - 1, len(lines)) if lines[i].lstrip().startswith(f"{key}:")), start)


def _read_entry(p: Path, e: object, words: dict[str, set[str]], lines: list[str]) -> None:
    """Add one ``roles`` entry's lists to ``words`` (entries of other languages are left for their readers)."""
    if not isinstance(e, dict):
        raise RoleWordsError(f"{p}: every 'roles' entry must be a mapping with lang and word lists")
    line = e.get("__line__", "?")
    if e.get("lang") != "en":
        return
    for key, value in e.items():
        if key in ("__line__", "lang"):
            continue
        where = f"{p}, line {_line_of(lines, key, line)}"
        if key not in words:
            raise RoleWordsError(f"{where}: unknown list {key!r} (known: {', '.join(KEYS)})")
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            raise RoleWordsError(f"{where}: {key!r} must be a list of words")
        words[key].update(w.strip() for w in value)
