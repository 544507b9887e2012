"""Benchmark SPARQL endpoints side by side on the same generated graph and the same queries.

    python bench/sparql/run.py --system kg --system oxigraph --system rdflib-endpoint --triples 100000

Every system is loaded from the same N-Quads file and started on 127.0.0.1; then every query in
bench/sparql/queries/*.rq is timed one request at a time, the systems interleaved request by request (median
and p95 after warm-up), and then each system in turn gets 8 concurrent clients sending the query mix for a
fixed time (throughput, p99, errors). Peak memory is the server's VmHWM (plus workers').
Results go to bench/results/sparql-<system>-<version>-<size>.json; a table is printed at the end.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
QUERIES = {p.stem: p.read_text(encoding="utf-8") for p in sorted((HERE / "queries").glob("*.rq"))}
BIN = Path(sys.executable).parent
VIRTUOSO_UNION = "https://w3id.org/aichip/graph/union"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def union_file(data: Path) -> Path:
    """The distinct triples of `data` (generate.py writes it beside the quads)."""
    union = data.with_suffix(".union.nt")
    if not union.exists():
        raise SystemExit(f"{union} is missing: regenerate the data with bench/sparql/generate.py")
    return union


def size_name(n: int) -> str:
    return f"{n // 1_000_000}M" if n >= 1_000_000 and n % 1_000_000 == 0 else f"{n // 1000}k"


def wait_ready(url: str, proc: subprocess.Popen, timeout: float = 900) -> None:
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            if httpx.get(url, params={"query": "ASK { ?s ?p ?o }"}, timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError("server did not become ready")


def peak_rss_mb(pid: int) -> float:
    """VmHWM of the process and its descendants, in MiB."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1])
            todo += [int(c) for c in Path(f"/proc/{p}/task/{p}/children").read_text().split()]
        except (OSError, ValueError):
            continue
    return round(total / 1024, 1)


class System:
    def __init__(self, name: str, data: Path, work: Path, kg_workers: int | None = None,
                 kg_env: dict[str, str] | None = None):
        self.name, self.data, self.work, self.kg_workers = name, data, work, kg_workers
        self.kg_env = kg_env or {}
        self.port = free_port()
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        if self.name == "virtuoso":  # the set union lives in a named graph there (kg/backends/remote.py)
            return f"http://127.0.0.1:{self.port}/sparql?default-graph-uri={VIRTUOSO_UNION}"
        path = {"oxigraph": "/query", "kg": "/sparql"}.get(self.name, "/")
        return f"http://127.0.0.1:{self.port}{path}"

    def version(self) -> str:
        if self.name == "oxigraph":
            import pyoxigraph
            return pyoxigraph.__version__
        if self.name == "rdflib-endpoint":
            from importlib.metadata import version
            return version("rdflib-endpoint")
        if self.name == "virtuoso":
            out = subprocess.run(["virtuoso-t", "-?"], capture_output=True, text=True)
            return (out.stdout + out.stderr).split("Version ", 1)[-1].split("-", 1)[0].strip()
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True).stdout.strip() or "dev"

    def start(self) -> float:
        t = time.perf_counter()
        env = {k: v for k, v in os.environ.items() if not k.startswith("KG_")}
        if self.kg_workers:
            env["KG_WORKERS"] = str(self.kg_workers)
        if self.name == "kg":
            env.update(self.kg_env)
        if self.name == "virtuoso":
            return self._start_virtuoso(t)
        if self.name == "kg":
            store = self.work / "kg-store"
            shutil.rmtree(store, ignore_errors=True)
            subprocess.run([sys.executable, "-m", "aichip_kg", "load", str(self.data), "--store", str(store)],
                           cwd=ROOT, check=True, env=env, capture_output=True)
            cmd = [sys.executable, "-m", "aichip_kg", "serve", "--store", str(store), "--port", str(self.port),
                   "--timeout", "120", "--max-rows", "100000"]
        elif self.name == "oxigraph":
            store = self.work / "oxigraph-store"
            shutil.rmtree(store, ignore_errors=True)
            # the same dataset kg holds: the documents' named graphs plus their set union as the default graph
            # (`--union-default-graph` would count a fact once per document that states it)
            for f in (self.data, union_file(self.data)):
                subprocess.run([str(BIN / "oxigraph"), "load", "--location", str(store), "--file", str(f)],
                               check=True, capture_output=True)
            cmd = [str(BIN / "oxigraph"), "serve", "--location", str(store), "--bind", f"127.0.0.1:{self.port}"]
        else:  # rdflib-endpoint reads one graph: the set union (none of the queries names a GRAPH)
            cmd = [str(BIN / "rdflib-endpoint"), "serve", str(union_file(self.data)), "--host", "127.0.0.1",
                   "--port", str(self.port)]
        log = (self.work / f"{self.name}.log").open("wb")
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_ready(self.url, self.proc)
        except RuntimeError as exc:
            raise RuntimeError(f"{self.name}: {exc}; see {log.name}") from None
        return time.perf_counter() - t

    def _start_virtuoso(self, t: float) -> float:
        """A throwaway Virtuoso (tests/servers.py), bulk-loaded by its own loader: the documents' named graphs,
        and their set union into the graph kg uses as Virtuoso's default graph."""
        import re
        sys.path.insert(0, str(ROOT))
        from tests.servers import start_virtuoso
        vdir = self.work / "virtuoso-store"
        shutil.rmtree(vdir, ignore_errors=True)
        vdir.mkdir(parents=True)
        for f in (self.data, union_file(self.data)):
            shutil.copyfile(f, vdir / f.name)
        self.proc, _ = start_virtuoso(vdir, buffers=170000)  # about 1.3 GB of page buffers
        ini = (vdir / "virtuoso.ini").read_text()
        sql = re.search(r"\[Parameters\][^\[]*ServerPort = ([\d.:]+)", ini)[1]
        self.port = int(re.search(r"\[HTTPServer\][^\[]*ServerPort = [\d.]+:(\d+)", ini)[1])
        load = (f"ld_dir('.', '{self.data.name}', 'urn:unused'); "
                f"ld_dir('.', '{union_file(self.data).name}', '{VIRTUOSO_UNION}'); rdf_loader_run(); checkpoint;")
        subprocess.run(["isql-vt", sql, "dba", "dba", f"exec={load}"], check=True, capture_output=True, cwd=vdir)
        wait_ready(self.url, self.proc)
        return time.perf_counter() - t

    def stop(self) -> None:
        if self.proc:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()


