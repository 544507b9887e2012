"""English wire-story and feature constructions (issue 12, real-world news): participants added with "also put in
money, as did …", a party's appositive that names its owner, a known name with an investing arm's words, a buyer
of "the company" in view, a pronoun subject of a design verb, a place before a company noun. Own sentences,
invented names."""
from __future__ import annotations

from tests.ingest.test_rel_open_en import facts_of


def _parties(fs: set, company: str) -> dict[str, str]:
    rounds = {s for s, p, o in fs if p == "fundedCompany" and o == company}
    return {o: p for s, p, o in fs if s in rounds and p in ("investor", "leadInvestor")}


def test_also_put_in_money_as_did_gives_every_name_its_part():
    fs = facts_of("Quorvel Systems said on Tuesday it had raised $210 million in a Series C round. The round was "
                  "co-led by Marrow Capital and Tilden Partners. Brask Industries and Oland Motor Group also put in "
                  "money, as did Pexley Asset Management, Corran Gifford and Halvard Holdings.")
    parties = _parties(fs, "Quorvel Systems")
    assert parties.get("Marrow Capital") == parties.get("Tilden Partners") == "leadInvestor"
    for name in ("Brask Industries", "Oland Motor Group", "Pexley Asset Management", "Corran Gifford",
                 "Halvard Holdings"):
        assert parties.get(name) == "investor", name
    fs = facts_of("Veskar Labs closed a $40 million Series A. Northgate Ventures chipped in, as did Arlo Partners.")
    assert set(_parties(fs, "Veskar Labs")) >= {"Northgate Ventures", "Arlo Partners"}


def test_an_appositive_after_a_party_names_no_party():
    fs = facts_of("Quorvel Systems raised $210 million in a Series C round led by Marrow Capital. Halvard Holdings, "
                  "the family office of Zintra founder Mel Osgood, also invested.")
    parties = _parties(fs, "Quorvel Systems")
    assert "Halvard Holdings" in parties
    assert not any(n in parties for n in ("Zintra", "Mel Osgood"))
    fs = facts_of("Pellam Micro had raised a $75 million Series B round led by Pollux Capital, the venture arm of "
                  "Dorrance Group.")
    assert _parties(fs, "Pellam Micro") == {"Pollux Capital": "leadInvestor"}
    assert not any(p == "fundedCompany" and o == "Dorrance Group" for _, p, o in fs)


def test_a_known_name_with_an_investing_arms_words_is_that_arm():
    fs = facts_of("Quorvel Systems raised $90 million in a Series B round co-led by Brindle Partners and Samsung "
                  "Securities.")
    parties = _parties(fs, "Quorvel Systems")
    assert parties.get("Samsung Securities") == "leadInvestor"
    assert "Samsung" not in parties


def test_the_company_bought_and_the_pronoun_that_launches_are_the_company_in_view():
    fs = facts_of("Pellam Micro, an Israeli start-up, raised a $30 million Series A in 2017. In March 2019 it "
                  "unveiled the PM-8, a processor for training neural networks, and in December of that year "
                  "Harlow Devices bought the company for about $2 billion.")
    assert ("Harlow Devices", "investedIn", "Pellam Micro") in fs
    assert ("PM-8", "designedBy", "Pellam Micro") in fs
    assert ("PM-8", "designedBy", "Harlow Devices") not in fs
    assert not any(p == "fundedCompany" and o == "Harlow Devices" for _, p, o in fs)


def test_a_place_before_a_company_noun_is_no_chip():
    fs = facts_of("Corrow Compute took longer. The Leeds company called its chips DPUs and pitched them as a new "
                  "kind of processor.")
    assert not any("Leeds" in (s, o) for s, _, o in fs)


def test_an_abbreviated_wire_dateline_gives_the_year_of_a_day_without_one():
    fs = facts_of("SINGAPORE, Mar 4, 2025 - Edge AI chips are selling well in the region.\n\nOrlen Silicon began "
                  "trading on the Singapore Exchange on March 3 after an initial public offering that raised S$410 "
                  "million.")
    rounds = {s for s, p, o in fs if p == "fundedCompany" and o == "Orlen Silicon"}
    assert rounds and any((r, "date", "2025-03") in fs for r in rounds)


def test_the_verb_after_and_belongs_to_the_next_figure():
    fs = facts_of("In a note published in May 2024, research firm Tellwright put global AI chip revenue at $31.5 "
                  "billion for 2023 and projected $40.2 billion for 2024.")
    est = {s for s, p, o in fs if p == "value" and o == "31500000000"}
    assert est and all((e, "isForecast", "false") in fs for e in est)
    est = {s for s, p, o in fs if p == "value" and o == "40200000000"}
    assert est and all((e, "isForecast", "true") in fs for e in est)


def test_like_another_chip_it_is_the_chip_in_view():
    fs = facts_of("Harlow Devices began volume shipments of its HX-500 accelerator in May. The company showed the "
                  "part in March; like the HX-300 it is fabricated by TSMC, but it carries more memory.")
    assert ("HX-500", "fabricatedBy", "TSMC") in fs


def test_both_after_a_semicolon_are_the_chips_just_named():
    fs = facts_of("Harlow Devices sells boards based on its HX-500 chip and is readying the HX-700, its successor; "
                  "both are built around the company's Quillon cores.")
    archs = {(s, o) for s, p, o in fs if p == "usesArchitecture"}
    assert {s for s, _ in archs} >= {"HX-500", "HX-700"}, fs


def test_a_technology_center_is_one_organisation_written_as_such():
    from ingest.extract import extract
    from ingest.readers import RawDocument
    ex = extract(RawDocument("<test>", "Korea's Hanul Packaging Technology Center, which tests Harlow Devices' "
                                       "chiplets, did not take part in the round."))
    orgs = {m.text: m.extra.get("standing") for r in ex.results for m in r.mentions if m.kind == "org"}
    assert orgs.get("Hanul Packaging Technology Center") == "Organization", orgs
