"""Japanese and Chinese names written twice or taken back (issue 12): a name with its other-script form in
brackets, a quoted chip name with its reading, 同社/该公司 sentences that go on about the chip just named, a
foundry named with its own process node, an owner before its investing unit, market figures and their
conversions, lists, spaced machine translation. Invented names where the vocabulary would not matter."""
from __future__ import annotations

from ingest.extract import extract
from ingest.readers import RawDocument
from tests.ingest.test_rel_roles import rounds_of, the_round


def facts(text: str) -> set:
    ex = extract(RawDocument("<test>", text))
    return {(f.subject, f.predicate, f.object) for r in ex.results for f in r.facts}


def labels(key: str, text: str) -> set:
    ex = extract(RawDocument("<test>", text))
    return {m.text for r in ex.results for m in r.mentions if m.key == key}


def test_a_katakana_name_with_its_latin_name_in_brackets_is_one_company():
    text = ("半導体スタートアップのエッジコア（EdgeCore）は、シリーズAで25億円を調達した。"
            "エッジコアは推論チップ「EC-1」を開発し、サムスン電子の8ナノで生産している。")
    fs = facts(text)
    assert ("new:chip:EC-1", "designedBy", "new:org:エッジコア") in fs, fs
    assert ("new:chip:EC-1", "designedBy", "id:samsung") not in fs, fs  # named with its node: the maker
    assert {"エッジコア", "EdgeCore"} <= labels("new:org:エッジコア", text)


def test_a_quoted_chip_name_with_its_reading_is_the_name_before_the_brackets():
    text = ("ソラリス・セミコンダクターは推論向けチップ「星雲（セイウン）」を開発した。"
            "星雲はNPUアーキテクチャを採用する。")
    fs = facts(text)
    assert ("new:chip:星雲", "usesArchitecture", "id:arch-npu") in fs, fs
    assert not any(s.startswith("new:chip:星雲（") for s, _, _ in fs), fs


def test_a_sentence_about_the_company_keeps_its_chip_in_view():
    fs = facts("ソラリス・セミコンダクターは推論チップSX-100を開発中だ。同社は製造をラピダスに委託し、2ナノで量産する。")
    assert ("new:chip:SX-100", "manufacturedOn", "id:rapidus-2nm") in fs, fs


def test_an_owner_before_its_investing_unit_is_not_party_to_the_acquisition():
    fs = facts("ソフトバンク傘下のトウカイ・インベストメントは、半導体設計のクモ・テクノロジーズを買収した。")
    assert ("new:org:トウカイ・インベストメント", "investedIn", "new:org:クモ・テクノロジーズ") in fs, fs
    assert not any(s == "id:softbank-group" for s, _, _ in fs), fs


def test_a_description_before_a_name_is_not_an_organisation():
    fs = facts("中国AI半導体の燧原科技、20億元を新たに調達")
    companies = {o for s, p, o in fs if p == "fundedCompany"}
    assert companies == {"id:enflame"}, fs


def test_a_katakana_company_is_called_by_its_first_word_later():
    fs = facts("米インテルは、イスラエルのハバナ・ラボを買収した。ハバナが開発した学習用チップ「Gaudi 2」はTSMCの7ナノで製造される。")
    assert ("id:intel-gaudi-2", "designedBy", "id:habana-labs") in fs, fs


def test_before_the_acquisition_is_a_time_not_an_acquisition():
    fs = facts("在被收购之前，Habana曾完成由英特尔投资（Intel Capital）领投的7500万美元B轮融资。")
    assert ("round:id:habana-labs:Series B", "leadInvestor", "id:intel-capital") in fs, fs
    assert not any(p == "investedIn" for _, p, _ in fs), fs


def test_the_owner_of_a_named_fund_is_not_an_investor():
    rd = the_round("ソラリス・セミコンダクターはシリーズBで50億円を調達した。"
                   "インテルの投資部門であるインテル・キャピタルが主導した。")
    assert rd["lead"] == {"インテル・キャピタル"}, rd


def test_spaced_machine_translation_still_names_the_round_and_its_investors():
    rd = the_round("星衡 智芯 的 首轮 融资 于 2020年9月 完成，投资者 是 \"青禾资本\" 和 \"远峰创投\"。")
    assert rd["date"] == "2020-09" and {"青禾资本", "远峰创投"} <= rd["investor"], rd


