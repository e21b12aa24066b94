"""The backing-cue lexicon: the words news uses to say that one actor backs another, as data.

The lexicon (``data/cues/support.yaml``, schema in ``data/cues/SCHEMA.md``) lists backing lexemes with
their verb, participle and noun forms, transfer verbs and the materials they move, support and role
nouns, fighting phrases, thanks, the relations that are not backing (alignment, leadership, origin,
place), the head nouns that make a look-alike, and the cues of modality and attribution. This module
reads it, validates it (errors name the file, the line and the reason) and compiles it into the
regular expressions the statement shapes of :mod:`helpers.shapes` use.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import config
from .yamlio import read_yaml

SUPPORT_TYPES = (
    "troops",
    "air_power",
    "weapons",
    "funding",
    "training",
    "advisers",
    "intelligence",
    "political",
    "unspecified",
)
CUES_PATH: Path = config.DATA_DIR / "cues" / "support.yaml"

# section -> keys of its entries (lists of entries, each with a ``lang``); word-list keys are checked as such
_LIST_SECTIONS: dict[str, dict[str, str]] = {
    "cues": {
        "id": "str",
        "lang": "str",
        "type": "type",
        "verb": "words",
        "participle": "words",
        "noun": "words",
        "weak": "bool",
        "groups_only": "bool",
    },
    "transfers": {
        "lang": "str",
        "verbs": "words",
        "nouns": "words",
        "double_object": "words",
        "advantages": "words",
        "state_funding": "words",
        "arrival": "words",
        "recruit": "words",
        "let": "words",
    },
    "materials": {"lang": "str", "type": "type", "words": "words"},
    "support_nouns": {"lang": "str", "words": "words", "modifiers": "typemap"},
    "role_nouns": {"lang": "str", "backer": "words", "client": "words", "staff": "words", "recipient": "words"},
    "fight": {
        "lang": "str",
        "verbs": "words",
        "preps": "words",
        "symmetric": "words",
        "past_object": "words",
        "offices": "words",
        "particles": "words",
        "reciprocal": "words",
        "reciprocal_verbs": "words",
        "join_verbs": "words",
        "defect_verbs": "words",
        "action_verbs": "words",
        "action_participles": "words",
        "joint": "words",
        "combat_verbs": "words",
        "joint_verbs": "words",
        "joint_nouns": "words",
        "joint_noun_verbs": "words",
        "aside": "words",
        "embedded": "words",
        "side_verbs": "words",
        "request": "words",
        "air_verbs": "words",
        "missions": "words",
        "type": "type",
    },
    "light_verbs": {
        "lang": "str",
        "give": "words",
        "receive": "words",
        "have": "words",
        "source": "words",
        "buy": "words",
        "goods": "words",
        "purchase": "words",
        "owe": "words",
        "owed": "words",
    },
    "thanks": {"lang": "str", "verbs": "words", "nouns": "words"},
    "shield": {"lang": "str", "verbs": "words", "measures": "words", "against": "words"},
    "with_support": {
        "lang": "str",
        "preps": "words",
        "material_preps": "words",
        "not_after": "words",
        "without": "words",
        "modals": "words",
        "outcomes": "words",
        "lookalike_heads": "words",
        "losses": "words",
    },
    "purpose": {"lang": "str", "words": "words", "gerund": "words", "addressed": "words"},
    "object_tails": {"lang": "str", "verbs": "words", "tails": "words"},
    "debts": {"lang": "str", "verbs": "words", "nouns": "words"},
    "record": {"lang": "str", "words": "words", "not_before": "words"},
    "relations": {
        "lang": "str",
        "alignment": "wordmap",
        "leadership": "wordmap",
        "origin": "wordmap",
        "place": "wordmap",
        "mediation": "wordmap",
    },
    "lookalike_heads": {"lang": "str", "words": "words", "objects": "words"},
    "people_nouns": {"lang": "str", "words": "words"},
    "action_nouns": {"lang": "str", "words": "words"},
    "humanitarian": {"lang": "str", "words": "words"},
    "modality": {
        "lang": "str",
        "denial": "words",
        "negation": "words",
        "allegation": "words",
        "hypothetical": "words",
        "rejecting": "words",
        "claims": "words",
    },
    "attribution": {
        "lang": "str",
        "speech": "words",
        "speech_objects": "words",
        "accusation": "words",
        "according": "words",
        "speakers": "words",
    },
    "grammar": {
        "lang": "str",
        "auxiliaries": "words",
        "adverbs": "words",
        "verb_particles": "words",
        "particle_heads": "words",
        "attack_verbs": "words",
        "means_verbs": "words",
        "delegate_nouns": "words",
        "person_titles": "words",
        "person_heads": "words",
        "hired": "words",
        "sent": "words",
        "keeps": "words",
        "armed_men": "words",
        "title_nouns": "words",
        "associates": "words",
        "leader_men": "words",
        "control_verbs": "words",
        "opposed": "words",
        "blockers": "words",
        "target_nouns": "words",
        "purpose_verbs": "words",
        "determiners": "words",
        "prepositions": "words",
        "conjunctions": "words",
        "relatives": "words",
        "subordinators": "words",
        "sides": "words",
        "clause_openers": "words",
        "gerund_openers": "words",
        "behalf": "words",
        "payroll": "words",
        "group_nouns": "words",
        "noun_compound_heads": "words",
        "pronouns": "words",
        "possessives": "words",
        "copulas": "words",
        "seen_as": "words",
        "made_into": "words",
        "counts_among": "words",
        "partitives": "words",
        "measures": "words",
        "intent_nouns": "words",
        "intent_opposed": "words",
        "programme_nouns": "words",
        "stand_in_groups": "words",
        "stand_in_group_modifiers": "words",
        "stand_in_plurals": "words",
        "stand_in_state": "words",
        "stand_in_subjects": "words",
        "stand_in_possessives": "words",
        "stand_in_owned": "words",
        "stand_in_leader_owned": "words",
        "stand_in_objects": "words",
        "stand_in_owners": "words",
        "stand_in_both": "words",
        "stand_in_state_plurals": "words",
        "stand_in_state_nouns": "words",
        "state_parties": "words",
        "stand_in_people": "words",
        "stand_in_numbers": "numbers",
    },
}
_REQUIRED = {"cues": {"id", "lang", "type"}}
TOP_KEYS = {"meta", "windows", "confidence", *_LIST_SECTIONS}
WINDOWS = (
    "compound_modifiers",
    "object_modifiers",
    "subject_words",
    "apposition_words",
    "passive_gap_words",
    "clause_subject_words",
    "transfer_words",
    "role_list_words",
    "coref_sentences",
    "debt_gap_words",
    "spent_gap_words",
)


class CueError(ValueError):
    """A cue lexicon file is invalid; the message names the file, the line and the reason."""


@dataclass
class Lexeme:
    """One backing lexeme (``arm``: arm, arms, armed, arming; armed by; Iran-armed; arming of)."""

    id: str
    lang: str
    type: str
    verb: list[str]
    participle: list[str]
    noun: list[str]
    weak: bool = False
    groups_only: bool = False  # its client is never a state: "sheltering Assad in Moscow" is asylum


@dataclass
class CueLexicon:
    """A validated, merged cue lexicon.

    Attributes:
        lexemes: the backing lexemes; ``words``: every other word list by ``section.key`` (e.g.
            ``"modality.denial"``), merged over languages; ``types``: word -> support type for verb,
            participle, noun and material forms; ``windows`` and ``confidence``: the named figures;
        paths, sha256: where it came from.
    """

    lexemes: list[Lexeme]
    words: dict[str, list[str]]
    types: dict[str, dict[str, str]]
    windows: dict[str, int]
    confidence: dict[str, dict[str, float]]
    paths: list[Path]
    sha256: str
    langs: set[str] = field(default_factory=set)
    _rx: dict[str, re.Pattern] = field(default_factory=dict, repr=False)
    _built: dict[str, Any] = field(default_factory=dict, repr=False)

    def built(self, name: str, build: Callable[[], Any]) -> Any:
        """What ``build()`` gives, computed once per lexicon (patterns grouped for one shape, word sets)."""
        got = self._built.get(name)
        if got is None:
            got = self._built[name] = build()
        return got

    def weak_forms(self) -> frozenset[str]:
        """Forms of lexemes marked ``weak`` ("help", "aid"): they lower a statement's confidence."""
        return self.built(
            "weak_forms", lambda: frozenset(w for x in self.lexemes if x.weak for w in x.verb + x.participle + x.noun)
        )

    def group_client_forms(self) -> frozenset[str]:
        """Verb forms of lexemes marked ``groups_only`` ("shelter"): their client is a group, never a state."""
        return self.built(
            "group_client_forms", lambda: frozenset(w for x in self.lexemes if x.groups_only for w in x.verb)
        )

    def lexeme_of(self, form: str) -> Lexeme | None:
        """The lexeme one verb, participle or noun form belongs to."""
        for x in self.lexemes:
            if form in x.verb or form in x.participle or form in x.noun:
                return x
        return None

    def type_of(self, form: str, kind: str = "verb") -> str:
        """The support type a form says (``armed``: weapons), ``unspecified`` when it says no more."""
        return self.types.get(kind, {}).get(" ".join(form.split()), "unspecified")

    def alts(self, key: str) -> list[str]:
        """The alternatives of :meth:`alt` (to join several lists into one alternation: :func:`joined`)."""
        return alternatives(self.words.get(key, []))

    def alt(self, key: str) -> str:
        """A regex alternation of the words of ``key`` (longest first, spaces as ``\\s+``)."""
        return alternation(self.words.get(key, []))

    def rx(self, name: str, pattern: str | Callable[[], str]) -> re.Pattern:
        """A compiled pattern, built once per lexicon (``pattern`` may be a function giving it)."""
        got = self._rx.get(name)
        if got is None:
            got = self._rx[name] = re.compile(pattern() if callable(pattern) else pattern)
        return got


