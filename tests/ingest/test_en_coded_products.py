"""An English product name ending in a model code ("Tamarack T4") that the recogniser labels a company, when a word
naming a chip follows it ("its Tamarack T4 inference processor"), or an architecture the same way ("its Corvid C9
inference chip"): names the vocabulary lacks that end in a model code are products, so it is the chip, and the company that announces it designs it. Sentences and names are our own."""
from __future__ import annotations

import pytest

from ingest.extract import extract
from ingest.readers import RawDocument


def _facts(text: str) -> set:
    ex = extract(RawDocument("<t>", text))
    return {(f.subject, f.predicate, f.object) for r in ex.results for f in r.facts}


def _kinds(text: str) -> dict:
    ex = extract(RawDocument("<t>", text))
    return {m.text: m.kind for r in ex.results for m in r.mentions}


RELEASE = ("SAN JOSE, Calif.--(BUSINESS WIRE)--Oakhurst Silicon, a developer of low-power AI accelerators, today announced the general availability of "
           "its Tamarack T4 inference processor. Built on Samsung's 5nm process, the Tamarack T4 delivers 200 TOPS.\n\n"
           "The company's previous chip, the Tamarack T2, was made by GlobalFoundries.")


def test_a_coded_name_before_a_chip_word_is_the_chip_its_announcer_designs():
    fs = _facts(RELEASE)
    assert ("new:chip:Tamarack T4", "designedBy", "new:org:Oakhurst Silicon") in fs, fs
    assert not any(o == "new:org:Tamarack T4" for _, _, o in fs)


def test_a_sibling_chip_gets_the_company_not_the_first_chip():
    fs = _facts(RELEASE)
    assert ("new:chip:Tamarack T2", "designedBy", "new:org:Oakhurst Silicon") in fs, fs


@pytest.mark.parametrize("text, name", [
    ("Wexcombe Labs began shipping the Pallas Q7 AI accelerator card to cloud providers.", "Pallas Q7"),
    ("Brindle Compute unveiled its Corvid C9 inference chip on Tuesday.", "Corvid C9"),
])
def test_other_coded_chips_before_a_chip_word(text, name):
    assert _kinds(text).get(name) == "chip"


def test_a_company_name_without_a_code_before_chips_stays_a_company():
    kinds = _kinds("Wexcombe Labs chips are made by TSMC.")
    assert kinds.get("Wexcombe Labs") == "org"


@pytest.mark.parametrize("text, chip, org", [
    ("Halden Micro today launched the Sparrow S3 edge AI processor.", "Sparrow S3", "Halden Micro"),
    ("PALO ALTO, Calif.--(BUSINESS WIRE)--Halden Micro today launched its Sparrow S3 edge AI processor.",
     "Sparrow S3", "Halden Micro"),
])
def test_a_brand_word_and_a_short_code_before_a_chip_word_is_a_chip_the_model_missed(text, chip, org):
    assert (f"new:chip:{chip}", "designedBy", f"new:org:{org}") in _facts(text)


@pytest.mark.parametrize("text, word", [
    ("The Series 3 chips shipped in volume.", "Series 3"),
    ("Fiscal 2026 chip sales rose by a third.", "Fiscal 2026"),
])
def test_a_numbered_word_that_names_no_product_line_is_no_chip(text, word):
    assert _kinds(text).get(word) != "chip"
