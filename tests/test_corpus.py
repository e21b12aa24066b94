"""Behaviour of load_corpus: formats, cleaning, dates, duplicates, accounting and bad input."""

from __future__ import annotations

import gzip
import io
import json
import re
import zipfile

import pandas as pd
import pytest

import helpers as h
from helpers import inputs as inputs_mod
from helpers.corpus import CORPUS_COLUMNS, ColumnMappingError

BODY = (
    "Rebel fighters advanced on the northern city on Friday as government troops pulled back, "
    "residents said. The offensive is the largest in four years."
)


def _report(df):
    return df.attrs["load_report"]


def _balanced(rep):
    return rep.files_loaded + len(rep.skipped) + len(rep.ignored) == rep.files_seen


# -------------------------------------------------------------------------------------------- formats


def test_text_with_front_matter(tmp_path):
    (tmp_path / "a.txt").write_text(
        "---\ntitle: Rebels advance on the city\ndate: 2024-11-30T10:00:00Z\nsource: Test Wire\n"
        "url: https://t.example/a\n---\n" + BODY + "\n\nSecond paragraph here.\n",
        encoding="utf-8",
    )
    df = h.load_corpus(tmp_path)
    assert list(df.columns) == CORPUS_COLUMNS
    row = df.iloc[0]
    assert row.title == "Rebels advance on the city"
    assert row.source == "Test Wire" and row.url == "https://t.example/a"
    assert row.date == pd.Timestamp("2024-11-30T10:00:00Z")
    assert str(df["date"].dt.tz) == "UTC"
    assert row.text == BODY + "\n\nSecond paragraph here."
    assert row.n_chars == len(row.text)
    assert pd.isna(row.duplicate_of)


def test_date_from_file_name_and_sidecar(tmp_path):
    (tmp_path / "2024-11-30_aleppo.txt").write_text("Rebels take the city of Aleppo\n\n" + BODY, encoding="utf-8")
    (tmp_path / "notes.txt").write_text(BODY + " More text.", encoding="utf-8")
    (tmp_path / "notes.json").write_text(
        json.dumps({"title": "Side title", "date": "Dec 8, 2024", "source": "Side Wire"}), encoding="utf-8"
    )
    df = h.load_corpus(tmp_path).set_index("title")
    assert df.loc["Rebels take the city of Aleppo", "date"] == pd.Timestamp("2024-11-30", tz="UTC")
    assert df.loc["Side title", "date"] == pd.Timestamp("2024-12-08", tz="UTC")
    assert df.loc["Side title", "source"] == "Side Wire"
    rep = _report(h.load_corpus(tmp_path))
    assert rep.files_seen == 3 and _balanced(rep)  # the sidecar is accounted for, not loaded as an article
    assert rep.dates_from_filename == 1


def test_csv_mapping_automatic_and_explicit(tmp_path):
    p = tmp_path / "export.csv"
    pd.DataFrame(
        {
            "headline": ["One", "Two"],
            "published": ["Nov 30, 2024", "30 November 2024"],
            "outlet": ["A", "B"],
            "link": ["u1", "u2"],
            "story": [BODY, BODY + " x"],
            "description": ["short one", "short two"],
        }
    ).to_csv(p, index=False)
    df = h.load_corpus(p)
    assert df.title.tolist() == ["One", "Two"]
    assert df.source.tolist() == ["A", "B"] and df.url.tolist() == ["u1", "u2"]
    assert (df.date == pd.Timestamp("2024-11-30", tz="UTC")).all()
    assert df.text.tolist()[0] == BODY  # "story" outranks "description"
    df2 = h.load_corpus(p, mapping={"text": "description"})
    assert df2.text.tolist() == ["short one", "short two"]
    with pytest.raises(ColumnMappingError, match=r"available columns: \['headline', 'published'"):
        h.load_corpus(p, mapping={"text": "body_text"})


def test_headlines_only_and_source_from_option_or_name(tmp_path):
    p = tmp_path / "guardian_like.csv"
    p.write_text(
        "webPublicationDate,headline\n2014-06-10T10:00:00Z,Isis seizes Mosul\n2014-06-11T10:00:00Z,Politics live\n",
        encoding="utf-8",
    )
    df = h.load_corpus(p)
    assert df.text.tolist() == ["", ""] and df.n_chars.tolist() == [0, 0]
    assert set(df.source) == {"guardian_like"}
    assert set(h.load_corpus(p, source_name="The Guardian").source) == {"The Guardian"}


