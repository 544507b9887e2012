"""Web page figures, measured in Debian's headless chromium against a live `kg serve`:

* time to first render of a 500-node neighbourhood (the page's own performance.now() around the draw:
  adding elements, fcose layout, first painted frame; the /graph fetch is reported separately);
* page weight: bytes transferred for `/` with everything it loads before any interaction.

The neighbourhood comes from a generated supply-chain graph (one vendor, its chips, their process nodes,
foundries and architectures, its investors and the other companies they fund) loaded next to the reference
graph, so depth 2 around the vendor holds > 500 entities and the page asks for limit=500.

    .venv/bin/python bench/page.py [--runs 5] [--json]

With `--store PATH` it serves that store instead (e.g. the corpus store of `kg ingest corpus`) and measures what a
user meets there: the time for `/` to open on its overview (node count) and every built-in example of
api/static/examples.json run through /sparql as the page runs it (median wall time, rows, truncation header).

    .venv/bin/python bench/page.py --store /tmp/pagecorpus [--runs 3]
"""
from __future__ import annotations

import argparse
import json
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / ".." / "shared" / "eval" / "reference-graph.trig"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def synthetic_trig(chips: int = 140, investors: int = 160, others: int = 220) -> str:
    """A vendor with `chips` chips and `investors` backers who also fund `others` companies."""
    lines = ["@prefix aic: <https://w3id.org/aichip/ontology#> .",
             "@prefix aid: <https://w3id.org/aichip/id/> .",
             "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
             "<https://w3id.org/aichip/graph/bench-page> {",
             'aid:bench-hub a aic:ChipVendor ; rdfs:label "Bench Hub"@en .']
    for f in range(5):
        lines.append(f'aid:bench-foundry-{f} a aic:Foundry ; rdfs:label "Bench Foundry {f}"@en .')
    for p in range(30):
        lines.append(f'aid:bench-node-{p} a aic:ProcessNode ; rdfs:label "Bench {p}nm"@en ; '
                     f'aic:offeredBy aid:bench-foundry-{p % 5} ; aic:nodeNanometers {p + 3} .')
    for a in range(10):
        lines.append(f'aid:bench-arch-{a} a aic:Architecture ; rdfs:label "Bench Arch {a}"@en .')
    for c in range(chips):
        lines.append(f'aid:bench-chip-{c} a aic:TrainingChip ; rdfs:label "Bench Chip {c}"@en ; '
                     f'aic:designedBy aid:bench-hub ; aic:manufacturedOn aid:bench-node-{c % 30} ; '
                     f'aic:usesArchitecture aid:bench-arch-{c % 10} .')
    for o in range(others):
        lines.append(f'aid:bench-co-{o} a aic:ChipVendor ; rdfs:label "Bench Company {o}"@en .')
    for i in range(investors):
        funded = " , ".join(f"aid:bench-co-{(i * 7 + k) % others}" for k in range(2))
        lines.append(f'aid:bench-inv-{i} a aic:Investor ; rdfs:label "Bench Investor {i}"@en ; '
                     f'aic:investedIn aid:bench-hub , {funded} .')
    lines.append("}")
    return "\n".join(lines) + "\n"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(store: str) -> tuple[subprocess.Popen, str]:
    kg = str(Path(sys.executable).with_name("kg"))
    port = free_port()
    proc = subprocess.Popen([kg, "serve", "--store", store, "--host", "127.0.0.1", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(600):
        try:
            if httpx.get(base + "/health", timeout=1).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.kill()
    raise SystemExit("kg serve did not start")


def time_examples(base: str, runs: int) -> list[dict]:
    """Each example as the page sends it (form POST, JSON or N-Triples): median ms, rows or triples, truncation."""
    examples = json.loads((ROOT / "api" / "static" / "examples.json").read_text(encoding="utf-8"))
    out = []
    with httpx.Client(base_url=base, timeout=120) as client:
        for ex in examples:
            times, n, status, cut = [], 0, 0, None
            for _ in range(runs):
                t0 = time.perf_counter()
                r = client.post("/sparql", data={"query": ex["query"]},
                                headers={"Accept": "application/sparql-results+json, application/n-triples;q=0.9"})
                times.append((time.perf_counter() - t0) * 1000)
                status, cut = r.status_code, r.headers.get("X-SPARQL-Truncated")
                if r.status_code == 200:
                    n = (len(r.json()["results"]["bindings"]) if "json" in r.headers.get("content-type", "")
                         else sum(1 for line in r.text.splitlines() if line.strip()))
            out.append({"title": ex["title"], "status": status, "ms_median": round(statistics.median(times)),
                        "results": n, "truncated": cut == "true"})
    return out


def time_overview(base: str, runs: int) -> dict:
    from playwright.sync_api import sync_playwright
    opens, nodes = [], 0
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1366, "height": 850})
            t0 = time.perf_counter()
            page.goto(base + "/")
            page.wait_for_function("window.kg && window.kg.ready")
            page.evaluate("window.kg.ready")
            page.wait_for_function("document.body.dataset.busy === '0'", timeout=60000)
            opens.append((time.perf_counter() - t0) * 1000)
            nodes = page.evaluate("window.kg.cy.nodes().length")
            page.close()
        browser.close()
    return {"overview_nodes": nodes, "open_ms_median": round(statistics.median(opens)),
            "open_ms_all": [round(x) for x in opens]}


