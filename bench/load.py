"""Bounded load on a live `kg serve`: N concurrent clients for a fixed time, mixed routes.

    .venv/bin/python bench/load.py --clients 8 --seconds 60            # serves the reference graph itself
    .venv/bin/python bench/load.py --url http://127.0.0.1:8000 ...     # or loads a running service

Each client (a thread with its own httpx connection) cycles through a request mix built from the served graph
at start: SPARQL queries (multi-hop join, entity description, label search, aggregate, ASK, CONSTRUCT as
Turtle), /ask questions from generic templates filled with chip and organisation names of the graph, /entity
pages (JSON and HTML), /search (exact and misspelt names) and /graph neighbourhoods. Any answer other than 200
(or a connection error) counts as an error. Prints count, errors and p50/p95/p99 per route and overall, and
writes the figures to bench/results/load.json.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable

import httpx

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = (ROOT / ".." / "shared" / "eval" / "reference-graph.trig").resolve()
AIC = "https://w3id.org/aichip/ontology#"
PREFIXES = f"PREFIX aic: <{AIC}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"

# Generic question shapes (not taken from any evaluation set); {chip} / {org} are names found in the graph.
QUESTIONS = [
    ("chip", "Who designed {chip}?"),
    ("chip", "Which process node is {chip} made on?"),
    ("chip", "Which foundry manufactures {chip}?"),
    ("chip", "{chip}は誰が設計しましたか？"),
    ("chip", "{chip}是哪家公司设计的？"),
    ("org", "Who invested in {org}?"),
    ("org", "Which chips did {org} design?"),
    ("org", "{org}的投资者有哪些？"),
]

Request = tuple[str, Callable[[httpx.Client], httpx.Response]]


def select(client: httpx.Client, query: str) -> list[dict]:
    r = client.get("/sparql", params={"query": PREFIXES + query}, headers={"Accept": "application/sparql-results+json"})
    r.raise_for_status()
    return [{k: v["value"] for k, v in b.items()} for b in r.json()["results"]["bindings"]]


def typo(name: str, rnd: random.Random) -> str:
    if len(name) < 5:
        return name
    i = rnd.randrange(1, len(name) - 1)
    return name[:i] + name[i + 1:]


def build_mix(client: httpx.Client, seed: int = 7) -> list[Request]:
    """The request mix, from the graph being served (its chips, organisations and labels)."""
    rnd = random.Random(seed)
    chips = select(client, "SELECT ?s (SAMPLE(?l) AS ?label) WHERE { ?s a aic:Chip ; rdfs:label ?l } GROUP BY ?s ORDER BY ?s LIMIT 40")
    orgs = select(client, "SELECT ?s (SAMPLE(?l) AS ?label) WHERE { ?s a aic:Organization ; rdfs:label ?l } GROUP BY ?s ORDER BY ?s LIMIT 40")
    if not chips or not orgs:
        raise SystemExit("the served graph has no aic:Chip or aic:Organization with a label; load data first")
    entities = chips + orgs
    sparql = [
        "SELECT ?chip ?vendor ?node ?foundry WHERE { ?chip aic:designedBy ?vendor . "
        "OPTIONAL { ?chip aic:manufacturedOn ?node . OPTIONAL { ?node aic:fabricatedBy ?foundry } } } LIMIT 200",
        "SELECT ?vendor (COUNT(DISTINCT ?chip) AS ?n) WHERE { ?chip aic:designedBy ?vendor } GROUP BY ?vendor ORDER BY DESC(?n)",
        "SELECT ?t (COUNT(?s) AS ?n) WHERE { ?s a ?t } GROUP BY ?t",
        "ASK { ?s aic:investedIn ?o }",
    ]
    reqs: list[Request] = []

    def sparql_get(q: str, accept: str = "application/sparql-results+json") -> Request:
        return "sparql", lambda c: c.get("/sparql", params={"query": PREFIXES + q}, headers={"Accept": accept})

    def sparql_post(q: str) -> Request:
        return "sparql", lambda c: c.post("/sparql", content=(PREFIXES + q).encode(),
                                          headers={"Content-Type": "application/sparql-query",
                                                   "Accept": "application/sparql-results+json"})

    for q in sparql:
        reqs += [sparql_get(q), sparql_post(q)]
    for e in rnd.sample(entities, min(8, len(entities))):
        reqs.append(sparql_get(f"SELECT ?p ?o WHERE {{ <{e['s']}> ?p ?o }}"))
        reqs.append(sparql_get(f"CONSTRUCT {{ <{e['s']}> ?p ?o }} WHERE {{ <{e['s']}> ?p ?o }}", "text/turtle"))
        word = e["label"][:4].lower().replace('"', "")
        reqs.append(sparql_get(f'SELECT ?s ?l WHERE {{ ?s rdfs:label ?l FILTER(CONTAINS(LCASE(STR(?l)), "{word}")) }} LIMIT 50'))
    for kind, template in QUESTIONS:
        for e in rnd.sample(chips if kind == "chip" else orgs, 2):
            q = template.format(chip=e["label"], org=e["label"])
            reqs.append(("ask", lambda c, q=q: c.get("/ask", params={"q": q})))
    for e in rnd.sample(entities, min(12, len(entities))):
        ident = e["s"].rsplit("/", 1)[-1]
        reqs.append(("entity", lambda c, i=ident: c.get(f"/entity/{i}", headers={"Accept": "application/json"})))
        reqs.append(("entity", lambda c, i=ident: c.get(f"/entity/{i}", headers={"Accept": "text/html"})))
        reqs.append(("graph", lambda c, s=e["s"]: c.get("/graph", params={"focus": s, "depth": 2})))
    for e in rnd.sample(entities, min(12, len(entities))):
        for text in (e["label"], typo(e["label"], rnd)):
            reqs.append(("search", lambda c, t=text: c.get("/search", params={"q": t})))
    rnd.shuffle(reqs)
    return reqs


def percentile(sorted_ms: list[float], p: float) -> float | None:
    if not sorted_ms:
        return None
    return round(sorted_ms[min(len(sorted_ms) - 1, int(len(sorted_ms) * p))], 2)


def summary(lat: list[float], errors: int) -> dict:
    lat = sorted(lat)
    return {"count": len(lat) + errors, "errors": errors, "p50_ms": percentile(lat, 0.50),
            "p95_ms": percentile(lat, 0.95), "p99_ms": percentile(lat, 0.99),
            "max_ms": round(lat[-1], 2) if lat else None}


def run_load(url: str, clients: int = 8, seconds: float = 60.0, seed: int = 7) -> dict:
    """Run the mix from `clients` threads for `seconds`; per-route and overall latency and errors."""
    with httpx.Client(base_url=url, timeout=60) as c:
        mix = build_mix(c, seed)
    lat: dict[str, list[float]] = {}
    errs: dict[str, int] = {}
    samples: list[str] = []
    lock = threading.Lock()
    stop = time.perf_counter() + seconds

    def worker(i: int) -> None:
        k = i * len(mix) // clients
        with httpx.Client(base_url=url, timeout=60) as c:
            while time.perf_counter() < stop:
                route, send = mix[k % len(mix)]
                k += 1
                t = time.perf_counter()
                try:
                    r = send(c)
                    r.read()
                    ok, why = r.status_code == 200, f"{r.status_code} {r.request.url}: {r.text[:200]}"
                except httpx.HTTPError as exc:
                    ok, why = False, f"{type(exc).__name__}: {exc}"
                dt = (time.perf_counter() - t) * 1000
                with lock:
                    if ok:
                        lat.setdefault(route, []).append(dt)
                    else:
                        errs[route] = errs.get(route, 0) + 1
                        if len(samples) < 10:
                            samples.append(f"{route}: {why}")

    start = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    elapsed = time.perf_counter() - start
    routes = sorted(set(lat) | set(errs))
    per_route = {r: summary(lat.get(r, []), errs.get(r, 0)) for r in routes}
    overall = summary([x for v in lat.values() for x in v], sum(errs.values()))
    return {"clients": clients, "seconds": round(elapsed, 2), "mix_size": len(mix),
            "throughput_rps": round(overall["count"] / elapsed, 2), "overall": overall, "routes": per_route,
            "error_samples": samples}


def start_service(store: str | None, workers: int | None) -> tuple[subprocess.Popen, str, tempfile.TemporaryDirectory | None]:
    """`kg serve` on a free 127.0.0.1 port over `store`, or over a fresh store with the reference graph."""
    import socket
    tmp = None
    env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
    if workers:
        env["KG_WORKERS"] = str(workers)
    if store is None:
        if not REFERENCE.is_file():
            raise SystemExit(f"no --store and no reference graph at {REFERENCE}")
        tmp = tempfile.TemporaryDirectory(prefix="kg-load-")
        store = str(Path(tmp.name) / "store")
        subprocess.run([sys.executable, "-m", "aichip_kg", "load", str(REFERENCE), "--store", store],
                       cwd=ROOT, env=env, check=True, capture_output=True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "aichip_kg", "serve", "--store", store, "--host", "127.0.0.1",
                             "--port", str(port)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 120
    while time.time() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"kg serve exited with {proc.returncode}")
        try:
            if httpx.get(url + "/health", timeout=2).status_code == 200:
                return proc, url, tmp
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    proc.kill()
    raise SystemExit("kg serve did not start")


def print_table(res: dict) -> None:
    print(f"{res['clients']} clients, {res['seconds']} s, {res['throughput_rps']} req/s")
    print("| route | count | errors | p50 ms | p95 ms | p99 ms | max ms |")
    print("|---|---|---|---|---|---|---|")
    for name, s in [*res["routes"].items(), ("overall", res["overall"])]:
        print(f"| {name} | {s['count']} | {s['errors']} | {s['p50_ms']} | {s['p95_ms']} | {s['p99_ms']} | {s['max_ms']} |")
    for line in res["error_samples"]:
        print("error:", line)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", help="a running service; default: start kg serve here")
    ap.add_argument("--store", help="store to serve (default: a fresh store with the reference graph)")
    ap.add_argument("--workers", type=int, help="KG_WORKERS for the started service")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "load.json")
    args = ap.parse_args()
    proc = tmp = None
    url = args.url
    if url is None:
        proc, url, tmp = start_service(args.store, args.workers)
    try:
        load_before = os.getloadavg()
        res = run_load(url, args.clients, args.seconds, args.seed)
        res["loadavg_before"] = [round(x, 2) for x in load_before]
        res["loadavg_after"] = [round(x, 2) for x in os.getloadavg()]
    finally:
        if proc:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
        if tmp:
            tmp.cleanup()
    res["machine"] = {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version()}
    res["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                   text=True).stdout.strip()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, indent=1, ensure_ascii=False), encoding="utf-8")
    print_table(res)
    sys.exit(1 if res["overall"]["errors"] else 0)


if __name__ == "__main__":
    main()
