"""FastAPI dependencies: the settings, the open store, the query executor, and the token checks."""
from __future__ import annotations

import hmac

from fastapi import Request

from api.settings import Settings
from kg import errors


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_store(request: Request):
    store = getattr(request.app.state, "store", None)
    if store is None:
        raise errors.StoreUnavailable(errors.message("store_not_open"))
    return store


def get_executor(request: Request):
    return request.app.state.executor


def _bearer(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _matches(given: str | None, expected: str | None) -> bool:
    return bool(given and expected) and hmac.compare_digest(given.encode(), expected.encode())


def require_token(request: Request) -> None:
    """Writes need `Authorization: Bearer $KG_UPDATE_TOKEN`; with no token configured the service is read-only."""
    settings = get_settings(request)
    if not settings.update_token:
        raise errors.Forbidden(errors.message("read_only"))
    given = _bearer(request)
    if given is None:
        raise errors.Unauthorized(errors.message("update_token_missing"))
    if not _matches(given, settings.update_token):
        raise errors.Forbidden(errors.message("update_token_invalid"))


def require_read(request: Request) -> None:
    """Reads are open unless KG_READ_TOKEN is set; then the read or the update token is needed."""
    settings = get_settings(request)
    if not settings.read_token:
        return
    given = _bearer(request)
    if given is None:
        raise errors.Unauthorized(errors.message("read_token_missing"))
    if not (_matches(given, settings.read_token) or _matches(given, settings.update_token)):
        raise errors.Forbidden(errors.message("read_token_invalid"))
