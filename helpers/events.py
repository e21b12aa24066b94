"""The reference event list drawn as markers on timelines (``events.csv`` of the conflict packs, or a CSV)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from . import packs
from .select import to_utc_naive

logger = logging.getLogger(__name__)

EVENT_COLUMNS: tuple[str, ...] = ("date", "event", "actors", "category")


def load_events(path: str | Path | Sequence[str] | None = None) -> pd.DataFrame:
    """Read the reference event list drawn as markers on timelines.

    Args:
        path: a CSV with columns ``date,event,actors,category`` (``actors`` semicolon-separated ids), or a
            conflict pack name or list of names (their ``events.csv``); default: the default packs' events.

    Returns:
        DataFrame[date (tz-naive UTC datetime64), event (str), actors (list of str), category (str)],
        sorted by date.

    Raises:
        FileNotFoundError: no file at ``path``.
        ValueError: an unknown pack, a required column missing or a date that cannot be parsed.
    """
    is_file = isinstance(path, Path) or (isinstance(path, str) and (path.endswith(".csv") or "/" in path))
    if not is_file:
        files = packs.events_files(path)
        frames = [_read_events(f) for f in files]
        if not frames:
            return pd.DataFrame(
                {"date": pd.Series([], dtype="datetime64[ns]"), "event": [], "actors": [], "category": []}
            )
        return pd.concat(frames, ignore_index=True).sort_values("date", kind="stable").reset_index(drop=True)
    return _read_events(Path(path))


def _read_events(path: Path) -> pd.DataFrame:
    """One event CSV as the events frame, sorted by date.

    Raises:
        FileNotFoundError: no file at ``path``.
        ValueError: a required column missing or a date that cannot be parsed (with its line).
    """
    if not path.is_file():
        raise FileNotFoundError(
            f"load_events: no event list at {path}. Expected a CSV with columns "
            "date,event,actors,category (actors as semicolon-separated actor ids)."
        )
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in ("date", "event") if c not in raw.columns]
    if missing:
        raise ValueError(f"load_events: {path} lacks column(s) {', '.join(missing)}")
    dates = to_utc_naive(raw["date"].str.strip().replace("", None))
    bad = dates.isna()
    if bad.any():
        rows = ", ".join(str(i + 2) for i in np.flatnonzero(bad.to_numpy())[:5])
        raise ValueError(f"load_events: {path}: unparseable date on line(s) {rows}")
    actors_col = raw["actors"] if "actors" in raw.columns else pd.Series([""] * len(raw))
    events = pd.DataFrame(
        {
            "date": dates.to_numpy(),
            "event": raw["event"].str.strip().to_numpy(),
            "actors": [[a.strip() for a in str(v).split(";") if a.strip()] for v in actors_col],
            "category": (
                raw["category"].str.strip() if "category" in raw.columns else pd.Series([""] * len(raw))
            ).to_numpy(),
        }
    )
    events = events.sort_values("date", kind="stable").reset_index(drop=True)
    logger.info("events: %d events from %s", len(events), path)
    return events


__all__ = ["EVENT_COLUMNS", "load_events"]
