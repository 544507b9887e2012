"""Japanese constructions of interviews, machine translation and timely disclosures (issue 12, dev_invented7 misses):
a katakana product and its generation number, a chip with its Latin name in brackets, participation "from" a fund
and an existing investor raising its position, a cumulative total that is no round, investors named in the answer a
paragraph after the round, hearsay in a question, names cut inside a katakana word or before 設計/銀行, a disclosure's
当社, a lead's share, an allotment list and a share acquisition, a process only considered, a customer that adopts a
chip, the chip the proceeds go to, a short name defined in brackets. Sentences written for these tests, with names of
their own."""
from __future__ import annotations

from ingest.extract import extract
from ingest.readers import RawDocument
from tests.ingest.test_cjk_names import facts


def mentions(text: str) -> set:
    ex = extract(RawDocument("<test>", text))
    return {(m.kind, m.text) for r in ex.results for m in r.mentions}


def test_a_katakana_product_with_a_number_is_a_chip_and_its_latin_name_the_same_chip():
    text = ("同時に、ミナモ・シリコンは、シラナミ4(Shiranami 4)、その第4世代のアクセラレーターを発表しました、"
            "それはTSMCの3nmプロセスにおいて製造されます。シラナミ3は、サムスンの5nmプロセスで製造されていました。")
    fs = facts(text)
    assert ("new:chip:シラナミ4", "designedBy", "new:org:ミナモ・シリコン") in fs, fs
    assert ("new:chip:シラナミ4", "manufacturedOn", "id:tsmc-n3") in fs, fs
    assert ("new:chip:シラナミ3", "fabricatedBy", "id:samsung") in fs, fs
    assert not any(s == "new:chip:Shiranami 4" for s, _, _ in fs), fs


def test_participation_from_a_fund_and_an_existing_investor_raising_its_position():
    text = ("カザハナ・ロジック(Kazahana Logic)は、それが8000万ドルのシリーズB資金調達ラウンドをクローズしたことをアナウンスしました。"
            "ラウンドはオボロヅキ・キャピタルによってリードされました、ハルカゼ・ベンチャーズ(Harukaze Ventures)からの参加と共に。"
            "既存のインベスターであるユキミ・パートナーズもまた、そのポジションを増加しました。"
            "このラウンドで、カザハナの総調達額は1億5000万ドルになりました。")
    fs = facts(text)
    rnd = "round:new:org:カザハナ・ロジック:Series B"
    assert (rnd, "leadInvestor", "new:org:オボロヅキ・キャピタル") in fs, fs
    assert (rnd, "investor", "new:org:ハルカゼ・ベンチャーズ") in fs, fs
    assert (rnd, "investor", "new:org:ユキミ・パートナーズ") in fs, fs
    assert not any(p == "amount" and o == 150000000 for _, p, o in fs), fs  # a cumulative total, no round


def test_an_interview_answer_names_the_investors_of_the_round_and_hearsay_is_no_investment():
    text = ("AI半導体のツユクサ・テックが、シリーズAで18億円を調達した。\n\n"
            "――今回の出資者は。\n\n"
            "山田　ミヤコドリ・キャピタルさんにリードを取ってもらって、事業会社だとコマドリ電機さんにも入ってもらいました。\n\n"
            "――ウグイス・ホールディングスからも出資を受けたという話を聞きましたが。\n\n"
            "山田　いえ、それは違うんです。")
    fs = facts(text)
    rnd = "round:new:org:ツユクサ・テック:Series A"
    assert (rnd, "leadInvestor", "new:org:ミヤコドリ・キャピタル") in fs, fs
    assert (rnd, "investor", "new:org:コマドリ電機") in fs, fs
    assert not any(s == "new:org:ウグイス・ホールディングス" for s, _, _ in fs), fs


def test_a_guess_opening_inside_a_katakana_word_and_names_that_run_on_to_their_kind_word():
    ms = mentions("カワセミ銀行傘下のカワセミ・キャピタルも出資した。株式会社ヒバカリ設計の株式を取得した。"
                  "クロガネ・クラウド(Kurogane Cloud)は、ローンチ・カスタマーになります。")
    orgs = {t for k, t in ms if k == "org"}
    assert "カワセミ銀行" in orgs, ms
    assert "株式会社ヒバカリ設計" in orgs, ms
    assert "クロガネ・クラウド" in orgs, ms


