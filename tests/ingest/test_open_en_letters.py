"""English constructions of letters, features and machine translation on invented names: a fund that tells its
deals as "we", a company described in an appositive, a round after an opening time phrase, a rival named with
its descriptor, a Roman-numeral generation, an appliance built from N chips, a backer named in a relative
clause of an acquisition, and a Japanese filing translated word by word ('below "our company"', "became the
allottee", "the total 1.5 billion yen", 'the architecture "Hoshi"')."""
from __future__ import annotations

from ingest.extract import extract
from ingest.readers import RawDocument
from tests.ingest.test_rel_open_en import facts_of


def _round(fs: set, company: str) -> dict:
    rounds = {s for s, p, o in fs if p == "fundedCompany" and o == company}
    assert rounds, f"no round of {company}"
    out: dict = {}
    for s, p, o in fs:
        if s in rounds:
            out.setdefault(p, set()).add(o)
    return out


LETTER = """MARROWGATE CAPITAL
Quarterly note to our limited partners

New positions. We co-led the $20 million Series A of Plover Logic, a Leeds team building vision processors. \
Sandpiper Ventures joined us in the round.

Exits. Dunlin Systems, which we backed at seed in 2022, was acquired by Corrib Networks last month.

The Marrowgate team
"""


def test_fund_writing_in_the_first_person_is_the_investor():
    fs = facts_of(LETTER)
    r = _round(fs, "Plover Logic")
    assert r["leadInvestor"] == {"MARROWGATE CAPITAL"} and r["investor"] == {"Sandpiper Ventures"}
    assert r["amount"] == {"20000000"}
    assert ("Sandpiper Ventures", "investedIn", "MARROWGATE CAPITAL") not in fs
    assert ("Corrib Networks", "investedIn", "Dunlin Systems") in fs
    seed = _round(fs, "Dunlin Systems")
    assert seed["roundName"] == {"Seed"} and seed["date"] == {"2022"} and seed["investor"] == {"MARROWGATE CAPITAL"}


def test_we_without_a_fund_author_is_nobody():
    fs = facts_of("We think Plover Logic raised $20 million in a Series A led by Sandpiper Ventures.")
    assert _round(fs, "Plover Logic")["leadInvestor"] == {"Sandpiper Ventures"}
    assert not any(o == "We" or s == "We" for s, _, o in fs)


FEATURE = """The long road: how Yarrowby learned to love photonics

LEEDS, England — In a converted mill, a small team is testing a rack.

The rack belongs to Yarrowby Devices, a nine-year-old company that builds optical accelerators. \
The YD-Kite II is manufactured on TSMC N3E.

Yarrowby is also building Thornwick, a 256-chip system built from YD-Kite II, for the Marsh Valley Consortium.

In March, Yarrowby raised €40 million in a Series A led by Fenlow Capital, with participation from Brantholme Partners.

Rival Caddis Labs says its CD-7 chip will ship first.
"""


def test_feature_topic_round_cluster_and_rival():
    fs = facts_of(FEATURE)
    r = _round(fs, "Yarrowby Devices")
    assert r["currency"] == {"EUR"} and r["amount"] == {"40000000"}
    assert r["leadInvestor"] == {"Fenlow Capital"} and r["investor"] == {"Brantholme Partners"}
    assert ("Thornwick", "builtFrom", "YD-Kite II") in fs
    assert ("Thornwick", "designedBy", "Yarrowby Devices") in fs
    assert ("CD-7", "designedBy", "Caddis Labs") in fs
    assert not any("England" in (s, o) or "Consortium" == s for s, _, o in fs)
    ex = extract(RawDocument("<test>", FEATURE))
    names = {m.text for r in ex.results for m in r.mentions if m.kind == "org"}
    assert "Marsh Valley Consortium" in names and "Rival Caddis Labs" not in names


