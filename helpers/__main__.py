"""Command line: ``python -m helpers {load,tag,report}``, a thin face over the kit's functions.

python -m helpers load data/sample --out corpus.parquet
python -m helpers tag corpus.parquet --out mentions.parquet --support support.parquet
python -m helpers report --corpus ../shared/corpora/fa-kes/FA-KES-Dataset.csv --out reports/fa-kes
"""

from __future__ import annotations

import argparse
import os
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import config

_WRITERS = {".parquet": "parquet", ".csv": "csv", ".jsonl": "jsonl", ".json": "jsonl"}


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Keep the hand-wrapped descriptions."""


def _check_out(path: str) -> Path:
    out = Path(path)
    if out.suffix.lower() not in _WRITERS:
        raise argparse.ArgumentTypeError(
            f"{path}: say which format by the file name: one of {', '.join(sorted(_WRITERS))}"
        )
    return out


def _relative(path: Path) -> str:
    """A kit path as the user would type it from the current folder."""
    return os.path.relpath(path) if Path.cwd() in (config.ROOT, *config.ROOT.parents) else str(path)


def write_table(df, path: Path) -> Path:
    """Write a frame to ``path`` in the format its suffix names (Parquet, CSV or JSON lines)."""
    df = df.copy(deep=False)
    df.attrs = {}  # the load report is an object, not table metadata
    path.parent.mkdir(parents=True, exist_ok=True)
    kind = _WRITERS[path.suffix.lower()]
    if kind == "parquet":
        df.to_parquet(path, index=False)
    elif kind == "csv":
        df.to_csv(path, index=False)
    else:
        df.to_json(path, orient="records", lines=True, date_format="iso", force_ascii=False)
    return path


def _source_arg(sources: Sequence[str]):
    return list(sources) if len(sources) > 1 else sources[0]


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give a whole number of notebooks, 1 or more")
    return value


def _mapping_item(text: str) -> tuple[str, str]:
    field, sep, column = text.partition("=")
    if not sep or not field.strip() or not column.strip():
        raise argparse.ArgumentTypeError(f"{text!r}: write FIELD=COLUMN, e.g. text=article_content")
    return field.strip(), column.strip()


def _load_options(args: argparse.Namespace) -> dict:
    """Keyword arguments of :func:`helpers.load_corpus` from the shared load options."""
    options = {"clean": not args.no_clean, "dayfirst": args.dayfirst}
    if args.map:
        options["mapping"] = dict(args.map)
    if args.source_name:
        options["source_name"] = args.source_name
    return options


def read_corpus(sources: Sequence[str], **options):
    """A corpus from files, or as written by ``python -m helpers load`` (one Parquet file: read as is)."""
    import pandas as pd

    import helpers

    if len(sources) == 1 and sources[0].endswith(".parquet") and os.path.isfile(sources[0]):
        frame = pd.read_parquet(sources[0])
        columns = getattr(helpers, "CORPUS_COLUMNS", None)
        if columns is not None and set(columns) <= set(frame.columns):
            return frame
    return helpers.load_corpus(_source_arg(sources), **options)


def cmd_load(args: argparse.Namespace) -> int:
    import helpers

    corpus = helpers.load_corpus(_source_arg(args.sources), **_load_options(args))
    report = corpus.attrs.get("load_report")
    if report is not None:
        print(report)
    if args.out:
        write_table(corpus, args.out)
        print(f"wrote {len(corpus):,} articles to {args.out}")
    return 0


def cmd_tag(args: argparse.Namespace) -> int:
    import helpers

    corpus = read_corpus(args.sources, **_load_options(args))
    gazetteer = helpers.load_gazetteer(args.gazetteer or None)
    mentions = helpers.tag_mentions(corpus, gazetteer)
    write_table(mentions, args.out)
    print(
        f"{len(corpus):,} articles, {len(mentions):,} mentions of {mentions['entity'].nunique():,} actors -> {args.out}"
    )
    if len(mentions):
        top = mentions["entity"].value_counts().head(10)
        print("most mentioned: " + ", ".join(f"{e} {n:,}" for e, n in top.items()))
    if args.support:
        support = helpers.extract_support(corpus, mentions)
        write_table(support, args.support)
        print(f"{len(support):,} support statements -> {args.support}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from .report import ReportError, ReportOptions, run_report

    options = ReportOptions(
        hide_code=args.hide_code,
        timeout=args.timeout or None,
        scheduler=args.scheduler,
        jobs=args.jobs,
        review=args.review,
    )
    try:
        index = run_report(
            corpus=args.corpus,
            out=args.out,
            notebooks=args.notebooks,
            conflict=args.conflict,
            progress=not args.no_progress,
            options=options,
        )
    except ReportError as err:
        if err.index is not None:
            print(f"report written with failures: {err.index}", file=sys.stderr)
        print(f"report failed: {err}", file=sys.stderr)
        return 1
    print(f"report written: {index}")
    return 0


def _add_load_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "sources",
        nargs="+",
        metavar="SOURCE",
        help="files, folders or globs of articles (txt, CSV, JSON lines, Parquet, HTML, RSS, zip)",
    )
    p.add_argument("--dayfirst", action="store_true", help="read ambiguous dates such as 05/04/2017 as 5 April")
    p.add_argument(
        "--no-clean",
        action="store_true",
        help="keep boilerplate lines (bylines, share buttons, ...) instead of removing them",
    )
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        type=_mapping_item,
        help="read FIELD (title, text, date, source, url) from COLUMN of tabular files; "
        "repeat for several (default: common column names are recognised)",
    )
    p.add_argument(
        "--source-name", metavar="NAME", help="outlet name for rows whose file names none (default: the file name)"
    )


def build_parser() -> argparse.ArgumentParser:
    """The command line: ``load``, ``tag``, ``report`` and ``train-sentences``."""
    parser = argparse.ArgumentParser(
        prog="python -m helpers",
        formatter_class=_Formatter,
        description=textwrap.dedent("""\
            Conflict news kit: load articles, tag factions and backers, and render the notebooks as a report.

            Every command runs the same functions the notebooks call (helpers.load_corpus,
            helpers.tag_mentions, helpers.extract_support), so a table written here equals the
            one a notebook builds from the same files."""),
        epilog=textwrap.dedent("""\
            examples:
              python -m helpers load data/sample --out corpus.parquet
              python -m helpers tag corpus.parquet --out mentions.parquet --support support.parquet
              python -m helpers report --out reports/ --hide-code"""),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    for add in (_add_load, _add_tag, _add_report, _add_train_sentences):
        add(sub)
    return parser


def _add_load(sub: Any) -> None:
    """``python -m helpers load``: read articles into one corpus table."""
    p = sub.add_parser(
        "load",
        formatter_class=_Formatter,
        help="read articles into one corpus table and print the load report",
        description=textwrap.dedent("""\
            Read articles from files, folders or globs into one corpus table (doc_id, title, date,
            source, url, text, n_chars, path, duplicate_of) and print the load report: files seen and
            skipped (with the reason), formats, encodings, missing or ambiguous dates, duplicates and
            the lines cleaning removed."""),
        epilog="example: python -m helpers load data/sample '../news/*.csv' --out corpus.parquet",
    )
    _add_load_options(p)
    p.add_argument(
        "--out",
        type=_check_out,
        metavar="FILE",
        help="write the corpus here (.parquet, .csv or .jsonl); without it only the report is printed",
    )
    p.set_defaults(func=cmd_load)


def _add_tag(sub: Any) -> None:
    """``python -m helpers tag``: mentions (and support statements) of the known actors."""
    p = sub.add_parser(
        "tag",
        formatter_class=_Formatter,
        help="find every mention of a known actor (and support statements)",
        description=textwrap.dedent("""\
            Tag every mention of a gazetteer actor in the articles: one row per mention with the
            article, sentence, offsets, surface text, entity, kind and how it was named. SOURCE may be a
            corpus written by `python -m helpers load` (one .parquet file), used as it is."""),
        epilog="example: python -m helpers tag data/sample --out mentions.parquet --support support.parquet",
    )
    _add_load_options(p)
    p.add_argument(
        "--out",
        type=_check_out,
        required=True,
        metavar="FILE",
        help="write the mentions table here (.parquet, .csv or .jsonl)",
    )
    p.add_argument(
        "--support",
        type=_check_out,
        metavar="FILE",
        help="also extract who backs whom, with the evidence sentence, into this file",
    )
    p.add_argument(
        "--gazetteer",
        nargs="+",
        metavar="YAML",
        help="conflict pack name(s) or gazetteer file(s) to tag with (default: the packs "
        f"{_relative(config.CONFLICTS_DIR / 'default.yaml')} names)",
    )
    p.set_defaults(func=cmd_tag)


def _add_report(sub: Any) -> None:
    """``python -m helpers report``: every notebook on a corpus, as a shareable HTML report."""
    p = _report_parser(sub)
    _add_report_inputs(p)
    _add_report_run_options(p)
    p.set_defaults(func=cmd_report)


def _report_parser(sub: Any) -> argparse.ArgumentParser:
    """The ``report`` sub-command with its description and examples, before its options."""
    return sub.add_parser(
        "report",
        formatter_class=_Formatter,
        help="run every notebook on a corpus and write a shareable HTML report",
        description=textwrap.dedent("""\
            Execute each notebook (notebooks/NN-name.ipynb, in order, on a fresh kernel) against the
            corpus, passing it through the notebook's parameters cell, then write into --out one
            NN-name.html per notebook (with the executed .ipynb beside it), explorer.html (filter by
            actor, period and outlet and click through to the sentences) and an index.html listing
            them with their key figures. The pages open offline as single files: figures are
            embedded, nothing is fetched from the network, and each page is stamped with its
            provenance (kit version, gazetteer checksum, corpus files and counts, run date, versions).

            Notebooks run several at a time (--jobs), sharing one cached load and tag of the corpus.
            Everything is written to a temporary folder inside --out and moved into place at the
            end, so an interrupted report leaves the previous one whole. If a notebook fails, the
            others still render, the index shows the failed one with its error and a link to its
            partial page, and the command exits with status 1."""),
        epilog=textwrap.dedent("""\
            examples:
              python -m helpers report
              python -m helpers report --corpus ../shared/corpora/fa-kes/FA-KES-Dataset.csv --out reports/fa-kes
              python -m helpers report --notebooks 00 03 --hide-code
              python -m helpers report --conflict sudan --out reports/sudan"""),
    )


def _add_report_inputs(p: argparse.ArgumentParser) -> None:
    """The report's ``--corpus``, ``--conflict`` and ``--out``."""
    p.add_argument(
        "--corpus",
        nargs="+",
        action="extend",
        metavar="PATH",
        help=f"corpus files, folders or globs (default: the bundled sample, {_relative(config.SAMPLE_CORPUS)})",
    )
    p.add_argument(
        "--conflict",
        nargs="+",
        metavar="PACK",
        help="conflict pack(s) to tag with, e.g. sudan (default: data/conflicts/default.yaml); "
        "without --corpus the report runs on that pack's sample",
    )
    p.add_argument(
        "--out",
        default=_relative(config.REPORTS_DIR),
        metavar="DIR",
        help="folder for the HTML pages, executed notebooks and figures/ (default: %(default)s)",
    )


