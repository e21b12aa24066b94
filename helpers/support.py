"""Who backs whom, as the text states it: backer -> client edges with their evidence sentence.

For every sentence that names two actors (or one and a stand-in such as ``the group``) and holds a
backing cue, the statement shapes of :mod:`helpers.shapes` bind a backer and a client through the
sentence's grammar (:mod:`helpers.clauses`); :mod:`helpers.modality` says how the sentence holds the
statement and who it says claims it. The words are data: ``data/cues/support.yaml`` (schema in
``data/cues/SCHEMA.md``).

Each edge carries a stable ``edge_id`` (a hash of the article, field, sentence span, backer and
client, so a review survives re-runs and rule changes), its ``cue_kind`` (the statement shape),
``support_type`` where the cue says it, ``attributed_to``, a ``confidence`` and the offsets of backer,
client and cue in the field. How confidence is computed: ``data/cues/SCHEMA.md``.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
import pandas as pd

from . import arabic, coref, coref_ar, cues_ar, ellipsis, modality, modality_ar, recordshape, shapes, shapes_ar, wakes
from .clauses import Mention, Sentence
from .cues import CueLexicon, alternation, load_cues
from .edges import QUALIFIES_NEXT
from .grammar import grammar_of
from .options import moved_into, options_of
from .sentences import SentenceModel, load_sentence_model
from .supportframe import SupportOptions, support_frame
from .textnorm import fold

log = logging.getLogger(__name__)

_FAR = 160  # characters between backer and client beyond which a statement counts as far


def confidence(lex: CueLexicon, e: shapes.Edge, sent: Sentence) -> float:
    """The shape's base figure times a factor for each weakening: a stand-in slot, a weak cue ("help"),
    a far pair, a slot taken from the clause subject, a direction read from the reference."""
    conf = lex.confidence["shapes"].get(e.shape, 0.7)
    flags = set(e.flags)
    if sent.m[e.b].stand_in or sent.m[e.c].stand_in:
        flags.add("stand_in")
    if abs(sent.m[e.b].start - sent.m[e.c].start) > _FAR:
        flags.add("far")
    for f in flags:
        conf *= lex.confidence["factors"].get(f, 1.0)
    return round(conf, 2)


def _resolved(sent: Sentence, e: shapes.Edge) -> str:
    parts = [
        f"{slot}: '{sent.m[i].stand_in}' = {sent.m[i].entity}"
        for slot, i in (("backer", e.b), ("client", e.c))
        if sent.m[i].stand_in
    ]
    return "; ".join(parts)


class _Context:
    """What one extraction run shares: the lexicon, its grammar, the sentence model, the record's pairs."""

    def __init__(self, lex: CueLexicon, model: SentenceModel, record: recordshape.RecordPairs, anaphora: bool) -> None:
        self.lex = lex
        self.g = grammar_of(lex)
        self.model = model
        self.record = record
        self.reference = frozenset(record)
        self.anaphora = anaphora
        self.trigger = wakes.trigger(lex)
        self.reach = max(lex.windows["coref_sentences"], 1)  # sentences back a stand-in may reach


def _replaced(f: str, at: list[int], ch: str) -> str:
    """``f`` with the character at each offset of ``at`` made ``ch`` (same length)."""
    if not at:
        return f
    chars = list(f)
    for e in at:
        chars[e] = ch
    return "".join(chars)


def _possessives(f: str, ends: list[int]) -> str:
    """``Assads forces`` (a scraper stripped the apostrophe) read as ``Assad's forces``: same length."""
    return _replaced(
        f, [e for e in ends if e < len(f) and f[e] == "s" and (e + 1 == len(f) or not f[e + 1].isalnum())], "'"
    )


def _hyphen_nouns(lex: CueLexicon, f: str, ends: list[int]) -> str:
    """``received considerable US-support``: a hyphen between a name and a support noun read as a space (same
    length), as ``US support``."""
    rx = lex.rx("hyphen_noun", lambda: rf"-(?:{alternation(lex.words.get('support_nouns.words', ['support']))})\b")
    return _replaced(f, [e for e in ends if e < len(f) and f[e] == "-" and rx.match(f, e)], " ")


