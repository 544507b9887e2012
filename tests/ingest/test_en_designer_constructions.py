"""English chip–designer constructions that do not put the designer next to a design verb: a design owner's verbs
(sampling, taping out), a possessive owner before a code, "the chip from X", a foundry making a chip "for X",
"the P is X's … chip", a chip in apposition after "X's accelerator,", and a company before a title and a person.
A customer, a user, a partner or a foundry is never the designer. Sentences and names are our own."""
from __future__ import annotations

import pytest

from ingest.extract import extract
from ingest.readers import RawDocument


def _facts(text: str) -> set:
    ex = extract(RawDocument("<t>", text))
    return {(f.subject, f.predicate, f.object) for r in ex.results for f in r.facts}


def _designers(text: str, chip: str) -> set:
    return {o.split(":", 2)[-1] for s, p, o in _facts(text)
            if p == "designedBy" and s.split(":", 2)[-1] == chip}


@pytest.mark.parametrize("text, chip, designer", [
    ("Quillmere Systems has begun sampling the QM-40 to three cloud providers.", "QM-40", "Quillmere Systems"),
    ("Last month Tarrow Silicon was sampling its TS-8 inference part with early customers.", "TS-8", "Tarrow Silicon"),
    ("Brightkeel Labs taped out the BK-12 in March on a 3nm process.", "BK-12", "Brightkeel Labs"),
])
def test_a_design_owners_verb_makes_its_subject_the_designer(text, chip, designer):
    assert _designers(text, chip) == {designer}


@pytest.mark.parametrize("text, chip, designer", [
    ("GlobalFoundries fabricates Sollan Devices' SD-4 on its 12LP+ process.", "SD-4", "Sollan Devices"),
    ("Intel Foundry is to build Corrie Networks' CN-22 with its 18A node.", "CN-22", "Corrie Networks"),
])
def test_a_plural_possessive_before_a_code_is_the_designer_not_the_foundry(text, chip, designer):
    assert _designers(text, chip) == {designer}


@pytest.mark.parametrize("text, chip, designer", [
    ("Pelling Micro's inference card, the PM-7, doubles the memory of its predecessor.", "PM-7", "Pelling Micro"),
    ("Orsett Labs' newest processor, the OL-30, is now in volume production.", "OL-30", "Orsett Labs"),
])
def test_a_code_in_apposition_after_an_owners_chip_word(text, chip, designer):
    assert _designers(text, chip) == {designer}


@pytest.mark.parametrize("text, chip, designer, not_designer", [
    ("Harlow Drones picked the Fenmark-3 chip from Caddis Semiconductor for its next quadcopter.",
     "Fenmark-3", "Caddis Semiconductor", "Harlow Drones"),
    ("Mirefield Auto will put the Pike-4 processor from Stannard Logic into its cars.",
     "Pike-4", "Stannard Logic", "Mirefield Auto"),
])
def test_the_chip_from_a_company_is_its_design_and_the_user_designs_nothing(text, chip, designer, not_designer):
    got = _designers(text, chip)
    assert designer in got and not_designer not in got


@pytest.mark.parametrize("text, chip, designer, foundry", [
    ("TSMC is producing the Arlo-9 for Wendham Computing on its N3E node.", "Arlo-9", "Wendham Computing", "TSMC"),
    ("Samsung builds the RX-44 for Kelso Semiconductor using its 4nm process.", "RX-44", "Kelso Semiconductor",
     "Samsung"),
])
def test_a_foundry_making_a_chip_for_a_customer_makes_the_customer_its_designer(text, chip, designer, foundry):
    got = _designers(text, chip)
    assert designer in got and foundry not in got


@pytest.mark.parametrize("text, chip, designer", [
    ("Made on TSMC's N5 process, the Tavi T3 is Greystoke Devices' third accelerator.", "Tavi T3", "Greystoke Devices"),
    ("The LX-70 remains Lorne Computing's flagship training chip.", "LX-70", "Lorne Computing"),
])
def test_the_chip_is_the_companys_chip(text, chip, designer):
    assert _designers(text, chip) == {designer}


@pytest.mark.parametrize("text, chip, designer", [
    ("Corbrin is sampling the CB-2, an edge vision part built on a 6nm process.", "CB-2", "Corbrin"),
    ("Last week Heskett shipped its HK-11 to a telecom operator.", "HK-11", "Heskett"),
])
def test_a_one_word_company_that_samples_or_ships_a_chip_designs_it(text, chip, designer):
    assert _designers(text, chip) == {designer}


@pytest.mark.parametrize("text, chip", [
    ("Customers are sampling the WX-5 this quarter.", "WX-5"),
    ("Integrators shipped the PX-8 inside their servers.", "PX-8"),
])
def test_a_plural_common_noun_that_samples_a_chip_is_no_designer(text, chip):
    assert _designers(text, chip) == set()


@pytest.mark.parametrize("text, chip, designer, not_designer", [
    ("Brannock Capital has bought a stake in Tellis Micro, the Leeds company behind the TM-6 vision chip.",
     "TM-6", "Tellis Micro", "Brannock Capital"),
    ("Roxley Cloud rents out racks built by Sarne Devices, the start-up behind the SX-40 accelerator.",
     "SX-40", "Sarne Devices", "Roxley Cloud"),
])
def test_the_company_behind_a_chip_designs_it(text, chip, designer, not_designer):
    got = _designers(text, chip)
    assert designer in got and not_designer not in got


@pytest.mark.parametrize("text, chip, user", [
    ("Kelvedon Robotics is shipping warehouse robots that use the Brisk-5 chip.", "Brisk-5", "Kelvedon Robotics"),
    ("Ardale Motors began shipping its sedans with the Tove-3 processor inside.", "Tove-3", "Ardale Motors"),
])
def test_a_company_that_ships_products_using_a_chip_is_no_designer(text, chip, user):
    assert user not in _designers(text, chip)


def test_a_company_before_a_title_and_a_person_is_the_designer():
    text = "Fallowfield Systems co-founder Ilse Markov introduced the company's second accelerator, the FF-20, in Berlin."
    assert _designers(text, "FF-20") == {"Fallowfield Systems"}


def test_a_year_in_a_clause_about_another_chip_is_not_the_first_chips_launch():
    fs = _facts("The KR-9 replaces the KR-5, which Kesteven launched in 2023.")
    got = {(s.split(":", 2)[-1], o) for s, p, o in fs if p == "announcedIn"}
    assert ("KR-9", "2023") not in got
