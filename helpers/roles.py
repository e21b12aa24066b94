"""Actor or place? The wording around a country, capital or demonym decides.

A country or capital name is an *actor* where the wording makes it one (``Ankara said``,
``Tehran-backed``, ``pro-Damascus``, ``Moscow's support``, ``backed by Turkey``, ``talks with Iran``,
``sanctions on Iran``) and a *place* otherwise (``in Lebanon``, ``fled to Moscow``, ``rebels entered
Damascus``, ``the borderlands of Turkey``, ``Syria's north``). Demonyms are actors (``Russian strikes``)
unless they qualify a place or its people (``the Turkish border``, ``Syrian refugees``).

Every function here looks at the *folded* text (see :mod:`helpers.textnorm`), so the cues are lower
case with plain apostrophes and hyphens.
"""

from __future__ import annotations

import re

from .rolewords import load_role_words

ACTOR, PLACE, UNDECIDED = "actor", "place", None

_W = r"[a-z][a-z'-]*"
#: the word lists, each described where it is written (data/cues/roles.yaml)
_RW = load_role_words()
_AUX_WORDS = sorted(_RW["aux_words"])


def _alternation(words: list[str] | set[str]) -> str:
    """A regular expression matching exactly the given words, as a trie (``back(?:ed|ing|s)?``): the regex
    engine tries a few letters at each position instead of every word in turn."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in node:
            return alts[0]
        return f"(?:{'|'.join(alts)}){'?' if '' in node else ''}"

    return emit(trie)


_AUX = r"(?:[a-z]+ly|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|" + _alternation(_AUX_WORDS) + ")"
_VERBS = sorted(_RW["verbs"])
#: a headline's infinitive after a name: "Washington to arm YPG", "Moscow to send more jets"
_TO_VERB = re.compile(
    r"^\s+to\s+(?:arm|back|support|send|supply|fund|train|help|join|deploy|withdraw|boost|resume|halt|end|cut|host|sell|"
    r"deliver|provide|give|lift|impose|expand|keep|stop|pull|sign|strike|bomb|attack|recognise|recognize|step|"
    r"increase|sanction|bankroll|finance|equip|reinforce|protect|defend)\b"
)
_VERBS_SET = set(_VERBS)
_AUX_ONLY = _RW["aux_only"]
_STRICT_VERB_RX = re.compile(
    r"^\s*,?\s*(?:"
    + _AUX
    + r"\s+){0,4}"
    + _alternation((_VERBS_SET - _AUX_ONLY) | {"shared", "shares", "signed", "welcomed", "rejected"})
    + r"\b"
)
_VERB_RX = re.compile(r"^\s*,?\s*(?:" + _AUX + r"\s+){0,4}" + _alternation(_VERBS_SET) + r"\b")
#: a perfect after the name: "Sudan has taken the UAE to court", "the case Sudan had brought" (the name acts)
_PERFECT = re.compile(
    r"^\s+(?:has|have|had)\s+(?:[a-z]+ly\s+)?(?:[a-z]{3,}ed|taken|brought|given|broken|begun|sought|won|lost|made|"
    r"sent|kept|cut|told|drawn|thrown|struck)\b(?!\s+by\b)"
)
_AFTER_HYPHEN = re.compile(
    r"^-(?:and-)?(backed|supported|sponsored|funded|armed|financed|trained|equipped|led|brokered|allied|"
    r"aligned|affiliated|linked|run|controlled|dominated|friendly|leaning|oriented|installed|imposed|"
    r"mediated|bankrolled|based|born|headquartered|registered)\b"
)
_PLACE_COMPOUND = _RW["place_compounds"]
_PAIR_BORDER = re.compile(r"^-[a-z]+\s+(?:border|borders|frontier|boundary)\b")  # "the Turkish-Syrian border"
#: the parts of a country by compass point: "Syria's northern ...", "fighters from eastern Sudan"
_COMPASS = (
    r"northern|southern|eastern|western|north-western|north-eastern|south-western|"
    r"south-eastern|northwestern|northeastern|southwestern|southeastern|central"
)
_POSSESSIVE = re.compile(
    r"^'s?\s+(?:(?:new|own|former|top|chief|main|long-time|longtime|biggest|largest|"
    r"most|key|main|interim|caretaker|transitional|powerful|sprawling|vast|remote|"
    + _COMPASS
    + r"|coastal)\s+)?("
    + _W
    + ")"
)
#: after a place-like noun ("oil", "land"), a word that makes the state its sender: "Tehran's oil shipments"
_GIVEN_AFTER = re.compile(
    r"\s+(?:shipments?|exports?|supplies|deliveries|sales|money|revenues?|funds|credit|loans?|bridge|corridors?|"
    r"routes?)\b"
)
_POSS_PLACE_NOUNS = _RW["poss_place_nouns"]
_PLACE_HEADS = _RW["place_heads"]
_STATE_HEADS = _RW["state_heads"]
_FROM_ACTOR = _RW["from_actor"]
_GIVEN_TO_FROM = re.compile(
    r"\b(?:"
    + "|".join(sorted(_FROM_ACTOR))
    + r")\s+(?:to|for)\s+(?:the\s+)?[\w'-]+(?:\s+[\w'-]+){0,3}?\s+from\s+(?:the\s+)?$"
)
_TO_PLACE = _RW["to_place"]
_GIVEN_TO_CAPITAL = _RW["given_to_capital"]
_TOPIC_ON = _RW["topic_on"]
_TOPIC_FOR = _RW["topic_for"]
#: (preposition, the word before it) that make a country a topic: "a conference on Sudan", "a ceasefire plan for Sudan"
_TOPIC_BEFORE = frozenset({("on", x) for x in _TOPIC_ON} | {("for", x) for x in _TOPIC_FOR})
_RELIEF = _RW["relief"]
_LENT_TO_STATE = _RW["lent_to_state"]
_TROOPS = _RW["troops"]
_OF_PLACE = _RW["of_place"]
_SKIP = _RW["skip"]
_ACTOR_PREP = _RW["actor_preps"]
_PRESSURE_NOUNS = _RW["pressure_nouns"]
_SUPPORT_NOUNS = _RW["support_nouns"]
_DECISIVE_FOR = _RW["decisive_for"]
_FOUGHT_FOR = _RW["fought_for"]
_GOVERNED_IN = _RW["governed_in"]
_RELYING = _RW["relying"]
#: the last words of a description that a possessive owns as its clients ("Ankara's Syrian proxies")
_OWNED_CLIENTS = re.compile(rf"\b(?:{'|'.join(map(re.escape, _RW['owned_clients']))})$")
#: a verb of relying and an adverb before "on": "depends heavily on Washington"
_RELYING_ADVERB = re.compile(rf"\b(?:{'|'.join(map(re.escape, _RELYING))})\s+[a-z]+ly\s+on\s*$")
_RELATION_NOUNS = _RW["relation_nouns"]
_BORDER_NOUNS = _RW["border_nouns"]
_SUBORDINATORS = _RW["subordinators"]
_OBJECT_VERBS = _RW["object_verbs"]
_ACTOR_VERBS = _RW["actor_verbs"]
_PLACE_PREPS = _RW["place_preps"]
_STRIP = "\"'(),.;:!?[]"
#: the end of a sentence or clause: a lower-case word and a full stop, "!", "?" or ";" (not "U.S.")
_SENTENCE_END = re.compile(r"(?:[a-z]{2}\.|[!?;])[\"'\u201d\u2019)]*\s")


def _before_words(before: str) -> list[str]:
    """The last three words before a mention, leaving out articles and place adjectives right before it, and
    none before the end of the previous sentence ("as they fled. The UAE denied it": "fled" is not before the
    UAE)."""
    tail = before[-70:]
    ends = list(_SENTENCE_END.finditer(tail))
    if ends:
        tail = tail[ends[-1].end() :]
    last = tail.rsplit(None, 3)[-3:]
    if len(last) == 3:  # the usual case: three plain words, the last not one to leave out
        w1, w2, w3 = last[2].strip(_STRIP), last[1].strip(_STRIP), last[0].strip(_STRIP)
        if w1 and w2 and w3 and w1 not in _SKIP:
            return [w3, w2, w1]
    out: list[str] = []
    for w in reversed(tail.split()):
        w = w.strip(_STRIP)
        if not w or (not out and w in _SKIP):
            continue
        out.append(w)
        if len(out) == 3:
            break
    out.reverse()
    return out


def _actor_by_pair(p1: str, p2: str, before: str = "") -> bool:
    """``according to X``, ``pressure on X``, ``support for X``: the two words before make an actor (and goods
    ``bound for`` it: ``a Russian arms shipment bound for Syria``)."""
    return (
        (p1 == "to" and p2 == "according")
        or (p1 in ("on", "against", "to") and p2 in _PRESSURE_NOUNS)
        or (p1 in ("for", "from", "to") and p2 in _SUPPORT_NOUNS)
        or (p1 in ("for", "to") and p2 in _DECISIVE_FOR)  # "support has been crucial for Damascus"
        or (p1 == "for" and p2 in _FOUGHT_FOR)  # "RSF fighters fought for Riyadh in Yemen"
        or (p1 == "behind" and p2 in ("weight", "firmly", "squarely", "stood", "stand", "stands", "standing"))
        or (p1 == "on" and p2 in _RELYING)  # "Assad depended on Tehran for fuel"
        or (p1 == "on" and _RELYING_ADVERB.search(before) is not None)  # "depends heavily on Washington"
        or (p1 == "for" and _GOODS_BOUND_FOR.search(before) is not None)
        or (p1 in ("is", "was") and p2 == "it")  # "It was Washington that armed the SDF": a cleft's actor
        or p1 in ("did", "does")  # "Not only did Washington arm the SDF": the inverted subject
        or (p1 in ("is", "was", "remains", "remained") and p2 in _GOVERNED_IN)  # "whose main backer is Washington"
    )


def _of_role(before: str, p2: str) -> str:
    """After "of": a place after a word of place (``the north of Syria``) or of taking (``seized control of
    Damascus``), else an actor (``the support of Iran``, ``under the control of Ankara``)."""
    if p2 == "control":
        return ACTOR if _UNDER_CONTROL.search(before) else PLACE
    return PLACE if p2 in _OF_PLACE or p2 == "out" else ACTOR


def _from_role(before: str, p2: str) -> str:
    """After "from": the giver of a thing given to someone (``support for the RSF from the UAE``) or a place
    (``fled from Syria``, ``fighters from eastern Sudan``: a region of the country)."""
    if _REGION_BEFORE.search(before):
        return PLACE
    given = p2 in _FROM_ACTOR or _GIVEN_TO_FROM.search(before) or _GOODS_CAME_FROM.search(before)
    return ACTOR if given else PLACE


#: "most of the RSF's weapons came from the UAE", "arms shipments flown in from the UAE", "the money it receives from
#: Ankara": the giver of goods (not of people: "fighters came from Iraq", "the refugees it receives from Syria")
_GOODS_CAME_FROM = re.compile(
    r"\b(?:"
    + _alternation(_RW["goods"])
    + r")(?:\s+(?:for|to)\s+[^,;:]{1,50}?)?\s+(?:[a-z]+\s+){0,2}?(?:came|come|comes|coming|flowed|flow|flows|flowing|"
    r"arrived|arrive|arrives|arriving|poured\s+in|pour\s+in|pours\s+in|pouring\s+in|"
    r"flown(?:\s+in)?|shipped|sent|delivered|airlifted|supplied)\s+(?:[a-z]+ly\s+)?from\s+(?:the\s+)?$"
    # "the money (that) the new government receives from Ankara": goods its receiver got from a giver
    r"|\b(?:" + _alternation(_RW["goods"]) + r")\s+(?:that\s+|which\s+)?(?:[a-z'-]+\s+){1,4}?"
    r"(?:receives|received|receive|gets|got|obtains|obtained|buys|bought|purchases|purchased|acquires|acquired)"
    r"\s+(?:[a-z]+ly\s+)?from\s+(?:the\s+)?$"
)
_REGION_BEFORE = re.compile(r"\b(?:" + _COMPASS + r")\s+$")
#: goods on their way to a state: "a Russian arms shipment bound for Syria" (the state receives them; a plane bound
#: for Syria goes to a place)
_GOODS_BOUND_FOR = re.compile(
    r"\b(?:"
    + _alternation(_RW["goods"])
    + r")(?:\s+[a-z-]+){0,2}?\s+(?:bound|destined|earmarked|intended)\s+for\s+(?:the\s+)?$"
)
#: a part of the country before its name: "aid for northern Syria", "in rebel-held Syria", "coastal Syria"
_PART_WORDS = frozenset(_COMPASS.split("|")) | {"coastal", "rural"}
_NOUN_NEXT = re.compile(r"\s+[a-z]")


def _part_or_topic(before: str, after: str) -> bool:
    """A part of the country before its name ("aid for northern Syria", "rebel-held Syria"), or a topic after
    another word's possessive and before a noun ("Trump's Syria strikes")."""
    if not before.endswith(" "):
        return False
    last = before[-24:].rsplit(None, 1)[-1] if before[-24:].strip() else ""
    if last in _PART_WORDS or last.endswith("-held"):
        return True
    return last.endswith("'s") and len(last) > 2 and last[-3].isalpha() and _NOUN_NEXT.match(after) is not None


