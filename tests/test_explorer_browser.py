"""The explorer in headless Chromium with the network cut off: pick an actor by an alias, brush a period on the
timeline, read the counts the page shows against the kit's own counts on the same frames, click a backer edge
and find its sentence, keep a statement and read the review file. Also records how long the FA-KES explorer
takes to open (``.cache/bench/explorer_load.json``, shown by ``python bench/explorer.py``); no time is asserted."""

from __future__ import annotations

import json
import time

import numpy as np
import pandas as pd
import pytest
from test_browser import CHROMIUM, DevTools, offsite

import helpers as h
from helpers import config

pytestmark = pytest.mark.browser
BENCH_FILE = config.CACHE_DIR / "bench" / "explorer_load.json"
ACTOR, ALIAS, CLIENT = "russia", "Kremlin", "syrian_government"
FIRST, LAST = "2016-12-01", "2018-04-30"  # months: the brush runs from December 2016 to April 2018


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if CHROMIUM is None:
        pytest.skip("chromium is not on PATH (Debian: apt-get install chromium; .ci/run does this)")
    devtools = DevTools(tmp_path_factory.mktemp("chromium-profile"))
    yield devtools
    devtools.close()


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    corpus, mentions = h.tag_cached(str(config.SAMPLE_CORPUS))
    support = h.extract_support(corpus, mentions)
    path = h.explore(corpus, mentions, support, path=tmp_path_factory.mktemp("explorer") / "explorer.html")
    return path, corpus, mentions, support


def _open(browser: DevTools, path) -> str:
    session = browser.open(path.as_uri())
    browser.send(
        "Emulation.setDeviceMetricsOverride",
        {"width": 1400, "height": 1000, "deviceScaleFactor": 1, "mobile": False},
        session,
    )
    browser.evaluate(session, "explorer.update()")
    return session


def _mouse(browser: DevTools, session: str, kind: str, x: float, y: float) -> None:
    browser.send(
        "Input.dispatchMouseEvent",
        {
            "type": kind,
            "x": x,
            "y": y,
            "button": "left",
            "buttons": 1 if kind != "mouseReleased" else 0,
            "clickCount": 1,
        },
        session,
    )


def _brush(browser: DevTools, session: str, first: str, last: str) -> None:
    """Drag across the timeline from the period starting ``first`` to the one holding ``last``."""
    where = json.loads(
        browser.evaluate(
            session,
            f"""(() => {{
      const svg = document.getElementById('timeline'); svg.scrollIntoView();
      const area = document.getElementById('brush-area'), r = svg.getBoundingClientRect();
      const k = r.width / svg.viewBox.baseVal.width, P = explorer.data.periods;
      const at = (d) => {{ let i = 0; P.forEach((p, j) => {{ if (p <= d) i = j; }}); return i; }};
      const x = (i) => r.left + k * (+area.dataset.x0 + i * +area.dataset.step);
      const y = r.top + k * (+area.getAttribute('y') + 3);
      return JSON.stringify({{x0: x(at('{first}')), x1: x(at('{last}')), y}});
    }})()""",
        )
    )
    _mouse(browser, session, "mousePressed", where["x0"], where["y"])
    for step in range(1, 6):
        _mouse(browser, session, "mouseMoved", where["x0"] + (where["x1"] - where["x0"]) * step / 5, where["y"])
    _mouse(browser, session, "mouseReleased", where["x1"], where["y"])


def _expected(mentions: pd.DataFrame, start=None, end=None) -> tuple[int, int]:
    m = h.Selection(start=start, end=end).mentions(mentions)
    mine = m[m["entity"] == ACTOR]
    return len(mine), mine["doc_id"].nunique()


def _shown(browser: DevTools, session: str) -> dict:
    return json.loads(
        browser.evaluate(
            session,
            f"""JSON.stringify((() => {{
      const row = document.querySelector('#totals tr[data-actor="{ACTOR}"]');
      return row ? {{mentions: row.querySelector('.mentions').textContent, articles: row.querySelector('.articles')
        .textContent, rows: document.querySelectorAll('#totals tr[data-actor]').length, hash: location.hash}} : null;
    }})())""",
        )
    )


