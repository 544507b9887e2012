"""Chinese and Japanese news-digest constructions (issue 12, real-world news): a markdown table of listings whose date
column is headed 上市日, a line labelled by its company in bold ("**X**：…"), a strategic placement as part of a
listing, a cluster built "以其为基础" on the chip just named, and Japanese holders listed with "…を保有していたほか、
Yが…%を持つ". Own sentences, invented names."""
from __future__ import annotations

from tests.ingest.test_cjk_names import facts


def _round_of(fs: set, company: str, name: str) -> str | None:
    return next((s for s, p, o in fs if p == "fundedCompany" and o == company and (s, "roundName", name) in fs), None)


def test_a_listing_table_headed_by_listing_day_gives_each_row_its_ipo():
    text = ("两家公司的上市情况如下：\n\n"
            "| 公司 | 上市板块 | 上市日 | 募资总额 |\n|---|---|---|---|\n"
            "| 澜峤集成电路 | 科创板 | 2025年11月3日 | 12亿元 |\n"
            "| 栖霄智芯 | 港交所 | 2026年2月9日 | 20.5亿港元 |\n")
    fs = facts(text)
    r = _round_of(fs, "new:org:澜峤集成电路", "IPO")
    assert r and (r, "amount", "1200000000") in fs and (r, "date", "2025-11") in fs, fs
    r = _round_of(fs, "new:org:栖霄智芯", "IPO")
    assert r and (r, "currency", "HKD") in fs and (r, "date", "2026-02") in fs, fs


def test_a_line_labelled_by_its_company_is_about_that_company():
    text = ("**寒武纪**：某国有基金参与了上市。\n\n"
            "**燧原科技**：上海国有资本投资有限公司参与战略配售。其推理芯片云燧i20于2021年推出。")
    fs = facts(text)
    r = _round_of(fs, "id:enflame", "IPO")
    assert r is not None, fs
    investors = {o for s, p, o in fs if s == r and p == "investor"}
    assert investors and "id:enflame" not in investors and "id:cambricon" not in investors, fs
    assert not any(s == "id:enflame" and p == "investedIn" for s, p, _ in fs), fs


def test_a_cluster_built_on_it_is_built_from_the_chip_just_named():
    fs = facts("澜峤集成电路2024年推出的星枢 K210是一款训练芯片。以其为基础搭建的“澜海”智算集群已扩展至四千卡规模。")
    assert any(p == "builtFrom" and o == "new:chip:星枢 K210" for s, p, o in fs), fs


def test_holders_listed_with_hoka_each_hold_the_company_in_view():
    text = ("燧原科技は上海のAI半導体設計会社。\n"
            "上場前の株主には、クロガネ・キャピタルが投資子会社を通じて3.5%を保有していたほか、ミナモ・ベンチャーズが1.2%を持つ。")
    fs = facts(text)
    assert ("new:org:クロガネ・キャピタル", "investedIn", "id:enflame") in fs, fs
    assert ("new:org:ミナモ・ベンチャーズ", "investedIn", "id:enflame") in fs, fs
    assert not any(o == "new:org:ミナモ・ベンチャーズ" and p == "investedIn" for s, p, o in fs), fs
