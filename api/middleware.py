"""ASGI middleware: request-body limits, and the lean path that answers SPARQL protocol requests.

Both are plain ASGI (no `BaseHTTPMiddleware`), so they add microseconds, not a task per request.
"""
from __future__ import annotations

import logging
from typing import Any

from fastapi.responses import JSONResponse
from starlette.datastructures import Headers
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request

from kg import errors

log = logging.getLogger("kg.api")


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status, headers=headers)


def kg_error_response(exc: errors.KGError) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if isinstance(exc, errors.Unauthorized) else None
    return error_response(exc.status, exc.message, headers)


class BodyLimit:
    """Refuse request bodies above `limit` bytes with 413 (by Content-Length, or while streaming)."""

    def __init__(self, app: Any, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None and length.isdigit() and int(length) > self.limit:
            await self._drain(receive)
            return await self._refuse(scope, receive, send)
        seen = 0

        async def limited() -> dict:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.limit:
                    raise errors.TooLarge(self._message())
            return msg

        try:
            await self.app(scope, limited, send)
        except errors.TooLarge:
            await self._refuse(scope, receive, send)

    def _message(self) -> str:
        return errors.message("body_too_large", limit=self.limit)

    async def _drain(self, receive: Any, cap: int = 64 * 1024 * 1024) -> None:
        """Read (and drop) the body so the client sees the 413 rather than a reset connection."""
        got = 0
        while got < cap:
            msg = await receive()
            if msg["type"] != "http.request":
                return
            got += len(msg.get("body", b""))
            if not msg.get("more_body"):
                return

    async def _refuse(self, scope: dict, receive: Any, send: Any) -> None:
        await error_response(413, self._message(), {"Connection": "close"})(scope, receive, send)


class Compress(GZipMiddleware):
    """Starlette's gzip, but `Accept-Encoding: gzip;q=0` means no (Starlette looks for the substring)."""

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        from api.protocol import accepts_gzip
        if scope["type"] == "http" and not accepts_gzip(Headers(scope=scope).get("accept-encoding")):
            return await self.app(scope, receive, send)
        await super().__call__(scope, receive, send)


class SparqlFastPath:
    """Answer `GET`/`POST /sparql` without FastAPI's routing, dependency solving and validation.

    Those cost about 0.15 ms a request, as much as a cheap query on a million triples; the route
    functions in `api.routes.sparql` stay the documented operations (OpenAPI) and both call the same
    `handle`. Other methods and paths go on to the app unchanged.
    """

    def __init__(self, app: Any):
        self.app = app

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] != "/sparql" or scope["method"] not in ("GET", "POST"):
            return await self.app(scope, receive, send)
        from api.routes.sparql import handle
        try:
            response = await handle(Request(scope, receive))
        except errors.TooLarge:
            raise  # BodyLimit answers it and closes the connection
        except errors.KGError as exc:
            response = kg_error_response(exc)
        except Exception as exc:  # never a traceback to the client
            log.error("unexpected error on /sparql: %r", exc)
            response = error_response(500, "internal error; the request was not completed")
        await response(scope, receive, send)
