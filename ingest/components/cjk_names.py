"""Japanese and Chinese names no vocabulary knows, found by the words around them (issue 12).

The trained recogniser and the corporate-suffix patterns of `aic_unknown` miss names whose kind is written
beside them rather than in them (アーキテクチャ「ヤマセ」, 計算基盤「ツバクロ・ネスト」, 微架构“逐光”), names that end
in a word saying what they are but are not katakana (北斗みらい投資, カナメ通信, 赛恩咨询, 岚汐证券研究所), names cut short
(「グロース・ファンド」 of シノノメ・グロース・ファンド, 「-t8」 of qc-t8, 「J30」 of 霁川J30), and they take for names what is
a place in brackets (（東京・千代田）), a description (新型半導体) or a word cut in two (北京举 of 在北京举行). The words are
data: ontology/lexicon/<lang>/name_words.jsonl. A name whose last word says it invests, researches or is a company
of another trade is written even where no relation uses it ("standing"), typed by that word.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from ingest.components.spans import drop, overlaps
from ingest.model import Mention

STANDING = {"investor": "Investor", "research": "ResearchFirm", "organization": "Organization",
            "chip_vendor": "ChipVendor"}
_OPEN, _CLOSE = "「『“\"", "」』”\""
_CJK = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_KATAKANA_HEAD = re.compile(r"(?:[\u30a1-\u30faー]{2,}・)+$")
# particles, punctuation, verbs and the like: no part of a Japanese name (Sudachi's tags)
_JA_STOP_TAGS = ("助詞", "補助記号", "動詞", "助動詞", "接続詞", "副詞", "形容詞", "連体詞", "代名詞", "記号", "空白", "接尾辞")
# Chinese characters that never begin or sit inside a name found by its last word
_ZH_STOP = "的等了在由和与及月年将为是其该这那此各多家参投领跟首轮亿万元从对向以被把于据"


@lru_cache(maxsize=4)
def name_words(lang: str) -> dict[str, tuple[str, ...]]:
    """Rows of ontology/lexicon/<lang>/name_words.jsonl by kind, longest word first."""
    import ontology
    try:
        rows = ontology.load_lexicon(lang, "name_words")
    except ontology.VocabError:
        return {}
    out: dict[str, set] = {}
    for row in rows:
        out.setdefault(row["kind"], set()).update(row["words"])
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@lru_cache(maxsize=4)
def _describing(lang: str) -> re.Pattern:
    """Words that never name on their own (not_names) and the kind words of names: a span made only of these
    ("ベンチャーキャピタル", "新型半導体", "证券研究所") describes, it does not name."""
    from ingest.components.ner import not_names
    words = set(not_names(lang)) | {"ai"}
    for kind, ws in name_words(lang).items():
        if kind not in ("beside_name", "before_name", "heading_lead"):  # words next to a name, never a description of one
            words |= {w.casefold() for w in ws}
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:{alts}|[\s・の的0-9])+")


def describes(text: str, lang: str) -> bool:
    return bool(_describing(lang).fullmatch(text.casefold()))


def _strip_legal(text: str, lang: str) -> str:
    t = text.strip()
    for lf in name_words(lang).get("legal_form", ()):
        if t.startswith(lf) and len(t) > len(lf) + 1:
            t = t[len(lf):].strip()
        if t.endswith(lf) and len(t) > len(lf) + 1:
            t = t[:-len(lf)].strip()
    return t


def kind_of_name(text: str, lang: str) -> tuple[str, str] | None:
    """(kind, word): the longest kind word a name ends with (its legal form set aside), when something that is
    not a description stands before it ("北斗みらい投資" -> investor; "地銀系ファンド", "投資" -> None)."""
    whole = text.strip()
    legal = set(name_words(lang).get("legal_form", ()))
    for kind, ws in name_words(lang).items():  # a legal form that says the kind: "…投資事業有限責任組合" is a fund
        w = next((w for w in ws if kind in STANDING and w in legal and whole.endswith(w)), None)
        if w and len(whole) - len(w) >= 2 and not describes(whole[:-len(w)], lang):
            return (kind, w)
    t = _strip_legal(text, lang)
    low = t.casefold()
    best = None
    for kind, ws in name_words(lang).items():
        if kind not in ("investor", "research", "organization", "chip_vendor", "vendor"):
            continue
        for w in ws:
            wl = w.casefold()
            if not low.endswith(wl) or (best and len(wl) <= len(best[1])):
                continue
            head = t[:len(t) - len(w)]
            if w.isascii() and not head.endswith(" "):
                continue  # a Latin word is a word of its own: "verimoor insights", not "xinsights"
            best = (kind, wl)
    if best is None:
        if t != text.strip() and len(t) >= 2 and not describes(t, lang):
            return ("organization", "")  # "ツクモ電算株式会社": a registered name says it is a company
        return None
    head = t[:len(t) - len(best[1])].strip(" ・")
    if len(head) < 2 or describes(head, lang):
        return None
    return best


@lru_cache(maxsize=64)
def _words_re(lang: str, *kinds: str) -> str:
    """The kinds' words as one alternation, longest first (built once per language and kinds)."""
    ws = sorted({w for k in kinds for w in name_words(lang).get(k, ())}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in ws)


def _displace(out: list, taken: list, s: int, e: int) -> None:
    """A model's or a pattern's guesses over [s, e) give way to a name whose kind word is written beside it."""
    for x in [x for x in out if x.start < e and s < x.end and not x.ids and x.extra.get("unknown")
              and x.kind in ("org", "chip", "arch", "cluster")]:
        drop(out, taken, x)


def _names_in_view(doc: Doc) -> list:
    ctx = doc._.context if Doc.has_extension("context") else None
    return list(ctx.names.values()) if ctx is not None else []


def find(doc: Doc, out: list, taken: list) -> None:
    """`aic_unknown`'s Japanese and Chinese step: the rules of this module, in order."""
    if doc.lang_ not in ("ja", "zh"):
        return
    _drop_non_names(doc, out, taken)
    _vendor_cells(doc, out, taken)
    _kind_word_names(doc, out, taken)
    _remembered_inside_guess(doc, out, taken)
    _family_members(doc, out, taken)
    _known_head_investors(doc, out, taken)
    _numbered_funds(doc, out, taken)
    _counted_lists(doc, out, taken)
    _product_lines(doc, out, taken)
    _word_ended_names(doc, out, taken)
    _chip_owners(doc, out, taken)
    _complete_names(doc, out, taken)
    _brand_codes(doc, out, taken)
    _kana_owners(doc, out, taken)
    _spaced_bracket_pairs(doc, out)
    _founders_company(doc, out, taken)
    _coined_companies(doc, out, taken)
    _latin_before_bracket(doc, out, taken)
    _defined_aliases(doc, out)
    _bracketed_arch_pairs(doc, out, taken)
    _company_word_brackets(doc, out, taken)
    _spelled_before_known(doc, out)
    _numbered_parts(doc, out, taken)
    mark_standing(doc, out)


def _numbered_parts(doc: Doc, out: list, taken: list) -> None:
    """"…を語るスレ Part12", "ニュースまとめ Vol.8": a model's chip guess whose Latin word before the number is an ordering
    word (Part, Vol, No, Chapter …: the English name_words kind not_brand) numbers a thread or an issue, no chip."""
    if doc.lang_ != "ja":
        return
    from ingest.components.unknown import _name_words_not_brand
    words = {w.casefold() for w in _name_words_not_brand() | set(name_words("ja").get("not_brand", ()))}
    for x in [o for o in out if o.kind == "chip" and not o.ids and o.extra.get("ner")]:
        last = re.search(r"([A-Za-z]+)\.?\s?-?\d+$", x.text)
        if last and last.group(1).casefold() in words and not re.search(r"[A-Za-z0-9]", x.text[:last.start()]):
            drop(out, taken, x)  # (not "Gaudi Part2": a Latin name before the word keeps its guess)


