"""Candidate pairs from the pipeline's own mentions, labelled from the gold files, with what the cue rules
said about each pair: `python -m ingest.train.relclass.dataset` writes data/docs.jsonl (one line per document).

A candidate is two entity mentions of one sentence whose kinds fit a relation: chip–org (designedBy),
chip–node (manufacturedOn), org–org in both orders (investedIn, and the round roles leadInvestor / investor).
Its label is the gold relation between the two entities in the document (distant supervision: the document's
gold, not the sentence's), NONE otherwise. The rules' answer is read from the facts the full pipeline produced
for the document (rounds turned into role pairs: round leadInvestor L + round fundedCompany C = L lead of C)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ingest.evaluate import ROOT, gold_documents, load_kgeval
from ingest.train.relclass.marking import marked

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
FIX = ROOT / "tests" / "fixtures"
SETS = {"corpus": ROOT / "corpus", "heldout": FIX / "heldout", "heldout2": FIX / "heldout2",
        "invented": FIX / "invented", "dev_invented": FIX / "dev_invented", "heldout3": FIX / "heldout3",
        "heldout4": FIX / "heldout4", "dev_invented2": FIX / "dev_invented2"}
SPLITS = {"train": ("corpus", "heldout", "heldout2", "invented"), "dev": ("dev_invented",),
          "test": ("heldout3", "heldout4", "dev_invented2")}
RELATIONS = ("designedBy", "manufacturedOn", "investedIn", "leadInvestor", "investor")
CLASSES = ("NONE",) + RELATIONS
PAIR_CLASSES = {("chip", "org"): ("designedBy",), ("chip", "node"): ("manufacturedOn",),
                ("org", "org"): ("investedIn", "leadInvestor", "investor")}
ROLES = ("leadInvestor", "investor")


def gold_facts(gold: Path) -> list[list[str]]:
    """[relation, subject spec, object spec]: relation rows of the .tsv, and round roles of the .funding.tsv
    (a lead as leadInvestor; a listed investor who is not a lead as investor)."""
    kgeval = load_kgeval()
    out = [[p, s, o] for s, p, o in (r[:3] for r in kgeval.read_tsv(str(gold)) if len(r) >= 3)
           if p in ("designedBy", "manufacturedOn", "investedIn")]
    funding = gold.with_name(gold.name[:-4] + ".funding.tsv")
    if funding.exists():
        for row in kgeval.read_tsv(str(funding))[1:]:
            row = row + [""] * (7 - len(row))
            company, leads, investors = row[0], row[5], row[6]
            lead_names = {kgeval.norm(n) for cell in leads.split(";") for n in cell.split("|") if n}
            for cell in filter(None, leads.split(";")):
                out.append(["leadInvestor", cell, company])
            for cell in filter(None, investors.split(";")):
                if not {kgeval.norm(n) for n in cell.split("|")} & lead_names:
                    out.append(["investor", cell, company])
    return out


def key_info(ex) -> dict:
    """Per entity key: the normalised names the graph would label it with, and for process nodes
    (foundry names, nanometres) as kgeval matches `process:FOUNDRY:NM`."""
    import ontology
    kgeval = load_kgeval()
    vocab = ontology.load_vocab()
    info: dict[str, dict] = {}

    def names_of(key: str) -> set:
        if key.startswith("id:") and key[3:] in vocab:
            return {kgeval.norm(n) for n in vocab[key[3:]].names}
        return {kgeval.norm(key.split(":", 2)[-1])} if key.startswith("new:") else set()

    for r in ex.results:
        for m in r.mentions:
            if m.kind not in ("org", "chip", "node"):
                continue
            d = info.setdefault(m.key, {"names": set(names_of(m.key)), "node": None})
            d["names"].add(kgeval.norm(m.text))
            if m.kind == "node":
                entry = vocab[m.ids[0]] if m.ids and m.ids[0] in vocab else None
                nm = m.value if m.value is not None else (entry.nanometers if entry else None)
                foundry = m.extra.get("foundry") or (entry.foundry if entry else "")
                fkey = foundry if ":" in foundry else "id:" + foundry if foundry else ""
                d["node"] = [sorted(names_of(fkey)) if fkey else [], nm]
    return {k: {"names": sorted(v["names"]), "node": v["node"]} for k, v in info.items()}


def rule_pairs(ex) -> list[list[str]]:
    """(relation, a, b) the pipeline's facts state, round roles resolved to (investor, company)."""
    facts = [f for r in ex.results for f in r.facts]
    funded: dict[str, set] = {}
    for f in facts:
        if f.predicate == "fundedCompany":
            funded.setdefault(f.subject, set()).add(f.object)
    out = set()
    for f in facts:
        if f.predicate in ("designedBy", "manufacturedOn", "investedIn") and not f.literal:
            out.add((f.predicate, f.subject, f.object))
        elif f.predicate in ROLES:
            for c in funded.get(f.subject, ()):
                out.add((f.predicate, f.object, c))
                out.add(("investedIn", f.object, c))
    return sorted(list(t) for t in out)


