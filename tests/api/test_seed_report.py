"""The report the project was made from, bundled in corpus/ja/ as the document itself: ingested by the same
pipeline as `make run`'s build, its facts answer questions with the report's own sentences as evidence.

Runs on a clone of the project alone: the document is part of corpus/ (see corpus/ORIGIN)."""
from __future__ import annotations

from pathlib import Path

import pytest

from api.ask import answer
from kg.store import open_store

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "corpus" / "ja" / "000_196d712830577bd6.txt"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    from ingest.run import ingest_paths
    st = open_store(str(tmp_path_factory.mktemp("seed") / "store"))
    res = ingest_paths([str(SEED)], st)
    assert res["documents"] == 1 and not res["errors"], res
    yield st
    st.close()


def test_seed_report_is_in_the_corpus_that_make_run_builds():
    from ingest.run import collect_paths
    files, errs = collect_paths([str(ROOT / "corpus")])
    assert str(SEED) in files and not errs
    assert not any(Path(f).name == "ORIGIN" for f in files)  # the note on where it comes from is not a document


@pytest.mark.parametrize("q", ["Which computing cluster is built from the MTT S4000?", "MTT S4000で構築されたクラスターは？",
                               "哪个集群使用MTT S4000？"])
def test_seed_cluster_built_from_the_mtt_s4000(seed_store, q):
    text = SEED.read_text(encoding="utf-8")
    res = answer(q, seed_store)
    assert res["understood"] and res["form"] == "clusters_of_chip", res
    assert [a["label"] for a in res["answers"]] == ["KUAE"], res
    sentences = [e["sentence"] for e in res["evidence"]]
    assert sentences and all(s in text for s in sentences), sentences  # the report's own sentence
    assert any("kuae" in s and "mtt s4000" in s for s in sentences), sentences


@pytest.mark.parametrize("q,value,unit", [("What was the global AI chip market size in 2024?", 71252000000, "USD"),
                                          ("2023年の中国のAIチップ市場規模は？", 120600000000, "CNY")])
def test_seed_market_figures(seed_store, q, value, unit):
    res = answer(q, seed_store)
    assert res["value"] == value and res["details"]["unit"] == unit, res
    assert all(e["sentence"] in SEED.read_text(encoding="utf-8") for e in res["evidence"]), res["evidence"]
