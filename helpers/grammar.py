"""The shallow grammar of one cue lexicon: the gap patterns (between a subject and its verb, a verb and its
object, the names of a list, a passive and its agent) compiled once from the lexicon's word lists, so that a
language is added as data. :class:`helpers.clauses.Sentence` asks them its slot questions.
"""

from __future__ import annotations

import re
from typing import Any

from .cues import CueLexicon, alternation, joined

#: a model name of an aircraft or weapon: letters, a hyphen, a number ("c-130s", "su-24", "f-16s", "mig-29s")
_MODEL = r"[a-z]{1,3}-\d{1,3}[a-z]?s?"

_WORD = r"[a-z0-9$][\w$'.-]*"


#: participles written onto an actor's name that make what follows its gift: "Iranian-supplied drones"
_GIVEN_PARTICIPLES = "supplied|provided|donated|delivered|funded|financed|paid"

#: an adjective tying the subject's people to the name after it: "SPLM-N fighters loyal to al-Hilu are fighting"
_TIED = "loyal|close|linked|allied|affiliated|tied|attached|belonging|answering|opposed|hostile"


#: a part of the group before a relative pronoun: "the rebels, many of whom receive" (not "none of whom")
_PART_OF = r"(?:many|most|some|all|several|both|each|one|two|three)\s+of\s+"

#: a time or manner between "accused" and "of": "accused early in the war of", "accused last year of", "accused
#: repeatedly of", "accused in the first weeks of the conflict of" (a time's own "of" phrase)
_WHEN = (
    r"(?:\s+(?:[a-z]+ly|(?:early|late|earlier|last|this|in|during|since|throughout|before|after)"
    r"(?:\s+[a-z0-9'-]+){1,3}?(?:\s+of\s+(?:the|its|this|that)\s+[a-z-]+)?))?"
)


#: "by" after a giving participle, a particle may stand between: "weapons flown in by the UAE"
GIVEN_BY = r"(?:\s+(?:in|over|across))?\s+by"

#: the words that end a noun phrase's modifiers ("received Iranian weapons and sent fighters to": a verb, not a noun's
#: word)
_STOP_KEYS = (
    "grammar.prepositions",
    "grammar.conjunctions",
    "grammar.relatives",
    "grammar.auxiliaries",
    "attribution.speech",
    "transfers.verbs",
)
#: the words no object's modifier is ("fighting alongside them the Observatory said": no object after "them")
_OBJECT_STOP_KEYS = (
    *_STOP_KEYS,
    "lookalike_heads.words",
    "materials.words",
    "support_nouns.words",
    "people_nouns.words",
    "grammar.subordinators",
    "grammar.copulas",
    "grammar.pronouns",
)


