"""General failure classes of session 6 (issue 13, helper-75), each checked on questions of my own (other entities,
other wordings than the questions that showed them). Gold is computed by SPARQL over the contract's reference graph,
countries from the vocabulary (ontology/vocab/organizations.tsv); a case whose body is None must be declined."""
from __future__ import annotations

import pytest

from tests.api.test_ask_phenomena import env, inv  # noqa: F401  (env: the shared module fixture)
from tests.api.test_ask_probe_en import country, judge_case

pytestmark = pytest.mark.shared  # over ../shared/eval/reference-graph.trig: the contract layer, deselected on a clone alone


def count_of(cls: str, code: str) -> str:
    return f"SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE {{ ?x a aic:{cls} . {country('?x', code)} }}"


def uses_size(v: str, f: str, nm: int, k: int) -> str:
    """Vendor v uses a process of foundry f of nm nanometres: stated, or through a chip of v made on it."""
    return (f"{{ {v} aic:reliesOn ?p{k} }} UNION {{ ?c{k} aic:designedBy {v} ; aic:manufacturedOn ?p{k} }} "
            f"?p{k} aic:offeredBy {f} ; aic:nodeNanometers {nm} .")


def ipo_currency(co: str) -> str:
    return f"STR:SELECT ?v WHERE {{ ?r aic:fundedCompany {co} ; aic:roundName \"IPO\" ; aic:currency ?v }}"


def memory(c: str, m: str) -> str:
    return f"{c} aic:memoryType ?mem . FILTER(LCASE(STR(?mem)) = \"{m.lower()}\")"


def source_of(market: str) -> str:
    return f"?f aic:market \"{market}\" ; aic:estimatedBy ?x ."


def earliest_round(co: str) -> str:
    return (f"?x aic:fundedCompany {co} ; aic:date ?d . FILTER NOT EXISTS {{ ?o aic:fundedCompany {co} ; aic:date ?d2 . "
            f"FILTER(STR(?d2) < STR(?d)) }}")


def sum_raised(co: str, extra: str = "") -> str:
    return f"SELECT (SUM(?a) AS ?v) WHERE {{ ?r aic:fundedCompany {co} ; aic:amount ?a ; aic:date ?d . {extra} }}"


def investors_of_either(a: str, b: str) -> str:
    def one(c: str, k: int) -> str:
        return (f"{{ ?x aic:investedIn {c} }} UNION {{ ?r{k} aic:fundedCompany {c} . {{ ?r{k} aic:investor ?x }} UNION "
                f"{{ ?r{k} aic:leadInvestor ?x }} }}")
    return f"SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE {{ {{ {one(a, 1)} }} UNION {{ {one(b, 2)} }} }}"


