"""Japanese rounds and names read from a sentence's structure (issue 12, session 7): a headline name followed by titles
written one after another, a possessor that only describes the company a sentence is about ("AのB部門であるCは"),
the subject of a relative clause on the round ("Xが実施するシリーズCの増資"), a round said only as completed with a date,
a timely-disclosure's allotment table and allottee, a shareholder list with stakes, a chip named again ("同チップ") by
a company that only uses it, a chip table with no maker's column, "そのアーキテクチャ" after a chip. Invented names and
sentences only (vocabulary names where a rule needs known vendors)."""
from __future__ import annotations

from tests.ingest.test_cjk_names import facts
from tests.ingest.test_cjk_short_forms import _keys


def _rounds(fs: set) -> dict:
    """round key -> {predicate: set of objects}."""
    out: dict = {}
    for s, p, o in fs:
        if s.startswith("round:"):
            out.setdefault(s, {}).setdefault(p, set()).add(o)
    return out


def test_titles_written_one_after_another_are_no_part_of_the_company():
    text = ("【トップに聞く】ミヤマ・デバイセズ 代表取締役CEO 佐藤一郎氏「学習チップで勝負」\n\n――主力は。\n\n"
            "佐藤　学習用チップ「MD-9」です。")
    fs = facts(text)
    assert ("new:chip:MD-9", "designedBy", "new:org:ミヤマ・デバイセズ") in fs, fs
    ks = _keys("カゲロウ・シリコン 代表取締役社長兼CEO の高橋氏は、同社の強みを語った。")
    assert "カゲロウ・シリコン" in ks and not any("CEO" in k for k in ks), ks


def test_a_possessor_only_describes_the_company_the_sentence_is_about():
    text = ("2024年、バイドゥの半導体子会社である崑崙芯は新しいラウンドの資金調達を完了した。"
            "今回の資金調達はホクト・キャピタルが主導し、ミナト・ベンチャーズも参加した。")
    rs = _rounds(facts(text))
    funded = {k: v for k, v in rs.items() if "id:kunlunxin" in v.get("fundedCompany", ())}
    assert funded and not any("id:baidu" in v.get("fundedCompany", ()) for v in rs.values()), rs
    r = next(iter(funded.values()))
    assert "new:org:ホクト・キャピタル" in r.get("leadInvestor", ()) and "2024" in r.get("date", ()), rs
    ks = _keys("エヌビディアの最大の競合であるAMDは今年、新型アクセラレーターを発表した。同社は来年にも次世代品を出す。")
    assert ks.get("同社") == "id:amd", ks


def test_a_round_said_only_as_completed_takes_its_date():
    text = "トキワ半導体は2025年6月に資金調達を完了した。今回の資金調達はアサギリ・キャピタルが主導した。"
    rs = _rounds(facts(text))
    assert any("2025-06" in v.get("date", ()) and "new:org:アサギリ・キャピタル" in v.get("leadInvestor", ())
               for v in rs.values()), rs


def test_the_company_that_conducts_the_allotment_is_funded_and_the_table_rows_subscribe():
    text = ("会社名　株式会社ヒバリ工業\n\n"
            "当社は、株式会社ツクモ・ラボが実施するシリーズAの第三者割当増資を当社が引き受けることを決議しました。\n\n"
            "1．理由\nツクモ・ラボは画像認識向けの推論チップを開発しています。\n\n"
            "2．本増資の概要（調達総額　12億円）\n\n割当先                    引受額\n"
            "ヒバリ工業株式会社（当社）     5億円\nヤツデ・パートナーズ株式会社     7億円\n")
    rs = _rounds(facts(text))
    assert not any("new:org:株式会社ヒバリ工業" in v.get("fundedCompany", ()) for v in rs.values()), rs
    r = rs.get("round:new:org:株式会社ツクモ・ラボ:Series A", {})
    assert "1200000000" in {str(a) for a in r.get("amount", ())}, rs
    assert "new:org:ヤツデ・パートナーズ株式会社" in r.get("investor", ()), rs


def test_an_allottee_named_before_its_role_word():
    text = ("会社名　株式会社アケビ精機\n\n"
            "当社は、ミツマタ・グロース2号投資事業有限責任組合を割当予定先として、総額6億円の新株式を発行いたします。")
    rs = _rounds(facts(text))
    assert any("new:org:ミツマタ・グロース2号投資事業有限責任組合" in v.get("investor", ()) for v in rs.values()), rs


def test_every_shareholder_of_a_list_with_stakes():
    text = ("ユキミ半導体は2023年に東証グロース市場に上場した。"
            "上場前の株主には カエデ・キャピタル持株4.2%、ホタル・ベンチャーズ持株2.5%、ミズキ・パートナーズなどが含まれる。")
    fs = facts(text)
    for inv in ("カエデ・キャピタル", "ホタル・ベンチャーズ", "ミズキ・パートナーズ"):
        assert (f"new:org:{inv}", "investedIn", "new:org:ユキミ半導体") in fs, fs


def test_a_chip_named_again_by_a_company_that_only_uses_it_is_not_its_design():
    text = ("会社名　株式会社アケビ精機\n\nコモレビ・ラボは推論チップ「KL-5」を開発しており、同チップはTSMCの6nmで製造されて"
            "います。当社は自社の物流ロボットに同チップを組み込む計画です。")
    fs = facts(text)
    assert ("new:chip:KL-5", "designedBy", "new:org:コモレビ・ラボ") in fs, fs
    assert ("new:chip:KL-5", "designedBy", "new:org:株式会社アケビ精機") not in fs, fs
    fs = facts("ホシクズ電子の新チップ「HZ-2」はTSMCの5nmで製造される。同チップは同社が独自に設計した。")
    assert ("new:chip:HZ-2", "designedBy", "new:org:ホシクズ電子") in fs, fs


def test_the_rows_of_a_chip_table_without_a_makers_column_are_the_companys_in_view():
    text = ("カワセミ・テックは推論チップ「KW-5」を発表した新興企業だ。\n\n主なラインアップは以下の表にまとめた。\n\n"
            "| 型番 | 用途 | 製造プロセス |\n|---|---|---|\n| RN-10 | 推論 | TSMC 7nm |\n| TQ-20 | 学習 | サムスン 5nm |\n")
    fs = facts(text)
    assert ("new:chip:RN-10", "designedBy", "new:org:カワセミ・テック") in fs, fs
    assert ("new:chip:RN-10", "manufacturedOn", "id:tsmc-n7") in fs, fs


def test_its_architecture_points_back_at_the_chip_just_named():
    fs = facts("ハヤブサ電子は推論チップ「HB-7」を2025年に発表した。そのアーキテクチャは独自開発のNPUである。")
    assert ("new:chip:HB-7", "usesArchitecture", "id:arch-npu") in fs, fs


def test_a_legal_form_before_or_around_a_name_belongs_to_it():
    ks = _keys("昨年のシリーズAでは、ヨツバ・グロース投資事業有限責任組合と合同会社コガネ・パートナーズが出資した。")
    assert ks.get("合同会社コガネ・パートナーズ") == "new:org:合同会社コガネ・パートナーズ", ks
    ks = _keys("同社のシリーズBはサリレニクス・ホールディングス投資事業有限責任組合がリードした7500万ドルのラウンドだ。")
    assert "サリレニクス・ホールディングス投資事業有限責任組合" in ks, ks
