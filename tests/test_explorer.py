"""The explorer page: self-contained (nothing fetched from another host), its cube's counts equal the kit's
own analyses on the same frames, the caps say what they left out, and its review file is read by apply_review."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

import helpers as h
from helpers import explorer
from helpers.select import Selection


@pytest.fixture(scope="module")
def frames():
    corpus, mentions = h.tag_cached(str(h.config.SAMPLE_CORPUS))
    return corpus, mentions, h.extract_support(corpus, mentions)


@pytest.fixture(scope="module")
def page(frames, tmp_path_factory):
    path = h.explore(*frames, path=tmp_path_factory.mktemp("explorer") / "explorer.html")
    return path, path.read_text(encoding="utf-8")


def embedded(text: str) -> dict:
    m = re.search(r'<script type="application/json" id="explorer-data">(.*?)</script>', text, re.S)
    assert m, "no embedded data"
    return json.loads(m.group(1))


def test_page_references_nothing_outside_itself(page):
    path, text = page
    assert path.stat().st_size < 5_000_000
    # no remote script, style, image or frame, and no code that asks another host for anything
    assert not re.search(r"""(src|href|action)\s*=\s*["']?\s*(https?:)?//""", text, re.I)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", text, re.I)
    script = "".join(re.findall(r"<script>(.*?)</script>", text, re.S))
    assert script and not re.search(
        r"\bfetch\s*\(|XMLHttpRequest|WebSocket|EventSource|importScripts|import\s*\(", script
    )
    assert "default-src 'none'" in text  # the page's own policy forbids requests
    assert text.count("<script") == 2  # the data and the inlined script, nothing else


def test_embedded_cube_has_the_actors_and_exact_counts(frames, page):
    corpus, mentions, support = frames
    data = embedded(page[1])
    ids = data["actors"]["id"]
    for actor in ("hts", "syrian_government", "russia", "turkey", "sdf"):
        assert actor in ids
    assert data["meta"]["articles"] == len(corpus) and data["meta"]["statements"] == len(support)
    roles = data["roles"]
    actor_bit = 1 << roles.index("actor")
    # per actor: actor-reading mentions and articles, stories once, equal to the selection layer's count
    counted = Selection().mentions(mentions)
    for actor in ("syrian_government", "hts", "turkey"):
        a = ids.index(actor)
        rows = [r for r in data["counts"] if r[0] == a and r[3] == 0 and r[4] & actor_bit]
        mine = counted[counted["entity"] == actor]
        assert sum(r[6 + roles.index("actor")] for r in rows) == len(mine)
        assert sum(r[5] for r in rows) == mine["doc_id"].nunique()
    # articles per period and outlet add up to the dated articles
    assert sum(r[3] for r in data["volume"]) == int(corpus["date"].notna().sum())
    # backing statements: the edge counts add up to the SUPPORT rows
    assert sum(r[-1] for r in data["edges"]) == int(support["date"].notna().sum())


def test_cooccurrence_cube_matches_h_cooccurrence(frames):
    corpus, mentions, support = frames
    data = explorer.explorer_data(corpus, mentions, support)
    ids = data["actors"]["id"]
    matrix = h.cooccurrence(mentions, window="sentence", measure="count")
    a, b = sorted([ids.index("russia"), ids.index("syrian_government")])
    mine = sum(r[5] for r in data["cooc"] if r[0] == a and r[1] == b and r[4] == 0)
    assert mine == int(matrix.loc["russia", "syrian_government"]) > 0


def test_caps_bound_the_sentences_but_not_the_counts(frames):
    corpus, mentions, support = frames
    full = explorer.explorer_data(corpus, mentions, support)
    small = explorer.explorer_data(corpus, mentions, support, evidence_cap=2, statement_cap=1)
    assert small["counts"] == full["counts"] and small["edges"] == full["edges"]
    per_cell = pd.Series([(r[0], r[1]) for r in small["evidence"]]).value_counts()
    assert per_cell.max() <= 2 and small["meta"]["capped"]["evidence"] == len(
        mentions[mentions["role"].isin(small["roles"]) & mentions["entity"].notna()]
    ) - len(small["evidence"])
    per_edge = pd.Series([(r[1], r[2]) for r in small["statements"]]).value_counts()
    assert per_edge.max() == 1 and small["meta"]["capped"]["statements"] == len(support) - len(small["statements"])


def test_fit_cap_lowers_the_cap_to_the_budget():
    sizes = pd.Series([1, 5, 50, 500])
    assert explorer.fit_cap(sizes, 100, 10_000) == 100
    cap = explorer.fit_cap(sizes, 100, 60)
    assert sum(min(s, cap) for s in sizes) <= 60 < sum(min(s, cap + 1) for s in sizes)
    assert explorer.fit_cap(sizes, 100, 0) == 1


