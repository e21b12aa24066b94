"""Who backs whom, as the text states it: backer -> client edges with their evidence sentence.

News states backing in a handful of shapes, all found within one sentence between two tagged actor
mentions:

- compounds: ``US-backed SDF``, ``Tehran-backed Hezbollah``, ``the Iranian- and Russian-backed Syrian
  government`` (two edges), ``Turkey-supported rebels``;
- passives: ``forces backed by Russia``, ``Assad, backed by Russia and Iran``, ``armed by Washington``;
- verbs: ``Iran and Russia are providing support to the Syrian military``, ``Turkey supporting some of
  the rebels``, ``Iran and Russia helped Assad's government``, ``voiced support for Syria``;
- support phrases: ``strikes in support of Assad`` (the backer is the subject), ``Moscow's backing of
  Damascus``, ``with the support of Russian air power``.

Look-alikes are not backing: ``Britain-based``, ``US-led``, ``Russian-brokered``, ``designated by the
US``, ``sanctions on Iran``, ``anti-Assad``; alignment (``Ankara-aligned``, ``an ally of``) is a
different relation and is not reported as backing.

Each statement carries a ``modality``: ``asserted``; ``alleged`` (``accused of backing``, ``reportedly
armed``); ``possible`` (``may join in assisting``); ``denied`` (``denied supporting``, ``did not arm``,
with ``negated`` true).
"""
from __future__ import annotations

import logging
import re
from typing import Sequence

import pandas as pd

from .sentences import SentenceModel, load_sentence_model
from .textnorm import fold

log = logging.getLogger(__name__)

#: Columns of the SUPPORT table, in this order.
SUPPORT_COLUMNS: list[str] = ["backer", "client", "doc_id", "date", "source", "field", "sent_id", "cue",
                              "sentence", "modality", "negated", "duplicate_of"]

_BACK_PART = (r"backed|supported|sponsored|funded|armed|financed|trained|equipped|bankrolled|aided|"
              r"assisted|propped up|protected|helped|resupplied|supplied|paid|organised|organized|shielded")
_COMPOUND = re.compile(r"^(?:'s?)?-(?:and-)?(backed|supported|sponsored|funded|armed|financed|trained|equipped|"
                       r"bankrolled|supplied|allied|aligned)\b")
_COMPOUND_HEAD = re.compile(r"^(?:'s?)?-\s*(?:,|and|or|&)\s*$")
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and|or)?|and|or|&|/|as well as|along with)\s*(?:the\s+|his\s+|her\s+|their\s+)?$")
# "Putin and his Iranian counterpart Masoud Pezeshkian": a title between two names of one actor
_TITLE_GAP = re.compile(r"^\s+(?:[a-z]+\s+){0,2}(?:counterpart|president|leader|minister|ruler|king|emir|envoy|"
                        r"prime minister|foreign minister|supreme leader|spokesman|chief)\s+$")
_PASSIVE = re.compile(
    r"\b(?:(?:which|who|that)\s+(?:is|are|was|were|has been|have been|had been)\s+)?"
    r"(?:(?:largely|heavily|long|also|now|still|both|militarily|politically|financially|openly|reportedly|"
    r"allegedly|directly|partly|mostly|widely|strongly|once|previously|formerly|initially|covertly|"
    r"secretly|being)\s+)*(" + _BACK_PART + r")\s+(?:(?:\w+ly|and \w+(?:ed)?|in part|at times)\s+)?by\s+(?:the\s+)?$")
# words that may stand between a backer and its backing verb ("has long", "reportedly", "would keep",
# "denied that it had", "is considering", "on Tuesday of")
_PRE = (r"(?:has|have|had|is|are|was|were|will|would|could|can|may|might|must|shall|should|also|long|once|"
        r"previously|formerly|later|then|now|again|openly|reportedly|allegedly|continues to|continue to|"
        r"continued to|keep|keeps|kept|keep on|been|being|already|still|to|not|never|did|does|do|no longer|"
        r"both|all|which|who|whom|that|it|they|of|on \w+day|on \w+|last \w+|this \w+|in \d{4}|since \d{4}|"
        r"\w+ly|stepped up|step up|steps up|stepping up|ramped up|ramp up|join in|joined in|joining in|"
        r"denied|denies|deny|denying|said|says|say|insisted|insists|claimed|claims|confirmed|confirms|"
        r"admitted|admits|acknowledged|acknowledges|refused to|refuses to|accused of|is accused of|"
        r"was accused of|were accused of|are accused of|considering|consider|considers|weighing|weighs|"
        r"planning to|plans to|plan to|ready to|willing to|prepared to|seeking to|seeks to|expected to|"
        r"likely to|began|begin|begins|started|start|starts|resumed|resume|halted|stopped|stop|ended|"
        r"authorised|authorized|approved|agreed to|agreed|decided to|decided|vowed to|vows to|pledged to|"
        r"promised to|threatened to|sought to|tried to|helped to|describes as|described as|describe as|sees as|"
        r"regards as|, the (?:[a-z]+ )?(?:patrons|backers|allies|sponsors|patron|backer|ally|sponsor)(?: who| that)?)")
