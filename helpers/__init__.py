"""Conflict news kit: load articles, tag factions and backers, and chart who is mentioned when.

Notebooks write ``import helpers as h`` and call the public functions re-exported here; each lives in
a module that holds one stage (see "What it does" in the README):

- ``corpus``: :func:`load_corpus`, :func:`iter_corpus`, :class:`LoadReport`
- ``gazetteer``: :func:`load_gazetteer`
- ``sentences``: :func:`train_sentence_model`, :func:`load_sentence_model`, :func:`sentences_of`
- ``mentions``: :func:`tag_mentions` and :class:`TagOptions` (``tagging``: the compiled tagger);
  ``concordance``: :func:`kwic` (mentions in context)
- ``select``: :class:`Selection` (what every analysis counts); ``resolve``: :func:`resolve_actors`,
  :func:`use_gazetteer`, :func:`top_actors`
- ``cues``: :func:`load_cues` (the backing-cue lexicon); ``support``: :func:`extract_support`
- ``evaluation``: :func:`evaluate`, :func:`load_gold`; ``devset``: :func:`score_devset` (real news)
- ``review``: :func:`sample_for_review`, :func:`apply_review`, :func:`estimate_precision`
- ``timelines``: :func:`mention_timeline`
- ``cooccur``: :func:`cooccurrence`, :func:`top_pairs`, :func:`cooccurrence_graph`
- ``networks``: :func:`support_network`, :func:`compare_support`; ``temporal``: :func:`temporal_support_graph`,
  :func:`temporal_cooccurrence_graph` (dynamic GEXF for Gephi's timeline)
- ``sources``: :func:`source_profile`, :func:`compare_services`
- ``plots``: ``plot_*`` (take ``ax=None``, return the Axes) and :func:`save_figure`
- ``names``: :func:`label`, :func:`labelled`, :func:`describe_corpus`; ``colours``: :func:`actor_colours`

- ``explorer``: :func:`explore` (the offline, interactive ``explorer.html``)

Imports are lazy so that ``import helpers`` stays fast and a notebook only pays for what it uses.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    # loading
    "load_corpus": "corpus",
    "CorpusOptions": "corpus",
    "iter_corpus": "streaming",
    "tag_to_parquet": "streaming",
    "read_mentions": "streaming",
    "read_support": "streaming",
    "tag_cached": "cache",
    "LoadReport": "corpus",
    "CORPUS_COLUMNS": "corpus",
    "parse_dates": "dates",
    "clean_text": "cleaning",
    "find_duplicates": "dedupe",
    "link_duplicates": "dedupe",
    # tagging
    "load_gazetteer": "gazetteer",
    "sample_corpus": "packs",
    "Gazetteer": "gazetteer",
    "GazetteerError": "gazetteer",
    "train_sentence_model": "sentences",
    "load_sentence_model": "sentences",
    "sentences_of": "sentences",
    "tag_mentions": "mentions",
    "TagOptions": "mentions",
    "TextOptions": "sentences",
    "MENTION_COLUMNS": "mentions",
    "kwic": "concordance",
    # what every analysis counts
    "Selection": "select",
    "RollupOptions": "select",
    "resolve_actors": "resolve",
    "use_gazetteer": "resolve",
    "use_conflict": "resolve",
    "top_actors": "resolve",
    "extract_support": "support",
    "SUPPORT_COLUMNS": "supportframe",
    "SupportOptions": "supportframe",
    "load_cues": "cues",
    "evaluate": "evaluation",
    "load_gold": "evaluation",
    "load_devset": "devset",
    "score_devset": "devset",
    "score_predictions": "devset",
    "devset_agreement": "devset",
    # review
    "sample_for_review": "review",
    "apply_review": "review",
    "estimate_precision": "review",
    "wilson_interval": "review",
    # analyses
    "mention_timeline": "timelines",
    "TimelineOptions": "timelines",
    "timeline_table": "timelines",
    "period_articles": "timelines",
    "busiest_window": "timelines",
    "article_counts": "timelines",
    "load_events": "timelines",
    "cooccurrence": "cooccur",
    "CooccurOptions": "cooccur",
    "top_pairs": "cooccur",
    "pair_sentences": "cooccur",
    "PairOptions": "cooccur",
    "cooccurrence_graph": "cooccur",
    "export_graph": "cooccur",
    "support_network": "networks",
    "NetworkOptions": "networks",
    "compare_support": "networks",
    "temporal_support_graph": "temporal",
    "temporal_cooccurrence_graph": "temporal",
    "source_profile": "sources",
    "compare_services": "sources",
    "load_reference": "record",
    "compare_record": "record",
    "RecordOptions": "record",
    "record_graph": "record",
    "load_crosswalk": "record",
    "outlet_info": "outlets",
    "load_outlets": "outlets",
    # figures
    "plot_timeline": "plots",
    "TimelinePlotOptions": "timeplots",
    "plot_cooccurrence": "plots",
    "plot_network": "plots",
    "plot_support_network": "plots",
    "plot_source_profile": "plots",
    "plot_bars": "plots",
    "plot_distribution": "plots",
    "actor_colors": "plots",
    "save_figure": "plots",
    "plot_press_record": "plot_record",
    # names, colours and text shown in notebooks
    "label": "names",
    "labels": "names",
    "labelled": "names",
    "describe_corpus": "names",
    "actor_colours": "colours",
    "show_table": "display",
    "enough": "display",
    "unmatched_candidates": "candidates",
    # reports
    "report_metric": "report",
    "run_report": "report",
    "ReportOptions": "report",
    "RunOptions": "runner",
    "read_scores": "pages",
    "explore": "explorer",
    "explorer_data": "explorer",
}

__all__ = sorted(_EXPORTS) + ["config", "cluster", "packs", "__version__"]


def __getattr__(name: str) -> Any:
    if name in ("config", "cluster", "packs"):
        return importlib.import_module(f".{name}", __name__)
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'helpers' has no attribute {name!r}")
    mod = importlib.import_module(f".{module}", __name__)
    value = getattr(mod, name)
    globals()[name] = value
    # a function named like its module ("cooccurrence"): importing the module set the package attribute
    # to the module object; the public name is the function
    if module in _EXPORTS and _EXPORTS[module] == module:
        globals()[module] = getattr(mod, module)
    return value


def __dir__() -> list[str]:
    return __all__
