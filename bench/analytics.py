"""Benchmark kg.analytics on a generated contract-shaped graph (~1M triples by default).

    .venv/bin/python bench/analytics.py                      # generate into a temp store, measure, delete it
    .venv/bin/python bench/analytics.py --store /tmp/an_bench --keep --triples 1000000

The graph has foundries (the first labelled "TSMC") with processes, vendors with countries, chips
(one or two processes, or a foundry only), clusters built from chips, investors and funding rounds with
the investedIn shortcut, and the inferred fabricatedBy / reliesOn statements in their own graph. Timing
runs in a fresh process over the on-disk store, so the peak RSS reported is the analytics' own
(projection + exposure), not the generator's.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

AIC = "https://w3id.org/aichip/ontology#"
AID = "https://w3id.org/aichip/id/"
FACTS = "https://w3id.org/aichip/graph/bench-facts"
INFERRED = "https://w3id.org/aichip/graph/inferred"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"
COUNTRIES = ["CN", "US", "TW", "KR", "JP", "GB", "DE", "IL", "CA", "FR"]


def generate(target: int, seed: int = 7):
    """Yield N-Quads lines for a graph of about `target` quads."""
    rnd = random.Random(seed)
    scale = target / 920_000  # the mix below gives ~920k quads per unit
    n_found, n_proc_per = 20, 15
    n_vendors, n_chips = int(9_000 * scale) or 1, int(80_000 * scale) or 1
    n_clusters, n_investors, n_rounds = int(4_000 * scale) or 1, int(3_000 * scale) or 1, int(15_000 * scale) or 1

    def iri(x: str) -> str:
        return f"<{AID}{x}>"

    def q(s: str, p: str, o: str, g: str = FACTS) -> str:
        return f"{s} <{p}> {o} <{g}> .\n"

    def lit(text: str, lang: str | None = "en") -> str:
        return f'"{text}"@{lang}' if lang else f'"{text}"'

    foundries = [iri(f"fab-{i}") for i in range(n_found)]
    procs: list[tuple[str, str]] = []
    for i, f in enumerate(foundries):
        name = "TSMC" if i == 0 else f"Foundry {i}"
        yield q(f, TYPE, f"<{AIC}Foundry>") + q(f, LABEL, lit(name)) + q(f, f"{AIC}country", lit(COUNTRIES[i % 10], None))
        for j, nm in enumerate([2, 3, 4, 5, 6, 7, 8, 10, 12, 14, 16, 22, 28, 40, 65][:n_proc_per]):
            p = iri(f"fab-{i}-n{nm}")
            procs.append((p, f))
            yield (q(p, TYPE, f"<{AIC}ProcessNode>") + q(p, LABEL, lit(f"{name} {nm}nm"))
                   + q(p, f"{AIC}nodeNanometers", f'"{nm}"^^<{XSD}integer>') + q(p, f"{AIC}offeredBy", f))
    # TSMC gets ~40% of the supply, the rest spread over the others
    weights = [40.0] + [60.0 / (n_found - 1)] * (n_found - 1)
    vendors = [iri(f"vendor-{i}") for i in range(n_vendors)]
    for i, v in enumerate(vendors):
        yield (q(v, TYPE, f"<{AIC}ChipVendor>") + q(v, LABEL, lit(f"Vendor {i}"))
               + q(v, ALT, lit(f"Vendor {i} Inc.")) + q(v, f"{AIC}country", lit(rnd.choice(COUNTRIES), None)))
    chips = [iri(f"chip-{i}") for i in range(n_chips)]
    relies: set[tuple[str, str]] = set()
    for i, c in enumerate(chips):
        v = vendors[rnd.randrange(n_vendors)]
        yield (q(c, TYPE, f"<{AIC}Chip>") + q(c, TYPE, f"<{AIC}{rnd.choice(['TrainingChip', 'InferenceChip'])}>")
               + q(c, LABEL, lit(f"Chip {i}")) + q(c, f"{AIC}designedBy", v)
               + q(c, f"{AIC}announcedIn", f'"{rnd.randint(2016, 2025)}"^^<{XSD}gYear>')
               + q(c, f"{AIC}memoryType", lit(rnd.choice(["HBM3", "HBM3e", "GDDR6"]), None)))
        r = rnd.random()
        if r < 0.9:
            for _ in range(1 if r < 0.7 else 2):
                f_idx = rnd.choices(range(n_found), weights)[0]
                p, f = procs[f_idx * n_proc_per + rnd.randrange(n_proc_per)]
                yield q(c, f"{AIC}manufacturedOn", p) + q(c, f"{AIC}fabricatedBy", f, INFERRED)
                relies.add((v, f))
        else:
            f = foundries[rnd.choices(range(n_found), weights)[0]]
            yield q(c, f"{AIC}fabricatedBy", f)
            relies.add((v, f))
    for v, f in relies:
        yield q(v, f"{AIC}reliesOn", f, INFERRED)
    for i in range(n_clusters):
        k = iri(f"cluster-{i}")
        yield (q(k, TYPE, f"<{AIC}ComputingCluster>") + q(k, LABEL, lit(f"Cluster {i}"))
               + q(k, f"{AIC}designedBy", vendors[rnd.randrange(n_vendors)])
               + "".join(q(k, f"{AIC}builtFrom", chips[rnd.randrange(n_chips)]) for _ in range(rnd.randint(1, 3))))
    investors = [iri(f"investor-{i}") for i in range(n_investors)]
    for i, inv in enumerate(investors):
        yield q(inv, TYPE, f"<{AIC}Investor>") + q(inv, LABEL, lit(f"Investor {i}"))
    for i in range(n_rounds):
        rd, co = iri(f"round-{i}"), vendors[rnd.randrange(n_vendors)]
        lead, others = rnd.choice(investors), rnd.sample(investors, rnd.randint(0, 3))
        yield (q(rd, TYPE, f"<{AIC}FundingRound>") + q(rd, f"{AIC}roundName", lit(rnd.choice(["Series A", "Series B", "IPO"]), None))
               + q(rd, f"{AIC}fundedCompany", co) + q(rd, f"{AIC}leadInvestor", lead)
               + q(rd, f"{AIC}amount", f'"{rnd.randint(1, 500) * 1_000_000}"^^<{XSD}integer>')
               + "".join(q(rd, f"{AIC}investor", o) for o in others)
               + "".join(q(x, f"{AIC}investedIn", co, INFERRED) for x in [lead, *others]))


def build_store(path: Path, triples: int) -> dict:
    from kg.store import open_store
    t0 = time.perf_counter()
    data = "".join(generate(triples)).encode()
    t1 = time.perf_counter()
    with open_store(str(path)) as st:
        n = st.load(data, fmt="nquads")
    return {"quads": n, "generate_s": round(t1 - t0, 2), "load_s": round(time.perf_counter() - t1, 2)}


def measure(path: Path, target: str) -> dict:
    """Run in a fresh process: projection build, exposure, and a cached second exposure."""
    from kg import analytics
    from kg.analytics.projection import get
    from kg.store import open_store
    out: dict = {}
    with open_store(str(path)) as st:
        t = time.perf_counter()
        out["store_quads"] = len(st)
        out["fingerprint_s"] = round(time.perf_counter() - t, 3)
        t = time.perf_counter()
        proj = get(st)
        out["projection_s"] = round(time.perf_counter() - t, 2)
        out["projection"] = proj.stats
        t = time.perf_counter()
        res = analytics.run("exposure", st, target=target)
        out["exposure_s"] = round(time.perf_counter() - t, 2)
        out["exposure_summary"] = res["summary"]
        t = time.perf_counter()
        analytics.run("exposure", st, target=target, max_nm=7)
        out["exposure_max_nm_7_cached_s"] = round(time.perf_counter() - t, 2)
        t = time.perf_counter()
        ch = analytics.run("chokepoints", st)
        out["chokepoints_s"] = round(time.perf_counter() - t, 2)
        out["chokepoints_betweenness"] = ch["betweenness"]
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--store", type=Path, help="store directory (default: a temp dir)")
    ap.add_argument("--keep", action="store_true", help="keep the generated store")
    ap.add_argument("--target", default="TSMC")
    ap.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure(args.measure, args.target)))
        return
    path = args.store or Path(tempfile.mkdtemp(prefix="kg-an-bench-")) / "store"
    report: dict = {"triples_requested": args.triples}
    try:
        if not (path.exists() and any(path.iterdir())):
            report["build"] = build_store(path, args.triples)
        proc = subprocess.run([sys.executable, __file__, "--measure", str(path), "--target", args.target],
                              capture_output=True, text=True)
        if proc.returncode:
            sys.exit(f"measurement failed:\n{proc.stderr}")
        report.update(json.loads(proc.stdout))
    finally:
        if not args.keep and not args.store:
            shutil.rmtree(path.parent, ignore_errors=True)
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