_BACK_VERB = (
    r"backs|backed|back|backing|supports|supported|support|supporting|arms|armed|arm|arming|funds|funded|"
    r"fund|funding|finances|financed|finance|financing|sponsors|sponsored|sponsor|sponsoring|trains|trained|"
    r"train|training|equips|equipped|equip|equipping|helps|helped|help|helping|aids|aided|aid|aiding|"
    r"assists|assisted|assist|assisting|bankrolls|bankrolled|bankroll|bankrolling|shields|shielded|shield|"
    r"shielding|protects|protected|protect|protecting|"
    r"props up|propped up|prop up|propping up|shores up|shored up|shore up|shoring up|rescued|rescues|"
    r"rescue|rescuing|bailed out|bails out|bail out|paying for|paid for|pays for|pay for")
_TRANSFER = (r"provides|provided|provide|providing|offers|offered|offer|offering|lends|lent|lend|lending|"
             r"gives|gave|give|giving|extends|extended|extend|extending|sends|sent|send|sending|supplies|"
             r"supplied|supply|supplying|delivers|delivered|deliver|delivering|funnels|funnelled|funneled|"
             r"funnel|funnelling|funneling|channels|channelled|channeled|channel|channelling|pledges|pledged|"
             r"pledge|pledging|ships|shipped|ship|shipping|transfers|transferred|transfer|transferring|"
             r"smuggles|smuggled|smuggle|smuggling|poured|pours|pour|pouring|airdropped|dropped")
_MATERIAL = (r"support|backing|aid|assistance|weapons|arms|funding|funds|money|cash|cover|help|troops|fighters|"
             r"advisers|advisors|ammunition|missiles|drones|equipment|training|protection|reinforcements|"
             r"air cover|air power|air support|billions|millions|loans|oil|fuel|tanks|munitions|rockets")
_VERB = re.compile(
    r"^(?:'s?\s+(?:[a-z-]+(?:\s+|(?=,))){1,2}(?:,\s+(?:[a-z.'-]+\s+){1,6}?[a-z.'-]+,\s*)?)?\s*,?\s*(?:" + _PRE +
    r"\s+)*("
    r"(?:" + _BACK_VERB + r")(?:\s+and\s+(?:" + _BACK_VERB + r"))?|"
    r"(?:" + _TRANSFER + r")\s+(?:[\w$-]+\s+){0,6}?(?:" + _MATERIAL + r")\s+(?:[\w-]+\s+){0,5}?(?:to|for|into "
    r"(?:keeping|propping up|saving|supporting|shoring up|backing|arming|rescuing))|"
    r"(?:voiced|voices|voice|expressed|expresses|express|declared|declares|reaffirmed|reaffirms|"
    r"reiterated|reiterates|announced|announces|pledged|pledges|promised|promises|vowed|vows)\s+(?:\w+\s+){0,2}?"
    r"(?:support|backing|solidarity)\s+(?:for|to|with)|"
    r"(?:stands|stood|stand|standing)\s+(?:\w+\s+)?(?:by|behind)|"
    r"(?:serving|served|serve|serves|acting|acted|act|acts)\s+as\s+(?:\w+\s+)?(?:advisers|advisors|adviser|"
    r"advisor|trainers|mentors|protector|patron|guarantor|backer|sponsor)\s+(?:to|for|of)|"
    r"came to the aid of|come to the aid of|intervened on behalf of|intervene on behalf of|"
    r"(?:fought|fights|fight|fighting|battled|battling)\s+(?:for|on behalf of|on the side of)|"
    r"sided with|side with|siding with)\b")
# a demonym heading a military or state noun phrase acts as the backer: "Turkish armour and aircraft back",
# "Russian Aerospace Forces are helping"
_MIL_NP = re.compile(
    r"^\s+(?:(?:aerospace|special|armed|air|naval|ground|military|security|defence|defense|state|"
    r"intelligence|government|revolutionary)\s+)?(?:forces|force|troops|jets|warplanes|aircraft|armour|armor|"
    r"artillery|drones|advisers|advisors|navy|military|army|officials|intelligence|government|officers|"
    r"commanders|soldiers|militias|units|authorities|leaders|leadership|diplomats|envoys|planes|"
    r"helicopters|tanks|guards|regime|administration|ministry|media|occupation)"
    r"(?:\s+(?:and|&)\s+(?:[a-z]+\s+)?(?:forces|troops|jets|warplanes|aircraft|"
    r"artillery|drones|advisers|advisors|navy|militias|intelligence|air power|aircraft))?(?=[\s,])")
