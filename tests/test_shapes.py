"""Each statement shape and each look-alike class, in sentences written for these tests."""

from __future__ import annotations

import pandas as pd
import pytest
from hand_sentences import statements

import helpers as h


def corpus_of(texts, date="2019-06-01"):
    n = len(texts)
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(n)],
            "title": [""] * n,
            "text": texts,
            "date": pd.to_datetime([date] * n, utc=True),
            "source": ["s"] * n,
            "duplicate_of": pd.array([None] * n, dtype="string"),
        }
    )


def edges_of(text, date="2019-06-01", pack=None):
    c = corpus_of([text], date)
    s = h.extract_support(c, h.tag_mentions(c, gazetteer=pack))
    return s, set(zip(s.backer.astype(str), s.client.astype(str)))


SHAPES = [
    # compound
    ("compound", "The Tehran-backed Hezbollah movement lost a commander near Qusayr.", {("iran", "hezbollah")}),
    (
        "compound",
        "Officials said the Russian- and Iranian-backed Syrian army shelled Idlib.",
        {("russia", "syrian_government"), ("iran", "syrian_government")},
    ),
    ("compound", "An Iran-backed Lebanese group, Hezbollah, denied the report.", {("iran", "hezbollah")}),
    ("compound", "Hezbollah, the Iran-backed militia, sent more men to Syria.", {("iran", "hezbollah")}),
    ("compound", "Turkish-supplied weapons reached the Free Syrian Army.", set()),
    # what stands before "and other" X-backed groups is one of them
    (
        "compound",
        "Fighters of Hezbollah and other Iranian-backed militias held the road to Nubl.",
        {("iran", "hezbollah")},
    ),
    (
        "compound",
        "Jaysh al-Islam, Ahrar al-Sham and several other Saudi-backed factions joined the talks.",
        {("saudi_arabia", "jaysh_al_islam"), ("saudi_arabia", "ahrar_al_sham")},
    ),
    # passive
    (
        "passive",
        "The SDF, a Kurdish-led alliance that holds much of the north-east, is backed by the United States.",
        {("united_states", "sdf")},
    ),
    # a list whose commas a scrape dropped, "the" before an item: closed by "and", it is still a list
    (
        "passive",
        "The SDF, backed by Britain the United States and France, took the town.",
        {("united_kingdom", "sdf"), ("united_states", "sdf"), ("france", "sdf")},
    ),
    # a part of the group named before (and its relative pronoun)
    (
        "passive",
        "The war pits Assad against rebel groups, including some backed by Turkey.",
        {("turkey", "syrian_opposition")},
    ),
    (
        "passive",
        "Assad's forces fought rebel factions, including some that were armed by Qatar and Saudi Arabia.",
        {("qatar", "syrian_opposition"), ("saudi_arabia", "syrian_opposition")},
    ),
    (
        "passive",
        "The Assad regime, propped up by Moscow and Tehran, survived the war.",
        {("russia", "syrian_government"), ("iran", "syrian_government")},
    ),
    (
        "passive",
        "Government forces, supported by Russian air strikes, retook the Aleppo countryside.",
        {("russia", "syrian_government")},
    ),
    (
        "passive",
        "The Syrian army's offensive on Idlib, backed by Russian jets, stalled.",
        {("russia", "syrian_government")},
    ),
    # verbs, relative clauses, accusations, purpose
    ("verb", "Iran has armed, trained and funded Hezbollah for decades.", {("iran", "hezbollah")}),
    ("verb", "The United States stood firmly behind Israel.", {("united_states", "israel")}),
    ("verb", "The Kurdish YPG, which Washington arms, controls Kobani.", {("united_states", "ypg")}),
    (
        "verb",
        "Turkey, which Tehran has accused of backing the Syrian rebels, rejects the charge.",
        {("turkey", "syrian_opposition")},
    ),
    ("verb", "Iran sent military advisers to help Damascus.", {("iran", "syrian_government")}),
    (
        "verb",
        "Washington launched a programme to train and equip Syrian rebels.",
        {("united_states", "syrian_opposition")},
    ),
    # transfers
    ("transfer", "The United States accelerated the delivery of weapons to the SDF.", {("united_states", "sdf")}),
    (
        "transfer",
        "Moscow signed contracts for supplies of air defence systems to Damascus.",
        {("russia", "syrian_government")},
    ),
    (
        "transfer",
        "Saudi Arabia funnelled anti-tank missiles bought in Eastern Europe to the rebels in Syria.",
        {("saudi_arabia", "syrian_opposition")},
    ),
    ("transfer", "The Pentagon provided the SDF with armoured vehicles.", {("united_states", "sdf")}),
    # nouns
    ("noun", "Moscow's backing of Damascus was decisive.", {("russia", "syrian_government")}),
    (
        "noun",
        "Russia, with its military support for Assad, changed the course of the war.",
        {("russia", "syrian_government")},
    ),
    (
        "noun",
        "Qatar, whose funding of Ahrar al-Sham is well documented, denied any role.",
        {("qatar", "ahrar_al_sham")},
    ),
    ("noun", "Putin bombed Syrian cities on Assad's behalf.", {("russia", "syrian_government")}),
    ("noun", "Support from Qatar for the Syrian rebels dried up in 2017.", {("qatar", "syrian_opposition")}),
    # receiving
    ("receive", "The YPG received weapons and ammunition from Washington.", {("united_states", "ypg")}),
    # with
    ("with", "Syrian troops, with Russian air cover, pushed into Palmyra.", {("russia", "syrian_government")}),
    ("with", "The Syrian army retook the town with the support of Hezbollah.", {("hezbollah", "syrian_government")}),
    # the help given with a transfer goes to its receiver, not to its sender
    (
        "with",
        "Iran shipped rockets to Hezbollah with the help of Iraqi militias.",
        {("iraqi_militias", "hezbollah"), ("iran", "hezbollah")},
    ),
    # role nouns
    (
        "role",
        "Assad's main supporters, namely Iran and Russia, stayed silent.",
        {("iran", "syrian_government"), ("russia", "syrian_government")},
    ),
    ("role", "Assad thanked his Russian patrons.", {("russia", "syrian_government")}),
    ("role", "Tehran has been a lifeline to Damascus.", {("iran", "syrian_government")}),
    ("role", "Iran's proxy Hezbollah fired rockets at Israel.", {("iran", "hezbollah")}),
    ("role", "The Houthis, an Iranian proxy, attacked shipping.", {("iran", "houthis")}),
    # fighting
    (
        "fight",
        "Hezbollah fighters have been fighting alongside Syrian troops near Qusayr.",
        {("hezbollah", "syrian_government")},
    ),
    ("fight", "Russia entered the war on the side of Assad in 2015.", {("russia", "syrian_government")}),
    ("fight", "Wagner contractors fought on behalf of the Assad government.", {("wagner", "syrian_government")}),
    (
        "fight",
        "Syrian troops have been fighting alongside Hezbollah near Qusayr.",
        {("hezbollah", "syrian_government")},
    ),
    # thanks
    (
        "thanks",
        "Assad thanked Russia and Iran for their support.",
        {("russia", "syrian_government"), ("iran", "syrian_government")},
    ),
    # stand-ins
    ("stand-in", "Hezbollah lost hundreds of men in Syria. The group is armed by Iran.", {("iran", "hezbollah")}),
    (
        "stand-in",
        "Iraqi militias moved into Abu Kamal. The militia, funded by Tehran, holds the crossing.",
        {("iran", "iraqi_militias")},
    ),
    # infinitives after control verbs, thanks for an owner's support, capitals opening a sentence
    (
        "control",
        "Syria crisis: Britain and France fail to convince EU to arm rebels.",
        {("european_union", "syrian_opposition")},
    ),
    (
        "thanks",
        "Assad thanked Putin for Russia and Iran's support.",
        {("russia", "syrian_government"), ("iran", "syrian_government")},
    ),
    (
        "capital-subject",
        "Moscow accelerated the delivery of weapons to Damascus after the chemical attack.",
        {("russia", "syrian_government")},
    ),
    (
        "role-in-capital",
        "Assad's backers in Moscow and Tehran have stayed quiet on Syria.",
        {("russia", "syrian_government"), ("iran", "syrian_government")},
    ),
    (
        "fight-noun",
        "Russia's military intervention in September 2015 on behalf of Assad turned the war in Syria.",
        {("russia", "syrian_government")},
    ),
    (
        "gerund",
        "Iran has spent billions of dollars propping up Assad's government in Syria.",
        {("iran", "syrian_government")},
    ),
    (
        "object-tail",
        "Russia and Iran kept Assad in power in Syria.",
        {("russia", "syrian_government"), ("iran", "syrian_government")},
    ),
    ("weight", "Moscow has thrown its weight behind Assad's government in Syria.", {("russia", "syrian_government")}),
    ("simple-past", "Iran armed Hezbollah for decades.", {("iran", "hezbollah")}),
    ("simple-past", "Washington armed the SDF.", {("united_states", "sdf")}),
    ("passive-accusation", "Qatar was accused by Syria of funding the Nusra Front.", {("qatar", "jabhat_al_nusra")}),
    # found by reading unlabelled real text outside the dev set (4 Dec 2026)
    (
        "passive-title",
        "In Syria, Assad's troops backed by their ally Russia retook Palmyra.",
        {("russia", "syrian_government")},
    ),
    (
        "passive-demonyms",
        "In Syria, government troops backed by Syrian and Russian jets stormed the town.",
        {("russia", "syrian_government")},
    ),
    (
        "event-by",
        "An Iranian-backed offensive by Syrian government forces retook Albu Kamal.",
        {("iran", "syrian_government")},
    ),
    (
        "event-by-article",
        "The town in northern Syria near neighbouring Turkey became the object of a US-backed push by a "
        "Kurdish-Arab alliance.",
        {("united_states", "sdf")},
    ),
    ("event-target", "Turkey has been the target of a Russian-backed offensive.", set()),
    (  # the subject joins the action backed by another; it does not make it
        "action-joined",
        "Iran sent two thousand troops to Syria to join an offensive backed by Russian warplanes.",
        set(),
    ),
    (  # a comma closes the relative clause opened after the name, whatever clause nests inside it
        "relative-nested",
        "HTS, which led the offensive that toppled Assad, was long backed by Turkey.",
        {("turkey", "hts")},
    ),
    (
        "relative-dashes",
        "Russia - which has propped up Assad since 2015 - also courts the Kurdish militias.",
        {("russia", "syrian_government")},
    ),
    (
        "body-apposition",
        "A Washington-backed alliance of Arab and Kurdish militias, the SDF, entered Raqqa.",
        {("united_states", "sdf")},
    ),
    (
        "acronym",
        "Fighters of the US-backed Syria Democratic Forces (SDF) advanced on Tabqa.",
        {("united_states", "sdf")},
    ),
    (
        "role-title",
        "In Syria, the truce was brokered by rebel sponsor Turkey and Russia.",
        {("turkey", "syrian_opposition")},
    ),
    ("noun-material", "Congress criticised Russian weapons deliveries to Assad.", {("russia", "syrian_government")}),
    ("degree-word", "Washington is arming more moderate Syrian rebels.", {("united_states", "syrian_opposition")}),
    (
        "quoted-word",
        "The White House asks Congress for money to train 'vetted' rebels in Syria.",
        {("united_states", "syrian_opposition")},
    ),
    (
        "fight-object-alongside",
        "Hezbollah fought the Nusra Front alongside the Syrian army near Qusayr.",
        {("hezbollah", "syrian_government")},
    ),
    (
        "stand-in-demonym",
        "Hezbollah buried six men, and the Lebanese group said it fights alongside Assad's army in Syria.",
        {("hezbollah", "syrian_government")},
    ),
    (
        "with-purpose",
        "In Raqqa the SDF is advancing with American support to take the city.",
        {("united_states", "sdf")},
    ),
    (
        "passive-after-acronym",
        "Free Syrian Army (FSA) units supported by Turkish troops took al-Bab in Syria.",
        {("turkey", "free_syrian_army")},
    ),
    (
        "fight-object-words",
        "Washington sent about 400 more marines alongside the SDF in Syria.",
        {("united_states", "sdf")},
    ),
    (
        "passive-led",
        "The SDF, backed by the US-led international coalition, entered Raqqa.",
        {("us_led_coalition", "sdf")},
    ),
    (
        "appos-after-acronym",
        "Ankara shelled the Democratic Union Party (PYD), a US-backed Kurdish party in Syria.",
        {("united_states", "pyd")},
    ),
    (
        "accused-owns-its",
        "US accuses Iran of boasting about its military aid to Syria.",
        {("iran", "syrian_government")},
    ),
    (
        "anti-qualifier",
        "Turkish troops prepare to back anti-Assad rebels in Idlib, Syria.",
        {("turkey", "syrian_opposition")},
    ),
    (
        "condemned-for",
        "Damascus condemned Washington for offering support to rebels in Syria.",
        {("united_states", "syrian_opposition")},
    ),
    ("carry-on", "Iran will carry on backing Assad, says its foreign minister.", {("iran", "syrian_government")}),
    (
        "material-before-noun",
        "Britain halts arms exports to Turkey over its offensive in Syria.",
        {("united_kingdom", "turkey")},
    ),
    ("over-support", "Tehran warns Washington over support for Saudi Arabia.", {("united_states", "saudi_arabia")}),
    ("led-people", "Turkish drones backed HTS-led fighters as they swept into Aleppo.", {("turkey", "hts")}),
    (
        "described-hezbollah",
        "A drone hit a convoy of the Iran-backed Lebanese group in Syria.",
        {("iran", "hezbollah")},
    ),
    (
        "his-government",
        "Iran, Assad's closest ally, has given military aid to his government in Syria.",
        {("iran", "syrian_government")},
    ),
    (
        "its-air-force",
        "Moscow says its air force is backing Syrian government troops.",
        {("russia", "syrian_government")},
    ),
    ("opening-with", "With Iranian help, the Syrian army retook Aleppo.", {("iran", "syrian_government")}),
    (
        "including",
        "Syria accuses Turkey of arming terrorists, including the Nusra Front.",
        {("turkey", "jabhat_al_nusra")},
    ),
    (
        "quantity",
        "Ankara has trained thousands of Syrian National Army fighters.",
        {("turkey", "syrian_national_army")},
    ),
    (
        "double-object",
        "London will give the Syrian opposition £20m in non-lethal aid.",
        {("united_kingdom", "syrian_opposition")},
    ),
    ("secret-aid", "Israel gives secret aid to rebels in southern Syria.", {("israel", "syrian_opposition")}),
    (
        "programme-subject",
        "Trump ends the CIA programme arming rebels in Syria.",
        {("united_states", "syrian_opposition")},
    ),
    (
        "described-iraqi",
        "In Syria, Assad is backed by Shiite militias from Iraq and Lebanon.",
        {("iraqi_militias", "syrian_government")},
    ),
    (
        "participle-clause",
        "Russian troops entered the war in Syria in 2015, backing the forces of the Syrian regime.",
        {("russia", "syrian_government")},
    ),
    (
        "led-and-backed",
        "Raqqa was the goal of an offensive led by the SDF and backed by the US-led coalition.",
        {("us_led_coalition", "sdf")},
    ),
    (
        "quoted-adverbs",
        "Damascus says London is 'directly or indirectly' arming the Nusra Front.",
        {("united_kingdom", "jabhat_al_nusra")},
    ),
    ("contraction", "Iran won't back Assad forever, says an adviser.", {("iran", "syrian_government")}),
    ("aid-to-a-faction", "Britain to double aid to the Syrian opposition.", {("united_kingdom", "syrian_opposition")}),
    (
        "despite-support",
        "In Syria, Assad's army lost Hama despite Russian air support.",
        {("russia", "syrian_government")},
    ),
    ("rule-out", "Hamas ruled out military support for Iran in a war with Israel.", {("hamas", "iran")}),
    (
        "consider",
        "Washington considers more support for the rebels in Syria.",
        {("united_states", "syrian_opposition")},
    ),
    (
        "event-agent-support",
        "The US-led coalition bombed Raqqa to support the offensive of the Kurdish-led SDF.",
        {("us_led_coalition", "sdf")},
    ),
    ("relative-with-the", "The SDF, which the US arms, took Raqqa in 2017.", {("united_states", "sdf")}),
    ("material-subject", "Iranian fuel kept Assad's army afloat through the winter.", {("iran", "syrian_government")}),
    (
        "material-subject-role",
        "Moscow's arms deliveries have long been a lifeline for Damascus.",
        {("russia", "syrian_government")},
    ),
    (
        "owned-material-arrival",
        "Saudi missiles have been flowing to the rebels in Idlib.",
        {("saudi_arabia", "syrian_opposition")},
    ),
    ("in-favour", "Iran's fighters swung the battle for Aleppo in Assad's favour.", {("iran", "syrian_government")}),
    (
        "sum-to-a-party",
        "Qatar has handed over $400m in cash to the Syrian opposition.",
        {("qatar", "syrian_opposition")},
    ),
    ("sum-with-material", "Washington gave $500m in weapons to the Kurdish-led SDF.", {("united_states", "sdf")}),
    (
        "partitive-passive",
        "Kurdish fighters, most of them armed by the US, entered Manbij.",
        {("united_states", "sdf")},
    ),
    (
        "apposition-owned-role",
        "Iran, the Syrian government's main backer, rejected the plan.",
        {("iran", "syrian_government")},
    ),
    ("lend-capital", "Moscow lent Damascus fresh credit last year.", {("russia", "syrian_government")}),
    (
        "fronted-passive",
        "Supported by Iranian advisers, the Syrian army pushed east towards Deir ez-Zor.",
        {("iran", "syrian_government")},
    ),
    ("came-to-rescue", "Tehran came to Assad's rescue when Homs was falling.", {("iran", "syrian_government")}),
    ("rely-adverb", "The SDF depends heavily on American support.", {("united_states", "sdf")}),
    ("receive-adjective", "Damascus has received steady Iranian backing.", {("iran", "syrian_government")}),
    ("on-the-side-of", "Moscow defended its intervention on the side of Assad.", {("russia", "syrian_government")}),
    ("apposition-once-role", "Iran, once Hezbollah's only patron, now shares it with others.", {("iran", "hezbollah")}),
    ("pumped-into", "Riyadh pumped cash and arms into the Syrian opposition.", {("saudi_arabia", "syrian_opposition")}),
    ("weight-behind-capital", "Tehran threw its weight behind Damascus early on.", {("iran", "syrian_government")}),
    (
        "over-its-support",
        "Damascus cut ties with Doha over its support for the Syrian opposition.",
        {("qatar", "syrian_opposition")},
    ),
    (
        "his-backers-leader",
        "Rebels shelled Assad's troops and his Iranian and Russian patrons.",
        {("iran", "syrian_government"), ("russia", "syrian_government")},
    ),
    (
        "led-by-a-and-backed",
        "The push was led by an SDF unit of fighters and backed by US jets.",
        {("united_states", "sdf")},
    ),
    (
        "by-means-article",
        "The SDF, supported by air strikes from a US-led coalition, took Tabqa.",
        {("us_led_coalition", "sdf")},
    ),
    (
        "copula-role-with-title",
        "Iran has been Syrian President Bashar al-Assad's closest backer.",
        {("iran", "syrian_government")},
    ),
    (
        "passive-after-a-closed-relative",
        "Hezbollah, which has lost hundreds of men fighting Isis in Qalamoun, is funded by Iran.",
        {("iran", "hezbollah")},
    ),
    (
        "pro-government-generic",
        "In Syria, pro-regime fighters backed by Russian jets took Palmyra.",
        {("russia", "syrian_government")},
    ),
    (
        "funded-group-not-outlet",
        "The Saudi-funded Jaish al-Islam shelled Damascus.",
        {("saudi_arabia", "jaysh_al_islam")},
    ),
    ("source-of-weapons", "Iran is the main source of weapons for Hezbollah.", {("iran", "hezbollah")}),
    ("us-backed-description", "US-backed fighters pushed into Raqqa.", {("united_states", "sdf")}),
    (
        "us-backed-kurds",
        "Ankara readies a push on the US-backed Kurds in northern Syria",
        {("united_states", "sdf")},
    ),
    (
        "turkish-backed-force",
        "Afrin victory reveals strength of Turkish-backed force",
        {("turkey", "syrian_national_army")},
    ),
    (
        "hyphen-role-title",
        "Syria talks between Russia and rebel-backer Qatar stalled in Astana.",
        {("qatar", "syrian_opposition")},
    ),
    # a past form before "for" is still the verb ("support for" is the noun)
    ("relative-for-years", "Assad, whom Tehran had supported for 13 years, fled.", {("iran", "syrian_government")}),
    (
        "role-emerged-as",
        "Ankara has emerged as the main foreign backer of Damascus.",
        {("turkey", "syrian_government")},
    ),
    # what money went on (a gerund after "spent"), and an actor's pledge or attempt to back
    (
        "spent-keeping-in-power",
        "Iran spent an estimated $30bn keeping Assad in power, a lawmaker said.",
        {("iran", "syrian_government")},
    ),
    ("pledge-to-back", "Russia's pledge to back Assad surprised the West.", {("russia", "syrian_government")}),
    ("attempt-to-arm", "Qatar's attempt to arm the rebels in Syria failed.", {("qatar", "syrian_opposition")}),
    # a fronted participle before "the forces of" its client; a capital after a comma opening a clause
    (
        "fronted-forces-of",
        "Backed by Russian airstrikes, the forces of Syria's President Bashar Assad pressed on.",
        {("russia", "syrian_government")},
    ),
    (
        "comma-capital-clause",
        "A firm friend of the government in Damascus, Moscow widened its backing for Assad.",
        {("russia", "syrian_government")},
    ),
    ("islam-army", "Islam Army has received backing from Saudi Arabia.", {("saudi_arabia", "jaysh_al_islam")}),
    # a people noun closing the relative's antecedent; "whose fighters" as the subject
    (
        "relative-after-people-noun",
        "The Kurdish YPG militia, which Washington backs in the fight against Islamic State, angered Ankara.",
        {("united_states", "ypg")},
    ),
    (
        "whose-fighters",
        "Hezbollah, whose fighters are battling alongside Syrian troops, lost a senior commander.",
        {("hezbollah", "syrian_government")},
    ),
    # a state's shipments are the state's (not a place's oil); a verb between a state and "fighters" (not nationals)
    (
        "oil-shipments-lifeline",
        "Tehran's oil shipments have been a lifeline to Damascus.",
        {("iran", "syrian_government")},
    ),
    (
        "trained-fighters-for",
        "Russia trained fighters for the Syrian army's Fifth Corps.",
        {("russia", "syrian_government")},
    ),
    # a fronted participle's list of backers: the client is the name a verb follows
    (
        "fronted-list",
        "Backed by Russian jets, Iranian advisers and Hezbollah, the Syrian army declared victory in Aleppo.",
        {("russia", "syrian_government"), ("iran", "syrian_government"), ("hezbollah", "syrian_government")},
    ),
    (
        "shiite-apostrophe",
        "Iran-backed Iraqi Shi'ite militias helped Syrian government forces.",
        {("iran", "iraqi_militias"), ("iraqi_militias", "syrian_government")},
    ),
    # a relative clause opened by a pronoun without "which": the name before is its object
    (
        "reduced-relative",
        "Turkey and the Syrian National Army factions it arms and pays launched an offensive on Afrin.",
        {("turkey", "syrian_national_army")},
    ),
    # "his country" is the state named before
    (
        "his-country",
        "Israel's outgoing military chief said his country had supplied light weapons to Syrian rebel groups.",
        {("israel", "syrian_opposition")},
    ),
    # a quantity before the object; an object "it" picks up the topic of the sentence before
    (
        "quantity-object",
        "Israel quietly armed and funded at least a dozen rebel groups in southern Syria.",
        {("israel", "syrian_opposition")},
    ),
    (
        "it-topic",
        "The YPG has been America's most effective partner against Islamic State. Washington has armed it.",
        {("united_states", "ypg")},
    ),
    # a comma list closed by an unnamed conjunct
    (
        "list-closed-unnamed",
        "The White Helmets have been funded by Britain, the United States and other Western governments.",
        {("united_kingdom", "white_helmets"), ("united_states", "white_helmets")},
    ),
    # a name right after a weak cue is its object even when its first word is also a verb ("Free")
    (
        "help-free-syrian-army",
        "Turkish tanks crossed into Syria to help Free Syrian Army fighters drive Islamic State out of Jarablus.",
        {("turkey", "free_syrian_army")},
    ),
    # a passive's agents each after "by"
    (
        "by-and-by",
        "Assad has been backed by Russia and by the Lebanese Hezbollah group.",
        {("russia", "syrian_government"), ("hezbollah", "syrian_government")},
    ),
    # receiving in an adverbial -ing phrase: the clause's subject receives; a place phrase in a passive's client
    (
        "after-receiving",
        "Syrian rebels held the town after receiving weapons from Turkey.",
        {("turkey", "syrian_opposition")},
    ),
    (
        "passive-client-at",
        "Ahrar al-Sham fighters at the base had been supported by al-Nusra militants.",
        {("jabhat_al_nusra", "ahrar_al_sham")},
    ),
    # a restrictive relative (no comma) after a description in apposition; aspect verbs before the gerund
    (
        "restrictive-relative",
        "The YPG, the Kurdish militia that Washington started arming openly in 2017, took Raqqa.",
        {("united_states", "ypg")},
    ),
    # "it" opening a reduced relative: not the group the apposition describes, not the noun before it
    (
        "reduced-relative-it-after-apposition",
        "Iran and Kataib Hezbollah, the Iraqi militia it has funded for years, denied the attack.",
        {("iran", "iraqi_militias")},
    ),
    ("reduced-relative-it", "Iran and the Iraqi militias it funds denied the attack.", {("iran", "iraqi_militias")}),
    ("fight-on-for", "Hezbollah vowed to fight on for Assad.", {("hezbollah", "syrian_government")}),
    (
        "fight-side-by-side-with",
        "Iraqi militias fought side by side with Assad's troops.",
        {("iraqi_militias", "syrian_government")},
    ),
    # reciprocal: listed subjects and "side by side", "together": an edge each way
    (
        "fight-reciprocal",
        "The Nusra Front and Ahrar al-Sham, which fought side by side in Idlib, split in 2017.",
        {("jabhat_al_nusra", "ahrar_al_sham"), ("ahrar_al_sham", "jabhat_al_nusra")},
    ),
    # "they" after a verb of saying: who says it
    (
        "said-they",
        "Hezbollah and the Iraqi militias said on Sunday they would fight alongside Assad's army.",
        {("hezbollah", "syrian_government"), ("iraqi_militias", "syrian_government")},
    ),
    # a material's giver acts through it
    (
        "given-by-subject",
        "Drones supplied by Tehran have helped Assad's army retake Aleppo.",
        {("iran", "syrian_government")},
    ),
    # "a decade in which Tehran armed": the relative's subject, not a preposition's object
    ("in-which", "It ended a decade in which Tehran armed Assad's forces.", {("iran", "syrian_government")}),
    # a chain of participles before "by", the last any verb ("armed and advised by")
    (
        "participle-chain",
        "Assad's forces, trained, armed and advised by Russia, took the town.",
        {("russia", "syrian_government")},
    ),
    # a purpose inside a relative clause opened by a preposition: its own subject, not the sentence's
    (
        "under-which",
        "After US troops left, the SDF struck a deal under which Syrian government troops will deploy to Manbij "
        "to help it repel the Turkish offensive.",
        {("syrian_government", "sdf")},
    ),
    # a passive's agents listed as noun phrases, also fronted
    (
        "passive-np-list",
        "The Syrian army, backed by Russian jets, Iranian advisers and fighters from Hezbollah, took Aleppo.",
        {("russia", "syrian_government"), ("iran", "syrian_government"), ("hezbollah", "syrian_government")},
    ),
    (
        "fronted-passive-np-list",
        "Backed by Russian air strikes and Iranian commanders, the Syrian army took Aleppo.",
        {("russia", "syrian_government"), ("iran", "syrian_government")},
    ),
    # a passive in an adverbial "after being": the clause subject is backed
    (
        "after-being",
        "Assad's forces held Aleppo only after being propped up by Russian air power.",
        {("russia", "syrian_government")},
    ),
    (
        "including-after-a-place",
        "Qatar funded militant groups in Syria, including Ahrar al-Sham.",
        {("qatar", "ahrar_al_sham")},
    ),
    # a compound in apposition describes the group named before it
    (
        "compound-apposition-to-a-name",
        "Jaysh al-Islam, the Saudi-backed rebel group, held Douma.",
        {("saudi_arabia", "jaysh_al_islam")},
    ),
    # a listed compound in a passive's agents: what it backs is the agent
    (
        "passive-listed-compound",
        "Assad's army, helped by Russia and Iranian-backed militias, took Aleppo.",
        {
            ("russia", "syrian_government"),
            ("iran_backed_militias", "syrian_government"),
            ("iran", "iran_backed_militias"),
        },
    ),
    (
        "passive-quantity",
        "Assad's troops, backed by hundreds of Hezbollah fighters, took Qusair.",
        {("hezbollah", "syrian_government")},
    ),
    # a gerund clause opening the sentence: the main clause's subject does it
    ("gerund-opener", "By funding the rebels, Qatar angered Damascus.", {("qatar", "syrian_opposition")}),
    (
        "gerund-opener-to",
        "After deciding to arm the YPG, the Pentagon flew in rifles.",
        {("united_states", "ypg")},
    ),
    # keep X in power, reached through a purpose "to"
    (
        "purpose-keep-in-power",
        "Russian jets flew thousands of sorties to keep Assad in power.",
        {("russia", "syrian_government")},
    ),
    # an object "it" after "kept" (not the subject of "supplied")
    (
        "kept-it-supplied",
        "The SDF holds the north-east. American flights have kept it supplied.",
        {("united_states", "sdf")},
    ),
    # what a group draws from its backer: salaries are given, so the backer is an actor, not a place
    (
        "salaries-from",
        "Free Syrian Army factions received weapons and salaries from the United States.",
        {("united_states", "free_syrian_army")},
    ),
    # an opening "backed by" phrase whose backer is a demonym before a material, then a two-name subject
    (
        "fronted-demonym-material",
        "Backed by Russian helicopters, FSA rebels pushed towards al-Bab.",
        {("russia", "free_syrian_army")},
    ),
    # a measure of a material ("40 tonnes of arms") and an adverb before the client's modifier
    (
        "measure-of-material",
        "American cargo planes dropped 40 tonnes of rifles to fighters of the newly created SDF.",
        {("united_states", "sdf")},
    ),
    # "recruits of" a group are the group
    (
        "recruits-of",
        "Recruits of the Fatemiyoun are fighting beside Assad's army, Iranian media reported.",
        {("fatemiyoun", "syrian_government")},
    ),
    # a material set off by commas with its giver: the giver helps
    (
        "material-given-by-in-commas",
        "The missiles, sold by Moscow last year, have helped the Syrian army defend its bases.",
        {("russia", "syrian_government")},
    ),
    # a description in apposition before a passive: the named group is backed
    (
        "apposition-then-passive",
        "Pushing into Hama were the Tiger Forces, an elite unit trained and advised by Russia.",
        {("russia", "tiger_forces")},
    ),
    # a material before an object relative: its subject gives it to the client (negated when it "never" did)
    (
        "material-object-relative",
        "The mortars that the Pentagon is now cleared to hand to the YPG will be used near Raqqa.",
        {("united_states", "ypg")},
    ),
    (
        "material-object-relative-list",
        "The drones which Iran and Russia delivered to the Syrian army changed the battle for Aleppo.",
        {("iran", "syrian_government"), ("russia", "syrian_government")},
    ),
    # a region after the subject, a list of materials before "from"
    (
        "receive-list-from",
        "Rebel factions in southern Syria received rifles, mortars and cash for wages from Jordan.",
        {("jordan", "syrian_opposition")},
    ),
    # taking part in an actor's offensive
    (
        "spearheaded-owned-offensive",
        "Fatemiyoun fighters spearheaded the Syrian army's drive on Palmyra, state media said.",
        {("fatemiyoun", "syrian_government")},
    ),
    (
        "joined-owned-offensive",
        "Hezbollah took part in Assad's assault on Zabadani.",
        {("hezbollah", "syrian_government")},
    ),
    # "coalition-backed" where the coalition's partner on the ground is named
    ("coalition-backed-sdf", "Coalition-backed SDF units pushed into Tabqa on Sunday.", {("us_led_coalition", "sdf")}),
    # "move" weapons to a client, in a purpose after "used ... as"
    (
        "purpose-move-weapons",
        "Tehran has used Iraqi airspace to move rockets to Hezbollah, according to Western officials.",
        {("iran", "hezbollah")},
    ),
    # an owner's intent noun before "to" and a cue: the owner does it (negated with "not", or a refusal)
    (
        "intent-owner",
        "Ankara's decision to arm the FSA alarmed Moscow.",
        {("turkey", "free_syrian_army")},
    ),
    ("intent-owner-offer", "Qatar's offer to fund the Syrian rebels came in May.", {("qatar", "syrian_opposition")}),
    # the owner named right before the intent noun, as headlines write it, even after a verb set against it; an
    # ownerless intent opposed by the subject is no one's
    (
        "intent-owner-attributive",
        "Paris sees the EU decision to equip the SDF as overdue.",
        {("european_union", "sdf")},
    ),
    (
        "intent-owner-opposed",
        "Kremlin denounces Pentagon plan to arm more Syrian rebel brigades",
        {("united_states", "syrian_opposition")},
    ),
    ("intent-opposed", "Russia opposed the plan to arm the Syrian rebels.", set()),
    ("intent-opposed-transfer", "Turkey rejected any move to send weapons to the YPG.", set()),
    ("intent-own", "Russia announced a plan to arm the Syrian army.", {("russia", "syrian_government")}),
    ("intent-opposed-headline", "Russia slams plan to arm Syrian rebels", set()),
    # a rejecting verb between a name and an intent noun: the name is the subject, not a qualifier of the plan
    (
        "intent-denied-headline",
        "London denies plan to deploy soldiers to support the Libyan authorities",
        {("united_kingdom", "libya")},
    ),
    # "help" before a cue verb: the subject does what the cue says
    ("help-before-cue", "Moscow will help equip the Syrian army, the Kremlin said.", {("russia", "syrian_government")}),
    # "mentors" names a backer
    ("mentors-of", "Hezbollah's Iranian mentors have kept it supplied for decades.", {("iran", "hezbollah")}),
    # a quoted phrase inside a clause does not open a new clause
    (
        "scare-quotes",
        'Paris said Syrian troops had carried out a "massacre" in Daraya with the backing of Iranian militias.',
        {("iran_backed_militias", "syrian_government")},
    ),
    # a comma lost between a place after "in" and the next clause's subject
    (
        "lost-comma-after-place",
        "A steady ally of the government in Damascus Tehran stepped up its support for Assad last year.",
        {("iran", "syrian_government")},
    ),
    # an adjective before the demonym of a passive's agent; a material conjunct then a people conjunct
    (
        "passive-adjective-demonym",
        "Backed by intense Russian bombing and militias paid by Tehran, Syrian troops retook Palmyra.",
        {("russia", "syrian_government")},
    ),
    # two participle phrases after one noun: the noun heading the first is backed by the second's agent
    (
        "chained-participles",
        "Syrian government troops fighting beside Hezbollah and backed by Russian jets broke the siege of Aleppo.",
        {("hezbollah", "syrian_government"), ("russia", "syrian_government")},
    ),
    # a second thing received and its giver after "and"
    (
        "receive-second-from",
        "Jaysh al-Islam drew money from Saudi Arabia and arms from Jordan, diplomats said.",
        {("saudi_arabia", "jaysh_al_islam"), ("jordan", "jaysh_al_islam")},
    ),
    # a fight verb before a name owning "side"
    (
        "fought-on-owners-side",
        "The Wagner group, which has fought on Assad's side, lost dozens of men.",
        {("wagner", "syrian_government")},
    ),
    # "with" two things "from" an actor; a role noun after an apposition closed by a copula
    (
        "with-two-things-from",
        "The National Defence Forces, a militia raised with training and cash from Iran, guard the coast.",
        {("iran", "national_defense_forces")},
    ),
    (
        "role-after-closed-apposition",
        "The National Defence Forces, a militia armed by Iran, have become a mainstay of Assad's army.",
        {("iran", "national_defense_forces"), ("national_defense_forces", "syrian_government")},
    ),
    (
        "funders",
        "Britain, one of the biggest funders of the White Helmets, cut its grant.",
        {("united_kingdom", "white_helmets")},
    ),
    # "salaries of" before the client; a subject credited with a backing gerund
    (
        "salaries-of",
        "Qatar will pay the salaries of Free Syrian Army fighters, a report said.",
        {("qatar", "free_syrian_army")},
    ),
    (
        "credited-with",
        "Iran's intervention is widely credited with saving Assad in 2013.",
        {("iran", "syrian_government")},
    ),
    # "X and its <name> proxies"; a month between subject and verb
    ("and-its-named-proxies", "Iran and its Houthi proxies have stepped up attacks.", {("iran", "houthis")}),
    (
        "month-in-verb-group",
        "Moscow's intervention in September 2015 is credited with rescuing Assad.",
        {("russia", "syrian_government")},
    ),
    # an opening participle phrase's actor is not the subject of a later "and help"
    (
        "opening-phrase-not-subject",
        "Fearing Ankara's advance, the SDF asked for Syrian army troops to deploy and help it hold Manbij.",
        set(),
    ),
    # a passive with no "by": the giver runs the programme named after it
    (
        "programme-agent",
        "Rebels trained under a Pentagon programme crossed into Syria in July.",
        {("united_states", "syrian_opposition")},
    ),
    (
        "programme-agent-apposition",
        "Jaysh al-Izza, an FSA group that was armed through a covert CIA program, held out in northern Hama.",
        {("united_states", "jaysh_al_izza")},
    ),
    # the Druze factions named by their leader's men
    (
        "druze-leader-owned",
        "Damascus accused Israel of arming al-Hijri's fighters in Sweida in 2025.",
        {("israel", "druze_factions")},
    ),
    # the singular name of the pro-Assad militia
    ("ndf-singular", "Iran trained the National Defence Force in 2013.", {("iran", "national_defense_forces")}),
    # a group named with its own noun phrase ("terrorist organisation") before a relative clause
    (
        "organisation-noun",
        "The YPG militant organisation, which received weapons from the US in 2017, held Raqqa.",
        {("united_states", "ypg")},
    ),
    # an opening participle phrase whose comma a scrape dropped; a name the backers' list took past the comma is
    # the subject; means after "with" that a support noun ends
    (
        "fronted-no-comma",
        "Backed by Moscows jets and advisers Assads army has retaken Aleppo.",
        {("russia", "syrian_government")},
    ),
    (
        "fronted-list-past-comma",
        "Backed by Turkish tanks and jets, Free Syrian Army units drove Isis out of Jarablus.",
        {("turkey", "free_syrian_army")},
    ),
    (
        "with-means-backing-for",
        "The coalition is fighting Isis with air strikes and backing for the SDF.",
        {("us_led_coalition", "sdf")},
    ),
]

