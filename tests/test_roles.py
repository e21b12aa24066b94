"""Unit tests of helpers.roles: the wording around a country, capital or demonym decides its role."""

from __future__ import annotations

import pandas as pd
import pytest
from hand_sentences import statements

import helpers as h
from helpers import roles as r
from helpers.textnorm import fold


def _span(text: str, mention: str, nth: int = 0) -> tuple[str, int, int]:
    folded = fold(text)
    start = -1
    for _ in range(nth + 1):
        start = folded.index(mention.lower(), start + 1)
    return folded, start, start + len(mention)


def role(text: str, mention: str, via: str = "name", strict: bool = False, nth: int = 0):
    folded, a, b = _span(text, mention, nth)
    return r.cue_role(folded, a, b, via, strict=strict)


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("Ankara said the talks would go on.", "Ankara", r.ACTOR),
        # an appositive role after a time adverb: the state, even after "at"
        ("The warning was aimed at Qatar, long the main patron of the Islamist factions.", "Qatar", r.ACTOR),
        ("Envoys met at Ankara, for years a sponsor of the rebels, on Monday.", "Ankara", r.ACTOR),
        ("Moscow ready to back the new army, says envoy", "Moscow", r.ACTOR),  # a headline's adjective of intent
        ("Washington to arm Kurdish fighters, officials say", "Washington", r.ACTOR),  # a headline's infinitive
        ("Refugees fled to neighbouring countries such as Lebanon and Jordan.", "Lebanon", r.PLACE),
        ("Moscow plans to send 500 more mercenaries to Ukraine.", "Ukraine", r.PLACE),  # where they go
        # a part of the country, and a topic after another word's possessive
        ("Donors pledged earthquake aid for northern Syria on Monday.", "Syria", r.PLACE),
        ("Russian jets struck rebel-held Syria again.", "Syria", r.PLACE),
        ("Lawmakers debated Trump's Syria withdrawal plan.", "Syria", r.PLACE),
        ("Exiled reformers wrote about Egypt's democracy.", "Egypt", r.PLACE),
        ("The scheme covers people from three countries - Eritrea, Syria and Yemen.", "Eritrea", r.PLACE),
        ("Drones hit a fuel convoy to Lebanon overnight.", "Lebanon", r.PLACE),
        ("Analysts have studied Syria's disinformation wars for years.", "Syria", r.PLACE),
        ("Washington vowed to fight Syria's Islamic extremists.", "Syria", r.PLACE),
        ("Tehran's oil shipments kept Damascus afloat.", "Tehran", r.ACTOR),
        ("Syria's oil fields lie in the east.", "Syria", r.PLACE),
        ("Sudan's weary doctors brave another crisis.", "Sudan", r.PLACE),
        ("War reaches Sudan's second-largest city.", "Sudan", r.PLACE),
        ("Sudan's army chief met envoys.", "Sudan", r.ACTOR),
        ("Tehran-backed militias advanced.", "Tehran", r.ACTOR),
        ("Syrian rebels got salaries and weapons from the United States.", "United States", r.ACTOR),
        ("Refugees fled from the United States.", "United States", r.PLACE),
        ("Rebels seized control of Damascus.", "Damascus", r.PLACE),
        ("Syria using Russian-supplied cluster munitions, monitors say", "Syria", r.ACTOR),  # a headline's participle
        ("Washington orders 200 extra troops to Iraq to guard diplomats", "Iraq", r.PLACE),  # where troops go
        ("Israel and Sudan agree to restart normalisation talks", "Sudan", r.ACTOR),  # a headline's plural present
        ("Washington, Riyadh and Cairo call for a truce in Sudan", "Cairo", r.ACTOR),  # a list of capitals calling
        ("Drones arrived after Khartoum and Tehran restored ties.", "Tehran", r.ACTOR),  # a pair after "after"
        ("Sudan's floods ruin the sorghum harvest again", "Sudan", r.PLACE),
        ("Turkey strikes PKK targets after Ankara bombing", "Ankara", None),  # an event named by its place
        ("The town is under the control of Ankara.", "Ankara", r.ACTOR),
        ("Support for the RSF from the United States grew.", "United States", r.ACTOR),
        ("Assad was welcomed by Saudi Arabia, which for years had armed rebels.", "Saudi Arabia", r.ACTOR),
        ("A pro-Damascus newspaper ran it.", "Damascus", r.ACTOR),
        ("Moscow's support never wavered.", "Moscow", r.ACTOR),
        ("Rebels were backed by Turkey for years.", "Turkey", r.ACTOR),
        ("There were talks with Iran last week.", "Iran", r.ACTOR),
        ("New sanctions on Iran were agreed.", "Iran", r.ACTOR),
        ("The militia grew dependent on Tehran for cash.", "Tehran", r.ACTOR),  # relying on a capital's government
        ("Hasakeh, which borders Iraq, is mostly Kurdish.", "Iraq", r.PLACE),
        ("according to Russia, the strike hit a depot", "Russia", r.ACTOR),
        ("The Damascus government fell.", "Damascus", r.ACTOR),
        ("Moscow, the patrons of the regime, said nothing.", "Moscow", r.ACTOR),
        ("Washington has repeatedly warned against it.", "Washington", r.ACTOR),
        ("The move angered Turkey deeply.", "Turkey", r.ACTOR),
        ("He accused Iran of lying.", "Iran", r.ACTOR),
        ("support from Qatar arrived", "Qatar", r.ACTOR),
        ("It is unclear whether Russia intervened at all.", "Russia", r.ACTOR),
        ("Thousands live in Lebanon now.", "Lebanon", r.PLACE),
        ("Assad fled to Moscow with his family.", "Moscow", r.PLACE),
        ("Rebels entered Damascus at dawn.", "Damascus", r.PLACE),
        ("The borderlands of Turkey were quiet.", "Turkey", r.PLACE),
        ("Syria's north is held by the SDF.", "Syria", r.PLACE),
        ("A crossing on the border with Turkey reopened.", "Turkey", r.PLACE),
        ("An Istanbul-based group said so.", "Istanbul", r.PLACE),
        ("refugees from Syria crossed", "Syria", r.PLACE),
        ("the rest of Syria was calm", "Syria", r.PLACE),
        ("Syria is a country of contrasts.", "Syria", r.ACTOR),  # "is" reads as a verb: the state
        ("Beautiful Lebanon.", "Lebanon", None),
        ("Moscow, which propped up Assad, kept its bases.", "Moscow", r.ACTOR),  # "propped" is an acting verb
        ("Jets flew in support of its ally Damascus.", "Damascus", r.ACTOR),  # a title before the name
        ("The deal was brokered by rebel backer Qatar.", "Qatar", r.ACTOR),
        ("Troops massed near the Syria-Turkey border.", "Turkey", r.PLACE),  # the frontier, not the state
        ("Commanders from northern Syria met the envoy.", "Syria", r.PLACE),  # a region after "from"
        ("Support for the RSF from the UAE grew.", "UAE", r.ACTOR),  # the giver after "from"
        # "based" whose hyphen a scrape dropped is where; "based" as a verb with its object is the state acting
        ("The Paris based monitor said 20 died.", "Paris", r.PLACE),
        ("Paris based its decision on the report.", "Paris", r.ACTOR),
        # going to a country past an adverb, crossing or infiltrating into it: where
        ("Hundreds tried to infiltrate illegally to Jordan.", "Jordan", r.PLACE),
        ("Migrants keep crossing to Britain.", "Britain", r.PLACE),
        ("Tehran will fly to Moscow.", "Moscow", r.PLACE),  # "fly" is no adverb
        # a river or a dam the name owns is a place
        ("Fighting reached Syria's largest dam.", "Syria", r.PLACE),
        # the accused of a relative clause, its accuser between
        (
            "Talks stalled, and Abu Dhabi, which UN experts have accused of arming the RSF, walked out.",
            "Abu Dhabi",
            r.ACTOR,
        ),
    ],
)
def test_cue_role_of_names_and_capitals(text, mention, expected):
    assert role(text, mention) == expected


