"""Paying an actor's debts or wage bill (helpers.payshapes and the Arabic shape in helpers.shapes_ar_give), in
sentences written for these tests."""

from __future__ import annotations

import pandas as pd
import pytest

import helpers as h


def edges(text: str, date: str = "2025-06-01", pack: str | None = None) -> set[tuple[str, str, str]]:
    c = pd.DataFrame(
        {"doc_id": ["d"], "title": [""], "text": [text], "date": pd.to_datetime([date], utc=True), "source": ["s"]}
    )
    e = h.extract_support(c, h.tag_mentions(c, gazetteer=pack))
    return set(zip(e.backer.astype(str), e.client.astype(str), e.support_type.astype(str)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the debtor's possessive before the debt noun; the payer's list backs it
        (
            "Saudi Arabia and Qatar have agreed to pay off Syria's outstanding debts to the Arab Monetary Fund.",
            {("saudi_arabia", "syrian_transitional_government"), ("qatar", "syrian_transitional_government")},
        ),
        # a sum of several words between the possessive and the debt noun
        (
            "Qatar cleared Syria's nearly $20 million worth of unpaid salaries last month.",
            {("qatar", "syrian_transitional_government")},
        ),
        # the antecedent of a relative clause pays in a gerund after "in"
        (
            "Qatar, which joined Riyadh last month in clearing Syria's debts to the World Bank, plans more aid.",
            {("qatar", "syrian_transitional_government")},
        ),
        # a sum owed by the debtor
        (
            "Qatar and Saudi Arabia will jointly pay $15 million owed by Syria to the World Bank.",
            {("saudi_arabia", "syrian_transitional_government"), ("qatar", "syrian_transitional_government")},
        ),
        # the debt noun before "of" and the debtor; an amount between the verb and the noun
        (
            "Qatar will cover about $30m of the monthly salaries of the Syrian government, officials said.",
            {("qatar", "syrian_transitional_government")},
        ),
        # one's own debts, or debts paid to another, are no backing
        ("Iraq paid its arrears to Iran for gas imports.", set()),
        ("The Syrian government said it had cleared its arrears to the World Bank.", set()),
    ],
)
def test_paying_a_partys_debts_is_funding_it(text, expected):
    got = edges(text)
    assert {(b, c) for b, c, _ in got} == expected, text
    assert all(t == "funding" for _, _, t in got)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pledge, then the verbal noun, an amount, the arrears and who owes them
        (
            "أكدت السعودية أنها ستتكفل بسداد نحو عشرين مليون دولار من الديون المستحقة على الحكومة السورية.",
            {("saudi_arabia", "syrian_transitional_government")},
        ),
        # the wages of a government's staff
        (
            "قالت قطر إنها ستمول رواتب موظفي الحكومة السورية حتى نهاية العام.",
            {("qatar", "syrian_transitional_government")},
        ),
        # a pledge verb before a part of the wage bill of a government's public sector
        (
            "أعلنت السعودية أنها ستتكفل بجزء من رواتب موظفي القطاع العام في الحكومة السورية.",
            {("saudi_arabia", "syrian_transitional_government")},
        ),
        # the state named after its debts owes them
        (
            "أعلنت السعودية وقطر سداد ديون سوريا المستحقة للبنك الدولي.",
            {("saudi_arabia", "syrian_transitional_government"), ("qatar", "syrian_transitional_government")},
        ),
        # paying what one owes
        ("سددت الحكومة السورية جزءا من ديونها لروسيا.", set()),
    ],
)
def test_paying_a_partys_debts_in_arabic(text, expected):
    assert {(b, c) for b, c, _ in edges(text)} == expected, text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an amount between the debtor's possessive and the debt
        (
            "Saudi Arabia and Qatar paid off Syria's $15m debt to the World Bank.",
            {("saudi_arabia", "syrian_transitional_government"), ("qatar", "syrian_transitional_government")},
        ),
        # the state employing the public sector, named after في
        (
            "قدمت السعودية وقطر منحة لدفع رواتب موظفي القطاع العام في سوريا.",
            {("saudi_arabia", "syrian_transitional_government"), ("qatar", "syrian_transitional_government")},
        ),
        # a place after في elsewhere stays a place
        ("دفعت قطر رواتب المعلمين في سوريا.", set()),
    ],
)
def test_an_amount_before_the_debt_and_the_employing_state(text, expected):
    assert {(b, c) for b, c, _ in edges(text)} == expected, text


def test_a_sum_and_its_period_between_the_paying_verb_and_the_salaries():
    text = "Saudi Arabia will pay about $20 million each month toward the salaries of Syria's teachers and nurses."
    assert {(b, c) for b, c, _ in edges(text, "2025-06-01", "syria")} == {
        ("saudi_arabia", "syrian_transitional_government")
    }


def test_joiner_and_joined_settle_a_debt_together():
    text = "In April Qatar joined Saudi Arabia in settling about $15 million of Syria's arrears to the World Bank."
    assert {(b, c) for b, c, _t in edges(text, "2025-05-01")} == {
        ("qatar", "syrian_transitional_government"),
        ("saudi_arabia", "syrian_transitional_government"),
    }