LOOKALIKES = [
    ("claim", "France backs claims that Syria used chemical weapons."),
    ("sanctions", "Congress voted to support Iran sanctions."),
    ("policy", "Turkey's support for U.S. policies in the region has limits."),
    ("resolution", "Russia supported the UN resolution on Aleppo."),
    ("leadership", "The US-led coalition struck ISIS positions near Raqqa."),
    ("leadership", "The HTS-led offensive reached Aleppo."),
    ("origin", "Russian-made jets flown by Syrian pilots struck Idlib."),
    ("place", "The Britain-based Syrian Observatory reported 20 deaths."),
    ("brokered", "The Russian-brokered truce in Idlib collapsed."),
    ("alignment", "Iran-aligned militias crossed the border. Ankara is an ally of Moscow."),
    ("national", "An American fighting for Isis was captured near Raqqa."),
    ("designation", "HTS was designated a terrorist organisation by the US."),
    ("humanitarian", "The UN sent humanitarian aid to Syrians in Idlib."),
    ("help-idiom", "Russia helped broker a deal between Turkey and Iran."),
    ("condemnation", "Iran condemned the US strikes on Syrian army positions."),
    ("bare-aid", "UK to send aid to Turkey and Syria after the earthquake, says minister."),
    ("bare-aid-to-a-state", "London to double aid to Jordan as refugees arrive."),
    ("qualifier", "UK to support French centre to house asylum seekers away from Calais."),
    ("passive-opening", "Beirut rocked by huge explosion as Hezbollah and Israel trade fire."),
    ("role-crossing", "Britain called Russia's veto a lifeline for Assad's critics."),
    ("opponents", "Turkey armed Assad's opponents in Syria."),
    ("re-election", "Rebels shelled a rally in support of Assad's re-election in Syria."),
    ("charge", "As Biden stood by his charge that Assad's forces gassed Douma, Moscow disagreed."),
    ("verb-in-object-gap", "Washington to arm Syrian Kurds fighting Isis."),
    ("unnamed-owner", "Berlin and Beijing clash over the west's supply of weapons to Ukraine."),
    ("despite-strikes", "Isis pressed on towards Kobani despite American air strikes."),
    ("purpose-verb", "Paris announced more military aid to combat Isis in Iraq."),
    ("plural-before-noun", "Rising Ukraine tensions threaten aid to Syria's displaced families."),
    ("national-urges", "A British volunteer urges support for Syria's Kurds."),
    ("preposition-before-noun", "Nato voiced solidarity with Turkey over Syria airstrikes."),
    ("quoted-phrase", "Macron defends 'brain-dead Nato' remarks before the summit."),
    ("sum-to-a-state", "The EU promised $3bn to Turkey to house refugees."),
    ("bare-aid-sum-to-a-state", "Britain is giving £50m aid to Lebanon this year."),
    ("side-of-the-border", "Shells landed on Turkey's side of the border near Kilis."),
    ("office", "Assad will stand again for president, Damascus said, as Iraq watched."),
    ("opposition-as-stance", "Turkey restated its opposition to arming the YPG."),
    ("gerund-opener-without-a-backer", "After arming the rebels, the smugglers left Turkey."),
    ("worked-together", "Russia and Turkey worked together on a ceasefire."),
    # backing strikes on a named actor, suffering under strikes, backing an assessment: not backing the actor
    ("back-isis-air-strikes", "Cameron urged MPs to back Isis air strikes in Syria."),
    ("suffering-under-strikes", "Merkel was horrified by the suffering under Russian airstrikes in Aleppo."),
    ("backs-an-assessment", "Britain backs the US assessment on chemical weapons use in Syria."),
    ("supports-a-states-unity", "Egypt reaffirms its support for Syria's unity and territorial integrity."),
]


