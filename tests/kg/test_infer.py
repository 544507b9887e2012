"""The contract's required inferences, materialised in their own graph with the rule named."""
from __future__ import annotations

import pytest

from kg.infer import materialize
from kg.namespace import INFERRED_GRAPH
from tests.conftest import FIXTURES


@pytest.mark.parametrize("ask", [
    "ASK { aid:h100 aic:fabricatedBy aid:tsmc }",
    "ASK { aid:nvidia aic:reliesOn aid:tsmc-4n }",
    "ASK { aid:nvidia aic:reliesOn aid:tsmc }",
    "ASK { aid:huawei aic:reliesOn aid:smic }",
    "ASK { aid:nvidia a aic:Organization }",
])
def test_infer_materializes_contract_rules(memory_store, ask):
    memory_store.load(FIXTURES / "flagship.ttl")
    materialize(memory_store)
    prefix = "PREFIX aic: <https://w3id.org/aichip/ontology#> PREFIX aid: <https://w3id.org/aichip/id/> "
    assert memory_store.query(prefix + ask).boolean


def test_infer_records_rule_and_is_recomputed(memory_store):
    memory_store.load(FIXTURES / "flagship.ttl")
    first = materialize(memory_store)
    second = materialize(memory_store)
    assert first == second
    rows = memory_store.select(f"SELECT ?r WHERE {{ GRAPH <{INFERRED_GRAPH}> {{ ?s <https://w3id.org/aichip/ontology#rule> ?r }} }}")
    assert {"fabricatedBy-from-process", "reliesOn-process-from-designs", "reliesOn-foundry-from-designs"} <= {r["r"] for r in rows}


def test_infer_funding_round_gives_investedIn(memory_store):
    memory_store.load(b"""@prefix aic: <https://w3id.org/aichip/ontology#> . @prefix aid: <https://w3id.org/aichip/id/> .
    aid:r1 a aic:FundingRound ; aic:fundedCompany aid:biren ; aic:leadInvestor aid:qiming ; aic:investor aid:gree .""",
                      fmt="ttl", graph="http://example.org/g")
    materialize(memory_store)
    rows = memory_store.select("SELECT ?i WHERE { ?i <https://w3id.org/aichip/ontology#investedIn> <https://w3id.org/aichip/id/biren> }")
    assert {r["i"].rsplit("/", 1)[-1] for r in rows} == {"qiming", "gree"}
