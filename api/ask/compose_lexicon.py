"""The compositional lexicon of one language (`ontology/lexicon/<lang>/compose.jsonl`), compiled once.

Rows are data: answer-type words, relation words, markers (negation, exception, conjunction, aggregates,
superlatives), comparisons with `{Y}` (year), `{N}` (node size) and `{A}` (amount) placeholders (`{Y2}`, `{A2}`: a range's upper end), regions
(aic:country codes), exchanges, filler words, and the messages said in that language.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

# a calendar or fiscal year: "2022", "2022年", "FY2023", "fiscal 2023", "2022年度", "2023财年" (a fiscal year is read as
# the calendar year it names; compose._quantity marks it so the answer says so)
_YEAR = (r"(?:(?:FY|fiscal(?: year)?)\s*'?)?((?:19|20)\d\d)(?![0-9])\s*(?:年度|財年|财年|财政年度|會計年度|年)?"
         r"(?:\s*fiscal year)?")
_NM = r"(\d+(?:\.\d+)?)\s*-?\s*(?:nm|nanometers?|nanometres?|纳米|納米|奈米|ナノメートル|ナノ)"
# the lower end of a node-size range, its unit said once after the upper end ("between 5 and 10nm", "5〜10nm") (helper-84)
_NM0 = r"(\d+(?:\.\d+)?)\s*-?\s*(?:nm|nanometers?|nanometres?|纳米|納米|奈米|ナノメートル|ナノ)?"


@dataclass
class Entry:
    kind: str
    rx: re.Pattern
    value: dict
    q: str = ""  # the quantity a comparison reads: "Y" (year), "YY" (year range), "N" (node size), "A" (amount)


@dataclass
class ComposeLexicon:
    entries: list[Entry] = field(default_factory=list)  # in file order; earlier rows win on overlaps
    fill: re.Pattern | None = None
    messages: dict[str, str] = field(default_factory=dict)
    multipliers: list[tuple[str, float]] = field(default_factory=list)
    currencies: list[tuple[str, str]] = field(default_factory=list)


def _amount_rx(multipliers: list[tuple[str, float]], currencies: list[tuple[str, str]]) -> str:
    mult = "|".join(re.escape(m) for m, _ in sorted(multipliers, key=lambda x: -len(x[0])) if len(m) > 1 or not m.isascii())
    cur = "|".join(re.escape(c) for c, _ in sorted(currencies, key=lambda x: -len(x[0])))
    # a figure with a scale word and/or a currency: "1 billion yuan", "10亿元", "1億ドル", "$500 million"
    return (rf"(?:(?:{cur})\s*)?(\d+(?:[.,]\d+)?)\s*(?:({mult})\s*(?:of\s*)?)?((?:{cur})(?![A-Za-z]))?")


@lru_cache(maxsize=8)
def compose_lexicon(lang: str) -> ComposeLexicon:
    from ontology import load_lexicon
    lex = ComposeLexicon()
    for row in load_lexicon("common", "numbers"):
        if row.get("kind") == "multiplier":
            lex.multipliers += [(p, float(row["value"])) for p in row["patterns"]]
        elif row.get("kind") == "currency":
            lex.currencies += [(p, row["code"]) for p in row["patterns"]]
    amount = _amount_rx(lex.multipliers, lex.currencies)
    fills: list[str] = []
    latin = lang == "en"
    for row in load_lexicon(lang, "compose"):
        kind = row["kind"]
        if kind == "msg":
            lex.messages[row["key"]] = row["text"]
            continue
        if kind == "fill":
            fills += row["patterns"]
            continue
        for p in row["patterns"]:
            q = "YY" if "{Y2}" in p else "Y" if "{Y}" in p else "NN" if "{N2}" in p else "N" if "{N}" in p else \
                "AA" if "{A2}" in p else "A" if "{A}" in p else ""
            p = (p.replace("{Y2}", _YEAR).replace("{Y}", _YEAR).replace("{N0}", _NM0).replace("{N2}", _NM)
                 .replace("{N}", _NM).replace("{A2}", amount).replace("{A}", amount))
            if latin and not p.startswith("^"):
                p = r"(?<![A-Za-z0-9])" + p + r"(?![A-Za-z0-9])"
            lex.entries.append(Entry(kind, re.compile(p, re.I), row, q))
    fills.sort(key=len, reverse=True)
    body = "|".join(f"(?:{f})" for f in fills)
    lex.fill = re.compile(rf"(?<![A-Za-z0-9])(?:{body})(?![A-Za-z0-9])" if latin else f"(?:{body})", re.I)
    return lex


def parse_amount(lex: ComposeLexicon, m: re.Match, groups: tuple) -> tuple[float | None, str | None]:
    """(value, currency code) of an amount match's three groups (number, multiplier, currency)."""
    num, mult, cur = groups
    if num is None:
        return None, None
    if not mult and not cur:
        cur_pre = next((code for c, code in lex.currencies if m.group(0).lower().startswith(c.lower())), None)
        if not cur_pre:
            return None, None
        cur = cur_pre
    value = float(num.replace(",", ""))
    factor = next((f for w, f in lex.multipliers if mult and w.lower() == mult.lower()), 1.0)
    code = None
    text = m.group(0).lower()
    for c, cc in sorted(lex.currencies, key=lambda x: -len(x[0])):
        if c.lower() in text:
            code = cc
            break
    return value * factor, code


def parse_amount_range(lex: ComposeLexicon, m: re.Match, groups: tuple) -> tuple[float, float, str | None] | None:
    """(low, high, currency) of a range of two amounts ("between 1 and 2 billion yuan", "10亿到20亿元"): the first
    figure takes the scale word and currency of the second when it has none of its own."""
    (n1, m1, c1), (n2, m2, c2) = groups[:3], groups[3:6]
    if n1 is None or n2 is None:
        return None
    def value(num: str, mult: str | None) -> float:
        return float(num.replace(",", "")) * next((f for w, f in lex.multipliers if mult and w.lower() == mult.lower()), 1.0)
    text = m.group(0).lower()
    code = next((cc for c, cc in sorted(lex.currencies, key=lambda x: -len(x[0])) if c.lower() in text), None)
    if not (m2 or c2 or code):
        return None  # two bare numbers are not amounts
    lo, hi = value(n1, m1 or m2), value(n2, m2)
    return (min(lo, hi), max(lo, hi), code)
