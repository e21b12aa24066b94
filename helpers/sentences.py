"""Sentence and paragraph boundaries, from NLTK Punkt parameters the kit trains itself.

No ``nltk_data`` is needed: the kit ships Punkt parameters (``data/models/punkt_news.json``) trained
unsupervised with NLTK's ``PunktTrainer`` on news-style text the project wrote, and
:func:`train_sentence_model` retrains them on a user's corpus. A :class:`SentenceModel` splits text two
ways that agree on news text:

- :meth:`SentenceModel.spans`, the fast pass used by the tagger: candidate boundaries from one regular
  expression that starts with the punctuation mark, kept unless the word before the mark is an
  abbreviation Punkt learned (``U.S.``, ``Gen.``, ``Lt.``, ``Col.``) or an initial and the next word
  does not usually start a sentence;
- :meth:`SentenceModel.punkt_spans`, NLTK's own ``PunktSentenceTokenizer`` with the same parameters.

Paragraphs are separated by a blank line; a sentence never crosses a paragraph break.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from . import config

#: Abbreviations every model knows, on top of what Punkt learns (lower case, without the final dot).
BASE_ABBREVIATIONS = frozenset(
    """
u.s u.k u.n u.s.a e.u u.a.e d.c n.y mr mrs ms dr prof gen lt col maj sgt capt cpl pvt adm cmdr brig
gov sen rep rev st mt ft jr sr sgt co corp inc ltd no nos vol fig jan feb mar apr jun jul aug sep sept
oct nov dec mon tue tues wed thu thurs fri sat sun approx est vs etc e.g i.e a.m p.m al pres
""".split()
)
#: Words that usually start a sentence: after an abbreviation, a capitalised one of these opens a new one.
BASE_STARTERS = frozenset(
    """
