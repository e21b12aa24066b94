"""Unit tests of helpers.cleaning: line rules, page structure, title prefixes and per-source templates."""

from __future__ import annotations

import pytest

from helpers import cleaning as c

BODY = (
    "Government forces shelled the eastern districts of Aleppo on Tuesday, residents said, "
    "as talks on a ceasefire stalled in Geneva."
)


# ------------------------------------------------------------------------------------------ tokens


def test_words_lowercases_and_drops_punctuation_and_underscores():
    assert c.words("Hello, WORLD_wide: 3 dogs!") == ["hello", "world", "wide", "3", "dogs"]
    assert c.words("") == []


def test_content_words_drop_stop_words_and_short_words():
    assert c.content_words("The army and the rebels met in Homs, as UN said") == {"army", "rebels", "met", "homs"}


# ------------------------------------------------------------------------------------------ line rules


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("We use cookies to improve your experience", "cookie notice"),
        ("Sign up for our daily briefing", "newsletter prompt"),
        ("Follow us on Twitter", "follow us"),
        ("Share this article", "share buttons"),
        ("  Tweet  ", "share buttons"),
        ("Read more: Another story", "read more"),
        ("Comments are closed.", "comments closed"),
        ("12 comments", "comments closed"),
        ("Photo: Someone / AFP", "photo credit"),
        ("Advertisement", "advertisement"),
        ("© 2024 The Ledger. All rights reserved.", "copyright"),
        ("Published on 12 March 2024", "publication time"),
        ("5 min read", "publication time"),
    ],
)
def test_match_rule_names_the_rule(line, rule):
    assert c.match_rule(line) == rule


@pytest.mark.parametrize("line", ["", "   ", BODY, "Shares in the company fell", "Ad hoc talks resumed in Doha"])
def test_match_rule_leaves_ordinary_lines(line):
    assert c.match_rule(line) is None


def test_match_rule_respects_the_word_limit():
    # "advertisement" removes lines of at most 8 words; the same word in a longer line stays
    assert c.match_rule("Advertisement") == "advertisement"
    long_line = "Subscribe " + " ".join(["word"] * 14)  # 15 words > 14 for newsletter prompts
    assert c.match_rule(long_line) is None
    assert c.match_rule("Subscribe " + " ".join(["word"] * 13)) == "newsletter prompt"


def test_every_rule_compiles_and_has_a_positive_word_limit():
    names = [name for name, _, _ in c.CRUFT_RULES]
    assert len(names) == len(set(names))
    assert all(n > 0 for _, _, n in c.CRUFT_RULES)


# ------------------------------------------------------------------------------------------ headline


def test_find_headline_picks_the_line_sharing_most_words_with_the_body():
    lines = ["The Ledger", "Aleppo districts shelled as Geneva talks stall", BODY]
    assert c.find_headline(lines) == 1


def test_find_headline_needs_two_shared_words():
    assert c.find_headline(["Weather today", BODY]) is None
    assert c.find_headline([]) is None


def test_find_headline_skips_sentences_ending_with_a_full_stop():
    assert c.find_headline(["Aleppo districts shelled as Geneva talks stall.", BODY]) is None


def test_find_headline_only_looks_at_the_first_six_lines():
    lines = ["x y"] * 6 + ["Aleppo districts shelled as Geneva talks stall", BODY]
    assert c.find_headline(lines) is None


# ------------------------------------------------------------------------------------------ documents


def test_clean_document_finds_headline_masthead_and_trailer():
    raw = "The Ledger\nAleppo districts shelled as Geneva talks stall\n\n" + BODY + "\n\nTruth without fear"
    res = c.clean_document(raw)
    assert res.title == "Aleppo districts shelled as Geneva talks stall"
    assert res.title_found is True
    assert res.text == BODY
    assert res.removed == [
        (1, "The Ledger", "masthead"),
        (2, "Aleppo districts shelled as Geneva talks stall", "headline"),
        (6, "Truth without fear", "trailer"),
    ]


def test_clean_document_uses_the_given_title_to_find_the_headline():
    raw = "Masthead\nSiege of Homs: talks collapse\n\n" + BODY
    res = c.clean_document(raw, title="siege of homs talks collapse")
    assert res.title == "siege of homs talks collapse" and res.title_found
    assert [r[2] for r in res.removed] == ["masthead", "headline"]
    assert res.text == BODY


def test_clean_document_records_rule_removals_with_raw_line_numbers():
    raw = BODY + "\r\n\r\nShare this article\r\nComments are closed."
    res = c.clean_document(raw, scraped=False)
    assert res.text == BODY
    assert res.removed == [(3, "Share this article", "share buttons"), (4, "Comments are closed.", "comments closed")]
    assert res.title == "" and not res.title_found


