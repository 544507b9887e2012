"""Phrasing classes another analyst would type (session 7, issue 13, helper-84), each checked on questions of my own:
other entities and other wordings than the development questions that showed the class. Gold is computed by SPARQL
over the contract's reference graph; a case whose body is None must be declined."""
from __future__ import annotations

import pytest

from tests.api.test_ask_phenomena import env, inv  # noqa: F401  (env: the shared module fixture)
from tests.api.test_ask_phenomena_dev12 import made_by
from tests.api.test_ask_probe_en import country, relies, year, judge_case

pytestmark = pytest.mark.shared  # over ../shared/eval/reference-graph.trig: the contract layer, deselected on a clone alone


def cnt(body: str) -> str:
    return f"SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE {{ {body} }}"


def memory(c: str, m: str) -> str:
    return f"{c} aic:memoryType ?mem . FILTER(LCASE(STR(?mem)) = \"{m.lower()}\")"


def invested(x: str, c: str, k: int) -> str:
    """x invested in company c (directly or as a party of one of its rounds)."""
    return (f"{{ {x} aic:investedIn {c} }} UNION {{ ?ri{k} aic:fundedCompany {c} . {{ ?ri{k} aic:investor {x} }} UNION "
            f"{{ ?ri{k} aic:leadInvestor {x} }} }}")


def exchange(co: str) -> str:
    return f"STR:SELECT DISTINCT ?v WHERE {{ ?r aic:fundedCompany {co} ; aic:exchange ?v }}"


def rounds(cur: str, op: str, amount: float) -> str:
    return f"?x aic:fundedCompany ?co ; aic:amount ?a ; aic:currency \"{cur}\" . FILTER(?a {op} {amount})"


def listed_on(market: str) -> str:
    return f"?r aic:fundedCompany ?x ; aic:exchange \"{market}\" ."


def round_party(co: str, year: int | None = None) -> str:
    when = f" ?r aic:date ?d . FILTER(SUBSTR(STR(?d), 1, 4) = \"{year}\")" if year else ""
    return f"?r aic:fundedCompany {co} . {{ ?r aic:investor ?x }} UNION {{ ?r aic:leadInvestor ?x }}{when}"


def leads(co: str) -> str:
    return f"?r aic:fundedCompany {co} ; aic:leadInvestor ?x ."


def round_amount(co: str, fn: str) -> str:
    """The amount of co's first (MIN) or last (MAX) dated round (dates of several datatypes: compared as strings)."""
    return (f"SELECT ?v WHERE {{ ?r aic:fundedCompany {co} ; aic:amount ?v ; aic:date ?d . {{ SELECT ({fn}(STR(?d2)) AS ?o) "
            f"WHERE {{ ?r2 aic:fundedCompany {co} ; aic:amount ?a2 ; aic:date ?d2 }} }} FILTER(STR(?d) = ?o) }}")


MOST_COMPANIES = ("{ SELECT ?x (COUNT(DISTINCT ?c) AS ?n) WHERE { " + invested("?x", "?c", 1) + " } GROUP BY ?x } "
                  "{ SELECT (MAX(?m) AS ?n) WHERE { { SELECT ?y (COUNT(DISTINCT ?e) AS ?m) WHERE { " +
                  invested("?y", "?e", 2) + " } GROUP BY ?y } } }")
TENCENT_CO = invested("aid:tencent", "?co", 1)


def _chips_per(vendor_filter: str, v: str, k: int) -> str:
    return f"SELECT {v} (COUNT(DISTINCT ?c{k}) AS ?n{k}) WHERE {{ ?c{k} a aic:Chip ; aic:designedBy {v} . {vendor_filter} }} GROUP BY {v}"


LEAST_CN_CHIPS = ("{ " + _chips_per(country("?x", "CN"), "?x", 1) + " } { SELECT (MIN(?n2) AS ?n1) WHERE { { " +
                  _chips_per(country("?y", "CN"), "?y", 2) + " } } }")
MOST_CHIPS = ("?x a aic:ChipVendor . { " + _chips_per("", "?x", 1) + " } { SELECT (MAX(?n2) AS ?n1) WHERE { { " +
              _chips_per("?y a aic:ChipVendor .", "?y", 2) + " } } }")