def test_tsv_json_jsonl_parquet(tmp_path):
    (tmp_path / "a.tsv").write_text(
        "date_published\ttitle\tdescription\tlink\n2024-11-28T21:37:40+03:00\tT1\tD1\thttps://x/1\n", encoding="utf-8"
    )
    (tmp_path / "b.json").write_text(
        json.dumps(
            {
                "response": {
                    "results": [
                        {"webTitle": "J1", "webPublicationDate": "2024-12-01T00:00:00Z", "fields": {"bodyText": BODY}}
                    ]
                }
            }
        ),
        encoding="utf-8",
    )
    (tmp_path / "c.jsonl").write_text(
        "\n".join(json.dumps({"title": f"L{i}", "text": BODY, "date": 1733011200}) for i in range(3)) + "\n",
        encoding="utf-8",
    )
    pd.DataFrame({"title": ["P1"], "content": [BODY], "date": ["12/8/2024"]}).to_parquet(tmp_path / "d.parquet")
    df = h.load_corpus(tmp_path)
    rep = _report(df)
    assert rep.per_format == {"tsv": 1, "json": 1, "jsonl": 3, "parquet": 1}
    by = df.set_index("title")
    assert by.loc["T1", "date"] == pd.Timestamp("2024-11-28T18:37:40Z")
    assert by.loc["J1", "text"] == BODY
    assert by.loc["L0", "date"] == pd.Timestamp("2024-12-01T00:00:00Z")  # epoch seconds
    assert by.loc["P1", "date"] == pd.Timestamp("2024-12-08", tz="UTC")  # M/D/YYYY
    assert df.doc_id.is_unique


def test_html_page(tmp_path):
    paras = "".join(f"<p>{BODY} Paragraph number {i} adds detail about the fighting.</p>" for i in range(4))
    (tmp_path / "page.html").write_text(
        "<html><head><title>Rebels advance on Hama | Site</title>"
        '<meta property="og:site_name" content="Example News">'
        '<meta property="article:published_time" content="2024-12-05T08:00:00Z"></head>'
        "<body><nav>Home | World | US Markets</nav><article><h1>Rebels advance on Hama</h1>"
        f"{paras}</article><footer>Copyright Example News</footer></body></html>",
        encoding="utf-8",
    )
    df = h.load_corpus(tmp_path)
    row = df.iloc[0]
    assert "Rebels advance on Hama" in row.title
    assert row.date == pd.Timestamp("2024-12-05", tz="UTC")
    assert "Paragraph number 3" in row.text and "US Markets" not in row.text
    assert row.text.count("\n\n") == 3


def test_rss_and_atom_feeds(tmp_path):
    (tmp_path / "feed.rss").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed Site</title>'
        "<item><title>Item one</title><link>https://f/1</link><pubDate>Sat, 30 Nov 2024 14:05:00 +0000</pubDate>"
        "<description>&lt;p&gt;First &amp;amp; body&lt;/p&gt;</description></item>"
        "<item><title>Item two</title><link>https://f/2</link><pubDate>not a date</pubDate>"
        "<description>Second</description></item></channel></rss>",
        encoding="utf-8",
    )
    (tmp_path / "atom.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Site</title>'
        "<entry><title>A1</title><link href='https://a/1'/><updated>2024-12-08T06:30:00+03:00</updated>"
        "<summary>Atom body</summary></entry></feed>",
        encoding="utf-8",
    )
    df = h.load_corpus(tmp_path).set_index("title")
    assert df.loc["Item one", "date"] == pd.Timestamp("2024-11-30T14:05:00Z")
    assert df.loc["Item one", "source"] == "Feed Site" and df.loc["Item one", "url"] == "https://f/1"
    assert pd.isna(df.loc["Item two", "date"])  # unparseable -> NaT, row kept
    assert df.loc["A1", "date"] == pd.Timestamp("2024-12-08T03:30:00Z")
    rep = _report(h.load_corpus(tmp_path))
    assert rep.dates.unparseable == 1 and rep.per_format["feed"] == 3