def _spelled_before_known(doc: Doc, out: list) -> None:
    """"ワームホール（Wormhole）", "クエーサー（Quasar）": a katakana guess right before a bracket that holds a name the
    vocabulary knows is that name spelt in Japanese (a translation writes both), whatever kind a recogniser gave it."""
    if doc.lang_ != "ja":
        return
    from ingest.model import NameInView
    from ontology.normalize import key as norm_key
    ctx = doc._.context if Doc.has_extension("context") else None
    spelt = {n.text: n for n in _names_in_view(doc) if n.label == "spelt"}  # (label: how the name was found)
    text = doc.text
    for x in [o for o in out if not o.ids and o.extra.get("unknown") and o.kind in ("org", "arch", "chip", "cluster")
              and re.fullmatch(r"[\u30a1-\u30faー・]{2,}", o.text)]:
        y = next((o for o in out if o.ids and o.kind in ("org", "arch", "chip", "cluster")
                  and re.fullmatch(r"[（(]\s?", text[x.end:o.start]) and re.match(r"\s?[）)]", text[o.end:])), None)
        if y is None and x.text in spelt:  # the same spelling later in the document, on its own
            n = spelt[x.text]
            x.kind, x.ids, x.types = n.kind, (n.key[3:],), ()
            x.extra.pop("unknown", None)
            x.extra["key"] = n.key
            continue
        if y is None:
            continue
        x.kind, x.ids, x.types = y.kind, y.ids, y.types
        x.extra.pop("unknown", None)
        x.extra["key"] = y.key
        if ctx is not None and y.key.startswith("id:"):
            ctx.names.setdefault(norm_key(x.text), NameInView(x.text, y.kind, y.key, "spelt"))


def _company_word_brackets(doc: Doc, out: list, taken: list) -> None:
    """"我们公司（澄湃智算）测过…": a name in brackets right after a bare company word (name_words kind company_word)
    is the name of that company, an organisation whatever its last word; places and descriptions in brackets
    ("公司（北京）", "公司（上市公司）") are not names."""
    if doc.lang_ != "zh":
        return
    words = _words_re("zh", "company_word")
    if not words:
        return
    from ingest.components.ner import not_names
    text = doc.text
    # (a bare word: after a pronoun, a determiner or punctuation; not the end of a registered name "…有限公司（…）")
    for m in re.finditer(rf"(?:^|(?<=[，。；：、\s])|(?<=我们)|(?<=我司)|(?<=这家)|(?<=那家)|(?<=一家)|(?<=的))(?:{words})"
                         rf"[（(]\s?(?P<n>[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z ]{{1,15}}?)\s?[）)]", text):
        s, e = m.span("n")
        name = text[s:e]
        if describes(name, "zh") or name.casefold() in not_names("zh") or re.search(r"简称|以下|下称", name):
            continue
        for x in [x for x in out if x.start < e and s < x.end and not x.ids and x.extra.get("unknown")]:
            drop(out, taken, x)
        if any(a < e and s < b for a, b in taken):
            continue
        taken.append((s, e))
        out.append(Mention(s, e, name, "org", extra={"unknown": True, "standing": "Organization"}))


def _bracketed_arch_pairs(doc: Doc, out: list, taken: list) -> None:
    """"自研的天衡（Tessera 5）架构": the name before the bracket and the name in it are two spellings of the
    architecture the kind word after them names, whatever kind a recogniser gave them. A Chinese named architecture
    no vocabulary knows is a design (a microarchitecture): the generic kinds (GPU, NPU) are all known."""
    arch = _words_re(doc.lang_, "arch_word")
    if not arch:
        return
    text = doc.text
    for m in re.finditer(rf"[（(]\s?(?P<y>[^（()）、，,。\n]{{2,24}}?)\s?[）)]\s?(?:{arch})", text):
        x = next((o for o in out if o.end == m.start() and o.kind in ("chip", "arch", "org", "cluster")), None)
        if x is None or x.ids:
            continue
        s, e = m.span("y")
        y = next((o for o in out if (o.start, o.end) == (s, e)), None)
        if y is None:
            if overlaps(taken, s, e):
                continue
            taken.append((s, e))
            y = Mention(s, e, text[s:e], "arch", (), ("Architecture",), extra={"unknown": True})
            out.append(y)
        if y.ids and y.kind != "arch":
            continue
        if not y.ids:
            y.kind = "arch"
        x.kind, x.types = "arch", y.types or ("Architecture",)
        x.extra["key"] = y.key
    if doc.lang_ == "zh":
        for a in [o for o in out if o.kind == "arch" and not o.ids]:
            a.types = ("Microarchitecture",)

def _vendor_cells(doc: Doc, out: list, taken: list) -> None:
    """"| 栖川智能 | QC-Edge 5 | … | C轮，8亿元 |" under a header "| 厂商 | …": the vendor column's cell is one company's
    name, whatever a model made of it, so the row's other cells (a round, an amount) and later notes can use it."""
    from ingest.tables import cells
    ctx = doc._.context if Doc.has_extension("context") else None
    table = ctx.table if ctx is not None and doc.lang_ == "zh" else None
    row = cells(doc.text) if table else []
    if not row or len(row) != table[0] or "vendor" not in table[1]:
        return
    s, e = row[table[1].index("vendor")]
    name = doc.text[s:e].strip()
    if len(name) < 2 or len(name) > 20 or describes(name, doc.lang_) or re.search(r"[（()）/、，,]", name) \
            or not _CJK.search(name) or any(x.ids and x.start < e and s < x.end for x in out):
        return
    s += doc.text[s:e].index(name)
    e = s + len(name)
    for x in [x for x in out if x.start < e and s < x.end and not x.ids]:
        drop(out, taken, x)
    if overlaps(taken, s, e):
        return
    taken.append((s, e))
    out.append(Mention(s, e, name, "org", extra={"unknown": True, "cell": True}))


# a role word whose last character a guess took for the first of a name ("领投方|云杪基金", "投资人|岚桥资本")
_ZH_ROLE_HEAD = re.compile(r"(?:领投|跟投|投资|出资)[方人]$")


