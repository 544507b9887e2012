"""The aichip namespaces. `AIC` fails on a misspelt term (rdflib DefinedNamespace, `_fail = True`).

The term list mirrors ontology/aichip.ttl; tests/kg/test_namespace.py checks the two agree.
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

AIC_IRI = "https://w3id.org/aichip/ontology#"
AID_IRI = "https://w3id.org/aichip/id/"
DOC_IRI = "https://w3id.org/aichip/doc/"
GRAPH_IRI = "https://w3id.org/aichip/graph/"


class AIC(DefinedNamespace):
    """Classes and properties of the public contract (spec/ontology.md) plus our additions."""

    _fail = True
    _NS = Namespace(AIC_IRI)

    # classes
    Organization: URIRef
    ChipVendor: URIRef
    Foundry: URIRef
    Investor: URIRef
    ResearchFirm: URIRef
    Chip: URIRef
    TrainingChip: URIRef
    InferenceChip: URIRef
    ComputingCluster: URIRef
    Architecture: URIRef
    Microarchitecture: URIRef
    ProcessNode: URIRef
    FundingRound: URIRef
    MarketEstimate: URIRef
    Document: URIRef
    Evidence: URIRef
    # relations
    designedBy: URIRef
    designs: URIRef
    manufacturedOn: URIRef
    fabricatedBy: URIRef
    offeredBy: URIRef
    nodeNanometers: URIRef
    usesArchitecture: URIRef
    builtFrom: URIRef
    announcedIn: URIRef
    memoryType: URIRef
    reliesOn: URIRef
    investedIn: URIRef
    country: URIRef
    fundedCompany: URIRef
    investor: URIRef
    leadInvestor: URIRef
    roundName: URIRef
    amount: URIRef
    currency: URIRef
    date: URIRef
    exchange: URIRef
    market: URIRef
    year: URIRef
    value: URIRef
    unit: URIRef
    growthRate: URIRef
    isForecast: URIRef
    estimatedBy: URIRef
    marketShare: URIRef
    shareOf: URIRef
    # provenance
    sentence: URIRef
    document: URIRef
    charStart: URIRef
    charEnd: URIRef
    confidence: URIRef
    extractor: URIRef
    rule: URIRef
    contentHash: URIRef


AID = Namespace(AID_IRI)
DOC = Namespace(DOC_IRI)
GRAPH = Namespace(GRAPH_IRI)

INFERRED_GRAPH = URIRef(GRAPH_IRI + "inferred")
ONTOLOGY_GRAPH = URIRef(GRAPH_IRI + "ontology")

PREFIXES = {
    "aic": AIC_IRI,
    "aid": AID_IRI,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
}


def sparql_prefixes() -> str:
    """The PREFIX block every generated query starts with."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
