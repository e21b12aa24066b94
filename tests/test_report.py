"""The report machinery (helpers.report, python -m helpers) and the escaping table (helpers.display).

The report tests run tiny notebooks written here in a temporary folder on a tiny corpus, so they check
the machinery (parameters, offline HTML, provenance, index, failure handling) apart from the real
notebooks, which tests/test_notebooks.py and tests/test_browser.py cover.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest

import helpers as h
from helpers import config, report
from helpers.__main__ import build_parser, main
from helpers.display import show_table

PAYLOAD = "<script>alert(1)</script> and <img src=x onerror=alert(1)>"


class TagCollector(HTMLParser):
    """Every start tag with its attributes, and the visible text."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse_html(text: str) -> TagCollector:
    parser = TagCollector()
    parser.feed(text)
    return parser


def remote_refs(text: str) -> list[str]:
    """src/href/url() values that point off the page (anything but data:, #anchors and relative files)."""
    refs = re.findall(r"""(?:src|href)\s*=\s*["']?([^"'\s>]+)""", text, flags=re.I)
    refs += re.findall(r"""url\(\s*["']?([^"')]+)""", text, flags=re.I)
    refs += re.findall(r"""@import\s+["']([^"']+)""", text, flags=re.I)
    return [r for r in refs if re.match(r"^(https?:|//|ftp:|ws:)", r.strip(), flags=re.I)]


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(
        "---\ntitle: Rebels advance on the city\ndate: 2024-11-30\nsource: testwire\n---\n"
        "Rebel fighters advanced on Tuesday, a spokesman said.\n\n"
        f"Residents reported {PAYLOAD} in the feed.\n",
        encoding="utf-8",
    )
    (folder / "b.txt").write_text(
        "---\ntitle: Talks resume in the capital\ndate: 2024-12-02\nsource: otherwire\n---\n"
        "Diplomats met again on Monday to discuss a ceasefire.\n",
        encoding="utf-8",
    )
    return folder


def write_notebook(path: Path, body: list[str], title: str = "Tiny notebook") -> Path:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [
        nbformat.v4.new_markdown_cell(f"# {title}\n\nWhy: exercise the report machinery."),
        nbformat.v4.new_code_cell(
            "%load_ext autoreload\n%autoreload 2\nimport helpers as h\nfrom helpers.report import report_metric"
        ),
        nbformat.v4.new_code_cell("CORPUS = None\nOUT_DIR = None", metadata={"tags": ["parameters"]}),
        *[nbformat.v4.new_code_cell(src) for src in body],
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path


GOOD_CELLS = [
    "corpus = h.load_corpus(CORPUS)\nprint('CORPUS is', CORPUS)\nprint('OUT_DIR is', OUT_DIR)",
    "import numpy as np\nSECRET_CODE_TOKEN = 41 + 1\nreport_metric('articles', len(corpus))\n"
    "report_metric('share', np.float64(0.25), note='a numpy float')",
    "import matplotlib.pyplot as plt\nfig, ax = plt.subplots(figsize=(3, 2))\nax.plot([1, 3, 2])\nplt.show()",
    "h.show_table(corpus, columns=['title', 'text'])",
    "import sys\nprint('a warning nobody reads', file=sys.stderr)",
]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("report")
    corpus = write_corpus(root / "corpus")
    nbs = root / "notebooks"
    first = write_notebook(nbs / "00-first.ipynb", GOOD_CELLS, title="First <tiny> notebook")
    nb = nbformat.read(str(first), as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("Next: [the second](01-second.ipynb), or [elsewhere](other.ipynb)."))
    nbformat.write(nb, str(first))
    write_notebook(nbs / "01-second.ipynb", ["print(len(h.load_corpus(CORPUS)))"], title="Second notebook")
    return root, corpus, nbs


@pytest.fixture(scope="module")
def rendered(workspace):
    root, corpus, nbs = workspace
    out = root / "out"
    index = report.run_report(
        corpus=str(corpus), out=out, notebooks_dir=nbs, progress=False, options=report.ReportOptions(timeout=120)
    )
    return out, index, corpus


@pytest.mark.slow  # the rendered report runs notebooks on a kernel: the full suite runs it
def test_report_writes_pages_notebooks_and_index(rendered):
    out, index, _ = rendered
    assert index == out / "index.html"
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "00-first.html",
        "00-first.ipynb",
        "01-second.html",
        "01-second.ipynb",
        "explorer.html",
        "index.html",
        "provenance.json",
    ]
    assert "href='explorer.html'" in index.read_text(encoding="utf-8")
    assert not list(out.glob(".partial-*")), "temporary folder left behind"