_UNDER_CONTROL = re.compile(r"\bunder\s+(?:the\s+)?control\s+of\s+(?:the\s+)?$")


def _before_role(before: str, strict: bool = False, w: list[str] | None = None) -> str | None:
    """The role the words right before a mention give it (``by``, ``pro-``, ``in``, ``from``), or None."""
    if before[-6:].endswith(("pro-", "anti-", "pro ", "anti ")):
        return ACTOR
    w = _before_words(before) if w is None else w
    if not w:
        return None
    p1, p2 = w[-1], (w[-2] if len(w) > 1 else "")
    if before.endswith(("such as ", "like ", "including ", "- ", ": ")) and _PLACE_EXAMPLES.search(before):
        return PLACE  # "fled to neighbouring countries such as Lebanon": where they went
    if p1 in _ACTOR_PREP or _actor_by_pair(p1, p2, before) or p1 in _TITLES_BEFORE:
        return ACTOR  # ... "in support of its ally Damascus": a title before the name
    if p1 in ("with", "between"):
        return PLACE if p2 in _BORDER_NOUNS else ACTOR
    if p1 == "in" and p2 in _GOVERNED_IN and not strict:
        return ACTOR
    if p1 in _OBJECT_VERBS or p1 in _ACTOR_VERBS:
        return ACTOR
    if p1 == "of":
        return _of_role(before, p2)
    if p1 == "from":
        return _from_role(before, p2)
    if p1 == "to":
        return _to_role(w, strict)
    return PLACE if p1 in _PLACE_PREPS else None


