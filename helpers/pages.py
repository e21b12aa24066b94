"""The report's HTML: notebook pages that open offline, the provenance header and the index page.

Every value that comes from the data or a notebook (titles, metrics, errors, file names, outlet names)
is HTML-escaped. The index says what was analysed (files, articles, period, sources, copies folded,
files skipped), lists every notebook with its key figures (a failed one with its error and a link to
its partial page), and labels the accuracy figures for what they are: scores on the kit's own gold
passages are training figures, the real-text dev set's tuning part is a tuning figure, and only its
untouched part estimates accuracy on news the rules never saw; a reader's own review of the edges is
the figure for their corpus.
"""

from __future__ import annotations

import copy
import html
import json
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import config

#: MIME type of the records that :func:`helpers.report_metric` leaves in a notebook's outputs.
METRIC_MIME = "application/vnd.helpers.metric+json"
#: Where the notebook on backing statements explains how to review edges (an anchor of its page).
REVIEW_PAGE = "05-backers-and-clients.html#Review-the-edges"


@dataclass
class NotebookResult:
    """One notebook of a report: where its page is, how long it ran, what it recorded, how it failed."""

    name: str  # stem, e.g. "00-quickstart"
    title: str
    html: str  # file name of the rendered page
    ipynb: str  # file name of the executed notebook
    seconds: float
    metrics: list[dict[str, Any]] = field(default_factory=list)
    figure: str | None = None  # base64 PNG of the first figure
    error: str | None = None  # "cell 14: IndexError: ..." when the notebook failed


# ----------------------------------------------------------------------------------------------------
# reading executed notebooks


def notebook_title(nb: Any, default: str) -> str:
    """The first markdown heading of a notebook, or ``default``."""
    for cell in nb.cells:
        if cell.get("cell_type") == "markdown":
            for line in cell.source.splitlines():
                m = re.match(r"^#+\s+(.*\S)", line)
                if m:
                    return m.group(1)
    return default


def collect_metrics(nb: Any) -> list[dict[str, Any]]:
    """The records :func:`helpers.report_metric` left in a notebook's outputs, in order."""
    metrics = []
    for cell in nb.cells:
        for out in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            data = out.get("data", {})
            if METRIC_MIME in data:
                record = data[METRIC_MIME]
                metrics.append(json.loads(record) if isinstance(record, str) else dict(record))
    return metrics


def first_figure(nb: Any) -> str | None:
    """The base64 PNG of a notebook's first figure, or None."""
    for cell in nb.cells:
        for out in cell.get("outputs", []) if cell.get("cell_type") == "code" else []:
            png = out.get("data", {}).get("image/png")
            if png:
                return "".join(png) if isinstance(png, list) else png
    return None


# ----------------------------------------------------------------------------------------------------
# notebook pages

_CSS = """
.helpers-provenance{font:13px/1.45 system-ui,sans-serif;background:#f6f7f9;border:1px solid #d8dbe0;
 border-radius:6px;padding:8px 12px;margin:12px auto;max-width:1100px;color:#222}
.helpers-provenance details{margin-top:4px}.helpers-provenance table{border-collapse:collapse;margin-top:4px}
.helpers-provenance td,.helpers-provenance th{padding:1px 8px;border-bottom:1px solid #e3e3e3;text-align:left}
.helpers-provenance td.num{text-align:right}.helpers-provenance a.back{float:right}
"""

#: nbconvert's lab template with every remote script (require.js, MathJax, mermaid, widgets) removed and
#: the provenance header added. Nothing in the page is fetched: figures are inline base64 PNG.
_TEMPLATE = (
    """{%- extends 'index.html.j2' -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{% block jupyter_widgets %}{% endblock jupyter_widgets %}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block html_head_css -%}<style type="text/css">"""
    + _CSS
    + """
body.jp-Notebook main{max-width:1100px;margin:0 auto}
</style>{%- endblock html_head_css -%}
{%- block body_header -%}
{{ super() }}
{{ resources.get('helpers_provenance', '') }}
{%- endblock body_header -%}
"""
)


