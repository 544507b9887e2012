"""Chinese names bounded by jieba's word classes, and sentences that deny, list or receive (issue 12, session 7):
a brand's first character the recogniser never saw, a place or time read with the verb after it, an adverb or an
aspect particle glued before a fund, a denial later in the sentence, a Hong Kong listing said with 挂牌/全球发售,
a buyer that stays the topic. Invented names and own sentences only (not copied from any fixture)."""
from __future__ import annotations

from tests.ingest.test_cjk_name_boundaries import _mentions as mentions
from tests.ingest.test_cjk_names import facts


def test_a_brand_character_before_a_one_character_guess_belongs_to_the_chip():
    chips = mentions("青屿微电子成立于2021年。明年将推出翀岳K3。", "chip")
    assert "翀岳K3" in chips and "岳K3" not in chips, chips
    chips = mentions("云屿科技发布推理芯片岳K7。", "chip")  # (片 ends the dictionary word 芯片: no brand of its own)
    assert "岳K7" in chips and "片岳K7" not in chips, chips


def test_a_place_and_the_verb_after_it_are_no_company():
    fs = facts("2026年9月，星岚微电子在苏州举行发布会，推出推理芯片XL-3。")
    assert ("new:chip:XL-3", "designedBy", "new:org:星岚微电子") in fs, fs
    assert not any("苏州" in o for _, _, o in fs), fs


def test_a_time_and_a_verb_are_no_company():
    fs = facts("上周有媒体报道称，星岚微电子完成B轮融资。")
    assert any(p == "fundedCompany" and o == "new:org:星岚微电子" for _, p, o in fs), fs
    assert not any("上周" in s or "上周" in o for s, _, o in fs), fs


def test_an_adverb_and_a_verb_before_a_fund_are_not_its_name():
    fs = facts("据悉，霁川智能此前曾获得蓝杉资本的独家天使轮投资。")
    assert ("round:new:org:霁川智能:Angel", "investor", "new:org:蓝杉资本") in fs, fs
    fs = facts("墨川电子2025年拿过松涛创投的A轮，金额约2亿元。")  # a verb and its aspect particle: 拿过
    assert ("round:new:org:墨川电子:Series A", "investor", "new:org:松涛创投") in fs, fs
    assert not any("拿过" in s or "拿过" in o for s, _, o in fs), fs


def test_a_denial_later_in_the_sentence_takes_back_the_investment():
    fs = facts("有财经媒体称枫林资本入股了星岚微电子，但枫林资本随后辟谣，表示消息不实。")
    assert not any(p in ("investedIn", "investor", "leadInvestor") for _, p, _ in fs), fs


def test_a_listing_said_with_guapai_or_a_global_offering_is_an_ipo():
    fs = facts("溯光科技于3月5日在港交所挂牌，募资12亿港元。")
    assert ("round:new:org:溯光科技:IPO", "amount", "1200000000") in {(s, p, str(o)) for s, p, o in fs}, fs
    fs = facts("摩尔线程于12月5日在科创板挂牌上市。本次全球发售共募集资金80亿元。")
    assert ("round:id:moore-threads:IPO", "roundName", "IPO") in fs, fs


def test_a_buyer_stays_the_topic_after_its_acquisition():
    fs = facts("霁川智能发布推理芯片JC-5。同日，霁川智能宣布完成对编译器公司墨柘软件的收购。该公司表示，明年将推出JC-7。")
    assert ("new:org:霁川智能", "investedIn", "new:org:墨柘软件") in fs, fs
    assert ("new:chip:JC-7", "designedBy", "new:org:霁川智能") in fs, fs


_FILING = ("星岚微电子股份有限公司 首次公开发行股票并在创业板上市 招股说明书\n\n一、业务概况\n\n"
           "发行人的边缘推理芯片XL-5采用中芯国际14nm工艺制造。\n\n二、股东情况\n\n"
           "股东名称        持股比例\n枫林资本        12.5%\n小米创投        8.0%\n百度资本        3.1%\n\n三、本次发行\n\n"
           "发行人股票于2025年3月在深圳证券交易所创业板上市，募集资金总额12亿元。\n")
_ISSUER = "new:org:星岚微电子股份有限公司"


def test_a_filing_title_names_what_its_issuer_word_stands_for():
    fs = facts(_FILING)
    assert ("new:chip:XL-5", "designedBy", _ISSUER) in fs, fs
    assert (f"round:{_ISSUER}:IPO", "amount", "1200000000") in {(s, p, str(o)) for s, p, o in fs}, fs


def test_a_shareholder_table_says_who_holds_the_company_and_a_fund_is_not_its_parent():
    fs = facts(_FILING)
    for fund in ("枫林资本", "小米创投", "百度资本"):
        assert (f"new:org:{fund}", "investedIn", _ISSUER) in fs, fs
    assert not any(s in ("id:baidu", "id:xiaomi") or o in ("id:baidu", "id:xiaomi") for s, _, o in fs), fs


def test_a_two_column_table_without_a_holder_column_holds_nothing():
    fs = facts("星岚微电子完成B轮融资。\n\n芯片名称        工艺\nXL-5        中芯国际14nm\nXL-7        中芯国际7nm\n")
    assert not any(p == "investedIn" for _, p, _ in fs), fs


def test_a_name_may_open_on_zhong():
    fs = facts("中科星澜科技股份有限公司完成3亿元B轮融资，由枫林资本领投。")
    assert any(p == "fundedCompany" and o == "new:org:中科星澜科技股份有限公司" for _, p, o in fs), fs


def test_the_short_name_before_a_stock_code_in_brackets_stands_for_the_company():
    fs = facts("广州溯光半导体股份有限公司（溯光，02233.HK）今日在港交所挂牌。溯光发布的推理芯片SG-3采用台积电7nm工艺。")
    assert ("new:chip:SG-3", "designedBy", "new:org:广州溯光半导体股份有限公司") in fs, fs


def test_an_aspect_particle_jieba_glues_to_the_fund_is_not_its_name():
    fs = facts("墨川电子成立第二年拿过翊川资本管理（深圳）有限公司的天使轮。")
    assert ("round:new:org:墨川电子:Angel", "investor", "new:org:翊川资本管理（深圳）有限公司") in fs, fs

