"""SHACL validation of the store (pyshacl), naming each violated shape in one line."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox


@dataclass
class Report:
    conforms: bool
    violations: list[str]
    text: str


def validate_store(store, shapes: Path | None = None) -> Report:
    """Validate the union of all graphs against ontology/shapes.ttl (or the given shapes file)."""
    import rdflib
    from pyshacl import validate

    from ontology import SHAPES_TTL
    data = rdflib.Graph()
    nt = ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in store.quads()],
                      format=ox.RdfFormat.N_TRIPLES)
    data.parse(data=nt, format="nt")
    shapes_graph = rdflib.Graph().parse(str(shapes or SHAPES_TTL), format="turtle")
    conforms, results_graph, _ = validate(data, shacl_graph=shapes_graph, inference="none",
                                          allow_warnings=True)
    SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    lines = []
    for r in results_graph.subjects(rdflib.RDF.type, SH.ValidationResult):
        sev = results_graph.value(r, SH.resultSeverity)
        if sev is not None and sev != SH.Violation:
            continue
        shape = results_graph.value(r, SH.sourceShape)
        focus = results_graph.value(r, SH.focusNode)
        path = results_graph.value(r, SH.resultPath)
        msg = results_graph.value(r, SH.resultMessage)
        if not isinstance(shape, rdflib.URIRef):
            shape = shapes_graph.value(None, SH.property, shape) or shape
        name = shape.n3(shapes_graph.namespace_manager) if isinstance(shape, rdflib.URIRef) else "shape"
        lines.append(f"violation of {name}: {focus} {path or ''} {msg or ''}".strip())
    lines.sort()
    conforms = conforms or not lines
    text = "conforms: no violations" if conforms else f"{len(lines)} violation(s)\n" + "\n".join(lines)
    return Report(conforms, lines, text)