def test_gz_and_zip_read_in_place(tmp_path):
    csv_bytes = b'title,text,date\nZ1,"' + BODY.encode() + b'",2024-12-01\n'
    (tmp_path / "a.csv.gz").write_bytes(gzip.compress(csv_bytes))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("../../evil/escape.txt", "Title line of the escape story\n\n" + BODY)
        zf.writestr("inner/b.jsonl", json.dumps({"title": "Z2", "text": BODY}) + "\n")
        zf.writestr("inner/junk.bin", b"\x00\x01\x02binary")
    (tmp_path / "b.zip").write_bytes(buf.getvalue())
    df = h.load_corpus(tmp_path)
    rep = _report(df)
    assert {"Z1", "Z2"} <= set(df.title)
    assert any(p.endswith("b.zip!../../evil/escape.txt") for p in df.path)
    assert not (tmp_path.parent / "evil").exists()  # never extracted
    assert rep.files_seen == 4 and rep.files_loaded == 3 and _balanced(rep)
    assert any(p.endswith("inner/junk.bin") for p, _ in rep.skipped)


def test_zip_bomb_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs_mod, "MAX_ARCHIVE_BYTES", 10_000)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("big.txt", "A" * 200_000)
    (tmp_path / "bomb.zip").write_bytes(buf.getvalue())
    (tmp_path / "ok.txt").write_text("Fine title of a fine story\n\n" + BODY, encoding="utf-8")
    df = h.load_corpus(tmp_path)
    rep = _report(df)
    assert len(df) == 1 and _balanced(rep)
    assert any("bomb.zip" in p and "cap" in r for p, r in rep.skipped)


# -------------------------------------------------------------------------------------- bad input


def test_bad_files_never_abort_and_are_accounted(tmp_path):
    (tmp_path / "good.txt").write_text("A good headline for the story\n\n" + BODY, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\xff\x00\xfe" * 100)
    (tmp_path / "broken.json").write_text('{"title": "x", "text": ', encoding="utf-8")
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really parquet")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n....")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 talks headline about the war\n\n".encode("cp1252") + BODY.encode())
    (tmp_path / "bom.csv").write_bytes(b'\xef\xbb\xbftitle,text\nBOM row,"' + BODY.encode() + b'"\n')
    df = h.load_corpus(tmp_path)
    rep = _report(df)
    assert rep.files_seen == 8 and _balanced(rep)
    reasons = dict((p.rsplit("/", 1)[-1], r) for p, r in rep.skipped)
    assert set(reasons) == {"empty.txt", "binary.txt", "broken.json", "broken.parquet", "image.png"}
    assert "line 1, column" in reasons["broken.json"]
    # latin.txt is UTF-8 but for its first line: only that line is read as cp1252
    assert rep.encodings[h.corpus.MIXED] == 1 and rep.encodings["utf-8-sig"] == 1
    assert "Café talks headline about the war" in set(df.title)
    assert "BOM row" in set(df.title)
    assert "skipped" in str(rep) and "empty.txt" in str(rep)


def test_malformed_csv_row_reported_with_line(tmp_path):
    p = tmp_path / "rows.csv"
    p.write_text(
        f'title,text,date\nok1,"{BODY}",2024-12-01\nbad,row,with,too,many\n'
        f'"multi","line\ntext",2024-12-02\nok2,"{BODY}",2024-12-03\n',
        encoding="utf-8",
    )
    df = h.load_corpus(p)
    rep = _report(df)
    assert df.title.tolist() == ["ok1", "multi", "ok2"]
    assert rep.row_errors == [(str(p), 3, "malformed row: expected 3 fields, found 5")]


def test_jsonl_bad_line_reported(tmp_path):
    p = tmp_path / "x.jsonl"
    p.write_text('{"title": "a", "text": "b"}\n{broken\n{"title": "c", "text": "d"}\n', encoding="utf-8")
    df = h.load_corpus(p)
    assert df.title.tolist() == ["a", "c"]
    assert _report(df).row_errors[0][1] == 2


def test_missing_source_raises_clearly(tmp_path):
    with pytest.raises(FileNotFoundError, match="no such file"):
        h.load_corpus(tmp_path / "nope")
    with pytest.raises(FileNotFoundError, match="matches no file"):
        h.load_corpus(str(tmp_path / "*.nothing"))