def test_statements_carry_highlight_spans(frames):
    corpus, mentions, support = frames
    data = explorer.explorer_data(corpus, mentions, support)
    with_spans = [r for r in data["statements"] if r[9]]
    assert len(with_spans) >= 0.8 * len(data["statements"])
    for r in with_spans[:20]:
        for start, end, kind in r[9]:
            assert kind in "bcq" and 0 <= start < end <= len(r[8])


def test_page_review_file_is_read_by_apply_review(frames, tmp_path):
    """The review file the page exports has these columns (explorer.js, reviewFile): apply_review reads it."""
    corpus, mentions, support = frames
    data = explorer.explorer_data(corpus, mentions, support)
    st = data["statements"][:2]
    js = (explorer.resources.files("helpers") / "static" / "explorer.js").read_text(encoding="utf-8")
    head = re.search(r"const head = \[(.*?)\];", js, re.S).group(1)
    columns = [c.strip().strip('"') for c in head.replace("\n", " ").split(",")]
    assert columns[:3] == ["edge_id", "stratum", "decision"]
    rows = [dict(zip(columns, [st[0][0], "explorer", "keep"])), dict(zip(columns, [st[1][0], "explorer", "drop"]))]
    path = tmp_path / "review.csv"
    pd.DataFrame(rows, columns=columns).to_csv(path, index=False)
    reviewed = h.apply_review(support, path)
    assert reviewed.set_index("edge_id").loc[st[0][0], "review"] == "kept"
    assert reviewed.set_index("edge_id").loc[st[1][0], "review"] == "dropped"


def test_weeks_and_a_bad_freq(frames):
    corpus, mentions, support = frames
    data = explorer.explorer_data(corpus, mentions, support, freq="W")
    assert data["meta"]["freq"] == "W" and all(pd.Timestamp(p).day_of_week == 0 for p in data["periods"])
    with pytest.raises(ValueError, match="freq"):
        explorer.explorer_data(corpus, mentions, support, freq="Q")


def test_explore_in_a_notebook_returns_an_iframe(frames):
    shown = h.explore(*frames)
    assert shown.data.startswith("<iframe srcdoc=") and "explorer-data" in shown.data


def test_article_text_cannot_break_out_of_the_data(tmp_path):
    (tmp_path / "a.txt").write_text(
        "---\ntitle: 'x</script><script>window.__xss=1</script>'\ndate: 2024-11-30\n"
        "source: hostile\n---\nRussia backs the Syrian government.</script>\n",
        encoding="utf-8",
    )
    corpus = h.load_corpus(str(tmp_path / "a.txt"))
    mentions = h.tag_mentions(corpus)
    text = explorer.explorer_html(explorer.explorer_data(corpus, mentions, h.extract_support(corpus, mentions)))
    assert text.count("</script>") == 2
    assert embedded(text)["meta"]["articles"] == 1


def test_empty_tables_give_an_empty_cube(frames):
    corpus, mentions, _ = frames
    data = explorer.explorer_data(corpus.iloc[:0], mentions.iloc[:0], None)
    assert data["periods"] == [] and data["counts"] == [] and data["edges"] == [] and data["meta"]["articles"] == 0
    with pytest.raises(ValueError, match="mentions table lacks column"):
        explorer.explorer_data(corpus, mentions.drop(columns=["role"]))


def test_index_card_links_the_explorer_or_says_why_not():
    from helpers.pages import explorer_card

    card = explorer_card({"html": "explorer.html", "bytes": 400_000, "seconds": 1.0})
    assert "href='explorer.html'" in card and "0.4 MB" in card
    failed = explorer_card({"error": "ValueError: <bad> input"})
    assert "could not be written" in failed and "&lt;bad&gt;" in failed and "href" not in failed
    assert explorer_card(None) == ""


def test_write_explorer_applies_the_review_file(frames, tmp_path):
    corpus, mentions, support = frames
    review = tmp_path / "review.csv"
    chosen = support["edge_id"].iloc[0]
    pd.DataFrame({"edge_id": [chosen], "decision": ["drop"]}).to_csv(review, index=False)
    path = explorer.write_explorer(tmp_path, str(h.config.SAMPLE_CORPUS), review=review)
    data = embedded(path.read_text(encoding="utf-8"))
    row = next(r for r in data["statements"] if r[0] == chosen)
    assert data["reviews"][row[6]] == "dropped"
    assert sum(r[-1] for r in data["edges"] if data["reviews"][r[6]] == "dropped") == 1
