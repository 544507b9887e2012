"""Japanese structure read from GiNZA's parse and tags (issue 12): the subject of a funding verb behind a relative
clause, a section heading that opens on its company, a person's name and title after a company name. Sentences
written for these tests in genres of their own (a weekly column, a blog, a notice), with invented names."""
from __future__ import annotations

from ingest.extract import extract
from ingest.readers import RawDocument
from tests.ingest.test_cjk_names import facts
from tests.ingest.test_rel_roles import rounds_of


def _rounds(text: str) -> dict:
    return {k: v for k, v in rounds_of(text).items() if k.startswith("round:")}


def test_the_subject_behind_a_relative_clause_raises_the_round_not_the_earlier_topic():
    text = ("【週間ニュース】半導体スタートアップの動き\n\n◆カワセミ工業が新チップ\n　カワセミ工業は推論チップ「KW-3」を発表した。\n\n"
            "◆オオルリ・ロジック、シリーズBで30億円\n"
            "　エッジ向けの推論チップを設計するオオルリ・ロジックは先月、シリーズBラウンドで30億円を調達した。"
            "同社のチップ「OR-5」はサムスン電子の5nmで製造される。")
    rs = _rounds(text)
    assert [v["company"] for v in rs.values()] == ["オオルリ・ロジック"], rs
    fs = facts(text)
    assert ("new:chip:OR-5", "designedBy", "new:org:オオルリ・ロジック") in fs, fs
    assert ("new:chip:OR-5", "designedBy", "new:org:カワセミ工業") not in fs, fs


def test_a_blog_sentence_whose_subject_is_described_first():
    text = ("ヤマガラ電子は画像処理チップ「YG-2」を出している。"
            "ところで、データセンター向けの学習用アクセラレータを手がけるツグミ・システムズは、シリーズAで8億円を調達したそうだ。")
    rs = _rounds(text)
    assert [v["company"] for v in rs.values()] == ["ツグミ・システムズ"], rs


def _org_labels(text: str) -> set:
    ex = extract(RawDocument("<test>", text))
    return {m.text for r in ex.results for m in r.mentions if m.kind == "org"}


def test_a_person_and_title_after_a_company_name_are_no_organisation():
    for text, company in (("【トップインタビュー】ツバメ半導体 檜山凪CEO「学習用で勝負する」", "ツバメ半導体"),
                          ("【トップインタビュー】ミソサザイ半導体 榊原颯真CEO「エッジ推論で勝負する」", "ミソサザイ半導体"),
                          ("【トップインタビュー】ヨタカ計算機 檜山凪CEO「推論は専用チップの時代に入った」", "ヨタカ計算機")):
        orgs = _org_labels(text)
        assert orgs == {company}, (text, orgs)


def test_an_investment_partnership_keeps_its_legal_form():
    text = ("ヒクイナ電子はシリーズBで20億円を調達した。ミサゴ・キャピタルが主導し、"
            "カイツブリ投資事業組合とセキレイ有限責任事業組合が参加した。")
    rd = next(iter(_rounds(text).values()))
    assert rd["investor"] >= {"カイツブリ投資事業組合", "セキレイ有限責任事業組合"}, rd


def test_a_lead_named_after_riido_ga_and_a_casual_joined_verb():
    text = ("ミズキ電子、シリーズBで25億円調達したって\n"
            "リードがハヤブサ・パートナーズで、ウミネコ・キャピタルも入ってた")
    rd = next(iter(_rounds(text).values()))
    assert rd["lead"] == {"ハヤブサ・パートナーズ"} and "ウミネコ・キャピタル" in rd["investor"], rd
    text = ("ヒイラギ・ロボティクスは先週、プレシリーズAで3億円を集めた。"
            "リードがカエデ・キャピタルで、モミジ・ベンチャーズとサクラ・パートナーズも入っている。")
    rd = next(iter(_rounds(text).values()))
    assert rd["lead"] == {"カエデ・キャピタル"}, rd
    assert {"モミジ・ベンチャーズ", "サクラ・パートナーズ"} <= rd["investor"], rd


def test_a_defined_short_name_with_sha_is_the_company_later():
    for text, chip, company in (
            ("アカネ工業株式会社は、半導体設計の株式会社ソヨカゼ・デバイス（以下「ソヨカゼ社」）の株式を取得しました。"
             "ソヨカゼ社は、車載向けの推論チップ「SK-3」を設計しています。", "SK-3", "株式会社ソヨカゼ・デバイス"),
            ("当社は株式会社ミナモ・ラボラトリーズ（以下「ミナモ社」という。）と業務提携契約を締結した。\n"
             "なお、ミナモ社は学習用チップ「MN-1」を開発しており、量産を準備している。", "MN-1", "株式会社ミナモ・ラボラトリーズ")):
        fs = facts(text)
        assert (f"new:chip:{chip}", "designedBy", f"new:org:{company}") in fs, fs


def test_shiido_is_the_seed_round():
    rd = next(iter(_rounds("カワウ・ロボティクスは2023年、シードラウンドでヒヨドリ・キャピタルから2億円を調達した。").values()))
    assert rd["company"] == "カワウ・ロボティクス" and "ヒヨドリ・キャピタル" in rd["investor"] | rd["lead"], rd
    rs = _rounds("ツグミ電子は推論チップ「TG-5」を開発している。\n――創業期の資金は。\n"
                 "森　シード期にはアカゲラ・ベンチャーズに出資してもらいました。")
    assert [k for k in rs if k.endswith(":Seed")], rs


def test_a_quoted_design_after_a_class_word_is_used_with_its_class():
    for text, chip, arch in (("ナギサ電子の新チップ「NG-7」は、独自のNPUアーキテクチャ「カゲロウ」をベースにしている。", "NG-7", "カゲロウ"),
                             ("シジミ計算機は「SJ-2」を発表した。GPUアーキテクチャ「ホタル」を採用する。", "SJ-2", "ホタル")):
        fs = facts(text)
        uses = {o for s, p, o in fs if s == f"new:chip:{chip}" and p == "usesArchitecture"}
        assert f"new:arch:{arch}" in uses and len(uses) == 2, (text, fs)


def test_a_reported_listing_plan_is_no_round():
    for text in ("ウズラ計算機は推論チップ「UZ-1」を発表した。なお、ウズラ計算機が米国で新規株式公開（IPO）を計画していると"
                 "報じられたが、同社は否定も肯定もしていない。",
                 "カモメ半導体は学習用チップ「KM-3」を開発している。業界関係者によると、同社は来年にも東証グロース市場への"
                 "上場を目指しているとみられる。"):
        assert not _rounds(text), (text, _rounds(text))
    assert _rounds("ウズラ計算機は推論チップ「UZ-1」を発表した。同社は12月、東証グロース市場に上場し、約30億円を調達した。")