def test_clean_document_rules_off_keeps_cruft():
    raw = BODY + "\n\nShare this article"
    res = c.clean_document(raw, scraped=False, rules=False)
    assert res.text == raw and res.removed == []


def test_clean_document_joins_paragraphs_with_one_blank_line():
    raw = "First line of para one\nsecond line of para one\n\n\n\nPara two here."
    res = c.clean_document(raw, scraped=False)
    assert res.text == "First line of para one\nsecond line of para one\n\nPara two here."


def test_clean_document_of_empty_text():
    res = c.clean_document("")
    assert (res.title, res.text, res.removed, res.title_found) == ("", "", [], False)


def test_clean_document_never_drops_a_lone_line_as_trailer():
    res = c.clean_document("HTS in Idlib")
    assert res.text == "HTS in Idlib"
    assert all(r[2] != "trailer" for r in res.removed)


def test_clean_document_strips_a_repeated_headline_prefix():
    title = "Aleppo districts shelled as Geneva talks stall"
    raw = "Wed 05 Apr 2017 " + title + ". " + BODY
    res = c.clean_document(raw, title=title, scraped=False)
    assert res.text == BODY
    assert res.removed == [(1, "Wed 05 Apr 2017 " + title + ".", "repeated headline")]


def test_clean_text_applies_rules_only():
    raw = "The Ledger\n\n" + BODY + "\n\nAdvertisement"
    assert c.clean_text(raw) == "The Ledger\n\n" + BODY


# ------------------------------------------------------------------------------------------ title prefix


def test_strip_title_prefix_with_and_without_dateline():
    title = "Talks collapse in Geneva again"
    assert c.strip_title_prefix(title + ": " + BODY, title) == (BODY, title + ":")
    assert c.strip_title_prefix("March 3, 2024 - " + title + " - " + BODY, title) == (
        BODY,
        "March 3, 2024 - " + title + " -",
    )


def test_strip_title_prefix_leaves_short_titles_and_whole_texts():
    assert c.strip_title_prefix("Short one. Body", "Short one") == ("Short one. Body", "")
    title = "Talks collapse in Geneva again"
    assert c.strip_title_prefix(title + ".", title) == (title + ".", "")  # nothing would remain
    assert c.strip_title_prefix("", title) == ("", "")
    assert c.strip_title_prefix(BODY, "") == (BODY, "")
    assert c.strip_title_prefix(BODY, title) == (BODY, "")


# ------------------------------------------------------------------------------------------ templates


def test_find_template_lines_per_source():
    docs = [("Ledger", f"The Ledger: truth without fear\nStory {i} about Homs") for i in range(4)]
    docs += [("Wire", "The Ledger: truth without fear\nOther"), ("Wire", "Other two")]
    out = c.find_template_lines(docs, min_docs=3)
    assert out == {"Ledger": {"the ledger truth without fear"}}


def test_find_template_lines_counts_a_line_once_per_document_and_skips_long_lines():
    long_line = " ".join(["word"] * 16)
    docs = [("S", "Banner\nBanner\n" + long_line)] * 2 + [("S", "Other")]
    assert c.find_template_lines(docs, min_docs=3) == {}
    assert c.find_template_lines(docs, min_docs=2) == {"S": {"banner"}}
    assert c.find_template_lines([]) == {}


def test_find_template_lines_min_share():
    docs = [("S", "Banner")] * 3 + [("S", f"text {i}") for i in range(37)]  # 3 of 40 < 10%
    assert c.find_template_lines(docs, min_docs=3, min_share=0.1) == {}
    assert c.find_template_lines(docs, min_docs=3, min_share=0.05) == {"S": {"banner"}}


def test_remove_template_lines():
    text = "The Ledger: truth without fear\n\n" + BODY
    out, removed = c.remove_template_lines(text, {"the ledger truth without fear"})
    assert out == BODY
    assert removed == [(1, "The Ledger: truth without fear")]


def test_remove_template_lines_keeps_an_article_made_only_of_template_lines():
    out, removed = c.remove_template_lines("HTS in Idlib", {"hts in idlib"})
    assert out == "HTS in Idlib"
    assert removed == [(0, c.KEPT_WHOLE)]


def test_remove_template_lines_no_templates_or_no_match():
    assert c.remove_template_lines(BODY, set()) == (BODY, [])
    assert c.remove_template_lines(BODY, {"banner"}) == (BODY, [])
    assert c.remove_template_lines("", {"banner"}) == ("", [])


