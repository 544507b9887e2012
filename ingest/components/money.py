"""`aic_money`: amounts with currency in three numeral systems, years, percentages and round names.

`712億5,200万米ドル` → 71,252,000,000 USD; `1,206億元` → 120,600,000,000 CNY; `$71.3B`; `120.6 billion yuan`;
`1.2万亿`; `RMB1.1 billion`; `HK$5.58 billion`. Multipliers and currency words are data
(ontology/lexicon/common/numbers.jsonl).
"""
from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

import ontology
from ingest.components import mentions
from ingest.model import Mention

NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"


@lru_cache(maxsize=1)
def _tables() -> tuple[list, list]:
    rows = ontology.load_lexicon("common", "numbers")
    mult = sorted(((p, r["value"]) for r in rows if r["kind"] == "multiplier" for p in r["patterns"]),
                  key=lambda x: -len(x[0]))
    cur = sorted(((p, r["code"]) for r in rows if r["kind"] == "currency" for p in r["patterns"]),
                 key=lambda x: -len(x[0]))
    return mult, cur


@lru_cache(maxsize=1)
def _patterns() -> dict:
    mult, cur = _tables()
    cjk_mult = [re.escape(p) for p, _ in mult if not p.isascii()]
    lat_mult = [re.escape(p) for p, _ in mult if p.isascii()]
    cjk_amount = rf"(?:\s?(?:{NUM})\s?(?:{'|'.join(cjk_mult)}))+(?:\s?(?:{NUM}))?"
    amount = rf"(?:{cjk_amount}|(?:{NUM})(?:\s?(?:{'|'.join(lat_mult)})\b)?)"
    ascii_alt = "|".join(re.escape(p) for p, _ in cur if p.isascii())
    cjk_alt = "|".join(re.escape(p) for p, _ in cur if not p.isascii())
    prefix_alt = "|".join(re.escape(p) for p, _ in cur if p.isascii() or p in ("¥", "￥", "€", "£"))
    return {
        "prefix": re.compile(rf"(?<![A-Za-z0-9$])(?P<cur>{prefix_alt})\s?(?P<amt>{amount})", re.IGNORECASE),
        "suffix": re.compile(rf"(?<![A-Za-z0-9.,])(?P<amt>{amount})\s{{0,2}}(?P<cur>(?:{ascii_alt})(?![a-z])|(?:{cjk_alt}))",
                             re.IGNORECASE),
        "cjk_amount": re.compile(cjk_amount),
    }


def parse_amount(text: str) -> Decimal | None:
    """`712億5,200万` → 71252000000; `1.2万亿` → 1.2e12; `71.3 billion` → 7.13e10; `5,580` → 5580."""
    mult, _ = _tables()
    t = text.strip().lower().replace(" ", "")
    total = Decimal(0)
    pos = 0
    found = False
    while pos < len(t):
        m = re.match(NUM, t[pos:])
        if not m:
            break
        n = Decimal(m.group(0).replace(",", ""))
        pos += m.end()
        factor = 1
        for p, v in mult:
            if t.startswith(p.lower().replace(" ", ""), pos):  # ("hundred million": spaces are gone from t)
                factor = v
                pos += len(p.replace(" ", ""))
                # a compound multiplier such as 万亿 is listed itself; 億 then 万 is additive
                break
        total += n * factor
        found = True
    return total if found else None


def currency_code(word: str) -> str:
    _, cur = _tables()
    w = word.lower().strip()
    for p, code in cur:
        if w == p.lower():
            return code
    return ""


SAME_YEAR = re.compile(r"(?:同年|同じ年|该年|該年)(?:\s?(\d{1,2})\s?月)?")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:\s?年|e\b|E\b|(?=\D)|$)(?:\s?(\d{1,2})\s?月)?")
# "19年12月", "18年には": a two-digit year, not a duration ("18年間", "過去10年に", "5年後")
SHORT_YEAR = re.compile(r"(?<![\d.０-９過約近去こ直ほ])(\d{2})年(?:\s?(\d{1,2})\s?月|(?=に|から|まで|の|、|以降|時点|度))")
MONTHS = {m: i + 1 for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"])}
EN_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?((?:19|20)\d\d)\b",
                      re.IGNORECASE)
