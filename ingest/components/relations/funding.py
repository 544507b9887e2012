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
from ingest.components.relations.common import acts_in, add, confidence, cue_spans, cues, guarded, of_kind
from ingest.components.relations.common import cues as cue_rows
from ingest.components.relations.common import LEGAL_AFTER_COMMA
from ingest.model import RoundInView

NAME = "aic_funding"
NOT_AMOUNT = re.compile(r"(valu|估值|評価|時価総額|企業価値|企业价值|バリュエーション|market cap|市值|累计|累計|total|合計|总计|總計|in all|cumulative|超过|以上|余り|revenue|売上|营收|收入)", re.I)
XSD = "http://www.w3.org/2001/XMLSchema#"


LISTING = re.compile(r"挂牌上市|登陆|上市交易|正式上市|首发募资|上場した|上場し|listed (?:on|in)|began trading|debuted (?:on|in)|went public|"
                     r"在[^，。；,]{0,12}?(?:科创板|科創板|创业板|主板|港交所|联交所|北交所|交易所|纳斯达克)(?:挂牌)?上市|"
                     # ("于1月2日在港交所挂牌", "此次全球发售募集资金…": a listing, and the offering a Hong Kong listing is)
                     r"在[^，。；,]{0,12}?(?:科创板|科創板|创业板|主板|港交所|联交所|北交所|交易所|纳斯达克)挂牌|全球发售|全球發售", re.I)
# the gross proceeds of an offering are its amount, though said as a total ("total fundraising", "募资总额")
OFFERING_TOTAL = re.compile(r"total (?:fundraising|proceeds|gross proceeds|funds raised|amount raised)|"
                            r"募集资金总额|募资总额|募集資金總額|調達総額|資金調達総額", re.I)
# "寒武纪上市前的投资方", "X社の株主": the name before a possessive is the company held, not a holder
POSSESSOR = re.compile(r"^[^，,、。：:]{0,6}(?:的|の)\s*$")
POSSESSOR_JA = re.compile(r"^(?!.*からの\s*$)[^，,、。：:]{0,6}の\s*$")  # in Japanese 的 makes adjectives ("戦略的投資家")
# ("Xからの参加", participation from X, is X taking part, not X's)
# "a 4% stake in Y", "12% of Y", "shares of Y": the words that close on the company held
HELD_OBJECT = re.compile(r"\b(?:stake|shares?|interest|%)\s+(?:\w+\s+){0,2}(?:in|of)\s+(?:the\s+)?$|%\s*(?:in|of)\s+$", re.I)
# "made a follow-on investment in Y", "invested in Y", "is investing in Y": the words that close on the company invested in
EN_INVESTEE = re.compile(r"(?:\binvest(?:ed|s|ing|ment|ments)?\s+(?:(?:directly|also|further|again|heavily)\s+)?in|"
                         r"\b(?:stake|position|holding|shareholding|equity interest)\s+in|\b(?:cheque|check)s?\s+for|"
                         r"\b(?:an?|the)\s+(?:early\s+|first\s+|existing\s+|major\s+|lead\s+)?(?:investor|backer|shareholder)\s+in)"
                         r"\s+(?:the\s+)?$", re.I)
# "Y（Latin）の株主", "Y的主要股东": the possessive between a name and a shareholder cue
HOLDERS_OF = re.compile(r"\s*(?:[（(][^（）()]{1,40}[）)]|[）)])?\s*(?:的|の)\s?(?:他の|其他|主要|筆頭|第一大|大)?\s?")
# what may stand between a Japanese name and its particle: its other spelling in brackets ("科大訊飛（iFlytek）が")
JA_AFTER_NAME = r"\s*(?:[（(][^（）()]{1,40}[）)])?\s*"
# the subject of a Japanese holding sentence: "アリババ（Alibaba）は…の株式2.08%を保有"
JA_HOLDER_SUBJECT = re.compile(JA_AFTER_NAME + r"(?:は|が|も)")
# "Drummond Capital, which holds 12%": the name before a relative pronoun is its subject
RELATIVE = re.compile(r"\s*,\s*(?:which|who|that)\s+(?:also\s+|now\s+|still\s+)?", re.I)
# "an early Quillfire backer", "a longtime Nimbic investor": a name used as the modifier of a backer noun
BACKER_NOUN = re.compile(r"^['’]?s?\s+(?:backers?|investors?|shareholders?|stakeholders?)\b", re.I)
# ", also an early ": the opening of an appositive that describes the name before the comma
APPOSITION_OPENING = re.compile(r",\s*(?:also\s+|itself\s+)?(?:an?|the|one)\s+(?:[a-z-]+\s+){0,2}$")
# ", which we backed at seed in 2023,": a relative clause that names an earlier backer of the company before it
BACKED_ASIDE = re.compile(r",\s*(?:which|whom|in which)\s+(?P<who>[A-Z]?[\w&' -]{1,40}?)\s+(?:had\s+|has\s+|first\s+|originally\s+)?"
                          r"(?:backed|funded|seeded|invested in|led)\b[^,;]{0,40},")
# a second clause whose subjects list: ", while Moore Threads and MetaX went public on …"
LISTED_CLAUSE = re.compile(r"(?:,\s*(?:while|whereas|and)|;)\s+(?P<names>[A-Z][^,;]{1,80}?)\s+(?:also\s+)?"
                           r"(?:went public|listed (?:on|in)|debuted on|began trading on)\b")
ROUND_RANK = ("Pre-", "Series", "Angel", "Seed", "Strategic", "IPO")
# "Backed by A and B, Y has secured …", "Led by A, the round …": a participle clause that opens an English sentence names
# investors; the name after its comma is the subject (opens_sentence, Funding._roles)
EN_FRONTED_BY = re.compile(r"^(?:co-)?(?:led|backed|supported|funded|financed|bankrolled|anchored|headed|spearheaded)"
                           r"\s+by\s+[^;:]{1,120}?,\s*$", re.I)
# "the $45 million Series B for Y", "a seed round for Y", "$12 million into Y": the name right after a round or its amount
# and for/into/in is the company funded, never a party (English)
EN_ROUND_FOR = re.compile(r"\s+(?:(?:(?:funding|financing|investment|equity|seed|growth)\s+)?(?:round|raise)\s+)?"
                          r"(?:for|into|in)\s+(?:the\s+)?")
# "We also backed Orrin Labs in its seed round", "Lune Capital funded Thornby Compute": the object of an active verb of
# backing is the company funded (not the object of a relative clause: "X, which backed Y, led …"; not after the
# adjective "-backed": "Government-backed Shanghai Innovital Capital … joined" is an investor)
EN_BACKED_OBJECT = re.compile(r"(?<!\bwhich )(?<!\bwho )(?<!\bthat )\b(?:(?:also|first|then|later|again|have|has|had|jointly|"
                              r"co-?)\s+)*(?<![-‐])(?:backed|backs|funded|funds|seeded|seeds|financed|bankrolled|bankrolls)\s+(?:the\s+)?$",
                              re.I)
# "Redesdale Ventures, which has also backed Orrin Labs, led …": a relative clause between the verb and its subject
RELATIVE_BEFORE = re.compile(r",\s*(?:which|who|that)\s+(?:[\w-]+\s+){0,3}$", re.I)
# what opens an item of a list: "- ", "* ", "• ", "3. ", "(b) "
LIST_ITEM = re.compile(r"^\s*(?:[-–—*•·▪►]|\(?\d{1,2}[.)]|\([a-z]\))\s+")
# the words that join the names of an English list, and the ones that close it ("A, B and C")
EN_LIST_GAP = re.compile(r"\s*(?:,|,?\s*and|,?\s*as well as|&)\s*(?:the\s+)?", re.I)
EN_LIST_LAST = re.compile(r"\s*(?:,?\s*and|,?\s*as well as|&)\s*(?:the\s+)?", re.I)


# the break between two clauses of an English sentence that each tell a round ("…, and last year we raised …")
EN_CLAUSE_BREAK = re.compile(r",\s+(?:and|but|while|whereas|then|before|after)\s+|;\s+|\s+[-–—]\s+")


def _round_clauses(text: str, rounds: list) -> list:
    """(round, start, end) for each clause of a sentence that names rounds of different names, one in each clause,
    split where a clause break lies between two of them (English); [] when the sentence tells one round."""
    ordered = sorted(rounds, key=lambda r: r.start)
    if len({r.value for r in ordered}) < 2 or len({r.value for r in ordered}) != len(ordered):
        return []
    cuts = []
    for a, b in zip(ordered, ordered[1:]):
        m = None
        for m in EN_CLAUSE_BREAK.finditer(text, a.end, b.start):
            pass
        if m is None:
            return []
        cuts.append(m.start())
    bounds = [0] + cuts + [len(text)]
    return [(r, bounds[i], bounds[i + 1]) for i, r in enumerate(ordered)]


def _clause_round(doc: Doc, ctx, ckey: str, r, invs: list, money: list, years: list, leads: set, conf: float) -> None:
    """The facts of a round that a clause of its own tells ("Our seed came from A, and …"): its name, amount, year
    and the investors named in that clause."""
    rkey = f"round:{ckey}:{r.value}"
    if not any(k.key == rkey for k in ctx.rounds.get(ckey, [])):
        ctx.rounds.setdefault(ckey, []).append(RoundInView(rkey, ckey, years[0].value if years else None))
    add(doc, rkey, "fundedCompany", ckey, conf, NAME, spans=[r])
    add(doc, rkey, "roundName", r.value, conf, NAME, spans=[r], literal=True)
    if money:
        amt, cur = max((m.value for m in money), key=lambda v: v[0])
        add(doc, rkey, "amount", plain_number(amt), conf, NAME, spans=money[:1], literal=True, datatype=XSD + "decimal")
        add(doc, rkey, "currency", cur, conf, NAME, spans=money[:1], literal=True)
    if years:
        add(doc, rkey, "date", str(years[0].value), conf, NAME, spans=years[:1], literal=True, datatype=XSD + "gYear")
    for o in invs:
        if o.key != ckey:
            add(doc, rkey, "leadInvestor" if id(o) in leads else "investor", o, conf, NAME)


