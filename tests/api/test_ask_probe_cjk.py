"""Japanese and Chinese composed questions written by helper-66 (issue 13) as different users would type them — a
journalist (terse), a student (polite, hedged), an investor (rounds, amounts, currencies), a supply-chain analyst
(foundries, nodes, memory), a policy researcher (countries, exchanges, years) — in every category of
composed-dev10's README (intersection, type, negation, multi-hop, count, sum, superlative, time, numeric, attribute,
decline) plus region and two-questions-in-one. Mostly other entities and always other wording than the dev sets.
Gold is computed by SPARQL over the contract's reference graph, never typed in; countries come from the
vocabulary (ontology/vocab/organizations.tsv). A body of None must be declined; "STR:…" is a one-string value."""
from __future__ import annotations

import pytest

from tests.api.test_ask_phenomena import env, inv  # noqa: F401  (env: the shared module fixture)
from tests.api.test_ask_probe_en import country, year, judge_case

pytestmark = pytest.mark.shared  # over ../shared/eval/reference-graph.trig


def made_by(c: str, f: str, n: int = 0) -> str:
    """Chip c is made by foundry f: fabricated by it or made on a process it offers."""
    return f"{{ {c} aic:fabricatedBy {f} }} UNION {{ {c} aic:manufacturedOn ?mp{n} . ?mp{n} aic:offeredBy {f} }}"


def relies(v: str, f: str, n: int = 0) -> str:
    """Vendor v relies on foundry f: stated, or a chip of v made by f."""
    return f"{{ {v} aic:reliesOn {f} }} UNION {{ ?rc{n} aic:designedBy {v} . {made_by(f'?rc{n}', f, n)} }}"


