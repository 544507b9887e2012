"""Composed questions grouped by the phenomenon a fix addressed (issue 13, composed-dev10 misses), each checked on
questions about other entities and in other wordings than the development question that showed it. Gold is
computed by SPARQL over the contract's reference graph (tests/fixtures/questions/gold_sparql.py), never typed in;
a case whose body is None must be declined."""
from __future__ import annotations

import pytest

from tests.api.test_ask_phenomena import check, env  # noqa: F401  (env: the shared module fixture)

pytestmark = pytest.mark.shared  # over ../shared/eval/reference-graph.trig: the contract layer, deselected on a clone alone

RELIES = ("{{ ?x aic:reliesOn {f} }} UNION {{ ?c aic:designedBy ?x ; aic:fabricatedBy {f} }} UNION "
          "{{ ?c aic:designedBy ?x ; aic:manufacturedOn/aic:offeredBy {f} }}")


def relies_but_no_node(f: str, nm: int) -> str:
    """?x a vendor relying on foundry f with no process of f at nm nanometres (its own or its chips')."""
    return ("?x a aic:ChipVendor . " + RELIES.format(f=f) +
            f" FILTER NOT EXISTS {{ {{ ?x aic:reliesOn ?p }} UNION {{ ?cp aic:designedBy ?x ; aic:manufacturedOn ?p }}"
            f" ?p a aic:ProcessNode ; aic:offeredBy {f} ; aic:nodeNanometers {nm} . }}")


def chips_of_foundry_by_nm(f: str, order: str) -> str:
    """The chips made on a process of foundry f whose size is the smallest (MIN) or largest (MAX) of those chips'."""
    return (f"?x aic:manufacturedOn ?p . ?p aic:offeredBy {f} ; aic:nodeNanometers ?n . "
            f"{{ SELECT ({order}(?n2) AS ?m) WHERE {{ ?c2 aic:manufacturedOn ?p2 . ?p2 aic:offeredBy {f} ; "
            f"aic:nodeNanometers ?n2 . }} }} FILTER(?n = ?m)")


def year_node(year: int, f: str, nm: int) -> str:
    return (f"?x a aic:Chip ; aic:manufacturedOn ?p ; aic:announcedIn ?y . ?p aic:offeredBy {f} ; aic:nodeNanometers {nm} ."
            f" FILTER(SUBSTR(STR(?y), 1, 4) = \"{year}\")")


SAME_MICRO = ("?x a aic:Chip ; aic:usesArchitecture ?m . {c} aic:usesArchitecture ?m . ?m a aic:Microarchitecture ."
              " FILTER(?x != {c})")

