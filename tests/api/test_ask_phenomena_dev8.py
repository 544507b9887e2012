"""Composed questions grouped by the phenomenon a fix addressed (issue 13, composed-dev8 misses), each checked on
questions about other entities and in other wordings than the development question that showed it. Gold is
computed by SPARQL over the contract's reference graph (tests/fixtures/questions/gold_sparql.py), never typed in;
a case whose body is None must be declined."""
from __future__ import annotations

import pytest

from tests.api.test_ask_phenomena import check, env  # noqa: F401  (env: the shared module fixture)

pytestmark = pytest.mark.shared  # over ../shared/eval/reference-graph.trig: the contract layer, deselected on a clone alone

INV = "{{ ?x aic:investedIn {c} }} UNION {{ ?r_{n} aic:fundedCompany {c} . {{ ?r_{n} aic:investor ?x }} UNION {{ ?r_{n} aic:leadInvestor ?x }} }}"


def inv(c: str, n: int = 0) -> str:
    """?x invested in company c (directly or as a party of one of its rounds)."""
    return INV.format(c=c, n=n)


def never_led(c: str) -> str:
    return inv(c) + f" FILTER NOT EXISTS {{ ?lr aic:fundedCompany {c} ; aic:leadInvestor ?x }}"


CASES: list[tuple[str, str, str | None]] = [
    # of two verbs between a pair of nodes, the one whose object is a name on the first node is that name's verb:
    # "invested in X without ever leading one of its rounds" links the investor to X's rounds by leading
    ("verb-of-pair", "Who backed Enflame but never led any of its rounds?", never_led("aid:enflame")),
    ("verb-of-pair", "Which investors put money into Moore Threads without leading any of its rounds?",
     never_led("aid:moore-threads")),
    # "which one(s) is/are (also) a <class>" after a set, with or without a relative clause before the comma
    ("copula-after-set", "Of the companies that invested in Tenstorrent, which ones are also foundries?",
     "?x a aic:Foundry . " + inv("aid:tenstorrent")),
    ("copula-after-set", "Among Tenstorrent's backers, which one is a foundry?",
     "?x a aic:Foundry . " + inv("aid:tenstorrent")),
    # two questions in a row: the first a step, the second asks ("…是哪家公司的？这家公司依赖哪些代工厂"); the
    # company the step finds is the one the second sentence's verb links (not a sibling of the chips)
    ("sentence-pair", "用GPGPU架构的芯片是哪家公司的？这家公司依赖哪些代工厂",
     "?x a aic:Foundry . ?h aic:usesArchitecture aid:arch-gpgpu ; aic:designedBy ?v . ?v aic:reliesOn ?x ."),
    ("sentence-pair", "MUSAアーキテクチャのチップはどの会社のもの？その会社に出資している投資家は？",
     "?h aic:usesArchitecture aid:moore-threads-musa ; aic:designedBy ?v . " + inv("?v")),
    # computing clusters are a kind of thing of their own: designed by a company, built from chips
    ("cluster", "Which clusters are built from chips designed by Moore Threads?",
     "?x a aic:ComputingCluster ; aic:builtFrom ?c . ?c aic:designedBy aid:moore-threads ."),
    ("cluster", "摩尔线程有哪些算力集群？", "?x a aic:ComputingCluster ; aic:designedBy aid:moore-threads ."),
    ("cluster", "KUAEはどのチップで構成されていますか", "aid:moore-threads-kuae aic:builtFrom ?x ."),
    ("cluster", "Which chips is the KUAE cluster built from?", "aid:moore-threads-kuae aic:builtFrom ?x ."),
    # a country said relative to the asker ("国产", "国内", "domestic", "国産") names no country: declined
    ("deictic-country", "国内有哪些芯片厂商依赖中芯国际？", None),
    ("deictic-country", "国産のAIチップを作っている会社は？", None),
    ("deictic-country", "Which domestic chip vendors rely on SMIC?", None),
]


@pytest.mark.parametrize("phenomenon,q,body", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_paraphrase(env, phenomenon: str, q: str, body: str | None):
    check(env, phenomenon, q, body)
