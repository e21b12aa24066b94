"""Tag actor mentions in article titles and texts: exact offsets, dated readings, actor or place.

One Aho-Corasick pass (``ahocorasick_rs``) over the folded text finds every alias of the gazetteer at
once; matches are kept whole-word (a letter or digit on either side rejects them), case-sensitive
aliases are checked against the text as written (``US`` is not ``us``, ``IS`` is not ``Is``), and the
longest match wins (``Syrian Democratic Forces`` is one ``sdf`` mention). Folding keeps the text's
length, so offsets into the folded text are offsets into the original: ``text[start:end] == surface``
for every row.

The same pass finds the descriptions' ``needs`` words (added to the automaton when they are not aliases), so
a field's text is matched once for both.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from . import arabic, readings, tagframe, tagpass
from .gazetteer import Gazetteer, Reading, load_gazetteer
from .sentences import SentenceModel, load_sentence_model
from .tagframe import ALL_VIAS, KINDS, NODATE, day_of, year_of
from .textnorm import fold

log = logging.getLogger(__name__)

#: Up to this many characters (title and text together), one context word makes an article about the
#: conflict; longer articles need two (see :meth:`Tagger.in_context`).
SHORT_TEXT = 800  # a passage of a few sentences: one context word ("Assad's forces") says what war it is about
PREFIX_SCAN = 3000  # characters counted first when deciding what war an article is about
_WHERES = 4  # folded texts whose ``needs`` words the tagger remembers (an article's title and text)


def _lost_apostrophe(haystack: str, start: int, end: int) -> bool:
    """Whether an acronym is followed by an ``s`` that closes the word: a possessive whose apostrophe the
    scrape dropped ("SDFs main supporter") or a plural ("two SDFs")."""
    return (
        end - start > 2
        and haystack[end] == "s"
        and (end + 1 == len(haystack) or not haystack[end + 1].isalnum())
        and haystack[start:end].isupper()
    )


def _shouting(text: str, start: int, end: int) -> bool:
    """True when the words next to ``text[start:end]`` are written in capitals too."""
    left = text[max(0, start - 20) : start].rsplit("\n", 1)[-1].split()
    right = text[end : end + 20].split("\n", 1)[0].split()
    near = [w for w in (left[-1:] + right[:1]) if any(c.isalpha() for c in w)]
    return bool(near) and all(w.isupper() and len(w) > 1 for w in near)


@dataclass(slots=True)
class _Key:
    """Compiled readings of one matchable key."""

    readings: list[tuple[int, int, Reading]]  # (first day, last day, reading)
    undated: list[Reading]  # candidates for undated articles, in preference order
    always: Reading | None = None  # the one reading, whatever the date (most keys)
    generic: bool = False  # some reading is generic ("rebels"): needs the article context
    possessive: bool = False  # may take a possessive "s" written without its apostrophe
    changes: tuple = ()  # days its reading changes on, when it names several actors


def _possessives(
    folded: str, hits: list[tuple[int, int, Any]], stripped: list[int]
) -> tuple[str, list[tuple[int, int, Any]]]:
    """Possessives whose apostrophe was stripped ("Assads forces"): a longer alias ("rebels") is a plural,
    not a possessive; the others are read as one ("assad's forces") for the role cues."""
    whole = {e for _, e, _ in hits}
    stripped = [p for p in stripped if p + 1 not in whole]
    hits = [h for h in hits if h[1] not in stripped or h[1] + 1 not in whole]
    if stripped:
        chars = list(folded)
        for p in stripped:
            chars[p] = "'"
        folded = "".join(chars)
    return folded, hits


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

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        sentence_model: SentenceModel | None = None,
        vias: Sequence[str] = ALL_VIAS,
        default_date: Any = None,
        places: bool = True,
    ) -> None:
        import ahocorasick_rs

        self.gazetteer = gazetteer or load_gazetteer()
        self.model = sentence_model or load_sentence_model()
        self.vias = tuple(vias)
        unknown = set(self.vias) - set(ALL_VIAS)
        if unknown:
            raise ValueError(f"tag_mentions: unknown via(s) {sorted(unknown)}; choose from {ALL_VIAS}")
        self.default_day = (
            day_of(pd.Timestamp(default_date).tz_localize(None).normalize()) if default_date is not None else None
        )
        self.places = places
        self.dating = readings.dating_cues(self.gazetteer.meta)
        self.by_context: set[int] = set()  # starts of the mentions the last _select dated by their context
        self.descriptions = list(self.gazetteer.descriptions) if "description" in self.vias else []
        self._needs = sorted({w for d in self.descriptions for w in d.triggers})
        self._always_describe = any(not d.triggers for d in self.descriptions)
        self._wheres: list[tuple[str, dict[str, list[int]]]] = []  # the fields of the article being tagged
        self._needs_ac = (
            ahocorasick_rs.AhoCorasick(self._needs, matchkind=ahocorasick_rs.MatchKind.Standard)
            if self._needs
            else None
        )
        self._compile_keys()
        self._context_packs()
        kind = ahocorasick_rs.MatchKind.Standard
        dfa = ahocorasick_rs.Implementation.DFA  # the fastest of the library's automata
        self.context_ac = (
            ahocorasick_rs.AhoCorasick(self.context_words, matchkind=kind, implementation=dfa)
            if self.context_words
            else None
        )
        self._merge_needs()
        self.automaton = ahocorasick_rs.AhoCorasick(self._scan_keys, matchkind=kind, implementation=dfa)
        self.cs_automaton = (
            ahocorasick_rs.AhoCorasick(self.cs_keys, matchkind=kind, implementation=dfa) if self.cs_keys else None
        )
        self._actor_tables()

    def _compile_keys(self) -> None:
        """The alias keys of the two automata and their compiled readings."""
        # two automata: case-insensitive aliases are matched on the folded text, case-sensitive ones
        # (acronyms) on the text folded without lower-casing, so "us" in "because" is never even a hit
        self.keys: list[str] = []
        self.compiled: list[_Key] = []
        self.cs_keys: list[str] = []
        self.cs_compiled: list[_Key] = []
        for key, rs in self.gazetteer.readings().items():
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

    def _merge_needs(self) -> None:
        """The main automaton's keys: the aliases, then the descriptions' ``needs`` words that are not aliases, so
        that one pass over a text finds both (``_needs_of[i]``: the needs word key ``i`` is, or ``None``;
        ``_scan_compiled[i]``: its alias readings, or ``None`` for a needs word alone)."""
        self._scan_keys = list(self.keys)
        self._scan_compiled: list[_Key | None] = list(self.compiled)
        self._needs_of: list[str | None] = [None] * len(self.keys)
        self._needs_merged = self._needs_ac is not None and not self._always_describe
        if not self._needs_merged:
            return
        index = {k: i for i, k in enumerate(self.keys)}
        for w in self._needs:
            if w in index:
                self._needs_of[index[w]] = w
            else:
                self._scan_keys.append(w)
                self._scan_compiled.append(None)
                self._needs_of.append(w)

    def _context_packs(self) -> None:
        """Context words per conflict pack, and which packs need them."""
        # the article context matters only for articles with a generic alias: aliases that are context words
        # settle it from the main pass, otherwise a small automaton of the context words looks
        # context words per conflict pack: "rebels" of the Syria pack count only in articles about Syria
        contexts = self.gazetteer.meta.get("contexts") or {}
        packs_of: dict[str, set[str]] = {}
        for pack, words in contexts.items():
            for w in words:
                if w.strip():
                    packs_of.setdefault(fold(w.strip()), set()).add(pack)
        self.context_words = sorted(packs_of)
        self._word_packs = [frozenset(packs_of[w]) for w in self.context_words]
        all_packs = (
            set(self.gazetteer.aliases["pack"].dropna().astype(str))
            | set(contexts)
            | {d.pack for d in self.gazetteer.descriptions}
        )
        self.free_packs = frozenset(p for p in all_packs if not contexts.get(p))  # no context list: always
        self.all_packs = frozenset(all_packs)
        self.context_packs = self.all_packs - self.free_packs

    def _actor_tables(self) -> None:
        """Kinds, dated parents and integer codes of the gazetteer's actors."""
        actors = self.gazetteer.actors
        self.kind = actors["kind"].to_dict()
        self._parents = {
            a: (
                p if isinstance(p, str) and p else None,
                day_of(f) if isinstance(f, pd.Timestamp) else None,
                day_of(t) if isinstance(t, pd.Timestamp) else None,
            )
            for a, p, f, t in zip(actors.index, actors["parent"], actors["parent_from"], actors["parent_to"])
        }
        self.entities = list(actors.index)
        self.ent_code = {e: k for k, e in enumerate(self.entities)}
        self.kind_codes = np.asarray([KINDS.index(self.kind[e]) for e in self.entities], dtype=np.int8)
        # actors whose parent does not depend on the date (most): looked up without a call
        self.parent_of = {a: p for a, (p, f, t) in self._parents.items() if f is None and t is None}
        self.row_codes = tagframe.reading_codes(self)
        #: the readings whose wording may make them an outlet, language, origin, people or qualifier: a state's
        #: name, demonym, capital or acronym (by identity; the tagger keeps them alive)
        self.state_readings = frozenset(
            id(r)
            for r in self.all_readings()
            if self.kind.get(r.entity) == "state" and r.via in ("name", "demonym", "capital", "acronym")
        )
        #: the readings no wording changes: actors named as such (not a demonym, not a state's name)
        self.plain_readings = frozenset(
            id(r)
            for r in self.all_readings()
            if r.reading == "actor" and r.via != "demonym" and id(r) not in self.state_readings
        )

    @staticmethod
    def _compile_key(rs: list[Reading]) -> _Key:
        readings = [(day_of(r.start), day_of(r.end), r) for r in rs]
        # undated: the reading in force just before the most recent change of this alias
        starts = sorted({s for s, _, _ in readings if s > day_of(pd.Timestamp("1000-01-01"))})
        if starts:
            before = starts[-1] - 1
            undated = [r for s, e, r in readings if s <= before <= e] or [r for _, _, r in readings]
        else:
            undated = [r for _, _, r in readings]
        always = (
            readings[0][2]
            if len(readings) == 1
            and readings[0][0] <= day_of(pd.Timestamp("1000-01-01"))
            and readings[0][1] >= day_of(pd.Timestamp("2999-12-31"))
            else None
        )
        possessive = (
            all(r.via in ("name", "leader", "capital", "body") and not r.case_sensitive and not r.generic for r in rs)
            and len(rs[0].text) > 3
            and not rs[0].text.lower().endswith(("s", "'"))
        )
        changes = tuple(starts) if len({r.entity for r in rs}) > 1 else ()
        return _Key(
            readings=readings,
            undated=undated,
            always=always,
            generic=any(r.generic for r in rs),
            possessive=possessive,
            changes=changes,
        )

    def all_readings(self) -> list[Reading]:
        """Every reading of the compiled keys (both automata)."""
        return [r for k in self.compiled + self.cs_compiled for _, _, r in k.readings]

    def parent(self, entity: str, day: int) -> str | None:
        p, f, t = self._parents.get(entity, (None, None, None))
        if p is None:
            return None
        if day != NODATE and ((f is not None and day < f) or (t is not None and day > t)):
            return None
        return p

    # ----------------------------------------------------------------------------------------------
    def _resolve(self, k: _Key, day: int, context: frozenset[str] | None = None) -> Reading | None:
        """The reading of an alias in force on ``day``; of two in force (a generic word two packs share,
        "government forces"), the first whose pack the article is about (``context``)."""
        if day == NODATE and self.default_day is None:
            rs = k.undated
        else:
            d = self.default_day if day == NODATE else day
            rs = [r for s, e, r in k.readings if s <= d <= e]
        if len(rs) > 1 and context is not None:
            return next((r for r in rs if not r.generic or r.pack in context), rs[0])
        return rs[0] if rs else None

    def in_context(self, *texts: str) -> frozenset[str]:
        """The conflict packs an article is about, so their generic aliases ("rebels", "government forces")
        and descriptions may count; a pack without ``meta.context`` words is always in.

        One context word is not enough in a long article (a page banner or a passing "Syria" in a Sudan
        story): texts of more than :data:`SHORT_TEXT` characters in all need two occurrences."""
        folded = [fold(t) for t in texts if isinstance(t, str) and t]
        return self.about_conflict(folded)

    def about_conflict(self, folded: Sequence[str]) -> frozenset[str]:
        if self.context_ac is None:
            return self.all_packs
        need = 1 if sum(len(f) for f in folded) <= SHORT_TEXT else 2
        # most articles about a war name it early: count in the opening first, the whole text only if needed
        head = [f[:PREFIX_SCAN] for f in folded]
        if any(len(f) > PREFIX_SCAN for f in folded):
            seen = self._context_counts(head, need)
            if len(seen) == len(self.context_packs) and min(seen.values()) >= need:
                return self.free_packs | self.context_packs
        seen = self._context_counts(folded, need)
        return self.free_packs | {p for p, k in seen.items() if k >= need}

    def _context_counts(self, folded: Sequence[str], need: int) -> dict[str, int]:
        """How often each pack's context words occur as whole words in the texts; counting stops once every
        pack that has context words reached ``need`` (more would not change what the article is about)."""
        seen: dict[str, int] = {}
        word_packs = self._word_packs
        left = len(self.context_packs)  # packs still under `need`
        for f in folded:
            n = len(f)
            for idx, start, end in self.context_ac.find_matches_as_indexes(f, overlapping=True):
                if (start == 0 or not f[start - 1].isalnum()) and (end == n or not f[end].isalnum()):
                    for p in word_packs[idx]:
                        k = seen[p] = seen.get(p, 0) + 1
                        if k == need:
                            left -= 1
                    if not left:
                        return seen
        return seen

    def scan(self, text: str) -> tuple[str, list[tuple[int, int, _Key]]]:
        """One field's folded text and its whole-word alias hits ``(start, end, key)`` (overlapping,
        unresolved)."""
        folded = fold(text)
        n = len(folded)
        hits: list[tuple[int, int, _Key]] = []
        compiled, needs_of = self._scan_compiled, self._needs_of
        stripped: list[int] = []
        where: dict[str, list[int]] = {}  # the needs words, found in the same pass
        if not folded.isascii() and arabic.has_marks(folded):
            return folded, arabic.without_lam_forms(folded, self._scan_marked(text, folded))
        for idx, start, end in self.automaton.find_matches_as_indexes(folded, overlapping=True):
            w = needs_of[idx]
            if w is not None:
                where.setdefault(w, []).append(start)
                if compiled[idx] is None:
                    continue
            if (
                start
                and folded[start - 1].isalnum()
                and not (folded[start] >= "\u0621" and arabic.proclitic_before(folded, start))
            ):
                continue
            if end < n and (folded[end].isalnum() or folded[end] == "$"):
                # "US$32m" is a currency; "Assads forces" is a possessive whose apostrophe was stripped
                if not (
                    folded[end] == "s"
                    and compiled[idx].possessive
                    and text[start].isupper()
                    and (end + 1 == n or not folded[end + 1].isalnum())
                ):
                    continue
                stripped.append(end)
            hits.append((start, end, compiled[idx]))
        if stripped:
            folded, hits = _possessives(folded, hits, stripped)  # a new text: its needs words are found anew
        elif self._needs_merged:
            self._remember_where(folded, where)
        if self.cs_automaton is not None:
            hits += self._case_sensitive_hits(text, folded)
        if hits and not folded.isascii():
            hits = arabic.without_lam_forms(folded, hits)
        return folded, hits

    def _case_sensitive_hits(self, text: str, folded: str) -> list[tuple[int, int, _Key]]:
        """Whole-word hits of the case-sensitive aliases (acronyms such as ``IS``)."""
        haystack, compiled, n, hits = fold(text, lower=False), self.cs_compiled, len(folded), []
        for idx, start, end in self.cs_automaton.find_matches_as_indexes(haystack, overlapping=True):
            if start and folded[start - 1].isalnum():
                continue
            if end < n and (folded[end].isalnum() or folded[end] == "$") and not _lost_apostrophe(haystack, start, end):
                continue
            if end - start == 2 and haystack[start:end] == "IS" and _shouting(text, start, end):
                continue  # "WHAT IS NEXT FOR SYRIA": the verb in a capitalised headline
            hits.append((start, end, compiled[idx]))
        return hits

    def _scan_marked(self, text: str, folded: str) -> list[tuple[int, int, _Key]]:
        """Alias hits in a text with Arabic short vowels, tatweel or invisible characters: matched with them
        dropped, then mapped back to offsets in the original (the span keeps any mark inside the name)."""
        plain, where = arabic.strip_marks(folded)
        n = len(plain)
        hits = []
        for idx, start, end in self.automaton.find_matches_as_indexes(plain, overlapping=True):
            if (
                start
                and plain[start - 1].isalnum()
                and not (plain[start] >= "\u0621" and arabic.proclitic_before(plain, start))
            ):
                continue
            if end < n and plain[end].isalnum():
                continue
            key = self._scan_compiled[idx]
            if key is not None:  # (not a needs word alone)
                hits.append((where[start], where[end - 1] + 1, key))
        if self.cs_automaton is not None:  # acronyms, with an invisible character inside ("S.\u200bD.F.")
            kept = fold(text, lower=False)
            haystack = "".join(kept[i] for i in where[:-1])
            for idx, start, end in self.cs_automaton.find_matches_as_indexes(haystack, overlapping=True):
                if (start and plain[start - 1].isalnum()) or (end < n and plain[end].isalnum()):
                    continue
                hits.append((where[start], where[end - 1] + 1, self.cs_compiled[idx]))
        return hits

    def tag_text(
        self, text: str, day: int = NODATE, context: bool | frozenset[str] = True
    ) -> list[tuple[int, int, Reading, str]]:
        """Mentions in one text as ``(start, end, reading, role)``, in text order, never overlapping.

        Args:
            text: the field text.
            day: the article's UTC day (days since 1970-01-01), or the no-date marker.
            context: the packs the article is about (:meth:`in_context`), or ``True`` (all) / ``False``
                (none): generic aliases and descriptions of the other packs are not read as actors.
        """
        if not text:
            return []
        if context is True or context is False:
            context = self.all_packs if context else self.free_packs
        folded, hits = self.scan(text)
        return self.select(text, folded, hits, day, context)

    def select(
        self, text: str, folded: str, hits: list[tuple[int, int, _Key]], day: int, context: frozenset[str]
    ) -> list[tuple[int, int, Reading, str]]:
        """Resolve hits on ``day``, keep the longest of overlapping ones, then give each its role."""
        cands, apart, ignored = self._candidates(folded, hits, day, context)
        kept = cands if apart else tagpass.keep_longest(cands, len(folded))
        if ignored:
            kept = [c for c in kept if c[2].entity]  # "ignore" phrases win their span, then vanish
        return self._described(text, folded, kept, day, context)

    def _candidates(
        self, folded: str, hits: list[tuple[int, int, _Key]], day: int, context: frozenset[str]
    ) -> tuple[list[tuple[int, int, Reading]], bool, bool]:
        """Each hit's reading on ``day`` (dropped when it has none, or is generic and the article is not about its
        pack), whether the candidates are in text order and apart (no overlap to settle), and whether some
        reading is an "ignore" phrase."""
        cands: list[tuple[int, int, Reading]] = []
        self.by_context = set()
        prev_end, apart, ignored = -1, True, False
        for start, end, key in hits:
            r = key.always
            if r is None:
                on = None
                if key.changes:
                    on, _ = readings.context_day(
                        self.dating, folded, start, key.changes, None if day == NODATE else day, year_of
                    )
                r = self._resolve(key, day if on is None else on, context if key.generic else None)
                if r is None:
                    continue
                if on is not None:
                    self.by_context.add(start)
            if not r.generic or r.pack in context:
                cands.append((start, end, r))
                if start < prev_end:
                    apart = False
                prev_end = end
                if not r.entity:
                    ignored = True
        return cands, apart, ignored

    def may_describe(self, folded: str) -> bool:
        """True when a description might match this folded text (one of their ``needs`` words is in it)."""
        return self._always_describe or bool(self.needs_where(folded))

    def needs_where(self, folded: str) -> dict[str, list[int]] | None:
        """Where the descriptions' ``needs`` words stand in a folded text: ``{word: [starts]}``, or ``None`` when
        some description needs no word (then every text is tried). The last few texts are remembered: the
        tagger asks for the title and the text of an article several times (context, skip, descriptions)."""
        if self._always_describe or self._needs_ac is None:
            return None
        for seen, where in self._wheres:
            if seen is folded:
                return where
        where = {}
        needs = self._needs
        for idx, start, _ in self._needs_ac.find_matches_as_indexes(folded, overlapping=True):
            where.setdefault(needs[idx], []).append(start)
        self._remember_where(folded, where)
        return where

    def _remember_where(self, folded: str, where: dict[str, list[int]]) -> None:
        if len(self._wheres) >= _WHERES:
            del self._wheres[0]
        self._wheres.append((folded, where))

    def _described(
        self, text: str, folded: str, kept: list[tuple[int, int, Reading]], day: int, context: frozenset[str]
    ) -> list[tuple[int, int, Reading, str]]:
        """Add the description matches to the kept alias hits, then give every mention its role."""
        if self.descriptions:
            kept = tagpass.add_descriptions(self, folded, kept, day, context)
        kept = tagpass.drop_others_bodies(folded, kept, self.parent_of)
        if not kept:
            return []
        return tagpass.with_roles(self, text, folded, kept)

    def tag_frame(self, corpus: pd.DataFrame, fields: Sequence[str] = ("title", "text")) -> pd.DataFrame:
        """Tag a CORPUS frame into MENTIONS (see :func:`helpers.mentions.tag_mentions`)."""
        return tagframe.tag_frame(self, corpus, fields)
