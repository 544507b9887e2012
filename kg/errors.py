"""Every user-facing error message in one place, as spaCy keeps spacy/errors.py.

Each error class maps to an HTTP status in the API's single exception handler and to a one-line
stderr message plus non-zero exit in the CLI.
"""
from __future__ import annotations


class KGError(Exception):
    """Base of all errors a user can cause; never shown with a traceback."""

    status = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class BadQuery(KGError):
    """A SPARQL query or update the parser rejects."""


class BadInput(KGError):
    """A file or payload that cannot be read as what it claims to be."""


class NotFound(KGError):
    status = 404


class StoreUnavailable(KGError):
    """The store could not be opened or reached."""

    status = 503


class Forbidden(KGError):
    """An operation the service refuses (SERVICE, LOAD, updates without a token)."""

    status = 403


class Unauthorized(KGError):
    status = 401


class QueryTimeout(KGError):
    status = 503


class TooLarge(KGError):
    status = 413


class ResultTooLarge(KGError):
    """A CONSTRUCT/DESCRIBE graph above the service's triple cap: refused whole, since a cut graph misleads."""

    status = 422


class NotAcceptable(KGError):
    status = 406


class UnsupportedMediaType(KGError):
    status = 415


MESSAGES = {
    "missing_file": "no such file: {path}",
    "bad_rdf": "cannot parse {path} as {fmt}: {detail}",
    "unknown_format": "unknown format {fmt!r}; known: {known}",
    "bad_query": "malformed SPARQL: {detail}",
    "store_locked": "the store at {path} is in use by another process: {detail} (if `kg serve` holds it, "
                    "read it through the server: --store http://127.0.0.1:PORT/sparql)",
    "remote_truncated": "the SPARQL server at {url} cut the answer at its row cap ({cap} rows); "
                        "narrow the query or raise the server's cap",
    "no_store": "no store at {path}: give --store the folder `kg ingest` or `kg load` wrote (default ./kg-data)",
    "store_unreachable": "cannot reach the SPARQL server at {url}: {detail}",
    "remote_error": "the SPARQL server at {url} answered {status}: {detail}",
    "outbound": "{what} is refused: queries may not cause outbound requests",
    "timeout": "the query ran longer than the limit of {seconds} s and was stopped",
    "no_graph": "no graph named {iri}",
    # -- the store and its backends
    "store_open_failed": "cannot open the store at {path}: {detail}",
    "memory_no_checkpoint": "an in-memory store has no checkpoints",
    "remote_no_checkpoint": "a remote store has no checkpoints",
    "format_not_graph": "format {name} cannot carry a graph; use turtle, ntriples or jsonld",
    "format_not_results": "format {name} cannot carry SELECT/ASK results; use json, xml, csv or tsv",
    "not_acceptable": "none of the accepted media types ({accept}) can carry this result",
    # -- the query workers (kg/executor.py)
    "worker_not_started": "a query worker did not start",
    "worker_open_failed": "a query worker could not open the store: {detail}",
    "checkpoint_failed": "could not take a checkpoint of the store: {detail}",
    "workers_busy": "every query worker stayed busy for the limit of {seconds} s; try again",
    "worker_died": "the query worker stopped unexpectedly (out of memory?); try again",
    # -- the SPARQL protocol (api/protocol.py, api/routes/sparql.py)
    "missing_query": "missing query: pass it as the query parameter or as an application/sparql-query body",
    "missing_update": "missing update: pass it as the update parameter or an application/sparql-update body",
    "query_failed": "the query could not be evaluated: {detail}",
    "update_failed": "the update could not be applied: {detail}",
    "format_cannot_carry": "format {names!r} cannot carry this result; use one of {known}",
    "graph_too_large": "this CONSTRUCT/DESCRIBE result has more than {cap:,} triples, this service's cap "
                       "(KG_MAX_TRIPLES); it is refused rather than cut. Narrow the pattern or add LIMIT/OFFSET "
                       "to its WHERE clause and fetch it in parts",
    "repeated_param": "more than one {name} parameter; send exactly one",
    "body_not_utf8": "the request body is not UTF-8 text",
    "query_twice": "the query is both in the body and in the URL; send it once",
    "sparql_media_type": "unsupported content type {media!r}: POST application/x-www-form-urlencoded, "
                         "application/sparql-query or application/sparql-update",
    "update_by_get": "updates are not accepted by GET; POST them to /update",
    "query_and_update": "send either a query or an update, not both",
    "query_to_update": "/update takes an update; send queries to /sparql",
    # -- access (api/deps.py)
    "store_not_open": "the store is not open",
    "read_only": "this service is read-only: updates are disabled (the operator sets KG_UPDATE_TOKEN to enable them)",
    "update_token_missing": "updates need an Authorization: Bearer <token> header",
    "update_token_invalid": "the bearer token is not valid for updates",
    "read_token_missing": "reads need an Authorization: Bearer <token> header",
    "read_token_invalid": "the bearer token is not valid",
    # -- the graph store protocol (api/graphstore.py, api/routes/store.py)
    "graph_media_type": "unsupported content type {media!r}: send text/turtle, application/n-triples, "
                        "application/rdf+xml, application/ld+json, application/n-quads or application/trig",
    "not_absolute_iri": "not an absolute IRI: {iri!r}",
    "bad_body_rdf": "cannot parse the body as {fmt}: {detail}",
    "graph_and_default": "pass either graph= or default, not both",
    "graph_target_missing": "{method} needs graph=IRI or default",
    # -- entity pages and search (api/entities.py, api/routes/entities.py, api/routes/page.py)
    "not_iri": "not an IRI: {iri!r}",
    "no_entity": "no entity {iri}",
    "missing_search": "missing search text: pass q=",
    "entity_format": "format {name!r}: use html, json, jsonld, turtle or ntriples",
    "entity_not_acceptable": "none of the accepted media types ({accept}) is offered: "
                             "text/html, application/json, application/ld+json, text/turtle",
    "page_not_found": "no such file",
    "no_web_packages": "no vendored web packages installed",
    # -- questions (api/routes/ask.py) and request bodies (api/middleware.py)
    "qa_unavailable": "question answering is not available in this build yet",
    "missing_question": "missing question: pass q=",
    "question_too_long": "the question is longer than {limit} characters",
    "bad_json_body": "the body is not valid JSON",
    "ask_json_shape": 'send a JSON object with the question as a string in "q"',
    "ask_media": 'POST the question as a form field q or as a JSON object with "q"',
    "body_too_large": "the request body is larger than the limit of {limit} bytes",
    # -- analytics (kg/analytics/)
    "unknown_analysis": "unknown analysis {kind!r}; known: {known}",
    "missing_entity_name": "name an entity: a foundry, process node, vendor, chip or investor",
    "unknown_entity_name": "no entity named {text!r} in the graph (try its English name or its IRI)",
    "exposure_target": "{label} is {kinds}: exposure takes a foundry, a process node, a vendor or a chip",
    "exposure_untyped": "an entity without supply-chain relations",
    # -- ingestion (ingest/readers/, ingest/cluster.py, kg ingest/remove)
    "empty_file": "{path}: empty file",
    "no_text": "{path}: no text to extract",
    "binary_file": "{path}: binary file, not a text document",
    "bad_encoding": "{path}: not valid UTF-8 (or GB18030/Shift-JIS/EUC-JP/Big5) text",
    "file_too_large": "{path}: too large ({size} bytes; limit {limit})",
    "unreadable_file": "{path}: cannot read ({detail})",
    "pdf_no_text": "{path}: no text layer; OCR it first",
    "pdf_encrypted": "{path}: encrypted PDF; decrypt it first ({detail})",
    "pdf_unreadable": "{path}: not a readable PDF ({detail})",
    "pdf_no_pages": "{path}: not a readable PDF (no pages)",
    "scheduler_unreachable": "cannot reach the Dask scheduler at {address}: {detail}",
    "scheduler_no_workers": "the Dask scheduler at {address} has no workers",
    "no_document_match": "no ingested document matches {documents}",
}


def message(key: str, **kw: object) -> str:
    """The text of MESSAGES[key] with its {placeholders} filled from kw (a missing one is a KeyError)."""
    return MESSAGES[key].format(**kw)
