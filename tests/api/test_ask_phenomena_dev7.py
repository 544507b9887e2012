"""Composed questions grouped by the phenomenon a fix addressed (issue 13, composed-dev7 misses), each checked on
paraphrases about other entities and in other wordings than the development question that showed it. Gold is
computed by SPARQL over the contract's reference graph (tests/fixtures/questions/gold_sparql.py), never typed in;
a case whose body is None must be declined."""
from __future__ import annotations

import pytest

from tests.api.test_ask_phenomena import check, env, inv  # noqa: F401  (env: the shared module fixture)

pytestmark = pytest.mark.shared  # over ../shared/eval/reference-graph.trig: the contract layer, deselected on a clone alone

# the processes a vendor's chips are made on whose node size no other of them exceeds
OLDEST = ("?c aic:designedBy {v} ; aic:manufacturedOn ?x . ?x aic:nodeNanometers ?n . FILTER NOT EXISTS {{ "
          "?c2 aic:designedBy {v} ; aic:manufacturedOn ?p2 . ?p2 aic:nodeNanometers ?n2 . FILTER(?n2 > ?n) }}")

CASES: list[tuple[str, str, str | None]] = [
    # an exception over names joined by and/と/和 excludes every one of them, not only the one next to the word
    ("except-coordinated", "Which investors backed Moore Threads, apart from Meituan and ByteDance?",
     inv("aid:moore-threads") + " FILTER(?x NOT IN (aid:meituan, aid:bytedance))"),
    ("except-coordinated", "壁仞科技の出資者のうち、IDG CapitalとQiming Venture Partnersを除くとどこが残りますか",
     inv("aid:biren-technology") + " FILTER(?x NOT IN (aid:idg-capital, aid:qiming-venture-partners))"),
    ("except-coordinated", "除了腾讯和春华资本，燧原科技还有哪些投资方？",
     inv("aid:enflame") + " FILTER(?x NOT IN (aid:tencent, aid:primavera-capital))"),
    # a clause comma after the excepted name is no coordinator: the company after it is the topic
    ("except-coordinated", "除了百度，昆仑芯还有哪些投资方？", inv("aid:kunlunxin") + " FILTER(?x != aid:baidu)"),
    # colloquial one-character verbs: 投 = invest, 募 = raise
    ("zh-verbs", "投了沐曦但没投摩尔线程的机构有哪些",
     inv("aid:metax") + " FILTER NOT EXISTS { " + inv("aid:moore-threads", 1) + " }"),
    ("zh-verbs", "IDG资本和中信产业基金都投了哪家公司？",
     "{ aid:idg-capital aic:investedIn ?x } UNION { ?r0 aic:fundedCompany ?x . { ?r0 aic:investor aid:idg-capital } "
     "UNION { ?r0 aic:leadInvestor aid:idg-capital } } { aid:citic-private-equity aic:investedIn ?x } UNION { ?r1 "
     "aic:fundedCompany ?x . { ?r1 aic:investor aid:citic-private-equity } UNION { ?r1 aic:leadInvestor aid:citic-private-equity } }"),
    ("zh-verbs", "沐曦在科创板IPO募了多少人民币",
     "SELECT (SUM(?a) AS ?v) WHERE { ?r aic:fundedCompany aid:metax ; aic:roundName \"IPO\" ; aic:amount ?a }"),
    # two named years restated ("2020年和2021年这两年", "2020年と2021年の2年間") are the same window
    ("restated-years", "壁仞科技2020年和2025年这两年的融资总额是多少人民币",
     "SELECT (SUM(?a) AS ?v) WHERE { SELECT DISTINCT ?r ?a WHERE { ?r aic:fundedCompany aid:biren-technology ; "
     "aic:date ?d ; aic:amount ?a ; aic:currency \"CNY\" . FILTER(SUBSTR(STR(?d), 1, 4) IN (\"2020\", \"2025\")) } }"),
    ("restated-years", "燧原科技が2018年と2023年の2年間に調達した金額は人民元で合計いくら？",
     "SELECT (SUM(?a) AS ?v) WHERE { SELECT DISTINCT ?r ?a WHERE { ?r aic:fundedCompany aid:enflame ; "
     "aic:date ?d ; aic:amount ?a ; aic:currency \"CNY\" . FILTER(SUBSTR(STR(?d), 1, 4) IN (\"2018\", \"2023\")) } }"),
    ("restated-years", "燧原科技2020年到2021年这两年的融资总额是多少人民币",
     "SELECT (SUM(?a) AS ?v) WHERE { SELECT DISTINCT ?r ?a WHERE { ?r aic:fundedCompany aid:enflame ; "
     "aic:date ?d ; aic:amount ?a ; aic:currency \"CNY\" . FILTER(SUBSTR(STR(?d), 1, 4) IN (\"2020\", \"2021\")) } }"),
    # "这两年" alone (the last two years) is a time the graph is not told: declined
    ("restated-years", "燧原科技这两年的融资总额是多少人民币", None),
    # harmless words of whole classes: structural particles, aspect adverbs, conditional words, yes/no frames,
    # auxiliaries and request verbs; "哪几款" is a list, not a count
    ("harmless", "摩尔线程哪款芯片发布得最早？",
     "?x aic:designedBy aid:moore-threads ; aic:announcedIn ?y . FILTER NOT EXISTS { ?o aic:designedBy "
     "aid:moore-threads ; aic:announcedIn ?y2 . FILTER(?y2 < ?y) }"),
    ("harmless", "寒武纪有没有训练芯片？有的话是哪几款", "?x a aic:TrainingChip ; aic:designedBy aid:cambricon ."),
    ("harmless", "HBM3を搭載していて、しかもTSMCで製造されたチップをリストアップしてください",
     "?x a aic:Chip ; aic:memoryType \"HBM3\" . { ?x aic:fabricatedBy aid:tsmc } UNION "
     "{ ?x aic:manufacturedOn/aic:offeredBy aid:tsmc }"),
    # a word that carries meaning stays unread: "就一家" (only one), "一直" (always)
    ("harmless", "一直依赖台积电的厂商有哪些", None),
    # the oldest process is the largest node size ("oldest", "いちばん古い", "纳米数最大"): a process has no year
    ("oldest-node", "Which process used by AMD chips is the oldest?", OLDEST.format(v="aid:amd")),
    ("oldest-node", "インテルのチップに使われているプロセスの中で、いちばん古いものは？", OLDEST.format(v="aid:intel")),
    ("oldest-node", "华为芯片使用的工艺中，纳米数最大的是哪个", OLDEST.format(v="aid:huawei")),
    ("oldest-node", "AMDのチップに使われているプロセスのうち、ナノメートルが一番小さいものは？",
     OLDEST.format(v="aid:amd").replace("?n2 > ?n", "?n2 < ?n")),
    # 做 = made ("用台积电7纳米做的"), with a union of two designers ("A或者B的芯片")
    ("zh-make", "英伟达或者壁仞的芯片里，用台积电7纳米做的有哪些",
     "{ ?x aic:designedBy aid:nvidia } UNION { ?x aic:designedBy aid:biren-technology } ?x aic:manufacturedOn ?p . "
     "?p aic:offeredBy aid:tsmc ; aic:nodeNanometers 7 ."),
    ("zh-make", "英特尔或者AMD的芯片里，用台积电5纳米做的有哪些",
     "{ ?x aic:designedBy aid:intel } UNION { ?x aic:designedBy aid:amd } ?x aic:manufacturedOn ?p . "
     "?p aic:offeredBy aid:tsmc ; aic:nodeNanometers 5 ."),
    ("zh-make", "用三星工艺做的芯片有哪些", "?x aic:manufacturedOn/aic:offeredBy aid:samsung ."),
    # terse keyword queries: a trailing "count" asks how many; "makers" after a class word are its vendors
    ("terse", "TSMC 5nm chips count",
     "SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE { ?x aic:manufacturedOn ?p . ?p aic:offeredBy aid:tsmc ; aic:nodeNanometers 5 }"),
    ("terse", "Intel chips count", "SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE { ?x a aic:Chip ; aic:designedBy aid:intel }"),
    ("terse", "GPU makers listed on the Shanghai STAR Market?",
     "?x a aic:ChipVendor . ?c aic:designedBy ?x ; aic:usesArchitecture aid:arch-gpgpu . "
     "?r aic:fundedCompany ?x ; aic:exchange \"Shanghai STAR Market\" ."),
    # request verbs, greetings, thanks and politeness are a whole class of words that narrow nothing…
    ("request-words", "Hi, can you find the chips that use HBM3e? Thanks", "?x a aic:Chip ; aic:memoryType \"HBM3e\" ."),
    ("request-words", "帮我查一下哪些芯片是三星代工的，谢谢",
     "?x a aic:Chip . { ?x aic:fabricatedBy aid:samsung } UNION { ?x aic:manufacturedOn/aic:offeredBy aid:samsung }"),
    ("request-words", "すみませんが、HBM2eを搭載したチップを知りたいのですが", "?x a aic:Chip ; aic:memoryType \"HBM2e\" ."),
    # …but a constraint said inside a request is still one the graph cannot check
    ("request-words", "Can you find the chips that use HBM3e with a power draw under 300 watts?", None),
    # discourse markers and hedges on the whole question, softened question endings, a polite request whose
    # いただけ holds no "only", a question-final か before a comma (not "or")
    ("discourse", "So, which chips, if any, are made by Samsung anyway?",
     "?x a aic:Chip . { ?x aic:fabricatedBy aid:samsung } UNION { ?x aic:manufacturedOn/aic:offeredBy aid:samsung }"),
    ("discourse", "Out of interest, basically which investors backed Kunlunxin?", inv("aid:kunlunxin")),
    ("discourse", "エンフレームの出資者を教えていただけますでしょうか", inv("aid:enflame")),
    ("discourse", "グーグルが設計したチップは何ですか、教えてください", "?x a aic:Chip ; aic:designedBy aid:google ."),
    ("discourse", "テンストレントに出資している投資家はどこでしょう？", inv("aid:tenstorrent")),
    # "only" stays meaningful: the graph cannot say a company was backed by one investor alone
    ("discourse", "ムーアスレッドだけに出資した投資家は？", None),
    # release phrasings, answer-format requests and hedges (spans: their "only"/"more" compare nothing), a listing
    # verb's complement (列出来), the modal A-not-A question (能不能: its 不 negates nothing)
    ("format", "Hey, what chips has Intel put out? Just the names.", "?x a aic:Chip ; aic:designedBy aid:intel ."),
    ("format", "What's the total raised by Biren in yuan, more or less?",
     "SELECT (SUM(?a) AS ?v) WHERE { SELECT DISTINCT ?r ?a WHERE { ?r aic:fundedCompany aid:biren-technology ; "
     "aic:amount ?a ; aic:currency \"CNY\" } }"),
    ("format", "寒武纪有哪些芯片？请列出来", "?x a aic:Chip ; aic:designedBy aid:cambricon ."),
    ("format", "能不能告诉我燧原科技的投资人", inv("aid:enflame")),
    ("format", "Which vendors rely only on TSMC? Just the names.", None),
    # the reading knows the decline mechanism's harmless words (一下, framing): a form no longer answers for it, with
    # another kind of thing than the one asked (foundries for "哪些芯片")
    ("harmless-reading", "我想了解一下，寒武纪有哪些芯片是台积电代工的？",
     "?x aic:designedBy aid:cambricon . { ?x aic:fabricatedBy aid:tsmc } UNION { ?x aic:manufacturedOn/aic:offeredBy aid:tsmc }"),
    ("harmless-reading", "For my thesis: which foundries does Cambricon use?",
     "?x a aic:Foundry . { aid:cambricon aic:reliesOn ?x } UNION { ?c aic:designedBy aid:cambricon . "
     "{ ?c aic:fabricatedBy ?x } UNION { ?c aic:manufacturedOn/aic:offeredBy ?x } }"),
    # a count of one kind of thing is never answered by a form that lists another (チップの数: not the vendors')
    ("count-kind", "TSMCの7nmを使っているチップの数は？",
     "SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE { ?x aic:manufacturedOn ?p . ?p aic:offeredBy aid:tsmc ; aic:nodeNanometers 7 }"),
    ("count-kind", "サムスンのプロセスを使っているチップの数を教えてください",
     "SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE { ?x aic:manufacturedOn/aic:offeredBy aid:samsung }"),
    # more of the same classes: ja kana なか, explanatory んですか, plain-form requests; zh 跟 (= 和), 算; en "speaking"
    ("harmless-2", "グーグルのチップのなかで一番新しいのはどれ？",
     "?x aic:designedBy aid:google ; aic:announcedIn ?y . FILTER NOT EXISTS { ?o aic:designedBy aid:google ; "
     "aic:announcedIn ?y2 . FILTER(?y2 > ?y) }"),
    ("harmless-2", "ビレンって、これまでに合計でいくら調達したんですか（人民元で）",
     "SELECT (SUM(?a) AS ?v) WHERE { SELECT DISTINCT ?r ?a WHERE { ?r aic:fundedCompany aid:biren-technology ; "
     "aic:amount ?a ; aic:currency \"CNY\" } }"),
    ("harmless-2", "インテルのチップを全部挙げてもらえる？", "?x a aic:Chip ; aic:designedBy aid:intel ."),
    ("harmless-2", "昆仑芯跟燧原科技，共同的投资方是谁？", inv("aid:kunlunxin") + " " + inv("aid:enflame", 1)),
    ("harmless-2", "摩尔线程一共融了多少钱？用人民币算",
     "SELECT (SUM(?a) AS ?v) WHERE { SELECT DISTINCT ?r ?a WHERE { ?r aic:fundedCompany aid:moore-threads ; "
     "aic:amount ?a ; aic:currency \"CNY\" } }"),
    # a node-size comparison with the process word inside it ("a 7nm process or smaller")
    ("nm-or", "Which chips are made on a 5nm process or smaller?",
     "?x a aic:Chip ; aic:manufacturedOn ?p . ?p aic:nodeNanometers ?n . FILTER(?n <= 5)"),
    ("nm-or", "Which AMD chips are made on a 6nm node or larger?",
     "?x aic:designedBy aid:amd ; aic:manufacturedOn ?p . ?p aic:nodeNanometers ?n . FILTER(?n >= 6)"),
    ("nm-or", "Which vendors rely on a 4nm process or more advanced?",
     "?x a aic:ChipVendor . { ?x aic:reliesOn ?p } UNION { ?c aic:designedBy ?x ; aic:manufacturedOn ?p } "
     "?p aic:nodeNanometers ?n . FILTER(?n <= 4)"),
    # "Out of the X, which …" picks from X as "Among the X" does
    ("out-of", "Out of the chips AMD designed, which use HBM3e?",
     "?x aic:designedBy aid:amd ; aic:memoryType \"HBM3e\" ."),
    ("out-of", "Out of the vendors relying on SMIC, which ones also rely on TSMC?",
     "?x a aic:ChipVendor . { ?x aic:reliesOn aid:smic } UNION { ?c aic:designedBy ?x . { ?c aic:fabricatedBy aid:smic } "
     "UNION { ?c aic:manufacturedOn/aic:offeredBy aid:smic } } { ?x aic:reliesOn aid:tsmc } UNION { ?d aic:designedBy ?x . "
     "{ ?d aic:fabricatedBy aid:tsmc } UNION { ?d aic:manufacturedOn/aic:offeredBy aid:tsmc } }"),
    ("out-of", "Out of all chips with HBM3, which were announced in 2023?",
     "?x a aic:Chip ; aic:memoryType \"HBM3\" ; aic:announcedIn ?y . FILTER(STR(?y) = \"2023\" || ?y = 2023)"),
    # 出了/出过 = released
    ("zh-release", "英特尔到底出了几款芯片？", "SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE { ?x a aic:Chip ; aic:designedBy aid:intel }"),
    ("zh-release", "AMD出过哪些芯片", "?x a aic:Chip ; aic:designedBy aid:amd ."),
    ("zh-release", "2023年以后谷歌出了哪些芯片",
     "?x a aic:Chip ; aic:designedBy aid:google ; aic:announcedIn ?y . FILTER(xsd:integer(STR(?y)) >= 2023)"),
    ("harmless-2", "Which is the newest chip from AMD, roughly speaking?",
     "?x aic:designedBy aid:amd ; aic:announcedIn ?y . FILTER NOT EXISTS { ?o aic:designedBy aid:amd ; "
     "aic:announcedIn ?y2 . FILTER(?y2 > ?y) }"),
]


@pytest.mark.parametrize("phenomenon,q,body", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_paraphrase(env, phenomenon: str, q: str, body: str | None):
    check(env, phenomenon, q, body)
