"""English backers named without a round ("is funded by", "counts X among its investors", "Investors in Y include X")
and people named after their job title ("Halvard Systems chief executive Noor Akande"), who are never organisations.
Sentences and names are our own."""
from __future__ import annotations

import pytest

from tests.ingest.en_texts import facts as _facts, orgs as _orgs


LEAD = "Oberin Semiconductor designs the OS-7 vision chip.\n\n"


@pytest.mark.parametrize("sentence, backers", [
    ("Oberin is funded by Lathe Capital and Mirren Ventures.", {"Lathe Capital", "Mirren Ventures"}),
    ("Oberin counts Lathe Capital and Mirren Ventures among its investors.", {"Lathe Capital", "Mirren Ventures"}),
    ("Investors in Oberin include Lathe Capital.", {"Lathe Capital"}),
    ("The company is financed by Quarrendon Partners.", {"Quarrendon Partners"}),
])
def test_a_backer_named_without_a_round_invests_in_the_company(sentence, backers):
    fs = _facts(LEAD + sentence)
    got = {s.split(":", 2)[-1] for s, p, o in fs if p == "investedIn" and o == "new:org:Oberin Semiconductor"}
    assert got == backers, fs


@pytest.mark.parametrize("text, person", [
    ("Halvard Systems chief executive Noor Akande unveiled the HX-30 accelerator on Tuesday.", "Noor Akande"),
    ("Speaking in Austin, co-founder Ivo Lind said the FC-4 chip is built by GlobalFoundries.", "Ivo Lind"),
    ("Managing director Clea Vantongeren said Brisk Robotics would test the chips.", "Clea Vantongeren"),
])
def test_a_name_after_a_job_title_is_a_person(text, person):
    assert person not in _orgs(text)


def test_a_company_after_a_title_word_stays_a_company():
    assert "Tolland Robotics" in _orgs("Its partner Tolland Robotics will test the QX-7 chip built by TSMC.")


@pytest.mark.parametrize("sentence, backer", [
    ("Greywater Capital has taken a minority stake in Pike Silicon.", "Greywater Capital"),
    ("Orme Ventures holds a small stake in Pike Silicon.", "Orme Ventures"),
    ("Pike Silicon is a portfolio company of Tarrant Capital.", "Tarrant Capital"),
])
def test_a_stake_a_cheque_or_a_portfolio_names_a_backer(sentence, backer):
    fs = _facts("Pike Silicon designs the PS-2 chip.\n\n" + sentence)
    assert ("new:org:" + backer, "investedIn", "new:org:Pike Silicon") in fs, fs
    assert not any(s == "new:org:Pike Silicon" and p == "investedIn" for s, p, _ in fs), fs


def test_a_person_named_with_a_title_stays_a_person_by_surname():
    text = ("Vashon Devices chief executive Elise Marchand opened the show with the VK-300, an inference chip built "
            "by TSMC on N4P.\n\nMarchand said the VK-500 will follow on Intel 18A next year. \"We will ship it to cloud "
            "customers first,\" Marchand added.")
    assert not {"Marchand", "Elise Marchand"} & _orgs(text)
    assert not any("Marchand" in o for _, _, o in _facts(text))
