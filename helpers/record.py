"""Press versus record: expert-coded support data read into the kit's actor ids, beside what the press says.

:func:`load_reference` reads the UCDP External Support Dataset (triad-year and actor-year layouts), the
UCDP/PRIO Armed Conflict Dataset's secondary parties, an ACLED export (actors and associated actors) or
the gazetteer's own dated ``backs`` edges, into one tidy frame of (backer, client, year). The datasets'
names map to gazetteer ids through crosswalks (``data/crosswalks/<dataset>.csv``: ``external``, ``ids``,
``from``, ``to``, ``cite``), many to many: "Syrian insurgents" is the record's one actor for many of our
factions, whose first id is the record's grain. Unmapped names are reported, never guessed.

:func:`compare_record` sets the press statements (the SUPPORT table) beside a reference at the record's
grain, per year: ``both``, ``press_only`` or ``record_only``, with the press's statements, articles,
outlets, dates, modalities and support types, the record's datasets and types, and how many days after
the first coded year the press first said it (``lag_days``; negative when the press came first).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import config
from .gazetteer import Gazetteer, load_gazetteer
from .options import moved_into, options_of

log = logging.getLogger(__name__)

REFERENCE_COLUMNS = [
    "backer",
    "client",
    "year",
    "support_type",
    "alleged",
    "dataset",
    "source_row",
    "external_backer",
    "external_client",
]
COMPARE_COLUMNS = [
    "backer",
    "client",
    "year",
    "status",
    "statements",
    "articles",
    "outlets",
    "first_date",
    "last_date",
    "modalities",
    "press_types",
    "datasets",
    "record_types",
    "record_alleged_only",
    "lag_days",
]
STATUSES = ("both", "press_only", "record_only")
CROSSWALK_DIR: Path = config.DATA_DIR / "crosswalks"
#: UCDP ESD support-type flags and the kit's support types (letters as the ESD codebook documents them).
ESD_TYPES = {
    "ext_x": "troops",
    "ext_p": "troops",
    "ext_y": "intelligence",
    "ext_w": "weapons",
    "ext_m": "weapons",
    "ext_t": "training",
    "ext_f": "funding",
    "ext_i": "intelligence",
    "ext_l": "unspecified",
    "ext_o": "unspecified",
    "ext_u": "unspecified",
}


class RecordError(ValueError):
    """A reference file or crosswalk cannot be read (the message names the file, line or column)."""


@dataclass
class ReferenceReport:
    """What :func:`load_reference` did: rows read, mapped and skipped, and the names no crosswalk maps."""

    path: str
    kind: str
    rows: int = 0
    mapped: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)
    unmapped: dict[str, int] = field(default_factory=dict)

    def __repr__(self) -> str:
        top = ", ".join(f"{k} ({v})" for k, v in sorted(self.unmapped.items(), key=lambda x: -x[1])[:8])
        return (
            f"ReferenceReport({self.kind} from {self.path}: {self.rows} rows, {self.mapped} edges mapped, "
            f"{len(self.skipped)} rows skipped, {len(self.unmapped)} names unmapped{': ' + top if top else ''})"
        )


# -- crosswalks -----------------------------------------------------------------------------------------------
def load_crosswalk(dataset: str, gazetteer: Gazetteer | None = None, path: str | Path | None = None) -> pd.DataFrame:
    """The crosswalk of one dataset: ``external``, ``ids`` (list, grain id first), ``start``, ``end``, ``cite``.

    Raises:
        RecordError: no such file, a missing column, an unknown id or a bad date (file and line named).
    """
    p = Path(path) if path else CROSSWALK_DIR / f"{dataset}.csv"
    if not p.is_file():
        raise RecordError(f"no crosswalk for {dataset!r}: {p} does not exist")
    raw = pd.read_csv(p, dtype=str, keep_default_na=False)
    missing = {"external", "ids", "cite"} - set(raw.columns)
    if missing:
        raise RecordError(f"{p}: missing column(s) {sorted(missing)}")
    known = set((gazetteer or load_gazetteer(None)).actors.index)
    rows = []
    for i, r in enumerate(raw.to_dict("records"), start=2):
        ids = [x.strip() for x in r["ids"].split(";") if x.strip()]
        bad = [x for x in ids if x not in known]
        if bad or not ids or not r["cite"].strip():
            reason = f"unknown id(s) {bad}" if bad else "no ids" if not ids else "no cite"
            raise RecordError(f"{p}, line {i}: {reason}")
        try:
            start = pd.Timestamp(r["from"]) if r.get("from") else None
            end = pd.Timestamp(r["to"]) if r.get("to") else None
        except ValueError:
            raise RecordError(f"{p}, line {i}: bad date (use YYYY-MM-DD)") from None
        rows.append({"external": r["external"].strip(), "ids": ids, "start": start, "end": end, "cite": r["cite"]})
    return pd.DataFrame(rows, columns=["external", "ids", "start", "end", "cite"])


def _mapper(walk: pd.DataFrame):
    by_name: dict[str, list[tuple]] = {}
    for r in walk.itertuples(index=False):
        by_name.setdefault(r.external.casefold(), []).append((r.start, r.end, r.ids[0]))

    def grain(name: str, year: int) -> str | None:
        for start, end, gid in by_name.get(str(name).strip().casefold(), []):
            if (pd.isna(start) or start.year <= year) and (pd.isna(end) or end.year >= year):
                return gid
        return None

    return grain


# -- importers ------------------------------------------------------------------------------------------------
def detect_kind(columns: list[str]) -> str:
    """The reference layout a header shows.

    Raises:
        RecordError: no layout matches (the message lists what each needs).
    """
    cols = set(columns)
    if {"ext_name", "actor_name", "year"} <= cols and ("ext_sup" in cols or set(ESD_TYPES) <= cols):
        return "ucdp_esd_actor" if "ext_sup_s" in cols else "ucdp_esd_triad"
    if {"side_a", "side_b", "side_a_2nd", "side_b_2nd", "year"} <= cols:
        return "ucdp_acd"
    if {"actor1", "assoc_actor_1", "actor2", "assoc_actor_2", "event_date"} <= cols:
        return "acled"
    raise RecordError(
        "unknown reference layout: expected UCDP ESD (ext_name, actor_name, year and ext_sup "
        "or the ext_x..ext_u flags), UCDP ACD (side_a, side_b, side_a_2nd, side_b_2nd, year) or "
        "ACLED (actor1, assoc_actor_1, actor2, assoc_actor_2, event_date)"
    )


def _text(value: Any) -> str:
    """A cell as text; an empty cell (NaN) is ``""``."""
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def _esd_rows(df: pd.DataFrame, triad: bool) -> list[tuple]:
    out = []
    for i, r in enumerate(df.to_dict("records"), start=2):
        name = r.get("ext_name")
        sup = r.get("ext_sup", 1)  # a subset of supported rows may drop the column
        if pd.isna(sup) or int(sup) != 1 or pd.isna(name) or not str(name).strip():
            continue
        types = sorted({t for c, t in ESD_TYPES.items() if str(r.get(c, "0")).strip() in ("1", "1.0")}) or [
            "unspecified"
        ]
        alleged = str(r.get("ext_alleged", "0")).strip() in ("1", "1.0")
        names = [str(name)] if triad else [n for n in str(name).split(",") if n.strip()]
        for n in names:
            out.append((n.strip(), str(r["actor_name"]).strip(), int(r["year"]), ";".join(types), alleged, i))
    return out


def _acd_rows(df: pd.DataFrame) -> list[tuple]:
    out = []
    for i, r in enumerate(df.to_dict("records"), start=2):
        for side in ("a", "b"):
            for name in _text(r.get(f"side_{side}_2nd")).split(","):
                if name.strip():
                    client = str(r[f"side_{side}"]).split(",")[0].strip()
                    out.append((name.strip(), client, int(r["year"]), "troops", False, i))
    return out


def _acled_rows(df: pd.DataFrame) -> list[tuple]:
    """An associated actor acting with a main actor of a foreign state's forces is coded as backing it."""
    out = []
    years = pd.to_datetime(df["event_date"], errors="coerce", format="mixed").dt.year
    for i, (r, y) in enumerate(zip(df.to_dict("records"), years), start=2):
        if pd.isna(y):
            continue
        for side in ("1", "2"):
            main = _text(r.get(f"actor{side}")).strip()
            for assoc in _text(r.get(f"assoc_actor_{side}")).split(";"):
                if assoc.strip() and main:
                    out.append((assoc.strip(), main, int(y), "troops", False, i))
    return out


