"""Tiny corpora at the edges of what the notebooks meet, written by us for the render matrix.

Each builder writes its files into a folder and returns the path the notebooks take as ``CORPUS``:

| name             | what it tests                                                                    |
|------------------|----------------------------------------------------------------------------------|
| empty            | an empty folder: "the corpus is empty", every figure skipped                    |
| one_article      | one dated article naming actors and a backing statement; cleaning removes nothing |
| one_undated      | one article without a date                                                       |
| no_dates         | three articles, none dated                                                       |
| no_mentions      | dated articles that name no actor of the gazetteer                               |
| one_source       | four articles over two months from one outlet whose name has "$" and "_"         |
| headlines        | a CSV of dated headlines only (every body empty), two outlets named with "$"/"_" |
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def _article(folder: Path, name: str, text: str, title: str, date: str | None, source: str) -> None:
    head = [f"title: '{title}'", f"source: '{source}'"] + ([f"date: {date}"] if date else [])
    (folder / name).write_text("---\n" + "\n".join(head) + "\n---\n" + text + "\n", encoding="utf-8")


def empty(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def one_article(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    _article(
        folder,
        "a.txt",
        "Russia and Iran backed the Syrian government as Hezbollah fighters moved north. "
        "Turkish-backed rebels said the Iran-backed militias shelled their positions near Idlib.\n\n"
        "The talks in Geneva made no progress, a United Nations spokesman said.",
        "Allies of Damascus move north",
        "2016-02-03",
        "Test Wire",
    )
    return folder


def one_undated(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    _article(
        folder,
        "a.txt",
        "The Russian-backed offensive on Aleppo continued, and Turkey called for a "
        "ceasefire. The Syrian government denied the claims.",
        "Offensive continues",
        None,
        "Test Wire",
    )
    return folder


def no_dates(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, (title, text) in enumerate(
        [
            ("Talks stall", "Iran and Russia met Turkish officials; the Syrian opposition did not attend."),
            ("Convoy hit", "A convoy of the US-backed SDF was hit near Deir ez-Zor, the Pentagon said."),
            ("Aid arrives", "The United Nations said aid reached Idlib, where HTS controls the crossings."),
        ]
    ):
        _article(folder, f"n{i}.txt", text, title, None, ["Wire One", "Wire Two"][i % 2])
    return folder


def no_mentions(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, day in enumerate(["2019-05-01", "2019-05-20", "2019-06-03"]):
        _article(
            folder,
            f"w{i}.txt",
            f"Rain fell across the valley on day {i}; farmers said the harvest would be late this year.",
            f"Weather report {i}",
            day,
            "Valley Gazette",
        )
    return folder


def one_source(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, (day, text) in enumerate(
        [
            ("2018-01-04", "Turkey launched strikes on the YPG in Afrin, and the Syrian government condemned them."),
            ("2018-01-21", "Turkish-backed Syrian fighters advanced on Afrin; the SDF called for help."),
            ("2018-02-09", "Russia said the Syrian army retook villages from HTS in Idlib."),
            ("2018-02-25", "The Syrian government, backed by Russia, pressed on in Eastern Ghouta."),
        ]
    ):
        _article(folder, f"s{i}.txt", text, f"Report {i}: costs $5m_a day", day, "$cash$_news_tv")
    return folder


def headlines(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    rows = [
        ("2013-06-05T10:00:00Z", "Hezbollah fighters help Assad retake Qusayr", "state_tv_1"),
        ("2013-06-20T10:00:00Z", "Russia sends more arms to the Syrian government", "$money$ wire"),
        ("2013-07-02T10:00:00Z", "Rebels in Aleppo ask the US for weapons", "state_tv_1"),
        ("2014-06-29T10:00:00Z", "Isis declares a caliphate in Iraq and Syria", "$money$ wire"),
        ("2014-09-23T10:00:00Z", "US-led coalition strikes Isis in Raqqa", "state_tv_1"),
        ("2015-09-30T10:00:00Z", "Russia begins air strikes in Syria", "$money$ wire"),
    ]
    lines = ["webPublicationDate,headline,outlet"] + [f'{d},"{t}",{s}' for d, t, s in rows]
    path = folder / "headlines.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


EDGE_CORPORA: dict[str, Callable[[Path], Path]] = {
    "empty": empty,
    "one_article": one_article,
    "one_undated": one_undated,
    "no_dates": no_dates,
    "no_mentions": no_mentions,
    "one_source": one_source,
    "headlines": headlines,
}