@pytest.mark.slow
def test_parameters_reach_the_notebook(rendered):
    out, _, corpus = rendered
    nb = nbformat.read(str(out / "00-first.ipynb"), as_version=4)
    text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
    assert f"CORPUS is {corpus}" in text
    # figures are written into the report's temporary folder, moved to out/figures at the end
    assert re.search(rf"OUT_DIR is {re.escape(str(out))}/\.partial-\d+-\w+/figures", text)
    assert json.loads((out / "provenance.json").read_text())["parameters"]["OUT_DIR"] == str(out / "figures")
    # papermill's injected cell records what the notebook ran with
    assert any("injected-parameters" in c.metadata.get("tags", []) for c in nb.cells)


@pytest.mark.slow  # the rendered report runs notebooks on a kernel: the full suite runs it
def test_pages_open_offline_with_embedded_figures(rendered):
    out, _, _ = rendered
    for page in ["00-first.html", "01-second.html", "index.html"]:
        text = (out / page).read_text(encoding="utf-8")
        assert remote_refs(text) == [], page
        tags = parse_html(text).tags
        assert not [t for t, a in tags if t == "script" and a.get("src")], f"{page} loads a script"
        assert not [t for t, a in tags if t == "link" and "stylesheet" in (a.get("rel") or "")], page
    first = parse_html((out / "00-first.html").read_text(encoding="utf-8")).tags
    imgs = [a["src"] for t, a in first if t == "img"]
    assert imgs and all(src.startswith("data:image/png;base64,") for src in imgs)


@pytest.mark.slow  # the rendered report runs notebooks on a kernel: the full suite runs it
def test_links_between_notebooks_point_at_their_pages(rendered):
    out, _, _ = rendered
    page = (out / "00-first.html").read_text(encoding="utf-8")
    assert 'href="01-second.html"' in page and 'href="other.ipynb"' in page


@pytest.mark.slow  # the rendered report runs notebooks on a kernel: the full suite runs it
def test_provenance_header(rendered):
    out, _, corpus = rendered
    prov = json.loads((out / "provenance.json").read_text())
    assert prov["kit_version"] == h.__version__
    assert prov["corpus"]["articles"] == 2
    assert sorted(Path(f["path"]).name for f in prov["corpus"]["files"]) == ["a.txt", "b.txt"]
    assert all(f["articles"] == 1 for f in prov["corpus"]["files"])
    gaz = Path(prov["gazetteer"][0]["path"])
    if gaz.is_file():
        assert prov["gazetteer"][0]["sha256"] == hashlib.sha256(gaz.read_bytes()).hexdigest()
    page = (out / "00-first.html").read_text(encoding="utf-8")
    for needle in [
        f"Conflict news kit {h.__version__}",
        "2 articles",
        "a.txt",
        prov["run_at"],
        f"pandas {pd.__version__}",
        gaz.name,
    ]:
        assert needle in page, needle


@pytest.mark.slow  # the rendered report runs notebooks on a kernel: the full suite runs it
def test_index_lists_notebooks_with_their_metrics(rendered):
    out, _, _ = rendered
    page = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="00-first.html"' in page.replace("'", '"') and 'href="01-second.html"' in page.replace("'", '"')
    assert "First &lt;tiny&gt; notebook" in page  # titles escaped
    assert re.search(r"articles</td><td class='num'>2</td>", page)
    assert "0.25" in page and "a numpy float" in page
    assert "no key figures recorded" in page  # the second notebook recorded none
    assert page.count("data:image/png;base64,") == 1  # thumbnail of the first notebook's figure


