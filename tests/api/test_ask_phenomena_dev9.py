"""Composed questions grouped by the phenomenon a fix addressed (issue 13, composed-dev9 misses), each checked on
paraphrases about other entities and in other wordings than the development question that showed it. Gold is
computed by SPARQL over the contract's reference graph (tests/fixtures/questions/gold_sparql.py), never typed in;
a case whose body is None must be declined."""
from __future__ import annotations

import pytest

from tests.api.test_ask_phenomena import check, env  # noqa: F401  (env: the shared module fixture)
from tests.api.test_ask_phenomena_dev7 import inv

pytestmark = pytest.mark.shared  # over ../shared/eval/reference-graph.trig: the contract layer, deselected on a clone alone


def upto(vendor: str, year: int) -> str:
    """How many chips `vendor` had announced up to and including `year`."""
    return (f"SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE {{ ?x a aic:Chip ; aic:designedBy {vendor} ; aic:announcedIn ?y . "
            f"FILTER(xsd:integer(STR(?y)) <= {year}) }}")


def rely(f: str, n: int) -> str:
    """?x depends on foundry f: relies on it, or designs a chip it makes (or made on one of its processes)."""
    return (f"{{ ?x aic:reliesOn {f} }} UNION {{ ?c{n} aic:designedBy ?x ; aic:fabricatedBy {f} }} UNION "
            f"{{ ?c{n} aic:designedBy ?x ; aic:manufacturedOn/aic:offeredBy {f} }}")


def rely_both(f: str, g: str) -> str:
    return f"?x a aic:ChipVendor . {rely(f, 1)} {rely(g, 2)}"


FAB = "?x a aic:Chip . {{ ?x aic:fabricatedBy {f} }} UNION {{ ?x aic:manufacturedOn/aic:offeredBy {f} }}"


SAME_EXCHANGE = ("?o aic:fundedCompany {c} ; aic:exchange ?e . ?r aic:fundedCompany ?x ; aic:exchange ?e . "
                 "FILTER(?x != {c})")


