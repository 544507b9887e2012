"""`create_app(settings)`: the FastAPI app. The lifespan opens the store once, loads the ontology graph
and starts the query workers; every `kg.errors.KGError` becomes its status and `{"error": message}`.
"""
from __future__ import annotations

import asyncio
import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.cors import CORSMiddleware

from api.middleware import BodyLimit, Compress, SparqlFastPath, error_response, kg_error_response
from api.protocol import GZIP_LEVEL, GZIP_MIN_BYTES
from api.schemas import error_responses
from api.settings import Settings
from kg import errors

log = logging.getLogger("kg.api")

DESCRIPTION = """A knowledge graph of the AI chip industry.

* `/sparql`: SPARQL 1.1 Protocol (query by GET, form POST or `application/sparql-query`; updates with a token)
* `/store`: SPARQL 1.1 Graph Store HTTP Protocol
* `/entity/{id}`, `/search`, `/graph`: the entity API used by the web page
* `/ask`: questions in English, Japanese or Chinese
"""


# Error statuses each router's operations can answer (documented in the OpenAPI with {"error": message}).
COMMON_ERRORS = (400, 401, 403, 413, 503)
ERRORS_BY_ROUTER = {
    "api.routes.sparql": (*COMMON_ERRORS, 406, 415),
    "api.routes.store": (*COMMON_ERRORS, 404, 406, 415),
    "api.routes.entities": (*COMMON_ERRORS, 404, 406),
    "api.routes.ask": (*COMMON_ERRORS, 415),
    "api.routes.analytics": (*COMMON_ERRORS, 404),
}


def allowed_methods(request: Request) -> list[str]:
    """Every method some route offers for this path (Starlette's 405 names only the first route's)."""
    from starlette.routing import Match
    methods: set[str] = set()
    todo = list(request.app.router.routes)
    while todo:
        route = todo.pop()
        nested = getattr(getattr(route, "original_router", None), "routes", None)  # FastAPI's included routers
        if nested is not None:
            todo += nested
        elif getattr(route, "methods", None) and route.matches(request.scope)[0] != Match.NONE:
            methods |= route.methods
    return sorted(methods)


@asynccontextmanager
async def lifespan(app: FastAPI):
    from kg.executor import make_executor
    from kg.store import open_store
    settings: Settings = app.state.settings
    store = await asyncio.to_thread(open_store, settings.store)
    try:
        from kg.bootstrap import ensure_ontology
        if await asyncio.to_thread(ensure_ontology, store):
            await asyncio.to_thread(store.optimize)  # compacted before the workers' first checkpoint
    except errors.KGError as exc:
        log.warning("ontology not loaded: %s", exc.message)
    except FileNotFoundError:
        log.warning("ontology file missing; serving without it")
    executor = make_executor(store, settings, runner="api.protocol:run_query")
    await executor.start()
    app.state.store = store
    app.state.executor = executor
    app.state.write_lock = asyncio.Lock()
    app.state.cache = {}
    try:
        yield
    finally:
        await executor.close()
        store.close()


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    app = FastAPI(title="aichip-kg", description=DESCRIPTION, version="0.1.0", lifespan=lifespan,
                  docs_url=None, redoc_url=None)  # /docs and /redoc from local assets: page.add_docs
    app.state.settings = settings

    @app.exception_handler(errors.KGError)
    async def kg_error(request: Request, exc: errors.KGError) -> JSONResponse:
        return kg_error_response(exc)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        headers = getattr(exc, "headers", None)
        if exc.status_code == 405:
            headers = {**(headers or {}), "Allow": ", ".join(allowed_methods(request))}
        return error_response(exc.status_code, str(exc.detail), headers)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("unexpected error on %s: %r", request.url.path, exc)
        return error_response(500, "internal error; the request was not completed")

    from api.routes import analytics, ask, entities, meta, page, sparql, store
    for module in (sparql, store, entities, ask, analytics, meta, page):
        app.include_router(module.router, responses=error_responses(*ERRORS_BY_ROUTER.get(module.__name__, COMMON_ERRORS)))
    page.add_docs(app)
    page.mount_static(app)

    # outermost last: BodyLimit → CORS → SparqlFastPath → Compress → routes. /sparql answers skip Compress:
    # a worker already gzips the big ones (`protocol.compress`), and a second look at them costs ~0.1 ms.
    app.add_middleware(Compress, minimum_size=GZIP_MIN_BYTES, compresslevel=GZIP_LEVEL)
    app.add_middleware(SparqlFastPath)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                           allow_methods=["GET", "POST", "PUT", "DELETE", "OPTIONS"],
                           allow_headers=["Authorization", "Content-Type", "Accept"],
                           expose_headers=["X-SPARQL-Truncated", "X-SPARQL-Row-Cap"])
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    return app


def serve(store: str, host: str = "127.0.0.1", port: int = 8000, timeout: float = 30.0,
          max_rows: int = 10000) -> None:
    """Run the service with uvicorn (what `kg serve` calls)."""
    import uvicorn
    settings = Settings.from_env(store=store, timeout=timeout, max_rows=max_rows)
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info", access_log=False,
                timeout_graceful_shutdown=5)