#: a time adverbial inside a phrasal cue: "relied for a decade on", "depended for years on", "stood since 2011 by"
_TIME_ADVERB = (
    r"(?:for|over)\s+(?:(?:the\s+)?(?:past|last)\s+)?(?:a|an|\d+|[a-z]+)?\s*(?:decades?|years?|months?|weeks?)"
    r"|since\s+\d{4}"
)


def alternation(words: Sequence[str], adverbs: bool = False) -> str:
    """``a|b|c`` of escaped words, longest first, inner spaces matching any run of spaces (with ``adverbs``,
    also one adverb in ``-ly`` or of time: ``stood firmly behind``, ``relied for a decade on``; ``propped it up``
    is not matched)."""
    return _by_first_character(alternatives(words, adverbs)) or r"(?!x)x"


def alternatives(words: Sequence[str], adverbs: bool = False) -> list[str]:
    """The alternatives of :func:`alternation`, in its order (longest first)."""
    forms = sorted({" ".join(w.split()) for w in words if w and w.strip()}, key=lambda w: (-len(w), w))
    sep = rf"\s+(?:(?:[a-z]+ly|{_TIME_ADVERB})\s+)?" if adverbs else r"\s+"
    return [sep.join(re.escape(p) for p in w.split(" ")) for w in forms]


