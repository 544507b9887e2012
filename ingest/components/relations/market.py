"""`aic_market`: market size figures: market (global / China / …), year, value as a full number, unit,
year-on-year growth, forecast or actual, and who estimated it."""
from __future__ import annotations

import hashlib
import re

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components import mentions
from ingest.components.context import context_of
from ingest.model import MarketInView
from ingest.components.relations.funding import plain_number
from ingest.components.relations.common import add, confidence, cue_spans, guarded, of_kind

NAME = "aic_market"
XSD = "http://www.w3.org/2001/XMLSchema#"
REGIONS = (("_china", "China"), ("_global", "global"), ("_usa", "US"), ("_japan", "Japan"))


# a name that says it researches ("Calloway Research", "Brightwater Insight"): a research firm when no vocabulary
# knows it
RESEARCH_NAME = re.compile(r"\b(?:Research|Insights?|Analytics|Consulting|Advisory|Economics)$")
# the writer of a note speaking of its own figures
FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.I)


def research_firms(ms: list) -> list:
    """Organisations of the sentence that are research firms: by the vocabulary, or unknown names that carry a
    research word (the recogniser's RESEARCH label alone also marks a firm's department: "Semiconductor Practice")."""
    return [m for m in of_kind(ms, "org") if "ResearchFirm" in m.types or (
        m.extra.get("unknown") and not m.ids and not m.extra.get("coref") and RESEARCH_NAME.search(m.text))]


# the base a change starts from ("2022年の442億ドルから2023年に534億ドルへ"): the figure that was
BASE_AFTER = re.compile(r"\s*から")
BASE_BEFORE = re.compile(r"(?:由|从|從)\s?$")
# a figure stated in the past tense ("…ドルであった", "…ドルだった")
PAST_AFTER = re.compile(r"\s*(?:[（(][^（()）]{1,24}[）)])?\s*(?:であった|だった|でした|となった|に達した|を記録した)")  # (a conversion between)


# the opening of a bracket that converts the amount before it: "（約", "（同25.6％増、約", "（约合"
CONVERSION_OPENING = re.compile(r"^\s*[（(][^（()）]{0,16}?(?:约合|約|约|折合|相当于|およそ|approx\.?|about|~|≈)?\s*$")


def _converts(text: str, m, money: list) -> bool:
    """The amount sits in a bracket right after another amount in another currency, as its conversion."""
    before = [o for o in money if o.end <= m.start]
    if not before:
        return False
    o = before[-1]
    gap = text[o.end:m.start]
    return o.value[1] != m.value[1] and bool(CONVERSION_OPENING.match(gap)) and not re.search(r"\d", re.sub(
        r"[0-9.]+\s?[%％]", "", gap))


_OUTLOOK = ("見通", "見通し", "見込", "達する見", "する見")


# the word that opens the next figure's clause after a figure and its year (English)
EN_NEXT_CLAUSE = re.compile(r"\s(?:and|while|but|whereas|then)\s")

# a clause break between a figure and the year after it ("… 142.5 billion yuan , and in 2029 it is predicted …"): the
# year opens the next figure's clause, it does not date this one
EN_CLAUSE_GAP = re.compile(r"[,;，；]|\b(?:and|but|while|whereas|then)\b")


