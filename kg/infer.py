"""The contract's required inferences as named SPARQL CONSTRUCT rules (kg/rules/*.rq).

Results are materialised in their own named graph (`graph/inferred`), each inferred triple reified as an
rdf:Statement that names its rule (aic:rule, prov:wasGeneratedBy) and what it was derived from, so plain
SPARQL finds them and a reader can see why. Recomputed from scratch whenever documents change.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox

from kg.namespace import AIC_IRI, AID_IRI, INFERRED_GRAPH, sparql_prefixes

RULES_DIR = Path(__file__).parent / "rules"
RULE_IRI = "https://w3id.org/aichip/rule/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
PROV = "http://www.w3.org/ns/prov#"
DERIVED = PROV + "wasDerivedFrom"
MAX_ROUNDS = 6


@lru_cache(maxsize=1)
def rules() -> dict[str, str]:
    """Rule name -> CONSTRUCT query, in application order (file names sorted: rule 1 before 2 …)."""
    order = ["fabricatedBy-from-process", "reliesOn-process-from-designs", "reliesOn-foundry-from-designs",
             "reliesOn-foundry-from-process", "investedIn-from-round", "types-from-subclass"]
    found = {p.stem: p.read_text(encoding="utf-8") for p in RULES_DIR.glob("*.rq")}
    names = [n for n in order if n in found] + sorted(set(found) - set(order))
    return {n: sparql_prefixes() + found[n] for n in names}


def materialize(store) -> dict[str, int]:
    """Recompute the inferred graph; returns new triples per rule."""
    store.drop_graph(str(INFERRED_GRAPH))
    asserted = {(q.subject, q.predicate, q.object) for q in _all_triples(store)}
    inferred: dict[tuple, tuple[str, set]] = {}
    counts = {name: 0 for name in rules()}
    for _ in range(MAX_ROUNDS):
        added = False
        known = asserted | set(inferred)
        for name, q in rules().items():
            out = store.raw_query(q)
            triples = list(out)
            derived_from: dict[ox.Term, set] = {}
            facts = []
            for t in triples:
                if t.predicate.value == DERIVED:
                    derived_from.setdefault(t.subject, set()).add(t.object)
                else:
                    facts.append(t)
            for t in facts:
                key = (t.subject, t.predicate, t.object)
                if key in known or key in inferred:
                    continue
                inferred[key] = (name, derived_from.get(t.subject, set()))
                counts[name] += 1
                added = True
        if not added:
            break
        # feed this round's results to the next one
        store.replace_graph(str(INFERRED_GRAPH), [ox.Triple(*k) for k in inferred])
    store.replace_graph(str(INFERRED_GRAPH), list(_with_reification(inferred)))
    return counts


def _all_triples(store):
    for q in store.quads():
        if q.graph_name != ox.NamedNode(str(INFERRED_GRAPH)):
            yield q


def _with_reification(inferred: dict):
    stmt_cls = ox.NamedNode(RDF + "Statement")
    for (s, p, o), (rule, sources) in inferred.items():
        yield ox.Triple(s, p, o)
        if p.value == RDF + "type":
            continue  # class closure needs no per-triple record
        h = hashlib.sha1(f"{s}|{p}|{o}".encode()).hexdigest()[:16]
        st = ox.NamedNode(f"{AID_IRI}inference-{h}")
        yield ox.Triple(st, ox.NamedNode(RDF + "type"), stmt_cls)
        yield ox.Triple(st, ox.NamedNode(RDF + "subject"), s)
        yield ox.Triple(st, ox.NamedNode(RDF + "predicate"), p)
        yield ox.Triple(st, ox.NamedNode(RDF + "object"), o)
        yield ox.Triple(st, ox.NamedNode(AIC_IRI + "rule"), ox.Literal(rule))
        yield ox.Triple(st, ox.NamedNode(PROV + "wasGeneratedBy"), ox.NamedNode(RULE_IRI + rule))
        for src in sorted(sources, key=str)[:10]:
            yield ox.Triple(st, ox.NamedNode(DERIVED), src)
