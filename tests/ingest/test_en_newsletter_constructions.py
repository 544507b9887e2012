"""English newsletter and press-release constructions (issue 12): a company that opens a sentence with a long relative
clause ("X, which is designing …, raised") is the subject of both verbs; a possessive with "earlier"/"previous" owns
the chip; a design named in apposition with a possessive ("Marram, Corvale's in-house … microarchitecture"); a cluster
in apposition with "the" ("for Gantry, the training cluster it unveiled"). Invented names only."""
from __future__ import annotations

from tests.ingest.test_cjk_names import facts
from tests.ingest.test_rel_roles import rounds_of


def test_a_subject_with_a_long_relative_clause_designs_and_raises():
    text = ("Pellmoor Systems bought a small IP team last month.\n\n"
            "Hatchley Labs, which is developing a RISC-V based vision chip called HL-2 for smart doorbells and cameras, "
            "raised a $7 million seed round. Dunstan Capital led.")
    fs = facts(text)
    assert ("new:chip:HL-2", "designedBy", "new:org:Hatchley Labs") in fs, fs
    rd = rounds_of(text)
    assert any(r.get("company") == "Hatchley Labs" for k, r in rd.items() if k.startswith("round:")), rd
    assert not any(r.get("company") == "Pellmoor Systems" for k, r in rd.items() if k.startswith("round:")), rd


def test_an_earlier_chip_after_a_possessive_is_the_owners():
    fs = facts("Tarnley Semiconductor says its TY-3 has taped out. Tarnley's previous TY-2 was made at TSMC on 12nm.")
    assert ("new:chip:TY-2", "designedBy", "new:org:Tarnley Semiconductor") in fs, fs


def test_a_named_design_in_apposition_with_a_possessive():
    fs = facts("Brenlow Devices ships the B5 accelerator. The B5 is built on Sorrelwood, Brenlow's in-house "
               "streaming microarchitecture, and is made on TSMC's N4P process.")
    assert ("new:chip:B5", "usesArchitecture", "new:arch:Sorrelwood") in fs, fs


def test_a_cluster_in_apposition_with_the():
    fs = facts("That is how many KX-2 chips Kellbrook wired together for Ashby, the training cluster it opened in May.")
    assert ("new:cluster:Ashby", "builtFrom", "new:chip:KX-2") in fs, fs
