"""One document → sentences → spaCy pipelines → mentions and facts with offsets into the original text.

The base models (GiNZA's parse, jieba's segmentation) run batched through `nlp.pipe`; our components then
run sentence by sentence in document order, because they carry context from one sentence to the next
(the paragraph's company for "同社", the round being described, the market a figure belongs to).
"""
from __future__ import annotations

import re
from decimal import Decimal
from dataclasses import dataclass, field

import ingest.components.context  # noqa: F401  (declares doc._.context)
from ingest.model import ENTITY_KINDS, DocContext, Fact, Mention
from ingest.pipeline import build
from ingest.readers import RawDocument
from ingest.segment import Sentence, sentences
from ingest.tables import table_facts

# a dateline of its own that gives the month only ("2023年12月" under a Japanese or Chinese headline)
DATELINE_MONTH = re.compile(r"^\s*((?:19|20)\d\d)年\s?(\d{1,2})月\s*$", re.M)
DATE = re.compile(r"((?:19|20)\d\d)[-/.年]\s?(\d{1,2})[-/.月]\s?(\d{1,2})")
# full or abbreviated, as wire datelines write them ("Dec 2, 2024", "Sept. 5, 2025")
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|"\
         r"Nov(?:ember)?|Dec(?:ember)?)"
# a fiscal period on a heading line: "Q3 Fiscal 2026", "FY2025 results", "fiscal year 2024"
EN_FISCAL = re.compile(r"\b(?:Q[1-4]\s+)?(?:[Ff]iscal(?: [Yy]ear)?|FY)\s?((?:19|20)\d\d)\b|\bQ[1-4]\s+((?:19|20)\d\d)\b")
EN_DATE = re.compile(rf"\b\d{{1,2}} {_MONTH},? ((?:19|20)\d\d)\b|\b{_MONTH}\.? \d{{1,2}}, ((?:19|20)\d\d)\b")


@dataclass
class SentenceResult:
    sentence: Sentence
    mentions: list[Mention]
    facts: list[Fact]
    topic: str | None = None  # key of the organisation the paragraph was about when this sentence began
    topic_after: str | None = None  # the document's topic company once this sentence was read (any paragraph)


@dataclass
class Extraction:
    raw: RawDocument
    lang: str
    results: list[SentenceResult] = field(default_factory=list)
    tokens: int = 0


def doc_year(raw: RawDocument) -> int | None:
    m = DATE.search(raw.meta.get("date", "")) or DATE.search(raw.text[:600]) or DATELINE_MONTH.search(raw.text[:300])
    if m is None:  # "4 December 2026", "May 20, 2026": an English byline or dateline
        en = EN_DATE.search(raw.text[:600])
        if en is None:  # "Varnholt Microsystems (VRNH) Q3 Fiscal 2026 Earnings Call", "Letter to Limited Partners, Q4 2026":
            fiscal = EN_FISCAL.search("\n".join(raw.text[:300].splitlines()[:2]))  # a report dated by its period
            return int(fiscal.group(1) or fiscal.group(2)) if fiscal else None
        return int(en.group(1) or en.group(2))
    return int(m.group(1)) if m else None


def main_lang(sents: list[Sentence]) -> str:
    counts: dict[str, int] = {}
    for s in sents:
        counts[s.lang] = counts.get(s.lang, 0) + len(s.text)
    return max(counts, key=counts.get) if counts else "en"


def extract(raw: RawDocument, lang: str | None = None) -> Extraction:
    sents = sentences(raw.text, raw.body_start, lang)
    result = Extraction(raw, main_lang(sents))
    context = DocContext(year=doc_year(raw), text=raw.text)
    title_topic(raw, context)
    if result.lang == "en":
        from ingest.components.context import document_author
        document_author(raw.text, context)
    if result.lang in ("en", "zh") and context.author_company is None and context.author_investor is None:
        from ingest.components.context import first_person_company
        first_person_company(raw.text, sents, context, result.lang)  # a filing's "we", an interviewee's 我们
    by_lang: dict[str, list[int]] = {}
    for i, s in enumerate(sents):
        by_lang.setdefault(s.lang, []).append(i)
    docs: list = [None] * len(sents)
    for lg, idxs in by_lang.items():
        nlp = build(lg)
        ours = [n for n in nlp.pipe_names if n.startswith("aic_")]
        with nlp.select_pipes(disable=ours):
            for i, d in zip(idxs, nlp.pipe([sents[i].text for i in idxs], batch_size=64)):
                docs[i] = d
    for s, d in zip(sents, docs):
        nlp = build(s.lang)
        if s.paragraph != context.paragraph:
            context.last_round = None
            context.paragraph = s.paragraph
        d._.context = context
        topic = context.topic_here()
        for name, proc in nlp.pipeline:
            if name.startswith("aic_"):
                d = proc(d)
        result.tokens += len(d)
        result.results.append(SentenceResult(s, d._.mentions or [], d._.facts or [], topic, context.topic))
    table_facts(result.results)
    _designers_from_topic(result, context.issuer)
    _designers_from_brand(result)
    _rounds_dated_by_document(result)
    _headline_rounds(result)
    return result


