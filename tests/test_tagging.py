"""Tagging: exact offsets, whole words, longest match, case, dates, roles, sentence ids, KWIC."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import helpers as h
from helpers.mentions import MENTION_COLUMNS
from helpers.sentences import load_sentence_model
from helpers.tagging import Tagger


@pytest.fixture(scope="module")
def tagger():
    return Tagger()


def corpus_of(texts, dates=None, titles=None):
    n = len(texts)
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(n)],
            "title": titles or [""] * n,
            "text": texts,
            "date": pd.to_datetime(dates or ["2024-11-30"] * n, utc=True),
            "source": ["s"] * n,
            "duplicate_of": pd.array([None] * n, dtype="string"),
        }
    )


def tag(text, date="2024-11-30", **kw):
    m = h.tag_mentions(corpus_of([text], [date]), **kw)
    return [(r.surface, r.entity, r.role) for r in m.itertuples()]


def ents(text, date="2024-11-30", role="actor", **kw):
    return [(s, e) for s, e, r in tag(text, date, **kw) if role is None or r == role]


def test_columns_and_offsets():
    c = corpus_of(
        ["The US-backed Syrian Democratic Forces (SDF) fought Isis.\n\nRussia’s jets struck."],
        titles=["Turkey says it will act"],
    )
    m = h.tag_mentions(c)
    assert list(m.columns) == MENTION_COLUMNS
    for r in m.itertuples():
        assert c.loc[0, r.field][r.start : r.end] == r.surface
    assert [(r.surface, r.entity) for r in m.itertuples() if r.field == "text"] == [
        ("US", "united_states"),
        ("Syrian Democratic Forces", "sdf"),
        ("SDF", "sdf"),
        ("Isis", "isis"),
        ("Russia", "russia"),
    ]
    assert m.loc[m.field == "title", "entity"].tolist() == ["turkey"]
    assert m.loc[m.surface == "Russia", "para_id"].item() == 1
    assert m.loc[m.surface == "Russia", "sent_id"].item() == 1
    assert str(m["entity"].dtype) == "category" and str(m["start"].dtype) == "int32"


def test_whole_words_case_and_pronouns():
    assert ents("Iranian officials met Iran's envoy.") == [("Iranian", "iran"), ("Iran", "iran")]
    assert ents("They told us the IS fighters had left. Is the truce holding?") == [("IS", "isis")]
    assert ents("The U.S. and the U.N. condemned it.") == [("U.S.", "united_states"), ("U.N.", "united_nations")]
    assert ents("Businesses in Russiagate and Hamasville") == []
    assert ents("Hay’at Tahrir al-Sham and Hay'at Tahrir ash-Sham") == [
        ("Hay’at Tahrir al-Sham", "hts"),
        ("Hay'at Tahrir ash-Sham", "hts"),
    ]
    assert ents("al-Qaeda, Al Qaeda and al Qaida") == [
        ("al-Qaeda", "al_qaeda"),
        ("Al Qaeda", "al_qaeda"),
        ("al Qaida", "al_qaeda"),
    ]
    assert ents("Erdoğan spoke. Türkiye replied.") == [("Erdoğan", "turkey"), ("Türkiye", "turkey")]
    assert ents("fighters of Hayat Tahrir\nal-Sham entered") == [("Hayat Tahrir\nal-Sham", "hts")]


def test_an_acronym_whose_apostrophe_a_scrape_dropped():
    assert ents("Ankara asked the SDFs chief backer to leave.") == [("Ankara", "turkey"), ("SDF", "sdf")]
    assert ents("USs and ISs") == []  # two letters: too short to read past an s
    assert ents("the SDFish accent") == []


def test_longest_match_wins():
    assert ents("the Free Syrian Army and the Syrian National Army") == [
        ("Free Syrian Army", "free_syrian_army"),
        ("Syrian National Army", "syrian_national_army"),
    ]
    assert ents("the Syrian Observatory for Human Rights said") == [
        ("Syrian Observatory for Human Rights", "syrian_observatory")
    ]


def test_dates_resolve_renames_and_the_fall_of_assad():
    assert ents("the Syrian government said", "2024-12-07") == [("Syrian government", "syrian_government")]
    assert ents("the Syrian government said", "2024-12-08") == [("Syrian government", "syrian_transitional_government")]
    assert ents("Damascus said", "2024-12-08")[0][1] == "syrian_transitional_government"
    # undated: the reading before the most recent change
    c = corpus_of(["the Syrian government said"])
    c["date"] = pd.NaT
    assert h.tag_mentions(c).entity.tolist() == ["syrian_government"]
    assert h.tag_mentions(c, options=h.TagOptions(default_date="2025-01-01")).entity.tolist() == [
        "syrian_transitional_government"
    ]


def test_roles_place_and_actor():
    assert tag("Refugees in Lebanon waited.") == [("Lebanon", "lebanon", "place")]
    assert tag("Ankara said it would respond.") == [("Ankara", "turkey", "actor")]
    assert tag("Assad fled to Moscow.") == [("Assad", "syrian_government", "actor"), ("Moscow", "russia", "place")]
    assert tag("Rebels entered Damascus.", "2024-12-08")[1] == ("Damascus", "syrian_transitional_government", "place")
    assert ("Tehran", "iran", "actor") in tag("Tehran-backed militias")
    assert ("Damascus", "syrian_government", "actor") in tag("pro-Damascus newspapers")
    assert ("Moscow", "russia", "actor") in tag("Moscow's support was decisive")
    assert ("Turkey", "turkey", "place") in tag("the borderlands of Turkey and Lebanon")
    assert ("Lebanon", "lebanon", "place") in tag("the borderlands of Turkey and Lebanon")
    assert ("Turkey", "turkey", "actor") in tag("Turkey launched an operation")


def test_syria_and_syrian_only_as_actors():
    assert tag("Syrian refugees returned home from camps in Syria.") == []
    assert ents("Syria accused Israel of aggression.") == [("Syria", "syrian_government"), ("Israel", "israel")]
    assert ents("Syrian forces and Syrian officials") == [
        ("Syrian", "syrian_government"),
        ("Syrian", "syrian_government"),
    ]
    assert ents("fighting in northern Syria") == []


def test_vias_can_be_dropped():
    text = "Putin met Erdogan in Moscow. The Kremlin said Russia would help."
    all_vias = {e for _, e in ents(text, role=None)}
    assert "russia" in all_vias
    only = tag(text, options=h.TagOptions(vias=("name",)))
    assert [s for s, _, _ in only] == ["Russia"]


def test_sentence_ids_honour_abbreviations():
    text = "The U.S. envoy met Gen. Mazloum Abdi and Lt. Col. Smith in Hasakah. Russia objected."
    m = h.tag_mentions(corpus_of([text]))
    assert m.set_index("surface").loc["Russia", "sent_id"] == 1
    assert m.set_index("surface").loc["U.S.", "sent_id"] == 0
    model = load_sentence_model()
    assert len(model.spans(text)) == 2
    assert model.punkt_spans(text) == model.spans(text)


_SENT_TEXT = st.lists(
    st.sampled_from(
        [
            "The",
            "U.S.",
            "Gen.",
            "envoy",
            "said",
            "it.",
            "Russia",
            "J.",
            "R.",
            "Smith",
            "left!",
            "Why?",
            '"Yes."',
            "(AP)",
            "1.2.",
            "no.",
            "...",
            "\n",
            "\n\n",
            "\n \n",
            "Mr.",
            "e.g.",
            "Damascus.",
        ]
    ),
    max_size=40,
).map(" ".join)


@given(_SENT_TEXT)
@settings(max_examples=300, deadline=None)
def test_sentence_ids_agree_with_spans(text):
    # the tagger's sentence ids (boundaries counted up to the last mention) are the index of the span
    # holding the offset, for every non-space offset, and no sentence crosses a paragraph break
    model = load_sentence_model()
    spans = model.spans(text)
    offsets = [i for i, ch in enumerate(text) if not ch.isspace()]
    expected = []
    for i in offsets:
        hit = [k for k, (a, b) in enumerate(spans) if a <= i < b]
        assert len(hit) == 1, (text, i, spans)
        expected.append(hit[0])
    assert model.sentence_ids(text, offsets) == expected
    for k in range(0, len(offsets), 7):
        assert model.sentence_ids(text, offsets[: k + 1]) == expected[: k + 1]
    for a, b in spans:
        assert "\n\n" not in text[a:b] and "\n \n" not in text[a:b]


def test_sentence_splitter_agrees_with_punkt_on_the_sample_corpus():
    model = load_sentence_model()
    texts = h.load_corpus(h.config.SAMPLE_CORPUS, dedupe_threshold=None)["text"].tolist()
    same = sum(model.spans(t) == model.punkt_spans(t) for t in texts)
    assert same / len(texts) >= 0.95, same


def test_abbreviation_before_a_sentence_starter_ends_the_sentence():
    model = load_sentence_model()
    assert len(model.spans("Troops left the U.S. The talks went on.")) == 2
    assert len(model.spans("Troops left the U.S. Embassy in Damascus.")) == 1
    assert len(model.spans("He met Gen. The Minister.")) == 1  # a title never ends a sentence
    assert len(model.spans("It rose to 1.2. Then it fell.")) == 2


def test_headline_only_corpus_is_tagged():
    c = corpus_of(["", ""], titles=["Isis fighters seize Palmyra", "Russia bombs Aleppo"])
    m = h.tag_mentions(c)
    assert (m.field == "title").all() and len(m) == 2
    assert set(m.entity) == {"isis", "russia"}


def test_kwic():
    c = corpus_of(["Before words. Russia bombed the town near Idlib. After words."])
    m = h.tag_mentions(c)
    k = h.kwic(m, c, "russia", width=10)
    assert list(k.columns)[:6] == ["left", "match", "right", "doc_id", "date", "source"]
    assert k.match.tolist() == ["Russia"] and k.left[0] == "re words. " and k.right[0] == " bombed th"


@pytest.mark.slow  # worker processes: the full suite runs it, the fast one (under a minute) does not
def test_parallel_equals_serial():
    texts = [f"Story {i}: the US-backed SDF and Turkish forces clashed near Manbij; Iran said." for i in range(40)]
    c = corpus_of(texts, [f"2024-12-0{1 + i % 9}" for i in range(40)])
    one = h.tag_mentions(c)
    two = h.tag_mentions(c, n_jobs=2, options=h.TagOptions(chunk_size=7))
    key = ["doc_id", "field", "start"]
    a = one.sort_values(key).reset_index(drop=True)
    b = two.sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(a.astype(str), b.astype(str))


# ------------------------------------------------------------------------------------ properties

_words = st.sampled_from(
    [
        "Russia",
        "Iran’s",
        "the",
        "US",
        "us",
        "İstanbul",
        "İ",
        "Hezbollah",
        "rebels",
        "al-Nusra",
        "Jabhat",
        "\n",
        "\n\n",
        "said.",
        "U.S.",
        "ß",
        "Syrian",
        "forces",
        "IS",
        "Is",
        "ﬁ",
        "Damascus",
        "-backed",
        "SDF",
        "Türkiye",
        "x",
        ",",
        "Erdoğan",
        "Hayat",
        "Tahrir",
        "al-Sham",
    ]
)
_texts = st.lists(_words, min_size=0, max_size=40).map(" ".join)


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(_texts)
def test_offsets_slice_to_surface_and_never_overlap(text):
    t = Tagger()
    out = t.tag_text(text, 20000)
    last = -1
    for start, end, _reading, _role in out:
        assert start >= last
        last = end
        assert text[start:end]
    m = h.tag_mentions(corpus_of([text]))
    for r in m.itertuples():
        assert text[r.start : r.end] == r.surface


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(_texts, _texts)
def test_concatenation_shifts_offsets(a, b):
    # whether an article is about Syria is decided per article (generic words need it), so the parts are
    # tagged as parts of one article: context on for all three calls
    t = Tagger()
    sep = "\n\n"
    ta = [(s, r.entity) for s, _, r, _ in t.tag_text(a, 20000, context=True)]
    tb = [(s + len(a) + len(sep), r.entity) for s, _, r, _ in t.tag_text(b, 20000, context=True)]
    tab = [(s, r.entity) for s, _, r, _ in t.tag_text(a + sep + b, 20000, context=True)]
    assert tab == ta + tb


# ---------------------------------------------------------------------------------------- real data


def test_seed_article(shared_dir):
    c = h.load_corpus(shared_dir / "seeds/000_9fe83e35984676be.txt")
    m = h.tag_mentions(c)
    actors = set(m.loc[m.role == "actor", "entity"])
    assert {
        "syrian_government",
        "syrian_opposition",
        "hts",
        "russia",
        "iran",
        "turkey",
        "united_states",
        "israel",
        "hezbollah",
        "houthis",
        "sdf",
        "ypg",
        "jabhat_al_nusra",
        "jaysh_al_izza",
        "white_helmets",
        "ukraine",
        "lebanon",
    } <= actors
    s = h.extract_support(c, m)
    edges = set(zip(s.backer.astype(str), s.client.astype(str)))
    assert {
        ("russia", "syrian_government"),
        ("iran", "syrian_government"),
        ("turkey", "syrian_opposition"),
        ("united_states", "sdf"),
    } <= edges
    assert not any(b == "israel" for b, _ in edges)
    assert ("russia", "syrian_government") in set(
        zip(s.loc[s.field == "title", "backer"].astype(str), s.loc[s.field == "title", "client"].astype(str))
    )


def test_fakes_syrian_government_resolves_to_assad(shared_dir):
    c = h.load_corpus(shared_dir / "corpora/fa-kes/FA-KES-Dataset.csv")
    m = h.tag_mentions(c)
    sg = m[m.surface.str.lower().str.contains("syrian government")]
    assert len(sg) > 20
    assert set(sg.entity) == {"syrian_government"}


def test_sample_after_the_fall_resolves_to_transitional():
    c = h.load_corpus(h.config.SAMPLE_CORPUS)
    m = h.tag_mentions(c)
    sg = m[m.surface.str.lower().isin(["syrian government", "government forces", "damascus"]) & (m.role == "actor")]
    after = sg[sg.date >= pd.Timestamp("2024-12-08", tz="UTC")]
    before = sg[sg.date < pd.Timestamp("2024-12-08", tz="UTC")]
    by_date = after[after.dated_by != "context"]
    assert len(by_date) and set(by_date.entity) == {"syrian_transitional_government"}
    assert len(before) and set(before.entity) == {"syrian_government"}
    # "Since September 2015 the Russian Aerospace Forces had supported the legitimate Syrian government",
    # in a Tass story after the fall, is Assad's government: the year in the sentence decides
    assert set(after.loc[after.dated_by == "context", "entity"]) <= {"syrian_government"}


def test_sentence_model_retrains_offline_on_a_corpus():
    texts = h.load_corpus(h.config.SAMPLE_CORPUS)["text"].tolist()
    model = h.train_sentence_model(texts, source="test")
    assert {"u.s", "gen", "lt", "col"} <= model.abbreviations
    assert model.split("Forces backed by the U.S. Army took the town. Turkey objected.") == [
        "Forces backed by the U.S. Army took the town.",
        "Turkey objected.",
    ]
    assert model.fingerprint != load_sentence_model().fingerprint or model.to_json() == load_sentence_model().to_json()


def test_generic_words_need_an_article_about_syria():
    c = corpus_of(
        [
            "Opposition parties won the vote in Accra; rebels in Sudan fought government forces.",
            "In Idlib, rebels fought government forces.",
            "Houthi rebels fired at ships.",
        ],
        ["2024-11-30"] * 3,
    )
    m = h.tag_mentions(c)
    by_doc = m.groupby("doc_id")["entity"].apply(lambda s: sorted(set(s.astype(str)))).to_dict()
    assert "d0" not in by_doc
    assert by_doc["d1"] == ["syrian_government", "syrian_opposition"]
    assert by_doc["d2"] == ["houthis"]


def test_article_context_comes_from_either_field_even_when_untagged():
    c = corpus_of(
        ["Rebels fought government forces overnight."] * 3,
        ["2024-11-30"] * 3,
        titles=["Fighting near Hama", "Clashes in Sudan", "Assad's army clashes with rebels"],
    )
    ents = h.tag_mentions(c).groupby("doc_id")["entity"].apply(lambda s: set(s.astype(str))).to_dict()
    assert {"syrian_government", "syrian_opposition"} <= ents["d0"]  # "Hama" in the title
    assert "d1" not in ents  # Sudan: generic words stay silent
    assert "syrian_opposition" in ents["d2"]  # an alias that is a context word
    text_only = h.tag_mentions(c, options=h.TagOptions(fields=("text",)))
    assert set(text_only["doc_id"]) == {"d0", "d2"} and (text_only["field"] == "text").all()


def test_capitalised_headlines_keep_is_a_verb():
    c = corpus_of([""], titles=["WHAT IS NEXT FOR SYRIA AFTER ASSAD"])
    c2 = corpus_of(["IS fighters attacked SDF positions near Raqqa."])
    assert "isis" not in set(h.tag_mentions(c).entity.astype(str))
    assert "isis" in set(h.tag_mentions(c2).entity.astype(str))


# ------------------------------------------------------------------------------------------ speed-ups


def test_needs_words_are_found_once_per_field(tagger, monkeypatch):
    title, text = (
        tagger.scan("Turkey-backed rebels advance")[0],
        tagger.scan("The new government met. Pro-Iran militias")[0],
    )
    calls = []
    real = tagger._needs_ac

    class Counting:
        def find_matches_as_indexes(self, folded, overlapping):
            calls.append(folded)
            return real.find_matches_as_indexes(folded, overlapping=overlapping)

    monkeypatch.setattr(tagger, "_needs_ac", Counting())
    monkeypatch.setattr(tagger, "_wheres", [])
    first = [tagger.needs_where(title), tagger.needs_where(text)]
    again = [tagger.needs_where(title), tagger.needs_where(text), tagger.needs_where(title)]
    assert calls == [title, text]  # title and text alternate: each is matched once
    assert again == first + first[:1]
    assert set(first[0]) == {"-backed", "turkey"} and set(first[1]) == {"new", "pro-"}
    assert first[1]["new"] == [text.index("new")]


def test_context_counting_stops_early_with_the_same_packs(tagger):
    long_text = "Syria " + "filler words " * 400 + "Assad Damascus Aleppo Idlib"
    folded = [h.textnorm.fold(long_text)]
    assert tagger._context_counts(folded, 1) == {"syria": 1}  # stopped at the first word
    assert tagger._context_counts(folded, 10)["syria"] == 5  # never reached: all counted
    assert "syria" in tagger.about_conflict(folded)
    assert "syria" not in tagger.about_conflict([h.textnorm.fold("Syria " + "filler words " * 400)])


def test_candidates_tell_overlaps_and_ignore_phrases_apart(tagger):
    folded, hits = tagger.scan("Syrian Democratic Forces and Russia")
    cands, apart, ignored = tagger._candidates(folded, hits, 20000, tagger.all_packs)
    assert not apart and not ignored  # "syrian" lies inside the longer name
    assert [(s, e) for s, e, _ in cands] == sorted((s, e) for s, e, _ in cands)
    folded, hits = tagger.scan("Russia and Turkey")
    cands, apart, _ = tagger._candidates(folded, hits, 20000, tagger.all_packs)
    assert apart and [folded[s:e] for s, e, _ in cands] == ["russia", "turkey"]


def test_arabic_marks_are_looked_for_only_in_non_ascii_text(tagger, monkeypatch):
    seen = []
    real = h.arabic.has_marks
    monkeypatch.setattr(h.arabic, "has_marks", lambda t: seen.append(t) or real(t))
    tagger.scan("Russia backed Assad")
    assert seen == []
    _, hits = tagger.scan("قال حزب\u064e الله")
    assert len(seen) == 1 and hits  # the marked text is still matched with its marks dropped


def test_all_readings_and_row_codes(tagger):
    readings = tagger.all_readings()
    assert len(readings) >= len(tagger.keys) and all(hasattr(r, "entity") for r in readings)
    assert set(tagger.row_codes) == {id(r) for r in readings if r.entity}


def test_scan_finds_the_needs_words_in_the_same_pass(tagger, monkeypatch):
    text = "Turkey-backed rebels and the new Kurdish-led forces; pro-Iran militias"
    folded = h.textnorm.fold(text)
    want = {}
    for idx, start, _ in tagger._needs_ac.find_matches_as_indexes(folded, overlapping=True):
        want.setdefault(tagger._needs[idx], []).append(start)

    class Refuse:
        def find_matches_as_indexes(self, *a, **k):
            raise AssertionError("needs words matched again")

    monkeypatch.setattr(tagger, "_wheres", [])
    scanned, _ = tagger.scan(text)
    monkeypatch.setattr(tagger, "_needs_ac", Refuse())
    assert tagger.needs_where(scanned) == want and {"-backed", "new", "kurdish", "pro-"} <= set(want)
    shared = [w for w in tagger._needs if w in tagger.keys]  # needs words that are aliases too: one key each
    assert all(tagger._needs_of[tagger.keys.index(w)] == w for w in shared)
    assert len(tagger._scan_keys) == len(tagger.keys) + len(tagger._needs) - len(shared)
    assert tagger._scan_keys[: len(tagger.keys)] == tagger.keys  # the aliases keep their indexes


def test_opposition_as_a_stance_is_not_the_rebels():
    # "its opposition to": what a state objects to (the pack's ignore phrases), not the Syrian opposition
    def found(text):
        return {e for _, e in ents(text, "2017-05-01")}

    assert "syrian_opposition" not in found("In Syria, Turkey restated its opposition to arming the YPG.")
    assert "syrian_opposition" in found("In Syria, the opposition rejected the plan.")


def test_syrias_former_leader_after_his_fall_is_no_new_state():
    got = {
        e
        for _, e in ents(
            "Syria's deposed former leader al-Assad settles in Moscow under Russian protection", "2024-12-09"
        )
    }
    assert "syrian_transitional_government" not in got and "syrian_government" in got


def test_british_and_german_leaders_and_un_agencies_by_date():
    def found(text, date):
        return {e for _, e in ents(text, date)}

    assert "united_kingdom" in found(
        "Cameron presses EU partners to lift the arms embargo on Syrian rebels", "2013-05-28"
    )
    assert "united_kingdom" not in found("Cameron and Hollande met", "2018-05-28")  # no longer prime minister
    assert "germany" in found("Angela Merkel flies to Ankara to discuss refugee funding", "2016-02-08")
    assert "united_nations" in found("Camps in Lebanon are overcrowded, UNHCR says", "2016-02-08")


def test_more_heads_of_state_by_date():
    def found(text, date):
        return {e for _, e in ents(text, date)}

    assert "china" in found("Xi Jinping met Assad in Hangzhou", "2023-09-22")
    assert "jordan" in found("King Abdullah II warned of militias on the border", "2017-05-01")
    assert "russia" in found("Dmitry Medvedev said Moscow would keep its contracts with Syria", "2011-10-01")
    assert "russia" not in found("Dmitry Medvedev said so", "2021-10-01")  # no longer president or prime minister


def test_turkish_outlets_spelling_of_daesh():
    c = corpus_of(["Türkiye stood ready to give Damascus whatever support it needed against DEASH."], ["2025-01-01"])
    assert "isis" in set(h.tag_mentions(c).entity.astype(str))


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        ("Washington paid the Southern Front factions through Amman.", "2016-03-01", {"free_syrian_army"}),
        ("Fighting raged on the southern front near Deraa.", "2016-03-01", set()),  # a front, not the coalition
        ("The Southern Front commanders met.", "2012-06-01", set()),  # before it was formed
    ],
)
def test_the_southern_front_is_the_fsa_of_the_south_from_2014(text, date, expected):
    assert {e for _, e, _ in tag(text, date)} & {"free_syrian_army"} == expected


def test_the_syrian_arab_coalition_is_the_arab_part_of_the_sdf():
    assert {e for _, e, _ in tag("The US airdropped ammunition to the Syrian Arab Coalition.", "2015-10-13")} >= {"sdf"}


def test_the_fallen_regime_after_the_fall_is_assads():
    got = {
        e
        for _, e, _ in tag("Syria's new authorities arrested officers of the toppled regime in Latakia.", "2025-05-01")
    }
    assert "syrian_government" in got


def test_a_us_armed_service_is_one_mention_of_the_state():
    c = pd.DataFrame(
        {
            "doc_id": ["d"],
            "title": [""],
            "text": ["U.S. Air Force tanker planes and US Navy ships left the Gulf."],
            "date": pd.to_datetime(["2019-06-01"], utc=True),
        }
    )
    m = h.tag_mentions(c)
    assert list(zip(m.surface, m.entity)) == [("U.S. Air Force", "united_states"), ("US Navy", "united_states")]


@pytest.mark.parametrize(
    "written",
    [
        "S.D.F.",
        "S.D.F",  # no last stop
        "\uff33.\uff24.\uff26.",  # fullwidth letters
        "S\uff0eD\uff0eF\uff0e",  # fullwidth stops
        "S.\u200bD.\u200bF.",  # zero-width spaces
        "S.D.\u00adF.",  # a soft hyphen
        "S\u0301.D.F.",  # a combining accent
        "\u0405DF",  # a Cyrillic S
        "S\u200dD\u200dF",  # zero-width joiners
    ],
)
def test_an_acronym_written_with_odd_characters_is_found_with_its_exact_span(written):
    text = f"Fighters of the {written} took the dam on Sunday."
    m = h.tag_mentions(corpus_of([text]))
    assert list(m["entity"]) == ["sdf"]
    assert text[int(m["start"].iloc[0]) : int(m["end"].iloc[0])] == m["surface"].iloc[0]
    assert m["surface"].iloc[0] == written


def test_names_with_invisible_characters_inside_are_found():
    text = "The Syrian Demo\u200bcratic Forces and Hez\u00adbollah traded fire."
    assert ents(text) == [("Syrian Demo\u200bcratic Forces", "sdf"), ("Hez\u00adbollah", "hezbollah")]
