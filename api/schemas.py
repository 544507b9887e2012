"""Response models, so /docs shows the shapes the web page relies on."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Evidence(BaseModel):
    sentence: str | None = None
    document: str | None = None
    document_title: str | None = None
    document_date: str | None = Field(None, description="dcterms:date of the document")
    document_source: str | None = Field(None, description="dcterms:source: the path or URL it was read from")
    confidence: float | None = None
    extractor: str | None = None


class Fact(BaseModel):
    predicate: str
    predicate_label: str
    direction: str
    value: Any
    value_label: str | None = None
    value_type: str
    inferred: bool
    rule: str | None = None
    evidence: list[Evidence]


class EntityResponse(BaseModel):
    iri: str
    label: str
    labels: dict[str, list[str]]
    types: list[str]
    facts: list[Fact]


class SearchResult(BaseModel):
    iri: str
    label: str
    labels: dict[str, list[str]]
    types: list[str]
    score: float


class SearchResponse(BaseModel):
    query: str
    results: list[SearchResult]


class Node(BaseModel):
    id: str
    label: str
    types: list[str]
    # "class" is a Python keyword: exposed under its JSON name by alias
    class_: str | None = Field(None, alias="class")


class Edge(BaseModel):
    id: str
    source: str
    target: str
    predicate: str
    label: str
    inferred: bool


class GraphResponse(BaseModel):
    focus: str
    nodes: list[Node]
    edges: list[Edge]


class ErrorResponse(BaseModel):
    """Every error the service answers: a status code and one message (never a traceback)."""
    error: str


def error_responses(*codes: int) -> dict:
    """OpenAPI `responses` entries for the given error status codes, all with the ErrorResponse body."""
    return {code: {"model": ErrorResponse, "description": ERROR_DESCRIPTIONS[code]} for code in codes}


ERROR_DESCRIPTIONS = {
    400: "bad input (a malformed query, IRI, question or parameter); the message says what is wrong",
    401: "a bearer token is needed (updates; reads too when the operator sets KG_READ_TOKEN)",
    403: "refused (read-only service, wrong token, SERVICE/LOAD)",
    404: "no such entity, graph or file",
    406: "none of the accepted media types is offered",
    413: "the request body is larger than the configured limit",
    415: "unsupported request content type",
    503: "the query reached the time limit and was stopped, or the store is unavailable; the server keeps serving",
}
