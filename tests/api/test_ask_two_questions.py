"""Robustness of composed questions (issue 13): two questions typed in one input are declined with a request to ask
one at a time unless the later part only restates or builds on the first; "the same architecture as X" shares X's
architecture class, not its microarchitecture, as the ontology tells them apart. Questions written for these tests
(entities and wording of our own); gold by SPARQL over ../shared/eval/reference-graph.trig."""
from __future__ import annotations

import pytest

from tests.api.test_ask_phenomena import check, env  # noqa: F401  (env: the shared module fixture)

pytestmark = pytest.mark.shared


def country(code: str) -> str:
    """?x among the organisations ontology/vocab/organizations.tsv places in `code` (the graph states no country)."""
    import csv
    from pathlib import Path
    path = Path(__file__).resolve().parents[2] / "ontology" / "vocab" / "organizations.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        ids = [r["id"] for r in csv.DictReader(fh, delimiter="\t") if r.get("country") == code]
    return "VALUES ?x { " + " ".join(f"aid:{i}" for i in ids) + " } "

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


CASES += [
    # zh written negation 并非 reads as 不是
    ("bingfei", "并非谷歌设计的推理芯片有哪些？",
     "?x a aic:InferenceChip . FILTER NOT EXISTS { ?x aic:designedBy aid:google }"),
    ("bingfei", "哪些训练芯片并非由台积电代工？",
     "?x a aic:TrainingChip . FILTER NOT EXISTS { { ?x aic:fabricatedBy aid:tsmc } UNION "
     "{ ?x aic:manufacturedOn ?p . ?p aic:offeredBy aid:tsmc } }"),
    # ja "Xのチップで<attribute>のもの": the chips of X that have it
    ("ja-de-mono", "エヌビディアのチップでHopperアーキテクチャのものは何個？",
     "SELECT (COUNT(DISTINCT ?x) AS ?v) WHERE { ?x aic:designedBy aid:nvidia ; aic:usesArchitecture aid:nvidia-hopper }"),
    ("ja-de-mono", "AWSのチップでNeuronCore-v2のものはどれ？",
     "?x aic:designedBy aid:aws ; aic:usesArchitecture aid:aws-neuroncore-v2 ."),
    # a class said with a verb of classing
    ("classed", "グーグルのチップで、推論用に分類されるものはどれ？", "?x aic:designedBy aid:google ; a aic:InferenceChip ."),
    ("classed", "AMD的芯片中，被归类为训练芯片的有哪些？", "?x aic:designedBy aid:amd ; a aic:TrainingChip ."),
    # a known memory type: some memoryType stated
    ("known-memory", "メモリの種類が判明している推論用チップのうち、HBM系ではないものは？",
     "?x a aic:InferenceChip ; aic:memoryType ?m . FILTER NOT EXISTS { ?x aic:memoryType ?h "
     "FILTER(STRSTARTS(LCASE(STR(?h)), 'hbm')) }"),
    ("known-memory", "已知显存类型的推理芯片中，哪些没有用HBM？",
     "?x a aic:InferenceChip ; aic:memoryType ?m . FILTER NOT EXISTS { ?x aic:memoryType ?h "
     "FILTER(STRSTARTS(LCASE(STR(?h)), 'hbm')) }"),
    # a headquarters said with its country is the country (the vocabulary's aic:country)
    ("hq-country", "中国に本社を置くファウンドリは？", country("CN") + "?x a aic:Foundry ."),
    ("hq-country", "总部位于美国的芯片厂商中，哪些依赖三星？",
     '?x a aic:ChipVendor . { ?x aic:reliesOn aid:samsung } UNION '
     '{ ?c aic:designedBy ?x ; aic:fabricatedBy aid:samsung } UNION '
     '{ ?c aic:designedBy ?x ; aic:manufacturedOn ?p . ?p aic:offeredBy aid:samsung } ' + country("US")),
    # "参与X融资": invested in X (its rounds, dated by a year said with it)
    ("partake", "2020年参与壁仞科技融资的投资方有哪些？",
     "?r aic:fundedCompany aid:biren-technology ; aic:date ?d . FILTER(STRSTARTS(STR(?d), '2020')) "
     "{ ?r aic:investor ?x } UNION { ?r aic:leadInvestor ?x }"),
    # no organisation of that country known at all: declined, not "none"
    ("no-region", "韩国的芯片厂商中，哪些依赖中芯国际？", None),
    ("no-region", "日本のファウンドリでエヌビディアのチップを製造しているのは？", None),
]


@pytest.mark.parametrize("phenomenon,q,body", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_composed_robustness(env, phenomenon, q, body):  # noqa: F811
    check(env, phenomenon, q, body)