class Grammar:
    """The compiled gap patterns of one cue lexicon (built once per lexicon; see :func:`grammar_of`)."""

    def __init__(self, lex: CueLexicon) -> None:
        a = lex.alt
        w = lex.windows
        self.lex = lex
        self.patterns: dict[str, re.Pattern] = {}  # the shapes' own patterns by name (see edges.lex_rx)
        stop = joined(*map(lex.alts, _STOP_KEYS))  # the lists as one alternation, grouped across them
        people, action, means = (
            a("people_nouns.words"),
            a("action_nouns.words"),
            joined(lex.alts("materials.words"), lex.alts("transfers.nouns")),
        )
        # "Hezbollah fighters", "Russia's offensive": the actor word stands for them
        # or an aircraft or weapon named by its model ("US C-130s", "Russian Su-24s", "Turkish F-16s")
        noun = rf"(?:(?!(?:{stop})\b)[a-z][a-z0-9'-]*\s+){{0,2}}?(?:{people}|{action}|{_MODEL})\b"
        # "'s forces", " fighters", " armour and aircraft", "'s emir, Sheikh Tamim,"
        self.np_tail = rf"(?:'s?)?(?:\s+{noun})?(?:\s+(?:and|&)\s+{noun})?"
        # a subject may also be what the actor gives: "Iranian oil tankers kept Assad afloat", "Moscow's arms
        # deliveries have been a lifeline" (only where a subject is read: a wider tail costs time everywhere)
        given = rf"(?:(?!(?:{stop})\b)[a-z][a-z0-9'-]*\s+){{0,2}}?(?:{people}|{action}|{means})\b"
        self.given_words = frozenset(
            w.split()[-1] for k in ("materials.words", "transfers.nouns") for w in lex.words.get(k, [])
        )
        # "Iranian-supplied drones have helped": what the actor gave, named by a participle written onto it
        self.subject_tail = (
            rf"(?:'s?|-(?:{_GIVEN_PARTICIPLES}))?(?:\s+{given})?"
            rf"(?:\s+(?:and|&)\s+{noun})?"
        )
        vg = joined(  # one alternation, grouped across the lists (see cues.joined)
            lex.alts("grammar.auxiliaries"),
            lex.alts("grammar.adverbs"),
            [r"[a-z]+ly"],
            [r"(?:or|and)(?=\s+[a-z]+ly\b)"],  # "directly or indirectly backing"
            lex.alts("grammar.verb_particles"),
            lex.alts("modality.negation"),
            lex.alts("modality.hypothetical"),
            lex.alts("modality.allegation"),
            lex.alts("modality.denial"),
            lex.alts("attribution.speech"),
            lex.alts("grammar.pronouns"),
            ["that"],
            ["to"],
            [r"in\s+\d{4}"],
            [r"since\s+\d{4}"],
            # a decade or a war's years: "in the 2000s", "in the 1980s", "during the war", "in the early 2010s"
            [
                r"(?:in|during|since|throughout)\s+the\s+(?:(?:early|late|mid)[\s-])?(?:\d{4}s|'\d0s|war|civil\s+war|conflict)"
            ],
            [
                r"(?:in|since)\s+(?:january|february|march|april|may|june|july|august|september|october|november|"
                r"december)(?:\s+\d{4})?"
            ],
            [r"for\s+\d+\s+years"],
            [
                r"until\s+(?:recently|now|then|\d{4}|(?:this|last|that)\s+(?:spring|summer|autumn|fall|winter|year|month|week))"
            ],
            # "which a decade ago funded": a time phrase ending in "ago"
            [
                r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a\s+few|several|many|some|\d+)\s+"
                r"(?:decades?|years?|months?|weeks?|days?)\s+ago"
            ],
            [r"(?:any\s+|its\s+|their\s+|a\s+)?(?:involvement|role|hand|complicity)\s+in"],  # "denied a role in"
        )
        self.vg_item = vg
        # "Russia entered the war in 2015 backing Assad": a time phrase closes the clause before a participle
        self.time_end = re.compile(
            r"\b(?:(?:in|since|during|by|on|from|at\s+the\s+(?:end|start|beginning)\s+of)\s+)?(?:(?:late|early|mid)\s+)?"
            r"(?:(?:last|this|that|the\s+same)\s+(?:year|month|week|autumn|fall|summer|spring|winter)|\d{4}|"
            r"(?:january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+\d{4})?|"
            r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\s+$"
        )
        preps = "|".join(w for w in lex.words["grammar.prepositions"] if w not in lex.words["grammar.subordinators"])
        self.preposition_words = frozenset(lex.words["grammar.prepositions"])
        self._phrases(a, w, stop, people, action)
        self._boundaries(a, preps, people, action)
        self._lookarounds(a, stop, people, action, preps)

    def _phrases(self, a: Any, w: dict, stop: str, people: str, action: str) -> None:
        """Gaps between a noun phrase and its verb, object, list or passive agent."""
        vg = self.vg_item
        appos = 8 * w["apposition_words"]
        rest = (
            # "Turkey, whose drones and advisers have helped": the relative's noun, or two joined by "and"
            rf"(?:\s*(?:,|\s-)?\s*(?:{_PART_OF})?(?:{a('grammar.relatives')})\b(?:\s+(?:{people})(?:\s+and\s+(?:{people}))?)?"
            rf"|\s*,[^,;:()]{{1,{appos}}},"
            # "The SDF, a Kurdish-led alliance that", "The brigade is an Islamist militia whose members": an apposition
            # or a copula's noun phrase, then its relative
            # "Hezbollah, funded by Iran, is one of several militias that", "Iran is among the states that": a set's
            # member
            rf"|(?:\s*,|(?:\s*,[^,;:()]{{1,{appos}}},)?\s+(?:is|was|are|were|remains|remained|became))\s*"
            rf"(?:the|a|an|one\s+of|among|{a('grammar.possessives')})\s+"
            rf"(?:(?:[a-z-]+|\d[\d,.]*)\s+){{0,7}}?[a-z-]+\s+(?:{a('grammar.relatives')})\b(?:\s+(?:{people}))?"
            rf"|\s*\([^()]{{1,{appos}}}\))?(?:\s*(?:{vg})\b){{0,{w['subject_words']}}}"
            # an aside after an auxiliary: "The UAE had, the panel concluded, re-exported"
            rf"(?:(?<=[a-z])\s*,[^,;:()]{{1,{appos}}},)?"
            # a verb of the same subject (and its short object) before "and"/"but": "Moscow, which sheltered and armed",
            # "Washington has lifted sanctions but has not armed"
            rf"(?:\s+[a-z]{{3,}}ed(?:\s+[\w'-]+){{0,3}}?\s+(?:and|but|yet)(?:\s*(?:{vg})\b){{0,{w['subject_words']}}})?"
            r"\s*,?\s*$"
        )
        # "rebel groups in southern Syria received": a region after the subject's noun
        region = (
            r"(?:\s+(?:in|across)\s+(?:the\s+)?(?:north|south|east|west|central|northern|southern|eastern|western|"
            r"north-eastern|north-western|south-eastern|south-western|northeastern|northwestern|southeastern|"
            r"southwestern)(?:\s+of)?\s+[a-z-]+"
            # a participle and its one-word place: "rebels defending Qusayr have received", "fighters holding the town"
            r"|\s+(?!(?:including|according|during|following|regarding|concerning)\b)[a-z]{3,}ing\s+(?:the\s+)?[a-z-]+"
            r"(?:\s+(?:province|city|town|region|countryside|area|airport|base))?"
            rf"(?!\s*,(?!\s*(?:{_PART_OF})?(?:who|whom|which)\b))"
            r"|\s+in\s+(?:the\s+)?[a-z-]+(?:\s+(?:province|city|region|governorate|state|countryside|area|areas))?"
            rf"(?!\s*,(?!\s*(?:{_PART_OF})?(?:who|whom|which)\b)))?"
        )  # or a one-word place: "Druze fighters in Sweida receive", "the rebels in Idlib, who receive" (not "hosted
        # Burhan in Cairo, sending")
        # "the joint forces of the Darfur armed movements fight": a group noun after "of" owns no verb
        of_group = rf"(?:\s+of\s+(?:the\s+)?(?:(?!(?:{stop})\b)[a-z][a-z0-9'-]*\s+){{0,3}}?(?:{people})\b)?"
        self.subject_gap = re.compile(rf"^{self.np_tail}{of_group}{region}{rest}")
        self.of_group = re.compile(rf"{of_group}[\s,]*$")  # "the joint forces of the Darfur movements, which"
        self.given_subject_gap = re.compile(rf"^{self.subject_tail}{rest}")  # tried only with a given word
        self._accusation_gaps(a, people)
        self._object_and_list_gaps(a, w, people, action)

    def _accusation_gaps(self, a: Any, people: str) -> None:
        """Gaps around an accusation: the accused, the accuser and a speaker before a clause."""
        vg = self.vg_item
        self.accused_of = re.compile(  # "accuses foreign actors, mainly Saudi Arabia and Turkey, of": the examples
            rf"\b(?:{a('attribution.accusation')}|suspected|suspects|suspect)\s+"
            rf"(?:(?:[a-z-]+\s+){{0,2}}?[a-z-]+\s*,?\s*(?:mainly|namely|notably|including|chiefly|such\s+as|especially|"
            rf"particularly)\s+)?(?:(?:{a('grammar.determiners')})\s+)?"
            # "accused the government of Prime Minister Erdogan of": a leader's body, named by its leader
            # a title or a first name before a leader's name ("accused Khalifa Haftar's forces of")
            rf"(?:(?:{a('grammar.stand_in_owned')})\s+of\s+)?(?:(?:{a('grammar.person_titles')})\s+)?"
            rf"(?:(?!(?:{a('grammar.prepositions')})\b)[a-z-]+\s+)?$"
        )
        self.accuser_gap = re.compile(
            rf"^\s+(?:(?:{vg})\s+)*?(?:{a('attribution.accusation')}|suspects|suspected)"
            rf"\s+of\s+(?:(?:{vg})\s+){{0,3}}$"
        )
        # "Wagner, which the US Treasury says supplied the RSF": the speaker's verb, then the antecedent's
        self.speaker_gap = re.compile(
            rf"^\s+(?:(?:{vg})\s+)*?(?:{a('attribution.speech')})\s+(?:that\s+)?(?:(?:{vg})\s+){{0,3}}$"
        )
        # "Russia, once accused of arming the RSF": the name before a passive "accused of" is the accused
        self.accused_after = re.compile(
            rf"^(?:\s+(?:{people}))?"  # "Wagner mercenaries were accused of": the men of the name
            r"(?:\s*,\s*(?:which|who)\s[^,;:]{1,100},)?"  # "Wagner, which cultivated Hemedti, has been accused of"
            rf"\s*,?\s*(?:(?:[a-z]+ly|once|long|also|often|been|being|was|were|is|are|stands|stand|stood|"
            rf"(?:has|have|had)\s+(?:(?:[a-z]+ly|also|long|once|often)\s+)?been)\s+)*"
            rf"(?:accused|suspected){_WHEN}\s+of\s+"
            rf"(?:(?:{vg})\s+){{0,3}}$"
        )
        self.accused_by = re.compile(
            rf"^\s+(?:(?:{vg}|stands|stand|stood)\s+)*?(?:{a('attribution.accusation')}|suspected)\s+by\s+(?:the\s+)?$"
        )
        # "accused Turkey of arming", "condemned the US for arming": the accused does it
        # "accused Turkey of arming", "accused Abu Dhabi of fuelling the war by arming"
        self.of_gap = re.compile(
            # (a second gerund after "and", with or without its own "of": "of bombing his troops and aiding")
            rf"^{self.np_tail}(?:\s+(?:{vg}))*\s*,?\s+(?:of\s+[a-z]+ing(?:\s+[\w'-]+){{0,16}}?\s+and\s+"
            rf"(?:(?:of|for)\s+)?|(?:of|for)\s+)"
            # "of complicity (in genocide against the Masalit people of West Darfur) by"
            rf"(?:(?:[a-z]+ing|[a-z-]+)\s+(?:[a-z-]+\s+){{0,9}}?(?:by|for|through)\s+)?"
            rf"(?:(?:{vg})\s+){{0,3}}$"
        )

    def _object_and_list_gaps(self, a: Any, w: dict, people: str, action: str) -> None:
        """Gaps between a verb and its object, between the items of a list, and before a passive's cue."""
        obj_stop = joined(*map(self.lex.alts, _OBJECT_STOP_KEYS))
        self.object_gap = re.compile(
            rf"^\s*(?:(?:{a('grammar.determiners')}|{a('grammar.title_nouns')}|{a('grammar.group_nouns')}|['\"][a-z0-9][\w-]*['\"]|"
            rf"\d[\d,.]*|(?!(?:{obj_stop})\b)[a-z0-9][\w'-]*)\s+)"  # "to some 3,000 Druze fighters"
            rf"{{0,{w['object_modifiers']}}}$"
        )
        # "backed the offensive led by HTS": the leader of the thing backed is the client
        led_by = rf"{a('relations.leadership.phrases')}|launched by|waged by|carried out by"
        self.led_by_gap = re.compile(
            rf"^\s*(?:(?:the|a|an|{a('grammar.possessives')})\s+)?(?:[\w-]+\s+){{0,2}}?"
            rf"(?:{action}|{people})\s+(?:{led_by}|by|of)\s+(?:the\s+)?(?:[a-z]+-[a-z]+\s+)?$"
        )
        # "an operation led by the SDF and backed by ...": the words that name the leader just before a mention
        self.led_by_before = re.compile(rf"\b(?:{led_by})\s+(?:(?:the|an?)\s+)?$")
        conj, poss = a("grammar.conjunctions"), a("grammar.possessives")
        # "Egypt, Iran and, more ambiguously, Russia": an aside between the conjunction and the last item
        aside = rf"(?:,\s*)?(?:{conj})\s*,\s*(?:[a-z-]+\s+){{0,3}}[a-z-]+\s*,\s*"
        adj = rf"(?:(?!(?:{conj}|{a('grammar.prepositions')})\b)[a-z-]+\s+)"  # "and the Afghan Fatemiyoun"
        # "backed by Turkey, Gulf monarchies and the US": an item no actor names, a plural noun phrase, inside the list
        unnamed = rf",\s*(?:(?:the|other|some|several|{poss})\s+)?(?:{adj}){{0,2}}[a-z-]+s\s*,?\s+(?:{conj})\s+"
        self.list_gap = re.compile(  # "by Russia and by the Lebanese Hezbollah", "relies on Egypt, on Turkey": repeated
            rf"^\s*(?:{aside}|{unnamed}|,\s*(?:(?:{conj})\s+)?|(?:{conj})\s+)(?:(?:by|to|on)\s+)?(?:(?:the|{poss})\s+{adj}?)?"
            rf"(?:[a-z]+'s?\s+)?$"
            r"|^\s*/\s*$"
        )
        self.np_list_gap = re.compile(  # "fighters of Hezbollah and officers of the Guards": a group's members
            rf"^{self.np_tail}\s*(?:{aside}|,\s*(?:(?:{conj})\s+)?|(?:{conj})\s+)"
            rf"(?:(?:the|{poss})\s+)?(?:(?:[a-z-]+\s+)?(?:{people})\s+(?:from|of)\s+(?:the\s+)?)?$"
        )
        # forward, a list item may be a group's members: "backed by Russian jets and fighters from Hezbollah"
        self.np_list_gap_fwd = re.compile(
            rf"^{self.np_tail}\s*(?:{aside}|{unnamed}|,\s*(?:(?:{conj})\s+)?|(?:{conj})\s+)(?:by\s+)?"
            rf"(?:(?:the|{poss})\s+)?(?:[a-z]+'s?\s+)?(?:(?:[a-z-]+\s+)?(?:{people})\s+(?:from|of)\s+(?:the\s+)?)?$"
        )
        self.has_conj = re.compile(rf"\b(?:{conj})\b|[&/]")
        self.passive_gap = re.compile(
            rf"^\)?{self.np_tail}(?:\s+(?:on|in|at|near|inside|outside|along|against|toward|towards|around|into|across)\s+"
            rf"(?:the\s+)?"
            rf"[a-z-]+(?:\s+[a-z-]+)?)?\s*(?:[,(]|[-\u2013\u2014](?=\s))?\s*(?:(?:{a('grammar.partitives')})\s+of\s+(?:them|whom|which)\s+|"
            # "rebel groups, including some (that have been) supported by": a part of them, and its relative pronoun
            rf"(?:including\s+)?(?:{a('grammar.partitives')})\s+(?:(?:{a('grammar.relatives')})\s+)?|"
            rf"(?:an?|the)\s+(?:[a-z-]+\s+){{0,3}}?(?:{people})\s+"  # "the Tiger Forces, an elite unit armed by"
            rf"(?:of\s+(?:[a-z-]+\s+){{1,3}})?|"  # "a brigade of Afghan Shia men paid by"
            rf"(?:{a('grammar.copulas')})\s+(?:an?|one\s+of\s+the)\s+(?:[a-z-]+\s+){{1,3}}?|"  # "a militia funded by"
            rf"(?:{a('grammar.relatives')})\s+|"
            # "raised among refugees and paid by": a participle phrase of the same noun phrase first
            r"(?:[a-z]{3,}ed|built|set\s+up|made\s+up)\s+(?:[\w'-]+\s+){0,8}?and\s+)?"
            # "said to be armed", "widely believed to be armed"
            r"(?:(?:[a-z]+ly\s+)?(?:said|believed|reported|thought|known|alleged|rumou?red|understood)\s+to\s+)?"
            rf"(?:(?:{a('grammar.auxiliaries')}|{a('grammar.adverbs')}|[a-z]+ly|{a('grammar.copulas')}|"
            rf"{a('modality.negation')})\s+){{0,{w['passive_gap_words']}}}$"
        )
        # "Russian air power and militias sponsored by Tehran": the participle's noun is not the mention's
        self.means_and_people = re.compile(
            rf"^\s+(?:[a-z-]+\s+){{0,2}}?(?!(?:{people})\b)(?:{a('materials.words')}|{a('support_nouns.words')}|{action})\s+and\s+"
            rf"(?:[a-z-]+\s+)?(?:{people})\s*$"
        )
        self.copula_before = re.compile(rf"\b(?:{a('grammar.copulas')})\s+(?:(?:{a('grammar.adverbs')}|[a-z]+ly)\s+)*$")

    def _boundaries(self, a: Any, preps: str, people: str, action: str) -> None:
        """Where a clause ends, and what stands right before or after a mention."""
        self.boundary = re.compile(
            rf"[;:(\[\"]|\s[-]\s|,\s*(?:{a('grammar.subordinators')})\b|"
            rf"\b(?:because|although|though|whereas|while|but)\b|"
            # not a speech word used as a noun ("Gulf states have armed") or a verb of doing ("claimed the town")
            rf"\b(?:{a('attribution.speech')})\b(?!\s+(?:{a('grammar.auxiliaries')}|{a('attribution.speech_objects')})\b)"
            rf"(?:\s+that\b)?|\bthat\s+"
        )
        # a speech verb whose object is a giving opens no clause: "Moscow announced the (completion of the) delivery of
        # S-300s to Damascus" (its subject delivers)
        self.giving_object = re.compile(
            rf"\s+(?:(?:the|a|an|its|their|new|further)\s+)*(?:(?:completion|start|launch|resumption)\s+of\s+"
            rf"(?:the\s+)?)?(?:{a('transfers.nouns')})\b"
        )
        # "which Turkish officials say is armed by": the mention before is the speaker ("said to be" is no speech)
        self.speaker_gap = re.compile(rf"^\s*(?:[a-z-]+\s+){{0,2}}?(?:{a('attribution.speech')})\b(?!\s+to\b)")
        self.sub_boundary = re.compile(  # also a relative clause opened by a preposition: "a deal under which ..."
            self.boundary.pattern
            + rf"|\b(?:{a('grammar.clause_openers')})\s+(?!(?:more|again)\b|\d)(?=\S)"  # not "once more", "since 2013"
            r"|\b(?:under|in|by|through|with|from|for|during|after|before)\s+which\s+"
        )
        self.group_after = re.compile(rf"(?:\s+[a-z-]+)?\s+(?:{a('grammar.group_nouns')})\b")
        self.person_before = re.compile(r"\b(?:a|an|one|another|two|three|four|five|\d+)\s+$")
        self.noun_after = re.compile(
            rf"\s*-|\s+(?:[a-z-]+\s+)?(?:{people}|{action}|{a('support_nouns.words')}|"
            rf"{a('materials.words')})\b"
        )
        self.comma_before = re.compile(r",\s+(?:the\s+)?$")
        # after the last name of an object's list: its people noun, then an auxiliary or a speech verb, so the name
        # opens a new clause ("armed Syrian rebels, and Jordanian officials are pressing")
        self.new_clause_after = re.compile(
            rf"(?:'s?)?(?:\s+(?:{people}))?\s+(?:(?:{a('grammar.adverbs')}|[a-z]+ly)\s+)?"
            rf"(?:{a('grammar.auxiliaries')}|{a('attribution.speech')})\b"
            # "and Israel's jets still fly": an adverb of time after the noun phrase, then its verb
            rf"|(?:'s?)?(?:\s+(?:{people}))?\s+(?:still|also|now|already|again|meanwhile)\s+[a-z]+"
        )
        self.verb_after = re.compile(
            rf"(?:'s?\s+[a-z-]+)?\s+(?:(?:{a('grammar.adverbs')}|[a-z]+ly)\s+)*"
            rf"(?:{a('grammar.auxiliaries')}|{a('cues.verb')}|{a('transfers.verbs')}|"
            rf"[a-z]+(?:es|ed)|[a-z]+[^s']s)\b"
        )
        self.part_of = re.compile(
            rf"(?:\b(?:{people})|\d|hundreds|thousands|dozens|scores|some|many|most)\s+"
            rf"(?:of|from)\s+(?:(?:the|{a('grammar.possessives')})\s+)?(?:[a-z-]+(?:'s)?\s+)?$"
        )
        # "fighters loyal to Abdelaziz al-Hilu joined the RSF": a leader's men, the leader no preposition's object
        self.leader_men = re.compile(rf"\b(?:{people})\s+(?:{a('grammar.leader_men')})\s+$")
        self.prep_before = re.compile(
            rf"\b({alternation(preps.split('|'))})\s+(?:(?:{a('grammar.determiners')})\s+)?"
            rf"([a-z-]+\s+)?$"
        )
        # "For years Iran armed Hezbollah": a preposition and its noun that make an adverb of time end no phrase
        self.adverb_phrases = frozenset(w for w in self.lex.words.get("grammar.adverbs", ()) if " " in w)
        # "to convince EU", "to arm rebels": after "to" a verb makes an infinitive, not a prepositional phrase
        self.verbs_after_to = frozenset(
            w
            for key in ("grammar.control_verbs", "cues.verb", "grammar.purpose_verbs", "transfers.verbs")
            for w in self.lex.words.get(key, ())
        )
        # "Iran-aligned", also "Iran - backed" with a stray space; a spaced dash before other words ends the
        # clause ("support to Assad - video")
        # "drones that pounded Syrian army columns were flying in support of": the attacked is no subject
        self.attacked_before = re.compile(
            rf"\b(?:{a('grammar.attack_verbs')})\s+(?:(?:the|a|an|{a('grammar.possessives')})\s+)?$"
        )
        # "armed the army's Islamist allies": the allies, not their owner (unless named after them)
        self.owned_associates = re.compile(
            rf"'s?\s+(?:[a-z-]+\s+){{0,2}}?(?:{a('grammar.associates')})\b(\s*,?\s*(?:the\s+)?)"
            if self.lex.words.get("grammar.associates")
            else r"(?!)"
        )
        self.compound_after = re.compile(
            r"-[a-z]{3,}\b|\s*-\s*(?:backed|led|aligned|allied|linked|affiliated|"
            r"sponsored|funded|supported|based|run|controlled|held|made|owned)\b"
        )

    def _lookarounds(self, a: Any, stop: str, people: str, action: str, preps: str) -> None:
        """Titles, look-alike heads, control verbs, prepositional phrases, appositions and names."""
        vg = self.vg_item
        self.title_gap = re.compile(rf"^\s+(?:[a-z-]+\s+){{0,2}}?(?:{people})\s+$")
        self.head_group = re.compile(  # "the Lebanese militant group Hezbollah", "Iran's Revolutionary Guards"
            rf"^\s+(?:(?!(?:{stop})\b)[a-z][a-z'-]*\s+){{0,2}}?(?:{people})\s+$|^'s?\s+$|"
            # a comma only after a group word: "the Lebanese militant group, Hezbollah" (not "Turkish tanks, FSA")
            rf"^\s+(?:(?!(?:{stop})\b)[a-z][a-z'-]*\s+){{0,2}}?(?:{a('grammar.stand_in_groups')})\s*,\s+$"
        )
        # used with a start position (``match(text, pos)``), so no ``^``
        # (the word between is a modifier, not a verb: "Hezbollah fought rivals" fights, "Iran sanctions" qualify)
        verbs = (  # also a verb rejecting or opposing what follows: "London denies plan to deploy", "slams plan"
            f"{a('fight.verbs')}|{a('grammar.attack_verbs')}|{a('attribution.speech')}|{a('modality.rejecting')}|"
            f"{a('grammar.intent_opposed')}|met|meets|meet"
        )
        self.lookalike_after = re.compile(
            # never an article between ("the US-led coalition the statement said": a lost comma, not a modifier)
            rf"(?:'s?)?(?:\s*-\s*[a-z]+)?(?:\s+(?!(?:{people}|{action}|{a('support_nouns.words')}|{stop}|{verbs}|"
            rf"the|a|an)\b)"
            rf"(?![a-z]+ed\b)[a-z][a-z'-]*)?\s+(?:{a('lookalike_heads.words')})\b"
            r"(?!\s+(?:the|a|an|its|their|his|her)\b)"  # "help the SDF plan the assault": a verb, not the head
        )
        # "voice support for US missile strike": the object qualifies an act (up to one word between)
        self.object_thing = re.compile(
            rf"(?:'s?)?(?:\s+(?!(?:{people}|{stop}|the|a|an)\b)[a-z][a-z'-]*)?\s+(?:{a('lookalike_heads.objects')})\b"
        )
        # "agreed a ceasefire backed by", "a truce between Israel and Syria with the backing of": a backing phrase
        # right after a look-alike thing (and the sides it names) qualifies the thing (searched before a position)
        self.thing_before = re.compile(
            rf"\b(?:{a('with_support.lookalike_heads')})(?:\s+(?:between|with|among)\s+[^,;:()]{{1,60}}?)?"
            r"(?:\s+(?:in|at)\s+[\w-]+)?\s*,?\s*$"
        )
        # "rejects Hemedti claim that": a rejecting verb, up to three words (whose claim), a claim noun and "that"
        self.rejected_claim = re.compile(
            rf"\b(?:{a('modality.rejecting')})\s+(?:[\w'-]+\s+){{0,3}}?(?:{a('modality.claims')})\s+that\b"
        )
        # "Iran plans to send", "Turkey moves to arm": a look-alike word used as the verb of the mention
        self.verb_not_noun = re.compile(r"\s+(?:[a-z]+ly\s+)?[a-z]+s\s+to\s+[a-z]+")
        self.control_before = re.compile(rf"\b(?:{a('grammar.control_verbs')})\s+(?:the\s+)?$")
        self.control_gap = re.compile(r"^\s+(?:not\s+)?(?:against|from)\s+$")
        self.pp_gap = re.compile(
            rf"^{self.np_tail}(?:\s+(?:{_TIED}))?\s+(?:{alternation(preps.split('|'))})\s+"
            rf"(?:(?:{a('grammar.determiners')})\s+)?(?:[a-z-]+\s+)?$"
        )
        self.vp_and = re.compile(rf"(?:,\s*|\s)(?:and|but|or)\s+(?:(?:{vg})\s+){{0,4}}$")
        self.action_before = re.compile(
            rf"\b(?:{action})\s*,?\s+(?:(?:{a('grammar.relatives')})\s+)?"
            rf"(?:(?:{a('grammar.auxiliaries')}|{a('grammar.adverbs')}|[a-z]+ly)\s+)*$"
        )
        self.with_appos = re.compile(r"\s*,\s*(?:along\s+with|together\s+with|as\s+well\s+as|like)\s+(?:the\s+)?")
        # a verb right after: "help fight Isis", "troops to battle Isis" (infinitives, not objects)
        self.verb_next = re.compile(rf"\s+(?:to\s+)?(?:{a('grammar.purpose_verbs')})\b")
        self.verb_in_gap = re.compile(rf"\b(?:{a('fight.verbs')}|{a('grammar.purpose_verbs')})\s")
        self.led_people = re.compile(rf"\s*-\s*led\s+(?:[a-z-]+\s+)?(?:{people})\b")
        # "Iranian-supplied drones", "UAE-funded mercenaries": what the actor gave heads the phrase, the actor gives
        self.given_compound = re.compile(
            rf"\s*-\s*(?:{_GIVEN_PARTICIPLES})\s+(?:[a-z0-9-]+\s+){{0,2}}?(?:{people}|{a('materials.words')})\b"
        )
        self.material_before = re.compile(rf"\b({a('materials.words')})\s+$")  # "arms exports to"
        self.verb_first = re.compile(rf"\s*(?:{a('grammar.purpose_verbs')})\s")
        self.relative_comma = re.compile(r"(?:,\s*|\s)(?:which|who)\s")
        # "the joint forces, the coalition of Darfur movements that defended": a relative clause on an apposition
        self.appos_relative = re.compile(r",\s*(?:the|an?)\s+(?:[\w'-]+\s+){1,5}?(?:that|which|who)\s")
        self.conj_with = re.compile(r"\b(?:along|together)\s+with\s+(?:the\s+)?$")
        self.title_nouns = frozenset(self.lex.words["grammar.title_nouns"])
        self._relative_gaps(a, stop, people, action)

    def _relative_gaps(self, a: Any, stop: str, people: str, action: str) -> None:
        """Gaps of relative clauses (with and without a pronoun) and of things given by a name."""
        # "sanctions on the Baraa Brigade, an Islamist battalion that has fought": an apposition before the relative;
        # "the rebels, many of whom receive": a part of the group (not "none of whom")
        self.relative_in_gap = re.compile(
            rf"^{self.np_tail}\s*(?:,|\s-)?\s*(?:(?:a|an)\s+(?:(?!(?:{stop})\b)[a-z'-]+\s+){{1,4}}?"
            # "an Islamist militia of more than 20,000 fighters that fights": its size before the relative
            rf"(?:of\s+(?:(?:(?:more|fewer|less)\s+than|about|some|nearly|around|up\s+to)\s+)?[\d,]+\s+[a-z-]+\s+)?)?"
            rf"(?:{_PART_OF})?(?:{a('grammar.relatives')})\b"
        )
        # "Y, which X backs", "the Kurdish YPG militia, which Washington backs": a people noun may close Y
        self.reduced_relative_gap = re.compile(rf"^{self.np_tail}\s+(?:that\s+)?$")
        # "drones supplied by Tehran have helped the army": the giver of what is the subject acts through it
        self.given_by = re.compile(
            rf"\b(?:{a('materials.words')}|{a('transfers.nouns')})\s+(?:{a('cues.participle')}|provided|sent|"
            rf"delivered|donated|given|shipped|flown|smuggled|sold){GIVEN_BY}\s+(?:the\s+)?$"
        )
        # "drones, shipped by Tehran in recent months, have helped": the giver in a comma-set participle phrase
        self.given_by_comma = re.compile(
            rf"\b(?:{a('materials.words')}|{a('transfers.nouns')})\s*,\s*(?:[a-z]+ly\s+)?(?:{a('cues.participle')}|"
            rf"provided|sent|delivered|donated|given|shipped|flown|smuggled|sold){GIVEN_BY}\s+(?:the\s+)?$"
        )
        self.given_by_close = re.compile(rf"^(?:\s+[^,;:()]{{1,40}}?)?\s*,(?:\s*(?:{self.vg_item})\b){{0,4}}\s*$")
        # "the Kurdish militia that Washington began arming": a restrictive relative, no comma
        self.restrictive_relative_gap = re.compile(rf"^{self.np_tail}\s+(?:that|which|whom)\s+(?:the\s+)?$")
        self.relative_gap = re.compile(
            rf"^{self.np_tail}\s*,\s*(?:{a('grammar.relatives')})\s+(?:the\s+)?$"
            rf"|^\s*,\s*(?:the|a|an)\s+(?:[a-z-]+\s+){{0,3}}?(?:{people})\s+(?:that|which|whom)\s+(?:the\s+)?$"
        )  # "the YPG, the Kurdish militia that Washington arms"
        # "the rebels Washington backs", "the SDF, the Kurdish-led alliance Washington has equipped": a relative
        # clause with no relative pronoun after a name or its description, closed by its verb (see contact_close)
        self.contact_relative_gap = re.compile(
            # "the Syrian rebels the CIA armed": the subject may take its article
            rf"^{self.np_tail}\s+(?:the\s+)?$|^\s*,\s*(?:the|a|an)\s+(?:[a-z-]+\s+){{0,3}}?(?:{people})\s+$"
        )
        self.contact_close = re.compile(
            r"\s*(?:[.,;:)]|$)|\s+(?:since|in|for|against|with|from|during|until|and|but|while|as|through|on|at|"
            r"over|across|because|after|before|has|have|had|is|are|was|were|will|would|to|now|still)\b"
            # the main clause's verb in the past ("the factions Ankara funds and trains attacked Tal Abyad")
            r"|\s+[a-z]{3,}ed\b"
        )
        self.word = re.compile(_WORD)
        #: the modifiers of a support noun (``support_nouns.modifiers``: "military", "economic") as one alternation
        self.modifiers = "|".join(map(re.escape, self.lex.types.get("modifier", {}))) or "(?!x)x"
        # not before a modifier that says money or arms ("emergency economic assistance" to a government)
        self.humanitarian = re.compile(rf"\b(?:{a('humanitarian.words')})\b(?!\s+(?:{self.modifiers})\b)")
        self.material_word = re.compile(rf"\b(?:{a('materials.words')})\b")
        self.determiners = re.compile(rf"\b(?:{a('grammar.determiners')})\b")
        self.before_name = re.compile(rf"(?:\b(?:{people})|,)\s*$")
        # a person's name: two or more capitalised words (particles allowed), as written
        self.name_run = re.compile(
            r"(?<=\s)(?:[A-Z][\w'-]+\s+(?:(?:bin|bint|ibn|al|el|de|von|van)\s+)?){1,5}"
            r"[A-Z][\w'-]+(?=\s*,?\s*$|,)"
        )


_GRAMMARS: dict[str, Grammar] = {}


def grammar_of(lex: CueLexicon) -> Grammar:
    """The :class:`Grammar` of a lexicon, compiled once."""
    g = _GRAMMARS.get(lex.sha256)
    if g is None:
        g = _GRAMMARS[lex.sha256] = Grammar(lex)
    return g
