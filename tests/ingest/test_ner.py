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
