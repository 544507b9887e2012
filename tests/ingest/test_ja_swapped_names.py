"""Japanese constructions the name-swapped evaluation showed resting on known names (ingest/swap_eval.py): with
names no vocabulary knows, the sentence's structure has to give the facts. Sentences of this test's own."""
from __future__ import annotations

from ingest.extract import extract
from ingest.readers import RawDocument

from tests.ingest.test_cjk_names import facts


def keys_of(text: str) -> dict[str, str]:
    ex = extract(RawDocument("<test>", text))
    return {m.text: m.key for r in ex.results for m in r.mentions if m.kind == "org"}


def test_other_spellings_listed_in_brackets_are_one_company():
    text = "中国のAI半導体メーカー、ミナモ・セミコンダクター（水面半導体、Minamo Semiconductor）は推論チップ「MN-3」を発表した。"
    keys = keys_of(text)
    assert keys["水面半導体"] == keys["Minamo Semiconductor"] == keys["ミナモ・セミコンダクター"], keys
    assert ("new:chip:MN-3", "designedBy", keys["ミナモ・セミコンダクター"]) in facts(text)


def test_names_in_the_same_writing_listed_in_brackets_are_others():
    keys = keys_of("持株会社のヤマブキ・ホールディングス（傘下のツツジ・ラボ、サツキ・デバイス）は決算を発表した。")
    assert keys.get("サツキ・デバイス") != keys.get("ヤマブキ・ホールディングス"), keys


def test_the_owner_named_before_its_described_product():
    fs = facts("ナギサ・コンピュートのデータセンター向けGPU「NG-400」は2025年に出荷された。")
    assert ("new:chip:NG-400", "designedBy", "new:org:ナギサ・コンピュート") in fs, fs
    fs = facts("カモメ半導体は、ナギサ・コンピュートの競合製品であるGPU「NG-400」に対抗する。")
    assert ("new:chip:NG-400", "designedBy", "new:org:ナギサ・コンピュート") not in fs, fs


def test_a_head_office_in_brackets_is_no_name():
    text = "Korvane Systems（本社：米国ワシントン州シアトル）は本日、大規模モデルの推論に向けたアクセラレーター「KV-9」を発表しました。"
    assert ("new:chip:KV-9", "designedBy", "new:org:Korvane Systems") in facts(text)
    assert not any("シアトル" in name for name in keys_of(text))


def test_a_headline_name_before_its_comma_launches():
    fs = facts("カスミ・ロジック、エッジ向け推論チップ「KL-5」を発表")
    assert ("new:chip:KL-5", "designedBy", "new:org:カスミ・ロジック") in fs, fs


def test_the_maker_a_relative_clause_names():
    fs = facts("推論向けの「QT-7」を開発するハルニレ・デバイス（Harunire Devices）も、量産を台湾の企業に委ねた。")
    assert ("new:chip:QT-7", "designedBy", "new:org:ハルニレ・デバイス") in fs, fs


def test_a_systems_company_with_its_latin_name_launches():
    fs = facts("コガラシ・システムズ（Kogarashi Systems）は、2024年3月に第2世代の「KG-20」を発表した。")
    assert ("new:chip:KG-20", "designedBy", "new:org:コガラシ・システムズ") in fs, fs


def test_a_round_word_inside_a_fund_name_names_no_round():
    fs = facts("ハヤブサ・ニューラルは6月にシリーズCで1億ドルを調達した。ミヤマ・エンジェル・ファンド（Miyama Angel Fund）が主導した。")
    names = {o for s, p, o in fs if p == "roundName"}
    assert names == {"Series C"}, fs
    assert any(p == "leadInvestor" and o == "new:org:ミヤマ・エンジェル・ファンド" for s, p, o in fs), fs


def test_the_subject_of_a_listing_sentence_is_the_company_listed():
    fs = facts("ツグミ・テクノロジーズは推論チップ「TG-1」を開発している。"
               "ハクトウ電子（Hakuto Electronics）は2025年11月に深圳証券取引所に上場し、30億元を調達した。")
    funded = {o for s, p, o in fs if p == "fundedCompany"}
    assert funded == {"new:org:ハクトウ電子"}, fs


def test_a_participant_list_goes_on_past_an_other_spelling_in_brackets():
    fs = facts("ツバクロ・ラボは2022年のシリーズAで20億円を調達した。"
               "国策系のNorthgate Harbor、コマドリ・キャピタル（Komadori Capital）、大阪のIlex Growth Fundが参加した。")
    investors = {o for s, p, o in fs if p == "investor"}
    assert {"new:org:Northgate Harbor", "new:org:コマドリ・キャピタル", "new:org:Ilex Growth Fund"} <= investors, fs


def test_a_subject_the_sentence_calls_a_company_is_the_topic():
    fs = facts("米国の半導体メーカー、ツルギ・ロジックは推論チップを開発している。同社は2024年にシリーズBで1億ドルを調達した。")
    assert ("round:new:org:ツルギ・ロジック:Series B", "fundedCompany", "new:org:ツルギ・ロジック") in fs, fs
    fs = facts("台湾のAIチップ設計会社、ミカヅキ電子（Mikazuki Electronics）は3月3日、深圳の証券取引所で取引を開始した。"
               "同社はこのIPOで25億元を調達した。")
    assert {o for s, p, o in fs if p == "fundedCompany"} == {"new:org:ミカヅキ電子"}, fs


def test_a_company_and_its_quoted_product():
    fs = facts("英Thornwick Labsの「TW-3」は昨年秋に出荷が始まった。")
    assert ("new:chip:TW-3", "designedBy", "new:org:Thornwick Labs") in fs, fs


def test_a_latin_name_cut_at_its_ampersand_runs_on():
    fs = facts("ツバクロ・ラボは2022年のシリーズAで20億円を調達した。"
               "Quarry Hill Management & Research Company、コマドリ・キャピタルが参加した。")
    investors = {o for s, p, o in fs if p == "investor"}
    assert "new:org:Quarry Hill Management & Research Company" in investors, fs


def test_a_list_item_opens_on_its_kanji_before_a_katakana_name():
    fs = facts("ミササギ・ラボは2021年に設立され、設立時には鹿島重機、若葉パートナーズ社、ヒバリ・キャピタルの3社が出資した。")
    assert ("new:org:若葉パートナーズ社", "investedIn", "new:org:ミササギ・ラボ") in fs, fs
    assert not any(s == "new:org:パートナーズ社" for s, p, o in fs), fs
