"""Extraction end to end: the seed article scored by kgeval, the gold-annotated corpus per language,
relations in each language, and negated or rumoured statements kept out."""
from __future__ import annotations

import pytest

from ingest.evaluate import score_corpus
from ingest.extract import extract
from ingest.readers import RawDocument


def facts_of(text: str) -> set[tuple]:
    ex = extract(RawDocument("<test>", text))
    return {(f.subject, f.predicate, f.object) for r in ex.results for f in r.facts}


@pytest.mark.slow
def test_extraction_seed_precision_recall(shared, kgeval, tmp_path):
    from argparse import Namespace

    from ingest.run import ingest_paths
    from kg.store import open_store
    store = open_store(":memory:")
    ingest_paths([str(shared / "seeds" / "000_196d712830577bd6.txt")], store)
    out = tmp_path / "seed.nq"
    out.write_bytes(store.export("nquads"))
    res = kgeval.eval_extraction(Namespace(graph=str(out), gold=str(shared / "eval" / "seed-gold.tsv"),
                                           figures=str(shared / "eval" / "seed-figures.tsv"), funding=None))
    for part in ("entities", "relations", "figures"):
        assert res[part]["precision"] >= 0.9 and res[part]["recall"] >= 0.9, (part, res[part], res["misses"])


@pytest.mark.slow
def test_extraction_corpus_gold_per_language(shared):
    res = score_corpus()
    assert set(res["languages"]) == {"en", "ja", "zh"}
    for lang, s in res["languages"].items():
        # the target: overall F1 >= 0.85 per language
        assert s["f1"] >= 0.85, (lang, s)


@pytest.mark.parametrize("text,fact", [
    ("Moore Threads unveiled the MTT S4000 accelerator in 2023.", ("id:moore-threads-mtt-s4000", "designedBy", "id:moore-threads")),
    ("摩尔线程发布了MTT S4000芯片。", ("id:moore-threads-mtt-s4000", "designedBy", "id:moore-threads")),
    ("ムーアスレッドはMTT S4000を発表した。", ("id:moore-threads-mtt-s4000", "designedBy", "id:moore-threads")),
    ("The H100 is manufactured by TSMC on its 4N process.", ("id:nvidia-h100", "fabricatedBy", "id:tsmc")),
    ("昇腾910B由中芯国际代工。", ("id:huawei-ascend-910b", "fabricatedBy", "id:smic")),
])
def test_extraction_relations_in_three_languages(text, fact):
    assert fact in facts_of(text)


@pytest.mark.parametrize("text", [
    "The H100 is not manufactured by Samsung.",
    "据传昇腾910C由台积电代工。",
    "昇腾910Cは台積電が製造しているとみられる。",
    "The MI300X is reportedly fabricated by Samsung.",
])
def test_extraction_negated_or_rumoured_is_not_a_fact(text):
    assert not [f for f in facts_of(text) if f[1] in ("fabricatedBy", "manufacturedOn")]


@pytest.mark.parametrize("text,fact", [
    ("Lumina Semiconductor unveiled the LX200 accelerator, made by TSMC on its 5nm process.",
     ("new:chip:LX200", "designedBy", "new:org:Lumina Semiconductor")),
    ("芯动科技发布了风华2号GPU，该芯片采用台积电7纳米工艺制造。", ("new:chip:风华2号", "manufacturedOn", "id:tsmc-n7")),
    ("サムスン電子は3nmプロセスでTenstorrentのチップを製造する。", ("id:tenstorrent", "reliesOn", "id:samsung-3nm")),
])
def test_extraction_names_not_in_vocabulary(text, fact):
    assert fact in facts_of(text)


@pytest.mark.parametrize("text,year,value,forecast,growth", [
    ("据IDC预测，2027年中国AI芯片市场规模将达到2000亿元，同比增长25%。", "2027", "200000000000", "true", "0.25"),
    ("According to Gartner, the global AI chip market reached $53.4 billion in 2023.", "2023", "53400000000", "false", None),
])
def test_extraction_market_figures(text, year, value, forecast, growth):
    ex = extract(RawDocument("<test>", text))
    got = {f.predicate: f.object for r in ex.results for f in r.facts}
    assert (got["year"], got["value"], got["isForecast"]) == (year, value, forecast)
    assert got.get("growthRate") == growth


@pytest.mark.slow
def test_extraction_heldout_gold_per_language(shared):
    from tests.conftest import FIXTURES
    res = score_corpus(FIXTURES / "heldout")
    assert set(res["languages"]) == {"en", "ja", "zh"}
    for lang, s in res["languages"].items():
        assert s["f1"] >= 0.85, (lang, s)