#: one to four words in paired quotes ("thanks Putin for 'decisive' military help", curly or angle quotes too); not a
#: possessive's apostrophe
_WORDS = r"(?:[\w-]+\s?){1,4}?"
_PAIRED_QUOTES = re.compile(rf"(?<![\w'])(?:(['\"])(?=\w){_WORDS}(?<=\w)\1|“{_WORDS}”|«\s?{_WORDS}\s?»)(?!\w)")


def _unquoted(f: str) -> str:
    """The sentence with the quote marks around a few words made spaces (same length): a headline's scare quotes
    ("hails Egypt's 'unwavering' support") stand between the words the shapes read."""
    if "'" not in f and '"' not in f and "\u201c" not in f and "\u00ab" not in f:
        return f
    return _PAIRED_QUOTES.sub(lambda m: " " + m.group(0)[1:-1] + " ", f)


def _without_repeats(f: str, ms: list[Mention]) -> tuple[str, list[Mention]]:
    """The sentence with a name's acronym in brackets right after it made spaces, and its mention dropped ("the
    Free Syrian Army (FSA) have begun": one name, so a list or a subject reads on past it)."""
    if "(" not in f:
        return f, ms
    drop = [
        y
        for x, y in zip(ms, ms[1:])
        if x.entity == y.entity and f[x.end : y.start].strip() == "(" and f[y.end : y.end + 3].lstrip()[:1] == ")"
    ]
    for y in drop:
        close = f.index(")", y.end)
        start = f.rindex("(", 0, y.start)
        f = f[:start] + " " * (close + 1 - start) + f[close + 1 :]
    return f, [x for x in ms if x not in drop]


def _with_stand_ins(ms: list[Mention], stand_ins: list[Mention]) -> list[Mention]:
    """Add stand-ins to a sentence's mentions. A stand-in never takes the place of a named mention ("the
    rebel factions"), except a state's demonym that only qualifies it ("the Lebanese group": the group,
    not Lebanon)."""
    for x in stand_ins:
        inside = [y for y in ms if x.start < y.end and y.start < x.end]
        if inside and all(y.kind == "state" and x.start <= y.start and y.end < x.end for y in inside):
            ms = [y for y in ms if y not in inside]
            inside = []
        if not inside:
            ms.append(x)
    return sorted(ms, key=lambda y: y.start)


class _Field(NamedTuple):
    """One field of one article as the sentences read it."""

    text: str
    folded: str
    mentions: list[tuple]  # (start, end, entity, kind, sent_id, via), in text order
    hits: tuple[list, list[int]]  # the trigger's cue words
    date: dt.date | None  # the article's
    known: list[list[tuple]]  # the antecedents once a sentence asked for them (see :func:`_antecedents_of`)


def _antecedents(folded: str, field_mentions: list[tuple]) -> list[tuple]:
    """The field's mentions a stand-in may take (not a name that qualifies the next noun: :data:`QUALIFIES_NEXT`)."""
    if "-" not in folded:  # the pattern needs a hyphen
        return list(field_mentions)
    return [mm for mm in field_mentions if not QUALIFIES_NEXT.match(folded, mm[1])]


def _antecedents_of(fld: _Field) -> list[tuple]:
    """:func:`_antecedents` of the field, found when a sentence first asks (most fields never need them)."""
    if not fld.known:
        fld.known.append(_antecedents(fld.folded, fld.mentions))
    return fld.known[0]


