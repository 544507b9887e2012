"""A table whose header names a microarchitecture column (issue 12): a cell no vocabulary knows is a design's name
("| Brackwater |"), whatever a recogniser made of it, and "(not disclosed)" is none; "Semi" ends a company name whose
first word stands for it later. Invented names only."""
from __future__ import annotations

from ingest.extract import extract
from ingest.readers import RawDocument
from tests.ingest.test_cjk_names import facts

TABLE = ("| Company | Chip | Process | Microarchitecture | Peak INT8 |\n|---|---|---|---|---|\n"
         "| Corrant Semi | CR-Vale | TSMC N4P | Brackwater-3 | 90 TOPS |\n"
         "| Lessing Devices | LD-2 | Samsung SF4 | (not disclosed) | 20 TOPS |\n\n"
         "Corrant opened the session.\n")


def test_a_design_named_in_its_column():
    fs = facts(TABLE)
    assert ("new:chip:CR-Vale", "usesArchitecture", "new:arch:Brackwater-3") in fs, fs
    assert not any(s == "new:chip:LD-2" and p == "usesArchitecture" for s, p, _ in fs), fs
    assert not any(s == "new:chip:Brackwater-3" for s, _, _ in fs), fs


def test_semi_ends_a_company_name():
    ex = extract(RawDocument("<test>", TABLE))
    keys = {m.key for r in ex.results for m in r.mentions if m.text == "Corrant"}
    assert keys == {"new:org:Corrant Semi"}, keys