@pytest.mark.parametrize(
    ("text", "mention", "acts"),
    [
        ("Arms flows remain opaque. Washington still confines its help for the rebels to food.", "Washington", True),
        ("Washington also denies any role.", "Washington", True),
        ("Damascus suburbs were shelled overnight.", "Damascus", False),
        ("Damascus early warnings sounded.", "Damascus", False),
    ],
)
def test_a_capital_opening_a_sentence_before_an_adverb_and_a_present_verb_acts(text, mention, acts):
    assert (role(text, mention, via="capital") == r.ACTOR) is acts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US troops were sent to protect the Baghdad embassy.", r.PLACE),
        ("Flights resumed at Baghdad airport.", r.PLACE),
        ("Baghdad said it would send troops.", r.ACTOR),
    ],
)
def test_a_facility_named_by_its_capital_is_a_place(text, expected):
    assert role(text, "Baghdad", via="capital") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Merkel to launch an aid programme on Turkey visit.", r.PLACE),
        ("Turkey visits Moscow for talks.", None),
    ],
)
def test_a_visit_named_by_its_country_is_where(text, expected):
    assert role(text, "Turkey") != r.PLACE if expected is None else role(text, "Turkey") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Most of the RSF's weapons come from the Emirates.", r.ACTOR),
        ("The funding for the rebels came mainly from Qatar.", r.ACTOR),
        ("Many of the fighters came from Qatar.", r.PLACE),  # people come from a place
        ("The RSF received arms shipments flown in from Qatar.", r.ACTOR),
        ("Refugees were flown in from Qatar.", r.PLACE),
        ("Doha's support has been crucial for Qatar.", r.ACTOR),
        # arms from a state are its gift; fighters from a state are its people
        ("The army received new tanks from Qatar.", r.ACTOR),
        ("The army bought air defence systems from Qatar.", r.ACTOR),
        ("He is backed by Shia fighters from Qatar.", r.PLACE),
        # goods bound for a state: it receives them (a plane bound for it goes to a place: see below)
        ("A Russian arms shipment bound for Qatar passed the Bosphorus.", r.ACTOR),
    ],
)
def test_where_goods_came_from_is_their_giver(text, expected):
    assert role(text, "Emirates" if "Emirates" in text else "Qatar") == expected


