"""Synthetic news-like articles for the benchmark, written from the kit's own templates and vocabulary.

Nothing here is copied from any real corpus: sentences are built from the templates and word lists below,
and actor names come from the kit's own gazetteer (``data/gazetteers/syria.yaml``), so the tagger meets
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
from pathlib import Path

import numpy as np

log = logging.getLogger("bench.synth")

#: Articles per JSON-lines shard.
SHARD_SIZE = 5000
#: Bump when the generator changes, so cached data sets are rebuilt.
VERSION = 3

SOURCES = [
    "Harbour Courier", "Eastern Wire", "Orontes Daily", "Meridian Post", "Cedar Line News", "Northfield Times",
    "Desert Bulletin", "Riverside Herald", "Capital Dispatch", "Coastline Journal", "Plateau Review",
    "Crossroads Monitor", "Lantern Press", "Granary Gazette", "Summit Observer", "Frontier Report",
    "Bridgewater Chronicle", "Valley Sentinel", "Compass News Agency", "Horizon Weekly",
]
TOWNS = ["Idlib", "Aleppo", "Raqqa", "Deir ez-Zor", "Homs", "Hama", "Manbij", "Kobani", "Afrin", "Daraa",
         "Latakia", "Tartus", "Palmyra", "Douma", "Qamishli", "al-Bab", "Jarablus", "Tel Rifaat", "Saraqeb",
         "Maarat al-Numan", "Khan Sheikhoun", "Quneitra", "Suwayda", "Albu Kamal", "Mayadin", "Hasakah",
         "Azaz", "Jisr al-Shughur", "Ras al-Ain", "Tal Abyad", "Ariha", "Salqin", "Harem", "Kafr Nabl"]
DATELINES = ["BEIRUT", "AMMAN", "ISTANBUL", "GAZIANTEP", "ERBIL", "CAIRO", "GENEVA", "NICOSIA", "DUBAI"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBERS = ["two", "three", "four", "five", "six", "seven", "eight", "a dozen", "dozens of", "about 20",
           "at least 11", "more than 30", "nearly 40", "hundreds of", "several"]
PEOPLE = ["civilians", "fighters", "residents", "soldiers", "displaced families", "aid workers", "farmers",
          "children", "detainees", "medics", "teachers", "truck drivers", "shopkeepers", "volunteers"]
THINGS = ["a checkpoint", "a supply convoy", "an ammunition depot", "a field hospital", "a bakery",
          "a water station", "a power plant", "a school", "a bridge", "the main road", "a grain silo",
          "a border crossing", "an airbase", "a fuel depot", "a market", "a radio mast", "a clinic"]
WEAPONS = ["drones", "warplanes", "artillery", "rocket launchers", "armoured vehicles", "air defences",
           "military advisers", "special forces", "helicopters", "anti-tank missiles"]
OFFICIALS = ["a senior official", "a military source", "a local council member", "a spokesman",
             "an aid coordinator", "a diplomat", "a commander", "a resident", "a monitor", "an analyst"]

# filler: sentences without actors, built from clause pools (our own wording)
F_OPEN = ["Residents said", "Witnesses told reporters", "Local officials reported", "Aid groups warned",
          "Doctors at a nearby clinic said", "Footage shared online appeared to show", "It was not clear whether",
          "Analysts noted", "Earlier in the week,", "By nightfall,", "According to people in the area,",
          "Farmers complained", "Shop owners said", "Teachers in the district said", "Medical staff reported",
          "Community leaders argued", "Observers cautioned", "In a separate incident,", "Later that day,",
          "Relief workers estimated"]
F_MIDDLE = ["prices of bread and fuel had doubled", "the road to the coast remained closed",
            "electricity came on for only two hours a day", "families were sleeping in unfinished buildings",
            "the winter rains had flooded several camps", "water trucks arrived late for a third day",
            "schools reopened with half of their teachers", "the harvest was the worst in a decade",
            "mobile networks went down for several hours", "ambulances could not reach the wounded",
            "the local currency lost a fifth of its value", "convoys waited for days at the crossing",
            "the ceasefire held for most of the night", "shelling resumed shortly after dawn",
            "hundreds of families returned to damaged homes", "the market was crowded despite the danger",
            "most of the bakeries in the town had shut", "the hospital was running out of fuel",
            "a cholera outbreak had spread through the camps", "young men were leaving to find work abroad",
            "the front lines had barely moved in months", "negotiations over prisoners had stalled",
            "smugglers were charging more for the trip", "rubble still blocked the main square",
            "the price of diesel rose again", "landmines made the fields too dangerous to plough"]
F_TAIL = ["", "", "", " in recent weeks", " since the start of the year", " over the weekend",
          " despite repeated promises", " according to figures seen by reporters", " for the first time in years",
          " as temperatures dropped", " while talks continued", " in the north of the country",
          " along the river valley", " across the province"]

# actor sentences: {A} any actor phrase, {S} a state as actor, {C} a capital as actor, {P} a country as
# place, {Q} a capital as place, {D} a demonym, {F} a faction, {B} a backer (state or demonym), {T} a
# town, {N} a number, {X} people, {Y} a thing, {W} weapons, {O} an official, {K} a weekday
ACTOR_TEMPLATES = [
    "{S} said on {K} that it would not withdraw its forces from the area around {T}.",
    "{F} fighters attacked {Y} on the outskirts of {T}, killing {N} {X}, {O} said.",
    "The {B}-backed {F} pushed towards {T} after {N} days of heavy fighting.",
    "{C} accused {F} of violating the truce and warned of a firm response.",
    "{D} {W} struck positions held by {F} near {T} overnight.",
    "Talks in {Q} ended without agreement, {O} told reporters.",
    "{N} {X} fled across the border into {P} as fighting spread.",
    "{A} denied any role in the attack on {Y} in {T}.",
    "{S} has armed {F} since the early years of the war, according to {O}.",
    "A delegation from {C} met representatives of {F} to discuss a prisoner exchange.",
    "{F} said it had captured {T} after government forces withdrew.",
    "The statement from {C} came hours after {D} {W} were seen moving towards {T}.",
    "{A} and {A2} traded accusations over the collapse of the ceasefire.",
    "Officials in {Q} said they feared a new wave of refugees.",
    "{D} officials said {F} posed a threat to regional security.",
    "The offensive was backed by {S}, which supplied {W} and intelligence.",
    "{F} militants were blamed for a car bomb that killed {N} {X} in {T}.",
    "{A} said the strikes targeted weapons stores belonging to {F}.",
    "Aid convoys from {P} reached {T} for the first time in months.",
    "{O} said {F} had received funding from {S} for at least two years.",
    "{S} and {S2} agreed to set up joint patrols along the road to {T}.",
    "The {B}-backed forces shelled villages around {T}, {O} said.",
    "In {Q}, the foreign ministry summoned the ambassador of {P2}.",
    "{F} commanders said they would hand over heavy weapons only to a national army.",
    "Residents of {T} said {D} patrols had become a daily sight.",
    "{A} called for an investigation into the deaths of {N} {X}.",
    "Diplomats in {Q} said {S} was pressing {F} to join the negotiations.",
    "{F}, supported by {S}, took control of {Y} west of {T}.",
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
CRUFT = ["Share this article", "Read more: our coverage of the war in the north", "Advertisement",
         "Follow us on social media for the latest updates"]


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
            vocab["A"].append(text)
    del open_
    # the common names come up far more often in real coverage: weight them by repetition
    common = {"S": ["Russia", "Iran", "Turkey", "the United States", "Israel", "the US", "Jordan", "Iraq"],
              "C": ["Moscow", "Tehran", "Ankara", "Washington", "Damascus", "Beirut"],
              "D": ["Russian", "Iranian", "Turkish", "American", "Israeli"],
              "F": ["Hezbollah", "the SDF", "HTS", "ISIS", "rebels", "the YPG", "the Islamic State",
                    "the Syrian National Army", "Hayat Tahrir al-Sham", "the PKK"],
              "A": ["Assad", "Putin", "Erdogan", "the Pentagon", "the Kremlin", "the UN", "the IDF"]}
    for slot, names in common.items():
        vocab[slot] = vocab[slot] + names * max(3, len(vocab[slot]) // len(names))
    return vocab


def _fill(template: str, rng: np.random.Generator, vocab: dict[str, list[str]]) -> str:
    def pick(seq: list[str]) -> str:
        return seq[int(rng.integers(len(seq)))]

    out = template
    for slot, src in (("{A2}", vocab["A"]), ("{S2}", vocab["S"]), ("{P2}", vocab["P"]), ("{A}", vocab["A"]),
                      ("{S}", vocab["S"]), ("{C}", vocab["C"]), ("{P}", vocab["P"]), ("{Q}", vocab["C"]),
                      ("{D}", vocab["D"]), ("{F}", vocab["F"]), ("{T}", TOWNS), ("{N}", NUMBERS),
                      ("{X}", PEOPLE), ("{Y}", THINGS), ("{W}", WEAPONS), ("{O}", OFFICIALS), ("{K}", WEEKDAYS)):
        while slot in out:
            out = out.replace(slot, pick(src), 1)
    while "{B}" in out:
        b = pick(vocab["S"] + vocab["D"]).replace("the ", "")
        out = out.replace("{B}", b, 1)
    out = out.replace("The the ", "The ").replace("the the ", "the ")
    return out[0].upper() + out[1:]


def _pools(rng: np.random.Generator, n_actor: int = 40000, n_filler: int = 40000
           ) -> tuple[list[str], list[str], list[str]]:
    vocab = _gazetteer_vocab()
    actor = [_fill(ACTOR_TEMPLATES[int(rng.integers(len(ACTOR_TEMPLATES)))], rng, vocab) for _ in range(n_actor)]
    heads = [_fill(HEADLINES[int(rng.integers(len(HEADLINES)))], rng, vocab) for _ in range(n_actor // 4)]
    o = rng.integers(len(F_OPEN), size=n_filler)
    m = rng.integers(len(F_MIDDLE), size=n_filler)
    m2 = rng.integers(len(F_MIDDLE), size=n_filler)
    t = rng.integers(len(F_TAIL), size=n_filler)
    t2 = rng.integers(len(TOWNS), size=n_filler)
    joins = [", and ", " in {}, while ", "; {} officials said ", " even though "]
    j = rng.integers(len(joins), size=n_filler)
    filler = []
    for i in range(n_filler):
        join = joins[j[i]]
        if "{}" in join:
            join = join.format(TOWNS[t2[i]] if join.startswith(" in") else "local")
        filler.append(f"{F_OPEN[o[i]]} {F_MIDDLE[m[i]]}{F_TAIL[t[i]]}{join}{F_MIDDLE[m2[i]]}.")
    return actor, filler, heads


def _date_string(day: np.datetime64, fmt: int, minute: int) -> str:
    d = str(day)
    if fmt == 0:
        return f"{d}T{minute // 60:02d}:{minute % 60:02d}:00Z"
    y, mo, dd = d.split("-")
    import datetime as _dt

    wd = _dt.date(int(y), int(mo), int(dd)).strftime("%a")
    return f"{wd}, {dd} {MONTHS[int(mo) - 1][:3]} {y} {minute // 60:02d}:{minute % 60:02d}:00 GMT"


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
            rec = {"title": heads[int(rng.integers(len(heads)))], "date": orig["date"], "source": source,
                   "url": "", "text": body + f"\n\n{source}: independent reporting from the region"}
        else:
            n_sent = int(rng.integers(26, 33))
            is_actor = rng.random(n_sent) < 0.27
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
                paras[0] = f"{DATELINES[int(rng.integers(len(DATELINES)))]}, {day_name} {int(rng.integers(1, 29))} - " \
                           + paras[0]
            if rng.random() < 0.25:
                paras.insert(int(rng.integers(1, len(paras))), CRUFT[int(rng.integers(len(CRUFT)))])
            paras.append(f"{source}: independent reporting from the region")
            day = start + np.timedelta64(int(rng.integers(n_days)), "D")
            date = "" if rng.random() < 0.01 else _date_string(day, int(rng.integers(2)), int(rng.integers(1440)))
            rec = {"title": heads[int(rng.integers(len(heads)))], "date": date, "source": source,
                   "url": f"https://{source.lower().replace(' ', '')}.example/{i}", "text": "\n\n".join(paras)}
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
