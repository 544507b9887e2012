"""Japanese mechanisms found on dev_invented12 (issue 12), each checked on sentences written for these tests in genres
of their own (a webinar transcript, a recruiting blog, a newsletter, a notice), with invented names."""
from __future__ import annotations

from ingest.extract import extract
from ingest.readers import RawDocument
from tests.ingest.test_cjk_names import facts
from tests.ingest.test_rel_roles import rounds_of


def _rounds(text: str) -> dict:
    return {k: v for k, v in rounds_of(text).items() if k.startswith("round:")}


def _org_labels(text: str) -> set:
    ex = extract(RawDocument("<test>", text))
    return {m.text for r in ex.results for m in r.mentions if m.kind == "org"}


def test_a_byline_names_the_company_whose_tousha_the_talk_is():
    text = ("ウェビナー書き起こし：エッジAIの消費電力をどう減らすか\n"
            "株式会社ハマナス電子　執行役員CTO　東雲 圭\n\n"
            "本日はお集まりいただきありがとうございます。\n\n"
            "以前はサムスン電子に製造をお願いしていましたが、昨年からグローバルファウンドリーズの12nmに移りました。"
            "当社が開発した画像認識チップ「HM-5」も、そこで作っています。\n\n"
            "資金面では、今年の春にシリーズBで20億円を調達しました。")
    fs = facts(text)
    assert ("new:chip:HM-5", "designedBy", "new:org:株式会社ハマナス電子") in fs, fs
    assert not any(f[:2] == ("new:chip:HM-5", "designedBy") and f[2] != "new:org:株式会社ハマナス電子" for f in fs), fs
    assert [v["company"] for v in _rounds(text).values()] == ["株式会社ハマナス電子"], _rounds(text)


def test_a_greeting_that_names_the_writer_and_the_company():
    text = ("採用ブログ：チップ設計の現場から\n\n"
            "はじめまして、ミズナラ・デバイス（Mizunara Devices）設計部の森です。"
            "今日はインテルの18Aで試作している当社の次世代チップ「MZ-9」の話を少しだけします。")
    fs = facts(text)
    assert ("new:chip:MZ-9", "designedBy", "new:org:ミズナラ・デバイス") in fs, fs
    assert ("new:chip:MZ-9", "designedBy", "id:intel") not in fs, fs


def test_a_name_ends_at_the_space_before_a_compound_that_runs_past_it():
    labels = _org_labels("カタバミ・システムズ リサーチノート\n\n当社は今月、新チップ「KT-2」を発表しました。")
    assert "カタバミ・システムズ" in labels and not any("ノート" in x for x in labels), labels
    fs = facts("カタバミ・システムズ リサーチノート\n\n当社は今月、新チップ「KT-2」を発表しました。")
    assert ("new:chip:KT-2", "designedBy", "new:org:カタバミ・システムズ") in fs, fs
    labels = _org_labels("【トップインタビュー】ヨシキリ半導体 柚木智也CEO「推論に賭ける」")  # (the cut for a title stays)
    assert "ヨシキリ半導体" in labels, labels


def test_an_answer_goes_on_about_the_chip_its_question_named():
    text = ("【聞き書き】アオバト・セミコンダクター　森田健CTO「電力で勝つ」\n\n"
            "画像認識チップを開発するアオバト・セミコンダクターは今年、新チップ「AB-7」を出荷する。\n\n"
            "――「AB-7」はどこが新しいのですか。\n"
            "「まず、消費電力です。当社は電力の削減に集中してきました。本チップはサムスン電子の5nmで製造しています」")
    fs = facts(text)
    assert ("new:chip:AB-7", "fabricatedBy", "id:samsung") in fs, fs
    text = ("【社長に聞く】ミサゴ・デバイス　葛城学社長「学習より推論」\n\n"
            "動画解析に特化したチップを開発するミサゴ・デバイス（Misago Devices）は3月、シリーズBで60億円を調達した。"
            "夏に出荷する新製品「Hayate-3」の狙いを、葛城学社長に聞いた。\n\n"
            "――Hayate-3はどういう製品ですか。\n"
            "「ひとことで言うと、動画の推論に絞ったチップです。学習は他社の汎用品に任せて、当社は監視カメラの映像を処理する段階の"
            "電力を減らすことに集中しました。同チップはサムスン電子の5ナノ世代、SF5で製造しています。」")
    fs = facts(text)
    assert ("new:chip:Hayate-3", "fabricatedBy", "id:samsung") in fs, fs


def test_the_company_named_after_a_making_noun_makes_the_chip_and_designs_nothing():
    fs = facts("ヤマセ・ロジック（Yamase Logic）は画像処理チップを手がけるスタートアップだ。\n\n"
               "今年発表した第2世代の「YS-2」では製造をサムスン電子に切り替え、SF4を使う。")
    assert ("new:chip:YS-2", "fabricatedBy", "id:samsung") in fs, fs
    assert ("new:chip:YS-2", "designedBy", "id:samsung") not in fs, fs
    fs = facts("【週刊チップ便り】\n\nクロツグミ半導体は推論チップを設計している。\n\n昨年発表した新チップ「KT-40」は、生産をインテルに移した。")
    assert ("new:chip:KT-40", "fabricatedBy", "id:intel") in fs, fs
    assert ("new:chip:KT-40", "designedBy", "id:intel") not in fs, fs


def test_a_katakana_spelling_before_a_known_name_in_brackets_is_that_name():
    text = ("【翻訳記事】クラウド各社の自社チップ\n\n"
            "グーグルの第6世代TPUであるトリリウム（Trillium）は、前世代より電力効率が高いとされています。"
            "トリリウムは、TSMCにおいて製造されていると言われています。")
    fs = facts(text)
    assert ("id:google-trillium", "designedBy", "id:google") in fs, fs
    assert "トリリウム" not in _org_labels(text)


def test_a_thread_or_issue_number_is_no_chip():
    ex = extract(RawDocument("<test>", "【雑談】エッジAIチップを語るスレ Part12\n\nハヤブサ電子のHB-3って結局どこで作ってるの？"))
    chips = {m.text for r in ex.results for m in r.mentions if m.kind == "chip"}
    assert chips == {"HB-3"}, chips
    ex = extract(RawDocument("<test>", "チップ業界ニュースまとめ Vol.8\n\n今週はカワウソ半導体のKW-2が出荷された。"))
    chips = {m.text for r in ex.results for m in r.mentions if m.kind == "chip"}
    assert chips == {"KW-2"}, chips