def joined(*parts: list[str]) -> str:
    """Lists of alternatives (:func:`alternatives`, or one regex with no ``|`` outside its groups) as one alternation
    in their order, grouped as :func:`alternation` groups: the same matches as the ``|`` of their alternations."""
    return _by_first_character([x for p in parts for x in p]) or r"(?!x)x"


def _by_first_character(alternatives: list[str]) -> str:
    """``a|b|c`` with the alternatives grouped by their first character, and so on inside each group, each group in
    its own order (``arms|backs|aids`` as ``a(?:rms|ids)|backs``): the same matches, as words of two groups never
    start on one character, but the regex engine passes a whole group on one character test instead of trying each
    word. An alternative that does not open on a lower-case letter or a digit stays where it is, between groups."""
    out: list[str] = []
    run: list[str] = []  # alternatives opening on a plain character, in order
    for x in alternatives:
        if x[:1].isascii() and (x[:1].islower() or x[:1].isdigit()) and x[1:2] not in ("?", "*", "+", "{"):
            run.append(x)
            continue
        out += [_grouped(run)] if run else []
        out.append(x)
        run = []
    out += [_grouped(run)] if run else []
    return "|".join(out)


def _grouped(run: list[str]) -> str:
    """Alternatives opening on a plain character (see :func:`_by_first_character`), grouped by it."""
    groups: dict[str, list[str]] = {}
    for x in run:
        groups.setdefault(x[0], []).append(x[1:])
    return "|".join(
        c + (f"(?:{_by_first_character(rest)})" if len(rest) > 1 else rest[0]) for c, rest in groups.items()
    )


def _where(path: Path, obj: Any) -> str:
    line = obj.get("__line__", "?") if isinstance(obj, dict) else "?"
    return f"{path}, line {line}"


def _words_ok(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(w, (str, int, float)) and str(w).strip() for w in value)


def _numbers_ok(value: Any) -> bool:
    return isinstance(value, dict) and all(isinstance(v, int) and v > 0 for k, v in value.items() if k != "__line__")


def _wordmap_ok(value: Any) -> bool:
    return isinstance(value, dict) and all(
        sub in ("compound", "phrases") and isinstance(words, list) for sub, words in value.items() if sub != "__line__"
    )


