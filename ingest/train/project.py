"""Gold projection: the names a gold file lists (every spelling), and the vocabulary names, found in the
document's text, as labelled character spans per sentence.

A gold row `NAME|SPELLING…  a  CLASS|…` says the document names an entity of that class; every place one
of its spellings occurs (case-, width- and spacing-insensitive, the vocabulary ruler's matcher) is a
span with the label of its class. Vocabulary names add spans where no gold name lies.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import ontology
from ontology.gazetteer import Gazetteer
from ingest.readers import read
from ingest.segment import sentences

LABELS = ("ORG", "CHIP", "CLUSTER", "ARCH", "RESEARCH")
CHIP_CLASSES = {"Chip", "TrainingChip", "InferenceChip"}
ORG_CLASSES = {"Organization", "ChipVendor", "Foundry", "Investor"}


@dataclass(frozen=True)
class Span:
    start: int  # offsets into the sentence
    end: int
    label: str
    entity: str  # which entity (gold row or vocabulary id): one invented name per entity and document
    role: str  # vendor | investor | foundry | research | org (what kind of invented name fits)


@dataclass
class Example:
    text: str
    spans: list[Span] = field(default_factory=list)
    doc: str = ""
    lang: str = "en"  # the sentence's language: it goes to that language's pipeline at ingest


def label_of(classes: set[str]) -> tuple[str, str] | None:
    """(label, role) for a set of ontology classes, None for classes the recogniser does not learn."""
    if "ComputingCluster" in classes:
        return "CLUSTER", "org"
    if classes & CHIP_CLASSES:
        return "CHIP", "org"
    if classes & {"Architecture", "Microarchitecture"}:
        return "ARCH", "org"
    if "ResearchFirm" in classes and not classes & {"ChipVendor", "Foundry", "Investor"}:
        return "RESEARCH", "research"
    if classes & ORG_CLASSES:
        for cls, role in (("ChipVendor", "vendor"), ("Foundry", "foundry"), ("Investor", "investor")):
            if cls in classes:
                return "ORG", role
        return "ORG", "org"
    return None


def gold_entities(gold: Path) -> list[tuple[list[str], str, str]]:
    """(spellings, label, role) for each `a` row of a gold file."""
    out = []
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or cols[1] != "a" or cols[0].startswith("process:"):
            continue
        lr = label_of(set(cols[2].split("|")))
        if lr:
            out.append(([s for s in cols[0].split("|") if s.strip()], *lr))
    return out


@lru_cache(maxsize=1)
def vocab_gazetteer() -> tuple[Gazetteer, dict]:
    g = Gazetteer(min_len=2)
    labels = {}
    for e in ontology.load_vocab():
        if e.source == "process_nodes":
            continue
        lr = label_of(set(e.types) | ({"Architecture"} if e.source == "architectures" else set()))
        if not lr:
            continue
        labels["v:" + e.id] = lr
        for name in e.names:
            g.add(name, "v:" + e.id)
    return g.finalize(), labels


def project(doc: Path, gold: Path | None) -> list[Example]:
    """The document's sentences with their labelled spans."""
    raw = read(doc)
    text = raw.text
    hits: list[tuple[int, int, str, str, str]] = []
    if gold is not None:
        g = Gazetteer(min_len=1)
        info = {}
        for i, (names, label, role) in enumerate(gold_entities(gold)):
            info[f"g:{i}"] = (label, role)
            for n in names:
                g.add(n, f"g:{i}")
        for h in g.finalize().find(text):
            label, role = info[h.ids[0]]
            hits.append((h.start, h.end, label, h.ids[0], role))
    vg, vlabels = vocab_gazetteer()
    for h in vg.find(text):
        if any(s < h.end and h.start < e for s, e, *_ in hits):
            continue
        label, role = vlabels[h.ids[0]]
        hits.append((h.start, h.end, label, h.ids[0], role))
    hits.sort()
    out = []
    for s in sentences(text, raw.body_start):
        spans = [Span(a - s.start, b - s.start, lab, ent, role) for a, b, lab, ent, role in hits
                 if a >= s.start and b <= s.end and text[a:b].strip()]
        out.append(Example(s.text, spans, doc.name, s.lang))
    return out


def gold_files(root: Path) -> list[tuple[Path, Path | None]]:
    """(document, gold or None) for a corpus folder (corpus/<lang>/ + corpus/gold/) or a flat folder."""
    from ingest.evaluate import gold_documents
    from ingest.run import collect_paths
    pairs = gold_documents(root)
    with_gold = {str(d) for d, _ in pairs}
    files, _ = collect_paths([str(root)])
    return pairs + [(Path(f), None) for f in files if f not in with_gold]