def _fronted_end(text: str, orgs: list, s: int, e: int) -> int | None:
    """"Backed by A, B and C, Y raised …": a cue that opens the sentence (past a list mark) and names a list closed by a
    comma; the end of that list (its last item is the one joined by "and"; with no "and", the first name alone)."""
    if LIST_ITEM.sub("", text[:s], count=1).strip(" \t*#>"):
        return None
    items, gaps, cur = [], [], e
    for o in sorted((o for o in orgs if o.start >= e), key=lambda o: o.start):
        gap = text[cur:o.start]
        if not (re.fullmatch(r"\s*(?:the\s+)?", gap) if not items else EN_LIST_GAP.fullmatch(gap)):
            break
        items.append(o)
        gaps.append(gap)
        cur = o.end
    if not items:
        return None
    last = next((i for i, g in enumerate(gaps) if i and EN_LIST_LAST.fullmatch(g)), 0)
    end = items[last].end
    return end if re.match(r"\s*,", text[end:]) else None


def _own_item(doc: Doc, o, orgs: list) -> bool:
    """The name opens an item of a list ("- Harlan Devices, which …, took in $5M"): the company the item is about, not
    the one an earlier item was (English)."""
    return doc.lang_ == "en" and bool(LIST_ITEM.match(doc.text)) and o is min(orgs, key=lambda n: n.start) \
        and opens_sentence(doc, o)


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


def _not_amount(text: str, m, cjk: bool = False) -> bool:
    """A valuation, a total, a share price or revenue, judged from the words just before (within the clause)."""
    before = re.split(r"[,，;；。、]", text[max(0, m.start - 48): m.start])[-1]
    before = OFFERING_TOTAL.sub(" ", before)
    if not cjk and not re.search(r"\b(?:its|their|bring\w*|takes?|took|lifts?|to date)\b", before, re.I):
        before = ROUND_TOTAL.sub(" ", before)  # "raised a total of $50 million in its Series B": this round's amount
    after = text[m.end: m.end + 6]
    if cjk:  # "筹集了10亿元，投后估值约248亿元": the valuation of the next clause is not this amount's
        after = re.split(r"[,，;；。、]", after)[0]
    return bool(NOT_AMOUNT.search(before) or NOT_AMOUNT.search(after)
                or re.search(r"(per share|每股|1株|issue price|发行价|公開価格|offer price)", before, re.I))


ROUND_TOTAL = re.compile(r"\b(?:a|the) total(?: amount)?(?: of)?\s*$", re.I)  # ("with a total amount of 4.5 billion yen": 総額)
# "6億9300万ドル（約1040億円）": an amount in brackets right after another one is its conversion
CONVERSION_GAP = re.compile(r"^\s*[（(]\s*(?:[^（()）。]{0,12}?(?:レートで|换算|換算|汇率)\s*)?(?:约|約|およそ|approx\.?|about|around|~|≈)?\s*$", re.I)
# "成立于2016年", "2022年8月に設立され": the year a company was founded is not the date of a round
FOUNDED_BEFORE = re.compile(r"(?:成立|创立|創立|创办|創辦|设立|設立|創業|founded|established|incorporated)\s*(?:于|於|in)?\s*$", re.I)
FOUNDED_AFTER = re.compile(r"^\s*(?:に|年)?\s*(?:成立|创立|創立|创办|設立|創業)")
# "X、Y、そしてTikTokを運営するZ": the last item of a list, after "and" and a short description of it
LAST_ITEM = re.compile(r"^[^。；;，,]{0,4}(?:そして|および|及び|並びに|以及|还有|還有)[^。；;、，,]{0,12}$")
# "上市前，公司曾于2017年完成A轮融资": "before listing" as a time phrase, when the sentence names its round
BEFORE_LISTING = re.compile(r"^(?:上市前|上場前|ipo前)$", re.I)


# an English time before a listing that the round pattern reads as a round ("before the listing", "before its IPO")
EN_BEFORE_LISTING = re.compile(r"before\b", re.I)
BEFORE_WORD = re.compile(r"\s?(?:之前|以前|前夕|前|の前|以前に)")
# "收购了该公司", "收购后者": the company bought is written before the buyer and pointed back at after the cue
ZH_BACK_OBJECT = re.compile(r"\s?了?\s?(?:该公司|该企业|后者|後者|其(?!他|余|中))")
# "AI芯片初创企业芯屿半导体", "芯片公司芯湃微": a name right after the words that say it is a company is the one described
ZH_DESCRIBED = re.compile(r"(?:芯片|半导体|科技|计算|算力|[A-Za-z])(?:公司|企业|初创公司|初创企业|创企|厂商|独角兽)\s?$")
# "ラピダスは2022年8月に設立され…8社が出資した": a company of any kind that opens the sentence as its topic
TOPIC_MARKER = re.compile(r"^\s*(?:は|も)(?!、)")
# the subject marker after a Japanese name (and its other spelling in brackets): "科大訊飛（iFlytek）が"
JA_SUBJECT_GA = re.compile(JA_AFTER_NAME + "が")
# the topic marker after a Japanese name and its other spelling in brackets: "赤城電子（Grox Compute）は"
JA_SUBJECT_AFTER = re.compile(JA_AFTER_NAME + r"(?:は|も)(?!、)")


# the marks that open a section heading or a bullet in Japanese and Chinese text
HEADING_MARKS = " \u3000■□◆◇●○▼▽▲△★☆◎▶▷►"


def opens_sentence(doc: Doc, o) -> bool:
    """The name opens the sentence: nothing before it but punctuation ("-- Harrowgate AI Inc. said …") or, in
    English, words that only describe it ("Brisbane-based Solenne Labs closed …")."""
    before = doc.text[:o.start]
    if doc.lang_ != "en":  # (a section heading's mark is no word: "■X、シリーズCで45億円")
        return not CJK_TIME_OPENING.sub("", before.lstrip(HEADING_MARKS), count=1).strip()
    before = INTRO_PHRASE.sub("", before.lstrip(" -–—*"), count=1)  # "In January, Brackenfield raised …"
    before = re.sub(r"^[A-Z][\w.-]*['’]s\s+$", "", before)  # "Toronto's Maplewire AI closed …"
    if EN_FRONTED_BY.match(LIST_ITEM.sub("", before, count=1)):
        return True  # "Backed by Ordway Capital, Pembury AI has secured …"
    if not before.strip(" \t-–—*#>|\"'“”‘’()[]"):
        return True
    from ingest.components.context import DESCRIBED
    return bool(DESCRIBED.match(before.lstrip(" -–—*")))


def _describes_next(doc: Doc, orgs: list, end: int) -> bool:
    """A shareholder cue that describes the name right after it ("Yの主要株主でもあるX", "Y的股东X"), joined by
    nothing or by a copula (name_words kind describes_next), not a predicate of the names before it."""
    from ingest.components.cjk_names import name_words
    words = "|".join(re.escape(w) for w in name_words(doc.lang_).get("describes_next", ()))
    gap = re.compile(rf"\s?(?:{words})?\s?" if words else r"\s?")
    return any(o.start >= end and gap.fullmatch(doc.text[end:o.start]) for o in orgs)


# a time that opens a Japanese or Chinese sentence before its subject ("2021年3月，X完成…", "2023年、Xは…", "今年2月，")
CJK_TIME_OPENING = re.compile(r"^\s*(?:(?:19|20)\d\d年(?:\d{1,2}月)?(?:\d{1,2}日)?|(?:今年|去年|同年|前年|翌年|昨年|本年)(?:\d{1,2}月)?"
                              r"(?:\d{1,2}日)?|\d{1,2}月(?:\d{1,2}日)?)(?:[初底中末]|上旬|中旬|下旬)?(?:に|には)?\s?[，,、]\s*")
# "磐擎科技于2026年1月2日在港交所上市", "X和Y则先后登陆科创板": the name right before the time or place of a listing (or
# of its list, past "和"/"、") is the company listed, wherever the sentence begins
ZH_LISTS_ITSELF = re.compile(r"\s?(?:[（(][^（）()]{1,30}[）)])?\s?(?:也|亦|则|已|还|均|都|随后|先后|同样|相继)*"
                             r"(?:(?:于|在)[^，,。；;、（）()]{0,24}?(?:挂牌上市|上市|登陆|挂牌)|登陆)")
# a time or linking phrase that opens an English sentence before its subject
INTRO_PHRASE = re.compile(r"^(?:(?:In|On|By|During|Since|Earlier|Later|Last|This|Next|Early|Late)\b[^,;.]{0,30}|"
                          r"Separately|Meanwhile|Also|Now|Today|Yesterday|Previously|Since then),\s*")


# "Amazon founder Jeff Bezos", "TikTok owner ByteDance": a name that describes the person or company after it
DESCRIBES_NEXT = re.compile(r"['’]?s?\s+(?:co-?)?(?:founder|owner|parent|maker|creator|operator|chief executive|ceo|"
                            r"chairman|chairwoman|boss)\s+")
