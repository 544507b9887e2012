"""English chips referred to without their name: across an interview's question and answer turns ("Q: Who makes it?"
/ "A: TSMC, on N3E."), and in a sentence that points back at the chip in view while it names another vendor's chip
only as what is compared with ("Unlike Nvidia's H100, the chip is fabricated by Samsung"): the making, memory and
architecture facts belong to the chip in view, never to the chip compared with. Sentences and names are our own."""
from __future__ import annotations

import pytest

from ingest.extract import extract
from ingest.readers import RawDocument


def _facts(text: str) -> set:
    ex = extract(RawDocument("<t>", text))
    return {(f.subject, f.predicate, f.object) for r in ex.results for f in r.facts}


INTERVIEW = ("Q: What is the Quorra Q2?\nA: Our second inference chip.\n\nQ: Who makes it?\nA: TSMC, on N3E. "
             "The memory is HBM3e.")
TURNS = ("Q: What did you launch this year?\nA: The Rookery R4, a training chip.\n\nQ: What is it built on?\n"
         "A: It uses a RISC-V control core.")


def test_an_answer_goes_on_about_the_chip_its_question_points_back_at():
    fs = _facts(INTERVIEW)
    assert ("new:chip:Quorra Q2", "manufacturedOn", "id:tsmc-n3e") in fs, fs
    assert ("new:chip:Quorra Q2", "memoryType", "HBM3e") in fs, fs


def test_an_answer_that_opens_on_it_takes_the_architecture():
    fs = _facts(TURNS)
    assert ("new:chip:Rookery R4", "usesArchitecture", "new:arch:RISC-V") in fs, fs


def test_a_question_about_another_thing_does_not_carry_the_chip():
    fs = _facts("Q: What is the Quorra Q2?\nA: Our second inference chip.\n\nQ: How large is the market?\n"
                "A: TSMC, on N3E, would say large.")
    assert not any(p == "manufacturedOn" for _, p, _ in fs), fs


@pytest.mark.parametrize("text, chip, compared, node", [
    ("Tollbury Devices introduced the Halyard H5 on Monday. Unlike Nvidia's H100, the chip is fabricated by Samsung "
     "on its 4nm node.", "new:chip:Halyard H5", "id:nvidia-h100", "id:samsung-4nm"),
    ("Ashgrove Compute has begun sampling the Tern T8. Compared with AMD's MI300X, the accelerator is made on "
     "Samsung's SF3 process and uses HBM3 memory.", "new:chip:Tern T8", "id:amd-mi300x", "id:samsung-3nm"),
])
def test_the_chip_compared_with_takes_none_of_the_facts_of_the_chip_in_view(text, chip, compared, node):
    fs = _facts(text)
    assert (chip, "manufacturedOn", node) in fs, fs
    assert not any(s == compared and p in ("manufacturedOn", "fabricatedBy", "memoryType") for s, p, _ in fs), fs


def test_a_chip_compared_with_keeps_what_its_own_clause_says():
    fs = _facts("The Tamsin T3 is cheaper than Nvidia's H100, which TSMC makes on N4.")
    assert ("id:nvidia-h100", "manufacturedOn", "id:tsmc-n4") in fs, fs
    assert not any(s == "new:chip:Tamsin T3" and p in ("manufacturedOn", "designedBy") for s, p, _ in fs), fs
