"""English sentences built by hand for the unit tests of the clause and shape modules: the text with its
mentions placed at given words, without the tagger."""

from __future__ import annotations

from helpers.clauses import Mention, Sentence
from helpers.textnorm import fold


def sent(grammar, text: str, *spans) -> Sentence:
    """A sentence with mentions at the given words ``(word, entity, kind[, via])``, in text order."""
    f = fold(text)
    ms, pos = [], 0
    for word, ent, kind, *via in spans:
        i = f.index(word.lower(), pos)
        ms.append(Mention(i, i + len(word), ent, kind, via[0] if via else "name"))
        pos = i + len(word)
    return Sentence(text, f, ms, grammar)
