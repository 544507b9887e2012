"""`aic_unknown`: organisations and chip models that are not in the vocabulary.

Organisations come from the statistical NER where the language has one (GiNZA's Company /
Corporation_Other labels) and from corporate-suffix patterns in every language; chip models from the
model-number shape right after a vendor name ("Biren BR100", "沐曦曦云C500"). Such mentions only become
entities when a relation extractor uses them (typed by context: a company that "launched" a chip is a
ChipVendor, one that "led the round" an Investor), which keeps stray names out of the graph.
"""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from ingest.components import cjk_names, mentions
from ingest.components.spans import drop
from ingest.components.ner import LEGAL_FORM_ALONE, only_describes
from ingest.model import Mention

NER_ORG_LABELS = {"Company", "Corporation_Other", "Organization_Other", "ORG"}


def _suffixes(lang: str) -> str:
    """The last words of an organisation name found by its shape, as a regex alternation in the data's order
    (ontology/lexicon/<lang>/org_suffixes.jsonl)."""
    import ontology
    return "|".join(re.escape(w) for row in ontology.load_lexicon(lang, "org_suffixes") for w in row["words"])


EN_ORG = re.compile(
    r"\b((?:[A-Z][A-Za-z0-9&'.-]*\s){0,3}(?:[A-Z][A-Za-z0-9&'.-]*\s)?"
    rf"(?:{_suffixes('en')}))\b")
def _zh_trade_chain() -> str:
    """Trade words that go on a Chinese name past its first trade word ("澜汐半导体|科技"; name_words kind trade_chain)."""
    import ontology
    return "|".join(re.escape(w) for row in ontology.load_lexicon("zh", "name_words") if row["kind"] == "trade_chain"
                    for w in row["words"]) or "(?!)"


# (中 inside a run is "among/in" and ends a name; at the start of one it opens it: "中科X科技股份有限公司")
ZH_ORG = re.compile(r"((?:(?<![\u4e00-\u9fff])中(?=[\u4e00-\u9fff]{3}))?(?:[\u4e00-\u9fff](?<![的等了在由和与及年将为是其该这那此旗各多家参投领跟首轮亿万元中从对向以被把据])(?<!旗下)(?<![0-9０-９〇一二三四五六七八九十本上下每当同]月)){2,8}?(?:" + _suffixes("zh") + r")(?:" + _zh_trade_chain() + r")*(?:(?:股份)?有限(?:责任)?公司)?)")
ZH_FULL_NAME = re.compile(r"((?:[\u4e00-\u9fff](?<![的了在是和与及将为由等其该这])){2,12}[（(][\u4e00-\u9fff]{2,4}[）)]"
                          r"(?:[\u4e00-\u9fff]{0,6}?)(?:股份有限公司|有限责任公司|有限公司))")
# "苏州棠溪创业投资合伙企业（有限合伙）": a registered partnership (a fund), its legal form in brackets
ZH_PARTNERSHIP = re.compile(r"((?:[\u4e00-\u9fff](?<![的了在是和与及将为由等其该这])){2,20}?合伙企业\s?[（(]有限合伙[）)])")
ZH_GENERIC = re.compile(r"^(?:美元|人民币|产业|政府|国有|国资|地方|战略|专项|多家|知名|海外|境外|境内|国内|引导|大基金|旗下|平台|早期|后续|新一轮|多轮|本轮|此轮|天使|财务|机构|外资|内资|险资|社保|头部|多个|若干|背景|追加|继续|不|登陆|股权)")
JA_ORG = re.compile(r"([\u30a0-\u30ffー・]{2,12}(?:・)?(?:" + _suffixes("ja") + "))")
CHIP_MODEL = re.compile(r"^(?:'s|’s|の|的)?\s?([\u4e00-\u9fff]{0,3}[A-Za-z]{1,5}[- ]?\d{2,4}[A-Za-z0-9+-]{0,4})(?![\w])")
CHIP_WORDS = (r"(?:accelerators?|chips?|GPUs?|NPUs?|TPUs?|processors?|cards?|SoCs?|芯片|加速卡|显卡|处理器|"
              r"チップ|アクセラレータ|プロセッサ|GPU)")
# "the ZX-9 AI training chip", "LX200 accelerator": a model code, at most two describing words, a chip word
STANDALONE_MODEL = re.compile(
    rf"(?:(?<![A-Za-z0-9])(?P<model>[A-Z][A-Za-z]{{0,5}}-?\d{{2,4}}[A-Za-z0-9+]{{0,3}}|[A-Z]{{1,5}}-\d[A-Za-z0-9+]{{0,3}}"
    rf"|[\u4e00-\u9fff]{{2,4}}\d{{1,3}}号?)"
    rf"\s?(?:(?:AI|[a-z]{{3,12}})\s){{0,2}}{CHIP_WORDS})")
# "the Sparrow S3 edge AI processor", "its Corvid C9 inference chip": a capitalised word and a short model code, at
# most two describing words, a chip word (a year is no code: "Fiscal 2026 chip sales")
EN_BRAND_MODEL = re.compile(rf"(?<![A-Za-z0-9-])(?P<model>[A-Z][a-z]{{2,12}} (?!(?:19|20)\d\d\b)[A-Z]{{0,3}}\d{{1,4}}[A-Za-z]?)"
                            rf"(?![\w-])\s+(?:(?:AI|[a-z]{{3,12}})\s+){{0,2}}?{CHIP_WORDS}\b")
# a model code right after a chip word: "AI训练芯片天衡T30", "推理芯片R20"
MODEL_AFTER_WORD = re.compile(r"(?:芯片|加速卡|处理器|チップ)(?P<model>(?:[\u4e00-\u9fff](?<![的和与及为是由在等])){0,3}"
                              r"[A-Z]{1,4}-?(?:(?<=-)[A-Z]{1,2})?\d{1,4}[A-Za-z]?)(?![A-Za-z0-9])")
# a name in quotes right after a chip word: 第3世代IPU「Bow（ボウ）」, 芯片“思元”, the GPU "Lingjun"
# (「邃思（DTU）1.0」: a version after the bracketed other name belongs to the name)
QUOTED_NAME = re.compile(rf"(?:{CHIP_WORDS}|[A-Z]PUs?|プロセッサー|世代|第[一二三四五六七八九十\d]{{1,2}}代)\s?[「『“\"](?P<name>[^」』”\"\n（(]{{2,24}}?"
                         r"(?:[（(][^）)\n]{1,12}[）)][^」』”\"\n（(]{1,8})?)(?:[（(][^）)\n]{1,12}[）)])?[」』”\"]")
# a cluster named beside its kind word: クラスター「ツクヨミ」, "衡山"智算集群, "Emberline, a liquid-cooled training cluster"
CLUSTER_WORDS = r"(?:集群|集羣|超节点|クラスター|クラスタ|スーパーコンピューター?|clusters?|supercomputers?|superpods?)"
QUOTED_CLUSTER = re.compile(
    rf"{CLUSTER_WORDS}[，,]?\s?(?:(?:名字|名称)?(?:叫做?|名为|命名为|取名为?)\s?)?[「『“\"](?P<a>[^」』”\"\n]{{2,24}})[」』”\"]|"
    rf"[「『“\"](?P<b>[^」』”\"\n]{{2,24}})[」』”\"]\s{{0,2}}的?(?:(?:智算|算力|计算|AI|ＡＩ|GPU|computing|compute|training|ai|power)\s{{0,2}}){{0,2}}"
    rf"{CLUSTER_WORDS}")
# an architecture named before its kind word: 基于自研的"岩芯"微架构, 「Cinder」マイクロアーキテクチャ, the "Cinder" microarchitecture
QUOTED_ARCH = re.compile(r"[「『“\"](?P<a>[^」』”\"\n]{2,24})[」』”\"]\s{0,2}(?:(?<=[」』”\"])[A-Z]{2,4}\s?(?=[微架])|"
                         r"(?<=[」』”\"] )(?-i:[A-Z]{2,6}) (?=(?:micro-?)?architecture))?"
                         r"(?P<w>微架构|微架構|架构|架構|マイクロアーキテクチャ|アーキテクチャ|"
                         r"micro[- ]?architecture|architecture)", re.I)
EN_ARCH = re.compile(r"(?:(?<=[A-Za-z0-9'’] )|(?<=\())(?P<a>[A-Z][A-Za-z0-9-]{2,20}) (?P<w>[Mm]icro-?[Aa]rchitecture)\b|"
                     r"\b(?P<b>[A-Z][A-Za-z0-9-]{2,20}), (?:the|its|a|an|[A-Z][\w-]*['’]s) (?:[\w'’-]+ ){0,4}?(?P<v>micro-?architecture)\b")
# "a new training cluster, Larkspur, built from …", "a supercomputer called Fenwick": the name after the kind word
EN_CLUSTER_NAMED = re.compile(rf"\b(?:an?|the|its|their)\s+(?:[\w-]+\s+){{0,3}}?{CLUSTER_WORDS}(?:,\s+|\s+(?:called|named|dubbed)\s+)"
                              r"(?P<a>[A-Z][A-Za-z0-9-]{2,20}(?: [A-Z0-9][A-Za-z0-9-]*)?)(?=,|\s+(?:which|that|is|was|will|built)\b|\.|$)")
# "The Xuanwu ( 玄武 ) computing power cluster", "Xuanwu computing power cluster enter second phase": machine translation
# of 算力集群, the name (and its Chinese name in brackets) before it
EN_CLUSTER_POWER = re.compile(rf"\b(?P<a>[A-Z][a-z][A-Za-z0-9-]{{1,20}})(?:\s?\(\s?[^()\n]{{1,12}}?\s?\))?\s+(?:computing[- ]power|"
                              rf"intelligent computing|AI computing|supercomputing)\s+{CLUSTER_WORDS}")
# the kind word after an architecture class, and the capitalised name before it (UnknownRecognizer._named_microarchitecture)
EN_MICRO_AFTER = re.compile(r"\s+micro-?architecture\b", re.I)
EN_NAME_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][A-Za-z0-9-]{2,20}) $")
EN_ARCH_QUOTED = re.compile(r"(?P<w>micro-?architecture|architecture)\s+[\"“](?P<a>[^\"”\n]{2,24})[\"”]", re.I)
# (and said with a copula: "Halyard is our own rack-scale cluster of 512 … accelerators")
# (the words between the article and the kind word describe it: "Pellucid, the maker of the Harl system of 8 GPUs"
# is no system)
_DESCRIBING = r"(?:(?!(?:of|whose|with|that|which|behind|for|from|by|to|in|on|and|or)\b)[\w,-]+ ){0,4}?"
EN_CLUSTER = re.compile(rf"\b(?P<a>[A-Z][A-Za-z0-9-]{{2,20}}(?: [A-Z0-9][A-Za-z0-9-]*){{0,2}})(?:, (?:an?|the|its)| "
                        rf"(?:is|was|will be|remains) (?:an?|the|its|our|their)) {_DESCRIBING}"
                        rf"(?:{CLUSTER_WORDS}|systems? (?=that (?:links|connects|joins|combines|houses)|(?:built )?(?:from|of|with) \d)|"
                        rf"(?:(?<=\d-chip )|(?<=\d-GPU )|(?<=\d-node )|(?<=\d-card )|(?<=\d-accelerator ))"
                        rf"(?:appliance|machine|rack|pod|system|server|installation)s?)\b|"
                        rf"(?<=[a-z0-9] )(?P<b>[A-Z][a-z][A-Za-z0-9-]{{2,20}}) {CLUSTER_WORDS}\b")
# a capitalised name in apposition with (or the subject of "is a") a system word whose clause counts the chips it is
# built from: "Kittiwake, the rack-scale system we build from 1,024 … accelerators", "Cairnfield, a liquid-cooled pod of
# 256 … accelerators", "the Harrow supercomputer, which strings together 4,096 … GPUs" (no kind word alone makes a cluster)
_BUILT_COUNT = (rf"(?=(?:,?\s+[\w'’-]+){{0,5}}?\s+(?:of|from|with|together|houses|links|connects|combines|joins|packs|holds)"
                rf"\s+(?:up to |some |about |roughly |over |more than |nearly )?\d[\d,]*(?:\s+[\w-]+){{0,3}}?\s+{CHIP_WORDS}(?![\w-]))")
SYSTEM_WORDS = r"(?:systems?|pods?|racks?|appliances?|machines?|servers?|installations?|clusters?|supercomputers?|superpods?)"
EN_CLUSTER_BUILT = re.compile(
    rf"\b(?P<a>[A-Z][A-Za-z0-9-]{{2,20}}(?: [A-Z0-9][A-Za-z0-9-]*){{0,2}})(?:, (?:an?|the|its|our|their)| "
    rf"(?:is|was|will be|remains) (?:an?|the|its|our|their)) {_DESCRIBING}{SYSTEM_WORDS}(?![\w-]){_BUILT_COUNT}|"
    rf"\b(?:[Tt]he|[Ii]ts|[Oo]ur|[Tt]heir) (?P<b>[A-Z][A-Za-z0-9-]{{2,20}}(?: [A-Z0-9][A-Za-z0-9-]*)?) {SYSTEM_WORDS}(?![\w-])"
    rf"{_BUILT_COUNT}")
