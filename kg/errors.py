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
}


def message(key: str, **kw: object) -> str:
    return MESSAGES[key].format(**kw)
