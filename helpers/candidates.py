"""Names the gazetteer may be missing: capitalised phrases that stand near known actors but match none.

:func:`unmatched_candidates` scans titles and texts for runs of capitalised words (``Jaish al-Islam``,
``Army of Islam``, ``Sultan Murad Division``) that no mention covers, keeps those within a few words of a
tagged actor, and counts them. What comes out is a worklist for a person extending the gazetteer: some
rows are factions to add, many are places and people, and the columns help tell which.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

#: Columns of the frame :func:`unmatched_candidates` returns.
CANDIDATE_COLUMNS = ["candidate", "n", "n_docs", "near", "place_share", "example", "doc_id"]

# A capitalised word, with an optional Arabic article (al-Sham) and hyphenated parts (Hay'at-Tahrir);
# phrases join such words with spaces and a few lowercase particles (Army of Islam, Nour al-Din).
_WORD = r"(?:(?:al|el|ad|ash|as|at|an|ar|az|ez|ed|es|ul)-)?[A-Z][\w'’]*(?:-(?:[A-Za-z][\w'’]*))*"
_PARTICLE = r"(?:of|for|de|bin|ibn|al|el|the)"
PHRASE = re.compile(rf"(?<![\w'’-]){_WORD}(?:\s+(?:{_PARTICLE}\s+)*{_WORD})*")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’]+(?![\w'’])")
_SENTENCE_END = re.compile(r"(?:[.!?:]|\n)[\s\"'“‘]*$")

#: Words that open sentences and headlines but never names; dropped from the start of a phrase.
STOP_WORDS = frozenset(
    """