EN_TIME_BEFORE = re.compile(r"\b(?:ahead of|before|prior to|after|since)\s+(?:the|its|their|a)\s+$", re.I)
# machine translation's relative that describes a party by its owner: "Mitsune Capital (三峰キャピタル) which is the venture
# capital company of the Mitsune Bank"
MT_RELATIVE_OF = re.compile(r"\s*(?:\([^()\n]{1,24}\)\s*)?,?\s*(?:which|that|who)\s+(?:is|was|are|were)\s+(?:the|an?|its)\s+"
                            r"(?:[\w&'’-]+\s+){0,3}?(?:of|at|to|behind)\s+(?:the\s+)?", re.I)
# "Oshiba Innovation Fund which Oshiba Bank operates, also participated", "X, which is managed by Y, joined": a relative
# clause whose subject (or passive agent) is the party's owner or manager, between the party and the cue
OWNER_RELATIVE = re.compile(r"\s*(?:\([^()\n]{1,24}\)\s*)?,?\s*(?:(?:which|that|whom)\s+(?:the\s+)?|"
                            r"(?:which|that)\s+(?:is|was|are|were)\s+(?:[a-z]+ed|run)\s+by\s+(?:the\s+)?)", re.I)
OWNER_RELATIVE_END = re.compile(r"(?:\s+[a-z]+s)?\s*,\s*(?:(?:also|too|then|newly|has|have|had)\s+)*", re.I)
# "Xilinx, which AMD acquired": the name before an object relative is what its subject acquires
OBJECT_RELATIVE = re.compile(r"\s*,\s*(?:which|whom|that)\s+(?:the\s+)?")
# "bought the Israeli AI chip developer", "acquired the company": a description after the cue, not a name
DESCRIBED_TARGET = re.compile(r"\s+(?:the|its)\s+(?:[\w-]+\s+){0,4}?(?:company|start-?up|firm|chipmaker|developer|"
                              r"designer|maker|vendor|business)\b")


def said_of_itself(doc: Doc, o) -> bool:
    """"Harrowgate AI Inc. said on Wednesday that it has raised …": a company reporting its own round is no source."""
    from ingest.components.relations.common import _SAID_THAT
    return doc.lang_ == "en" and _SAID_THAT.match(doc.text, o.end) is not None


def _lists_itself(text: str, o, orgs: list) -> bool:
    """A Chinese name that is the subject of a listing verb after it (ZH_LISTS_ITSELF), alone or as an item of the list
    of names before that verb ("栖霁电子和溟溪科技则先后登陆科创板")."""
    while True:
        if ZH_LISTS_ITSELF.match(text, o.end):
            return True
        o = next((n for n in orgs if n.start > o.end and re.fullmatch(r"\s?(?:[（(][^（）()]{1,30}[）)])?\s?[和与及、]\s?",
                                                                      text[o.end:n.start])), None)
        if o is None:
            return False


def _opens_as_topic(text: str, o) -> bool:
    return not text[:o.start].strip() and bool(TOPIC_MARKER.match(text[o.end:o.end + 2]))


def _conversions(text: str, money: list) -> list:
    """The amounts that only convert the one before them."""
    ordered = sorted(money, key=lambda m: m.start)
    return [b for a, b in zip(ordered, ordered[1:]) if CONVERSION_GAP.match(text[a.end:b.start])]


def _round_years(text: str, years: list) -> list:
    """Years other than founding years (all of them when every year is one)."""
    kept = [y for y in years if not (FOUNDED_BEFORE.search(text[max(0, y.start - 18):y.start])  # ("incorporated in ")
                                     or FOUNDED_AFTER.match(text[y.end:y.end + 6]))]
    return kept or years


def _clause_end(text: str, pos: int) -> int:
    m = re.compile(r"[;；。!?]|\.(?=\s|$)|,\s*(?:while|and|with|valuing|bringing|joined|alongside|as well as|which)\b|，(?:估值|使|其他|另有|此外)").search(text, pos)
    return m.start() if m else len(text)


def _clause_start(text: str, pos: int) -> int:
    last = 0
    for m in re.finditer(r"[;；。!?，]|(?<=[^\d]),(?!\d)", text[:pos]):
        last = m.end()
    return last


# "Fidelity Management & Research Company、Baillie Gifford": a corporate word the name's label leaves out
CORPORATE_TAIL = r"(?:\s*(?:Company|Co\.|Inc\.?|Corp\.?|Ltd\.?|LLC|L\.P\.|LP|Limited|株式会社|有限公司))?"
# names in a list, each perhaps with an aside and its stake: "科大訊飛（iFlytek、保有比率1.19%）、聯想創投",
# "阿里巴巴（Alibaba）持株2.08%、科大訊飛"
JOINED = re.compile(CORPORATE_TAIL + r"[\s\"”」』]*(?:[（(]?[^（()）]{0,30}[）)])?\s*(?:(?:持株|持ち株|保有比率|出資比率|持股)?\s*"
                    r"[0-9][0-9.]*\s*[%％]\s*)?(?:、|,|，|和|及|与|與|と|や|以及|/|／)[\s\"“「『]*")
AFTER_ETC = re.compile(r"等[^、，,。；]{0,4}$")
# between two names of a Japanese or Chinese list, with the aside of the first and a word on the second:
# "紅点中国（Redpoint Ventures China）、上海のDelta Capital、そしてテンセント"
CJK_LIST_GAP = re.compile(r"\s*(?:[（(][^（()）、，,。]{1,30}[）)])?\s*(?:、|，|和|及|与|與|と|や|以及|および|及び|並びに|/|／)\s*"
                          r"(?:そして|および|及び|並びに|还有|以及)?\s*(?:[^、，,。（()）\s]{1,6}?(?:の|的))?\s*")
_EN_BREAK = re.compile(r"[.;:：；]|\s[-–—]\s")
# "橘洲基金、雁丘クラウドの投資部門である雁丘キャピタルが": an item of a list described by its owner before it
_JA_UNIT_GAP = re.compile(r"\s*、\s*[^、。]{1,16}?の(?:投資部門|投資子会社|投資会社|ベンチャーキャピタル部門|CVC|子会社)"
                          r"(?:である|の)\s*")


def _outermost(found: list) -> list:
    """Cues not inside a longer cue of the same kind ("led" inside "led by", "investors" inside "as investors")."""
    return [c for c in found if not any(o is not c and o[0] <= c[0] and c[1] <= o[1] and o[1] - o[0] > c[1] - c[0]
                                        for o in found)]


# "State carrier A and food-delivery platform B subscribed …": a list whose next name has a description before it (English)
EN_DESCRIBED_NEXT = re.compile(r"\s*,?\s+(?:and|as well as)\s+(?:(?!(?:led|joined|invested|participated|followed|backed|"
                               r"also|then|later|its|their)\b)[a-z][a-z-]+\s+){1,3}")
MATTER_JA = re.compile(r"[）)]?\s?(?:[（(][^（）()]{1,30}[）)])?\s?(?:について|に関して|に関し|をめぐ)")


def _before_ok(doc: Doc, gap: str, o, s: int, window: int) -> bool:
    """A name written before its cue takes the role unless a sentence break, a topic marker or a possessive
    ("X's shareholders", "寒武纪的股东") lies between."""
    if re.match(r"^(?:'s|’s|['’](?=\s)|,?\s*whose\b)", gap) or re.match(r"^\s*(?:的|の)[^がはも]*$", gap):
        return False  # "昆仑芯的第一大股东" (but "Xの3社が共同で主導": the name is the subject)
    if doc.lang_ == "ja" and MATTER_JA.match(gap):
        return False  # "子会社の昆侖芯（クンルンシン）について、同社は筆頭株主として…": the matter, not the holder
    if doc.lang_ == "en":
        legal = LEGAL_AFTER_COMMA.match(gap)
        if legal:
            gap = gap[legal.end():]  # "Rivenhall Holdings, Inc. invested in …": the name's own legal form
        if gap.startswith(".") and re.search(r"\b(?:Ltd|Inc|Corp|Co|Bhd|Pte|L\.P)$", o.text):
            gap = gap[1:]  # "Uzumasa Industries Co., Ltd. became …": the period of the legal form
        return not _EN_BREAK.search(gap)
    return _clause_start(doc.text, s) <= o.start and not (window <= 12 and re.search(r"は|由", gap)) \
        and not (POSSESSOR_JA if doc.lang_ == "ja" else POSSESSOR).match(gap)


def _conducts(doc: Doc, o) -> bool:
    """Japanese, by the parse: the name is the subject of a relative clause on the round ("Xが実施するシリーズCの第三者
    割当増資", "Xが行った資金調達"): the company that raises it (a verb that is itself a lead or participation cue names
    an investor: "Xが主導したラウンド")."""
    from ingest.components.relations.common import governing_verb
    gov = governing_verb(doc, o)
    if gov is None or not gov[1].startswith("nsubj") or gov[0].dep_.removesuffix("_bunsetu") != "acl":
        return False
    verb = gov[0]
    roles = cue_spans(doc, "_lead") + cue_spans(doc, "_participate")
    if any(s <= verb.idx < e for s, e in roles):
        return False
    spans = [(r.start, r.end) for r in of_kind(mentions(doc), "round")] + cue_spans(doc, "funding")
    t = verb.head
    for _ in range(3):  # "シリーズC|の|第三者割当|増資": the round word and the nouns it modifies
        if any(s <= t.idx < e for s, e in spans):
            return True
        if t.dep_.removesuffix("_bunsetu") not in ("nmod", "compound") or t.head is t:
            break
        t = t.head
    return False


