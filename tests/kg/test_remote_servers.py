"""The whole document life cycle on real SPARQL servers (`oxigraph serve`, Virtuoso), against an embedded store
doing the same: ingest, query (the flagship and questions through `kg ask --store URL`), validate, remove,
re-ingest. Each step must leave the server holding exactly what the embedded store holds."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_kg
from tests.kg.test_store import FLAGSHIP, oxigraph_url  # noqa: F401  (fixtures)
from tests.servers import virtuoso_server, virtuoso_url  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.remote, pytest.mark.slow]

AIC = "https://w3id.org/aichip/ontology#"
FACTS = f'SELECT ?p (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?p), "{AIC}")) }} GROUP BY ?p'
GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
DESIGNED = (f"SELECT DISTINCT ?label WHERE {{ ?c <{AIC}designedBy> ?v ; <http://www.w3.org/2000/01/rdf-schema#label> ?label "
            'FILTER(LANG(?label) = "en") } ORDER BY ?label LIMIT 2')
ASK = ["Who designed the {chip}?", "{chip}を設計したのはどの会社ですか？", "{chip}是哪家公司设计的？"]


@pytest.fixture(params=["oxigraph", "virtuoso"])
def server(request):
    return request.getfixturevalue("oxigraph_url" if request.param == "oxigraph" else "virtuoso_url")


def sample(target: Path) -> Path:
    target.mkdir()
    for lang in ("en", "ja", "zh"):
        for f in sorted((ROOT / "corpus" / lang).glob("*.*"))[:2]:
            shutil.copy(f, target / f.name)
    return target


def rows(store: str, sparql: str) -> dict:
    res = run_kg("query", sparql, "--store", store, "--format", "json")
    assert res.returncode == 0, res.stderr
    out = {}
    for b in json.loads(res.stdout)["results"]["bindings"]:
        key = tuple(b[v]["value"] for v in sorted(b) if v != "n")
        out[key] = int(b["n"]["value"]) if "n" in b else out.get(key, 0) + 1
    return out


def ingested(res) -> tuple[int, int]:
    assert res.returncode == 0, res.stderr
    m = re.search(r"(\d+) document\(s\) ingested, (\d+) unchanged", res.stderr)
    assert m, res.stderr
    return int(m[1]), int(m[2])


def ingest(docs: Path, store: str) -> tuple[int, int]:
    """In-process (the pipelines load once for the module), as `kg ingest` does."""
    from ingest.run import ingest_paths
    from kg.store import open_store
    with open_store(store) as st:
        res = ingest_paths([str(docs)], st)
    assert not res["errors"], res["errors"]
    return res["documents"], res["unchanged"]


def same_store(server: str, local: str) -> None:
    facts = rows(server, FACTS)
    assert facts and facts == rows(local, FACTS)
    assert rows(server, GRAPHS) == rows(local, GRAPHS)  # every named graph, quad for quad


def test_ingest_query_remove_reingest(server, tmp_path):
    docs = sample(tmp_path / "docs")
    local = str(tmp_path / "local")
    assert ingest(docs, local) == (6, 0)
    assert ingested(run_kg("ingest", str(docs), "--store", server)) == (6, 0)
    same_store(server, local)
    assert rows(server, FLAGSHIP) == rows(local, FLAGSHIP)
    val = run_kg("validate", "--store", server)
    assert val.returncode == 0, val.stdout + val.stderr

    chips = [k[0] for k in rows(local, DESIGNED)]
    assert chips, "the sample states no designer"
    for form in ASK:
        q = form.format(chip=chips[0])
        here, there = (json.loads(run_kg("ask", q, "--store", s, "--json").stdout) for s in (local, server))
        assert here["answers"], q
        assert there["answers"] == here["answers"], q
        assert sorted(e["sentence"] for e in there["evidence"]) == sorted(e["sentence"] for e in here["evidence"])

    gone = sorted(docs.iterdir())[0]
    for store in (local, server):
        res = run_kg("remove", str(gone), "--store", store)
        assert res.returncode == 0 and "removed 1" in res.stderr, res.stderr
    same_store(server, local)

    assert ingest(docs, server) == (1, 5)
    assert ingest(docs, local) == (1, 5)
    same_store(server, local)
    assert ingested(run_kg("ingest", str(docs), "--store", server)) == (0, 6)
