"""api.ask: questions in en/ja/zh over the project's fixture graphs (seed-like, industry, small Turtle graphs) and,
where ../shared is beside the project, over the contract's reference graph, scored with kgeval's judge."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from api.ask import answer, detect_language
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT / ".." / "shared"
FIXTURES = ROOT / "tests" / "fixtures" / "questions"


def _kgeval():
    path = SHARED / "tools" / "kgeval.py"
    if not path.exists():
        pytest.skip("../shared/tools/kgeval.py not present")
    spec = importlib.util.spec_from_file_location("kgeval", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def ref_store(reference_graph):
    """The contract's reference graph: the tests that ask for it are the ../shared layer (tests/conftest.py)."""
    st = open_store(":memory:")
    st.load(reference_graph)
    return st


@pytest.fixture(scope="module")
def seed_store():
    st = open_store(":memory:")
    st.load(FIXTURES / "seed-like.trig")
    return st


def _score(store, path: Path) -> tuple[dict, list]:
    judge = _kgeval().judge
    per, fails = {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        ok, why = judge(item, answer(item["q"], store))
        right, total = per.get(item["lang"], (0, 0))
        per[item["lang"]] = (right + ok, total + 1)
        if not ok:
            fails.append(f"{item['id']} {item['q']}: {why}")
    return per, fails


def test_ask_reference_questions_95_percent_per_language(ref_store):
    path = SHARED / "eval" / "reference-questions.jsonl"
    if not path.exists():
        pytest.skip("reference questions not present")
    per, fails = _score(ref_store, path)
    assert all(r / t >= 0.95 for r, t in per.values()), (per, fails)


def test_ask_own_paraphrases_95_percent_per_language(ref_store):
    per, fails = _score(ref_store, FIXTURES / "reference-paraphrases.jsonl")
    assert set(per) == {"en", "ja", "zh"} and all(t >= 20 for _, t in per.values())
    assert all(r / t >= 0.95 for r, t in per.values()), (per, fails)


def test_ask_heldout_questions_floor(ref_store):
    """90 questions written by someone who had not seen the answerer (first run: en 18, ja 28, zh 20 of 30);
    the floor keeps what general fixes since then gained."""
    per, fails = _score(ref_store, FIXTURES / "heldout-reference.jsonl")
    assert set(per) == {"en", "ja", "zh"} and all(t == 30 for _, t in per.values())
    assert all(r / t >= 0.8 for r, t in per.values()) and sum(r for r, _ in per.values()) >= 78, (per, fails)


@pytest.mark.parametrize("q,lang", [("Who designed the 思元590?", "en"), ("摩尔线程のGPUは？", "ja"),
                                    ("Blackhole是谁设计的？", "zh")])
def test_ask_language_from_the_questions_own_words(industry_store, q, lang):
    assert answer(q, industry_store)["language"] == lang


def test_ask_traditional_chinese_question(industry_store):
    got = answer("輝達的H200採用什麼製程？", industry_store)
    assert got["understood"] and got["answers"], got


@pytest.mark.shared
def test_ask_seed_questions_all_right_on_seed_fixture(seed_store):
    path = SHARED / "eval" / "seed-questions.jsonl"
    if not path.exists():
        pytest.skip("seed questions not present")
    per, fails = _score(seed_store, path)
    assert not fails, fails


@pytest.mark.parametrize("text,lang", [("Which vendors rely on TSMC 4nm?", "en"), ("TSMCの4nmに依存しているベンダーは？", "ja"),
                                       ("哪些厂商依赖台积电4纳米？", "zh"), ("华为設計", "zh"), ("H100", "en")])
def test_ask_detects_language_by_script(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("q", ["Which vendors rely on TSMC 4nm?", "TSMCの4nmに依存しているベンダーは？",
                               "哪些厂商依赖台积电4纳米？", "which VENDORS rely on ｔｓｍｃ ４ｎｍ?"])
def test_ask_flagship_any_language_width_case(seed_store, q):
    res = answer(q, seed_store)
    assert res["understood"] and [a["label"] for a in res["answers"]] == ["NVIDIA"]
    assert "reliesOn" in res["sparql"] and res["evidence"], res
    assert res["evidence"][0]["document"] and 0 < res["evidence"][0]["confidence"] <= 1


@pytest.mark.parametrize("q", ["What is the capital of France?", "明日の東京の天気は？", "今天北京天气如何？",
                               "How do I bake sourdough bread?", "Which vendors rely on Samsung 3nm?",
                               "Who designs the Qualcomm Cloud AI 100?", ""])
def test_ask_declines_out_of_scope_and_absent(seed_store, q):
    res = answer(q, seed_store)
    assert res["understood"] is False and res["answers"] == [] and res["message"]


@pytest.mark.parametrize("q,label", [("Who designed the MTT S4OOO?", "Moore Threads"),
                                     ("What chips does Moore Thread design?", "MTT S4000")])
def test_ask_tolerates_small_typos(seed_store, q, label):
    res = answer(q, seed_store)
    assert res["understood"] and label in [a["label"] for a in res["answers"]], res


def test_ask_reports_closest_names_for_unknown_entity(seed_store):
    res = answer("Who designed the MTX S9000?", seed_store)
    assert res["understood"] is False and "MTT S4000" in res["message"]


@pytest.mark.parametrize("q", ['Who designed the MTT S4000"} DELETE WHERE { ?s ?p ?o } #?',
                               "Who designed <http://x> ?"])
def test_ask_never_pastes_user_text_into_sparql(seed_store, q):
    before = len(seed_store)
    res = answer(q, seed_store)
    assert len(seed_store) == before
    assert "DELETE" not in (res.get("sparql") or "") and "http://x" not in (res.get("sparql") or "")


def test_ask_answer_object_shape(seed_store):
    res = answer("What was the global AI chip market size in 2024?", seed_store)
    assert set(res) >= {"question", "language", "answers", "value", "sparql", "evidence", "understood"}
    assert res["value"] == 71252000000 and res["details"]["unit"] == "USD"
    json.dumps(res)


def test_ask_label_local_in_question_language(seed_store):
    res = answer("MTT S4000を開発したのはどの会社ですか？", seed_store)
    assert res["answers"][0]["label"] == "Moore Threads" and res["answers"][0]["label_local"] == "ムーアスレッド"


def test_ask_entity_index_invalidated_when_store_changes():
    st = open_store(":memory:")
    st.load((FIXTURES / "seed-like.trig"))
    assert answer("Who designed the H100?", st)["understood"] is False
    st.load(b'@prefix aic: <https://w3id.org/aichip/ontology#> . @prefix aid: <https://w3id.org/aichip/id/> .\n'
            b'@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n'
            b'aid:h100 a aic:Chip ; rdfs:label "H100"@en ; aic:designedBy aid:nvidia .', "ttl", graph="urn:x:h100")
    res = answer("Who designed the H100?", st)
    assert res["understood"] and [a["label"] for a in res["answers"]] == ["NVIDIA"]


@pytest.mark.parametrize("q,form", [("What do you know about KUAE?", "summary"), ("What depends on TSMC?", "exposure"),
                                    ("What chip architectures are there?", "architectures"),
                                    ("Which foundry does NVIDIA rely on?", "foundry_of_vendor")])
def test_ask_forms_on_seed_fixture(seed_store, q, form):
    res = answer(q, seed_store)
    assert res["understood"] and res["form"] == form and (res["answers"] or res["value"] is not None), res


@pytest.mark.parametrize("q,value", [("What is the largest round of Biren Technology?", None),
                                     ("What is the most advanced process node of TSMC?", 3)])
def test_ask_superlatives(industry_store, q, value):
    res = answer(q, industry_store)
    assert res["understood"], res
    if value is not None:
        assert res["value"] == value
    else:
        assert res["value"] == max(r["amount"] for r in res["details"]["rounds"] if r["amount"] is not None) or \
            len(res["details"]["rounds"]) == 1


def test_ask_template_prefixes_match_kg_namespace():
    from api.ask.forms import template
    from kg.namespace import PREFIXES
    text = template("designer")
    assert all(f"PREFIX {p}: <{iri}>" in text for p, iri in PREFIXES.items())


@pytest.fixture(scope="module")
def seed_with_ontology():
    from kg.bootstrap import ensure_ontology
    st = open_store(":memory:")
    st.load(FIXTURES / "seed-like.trig")
    ensure_ontology(st)
    return st


@pytest.mark.parametrize("q,form", [("Who invested in Moore Threads?", "investors_of"),
                                    ("Which process node does NVIDIA rely on?", "process_of_vendor"),
                                    ("What was the global AI chip market size in 2024?", "market_size"),
                                    ("英伟达依赖哪家代工厂？", "foundry_of_vendor")])
def test_ask_ontology_terms_are_not_entities(seed_with_ontology, q, form):
    res = answer(q, seed_with_ontology)
    assert res["understood"] and res["form"] == form, res


@pytest.mark.parametrize("q", ["What is the KUAE cluster built from?", "夸娥集群使用什么芯片？"])
def test_ask_alias_ending_in_class_word_leaves_the_word(seed_with_ontology, q):
    res = answer(q, seed_with_ontology)
    # (the compositional reading, which knows the cluster word as a type since composed-dev8, reads it the same way)
    assert res["form"] in ("cluster_components", "composed") and [a["label"] for a in res["answers"]] == ["MTT S4000"], res


def test_ask_organisation_qualifying_its_chip_is_not_unused(seed_with_ontology):
    res = answer("Who designed Moore Threads' MTT S4000?", seed_with_ontology)
    assert res["understood"] and res["form"] == "designer", res


@pytest.mark.parametrize("a,b", [("Pre-Series A", "Pre-A"), ("Series B+", "series b+"), ("IPO", "ipo")])
def test_ask_round_names_compared_loosely(a, b):
    from api.ask.forms import round_key
    assert round_key(a) == round_key(b)
    assert round_key("Series B") != round_key("Series B+")


# ---------------------------------------------------------------- specificity, families, exposure (small graph)

SPECIFIC_TTL = b"""
@prefix aic: <https://w3id.org/aichip/ontology#> . @prefix aid: <https://w3id.org/aichip/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
aid:acme a aic:ChipVendor ; rdfs:label "Acme"@en .
aid:fab a aic:Foundry ; rdfs:label "Fabco"@en .
aid:fab-n5 a aic:ProcessNode ; rdfs:label "Fabco N5"@en, "Fabco 5nm"@zh ; skos:altLabel "5nm" ;
    aic:nodeNanometers 5 ; aic:offeredBy aid:fab .
aid:fab-5x a aic:ProcessNode ; rdfs:label "Fabco 5X"@en ; skos:altLabel "5nm" ; aic:nodeNanometers 5 ; aic:offeredBy aid:fab .
aid:fab-n5p a aic:ProcessNode ; rdfs:label "Fabco N5+"@en ; aic:nodeNanometers 5 ; aic:offeredBy aid:fab .
aid:fab-7 a aic:ProcessNode ; rdfs:label "Fabco 7nm"@en ; aic:nodeNanometers 7 ; aic:offeredBy aid:fab .
aid:fab-7a a aic:ProcessNode ; rdfs:label "Fabco 7A"@en ; aic:nodeNanometers 7 ; aic:offeredBy aid:fab .
aid:zoom-1 a aic:Chip ; rdfs:label "Zoom 1"@en ; skos:altLabel "Acme Zoom 1" ; aic:designedBy aid:acme ;
    aic:manufacturedOn aid:fab-n5, aid:fab-5x ; aic:fabricatedBy aid:fab .
aid:zoom-2 a aic:Chip ; rdfs:label "Zoom 2"@en ; skos:altLabel "Acme Zoom 2" ; aic:designedBy aid:acme ;
    aic:manufacturedOn aid:fab-n5 ; aic:fabricatedBy aid:fab .
aid:zoom a aic:Chip ; rdfs:label "Acme Zoom"@en ; skos:altLabel "Acme Zoom family" ; aic:designedBy aid:acme .
aid:zoomer a aic:Chip ; rdfs:label "Zoomer"@en ; aic:designedBy aid:acme ; aic:manufacturedOn aid:fab-7a .
aid:arch-npu a aic:Architecture ; rdfs:label "NPU"@en ; skos:altLabel "XPU" .
aid:xpu-1 a aic:Chip ; rdfs:label "XPU 1"@en ; aic:designedBy aid:acme .
aid:xpu-2 a aic:Chip ; rdfs:label "Other XPU 2"@en ; aic:usesArchitecture aid:arch-npu .
aid:box a aic:ComputingCluster ; rdfs:label "ZoomBox"@en ; aic:designedBy aid:acme ; aic:builtFrom aid:zoom-2 .
"""


def _ttl_store(ttl: bytes, infer: bool = True):
    """A small in-memory store of one Turtle fixture, with the contract's inferences when `infer`."""
    from kg.infer import materialize
    st = open_store(":memory:")
    st.load(ttl, "ttl", graph="urn:x:fixture")
    if infer:
        materialize(st)
    return st


@pytest.fixture(scope="module")
def specific_store():
    return _ttl_store(SPECIFIC_TTL)


def _labels(res):
    return sorted(a["label"] for a in res["answers"])


@pytest.mark.parametrize("q,want", [
    # a process named by its size ("Fabco 5nm" = N5) beside a named process of the same foundry and size
    ("What process is the Zoom 1 made on?", ["Fabco 5X"]),
    ("Zoom 1はどのプロセスで製造されていますか？", ["Fabco 5X"]),
    # alone, it is the answer
    ("What process is the Zoom 2 made on?", ["Fabco N5"]),
    # per chip: Zoom 2's only process stays even though Zoom 1 has a more specific one
    ("Which processes does Acme rely on?", ["Fabco 5X", "Fabco 7A", "Fabco N5"]),
])
def test_ask_processes_at_most_specific_level(specific_store, q, want):
    res = answer(q, specific_store)
    assert res["understood"] and _labels(res) == want, res


def test_ask_foundry_catalogue_drops_only_size_only_nodes(specific_store):
    res = answer("What process nodes does Fabco offer?", specific_store)
    # "Fabco 7nm" is known by nothing but its size and Fabco 7A is the same size; N5 has a name of its own
    assert _labels(res) == ["Fabco 5X", "Fabco 7A", "Fabco N5", "Fabco N5+"], res


@pytest.mark.parametrize("q,want", [
    ("Which chips does Acme design?", ["Acme Zoom", "XPU 1", "Zoom 1", "Zoom 2", "Zoomer"]),
    ("How many chips has Acme designed?", 5), ("Acme设计了多少款芯片？", 5)])
def test_ask_answers_what_the_graph_says_a_family_included(specific_store, q, want):
    # a product family typed aic:Chip and designed by Acme is one of Acme's chips, as the contract's reference
    # graph has it ("Google TPU family" beside TPU v4 …); the answer reports the graph, it does not second-guess it
    res = answer(q, specific_store)
    assert res["understood"], res
    assert (res["value"] if isinstance(want, int) else _labels(res)) == want, res


@pytest.mark.parametrize("q", ["What depends on Fabco?", "Fabcoに依存しているものは何ですか？", "什么依赖Fabco？"])
def test_ask_exposure_is_the_analytics_result(specific_store, q):
    from kg import analytics
    res = answer(q, specific_store)
    assert res["understood"] and res["form"] == "exposure", res
    got = {a["iri"] for a in res["answers"]}
    ex = analytics.run("exposure", specific_store, target="https://w3id.org/aichip/id/fab")
    want = {e["iri"] for g in ("chips", "vendors", "clusters") for es in ex[g].values() for e in es}
    assert got == want and {"Acme", "Zoom 1", "Zoom 2", "Zoomer", "ZoomBox"} <= set(_labels(res)), res
    assert res["evidence"] is not None and res["sparql"]


def test_ask_exposure_to_one_node_size_of_a_foundry(specific_store):
    res = answer("What would be affected if Fabco 7nm were cut off?", specific_store)
    assert res["understood"] and res["form"] == "exposure", res
    assert _labels(res) == ["Acme", "Zoomer"], res


def test_ask_exposure_of_a_chip_lists_its_clusters(specific_store):
    res = answer("What depends on the Zoom 2?", specific_store)
    assert res["form"] == "exposure" and _labels(res) == ["ZoomBox"], res


@pytest.mark.parametrize("q,want", [("Which XPU chips does Acme make?", ["XPU 1"]),
                                    ("Acme有哪些XPU芯片？", ["XPU 1"]),
                                    ("Which XPU chips are there?", ["Other XPU 2", "XPU 1"])])
def test_ask_chips_named_after_the_architecture_word(specific_store, q, want):
    res = answer(q, specific_store)
    assert res["form"] == "chips_with_arch" and _labels(res) == want, res


@pytest.mark.parametrize("q", ["Which accelerators ship with HBM3e?", "HBM3eを搭載したチップは？", "哪些芯片用的是HBM3e？"])
def test_ask_chips_with_memory(industry_store, q):
    got = answer(q, industry_store)
    labels = {a["label"] for a in got["answers"]}
    assert got["form"] == "chips_with_memory" and "H200" in labels and "H100" not in labels, got


@pytest.mark.parametrize("q,kind", [("What was the global AI chip market's growth rate in 2024?", "growth"),
                                    ("2024年全球AI芯片市场增长率是多少？", "growth"),
                                    ("Which firm estimated China's AI chip market for 2024?", "source"),
                                    ("2024年の中国AIチップ市場規模の出典はどこの調査会社？", "source")])
def test_ask_market_growth_and_source(industry_store, q, kind):
    got = answer(q, industry_store)
    assert got["form"] == "market_size", got
    if kind == "growth":
        assert got["value"] is not None and 0 < got["value"] < 1, got
    else:
        assert got["answers"] and got["value"] is None, got


ARCH_TTL = b"""
@prefix aic: <https://w3id.org/aichip/ontology#> . @prefix aid: <https://w3id.org/aichip/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
aid:gpuco a aic:ChipVendor ; rdfs:label "Gpuco"@en .
aid:mixco a aic:ChipVendor ; rdfs:label "Mixco"@en .
aid:bare a aic:ChipVendor ; rdfs:label "Bareco"@en .
aid:arch-gpgpu a aic:Architecture ; rdfs:label "GPGPU"@en, "GPU"@en .
aid:arch-asic a aic:Architecture ; rdfs:label "ASIC"@en .
aid:ua a aic:Microarchitecture ; rdfs:label "Ua"@en .
aid:g1 a aic:Chip ; rdfs:label "G1"@en ; aic:designedBy aid:gpuco ; aic:usesArchitecture aid:arch-gpgpu, aid:ua .
aid:g2 a aic:Chip ; rdfs:label "G2"@en ; aic:designedBy aid:gpuco ; aic:usesArchitecture aid:ua .
aid:m1 a aic:Chip ; rdfs:label "M1"@en ; aic:designedBy aid:mixco ; aic:usesArchitecture aid:arch-gpgpu .
aid:m2 a aic:Chip ; rdfs:label "M2"@en ; aic:designedBy aid:mixco .
aid:b1 a aic:Chip ; rdfs:label "B1"@en ; aic:designedBy aid:bare .
"""


@pytest.fixture(scope="module")
def arch_store():
    return _ttl_store(ARCH_TTL, infer=False)


@pytest.mark.parametrize("q,want", [
    # G2 states only the microarchitecture every GPGPU chip of the line shares
    ("Which GPUs does Gpuco make?", ["G1", "G2"]),
    ("Gpucoが出しているGPUを全部教えてください。", ["G1", "G2"]),
    # M2 shares nothing with M1: the graph does not say it is a GPU
    ("Which Mixco chips are GPUs?", ["M1"]),
    ("Which chips are GPUs?", ["G1", "M1"]),
])
def test_ask_vendor_products_by_class_word(arch_store, q, want):
    res = answer(q, arch_store)
    # the compositional reader reads a designer's class word the same way (compile_query.unstated_class)
    assert res["form"] in ("chips_with_arch", "composed") and _labels(res) == want, res


def test_ask_class_of_no_chip_stated_lists_all_and_says_so(arch_store):
    res = answer("Which of Bareco's chips are ASICs?", arch_store)
    assert _labels(res) == ["B1"] and "does not state the architecture" in res["message"], res


YEAR_TTL = b"""
@prefix aic: <https://w3id.org/aichip/ontology#> . @prefix aid: <https://w3id.org/aichip/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
aid:acme a aic:ChipVendor ; rdfs:label "Acme"@en .
aid:bolt a aic:ChipVendor ; rdfs:label "Boltco"@en .
aid:fab a aic:Foundry ; rdfs:label "Fabco"@en .
aid:z1 a aic:Chip ; rdfs:label "Zeta 1"@en ; aic:designedBy aid:acme ; aic:announcedIn "2024"^^xsd:gYear ;
    aic:fabricatedBy aid:fab .
aid:z2 a aic:Chip ; rdfs:label "Zeta 2"@en ; aic:designedBy aid:acme ; aic:announcedIn "2025"^^xsd:gYear .
aid:b1 a aic:Chip ; rdfs:label "Bolt 1"@en ; aic:designedBy aid:bolt ; aic:announcedIn "2024"^^xsd:gYear ;
    aic:fabricatedBy aid:fab .
aid:box a aic:ComputingCluster ; rdfs:label "ZetaBox"@en ; aic:designedBy aid:acme ; aic:builtFrom aid:z2 .
"""


@pytest.fixture(scope="module")
def year_store():
    return _ttl_store(YEAR_TTL)


@pytest.mark.parametrize("q,want", [
    ("Which AI chips were announced in 2024?", ["Bolt 1", "Zeta 1"]),
    ("2024年に発表されたAIチップは？", ["Bolt 1", "Zeta 1"]),
    ("2024年发布了哪些AI芯片？", ["Bolt 1", "Zeta 1"]),
    ("Which Acme chips were launched in 2024?", ["Zeta 1"]),
])
def test_ask_chips_announced_in_a_year(year_store, q, want):
    res = answer(q, year_store)
    assert res["form"] == "chips_announced_in" and _labels(res) == want, res


def test_ask_the_designer_named_with_its_chip_only_qualifies_it(year_store):
    assert answer("In what year did Acme launch Zeta 2?", year_store)["value"] == 2025
    assert _labels(answer("Which chip is the ZetaBox cluster from Acme built from?", year_store)) == ["Zeta 2"]
    # a company the graph does not connect to the chip is not waved through
    res = answer("In what year did Boltco launch Zeta 2?", year_store)
    assert res["value"] is None and "Boltco" in res["message"], res


def test_ask_exposure_of_companies_lists_organisations(year_store):
    assert _labels(answer("What depends on Fabco?", year_store)) == ["Acme", "Bolt 1", "Boltco", "Zeta 1"]
    assert _labels(answer("Which companies are exposed to Fabco?", year_store)) == ["Acme", "Boltco"]