def _ja_parse_subject(doc: Doc, o) -> bool:
    """Japanese, by the parse: the name is the subject (nsubj) of a funding cue of the main clause, whatever describes
    it before ("学習用チップを開発するXは9月、…調達した"): the company that raises the round, though it does not open
    the sentence (a subject of a relative clause, "Xが出資したY", is not)."""
    from ingest.components.relations.common import governing_verb
    gov = governing_verb(doc, o)
    if gov is None or not gov[1].startswith("nsubj") or gov[0].dep_.removesuffix("_bunsetu") == "acl":
        return False
    verb, spans = gov[0], cue_spans(doc, "funding")
    for _ in range(4):  # up the head chain within the clause
        if any(s <= verb.idx < e for s, e in spans):
            return True
        if verb.head is verb or verb.dep_.removesuffix("_bunsetu") in ("acl", "advcl", "ccomp", "csubj", "conj", "parataxis"):
            break
        verb = verb.head
    return False


def _owns(text: str, o, anchor: int) -> bool:
    """"Habana's $75 million Series B", "Tessaline Robotics, whose other shareholders": the possessor's."""
    m = re.match(r"^(?:'s|’s|['’](?=\s)|的|の|,?\s*whose\b)", text[o.end:o.end + 8])
    return bool(m) and 0 <= anchor - o.end <= 30 and not re.search(r"[;；。，,、]", text[o.end + m.end():anchor])


def _chain_before(text: str, orgs: list, s: int, window: int) -> list:
    """The names listed right before a cue ("added A, B and C as investors" -> A, B, C, not the subject)."""
    before = sorted((o for o in orgs if o.end <= s and s - o.end <= window), key=lambda o: -o.start)
    if not before or not re.fullmatch(r"[\s,，、]*", text[before[0].end:s]):
        return []  # the cue must follow the list
    out = before[:1]
    for o in before[1:]:
        if not re.fullmatch(r"\s*(?:,|，|、|和|及|与|と|や)?\s*(?:and|as well as)?\s*", text[o.end:out[-1].start], re.I):
            break
        out.append(o)
    return out


# "Earlier backers include A, as well as B and TikTok owner C": a list that goes on past its clause
AS_WELL_AS = re.compile(r"\s*,?\s*as well as\s+")
LIST_ON = re.compile(r"\s*(?:,\s*|,?\s*and\s+)")


def _listed_on(text: str, orgs: list, last) -> list:
    """The names an English list adds with "as well as" after the last name its cue reaches (and those joined
    to them by commas or "and"); a name that only describes the next ("TikTok owner ByteDance") gives way to it."""
    out, cur, first = [], last, True
    for o in sorted((o for o in orgs if o.start >= last.end), key=lambda o: o.start):
        gap = text[cur.end:o.start]
        if cur is not last and DESCRIBES_NEXT.fullmatch(gap):
            out.remove(cur)
        elif not (AS_WELL_AS if first else LIST_ON).fullmatch(gap) and not (not first and AS_WELL_AS.fullmatch(gap)):
            break
        out.append(o)
        cur, first = o, False
    return out


# "**沐曦股份**：…", "Kestrel Labs: …": a name that opens a line as its label, then a colon
LABEL_AFTER = re.compile(r"\s*[*＊]*\s*[：:](?!\d)")
# ", the family office of ", ", the venture arm of ": an appositive that describes the party named before it
APPOSITIVE_OF = re.compile(r"\s*(?:,\s*|(?:\([^()\n]{1,24}\)\s*)?,?\s*(?:which|that|who)\s+(?:is|was|are|were)\s+)"
                           r"(?:the|an?|its)\s+(?:[\w&'’-]+\s+){0,3}?(?:of|at|to|behind)\s+(?:the\s+)?", re.I)
# (and machine translation's relative: "Mitsune Capital (三峰キャピタル) which is the venture capital company of the Mitsune Bank")
# (and past a relative clause: "Cobbold Street Ventures, which wrote the company's seed cheque last year, followed on")
APPOSITIVE_THEN_CUE = re.compile(r"\s*,\s*(?:the|an?|its|which|who)\s+[^,;.()]{1,80},\s*(?:also\s+|too\s+|then\s+|have\s+|has\s+|had\s+)*",
                                re.I)
APPOSITIVE_END = re.compile(r"[,;.()]|\band\b|\bas well as\b")


# ", whose early backers included A and B," after a company's name: a relative clause that lists its holders
WHOSE_BACKERS = re.compile(r",\s+whose\s+(?:[\w-]+\s+){0,2}(?:backers|investors|shareholders)\s+(?:[\w-]+\s+)?"
                           r"(?:include|included|includes|are|were|have included)\b[^;]*?(?:,(?=\s+[a-z])|;|$)")


def _whose_backers(text: str, orgs: list) -> list:
    """(holder, company) for the names of a relative clause after a company that says who backs it (English)."""
    out = []
    for o in orgs:
        m = WHOSE_BACKERS.match(text, o.end)
        if m is not None and not o.extra.get("coref"):
            out += [(n, o) for n in orgs if m.start() < n.start and n.end <= m.end()]
    return out


def _described_parties(text: str, orgs: list) -> list:
    """Names that only describe a party (English): the owner in "Amazon founder Jeff Bezos", and every name of an
    appositive after a party ("Halvard Holdings, the family office of Zintra founder Mel Osgood", "Intel Capital,
    the venture arm of Intel") up to the end of that appositive. They take no role in the round."""
    ordered = sorted(orgs, key=lambda o: o.start)
    out = [o for o in ordered if any(DESCRIBES_NEXT.fullmatch(text, o.end, n.start) for n in ordered)]
    for prev, o in zip(ordered, ordered[1:]):
        if prev.key == o.key or not APPOSITIVE_OF.fullmatch(text, prev.end, o.start):
            continue
        end = APPOSITIVE_END.search(text, o.end)
        out += [n for n in ordered if o.start <= n.start and (end is None or n.end <= end.start()) and n not in out]
    return out


# the words between a round and the company it is of ("the Series A of Quist AI", "the seed round of the X")
EN_ROUND_OF = re.compile(r"\s+(?:(?:funding|financing|investment)\s+)?(?:round\s+)?of\s+(?:the\s+)?")
# a round named as what an investor was in it ("A轮的领投方鹤峰资本", "B轮投资方"): the party's role in that round
ZH_ROUND_ROLE = re.compile(r"\s?的?(?:领投方|领投机构|领投人|投资方|投资机构|投资人)\s?")