_NOUN_SUPPORT = re.compile(r"^\s+(?:for|to)\s+(?:the\s+)?")
_BACKERS_NOUN = re.compile(r"^\s+(?:backers|backer|patrons|patron|sponsors|sponsor|protectors|protector|"
                           r"paymasters|paymaster|benefactors|benefactor)\b")
_CLIENT_OF_BACKERS = re.compile(r"(?:'s?|,?\s+and\s+(?:its|his|their)|,\s+(?:its|his|their))\s+$")
_SPEECH = re.compile(r"\b(?:says|said|say|claims|claimed|believes|believed|thinks|argues|argued|alleges|"
                     r"alleged|accuses|accused|insists|insisted|reports|reported|told|tells)\b")
_LIST_OR_POSS_GAP = re.compile(r"^(?:'s?\s+(?:[a-z-]+\s+){0,2}?)?\s*(?:,\s*(?:and|or)?|and|or|&|/|as well as|"
                               r"along with)\s*(?:the\s+|his\s+|her\s+|their\s+)?$")
_LED_BY = re.compile(r"^\s*(?:the\s+)?(?:\w+\s+)?(?:offensive|operation|campaign|assault|attack|advance|push|"
                     r"uprising|insurgency|rebellion|war|fight|coalition|alliance|forces|fighters|groups|factions)"
                     r"\s+(?:led|launched|waged|spearheaded|headed|dominated)\s+by\s+(?:the\s+)?$")
_DEMONYM_SUPPORT = re.compile(r"^\s+(?:(?:air|military|financial|diplomatic|naval|economic|political|logistical|"
                              r"continued|massive|heavy|crucial|decisive|key|direct)\s+){0,2}"
                              r"(support|backing|aid|assistance|air power|air cover|protection)\b"
                              r"(?!\s+(?:for|to|of)\b)")
_PEOPLE = (r"militias?|groups?|movements?|fighters?|forces|troops|rebels?|factions?|units?|brigades?|"
           r"insurgents?|militants?|gunmen|proxies|outfits?|organi[sz]ations?|coalition|alliance|army|regime|"
           r"government|administration|members|soldiers|mercenaries|contractors|opposition")
_THINGS = (r"offensive|operation|campaign|move|plan|deal|strikes?|raids?|bombing|attacks?|assault|push|advance|"
           r"uprising|protests?|jets|aircraft|warplanes|airstrikes|air strikes|drones")
_PEOPLE_NOUN = re.compile(r"\b(?:" + _PEOPLE + "|" + _THINGS + r")\b")
_PEOPLE_AFTER = re.compile(r"^\s+(?:[a-z-]+\s+){0,2}(?:" + _PEOPLE + r")\b")
# the word before a passive cue must name who is backed: "forces backed by", "rebels, armed by", "which is backed by"
_PASSIVE_HEAD = re.compile(r"(?:^|\b(?:" + _PEOPLE + r"|veterans|commanders|officials|leaders|which|who|that|is|are|"
                           r"was|were|been|being|reportedly|allegedly|long|also|now|largely|heavily|both|once)|,)\s*$")
_BASE_FORMS = set("back support arm fund finance sponsor train equip help aid assist shield protect".split())
_OBJ_RELATIVE = re.compile(r"^\s*,\s*(?:which|whom|who|that)\s+$")
_ON_BEHALF = re.compile(r"^'s?\s+behalf\b")
_WHOSE = re.compile(r"^\s*,\s*whose\s+(?:\w+\s+)?(support|backing|sponsorship|patronage|arming|funding)\s+"
                    r"(?:of|for|to)\s+(?:the\s+)?$")
_IN_SUPPORT = re.compile(r"\b(?:in (?:support|defen[cs]e|aid) of|to (?:support|back|help|shore up|prop up|"
                         r"reinforce|bolster|rescue|save|defend|protect|prop)|"
                         r"on behalf of)\s+(?:the\s+)?$")
_POSS_SUPPORT = re.compile(
    r"^'s?\s+(?:(?:\w+|long-standing|decade-long|years-long)\s+){0,2}?(support|backing|sponsorship|patronage|aid|"
    r"assistance|arming|funding|financing|military aid|protection|help|lifeline|intervention|commitment)\s+"
    r"(?:\w+\s+)?(?:for|of|to|on behalf of)\s+(?:the\s+)?$")
_WITH_SUPPORT = re.compile(r"\b(?:with|thanks to|under|backed by|relying on|relies on|rely on|depend\w* on)"
                           r"\s+(?:the\s+)?(?:\w+\s+)?(support|backing|help|aid|assistance|cover|protection|"
                           r"sponsorship|patronage)\s+(?:of|from)\s+(?:the\s+)?(?:[a-z]+\s+){0,2}?$")