DISCLOSURE = """会社名　株式会社アオバト精機
代表者名　代表取締役社長　佐藤 一郎

株式会社コゲラ・システムズ（以下「コゲラ」）は、産業用AI推論チップ「KG-20」を設計・開発するファブレス企業です。KG-20はサムスンの5nmプロセスで量産されており、当社の検査装置にも搭載されております。

コゲラは、シリーズBラウンドとして総額30億円の第三者割当増資を実施いたします。当社はリード投資家として15億円を引き受けます。その他の割当予定先は以下のとおりです。
・ツグミ・イノベーション投資事業有限責任組合（無限責任組合員：ツグミ・パートナーズ株式会社）　10億円
・株式会社シメ・インベストメント　5億円

コゲラは、次世代チップについてラピダスの2nmプロセスの採用を検討しております。

当社は、基板設計を行う株式会社ホオジロ設計の発行済株式の全部を取得し、同社を当社の完全子会社といたします。
"""


def test_a_disclosure_tozha_leads_its_allotment_list_and_acquires_a_company():
    fs = facts(DISCLOSURE)
    issuer, company = "new:org:株式会社アオバト精機", "new:org:株式会社コゲラ・システムズ"
    rnd = f"round:{company}:Series B"
    assert ("new:chip:KG-20", "designedBy", company) in fs, fs
    assert ("new:chip:KG-20", "designedBy", issuer) not in fs, fs  # 当社 only mounts the chip
    assert (rnd, "leadInvestor", issuer) in fs, fs
    assert (rnd, "investor", "new:org:ツグミ・イノベーション投資事業有限責任組合") in fs, fs
    assert any(s == rnd and p == "investor" and o.endswith("シメ・インベストメント") for s, p, o in fs), fs
    assert not any(o in ("new:org:ツグミ・パートナーズ株式会社",) for _, _, o in fs), fs  # the general partner
    assert not any(s.endswith(":round") for s, _, _ in fs), fs  # the shares are no rounds
    assert (issuer, "investedIn", "new:org:株式会社ホオジロ設計") in fs, fs
    assert ("id:rapidus-2nm", "offeredBy", "id:rapidus") in fs, fs
    assert not any(p == "manufacturedOn" and o == "id:rapidus-2nm" for _, p, o in fs), fs  # only considered


def test_a_customer_that_adopts_a_chip_and_the_chip_the_proceeds_go_to():
    text = ("AI半導体新興のヨシキリ・コンピュートは、シリーズCで50億円を調達したと発表した。\n\n"
            "調達資金は、エッジ向けの推論用チップ「YK-5」の量産に充てる。YK-5はTSMCの4ナノ品で製造する。\n\n"
            "YK-5は物流大手のアカハラ運輸が自社の倉庫で採用を決めている。次の世代ではラピダスの2ナノ品の利用も検討するという。")
    fs = facts(text)
    assert ("new:chip:YK-5", "designedBy", "new:org:ヨシキリ・コンピュート") in fs, fs
    assert not any(p == "designedBy" and o == "new:org:アカハラ運輸" for _, p, o in fs), fs
    assert ("id:rapidus-2nm", "offeredBy", "id:rapidus") in fs, fs


MEMO = """【決算説明会メモ】ヤツガシラ・セミコンダクタ（東証グロース）2026年12月期 決算説明会

■ 業績ハイライト
・主力の推論チップ「YT-7」の出荷が伸びた。同製品はTSMCの6nmプロセスで生産している。
・7月に検査装置のカケス・エンジニアリング株式会社を全株取得で買収し、連結子会社化した。
・同月、ムクドリ産業を割当先とする第三者割当増資（約12億円）を実施した。

■ 質疑応答
Q. 当社の次の製品は。
A. 当社としてはまだ言えない。
"""


def test_a_memo_about_the_company_its_headline_names_and_its_acquisition_without_a_subject():
    fs = facts(MEMO)
    company = "new:org:ヤツガシラ・セミコンダクタ"
    assert ("new:chip:YT-7", "designedBy", company) in fs, fs
    assert (company, "investedIn", "new:org:カケス・エンジニアリング株式会社") in fs, fs
    rounds = {s for s, p, o in fs if p == "fundedCompany" and o == company}
    assert rounds and any((r, "investor", "new:org:ムクドリ産業") in fs for r in rounds), fs
    assert not any(p == "fundedCompany" and o == "new:org:ムクドリ産業" for _, p, o in fs), fs


INTERVIEW = """【インタビュー】オオヨシキリ・ラボ CEO「推論で勝つ」

AIチップ設計のオオヨシキリ・ラボが、シリーズAで15億円を調達した。

――主力の「OY-3」はどこで作っているんでしょう。

田中　TSMCさんの5ナノですね。
"""


def test_an_interview_answer_makes_the_chip_of_the_question_and_the_headline_company_designs_it():
    fs = facts(INTERVIEW)
    assert ("new:chip:OY-3", "designedBy", "new:org:オオヨシキリ・ラボ") in fs, fs
    assert ("new:chip:OY-3", "manufacturedOn", "id:tsmc-n5") in fs, fs
    assert not any("CEO" in s or "CEO" in str(o) for s, _, o in fs), fs


