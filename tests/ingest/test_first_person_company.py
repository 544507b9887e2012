"""A company that speaks for itself (issue 12): a filing that defines "we" as the company, a podcast guest who runs a
company, an interview (问/答) with a company's head; and the constructions of such answers: 它 opening an answer about
the chip just named, a round named as what an investor was in it (A轮的领投方X), a cluster named after its kind word.
Invented names only."""
from __future__ import annotations

from tests.ingest.test_cjk_names import facts
from tests.ingest.test_rel_roles import rounds_of


def test_a_filing_that_defines_we_speaks_for_the_company():
    fs = facts('Harlowe Devices, Inc. ("Harlowe," the "Company," "we," "us" or "our") designs edge AI processors. '
               "Our flagship product, the Tamsin T4, is manufactured by TSMC on its N6 process.\n\n"
               "In May 2025, we sold shares of our Series B preferred stock for $30.0 million. "
               "The round was led by Greyloch Ventures.")
    assert ("new:chip:Tamsin T4", "designedBy", "new:org:Harlowe Devices, Inc.") in fs, fs
    assert ("round:new:org:Harlowe Devices, Inc.:Series B", "leadInvestor", "new:org:Greyloch Ventures") in fs, fs


def test_a_podcast_guest_speaks_for_the_company_she_runs():
    text = ("HOST: Welcome back. Today we have Mara, co-founder and CEO of Quenlow Systems. Mara, welcome.\n\n"
            "MARA: Thanks. We build a small vision chip called QS-2 for drones.\n\n"
            "HOST: And you raised money recently?\n\n"
            "MARA: We did. Ninefold Capital led our Series A.\n\n"
            "HOST: Great.\n")
    fs = facts(text)
    assert ("new:chip:QS-2", "designedBy", "new:org:Quenlow Systems") in fs, fs
    assert ("round:new:org:Quenlow Systems:Series A", "leadInvestor", "new:org:Ninefold Capital") in fs, fs


def test_an_interviews_answers_say_we_for_the_company():
    text = ("专访砺峰科技创始人：我们只做边缘芯片\n\n"
            "问：新产品进展如何？\n\n"
            "答：RF-5刚刚量产。它是在台积电6纳米上做的，我们上一代RF-3用的是中芯国际28纳米。\n\n"
            "问：这轮融资谁投的？\n\n"
            "答：C轮，5亿元。岚桥资本领投，B轮的领投方云杪基金这次也继续跟投了。\n")
    fs = facts(text)
    assert ("new:chip:RF-3", "designedBy", "new:org:砺峰科技") in fs, fs
    assert any(s == "new:chip:RF-5" and p == "manufacturedOn" and o == "id:tsmc-n6" for s, p, o in fs), fs
    assert not any(s == "new:chip:RF-3" and o == "id:tsmc-n6" for s, p, o in fs), fs
    rounds = rounds_of(text)
    c, b = rounds.get("round:new:org:砺峰科技:Series C"), rounds.get("round:new:org:砺峰科技:Series B")
    assert c and c["lead"] == {"岚桥资本"} and "云杪基金" in c["investor"], rounds
    assert b and b["lead"] == {"云杪基金"}, rounds


def test_a_cluster_named_after_its_kind_word():
    fs = facts("砺峰科技明年会用RF-5搭一个千卡集群，名字叫“栖梧”，主要给客户做推理。")
    assert ("new:cluster:栖梧", "builtFrom", "new:chip:RF-5") in fs, fs
