"""Extraction → RDF triples for one document's named graph, in the contract's terms.

Entities get their vocabulary labels (en/ja/zh, aliases as skos:altLabel), the surface form as an
altLabel, country, and the classes the document supports (a company that designs a chip here is a
ChipVendor; one that fabricates, a Foundry; one that invests, an Investor; one that publishes figures, a
ResearchFirm; otherwise the vocabulary's primary class). Every relation gets an aic:Evidence.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

import pyoxigraph as ox

import ontology
from ingest.extract import Extraction
from ingest.model import ENTITY_KINDS
from ingest.readers.pdf import page_of
from kg.namespace import AIC_IRI, AID_IRI

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCT = "http://purl.org/dc/terms/"

ROLE_OF_OBJECT = {"designedBy": "ChipVendor", "offeredBy": "Foundry", "fabricatedBy": "Foundry",
                  "estimatedBy": "ResearchFirm", "leadInvestor": "Investor", "investor": "Investor"}
ROLE_OF_SUBJECT = {"investedIn": "Investor"}
ENTITY_PREDICATES = {"designedBy", "manufacturedOn", "fabricatedBy", "offeredBy", "usesArchitecture",
                     "builtFrom", "reliesOn", "investedIn", "fundedCompany", "investor", "leadInvestor",
                     "estimatedBy"}


def N(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def slug(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).casefold()
    t = re.sub(r"[^\w]+", "-", t).strip("-")
    return t or hashlib.sha1(text.encode()).hexdigest()[:10]


class Writer:
    def __init__(self, ex: Extraction, doc_iri: str):
        self.ex = ex
        self.doc_iri = doc_iri
        self.vocab = ontology.load_vocab()
        self.triples: list[ox.Triple] = []
        self.iris: dict[str, str] = {}

    def iri(self, key: str) -> str:
        if key in self.iris:
            return self.iris[key]
        if key.startswith("id:"):
            iri = AID_IRI + key[3:]
        elif key.startswith("node:"):
            foundry, nm = key[5:].rsplit(":", 1)
            if foundry.startswith("new:"):  # a foundry only the text names ("new:org:Velmora Foundry")
                foundry = slug(foundry.split(":", 2)[-1])
            iri = AID_IRI + f"{foundry}-{nm.replace('.', '-')}nm"
        elif key.startswith("round:"):
            _, rest = key.split(":", 1)
            company, name = rest.rsplit(":", 1)
            iri = AID_IRI + f"{self.iri(company).rsplit('/', 1)[-1]}-{slug(name)}"
        elif key.startswith("est:"):
            iri = AID_IRI + "estimate-" + key[4:]
        else:
            kind, text = key[4:].split(":", 1) if key.startswith("new:") else ("entity", key)
            iri = AID_IRI + slug(text)
        self.iris[key] = iri
        return iri

    def add(self, s: str, p: str, o) -> None:
        self.triples.append(ox.Triple(N(s), N(p), o))

    def build(self) -> list[ox.Triple]:
        facts = [(r, f) for r in self.ex.results for f in r.facts]
        used = {f.subject for _, f in facts} | {f.object for _, f in facts if not f.literal}
        roles: dict[str, set] = {}
        for _, f in facts:
            if f.predicate in ROLE_OF_OBJECT and not f.literal:
                roles.setdefault(f.object, set()).add(ROLE_OF_OBJECT[f.predicate])
            if f.predicate in ROLE_OF_SUBJECT:
                roles.setdefault(f.subject, set()).add(ROLE_OF_SUBJECT[f.predicate])
            if f.predicate == "reliesOn" and not f.object.startswith("node:"):
                roles.setdefault(f.object, set()).add("Foundry")
        self._entities(used, roles)
        self._facts(facts)
        return self.triples

    # ------------------------------------------------------------------ entities
    def _entities(self, used: set, roles: dict) -> None:
        seen: dict[str, dict] = {}
        for r in self.ex.results:
            for m in r.mentions:
                if m.kind not in ENTITY_KINDS:
                    continue
                k = m.key
                if m.kind == "node" and not m.extra.get("key"):
                    continue
                if not k or ((not m.ids or m.extra.get("plural")) and k not in used and not m.extra.get("standing")) \
                        or m.extra.get("coref"):
                    continue
                if m.kind == "node" and m.extra.get("foundry_from_name"):
                    continue
                info = seen.setdefault(k, {"kind": m.kind, "surfaces": set(), "ids": m.ids, "types": set(m.types),
                                           "nm": m.value if m.kind == "node" else None,
                                           "foundry": m.extra.get("foundry"), "training": False,
                                           "inference": False, "alt": set()})
                info["surfaces"].add(m.text)
                if m.extra.get("standing"):
                    info["standing"] = m.extra["standing"]  # a name that says what it is ("Orvell Capital")
                if m.extra.get("alt"):
                    info["alt"].add(m.extra["alt"])
                if m.kind == "chip":
                    chips = [c for c in r.mentions if c.kind == "chip"]
                    for rel, flag in (("_training", "training"), ("_inference", "inference")):
                        info[flag] |= _nearest_chip_has(r.sentence, chips, m, rel)
        for k, info in seen.items():
            self._entity(k, info, roles.get(k, set()))
        for k in used:
            if k not in seen and (k.startswith("id:") or k.startswith("node:")):
                self._entity(k, {"kind": "org", "surfaces": set(), "ids": (k[3:],) if k.startswith("id:") else (),
                                 "types": set(), "nm": None, "foundry": None, "training": False,
                                 "inference": False, "alt": set()}, roles.get(k, set()))

    def _entity(self, key: str, info: dict, roles: set) -> None:
        iri = self.iri(key)
        entry = self.vocab.entries.get(info["ids"][0]) if info["ids"] else None
        if entry is not None and key != "id:" + entry.id:
            entry = None  # a generic name ("7nm") tied here to one foundry's process: a node of its own
        kind = info["kind"]
        if kind == "node":
            types = {"ProcessNode"}
        elif kind == "chip":
            types = {"Chip"}
            if info["training"]:
                types.add("TrainingChip")
            if info["inference"]:
                types.add("InferenceChip")
        elif kind == "cluster":
            types = {"ComputingCluster"}
        elif kind == "arch":  # (a named microarchitecture no vocabulary knows: "the Cinder microarchitecture")
            types = {t for t in (entry.types if entry else (tuple(info["types"]) or ("Architecture",)))}
        else:
            if roles:
                types = set(roles)
            elif entry and entry.types:
                types = {entry.types[0]}
            elif info.get("standing"):
                types = {info["standing"]}
            else:
                types = {"Organization"}
        for t in sorted(types):
            self.add(iri, RDF + "type", N(AIC_IRI + t))
        names = set()
        if entry is not None:
            self.add(iri, RDFS + "label", ox.Literal(entry.name_en, language="en"))
            names.add(entry.name_en)
            for lang, name in (("ja", entry.name_ja), ("zh", entry.name_zh)):
                if name:
                    self.add(iri, RDFS + "label", ox.Literal(name, language=lang))
                    names.add(name)
            for a in entry.aliases:
                if a not in names:
                    self.add(iri, SKOS + "altLabel", ox.Literal(a))
                    names.add(a)
            if entry.country:
                self.add(iri, AIC_IRI + "country", ox.Literal(entry.country))
            if entry.wikidata:
                self.add(iri, OWL + "sameAs", N("http://www.wikidata.org/entity/" + entry.wikidata))
            if entry.nanometers is not None:
                self.add(iri, AIC_IRI + "nodeNanometers", _nm_literal(entry.nanometers))
        elif kind == "node":
            foundry = self.vocab.entries.get(info.get("foundry") or "")
            fname = foundry.name_en if foundry else (info.get("foundry") or "").split(":", 2)[-1] \
                if (info.get("foundry") or "").startswith("new:") else ""
            nm = info["nm"]
            label = f"{fname} {_fmt(nm)}nm".strip()
            self.add(iri, RDFS + "label", ox.Literal(label, language="en"))
            names.add(label)
            if foundry and foundry.name_zh:
                self.add(iri, RDFS + "label", ox.Literal(f"{foundry.name_zh}{_fmt(nm)}纳米", language="zh"))
            if foundry and foundry.name_ja:
                self.add(iri, RDFS + "label", ox.Literal(f"{foundry.name_ja} {_fmt(nm)}nm", language="ja"))
            if nm is not None:
                self.add(iri, AIC_IRI + "nodeNanometers", _nm_literal(nm))
        else:
            surfaces = sorted(info["surfaces"], key=len, reverse=True)
            label = surfaces[0] if surfaces else key.split(":")[-1]
            self.add(iri, RDFS + "label", ox.Literal(label, language=self.ex.lang))
            names.add(label)
        for s in sorted(info["surfaces"] | info["alt"]):
            if s not in names and s.strip():
                self.add(iri, SKOS + "altLabel", ox.Literal(s))
                names.add(s)

    # ------------------------------------------------------------------ facts
    def _facts(self, facts: list) -> None:
        typed = set()
        for r, f in facts:
            s_iri = self.iri(f.subject)
            if f.subject.startswith("round:") and s_iri not in typed:
                self.add(s_iri, RDF + "type", N(AIC_IRI + "FundingRound"))
                typed.add(s_iri)
            if f.subject.startswith("est:") and s_iri not in typed:
                self.add(s_iri, RDF + "type", N(AIC_IRI + "MarketEstimate"))
                typed.add(s_iri)
            if f.literal:
                obj = ox.Literal(str(f.object), datatype=N(f.datatype)) if f.datatype else ox.Literal(str(f.object))
            else:
                obj = N(self.iri(f.object))
            pred = AIC_IRI + f.predicate
            self.add(s_iri, pred, obj)
            self._evidence(r, f, s_iri, pred, obj)

    def _evidence(self, r, f, s_iri: str, pred: str, obj) -> None:
        sent = r.sentence
        start, end = sent.start + f.start, sent.start + f.end
        h = hashlib.sha1(f"{self.doc_iri}|{s_iri}|{pred}|{obj}|{start}".encode()).hexdigest()[:16]
        ev = AID_IRI + "evidence-" + h
        self.add(ev, RDF + "type", N(AIC_IRI + "Evidence"))
        self.add(ev, RDF + "type", N(RDF + "Statement"))
        self.add(ev, RDF + "subject", N(s_iri))
        self.add(ev, RDF + "predicate", N(pred))
        self.add(ev, RDF + "object", obj)
        self.add(ev, AIC_IRI + "sentence", ox.Literal(sent.text))
        self.add(ev, AIC_IRI + "document", N(self.doc_iri))
        self.add(ev, AIC_IRI + "charStart", ox.Literal(str(start), datatype=N(XSD + "integer")))
        self.add(ev, AIC_IRI + "charEnd", ox.Literal(str(end), datatype=N(XSD + "integer")))
        self.add(ev, AIC_IRI + "sentenceStart", ox.Literal(str(sent.start), datatype=N(XSD + "integer")))
        page = page_of(self.ex.raw.meta, sent.start)  # a PDF's page, where the sentence begins
        if page is not None:
            self.add(ev, AIC_IRI + "page", ox.Literal(str(page), datatype=N(XSD + "integer")))
        self.add(ev, AIC_IRI + "confidence", ox.Literal(f"{f.confidence:.3f}", datatype=N(XSD + "decimal")))
        self.add(ev, AIC_IRI + "extractor", ox.Literal(f.extractor))


def _nearest_chip_has(sentence, chips: list, chip, rel: str) -> bool:
    """A training/inference word counts for the chip nearest to it in its clause ("学習用の Trainium と、
    推論用の Inferentia" types each chip once; "可用于训练、微调和推理" types the one chip twice)."""
    from ingest.components.relations.common import _compiled
    pats, _ = _compiled(sentence.lang).get(rel, ([], 0))
    text = sentence.text.lower()
    for p in pats:
        for m in p.finditer(text):
            clause = _clause_of(sentence.text, m.start(), m.end())
            start = sentence.text.find(clause)
            near = [c for c in chips if start <= c.start < start + len(clause)] or chips
            best = min(near, key=lambda c: min(abs(c.start - m.end()), abs(m.start() - c.end)))
            if best is chip or (best.key == chip.key):
                return True
    return False


def _clause_of(text: str, start: int, end: int) -> str:
    """The clause around a mention: between separators (、，,;。 and "while"/"whereas")."""
    seps = re.compile(r"[;；。，]|,\s|\bwhile\b|\bwhereas\b|\bbut\b|一方")
    a = 0
    for m in seps.finditer(text, 0, start):
        a = m.end()
    m = seps.search(text, end)
    return text[a: m.start() if m else len(text)]


def _fmt(nm) -> str:
    if nm is None:
        return "?"
    nm = float(nm)
    return str(int(nm)) if nm == int(nm) else str(nm)


def _nm_literal(nm) -> ox.Literal:
    nm = float(nm)
    if nm == int(nm):
        return ox.Literal(str(int(nm)), datatype=N(XSD + "integer"))
    return ox.Literal(str(nm), datatype=N(XSD + "decimal"))


def document_triples(ex: Extraction, doc_iri: str, source: str, content_hash: str) -> list[ox.Triple]:
    """The whole named graph of one document: its aic:Document description, entities, facts, evidence."""
    w = Writer(ex, doc_iri)
    w.add(doc_iri, RDF + "type", N(AIC_IRI + "Document"))
    w.add(doc_iri, RDF + "type", N("http://www.w3.org/ns/prov#Entity"))
    title = ex.raw.meta.get("title") or next((r.sentence.text[:120] for r in ex.results), source)
    w.add(doc_iri, DCT + "title", ox.Literal(title))
    w.add(doc_iri, DCT + "language", ox.Literal(ex.lang))
    w.add(doc_iri, DCT + "source", ox.Literal(source))
    w.add(doc_iri, AIC_IRI + "contentHash", ox.Literal(content_hash))
    if ex.raw.meta.get("source"):
        for url in re.split(r"[;\s]+", ex.raw.meta["source"]):
            if url.startswith("http"):
                w.add(doc_iri, DCT + "references", ox.Literal(url))
    if ex.raw.meta.get("date"):
        w.add(doc_iri, DCT + "date", ox.Literal(ex.raw.meta["date"]))
    return w.build()
