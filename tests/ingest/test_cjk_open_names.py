"""Japanese and Chinese names no vocabulary knows, found by the words around them (ingest/components/cjk_names.py,
issue 12): a quoted name after its kind word, a name ending in a word that says what it is, a place in brackets
that is no company, a name cut short. Invented names only."""
from __future__ import annotations

from ingest.extract import extract
from ingest.readers import RawDocument


def mentions(text: str) -> list:
    ex = extract(RawDocument("<test>", text))
    return [m for r in ex.results for m in r.mentions]


def test_a_quoted_name_after_an_architecture_word_is_an_architecture():
    ms = mentions("ミナギ・ロジックは独自のマイクロアーキテクチャ「アサツユ」を採用した推論チップ「MN-5」を開発した。")
    arch = [m for m in ms if m.kind == "arch" and m.text == "アサツユ"]
    assert arch and arch[0].types == ("Microarchitecture",), [(m.text, m.kind) for m in ms]


def test_a_quoted_name_after_a_cluster_word_is_a_cluster():
    ms = mentions("チップを2048個つないだ計算基盤「ミナギ・タワー」を来年稼働させる。")
    assert any(m.kind == "cluster" and m.text == "ミナギ・タワー" for m in ms), [(m.text, m.kind) for m in ms]


def test_a_kanji_name_ending_in_an_investing_word_stands_as_an_investor():
    ms = mentions("同社は地銀系ファンドの白浜あおぞら投資などから累計で約40億円を調達している。")
    inv = [m for m in ms if m.text == "白浜あおぞら投資"]
    assert inv and inv[0].extra.get("standing") == "Investor", [(m.text, m.kind, m.extra) for m in ms]
    assert not any(m.text.startswith("地銀") for m in ms if m.kind == "org")


def test_a_description_and_a_place_in_brackets_are_no_organisations():
    ms = mentions("半導体設計スタートアップのヨイマチ・デバイス（大阪・北区）は、新型半導体「YM-3」を発表した。")
    orgs = {m.text for m in ms if m.kind == "org"}
    assert "大阪・北区" not in orgs and "新型半導体" not in orgs, orgs


def test_a_chinese_research_firm_is_found_by_its_last_word():
    ms = mentions("据第三方机构澄岚咨询统计，2025年中国边缘AI芯片市场规模达到300亿元。")
    firm = [m for m in ms if m.text == "澄岚咨询"]
    assert firm and firm[0].extra.get("standing") == "ResearchFirm", [(m.text, m.kind, m.extra) for m in ms]


def test_a_phrase_ending_in_investment_is_no_investor():
    ms = mentions("该交易不构成投资，公司表示将追加投资扩产。")
    assert not any(m.extra.get("standing") for m in ms), [(m.text, m.extra) for m in ms]


def test_a_chinese_chip_written_with_its_makers_brand_keeps_the_brand():
    ms = mentions("澜屿智能发布训练芯片澜屿K50。上一代产品澜屿K30于2024年发布，采用台积电7纳米工艺。")
    chips = {m.text for m in ms if m.kind == "chip"}
    assert {"澜屿K50", "澜屿K30"} <= chips, chips


def test_a_name_ending_in_a_chip_word_stands_as_a_chip_vendor_and_a_region_does_not():
    ms = mentions("名古屋に本社を置く白鷺半導体は、アジア半導体市場で存在感を高めている。")
    vendor = [m for m in ms if m.text == "白鷺半導体"]
    assert vendor and vendor[0].extra.get("standing") == "ChipVendor", [(m.text, m.extra) for m in ms]
    assert not any(m.text.startswith("アジア") for m in ms if m.kind == "org"), [(m.text, m.extra) for m in ms]


def test_a_quoted_architecture_is_written_even_where_no_chip_uses_it():
    ms = mentions("当社が独自に設計したNPUアーキテクチャ「ハマナス」を搭載しています。")
    arch = [m for m in ms if m.kind == "arch" and m.text == "ハマナス"]
    assert arch and arch[0].extra.get("standing"), [(m.text, m.kind, m.extra) for m in ms]


