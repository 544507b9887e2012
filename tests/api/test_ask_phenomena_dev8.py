"""Composed questions grouped by the phenomenon a fix addressed (issue 13, composed-dev8 misses), each checked on
questions about other entities and in other wordings than the development question that showed it. Gold is
computed by SPARQL over the contract's reference graph (tests/fixtures/questions/gold_sparql.py), never typed in;
a case whose body is None must be declined."""
from __future__ import annotations

import pytest

from tests.api.test_ask_phenomena import INV, check, env, inv  # noqa: F401  (env: the shared module fixture)

pytestmark = pytest.mark.shared  # over ../shared/eval/reference-graph.trig: the contract layer, deselected on a clone alone

def never_led(c: str) -> str:
    return inv(c) + f" FILTER NOT EXISTS {{ ?lr aic:fundedCompany {c} ; aic:leadInvestor ?x }}"


CASES: list[tuple[str, str, str | None]] = [
    # of two verbs between a pair of nodes, the one whose object is a name on the first node is that name's verb:
    # "invested in X without ever leading one of its rounds" links the investor to X's rounds by leading
    ("verb-of-pair", "Who backed Enflame but never led any of its rounds?", never_led("aid:enflame")),
    ("verb-of-pair", "Which investors put money into Moore Threads without leading any of its rounds?",
     never_led("aid:moore-threads")),
    # "which one(s) is/are (also) a <class>" after a set, with or without a relative clause before the comma
    ("copula-after-set", "Of the companies that invested in Tenstorrent, which ones are also foundries?",
     "?x a aic:Foundry . " + inv("aid:tenstorrent")),
    ("copula-after-set", "Among Tenstorrent's backers, which one is a foundry?",
     "?x a aic:Foundry . " + inv("aid:tenstorrent")),
    # two questions in a row: the first a step, the second asks ("…是哪家公司的？这家公司依赖哪些代工厂"); the
    # company the step finds is the one the second sentence's verb links (not a sibling of the chips)
    ("sentence-pair", "用GPGPU架构的芯片是哪家公司的？这家公司依赖哪些代工厂",
     "?x a aic:Foundry . ?h aic:usesArchitecture aid:arch-gpgpu ; aic:designedBy ?v . ?v aic:reliesOn ?x ."),
    ("sentence-pair", "MUSAアーキテクチャのチップはどの会社のもの？その会社に出資している投資家は？",
     "?h aic:usesArchitecture aid:moore-threads-musa ; aic:designedBy ?v . " + inv("?v")),
    # computing clusters are a kind of thing of their own: designed by a company, built from chips
    ("cluster", "Which clusters are built from chips designed by Moore Threads?",
     "?x a aic:ComputingCluster ; aic:builtFrom ?c . ?c aic:designedBy aid:moore-threads ."),
    ("cluster", "摩尔线程有哪些算力集群？", "?x a aic:ComputingCluster ; aic:designedBy aid:moore-threads ."),
    ("cluster", "KUAEはどのチップで構成されていますか", "aid:moore-threads-kuae aic:builtFrom ?x ."),
    ("cluster", "Which chips is the KUAE cluster built from?", "aid:moore-threads-kuae aic:builtFrom ?x ."),
    # a country said relative to the asker ("国产", "国内", "domestic", "国産") names no country: declined
    ("deictic-country", "国内有哪些芯片厂商依赖中芯国际？", None),
    ("deictic-country", "国産のAIチップを作っている会社は？", None),
    ("deictic-country", "Which domestic chip vendors rely on SMIC?", None),
    # a lead investor asked about rounds is a round's lead investor, not any of its investors
    ("lead-of-rounds", "Who were the lead investors in rounds of over 1 billion yuan?",
     "?r aic:amount ?a ; aic:currency \"CNY\" ; aic:leadInvestor ?x . FILTER(?a > 1000000000)"),
    ("lead-of-rounds", "超过10亿元人民币的融资轮次的领投方有哪些？",
     "?r aic:amount ?a ; aic:currency \"CNY\" ; aic:leadInvestor ?x . FILTER(?a > 1000000000)"),
    # a foundry whose verb follows it ("TSMCに依存している") qualifies the node that verb links, even when an implicit
    # process of the same foundry follows ("…が、TSMC 7nmは使っていない")
    ("verb-fit", "TSMCに依存しているが、TSMC 7nmは使っていないベンダーは？",
     "?x a aic:ChipVendor ; aic:reliesOn aid:tsmc . FILTER NOT EXISTS { ?p aic:offeredBy aid:tsmc ; aic:nodeNanometers 7 . "
     "{ ?x aic:reliesOn ?p } UNION { ?c aic:designedBy ?x ; aic:manufacturedOn ?p } }"),
    # a question opening with "whose" asks for the owner
    ("whose", "Whose chips are made on TSMC 4nm?",
     "?c aic:designedBy ?x ; aic:manufacturedOn ?p . ?p aic:offeredBy aid:tsmc ; aic:nodeNanometers 4 ."),
    # 共通して/共同で = both; いちばん先進的 = the smallest node
    ("ja-words", "IDG CapitalとQiming Venture Partnersが共通して出資している会社は？",
     inv("?x").replace("?x aic:investedIn ?x", "aid:idg-capital aic:investedIn ?x").replace("?r_0 aic:investor ?x", "?r_0 aic:investor aid:idg-capital").replace("?r_0 aic:leadInvestor ?x", "?r_0 aic:leadInvestor aid:idg-capital")
     + " " + INV.format(c="?x", n=1).replace("?x aic:investedIn ?x", "aid:qiming-venture-partners aic:investedIn ?x").replace("?r_1 aic:investor ?x", "?r_1 aic:investor aid:qiming-venture-partners").replace("?r_1 aic:leadInvestor ?x", "?r_1 aic:leadInvestor aid:qiming-venture-partners")),
    ("ja-words", "NVIDIAのチップが使っている中で、いちばん先進的なプロセスはどれ？",
     "?c aic:designedBy aid:nvidia ; aic:manufacturedOn ?x . ?x aic:nodeNanometers ?n . FILTER NOT EXISTS { "
     "?c2 aic:designedBy aid:nvidia ; aic:manufacturedOn ?p2 . ?p2 aic:nodeNanometers ?n2 . FILTER(?n2 < ?n) }"),
    # zh: a node-size class (3nm级别), 拿 (took a round), "5纳米上" (made on)
    ("zh-words", "三星4纳米级别的工艺有哪几个", "?x aic:offeredBy aid:samsung ; aic:nodeNanometers 4 ."),
    ("zh-words", "超过10亿人民币的融资是哪些公司拿的？",
     "?r aic:amount ?a ; aic:currency \"CNY\" ; aic:fundedCompany ?x . FILTER(?a > 1000000000)"),
    ("zh-words", "三星4纳米上一共有几款芯片",
     "SELECT (COUNT(DISTINCT ?c) AS ?v) WHERE { ?c a aic:Chip ; aic:manufacturedOn ?p . ?p aic:offeredBy aid:samsung ; aic:nodeNanometers 4 . }"),
    # two coordinated descriptions of a round, each a company with its own round name, are one round or the other
    ("round-pairs", "What did Biren's Series B and Enflame's Series C raise in total?",
     "SELECT (SUM(?a) AS ?v) WHERE { SELECT DISTINCT ?r ?a WHERE { { ?r aic:fundedCompany aid:biren-technology ; "
     "aic:roundName \"Series B\" } UNION { ?r aic:fundedCompany aid:enflame ; aic:roundName \"Series C\" } ?r aic:amount ?a } }"),
    ("round-pairs", "壁仞科技的B轮和燧原科技的C轮一共融了多少钱？",
     "SELECT (SUM(?a) AS ?v) WHERE { SELECT DISTINCT ?r ?a WHERE { { ?r aic:fundedCompany aid:biren-technology ; "
     "aic:roundName \"Series B\" } UNION { ?r aic:fundedCompany aid:enflame ; aic:roundName \"Series C\" } ?r aic:amount ?a } }"),
    # zh/ja: two modifiers of one head in a row, the first linked to the head (造 = made)
    ("modifiers-in-a-row", "采用达芬奇架构、又是台积电7纳米制造的芯片有哪些？",
     "?x aic:usesArchitecture aid:huawei-da-vinci ; aic:manufacturedOn ?p . ?p aic:offeredBy aid:tsmc ; aic:nodeNanometers 7 ."),
    ("modifiers-in-a-row", "NPUアーキテクチャで、TSMCの7nmで製造されたチップは？",
     "?x aic:usesArchitecture aid:arch-npu ; aic:manufacturedOn ?p . ?p aic:offeredBy aid:tsmc ; aic:nodeNanometers 7 ."),
    ("modifiers-in-a-row", "用了HBM3、又是台积电4nm造的芯片有哪几款？",
     "?x aic:memoryType \"HBM3\" ; aic:manufacturedOn ?p . ?p aic:offeredBy aid:tsmc ; aic:nodeNanometers 4 ."),
    # "apart from its IPO", "IPO以外", "除了IPO以外": the rounds that are not a listing
    ("except-ipo", "壁仞科技IPO以外的融资轮次有哪些？",
     "?x aic:fundedCompany aid:biren-technology . FILTER NOT EXISTS { ?x aic:roundName \"IPO\" } "
     "FILTER NOT EXISTS { ?x aic:exchange ?e }"),
    ("except-ipo", "除了IPO以外，摩尔线程一共融资了多少人民币？",
     "SELECT (SUM(?a) AS ?v) WHERE { SELECT DISTINCT ?r ?a WHERE { ?r aic:fundedCompany aid:moore-threads ; aic:amount ?a ; "
     "aic:currency \"CNY\" . FILTER NOT EXISTS { ?r aic:roundName \"IPO\" } FILTER NOT EXISTS { ?r aic:exchange ?e } } }"),
    # the first or last round by date ("had the earliest IPO", "IPOが最も遅かった"): the company of that round
    ("dated-superlative", "Which company listed in Hong Kong had the latest IPO?",
     "?r aic:fundedCompany ?x ; aic:exchange \"Hong Kong Stock Exchange\" ; aic:date ?d . FILTER NOT EXISTS { "
     "?r2 aic:exchange \"Hong Kong Stock Exchange\" ; aic:date ?d2 . FILTER(?d2 > ?d) }"),
    # "TSMCの7nm以外のプロセス": a process other than that pair as a whole (not a TSMC process of another size)
    ("except-process", "NVIDIAのチップで、TSMCの4nm以外のプロセスで作られているものは？",
     "?x aic:designedBy aid:nvidia ; aic:manufacturedOn ?p . FILTER NOT EXISTS { ?x aic:manufacturedOn ?q . "
     "?q aic:offeredBy aid:tsmc ; aic:nodeNanometers 4 }"),
    ("except-process", "AMDのチップで、TSMCの5nm以外のプロセスで製造されたものは？",
     "?x aic:designedBy aid:amd ; aic:manufacturedOn ?p . FILTER NOT EXISTS { ?x aic:manufacturedOn ?q . "
     "?q aic:offeredBy aid:tsmc ; aic:nodeNanometers 5 }"),
    # a closing 没有 after a node ("一轮融资都没有"): none such linked
    ("zh-none", "哪些芯片厂商一轮融资都没有？", "?x a aic:ChipVendor . FILTER NOT EXISTS { ?r aic:fundedCompany ?x }"),
    ("zh-none", "哪些厂商连一条融资记录都没有", "?x a aic:ChipVendor . FILTER NOT EXISTS { ?r aic:fundedCompany ?x }"),
    # a month with its year, on dated rounds ("2025年12月上市", "2025年12月に上場")
    ("month", "2025年12月に上場した企業は？",
     "?r aic:fundedCompany ?x ; aic:roundName \"IPO\" ; aic:date ?d . FILTER(year(?d) = 2025 && month(?d) = 12)"),
    ("month", "2021年3月融资的公司有哪些？",
     "?r aic:fundedCompany ?x ; aic:date ?d . FILTER(year(?d) = 2021 && month(?d) = 3)"),
    ("dated-superlative", "香港に上場した企業で、IPOが最も早かったのは？",
     "?r aic:fundedCompany ?x ; aic:exchange \"Hong Kong Stock Exchange\" ; aic:date ?d . FILTER NOT EXISTS { "
     "?r2 aic:exchange \"Hong Kong Stock Exchange\" ; aic:date ?d2 . FILTER(?d2 < ?d) }"),
]


