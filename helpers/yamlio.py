"""Read the kit's YAML data files safely, remembering the line of every mapping for error messages.

Gazetteers and cue lexicons are data that people edit by hand; a mistake must be reported with the
file, the line and the reason. :func:`read_yaml` parses with a safe loader that stores each mapping's
line under the key ``__line__`` and leaves dates as strings (so a bad date is reported by the
validator with its line, not by the YAML parser).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: the same safe loader, in C


class LineLoader(_Base):  # type: ignore[misc, valid-type]
    """A safe YAML loader that remembers the line of every mapping (as key ``__line__``)."""


def _construct_mapping(loader: LineLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    mapping = _Base.construct_mapping(loader, node, deep=deep)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_BOOL = "tag:yaml.org,2002:bool"
LineLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag not in ("tag:yaml.org,2002:timestamp", _BOOL)]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
# Only true/false are booleans (as in YAML 1.2): a word list holding "on", "off", "no" or "yes" keeps them as words
LineLoader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def read_yaml(path: Path, error: type[Exception] = ValueError, top_keys: Any = None) -> tuple[dict, bytes]:
    """Parse one YAML file that must hold a mapping.

    Args:
        path: the file.
        error: the exception class to raise (its message names the file, the line and the reason).
        top_keys: the allowed top-level keys, named in the message when the file is not a mapping.

    Returns:
        The parsed mapping (every mapping with a ``__line__`` key) and the raw bytes.

    Raises:
        error: the file cannot be read, is not UTF-8, is not valid YAML or is not a mapping.
    """
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise error(f"{path}: cannot read: {e.strerror or e}") from None
    try:
        doc = yaml.load(raw.decode("utf-8"), Loader=LineLoader)  # noqa: S506 - a SafeLoader subclass
    except UnicodeDecodeError as e:
        raise error(f"{path}: not UTF-8 ({e})") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = mark.line + 1 if mark else "?"
        raise error(f"{path}, line {line}: invalid YAML: {getattr(e, 'problem', e)}") from None
    if not isinstance(doc, dict):
        keys = f" with keys {sorted(top_keys)}" if top_keys else ""
        raise error(f"{path}, line 1: the file must be a mapping{keys}")
    return doc, raw
