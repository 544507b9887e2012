"""ingest.pipeline: GiNZA's `ner` restricted to the configured labels finds the same organisations."""
from __future__ import annotations

import pytest

from ingest.pipeline import base_only, build, read_config

SENTENCE = "ラピダスは2022年に設立され、トヨタ自動車、デンソー、三菱UFJ銀行の8社が計73億円を出資した。"
ORG = {"Company", "Corporation_Other", "Organization_Other"}


@pytest.fixture(scope="module")
def ja():
    pytest.importorskip("ja_ginza")
    return build("ja")


def test_ner_keeps_only_configured_labels(ja):
    labels = set(read_config("ja")["ner_labels"])
    moves = ja.get_pipe("ner").moves
    names = {moves.get_class_name(i) for i in range(moves.n_moves)}
    assert {n.partition("-")[2] for n in names} - {""} == labels
    assert "morphologizer" not in ja.pipe_names and "bunsetu_recognizer" not in ja.pipe_names


def test_pruned_ner_finds_the_same_organisations(ja):
    full = base_only("ja")
    assert full.get_pipe("ner").moves.n_moves > ja.get_pipe("ner").moves.n_moves
    want = {(e.text, e.label_) for e in full(SENTENCE).ents if e.label_ in ORG}
    with ja.select_pipes(enable=["tok2vec", "parser", "ner"]):
        got = {(e.text, e.label_) for e in ja(SENTENCE).ents if e.label_ in ORG}
    assert want and got == want