def test_a_strict_name_after_money_lent_is_the_state():
    assert role("Iran extended a credit line to Syria.", "Syria", strict=True) == r.ACTOR


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        ("Russian strikes hit Idlib.", "Russian", None),  # a demonym with a non-place head: the caller decides
        ("the Turkish border was closed", "Turkish", r.PLACE),
        ("Syrian refugees waited.", "Syrian", r.PLACE),
        ("Iranian-backed fighters", "Iranian", r.ACTOR),
        ("a Turkish-born writer", "Turkish", r.PLACE),
        ("shelling along the Lebanese-Syrian border", "Lebanese", r.PLACE),  # a pair of demonyms before a border
    ],
)
def test_cue_role_of_demonyms(text, mention, expected):
    assert role(text, mention, via="demonym") == expected


def test_roles_taken_from_the_words_before_are_marked():
    assert r.decided_by_before(role("Thousands live in Lebanon.", "Lebanon")) is True
    assert r.decided_by_before(role("Ankara said so.", "Ankara")) is False
    assert r.decided_by_before(None) is False


def test_strict_mode_needs_a_real_verb_and_leaves_bare_to_undecided():
    assert role("He spoke to Russia about it.", "Russia") == r.ACTOR
    assert role("He spoke to Russia about it.", "Russia", strict=True) is None
    assert role("Russia was quiet.", "Russia") == r.ACTOR
    assert role("Russia was quiet.", "Russia", strict=True) is None
    assert role("Russia said no.", "Russia", strict=True) == r.ACTOR
    # a perfect after the name ("has taken", "had brought"); not a passive, not inside "in Sudan"
    assert role("Sudan has taken the UAE to court.", "Sudan", strict=True) == r.ACTOR
    assert role("The judges dismissed the case Sudan had brought.", "Sudan", strict=True) == r.ACTOR
    assert role("The war in Sudan has displaced millions.", "Sudan", strict=True) != r.ACTOR


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Syrian forces advanced.", r.ACTOR),
        ("Syrian state media said so.", r.ACTOR),
        ("Syrian air force jets struck.", r.ACTOR),
        ("Syrian refugees waited.", None),
        ("Syrian.", None),
        # listed demonyms share the noun after them
        ("Syrian and Russian warplanes pounded Aleppo.", r.ACTOR),
        ("Syrian, Iranian and Russian officials met.", r.ACTOR),
        ("Syrian and Iraqi refugees crossed the border.", None),
        ("Syrian public sector workers went unpaid.", r.ACTOR),  # the state's employees
        # the state's strikes, written as one word or after a coordinated demonym
        ("Dozens died in Syrian airstrikes on Idlib.", r.ACTOR),
        ("Syrian and Russian raids hit the market.", r.ACTOR),
        ("Syrian shelling of Daraya went on.", r.ACTOR),
        # an adjective of the action between: "joint", "heavy"; not a "joint venture"
        ("Dozens died in Syrian and Russian joint airstrikes.", r.ACTOR),
        ("Syrian heavy shelling hit Daraya.", r.ACTOR),
        ("A Syrian joint venture opened.", None),
    ],
)
def test_strict_demonym_role(text, expected):
    folded, _, end = _span(text, "Syrian")
    assert r.strict_demonym_role(folded, end) == expected