def test_the_sender_of_those_who_do_a_purpose_backs_its_client_too():
    # "sent X to help Y": X helps Y, and so does whoever sent X (also after "which ... and sent")
    _, got = edges_of("In 2013 Iran sent Hezbollah units to help Assad hold Qusayr.", "2013-06-01")
    assert got == {("hezbollah", "syrian_government"), ("iran", "syrian_government")}
    text = "Tehran, which spent billions and sent Hezbollah units to help Assad, lost its land route."
    assert ("iran", "syrian_government") in edges_of(text, "2018-06-01")[1]
    # urging is not sending
    assert edges_of("Iran urged Hezbollah to help Assad.", "2013-06-01")[1] == {("hezbollah", "syrian_government")}


def test_a_second_verb_shares_the_backing_verbs_object():
    assert edges_of("Ankara denies it has armed or steered HTS.", "2019-01-01")[1] == {("turkey", "hts")}
    # an adverb of time before the second verb: a new action, not a shared object
    assert edges_of("Moscow armed and later dropped the Kurds of the YPG.", "2019-01-01")[1] == set()


def test_an_actions_behalf_may_stand_a_few_words_after_it():
    text = "Iran's campaign in Syria on behalf of Assad cost it billions."
    assert edges_of(text, "2016-01-01")[1] == {("iran", "syrian_government")}


