"""English machine-translated from Korean or Chinese: "5 nano process" is a process size, and a linking word that
opens a sentence ("Meanwhile", "Also") is no part of the company name after it. Sentences and names are our own."""
from __future__ import annotations

from tests.ingest.en_texts import facts as _facts, orgs as _orgs

TEXT = """Korea AI semiconductor company Sorane announce new NPU

Sorane on 12th announced that its new NPU "Haneul-2" is completed development. The Haneul-2 is produced in Samsung Electronics foundry 5 nano process. Company explained that the previous chip Haneul-1 was made by TSMC 7 nano.

Meanwhile Sorane attracted 30 billion won investment in series B last year.
"""


def test_nano_after_a_number_is_a_process_size():
    fs = _facts(TEXT)
    assert ("new:chip:Haneul-2", "manufacturedOn", "id:samsung-5nm") in fs, fs
    assert ("new:chip:Haneul-1", "manufacturedOn", "id:tsmc-n7") in fs, fs


def test_a_linking_word_opens_no_company_name():
    fs = _facts(TEXT)
    assert ("round:new:org:Sorane:Series B", "fundedCompany", "new:org:Sorane") in fs, fs
    assert not any("Meanwhile" in s or "Meanwhile" in o for s, _, o in fs), fs