#: Each kind of value: its test and what the error says it must be.
_VALUE_CHECKS: dict[str, tuple[Any, str]] = {
    "str": (lambda v: isinstance(v, str) and bool(v.strip()), "must be a non-empty string"),
    "bool": (lambda v: isinstance(v, bool), "must be true or false"),
    "type": (lambda v: v in SUPPORT_TYPES, f"must be one of {SUPPORT_TYPES}"),
    "words": (_words_ok, "must be a list of words"),
    "numbers": (_numbers_ok, "must map words to whole numbers"),
    "typemap": (lambda v: isinstance(v, dict), "must map words to support types"),
    "wordmap": (_wordmap_ok, "must map 'compound' and 'phrases' to word lists"),
}


def _check_value(path: Path, entry: dict, key: str, kind: str) -> None:
    """Validate ``entry[key]`` as a value of ``kind`` (word lists are stripped and lower-cased in place).

    Raises:
        CueError: naming the file, the line and what the value must be.
    """
    value, where = entry[key], _where(path, entry)
    test, must = _VALUE_CHECKS[kind]
    if not test(value):
        raise CueError(
            f"{where}: type {value!r} is not one of {SUPPORT_TYPES}"
            if kind == "type"
            else f"{where}: {key!r} {must}, found {value!r}"
        )
    if kind == "words":
        entry[key] = [str(w).strip().lower() for w in value]
    if kind == "typemap":
        bad = {k: v for k, v in value.items() if k != "__line__" and v not in SUPPORT_TYPES}
        if bad:
            raise CueError(f"{where}: {key!r} has unknown support types {bad}; allowed: {SUPPORT_TYPES}")


def _check_section(path: Path, name: str, entries: Any) -> None:
    allowed = _LIST_SECTIONS[name]
    if not isinstance(entries, list):
        raise CueError(f"{path}: {name!r} must be a list of entries, each with a 'lang'")
    for entry in entries:
        if not isinstance(entry, dict):
            raise CueError(f"{path}: every entry of {name!r} must be a mapping, found {entry!r}")
        where = _where(path, entry)
        unknown = sorted(set(entry) - set(allowed) - {"__line__"})
        if unknown:
            raise CueError(f"{where}: unknown key(s) {unknown} in {name!r}; allowed: {sorted(allowed)}")
        for key in _REQUIRED.get(name, {"lang"}):
            if key not in entry:
                raise CueError(f"{where}: entry of {name!r} is missing {key!r}")
        for key, kind in allowed.items():
            if key in entry:
                _check_value(path, entry, key, kind)


def _check_figures(path: Path, doc: dict) -> None:
    windows = doc.get("windows", {})
    if not isinstance(windows, dict):
        raise CueError(f"{path}: 'windows' must be a mapping of names to whole numbers")
    for k, v in windows.items():
        if k == "__line__":
            continue
        if k not in WINDOWS:
            raise CueError(f"{_where(path, windows)}: unknown window {k!r}; known: {list(WINDOWS)}")
        if not isinstance(v, int) or isinstance(v, bool) or v < 0:
            raise CueError(f"{_where(path, windows)}: window {k!r} must be a whole number >= 0, not {v!r}")
    conf = doc.get("confidence", {})
    for part in ("shapes", "factors"):
        for k, v in (conf.get(part) or {}).items():
            if k != "__line__" and not (isinstance(v, (int, float)) and 0 < v <= 1):
                raise CueError(f"{_where(path, conf)}: confidence.{part}.{k} must be in (0, 1], not {v!r}")


def _read(path: Path) -> tuple[dict, bytes]:
    doc, raw = read_yaml(path, CueError, TOP_KEYS)
    unknown = sorted(set(doc) - TOP_KEYS - {"__line__"})
    if unknown:
        raise CueError(f"{path}, line 1: unknown top-level key(s) {unknown}; allowed: {sorted(TOP_KEYS)}")
    for name in _LIST_SECTIONS:
        if name in doc:
            _check_section(path, name, doc[name])
    _check_figures(path, doc)
    return doc, raw


def _merge_lexemes(path: Path, doc: dict, lexemes: list[Lexeme], owner: dict[str, str]) -> None:
    for e in doc.get("cues", []):
        lex = Lexeme(
            id=e["id"],
            lang=e["lang"],
            type=e["type"],
            verb=e.get("verb", []),
            participle=e.get("participle", []),
            noun=e.get("noun", []),
            weak=e.get("weak", False),
            groups_only=e.get("groups_only", False),
        )
        if any(x.id == lex.id and x.lang == lex.lang for x in lexemes):
            raise CueError(f"{_where(path, e)}: duplicate cue id {lex.id!r} for lang {lex.lang!r}")
        for kind in ("verb", "participle", "noun"):
            for form in getattr(lex, kind):
                key = f"{lex.lang}:{kind}:{form}"
                if key in owner:
                    raise CueError(
                        f"{_where(path, e)}: {kind} form {form!r} of cue {lex.id!r} is already listed "
                        f"under cue {owner[key]!r}: list each form once"
                    )
                owner[key] = lex.id
        lexemes.append(lex)


