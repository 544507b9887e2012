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
