"""`aic_context`: the document stage that runs after a sentence's components and updates what carries
to the next sentence (`doc._.context`, an `ingest.model.DocContext`): the company the paragraph is about,
the chips in view for a sentence that leaves its chip implicit, the foundries named so far, and the
names no vocabulary knows that the document has introduced.

Sentence components read the context and stay sentence-local; only this stage writes the topic, the
chips in view and the names (the funding and market extractors keep the round and market they describe).
"""
from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from ingest.tables import cells
from ingest.model import ChipsInView, DocContext, Fact, Mention, NameInView
from ontology.normalize import key as norm_key

if not Doc.has_extension("context"):
    Doc.set_extension("context", default=None)
if not Doc.has_extension("successor_chip"):
    Doc.set_extension("successor_chip", default=False)  # "a next-generation LPU is slated for …"


# a heading line marked as one ("■ …", "● …", "【…】", "### …"): it opens a section
SECTION_HEADING = re.compile(r"^\s*(?:[■□●◆◇▼▶►]|#{1,4}\s|【)[^。.!?！？]{0,60}$")


def context_of(doc: Doc) -> DocContext:
    """The document context of a sentence (a fresh one for a sentence parsed on its own)."""
    if doc._.context is None:
        doc._.context = DocContext()
    return doc._.context


def update_topic(ctx: DocContext, ms: list[Mention], fs: list[Fact], owners: tuple = (), text: str = "",
                 lang: str = "", doc: Doc | None = None) -> bool:
    """The organisation a paragraph is about: the vendor a sentence designs with or funds, else its first
    vendor that is not an investor here nor named as the owner of another (`owners`: "百度旗下昆仑芯"); a
    sentence that refers back to the topic keeps it."""
    investors = {f.object for f in fs if f.predicate in ("investor", "leadInvestor")} | \
        {f.subject for f in fs if f.predicate == "investedIn"}
    designers = [f.object for f in fs if f.predicate in ("designedBy", "fundedCompany", "investedIn")
                 and not (f.predicate == "investedIn" and f.subject == ctx.issuer)  # (当社 buys X: still about 当社)
                 and not (lang == "zh" and f.predicate == "investedIn" and f.subject == ctx.topic)]
    # ("X宣布已完成对Y的全资收购" in a paragraph about X: X buys or invests, the text stays about X)
    if lang == "ja" and ctx.issuer and ctx.topic == ctx.issuer:
        # a document about one company stays on it unless another company opens a sentence as its subject
        # ("TR-2はカタバミのKB-9より速いらしい" names another's chip in passing)
        designers = [d for d in designers if d == ctx.issuer or any(
            m.key == d and m.kind == "org" and not text[:m.start].strip(" 　「・") for m in ms)]
    if designers:
        ctx.topic = designers[0]
        return True
    orgs = sorted((m for m in ms if m.kind == "org" and not m.extra.get("inside")), key=lambda m: m.start)
    alias = next((m for m in orgs if m.extra.get("alias")), None)
    if lang == "ja" and alias is not None:  # "…ファーウェイは同社の顧客ではない" (同社 defined as 以下「同社」)
        ctx.topic = alias.key
        return True
    if lang in ("ja", "zh") and orgs and orgs[0].extra.get("coref") and orgs[0].key == ctx.topic:
        return True  # "公司…其中多人曾任职于AMD": the company the sentence opens on stays the topic
    vendors = [m for m in ms if m.kind == "org" and not m.extra.get("inside") and not m.extra.get("coref") and m.ids
               and m.types[:1] == ("ChipVendor",) and m.key not in investors and m.start not in owners
               and not ("Foundry" in m.types and any(n.kind == "node" for n in ms))
               and not ("Foundry" in m.types and _named_as_maker(doc, m))]  # "Samsung Foundry's SF3", "三星代工的"
    if lang == "ja" and len(vendors) > 1 and describes_topic(text, vendors[0], vendors[1]):
        vendors = vendors[1:]  # "百度のAIチップ部門である崑崙芯（昆仑芯）は…": the topic, not its possessor
    if vendors:
        ctx.topic = vendors[0].key
        return True
    subject = _unknown_subject(text, ms, investors, doc) if lang == "en" else _cjk_subject(text, ms, investors, lang, ctx) \
        if lang in ("ja", "zh") else None
    if subject is not None:
        ctx.topic = subject.key
        return True
    # "本公司主要从事GPU芯片的研发": a paragraph referring back to the topic company is about it too
    return any(m.kind == "org" and m.extra.get("coref") and m.key == ctx.topic for m in ms)


def _named_as_maker(doc: Doc | None, m: Mention) -> bool:
    """A foundry followed by a word that says it makes the chip ("是三星代工的", "made by Samsung"): named as the
    maker of another's chip, not the company the paragraph is about."""
    from ingest.components.relations.common import has_cue
    return doc is not None and doc.lang_ in ("ja", "zh") and has_cue(doc, "fabricatedBy", m.end, m.end + 4)


# the words before a subject that only describe it: "Cambridge chip start-up Carrowmore Devices said …"
# (after a time or linking phrase that opens the sentence: "In January, …", "Meanwhile …", "Toronto's …")
EN_OPENING = (r"(?:[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?)*(?:,\s*[A-Z][a-z]{2,8}\.? \d{1,2}(?:,\s*\d{4})?)?"
              r"(?:\s*\([A-Z][\w ]+\))?\s*(?:--|—|–|-)\s*)?"  # a dateline: "AUSTIN, Texas, May 12, 2026 -- "
              r"(?:(?:(?:In|On|By|During|Since|Earlier|Later|Last|This|Next|Early|Late)\b[^,;.]{0,30},|(?:Separately|Meanwhile|"
              r"Also|Now|Today|Yesterday|Previously|Elsewhere|Similarly|Likewise|Still|However),?)\s+)?(?:[A-Z][\w.-]*['’]s\s+)?")
DESCRIBED = re.compile(r"^" + EN_OPENING + r"(?:$|(?:(?:the|a|an)\s)?(?:[A-Z][\w-]*-(?:based|headquartered)\s+$|(?:[A-Z][\w-]*\s)?(?:[\w-]+\s){0,3}?"
                       r"(?:start-?up|company|firm|chipmaker|chip maker|designer|developer|vendor|unicorn|newcomer|"
                       r"entrant|[Rr]ivals?|[Cc]ompetitors?|[Ii]ncumbents?|[Pp]eers?),?\s+$))")
# ", a seven-year-old company that …", ", a Pittsburgh team building …": an appositive that says the name is a company
COMPANY_APPOSITIVE = re.compile(r",\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?(?:company|start-?up|firm|chipmaker|chip designer|"
                                r"team|spin-?out|spin-?off|developer|designer|maker|vendor)\b")
# names that say they invest (a fund opening a sentence is an investor, not the company it is about)
_INVESTOR_WORD = re.compile(r"\b(?:capital|ventures?|partners|fund|investments?|holdings|angels|securities|bank|"
                            r"asset management|family office|research|consulting|insight|analytics)$", re.I)


def _unknown_subject(text: str, ms: list[Mention], investors: set, doc: Doc | None = None) -> Mention | None:
    """An English name no vocabulary knows that opens the sentence as its subject ("Maraval Semiconductor
    closes …", "Cambridge chip start-up Carrowmore Devices said …"): the company the paragraph is about,
    so "the company" and "its" in the sentences after it refer to it. Names that say they invest or
    research are never taken."""
    opening = [m for m in ms if m.kind == "org" and not m.extra.get("coref")
               and (not text[:m.start].strip() or DESCRIBED.match(text[:m.start]))]
    if not opening:
        # "The rack belongs to Brackenfield Semiconductor, a seven-year-old company that …": a name the sentence
        # describes as a company in an appositive
        described = [m for m in ms if m.kind == "org" and not m.extra.get("coref") and COMPANY_APPOSITIVE.match(text, m.end)
                     and m.extra.get("unknown") and m.extra.get("ner") == "ORG" and not m.extra.get("inside")
                     and m.key not in investors and not _INVESTOR_WORD.search(m.text) and "Foundry" not in m.types]
        return described[0] if described else None
    m = opening[-1]  # "Cambridge chip start-up Carrowmore Devices": the described name, not the place
    if not (m.extra.get("unknown") and m.extra.get("ner") == "ORG") or m.extra.get("inside") \
            or "Foundry" in m.types or m.key in investors or _INVESTOR_WORD.search(m.text):
        return None
    if doc is not None and not text[:m.start].strip() and not _acts(doc, m):
        return None  # "Solvane Robotics, which plans to …, has placed a purchase order": a customer, not the topic
    return m