def _remove_template_lines_spec(text: str, templates: set[str]) -> tuple[str, list[tuple[int, str]]]:
    """The rule written plainly (every line normalised, no shortcut): what the fast version must give."""
    if not templates or not text:
        return text, []
    lines = [(i + 1, ln) for i, ln in enumerate(text.split("\n"))]
    removed = [(no, ln.strip()) for no, ln in lines if ln.strip() and c._norm(ln) in templates]
    if not removed:
        return text, []
    kept = [(no, ln) for no, ln in lines if ln.strip() and c._norm(ln) not in templates]
    if not kept:
        return text, [(0, c.KEPT_WHOLE)]
    return c._paragraphs(kept), removed


def test_remove_template_lines_skips_long_lines_but_not_a_long_line_that_folds_short():
    templates = {"the ledger truth without fear", "hts"}
    punct = "The - Ledger - : - truth - without - fear - - - - - - - - - - - - - - - - - -"  # 36 chunks, 5 words
    decomposed = "HTS"  # one word
    text = "\n".join([punct, BODY, decomposed, "HTS holds Idlib"])
    out, removed = c.remove_template_lines(text, templates)
    assert removed == [(1, punct), (3, "HTS")]
    assert out == BODY + "\n\nHTS holds Idlib"
    assert (out, removed) == _remove_template_lines_spec(text, templates)


def test_remove_template_lines_counts_words_as_normalised():
    # "e" + combining acute: two raw word runs that fold into one word ("café"); a fullwidth and a ligature
    templates = {"caf\u00e9 press", "final edition", "abc news"}
    lines = ["Cafe\u0301 Press", "\ufb01nal   edition!", "\uff21\uff22\uff23 News", "Café Press daily edition"]
    text = "\n".join(lines + [BODY])
    out, removed = c.remove_template_lines(text, templates)
    assert [no for no, _ in removed] == [1, 2, 3]
    assert (out, removed) == _remove_template_lines_spec(text, templates)


@pytest.mark.parametrize("seed", range(5))
def test_remove_template_lines_equals_the_plain_rule_on_random_texts(seed):
    import random

    rng = random.Random(seed)
    alphabet = ["HTS", "Idlib", "the", "-", "—", "Cafe\u0301", "café", "\ufb01", "ß", "SS", "_", "  ", "!", "2"]
    lines = [" ".join(rng.choice(alphabet) for _ in range(rng.randint(0, 25))) for _ in range(60)]
    templates = {c._norm(ln) for ln in rng.sample(lines, 12) if c._norm(ln)}
    for k in range(20):
        text = "\n".join(rng.sample(lines, rng.randint(1, 8)))
        assert c.remove_template_lines(text, templates) == _remove_template_lines_spec(text, templates), k


def test_a_links_heading_scraped_into_the_last_line_cuts_the_tail_and_records_it():
    story = (
        "The council met for a third day on the water dispute and adjourned without a vote, its chair said. "
        "Source Wire Service Related News Storm closes ports | Markets rally on rate cut | Heatwave grips the south"
    )
    res = c.clean_document(story, scraped=False)
    assert res.text.endswith("its chair said. Source Wire Service")
    assert [(rule, line.split()[:2]) for _, line, rule in res.removed] == [("related links", ["Related", "News"])]


def test_a_box_of_links_inside_a_story_that_goes_on_is_kept():
    story = (
        "The council met for a third day on the water dispute and adjourned without a vote, its chair said. "
        "Related Coverage Storm closes ports Markets rally on rate cut. The minister said the talks would resume, "
        "and a spokesman told reporters a vote was likely next week."
    )
    res = c.clean_document(story, scraped=False)
    assert res.text == story and res.removed == []
    short = "Related News: the week in pictures"
    assert c.clean_document(short, scraped=False).removed[0][2] == "read more"  # a whole short line: the line rule


def test_a_comment_box_ends_a_tail_of_links_and_tags_cut_from_its_first_heading():
    story = (
        "The convoy reached the village on Tuesday after weeks of talks, the governor told reporters at the gate. "
        "Related Storm closes ports Markets rally on rate cut Tags ports storms "
        "Community standards Comment via Facebook"
    )
    res = c.clean_document(story, scraped=False)
    assert res.text.endswith("at the gate.")
    assert res.removed[0][1].startswith("Related Storm") and res.removed[0][2] == "related links"
    # the same bare headings inside a story without a comment box are words of the story
    plain = "The minister said the Related Parties Act was debated. Tags on the crates named the port, officials said."
    assert c.clean_document(plain, scraped=False).text == plain