def request(client: httpx.Client, url: str, query: str) -> tuple[float, int, int]:
    t = time.perf_counter()
    params = [*httpx.URL(url).params.multi_items(), ("query", query)]  # keep the URL's own (default-graph-uri)
    r = client.get(url, params=params, headers={"Accept": "application/sparql-results+json"})
    dt = time.perf_counter() - t
    rows = len(r.json()["results"]["bindings"]) if r.status_code == 200 else -1
    return dt, r.status_code, rows


def sequential(urls: dict[str, str], reps: int, budget: float) -> dict[str, dict]:
    """Time every query on every system, interleaved: one request per system per round, the order rotating.

    Interleaving puts each system under the same background load (this machine is shared), so the
    ratios between systems hold even when absolute figures drift. A system stops repeating a query once
    it has `reps` timings, or at least 3 and has spent `budget` seconds on it.
    """
    out: dict[str, dict] = {name: {} for name in urls}
    clients = {name: httpx.Client(timeout=600) for name in urls}
    try:
        for qname, q in QUERIES.items():
            for name, url in urls.items():
                for _ in range(2):
                    request(clients[name], url, q)
            times: dict[str, list[float]] = {name: [] for name in urls}
            spent = {name: 0.0 for name in urls}
            rows: dict[str, int] = {}
            order, rnd = list(urls), 0
            while True:
                todo = [n for n in order if len(times[n]) < reps and (len(times[n]) < 3 or spent[n] < budget)]
                if not todo:
                    break
                shift = rnd % len(todo)
                for name in todo[shift:] + todo[:shift]:
                    dt, status, rows[name] = request(clients[name], urls[name], q)
                    if status != 200:
                        raise RuntimeError(f"{name} {qname}: HTTP {status}")
                    times[name].append(dt * 1000)
                    spent[name] += dt
                rnd += 1
            for name, ts in times.items():
                ts.sort()
                out[name][qname] = {"median_ms": round(statistics.median(ts), 3),
                                    "p95_ms": round(ts[min(len(ts) - 1, int(len(ts) * 0.95))], 3),
                                    "runs": len(ts), "rows": rows[name]}
            print(f"   {qname}: " + ", ".join(f"{n} {out[n][qname]['median_ms']} ms ({out[n][qname]['runs']} runs)"
                                             for n in urls), file=sys.stderr)
    finally:
        for c in clients.values():
            c.close()
    return out