def test_coordinated():
    folded = fold("Turkey and Russia, Iran / Qatar but Egypt")

    def pos(w):
        i = folded.index(w.lower())
        return i, i + len(w)

    assert r.coordinated(folded, pos("Turkey")[1], pos("Russia")[0])
    assert r.coordinated(folded, pos("Russia")[1], pos("Iran")[0])
    assert r.coordinated(folded, pos("Iran")[1], pos("Qatar")[0])
    assert not r.coordinated(folded, pos("Qatar")[1], pos("Egypt")[0])
    assert not r.coordinated(folded, pos("Turkey")[1], pos("Iran")[0])  # too far apart


def test_roles_table():
    assert r.ROLES == ("actor", "place", "outlet", "language", "origin", "people", "qualifier")


# ------------------------------------------------------------------------------------------ word tries


@pytest.mark.parametrize(
    "words",
    [["back", "backed", "backs", "backing"], ["a", "an", "in", "is", "it"], ["said"], ["x", "xy", "xyz", "y"]],
)
def test_alternation_matches_exactly_the_words(words):
    import re

    rx = re.compile("(?:" + r._alternation(words) + ")")
    for w in words:
        assert rx.fullmatch(w), w
    others = {w[:-1] for w in words} | {w + "s" for w in words} | {w + "e" for w in words} | {"", "zz"}
    for w in others - set(words):
        assert not rx.fullmatch(w), w


@pytest.mark.parametrize(
    ("after", "verb", "strict"),
    [
        (" said on monday", True, True),
        (", which has repeatedly backed the", True, True),
        (" has", True, False),  # an auxiliary alone is a verb, but not in strict mode
        (" quietly also reportedly quickly then said", False, False),  # five words before the verb
        (" backedup", False, False),
        (" forces", False, False),
        (" on monday warned", True, True),
    ],
)
def test_verb_patterns(after, verb, strict):
    assert bool(r._VERB_RX.match(after)) is verb
    assert bool(r._STRICT_VERB_RX.match(after)) is strict


@pytest.mark.parametrize(
    ("before", "words"),
    [
        ("troops were sent to the", ["were", "sent", "to"]),  # "the" right before the mention is left out
        ("talks between", ["talks", "between"]),
        ("a long sentence ends. leaders in", ["leaders", "in"]),  # none from the sentence before
        ("envoys of the u.s. in", ["the", "u.s", "in"]),  # an abbreviation ends no sentence
        ('he said "the', ["he", "said"]),
        ("( ) in", ["in"]),
        ("", []),
    ],
)
def test_before_words(before, words):
    assert r._before_words(before) == words


def test_a_plural_demonym_is_people_unless_the_state_is_meant():
    assert role("Air drops helped Iraqis trapped on the mountain.", "Iraqis", via="demonym") == r.PEOPLE
    assert role("Britons back the strikes, a poll says.", "Britons", via="demonym") == r.PEOPLE
    assert role("The Russians have bombed Aleppo again.", "Russians", via="demonym") != r.PEOPLE