def test_the_examples_of_an_object_are_objects_too():
    text = "Riyadh funded several rebel factions, including Jaysh al-Islam and Ahrar al-Sham."
    assert edges_of(text, "2015-01-01")[1] == {
        ("saudi_arabia", "syrian_opposition"),
        ("saudi_arabia", "jaysh_al_islam"),
        ("saudi_arabia", "ahrar_al_sham"),
    }


def test_a_passive_phrase_after_a_clause_and_its_comma_backs_the_clause_subject():
    text = "Government troops pushed into eastern Aleppo, supported by Russian jets and Iraqi militias."
    assert edges_of(text, "2016-11-01")[1] == {("russia", "syrian_government"), ("iraqi_militias", "syrian_government")}


def test_helping_to_found_a_force_is_backing_it():
    assert edges_of("Tehran helped to set up the National Defence Forces in 2012.", "2014-01-01")[1] == {
        ("iran", "national_defense_forces")
    }
    # "help" alone before a purpose verb stays weak: the object is fought
    assert edges_of("Iran helped fight Isis in Iraq.", "2015-01-01")[1] == set()


@pytest.mark.parametrize("shape, text, expected", SHAPES, ids=[f"{s}-{i}" for i, (s, _, _) in enumerate(SHAPES)])
def test_shape(shape, text, expected):
    _, got = edges_of(text)
    assert expected <= got, text
    assert not (got - expected), f"unexpected edges {got - expected} in: {text}"


@pytest.mark.parametrize("kind, text", LOOKALIKES, ids=[k for k, _ in LOOKALIKES])
def test_lookalikes_are_not_backing(kind, text):
    _, got = edges_of(text)
    assert got == set(), text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause with no pronoun after a name, or after a description in apposition, closed by its verb
        ("Clashes pitted Hezbollah against the Syrian rebels Riyadh funds.", {("saudi_arabia", "syrian_opposition")}),
        (
            "Raqqa fell to the SDF, the Kurdish-led militia Washington has trained since 2015.",
            {("united_states", "sdf")},
        ),
        # the verb has an object of its own: no relative clause
        ("Analysts in Syria say Iran backs the plan.", set()),
    ],
)
def test_a_relative_clause_without_a_pronoun(text, expected):
    assert edges_of(text)[1] == expected, text


def test_it_after_a_second_verb_is_the_first_verbs_object():
    # "arming the SNA and paying it": it = the SNA, not the group the sentence before named
    text = "The SDF held Manbij for years. Ankara has been arming the SNA and paying it since 2017, critics said."
    assert edges_of(text, "2020-01-01")[1] == {("turkey", "syrian_national_army")}


def test_a_second_verb_of_the_subject_is_no_word_of_its_object():
    # "received Iranian rockets and dispatched fighters to": the subject sends, not the rockets' maker
    text = "Hezbollah received Iranian rockets and dispatched fighters to defend Assad in Qusayr."
    assert edges_of(text, "2013-06-01")[1] == {("iran", "hezbollah"), ("hezbollah", "syrian_government")}


def test_a_leaders_weight_behind_and_defending_a_place_beside():
    # "thrown his weight behind": a leader's weight is his group's; defending a place beside an actor is fighting
    text = "In Darfur, Hemedti has thrown his weight behind the army chief."
    assert edges_of(text, "2021-10-27", ["sudan"])[1] == {("rapid_support_forces", "sudanese_armed_forces")}
    text = (
        "In Darfur, the joint forces, a coalition of armed movements that defended El Fasher alongside the army, fell."
    )
    assert edges_of(text, "2025-10-28", ["sudan"])[1] == {("darfur_joint_force", "sudanese_armed_forces")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # being behind an actor's action backs the actor; behind an action with no actor's name, nothing
        ("Tehran denies it is behind Hezbollah's rocket fire.", {("iran", "hezbollah")}),
        ("Washington was behind the SDF offensive on Raqqa.", {("united_states", "sdf")}),
        ("Moscow was behind the strike on the convoy near Aleppo.", set()),
    ],
)
def test_being_behind_an_actors_action(text, expected):
    assert edges_of(text, "2017-06-01")[1] == expected, text


def test_a_relative_clause_on_the_members_of_an_apposition_backs_its_head():
    # "the SNA, an umbrella of former rebel factions that Ankara funds": the SNA is funded, not "the rebels"
    text = "The Syrian National Army, an umbrella of former rebel factions that Ankara funds, seized Tal Rifaat."
    assert edges_of(text, "2024-12-02")[1] == {("turkey", "syrian_national_army")}


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # a state called by its form stands for the last state named
        (
            "Riyadh hosted the opposition's talks. The kingdom had armed Syrian rebels since 2013, officials said.",
            "2016-05-08",
            {("saudi_arabia", "syrian_opposition")},
        ),
        (
            "Doha reopened its embassy. The Gulf emirate, a longtime patron of the Syrian rebels, pledged aid.",
            "2025-02-01",
            {("qatar", "syrian_opposition")},
        ),
        # the topic of the sentence before, not the last state it names
        (
            "Qatar will fund the Syrian rebels with Washington's blessing. The emirate is one of their main patrons.",
            "2016-05-08",
            {("qatar", "syrian_opposition")},
        ),
        # fighting under an actor's banner, by the name a participle describes
        (
            "Sanctions hit the al-Baraa bin Malik Brigade, a militia fighting under the army's banner against the RSF.",
            "2025-09-12",
            {("al_baraa_bin_malik_brigade", "sudanese_armed_forces")},
        ),
        # the state that owes the wage bill part of which is paid
        (
            "Qatar will bankroll part of Syria's public-sector wage bill for three months.",
            "2025-05-08",
            {("qatar", "syrian_transitional_government")},
        ),
    ],
)
def test_state_stand_ins_banners_and_wage_bills(text, date, expected):
    pack = "sudan" if "RSF" in text else None
    assert edges_of(text, date, pack)[1] == expected, text


def test_largesse_toward_and_a_passive_after_a_unit_of_men():
    # a support noun before "toward"; a passive after an apposition naming a unit "of" its men
    text = "Emirati largesse toward the RSF has grown since 2023, diplomats say."
    assert edges_of(text, "2024-06-01", "sudan")[1] == {("united_arab_emirates", "rapid_support_forces")}
    text = "The Fatemiyoun, a brigade of Afghan Shia volunteers armed by the Revolutionary Guards, fought in Aleppo."
    assert ("irgc", "fatemiyoun") in edges_of(text, "2016-01-29")[1]


def test_a_name_after_a_fronted_preposition_is_no_list_item():
    # "Under Assad, the group received": Assad is not one of those who receive
    text = "Qusayr was long a stronghold of Hezbollah. Under Assad, the group received a steady flood of Iranian arms."
    assert edges_of(text, "2025-06-05")[1] == {("iran", "hezbollah")}


def test_the_last_name_after_between_and_a_backer_is_the_other_side():
    text = "Heavy clashes broke out between SNA factions backed by Turkey and the SDF near Manbij."
    assert edges_of(text, "2025-01-10")[1] == {("turkey", "syrian_national_army")}
    text = "Fighting between Syrian government forces backed by Russia and Iran and rebel groups went on near Aleppo."
    _, got = edges_of(text, "2016-03-01")
    assert got == {("russia", "syrian_government"), ("iran", "syrian_government")}


def test_compounds_do_not_cross():
    _, got = edges_of("The Turkish-supported rebels and the US-backed SDF clashed near Manbij.")
    assert ("united_states", "sdf") in got and ("turkey", "sdf") not in got


def test_the_opponents_of_an_actor_are_not_that_actor():
    _, got = edges_of("In Syria, the opponents of Assad agreed military support to the rebels.")
    assert not any(b == "syrian_government" for b, _ in got)


@pytest.mark.parametrize(
    "text, modality, attributed",
    [
        ("Syria accused Turkey of arming the rebels.", "alleged", "syrian_government"),
        ("Qatar was accused by Syria of funding the Nusra Front.", "alleged", "syrian_government"),
        ("Turkey, which Tehran has accused of backing the Syrian rebels, rejects the charge.", "alleged", "iran"),
        ("Activists say Hezbollah fighters are fighting for Assad.", "asserted", "activists"),
        ("The Pentagon said it had airdropped ammunition to the SDF.", "asserted", "united_states"),
        ("Russia is arming the SDF, according to Turkish officials.", "alleged", "turkey"),
        ("Iran has armed Hezbollah for decades.", "asserted", ""),
        ("Qatar denied funding the Nusra Front.", "denied", ""),
        ("Turkey denied that it had supplied weapons to Hayat Tahrir al-Sham.", "denied", ""),
        ("Qatar rejected claims that it funds the Nusra Front.", "denied", ""),
        ("Iran would consider sending troops to help Assad.", "possible", ""),
        ("The rockets which Iran says it never passed to Hezbollah hit Haifa.", "denied", ""),
        ("Jordan has made no decision to arm the Syrian rebels, its minister said.", "denied", ""),
        ("Turkey has so far stopped short of openly arming the Syrian rebels.", "denied", ""),
    ],
)
def test_modality_and_attribution(text, modality, attributed):
    s, _ = edges_of(text, "2016-06-01")
    assert len(s), text
    row = s.iloc[0]
    assert (row.modality, row.attributed_to) == (modality, attributed), text


@pytest.mark.parametrize(
    "text, support_type",
    [
        ("The Syrian rebels were armed by Washington.", "weapons"),
        ("Syrian troops, with Russian air cover, retook Palmyra.", "air_power"),
        ("The US-backed SDF holds Raqqa.", "unspecified"),
        ("Qatar funded Ahrar al-Sham.", "funding"),
        ("Syrian rebels were trained by the United States.", "training"),
        ("Iran sent military advisers to Damascus.", "advisers"),
        ("Russia voiced its diplomatic support for Assad.", "political"),
    ],
)
def test_support_types(text, support_type):
    s, _ = edges_of(text, "2016-06-01")
    assert len(s), text
    assert s.support_type.astype(str).iloc[0] == support_type, text