CASES: list[tuple[str, str, str | None]] = [
    # zh 多少 right before a countable noun counts it (was read as 多少钱, an amount: "壁仞有多少投资方" gave two amounts)
    ("count-noun", "壁仞有多少投资方", cnt(inv("aid:biren-technology"))),
    ("count-noun", "燧原有多少股东", cnt(inv("aid:enflame"))),
    ("count-noun", "有多少芯片用HBM3e", cnt("?x a aic:Chip . " + memory("?x", "HBM3e"))),
    ("count-noun", "英伟达有多少芯片", cnt("?x a aic:Chip ; aic:designedBy aid:nvidia .")),
    # zh 在哪里/在哪/在哪儿 + 上市/挂牌 asks the exchange (was: the IPO's amount, by a round form)
    ("where-listed", "寒武纪在哪里上市", exchange("aid:cambricon")),
    ("where-listed", "摩尔线程在哪上市的", exchange("aid:moore-threads")),
    ("where-listed", "沐曦在哪儿挂牌", exchange("aid:metax")),
    # zh 哪家(公司) + 代工 is the foundry (was: the chips' designer)
    ("which-foundry", "华为的芯片由哪家代工", "?c aic:designedBy aid:huawei . " + made_by("?c", "?x")),
    ("which-foundry", "腾讯投资的公司的芯片是哪家代工的", TENCENT_CO + " ?c aic:designedBy ?co . " + made_by("?c", "?x")),
    ("which-foundry", "寒武纪的芯片是哪家公司代工的", "?c aic:designedBy aid:cambricon . " + made_by("?c", "?x")),
    ("which-foundry", "哪家代工了昇腾910", made_by("aid:huawei-ascend-910", "?x")),
    # zh 靠 = rely on
    ("rely-kao", "哪些厂商靠三星代工", "?x a aic:ChipVendor . " + relies("?x", "aid:samsung")),
    ("rely-kao", "英伟达靠哪家代工厂", "?x a aic:Foundry . " + relies("aid:nvidia", "?x")),
    ("rely-kao", "除了台积电，英特尔还靠哪家代工？", "?x a aic:Foundry . " + relies("aid:intel", "?x") + " FILTER(?x != aid:tsmc)"),
    # zh "…的<noun>是哪家": the closing 哪家 asks which of that noun (was a second node: a company, Kunlunxin)
    ("closing-which", "投资了最多公司的机构是哪家", MOST_COMPANIES),
    ("closing-which", "投资企业最多的投资方是哪家", MOST_COMPANIES),
    ("closing-which", "哪家机构投资的公司最多", MOST_COMPANIES),
    # zh/ja an amount word that a comparison is said of, before the rounds, says which rounds (was: the amount itself)
    ("amount-cmp-round", "金额超过5亿美元的融资", rounds("USD", ">", 500000000)),
    ("amount-cmp-round", "金额超过10亿元的融资有哪些", rounds("CNY", ">", 1000000000)),
    ("amount-cmp-round", "金额低于5亿元的融资轮次", rounds("CNY", "<", 500000000)),
    ("amount-cmp-round", "金額が5億ドルを超えるラウンドは？", rounds("USD", ">", 500000000)),
    # en "who/that fund(s)" is the verb (was the type word "funds": "Who funds companies that use GlobalFoundries?"
    # listed the companies); more investing verbs; "has a stake in" is not a chip form's "has"
    ("fund-verb", "Who funds companies that use GlobalFoundries?", relies("?co", "aid:globalfoundries") + " " +
     invested("?x", "?co", 1)),
    ("fund-verb", "Who finances vendors relying on Samsung?", "?co a aic:ChipVendor . " + relies("?co", "aid:samsung") + " " +
     invested("?x", "?co", 1)),
    ("fund-verb", "Who bankrolled Moore Threads?", inv("aid:moore-threads")),
    ("fund-verb", "Who has a stake in Enflame?", inv("aid:enflame")),
    ("fund-verb", "Who are the investors that fund Kunlunxin?", inv("aid:kunlunxin")),
    ("fund-verb", "Which funds backed MetaX?", inv("aid:metax")),
    # en comparison verbs on amounts
    ("amount-verb", "Which rounds exceeded 1 billion yuan?", rounds("CNY", ">", 1000000000)),
    ("amount-verb", "rounds surpassing $500 million", rounds("USD", ">", 500000000)),
    ("amount-verb", "Which funding rounds topped 2 billion yuan?", rounds("CNY", ">", 2000000000)),
    # ja 共通する/共通している = both; 載せる/積む = use (memory); "AでもBでも構いません" = either; "…だけでお願いします"
    ("ja-words", "ムーアスレッズとMetaXに共通する投資家を教えて", inv("aid:moore-threads", 1) + " " + inv("aid:metax", 2)),
    ("ja-words", "壁仞科技と昆仑芯に共通している投資家は？", inv("aid:biren-technology", 1) + " " + inv("aid:kunlunxin", 2)),
    ("ja-words", "HBM3eを載せているチップは？", "?x a aic:Chip . " + memory("?x", "HBM3e")),
    ("ja-words", "HBM2eを積んだチップはどれ", "?x a aic:Chip . " + memory("?x", "HBM2e")),
    ("ja-words", "GDDR6を載せたチップで、2022年以降に発表されたものだけでお願いします",
     "?x a aic:Chip ; aic:announcedIn ?y . FILTER(" + year("?y") + " >= 2022) " + memory("?x", "GDDR6")),
    ("ja-words", "7nmのプロセスを使っているベンダーは？TSMCでもSMICでも構いません",
     "?x a aic:ChipVendor . VALUES ?f { aid:tsmc aid:smic } ?p aic:offeredBy ?f ; aic:nodeNanometers 7 . "
     "{ ?x aic:reliesOn ?p } UNION { ?c aic:designedBy ?x ; aic:manufacturedOn ?p }"),
    ("ja-words", "TSMCだけに依存しているベンダーは？", None),  # only TSMC: the graph cannot say "only"; still declined
    # ja/zh a board named with its city or in English ("上海のSTAR Market", "上海证券交易所", "联交所")
    ("exchange-names", "上海証券取引所に上場している会社は？", listed_on("Shanghai STAR Market")),
    ("exchange-names", "香港の取引所に上場した企業は", listed_on("Hong Kong Stock Exchange")),
    ("exchange-names", "在上海STAR Market上市的公司有哪些", listed_on("Shanghai STAR Market")),
    ("exchange-names", "在联交所上市的公司", listed_on("Hong Kong Stock Exchange")),
    # ja "Xの設計会社で、リード投資家を務めたのは": the lead investors of those companies (was: the companies)
    ("ja-role", "Samsungで作られたチップの設計会社で、リード投資家を務めたのは誰？",
     "?c aic:designedBy ?co . " + made_by("?c", "aid:samsung") + " " + leads("?co")),
    # zh 一起/联合, ja 一緒に, en together: both did it
    ("jointly", "中信产业基金和春华资本联合领投了哪家公司",
     "?r1 aic:fundedCompany ?x ; aic:leadInvestor aid:citic-private-equity . "
     "?r2 aic:fundedCompany ?x ; aic:leadInvestor aid:primavera-capital ."),
    ("jointly", "CITIC PEと春華資本が一緒にリードした会社は？",
     "?r1 aic:fundedCompany ?x ; aic:leadInvestor aid:citic-private-equity . "
     "?r2 aic:fundedCompany ?x ; aic:leadInvestor aid:primavera-capital ."),
    ("jointly", "Which company did CITIC Private Equity and Primavera Capital together invest in?",
     invested("aid:citic-private-equity", "?x", 1) + " " + invested("aid:primavera-capital", "?x", 2)),
    # zh 当过/担任过/做过领投 = led; "X里…的有谁" asks who of the set before 里
    ("served-lead", "燧原的投资方里担任过领投的是哪些", leads("aid:enflame")),
    ("served-lead", "摩尔线程的股东里做过领投方的有谁", leads("aid:moore-threads")),
    ("served-lead", "沐曦的投资方里当过领投的有几家", cnt(leads("aid:metax"))),
    # a company described by what it makes = chip vendor
    ("maker-words", "腾讯投资的做芯片的公司有哪些", "?x a aic:ChipVendor . " + invested("aid:tencent", "?x", 1)),
    ("maker-words", "Which accelerator vendors rely on Samsung?", "?x a aic:ChipVendor . " + relies("?x", "aid:samsung")),
    ("maker-words", "テンセントが出資したAIチップ企業は？", "?x a aic:ChipVendor . " + invested("aid:tencent", "?x", 1)),
    # ja taking part in a round (参加/加わる) is investing in it
    ("ja-partake", "2021年にEnflameのラウンドに参加した投資家は？", round_party("aid:enflame", 2021)),
    ("ja-partake", "Biren Technologyのラウンドに加わった投資家はどこ", round_party("aid:biren-technology")),
    # en "X except the ones on/with/made by Y": a negation of what follows (was declined on "except")
    ("except-ones", "NVIDIA chips other than the ones with HBM3e",
     "?x a aic:Chip ; aic:designedBy aid:nvidia . FILTER NOT EXISTS { " + memory("?x", "HBM3e") + " }"),
    ("except-ones", "Huawei chips except those made by SMIC",
     "?x a aic:Chip ; aic:designedBy aid:huawei . FILTER NOT EXISTS { " + made_by("?x", "aid:smic") + " }"),
    ("except-ones", "AMD chips apart from the ones announced in 2024",
     "?x a aic:Chip ; aic:designedBy aid:amd . FILTER NOT EXISTS { ?x aic:announcedIn ?y . FILTER(" + year("?y") +
     " = 2024) }"),
    # the amount of a company's first/last round (was declined: an age superlative on an amount)
    ("round-by-date", "What was the amount of Biren's earliest round?", round_amount("aid:biren-technology", "MIN")),
    ("round-by-date", "壁仞最早一轮融资的金额是多少", round_amount("aid:biren-technology", "MIN")),
    ("round-by-date", "How much did Enflame raise in its latest round?", round_amount("aid:enflame", "MAX")),
    ("round-by-date", "エンフレームの一番新しいラウンドの金額は？", round_amount("aid:enflame", "MAX")),
    # en a possessive organisation names whose things are asked ("Chinese vendors' chips": was the vendors)
    ("possessive", "Chinese vendors' chips made by TSMC",
     "?x a aic:Chip ; aic:designedBy ?d . " + country("?d", "CN") + " " + made_by("?x", "aid:tsmc")),
    ("possessive", "list US companies' chips with HBM3",
     "?x a aic:Chip ; aic:designedBy ?d . " + country("?d", "US") + " " + memory("?x", "HBM3")),
    ("possessive", "Which Chinese vendors' chips use HBM2e?",
     "?x a aic:ChipVendor . ?c aic:designedBy ?x . " + country("?x", "CN") + " " + memory("?c", "HBM2e")),
    # en who a product is from is said of the chips, past a process phrase ("chips with a node of 7nm or smaller from
    # Chinese vendors": was any vendor using such a process, non-Chinese chips listed)
    ("from-chips", "chips with a node of 7nm or smaller from chinese vendors",
     "?x a aic:Chip ; aic:designedBy ?d ; aic:manufacturedOn ?p . ?p aic:nodeNanometers ?n . FILTER(?n <= 7) " +
     country("?d", "CN")),
    ("from-chips", "chips on a process of 12nm or larger by Chinese companies",
     "?x a aic:Chip ; aic:designedBy ?d ; aic:manufacturedOn ?p . ?p aic:nodeNanometers ?n . FILTER(?n >= 12) " +
     country("?d", "CN")),
    ("from-chips", "Which chips on TSMC 7nm come from US vendors?",
     "?x a aic:Chip ; aic:designedBy ?d ; aic:manufacturedOn ?p . ?p aic:offeredBy aid:tsmc ; aic:nodeNanometers 7 . " +
     country("?d", "US")),
    # en receiving money from an investor ("got funding from", "received investment from", "took money from")
    ("received-from", "which companies got funding from hongshan", invested("aid:hongshan", "?x", 1)),
    ("received-from", "Which companies received investment from Tencent?", invested("aid:tencent", "?x", 1)),
    ("received-from", "Which chip vendors took money from IDG Capital?",
     "?x a aic:ChipVendor . " + invested("aid:idg-capital", "?x", 1)),
    # ja receiving money from an investor ("Xから資金を受けた", "Xから資金を調達した")
    ("received-from", "紅杉中国から資金を受けた企業は", invested("aid:hongshan", "?x", 1)),
    ("received-from", "テンセントから資金を調達した会社はどこ", invested("aid:tencent", "?x", 1)),
    ("received-from", "IDGキャピタルから資金提供を受けたベンダー", "?x a aic:ChipVendor . " + invested("aid:idg-capital", "?x", 1)),
    # ja a product made "for" a class of companies: which name is whose is not read yet, so declined (was: the foundry
    # read as the vendors' and any of their chips listed); "1つもない" (not even one) stays declined
    ("made-for", "TSMCが中国のベンダー向けに製造しているチップ", None),
    ("made-for", "サムスンが米国企業向けに製造したチップは？", None),
    ("made-for", "TSMCで作られたチップが1つもないベンダー", None),
    # time and aggregate words: "during 2020 or 2021", "sum up", 最後に出した/最后发布 (newest), 過去最大/史上最大 (largest),
    # 全部足すと (sum), "…され、" chaining two conditions, の数 (count), 几次 (rounds counted)
    ("time-agg-words", "chips released during 2020 or 2021",
     "?x a aic:Chip ; aic:announcedIn ?y . FILTER(" + year("?y") + " IN (2020, 2021))"),
    ("time-agg-words", "sum up Enflame's rounds", "SELECT (SUM(?a) AS ?v) WHERE { ?r aic:fundedCompany aid:enflame ; aic:amount ?a }"),
    ("time-agg-words", "グーグルが最後に出したチップは",
     "?x aic:designedBy aid:google ; aic:announcedIn ?y . FILTER NOT EXISTS { ?o aic:designedBy aid:google ; "
     "aic:announcedIn ?y2 . FILTER(" + year("?y2") + " > " + year("?y") + ") }"),
    ("time-agg-words", "谷歌最后发布的芯片是哪款",
     "?x aic:designedBy aid:google ; aic:announcedIn ?y . FILTER NOT EXISTS { ?o aic:designedBy aid:google ; "
     "aic:announcedIn ?y2 . FILTER(" + year("?y2") + " > " + year("?y") + ") }"),
    ("time-agg-words", "ムーアスレッズの過去最大の資金調達額",
     "SELECT (MAX(?a) AS ?v) WHERE { ?r aic:fundedCompany aid:moore-threads ; aic:amount ?a ; aic:currency \"CNY\" }"),
    ("time-agg-words", "摩尔线程史上最大的一笔融资",
     "SELECT (MAX(?a) AS ?v) WHERE { ?r aic:fundedCompany aid:moore-threads ; aic:amount ?a ; aic:currency \"CNY\" }"),
    ("time-agg-words", "Enflameのラウンドを全部足すといくら",
     "SELECT (SUM(?a) AS ?v) WHERE { ?r aic:fundedCompany aid:enflame ; aic:amount ?a }"),
    ("time-agg-words", "2023年に発表され、HBM3を搭載したチップ",
     "?x a aic:Chip ; aic:announcedIn ?y . FILTER(" + year("?y") + " = 2023) " + memory("?x", "HBM3")),
    ("time-agg-words", "サムスンが製造したチップの数", cnt("?x a aic:Chip . " + made_by("?x", "aid:samsung"))),
    ("time-agg-words", "Enflameの投資家の数", cnt(inv("aid:enflame"))),
    ("time-agg-words", "摩尔线程融资了几次", cnt("?x aic:fundedCompany aid:moore-threads .")),
    ("time-agg-words", "燧原一共融了几次", cnt("?x aic:fundedCompany aid:enflame .")),
    # en an auxiliary between two organisation words opens a clause with its own subject (was merged into one node:
    # "Which foundries do the companies Tencent invested in depend on?" listed the companies)
    ("aux-clause", "Which foundries do the companies Tencent invested in depend on?",
     "?x a aic:Foundry . " + invested("aid:tencent", "?co", 1) + " " + relies("?co", "?x")),
    ("aux-clause", "Which investors do the vendors relying on Samsung have?",
     "?co a aic:ChipVendor . " + relies("?co", "aid:samsung") + " " + invested("?x", "?co", 1)),
    ("aux-clause", "What processes do the vendors that Hillhouse backed use?",
     "?co a aic:ChipVendor . " + invested("aid:gl-ventures", "?co", 1) + " ?x a aic:ProcessNode . "
     "{ ?co aic:reliesOn ?x } UNION { ?c aic:designedBy ?co ; aic:manufacturedOn ?x }"),
    # zh a set named before 中/里 without a comma is still the set the closing 哪款 asks from (was: another chip on the
    # same process as a 2022 chip, H200 among them)
    ("zh-set", "2022年发布的芯片中工艺最先进的是哪款",
     "?x aic:announcedIn ?y ; aic:manufacturedOn/aic:nodeNanometers ?n . FILTER(" + year("?y") + " = 2022) "
     "FILTER NOT EXISTS { ?o aic:announcedIn ?y2 ; aic:manufacturedOn/aic:nodeNanometers ?n2 . FILTER(" + year("?y2") +
     " = 2022 && ?n2 < ?n) }"),
    ("zh-set", "英伟达的芯片中用HBM3e的是哪款", "?x aic:designedBy aid:nvidia . " + memory("?x", "HBM3e")),
    ("zh-set", "华为的芯片中哪款最新",
     "?x aic:designedBy aid:huawei ; aic:announcedIn ?y . FILTER NOT EXISTS { ?o aic:designedBy aid:huawei ; "
     "aic:announcedIn ?y2 . FILTER(" + year("?y2") + " > " + year("?y") + ") }"),
    # zh "X的投资方还投了哪些公司": other companies than X
    ("zh-other", "摩尔线程的投资方还投了哪些公司",
     invested("?i", "aid:moore-threads", 1) + " " + invested("?i", "?x", 2) + " FILTER(?x != aid:moore-threads)"),
    ("zh-other", "壁仞的投资方还投资了哪些公司",
     invested("?i", "aid:biren-technology", 1) + " " + invested("?i", "?x", 2) + " FILTER(?x != aid:biren-technology)"),
    # ja "AにもBにも…ない" (neither): not read yet, declined (was: A's investors)
    ("ja-neither", "投資家のうち、壁仞科技にもエンフレームにも出資していないのは", None),
    ("ja-neither", "TSMCにもサムスンにも依存していないベンダーは？", None),
    # en a question opening after a comma ("For chips made by Samsung, who designed them?": was the chips); framing
    ("en-framing", "For chips made by Samsung, who designed them?",
     "?c aic:designedBy ?x . " + made_by("?c", "aid:samsung")),
    ("en-framing", "I need the names of vendors that depend on Samsung.",
     "?x a aic:ChipVendor . " + relies("?x", "aid:samsung")),
    ("en-framing", "Regarding Enflame: who led its Series C?",
     "?r aic:fundedCompany aid:enflame ; aic:roundName \"Series C\" ; aic:leadInvestor ?x ."),
    ("en-framing", "As for Biren, which investors backed it?", inv("aid:biren-technology")),
    # a country said with 系/资 or as the mainland ("米系", "美系", "台系", "中国大陆")
    ("region-words", "米系のチップベンダーはどこ", "?x a aic:ChipVendor . " + country("?x", "US")),
    ("region-words", "美系芯片厂商有哪些", "?x a aic:ChipVendor . " + country("?x", "US")),
    ("region-words", "中国大陆的芯片公司有哪些", "?x a aic:ChipVendor . " + country("?x", "CN")),
    ("region-words", "台系代工厂有哪些", "?x a aic:Foundry . " + country("?x", "TW")),
    # the fewest (MIN over the counts; was declined in every language) and a count word naming what a superlative
    # counts ("チップ数が最も多いベンダー" gave the number of vendors, 24)
    ("fewest", "Which Chinese vendor has the fewest chips?", LEAST_CN_CHIPS),
    ("fewest", "哪家中国厂商的芯片最少", LEAST_CN_CHIPS),
    ("fewest", "チップ数が最も少ない中国のベンダー", LEAST_CN_CHIPS),
    ("fewest", "チップ数が最も多いベンダー", MOST_CHIPS),
    ("fewest", "投資先の数が最も多い投資家", MOST_COMPANIES),
    ("fewest", "紅杉中国の投資先の数", cnt(invested("aid:hongshan", "?x", 1))),
    # zh 小于等于/不超过/大于等于/不低于 with a node size or an amount
    ("zh-cmp", "制程小于等于5nm的芯片", "?x a aic:Chip ; aic:manufacturedOn/aic:nodeNanometers ?n . FILTER(?n <= 5)"),
    ("zh-cmp", "工艺不超过7nm的芯片", "?x a aic:Chip ; aic:manufacturedOn/aic:nodeNanometers ?n . FILTER(?n <= 7)"),
    ("zh-cmp", "大于等于10亿元的融资", rounds("CNY", ">=", 1000000000)),
    ("zh-cmp", "不低于5亿美元的融资", rounds("USD", ">=", 500000000)),
    # en "When/Where did X list?" (the bare verb) asks the IPO's date / exchange (was declined); ja 直近の = the latest
    ("list-verb", "When did Biren list?", "STR:SELECT ?v WHERE { aid:biren-technology-ipo aic:date ?v }"),
    ("list-verb", "Where did MetaX list?", exchange("aid:metax")),
    ("list-verb", "When did Iluvatar CoreX list its shares?",
     "STR:SELECT ?v WHERE { ?r aic:fundedCompany aid:iluvatar-corex ; aic:roundName \"IPO\" ; aic:date ?v }"),
    ("latest", "Enflameの直近のラウンドの金額は", round_amount("aid:enflame", "MAX")),
    ("latest", "エヌビディアの直近のチップ",
     "?x aic:designedBy aid:nvidia ; aic:announcedIn ?y . FILTER NOT EXISTS { ?o aic:designedBy aid:nvidia ; "
     "aic:announcedIn ?y2 . FILTER(" + year("?y2") + " > " + year("?y") + ") }"),
    # zh 融资 as the head noun a wh-word asks about is the rounds (was: the companies that raised)
    ("zh-rounds", "中国公司2021年之后的融资有哪些",
     "?x aic:fundedCompany ?co ; aic:date ?d . FILTER(" + year("?d") + " > 2021) " + country("?co", "CN")),
    ("zh-rounds", "2025年的融资有哪些", "?x a aic:FundingRound ; aic:date ?d . FILTER(" + year("?d") + " = 2025)"),
    ("zh-rounds", "燧原2020年的融资有哪些",
     "?x aic:fundedCompany aid:enflame ; aic:date ?d . FILTER(" + year("?d") + " = 2020)"),
    ("zh-rounds", "超过10亿元的融资是哪些公司拿到的",
     "?r aic:fundedCompany ?x ; aic:amount ?a ; aic:currency \"CNY\" . FILTER(?a > 1000000000)"),
    # a node-size range in every language (was declined)
    ("nm-range", "Which processes are between 5nm and 10nm?", "?x a aic:ProcessNode ; aic:nodeNanometers ?n . FILTER(?n >= 5 && ?n <= 10)"),
    ("nm-range", "5〜7nmで作られたチップ", "?x a aic:Chip ; aic:manufacturedOn/aic:nodeNanometers ?n . FILTER(?n >= 5 && ?n <= 7)"),
    ("nm-range", "5nm到10nm之间的工艺", "?x a aic:ProcessNode ; aic:nodeNanometers ?n . FILTER(?n >= 5 && ?n <= 10)"),
    # two memories joined by "and": a form that reads one of them does not answer (was: HBM3 chips only)
    ("two-memories", "Which chips use HBM2 and HBM2e?", "?x a aic:Chip . " + memory("?x", "HBM2") + " " +
     memory("?x", "HBM2e").replace("?mem", "?mem2")),
    ("two-memories", "HBM2とHBM2eを搭載したチップは？", "?x a aic:Chip . " + memory("?x", "HBM2") + " " +
     memory("?x", "HBM2e").replace("?mem", "?mem2")),
]


@pytest.mark.parametrize("phenomenon,q,body", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_variation(env, phenomenon: str, q: str, body: str | None):
    judge_case(env, phenomenon, q, body)