@pytest.mark.parametrize("q", ["Which memory type is used by the most chips?", "使用最多芯片的内存类型是哪种？",
                               "一番多くのチップに使われているメモリの種類は？"])
def test_memory_used_by_the_most_chips(env, q: str):
    """The value shared by the most of the answer's things: a memory type counted over the chips that use it."""
    from api.ask import answer
    store, gold, _ = env
    rows = gold.run("SELECT ?m (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c aic:memoryType ?m } GROUP BY ?m ORDER BY DESC(?n)")
    top = [r["m"].value for r in rows if int(r["n"].value) == int(rows[0]["n"].value)]
    got = answer(q, store)
    assert got["understood"] and got["value"] == ", ".join(top), got


@pytest.mark.parametrize("phenomenon,q,body", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_paraphrase(env, phenomenon: str, q: str, body: str | None):
    check(env, phenomenon, q, body)


@pytest.mark.parametrize("q,chip", [("On which exchange did the company behind the MTT S4000 list?", "moore-threads-mtt-s4000"),
                                    ("On which exchange did the company behind the BR100 go public?", "biren-br100")])
def test_verb_after_name_whose_subject_is_the_node(env, q: str, chip: str):
    """A verb after a name whose subject is the node ("the company behind X go public") leaves the word before the
    name ("behind") to link it: the answer is the exchange of the chip's designer's IPO, as the graph states it."""
    from api.ask import answer
    store, gold, _ = env
    rows = gold.run(f"SELECT DISTINCT ?v WHERE {{ aid:{chip} aic:designedBy ?co . ?r aic:fundedCompany ?co ; aic:exchange ?v }}")
    want = {r["v"].value for r in rows}
    assert len(want) == 1
    got = answer(q, store)
    assert got["understood"] and got["value"] in want, got


@pytest.mark.parametrize("q,firm,market,fn", [
    ("In which year is the global AI chip market smallest according to Gartner?", "gartner", "Global", "MIN"),
    ("ガートナーの推計で、世界のAIチップ市場が一番小さいのは何年ですか", "gartner", "Global", "MIN"),
    ("根据Frost & Sullivan的预测，中国AI芯片市场哪一年最大？", "frost-sullivan", "China", "MAX")])
def test_market_year_of_the_largest_figure(env, q: str, firm: str, market: str, fn: str):
    """"市場が最も大きいのは何年": the year of the largest (smallest) of the firm's figures for that market."""
    from api.ask import answer
    store, gold, _ = env
    rows = gold.run(f"SELECT ?y WHERE {{ ?m aic:estimatedBy aid:{firm} ; aic:market ?mk ; aic:year ?y ; aic:value ?v . "
                    f"FILTER(STRSTARTS(STR(?mk), \"{market}\")) {{ SELECT ({fn}(?v2) AS ?best) WHERE {{ ?m2 aic:estimatedBy "
                    f"aid:{firm} ; aic:market ?mk2 ; aic:value ?v2 . FILTER(STRSTARTS(STR(?mk2), \"{market}\")) }} }} "
                    f"FILTER(?v = ?best) }}")
    want = {int(r["y"].value) for r in rows}
    got = answer(q, store)
    assert got["understood"] and got["value"] in want, got
