"""Japanese and Chinese news wordings (issue 12): Latin names inside CJK text, a known name's investing arm,
conversions in brackets, subscriber lists, dates carried from the sentence before, names anchored in lists.
Invented names only, so the vocabulary cannot help."""
from __future__ import annotations

from ingest.extract import extract
from ingest.readers import RawDocument
from tests.ingest.test_rel_roles import rounds_of, the_round


def facts_of(text: str) -> dict:
    ex = extract(RawDocument("<test>", text))
    return {(f.subject, f.predicate): f.object for r in ex.results for f in r.facts}


def test_latin_fund_names_in_japanese_take_their_roles():
    rd = the_round("ゾルバックス・セミコンダクターは2026年3月、シリーズBで1億2000万ドルを調達した。"
                   "本ラウンドはHarlow Ridge VenturesとSamsung Securitiesがリードし、"
                   "Pinecrest Capitalなどが参加した。")
    assert {"Harlow Ridge Ventures", "Samsung Securities"} <= rd["lead"], rd
    assert "Pinecrest Capital" in rd["investor"], rd
    assert "Samsung" not in rd["lead"] | rd["investor"], rd


def test_a_bracketed_conversion_is_not_the_amount():
    fs = facts_of("星衡智芯科技于2025年6月完成9亿元人民币（约1.3亿美元）B轮融资，由青禾资本领投。")
    amounts = {o for (s, p), o in fs.items() if p == "amount"}
    currencies = {o for (s, p), o in fs.items() if p == "currency"}
    assert amounts == {"900000000"} and currencies == {"CNY"}, fs


def test_zh_subscribers_listed_after_the_cue_join_the_placement():
    rd = rounds_of("星衡智芯科技2025年度向特定对象发行股票已完成，募集资金总额12.5亿元。"
                   "参与认购的机构包括青禾资本、远峰创投和澜石基金等。")
    placements = [v for k, v in rd.items() if k.startswith("round:")]
    assert len(placements) == 1, rd
    assert {"青禾资本", "远峰创投", "澜石基金"} <= placements[0]["investor"], rd


def test_zh_list_item_may_start_with_a_conjunction_character():
    rd = the_round("星衡智芯科技完成5亿元B轮融资，本轮由青禾资本领投，远峰创投、和光资本跟投。")
    assert "和光资本" in rd["investor"], rd


def test_a_round_word_without_a_year_takes_the_date_just_given():
    rd = the_round("2021年9月，星衡智芯科技发布首款推理芯片XH-100。当时公司完成首轮融资，由青禾资本领投，远峰创投跟投。")
    assert rd["date"] == "2021-09" and "青禾资本" in rd["lead"] and "远峰创投" in rd["investor"], rd


def test_a_founding_year_is_not_the_round_date():
    rd = the_round("星衡智芯科技成立于2019年，2022年完成3亿元A轮融资，由青禾资本领投。")
    assert rd["date"] == "2022", rd


def test_a_table_row_does_not_make_its_vendor_the_documents_topic():
    """Footnotes under a table describe each row's chip; they must not credit them to the last row's vendor."""
    text = ("芯片名称 | 设计厂商 | 制程 | 代工厂\n含光800 | 阿里平头哥 | 12nm | 台积电\n"
            "MTT S80 | 摩尔线程 | 12nm | —\n\n注：\n1. 含光800面向云端推理，2019年正式发布。")
    ex = extract(RawDocument("<test>", text))
    designers = {f.object for r in ex.results for f in r.facts
                 if f.predicate == "designedBy" and f.subject == "id:alibaba-hanguang-800"}
    assert designers == {"id:alibaba"}, designers


def test_a_city_where_a_chip_was_launched_is_not_its_designer():
    """"于杭州发布": the recogniser may take the city for an organisation; a place alone is never a name."""
    ex = extract(RawDocument("<test>", "含光800于2019年9月在杭州发布，面向云端推理。"))
    objects = {f.object for r in ex.results for f in r.facts}
    assert not any("杭州" in str(o) for o in objects), objects