SUDAN = [
    (
        "accused-of-by-gerund",
        "Port Sudan accused the UAE of prolonging the war by supplying the RSF.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    (
        "siding-with",
        "Moscow blocked the resolution on Sudan, siding with the army against the RSF.",
        {("russia", "sudanese_armed_forces")},
    ),
    (
        "material-from",
        "Weapons from the UAE reached the RSF through Chad.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    ("role-copula-the", "Egypt has been the Sudanese army's most steady backer.", {("egypt", "sudanese_armed_forces")}),
    (
        "supply-verb",
        "Khartoum accused Haftar's forces of supplying the RSF in Darfur.",
        {("libyan_national_army", "rapid_support_forces")},
    ),
    ("military-positions", "Drones struck Wagner-backed RSF positions in Sudan.", {("wagner", "rapid_support_forces")}),
    # "accusing it of": the pronoun is the one accused (named before), not the accuser
    (
        "accusing-it-of",
        "Sudan's government severed ties with Abu Dhabi, accusing it of backing the paramilitaries.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    # the accused, not the accuser, does what is "in support of"; "the Emirates" is the state
    (
        "accused-in-support-of",
        "Hemedti accused Egypt of bombing his forces in support of the army.",
        {("egypt", "sudanese_armed_forces")},
    ),
    (
        "the-emirates",
        "The paramilitaries are armed and financed by the Emirates, Sudan's envoy said.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    # a description naming both sides says no one backs which: no edge
    ("warring-sides", "Regional powers such as Abu Dhabi and Cairo back the warring sides in Sudan.", set()),
    # the accused of a passive "accused of" in apposition; a second "of" after "and"; a capital before ", which";
    # arms "bound for" an actor
    (
        "accused-apposition",
        "Russia, once accused of arming the RSF, has pivoted toward the army.",
        {("russia", "rapid_support_forces")},
    ),
    (
        "accused-of-and-of",
        "Hemedti accused Egypt of bombing his fighters and of supplying the army with drones.",
        {("egypt", "sudanese_armed_forces")},
    ),
    (
        "capital-which",
        "Tehran, which restored ties with Port Sudan, has shipped drones to Burhan's forces.",
        {("iran", "sudanese_armed_forces")},
    ),
    (
        "bound-for",
        "The envoy spoke of Emirati arms bound for the RSF.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    # "it" is not an actor named after a preposition ("including from U.N. monitors")
    (
        "it-not-after-preposition",
        "Abu Dhabi rejects claims, including from U.N. monitors, that it supplies weapons to the RSF.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    # from an independent batch: a compound before "army"; "on the army's side" inside an apposition; the accused
    # list; an arms pipeline; "kept X supplied"; "has begun arming"; "by arming" after a noun phrase
    (
        "compound-army",
        "Egypt-backed army retakes presidential palace in Khartoum",
        {("egypt", "sudanese_armed_forces")},
    ),
    (
        "apposition-side",
        "The Al-Baraa Bin Malik Brigade, an Islamist battalion fighting on the army's side, lost men in Sudan.",
        {("al_baraa_bin_malik_brigade", "sudanese_armed_forces")},
    ),
    (
        "accused-list",
        "The RSF has accused Iran and Turkey of supplying the army with drones.",
        {("iran", "sudanese_armed_forces"), ("turkey", "sudanese_armed_forces")},
    ),
    (
        "pipeline",
        "Emirati arms pipeline to RSF runs through Chad, probe finds",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    (
        "kept-supplied",
        "Emirati cargo flights have kept the RSF supplied through eastern Chad.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    (
        "begun-arming",
        "Satellite images suggest Tehran has begun arming Sudan's army.",
        {("iran", "sudanese_armed_forces")},
    ),
    (
        "complicity-by-arming",
        "Sudan accused the UAE of complicity in genocide against the Masalit by arming the RSF.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    # the accused before ", which X accuses of", whoever X is (here a capital out of use as an actor)
    (
        "which-accuses-of",
        "The court threw out the case against the UAE, which Khartoum accuses of arming the RSF.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    # what is given, to whom, then from whom: the giver after "from" is an actor, not a place
    (
        "shipments-to-from",
        "Arms shipments to the RSF from the UAE continued despite the embargo.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    # a material given by someone reaching someone else
    (
        "given-by-reached",
        "Weapons re-exported by the UAE have turned up in the hands of the RSF in Darfur.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    # joining a party in an action; "or had sent": the subject of the first verb
    (
        "joined-in-an-assault",
        "Sudan's army accused Haftar's forces of joining the RSF in an assault on border posts.",
        {("libyan_national_army", "rapid_support_forces")},
    ),
    ("joins-in-opposing", "China joins Russia in opposing strikes on Sudan's army.", set()),
    (
        "or-had-sent",
        "Prigozhin denied that Wagner had any fighters in Sudan or had sent weapons to the RSF.",
        {("wagner", "rapid_support_forces")},
    ),
    # both sides of the war as the client of one backer (never as a backer); "either of"
    (
        "either-of-the-warring-parties",
        "The UAE denies arming either of the warring parties in Sudan.",
        {("united_arab_emirates", "rapid_support_forces"), ("united_arab_emirates", "sudanese_armed_forces")},
    ),
    ("the-warring-parties-as-backers", "In Sudan the warring parties back Darfur's armed movements.", set()),
    # who joins a party, named through its leader's possessive
    (
        "joined-by",
        "Army troops, joined by Abu Aqla Kaikal's Sudan Shield Forces, recaptured Wad Madani.",
        {("sudan_shield_forces", "sudanese_armed_forces")},
    ),
    # putting fighters at someone's disposal
    (
        "at-the-disposal-of",
        "The Sudan Liberation Army placed its fighters at the disposal of Sudan's army.",
        {("sudan_liberation_army", "sudanese_armed_forces")},
    ),
    # a gerund after "in exchange for": the clause subject does it
    (
        "in-exchange-for",
        "Russia has asked for a naval base in exchange for supplying Sudan's army with weapons.",
        {("russia", "sudanese_armed_forces")},
    ),
    # people moved for a client: trained, recruited (a transfer of troops)
    ("trained-for", "Eritrea has trained fighters for the Sudanese army.", {("eritrea", "sudanese_armed_forces")}),
    # an opening "backed by" phrase: the description after its comma is the subject, not an apposition
    (
        "fronted-backed-by-then-description",
        "Backed by the Joint Forces of Darfur, the army pushed the RSF out of El Fasher's airport.",
        {("darfur_joint_force", "sudanese_armed_forces")},
    ),
    # a passive's agent named through examples ("such as", "including")
    (
        "passive-such-as",
        "Sudan's army is increasingly backed by Islamist units such as the al-Baraa bin Malik Brigade.",
        {("al_baraa_bin_malik_brigade", "sudanese_armed_forces")},
    ),
    # a description in apposition continued by a relative clause describes the last name only
    (
        "listed-then-described-relative",
        "The US sanctioned Gibril Ibrahim and the al-Baraa bin Malik Brigade, an armed unit that fights for"
        " Sudan's army.",
        {("al_baraa_bin_malik_brigade", "sudanese_armed_forces")},
    ),
    # "with" an actor, then "and" a second verb: no "with ... support" phrase
    (
        "with-then-and-verb",
        "The al-Baraa bin Malik Brigade trains with the Sudanese army and receives weapons from abroad.",
        set(),
    ),
    # "army" without its article in a headline, after a preposition or a backing verb
    (
        "headline-bare-army",
        "Keikal's Sudan Shield Forces switch sides to fight for army",
        {("sudan_shield_forces", "sudanese_armed_forces")},
    ),
    ("headline-backs-army", "Cairo backs army as RSF closes in on El Fasher", {("egypt", "sudanese_armed_forces")}),
    # defecting to an armed faction, or joining it with one's men
    (
        "defected-to",
        "Kaikal's Sudan Shield Forces defected to the army in October.",
        {("sudan_shield_forces", "sudanese_armed_forces")},
    ),
    (
        "recruited-for",
        "The UAE recruited Colombian mercenaries for the RSF, an investigation found.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    # his government named as his, at any date
    (
        "bashirs-government",
        "The Janjaweed, whom Bashir's government armed and paid, terrorised Darfur.",
        {("sudanese_government", "janjaweed")},
    ),
    # a participle after the verb's object tells what the subject does
    (
        "participle-after-object",
        "Egypt has hosted Burhan in Cairo, sending drones to the army.",
        {("egypt", "sudanese_armed_forces")},
    ),
    # a long description in apposition continued by a relative clause; an accused fighting on another's side
    (
        "joint-force-described",
        "The Joint Force, an alliance of former Darfuri rebel groups that has fought alongside the army, held out.",
        {("darfur_joint_force", "sudanese_armed_forces")},
    ),
    (
        "accused-on-the-side",
        "Khartoum accused the Libyan strongman of fighting on the RSF's side near the border.",
        {("libyan_national_army", "rapid_support_forces")},
    ),
    # a headline's bare "army" after a backing verb; a denial as a headline's second verb; the accused sends the
    # fighters a purpose names; the owned name after a possessive is the object; a thing's use names no doer
    (
        "bare-army-headline",
        "Sudan war: Turkey accused of supplying army with drones",
        {("turkey", "sudanese_armed_forces")},
    ),
    (
        "denies-after-comma",
        "UAE rejects Port Sudan claims, denies arming RSF",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    (
        "accused-sends-to-fight",
        "Khartoum accuses Chad of recruiting mercenaries to fight for the RSF.",
        {("chad", "rapid_support_forces")},
    ),
    ("used-to", "UN experts said the airstrip is used to fly weapons to the RSF.", set()),
    # a relative clause with a singular verb after a list belongs to the last item
    (
        "singular-relative",
        "Washington sanctioned Gibril Ibrahim and the al-Baraa bin Malik Brigade, which has sent fighters to the army's"
        " side in Sudan.",
        {("al_baraa_bin_malik_brigade", "sudanese_armed_forces")},
    ),
    # the material's own origin gives, not the clause's subject; "in support of army" in a headline
    (
        "flow-of-demonym-weapons",
        "Sudan's Sovereignty Council condemned the flow of Emirati weapons to the RSF.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    (
        "support-of-bare-army",
        "Hemedti accuses Egyptian jets of strikes in support of army in Sudan",
        {("egypt", "sudanese_armed_forces")},
    ),
    # a headline's list without "and" before a plural group noun, its leaders' first names
    (
        "headline-leaders-list",
        "Minnawi, Gibril movements drop neutrality to fight alongside Sudan's army",
        {
            ("sudan_liberation_army", "sudanese_armed_forces"),
            ("justice_and_equality_movement", "sudanese_armed_forces"),
        },
    ),
    # accused after a relative clause set off by commas; "his fighters": the leader named before
    (
        "accused-after-relative",
        "Wagner, which courted Hemedti for years, has also been accused of supplying his fighters with missiles.",
        {("wagner", "rapid_support_forces")},
    ),
    # the groups' own men after "their": each group fights
    (
        "their-fighters",
        "The SLA and the JEM dropped their neutrality, saying their fighters would fight alongside Sudan's army.",
        {
            ("sudan_liberation_army", "sudanese_armed_forces"),
            ("justice_and_equality_movement", "sudanese_armed_forces"),
        },
    ),
    # found complicit by doing: the one found complicit does it
    (
        "complicit-by",
        "Khartoum wants the court to find the UAE complicit in the killings by arming the RSF.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    # a list of groups each owned by its leader ("A's X and B's Y"), read backward and forward
    (
        "leaders-groups",
        "Jibril Ibrahim's JEM and Minni Minnawi's SLA now fight for the army in Darfur.",
        {
            ("justice_and_equality_movement", "sudanese_armed_forces"),
            ("sudan_liberation_army", "sudanese_armed_forces"),
        },
    ),
    (
        "leaders-groups-side",
        "Units of Minni Minnawi's SLA and Jibril Ibrahim's JEM moved north to fight on the army's side.",
        {
            ("sudan_liberation_army", "sudanese_armed_forces"),
            ("justice_and_equality_movement", "sudanese_armed_forces"),
        },
    ),
    # a predicate noun before the passive participle; recruits trained for a force
    (
        "predicate-passive",
        "The RSF was a clandestine network bankrolled by the UAE.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    ("recruits", "Eritrea trains recruits for the Sudanese army near Kassala.", {("eritrea", "sudanese_armed_forces")}),
    # a hyphenated transfer verb wakes the shape as the text is read ("re exported"); bombs are weapons
    (
        "re-exported",
        "Investigators say the UAE re-exported Serbian mortar bombs to the RSF.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    # a particle between the giving participle and "by"
    (
        "flown-in-by",
        "Officers say rifles flown in by the UAE have been reaching the RSF through Chad.",
        {("united_arab_emirates", "rapid_support_forces")},
    ),
    ("flown-in-by-helped", "Drones flown in by Iran have helped Sudan's army.", {("iran", "sudanese_armed_forces")}),
]


@pytest.mark.parametrize("shape, text, expected", SUDAN, ids=[s for s, _, _ in SUDAN])
def test_shape_with_the_sudan_pack(shape, text, expected):
    c = corpus_of([text], "2024-05-01")
    s = h.extract_support(c, h.tag_mentions(c, gazetteer="sudan"))
    assert set(zip(s.backer.astype(str), s.client.astype(str))) == expected, text


def test_the_name_owned_after_a_possessive_heads_the_object():
    c = corpus_of(["Khartoum accused Kenya of backing the RSF's parallel government."], "2025-08-01")
    s = h.extract_support(c, h.tag_mentions(c, gazetteer="sudan"))
    assert set(zip(s.backer.astype(str), s.client.astype(str))) == {("kenya", "rsf_parallel_government")}


@pytest.mark.parametrize(
    "date, text, expected",
    [
        # a speech verb's word inside a name ("Islamic State") opens no new clause
        ("2015-02-01", "The YPG drove Islamic State from Kobane with US help.", {("united_states", "ypg")}),
        # "once more" is an adverb, not a clause opener
        (
            "2016-02-01",
            "Syrian troops retook the town once more with support from Russian jets.",
            {("russia", "syrian_government")},
        ),
        # a partial quote that opens on a preposition continues the clause
        (
            "2016-02-01",
            'Russian jets then intervened "in support of the Syrian army", a general said.',
            {("russia", "syrian_government")},
        ),
        # a participle phrase between dashes, and an unnamed first agent before the named one
        ("2016-02-01", "Syrian troops - backed by Russian jets - retook the town.", {("russia", "syrian_government")}),
        (
            "2016-02-01",
            "Syrian troops, backed by regime and Russian air raids, took two hamlets near Palmyra.",
            {("russia", "syrian_government")},
        ),
        # "backers in" a seat of government: the state whose seat it is
        ("2016-02-01", "Assad and his backers in the Kremlin dismissed the report.", {("russia", "syrian_government")}),
        # an ownerless support noun after "over": the lone subject taken to task gives it
        ("2013-06-01", "Jordan faces criticism over assistance to Syrian rebels.", {("jordan", "syrian_opposition")}),
        # the ownerless noun names no backer; the record's reading says which of the two backs the rebels
        ("2013-06-01", "Russia and Turkey clash over support for Syrian rebels.", {("turkey", "syrian_opposition")}),
        # a name right before "support for" acts, even after "over"
        ("2016-06-01", "Turkey angry over US support for the YPG.", {("united_states", "ypg")}),
        # a one-word place between a subject and its verb
        ("2025-09-01", "Druze fighters in Sweida receive weapons from Israel.", {("israel", "druze_factions")}),
        # "said to be" before a passive; a speaker before a relative passive is not its client
        ("2016-05-05", "Hezbollah, said to be armed by Iran, holds Qusair.", {("iran", "hezbollah")}),
        ("2016-05-05", "The SDF, which Turkish officials say is armed by the PKK, holds Raqqa.", {("pkk", "sdf")}),
        # "whose backer is", "whose proxy"
        ("2016-05-05", "Hezbollah, whose main backer is Iran, fought in Syria.", {("iran", "hezbollah")}),
        # a name owned by another, itself the owner of a look-alike: the look-alike is backed, not the name
        ("2025-03-01", "Washington backed Syria's new government's bid to join the anti-Isis coalition.", set()),
        # two subjects, each with its own passive apposition: the second is no agent of the first
        (
            "2017-06-01",
            "Syrian government troops, backed by Russia, and the SDF, supported by the US, raced for Deir ez-Zor.",
            {("russia", "syrian_government"), ("united_states", "sdf")},
        ),
        # two nouns joined by "and" after "whose"
        (
            "2025-03-12",
            "Turkey, whose drones and advisers have helped the new Syrian army, condemned the killings.",
            {("turkey", "syrian_transitional_government")},
        ),
        ("2016-05-05", "Iran, whose proxy Hezbollah fought in Syria, denied it.", {("iran", "hezbollah")}),
        # turning or leaning on an actor for a material
        ("2016-05-05", "Assad leaned on Russia for air power.", {("russia", "syrian_government")}),
        # depending on a material, and on a second actor's people
        (
            "2016-05-05",
            "Assad's survival has depended on Iranian money and Hezbollah fighters.",
            {("iran", "syrian_government"), ("hezbollah", "syrian_government")},
        ),
        # two materials received, each qualified by its giver, one named by its model
        (
            "2024-05-05",
            "Assad's army has received Iranian drones and Russian Su-34s.",
            {("iran", "syrian_government"), ("russia", "syrian_government")},
        ),
        # a material given by an agent to a client, with or without an auxiliary; movement between places is not
        ("2025-01-20", "Weapons shipped by Iran to Hezbollah have dried up.", {("iran", "hezbollah")}),
        ("2017-05-05", "Arms supplied to the SDF by the US worried Ankara.", {("united_states", "sdf")}),
        ("2019-05-05", "Washington moves five Isis fighters from Syria to Iraq.", set()),
        # "has become" links a role noun to its holder
        (
            "2013-05-05",
            "Riyadh has become the main arms supplier to Syria's rebels.",
            {("saudi_arabia", "syrian_opposition")},
        ),
        # a list before a plural copula and its passive: every item is backed
        (
            "2023-11-01",
            "Hamas and Hezbollah are both backed by Tehran.",
            {("iran", "hamas"), ("iran", "hezbollah")},
        ),
        # a place between a passive participle and its agent
        ("2014-05-01", "Syrian rebels were trained in Qatar by the CIA.", {("united_states", "syrian_opposition")}),
        # an object pronoun ends the object: no name after it is fought alongside
        (
            "2016-01-01",
            "In Syria the ambush killed government soldiers and two militias fighting alongside them the Syrian "
            "Observatory for Human Rights reported.",
            set(),
        ),
    ],
)
def test_clause_edges_and_objects(date, text, expected):
    assert edges_of(text, date)[1] == expected


@pytest.mark.parametrize(
    ("date", "text", "pack", "expected"),
    [
        # "by" names the giver after a support noun, as "from" does
        (
            "2019-05-01",
            "Monitors called the financial support by Qatar to Syrian rebels decisive.",
            None,
            {("qatar", "syrian_opposition")},
        ),
        (
            "2024-06-01",
            "Military aid to the RSF by the UAE has prolonged the war, the army said.",
            "sudan",
            {("united_arab_emirates", "rapid_support_forces")},
        ),
        (
            "2024-06-01",
            "The Sudanese army, backed by Egypt, and the RSF, supported by the UAE, fought in Khartoum.",
            "sudan",
            {("egypt", "sudanese_armed_forces"), ("united_arab_emirates", "rapid_support_forces")},
        ),
        # a second verb in -ing shares the object; a person's title before the accused
        (
            "2013-05-01",
            "Damascus accused Riyadh of funding and directing Syrian rebels in Homs.",
            None,
            {("saudi_arabia", "syrian_opposition")},
        ),
        ("2016-05-01", "Moscow accused President Erdogan of helping Isis sell oil.", None, {("turkey", "isis")}),
        # "fighters loyal to <their leader>" between the subject and its verb
        (
            "2024-05-01",
            "Joint Force fighters loyal to Minni Minawi are fighting alongside the army in El Fasher, the RSF said.",
            "sudan",
            {("darfur_joint_force", "sudanese_armed_forces")},
        ),
        # an apposition before the relative clause, after a preposition; the relative clause's antecedent fights
        (
            "2025-01-01",
            "Washington put sanctions on the Sudan Shield Forces, a militia that has fought alongside the army.",
            "sudan",
            {("sudan_shield_forces", "sudanese_armed_forces")},
        ),
        (
            "2016-01-01",
            "France sanctioned Hezbollah, which has fought on the side of the Syrian army.",
            None,
            {("hezbollah", "syrian_government")},
        ),
        # money lent to a state names the state; "in support for" after a list of subjects; a transit state
        # accused of easing the flow is the backer, not its accuser
        ("2013-08-01", "Iran extended a new credit line to Syria.", None, {("iran", "syrian_government")}),
        (
            "2019-04-21",
            "Saudi Arabia and the United Arab Emirates pledged $3 billion in support for Sudan.",
            "sudan",
            {("saudi_arabia", "sudanese_government"), ("united_arab_emirates", "sudanese_government")},
        ),
        (
            "2024-06-18",
            "Sudan accused Chad of facilitating the flow of weapons to the RSF.",
            "sudan",
            {("chad", "rapid_support_forces")},
        ),
        (
            "2024-06-18",
            "Sudan accused Chad of facilitating the flow of Emirati weapons to the RSF.",
            "sudan",
            {("chad", "rapid_support_forces"), ("united_arab_emirates", "rapid_support_forces")},
        ),
        # a list of materials before "to": the first one, not a humanitarian one last in the list, is what is sent
        (
            "2019-10-20",
            "Turkey sent troops, armour and medical teams to the SNA.",
            None,
            {("turkey", "syrian_national_army")},
        ),
        # what an actor gave, named by a participle written onto the actor, helps; thanks for humanitarian support
        # are no backing; "the X-backed paramilitary" names the RSF
        (
            "2024-06-01",
            "Iranian-supplied drones have helped the army regain ground around Omdurman.",
            "sudan",
            {("iran", "sudanese_armed_forces")},
        ),
        (
            "2024-06-01",
            "Hemedti thanked the UAE for its humanitarian support during a visit to Abu Dhabi.",
            "sudan",
            set(),
        ),
        (
            "2024-06-01",
            "The Emirati-backed paramilitary seized Nyala airport, the army said.",
            "sudan",
            {("united_arab_emirates", "rapid_support_forces")},
        ),
        # thanked for standing with the thanker
        (
            "2024-06-01",
            "Burhan thanked Turkey and Qatar for standing with Sudan.",
            "sudan",
            {("turkey", "sudanese_armed_forces"), ("qatar", "sudanese_armed_forces")},
        ),
    ],
)
def test_givers_titles_and_relative_clauses(date, text, pack, expected):
    assert edges_of(text, date, pack)[1] == expected


def test_a_role_in_doing_and_a_purchase_for_a_client():
    assert edges_of("Abu Dhabi denied any involvement in arming the RSF.", "2024-06-01", "sudan")[1] == {
        ("united_arab_emirates", "rapid_support_forces")
    }
    text = "In Syria, Saudi Arabia was funding the purchase of rifles for rebel brigades."
    assert edges_of(text, "2013-06-01")[1] == {("saudi_arabia", "syrian_opposition")}


def test_back_as_a_particle_is_no_backing():
    text = "In Sudan, Iranian drones helped the army push back the RSF near Omdurman."
    assert edges_of(text, "2024-09-01", "sudan")[1] == {("iran", "sudanese_armed_forces")}


def test_a_state_taken_to_court_acts():
    text = (
        "Sudan's government took Abu Dhabi to the World Court, accusing it of complicity in genocide by arming the RSF."
    )
    assert edges_of(text, "2025-04-01", "sudan")[1] == {("united_arab_emirates", "rapid_support_forces")}


def test_the_speaker_of_it_and_a_struck_object_before_a_purpose():
    # "it" after a verb of saying is the speaker; the forces struck are not who protects
    text = "Israel says it hit Syrian government troops in Sweida to protect Druze fighters."
    assert edges_of(text, "2025-07-20")[1] == {("israel", "druze_factions")}
    # units sent for a purpose do it, and their sender backs the client too
    assert edges_of("Iran sent Hezbollah units to help Assad.", "2016-01-01")[1] == {
        ("iran", "syrian_government"),
        ("hezbollah", "syrian_government"),
    }


def test_joining_an_actors_forces_in_a_battle_and_bombing_before_a_purpose():
    text = "Afghan Fatemiyoun units joined Assad's troops in the battle for Palmyra."
    assert edges_of(text, "2016-05-01")[1] == {("fatemiyoun", "syrian_government")}
    assert edges_of("Russian jets bomb Syrian rebels to shore up Assad.", "2015-10-01")[1] == {
        ("russia", "syrian_government")
    }


def test_the_builder_of_a_network_of_proxies_owns_its_examples():
    text = "Tehran has built a web of proxies, including Hezbollah and the Houthis, across the region."
    assert edges_of(text, "2019-05-01")[1] == {("iran", "hezbollah"), ("iran", "houthis")}
    assert edges_of("Israeli jets struck a network of proxies, including Hezbollah.", "2019-05-01")[1] == set()


def test_a_progressive_verb_after_an_auxiliary_is_active():
    text = "Doha and Riyadh were paying for most of the Free Syrian Army's rifles."
    assert edges_of(text, "2012-08-01")[1] == {("qatar", "free_syrian_army"), ("saudi_arabia", "free_syrian_army")}


def test_a_relative_passive_with_a_speaker_names_no_giver():
    text = "The RSF, which UN experts say has been supplied via airstrips in eastern Chad, shelled Port Sudan."
    assert edges_of(text, "2025-05-05", "sudan")[1] == set()
    assert edges_of("In Sudan, the army has turned to Iran for drones.", "2024-05-05", "sudan")[1] == {
        ("iran", "sudanese_armed_forces")
    }


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # a material the subject fights with, and who supplied it (after the material, or written onto it)
        ("The SDF fought with weapons supplied by the United States.", ("united_states", "sdf")),
        ("Hezbollah, armed with missiles supplied by Iran, attacked Israeli positions.", ("iran", "hezbollah")),
        ("Hezbollah fought with Iranian-supplied rockets in Qusayr.", ("iran", "hezbollah")),
        ("The SDF used US-supplied anti-tank missiles against Isis.", ("united_states", "sdf")),
    ],
)
def test_a_material_the_subject_fights_with_names_its_giver(text, edge):
    assert edge in edges_of(text)[1], text


@pytest.mark.parametrize(
    "text",
    [
        "Israel struck a convoy with weapons supplied by Iran.",  # the convoy carries them: Israel is no client
        "Israel struck a convoy with Iranian-supplied weapons near the border.",
    ],
)
def test_a_material_carried_by_an_object_backs_no_subject(text):
    assert ("iran", "israel") not in edges_of(text)[1], text


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        # a participle phrase of its own before the passive cue: the same noun phrase is backed
        (
            "The Fatemiyoun Division, raised among Afghan refugees in Iran and trained and paid by the "
            "Revolutionary Guards, fought in Palmyra.",
            ("irgc", "fatemiyoun"),
        ),
        ("Hezbollah, founded in 1982 and funded by Iran, sent fighters to Syria.", ("iran", "hezbollah")),
        # every noun form of a backing lexeme reads as a noun
        ("Washington's bankrolling of the SDF is set to continue.", ("united_states", "sdf")),
        # crude oil is a material
        ("Iran shipped crude to the Assad government.", ("iran", "syrian_government")),
    ],
)
def test_participle_chains_noun_forms_and_crude(text, edge):
    assert edge in edges_of(text)[1], text


def test_the_delegates_of_a_list_of_states_joined_by_others_back_no_one():
    text = (
        "Meeting in Geneva, the foreign ministers of the United States, Russia, China, Britain and France, "
        "joined by Turkey, Qatar and Iraq, endorsed a plan for a transitional body."
    )
    assert edges_of(text, "2012-06-30")[1] == set()


@pytest.mark.parametrize(
    ("text", "date", "edge"),
    [
        # paying a material to its receiver, a number before the receiver's name
        (
            "Israel has been paying monthly stipends to roughly 3,000 Druze fighters in Sweida.",
            "2025-09-17",
            (
                "israel",
                "druze_factions",
            ),
        ),
        ("Iran sent rifles to some 2,000 Hezbollah fighters.", "2016-01-01", ("iran", "hezbollah")),
        # a counted plural subject, its members listed after the colon
        (
            "Three forces rescued Bashar al-Assad a decade ago: Hezbollah, Russian air power and Iranian advisers.",
            "2016-01-01",
            ("hezbollah", "syrian_government"),
        ),
    ],
)
def test_paid_materials_numbers_and_counted_subjects(text, date, edge):
    assert edge in edges_of(text, date)[1], text


def test_a_counted_subject_with_a_clause_before_the_colon_lists_nothing():
    text = "Two countries backed the rebels, Turkey said: Qatar and Saudi Arabia."
    assert ("qatar", "syrian_opposition") not in edges_of(text)[1]


def test_a_chain_of_participles_with_a_destination_before_by():
    text = "The Treasury blacklisted the Fatemiyoun, a militia recruited, paid and sent to Syria by the Quds Force."
    assert ("irgc", "fatemiyoun") in edges_of(text, "2019-01-24")[1]


def test_opening_a_credit_line_for_a_state():
    assert ("iran", "syrian_government") in edges_of("Iran has opened a credit line for Syria.", "2013-08-01")[1]


def test_recruiting_people_into_a_group_backs_it():
    text = "The Revolutionary Guards recruited thousands of Afghan refugees into the Fatemiyoun Division."
    assert ("irgc", "fatemiyoun") in edges_of(text, "2016-05-01")[1]
    # a name on the way: the men come from that group, the recruiter backs no one named after "for"
    assert edges_of("Turkey recruited Syrian fighters from the SNA for Libya.", "2020-01-01")[1] == set()


def test_a_speaker_before_a_material_is_not_its_owner():
    got = edges_of("Sudan says weapons were sent to the RSF by the United Arab Emirates.", "2024-11-09", ["sudan"])[1]
    assert got == {("united_arab_emirates", "rapid_support_forces")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time phrase ending in "ago" inside a relative clause
        ("Qatar, which several years ago bankrolled the YPG, denied it.", {("qatar", "ypg")}),
        # "throughout" between a passive and its agent; "guided by" advisers
        ("The YPG was armed throughout by Washington.", {("united_states", "ypg")}),
        ("Syrian troops, guided by Russian officers, took Palmyra.", {("russia", "syrian_government")}),
        # an apposition with its own passive closed by a comma: the head is the client
        (
            "The YPG, a militia trained by the PKK, was funded by Washington.",
            {("pkk", "ypg"), ("united_states", "ypg")},
        ),
    ],
)
def test_time_phrases_adverbs_and_appositions_before_a_passive(text, expected):
    assert edges_of(text)[1] == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "until" and a time between the auxiliary and the verb
        ("Qatar had until this spring funded the YPG.", {("qatar", "ypg")}),
        # a chain of passives past the first agent's head noun ("fighters and guided by")
        (
            "Syrian troops, joined by Hezbollah fighters and advised by Russian officers, took Palmyra.",
            {("hezbollah", "syrian_government"), ("russia", "syrian_government")},
        ),
        # "they" after a verb of saying in a clause of its own is not the actors named before the comma
        (
            "Hezbollah units fought alongside Syrian troops, and several said they had been trained by Iran.",
            {("hezbollah", "syrian_government")},
        ),
    ],
)
def test_passive_chains_and_speakers_of_their_own(text, expected):
    assert edges_of(text)[1] == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people flown in to fight: they do the purpose, not the one who says so
        ("The army said gunmen who it said had been bused in to fight for the RSF were captured.", set()),
        # the subject of a verb of sending does the purpose after what it sends
        (
            "The US fined Minnawi, whose SLA has sent hundreds of men to battle the RSF alongside the army.",
            {("sudan_liberation_army", "sudanese_armed_forces")},
        ),
        # "stands accused by" investigators; "according to" names a source, never a receiver
        (
            "The UAE stands accused by UN investigators of sending arms to the RSF.",
            {("united_arab_emirates", "rapid_support_forces")},
        ),
        (
            "Egypt is the army's main backer, offering political cover and, according to the RSF, military help.",
            {("egypt", "sudanese_armed_forces")},
        ),
    ],
)
def test_purposes_of_those_sent_accusers_who_stand_and_sources(text, expected):
    assert edges_of(text, date="2024-06-01", pack=["sudan"])[1] == expected, text


def test_it_after_a_clause_about_an_owned_body_is_the_owner():
    # "it" opening a clause after ", and" is no list item, and a body owned by "its" is not what "it" stands for
    text = "Tehran has long propped up Assad, its Quds Force trained his army, and it shipped drones to Hezbollah."
    assert edges_of(text)[1] == {("iran", "syrian_government"), ("irgc", "syrian_government"), ("iran", "hezbollah")}


def test_the_group_after_an_opening_participle_phrase_is_not_named_in_it():
    text = (
        "Hezbollah units crossed into Syria. Set up with the help of Iran's Revolutionary Guards in 1982, the group"
        " still gets most of its rockets from Tehran."
    )
    assert edges_of(text, date="2013-06-01")[1] == {("iran", "hezbollah")}


def test_a_second_act_of_the_accused_after_a_long_first_one():
    text = (
        "Khartoum accused Chad on Monday of opening its airports to cargo planes from the Gulf that land at night"
        " near the border and of supplying the RSF with fuel."
    )
    assert edges_of(text, date="2024-06-01", pack=["sudan"])[1] == {("chad", "rapid_support_forces")}


@pytest.mark.parametrize(
    "text",
    [
        "The Army of Islam, a rebel group sponsored by Saudi Arabia, controls Douma.",
        "The Army of Islam, a rebel group long sponsored by Saudi Arabia, controls Douma.",
    ],
)
def test_a_passive_after_a_described_apposition_backs_the_name_not_the_modifier(text):
    _, got = edges_of(text, "2016-06-01")
    assert got == {("saudi_arabia", "jaysh_al_islam")}, text


@pytest.mark.parametrize(
    "text",
    [
        "The US sent advisers to help the SDF plan the assault on Raqqa.",
        "Russian officers helped the Syrian army plan its offensive on Aleppo.",
    ],
)
def test_a_look_alike_head_followed_by_its_own_object_is_a_verb(text):
    _, got = edges_of(text, "2016-06-01")
    assert got & {("united_states", "sdf"), ("russia", "syrian_government")}, text


@pytest.mark.parametrize(
    ("text", "date", "pack", "expected"),
    [
        # two groups' members in one subject list
        (
            "Fighters of Hezbollah and officers of the Revolutionary Guards fought alongside government troops "
            "in Aleppo.",
            "2016-02-04",
            None,
            {("hezbollah", "syrian_government"), ("irgc", "syrian_government")},
        ),
        # a pronoun's role noun, then its holders after a comma
        (
            "Trump punished Assad, a man kept in power by his two backers, Russia and Iran.",
            "2017-04-09",
            None,
            {("russia", "syrian_government"), ("iran", "syrian_government")},
        ),
        # a verb's object kept in the field
        ("The Quds Force kept the Syrian army in the field.", "2020-01-06", None, {("irgc", "syrian_government")}),
        # a person's apposition naming the group he leads is not the subject
        (
            "In Gezira, Abu Aqla Keikal, the RSF's top commander in the state, defected to the army in Wad Madani.",
            "2024-10-28",
            ["sudan"],
            {("sudan_shield_forces", "sudanese_armed_forces")},
        ),
        # a long charge between "of" and "by" its means
        (
            "Khartoum accused Abu Dhabi of complicity in the killing of Masalit civilians in West Darfur by arming "
            "the Rapid Support Forces.",
            "2025-03-07",
            ["sudan"],
            {("united_arab_emirates", "rapid_support_forces")},
        ),
    ],
)
def test_lists_of_members_role_holders_after_a_pronoun_and_a_persons_apposition(text, date, pack, expected):
    _, got = edges_of(text, date, pack)
    assert got == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a chain of participles whose last one names what it gives before the agent
        ("The YPG was armed, paid and given air cover by Washington.", {("united_states", "ypg")}),
        # owing survival to one backer and then "to" a second
        (
            "Assad owes his survival to Russian jets and to Iranian money.",
            {("russia", "syrian_government"), ("iran", "syrian_government")},
        ),
    ],
)
def test_a_chain_ending_in_what_is_given_and_a_second_to(text, expected):
    _, got = edges_of(text, "2016-06-01")
    assert expected <= got, text


def test_a_wars_own_faction_names_the_war_and_a_size_before_a_relative():
    # no place of Sudan is named: the brigade's name tells the story is about that war ("the army" is Sudan's)
    text = (
        "Washington blacklisted the Al-Baraa Bin Malik Brigade, a militia of some 20,000 fighters that fights beside "
        "the army."
    )
    _, got = edges_of(text, "2025-09-13", ["sudan"])
    assert got == {("al_baraa_bin_malik_brigade", "sudanese_armed_forces")}, got


def test_a_passive_after_a_time_aside_backs_the_main_clauses_subject():
    text = "Syrian troops retook Palmyra on Sunday, ten months after losing the ancient city, backed by Russian jets."
    _, got = edges_of(text, "2016-03-27")
    assert got == {("russia", "syrian_government")}, got


def test_a_list_goes_on_before_the_noun_an_example_belongs_to():
    text = "Units of Hezbollah and Iraqi Shia militias such as Asaib Ahl al-Haq fought alongside Assad's forces."
    _, got = edges_of(text, "2014-04-15")
    assert {("hezbollah", "syrian_government"), ("iraqi_militias", "syrian_government")} <= got, got


def test_what_a_subject_put_to_use_for_a_gerund_cue():
    text = "Abu Dhabi has used an airstrip in Chad as cover for flying drones to the RSF in Darfur."
    _, got = edges_of(text, "2023-09-30", ["sudan"])
    assert got == {("united_arab_emirates", "rapid_support_forces")}, got


@pytest.mark.parametrize(
    "text",
    [
        "The envoy flew to Damascus to meet Assad, whom Tehran kept in power through the worst years of the war.",
        "Assad, whom Tehran had kept afloat with credit lines, left for Moscow.",
    ],
)
def test_a_verb_and_its_tail_in_a_relative_clause_back_the_antecedent(text):
    assert ("iran", "syrian_government") in edges_of(text, "2025-01-10")[1]


@pytest.mark.parametrize(
    "text",
    [
        "The two sides agreed a ceasefire backed by Qatar and Egypt in the Sudanese capital.",
        "The army and the Rapid Support Forces signed a truce in Jeddah, backed by Saudi Arabia and Washington.",
    ],
)
def test_a_passive_after_a_ceasefire_backs_the_ceasefire(text):
    assert not statements(text, "2023-05-21", "sudan"), text


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # a verb of the same subject (and its short object) before "and" or "but"
        (
            "The regime owes much to Moscow, which sheltered and armed the Syrian army.",
            "2016-02-15",
            {("russia", "syrian_government")},
        ),
        (
            "Washington lifted sanctions but armed Assad's forces.",
            "2016-09-25",
            {("united_states", "syrian_government")},
        ),
        # a name after ", and" whose noun phrase goes on with an adverb and a verb opens a new clause
        (
            "Al-Sharaa spoke at the UN. Washington has not armed his forces, and Israel's jets still fly at will.",
            "2025-09-25",
            {("united_states", "syrian_transitional_government")},
        ),
    ],
)
def test_a_shared_subject_across_and_or_but_and_a_new_clause_after_and(text, date, expected):
    assert {(b, c) for b, c, _k in statements(text, date)} == expected, text


def test_helping_rebuild_or_restructure_a_force_backs_it():
    found = statements("Jordanian officers helped restructure the new Syrian army this spring.", "2025-06-01")
    assert {(b, c) for b, c, _k in found} == {("jordan", "syrian_transitional_government")}


@pytest.mark.parametrize(
    ("text", "edge"),
    [
        ("The RSF was kitted out by Wagner with surface-to-air missiles.", ("wagner", "rapid_support_forces")),
        ("Turkish officers drilled the Sudan Shield Forces near Kassala.", ("turkey", "sudan_shield_forces")),
        ("Wagner fed fuel to the RSF across the border.", ("wagner", "rapid_support_forces")),
        ("Tehran replenished the army's drone stocks through Port Sudan.", ("iran", "sudanese_armed_forces")),
    ],
)
def test_verbs_of_kitting_out_drilling_feeding_and_restocking(text, edge):
    assert edge in {(b, c) for b, c, _ in statements(text, "2024-05-01", "sudan")}, text


def test_backstopping_a_force_backs_it():
    assert ("turkey", "syrian_national_army") in {
        (b, c)
        for b, c, _ in statements("Turkish artillery backstopped the Syrian National Army at Manbij.", "2019-01-01")
    }


def test_buoyed_by_a_states_weapons():
    found = statements(
        "The army, buoyed by Iranian drones, retook the refinery north of Khartoum.", "2025-01-20", "sudan"
    )
    assert ("iran", "sudanese_armed_forces") in {(b, c) for b, c, _ in found}


@pytest.mark.parametrize(
    "text",
    [
        "The Qatar-funded Ahrar al-Sham fought rivals near Idlib.",
        "The Iran-backed Hezbollah met opponents of the plan.",
    ],
)
def test_a_verb_before_a_look_alike_noun_does_not_make_the_name_its_qualifier(text):
    assert {(b, c) for b, c, _ in statements(text, "2016-05-01")} in (
        {("qatar", "ahrar_al_sham")},
        {("iran", "hezbollah")},
    ), text


@pytest.mark.parametrize(
    ("text", "date", "pack", "edge"),
    [
        ("Ankara's Syrian proxies advanced on Manbij.", "2025-01-10", None, ("turkey", "syrian_national_army")),
        (
            "Russian servicemen together with the Syrian army crushed ISIS near Palmyra.",
            "2017-03-01",
            None,
            ("russia", "syrian_government"),
        ),
        (
            "Ankara stands ready to help build up the new Syrian army.",
            "2025-01-10",
            None,
            ("turkey", "syrian_transitional_government"),
        ),
        (
            "Wagner, whose fighters have served in Assad's ranks since 2015, denied it.",
            "2018-02-14",
            None,
            ("wagner", "syrian_government"),
        ),
        (
            "Israel furnished Syrian rebel factions near Quneitra with rifles.",
            "2018-09-07",
            None,
            ("israel", "syrian_opposition"),
        ),
        (
            "Syrian government troops, advancing under a Russian air umbrella, retook Deraa.",
            "2018-07-07",
            None,
            ("russia", "syrian_government"),
        ),
        (
            "Russian troops together with the Syrian army routed ISIS near Palmyra.",
            "2017-03-01",
            None,
            ("russia", "syrian_government"),
        ),
        (
            "Port Sudan called the UAE the true quartermaster of the RSF.",
            "2024-06-19",
            "sudan",
            ("united_arab_emirates", "rapid_support_forces"),
        ),
    ],
)
def test_shapes_found_in_r32(text, date, pack, edge):
    assert edge in {(b, c) for b, c, _ in statements(text, date, pack)}, text


def test_a_second_gerund_after_an_accusation_is_the_accuseds():
    found = statements(
        "Hemedti accused Cairo of shelling his fighters and arming the Sudanese army.", "2024-10-10", "sudan"
    )
    assert {(b, c) for b, c, _ in found} == {("egypt", "sudanese_armed_forces")}


def test_the_side_battled_is_not_who_fights_on_an_actors_side():
    found = statements(
        "The JEM sent thousands of fighters to battle the RSF on the army's side.", "2025-09-13", "sudan"
    )
    assert {(b, c) for b, c, _ in found} == {("justice_and_equality_movement", "sudanese_armed_forces")}


def test_thanks_for_support_for_a_step_is_no_backing():
    assert (
        statements("Hamdok thanked President Trump for his support for the delisting.", "2020-10-24", "sudan") == set()
    )
    assert ("russia", "syrian_government", "thanks") in statements("Assad thanked Moscow for its support for Syria.")


def test_kept_in_power_past_a_title():
    text = "Moscow, which has kept President Bashar al-Assad in power with its jets since 2015, declined to comment."
    assert ("russia", "syrian_government") in {(b, c) for b, c, _ in statements(text, "2024-11-29")}


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # sheltering a group or its command backs it; sheltering a state's fallen leader is asylum
        (
            "Jordan, which harbours the leadership of the Free Syrian Army near Mafraq, kept silent.",
            "2013-03-01",
            {("jordan", "free_syrian_army")},
        ),
        (
            "Ankara shelters the command of Hayat Tahrir al-Sham, a Kurdish outlet claimed.",
            "2019-03-01",
            {("turkey", "hts")},
        ),
        ("Officials in Moscow confirmed that Russia was sheltering Assad and his family.", "2024-12-10", set()),
        ("Turkey shelters three million Syrian refugees.", "2016-03-01", set()),
        # giving, providing or offering shelter, refuge, sanctuary or a safe haven to a group
        (
            "Relations collapsed after Turkey opened its border to refugees and gave shelter to the Free Syrian Army.",
            "2012-06-23",
            {("turkey", "free_syrian_army")},
        ),
        ("Qatar has provided refuge to the leaders of Hamas since 2012.", "2023-11-01", {("qatar", "hamas")}),
        ("Turkey offered shelter to Syrian refugees.", "2016-03-01", set()),
        # weapon systems and launchers are materials a transfer moves
        ("Tehran had re-exported the launchers to the Houthis, the panel found.", "2019-03-01", {("iran", "houthis")}),
        # a lifeline thrown to a receiver (also one named by its body after a possessive)
        (
            "Qatar threw Syria's new government a lifeline on Thursday.",
            "2025-05-01",
            {("qatar", "syrian_transitional_government")},
        ),
        ("Riyadh throws Damascus a lifeline", "2025-05-01", {("saudi_arabia", "syrian_transitional_government")}),
        # a speech verb whose object is a giving: its subject gives
        (
            "Moscow announced the completion of the delivery of Pantsir systems to the Syrian army.",
            "2019-03-01",
            {("russia", "syrian_government")},
        ),
        (
            "Moscow announced that Tehran delivered drones to the Syrian army.",
            "2019-03-01",
            {("iran", "syrian_government")},
        ),
    ],
)
def test_shelter_systems_lifelines_thrown_and_announced_deliveries(text, date, expected):
    assert edges_of(text, date)[1] == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an aside between the auxiliary and the verb keeps the subject
        ("Iran has, UN monitors said, shipped rockets to the Houthis.", {("iran", "houthis")}),
        ("Qatar had, according to two officials, paid the salaries of Hamas fighters.", {("qatar", "hamas")}),
    ],
)
def test_an_aside_after_the_auxiliary(text, expected):
    assert edges_of(text, "2019-03-01")[1] == expected, text