def _gazetteer_rows(g: Gazetteer) -> list[tuple]:
    out = []
    this_year = pd.Timestamp.now().year
    for i, r in enumerate(g.backs.itertuples(index=False), start=1):
        first = r[2].year if isinstance(r[2], pd.Timestamp) else 1990
        last = r[3].year if isinstance(r[3], pd.Timestamp) else this_year
        alleged = "alleged" in str(r[5]).lower()
        for y in range(first, last + 1):
            out.append((r[0], r[1], y, "unspecified", alleged, i))
    return out


def load_reference(
    path: str | Path | Gazetteer | None = None,
    kind: str | None = None,
    gazetteer: Gazetteer | None = None,
    crosswalk: str | Path | None = None,
) -> pd.DataFrame:
    """Read reference support data into the kit's ids, one row per (backer, client, year, source row).

    Args:
        path: a UCDP ESD, UCDP ACD or ACLED file (CSV or Excel), or ``None`` / a gazetteer for the
            gazetteer's own ``backs`` edges.
        kind: ``ucdp_esd_triad``, ``ucdp_esd_actor``, ``ucdp_acd``, ``acled``; detected from the columns.
        gazetteer: the gazetteer whose ids the crosswalk uses (default: the kit's).
        crosswalk: a crosswalk file (default ``data/crosswalks/<ucdp|acled>.csv``).

    Returns:
        Frame with :data:`REFERENCE_COLUMNS`; ``attrs["load_report"]`` is a :class:`ReferenceReport`
        (rows, mapped, skipped rows with reasons, unmapped names with counts).

    Raises:
        RecordError: an unreadable file, an unknown layout, or a bad crosswalk.
    """
    g = gazetteer or (path if isinstance(path, Gazetteer) else None) or load_gazetteer(None)
    if path is None or isinstance(path, Gazetteer):
        rows, report = _gazetteer_rows(g), ReferenceReport("gazetteer", "gazetteer")
        report.rows = report.mapped = len(rows)
        frame = pd.DataFrame(
            [(b, c, y, t, a, "gazetteer", i, b, c) for b, c, y, t, a, i in rows], columns=REFERENCE_COLUMNS
        )
        frame.attrs["load_report"] = report
        return frame
    p = Path(path)
    try:
        df = pd.read_excel(p) if p.suffix.lower() in (".xlsx", ".xls") else pd.read_csv(p, low_memory=False)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise RecordError(f"{p}: cannot read ({exc})") from None
    kind = kind or detect_kind(list(df.columns))
    rows = {
        "ucdp_esd_triad": lambda: _esd_rows(df, True),
        "ucdp_esd_actor": lambda: _esd_rows(df, False),
        "ucdp_acd": lambda: _acd_rows(df),
        "acled": lambda: _acled_rows(df),
    }[kind]()
    walk = load_crosswalk("acled" if kind == "acled" else "ucdp", g, crosswalk)
    grain = _mapper(walk)
    report = ReferenceReport(str(p), kind, rows=len(df))
    out = []
    for ext_b, ext_c, year, types, alleged, line in rows:
        b, c = grain(ext_b, year), grain(ext_c, year)
        for name, got in ((ext_b, b), (ext_c, c)):
            if got is None:
                report.unmapped[name] = report.unmapped.get(name, 0) + 1
        if b is None or c is None:
            report.skipped.append((line, f"unmapped name: {ext_b if b is None else ext_c}"))
            continue
        out.append((b, c, year, types, alleged, kind, line, ext_b, ext_c))
    report.mapped = len(out)
    frame = pd.DataFrame(out, columns=REFERENCE_COLUMNS)
    frame.attrs["load_report"] = report
    log.info("%r", report)
    return frame