class Funding:
    def __call__(self, doc: Doc) -> Doc:
        self._read(doc)
        if doc.lang_ == "en":
            self._listed_in_clause(doc, mentions(doc))
        return doc

    def _read(self, doc: Doc) -> Doc:
        ms = mentions(doc)
        ctx = context_of(doc)
        text = doc.text
        if doc.lang_ == "ja" and self._allotment_line(doc, ms, ctx):
            return doc
        if ctx.last_round is None and ctx.recent_round and ctx.paragraph - ctx.recent_round[0] <= 2 \
                and cue_spans(doc, "_role_list"):
            ctx.last_round = ctx.recent_round[1]  # "联合领投方：A、B" on a line of its own under the round's news
        if doc.lang_ == "ja" and ctx.last_round is None and ctx.recent_round and ctx.paragraph - ctx.recent_round[0] <= 2 \
                and not of_kind(mentions(doc), "round") and not of_kind(mentions(doc), "money"):
            # an interview's answer to "who invested?" ("Xさんにリードを取ってもらって…"), a paragraph or two after the
            # round it names, whose every name leads, takes part or says it invests: that round's investors
            named = [o for o in of_kind(mentions(doc), "org") if not o.extra.get("inside") and not o.extra.get("coref")]
            leads, parts = self._roles(doc, named)
            if named and (leads or parts) and all(id(o) in leads or id(o) in parts or o.extra.get("standing") == "Investor"
                                                  for o in named):
                ctx.last_round = ctx.recent_round[1]
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
        if doc.lang_ in ("ja", "zh") and self._acquires(doc):
            return doc  # "…を約65億ドルで買収すると発表した" with one party unnamed: an acquisition is no round
        leads, parts = self._roles(doc, orgs)
        if doc.lang_ in ("ja", "zh"):
            # "インテルの投資部門であるインテル・キャピタルが主導", "腾讯旗下的腾讯投资领投": the owner of a fund named here is
            # not the investor (where the fund is not named, "上海国际集团旗下基金领投", the owner stands for it)
            for s, e, row in cue_rows(doc, "_parent"):
                if row.get("agent") != "before":
                    continue
                for o in orgs:
                    # the fund named after the cue, or as the subject the owner describes ("海尔资本是海尔集团旗下的投资平台")
                    named = any(0 <= f.start - e <= 6 for f in orgs) or any(
                        f.end <= o.start and re.fullmatch(r"\s?(?:是|为|為|系|は|も)\s?", text[f.end:o.start]) for f in orgs)
                    if 0 <= s - o.end <= 3 and named:
                        leads.discard(id(o))
                        parts.discard(id(o))
        self._backer_of(doc, orgs, leads, parts, conf)
        lead_cues, part_cues = cue_spans(doc, "_lead"), cue_spans(doc, "_participate")
        # "alibaba … holds 2.08% shares", "阿里巴巴通过旗下创投平台持股2.08%": the holder is an investor, not the company
        held = None
        for s, e, row in cue_rows(doc, "_hold"):
            holder = [o for o in orgs if o.end <= s and (_clause_start(text, s) <= o.start or
                                                         RELATIVE.fullmatch(text[o.end:s]))]
            owned = next((o for o in holder if HOLDERS_OF.fullmatch(text[o.end:s])), None) \
                if doc.lang_ in ("ja", "zh") and row.get("agent") == "before" else None
            if owned is not None:  # "AはBの株式2.08%を保有": the name joined to the cue by の/的 is the company held
                holder = [o for o in holder if o.key != owned.key]
                held = held or owned
                subjects = [o for o in holder if JA_HOLDER_SUBJECT.match(text, o.end)] if doc.lang_ == "ja" else []
                holder = subjects[-1:] or holder  # (the subject holds: "Aは投資部門を通じてBの株式…")
            if holder and row.get("agent") == "before":
                if doc.lang_ == "ja":  # "アリババが2.08%、科大訊飛が1.19%を保有する": every subject before the cue holds
                    for o in holder[:-1]:
                        if re.match(r"\s*(?:[（(][^（）()]{1,30}[）)])?\s*が", text[o.end:o.end + 34]):
                            parts.add(id(o))
                            leads.discard(id(o))
                parts.add(id(holder[-1]))
                leads.discard(id(holder[-1]))
                # "远澜创投亦持有同行业企业曜石半导体12%的股份": the company held is named after the cue
                held = held or next((o for o in orgs if e <= o.start < _clause_end(text, e) and not (
                    doc.lang_ == "ja" and JA_SUBJECT_GA.match(text, o.end)) and  # "…ほか、科大訊飛が1.19%を持つ": a holder
                                     (id(o) not in parts and id(o) not in leads or HELD_OBJECT.search(text[e:o.start]))),
                                    None)
                if held is not None:  # "X also owns a 4% stake in Y": 'also' names no investor here
                    parts.discard(id(held))
                    leads.discard(id(held))
        if doc.lang_ == "en" and held is None and not of_kind(ms, "round") and not of_kind(ms, "money"):
            # "We also made a follow-on investment in Y, whose …": the name right after the act is the company invested
            # in, never a party, even when another company is the one in view (no round named: a round's own sentence
            # may describe an investor by its other holdings, "X, which has invested in Y, led …")
            held = next((o for o in orgs if EN_INVESTEE.search(text, 0, o.start)), None)
            if held is not None:
                parts.discard(id(held))
                leads.discard(id(held))
        if doc.lang_ in ("ja", "zh") and held is None:
            # "カツラギはミズナラ・シリコン（Mizunara Silicon）の株主でもある", "X也是Y的股东": the name whose shareholders the
            # cue names is the company held, the others before the cue hold it
            for s, e, row in cue_rows(doc, "_participate"):
                owner = next((o for o in sorted(orgs, key=lambda o: -o.end) if o.end <= s
                              and HOLDERS_OF.fullmatch(text[o.end:s])), None) if row.get("agent") == "before" else None
                if owner is not None and _describes_next(doc, orgs, e):
                    # "Bがリードし、Yの主要株主でもあるXも参加": the cue only describes X, a party of the round in view;
                    # Y is held by X alone and takes no part, the others keep their roles
                    for o in orgs:
                        if o.key == owner.key:
                            parts.discard(id(o))
                            leads.discard(id(o))
                    continue
                if owner is not None and any(o.key != owner.key and id(o) in parts | leads for o in orgs):
                    held = owner
                    for o in orgs:
                        if o.key == owner.key:
                            parts.discard(id(o))
                            leads.discard(id(o))
                    break
        # coordinated names before a lead/participation cue share its role ("A、B和C领投")
        # "中国科学院系の国科投資": an owner that only describes the next name of a list does not break the list
        listed = orgs if doc.lang_ != "ja" else [o for o in orgs if not any(
            0 <= s - o.end <= 3 and any(0 <= f.start - e <= 3 for f in orgs)
            for s, e, row in cue_rows(doc, "_parent") if row.get("agent") == "before")]
        self._coordinate(text, listed, leads, lead_cues)
        self._coordinate(text, listed, parts, part_cues)
        if doc.lang_ == "en":  # (before the investors are read off the roles)
            for o in _described_parties(text, orgs):
                leads.discard(id(o))
                parts.discard(id(o))
        label = next((o for o in orgs if LABEL_AFTER.match(text, o.end) and not text[:o.start].strip(" \t*#>-•・")), None)
        if label is not None:  # "**沐曦股份**：国家人工智能产业投资基金参与战略配售": the label names the company the line is about
            for o in orgs:
                if o.key == label.key:
                    leads.discard(id(o))
                    parts.discard(id(o))
        # "A $45 million Series B for Thornby Compute was co-led by …", "Lune Capital put $12 million into Y": the name
        # right after a round or its amount and for/into/in is the company funded, never a party (English)
        round_for = {id(o) for o in orgs if doc.lang_ == "en" and any(
            EN_ROUND_FOR.fullmatch(text, r.end, o.start) for r in of_kind(ms, "round", "money"))
            and not re.match(r"(?:['’]s)?-(?:led|backed)\b", text[o.end:o.end + 10])  # ("$30 million in Tarn-led funding")
            or doc.lang_ == "en" and EN_BACKED_OBJECT.search(text, max(0, o.start - 40), o.start)
            and not RELATIVE_BEFORE.search(text, max(0, o.start - 60), o.start)}
        leads -= round_for
        parts -= round_for
        for o, owner in (_whose_backers(text, orgs) if doc.lang_ == "en" else ()):
            leads.discard(id(o))  # "Cambricon, whose early backers included Alibaba, listed …": a holder, not the listing's
            parts.discard(id(o))
            if not guarded(doc, owner.start, o.end):
                add(doc, o, "investedIn", owner, conf * 0.95, NAME)
        # "We joined the $4 million seed round of Corrin Devices", "the Series A of Quist AI": the name after the round and
        # "of" is the company funded, never a party (English)
        round_of = [o for o in orgs if doc.lang_ == "en" and any(EN_ROUND_OF.fullmatch(text, r.end, o.start)
                                                                 for r in of_kind(ms, "round"))]
        for o in round_of:
            leads.discard(id(o))
            parts.discard(id(o))
        investors = [o for o in orgs if id(o) in leads or id(o) in parts]
        company = None
        topic = ctx.topic
        sources = cue_spans(doc, "_source")
        venues = cue_spans(doc, "_exchange")
        orgs = [o for o in orgs if not any(a <= o.start and o.end <= b + 1 or o.start <= a and b <= o.end
                                           for a, b in venues)]
        if doc.lang_ == "en":  # "Amazon founder Jeff Bezos", "TikTok owner ByteDance": the first name only describes
            described = _described_parties(text, orgs)  # (and "Intel Capital, the venture arm of Intel")
            leads -= {id(o) for o in described}
            parts -= {id(o) for o in described}
            orgs = [o for o in orgs if o not in described]
        cands = [o for o in orgs if id(o) not in leads and id(o) not in parts and not o.extra.get("first_person") and
                 (not o.types or "ChipVendor" in o.types or o.extra.get("coref") or _opens_as_topic(text, o)) and
                 (not any(0 <= s - o.end <= 3 or 0 <= o.start - e <= 3 for s, e in sources) or said_of_itself(doc, o))]
        # "according to the report of korvane research, … veltrix technology has completed": a name the
        # recogniser reads as a research firm reports the round, it is not the company funded
        cands = [o for o in cands if o.extra.get("ner") != "RESEARCH"] or cands
        if doc.lang_ == "ja":
            from ingest.components.context import _says_it_invests_or_researches
            # "シスコ・インベストメンツ、…のほか": a name that says it invests is no company funded
            cands = [o for o in cands if o.extra.get("coref") or o.ids or not _says_it_invests_or_researches(o.text, "ja")]
            if ctx.last_round is not None and investors and not of_kind(ms, "round") and not of_kind(ms, "money"):
                # "アマゾン創業者…の投資会社Xも加わった": a name that only describes an investor (followed by の) in a
                # sentence that lists investors leaves the round in view its company
                cands = [o for o in cands if o.extra.get("coref") or not re.match(r"\s?(?:創業者|会長|社長|CEO)?[^、。，,]{0,12}?の", text[o.end:o.end + 16])
                         or _opens_as_topic(text, o)]
        if doc.lang_ == "ja":  # "百度のAIチップ部門である崑崙芯は…資金調達を完了": the possessor only describes the company
            from ingest.components.context import describes_topic
            cands = [o for o in cands if not any(describes_topic(text, o, b) for b in cands if b.key != o.key)]
        parents = set()
        for s, e, row in cue_rows(doc, "_parent"):  # "百度旗下昆仑芯", "a unit of X": the owner is not the company
            side = [o for o in cands if o.end <= s and s - o.end <= 3] if row.get("agent") == "before" else \
                [o for o in cands if e <= o.start and o.start - e <= 3]
            parents.update(id(o) for o in side)
        if parents and (any(id(o) not in parents for o in cands) or doc.lang_ in ("ja", "zh") and ctx.last_round):
            cands = [o for o in cands if id(o) not in parents]  # (the round in view is funded, not the owner)
        anchors = of_kind(ms, "round") + [type("C", (), {"start": s})() for s, _ in part_cues
                                          if text[s:s + 5].lower() in ("stake", "share")]
        possessive = [o for o in cands if any(_owns(text, o, r.start) for r in anchors)] or \
            [o for o in cands if doc.lang_ == "ja" and _conducts(doc, o)]
        round_of = [o for o in cands if o in round_of]
        if held is not None:
            cands = [held]
        elif round_of:
            cands = round_of[:1]  # "the seed round of Yarrowby Labs": that company's round, whatever the topic
        elif possessive:
            cands = possessive  # "Habana's $75 million Series B": the round belongs to the possessor
        elif topic and cands and all(o.extra.get("unknown") for o in cands):
            # a guessed name ("ロイターによれば…") does not displace the company the text is about, unless it
            # opens the sentence as its subject ("玄枢科技于2026年7月完成C轮融资", "X（Latin）は…上場し…調達した")
            first = min(orgs, key=lambda o: o.start) if orgs and doc.lang_ == "ja" else None
            subject = first.key if first and opens_sentence(doc, first) and JA_SUBJECT_AFTER.match(text, first.end) \
                and not _says_it_invests_or_researches(first.text, "ja") else None
            cands = [o for o in cands if opens_sentence(doc, o) and acts_in(doc, o, "funding", window=24)
                     or subject is not None and o.key == subject
                     or doc.lang_ == "ja" and _ja_parse_subject(doc, o)
                     or doc.lang_ == "zh" and ZH_DESCRIBED.search(text, 0, o.start)  # "边缘AI芯片公司芯湃微宣布完成…"
                     or doc.lang_ == "zh" and _lists_itself(text, o, orgs)
                     or id(o) in round_for or _own_item(doc, o, orgs)]
        if any(id(o) in round_for for o in cands) and held is None:
            cands = [o for o in cands if id(o) in round_for]  # "the Series B for Y": Y's, whatever else is named
        if cands:
            company = min(cands, key=lambda o: (0 if topic and o.key == topic else 1,
                                                0 if (not o.types or o.types[0] == "ChipVendor") else 1, o.start))
        rounds = of_kind(ms, "round")
        if doc.lang_ in ("ja", "zh"):  # "在 IPO 之前", "IPO前に": a time before the listing, not the listing
            rounds = [r for r in rounds if not (r.value == "IPO" and BEFORE_WORD.match(text, r.end))]
        if doc.lang_ == "en":  # "invested … ahead of the listing": a time before the listing, not the listing
            rounds = [r for r in rounds if not EN_TIME_BEFORE.search(text, 0, r.start)]
            if not rounds and not investors and all(re.match(r"valu", text[s:e], re.I) for s, e in cue_spans(doc, "funding")):
                return doc  # "$2.6 billion: the floor on X's valuation": a price tag, no round
        described = []  # "A轮的领投方鹤峰资本这次也继续跟投": a round that says who an investor was, not this round
        if doc.lang_ == "zh":
            for r in list(rounds):
                role = ZH_ROUND_ROLE.match(text, r.end)
                party = next((o for o in orgs if role and o.start == role.end()), None)
                if party is not None:
                    rounds.remove(r)
                    described.append((r, party, "领投" in role.group(0)))
        pre_listing = False  # "上場前の株主には…": shareholders from before the listing, not the listing's investors
        before_listing = doc.lang_ == "en" and bool(rounds) and investors and not of_kind(ms, "money") \
            and not of_kind(ms, "year") and all(EN_BEFORE_LISTING.match(r.text) for r in rounds)
        if before_listing:  # ("before the listing, shareholders include tencent and bytedance": they hold it)
            rounds = []
        if any(not BEFORE_LISTING.match(r.text) for r in rounds):
            rounds = [r for r in rounds if not BEFORE_LISTING.match(r.text)]
        elif doc.lang_ == "ja" and rounds and investors and not of_kind(ms, "money") and not of_kind(ms, "year"):
            rounds, pre_listing = [], True  # "…も上場前に出資した": shareholders from before the listing, no round of its own
        money = [m for m in of_kind(ms, "money") if not _not_amount(text, m, doc.lang_ in ("ja", "zh"))]
        conversions = _conversions(text, money)
        money = [m for m in money if m not in conversions]
        years = _round_years(text, of_kind(ms, "year"))
        ckey = company.key if company else None
        last = ctx.last_round
        if doc.lang_ == "ja" and last is not None and last.amount and money and not rounds and investors and not years \
                and all(m.value[0] < max(v[0] for v in last.values) for m in money):
            money = []  # "当社はリード投資家として12億円を引き受けます": an investor's share of the round in view, no round
        if ckey is None and last and investors and not money and not rounds:
            ckey = last.company
        if ckey is None and ctx.defined and doc.lang_ == "zh" and investors:
            ckey = ctx.defined  # "（1）X持股9.85%" in a filing: a holder of the company its definition names
        told = [r for rs in ctx.rounds.values() for r in rs]
        if ckey is None and doc.lang_ == "ja" and len(told) == 1 and not rounds and (money or investors) \
                and cue_spans(doc, "_this_round"):
            ckey = told[0].company  # "本増資の概要（調達総額 45億円）": the one round told, whatever company the text is about
        if ckey is None and ctx.topic and (rounds or money or investors):
            ckey = ctx.topic
        if ckey is None:
            return doc
        parties = [o for o in orgs if o.key == ckey or id(o) in leads or id(o) in parts]
        if parties and not rounds and guarded(doc, min(o.start for o in parties), max(o.end for o in parties)):
            return doc
        if not rounds and money and all(guarded(doc, m.start, m.end) for m in money):
            return doc  # "some other media said about 3.677 billion": another figure, only hearsay
        if doc.lang_ == "en" and (rounds or money) and all(guarded(doc, m.start, m.end) for m in rounds + money + investors):
            return doc  # "Local media have reported that X invested … in its Series B": hearsay
        others = _round_clauses(text, rounds) if doc.lang_ == "en" else []
        if others:  # "Our seed came from A, and last year we raised a Series A led by B": each clause tells its own round
            main = next((c for c in others if any(c[1] <= m.start < c[2] for m in money)), None) or \
                min(others, key=lambda c: _round_rank(c[0].value))
            others = [(c, [o for o in investors if c[1] <= o.start < c[2]], [m for m in money if c[1] <= m.start < c[2]],
                       [y for y in years if c[1] <= y.start < c[2]]) for c in others if c is not main]
            elsewhere = {id(x) for _, invs, mon, yrs in others for x in invs + mon + yrs}
            rounds = [main[0]]
            investors = [o for o in investors if id(o) not in elsewhere]
            money = [m for m in money if id(m) not in elsewhere]
            years = [y for y in years if id(y) not in elsewhere]
        rname = min((r.value for r in rounds), key=_round_rank) if rounds else ""
        if not rounds and money and doc.lang_ == "zh" and LISTING.search(text):
            rname = "IPO"  # "摩尔线程登陆科创板，首发募资80亿元": the listing raises the money
        if doc.lang_ in ("ja", "zh") and (cue_spans(doc, "_hedge") or cue_spans(doc, "_rumour")) and (rounds or money) and all(
                guarded(doc, m.start, m.end) for m in rounds + money + investors):
            return doc  # "…曾在上市前以700万元入股该公司，但相关信息未获公司确认": unconfirmed
        # the one round the document describes for this company, for a later paragraph that adds its amount or
        # its investors ("募集资金总额为34.00亿元", "战略配售投资者为…") without naming it again
        earlier = [r for r in ctx.rounds.get(ckey, []) if not (money and r.amount) and
                   (not years or r.year in (None, years[0].value))]
        only = earlier[0] if len(ctx.rounds.get(ckey, [])) == 1 and earlier and not rounds and (
            money or investors and cue_spans(doc, "_this_round")) else None
        if only is None and money and not rounds:
            # "…約41億9700万元を調達した" after a headline that gave the IPO's amount: the same round, restated
            amounts = {m.value for m in money}
            only = next((r for r in ctx.rounds.get(ckey, []) if r.values & amounts), None)
        if only is None and money and not rounds and not investors and last is not None and last.company == ckey \
                and not last.amount and doc.lang_ == "ja" and cue_spans(doc, "_amount_word"):
            only = last  # "…に上場（IPO）。調達額は25億8000万元": the amount of the round just named
        dated_before = ctx.year_in_view if ctx.year_in_view and ctx.year_in_view[0] == ctx.paragraph else None
        # "2020年9月起步。当时公司完成首轮融资，由A领投": a round word without a year takes the date just given
        implied = dated_before if (not years and not rounds and not money and investors and cue_spans(doc, "_round_word")
                                   and not cue_spans(doc, "_this_round")) else None
        if rounds and not money and not investors and not years and all(BEFORE_LISTING.match(r.text) for r in rounds):
            return doc  # "上場前の資金調達も活発だった": fundraising before the listing in general, no round
        if rounds and all(r.value == "IPO" for r in rounds) and cue_spans(doc, "_planned_round"):
            return doc  # "Kunlunxin is also preparing a Hong Kong listing": no listing yet
        later = any(s <= 3 for s, _ in cue_spans(doc, "_later")) or before_listing  # "此后，…": another time than the round in view
        if not rounds and not money and last and last.company == ckey and investors and (
                not years or last.year in (None, years[0].value)) and not later and not pre_listing:
            rkey = last.key
        elif only is not None:
            rkey = only.key
        elif (rounds or money or ((years or implied) and cue_spans(doc, "_round_word"))) and not (
                not money and not investors and rname == "IPO"
                                         and not re.search(r"\bipo\b|initial public offering|新規株式公開|首次公开", text, re.I)
                                         and not (years and LISTING.search(text))):
            slug = rname or (str(years[0].value) if years else str(implied[1]) if implied else "round")
            rkey = f"round:{ckey}:{slug}"
            amounts = {m.value for m in money}
            restated = next((r for r in ctx.rounds.get(ckey, []) if r.key.endswith(":round") and r.values & amounts),
                            None) if rname and doc.lang_ == "en" else None
            if restated is not None:  # a headline's "raises HK$3.48 billion", then "… in an initial public offering"
                rkey = restated.key
        else:
            # "X invested in Y" with no round: the investment itself
            for o in investors:
                add(doc, o, "investedIn", ckey, conf * 0.95, NAME)
            return doc
        known = next((r for r in ctx.rounds.get(ckey, []) if r.key == rkey), None)
        if known is None:
            known = RoundInView(rkey, ckey, years[0].value if years else implied[1] if implied else None)
            ctx.rounds.setdefault(ckey, []).append(known)
        known.amount |= bool(money)
        known.values |= {m.value for m in money}
        ctx.last_round = known
        ctx.recent_round = (ctx.paragraph, known)
        evidence = [company] if company else []
        if company is not None:
            company.extra["funded"] = True  # a name: the sentences after it may use it bare (context.remember_cjk_orgs)
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
        if implied or not years and rname == "IPO" and dated_before and known.year is None:
            # "…は2025年12月5日、科創板で取引を開始した。同社はこのIPOで80億元を調達し": the listing date just given
            _, year, month = dated_before
            add(doc, rkey, "date", f"{year}-{month:02d}" if month else str(year), conf * 0.9, NAME, literal=True,
                datatype=XSD + ("gYearMonth" if month else "gYear"))
        if years:
            y = years[0]
            month = y.extra.get("month")
            if month:
                add(doc, rkey, "date", f"{y.value}-{month:02d}", conf, NAME, spans=[y], literal=True,
                    datatype=XSD + "gYearMonth")
            else:
                add(doc, rkey, "date", str(y.value), conf, NAME, spans=[y], literal=True, datatype=XSD + "gYear")
        if doc.lang_ in ("ja", "zh") and rname == "IPO" and company is not None and not money and not investors:
            # "2025年12月に科創板へ上場した摩爾線程（ムーアスレッド）と沐曦（メタエックス）": each company listed, each its IPO
            for o in cands:
                gap = text[company.end:o.start] if o.start > company.end else ""
                if o.key != ckey and re.fullmatch(r"\s*(?:[（(][^（）()]{1,30}[）)])?\s*(?:と|、|および|及び|和|与|及)\s*", gap):
                    other = f"round:{o.key}:IPO"
                    add(doc, other, "fundedCompany", o.key, conf, NAME, spans=[o])
                    add(doc, other, "roundName", "IPO", conf, NAME, spans=rounds[:1], literal=True)
                    if years and years[0].extra.get("month"):
                        add(doc, other, "date", f"{years[0].value}-{years[0].extra['month']:02d}", conf, NAME,
                            spans=[years[0]], literal=True, datatype=XSD + "gYearMonth")
                    elif years:
                        add(doc, other, "date", str(years[0].value), conf, NAME, spans=[years[0]], literal=True,
                            datatype=XSD + "gYear")
        for r, party, led in described:
            other = f"round:{ckey}:{r.value}"
            if other != rkey:
                add(doc, other, "fundedCompany", ckey, conf * 0.9, NAME, spans=[r])
                add(doc, other, "roundName", r.value, conf * 0.9, NAME, spans=[r], literal=True)
                add(doc, other, "leadInvestor" if led else "investor", party, conf * 0.9, NAME)
        lead_keys = {o.key for o in investors if id(o) in leads}
        for o in investors:
            if o.key == ckey or (id(o) not in leads and o.key in lead_keys):
                continue  # "インテル・キャピタルが出資し…インテル・キャピタルが主導した": named twice, it leads
            add(doc, rkey, "leadInvestor" if id(o) in leads else "investor", o, conf, NAME)
        for (r, _, _), invs, mon, yrs in others:
            _clause_round(doc, ctx, ckey, r, invs, mon, yrs, leads, conf)
        return doc

    @staticmethod
    def _unnamed_buyer(doc: Doc, target, cue: int, conf: float) -> bool:
        """"・8月に設計受託のX株式会社を全株取得で買収し、連結子会社化した": a Japanese sentence with no subject that buys the
        one company it names (its object, を) speaks for the company whose 当社 the document is (a disclosure, a memo)."""
        issuer = context_of(doc).issuer
        if not issuer or target.key == issuer or target.end > cue or not re.match(r"\s*を", doc.text[target.end:]) \
                or guarded(doc, target.start, cue):
            return False
        add(doc, issuer, "investedIn", target, conf * 0.9, NAME, spans=[target])
        return True

    @staticmethod
    def _allotment_line(doc: Doc, ms: list, ctx) -> bool:
        """"・株式会社X　4億円" (lexicon `_allotment_line`), a paragraph or two after a round: a line of its allotment
        list, whose first name takes part in that round (the amount is its share; a general partner named in
        brackets after it is not an investor)."""
        rnd = ctx.last_round or (ctx.recent_round[1] if ctx.recent_round and ctx.paragraph - ctx.recent_round[0] <= 2
                                 else None)
        if rnd is None or not cue_spans(doc, "_allotment_line"):
            return False
        first = min((o for o in of_kind(ms, "org") if not o.extra.get("inside")), key=lambda o: o.start, default=None)
        if first is None or first.key == rnd.company or guarded(doc, first.start, first.end):
            return False
        conf = confidence(doc, "funding")
        add(doc, rnd.key, "fundedCompany", rnd.company, conf, NAME, spans=[first])
        add(doc, rnd.key, "investor", first, conf, NAME)
        ctx.recent_round = (ctx.paragraph, rnd)  # the next line of the list
        return True

    @staticmethod
    def _roles(doc: Doc, orgs: list) -> tuple[set, set]:
        """Who leads and who takes part, from the lexicon rows of the `_lead` and `_participate` cues: each
        row says on which side of the cue its names are written (`agent`: after "led by", before "领投",
        the object of "added A and B as investors") and how far (`window`); list joiners give no role."""
        text = doc.text
        roles: tuple[set, set] = (set(), set())
        for relation, role in (("_lead", roles[0]), ("_participate", roles[1])):
            found = _outermost(cue_rows(doc, relation))
            for s, e, row in found:
                agent, window = row.get("agent", "before"), row.get("window", 40)
                if agent == "list":
                    continue
                if agent == "after":  # (not the description after 等: "上海科创基金等国资背景基金")
                    named = [o for o in orgs if e <= o.start < _clause_end(text, e) and not AFTER_ETC.search(text, 0, o.start)]
                    fronted = _fronted_end(text, orgs, s, e) if doc.lang_ == "en" else None
                    if fronted is not None:  # "Backed by A and B, Y has secured …": the names of the opening clause only
                        named = [o for o in named if o.end <= fronted]
                    role.update(id(o) for o in named)
                    if relation == "_participate" and named and doc.lang_ == "en":
                        role.update(id(o) for o in _listed_on(text, orgs, max(named, key=lambda o: o.start)))
                elif agent == "before":
                    role.update(id(o) for o in orgs if o.end <= s and s - o.end <= window
                                and _before_ok(doc, text[o.end:s], o, s, window))
                    for n in [n for n in orgs if n.end <= s and s - n.end <= window] if doc.lang_ == "en" else ():
                        # "Mitsune Capital (…) which is the venture capital company of the Mitsune Bank group newly
                        # participated": the owner only describes the party the relative is about, which takes part
                        owners = [o for o in orgs if o.end <= n.start and MT_RELATIVE_OF.fullmatch(text, o.end, n.start)]
                        if owners:
                            role.update(id(o) for o in owners)
                            role.discard(id(n))
                        owned = [o for o in orgs if o.end <= n.start and OWNER_RELATIVE.fullmatch(text, o.end, n.start)
                                 and OWNER_RELATIVE_END.fullmatch(text, n.end, s)]
                        if owned:  # "… Fund which Oshiba Bank operates, also participated": the fund takes part
                            role.update(id(o) for o in owned)
                            role.discard(id(n))
                    if doc.lang_ == "en":  # "Halvard Holdings, the family office of …, also invested": past its appositive
                        role.update(id(o) for o in orgs if o.end <= s and APPOSITIVE_THEN_CUE.fullmatch(text, o.end, s))
                elif agent == "object":
                    role.update(id(o) for o in _chain_before(text, orgs, s, window))
                listed = re.match(r"^\s?\S{0,3}?\s?(?:[（(][^（）()]{1,12}[）)])?\s?(?:は|为|為|是|:|：|には|包括|有|が)",
                                  text[e:e + 22]) if doc.lang_ != "en" else None  # ("リードがXで": the lead was X)
                if listed:  # ("参投方（排名不分先后）：A / B / C": the names after the aside)
                    prev = None  # "リード投資家は X、Y", "投资方包括 X、Y": the names listed after the cue
                    after = e + listed.end()
                    for o in sorted((o for o in orgs if after <= o.start < _clause_end(text, e) and not o.extra.get("coref")),
                                    key=lambda o: o.start):
                        if prev is not None and re.fullmatch(r"\s*[（(]\s*", text[prev.end:o.start]):
                            role.add(id(o))  # "CTCキャピタル（CTC Capital）": the same party in another script
                            continue
                        if prev is not None and o.key != prev.key and not JOINED.fullmatch(text[prev.end:o.start]) \
                                and not LAST_ITEM.match(text[prev.end:o.start]):
                            break  # "リード投資家は X で、Y と Z も出資": only X leads
                        if prev is not None and relation == "_lead" and doc.lang_ == "ja" and any(
                                0 <= ps - o.end <= 8 and prow.get("agent") == "before" for ps, _, prow in cue_rows(doc, "_participate")):
                            break  # "リードインベスターはX、Yほか2社が参加": Y takes part
                        role.add(id(o))
                        prev = o
        if doc.lang_ == "ja":
            # "LG、現代自動車、フィデリティのほか、Xも加わった": the names listed before のほか take the role of the cue after
            for h in re.finditer(r"の?ほか[、，,]", text):
                later = sorted((s, i) for i, rel in enumerate(("_lead", "_participate"))
                               for s, e, row in cue_rows(doc, rel) if s >= h.end() and row.get("agent") != "list")
                if later:
                    roles[later[0][1]].update(id(o) for o in _chain_before(text, orgs, h.start(), 8))
        return roles

    @staticmethod
    def _backer_of(doc: Doc, orgs: list, leads: set, parts: set, conf: float) -> None:
        """"an early Quillfire backer": the name before a backer noun is the company backed, never a backer;
        the name that phrase describes ("Greyfield Ventures, also an early Quillfire backer") invests in it."""
        text = doc.text
        for o in orgs:
            if not BACKER_NOUN.match(text[o.end:o.end + 24]):
                continue
            leads.discard(id(o))
            parts.discard(id(o))
            head = APPOSITION_OPENING.search(text[:o.start])
            if head is None:
                continue
            heads = [h for h in orgs if h.end == head.start() and h is not o]
            if heads and not guarded(doc, heads[0].start, o.end):
                add(doc, heads[0], "investedIn", o, conf * 0.95, NAME)

    @staticmethod
    def _coordinate(text: str, orgs: list, role: set, cues: list) -> None:
        """Names joined by 、/和/と before a cue share the role of the one next to the cue."""
        ordered = sorted(orgs, key=lambda o: o.start)
        for i in range(len(ordered) - 1, 0, -1):
            a, b = ordered[i - 1], ordered[i]
            gap = text[a.end:b.start]
            if re.search(r"[（(][^）)]*$", text[a.start:a.end]):  # "聯想創投（レノボ系…": a span that holds its aside
                gap = re.sub(r"^[^）)]*[）)]", "", gap)
            elif gap[:1] in "）)" and a.start and text[a.start - 1] in "（(":
                gap = gap[1:]  # "C（C'）、上海のD": the other spelling in brackets closes, the list goes on
            elif re.match(r"\s*[（(][^（）()]{1,30}[）)]\s*,? and the\s+$", gap):  # "qingmu capital ( 青木资本 ) and the
                gap = re.sub(r"the\s+$", "", re.sub(r"^\s*[（(][^（）()]{1,30}[）)]\s*", " ", gap))  # Huaisha … jointly lead"
            if id(b) in role and id(a) not in role and a.key == b.key and gap.strip() in ("（", "("):
                role.add(id(a))  # "ドワマンファンド（Summit Golden Venture Capital）": one party, two spellings
                continue
            if id(b) in role and id(a) not in role and (
                    re.fullmatch(CORPORATE_TAIL + r"\.?\s*(?:、|,|，|和|及|与|與|と|や|以及|,? and|,? as well as|[（(])\s*", gap, re.I)
                    or EN_DESCRIBED_NEXT.fullmatch(gap)
                    or CJK_LIST_GAP.fullmatch(gap) or _JA_UNIT_GAP.fullmatch(gap)):
                role.add(id(a))

    @staticmethod
    def _acquires(doc: Doc) -> list:
        """The acquisition cues of the sentence, without an owner's "傘下の"/"旗下" (`_parent` rows)."""
        parent = [(s, e) for s, e, row in cues(doc, "_parent") if row.get("agent") == "before"]
        return [c for c in cues(doc, "_acquire") if not any(s <= c[0] < e for s, e in parent)]

    @staticmethod
    def _acquisition(doc: Doc, orgs: list, conf: float) -> bool:
        """"A acquired B", "B was acquired by A", "AがBを買収", "BはAに買収された", "B被A收购": the buyer invests in
        the company it buys. Which side acts comes from the cue's lexicon row (`agent`), passive rows first."""
        # "ソフトバンク傘下のSBIインベストメントは…を買収した", "腾讯旗下的腾讯投资宣布收购…": the owner named before its unit
        # is neither buyer nor target, and its "傘下の" is no acquisition
        parent = [(s, e) for s, e, row in cues(doc, "_parent") if row.get("agent") == "before"] \
            if doc.lang_ in ("ja", "zh") else []
        found = [c for c in cues(doc, "_acquire") if not any(s <= c[0] < e for s, e in parent)]
        backers = orgs
        orgs = [o for o in orgs if not any(0 <= s - o.end <= 3 for s, _ in parent) and not o.extra.get("first_person")]
        if doc.lang_ == "ja" and found and len(orgs) == 1 and found[0][2].get("agent") not in ("after", "adjacent_before"):
            return Funding._unnamed_buyer(doc, orgs[0], found[0][0], conf)
        if not found or len(orgs) < 2 and not (
                doc.lang_ == "en" and orgs and found[0][2].get("agent", "before") == "before"
                and DESCRIBED_TARGET.match(doc.text, found[0][1])):  # "Intel bought the company": the one in view
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
        elif agent == "first" and len(before) >= 2 and doc.lang_ == "zh" and ZH_BACK_OBJECT.match(doc.text, e):
            buyer, target = before[-1], before[-2]  # "…出自Habana Labs之手：英特尔…收购了该公司": the subject buys the one before
        elif agent == "first" and len(before) >= 2:
            buyer, target = before[0], before[1]
        elif doc.lang_ == "en" and agent == "before" and len(before) >= 2 and OBJECT_RELATIVE.fullmatch(
                doc.text, before[-2].end, before[-1].start):
            buyer, target = before[-1], before[-2]  # "Xilinx, which AMD acquired in 2022": the relative's subject buys
        elif before and after:
            buyer, target = before[-1], after[0]
        elif doc.lang_ == "en" and agent == "before" and before and DESCRIBED_TARGET.match(doc.text, e):
            # "Intel bought the Israeli AI chip developer", "Intel acquired the company": the company the sentence
            # or the paragraph is about, named before the buyer
            buyer = before[-1]
            from ingest.components.context import context_of
            named = [o for o in before[:-1] if o.key != buyer.key and not o.extra.get("coref")
                     and (not o.types or "ChipVendor" in o.types) and "Investor" not in o.types]
            topic = context_of(doc).topic
            target = named[-1].key if named else topic if topic and topic != buyer.key else None
            if target is None or guarded(doc, buyer.start, e):
                return False
            add(doc, buyer, "investedIn", target, conf * 0.9, NAME, spans=[buyer])
            return not (of_kind(mentions(doc), "round") or cue_spans(doc, "_lead"))
        else:
            return False
        if guarded(doc, min(buyer.start, target.start), max(buyer.end, target.end)):
            return True
        add(doc, buyer, "investedIn", target, conf, NAME)
        if doc.lang_ == "en":
            Funding._backed_in_aside(doc, target, backers, conf)
        return True

    @staticmethod
    def _listed_in_clause(doc: Doc, ms: list) -> None:
        """"…, while Moore Threads and MetaX went public on Shanghai's STAR Market": the companies of a second clause
        that list on an exchange each have their listing (English; the sentence's own round is read as before)."""
        for m in LISTED_CLAUSE.finditer(doc.text):
            names = [o for o in of_kind(ms, "org") if m.start("names") <= o.start and o.end <= m.end("names")
                     and not o.extra.get("coref") and (not o.types or "ChipVendor" in o.types)]
            rest = doc.text[m.start("names"):m.end("names")]
            for o in names:
                rest = rest.replace(o.text, " ", 1)
            if not names or not re.fullmatch(r"(?:\s|,|&|\band\b)*", rest) or guarded(doc, names[0].start, m.end()):
                continue  # (only names, joined: not "the newly listed firms")
            for o in names:
                rkey = f"round:{o.key}:IPO"
                add(doc, rkey, "fundedCompany", o, confidence(doc, "funding") * 0.9, NAME, spans=[o])
                add(doc, rkey, "roundName", "IPO", confidence(doc, "funding") * 0.9, NAME, spans=[o], literal=True)

    @staticmethod
    def _backed_in_aside(doc: Doc, target, orgs: list, conf: float) -> None:
        """"Kettleby AI, which we backed at seed in 2023, was acquired by …": the relative clause after the company
        acquired tells who funded it before, and in which round (English)."""
        m = BACKED_ASIDE.match(doc.text, target.end)
        if m is None:
            return
        backer = next((o for o in orgs if o.start == m.start("who")), None)
        if backer is None or guarded(doc, target.start, m.end()):
            return
        ms = mentions(doc)
        rounds = [r for r in of_kind(ms, "round") if m.start() <= r.start < m.end()]
        years = [y for y in of_kind(ms, "year") if m.start() <= y.start < m.end()]
        if not rounds:
            add(doc, backer, "investedIn", target, conf * 0.9, NAME)
            return
        rkey = f"round:{target.key}:{rounds[0].value}"
        add(doc, rkey, "fundedCompany", target, conf * 0.9, NAME, spans=[target])
        add(doc, rkey, "roundName", rounds[0].value, conf * 0.9, NAME, spans=rounds[:1], literal=True)
        if years:
            add(doc, rkey, "date", str(years[0].value), conf * 0.9, NAME, spans=years[:1], literal=True,
                datatype=XSD + "gYear")
        add(doc, rkey, "investor", backer, conf * 0.9, NAME)


@Language.factory(NAME, assigns=["doc._.facts"], requires=["doc._.mentions"])
def make(nlp: Language, name: str) -> Funding:
    return Funding()
