"""Adversarial questions written by helper-71 (issue 13) in en/ja/zh: what an analyst asks that the graph cannot
answer exactly, or only with a caveat — an investor's own share of a round (the graph records the round's amount and
its parties), market share, revenue, people, headquarters city, valuation, quarters and months where only years are
known, "the newest" where some dates are missing, sums over two currencies, relations the ontology lacks (customers,
partners, competitors, acquisitions), and words that change the meaning (only, no longer, expected, rumoured,
reportedly, first) — beside near-misses of real forms that must keep answering. Gold is SPARQL over the contract's
reference graph. A spec of None must be declined; a `Note` may be declined or answered with a message that says the
caveat (and, with a body, answers that match it)."""
from __future__ import annotations

from dataclasses import dataclass

import pytest

from tests.api.test_ask_phenomena import env, inv  # noqa: F401  (env: the shared module fixture)
from tests.api.test_ask_probe_en import _item, country, relies, year

pytestmark = pytest.mark.shared  # over ../shared/eval/reference-graph.trig: the contract layer, deselected on a clone alone


@dataclass(frozen=True)
class Note:
    """Declined, or answered with a message matching `says` (and answers matching `body` when given)."""
    says: str
    body: str | None = None


CN_SMIC = country("?x", "CN") + " ?x a aic:ChipVendor . " + relies("?x", "aid:smic")
CN_VENDORS = country("?x", "CN") + " ?x a aic:ChipVendor ."
BIREN_A = "?r aic:fundedCompany aid:biren-technology ; aic:roundName \"Series A\" . { ?r aic:investor ?x } UNION { ?r aic:leadInvestor ?x }"
BIREN_A_AMOUNT = "SELECT (SUM(?a) AS ?v) WHERE { ?r aic:fundedCompany aid:biren-technology ; aic:roundName \"Series A\" ; aic:amount ?a }"
ENFLAME_C_AMOUNT = "SELECT (SUM(?a) AS ?v) WHERE { ?r aic:fundedCompany aid:enflame ; aic:roundName \"Series C\" ; aic:amount ?a }"
MT_2024 = "?x aic:fundedCompany aid:moore-threads ; aic:date ?d . FILTER(" + year("?d") + " = 2024)"
# the undated Cambricon chips a year window or a "newest" cannot place
CAMBRICON_UNDATED = r"MLU590|MLU370|MLU270|MLU100|思元590|思元370|思元270|思元100"
# Moore Threads' 2024 round is dated by its year only: no month window can place it
MT_YEAR_ONLY = r"2024"
ENFLAME_PRE_A_AMOUNT = "SELECT (SUM(?a) AS ?v) WHERE { ?r aic:fundedCompany aid:enflame ; aic:roundName \"Pre-Series A\" ; aic:amount ?a }"


def market(name: str, y: int) -> str:
    return (f"SELECT (SUM(?a) AS ?v) WHERE {{ ?m aic:market \"{name}\" ; aic:value ?a ; aic:year ?y . "
            f"FILTER(STR(?y) = \"{y}\") }}")


# an over-decline left: no reading of "the first round <company> raised" (round_details would add every round up)
FIRST_ROUND = pytest.mark.xfail(strict=True, reason="over-decline: the first round of a named company is not read")