the he she it they we i but and in a an this that these those there his her their its on at as after
before when while however meanwhile yet still also since for if some many most one two three
""".split()
)

# a mark, closing quotes or brackets, then space (no paragraph break) and a capital or digit; the first mark
# stands alone in the pattern so that the regex engine can scan for it quickly
# Arabic: the question mark \u061f and the full stop \u06d4 end sentences, and a sentence may start with an
# Arabic letter or an Arabic-Indic digit (the Arabic comma \u060c does not end one)
_MARKS = r"[.!?\u2026\u061f\u06d4]*[\"'\u201d\u2019)\]\u00bb]*"
_FOLLOWS = r"(?=(?:[^\S\n]|\n(?![ \t]*\n))+[\"'\u201c\u2018(\[\u00ab]*[A-Z0-9\u00c0-\u024f\u0621-\u064a\u0660-\u0669])"
_CANDIDATE = re.compile(r"[.!?\u2026\u061f\u06d4]" + _MARKS + _FOLLOWS)
#: The same candidates, one pattern per mark that starts them: the regex engine looks for a literal first
#: character far faster than for a character class, and a mark absent from a text costs no pass at all.
_CANDIDATE_BY_MARK = {mark: re.compile(re.escape(mark) + _MARKS + _FOLLOWS) for mark in ".!?\u2026\u061f\u06d4"}
# what may stand before an abbreviation: start of text, space, an opening quote or bracket
_SEP = r"(?<![^\s\"'(\[\u201c\u2018])"
_PARA = re.compile(r"\n[ \t]*\n\s*")
_NONSPACE = re.compile(r"\S")
_OPENERS = "\"'(\u201c\u2018["


#: Texts whose sentence boundaries a model remembers (tagging then extracting support splits each once).
_MEMO_SIZE = 20_000


@dataclass(frozen=True)
class TextOptions:
    """Which fields of a corpus are read, how they are cut into sentences and how the work is chunked: the
    knobs :func:`helpers.tag_mentions` (:class:`helpers.mentions.TagOptions`) and
    :func:`helpers.extract_support` (:class:`helpers.support.SupportOptions`) share.

    Attributes:
        sentence_model: Punkt parameters for sentence ids (None: the kit's, :func:`load_sentence_model`).
        fields: the corpus fields read, in this order.
        chunk_size: articles per task when the work is spread over worker processes (``n_jobs > 1``); it never
            changes the result.

    Raises:
        ValueError: ``fields`` is empty or a plain string, or ``chunk_size`` is not a positive whole number.
    """

    sentence_model: SentenceModel | None = field(default=None, compare=False)
    fields: Sequence[str] = ("title", "text")
    chunk_size: int = 2000

    def __post_init__(self) -> None:
        if isinstance(self.fields, str) or not len(self.fields):
            raise ValueError(f"fields takes a list of field names such as ('title', 'text'), not {self.fields!r}")
        if isinstance(self.chunk_size, bool) or not isinstance(self.chunk_size, int) or self.chunk_size < 1:
            raise ValueError(f"chunk_size must be a whole number of articles >= 1, not {self.chunk_size!r}")


@dataclass
class SentenceModel:
    """Punkt parameters and the fast splitter built on them.

    Attributes:
        abbreviations: lower-case abbreviation types without the final dot (``u.s``, ``gen``).
        starters: lower-case words that frequently start sentences.
        collocations: word pairs Punkt learned never to split.
        source: where the parameters came from (file or "trained on N texts").
    """

    abbreviations: frozenset[str]
    starters: frozenset[str] = BASE_STARTERS
    collocations: frozenset[tuple[str, str]] = frozenset()
    ortho_context: dict[str, int] = field(default_factory=dict)
    source: str = ""
    # boundaries of the texts seen last (the tagger and the support extractor split the same texts)
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    # ----------------------------------------------------------------------------------------------
    def boundaries(self, text: str, until: int | None = None) -> list[int]:
        """Offsets just after each sentence-ending mark that is followed by more of the same paragraph.

        One regular-expression pass over the whole text finds the candidates (``.``, ``!``, ``?``, ``…``
        with closing quotes or brackets, then space and a capital or digit, no paragraph break between);
        a full stop after a known abbreviation or an initial ends a sentence only when the next word
        usually starts one.

        Args:
            text: the text.
            until: only boundaries up to this offset are needed (the search stops just after it).
        """
        # a little past `until`: the look-ahead after a mark must see the next sentence's first letter
        endpos = len(text) if until is None else min(len(text), until + 64)
        got = self._memo.get(text)
        if got is not None and got[0] >= endpos:
            return got[1]  # boundaries past `until` are harmless: callers only read those they need
        if endpos > len(text) // 2:  # most of the text is needed: split it all, once, for every later caller
            endpos = len(text)
        ends = self._boundaries(text, endpos)
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()  # (deleting the oldest one by one would make every insertion scan the dict)
        self._memo[text] = (endpos, ends)
        return ends

    def _boundaries(self, text: str, endpos: int) -> list[int]:
        ends = _candidate_ends(text, endpos)
        if not ends:
            return ends
        # full stops after something that looks like an abbreviation or an initial (few): the exact check
        drop = None
        for m in self._abbreviation_rx.finditer(text, 0, endpos):
            i = m.start()
            lo = i - 12 if i > 12 else 0
            k = max(text.rfind(" ", lo, i), text.rfind("\n", lo, i))
            if k < 0 and lo > 0:
                continue  # a word of 12 or more characters is no abbreviation
            token = text[k + 1 : i].lstrip(_OPENERS).lower()
            if (
                token in self.abbreviations
                or len(token) == 1
                or ("." in token and all(len(part) == 1 for part in token.split(".")))
            ):
                if not self._abbreviation_ends(text, token, m.end()):
                    drop = drop or set()
                    drop.add(m.end())
        return [e for e in ends if e not in drop] if drop else ends

    @cached_property
    def _abbreviation_rx(self) -> re.Pattern:
        """Candidates whose full stop follows a known abbreviation, a single letter or dotted initials (a
        superset of those :meth:`boundaries` checks word by word)."""
        by_len: dict[int, list[str]] = {}
        for a in self.abbreviations:
            by_len.setdefault(len(a), []).append(re.escape(a))
        behind = [rf"(?<={_SEP}(?i:{'|'.join(sorted(alts))})\.)" for _, alts in sorted(by_len.items())]
        behind += [rf"(?<={_SEP}[^\W\d_]\.)", r"(?<=[^\s.]\.[^\W\d_]\.)"]
        return re.compile(r"\.(?:" + "|".join(behind) + r")(?!\.\.)" + _MARKS + _FOLLOWS)

    def _abbreviation_ends(self, text: str, token: str, end: int) -> bool:
        """Whether the abbreviation or initial ``token`` (its mark ending at ``end``) also ends the sentence."""
        nxt = text[end : end + 40].split(None, 1)
        nxt_low = nxt[0].strip(_OPENERS + ".,;:").lower() if nxt else ""
        if (token, nxt_low) in self.collocations:
            return False
        # an abbreviation ends the sentence only when the next word usually starts one
        return nxt_low in self.starters and token not in _NEVER_ENDS

    def sentence_ids(self, text: str, offsets: Sequence[int], para_starts: Sequence[int] | None = None) -> list[int]:
        """The sentence id (from 0, per text) of each offset in ``offsets`` (sorted ascending), as in
        :meth:`spans`: sentences never cross a paragraph break, so the id is the number of paragraphs
        started before the offset plus the sentence ends passed inside them.

        Args:
            text: the text.
            offsets: sorted offsets into ``text`` (mention starts).
            para_starts: :func:`paragraph_starts` of ``text`` if already computed (``None`` for a text
                without line breaks is fine too: it is one paragraph).
        """
        if not len(offsets):
            return []
        ends = self.boundaries(text, until=offsets[-1])
        if para_starts is None and "\n" in text:
            para_starts = paragraph_starts(text).tolist()
        if not para_starts or len(para_starts) == 1:
            first = para_starts[0] if para_starts else 0
            return [bisect_right(ends, x) if x >= first else 0 for x in offsets]
        return [max(bisect_right(para_starts, x) - 1 + bisect_right(ends, x), 0) for x in offsets]

    def para_sentence_ids(
        self, text: str, offsets: Sequence[int], para_starts: Sequence[int]
    ) -> tuple[list[int], list[int]]:
        """The paragraph and sentence ids of each offset (sorted ascending) in a text of several paragraphs, as
        ``max(bisect_right(para_starts, x) - 1, 0)`` and :meth:`sentence_ids`, in one pass.

        Args:
            text: the text.
            offsets: sorted offsets into ``text`` (mention starts).
            para_starts: :func:`paragraph_starts` of ``text`` (as a list).
        """
        if not len(offsets):
            return [], []
        ends = self.boundaries(text, until=offsets[-1])
        paras = [bisect_right(para_starts, x) - 1 for x in offsets]
        sents = [p + bisect_right(ends, x) for p, x in zip(paras, offsets)]
        if paras[0] < 0:  # offsets before the first paragraph (never a mention): ids from 0 as above
            paras = [p if p > 0 else 0 for p in paras]
            sents = [x if x > 0 else 0 for x in sents]
        return paras, sents

    def spans(self, text: str, until: int | None = None) -> list[tuple[int, int]]:
        """Sentence ``(start, end)`` offsets in ``text`` (the fast pass; see the module docstring).

        Args:
            text: the text.
            until: only the sentences up to the one holding this offset are needed (later ones may be
                missing from the result).
        """
        ends = self.boundaries(text, until=until)
        out: list[tuple[int, int]] = []
        j = 0
        for p0, p1 in paragraph_spans(text):
            if until is not None and p0 > until:
                break
            start = p0
            while j < len(ends) and ends[j] <= p1:
                e = ends[j]
                out.append((start, e))
                start = _NONSPACE.search(text, e).start()
                j += 1
            out.append((start, p1))
        return out

    def punkt_spans(self, text: str) -> list[tuple[int, int]]:
        """Sentence offsets from NLTK's ``PunktSentenceTokenizer`` with these parameters."""
        tok = self.punkt_tokenizer()
        out = []
        for p0, p1 in paragraph_spans(text):
            out.extend((p0 + a, p0 + b) for a, b in tok.span_tokenize(text[p0:p1]))
        return out

    def punkt_tokenizer(self):
        from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

        params = PunktParameters()
        params.abbrev_types = set(self.abbreviations)
        params.sent_starters = set(self.starters)
        params.collocations = set(self.collocations)
        for k, v in self.ortho_context.items():
            params.ortho_context[k] = v
        return PunktSentenceTokenizer(params)

    def split(self, text: str) -> list[str]:
        """The sentences of ``text`` as strings."""
        return [text[a:b] for a, b in self.spans(text)]

    # ----------------------------------------------------------------------------------------------
    def to_json(self) -> dict:
        return {
            "abbreviations": sorted(self.abbreviations),
            "starters": sorted(self.starters),
            "collocations": sorted(list(c) for c in self.collocations),
            "ortho_context": dict(sorted(self.ortho_context.items())),
            "source": self.source,
        }

    def save(self, path: str | Path) -> Path:
        """Write the parameters as JSON."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(self.to_json(), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        return path

    @cached_property
    def fingerprint(self) -> str:
        """A short hash of the parameters (for caches and provenance)."""
        import hashlib

        return hashlib.sha256(json.dumps(self.to_json(), sort_keys=True).encode()).hexdigest()[:16]


def _candidate_ends(text: str, endpos: int) -> list[int]:
    """The ends of the candidate boundaries in ``text[:endpos]`` (as ``_CANDIDATE``), one pass per mark present.

    A run of marks (``?!``, ``...``) ends at the same offset whichever mark of it a pass starts on, so the
    passes' ends merged without repeats are the single pattern's ends."""
    ends: list[int] | None = None
    for mark, rx in _CANDIDATE_BY_MARK.items():
        if mark in text:
            found = [m.end() for m in rx.finditer(text, 0, endpos)]
            if found:
                ends = found if ends is None else sorted(set(ends).union(found))
    return ends or []


_NEVER_ENDS = frozenset(
    {
        "gen",
        "lt",
        "col",
        "maj",
        "sgt",
        "capt",
        "dr",
        "mr",
        "mrs",
        "ms",
        "prof",
        "sen",
        "rep",
        "gov",
        "adm",
        "brig",
        "st",
        "rev",
        "pres",
    }
)


def paragraph_starts(text: str) -> np.ndarray:
    """Start offsets of the paragraphs of ``text`` (as in :func:`paragraph_spans`, for ``searchsorted``)."""
    first = _NONSPACE.search(text)
    if first is None:
        return np.zeros(0, dtype=np.int64)
    first = first.start()
    n = len(text)
    return np.fromiter([first] + [m.end() for m in _PARA.finditer(text, first) if m.end() < n], dtype=np.int64)


def paragraph_start_list(text: str) -> list[int]:
    """:func:`paragraph_starts` as a list (what the tagger bisects; no array made and converted back)."""
    first = _NONSPACE.search(text)
    if first is None:
        return []
    n = len(text)
    return [first.start()] + [m.end() for m in _PARA.finditer(text, first.start()) if m.end() < n]


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraph ``(start, end)`` offsets: blocks separated by a blank line (leading/trailing space trimmed)."""
    out = []
    pos = 0
    for m in _PARA.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    res = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            res.append((a, b))
    return res


def train_sentence_model(texts: Iterable[str], base: SentenceModel | None = None, source: str = "") -> SentenceModel:
    """Train Punkt parameters unsupervised on ``texts`` (NLTK's ``PunktTrainer``; no downloads).

    Args:
        texts: raw article texts (a few hundred KB of news is plenty).
        base: a model whose abbreviations and starters are kept (default: the kit's built-in lists).
        source: a note on the training data, stored with the model.

    Returns:
        A :class:`SentenceModel` with the learned abbreviations, sentence starters, collocations and
        orthographic context added to the base lists.
    """
    from nltk.tokenize.punkt import PunktTrainer

    trainer = PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = False
    n = 0
    for t in texts:
        if t:
            trainer.train(t, finalize=False)
            n += 1
    trainer.finalize_training()
    p = trainer.get_params()
    base_abbr = base.abbreviations if base else BASE_ABBREVIATIONS
    # on small corpora Punkt also "learns" ordinary words that often end sentences ("ago"): keep only
    # learned types that look like abbreviations (dotted, or without vowels: "lt", "sgt")
    learned = {a for a in p.abbrev_types if "." in a or not re.search(r"[aeiouy]", a)}
    base_start = base.starters if base else BASE_STARTERS
    return SentenceModel(
        abbreviations=frozenset(base_abbr | learned),
        starters=frozenset(base_start | set(p.sent_starters)),
        collocations=frozenset(tuple(c) for c in p.collocations),
        ortho_context=dict(p.ortho_context),
        source=source or f"trained on {n} texts",
    )


_DEFAULT: SentenceModel | None = None


def forget_default_model() -> None:
    """Drop the cached default model, so the next :func:`load_sentence_model` reads the file again."""
    global _DEFAULT
    _DEFAULT = None


def load_sentence_model(path: str | Path | None = None) -> SentenceModel:
    """Load Punkt parameters from JSON (default: the kit's ``data/models/punkt_news.json``).

    When the default file is missing, the built-in abbreviation lists are used (and a warning logged).
    """
    global _DEFAULT
    if path is None and _DEFAULT is not None:
        return _DEFAULT
    p = Path(path) if path is not None else config.SENTENCE_MODEL
    if not p.is_file():
        if path is not None:
            raise FileNotFoundError(f"load_sentence_model: no such file {p}")
        import logging

        logging.getLogger(__name__).warning("no sentence model at %s; using built-in abbreviations", p)
        model = SentenceModel(abbreviations=BASE_ABBREVIATIONS, source="built-in lists")
    else:
        d = json.loads(p.read_text(encoding="utf-8"))
        model = SentenceModel(
            abbreviations=frozenset(d["abbreviations"]),
            starters=frozenset(d["starters"]),
            collocations=frozenset(tuple(c) for c in d.get("collocations", [])),
            ortho_context=d.get("ortho_context", {}),
            source=d.get("source", str(p)),
        )
    if path is None:
        _DEFAULT = model
    return model


def sentences_of(
    corpus: pd.DataFrame, model: SentenceModel | None = None, fields: Sequence[str] = ("title", "text")
) -> pd.DataFrame:
    """Every sentence of a corpus, with the ids the tagger gives mentions.

    Args:
        corpus: a CORPUS frame (``doc_id``, ``title``, ``text``).
        model: the sentence model (default: the kit's).
        fields: which fields to split.

    Returns:
        A frame ``doc_id, field, para_id, sent_id, start, end, sentence`` (ids per field from 0;
        offsets into the field).
    """
    model = model or load_sentence_model()
    rows = []
    for doc_id, *vals in corpus[["doc_id", *fields]].itertuples(index=False):
        for fld, text in zip(fields, vals):
            if not isinstance(text, str) or not text:
                continue
            paras = paragraph_spans(text)
            p_starts = [a for a, _ in paras]
            for sid, (a, b) in enumerate(model.spans(text)):
                pid = int(np.searchsorted(p_starts, a, side="right") - 1)
                rows.append((doc_id, fld, pid, sid, a, b, text[a:b]))
    return pd.DataFrame(rows, columns=["doc_id", "field", "para_id", "sent_id", "start", "end", "sentence"])
