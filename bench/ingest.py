"""Ingest throughput: our extraction vs the bare spaCy pipelines on the same texts, in the same run.

The corpus is repeated until it holds at least --chars characters. "bare" runs each language's base
model (GiNZA / spaCy zh+jieba / spaCy en) with `nlp.pipe` over the same sentences; "ours" runs the whole
extraction (segmentation, base models, our components, RDF triples with evidence). Both use --workers
processes. Prints documents/s, tokens/s and the ratio ours/bare, and writes bench/results/ingest.json.

    .venv/bin/python bench/ingest.py --chars 1000000 --workers 1

`--kg-ingest` measures the command itself, end to end: `kg ingest DIR --workers 2` (new store) over the
bundled corpus copied `--copies` times, against a process that runs the bare base pipelines over the
same files with the same number of worker processes (each loading its models, as `kg ingest` does),
alternating, in the same run:

    .venv/bin/python bench/ingest.py --kg-ingest --copies 4 --workers 2 --rounds 2
"""
from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def load_docs(chars: int) -> list[str]:
    from ingest.readers import read
    from ingest.run import collect_paths
    files, _ = collect_paths([str(ROOT / "corpus")])
    base = [str(p) for p in files]
    out, total = [], 0
    while total < chars:
        for p in base:
            out.append(p)
            total += len(read(p).text)
            if total >= chars:
                break
    return out


def bare_one(path: str) -> int:
    from ingest.pipeline import base_only
    from ingest.readers import read
    from ingest.segment import sentences
    raw = read(path)
    sents = sentences(raw.text, raw.body_start)
    tokens = 0
    by_lang: dict[str, list[str]] = {}
    for s in sents:
        by_lang.setdefault(s.lang, []).append(s.text)
    for lang, texts in by_lang.items():
        nlp = _bare(lang)
        for d in nlp.pipe(texts, batch_size=64):
            tokens += len(d)
    return tokens


_BARE: dict = {}


def _bare(lang: str):
    from ingest.pipeline import base_only
    if lang not in _BARE:
        _BARE[lang] = base_only(lang)
    return _BARE[lang]


def ours_one(path: str) -> int:
    from ingest.extract import extract
    from ingest.graph import document_triples
    from ingest.readers import read
    raw = read(path)
    ex = extract(raw)
    document_triples(ex, "https://w3id.org/aichip/doc/bench", path, "x")
    return ex.tokens


def warm(kind: str) -> None:
    for lang in ("ja", "zh", "en"):
        if kind == "bare":
            _bare(lang)
        else:
            from ingest.pipeline import build
            build(lang)


def run(kind: str, paths: list[str], workers: int) -> tuple[float, int]:
    fn = bare_one if kind == "bare" else ours_one
    t0 = time.perf_counter()
    if workers == 1:
        warm(kind)
        t0 = time.perf_counter()
        tokens = sum(fn(p) for p in paths)
    else:
        with ProcessPoolExecutor(workers, initializer=warm, initargs=(kind,)) as pool:
            list(pool.map(fn, paths[:workers]))  # warm every worker before timing
            t0 = time.perf_counter()
            tokens = sum(pool.map(fn, paths, chunksize=4))
    return time.perf_counter() - t0, tokens


def copy_corpus(dest: Path, copies: int) -> list[str]:
    """The bundled corpus (documents only, no gold) copied `copies` times under dest."""
    from ingest.run import collect_paths
    files, _ = collect_paths([str(ROOT / "corpus")])
    for i in range(copies):
        for f in files:
            target = dest / f"copy{i}" / Path(f).relative_to(ROOT / "corpus")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, target)
    return collect_paths([str(dest)])[0]


def bare_files(folder: str, workers: int) -> int:
    """The bare base pipelines over every file of a folder with `workers` processes (as kg ingest)."""
    from ingest.run import collect_paths
    files, _ = collect_paths([folder])
    with ProcessPoolExecutor(workers, initializer=warm, initargs=("bare",)) as pool:
        return sum(pool.map(bare_one, files, chunksize=1))


def kg_ingest_compare(copies: int, workers: int, rounds: int) -> dict:
    kg = str(Path(sys.executable).with_name("kg"))
    res: dict[str, list[float]] = {"bare": [], "kg_ingest": []}
    with tempfile.TemporaryDirectory() as tmp:
        files = copy_corpus(Path(tmp) / "docs", copies)
        for r in range(rounds):
            for kind in ("bare", "kg_ingest"):
                if kind == "bare":
                    cmd = [sys.executable, __file__, "--bare-files", str(Path(tmp) / "docs"), "--workers", str(workers)]
                else:
                    store = Path(tmp) / f"store{r}"
                    cmd = [kg, "ingest", str(Path(tmp) / "docs"), "--workers", str(workers), "--store", str(store)]
                t0 = time.perf_counter()
                subprocess.run(cmd, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
                res[kind].append(time.perf_counter() - t0)
    med = {k: statistics.median(v) for k, v in res.items()}
    return {"command": f"kg ingest --workers {workers}", "documents": len(files), "copies": copies,
            "workers": workers, "rounds": rounds, "bare_seconds": [round(x, 1) for x in res["bare"]],
            "kg_ingest_seconds": [round(x, 1) for x in res["kg_ingest"]],
            "ratio_kg_ingest_over_bare": round(med["kg_ingest"] / med["bare"], 3), "target_ratio": 1.5}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kg-ingest", action="store_true", help="time `kg ingest` itself against the bare pipelines")
    ap.add_argument("--copies", type=int, default=4)
    ap.add_argument("--bare-files", help=argparse.SUPPRESS)
    ap.add_argument("--chars", type=int, default=1_000_000)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=1, help="alternate bare/ours this many times; medians reported")
    args = ap.parse_args()
    if args.bare_files:
        bare_files(args.bare_files, args.workers)
        return
    if args.kg_ingest:
        out = kg_ingest_compare(args.copies, args.workers, args.rounds)
        print(json.dumps(out, indent=1))
        dest = ROOT / "bench" / "results" / f"kg-ingest-w{args.workers}.json"
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(json.dumps(out, indent=1) + "\n")
        return
    paths = load_docs(args.chars)
    from ingest.readers import read
    chars = sum(len(read(p).text) for p in paths)
    res: dict[str, list] = {"bare": [], "ours": []}
    tokens = {}
    for _ in range(args.rounds):
        for kind in ("bare", "ours"):
            secs, toks = run(kind, paths, args.workers)
            res[kind].append(secs)
            tokens[kind] = toks
    med = {k: statistics.median(v) for k, v in res.items()}
    out = {
        "documents": len(paths), "characters": chars, "workers": args.workers, "rounds": args.rounds,
        "bare_seconds": round(med["bare"], 2), "ours_seconds": round(med["ours"], 2),
        "bare_docs_per_s": round(len(paths) / med["bare"], 2), "ours_docs_per_s": round(len(paths) / med["ours"], 2),
        "bare_tokens_per_s": round(tokens["bare"] / med["bare"]), "ours_tokens_per_s": round(tokens["ours"] / med["ours"]),
        "ratio_ours_over_bare": round(med["ours"] / med["bare"], 3), "target_ratio": 1.5,
    }
    print(json.dumps(out, indent=1))
    dest = ROOT / "bench" / "results" / f"ingest-w{args.workers}.json"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