def test_a_hyphen_between_a_name_and_a_support_noun_is_read_as_a_space():
    assert edges_of("The Houthis have long enjoyed Iranian-backing, the report said.", "2019-03-01")[1] == {
        ("iran", "houthis")
    }
    assert edges_of("The Houthis have received considerable Iran-support since 2015.", "2019-03-01")[1] == {
        ("iran", "houthis")
    }
    assert edges_of("The Iran-backed Houthis fired missiles.", "2019-03-01")[1] == {("iran", "houthis")}


def test_a_list_of_backers_goes_on_past_an_item_no_actor_names():
    text = "The Free Syrian Army, backed by Qatar, Western governments and Turkey, took the town."
    assert edges_of(text, "2015-03-01")[1] == {("qatar", "free_syrian_army"), ("turkey", "free_syrian_army")}
    # a verb and its plural object between two names make no list
    text = "Russia sent troops and the United States armed the Kurds."
    assert ("russia", "ypg") not in edges_of(text, "2015-03-01")[1]


def test_cargo_flights_to_a_client_are_a_transfer():
    text = "Iran's cargo flights to Hezbollah went on through the summer, officials said."
    assert edges_of(text, "2019-03-01")[1] == {("iran", "hezbollah")}
    assert edges_of("Qatar Airways flights to Beirut resumed.", "2019-03-01")[1] == set()