_SUPPORT_FROM = re.compile(r"\b(support|backing|aid|assistance|weapons|arms|funding|help)\s+(?:\w+\s+)?from\s+"
                           r"(?:the\s+)?$")
_PREP_BEFORE = re.compile(r"\b(?:on|against|at|in|into|of|from|near|toward|towards|over|with|by|to|between|"
                          r"targeting|targeted|against the|fighting|fought|attacking|attacked|battling|battle|"
                          r"combating|confronting|"
                          r"killed|killing|struck|striking|hit|hitting|bombed|bombing|anti-|pro-)\s*(?:the\s+)?$")
_DENY = re.compile(r"\b(den(?:y|ies|ied|ying)|rejected (?:claims|accusations|reports|allegations)|"
                   r"dismissed (?:claims|accusations|reports|allegations)|refuted|refutes|rebuffed)\b")
_NEG = re.compile(r"\b(not|never|no longer|n't|neither|nor|stopped|ceased|halted|ended|cut off|withdrew|"
                  r"refused to|refuses to)\b")
_ALLEGED = re.compile(r"\b(accus\w*|alleg\w*|reportedly|reported to|purported\w*|suspected|suspects|"
                      r"said to be|believed to|rumou?r\w*|claim(?:s|ed)? that|charges? that|charged that|"
                      r"according to (?:reports|sources|allegations))\b")
_POSSIBLE = re.compile(r"\b(may|might|could|would consider|would be ready|possib\w+|potential\w*|consider\w*|"
                       r"plans? to|planning to|"
                       r"likely to|expected to|threaten\w* to|ready to|willing to|prepared to|poised to|"
                       r"weighing|weighs|mulling|mulls|seeks? to|hopes? to|if)\b")


def _modality(before: str, span: str) -> tuple[str, bool]:
    ctx = before + " " + span
    if _DENY.search(ctx):
        return "denied", True
    if _NEG.search(span) or re.search(r"\b(?:not|never|no longer|n't)\s+(?:\w+\s+)?$", before[-25:]):
        return "denied", True
    if _ALLEGED.search(ctx):
        return "alleged", False
    if _POSSIBLE.search(span) or _POSSIBLE.search(before[-30:]):
        return "possible", False
    return "asserted", False


def _compound_modality(before: str) -> tuple[str, bool]:
    if re.search(r"\b(allegedly|reportedly|purportedly|suspected|so-called)\s+(?:the\s+)?$", before):
        return "alleged", False
    return "asserted", False