def _acts(doc: Doc, m: Mention) -> bool:
    """The name is the subject of a launch, design, funding or acquisition cue."""
    from ingest.components.relations.common import acts_in
    return bool(_SPEAKS_OR_IS.match(doc.text, m.end)) or \
        any(acts_in(doc, m, rel, window=40) for rel in ("_design_verb", "_launch", "funding", "_acquire"))


# "Vornholt Logic is the vendor to beat", "Lattix says …": a subject that speaks or is described as a company
_SPEAKS_OR_IS = re.compile(r"(?:,[^,;]{0,80},)?\s+(?:(?:said|says|told|announced|reported|confirmed|expects|plans)\b|"
                           r"(?:is|was|remains|has become)\s+(?:a|an|the|one of the)\s+(?:[\w-]+\s+){0,3}?"
                           r"(?:vendor|company|start-?up|designer|developer|maker|chipmaker|supplier|leader|player|"
                           r"newcomer|entrant|specialist)s?\b)")


# a brand word and a hyphenated model code: "chiyu CY-20", "Tessel T-4"
EN_BRANDED_CODE = re.compile(r"([A-Za-z][a-z]{2,}) ([A-Z]{1,5}-\d{1,4}[A-Za-z]?)")


# what a company that opens a Japanese or Chinese sentence does as its subject ("琅嬛科技成立于2018年", "Xは…")
_CJK_SUBJECT_AFTER = re.compile(r"^\s*(?:は|が|も|成立|创立|創立|设立|設立|总部|總部|本社|表示|称|稱|宣布|发布|發布|推出|是|于|於|在|将|將|已|还|還|目前)")


# the name's other spelling or place in brackets after it ("Parabyte Labs（パラバイト・ラボ）は…")
_ASIDE = re.compile(r"^\s*[（(][^（）()]{1,30}[）)]")
# the particle that marks a Japanese sentence's topic or subject right after a name
_JA_TOPIC_MARK = re.compile(r"\s*(?:は|が)")


def describes_topic(text: str, a: Mention, b: Mention) -> bool:
    """Japanese "AのAIチップ部門であるBは…", "AのライバルBが…": A, possessor of the noun phrase that ends on B (no
    comma, quote or topic marker between), only describes B, which the sentence marks as its topic or subject
    ("グーグルのTPUは…、ブロードコムは…": A possesses another noun, a clause ends before B)."""
    return a.end <= b.start and bool(re.fullmatch(r"の[^、，,。はが「」『』]{0,24}", text[a.end:b.start])) \
        and bool(_JA_TOPIC_MARK.match(_ASIDE.sub("", text[b.end:b.end + 40])))
# a short Japanese adverbial clause before the subject ("資料によると、", "一方、"): the name still opens the sentence
# "中国のGPUメーカー、", "米国の新興企業の": the words before a Japanese subject that say it is a company
_JA_COMPANY_LEAD = re.compile(r"[^、。「」()（）]{0,16}(?:メーカー|企業|スタートアップ|新興|ベンダー|設計会社|開発会社|半導体会社)"
                              r"(?:の|、)\s*")
_CJK_LEAD = re.compile(r"[^、，,。「」()（）]{0,10}(?:によると|によれば|では|一方|また|さらに|なお)[、，,]\s*")


def _cjk_subject(text: str, ms: list[Mention], investors: set, lang: str, ctx: DocContext | None = None) -> Mention | None:
    """A Japanese or Chinese organisation no vocabulary knows, that an earlier fact used (so a name, not a guess such
    as "証券コードは…"), opening the sentence as its subject: the company the paragraph is about (names that say they
    invest or research are not taken)."""
    opening = [m for m in ms if m.kind == "org" and not m.extra.get("coref") and not m.extra.get("inside")
               and (not text[:m.start].strip(" 　「『“\"") or _CJK_LEAD.fullmatch(text[:m.start])
                    or lang == "ja" and _JA_COMPANY_LEAD.fullmatch(text[:m.start]))]
    if not opening:
        return None
    m = opening[0]
    given = m.extra.get("key") or lang == "zh" and ctx is not None and norm_key(m.text) in ctx.names  # a name given before
    # "中国のGPUメーカー、X（…）は": the sentence says the name is a company
    given = given or lang == "ja" and bool(_JA_COMPANY_LEAD.fullmatch(text[:m.start]))
    if m.ids or not m.extra.get("unknown") or not given or m.key in investors or m.extra.get("ner") == "RESEARCH" \
            or "Foundry" in m.types or not _CJK_SUBJECT_AFTER.match(_ASIDE.sub("", text[m.end:m.end + 40])[:4]) \
            or _says_it_invests_or_researches(m.text, lang):
        return None
    return m


def _says_it_invests_or_researches(name: str, lang: str) -> bool:
    """The name ends with an investor or research word of ontology/lexicon/<lang>/name_words.jsonl ("峻石资本",
    "コガラシ・ベンチャーズ", "岚汐证券研究所"): a fund or an analyst opening a sentence is not its topic."""
    from ingest.components.cjk_names import name_words
    words = name_words(lang)
    return any(name.casefold().endswith(w.casefold()) for k in ("investor", "research") for w in words.get(k, ()))


def remember_names(ctx: DocContext, ms: list[Mention]) -> None:
    """Chips and clusters found by shape or by a model, kept so later bare mentions are recognised."""
    for m in ms:
        if m.ids or m.kind not in ("chip", "cluster") or not m.extra.get("unknown") or m.extra.get("remembered"):
            continue
        k = norm_key(m.text)
        numbered = any(c.isdigit() for c in k) or re.search(r" (?:II|III|IV|VI|VII|VIII|IX)$", m.text)  # "BF-Aster II"
        if len(k) >= 2 and (numbered or m.extra.get("quoted")) and k not in ctx.names:
            ctx.names[k] = NameInView(m.text, m.kind, m.key, m.extra.get("ner", ""))
            code = EN_BRANDED_CODE.fullmatch(" ".join(m.text.split()))
            if code and norm_key(code.group(2)) not in ctx.names:  # "chiyu CY-20" … later "1024 pieces CY-20"
                ctx.names[norm_key(code.group(2))] = NameInView(code.group(2), m.kind, m.key, m.extra.get("ner", ""))


def remember_cjk_orgs(ctx: DocContext, doc: Doc, ms: list[Mention]) -> None:
    """Japanese and Chinese organisations no vocabulary knows, once a fact used them: later mentions are the
    same entity, even where a segmenter glues the name to a neighbour ("2021年后摩智能完成…")."""
    if doc.lang_ not in ("ja", "zh"):
        return
    row = [c for c in cells(doc.text) if doc.text[slice(*c)].strip()][:1] if doc.lang_ == "zh" else []
    for m in ms:
        # (a company a round funds, "衡芯微完成数亿元A+轮融资", and the name of a table row's first cell are names too)
        named = m.extra.get("used") or m.extra.get("funded") or m.key == ctx.topic or m.extra.get("coined") \
            or doc.lang_ == "ja" and m.extra.get("alias") or (  # (a name defined as 以下「X社」 is one the text will use)
            row and m.text.strip() == doc.text[slice(*row[0])].strip() and row[0][0] <= m.start < row[0][1])
        if m.ids or m.kind != "org" or not m.extra.get("unknown") or not named \
                or m.extra.get("coref") or m.extra.get("remembered") or m.extra.get("inside"):
            continue
        k = norm_key(m.text)
        if (len(m.text) >= 3 or m.extra.get("coined")) and k not in ctx.names:  # ("汐衡": a coined word is a name)
            ctx.names[k] = NameInView(m.text, "org", m.key, m.extra.get("ner", ""))


KATAKANA_WORD = re.compile(r"[\u30a1-\u30faー]{3,}")


