"""/entity/{id} (HTML, JSON, JSON-LD, Turtle by negotiation), /search, /graph and /id/{id} dereferencing."""
from __future__ import annotations

import html
from pathlib import Path
from string import Template
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse

from api import entities
from api.deps import get_executor, get_store, require_read
from api.schemas import EntityResponse, GraphResponse, SearchResponse
from kg import errors, formats

router = APIRouter(tags=["Entities"])
TEMPLATE = Template((Path(__file__).resolve().parents[1] / "templates" / "entity.html").read_text(encoding="utf-8"))
ENTITY_FORMATS = {"text/html": "html", "application/xhtml+xml": "html", "application/json": "json",
                  "application/ld+json": "jsonld", "text/turtle": "turtle", "application/n-triples": "ntriples"}


def entity_format(accept: str | None, param: str | None) -> str:
    if param:
        name = param.lower()
        if name in ("html", "json", "jsonld", "turtle", "ntriples"):
            return name
        raise errors.NotAcceptable(errors.message("entity_format", name=param))
    if not accept:
        return "json"
    for media in formats.accepted(accept):
        if media in ENTITY_FORMATS:
            return ENTITY_FORMATS[media]
        if media in ("*/*", "application/*"):
            return "json"
    raise errors.NotAcceptable(errors.message("entity_not_acceptable", accept=accept))


def render_html(doc: dict) -> str:
    esc = html.escape
    rows = []
    for f in doc["facts"]:
        if f["value_type"] == "iri":
            value = f'<a href="/entity/{quote(f["value"], safe="")}">{esc(str(f["value_label"]))}</a>'
        else:
            value = esc(str(f["value"]))
        arrow = "" if f["direction"] == "out" else "← "
        evid = "".join(
            f'<div class="ev">“{esc(e["sentence"] or "")}” <span class="tag">'
            f'{esc(e["document_title"] or e["document"] or "")}</span></div>' for e in f["evidence"])
        if f["inferred"]:
            evid += f'<div class="ev inferred">inferred by rule {esc(f["rule"] or "?")}</div>'
        rows.append(f"<tr><td>{arrow}{esc(f['predicate_label'])}</td><td>{value}</td><td>{evid}</td></tr>")
    labels = " · ".join(f"{esc(lang)}: {esc(', '.join(v))}" for lang, v in doc["labels"].items() if v)
    href = "/entity/" + quote(doc["iri"], safe="")
    return TEMPLATE.safe_substitute(
        label=esc(doc["label"]), iri=esc(doc["iri"]), labels=labels, rows="\n".join(rows),
        types="".join(f"<span>{esc(t)}</span>" for t in doc["types"]),
        json_href=esc(href + "?format=json"), jsonld_href=esc(href + "?format=jsonld"))


@router.get("/entity/{ident:path}", summary="One entity: labels, types, facts with evidence",
            response_model=EntityResponse,
            responses={200: {"content": {"text/html": {}, "application/ld+json": {}, "text/turtle": {},
                                         "application/n-triples": {}}}})
async def entity(request: Request, ident: str,
                 format: Annotated[str | None, Query(description="html|json|jsonld|turtle|ntriples; overrides Accept")] = None):
    require_read(request)
    iri = entities.entity_iri(ident)
    fmt = entity_format(request.headers.get("accept"), format)
    store = get_store(request)
    if fmt in ("jsonld", "turtle", "ntriples"):
        triples = await run_in_threadpool(entities.describe_rdf, store, iri)
        f = formats.get(fmt)
        return Response(f.write(triples), media_type=f.media_type, headers={"Vary": "Accept"})
    doc = await run_in_threadpool(entities.describe, store, iri)
    if fmt == "html":
        return HTMLResponse(render_html(doc), headers={"Vary": "Accept"})
    return doc


@router.get("/id/{ident:path}", summary="Dereference an entity IRI (303 to /entity)", status_code=303,
            response_class=RedirectResponse,
            responses={303: {"description": "see /entity/{id}", "content": None,
                             "headers": {"Location": {"schema": {"type": "string"}}}}})
async def dereference(ident: str) -> RedirectResponse:
    return RedirectResponse("/entity/" + quote(ident, safe=""), status_code=303)


def _index(request: Request, store) -> entities.LabelIndex:
    cache = request.app.state.cache
    key = ("labels", get_executor(request).generation)
    if key not in cache:
        cache[key] = entities.LabelIndex(store)
    return cache[key]


@router.get("/search", summary="Find entities by label or alias (en/ja/zh, typo tolerant)",
            response_model=SearchResponse)
async def search(request: Request, q: Annotated[str, Query(description="text to look for", min_length=1, max_length=200)],
                 limit: Annotated[int, Query(ge=1, le=100)] = 10) -> dict:
    require_read(request)
    store = get_store(request)
    index = await run_in_threadpool(_index, request, store)
    return await run_in_threadpool(entities.search, store, q, limit, index)


@router.get("/graph", summary="A neighbourhood as nodes and edges for the viewer", response_model=GraphResponse)
async def graph(request: Request, focus: Annotated[str, Query(description="the entity IRI (or its id)", min_length=1)],
                depth: Annotated[int, Query(ge=0, le=4)] = 1, limit: Annotated[int, Query(ge=1, le=2000)] = 200,
                inferred: bool = True) -> dict:
    require_read(request)
    iri = entities.entity_iri(focus)
    return await run_in_threadpool(entities.neighbourhood, get_store(request), iri, depth, limit, inferred)