class _Sent:
    """One sentence: folded text and its actor mentions (offsets relative to the sentence)."""

    def __init__(self, text: str, mentions: list[tuple], kinds: list[str] | None = None) -> None:
        self.text = text
        self.f = fold(text)
        ordered = sorted(mentions)
        self.m = [(x[0], x[1], x[2]) for x in ordered]  # (start, end, entity), sorted
        self.kinds = kinds if kinds is not None else [x[3] if len(x) > 3 else "" for x in ordered]

    def _gap(self, a: int, b: int) -> str:
        return self.f[self.m[a][1]:self.m[b][0]]

    @staticmethod
    def _has_conj(gap: str) -> bool:
        return bool(re.search(r"\b(?:and|or|as well as|along with)\b|&|/", gap))

    def chain_back(self, i: int, gap: re.Pattern = _LIST_GAP) -> list[int]:
        """Mention i and the mentions listed before it (``Iran and Russia``, ``Iran, Russia and Turkey``).

        In a list only the last gap holds the conjunction; ``, and`` needs a comma-only gap before it
        (``A, B, and C``), so ``Russia and Iran, and Turkey supporting ...`` does not chain Turkey.
        """
        out = [i]
        j = i
        while j > 0 and _TITLE_GAP.match(self._gap(j - 1, j)) and self.m[j - 1][2] == self.m[j][2]:
            j -= 1  # "his Iranian counterpart Masoud Pezeshkian" is one item of the list
            out[-1] = j
        anchor = j
        while j > 0 and gap.match(self._gap(j - 1, j)):
            g = self._gap(j - 1, j)
            if j < anchor and self._has_conj(g):
                break
            if "," in g and self._has_conj(g) and not (j - 1 > 0 and gap.match(self._gap(j - 2, j - 1))
                                                        and not self._has_conj(self._gap(j - 2, j - 1))):
                break
            j -= 1
            out.append(j)
        return out[::-1]

    def chain_fwd(self, i: int) -> list[int]:
        """Mention i and the mentions listed after it, under the same rule as :meth:`chain_back`;
        comma-only links count only when a conjunction closes the list (``A, B and C``)."""
        out = [i]
        j = i
        while j + 1 < len(self.m) and _LIST_GAP.match(self._gap(j, j + 1)):
            g = self._gap(j, j + 1)
            if "," in g and self._has_conj(g) and len(out) < 2:
                break
            j += 1
            out.append(j)
            if self._has_conj(g):
                return out
        return out[:1]

    def next_after(self, pos: int, max_gap: int = 40, max_words: int = 4) -> int | None:
        """The first mention after ``pos`` when only a few plain words stand between (the object of a cue)."""
        for j, (s, _, _) in enumerate(self.m):
            if s >= pos:
                gap = self.f[pos:s]
                if _LED_BY.match(gap):
                    return j
                if re.search(r"\banti-\s*$", gap):
                    return None  # "arming anti-Syria groups" backs the enemies of Syria
                if len(gap.split()) > max_words or re.search(r"\d", gap):
                    return None
                if s - pos <= max_gap and not re.search(
                        r"[;:()]|\b(?:and|but|while|whereas|as|by|in|on|against|at|from|with|to|for|into|after|"
                        r"before|during|over|under|near|than)\b", gap):
                    return j
                return None
        return None

    def named_after(self, j: int) -> int | None:
        """``Lebanese terrorist group Hezbollah``, ``Syrian rebel faction Ahrar al-Sham``: the actor named after a
        mention that only qualifies a group noun."""
        k = j + 1
        if k < len(self.m):
            gap = self.f[self.m[j][1]:self.m[k][0]]
            if len(gap.split()) <= 3 and not re.search(r"[,;.()]|\b(?:and|or|of|in|on|by|to|with|from)\b", gap) \
                    and _PEOPLE_AFTER.match(gap):
                return k
        return None

    def subject_before(self, pos: int, exclude: set[int], agents: bool = False) -> int | None:
        """The nearest mention before ``pos`` that is not the object of a preposition or verb (with
        ``agents``, an agent after ``by`` counts: "strikes by Russian jets in support of ...") and not a
        modifier (``US-backed``)."""
        for j in range(len(self.m) - 1, -1, -1):
            s, e, _ = self.m[j]
            if e > pos or j in exclude:
                continue
            before = self.f[max(0, s - 25):s]
            agent_ok = agents and re.search(r"\bby\s+(?:the\s+)?$", before) and \
                re.search(r"\b(?:which|who|that)\b", self.f[e:pos])
            if _PREP_BEFORE.search(before) and not agent_ok:
                continue
            if re.match(r"^-[a-z]+", self.f[e:e + 12]):
                continue
            return j
        return None


