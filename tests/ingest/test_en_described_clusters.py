"""English computing clusters described rather than named by a cluster word: a capitalised name in apposition with
(or the subject of "is a") a system, pod, rack, appliance or supercomputer whose clause counts the chips it is built
from is a ComputingCluster built from those chips; the company that builds, sells or runs it is its designer.
Sentences and names are our own (unknown.EN_CLUSTER_BUILT, lexicon _operate)."""
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


@pytest.mark.parametrize("text, cluster, chip", [
    ("Pennock Labs also sells Saltire, a liquid-cooled rack of 64 Vesper V3 accelerators.", "Saltire", "Vesper V3"),
    ("The Bramblehurst supercomputer, which strings together 8,192 Vesper V3 processors, went online at a national "
     "lab in June.", "Bramblehurst", "Vesper V3"),
    ("And Pellgrave, the rack-scale system the firm builds from 1,024 Brackwater B7 accelerators, went live in May.",
     "Pellgrave", "Brackwater B7"),
    ("Hexley is a water-cooled pod with 512 Brackwater B7 cards and sold by Marrowgate Silicon.", "Hexley",
     "Brackwater B7"),
])
def test_a_system_counted_in_chips_is_a_cluster_built_from_them(text, cluster, chip):
    fs = _facts(text)
    assert (f"new:cluster:{cluster}", "builtFrom", f"new:chip:{chip}") in fs, fs


@pytest.mark.parametrize("text, cluster, org", [
    ("Pennock Labs also sells Saltire, a liquid-cooled rack of 64 Vesper V3 accelerators.", "Saltire", "Pennock Labs"),
    ("Hexley is a water-cooled pod with 512 Brackwater B7 cards and sold by Marrowgate Silicon.", "Hexley",
     "Marrowgate Silicon"),
])
def test_the_company_that_sells_the_system_designs_it(text, cluster, org):
    assert (f"new:cluster:{cluster}", "designedBy", f"new:org:{org}") in _facts(text)


@pytest.mark.parametrize("text, name", [
    ("Vantor, the system-on-chip with 8 cores, is made by TSMC.", "Vantor"),  # a chip, no system of chips
    ("Drumlin, a server with 4 GB of memory, ships soon.", "Drumlin"),  # counts no chips
    ("Pellucid, the maker of the Harl system of 8 GPUs, raised money.", "Pellucid"),  # the system is another's
])
def test_no_cluster_without_a_count_of_chips_in_the_system_clause(text, name):
    assert _kinds(text).get(name) != "cluster"
