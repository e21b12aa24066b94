"""Unit tests of helpers.rolewords: the English role words are data, checked on load."""

from __future__ import annotations

import pytest

from helpers import roles
from helpers.rolewords import KEYS, RoleWordsError, load_role_words


def test_the_kit_file_has_every_list_and_roles_reads_it():
    words = load_role_words()
    assert set(words) == set(KEYS) and all(words[k] for k in KEYS)
    assert "said" in words["verbs"] and "border" in words["poss_place_nouns"]
    assert roles._FROM_ACTOR is words["from_actor"]  # roles reads the file, no copy of the words in code


def _write(tmp_path, body: str):
    p = tmp_path / "roles.yaml"
    p.write_text(body, encoding="utf-8")
    return p


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("roles:\n  - lang: en\n    verbz: [said]\n", "line 3: unknown list 'verbz'"),
        ("roles:\n  - lang: en\n    verbs: said\n", "line 3: 'verbs' must be a list of words"),
        ("roles: []\n", "'roles' must be a non-empty list"),
        ("meta: {}\nwords: []\nroles: []\n", "unknown section 'words'"),
        ("roles:\n  - lang: en\n    verbs: [said]\n", "no words for aux_words"),
        ("roles: [\n", "invalid YAML"),
    ],
)
def test_errors_name_the_file_the_line_and_the_reason(tmp_path, body, message):
    p = _write(tmp_path, body)
    with pytest.raises(RoleWordsError) as err:
        load_role_words(p)
    assert str(p) in str(err.value) and message in str(err.value)


def test_entries_of_another_language_are_left_alone(tmp_path):
    full = load_role_words()
    lines = ["roles:", "  - lang: fr", "    verbs: [dit]", "  - lang: en"]
    lines += [f"    {k}: [{', '.join(sorted(full[k])[:1])}]" for k in KEYS]
    got = load_role_words(_write(tmp_path, "\n".join(lines) + "\n"))
    assert "dit" not in got["verbs"] and all(len(got[k]) == 1 for k in KEYS)
