"""Cluster ingest: `kg ingest --scheduler` on 1 and 2 Dask workers against a local `kg ingest --workers 1/2` of
the same documents, in one run; the per-document overhead of the cluster path; and a cost model for N
documents on K workers (time, memory per worker, store size) from these measurements.

Every ingest is a `kg ingest` subprocess timed from start to exit (as a user sees it), each into a fresh store.
Cluster runs start a fresh scheduler and workers with `.venv/bin/dask` (so loading the pipelines is inside
the time, as for a local run); a "warm" run then ingests into another fresh store on the same workers (a
long-lived cluster has its pipelines loaded). Parts measured separately, in this process, on the same
documents: extraction per document (`process_file`), the client's write per document (`replace_graph`) into
each store kind, and the final inference (`materialize`).

    .venv/bin/python bench/cluster.py --copies 1            # the bundled corpus once (43 documents)
    .venv/bin/python bench/cluster.py --copies 1 --virtuoso # also writes into Virtuoso
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.ingest import copy_corpus  # noqa: E402
from tests.servers import free_port, start_dask, start_oxigraph, start_virtuoso, stop, virtuoso_missing  # noqa: E402

KG = str(Path(sys.executable).with_name("kg"))
SUMMARY = re.compile(r"(\d+) document\(s\) ingested, (\d+) unchanged, (\d+) skipped; (\d+) facts")


def rss_mb(pid: int) -> tuple[float, float]:
    """(current RSS, peak RSS) of one process, MiB."""
    vals = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(("VmRSS:", "VmHWM:")):
            vals[line.split(":")[0]] = int(line.split()[1]) / 1024
    return round(vals.get("VmRSS", 0), 1), round(vals.get("VmHWM", 0), 1)


def du_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2 ** 20, 2)


def ingest(docs: Path, store: str, *extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    t0 = time.perf_counter()
    res = subprocess.run([KG, "ingest", str(docs), "--store", store, *extra], cwd=ROOT, env=env,
                         capture_output=True, text=True)
    secs = time.perf_counter() - t0
    m = SUMMARY.search(res.stderr)
    if res.returncode != 0 or not m:
        raise RuntimeError(f"kg ingest failed: {res.stderr[-800:]}")
    return {"seconds": round(secs, 1), "documents": int(m[1]), "skipped": int(m[3]), "facts": int(m[4])}


def facts_per_predicate(store: str) -> dict[str, int]:
    from kg.store import open_store
    q = ('SELECT ?p (COUNT(*) AS ?n) WHERE { ?s ?p ?o FILTER(STRSTARTS(STR(?p), '
         '"https://w3id.org/aichip/ontology#")) } GROUP BY ?p')
    with open_store(store) as st:
        return {r["p"]: int(r["n"]) for r in st.select(q)}


def parts(files: list[str], stores: dict[str, str]) -> dict:
    """Extraction per document, the client's write per document into each store, and inference, timed here."""
    import pyoxigraph as ox

    from ingest.run import _warm, process_file
    from kg.bootstrap import ensure_ontology
    from kg.infer import materialize
    from kg.store import open_store
    _warm(None)
    t0 = time.perf_counter()
    results = [process_file(f) for f in files]
    extract = (time.perf_counter() - t0) / len(files)
    results = [r for r in results if "nt" in r]
    out = {"extract_s_per_doc": round(extract, 4), "nt_bytes_per_doc": round(statistics.mean(len(r["nt"]) for r in results)),
           "triples_per_doc": round(statistics.mean(r["nt"].count("\n") for r in results), 1), "write_s_per_doc": {},
           "infer_s": {}}
    for kind, spec in stores.items():
        with open_store(spec) as st:
            ensure_ontology(st)
            t0 = time.perf_counter()
            for r in results:
                triples = [ox.Triple(q.subject, q.predicate, q.object)
                           for q in ox.parse(r["nt"].encode(), format=ox.RdfFormat.N_TRIPLES)]
                st.replace_graph(r["iri"], triples)
            out["write_s_per_doc"][kind] = round((time.perf_counter() - t0) / len(results), 4)
            t0 = time.perf_counter()
            materialize(st)
            out["infer_s"][kind] = round(time.perf_counter() - t0, 2)
    return out