def candidates(ex) -> list[dict]:
    out = []
    for si, r in enumerate(ex.results):
        ents = [m for m in r.mentions if m.kind in ("org", "chip", "node")]
        spans = [(m.start, m.end, m.kind) for m in r.mentions
                 if m.kind in ("org", "chip", "node", "cluster", "arch", "money", "round")]
        index = {(m.start, m.end, m.kind): i for i, m in enumerate(
            [m for m in r.mentions if m.kind in ("org", "chip", "node", "cluster", "arch", "money", "round")])}
        seen = set()
        for a in ents:
            for b in ents:
                if (a.kind, b.kind) not in PAIR_CLASSES or a.key == b.key or (a.key, b.key) in seen:
                    continue
                if a.start < b.end and b.start < a.end:
                    continue
                seen.add((a.key, b.key))  # one candidate per key pair and sentence: the first mentions
                toks = marked(r.sentence.text, spans, index[(a.start, a.end, a.kind)], index[(b.start, b.end, b.kind)])
                out.append({"sent": si, "head": a.key, "tail": b.key, "pair": f"{a.kind}-{b.kind}", "tokens": toks})
    return out


def matches(info: dict, key: str, spec: str, norm) -> bool:
    d = info.get(key)
    if d is None:
        return False
    if spec.startswith("process:"):
        _, foundry, nm = spec.split(":")
        if not d["node"] or d["node"][1] is None:
            return False
        return float(d["node"][1]) == float(nm) and bool({norm(n) for n in foundry.split("|")} & set(d["node"][0]))
    return bool({norm(n) for n in spec.split("|")} & set(d["names"]))


def label(doc: dict, head: str, tail: str, pair: str, norm) -> str:
    """The gold relation of the pair in the document, the most specific first (a lead is also investedIn)."""
    allowed = PAIR_CLASSES[tuple(pair.split("-"))]
    for rel in ("leadInvestor", "investor", "investedIn", "designedBy", "manufacturedOn"):
        if rel in allowed and any(g[0] == rel and matches(doc["keys"], head, g[1], norm)
                                  and matches(doc["keys"], tail, g[2], norm) for g in doc["gold"]):
            return rel
    return "NONE"


def document_record(set_name: str, path: Path, gold: Path) -> dict:
    from ingest.extract import extract
    from ingest.readers import read
    norm = load_kgeval().norm
    ex = extract(read(path))
    doc = {"set": set_name, "doc": gold.name[:-4], "lang": gold.name.split("_", 1)[0], "gold": gold_facts(gold),
           "keys": key_info(ex), "rules": rule_pairs(ex), "candidates": candidates(ex),
           "sentences": [r.sentence.text for r in ex.results]}
    for c in doc["candidates"]:
        c["label"] = label(doc, c["head"], c["tail"], c["pair"], norm)
    return doc


def build(sets: list[str] | None = None, out: Path = DATA / "docs.jsonl") -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for name in sets or list(SETS):
            for path, gold in gold_documents(SETS[name]):
                rec = document_record(name, path, gold)
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
                print(name, rec["doc"], len(rec["candidates"]), "candidates", file=sys.stderr)


def load(path: Path = DATA / "docs.jsonl") -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


if __name__ == "__main__":
    build(sys.argv[1:] or None)
