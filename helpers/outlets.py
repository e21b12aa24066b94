"""Outlets as data: who publishes a source (country, state-owned, state-funded, party-owned, private, public or
wire) and in which language, so that every analysis can split by owner type (how a backer's state media frame
its backing is a core question of this field). The table is ``data/outlets.csv`` (``outlet``, ``aliases``
separated by ``;``, ``country``, ``owner_type``, ``language``, ``cite``)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from . import config

OUTLETS: Path = config.DATA_DIR / "outlets.csv"
OWNER_TYPES = ("state-owned", "state-funded", "party-owned", "public", "private", "wire")
INFO_COLUMNS = ["outlet", "country", "owner_type", "outlet_language"]


class OutletError(ValueError):
    """The outlet table is invalid (the message names the file, line and column)."""


def load_outlets(path: str | Path | None = None) -> pd.DataFrame:
    """The outlet table, one row per outlet, with ``names``: every name (lower case) that maps to it.

    Raises:
        OutletError: a missing column, an unknown owner type, or a name claimed by two outlets.
    """
    p = Path(path) if path else OUTLETS
    raw = pd.read_csv(p, dtype=str, keep_default_na=False)
    missing = {"outlet", "aliases", "country", "owner_type", "language", "cite"} - set(raw.columns)
    if missing:
        raise OutletError(f"{p}: missing column(s) {sorted(missing)}")
    seen: dict[str, int] = {}
    names = []
    for i, r in enumerate(raw.to_dict("records"), start=2):
        if r["owner_type"] not in OWNER_TYPES:
            raise OutletError(f"{p}, line {i}, column owner_type: {r['owner_type']!r} is not one of {OWNER_TYPES}")
        if not r["cite"].strip():
            raise OutletError(f"{p}, line {i}, column cite: every outlet needs a source for its facts")
        mine = {n.strip().casefold() for n in [r["outlet"], *r["aliases"].split(";")] if n.strip()}
        for n in mine:
            if n in seen:
                raise OutletError(f"{p}, line {i}, column aliases: {n!r} already names the outlet of line {seen[n]}")
            seen[n] = i
        names.append(sorted(mine))
    return raw.assign(names=names)


def outlet_info(frame: pd.DataFrame, column: str = "source", path: str | Path | None = None) -> pd.DataFrame:
    """``frame`` with the outlet's name, country, owner type and language joined on its ``column``
    (case-insensitive, through the table's aliases); sources the table does not know get ``<NA>`` (string columns).

    Raises:
        KeyError: ``frame`` has no ``column``.
    """
    if column not in frame:
        raise KeyError(
            f"outlet_info: no column {column!r} in the frame (columns: {', '.join(map(str, frame.columns))})"
        )
    table = load_outlets(path)
    by_name = {n: r for r in table.to_dict("records") for n in r["names"]}
    keys = frame[column].astype("string").fillna("").str.strip().str.casefold()
    rows = [by_name.get(k, {}) for k in keys]
    cols = {"outlet": "outlet", "country": "country", "owner_type": "owner_type", "outlet_language": "language"}
    return frame.assign(**{c: pd.array([r.get(k) for r in rows], dtype="string") for c, k in cols.items()})