def test_the_nouns_before_a_legal_form_are_one_registered_company():
    ms = mentions("同社は、画像処理IPを手がけるカモメ・デザイン株式会社と、ヨツバ物流機器株式会社に出資した。")
    orgs = {m.text: m for m in ms if m.kind == "org"}
    assert "カモメ・デザイン株式会社" in orgs and "ヨツバ物流機器株式会社" in orgs, list(orgs)
    assert orgs["ヨツバ物流機器株式会社"].extra.get("standing") == "Organization"


def test_an_adjective_may_open_a_chinese_fund_name_but_a_phrase_does_not():
    ms = mentions("本轮由苍岭资本领投。该公司表示，将以此重新进入资本市场视野，并感谢广大投资者。")
    standing = {m.text for m in ms if m.extra.get("standing")}
    assert "苍岭资本" in standing and not any("进入" in t or t.startswith("广大") for t in standing), standing


def test_a_number_inside_a_japanese_fund_name_belongs_to_it():
    ms = mentions("シードラウンドで「みなと2号投資事業有限責任組合」から出資を受けています。")
    fund = [m for m in ms if m.text == "みなと2号投資事業有限責任組合"]
    assert fund and fund[0].extra.get("standing") == "Investor", [(m.text, m.extra) for m in ms]


def test_a_chinese_name_ends_with_the_last_word_that_says_what_it_is():
    ms = mentions("据云岫研究院测算，2026年中国AI加速卡市场规模约为1200亿元。本轮由白沙产业投资基金领投。")
    names = {m.text: m for m in ms if m.kind == "org"}
    assert "云岫研究院" in names and names["云岫研究院"].extra.get("standing") == "ResearchFirm", list(names)
    assert "白沙产业投资基金" in names and "白沙产业投资" not in names, list(names)


def test_a_financial_adviser_named_like_a_fund_is_no_investor():
    ms = mentions("本轮由苍岭资本领投，白岩资本担任本轮独家财务顾问。")
    adviser = [m for m in ms if m.text == "白岩资本"]
    assert adviser and adviser[0].extra.get("standing") == "Organization", [(m.text, m.extra) for m in ms]


def test_the_japanese_subject_of_a_chip_launch_is_a_chip_vendor():
    ms = mentions("ヒバリ・ワークス（大阪・北区）は、推論チップ「HW-3」を発売した。")
    vendor = [m for m in ms if m.text == "ヒバリ・ワークス"]
    assert vendor and vendor[0].extra.get("standing") == "ChipVendor", [(m.text, m.extra) for m in ms]


def test_a_japanese_topic_with_a_date_after_it_is_the_subject_of_the_launch():
    ex = extract(RawDocument("<test>", "ヒバリ・ワークス（大阪・北区）は10日、生成AI向けの新型半導体「HW-3」を来春から量産すると発表した。"))
    fs = {(f.subject, f.predicate, f.object) for r in ex.results for f in r.facts}
    assert ("new:chip:HW-3", "designedBy", "new:org:ヒバリ・ワークス") in fs, fs


def test_the_subject_of_a_machine_translated_launch_designs_the_chip():
    text = "中国 の minghe semiconductor （明河半导体） は 、smic の n+2 プロセス で 製造 される 学習 用 チップ mh-t5 の 出荷 を 開始 した 。"
    ex = extract(RawDocument("<test>", text))
    fs = {(f.subject, f.predicate, f.object) for r in ex.results for f in r.facts}
    assert any(p == "designedBy" and o == "new:org:minghe semiconductor" for _, p, o in fs), fs


def test_a_chip_named_as_a_companys_new_chip_is_its_design():
    ex = extract(RawDocument("<test>", "ミサゴの新チップ「ハヤテ」を試してきた。"))
    fs = {(f.subject, f.predicate, f.object) for r in ex.results for f in r.facts}
    assert any(s == "new:chip:ハヤテ" and p == "designedBy" for s, p, _ in fs), fs