# -- comparison -------------------------------------------------------------------------------------------------
def _grain_of(reference: pd.DataFrame, gazetteer: Gazetteer, rollup: bool) -> Any:
    """A function from a press actor id to the record's grain: the crosswalk's grain id of a row that lists
    it, else (with ``rollup``) its top-level parent when the record names that, else itself."""
    kind = getattr(reference.attrs.get("load_report"), "kind", "gazetteer")
    to_grain: dict[str, str] = {}
    if kind != "gazetteer":
        for ids in load_crosswalk("acled" if kind == "acled" else "ucdp", gazetteer)["ids"]:
            for i in ids:
                to_grain.setdefault(i, ids[0])
    parents = {a: p for a, p in gazetteer.actors["parent"].items() if isinstance(p, str) and p}
    named = set(reference["backer"]) | set(reference["client"])

    def grain(entity: str) -> str:
        if entity in to_grain:
            return to_grain[entity]
        if rollup:
            e = entity
            while e in parents and e not in named:
                e = parents[e]
            if e in named:
                return e
        return entity

    return grain


def _press(support: pd.DataFrame, grain: Any, min_confidence: float | None, reviewed_only: bool) -> pd.DataFrame:
    s = support[support["date"].notna() & ~support["negated"].astype(bool)]
    if "cue_kind" in s:  # the record's reading of a sentence no shape bound is the kit's prior, not the press's word
        s = s[s["cue_kind"].astype(str) != "record"]
    if min_confidence is not None and "confidence" in s:
        s = s[s["confidence"] >= min_confidence]
    if reviewed_only and "review" in s:
        s = s[s["review"].astype(str) == "keep"]
    s = s.assign(
        backer=[grain(str(b)) for b in s["backer"]],
        client=[grain(str(c)) for c in s["client"]],
        year=pd.to_datetime(s["date"], utc=True).dt.year,
    )
    s = s[s["backer"] != s["client"]]
    types = s["support_type"].astype(str) if "support_type" in s else pd.Series("unspecified", index=s.index)
    return (
        s.assign(press_type=types)
        .groupby(["backer", "client", "year"])
        .agg(
            statements=("doc_id", "size"),
            articles=("doc_id", "nunique"),
            outlets=("source", "nunique"),
            first_date=("date", "min"),
            last_date=("date", "max"),
            modalities=("modality", lambda v: ", ".join(sorted(set(map(str, v))))),
            press_types=("press_type", lambda v: ", ".join(sorted(set(map(str, v))))),
        )
        .reset_index()
    )