@pytest.mark.slow  # the rendered report runs notebooks on a kernel: the full suite runs it
def test_article_markup_stays_text_in_pages(rendered):
    out, _, _ = rendered
    page = (out / "00-first.html").read_text(encoding="utf-8")
    parsed = parse_html(page)
    assert not [t for t, _ in parsed.tags if t == "script"]
    assert not [(t, a) for t, a in parsed.tags for k in a if k.lower().startswith("on")]
    assert "<script>alert(1)</script>" in "".join(parsed.text)  # shown as text


@pytest.mark.slow
def test_hide_code_leaves_outputs_only(workspace, tmp_path):
    root, corpus, nbs = workspace
    report.run_report(
        corpus=str(corpus),
        out=tmp_path / "hidden",
        notebooks=["00"],
        notebooks_dir=nbs,
        progress=False,
        options=report.ReportOptions(hide_code=True),
    )
    page = (tmp_path / "hidden" / "00-first.html").read_text(encoding="utf-8")
    assert "SECRET_CODE_TOKEN" not in page
    assert "articles: 2" in page and "data:image/png;base64," in page
    assert "a warning nobody reads" not in page  # stderr dropped for readers without code
    assert sorted(p.name for p in (tmp_path / "hidden").iterdir()) == [
        "00-first.html",
        "00-first.ipynb",
        "explorer.html",
        "index.html",
        "provenance.json",
    ]


@pytest.mark.slow
def test_a_failing_notebook_leaves_the_others_and_is_marked_in_the_index(workspace, tmp_path):
    root, corpus, _ = workspace
    nbs = tmp_path / "nbs"
    write_notebook(nbs / "00-fine.ipynb", ["x = 1\nreport_metric('fine', 1)"])
    write_notebook(
        nbs / "01-broken.ipynb", ["y = 2\nprint('ran before the error')", "missing_column = {}['no_such_key']", "z = 3"]
    )
    write_notebook(nbs / "02-after.ipynb", ["w = 4\nreport_metric('after', 4)"])
    out = tmp_path / "out"
    out.mkdir()
    (out / "index.html").write_text("previous report")
    with pytest.raises(report.ReportError) as info:
        report.run_report(corpus=str(corpus), out=out, notebooks_dir=nbs, progress=False)
    err = info.value
    message = str(err)
    assert err.notebook == "01-broken" and "01-broken.ipynb" in message and "1 of 3 notebooks failed" in message
    assert err.ename == "KeyError" and "no_such_key" in message
    assert "missing_column = {}['no_such_key']" in message and err.cell_index is not None
    assert [f.notebook for f in err.failures] == ["01-broken"] and err.index == out / "index.html"
    # the others rendered; the failed one has its partial page and executed copy
    assert sorted(p.name for p in out.iterdir()) == [
        "00-fine.html",
        "00-fine.ipynb",
        "01-broken.html",
        "01-broken.ipynb",
        "02-after.html",
        "02-after.ipynb",
        "explorer.html",
        "index.html",
        "provenance.json",
    ]
    assert err.executed == out / "01-broken.ipynb"
    assert "ran before the error" in (out / "01-broken.html").read_text(encoding="utf-8")
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "1 of 3 notebooks failed: 01-broken" in index
    assert re.search(r"This notebook failed: cell \d+: KeyError: .*no_such_key", index)
    assert "href='01-broken.html'>partial page</a>" in index
    assert "after</td><td class='num'>4</td>" in index  # the notebook after the failure ran and recorded
    assert not list(out.glob(".partial-*"))


def test_list_notebooks_selects_by_number_or_name(tmp_path):
    for name in ["00-a.ipynb", "01-b.ipynb", "02-c.ipynb", "notes.ipynb", "3-bad.ipynb"]:
        (tmp_path / name).write_text("{}")
    assert [p.name for p in report.list_notebooks(None, tmp_path)] == ["00-a.ipynb", "01-b.ipynb", "02-c.ipynb"]
    assert [p.name for p in report.list_notebooks(["2", "00-a"], tmp_path)] == ["00-a.ipynb", "02-c.ipynb"]
    with pytest.raises(report.ReportError, match="no notebook matches '07'"):
        report.list_notebooks(["07"], tmp_path)