def test_bad_yaml_front_matter_keeps_article(tmp_path):
    (tmp_path / "x.txt").write_text(
        "---\ntitle: [unclosed\n---\nHeadline of the kept story\n\n" + BODY, encoding="utf-8"
    )
    df = h.load_corpus(tmp_path)
    assert len(df) == 1 and BODY in df.text[0]
    assert _report(df).warnings and "x.txt" in _report(df).warnings[0][0]


# ------------------------------------------------------------------------------------------ dates


def test_dates_formats_and_ambiguity():
    s, stats = h.parse_dates(
        [
            "2024-11-30T10:00:00+02:00",
            "Sat, 30 Nov 2024 14:05:00 +0000",
            "11/30/2024",
            "30 November 2024",
            "Nov 30, 2024",
            1732924800,
            "01/02/2024",
            "garbage",
            None,
        ]
    )
    assert s[0] == pd.Timestamp("2024-11-30T08:00:00Z")
    assert s[1] == pd.Timestamp("2024-11-30T14:05:00Z")
    assert (s[2:6].dt.date == pd.Timestamp("2024-11-30").date()).all()
    assert s[6] == pd.Timestamp("2024-01-02", tz="UTC")
    assert pd.isna(s[7]) and pd.isna(s[8])
    assert (stats.parsed, stats.ambiguous, stats.unparseable, stats.missing) == (7, 1, 1, 1)
    s2, _ = h.parse_dates(["01/02/2024"], dayfirst=True)
    assert s2[0] == pd.Timestamp("2024-02-01", tz="UTC")


# ---------------------------------------------------------------------------------------- cleaning


def test_cleaning_rules_remove_only_short_lines():
    long_line = (
        "Officials said they would share intelligence and urged residents to subscribe to emergency "
        "alerts, while the newsletter of the aid group described how cookies and bread ran short."
    )
    raw = (
        "Headline about the siege of the town\n\n"
        + BODY
        + "\n\nShare this article\n\n"
        + long_line
        + "\n\nSign up for our daily briefing\n\nPhoto: Someone / AFP\n\nRead more: Another story\n\n"
        "Comments are closed."
    )
    res = h.clean_text(raw)
    assert long_line in res and BODY in res
    for gone in ("Share this article", "Sign up", "Photo:", "Read more", "Comments are closed"):
        assert gone not in res


def test_cleaning_can_be_turned_off(tmp_path):
    raw = "Masthead of the site\n\nA headline about talks\n\n" + BODY + "\n\nComments are closed."
    (tmp_path / "a.txt").write_text(raw, encoding="utf-8")
    df = h.load_corpus(tmp_path, clean=False)
    assert df.text[0] == raw and len(_report(df).removed_lines) == 0


def test_repeated_lines_per_source_are_removed(tmp_path):
    for i in range(5):
        (tmp_path / f"s{i}.txt").write_text(
            f"---\ntitle: Story {i} about Homs\nsource: Ledger\n---\nThe Ledger: truth without fear\n\n"
            f"{BODY} Story {i}.\n",
            encoding="utf-8",
        )
    df = h.load_corpus(tmp_path)
    assert not df.text.str.contains("truth without fear").any()
    removed = _report(df).removed_lines
    assert (removed.rule == "repeated in source").sum() == 5


def test_fakes_long_lines_lose_nothing(shared_dir):
    p = shared_dir / "corpora/fa-kes/FA-KES-Dataset.csv"
    raw = pd.read_csv(p)
    df = h.load_corpus(p)
    removed = _report(df).removed_lines
    # only the dateline+headline prefix goes, and a list of links scraped into the end of a story ("Related News")
    assert set(removed.rule) <= {"repeated headline", "related links"}
    tails = removed[removed.rule == "related links"]
    assert 40 <= len(tails) and {line.split()[0] for line in tails.line} <= {"Related", "Tags", "Topic", "Community"}
    for doc in tails.doc_id:
        kept = df.text[df.doc_id == doc].iloc[0]
        assert "Related News" not in kept and "Comment via" not in kept
    hits = raw.article_content.str.contains(r"\b(?:share|subscribe)", case=False, regex=True)
    assert hits.sum() >= 20
    cut = set(tails.doc_id)
    for body, clean, doc in zip(raw.article_content[hits], df.text[hits.values], df.doc_id[hits.values]):
        if doc not in cut:
            assert clean.split()[-5:] == body.split()[-5:]
            assert len(clean) >= len(body) - 200


