"""The default graph as a set: SPARQL Update text that keeps it equal to the union of the named graphs.

An RDF graph is a set, and the contract calls the default graph the union of the document graphs. Oxigraph's
union mode (and `oxigraph serve --union-default-graph`) counts a triple once per graph that holds it, so a
fact stated by 30 documents came back 30 times. Instead every store keeps a materialised merged graph in
its real default graph, updated in the same request (one transaction) as the named graph it follows:

- replacing or dropping graph G first deletes from the default graph the triples of G that no *other*
  named graph holds, then rewrites G and inserts its new triples into the default graph;
- after a free-form SPARQL Update, `RESYNC` moves triples written straight into the default graph into the
  named graph `UNNAMED_GRAPH` (so they stay in the union) and adds named triples the default lacks.

The same text works embedded and on any SPARQL 1.1 server whose default graph is its own (not a union view).
"""
from __future__ import annotations

import re
from typing import Iterable

import pyoxigraph as ox

UNNAMED_GRAPH = "https://w3id.org/aichip/graph/default"


def _body(triples: Iterable[ox.Triple | ox.Quad]) -> str:
    return "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)


def forget(graph: str) -> str:
    """Delete from the default graph what only `graph` holds (run before `graph` is dropped)."""
    g = f"<{graph}>"
    return ("DELETE { ?s ?p ?o } WHERE { GRAPH " + g + " { ?s ?p ?o } "
            "FILTER NOT EXISTS { GRAPH ?h { ?s ?p ?o } FILTER(?h != " + g + ") } }")


def replace(graph: str, triples: list) -> str:
    """One request: forget the old graph, rewrite it, add its triples to the default graph."""
    body = _body(triples)
    g = f"<{graph}>"
    text = f"{forget(graph)} ;\nDROP SILENT GRAPH {g}"
    if body:  # one INSERT DATA so a blank node label names the same node in both copies
        text += f" ;\nINSERT DATA {{ GRAPH {g} {{\n{body}\n}}\n{body}\n}}"
    return text


def drop(graph: str) -> str:
    return f"{forget(graph)} ;\nDROP SILENT GRAPH <{graph}>"


def insert(quads: list[ox.Quad]) -> str:
    """Add quads to their named graphs (default-graph quads go to `UNNAMED_GRAPH`) and to the default graph."""
    by_graph: dict[str, list[ox.Quad]] = {}
    for q in quads:
        g = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else UNNAMED_GRAPH
        by_graph.setdefault(g, []).append(q)
    parts = [f"GRAPH <{g}> {{\n{_body(qs)}\n}}" for g, qs in by_graph.items()]
    return "INSERT DATA {\n" + "\n".join(parts) + "\n" + _body(quads) + "\n}"


TMP_GRAPH = "https://w3id.org/aichip/graph/union-in-progress"

DROP_ORPHANS = "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o FILTER NOT EXISTS { GRAPH ?g { ?s ?p ?o } } }"
ADD_MISSING = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { ?s ?p ?o } }"
REBUILD = "DROP SILENT DEFAULT ;\nINSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


_PROLOGUE = re.compile(r"(?:\s+|#[^\n]*(?:\n|$)|(?i:PREFIX)\s*[^\s:<>]*:\s*<[^<>\s]*>|(?i:BASE)\s*<[^<>\s]*>)*")
"""The user's leading PREFIX/BASE declarations (and comments): they go first, before the wrapper's operations."""


def wrap_update(user: str) -> str:
    """A free-form update, run as one request where its "default graph" is `UNNAMED_GRAPH`.

    The materialised union is moved aside, `UNNAMED_GRAPH` stands in as the default graph while the user's
    operations run (so INSERT DATA without GRAPH, then DELETE DATA of the same triple, behave as written),
    then both move back and the union is brought in line with the named graphs. Like Jena's union default
    graph, the WHERE of an update reads that storage default graph, not the union: name GRAPH ?g to match
    the union's facts.
    """
    m = _PROLOGUE.match(user)
    prologue, body = m.group(0), user[m.end():].rstrip().rstrip(";")
    return (f"{prologue}\nMOVE SILENT DEFAULT TO <{TMP_GRAPH}> ;\nMOVE SILENT <{UNNAMED_GRAPH}> TO DEFAULT ;\n"
            f"{body}\n;\nMOVE SILENT DEFAULT TO <{UNNAMED_GRAPH}> ;\nMOVE SILENT <{TMP_GRAPH}> TO DEFAULT ;\n"
            f"{DROP_ORPHANS} ;\n{ADD_MISSING}")


def is_empty_update(user: str) -> bool:
    return not user.strip().rstrip(";").strip()
