"""General failure classes of session 6 (issue 13, helper-75), each checked on questions of my own (other entities,
other wordings than the questions that showed them). Gold is computed by SPARQL over the contract's reference graph,
countries from the vocabulary (ontology/vocab/organizations.tsv); a case whose body is None must be declined."""
from __future__ import annotations

import pytest

from tests.api.test_ask_phenomena import env, inv  # noqa: F401  (env: the shared module fixture)
from tests.api.test_ask_probe_en import _item, country

pytestmark = pytest.mark.shared  # over ../shared/eval/reference-graph.trig: the contract layer, deselected on a clone alone


def count_of(cls: str, code: str) -> str:
    return f"SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE {{ ?x a aic:{cls} . {country('?x', code)} }}"


CASES: list[tuple[str, str, str | None]] = [
    # (1) a count of organisations of one kind in a country counts that kind only (was: every organisation of the
    # country, research firms and vendors among them, when the country was the only thing said of the investors)
    ("count-kind", "How many Japanese investors does the graph have?", count_of("Investor", "JP")),
    ("count-kind", "中国の投資家は何社ありますか？", count_of("Investor", "CN")),
    ("count-kind", "有多少家美国的投资方？", count_of("Investor", "US")),
    ("count-kind", "Which investors are American?", f"?x a aic:Investor . {country('?x', 'US')}"),
]


@pytest.mark.parametrize("phenomenon,q,body", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_class(env, phenomenon: str, q: str, body: str | None):
    from api.ask import answer
    store, gold, kgeval = env
    it = _item(gold, q, body)
    ok, why = kgeval.judge(it, answer(q, store))
    assert ok, f"{phenomenon}: {q} -> {why} (gold {it.get('answers', it.get('value', 'decline'))})"