# ------------------------------------------------------------------------------------------ seed


def test_seed_article_is_cleaned_exactly(shared_dir):
    path = shared_dir / "seeds/000_9fe83e35984676be.txt"
    raw = path.read_text(encoding="utf-8")
    blocks = [b.strip() for b in re.split(r"\n\s*\n", raw) if b.strip()]
    # block 0 is the site banner, 1 the headline, 12-13 newsletter prompts, 36-39 outlet tag,
    # slogan, comments notice and cookie notice; 16 is a subheading (kept)
    article = [b for i, b in enumerate(blocks) if 2 <= i <= 35 and i not in (12, 13)]
    df = h.load_corpus(path)
    assert df.title[0] == blocks[1]
    assert df.text[0] == "\n\n".join(article)
    rules = set(_report(df).removed_lines.rule)
    assert {"masthead", "headline", "newsletter prompt", "trailer", "comments closed", "cookie notice"} <= rules


# ------------------------------------------------------------------------------------- duplicates


def test_near_duplicates_and_ids(tmp_path):
    story = (
        "Turkish-backed fighters captured the town of Tel Rifaat on Sunday after a two-day assault, "
        "forcing thousands of Kurdish residents to flee east toward Tabqa and Raqqa, officials said. "
        "The fighting followed the collapse of government lines around Aleppo earlier in the week."
    )
    rows = [
        {"title": "Fighters seize Tel Rifaat", "text": story, "date": "2024-12-02", "source": "Wire"},
        {
            "title": "Fighters capture Tel Rifaat",
            "text": story + " More later.",
            "date": "2024-12-01",
            "source": "Paper",
        },
        {"title": "Unrelated story", "text": BODY * 3, "date": "2024-12-01", "source": "Wire"},
        {"title": "Politics live", "text": "", "date": "2024-12-01", "source": "G"},
        {"title": "Politics live", "text": "", "date": "2024-12-02", "source": "G"},
        {"title": "Politics live", "text": "", "date": "2024-12-02", "source": "G"},
    ]
    p = tmp_path / "rows.jsonl"
    p.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    df = h.load_corpus(p)
    ids = df.doc_id.tolist()
    assert df.duplicate_of[0] == ids[1]  # earliest by date is the original
    assert pd.isna(df.duplicate_of[1]) and pd.isna(df.duplicate_of[2])
    assert pd.isna(df.duplicate_of[3]) and pd.isna(df.duplicate_of[4]) and df.duplicate_of[5] == ids[4]
    assert len(df) == 6 and df.doc_id.is_unique
    assert h.load_corpus(p).doc_id.tolist() == ids  # stable across runs
    clusters = _report(df).duplicate_clusters
    assert clusters.cluster.nunique() == 2


# ---------------------------------------------------------------------------------------- real data


def test_fakes(shared_dir):
    p = shared_dir / "corpora/fa-kes/FA-KES-Dataset.csv"
    df = h.load_corpus(p)
    raw = pd.read_csv(p)
    assert len(df) == 804 and df.date.notna().sum() == 804
    assert df.source.nunique() == 15 and df.doc_id.nunique() == 804
    assert raw.unit_id.nunique() == 792
    groups = raw.groupby("article_content").indices
    flagged = 0
    for idx in groups.values():
        if len(idx) > 1:
            dup = df.duplicate_of.iloc[idx]
            assert dup.isna().sum() == 1  # one original per group of identical bodies
            flagged += dup.notna().sum()
    assert flagged >= 15
    rep = _report(df)
    assert rep.dates_ambiguous > 0 and _balanced(rep)


def test_guardian_headlines(shared_dir):
    p = shared_dir / "corpora/guardian-syria-headlines/guardian_syria_headlines_2011_2023.csv"
    df = h.load_corpus(p)
    raw = pd.read_csv(p)
    assert len(df) == 23217
    exact = raw.duplicated(keep="first").to_numpy()
    assert exact.sum() == 116
    assert df.duplicate_of[exact].notna().all()
    # the same headline on another day is not a copy
    politics = df[df.title.str.fullmatch("Politics live", na=False)]
    if len(politics) > 1:
        assert politics.date.dt.date.nunique() == politics.duplicate_of.isna().sum()