def test_a_capital_sent_arms_or_advisers_is_its_government():
    assert role("Iran has sent weapons to Damascus.", "Damascus", via="capital") == r.ACTOR
    assert role("Moscow dispatched military advisers to Damascus.", "Damascus", via="capital") == r.ACTOR
    assert role("Thousands of refugees were sent back to Damascus.", "Damascus", via="capital") == r.PLACE
    assert role("Iran has sent weapons to Syria.", "Syria") == r.PLACE  # a country: where the arms went


@pytest.mark.parametrize("verb", ["received", "obtained", "relies"])
def test_a_strict_name_before_a_receiving_verb_is_the_state(verb):
    assert role(f"The minister said Sudan {verb} weapons from Iran.", "Sudan", strict=True) == r.ACTOR


def test_a_plane_bound_for_a_state_does_not_make_it_an_actor():
    assert role("A plane bound for Qatar crashed.", "Qatar") != r.ACTOR


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aside between commas, then a verb of acting: the capital is the subject, so the state
        ("Ankara, for its part, deployed more troops near Idlib.", r.ACTOR),
        ("Tehran, through its Quds Force, trained the militias.", r.ACTOR),
        # after the aside a copula or a passive: the city
        ("Ankara, in the meantime, was calm.", None),
        ("Tehran, at dawn, was struck by a quake.", None),
        # a place after a preposition, and a possessive after the aside: no verb of the capital's
        ("Shops in Tehran, in mid-April, reopened.", r.PLACE),
        ("Tehran, in mid-April, Ahmed's shop reopened.", None),
    ],
)
def test_a_capital_acting_after_an_aside(text, expected):
    assert role(text, "Ankara" if "Ankara" in text else "Tehran", via="capital") == expected, text


@pytest.mark.parametrize(
    ("text", "mention", "via", "expected"),
    [
        # an apposition with a possessive names a role: the state acting
        ("Ankara, Hamas's main patron, said nothing.", "Ankara", "capital", r.ACTOR),
        # an apposition about a spokesman of the government: the city
        ("In Ankara, a government spokesman denied it.", "Ankara", "capital", r.PLACE),
        # relief sent to a capital goes to its people
        ("Jordan has sent humanitarian supplies to Ankara.", "Ankara", "capital", r.PLACE),
        ("Jordan has sent weapons to Ankara.", "Ankara", "capital", r.ACTOR),
    ],
)
def test_appositions_with_possessives_and_relief_to_a_capital(text, mention, via, expected):
    assert role(text, mention, via=via) == expected, text


@pytest.mark.parametrize(
    ("text", "mention", "strict", "expected"),
    [
        # a meeting or text about a country, and the unity of a country: a place, not the state
        ("A summit on Yemen opened in Riyadh.", "Yemen", False, r.PLACE),
        ("Cairo defends the unity of Libya.", "Libya", False, r.PLACE),
        # a plan, an envoy or a delegation for a country: a topic; support for it: the state
        ("A ceasefire plan for Yemen was drafted in Riyadh.", "Yemen", False, r.PLACE),
        ("The head of the Red Cross delegation for Yemen spoke.", "Yemen", False, r.PLACE),
        ("Military support for Yemen grew.", "Yemen", False, r.ACTOR),
        # a strict name before a base verb after a modal acts
        ("Syria will rejoin the Arab League.", "Syria", True, r.ACTOR),
        ("Washington said Syria did not deserve readmission.", "Syria", True, r.ACTOR),
    ],
)
def test_topics_after_on_and_more_verbs_of_a_strict_name(text, mention, strict, expected):
    assert role(text, mention, strict=strict) == expected, text


def test_the_last_word_of_the_sentence_before_does_not_place_a_name():
    text = "Thousands were shot as they fled. Qatar, accused of funding the rebels, rejects the charge."
    assert role(text, "Qatar") != r.PLACE
    assert role("Thousands were shot as they fled; Qatar rejects the charge.", "Qatar") != r.PLACE
    assert role("Thousands were shot as they fled Qatar.", "Qatar") == r.PLACE  # in one sentence: where from


def test_the_giver_of_goods_received_is_an_actor_but_not_where_people_come_from():
    assert role("The money the new government receives from Doha pays salaries.", "Doha") == r.ACTOR
    assert role("The refugees Jordan receives from Syria need shelter.", "Syria") != r.ACTOR


