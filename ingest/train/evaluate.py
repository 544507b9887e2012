"""Span precision/recall of the trained recognisers on the dev data (never trained on).

    .venv/bin/python -m ingest.train.evaluate [--corpus ingest/train/corpus]

`dev`: tests/fixtures/heldout4 and dev_invented4 as written (corpus.DEV_SETS); "unknown" counts only gold
names the vocabulary does not know (and predictions not overlapping a vocabulary name). `dev_invented`: the
same documents with every name replaced by an invented one, so every name is unknown. Exact spans;
"labelled" also needs the label.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from spacy.tokens import Doc, DocBin

from ingest.components.ner import MODELS, load_model
from ingest.pipeline import LANGS
from ingest.train.project import vocab_gazetteer

ROOT = Path(__file__).resolve().parents[2]


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "tp": tp, "fp": fp, "fn": fn}


def score(lang: str, path: Path, only_unknown: bool, models: Path = MODELS) -> dict:
    nlp = load_model(str(models / lang))
    db = DocBin().from_disk(path)
    vg, _ = vocab_gazetteer()
    acc = {"spans": [0, 0, 0], "labelled": [0, 0, 0]}
    per_label: dict[str, list[int]] = {}
    for gold in db.get_docs(nlp.vocab):
        known = [(h.start, h.end) for h in vg.find(gold.text)] if only_unknown else []
        def unknown(s, e):
            return not any(a < e and s < b for a, b in known)
        g = {(e.start_char, e.end_char): e.label_ for e in gold.ents if unknown(e.start_char, e.end_char)}
        pred_doc = nlp.get_pipe("ner")(Doc(nlp.vocab, words=[t.text for t in gold],
                                           spaces=[bool(t.whitespace_) for t in gold]))
        # tokens marked unknown in the gold (names cut inside a token) are not scored
        missing = {t.idx for t in gold if t.ent_iob == 0}
        p = {(e.start_char, e.end_char): e.label_ for e in pred_doc.ents
             if unknown(e.start_char, e.end_char) and not any(gold[i].idx in missing for i in range(e.start, e.end))}
        for key, exact in (("spans", False), ("labelled", True)):
            tp = sum(1 for k, lab in p.items() if k in g and (not exact or g[k] == lab))
            acc[key][0] += tp
            acc[key][1] += len(p) - tp
            acc[key][2] += len(g) - tp
        for k, lab in g.items():
            c = per_label.setdefault(lab, [0, 0, 0])
            if p.get(k) == lab:
                c[0] += 1
            else:
                c[2] += 1
        for k, lab in p.items():
            if g.get(k) != lab:
                per_label.setdefault(lab, [0, 0, 0])[1] += 1
    return {**{k: prf(*v) for k, v in acc.items()}, "per_label": {k: prf(*v) for k, v in sorted(per_label.items())}}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(ROOT / "ingest" / "train" / "corpus"))
    ap.add_argument("--lang", action="append")
    ap.add_argument("--models", default=str(MODELS), help="a folder of <lang>/ models (default ingest/models)")
    args = ap.parse_args()
    out = {}
    for lang in args.lang or LANGS:
        base = Path(args.corpus) / lang
        m = Path(args.models)
        out[lang] = {"dev_unknown_names": score(lang, base / "dev.spacy", True, m),
                     "dev_all_names": score(lang, base / "dev.spacy", False, m),
                     "dev_invented": score(lang, base / "dev_invented.spacy", False, m)}
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
