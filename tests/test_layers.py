"""The package reads one way: load -> actors -> tag -> analyse -> draw -> report, scale around the core,
config under all; evaluation reads the tagger, never the reverse. Imports inside functions count too."""

from __future__ import annotations

import ast
from pathlib import Path

import helpers

HERE = Path(helpers.__file__).resolve().parent

LAYERS = {
    0: {"config", "textnorm", "yamlio", "dates", "parallel", "arabic", "options"},
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
        "coref_objects",
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


# ------------------------------------------------------------------------------------------ parameters

#: Most parameters a function or method of helpers/ takes (self and cls not counted; keyword-only, *args and
#: **kwargs counted). Beyond that, rarely used knobs go into a small frozen options dataclass, or it is split.
MAX_PARAMETERS = 7
#: Functions still over the limit, each to be moved to an options class and then struck from this list
#: (issue 20; empty since 7 Dec 2026); a function not listed here fails the test as soon as it grows past the limit.
NOT_YET_SLIMMED: set[str] = set()


def _counts_in(tree: ast.AST, where: str) -> dict[str, int]:
    """``{"where:qualified.name": parameters}`` for every function and method defined in ``tree``."""
    counts: dict[str, int] = {}

    def walk(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)):
                a = child.args
                names = [p.arg for p in a.posonlyargs + a.args + a.kwonlyargs]
                n = len(names) + (a.vararg is not None) + (a.kwarg is not None)
                counts[f"{where}:{prefix}{child.name}"] = n - (bool(names) and names[0] in ("self", "cls"))
                walk(child, f"{prefix}{child.name}.")
            elif isinstance(child, ast.ClassDef):
                walk(child, f"{prefix}{child.name}.")
            else:
                walk(child, prefix)

    walk(tree, "")
    return counts


def _parameter_counts() -> dict[str, int]:
    """The parameter counts of every function and method defined in helpers/."""
    counts: dict[str, int] = {}
    for path in sorted(HERE.glob("*.py")):
        counts.update(_counts_in(ast.parse(path.read_text(encoding="utf-8")), path.name))
    return counts


def test_no_function_takes_more_than_seven_parameters():
    counts = _parameter_counts()
    over = {name: n for name, n in counts.items() if n > MAX_PARAMETERS}
    new = {name: n for name, n in over.items() if name not in NOT_YET_SLIMMED}
    assert not new, (
        f"functions with more than {MAX_PARAMETERS} parameters (move rarely used knobs into a small frozen options "
        f"dataclass, or split the function): {', '.join(f'{k} ({v})' for k, v in sorted(new.items()))}"
    )
    done = sorted(NOT_YET_SLIMMED - set(over))
    assert not done, (
        f"now within {MAX_PARAMETERS} parameters: strike from NOT_YET_SLIMMED in tests/test_layers.py: {done}"
    )


def test_the_parameter_count_sees_methods_nested_functions_keyword_only_and_star_arguments():
    src = "class C:\n    def m(self, a, *b, c, **d):\n        def inner(x, y): pass\n"
    src += "    @classmethod\n    def k(cls): pass\ndef f(a, b=1, /, *, c): pass\n"
    assert _counts_in(ast.parse(src), "x.py") == {"x.py:C.m": 4, "x.py:C.m.inner": 2, "x.py:C.k": 0, "x.py:f": 3}
