"""Graph Store HTTP Protocol at /store (`?graph=IRI` or `?default`); writes need the bearer token."""
from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from api import graphstore
from api.deps import get_executor, get_store, require_read, require_token
from kg import errors, formats

router = APIRouter(tags=["Graph Store"])

GraphParam = Annotated[str | None, Query(description="the named graph's IRI")]
DefaultParam = Annotated[str | None, Query(description="present (empty) to address the default graph")]
_BODY = {"requestBody": {"content": {m: {"schema": {"type": "string"}} for m in (
    "text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json",
    "application/n-quads", "application/trig")}}}
_WRITE_DOC = {201: {"description": "graph created"}, 204: {"description": "done"}}


def _target(graph: str | None, default: str | None) -> tuple[str | None, bool]:
    if graph is not None and default is not None:
        raise errors.BadInput(errors.message("graph_and_default"))
    return graph, default is not None


def _format(request: Request, dataset: bool) -> formats.Format:
    fmt = formats.negotiate(request.headers.get("accept"), "graph", "trig" if dataset else "turtle")
    if dataset and not fmt.dataset:
        fmt = formats.get("trig")
    return fmt


async def _write(request: Request, fn, *args) -> object:
    require_token(request)
    store = get_store(request)
    async with request.app.state.write_lock:
        result = await run_in_threadpool(fn, store, *args)
        get_executor(request).bump()
        request.app.state.cache.clear()
    return result


def _media(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


@router.get("/store", summary="Read a graph (or, with no parameter, the whole dataset)",
            responses={200: {"description": "RDF", "content": {"text/turtle": {}, "application/n-triples": {},
                                                               "application/trig": {}, "application/n-quads": {}}}})
async def store_get(request: Request, graph: GraphParam = None, default: DefaultParam = None) -> Response:
    require_read(request)
    graph, is_default = _target(graph, default)
    store = get_store(request)
    whole = graph is None and not is_default
    fmt = _format(request, dataset=whole)
    if is_default:
        body = await run_in_threadpool(graphstore.get_default, store, fmt)
    else:
        body = await run_in_threadpool(graphstore.get_graph, store, graph, fmt)
    return Response(body, media_type=fmt.media_type)


@router.put("/store", summary="Replace a graph", status_code=204, responses=_WRITE_DOC, openapi_extra=_BODY)
async def store_put(request: Request, graph: GraphParam = None, default: DefaultParam = None) -> Response:
    graph, is_default = _target(graph, default)
    if graph is None and not is_default:
        raise errors.BadInput(errors.message("graph_target_missing", method="PUT"))
    created = await _write(request, graphstore.write_graph, graph, await request.body(), _media(request), True)
    return Response(status_code=201 if created else 204)


@router.post("/store", summary="Add triples to a graph (or quads to the dataset)", status_code=204,
             responses=_WRITE_DOC, openapi_extra=_BODY)
async def store_post(request: Request, graph: GraphParam = None, default: DefaultParam = None) -> Response:
    graph, is_default = _target(graph, default)
    body = await request.body()
    if graph is None and not is_default:
        await _write(request, graphstore.add_dataset, body, _media(request))
        return Response(status_code=204)
    created = await _write(request, graphstore.write_graph, graph, body, _media(request), False)
    return Response(status_code=201 if created else 204)


@router.delete("/store", summary="Delete a graph", status_code=204, responses=_WRITE_DOC)
async def store_delete(request: Request, graph: GraphParam = None, default: DefaultParam = None) -> Response:
    graph, is_default = _target(graph, default)
    if graph is None and not is_default:
        raise errors.BadInput(errors.message("graph_target_missing", method="DELETE"))
    await _write(request, graphstore.delete_graph, graph)
    return Response(status_code=204)
