"""English deal digests and short wire items (issue 12): the company a round belongs to is the one the item or
the sentence names as the funded subject, not the company an earlier item was about. Own sentences."""
from __future__ import annotations

import pytest

from ingest.extract import extract
from ingest.readers import RawDocument


def facts_of(text: str) -> set[tuple]:
    ex = extract(RawDocument("<test>", text))
    return {(f.subject, f.predicate, f.object) for r in ex.results for f in r.facts}


def funded(fs: set[tuple]) -> dict[str, str]:
    return {s: o for s, p, o in fs if p == "fundedCompany"}


def parties(fs: set[tuple], company: str) -> dict[str, str]:
    """name -> role in the rounds of `company`."""
    rounds = {s for s, o in funded(fs).items() if o.endswith(":" + company)}
    return {o.rsplit(":", 1)[-1]: p for s, p, o in fs if s in rounds and p in ("investor", "leadInvestor")}


EARLIER = "Ulpha Robotics raised a $6 million seed round from Scafell Partners.\n\n"


@pytest.mark.parametrize("text,company,role", [
    (EARLIER + "Supported by Calder Row Ventures, Miskin Photonics has raised $14 million to build optical links.",
     "Miskin Photonics", {"Calder Row Ventures": "investor"}),
    (EARLIER + "Led by Hartsop Capital and Mardale Fund, Glenridding Systems closed a $22 million Series A on Monday.",
     "Glenridding Systems", {"Hartsop Capital": "leadInvestor", "Mardale Fund": "leadInvestor"}),
    ("Weekly funding wrap\n\n* Ulpha Robotics bagged a $3 million seed round.\n* Backed by Birker Fell Capital, Seathwaite "
     "Compute picked up $9 million for its first inference card.",
     "Seathwaite Compute", {"Birker Fell Capital": "investor"}),
])
def test_fronted_participle_names_investors_and_the_subject_is_the_company(text, company, role):
    fs = facts_of(text)
    assert parties(fs, company) == role
    assert not parties(fs, "Ulpha Robotics").keys() - {"Scafell Partners"}


@pytest.mark.parametrize("text,company,lead", [
    (EARLIER + "The $18 million Series A for Brantwood Semi was led by Orrest Partners.", "Brantwood Semi", "Orrest Partners"),
    (EARLIER + "Troutbeck Capital led a $9 million seed round for Kelda Logic in Leeds.",
     "Kelda Logic", "Troutbeck Capital"),
    ("Notes from the week\n- Ulpha Robotics closed a $4 million seed.\n- A €7m Series A for Haweswater AI was headed by "
     "Bampton Growth.", "Haweswater AI", "Bampton Growth"),
])
def test_round_for_a_company_is_that_company_s(text, company, lead):
    fs = facts_of(text)
    assert company in {v.rsplit(":", 1)[-1] for v in funded(fs).values()}
    assert parties(fs, company).get(lead) == "leadInvestor"
    assert company not in parties(fs, "Ulpha Robotics")


@pytest.mark.parametrize("verb", ["took in", "pulled in", "snagged", "banked", "landed", "bagged", "picked up", "hauled in"])
def test_verbs_of_taking_money_in_are_funding(verb):
    text = f"Roundup\n- Ulpha Robotics raised $2 million.\n- Wasdale Microsystems {verb} $7 million from Seascale Capital."
    fs = facts_of(text)
    assert parties(fs, "Wasdale Microsystems") == {"Seascale Capital": "investor"}
    assert "Seascale Capital" not in parties(fs, "Ulpha Robotics")


@pytest.mark.parametrize("text", [
    "Wasdale Microsystems landed a $7 million contract with Seascale Logistics.",
    "Wasdale Microsystems picked up $7 million in orders from Seascale Capital's portfolio companies.",
])
def test_money_taken_in_that_is_no_round(text):
    assert not funded(facts_of(text))