def test_pick_brush_and_click_through_to_the_sentence(sample, browser, tmp_path):
    path, corpus, mentions, support = sample
    session = _open(browser, path)
    assert browser.blocked == [] and offsite(browser.requested) == []
    assert browser.console_errors(session) == []

    # pick the actor by an alias, after removing the default choice
    browser.evaluate(
        session,
        f"""(() => {{
      for (const chip of [...document.querySelectorAll('#actor-chips .chip')]) chip.click();
      const box = document.getElementById('actor-search'); box.value = '{ALIAS}';
      box.dispatchEvent(new Event('input'));
      document.querySelector('#actor-list input[data-actor="{ACTOR}"]').click();
    }})()""",
    )
    shown = _shown(browser, session)
    assert shown["rows"] == 1 and "actors=russia" in shown["hash"]
    whole = _expected(mentions)
    assert (int(shown["mentions"].replace(",", "")), int(shown["articles"])) == whole

    _brush(browser, session, FIRST, LAST)
    shown = _shown(browser, session)
    period = _expected(mentions, FIRST, LAST)
    assert (int(shown["mentions"]), int(shown["articles"])) == period != whole
    assert f"from={FIRST}" in shown["hash"] and f"to={LAST}" in shown["hash"]

    # the co-occurrence table of the period: the top pair and its count, as h.cooccurrence counts them
    matrix = h.cooccurrence(mentions, window="sentence", measure="count", start=FIRST, end=LAST)
    off_diagonal = matrix.to_numpy()[~np.eye(len(matrix), dtype=bool)]
    best = int(off_diagonal.max())
    top = json.loads(
        browser.evaluate(
            session,
            """JSON.stringify([...document.querySelectorAll('#pairs tr')][1]
      .textContent)""",
        )
    )
    assert top.endswith(str(best)), (top, best)
    heat = browser.evaluate(session, "explorer.csv('heatmap')").splitlines()
    assert heat[0].startswith("actor,russia") and len(heat) == len(heat[0].split(","))

    # the backer edge of the period: its statement count and, on a click, its sentences
    net = h.support_network(support, start=FIRST, end=LAST)
    edge = net[(net["backer"] == ACTOR) & (net["client"] == CLIENT)].iloc[0]
    stated = browser.evaluate(
        session,
        f"""document.querySelector('path.edge[data-edge="{ACTOR}>{CLIENT}"]')
      .getAttribute('data-statements')""",
    )
    assert int(stated) == edge["statements"]
    browser.evaluate(
        session,
        f"""document.querySelector('path.edge[data-edge="{ACTOR}>{CLIENT}"]')
      .dispatchEvent(new MouseEvent('click', {{bubbles: true}}))""",
    )
    listed = json.loads(
        browser.evaluate(
            session,
            """JSON.stringify({
      items: [...document.querySelectorAll('#evidence li[data-edge-id]')].map(li => li.textContent),
      title: document.getElementById('evidence-title').textContent})""",
        )
    )
    rows = h.Selection(start=FIRST, end=LAST).support(support)
    rows = rows[(rows["backer"] == ACTOR) & (rows["client"] == CLIENT)]
    assert len(listed["items"]) == len(rows) == edge["statements"]
    sentence = " ".join(str(rows.iloc[0]["sentence"]).split())
    assert any(sentence in " ".join(item.split()) for item in listed["items"]), listed

    # keep one statement: the review file names it
    browser.evaluate(session, "document.querySelector('#evidence button[value=\"keep\"]').click()")
    review = browser.evaluate(session, "explorer.reviewFile()")
    head, first = review.splitlines()[:2]
    assert head.startswith("edge_id,stratum,decision") and ",explorer,keep," in first
    assert first.split(",")[0] in set(rows["edge_id"])
    # the buttons download files: the review file is read by apply_review, the timeline's CSV by pandas
    downloads = tmp_path / "downloads"
    browser.send("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    browser.evaluate(
        session,
        """document.getElementById('export-review').click();
      document.querySelector('[data-csv="timeline"]').click()""",
    )
    deadline = time.monotonic() + 20
    while not ((downloads / "review.csv").is_file() and (downloads / "timeline.csv").is_file()):
        assert time.monotonic() < deadline, "the downloads did not arrive"
        time.sleep(0.1)
    reviewed = h.apply_review(support, downloads / "review.csv")
    assert (reviewed["review"] == "kept").sum() == 1
    assert reviewed.loc[reviewed["review"] == "kept", "edge_id"].iloc[0] == first.split(",")[0]
    table = pd.read_csv(downloads / "timeline.csv")
    in_period = table[(table["period"] >= FIRST) & (table["period"] <= LAST)]
    assert in_period["mentions"].sum() == period[0]
    csv = browser.evaluate(session, "explorer.csv('timeline')")
    assert csv.splitlines()[0] == "period,actor,mentions,articles,period_articles,share"
    assert browser.console_errors(session) == [] and browser.blocked == []


def test_link_restores_the_view(sample, browser):
    path = sample[0]
    session = _open(browser, path)
    browser.evaluate(session, f"location.hash = 'actors={ACTOR},hezbollah&from={FIRST}&to={LAST}'; 0")
    time.sleep(0.2)
    state = json.loads(
        browser.evaluate(
            session,
            """JSON.stringify({actors: explorer.state.actors.map(a =>
      explorer.data.actors.id[a]), p0: explorer.data.periods[explorer.state.p0], rows: document.querySelectorAll(
      '#totals tr[data-actor]').length, from: document.getElementById('from').value})""",
        )
    )
    assert state == {"actors": [ACTOR, "hezbollah"], "p0": FIRST, "rows": 2, "from": FIRST}


def test_fakes_explorer_load_time_is_recorded(shared_dir, browser, tmp_path):
    source = shared_dir / "corpora" / "fa-kes" / "FA-KES-Dataset.csv"
    if not source.is_file():
        pytest.skip(f"no FA-KES corpus at {source}")
    started = time.perf_counter()
    corpus, mentions = h.tag_cached(str(source))
    support = h.extract_support(corpus, mentions)
    path = h.explore(corpus, mentions, support, path=tmp_path / "explorer.html")
    built = time.perf_counter() - started
    started = time.perf_counter()
    session = browser.open(path.as_uri())
    ready = browser.evaluate(session, "explorer.ready && explorer.loadMs")
    opened = time.perf_counter() - started
    assert browser.console_errors(session) == [] and browser.blocked == []
    record = {
        "corpus": "FA-KES",
        "articles": len(corpus),
        "bytes": path.stat().st_size,
        "build_seconds": round(built, 2),
        "open_seconds": round(opened, 2),
        "script_ready_ms": round(float(ready), 1),
        "measured": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    BENCH_FILE.parent.mkdir(parents=True, exist_ok=True)
    BENCH_FILE.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    assert record["bytes"] < 5_000_000


def test_an_empty_corpus_opens_without_errors(sample, browser, tmp_path):
    _, corpus, mentions, _ = sample
    path = h.explore(corpus.iloc[:0], mentions.iloc[:0], None, path=tmp_path / "empty.html")
    session = browser.open(path.as_uri())
    assert (
        browser.evaluate(session, "explorer.ready && document.getElementById('period-text').textContent")
        == "No dated article."
    )
    assert browser.console_errors(session) == [] and browser.blocked == []