def _drop_non_names(doc: Doc, out: list, taken: list) -> None:
    """A place in brackets after a name ("ツバクロ・デバイセズ（東京・千代田）"), a description ("新型半導体"), a guess that
    ends inside a word of the sentence ("北京举" of 在北京举行) or runs into a title ("真一社" of 真一社長)."""
    from ingest.components.ner import not_names
    text, lang = doc.text, doc.lang_
    places = not_names(lang)
    starts = {t.idx for t in doc} | {len(text)}
    titles = name_words(lang).get("person_after", ())
    if lang == "zh":  # "B轮的领投方|云杪基金" read as "方云杪基金": the last character of a role word is no part of a name
        for m in [m for m in out if m.kind == "org" and not m.ids and m.extra.get("unknown") and len(m.text) >= 4
                  and _ZH_ROLE_HEAD.match(text, max(0, m.start - 2), m.start + 1)]:
            if (m.start, m.end) in taken:
                taken.remove((m.start, m.end))
            m.start += 1
            m.text = text[m.start:m.end]
            taken.append((m.start, m.end))
    if lang == "zh":  # "包括CJ-10、CJ-20两款…芯片": a model code a model took for an organisation is a chip
        for m in [m for m in out if m.kind == "org" and not m.ids and m.extra.get("ner")
                  and re.fullmatch(r"[A-Z]{1,5}-\d{1,4}[A-Za-z]?", m.text)]:  # (hyphened: not "FP8", "HBM3")
            m.kind, m.types = "chip", ("Chip",)
    if lang == "zh":  # "光电混合计算公司Lumeq": a guess that ends in a bare company word before another name describes it
        for m in [m for m in out if m.kind == "org" and not m.ids and m.extra.get("ner") and m.text.endswith(name_words("zh").get("company_word", ()))
                  and re.match(r"[A-Za-z\u4e00-\u9fff“\"「]", text[m.end:m.end + 1])
                  and not any(m.text.endswith(lf) for lf in name_words(lang).get("legal_form", ()))]:
            drop(out, taken, m)
    if lang == "zh":  # 和很多"PPT公司"不同: a product or architecture guess that ends in a company word names a company
        for m in [m for m in out if m.kind in ("chip", "arch", "cluster") and not m.ids and m.extra.get("unknown")
                  and m.text.endswith(name_words("zh").get("company_word", ()))]:
            drop(out, taken, m)
    for m in [m for m in out if m.kind == "org" and not m.ids and m.extra.get("unknown") and not m.extra.get("coref")]:
        t = m.text
        if 0 < m.start and text[m.start - 1] in "（(" and t.replace("、", "・").split("・")[0].casefold() in places:
            drop(out, taken, m)
            continue
        if m.extra.get("ner") and _HEAD_OFFICE.search(text, 0, m.start):  # "（本社：米国カリフォルニア州サンタクララ）"
            drop(out, taken, m)
            continue
        if describes(_strip_legal(t, lang), lang):
            drop(out, taken, m)
            continue
        if lang == "ja" and titles and re.fullmatch(rf"(?:[\u4e00-\u9fff]{{1,4}})?(?:{_words_re(lang, 'person_after')})"
                                                    rf"(?:[・/／]?兼?(?:{_words_re(lang, 'person_after')}))*", t.strip()):
            drop(out, taken, m)  # "代表取締役社長兼CEO", "凪CEO" (of 檜山凪CEO): a person's titles or name, no company
            continue
        if m.extra.get("ner") and lang == "ja":  # "手がけるシズク・デザイン": the verb before a name is no part of it
            lead = [t for t in doc if m.start <= t.idx < m.end]
            while lead and lead[0].tag_.startswith(("動詞", "助動詞", "助詞")):
                lead = lead[1:]
            if lead and lead[0].idx > m.start:
                if (m.start, m.end) in taken:
                    taken.remove((m.start, m.end))
                m.start = lead[0].idx
                m.text = text[m.start:m.end]
                taken.append((m.start, m.end))
        if m.extra.get("ner") and m.end not in starts:
            cut = max((i for i in starts if m.start < i < m.end), default=m.start)
            rest = text[m.start:cut]
            if len(rest) < 2 or rest.casefold() in places or describes(rest, lang):
                drop(out, taken, m)
                continue
        if m.extra.get("ner") and lang == "zh":  # "星图研究院测算": a name ends with the last word that says what it is
            ends = [m.start + i + len(w) for kind in ("research", "investor", "chip_vendor", "organization")
                    for w in name_words(lang).get(kind, ()) if not w.isascii()
                    for i in [j for j in range(len(m.text)) if m.text.startswith(w, j) and j > 0]]
            end = max((x for x in ends if x in starts or text.startswith(name_words(lang).get("beside_name", ()), x)),
                      default=m.end)  # ("远川资|本领|投": jieba reads 本领 across the name's end)
            chain = _words_re(lang, "trade_chain")  # "澜汐半导体|科技": another trade word goes on the name
            if end < m.end and not _ZH_NAME_TAIL.match(text, end, m.end) and not (chain and re.match(chain, text[end:m.end])):
                _reshape(out, taken, m, m.start, end, text)
            # "市场上一度流传北冥资本": a verb inside a guess that ends in a kind word ends what comes before the name
            if kind_of_name(m.text, lang) is not None:
                from ingest.components.unknown import _zh_after_verb
                cut = _zh_after_verb(m.text)
                if cut and m.start + cut in starts:
                    _reshape(out, taken, m, m.start + cut, m.end, text)
            # "华岳证|券": a guess that stops inside the kind word that ends the name runs on to its end
            over = [i + len(w) for kind in ("research", "investor", "chip_vendor", "organization", "vendor")
                    for w in name_words(lang).get(kind, ()) if not w.isascii()
                    for i in range(max(m.start + 2, m.end - len(w) + 1), m.end) if text.startswith(w, i)]
            if over and max(over) > m.end and max(over) in starts and not any(
                    x is not m and x.start < max(over) and m.end <= x.start for x in out):
                _reshape(out, taken, m, m.start, max(over), text)
            elif m.end not in starts or kind_of_name(m.text, lang) is None:  # "观澜产|业研究院", "观澜产业|研究院"
                kinds = _words_re(lang, "research", "investor", "chip_vendor", "organization")
                more = re.match(rf"(?:[\u4e00-\u9fff](?<![{_ZH_STOP}])){{0,3}}?(?:{kinds})", text[m.end:]) if kinds else None
                end = m.end + more.end() if more else None
                if end and end in starts and not any(x is not m and m.end <= x.start < end for x in out):
                    _reshape(out, taken, m, m.start, end, text)
        if any(text.startswith(w, i) for w in titles for i in range(max(m.start, m.end - len(w) + 1), m.end)
               if i + len(w) > m.end):
            drop(out, taken, m)  # a title cut in two: "石動真一社長" read as "真一社"


# the place a company gives as its seat, in brackets after its name: what follows is an address, not a name
_HEAD_OFFICE = re.compile(r"[（(](?:本社|本部|所在地|本店|总部|總部)\s?[：:]\s?[^（）()：:、，。]{0,6}$")
# what may follow a kind word inside a Chinese name: a legal form, a branch in brackets
_ZH_NAME_TAIL = re.compile(r"(?:股份|有限|责任|公司|集团|控股|[（(])")


def _reshape(out: list, taken: list, m: Mention, s: int, e: int, text: str) -> None:
    if (m.start, m.end) in taken:
        taken.remove((m.start, m.end))
    m.start, m.end, m.text = s, e, text[s:e]
    taken.append((s, e))


def _kind_word_names(doc: Doc, out: list, taken: list) -> None:
    """Quoted names after their kind word (アーキテクチャ「ヤマセ」, 微架构“逐光”, 計算基盤「ツバクロ・ネスト」) and quoted names
    that end in one (“衡川千卡集群”)."""
    text, lang = doc.text, doc.lang_
    arch, cluster = _words_re(lang, "arch_word"), _words_re(lang, "cluster_word")
    found = []
    if arch:
        for m in re.finditer(rf"(?P<w>{arch})\s?[{_OPEN}]\s?(?P<n>[^{_CLOSE}{_OPEN}\n]{{1,24}}?)\s?[{_CLOSE}]", text):
            micro = bool(re.match(r"マイクロ|微", m.group("w")))
            found.append((*m.span("n"), "arch", ("Microarchitecture",) if micro else ("Architecture",)))
    if cluster:
        for m in re.finditer(rf"(?:{cluster})\s?[{_OPEN}]\s?(?P<n>[^{_CLOSE}{_OPEN}\n]{{1,24}}?)\s?[{_CLOSE}]", text):
            found.append((*m.span("n"), "cluster", ("ComputingCluster",)))
        for m in re.finditer(rf"[{_OPEN}]\s?(?P<n>[^{_CLOSE}{_OPEN}\n]{{1,20}}(?:{cluster}))\s?[{_CLOSE}]", text):
            found.append((*m.span("n"), "cluster", ("ComputingCluster",)))
    counter, verb = _words_re(lang, "cluster_counter"), _words_re(lang, "cluster_verb")
    if counter and verb:  # "KZ-Edge 3を256枚搭載したデモ用サーバー群「ミナモ」": a system of many chips is a cluster
        for m in re.finditer(rf"[0-9０-９][0-9０-９,，]*\s?(?:{counter})\s?を?(?:{verb})[^{_OPEN}{_CLOSE}。、\n]{{0,24}}?"
                             rf"[{_OPEN}]\s?(?P<n>[^{_CLOSE}{_OPEN}\n]{{1,24}}?)\s?[{_CLOSE}]", text):
            found.append((*m.span("n"), "cluster", ("ComputingCluster",)))
    if lang == "zh":  # 边缘AI芯片企业"衡芯微", 芯片公司「X」: a quoted name right after the word that says it is a company
        for m in re.finditer(rf"(?:公司|企业|厂商|创企|独角兽)\s?[“\"「『](?P<n>[^{_CLOSE}{_OPEN}\n，。]{{2,12}}?)[”\"」』]", text):
            if text[m.start("n") - 1] == '"' and text.count('"', 0, m.start("n") - 1) % 2:
                continue  # a straight quote that closes an earlier one
            found.append((*m.span("n"), "org", ()))
    for s, e, kind, types in found:
        reading = re.search(r"[（(]([^（）()]{2,20})[）)]$", text[s:e])
        if reading and reading.start() >= 2:  # 「アサツユ（Asatsuyu）」: the name, and its reading in brackets
            e = s + reading.start()
        name = text[s:e].strip()
        if len(name) < 2 or describes(name, lang):
            continue
        if any(x.ids and x.start < e and s < x.end for x in out):
            continue  # a name the vocabulary knows
        _displace(out, taken, s, e)
        if overlaps(taken, s, e):
            continue
        taken.append((s, e))
        out.append(Mention(s, e, text[s:e], kind, (), types, extra={"unknown": True, "quoted": True}))
        if reading and reading.start() >= 2:
            out[-1].extra["alt"] = reading.group(1)


