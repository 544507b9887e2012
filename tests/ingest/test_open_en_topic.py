"""English open-world documents whose companies are all invented: the company a paragraph opens with is its
topic ("the company", "its"), a product's maker written after it or in an appositive, model codes a company
owns or names, a funding round continued in the next sentence, and machine translation with doubled spaces."""
from __future__ import annotations

from ingest.extract import extract
from ingest.readers import RawDocument
from tests.ingest.test_rel_open_en import facts_of


def test_described_subject_is_the_topic_of_the_next_sentences():
    fs = facts_of("Leeds chip start-up Quorrin Devices said on Monday that its second-generation processor, the "
                  "QD-7, will be built by TSMC.\n\n"
                  "The company also said it had raised $30 million in a Series A round led by Taverly Capital. "
                  "Ossing Partners and Marrowby Investments also took part.")
    assert ("QD-7", "designedBy", "Quorrin Devices") in fs
    rounds = {s for s, p, o in fs if p == "fundedCompany" and o == "Quorrin Devices"}
    assert rounds
    assert any((r, "leadInvestor", "Taverly Capital") in fs for r in rounds)
    assert any((r, "investor", "Ossing Partners") in fs and (r, "investor", "Marrowby Investments") in fs
               for r in rounds)


def test_a_fund_opening_a_sentence_is_not_the_topic():
    fs = facts_of("Taverly Capital is a fund based in Leeds.\n"
                  "The company led a $10 million Series A in Brenwick Labs.")
    assert not any(p == "fundedCompany" and o == "Taverly Capital" for _, p, o in fs)


def test_maker_after_the_product():
    fs = facts_of("I spent a week with the Pell X2, the new vision chip from Harnley Computing, and liked it.")
    assert ("Pell X2", "designedBy", "Harnley Computing") in fs
    fs = facts_of("Ostrel Semiconductor closed a $20 million Series A led by Wain Capital.\n"
                  "The money will fund the KV-Delta, Ostrel's flagship training chip, which TSMC makes on N3.")
    assert ("KV-Delta", "designedBy", "Ostrel Semiconductor") in fs
    fs = facts_of("Tarrock Systems agreed to buy Welby Silicon, the designer of the WS-4 training chip.")
    assert ("WS-4", "designedBy", "Welby Silicon") in fs
    assert ("WS-4", "designedBy", "Tarrock Systems") not in fs


def test_owned_and_named_model_codes():
    fs = facts_of("Brimley Logic is the vendor to beat. Its BL-3 is a GPU made by Samsung Foundry on SF3.")
    assert ("BL-3", "designedBy", "Brimley Logic") in fs
    fs = facts_of("Ferrow Labs is designing an interconnect chip called FX-Link.")
    assert ("FX-Link", "designedBy", "Ferrow Labs") in fs


def test_denied_investment_is_no_fact():
    fs = facts_of("Reports that Garnet Hill Capital had invested in Pelloran were wrong.")
    assert not any(p in ("investedIn", "investor", "leadInvestor") for _, p, _ in fs)


def test_machine_translation_with_doubled_spaces():
    fs = facts_of("quellon  semiconductor  technology  co., ltd.  announces  new  ai  training  chip  qs-300\n\n"
                  "according to  company  announcement ,  quellon  semiconductor  technology  co., ltd.  new  "
                  "generation  ai  training  chip  qs-300  already  by  tsmc  use  5 nanometer  process  realize  "
                  "mass production .\n"
                  "company  completed  b round  financing , amount  50 million  us dollars . this  round  by  "
                  "marlow  reach  capital  lead  investment , dunholt  ventures  follow  investment .")
    assert ("qs-300", "manufacturedOn", "5 nanometer") in fs
    leads = {o for _, p, o in fs if p == "leadInvestor"}
    investors = {o for _, p, o in fs if p == "investor"}
    assert "marlow reach capital" in leads
    assert "dunholt ventures" in investors
    assert any(p == "amount" and o == "50000000" for _, p, o in fs)