def test_a_list_repeating_on_after_relying():
    text = "Sudan's army relies on Egypt, on Turkey and on Iran for its drones."
    got = edges_of(text, "2025-08-20", pack=["sudan"])[1]
    assert {("egypt", "sudanese_armed_forces"), ("turkey", "sudanese_armed_forces")} <= got


def test_two_forces_listed_as_one_subject_of_targeting_or_hitting():
    got = edges_of("Russian and Syrian jets targeted rebel positions near Hama overnight.", "2017-03-01")[1]
    assert got == {("russia", "syrian_government")}
    got = edges_of("Syrian and Russian warplanes hit the town's hospital, activists said.", "2017-03-01")[1]
    assert got == {("russia", "syrian_government")}


@pytest.mark.parametrize(
    ("text", "pack", "expected"),
    [
        ("Hezbollah was armed with rockets by Iran.", None, {("iran", "hezbollah")}),
        (
            "The Sudanese army has been armed with drones by Iran and Turkey, diplomats say.",
            ["sudan"],
            {("iran", "sudanese_armed_forces"), ("turkey", "sudanese_armed_forces")},
        ),
        (
            "The SDF was equipped with heavy weapons and armoured vehicles by the Pentagon.",
            None,
            {("united_states", "sdf")},
        ),
        # the material is no agent, and a verb of attack is no backing
        ("Aleppo was hit with missiles by Russian jets.", None, set()),
    ],
)
def test_a_passive_whose_material_stands_before_its_agent(text, pack, expected):
    assert edges_of(text, "2024-06-01", pack)[1] == expected


