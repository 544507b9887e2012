"""`kg ingest --scheduler`: extraction on a Dask cluster (scheduler and workers started with `dask`) gives the
same store as a local ingest; a worker killed with SIGKILL mid-run loses nothing and half-writes nothing."""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.kg.test_store import oxigraph_url  # noqa: F401  (fixture)

from tests.conftest import ROOT, run_kg
from tests.kg.test_store import oxigraph_url  # noqa: F401  (fixtures)
from tests.servers import DASK, start_dask, virtuoso_server, virtuoso_url  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not DASK.exists(), reason="distributed is not installed")]

AIC = "https://w3id.org/aichip/ontology#"
PER_PREDICATE = f'SELECT ?p (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?p), "{AIC}")) }} GROUP BY ?p'
PER_GRAPH = "SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH ?p { ?s ?x ?o } } GROUP BY ?p"
DOCS = f"SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE {{ GRAPH ?d {{ ?d a <{AIC}Document> }} }}"
TEMPLATE = ("title: note {i}\n\nVendor{i} Technologies unveiled the X{i}00 accelerator for training. "
            "Moore Threads launched the MTT S{i}000 chip. The MTT S4000 is manufactured by TSMC on its 7nm process.\n")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    c = start_dask(2, tmp_path_factory.mktemp("dask"))
    yield c
    c.stop()


def sample_docs(target: Path, per_lang: int = 2) -> Path:
    """A few corpus documents of each language and one file that is not text."""
    target.mkdir()
    for lang in ("en", "ja", "zh"):
        for f in sorted((ROOT / "corpus" / lang).glob("*.*"))[:per_lang]:
            shutil.copy(f, target / f.name)
    (target / "broken.txt").write_bytes(b"\x00\x01\x02 not text")
    return target


def counts(store: str, sparql: str = PER_PREDICATE) -> dict[str, int]:
    from kg.store import open_store
    with open_store(store) as st:
        return {r.get("p", "n"): int(r["n"]) for r in st.select(sparql)}


def summary(stderr: str) -> tuple[int, int, int]:
    m = re.search(r"(\d+) document\(s\) ingested, (\d+) unchanged, (\d+) skipped", stderr)
    assert m, stderr
    return int(m[1]), int(m[2]), int(m[3])


@pytest.fixture(params=["embedded", pytest.param("oxigraph", marks=pytest.mark.remote),
                        pytest.param("virtuoso", marks=pytest.mark.remote)])
def target(request, tmp_path):
    if request.param == "embedded":
        return str(tmp_path / "cluster-store")
    return request.getfixturevalue("oxigraph_url" if request.param == "oxigraph" else "virtuoso_url")


def test_cluster_ingest_same_facts_as_local(cluster, target, tmp_path):
    """Into an embedded store, `oxigraph serve` and Virtuoso: the facts and graphs of a local ingest."""
    from ingest.run import ingest_paths
    from kg.store import open_store
    docs = sample_docs(tmp_path / "docs")
    local, remote = str(tmp_path / "local"), target
    with open_store(local) as st:
        assert ingest_paths([str(docs)], st)["documents"] == 6
    b = run_kg("ingest", str(docs), "--store", remote, "--scheduler", cluster.address)
    assert summary(b.stderr) == (6, 0, 1), b.stderr
    skipped = [ln for ln in b.stderr.splitlines() if ln.startswith("skipped:")]
    assert len(skipped) == 1 and "broken.txt" in skipped[0]
    per_pred = counts(remote)
    assert per_pred and per_pred == counts(local)
    assert counts(remote, PER_GRAPH) == counts(local, PER_GRAPH)
    src = f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ ?d <http://purl.org/dc/terms/source> ?p }} GROUP BY ?p"
    assert counts(remote, src) == counts(local, src)  # sources recorded as given, not as workers opened them
    again = run_kg("ingest", str(docs), "--store", remote, "--scheduler", cluster.address)
    assert summary(again.stderr) == (0, 6, 1), again.stderr


def test_unreachable_scheduler_is_one_line(tmp_path):
    from tests.servers import free_port
    doc = tmp_path / "a.txt"
    doc.write_text("NVIDIA designed the H100.")
    res = run_kg("ingest", str(doc), "--store", str(tmp_path / "s"), "--scheduler", f"tcp://127.0.0.1:{free_port()}",
                 timeout=120)
    assert res.returncode == 2
    assert res.stderr.strip().startswith("error: cannot reach the Dask scheduler"), res.stderr
    assert "Traceback" not in res.stderr


def test_worker_killed_mid_run_loses_nothing(tmp_path, oxigraph_server):
    """Two workers without a nanny: one is killed once documents are landing; the other finishes its batches."""
    cluster = start_dask(2, tmp_path / "dask")
    try:
        docs = tmp_path / "docs"
        docs.mkdir()
        n = 80
        for i in range(n):
            (docs / f"d{i:03}.txt").write_text(TEMPLATE.format(i=i) + "\n".join(
                f"Paragraph {j}: Biren Technology launched the BR{j}00 GPU, made by TSMC on its 7nm process."
                for j in range(6)))
        env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
        proc = subprocess.Popen([sys.executable, "-m", "aichip_kg", "ingest", str(docs), "--store", oxigraph_server,
                                 "--scheduler", cluster.address], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 240
        while counts(oxigraph_server, DOCS).get("n", 0) < 3:
            assert proc.poll() is None, proc.stderr.read()
            assert time.time() < deadline, "no document landed in time"
            time.sleep(0.2)
        from distributed import Client
        with Client(cluster.address, set_as_default=False) as client:  # kill it while it holds a batch
            victim = next(a for a, w in client.scheduler_info()["workers"].items() if w["name"] == "w0")
            while not client.processing().get(victim):
                assert time.time() < deadline and proc.poll() is None, "w0 got no batch"
                time.sleep(0.05)
            cluster.workers[0].send_signal(signal.SIGKILL)
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        assert summary(err) == (n, 0, 0), err
        assert counts(oxigraph_server, DOCS)["n"] == n
        assert cluster.workers[0].poll() is not None
        val = run_kg("validate", "--store", oxigraph_server)
        assert val.returncode == 0, val.stdout + val.stderr
        before = counts(oxigraph_server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        rerun = run_kg("ingest", str(docs), "--store", oxigraph_server, "--scheduler", cluster.address)
        assert summary(rerun.stderr) == (0, n, 0), rerun.stderr
        assert counts(oxigraph_server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }") == before
    finally:
        cluster.stop()


@pytest.fixture()
def oxigraph_server(oxigraph_url):
    """A throwaway `oxigraph serve` (the store tests' fixture)."""
    return oxigraph_url
