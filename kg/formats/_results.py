"""Shared writer for SPARQL results formats Oxigraph serialises natively."""
from __future__ import annotations

import pyoxigraph as ox


def oxigraph_results_writer(fmt: ox.QueryResultsFormat):
    def write(result) -> bytes:
        return result.serialize_results(fmt)
    return write


def oxigraph_graph_writer(fmt: ox.RdfFormat):
    def write(quads_or_triples) -> bytes:
        items = list(quads_or_triples)
        if not fmt.supports_datasets:
            items = [ox.Triple(q.subject, q.predicate, q.object) if isinstance(q, ox.Quad) else q for q in items]
        else:
            items = [q if isinstance(q, ox.Quad) else ox.Quad(q.subject, q.predicate, q.object) for q in items]
        return ox.serialize(items, format=fmt, prefixes=_prefixes()) if _supports_prefixes(fmt) else \
            ox.serialize(items, format=fmt)
    return write


def _supports_prefixes(fmt: ox.RdfFormat) -> bool:
    return fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG)


def _prefixes() -> dict[str, str]:
    from kg.namespace import PREFIXES
    return dict(PREFIXES)