def _remembered_inside_guess(doc: Doc, out: list, taken: list) -> None:
    """A model's guess that holds a name the document already gave, and more ("星澜集群" after “星澜”, "通过霁川智能"
    after 霁川智能): the name, with the key it had."""
    names = [n for n in _names_in_view(doc) if n.kind in ("org", "chip", "cluster") and len(n.text) >= 2]
    if not names:
        return
    text = doc.text
    for g in [x for x in out if x.extra.get("ner") and not x.ids and not x.extra.get("remembered")]:
        same = next((n for n in names if n.short and n.text == g.text), None)
        given = next((n for n in names if n.text == g.text and n.kind == g.kind), None) if doc.lang_ == "ja" else None
        if same is None and given is not None:  # "ワダツミ社" defined as 以下「ワダツミ社」: that name, not its first word
            g.extra.update({"remembered": True, "key": given.key})
            continue
        if same is not None and doc.lang_ == "zh":
            from ingest.components.unknown import _ZH_REGISTERED_ON
            if _ZH_REGISTERED_ON.match(text, g.end):
                same = None  # "鹭岭|区产业投资集团有限公司": the short word opens another registered name
        if same is not None and not _brand_on_code(text, g.start, g.text):
            g.kind, g.types = "org", ()  # "磐石自己的训练卡" after 磐石算力: the company's short name, whatever the model read
            g.extra.update({"remembered": True, "key": same.key})
            continue
        longer = [n for n in names if len(n.text) > len(g.text) and n.text.startswith(g.text)
                  and text.startswith(n.text, g.start) and not overlaps([t for t in taken if t != (g.start, g.end)],
                                                                         g.start, g.start + len(n.text))]
        if longer and g.end < len(text) and text[g.end].isalnum():  # "AX650" of "AX650N" after the table gave AX650N
            n = max(longer, key=lambda n: len(n.text))
            _reshape(out, taken, g, g.start, g.start + len(n.text), text)
            g.extra.update({"remembered": True, "key": n.key})
            continue
        cut = [n for n in names if len(n.text) > len(g.text) and n.text.endswith(g.text)
               and g.start >= len(n.text) - len(g.text) and text.startswith(n.text, g.end - len(n.text))
               and not overlaps([t for t in taken if t != (g.start, g.end)], g.end - len(n.text), g.end)]
        if cut:  # "霄智芯" of 栖霄智芯 after 「栖霄智芯」: the model cut the head off a name the document gave
            n = max(cut, key=lambda n: len(n.text))
            _reshape(out, taken, g, g.end - len(n.text), g.end, text)
            g.kind = n.kind
            g.extra.update({"remembered": True, "key": n.key})
            continue
        inner = [n for n in names if n.text != g.text and n.text in g.text and not (n.short and (
            g.kind != "org" or any(x.text == g.text for x in names) or _brand_on_code(text, g.start, n.text)))]
        if not inner:
            continue
        n = max(inner, key=lambda n: len(n.text))
        s = text.index(n.text, g.start)
        if doc.lang_ == "zh" and n.kind == "org":
            from ingest.components.unknown import _ZH_NAME_GOES_ON, _ZH_REGISTERED_ON
            if _ZH_NAME_GOES_ON.match(text, s + len(n.text)) or n.short and _ZH_REGISTERED_ON.match(text, s + len(n.text)):
                continue  # "杭州衡川智能科技有限公司" holding 「衡川智能」: the registered name, not the short one
        if doc.lang_ == "ja" and n.kind == "org" and re.match(r"・[\u30a1-\u30fa]", text[s + len(n.text):s + len(n.text) + 2]):
            continue  # "ヤマセ・シリコン" holding "ヤマセ" (its first word): the whole name, with its own key
        drop(out, taken, g)
        if overlaps(taken, s, s + len(n.text)):
            continue
        taken.append((s, s + len(n.text)))
        out.append(Mention(s, s + len(n.text), n.text, n.kind, (), ("Chip",) if n.kind == "chip" else
                           ("ComputingCluster",) if n.kind == "cluster" else (),
                           extra={"unknown": True, "remembered": True, "key": n.key}))


def _brand_on_code(text: str, start: int, name: str) -> bool:
    """The short name is written as the brand of a model code ("星垣SY-2" after 星垣微电子)."""
    from ingest.components.unknown import _ZH_BRAND_ON_CODE
    at = text.find(name, start)
    return at >= 0 and bool(_ZH_BRAND_ON_CODE.match(text, at + len(name)))


_KANA_FAMILY = re.compile(r"([\u30a1-\u30faー]{3,})(\d{1,3})")


def _family_members(doc: Doc, out: list, taken: list) -> None:
    """Another number of a katakana chip the document named ("先代のツグミ2" after 「ツグミ3」): a chip of the same family,
    though no recogniser took it."""
    fams = {m.group(1) for n in _names_in_view(doc) if n.kind == "chip" for m in [_KANA_FAMILY.fullmatch(n.text)] if m}
    if not fams:
        return
    text = doc.text
    for m in re.finditer("(?:" + "|".join(re.escape(f) for f in sorted(fams, key=len, reverse=True)) + r")\d{1,3}(?![0-9A-Za-z])",
                         text):
        s, e = m.span()
        if (s and re.match(r"[\u30a1-\u30faー]", text[s - 1])) or overlaps(taken, s, e):
            continue
        taken.append((s, e))
        out.append(Mention(s, e, text[s:e], "chip", (), ("Chip",), extra={"unknown": True, "family": True}))


_COUNTED = re.compile(r"の([2-9２-９]|[二三四五六七八九])社")
_KANJI_DIGIT = {c: i for i, c in enumerate("〇一二三四五六七八九")}
_BARE_NOUN = re.compile(r"[^\sはがをにでもへとや、。「」（）()・0-9０-９]{2,12}")


def _counted_lists(doc: Doc, out: list, taken: list) -> None:
    """"碧桂園創投、新世界グループ、平安の3社が共同リード": a list the text counts as N companies names one in each
    item; an item no rule found, a bare noun between the list's commas, is a company too."""
    if doc.lang_ != "ja":
        return
    text = doc.text
    for m in _COUNTED.finditer(text):
        c = m.group(1)
        n = _KANJI_DIGIT[c] if c in _KANJI_DIGIT else int(c)
        pieces, end = [], m.start()
        for _ in range(n):
            start = text.rfind("、", 0, end) + 1
            pieces.append((start, end))
            end = start - 1
            if start == 0:
                break
        if len(pieces) != n:
            continue
        orgs = [o for o in out if o.kind == "org"]
        covered = [any(a <= o.start and o.end <= b + 1 for o in orgs) for a, b in pieces]
        if not any(covered) or not covered[-1] and not any(o.end == pieces[-1][1] for o in orgs):
            continue  # the first item must end on a name ("…は碧桂園創投、"), or the list is not one of names
        for (a, b), seen in zip(pieces[:-1], covered[:-1]):
            if not seen and _BARE_NOUN.fullmatch(text[a:b]) and not overlaps(taken, a, b) and not describes(text[a:b], "ja"):
                taken.append((a, b))
                out.append(Mention(a, b, text[a:b], "org", extra={"unknown": True, "counted": True}))


