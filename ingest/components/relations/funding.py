"""`aic_funding`: funding rounds (company, round name, amount, currency, date, lead and other investors),
acquisitions and plain "X invested in Y" statements.

A round is keyed by company and round name, so sentences that add to one round ("The round was led by
X." … "Y also joined.") and documents that repeat it describe the same node. Valuations and cumulative
totals are not round amounts.
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components import mentions
from ingest.components.context import context_of
from ingest.components.relations.common import add, confidence, cue_spans, cues, guarded, of_kind
from ingest.components.relations.common import cues as cue_rows
from ingest.model import RoundInView

NAME = "aic_funding"
NOT_AMOUNT = re.compile(r"(valu|估值|評価|時価総額|market cap|市值|累计|累計|total|合計|总计|總計|in all|cumulative|超过|以上|余り|revenue|売上|营收|收入)", re.I)
XSD = "http://www.w3.org/2001/XMLSchema#"


LISTING = re.compile(r"挂牌上市|登陆|上市交易|正式上市|上場した|上場し|listed (?:on|in)|began trading|debuted (?:on|in)|went public", re.I)
# the gross proceeds of an offering are its amount, though said as a total ("total fundraising", "募资总额")
OFFERING_TOTAL = re.compile(r"total (?:fundraising|proceeds|gross proceeds|funds raised|amount raised)|"
                            r"募集资金总额|募资总额|募集資金總額|調達総額|資金調達総額", re.I)
# "寒武纪上市前的投资方", "X社の株主": the name before a possessive is the company held, not a holder
POSSESSOR = re.compile(r"^[^，,、。：:]{0,6}(?:的|の)\s*$")
SEPARATORS = ("、", "和", "及", "与", "や", "と", "等", "ほか", "なども", ",", "，")
ROUND_RANK = ("Pre-", "Series", "Angel", "Seed", "Strategic", "IPO")


def _round_rank(name: str) -> int:
    for i, p in enumerate(ROUND_RANK):
        if name.startswith(p):
            return i
    return len(ROUND_RANK)


def plain_number(d) -> str:
    """71252000000 rather than 7.1252E+10."""
    if d == d.to_integral_value():
        return str(int(d))
    return format(d.normalize(), "f")


def _not_amount(text: str, m) -> bool:
    """A valuation, a total, a share price or revenue, judged from the words just before (within the clause)."""
    before = re.split(r"[,，;；。、]", text[max(0, m.start - 48): m.start])[-1]
    before = OFFERING_TOTAL.sub(" ", before)
    return bool(NOT_AMOUNT.search(before) or NOT_AMOUNT.search(text[m.end: m.end + 6])
                or re.search(r"(per share|每股|1株|issue price|发行价|公開価格|offer price)", before, re.I))


def _clause_end(text: str, pos: int) -> int:
    m = re.compile(r"[;；。!?]|\.(?=\s|$)|,\s*(?:while|and|with|valuing|bringing|joined|alongside|as well as|which)\b|，(?:估值|使|其他|另有|此外)").search(text, pos)
    return m.start() if m else len(text)


def _clause_start(text: str, pos: int) -> int:
    last = 0
    for m in re.finditer(r"[;；。!?，]|(?<=[^\d]),(?!\d)", text[:pos]):
        last = m.end()
    return last


class Funding:
    def __call__(self, doc: Doc) -> Doc:
        ms = mentions(doc)
        ctx = context_of(doc)
        text = doc.text
        if not cue_spans(doc, "funding") and not (
                ctx.last_round is not None and (cue_spans(doc, "_lead") or cue_spans(doc, "_participate"))):
            return doc
        orgs = [m for m in of_kind(ms, "org") if not m.extra.get("inside")]
        if not orgs and ctx.last_round is None and not ctx.topic:
            return doc
        if cue_spans(doc, "_cumulative") and not any(r.value.startswith("Series") for r in of_kind(ms, "round")):
            return doc  # "before listing, its cumulative financing exceeded 10 billion": a total, not a round
        conf = confidence(doc, "funding")
        if self._acquisition(doc, orgs, conf):
            return doc
        leads, parts = set(), set()
        lead_cues, part_cues = cue_spans(doc, "_lead"), cue_spans(doc, "_participate")
        lang = doc.lang_
        by_spans = [(s, e) for s, e in lead_cues if text[s:e].lower().endswith("by")]
        lead_cues = [(s, e) for s, e in lead_cues
                     if (s, e) in by_spans or not any(a <= s < b for a, b in by_spans)]
        for o in orgs:
            if lang == "en":
                for s, e in lead_cues:
                    if (text[s:e].endswith("by") and s >= 0 and e <= o.start < _clause_end(text, e)) or \
                            (o.end <= s and s - o.end <= 16 and not text[s:e].endswith("by") and
                             not re.search(r"[.;]", text[o.end:s])):
                        leads.add(id(o))
                for s, e in part_cues:
                    w = text[s:e].lower()
                    if w in ("participation", "participat", "joined", "took part", "taking part", "backed",
                             "invested", "followed") and o.end <= s and s - o.end <= 40 \
                            and not re.search(r"[:;：；]|\s[-–—]\s", text[o.end:s]):  # not across "Groq - 2020: D1 … invested"
                        parts.add(id(o))
                    elif w in ("stakeholder", "stakeholders", "shareholder", "shareholders") and o.end <= s \
                            and s - o.end <= 40 and not re.match(r"^(?:'s|’s)", text[o.end:o.end + 2]):
                        parts.add(id(o))
                    elif w in ("from", "with", "including", "included", "alongside", "backers", "backer",
                               "investors", "investor", "also", "joined", "join") and e <= o.start < _clause_end(text, e):
                        parts.add(id(o))
                    elif (w.startswith("as ") or w.startswith("among ")) and o.end <= s and s - o.end <= 60 \
                            and _clause_start(text, s) <= o.start:
                        parts.add(id(o))  # "added D1 Capital and TDK Ventures as new investors"
            else:
                for s, e in lead_cues:
                    if o.end <= s and s - o.end <= 12 and _clause_start(text, s) <= o.start \
                            and not re.search(r"は|由", text[o.end:s]):
                        leads.add(id(o))
                for s, e in part_cues:
                    w = text[s:e]
                    if w in SEPARATORS:
                        continue
                    near = 12 if w not in ("股东", "株主", "出資者", "先后成为", "参与", "投資家として", "投資家",
                                           "的投资", "的战略投资") else 120
                    if o.end <= s and s - o.end <= near and _clause_start(text, s) <= o.start \
                            and not (near == 12 and re.search(r"は|由", text[o.end:s])) \
                            and not POSSESSOR.match(text[o.end:s]):
                        parts.add(id(o))
        if lang != "en":
            for cues, role in ((lead_cues, leads), (part_cues, parts)):
                for s, e in cues:
                    if text[s:e] in SEPARATORS:
                        continue
                    if re.match(r"^\S{0,3}(?:は|为|為|是|:|：|には|包括|有)", text[e:e + 6]):
                        prev = None
                        for o in sorted((o for o in orgs if e <= o.start < _clause_end(text, e)),
                                        key=lambda o: o.start):
                            if prev is not None and not re.fullmatch(
                                    r"\s*(?:、|,|，|和|及|与|與|と|や|以及)\s*", text[prev.end:o.start]):
                                break  # "リード投資家は X で、Y と Z も出資": only X leads
                            role.add(id(o))
                            prev = o
        # "alibaba … holds 2.08% shares", "阿里巴巴通过旗下创投平台持股2.08%": the holder is an investor, not the company
        for s, e, row in cue_rows(doc, "_hold"):
            holder = [o for o in orgs if o.end <= s and _clause_start(text, s) <= o.start]
            if holder and row.get("agent") == "before":
                parts.add(id(holder[-1]))
                leads.discard(id(holder[-1]))
        # coordinated names before a lead/participation cue share its role ("A、B和C领投")
        self._coordinate(text, orgs, leads, lead_cues)
        self._coordinate(text, orgs, parts, part_cues)
        investors = [o for o in orgs if id(o) in leads or id(o) in parts]
        company = None
        topic = ctx.topic
        sources = cue_spans(doc, "_source")
        cands = [o for o in orgs if id(o) not in leads and id(o) not in parts and
                 (not o.types or "ChipVendor" in o.types or o.extra.get("coref")) and
                 not any(0 <= s - o.end <= 3 or 0 <= o.start - e <= 3 for s, e in sources)]
        anchors = of_kind(ms, "round") + [type("C", (), {"start": s})() for s, _ in part_cues
                                          if text[s:s + 5].lower() in ("stake", "share")]
        possessive = [o for o in cands if any(re.match(r"^(?:'s|’s|的|の)", text[o.end:o.end + 2]) and
                                              0 <= r.start - o.end <= 30 and
                                              not re.search(r"[;；。，,、]", text[o.end:r.start]) for r in anchors)]
        if possessive:
            cands = possessive  # "Habana's $75 million Series B": the round belongs to the possessor
        if topic and cands and all(o.extra.get("unknown") for o in cands):
            cands = []  # a guessed name ("ロイターによれば…") does not displace the company the text is about
        if cands:
            company = min(cands, key=lambda o: (0 if topic and o.key == topic else 1,
                                                0 if (not o.types or o.types[0] == "ChipVendor") else 1, o.start))
        rounds = of_kind(ms, "round")
        money = [m for m in of_kind(ms, "money") if not _not_amount(text, m)]
        years = of_kind(ms, "year")
        ckey = company.key if company else None
        last = ctx.last_round
        if ckey is None and last and investors and not money and not rounds:
            ckey = last.company
        if ckey is None and ctx.topic and (rounds or money or investors):
            ckey = ctx.topic
        if ckey is None:
            return doc
        parties = [o for o in orgs if o.key == ckey or id(o) in leads or id(o) in parts]
        if parties and not rounds and guarded(doc, min(o.start for o in parties), max(o.end for o in parties)):
            return doc
        if not rounds and money and all(guarded(doc, m.start, m.end) for m in money):
            return doc  # "some other media said about 3.677 billion": another figure, only hearsay
        rname = min((r.value for r in rounds), key=_round_rank) if rounds else ""
        if not rounds and not money and last and last.company == ckey and investors:
            rkey = last.key
        elif (rounds or money) and not (not money and not investors and rname == "IPO"
                                         and not re.search(r"\bipo\b|initial public offering|新規株式公開|首次公开", text, re.I)
                                         and not (years and LISTING.search(text))):
            slug = rname or (str(years[0].value) if years else "round")
            rkey = f"round:{ckey}:{slug}"
        else:
            # "X invested in Y" with no round: the investment itself
            for o in investors:
                add(doc, o, "investedIn", ckey, conf * 0.95, NAME)
            return doc
        ctx.last_round = RoundInView(rkey, ckey)
        evidence = [company] if company else []
        add(doc, rkey, "fundedCompany", ckey, conf, NAME, spans=evidence)
        if rname:
            add(doc, rkey, "roundName", rname, conf, NAME, spans=rounds[:1], literal=True)
            if rname == "IPO":
                ex = re.search(r"(STAR Market|科创板|科創板|Hong Kong|香港|港交所|HKEX|Nasdaq|NASDAQ|NYSE|上海|深圳|Shanghai|Shenzhen)", text)
                if ex:
                    add(doc, rkey, "exchange", ex.group(1), conf, NAME, literal=True)
        if money:
            amt, cur = max((m.value for m in money), key=lambda v: v[0])
            add(doc, rkey, "amount", plain_number(amt), conf, NAME, spans=money[:1], literal=True,
                datatype=XSD + "decimal")
            add(doc, rkey, "currency", cur, conf, NAME, spans=money[:1], literal=True)
        if years:
            y = years[0]
            month = y.extra.get("month")
            if month:
                add(doc, rkey, "date", f"{y.value}-{month:02d}", conf, NAME, spans=[y], literal=True,
                    datatype=XSD + "gYearMonth")
            else:
                add(doc, rkey, "date", str(y.value), conf, NAME, spans=[y], literal=True, datatype=XSD + "gYear")
        for o in investors:
            if o.key == ckey:
                continue
            add(doc, rkey, "leadInvestor" if id(o) in leads else "investor", o, conf, NAME)
        return doc

    @staticmethod
    def _coordinate(text: str, orgs: list, role: set, cues: list) -> None:
        """Names joined by 、/和/と before a cue share the role of the one next to the cue."""
        ordered = sorted(orgs, key=lambda o: o.start)
        for i in range(len(ordered) - 1, 0, -1):
            a, b = ordered[i - 1], ordered[i]
            if id(b) in role and id(a) not in role and re.fullmatch(r"\s*(?:、|,|，|和|及|与|與|と|や|以及|,? and|,? as well as)\s*", text[a.end:b.start], re.I):
                role.add(id(a))

    @staticmethod
    def _acquisition(doc: Doc, orgs: list, conf: float) -> bool:
        """"A acquired B", "B was acquired by A", "AがBを買収", "BはAに買収された", "B被A收购": the buyer invests in
        the company it buys. Which side acts comes from the cue's lexicon row (`agent`), passive rows first."""
        found = cues(doc, "_acquire")
        if not found or len(orgs) < 2:
            return False
        passive = [c for c in found if c[2].get("agent") in ("after", "adjacent_before")]
        s, e, row = (passive or found)[0]
        agent = row.get("agent", "before")
        before = [o for o in orgs if o.end <= s]
        after = [o for o in orgs if o.start >= e and o.start < _clause_end(doc.text, e)] or \
            [o for o in orgs if o.start >= e]
        if agent == "after" and before and after:
            buyer, target = after[0], before[-1]
        elif agent == "adjacent_before" and len(before) >= 2:
            buyer, target = before[-1], before[-2]
        elif agent == "first" and len(before) >= 2:
            buyer, target = before[0], before[1]
        elif before and after:
            buyer, target = before[-1], after[0]
        else:
            return False
        if guarded(doc, min(buyer.start, target.start), max(buyer.end, target.end)):
            return True
        add(doc, buyer, "investedIn", target, conf, NAME)
        return True


@Language.factory(NAME, assigns=["doc._.facts"], requires=["doc._.mentions"])
def make(nlp: Language, name: str) -> Funding:
    return Funding()
