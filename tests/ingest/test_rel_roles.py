"""Round roles from the cue rows of ontology/lexicon/<lang>/relations.jsonl (`agent`: the side of the cue
the names are on, `window`: how far), the company a round belongs to, and the cues that name no company
(listing venues, owners, 'whose'), on sentences with invented names."""
from __future__ import annotations

import pytest

import ontology
from ingest.extract import extract
from ingest.readers import RawDocument


def rounds_of(text: str) -> dict[str, dict]:
    """round key -> {'company': key, 'lead': {labels}, 'investor': {labels}}, plus plain investedIn pairs."""
    ex = extract(RawDocument("<test>", text))
    label: dict = {}
    for m in (m for r in ex.results for m in r.mentions):
        label.setdefault(m.key, m.text)  # the name as first written, not a short name defined after it
    out: dict[str, dict] = {}
    for r in ex.results:
        for f in r.facts:
            if f.subject.startswith("round:"):
                rd = out.setdefault(f.subject, {"company": None, "lead": set(), "investor": set(), "date": None})
                if f.predicate == "fundedCompany":
                    rd["company"] = label.get(f.object, f.object)
                elif f.predicate == "leadInvestor":
                    rd["lead"].add(label.get(f.object, f.object))
                elif f.predicate == "investor":
                    rd["investor"].add(label.get(f.object, f.object))
                elif f.predicate == "date":
                    rd["date"] = f.object
            elif f.predicate == "investedIn":
                out.setdefault("investedIn", {}).setdefault(label.get(f.object, f.object), set()).add(
                    label.get(f.subject, f.subject))
    return out


def the_round(text: str) -> dict:
    rs = {k: v for k, v in rounds_of(text).items() if k.startswith("round:")}
    assert len(rs) == 1, rs
    return next(iter(rs.values()))


@pytest.mark.parametrize("text,lead,parts", [
    ("Brindle Labs raised $80 million in a Series B round led by Ostrava Capital and Quenby Ventures, with "
     "participation from Talon Growth Partners, Ferrow Capital and Mistral Peak Fund.",
     {"Ostrava Capital", "Quenby Ventures"}, {"Talon Growth Partners", "Ferrow Capital", "Mistral Peak Fund"}),
    ("銀河芯动完成5亿元B轮融资，本轮融资由青禾资本领投，远峰创投、澜石资本跟投。",
     {"青禾资本"}, {"远峰创投", "澜石资本"}),
    ("カスミ・シリコンはシリーズBで30億円を調達した。ホシノ・キャピタルがリードし、ミナセ・ベンチャーズとアサギ・パートナーズが参加した。",
     {"ホシノ・キャピタル"}, {"ミナセ・ベンチャーズ", "アサギ・パートナーズ"}),
])
def test_every_party_gets_its_role(text, lead, parts):
    rd = the_round(text)
    assert lead <= rd["lead"], rd
    assert parts <= rd["investor"], rd
    assert not (parts & rd["lead"]), rd


def test_added_as_investors_keeps_the_subject_out():
    """'X added A and B as new investors': A and B invest in X; X is not an investor."""
    rd = the_round("Pellmor Robotics added Carden Capital and Ulmer Ventures as new investors in a 2025 funding round.")
    assert {"Carden Capital", "Ulmer Ventures"} <= rd["investor"]
    assert "Pellmor Robotics" not in rd["investor"] | rd["lead"]
    assert rd["company"] == "Pellmor Robotics"


def test_whose_shareholders_belong_to_the_possessor():
    res = rounds_of("Osgood Systems owns 18% of Verity Robotics, whose other shareholders include Harlow Bay "
                    "Partners and Calder Peak Capital.")
    assert {"Harlow Bay Partners", "Calder Peak Capital"} <= res["investedIn"].get("Verity Robotics", set())


def test_listing_venue_is_not_the_company():
    text = ("寒武紀は2018年6月のシリーズBで数億ドルを調達した。\n"
            "その後、2020年7月20日に上海証券取引所の科創板に上場している。")
    rs = rounds_of(text)
    assert all("取引所" not in (v.get("company") or "") for k, v in rs.items() if k.startswith("round:")), rs


def test_owner_is_not_the_company():
    rs = rounds_of("百度旗下昆仑芯完成新一轮融资，中信产业基金领投。")
    assert "中信产业基金" in rs["investedIn"].get("昆仑芯", set()), rs
    assert "百度" not in rs["investedIn"]


def test_short_name_defined_in_the_text_is_the_same_company():
    text = ("岚图微电子股份有限公司（以下简称\"岚图微电子\"）首次公开发行股票并在科创板上市，募集资金总额为12.00亿元。\n"
            "本次发行的战略配售投资者为青柏创新投资有限公司以及鹭岛产业投资基金。")
    rd = the_round(text)
    assert rd["company"] == "岚图微电子股份有限公司"
    assert {"青柏创新投资有限公司", "鹭岛产业投资基金"} <= rd["investor"]


def test_role_rows_are_schema_checked():
    for lang in ("en", "ja", "zh"):
        rows = [r for r in ontology.load_lexicon(lang, "relations") if r["relation"] in ("_lead", "_participate")]
        assert rows and all(r.get("agent") in ("before", "after", "object", "list") for r in rows)
        assert all(isinstance(r.get("window", 1), int) for r in rows)


def test_bad_window_fails_at_load(tmp_path, monkeypatch):
    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "relations.jsonl").write_text(
        '{"relation": "_lead", "patterns": ["x"], "confidence": 1.0, "agent": "before", "window": "far"}\n')
    monkeypatch.setattr(ontology, "LEXICON_DIR", tmp_path)
    ontology.load_lexicon.cache_clear()
    try:
        with pytest.raises(ontology.VocabError):
            ontology.load_lexicon("xx", "relations")
    finally:
        ontology.load_lexicon.cache_clear()
