"""aic_funding: who invests in whom, in which direction, and what is a name at all, from the sentence's
structure and the cue rows' roles (ontology/lexicon/<lang>/relations.jsonl)."""
from __future__ import annotations

import pytest

from ingest.extract import extract
from ingest.readers import RawDocument


def facts_of(text: str) -> set[tuple]:
    ex = extract(RawDocument("<test>", text))
    return {(f.subject, f.predicate, f.object) for r in ex.results for f in r.facts}


@pytest.mark.parametrize("text", [
    "Graphcore was acquired by SoftBank Group in July 2024.",
    "In July 2024 SoftBank Group acquired Graphcore.",
    "Graphcore designs IPUs.\n同社は2024年7月にソフトバンクグループに買収された。",
    "ソフトバンクグループがGraphcoreを買収した。",
    "2024年7月，软银集团完成对Graphcore的收购。",
    "2024年，Graphcore被软银集团收购。",
])
def test_funding_acquisition_direction_from_voice(text):
    fs = facts_of(text)
    assert ("id:softbank-group", "investedIn", "id:graphcore") in fs
    assert ("id:graphcore", "investedIn", "id:softbank-group") not in fs


@pytest.mark.parametrize("text,not_name", [
    ("寒武纪上市前的投资方中不乏产业资本身影：阿里巴巴通过旗下创投平台持股2.08%。", "不乏产业资本"),
    ("总部位于杭州的初创公司星衡智芯科技完成B轮融资。", "初创公司星衡智芯科技"),
])
def test_funding_zh_phrase_is_not_an_organisation(text, not_name):
    ex = extract(RawDocument("<test>", text))
    assert not [m for r in ex.results for m in r.mentions if m.kind == "org" and not_name in m.text]
