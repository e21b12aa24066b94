"""Shielding an actor from a measure: ``Russia vetoed a UN resolution condemning Assad``, ``Moscow and Beijing
blocked every Western draft to sanction the Syrian government``, ``China blocked Security Council action against
Damascus``. Whoever vetoes or blocks the measure backs the actor it targets (``political``; the lexicon's
``shield`` section). :func:`helpers.shapes.all_edges` composes :func:`shield` with the other statement shapes.
"""

from __future__ import annotations

from .clauses import Sentence
from .doers import doer
from .edges import Edge, cue_text, lex_rx, pairs

__all__ = ["shield"]


def shield(s: Sentence) -> list[Edge]:
    """``Russia vetoed a UN resolution condemning Assad``: the subject of the veto backs the actor right after the
    words that join the measure to its target (``shield.against``); not a state named as a place."""
    rx = lex_rx(
        s,
        "shield",
        lambda a: (
            rf"\b({a('shield.verbs')})\s+(?:(?!(?:{a('shield.against')})\b)[\w'.-]+\s+){{0,4}}?"
            rf"({a('shield.measures')})\s+(?:[\w-]+\s+)?(?:{a('shield.against')})\s+"
            rf"(?:(?:the|{a('grammar.possessives')})\s+)?"
        ),
    )
    out: list[Edge] = []
    for mt in s.matches(rx, "shield.verbs"):
        k = s.next_index(mt.end())
        if k >= len(s.m) or s.m[k].start != mt.end():
            continue  # "vetoed a resolution on the humanitarian situation": no actor targeted
        backers = doer(s, mt.group(1), mt.span(1), set())[0]
        form = cue_text(mt.group(1) + " " + mt.group(2))
        clients = s.coordinated_fwd(k)
        if len(clients) > 1 and s.g.new_clause_after.match(s.f, s.m[clients[-1]].end):
            clients = clients[:-1]  # "aimed at Assad, and Tehran has stood behind": a new clause's subject
        out += pairs(backers, clients, (mt.start(1), mt.end(2)), form, "shield", "political")
    return out