def _adverb(word: str) -> bool:
    """A word in -ly that is no verb of going ("illegally", "secretly"; not "fly")."""
    return len(word) > 4 and word.endswith("ly") and word not in _TO_PLACE


def _to_role(w: list[str], strict: bool) -> str | None:
    """After "to": where people go or relief is sent ("fled to Turkey", "sent 350 more troops to Iraq", "flown
    relief supplies to Damascus"), else the state given to."""
    ws = w[:-1]
    while len(ws) > 1 and _adverb(ws[-1]):  # "infiltrated illegally to"
        ws = ws[:-1]
    p2 = ws[-1] if ws else ""
    if p2 in _TO_PLACE or (len(ws) > 1 and ws[-2] in _TO_PLACE) or p2 in _TROOPS:
        return PLACE
    if _relief(w):
        return PLACE
    return None if strict else ACTOR


def _relief(w: list[str]) -> bool:
    """Whether the words before "to" name relief ("relief supplies", "humanitarian aid"): sent to people."""
    return (len(w) > 1 and w[-2] == "relief") or (len(w) > 2 and w[-3] in _RELIEF)


# "Moscow or Tehran, the patrons who ...", "Ankara, a key backer of ...": an appositive that names a role
_APPOSITIVE_ACTOR = re.compile(
    # "Ankara, a key backer", "Tehran, Assad's closest ally", "Turkey, long the chief backer" (a time adverb before),
    # "Abu Dhabi, the RSF's main patron"; not "Baghdad, a government spokesman said"
    r"^\s*,\s+(?:(?:long|once|still|now|then|traditionally|historically|for\s+(?:years|decades))\s+)?"
    r"(?:the|a|an|its|their|his|her|[a-z-]+'s?)\s+(?:[a-z-]+(?:'s?)?\s+){0,2}(?:patrons?|backers?|allies|ally|sponsors?|"
    r"protectors?|guarantors?|mediators?|members?|partners?|rivals?|enemies|enemy|adversar(?:y|ies)|signator(?:y|ies)|"
    r"government|governments|authorities)\b(?!\s+(?:spokes\w*|officials?|ministers?|sources?|advis[eo]rs?|media)\b)"
)
_TITLES_BEFORE = _RW["titles_before"]
_COORD = re.compile(r"^\s*(?:,\s*(?:and|or)?|and|or|&|/|[\u060c,]\s*\u0648?|\u0648|\u0627\u0648\s+)\s*$")  # also و، أو


