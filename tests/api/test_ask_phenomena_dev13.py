"""Composed questions grouped by the mechanism of a confident wrong answer on composed-dev13 (issue 13, helper-85),
each checked on questions of my own about other entities and in other wordings. Gold is computed by SPARQL over the
contract's reference graph (tests/fixtures/questions/gold_sparql.py), countries from the vocabulary
(ontology/vocab/organizations.tsv); a case whose body is None must be declined."""
from __future__ import annotations

import pytest

from tests.api.test_ask_phenomena import env, inv  # noqa: F401  (env: the shared module fixture)
from tests.api.test_ask_phenomena_dev12 import made_by
from tests.api.test_ask_probe_en import country, relies, judge_case
from tests.api.test_ask_variations_s7 import invested

pytestmark = pytest.mark.shared  # over ../shared/eval/reference-graph.trig: the contract layer, deselected on a clone alone


def newest_memory(v: str) -> str:
    return ("STR:SELECT DISTINCT ?v WHERE { ?x aic:designedBy aid:%s ; aic:announcedIn ?y ; aic:memoryType ?v . "
            "{ SELECT (MAX(?y2) AS ?y) WHERE { ?x2 a aic:Chip ; aic:designedBy aid:%s ; aic:announcedIn ?y2 } } }" % (v, v))


CASES: list[tuple[str, str, str | None]] = [
    # ja: "<region>の企業はどこに投資している": どこ marked with に/へ before an investment verb is where the topic
    # invests (was: どこ read as nothing, the verb left unused, and the region's companies themselves listed)
    ("ja-doko-ni", "アメリカの企業はどこへ投資しましたか", "?v a aic:Organization . " + country("?v", "US") + " " + invested("?v", "?x", 0)),
    ("ja-doko-ni", "中国の会社はどこに出資していますか", "?v a aic:Organization . " + country("?v", "CN") + " " + invested("?v", "?x", 0)),
    ("ja-doko-ni", "アメリカの投資家はどこに出資していますか", country("?v", "US") + " " + invested("?v", "?x", 0)),
    ("ja-doko-ni", "中国の企業はどこから出資を受けていますか", "?co a aic:Organization . " + country("?co", "CN") + " " + invested("?x", "?co", 0)),
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
    # en/zh: the memory of a vendor's newest chip: the newest of all its chips (not of those whose memory is known),
    # answered by its memory (was declined: a superlative on a memory asked was not read)
    ("newest-memory", "What kind of memory is in Intel's newest accelerator?", newest_memory("intel")),
    ("newest-memory", "Which memory do NVIDIA's latest chips use?", newest_memory("nvidia")),
    ("newest-memory", "英伟达最新的芯片用什么显存？", newest_memory("nvidia")),
    # en: "chips … that TSMC did not fabricate": the name between the relative pronoun and the negated verb is the
    # negated clause's subject, on the asked node (was declined; with a later name, the negation was read on it:
    # "chips that Samsung did not fabricate use HBM3" listed Samsung's chips without HBM3); on another node, declined
    ("en-neg-subject", "Which chips that Samsung did not fabricate use HBM3?",
     "?x a aic:Chip ; aic:memoryType ?m . FILTER(LCASE(STR(?m)) = \"hbm3\") "
     "FILTER NOT EXISTS { ?x aic:fabricatedBy aid:samsung }"),
    ("en-neg-subject", "Which NVIDIA chips that TSMC didn't make?",
     "?x a aic:Chip ; aic:designedBy aid:nvidia . FILTER NOT EXISTS { ?x aic:fabricatedBy aid:tsmc }"),
    ("en-neg-subject", "Inference chips announced in 2023 or later which TSMC did not fabricate?",
     "?x a aic:InferenceChip ; aic:announcedIn ?y . FILTER(SUBSTR(STR(?y), 1, 4) >= \"2023\") "
     "FILTER NOT EXISTS { ?x aic:fabricatedBy aid:tsmc }"),
    ("en-neg-subject", "Chips from Chinese vendors that SMIC did not manufacture?", None),
]


@pytest.mark.parametrize("phenomenon,q,body", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_paraphrase(env, phenomenon: str, q: str, body: str | None):
    judge_case(env, phenomenon, q, body)
