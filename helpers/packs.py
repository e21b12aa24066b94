"""Conflict packs: a war's actors, descriptions, events and context words as one folder of data.

A pack is a folder ``data/conflicts/<name>/`` holding ``gazetteer.yaml`` (schema in
``data/conflicts/SCHEMA.md``) and optionally ``events.csv``. A pack may extend others (``meta.extends``):
the ``common`` pack holds the states and international bodies every war shares, so that loading two
wars together defines ``russia`` once. ``data/conflicts/default.yaml`` names the pack(s) used when none is
asked for. Nothing about any one war is written in Python.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from . import config
from .yamlio import read_yaml

PACK_FILE = "gazetteer.yaml"
EVENTS_FILE = "events.csv"
SAMPLE_DIR = "sample"
#: Environment variable naming the pack(s) to use instead of ``default.yaml``'s (comma-separated), so that
#: notebooks run by the report on fresh kernels use the pack the report was asked for.
ENV_VAR = "HELPERS_CONFLICT"
_CHOSEN: dict[str, list[str] | None] = {"packs": None}


def set_default_packs(spec: str | Sequence[str] | None) -> list[str]:
    """Make ``spec`` (a pack name or a list of them) the default for this session; None: back to the default.

    Returns:
        The packs now in use by default.

    Raises:
        ValueError: an unknown pack name.
    """
    if spec is None:
        _CHOSEN["packs"] = None
        return default_packs()
    names = [spec] if isinstance(spec, str) else [str(s) for s in spec]
    for name in names:
        pack_file(name)
    _CHOSEN["packs"] = names
    return list(names)


def available_packs() -> list[str]:
    """The names of the packs shipped in ``data/conflicts/``."""
    root = config.CONFLICTS_DIR
    return sorted(p.name for p in root.iterdir() if (p / PACK_FILE).is_file()) if root.is_dir() else []


def chosen_packs() -> list[str] | None:
    """The packs :func:`set_default_packs` chose for this session, or None."""
    return list(_CHOSEN["packs"]) if _CHOSEN["packs"] else None


def default_packs() -> list[str]:
    """The packs used when none is named: those chosen with :func:`set_default_packs`, else those of the
    ``HELPERS_CONFLICT`` environment variable (comma-separated), else those ``data/conflicts/default.yaml``
    lists (the kit's default conflict)."""
    if _CHOSEN["packs"]:
        return list(_CHOSEN["packs"])
    env = [p.strip() for p in os.environ.get(ENV_VAR, "").split(",") if p.strip()]
    if env:
        return env
    path = config.CONFLICTS_DIR / "default.yaml"
    doc = read_yaml(path)[0] if path.is_file() else {}
    packs = doc.get("packs") or []
    if not isinstance(packs, list) or not all(isinstance(p, str) for p in packs) or not packs:
        raise ValueError(f"{config.CONFLICTS_DIR / 'default.yaml'}: 'packs' must be a non-empty list of pack names")
    return packs


def pack_file(name: str) -> Path:
    """The gazetteer file of a pack name.

    Raises:
        ValueError: no such pack (the message lists the packs there are).
    """
    path = config.CONFLICTS_DIR / name / PACK_FILE
    if not path.is_file():
        raise ValueError(f"unknown conflict pack {name!r}: no {path}; packs: {', '.join(available_packs()) or 'none'}")
    return path


def resolve(spec: str | Path | Sequence[str | Path] | None) -> list[Path]:
    """Gazetteer files for pack names and/or paths, each pack's ``extends`` first, no file twice.

    Args:
        spec: a pack name (``"sudan"``), a path to a YAML file, or a list of them; ``None``: the default.

    Returns:
        The files to load, in order.

    Raises:
        ValueError: an unknown pack name, or packs that extend each other in a loop.
    """
    if spec is None:
        spec = default_packs()
    items = [spec] if isinstance(spec, (str, Path)) else list(spec)
    out: list[Path] = []
    for item in items:
        _add(Path(item) if _is_path(item) else pack_file(str(item)), out, ())
    return out


def _is_path(item: str | Path) -> bool:
    return isinstance(item, Path) or str(item).endswith((".yaml", ".yml")) or "/" in str(item) or "\\" in str(item)


def _add(path: Path, out: list[Path], chain: tuple[Path, ...]) -> None:
    path = path.resolve()
    if path in out:
        return
    if path in chain:
        raise ValueError(
            f"{path}: conflict packs extend each other in a loop: {' -> '.join(str(p) for p in (*chain, path))}"
        )
    for parent in extends_of(path):
        _add(pack_file(parent), out, (*chain, path))
    out.append(path)


def extends_of(path: Path) -> list[str]:
    """The pack names a gazetteer file's ``meta.extends`` lists (empty when none or unreadable)."""
    try:
        doc = read_yaml(path)[0]
    except ValueError:
        return []  # the loader reports the broken file with its line
    meta = doc.get("meta") or {}
    ext = (meta.get("extends") or []) if isinstance(meta, dict) else []
    return [ext] if isinstance(ext, str) else [str(e) for e in ext]


def events_files(spec: str | Path | Sequence[str | Path] | None = None) -> list[Path]:
    """The ``events.csv`` of the packs ``spec`` names (those that have one)."""
    return [p.parent / EVENTS_FILE for p in resolve(spec) if (p.parent / EVENTS_FILE).is_file()]


def sample_corpus(spec: str | Sequence[str] | None = None) -> list[Path]:
    """The bundled sample corpus of the packs ``spec`` names (default: the default packs).

    A pack's sample is its folder's ``sample/`` (``data/conflicts/sudan/sample``); packs without one share
    the kit's first sample, :data:`helpers.config.SAMPLE_CORPUS` (written for the Syria pack).

    Returns:
        The folders, each once, in the order of the packs.
    """
    names = default_packs() if spec is None else ([spec] if isinstance(spec, str) else [str(s) for s in spec])
    out: list[Path] = []
    for name in names:
        own = config.CONFLICTS_DIR / name / SAMPLE_DIR
        path = own if own.is_dir() else config.SAMPLE_CORPUS
        if path not in out:
            out.append(path)
    return out