def html_exporter(hide_code: bool = False):
    """An nbconvert HTMLExporter whose pages open offline (see :data:`_TEMPLATE`)."""
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    cfg = Config()
    cfg.TagRemovePreprocessor.enabled = True
    cfg.TagRemovePreprocessor.remove_cell_tags = ("remove-cell", "remove_cell")
    cfg.TagRemovePreprocessor.remove_input_tags = ("remove-input", "remove_input", "hide-input")
    cfg.TagRemovePreprocessor.remove_all_outputs_tags = ("remove-output", "remove_output")
    exporter = HTMLExporter(
        config=cfg,
        template_name="lab",
        template_file="helpers_report.html.j2",
        extra_loaders=[DictLoader({"helpers_report.html.j2": _TEMPLATE})],
        exclude_input=hide_code,
        exclude_input_prompt=hide_code,
        exclude_output_prompt=hide_code,
        embed_images=True,
    )
    exporter.mathjax_url = ""
    exporter.require_js_url = ""
    return exporter


def render_html(nb: Any, title: str, header: str = "", hide_code: bool = False, pages: Iterable[str] = ()) -> str:
    """Render an executed notebook node to one self-contained HTML page.

    Links to another notebook of the report (``01-load-and-clean.ipynb``, a stem in ``pages``) are pointed
    at its HTML page. With ``hide_code`` the stderr streams (progress bars, warnings) are left out too.
    """
    if hide_code:
        nb = copy.deepcopy(nb)
        for cell in nb.cells:
            if cell.get("cell_type") == "code":
                cell["outputs"] = [
                    o
                    for o in cell.get("outputs", [])
                    if not (o.get("output_type") == "stream" and o.get("name") == "stderr")
                ]
    body, _ = html_exporter(hide_code).from_notebook_node(
        nb, resources={"metadata": {"name": title}, "helpers_provenance": header}
    )
    stems = set(pages)
    return re.sub(
        r'href="([^"/]+)\.ipynb(#[^"]*)?"',
        lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"' if m.group(1) in stems else m.group(0),
        body,
    )


# ----------------------------------------------------------------------------------------------------
# provenance


def short_path(path: str) -> str:
    """A path relative to the checkout or its parent when it lies there (shorter, machine-independent)."""
    given, real = Path(os.path.abspath(path)), Path(path).resolve()  # as written (a symlinked ../shared), and real
    for base in (config.ROOT, config.ROOT.parent):
        for p, b in ((given, base), (real, base.resolve())):
            try:
                return str(p.relative_to(b))
            except ValueError:
                continue
    return path


def _analysed(c: dict[str, Any]) -> str:
    """One paragraph: what was analysed."""
    span = f"{c['first_date']} to {c['last_date']}" if c.get("first_date") else "no dated article"
    sources = c.get("sources_articles") or {}
    top = ", ".join(f"{s} ({n:,})" for s, n in list(sources.items())[:5])
    more = f" and {len(sources) - 5:,} more" if len(sources) > 5 else ""
    undated = f"; {c['undated']:,} undated" if c.get("undated") else ""
    skipped = f"; {len(c['skipped']):,} file(s) skipped (see below)" if c.get("skipped") else ""
    return (
        f"{c['articles']:,} articles from {len(c['files']):,} file(s), {span}{undated}; "
        f"{len(sources):,} source(s): {top}{more}; {c['duplicates']:,} syndicated copies folded into "
        f"their originals (each story counted once){skipped}."
    )


def provenance_html(prov: dict[str, Any], index_href: str | None = None) -> str:
    """The provenance header block (every value escaped)."""
    esc = html.escape
    c = prov["corpus"]
    gaz = "; ".join(
        f"{esc(short_path(g['path']))} (sha256 {esc((g['sha256'] or 'missing')[:16])}…)" for g in prov["gazetteer"]
    )
    files = "".join(
        f"<tr><td>{esc(short_path(f['path']))}</td><td class='num'>{f['articles']:,}</td></tr>" for f in c["files"]
    )
    skipped = "".join(
        f"<tr><td>{esc(short_path(str(p)))}</td><td>{esc(str(r))}</td></tr>" for p, r in c.get("skipped") or []
    )
    skipped = f"<table><thead><tr><th>file skipped</th><th>reason</th></tr></thead>{skipped}</table>" if skipped else ""
    git = f" (checkout {esc(prov['git'])})" if prov.get("git") else ""
    back = f'<a class="back" href="{esc(index_href)}">&larr; all notebooks</a>' if index_href else ""
    sha_full = "".join(
        f"<div>{esc(short_path(g['path']))}: <code>{esc(g['sha256'] or 'missing')}</code></div>"
        for g in prov["gazetteer"]
    )
    return f"""<header class="helpers-provenance">{back}
<div><b>Conflict news kit {esc(prov["kit_version"])}</b>{git} &middot; run {esc(prov["run_at"])}
&middot; Python {esc(prov["python"])}, pandas {esc(prov["pandas"])}</div>
<div>Corpus: {esc(_analysed(c))} Read from: {esc(", ".join(short_path(s) for s in c["sources"]))}</div>
<div>Gazetteer: {gaz}</div>
<details><summary>files and checksums</summary>{sha_full}
<table><thead><tr><th>corpus file</th><th>articles</th></tr></thead><tbody>{files}</tbody></table>{skipped}</details>
</header>"""


