"""The actor gazetteer: who the actors are, how news writes their names, when, and who backs whom.

The gazetteer is data: conflict packs (``data/conflicts/<name>/gazetteer.yaml``, schema in
``data/conflicts/SCHEMA.md``; :mod:`helpers.packs` resolves pack names to files);
this module reads and validates it (errors name the file, line and reason) and compiles it into the
alias table the tagger matches. Several files can be loaded at once (a user's own spellings on top).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from . import config, packs
from .arabic import MARKS
from .descriptions import Description, DescriptionError, parse_descriptions
from .textnorm import fold
from .yamlio import read_yaml

KINDS = ("faction", "state", "organisation", "coalition")
VIAS = ("name", "acronym", "demonym", "leader", "capital", "body")
READINGS = ("actor", "contextual", "strict")
CASES = ("sensitive", "insensitive")
TOP_KEYS = {"meta", "actors", "backs", "ignore", "descriptions"}
META_KEYS = {"name", "description", "version", "context", "dating", "extends"}
ACTOR_KEYS = {
    "id",
    "label",
    "kind",
    "parent",
    "parent_from",
    "parent_to",
    "from",
    "to",
    "cite",
    "aliases",
    "wikidata",
    "wikidata_cite",
    "ucdp",
    "note",
    "colour",
}
ALIAS_KEYS = {"text", "via", "case", "reading", "from", "to", "ambiguous", "generic", "cite", "note"}
EDGE_KEYS = {"backer", "client", "from", "to", "cite", "note"}
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_COLOUR = re.compile(r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_AR_LETTER = re.compile(r"[\u0621-\u064a]")
_MIN = pd.Timestamp("1000-01-01")
_MAX = pd.Timestamp("2999-12-31")


class GazetteerError(ValueError):
    """A gazetteer file is invalid; the message names the file, the line and the reason."""


@dataclass(frozen=True, slots=True)
class Reading:
    """One reading of an alias: which actor the text names, how, and when."""

    entity: str
    via: str
    case_sensitive: bool
    reading: str
    start: pd.Timestamp
    end: pd.Timestamp
    text: str
    generic: bool = False
    pack: str = ""


@dataclass
class Gazetteer:
    """A validated gazetteer.

    Attributes:
        actors: DataFrame indexed by ``id`` with ``label``, ``kind``, ``parent``, ``parent_from``,
            ``parent_to``, ``cite``, ``colour`` (``#rrggbb`` or None).
        aliases: DataFrame with ``entity``, ``text``, ``via``, ``case``, ``reading``, ``from``, ``to``,
            ``ambiguous``, ``cite``, ``path``, ``line``.
        backs: DataFrame of reference backing edges ``backer``, ``client``, ``from``, ``to``, ``cite``.
        descriptions: compiled :class:`~helpers.descriptions.Description` patterns (actors named without
            their name), in file order.
        paths: the files it was read from; ``sha256``: a hash of their bytes (for provenance and caches).
    """

    actors: pd.DataFrame
    aliases: pd.DataFrame
    backs: pd.DataFrame
    paths: list[Path]
    sha256: str
    meta: dict[str, Any] = field(default_factory=dict)
    ambiguities: list[str] = field(default_factory=list)
    descriptions: list[Description] = field(default_factory=list)
    _compiled: Any = field(default=None, repr=False)

    @property
    def path(self) -> Path:
        return self.paths[0]

    def kind_of(self, entity: str) -> str:
        return str(self.actors.at[entity, "kind"])

    def readings(self) -> dict[str, list[Reading]]:
        """Matchable keys (folded alias variants) and their readings, compiled once."""
        if self._compiled is None:
            self._compiled = _compile(self.aliases)
        return self._compiled

    def __repr__(self) -> str:
        packs = ", ".join(p.parent.name if p.name == "gazetteer.yaml" else p.name for p in self.paths)
        return (
            f"Gazetteer({len(self.actors)} actors, {len(self.aliases)} aliases, {len(self.backs)} "
            f"reference edges, from {packs})"
        )


def _date(value: Any, where: str) -> pd.Timestamp | None:
    if value is None or value == "":
        return None
    if isinstance(value, (_dt.date, _dt.datetime)):
        return pd.Timestamp(value).normalize()
    try:
        return pd.Timestamp(str(value)).normalize()
    except (ValueError, TypeError):
        raise GazetteerError(f"{where}: bad date {value!r} (use YYYY-MM-DD)") from None


def _colour(value: Any, where: str) -> str | None:
    """An actor's optional ``colour`` (``#rrggbb`` or ``#rgb``), lower-cased; None when unset."""
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _COLOUR.match(value.strip()):
        raise GazetteerError(f"{where}: colour {value!r} is not a hex colour such as '#0072b2'")
    hexa = value.strip().lower()[1:]
    return "#" + (hexa if len(hexa) == 6 else "".join(c * 2 for c in hexa))


def _check_keys(obj: dict, allowed: set[str], where: str) -> None:
    unknown = sorted(k for k in obj if k != "__line__" and k not in allowed)
    if unknown:
        raise GazetteerError(f"{where}: unknown key(s) {unknown}; allowed: {sorted(allowed)}")


def _read_file(path: Path) -> tuple[dict, bytes]:
    return read_yaml(path, GazetteerError, TOP_KEYS)


def load_gazetteer(paths: str | Path | Sequence[str | Path] | None = None) -> Gazetteer:
    """Read and validate one or several conflict packs or gazetteer files.

    Args:
        paths: a pack name (``"sudan"``), a YAML file, or a list of them (later ones add actors, aliases and
            edges; each pack's ``meta.extends`` is loaded first, once); default: the packs
            ``data/conflicts/default.yaml`` names.

    Returns:
        A :class:`Gazetteer`.

    Raises:
        GazetteerError: with the file, line and reason, on an unknown pack, unknown keys, missing keys,
            duplicate ids, unknown kinds/vias/readings, a parent or edge naming an unknown id, bad dates, a
            dated reading without a citation, or an alias claimed by two actors over overlapping dates
            (unless ``ambiguous: true``, or both generic words of different packs).
    """
    if paths is None:
        config.require_data_dir()
    try:
        files, key = _resolved(paths)
    except ValueError as exc:
        raise GazetteerError(str(exc)) from None
    if key is not None and key in _CACHE:
        return _CACHE[key]
    g = _load(files)
    if key is not None:
        _CACHE[key] = g
    return g


_CACHE: dict[tuple, Gazetteer] = {}
#: The files a pack spec resolved to, and their stamps: finding a pack's ``extends`` reads its whole YAML, so
#: every :func:`load_gazetteer` (every ``tag_mentions`` call) would parse the packs again to find them.
_RESOLVED: dict[tuple, tuple[list[Path], tuple | None]] = {}


def _stamps(files: list[Path]) -> tuple | None:
    """Each file's path, modification time and size (``None`` when one cannot be read)."""
    try:
        return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    except OSError:
        return None


def _resolved(paths: Any) -> tuple[list[Path], tuple | None]:
    """:func:`helpers.packs.resolve` of ``paths`` and the files' stamps, remembered while none of the files
    changes (a changed file may name other packs in ``meta.extends``: then they are resolved again)."""
    spec = packs.default_packs() if paths is None else paths
    spec_key = (
        str(config.CONFLICTS_DIR),
        (str(spec),) if isinstance(spec, (str, Path)) else tuple(str(s) for s in spec),
    )
    hit = _RESOLVED.get(spec_key)
    if hit is not None and hit[1] is not None and _stamps(hit[0]) == hit[1]:
        return hit
    files = packs.resolve(spec)
    got = _RESOLVED[spec_key] = (files, _stamps(files))
    return got


def _read_meta(path: Path, m: Any, meta: dict[str, Any]) -> str:
    """Merge one file's ``meta`` into ``meta``; return the file's pack name."""
    if not isinstance(m, dict):
        return path.parent.name
    where = f"{path}, line {m.get('__line__', '?')}"
    _check_keys(m, META_KEYS, where)
    pack = str(m.get("name") or path.parent.name)
    context = m.get("context") or []
    if not isinstance(context, list) or not all(isinstance(x, str) for x in context):
        raise GazetteerError(f"{where}: meta.context must be a list of words")
    dating = m.get("dating") or {}
    if (
        not isinstance(dating, dict)
        or set(dating) - {"past", "new", "__line__"}
        or not all(
            isinstance(v, list) and all(isinstance(w, str) for w in v) for k, v in dating.items() if k != "__line__"
        )
    ):
        raise GazetteerError(f"{where}: meta.dating must map 'past' and 'new' to lists of words")
    meta.update({k: v for k, v in m.items() if k not in ("__line__", "context", "dating", "extends")})
    meta["context"] = sorted(set(meta.get("context", [])) | set(context))
    meta.setdefault("contexts", {})[pack] = sorted(set(context))
    merged = meta.setdefault("dating", {"past": [], "new": []})
    for k in ("past", "new"):
        merged[k] = sorted(set(merged[k]) | set(dating.get(k) or []))
    return pack


def _read_actors(path: Path, doc: dict, pack: str, actors: dict[str, dict], alias_rows: list[dict]) -> None:
    items = doc.get("actors") or []
    if not isinstance(items, list):
        raise GazetteerError(f"{path}: 'actors' must be a list")
    for a in items:
        if not isinstance(a, dict):
            raise GazetteerError(f"{path}: every actor must be a mapping, found {a!r}")
        line = a.get("__line__", "?")
        where = f"{path}, line {line}"
        _check_keys(a, ACTOR_KEYS, where)
        for key in ("id", "label", "kind"):
            if not a.get(key):
                raise GazetteerError(f"{where}: actor is missing {key!r}")
        aid = str(a["id"])
        if not _ID.match(aid):
            raise GazetteerError(f"{where}: id {aid!r} is not snake_case")
        if aid in actors:
            prev = actors[aid]
            raise GazetteerError(
                f"{where}: duplicate id {aid!r} (first defined in {prev['path']}, line {prev['line']})"
            )
        if a["kind"] not in KINDS:
            raise GazetteerError(f"{where}: kind {a['kind']!r} is not one of {KINDS}")
        wikidata, ucdp = _external_ids(a, aid, where)
        actors[aid] = {
            "id": aid,
            "label": str(a["label"]),
            "kind": a["kind"],
            "parent": a.get("parent") or None,
            "parent_from": _date(a.get("parent_from"), where),
            "parent_to": _date(a.get("parent_to"), where),
            "from": _date(a.get("from"), where),
            "to": _date(a.get("to"), where),
            "cite": a.get("cite") or "",
            "wikidata": wikidata,
            "ucdp": ucdp,
            "pack": pack,
            "path": str(path),
            "line": line,
            "colour": _colour(a.get("colour"), where),
        }
        for al in a.get("aliases") or []:
            alias_rows.append({**_alias_row(al, aid, path, line), "pack": pack})


def _external_ids(a: dict, aid: str, where: str) -> tuple[str | None, tuple[int, ...]]:
    """An actor's Wikidata QID (``Q`` and digits) and UCDP actor ids (integers)."""
    qid = a.get("wikidata")
    if qid is not None and not (isinstance(qid, str) and re.fullmatch(r"Q[1-9][0-9]*", qid)):
        raise GazetteerError(f"{where}: wikidata {qid!r} of {aid!r} is not a QID like Q858")
    if qid is not None and not str(a.get("wikidata_cite") or "").strip():
        raise GazetteerError(f"{where}: wikidata {qid} of {aid!r} needs wikidata_cite (where a public source shows it)")
    ucdp = a.get("ucdp") or []
    ucdp = [ucdp] if isinstance(ucdp, int) else ucdp
    if not isinstance(ucdp, list) or not all(isinstance(x, int) and x > 0 for x in ucdp):
        raise GazetteerError(f"{where}: ucdp of {aid!r} must be a UCDP actor id or a list of them (integers)")
    return qid, tuple(ucdp)


def _read_ignore(path: Path, doc: dict, pack: str, alias_rows: list[dict]) -> None:
    ignore = doc.get("ignore") or []
    if not isinstance(ignore, list) or not all(isinstance(x, str) and x.strip() for x in ignore):
        raise GazetteerError(f"{path}: 'ignore' must be a list of non-empty strings")
    for text in ignore:
        alias_rows.append(
            {
                "entity": "",
                "text": text.strip(),
                "via": "name",
                "case": "insensitive",
                "reading": "actor",
                "from": None,
                "to": None,
                "ambiguous": True,
                "generic": False,
                "cite": "",
                "path": str(path),
                "line": None,
                "pack": pack,
            }
        )


def _read_backs(path: Path, doc: dict, edges: list[dict]) -> None:
    for e in doc.get("backs") or []:
        if not isinstance(e, dict):
            raise GazetteerError(f"{path}: every edge in 'backs' must be a mapping, found {e!r}")
        where = f"{path}, line {e.get('__line__', '?')}"
        _check_keys(e, EDGE_KEYS, where)
        for key in ("backer", "client", "cite"):
            if not e.get(key):
                raise GazetteerError(f"{where}: edge is missing {key!r}")
        start, end = _date(e.get("from"), where), _date(e.get("to"), where)
        if start is not None and end is not None and start > end:
            raise GazetteerError(f"{where}: 'from' {start.date()} is after 'to' {end.date()}")
        edges.append(
            {
                "backer": e["backer"],
                "client": e["client"],
                "from": start,
                "to": end,
                "cite": e["cite"],
                "note": e.get("note") or "",
                "path": str(path),
                "line": e.get("__line__"),
            }
        )


def _check_references(actors: dict[str, dict], edges: list[dict]) -> None:
    for aid, a in actors.items():
        if a["parent"] and a["parent"] not in actors:
            raise GazetteerError(f"{a['path']}, line {a['line']}: parent {a['parent']!r} of {aid!r} is not a known id")
    for e in edges:
        for key in ("backer", "client"):
            if e[key] not in actors:
                raise GazetteerError(f"{e['path']}, line {e['line']}: {key} {e[key]!r} is not a known id")


def _load(paths: list[Path]) -> Gazetteer:
    actors: dict[str, dict] = {}
    alias_rows: list[dict] = []
    edges: list[dict] = []
    raw_descriptions: list[tuple[Path, Any, str]] = []
    meta: dict[str, Any] = {}
    digest = hashlib.sha256()
    for path in paths:
        doc, raw = _read_file(path)
        digest.update(raw)
        _check_keys(doc, TOP_KEYS, f"{path}, line 1")
        pack = _read_meta(path, doc.get("meta") or {}, meta)
        _read_actors(path, doc, pack, actors, alias_rows)
        raw_descriptions.append((path, doc.get("descriptions"), pack))
        _read_ignore(path, doc, pack, alias_rows)
        _read_backs(path, doc, edges)
    _check_references(actors, edges)
    ambiguities = _check_overlaps(alias_rows)
    try:
        descriptions = [
            d
            for path, items, pack in raw_descriptions
            for d in parse_descriptions(items, path, set(actors), _date, pack)
        ]
    except DescriptionError as exc:
        raise GazetteerError(str(exc)) from None
    actors_df = pd.DataFrame(list(actors.values())).set_index("id")
    aliases_df = pd.DataFrame(
        alias_rows,
        columns=[
            "entity",
            "text",
            "via",
            "case",
            "reading",
            "from",
            "to",
            "ambiguous",
            "generic",
            "cite",
            "pack",
            "path",
            "line",
        ],
    )
    backs_df = pd.DataFrame(edges, columns=["backer", "client", "from", "to", "cite", "note", "path", "line"])
    return Gazetteer(
        actors=actors_df,
        aliases=aliases_df,
        backs=backs_df,
        paths=paths,
        sha256=digest.hexdigest(),
        meta=meta,
        ambiguities=ambiguities,
        descriptions=descriptions,
    )


def _alias_row(al: Any, aid: str, path: Path, actor_line: Any) -> dict:
    if isinstance(al, str):
        al = {"text": al, "__line__": actor_line}
    if not isinstance(al, dict):
        raise GazetteerError(f"{path}, line {actor_line}: alias of {aid!r} must be a string or mapping, found {al!r}")
    line = al.get("__line__", actor_line)
    where = f"{path}, line {line}"
    _check_keys(al, ALIAS_KEYS, where)
    text = al.get("text")
    if not isinstance(text, str) or not text.strip():
        raise GazetteerError(f"{where}: alias of {aid!r} has no 'text'")
    via = al.get("via", "name")
    if via not in VIAS:
        raise GazetteerError(f"{where}: via {via!r} is not one of {VIAS}")
    case = al.get("case", "sensitive" if via == "acronym" else "insensitive")
    if case not in CASES:
        raise GazetteerError(f"{where}: case {case!r} is not one of {CASES}")
    reading = al.get("reading", "contextual" if via == "capital" else "actor")
    if reading not in READINGS:
        raise GazetteerError(f"{where}: reading {reading!r} is not one of {READINGS}")
    start, end = _date(al.get("from"), where), _date(al.get("to"), where)
    if start is not None and end is not None and start > end:
        raise GazetteerError(f"{where}: 'from' {start.date()} is after 'to' {end.date()}")
    if (start is not None or end is not None) and not al.get("cite"):
        raise GazetteerError(f"{where}: the dated alias {text!r} of {aid!r} needs a 'cite'")
    return {
        "entity": aid,
        "text": text.strip(),
        "via": via,
        "case": case,
        "reading": reading,
        "from": start,
        "to": end,
        "ambiguous": bool(al.get("ambiguous", False)),
        "generic": bool(al.get("generic", False)),
        "cite": al.get("cite") or "",
        "path": str(path),
        "line": line,
    }


def _check_overlaps(rows: list[dict]) -> list[str]:
    by_key: dict[tuple[str, bool], list[dict]] = {}
    notes: list[str] = []
    for r in rows:
        sensitive = r["case"] == "sensitive"
        for key in alias_variants(r["text"], sensitive):
            by_key.setdefault((key, sensitive), []).append(r)
    for (key, _), rs in by_key.items():
        for a, b in itertools.combinations(rs, 2):
            if a["entity"] == b["entity"] or not a["entity"] or not b["entity"]:
                continue
            if a["generic"] and b["generic"] and a["path"] != b["path"]:
                continue  # "rebels" of two conflict packs: each counts only in its own pack's articles
            a0, a1 = a["from"] or _MIN, a["to"] or _MAX
            b0, b1 = b["from"] or _MIN, b["to"] or _MAX
            if a0 <= b1 and b0 <= a1:
                if a["ambiguous"] or b["ambiguous"]:
                    notes.append(f"{key!r}: {a['entity']} / {b['entity']}")
                    continue
                raise GazetteerError(
                    f"{b['path']}, line {b['line']}: alias {b['text']!r} of {b['entity']!r} overlaps in time "
                    f"with {a['text']!r} of {a['entity']!r} ({a['path']}, line {a['line']}); give them "
                    "disjoint from/to dates or mark one 'ambiguous: true'"
                )
    return sorted(set(notes))


_ARTICLE = re.compile(r"(?<![^\s-])(al|el)[- ](?=\w)", re.I)
_SUN = set("tdrzsnl")
_DOTTED = re.compile(r"(?:[A-Z]\.){2,}")


def _article_variants(f: str) -> set[str]:
    """``al-Nusra`` as ``al Nusra``, ``el-Nusra``...; before a sun letter also ``ash-Sham``, ``as-Sham``."""
    out = set()
    for m in _ARTICLE.finditer(f):
        rest = f[m.end() :]
        word = rest.split(" ", 1)[0].split("-", 1)[0]
        alts = {"al-", "al ", "el-", "el "}
        if word and word[0].lower() in _SUN:
            lead = word[:2].lower() if word[:2].lower() in ("sh", "th", "dh") else word[0].lower()
            alts |= {f"a{lead}-", f"a{lead} "}
        upper = m.group(1)[0].isupper()
        out |= {f[: m.start()] + (alt[0].upper() + alt[1:] if upper else alt) + rest for alt in alts}
    return out


def _hyphen_variants(f: str) -> set[str]:
    """Hyphen and space interchangeable between words (up to five parts)."""
    parts = re.split(r"(?<=\w)-(?=\w)", f)
    if not 1 < len(parts) <= 5:
        return {f}
    return {
        "".join(p + s for p, s in zip(parts, seps)) + parts[-1]
        for seps in itertools.product("- ", repeat=len(parts) - 1)
    }


def alias_variants(text: str, case_sensitive: bool = False) -> list[str]:
    """The written forms an alias matches (folded unless case-sensitive).

    Hyphen and space are interchangeable (``al-Nusra`` / ``al Nusra``), a dotted acronym may drop its last
    stop (``S.D.F`` for ``S.D.F.``), and the Arabic article takes
    its usual transliterations (``al-``, ``el-``, and the assimilated ``ash-``/``as-``/``an-``/``ad-``...
    before sun letters: ``ash-Sham``).
    """
    base = text.strip()
    if not case_sensitive:
        base = fold(base)
    else:
        base = fold(base, lower=False)
    base = re.sub(r"\s+", " ", base)
    if _AR_LETTER.search(base):
        base = "".join(ch for ch in base if ch not in MARKS)
    forms = {base}
    if case_sensitive and _DOTTED.fullmatch(base):  # "S.D.F." is also written without its last stop
        forms.add(base[:-1])
    if base.startswith("\u0627\u0644"):  # "الجيش" after ل is written "للجيش": the name then starts at its lam
        forms.add(base[1:])
    for _ in range(3):  # the article's variants, also in names with two articles
        new = {v for f in forms for v in _article_variants(f)}
        if new <= forms:
            break
        forms |= new
    return sorted({v for f in forms for v in _hyphen_variants(f)})


def _compile(aliases: pd.DataFrame) -> dict[str, list[Reading]]:
    table: dict[str, list[Reading]] = {}
    for r in aliases.to_dict("records"):
        sensitive = r["case"] == "sensitive"
        start = r["from"] if isinstance(r["from"], pd.Timestamp) else _MIN
        end = r["to"] if isinstance(r["to"], pd.Timestamp) else _MAX
        for form in alias_variants(r["text"], sensitive):
            # case-sensitive readings keep their written form (checked against the text as written)
            reading = Reading(
                entity=r["entity"],
                via=r["via"],
                case_sensitive=sensitive,
                reading=r["reading"],
                start=start,
                end=end,
                text=form,
                generic=bool(r.get("generic", False)),
                pack=str(r.get("pack") or ""),
            )
            key = form.lower() if sensitive else form
            bucket = table.setdefault(key, [])
            if reading not in bucket:
                bucket.append(reading)
    return table
