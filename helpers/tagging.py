"""Tag actor mentions in article titles and texts: exact offsets, dated readings, actor or place.

One Aho-Corasick pass (``ahocorasick_rs``) over the folded text finds every alias of the gazetteer at
once; matches are kept whole-word (a letter or digit on either side rejects them), case-sensitive
aliases are checked against the text as written (``US`` is not ``us``, ``IS`` is not ``Is``), and the
longest match wins (``Syrian Democratic Forces`` is one ``sdf`` mention). Folding keeps the text's
length, so offsets into the folded text are offsets into the original: ``text[start:end] == surface``
for every row.
"""
from __future__ import annotations

import gc
import logging
import os
import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np
import pandas as pd

from . import readings, roles
from .descriptions import find_descriptions
from .gazetteer import Gazetteer, Reading, load_gazetteer
from .sentences import SentenceModel, load_sentence_model, paragraph_starts
from .textnorm import fold

log = logging.getLogger(__name__)

#: Columns of the MENTIONS table, in this order.
MENTION_COLUMNS: list[str] = ["doc_id", "date", "source", "duplicate_of", "field", "para_id", "sent_id",
                              "start", "end", "surface", "entity", "kind", "via", "role", "parent", "dated_by"]
#: All kinds of alias (``via``); pass a subset as ``vias=`` to drop metonyms you do not trust.
ALL_VIAS = ("name", "acronym", "demonym", "leader", "capital", "body", "description")
_VIA_CODE = {v: k for k, v in enumerate(ALL_VIAS)}
_FIELD_CODE = {"title": 0, "text": 1}
_APPOSITION = re.compile(r"\s*,\s*(?:the|a|an)\s+[^,;.()]*$")
_ROLE_CODE = {r: k for k, r in enumerate(roles.ROLES)}
_DATED_CODE = {d: k for k, d in enumerate(readings.DATED_BY)}
_CONTEXT_CODE = _DATED_CODE[readings.CONTEXT]
_KINDS = ["faction", "state", "organisation", "coalition"]
_EPOCH = pd.Timestamp("1970-01-01")
_NODATE = np.iinfo(np.int64).min
_DATED = object()


