"""The load report: every input of a load is loaded, skipped or ignored, each with its reason.

:class:`LoadReport` travels with the CORPUS in ``df.attrs["load_report"]``; :class:`SkipFile` is how a
reader says a file cannot be loaded (the message is the reason recorded), :class:`ColumnMappingError`
how an explicit column mapping is refused.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .dates import DateStats


class ColumnMappingError(ValueError):
    """An explicit column mapping names a column the file does not have."""


class SkipFile(Exception):
    """A file that cannot be loaded; the message is the reason recorded in the load report."""


@dataclass(eq=False, repr=False)
class LoadReport(dict):
    """The account of one load: every file seen is loaded or skipped with a reason.

    It is a ``dict`` of the key figures (:meth:`summary`, so ``df.to_parquet`` can store ``df.attrs``) with
    the details as attributes; copying a frame shares its report instead of deep-copying it.

    Attributes:
        files_seen: input files (archive members count one each; sidecars count as loaded); always
            ``files_loaded + len(skipped) + len(ignored)``.
        files_loaded: files that gave at least zero articles without error.
        skipped: ``(path, reason)`` for every file that could not be loaded.
        ignored: ``(path, reason)`` for every path found and deliberately not read (hidden files, links to
            folders, dangling links, pipes, hidden archive members).
        articles: rows in the corpus.
        per_format: articles loaded per detected format.
        encodings: files per guessed encoding (``utf-8``, ``utf-8-sig``, ``cp1252``, ``latin-1``, ...).
        row_errors: ``(path, line, reason)`` for malformed rows (a bad CSV or JSON line), which are skipped.
        warnings: ``(path, line, message)`` for problems that did not stop a file (bad front matter).
        dates: counts of dates parsed, missing, unparseable and ambiguous.
        dayfirst: how ambiguous day/month orders were read.
        removed_lines: a frame ``doc_id, path, line_no, line, rule`` of every line cleaning removed.
        duplicate_clusters: a frame ``cluster, doc_id, duplicate_of, date, source, title, similarity``.
    """

    files_seen: int = 0
    files_loaded: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    ignored: list[tuple[str, str]] = field(default_factory=list)
    articles: int = 0
    per_format: Counter = field(default_factory=Counter)
    encodings: Counter = field(default_factory=Counter)
    row_errors: list[tuple[str, int, str]] = field(default_factory=list)
    warnings: list[tuple[str, int, str]] = field(default_factory=list)
    dates: DateStats = field(default_factory=DateStats)
    dates_from_filename: int = 0
    dayfirst: bool = False
    cleaned: bool = True
    removed_lines: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=["doc_id", "path", "line_no", "line", "rule"])
    )
    duplicate_clusters: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(
            columns=["cluster", "doc_id", "duplicate_of", "date", "source", "title", "similarity"]
        )
    )

    @property
    def dates_missing(self) -> int:
        """Articles with no usable date (missing or unparseable)."""
        return self.dates.missing + self.dates.unparseable

    @property
    def dates_ambiguous(self) -> int:
        return self.dates.ambiguous

    @property
    def loaded(self) -> int:
        return self.files_loaded

    @property
    def n_duplicates(self) -> int:
        df = self.duplicate_clusters
        return int(df["duplicate_of"].notna().sum()) if len(df) else 0

    def summary(self) -> dict[str, Any]:
        """Key figures as a flat dict (for tables and the report index)."""
        return {
            "files_seen": self.files_seen,
            "files_loaded": self.files_loaded,
            "files_skipped": len(self.skipped),
            "files_ignored": len(self.ignored),
            "articles": self.articles,
            "row_errors": len(self.row_errors),
            "dates_missing": self.dates_missing,
            "dates_ambiguous": self.dates_ambiguous,
            "duplicate_clusters": int(self.duplicate_clusters["cluster"].nunique())
            if len(self.duplicate_clusters)
            else 0,
            "duplicates": self.n_duplicates,
            "lines_removed": len(self.removed_lines),
        }

    def __str__(self) -> str:
        s = self.summary()
        lines = [
            f"Load report: {s['articles']} articles from {self.files_loaded} of {self.files_seen} files "
            f"({len(self.skipped)} skipped, {len(self.ignored)} ignored)",
            "  formats: " + (", ".join(f"{k} {v}" for k, v in sorted(self.per_format.items())) or "none"),
            "  encodings: " + (", ".join(f"{k} {v}" for k, v in sorted(self.encodings.items())) or "none"),
            f"  dates: {self.dates.parsed} parsed ({self.dates_from_filename} from file names), "
            f"{self.dates.missing} missing, {self.dates.unparseable} unparseable, "
            f"{self.dates.ambiguous} ambiguous (read {'day' if self.dayfirst else 'month'}-first)"
            + (
                ", imprecise: " + ", ".join(f"{n} to the {p} only" for p, n in sorted(self.dates.imprecise.items()))
                if self.dates.imprecise
                else ""
            )
            + (
                f", {self.dates.tz_ambiguous} with an ambiguous or unknown time zone" if self.dates.tz_ambiguous else ""
            ),
            f"  duplicates: {s['duplicates']} copies in {s['duplicate_clusters']} clusters",
            f"  cleaning: {'on' if self.cleaned else 'off'}, {s['lines_removed']} lines removed"
            + (
                " (" + ", ".join(f"{r} {n}" for r, n in self.removed_lines["rule"].value_counts().items()) + ")"
                if len(self.removed_lines)
                else ""
            ),
        ]
        if self.dates.reasons:
            lines.append(
                "  unparseable dates by reason: " + ", ".join(f"{r} {n}" for r, n in self.dates.reasons.most_common())
            )
        if self.dates.examples_unparseable:
            lines.append("  unparseable dates, e.g.: " + "; ".join(self.dates.examples_unparseable))
        if self.dates.examples_ambiguous:
            lines.append("  ambiguous dates, e.g.: " + "; ".join(self.dates.examples_ambiguous))
        for path, reason in self.ignored[:10]:
            lines.append(f"  ignored {path}: {reason}")
        if len(self.ignored) > 10:
            lines.append(f"  ... and {len(self.ignored) - 10} more ignored")
        for path, reason in self.skipped[:20]:
            lines.append(f"  skipped {path}: {reason}")
        if len(self.skipped) > 20:
            lines.append(f"  ... and {len(self.skipped) - 20} more skipped")
        for path, line, reason in self.row_errors[:20]:
            lines.append(f"  bad row {path}:{line}: {reason}")
        if len(self.row_errors) > 20:
            lines.append(f"  ... and {len(self.row_errors) - 20} more bad rows")
        for path, line, msg in self.warnings[:10]:
            lines.append(f"  warning {path}:{line}: {msg}")
        return "\n".join(lines)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:  # IPython
        p.text(str(self))

    def __repr__(self) -> str:
        return str(self)

    def __bool__(self) -> bool:
        return True

    def __copy__(self) -> LoadReport:
        return self

    def __deepcopy__(self, memo: dict) -> LoadReport:
        return self

    def add(self, other: LoadReport) -> LoadReport:
        """Add the account of another load (a batch of the same corpus) to this one; returns self."""
        self.files_seen += other.files_seen
        self.files_loaded += other.files_loaded
        self.skipped.extend(other.skipped)
        self.ignored.extend(other.ignored)
        self.articles += other.articles
        self.per_format.update(other.per_format)
        self.encodings.update(other.encodings)
        self.row_errors.extend(other.row_errors)
        self.warnings.extend(other.warnings)
        self.dates.add(other.dates)
        self.dates_from_filename += other.dates_from_filename
        return self

    def to_record(self) -> dict[str, Any]:
        """The key figures and every skipped or ignored path, row error and warning, JSON-ready."""
        return {
            **self.summary(),
            "skipped": self.skipped,
            "ignored": self.ignored,
            "row_errors": self.row_errors,
            "warnings": self.warnings,
            "per_format": dict(self.per_format),
            "encodings": dict(self.encodings),
            "dates": self.dates.to_dict(),
        }

    def refresh(self) -> LoadReport:
        """Store the key figures as the dict's items (JSON-ready)."""
        self.clear()
        self.update({k: int(v) for k, v in self.summary().items()})
        return self
