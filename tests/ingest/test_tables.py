"""Tables in plain text and HTML: rows state the facts their header names."""
from __future__ import annotations

from ingest.extract import extract
from ingest.readers import RawDocument
from ingest.readers.html import read as read_html
from ingest.tables import cells, column_roles

ZH_TABLE = """国产AI芯片一览

芯片名称 | 设计厂商 | 定位 | 制程 | 代工厂
含光800 | 阿里平头哥 | 推理 | 12nm | 台积电
昇腾910B | 华为 | 训练 | 7nm | 中芯国际
思元370 | 寒武纪 | 训推一体 | 7nm | —
"""

HTML_TABLE = b"""<html><body><article><h1>Accelerators</h1><p>Where they are made.</p>
<table><tr><th>Chip</th><th>Designer</th><th>Process</th><th>Foundry</th></tr>
<tr><td>H100</td><td>NVIDIA</td><td>4nm</td><td>TSMC</td></tr>
<tr><td>MI300X</td><td>AMD</td><td>5nm</td><td>TSMC</td></tr></table></article></body></html>"""


def facts(raw: RawDocument) -> set[tuple]:
    ex = extract(raw)
    return {(f.subject, f.predicate, f.object, f.extractor) for r in ex.results for f in r.facts}


def test_cells_and_roles():
    head = "芯片名称 | 设计厂商 | 定位 | 制程 | 代工厂"
    spans = cells(head)
    assert len(spans) == 5
    assert column_roles(head, spans) == ["chip", "vendor", "purpose", "process", "foundry"]
    assert cells("NVIDIA | TSMC") == []  # one separator is prose, not a table
    assert column_roles("Chip\tDesigner\tNode", cells("Chip\tDesigner\tNode")) == ["chip", "vendor", "process"]


def test_plain_text_table_rows():
    got = {(s, p, o) for s, p, o, _ in facts(RawDocument("<t>", ZH_TABLE))}
    assert any(s == "id:alibaba-hanguang-800" and p == "designedBy" for s, p, o in got)
    assert any(s == "id:huawei-ascend-910b" and p == "manufacturedOn" and "smic" in o for s, p, o in got)
    # no foundry named: no foundry-specific process for 思元370
    assert not any(s.startswith("id:cambricon") and p == "manufacturedOn" for s, p, o in got)


def test_html_table_rows():
    raw = read_html(HTML_TABLE, "t.html")
    assert "H100 | NVIDIA | 4nm | TSMC" in raw.text
    got = {(s, p, o) for s, p, o, _ in facts(raw)}
    assert ("id:nvidia-h100", "designedBy", "id:nvidia") in got
    assert ("id:amd-mi300x", "designedBy", "id:amd") in got
    assert any(s == "id:amd-mi300x" and p == "manufacturedOn" and "tsmc" in o for s, p, o in got)


def test_table_without_relation_columns_adds_nothing():
    text = "Quarter | Revenue | Margin\nQ1 | 10 | 5%\nQ2 | 12 | 6%\n"
    assert not any(e == "aic_table_row" for *_, e in facts(RawDocument("<t>", text)))