MONTH_ONLY = re.compile(
    r"(?:\bon\s+|\bin\s+)?\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d\d)"
    r"|(?<![\d年])(\d{1,2})月\d{1,2}日"
    r"|\bin\s+(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))(january|february|march|april|may|june|july|august|"
    r"september|october|november|december)\b(?!\s*,?\s*\d)", re.IGNORECASE)
PERCENT = re.compile(rf"(?P<n>{NUM})\s?(?:%|％|percent|per cent|パーセント)")
ZH_PERCENT = re.compile(r"百分之(?P<n>\d+(?:\.\d+)?)")
ROUND = re.compile(
    r"(?P<r>pre-?ipo|プレ-?ipo|ipo前|pre-?ipo轮|上市前|上場前|before (?:the |its )?(?:ipo|listing)|(?<![a-z])ipo(?![a-z])|initial public offering|"
    r"登陆(?=[^，。；,]{0,12}?(?:科创板|科創板|创业板|主板|港交所|联交所|北交所|交易所|纳斯达克))|"  # (a listing: 登陆科创板)
    r"(?:pre-?)?series\s?[a-f]\+{0,2}(?:\d)?|(?:pre-?)?[a-f]\+{0,2}\s?(?:轮|輪)|(?:プレ)?シリーズ\s?[a-f]\+{0,2}|"
    r"(?<![a-z])(?:[b-f]\+{0,2}|a\+{1,2})[- ]round(?![a-z])|(?-i:(?<=[a-z,] )A)[- ]round(?![a-z])|"  # ("the A round":
    r"(?<![a-z])[a-f]\+{0,2}\s?ラウンド|"  # a capital A inside a sentence is the letter; the article is written "a")
    r"天使轮|angel round|\bangel\b|seed round|seed[- ](?:funding|financing|stage)|(?<=\bat )seed\b|(?:(?<=million )|(?<=billion )|(?<=\dm )|(?<=\dM )|(?<=our )|(?<=its )|(?<=their )|(?<=the ))seed\b(?=\s+(?:was|were|is|led|closed|round|extension|cheque|check|in|last|this|from|came|come|comes)\b|\s*[,.;)])|種子輪|种子轮|エンジェル|シード(?:ラウンド|期|段階)?(?![権選校])|strategic (?:round|financing|investment)|"
    r"战略融资|战略投资(?![者人方])|戦略的出資|上市|上場|listing|listed|debut(?:ed)? on|"
    r"战略配售|戰略配售|戦略的?配分|strategic placement)", re.IGNORECASE)  # (a placement is part of a listing)


def round_name(text: str) -> str:
    """Canonical round name: "Series B", "Pre-Series A", "Series A+", "IPO", "Pre-IPO", "Angel", "Strategic"."""
    t = text.lower().replace(" ", "")
    t = t.replace("プレ", "pre-").replace("pre--", "pre-")
    if t == "登陆":  # "登陆科创板": landing on an exchange is its listing
        return "IPO"
    if ("pre" in t or "前" in t or "before" in t) and any(k in t for k in ("ipo", "上市", "上場", "listing")):
        return "Pre-IPO"
    if any(k in t for k in ("ipo", "initialpublic", "上市", "上場", "listing", "listed", "debut", "配售", "配分", "placement")):
        return "IPO"
    if any(k in t for k in ("天使", "angel", "エンジェル")):
        return "Angel"
    if any(k in t for k in ("seed", "种子", "種子", "シード")):
        return "Seed"
    if any(k in t for k in ("strategic", "战略", "戦略")):
        return "Strategic"
    m = re.search(r"([a-f])(\+{0,2})", t.replace("series", "").replace("シリーズ", "").replace("pre-", "").replace("pre", ""))
    if not m:
        return ""
    name = f"Series {m.group(1).upper()}{m.group(2)}"
    return ("Pre-" + name) if t.startswith("pre") else name


