"""The trained entity recognisers (`aic_ner`): names no vocabulary knows become mentions, with the
model's label; vocabulary names win on overlap. Texts are invented names only (tests/fixtures/invented)."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.components.ner import MODELS, EntityModel

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "invented"
pytestmark = pytest.mark.skipif(not all((MODELS / lg / "config.cfg").exists() for lg in ("ja", "zh", "en")),
                                reason="no trained models (make train)")


def run(lang: str, text: str):
    from ingest.pipeline import build
    nlp = build(lang)
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.mentions or []


def model_found(ms, kind: str) -> set[str]:
    return {m.text for m in ms if m.kind == kind and m.extra.get("ner")}


def first_sentences(name: str) -> list[str]:
    from ingest.readers import read
    from ingest.segment import sentences
    raw = read(FIXTURES / name)
    return [s.text for s in sentences(raw.text, raw.body_start)]


def test_english_unknown_vendor_chip_and_investors():
    s1, s2, s3 = first_sentences("en_inv_zorblax.txt")[:3]
    ms = run("en", s1)
    assert "Zorblax Semiconductor" in model_found(ms, "org")
    assert "ZX-9" in model_found(ms, "chip")
    orgs = {m.text: m for m in run("en", s2) if m.kind == "org"}
    assert orgs.get("TSMC") is not None and orgs["TSMC"].ids  # the vocabulary's, not the model's
    ms = run("en", s3)
    found = model_found(ms, "org") | {m.text for m in ms if m.kind == "org"}
    assert {"Sequoia Capital", "Lightspeed Venture Partners"} <= found


def test_model_mentions_carry_the_label():
    ms = run("en", first_sentences("en_inv_zorblax.txt")[0])
    labels = {m.text: m.extra["ner"] for m in ms if m.extra.get("ner")}
    assert labels.get("Zorblax Semiconductor") == "ORG" and labels.get("ZX-9") == "CHIP"
    chip = next(m for m in ms if m.text == "ZX-9")
    assert chip.ids == () and chip.extra["unknown"] and chip.key == "new:chip:ZX-9"


def test_japanese_katakana_company_and_funds():
    s1, _, s3, s4 = first_sentences("ja_inv_kestoria.txt")[:4]
    assert any("ケストリア" in t for t in model_found(run("ja", s1), "org"))
    funds = {m.text for m in run("ja", s3 + s4) if m.kind == "org"}
    assert any("ミナトキャピタル" in t for t in funds)


def test_chinese_company_chip_and_funds():
    s1, s2 = first_sentences("zh_inv_tianqiong.txt")[:2]
    ms = run("zh", s1)
    assert "天穹智芯" in model_found(ms, "org")
    assert any("T30" in t for t in model_found(ms, "chip"))
    assert any(m.text == "中芯国际" and m.ids for m in ms)  # vocabulary name, not the model's
    funds = {m.text for m in run("zh", s2) if m.kind == "org"}
    assert {"澜湾资本", "青禾创投"} <= funds


def test_missing_model_is_a_no_op(tmp_path):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab
    from ingest.components.ner import ModelMentions
    comp = EntityModel(str(tmp_path / "none"), "base")
    doc = ModelMentions()(comp(Doc(Vocab(), words=["Zorblax", "Semiconductor"])))
    assert doc._.model_ents == [] and not doc._.mentions


def test_batched_and_single_runs_agree():
    from ingest.pipeline import build
    nlp = build("zh")
    comp = nlp.get_pipe("open_ner")
    texts = first_sentences("zh_inv_tianqiong.txt") + first_sentences("zh_inv_lingque.txt")
    batched = [d._.model_ents for d in comp.pipe([nlp.make_doc(t) for t in texts], batch_size=3)]
    single = [comp(nlp.make_doc(t))._.model_ents for t in texts]
    assert batched == single and any(batched)


def test_pieces_of_quoted_names_and_ordinals_are_no_guesses():
    from ingest.components.ner import _ORDINAL, _piece_of_bracketed_quote
    text = "第1世代の学習用チップ「邃思（DTU）1.0」を発表した。"
    s = text.index("邃思")
    assert _piece_of_bracketed_quote(text, s, s + 2)  # the quotes bound the name, not the model's "邃思"
    text = "第2世代の学習用カード「雲燧T20（CloudBlazer T20）」を発表した。"
    s = text.index("雲燧")
    assert not _piece_of_bracketed_quote(text, s, s + 5)  # a reading in brackets at the end: _reading's case
    assert not _piece_of_bracketed_quote("推理芯片「星雲」を", 5, 7)
    assert _ORDINAL.fullmatch("第三") and _ORDINAL.fullmatch("第3世代") and not _ORDINAL.fullmatch("第一资本")


def test_a_name_with_its_other_spelling_in_brackets_is_two_guesses():
    from ingest.components.ner import _split_pairs
    text = "由Lumeq（流明科技）完成"
    s = text.index("L")
    assert [text[a:b] for a, b, _ in _split_pairs(text, [(s, text.index("完"), "ORG")])] == ["Lumeq", "流明科技"]
    text = "tovrin tek （トヴリン テック） は"
    assert [text[a:b] for a, b, _ in _split_pairs(text, [(0, text.index(" は"), "ORG")])] == ["tovrin tek", "トヴリン テック"]
    assert _split_pairs("「星雲（セイウン）」", [(1, 9, "CHIP")]) == [(1, 9, "CHIP")]  # a quoted reading: _reading's


def test_a_company_word_outweighs_a_chip_label():
    from ingest.components.ner import _label_by_name_word
    assert _label_by_name_word("ミハシ総合研究所", "CHIP", "ja") == "RESEARCH"
    assert _label_by_name_word("栖霞资本", "CHIP", "zh") == "ORG"
    assert _label_by_name_word("天枢T20", "CHIP", "zh") == "CHIP"
    assert _label_by_name_word("星澜集群", "CLUSTER", "zh") == "CLUSTER"


def test_a_generation_word_alone_is_no_name():
    """"its first-generation 7nm-class DUV process": a generation descriptor a model reads as a chip names nothing."""
    from ingest.components.ner import _ORDINAL
    for word in ("first-generation", "next-gen", "2nd generation", "第三代", "第3世代"):
        assert _ORDINAL.fullmatch(word), word
    for name in ("first-generation Gaudi", "Gen3", "Nextgen AI"):
        assert not _ORDINAL.fullmatch(name), name


def test_the_second_english_recogniser_only_adds_spans_the_first_leaves_free():
    """en.cfg names a second, wider recogniser (ingest/models/wide/en): the first one's spans all stay, the second's
    are added only where they overlap none of them, and a second model that is the first adds nothing."""
    from ingest.pipeline import build
    nlp = build("en")
    comp = nlp.get_pipe("open_ner")
    assert comp.second is not None
    texts = first_sentences("en_inv_mt_veltrix.txt")
    alone = EntityModel("models/en", "base")
    for t in texts:
        first = alone(nlp.make_doc(t))._.model_ents
        both = comp(nlp.make_doc(t))._.model_ents
        assert set(first) <= set(both)
        extra = set(both) - set(first)
        assert not any(a < e and s < b for s, e, _ in extra for a, b, _ in first)
    same = EntityModel("models/en", "base", second="models/en")
    assert all(same(nlp.make_doc(t))._.model_ents == alone(nlp.make_doc(t))._.model_ents for t in texts)