# a family and its number: "AK-Kiri 2", "Tern-1" (family "Tern"), "Sorrel S2" (family "Sorrel")
# and a katakana name and its number ("ノクターン1" beside "ノクターン2")
# and a brand word and a lettered code ("qiongyu QY-7" beside "qiongyu QY-3", family "qiongyu QY")
_FAMILY = re.compile(r"^([A-Za-z][A-Za-z]*-[A-Za-z]{2,}|[A-Z][a-z]{2,}|[\u30a1-\u30faー]{3,}|[A-Za-z][a-z]{2,} [A-Z]{1,4}(?=-\d))"
                     r"(?:[\s-]?[A-Z]{0,2}\d{1,3}[A-Za-z]?)?$")
_CODE_FAMILY = re.compile(r"^([A-Z]{2,5}-[A-Z]{0,2})\d{1,3}[A-Za-z]?$")  # ("MX-T7" beside "MX-T5": family "MX-T")
_BRAND = re.compile(r"^([\u4e00-\u9fff]{2,4}|[A-Z][A-Za-z]{3,})(?=[\s-]?[A-Za-z]{0,3}[-\s]?\d)")


def _designers_from_brand(result: Extraction) -> None:
    """A chip named with its maker's brand ("灵犀X2" beside 灵犀微电子, "Kestrel K1" beside Kestrel Dynamics) and
    tied to no designer is the design of the one organisation of the document whose name starts with it."""
    designed = {f.subject for r in result.results for f in r.facts if f.predicate == "designedBy"}
    investors = {f.object for r in result.results for f in r.facts if f.predicate in ("investor", "leadInvestor")} | \
        {f.subject for r in result.results for f in r.facts if f.predicate == "investedIn"}
    counts: dict[str, int] = {}
    names: dict[str, set] = {}
    for r in result.results:
        for m in r.mentions:
            if m.kind == "org" and "Foundry" not in m.types and m.key not in investors and not m.extra.get("coref"):
                counts[m.key] = counts.get(m.key, 0) + 1
                names.setdefault(m.key, set()).add(m.text)
    # a chip of the same family as one the document ties to a designer ("AK-Kiri" beside "AK-Kiri 2")
    family = {}
    for r in result.results:
        for f in r.facts:
            fam = _FAMILY.match(f.subject.split(":", 2)[-1]) if f.predicate == "designedBy" else None
            if fam and f.subject.startswith("new:chip:"):
                family.setdefault(fam.group(1).casefold(), f.object)
    # a model code of the same letters ("WSE-2" beside "WSE-3", known or not): the same maker's line
    texts: dict[str, set] = {}
    for r in result.results:
        for m in r.mentions:
            if m.kind == "chip":
                texts.setdefault(m.key, set()).add(m.text)
    for r in result.results:
        for f in r.facts:
            for t in texts.get(f.subject, ()) if f.predicate == "designedBy" else ():
                code = _CODE_FAMILY.match(t)
                if code:
                    family.setdefault("\x00" + code.group(1), f.object)
    for r in result.results:
        for m in r.mentions:
            code = _CODE_FAMILY.match(m.text) if m.kind == "chip" and m.key not in designed else None
            if code and "\x00" + code.group(1) in family:
                r.facts.append(Fact(m.key, "designedBy", family["\x00" + code.group(1)], m.start, m.end, 0.6,
                                    "aic_designed_by_family"))
                designed.add(m.key)
    for r in result.results:
        for m in r.mentions:
            fam = _FAMILY.match(m.text) if m.kind == "chip" and not m.ids and m.key not in designed else None
            if fam and fam.group(1).casefold() in family:
                r.facts.append(Fact(m.key, "designedBy", family[fam.group(1).casefold()], m.start, m.end, 0.6,
                                    "aic_designed_by_family"))
                designed.add(m.key)
    for r in result.results:
        for m in r.mentions:
            b = _BRAND.match(m.text) if m.kind == "chip" and not m.ids and m.key not in designed else None
            if not b:
                continue
            owners = [k for k, texts in names.items() if any(t.startswith(b.group(1)) and t != m.text for t in texts)]
            if len(owners) >= 1:
                best = max(owners, key=lambda k: counts[k])
                r.facts.append(Fact(m.key, "designedBy", best, m.start, m.end, 0.6, "aic_designed_by_brand"))
                designed.add(m.key)


