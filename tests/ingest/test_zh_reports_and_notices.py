"""Chinese constructions of broker reports, park notices and funding weeklies (issue 12): a performance figure is no
chip (512 TOPS), a name may hold 月 (霁月基金) though a date's 月 ends one, "X的主力产品Y" is X's design, a company that
builds (承建) a cluster designs it, 封测 ends a company name, a guidance fund or a total investment is a description, and
hearsay (据传，…) states no round. Invented names only."""
from __future__ import annotations

from ingest.extract import extract
from ingest.readers import RawDocument
from tests.ingest.test_cjk_names import facts
from tests.ingest.test_rel_roles import rounds_of


def entities(text: str) -> set:
    ex = extract(RawDocument("<test>", text))
    return {m.text for r in ex.results for m in r.mentions if m.kind in ("org", "chip", "cluster")}


def test_a_performance_figure_in_a_table_is_no_chip():
    text = ("| 公司 | 芯片 | 工艺 | 算力 |\n|---|---|---|---|\n"
            "| 汀岚微电子 | TL-90 | 台积电N4P | 256 TOPS |\n")
    fs = facts(text)
    assert not any("TOPS" in s for s, _, _ in fs), fs


def test_a_fund_name_holding_yue_after_a_list_comma():
    rd = rounds_of("岫川半导体完成数亿元B轮融资。本轮由枫桐资本领投，老股东沐雨创投、皓月基金持续加码。")
    b = rd.get("round:new:org:岫川半导体:Series B")
    assert b and {"沐雨创投", "皓月基金"} <= b["investor"], rd


def test_the_main_product_of_a_company_is_its_design():
    fs = facts("上市公司岭澄电子以现金3亿元收购芯片设计公司汐垣科技。汐垣科技的主力产品XY-5为一款NPU芯片。")
    assert ("new:chip:XY-5", "designedBy", "new:org:汐垣科技") in fs, fs


def test_a_builder_designs_the_cluster_and_descriptions_are_no_names():
    text = ("一、项目情况\n由澈光半导体承建的“岚峰智算一号”计算集群，采用512张CG-T2加速卡，项目计划总投资9亿元。"
            "区政府引导基金青屿科创母基金参与该公司本轮融资。滢岱封测未参与本轮融资。")
    fs = facts(text)
    assert ("new:cluster:岚峰智算一号", "designedBy", "new:org:澈光半导体") in fs, fs
    names = entities(text)
    assert "滢岱封测" in names and "计划总投资" not in names and "区政府引导基金" not in names, names


def test_hearsay_states_no_round():
    fs = facts("据传，某互联网大厂拟战略投资GPU初创公司汐槎科技。对此，汐槎科技表示不予置评。")
    assert not any(s.startswith("round:") for s, _, _ in fs), fs