def _product_lines(doc: Doc, out: list, taken: list) -> None:
    """"クラウド向けの「思元」シリーズ": a name without a model number that the text calls a series is a product line,
    not a chip (its chips are named with their numbers)."""
    if doc.lang_ != "ja":
        return
    for x in [x for x in out if x.kind == "chip" and not x.ids and x.extra.get("unknown")
              and not any(ch.isdigit() for ch in x.text)]:
        if re.match(r"[」』]?\s?シリーズ", doc.text[x.end:x.end + 6]):
            drop(out, taken, x)


_SERIES_NUMBER = re.compile(r"\s(?:I{1,3}|IV|V|VI{1,3}|IX|X|[1-9])(?![A-Za-z0-9])")


def _numbered_funds(doc: Doc, out: list, taken: list) -> None:
    """「KDDI Open Innovation Fund III」: a Latin name followed by its series number (a Roman numeral or a digit) is
    cut short by a recogniser; the number belongs to the name."""
    for x in [x for x in out if x.kind == "org" and not x.ids and x.extra.get("unknown") and x.text[-1:].isalpha()
              and x.text.isascii()]:
        m = _SERIES_NUMBER.match(doc.text, x.end)
        if m is None or overlaps([t for t in taken if t != (x.start, x.end)], x.start, m.end()):
            continue
        drop(out, taken, x)
        taken.append((x.start, m.end()))
        out.append(Mention(x.start, m.end(), doc.text[x.start:m.end()], "org", x.ids, x.types, x.value, dict(x.extra)))


def _known_head_investors(doc: Doc, out: list, taken: list) -> None:
    """"サムスン証券", "サムスン・カタリスト・ファンド": a known company's name followed by katakana words ending in an
    investor word (name_words.jsonl) is an organisation of its own (its brokerage, its fund), not the company."""
    if doc.lang_ != "ja":
        return
    words = _words_re("ja", "investor")
    if not words:
        return
    ends = {t.idx + len(t) for t in doc}
    tail = re.compile(rf"(?:・?[\u30a1-\u30faー]{{2,}}){{0,3}}?・?(?:{words})")
    for x in [x for x in out if x.kind == "org" and x.ids and not x.extra.get("coref")]:
        m = tail.match(doc.text, x.end)
        if m is None or m.end() not in ends and m.end() < len(doc.text):
            continue
        if any(o is not x and o.ids and o.start < m.end() and x.end < o.end for o in out):
            continue  # another known name is written there ("アリババ・キャピタル" known as a whole is not cut)
        for o in [o for o in out if o.start < m.end() and x.start < o.end and o is not x and not o.ids]:
            drop(out, taken, o)
        drop(out, taken, x)
        taken.append((x.start, m.end()))
        out.append(Mention(x.start, m.end(), doc.text[x.start:m.end()], "org", extra={"unknown": True, "word_ended": True}))


def _word_ended_names(doc: Doc, out: list, taken: list) -> None:
    """Names that end in a word saying what they are, written in kanji or kana ("北斗みらい投資", "カナメ通信",
    "黒潮半導体") or Chinese ("赛恩咨询", "岚汐证券研究所", "枫桥算力云"); the name begins where the words before stop being
    nouns (Japanese: Sudachi's tags) or after a description or a verb (Chinese)."""
    text, lang = doc.text, doc.lang_
    kinds = ("investor", "research", "organization", "chip_vendor", "vendor") if lang == "ja" else ("research", "organization")
    words = _words_re(lang, *kinds)
    if not words:
        return
    toks = list(doc)
    starts = {t.idx: t for t in toks}
    legal = name_words(lang).get("legal_form", ())
    if lang == "ja" and legal:  # "トヨノ自動車部品株式会社", "ツクモ電算株式会社": the nouns before a legal form
        for m in re.finditer("|".join(re.escape(w) for w in legal), text):
            s = _ja_name_start(doc, toks, m.start())
            if s is None or kind_of_name(text[s:m.end()], lang) is None:
                continue
            for x in [x for x in out if (x.kind == "org" or x.extra.get("ner")) and not x.ids and x.extra.get("unknown")
                      and s <= x.start and x.end <= m.end() and (x.start, x.end) != (s, m.end())]:
                drop(out, taken, x)  # "トヨノ自動車" of it, a model's "みなと2号" chip
            if overlaps(taken, s, m.end()):
                continue
            taken.append((s, m.end()))
            out.append(Mention(s, m.end(), text[s:m.end()], "org", extra={"unknown": True, "word_ended": True}))
    for m in re.finditer(rf"(?:{words})", text):
        ws, we = m.span()
        if we < len(text) and we not in starts and not any(text.startswith(lf, we) for lf in legal):
            continue  # the word goes on ("通信事業者")
        if lang == "ja" and re.match(rf"(?:{words})", text[we:]):
            continue  # another kind word follows: the name ends there ("ニシキギ計算機|研究所")
        if lang == "ja":
            s = _ja_name_start(doc, toks, ws)
            if s is None:
                continue
            for lf in legal:  # "…ホシカゼ・キャピタル株式会社"
                if text.startswith(lf, we):
                    we += len(lf)
                    break
        else:
            s = _zh_name_start(doc, ws)
            if s is None:
                continue
        if overlaps(taken, s, we) or kind_of_name(text[s:we], lang) is None:
            continue
        taken.append((s, we))
        out.append(Mention(s, we, text[s:we], "org", extra={"unknown": True, "word_ended": True}))


def _chip_owners(doc: Doc, out: list, taken: list) -> None:
    """"朔渊集成电路的问天 C379", "溟澄智芯的青鸾 R237": a name that ends in a word saying it is a chip company or a
    vendor, written with 的 right before a chip, is the company whose chip it is (the recogniser may miss a name it
    never saw; only a chip after it makes the trade word a name's end rather than a description)."""
    if doc.lang_ != "zh":
        return
    text = doc.text
    words = _words_re("zh", "chip_vendor", "vendor")
    chips = sorted(m.start for m in out if m.kind == "chip")
    if not words or not chips:
        return
    for m in re.finditer(rf"(?:{words})的", text):
        ws, we = m.start(), m.end() - 1
        if not any(we + 1 <= c <= we + 12 and not re.search(r"[，,。；;、]", text[we + 1:c]) for c in chips):
            continue
        s = _zh_name_start(doc, ws)
        if s is None or overlaps(taken, s, we) or kind_of_name(text[s:we], "zh") is None:
            continue
        taken.append((s, we))
        out.append(Mention(s, we, text[s:we], "org", extra={"unknown": True, "word_ended": True}))


def _ja_name_start(doc: Doc, toks: list, ws: int) -> int | None:
    """Where a Japanese name ending at a kind word that starts at `ws` begins: the nouns before it, back to a particle,
    a verb, punctuation or a description, at most 12 characters; a legal form before it belongs to it."""
    from ingest.components.ner import not_names
    text = doc.text
    s = ws
    before = [t for t in toks if t.idx + len(t.text) <= ws]
    inner = ("名詞-数詞", "接尾辞")  # inside a name ("あおば1号"), never its first word ("地銀系", "1号")
    taken_toks = []
    for t in reversed(before):
        if t.idx + len(t.text) != s or (t.tag_.startswith(_JA_STOP_TAGS) and t.text != "・"
                                         and not t.tag_.startswith(inner)):
            break
        if t.text.casefold() in not_names("ja") or ws - t.idx > 12:
            break
        taken_toks.append(t)
        s = t.idx
    while taken_toks and (taken_toks[-1].tag_.startswith(inner) or taken_toks[-1].text == "・"):
        taken_toks.pop()  # the name opens on a noun
    s = taken_toks[-1].idx if taken_toks else ws
    if s == ws or not _CJK.search(text[s:ws]):
        return None
    for lf in name_words("ja").get("legal_form", ()):
        if text.endswith(lf, 0, s):
            return s - len(lf)
    return s