def _edges_in_sentence(sent: _Sent) -> list[tuple[int, int, str, str, bool]]:
    """Edges in one sentence as ``(backer idx, client idx, cue, modality, negated)``."""
    f, m = sent.f, sent.m
    edges: list[tuple[int, int, str, str, bool]] = []
    for i, (s, e, _) in enumerate(m):
        after = f[e:e + 120]
        # compounds: "US-backed SDF", "Iranian- and Russian-backed government"
        c = _COMPOUND.match(after)
        if c:
            if c.group(1) in ("allied", "aligned"):
                continue
            cue_end = e + c.end()
            backers = sent.chain_back(i, _COMPOUND_HEAD) if i > 0 else [i]
            backers = [b for b in backers if b == i or _COMPOUND_HEAD.match(f[m[b][1]:m[b + 1][0]])
                       or _LIST_GAP.match(f[m[b][1]:m[b + 1][0]])]
            j = sent.next_after(cue_end, 45, max_words=2)
            if j is not None:
                gap = f[cue_end:m[j][0]]
                # "US-backed fighters pressing IS", "Washington-backed Kurdish militias Ankara ...": the compound
                # qualifies an unnamed group, not the next actor
                if _PEOPLE_NOUN.search(gap):
                    j = None
                elif _PEOPLE_AFTER.match(f[m[j][1]:m[j][1] + 40]) and (
                        sent.kinds[j] == "state" or sent.named_after(j) is not None):
                    # "Iran-backed Lebanese militia Hezbollah": the client is the group, named next or not at all
                    k = j + 1
                    j = k if k < len(m) and len(f[m[j][1]:m[k][0]].split()) <= 3 and \
                        not re.search(r"[,;.]", f[m[j][1]:m[k][0]]) else None
            # "US-backed, Kurdish-led SDF" has no mention in between
            if j is not None and j not in backers:
                mod, neg = _compound_modality(f[max(0, m[backers[0]][0] - 30):m[backers[0]][0]])
                for b in backers:
                    edges.append((b, j, c.group(1), mod, neg))
            continue
        # active verbs: "Iran and Russia are providing support to the Syrian military"
        mil = _MIL_NP.match(after)
        off = mil.end() if mil else 0
        v = _VERB.match(after[off:])
        if v and not re.match(r"^\s*by\b", after[off + v.end():]):
            cue_end = e + off + v.end()
            n = _NOUN_SUPPORT.match(f[cue_end:cue_end + 12]) if v.group(1) in ("support", "aid", "help") else None
            if n:
                cue_end += n.end()
            if re.match(r"^\s*(?:of|for|to)?\s*(?:\w+\s+){0,1}by\b", f[cue_end:cue_end + 20]):
                continue
            j = sent.next_after(cue_end, 45)
            backers = sent.chain_back(i, _LIST_OR_POSS_GAP)
            if v.group(1) in _BASE_FORMS and len(backers) == 1 and not mil and \
                    re.match(r"^\s*" + re.escape(v.group(1)) + r"\b", after):
                continue
            lead = f[max(0, m[backers[0]][0] - 60):m[backers[0]][0]]
            mod, neg = _modality(lead, f[e:cue_end])
            cue = _cue_word(v.group(1))
            if re.search(r"\b(?:humanitarian|relief|medical|food|emergency)\b", v.group(0)):
                j = None
            poss_np = after.startswith("'") and v.group(0).startswith("'")
            if poss_np and i + 1 < len(m) and m[i + 1][0] < e + off + v.start(1):
                j = None  # "Iran's Revolutionary Guards ... serving": the guards act, not Iran
            if j is not None and j > i:
                relative = bool(re.match(r"^\s*,\s*(?:which|who|that)\b", after[off:]))
                for b in backers:
                    if relative or not re.search(r"\b(?:against|on|at|targeting|by)\s+(?:the\s+)?$",
                                                 f[max(0, m[b][0] - 15):m[b][0]]):
                        edges.append((b, j, cue, mod, neg))
            elif i > 0 and _OBJ_RELATIVE.match(f[m[i - 1][1]:s]):
                # "the SDF, which Washington supports": the client stands before the relative pronoun
                edges.append((i, i - 1, cue, mod, neg))
        # "Damascus and its Iranian backers", "Assad's Russian patrons"
        if _BACKERS_NOUN.match(after) and i > 0 and _CLIENT_OF_BACKERS.search(f[m[i - 1][1]:s]) and \
                len(f[m[i - 1][1]:s]) <= 14:
            edges.append((i, i - 1, "backers", *_modality(f[max(0, m[i - 1][0] - 60):m[i - 1][0]], "")))
        # "on Assad's behalf": the subject acts for the client
        if _ON_BEHALF.match(after) and re.search(r"\bon\s+$", f[max(0, s - 4):s]):
            backer = sent.subject_before(s - 3, {i})
            if backer is not None:
                edges.append((backer, i, "on behalf of", *_modality(f[max(0, m[backer][0] - 60):m[backer][0]],
                                                                    f[m[backer][1]:s])))
        # "Turkey, whose backing of the Syrian National Army"
        for j in range(i + 1, min(i + 2, len(m))):
            w = _WHOSE.match(f[e:m[j][0]])
            if w:
                edges.append((i, j, w.group(1), "asserted", False))
        # possessive support: "Moscow's backing of Damascus"
        p = re.match(r"^'s?\s+", after)
        if p:
            for j in range(i + 1, min(i + 3, len(m))):
                gap = f[e:m[j][0]]
                ps = _POSS_SUPPORT.match(gap)
                if ps:
                    lead = f[max(0, s - 60):s]
                    mod, neg = _modality(lead, gap)
                    edges.append((i, j, ps.group(1), mod, neg))
                    break
    # passives and support phrases, anchored on the backer list after the cue
    passive_client: dict[int, int] = {}
    for i, (s, e, _) in enumerate(m):
        qualified = i > 0 and sent.named_after(i - 1) == i  # "the Lebanese terrorist group Hezbollah"
        anchor = m[i - 1][0] if qualified else s
        before = f[max(0, anchor - 90):anchor]
        ds = _DEMONYM_SUPPORT.match(f[e:e + 60])
        if ds and re.search(r"\b(?:with|despite|without)\s+(?:the\s+)?$", before[-20:]):
            client = sent.subject_before(s, {i})
            if client is not None and client < i:
                edges.append((i, client, ds.group(1), *_modality(f[max(0, m[client][0] - 60):m[client][0]],
                                                                 f[m[client][1]:s])))
        pv = _PASSIVE.search(before)
        if pv and (i == 0 or not _LIST_GAP.match(f[m[i - 1][1]:s])):
            cue_start = anchor - (len(before) - pv.start())
            if _PEOPLE_AFTER.match(f[e:e + 40]) and sent.named_after(i) is not None:
                continue  # the group named next is the backer; its own turn comes
            backers = sent.chain_fwd(i)
            client = None
            for j in range(i - (2 if qualified else 1), -1, -1):
                gap = f[m[j][1]:cue_start]
                if j in passive_client and re.match(r"^\s*(?:,\s*)?(?:and|or)?\s*$", gap):
                    # "armed by Washington, paid by Riyadh or funded by Qatar": the same client
                    client = passive_client[j]
                    break
                if len(gap) <= 60 and not re.search(r"[;:()]|\b(?:and|but|while|whereas|as|after|when|in|on|at|"
                                                    r"from|to|into|against|with|for|of|by)\b", gap) \
                        and len(gap.split()) <= 5 and not _SPEECH.search(gap) and _PASSIVE_HEAD.search(gap) \
                        and not re.search(r"\banti-\s*$", f[max(0, m[j][0] - 6):m[j][0]]):
                    client = j
                break
            if client is not None and client not in backers:
                for b in backers:
                    passive_client[b] = client
                lead = f[max(0, m[client][0] - 40):cue_start]
                mod, neg = _modality(lead, f[cue_start:s])
                for b in backers:
                    edges.append((b, client, pv.group(1), mod, neg))
            continue
        ws = _WITH_SUPPORT.search(before) or _SUPPORT_FROM.search(before)
        if ws and (i == 0 or not _LIST_GAP.match(f[m[i - 1][1]:s])):
            cue_start = s - (len(before) - ws.start())
            backers = sent.chain_fwd(i)
            client = sent.subject_before(cue_start, set(backers))
            if client is not None:
                lead = f[max(0, cue_start - 60):cue_start]
                mod, neg = _modality(lead, f[cue_start:s])
                for b in backers:
                    edges.append((b, client, ws.group(1), mod, neg))
            continue
        sup = _IN_SUPPORT.search(before)
        if sup:
            cue_start = s - (len(before) - sup.start())
            clients = sent.chain_fwd(i)
            backer = sent.subject_before(cue_start, set(clients), agents=True)
            if backer is not None:
                lead = f[max(0, m[backer][0] - 40):m[backer][0]]
                mod, neg = _modality(lead, f[m[backer][1]:cue_start + len(sup.group(0))])
                for b in sent.chain_back(backer):
                    for c in clients:
                        edges.append((b, c, "support", mod, neg))
    return edges


