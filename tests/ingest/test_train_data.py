"""The recogniser's training data: gold projection, mention replacement, invented names, tokens."""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from ingest.components.ner import model_words
from ingest.train.augment import replace
from ingest.train.names import NameGenerator, is_latin, render
from ingest.train.project import Example, Span, gold_entities, label_of, project

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "invented"


def test_label_of_classes():
    assert label_of({"Chip", "TrainingChip"}) == ("CHIP", "org")
    assert label_of({"ComputingCluster"}) == ("CLUSTER", "org")
    assert label_of({"Organization", "Foundry", "ChipVendor", "Investor"}) == ("ORG", "vendor")
    assert label_of({"Investor"}) == ("ORG", "investor")
    assert label_of({"ResearchFirm"}) == ("RESEARCH", "research")
    assert label_of({"Microarchitecture"}) == ("ARCH", "org")
    assert label_of({"ProcessNode"}) is None


def test_gold_projection_finds_every_spelling():
    exs = project(FIXTURES / "en_inv_quillon.txt", FIXTURES / "en_inv_quillon.tsv")
    found = {(ex.text[s.start:s.end], s.label) for ex in exs for s in ex.spans}
    assert ("Quillon Labs", "ORG") in found
    assert ("Quillon", "ORG") in found  # the short spelling, in "Quillon said …"
    assert ("QL-400", "CHIP") in found
    assert ("Tidewater", "CLUSTER") in found
    assert ("Marrow", "ARCH") in found
    assert all(ex.lang == "en" for ex in exs)
    assert len(gold_entities(FIXTURES / "en_inv_quillon.tsv")) == 9


def test_replacement_swaps_every_name_consistently():
    exs = project(FIXTURES / "zh_inv_tianqiong.txt", FIXTURES / "zh_inv_tianqiong.tsv")
    copy = replace(exs, random.Random(3), keep=0.0)
    originals = {ex.text[s.start:s.end] for ex in exs for s in ex.spans}
    by_entity: dict[str, set] = {}
    for ex in copy:
        for s in ex.spans:
            new = ex.text[s.start:s.end]
            assert new not in originals
            by_entity.setdefault(s.entity, set()).add(new.split("（")[0].split("(")[0])
    # 天穹智芯 is named in both sentences: the same invented name both times
    assert any(len([ex for ex in copy for s in ex.spans if s.entity == e]) >= 2 and len(v) == 1
               for e, v in by_entity.items())
    # the text around the names is unchanged
    assert all("融资" in ex.text or "芯片" in ex.text for ex in copy)


def test_invented_names_follow_the_original_script():
    rng = random.Random(0)
    gen = NameGenerator("ja", rng)
    b = gen.make("ORG", "investor")
    assert is_latin(b.latin)
    assert render(b, "gpu maker", "en", rng) == b.latin.lower()
    native = render(b, "ミナトキャピタル", "ja", random.Random(5))
    assert not is_latin(native.split("（")[0].split("(")[0])
    # reproducible for a seed
    assert NameGenerator("zh", random.Random(9)).make("CHIP").latin == NameGenerator("zh", random.Random(9)).make("CHIP").latin


def test_cjk_char_tokens_keep_latin_runs_whole():
    words, spaces = model_words("由赛博半导体领投 T20芯片", "cjk_char")
    assert words == ["由", "赛", "博", "半", "导", "体", "领", "投", "T20", "芯", "片"]
    assert spaces[7] is True and not any(spaces[:7])


def test_misaligned_name_is_missing_not_outside():
    pytest.importorskip("spacy")
    from spacy.vocab import Vocab
    from ingest.train.corpus import Tokeniser, to_doc
    tok = Tokeniser("en")
    ex = Example("Acme Corp.s QX-7 chip", [Span(0, 9, "ORG", "a", "vendor"), Span(12, 16, "CHIP", "b", "org")])
    stats: dict = {}
    doc = to_doc(ex, tok, Vocab(), stats)
    assert [(e.text, e.label_) for e in doc.ents] == [("QX-7", "CHIP")]
    assert stats.get("misaligned") == 1
    assert doc[0].ent_iob_ == "" and doc[-1].ent_iob_ == "O"