def _add_report_run_options(p: argparse.ArgumentParser) -> None:
    """How the report runs: ``--hide-code``, ``--notebooks``, ``--timeout``, ``--scheduler``, ``--jobs``,
    ``--review`` and ``--no-progress``."""
    p.add_argument(
        "--hide-code", action="store_true", help="leave the code out of the pages: text, tables and figures only"
    )
    p.add_argument(
        "--notebooks",
        nargs="+",
        metavar="NN",
        help="run only these notebooks, by number (00 03) or name (default: all)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=600,
        metavar="S",
        help="seconds any one cell may run before the report stops; 0: no limit (default: %(default)g)",
    )
    p.add_argument(
        "--scheduler", metavar="ADDR", help="Dask scheduler address, passed as SCHEDULER to notebooks that take it"
    )
    p.add_argument(
        "--jobs",
        type=_positive_int,
        default=None,
        metavar="N",
        help="notebooks run at once (default: the number of cores, at least 2)",
    )
    p.add_argument(
        "--review",
        metavar="CSV",
        help="a filled-in review of backing edges (helpers.sample_for_review), used by notebook 05 "
        "to estimate precision on this corpus",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar or per-notebook lines")


def _add_train_sentences(sub: Any) -> None:
    """``python -m helpers train-sentences``: retrain the shipped sentence model."""
    p = sub.add_parser(
        "train-sentences",
        formatter_class=_Formatter,
        help="retrain the shipped sentence model on the kit's own sample corpus and gold passages",
        description=textwrap.dedent(f"""\
            Retrain the Punkt parameters the tagger splits sentences with on the text this project
            wrote (the sample corpus and the gold passages) and save them to
            {_relative(config.SENTENCE_MODEL)} (or --out). Run it after adding sample articles or gold
            passages; to fit your own corpus instead, call helpers.train_sentence_model(texts)."""),
    )
    p.add_argument("--out", metavar="FILE", help="write the parameters here instead")
    p.set_defaults(func=cmd_train_sentences)


def cmd_train_sentences(args: argparse.Namespace) -> int:
    """``python -m helpers train-sentences``."""
    from .maintenance import build_kit_model

    model = build_kit_model(args.out)
    print(
        f"trained {model.source}; {len(model.abbreviations)} abbreviations; wrote "
        f"{args.out or _relative(config.SENTENCE_MODEL)}"
    )
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except (FileNotFoundError, NotADirectoryError, PermissionError, IsADirectoryError, ValueError) as err:
        print(f"{parser.prog} {args.command}: error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