#: A name opening a sentence or headline (nothing before it, or a full stop, colon or quote) ...
_OPENS = re.compile(r"(?:^|[.!?:;\"\u201c\u2018\n])\s*(?:the\s+)?$")
#: ... followed by a past-tense verb, not a passive (``Beirut rocked by blasts``): the name acts.
_PAST_VERB = re.compile(
    r"^\s+(?:[a-z]+ly\s+)?(?:(?:re-)?[a-z]{3,}ed|spent|sent|gave|sold|kept|lost|built|won|fought|led|made|threw|put|stood|"
    r"brought|began|drew|sought|struck)\b(?!\s+by\b)(?!-)"
)
#: ... or by an adverb and a present verb ("Washington still confines"; not a plural noun: "Damascus suburbs")
_ADVERB_PRESENT = re.compile(
    r"^\s+(?:still|also|now|already|never|again|often|(?!(?:early|daily|weekly|monthly|likely|only)\b)[a-z]{3,}ly)"
    r"\s+[a-z]{3,}[^s\W]s\b(?!\s+by\b)(?!-)"
)
#: a plural demonym ("Iraqis", "Americans") not after "the" ("the Russians" may be the state's forces)
_PLURAL_PEOPLE = re.compile(r"(?<!the )\b[a-z]+s$")
#: a facility named by the city it stands in ("to protect Baghdad embassy", "Damascus airport"): where, not who
_FACILITY_AFTER = re.compile(
    r"^\s+(?:embassy|embassies|consulate|consulates|airport|airports|international\s+airport)\b"
)
#: a visit named by where it goes ("Merkel to launch aid programme on Turkey visit")
_TRIP_AFTER = re.compile(r"^\s+(?:visit|trip|trips)\b(?!\s+(?:to|by)\b)")  # not "Turkey visits Moscow"
_BORDER_AFTER = re.compile(r"^\s+(?:border|borders|frontier|frontiers|boundary|border\s+crossings?)\b")
_RELATIVE_ACTOR = re.compile(
    r"^\s*,\s*(?:(?:which|who)\s+(?:(?:[a-z]+ly|for\s+(?:years|decades|months)|long|once|also|still|in\s+\d{4})\s+){0,2}"
    r"(?:has|have|had|is|was|says|said|[a-z]{3,}ed)\b(?!\s+by\b)|whose\s"
    # the accused of a relative clause ("Abu Dhabi, which UN experts have accused of arming the RSF")
    r"|(?:which|whom)\s+(?:[\w'-]+\s+){1,4}?(?:accuses|accused|accuse|blames|blamed|blame|suspects|suspected)\s+of\b)"
)
_GOVERNMENT_AFTER = re.compile(
    r"^\s+(?:government|regime|authorities|administration|leadership|proxy|proxies|client|clients|patron|patrons|"
    r"backer|backers|ally|allies)\b"
)  # "the Damascus government", "a Tehran proxy", "a Moscow ally": the state behind the noun
#: "over US support for the YPG", "UAE backing of the RSF": a name right before a support noun and its client
_SUPPORT_AFTER = re.compile(
    r"^\s+(?:military\s+|financial\s+)?(?:support|backing|funding|assistance|aid|help|arms|weapons)\s+(?:for|to|of)\s"
)
#: a state's debts or wage bill after its possessive: "bankroll part of Syria's public-sector wage bill"
_DEBTS_AFTER = re.compile(
    r"^'s?\s+(?:[\w$.,-]+\s+){0,2}?(?:debts?|arrears|wage\s+bill|salary\s+bill|payroll|budget\s+deficit|"
    r"civil\s+servants|public[- ]sector\s+(?:salaries|wages|workers|employees))\b"
)
#: "took the UAE to the International Court of Justice", "referred Syria to the ICC": the state is sued
_TO_COURT = re.compile(
    r"^\s+to\s+(?:the\s+)?(?:court|courts|international\s+court|international\s+criminal\s+court|icj|icc|"
    r"world\s+court|tribunal|arbitration|task)\b"
)
_NEXT_WORD = re.compile(r"^(?:-?\s*)(" + _W + ")")
_NEXT_VERB = re.compile(r"^\s+(?:[a-z]+ly\s+)?([a-z]+)")
_STATE_HEAD = re.compile(
    r"^\s*(?:(?:state|government|regime|arab|armed|air|military|security|foreign|defence|"
    r"defense|interior|information|new|interim|caretaker|transitional|former|top|senior|"
    r"joint|combined|heavy|intense|renewed)\s+)?"  # "Syrian and Russian joint airstrikes"
    r"(" + _W + ")"
)
_STATE_QUALIFIER = re.compile(
    r"^\s*(state|government|regime|military|security|air|foreign|defence|defense|"
    r"interior|information|armed|army|arab army|public[\s-]+sector|civil\s+service)\b"
)


