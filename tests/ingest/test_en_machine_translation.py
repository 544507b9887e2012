"""English machine-translated from Chinese (issue 12): punctuation spaced off, names half lower-cased ("Ferring
industrial fund", "Lanxi cloud", "baimu capital ( 白木资本 )"), a cluster named before "computing power cluster", a quoted
design before an acronym and "architecture". Invented names only."""
from __future__ import annotations

from ingest.extract import extract
from ingest.readers import RawDocument
from tests.ingest.test_cjk_names import facts


def names(text: str) -> dict:
    ex = extract(RawDocument("<test>", text))
    return {m.text: m.kind for r in ex.results for m in r.mentions}


def test_half_lower_cased_names_in_spaced_translation():
    got = names("This round financing by baimu capital ( 白木资本 ) lead investment , Ferring industrial fund follow "
                "investment . In addition , the partner Lanxi cloud also is the customer of the company , but not the "
                "shareholder .")
    assert got.get("baimu capital") == "org" and got.get("Ferring industrial fund") == "org", got
    assert got.get("Lanxi cloud") == "org", got


def test_a_cluster_before_computing_power_cluster_and_a_quoted_design():
    fs = facts("Qinghe Intelligent flagship product QH-T3 training chip adopt the SMIC N+2 process manufacture , use the "
               "company self-developed \" Lanyu \" NPU architecture . The Baihe ( 白鹤 ) computing power cluster is built "
               "with 2048 pieces QH-T3 , the first phase already put into operation .")
    assert ("new:chip:QH-T3", "usesArchitecture", "new:arch:Lanyu") in fs, fs
    assert ("new:cluster:Baihe", "builtFrom", "new:chip:QH-T3") in fs, fs
