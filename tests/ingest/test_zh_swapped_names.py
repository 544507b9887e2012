"""Chinese constructions that carry a name no vocabulary knows (issue 12, name-swapped evaluation): a company quoted in
「」 after its trade word, a remembered name whose head the recogniser cut off, a name in brackets beside an
architecture's other name, a named architecture as a design, a chip company written with 的 before its chip, a fund
manager ending in 资本管理. Invented names only."""
from __future__ import annotations

from tests.ingest.test_cjk_names import facts, labels


def test_a_company_quoted_in_corner_brackets_after_its_trade_word():
    fs = facts("边缘计算芯片企业「砾川微算」今日宣布完成2亿元A轮融资，由枫汀资本领投。公司今年发布了推理芯片砾川R3。")
    assert any(s.startswith("round:new:org:砾川微算") and p == "fundedCompany" for s, p, _ in fs), fs
    assert ("new:chip:砾川R3", "designedBy", "new:org:砾川微算") in fs, fs


def test_a_remembered_name_with_its_head_cut_off_is_the_whole_name():
    text = ("AI芯片公司「栖霄智芯」完成B轮融资。栖霄智芯成立于2020年，总部位于南京。"
            "栖霄智芯创始人表示，存算一体架构可以大幅降低功耗。")
    assert not any("new:org:霄智芯" == k for k in _keys(text)), _keys(text)


def test_a_name_in_brackets_beside_an_architecture_is_the_same_architecture():
    fs = facts("鸿屿科技的训练芯片岚岫 T90采用自研的衡川（Cormant）架构，由台积电7nm工艺代工。")
    assert ("new:chip:岚岫 T90", "usesArchitecture", "new:arch:Cormant") in fs, fs
    assert not any(s == "new:chip:衡川" for s, _, _ in fs), fs


def test_a_company_with_its_trade_word_before_de_and_its_chip():
    fs = facts("在国产阵营中，澜峤集成电路的星枢 K210是出货量最大的推理芯片。")
    assert ("new:chip:星枢 K210", "designedBy", "new:org:澜峤集成电路") in fs, fs
    fs = facts("国产芯片的瓶颈在于先进制程，业内普遍看好这一方向。")
    assert not any(p == "designedBy" for _, p, _ in fs), fs


def test_a_fund_manager_ending_in_capital_management_is_one_name():
    text = "本轮融资由岚屿投资领投，老股东苏州禾澈资本管理继续追加投资。"
    assert "new:org:苏州禾澈资本管理" in _keys(text), _keys(text)


def test_a_chinese_name_before_its_latin_name_in_brackets_is_one_company():
    text = "澜岳科技（Veloran Technology）是一家国产GPU设计公司，由岚屿投资领投。澜岳的首款芯片LY-100已经量产。"
    ks = _keys(text)
    assert "new:org:澜岳科技" in ks and "new:org:Veloran Technology" not in ks, ks
    assert {"澜岳科技", "Veloran Technology"} <= labels("new:org:澜岳科技", text)


def _keys(text: str) -> set:
    from ingest.extract import extract
    from ingest.readers import RawDocument
    return {m.key for r in extract(RawDocument("<t>", text)).results for m in r.mentions}