CASES: list[tuple[str, str, str | None]] = [
    # a memory type written with its class word (GDDR6内存, HBM3e显存) is one atom
    ("zh-memory-word", "哪些芯片采用HBM3内存？", "?x a aic:Chip ; aic:memoryType \"HBM3\" ."),
    ("zh-memory-word", "英伟达的芯片中，哪些没有采用HBM3e显存？",
     "?x a aic:Chip ; aic:designedBy aid:nvidia . FILTER NOT EXISTS { ?x aic:memoryType \"HBM3e\" }"),
    # 分别 over a listing asks nothing more; over a count or an amount it asks one figure per item: declined
    ("zh-each", "英伟达的训练芯片分别有哪些？", "?x a aic:TrainingChip ; aic:designedBy aid:nvidia ."),
    ("zh-each", "采用三星工艺的芯片分别是哪些公司设计的？",
     "?c aic:designedBy ?x . { ?c aic:fabricatedBy aid:samsung } UNION { ?c aic:manufacturedOn/aic:offeredBy aid:samsung }"),
    ("zh-each", "英伟达和AMD分别有多少款芯片？", None),
    ("zh-each", "寒武纪和沐曦分别融资了多少人民币？", None),
    # 参投 invests; 领投或参投 is any investor of a round, not only its lead (the lead-only form must not answer)
    ("zh-join", "参投了沐曦的机构有哪些？", inv("aid:metax")),
    ("zh-join", "有哪些机构领投或参投了壁仞科技？", inv("aid:biren-technology")),
    ("zh-join", "2021年以后，一共有几家机构参投或领投了摩尔线程？",
     "SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE { ?r aic:fundedCompany aid:moore-threads ; aic:date ?d . "
     "{ ?r aic:investor ?x } UNION { ?r aic:leadInvestor ?x } FILTER(xsd:integer(SUBSTR(STR(?d), 1, 4)) >= 2021) }"),
    # a cut-off date ("as of 2022", "截至2022年底", "2021年時点で") counts everything up to and including that year
    ("cutoff", "As of 2022, how many chips had AMD announced?", upto("aid:amd", 2022)),
    ("cutoff", "How many chips had NVIDIA announced by the end of 2022?", upto("aid:nvidia", 2022)),
    ("cutoff", "截至2022年底，英伟达一共发布了几款芯片？", upto("aid:nvidia", 2022)),
    ("cutoff", "2021年時点で、AMDが発表したチップはいくつありますか。", upto("aid:amd", 2021)),
    # "X中，有几款…": the count is over the set named before 中, not over the node named after it
    ("zh-count-of-set", "英伟达的芯片中，有几款采用台积电4纳米工艺？",
     "SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE { ?x a aic:Chip ; aic:designedBy aid:nvidia ; aic:manufacturedOn ?p . "
     "?p aic:offeredBy aid:tsmc ; aic:nodeNanometers 4 }"),
    ("zh-count-of-set", "2023年发布的芯片中，有几款采用HBM3e内存？",
     "SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE { ?x a aic:Chip ; aic:memoryType \"HBM3e\" ; aic:announcedIn ?y . "
     "FILTER(xsd:integer(STR(?y)) = 2023) }"),
    # 发布时间最早/最晚 (the release time), 金额排名第一 (first by amount)
    ("zh-superlative-words", "英伟达的芯片中，发布时间最晚的是哪款？",
     "?x aic:designedBy aid:nvidia ; aic:announcedIn ?y . FILTER NOT EXISTS { ?o aic:designedBy aid:nvidia ; "
     "aic:announcedIn ?y2 . FILTER(?y2 > ?y) }"),
    ("zh-superlative-words", "摩尔线程的芯片中发布时间最早的是哪一款？",
     "?x aic:designedBy aid:moore-threads ; aic:announcedIn ?y . FILTER NOT EXISTS { ?o aic:designedBy "
     "aid:moore-threads ; aic:announcedIn ?y2 . FILTER(?y2 < ?y) }"),
    ("zh-superlative-words", "以人民币计价的单笔融资中，金额排名第一的是哪家公司？",
     "?r aic:fundedCompany ?x ; aic:amount ?a ; aic:currency \"CNY\" . FILTER NOT EXISTS { ?r2 aic:amount ?a2 ; "
     "aic:currency \"CNY\" . FILTER(?a2 > ?a) }"),
    # "both" over two named foundries: one foundry node per name, each the named foundry however far from its type
    # word; depending on a foundry is relying on it or having chips made by it (on its processes)
    ("both-named-nodes", "三星とTSMCの両方のファウンドリを利用しているベンダーはどこですか。", rely_both("aid:samsung", "aid:tsmc")),
    ("both-named-nodes", "Which chip vendors depend on the foundries of both Samsung and TSMC?",
     rely_both("aid:samsung", "aid:tsmc")),
    # 設計元/開発元: the designer
    ("ja-designer-word", "GlobalFoundriesで製造されたチップの設計元に出資している投資家をすべて挙げてください。",
     "?c a aic:Chip ; aic:designedBy ?co . { ?c aic:fabricatedBy aid:globalfoundries } UNION { ?c "
     "aic:manufacturedOn/aic:offeredBy aid:globalfoundries } " + inv("?co")),
    # a listing qualifies the company, never the chip written next to it
    ("exchange-on-company", "在科创板上市、且有芯片采用台积电7纳米工艺的公司有哪些？",
     "?r aic:fundedCompany ?x ; aic:exchange \"Shanghai STAR Market\" . ?c aic:designedBy ?x ; aic:manufacturedOn ?p . "
     "?p aic:offeredBy aid:tsmc ; aic:nodeNanometers 7 ."),
    # a name then its role ("インテルがファウンドリとして", "Intel, as a foundry,", "英特尔作为代工厂"): the node is that name
    ("as-role", "サムスンがファウンドリとして製造を担っているチップはどれですか。", FAB.format(f="aid:samsung")),
    ("as-role", "Which chips does Intel, as a foundry, manufacture?", FAB.format(f="aid:intel")),
    ("as-role", "英特尔作为代工厂制造了哪些芯片？", FAB.format(f="aid:intel")),
    # dependence as a noun; the STAR Market said with 市場
    ("words", "Which chip vendors have no dependency on Samsung?",
     "?x a aic:ChipVendor . FILTER NOT EXISTS { " + rely("aid:samsung", 1) + " }"),
    ("words", "STAR市場に上場している企業はどこですか。",
     "?r aic:fundedCompany ?x ; aic:exchange \"Shanghai STAR Market\" ."),
    # ja: a name and its verb before a clause break are the answer's ("Xに出資したが、…投資家"); a negation after a verb
    # whose object is a round or chip node denies that node (no round of X led), not whose round it is
    ("ja-clause-negation", "燧原科技に出資したが、そのラウンドをリードしたことがない投資家はどこですか。",
     inv("aid:enflame") + " FILTER NOT EXISTS { ?l aic:fundedCompany aid:enflame ; aic:leadInvestor ?x }"),
    ("ja-clause-negation", "沐曦に出資したが、そのラウンドをリードしたことがない投資家はどこですか。",
     inv("aid:metax") + " FILTER NOT EXISTS { ?l aic:fundedCompany aid:metax ; aic:leadInvestor ?x }"),
    # a node linked to the answer only through a negated node constrains nothing the query says: declined (it
    # answered one unrelated investor before)
    ("ja-clause-negation", "燧原科技に出資した投資家のうち、燧原科技のラウンドをリードしたことがない投資家はどこですか。", None),
    # rounds listed: 融资 after a wh-word is the rounds, not the verb; neither a chip form nor one total answers it
    ("rounds-listed", "燧原科技进行了哪些融资？", "?x aic:fundedCompany aid:enflame ."),
    ("rounds-listed", "燧原科技有哪些融资？", "?x aic:fundedCompany aid:enflame ."),
    ("rounds-listed", "2021年以来，沐曦完成了哪几笔融资？",
     "?x aic:fundedCompany aid:metax ; aic:date ?d . FILTER(xsd:integer(SUBSTR(STR(?d), 1, 4)) >= 2021)"),
    ("rounds-listed", "壁仞科技はどの資金調達ラウンドを実施しましたか。", "?x aic:fundedCompany aid:biren-technology ."),
    ("rounds-listed", "Which funding rounds did Moore Threads complete?", "?x aic:fundedCompany aid:moore-threads ."),
    # "announced first", "released first": the earliest announced
    ("announced-first", "Among Huawei's chips, which one was announced first?",
     "?x aic:designedBy aid:huawei ; aic:announcedIn ?y . FILTER NOT EXISTS { ?o aic:designedBy aid:huawei ; "
     "aic:announcedIn ?y2 . FILTER(?y2 < ?y) }"),
    ("announced-first", "Which of Google's chips was released first?",
     "?x aic:designedBy aid:google ; aic:announcedIn ?y . FILTER NOT EXISTS { ?o aic:designedBy aid:google ; "
     "aic:announcedIn ?y2 . FILTER(?y2 < ?y) }"),
    # an exception whose object is the IPO round word: the rounds that are not listings
    ("except-ipos", "Leaving out IPOs, which company raised the largest single round denominated in USD?",
     "?r aic:fundedCompany ?x ; aic:amount ?a ; aic:currency \"USD\" . FILTER NOT EXISTS { ?r aic:roundName \"IPO\" } "
     "FILTER NOT EXISTS { ?r2 aic:amount ?a2 ; aic:currency \"USD\" . FILTER NOT EXISTS { ?r2 aic:roundName \"IPO\" } "
     "FILTER(?a2 > ?a) }"),
    ("except-ipos", "Which company raised the largest round in yuan, excluding IPOs?",
     "?r aic:fundedCompany ?x ; aic:amount ?a ; aic:currency \"CNY\" . FILTER NOT EXISTS { ?r aic:roundName \"IPO\" } "
     "FILTER NOT EXISTS { ?r2 aic:amount ?a2 ; aic:currency \"CNY\" . FILTER NOT EXISTS { ?r2 aic:roundName \"IPO\" } "
     "FILTER(?a2 > ?a) }"),
    # X's exchange / the same exchange as X: the companies whose rounds list where X's did (it listed every company
    # with a round before)
    ("same-exchange", "Which companies other than Biren are listed on Biren's exchange?", SAME_EXCHANGE.format(c="aid:biren-technology")),
    ("same-exchange", "Which other companies are listed on the same exchange as MetaX?", SAME_EXCHANGE.format(c="aid:metax")),
    ("same-exchange", "Moore Threadsと同じ取引所に上場している、Moore Threads以外の企業はどこですか。",
     SAME_EXCHANGE.format(c="aid:moore-threads")),
    ("same-exchange", "除了沐曦，还有哪些公司和沐曦在同一交易所上市？", SAME_EXCHANGE.format(c="aid:metax")),
    # 値 of a figure word ("予測値", "推計値") is the figure the market form reads
    ("figure-word", "Frost & Sullivanの予測値のうち、中国のAIチップ市場規模が最も大きいのは何年ですか。",
     "SELECT ?v WHERE { ?m aic:estimatedBy aid:frost-sullivan ; aic:value ?a ; aic:year ?v . FILTER NOT EXISTS { "
     "?m2 aic:estimatedBy aid:frost-sullivan ; aic:value ?b . FILTER(?b > ?a) } }"),
    # a time asked ("when", "哪一年", "什么时候") and things listed: the listing answers another question (declined)
    ("date-asked", "When did the designer of the BR100 go public?", None),
    ("date-asked", "壁仞科技的投资方是什么时候投资的？", None),
    ("date-asked", "Which year did Enflame's lead investors invest?", None),
]


@pytest.mark.parametrize("phenomenon,q,body", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_paraphrase(env, phenomenon: str, q: str, body: str | None):
    check(env, phenomenon, q, body)


def test_designer_of_a_chip_went_public(env):
    """"the designer of X go public": the type word links the chip; the listing verb is the designer's own."""
    from api.ask import answer
    store = env[0]
    got = answer("On which exchange did the designer of the MLU370 list?", store)
    assert got["understood"] and got["value"] == "Shanghai STAR Market", got.get("message")