a an the and but or nor so yet for of in on at to by from with without into onto over under after before
since during while when where whereas as if though although because until unless than then there here
this that these those it its he she they we you i his her their our your my me him them us who whom whose
which what why how all any some many most more much few several each every both either neither no not
only also even just still already again once meanwhile however moreover instead later earlier last next
first second third new old according said says say told asked added monday tuesday wednesday thursday
friday saturday sunday january february march april may june july august september october november
december jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
today yesterday tomorrow mr mrs ms dr sir read share follow photo video watch update updated
breaking live exclusive analysis opinion editorial comment report reports news
""".split()
)

#: Titles: alone they are no name (``President`` before a tagged ``Erdogan``).
TITLE_WORDS = frozenset(
    "president minister prime foreign defence defense interior secretary general gen brig col "
    "lt maj capt king prince crown sheikh emir spokesman spokeswoman spokesperson commander "
    "leader chief envoy ambassador senator mayor governor".split()
)

#: Words just before a phrase that make it read as a place (``in Aleppo``, ``near Idlib``).
PLACE_PREPOSITIONS = frozenset(
    "in near at around outside inside across towards toward into from of to "
    "north south east west northern southern eastern western".split()
)


def _masked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the mention spans blanked out (same length), so no phrase runs across a mention."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = "|" * (end - start)
    return "".join(chars)


def _norm(text: str) -> str:
    """Compare names without case, hyphens or a possessive ending."""
    text = re.sub(r"['’]s$", "", str(text).lower().replace("-", " "))
    return " ".join(text.split())


def _known(words: list[str], known: set[str]) -> bool:
    """A known name, as written or as a possessive with the apostrophe lost (``Assads``)."""
    norm = _norm(" ".join(words))
    return norm in known or (norm.endswith("s") and norm[:-1] in known)


def _trim(words: list[str], known: set[str]) -> list[str]:
    """Drop stop words and known names from the start of a phrase, stop words from its end.

    ``The Army of Islam`` -> ``Army of Islam``; ``Syrias Aleppo`` -> ``Aleppo``.
    """
    while words and (words[0].lower().strip("'’") in STOP_WORDS or _known(words[:1], known)):
        words = words[1:]
    while words and words[-1].lower() in STOP_WORDS | {"al", "el", "bin", "ibn", "de"}:
        words = words[:-1]
    return words


def _trim_opening(words: list[str], common: set[str], known: set[str]) -> list[str]:
    """Drop a first word that is capitalised only because it opens a sentence (``Fighters of ...``)."""
    if len(words) > 1 and words[0].lower() in common:
        return _trim(words[1:], known)
    return words


def _alias_keys(gazetteer: Any) -> set[str]:
    if gazetteer is None:
        return set()
    return {_norm(t) for t in list(gazetteer.aliases["text"]) + list(gazetteer.actors["label"])}


def _known_names(gazetteer: Any, corpus: pd.DataFrame) -> set[str]:
    """Normalised aliases and labels of the gazetteer (``"default"``: the kit's), and the outlets' names:
    outlets are not actors ("BEIRUT (Northgate) -" is a dateline)."""
    if isinstance(gazetteer, str) and gazetteer == "default":
        from .gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    known = _alias_keys(gazetteer)
    if "source" in corpus.columns:
        for name in corpus["source"].dropna().astype(str).unique():
            known.add(_norm(name))
            known.update(_norm(w) for w in name.split() if w[:1].isupper() and len(w) > 3)
    return known


def _mention_index(mentions: pd.DataFrame) -> tuple[dict, dict]:
    """Per (doc_id, field): every mention's span, and the actor mentions' spans with their entity."""
    spans: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    actors: dict[tuple[str, str], list[tuple[int, int, str]]] = defaultdict(list)
    for row in mentions[["doc_id", "field", "start", "end", "entity", "role"]].itertuples(index=False):
        key = (row.doc_id, str(row.field))
        spans[key].append((int(row.start), int(row.end)))
        if row.role == "actor":
            actors[key].append((int(row.start), int(row.end), str(row.entity)))
    return spans, actors


def _phrases_near_actors(
    docs: pd.DataFrame, mentions: pd.DataFrame, fields: tuple[str, ...], known: set[str]
) -> tuple[list[tuple], set[str]]:
    """Every capitalised phrase outside the mentions of a field that names an actor, as
    ``(doc_id, text, start, words, opens_sentence, actor spans)``, and the phrases also written
    capitalised mid-sentence (a phrase opening a sentence keeps its first word only if so)."""
    spans, actors = _mention_index(mentions)
    found, mid_sentence = [], set()
    for fld in (f for f in fields if f in docs.columns):
        for doc_id, text in zip(docs["doc_id"], docs[fld]):
            key = (doc_id, fld)
            if not isinstance(text, str) or key not in actors:
                continue
            masked = _masked(text, spans.get(key, []))
            for m in PHRASE.finditer(masked):
                words = _trim(m.group(0).split(), known)
                if not words:
                    continue
                opens = m.start() == 0 or _SENTENCE_END.search(masked[max(0, m.start() - 3) : m.start()]) is not None
                found.append((doc_id, text, m.start() + m.group(0).index(words[0]), words, opens, actors[key]))
                if not opens:
                    mid_sentence.add(_norm(" ".join(words)))
    return found, mid_sentence


def _not_a_name(words: list[str], lower_words: set[str], known: set[str]) -> bool:
    """A common word that opens a sentence, a title, or a known name with a title ("President Bashar al-Assad")."""
    phrase = " ".join(words)
    if len(words) == 1 and (len(phrase) < 3 or phrase.lower() in lower_words | TITLE_WORDS):
        return True
    return any(_known(words[i:], known) for i in range(len(words)))


@dataclass
class _Tally:
    """Counts per normalised phrase: occurrences, articles, nearby actors, written forms, place use, example."""

    counts: Counter = field(default_factory=Counter)
    docs_of: dict = field(default_factory=lambda: defaultdict(set))
    near: dict = field(default_factory=lambda: defaultdict(Counter))
    forms: dict = field(default_factory=lambda: defaultdict(Counter))
    places: Counter = field(default_factory=Counter)
    example: dict = field(default_factory=dict)

    def add(self, doc_id: str, text: str, start: int, phrase: str, close: set[str]) -> None:
        """One occurrence of ``phrase`` at ``start`` of ``text`` with actors ``close`` by."""
        norm, end = _norm(phrase), start + len(phrase)
        self.counts[norm] += 1
        self.docs_of[norm].add(doc_id)
        self.near[norm].update(sorted(close))  # ties in "near" listed by id, the same in every run
        self.forms[norm][phrase] += 1
        before = text[max(0, start - 30) : start].split()
        if before and before[-1].lower().strip(",;:(") in PLACE_PREPOSITIONS:
            self.places[norm] += 1
        if norm not in self.example:
            lo, hi = max(0, start - 60), min(len(text), end + 60)
            snippet = ("…" if lo else "") + " ".join(text[lo:hi].split()) + ("…" if hi < len(text) else "")
            self.example[norm] = (snippet, doc_id)

    def rows(self, min_count: int) -> list[tuple]:
        """The :data:`CANDIDATE_COLUMNS` rows of phrases seen at least ``min_count`` times."""
        return [
            (
                self.forms[k].most_common(1)[0][0],
                n,
                len(self.docs_of[k]),
                ", ".join(f"{e} ({c})" for e, c in self.near[k].most_common(3)),
                round(self.places[k] / n, 2),
                self.example[k][0],
                self.example[k][1],
            )
            for k, n in self.counts.items()
            if n >= min_count
        ]


def unmatched_candidates(
    corpus: pd.DataFrame,
    mentions: pd.DataFrame,
    gazetteer: Any = "default",
    window: int = 120,
    min_count: int = 2,
    fields: tuple[str, ...] = ("title", "text"),
    top: int | None = 50,
) -> pd.DataFrame:
    """Capitalised phrases near tagged actors that the gazetteer does not know, most frequent first.

    Args:
        corpus: the CORPUS frame.
        mentions: its MENTIONS frame (``h.tag_mentions(corpus)``); every mention span is excluded, and
            a phrase counts only when an actor mention lies within ``window`` characters of it.
        gazetteer: phrases equal to one of its aliases or labels (compared without case or hyphens)
            are left out: they are known, only not read as actors in that place. ``"default"`` loads
            the kit's gazetteer; ``None`` filters nothing.
        window: how near (in characters, same field of the same article) an actor mention must be.
        min_count: keep phrases seen at least this many times.
        fields: which corpus fields to scan.
        top: at most this many rows (``None``: all).

    Returns:
        A frame with :data:`CANDIDATE_COLUMNS`: ``candidate`` (the phrase as most often written),
        ``n`` (occurrences near an actor), ``n_docs`` (articles), ``near`` (the actors most often
        nearby, with counts), ``place_share`` (share of occurrences right after ``in``/``near``/``from``...:
        high values are places), ``example`` (the first occurrence with some context) and its ``doc_id``.
        Duplicate copies of an article (``duplicate_of`` set) are not counted.
    """
    docs = corpus[corpus["duplicate_of"].isna()] if "duplicate_of" in corpus.columns else corpus
    known = _known_names(gazetteer, corpus)
    lower_words = {w for f in fields if f in docs.columns for t in docs[f].dropna() for w in _LOWER_WORD.findall(t)}
    found, mid_sentence = _phrases_near_actors(docs, mentions, fields, known)
    tally = _Tally()
    for doc_id, text, start, words, opens, nearby_actors in found:
        if opens and _norm(" ".join(words)) not in mid_sentence:
            trimmed = _trim_opening(words, lower_words, known)
            if trimmed is not words:
                start = text.find(trimmed[0], start) if trimmed else start
                words = trimmed
        if not words or _not_a_name(words, lower_words, known):
            continue
        end = start + len(" ".join(words))
        close = {e for s, t, e in nearby_actors if s - window <= end and t + window >= start}
        if close:
            tally.add(doc_id, text, start, " ".join(words), close)
    out = pd.DataFrame(tally.rows(min_count), columns=CANDIDATE_COLUMNS)
    out = out.sort_values(["n", "n_docs", "candidate"], ascending=[False, False, True], ignore_index=True)
    return out.head(top) if top is not None else out