MT = """Notice concerning the fund procurement by the Series B round

Kiyomizu Logic Co., Ltd. (head office: Osaka city, below "our company") informs that it completed the \
procurement of funds of the total 1.5 billion yen by the third party allotment in the Series B round.

In this round, Sagano Growth Investment Limited Partnership became the lead investor, and Fushimi Holdings Co., \
Ltd. and Arashi Ventures became the allottee.

Our company develops the KL-Mist3 which is the inference chip for cameras. It adopts the original architecture \
"Hoshi" of our company.
"""


def test_machine_translated_filing():
    fs = facts_of(MT)
    r = _round(fs, "Kiyomizu Logic Co., Ltd")
    assert r["amount"] == {"1500000000"} and r["currency"] == {"JPY"}
    assert r["leadInvestor"] == {"Sagano Growth Investment Limited Partnership"}
    assert r["investor"] == {"Fushimi Holdings Co., Ltd", "Arashi Ventures"}
    assert ("KL-Mist3", "designedBy", "Kiyomizu Logic Co., Ltd") in fs


def test_cumulative_total_is_still_no_round_amount():
    fs = facts_of("Kestrel Devices raised $30 million in a Series B, bringing its total funding to $55 million.")
    assert _round(fs, "Kestrel Devices")["amount"] == {"30000000"}


def test_spending_on_inference_chips_is_a_market():
    ex = extract(RawDocument("<test>", "According to Ormsby Research, spending on edge inference chips reached "
                                       "$12 billion in 2025."))
    facts = [f for r in ex.results for f in r.facts]
    assert any(f.predicate == "value" and f.object == "12000000000" for f in facts)


WIRE = """Corvane Micro raises HK$2.10 billion in Hong Kong debut

HONG KONG, Mar 4 - Corvane Micro made its trading debut on Tuesday after raising HK$2.10 billion in an initial \
public offering.

Rival Teskel Labs raised HK$1.2 billion when it listed on Feb. 20, while Ostrava Logic and Brenmark AI went public \
on the STAR Market in January.

Investors are betting that demand will hold up for alternatives to Quillan Systems, whose chips cannot be sold there.

Harrowby Compute is also preparing a Hong Kong listing, according to people familiar with the matter.

Its CV-20 chip is made by TSMC on its 7-nanometer process.
"""


def test_wire_listings_dateline_and_planned_listing():
    fs = facts_of(WIRE)
    ipo = _round(fs, "Corvane Micro")
    assert ipo["roundName"] == {"IPO"} and ipo["amount"] == {"2100000000"}
    assert len({s for s, p, o in fs if p == "fundedCompany" and o == "Corvane Micro"}) == 1  # headline = the IPO
    for name in ("Ostrava Logic", "Brenmark AI"):
        assert _round(fs, name)["roundName"] == {"IPO"}
    assert not any(p == "fundedCompany" and o == "Harrowby Compute" for s, p, o in fs)
    assert not any(p == "investedIn" and s == "Quillan Systems" for s, p, o in fs)
    assert not any(s.startswith("Mar") for s, p, o in fs)
    assert any(s == "CV-20" and p == "manufacturedOn" for s, p, o in fs)


BLOG = """# How we built the Kelpie accelerator

*Posted by the Larchmere Systems hardware team*

When we unveiled the KP-3 last spring, the first question was about memory. The KP-3 is our third accelerator.

Our Series C, a $120 million round in 2024, was led by Orwell Vision Fund 2. Existing backers Pemberton Capital, \
XQ, Dovecote Partners and Halberd Ventures also took part.
"""


def _facts_by_name(text: str) -> set[tuple[str, str, str]]:
    """Like `facts_of`, entities labelled by their names as the graph labels them ("we" is no label)."""
    ex = extract(RawDocument("<test>", text))
    label: dict[str, str] = {}
    for r in ex.results:
        for m in r.mentions:
            if not m.extra.get("coref"):
                label.setdefault(m.key, m.text)
    return {(label.get(f.subject, f.subject), f.predicate, str(f.object if f.literal else label.get(f.object, f.object)))
            for r in ex.results for f in r.facts}