def remember_first_words(ctx: DocContext, doc: Doc, ms: list[Mention]) -> None:
    """"ハバナ・ラボ" … "ハバナ", "ソラリス・セミコンダクター" … "ソラリス": a Japanese company written in katakana words is
    called by its first word later on (unless the vocabulary knows that word as a name of its own, "インテル"), and a
    name given in brackets beside it ("ソフトバンクグループ（SBG）") stands for it too."""
    if doc.lang_ not in ("ja", "zh"):
        return
    from ingest.components.ner import not_names
    from ingest.components.vocab_ruler import org_gazetteer
    for m in ms:
        if m.kind != "org" or m.extra.get("coref") or m.extra.get("inside") or m.extra.get("remembered"):
            continue
        if m.extra.get("bracket") and not m.ids and len(m.text) >= 2:
            ctx.names.setdefault(norm_key(m.text), NameInView(m.text, "org", m.key))
        if doc.lang_ != "ja" or "・" not in m.text or not (m.ids or m.extra.get("used") or m.key == ctx.topic):
            continue
        first = m.text.split("・")[0]
        k = norm_key(first)
        if KATAKANA_WORD.fullmatch(first) and k not in ctx.names and first.casefold() not in not_names("ja") \
                and not any(h.start == 0 and h.end == len(first) for h in org_gazetteer().find(first)):
            ctx.names[k] = NameInView(first, "org", m.key)


# the short name a bracket gives right after a registered name, alone or before a stock code or a note
_ZH_BRACKET_SHORT = re.compile(r"[（(]([\u4e00-\u9fff]{2,6})(?:[，,、；;][^（）()]{0,30})?[）)]")


def remember_zh_short_names(ctx: DocContext, doc: Doc, ms: list[Mention]) -> None:
    """"澜汀智算" … "澜汀悄悄发了一则公告", "檀溪微电子" … "檀溪会成为…": a Chinese company whose name ends in a word
    saying its trade (ontology/lexicon/zh/name_words.jsonl) is called by the coined word before it later on, whether
    or not a fact used the full name yet. Only a head no dictionary knows ("中国电子" is not "中国"). A short name in
    brackets right after the full one, alone or before a stock code ("（X，09903.HK）"), is it too (a piece of it)."""
    if doc.lang_ != "zh":
        return
    from ingest.components.cjk_names import _strip_legal, kind_of_name, name_words
    from ingest.components.unknown import _zh_tags
    for m in ms:
        if m.kind != "org" or m.ids or not m.extra.get("unknown") or m.extra.get("coref") or m.extra.get("inside") \
                or m.extra.get("remembered"):
            continue
        inner = _ZH_BRACKET_SHORT.match(doc.text, m.end)
        if inner and inner.group(1) in m.text and inner.group(1) != m.text:  # "上海X半导体股份有限公司（X，09903.HK）"
            ctx.names.setdefault(norm_key(inner.group(1)), NameInView(inner.group(1), "org", m.key, short=True))
        kind = kind_of_name(m.text, "zh")
        if kind is None or not kind[1]:
            continue
        bare = _strip_legal(m.text, "zh")
        head = bare[:len(bare) - len(kind[1])]
        if not (2 <= len(head) <= 3 and re.fullmatch(r"[\u4e00-\u9fff]+", head)) or _zh_tags().get(head, "nz")[:2] != "nz" \
                or head.endswith(name_words("zh").get("place_end", ())):
            continue  # ("鹭岭区" of 鹭岭区发展和改革局: a district, not the bureau's short name)
        ctx.names.setdefault(norm_key(m.text), NameInView(m.text, "org", m.key))
        ctx.names.setdefault(norm_key(head), NameInView(head, "org", m.key, short=True))


_JA_LEGAL = re.compile(r"^(?:株式会社|有限会社|合同会社)\s*|\s*(?:株式会社|有限会社|合同会社)$")


def remember_ja_short_names(ctx: DocContext, doc: Doc, ms: list[Mention]) -> None:
    """"ミカゲ・ラボ株式会社（Mikage Labs）は…" … "ミカゲ・ラボは": a Japanese company is called by its name without its
    legal form later on; "カザハヤ集団" … "カザハヤは", "トウゲン半導体" … "トウゲンの": a company a fact used, whose katakana
    word stands before a word saying its trade or group (name_words kinds short_tail, organization, chip_vendor, vendor),
    by that katakana word."""
    if doc.lang_ != "ja":
        return
    from ingest.components.cjk_names import name_words
    from ingest.components.ner import not_names
    from ingest.components.vocab_ruler import org_gazetteer
    words = name_words("ja")
    tails = sorted({w for k in ("short_tail", "organization", "chip_vendor", "vendor") for w in words.get(k, ())},
                   key=len, reverse=True)
    for m in ms:
        if m.kind != "org" or m.ids or m.extra.get("coref") or m.extra.get("inside") or not m.extra.get("unknown"):
            continue
        short = _JA_LEGAL.sub("", m.text)
        if short != m.text and len(short) >= 3 and norm_key(short) not in ctx.names:
            ctx.names[norm_key(short)] = NameInView(short, "org", m.key)
        if not (m.extra.get("used") or m.key == ctx.topic or m.extra.get("launches")):
            continue
        tail = next((w for w in tails if short.endswith(w) and len(short) > len(w)), None)
        head = short[:-len(tail)].rstrip("・ ") if tail else ""
        if KATAKANA_WORD.fullmatch(head) and norm_key(head) not in ctx.names and head.casefold() not in not_names("ja") \
                and not any(h.start == 0 and h.end == len(head) for h in org_gazetteer().find(head)):
            ctx.names[norm_key(head)] = NameInView(head, "org", m.key)


def owners_in(doc: Doc, ms: list[Mention]) -> tuple:
    """Starts of the organisations written as the owner of another (lexicon rows `_parent`)."""
    from ingest.components.relations.common import cues
    found = cues(doc, "_parent")
    if not found:
        return ()
    out = []
    for s, e, row in found:
        for m in ms:
            if m.kind == "org" and (row.get("agent") == "before" and m.end <= s and s - m.end <= 3
                                    or row.get("agent") == "after" and e <= m.start and m.start - e <= 3):
                out.append(m.start)
    return tuple(out)


# "灵犀微电子股份有限公司（以下简称"灵犀微电子"）", "燧原科技（…、以下「燧原」）", 'Foo Corp. (hereinafter "Foo")':
# the short name stands for the organisation just before it in the rest of the document
_ALIAS = re.compile(r"(?:以下简称|以下簡稱|简称|簡稱|以下|hereinafter(?: referred to as| called)?|below(?: referred to as| called)?|the [\"“]?)[、,，:：\s]*[\"“「『]"
                    r"\s?([^\"”」』\n]{2,20}?)\s?[\"”」』]")


# "Quillfire Semiconductor" … "Quillfire": an English company is called by its name without the corporate word
EN_CORPORATE = re.compile(r"^(?P<short>[A-Z][A-Za-z0-9-]{3,}(?: [A-Z][A-Za-z0-9-]+)?) (?:Technologies|Technology|Semiconductors?|"
                          r"Systems|Labs|Microelectronics|Electronics|Computing|Compute|Silicon|Devices|Micro|Semi|AI|"
                          r"Robotics|Interconnect|Photonics|Logic|Circuits|Networks|Machines|Intelligence|"
                          r"Inc\.?|Corp\.?|Corporation|Co\.,? Ltd\.?|Ltd\.?|LLC|Holdings|Group)$")


# "Orrin Halcyx": a company of two capitalised words and no corporate word, whose first word is a name of its own
EN_COINED_PAIR = re.compile(r"^(?P<short>[A-Z][a-z]{3,}) [A-Z][A-Za-z0-9]+$")


