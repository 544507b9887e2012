"""Composed questions grouped by the phenomenon a fix addressed (issue 13, composed-dev6 misses), each checked on
paraphrases about other entities and in other wordings than the development question that showed it. Gold is
computed by SPARQL over the contract's reference graph (tests/fixtures/questions/gold_sparql.py), never typed in."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GRAPH = ROOT.parent / "shared" / "eval" / "reference-graph.trig"
pytestmark = pytest.mark.shared  # over ../shared/eval/reference-graph.trig: the contract layer, deselected on a clone alone

# (phenomenon, question, gold SPARQL over ?x — a list — or "SELECT (… AS ?v)" — a value; None: must decline)
CASES: list[tuple[str, str, str | None]] = [
    # a classifier and a class-bearing type word are one node, and the class stays ("哪款训练芯片")
    ("class-merge", "哪一款推理芯片使用了HBM3？", "?x a aic:InferenceChip ; aic:memoryType \"HBM3\" ."),
    ("class-merge", "哪几款训练芯片是英特尔设计的？", "?x a aic:TrainingChip ; aic:designedBy aid:intel ."),
    ("class-merge", "哪些款推理芯片是谷歌设计的？", "?x a aic:InferenceChip ; aic:designedBy aid:google ."),
    # a name of the answer's own type that a verb governs is that verb's object, not the answer itself
    ("object-not-identity", "既依赖台积电又依赖英特尔的厂商是哪些？", "?x a aic:ChipVendor ; aic:reliesOn aid:tsmc , aid:intel ."),
    ("object-not-identity", "同时依赖台积电和三星代工的厂商有哪些？", "?x a aic:ChipVendor ; aic:reliesOn aid:tsmc , aid:samsung ."),
    ("object-not-identity", "台積電とインテルの両方に製造を頼っているベンダーは？",
     "?x a aic:ChipVendor ; aic:reliesOn aid:tsmc , aid:intel ."),
    ("object-not-identity", "Which vendors rely on both Samsung and TSMC?",
     "?x a aic:ChipVendor ; aic:reliesOn aid:tsmc , aid:samsung ."),
    # a year said of an investment dates the round the investor and the company share, not any round of either
    ("dated-investment", "Which investors backed Moore Threads in 2020?",
     "?r aic:fundedCompany aid:moore-threads ; aic:date ?d . FILTER(year(?d) = 2020) "
     "{ ?r aic:investor ?x } UNION { ?r aic:leadInvestor ?x }"),
    ("dated-investment", "2021年に燧原科技に出資した投資家は？",
     "?r aic:fundedCompany aid:enflame ; aic:date ?d . FILTER(year(?d) = 2021) "
     "{ ?r aic:investor ?x } UNION { ?r aic:leadInvestor ?x }"),
    ("dated-investment", "2020年领投壁仞科技的机构有哪些？",
     "?r aic:fundedCompany aid:biren-technology ; aic:date ?d ; aic:leadInvestor ?x . FILTER(year(?d) = 2020)"),
    ("dated-investment", "Which companies did IDG Capital invest in in 2020?",
     "?r aic:fundedCompany ?x ; aic:date ?d . FILTER(year(?d) = 2020) "
     "{ ?r aic:investor aid:idg-capital } UNION { ?r aic:leadInvestor aid:idg-capital }"),
    # a negation that reaches a constraint of a linked (non-answer) node negates that node: none such is linked
    ("negated-node", "Which vendors do not rely on any 5nm process?",
     "?x a aic:ChipVendor . FILTER NOT EXISTS { ?p aic:nodeNanometers 5 . "
     "{ ?x aic:reliesOn ?p } UNION { ?c aic:designedBy ?x ; aic:manufacturedOn ?p } }"),
    ("negated-node", "Which chips are not made on 7nm processes?",
     "?x a aic:Chip . FILTER NOT EXISTS { ?x aic:manufacturedOn ?p . ?p aic:nodeNanometers 7 }"),
    # a second node after "and (also)" of an earlier branch's kind is a second branch of that head, and two type
    # words of different classes are never merged into one node
    ("branch", "Which vendors design training chips and also inference chips?",
     "?x a aic:ChipVendor . ?a aic:designedBy ?x ; a aic:TrainingChip . ?b aic:designedBy ?x ; a aic:InferenceChip ."),
    ("branch", "Which investors backed companies that rely on Samsung and also companies that rely on TSMC?",
     "{ ?x aic:investedIn ?a } UNION { ?r aic:fundedCompany ?a . { ?r aic:investor ?x } UNION { ?r aic:leadInvestor ?x } } "
     "?a aic:reliesOn aid:samsung . { ?x aic:investedIn ?b } UNION { ?r2 aic:fundedCompany ?b . "
     "{ ?r2 aic:investor ?x } UNION { ?r2 aic:leadInvestor ?x } } ?b aic:reliesOn aid:tsmc ."),
    ("branch", "哪些厂商既设计训练芯片又设计推理芯片？",
     "?x a aic:ChipVendor . ?a aic:designedBy ?x ; a aic:TrainingChip . ?b aic:designedBy ?x ; a aic:InferenceChip ."),
    # a topic said first, then "which <type> …": the node after the late question word is asked for, and the verb
    # after it links the two
    ("late-wh", "The chips NVIDIA designed: which processes are they made on?",
     "?c aic:designedBy aid:nvidia ; aic:manufacturedOn ?x ."),
    ("late-wh", "The vendors that rely on Samsung, which investors backed them?",
     "?v a aic:ChipVendor ; aic:reliesOn aid:samsung . { ?x aic:investedIn ?v } UNION { ?r aic:fundedCompany ?v . "
     "{ ?r aic:investor ?x } UNION { ?r aic:leadInvestor ?x } }"),
    ("late-wh", "The chips Huawei designed - which foundries made them?",
     "?x a aic:Foundry . ?c aic:designedBy aid:huawei . { ?c aic:fabricatedBy ?x } UNION "
     "{ ?c aic:manufacturedOn ?p . ?p aic:offeredBy ?x }"),
    # a node-size class word ("4nm系", "5纳米系列", "5nm-family") is any process of that size
    ("node-class", "台积电5纳米系列工艺生产的芯片有哪些？",
     "?x aic:manufacturedOn ?p . ?p aic:offeredBy aid:tsmc ; aic:nodeNanometers 5"),
    ("node-class", "Which chips use TSMC 5nm-family processes?",
     "?x aic:manufacturedOn ?p . ?p aic:offeredBy aid:tsmc ; aic:nodeNanometers 5"),
    ("node-class", "サムスンの4nm系列プロセスで作られたチップは？",
     "?x aic:manufacturedOn ?p . ?p aic:offeredBy aid:samsung ; aic:nodeNanometers 4"),
    # a memory type's head noun ("HBM3 memory", "SRAM as their main memory") says nothing more
    ("memory-head", "Which inference chips use HBM3 memory?", "?x a aic:InferenceChip ; aic:memoryType \"HBM3\""),
    ("memory-head", "Which chips use on-chip SRAM as their main memory?", "?x aic:memoryType \"on-chip SRAM\""),
    ("memory-head", "How many NVIDIA chips use HBM3e memory?",
     "SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE { ?x aic:designedBy aid:nvidia ; aic:memoryType \"HBM3e\" }"),
    # a listing word that its exchange reads does not link the listed companies to the next node
    ("listed-set", "Of the companies listed in Hong Kong, which ones have chips made by TSMC?",
     "?r aic:fundedCompany ?x ; aic:exchange \"Hong Kong Stock Exchange\" . ?c aic:designedBy ?x ; aic:fabricatedBy aid:tsmc"),
    ("listed-set", "Of the companies listed on the STAR Market, which ones design training chips?",
     "?r aic:fundedCompany ?x ; aic:exchange \"Shanghai STAR Market\" . ?c aic:designedBy ?x ; a aic:TrainingChip"),
    ("count-distinct", "How many distinct investors took part in Biren's rounds?",
     "SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE { ?r aic:fundedCompany aid:biren-technology . "
     "{ ?r aic:investor ?x } UNION { ?r aic:leadInvestor ?x } }"),
    # "or" with the relation word repeated ("on X or on Y"), two names before one type word, Japanese "XかY"
    ("or-union", "Which vendors rely on Samsung or on SMIC?",
     "?x a aic:ChipVendor . { ?x aic:reliesOn aid:samsung } UNION { ?x aic:reliesOn aid:smic }"),
    ("or-union", "Which chips are built on SMIC or Samsung processes?",
     "?x aic:manufacturedOn ?p . ?p a aic:ProcessNode . { ?p aic:offeredBy aid:smic } UNION { ?p aic:offeredBy aid:samsung }"),
    ("or-union", "AMDかNVIDIAが設計したチップで、HBM3eを使うものは？",
     "?x aic:designedBy ?v ; aic:memoryType \"HBM3e\" . VALUES ?v { aid:amd aid:nvidia }"),
    ("or-union", "グローバルファウンドリーズかサムスンのプロセスで作られたチップは？",
     "?x aic:manufacturedOn ?p . ?p a aic:ProcessNode . { ?p aic:offeredBy aid:globalfoundries } UNION "
     "{ ?p aic:offeredBy aid:samsung }"),
    # a copula verb ("act as", "serve as both … and …", "classed as", "不属于") adds or excludes a class; one with no
    # class word after it is never read as a link; words about the graph itself ("in the graph", "图谱中") are read
    ("copula", "Which companies serve as both a foundry and a chip vendor?", "?x a aic:Foundry , aic:ChipVendor ."),
    ("copula", "Which NVIDIA chips are not classified as inference chips?",
     "?x aic:designedBy aid:nvidia . FILTER NOT EXISTS { ?x a aic:InferenceChip }"),
    ("copula", "Which investors also act as foundries?", "?x a aic:Investor , aic:Foundry ."),
    ("copula", "哪些英伟达芯片不属于推理芯片？", "?x aic:designedBy aid:nvidia . FILTER NOT EXISTS { ?x a aic:InferenceChip }"),
    ("copula", "寒武纪的芯片中哪些不是训练芯片？", "?x aic:designedBy aid:cambricon . FILTER NOT EXISTS { ?x a aic:TrainingChip }"),
    ("copula", "图谱中哪些公司既是代工厂又是投资方？", "?x a aic:Investor , aic:Foundry ."),
    ("copula", "Which chips are classed as fast?", None),
    # "other/别的/他の" before a node excludes the entities the question names of its kind
    ("other", "投资了摩尔线程的机构还投资了哪些其他公司？",
     "{ ?r aic:fundedCompany aid:moore-threads . { ?r aic:investor ?i } UNION { ?r aic:leadInvestor ?i } } UNION { ?i aic:investedIn aid:moore-threads } { ?i aic:investedIn ?x } UNION { ?r2 aic:fundedCompany ?x . { ?r2 aic:investor ?i } UNION "
     "{ ?r2 aic:leadInvestor ?i } } FILTER(?x != aid:moore-threads)"),
    ("other", "壁仞科技に出資した投資家が出資している他の企業は？",
     "{ ?r aic:fundedCompany aid:biren-technology . { ?r aic:investor ?i } UNION { ?r aic:leadInvestor ?i } } UNION { ?i aic:investedIn aid:biren-technology } { ?i aic:investedIn ?x } UNION { ?r2 aic:fundedCompany ?x . { ?r2 aic:investor ?i } UNION "
     "{ ?r2 aic:leadInvestor ?i } } FILTER(?x != aid:biren-technology)"),
    ("other", "Which investors of Biren backed other companies?",
     "{ ?r aic:fundedCompany aid:biren-technology . { ?r aic:investor ?x } UNION { ?r aic:leadInvestor ?x } } UNION { ?x aic:investedIn aid:biren-technology } { ?x aic:investedIn ?o } UNION { ?r2 aic:fundedCompany ?o . { ?r2 aic:investor ?x } UNION "
     "{ ?r2 aic:leadInvestor ?x } } FILTER(?o != aid:biren-technology)"),
    # a negation right before a linked node (fill between: "没有标明制造工艺") says none such is linked
    ("negated-node", "哪些华为芯片没有注明代工厂？",
     "?x aic:designedBy aid:huawei . FILTER NOT EXISTS { { ?x aic:fabricatedBy ?f } UNION "
     "{ ?x aic:manufacturedOn ?p . ?p aic:offeredBy ?f } }"),
    ("negated-node", "哪些芯片没有制造工艺？", "?x a aic:Chip . FILTER NOT EXISTS { ?x aic:manufacturedOn ?p }"),
    # a currency between an amount comparison and the raising word qualifies the same round
    ("amount-round", "5億ドルを超えるドル建ての資金調達をした企業は？",
     "?r aic:fundedCompany ?x ; aic:amount ?a ; aic:currency \"USD\" . FILTER(?a > 500000000)"),
    # negation intensifiers and colloquial particles carry nothing: "一切", "at all"; "一番大きな" is a superlative
    ("intensifier", "サムスンに一切依存していないベンダーは？",
     "?x a aic:ChipVendor . FILTER NOT EXISTS { ?x aic:reliesOn aid:samsung }"),
    ("intensifier", "Which vendors do not rely on Samsung at all?",
     "?x a aic:ChipVendor . FILTER NOT EXISTS { ?x aic:reliesOn aid:samsung }"),
    ("superlative", "科創板で一番大きなIPOをしたのはどの会社？",
     "?r aic:fundedCompany ?x ; aic:roundName \"IPO\" ; aic:exchange \"Shanghai STAR Market\" ; aic:amount ?a . "
     "FILTER NOT EXISTS { ?r2 aic:roundName \"IPO\" ; aic:exchange \"Shanghai STAR Market\" ; aic:amount ?b . "
     "FILTER(?b > ?a) }"),
    # a designer's class word ("摩尔线程のGPU") on the compositional path reads as the form does: a chip whose class the
    # graph does not state counts when its microarchitecture's chips state only that class
    ("designer-class", "摩尔线程が出しているGPUは？", "?x a aic:Chip ; aic:designedBy aid:moore-threads ."),
    # a name whose own verb follows it ("台积电制造的", "TSMCが製造した") qualifies a node that verb links it to, not the
    # nearest node by position; "fabbed", a continued te-form ("搭載していて、") are read
    ("verb-fit", "壁仞科技的芯片中哪些使用GPGPU架构，并且是台积电制造的",
     "?x aic:designedBy aid:biren-technology ; aic:usesArchitecture aid:arch-gpgpu ; aic:fabricatedBy aid:tsmc"),
    ("verb-fit", "NPUアーキテクチャのチップで、TSMCが製造したものは？",
     "?x aic:usesArchitecture aid:arch-npu ; aic:fabricatedBy aid:tsmc"),
    ("verb-fit", "Which chips are fabbed by Samsung?", "?x aic:fabricatedBy aid:samsung"),
    ("verb-fit", "HBM3を搭載していて、TSMCで製造されているチップは？", "?x aic:memoryType \"HBM3\" ; aic:fabricatedBy aid:tsmc"),
    # a lead-investor type word ("lead investors", "领投方", "リード投資家") means the rounds they led, never any investment
    ("lead-type", "Who were the lead investors of Biren?", "?r aic:fundedCompany aid:biren-technology ; aic:leadInvestor ?x"),
    ("lead-type", "壁仞科技のリード投資家は？", "?r aic:fundedCompany aid:biren-technology ; aic:leadInvestor ?x"),
    ("lead-type", "燧原科技的领投方有哪些？", "?r aic:fundedCompany aid:enflame ; aic:leadInvestor ?x"),
    ("lead-type", "采用三星工艺的芯片厂商，它们的领投方有哪些？",
     "?v a aic:ChipVendor ; aic:reliesOn aid:samsung . ?r aic:fundedCompany ?v ; aic:leadInvestor ?x"),
    # "几款芯片" asks the count of the chips, not of the node after; "Xのうち、…が…のはどこ" asks a member of the set X
    ("asked-node", "华为有几款芯片用了达芬奇架构？",
     "SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE { ?x aic:designedBy aid:huawei ; aic:usesArchitecture aid:huawei-da-vinci }"),
    ("asked-node", "英伟达有几款芯片用了Hopper架构？",
     "SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE { ?x aic:designedBy aid:nvidia ; aic:usesArchitecture aid:nvidia-hopper }"),
    ("asked-node", "科創板に上場した企業のうち、IPOの調達額が30億元を超えたのはどこ？",
     "?r aic:fundedCompany ?x ; aic:roundName \"IPO\" ; aic:exchange \"Shanghai STAR Market\" ; aic:amount ?a ; "
     "aic:currency \"CNY\" FILTER(?a > 3000000000)"),
    # "both X and Y" on a chip (one designer) or a round (one funded company): one such thing per name
    ("both-distribute", "Which foundries make chips for both Google and Microsoft?",
     "?a aic:designedBy aid:google ; aic:fabricatedBy ?x . ?b aic:designedBy aid:microsoft ; aic:fabricatedBy ?x"),
    ("both-distribute", "英伟达和AMD的芯片都由哪家代工厂制造？",
     "?a aic:designedBy aid:nvidia ; aic:fabricatedBy ?x . ?b aic:designedBy aid:amd ; aic:fabricatedBy ?x"),
    ("both-distribute", "NVIDIAとAMDの両方のチップを製造しているファウンドリは？",
     "?a aic:designedBy aid:nvidia ; aic:fabricatedBy ?x . ?b aic:designedBy aid:amd ; aic:fabricatedBy ?x"),
    ("both-distribute", "Which investors took part in rounds of both Kunlunxin and Enflame?",
     "?r aic:fundedCompany aid:kunlunxin . { ?r aic:investor ?x } UNION { ?r aic:leadInvestor ?x } "
     "?r2 aic:fundedCompany aid:enflame . { ?r2 aic:investor ?x } UNION { ?r2 aic:leadInvestor ?x }"),
    # a name of several kinds (Intel: designer and foundry) is read with the relation word's own kind first
    ("entity-kind", "Which chips does Intel make for other companies?",
     "?x aic:fabricatedBy aid:intel ; aic:designedBy ?d . FILTER(?d != aid:intel)"),
    ("entity-kind", "サムスン製ではないKunlunxinのチップは？",
     "?x aic:designedBy aid:kunlunxin . FILTER NOT EXISTS { ?x aic:fabricatedBy aid:samsung }"),
    ("entity-kind", "Which chips did Intel design?", "?x aic:designedBy aid:intel"),
    # "X有哪些是…的": which of X are…; X is asked, not the node after
    ("zh-which-of", "2021年以后发布的推理芯片有哪些是采用7纳米工艺的？",
     "?x a aic:InferenceChip ; aic:announcedIn ?y ; aic:manufacturedOn ?p . ?p aic:nodeNanometers 7 . FILTER(year(?y) >= 2021)"),
    ("zh-which-of", "推理芯片有哪些是台积电5纳米工艺生产的？",
     "?x a aic:InferenceChip ; aic:manufacturedOn ?p . ?p aic:offeredBy aid:tsmc ; aic:nodeNanometers 5"),
    ("zh-which-of", "在科创板上市的公司有哪些投资方？",
     "?r0 aic:fundedCompany ?c ; aic:exchange \"Shanghai STAR Market\" . { ?x aic:investedIn ?c } UNION "
     "{ ?r aic:fundedCompany ?c . { ?r aic:investor ?x } UNION { ?r aic:leadInvestor ?x } }"),
    # companies asked, a chip-listing form must not answer: the query graph's companies
    ("asked-kind", "どの会社がHBM3を使っていますか？", "?c aic:designedBy ?x ; aic:memoryType \"HBM3\""),
    ("asked-kind", "哪些公司使用HBM3？", "?c aic:designedBy ?x ; aic:memoryType \"HBM3\""),
    ("asked-kind", "Which companies use HBM3?", "?c aic:designedBy ?x ; aic:memoryType \"HBM3\""),
    # "AとBのどちらにも…ない": neither
    ("neither", "サムスンとTSMCのどちらにも依存していないベンダーは？",
     "?x a aic:ChipVendor . FILTER NOT EXISTS { ?x aic:reliesOn aid:samsung } FILTER NOT EXISTS { ?x aic:reliesOn aid:tsmc }"),
    ("neither", "SMICとTSMCのいずれにも依存しているベンダーは？", "?x a aic:ChipVendor ; aic:reliesOn aid:smic , aid:tsmc"),
    # a company's year and amount are said of one round ("2023年に10億元以上を調達した企業")
    ("one-round", "2023年に10億元以上を調達した企業は？",
     "?r aic:fundedCompany ?x ; aic:date ?d ; aic:amount ?a ; aic:currency \"CNY\" . FILTER(year(?d) = 2023 && ?a >= 1000000000)"),
    ("one-round", "Which companies raised more than 1 billion yuan in 2025?",
     "?r aic:fundedCompany ?x ; aic:date ?d ; aic:amount ?a ; aic:currency \"CNY\" . FILTER(year(?d) = 2025 && ?a > 1000000000)"),
    ("one-round", "2025年融资超过30亿元的公司有哪些？",
     "?r aic:fundedCompany ?x ; aic:date ?d ; aic:amount ?a ; aic:currency \"CNY\" . FILTER(year(?d) = 2025 && ?a > 3000000000)"),
    # "no <type> …" before a linked node: none such; an investor answer bound only under a negation is any investor
    ("negated-node", "Which vendors have no chips made by TSMC?",
     "?x a aic:ChipVendor . FILTER NOT EXISTS { ?c aic:designedBy ?x ; aic:fabricatedBy aid:tsmc }"),
    ("negated-node", "Which vendors have no chips with HBM?",
     "?x a aic:ChipVendor . FILTER NOT EXISTS { ?c aic:designedBy ?x ; aic:memoryType ?m . "
     "FILTER(strstarts(lcase(str(?m)), \"hbm\")) }"),
    ("negated-node", "哪些投资方没有投资过依赖台积电的公司？",
     "{ ?x a aic:Investor } UNION { ?x aic:investedIn ?a } UNION { ?r aic:investor ?x } UNION { ?r aic:leadInvestor ?x } FILTER NOT EXISTS { ?c aic:reliesOn aid:tsmc . { ?x aic:investedIn ?c } UNION { ?r2 aic:fundedCompany ?c . "
     "{ ?r2 aic:investor ?x } UNION { ?r2 aic:leadInvestor ?x } } }"),
    # a company's revenue is not the market's size: declined (the graph has no revenue), in every language
    ("revenue", "売上高が最も大きいチップベンダーは？", None),
    ("revenue", "营收最高的芯片厂商是哪家？", None),
    ("revenue", "Which chip vendor has the highest revenue?", None),
    # "and" with no second name after a name joins a second predicate, not a coordinated subject; a form that lists
    # a company's rounds must not answer where vendors are asked
    ("and-predicate", "Which vendors rely on TSMC and went public?",
     "?x a aic:ChipVendor . ?r aic:fundedCompany ?x . { ?r aic:roundName \"IPO\" } UNION { ?r aic:exchange ?e } { ?x aic:reliesOn aid:tsmc } UNION { ?x aic:reliesOn ?p . ?p aic:offeredBy aid:tsmc }"),
    ("and-predicate", "依赖台积电并且已经上市的厂商有哪些？",
     "?x a aic:ChipVendor . ?r aic:fundedCompany ?x . { ?r aic:roundName \"IPO\" } UNION { ?r aic:exchange ?e } { ?x aic:reliesOn aid:tsmc } UNION { ?x aic:reliesOn ?p . ?p aic:offeredBy aid:tsmc }"),
    ("and-predicate", "美团和字节跳动都投资了哪些公司？",
     "{ aid:meituan aic:investedIn ?x } UNION { ?r aic:fundedCompany ?x . { ?r aic:investor aid:meituan } UNION "
     "{ ?r aic:leadInvestor aid:meituan } } { aid:bytedance aic:investedIn ?x } UNION { ?r2 aic:fundedCompany ?x . "
     "{ ?r2 aic:investor aid:bytedance } UNION { ?r2 aic:leadInvestor aid:bytedance } }"),
    # "both 2020 and 2021" said of a company: a round in each year (a chip, announced once, cannot: declined)
    ("both-years", "Which companies have raised money in both 2020 and 2021?", "?r aic:fundedCompany ?x ; aic:date ?d . FILTER(year(?d) = 2020) ?r2 aic:fundedCompany ?x ; aic:date ?d2 . FILTER(year(?d2) = 2021)"),
    ("both-years", "2020年と2021年の両方に資金調達した企業は？", "?r aic:fundedCompany ?x ; aic:date ?d . FILTER(year(?d) = 2020) ?r2 aic:fundedCompany ?x ; aic:date ?d2 . FILTER(year(?d2) = 2021)"),
    ("both-years", "哪些公司在2020年和2021年都进行过融资？", "?r aic:fundedCompany ?x ; aic:date ?d . FILTER(year(?d) = 2020) ?r2 aic:fundedCompany ?x ; aic:date ?d2 . FILTER(year(?d2) = 2021)"),
    ("both-years", "Which chips were announced in both 2020 and 2021?", None),
    # "before its IPO" said of an investor of a company: the rounds of that company before its IPO they took part in
    ("before-ipo", "Which investors backed Biren before its IPO?", "?r aic:fundedCompany aid:biren-technology ; aic:date ?d . { ?r aic:investor ?x } UNION { ?r aic:leadInvestor ?x } ?i aic:fundedCompany aid:biren-technology ; aic:roundName \"IPO\" ; aic:date ?di . FILTER(str(?d) < str(?di) && ?r != ?i)"),
    ("before-ipo", "IPO前に壁仞科技に出資した投資家は？", "?r aic:fundedCompany aid:biren-technology ; aic:date ?d . { ?r aic:investor ?x } UNION { ?r aic:leadInvestor ?x } ?i aic:fundedCompany aid:biren-technology ; aic:roundName \"IPO\" ; aic:date ?di . FILTER(str(?d) < str(?di) && ?r != ?i)"),
    ("before-ipo", "壁仞科技上市之前有哪些投资方？", "?r aic:fundedCompany aid:biren-technology ; aic:date ?d . { ?r aic:investor ?x } UNION { ?r aic:leadInvestor ?x } ?i aic:fundedCompany aid:biren-technology ; aic:roundName \"IPO\" ; aic:date ?di . FILTER(str(?d) < str(?di) && ?r != ?i)"),
    # "its" before a node names the entity said before it
    ("anaphor", "Which vendors rely on Samsung but not on its 4nm processes?",
     "?x a aic:ChipVendor ; aic:reliesOn aid:samsung . FILTER NOT EXISTS { ?p aic:offeredBy aid:samsung ; "
     "aic:nodeNanometers 4 . { ?x aic:reliesOn ?p } UNION { ?c aic:designedBy ?x ; aic:manufacturedOn ?p } }"),
    ("anaphor", "Which chips are made by TSMC but not on its 4nm processes?",
     "?x a aic:Chip ; aic:fabricatedBy aid:tsmc . FILTER NOT EXISTS { ?x aic:manufacturedOn ?p . "
     "?p aic:offeredBy aid:tsmc ; aic:nodeNanometers 4 }"),
]


def _gold():
    spec = importlib.util.spec_from_file_location("gold_sparql", ROOT / "tests" / "fixtures" / "questions" / "gold_sparql.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# ?x invested in company c: the gold body every investor case shares
INV = "{{ ?x aic:investedIn {c} }} UNION {{ ?r_{n} aic:fundedCompany {c} . {{ ?r_{n} aic:investor ?x }} UNION {{ ?r_{n} aic:leadInvestor ?x }} }}"


def inv(c: str, n: int = 0) -> str:
    """?x invested in company c (directly or as a party of one of its rounds)."""
    return INV.format(c=c, n=n)


@pytest.fixture(scope="module")
def env():
    from ingest.evaluate import load_kgeval
    from kg.store import open_store
    store = open_store(":memory:")
    store.load(str(GRAPH))
    return store, _gold(), load_kgeval(ROOT.parent / "shared" / "tools" / "kgeval.py")


def item(gold, q: str, body: str | None) -> dict:
    if body is None:
        return {"q": q, "understood": False}
    if body.lstrip().startswith("SELECT"):
        rows = gold.run(body)
        return {"q": q, "value": float(rows[0]["v"].value)}
    answers = sorted(gold.labels(r["x"].value) for r in gold.run(gold.lst(body)))
    assert answers, f"gold of {q!r} is empty: the case says nothing"
    return {"q": q, "answers": answers}


def check(env, phenomenon: str, q: str, body: str | None) -> None:
    """Ask q over the reference graph and judge it with kgeval against the gold its SPARQL body computes."""
    from api.ask import answer
    store, gold, kgeval = env
    it = item(gold, q, body)
    got = answer(q, store)
    ok, why = kgeval.judge(it, got)
    assert ok, f"{phenomenon}: {q} -> {why} (gold {it.get('answers', it.get('value', 'decline'))})"


@pytest.mark.parametrize("phenomenon,q,body", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_paraphrase(env, phenomenon: str, q: str, body: str | None):
    check(env, phenomenon, q, body)
