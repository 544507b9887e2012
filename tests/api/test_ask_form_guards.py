"""A fast-path form must not answer a question about something else that shares its cue words: 'which year'
with a chip in view is the chip's year only when no listing, founding or raising is asked of its company (the
form would give the chip's announcement year for 'the year the company behind X listed')."""
from __future__ import annotations

import pytest

from tests.api.test_ask_phenomena import check, env  # noqa: F401  (env: the shared module fixture)

pytestmark = pytest.mark.shared  # over ../shared/eval/reference-graph.trig

CASES: list[tuple[str, str, str | None]] = [
    # the chip's own year still comes from the form
    ("chip-year", "In which year did the maker of the Ascend 910B launch it?",
     "SELECT ?v WHERE { aid:huawei-ascend-910b aic:announcedIn ?v }"),
    ("chip-year", "When was the MI300X announced?", "SELECT ?v WHERE { aid:amd-mi300x aic:announcedIn ?v }"),
    # a month after "went public in" is the time window, not part of the verb (was declined: "went, public" unread)
    ("went-public-month", "Which companies went public in January 2026?",
     '?r aic:roundName "IPO" ; aic:fundedCompany ?x ; aic:date ?d . FILTER(STRSTARTS(STR(?d), "2026-01"))'),
    ("went-public-month", "Which AI chip firms went public in July 2020?",
     '?r aic:roundName "IPO" ; aic:fundedCompany ?x ; aic:date ?d . FILTER(STRSTARTS(STR(?d), "2020-07"))'),
]

# a company's listing or founding year is not the chip's: declined or answered by the composed path, never the chip year
NOT_CHIP_YEAR = [
    "In which year did the company behind the MLU370 list?",
    "In which year did the company behind the MTT S4000 list?",
    "In which year did the company behind the MLU370 go public?",
    "Which year was the designer of the Ascend 910B founded?",
    "MLU370の開発元が上場したのは何年ですか？",
]


@pytest.mark.parametrize("phenomenon,q,body", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_form_still_answers(env, phenomenon, q, body):  # noqa: F811
    check(env, phenomenon, q, body)


@pytest.mark.parametrize("q", NOT_CHIP_YEAR)
def test_company_event_is_not_the_chip_year(env, q):  # noqa: F811
    from api.ask import answer
    store, _, _ = env
    got = answer(q, store)
    assert got.get("form") != "chip_year", (q, got.get("form"), got.get("value"))