def remember_short_names(ctx: DocContext, doc: Doc, ms: list[Mention]) -> None:
    """The short form of a company a fact of this sentence names in full, for the sentences after it."""
    if doc.lang_ != "en":
        return
    from ingest.components.ner import not_names
    for m in ms:
        if m.kind != "org" or m.ids or m.extra.get("coref") or not (m.extra.get("used") or m.key == ctx.topic
                                                                    or m.extra.get("standing")):
            continue
        name = m.text
        if norm_key(name) and norm_key(name) not in ctx.names and (m.extra.get("standing") or m.extra.get("used")):
            ctx.names[norm_key(name)] = NameInView(name, "org", m.key)  # "Harrowgate AI Inc" is the same company
        for _ in range(3):  # "Harrowgate AI Inc" -> "Harrowgate AI" -> "Harrowgate"
            hit = EN_CORPORATE.match(name)
            if not hit or hit.group("short").casefold() in not_names("en"):
                break
            name = hit.group("short")
            k = norm_key(name)
            if k and k not in ctx.names:
                ctx.names[k] = NameInView(name, "org", m.key)
        coined = EN_COINED_PAIR.match(m.text)  # "Orrin Halcyx" … "Orrin's flagship": its first, coined word
        said = {w for k in STANDING_CLASS for w in _name_words().get(k, ())}  # "Nova Advisory" says its trade
        if coined and not EN_CORPORATE.match(m.text) and coined.group("short").casefold() not in not_names("en") \
                and coined.group("short") not in _name_words().get("first_not", ()) \
                and m.text.split()[-1] not in said \
                and norm_key(coined.group("short")) not in ctx.names:
            ctx.names[norm_key(coined.group("short"))] = NameInView(coined.group("short"), "org", m.key)


def remember_aliases(ctx: DocContext, doc: Doc, ms: list[Mention]) -> None:
    """Short names a sentence defines for an organisation it names in full."""
    if not ("以下" in doc.text or "简称" in doc.text or "簡稱" in doc.text or "hereinafter" in doc.text
            or "below" in doc.text):  # ('below "our company"': 以下「当社」 in machine translation)
        return
    for m in _ALIAS.finditer(doc.text):
        opening = max(doc.text.rfind("（", 0, m.start()), doc.text.rfind("(", 0, m.start()))
        # the name right before the bracket that defines the short one ("… co., ltd. (hereinafter …)")
        full = [o for o in ms if o.kind == "org" and not o.extra.get("coref") and opening >= 0
                and (0 <= opening - o.end <= 1 or o.start < opening < o.end and doc.lang_ == "ja"
                     or doc.lang_ == "en" and re.fullmatch(r"\.?\s*", doc.text[o.end:opening]))]
        if not full or re.search(r"[）)]", doc.text[opening:m.start()]):
            continue
        owner = full[0]
        k = norm_key(m.group(1))
        if k and k not in ctx.names:
            ctx.names[k] = NameInView(m.group(1), "org", owner.key)


def _opening_org(doc: Doc, ms: list[Mention]) -> tuple | None:
    """(paragraph, key) of a company that opens the sentence as its subject ("**Stratomind** has not disclosed a
    foundry."), for an "Its …" that opens the next one; names that say they invest or research are none."""
    from ingest.components.relations.funding import opens_sentence
    opening = [m for m in ms if m.kind == "org" and not m.extra.get("inside") and opens_sentence(doc, m)]
    if not opening or "Foundry" in opening[0].types or _INVESTOR_WORD.search(opening[0].text) \
            or (opening[0].types and "ChipVendor" not in opening[0].types and not opening[0].extra.get("coref")):
        return None
    return (context_of(doc).paragraph, opening[0].key)


STANDING_CLASS = {"organization": "Organization", "investor": "Investor", "research": "ResearchFirm"}


def _maker_in_view(doc: Doc, ms: list, ctx) -> None:
    """"…, and TSMC manufactures them; the MI300X mixes 5nm compute dies with 6nm I/O dies": the one foundry a sentence
    says makes its chips stays in view for the rest of the paragraph, for sizes written without a foundry about those
    chips (ingest/components/linker.py). A sentence naming another foundry replaces it."""
    made = {f.object for f in (doc._.facts or []) if f.predicate == "fabricatedBy"}
    if len(made) == 1:
        key = next(iter(made))
        chips = {f.subject for f in doc._.facts if f.predicate == "fabricatedBy"}
        ctx.maker = (ctx.paragraph, key[3:] if key.startswith("id:") else key, frozenset(chips), key)
    elif made or any(m.kind == "org" and "Foundry" in m.types for m in ms) or \
            ctx.maker is not None and ctx.maker[0] != ctx.paragraph:
        ctx.maker = None


def _name_words() -> dict[str, frozenset[str]]:
    import ontology
    out: dict[str, set] = {}
    for row in ontology.load_lexicon("en", "name_words"):
        out.setdefault(row["kind"], set()).update(row["words"])
    return {k: frozenset(v) for k, v in out.items()}


def mark_standing_names(doc: Doc, ms: list[Mention]) -> None:
    """English company names that say what they are ("Tolland Mobile", "Orvell Capital", "Harrow Street
    Research": capitalised words ending in a word of ontology/lexicon/en/name_words.jsonl) are entities even
    where no relation uses them; the graph writes them typed by that word (an Investor, a ResearchFirm, else
    an Organization). Model guesses without such a word ("Edinburgh", "Marcus Lee") stay out."""
    if doc.lang_ != "en":
        return
    from ingest.components.ner import not_names
    words_of = _name_words()
    lower = doc.text[:1].islower()  # machine translation that lower-cases every name
    for m in ms:
        if m.kind == "org" and not m.ids and m.extra.get("unknown") and not m.extra.get("coref") \
                and _manages_fund_en(doc.text, m.end):
            m.extra["standing"] = "Organization"  # "Oxenholme Ventures, as the management company, does not invest"
            continue
        if m.kind != "org" or m.ids or not m.extra.get("unknown") or m.extra.get("coref") or m.extra.get("key") \
                or m.extra.get("inside"):
            continue
        if m.extra.get("described"):  # "AI start-up DeepSeek" (unknown.EN_AFTER_COMPANY_WORD): a company by its description
            m.extra["standing"] = "Organization"
            continue
        words = m.text.split()
        if lower and m.extra.get("ner") and all(w.islower() for w in words):
            words = [w.capitalize() for w in words]  # "yunlan data technology" in a lower-cased translation
        if not 2 <= len(words) <= 5 or not all(w[:1].isupper() or w == "&" for w in words) \
                or words[0] in words_of.get("first_not", ()) or words[0].casefold() in not_names("en"):
            continue
        for kind, cls in STANDING_CLASS.items():
            if words[-1] in words_of.get(kind, ()):
                m.extra["standing"] = cls
                break


def _manages_fund_en(text: str, end: int) -> bool:
    """Right after an English name, words that say it manages a fund (lexicon `_fund_manager`)."""
    import ontology
    return any(re.match(p, text[end:end + 60], re.I) for row in ontology.load_lexicon("en", "relations")
               if row["relation"] == "_fund_manager" for p in row["patterns"])


def _issuer(doc: Doc, ms: list[Mention]) -> Mention | None:
    """The company a disclosure's header line names ("会 社 名　株式会社ヒムロ…", lexicon rows `_issuer`): the one its
    当社 stands for in the rest of the document."""
    from ingest.components.relations.common import cue_spans
    if doc.lang_ != "ja":
        return None
    found = cue_spans(doc, "_issuer")
    if not found:
        return None
    return next((m for m in sorted(ms, key=lambda m: m.start) if m.kind == "org" and not m.extra.get("coref")
                 and m.start >= found[0][1] and not doc.text[found[0][1]:m.start].strip(" 　:：")), None)


def _headline_company(doc: Doc, ms: list[Mention]) -> Mention | None:
    """The one company a Japanese document's headline names ("【決算説明会メモ】ウスズミ・セミコンダクタ（東証グロース）…",
    "【インタビュー】ホウセンカ・ラボ CEO「…」"): what the document is about, and what its 当社 stands for. Not a fund or
    an analyst, nor a foundry; none where the headline names two companies."""
    if doc.lang_ != "ja":
        return None
    orgs = [m for m in ms if m.kind == "org" and not m.extra.get("coref") and not m.extra.get("inside")
            and "Foundry" not in m.types]
    if len({m.key for m in orgs}) != 1:
        return None
    m = orgs[0]
    if m.ids and "ChipVendor" not in m.types or not m.ids and (m.extra.get("ner") not in ("ORG", "RESEARCH") or m.extra.get("key")) \
            or _says_it_invests_or_researches(m.text, "ja"):
        return None
    return m