def _rounds_dated_by_document(result: Extraction) -> None:
    """A round a press release announces in its opening paragraphs without a date of its own ("シリーズBラウンド
    において…資金調達を実施したことをお知らせします", dated 2026年4月8日) closed in the month of the release."""
    m = DATE.search(result.raw.meta.get("date", "")) or DATE.search(result.raw.text[:600]) \
        or DATELINE_MONTH.search(result.raw.text[:300])
    if not m:
        return
    when = f"{m.group(1)}-{int(m.group(2)):02d}"
    dated = {f.subject for r in result.results for f in r.facts if f.predicate == "date"}
    paragraphs = sorted({r.sentence.paragraph for r in result.results})[:4]
    for r in result.results:
        for f in list(r.facts):
            if f.predicate == "fundedCompany" and f.subject not in dated and r.sentence.paragraph in paragraphs:
                r.facts.append(Fact(f.subject, "date", when, f.start, f.end, round(f.confidence * 0.9, 3), f.extractor,
                                    True, "http://www.w3.org/2001/XMLSchema#gYearMonth"))
                dated.add(f.subject)


def _headline_rounds(result: Extraction) -> None:
    """"テンストレントは6.9億ドル調達" (a headline) … "シリーズDで6億9300万ドルを集めた": a round without a name whose
    amount rounds that of a named round of the same company is that round said shortly; it is not another one."""
    if result.lang != "ja":
        return
    amounts: dict[str, Decimal] = {}
    company: dict[str, str] = {}
    for r in result.results:
        for f in r.facts:
            if f.predicate == "amount":
                amounts[f.subject] = Decimal(str(f.object))
            elif f.predicate == "fundedCompany":
                company[f.subject] = f.object
    for key, amount in amounts.items():
        if not key.endswith(":round") or key not in company or not amount:
            continue
        if any(k != key and company.get(k) == company[key] and not k.endswith(":round") and a
               and abs(a - amount) / a <= Decimal("0.02") for k, a in amounts.items()):
            for r in result.results:
                r.facts[:] = [f for f in r.facts if f.subject != key]


# a model code in Japanese text ("JC-300", "KOTO-T1"): letters, a hyphen and digits
_CJK_CODE = re.compile(r"[A-Z]{1,5}-[A-Z]{0,3}\d{1,4}[A-Za-z]{0,2}")


_BULLET = re.compile(r"^\s*[・●◆◇○■□▶►※\-*]\s?\S")


def _vendorless_table_rows(result: Extraction) -> set[int]:
    """Paragraphs of the rows of a Japanese table whose header names a chip column and no maker's column."""
    from ingest.tables import cells, column_roles
    rows: set[int] = set()
    res = result.results
    i = 0
    while i < len(res):
        spans = cells(res[i].sentence.text) if res[i].sentence.lang == "ja" else []
        j = i + 1
        while spans and j < len(res) and len(cells(res[j].sentence.text)) == len(spans):
            j += 1
        if spans and j - i >= 2:
            roles = column_roles(res[i].sentence.text, spans)
            if "chip" in roles and "vendor" not in roles:
                rows |= {r.sentence.paragraph for r in res[i + 1:j]}
        i = max(j, i + 1)
    return rows