@pytest.mark.parametrize(
    ("text", "pack", "expected"),
    [
        # aid or a sum to a state's government, army or ruler backs it
        ("The US suspended aid to the Sudanese government.", ["sudan"], {("united_states", "sudanese_government")}),
        ("The US gave $700 million to the Sudanese government.", ["sudan"], {("united_states", "sudanese_government")}),
        (
            "The US froze $700 million in aid to the Sudanese government.",
            ["sudan"],
            {("united_states", "sudanese_government")},
        ),
        ("Saudi Arabia gave $3 billion in aid to the Lebanese army.", None, {("saudi_arabia", "lebanon")}),
        # aid to a country goes to its people
        ("Britain gave \u00a398m in aid to Syria.", None, set()),
        ("Britain sent aid to Syria and Lebanon.", None, set()),
    ],
)
def test_aid_to_a_government_or_army_backs_it_aid_to_a_country_does_not(text, pack, expected):
    assert edges_of(text, "2021-10-26", pack)[1] == expected


@pytest.mark.parametrize(
    ("text", "pack", "expected"),
    [
        (
            "Iran, accused by Britain of shipping oil to the Assad government, denied the charge.",
            None,
            {("iran", "syrian_government")},
        ),
        (
            "The UAE, repeatedly accused by Khartoum and UN experts of sending weapons to the RSF, denies it.",
            ["sudan"],
            {("united_arab_emirates", "rapid_support_forces")},
        ),
    ],
)
def test_the_accused_before_a_participle_with_its_accuser_sends_what_it_is_accused_of(text, pack, expected):
    assert edges_of(text, "2019-07-01", pack)[1] == expected


def test_a_second_accused_after_a_list_is_no_client_of_the_first_accusation():
    text = (
        "The report accused Jordan and the UAE of arming Haftar's Libyan National Army, and Turkey of shipping "
        "drones to the government in Tripoli."
    )
    assert edges_of(text, "2019-12-24", ["sudan"])[1] == {
        ("jordan", "libyan_national_army"),
        ("united_arab_emirates", "libyan_national_army"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a participle and its place between the subject and its verb
        ("Syrian rebels defending Qusayr have received weapons from Qatar.", {("qatar", "syrian_opposition")}),
        ("Hezbollah fighters holding the town receive weapons from Iran.", {("iran", "hezbollah")}),
        # the object of a participle of fighting is no subject
        ("Syrian rebels fighting Hezbollah have received weapons from Qatar.", {("qatar", "syrian_opposition")}),
    ],
)
def test_the_subject_of_a_receiving_verb_past_a_participle_phrase(text, expected):
    assert edges_of(text, "2013-05-26")[1] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hezbollah, fighting alongside the Syrian army, receives weapons from Iran.",
        "Hezbollah, which fights alongside the Syrian army, is armed by Iran.",
    ],
)
def test_a_name_inside_an_aside_is_not_the_subject_after_it(text):
    assert edges_of(text, "2013-05-26")[1] == {("iran", "hezbollah"), ("hezbollah", "syrian_government")}


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        # asked to stop: the call says it backs
        ("The rebel leaders called on Chad to stop backing the RSF.", "alleged"),
        ("Washington urged Abu Dhabi to cease arming the RSF.", "alleged"),
        # asked to do it: a possibility; stopped: denied
        ("Washington urged Abu Dhabi to arm the RSF.", "possible"),
        ("Chad stopped backing the RSF.", "denied"),
    ],
)
def test_a_backer_asked_to_stop_backing_is_said_to_back(text, modality):
    frame, pairs_ = edges_of(text, "2023-11-16", ["sudan"])
    assert len(pairs_) == 1 and list(frame["modality"].astype(str)) == [modality]


@pytest.mark.parametrize(
    ("text", "pack", "expected"),
    [
        (
            "The Janjaweed, which in the 2000s helped Sudan's army, later became the RSF.",
            ["sudan"],
            {("janjaweed", "sudanese_armed_forces")},
        ),
        (
            "Qatar, which throughout the civil war funded Syrian rebels, now courts Damascus.",
            None,
            {("qatar", "syrian_opposition")},
        ),
    ],
)
def test_a_decade_or_a_war_between_a_relative_pronoun_and_its_verb(text, pack, expected):
    assert edges_of(text, "2023-05-01", pack)[1] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Analyst: Iran a 'lifeline for the Syrian regime'",
        "Iran has been 'the main patron' of the Syrian regime for years, the analyst wrote.",
    ],
)
def test_a_quote_opening_before_a_role_noun(text):
    assert edges_of(text, "2016-10-01")[1] == {("iran", "syrian_government")}


def test_the_owned_agent_of_a_backing_participle_is_no_fighter():
    text = "The Fatemiyoun Brigade was trained by Iran's Revolutionary Guard to fight for Assad."
    assert ("irgc", "syrian_government") not in edges_of(text, "2016-01-01")[1]
    assert ("irgc", "fatemiyoun") in edges_of(text, "2016-01-01")[1]


@pytest.mark.parametrize(
    ("text", "pack", "date", "expected"),
    [
        # a number with its commas between a fighting verb and "alongside"
        (
            "Hezbollah deployed 5,000 fighters alongside Syrian troops in Qusayr.",
            None,
            "2013-06-01",
            {("hezbollah", "syrian_government")},
        ),
        # "the brigade" stands for the brigade named before
        (
            "Washington sanctioned the Al-Baraa Bin Malik Brigade, saying the brigade had deployed more than 20,000 "
            "fighters alongside the Sudanese army.",
            ["sudan"],
            "2025-09-12",
            {("al_baraa_bin_malik_brigade", "sudanese_armed_forces")},
        ),
    ],
)
def test_fighters_deployed_alongside_with_a_number_and_a_stand_in(text, pack, date, expected):
    assert edges_of(text, date, pack)[1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Qatar and Turkey are paying for rifles being trucked to Syrian rebels.",
            {("qatar", "syrian_opposition"), ("turkey", "syrian_opposition")},
        ),
        ("Qatar paid for the weapons, officials said.", set()),
    ],
)
def test_paying_for_a_material_that_goes_to_an_actor_backs_it(text, expected):
    assert edges_of(text, "2012-06-21")[1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Assad was kept in power by Russia and Iran.",
            {("russia", "syrian_government"), ("iran", "syrian_government")},
        ),
        ("Assad, kept afloat by Iranian credit, hung on.", {("iran", "syrian_government")}),
    ],
)
def test_kept_in_power_by_as_a_passive(text, expected):
    assert edges_of(text, "2020-01-01")[1] == expected


def test_the_host_of_training_camps_trains():
    text = "Fighters of the SLM, which fights alongside the army, are being trained at camps hosted by Eritrea."
    assert ("eritrea", "sudan_liberation_army") in edges_of(text, "2024-01-22", ["sudan"])[1]
