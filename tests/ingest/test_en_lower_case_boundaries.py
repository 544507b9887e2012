"""Where a lower-cased name ends in English machine translation (issue 12): a verb or a function word after a
corporate word ends the name ("zhanlu microelectronics received investment" names zhanlu microelectronics), and a
bare verb before "investment" ("will add investment") names no investor. Own sentences, invented names only."""
from __future__ import annotations

from tests.ingest.test_cjk_names import facts
from tests.ingest.test_en_machine_translation import names


def orgs(text: str) -> set[str]:
    return {t for t, k in names(text).items() if k == "org"}


def test_a_verb_after_a_corporate_word_ends_the_lower_cased_name():
    got = orgs("yunqi electronics secured investment of 3 hundred million yuan a round financing , by qingmu capital "
               "lead investment .")
    assert "yunqi electronics" in got and not any("secured" in g for g in got), got
    fs = facts("qiyun microelectronics obtained investment of 2 hundred million yuan , heshan capital lead investment .")
    assert any(p == "leadInvestor" and o == "new:org:heshan capital" and "qiyun microelectronics:" in s
               and "obtained" not in s for s, p, o in fs), fs


def test_a_bare_verb_before_investment_names_no_investor():
    got = orgs("in this round , the existing shareholder baitang fund will add investment , and lanxi ventures "
               "also join .")
    assert "baitang fund" in got and "lanxi ventures" in got, got
    assert not any("investment" in g for g in got), got


def test_a_function_word_opens_no_lower_cased_name():
    got = orgs("the two companies have no any capital relationship , said the spokesman of qiaomu holdings .")
    assert "qiaomu holdings" in got and not any("any" in g.split() for g in got), got