def _zh_name_start(doc: Doc, ws: int) -> int | None:
    """Where a Chinese name ending at a kind word that starts at `ws` begins: up to six characters before it, after
    a description ("第三方机构"), a verb ("交付") or a function word."""
    from ingest.components.unknown import _zh_after_verb, _zh_name_start as name_start
    text = doc.text
    s = ws
    while s > 0 and ws - s < 6 and "\u4e00" <= text[s - 1] <= "\u9fff" and text[s - 1] not in _ZH_STOP:
        s -= 1
    if ws - s < 2:
        return None
    span = text[s:ws + 8]
    cut = name_start(span, [0] + [t.idx - s for t in doc if s < t.idx < ws])  # a stop character ended a word
    s += cut
    cut = _zh_after_verb(text[s:ws + 8])
    s += cut if s + cut < ws - 1 else 0
    return s if ws - s >= 2 else None


def _complete_names(doc: Doc, out: list, taken: list) -> None:
    """Names cut short: the katakana words before a guess joined by ・ ("シノノメ・" + "グロース・ファンド"), the kind words and
    legal form after it ("みさき未来" + "ファンド投資事業有限責任組合"), the Latin letters glued before a code ("qc" + "-t8")."""
    text, lang = doc.text, doc.lang_
    tail = _words_re(lang, "investor", "research", "organization", "chip_vendor", "vendor", "legal_form", "short_tail")
    for m in [m for m in out if not m.ids and m.extra.get("unknown") and not m.extra.get("coref")]:
        s, e = m.start, m.end
        if m.kind == "org" and lang == "ja":
            head = _KATAKANA_HEAD.search(text, 0, s)
            if head and text[s:s + 1] and re.match(r"[\u30a1-\u30fa]", text[s]):
                s = head.start()
            elif m.extra.get("ner") and re.match(r"[\u30a1-\u30fa]", text[s:s + 1]):
                run = re.search(r"[\u30a1-\u30faー]+$", text[:s])
                s = run.start() if run else s  # "ソーン|ベリー・クラウド": a guess opening inside a katakana word
                item = _KANJI_ITEM_HEAD.search(text, 0, s) if s == m.start else None
                if item and item.group(1) not in _NOT_NAME_HEAD:
                    s = item.start(1)  # "、双葉|パートナーズ社、": a list item opens on its kanji, no particle between
            legal = _words_re(lang, "legal_form")
            prefix = re.search(rf"(?:{legal})[ 　]?$", text[:s]) if legal and not re.match(legal, text[s:e]) else None
            if prefix:
                s = prefix.start()  # "合同会社|アラレ・ベンチャーズ": a legal form written before the name belongs to it
            t = _words_re(lang, "person_after")  # "… 代表取締役CEO", "… 代表取締役社長兼CEO": titles written one after another
            # (and a person's name between: "ヨシキリ半導体 柚木智也CEO", the company and its head)
            role = re.search(rf"[\s　]+(?:[\u4e00-\u9fff]{{2,5}}[\s　]?)?(?:{t})(?:[・/／]?兼?(?:{t}))*$", m.text) \
                if m.extra.get("ner") else None
            if role and role.start() >= 2:
                e = s + role.start() if s == m.start else e - (len(m.text) - role.start())  # "ホウセンカ・ラボ CEO"
            if m.extra.get("ner") and any(m.text.startswith(lf) for lf in name_words(lang).get("legal_form", ())):
                e = _registered_name_end(doc, e)  # "株式会社ケヤキダ|設計": a registered name runs on to its particle
            inside = [i + len(w) for w in name_words(lang).get("legal_form", ()) for i in range(max(s, e - len(w) + 1), e)
                      if text.startswith(w, i) and i + len(w) > e]
            if inside:
                e = max(inside)  # "サリレニクス投資|事業有限責任組合": a guess that stops inside its legal form runs on to its end
            if tail:
                more = re.match(rf"(?:{tail})+", text[e:])
                if more and (e + more.end() >= len(text) or not re.match(r"[\u30a1-\u30faー\u4e00-\u9fff]", text[e + more.end()])
                             or re.match(r"傘下|系列|子会社", text[e + more.end():])):  # "キリサメ|銀行傘下の…"
                    e += more.end()
            gap = max(text.rfind(" ", s, e), text.rfind("\u3000", s, e))
            if m.extra.get("ner") and gap >= s + 2 and re.fullmatch(r"[\u30a1-\u30faー\u4e00-\u9fff]+", text[gap + 1:e]) \
                    and (re.match(r"[\u30a1-\u30faー\u4e00-\u9fff]", text[e:e + 1]) and not text.startswith("社", e)
                         or tail and re.search(rf"(?:{tail})$", text[s:gap]) and not re.search(rf"(?:{tail})$", text[gap + 1:e])):
                e = gap  # "ネリネ・ラボ エンジニアリング|ブログ": the word after the space runs on past the guess, so it is the
                # headline's own noun ("エンジニアリングブログ"), no part of the name; "カタバミ・システムズ リサーチノート":
                # the name already ended in its company word, and the words after the space end in none
        elif m.kind == "chip":
            glued = re.search(r"[A-Za-z0-9]+-?$", text[:s]) if (m.text.startswith("-") or s and text[s - 1].isalnum()
                                                                 and text[s - 1].isascii()) else None
            if glued:
                s = glued.start()
        if (s, e) == (m.start, m.end) or any(x is not m and x.start < e and s < x.end for x in out):
            continue
        if (m.start, m.end) in taken:
            taken.remove((m.start, m.end))
        m.start, m.end = s, e
        m.text = text[s:e]
        taken.append((s, e))


# the kanji that open a list item right before a katakana guess ("、双葉" + "パートナーズ社"), and the one-character
# prefixes that are no part of a name (米エヌビディア, 各パートナー, 同ファンド)
_KANJI_ITEM_HEAD = re.compile(r"(?:^|(?<=[、，,]))([\u4e00-\u9fff]{1,4})$")
_NOT_NAME_HEAD = set("各同当本他新旧米英中日独仏韓台欧露印豪加全計約")


def _registered_name_end(doc: Doc, e: int) -> int:
    """Where a Japanese name written after its legal form ends: the nouns right after `e` (Sudachi's tags), up to a
    particle, punctuation or a verb, at most six characters on."""
    end = e
    for t in doc:
        if t.idx < end:
            continue
        if t.idx != end or not t.tag_.startswith("名詞") or t.tag_.startswith("名詞-数詞") or t.idx + len(t.text) - e > 6 \
                or not _CJK.fullmatch(t.text[:1]):
            break
        end = t.idx + len(t.text)
    return end


_KANA_OWNER = re.compile(r"(?<![\u30a1-\u30faー・])[\u30a1-\u30fa][\u30a1-\u30faー・]{2,15}$")
_MODEL_CODE = re.compile(r"[A-Z]{1,5}-[A-Z]{0,3}\d{1,4}[A-Za-z]{0,2}")


def _kana_owners(doc: Doc, out: list, taken: list) -> None:
    """"カタバミのKB-9": a katakana word no recogniser took, written with の right before a model code, is the code's maker
    (a Japanese company called by its katakana name), unless the word only describes ("サーバーのKB-9")."""
    if doc.lang_ != "ja":
        return
    from ingest.components.ner import not_names
    text = doc.text
    for c in [c for c in out if c.kind == "chip" and not c.ids and _MODEL_CODE.fullmatch(c.text)]:
        if c.start < 4 or text[c.start - 1] != "の":
            continue
        k = _KANA_OWNER.search(text, 0, c.start - 1)
        if k is None or overlaps(taken, k.start(), k.end()) or describes(k.group(0), "ja") \
                or k.group(0).casefold() in not_names("ja"):
            continue
        taken.append(k.span())
        out.append(Mention(k.start(), k.end(), k.group(0), "org", extra={"unknown": True, "owner_of_code": True}))


