"""kg.store over the embedded Oxigraph store and a remote `oxigraph serve`, driven through the CLI."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.servers import OXIGRAPH, free_port, start_oxigraph, virtuoso_server, virtuoso_url  # noqa: F401  (fixtures)

ROOT = Path(__file__).resolve().parents[2]

CONTRACT_TTL = """@prefix aic: <https://w3id.org/aichip/ontology#> .
@prefix aid: <https://w3id.org/aichip/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
aid:tsmc a aic:Foundry ; rdfs:label "TSMC"@en , "台积电"@zh .
aid:samsung a aic:Foundry , aic:ChipVendor ; rdfs:label "Samsung"@en .
aid:tsmc-n4 a aic:ProcessNode ; aic:offeredBy aid:tsmc ; aic:nodeNanometers 4 ; rdfs:label "TSMC N4"@en .
aid:tsmc-n7 a aic:ProcessNode ; aic:offeredBy aid:tsmc ; aic:nodeNanometers 7 ; rdfs:label "TSMC N7"@en .
aid:samsung-4lpe a aic:ProcessNode ; aic:offeredBy aid:samsung ; aic:nodeNanometers 4 ; rdfs:label "Samsung 4LPE"@en .
aid:nvidia a aic:ChipVendor ; rdfs:label "NVIDIA"@en .
aid:amd a aic:ChipVendor ; rdfs:label "AMD"@en .
aid:biren a aic:ChipVendor ; rdfs:label "Biren Technology"@en .
aid:groq a aic:ChipVendor ; rdfs:label "Groq"@en .
aid:h100 a aic:TrainingChip ; aic:designedBy aid:nvidia ; aic:manufacturedOn aid:tsmc-n4 ; rdfs:label "H100"@en .
aid:mi300x a aic:TrainingChip ; aic:designedBy aid:amd ; aic:manufacturedOn aid:tsmc-n7 ; rdfs:label "MI300X"@en .
aid:br100 a aic:TrainingChip ; aic:designedBy aid:biren ; aic:manufacturedOn aid:tsmc-n7 ; rdfs:label "BR100"@en .
aid:groq-lpu2 a aic:InferenceChip ; aic:designedBy aid:groq ; aic:manufacturedOn aid:samsung-4lpe ; rdfs:label "LPU v2"@en .
aid:amd aic:reliesOn aid:tsmc-n4 .
"""
FLAGSHIP = (Path(__file__).resolve().parents[1] / "fixtures" / "flagship.rq").read_text(encoding="utf-8")


def kg(*args: str, input: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    return subprocess.run([sys.executable, "-m", "aichip_kg", *args], cwd=ROOT, capture_output=True, text=True,
                          env=env, input=input, timeout=120)


@pytest.fixture()
def oxigraph_url(tmp_path):
    if not Path(OXIGRAPH).exists():
        pytest.skip("the oxigraph server binary is not installed")
    proc, url = start_oxigraph(tmp_path / "oxigraph-data")
    yield url
    proc.terminate()
    proc.wait(10)


@pytest.fixture(params=["embedded", pytest.param("remote", marks=pytest.mark.remote),
                        pytest.param("virtuoso", marks=pytest.mark.remote)])
def store_spec(request, tmp_path):
    if request.param == "embedded":
        return str(tmp_path / "kg-store")
    if request.param == "virtuoso":
        return request.getfixturevalue("virtuoso_url")
    return request.getfixturevalue("oxigraph_url")


@pytest.fixture()
def contract_file(tmp_path) -> Path:
    path = tmp_path / "contract.ttl"
    path.write_text(CONTRACT_TTL, encoding="utf-8")
    return path


def query_json(spec: str, sparql: str) -> list[dict]:
    res = kg("query", sparql, "--store", spec, "--format", "json")
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout)["results"]["bindings"]


def test_store_load_and_flagship_query(store_spec, contract_file):
    res = kg("load", str(contract_file), "--store", store_spec)
    assert res.returncode == 0, res.stderr
    rows = query_json(store_spec, FLAGSHIP)
    assert {r["name"]["value"] for r in rows} == {"NVIDIA", "AMD"}


def test_store_flagship_query_library(store_spec, contract_file):
    from kg.store import open_store
    with open_store(store_spec) as st:
        assert st.load(contract_file) == 43
        names = {r["name"] for r in st.select(FLAGSHIP)}
        assert names == {"NVIDIA", "AMD"}
        res = st.query("SELECT ?p ?n WHERE { ?p <https://w3id.org/aichip/ontology#nodeNanometers> ?n } ORDER BY ?n",
                       substitutions={"p": "https://w3id.org/aichip/id/tsmc-n7"})
        assert [r["n"] for r in res.records()] == [7]


def test_store_export_nquads_roundtrip(store_spec, contract_file, tmp_path):
    assert kg("load", str(contract_file), "--store", store_spec).returncode == 0
    exported = kg("export", "--format", "nq", "--store", store_spec)
    assert exported.returncode == 0, exported.stderr
    dump = tmp_path / "dump.nq"
    dump.write_text(exported.stdout, encoding="utf-8")
    lines = [ln for ln in exported.stdout.splitlines() if ln.strip()]
    other = str(tmp_path / "roundtrip-store")
    loaded = kg("load", str(dump), "--store", other)
    assert loaded.returncode == 0, loaded.stderr
    again = kg("export", "--format", "nq", "--store", other)
    assert sorted(ln for ln in again.stdout.splitlines() if ln.strip()) == sorted(lines)
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert query_json(other, count)[0]["n"]["value"] == query_json(store_spec, count)[0]["n"]["value"] == str(len(lines))


def test_store_refuses_service_and_load(store_spec):
    from kg import errors
    from kg.store import open_store
    with open_store(store_spec) as st:
        with pytest.raises(errors.Forbidden):
            st.query("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
        with pytest.raises(errors.Forbidden):
            st.update("LOAD <http://127.0.0.1:9/x.ttl>")


def test_store_bad_query_message(store_spec):
    assert kg("init", "--store", store_spec).returncode == 0  # read commands refuse a store that does not exist
    res = kg("query", "SELECT * WHERE { ?s ?p", "--store", store_spec)
    assert res.returncode != 0
    assert "malformed SPARQL" in res.stderr and "Traceback" not in res.stderr


def test_optimize_keeps_data(tmp_path):
    """Compaction after many small flushed writes loses nothing (its speed effect is measured in bench/)."""
    from kg.store import open_store
    path = tmp_path / "st"
    with open_store(str(path)) as st:
        for i in range(12):
            st.update(f"INSERT DATA {{ GRAPH <urn:g:{i}> {{ <urn:s:{i}> <urn:p> {i} }} }}")
            st.backend.ox.flush()
        st.optimize()
        assert len(st.backend) == 12
        assert st.select("SELECT (SUM(?o) AS ?n) WHERE { ?s <urn:p> ?o }")[0]["n"] == 66
    with open_store(str(path), read_only=True) as again:
        assert len(again.backend) == 12
    with open_store(":memory:") as mem:
        mem.optimize()  # nothing to compact, no error


def test_checkpoint_is_a_frozen_copy(tmp_path):
    from kg.store import open_store
    with open_store(str(tmp_path / "live")) as st:
        st.update("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:p> 1 } }")
        st.checkpoint(str(tmp_path / "copy"))
        st.update("INSERT DATA { GRAPH <urn:g> { <urn:b> <urn:p> 2 } }")
        with open_store(str(tmp_path / "copy"), read_only=True) as copy:
            assert len(copy.backend) == 1 and len(st.backend) == 2
