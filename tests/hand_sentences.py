"""English sentences built by hand for the unit tests of the clause and shape modules: the text with its
mentions placed at given words, without the tagger."""

from __future__ import annotations

import pandas as pd

import helpers as h
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


def statements(text: str, date: str = "2016-06-01", pack: str | None = None) -> set[tuple[str, str, str]]:
    """``(backer, client, cue_kind)`` of every edge :func:`helpers.extract_support` reads in ``text`` (one article),
    tagged with the conflict ``pack`` when given (else the default gazetteer)."""
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime([date], utc=True)})
    s = h.extract_support(c, h.tag_mentions(c, gazetteer=[pack]) if pack else h.tag_mentions(c))
    return set(zip(s.backer.astype(str), s.client.astype(str), s.cue_kind.astype(str)))


#: mentions to place with :func:`sent`: ``(word, entity, kind)``
IRAN = ("Iran", "iran", "state")
RUSSIA = ("Russia", "russia", "state")
TURKEY = ("Turkey", "turkey", "state")
US = ("US", "united_states", "state")
HEZBOLLAH = ("Hezbollah", "hezbollah", "faction")
SDF = ("SDF", "sdf", "faction")