# ----------------------------------------------------------------------------------------------------
# accuracy


def read_scores(path: Path | str | None = None) -> dict[str, Any] | None:
    """The real-text scores the maintainers record (``data/gold/real/scores.json``), or None when absent.

    Format: ``{"own_gold": {"support": {"precision", "recall", "f1"}, "presence": {...}}, "dev_tune": {...},
    "dev_test": {...}, "measured": "YYYY-MM-DD"}``; a file that cannot be read is reported as None.
    """
    path = Path(path) if path is not None else config.DATA_DIR / "gold" / "real" / "scores.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


_SETS = (
    ("own_gold", "Own gold passages", "training figure: written by the kit's authors, who tuned the rules on them"),
    ("dev_tune", "Real news, tuning part", "tuning figure: real articles read while adjusting the rules"),
    ("dev_test", "Real news, untouched part", "the estimate for new text: real articles the rules never saw"),
    (
        "dev_fresh",
        "Real news, fresh untouched batch",
        "drawn and labelled blind after the rules were written: real articles the rules never saw",
    ),
)


def _score(block: Any, task: str) -> str:
    scores = block.get(task) if isinstance(block, dict) else None
    if not isinstance(scores, dict):
        return "<td class='num'>–</td>" * 3
    return "".join(
        f"<td class='num'>{scores[k]:.2f}</td>" if isinstance(scores.get(k), (int, float)) else "<td class='num'>–</td>"
        for k in ("precision", "recall", "f1")
    )


def accuracy_html(scores: dict[str, Any] | None) -> str:
    """The "how far to trust the counts" block of the index."""
    esc = html.escape
    review = (
        f"To know how far to trust the backing edges <em>of this corpus</em>, review a sample of them: "
        f"<a href='{REVIEW_PAGE}'>how to review edges and estimate precision</a> "
        f"(<code>h.sample_for_review</code>, then <code>h.apply_review</code> and "
        f"<code>h.estimate_precision</code>; run the report with <code>--review FILE</code>)."
    )
    if not scores:
        return (
            f"<section class='card trust'><h2>How far to trust the counts</h2><p>No real-text scores are "
            f"recorded (<code>data/gold/real/scores.json</code> is absent). The scores on the kit's own gold "
            f"passages (notebook 02) are training figures: the rules were written while reading those "
            f"passages, so they overstate accuracy on new text.</p><p>{review}</p></section>"
        )
    rows = "".join(
        f"<tr><td>{esc(name)}</td><td class='note'>{esc(what)}</td>{_score(scores.get(key), 'presence')}"
        f"{_score(scores.get(key), 'support')}</tr>"
        for key, name, what in _SETS
        if key != "dev_fresh" or key in scores  # the fresh batch only once it is scored
    )
    measured = f" Measured {esc(str(scores.get('measured', '')))}." if scores.get("measured") else ""
    return (
        f"<section class='card trust'><h2>How far to trust the counts</h2>"
        f"<table class='metrics'><thead><tr><th>scored on</th><th>what the figure is</th>"
        f"<th colspan='3'>actors present: P / R / F1</th><th colspan='3'>backing edges: P / R / F1</th></tr>"
        f"</thead><tbody>{rows}</tbody></table><p class='note'>Only the untouched part estimates accuracy on "
        f"news like yours.{measured}</p><p>{review}</p></section>"
    )


# ----------------------------------------------------------------------------------------------------
# index


def metric_value(value: Any) -> str:
    """A key figure as text (thousands separated, 4 significant digits)."""
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.4g}"
    return str(value)