JA: list[tuple[str, str, str | None]] = [
    ("intersection", "インテルとTSMCの両方で製造しているチップベンダーはどこですか？",
     f"?x a aic:ChipVendor . {relies('?x', 'aid:intel', 1)} {relies('?x', 'aid:tsmc', 2)}"),
    ("intersection", "HBM2eを積んでいて、なおかつTSMCの7nmで作られているチップを一覧にして",
     '?x a aic:Chip ; aic:memoryType "HBM2e" ; aic:manufacturedOn ?p . ?p aic:offeredBy aid:tsmc ; aic:nodeNanometers 7'),
    ("type", "インテルの推論用チップを教えてください。", "?x aic:designedBy aid:intel ; a aic:InferenceChip ."),
    ("type", "マイクロソフトが出している学習向けのチップってありますか？", "?x aic:designedBy aid:microsoft ; a aic:TrainingChip ."),
    ("region", "中国企業が設計した学習用チップは？", f"?x a aic:TrainingChip ; aic:designedBy ?v . {country('?v', 'CN')}"),
    ("negation", "テンストレントのチップのうち、GDDR6を使っていないものは？",
     '?x aic:designedBy aid:tenstorrent ; a aic:Chip . FILTER NOT EXISTS { ?x aic:memoryType "GDDR6" }'),
    ("negation", "エヌビディア以外で、HBM3eを搭載したチップを出しているベンダーはどこ？",
     '?c aic:designedBy ?x ; aic:memoryType "HBM3e" . FILTER(?x != aid:nvidia)'),
    ("negation", "ファーウェイのチップで、TSMCで作られていないのはどれ？",
     f"?x aic:designedBy aid:huawei ; a aic:Chip . FILTER NOT EXISTS {{ {made_by('?x', 'aid:tsmc')} }}"),
    ("multi-hop", "テンセントが出資している企業のチップは、どこのファウンドリで作られていますか？",
     "{ aid:tencent aic:investedIn ?co } UNION { ?r aic:fundedCompany ?co . { ?r aic:investor aid:tencent } UNION "
     f"{{ ?r aic:leadInvestor aid:tencent }} }} ?c aic:designedBy ?co . {made_by('?c', '?x')} ?x a aic:Foundry ."),
    ("multi-hop", "Blackwellアーキテクチャのチップを製造しているファウンドリは？",
     f"?c aic:usesArchitecture aid:nvidia-blackwell . {made_by('?c', '?x')} ?x a aic:Foundry ."),
    ("count", "ムーア・スレッドは資金調達ラウンドを何回行っていますか？",
     "SELECT (COUNT(DISTINCT ?r) AS ?v) WHERE { ?r aic:fundedCompany aid:moore-threads }"),
    ("count", "TSMCの5nmで製造されているチップは何種類？",
     "SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE { ?x a aic:Chip ; aic:manufacturedOn ?p . ?p aic:offeredBy aid:tsmc ; "
     "aic:nodeNanometers ?n FILTER(?n = 5) }"),
    ("sum", "燧原科技が人民元建てで調達した金額は合計でいくら？",
     'SELECT (SUM(?a) AS ?v) WHERE { SELECT DISTINCT ?r ?a WHERE { ?r aic:fundedCompany aid:enflame ; aic:amount ?a ; '
     'aic:currency "CNY" } }'),
    ("sum", "2020年にビレンが集めた資金の総額は？",
     'SELECT (SUM(?a) AS ?v) WHERE { SELECT DISTINCT ?r ?a WHERE { ?r aic:fundedCompany aid:biren-technology ; '
     'aic:amount ?a ; aic:date ?d FILTER(STRSTARTS(STR(?d), "2020")) } }'),
    ("superlative", "グーグルのチップの中で、いちばん微細なプロセスで作られているのは？",
     "?x aic:designedBy aid:google ; aic:manufacturedOn ?p . ?p aic:nodeNanometers ?n . "
     "FILTER NOT EXISTS { ?y aic:designedBy aid:google ; aic:manufacturedOn ?q . ?q aic:nodeNanometers ?m FILTER(?m < ?n) }"),
    ("superlative", "エンフレームの1回あたりの調達額で最大のものはいくら？",
     "SELECT (MAX(?a) AS ?v) WHERE { ?r aic:fundedCompany aid:enflame ; aic:amount ?a }"),
    ("time", "2019年に発表されたチップは？", f"?x a aic:Chip ; aic:announcedIn ?y FILTER({year('?y')} = 2019)"),
    ("time", "2020年から2021年にかけて発表された学習用チップを挙げてください",
     f"?x a aic:TrainingChip ; aic:announcedIn ?y FILTER({year('?y')} >= 2020 && {year('?y')} <= 2021)"),
    ("numeric", "5nmより微細なプロセスを提供しているファウンドリはどこ？",
     "?p aic:offeredBy ?x ; aic:nodeNanometers ?n FILTER(?n < 5) ?x a aic:Foundry ."),
    ("numeric", "12nm以上のプロセスでチップを作っているベンダーは？",
     "?c aic:designedBy ?x ; aic:manufacturedOn ?p . ?p aic:nodeNanometers ?n FILTER(?n >= 12)"),
    ("attribute", "沐曦が上場した取引所はどこですか？",
     "STR:SELECT ?v WHERE { ?r aic:fundedCompany aid:metax ; aic:exchange ?v }"),
    ("attribute", "Hanguang 800のメモリは何？",
     "STR:SELECT ?v WHERE { aid:alibaba-hanguang-800 aic:memoryType ?v }"),
    ("intersection", "TSMCとサムスンのどちらにも製造を委託しているベンダーを知りたいです",
     f"?x a aic:ChipVendor . {relies('?x', 'aid:tsmc', 1)} {relies('?x', 'aid:samsung', 2)}"),
    ("numeric", "7nmより古いプロセスで作られた推論用チップは？",
     "?x a aic:InferenceChip ; aic:manufacturedOn ?p . ?p aic:nodeNanometers ?n FILTER(?n > 7)"),
    ("sum", "エンフレームは2020年以降にいくら調達しましたか？",
     'SELECT (SUM(?a) AS ?v) WHERE { SELECT DISTINCT ?r ?a WHERE { ?r aic:fundedCompany aid:enflame ; aic:amount ?a ; '
     f'aic:date ?d FILTER({year("?d")} >= 2020) }} }}'),
    ("decline", "グーグルのチップの数と、AWSのチップの数は？", None),  # two figures, one per company
    ("type", "インテルのチップとメタのチップを挙げて", "VALUES ?v { aid:intel aid:meta } ?x aic:designedBy ?v ; a aic:Chip ."),
    ("decline", "ビレンの従業員数は何人ですか？", None),
    ("decline", "H200の消費電力は何ワット？", None),
    ("decline", "Gaudi 3はどこが作っていますか？それと、いつ発表されましたか？", None),
]

