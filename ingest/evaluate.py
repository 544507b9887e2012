"""Score extraction against hand-written gold files (corpus/gold/<doc>.tsv, .figures.tsv, .funding.tsv)
with the project's scorer `../shared/tools/kgeval.py`, per document and pooled per language."""
from __future__ import annotations

import importlib.util
import tempfile
from argparse import Namespace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def load_kgeval(path: Path | None = None):
    path = path or SHARED / "tools" / "kgeval.py"
    spec = importlib.util.spec_from_file_location("kgeval", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def gold_documents(corpus: Path = ROOT / "corpus") -> list[tuple[Path, Path]]:
    """(document, gold .tsv) pairs: corpus/gold/<stem>.tsv beside corpus/<lang>/<stem>.*, or a flat
    folder holding <stem>.txt and <stem>.tsv together (tests/fixtures/heldout)."""
    out = []
    gold_dir = corpus / "gold" if (corpus / "gold").is_dir() else corpus
    for gold in sorted(gold_dir.glob("*.tsv")):
        if gold.name.endswith((".figures.tsv", ".funding.tsv")):
            continue
        stem = gold.name[:-4]
        lang = stem.split("_", 1)[0]
        docs = [p for p in list((corpus / lang).glob(stem + ".*")) + list(gold_dir.glob(stem + ".*"))
                if p.suffix.lower() in (".txt", ".md", ".html", ".htm")]
        if docs:
            out.append((docs[0], gold))
    return out


def score_document(doc: Path, gold: Path, kgeval=None) -> dict:
    from ingest.run import ingest_paths
    from kg.store import open_store
    kgeval = kgeval or load_kgeval()
    store = open_store(":memory:")
    ingest_paths([str(doc)], store)
    with tempfile.NamedTemporaryFile(suffix=".nq", delete=False) as fh:
        fh.write(store.export("nquads"))
        path = fh.name
    figures = gold.with_name(gold.name[:-4] + ".figures.tsv")
    funding = gold.with_name(gold.name[:-4] + ".funding.tsv")
    args = Namespace(graph=path, gold=str(gold), figures=str(figures) if figures.exists() else None,
                     funding=str(funding) if funding.exists() else None)
    res = kgeval.eval_extraction(args)
    Path(path).unlink(missing_ok=True)
    return res


def score_corpus(corpus: Path = ROOT / "corpus", verbose: bool = False) -> dict:
    kgeval = load_kgeval()
    per_lang: dict[str, list[int]] = {}
    docs = {}
    for doc, gold in gold_documents(corpus):
        res = score_document(doc, gold, kgeval)
        lang = gold.name.split("_", 1)[0]
        tp, fp, fn = (res["overall"][k] for k in ("tp", "fp", "fn"))
        acc = per_lang.setdefault(lang, [0, 0, 0])
        acc[0] += tp
        acc[1] += fp
        acc[2] += fn
        docs[gold.name[:-4]] = res
        if verbose:
            print(gold.name[:-4], res["overall"])
            for line in res["misses"]:
                print("   miss:", line)
            for line in res["false_positives"]:
                print("   fp:  ", line)
    langs = {lang: kgeval.score(*v) for lang, v in per_lang.items()}
    unknown = unknown_name_recall(gold_documents(corpus), docs)
    return {"languages": langs, "documents": {k: v["overall"] for k, v in docs.items()}, "unknown_names": unknown}


def unknown_name_recall(pairs: list[tuple[Path, Path]], results: dict) -> dict:
    """Recall of gold entities none of whose spellings the vocabulary knows (what open-world extraction
    must find on its own), pooled per language: found = the entity row is not among the misses."""
    import ontology
    from ontology.normalize import key
    known = {key(n) for e in ontology.load_vocab() for n in e.names}
    per_lang: dict[str, list[int]] = {}
    for _, gold in pairs:
        res = results.get(gold.name[:-4])
        if res is None:
            continue
        missed = {line.split(": ", 1)[1].rsplit(" a ", 1)[0] for line in res["misses"] if line.startswith("type: ")}
        acc = per_lang.setdefault(gold.name.split("_", 1)[0], [0, 0])
        for line in gold.read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            if line.startswith("#") or len(cells) < 3 or cells[1] != "a":
                continue
            names = [n.strip() for n in cells[0].split("|") if n.strip()]
            if not names or any(key(n) in known for n in names):
                continue
            acc[1] += 1
            acc[0] += names[0] not in missed
    return {lang: {"found": f, "total": t, "recall": round(f / t, 3) if t else None} for lang, (f, t) in per_lang.items()}


if __name__ == "__main__":
    import json
    import sys
    argv = sys.argv[1:]
    seed = None
    if "--swap-names" in argv:  # score copies with invented names (ingest/swap_eval.py)
        i = argv.index("--swap-names")
        seed = int(argv[i + 1])
        del argv[i:i + 2]
    args = [a for a in argv if not a.startswith("-")]
    corpus = Path(args[0]) if args else ROOT / "corpus"
    if seed is None:
        res = score_corpus(corpus, verbose="-v" in argv)
    else:
        from ingest.swap_eval import score_swapped
        res = score_swapped(corpus, seed, verbose="-v" in argv, keep="--keep" in argv)
    print(json.dumps(res["languages"], indent=1))
    print("unknown-name recall (gold entities the vocabulary lacks):", json.dumps(res["unknown_names"]))
