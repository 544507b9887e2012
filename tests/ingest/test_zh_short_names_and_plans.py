"""Chinese constructions of blog posts and flashes (issue 12): a company called by the coined word before its trade word
(岱屿 of 岱屿智算) without taking a chip's brand (岱屿X5), a model code the recogniser glued to the next word, a quoted
cluster name joined to its kind word by 的, a company that builds a cluster, a stated tape-out plan (kept) against
hearsay and plans to invest (dropped). Invented names only."""
from __future__ import annotations

from tests.ingest.test_cjk_names import facts


def test_a_company_is_called_by_the_word_before_its_trade_word():
    fs = facts("今天说说一家新公司——岱屿智算。上个月，岱屿宣布收购了做存储控制芯片的枫渚微电子。"
               "岱屿的推理芯片DY-R3采用台积电6纳米工艺。")
    assert ("new:chip:DY-R3", "designedBy", "new:org:岱屿智算") in fs, fs
    assert ("new:org:岱屿智算", "investedIn", "new:org:枫渚微电子") in fs, fs


def test_the_short_name_as_a_chip_brand_stays_the_chip():
    fs = facts("蓝岫半导体成立于2022年。蓝岫半导体的首款芯片蓝岫V5由中芯国际采用14nm工艺生产。")
    assert ("new:chip:蓝岫V5", "designedBy", "new:org:蓝岫半导体") in fs, fs
    assert not any(s == "new:org:蓝岫半导体" and p == "manufacturedOn" for s, p, _ in fs), fs


def test_a_model_code_glued_to_the_next_word_ends_at_its_last_digit():
    fs = facts("檀枫科技的推理芯片QF-R7算力很强，采用三星5纳米工艺。")
    assert any(s == "new:chip:QF-R7" and p == "manufacturedOn" for s, p, _ in fs), fs


def test_a_quoted_cluster_before_de_and_its_builder():
    fs = facts("岱屿智算发布了训练芯片DY-T2。岱屿智算今年在内蒙古建成了一个名为“栖云”的集群，由1024颗DY-T2组成。")
    assert ("new:cluster:栖云", "builtFrom", "new:chip:DY-T2") in fs, fs
    assert ("new:cluster:栖云", "designedBy", "new:org:岱屿智算") in fs, fs


def test_a_tape_out_plan_is_kept_and_plans_to_invest_are_not():
    fs = facts("栖霆微电子的第二代芯片QT-5计划在台积电5纳米工艺上流片。业内一直在传，鹤汀资本准备领投栖霆微电子的下一轮融资。")
    assert any(s == "new:chip:QT-5" and p == "manufacturedOn" for s, p, _ in fs), fs
    assert not any(p == "investedIn" for _, p, _ in fs), fs


def test_a_spaced_model_code_glued_to_the_next_word_ends_at_its_last_digit():
    fs = facts("檀枫科技的训练芯片QF 7021算力很强，采用三星5纳米工艺。")
    assert any(s == "new:chip:QF 7021" and p == "manufacturedOn" for s, p, _ in fs), fs
