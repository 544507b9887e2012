"""Composed questions grouped by the mechanism of a confident wrong answer on composed-dev13 (issue 13, helper-85),
each checked on questions of my own about other entities and in other wordings. Gold is computed by SPARQL over the
contract's reference graph (tests/fixtures/questions/gold_sparql.py), countries from the vocabulary
(ontology/vocab/organizations.tsv); a case whose body is None must be declined."""
from __future__ import annotations

import pytest

from tests.api.test_ask_phenomena import env, inv  # noqa: F401  (env: the shared module fixture)
from tests.api.test_ask_phenomena_dev12 import made_by
from tests.api.test_ask_probe_en import _item, country, relies

pytestmark = pytest.mark.shared  # over ../shared/eval/reference-graph.trig: the contract layer, deselected on a clone alone


def invests(i: str, co: str) -> str:
    return (f"{{ {i} aic:investedIn {co} }} UNION {{ ?r aic:fundedCompany {co} . {{ ?r aic:investor {i} }} UNION "
            f"{{ ?r aic:leadInvestor {i} }} }}")


CASES: list[tuple[str, str, str | None]] = [
    # ja: "<region>の企業はどこに投資している": どこ marked with に/へ before an investment verb is where the topic
    # invests (was: どこ read as nothing, the verb left unused, and the region's companies themselves listed)
    ("ja-doko-ni", "アメリカの企業はどこへ投資しましたか", "?v a aic:Organization . " + country("?v", "US") + " " + invests("?v", "?x")),
    ("ja-doko-ni", "中国の会社はどこに出資していますか", "?v a aic:Organization . " + country("?v", "CN") + " " + invests("?v", "?x")),
    ("ja-doko-ni", "アメリカの投資家はどこに出資していますか", country("?v", "US") + " " + invests("?v", "?x")),
    ("ja-doko-ni", "中国の企業はどこから出資を受けていますか", "?co a aic:Organization . " + country("?co", "CN") + " " + invests("?x", "?co")),
    # ja: 製 after a foundry's name ("TSMC製チップ") is the foundry that made the chips, said of the chips, also when a
    # maker stands before it ("中国メーカーのTSMC製チップ"; was: the makers relying on TSMC, any chip of theirs)
    ("ja-foundry-sei", "中国メーカーのSMIC製チップは？",
     "?x a aic:Chip ; aic:designedBy ?d . " + country("?d", "CN") + " ?x aic:fabricatedBy aid:smic ."),
    ("ja-foundry-sei", "アメリカ企業のTSMC製チップはどれ？",
     "?x a aic:Chip ; aic:designedBy ?d . " + country("?d", "US") + " ?x aic:fabricatedBy aid:tsmc ."),
    ("ja-foundry-sei", "中国企業のTSMC製のチップで2021年に発表されたものは？",
     "?x a aic:Chip ; aic:designedBy ?d ; aic:announcedIn ?y . " + country("?d", "CN") +
     " ?x aic:fabricatedBy aid:tsmc . FILTER(SUBSTR(STR(?y), 1, 4) = \"2021\")"),
    # ja: "<class>でありながら<clause>する会社": the class is the company's own, not a node the clause links to (was: the
    # designers of any chip some foundry makes)
    ("ja-copula-clause", "ファウンドリであり、自社でチップを設計している企業はどこ？", "?x a aic:Foundry . ?c aic:designedBy ?x ."),
    ("ja-copula-clause", "投資家でありながらチップも開発している企業は？", "?x a aic:Investor . ?c aic:designedBy ?x ."),
    ("ja-copula-clause", "投資家でありつつTSMCに依存している会社はどこですか", "?x a aic:Investor . " + relies("?x", "aid:tsmc")),
]


@pytest.mark.parametrize("phenomenon,q,body", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_paraphrase(env, phenomenon: str, q: str, body: str | None):
    from api.ask import answer
    store, gold, kgeval = env
    it = _item(gold, q, body)
    ok, why = kgeval.judge(it, answer(q, store))
    assert ok, f"{phenomenon}: {q} -> {why} (gold {it.get('answers', it.get('value', 'decline'))})"