class _ByBefore(str):
    """A role decided by the words before the mention (``in``, ``by``, ``pro-``): it governs a whole list."""


def decided_by_before(role: str | None) -> bool:
    """True when :func:`cue_role` took ``role`` from the words before the mention."""
    return isinstance(role, _ByBefore)


def cue_role(folded: str, start: int, end: int, via: str, strict: bool = False) -> str | None:
    """The role the wording gives one mention of a country, capital or demonym, or ``None``.

    Args:
        folded: the folded field text.
        start, end: the mention's offsets.
        via: how the alias names its actor (``name``, ``capital``, ``demonym``...).

    Returns:
        ``"actor"``, ``"place"`` or ``None`` when the wording does not say.
    """
    after = folded[end : end + 80]
    if via == "demonym" and _PLURAL_PEOPLE.search(folded, max(0, start - 6), end) and folded[end - 2 : end] != "ss":
        return PEOPLE  # "Iraqis trapped on a mountain", "Britons back ...": people of the country, not its state
    if via == "demonym":
        role = _hyphen_role(after)
        m = _NEXT_WORD.match(after)
        return role if role is not None else PLACE if m and m.group(1) in _PLACE_HEADS else None
    role = _role_after(after)
    if role is not None:
        return role
    if (via == "capital" and _FACILITY_AFTER.match(after)) or _TRIP_AFTER.match(after):
        return PLACE  # "to protect Baghdad embassy": the city the embassy stands in; "on a Turkey visit": where
    before = folded[start - 80 if start > 80 else 0 : start]
    if via == "name" and _part_or_topic(before, after):
        return PLACE  # "aid for northern Syria", "Trump's Syria strikes": a region, a topic
    w = _before_words(before)
    placed = _placed_after(w, after)
    if placed is not None:
        return placed
    role = _before_role(before, strict, w)
    if (
        role == PLACE
        and via == "capital"
        and len(w) > 1
        and w[-1] == "to"
        and w[-2] in _GIVEN_TO_CAPITAL
        and not _relief(w)  # "relief supplies to Damascus": to the city's people
    ):
        role = ACTOR  # "sent weapons to Damascus": a capital sent arms or advisers is its government
    if role is None and strict and len(w) > 2 and w[-1] in ("to", "for") and _lent(w):
        role = ACTOR  # "opened a credit line for Syria": the state borrows
    if role is not None:
        return _ByBefore(role)
    if _acts_after_aside(after):
        return ACTOR  # "Moscow, with its military support for Assad, changed", "Tehran, in a statement, said"
    acts = not strict and (_PAST_VERB.match(after) or _ADVERB_PRESENT.match(after))
    if acts and (_OPENS.search(before) or before.rstrip().endswith(",")):
        return ACTOR  # "Moscow accelerated the delivery", "Tehran dispatched advisers", "..., Moscow stepped up"
    return _role_by_verb(after, w, strict)