# a sentence of machine translation that spaces its punctuation ("… jointly lead investment , Xiling industrial fund …")
MT_SPACED = re.compile(r"[A-Za-z0-9)] [,.] ")
MT_NAME = re.compile(r"(?<![\w-])((?:[A-Z][a-z]{2,}(?: [a-z]{3,}){0,2}|[a-z]{3,}(?: [a-z]{3,})?) (?:capital|ventures|partners|fund|"
                     r"holdings|cloud|intelligent|investment|semiconductor|technology|electronics|microelectronics))"
                     r"(?![\w-])(?P<cjk>\s?\(\s?[\u4e00-\u9fff])?")
# machine translation that lower-cases everything ("led by jadeport capital, with fenmore ventures"): one word and a
# corporate word make a name, in sentences with no capital letter at all
# (only the words of investors and analysts: "chiplet technology", "process technology" are no names)
# "zelmora  semiconductor  technology  co., ltd.": a lower-cased registered name, up to its legal form
LOWER_LEGAL = re.compile(r"(?<![\w-])((?:[a-z][a-z0-9-]{2,}\s+){1,4}?co\.,?\s+ltd\b\.?)")
EN_CAPS_TOKEN = re.compile(r"(?<![\w-])[A-Z0-9][A-Z0-9+-]*(?![\w-])")
_FIRST_WORD = re.compile(r"^\W*([A-Z][a-z]+)\b")


def lower_case_text(text: str) -> bool:
    """A sentence of machine translation that writes names in lower case: no capital letter besides codes and acronyms
    ("chiyu CY-20 … SMIC N+2") and a function word opening it ("This round is by songtao capital …": any sentence
    opens with a capital; "Hangzhou lanxu intelligent completed …" opens with a name)."""
    from spacy.lang.en.stop_words import STOP_WORDS
    first = _FIRST_WORD.match(text)
    if first and first.group(1).casefold() in STOP_WORDS:
        text = text[first.end():]
    return not any(c.isupper() for c in EN_CAPS_TOKEN.sub("", text))
LOWER_ORG = re.compile(r"(?<![\w-])((?:[a-z][a-z0-9-]{2,}\s+){1,4}?(?:capital|ventures|partners|holdings|research|consulting|"
                       r"investments?|fund|computing|semiconductors?))\b")


@lru_cache(maxsize=4)
def lower_case_words(kind: str) -> frozenset[str]:
    """Words of ontology/lexicon/en/lower_case_names.jsonl of one kind: "not_first" begin no lower-cased name
    ("and fenmore ventures", "by heron bay capital"), "not_inside" are never inside one."""
    import ontology
    return frozenset(w for row in ontology.load_lexicon("en", "lower_case_names") if row.get("kind") == kind
                     for w in row["words"])


# "AI start-up DeepSeek", "Chinese chipmaker Biren": a capitalised name right after a word that says it is a company
EN_AFTER_COMPANY_WORD = re.compile(r"\b(?:start-?ups?|startups|chipmakers?|chip designers?|unicorns?)\s+"
                                   r"(?P<a>[A-Z][A-Za-z0-9]+(?:[ -][A-Z][A-Za-z0-9]+){0,2})(?![\w-])")
@lru_cache(maxsize=1)
def _corporate_words() -> frozenset[str]:
    """The corporate words that end an English name (org_suffixes, name_words organization/investor/research), lower-cased."""
    import ontology
    from ingest.components.context import _name_words
    words = {w.casefold() for row in ontology.load_lexicon("en", "org_suffixes") for w in row["words"] if " " not in w}
    words |= {w.casefold() for kind in ("organization", "investor", "research") for w in _name_words().get(kind, ())}
    return frozenset(words)


def lower_name_stop(word: str, previous: str = "") -> bool:
    """A word no lower-cased name holds (machine translation without capitals): the joining and sentence words of the
    lexicon and its bare verbs ("will add investment"), an English function word ("have no any capital relationship": spaCy's stop words, less the numbers and
    nouns a name may hold, lower_case_names kind "name_stop_word"), and a past-tense verb right after a corporate word,
    where the name has ended ("luoheng microelectronics obtained investment")."""
    from spacy.lang.en.stop_words import STOP_WORDS
    if word in lower_case_words("not_first") or word in lower_case_words("not_inside") or word in lower_case_words("verb"):
        return True
    if word in STOP_WORDS and word not in lower_case_words("name_stop_word"):
        return True
    return bool(previous in _corporate_words() and re.fullmatch(r"[a-z]{3,}(?<!e)ed", word)
                and word not in _corporate_words())


