"""DocBins from data/docs.jsonl and `spacy train` with config.cfg: `python -m ingest.train.relclass.fit [all|en|ja|zh]…`.

`all` is one model over the three languages (the markers are shared and each language has few pairs);
a language name trains on that language's documents only. Train on the `train` sets, choose the checkpoint
on `dev` (dataset.SPLITS); the `test` sets are never read here."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ingest.train.relclass.dataset import CLASSES, HERE, SPLITS, load

CORPUS = HERE / "corpus"
MODELS = HERE / "model"


def docbin(records: list[dict], out: Path) -> int:
    import spacy
    from spacy.tokens import Doc, DocBin
    nlp = spacy.blank("xx")
    db = DocBin(store_user_data=False)
    n = 0
    for rec in records:
        for c in rec["candidates"]:
            doc = Doc(nlp.vocab, words=c["tokens"])
            doc.cats = {k: float(k == c["label"]) for k in CLASSES}
            db.add(doc)
            n += 1
    out.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(out)
    return n


def make_corpus(name: str, docs: list[dict]) -> dict[str, Path]:
    paths = {}
    for split in ("train", "dev"):
        recs = [d for d in docs if d["set"] in SPLITS[split] and name in ("all", d["lang"])]
        paths[split] = CORPUS / name / f"{split}.spacy"
        print(name, split, docbin(recs, paths[split]), "pairs", file=sys.stderr)
    return paths


def train(name: str, docs: list[dict]) -> Path:
    paths = make_corpus(name, docs)
    out = MODELS / name
    subprocess.run(["nice", "-n", "15", sys.executable, "-m", "spacy", "train", str(HERE / "config.cfg"),
                    "--output", str(out), "--paths.train", str(paths["train"]), "--paths.dev", str(paths["dev"])],
                   check=True)
    return out / "model-best"


if __name__ == "__main__":
    records = load()
    for arg in sys.argv[1:] or ["all"]:
        train(arg, records)