def test_declared_parameters_reads_the_parameters_cell(workspace):
    _, _, nbs = workspace
    assert report.declared_parameters(nbs / "00-first.ipynb") == {"CORPUS": "None", "OUT_DIR": "None"}


def test_corpus_sources_default_to_the_sample(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert report.corpus_sources(None) == [str(config.SAMPLE_CORPUS)]
    assert report.corpus_sources("x/*.csv") == [str(tmp_path / "x" / "*.csv")]
    assert report.corpus_sources(["a", "b"]) == [str(tmp_path / "a"), str(tmp_path / "b")]


def test_report_metric_records_plain_values(monkeypatch):
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj, raw=False: shown.append(obj))
    report.report_metric("articles", np.int64(1200))
    report.report_metric("first", pd.Timestamp("2024-11-30", tz="UTC"), note="UTC")
    report.report_metric("f1", np.float64(0.8125))
    records = [s[report.METRIC_MIME] for s in shown]
    assert [r["value"] for r in records] == [1200, "2024-11-30T00:00:00+00:00", 0.8125]
    assert shown[0]["text/plain"] == "articles: 1,200"
    assert shown[1]["text/plain"].endswith("(UTC)")
    json.dumps(records)


# --------------------------------------------------------------------------------------------------
# show_table


def test_show_table_escapes_every_cell_and_header():
    df = pd.DataFrame({"<b>col</b>": [PAYLOAD, "plain"], "n": [1, 2]})
    html = show_table(df)._repr_html_()
    parsed = parse_html(html)
    assert {t for t, _ in parsed.tags} <= {"style", "table", "thead", "tbody", "tr", "th", "td", "caption"}
    assert not [a for _, a in parsed.tags for k in a if k.lower().startswith("on")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "&lt;b&gt;col&lt;/b&gt;" in html
    assert PAYLOAD in "".join(parsed.text)


def test_show_table_truncates_and_limits_rows():
    df = pd.DataFrame({"text": ["word " * 100] * 30, "k": range(30)})
    table = show_table(df, max_rows=5, columns=["text"], max_chars=40)
    html = table._repr_html_()
    assert html.count("<tr>") == 6  # header + 5 rows
    cells = re.findall(r"<td>([^<]*)</td>", html)
    assert all(len(c) <= 40 and c.endswith("…") for c in cells)
    assert "5 of 30 rows" in html and "k" not in re.findall(r"<th>([^<]*)</th>", html)
    assert "5 of 30 rows" in repr(table)


def test_show_table_formats_dates_numbers_and_missing():
    df = pd.DataFrame(
        {
            "date": pd.to_datetime(["2024-11-30", None], utc=True),
            "x": [0.123456, np.nan],
            "s": ["a", None],
        },
        index=pd.Index(["d1", "d2"], name="doc_id"),
    )
    html = show_table(df)._repr_html_()
    assert "<th>doc_id</th>" in html  # non-range index shown
    assert "2024-11-30</td>" in html and "0.1235" in html and "NaT" not in html and "nan" not in html
    filtered = pd.DataFrame({"x": range(5)})[lambda d: d["x"] > 2]
    shown = show_table(filtered)._repr_html_()
    assert "<th>3</th>" not in shown and '<td class="right">3</td>' in shown
    with pytest.raises(KeyError, match="no column"):
        show_table(df, columns=["nope"])


# --------------------------------------------------------------------------------------------------
# command line


@pytest.mark.parametrize("argv", [["--help"], ["load", "--help"], ["tag", "--help"], ["report", "--help"]])
def test_cli_help_reads_well(argv):
    proc = subprocess.run([sys.executable, "-m", "helpers", *argv], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("usage: python -m helpers")
    assert "(default: None)" not in proc.stdout
    assert "example" in proc.stdout


def test_cli_rejects_an_unknown_output_format(capsys):
    with pytest.raises(SystemExit):
        build_parser().parse_args(["load", "x", "--out", "corpus.xlsx"])
    assert "one of .csv, .json, .jsonl, .parquet" in capsys.readouterr().err


def test_cli_load_writes_the_corpus_and_prints_the_report(workspace, tmp_path, capsys):
    _, corpus, _ = workspace
    out = tmp_path / "corpus.parquet"
    assert main(["load", str(corpus), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "2 articles" in printed and str(out) in printed
    frame = pd.read_parquet(out)
    assert len(frame) == 2 and list(frame.columns) == list(h.CORPUS_COLUMNS)
    assert str(frame["date"].dtype).startswith("datetime64") and "UTC" in str(frame["date"].dtype)


def test_cli_load_reports_a_missing_path(tmp_path, capsys):
    assert main(["load", str(tmp_path / "nowhere")]) == 2
    assert "nowhere" in capsys.readouterr().err


def test_cli_tag_writes_mentions_and_support(workspace, tmp_path, capsys):
    pytest.importorskip("helpers.tagging")
    pytest.importorskip("helpers.support")
    _, corpus, _ = workspace
    loaded = tmp_path / "corpus.parquet"
    assert main(["load", str(corpus), "--out", str(loaded)]) == 0
    mentions, support = tmp_path / "mentions.parquet", tmp_path / "support.parquet"
    assert main(["tag", str(loaded), "--out", str(mentions), "--support", str(support)]) == 0
    frame = pd.read_parquet(mentions)
    assert list(frame.columns) == list(h.MENTION_COLUMNS)
    assert set(frame["doc_id"]) <= set(pd.read_parquet(loaded)["doc_id"])  # same ids as the loaded corpus
    assert list(pd.read_parquet(support).columns) == list(h.SUPPORT_COLUMNS)
    assert "mentions" in capsys.readouterr().out


def test_show_table_keeps_the_end_of_kwic_left_contexts():
    df = pd.DataFrame(
        {"left": ["a long run of words before the " * 5 + "end near"], "match": ["HTS"], "right": ["after " * 40]}
    )
    html = show_table(df, max_chars=30)._repr_html_()
    cells = re.findall(r'<td(?: class="right")?>([^<]*)</td>', html)
    assert cells[0].startswith("…") and cells[0].endswith("end near") and len(cells[0]) <= 30
    assert cells[2].endswith("…")
    assert '<td class="right">…' in html  # aligned right, next to the match


# --------------------------------------------------------------------------------------------------
# a faster, quieter report that never leaves half of itself behind


@pytest.mark.slow  # it runs notebooks on kernels (12 s): with the other notebook runs, not in the fast suite
def test_notebooks_run_in_parallel_on_quiet_kernels(workspace, tmp_path):
    _, corpus, _ = workspace
    nbs = tmp_path / "nbs"
    for name in ("00-one", "01-two"):
        write_notebook(
            nbs / f"{name}.ipynb",
            ["import time\nstarted = time.time()\ntime.sleep(2)\nprint('span', started, time.time())"],
        )
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from helpers import report; report.run_report("
            f"corpus={str(corpus)!r}, out={str(tmp_path / 'out')!r}, notebooks_dir={str(nbs)!r}, "
            "options=report.ReportOptions(jobs=2))",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=config.ROOT,
    )
    assert proc.returncode == 0, proc.stderr
    spans = []
    for name in ("00-one", "01-two"):
        nb = nbformat.read(str(tmp_path / "out" / f"{name}.ipynb"), as_version=4)
        text = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.outputs)
        spans.append([float(x) for x in re.search(r"span (\S+) (\S+)", text).groups()])
    (a0, a1), (b0, b1) = spans
    assert a0 < b1 and b0 < a1, "the two notebooks did not run at the same time"
    assert "without encryption" not in proc.stderr and "IPKernelApp" not in proc.stderr, proc.stderr
    assert re.search(r"\[\d/2\] 00-one: done in [\d.]+ s", proc.stderr)  # progress per notebook
    assert re.search(r"\[\d/2\] 01-two: done in [\d.]+ s", proc.stderr)


def test_bad_out_is_a_one_line_error(workspace, tmp_path, capsys):
    _, corpus, _ = workspace
    taken = tmp_path / "a-file"
    taken.write_text("not a folder")
    for out in (taken, taken / "below"):
        code = main(["report", "--corpus", str(corpus), "--out", str(out), "--no-progress"])
        err = capsys.readouterr().err
        assert code == 2 and "is a file, not a folder" in err
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert taken.read_text() == "not a folder"


@pytest.mark.slow
def test_stale_partial_folders_are_removed_but_not_a_live_runs(workspace, tmp_path):
    _, corpus, nbs = workspace
    out = tmp_path / "out"
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = out / f".partial-{gone.stdout.strip()}-abc123"
    old = out / ".partial-x1y2z3"  # the previous kit's name, without a pid
    live_proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        live = out / f".partial-{live_proc.pid}-def456"
        for folder in (dead, old, live):
            (folder / "figures").mkdir(parents=True)
        report.run_report(corpus=str(corpus), out=out, notebooks=["01"], notebooks_dir=nbs, progress=False)
        assert not dead.exists() and not old.exists() and live.exists()
    finally:
        live_proc.kill()
        live_proc.wait()


KILL_CELLS = [
    "from pathlib import Path\nPath(OUT_DIR).mkdir(parents=True, exist_ok=True)\n"
    "(Path(OUT_DIR) / 'marker.txt').write_text(VERSION)\nreport_metric('version', VERSION)",
    "import time\ntime.sleep(SLEEP)",
]


def _kill_notebooks(folder: Path, version: str, sleep: int) -> Path:
    for path in (folder / "00-marker.ipynb", folder / "01-sleeper.ipynb"):
        nb = write_notebook(path, KILL_CELLS[:1] if "marker" in path.name else KILL_CELLS[1:])
        node = nbformat.read(str(nb), as_version=4)
        node.cells[2].source += f"\nVERSION = {version!r}\nSLEEP = {sleep}"
        nbformat.write(node, str(nb))
    return folder


@pytest.mark.slow
def test_a_killed_report_leaves_the_previous_one_whole_and_the_next_run_cleans_up(workspace, tmp_path):
    import os
    import signal

    _, corpus, _ = workspace
    out = tmp_path / "out"
    first = _kill_notebooks(tmp_path / "v1", "one", 0)
    report.run_report(corpus=str(corpus), out=out, notebooks_dir=first, progress=False)
    index_before = (out / "index.html").read_text(encoding="utf-8")
    assert (out / "figures" / "marker.txt").read_text() == "one"

    second = _kill_notebooks(tmp_path / "v2", "two", 120)
    code = (
        f"from helpers import report; report.run_report(corpus={str(corpus)!r}, out={str(out)!r}, "
        f"notebooks_dir={str(second)!r}, progress=False, options=report.ReportOptions(jobs=2))"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=config.ROOT,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while not list(out.glob(".partial-*/figures/marker.txt")):  # the new figure is in the partial folder
            assert proc.poll() is None and time.monotonic() < deadline, "the report did not get going"
            time.sleep(0.2)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the run and its kernels, all at once
        proc.wait()
    assert (out / "index.html").read_text(encoding="utf-8") == index_before
    assert (out / "figures" / "marker.txt").read_text() == "one"  # the previous figures are untouched
    assert len(list(out.glob(".partial-*"))) == 1

    third = _kill_notebooks(tmp_path / "v3", "three", 0)
    report.run_report(corpus=str(corpus), out=out, notebooks_dir=third, progress=False)
    assert not list(out.glob(".partial-*"))
    assert (out / "figures" / "marker.txt").read_text() == "three"
    assert "version</td><td class='num'>three" in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_index_says_what_was_analysed_and_labels_the_accuracy_figures(workspace, tmp_path, monkeypatch):
    _, corpus, nbs = workspace
    monkeypatch.setattr(report, "read_scores", lambda: None)
    report.run_report(corpus=str(corpus), out=tmp_path / "a", notebooks=["01"], notebooks_dir=nbs, progress=False)
    page = (tmp_path / "a" / "index.html").read_text(encoding="utf-8")
    assert "2 articles from 2 file(s), 2024-11-30 to 2024-12-02" in page
    assert "2 source(s): otherwire (1), testwire (1)" in page and "0 syndicated copies folded" in page
    assert "No real-text scores are recorded" in page and "training figures" in page
    assert "href='05-backers-and-clients.html#Review-the-edges'" in page

    scores = {
        "own_gold": {
            "support": {"precision": 1.0, "recall": 0.86, "f1": 0.92},
            "presence": {"precision": 0.99, "recall": 0.98, "f1": 0.985},
        },
        "dev_tune": {"support": {"precision": 0.8, "recall": 0.5, "f1": 0.62}},
        "dev_test": {
            "support": {"precision": 0.7, "recall": 0.4, "f1": 0.51},
            "presence": {"precision": 0.9, "recall": 0.8, "f1": 0.85},
        },
        "measured": "2026-12-01",
    }
    monkeypatch.setattr(report, "read_scores", lambda: scores)
    report.run_report(corpus=str(corpus), out=tmp_path / "b", notebooks=["01"], notebooks_dir=nbs, progress=False)
    page = (tmp_path / "b" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr><td>([^<]+)</td><td class='note'>([^<]+)</td>((?:<td class='num'>[^<]*</td>)+)</tr>", page)
    assert [(name, what.split(":")[0]) for name, what, _ in rows] == [
        ("Own gold passages", "training figure"),
        ("Real news, tuning part", "tuning figure"),
        ("Real news, untouched part", "the estimate for new text"),
    ]
    assert "<td class='num'>0.51</td>" in rows[2][2] and "<td class='num'>–</td>" in rows[1][2]
    assert "Measured 2026-12-01" in page


def test_read_scores_absent_or_broken(tmp_path):
    from helpers.pages import read_scores

    assert read_scores(tmp_path / "none.json") is None
    (tmp_path / "bad.json").write_text("{not json")
    assert read_scores(tmp_path / "bad.json") is None
    (tmp_path / "ok.json").write_text('{"dev_test": {"support": {"precision": 0.7}}}')
    assert read_scores(tmp_path / "ok.json")["dev_test"]["support"]["precision"] == 0.7


@pytest.mark.slow
def test_concurrent_calls_share_one_cached_load_and_tag(tmp_path):
    cache = tmp_path / "cache"
    code = (
        "import json, sys, helpers as h; c, m = h.tag_cached(sys.argv[1], sys.argv[2]); "
        "print(json.dumps([len(c), len(m), m.attrs['cache']['tagged']]))"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(config.SAMPLE_CORPUS), str(cache)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=config.ROOT,
        )
        for _ in range(3)
    ]
    results = [p.communicate(timeout=300) for p in procs]
    assert all(p.returncode == 0 for p in procs), [e for _, e in results]
    rows = [json.loads(o.strip().splitlines()[-1]) for o, _ in results]
    corpus = h.load_corpus(config.SAMPLE_CORPUS)
    mentions = h.tag_mentions(corpus)
    assert {tuple(r[:2]) for r in rows} == {(len(corpus), len(mentions))}
    assert sorted(r[2] for r in rows) == [0, 0, 32]  # one call tagged the 32 files; the others read its entries
    assert not [e for _, e in results if "damaged" in e]


def test_run_report_takes_its_rarely_used_knobs_in_report_options(workspace, tmp_path, monkeypatch):
    _, corpus, nbs = workspace
    seen = {}

    def fake_render(run, tmp):
        seen.update(options=run.options, parameters=run.parameters)
        (tmp / "index.html").write_text("<html></html>", encoding="utf-8")
        return []

    monkeypatch.setattr(report, "_warm_provenance", lambda sources, chosen, cache_dir: {})
    monkeypatch.setattr(report, "_render", fake_render)
    options = report.ReportOptions(hide_code=True, scheduler="tcp://10.0.0.1:8786", jobs=3)
    report.run_report(corpus=str(corpus), out=tmp_path / "out", notebooks_dir=nbs, progress=False, options=options)
    assert seen["options"] is options and seen["parameters"]["SCHEDULER"] == "tcp://10.0.0.1:8786"
    assert options.n_jobs == 3 and report.ReportOptions().timeout == 600 and report.ReportOptions().jobs is None
    assert isinstance(options, h.RunOptions)
    with pytest.raises(TypeError, match="ReportOptions"):
        report.run_report(corpus=str(corpus), out=tmp_path / "bad", options=h.RunOptions())