class Market:
    def __call__(self, doc: Doc) -> Doc:
        ms = mentions(doc)
        ctx = context_of(doc)
        if ctx.author_firm is None and doc.lang_ == "en":
            named = [m for m in research_firms(ms) if m.extra.get("unknown")]
            if named and not of_kind(ms, "money"):
                ctx.author_firm = named[0]  # "*Calloway Research, Semiconductor Practice, 3 March 2026*"
        markets = cue_spans(doc, "_market")
        money = of_kind(ms, "money")
        years = of_kind(ms, "year")
        para = ctx.paragraph
        prev = ctx.last_market
        if not markets:
            # "- 2023年：预计达到534亿美元" as the next list item (its own paragraph) continues the market in view
            next_item = prev and para - prev.paragraph == 1 and years and not doc.text[:years[0].start].strip(" -*•・·") \
                and not of_kind(ms, "org") and not cue_spans(doc, "funding")
            if not (prev and (prev.paragraph == para or next_item) and money and years):
                return doc
            region = prev.region
        else:
            region = self._region(doc, markets[0][0]) or (
                prev.region if prev and prev.paragraph == para else None) or "global"
        if cue_spans(doc, "_share") and not money:
            return doc
        ctx.last_market = MarketInView(region, para)
        if not money or not years:
            return doc
        firms = research_firms(ms) if doc.lang_ == "en" else [m for m in of_kind(ms, "org") if "ResearchFirm" in m.types]
        if firms:
            ctx.last_firm = firms[0]
        firm = firms[0] if firms else (ctx.last_firm if ctx.firm_paragraph == para else None)
        if firm is None and ctx.author_firm is not None and FIRST_PERSON.search(doc.text):
            firm = ctx.author_firm  # "We estimate that …" in a note whose byline names the firm
        ctx.firm_paragraph = para
        conf = confidence(doc, "_market")
        doc_year = ctx.year
        cjk = doc.lang_ in ("ja", "zh")
        # "671億ドル（同25.6％増、約10兆円）", "142.5 billion yuan ( about 3 trillion yen )": a bracketed conversion is no
        # figure of its own
        money = [m for m in money if not _converts(doc.text, m, money)]
        source_forecast = cjk and bool(cue_spans(doc, "_forecast_source"))  # "ガートナーの予測によると、…"
        anchors = sorted(money + years, key=lambda m: m.start)
        for mo in money:
            before = [y for y in years if y.end <= mo.start]
            right_after = [y for y in years if 0 <= y.start - mo.end <= 12 and
                           not any(o.start < y.start and o.start >= mo.end for o in money)
                           and not EN_CLAUSE_GAP.search(doc.text, mo.end, y.start)]
            if right_after and doc.lang_ == "en":
                year = right_after[0]
            elif before:
                year = before[-1]
            else:
                year = min(years, key=lambda y: abs(y.start - mo.end))
            if guarded(doc, year.start, mo.end) and cue_spans(doc, "_rumour"):
                continue
            lo, hi = min(year.start, mo.start), max(year.end, mo.end)
            prev = [a for a in anchors if a.end <= lo]
            nxt = [a for a in anchors if a.start >= hi]
            seg_start = max([prev[-1].end] if prev else [0])
            seg_end = nxt[0].start if nxt else len(doc.text)
            brk = re.compile(r"[,，、;；。]").search(doc.text, hi)
            if brk and brk.start() < seg_end:
                seg_end = brk.start()
            growth = None
            growth_end = nxt[0].start if nxt else len(doc.text)
            percents = of_kind(ms, "percent")
            if cjk:  # "534億ドル（前年比20.9％増）、671億ドル（同25.6％増）": a figure's growth is written after it
                percents = sorted(percents, key=lambda p: (p.start < mo.end, p.start))
            for p in percents:
                if cjk and p.start < lo:
                    continue  # "671億ドル（同25.6％増）、2027年には1194億ドル": the growth of the figure before
                if seg_start <= p.start < growth_end and any(abs(s - p.start) < 14 or abs(p.end - e) < 14
                                                          for s, e in cue_spans(doc, "_growth")):
                    growth = p.value
                    break
            if doc.lang_ == "en":  # "$44.22 billion for 2022 and projected $53.4 billion for 2023": the verb after
                nxt_clause = EN_NEXT_CLAUSE.search(doc.text, hi)  # "and" is the next figure's
                if nxt_clause and nxt_clause.start() < seg_end:
                    seg_end = nxt_clause.start()
            forecast_cue = any(seg_start <= s < seg_end for s, _ in cue_spans(doc, "_forecast"))
            listed = re.match(r"\s*(?:、|,|，|と)", doc.text[mo.end:]) or mo.end == max(m.end for m in money)
            if not forecast_cue and doc.lang_ == "ja" and listed and any(
                    s >= max(m.end for m in money) and not (doc_year and year.value < doc_year and doc.text[s:e] in _OUTLOOK)
                    for s, e in cue_spans(doc, "_forecast")):
                # (an outlook is not a forecast of a year already past when the document was written: "2025年に4,800億円、
                # 2028年には1兆2,000億円に達する見通し"; "2023年を…、2024年を…と予測している" still forecasts both)
                # "2023年を534億ドル、2024年を671億ドルと予測している": the final verb governs the listed figures and the
                # last one ("2023年に1,206億元に達し、2024年には…と予想": the first has its own verb, an actual)
                forecast_cue = True
            if not forecast_cue and cue_spans(doc, "_forecast"):
                # a sentence-wide "expected …" covers the later years it lists, not the earliest one
                forecast_cue = year.value > min(y.value for y in years)
            forecast = bool(year.extra.get("estimate")) or forecast_cue or bool(doc_year and year.value > doc_year) \
                or source_forecast or bool(doc_year and year.value == doc_year and any(
                    seg_start <= s < seg_end for s, _ in cue_spans(doc, "_estimate")))  # "puts the market at $178 billion
            # in 2026", said in 2026: a figure for a year not yet over, estimated, is a forecast
            base = cjk and bool(BASE_BEFORE.search(doc.text, 0, min(year.start, mo.start)))  # "由2022年的442亿美元增长至…"
            if (PAST_AFTER.match(doc.text, mo.end) or BASE_AFTER.match(doc.text, mo.end) or base) \
                    and not year.extra.get("estimate"):
                forecast = False  # "2022年に442億ドルであった": stated as what was
            amount, unit = mo.value
            label = f"{region} AI chip market"
            h = hashlib.sha1(f"{label}|{year.value}|{amount}|{unit}|{forecast}".encode()).hexdigest()[:12]
            key = f"est:{h}"
            add(doc, key, "market", label, conf, NAME, spans=[mo], literal=True)
            add(doc, key, "year", str(year.value), conf, NAME, spans=[year], literal=True, datatype=XSD + "gYear")
            add(doc, key, "value", plain_number(amount), conf, NAME, spans=[mo], literal=True,
                datatype=XSD + "decimal")
            add(doc, key, "unit", unit, conf, NAME, spans=[mo], literal=True)
            add(doc, key, "isForecast", "true" if forecast else "false", conf, NAME, spans=[year, mo],
                literal=True, datatype=XSD + "boolean")
            if growth is not None:
                add(doc, key, "growthRate", str(growth), conf, NAME, spans=[mo], literal=True,
                    datatype=XSD + "decimal")
            if firm is not None:
                add(doc, key, "estimatedBy", firm, conf, NAME, spans=[mo])
        return doc

    @staticmethod
    def _region(doc: Doc, market_start: int) -> str | None:
        best, pos = None, -1
        for cue, name in REGIONS:
            for s, _ in cue_spans(doc, cue):
                if s <= market_start + 2 and s > pos:
                    best, pos = name, s
        return best


@Language.factory(NAME, assigns=["doc._.facts"], requires=["doc._.mentions"])
def make(nlp: Language, name: str) -> Market:
    return Market()