def _sentence_rows(ctx: _Context, fld: _Field, span: tuple[int, int], sid: int, own: list[tuple]) -> list[tuple]:
    """Edges of one sentence as partial rows (without the article's columns)."""
    text, folded, hits = fld.text, fld.folded, fld.hits
    a, b = span
    awake, cues = ctx.trigger.in_sentence(hits, a, b)
    if not awake or (not wakes.beside_woken(awake, cues) and not wakes.listed(fld.folded, own, cues, a)):
        return []  # a verb of combat alone reads only a listed subject ("Syrian troops and Hezbollah fighters")
    named = {x[2] for x in own}
    stand_in_keys = frozenset().union(*(ks for _, _, ks in cues)) & wakes.STAND_IN_KEYS if ctx.anaphora else frozenset()
    may_stand_in = bool(stand_in_keys)
    if may_stand_in and len(named) < 2:  # a stand-in can only add an actor named in this sentence or just before
        may_stand_in = any(mm[2] not in named for mm in coref.within(_antecedents_of(fld), sid, ctx.reach))
    if not may_stand_in and len(named) < 2:
        return []
    ends = [y - a for _, y, _, _, _, _ in own]
    f = _unquoted(_hyphen_nouns(ctx.lex, _possessives(folded[a:b], ends), ends))
    f, ms = _without_repeats(f, [Mention(x - a, y - a, ent, kind, via) for x, y, ent, kind, _, via in own])
    if may_stand_in:
        ms = _with_stand_ins(ms, coref.stand_ins(f, a, sid, _antecedents_of(fld), ctx.lex, stand_in_keys))
    if len({x.entity for x in ms}) < 2:
        return []
    sent = Sentence(text[a:b], f, ms, ctx.g, cues)
    rows, seen = [], set()
    edges = shapes.all_edges(sent, ctx.reference, awake) or recordshape.record(sent, ctx.record, fld.date)
    backers_of: dict[tuple[int, int], set[str]] = {}  # per cue and client: "Abu Dhabi and Cairo back the warring sides"
    for e in edges:
        backers_of.setdefault((e.cue_start, e.c), set()).add(sent.m[e.b].entity)
    one_line = sent.text.replace("\n", " ")
    for e in edges:
        mod, neg, att = "", False, ""  # modality and attribution: asked only for an edge that gives a row
        tail: tuple = ()  # the edge's own columns after attribution, the same for each of its pairs
        for backer in _entities(sent, e.b):
            for client in _entities(sent, e.c, client=len(backers_of[(e.cue_start, e.c)]) == 1):
                if backer == client or (backer, client) in seen:
                    continue
                seen.add((backer, client))
                mod, neg = (mod, neg) if mod else modality.modality(sent, e)
                att = att or modality.attribution(sent, e)
                tail = tail or _edge_tail(ctx.lex, sent, e, a, span)
                rows.append((backer, client, sid, e.cue, one_line, mod, neg, e.shape, e.type, att, *tail))
    return rows


def _edge_tail(lex: CueLexicon, sent: Sentence, e: shapes.Edge, a: int, span: tuple[int, int]) -> tuple:
    """An edge's row columns from its confidence on (offsets in the field, the stand-ins resolved, the span)."""
    return (
        confidence(lex, e, sent),
        a + sent.m[e.b].start,
        a + sent.m[e.b].end,
        a + sent.m[e.c].start,
        a + sent.m[e.c].end,
        a + e.cue_start,
        a + e.cue_end,
        _resolved(sent, e),
        span,
    )


def _field_rows(ctx: _Context, text: str, field_mentions: list[tuple], date: dt.date | None) -> list[tuple]:
    """Edges of one field of one article (read up to the end of the sentence of its last mention)."""
    spans = ctx.model.spans(text, until=field_mentions[-1][1])
    folded = fold(text[: spans[-1][1]] if spans else text)
    if shapes_ar.is_arabic(folded):
        return _arabic_field_rows(ctx, _Field(text, folded, field_mentions, ([], []), date, [field_mentions]), spans)
    hits = ctx.trigger.hits(folded)
    if not hits[0]:
        return []
    by_sent: dict[int, list[tuple]] = {}
    for mm in field_mentions:
        by_sent.setdefault(mm[4], []).append(mm)
    if max(len(v) for v in by_sent.values()) < 2 and not ctx.anaphora:
        return []
    fld = _Field(text, folded, field_mentions, hits, date, [])
    rows = []
    for sid in sorted(by_sent):
        if sid < len(spans):
            rows += _sentence_rows(ctx, fld, spans[sid], sid, by_sent[sid])
    return rows


