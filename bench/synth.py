"""Synthetic news-like articles for the benchmark, written from the kit's own templates and vocabulary.

Nothing here is copied from any real corpus: sentences are built from the templates and word lists below,
and actor names come from the kit's own gazetteer (its default conflict packs), so the tagger meets
every kind of alias it knows at a realistic density:

- about 600 words per article in paragraphs of three to five sentences, a headline, sometimes a dateline
  (``BEIRUT, March 3 -``);
- roughly one alias per 40-60 words, mixing names, acronyms, demonyms (``Turkish drones``), leaders,
  capitals as actors (``Ankara said``) and as places (``talks in Ankara``), countries as places
  (``refugees in Lebanon``) and backing phrases (``the Turkish-backed SNA``, ``Iran armed Hezbollah``);
- 20 sources, each with its own boilerplate footer (a template line the cleaner removes) and some
  share/read-more cruft lines;
- dates spread over three years (2022-2024), in two formats, about 1% undated;
- about 3% syndicated near-copies (another source re-running a recent story with a new headline and a
  changed opening sentence), so duplicate detection has work to do.

Articles are written as JSON lines (``title``, ``date``, ``source``, ``url``, ``text``) in shards of
:data:`SHARD_SIZE` articles. Generation is deterministic for a given seed and size.

Usage: ``python bench/synth.py OUT_DIR N_ARTICLES [--seed 7]`` (``bench/run.py`` calls :func:`generate`).
"""

from __future__ import annotations

import argparse
import json
import logging
import re
from pathlib import Path

import numpy as np

log = logging.getLogger("bench.synth")

#: Articles per JSON-lines shard.
SHARD_SIZE = 5000
#: Bump when the generator changes, so cached data sets are rebuilt.
VERSION = 4

