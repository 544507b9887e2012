"""English company names written with their legal form after a comma ("Pellucid Devices, Inc.", "Quenby Capital,
LLC", "Marlow Partners, L.P."): the name's mention stops before the comma, and the legal form between the name and
its verb must not read as a clause break that takes the company's act away from it. Sentences and names are our own."""
from __future__ import annotations

import pytest

from ingest.extract import extract
from ingest.readers import RawDocument


def _facts(text: str) -> set:
    ex = extract(RawDocument("<t>", text))
    return {(f.subject, f.predicate, f.object) for r in ex.results for f in r.facts}


def _chips(text: str) -> set:
    ex = extract(RawDocument("<t>", text))
    return {m.text for r in ex.results for m in r.mentions if m.kind == "chip"}


@pytest.mark.parametrize("text", [
    "Pellucid Devices, Inc. introduced the Farrow X2, an inference accelerator for edge servers.",
    "Pellucid Devices, Inc. today introduced the Farrow X2, an inference accelerator.",
    "Pellucid Devices, Inc., a maker of edge processors, today introduced the Farrow X2.",
])
def test_a_designer_with_its_legal_form_after_a_comma_designs_the_chip(text):
    assert ("new:chip:Farrow X2", "designedBy", "new:org:Pellucid Devices") in _facts(text)


def test_an_llc_designer_keeps_its_chip():
    fs = _facts("Brackwater Systems, LLC said it designed the Ketch 5 training chip.")
    assert ("new:chip:Ketch 5", "designedBy", "new:org:Brackwater Systems") in fs


def test_an_investor_with_its_legal_form_after_a_comma_invested():
    fs = _facts("Rivenhall Holdings, Inc. invested in Pellucid Devices last year.")
    assert ("new:org:Rivenhall Holdings", "investedIn", "new:org:Pellucid Devices") in fs


def test_round_parties_written_with_legal_forms_keep_their_roles_and_no_legal_form_is_a_chip():
    text = ("Pellucid Devices, Inc. has closed a $30 million Series A. The round was led by Quenby Capital, LLC, "
            "with participation from Marlow Partners, L.P.")
    fs = _facts(text)
    rnd = "round:new:org:Pellucid Devices:Series A"
    assert (rnd, "leadInvestor", "new:org:Quenby Capital") in fs
    assert (rnd, "investor", "new:org:Marlow Partners") in fs
    assert not {c for c in _chips(text) if c.rstrip(".") in ("L.P", "LP", "LLC")}