def _placed_after(w: list[str], after: str) -> str | None:
    """A place by the words before a name (``w``) that no actor reading of them overrides, or ``None``."""
    if w and w[-1] == "by" and _possessive_place(after):
        return PLACE  # "caused by Sudan's civil war": the war is the agent (but "sanctions on Iran's oil": the state)
    if len(w) > 1 and (w[-1], w[-2]) in _TOPIC_BEFORE and not _acting_head(after):
        return _ByBefore(PLACE)  # "a conference on Sudan", "talks on Syria" (not "a meeting on US air strikes")
    if len(w) > 2 and w[-1] in ("to", "for") and _relief(w):
        return _ByBefore(PLACE)  # "humanitarian aid for Sudan", "relief supplies to Damascus": for the people there
    return None


def _acting_head(after: str) -> bool:
    """Whether a state noun follows the name ("US air strikes", "Syrian forces"): the name acts."""
    first = after.split(None, 1)[0].strip(",.;:'\"()") if after.strip() else ""
    m = _STATE_HEAD.match(after[:60])
    return first in _STATE_HEADS or (bool(m) and m.group(1) in _STATE_HEADS)


def _lent(w: list[str]) -> bool:
    """Whether the words before "to"/"for" name money lent or given to a state ("credit line", "loans")."""
    return w[-2] in _LENT_TO_STATE or (w[-2] in ("line", "lines", "facility") and w[-3] == "credit")