@pytest.mark.parametrize("text", [
    "Eskdale Micro confirmed that negotiations with Irton Ventures over a Series A had collapsed.",
    "Talks between Ravenglass Compute and Muncaster Capital about a seed investment were called off in May.",
    "Drigg Labs walked away from talks with Gosforth Partners after a month.",
    "Ulpha Robotics raised a seed round.\n\n- Calder Semi said discussions with Irton Ventures on new funding ended "
    "without a deal.",
])
def test_talks_that_ended_are_no_investment(text):
    fs = facts_of(text)
    assert not [f for f in fs if f[1] in ("investedIn", "investor", "leadInvestor")
                and any(n in f[0] + f[2] for n in ("Irton", "Muncaster", "Gosforth"))]


def test_own_list_item_does_not_inherit_the_previous_item_s_company():
    text = ("Deals this week\n- Ulpha Robotics raised a $6 million seed round.\n"
            "- Corney Devices: an $11 million Series A from Bootle Ventures.")
    fs = facts_of(text)
    assert parties(fs, "Corney Devices") == {"Bootle Ventures": "investor"}
    assert "Bootle Ventures" not in parties(fs, "Ulpha Robotics")


def test_net_proceeds_after_fees_are_no_second_round():
    text = "Ulpha Robotics raised $50 million in its IPO on Nasdaq. After underwriting costs it netted $46 million."
    assert len(funded(facts_of(text))) == 1


def test_a_name_that_leads_is_no_company_after_in():
    fs = facts_of("Ulpha Robotics raised a seed round.\n\nKelda Semiconductor raised $30 million in Troutbeck Capital-led funding.")
    assert parties(fs, "Kelda Semiconductor") == {"Troutbeck Capital": "leadInvestor"}


LETTER = ("Sprinkling Tarn Ventures — Letter to Limited Partners, Q2 2026\n\nDear partners,\n\nWe closed our third fund in "
          "March and led two rounds this quarter. {}\n\nSprinkling Tarn Ventures\n")


@pytest.mark.parametrize("sentence,company,other", [
    ("We also backed Hobcarton Devices in its seed round alongside Larch Partners.", "Hobcarton Devices", "Larch Partners"),
    ("In April we funded Grisedale Compute's Series A together with Coledale Capital.", "Grisedale Compute", "Coledale Capital"),
    ("This quarter we backed Orrest Photonics with a $2 million seed cheque, next to Bowscale Capital.",
     "Orrest Photonics", "Bowscale Capital"),
])
def test_the_object_of_backing_is_the_company_funded(sentence, company, other):
    fs = facts_of(LETTER.format(sentence))
    got = parties(fs, company)
    assert got.get("Sprinkling Tarn Ventures") and got.get(other)
    assert not [f for f in fs if f[1] in ("investor", "leadInvestor") and f[2].endswith(":" + company)]


@pytest.mark.parametrize("text,early,late", [
    ("Why we started Skiddaw Silicon\n\nWe design inference chips for hearing aids.\n"
     "Our seed came from Redesdale Ventures, and last year we raised a $12 million Series A led by Tarn Moor Capital.",
     ("Seed", "Redesdale Ventures"), ("Series A", "Tarn Moor Capital")),
    ("Blencathra Micro took a $3 million seed from Glaramara Capital in 2022; its $15 million Series A, led by "
     "Helvellyn Growth, followed in 2024.",
     ("Seed", "Glaramara Capital"), ("Series A", "Helvellyn Growth")),
    ("Stybarrow Devices closed a Series A with Dodd Wood Capital in 2023, while its 2025 Series B came from Whinlatter "
     "Partners and Lorton Growth.", ("Series A", "Dodd Wood Capital"), ("Series B", "Lorton Growth")),
])
def test_two_rounds_in_one_sentence_keep_their_own_investors(text, early, late):
    fs = facts_of(text)
    by_round = {}
    for s, p, o in fs:
        if p in ("investor", "leadInvestor"):
            by_round.setdefault(s.rsplit(":", 1)[-1], set()).add(o.rsplit(":", 1)[-1])
    assert early[1] in by_round.get(early[0], set()) and early[1] not in by_round.get(late[0], set())
    assert late[1] in by_round.get(late[0], set()) and late[1] not in by_round.get(early[0], set())



def test_a_backed_adjective_names_no_company_funded():
    text = ("Ulpha Robotics closed a $20 million Series B led by Scafell Partners. Government-backed Brathay Capital and "
            "Rydal Partners also joined the round.")
    assert parties(facts_of(text), "Ulpha Robotics").get("Brathay Capital") == "investor"