SOURCES = [
    "Harbour Courier",
    "Eastern Wire",
    "Orontes Daily",
    "Meridian Post",
    "Cedar Line News",
    "Northfield Times",
    "Desert Bulletin",
    "Riverside Herald",
    "Capital Dispatch",
    "Coastline Journal",
    "Plateau Review",
    "Crossroads Monitor",
    "Lantern Press",
    "Granary Gazette",
    "Summit Observer",
    "Frontier Report",
    "Bridgewater Chronicle",
    "Valley Sentinel",
    "Compass News Agency",
    "Horizon Weekly",
]
TOWNS = [
    "Idlib",
    "Aleppo",
    "Raqqa",
    "Deir ez-Zor",
    "Homs",
    "Hama",
    "Manbij",
    "Kobani",
    "Afrin",
    "Daraa",
    "Latakia",
    "Tartus",
    "Palmyra",
    "Douma",
    "Qamishli",
    "al-Bab",
    "Jarablus",
    "Tel Rifaat",
    "Saraqeb",
    "Maarat al-Numan",
    "Khan Sheikhoun",
    "Quneitra",
    "Suwayda",
    "Albu Kamal",
    "Mayadin",
    "Hasakah",
    "Azaz",
    "Jisr al-Shughur",
    "Ras al-Ain",
    "Tal Abyad",
    "Ariha",
    "Salqin",
    "Harem",
    "Kafr Nabl",
]
DATELINES = ["BEIRUT", "AMMAN", "ISTANBUL", "GAZIANTEP", "ERBIL", "CAIRO", "GENEVA", "NICOSIA", "DUBAI"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBERS = [
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "a dozen",
    "dozens of",
    "about 20",
    "at least 11",
    "more than 30",
    "nearly 40",
    "hundreds of",
    "several",
]
PEOPLE = [
    "civilians",
    "fighters",
    "residents",
    "soldiers",
    "displaced families",
    "aid workers",
    "farmers",
    "children",
    "detainees",
    "medics",
    "teachers",
    "truck drivers",
    "shopkeepers",
    "volunteers",
]
THINGS = [
    "a checkpoint",
    "a supply convoy",
    "an ammunition depot",
    "a field hospital",
    "a bakery",
    "a water station",
    "a power plant",
    "a school",
    "a bridge",
    "the main road",
    "a grain silo",
    "a border crossing",
    "an airbase",
    "a fuel depot",
    "a market",
    "a radio mast",
    "a clinic",
]
WEAPONS = [
    "drones",
    "warplanes",
    "artillery",
    "rocket launchers",
    "armoured vehicles",
    "air defences",
    "military advisers",
    "special forces",
    "helicopters",
    "anti-tank missiles",
]
OFFICIALS = [
    "a senior official",
    "a military source",
    "a local council member",
    "a spokesman",
    "an aid coordinator",
    "a diplomat",
    "a commander",
    "a resident",
    "a monitor",
    "an analyst",
]

# Every template below is filled slot by slot; {~name} picks a synonym from SYN, so that no run of more than
# three or four fixed words recurs across a large share of articles (real news varies its wording; a corpus
# whose articles all share long stock phrases puts every article in the same near-duplicate buckets).
SYN = {
    "said": [
        "said",
        "told reporters",
        "said on Monday",
        "said late on Tuesday",
        "added",
        "noted",
        "claimed",
        "insisted",
        "said in a statement",
        "told a news conference",
        "wrote online",
        "confirmed",
    ],
    "near": [
        "near",
        "close to",
        "outside",
        "around",
        "east of",
        "west of",
        "north of",
        "south of",
        "on the edge of",
        "in the countryside of",
        "just beyond",
        "on the road to",
    ],
    "attacked": [
        "attacked",
        "shelled",
        "raided",
        "struck",
        "stormed",
        "hit",
        "targeted",
        "overran",
        "ambushed",
        "besieged",
    ],
    "fighting": [
        "fighting",
        "clashes",
        "shelling",
        "air strikes",
        "street battles",
        "artillery duels",
        "skirmishes",
        "raids",
    ],
    "time": [
        "on Monday",
        "on Tuesday",
        "on Wednesday",
        "on Thursday",
        "on Friday",
        "at the weekend",
        "overnight",
        "before dawn",
        "late on Sunday",
        "earlier this week",
        "last month",
        "two days ago",
        "this morning",
        "in recent days",
    ],
    "people": [
        "civilians",
        "fighters",
        "residents",
        "soldiers",
        "displaced families",
        "aid workers",
        "farmers",
        "children",
        "detainees",
        "medics",
        "teachers",
        "truck drivers",
        "shopkeepers",
        "volunteers",
        "pensioners",
        "students",
        "labourers",
        "journalists",
        "nurses",
        "shepherds",
    ],
    "verb": [
        "gathered outside",
        "queued for hours at",
        "waited near",
        "returned to",
        "fled from",
        "cleared",
        "repaired",
        "searched",
        "rebuilt",
        "abandoned",
        "crowded into",
        "guarded",
        "reopened",
        "emptied",
        "sheltered in",
        "protested outside",
        "lined up at",
        "walked back to",
        "camped beside",
        "looted",
    ],
    "object": [
        "the damaged bakery",
        "a water pump",
        "the old market",
        "a flooded camp",
        "the main hospital",
        "a school building",
        "the grain silo",
        "a petrol station",
        "the river crossing",
        "a mosque",
        "the bus station",
        "a makeshift clinic",
        "the olive groves",
        "a cement factory",
        "the town hall",
        "a power substation",
        "the orchards",
        "an empty warehouse",
        "a church",
        "the stadium",
        "the courthouse",
        "a refugee camp",
        "the bridge",
        "a checkpoint",
    ],
    "adj": [
        "cold",
        "tense",
        "quiet",
        "chaotic",
        "crowded",
        "dusty",
        "muddy",
        "dark",
        "uneasy",
        "long",
        "difficult",
        "costly",
        "slow",
        "hurried",
    ],
    "report": [
        "according to residents",
        "witnesses said",
        "a doctor said",
        "local officials said",
        "aid workers said",
        "a teacher said",
        "one resident said",
        "monitors reported",
        "a council member said",
        "according to a local radio station",
        "a nurse said",
        "activists said",
    ],
    "problem": [
        "bread",
        "fuel",
        "diesel",
        "clean water",
        "medicine",
        "electricity",
        "flour",
        "cooking gas",
        "baby milk",
        "insulin",
        "heating oil",
        "rice",
        "sugar",
        "mobile coverage",
    ],
    "change": [
        "doubled in price",
        "ran short",
        "was rationed",
        "became scarce",
        "could not be found",
        "cost three times as much",
        "arrived late",
        "ran out",
        "was sold on the black market",
        "was handed out by volunteers",
    ],
    "number": [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "a dozen",
        "dozens of",
        "about 20",
        "at least 11",
        "more than 30",
        "nearly 40",
        "hundreds of",
        "several",
        "15",
        "27",
        "some 60",
    ],
    "opener": [
        "Meanwhile,",
        "Elsewhere,",
        "Earlier,",
        "Later,",
        "By nightfall,",
        "At dawn,",
        "In the afternoon,",
        "Still,",
        "Nevertheless,",
        "At the same time,",
        "For now,",
        "Even so,",
        "Since then,",
        "",
    ],
}
FILLER_TEMPLATES = [
    "{~opener} {~number} {~people} {~verb} {~object} {~near} {T} {~time}, {~report}.",
    "{~problem} {~change} in {T} {~time}, {~report}, and {~problem2} {~change2} as well.",
    "It was a {~adj} {~daypart} in {T}, where {~number} {~people} {~verb} {~object}.",
    "{~opener} {~people} in {T} {~said} that {~problem} {~change} {~time}.",
    "The {~adj} road {~near} {T} was closed {~time}, and {~number} {~people} {~verb} {~object}.",
    "{~report2} that {~number} {~people} had {~verb2} {~object} {~near} {T}.",
    "In {T}, {~problem} {~change} while {~people} {~verb} {~object} {~time}.",
    "{~opener} the {~adj} weeks since {~fighting} began around {T} have left {~object} in ruins, {~report}.",
]
SYN["problem2"] = SYN["problem"]
SYN["change2"] = SYN["change"]
SYN["report2"] = [
    "Residents said",
    "Witnesses said",
    "A doctor said",
    "Local officials said",
    "Aid workers said",
    "Activists reported",
    "Monitors said",
    "A council member said",
    "Rescuers said",
]
SYN["verb2"] = [
    "left",
    "reached",
    "repaired",
    "cleared",
    "searched",
    "rebuilt",
    "guarded",
    "reopened",
    "emptied",
    "abandoned",
]
SYN["daypart"] = ["morning", "afternoon", "evening", "night", "week", "winter", "summer", "weekend"]

# actor sentences: {A} any actor phrase, {S} a state as actor, {C} a capital as actor, {P} a country as
# place, {Q} a capital as place, {D} a demonym, {F} a faction, {B} a backer (state or demonym), {T} a
# town, {N} a number, {X} people, {Y} a thing, {W} weapons, {O} an official, {K} a weekday
ACTOR_TEMPLATES = [
    "{S} {~said} that it would not pull its forces out of the area {~near} {T}.",
    "{F} fighters {~attacked} {Y} {~near} {T} {~time}, killing {N} {X}, {O} said.",
    "The {B}-backed {F} pushed towards {T} after {N} days of {~fighting}.",
    "{C} accused {F} of breaking the truce {~time} and warned of a firm response.",
    "{D} {W} {~attacked} positions held by {F} {~near} {T} {~time}.",
    "Talks in {Q} ended {~time} without a deal, {O} {~said}.",
    "{N} {X} fled into {P} {~time} as {~fighting} spread.",
    "{A} denied any role in the attack on {Y} {~near} {T}.",
    "{S} has armed {F} for years, according to {O}.",
    "A delegation from {C} met {F} {~time} to discuss a prisoner swap.",
    "{F} {~said} it had captured {T} after government forces withdrew {~time}.",
    "The statement from {C} came hours after {D} {W} were seen {~near} {T}.",
    "{A} and {A2} traded accusations {~time} over the {~adj} ceasefire.",
    "Officials in {Q} {~said} they feared a new wave of refugees.",
    "{D} officials {~said} {F} posed a threat to regional security.",
    "The offensive was backed by {S}, which supplied {W} and intelligence.",
    "{F} militants were blamed for a car bomb that killed {N} {X} in {T} {~time}.",
    "{A} {~said} the strikes {~near} {T} targeted weapons stores belonging to {F}.",
    "Aid convoys from {P} reached {T} {~time} for the first time in months.",
    "{O} said {F} had received funding from {S}.",
    "{S} and {S2} agreed {~time} to set up joint patrols {~near} {T}.",
    "The {B}-backed forces {~attacked} villages {~near} {T}, {O} said.",
    "In {Q}, the foreign ministry summoned the ambassador of {P2} {~time}.",
    "{F} commanders {~said} they would hand over heavy weapons only to a national army.",
    "Residents of {T} {~said} {D} patrols had become a {~adj} daily sight.",
    "{A} called {~time} for an inquiry into the deaths of {N} {X} {~near} {T}.",
    "Diplomats in {Q} {~said} {S} was pressing {F} to join the negotiations.",
    "{F}, supported by {S}, took control of {Y} {~near} {T} {~time}.",
    "{C} {~said} {~time} that {F} must leave {T}.",
    "Forces loyal to {A} {~attacked} {Y} {~near} {T}, {O} said.",
]
HEADLINES = [
    "{F} advances on {T} as {S} warns of escalation",
    "{S} says it will keep forces near {T}",
    "{D} strikes hit {F} positions near {T}",
    "Talks in {Q} stall over the future of {T}",
    "{A} blames {A2} for collapse of truce",
    "Thousands flee {T} as fighting spreads",
    "{B}-backed {F} captures villages near {T}",
    "Aid reaches {T} after months of siege",
]
_SYN_SLOT = re.compile(r"\{~(\w+)\}")
CRUFT = [
    "Share this article",
    "Read more: our coverage of the war in the north",
    "Advertisement",
    "Follow us on social media for the latest updates",
]


def _gazetteer_vocab() -> dict[str, list[str]]:
    """Alias lists per slot, from the kit's gazetteer (names, acronyms, leaders, capitals, demonyms)."""
    import helpers as h

    g = h.load_gazetteer()
    al = g.aliases[g.aliases["entity"].astype(str) != ""]
    kind = g.actors["kind"].to_dict()
    open_ = al["to"].isna()  # readings still in force, so the tagger's dated resolution has work to do
    vocab: dict[str, list[str]] = {"S": [], "C": [], "D": [], "F": [], "A": [], "P": []}
    for ent, text, via, reading in zip(al["entity"], al["text"], al["via"], al["reading"]):
        k = kind.get(ent)
        if via == "name" and reading == "contextual" and k == "state":
            vocab["S"].append(text)
            vocab["P"].append(text)
        elif via == "capital":
            vocab["C"].append(text)
        elif via == "demonym" and reading == "actor" and not text.endswith("s"):
            vocab["D"].append(text)
        elif via in ("name", "acronym") and k in ("faction", "coalition") and reading == "actor":
            vocab["F"].append(text)
        if via in ("name", "acronym", "leader", "body") and reading == "actor":
            vocab["A"].append("the " + text if via == "body" and not text.isupper() else text)
    del open_
    # the common names come up far more often in real coverage: weight them by repetition
    common = {
        "S": ["Russia", "Iran", "Turkey", "the United States", "Israel", "the US", "Jordan", "Iraq"],
        "C": ["Moscow", "Tehran", "Ankara", "Washington", "Damascus", "Beirut"],
        "D": ["Russian", "Iranian", "Turkish", "American", "Israeli"],
        "F": [
            "Hezbollah",
            "the SDF",
            "HTS",
            "ISIS",
            "rebels",
            "the YPG",
            "the Islamic State",
            "the Syrian National Army",
            "Hayat Tahrir al-Sham",
            "the PKK",
        ],
        "A": ["Assad", "Putin", "Erdogan", "the Pentagon", "the Kremlin", "the UN", "the IDF"],
    }
    for slot, names in common.items():
        vocab[slot] = vocab[slot] + names * max(3, len(vocab[slot]) // len(names))
    return vocab


def _fill(template: str, rng: np.random.Generator, vocab: dict[str, list[str]]) -> str:
    def pick(seq: list[str]) -> str:
        return seq[int(rng.integers(len(seq)))]

    out = _SYN_SLOT.sub(lambda m: pick(SYN[m.group(1)]), template)
    out = re.sub(r"\s+([,.])", r"\1", out.replace("  ", " ")).strip()
    for slot, src in (
        ("{A2}", vocab["A"]),
        ("{S2}", vocab["S"]),
        ("{P2}", vocab["P"]),
        ("{A}", vocab["A"]),
        ("{S}", vocab["S"]),
        ("{C}", vocab["C"]),
        ("{P}", vocab["P"]),
        ("{Q}", vocab["C"]),
        ("{D}", vocab["D"]),
        ("{F}", vocab["F"]),
        ("{T}", TOWNS),
        ("{N}", NUMBERS),
        ("{X}", PEOPLE),
        ("{Y}", THINGS),
        ("{W}", WEAPONS),
        ("{O}", OFFICIALS),
        ("{K}", WEEKDAYS),
    ):
        while slot in out:
            out = out.replace(slot, pick(src), 1)
    while "{B}" in out:
        b = pick(vocab["S"] + vocab["D"]).replace("the ", "")
        out = out.replace("{B}", b, 1)
    out = out.replace("The the ", "The ").replace("the the ", "the ")
    return out[0].upper() + out[1:]


def _pools(
    rng: np.random.Generator, n_actor: int = 60000, n_filler: int = 120000
) -> tuple[list[str], list[str], list[str]]:
    vocab = _gazetteer_vocab()
    actor = [_fill(ACTOR_TEMPLATES[int(rng.integers(len(ACTOR_TEMPLATES)))], rng, vocab) for _ in range(n_actor)]
    heads = [_fill(HEADLINES[int(rng.integers(len(HEADLINES)))], rng, vocab) for _ in range(n_actor // 4)]
    filler = [_fill(FILLER_TEMPLATES[int(rng.integers(len(FILLER_TEMPLATES)))], rng, vocab) for _ in range(n_filler)]
    return actor, filler, heads


def _date_string(day: np.datetime64, fmt: int, minute: int) -> str:
    d = str(day)
    if fmt == 0:
        return f"{d}T{minute // 60:02d}:{minute % 60:02d}:00Z"
    y, mo, dd = d.split("-")
    import datetime as _dt

    wd = _dt.date(int(y), int(mo), int(dd)).strftime("%a")
    return f"{wd}, {dd} {MONTHS[int(mo) - 1][:3]} {y} {minute // 60:02d}:{minute % 60:02d}:00 GMT"


def _paragraphs(rng: np.random.Generator, actor: list[str], filler: list[str], source: str) -> list[str]:
    """A fresh article's paragraphs: actor and filler sentences, sometimes a dateline and a line of cruft,
    and the outlet's sign-off (the random draws in a fixed order, so one seed gives one corpus)."""
    n_sent = int(rng.integers(33, 41))
    is_actor = rng.random(n_sent) < 0.2
    ai = rng.integers(len(actor), size=n_sent)
    fi = rng.integers(len(filler), size=n_sent)
    sents = [actor[a] if x else filler[f] for x, a, f in zip(is_actor, ai, fi)]
    cuts = np.cumsum(rng.integers(3, 6, size=n_sent))
    paras, prev = [], 0
    for c in cuts:
        if prev >= n_sent:
            break
        paras.append(" ".join(sents[prev:c]))
        prev = int(c)
    if rng.random() < 0.3:
        day_name = MONTHS[int(rng.integers(12))]
        paras[0] = (
            f"{DATELINES[int(rng.integers(len(DATELINES)))]}, {day_name} {int(rng.integers(1, 29))} - " + paras[0]
        )
    if rng.random() < 0.25:
        paras.insert(int(rng.integers(1, len(paras))), CRUFT[int(rng.integers(len(CRUFT)))])
    paras.append(f"{source}: independent reporting from the region")
    return paras


def generate(out_dir: str | Path, n_articles: int, seed: int = 7) -> list[Path]:
    """Write ``n_articles`` synthetic articles as JSON-lines shards under ``out_dir``.

    Args:
        out_dir: folder for the shards (created; a finished set with the same size, seed and
            generator version is reused as is).
        n_articles: number of articles.
        seed: random seed (the same seed gives the same corpus).

    Returns:
        The shard paths, in order.
    """
    out = Path(out_dir)
    manifest = out / ".manifest.json"
    want = {"n_articles": n_articles, "seed": seed, "version": VERSION, "shard_size": SHARD_SIZE}
    if manifest.is_file():
        have = json.loads(manifest.read_text())
        if {k: have.get(k) for k in want} == want:
            return [out / name for name in have["shards"]]
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("shard-*.jsonl"):
        old.unlink()
    rng = np.random.default_rng(seed)
    actor, filler, heads = _pools(rng)
    start = np.datetime64("2022-01-01")
    n_days = int((np.datetime64("2025-01-01") - start).astype(int))
    recent: list[dict] = []
    shards: list[Path] = []
    fh = None
    for i in range(n_articles):
        if i % SHARD_SIZE == 0:
            if fh:
                fh.close()
            shards.append(out / f"shard-{len(shards):04d}.jsonl")
            fh = shards[-1].open("w", encoding="utf-8")
        src = int(rng.integers(len(SOURCES)))
        source = SOURCES[src]
        if recent and rng.random() < 0.03:
            # a syndicated near-copy of a recent story, run by another outlet
            orig = recent[int(rng.integers(len(recent)))]
            paras = orig["text"].split("\n\n")
            paras[0] = actor[int(rng.integers(len(actor)))] + " " + paras[0].split(". ", 1)[-1]
            body = "\n\n".join(p for p in paras if not p.startswith(orig["source"]))
            rec = {
                "title": heads[int(rng.integers(len(heads)))],
                "date": orig["date"],
                "source": source,
                "url": "",
                "text": body + f"\n\n{source}: independent reporting from the region",
            }
        else:
            paras = _paragraphs(rng, actor, filler, source)
            day = start + np.timedelta64(int(rng.integers(n_days)), "D")
            date = "" if rng.random() < 0.01 else _date_string(day, int(rng.integers(2)), int(rng.integers(1440)))
            rec = {
                "title": heads[int(rng.integers(len(heads)))],
                "date": date,
                "source": source,
                "url": f"https://{source.lower().replace(' ', '')}.example/{i}",
                "text": "\n\n".join(paras),
            }
            recent.append(rec)
            if len(recent) > 500:
                recent.pop(0)
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    if fh:
        fh.close()
    manifest.write_text(json.dumps({**want, "shards": [p.name for p in shards]}, indent=1))
    log.info("wrote %d synthetic articles in %d shards to %s", n_articles, len(shards), out)
    return shards


def main() -> None:
    """Command line: ``python bench/synth.py OUT_DIR N_ARTICLES [--seed S]``."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("n_articles", type=int)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    for p in generate(a.out_dir, a.n_articles, a.seed):
        print(p)


if __name__ == "__main__":
    main()