def _cue_word(verb: str) -> str:
    for stem, cue in (("back", "backed"), ("support", "support"), ("arm", "armed"), ("fund", "funded"),
                      ("financ", "funded"), ("sponsor", "sponsored"), ("train", "trained"),
                      ("equip", "armed"), ("help", "helped"), ("aid", "aid"), ("assist", "aid"),
                      ("bankroll", "funded"), ("prop", "propped up"), ("shore", "propped up"),
                      ("fought", "fought for"), ("fight", "fought for"), ("battl", "fought for"),
                      ("sided", "sided with"), ("side", "sided with")):
        if verb.startswith(stem):
            return cue
    return "support"


_GROUP_NOUN = re.compile(
    r"\b(?:(?:the|that|this)\s+(?:(?:same|armed|militant|kurdish|jihadist|islamist|rebel|hardline|shia|shiite|"
    r"sunni|lebanese|iraqi|yemeni|palestinian|[a-z]+-(?:backed|supported|sponsored|funded|armed|aligned|led))\s+)"
    r"{0,2}(?:group|militia|movement|organisation|organization|faction|outfit|network|alliance|force)|"
    r"(?:those|these)\s+(?:(?:same|armed|militant|kurdish|jihadist|islamist|rebel|shia|shiite|iraqi)\s+)?"
    r"(?:groups|militias|factions|fighters|forces))\b")
_STATE_PRONOUN = re.compile(r"(?<![\w'])(it)\s+(?=(?:[a-z]+ly\s+)?(?:has|had|have|is|was|would|will|could|may|might|"
                            r"must|did|does|never|not|also|still|continues|continued|backed|backs|supported|"
                            r"supports|armed|arms|funded|funds|financed|sponsored|helped|supplied|sent|provided|"
                            r"gave)\b)")
_STATE_KINDS = {"state", "coalition", "organisation"}
_BOTH = re.compile(r"\bboth\s+(?:groups|movements|factions|militias|organisations|organizations)\b")