# a speaker's self-introduction after a company name ("こんにちは、X（…）コンパイラチームの日下部です。", "Xの楢崎と申します。"):
# a team or post before の, and the words between の and です, no clause in them, name the speaker, so X is the company whose 当社 the text is
_JA_SELF_INTRO = re.compile(r"^(?:（[^）]{1,40}）)?[^、。「」『』（）の]{0,12}の[^、。「」『』（）]{1,20}(?:です|と申します|でございます)[。！!]?\s*$")
_JA_GREETING = re.compile(r"^[^、。「」]{0,12}、\s*$")


def _speaker_company(doc: Doc, ms: list[Mention]) -> Mention | None:
    """The company a Japanese speaker or writer introduces themselves with: a byline ("X株式会社　取締役CTO　楢崎 透") or a
    greeting ("X（…）の楢崎です。"). A lecture, a blog post or a talk's 当社 and 私たち are that company."""
    if doc.lang_ != "ja":
        return None
    from ingest.components.cjk_names import name_words
    titles = "|".join(re.escape(w) for w in sorted(name_words("ja").get("person_after", ()), key=len, reverse=True))
    text = doc.text
    for m in sorted(ms, key=lambda m: m.start):
        if m.kind != "org" or m.extra.get("coref") or "Foundry" in m.types \
                or _says_it_invests_or_researches(m.text, "ja"):
            continue
        before, after = text[:m.start], text[m.end:]
        if not before.strip() and titles and re.fullmatch(
                rf"[ \u3000]+[^ \u3000、。]{{0,10}}(?:{titles})[^ \u3000、。]{{0,6}}[ \u3000]+[^ \u3000、。]{{1,6}}(?:[ \u3000][^ \u3000、。]{{1,5}})?\s*",
                after):
            return m  # a byline: the company, the title, the name
        if (not before.strip() or _JA_GREETING.match(before)) and _JA_SELF_INTRO.match(after):
            return m
        break  # (only the name that opens the line)
    return None


# an interviewer's question line ("――主力の「X」はどこで作っているんでしょう。", "Q. …", "問：…")
_JA_QUESTION = re.compile(r"^\s*(?:――|—{1,2}|Q[.．:：]|Ｑ[.．:：]?|問[：:]|質問[：:])")
# an English interview's question turn ("Q: Who makes it?", "Where is the part built?"; not _EN_QUESTION below, which
# reads only labelled turns)
_EN_ASKS = re.compile(r"^\s*(?:Q\s?[.:]|Question\s?:)|\?[\"”’')]?\s*$")


def _refers_back(doc: Doc, m: Mention) -> bool:
    """「同社」, 「该公司」: in Japanese and Chinese a sentence about the paragraph's company goes on about its chips."""
    return bool(m.extra.get("coref")) and doc.lang_ in ("ja", "zh")


class ContextStage:
    def __call__(self, doc: Doc) -> Doc:
        from ingest.components.relations.common import cue_spans
        from ingest.components.relations.manufactured_on import names_the_chip
        ctx = context_of(doc)
        ms = doc._.mentions or []
        fs = doc._.facts or []
        # a table row names one vendor of many: it is not what the document is about (its footnotes would
        # otherwise credit every chip they describe to the last row's vendor)
        if not cells(doc.text) and update_topic(ctx, ms, fs, owners_in(doc, ms), doc.text, doc.lang_, doc):
            ctx.topic_paragraph = ctx.paragraph
        issuer = _issuer(doc, ms)
        if issuer is not None:
            ctx.topic, ctx.topic_paragraph = issuer.key, ctx.paragraph
            ctx.issuer = issuer.key  # (the header line outweighs a headline)
        asked = ctx.question  # (the question this sentence may answer)
        if doc.lang_ == "ja" and _JA_QUESTION.match(doc.text) or doc.lang_ == "en" and _EN_ASKS.search(doc.text):
            ctx.question = ctx.paragraph
        if doc.lang_ == "zh" and ctx.paragraph == 0 and ctx.defined is None and cue_spans(doc, "_filing_title"):
            named = {m.key for m in ms if m.kind == "org" and not m.extra.get("coref") and not m.extra.get("inside")
                     and "Foundry" not in m.types}
            if len(named) == 1:  # "X股份有限公司 首次公开发行股票并在科创板上市 招股说明书": the filing's 发行人 throughout
                ctx.defined = next(iter(named))
        head = _headline_company(doc, ms) if ctx.paragraph == 0 and ctx.issuer is None else None
        if head is None and ctx.issuer is None:
            head = _speaker_company(doc, ms)  # a byline or a greeting: "X　取締役CTO　楢崎 透", "Xの楢崎です。"
        if head is not None:
            ctx.issuer = head.key
            if ctx.topic is None:
                ctx.topic, ctx.topic_paragraph = head.key, ctx.paragraph
        row = cells(doc.text)
        if not row:
            ctx.table = None
        elif ctx.table is None or len(row) != ctx.table[0]:  # a header row: the roles of the rows under it
            from ingest.tables import column_roles
            roles = column_roles(doc.text, row)
            ctx.table = (len(row), tuple(roles)) if "vendor" in roles else None
        chips = [m for m in ms if m.kind == "chip"]
        prev = ctx.previous
        if not chips and prev is not None and prev.paragraph == ctx.paragraph and not prev.carried \
                and not any(m.kind == "org" and "Foundry" not in m.types and not _refers_back(doc, m) for m in ms):
            # "B200を発表した。2つのダイを…備える。製造はTSMCが担い…": a sentence naming no chip and no other
            # company keeps the paragraph's chips in view for one more sentence
            prev.carried = True
        elif not chips and prev is not None and prev.chips and prev.paragraph == ctx.paragraph - 1 \
                and names_the_chip(doc) and not any(m.kind == "org" and "Foundry" not in m.types for m in ms):
            # "…the QR-7 …\n\nThe chip itself is a small NPU.": a new paragraph that opens on "the chip"
            # continues with the chips of the paragraph before
            ctx.previous = ChipsInView(ctx.paragraph, prev.chips)
        elif not chips and prev is not None and prev.chips and prev.paragraph == ctx.paragraph \
                and doc.lang_ == "en" and (cue_spans(doc, "_this_chip") or all(
                    m.extra.get("coref") for m in ms if m.kind == "org" and "Foundry" not in m.types)):
            # "The chip uses the Da Vinci architecture and is the basis of Huawei's cards. TSMC manufactures it
            # on …": a sentence that points back at the chip keeps it in view, whoever else it names
            ctx.previous = ChipsInView(ctx.paragraph, prev.chips)
        elif not chips and prev is not None and prev.chips and prev.paragraph == ctx.paragraph - 1 and doc.lang_ in ("en", "ja") \
                and (ctx.question == ctx.paragraph and cue_spans(doc, "_this_chip") or asked == prev.paragraph
                     and ctx.question != ctx.paragraph) \
                and not any(m.kind == "org" and "Foundry" not in m.types and not m.extra.get("coref") for m in ms):
            # an interview's turns: "Q: Who makes it?" goes on about the chip of the answer before it, and the answer
            # ("A: TSMC, on N3E.") about the chip its question asked of; so does a Japanese answer whose first sentence
            # names no chip ("――Xはどんなチップですか。\n「一言でいえば…。同チップはTSMCの…で製造しています」")
            ctx.previous = ChipsInView(ctx.paragraph, prev.chips)
        else:
            ctx.previous = ChipsInView(ctx.paragraph, chips)
        if ctx.paragraph_chips is None or ctx.paragraph_chips.paragraph != ctx.paragraph:
            ctx.paragraph_chips = ChipsInView(ctx.paragraph, [])
        seen = {c.key for c in ctx.paragraph_chips.chips}
        ctx.paragraph_chips.chips += [c for c in chips if c.key not in seen and not seen.add(c.key)]
        if SECTION_HEADING.match(doc.text):  # "■ Cerebras（セレブラス）のWSE-3" over the paragraphs about it
            ctx.section = ChipsInView(ctx.paragraph, chips) if chips else None
        ctx.foundries |= {m.ids[0] for m in ms if m.kind == "org" and "Foundry" in m.types and m.ids}
        if doc.lang_ == "en":
            ctx.subject = _opening_org(doc, ms)
            _maker_in_view(doc, ms, ctx)
        years = [m for m in ms if m.kind == "year"]
        if years:
            ctx.year_in_view = (ctx.paragraph, years[0].value, years[0].extra.get("month"))
        remember_names(ctx, ms)
        mark_standing_names(doc, ms)
        remember_cjk_orgs(ctx, doc, ms)
        remember_first_words(ctx, doc, ms)
        remember_ja_short_names(ctx, doc, ms)
        remember_zh_short_names(ctx, doc, ms)
        remember_aliases(ctx, doc, ms)
        remember_short_names(ctx, doc, ms)
        return doc