def test_a_later_investment_does_not_join_the_round_in_view():
    rds = rounds_of("星衡智芯科技于2020年9月完成首轮融资，由青禾资本领投。此后，该公司获得了远峰创投的投资。")
    joined = {o for k, v in rds.items() if k.startswith("round:") for o in v["investor"] | v["lead"]}
    assert "远峰创投" not in joined, rds


def test_an_item_between_two_names_of_a_list_is_a_name():
    rd = the_round("星衡智芯科技完成11亿元A轮融资，由青禾资本领投，格力、澜川金融、耀途资本等参投。")
    assert "澜川金融" in rd["investor"], rd


def test_a_bracketed_conversion_is_no_market_figure_and_growth_follows_its_figure():
    fs = facts("ガートナーの予測によると、世界のAI半導体の売上高は2023年に534億ドル（前年比20.9％増）、"
               "2024年に671億ドル（同25.6％増、約10兆円）に拡大する。")
    values = {o for s, p, o in fs if p == "value"}
    assert values == {"53400000000", "67100000000"}, fs
    growth = {(o) for s, p, o in fs if p == "growthRate"}
    assert growth == {"0.209", "0.256"}, fs
    assert {o for s, p, o in fs if p == "isForecast"} == {"true"}, fs


def test_a_two_digit_year_in_japanese_news_dates_the_round():
    text = "2025年3月20日\n\nハバナ・ラボには18年にインテル・キャピタルが主導した7500万ドルのシリーズBを実施していた。"
    assert ("round:id:habana-labs:Series B", "date", "2018") in facts(text)


def test_all_the_chips_just_named_take_the_architecture():
    fs = facts("グーグルは「TPU v5p」を、AWSは「Trainium2」をそれぞれ展開している。いずれもASICに分類される。")
    assert {("id:google-tpu-v5p", "usesArchitecture", "id:arch-asic"),
            ("id:aws-trainium2", "usesArchitecture", "id:arch-asic")} <= fs, fs


def test_a_comparison_relates_nothing_across_it():
    fs = facts("华为于今年4月发布CloudMatrix 384超节点，由384颗昇腾910C通过高速互联组成，对标英伟达的GB200 NVL72。")
    assert ("id:huawei-cloudmatrix-384", "builtFrom", "id:huawei-ascend-910c") in fs, fs
    assert ("id:nvidia-gb200-nvl72", "builtFrom", "id:huawei-ascend-910c") not in fs, fs


def test_hearsay_before_a_comma_covers_what_follows():
    fs = facts("星衡智芯科技完成B轮融资。值得注意的是，此前有市场消息称，澜石资本将参与星衡智芯科技的新一轮融资。")
    assert not any("澜石资本" in str(s) for s, _, _ in fs), fs


def test_an_unknown_company_opening_the_sentence_becomes_the_topic():
    fs = facts("琅嬛科技18亿元全资收购青漪微电子。交易完成后，青漪微电子将成为琅嬛科技的全资子公司。"
               "琅嬛科技成立于2018年，总部位于深圳。该公司去年推出的琅嬛LH-10由台积电以N3工艺代工。")
    assert any("LH-10" in s and p == "designedBy" and o == "new:org:琅嬛科技" for s, p, o in fs), fs


def test_a_market_table_gives_one_figure_per_row():
    text = ("表1：全球AI芯片市场规模（来源：Gartner）\n年份 | 市场规模（亿美元） | 同比增速 | 说明\n"
            "2022 | 442 | — | 实际值\n2023 | 534 | 20.9% | 预测值\n")
    fs = facts(text)
    assert {o for s, p, o in fs if p == "value"} == {"44200000000", "53400000000"}, fs
    assert ("true" in {o for s, p, o in fs if p == "isForecast"}) and "0.209" in {o for s, p, o in fs if p == "growthRate"}


def test_a_listing_table_gives_each_company_its_ipo():
    text = ("表2：国产GPU企业上市情况\n公司 | 上市板块 | 上市日期 | 募资总额 | 发行价\n"
            "摩尔线程 | 上交所科创板 | 2025-12-05 | 80亿元 | 114.28元\n沐曦股份 | 上交所科创板 | 2025-12-17 | 41.97亿元 | 104.66元\n")
    fs = facts(text)
    assert ("round:id:moore-threads:IPO", "amount", "8000000000") in fs, fs
    assert ("round:id:metax:IPO", "date", "2025-12") in fs, fs
