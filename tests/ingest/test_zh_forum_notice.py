"""Chinese forum posts, notices and newsletters (issue 12, dev_invented9 shapes): a name after a word of saying or
deploying (新闻说X, 据传X, 部署X) begins after that word; hearsay (有人说) guards what it reports; a foundry named as
the maker of a chip is not the company the thread is about; a name in brackets after 公司 is that company; a
government bureau is an organisation; a project's total investment is no investor; a district is no short name.
Invented names only, sentences of our own."""
from __future__ import annotations

from ingest.extract import extract
from ingest.readers import RawDocument
from tests.ingest.test_cjk_names import facts


def _mentions(text: str) -> list:
    return [m for r in extract(RawDocument("<t>", text)).results for m in r.mentions]


def test_a_name_after_a_word_of_saying_begins_after_it():
    fs = facts("昨天听群友说砚川科技推出了推理芯片YC-3，采用中芯国际N+2工艺。")
    assert ("new:chip:YC-3", "designedBy", "new:org:砚川科技") in fs, fs
    keys = {m.key for m in _mentions("楼主：据传澄岫集团要收购一家芯片公司，目前没有官方消息。")}
    assert "new:org:澄岫集团" in keys and not any("传澄岫" in k for k in keys), keys


def test_a_name_after_deploy_begins_after_it():
    fs = facts("该数据中心部署岑溪科技自主研发的训练芯片岑溪T5约2,000颗。")
    assert ("new:chip:岑溪T5", "designedBy", "new:org:岑溪科技") in fs, fs
    assert not any("部署" in s or "部署" in str(o) for s, _, o in fs), fs


def test_hearsay_about_a_foundry_gives_no_relation_and_no_topic():
    text = ("砚川科技去年发布了推理芯片YC-3。有人说是三星代工的，其实不对。"
            "去年的B轮，5亿元，澄岫资本领投，漓沙基金跟投。")
    fs = facts(text)
    assert ("new:chip:YC-3", "fabricatedBy", "id:samsung") not in fs, fs
    assert ("round:new:org:砚川科技:Series B", "leadInvestor", "new:org:澄岫资本") in fs, fs
    assert not any(s.startswith("round:id:samsung") for s, _, _ in fs), fs


def test_a_name_in_brackets_after_a_bare_company_word_is_that_company():
    ms = _mentions("砚川科技发布了推理芯片YC-3。我们公司（岚汐数据）也测过YC-3，性能不错，但我们没有投资。")
    named = [m for m in ms if m.text == "岚汐数据"]
    assert named and named[0].extra.get("standing") == "Organization", [(m.text, m.extra) for m in ms]
    assert not any(m.text == "公司" and m.extra.get("coref") for m in ms), [(m.text, m.key) for m in ms]
    # a place in brackets is no name
    assert not any(m.text == "杭州" for m in _mentions("这家公司（杭州）去年完成了融资。"))


def test_a_government_bureau_is_an_organisation_and_total_investment_no_investor():
    text = ("临江区发展和改革局关于算力中心项目的公示。项目总投资：约8.4亿元，资金来源为企业自筹。"
            "建设单位：临江智算科技有限公司，该公司由漓沙科技与临江区城市发展集团有限公司共同出资设立。")
    ms = _mentions(text)
    keys = {m.key for m in ms}
    assert "new:org:临江区发展和改革局" in keys, keys
    assert not any("总投资" in k for k in keys), keys
    # "临江" is no short name standing for the bureau inside another registered name
    assert "new:org:临江区城市发展集团有限公司" in keys, keys


ROUNDS = """本周融资一览

企业名称      轮次      金额        领投方              其他投资方
砚川科技      B轮       3亿元       澄岫资本、漓沙基金     岑溪创投
汀兰微电子    天使轮    数千万元    棠梨投资              —
"""


def test_a_space_aligned_table_of_rounds_gives_each_row_its_round_and_roles():
    fs = facts(ROUNDS)
    key = "round:new:org:砚川科技:Series B"
    assert (key, "fundedCompany", "new:org:砚川科技") in fs, fs
    assert (key, "amount", "300000000") in fs, fs
    assert {(key, "leadInvestor", "new:org:澄岫资本"), (key, "leadInvestor", "new:org:漓沙基金"),
            (key, "investor", "new:org:岑溪创投")} <= fs, fs
    assert ("round:new:org:汀兰微电子:Angel", "leadInvestor", "new:org:棠梨投资") in fs, fs
    assert not any(s.startswith("round:new:org:澄岫资本") for s, _, _ in fs), fs


def test_space_aligned_cells_need_no_sentence_punctuation():
    from ingest.tables import cells
    assert len(cells("砚川科技      B轮       3亿元       澄岫资本")) == 4
    assert cells("公司表示，  今年  将继续扩产。") == []


def test_an_undisclosed_price_does_not_hedge_an_acquisition():
    fs = facts("岑溪科技宣布以现金收购汀兰微电子全部股权，交易对价未披露。")
    assert ("new:org:岑溪科技", "investedIn", "new:org:汀兰微电子") in fs, fs
    fs = facts("据传岑溪科技将收购汀兰微电子，该消息未经证实。")
    assert not any(p == "investedIn" for _, p, _ in fs), fs


def test_an_industrial_shareholder_after_its_role_word_is_a_name():
    keys = {m.key for m in _mentions("漓沙科技成立于2021年。公司股东包括澄岫资本以及产业方岑溪电子等。")}
    assert "new:org:岑溪电子" in keys and not any("产业方" in k for k in keys), keys
