"""SPARQL 1.1 Protocol: queries at /sparql (GET, form POST, direct POST); updates at /update and /sparql."""
from __future__ import annotations

import html
from pathlib import Path
from string import Template
from typing import Annotated
from urllib.parse import parse_qsl

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse

from api import protocol
from api.deps import get_executor, get_settings, get_store, require_read, require_token
from api.schemas import ErrorResponse
from kg import errors, formats
from kg.memo import short_text_cache

router = APIRouter(tags=["SPARQL"])

QUERY_TYPES = ("application/sparql-query",)
UPDATE_TYPES = ("application/sparql-update",)
FORM_TYPES = ("application/x-www-form-urlencoded",)
FORM_PAGE = Template((Path(__file__).resolve().parents[1] / "templates" / "sparql_form.html").read_text(encoding="utf-8"))
FORM_EXAMPLE = """PREFIX aic: <https://w3id.org/aichip/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?chip ?name WHERE {
  ?chip a aic:Chip ; rdfs:label ?name .
  FILTER(lang(?name) = "en")
} ORDER BY ?name LIMIT 50"""

_BODY_DOC = {"requestBody": {"content": {
    "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {
        "query": {"type": "string"}, "update": {"type": "string"},
        "default-graph-uri": {"type": "array", "items": {"type": "string"}},
        "named-graph-uri": {"type": "array", "items": {"type": "string"}}}}},
    "application/sparql-query": {"schema": {"type": "string"}},
    "application/sparql-update": {"schema": {"type": "string"}}}}}
_RESULTS_DOC = {200: {"description": "SPARQL results (JSON, XML, CSV, TSV) or RDF (Turtle, N-Triples, RDF/XML, JSON-LD). "
                                     "A SELECT answer cut at the row cap carries `X-SPARQL-Truncated: true` and "
                                     "`X-SPARQL-Row-Cap`; without a query, a browser (Accept: text/html) gets a query form.",
                      "content": {"application/sparql-results+json": {}, "application/sparql-results+xml": {},
                                  "text/csv": {}, "text/tab-separated-values": {}, "text/turtle": {},
                                  "application/n-triples": {}, "application/ld+json": {}, "application/rdf+xml": {},
                                  "text/html": {}}},
                 422: {"description": "a CONSTRUCT/DESCRIBE graph above the triple cap, refused rather than cut",
                       "model": ErrorResponse}}
# error statuses (400 malformed query, 403 refused, 406, 413, 415, 503 time limit) are documented for the
# whole router in api/app.py


def _one(pairs: list[tuple[str, str]], name: str) -> str | None:
    values = [v for k, v in pairs if k == name]
    if len(values) > 1:
        raise errors.BadQuery(errors.message("repeated_param", name=name))
    return values[0] if values else None


def _all(pairs: list[tuple[str, str]], name: str) -> list[str]:
    return [v for k, v in pairs if k == name]


