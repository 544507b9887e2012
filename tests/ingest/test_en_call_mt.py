"""English earnings calls and machine translation that keeps the original names (issue 12, dev_invented9 shapes):
an executive's "we"/"our" in a call is the company its heading names (not the operator's or an analyst's), job titles
in speaker labels are no organisations, and an English paragraph whose only Japanese or Chinese stands in brackets is
read as English. Invented names only, sentences of our own."""
from __future__ import annotations

from ingest.extract import extract
from ingest.readers import RawDocument
from ingest.segment import detect_lang

CALL = """Quorvane Devices (QRVD) Q1 Fiscal 2027 Earnings Call

Operator: Good morning and welcome. I will now hand the call to Lise Amberton, Chief Financial Officer.

Lise Amberton, CFO: Thank you. Revenue was $210 million for the quarter.

Tomas Reyle, CEO: Thanks, Lise. Our new inference card, the QV-7, is built on TSMC's N4P process and began shipping in March.

We also completed the acquisition of Halvarin Optics for $60 million.

Operator: Our next question comes from Mira Osei with Tallowby Research.

Mira Osei, Tallowby Research: Are you planning to raise new capital this year?
"""


def _facts(text: str) -> set:
    ex = extract(RawDocument("<t>", text))
    return {(f.subject, f.predicate, f.object) for r in ex.results for f in r.facts}


def test_an_executive_speaks_for_the_company_of_the_call():
    fs = _facts(CALL)
    assert ("new:chip:QV-7", "designedBy", "new:org:Quorvane Devices") in fs, fs
    assert ("new:org:Quorvane Devices", "investedIn", "new:org:Halvarin Optics") in fs, fs


def test_job_titles_in_speaker_labels_are_no_organisations():
    ex = extract(RawDocument("<t>", CALL))
    orgs = {m.text for r in ex.results for m in r.mentions if m.kind == "org" and not m.extra.get("coref")}
    assert not orgs & {"CFO", "CEO", "Chief Financial Officer", "Chief Financial"}, orgs


def test_english_with_original_names_in_brackets_is_english():
    assert detect_lang("In this round , Sakuraba Capital (桜庭キャピタル) became the lead investor , "
                       "and Tokiwa Partners newly participated .") == "en"
    assert detect_lang("Yunqi Technology ( 云栖科技 ) completed a Series B financing of 300 million yuan .") == "en"
    # Japanese with a Latin name in brackets stays Japanese
    assert detect_lang("桜庭キャピタル（Sakuraba Capital）がリード投資家となった。") == "ja"


def test_a_machine_translated_round_with_japanese_names_in_brackets():
    text = ("Hoshizora Devices Co., Ltd. (星空デバイス株式会社) announced that it raised 3 billion yen in the Series B round .\n\n"
            "In this round , Sakuraba Capital (桜庭キャピタル) became the lead investor .")
    ex = extract(RawDocument("<t>", text))
    assert all(r.sentence.lang == "en" for r in ex.results), [r.sentence.lang for r in ex.results]
    orgs = {m.text for r in ex.results for m in r.mentions if m.kind == "org"}
    assert "Sakuraba Capital" in orgs, orgs


def test_a_machine_translated_lead_and_a_fund_described_by_its_parent_bank():
    text = ("Kasumi Robotics Co., Ltd. announced that it raised 2.5 billion yen in the Series B round .\n\n"
            "In this round , Sakuraba Capital (桜庭キャピタル) became the lead investor , and Tokiwa Partners , and "
            "Hanabusa Ventures (花房ベンチャーズ) which is the investment company of the Hanabusa Trust Bank (花房信託銀行) "
            "group newly participated .")
    fs = _facts(text)
    key = next(s for s, p, _ in fs if p == "fundedCompany")
    assert (key, "leadInvestor", "new:org:Sakuraba Capital") in fs, fs
    assert {(key, "investor", "new:org:Tokiwa Partners"), (key, "investor", "new:org:Hanabusa Ventures")} <= fs, fs
    assert not any(o == "new:org:Hanabusa Trust Bank" for _, _, o in fs), fs


def test_a_product_of_the_company_is_its_design():
    fs = _facts("The ZT-4 is the second generation product of Velmora Devices , and it is manufactured in the 7nm "
                "process of TSMC .")
    assert ("new:chip:ZT-4", "designedBy", "new:org:Velmora Devices") in fs, fs
    fs = _facts("The ZT-4 is a popular choice of Velmora Devices customers .")
    assert not any(p == "designedBy" for _, p, _ in fs), fs


def test_a_registered_name_after_its_short_form_is_the_same_company():
    text = ("Velmora Devices , by Series A round , 1 billion yen was procured\n\n"
            "Velmora Devices Co., Ltd. (ヴェルモラ・デバイス株式会社) announced the Series A round of 1 billion yen .")
    ex = extract(RawDocument("<t>", text))
    keys = {m.key for r in ex.results for m in r.mentions if m.kind == "org"}
    assert "new:org:Velmora Devices" in keys and not any("Co., Ltd" in k for k in keys), keys


LETTER = """Marrowby Partners
Marrowby Frontier Compute Fund III, L.P. — Quarterly Letter to Limited Partners

Dear partners,

As before, every investment below was made by Marrowby Frontier Compute Fund III, L.P.; Marrowby Partners, as the \
management company, does not invest from its own balance sheet.

In August, Fund III led Tessaly Silicon's $22 million Series A, and Orwin Gate Capital joined us in the round.
"""


def test_a_fund_vehicle_not_its_management_company_writes_a_letter():
    fs = _facts(LETTER)
    key = "round:new:org:Tessaly Silicon:Series A"
    assert (key, "leadInvestor", "new:org:Marrowby Frontier Compute Fund III") in fs, fs
    assert (key, "investor", "new:org:Orwin Gate Capital") in fs, fs
    assert not any(o == "new:org:Marrowby Partners" for _, _, o in fs), fs
    ex = extract(RawDocument("<t>", LETTER))
    manager = [m for r in ex.results for m in r.mentions if m.text == "Marrowby Partners"]
    assert manager and manager[-1].extra.get("standing") == "Organization", [m.extra for m in manager]


def test_the_said_company_independent_research_and_development():
    text = ("Qinglan Microsystems ( 青岚微系统 ) released the QL-5 inference card on Monday .\n\n"
            "QL-8 is the said company independent research and development , by TSMC 6 nanometer process manufacture .")
    fs = _facts(text)
    assert ("new:chip:QL-8", "designedBy", "new:org:Qinglan Microsystems") in fs, fs
    ex = extract(RawDocument("<t>", text))
    assert not any("independent" in m.text for r in ex.results for m in r.mentions), \
        [m.text for r in ex.results for m in r.mentions]


def test_a_foundry_after_built_by_makes_the_chip_it_does_not_design_it():
    fs = _facts("Corvell's earlier edge part, the CV-3, was built by Samsung on its 8nm process and still ships.")
    assert ("new:chip:CV-3", "designedBy", "id:samsung") not in fs, fs
    assert ("new:chip:CV-3", "fabricatedBy", "id:samsung") in fs, fs


def test_names_counted_among_its_backers_invest_in_the_subject():
    fs = _facts("Tarrow Logic, which counts Pellham Road Capital and Ostry Bay Ventures among its backers, "
                "declined to comment on its valuation.")
    assert {("new:org:Pellham Road Capital", "investedIn", "new:org:Tarrow Logic"),
            ("new:org:Ostry Bay Ventures", "investedIn", "new:org:Tarrow Logic")} <= fs, fs
