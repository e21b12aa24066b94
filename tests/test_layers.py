"""The package reads one way: load -> actors -> tag -> analyse -> draw -> report, scale around the core,
config under all; evaluation reads the tagger, never the reverse. Imports inside functions count too."""

from __future__ import annotations

import ast
from pathlib import Path

import helpers

HERE = Path(helpers.__file__).resolve().parent

LAYERS = {
    0: {"config", "textnorm", "yamlio", "dates", "parallel", "arabic"},
    1: {"loadreport", "inputs", "formats", "delimited", "readers", "cleaning", "minhash", "dedupe", "corpus"},  # load
    2: {"packs", "gazetteer", "descriptions", "cues", "cues_ar", "rolewords"},  # actors and cue words
    3: {
        "sentences",
        "roles",
        "otherroles",
        "readings",
        "tagframe",
        "tagpass",
        "tagging",
        "mentions",
        "arabic_slots",
        "shapes_ar_give",
        "shapes_ar_fight",
        "shapes_ar_nouns",
        "coref_ar",
        "shapes_ar_pronoun",
        "shapes_ar_with",
        "shapes_ar",
        "grammar",
        "relatives",
        "clauses",
        "subjects",
        "coref",
        "coref_said",
        "edges",
        "nounshapes",
        "withshapes",
        "receiveshapes",
        "fightshapes",
        "besideshapes",
        "ellipsis",
        "shieldshapes",
        "shapes_ar_shield",
        "roleshapes",
        "doers",
        "transfershapes",
        "payshapes",
        "passiveclients",
        "passiveshapes",
        "recordshape",
        "shapes",
        "modality",
        "modality_ar",
        "supportframe",
        "wakes",
        "support",
    },  # tag
    4: {
        "timelines",
        "timetable",
        "events",
        "cooccur",
        "cooccur_graph",
        "networks",
        "sources",
        "candidates",
        "review",
        "select",
        "resolve",  # analyse
        "concordance",
        "temporal",
        "evaluation",
        "devset",
        "record",
        "outlets",  # evaluation reads the tagger
        "streaming",
        "batches",
        "batchload",
        "dataset",
        "crossdup",
        "cache",
        "cluster",
    },  # scale, around the core
    5: {"plots", "timeplots", "plot_record", "display", "names", "colours", "drawing", "heatmaps", "netplots"},  # draw
    6: {"report", "pages", "runner", "maintenance", "explorer", "explorer_cube", "__main__"},  # report and the top
}
LAYER_OF = {m: k for k, ms in LAYERS.items() for m in ms}


def _imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            out |= {node.module.split(".")[0]} if node.module else {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("helpers"):
            out.add((node.module or "").split(".")[1] if "." in (node.module or "") else "")
    return out


def graph() -> dict[str, set[str]]:
    mods = {p.stem: p for p in HERE.glob("*.py") if p.stem != "__init__"}
    return {m: {d for d in _imports(p) if d in mods} for m, p in mods.items()}


def test_every_module_has_a_layer():
    missing = sorted(set(graph()) - set(LAYER_OF))
    assert not missing, f"place these modules in a layer of tests/test_layers.py: {missing}"


def test_imports_never_go_up_a_layer():
    wrong = [(m, d) for m, deps in graph().items() for d in deps if LAYER_OF[d] > LAYER_OF[m]]
    assert not wrong, f"imports that go up a layer: {wrong}"


def test_no_import_cycles():
    g = graph()
    state: dict[str, int] = {}

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for d in sorted(g[m]):
            if state.get(d) == 1:
                raise AssertionError("import cycle: " + " -> ".join(path + [m, d]))
            if not state.get(d):
                visit(d, path + [m])
        state[m] = 2

    for m in sorted(g):
        if not state.get(m):
            visit(m, [])


def test_core_never_reads_scale_or_evaluation():
    core = LAYERS[1] | LAYERS[2] | LAYERS[3]
    wrong = [
        (m, d)
        for m, deps in graph().items()
        if m in core
        for d in deps
        if d in {"streaming", "batches", "batchload", "dataset", "crossdup", "cache", "cluster", "evaluation", "devset"}
    ]
    assert not wrong, wrong