def cluster_runs(docs: Path, work: Path, workers: int, store_of, sample: list[str] | None = None) -> dict:
    """A fresh cluster of `workers`: a cold ingest, then a warm one (pipelines already loaded) into a new store;
    with `sample`, also the cluster path's own cost per document on these warm workers."""
    cluster = start_dask(workers, work / f"dask{workers}")
    try:
        cold = ingest(docs, store_of(f"cluster{workers}-cold"), "--scheduler", cluster.address)
        warm_store = store_of(f"cluster{workers}-warm")
        warm = ingest(docs, warm_store, "--scheduler", cluster.address)
        noop = ingest(docs, warm_store, "--scheduler", cluster.address)  # all unchanged: the fixed cost
        mem = [rss_mb(w.pid) for w in cluster.workers]
        out = {"cold": cold, "warm": warm, "noop": noop, "worker_rss_mb": [m[0] for m in mem],
               "worker_peak_mb": [m[1] for m in mem]}
        if sample:
            out["overhead"] = overhead(cluster.address, sample)
        return out
    finally:
        cluster.stop()


def overhead(address: str, files: list[str], rounds: int = 2) -> dict:
    """The same documents extracted through the cluster path (one warm worker: submit, extract there, results
    back) and in this process, interleaved; the difference per document is what the cluster path adds."""
    from ingest.cluster import cluster_runner
    from ingest.run import _warm, process_file
    _warm(None)
    run = cluster_runner(address)
    list(run(files[:1], None))
    via, here = [], []
    for _ in range(rounds):
        t0 = time.perf_counter()
        assert all("nt" in r for r in run(files, None))
        via.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        assert all("nt" in process_file(f) for f in files)
        here.append(time.perf_counter() - t0)
    n = len(files)
    return {"documents": n, "cluster_s": [round(x, 2) for x in via], "in_process_s": [round(x, 2) for x in here],
            "s_per_doc": round((statistics.median(via) - statistics.median(here)) / n, 4)}