@Language.factory("aic_context", assigns=["doc._.context"], requires=["doc._.mentions", "doc._.facts"])
def make_context(nlp: Language, name: str) -> ContextStage:
    return ContextStage()


# a letter a fund writes to its partners: its name heads or signs the letter ("HALLOWAY CREEK CAPITAL", "The Halloway
# Creek team") and its deals are told in the first person ("We led the Series A of …", "joined us in the round")
_FIRST_PERSON_DEALS = re.compile(r"\b[Ww]e\s+(?:also\s+)?(?:led|co-led|invested|backed|funded|seeded|took|participated|"
                                 r"wrote|joined)\b|\bjoined us\b|\bwhich we (?:backed|led|seeded|funded)\b")
_SIGNED = re.compile(r"^(?:[-–—]+\s*)?(?:The\s+)?(?P<name>[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,4}?)(?P<team>\s+team)?\s*$")


def document_author(text: str, ctx: DocContext) -> None:
    """Who "we" is in an English document: a fund telling its deals, or a company whose team posts it."""
    author_investor(text, ctx)
    if ctx.author_investor is None:
        author_company(text, ctx)


# "*Posted by the SambaNova Systems engineering team*": a company's own post
_BYLINE_TEAM = re.compile(r"^\W*(?:Posted|Written|Published)\s+by\s+(?:the\s+)?(?P<name>[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,4}?)"
                          r"(?:\s+[a-z][\w-]*){0,2}\s+team\W*$")


def author_company(text: str, ctx: DocContext) -> None:
    """The company whose team writes a post (its byline in the first lines): "we" and "our" are that company. The
    name must be a known company or end in a company word ("… Systems")."""
    from ingest.components.vocab_ruler import org_gazetteer
    import ontology
    for ln in [ln.strip() for ln in text.splitlines() if ln.strip()][:4]:
        m = _BYLINE_TEAM.match(ln)
        if m is None:
            continue
        name = m.group("name")
        hits = [h for h in org_gazetteer().find(name) if h.start == 0 and h.end == len(name)]
        if hits:
            entry = ontology.load_vocab()[hits[0].ids[0]]
            if "ChipVendor" in entry.types or "Organization" in entry.types:
                ctx.author_company = ("id:" + entry.id, (entry.id,))
            return
        if name.split()[-1] in _name_words().get("organization", frozenset()):
            ctx.author_company = ("new:org:" + name, ())
            ctx.names.setdefault(norm_key(name), NameInView(name, "org", "new:org:" + name))
        return


# 'Quillmark Semiconductor, Inc. ("Quillmark," the "Company," "we," "us" or "our")': a filing defines "we" as itself
# ('Halvergate Semiconductor Corporation (the "Company")': a filing's defined "Company" is the "we" of its text too)
_DEFINES_WE = re.compile(r"(?P<name>[A-Z][\w&'.-]*(?:,? [A-Z][\w&'.-]*){0,5}?)\s*\((?=[^()]{0,80}[\"“](?:we|Company|Registrant|Issuer)[,.]?[\"”])")
# "Priya, co-founder and CEO of Brindlemoor AI": a guest who speaks for the company she runs
_EN_GUEST = re.compile(r"\b(?P<who>[A-Z][a-z]+)(?: [A-Z][a-z]+)?, (?:the )?(?:co-?founder|founder|CEO|chief executive|CTO|"
                       r"president)(?: and (?:co-?founder|CEO|chief executive(?: officer)?|CTO|president))? (?:of|at) "
                       r"(?P<name>[A-Z][\w&'.-]*(?: [A-Z][\w&'.-]*){0,3})")
_EN_SPEAKER = re.compile(r"^\s*(?P<label>[A-Z][A-Za-z]+)\s?:\s")
# "对话栎川智能创始人：…": an interview with the head of a company, whose answers (答：) say 我们 for it
_ZH_INTERVIEWEE = re.compile(r"(?:对话|专访|访谈|独家对话)\s?(?P<name>[\u4e00-\u9fffA-Za-z]{2,12}?)\s?(?:联合)?"
                             r"(?:创始人|CEO|董事长|总裁|CTO|首席执行官|掌门人)")
_ZH_ANSWER = re.compile(r"^\s*答\s?[：:]")


# an earnings call's heading: the company's name first, then its ticker or the quarter ("Arvekta Systems (ARVK) Q3 Fiscal
# 2026 Earnings Call"); a speaker's label in the transcript ("Oona Halloran, CFO:", "Operator:")
_CALL_HEADING = re.compile(r"^\W*(?P<name>[A-Z][\w&'.-]*(?:\s+[A-Z][\w&'.-]*){0,4}?(?:,\s(?:Inc|Corp|Ltd|Co)\.)?)(?:['’]s?)?\s*(?:\([^()\n]{1,30}\)|"
                           r"\b(?:Q[1-4]|FY|F[1-4]Q|Fiscal|First|Second|Third|Fourth|Full|Earnings|Results|Quarterly|(?:19|20)\d\d)\b)")
_CALL_SPEAKER = re.compile(r"^\W*(?P<who>[A-Z][\w.'’-]*(?:[ -][A-Z][\w.'’-]*){0,3})(?:,\s*(?P<role>[^:\n]{2,60}?))?\s*:(?:\s|\W*$)")
_NOT_COMPANY_VOICE = {"operator", "moderator", "host", "analyst"}


