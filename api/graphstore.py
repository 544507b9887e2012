"""SPARQL 1.1 Graph Store HTTP Protocol as plain functions over a `kg.store.Store`."""
from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from kg import errors, formats

GRAPH_FORMATS = {"turtle", "ntriples", "rdfxml", "jsonld", "nquads", "trig"}


def rdf_format(media: str) -> ox.RdfFormat:
    fmt = ox.RdfFormat.from_media_type(media) if media else None
    if fmt is None:
        raise errors.UnsupportedMediaType(errors.message("graph_media_type", media=media or "(none)"))
    return fmt


def graph_exists(store: Any, graph: str | None) -> bool:
    if graph is None:
        return True
    return bool(store.query(f"ASK {{ GRAPH <{_iri(graph)}> {{ ?s ?p ?o }} }}").boolean)


def _iri(graph: str) -> str:
    if not graph or any(c in graph for c in '<>"{}|^`\\ \n\t') or ":" not in graph:
        raise errors.BadInput(errors.message("not_absolute_iri", iri=graph))
    return graph


def get_graph(store: Any, graph: str | None, fmt: formats.Format) -> bytes:
    """One named graph (or the default graph) in `fmt`; with neither, the whole dataset (N-Quads/TriG)."""
    if graph is not None:
        if not graph_exists(store, graph):
            raise errors.NotFound(errors.message("no_graph", iri=graph))
        return fmt.write([ox.Triple(q.subject, q.predicate, q.object) for q in store.quads(_iri(graph))])
    return fmt.write(list(store.quads()))


def get_default(store: Any, fmt: formats.Format) -> bytes:
    quads = store.backend.ox.quads_for_pattern(None, None, None, ox.DefaultGraph()) if not store.is_remote else []
    return fmt.write([ox.Triple(q.subject, q.predicate, q.object) for q in quads])


def parse_body(data: bytes, media: str) -> list[Any]:
    oxf = rdf_format(media)
    try:
        return list(ox.parse(data, format=oxf))
    except (SyntaxError, ValueError) as exc:
        raise errors.BadInput(errors.message("bad_body_rdf", fmt=oxf.name, detail=exc)) from exc


def write_graph(store: Any, graph: str | None, data: bytes, media: str, replace: bool) -> bool:
    """PUT (replace) or POST (merge) into a named graph, or the default graph when `graph` is None.

    Returns True when the graph did not exist before (201 Created)."""
    quads = parse_body(data, media)
    if graph is None:
        target: Any = ox.DefaultGraph()
        created = False
    else:
        target = ox.NamedNode(_iri(graph))
        created = not graph_exists(store, graph)
    triples = [ox.Quad(q.subject, q.predicate, q.object, target) for q in quads]
    if replace and graph is not None:
        store.replace_graph(graph, triples)
    else:
        if replace:
            store.update("DROP SILENT DEFAULT")
        store.add(triples)
    return created


def add_dataset(store: Any, data: bytes, media: str) -> int:
    """POST to the store itself: quads keep their graphs."""
    quads = parse_body(data, media)
    store.add(quads)
    return len(quads)


def delete_graph(store: Any, graph: str | None) -> None:
    if graph is None:
        store.update("DROP SILENT DEFAULT")
        return
    if not graph_exists(store, graph):
        raise errors.NotFound(errors.message("no_graph", iri=graph))
    store.drop_graph(_iri(graph))
