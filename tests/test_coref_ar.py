"""Arabic stand-ins (helpers.coref_ar) through extract_support, in sentences written for these tests."""

from __future__ import annotations

import pandas as pd
import pytest

import helpers as h


def edges(text: str, pack: str | None = "sudan", date: str = "2025-09-12") -> set[tuple[str, str]]:
    c = pd.DataFrame(
        {"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime([date], utc=True), "source": ["s"]}
    )
    e = h.extract_support(c, h.tag_mentions(c, gazetteer=pack))
    return set(zip(e.backer.astype(str), e.client.astype(str)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the head noun of a faction's name named in the sentence before stands for it
        (
            "أدرجت واشنطن كتيبة البراء بن مالك على قائمة العقوبات. وقالت الخزانة إن الكتيبة تلقت أسلحة من إيران.",
            {("iran", "al_baraa_bin_malik_brigade")},
        ),
        # a noun with an adjective after it is another body ("الحركة الطلابية"), none named before is no stand-in
        ("التقى وفد من حركة العدل والمساواة بمسؤولين. وأكد أن الحركة الطلابية تلقت أسلحة من إيران.", set()),
        (
            "التقى وفد من حركة العدل والمساواة بمسؤولين. وأكد أن الحركة تلقت أسلحة من إيران.",
            {("iran", "justice_and_equality_movement")},
        ),
        ("قالت مصادر إن الجماعة تلقت أسلحة من إيران.", set()),
    ],
)
def test_a_faction_called_by_its_head_noun(text, expected):
    assert edges(text) == expected, text