def _record(reference: pd.DataFrame) -> pd.DataFrame:
    r = reference.assign(types=reference["support_type"].astype(str).str.split(";"))
    return (
        r.groupby(["backer", "client", "year"])
        .agg(
            datasets=("dataset", lambda v: ", ".join(sorted(set(map(str, v))))),
            record_types=("types", lambda v: ", ".join(sorted({t for ts in v for t in ts}))),
            record_alleged_only=("alleged", "all"),
        )
        .reset_index()
    )


def _lags(both: pd.DataFrame, first_press: pd.Series, first_year: pd.Series, lo: int | None) -> Any:
    """Days from 1 January of a pair's first coded year to its first press statement, for ``both`` rows;
    unknown (``<NA>``) when the record codes the pair before the years compared (coverage starts later)."""
    lag = []
    for b, c, st in zip(both["backer"], both["client"], both["status"]):
        fp, fy = first_press.get((b, c)), first_year.get((b, c))
        known = st == "both" and fp is not None and fy is not None and (lo is None or fy >= lo)
        lag.append(
            int((pd.Timestamp(fp).tz_localize(None) - pd.Timestamp(year=int(fy), month=1, day=1)).days)
            if known
            else None
        )
    return pd.array(lag, dtype="Int64")


@dataclass(frozen=True)
class RecordOptions:
    """The rarely changed knobs of :func:`helpers.compare_record` (``options=h.RecordOptions(rollup=False)``).

    Attributes:
        gazetteer: for parents and crosswalk ids (None: the kit's).
        rollup: count a statement about an actor under its parent when the record names the parent (an
            IRGC statement for Iran). True by default.

    Raises:
        TypeError: ``gazetteer`` is not a :class:`helpers.gazetteer.Gazetteer` (or None).
    """

    gazetteer: Gazetteer | None = None
    rollup: bool = True

    def __post_init__(self) -> None:
        if self.gazetteer is not None and not isinstance(self.gazetteer, Gazetteer):
            raise TypeError(f"gazetteer takes a h.load_gazetteer(...), not {type(self.gazetteer).__name__}")