def test_a_capital_fought_for_acts():
    assert role("Thousands of RSF fighters fought for Riyadh in Yemen.", "Riyadh", via="capital") == r.ACTOR


@pytest.mark.parametrize(
    ("text", "mention", "strict", "expected"),
    [
        # a possessive before a place-like noun decides, whatever preposition stands before the name
        ("The exodus was driven by Yemen's long civil war.", "Yemen", True, r.PLACE),
        ("Few outsiders grasp Libya's turbulent and violent history.", "Libya", False, r.PLACE),
        ("Somalia's diaspora keeps families afloat.", "Somalia", False, r.PLACE),
        # the noun owned is the one before "of": an official of the state
        ("The find was confirmed by Egypt's head of antiquities.", "Egypt", True, r.ACTOR),
        ("The convoy was escorted by Yemen's army.", "Yemen", True, r.ACTOR),
        # relief for a country goes to its people, also after "for" and for a strict name; arms go to the state
        ("Norway pledged $40 million in humanitarian aid for Yemen.", "Yemen", True, r.PLACE),
        ("Emergency food assistance to Yemen has slowed.", "Yemen", True, r.PLACE),
        ("Tehran sent military aid to Yemen.", "Yemen", True, r.ACTOR),
    ],
)
def test_owned_places_before_a_preposition_and_relief_for_a_country(text, mention, strict, expected):
    assert role(text, mention, strict=strict) == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the country's people in need and its violence are places, not the state
        ("Aid reaches Yemen's vulnerable as the truce holds.", r.PLACE),
        ("Yemen's cycle of violence goes on.", r.PLACE),
        ("Yemen's government rejected the plan.", r.ACTOR),
    ],
)
def test_a_country_s_people_in_need_and_its_violence(text, expected):
    assert role(text, "Yemen", strict=True) == expected, text


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        ("Moscow has bankrolled Damascus for years, officials said.", ("russia", "syrian_government")),
        ("Tehran re-armed Hezbollah after the 2006 war.", ("iran", "hezbollah")),
        ("Turkey calls the YPG terrorists; Washington nevertheless arms the YPG.", ("united_states", "ypg")),
        ("Moscow long backed the Assad government.", ("russia", "syrian_government")),
    ],
)
def test_a_capital_with_a_backing_verb_acts(text, edge):
    assert edge in {(b, c) for b, c, _ in statements(text)}, text


def test_a_capital_in_apposition_with_a_possessive_role_noun_acts():
    found = {
        (b, c)
        for b, c, _ in statements("Abu Dhabi, the RSF's main patron, rejected the report.", "2024-06-01", "sudan")
    }
    assert ("united_arab_emirates", "rapid_support_forces") in found, found


@pytest.mark.parametrize(
    ("text", "name", "acts"),
    [
        ("In Syria, Iran backs the SDF.", "Iran", True),
        ("Trump has handed over the fight in Syria, Turkey says.", "Turkey", True),
        ("Fighting in Syria, Iran and Iraq killed hundreds.", "Iran", False),
        # a state noun after it: the name's forces open the clause
        ("In Syria, US forces continue to back the SDF.", "US", True),
        ("Militant convoy hit near the Iraqi border in Syria, US military says", "US", True),
        # an apposition naming the name's role is no list of places
        ("In Syria, Russia, Assad's main backer, is courting the rebels.", "Russia", True),
        ("He travelled to Damascus, Moscow and Tehran.", "Moscow", False),
        ("In Syria, US advisers embedded with the SDF advise its commanders.", "US", True),
        # a list after a place opening the sentence, then its verb
        ("In Sudan, Saudi Arabia and the UAE said they would put $3 billion behind the council.", "Saudi Arabia", True),
        ("In Syria, Russia and the Assad regime violated the truce.", "Russia", True),
        ("Short truce agreed in Sudan, U.S. State Department says", "U.S.", True),
    ],
)
def test_a_name_after_a_place_and_a_comma_opens_a_clause_before_a_present_verb(text, name, acts):
    c = pd.DataFrame({"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime(["2018-01-21"], utc=True)})
    m = h.tag_mentions(c)
    assert (m[m.surface == name].role.iloc[0] == "actor") is acts
