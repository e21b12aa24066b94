"""Unit tests of helpers.yamlio.read_yaml: line numbers on mappings, dates kept as text, errors with file/line."""

from __future__ import annotations

import pytest

from helpers.yamlio import read_yaml


def _file(tmp_path, text: str | bytes, name="g.yaml"):
    p = tmp_path / name
    p.write_bytes(text.encode() if isinstance(text, str) else text)
    return p


def test_every_mapping_carries_its_line(tmp_path):
    p = _file(tmp_path, "meta:\n  name: x\nactors:\n  - id: a\n    label: A\n\n  - id: b\n")
    doc, raw = read_yaml(p)
    assert doc["__line__"] == 1 and doc["meta"]["__line__"] == 2
    assert [a["__line__"] for a in doc["actors"]] == [4, 7]
    assert raw == p.read_bytes()


def test_dates_stay_strings_other_scalars_do_not(tmp_path):
    doc, _ = read_yaml(_file(tmp_path, "from: 2024-12-08\nn: 3\nok: true\nx: null\n"))
    assert doc["from"] == "2024-12-08" and doc["n"] == 3 and doc["ok"] is True and doc["x"] is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: [1, 2\nb: 3\n", r"g\.yaml, line \d+: invalid YAML"),
        ("- a\n- b\n", r"g\.yaml, line 1: the file must be a mapping$"),
        ("", r"g\.yaml, line 1: the file must be a mapping"),
        (b"a: caf\xe9\n", r"g\.yaml: not UTF-8"),
    ],
)
def test_errors_name_file_and_line(tmp_path, text, message):
    with pytest.raises(ValueError, match=message):
        read_yaml(_file(tmp_path, text))


def test_custom_error_class_and_top_keys(tmp_path):
    class GazError(ValueError):
        pass

    with pytest.raises(GazError, match=r"must be a mapping with keys \['actors', 'meta'\]"):
        read_yaml(_file(tmp_path, "- a\n"), GazError, top_keys={"meta", "actors"})
    with pytest.raises(GazError, match=r"missing\.yaml: cannot read"):
        read_yaml(tmp_path / "missing.yaml", GazError)


def test_unsafe_tags_are_refused(tmp_path):
    with pytest.raises(ValueError, match="invalid YAML"):
        read_yaml(_file(tmp_path, "a: !!python/object/apply:os.system ['true']\n"))


def test_only_true_and_false_are_booleans(tmp_path):
    # YAML 1.1 reads on/off/yes/no as booleans; a word list of prepositions must keep "on" and "off"
    p = tmp_path / "w.yaml"
    p.write_text("words: [on, off, no, yes, 'y']\nflag: true\nother: False\n", encoding="utf-8")
    doc, _ = read_yaml(p)
    assert doc["words"] == ["on", "off", "no", "yes", "y"]
    assert doc["flag"] is True and doc["other"] is False
