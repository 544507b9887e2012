"""The relation-classifier experiment (ingest/train/relclass): its input hides the names behind role markers,
its labels come from gold the way kgeval matches names and process nodes, and the rules-first combination
only adds where the rules said nothing."""
from __future__ import annotations

import pytest

from ingest.evaluate import load_kgeval
from ingest.train.relclass.dataset import label, matches
from ingest.train.relclass.marking import marked
from ingest.train.relclass.measure import fill


def test_marked_hides_names_and_marks_head_and_tail():
    text = "Groq's LPU was manufactured by GlobalFoundries on a 14nm process."
    spans = [(0, 4, "org"), (7, 10, "chip"), (31, 46, "org"), (52, 56, "node")]
    toks = marked(text, spans, 1, 3)
    assert toks[:5] == ["ORG", "'", "s", "HEAD_CHIP", "was"]
    assert "TAIL_NODE" in toks and "GlobalFoundries" not in toks and "14nm" not in toks
    zh = marked("星衡智芯由青岚资本领投", [(0, 4, "org"), (5, 9, "org")], 1, 0)
    assert zh == ["TAIL_ORG", "由", "HEAD_ORG", "领", "投"]


@pytest.mark.shared  # kgeval's name normaliser comes from ../shared
def test_labels_follow_gold_names_and_process_specs():
    norm = load_kgeval().norm
    keys = {"new:chip:ZX-9": {"names": ["zx9"], "node": None},
            "id:tsmc-n5": {"names": ["n5"], "node": [["tsmc", "台积电"], 5.0]},
            "id:tsmc-n3": {"names": ["n3"], "node": [["tsmc"], 3.0]}}
    doc = {"keys": keys, "gold": [["manufacturedOn", "ZX-9", "process:TSMC|台積電:5"]]}
    assert matches(keys, "id:tsmc-n5", "process:TSMC:5", norm)
    assert label(doc, "new:chip:ZX-9", "id:tsmc-n5", "chip-node", norm) == "manufacturedOn"
    assert label(doc, "new:chip:ZX-9", "id:tsmc-n3", "chip-node", norm) == "NONE"


def test_fill_adds_only_where_rules_are_silent():
    rules = {("designedBy", "chip:a", "org:x")}
    clf = {("designedBy", "chip:a", "org:y"), ("designedBy", "chip:b", "org:y")}
    assert fill(rules, clf) == rules | {("designedBy", "chip:b", "org:y")}
