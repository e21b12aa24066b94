"""Unit tests of helpers.pages: reading executed notebooks, the provenance header, accuracy block and index."""

from __future__ import annotations

import json
import re

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from helpers import config, pages

PAYLOAD = "<script>alert(1)</script>"


def _nb():
    metric = new_output("display_data", data={pages.METRIC_MIME: {"name": "articles", "value": 12}})
    as_text = new_output("display_data", data={pages.METRIC_MIME: json.dumps({"name": "share", "value": 0.5})})
    png = new_output("display_data", data={"image/png": "iVBORw0KGgo="})
    err = new_output("stream", name="stderr", text="progress 50%\n")
    return new_notebook(
        cells=[
            new_code_cell("x = 1", outputs=[]),
            new_markdown_cell("Some text\n\n## Load and clean <b>\nmore"),
            new_markdown_cell("# Not the first heading"),
            new_code_cell("h.report_metric(...)", outputs=[metric, err]),
            new_code_cell("plot()", outputs=[png, as_text]),
            new_markdown_cell("See [the next one](02-next.ipynb#part) and [elsewhere](other.ipynb)."),
        ]
    )


def test_notebook_title_is_the_first_heading():
    assert pages.notebook_title(_nb(), "default") == "Load and clean <b>"
    assert pages.notebook_title(new_notebook(cells=[new_code_cell("# a comment")]), "00-x") == "00-x"


def test_collect_metrics_and_first_figure():
    nb = _nb()
    assert pages.collect_metrics(nb) == [{"name": "articles", "value": 12}, {"name": "share", "value": 0.5}]
    assert pages.first_figure(nb) == "iVBORw0KGgo="
    nb.cells[4].outputs[0]["data"]["image/png"] = ["iVBOR", "w0KGgo="]
    assert pages.first_figure(nb) == "iVBORw0KGgo="
    assert pages.collect_metrics(new_notebook()) == [] and pages.first_figure(new_notebook()) is None


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1234567, "1,234,567"),
        (0.123456, "0.1235"),
        (12345.678, "1.235e+04"),
        (True, "True"),
        (None, "None"),
        ("12 of 30", "12 of 30"),
    ],
)
def test_metric_value(value, text):
    assert pages.metric_value(value) == text


def test_short_path():
    assert pages.short_path(str(config.ROOT / "data" / "x.csv")) == "data/x.csv"
    assert pages.short_path(str(config.ROOT.parent / "shared" / "c.csv")) == "shared/c.csv"
    assert pages.short_path("/somewhere/else.csv") in ("/somewhere/else.csv", "somewhere/else.csv")


def _prov(**corpus):
    c = {
        "articles": 1200,
        "files": [{"path": "/x/a.csv", "articles": 1200}],
        "first_date": "2015-01-01",
        "last_date": "2016-12-31",
        "sources_articles": {f"S{i}": 10 - i for i in range(7)},
        "undated": 3,
        "duplicates": 40,
        "skipped": [("/x/" + PAYLOAD, "binary file")],
        "sources": ["/x"],
    }
    c.update(corpus)
    return {
        "corpus": c,
        "gazetteer": [{"path": "/g/" + PAYLOAD + ".yaml", "sha256": "ab" * 32}],
        "kit_version": "1.0",
        "git": "abc123",
        "run_at": "2026-12-04T05:00Z",
        "python": "3.11",
        "pandas": "2.2",
    }


def test_provenance_says_what_was_analysed_and_escapes_everything():
    out = pages.provenance_html(_prov(), index_href="index.html")
    assert PAYLOAD not in out and "&lt;script&gt;" in out
    assert (
        "1,200 articles from 1 file(s), 2015-01-01 to 2016-12-31; 3 undated; 7 source(s): S0 (10), S1 (9), "
        "S2 (8), S3 (7), S4 (6) and 2 more; 40 syndicated copies folded into their originals (each story "
        "counted once); 1 file(s) skipped (see below)."
    ) in out
    assert 'href="index.html"' in out and "(checkout abc123)" in out and "sha256 abababababababab…" in out
    plain = pages.provenance_html(_prov(first_date=None, undated=0, skipped=[]))
    assert "no dated article;" in plain and "file skipped" not in plain and "all notebooks" not in plain


def test_accuracy_block_labels_training_figures():
    none = pages.accuracy_html(None)
    assert "No real-text scores are recorded" in none and "training figures" in none
    scores = {
        "own_gold": {"support": {"precision": 0.97, "recall": 0.9, "f1": 0.93}},
        "dev_test": {"presence": {"precision": 0.8}},
        "measured": "2026-11-30",
    }
    out = pages.accuracy_html(scores)
    assert "<td class='num'>0.97</td><td class='num'>0.90</td><td class='num'>0.93</td>" in out
    assert out.count("<td class='num'>–</td>") == 3 * 6 - 3 - 1  # every cell without a figure is a dash
    assert "Measured 2026-11-30." in out and "untouched part" in out


def test_read_scores(tmp_path):
    assert pages.read_scores(tmp_path / "none.json") is None
    (tmp_path / "bad.json").write_text("{")
    assert pages.read_scores(tmp_path / "bad.json") is None
    (tmp_path / "list.json").write_text("[1]")
    assert pages.read_scores(tmp_path / "list.json") is None
    (tmp_path / "ok.json").write_text('{"measured": "x"}')
    assert pages.read_scores(tmp_path / "ok.json") == {"measured": "x"}


def test_index_lists_cards_and_failures_escaped():
    ok = pages.NotebookResult(
        "00-quickstart",
        "Quick " + PAYLOAD,
        "00-quickstart.html",
        "00-quickstart.ipynb",
        3.25,
        metrics=[{"name": "articles", "value": 1200, "note": PAYLOAD}],
        figure="AAAA",
    )
    bad = pages.NotebookResult(
        "03-timelines",
        "Timelines",
        "03-timelines.html",
        "03-timelines.ipynb",
        1.0,
        error="cell 4: IndexError: " + PAYLOAD,
    )
    out = pages.index_html([ok, bad], _prov())
    assert PAYLOAD not in out
    assert "1 of 2 notebooks failed: 03-timelines. The others are complete." in out
    assert "<td class='num'>1,200</td>" in out and "3.2 s" in out
    assert "This notebook failed: cell 4: IndexError: &lt;script&gt;" in out and ">partial page</a>" in out
    assert "src='data:image/png;base64,AAAA'" in out and "no key figures recorded" in out
    assert "failed" not in pages.index_html([ok], _prov()).split("<body>")[1].split("<header")[0]


def test_render_html_opens_offline_and_links_pages():
    nb = nbformat.from_dict(_nb())
    page = pages.render_html(nb, "Load", header="<header>PROV</header>", pages=["02-next"])
    assert "<header>PROV</header>" in page
    assert 'href="02-next.html#part"' in page and 'href="other.ipynb"' in page
    assert not re.search(r"<script[^>]+src=\"https?://", page)
    assert "progress 50%" in page
    hidden = pages.render_html(nb, "Load", hide_code=True)
    assert "progress 50%" not in hidden and "h.report_metric(...)" not in hidden