class MoneyRecognizer:
    def __call__(self, doc: Doc) -> Doc:
        out = mentions(doc)
        text = doc.text
        taken: list[tuple[int, int]] = [(m.start, m.end) for m in out if m.kind in ("chip", "cluster", "node", "org")]
        pats = _patterns()
        for kind in ("prefix", "suffix"):
            for m in pats[kind].finditer(text):
                s, e = m.span()
                if any(a < e and s < b for a, b in taken):
                    continue
                amt = parse_amount(m.group("amt"))
                code = currency_code(m.group("cur"))
                if amt is None or not code or amt <= 0:
                    continue
                taken.append((s, e))
                out.append(Mention(s, e, m.group(0), "money", value=(amt, code)))
        doc_year = doc._.context.year if doc.has_extension("context") and doc._.context else None
        if doc_year:
            for m in MONTH_ONLY.finditer(text):
                if not any(a < m.end() and m.start() < b for a, b in taken):
                    name = m.group(1) or m.group(3)  # "in October": the month alone, in the document's year
                    month = MONTHS.get(name.lower()[:3]) if name else int(m.group(2))
                    if month and 1 <= month <= 12:
                        out.append(Mention(m.start(), m.end(), m.group(0), "year", value=int(doc_year),
                                           extra={"month": month, "implicit": True}))
                        taken.append(m.span())
        in_view = doc._.context.year_in_view if doc.has_extension("context") and doc._.context else None
        if in_view:  # "同年8月", "同じ年に": the year the text gave last
            for m in SAME_YEAR.finditer(text):
                if not any(a < m.end() and m.start() < b for a, b in taken):
                    month = int(m.group(1)) if m.group(1) and 1 <= int(m.group(1)) <= 12 else None
                    out.append(Mention(m.start(), m.end(), m.group(0), "year", value=int(in_view[1]),
                                       extra={"month": month, "implicit": True} if month else {"implicit": True}))
                    taken.append(m.span())
        if doc_year and doc.lang_ == "ja":  # Japanese news writes "19年12月", "18年には" for 2019, 2018
            for m in SHORT_YEAR.finditer(text):
                year = 2000 + int(m.group(1))
                if any(a < m.end() and m.start() < b for a, b in taken) or year > doc_year + 10:
                    continue
                month = int(m.group(2)) if m.group(2) and 1 <= int(m.group(2)) <= 12 else None
                out.append(Mention(m.start(), m.end(), m.group(0), "year", value=year,
                                   extra={"month": month} if month else {}))
                taken.append(m.span())
        for m in EN_MONTH.finditer(text):
            out.append(Mention(m.start(), m.end(), m.group(0), "year", value=int(m.group(2)),
                               extra={"month": MONTHS[m.group(1).lower()[:3]]}))
            taken.append(m.span())
        for m in YEAR.finditer(text):
            s, e = m.span()
            if any(a < e and s < b for a, b in taken):
                continue
            extra = {"month": int(m.group(2))} if m.group(2) and 1 <= int(m.group(2)) <= 12 else {}
            extra["estimate"] = text[m.end(1): m.end(1) + 1] in ("e", "E")
            out.append(Mention(s, e, m.group(0), "year", value=int(m.group(1)), extra=extra))
        for pat in (PERCENT, ZH_PERCENT):
            for m in pat.finditer(text):
                out.append(Mention(m.start(), m.end(), m.group(0), "percent",
                                   value=Decimal(m.group("n").replace(",", "")) / 100))
        for m in ROUND.finditer(text):
            name = round_name(m.group("r"))
            if name:
                out.append(Mention(m.start(), m.end(), m.group(0), "round", value=name))
        out.sort(key=lambda m: (m.start, -m.end))
        return doc


@Language.factory("aic_money", assigns=["doc._.mentions"], requires=["doc._.mentions"])
def make_money(nlp: Language, name: str) -> MoneyRecognizer:
    return MoneyRecognizer()