def _arabic_field_rows(ctx: _Context, fld: _Field, spans: list[tuple[int, int]]) -> list[tuple]:
    """Edges of one field written in Arabic (:mod:`helpers.shapes_ar`)."""
    text, folded, field_mentions = fld.text, fld.folded, fld.mentions
    lex = cues_ar.load_cues_ar()
    plain, where = arabic.strip_marks(folded)  # "تموّل": marks dropped, offsets mapped back through ``where``
    if not lex.any_cue().search(plain):
        return []
    by_sent: dict[int, list[tuple]] = {}
    for mm in field_mentions:
        by_sent.setdefault(mm[4], []).append(mm)
    prior = [(bisect_left(where, x), bisect_left(where, y), e, k, s, v) for x, y, e, k, s, v in field_mentions]
    rows = []
    for sid, own in sorted(by_sent.items()):
        if sid >= len(spans):
            continue
        a0, b0 = spans[sid]
        a, b = bisect_left(where, a0), bisect_left(where, b0)
        ms = [Mention(bisect_left(where, x) - a, bisect_left(where, y) - a, e, k, v) for x, y, e, k, _, v in own]
        ms = sorted(ms + coref_ar.stand_ins_ar(plain, (a, b), sid, prior, lex), key=lambda x: (x.start, -x.end))
        if len({x.entity for x in ms}) < 2:
            continue
        sent = Sentence(plain[a:b], plain[a:b], ms, ctx.g, None)
        seen: set[tuple[str, str]] = set()
        named = [
            (x, b, c)
            for x in ellipsis.said_again_ar(sent, shapes_ar.all_edges(sent, lex))
            or recordshape.record_ar(sent, lex, ctx.record, fld.date)
            for b in _entities(sent, x.b)
            for c in _entities(sent, x.c)
        ]
        for e, backer, client in named:
            if "joint" in e.flags and ((backer, client) in ctx.reference) == ((client, backer) in ctx.reference):
                continue  # a listed subject's combat: the reference must know one direction of the pair
            if "symmetric" in e.flags and (backer, client) not in ctx.reference and (client, backer) in ctx.reference:
                backer, client = (
                    client,
                    backer,
                )  # "بمشاركة": taking part says no direction; the pack's record orients it
            if backer == client or (backer, client) in seen:
                continue
            seen.add((backer, client))
            mod, neg = modality_ar.modality(sent, e, lex)
            rows.append(
                (
                    backer,
                    client,
                    sid,
                    e.cue,
                    text[a0:b0].replace("\n", " "),
                    mod,
                    neg,
                    e.shape,
                    e.type,
                    modality_ar.attribution(sent, e, lex),
                    confidence(ctx.lex, e, sent),
                    *_original(where, a, (sent.m[e.b].start, sent.m[e.b].end)),
                    *_original(where, a, (sent.m[e.c].start, sent.m[e.c].end)),
                    *_original(where, a, (e.cue_start, e.cue_end)),
                    "",
                    spans[sid],
                )
            )
    return rows


def _entities(sent: Sentence, k: int, client: bool = False) -> list[str]:
    """The actors mention ``k`` names as a backer or client: its own (``a|b`` for a stand-in of two). A
    description naming both sides of a war at once ("the warring sides", "طرفي النزاع": two mentions over the same
    words) is never a backer ("rival factions back ..." does not say which) and, as the client of a single backer
    (``client``), is both sides ("the UAE denies arming either of the warring parties"; not "Abu Dhabi and Cairo
    back the warring sides": who backs which is not said)."""
    x = sent.m[k]
    twins = [y for y in sent.m if y.start == x.start and y.end == x.end]
    if len(twins) > 1:
        return sorted({y.entity for y in twins}) if client else []
    return x.entity.split("|")


def _original(where: list[int], a: int, span: tuple[int, int]) -> tuple[int, int]:
    """A span of a sentence starting at ``a`` in the text without marks, as offsets in the field's text."""
    return where[a + span[0]], where[a + span[1] - 1] + 1 if span[1] > span[0] else where[a + span[0]]


