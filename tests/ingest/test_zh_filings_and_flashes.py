"""Chinese constructions of funding flashes, filings and research notes (issue 12): investor lists under role
labels on lines of their own, sole investors, advisers, planned listings, hearsay, registered partnership names,
a filing's defined "公司", table rows whose vendor cell names the company. Invented names only."""
from __future__ import annotations

import pytest

from ingest.extract import extract
from ingest.readers import RawDocument
from tests.ingest.test_rel_roles import rounds_of, the_round
from tests.ingest.test_cjk_names import facts


def mentions(text: str) -> list:
    ex = extract(RawDocument("<test>", text))
    return [m for r in ex.results for m in r.mentions]


def test_role_label_lines_add_to_the_round_just_announced():
    rd = the_round("星桥算力获2亿元B轮融资\n\n联合领投方：岩松资本、听涛创投\n\n"
                   "其他投资方（按首字母排序）：云栈基金 / 木渎资本 / 白沙创投\n")
    assert rd["company"] == "星桥算力", rd
    assert {"岩松资本", "听涛创投"} <= rd["lead"], rd
    assert {"云栈基金", "木渎资本", "白沙创投"} <= rd["investor"], rd


def test_investor_list_after_a_label_with_a_lead_mark_and_a_name_holding_xia():
    rd = the_round("瀚川微电子完成数亿元B轮融资。投资方：峰岚资本（领投）、岭下基金、云杉创投，老股东石湖资本超额跟投。")
    assert rd["lead"] == {"峰岚资本"}, rd
    assert {"岭下基金", "云杉创投", "石湖资本"} <= rd["investor"], rd


def test_a_sole_investor_and_an_adviser():
    text = ("晶湾科技宣布完成数千万元天使轮融资，由澄溪天使基金独家投资。北辰证券担任本轮独家财务顾问。")
    rd = the_round(text)
    assert rd["investor"] | rd["lead"] == {"澄溪天使基金"}, rd
    adviser = [m for m in mentions(text) if m.text == "北辰证券"]
    assert adviser and adviser[0].extra.get("standing") == "Organization", adviser


def test_a_funded_company_is_known_again_in_the_next_sentence():
    fs = facts("边缘AI芯片企业\"砚池微\"近日完成数千万元Pre-A轮融资。砚池微首款推理芯片YC-10采用台积电7纳米工艺。")
    assert ("new:chip:YC-10", "designedBy", "new:org:砚池微") in fs, fs


def test_hearsay_and_denial_give_no_investor():
    rd = rounds_of("今年5月，鹤鸣智能完成了3亿元A轮融资，由青松资本领投。"
                   "业内一度流传云岫资本也参与了本轮投资，但公司方面表示云岫资本并非股东。")
    parties = {p for v in rd.values() if isinstance(v, dict) and "lead" in v for p in v["lead"] | v["investor"]}
    assert "云岫资本" not in parties and "云岫资本" not in str(rd.get("investedIn", {})), rd


def test_a_planned_offering_is_no_round():
    rd = rounds_of("本次拟公开发行股票不超过5,000万股，拟募集资金8亿元，用于新一代芯片研发。")
    assert not [k for k in rd if k.startswith("round:")], rd


def test_a_filing_defines_the_company_and_its_partnership_shareholders():
    text = ("发行人名称：宁波澄江微电子股份有限公司（以下简称\"澄江微\"或\"公司\"）\n\n"
            "公司主要产品包括CJ-10、CJ-20两款边缘推理芯片。\n\n"
            "（1）杭州溪山股权投资合伙企业（有限合伙）（以下简称\"溪山投资\"）持股8.10%；\n")
    fs = facts(text)
    company = "new:org:宁波澄江微电子股份有限公司"
    assert ("new:chip:CJ-10", "designedBy", company) in fs, fs
    assert ("new:chip:CJ-20", "designedBy", company) in fs, fs
    assert ("new:org:杭州溪山股权投资合伙企业（有限合伙）", "investedIn", company) in fs, fs


