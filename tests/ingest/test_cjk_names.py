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