CASES: list = [
    # ---------------------------------------------------------------- English
    ("en", "share", "How much did IDG Capital invest in Biren?", None),
    ("en", "share", "How much money did Tencent put into Enflame?", None),
    ("en", "share", "What was Intel Capital's investment in Habana Labs?", None),
    ("en", "share", "How much did Samsung invest in Tenstorrent?", None),
    ("en", "share", "How big was Samsung's stake in Tenstorrent's Series D?", None),
    ("en", "outside", "What is NVIDIA's market share?", None),
    ("en", "outside", "What was Cambricon's revenue in 2023?", None),
    ("en", "outside", "Who is the CEO of Biren?", None),
    ("en", "outside", "Where is Enflame headquartered?", None),
    ("en", "outside", "How many employees does Cambricon have?", None),
    ("en", "outside", "What is Moore Threads valued at?", None),
    ("en", "quarter", "Which chips were announced in Q3 2023?", None),
    ("en", "quarter", "Which chips did NVIDIA announce in the second half of 2023?", None),
    ("en", "month", "Which Moore Threads rounds took place in June 2024?", Note(MT_YEAR_ONLY)),
    ("en", "undated", "What is Cambricon's newest chip?", Note(CAMBRICON_UNDATED)),
    ("en", "undated", "Which chips did Cambricon launch in 2023?", Note(CAMBRICON_UNDATED)),
    ("en", "relation", "Who are NVIDIA's customers?", None),
    ("en", "relation", "Which companies compete with Biren?", None),
    ("en", "relation", "Which companies did Intel acquire?", None),
    ("en", "relation", "Who are the partners of Cambricon?", None),
    ("en", "modality", "Which is the only chip made by SMIC?", None),
    ("en", "modality", "Which vendors no longer rely on TSMC?", None),
    ("en", "modality", "Which chips are planned for 2026?", None),
    ("en", "modality", "Which chips are rumoured to use HBM4?", None),
    ("en", "modality", "Which vendors are expected to rely on SMIC?", None),
    ("en", "modality", "Which vendors reportedly rely on SMIC?", None),
    ("en", "first", "Who were the first investors in Moore Threads?", Note(r"Private round")),
    pytest.param("en", "first", "Which was the first round Enflame raised?",
                 "?x aic:fundedCompany aid:enflame ; aic:roundName \"Pre-Series A\" .", marks=FIRST_ROUND),
    ("en", "currency", "What is the total raised by Biren and Tenstorrent?", Note(r"HKD.*USD|USD.*HKD")),
    # near-misses that must keep answering
    ("en", "near", "Which vendors are headquartered in China?", CN_VENDORS),
    ("en", "near", "Which Chinese vendors rely on SMIC?", CN_SMIC),
    ("en", "near", "Which investors took part in Biren's Series A?", BIREN_A),
    ("en", "near", "How much did Biren raise in its Series A?", BIREN_A_AMOUNT),
    ("en", "near", "Which rounds did Moore Threads close in 2024?", MT_2024),
    ("en", "near", "How much did Enflame raise in its Series C?", ENFLAME_C_AMOUNT),
    ("en", "near", "Who invested in Moore Threads?", inv("aid:moore-threads")),
    # second batch, written after the first fixes: other entities, other wordings
    ("en", "undated", "What is Hygon's most recent chip?", Note(r"Shensuan-1|DCU Z100")),
    ("en", "undated", "Which chips did Groq announce in 2023?", Note(r"Groq LPU")),
    ("en", "month", "Which rounds did Enflame close in May 2020?", Note(r"Series B")),
    ("en", "share", "How much did Tencent invest in Enflame?", None),
    ("en", "modality", "Which chips did Intel previously design?", None),
    ("en", "modality", "Which chips will Google announce in 2026?", None),
    ("en", "near", "Which Tenstorrent rounds closed in December 2024?",
     "?x aic:fundedCompany aid:tenstorrent ; aic:roundName \"Series D\" ."),
    ("en", "near", "Which rounds did Cambricon raise in June 2018?",
     "?x aic:fundedCompany aid:cambricon ; aic:roundName \"Series B\" ."),
    ("en", "near", "How much did Enflame raise in the round Tencent led?", ENFLAME_PRE_A_AMOUNT),
    ("en", "near", "Which process is used to make the H100?", "aid:nvidia-h100 aic:manufacturedOn ?x ."),
    ("en", "near", "What is the expected size of the global AI chip market in 2027?", market("Global AI chip market", 2027)),
    # ---------------------------------------------------------------- Japanese
    ("ja", "share", "IDGキャピタルは壁仞科技にいくら出資しましたか？", None),
    ("ja", "share", "テンセントが燧原科技に投じた金額は？", None),
    ("ja", "share", "サムスンはTenstorrentにいくら投資した？", None),
    ("ja", "share", "Tenstorrentにサムスンが出した金額は？", None),
    ("ja", "share", "インテルキャピタルのハバナラボへの投資額は？", None),
    ("ja", "outside", "NVIDIAの市場シェアは？", None),
    ("ja", "outside", "寒武紀の2023年の売上高は？", None),
    ("ja", "outside", "摩爾線程のCEOは誰ですか？", None),
    ("ja", "outside", "壁仞科技の本社はどこにありますか？", None),
    ("ja", "outside", "摩爾線程の企業価値はいくら？", None),
    ("ja", "outside", "寒武紀の時価総額は？", None),
    ("ja", "quarter", "2023年第3四半期に発表されたチップは？", None),
    ("ja", "quarter", "2023年下半期にNVIDIAが発表したチップは？", None),
    ("ja", "month", "摩爾線程が2024年6月に実施したラウンドは？", Note(MT_YEAR_ONLY)),
    ("ja", "undated", "寒武紀の最新のチップは？", Note(CAMBRICON_UNDATED)),
    ("ja", "undated", "寒武紀が2023年に発表したチップは？", Note(CAMBRICON_UNDATED)),
    ("ja", "relation", "NVIDIAの顧客はどこですか？", None),
    ("ja", "relation", "壁仞科技の競合他社は？", None),
    ("ja", "relation", "インテルが買収した会社は？", None),
    ("ja", "relation", "寒武紀の提携先は？", None),
    ("ja", "modality", "SMICが製造している唯一のチップは？", None),
    ("ja", "modality", "もはやTSMCに依存していないベンダーは？", None),
    ("ja", "modality", "HBM4を搭載すると噂されているチップは？", None),
    ("ja", "modality", "SMICに依存する見込みのベンダーは？", None),
    ("ja", "modality", "2025年に発表予定のチップは？", None),
    ("ja", "first", "摩爾線程の最初の投資家は？", Note(r"Private round")),
    ("ja", "currency", "壁仞科技が調達した資金の合計は？", Note(r"HKD.*CNY|CNY.*HKD")),
    # near-misses
    ("ja", "near", "中国に本社があるベンダーは？", CN_VENDORS),
    ("ja", "near", "SMICに依存している中国のベンダーは？", CN_SMIC),
    ("ja", "near", "壁仞科技のシリーズAに参加した投資家は？", BIREN_A),
    ("ja", "near", "壁仞科技のシリーズAの調達額は？", BIREN_A_AMOUNT),
    ("ja", "near", "IDGキャピタルがリードした壁仞科技のラウンドの金額は？", BIREN_A_AMOUNT),
    ("ja", "near", "摩爾線程が2024年に実施した資金調達ラウンドは？", MT_2024),
    ("ja", "near", "摩爾線程に出資した投資家は？", inv("aid:moore-threads")),
    ("ja", "undated", "テンストレントが2025年に発表したチップは？",
     Note(r"Quasar|Wormhole", "?x aic:designedBy aid:tenstorrent ; aic:announcedIn ?y . FILTER(" + year("?y") + " = 2025)")),
    ("ja", "month", "燧原科技が2020年5月に実施したラウンドは？", Note(r"Series B")),
    ("ja", "modality", "もはやHBM3を使っていないチップは？", None),
    ("ja", "near", "2027年の世界AIチップ市場規模の予測は？", market("Global AI chip market", 2027)),
    # ---------------------------------------------------------------- Chinese
    ("zh", "share", "IDG资本向壁仞科技投了多少钱？", None),
    ("zh", "share", "腾讯在燧原科技上投资了多少？", None),
    ("zh", "share", "三星投资Tenstorrent的金额是多少？", None),
    ("zh", "share", "三星在Tenstorrent的D轮中出资多少？", None),
    ("zh", "share", "英特尔资本对Habana Labs的投资额是多少？", None),
    ("zh", "outside", "英伟达的市场份额是多少？", None),
    ("zh", "outside", "寒武纪2023年的营收是多少？", None),
    ("zh", "outside", "燧原科技的创始人是谁？", None),
    ("zh", "outside", "壁仞科技总部在哪个城市？", None),
    ("zh", "outside", "摩尔线程的估值是多少？", None),
    ("zh", "quarter", "2023年第三季度发布了哪些芯片？", None),
    ("zh", "quarter", "英伟达2023年下半年发布了哪些芯片？", None),
    ("zh", "month", "摩尔线程2024年6月完成了哪轮融资？", Note(MT_YEAR_ONLY)),
    ("zh", "undated", "寒武纪最新的芯片是哪款？", Note(CAMBRICON_UNDATED)),
    ("zh", "undated", "寒武纪2023年发布了哪些芯片？", Note(CAMBRICON_UNDATED)),
    ("zh", "relation", "英伟达的客户有哪些？", None),
    ("zh", "relation", "壁仞科技的竞争对手有哪些？", None),
    ("zh", "relation", "英特尔收购了哪些公司？", None),
    ("zh", "relation", "寒武纪的合作伙伴有哪些？", None),
    ("zh", "modality", "中芯国际制造的唯一一款芯片是什么？", None),
    ("zh", "modality", "哪些厂商不再依赖台积电？", None),
    ("zh", "modality", "据传哪些芯片采用HBM4？", None),
    ("zh", "modality", "哪些厂商预计将依赖中芯国际？", None),
    ("zh", "modality", "预计2025年发布的芯片有哪些？", None),
    ("zh", "modality", "哪些厂商据报道依赖中芯国际？", None),
    ("zh", "first", "摩尔线程最早的投资方是谁？", Note(r"Private round")),
    ("zh", "currency", "燧原科技和摩尔线程一共融了多少钱？", Note(r"USD.*CNY|CNY.*USD")),
    # near-misses
    ("zh", "near", "总部在中国的厂商有哪些？", CN_VENDORS),
    ("zh", "near", "哪些中国厂商依赖中芯国际？", CN_SMIC),
    ("zh", "near", "参与壁仞科技A轮的投资方有哪些？", BIREN_A),
    ("zh", "near", "壁仞科技A轮融了多少钱？", BIREN_A_AMOUNT),
    ("zh", "near", "IDG资本领投的壁仞科技那一轮融资金额是多少？", BIREN_A_AMOUNT),
    ("zh", "near", "摩尔线程2024年完成了哪些融资？", MT_2024),
    ("zh", "near", "哪些投资方投资了摩尔线程？", inv("aid:moore-threads")),
    ("zh", "undated", "海光最新的芯片是哪款？", Note(r"深算一号|DCU Z100")),
    ("zh", "month", "寒武纪2017年3月完成了哪轮融资？", Note(r"Series A")),
    ("zh", "share", "红杉中国投资了摩尔线程多少钱？", None),
    ("zh", "modality", "哪些厂商原先依赖三星？", None),
    ("zh", "near", "腾讯领投的燧原科技那轮融资金额是多少？", ENFLAME_PRE_A_AMOUNT),
    ("zh", "near", "预计2029年中国AI芯片市场规模是多少？", market("China AI chip market", 2029)),
]


def verdict(env, q: str, spec: object) -> tuple[str, str]:
    """'right', 'declined' (an answer was expected) or 'wrong', with the reason."""
    import re
    from api.ask import answer
    store, gold, kgeval = env
    got = answer(q, store)
    if isinstance(spec, Note):
        if got.get("understood") is False:
            return "right", ""
        if not re.search(spec.says, got.get("message") or ""):
            return "wrong", f"answered without saying {spec.says!r}: {got.get('message')!r}"
        if spec.body is None:
            return "right", ""
        spec = spec.body
    ok, why = kgeval.judge(_item(gold, q, spec), got)
    if ok:
        return "right", ""
    return ("declined" if got.get("understood") is False else "wrong"), why


def _id(i: int, c) -> str:
    vals = c.values if hasattr(c, "values") else c
    return f"{vals[0]}-{vals[1]}-{i}"


@pytest.mark.parametrize("lang,category,q,spec", CASES, ids=[_id(i, c) for i, c in enumerate(CASES)])
def test_probe_caveat(env, lang: str, category: str, q: str, spec: object):
    kind, why = verdict(env, q, spec)
    assert kind == "right", f"{lang} {category}: {q} -> {kind}: {why}"