def _merge_value(
    name: str, key: str, kind: str, value: Any, words: dict[str, list[str]], types: dict[str, dict[str, str]]
) -> None:
    """Add one validated entry value to the lexicon's word lists or type maps."""
    if kind == "words":
        words.setdefault(f"{name}.{key}", []).extend(value)
    elif kind == "wordmap":
        for sub, ws in value.items():
            if sub != "__line__":
                words.setdefault(f"{name}.{key}.{sub}", []).extend(str(w).lower() for w in ws)
    elif kind == "typemap":
        types.setdefault("modifier", {}).update({k: v for k, v in value.items() if k != "__line__"})
    elif kind == "numbers":
        types.setdefault("number", {}).update({k: str(v) for k, v in value.items() if k != "__line__"})


def _merge_words(doc: dict, words: dict[str, list[str]], types: dict[str, dict[str, str]], langs: set) -> None:
    """Merge one file's list sections into the lexicon's words, types and languages."""
    for name, keys in _LIST_SECTIONS.items():
        for entry in doc.get(name, []):
            langs.add(entry["lang"])
            for key, kind in keys.items():
                if key in entry:
                    _merge_value(name, key, kind, entry[key], words, types)
            if name == "materials":
                types.setdefault("material", {}).update({" ".join(w.split()): entry["type"] for w in entry["words"]})
                if entry["type"] == "weapons":  # "With Turkish drones, the army ...": weapons alone wake the with shape
                    words.setdefault("materials.weapons", []).extend(" ".join(w.split()) for w in entry["words"])
            if name == "fight":
                types.setdefault("fight", {}).update(
                    {" ".join(p.split()): entry.get("type", "troops") for p in entry.get("preps", [])}
                )


_CACHE: dict[tuple, CueLexicon] = {}


def load_cues(paths: str | Path | Sequence[str | Path] | None = None) -> CueLexicon:
    """Read and validate one or more cue lexicon files (later files add words; windows and confidence
    figures of later files win).

    Args:
        paths: a YAML path or a list of them (default: the kit's ``data/cues/support.yaml``).

    Returns:
        A :class:`CueLexicon` (cached per file contents).

    Raises:
        CueError: a file is missing, unreadable or invalid; the message names the file, line and reason.
    """
    if paths is None:
        paths = [CUES_PATH]
    elif isinstance(paths, (str, Path)):
        paths = [paths]
    paths = [Path(p) for p in paths]
    raws = []
    for p in paths:
        try:
            raws.append(p.read_bytes())
        except OSError as e:
            raise CueError(f"{p}: cannot read: {e.strerror or e}") from None
    digest = hashlib.sha256(b"".join(raws)).hexdigest()
    key = (digest, tuple(str(p) for p in paths))
    if key in _CACHE:
        return _CACHE[key]
    docs = [_read(p) for p in paths]
    lexemes: list[Lexeme] = []
    owner: dict[str, str] = {}
    words: dict[str, list[str]] = {}
    types: dict[str, dict[str, str]] = {}
    windows: dict[str, int] = {}
    confidence: dict[str, dict[str, float]] = {"shapes": {}, "factors": {}}
    langs: set[str] = set()
    for path, (doc, _) in zip(paths, docs):
        _merge_lexemes(path, doc, lexemes, owner)
        _merge_words(doc, words, types, langs)
        windows.update({k: v for k, v in doc.get("windows", {}).items() if k != "__line__"})
        for part in ("shapes", "factors"):
            confidence[part].update(
                {k: float(v) for k, v in (doc.get("confidence", {}).get(part) or {}).items() if k != "__line__"}
            )
    missing = [w for w in WINDOWS if w not in windows]
    if missing:
        raise CueError(f"{paths[0]}: windows {missing} are not set")
    for x in lexemes:
        for kind in ("verb", "participle", "noun"):
            types.setdefault(kind, {}).update({" ".join(f.split()): x.type for f in getattr(x, kind)})
        words.setdefault("cues.verb", []).extend(x.verb)
        words.setdefault("cues.participle", []).extend(x.participle)
        words.setdefault("cues.noun", []).extend(x.noun)
    lex = CueLexicon(
        lexemes=lexemes,
        words=words,
        types=types,
        windows=windows,
        confidence=confidence,
        paths=paths,
        sha256=digest,
        langs=langs,
    )
    if len(_CACHE) > 8:
        _CACHE.clear()
    _CACHE[key] = lex
    return lex