def _media(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


async def _body_text(request: Request) -> str:
    raw = await request.body()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise errors.BadQuery(errors.message("body_not_utf8")) from None


@short_text_cache()
def _parse_query_string(raw: str) -> tuple[tuple[str, str], ...]:
    return tuple(parse_qsl(raw, keep_blank_values=True))


async def _params(request: Request) -> tuple[list[tuple[str, str]], str | None, str | None]:
    """(all parameters, query, update) from the URL and, for POST, the body."""
    pairs = list(_parse_query_string(request.scope["query_string"].decode("latin-1")))
    if request.method == "GET":
        return pairs, _one(pairs, "query"), _one(pairs, "update")
    media = _media(request)
    if media in FORM_TYPES:
        pairs += parse_qsl(await _body_text(request), keep_blank_values=True)
        return pairs, _one(pairs, "query"), _one(pairs, "update")
    if media in QUERY_TYPES:
        if _one(pairs, "query") is not None:
            raise errors.BadQuery(errors.message("query_twice"))
        return pairs, await _body_text(request), None
    if media in UPDATE_TYPES:
        return pairs, None, await _body_text(request)
    raise errors.UnsupportedMediaType(errors.message("sparql_media_type", media=media or "(none)"))


async def answer_query(request: Request, pairs: list[tuple[str, str]], sparql: str | None) -> Response:
    """Run one query in a worker and wrap its serialised answer."""
    require_read(request)
    settings = get_settings(request)
    job = {"query": protocol.check_query(sparql), "default_graph": _all(pairs, "default-graph-uri"),
           "named_graphs": _all(pairs, "named-graph-uri"), "accept": request.headers.get("accept"),
           "format": tuple(v for name in protocol.FORMAT_PARAMS for v in _all(pairs, name)),
           "max_rows": settings.max_rows, "max_triples": settings.max_triples,
           "gzip": protocol.accepts_gzip(request.headers.get("accept-encoding"))}
    status, media, body, headers = await get_executor(request).run(job, settings.timeout)
    if status != 200:
        return JSONResponse({"error": body}, status_code=status)
    return Response(body, status_code=200, media_type=media, headers=headers)


async def apply_update(request: Request, sparql: str | None) -> Response:
    require_token(request)
    store = get_store(request)
    async with request.app.state.write_lock:
        await run_in_threadpool(protocol.run_update, store, sparql)
        get_executor(request).bump()
        request.app.state.cache.clear()
    return Response(status_code=204)


def wants_html(accept: str | None) -> bool:
    """A browser's Accept (it names text/html); programs that ask for results do not."""
    return any(m in ("text/html", "application/xhtml+xml") for m in formats.accepted(accept or ""))


def form_page(request: Request) -> HTMLResponse:
    """The query form a browser gets at /sparql without a query: plain HTML, no script, works offline."""
    require_read(request)
    s = get_settings(request)
    body = FORM_PAGE.safe_substitute(example=html.escape(FORM_EXAMPLE), max_rows=f"{s.max_rows:,}",
                                     max_triples=f"{s.max_triples:,}", timeout=f"{s.timeout:g}")
    return HTMLResponse(body, headers={"Vary": "Accept"})


async def handle(request: Request) -> Response:
    """GET or POST /sparql: a query (any method) or an update (POST only). `SparqlFastPath` calls this directly."""
    pairs, sparql, update = await _params(request)
    if request.method == "GET" and sparql is None and update is None and wants_html(request.headers.get("accept")):
        return form_page(request)
    if request.method == "GET" and update is not None:
        raise errors.BadQuery(errors.message("update_by_get"))
    if sparql is not None and update is not None:
        raise errors.BadQuery(errors.message("query_and_update"))
    if update is not None:
        return await apply_update(request, update)
    return await answer_query(request, pairs, sparql)


@router.get("/sparql", summary="SPARQL query (GET)", responses=_RESULTS_DOC)
async def sparql_get(request: Request,
                     query: Annotated[str | None, Query(description="the SPARQL query")] = None,
                     default_graph_uri: Annotated[list[str] | None, Query(alias="default-graph-uri")] = None,
                     named_graph_uri: Annotated[list[str] | None, Query(alias="named-graph-uri")] = None,
                     format: Annotated[str | None, Query(description="json|xml|csv|tsv|turtle|ntriples|jsonld|rdfxml; overrides Accept")] = None,
                     output: Annotated[str | None, Query(description="the same as `format` (the name some clients send)")] = None,
                     results: Annotated[str | None, Query(description="the same as `format` (the name some clients send)")] = None) -> Response:
    return await handle(request)


@router.post("/sparql", summary="SPARQL query or update (POST)",
             responses={**_RESULTS_DOC, 204: {"description": "an update was applied"}}, openapi_extra=_BODY_DOC)
async def sparql_post(request: Request) -> Response:
    return await handle(request)


@router.post("/update", summary="SPARQL 1.1 Update (needs the bearer token)", status_code=204,
             responses={204: {"description": "applied"}},
             openapi_extra=_BODY_DOC)
async def update_post(request: Request) -> Response:
    pairs, sparql, update = await _params(request)
    if sparql is not None:
        raise errors.BadQuery(errors.message("query_to_update"))
    return await apply_update(request, update)


@router.get("/update", summary="Not allowed: updates are POSTed (answers 400, as the SPARQL protocol tests expect)",
            status_code=400, response_model=ErrorResponse)
async def update_get() -> Response:
    raise errors.BadQuery(errors.message("update_by_get"))
