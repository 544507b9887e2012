"""English filings, letters and interviews: a filing that defines only "the Company" speaks of itself as "we"/"our"
too; a company called later by the first word of a name ending in a trade word ("Quarry Photonics" … "Quarry's
first chip") is the same company; a question's opening verb is no part of a name ("Is Grenfell Cloud a customer?").
Sentences and names are our own."""
from __future__ import annotations

from ingest.extract import extract
from ingest.readers import RawDocument


def _facts(text: str) -> set:
    ex = extract(RawDocument("<t>", text))
    return {(f.subject, f.predicate, f.object) for r in ex.results for f in r.facts}


def _orgs(text: str) -> set:
    ex = extract(RawDocument("<t>", text))
    return {m.text for r in ex.results for m in r.mentions if m.kind == "org" and not m.extra.get("coref")}


FILING = ('Halvergate Semiconductor Corporation (the "Company") designs data-center AI accelerators. Our flagship '
          "product, the HX-500, is manufactured by Taiwan Semiconductor Manufacturing Company Limited using its "
          "5-nanometer process technology.")


def test_a_filings_defined_company_is_its_our():
    fs = _facts(FILING)
    assert ("new:chip:HX-500", "designedBy", "new:org:Halvergate Semiconductor Corporation") in fs, fs


def test_a_company_called_by_the_first_word_of_its_name_is_the_same_company():
    text = ("Sedgefield Photonics closed a $12 million seed round led by Ormond Ventures. Sedgefield's first chip, "
            "the SP-2, is an optical interconnect accelerator fabricated by GlobalFoundries.")
    fs = _facts(text)
    assert ("new:chip:SP-2", "designedBy", "new:org:Sedgefield Photonics") in fs, fs


def test_a_question_verb_opens_no_name():
    orgs = _orgs("Q: Is Grenfell Cloud a customer?\nA: Yes, Grenfell Cloud deploys our chips, but it is no investor.")
    assert "Is Grenfell Cloud" not in orgs and "Grenfell Cloud" in orgs


LETTER = ("Larchmont Deep Tech Fund II — Letter to Limited Partners\n\n"
          "This quarter we led a $25 million Series A in Quarry Photonics, alongside Bellhaven Capital.\n\n"
          "We also made a follow-on investment in Tessellate AI, whose T-Core inference chip is now sampling.\n")


def test_the_name_after_an_investment_in_is_the_company_invested_in_not_a_party():
    fs = _facts(LETTER)
    assert ("new:org:Tessellate AI", "investedIn", "new:org:Quarry Photonics") not in fs, fs
    assert ("new:org:Larchmont Deep Tech Fund II", "investedIn", "new:org:Tessellate AI") in fs, fs


def test_a_plain_investment_sentence_still_gives_the_investor():
    fs = _facts("Rivenhall Holdings invested in Pellucid Devices last year.")
    assert ("new:org:Rivenhall Holdings", "investedIn", "new:org:Pellucid Devices") in fs