def _extract(corpus: pd.DataFrame, mentions: pd.DataFrame, ctx: _Context, fields: Sequence[str]) -> pd.DataFrame:
    m = mentions[(mentions["role"] == "actor") & mentions["field"].isin(list(fields))]
    doc_rows = _corpus_rows(corpus["doc_id"], m["doc_id"])
    fcodes = (m["field"] != "title").to_numpy(dtype=np.int64)  # 0: the title, 1: the text
    starts = m["start"].to_numpy(np.int64)
    order = np.lexsort((starts, fcodes, doc_rows))
    cols = [  # whole columns as lists once: each field takes a slice of each
        (_as_str(m[c]) if c in ("entity", "kind", "via") else m[c].to_numpy())[order].tolist()
        for c in ("start", "end", "entity", "kind", "sent_id", "via")
    ]
    mention_rows = list(zip(*cols))  # (start, end, entity, kind, sent_id, via), each field a slice
    doc_rows, fcodes = doc_rows[order], fcodes[order]
    field_text = {0: corpus["title"].tolist() if "title" in corpus else [], 1: corpus["text"].tolist()}
    dates = _dates(corpus)
    keys = doc_rows * 2 + fcodes
    bounds = np.flatnonzero(np.diff(keys)) + 1 if len(keys) else np.array([], dtype=np.int64)
    rows, where = [], []
    for lo, hi in zip(np.r_[0, bounds], np.r_[bounds, len(keys)]) if len(keys) else []:
        row, fc = int(doc_rows[lo]), int(fcodes[lo])
        if row < 0:
            continue
        text = field_text[fc][row] if field_text[fc] else None
        if not isinstance(text, str) or not text:
            continue
        fm = mention_rows[lo:hi]
        got = _field_rows(ctx, text, fm, dates[row])
        rows += got
        where += [(row, "title" if fc == 0 else "text")] * len(got)
    return support_frame(corpus, rows, where)


def _corpus_rows(corpus_ids: pd.Series, ids: pd.Series) -> np.ndarray:
    """The corpus row of each of ``ids`` (-1 where the corpus has no such doc_id; the last row of a repeated one)."""
    index = pd.Index(corpus_ids)
    if index.is_unique:
        return index.get_indexer(ids).astype(np.int64)
    pos = {d: i for i, d in enumerate(corpus_ids.tolist())}
    return np.asarray([pos.get(d, -1) for d in ids.tolist()], dtype=np.int64)


def _as_str(col: pd.Series) -> np.ndarray:
    """``col.astype(str)`` as an array; a categorical column of strings with no missing value through its
    categories (each read once), not value by value."""
    if isinstance(col.dtype, pd.CategoricalDtype):
        names = col.cat.categories.tolist()
        codes = col.cat.codes.to_numpy()
        if all(type(x) is str for x in names) and not (codes < 0).any():
            return np.asarray(names, dtype=object)[codes] if len(names) else np.asarray([], dtype=object)
    return col.astype(str).to_numpy()


def _dates(corpus: pd.DataFrame) -> list[dt.date | None]:
    """Each article's date (None where it has none)."""
    if "date" not in corpus:
        return [None] * len(corpus)
    return [None if pd.isna(d) else d.date() for d in pd.to_datetime(corpus["date"], errors="coerce").tolist()]