#: Up to this many characters (title and text together), one context word makes an article about the
#: conflict; longer articles need two (see :meth:`Tagger.in_context`).
SHORT_TEXT = 400
_PARA_BREAK_TEXT = re.compile(r"\n[ \t]*\n")
_DATELINE_HEAD = re.compile(r"[A-Z][A-Z.'/-]{2,}(?:[ /-][A-Z][A-Z.'/-]+)*(?=[,\s(])")
_DATELINE_TAIL = re.compile(r"^(?:,\s*[A-Z][\w.'-]*(?:[ -][A-Z][\w.'-]*)*)*\s*(?:,\s*)?"
                            r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\d{1,2}\s+[A-Z][a-z]{2,8}|\(|\u2014|\u2013|-\s)")


def _in_dateline(text: str, start: int, end: int) -> bool:
    """True for a place named in a dateline: ``BEIRUT, May 26 -``, ``ANTAKYA, Turkey, July 24 -``."""
    line_start = text.rfind("\n", 0, start) + 1
    if start - line_start > 40:
        return False
    head = _DATELINE_HEAD.match(text, line_start)
    if not head:
        return False
    prefix = text[head.end():start]
    if not re.fullmatch(r"(?:,\s*[A-Z][\w.'-]*(?:[ -][A-Z][\w.'-]*)*)*,?\s*", prefix) and head.start() != start:
        return False
    return bool(_DATELINE_TAIL.match(text[end:end + 40]))


def _shouting(text: str, start: int, end: int) -> bool:
    """True when the words next to ``text[start:end]`` are written in capitals too."""
    left = text[max(0, start - 20):start].rsplit("\n", 1)[-1].split()
    right = text[end:end + 20].split("\n", 1)[0].split()
    near = [w for w in (left[-1:] + right[:1]) if any(c.isalpha() for c in w)]
    return bool(near) and all(w.isupper() and len(w) > 1 for w in near)


def _by_start(c: tuple) -> tuple[int, int]:
    return c[0], -c[1]


def _longest_first(c: tuple) -> tuple[int, int]:
    return c[0] - c[1], c[0]


def _year(day: int) -> int:
    return (_EPOCH + pd.Timedelta(days=day)).year


def _day(ts: pd.Timestamp) -> int:
    return int((ts - _EPOCH).days)


@dataclass
class _Key:
    """Compiled readings of one matchable key."""

    readings: list[tuple[int, int, Reading]]  # (first day, last day, reading)
    undated: list[Reading]                     # candidates for undated articles, in preference order
    always: Reading | None = None              # the one reading, whatever the date (most keys)
    generic: bool = False                      # some reading is generic ("rebels"): needs the article context
    possessive: bool = False                   # may take a possessive "s" written without its apostrophe
    changes: tuple = ()                        # days its reading changes on, when it names several actors


class Tagger:
    """A compiled gazetteer and sentence model, ready to tag many texts with the same settings.

    Args:
        gazetteer: a :class:`~helpers.gazetteer.Gazetteer` (default: the kit's).
        sentence_model: the Punkt-based :class:`~helpers.sentences.SentenceModel` (default: the kit's).
        vias: which kinds of alias to keep (default all: name, acronym, demonym, leader, capital, body).
        default_date: the date undated articles resolve on; unset, each alias takes the reading in force
            before its most recent change.
        places: keep place readings (``role == "place"``) in the output (default ``True``; analyses
            leave them out unless asked).
    """

    def __init__(self, gazetteer: Gazetteer | None = None, sentence_model: SentenceModel | None = None,
                 vias: Sequence[str] = ALL_VIAS, default_date: Any = None, places: bool = True) -> None:
        import ahocorasick_rs

        self.gazetteer = gazetteer or load_gazetteer()
        self.model = sentence_model or load_sentence_model()
        self.vias = tuple(vias)
        unknown = set(self.vias) - set(ALL_VIAS)
        if unknown:
            raise ValueError(f"tag_mentions: unknown via(s) {sorted(unknown)}; choose from {ALL_VIAS}")
        self.default_day = _day(pd.Timestamp(default_date).tz_localize(None).normalize()) \
            if default_date is not None else None
        self.places = places
        self.dating = readings.dating_cues(self.gazetteer.meta)
        self._by_context: set[int] = set()  # starts of the mentions the last _select dated by their context
        self.descriptions = list(self.gazetteer.descriptions) if "description" in self.vias else []
        self._needs = sorted({w for d in self.descriptions for w in d.triggers})
        self._always_describe = any(not d.triggers for d in self.descriptions)
        table = self.gazetteer.readings()
        # two automata: case-insensitive aliases are matched on the folded text, case-sensitive ones
        # (acronyms) on the text folded without lower-casing, so "us" in "because" is never even a hit
        self.keys: list[str] = []
        self.compiled: list[_Key] = []
        self.cs_keys: list[str] = []
        self.cs_compiled: list[_Key] = []
        for key, rs in table.items():
            rs = [r for r in rs if r.via in self.vias]
            insensitive = [r for r in rs if not r.case_sensitive]
            if insensitive:
                self.keys.append(key)
                self.compiled.append(self._compile_key(insensitive))
            by_form: dict[str, list[Reading]] = {}
            for r in rs:
                if r.case_sensitive:
                    by_form.setdefault(r.text, []).append(r)
            for form, frs in by_form.items():
                self.cs_keys.append(form)
                self.cs_compiled.append(self._compile_key(frs))
        # the article context matters only for articles with a generic alias: aliases that are context words
        # settle it from the main pass, otherwise a small automaton of the context words looks
        self.context_words = sorted({fold(w.strip()) for w in self.gazetteer.meta.get("context") or []
                                     if w.strip()})
        kind = ahocorasick_rs.MatchKind.Standard
        dfa = ahocorasick_rs.Implementation.DFA  # the fastest of the library's automata
        self.context_ac = ahocorasick_rs.AhoCorasick(self.context_words, matchkind=kind, implementation=dfa) \
            if self.context_words else None
        self.automaton = ahocorasick_rs.AhoCorasick(self.keys, matchkind=kind, implementation=dfa)
        self.cs_automaton = ahocorasick_rs.AhoCorasick(self.cs_keys, matchkind=kind, implementation=dfa) \
            if self.cs_keys else None
        actors = self.gazetteer.actors
        self.kind = actors["kind"].to_dict()
        self._parents = {a: (p if isinstance(p, str) and p else None,
                             _day(f) if isinstance(f, pd.Timestamp) else None,
                             _day(t) if isinstance(t, pd.Timestamp) else None)
                         for a, p, f, t in zip(actors.index, actors["parent"], actors["parent_from"],
                                               actors["parent_to"])}
        self._entities = list(actors.index)
        self._ent_code = {e: k for k, e in enumerate(self._entities)}
        self._kind_codes = np.asarray([_KINDS.index(self.kind[e]) for e in self._entities], dtype=np.int8)
        # actors whose parent does not depend on the date (most): looked up without a call
        self._parent_of = {a: p for a, (p, f, t) in self._parents.items() if f is None and t is None}

    @staticmethod
    def _compile_key(rs: list[Reading]) -> _Key:
        readings = [(_day(r.start), _day(r.end), r) for r in rs]
        # undated: the reading in force just before the most recent change of this alias
        starts = sorted({s for s, _, _ in readings if s > _day(pd.Timestamp("1000-01-01"))})
        if starts:
            before = starts[-1] - 1
            undated = [r for s, e, r in readings if s <= before <= e] or [r for _, _, r in readings]
        else:
            undated = [r for _, _, r in readings]
        always = readings[0][2] if len(readings) == 1 and readings[0][0] <= _day(pd.Timestamp("1000-01-01")) \
            and readings[0][1] >= _day(pd.Timestamp("2999-12-31")) else None
        possessive = all(r.via in ("name", "leader", "capital", "body") and not r.case_sensitive and not r.generic
                         for r in rs) and \
            len(rs[0].text) > 3 and not rs[0].text.lower().endswith(("s", "'"))
        changes = tuple(starts) if len({r.entity for r in rs}) > 1 else ()
        return _Key(readings=readings, undated=undated, always=always, generic=any(r.generic for r in rs),
                    possessive=possessive, changes=changes)

    def parent(self, entity: str, day: int) -> str | None:
        p, f, t = self._parents.get(entity, (None, None, None))
        if p is None:
            return None
        if day != _NODATE and ((f is not None and day < f) or (t is not None and day > t)):
            return None
        return p

    # ----------------------------------------------------------------------------------------------
    def _resolve(self, k: _Key, day: int) -> Reading | None:
        if day == _NODATE and self.default_day is None:
            return k.undated[0] if k.undated else None
        d = self.default_day if day == _NODATE else day
        for s, e, r in k.readings:
            if s <= d <= e:
                return r
        return None

    def in_context(self, *texts: str) -> bool:
        """True when the article is about the gazetteer's conflict, so its generic aliases ("rebels",
        "government forces") and descriptions may count; always true without a ``meta.context`` list.

        One context word is not enough in a long article (a page banner or a passing "Syria" in a Sudan
        story): texts of more than :data:`SHORT_TEXT` characters in all need two occurrences."""
        if self.context_ac is None:
            return True
        folded = [fold(t) for t in texts if isinstance(t, str) and t]
        return self._about_conflict(folded)

    def _about_conflict(self, folded: Sequence[str]) -> bool:
        need = 1 if sum(len(f) for f in folded) <= SHORT_TEXT else 2
        seen = 0
        for f in folded:
            seen += self._context_hits(f, need - seen)
            if seen >= need:
                return True
        return False

    def _context_hits(self, folded: str, enough: int) -> int:
        n, seen = len(folded), 0
        for _, start, end in self.context_ac.find_matches_as_indexes(folded, overlapping=True):
            if (start == 0 or not folded[start - 1].isalnum()) and (end == n or not folded[end].isalnum()):
                seen += 1
                if seen >= enough:
                    break
        return seen

    def _scan(self, text: str) -> tuple[str, list[tuple[int, int, _Key]]]:
        """One field's folded text and its whole-word alias hits ``(start, end, key)`` (overlapping,
        unresolved)."""
        folded = fold(text)
        n = len(folded)
        hits: list[tuple[int, int, _Key]] = []
        compiled = self.compiled
        stripped: list[int] = []
        for idx, start, end in self.automaton.find_matches_as_indexes(folded, overlapping=True):
            if start and folded[start - 1].isalnum():
                continue
            if end < n and (folded[end].isalnum() or folded[end] == "$"):
                # "US$32m" is a currency; "Assads forces" is a possessive whose apostrophe was stripped
                if not (folded[end] == "s" and compiled[idx].possessive and text[start].isupper() and
                        (end + 1 == n or not folded[end + 1].isalnum())):
                    continue
                stripped.append(end)
            hits.append((start, end, compiled[idx]))
        if stripped:  # a longer alias ("rebels") is a plural, not a possessive
            whole = {e for _, e, _ in hits}
            stripped = [p for p in stripped if p + 1 not in whole]
            hits = [h for h in hits if h[1] not in stripped or h[1] + 1 not in whole]
        if stripped:  # read the stripped possessive as one ("assad's forces") for the role cues
            chars = list(folded)
            for p in stripped:
                chars[p] = "'"
            folded = "".join(chars)
        if self.cs_automaton is not None:
            haystack = fold(text, lower=False)
            compiled = self.cs_compiled
            for idx, start, end in self.cs_automaton.find_matches_as_indexes(haystack, overlapping=True):
                if start and folded[start - 1].isalnum():
                    continue
                if end < n and (folded[end].isalnum() or folded[end] == "$"):
                    continue
                if end - start == 2 and haystack[start:end] == "IS" and _shouting(text, start, end):
                    continue  # "WHAT IS NEXT FOR SYRIA": the verb in a capitalised headline
                hits.append((start, end, compiled[idx]))
        return folded, hits

    def tag_text(self, text: str, day: int = _NODATE, context: bool = True) -> list[tuple[int, int, Reading, str]]:
        """Mentions in one text as ``(start, end, reading, role)``, in text order, never overlapping.

        Args:
            text: the field text.
            day: the article's UTC day (days since 1970-01-01), or the no-date marker.
            context: the article is about the gazetteer's conflict (see :meth:`in_context`); without it,
                generic aliases are not read as actors.
        """
        if not text:
            return []
        folded, hits = self._scan(text)
        return self._select(text, folded, hits, day, context)

    def _select(self, text: str, folded: str, hits: list[tuple[int, int, _Key]], day: int, context: bool
                ) -> list[tuple[int, int, Reading, str]]:
        """Resolve hits on ``day``, keep the longest of overlapping ones, then give each its role."""
        cands: list[tuple[int, int, Reading]] = []
        self._by_context = set()
        for start, end, key in hits:
            r = key.always
            if r is None:
                on = None
                if key.changes:
                    on, _ = readings.context_day(self.dating, folded, start, key.changes,
                                                 None if day == _NODATE else day, _year)
                r = self._resolve(key, day if on is None else on)
                if r is None:
                    continue
                if on is not None:
                    self._by_context.add(start)
            if context or not r.generic:
                cands.append((start, end, r))
        if not cands:
            return self._described(text, folded, [], day, context)
        if len(cands) > 1:
            # hits come ordered by their end; already in text order and apart (the usual case), they stay
            overlap = False
            prev_end = -1
            for c in cands:
                if c[0] < prev_end:
                    overlap = True
                    break
                prev_end = c[1]
            if overlap:
                # longest match wins; among equals, the leftmost
                cands.sort(key=_longest_first)
                taken = bytearray(len(folded))
                kept = []
                for c in cands:
                    if taken.find(1, c[0], c[1]) == -1:
                        taken[c[0]:c[1]] = b"\x01" * (c[1] - c[0])
                        kept.append(c)
                kept.sort(key=_by_start)
            else:
                kept = cands
        else:
            kept = cands
        kept = [c for c in kept if c[2].entity]  # "ignore" phrases win their span, then vanish
        return self._described(text, folded, kept, day, context)

    def may_describe(self, folded: str) -> bool:
        """True when a description might match this folded text (one of their ``needs`` words is in it)."""
        return self._always_describe or any(w in folded for w in self._needs)

    def _described(self, text: str, folded: str, kept: list[tuple[int, int, Reading]], day: int, context: bool
                   ) -> list[tuple[int, int, Reading, str]]:
        """Add the description matches to the kept alias hits, then give every mention its role."""
        if self.descriptions and self.may_describe(folded):
            kept = self._add_descriptions(folded, kept, day, context)
        if not kept:
            return []
        return self._with_roles(text, folded, kept)

    def _add_descriptions(self, folded: str, kept: list[tuple[int, int, Reading]], day: int, context: bool
                          ) -> list[tuple[int, int, Reading]]:
        """A description wins over the aliases inside its span ("Turkey-backed [Syrian rebels]" is the SNA,
        not the generic opposition), never over an alias it cuts through or one naming its own actor."""
        d_day = None if day == _NODATE else _EPOCH + pd.Timedelta(days=day)
        named = {r.entity for _, _, r in kept}
        found = find_descriptions(self.descriptions, folded, d_day, context, named)
        if not found:
            return kept
        out = list(kept)
        taken_until = -1
        for s, e, d in found:
            if s < taken_until or self._apposition(folded, kept, s):
                continue
            inside = [c for c in out if c[0] < e and s < c[1]]
            if any(c[0] < s or c[1] > e or c[2].entity == d.actor or self._named(c[2]) for c in inside):
                continue
            reading = Reading(entity=d.actor, via="description", case_sensitive=False, reading="actor",
                              start=d.start, end=d.end, text=folded[s:e])
            out = [c for c in out if c not in inside]
            out.append((s, e, reading))
            taken_until = e
        out.sort(key=_by_start)
        return out

    def _named(self, r: Reading) -> bool:
        """A group's own name (``the Turkey-backed [Syrian National Army]``): a description never replaces it.
        States and umbrella actors (kind ``coalition``: "Syrian rebels") have no such name."""
        return not r.generic and r.reading == "actor" and r.via != "demonym" and \
            self.kind.get(r.entity) not in ("state", "coalition")

    def _apposition(self, folded: str, kept: list[tuple[int, int, Reading]], s: int) -> bool:
        """``Hezbollah, the Iran-backed militia``: a description in apposition to a named group names it."""
        for a, b, r in reversed(kept):
            if b > s:
                continue
            if s - b > 60:
                return False
            if self.kind.get(r.entity) != "state" and _APPOSITION.match(folded, b, s):
                return True
        return False

    def _with_roles(self, text: str, folded: str, kept: list[tuple[int, int, Reading]]
                    ) -> list[tuple[int, int, Reading, str]]:
        """Paragraph breaks stop role cues; then each mention gets its role."""
        if "\n" in text:
            # role cues never reach across a paragraph break
            breaks = [mt.span() for mt in _PARA_BREAK_TEXT.finditer(text)]
            if breaks:
                pieces, prev = [], 0
                for a, b in breaks:
                    pieces += [folded[prev:a], "\u00b6" * (b - a)]
                    prev = b
                folded = "".join(pieces) + folded[prev:]
        return self._roles(folded, kept, text)

    def _roles(self, folded: str, kept: list[tuple[int, int, Reading]], text: str
               ) -> list[tuple[int, int, Reading, str]]:
        decided: list[str | None] = []
        by_before: list[bool] = []
        for start, end, r in kept:
            before_cue = False
            if r.reading == "actor":
                if r.via == "demonym":
                    role = roles.cue_role(folded, start, end, "demonym")
                    decided.append(role or roles.ACTOR)
                else:
                    decided.append(roles.ACTOR)
            elif _in_dateline(text, start, end):
                decided.append(roles.PLACE)
            elif r.via == "demonym":  # strict or contextual demonym ("Syrian")
                role = roles.strict_demonym_role(folded, end)
                if role is None:
                    role = roles.cue_role(folded, start, end, "demonym")
                    role = roles.PLACE if role == roles.PLACE else None
                decided.append(role)
            else:
                role = roles.cue_role(folded, start, end, r.via, strict=r.reading == "strict")
                before_cue = roles.decided_by_before(role)
                decided.append(None if role is None else str(role))
            by_before.append(before_cue)
        # a list shares its role: "Turkey and Russia reached ...", "in Lebanon and Syria"; a preposition
        # before the list governs all of it ("leaders in Kyiv and Moscow were watching")
        coordinated = roles.coordinated
        for i in range(1, len(kept)):
            if kept[i][0] - kept[i - 1][1] > 7 or kept[i - 1][2].reading == "actor" or \
                    kept[i][2].reading == "actor" or not coordinated(folded, kept[i - 1][1], kept[i][0]):
                continue
            if decided[i - 1] is not None and (decided[i] is None or by_before[i - 1]):
                decided[i] = decided[i - 1]
                by_before[i] = by_before[i - 1]
        for i in range(len(kept) - 2, -1, -1):
            if decided[i] is None and decided[i + 1] is not None and kept[i + 1][0] - kept[i][1] <= 7 and \
                    coordinated(folded, kept[i][1], kept[i + 1][0]) and kept[i + 1][2].reading != "actor":
                decided[i] = decided[i + 1]
        self._other_roles(folded, kept, decided)
        out = []
        for (start, end, r), role in zip(kept, decided):
            if role is None:
                if r.reading == "strict":
                    continue
                role = roles.PLACE if r.via == "capital" else roles.ACTOR
            if r.reading == "strict" and role != roles.ACTOR:
                continue
            if role != roles.ACTOR and not self.places:
                continue
            out.append((start, end, r, role))
        return out

    def _other_roles(self, folded: str, kept: list[tuple[int, int, Reading]], decided: list[str | None]) -> None:
        """Outlets, languages, origins and nationals (``the Qatari TV channel Al Jazeera``, ``Russian-made``,
        ``Iraqi gunmen``), and states that only qualify the group named next (``Lebanon's Hezbollah``)."""
        kind = self.kind
        for i, (start, end, r) in enumerate(kept):
            if kind.get(r.entity) != "state" or r.via not in ("name", "demonym", "capital"):
                continue
            other = roles.other_role(folded, start, end, r.via)
            if other is not None:
                decided[i] = other
            elif i + 1 < len(kept) and kind.get(kept[i + 1][2].entity) != "state" and \
                    self._parent_of.get(kept[i + 1][2].entity) != r.entity and \
                    roles.qualifies(folded, end, kept[i + 1][0]):
                decided[i] = roles.QUALIFIER

    # ----------------------------------------------------------------------------------------------
    def tag_frame(self, corpus: pd.DataFrame, fields: Sequence[str] = ("title", "text")) -> pd.DataFrame:
        """Tag a CORPUS frame (see :func:`tag_mentions`)."""
        # the loop builds millions of small tuples and no reference cycles: the cyclic garbage collector
        # would only walk them again and again (about 8% of the time at 50,000 articles)
        enabled = gc.isenabled()
        gc.disable()
        try:
            return self._tag_frame(corpus, fields)
        finally:
            if enabled:
                gc.enable()

    def _tag_frame(self, corpus: pd.DataFrame, fields: Sequence[str]) -> pd.DataFrame:
        rows: list[tuple] = []
        dates = pd.to_datetime(corpus["date"], utc=True) if "date" in corpus else \
            pd.Series(pd.NaT, index=corpus.index, dtype="datetime64[ns, UTC]")
        days = dates.dt.tz_localize(None).dt.normalize()
        day_vals = ((days - _EPOCH).dt.days).fillna(_NODATE).astype(np.int64).to_numpy() if len(days) else []
        field_cols = [corpus[f].tolist() if f in corpus else [""] * len(corpus) for f in fields]
        # generic aliases count only in articles about the conflict: title or text names a context word,
        # whichever fields are tagged
        others = [corpus[f].tolist() for f in ("title", "text") if f not in fields and f in corpus]
        model = self.model
        parent_of = self._parent_of
        dated_parent = self.parent
        ent_code = self._ent_code
        via_code = _VIA_CODE
        context_ac = self.context_ac
        for i in range(len(corpus)):
            day = int(day_vals[i])
            scans = []
            generic = False
            for fld, values in zip(fields, field_cols):
                text = values[i]
                if isinstance(text, str) and text:
                    scan = self._scan(text)
                    scans.append((fld, text, scan))
                    generic = generic or any(k.generic for _, _, k in scan[1])
            context = True
            if context_ac is not None and (generic or any(self.descriptions and self.may_describe(folded)
                                                          for _, _, (folded, _) in scans)):
                context = self._about_conflict([folded for _, _, (folded, _) in scans] +
                                               [fold(col[i]) for col in others if isinstance(col[i], str)])
            for fld, text, (folded, hits) in scans:
                if not hits and not (self.descriptions and self.may_describe(folded)):
                    continue
                found = self._select(text, folded, hits, day, context)
                if not found:
                    continue
                starts = [f[0] for f in found]
                if "\n" in text:
                    p_starts = paragraph_starts(text).tolist()
                    para_ids = [max(bisect_right(p_starts, x) - 1, 0) for x in starts]
                else:
                    p_starts, para_ids = None, [0] * len(starts)
                sent_ids = model.sentence_ids(text, starts, p_starts)
                fcode = _FIELD_CODE.get(fld, -1)
                ctx, dated = self._by_context, _DATED_CODE[readings.ARTICLE_DATE if day != _NODATE
                                                           else readings.DEFAULT_DATE]
                # categorical columns as codes: entity, via, role (actor 0, place 1), parent (-1: none)
                rows.extend([(i, fcode, pid, sid, st, en, text[st:en], ent_code[r.entity], via_code[r.via],
                              _ROLE_CODE[role],
                              ent_code.get(p if (p := parent_of.get(r.entity, _DATED)) is not _DATED
                                           else dated_parent(r.entity, day), -1),
                              _CONTEXT_CODE if st in ctx else dated)
                             for (st, en, r, role), sid, pid in zip(found, sent_ids, para_ids)])
        names = ["doc_row", "field", "para_id", "sent_id", "start", "end", "surface", "entity", "via", "role", "parent",
                 "dated_by"]
        columns = list(zip(*rows)) if rows else [()] * len(names)
        cols = dict(zip(names, columns))
        doc_rows = cols.pop("doc_row")
        return self._frame(corpus, dates, doc_rows, cols)

    def _frame(self, corpus: pd.DataFrame, dates: pd.Series, doc_rows: Sequence[int], cols: dict[str, Sequence]
               ) -> pd.DataFrame:
        rows = np.asarray(doc_rows, dtype=np.int64)
        n = len(rows)

        def take(column: str) -> Any:
            return corpus[column].array.take(rows) if column in corpus else pd.array([pd.NA] * n, dtype="string")

        def codes(column: str, dtype: Any = np.int32) -> np.ndarray:
            return np.asarray(cols[column], dtype=dtype) if n else np.zeros(0, dtype=dtype)

        if "source" in corpus:
            src_codes, src_names = pd.factorize(corpus["source"], sort=True)
            source = pd.Categorical.from_codes(src_codes[rows], categories=pd.Index(list(src_names)))
        else:
            source = pd.Categorical([""] * n)
        entity = codes("entity")
        out = pd.DataFrame({
            "doc_id": pd.array(take("doc_id"), dtype="string"),
            "date": pd.to_datetime(dates.array.take(rows) if n else np.array([], dtype="datetime64[ns]"), utc=True),
            "source": source,
            "duplicate_of": pd.array(take("duplicate_of"), dtype="string"),
            "field": pd.Categorical.from_codes(codes("field", np.int8), categories=["title", "text"]),
            "para_id": codes("para_id", np.int32),
            "sent_id": codes("sent_id", np.int32),
            "start": codes("start", np.int32),
            "end": codes("end", np.int32),
            "surface": pd.array(list(cols["surface"]), dtype="string"),
            "entity": pd.Categorical.from_codes(entity, categories=self._entities),
            "kind": pd.Categorical.from_codes(self._kind_codes[entity] if n else np.zeros(0, dtype=np.int8),
                                              categories=_KINDS),
            "via": pd.Categorical.from_codes(codes("via", np.int8), categories=list(ALL_VIAS)),
            "role": pd.Categorical.from_codes(codes("role", np.int8), categories=list(roles.ROLES)),
            "parent": pd.Categorical.from_codes(codes("parent"), categories=self._entities),
            "dated_by": pd.Categorical.from_codes(codes("dated_by", np.int8), categories=list(readings.DATED_BY)),
        })
        return out[MENTION_COLUMNS]


# --------------------------------------------------------------------------------------------------
_TAGGERS: dict[tuple, Tagger] = {}


def get_tagger(gazetteer: Gazetteer | str | os.PathLike | Sequence | None = None,
               sentence_model: SentenceModel | None = None, **options: Any) -> Tagger:
    """A compiled :class:`Tagger` for these settings, built once and reused (the automaton is the costly
    part); a changed gazetteer file or sentence model gives a new one."""
    if gazetteer is None or isinstance(gazetteer, (str, os.PathLike, list, tuple)):
        gazetteer = load_gazetteer(gazetteer)
    model = sentence_model or load_sentence_model()
    key = (gazetteer.sha256, tuple(str(p) for p in gazetteer.paths), model.fingerprint,
           tuple(options.get("vias", ALL_VIAS)), str(options.get("default_date")), options.get("places", True))
    tagger = _TAGGERS.get(key)
    if tagger is None:
        if len(_TAGGERS) > 8:
            _TAGGERS.clear()
        tagger = _TAGGERS[key] = Tagger(gazetteer, model, **options)
    return tagger


_WORKER: Tagger | None = None


def _init_worker(gaz_paths: list[str], model_json: dict, kwargs: dict) -> None:
    global _WORKER
    from .gazetteer import load_gazetteer as _lg
    from .sentences import SentenceModel

    model = SentenceModel(abbreviations=frozenset(model_json["abbreviations"]),
                          starters=frozenset(model_json["starters"]),
                          collocations=frozenset(tuple(c) for c in model_json["collocations"]),
                          ortho_context=model_json["ortho_context"], source=model_json["source"])
    _WORKER = Tagger(_lg(gaz_paths), model, **kwargs)


def _tag_chunk(args: tuple[pd.DataFrame, tuple[str, ...]]) -> pd.DataFrame:
    chunk, fields = args
    assert _WORKER is not None
    return _WORKER.tag_frame(chunk, fields)


def tag_mentions(corpus: pd.DataFrame, gazetteer: Gazetteer | str | os.PathLike | Sequence | None = None, *,
                 sentence_model: SentenceModel | None = None, vias: Sequence[str] = ALL_VIAS,
                 default_date: Any = None, places: bool = True, fields: Sequence[str] = ("title", "text"),
                 n_jobs: int = 1, chunk_size: int = 2000) -> pd.DataFrame:
    """Find every mention of a gazetteer actor in the titles and texts of a corpus.

    Args:
        corpus: a CORPUS frame (``doc_id``, ``title``, ``text``, ``date``, ``source``, ``duplicate_of``).
        gazetteer: a :class:`~helpers.gazetteer.Gazetteer`, a YAML path or a list of paths
            (default: the kit's ``data/gazetteers/syria.yaml``).
        sentence_model: Punkt parameters for sentence ids (default: the kit's; one model per call,
            shared by every worker, so results never depend on how the corpus was split).
        vias: kinds of alias to keep (drop ``"leader"``, ``"capital"`` or ``"body"`` to ignore metonyms).
        default_date: date on which undated articles resolve dated aliases (see :class:`Tagger`).
        places: keep place readings of countries and capitals (``role == "place"``).
        fields: which fields to tag.
        n_jobs: worker processes (``-1``: all cores); results are identical to ``n_jobs=1``.
        chunk_size: articles per task when ``n_jobs > 1``.

    Returns:
        The MENTIONS frame, one row per mention, columns in this order:
        ``doc_id``, ``date`` (UTC), ``source``, ``duplicate_of`` (from the corpus), ``field``
        (``title``/``text``), ``para_id``, ``sent_id`` (per field from 0), ``start``, ``end``
        (int32 offsets into that field: ``corpus[field][start:end] == surface``), ``surface``, ``entity``
        (actor id), ``kind``, ``via`` (name, acronym, demonym, leader, capital, body), ``role`` (actor or
        place), ``parent`` (the actor's parent on that date, or missing). ``entity``, ``kind``, ``via``,
        ``role``, ``parent``, ``source`` and ``field`` are categorical.
    """
    tagger = get_tagger(gazetteer, sentence_model, vias=vias, default_date=default_date, places=places)
    if n_jobs == -1:
        n_jobs = os.cpu_count() or 1
    if n_jobs <= 1 or len(corpus) <= chunk_size:
        out = tagger.tag_frame(corpus, fields)
    else:
        out = _tag_parallel(tagger, corpus, fields, n_jobs, chunk_size,
                            {"vias": vias, "default_date": default_date, "places": places})
    _log_coverage(corpus, out)
    out.attrs["gazetteer_sha256"] = tagger.gazetteer.sha256
    out.attrs["sentence_model"] = tagger.model.fingerprint
    return out


def _tag_parallel(tagger: Tagger, corpus: pd.DataFrame, fields: Sequence[str], n_jobs: int, chunk_size: int,
                  kwargs: dict) -> pd.DataFrame:
    import math
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    cols = [c for c in ("doc_id", "title", "text", "date", "source", "duplicate_of") if c in corpus]
    # several chunks per worker keep both busy to the end
    size = max(1, min(chunk_size, math.ceil(len(corpus) / (4 * n_jobs))))
    chunks = [(corpus.iloc[i:i + size][cols], tuple(fields)) for i in range(0, len(corpus), size)]
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        # the fork server imports the kit (and pandas) once; every worker forked from it starts warm
        ctx.set_forkserver_preload(["helpers.tagging"])
    else:
        ctx = mp.get_context("spawn")
    from .parallel import hidden_main

    with hidden_main(), ProcessPoolExecutor(n_jobs, mp_context=ctx, initializer=_init_worker,
                             initargs=([str(p) for p in tagger.gazetteer.paths], tagger.model.to_json(),
                                       kwargs)) as pool:
        parts = list(pool.map(_tag_chunk, chunks))
    parts = [p for p in parts if len(p)] or parts[:1]
    out = pd.concat(parts, ignore_index=True)
    for c in ("entity", "kind", "via", "role", "parent", "field"):
        out[c] = out[c].astype(parts[0][c].dtype) if len(parts) else out[c]
    out["source"] = out["source"].astype("category")
    return out


def _log_coverage(corpus: pd.DataFrame, mentions: pd.DataFrame) -> None:
    n = len(corpus)
    if not n:
        return
    tagged = mentions["doc_id"].nunique()
    actors = mentions.loc[mentions["role"] == "actor", "entity"].nunique()
    undated = int(pd.to_datetime(corpus["date"], utc=True).isna().sum()) if "date" in corpus else n
    log.info("tagged %d mentions of %d actors in %d of %d articles (%.0f%%); %d articles undated",
             len(mentions), actors, tagged, n, 100 * tagged / n, undated)
