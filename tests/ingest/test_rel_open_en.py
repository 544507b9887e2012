"""English open-world phrasings on invented names: a weekday is no company, a company is called by its name
without its corporate word, a foundry only the text names offers its own process node, holders and the
company held, 'an early X backer', 'bought', and machine translation that lower-cases every name."""
from __future__ import annotations

from ingest.extract import extract
from ingest.readers import RawDocument


def facts_of(text: str) -> set[tuple[str, str, str]]:
    """(subject label, predicate, object label) of every fact, names as written (first spelling, spaces
    collapsed: machine translation doubles them). Other English open-world tests import it."""
    ex = extract(RawDocument("<test>", text))
    label: dict[str, str] = {}
    for r in ex.results:
        for m in r.mentions:
            label.setdefault(m.key, " ".join(m.text.split()))
    out = set()
    for r in ex.results:
        for f in r.facts:
            obj = f.object if f.literal else label.get(f.object, f.object)
            out.add((label.get(f.subject, f.subject), f.predicate, str(obj)))
    return out


def test_weekday_is_not_the_designer():
    fs = facts_of("Brisketon Compute, a start-up based in Oslo, on Thursday unveiled the Tallow-7, a chip for "
                  "inference.")
    assert ("Tallow-7", "designedBy", "Brisketon Compute") in fs
    assert not any("Thursday" in (s, o) for s, _, o in fs)


def test_unknown_foundry_offers_its_node():
    fs = facts_of("Marl Devices designs the MD-40 processor, which Quarrow Foundry builds on its 6nm process.")
    assert ("MD-40", "fabricatedBy", "Quarrow Foundry") in fs
    nodes = {o for s, p, o in fs if s == "MD-40" and p == "manufacturedOn"}
    assert nodes
    assert {(n, "offeredBy", "Quarrow Foundry") for n in nodes} <= fs


def test_holder_with_relative_clause_and_stake_in_another():
    fs = facts_of("Tembry Labs' largest shareholder is Oarlock Capital, which holds 9% of the company.\n"
                  "Oarlock Capital also owns a 3% stake in Fennic Micro.")
    assert ("Oarlock Capital", "investedIn", "Tembry Labs") in fs
    assert ("Oarlock Capital", "investedIn", "Fennic Micro") in fs
    assert ("Fennic Micro", "investedIn", "Tembry Labs") not in fs


def test_backer_noun_names_the_company_backed():
    fs = facts_of("Sorrel AI, which raised money from Pinewick Ventures, also an early Grazen backer, began "
                  "sampling its SR-2 chip.")
    assert ("Pinewick Ventures", "investedIn", "Grazen") in fs
    assert ("Grazen", "investedIn", "Sorrel AI") not in fs


def test_bought_is_an_acquisition_and_short_name_is_the_company():
    fs = facts_of("Cobblestone Semiconductor launched the CS-9 accelerator.\n\n"
                  "Last spring Cobblestone bought Wexley Photonics, a maker of optical links.")
    assert ("Cobblestone Semiconductor", "investedIn", "Wexley Photonics") in fs


def test_lower_cased_machine_translation():
    fs = facts_of("domestic chip maker brannoc technology has completed a b round financing of 300 million yuan, "
                  "led by hollin capital, with old shareholders mercer ventures following the investment.\n"
                  "brannoc technology said it will mass-produce its training chip bt-300, which is manufactured on "
                  "smic 7nm process.")
    assert ("bt-300", "designedBy", "brannoc technology") in fs
    assert ("bt-300", "fabricatedBy", "smic") in fs
    rounds = {s for s, p, o in fs if p == "fundedCompany" and o == "brannoc technology"}
    assert rounds
    assert any(p == "investor" and o == "mercer ventures" for s, p, o in fs)