def concurrent(url: str, clients: int, seconds: float) -> dict:
    lat: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop = time.perf_counter() + seconds
    names = list(QUERIES)

    def worker(i: int) -> None:
        k = i
        with httpx.Client(timeout=600) as c:
            while time.perf_counter() < stop:
                q = QUERIES[names[k % len(names)]]
                k += 1
                try:
                    dt, status, _ = request(c, url, q)
                except httpx.HTTPError:
                    status, dt = 0, 0.0
                with lock:
                    if status == 200:
                        lat.append(dt * 1000)
                    else:
                        errors[0] += 1

    t = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    elapsed = time.perf_counter() - t
    lat.sort()
    return {"clients": clients, "seconds": round(elapsed, 2), "requests": len(lat), "errors": errors[0],
            "throughput_rps": round(len(lat) / elapsed, 2),
            "median_ms": round(statistics.median(lat), 3) if lat else None,
            "p99_ms": round(lat[min(len(lat) - 1, int(len(lat) * 0.99))], 3) if lat else None}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--system", action="append", choices=["kg", "oxigraph", "rdflib-endpoint", "virtuoso"])
    ap.add_argument("--triples", type=int, default=100_000)
    ap.add_argument("--data", type=Path, help="an N-Quads file (default: generated)")
    ap.add_argument("--reps", type=int, default=30)
    ap.add_argument("--budget", type=float, default=10.0, help="seconds per query, sequential")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=20.0, help="duration of the concurrent phase")
    ap.add_argument("--kg-workers", type=int, help="KG_WORKERS for kg serve (default: its own, min(4, CPUs))")
    ap.add_argument("--kg-env", action="append", default=[], metavar="KG_NAME=VALUE",
                    help="a setting for kg serve, e.g. KG_INLINE_MS=0 (every query through a worker)")
    ap.add_argument("--work", type=Path, default=ROOT / "bench" / "data")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = ap.parse_args()
    systems = args.system or ["kg", "oxigraph", "rdflib-endpoint"]
    args.work.mkdir(parents=True, exist_ok=True)
    data = args.data or args.work / f"graph-{size_name(args.triples)}-repeated.nq"
    if not data.exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--triples", str(args.triples), "--out", str(data)],
                       check=True)
    quads = sum(1 for _ in data.open(encoding="utf-8"))
    args.out.mkdir(parents=True, exist_ok=True)
    kg_env = dict(item.split("=", 1) for item in args.kg_env)
    running: dict[str, System] = {}
    results = {}
    try:
        for name in systems:
            sysm = System(name, data, args.work, args.kg_workers, kg_env)
            print(f"== {name}: loading {quads} quads and starting", file=sys.stderr)
            startup = sysm.start()
            running[name] = sysm
            results[name] = {"system": name, "version": sysm.version(),
                             "kg_workers": args.kg_workers if name == "kg" else None,
                             "kg_env": kg_env if name == "kg" else None, "quads": quads,
                             "startup_s": round(startup, 2)}
        print("== sequential, interleaved", file=sys.stderr)
        seq = sequential({n: s.url for n, s in running.items()}, args.reps, args.budget)
        check_rows(seq)
        for name, sysm in running.items():
            print(f"== {name}: {args.clients} concurrent clients for {args.seconds:g} s", file=sys.stderr)
            conc = concurrent(sysm.url, args.clients, args.seconds)
            results[name].update(sequential=seq[name], concurrent=conc, peak_rss_mb=peak_rss_mb(sysm.proc.pid))
    finally:
        for sysm in running.values():
            sysm.stop()
    machine = {"cpus": os.cpu_count(), "platform": platform.platform(), "python": platform.python_version(),
               "loadavg_end": os.getloadavg()}
    for name, res in results.items():
        res["machine"] = machine
        tag = "".join(f"-{k.lower().removeprefix('kg_')}{v}" for k, v in kg_env.items())  # the run's, on every system
        path = args.out / f"sparql-{name}-{res['version']}{tag}-{size_name(quads if args.data else args.triples)}.json"
        path.write_text(json.dumps(res, indent=1), encoding="utf-8")
        print(json.dumps({"system": name, "sequential": {k: v["median_ms"] for k, v in res["sequential"].items()},
                          "throughput_rps": res["concurrent"]["throughput_rps"], "errors": res["concurrent"]["errors"],
                          "p99_ms": res["concurrent"]["p99_ms"], "peak_rss_mb": res["peak_rss_mb"]}), file=sys.stderr)
    print_table(results)


def check_rows(seq: dict[str, dict]) -> None:
    """Every system must return the same number of rows for each query, or the comparison means nothing."""
    for q in QUERIES:
        counts = {n: r[q]["rows"] for n, r in seq.items()}
        if len(set(counts.values())) > 1:
            raise RuntimeError(f"{q}: systems disagree on the row count: {counts}")


def print_table(results: dict) -> None:
    names = list(results)
    print("| query | " + " | ".join(f"{n} median ms" for n in names) + " |")
    print("|---" * (len(names) + 1) + "|")
    for q in QUERIES:
        print(f"| {q} | " + " | ".join(str(results[n]["sequential"][q]["median_ms"]) for n in names) + " |")
    print("| 8 clients, req/s | " + " | ".join(str(results[n]["concurrent"]["throughput_rps"]) for n in names) + " |")
    print("| 8 clients, p99 ms | " + " | ".join(str(results[n]["concurrent"]["p99_ms"]) for n in names) + " |")
    print("| errors | " + " | ".join(str(results[n]["concurrent"]["errors"]) for n in names) + " |")
    if "kg" in results and "oxigraph" in results:
        print("| kg / oxigraph (median) | " + " | ".join(
            "" if n != "kg" else ", ".join(f"{q} {results['kg']['sequential'][q]['median_ms'] / results['oxigraph']['sequential'][q]['median_ms']:.2f}"
                                          for q in QUERIES) for n in names) + " |")
    print("| peak RSS MiB | " + " | ".join(str(results[n]["peak_rss_mb"]) for n in names) + " |")


if __name__ == "__main__":
    main()