def _hyphen_role(after: str) -> str | None:
    """``Iran-backed`` (actor), ``Syria-based`` (place), ``the Turkish-Syrian border`` (place): after a hyphen, or
    after a space where a scrape dropped it (``the UK based monitor``)."""
    if (after.startswith("-") and _PAIR_BORDER.match(after)) or _SPACED_BASED.match(after):
        return PLACE
    h = _AFTER_HYPHEN.match(after) if after.startswith("-") else None
    return None if h is None else PLACE if h.group(1) in _PLACE_COMPOUND else ACTOR


#: "based" after a space, not a verb with its object ("the UK based monitor"; not "Turkey based its claim on")
_SPACED_BASED = re.compile(r"\s+based\s+(?!(?:its|their|his|her|the|a|an|on|upon|this|that)\b)")


def _role_after(after: str) -> str | None:
    """A hyphen compound, an appositive role (``Ankara, a key backer``) or ``the Damascus government``."""
    role = _hyphen_role(after)
    if role is not None:
        return role
    if after.lstrip()[:1] == "," and (_APPOSITIVE_ACTOR.match(after) or _RELATIVE_ACTOR.match(after)):
        return ACTOR  # "Ankara, a key backer", "Tehran, which restored ties with": the state acting
    if _BORDER_AFTER.match(after):
        return PLACE  # "the Syria-Turkey border", "Lebanon border crossings": the frontier, not the state
    if _GOVERNMENT_AFTER.match(after) or _SUPPORT_AFTER.match(after) or _TO_COURT.match(after):
        return ACTOR
    if _DEBTS_AFTER.match(after):
        return ACTOR  # "part of Syria's public-sector wage bill", "Syria's $15m debt": the state owes or pays
    return None


#: an aside between a name and its verb: ", meanwhile,", ", with its backing for the rebels,", ", in a statement,"
_ASIDE = re.compile(
    r"^\s*,\s*(?:with|through|for|meanwhile|however|in|by|on|too|though|also|instead|likewise|similarly|"
    r"nonetheless|after|despite|under|as|at)\b[^,;:.()]{0,70},"
)
#: a verb after the aside, not a copula ("Damascus, by contrast, is calm": the city) nor a passive
_ACTING_VERB = re.compile(r"^\s+(?:[a-z]+ly\s+)?([a-z]+)\b(?!\s+by\b)(?!')")
_NOT_ACTING = frozenset("is was are were be been has have had remains remained became came saw set".split())


def _acts_after_aside(after: str) -> bool:
    """Whether a name followed by an aside between commas is the subject of an acting verb after it."""
    aside = _ASIDE.match(after)
    rest = after[aside.end() :] if aside else ""
    verb = _ACTING_VERB.match(rest)
    return (
        bool(verb)
        and (verb.group(1) in _VERBS_SET or bool(_PAST_VERB.match(rest)))
        and (verb.group(1) not in _NOT_ACTING)
    )


def _place_owned(first: str, rest: str) -> bool:
    """After ``<name>'s``: a place-like noun within the next three words, before any word of the state acting
    ("Sudan's weary doctors", "Sudan's medical sector", "Sudan's second-largest city", "Sudan's turbulent and violent
    history": an "and" between adjectives is not counted; not "Syria's army chief")."""
    words = [w.strip(",.;:'\"()") for w in [first, *rest.split(None, 3)[:3]]]
    for w in [w for w in words if w != "and"][:3]:
        if w in _STATE_HEADS or w == "of":
            return False  # "Iraq's head of antiquities": the head is owned, not what comes after "of"
        if w in _POSS_PLACE_NOUNS:
            return True
    return False


def _possessive_place(after: str) -> bool:
    """``<name>'s`` before a place-like noun (:func:`_place_owned`), not what the state sends (``Tehran's oil``)."""
    p = _POSSESSIVE.match(after) if after[:1] == "'" else None
    return bool(p) and _place_owned(p.group(1), after[p.end() :]) and not _GIVEN_AFTER.match(after, p.end())


