"""Keep the ontology in its own named graph, reloaded only when ontology/aichip.ttl changes."""
from __future__ import annotations

import hashlib

import pyoxigraph as ox

from kg.namespace import AIC_IRI, ONTOLOGY_GRAPH


def ontology_path():
    from ontology import ONTOLOGY_TTL
    return ONTOLOGY_TTL


def ensure_ontology(store, force: bool = False) -> int:
    """Load aichip.ttl into graph/ontology if absent or changed; returns the quad count loaded (0 if current)."""
    data = ontology_path().read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if not force and not store.is_remote:
        have = store.select(f"SELECT ?h WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ <{ONTOLOGY_GRAPH}> <{AIC_IRI}contentHash> ?h }} }}")
        if have and have[0].get("h") == digest:
            return 0
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(data, format=ox.RdfFormat.TURTLE)]
    triples.append(ox.Triple(ox.NamedNode(str(ONTOLOGY_GRAPH)), ox.NamedNode(AIC_IRI + "contentHash"), ox.Literal(digest)))
    return store.replace_graph(str(ONTOLOGY_GRAPH), triples)


VOCAB_GRAPH = "https://w3id.org/aichip/graph/vocab"


def vocab_triples() -> list[ox.Triple]:
    """The vocabulary as RDF: names, aliases, types, country, node sizes — no relations (those come only
    from documents). Loaded only on request (`kg init --with-vocab`), so that by default the graph holds
    just what documents state."""
    import ontology
    from kg.namespace import AID_IRI
    rdf, rdfs, skos = ("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "http://www.w3.org/2000/01/rdf-schema#",
                       "http://www.w3.org/2004/02/skos/core#")
    xsd = "http://www.w3.org/2001/XMLSchema#"
    out = []
    for e in ontology.load_vocab():
        s = ox.NamedNode(AID_IRI + e.id)
        for t in e.types:
            out.append(ox.Triple(s, ox.NamedNode(rdf + "type"), ox.NamedNode(AIC_IRI + t)))
        out.append(ox.Triple(s, ox.NamedNode(rdfs + "label"), ox.Literal(e.name_en, language="en")))
        for lang, name in (("ja", e.name_ja), ("zh", e.name_zh)):
            if name:
                out.append(ox.Triple(s, ox.NamedNode(rdfs + "label"), ox.Literal(name, language=lang)))
        for a in e.aliases:
            out.append(ox.Triple(s, ox.NamedNode(skos + "altLabel"), ox.Literal(a)))
        if e.country:
            out.append(ox.Triple(s, ox.NamedNode(AIC_IRI + "country"), ox.Literal(e.country)))
        if e.wikidata:
            out.append(ox.Triple(s, ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs"),
                                 ox.NamedNode("http://www.wikidata.org/entity/" + e.wikidata)))
        if e.nanometers is not None:
            nm = e.nanometers
            lit = ox.Literal(str(int(nm)), datatype=ox.NamedNode(xsd + "integer")) if nm == int(nm) else \
                ox.Literal(str(nm), datatype=ox.NamedNode(xsd + "decimal"))
            out.append(ox.Triple(s, ox.NamedNode(AIC_IRI + "nodeNanometers"), lit))
    return out


def load_vocab_graph(store) -> int:
    return store.replace_graph(VOCAB_GRAPH, vocab_triples())