_CODE = r"[A-Z]{1,4}-?\d{1,4}[A-Za-z]?(?![A-Za-z0-9])"


def _brand_codes(doc: Doc, out: list, taken: list) -> None:
    """A Chinese chip named with its maker's brand ("霁川J20", "琅嬛LH-10" beside 霁川智能, 琅嬛科技): the brand is part of
    the name, whether a guess took only the code or nothing did."""
    if doc.lang_ != "zh":
        return
    from ingest.components.ner import not_names
    text = doc.text
    orgs = [n.text for n in _names_in_view(doc) if n.kind == "org"] + \
        [m.text for m in out if m.kind == "org" and not m.ids and not m.extra.get("coref")]
    brands = {o[:2] for o in orgs if len(o) >= 4 and re.fullmatch(r"[\u4e00-\u9fff]{2}", o[:2])
              and o[:2] not in not_names("zh")}
    if not brands:
        return
    alts = "|".join(sorted(brands))
    for m in re.finditer(rf"(?:{alts})(?P<code>{_CODE})", text):
        s, e = m.start(), m.end()
        code = [x for x in out if x.kind == "chip" and x.start == m.start("code") and x.end == e and not x.ids]
        if code:
            c = code[0]
            if (c.start, c.end) in taken:
                taken.remove((c.start, c.end))
            c.start, c.text = s, text[s:e]
            taken.append((s, e))
            continue
        if overlaps(taken, s, e):
            continue
        taken.append((s, e))
        out.append(Mention(s, e, text[s:e], "chip", (), ("Chip",), extra={"unknown": True}))


# "深度求索创始人梁文锋", "DeepSeek（深度求索）的 创始人": the name before a founder's title is his company
_FOUNDED_BY = re.compile(r"(?:^|(?<=[，,。：:；;\s]))(?P<n>[A-Z][A-Za-z0-9]{2,19}|(?:[\u4e00-\u9fff](?<![的和与及据在由]))"
                         r"{2,6}?)(?:\s?[（(](?P<b>[\u4e00-\u9fff]{2,8})[）)])?\s?(?:的\s?)?(?:联合)?\s?(?:创始人|创办人)")


def _founders_company(doc: Doc, out: list, taken: list) -> None:
    """The company a founder is named by is an organisation, though no relation uses it."""
    if doc.lang_ != "zh":
        return
    text = doc.text
    for m in _FOUNDED_BY.finditer(text):
        spans = [m.span("n")] + ([m.span("b")] if m.group("b") else [])
        made = []
        for s, e in spans:
            if describes(text[s:e], "zh") or any(x.ids and x.start < e and s < x.end for x in out):
                continue
            old = [x for x in out if x.kind == "org" and (x.start, x.end) == (s, e)]
            if old:
                made.append(old[0])
            elif not overlaps(taken, s, e):
                taken.append((s, e))
                out.append(Mention(s, e, text[s:e], "org", extra={"unknown": True}))
                made.append(out[-1])
        for x in made:
            x.extra["standing"] = "Organization"
            if x is not made[0]:
                x.extra["key"] = made[0].key


# "汐衡是国内最早布局AI芯片的厂商之一", "2018年，汐衡推出面向推理的扶光F583": a coined word of two or three characters that
# opens a clause as the subject of "is one of the … companies" or of a launch
_COINED_SUBJECT = re.compile(r"(?:^|(?<=[，,。；;：:\n]))(?P<n>[\u4e00-\u9fff]{2,3})(?=(?P<is>是[^。；，,]{0,24}?(?:厂商|公司|企业|创企|"
                             r"独角兽|供应商)之一)|(?:于[^，。；]{1,12})?(?P<v>推出|发布)了?)")
# the chip a launch names: a coined brand and its model code after the verb ("推出面向推理的扶光F583")
_LAUNCHED_CODE = re.compile(r"(?:推出|发布)了?(?:[^。；，,]{0,12}的)?(?P<c>[\u4e00-\u9fff]{2,3}[A-Z]{1,3}-?\d{1,4}[A-Za-z]?)(?![A-Za-z0-9])")
_CHIP_CONTEXT = re.compile(r"芯片|GPU|NPU|AI|半导体|处理器|加速")


def _coined(word: str) -> bool:
    """Characters no dictionary joins into a word, none a function word: a coined name ("汐衡", not "公司", "国内")."""
    from ingest.components.unknown import _zh_tags
    tags = _zh_tags()
    if any(c in _ZH_STOP for c in word) or word in tags or describes(word, "zh"):
        return False
    return not (len(word) == 3 and (word[:2] in tags or word[1:] in tags))


def _coined_companies(doc: Doc, out: list, taken: list) -> None:
    """A Chinese company written as a bare coined word, with no trade word to say what it is ("汐衡"): a word no
    dictionary knows that opens a clause as the subject of "是…厂商之一" or of a launch whose object is a coined brand
    and model code (that code is a chip)."""
    if doc.lang_ != "zh":
        return
    text = doc.text
    chips = []
    for m in _LAUNCHED_CODE.finditer(text):
        s, e = m.span("c")
        brand = re.match(r"[\u4e00-\u9fff]+", m.group("c")).group(0)
        if _coined(brand) and not overlaps(taken, s, e):
            taken.append((s, e))
            out.append(Mention(s, e, text[s:e], "chip", (), ("Chip",), extra={"unknown": True}))
        chips.append((m.start(), s))
    for m in _COINED_SUBJECT.finditer(text):
        s, e = m.span("n")
        if not _coined(m.group("n")) or overlaps(taken, s, e):
            continue
        if m.group("v") and not any(e <= a <= e + 16 for a, _ in chips):
            continue  # "X推出…": only a launch of a coded chip says a coined subject is a company
        said = m.group("is") or ""
        taken.append((s, e))
        out.append(Mention(s, e, text[s:e], "org", extra={"unknown": True, "coined": True, "standing":
                                                           "ChipVendor" if m.group("v") or _CHIP_CONTEXT.search(said)
                                                           else "Organization"}))


_LATIN_BEFORE_BRACKET = re.compile(r"(?<![A-Za-z0-9-])[A-Z][A-Za-z0-9]{2,19}(?:[ -][A-Z][A-Za-z0-9]{1,19}){0,2}$")


# a Chinese name that opens a line or a clause, right before a bracket
_HAN_BEFORE_BRACKET = re.compile(r"(?:^|(?<=[\n，,。；;：:、]))[\u4e00-\u9fff]{2,10}$")


def _latin_before_bracket(doc: Doc, out: list, taken: list) -> None:
    """"Lumeq（流明科技）": a Latin name right before a Chinese organisation in brackets is the same organisation."""
    if doc.lang_ != "zh":
        return
    text = doc.text
    for n in [m for m in out if m.kind == "org" and not m.extra.get("coref") and m.start > 0 and text[m.start - 1] in "（("
              and text[m.end:m.end + 1] in ("）", ")")]:
        k = _LATIN_BEFORE_BRACKET.search(text, 0, n.start - 1)
        if k is None and re.fullmatch(r"[A-Za-z][A-Za-z0-9 .&'-]+", n.text):
            k = _HAN_BEFORE_BRACKET.search(text, 0, n.start - 1)  # "渊元科技（Flaes Technology）是一家…": the mirror
            if k is not None and (kind_of_name(k.group(0), "zh") is None or describes(k.group(0), "zh")):
                k = None
        if k is None or overlaps(taken, k.start(), k.end()):
            continue
        m = Mention(k.start(), k.end(), k.group(0), "org", extra={"unknown": True, "bracket": True})
        out.append(m)
        taken.append((k.start(), k.end()))
        if n.ids:
            m.extra["key"] = n.key
        else:
            n.extra["key"] = m.key
        n.extra["bracket"] = True


