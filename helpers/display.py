"""Tables shown in notebooks: every cell HTML-escaped, long text cut with an ellipsis.

Article text is untrusted: a story that quotes ``<script>`` or carries ``onerror=`` must show up as
text in JupyterLab and in the rendered report, never as markup. :func:`show_table` is the one path
notebooks use to display article text (KWIC lines, evidence sentences, removed lines).
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .names import labelled

ELLIPSIS = "…"

_CSS = (  # the class is doubled to outrank JupyterLab's right-aligned table cells
    "<style>"
    ".helpers-table{border-collapse:collapse;font-size:12px;margin:4px 0}"
    ".helpers-table.helpers-table th,.helpers-table.helpers-table td{border:1px solid #ddd;padding:2px 6px;"
    "text-align:left;vertical-align:top;max-width:40em;white-space:normal;overflow-wrap:break-word}"
    ".helpers-table.helpers-table th{background:#f3f3f3}"
    ".helpers-table.helpers-table td.right{text-align:right;font-variant-numeric:tabular-nums}"
    ".helpers-table caption{caption-side:bottom;text-align:left;color:#666;font-size:11px}"
    "</style>"
)


def format_cell(value: Any, max_chars: int = 160, keep_end: bool = False) -> str:
    """Plain text of one cell on one line, cut to ``max_chars`` with an ellipsis (not yet escaped).

    ``keep_end`` cuts from the start instead (``…the end``): for left contexts of a KWIC line.
    """
    if isinstance(value, (list, tuple, set, dict)):
        text = str(value)
    elif _is_na(value):
        text = ""
    elif isinstance(value, float):
        text = f"{value:.4g}"
    elif isinstance(value, pd.Timestamp):
        text = value.strftime("%Y-%m-%d" if value == value.normalize() else "%Y-%m-%d %H:%M")  # the kit's dates are UTC
    else:
        text = str(value)
    text = " ".join(text.split())
    if max_chars and len(text) > max_chars:
        keep = max(max_chars - 1, 0)
        text = ELLIPSIS + text[len(text) - keep :].lstrip() if keep_end else text[:keep].rstrip() + ELLIPSIS
    return text


def _is_na(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


@dataclass
class Table:
    """A frame shown as an escaped HTML table (``_repr_html_``) or as text (``repr``)."""

    frame: pd.DataFrame
    total_rows: int
    max_chars: int = 160
    show_index: bool = False
    keep_end: tuple[str, ...] = ()

    def _cells(self) -> tuple[list[str], list[list[tuple[str, bool]]]]:
        """Header texts, and per row (text, right-aligned) pairs."""
        frame = self.frame
        header = ([str(frame.index.name or "")] if self.show_index else []) + [str(c) for c in frame.columns]
        right = [
            (pd.api.types.is_numeric_dtype(t) and not pd.api.types.is_bool_dtype(t)) or c in self.keep_end
            for c, t in zip(frame.columns, frame.dtypes)
        ]
        tails = [c in self.keep_end for c in frame.columns]
        rows = []
        for idx, values in zip(frame.index, frame.itertuples(index=False, name=None)):
            row = [(format_cell(idx, self.max_chars), False)] if self.show_index else []
            row += [(format_cell(v, self.max_chars, tail), r) for v, r, tail in zip(values, right, tails)]
            rows.append(row)
        return header, rows

    def to_html(self) -> str:
        """The table as an HTML fragment; every header and cell is escaped."""
        esc = html.escape
        header, rows = self._cells()
        out = [_CSS, '<table class="helpers-table">']
        out.append("<thead><tr>" + "".join(f"<th>{esc(h)}</th>" for h in header) + "</tr></thead><tbody>")
        for row in rows:
            cells = "".join(f'<td class="right">{esc(t)}</td>' if right else f"<td>{esc(t)}</td>" for t, right in row)
            out.append(f"<tr>{cells}</tr>")
        out.append("</tbody>")
        out.append(f"<caption>{esc(self.caption)}</caption>")
        out.append("</table>")
        return "".join(out)

    @property
    def caption(self) -> str:
        shown = len(self.frame)
        if shown < self.total_rows:
            return f"{shown} of {self.total_rows:,} rows"
        return f"{self.total_rows:,} rows"

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        header, rows = self._cells()
        text = pd.DataFrame([[t for t, _ in row] for row in rows], columns=header or None)
        body = text.to_string(index=False) if len(text.columns) else ""
        return f"{body}\n[{self.caption}]"


def show_table(
    df: pd.DataFrame | pd.Series,
    max_rows: int = 20,
    columns: Sequence[str] | None = None,
    max_chars: int = 160,
    index: bool | None = None,
    keep_end: Sequence[str] = ("left",),
    ids: bool = False,
) -> Table:
    """Return ``df`` as a table that renders as escaped HTML in JupyterLab and in the report.

    Args:
        df: the frame (or series) to show.
        max_rows: show at most this many rows (the first ones); the caption says how many there are.
        columns: show only these columns, in this order.
        max_chars: cut any cell longer than this with an ellipsis ("…").
        index: show the index as a first column; by default only when it is named or not made of
            integers (row numbers are left out, also after filtering).
        keep_end: columns cut from the start and aligned right, so that their end shows (the ``left``
            context of a :func:`helpers.kwic` line ends at the match).
        ids: show actor ids as they are; by default the columns ``entity``, ``backer``, ``client``,
            ``a``, ``b``, ``actor`` show display labels (see :func:`helpers.names.labelled`).

    Every header and cell goes through :func:`html.escape`, so article text that contains markup
    (``<script>``, ``<img onerror=...>``) is shown as text. Use this, not a pandas ``Styler``
    (which does not escape by default), for anything that holds article text.
    """
    if df is None:
        raise TypeError("show_table: the table is None; pass a DataFrame or Series")
    if isinstance(df, pd.Series):
        df = df.to_frame()
    df = labelled(df, ids=ids)
    if columns is not None:
        missing = [c for c in columns if c not in df.columns]
        if missing:
            raise KeyError(f"show_table: no column(s) {missing}; the frame has {list(df.columns)}")
        df = df.loc[:, list(columns)]
    if index is None:  # row numbers (a range, or what is left of one after filtering) say nothing
        index = df.index.name is not None or not pd.api.types.is_integer_dtype(df.index.dtype)
    total = len(df)
    head = df.head(max_rows) if max_rows is not None else df
    return Table(
        head,
        total_rows=total,
        max_chars=max_chars,
        show_index=bool(index),
        keep_end=tuple(c for c in keep_end if c in df.columns),
    )


def enough(data: Any, what: str, at_least: int = 1) -> bool:
    """Whether ``data`` holds at least ``at_least`` items; when not, print one sentence saying so.

    Notebooks use it before a figure or table that needs data: ``if h.enough(timeline, "dated mentions to
    chart"): ...`` prints "Too little data for this step: no dated mentions to chart." and skips it.

    Args:
        data: a DataFrame (rows and columns both count), a Series or list (its length), a number, or None.
        what: what is needed, as a noun phrase ("dated mentions to chart").
        at_least: the minimum.
    """
    if data is None:
        size = 0
    elif isinstance(data, pd.DataFrame):
        size = min(data.shape) if data.shape[1] else 0
    elif isinstance(data, (int, float)):
        size = data
    else:
        size = len(data)
    if size >= at_least:
        return True
    need = f"no {what}" if size == 0 else f"{size:,} {what}, at least {at_least:,} needed"
    print(f"Too little data for this step: {need}.")
    return False
