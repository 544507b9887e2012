"""Compare the cue rules, the classifier and both on the same candidate pairs of the test sets:
`python -m ingest.train.relclass.measure [MODEL …] [--data D] [--out F]` (default model/all/model-best) prints the table and writes
results.json.

Unit: a (relation, head entity, tail entity) fact of one document, matched to gold as kgeval does (names, and
process nodes by foundry + nm). Two views:
- `pairs`: only facts whose two entities the pipeline found in one sentence (the candidates): the gold facts
  some candidate pair matches, and the predictions on candidate pairs. Same pairs for every system.
- `all`: every gold fact and every prediction, so the rules also get credit for what they find across sentences
  (a round "led by X" whose company is named in the sentence before), which the classifier cannot see.
Systems: rules (the pipeline's facts), clf (argmax over NONE + the classes the pair's kinds allow, per sentence,
a document-level fact when any sentence says so), union, and fill (rules first; the classifier only for a chip
the rules gave no designer / process, or a company the rules gave no investor of that relation)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ingest.evaluate import load_kgeval
from ingest.train.relclass.dataset import HERE, PAIR_CLASSES, RELATIONS, SPLITS, load, matches

IMPLIES = {"leadInvestor": ("leadInvestor", "investedIn"), "investor": ("investor", "investedIn"),
           "investedIn": ("investedIn",), "designedBy": ("designedBy",), "manufacturedOn": ("manufacturedOn",)}


def classify(model: Path, docs: list[dict]) -> dict[str, set]:
    """doc name → {(relation, head, tail)} the classifier states somewhere in the document."""
    import spacy
    from spacy.tokens import Doc
    nlp = spacy.load(model)
    textcat = nlp.get_pipe("textcat")
    out: dict[str, set] = {}
    for rec in docs:
        preds = out.setdefault(rec["doc"], set())
        cands = rec["candidates"]
        for c, d in zip(cands, textcat.pipe(Doc(nlp.vocab, words=c["tokens"]) for c in cands)):
            allowed = ("NONE",) + PAIR_CLASSES[tuple(c["pair"].split("-"))]
            best = max(allowed, key=lambda k: d.cats.get(k, 0.0))
            if best != "NONE":
                preds |= {(r, c["head"], c["tail"]) for r in IMPLIES[best]}
    return out


def fill(rules: set, clf: set) -> set:
    """Rules first; a classifier fact only where the rules said nothing of that relation for its anchor (the chip
    for designedBy/manufacturedOn, the company for the investor relations)."""
    def anchor(t):
        return (t[0], t[1]) if t[0] in ("designedBy", "manufacturedOn") else (t[0], t[2])
    covered = {anchor(t) for t in rules}
    return rules | {t for t in clf if anchor(t) not in covered}


def score_docs(docs: list[dict], systems: dict[str, dict[str, set]], view: str, norm) -> dict:
    """system → relation → [tp, fp, fn] (and "overall")."""
    res = {s: {r: [0, 0, 0] for r in RELATIONS + ("overall",)} for s in systems}
    for rec in docs:
        keys = rec["keys"]
        cand = {(c["head"], c["tail"]) for c in rec["candidates"]}
        pair_kinds = {(c["head"], c["tail"]): PAIR_CLASSES[tuple(c["pair"].split("-"))] for c in rec["candidates"]}
        gold = rec["gold"]
        if view == "pairs":
            gold = [g for g in gold if any(g[0] in rels and matches(keys, h, g[1], norm) and matches(keys, t, g[2], norm)
                                           for (h, t), rels in pair_kinds.items())]
        for name, preds in systems.items():
            p = preds.get(rec["doc"], set())
            if view == "pairs":
                p = {t for t in p if (t[1], t[2]) in cand and t[0] in pair_kinds[(t[1], t[2])]}
            for rel in RELATIONS:
                g = [x for x in gold if x[0] == rel]
                pr = [t for t in p if t[0] == rel]
                tp = sum(any(matches(keys, t[1], x[1], norm) and matches(keys, t[2], x[2], norm) for t in pr) for x in g)
                fp = sum(not any(matches(keys, t[1], x[1], norm) and matches(keys, t[2], x[2], norm) for x in g) for t in pr)
                for acc in (res[name][rel], res[name]["overall"]):
                    acc[0] += tp
                    acc[1] += fp
                    acc[2] += len(g) - tp
    return res


def prf(tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{p:.2f}/{r:.2f}/{f:.2f} ({tp},{fp},{fn})"


def markdown(res: dict) -> str:
    """One view's scores (system → relation → [tp, fp, fn]) as a Markdown table."""
    systems = list(res)
    rows = ["| relation | " + " | ".join(systems) + " |", "|---" * (len(systems) + 1) + "|"]
    for rel in RELATIONS + ("overall",):
        rows.append(f"| {rel} | " + " | ".join(prf(*res[s][rel]) for s in systems) + " |")
    return "\n".join(rows)


def counts(docs: list[dict]) -> dict:
    """Candidate pairs per label and language."""
    out: dict = {}
    for rec in docs:
        for c in rec["candidates"]:
            out.setdefault(rec["lang"], {}).setdefault(c["label"], 0)
            out[rec["lang"]][c["label"]] += 1
    return out


def main(models: list[str], data: Path | None = None, out: Path = HERE / "results.json") -> dict:
    norm = load_kgeval().norm
    records = load(data) if data else load()
    test = [d for d in records if d["set"] in SPLITS["test"]]
    rules = {d["doc"]: {tuple(t) for t in d["rules"]} for d in test}
    results: dict = {"pairs": {split: counts([d for d in records if d["set"] in SPLITS[split]]) for split in SPLITS}}
    for model in models:
        path = Path(model)
        if path.name != "model-best":
            path = HERE / "model" / model / "model-best"
        if path.parent.name == "all":
            clf = classify(path, test)
        else:  # a language's model predicts its language's documents
            clf = classify(path, [d for d in test if d["lang"] == path.parent.name])
        scope = [d for d in test if path.parent.name in ("all", d["lang"])]
        systems = {"rules": rules, "clf": clf, "union": {k: rules[k] | clf.get(k, set()) for k in rules},
                   "fill": {k: fill(rules[k], clf.get(k, set())) for k in rules}}
        for view in ("pairs", "all"):
            for lang in ("all", "en", "ja", "zh"):
                docs = [d for d in scope if lang in ("all", d["lang"])]
                if not docs:
                    continue
                res = score_docs(docs, systems, view, norm)
                results.setdefault(path.parent.name, {}).setdefault(view, {})[lang] = res
                print(f"\n== model {path.parent.name} · view {view} · test docs {lang} ({len(docs)}) · P/R/F1 (tp,fp,fn)")
                print(f"{'relation':15}" + "".join(f"{s:>28}" for s in systems))
                for rel in RELATIONS + ("overall",):
                    print(f"{rel:15}" + "".join(f"{prf(*res[s][rel]):>28}" for s in systems))
    out.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    return results


if __name__ == "__main__":
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("models", nargs="*", default=["all"])
    ap.add_argument("--data", type=Path, help="a docs.jsonl other than data/docs.jsonl (e.g. from an older pipeline)")
    ap.add_argument("--out", type=Path, default=HERE / "results.json")
    a = ap.parse_args()
    main(a.models, a.data, a.out)
