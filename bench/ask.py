"""bench/ask: median time per question vs the time of the SPARQL it generates, in the same run.

    .venv/bin/python bench/ask.py --store STORE [--questions Q.jsonl ...] [--repeat 5] [--json]

For every question: warm up once, then `repeat` times each of (a) the whole `api.ask.answer`, (b) the
understanding step alone (entity linking, constraints, form choice), (c) the generated SPARQL alone through the
same store. Reports medians over questions with a bootstrap 95% interval, and the ratio ask / SPARQL.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _median_ci(xs: list[float], n: int = 1000, seed: int = 7) -> tuple[float, float, float]:
    rnd = random.Random(seed)
    meds = sorted(statistics.median(rnd.choices(xs, k=len(xs))) for _ in range(n))
    return statistics.median(xs), meds[int(0.025 * n)], meds[int(0.975 * n)]


def _best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", required=True)
    ap.add_argument("--questions", nargs="*", default=[
        str(ROOT / ".." / "shared" / "eval" / "reference-questions.jsonl"),
        str(ROOT / "tests" / "fixtures" / "questions" / "reference-paraphrases.jsonl"),
        str(ROOT / "tests" / "fixtures" / "questions" / "corpus-questions.jsonl")])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    from api.ask import _choose, answer
    from api.ask.understand import understand
    from kg.store import open_store

    store = open_store(args.store)
    qs = [json.loads(line)["q"] for p in args.questions if Path(p).exists()
          for line in Path(p).read_text(encoding="utf-8").splitlines() if line.strip()]
    t0 = time.perf_counter()
    answer("warm up: which vendors rely on TSMC 4nm?", store)  # builds the entity index once
    index_build = time.perf_counter() - t0
    total, underst, sparql, ratios = [], [], [], []
    for q in qs:
        res = answer(q, store)
        if not res.get("understood") or not res.get("sparql"):
            continue
        query = res["sparql"].split("\n\n")[0]
        a = _best(lambda: answer(q, store), args.repeat)
        u = _best(lambda: _choose(*understand(q, store)), args.repeat)
        s = _best(lambda: store.query(query), args.repeat)
        total.append(a)
        underst.append(u)
        sparql.append(s)
        ratios.append(a / s if s else float("nan"))
    ms = lambda xs: [round(x * 1000, 2) for x in _median_ci(xs)]  # noqa: E731
    out = {"questions": len(total), "store_quads": len(store), "index_build_ms": round(index_build * 1000, 1),
           "ask_ms": ms(total), "understand_ms": ms(underst), "sparql_ms": ms(sparql),
           "ratio_ask_over_sparql": round(statistics.median(ratios), 2)}
    if args.json:
        print(json.dumps(out))
    else:
        print(f"{out['questions']} questions over {out['store_quads']} quads (entity index built in "
              f"{out['index_build_ms']} ms, once per store state)")
        for k in ("ask_ms", "understand_ms", "sparql_ms"):
            med, lo, hi = out[k]
            print(f"  {k:15s} median {med:8.2f} ms  (95% CI {lo:.2f}-{hi:.2f})")
        print(f"  median ratio ask / generated SPARQL: {out['ratio_ask_over_sparql']}")
    return out


if __name__ == "__main__":
    main()