CASES: list[tuple[str, str, str | None]] = [
    # a negation whose node follows with only that node's own atoms between ("none of its 7nm-class processes",
    # "no 5nm process"): no such node linked, not "a node of another size"
    ("negated-node-with-atom", "Which chip vendors depend on TSMC but use none of its 5nm processes?",
     relies_but_no_node("aid:tsmc", 5)),
    ("negated-node-with-atom", "Which vendors rely on TSMC and use no 4nm-class process of TSMC?",
     relies_but_no_node("aid:tsmc", 4)),
    # "a 7nm process of it": the pronoun after its node names the entity said before (as "its" before it)
    ("of-it", "Which chip vendors rely on TSMC but use no 7nm process of it?", relies_but_no_node("aid:tsmc", 7)),
    ("of-it", "Which vendors depend on Samsung yet use no 5nm process of it?", relies_but_no_node("aid:samsung", 5)),
    # ja: a closing もの ("プロセスのものはどれ", "…で作られるものは") is an item of the set named before で、/の中で
    # (and the passive dictionary form 作られる/製造される is the make verb)
    ("ja-closing-mono", "サムスンのファウンドリで製造されるチップの中で、最も微細なプロセスのものはどれ？",
     chips_of_foundry_by_nm("aid:samsung", "MIN")),
    ("ja-closing-mono", "2024年に発表されたチップで、TSMCの4nmプロセスで作られるものは？", year_node(2024, "aid:tsmc", 4)),
    ("ja-closing-mono", "2023年に発表されたチップで、TSMCの7nmプロセスで製造されたものを挙げてください",
     year_node(2023, "aid:tsmc", 7)),
    # an age word said of a process ("the oldest process", "いちばん古いプロセス") is its node size, also when a chip
    # is asked for
    ("old-process", "TSMCで作られるチップの中で、いちばん古いプロセスのものはどれ？", chips_of_foundry_by_nm("aid:tsmc", "MAX")),
    ("old-process", "Which TSMC-made chip uses the oldest process?", chips_of_foundry_by_nm("aid:tsmc", "MAX")),
    # zh: 一共 with a count word ("一共有几家") totals the count, never the money raised
    ("zh-total-count", "领投过摩尔线程融资的投资方一共有几家？",
     "SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE { ?r aic:fundedCompany aid:moore-threads ; aic:leadInvestor ?x . }"),
    ("zh-total-count", "领投过壁仞科技融资的机构一共有几家？",
     "SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE { ?r aic:fundedCompany aid:biren-technology ; aic:leadInvestor ?x . }"),
    # a class said with a copula after a dash or semicolon and "which of them" ("… in 2024 - which of them are listed
    # as …"), "listed/tagged/designated as" a class (not a listing), and a count word on the asked set itself
    # ("released multiple chips … which of them") only describes it
    ("copula-after-dash", "AMD released multiple chips in 2024 - which of them are classed as training chips?",
     "?x a aic:TrainingChip ; aic:designedBy aid:amd ; aic:announcedIn ?y . FILTER(SUBSTR(STR(?y), 1, 4) = \"2024\")"),
    ("copula-after-dash", "Google announced several chips in 2024; which of them are listed as inference chips?",
     "?x a aic:InferenceChip ; aic:designedBy aid:google ; aic:announcedIn ?y . FILTER(SUBSTR(STR(?y), 1, 4) = \"2024\")"),
    # zh 被标为/被列为 a class with no node before it to add the class to says what the node is (as 是 does); with
    # a negation before it, declined when nothing reads it
    ("zh-labelled-as", "采用CDNA 3架构、同时被标为训练芯片的有哪些？", "?x a aic:TrainingChip ; aic:usesArchitecture aid:amd-cdna-3 ."),
    ("zh-labelled-as", "采用达芬奇架构、被列为训练芯片的有哪些？", "?x a aic:TrainingChip ; aic:usesArchitecture aid:huawei-da-vinci ."),
    ("zh-labelled-as", "没有被标为推理芯片的英伟达芯片有哪些？", None),
    # en: a month named with its year ("in March 2025") is read, not taken for an unknown name
    ("en-month", "Which companies raised money in March 2025?",
     "?r aic:fundedCompany ?x ; aic:date ?d . FILTER(SUBSTR(STR(?d), 1, 7) = \"2025-03\")"),
    # ja: a round name with は/も before its verb ("IPOには参加していない", "シリーズBには参加していない")
    ("ja-round-wa", "Biren Technologyの投資家のうち、シリーズBには参加していないのは誰？",
     "{ ?x aic:investedIn aid:biren-technology } UNION { ?r0 aic:fundedCompany aid:biren-technology . { ?r0 aic:investor ?x }"
     " UNION { ?r0 aic:leadInvestor ?x } } FILTER NOT EXISTS { ?rb aic:fundedCompany aid:biren-technology ; "
     "aic:roundName \"Series B\" . { ?rb aic:investor ?x } UNION { ?rb aic:leadInvestor ?x } }"),
    # ja 上場先 (where listed) is the exchange; en "where … list/go public" asks the exchange, any other "where" is
    # declined; "list its shares" is listing
    ("listing-place", "Where are the chips of NVIDIA made?", None),
    # "the same microarchitecture as X", 「Xと同じマイクロアーキテクチャ」, "和X采用相同微架构": X's, the other chips
    ("same-arch", "Which other chips use the same microarchitecture as the MI300X?", SAME_MICRO.format(c="aid:amd-mi300x")),
    ("same-arch", "MI325Xと同じマイクロアーキテクチャを使っている他のチップは？", SAME_MICRO.format(c="aid:amd-mi325x")),
    ("same-arch", "和H200采用相同微架构的其他芯片有哪些？", SAME_MICRO.format(c="aid:nvidia-h200")),
    # zh: a leading 哪些 asks for the head of the relative clause after it ("哪些依赖X的芯片厂商没有…"); 任何(一) under
    # a negation adds nothing
    ("zh-leading-wh", "哪些依赖三星的芯片厂商没有任何一款推理芯片？",
     "?x a aic:ChipVendor . " + RELIES.format(f="aid:samsung") +
     " FILTER NOT EXISTS { ?ic a aic:InferenceChip ; aic:designedBy ?x }"),
    # zh 不是<class>的<name>芯片: the negated copula denies the class word after it, not the name further on
    ("zh-not-class", "不是推理芯片的英伟达芯片有哪些？",
     "?x a aic:Chip ; aic:designedBy aid:nvidia . FILTER NOT EXISTS { ?x a aic:InferenceChip }"),
    ("zh-not-class", "不是训练芯片的AMD芯片有哪些？",
     "?x a aic:Chip ; aic:designedBy aid:amd . FILTER NOT EXISTS { ?x a aic:TrainingChip }"),
    # 英特尔资本 is Intel Capital (vocabulary alias), not Intel
    ("zh-alias", "英特尔资本领投了哪些公司的融资？", "?r aic:leadInvestor aid:intel-capital ; aic:fundedCompany ?x ."),
]


@pytest.mark.parametrize("phenomenon,q,body", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_paraphrase(env, phenomenon: str, q: str, body: str | None):
    check(env, phenomenon, q, body)


VALUES = [
    # zh 配 (equipped with) is the use verb
    ("摩尔线程的集群用的芯片配的是什么显存？",
     "?cl a aic:ComputingCluster ; aic:designedBy aid:moore-threads ; aic:builtFrom ?c . ?c aic:memoryType ?v ."),
    # ja 上場先 (where listed) is the exchange
    ("寒武紀の上場先はどこ？", "?r aic:fundedCompany aid:cambricon ; aic:exchange ?v ."),
    # en "where … list / go public" asks for the exchange; "list its shares" is listing
    ("Where did the designer of the MLU370 list its shares?",
     "aid:cambricon-mlu370 aic:designedBy ?d . ?r aic:fundedCompany ?d ; aic:exchange ?v ."),
    ("On which exchange did the maker of the MTT S4000 list its shares?",
     "aid:moore-threads-mtt-s4000 aic:designedBy ?d . ?r aic:fundedCompany ?d ; aic:exchange ?v ."),
]


@pytest.mark.parametrize("q,body", VALUES)
def test_value(env, q: str, body: str):
    """A one-value answer (a memory type, an exchange), as the graph states it."""
    from api.ask import answer
    store, gold, _ = env
    want = sorted({r["v"].value for r in gold.run(f"SELECT DISTINCT ?v WHERE {{ {body} }}")})
    assert len(want) == 1, want
    got = answer(q, store)
    assert got["understood"] and got["value"] == want[0], got
