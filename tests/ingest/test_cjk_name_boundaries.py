"""Where a Chinese or Japanese name ends and whose fact a sentence states (issue 12, name-swapped evaluation): a
guess that swallows the first character of the next word, a verb glued before a name, a chip's other name in
brackets, a second company's listing inside a document about another. Invented names and sentences only."""
from __future__ import annotations

from tests.ingest.test_cjk_names import facts


def _mentions(text: str, kind: str) -> set:
    from ingest.extract import extract
    from ingest.readers import RawDocument
    return {m.text for r in extract(RawDocument("<t>", text)).results for m in r.mentions if m.kind == kind}


def test_a_chip_name_does_not_end_in_the_next_word():
    text = ("2022年6月，公司正式发布曜川5代（VEX Ultra 5）。曜川5代被称为国内首款自主研发的云端训练芯片。"
            "公司官方资料显示，曜川5代基于完全自研的GPGPU架构。")
    chips = _mentions(text, "chip")
    assert "曜川5代" in chips and not any(c.startswith("曜川5代") and c != "曜川5代" for c in chips), chips
    orgs = _mentions(text, "org")
    assert not any(o.startswith("曜川") for o in orgs), orgs  # a generation number ends a chip's name


def test_a_verb_before_a_company_name_is_not_part_of_it():
    text = "青屿算力于去年发布QY-9加速卡，对标溯川微电子的旗舰产品TX-5。"
    orgs = _mentions(text, "org")
    assert "溯川微电子" in orgs and "标溯川微电子" not in orgs, orgs


def test_a_chinese_chip_and_its_latin_name_in_brackets_are_one_chip():
    text = ("2021年3月，澄岳科技在深圳正式发布澜岫9代（KORA Max 9，简称KM）。"
            "澜岫9代采用台积电7nm工艺。")
    fs = facts(text)
    assert any(s == "new:chip:澜岫9代" and p == "designedBy" for s, p, _ in fs), fs
    assert any(s == "new:chip:澜岫9代" and p == "fabricatedBy" for s, p, _ in fs), fs
    assert not any(s == "new:chip:KORA Max 9" for s, _, _ in fs), fs


def test_another_company_listed_inside_a_document_about_one():
    text = ("瀚岭智芯于2026年3月在科创板挂牌上市，募资30亿元。瀚岭智芯是国内GPU厂商之一。"
            "就在两周前，砾川科技于2026年3月2日在港交所上市，募资约12亿港元。")
    fs = facts(text)
    assert ("round:new:org:砾川科技:IPO", "fundedCompany", "new:org:砾川科技") in fs, fs
    assert ("round:new:org:瀚岭智芯:IPO", "amount", "1200000000") not in fs, fs


def test_two_companies_listed_in_one_sentence_each_have_their_listing():
    text = ("瀚岭智芯于2026年3月在科创板挂牌上市。瀚岭智芯是国内GPU厂商之一。"
            "此前的2025年11月，砾川科技和澄溯电子则先后在科创板上市。")
    fs = facts(text)
    assert ("round:new:org:砾川科技:IPO", "fundedCompany", "new:org:砾川科技") in fs, fs
    assert ("round:new:org:澄溯电子:IPO", "fundedCompany", "new:org:澄溯电子") in fs, fs


def test_a_japanese_holder_of_shares_in_the_company_before_the_possessive():
    text = ("ミカゲ・ロジックは推論チップ「ML-4」を発表した。"
            "同社の届出書によれば、アサギリ集団は投資子会社を通じてミカゲ・ロジックの株式3.5%を保有している。")
    fs = facts(text)
    assert ("new:org:アサギリ集団", "investedIn", "new:org:ミカゲ・ロジック") in fs, fs
    assert ("new:org:ミカゲ・ロジック", "investedIn", "new:org:アサギリ集団") not in fs, fs


def test_a_preposition_glued_to_a_name_is_not_a_verb():
    text = "霁川科技完成5亿元B轮融资。本轮融资由铖昇私募基金领投，泓凤创新投资跟投。"
    orgs = _mentions(text, "org")
    assert "铖昇私募基金" in orgs and "昇私募基金" not in orgs, orgs