ZH: list[tuple[str, str, str | None]] = [
    ("intersection", "哪些芯片厂商同时依赖台积电和三星？",
     f"?x a aic:ChipVendor . {relies('?x', 'aid:tsmc', 1)} {relies('?x', 'aid:samsung', 2)}"),
    ("intersection", "既投资了燧原科技又投资了昆仑芯的机构有哪些？", inv("aid:enflame", 1) + " " + inv("aid:kunlunxin", 2)),
    ("type", "微软有哪些推理芯片？", "?x aic:designedBy aid:microsoft ; a aic:InferenceChip ."),
    ("region", "美国公司设计的推理芯片有哪些？", f"?x a aic:InferenceChip ; aic:designedBy ?v . {country('?v', 'US')}"),
    ("negation", "华为的芯片中，哪些不是台积电制造的？",
     f"?x aic:designedBy aid:huawei ; a aic:Chip . FILTER NOT EXISTS {{ {made_by('?x', 'aid:tsmc')} }}"),
    ("negation", "并非英伟达设计的、用HBM3e的芯片有哪些？",
     '?x a aic:Chip ; aic:memoryType "HBM3e" . FILTER NOT EXISTS { ?x aic:designedBy aid:nvidia }'),
    ("negation", "除了谷歌以外，还有哪些公司的芯片采用NPU架构？",
     "?c aic:usesArchitecture aid:arch-npu ; aic:designedBy ?x . FILTER(?x != aid:google)"),
    ("multi-hop", "腾讯投资的公司，芯片是哪家代工厂做的？",
     "{ aid:tencent aic:investedIn ?co } UNION { ?r aic:fundedCompany ?co . { ?r aic:investor aid:tencent } UNION "
     f"{{ ?r aic:leadInvestor aid:tencent }} }} ?c aic:designedBy ?co . {made_by('?c', '?x')} ?x a aic:Foundry ."),
    ("multi-hop", "采用达芬奇架构的芯片是在哪些工艺上制造的？",
     "?c aic:usesArchitecture aid:huawei-da-vinci ; aic:manufacturedOn ?x ."),
    ("count", "摩尔线程一共发布了几款芯片？", "SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE { ?x aic:designedBy aid:moore-threads ; a aic:Chip }"),
    ("count", "壁仞科技有多少家投资方？", "SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE { " + inv("aid:biren-technology") + " }"),
    ("sum", "摩尔线程以美元计的融资总额是多少？",
     'SELECT (SUM(?a) AS ?v) WHERE { SELECT DISTINCT ?r ?a WHERE { ?r aic:fundedCompany aid:moore-threads ; '
     'aic:amount ?a ; aic:currency "USD" } }'),
    ("sum", "2025年以后的IPO一共募集了多少人民币？",
     'SELECT (SUM(?a) AS ?v) WHERE { SELECT DISTINCT ?r ?a WHERE { ?r aic:roundName "IPO" ; aic:amount ?a ; '
     f'aic:currency "CNY" ; aic:date ?d FILTER({year("?d")} >= 2025) }} }}'),
    ("superlative", "2023年发布的芯片里，哪款用的工艺最先进？",
     f"?x aic:announcedIn ?y ; aic:manufacturedOn ?p . ?p aic:nodeNanometers ?n . FILTER({year('?y')} = 2023) "
     f"FILTER NOT EXISTS {{ ?z aic:announcedIn ?y2 ; aic:manufacturedOn ?q . ?q aic:nodeNanometers ?m "
     f"FILTER({year('?y2')} = 2023 && ?m < ?n) }}"),
    ("superlative", "摩尔线程单笔融资金额最高是多少人民币？",
     'SELECT (MAX(?a) AS ?v) WHERE { ?r aic:fundedCompany aid:moore-threads ; aic:amount ?a ; aic:currency "CNY" }'),
    ("time", "2024年以来发布的芯片有哪些？", f"?x a aic:Chip ; aic:announcedIn ?y FILTER({year('?y')} >= 2024)"),
    ("time", "英伟达在2022年之前发布了哪些芯片？",
     f"?x aic:designedBy aid:nvidia ; a aic:Chip ; aic:announcedIn ?y FILTER({year('?y')} < 2022)"),
    ("numeric", "制程小于7纳米的芯片中，哪些是AMD的？",
     "?x aic:designedBy aid:amd ; aic:manufacturedOn ?p . ?p aic:nodeNanometers ?n FILTER(?n < 7)"),
    ("numeric", "哪些代工厂提供14纳米或以上的工艺？", "?p aic:offeredBy ?x ; aic:nodeNanometers ?n FILTER(?n >= 14) ?x a aic:Foundry ."),
    ("attribute", "燧原科技的C轮融资用的是什么货币？",
     'STR:SELECT ?v WHERE { ?r aic:fundedCompany aid:enflame ; aic:roundName "Series C" ; aic:currency ?v }'),
    ("attribute", "天数智芯是在哪个交易所上市的？",
     "STR:SELECT ?v WHERE { ?r aic:fundedCompany aid:iluvatar-corex ; aic:exchange ?v }"),
    ("attribute", "昆仑芯2代用的是什么显存？", "STR:SELECT ?v WHERE { aid:kunlunxin-kunlun-2 aic:memoryType ?v }"),
    ("numeric", "比7纳米更先进的工艺都由哪些代工厂提供？",
     "?p aic:offeredBy ?x ; aic:nodeNanometers ?n FILTER(?n < 7) ?x a aic:Foundry ."),
    ("sum", "燧原科技2020年以后融了多少钱？",
     'SELECT (SUM(?a) AS ?v) WHERE { SELECT DISTINCT ?r ?a WHERE { ?r aic:fundedCompany aid:enflame ; aic:amount ?a ; '
     f'aic:date ?d FILTER({year("?d")} >= 2020) }} }}'),
    ("decline", "谷歌的芯片数量和微软的芯片数量分别是多少？", None),
    ("type", "谷歌的芯片和微软的芯片有哪些？", "VALUES ?v { aid:google aid:microsoft } ?x aic:designedBy ?v ; a aic:Chip ."),
    ("decline", "寒武纪的市值是多少？", None),
    ("decline", "昆仑芯的总部在北京哪个区？", None),
    ("decline", "MI300X是谁设计的？它用的是什么显存？", None),
]


CASES = [("ja",) + c for c in JA] + [("zh",) + c for c in ZH]


@pytest.mark.parametrize("lang,category,q,body", CASES, ids=[f"{c[0]}-{c[1]}-{i}" for i, c in enumerate(CASES)])
def test_probe_cjk(env, lang: str, category: str, q: str, body: str | None):  # noqa: F811
    judge_case(env, f"{lang} {category}", q, body)
