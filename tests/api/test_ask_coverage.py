"""api/ask/coverage.py: a question with a word no reading used is declined, naming the word, in its language."""
from __future__ import annotations

import pytest

from api.ask import answer
from api.ask.coverage import _gapped, masked_origin, unread
from kg.store import open_store


@pytest.fixture(scope="module")
def ref_store(reference_graph):
    st = open_store(":memory:")
    st.load(reference_graph)
    return st


def _spans(text: str, *words: str) -> list[tuple[int, int]]:
    return [(text.index(w), text.index(w) + len(w)) for w in words]


def test_unread_keeps_content_words_and_drops_function_words():
    text = "Which vendors headquartered in Shenzhen rely on TSMC?"
    used = _spans(text, "vendors", "rely on", "TSMC")
    assert unread(text, "en", used) == ["headquartered", "Shenzhen"]
    assert unread(text, "en", used + _spans(text, "headquartered", "Shenzhen")) == []


def test_unread_japanese_names_the_whole_word_and_skips_inflection():
    text = "テンセントがひそかに出資した企業は？"
    assert unread(text, "ja", _spans(text, "テンセント", "出資", "企業")) == ["ひそか"]
    # "っ" after a word that was read is its inflection, not a word
    text = "A100の製造を請け負っているファウンドリは？"
    assert unread(text, "ja", _spans(text, "A100", "製造", "ファウンドリ")) == []


def test_unread_chinese_names_the_word_around_a_function_character():
    text = "在智能手机领域，寒武纪有几款训练芯片？"
    assert "智能手机领域" in unread(text, "zh", _spans(text, "寒武纪", "训练芯片"))


def test_unread_japanese_reads_a_noun_made_from_a_read_word_and_a_whole_katakana_word():
    # a noun-forming suffix right after a read word is read with it (製造|元, 出資|者), not after an unread one
    text = "ハヤテの製造者と出資時期は？"
    assert unread(text, "ja", _spans(text, "ハヤテ", "製造", "出資")) == []
    assert unread(text, "ja", _spans(text, "ハヤテ", "出資")) == ["製造者"]
    # the long-vowel mark of a katakana word the reading matched without it ("サーバ" of "サーバー")
    text = "ハヤテを積んだサーバーは？"
    assert unread(text, "ja", _spans(text, "ハヤテ", "積ん", "サーバ")) == []
    # a light relation word (利用) is no content word, an unread katakana word stays unread whole
    text = "ハヤテを利用しているメーカーは？"
    assert unread(text, "ja", _spans(text, "ハヤテ")) == ["メーカー"]


def test_masked_origin_maps_back_to_the_question():
    masked, origin = masked_origin("Who designed  the H100?", [(18, 22, "{chip}")])
    assert masked == "who designed the {chip} ?"
    assert "".join("Who designed  the H100?"[i] for i in origin if i >= 0).casefold() == "who designed the ?"


def test_a_form_wildcard_reads_nothing_it_skips_over():
    rx = _gapped(r"which .* (?:use|depend)", 0)
    m = rx.search("which vendors in shanghai use")
    assert m.group("_g0") == "vendors in shanghai"


@pytest.mark.parametrize("q,words", [
    ("Which chip vendors headquartered in Shenzhen rely on TSMC?", ("headquartered", "Shenzhen")),
    ("Who secretly designed the 思元590?", ("secretly",)),
    ("Which NVIDIA chips priced under $2,000 come with HBM3e?", ("priced",)),
    ("深圳に本社を置く企業で、TSMCに依存しているのは？", ("深圳", "本社")),
    ("サムスンのSF4Xをひそかに採用している企業は？", ("ひそか",)),
    ("哪些总部位于深圳的厂商依赖台积电？", ("深圳", "总部")),
    ("在智能手机领域，寒武纪有几款训练芯片？", ("智能手机领域",)),
])
def test_an_unread_constraint_is_declined_in_the_question_language(ref_store, q, words):
    res = answer(q, ref_store)
    assert res["understood"] is False and not res["answers"], res
    assert any(w in res["message"] for w in words), res["message"]
    if not words[0].isascii():  # a Japanese or Chinese question is declined in its language
        assert res["language"] in ("ja", "zh") and not res["message"].isascii()


@pytest.mark.parametrize("q", ["Which vendor is behind Trainium2?", "MLU290の開発元はどこですか？",
                               "深算一号出自哪家公司？", "For a client memo: which company designed the Maia 100 accelerator?"])
def test_harmless_words_do_not_decline(ref_store, q):
    res = answer(q, ref_store)
    assert res["understood"] and res["answers"], res