def bench_store(store: str, runs: int, as_json: bool) -> None:
    proc, base = serve(store)
    try:
        overview = time_overview(base, runs)
        examples = time_examples(base, runs)
    finally:
        proc.terminate()
        proc.wait(10)
    if as_json:
        print(json.dumps({"store": store, **overview, "examples": examples}))
        return
    print(f"{store}: / opens on an overview of {overview['overview_nodes']} nodes in {overview['open_ms_median']} ms "
          f"median {overview['open_ms_all']}")
    for e in examples:
        print(f"  {e['ms_median']:>6} ms  {e['results']:>5} results  HTTP {e['status']}"
              f"{'  TRUNCATED' if e['truncated'] else ''}  {e['title']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--layout", default="{}", help="JSON merged into the fcose options (experiments)")
    ap.add_argument("--screenshot", help="write a PNG of the last run's view here")
    ap.add_argument("--store", help="serve this store and time the overview and the built-in examples on it")
    args = ap.parse_args()
    if args.store:
        bench_store(args.store, args.runs, args.json)
        return
    from playwright.sync_api import sync_playwright

    kg = str(Path(sys.executable).with_name("kg"))
    with tempfile.TemporaryDirectory() as tmp:
        store, data = Path(tmp) / "store", Path(tmp) / "bench.trig"
        data.write_text(synthetic_trig())
        files = [str(data)] + ([str(REFERENCE)] if REFERENCE.exists() else [])
        subprocess.run([kg, "load", *files, "--store", str(store)], check=True, capture_output=True)
        port = free_port()
        proc = subprocess.Popen([kg, "serve", "--store", str(store), "--host", "127.0.0.1", "--port", str(port)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    if httpx.get(base + "/health", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            draws, weights = [], []
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                for _ in range(args.runs):
                    page = browser.new_page(viewport={"width": 1366, "height": 850})
                    page.goto(base + "/")
                    page.wait_for_function("window.kg && window.kg.ready")
                    page.evaluate("window.kg.ready")
                    weights.append(page.evaluate(
                        "performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                        ".reduce((s, e) => s + (e.transferSize || 0), 0)"))
                    page.evaluate("window.kg.state.depth = 2; window.kg.state.limit = 500")
                    page.evaluate("o => Object.assign(window.kg.layoutOverrides, o)", json.loads(args.layout))
                    page.evaluate("window.kg.focusEntity('bench-hub')")
                    draws.append(page.evaluate("window.kg.metrics.lastDraw"))
                    if args.screenshot:
                        page.screenshot(path=args.screenshot)
                    page.close()
                browser.close()
        finally:
            proc.terminate()
            proc.wait(10)
    med = {k: statistics.median(d[k] for d in draws) for k in ("firstRenderMs", "layoutMs", "paintMs", "fetchMs")}
    out = {"nodes": draws[0]["nodes"], "edges": draws[0]["edges"], "runs": args.runs,
           "first_render_ms_median": round(med["firstRenderMs"]), "layout_ms_median": round(med["layoutMs"]),
           "paint_ms_median": round(med["paintMs"]), "graph_fetch_ms_median": round(med["fetchMs"]),
           "first_render_ms_all": [round(d["firstRenderMs"]) for d in draws],
           "page_weight_bytes": int(statistics.median(weights))}
    if args.json:
        print(json.dumps(out))
    else:
        print(f"{out['nodes']} nodes / {out['edges']} edges: first render {out['first_render_ms_median']} ms median "
              f"(layout {out['layout_ms_median']} ms, paint {out['paint_ms_median']} ms; /graph fetch "
              f"{out['graph_fetch_ms_median']} ms) over {args.runs} runs {out['first_render_ms_all']}")
        print(f"page weight: {out['page_weight_bytes']} bytes transferred on load")


if __name__ == "__main__":
    main()
