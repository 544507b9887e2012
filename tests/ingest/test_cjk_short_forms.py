"""A company called later by a short form of its name, and names that go on past their first trade word (issue 12,
name-swapped evaluation): a Japanese katakana name without its group or trade word, the first katakana word of a
longer name not cut out of it, a Chinese name with two trade words, a company opening a sentence after a date.
Invented names and sentences only."""
from __future__ import annotations

from tests.ingest.test_cjk_names import facts, labels


def _keys(text: str) -> dict:
    from ingest.extract import extract
    from ingest.readers import RawDocument
    return {m.text: m.key for r in extract(RawDocument("<t>", text)).results for m in r.mentions if m.kind == "org"}


def test_a_katakana_company_is_called_later_without_its_group_word():
    text = ("カザハヤ集団は2024年の開発者会議で推論チップ「KZ-3」を発表した。"
            "KZ-3は自社設計で、量産は来年の予定だ。一方、カザハヤは製造委託先を明らかにしていない。")
    assert "カザハヤ" in labels("new:org:カザハヤ集団", text), _keys(text)


def test_a_katakana_company_without_its_trade_word_holds_shares():
    text = ("トウゲン半導体は新型AIチップ「TG-7」を発表した。"
            "関係者によると、トウゲンはミズナラ・デバイスの株式5%を保有している。")
    ks = _keys(text)
    assert ks.get("トウゲン") == "new:org:トウゲン半導体", ks


def test_a_company_short_form_holds_shares_of_the_name_before_the_possessive():
    text = ("調査メモ：カツラギの戦略とミズナラ・シリコンへの出資\n\nカツラギ集団は推論チップ「KT-8」を発表した。\n\n"
            "一方、カツラギはミズナラ・シリコン（Mizunara Silicon）の株主でもある。")
    fs = facts(text)
    assert ("new:org:カツラギ集団", "investedIn", "new:org:ミズナラ・シリコン") in fs, fs
    assert ("new:org:ミズナラ・シリコン", "investedIn", "new:org:カツラギ集団") not in fs, fs


def test_a_chinese_holder_before_the_possessive_shareholder_cue():
    text = "岑峰科技发布了推理芯片CF-30。另外，枫汀资本也是澄屿半导体的股东。"
    fs = facts(text)
    assert ("new:org:枫汀资本", "investedIn", "new:org:澄屿半导体") in fs, fs
    assert ("new:org:澄屿半导体", "investedIn", "new:org:枫汀资本") not in fs, fs


def test_a_chinese_name_with_two_trade_words_is_one_name():
    text = "澜汐半导体科技今日宣布完成3亿元B轮融资，由岑川资本领投。"
    fs = facts(text)
    assert any(s.startswith("round:new:org:澜汐半导体科技") and p == "fundedCompany" for s, p, _ in fs), fs
    assert not any(s.startswith("round:new:org:澜汐半导体:") for s, _, _ in fs), fs


def test_a_company_after_a_date_opens_its_funding_sentence():
    text = ("霁岩科技是一家GPU设计公司。霁岩科技发布了训练芯片JY-20。"
            "2022年5月，岭澈智芯完成2亿元A轮融资，由枫堤资本领投。")
    fs = facts(text)
    assert any(s.startswith("round:new:org:岭澈智芯") and p == "fundedCompany" for s, p, _ in fs), fs
    assert not any(s.startswith("round:new:org:霁岩科技") for s, _, _ in fs), fs


def test_a_japanese_company_after_a_date_opens_its_funding_sentence():
    text = ("ツルギ・セミコンダクターは推論チップ「TR-5」を発表した。"
            "2023年、ハルカゼ・コンピュートはシリーズAで20億円を調達した。")
    fs = facts(text)
    assert any(s.startswith("round:new:org:ハルカゼ・コンピュート") and p == "fundedCompany" for s, p, _ in fs), fs


def test_a_bare_coined_chinese_name_that_launches_a_coded_chip_is_its_designer():
    text = ("澈岚是国内较早布局AI推理芯片的企业之一。"
            "2021年，澈岚推出面向边缘计算的星渡R210，该芯片由台积电16nm工艺代工。此后澈岚又推出了多款产品。")
    fs = facts(text)
    assert ("new:chip:星渡R210", "designedBy", "new:org:澈岚") in fs, fs
    assert "澈岚" in labels("new:org:澈岚", text)


def test_common_words_before_a_launch_are_no_coined_name():
    text = "目前推出的产品主要面向数据中心。国内是全球最大的芯片市场之一。公司推出面向推理的新品。"
    orgs = {k for k in _keys(text).values()}
    assert not any(k.startswith("new:org:") and not k.startswith("new:org:公司") for k in orgs), orgs