def _lower_name_parts(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The name inside a lower-cased corporate-word match text[s:e]: the words before the first word no name holds when
    they end in a corporate word ("luoheng microelectronics | obtained investment"), else the words after the last one
    ("old shareholders | mercer ventures"); None when no two words are left ("continue to | add investment")."""
    words = list(re.finditer(r"\S+", text[s:e]))
    bad = [i for i, w in enumerate(words[:-1]) if lower_name_stop(w.group(0), words[i - 1].group(0) if i else "")]
    if not bad:
        return s, e
    first = bad[0]
    if first >= 2 and words[first - 1].group(0) in _corporate_words() \
            and not any(w.group(0) in lower_case_words("not_first") for w in words[:1]):
        return s, s + words[first - 1].end()
    if bad[-1] + 2 >= len(words):
        return None
    return s + words[bad[-1] + 1].start(), e


# "Etched, a Cupertino-based chip start-up, has raised …": the name that opens a sentence and an appositive that says
# it is a company
EN_OPENING_COMPANY = re.compile(r"^\W*(?P<a>[A-Z][A-Za-z0-9&.'-]*(?: [A-Z][A-Za-z0-9&.'-]*){0,3}),\s+(?:a|an)\s+"
                                r"(?:[\w-]+\s+){0,4}?(?:company|start-?up|firm|chipmaker|chip designer|designer|developer|"
                                r"maker|vendor)\b")
# "Sohu, an ASIC that …", "Wren, a chip for cameras": a name an appositive says is a chip (not "Nvidia, a GPU maker")
EN_NAMED_CHIP = re.compile(r"(?<![\w-])(?P<a>[A-Z][A-Za-z0-9-]*(?: [A-Z0-9][A-Za-z0-9-]*){0,2}),\s+(?:an?|our|its|their)\s+"
                           r"(?:[\w-]+\s+){0,3}?(?:ASIC|GPU|NPU|TPU|accelerator|chip|processor|SoC|part(?!\s+of\b))(?![\w-])"
                           r"(?!\s+(?:makers?|designers?|compan(?:y|ies)|vendors?|start-?ups?|firms?|developers?|giants?|"
                           r"specialists?|suppliers?|industry|market|business|unit|arm)\b)")
# "the first generation kunlun in samsung 's 14 nanometer": a product line's name after its generation (machine translation
# that lower-cases names; one word, then a preposition, a verb or a bracket)
LOWER_GENERATION = re.compile(r"\b(?:first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)[- ]generation\s+"
                              r"(?P<a>[a-z][a-z0-9]{2,15})(?=\s+(?:in|on|at|was|is|used|uses|adopted|of|,|\())")
# "training chip vx-500", "the qx-7 accelerator" in such sentences
LOWER_MODEL = re.compile(rf"(?:{CHIP_WORDS}\s+(?P<a>[a-z]{{1,5}}-?\d{{2,4}}[a-z0-9+]{{0,3}}))(?![\w-])|"
                         rf"(?<![\w-])(?P<b>[a-z]{{1,5}}-\d{{2,4}}[a-z0-9+]{{0,3}})\s(?:(?:ai|[a-z]{{3,12}})\s){{0,2}}{CHIP_WORDS}")
# a lower-case code in an English sentence that has capitals ("says its vx-1 training chip", "the ov-m2, on Intel 3"):
# after its/their or before a chip word
EN_LOWER_CODE = re.compile(rf"(?:\b(?:[Ii]ts|[Tt]heir|[Tt]he)\s+(?P<a>[a-z]{{1,5}}-[a-z]?\d{{1,4}}[a-z0-9+]{{0,3}}))(?![\w-])|"
                           rf"(?<![\w-])(?P<b>[a-z]{{1,5}}-[a-z]?\d{{1,4}}[a-z0-9+]{{0,3}})\s(?:(?:ai|[a-z]{{3,12}})\s){{0,2}}{CHIP_WORDS}")
# a hyphenated model code owned by a company ("Its OL-9 is …", "Maraval's MV-Spire") or introduced by name
# after a chip word ("an interconnect chip called TQ-Link")
EN_OWNED_MODEL = re.compile(r"(?:\b[Ii]ts|\b[Tt]heir|\b[Oo]ur|[A-Za-z][’']s|[A-Za-z]s[’'](?=\s))\s+(?:(?:first|new|latest|flagship|next|own|"
                            r"second|third|\w+-generation)\s+)?(?P<model>[A-Z]{1,5}-[A-Z0-9][A-Za-z0-9]{0,7}(?: \d{1,2})?)"
                            r"(?![\w-])")
# "Tidewell's Spindle training chip", "Fallow Robotics' Heron vision processor": one capitalised name between an owner's
# possessive and a chip word in the singular (at most two describing words between; "Huawei's Ascend accelerators" are
# a family), not a chip word that describes a unit or a trade
EN_OWNED_NAMED = re.compile(rf"(?:[A-Za-z][’']s|[A-Za-z]s[’'])\s+(?:(?:first|new|latest|flagship|next|own|second|third|"
                            rf"\w+-generation)\s+)?(?P<model>[A-Z][a-z]{{2,15}}(?: \d{{1,2}})?)\s+(?:(?:AI|[a-z][a-z-]{{1,14}})\s+){{0,2}}?"
                            rf"(?:accelerator|chip|GPU|NPU|TPU|processor|card|SoC|ASIC)(?![\w-])(?!\s+(?:business|unit|division|team|lab|labs|design(?:er|ers)?|makers?|"
                            rf"market|startups?|start-ups?|plants?|factory|fabs?|industry|effort|program|programme|roadmap)\b)")
EN_CALLED_MODEL = re.compile(rf"{CHIP_WORDS},?\s+(?:called|named|dubbed|branded|code-named|codenamed)\s+(?:the\s+)?"
                             r"(?P<model>[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?: \d{1,3})?)(?![\w-])")
# "its edge inference processor Wisp-2", "the accelerator Tern-1": a word and a model number named right after a chip word
EN_WORD_THEN_MODEL = re.compile(rf"\b{CHIP_WORDS}\s+(?P<model>[A-Z][A-Za-z]{{1,12}}-[A-Z]{{0,2}}\d{{1,4}}[A-Za-z]?)(?![\w-])")
# "Dalby AI's accelerator, the DA-5, …", "its newest processor, the Orlo 7": a model code in apposition to a chip word
EN_APPOSED_MODEL = re.compile(rf"\b{CHIP_WORDS},\s+(?:the|its|their|our)\s+(?P<model>(?!(?:Q[1-4]|H[12]|FY\d{{2,4}})(?![\w-]))"
                              r"(?:[A-Z]{1,5}-?[A-Z]?\d{1,4}[A-Za-z]?|[A-Z][A-Za-z]{1,12}-[A-Z]{0,2}\d{1,4}[A-Za-z]?|"
                              r"[A-Z][a-z]{2,12} [A-Z]{0,3}\d{1,4}[A-Za-z]?))(?![\w-])(?=\s*[,.;:)]|\s+(?:is|was|will|has|had|which|that)\b)")
# "the Glint-2 chip", "a Pike-4 processor": a word and a one- to three-digit number, hyphenated, before a chip word (the
# word is no ordering word: "Gen-2 chips", "Tier-1 processors"; ontology/lexicon/en/name_words.jsonl kind not_brand)
EN_WORD_CODE_CHIP = re.compile(rf"(?<![\w-])(?P<model>[A-Z][a-z]{{2,12}}-\d{{1,3}}[A-Za-z]?)(?![\w-])\s+"
                               rf"(?:(?:AI|[a-z]{{3,12}})\s+){{0,2}}?{CHIP_WORDS}\b")
# "TSMC is producing the Arlo-9 for …", "Samsung will fabricate the QX-4": a model code, the object of a foundry's making verb
EN_FOUNDRY_OBJECT = re.compile(r"\s+(?:(?:is|are|was|were|will|would|has|have|had|to|now|also|already|be|been|currently|"
                               r"soon)\s+){0,3}(?:manufactur(?:es|ed|ing|e)|fabricat(?:es|ed|ing|e)|produc(?:es|ed|ing|e)|"
                               r"mak(?:es|ing|e)|made|build(?:s|ing)?|built)\s+(?:the|its|their)\s+"
                               r"(?P<model>(?!(?:Q[1-4]|H[12]|FY\d{2,4})(?![\w-]))(?:[A-Z][A-Za-z]{1,12}-[A-Z]{0,2}\d{1,4}[A-Za-z]?|"
                               r"[A-Z]{1,5}-?[A-Z]?\d{1,4}[A-Za-z]?))(?![\w-])")
STOP_ORG = {"The", "This", "That", "Its", "Their", "Our", "Chinese", "Global", "China"}
# a corporate-suffix name that opens a list item or follows its owner ("、和利资本", "旗下的中移和创投资"): there the
# name may hold characters (和, 与) that elsewhere join two names
ZH_ANCHORED_ORG = re.compile(r"(?:(?<=[、，,：:])|(?<=旗下的)|(?<=旗下)(?!的))((?:[\u4e00-\u9fff](?<![的等了在由年将为是其该这那此旗下各多家参投领跟首轮亿万元从对向以被把])(?<![0-9０-９〇一二三四五六七八九十本上下每当同]月)){2,8}?(?:资本|创投|基金|投资|集团|控股))"
                             r"(?=[、，,。；;和及与等继领跟参也]|$)")
# "かがやき ベンチャーズ", "ノース スター パートナーズ": the same names in machine translation that puts a space
# between words (words of two or more kana each, so a particle like "と" or "は" never starts one)
JA_SPACED_ORG = re.compile(r"(?<![\u3040-\u30ffー・])((?:[\u3040-\u30ffー・]{2,12} ){1,3}(?:キャピタル|ベンチャーズ|"
                           r"パートナーズ|テクノロジーズ|テクノロジー|セミコンダクター|ホールディングス|グループ|インベストメント|"
                           r"クラウド|ラボ))(?![\u3040-\u30ffー・])")
SPACED_JA = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff] [\u3040-\u30ff\u4e00-\u9fff]")
# the model code written after a family name: " L1000" (a letter or two and digits; not a rack system like "NVL72")
FAMILY_MODEL = re.compile(r" (?!NVL)[A-Z]{1,3}\d{2,5}[A-Za-z]?(?![A-Za-z0-9])")
# the same corporate-word names written in Latin letters inside Japanese or Chinese text ("やSamsung Catalyst Fundも"),
# where `\b` does not separate a Latin name from the kana or hanzi glued to it
LATIN_ORG = re.compile(EN_ORG.pattern.replace(r"\b(", r"(?<![A-Za-z0-9&'.-])(", 1)[:-2] + r"(?![A-Za-z0-9])(?! [A-Z])")
# the words after a known name that make it another organisation: its fund, bank or broker ("Samsung Securities",
# "Samsung Catalyst Fund"), not the company itself
INVESTING_TAIL = re.compile(r"^(?: [A-Z][A-Za-z]+){0,2} (?:Securities|Capital|Ventures|Investments?|Fund|Asset Management|"
                            r"Private Equity|Bank|Venture Partners)$")


# "its K2 chip", "the X1 accelerator": a short code after a determiner and before a chip word (not "Q4 chip sales")
EN_SHORT_CHIP = re.compile(rf"(?:\b(?:[Ii]ts|[Tt]heir|[Tt]he|an?)|[A-Za-z][’']s)\s+(?P<model>(?![QH]\d\b)[A-Z]{{1,3}}\d{{1,2}}[A-Za-z]?)"
                           rf"\s+(?:(?:AI|[a-z]{{3,12}})\s+){{0,2}}?(?:chips?|accelerators?|processors?|GPUs?|NPUs?|cards?|SoCs?)\b")
# a product word and its code: "Sorrel S2" (family "Sorrel")
EN_WORD_FAMILY = re.compile(r"^([A-Z][a-z]{2,}) [A-Z]{1,2}\d{1,3}[A-Za-z]?$")
# a brand word and a lettered model code ("qiongyu QY-7", "Velora VX-2"): its siblings share both, with another number
EN_BRAND_CODE_FAMILY = re.compile(r"^([A-Za-z][a-z]{2,} [A-Z]{1,4})-\d{1,3}[A-Za-z]?$")
# "The first Sorrel, the S1, was …": two names of one chip in apposition
EN_CHIP_APPOSITION = re.compile(r",\s+(?:the|its)\s+$")
EN_APPOSITION_END = re.compile(r",\s+(?:was|is|had|has|used|uses|came|remains|remained)\b")
# "Tessel T4": a short code and the product word before it
SHORT_CODE = re.compile(r"[A-Z]{1,2}\d{1,4}[A-Za-z]?")
WORD_BEFORE_CODE = re.compile(r"(?<![\w-])([A-Z][a-z]{2,}) $")
# "the Pellow N3": a foundry's node code ("N3", "N4P") right after a capitalised word a determiner opens
NODE_LIKE_CODE = re.compile(r"N\d{1,2}[A-Z]?")
NAMED_BEFORE_CODE = re.compile(r"\b(?:the|its|their|[Tt]he|[Ii]ts|[Tt]heir)\s+([A-Z][a-z]{2,}) $")
# "designing a sparse-inference chip, Nimbra N0, for …": the name and code in apposition to a chip word (the name may be
# the company's own, remembered as an organisation)
CHIP_WORD_BEFORE_CODE = re.compile(rf"\b{CHIP_WORDS},?\s+([A-Z][a-z]{{2,}}) $")


@lru_cache(maxsize=1)
def en_name_word_org() -> re.Pattern:
    """Capitalised words ending in a word that names a company on its own ("Stratacore Cloud", "Tolland Mobile";
    ontology/lexicon/en/name_words.jsonl), for the names neither the model nor EN_ORG finds."""
    from ingest.components.context import _name_words
    words = _name_words()
    alts = "|".join(re.escape(w) for w in sorted(words.get("organization", frozenset()) | words.get("investor", frozenset())
                                                   | words.get("research", frozenset()), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])((?:[A-Z][A-Za-z0-9&'-]*\s){{1,3}}(?:{alts}))(?![\w-])")


def _en_brand_models(text: str) -> list[re.Match]:
    """`EN_BRAND_MODEL` matches whose first word can open a name ("The S3 chip", "March 2025", "Series 3" are no brands)."""
    from ingest.components.context import _name_words
    first_not = _name_words().get("first_not", frozenset())
    return [m for m in EN_BRAND_MODEL.finditer(text)
            if (w := m.group("model").split()[0]) not in first_not and w.casefold() not in _not_names_en()
            and w not in _name_words().get("not_brand", frozenset())]


def _en_named_by_word(text: str) -> list[tuple[int, int]]:
    """Spans of `en_name_word_org` without the words that never open a name ("About Corvane Labs")."""
    from ingest.components.context import _name_words
    first_not = _name_words().get("first_not", frozenset())
    out = []
    for m in en_name_word_org().finditer(text):
        s, e = m.span(1)
        words = text[s:e].split()
        while words and (words[0] in first_not or words[0].casefold() in _not_names_en()):
            s = text.index(words[1], s + len(words[0])) if len(words) > 1 else e
            words = words[1:]
        if words and words[-1] == "AI" and EN_AI_ADJECTIVE.match(text, e):
            continue  # "the Israeli AI chip developer": "AI" describes the noun after it
        if len(words) >= 2 and not any(w in EN_TITLE_SMALL for w in words[1:]):
            out.append((s, e))  # (not "Week In AI": a headline's capitalised small word is no part of a name)
    return out


@lru_cache(maxsize=1)
def en_isa() -> re.Pattern:
    """Instruction-set architectures no vocabulary lists (ontology/lexicon/en/name_words.jsonl, "architecture")."""
    from ingest.components.context import _name_words
    alts = "|".join(re.escape(w) for w in sorted(_name_words().get("architecture", ()), key=len, reverse=True))
    return re.compile(rf"(?<![\w/.-])(?:{alts})(?![\w/-])")


@lru_cache(maxsize=1)
def en_plural_arch() -> tuple[re.Pattern, dict]:
    """Plurals of the vocabulary's architecture acronyms ("ASICs", "NPUs"), which the ruler's whole-word match
    misses, with the id each stands for."""
    import ontology
    ids = {}
    for e in ontology.load_vocab():
        if e.source == "architectures":
            for name in e.names:
                if re.fullmatch(r"[A-Z]{2,6}", name):
                    ids.setdefault(name, e.id)
    alts = "|".join(sorted(ids, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alts})s(?![\w-])"), ids


# "SAN JOSE, Calif. --", "BOULDER, Colo.,": a dateline's place, never a company
EN_MONTH_DAY = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2}\b"
EN_DATELINE = re.compile(r"^\W*[A-Z][A-Z .'-]{2,}(?:,\s*(?:[A-Z][A-Za-z]{1,6}\.|(?:[A-Z][a-z]+(?: [A-Z][a-z]+)?|"
                         + EN_MONTH_DAY + r")(?=\s+[—–-]{1,2}\s)))?(?=,|\s+--?\s|\s+[—–]\s|\s*$)")
EN_AI_ADJECTIVE = re.compile(r"\s+(?:chips?|start-?ups?|markets?|developers?|designers?|accelerators?|processors?|"
                             r"inference|training|silicon|hardware|software|workloads?|models?|compan(?:y|ies)|firms?|"
                             r"industry|sector|units?|teams?|labs?|boom|spending|demand|servers?|systems?|capacity)\b")
# "the Bristol company", "a Toronto start-up": a word before a company noun describes the company, it is no product
EN_COMPANY_NOUN_AFTER = re.compile(r"\s+(?:company|firm|start-?up|chipmaker|chip designer|group|outfit)\b")
# a hyphenated model code ("BM-1", "CX-9", "QX-700"): a recogniser's organisation guess of that shape is a chip
EN_HYPHEN_CODE = re.compile(r"[A-Z]{1,5}-\d{1,4}[A-Za-z]?")
EN_TITLE_SMALL = {"In", "Of", "The", "For", "On", "And", "To", "With", "At", "By", "From", "As", "A", "An", "Its", "Is"}
# words never inside an English company name: "Bring Its Nova-Core" is a headline's phrase
EN_NOT_IN_NAME = {"its", "their", "our", "his", "her", "we", "they", "it", "to", "from", "into", "with"}


@lru_cache(maxsize=1)
def _en_verb_cues() -> tuple[re.Pattern, ...]:
    """The lexicon's launch, design, funding and acquisition cues: a headline's capitalised verb after a name
    ("Fenwright Labs Introduces", "Harrowgate AI Raises") is not part of it."""
    import ontology
    rels = {"designedBy", "_launch", "_design_verb", "funding", "_acquire"}
    return tuple(re.compile(p) for row in ontology.load_lexicon("en", "relations") if row["relation"] in rels
                 for p in row["patterns"])


def _known_without_suffix(text: str, by_key: dict):
    """The organisation in view that an English name stands for once its corporate words are dropped."""
    from ingest.components.context import EN_CORPORATE
    from ontology.normalize import key as norm_key
    for _ in range(2):
        hit = EN_CORPORATE.match(text)
        if not hit:
            return None
        text = hit.group("short")
        if norm_key(text) in by_key:
            return by_key[norm_key(text)]
    return None


def _one_chip_in_apposition(text: str, out: list) -> None:
    """"The first Sorrel, the S1, was a TSMC 16nm chip": the second name is the first chip's other name."""
    chips = sorted((m for m in out if m.kind == "chip" and not m.ids), key=lambda m: m.start)
    for a, b in zip(chips, chips[1:]):
        if EN_CHIP_APPOSITION.fullmatch(text[a.end:b.start]) and EN_APPOSITION_END.match(text, b.end):
            b.extra["key"] = a.key


def _is_name_word(word: str) -> bool:
    from ingest.components.context import _name_words
    return any(word in ws for kind, ws in _name_words().items() if kind != "first_not")


# one more item of a list of names: ", GV, " (an acronym or capitalised words, no verb or small word)
EN_LIST_LAST = re.compile(r",?\s+and\s+(?P<name>[A-Z][A-Za-z0-9&.-]*(?: [A-Z][A-Za-z0-9&.-]*){0,2})(?=\s+[a-z]|\s*[,.;:]|\s*$)")
EN_LIST_GAP = re.compile(r",\s+(?P<name>[A-Z][A-Za-z0-9&.-]*(?: [A-Z][A-Za-z0-9&.-]*){0,2})(?:,\s+|,?\s+and\s+)")
# "SoftBank Vision Fund 2": a fund's number belongs to its name
EN_FUND_NUMBER = re.compile(r" (?:\d{1,2}|II|III|IV|V|VI)(?![\w-])")


def _en_fund_numbers(text: str, out: list) -> None:
    for m in out:
        if m.kind == "org" and m.text.endswith("Fund"):
            n = EN_FUND_NUMBER.match(text, m.end)
            if n and not any(x is not m and x.start < n.end() and m.end < x.end for x in out):
                m.end = n.end()
                m.text = text[m.start:m.end]


# a generation written as a Roman numeral after a chip's name ("BF-Aster II", "Kestrel IV")
EN_ROMAN_AFTER = re.compile(r" (?:II|III|IV|VI|VII|VIII|IX)(?![\w-])")


def _quoted(text: str, m: Mention) -> bool:
    return 0 < m.start and m.end < len(text) and text[m.start - 1] in "“\"'‘" and text[m.end] in "”\"'’"


def _clean_en_guesses(doc: Doc, out: list) -> None:
    """A model's English organisation guesses in headlines and datelines: a trailing capitalised verb is cut
    off, a phrase with a pronoun or a preposition is dropped, and so is a dateline's place."""
    text = doc.text
    dateline = EN_DATELINE.match(text)
    if dateline and not (len(text) < 40 or re.search(r"\s(?:--|—|–|-)\s", text[:120])):
        dateline = None  # "TSMC, Samsung and Intel …": a name that opens a sentence, no dateline
    lower = lower_case_text(text)  # machine translation in lower case
    for m in [m for m in out if m.kind in ("chip", "arch", "cluster") and m.extra.get("ner") and not m.ids]:
        if re.search(r"-(?:based|headquartered|listed|backed|owned|funded|led)$|-$", m.text) \
                or (dateline and m.start < dateline.end()) \
                or (not lower and re.fullmatch(r"[a-z]+(?:-[a-z]+)*", m.text) and not _quoted(text, m)) \
                or re.fullmatch(EN_MONTH_DAY, m.text) \
                or EN_COMPANY_NOUN_AFTER.match(text, m.end):  # "Jan 8": a date; "the Bristol company": a place
            out.remove(m)  # "a Shenzhen-based GPU designer", "the quiet analog bet": a description, no product
            continue
        numeral = EN_ROMAN_AFTER.match(text, m.end)
        if m.kind == "chip" and numeral and not any(x is not m and x.start < numeral.end() and m.end < x.end for x in out):
            m.end = numeral.end()  # "BF-Aster II": a generation numeral belongs to the name
            m.text = text[m.start:m.end]
    context = doc._.context if Doc.has_extension("context") else None
    for m in [m for m in out if m.kind == "org" and m.extra.get("ner") and not m.ids]:
        if dateline and m.start < dateline.end():
            out.remove(m)
            continue
        if context is not None and _headline_phrase(text, m.text, context.text):
            out.remove(m)  # "Regarding the Completion of Series C Fund Procurement": capitals of a title-cased line
            continue
        if EN_HYPHEN_CODE.fullmatch(m.text):  # "The first one, BM-1, taped out on …": a model code is a chip
            m.kind, m.types = "chip", ("Chip",)
            continue
        words = m.text.split()
        from ingest.components.ner import LEGAL_FORM_ALONE
        if LEGAL_FORM_ALONE.fullmatch(m.text):
            out.remove(m)  # "Fenwright Labs, Inc., a designer …": the legal form alone names nobody
            continue
        from ingest.components.context import _name_words
        if len(words) == 1 and words[0] in _name_words().get("demonym", ()):
            out.remove(m)  # "Graphcore, the British designer of …": a nationality, no name
            continue
        if not lower and not any(w[:1].isupper() or w[:1].isdigit() for w in words):
            out.remove(m)  # "people familiar", "now powers": no capital, no name (outside lower-cased translation)
            continue
        from ingest.components.context import _name_words
        if len(words) > 1 and words[0] in _name_words().get("descriptor", ()):
            rest = text[m.start + len(words[0]):m.end]
            m.start += len(words[0]) + len(rest) - len(rest.lstrip())
            m.text = text[m.start:m.end]  # "Rival Caddis Labs": a word that says what the company is to another
            words = m.text.split()
        if any(w.casefold() in EN_NOT_IN_NAME for w in words[1:]) \
                or words[-1] == "AI" and EN_AI_ADJECTIVE.match(text, m.end):  # "the Welsh AI chip developer"
            out.remove(m)
            continue
        while len(words) > 1 and words[-1][:1].isupper() and any(p.fullmatch(words[-1].casefold())
                                                                 for p in _en_verb_cues()):
            words = words[:-1]
        if len(words) < len(m.text.split()):
            m.end = m.start + len(" ".join(words)) if text[m.start:m.end].startswith(" ".join(words)) else m.end
            m.text = text[m.start:m.end]


_TITLE_WORD = re.compile(r"(?<![\w'’-])[A-Za-z][a-z]{3,}(?![\w'’-])")


def _headline_phrase(sentence: str, guess: str, document: str) -> bool:
    """A guess made of the capitalised words of a title-cased line ("Completion of Series C Fund Procurement") that the
    document writes in lower case elsewhere ("by this fund procurement") and never again as written: the capitals are
    the headline's style, not a name's."""
    words = _TITLE_WORD.findall(sentence)
    if len(words) < 3 or sum(w[0].isupper() for w in words) < 0.75 * len(words) or not document:
        return False
    parts = re.findall(r"[A-Za-z]{3,}", guess)
    if not parts or any(not p[0].isupper() or p.isupper() for p in parts):
        return False
    if document.count(guess) > sentence.count(guess):
        return False
    return all(re.search(rf"(?<![\w-]){re.escape(p.lower())}(?![\w-])", document) for p in parts)


def _not_names_en() -> frozenset[str]:
    from ingest.components.ner import not_names
    return not_names("en")


MODEL_STOP = {"in", "on", "at", "of", "and", "for", "since", "by", "from", "to", "the", "as", "is", "was", "are",
              "with", "than", "about", "over", "under", "after", "before", "until", "during", "around", "nearly",
              "its", "q", "fy", "h", "no", "top", "up"}


def _stripped(text: str, s: int, e: int) -> tuple[int, int]:
    """The span without the blanks at its ends."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _token_start(doc: Doc, s: int, e: int) -> int | None:
    """The first token start inside [s, e) that leaves a CJK name of at least two characters."""
    starts = {t.idx for t in doc}
    for i in range(s, e):
        if i in starts and e - i >= 3 and "\u4e00" <= doc.text[i] <= "\u9fff" and "\u4e00" <= doc.text[i + 1] <= "\u9fff" \
                and doc.text[i] not in "了的在是和与及将为由等其该这款新":
            return i
    return None


def _model_like(model: str) -> bool:
    """"BR100", "MTT S4000", "曦云C500" are models; "in 2025", "of 2024", "by 2030" are not."""
    letters = re.match(r"^[\u4e00-\u9fff]{0,3}([A-Za-z]*)", model).group(1)
    if letters.lower() in MODEL_STOP:
        return False
    if " " in model and letters.islower():
        return False
    return bool(letters) or bool(re.match(r"^[\u4e00-\u9fff]", model))


@lru_cache(maxsize=1)
def series_pattern() -> re.Pattern:
    import ontology
    prefixes = set()
    for e in ontology.load_vocab():
        if e.source != "chips" or "ComputingCluster" in e.types:
            continue
        for name in e.names:
            m = re.match(r"^(.*?[^\d\s.])\s?(\d+(?:\.\d+)?)[A-Za-z]{0,2}$", name)
            if m and len(m.group(1).strip()) >= 2 and not m.group(1).strip().isdigit():
                prefixes.add(m.group(1).strip())
    alts = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
    # bounded by Latin letters and digits only: Chinese and Japanese run words together ("芯片邃思2.0，", "的云燧T10和")
    return re.compile(rf"(?<![A-Za-z0-9])(?:{alts})\s?\d+(?:\.\d+)?[A-Za-z]{{0,2}}(?![A-Za-z0-9.])", re.IGNORECASE)


# a description before a Chinese name is not part of it: "初创公司星衡智芯科技", "芯片企业X"
ZH_DESCRIPTION = re.compile(r"^.{0,8}?(?:公司|企业|厂商|厂|机构|创企|独角兽|股东|投资方|投资人|产业方|股东方)(?=.{4,})")
_ZH_PREPOSITIONS = "由被向从对把以据与和及为在将获"
# the words that go on a Chinese name past a short form of it: a trade word and a legal form
_ZH_NAME_GOES_ON = re.compile(r"(?:科技|技术|电子|微电子|半导体|智能|信息|集团|控股|股份)?(?:[（(][\u4e00-\u9fff]{2,4}[）)])?"
                              r"(?:股份有限公司|有限责任公司|有限公司|集团|合伙企业)")
# a registered name going on past a short word ("鹭岭|区产业投资集团有限公司"): Chinese characters up to a legal form
_ZH_REGISTERED_ON = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:股份有限公司|有限责任公司|有限公司)")
# a model code right after a Chinese brand ("星垣SY-2", "昆仑芯1代"), not a year ("澜汀2024年")
_ZH_BRAND_ON_CODE = re.compile(r"\s?(?:[A-Za-z]|\d{1,3}(?![\d年]))")
# word classes that do not begin a name (jieba's tags: verbs, adverbs, prepositions, conjunctions, particles,
# pronouns, numerals, measure words, locations, time words): "不乏产业资本" is "there is no lack of industrial capital"
_ZH_NOT_NAME_START = ("v", "d", "p", "c", "u", "r", "m", "q", "f", "t")
# one-character adverbs, prepositions and conjunctions that stand before a verb ("曾获得", "已获"), and the particles
# that close a verb's aspect ("拿过", "获得了")
_ZH_FUNCTION_ONE = ("d", "p", "c")
_ZH_ASPECT = "过了着"


def _zh_name_start(surface: str, starts: list[int] | None = None) -> int:
    """Where a Chinese organisation name begins inside a suffix-pattern match: after a description, at a
    word boundary (`starts`: token starts relative to the match), after leading function words."""
    cut = 0
    m = ZH_DESCRIPTION.match(surface)
    if m:
        cut = m.end()
    if starts and cut not in starts:
        cut = min((i for i in starts if i > cut and len(surface) - i >= 4), default=cut)
    tags = _zh_tags()
    for _ in range(3):
        rest = surface[cut:]
        for n in (3, 2):
            tag = tags.get(rest[:n], "")
            if len(rest) - n >= 4 and tag.startswith(_ZH_NOT_NAME_START) and (not starts or cut + n in starts):
                cut += n
                break
        else:
            # one character jieba splits off alone: an adverb before a verb ("曾|获得|柘林资本"), or a verb and its
            # aspect particle ("拿|过|楮山创投"), never the first character of a name (starts: jieba's word starts)
            if starts and cut + 1 in starts and len(rest) - 1 >= 4 and tags.get(rest[:1], "").startswith(_ZH_FUNCTION_ONE) \
                    and tags.get(surface[cut + 1:min((i for i in starts if i > cut + 1), default=len(surface))], "")[:1] == "v":
                cut += 1
                continue
            glued = surface[cut + 1:min((i for i in starts if i > cut + 1), default=len(surface))] if starts else ""
            if starts and cut + 1 in starts and (cut + 2 in starts or not _jieba_word(glued)) and len(rest) - 2 >= 4 \
                    and rest[1] in _ZH_ASPECT and tags.get(rest[:1], "")[:1] == "v":  # (jieba may glue it on: "拿|过翊燧")
                cut += 2
                continue
            break
    return cut


ZH_SUFFIXES = re.compile(r"(?:科技|资本|創投|创投|基金|投资|投資|集团|集團|半导体|半導體|微电子|电子|股份|控股|资管)?"
                         r"(?:(?:股份)?有限(?:责任)?公司)?$")


def _zh_after_verb(surface: str, flags: tuple = ("v", "vn")) -> int:
    """Where a name begins after a verb inside a suffix match ("磐石算力收购星垣微电子" -> "星垣微电子"): after the last
    two-character verb that leaves a name of at least four characters (jieba's part-of-speech tags)."""
    try:
        import jieba.posseg
    except Exception:  # jieba absent: keep the match
        return 0
    cut, pos = 0, 0
    for w in jieba.posseg.dt.cut(surface):
        pos += len(w.word)
        if w.flag in flags and len(w.word) >= 2 and pos - len(w.word) >= 2 and len(surface) - pos >= 4 \
                and len(ZH_SUFFIXES.sub("", surface[pos:])) >= 2:  # not "华岳创新|投资有限公司": a name must remain
            cut = pos
    return cut


def _zh_after_lead_in(surface: str) -> int:
    """Where a name begins after a word that stands before names and is never their head ("新闻说|琢岚科技",
    "据传|峦鼎集团", "部署|曜芒科技"; name_words kind before_name): after the last such word that leaves a head of
    two characters before the name's trade word."""
    from ingest.components.cjk_names import name_words
    cut = 0
    for w in name_words("zh").get("before_name", ()):
        i = surface.rfind(w)
        if i >= 0 and len(ZH_SUFFIXES.sub("", surface[i + len(w):])) >= 2 and len(surface) - i - len(w) >= 4:
            cut = max(cut, i + len(w))
    return cut


def _jieba_word(word: str) -> bool:
    """The word is in jieba's dictionary (or was taught to it: ontology/lexicon/zh/segmenter_words.jsonl), not a
    piece its hidden Markov model glued together from unknown characters."""
    try:
        import jieba
    except Exception:
        return False
    return bool(jieba.dt.FREQ.get(word))


@lru_cache(maxsize=1)
def _zh_tags() -> dict:
    """jieba's dictionary word classes (loaded with jieba, which the zh pipeline already uses)."""
    try:
        import jieba.posseg
        jieba.posseg.dt.initialize()
        return jieba.posseg.dt.word_tag_tab
    except Exception:  # jieba absent: keep names as matched
        return {}


def _zh_investing_arm(out: list, taken: list, text: str, s: int, e: int) -> None:
    """"阿里创投", "某某资本": a name the vocabulary knows (阿里 = Alibaba) followed, inside one suffix match, only by an
    investor's kind word (ontology/lexicon/zh/name_words.jsonl kind investor) is the parent's investing arm, a name
    of its own that a shareholder list or a round names (the parent alone gives way to it, as "Samsung Securities")."""
    from ingest.components.cjk_names import name_words
    inside = [m for m in out if m.start < e and s < m.end]
    if len(inside) != 1 or not inside[0].ids or inside[0].kind != "org" or inside[0].end >= e or inside[0].start < s:
        return
    if text[inside[0].end:e] not in name_words("zh").get("investor", ()):
        return
    drop(out, taken, inside[0])


def _names_in_view(doc: Doc) -> list:
    ctx = doc._.context if Doc.has_extension("context") else None
    return list(ctx.names.values()) if ctx is not None else []


# a model code written right after a company's name ("the Ombra Labs OL-7", "Venn Systems V9"): a capital letter and
# a digit at least; no quarter, half-year or fiscal year ("Q3", "H2", "FY25")
EN_VENDOR_CODE = re.compile(r"(?P<code>(?!(?:Q[1-4]|H[12]|FY\d{2,4})(?![\w-]))[A-Z]{1,5}-?[A-Z]?\d{1,4}[A-Za-z]?)(?![\w-])")


def _vendor_codes(doc: Doc, out: list, taken: list) -> None:
    """A company's name and a model code written together name the company's chip (English): a model's company guess
    that ends in a code ("the Harlow Devices HD-3 (built on …)") is cut to the company, and the code after a company's
    name ("the Venn Systems V9") is a chip, which the company designs (designed_by.ADJACENT). The words before the code
    name a company when they end in a corporate word ("Devices", "Labs") or the document writes the one word as a
    company elsewhere ("Kestrelle KX-40" beside "Kestrelle Microsystems", "Kestrelle's")."""
    text = doc.text
    ctx = doc._.context if Doc.has_extension("context") else None
    document = ctx.text if ctx is not None and ctx.text else text
    for m in [m for m in out if m.kind == "org" and m.extra.get("ner") and not m.ids]:
        words = m.text.split()
        code = EN_VENDOR_CODE.fullmatch(words[-1]) if len(words) > 1 else None
        if code is None or any(a < m.end and m.start < b and (a, b) != (m.start, m.end) for a, b in taken):
            continue
        prefix = " ".join(words[:-1])
        if not (words[-2].casefold() in _corporate_words() or len(words) == 2 and words[0][:1].isupper() and re.search(
                rf"(?<![\w-]){re.escape(words[0])}(?:['’]s\b| [A-Z][a-z]+)", document)
                and any(re.search(rf"(?<![\w-]){re.escape(words[0])} {re.escape(w)}(?![\w-])", document, re.I)
                        or re.search(rf"(?<![\w-]){re.escape(words[0])}['’]s\b", document)
                        for w in _corporate_words())):
            continue
        if words[0] in _name_words_first_not() or not text[m.start:m.end].startswith(prefix):
            continue
        c = m.start + text[m.start:m.end].rindex(words[-1])
        if (m.start, m.end) in taken:
            taken.remove((m.start, m.end))
        m.end = m.start + len(prefix)
        m.text = prefix
        taken.append((m.start, m.end))
        taken.append((c, c + len(words[-1])))
        out.append(Mention(c, c + len(words[-1]), words[-1], "chip", (), ("Chip",),
                           extra={"unknown": True, "after_vendor": True}))
    for m in [m for m in out if m.kind == "org" and "Foundry" not in m.types and (
            m.ids or " " in m.text and m.text.split()[-1].casefold() in _corporate_words())]:  # (not a brand: "Sorane S2")
        code = re.compile(r"\s+").match(text, m.end)
        code = EN_VENDOR_CODE.match(text, code.end()) if code and code.end() - m.end < 3 else None
        if code is None or any(a < code.end() and code.start() < b for a, b in taken):
            continue
        if re.match(r"\s*(?:nm|[Ff]und|[Rr]ound|[Ss]eries)\b", text[code.end():]) or re.search(r"['’]s?$", m.text):
            continue
        taken.append(code.span())
        out.append(Mention(code.start(), code.end(), code.group(0), "chip", (), ("Chip",),
                           extra={"unknown": True, "after_vendor": True}))


# "Wrenfield is sampling the WR-3", "Last month Ostrava shipped its OS-2": one capitalised word that opens the sentence,
# a few lower-case words that hold a design or design-owner verb (lexicon _design_verb), then the chip as its object
EN_ONE_WORD_SUBJECT = re.compile(r"(?P<a>[A-Z][a-z][A-Za-z0-9]{2,20})\s+(?P<v>(?:[a-z][a-z-]*\s+){1,4}?)"
                                 r"(?:the|its|their)\s+(?:[\w-]+\s+){0,3}?$")


def _one_word_subjects(doc: Doc, out: list, taken: list) -> None:
    """A one-word name that opens its sentence as the subject of a design verb whose object is a chip found here is an
    organisation (English). Not a plural common noun ("Customers are sampling the WR-3", "Engineers shipped the X"), a
    word the document also writes in lower case, a stop word or a word of the not-names lexicon."""
    from spacy.lang.en.stop_words import STOP_WORDS
    from ingest.components.context import DESCRIBED
    from ingest.components.relations.common import cue_spans
    text = doc.text
    ctx = doc._.context if Doc.has_extension("context") else None
    document = ctx.text if ctx is not None and ctx.text else text
    for c in [m for m in out if m.kind == "chip"]:
        m = EN_ONE_WORD_SUBJECT.search(text, 0, c.start)
        if m is None or m.end() != c.start:
            continue
        s, e = m.span("a")
        word, verb = m.group("a"), m.group("v")
        before = text[:s]
        if before.strip() and not DESCRIBED.match(before):
            continue
        if word.casefold() in STOP_WORDS or word.casefold() in _not_names_en() or word in _name_words_first_not() \
                or _is_name_word(word) or re.search(rf"(?<![\w-]){re.escape(word.casefold())}(?![\w-])", document):
            continue
        first = verb.split()[0]
        if first in ("are", "were", "have", "do") or word.endswith("s") and first not in ("is", "was", "has") \
                and not re.fullmatch(r"[a-z]+(?<!s)s", first):
            continue  # (a plural subject)
        if not any(m.start("v") <= a and b <= m.end("v") for a, b in cue_spans(doc, "_design_verb")):
            continue
        if any(a < e and s < b for a, b in taken):
            continue
        taken.append((s, e))
        out.append(Mention(s, e, word, "org", (), (), extra={"unknown": True, "ner": "ORG"}))


def _name_words_not_brand() -> frozenset:
    from ingest.components.context import _name_words
    return _name_words().get("not_brand", frozenset())


def _name_words_first_not() -> frozenset:
    from ingest.components.context import _name_words
    return _name_words().get("first_not", frozenset())


class UnknownRecognizer:
    def __call__(self, doc: Doc) -> Doc:
        out = mentions(doc)
        if doc.lang_ == "en":
            _clean_en_guesses(doc, out)
        taken = [(m.start, m.end) for m in out if m.kind in ("org", "chip", "cluster", "arch", "node", "money")]
        text = doc.text
        if doc.lang_ == "en":
            _vendor_codes(doc, out, taken)
        for m in (EN_AFTER_COMPANY_WORD.finditer(text) if doc.lang_ == "en" else ()):
            s, e = m.span("a")  # "the founder of AI start-up DeepSeek", "Chinese chipmaker Biren": the word says it is a company
            words = m.group("a").split()
            if any(a < e and s < b for a, b in taken) or words[0].casefold() in _not_names_en() \
                    or words[0] in ("AI", "Series", "The", "A", "An", "In", "On"):
                for x in out:  # "the chip designer Arm" that a model found: a company by its description too
                    if x.kind == "org" and x.start == s and x.end == e and x.extra.get("ner") and not x.ids:
                        x.extra["described"] = True
                continue
            taken.append((s, e))
            out.append(Mention(s, e, m.group("a"), "org", (), (), extra={"unknown": True, "ner": "ORG", "described": True}))
        for m in (EN_OPENING_COMPANY.finditer(text) if doc.lang_ == "en" else ()):
            s, e = m.span("a")  # "Etched, a Cupertino-based chip start-up, …": a company by its appositive
            if any(a < e and s < b for a, b in taken) or m.group("a").split()[0].casefold() in _not_names_en():
                continue
            taken.append((s, e))
            out.append(Mention(s, e, m.group("a"), "org", (), (), extra={"unknown": True, "ner": "ORG", "described": True}))
        for m in (EN_NAMED_CHIP.finditer(text) if doc.lang_ == "en" else ()):
            s, e = m.span("a")  # "Sohu, an ASIC that hard-wires …": a chip by its appositive, whatever a model guessed
            if m.group("a").split()[0].casefold() in _not_names_en() or any(
                    x.start < e and s < x.end and (x.ids or not x.extra.get("ner")) for x in out):
                continue
            self._displace(out, taken, s, e)
            if any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            out.append(Mention(s, e, m.group("a"), "chip", (), ("Chip",), extra={"unknown": True}))
        if doc.lang_ == "zh":  # "岱屿的推理芯片DY-R3采": a model's guess across a chip word and the code after it names nothing
            for m in MODEL_AFTER_WORD.finditer(text):
                for x in [x for x in out if x.extra.get("ner") and not x.ids and x.start < m.start() and m.start("model") < x.end]:
                    drop(out, taken, x)
        # names the document introduced earlier ("The ZX-9 is manufactured by …")
        for name in _names_in_view(doc):
            written = re.escape(name.text) if doc.lang_ != "en" else r"\s+".join(map(re.escape, name.text.split()))
            # (a lower-case alias, 'below "our company"', is the same words wherever the sentence starts)
            flags = re.I if doc.lang_ == "en" and name.text.islower() and " " in name.text else 0
            for m in re.finditer(rf"(?<![A-Za-z0-9]){written}(?![A-Za-z0-9])", text, flags):
                s, e = m.span()
                if name.kind in ("org", "chip") and doc.lang_ == "en" and not any(x.start <= s and e <= x.end and x.end - x.start > e - s
                                                  for x in out if x.kind == "org"):
                    self._displace(out, taken, s, e)  # "Ambrel" after "Ambrel Computing": not a model's "arch"
                if name.kind == "org" and doc.lang_ in ("ja", "zh"):
                    # "カザハヤ集団" … "カザハヤは": a company the document named is no model's architecture or cluster there
                    for x in [x for x in out if s <= x.start and x.end <= e and x.extra.get("ner") and not x.ids
                              and x.kind in ("arch", "cluster")]:
                        drop(out, taken, x)
                if any(a < e and s < b for a, b in taken):
                    continue
                if doc.lang_ == "ja" and name.kind == "org" and (re.match(r"・[\u30a1-\u30fa]", text[e:e + 2])
                                                                  or re.search(r"[\u30a1-\u30faー]・$", text[max(0, s - 2):s])):
                    continue  # "ヤマセ" of "ヤマセ・シリコン": a word of a longer katakana name, found as a whole
                if doc.lang_ == "zh" and name.kind == "org" and (_ZH_NAME_GOES_ON.match(text, e)
                                                                  or name.short and _ZH_REGISTERED_ON.match(text, e)):
                    continue  # "杭州衡川智能科技有限公司" after 「衡川智能」: a longer registered name, found as a whole
                    # (and "鹭岭|区产业投资集团有限公司" after 鹭岭智算: a short word that opens another registered name)
                if doc.lang_ == "zh" and name.kind == "org" and _ZH_BRAND_ON_CODE.match(text, e):
                    continue  # "星垣SY-2", "天衡T30" after 星垣微电子: the brand of a chip's name, not the company
                taken.append((s, e))
                out.append(Mention(s, e, text[s:e], name.kind, (), ("Chip",) if name.kind == "chip" else (),
                                   extra={"unknown": True, "remembered": True, "key": name.key}))
        # the same family under another number ("AK-Kiri 2" in view: the earlier 「AK-Kiri」, "Tern-1" -> "Tern-2")
        for name in _names_in_view(doc):
            fam = re.match(r"^([A-Za-z][A-Za-z-]*[A-Za-z])[\s-]?\d{1,3}[A-Za-z]?$", name.text)
            word = EN_WORD_FAMILY.match(name.text) if doc.lang_ == "en" and not fam else None
            coded = EN_BRAND_CODE_FAMILY.match(name.text) if doc.lang_ == "en" and not fam and not word else None
            fam = fam or word or coded  # (English: "Sorrel S2" -> "Sorrel", for "The first Sorrel, the S1")
            if name.kind != "chip" or not fam or len(fam.group(1)) < 3:
                continue  # (and "qiongyu QY-7" -> "qiongyu QY", for "previous generation product qiongyu QY-3")
            number = r"[\s-]?\d{1,3}[A-Za-z]?" if coded else r"(?:[\s-]?\d{1,3}[A-Za-z]?)?"
            for m in re.finditer(rf"(?<![A-Za-z0-9-]){re.escape(fam.group(1))}{number}(?![A-Za-z0-9-])", text):
                s, e = m.span()
                if word and any(x.start < e and s < x.end and (x.start < s or x.end > e) for x in out):
                    continue  # "Sorrel AI": a longer name that holds the family word
                if doc.lang_ == "en":
                    self._displace(out, taken, s, e)  # "The follow-up, Tern-2, taped out": a model's "ORG" guess
                if any(a < e and s < b for a, b in taken):
                    continue
                taken.append((s, e))
                out.append(Mention(s, e, text[s:e], "chip", (), ("Chip",), extra={"unknown": True, "sibling": True}))
        cands: list[tuple[int, int]] = []
        for ent in doc.ents:
            if ent.label_ in NER_ORG_LABELS:
                cands.append((ent.start_char, ent.end_char))
        if doc.lang_ == "zh":  # "磐石算力科技（杭州）有限公司": one registered name around its city
            for m in ZH_FULL_NAME.finditer(text):
                s, e = m.span(1)
                cut = _zh_name_start(text[s:e], [t.idx - s for t in doc if s <= t.idx < e])
                self._absorb(out, taken, s + cut, e)
                if not any(a < e and s + cut < b for a, b in taken):
                    taken.append((s + cut, e))
                    out.append(Mention(s + cut, e, text[s + cut:e], "org", extra={"unknown": True}))
        if doc.lang_ == "zh":
            for m in ZH_PARTNERSHIP.finditer(text):
                s, e = m.span(1)
                s += _zh_name_start(text[s:e], [t.idx - s for t in doc if s <= t.idx < e])
                for x in [x for x in out if x.start < e and s < x.end and not x.ids]:
                    drop(out, taken, x)  # the pieces a model or a pattern cut it into ("苏州棠溪创业投资")
                if not any(a < e and s < b for a, b in taken):
                    taken.append((s, e))
                    out.append(Mention(s, e, text[s:e], "org", extra={"unknown": True}))
            for m in ZH_ANCHORED_ORG.finditer(text):
                s, e = m.span(1)
                for x in [x for x in out if x.extra.get("ner") and not x.ids and s < x.start < e < x.end]:
                    drop(out, taken, x)  # a model's guess that begins inside the name ("资本继续追加投资")
                self._absorb(out, taken, s, e)
                cands.append((s, e))
        pat = {"en": EN_ORG, "zh": ZH_ORG, "ja": JA_ORG}.get(doc.lang_)
        if pat is not None:
            for m in pat.finditer(text):
                cands.append(m.span(1))
                if doc.lang_ == "en":  # "Samsung Securities" (and not the foundry "Samsung"), as in ja/zh below
                    self._investing_arm(out, taken, text, *m.span(1))
                if doc.lang_ == "zh":  # "阿里创投" (and not 阿里巴巴): a known name and an investor's word is its fund
                    _zh_investing_arm(out, taken, text, *m.span(1))
                self._absorb(out, taken, *m.span(1), zh_text=text if doc.lang_ == "zh" else "")
        if doc.lang_ == "ja" and len(SPACED_JA.findall(text)) >= 3:  # machine translation that spaces every word
            for m in JA_SPACED_ORG.finditer(text):
                self._absorb(out, taken, *m.span(1))
                cands.append(m.span(1))
        if doc.lang_ in ("ja", "zh"):
            for m in LATIN_ORG.finditer(text):
                s, e = m.span(1)
                self._absorb(out, taken, s, e)
                self._investing_arm(out, taken, text, s, e)
                cands.append((s, e))
        if doc.lang_ == "en":
            plural, arch_ids = en_plural_arch()
            for m in plural.finditer(text):
                s, e = m.span()
                self._displace(out, taken, s, e)
                if not any(a < e and s < b for a, b in taken):
                    taken.append((s, e))
                    # written only where a relation uses it: "EC-Relay and GW-Nova 2 are ASICs", not "GPUs are scarce"
                    out.append(Mention(s, e, text[s:e], "arch", (arch_ids[m.group(1)],), ("Architecture",),
                                       extra={"plural": True}))
            for m in en_isa().finditer(text):
                s, e = m.span()
                self._displace(out, taken, s, e)
                if not any(a < e and s < b for a, b in taken):
                    taken.append((s, e))  # "a small RISC-V design": written only where a relation uses it
                    out.append(Mention(s, e, text[s:e], "arch", (), ("Architecture",), extra={"unknown": True}))
            for s, e in _en_named_by_word(text):
                cands.append((s, e))
                self._absorb(out, taken, s, e)
        # (codes and acronyms such translations keep in capitals, "chiyu CY-20 … SMIC N+2", do not count)
        lower = doc.lang_ == "en" and lower_case_text(text)
        if lower:
            from ingest.components.ner import not_names
            for g in [g for g in out if g.kind == "org" and g.extra.get("ner") and not g.ids and any(
                    w in lower_case_words("not_first") or w in lower_case_words("not_inside") for w in g.text.split()[1:-1])]:
                drop(out, taken, g)  # "by brim lead investment": a guess that holds the words of the sentence around a name
            legal = [m.span(1) for m in LOWER_LEGAL.finditer(text)]
            for m in list(LOWER_LEGAL.finditer(text)) + list(LOWER_ORG.finditer(text)):
                s, e = m.span(1)
                if m.re is LOWER_ORG and any(a < e and s < b for a, b in legal):
                    continue  # "x semiconductor" inside "x semiconductor technology co., ltd.": the registered name
                first = re.match(r"[a-z0-9-]+\s+", text[s:e])
                if first and first.group(0).strip() in lower_case_words("not_first"):
                    s += first.end()  # "and fenmore ventures": the name after the joining word
                    if " " not in text[s:e].strip():
                        continue
                inner = text[s:e]
                for phrase in lower_case_words("phrase"):
                    inner = inner.replace(phrase, phrase.replace(" ", "_"))  # "science and technology" is one word
                part = _lower_name_parts(inner, 0, len(inner))
                if part is None:
                    continue  # "following the investment", "continue to add investment": a phrase, not a name
                # "old shareholders mercer ventures": the name after the last word no name holds; "luoheng
                # microelectronics obtained investment": the name before a verb that follows its corporate word
                s, e = s + part[0], s + part[1]
                if text[s:e].split()[0] not in not_names("en"):
                    cands.append((s, e))
                    for g in [g for g in out if g.kind == "org" and g.extra.get("ner") and not g.ids
                              and s <= g.start < e < g.end and all(w in lower_case_words("not_first")
                                                                   for w in text[e:g.end].split())]:
                        drop(out, taken, g)  # "qiaoshan ventures follow investment": a guess that runs past the name's
                        # corporate word into the verb after it ends there
                    self._absorb(out, taken, s, e)
        spaced = MT_SPACED.search(text)  # (a name before its Chinese form in brackets is one without spaced punctuation too)
        if doc.lang_ == "en" and not lower and (spaced or re.search(r"[（(]\s?[\u4e00-\u9fff]", text)):
            # machine translation from Chinese that spaces its punctuation: lower-cased words after a capitalised one
            # make a name up to its kind word ("Xiling industrial fund", "Qiantang cloud"), and so do lower-cased
            # words before the name's Chinese form in brackets ("qingmu capital ( 青木资本 )")
            from ingest.components.ner import not_names
            for m in MT_NAME.finditer(text):
                s, e = m.span(1)
                words = text[s:e].split()
                if (words[0][0].islower() or not spaced) and not m.group("cjk") or words[0] in STOP_ORG \
                        or words[0].casefold() in not_names("en") or any(
                        w in lower_case_words("not_first") or w in lower_case_words("not_inside") for w in words[1:-1]):
                    continue
                cands.append((s, e))
                self._absorb(out, taken, s, e)
        for s, e in sorted(set(cands), key=lambda c: (c[0], -c[1])):  # the longest name from each start
            surface = text[s:e].strip(" ,.;:")
            lead = re.match(r"^(?:[A-Z][a-z]+-(?:backed|based|owned|led|run|listed|funded)\s+|The\s+|"
                            r"[A-Z][\w.-]*['’]s\s+(?=[A-Z]))+", surface)  # (and "Taiwan's Alchip Technologies")
            if lead:
                s += lead.end()
                surface = surface[lead.end():]
            if doc.lang_ == "en":  # "Rival Tarnwick Labs": a word that says what the company is to another
                from ingest.components.context import _name_words
                while " " in surface and surface.split(" ", 1)[0] in _name_words().get("descriptor", ()):
                    first = surface.split(" ", 1)[0]
                    s += len(first) + 1
                    surface = surface[len(first) + 1:]
            if len(surface) < 2 or surface.split(" ")[0] in STOP_ORG and len(surface.split()) == 1:
                continue
            if doc.lang_ == "en" and any(r.kind == "round" and s <= r.start < s + len(surface) and
                                         str(r.value).startswith("Series") for r in out):
                continue  # "Completion of Series C Fund Procurement": a round's name and "fund" name no fund
            if doc.lang_ == "en" and " " not in surface and _is_name_word(surface):
                continue  # "Research note", "Semiconductor": a corporate word alone names nobody
            if only_describes(surface, doc.lang_):
                continue  # "AI半導体スタートアップ": a description, no name
            if doc.lang_ == "zh":
                starts = [t.idx - s for t in doc if s <= t.idx < s + len(surface)]
                if s > 0 and text[s - 1] in _ZH_PREPOSITIONS and not any(t.idx == s - 1 and len(t) == 2 and _jieba_word(t.text)
                                                                          for t in doc):
                    starts.append(0)  # jieba glues a preposition to an unknown name ("由澄溪|天使|基金"): it ends there
                    # (but a two-character dictionary word of the preposition and the match's first character is a
                    # word of its own, a verb: "对标|极汀芯科技" begins after it; "由铖|昇私募基金" is jieba's glue)
                cut = _zh_name_start(surface, starts)
                s, surface = s + cut, surface[cut:]
                cut = _zh_after_verb(surface)
                s, surface = s + cut, surface[cut:]
                lead = text[max(0, s - 3):s]  # (据|传峦鼎集团: the word may begin before the match)
                cut = max(0, _zh_after_lead_in(lead + surface) - len(lead))
                s, surface = s + cut, surface[cut:]
                if ZH_GENERIC.match(surface) or len(surface) < 4:
                    continue
            if any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            out.append(Mention(s, s + len(surface), surface, "org", extra={"unknown": True}))
        if doc.lang_ == "en":
            _en_fund_numbers(text, out)
            self._en_list_gaps(text, out, taken)
        arch_named = list(QUOTED_ARCH.finditer(text)) + list(EN_ARCH.finditer(text))
        if doc.lang_ == "en":  # 'the original architecture "Utakata"': the kind word before the quoted name
            arch_named += list(EN_ARCH_QUOTED.finditer(text))
        for m in arch_named:
            g = "a" if m.group("a") else "b"
            s, e = _stripped(text, *m.span(g))  # machine translation spaces inside quotes: '" tianlu "'
            if g == "b" and text[s:e].casefold() in _not_names_en():
                continue
            self._displace(out, taken, s, e)
            if any(a < e and s < b for a, b in taken):
                continue
            micro = bool(re.match(r"微|マイクロ|micro", m.group("w") or m.group("v"), re.I))
            taken.append((s, e))
            out.append(Mention(s, e, text[s:e], "arch", (), ("Microarchitecture",) if micro else ("Architecture",),
                               extra={"unknown": True, "quoted": True}))
        if doc.lang_ == "en":
            self._named_microarchitecture(doc, out, taken)
        for pat in (QUOTED_CLUSTER, EN_CLUSTER) + ((EN_CLUSTER_NAMED, EN_CLUSTER_POWER, EN_CLUSTER_BUILT)
                                                   if doc.lang_ == "en" else ()):
            for m in pat.finditer(text):
                g = "a" if m.group("a") else "b"
                s, e = _stripped(text, *m.span(g))
                while pat is EN_CLUSTER_BUILT and " " in text[s:e] and text[s:e].split()[0].casefold() in _not_names_en():
                    s = text.index(" ", s) + 1  # "And Kittiwake, the … system": the sentence's first word is no name
                if pat is EN_CLUSTER_BUILT and text[s:e].casefold() in _not_names_en():
                    continue
                guessed = [x for x in out if x.start < e and s < x.end and x.extra.get("ner") and not x.ids]
                if pat is EN_CLUSTER and g == "b" and not guessed:
                    continue  # "Emberline cluster": only where a model also saw a name
                self._displace(out, taken, s, e)  # the kind word says what the model's guess is
                if any(a < e and s < b for a, b in taken) or not text[s:e].strip():
                    continue
                taken.append((s, e))
                out.append(Mention(s, e, text[s:e], "cluster", (), ("ComputingCluster",),
                                   extra={"unknown": True, "quoted": True}))
        # a model code after a known family name: "MN-Core L1000" is a model of its own, not the family "MN-Core"
        for m in [m for m in out if m.kind == "chip" and m.ids and not any(ch.isdigit() for ch in m.text)]:
            code = FAMILY_MODEL.match(text, m.end)
            if code is None:
                continue
            drop(out, taken, m)
            taken.append((m.start, code.end()))
            out.append(Mention(m.start, code.end(), text[m.start:code.end()], "chip", (), ("Chip",),
                               extra={"unknown": True, "family": m.ids[0]}))
        # a node-like code after a name no vocabulary knows: "the Pellow N3 card" is a chip, not TSMC's N3
        for m in [m for m in out if m.kind == "node" and NODE_LIKE_CODE.fullmatch(m.text)]:
            owner = NAMED_BEFORE_CODE.search(text, 0, m.start) or CHIP_WORD_BEFORE_CODE.search(text, 0, m.start)
            if owner is None or any(o.ids and o.start < owner.end(1) and owner.start(1) < o.end for o in out) \
                    or owner.group(1).casefold() in _not_names_en():
                continue
            s = owner.start(1)
            drop(out, taken, m)
            for o in [o for o in out if o.kind == "org" and not o.ids and (o.start, o.end) == owner.span(1)] \
                    if owner.re is CHIP_WORD_BEFORE_CODE else ():
                drop(out, taken, o)  # ("Nimbra" of "Nimbra N0": the brand inside the chip's name)
            self._displace(out, taken, s, owner.end(1))
            taken.append((s, m.end))
            out.append(Mention(s, m.end, text[s:m.end], "chip", (), ("Chip",), extra={"unknown": True}))
        # siblings of known product series: "邃思2.0" beside the known "邃思1.0", "Gaudi 4" beside "Gaudi 3"
        for m in series_pattern().finditer(text):
            s, e = m.span()
            if any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            out.append(Mention(s, e, m.group(0), "chip", (), ("Chip",), extra={"unknown": True, "series": True}))
        # a model number written beside a chip word: "the LX200 accelerator", "风华2号GPU", "GPU「X100」"
        standalone = list(STANDALONE_MODEL.finditer(text)) + (list(EN_SHORT_CHIP.finditer(text)) if doc.lang_ == "en" else [])
        standalone += _en_brand_models(text) if doc.lang_ == "en" else []
        for m in standalone:
            s, e = m.span("model")
            if "\u4e00" <= text[s] <= "\u9fff":
                s = _token_start(doc, s, e)
                if s is None:
                    continue
            if doc.lang_ == "en" and _model_like(m.group("model")) \
                    and not any(x.kind == "chip" and (x.start, x.end) == (s, e) for x in out):
                self._displace(out, taken, s, e)  # "the NV-3 inference accelerator": the chip word says what it is
            if any(a < e and s < b for a, b in taken) or not _model_like(m.group("model")):
                continue
            taken.append((s, e))
            out.append(Mention(s, e, text[s:e], "chip", (), ("Chip",), extra={"unknown": True}))
        for pat in ((EN_OWNED_MODEL, EN_CALLED_MODEL, EN_WORD_THEN_MODEL, EN_OWNED_NAMED, EN_APPOSED_MODEL, EN_WORD_CODE_CHIP)
                    if doc.lang_ == "en" else ()):
            for m in pat.finditer(text):
                s, e = m.span("model")
                code = m.group("model")
                if pat is EN_OWNED_MODEL and not any(c.isdigit() for c in code):
                    continue
                if pat in (EN_APPOSED_MODEL, EN_WORD_CODE_CHIP) and (
                        re.split(r"[ -]", code)[0].casefold() in _not_names_en() or not _model_like(code)
                        or re.split(r"[ -]", code)[0] in _name_words_not_brand()):
                    continue  # ("Gen-2 chips": an ordering word and a number)
                if pat is EN_OWNED_NAMED and (code.split()[0] in _name_words_first_not() or _is_name_word(code.split()[0])
                                              or code.split()[0].casefold() in _not_names_en() or any(
                            x.start < e and s < x.end and (x.ids or not x.extra.get("ner")) for x in out)):
                    continue  # ("Nvidia's Hopper GPU architecture": a known name; "its Edge AI chips": no name)
                self._displace(out, taken, s, e)
                if any(a < e and s < b for a, b in taken):
                    continue
                taken.append((s, e))
                out.append(Mention(s, e, code, "chip", (), ("Chip",), extra={"unknown": True}))
        for f in ([m for m in out if m.kind == "org" and "Foundry" in m.types] if doc.lang_ == "en" else ()):
            m = EN_FOUNDRY_OBJECT.match(text, f.end)
            if m is None or re.split(r"[ -]", m.group("model"))[0].casefold() in _not_names_en() \
                    or re.split(r"[ -]", m.group("model"))[0] in _name_words_not_brand():
                continue
            s, e = m.span("model")
            if any(a < e and s < b for a, b in taken) or not _model_like(m.group("model")):
                continue
            taken.append((s, e))
            out.append(Mention(s, e, m.group("model"), "chip", (), ("Chip",), extra={"unknown": True}))
        for m in (LOWER_GENERATION.finditer(text) if lower and doc.lang_ == "en" else ()):
            s, e = m.span("a")  # "manufactured the first generation kunlun in …" (lower-cased translation)
            if not re.fullmatch(CHIP_WORDS, m.group("a"), re.I):
                self._displace(out, taken, s, e)  # (the generation word says it is a product, whatever a model guessed)
            if any(a < e and s < b for a, b in taken) or re.fullmatch(CHIP_WORDS, m.group("a"), re.I) \
                    or m.group("a") in lower_case_words("not_inside"):
                continue
            taken.append((s, e))
            out.append(Mention(s, e, text[s:e], "chip", (), ("Chip",), extra={"unknown": True}))
        for m in (LOWER_MODEL.finditer(text) if lower else EN_LOWER_CODE.finditer(text) if doc.lang_ == "en" else ()):
            g = "a" if m.group("a") else "b"
            s, e = m.span(g)
            if any(a < e and s < b for a, b in taken) or not _model_like(m.group(g)) \
                    or re.search(r"-(?:19|20)\d\d$", m.group(g)):
                continue
            taken.append((s, e))
            out.append(Mention(s, e, text[s:e], "chip", (), ("Chip",), extra={"unknown": True}))
        for m in MODEL_AFTER_WORD.finditer(text):
            s, e = m.span("model")
            if any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            out.append(Mention(s, e, text[s:e], "chip", (), ("Chip",), extra={"unknown": True}))
        for m in QUOTED_NAME.finditer(text):
            s, e = m.span("name")
            if text[s - 1] == '"' and text.count('"', 0, s - 1) % 2:
                continue  # '这颗"大芯片"基于…的"玄枢"': a straight quote after the chip word closes, it opens nothing
            if doc.lang_ == "en":
                s, e = _stripped(text, s, e)  # machine translation: 'chip " chiyu  CY-20 "'
                self._displace(out, taken, s, e)  # the chip word before the quotes says what the name is
            if any(a < e and s < b for a, b in taken) or not text[s:e].strip():
                continue
            taken.append((s, e))
            out.append(Mention(s, e, text[s:e], "chip", (), ("Chip",), extra={"unknown": True}))
            if doc.lang_ in ("ja", "zh"):
                out[-1].extra["quoted"] = True  # 「」/“” after a chip word introduce a name the document goes on using
                reading = re.match(r"[（(]([^）)\n]{1,12})[）)][」』”\"]", text[e:])
                if reading:  # 第1世代「霧島（Kirishima）」: the reading in brackets is the same chip, no guess of its own
                    out[-1].extra["alt"] = reading.group(1)
                    for x in [x for x in out if x.extra.get("ner") and not x.ids and e < x.start < e + reading.end()]:
                        drop(out, taken, x)
        if doc.lang_ == "en":
            self._named_codes(text, out, taken)
        # chip models right after a vendor
        for m in list(out):
            if m.kind != "org" or m.extra.get("inside"):
                continue
            mm = CHIP_MODEL.match(text[m.end: m.end + 24].lstrip(" "))
            if not mm or not _model_like(mm.group(1)):
                continue
            gap = len(text[m.end: m.end + 24]) - len(text[m.end: m.end + 24].lstrip(" "))
            s = m.end + gap + mm.start(1)
            e = s + len(mm.group(1))
            if any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            out.append(Mention(s, e, mm.group(1), "chip", (), ("Chip",), extra={"unknown": True}))
            # the vendor name written with the model is an alternative label of the chip
            out[-1].extra["alt"] = text[m.start:e]
        if doc.lang_ == "en":
            _one_word_subjects(doc, out, taken)
        _ampersand_names(text, out, taken)
        cjk_names.find(doc, out, taken)  # Japanese and Chinese names by the words around them
        if doc.lang_ in ("ja", "zh"):
            self._bracket_pairs(doc, out, taken)
            self._list_gaps(doc, out, taken)
        # a short name the document defined ("以下简称"灵犀微电子"") is the organisation it stands for
        names = {n.text: n for n in _names_in_view(doc) if n.kind == "org"}
        if names:
            from ontology.normalize import key as norm_key
            by_key = {norm_key(t): n for t, n in names.items()}
            for m in out:
                n = by_key.get(norm_key(m.text)) if m.kind == "org" and not m.ids and not m.extra.get("coref") else None
                if n is None and doc.lang_ == "en" and m.kind == "org" and not m.ids and not m.extra.get("coref"):
                    n = _known_without_suffix(m.text, by_key)  # "Harrowgate AI Inc" after "Harrowgate AI"
                if n is not None and n.key != m.key:
                    m.extra["key"] = n.key
                    m.extra["alias"] = True
                elif n is not None and doc.lang_ == "ja":
                    m.extra["key"] = n.key  # the same name again: one the document gave (context._cjk_subject)
        if doc.lang_ == "en":
            _one_chip_in_apposition(text, out)
        out.sort(key=lambda m: (m.start, -m.end))
        return doc

    @staticmethod
    def _list_gaps(doc: Doc, out: list, taken: list) -> None:
        """"格力、国开金融、耀途资本等参投": a short item between two organisations of a 、-list is an organisation too."""
        from ingest.components.ner import not_names
        text = doc.text
        orgs = sorted((m for m in out if m.kind == "org" and not m.extra.get("coref")), key=lambda m: m.start)
        for a, b in zip(orgs, orgs[1:]):
            gap = LIST_GAP.fullmatch(text, a.end, b.start)
            if gap is None:
                continue
            s, e = gap.span(1)
            if any(x < e and s < y for x, y in taken) or text[s:e].casefold() in not_names(doc.lang_) \
                    or only_describes(text[s:e], doc.lang_):
                continue
            taken.append((s, e))
            out.append(Mention(s, e, text[s:e], "org", extra={"unknown": True, "listed": True}))
        if doc.lang_ not in ("ja", "zh"):
            return
        for b in orgs:  # "政府系のShanghai Horizon Iron、Jaick Growth Fund、…": a Latin name opening a list of names
            item = LATIN_ITEM_BEFORE.search(text, 0, b.start)
            if item is None or not re.match(r"\s?[、，,]", text[b.end:b.end + 2]):
                continue
            s, e = item.span("name")
            if any(x < e and s < y for x, y in taken) or text[s:e].casefold() in not_names(doc.lang_) \
                    or len(text[s:e].replace(" ", "")) < 4:
                continue
            taken.append((s, e))
            out.append(Mention(s, e, text[s:e], "org", extra={"unknown": True, "listed": True}))
        out.sort(key=lambda m: (m.start, -m.end))

    @staticmethod
    def _bracket_pairs(doc: Doc, out: list, taken: list) -> None:
        """"エッジコア（EdgeCore）", "星河智芯（Xinghe AI）", "Tenstorrent（テンストレント）": a name followed by the same
        name in another script in brackets is one organisation; a katakana name no recogniser found is taken from
        its place before (or inside) the brackets when the other one is a name."""
        from ingest.components.ner import not_names
        text = doc.text
        stop = not_names(doc.lang_)
        orgs = [m for m in out if m.kind == "org" and not m.extra.get("coref") and not m.extra.get("inside")]
        for m in list(orgs):
            b = m.end
            close = BRACKET_INSIDE.match(text, b)
            if close is None:
                if doc.lang_ in ("ja", "zh"):
                    _bracket_list(text, m, orgs)
                continue
            s, e = close.span("name")
            n = next((o for o in orgs if (o.start, o.end) == (s, e)), None)
            if n is None and KATAKANA_NAME.fullmatch(text[s:e]) and text[s:e] not in stop \
                    and not any(a < e and s < c for a, c in taken):
                n = Mention(s, e, text[s:e], "org", extra={"unknown": True})
                out.append(n)
                taken.append((s, e))
            if n is not None:
                _one_entity(m, n)
        chips = [m for m in out if m.kind == "chip" and not m.ids]
        for m in chips:  # "フェルウィング3(Fellwing 3)": a chip and its name in another script are one chip
            close = BRACKET_INSIDE.match(text, m.end)
            n = next((c for c in chips if close and (c.start, c.end) == close.span("name")), None)
            if n is not None and n.key != m.key:
                n.extra["key"] = m.key
        if doc.lang_ == "zh":
            _zh_chip_before_bracket(doc, out, taken, chips)
        for n in orgs:
            if n.start == 0 or text[n.start - 1] not in "（(" or text[n.end:n.end + 1] not in ("）", ")"):
                continue
            if any(m.end == n.start - 1 for m in orgs):
                continue  # done above
            k = KATAKANA_BEFORE.search(text, 0, n.start - 1)
            if k is None or k.group(0) in stop or any(a < k.end() and k.start() < c for a, c in taken):
                continue
            m = Mention(k.start(), k.end(), k.group(0), "org", extra={"unknown": True})
            out.append(m)
            taken.append((k.start(), k.end()))
            _one_entity(m, n)

    @staticmethod
    def _en_list_gaps(text: str, out: list, taken: list) -> None:
        """"BlackRock, Intel Capital, GV, Walden International and WRVI Capital": a capitalised item between two names
        of one list is a name too (English)."""
        orgs = sorted((m for m in out if m.kind == "org" and not m.extra.get("coref")), key=lambda m: m.start)
        for a, b in zip(orgs, orgs[1:]):
            gap = EN_LIST_GAP.fullmatch(text, a.end, b.start)
            if gap is None or gap.group("name").split()[0].casefold() in _not_names_en() \
                    or LEGAL_FORM_ALONE.fullmatch(gap.group("name")):  # ("Holloway Peak Capital, L.P. and …")
                continue
            s, e = gap.span("name")
            for x in [x for x in out if (x.start, x.end) == (s, e) and x.kind != "org" and x.extra.get("ner") and not x.ids]:
                drop(out, taken, x)  # a model's "chip" between two investors of a list is one more of them
            if any(x < e and s < y for x, y in taken):
                continue
            taken.append((s, e))
            out.append(Mention(s, e, text[s:e], "org", extra={"unknown": True, "listed": True}))
        # "SoftBank Vision Fund 2, Intel Capital and GV among its backers": the capitalised item after "and" that closes
        # a list of two or more names (joined by commas) is one more of them
        orgs = sorted((m for m in out if m.kind == "org" and not m.extra.get("coref")), key=lambda m: m.start)
        for a, b in zip(orgs, orgs[1:]):
            last = EN_LIST_LAST.match(text, b.end) if re.fullmatch(r",\s+", text[a.end:b.start]) else None
            if last is None or last.group("name").split()[0].casefold() in _not_names_en() \
                    or LEGAL_FORM_ALONE.fullmatch(last.group("name")):
                continue
            s, e = last.span("name")
            if any(x < e and s < y for x, y in taken):
                continue
            taken.append((s, e))
            out.append(Mention(s, e, text[s:e], "org", extra={"unknown": True, "listed": True}))
        out.sort(key=lambda m: (m.start, -m.end))

    @staticmethod
    def _investing_arm(out: list, taken: list, text: str, s: int, e: int) -> None:
        """"Samsung Securities": a known name followed by the words of an investing arm is that arm, a name
        of its own; the known name alone (Samsung, the foundry) gives way to it."""
        inside = [m for m in out if m.start < e and s < m.end]
        if len(inside) != 1 or not inside[0].ids or inside[0].kind != "org" or inside[0].start != s \
                or not INVESTING_TAIL.match(text[inside[0].end:e]):
            return
        drop(out, taken, inside[0])

    def _named_codes(self, text: str, out: list, taken: list) -> None:
        """"Tessel T4", "Sorrel S2": a short model code (a letter or two and digits) whose product name is the
        capitalised word before it is one chip name, not the bare code a model marked."""
        from ingest.components.context import _name_words
        first_not = _name_words().get("first_not", frozenset())
        for m in [m for m in out if m.kind == "chip" and not m.ids and SHORT_CODE.fullmatch(m.text)
                  and not m.extra.get("after_vendor")]:  # ("Venn Systems V9": the company's name, then its chip)
            w = WORD_BEFORE_CODE.search(text, 0, m.start)
            if w is None or w.group(1) in first_not or w.group(1) in STOP_ORG \
                    or w.group(1).casefold() in _not_names_en() \
                    or any(x is not m and x.start < w.end(1) and w.start(1) < x.end and not x.extra.get("ner")
                           for x in out):
                continue
            self._displace(out, taken, w.start(1), w.end(1))
            if (m.start, m.end) in taken:
                taken.remove((m.start, m.end))
            m.start = w.start(1)
            m.text = text[m.start:m.end]
            taken.append((m.start, m.end))

    @staticmethod
    def _displace(out: list, taken: list, s: int, e: int) -> None:
        """Drop a model's guesses over [s, e): a kind word beside the name says what it is."""
        for x in [x for x in out if x.start < e and s < x.end and x.extra.get("ner") and not x.ids]:
            drop(out, taken, x)

    def _named_microarchitecture(self, doc: Doc, out: list, taken: list) -> None:
        """"Kestrelle's second-generation Zennor dataflow microarchitecture", "the Orrin NPU micro-architecture": a
        capitalised name before an architecture class the vocabulary knows (arch-*: dataflow, NPU, GPU, …) and the word
        microarchitecture names the microarchitecture; the class word only describes it, no architecture of its own."""
        text = doc.text
        in_view = {n.text.split()[0] for n in _names_in_view(doc) if n.kind == "org"}
        for a in [a for a in out if a.kind == "arch" and a.ids and a.ids[0].startswith("arch-")]:
            if not EN_MICRO_AFTER.match(text, a.end):
                continue
            w = EN_NAME_BEFORE.search(text, 0, a.start)
            if w is None or w.group(1) in _name_words_first_not() or w.group(1).casefold() in _not_names_en() \
                    or w.group(1) in in_view or _is_name_word(w.group(1)) \
                    or any(x.start < w.end(1) and w.start(1) < x.end and (x.ids or not x.extra.get("ner")) for x in out):
                continue
            s, e = w.span(1)
            self._displace(out, taken, s, e)
            drop(out, taken, a)
            taken.append((s, e))
            out.append(Mention(s, e, text[s:e], "arch", (), ("Microarchitecture",), extra={"unknown": True, "quoted": True}))

    @staticmethod
    def _absorb(out: list, taken: list, s: int, e: int, zh_text: str = "") -> None:
        """A corporate-suffix name ("Meridian Reach Fund", "the Vesper Family Office") wins over the pieces a
        model cut it into ("Meridian" + "Fund"), when every piece it covers is itself a guess."""
        inside = [m for m in out if m.start < e and s < m.end]
        if len(inside) < 1 or not all(s <= m.start and m.end <= e and m.extra.get("ner") and not m.ids
                                      for m in inside):
            return
        if len(inside) == 1 and inside[0].kind == "org" and e - s <= inside[0].end - inside[0].start + 1 \
                and not (zh_text and inside[0].end == e and inside[0].start == s + 1 and "\u4e00" <= zh_text[s] <= "\u9fff"):
            return  # (but "由青禾资本" read as "禾资本": a Chinese name's first character is part of it)
        for m in inside:
            drop(out, taken, m)


# one item of a list between two names: "、国开金融、"
LIST_GAP = re.compile(r"、((?:[\u4e00-\u9fff\u30a1-\u30faー・A-Za-z](?<![的和与及等了在由是为将其这那と]))"
                      r"[\u4e00-\u9fff\u30a1-\u30faー・A-Za-z]{1,7})、")
# a capitalised Latin name right before "、" and the next name of a Japanese or Chinese list
LATIN_ITEM_BEFORE = re.compile(r"(?:^|(?<=[、，,のはがもと]))(?P<name>[A-Z][A-Za-z0-9&.'-]*(?: [A-Z][A-Za-z0-9&.'-]*){0,4})\s?[、，,]\s?$")
# the bracketed other-script form right after a name, and a katakana name (long vowels, middle dots) before a bracket
BRACKET_INSIDE = re.compile(r"[（(](?P<name>[^（()）、，,。]{2,40})[）)]")
KATAKANA_NAME = re.compile(r"[\u30a1-\u30faー・]{3,20}")
KATAKANA_BEFORE = re.compile(r"(?<![\u30a1-\u30faー・])[\u30a1-\u30fa][\u30a1-\u30faー・]{2,19}$")


# "ムーアスレッド（摩尔线程、Moore Threads）", "寒武紀科技（Cambricon Technologies、688256）": brackets listing items
BRACKET_LIST = re.compile(r"[（(](?P<items>[^（()）。]{1,60}?[、，,][^（()）。]{1,60})[）)]")


def _script(name: str) -> str:
    """Latin, kana or han: the writing a spelling of a name is in."""
    letters = [c for c in name if c.isalpha()]
    latin = sum(c.isascii() for c in letters)
    kana = sum("\u30a0" <= c <= "\u30ff" or "\u3040" <= c <= "\u309f" for c in letters)
    return "latin" if latin * 2 >= len(letters) else "kana" if kana > len(letters) - latin - kana else "han"


def _bracket_list(text: str, m: Mention, orgs: list) -> None:
    """The names listed as whole items in the brackets right after a name, each in a writing of its own (and not
    the name's), are its other spellings; names in the same writing as it are others ("…（傘下のA、B）")."""
    close = BRACKET_LIST.match(text, m.end)
    if close is None:
        return
    seen = {_script(m.text)}
    for o in sorted(orgs, key=lambda o: o.start):
        if o is m or not (close.start("items") <= o.start and o.end <= close.end("items")):
            continue
        if text[:o.start].rstrip()[-1:] not in ("（", "(", "、", "，", ",") \
                or text[o.end:].lstrip()[:1] not in ("）", ")", "、", "，", ","):
            continue  # a name inside an item ("以下「同社」"), not the item
        script = _script(o.text)
        if script in seen:
            continue
        seen.add(script)
        _one_entity(m, o)


# the rest of a Latin name a recogniser cut after its "&": "Vaia Management &" + "Research Company"
AMP_REST = re.compile(r"\s*[A-Z][A-Za-z0-9.'-]*(?:\s[A-Z][A-Za-z0-9.'-]*){0,3}")


def _ampersand_names(text: str, out: list, taken: list) -> None:
    """A name a recogniser cut at its "&" runs on over the capitalised words after it; the guesses it covers go."""
    for m in [m for m in out if m.kind == "org" and not m.ids and m.extra.get("unknown") and not m.extra.get("coref")]:
        more = AMP_REST.match(text, m.end) if m.text.rstrip().endswith("&") else None  # ("A & B" may be two names)
        if more is None or m not in out:
            continue
        e = more.end()
        inside = [x for x in out if x is not m and x.start < e and m.end <= x.start]
        if any(x.ids or not x.extra.get("ner") or x.end > e for x in inside):
            continue
        for x in inside:
            drop(out, taken, x)
        if (m.start, m.end) in taken:
            taken.remove((m.start, m.end))
        m.end = e
        m.text = text[m.start:e]
        taken.append((m.start, e))


# a Chinese product name right before a bracket: a brand and its model number or generation ("启萍5代", "汐海D193")
ZH_CHIP_BEFORE_BRACKET = re.compile(r"[\u4e00-\u9fff]{2,4}\s?[A-Za-z]{0,3}[-\s]?\d{1,4}[A-Za-z]{0,3}\s?(?:代|号|號|型)?")


def _zh_chip_before_bracket(doc: Doc, out: list, taken: list, chips: list) -> None:
    """"正式发布启萍5代（DROR Ultra 6，简称DU）": a chip found in brackets with nothing named before them is the other
    name of the brand and number written right before the bracket, which begins a word after a verb, particle or
    punctuation (jieba's tokens) where no other mention lies."""
    text = doc.text
    tags = _zh_tags()
    for c in chips:
        if c.start < 2 or text[c.start - 1] not in "（(" or any(m.end in (c.start - 1, c.start - 2) for m in out):
            continue
        m = next((m for i, t in enumerate(doc) if c.start - 12 <= t.idx < c.start - 1
                  and (m := ZH_CHIP_BEFORE_BRACKET.fullmatch(text, t.idx, c.start - 1))
                  and (i == 0 or doc[i - 1].is_punct or tags.get(doc[i - 1].text, "")[:1] in ("v", "u", "p"))), None)
        if m is None or any(a < m.end() and m.start() < b for a, b in taken):
            continue
        taken.append(m.span())
        out.append(Mention(m.start(), m.end(), m.group(0), "chip", (), ("Chip",), extra={"unknown": True}))
        c.extra["key"] = out[-1].key


def _one_entity(m: Mention, n: Mention) -> None:
    """Two spellings of one organisation: both take the key of the one the vocabulary knows, else the first's."""
    if m.key == n.key or (m.ids and n.ids):
        return
    if n.ids and not m.ids:
        m.extra["key"] = n.key
    else:
        n.extra["key"] = m.key
    m.extra["bracket"] = n.extra["bracket"] = True  # the document may use either spelling later


@Language.factory("aic_unknown", assigns=["doc._.mentions"], requires=["doc._.mentions"])
def make_unknown(nlp: Language, name: str) -> UnknownRecognizer:
    return UnknownRecognizer()