def _role_by_verb(after: str, w: list[str], strict: bool) -> str | None:
    """A possessive (``Syria's north`` place, ``Iran's backing`` actor), else a verb after the name."""
    if after[:1] == "'" and _POSSESSIVE.match(after):
        return PLACE if _possessive_place(after) else ACTOR
    if strict:
        return ACTOR if _STRICT_VERB_RX.match(after) or _PERFECT.match(after) else None
    listed = len(w) > 2 and w[-1] == "and" and w[-3] in _SUBORDINATORS  # "after Khartoum and Tehran restored"
    if w and (w[-1] in _SUBORDINATORS or listed):
        nxt = _NEXT_VERB.match(after)
        if nxt and (
            nxt.group(1).endswith(("ed", "es"))
            or nxt.group(1) in _VERBS_SET
            or (nxt.group(1).endswith("s") and not nxt.group(1).endswith("ss"))
        ):
            return ACTOR
    return ACTOR if _VERB_RX.match(after) or _TO_VERB.match(after) else None


#: a second demonym listed after the first, before their shared noun: "Syrian and Russian warplanes"
_LISTED_DEMONYM = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)[a-z]+(?:an|ian|ish|i|ese|ch|ic|ab)(?=[\s,])")


def past_listed_demonyms(folded: str, end: int) -> int:
    """Where the demonyms listed after one ending at ``end`` end (``Syrian and Russian`` air strikes; at most three)."""
    for _ in range(3):
        listed = _LISTED_DEMONYM.match(folded, end)
        if listed is None:
            break
        end = listed.end()
    return end


def strict_demonym_role(folded: str, end: int) -> str | None:
    """``Syrian`` is the state only before a state noun (``Syrian forces``, ``Syrian officials``, ``Syrian and
    Russian warplanes``: the noun the listed demonyms share)."""
    end = past_listed_demonyms(folded, end)
    m = _STATE_HEAD.match(folded[end : end + 60])
    if not m:
        return None
    word = m.group(1)
    if word in _STATE_HEADS:
        return ACTOR
    # "Syrian state media", "Syrian air force": the optional qualifier was itself the head
    q = _STATE_QUALIFIER.match(folded[end : end + 30])
    return ACTOR if q else None


def opens_clause_after(folded: str, end: int) -> bool:
    """True when a past verb (not ``-ed by``), an auxiliary (``has``), a verb of the lexicon (``backs``), a state
    noun (``US forces``) or an apposition or relative clause of an actor follows a name ending at ``end``."""
    after = folded[end : end + 40]
    rxs = (_PAST_VERB, _AUX_AFTER, _ADVERB_PRESENT, _STRICT_VERB_RX, _APPOSITIVE_ACTOR, _RELATIVE_ACTOR)
    return any(rx.match(after) is not None for rx in rxs) or _acting_head(after)  # "Russia, Assad's main backer,"


#: an auxiliary after a name: "In Syria, Russia has backed Assad", "In Sudan, the UAE is accused of"
_AUX_AFTER = re.compile(
    r"^\s+(?:[a-z]+ly\s+)?(?:has|have|had|is|was|are|were|will|would|could|can|may|might|must|did|does)\s"
)


def owns_clients(surface: str) -> bool:
    """True when a description's surface ends with a client noun (``syrian proxies``): a possessive before it owns
    clients, it does not only qualify a name."""
    return _OWNED_CLIENTS.search(surface) is not None


def coordinated(folded: str, a_end: int, b_start: int) -> bool:
    """True when two mentions are joined as a list (``Turkey and Russia``, ``Iran, Russia``; not an apposition that
    names the first's role: ``Russia, Assad's main backer``)."""
    listed = b_start - a_end <= 7 and bool(_COORD.match(folded[a_end:b_start]))
    return listed and not _APPOSITIVE_ACTOR.match(folded[a_end : a_end + 80])


# -- roles other than actor and place -------------------------------------------------------------------
#: Every role a mention can take. Only ``actor`` mentions count as the actor in analyses and support.
OUTLET, LANGUAGE, ORIGIN, PEOPLE, QUALIFIER = "outlet", "language", "origin", "people", "qualifier"
ROLES: tuple[str, ...] = (ACTOR, PLACE, OUTLET, LANGUAGE, ORIGIN, PEOPLE, QUALIFIER)

#: "into nations such as", "to countries like": the names that follow are places
_PLACE_EXAMPLES = re.compile(
    r"\b(?:in|into|to|from|across|for)\s+(?:[a-z-]+\s+){0,2}(?:countries|nations|states|places)\s+"
    r"(?:such\s+as|like|including|-|:)\s+$"
)  # "people from three countries - Eritrea, Syria, ...": the list that follows