def _spaced_bracket_pairs(doc: Doc, out: list) -> None:
    """"tovrin tek （トヴリン テック）": machine translation puts blanks around the brackets of a name's other spelling;
    both spellings are one organisation."""
    text = doc.text
    orgs = sorted((m for m in out if m.kind == "org" and not m.extra.get("coref")), key=lambda m: m.start)
    for m, n in zip(orgs, orgs[1:]):
        if m.ids and n.ids or m.key == n.key:
            continue
        if re.fullmatch(r"\s+[（(]\s*", text[m.end:n.start]) and re.match(r"\s*[）)]", text[n.end:]):
            if n.ids:
                m.extra["key"] = n.key
            else:
                n.extra["key"] = m.key


# the words a definition gives the company a filing is about: "（以下简称"澜湃微电子"、"发行人"或"公司"）"
_SELF_TERMS = re.compile(r"[\"“「『](?:公司|本公司|发行人|發行人|本集团|当社|同社)[\"”」』]")


def _defined_aliases(doc: Doc, out: list) -> None:
    """"苏州棠溪创业投资合伙企业（有限合伙）（以下简称"棠溪创投"）持股9.85%": the short name a bracket defines is the
    organisation just before the bracket, in this sentence already; a definition that names it "公司"/"发行人" makes it
    what those words mean in the whole document (DocContext.defined)."""
    if doc.lang_ not in ("zh", "ja"):  # (Japanese: "株式会社ユキワリ・デバイス（以下「ユキワリ」）は…を設計する")
        return
    from ingest.components.context import _ALIAS
    text = doc.text
    legal = name_words("zh").get("legal_form", ()) if doc.lang_ == "zh" else ()
    for m in [m for m in out if m.kind == "org" and not m.ids and m.text in legal]:
        if any(o is not m and o.kind == "org" and o.end == m.start for o in out):
            drop(out, [], m)  # "中科寒武纪科技|股份有限公司": the legal form of the name before it, no name of its own
    orgs = [m for m in out if m.kind == "org" and not m.extra.get("coref")]
    for a in _ALIAS.finditer(text):
        opening = max(text.rfind("（", 0, a.start()), text.rfind("(", 0, a.start()))
        close = re.search(r"[）)]", text[a.end():])
        owner = next((o for o in orgs if opening >= 0 and (0 <= opening - o.end <= 1 or text[o.end:opening] in legal)), None)
        if owner is None or re.search(r"[）)]", text[opening:a.start()]):
            continue
        end = a.end() + close.start() if close else len(text)
        for o in orgs:
            if o is not owner and opening < o.start and o.end <= end and not o.ids:
                o.extra["key"] = owner.key
                o.extra["alias"] = True
        ctx = doc._.context if Doc.has_extension("context") else None
        if ctx is not None and doc.lang_ == "zh" and _SELF_TERMS.search(text, a.start(), end) and ctx.defined is None:
            ctx.defined = owner.key


def mark_standing(doc: Doc, out: list) -> None:
    """Names that say what they are ("コガラシ・ベンチャーズ", "verimoor insights", "赛恩咨询", "カナメ通信") are entities even
    where no relation uses them: typed Investor, ResearchFirm or Organization by their last word."""
    ends = {t.idx for t in doc} | {len(doc.text)}
    for m in out:
        if m.kind in ("arch", "cluster") and not m.ids and m.extra.get("unknown") and m.extra.get("quoted") \
                and not m.extra.get("ner"):
            m.extra["standing"] = m.types[0] if m.types else "Architecture"  # 「シラサギ」マイクロアーキテクチャ
            continue
        if m.kind != "org" or m.ids or not m.extra.get("unknown") or m.extra.get("coref") or m.extra.get("inside"):
            continue
        if _advises(doc.text, m, doc.lang_):
            m.extra["standing"] = "Organization"  # "华岫资本担任本轮独家财务顾问": an adviser, no investor
            continue
        if doc.lang_ == "ja" and _manages_fund(doc, m):
            m.extra["standing"] = "Organization"  # "グローバル・ブレインがKDDIと共同で運営する「…ファンド」"
            continue
        if doc.lang_ == "ja" and _launches(doc, m, out):
            m.extra["standing"] = "ChipVendor"
            m.extra["launches"] = True  # the subject of the launch: aic_designed_by may take it as the designer
            continue
        kind = kind_of_name(m.text, doc.lang_)
        if kind and kind[0] in STANDING and (doc.lang_ != "zh" or m.end in ends  # not "广大投资|者"
                                              and _zh_name_like(_strip_legal(m.text, "zh"), kind[1])):
            m.extra["standing"] = STANDING[kind[0]]


def _manages_fund(doc: Doc, m: Mention) -> bool:
    """The subject or partner of a fund manager's verb (lexicon `_fund_manager`) right after the name: "Gが（Kと共同で）運営する"."""
    from ingest.components.relations.common import cue_spans
    return any(m.end <= s and re.fullmatch(r"\s*(?:が|と)[^、。「」（）()]{0,14}?", doc.text[m.end:s])
               for s, _ in cue_spans(doc, "_fund_manager"))


# jieba's word classes that never open a Chinese name: verbs, adverbs, prepositions, conjunctions, particles,
# pronouns, numerals, measure words, locations, time words ("注意投资", "不构成投资", "据澄观咨询"); adjectives do ("苍梧资本")
_ZH_NOT_HEAD = ("v", "d", "p", "c", "u", "r", "m", "q", "f", "t")


def _zh_name_like(text: str, word: str) -> bool:
    """The words before a Chinese kind word open a name, and the whole is no dictionary word ("风险投资")."""
    from ingest.components.unknown import _zh_tags
    tags = _zh_tags()
    if tags.get(text, "nz")[:2] not in ("nr", "ns", "nt", "nz", "j"):
        return False
    head = text[:len(text) - len(word)]
    try:
        import jieba.posseg
    except Exception:  # jieba absent: keep the name
        return True
    words = list(jieba.posseg.dt.cut(head))
    if words and (words[0].flag.startswith(_ZH_NOT_HEAD) or describes(words[0].word, "zh")):
        return False  # "传闻北溟微电子": hearsay, then the name
    return not any(w.flag.startswith(("v", "d", "p", "c", "u", "r")) for w in words[1:])  # "交易不构成投资", "重新进入资本"


def _advises(text: str, m: Mention, lang: str) -> bool:
    """The clause after the name says it advises the deal ("…担任本轮独家财务顾问", "…が財務アドバイザーを務めた")."""
    words = name_words(lang).get("adviser", ())
    clause = re.split(r"[，,。；;、]", text[m.end:], maxsplit=1)[0]
    return any(w in clause for w in words)


# the topic particle after a Japanese subject, past a bracketed aside ("ツバクロ・デバイセズ（東京・千代田）は")
_JA_SUBJECT = re.compile(r"\s*(?:[（(][^（）()]{1,30}[）)])?\s*[はが]")


def _launches(doc: Doc, m: Mention, out: list) -> bool:
    """A Japanese company no vocabulary knows that is the subject (は/が) of a sentence launching or developing a
    chip named after it ("ツバクロ・デバイセズ（東京・千代田）は…「ホタルビ3」を…発表した"): a chip vendor, whatever the
    relation extractors make of the sentence."""
    from ingest.components.relations.common import cue_spans
    headline = not doc.text[:m.start].strip() and doc.text.startswith("、", m.end)  # "X、新チップ「Y」を発表"
    subject = _JA_SUBJECT.match(doc.text, m.end)
    if not (subject or headline) or kind_of_name(m.text, "ja") and \
            kind_of_name(m.text, "ja")[0] in ("investor", "research"):  # (a "…システムズ" launching a chip makes it)
        return False
    chips = [c for c in out if c.kind == "chip" and c.start >= m.end]
    after = subject.end() if subject else m.end  # (its other spelling in brackets before は is itself)
    if not chips or any(o.key != m.key and o.kind == "org" and not o.extra.get("coref") and after <= o.start < chips[0].start
                        and "Foundry" not in o.types for o in out):
        return False
    cues = cue_spans(doc, "_design_verb") + cue_spans(doc, "_launch")
    return any(s >= chips[0].end for s, _ in cues)