@moved_into(SupportOptions)
def extract_support(
    corpus: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    cues: CueLexicon | str | os.PathLike | Sequence | None = None,
    gazetteer: Any = None,
    n_jobs: int = 1,
    options: SupportOptions | None = None,
) -> pd.DataFrame:
    """Backing statements between tagged actors, one row per backer -> client edge and sentence.

    Args:
        corpus: the CORPUS frame.
        mentions: the MENTIONS frame tagged from it (only ``role == "actor"`` mentions take part).
        cues: a cue lexicon or its YAML path(s) (default: ``data/cues/support.yaml``).
        gazetteer: the gazetteer whose reference ``backs`` edges orient symmetric cues ("fighting
            alongside"); default: the kit's.
        n_jobs: worker processes (``-1``: all cores); the edges are the same as with one.
        options: a :class:`helpers.SupportOptions`: the sentence model the mentions were tagged with, the fields
            read, ``chunk_size`` (articles per task when ``n_jobs > 1``) and ``anaphora`` (stand-ins such as
            ``the group`` take the actor named just before); None: the defaults.

    Returns:
        The SUPPORT frame, columns in this order: ``backer``, ``client`` (actor ids), ``doc_id``, ``date``,
        ``source``, ``field``, ``sent_id``, ``cue`` (the words that carry the backing), ``sentence`` (the
        evidence), ``modality`` (asserted, alleged, possible, denied), ``negated``, ``duplicate_of``,
        ``edge_id`` (stable across runs), ``cue_kind`` (the statement shape: compound, passive, role, noun,
        transfer, verb, receive, fight, thanks, with, record), ``support_type`` (troops, air_power, weapons,
        funding, training, advisers, intelligence, political, unspecified), ``attributed_to`` (who the
        sentence says claims it: an actor id or a label; empty when the writer asserts it),
        ``confidence`` (0-1), ``backer_start``/``backer_end``, ``client_start``/``client_end``,
        ``cue_start``/``cue_end`` (offsets into the field), ``resolved`` (stand-ins and what they stand
        for).

    Raises:
        TypeError: ``options`` is not a :class:`helpers.SupportOptions`.
    """
    opts = options_of(options, SupportOptions)
    sentence_model, fields, anaphora, chunk_size = opts.sentence_model, opts.fields, opts.anaphora, opts.chunk_size
    lex = cues if isinstance(cues, CueLexicon) else load_cues(cues)
    ctx = _Context(lex, sentence_model or load_sentence_model(), recordshape.record_pairs(gazetteer), anaphora)
    if n_jobs == -1:
        n_jobs = os.cpu_count() or 1
    if n_jobs > 1 and len(corpus) > chunk_size:
        from .parallel import map_chunks

        parts = map_chunks(
            _extract_chunk,
            _chunks(corpus, mentions, chunk_size, n_jobs, fields, ctx),
            n_jobs,
            preload=["helpers.support"],
        )
        out = pd.concat([p for p in parts if len(p)] or parts[:1], ignore_index=True)
        for c in ("backer", "client", "modality", "cue_kind", "support_type", "field"):
            out[c] = out[c].astype(str).astype("category")
    else:
        out = _extract(corpus, mentions, ctx, fields)
    if log.isEnabledFor(logging.INFO):  # the counts cost a frame operation each: only when logged
        log.info(
            "support: %d backing statements (%d distinct edges) in %d articles",
            len(out),
            out[["backer", "client"]].drop_duplicates().shape[0] if len(out) else 0,
            out["doc_id"].nunique() if len(out) else 0,
        )
    return out


def _chunks(
    corpus: pd.DataFrame, mentions: pd.DataFrame, size: int, n_jobs: int, fields: Sequence[str], ctx: _Context
) -> list[tuple]:
    import math

    size = max(1, min(size, math.ceil(len(corpus) / (4 * n_jobs))))
    cols = [c for c in ("doc_id", "title", "text", "date", "source", "duplicate_of") if c in corpus]
    out = []
    for i in range(0, len(corpus), size):
        part = corpus.iloc[i : i + size][cols]
        ids = set(part["doc_id"])
        out.append(
            (
                part,
                mentions[mentions["doc_id"].isin(ids)],
                tuple(fields),
                [str(p) for p in ctx.lex.paths],
                ctx.model.to_json(),
                ctx.record,
                ctx.anaphora,
            )
        )
    return out


def _extract_chunk(args: tuple) -> pd.DataFrame:
    from .sentences import SentenceModel as _SM

    part, mentions, fields, cue_paths, model_json, record, anaphora = args
    model = _SM(
        abbreviations=frozenset(model_json["abbreviations"]),
        starters=frozenset(model_json["starters"]),
        collocations=frozenset(tuple(c) for c in model_json["collocations"]),
        ortho_context=model_json["ortho_context"],
        source=model_json["source"],
    )
    ctx = _Context(load_cues(cue_paths), model, record, anaphora)
    return _extract(part, mentions, ctx, fields)
