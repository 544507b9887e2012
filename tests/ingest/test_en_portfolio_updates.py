"""Fund letters and portfolio updates (issue 12): "the seed round of X" funds X (X takes no part in it), "wrote a
cheque" takes part in the round in view, and a capitalised name between an owner's possessive and a chip word is the
owner's chip ("Fallow's Heron vision processor"). Own sentences, invented names only."""
from __future__ import annotations

from tests.ingest.test_cjk_names import facts


def rounds(fs: set) -> dict[str, set]:
    out: dict[str, set] = {}
    for s, p, o in fs:
        if s.startswith("round:"):
            out.setdefault(s, set()).add((p, o))
    return out


def test_the_round_of_a_company_funds_that_company():
    fs = facts("Barrow Labs. We led the $12 million Series A of Barrow Labs in March.\n\n"
               "Corrin Devices. Kestwick Capital and Holm Partners joined the $4 million seed round of Corrin Devices "
               "last month.")
    seed = [r for k, r in rounds(fs).items() if ("roundName", "Seed") in r]
    assert seed and ("fundedCompany", "new:org:Corrin Devices") in seed[0], fs
    assert ("investor", "new:org:Kestwick Capital") in seed[0], fs


def test_the_company_after_round_of_is_no_investor():
    fs = facts("Our fund also joined the Series A of Quist AI, alongside Penhale Ventures.")
    assert not any(p in ("investor", "leadInvestor") and o == "new:org:Quist AI" for r in rounds(fs).values()
                   for p, o in r), fs
    assert any(("fundedCompany", "new:org:Quist AI") in r and ("investor", "new:org:Penhale Ventures") in r
               for r in rounds(fs).values()), fs


def test_writing_a_cheque_takes_part_in_the_round():
    fs = facts("Arden Robotics raised a $40 million Series B led by Pike Partners, and Holm Capital wrote a $3 million "
               "cheque.")
    assert any(("fundedCompany", "new:org:Arden Robotics") in r and ("investor", "new:org:Holm Capital") in r
               for r in rounds(fs).values()), fs


def test_a_name_between_a_possessive_and_a_chip_word_is_the_owners_chip():
    fs = facts("Fallow Robotics builds edge hardware for farms. Fallow Robotics' Heron vision processor is made by "
               "Samsung.")
    assert ("new:chip:Heron", "designedBy", "new:org:Fallow Robotics") in fs, fs
    assert ("new:chip:Heron", "fabricatedBy", "id:samsung") in fs, fs
