"""A comparison table with one chip per column (issue 12): the row's label says what each cell of the row states
about its column's chip ("| Process node | Samsung 8nm | TSMC N6 |"). Own table, invented names only."""
from __future__ import annotations

from tests.ingest.test_cjk_names import facts

GUIDE = """Buyer's guide: two edge cards compared

Harrier Systems and Tansy Devices both ship edge cards this spring.

| Spec | Harrier Systems HR-2 | Tansy Devices TD-9 |
|---|---|---|
| Process node | Samsung 8nm | TSMC N6 |
| Architecture | Pell | not public |
| Memory | 16 GB LPDDR5 | 8 GB LPDDR4X |
"""


def test_each_column_of_a_comparison_table_is_one_chip():
    fs = facts(GUIDE)
    assert ("new:chip:HR-2", "manufacturedOn", "id:samsung-8nm") in fs, fs
    assert ("new:chip:TD-9", "manufacturedOn", "id:tsmc-n6") in fs, fs
    assert ("new:chip:TD-9", "fabricatedBy", "id:tsmc") in fs, fs
    assert ("new:chip:HR-2", "manufacturedOn", "id:tsmc-n6") not in fs, fs
    assert ("new:chip:HR-2", "usesArchitecture", "new:arch:Pell") in fs, fs
    assert not any(s == "new:chip:TD-9" and p == "usesArchitecture" for s, p, o in fs), fs