def test_foundry_fdx_code_is_a_node():
    fs = facts_of("Garrow AI's GA-1 is made by GlobalFoundries on its 22FDX process.")
    assert any(s == "GA-1" and p == "manufacturedOn" for s, p, _ in fs)


def test_byline_research_firm_estimates_the_notes_figures():
    ex = extract(RawDocument("<test>", "*Dorrance Research, Chip Practice, 2 May 2026*\n\n"
                                       "We estimate that the global AI chip market was worth $80 billion in 2025."))
    firms = {f.object for r in ex.results for f in r.facts if f.predicate == "estimatedBy"}
    assert firms == {"new:org:Dorrance Research"}


def test_partner_in_a_cluster_design():
    fs = facts_of("Vellow Compute unveiled Harrowgate, a training cluster built from its VC-9 chips that the company "
                  "designed with its hosting partner Tamber Systems.")
    assert ("Harrowgate", "designedBy", "Tamber Systems") in fs
    assert ("VC-9", "designedBy", "Tamber Systems") not in fs


def types_of(text: str) -> dict[str, set[str]]:
    """Label -> classes of every mention the pipeline kept."""
    ex = extract(RawDocument("<test>", text))
    out: dict[str, set[str]] = {}
    for r in ex.results:
        for m in r.mentions:
            out.setdefault(" ".join(m.text.split()), set()).update(m.types)
    return out


def test_lower_cased_computing_and_semiconductor_names():
    text = ("the  report  said ,  brixton  computing  and  olvane  semiconductor  signed  a  supply  deal , "
            "while  edge  computing  demand  keeps  growing .")
    ex = extract(RawDocument("<test>", text))
    names = {" ".join(m.text.split()) for r in ex.results for m in r.mentions}
    assert "brixton computing" in names
    assert "olvane semiconductor" in names
    assert "edge computing" not in names


def test_the_chip_opening_a_paragraph_reaches_the_paragraph_before():
    fs = facts_of("Dunmere Logic showed the KV-4 vision chip at a trade fair.\n\n"
                  "The chip itself is a tiny NPU. Dunmere had it built by Samsung on the 8nm process.")
    assert ("KV-4", "manufacturedOn", "8nm") in fs
    assert ("KV-4", "fabricatedBy", "Samsung") in fs
    # a bare "it" opening a new paragraph does not reach back
    fs = facts_of("Dunmere Logic showed the KV-4 vision chip at a trade fair.\n\n"
                  "It is built by Samsung on the 8nm process.")
    assert ("KV-4", "manufacturedOn", "8nm") not in fs


def test_designer_before_a_colon():
    fs = facts_of("Gorran Micro went the other way: the GM-Finch is a low-power design that UMC makes on 22nm.")
    assert ("GM-Finch", "designedBy", "Gorran Micro") in fs
    # a colon that opens a list of other companies' chips names no designer
    fs = facts_of("Analysts listed three rivals: the GM-Finch from Orlet Devices, and two others.")
    assert ("GM-Finch", "designedBy", "Analysts") not in fs


def test_node_like_code_after_an_unknown_name_is_a_chip():
    fs = facts_of("Tressel Neural has kept its foundry quiet. Its first product, the Tressel N2, is a GPU-based card.")
    assert ("Tressel N2", "designedBy", "Tressel Neural") in fs
    assert not any(o == "N2" for _, _, o in fs)
    # a foundry's own node keeps its meaning
    fs = facts_of("The Tressel N2 is made by TSMC on the N3 process.")
    assert any(o == "N3" for _, p, o in fs if p == "manufacturedOn")


def test_the_chip_takes_the_architecture_of_its_sentence():
    fs = facts_of("Dunmere Logic showed the KV-4 vision chip at a trade fair. The chip is a small NPU with two cores.")
    assert ("KV-4", "usesArchitecture", "NPU") in fs
