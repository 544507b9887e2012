"""Amounts, currencies and round names in three numeral systems."""
from __future__ import annotations

from decimal import Decimal

import pytest

from ingest.components.money import _patterns, currency_code, parse_amount, round_name


@pytest.mark.parametrize("text,amount,currency", [
    ("712億5,200万米ドル", Decimal("71252000000"), "USD"),
    ("1,206億元", Decimal("120600000000"), "CNY"),
    ("120.6 billion yuan", Decimal("120600000000"), "CNY"),
    ("$71.3B", Decimal("71300000000"), "USD"),
    ("1.2万亿元", Decimal("1200000000000"), "CNY"),
    ("RMB1.1 billion", Decimal("1100000000"), "CNY"),
    ("HK$5.58 billion", Decimal("5580000000"), "HKD"),
    ("5亿元人民币", Decimal("500000000"), "CNY"),
])
def test_money_parses_all_numeral_systems(text, amount, currency):
    p = _patterns()
    m = p["prefix"].search(text) or p["suffix"].search(text)
    assert m is not None
    assert parse_amount(m.group("amt")) == amount
    assert currency_code(m.group("cur")) == currency


@pytest.mark.parametrize("text,name", [
    ("Series A", "Series A"), ("pre-Series B", "Pre-Series B"), ("B轮", "Series B"), ("A+轮", "Series A+"),
    ("シリーズC", "Series C"), ("プレシリーズB", "Pre-Series B"), ("IPO", "IPO"), ("上市", "IPO"),
    ("Pre-IPO", "Pre-IPO"), ("天使轮", "Angel"),
])
def test_money_round_names_are_canonical(text, name):
    assert round_name(text) == name
