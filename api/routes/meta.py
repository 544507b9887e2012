"""/health and /stats."""
from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool

from api.deps import get_executor, get_settings, get_store, require_read

router = APIRouter(tags=["Service"])


@router.get("/health", summary="Liveness and configuration summary")
async def health(request: Request) -> dict:
    settings = get_settings(request)
    store = get_store(request)
    return {"status": "ok", "store": "remote" if store.is_remote else ("memory" if store.spec == ":memory:" else "embedded"),
            "read_only": not settings.update_token, "timeout": settings.timeout, "max_rows": settings.max_rows,
            "executor": get_executor(request).kind, "answered": getattr(get_executor(request), "answered", None)}


@router.get("/stats", summary="Quads, entities per class, quads per named graph")
async def stats(request: Request) -> dict:
    require_read(request)
    cache = request.app.state.cache
    if "stats" not in cache:
        cache["stats"] = await run_in_threadpool(get_store(request).stats)
    return cache["stats"]