@pytest.mark.parametrize("text,fact", [
    ("AMD unveiled the MI300X in 2023.", ("id:amd-mi300x", "announcedIn", "2023")),
    ("摩尔线程于2023年12月发布MTT S4000。", ("id:moore-threads-mtt-s4000", "announcedIn", "2023")),
    ("The H200 carries 141GB of HBM3e memory.", ("id:nvidia-h200", "memoryType", "HBM3e")),
    ("MTT S4000 は GDDR6 を搭載する。", ("id:moore-threads-mtt-s4000", "memoryType", "GDDR6")),
])
def test_extraction_announcement_year_and_memory(text, fact):
    assert fact in facts_of(text)


@pytest.mark.parametrize("text,amount", [
    ("Tenstorrent raised a $693 million Series D, valuing the company at more than $2.6 billion.", "693000000"),
    ("沐曦の IPO による調達額は 41 億 9,700 万元となった。", "4197000000"),
])
def test_extraction_round_amount_is_not_the_valuation(text, amount):
    got = {f.predicate: f.object for r in extract(RawDocument("<test>", text)).results for f in r.facts}
    assert got.get("amount") == amount


@pytest.mark.parametrize("text,fact", [
    ("enflame technology は、tencent が主導するシリーズ c ラウンドで 18 億元を調達したと発表しました。",
     ("round:id:enflame:Series C", "leadInvestor", "id:tencent")),
    ("沐曦集成电路完成10亿元Pre-B轮融资，由中国移动旗下基金领投。", ("round:id:metax:Pre-Series B", "amount", "1000000000")),
])
def test_extraction_funding_in_japanese_and_chinese(text, fact):
    assert fact in facts_of(text)


def test_extraction_next_generation_is_another_chip():
    facts = facts_of("Groq's LPU is manufactured by GlobalFoundries on 14nm; "
                     "the next-generation chip will use Samsung's 4nm process.")
    assert ("id:groq-lpu", "manufacturedOn", "id:samsung-4nm") not in facts


@pytest.mark.slow
def test_extraction_second_heldout_gold_per_language(shared):
    """tests/fixtures/heldout2 was written after the rules, by someone who never saw them; first score
    on it: en 0.836, ja 0.925, zh 0.773 (before the fixes its errors pointed to)."""
    from tests.conftest import FIXTURES
    res = score_corpus(FIXTURES / "heldout2")
    for lang, s in res["languages"].items():
        assert s["f1"] >= 0.80, (lang, s)


def test_investors_after_a_bullet_head_invest_in_the_head_company():
    text = ("Deal tracker\n\n* Tenstorrent - Series D, December 2024: Investors included Samsung and AFW Partners.\n\n"
            "* Groq - 2020: D1 Capital and TDK Ventures invested in the inference-chip startup.\n")
    got = facts_of(text)
    assert ("id:d1-capital", "investedIn", "id:groq") in got and ("id:tdk-ventures", "investedIn", "id:groq") in got
    assert not any(s == "id:groq" and p == "investedIn" for s, p, o in got)


def test_japanese_kochira_points_back_at_the_chip():
    text = ("MetaのAIチップ\n\n・MTIA v2：2024年4月に発表された次の世代。こちらもMetaの設計で、製造は引き続きTSMC、プロセスは5nmです。\n")
    got = facts_of(text)
    assert any(s == "id:meta-mtia-v2" and p == "manufacturedOn" and "tsmc" in o for s, p, o in got), got


def test_series_siblings_inside_running_cjk_text():
    text = ("燧原科技\n\n燧原科技发布了邃思1.0芯片。2021年7月，公司发布第二代训练芯片邃思2.0，沿用格罗方德12nm工艺；"
            "公司推出了PCIe形态的云燧T10和OAM形态的云燧T11两款训练加速卡。\n")
    ex = extract(RawDocument("<t>", text))
    chips = {m.text for r in ex.results for m in r.mentions if m.kind == "chip"}
    assert {"邃思2.0", "云燧T10", "云燧T11"} <= chips, chips


def test_lowercase_round_and_cumulative_totals():
    text = ("moore threads\n\nin september 2023, moore threads completed the b+ round financing of about 1 billion yuan. "
            "before listing, the cumulative financing of the company exceeded 10 billion yuan.\n")
    got = facts_of(text)
    assert any(p == "roundName" and o == "Series B+" for s, p, o in got), got
    assert not any(p == "roundName" and o == "Pre-IPO" for s, p, o in got), got


