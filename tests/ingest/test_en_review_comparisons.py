"""Reviews and comparisons that name several chips of several vendors (issue 12): a vendor written before or after a
model code ("the Harlow Devices HD-3", "the QP-12 from Quillon Semiconductor") designs it, and a node or foundry in a
bracket or a participle clause right after a chip is that chip's only ("the HD-3 (built on TSMC's 6nm process)
trailed the V9"). Own sentences, invented names only."""
from __future__ import annotations

from tests.ingest.test_cjk_names import facts


def made(fs: set, chip: str) -> set:
    return {(p, o) for s, p, o in fs if s == f"new:chip:{chip}" and p in ("manufacturedOn", "fabricatedBy")}


def test_a_vendor_before_its_code_designs_it_and_a_bracket_belongs_to_the_chip_before_it():
    fs = facts("In our bench test the Harlow Devices HD-3 (built on TSMC's 6nm process) trailed the Venn Systems V9 "
               "by a wide margin.")
    assert ("new:chip:HD-3", "designedBy", "new:org:Harlow Devices") in fs, fs
    assert ("new:chip:V9", "designedBy", "new:org:Venn Systems") in fs, fs
    assert ("manufacturedOn", "id:tsmc-n6") in made(fs, "HD-3"), fs
    assert not made(fs, "V9"), fs


def test_a_vendor_after_from_designs_the_chip_and_its_participle_clause_is_that_chips_only():
    fs = facts("We also tried the QP-12 from Quillon Semiconductor, fabricated by Samsung on its 8nm process, against "
               "Brisa Labs' BR-2.")
    assert ("new:chip:QP-12", "designedBy", "new:org:Quillon Semiconductor") in fs, fs
    assert ("fabricatedBy", "id:samsung") in made(fs, "QP-12"), fs
    assert not made(fs, "BR-2"), fs


def test_a_brand_and_code_in_a_forum_post():
    fs = facts("Picked up a Dunmore Silicon DS-2 last week and it beats my old card. Dunmore Silicon says the DS-2 "
               "ships in May.")
    assert ("new:chip:DS-2", "designedBy", "new:org:Dunmore Silicon") in fs, fs


def test_a_name_before_a_class_word_and_microarchitecture_is_the_microarchitecture():
    fs = facts("Reviewers liked the Harl H3, which runs Maltby's third-generation Quill NPU microarchitecture.")
    assert ("new:chip:Harl H3", "usesArchitecture", "new:arch:Quill") in fs, fs
    assert ("new:chip:Harl H3", "usesArchitecture", "id:arch-npu") not in fs, fs
    fs = facts("Spec sheet: the Brisk B7 accelerator is built around the Orrin dataflow micro-architecture.")
    assert ("new:chip:Brisk B7", "usesArchitecture", "new:arch:Orrin") in fs, fs