def _anaphors(text: str, a: int, b: int, sid: int, field_mentions: list) -> list[tuple[int, int, str]]:
    """Stand-ins for ``the group`` (the last faction named) and ``it`` (the last state named) in one sentence.

    Only antecedents in this sentence or the one before count, so a stand-in never reaches far.
    """
    f = fold(text[a:b])
    out = []
    for rx, kinds in ((_GROUP_NOUN, {"faction", "organisation", "coalition"}), (_STATE_PRONOUN, _STATE_KINDS)):
        for mt in rx.finditer(f):
            pos = a + mt.start()
            cands = [mm for mm in field_mentions if mm[1] <= pos and mm[3] in kinds and sid - mm[4] <= 1]
            if cands:
                s0, e0 = mt.start(), mt.end(1) if rx is _STATE_PRONOUN else mt.end()
                if rx is _GROUP_NOUN:
                    comp = re.search(r"-(?:backed|supported|sponsored|funded|armed|aligned|led)\s+", f[s0:e0])
                    if comp:
                        s0 += comp.end()
                out.append((s0, e0, cands[-1][2], cands[-1][3]))
    for mt in _BOTH.finditer(f):
        pos = a + mt.start()
        seen: list[str] = []
        for mm in reversed([mm for mm in field_mentions if mm[1] <= pos and sid - mm[4] <= 1
                            and mm[3] in {"faction", "organisation"}]):
            if mm[2] not in seen:
                seen.append(mm[2])
            if len(seen) == 2:
                out.append((mt.start(), mt.end(), "|".join(reversed(seen)), "faction"))
                break
    return out


def extract_support(corpus: pd.DataFrame, mentions: pd.DataFrame, sentence_model: SentenceModel | None = None,
                    fields: Sequence[str] = ("title", "text"), anaphora: bool = True) -> pd.DataFrame:
    """Backing statements between tagged actors, one row per backer -> client edge and sentence.

    Args:
        corpus: the CORPUS frame.
        mentions: the MENTIONS frame tagged from it (only ``role == "actor"`` mentions take part).
        sentence_model: the model the mentions were tagged with (default: the kit's).
        fields: fields to read.
        anaphora: let ``the group`` stand for the last faction named and ``it`` for the last state named
            (in the same or the previous sentence), so "Britain, which has funded the group" and "Ankara
            maintains it has never armed the group" give their edges.

    Returns:
        The SUPPORT frame: ``backer``, ``client`` (actor ids), ``doc_id``, ``date``, ``source``, ``field``,
        ``sent_id``, ``cue`` (the backing word: backed, support, armed, funded, ...), ``sentence``
        (the evidence), ``modality`` (asserted, alleged, possible, denied), ``negated`` (bool),
        ``duplicate_of`` (from the corpus, so analyses can count stories once).
    """
    model = sentence_model or load_sentence_model()
    m = mentions[mentions["role"] == "actor"]
    rows = []
    if len(m):
        texts = corpus.set_index("doc_id")
        meta_cols = [c for c in ("date", "source", "duplicate_of") if c in corpus]
        grouped = m.groupby(["doc_id", "field"], observed=True, sort=False)
        for (doc_id, fld), g in grouped:
            if fld not in fields:
                continue
            text = texts.at[doc_id, fld]
            if not isinstance(text, str) or not text:
                continue
            spans = model.spans(text)
            meta = texts.loc[doc_id, meta_cols]
            field_mentions = sorted((int(x), int(y), str(ent), str(k), int(sid)) for x, y, ent, k, sid in
                                    zip(g["start"], g["end"], g["entity"], g["kind"], g["sent_id"]))
            by_sent: dict[int, list] = {}
            for mm in field_mentions:
                by_sent.setdefault(mm[4], []).append(mm)
            for sid in sorted(by_sent):
                if sid >= len(spans):
                    continue
                a, b = spans[sid]
                own = [(x - a, y - a, ent, kind) for x, y, ent, kind, _ in by_sent[sid]]
                stand_ins = _anaphors(text, a, b, sid, field_mentions) if anaphora else []
                if len(own) + len(stand_ins) < 2:
                    continue
                sent = _Sent(text[a:b], own + stand_ins)
                seen = set()
                for bi, ci, cue, mod, neg in _edges_in_sentence(sent):
                    # a stand-in for "both groups" carries two actors
                    for backer in sent.m[bi][2].split("|"):
                        for client in sent.m[ci][2].split("|"):
                            if backer == client or (backer, client) in seen:
                                continue
                            seen.add((backer, client))
                            rows.append((backer, client, doc_id, meta.get("date"), meta.get("source"), fld,
                                         int(sid), cue, sent.text.replace("\n", " "), mod, neg,
                                         meta.get("duplicate_of")))
    out = pd.DataFrame(rows, columns=SUPPORT_COLUMNS)
    out["date"] = pd.to_datetime(out["date"], utc=True)
    out["negated"] = out["negated"].astype(bool)
    out["sent_id"] = out["sent_id"].astype("int32")
    for c in ("backer", "client", "modality", "cue"):
        out[c] = out[c].astype("category")
    out["duplicate_of"] = out["duplicate_of"].astype("string")
    log.info("support: %d backing statements (%d distinct edges) in %d articles", len(out),
             out[["backer", "client"]].drop_duplicates().shape[0] if len(out) else 0,
             out["doc_id"].nunique() if len(out) else 0)
    return out
