"""Japanese constructions of invented-name text (issue 12, dev_invented6 misses): an allotment notice's header and
allottee lines, リード投資/フォロー投資 in machine-translated Japanese, names ending in 資本/創投/基金, a topic company
after an adverbial clause or with its other spelling in brackets, a system of N chips as a cluster, a chip family in
katakana, "両チップとも", a paragraph's topic before it is named, an exhibitor table. Sentences written for these
tests, with names of their own."""
from __future__ import annotations

from ingest.segment import sentences
from tests.ingest.test_rel_roles import rounds_of
from tests.ingest.test_cjk_names import facts


def test_a_disclosure_header_names_the_company_its_toushas_stand_for():
    text = ("会 社 名　株式会社ミズナラ・ロジック\n代表者名　代表取締役　山田 一郎\n\n"
            "当社は、本日、第三者割当による新株式の発行を決議しました。\n"
            "(1) 調達資金の額　1,500,000,000円\n"
            "(2) 割当予定先\n"
            "カワウソ・グロース投資事業有限責任組合　600,000株\n"
            "株式会社ヤマセミ精機　300,000株\n\n"
            "当社が開発するエッジ向けアクセラレータ「ML-40」の量産に充当します。")
    fs = facts(text)
    assert ("new:chip:ML-40", "designedBy", "new:org:株式会社ミズナラ・ロジック") in fs, fs
    funded = {s: o for s, p, o in fs if p == "fundedCompany"}
    assert list(funded.values()) == ["new:org:株式会社ミズナラ・ロジック"], fs
    investors = {o for s, p, o in fs if p == "investor" and s in funded}
    assert {"new:org:カワウソ・グロース投資事業有限責任組合", "new:org:株式会社ヤマセミ精機"} <= investors, fs


def test_a_short_line_without_kana_in_a_japanese_document_is_japanese():
    text = "株式会社ヤマセミ精機は当社の既存株主です。\n株式会社ヤマセミ精機　300,000株\n| 月白電子 | GM-2 | 推論 |"
    langs = [s.lang for s in sentences(text)]
    assert langs[:2] == ["ja", "ja"], langs
    assert langs[2] == "zh", langs  # a table row keeps its own reading


def test_lead_and_follow_on_investment_in_translated_japanese():
    text = ("青嶺微芯はCラウンド融資を完成したと発表した。今回の融資は白鷺資本がリード投資し、"
            "紫峰創投、東湖産業基金がフォロー投資し、旧株主の南山基金は継続して投資を増加した。")
    rs = rounds_of(text)
    rd = next(v for k, v in rs.items() if k.startswith("round:"))
    assert rd["company"].endswith("微芯"), rd  # (the model may take the name from its second word)
    assert rd["lead"] == {"白鷺資本"}, rd
    assert {"紫峰創投", "東湖産業基金", "南山基金"} <= rd["investor"], rd
    fs = facts(text)
    assert not any("リード投資" in s or "フォロー投資" in s for s, _, _ in fs), fs


def test_a_company_after_an_adverbial_clause_is_the_topic_of_its_code_named_chips():
    text = ("ミソラ半導体はシリーズAで10億円を調達した。\n\n資料によると、ミソラ半導体は2020年に設立され、推論チップに専念する。"
            "その第一代製品QL-200はすでに量産を実現した。")
    fs = facts(text)
    assert ("new:chip:QL-200", "designedBy", "new:org:ミソラ半導体") in fs, fs


def test_a_latin_name_with_katakana_in_brackets_opens_the_sentence_as_its_topic():
    text = ("| 出展社 | 展示チップ | 製造プロセス |\n|---|---|---|\n| Vantor Micro | VM-7 | TSMC N6 |\n\n"
            "Vantor Micro（ヴァンター・マイクロ）は米国の新興企業です。VM-7は同社の「Kelp」マイクロアーキテクチャを採用した学習用チップです。")
    fs = facts(text)
    assert ("new:chip:VM-7", "designedBy", "new:org:Vantor Micro") in fs, fs


def test_a_system_of_many_chips_in_quotes_is_a_cluster_built_from_them():
    text = "ハヤブサ・デバイスは推論チップ「ツグミ3」を発表した。同社は、ツグミ3を512基束ねたラック規模のシステム「オオルリ」も予告した。"
    fs = facts(text)
    assert ("new:cluster:オオルリ", "builtFrom", "new:chip:ツグミ3") in fs, fs
    assert not any(s == "new:org:オオルリ" or o == "new:org:オオルリ" for s, _, o in fs), fs


def test_a_katakana_chip_family_shares_its_designer():
    text = ("ハヤブサ・デバイスは推論チップ「ツグミ3」を発表した。"
            "先代のツグミ2はTSMCの7nmで作られていた。")
    fs = facts(text)
    assert ("new:chip:ツグミ2", "designedBy", "new:org:ハヤブサ・デバイス") in fs, fs


def test_both_chips_of_the_paragraph_take_the_architecture():
    text = ("カモメ・シリコン（東京・港）は、シリーズBで40億円を調達した。\n\n"
            "調達資金は新型チップ「KM-T2」の量産に充てる。KM-T2はサムスン電子の4ナノ品で生産する。"
            "同社が2024年に発売したチップ「KM-E1」はTSMCの7ナノ品で製造している。両チップとも独自のデータフロー型アーキテクチャを採用した。")
    fs = facts(text)
    assert ("new:chip:KM-T2", "designedBy", "new:org:カモメ・シリコン") in fs, fs
    assert ("new:chip:KM-T2", "usesArchitecture", "id:arch-dataflow") in fs, fs
    assert ("new:chip:KM-E1", "usesArchitecture", "id:arch-dataflow") in fs, fs
