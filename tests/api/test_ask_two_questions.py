"""Robustness of composed questions (issue 13): two questions typed in one input are declined with a request to ask
one at a time unless the later part only restates or builds on the first; "the same architecture as X" shares X's
architecture class, not its microarchitecture, as the ontology tells them apart. Questions written for these tests
(entities and wording of our own); gold by SPARQL over ../shared/eval/reference-graph.trig."""
from __future__ import annotations

import pytest

from tests.api.test_ask_phenomena import check, env  # noqa: F401  (env: the shared module fixture)

pytestmark = pytest.mark.shared

# two questions that ask different things: one answer would pass for both
TWO = [
    ("en", "Who designed the Kunlun 2? And who manufactures it?"),
    ("en", "Which company designed the Gaudi 3, and which foundry makes it?"),
    ("ja", "Trainium2を設計したのはどこ？製造しているのはどこですか？"),
    ("ja", "昇腾910はどの会社が開発しましたか。また、どのファウンドリで作られていますか。"),
    ("zh", "思元290是谁设计的？谁代工的？"),
    ("zh", "Wormhole是哪家公司设计的，又是哪家代工厂制造的？"),
]
MESSAGE = {"en": "one question at a time", "ja": "一つずつ", "zh": "一次只问一个"}


@pytest.mark.parametrize("lang,q", TWO)
def test_two_questions_declined(env, lang, q):  # noqa: F811
    from api.ask import answer
    store, _, _ = env
    got = answer(q, store)
    assert got["understood"] is False and not got["answers"], (q, got.get("answers"))
    assert MESSAGE[lang] in got["message"], got["message"]


CASES: list[tuple[str, str, str | None]] = [
    # the later part restates or narrows the first: still answered
    ("follow-up", "Has Kunlunxin designed any chips? Which ones?", "?x aic:designedBy aid:kunlunxin ; a aic:Chip ."),
    ("follow-up", "燧原科技有没有训练芯片？有的话是哪几款", "?x aic:designedBy aid:enflame ; a aic:TrainingChip ."),
    ("follow-up", "HBM3を搭載したチップは？そのうち2023年に発表されたものは？",
     '?x aic:memoryType "HBM3" ; aic:announcedIn ?y . FILTER(SUBSTR(STR(?y), 1, 4) = "2023")'),
    # a chain through the first part's answer: one question
    ("chain", "采用Tensix架构的芯片是谁设计的？这家公司依赖哪些代工厂",
     "?c aic:usesArchitecture aid:tenstorrent-tensix ; aic:designedBy ?v . ?v a aic:ChipVendor . "
     "{ ?v aic:reliesOn ?x } UNION { ?c2 aic:designedBy ?v ; aic:fabricatedBy ?x } UNION "
     "{ ?c2 aic:designedBy ?v ; aic:manufacturedOn ?p . ?p aic:offeredBy ?x } ?x a aic:Foundry ."),
    ("chain", "CDNA 3アーキテクチャのチップを設計したのはどこ？その会社が依存しているファウンドリは？",
     "?c aic:usesArchitecture aid:amd-cdna-3 ; aic:designedBy ?v . "
     "{ ?v aic:reliesOn ?x } UNION { ?c2 aic:designedBy ?v ; aic:fabricatedBy ?x } UNION "
     "{ ?c2 aic:designedBy ?v ; aic:manufacturedOn ?p . ?p aic:offeredBy ?x } ?x a aic:Foundry ."),
    # "the same architecture as X": X's architecture class (GPGPU, NPU), not its microarchitecture
    ("same-arch", "Ascend 910と同じアーキテクチャのチップは？",
     "aid:huawei-ascend-910 aic:usesArchitecture aid:arch-npu . ?x aic:usesArchitecture aid:arch-npu ; a aic:Chip ."),
    ("same-arch", "与MTT S80架构相同的其他芯片有哪些？",
     "?x aic:usesArchitecture aid:arch-gpgpu ; a aic:Chip . FILTER(?x != aid:moore-threads-mtt-s80)"),
    ("same-arch", "Which other chips share the Trainium's architecture?",
     "?x aic:usesArchitecture aid:arch-asic ; a aic:Chip . FILTER(?x != aid:aws-trainium)"),
    # "microarchitecture" still asks for the named design generation
    ("same-micro", "和MTT S80采用相同微架构的其他芯片有哪些？",
     "?x aic:usesArchitecture aid:moore-threads-musa ; a aic:Chip . FILTER(?x != aid:moore-threads-mtt-s80)"),
]


@pytest.mark.parametrize("phenomenon,q,body", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_composed_robustness(env, phenomenon, q, body):  # noqa: F811
    check(env, phenomenon, q, body)