CASES: list[tuple[str, str, str | None]] = [
    # (1) a count of organisations of one kind in a country counts that kind only (was: every organisation of the
    # country, research firms and vendors among them, when the country was the only thing said of the investors)
    ("count-kind", "How many Japanese investors does the graph have?", count_of("Investor", "JP")),
    ("count-kind", "中国の投資家は何社ありますか？", count_of("Investor", "CN")),
    ("count-kind", "有多少家美国的投资方？", count_of("Investor", "US")),
    ("count-kind", "Which investors are American?", f"?x a aic:Investor . {country('?x', 'US')}"),
    # (2) "both" with two sizes of one foundry's process asks for vendors on each (a process has one size; was: one
    # process of both sizes, an empty answer; or, in ja, the vendors on either)
    ("both-sizes", "Which chip vendors rely on both TSMC 7nm and 12nm?",
     "?x a aic:ChipVendor . " + uses_size("?x", "aid:tsmc", 7, 1) + " " + uses_size("?x", "aid:tsmc", 12, 2)),
    ("both-sizes", "TSMCの5nmと7nmのどちらも使っているベンダーは？",
     "?x a aic:ChipVendor . " + uses_size("?x", "aid:tsmc", 5, 1) + " " + uses_size("?x", "aid:tsmc", 7, 2)),
    ("both-sizes", "TSMCの7nmと12nmの両方を採用しているベンダーは？",
     "?x a aic:ChipVendor . " + uses_size("?x", "aid:tsmc", 7, 1) + " " + uses_size("?x", "aid:tsmc", 12, 2)),
    ("both-sizes", "哪些厂商同时采用台积电4nm和7nm？",
     "?x a aic:ChipVendor . " + uses_size("?x", "aid:tsmc", 4, 1) + " " + uses_size("?x", "aid:tsmc", 7, 2)),
    # (3) the currency of a company's IPO is that round's, not the currencies of all its rounds
    ("ipo-currency", "In which currency did Biren Technology raise its IPO?", ipo_currency("aid:biren-technology")),
    ("ipo-currency", "天数智芯のIPOは何の通貨建てですか？", ipo_currency("aid:iluvatar-corex")),
    ("ipo-currency", "壁仞科技的IPO以什么货币募资？", ipo_currency("aid:biren-technology")),
    # (4) words that carry a meaning the reading has, read instead of declined
    # "ship/come with <memory>" = uses it, a relation word (as filler, the verb after "chips from Chinese vendors" went
    # unseen and chips of any vendor were listed)
    ("ship-with", "Which chips from Chinese vendors ship with HBM2e?",
     "?x a aic:Chip ; aic:designedBy ?d . " + country("?d", "CN") + " " + memory("?x", "HBM2e")),
    ("ship-with", "Which AMD accelerators ship with HBM3?", "?x a aic:Chip ; aic:designedBy aid:amd . " + memory("?x", "HBM3")),
    ("ship-with", "Which chips by US companies come with HBM3e?",
     "?x a aic:Chip ; aic:designedBy ?d . " + country("?d", "US") + " " + memory("?x", "HBM3e")),
    # a research firm "publishing figures on" a market, or "giving" a growth rate, is the one that estimated it
    ("publishes", "Who publishes estimates for the China AI chip market?", source_of("China AI chip market")),
    ("publishes", "Which research firm publishes figures on the global AI chip market?", source_of("Global AI chip market")),
    ("publishes", "What growth rate did Gartner give for the global AI chip market?",
     "SELECT ?v WHERE { ?f aic:market \"Global AI chip market\" ; aic:estimatedBy aid:gartner ; aic:growthRate ?v }"),
    # "<microarchitecture>-generation chips": chips of that microarchitecture (after any other name: still declined)
    ("generation", "List the Blackwell-generation chips.", "?x a aic:Chip ; aic:usesArchitecture aid:nvidia-blackwell ."),
    ("generation", "Which CDNA 3-generation accelerators use HBM3?",
     "?x a aic:Chip ; aic:usesArchitecture aid:amd-cdna-3 . " + memory("?x", "HBM3")),
    ("generation", "Hopper世代のチップは？", "?x a aic:Chip ; aic:usesArchitecture aid:nvidia-hopper ."),
    ("generation", "Which NVIDIA next-generation chips are there?", None),
    # "across its rounds": the total over them
    ("across-rounds", "How much did Enflame raise in total across its funding rounds?", sum_raised("aid:enflame")),
    ("across-rounds", "How much did Biren raise across its rounds before 2022?",
     sum_raised("aid:biren-technology", "FILTER(SUBSTR(STR(?d), 1, 4) < \"2022\")")),
    # ja 一番古いラウンド: the round with the earliest date (was declined)
    ("earliest-round", "ムーアスレッドの一番古いラウンドは？", earliest_round("aid:moore-threads")),
    ("earliest-round", "What was Enflame's earliest round?", earliest_round("aid:enflame")),
    # zh 纳米数: the process's nanometres, the process as the bare 纳米 reads it (was declined on 数)
    ("nm-count", "H100的工艺纳米数是多少？", "aid:nvidia-h100 aic:manufacturedOn ?x ."),
    ("nm-count", "MLU370的工艺纳米数是多少？", "aid:cambricon-mlu370 aic:manufacturedOn ?x ."),
    # a count of the parties of two organisations "in total" counts those of either once (was: of both, or declined on
    # 不同)
    ("total-distinct", "摩尔线程和沐曦一共有多少个不同的投资方？", investors_of_either("aid:moore-threads", "aid:metax")),
    ("total-distinct", "How many different investors do Biren and Enflame have in total?",
     investors_of_either("aid:biren-technology", "aid:enflame")),
    ("total-distinct", "摩尔线程和沐曦共同的投资方有几家？",
     "SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE { " + inv("aid:moore-threads", 1) + " " + inv("aid:metax", 2) + " }"),
    # a name said without its 'Capital' ending, when exactly one organisation is so named
    ("short-name", "IDGが出資した会社は？", "{ aid:idg-capital aic:investedIn ?x } UNION { ?r aic:fundedCompany ?x . "
     "{ ?r aic:investor aid:idg-capital } UNION { ?r aic:leadInvestor aid:idg-capital } }"),
    ("short-name", "IDG投资了哪些公司？", "{ aid:idg-capital aic:investedIn ?x } UNION { ?r aic:fundedCompany ?x . "
     "{ ?r aic:investor aid:idg-capital } UNION { ?r aic:leadInvestor aid:idg-capital } }"),
]


@pytest.mark.parametrize("phenomenon,q,body", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_class(env, phenomenon: str, q: str, body: str | None):
    judge_case(env, phenomenon, q, body)