THREAD = """【国産AIチップ】ミソサザイ・デバイスを語るスレ Part2

1 名無しさん 2026/10/01(木) 20:00:00
新しいMS-5ってTSMCのN3Eなんだっけ？

2 名無しさん 2026/10/01(木) 20:03:00
今日のプレスリリース貼っとく
「シリーズCで総額55億円を調達。リードインベスターはトキワギ・ベンチャーズ、セキレイキャピタルほか1社が参加」

3 名無しさん 2026/10/01(木) 20:10:00
ベンチだとMS-5はホオアカのHA-20やアトリ電機のAT-9より速いらしいけど
同社のデータセンター向けクラスタ「ウラナミ」はMS-5を2,048枚で構成
"""


def test_a_thread_about_the_company_its_title_names_and_another_vendors_chips_in_passing():
    fs = facts(THREAD)
    company = "new:org:ミソサザイ・デバイス"
    rnd = f"round:{company}:Series C"
    assert ("new:chip:MS-5", "designedBy", company) in fs, fs
    assert (rnd, "leadInvestor", "new:org:トキワギ・ベンチャーズ") in fs, fs
    assert (rnd, "investor", "new:org:セキレイキャピタル") in fs, fs
    assert (rnd, "leadInvestor", "new:org:セキレイキャピタル") not in fs, fs
    assert ("new:chip:HA-20", "designedBy", "new:org:ホオアカ") in fs, fs  # the owner's chip, whatever the hearsay
    assert ("new:chip:AT-9", "designedBy", "new:org:アトリ電機") in fs, fs
    assert ("new:cluster:ウラナミ", "designedBy", company) in fs, fs


EXPO = """# 半導体ショー2026 出展者一覧

| 小間番号 | 出展者 | 主な出展品 | 製造プロセス | 備考 |
|---|---|---|---|---|
| D-21 | ヒレンジャク・ロジック株式会社 | 推論チップ HR-Mini 2 | TSMC N5 | ― |
| D-24 | サンコウ計算機研究所 | 研究用チップ SK-8、試作クラスタ「ハルニレ」（SK-8×32基） | ― | ― |
"""


def test_an_exhibitor_table_reads_its_exhibits_column_and_no_booth_code_is_a_chip():
    fs = facts(EXPO)
    assert ("new:chip:HR-Mini 2", "designedBy", "new:org:ヒレンジャク・ロジック株式会社") in fs, fs
    assert ("new:chip:HR-Mini 2", "manufacturedOn", "id:tsmc-n5") in fs, fs
    assert ("new:chip:SK-8", "designedBy", "new:org:サンコウ計算機研究所") in fs, fs
    assert not any(s.startswith(("new:chip:D-2",)) for s, _, _ in fs), fs
    assert not any(isinstance(o, str) and o.endswith("研究所") and p == "usesArchitecture" for _, p, o in fs), fs
    assert not any("×" in s for s, _, _ in fs), fs


def test_an_outlook_for_a_past_year_is_an_actual_and_a_fund_described_by_its_owner_stays_in_the_list():
    fs = facts("2026年11月20日\n\n当社推計では、国内のAI推論チップ市場は2025年に3,100億円、2029年には9,000億円に達する見通し。\n\n"
               "AIチップ設計企業のコガネ・コンピュートは、シリーズBの資金調達を完了したと発表した。調達額は20億元で、"
               "白鷺資本がリード投資を務め、鳴門基金、青葉クラウドの投資部門である青葉キャピタルがフォロー投資を行った。"
               "「KG-9」を1,024枚搭載した計算クラスタ「春霞」はすでに稼働している。")
    figures = {}
    for s, p, o in fs:
        figures.setdefault(s, {})[p] = o
    by_year = {v.get("year"): v.get("isForecast") for v in figures.values() if "isForecast" in v}
    assert by_year.get("2025") == "false" and by_year.get("2029") == "true", by_year
    rnd = "round:new:org:コガネ・コンピュート:Series B"
    assert (rnd, "investor", "new:org:鳴門基金") in fs, fs
    assert (rnd, "investor", "new:org:青葉キャピタル") in fs, fs
    assert ("new:cluster:春霞", "designedBy", "new:org:コガネ・コンピュート") in fs, fs


def test_a_quoted_architecture_with_its_reading_in_brackets_is_the_name_before_them():
    fs = facts("ミズナラ・ロジックは、独自のNPUマイクロアーキテクチャ「ユウヅツ（Yuzutsu）」を搭載した推論チップ「MZ-3」を発表した。")
    assert ("new:chip:MZ-3", "usesArchitecture", "new:arch:ユウヅツ") in fs, fs
    assert not any("Yuzutsu" in str(o) for _, _, o in fs), fs