def _designers_from_topic(result: Extraction, issuer: str | None = None) -> None:
    """A chip the document never ties to a designer, named in a paragraph about one vendor ("Meta … The
    second-generation MTIA v2 moved to TSMC 5nm"), is that vendor's, with a lower confidence."""
    designed = {f.subject for r in result.results for f in r.facts if f.predicate == "designedBy"}
    # in Japanese a paragraph is about the company its sentences come to ("調達資金は…「KOTO-T1」の量産に
    # 充てる。…同社が…"): its first sentences, before the topic is named, are about it too
    para_topic: dict[int, str] = {}
    for r in result.results:
        if r.topic and r.sentence.lang == "ja":
            para_topic.setdefault(r.sentence.paragraph, r.topic)
    # "■主な製品\n・思元290（MLU290）：学習用チップ。": a bulleted list item of a Japanese document goes on about the
    # company the text was last about
    bullets = {r.sentence.paragraph for r in result.results if r.sentence.lang == "ja" and _BULLET.match(r.sentence.text)}
    # "該社の主要製品は以下の表の通り：" over a table of chips with no maker's column: its rows too
    bullets |= _vendorless_table_rows(result)
    # an interview's question or answer about "「HS-Edge」はどこで作っているんでしょう" names no company at all: in a Japanese
    # document about one company (its headline's, its disclosure's: DocContext.issuer) such a paragraph is about it
    named = {r.sentence.paragraph for r in result.results for m in r.mentions
             if m.kind == "org" and not m.extra.get("coref") and "Foundry" not in m.types}
    headline = _headline_vendor(result)
    last = None
    for r in result.results:
        topic = r.topic or para_topic.get(r.sentence.paragraph) if r.sentence.lang == "ja" else r.topic
        if topic is None and r.sentence.paragraph in bullets:
            topic = last
        if topic is None and issuer and r.sentence.lang == "ja" and r.sentence.paragraph not in named:
            topic = issuer
        if topic is None and r.sentence.lang == "en":
            topic = headline  # ("AMD third-quarter call: …" over notes that name its chips alone)
        last = r.topic_after or last
        if not topic:
            continue
        for m in r.mentions:
            given = m.extra.get("quoted") and r.sentence.lang in ("ja", "zh") or \
                r.sentence.lang in ("ja", "zh") and _CJK_CODE.fullmatch(m.text)
            cluster = m.kind == "cluster" and r.sentence.lang == "ja" and bool(m.extra.get("quoted"))  # 計算クラスタ「瀚舟」
            if m.kind != "chip" and not cluster or m.key in designed or m.extra.get("unknown") and not given:
                continue  # (a chip quoted after a chip word, 「雲燧T10」, or a model code, JC-300, is a name the text gives)
            if any(o.kind == "org" and not o.extra.get("inside") and "Foundry" not in o.types
                   and not (o.extra.get("unknown") and any(k.ids and k.text == o.text for k in r.mentions))
                   for o in r.mentions):
                continue  # another organisation in the sentence: leave it to the sentence's own rules
            r.facts.append(Fact(m.key, "designedBy", topic, m.start, m.end, 0.6, "aic_designed_by_topic"))
            designed.add(m.key)


def _headline_vendor(result: Extraction) -> str | None:
    """The one chip vendor an English document's headline (its short first line) names: what the document is about,
    for chips it names with no maker in paragraphs that name no company."""
    if result.lang != "en" or not result.results:
        return None
    first = result.results[0]
    alone = len(result.results) == 1 or result.results[1].sentence.paragraph != first.sentence.paragraph
    if len(first.sentence.text) > 120 or not alone or first.sentence.text.rstrip()[-1:] in ".。!?！？":
        return None  # (a line of its own without a full stop)
    vendors = {m.key for m in first.mentions if m.kind == "org" and m.ids and not m.extra.get("coref")
               and m.types[:1] == ("ChipVendor",)}
    others = [m for m in first.mentions if m.kind == "org" and m.key not in vendors]
    return next(iter(vendors)) if len(vendors) == 1 and not others else None


def title_topic(raw: RawDocument, context: DocContext) -> None:
    """A document about one company ("本公司…", "the Company…") names it in its title: start there."""
    from ingest.components.vocab_ruler import org_gazetteer
    import ontology
    title = raw.meta.get("title") or ""
    vocab = ontology.load_vocab()
    for hit in org_gazetteer().find(title):
        entry = vocab[hit.ids[0]]
        if entry.types[:1] == ("ChipVendor",):
            context.topic = "id:" + entry.id
            return


def entity_mentions(ex: Extraction) -> list[tuple[SentenceResult, Mention]]:
    out = []
    for r in ex.results:
        for m in r.mentions:
            if m.kind in ENTITY_KINDS:
                out.append((r, m))
    return out
