"""Name-swapped evaluation (ingest/swap_eval.py): the copies replace every name but the foundry's, the gold
follows the text, the same seed gives the same copy, and a swapped copy scores."""
from __future__ import annotations

from pathlib import Path

import pytest

from ingest.swap_eval import swap_document, swap_set
from ontology.normalize import key

TEXT = """Quillmere Systems, a start-up based in Lyon, unveiled the QM-40 inference chip on Monday.
Quillmere said the QM-40 is made by TSMC on its 7nm process and ships with the Nimbus microarchitecture.
The company raised $80 million in a Series B round led by Harlow Ridge Capital, with Tavistock Ventures joining.
"""
GOLD = """# tiny fixture of this test
Quillmere Systems|Quillmere	a	ChipVendor
TSMC	a	Foundry
Harlow Ridge Capital	a	Investor
Tavistock Ventures	a	Investor
QM-40	a	Chip|InferenceChip
Nimbus	a	Microarchitecture|Architecture
process:TSMC:7	a	ProcessNode
QM-40	designedBy	Quillmere Systems|Quillmere
QM-40	manufacturedOn	process:TSMC:7
QM-40	usesArchitecture	Nimbus
Harlow Ridge Capital	investedIn	Quillmere Systems|Quillmere
Tavistock Ventures	investedIn	Quillmere Systems|Quillmere
"""
FUNDING = """company	round	amount	currency	date	leads	investors
Quillmere Systems|Quillmere	Series B	80000000	USD		Harlow Ridge Capital	Tavistock Ventures
"""
OLD = ("Quillmere", "QM-40", "Harlow Ridge", "Tavistock", "Nimbus")


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    src.mkdir()
    (src / "en_tiny_launch.txt").write_text(TEXT, encoding="utf-8")
    (src / "en_tiny_launch.tsv").write_text(GOLD, encoding="utf-8")
    (src / "en_tiny_launch.funding.tsv").write_text(FUNDING, encoding="utf-8")
    return src


def _rows(path: Path) -> list[list[str]]:
    return [ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]


def test_text_and_gold_swapped_together(tiny: Path, tmp_path: Path):
    out = tmp_path / "out"
    out.mkdir()
    doc, gold = swap_document(tiny / "en_tiny_launch.txt", tiny / "en_tiny_launch.tsv", 3, out)
    text = doc.read_text(encoding="utf-8")
    for old in OLD:
        assert old not in text
    assert "TSMC" in text and "7nm" in text and "Series B round led by" in text  # wording and foundry stay
    rows = _rows(gold)
    types = {r[0]: r[2] for r in rows if r[1] == "a"}
    assert "TSMC" in types and "process:TSMC:7" in types
    folded = key(text)
    specs = [spec for spec in types if not spec.startswith("process:")]
    assert len(specs) == 6
    for spec in specs:  # every spelling of every gold entity is in the swapped text
        assert all(key(name) in folded for name in spec.split("|")), spec
    vendor = next(s for s, c in types.items() if c == "ChipVendor")
    assert len(vendor.split("|")) == 2  # 'Quillmere Systems' and its short form 'Quillmere'
    # relation rows and the funding row name the entities exactly as the type rows do
    for s, _, o in (r for r in rows if r[1] != "a"):
        assert s in types and o in types
    (fund,) = _rows(out / "en_tiny_launch.funding.tsv")[1:]
    assert fund[0] == vendor and fund[5] in types and fund[6] in types and fund[1] == "Series B"


def test_same_seed_same_copy(tiny: Path, tmp_path: Path):
    a, b, c = (swap_set(tiny, seed, tmp_path / name) for seed, name in ((5, "a"), (5, "b"), (6, "c")))
    read = lambda d: [(p.name, p.read_text(encoding="utf-8")) for p in sorted(d.iterdir())]  # noqa: E731
    assert read(a) == read(b)
    assert read(a) != read(c)


@pytest.mark.shared  # the scorer is ../shared/tools/kgeval.py
def test_swapped_copy_scores(tiny: Path, tmp_path: Path):
    from ingest.evaluate import score_document
    out = swap_set(tiny, 3, tmp_path / "out")
    res = score_document(out / "en_tiny_launch.txt", out / "en_tiny_launch.tsv")
    assert res["overall"]["tp"] > 0
    assert res["overall"]["tp"] + res["overall"]["fn"] == 7 + 5 + 1  # 6 entities and the process node, 5 relations, 1 round