def _card(r: NotebookResult) -> str:
    esc = html.escape
    rows = "".join(
        f"<tr><td>{esc(str(m.get('name', '')))}</td><td class='num'>{esc(metric_value(m.get('value')))}"
        f"</td><td class='note'>{esc(str(m.get('note') or ''))}</td></tr>"
        for m in r.metrics
    )
    table = f"<table class='metrics'>{rows}</table>" if rows else "<p class='none'>no key figures recorded</p>"
    thumb = (
        f"<a href='{esc(r.html)}'><img class='thumb' alt='first figure of {esc(r.title)}' "
        f"src='data:image/png;base64,{r.figure}'></a>"
        if r.figure
        else ""
    )
    failed = (
        f"<p class='error'>This notebook failed: {esc(r.error)}. The page shows what ran before the error.</p>"
        if r.error
        else ""
    )
    status = " failed" if r.error else ""
    return (
        f"<section class='card{status}'><h2><a href='{esc(r.html)}'>{esc(r.title)}</a></h2>"
        f"<div class='files'>{esc(r.name)} &middot; <a href='{esc(r.html)}'>{'partial page' if r.error else 'page'}"
        f"</a> &middot; <a href='{esc(r.ipynb)}'>executed notebook</a> &middot; {r.seconds:.1f} s</div>"
        f"{failed}<div class='body'>{table}{thumb}</div></section>"
    )


def explorer_card(explorer: dict[str, Any] | None) -> str:
    """The index's card for ``explorer.html`` (its link, or the error that stopped it)."""
    if not explorer:
        return ""
    if explorer.get("error"):
        return (
            f"<section class='card failed'><h2>Explorer</h2><p class='error'>The explorer page could not be "
            f"written: {html.escape(str(explorer['error']))}</p></section>"
        )
    href = html.escape(str(explorer.get("html", "explorer.html")))
    size = f" &middot; {explorer['bytes'] / 1e6:.1f} MB" if explorer.get("bytes") else ""
    return (
        f"<section class='card explorer'><h2><a href='{href}'>Explorer</a></h2><div class='files'>"
        f"<a href='{href}'>{href}</a>{size} &middot; one file, works offline</div><p>Pick actors, drag across "
        f"the timeline to set a period, choose outlets, roles and kinds; the co-occurrence and backer views "
        f"follow, and a click on a point, a cell or an edge lists the sentences behind it. Keep or drop "
        f"backing statements there and download the review file <code>h.apply_review</code> reads.</p></section>"
    )


def index_html(results: Iterable[NotebookResult], prov: dict[str, Any], explorer: dict[str, Any] | None = None) -> str:
    """The report's front page: what was analysed, how far to trust it, the explorer, one card per notebook."""
    results = list(results)
    failed = [r for r in results if r.error]
    banner = (
        f"<p class='error top'>{len(failed)} of {len(results)} notebooks failed: "
        f"{html.escape(', '.join(r.name for r in failed))}. The others are complete.</p>"
        if failed
        else ""
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Conflict news report</title>
<style>{_CSS}
body{{font:14px/1.45 system-ui,sans-serif;margin:0 16px;color:#222}}
h1{{max-width:1100px;margin:16px auto 4px}}
.card{{max-width:1100px;margin:12px auto;border:1px solid #d8dbe0;border-radius:6px;padding:8px 12px}}
.card.failed{{border-color:#c0392b}}.error{{color:#a93226}}.error.top{{max-width:1100px;margin:8px auto}}
.card h2{{margin:2px 0;font-size:18px}}.files{{color:#666;font-size:12px}}
.body{{display:flex;gap:16px;align-items:flex-start;flex-wrap:wrap;margin-top:6px}}
.metrics{{border-collapse:collapse}}
.metrics td,.metrics th{{padding:1px 8px;border-bottom:1px solid #eee;text-align:left}}
.metrics td.num{{text-align:right;font-variant-numeric:tabular-nums}}.note{{color:#666}}
img.thumb{{max-width:420px;max-height:260px;border:1px solid #eee}}.none{{color:#888}}
</style></head>
<body><h1>Conflict news report</h1>
{banner}
{provenance_html(prov)}
{accuracy_html(prov.get("accuracy"))}
{explorer_card(explorer)}
{"".join(_card(r) for r in results)}
</body></html>
"""