def _call_company(head: str, sents: list) -> tuple[str | None, frozenset | None]:
    """An earnings call (a heading with a call word, lexicon `_call_title`): the company its heading names speaks as
    "we" in the turns of its executives (a label with a job title, ontology/lexicon/en/not_names.jsonl kind title),
    and in the paragraphs that go on such a turn; not in the operator's or the analysts' turns."""
    import ontology
    pats = [re.compile(p, re.I) for row in ontology.load_lexicon("en", "relations") if row["relation"] == "_call_title"
            for p in row["patterns"]]
    line = next((ln for ln in head.splitlines()[:3] if ln.strip() and any(p.search(ln) for p in pats)), None)
    m = _CALL_HEADING.match(line) if line else None
    if m is None:
        return None, None
    titles = {w.casefold() for row in ontology.load_lexicon("en", "not_names") if row.get("kind") == "title"
              for w in row["words"]}
    voice, current, last_paragraph = set(), False, None
    executives: set[str] = set()  # speakers once labelled with a company title: their later bare-name turns speak for it
    for s in sents:
        if s.paragraph != last_paragraph:
            sp = _CALL_SPEAKER.match(s.text)  # (a label may stand on a line of its own: "Dev Raman, Chief Financial Officer:")
            if sp:
                role = (sp.group("role") or sp.group("who")).casefold()
                words = {w for w in titles if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", role)}
                current = bool(words - _NOT_COMPANY_VOICE) or sp.group("who").casefold() in executives
                if current:
                    executives.add(sp.group("who").casefold())
            if current:
                voice.add(s.paragraph)
            last_paragraph = s.paragraph
    return m.group("name").strip(), frozenset(voice)


# a company's name on a document's first lines: capitalised words that end in a company word or a legal form
# ("Ebberly Compute", "Tarnwell Semiconductor, Inc.", "Harth Microsystems Inc.")
_EN_HEAD_NAME = re.compile(r"(?<![\w&'.-])[A-Z][\w&'.-]*(?:,?[ \t][A-Z][\w&'.-]*){0,6}")
_LEGAL_FORM = re.compile(r"^(?:Inc|Corp|Ltd|Co|LLC|PLC)\.?$")


# a labelled answer or question of an interview ("A:", "Answer:", "Q:"); a host's or interviewer's label
_EN_ANSWER = re.compile(r"^\s*(?:A|Answer)\s?[:：]")
_EN_QUESTION = re.compile(r"^\s*(?:Q|Question)\s?[:：]")
_HOST_LABELS = {"host", "interviewer", "moderator", "operator", "analyst", "q", "question", "editor", "reporter"}


def _outside_quotes(text: str) -> str:
    """The text with what stands between quotation marks blanked: somebody quoted speaks for himself."""
    return re.sub(r"“[^”]{0,400}”|\"[^\"\n]{0,400}\"", lambda m: " " * len(m.group(0)), text)


def _company_names(lines: list[str]) -> list[str]:
    """Company names on these lines: a name ending in a company word or legal form (ontology/lexicon/en/name_words.jsonl
    kind organization; never a fund's or a researcher's), or a chip vendor of the vocabulary that is not a foundry."""
    from ingest.components.vocab_ruler import org_gazetteer
    import ontology
    words = _name_words()
    org_words = {w.rstrip(".") for w in words.get("organization", frozenset())}
    found: list[str] = []
    pieces = [p for m in _EN_HEAD_NAME.finditer("\n".join(lines))  # ("Chief Executive Officer, Trevanion Devices")
              for p in re.split(r",\s(?!(?:Inc|Corp|Ltd|Co|LLC|PLC)\b)", m.group(0))]
    for piece in pieces:
        toks = piece.split()
        # the longest run of its words that ends in a company word or legal form ("Harth Microsystems Inc.")
        ends = [i for i, t in enumerate(toks) if t.rstrip(".,") in org_words or _LEGAL_FORM.match(t.rstrip(","))]
        first = next((i for i, t in enumerate(toks) if t not in words.get("heading_lead", frozenset())), len(toks))
        name = None
        if ends and ends[-1] > first:
            name = " ".join(toks[first:ends[-1] + 1]).rstrip(",")
            name = name if re.search(r"\b(?:Inc|Corp|Ltd|Co)\.$", name) else name.rstrip(".")
            if _INVESTOR_WORD.search(name):
                name = None
        if name is None:  # a known company of the vocabulary counts too ("… of Cerebras")
            for h in org_gazetteer().find(piece):
                entry = ontology.load_vocab()[h.ids[0]]
                if "ChipVendor" in entry.types and "Foundry" not in entry.types:
                    name = piece[h.start:h.end]
                    break
        if name:
            found.append(name)
    return found


# the writers' own company, named as such: "At Kelvarin, we …", "here at Kelvarin our …", "the Kelvarin team", "we at
# Kelvarin", "Sam Ortiz, CTO of Kelvarin", "co-founder and CEO at Kelvarin"
_NAME_WORDS = r"[A-Z][\w&'-]+(?:[ \t][A-Z][\w&'-]+){0,3}"
_OWN_COMPANY = re.compile(
    rf"(?:\b[Aa]t|\b[Hh]ere at|\b[Ww]e at|\b[Ee]veryone at)\s+(?P<a>{_NAME_WORDS})(?:,\s*|\s+)(?:we|our|us)\b|"
    rf"\b[Ww]e at\s+(?P<b>{_NAME_WORDS})|\b[Tt]he\s+(?P<c>{_NAME_WORDS})\s+team\b|"
    rf"\b(?:[Cc]o-?founder|[Ff]ounder|CEO|CTO|COO|CFO|[Cc]hief [A-Za-z]+ [Oo]fficer|[Cc]hief [Ee]xecutive)"
    rf"(?:\s+and\s+[\w -]{{2,30}}?)?,?\s+(?:of|at)\s+(?P<d>{_NAME_WORDS})")


def _head_company(text: str) -> str | None:
    """The company a document names where a writer says who writes it: a name the text gives as its writers' own
    ("At Kelvarin, we", "CTO of Kelvarin"), or one ending in a company word on its first lines (title, standfirst,
    first paragraph) or last lines (a signature: "Chief Executive Officer, Trevanion Devices"), or anywhere in the
    text when it is named there more than once; of several, the one the whole text names most often (by its first
    word), the writers' own first."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    own = []
    for m in _OWN_COMPANY.finditer(text):
        name = next(g for g in m.groups() if g)
        words = name.split()
        while words and words[0] in _name_words().get("heading_lead", frozenset()):
            words = words[1:]
        if words:
            own.append(" ".join(words))
    head = _company_names([ln[:300] for ln in lines[:4]]) + _company_names([ln[:300] for ln in lines[-3:]])
    count = lambda n: len(re.findall(rf"\b{re.escape(n.split()[0])}\b", text))
    anywhere = [n for n in _company_names([ln[:400] for ln in lines]) if count(n) >= 2]
    # (a writers'-own name stands for the longer company name that starts with it: "Kelvarin" of "Kelvarin Labs")
    own = [next((n for n in head + anywhere if n.split()[0] == o.split()[0]), o) for o in own]
    order = own + [n for n in head + anywhere if n not in own]
    if not order:
        return None
    return max(order, key=lambda n: (n in own, n in head, count(n), -order.index(n)))


# a transcript's speaker label opening a line: a person's name (words of a capital and small letters) or a role in
# capitals, an optional role after a comma, a colon ("Ivo Lind: …", "HOST: …"); never a bullet ("- Series A: $18 million")
_TURN_LABEL = re.compile(r"^(?P<who>[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’-]+){0,3}|[A-Z]{2,12})(?:,\s*[^:\n]{2,60})?\s*:\s")


def _speaker_turns(sents: list) -> dict[int, str]:
    """The labelled speaker of each paragraph of a transcript ("Ivo Lind: We make …"), carried over the paragraphs
    after a turn that have no label of their own."""
    turns: dict[int, str] = {}
    current, last = None, None
    for s in sents:
        if s.paragraph != last:
            sp = _TURN_LABEL.match(s.text) if s.paragraph != sents[0].paragraph else None  # (not the title)
            if sp:
                current = sp.group("who").strip()
            last = s.paragraph
            if current:
                turns[s.paragraph] = current
    return turns


# a fund telling its own deals ("We led the seed round of …", "our portfolio"): its "we" is no company it names
_FUND_DEAL = re.compile(r"\b[Ww]e\s+(?:also\s+)?(?:led|co-led|backed|seeded|invested in|participated in|joined)\b[^.]{0,80}?"
                        r"\b(?:round|seed|Series [A-H]|financing)\b|\b[Oo]ur portfolio\b")
# a text that defines its own first person ('below "our company"', 'hereinafter "we"'): no guess is needed
_DEFINED_SELF = re.compile(r"\b(?:below|hereinafter|hereafter|henceforth)\b[^)\n]{0,24}[\"“](?:our company|the company|"
                           r"we|us|the Company)[\"”]", re.I)
_FIRST_PLURAL = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Uu]s)\b")


def _voiced_company(text: str, sents: list) -> tuple[str | None, frozenset | None]:
    """Any English document where a company speaks for itself (a prospectus, a founder's post, a letter to
    shareholders, an interview's answers, a guest's turns in a podcast): two or more sentences outside quotation marks
    where "we"/"our" design, sell, raise or own (lexicon `_company_voice`) make its "we" the company the document
    names on its first (else last) lines. Where answers are labelled ("A:"), only the answers speak for it; in a
    transcript with named speakers, only the turns of the speaker the first lines tie to the company ("Ivo Lind,
    co-founder of Farrant Compute"). A review or article whose writers say "we tested", "we spoke with" (lexicon
    `_reviewer_voice`) is nobody's company voice."""
    import ontology
    rows = {r["relation"]: [re.compile(p) for p in r["patterns"]] for r in ontology.load_lexicon("en", "relations")
            if r["relation"] in ("_company_voice", "_reviewer_voice")}
    name = _head_company(text)
    if name is None or _FUND_DEAL.search(_outside_quotes(text)) or _DEFINED_SELF.search(text):
        # ('… (head office: Osaka, below "our company")': the text says itself who "we" is, the rules that read it do
        return None, None  # ("We led the seed of …": a fund's "we", never the company it names)
    answers = {s.paragraph for s in sents if _EN_ANSWER.match(s.text)}
    turns = _speaker_turns(sents)
    speakers = set(turns.values()) - {"Q", "A", "Question", "Answer"}
    voice: frozenset | None = None
    if len(answers) >= 2:
        spoken, current, last = set(), False, None
        for s in sents:
            if s.paragraph != last:
                if _EN_ANSWER.match(s.text):
                    current = True
                elif _EN_QUESTION.match(s.text) or _CALL_SPEAKER.match(s.text):
                    current = False
                last = s.paragraph
            if current:
                spoken.add(s.paragraph)
        voice = frozenset(spoken)
    elif len(speakers) >= 2 and len(turns) >= 3:
        intro = []  # (the lines before the first turn: who is who)
        for i, ln in enumerate([ln for ln in text.splitlines() if ln.strip()][:12]):
            if i and _TURN_LABEL.match(ln):
                break
            intro.append(ln)
        head = " ".join(intro)
        near = {who: min((abs(a.end() - b.start()) for a in re.finditer(re.escape(who), head)
                          for b in re.finditer(re.escape(name.split()[0]), head)), default=10 ** 6)
                for who in speakers if who.casefold() not in _HOST_LABELS}
        best = sorted(near.items(), key=lambda kv: kv[1])
        if not best or best[0][1] > 80 or len(best) > 1 and best[1][1] == best[0][1]:
            return None, None  # (nobody the first lines tie to the company: "Ivo Lind, co-founder of Farrant Compute")
        tied = {best[0][0]}
        voice = frozenset(p for p, who in turns.items() if who in tied)
    outside = [_outside_quotes(s.text) for s in sents if voice is None or s.paragraph in voice]
    said = sum(1 for t in outside if any(p.search(t) for p in rows.get("_company_voice", ())))
    reviewed = sum(1 for t in outside if any(p.search(t) for p in rows.get("_reviewer_voice", ())))
    plural = sum(1 for t in outside if _FIRST_PLURAL.search(t))
    if not (said >= 2 or said >= 1 and plural >= 3) or voice is None and reviewed >= 2 and reviewed >= said:
        return None, None  # (a review or an analyst's note: its writers test, measure, estimate)
    return name.rstrip("."), voice  # ("Kiyomizu Logic Co., Ltd": the name as a sentence's mention writes it)


def first_person_company(text: str, sents: list, ctx: DocContext, lang: str) -> None:
    """Who "we"/我们 is where a company speaks for itself: a filing that defines "we" as the company, or an interview
    or podcast with a company's head (only that speaker's paragraphs: its answers, its lines)."""
    from ingest.components.vocab_ruler import org_gazetteer
    import ontology
    head = text[:1500]
    name, voice = None, None
    if lang == "en":
        m = _DEFINES_WE.search(head)
        if m:
            name = m.group("name").strip()
        elif _call_company(head, sents)[0]:
            name, voice = _call_company(head, sents)
        else:
            g = _EN_GUEST.search(head)
            speakers = {}
            for s in sents:
                sp = _EN_SPEAKER.match(s.text)
                if sp:
                    speakers.setdefault(s.paragraph, sp.group("label").casefold())
            if g and len(speakers) >= 3 and g.group("who").casefold() in speakers.values():
                name = g.group("name").strip()
                voice = frozenset(p for p, lab in speakers.items() if lab == g.group("who").casefold())
    elif lang == "zh":
        m = _ZH_INTERVIEWEE.search(head)
        answers = frozenset(s.paragraph for s in sents if _ZH_ANSWER.match(s.text))
        if m and len(answers) >= 2:
            name, voice = m.group("name"), answers
    if not name and lang == "en":
        name, voice = _voiced_company(text, sents)
        ctx.voice_quoted = name is None  # (its "we" inside a quotation is somebody else's)
    if not name:
        return
    name = re.split(r"(?<!\bInc)(?<!\bCorp)(?<!\bLtd)(?<!\bCo)\.\s", name)[0]  # "Brindlemoor AI. Priya, thanks …"
    name = name if re.search(r"\b(?:Inc|Corp|Ltd|Co)\.$", name) else name.rstrip(".")
    hits = [h for h in org_gazetteer().find(name) if h.start == 0 and h.end == len(name)]
    if hits:
        entry = ontology.load_vocab()[hits[0].ids[0]]
        ctx.author_company, ctx.voice = ("id:" + entry.id, (entry.id,)), voice
        ctx.defined = ctx.defined or "id:" + entry.id
        return
    key = "new:org:" + name
    ctx.author_company, ctx.voice = (key, ()), voice
    ctx.defined = ctx.defined or key  # (its "the Company", 该公司 in the editor's note)
    ctx.names.setdefault(norm_key(name), NameInView(name, "org", key))
    short = name
    for _ in range(3):  # "Quillmark Semiconductor, Inc." -> "Quillmark Semiconductor" -> "Quillmark"
        hit = EN_CORPORATE.match(short.replace(",", "")) if lang == "en" else None
        if not hit:
            break
        short = hit.group("short")
        ctx.names.setdefault(norm_key(short), NameInView(short, "org", key))


# a fund vehicle on a letter's heading lines: "Oxenholme Deep Compute Fund II, L.P." (its short name "Fund II")
_FUND_VEHICLE = re.compile(r"(?P<name>[A-Z][\w&'-]*(?:\s+[A-Z][\w&'-]*){0,5}?\s+(?P<short>Fund\s+(?:[IVX]{1,4}|\d{1,2})))\b"
                           r"(?:,?\s+L\.?P\.?)?")


_FUND_NAME = re.compile(r"(?<![\w&'-])(?:[A-Z][\w&'-]*[ \t]){1,4}(?:Capital|Ventures|Partners|Investments|Fund|Growth|VC)(?![\w-])")


def _fund_on_edges(lines: list[str]) -> tuple[str, str] | None:
    """A fund named on a document's first or last lines (its announcement, its sign-off), when the text tells its
    deals as "we": of several, the one named most often."""
    names = [m.group(0).strip() for ln in lines[:3] + lines[-3:] for m in _FUND_NAME.finditer(ln)]
    names = [n for n in names if n.split()[0] not in _name_words().get("heading_lead", frozenset())]
    if not names:
        return None
    text = "\n".join(lines)
    best = max(names, key=lambda n: (len(re.findall(re.escape(n.split()[0]), text)), -names.index(n)))
    return best, best


def author_investor(text: str, ctx: DocContext) -> None:
    """The fund that writes an English document about its own deals: the name on its heading or sign-off line,
    when that name says it invests ("… Capital") or signs as a team, and the text tells its deals as "we"."""
    if not _FIRST_PERSON_DEALS.search(text):
        return
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    investor_words = _name_words().get("investor", frozenset())
    full, short = None, None
    for ln in lines[:2] + lines[-2:]:
        m = _SIGNED.match(ln)
        if m is None:
            continue
        words = m.group("name").split()
        title = [w if not w.isupper() or len(w) <= 3 and w in investor_words else w.capitalize() for w in words]
        if 2 <= len(words) <= 5 and title[-1] in investor_words:
            full = full or (m.group("name"), " ".join(title))
        elif m.group("team") and 1 <= len(words) <= 4:
            short = short or " ".join(words)
    vehicle = next((v for v in (_FUND_VEHICLE.search(ln) for ln in lines[:3]) if v), None)
    if vehicle is not None:  # "Oxenholme Deep Compute Fund II, L.P. — Letter to Limited Partners": the fund invests,
        name = vehicle.group("name")  # not the management company on the line above it
        key = "new:org:" + name
        ctx.author_investor = key
        for written in sorted({name, vehicle.group(0).strip(" ,"), vehicle.group("short")}, key=len, reverse=True):
            ctx.names.setdefault(norm_key(written), NameInView(written, "org", key))
        return
    if full is None and short is None:
        full = _fund_on_edges(lines)  # ("Dunmore Capital is pleased to announce …": the fund its first lines name)
    if full is None and short is None:
        return
    name = full[1] if full else short
    key = "new:org:" + name
    ctx.author_investor = key
    for written in {full[0], full[1]} if full else {short}:
        ctx.names.setdefault("\x00" + written if written.isupper() else norm_key(written), NameInView(written, "org", key))
    if short and norm_key(short) not in ctx.names:
        ctx.names[norm_key(short)] = NameInView(short, "org", key)