@pytest.mark.parametrize("text,wrong,right", [
    # the foundry after "由…代工" makes the chip; the chip's own name says who designs it
    ("公司第一代产品昆仑芯1代基于自研XPU架构，由三星晶圆代工以14纳米工艺制造，并采用三星的I-Cube封装技术；",
     ("id:kunlunxin-kunlun-1", "designedBy", "id:samsung"), ("id:kunlunxin-kunlun-1", "designedBy", "id:kunlunxin")),
    # the manufacturing cue names TSMC; Intel is only the event's name
    ("Gaudi 3：2024年4月在Intel Vision大会上发布，制造工艺升级为台积电5纳米（N5），配备128GB HBM2e。",
     ("id:intel-gaudi-3", "fabricatedBy", "id:intel"), ("id:intel-gaudi-3", "fabricatedBy", "id:tsmc")),
    # 製品 (product) is not 製 (made by)
    ("米インテルは年次イベント「Intel Vision」で、AI アクセラレーターの新製品「Gaudi 3」を発表した。",
     ("id:intel-gaudi-3", "fabricatedBy", "id:intel"), ("id:intel-gaudi-3", "designedBy", "id:intel")),
    # the dependence cue is about TSMC in its own clause, not Intel in the next one
    ("AMD和英特尔的旗舰加速器同样依赖台积电代工，其中英特尔还形成了自有工艺与台积电的混合模式。",
     ("id:amd", "reliesOn", "id:intel"), ("id:amd", "reliesOn", "id:tsmc")),
])
def test_extraction_foundry_roles_stay_with_their_cue(text, wrong, right):
    got = facts_of(text)
    assert wrong not in got and right in got, got


def test_paragraph_referring_back_to_the_title_company_is_about_it(tmp_path):
    from ingest.readers import read
    doc = tmp_path / "zh_notice.txt"
    doc.write_text("title: 壁仞科技 关于H股挂牌上市的公告\n\n"
                   "本公司主要从事通用GPU芯片的研发。于2022年8月发布的BR100采用GPGPU架构，并由台积电以7纳米工艺代工生产。\n",
                   encoding="utf-8")
    ex = extract(read(doc))
    got = {(f.subject, f.predicate, f.object) for r in ex.results for f in r.facts}
    assert ("id:biren-br100", "designedBy", "id:biren-technology") in got, got
    assert ("id:biren-br100", "designedBy", "id:tsmc") not in got, got


def test_chips_stay_in_view_across_one_sentence_without_names():
    text = ("さらにエヌビディアは2024年3月、次世代の「B200」を発表した。2つのダイを1つのパッケージに収めた構成で、"
            "192GBのHBM3eを備える。製造はTSMCが担い、カスタム版の4NPプロセスが使われる。")
    got = facts_of(text)
    assert ("id:nvidia-b200", "fabricatedBy", "id:tsmc") in got, got
    # two sentences without a chip: the chips are out of view
    far = text.replace("製造は", "価格は未定だ。製造は")
    assert ("id:nvidia-b200", "fabricatedBy", "id:tsmc") not in facts_of(far)


@pytest.mark.parametrize("text", [
    "米調査会社ガートナーによると、AI向け半導体の世界売上高は2023年に534億ドルとなる見通しだ。",
    "据Gartner统计，用于AI的芯片全球营收2023年为534亿美元。",
    "Gartner said the market for semiconductors for AI reached $53.4 billion in 2023.",
])
def test_market_named_as_chips_for_ai(text):
    got = facts_of(text)
    assert any(p == "value" and o == "53400000000" for _, p, o in got), got


def test_listing_date_total_proceeds_and_hearsay_figures():
    text = ("Biren Technology listed on the Hong Kong stock exchange on January 2, 2026, and the total fundraising is "
            "about 5.58 billion Hong Kong dollars. On January 8, 2026, Iluvatar CoreX also listed in Hong Kong. "
            "Its IPO raised 3.48 billion Hong Kong dollars; some other media said about 3.677 billion Hong Kong "
            "dollars.")
    got = facts_of(text)
    assert ("round:id:biren-technology:IPO", "amount", "5580000000") in got, got
    assert ("round:id:iluvatar-corex:IPO", "date", "2026-01") in got, got
    assert ("round:id:iluvatar-corex:IPO", "amount", "3480000000") in got, got
    assert not [f for f in got if f[2] == "3677000000"], got


@pytest.mark.slow
@pytest.mark.parametrize("folder,floors", [
    ("dev_invented4", {"en": 0.95, "ja": 0.90, "zh": 0.92}),
    ("dev_invented5", {"ja": 0.92, "zh": 0.93}),
    ("heldout6", {"ja": 0.93, "zh": 0.95}),
])
def test_extraction_development_sets_written_blind_hold_their_gains(shared, folder, floors):
    """Written blind on 2026-12-06 and then tuned on (first scores: dev_invented4 0.704/0.870/0.915,
    dev_invented5 ja 0.788 zh 0.831, heldout6 ja 0.828 zh 0.893); the floors sit ~0.03 under the last
    scores, so a later rule that undoes a fix shows here. They say nothing about unseen text (tests/fixtures/sealed2 does)."""
    from tests.conftest import FIXTURES
    res = score_corpus(FIXTURES / folder)
    assert set(res["languages"]) == set(floors)
    for lang, s in res["languages"].items():
        assert s["f1"] >= floors[lang], (folder, lang, s)
