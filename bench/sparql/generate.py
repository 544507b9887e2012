"""Generate a contract-shaped graph of about N quads (N-Quads): vendors, foundries, process nodes, chips,
funding rounds, each fact with an aic:Evidence node, facts in one named graph per synthetic document.

    python bench/sparql/generate.py --triples 100000 --out bench/data/graph-100k.nq
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

AIC = "https://w3id.org/aichip/ontology#"
AID = "https://w3id.org/aichip/id/"
DOC = "https://w3id.org/aichip/doc/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
XSD = "http://www.w3.org/2001/XMLSchema#"


def iri(x: str) -> str:
    return f"<{x}>"


def lit(v, lang: str | None = None, dt: str | None = None) -> str:
    s = '"' + str(v).replace("\\", "\\\\").replace('"', '\\"') + '"'
    return s + (f"@{lang}" if lang else (f"^^<{dt}>" if dt else ""))


def generate(n_triples: int, seed: int = 7):
    rnd = random.Random(seed)
    # a chip's facts are stated by 1-4 documents (2.5 on average), each with its own evidence nodes:
    # ~22 quads per chip per document; organisations scale with chips
    chips = max(10, n_triples // 55)
    vendors = max(5, chips // 8)
    foundries = max(3, vendors // 20)
    nodes_per_foundry = 6
    docs = max(1, chips // 20)
    ev = 0

    def q(s, p, o, g):
        return f"{s} {p} {o} {iri(g)} .\n"

    ref = "https://w3id.org/aichip/graph/reference"
    for f in range(foundries):
        fi = iri(f"{AID}foundry-{f}")
        yield q(fi, iri(RDF + "type"), iri(AIC + "Foundry"), ref)
        yield q(fi, iri(RDFS + "label"), lit(f"Foundry {f}", "en"), ref)
        yield q(fi, iri(RDFS + "label"), lit(f"代工厂{f}", "zh"), ref)
        for k, nm in enumerate([3, 4, 5, 7, 12, 16][:nodes_per_foundry]):
            pi = iri(f"{AID}foundry-{f}-n{nm}")
            yield q(pi, iri(RDF + "type"), iri(AIC + "ProcessNode"), ref)
            yield q(pi, iri(AIC + "offeredBy"), fi, ref)
            yield q(pi, iri(AIC + "nodeNanometers"), lit(nm, dt=XSD + "integer"), ref)
            yield q(pi, iri(RDFS + "label"), lit(f"Foundry {f} {nm}nm", "en"), ref)
    for v in range(vendors):
        vi = iri(f"{AID}vendor-{v}")
        yield q(vi, iri(RDF + "type"), iri(AIC + "ChipVendor"), ref)
        yield q(vi, iri(RDFS + "label"), lit(f"Vendor {v}", "en"), ref)
        yield q(vi, iri(RDFS + "label"), lit(f"芯片厂商{v}", "zh"), ref)
        yield q(vi, iri(SKOS + "altLabel"), lit(f"V{v} Technologies", "en"), ref)
        yield q(vi, iri(AIC + "country"), lit(rnd.choice(["CN", "US", "JP", "KR", "TW"])), ref)
    for c in range(chips):
        ci = iri(f"{AID}chip-{c}")
        v = rnd.randrange(vendors)
        f = rnd.randrange(foundries)
        nm = rnd.choice([3, 4, 5, 7, 12, 16])
        kind = rnd.choice(["TrainingChip", "InferenceChip"])
        facts = [(ci, iri(AIC + "designedBy"), iri(f"{AID}vendor-{v}")),
                 (ci, iri(AIC + "manufacturedOn"), iri(f"{AID}foundry-{f}-n{nm}"))]
        for k in range(1 + c % 4):  # as in real corpora, the same fact comes from several documents
            g = f"{DOC}{(c + k * 7919) % docs}"
            yield from _chip_statements(q, ci, c, kind, facts, g, ev)
            ev += len(facts)


def _chip_statements(q, ci, c, kind, facts, g, ev):
    """One document's statement of a chip: its facts, each with an evidence node of that document."""
    yield q(ci, iri(RDF + "type"), iri(AIC + kind), g)
    yield q(ci, iri(RDF + "type"), iri(AIC + "Chip"), g)
    yield q(ci, iri(RDFS + "label"), lit(f"Chip {c}", "en"), g)
    yield q(ci, iri(AIC + "announcedIn"), lit(2015 + c % 10, dt=XSD + "gYear"), g)
    for s, p, o in facts:
        yield q(s, p, o, g)
        e = iri(f"{AID}evidence-{ev}")
        ev += 1
        yield q(e, iri(RDF + "type"), iri(AIC + "Evidence"), g)
        yield q(e, iri(RDF + "subject"), s, g)
        yield q(e, iri(RDF + "predicate"), p, g)
        yield q(e, iri(RDF + "object"), o, g)
        yield q(e, iri(AIC + "sentence"), lit(f"Chip {c} sentence about {p[-12:-1]}."), g)
        yield q(e, iri(AIC + "document"), iri(g), g)
        yield q(e, iri(AIC + "confidence"), lit("0.9", dt=XSD + "decimal"), g)
        yield q(e, iri(AIC + "extractor"), lit("bench"), g)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--triples", type=int, default=100_000)
    ap.add_argument("--out", type=Path, required=True)
    args = ap.parse_args()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with args.out.open("w", encoding="utf-8") as fh:
        for line in generate(args.triples):
            fh.write(line)
            n += 1
    print(f"{n} quads -> {args.out}")
    union = args.out.with_suffix(".union.nt")
    seen: set[str] = set()
    with args.out.open(encoding="utf-8") as src, union.open("w", encoding="utf-8") as fh:
        for line in src:
            triple = line.rsplit(" ", 2)[0]  # drop "<graph> ." (graph IRIs hold no spaces)
            if triple not in seen:
                seen.add(triple)
                fh.write(triple + " .\n")
    print(f"{len(seen)} distinct triples (the default graph as a set) -> {union}")


if __name__ == "__main__":
    main()
