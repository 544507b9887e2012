"""English spoken constructions (issue 12, podcasts and interviews): a hyphenated model code a recogniser took for a
company is a chip, a foundry written with its process ("Samsung's 5 nanometer process") makes the chip and does not
design it, and investors who "came in" take part in the round. Invented names only."""
from __future__ import annotations

from tests.ingest.test_cjk_names import facts
from tests.ingest.test_rel_roles import rounds_of


def test_a_code_in_apposition_is_a_chip_made_by_the_foundry_of_its_process():
    fs = facts("Our second one, KD-4, taped out on Samsung's 4 nanometer process last spring.")
    assert any(s == "new:chip:KD-4" and p == "manufacturedOn" for s, p, _ in fs), fs
    assert ("new:chip:KD-4", "designedBy", "id:samsung") not in fs, fs


def test_investors_who_came_in():
    rd = rounds_of("Marlby Robotics raised a $14 million Series A. Quarrington Ventures led it, and Ashcombe Capital "
                   "and Tillery Partners came in.")
    r = rd.get("round:new:org:Marlby Robotics:Series A")
    assert r and r["lead"] == {"Quarrington Ventures"} and {"Ashcombe Capital", "Tillery Partners"} <= r["investor"], rd