def test_a_table_row_vendor_cell_and_a_hedged_cell():
    text = ("| 厂商 | 代表产品 | 工艺 | 最新融资 |\n|---|---|---|---|\n"
            "| 鹭洲智能 | LZ-Edge 2 | 台积电7纳米 | B轮，5亿元 |\n"
            "| 墨石半导体 | MS-V8 | 三星5纳米 | 未披露 |\n\n"
            "注：鹭洲智能的B轮融资完成于2025年9月，由青溪资本领投。\n")
    fs = facts(text)
    assert ("new:chip:MS-V8", "manufacturedOn", "id:samsung-5nm") in fs, fs
    rd = the_round(text)
    assert rd["company"] == "鹭洲智能" and rd["lead"] == {"青溪资本"} and rd["date"] == "2025-09", rd
    assert ("round:new:org:鹭洲智能:Series B", "amount", "500000000") in fs, fs


def test_the_owner_of_a_described_chip_and_straight_quotes():
    fs = facts("岚图半导体的第三代边缘加速卡LT-300由三星采用4纳米工艺生产。")
    assert ("new:chip:LT-300", "designedBy", "new:org:岚图半导体") in fs, fs
    ms = mentions("先说QX-7。这颗\"小芯片\"基于公司自研的\"青鸾\"架构，采用台积电5纳米工艺。")
    assert not [m for m in ms if m.kind == "chip" and "自研" in m.text], [(m.kind, m.text) for m in ms]
    assert [m for m in ms if m.kind == "arch" and m.text == "青鸾"], [(m.kind, m.text) for m in ms]


def test_a_listing_headline_and_a_strategic_placee_make_one_ipo():
    rd = the_round("澄明半导体登陆创业板，首发募资25亿元\n"
                   "澄明半导体于3月8日在深交所创业板挂牌上市，募集资金总额25亿元。\n"
                   "远川产业投资基金作为战略投资者参与本次发行。\n")
    assert rd["company"] == "澄明半导体" and "远川产业投资基金" in rd["investor"], rd


def test_an_unconfirmed_stake_and_an_undisclosed_amount():
    rd = rounds_of("2022年5月，澄明半导体完成独立融资，具体金额未披露。本轮由远川资本领投，木兰创投参与投资。"
                   "另据部分媒体报道，某车企也曾入股澄明半导体，但相关信息未获公司确认。")
    rounds = [v for k, v in rd.items() if k.startswith("round:")]
    assert len(rounds) == 1 and rounds[0]["lead"] == {"远川资本"} and rounds[0]["date"] == "2022-05", rd
    assert "木兰创投" in rounds[0]["investor"], rd


def test_a_market_table_whose_cells_carry_their_units():
    text = ("表1：AI芯片市场规模及预测\n市场 | 年份 | 规模 | 同比增速 | 性质\n"
            "全球AI芯片 | 2025 | 800亿美元 | 19.4% | 预测值\n中国AI芯片 | 2025 | 2000亿元 | - | 实际值\n")
    fs = facts(text)
    est = {}
    for s, p, o in fs:
        if s.startswith("est:"):
            est.setdefault(s, {})[p] = o
    got = {(e.get("market"), e.get("value"), e.get("unit"), e.get("isForecast"), e.get("growthRate")) for e in est.values()}
    assert ("global AI chip market", "80000000000", "USD", "true", "0.194") in got, got
    assert ("China AI chip market", "200000000000", "CNY", "false", None) in got, got


@pytest.mark.xfail(strict=True, reason="the installed recogniser (1a973e4) glues the description to the name "
                   "('子光电公司Photara'); helper-36's retrained one (e6e888c, not installed) finds Photara")
def test_a_latin_name_with_its_chinese_name_in_brackets_after_a_description():
    rd = the_round("量子光电公司Photara（光拓科技）宣布完成2亿元A轮融资，由松鹤资本领投。")
    assert rd["company"] in ("Photara", "光拓科技") and rd["lead"] == {"松鹤资本"}, rd


def test_a_founders_company_and_a_research_institute_are_names():
    ms = mentions("另据报道，星渊智算创始人陆衡曾以500万元入股某芯片公司，但未获证实。"
                  "根据临川产业研究院测算，2026年中国AI芯片市场规模为900亿元。")
    names = {m.text: m.extra.get("standing") for m in ms if m.kind == "org"}
    assert names.get("星渊智算") == "Organization", names
    assert "临川产业研究院" in names, names