def test_company_blog_we_is_the_company():
    fs = _facts_by_name(BLOG)
    assert ("KP-3", "designedBy", "Larchmere Systems") in fs
    r = _round(fs, "Larchmere Systems")
    assert r["leadInvestor"] == {"Orwell Vision Fund 2"}
    assert r["investor"] == {"Pemberton Capital", "XQ", "Dovecote Partners", "Halberd Ventures"}


def test_hearsay_foundry_gives_no_relation():
    fs = facts_of("Rival Pellory Labs says its PL-8 inference chip, which a person briefed on the plans says is made "
                  "by Samsung, will ship next year.\nAnother part, the PL-4, is understood to be built by TSMC.")
    assert ("PL-8", "designedBy", "Pellory Labs") in fs
    assert not any(p in ("fabricatedBy", "manufacturedOn") for s, p, o in fs)


def test_rounds_in_other_currencies():
    fs = facts_of("Singapore's Merlion Silicon raised S$25 million (US$18.6 million) in a Series B round.\n\n"
                  "Toronto's Maplewire AI closed a C$30m seed round from Loonie Capital.\n\n"
                  "Zurich-based Alpenchip Systems raised CHF 12 million in seed funding from Matterhorn Capital.")
    assert _round(fs, "Merlion Silicon")["currency"] == {"SGD"} and _round(fs, "Merlion Silicon")["amount"] == {"25000000"}
    assert _round(fs, "Maplewire AI")["currency"] == {"CAD"}
    chf = _round(fs, "Alpenchip Systems")
    assert chf["currency"] == {"CHF"} and chf["roundName"] == {"Seed"} and chf["investor"] == {"Matterhorn Capital"}


def test_round_money_for_a_chip_and_its_chip_beside_a_foundry():
    fs = facts_of("Recently, Ningbo Hailan Microelectronics Co., Ltd. completed the B round financing of 300 million "
                  "yuan, led by Yaojiang Capital.\nThe raised funds will be used for the development of the HL-90 chip.\n\n"
                  "Hailan Microelectronics was established in 2020. Its first chip HL-30 adopts the 12nm process of SMIC.")
    assert ("HL-90", "designedBy", "Ningbo Hailan Microelectronics Co., Ltd") in fs
    assert any(s == "HL-30" and p == "designedBy" and "Hailan" in o for s, p, o in fs)
    assert not any(s == "HL-30" and p == "designedBy" and o == "SMIC" for s, p, o in fs)


PRESS = """AUSTIN, Texas, May 12, 2026 -- Corrowind Semiconductor Inc., a developer of low-power AI accelerators, today \
announced the CW-Edge 2, its second-generation inference processor. The CW-Edge 2 is fabricated by GlobalFoundries.

The company also said it has closed a $48 million Series B financing co-led by Redbud Ventures and Pecan Street \
Capital. Existing investors Bluebonnet Partners and Lonestar Growth Fund also participated.
"""


def test_press_release_after_a_dateline():
    fs = facts_of(PRESS)
    assert ("CW-Edge 2", "designedBy", "Corrowind Semiconductor Inc") in fs
    r = _round(fs, "Corrowind Semiconductor Inc")
    assert r["leadInvestor"] == {"Redbud Ventures", "Pecan Street Capital"}
    assert r["investor"] == {"Bluebonnet Partners", "Lonestar Growth Fund"}


def test_translated_same_company_and_procured_funds():
    fs = facts_of("Kumano Devices Co., Ltd. announced on the 10th that it developed the AI chip KM-7 for the edge.\n"
                  "The said company procured 1.5 billion yen by the third-party allotment, and Nachi Capital became the "
                  "allottee.\nThe same company also procured 4,000 GPUs from Ravelin Systems.")
    r = _round(fs, "Kumano Devices Co., Ltd")
    assert r["amount"] == {"1500000000"} and r["currency"] == {"JPY"} and r["investor"] == {"Nachi Capital"}
    assert not any(s == "Ravelin Systems" for s, p, o in fs)
