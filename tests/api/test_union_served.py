"""Through `kg serve`: the default graph is a set, `kg stats` over HTTP counts as locally, and read commands
on a store the server holds go through the server (issue 16)."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

ROOT = Path(__file__).resolve().parents[2]
AIC = "https://w3id.org/aichip/ontology#"
AID = "https://w3id.org/aichip/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def _kg(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    return subprocess.run([sys.executable, "-m", "aichip_kg", *args], cwd=ROOT, capture_output=True, text=True,
                          env=env, timeout=120)


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _t(s: str, p: str, o: str) -> ox.Triple:
    return ox.Triple(ox.NamedNode(AID + s), ox.NamedNode(p), ox.NamedNode(o))


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """A store where 5 documents state the same chip facts, served by `kg serve`."""
    path = tmp_path_factory.mktemp("union") / "store"
    from kg.store import open_store
    with open_store(str(path)) as st:
        for i in range(5):
            st.replace_graph(f"https://w3id.org/aichip/doc/d{i}", [
                _t("h100", RDF_TYPE, AIC + "Chip"), _t("h100", AIC + "designedBy", AID + "nvidia"),
                _t("b200", RDF_TYPE, AIC + "Chip"), _t(f"x{i}", RDF_TYPE, AIC + "Chip")])
    port = _port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    proc = subprocess.Popen([sys.executable, "-m", "aichip_kg", "serve", "--store", str(path), "--host", "127.0.0.1",
                             "--port", str(port)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(url + "/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    else:
        proc.kill()
        raise RuntimeError("kg serve did not start")
    yield str(path), url
    proc.terminate()
    proc.wait(15)


def _select(url: str, q: str) -> list[dict]:
    r = httpx.get(url + "/sparql", params={"query": q}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    return r.json()["results"]["bindings"]


def test_count_equals_count_distinct_through_the_server(served):
    _, url = served
    row = _select(url, f"SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?s) AS ?d) WHERE {{ ?s a <{AIC}Chip> }}")[0]
    assert row["n"]["value"] == row["d"]["value"] == "7"
    row = _select(url, f"SELECT (COUNT(*) AS ?n) WHERE {{ <{AID}h100> ?p ?o }}")[0]
    assert row["n"]["value"] == "2"
    # LIMIT gives as many distinct rows as asked
    rows = _select(url, f"SELECT ?s WHERE {{ ?s a <{AIC}Chip> }} LIMIT 5")
    assert len({r["s"]["value"] for r in rows}) == 5


def test_stats_over_http_count_as_locally(served, tmp_path):
    path, url = served
    remote = _kg("stats", "--json", "--store", url + "/sparql")
    assert remote.returncode == 0, remote.stderr
    # the store is held by the server: the local read goes through it, and says so
    local = _kg("stats", "--json", "--store", path)
    assert local.returncode == 0, local.stderr
    assert "reading it through" in local.stderr
    r, l_ = json.loads(remote.stdout), json.loads(local.stdout)
    assert r["triples"] == l_["triples"] and r["quads"] == l_["quads"]
    assert r["classes"][AIC + "Chip"] == l_["classes"][AIC + "Chip"] == 7
    docs = [g for g in r["graphs"] if "/doc/" in g]
    assert len(docs) == 5 and all(r["graphs"][g] == 4 for g in docs)
    # the server's ontology graph counts once in triples; the 5 documents' 20 quads add 8 distinct triples
    assert r["quads"] - r["triples"] == 20 - 8