def cost_model(res: dict, n: int = 1_000_000, ks: tuple[int, ...] = (1, 2, 8, 32, 128)) -> dict:
    """Time for N documents on K workers: extraction spread over K, the one client writing every graph,
    whichever is slower; plus start-up and the final inference (taken as linear in N, an upper-bound guess:
    the rules join over the whole graph)."""
    p = res["parts"]
    docs = res["documents"]
    per_doc_cluster = res["cluster_overhead_s_per_doc"]
    startup = res["startup_s"]
    out = {}
    for kind, write in p["write_s_per_doc"].items():
        infer_per_doc = p["infer_s"][kind] / docs
        rows = []
        for k in ks:
            extract = n * (p["extract_s_per_doc"] + max(0.0, per_doc_cluster)) / k
            writes = n * write
            total = startup + max(extract, writes) + n * infer_per_doc
            rows.append({"workers": k, "hours": round(total / 3600, 1), "bound": "extraction" if extract >= writes else "writes"})
        out[kind] = {"rows": rows, "infer_hours": round(n * infer_per_doc / 3600, 2),
                     "write_limit_docs_per_s": round(1 / write, 1)}
    quads = res["store"]["quads_per_doc"]
    out["store_for_1M"] = {"quads": int(quads * n), "oxigraph_gb": round(res["store"]["oxigraph_mb_per_doc"] * n / 1024, 1)}
    if "virtuoso_mb_per_doc" in res["store"]:
        out["store_for_1M"]["virtuoso_gb"] = round(res["store"]["virtuoso_mb_per_doc"] * n / 1024, 1)
    out["memory_per_worker_mb"] = max(res["cluster"]["2"]["worker_peak_mb"])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=1, help="copies of the bundled corpus to ingest")
    ap.add_argument("--virtuoso", action="store_true", help="also time writes into Virtuoso")
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "cluster.json"))
    args = ap.parse_args()
    servers: list[subprocess.Popen] = []
    res: dict = {"load_before": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        files = copy_corpus(work / "docs", args.copies)
        docs = work / "docs"
        res["documents"] = len(files)
        urls: dict[str, str] = {}

        def oxigraph_store(name: str) -> str:
            proc, url = start_oxigraph(work / f"ox-{name}")
            servers.append(proc)
            urls[name] = url
            return url
        try:
            local = {w: ingest(docs, str(work / f"local{w}"), "--workers", str(w)) for w in (1, 2)}
            local["2-oxigraph"] = ingest(docs, oxigraph_store("local2"), "--workers", "2")
            res["local"] = local
            sample = [f for lang in ("en", "ja", "zh") for f in [g for g in files if f"/{lang}/" in g][:4]]
            res["cluster"] = {str(k): cluster_runs(docs, work, k, oxigraph_store, sample if k == 1 else None)
                              for k in (1, 2)}
            here, there = facts_per_predicate(str(work / "local2")), facts_per_predicate(urls["cluster2-cold"])
            res["same_facts_as_local"] = here == there
            res["facts_differing"] = {p: [here.get(p), there.get(p)] for p in set(here) | set(there)
                                      if here.get(p) != there.get(p)}
            stores = {"embedded": str(work / "parts-embedded"), "oxigraph": oxigraph_store("parts")}
            vproc = None
            if args.virtuoso and not virtuoso_missing():
                vproc, stores["virtuoso"] = start_virtuoso(work / "virtuoso")
            res["parts"] = parts(files, stores)
            from kg.store import open_store
            with open_store(stores["oxigraph"]) as st:
                quads = len(st)
            res["store"] = {"quads_per_doc": round(quads / len(files), 1),
                            "oxigraph_mb_per_doc": round(du_mb(work / "ox-parts") / len(files), 4)}
            if vproc is not None:
                stop(vproc)  # checkpointed on shutdown, so the file size is the data's
                res["store"]["virtuoso_mb_per_doc"] = round(du_mb(work / "virtuoso") / len(files), 4)
        finally:
            for p in servers:
                stop(p)
    n = res["documents"]
    c2 = res["cluster"]["2"]
    res["ratio_cluster2_over_local2"] = round(c2["cold"]["seconds"] / res["local"][2]["seconds"], 2)
    res["ratio_cluster2_over_local2_oxigraph"] = round(c2["cold"]["seconds"] / res["local"]["2-oxigraph"]["seconds"], 2)
    startup = max(0.0, res["local"][1]["seconds"] - n * (res["parts"]["extract_s_per_doc"]
                                                        + res["parts"]["write_s_per_doc"]["embedded"]))
    res["startup_s"] = round(startup, 1)
    res["cluster_overhead_s_per_doc"] = res["cluster"]["1"]["overhead"]["s_per_doc"]
    res["cost_model_1M"] = cost_model(res)
    res["load_after"] = os.getloadavg()[0]
    Path(args.out).write_text(json.dumps(res, indent=2) + "\n")
    print_table(res)


def print_table(res: dict) -> None:
    n = res["documents"]
    print(f"{n} documents; load average {res['load_before']:.1f} before, {res['load_after']:.1f} after\n")
    print("| run | seconds | documents/s |\n|---|---|---|")
    rows = [("local --workers 1 (embedded)", res["local"][1]), ("local --workers 2 (embedded)", res["local"][2]),
            ("local --workers 2 (oxigraph serve)", res["local"]["2-oxigraph"])]
    for k in ("1", "2"):
        rows += [(f"--scheduler, {k} worker(s), cold (oxigraph serve)", res["cluster"][k]["cold"]),
                 (f"--scheduler, {k} worker(s), warm (oxigraph serve)", res["cluster"][k]["warm"])]
    for name, r in rows:
        print(f"| {name} | {r['seconds']} | {n / r['seconds']:.2f} |")
    print(f"\ncluster 2 cold / local 2: {res['ratio_cluster2_over_local2']} (embedded), "
          f"{res['ratio_cluster2_over_local2_oxigraph']} (oxigraph serve); same facts: {res['same_facts_as_local']}")
    print(f"parts: {json.dumps(res['parts'])}")
    print(f"cluster overhead per document: {json.dumps(res['cluster']['1']['overhead'])}; start-up {res['startup_s']} s")
    print(f"facts differing (local 2, cluster 2 cold): {res['facts_differing']}")
    print(f"worker RSS MiB: {res['cluster']['2']['worker_rss_mb']} (peak {res['cluster']['2']['worker_peak_mb']})")
    print(f"store: {json.dumps(res['store'])}")
    print(f"cost model, 1M documents: {json.dumps(res['cost_model_1M'], indent=1)}")


if __name__ == "__main__":
    main()