@moved_into(RecordOptions)
def compare_record(
    support: pd.DataFrame,
    reference: pd.DataFrame,
    start: int | None = None,
    end: int | None = None,
    min_confidence: float | None = None,
    reviewed_only: bool = False,
    options: RecordOptions | None = None,
) -> pd.DataFrame:
    """The press's backing statements beside a reference, one row per (backer, client, year) at the record's grain.

    Args:
        support: the SUPPORT table (negated statements are left out, and so are those of ``cue_kind`` ``record``:
            read from the pack's own record, they would count the record as the press agreeing with it).
        reference: from :func:`load_reference`.
        start, end: the years compared (default: the years of the press statements).
        min_confidence: count only statements at least this confident.
        reviewed_only: count only statements a reviewer kept (``review == "keep"``).
        options: a :class:`helpers.RecordOptions`: the ``gazetteer`` (parents, crosswalk ids) and ``rollup``
            (None: the kit's gazetteer, rolled up).

    Returns:
        Frame with :data:`COMPARE_COLUMNS`: ``status`` ``both``, ``press_only`` or ``record_only``;
        ``lag_days`` (for ``both``): the pair's first press statement minus 1 January of its first coded
        year (negative: the press said it first); ``<NA>`` when the record codes the pair before the years
        compared, since coverage that starts later cannot show how soon it followed. Alleged press
        statements and record codes marked alleged only are shown as such (``modalities``,
        ``record_alleged_only``), not as agreement on fact.

    Raises:
        TypeError: ``options`` is not a :class:`helpers.RecordOptions`.
    """
    opts = options_of(options, RecordOptions)
    g = opts.gazetteer or load_gazetteer(None)
    press = _press(support, _grain_of(reference, g, opts.rollup), min_confidence, reviewed_only)
    record = _record(reference)
    lo = start if start is not None else (int(press["year"].min()) if len(press) else None)
    hi = end if end is not None else (int(press["year"].max()) if len(press) else None)
    first_year = record.groupby(["backer", "client"])["year"].min()
    if lo is not None:
        record = record[(record["year"] >= lo) & (record["year"] <= hi)]
    both = press.merge(record, on=["backer", "client", "year"], how="outer", indicator=True)
    both["status"] = both["_merge"].map({"both": "both", "left_only": "press_only", "right_only": "record_only"})
    both["lag_days"] = _lags(both, press.groupby(["backer", "client"])["first_date"].min(), first_year, lo)
    for col in ("statements", "articles", "outlets"):
        both[col] = both[col].fillna(0).astype(int)
    both["record_alleged_only"] = both["record_alleged_only"].astype("boolean")
    out = both[COMPARE_COLUMNS].sort_values(["backer", "client", "year"]).reset_index(drop=True)
    log.info("press vs record: %s", out["status"].value_counts().to_dict())
    return out


def record_graph(comparison: pd.DataFrame, gazetteer: Gazetteer | None = None) -> Any:
    """A directed graph of a comparison: one edge per (backer, client), with ``status`` (``both`` when any
    year agrees, else ``press_only`` or ``record_only``), ``statements``, ``years`` and ``first_year``; nodes
    carry the gazetteer label. :func:`helpers.export_graph` writes it for Gephi.
    """
    import networkx as nx

    g = gazetteer or load_gazetteer(None)
    labels = g.actors["label"].to_dict()
    G = nx.DiGraph(measure="press vs record")
    for (b, c), part in comparison.groupby(["backer", "client"]):
        statuses = set(part["status"])
        status = "both" if "both" in statuses or {"press_only", "record_only"} <= statuses else statuses.pop()
        for node in (b, c):
            G.add_node(node, label=str(labels.get(node, node)))
        G.add_edge(
            b,
            c,
            status=status,
            statements=int(part["statements"].sum()),
            years=", ".join(str(y) for y in sorted(part["year"])),
            first_year=int(part["year"].min()),
        )
    return G