def test_aljazeera_tsv(shared_dir):
    df = h.load_corpus(shared_dir / "corpora/aljazeera-rss-2024/entries.tsv")
    assert len(df) == 106
    assert str(df.date.dt.tz) == "UTC" and df.date.notna().all()
    assert (df.text.str.len() > 0).mean() > 0.9


def test_sample_corpus_loads():
    df = h.load_corpus(h.config.SAMPLE_CORPUS)
    rep = _report(df)
    assert len(df) >= 60 and df.source.nunique() >= 6
    assert rep.per_format.get("text", 0) >= 20 and rep.per_format.get("csv", 0) >= 15
    assert rep.per_format.get("jsonl", 0) >= 15
    assert len(rep.skipped) == 0 and _balanced(rep)
    assert df.duplicate_of.notna().sum() >= 3
    assert df.date.notna().all()
    assert len(rep.removed_lines) > 0


def test_source_from_feed_address_or_url_host(tmp_path):
    """A feed address in the source column becomes its host; with no source column the url's host is the
    outlet, not the file's name; an explicit source_name wins over the url."""
    p = tmp_path / "entries.tsv"
    p.write_text(
        "date_published\tsource_feed\ttitle\tdescription\tlink\n"
        "2023-04-15\thttp://feeds.bbci.co.uk/news/world/rss.xml\tA\tx\thttps://www.bbc.co.uk/news/1\n"
        "2023-04-16\t\tB\ty\thttps://www.aljazeera.com/news/2\n"
        "2023-04-17\tReuters\tC\tz\t\n",
        encoding="utf-8",
    )
    assert h.load_corpus(p)["source"].tolist() == ["bbci.co.uk", "aljazeera.com", "Reuters"]
    assert h.load_corpus(p, source_name="mine")["source"].tolist() == ["bbci.co.uk", "mine", "Reuters"]
    q = tmp_path / "plain.tsv"
    q.write_text("title\ttext\nA\tx\n", encoding="utf-8")
    assert h.load_corpus(q)["source"].tolist() == ["plain"]


def test_character_references_a_feed_left_are_decoded(tmp_path):
    # RSS descriptions often carry HTML character references; an apostrophe left as "&apos;" hides "Sudan's army"
    p = tmp_path / "feed.tsv"
    p.write_text(
        "date_published\ttitle\tdescription\n"
        "2023-06-21\tClashes resume in Sudan&#039;s capital\tSudan&apos;s military fought the RSF &mdash; again.\n"
        "2023-06-22\tAT&T and R&D &bogus; stay\tA &copy sign without its semicolon stays.\n",
        encoding="utf-8",
    )
    c = h.load_corpus(p)
    assert c["title"].tolist() == ["Clashes resume in Sudan's capital", "AT&T and R&D &bogus; stay"]
    assert c["text"].tolist() == [
        "Sudan's military fought the RSF \u2014 again.",
        "A &copy sign without its semicolon stays.",
    ]
    m = h.tag_mentions(c.iloc[[0]].reset_index(drop=True), gazetteer="sudan")
    assert "sudanese_armed_forces" in set(m.loc[m["role"].astype(str) == "actor", "entity"].astype(str))


def test_load_corpus_takes_its_rarely_used_knobs_in_corpus_options(tmp_path):
    rows = [
        {
            "title": f"Story {i}",
            "text": f"Body number {i} says a new thing.\n\nFiled from the northern desk",
            "source": "s",
        }
        for i in range(3)
    ]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    default = h.load_corpus(tmp_path, dedupe_threshold=None)
    assert not default["text"].str.contains("northern desk").any()  # in 3 documents: a template line
    kept = h.load_corpus(tmp_path, dedupe_threshold=None, options=h.CorpusOptions(template_min_docs=4))
    assert kept["text"].str.contains("northern desk").all()
    with pytest.raises(ValueError, match="template_min_docs"):
        h.CorpusOptions(template_min_docs=0)
    with pytest.raises(TypeError, match="CorpusOptions"):
        h.load_corpus(tmp_path, options={"strict_csv": True})
