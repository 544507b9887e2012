"""A shareholder cue that only describes the investor named right after it ("Yの主要株主でもあるX", "Y的股东X") is no
statement that the round's parties hold Y (issue 12, an over-reach of c6901af's 'Y（Latin）の株主' rule found in
interview-style text): the round keeps its company and roles, Y takes no part. Invented names and sentences only."""
from __future__ import annotations

from tests.ingest.test_cjk_names import facts


def _round_roles(fs: set, company: str) -> set:
    return {(p, o) for s, p, o in fs if s.startswith(f"round:new:org:{company}:")}


def test_ja_shareholder_described_after_the_cue_keeps_the_round():
    text = ("インタビュー：ミナセ・コンピュートCEOに聞く\n\nミナセ・コンピュートは推論チップ「MN-3」を発表した。\n\n"
            "Q：資金調達の状況は。\nA：シリーズBで25億円を調達しました。ツバメ・キャピタルがリードし、"
            "カザミ・ラボ（Kazami Lab）の主要株主でもあるアオバ・キャピタルも参加しました。")
    fs = facts(text)
    roles = _round_roles(fs, "ミナセ・コンピュート")
    assert ("leadInvestor", "new:org:ツバメ・キャピタル") in roles, fs
    assert ("investor", "new:org:アオバ・キャピタル") in roles, fs
    assert ("new:org:ツバメ・キャピタル", "investedIn", "new:org:カザミ・ラボ") not in fs, fs
    assert not any("カザミ・ラボ" in o for _, o in roles), fs


def test_ja_major_shareholder_relative_clause_after_a_date():
    text = ("ユウヒ半導体は学習用チップ「YH-8」を発表した。\n\n司会：株主構成は。\n"
            "創業者：2024年3月、シリーズAで12億円を調達しました。リード投資家はシラサギ・ベンチャーズで、"
            "ホタル・テクノロジーの大株主であるコハク・キャピタルも出資しています。")
    fs = facts(text)
    roles = _round_roles(fs, "ユウヒ半導体")
    assert ("leadInvestor", "new:org:シラサギ・ベンチャーズ") in roles, fs
    assert ("new:org:シラサギ・ベンチャーズ", "investedIn", "new:org:ホタル・テクノロジー") not in fs, fs


def test_zh_shareholder_of_another_company_before_a_follower():
    text = "岚峰智芯发布了推理芯片LF-20。2024年5月，岚峰智芯完成3亿元B轮融资，由青崖资本领投，澄屿半导体的股东枫汀资本跟投。"
    fs = facts(text)
    roles = _round_roles(fs, "岚峰智芯")
    assert ("leadInvestor", "new:org:青崖资本") in roles and ("investor", "new:org:枫汀资本") in roles, fs
    assert not any(s.startswith("round:new:org:澄屿半导体") for s, _, _ in fs), fs


def test_a_shareholder_cue_closing_the_clause_still_names_the_company_held():
    text = "泓川科技发布了训练芯片HC-7。此外，岱峰资本也是汐澜微电子的股东。"
    fs = facts(text)
    assert ("new:org:岱峰资本", "investedIn", "new:org:汐澜微电子") in fs, fs
    assert ("new:org:汐澜微电子", "investedIn", "new:org:岱峰资本") not in fs, fs
