"""Service settings, read from `KG_*` environment variables (FastAPI's settings pattern, without pydantic-settings).

| variable | meaning | default |
|---|---|---|
| KG_STORE | store spec: a directory, `:memory:` or an http(s):// SPARQL server | ./kg-data |
| KG_TIMEOUT | per-query time limit, seconds | 30 |
| KG_MAX_ROWS | SELECT row cap: longer results are cut and say so (`X-SPARQL-Truncated`) | 10000 |
| KG_MAX_TRIPLES | CONSTRUCT/DESCRIBE triple cap: larger graphs are refused whole, never cut | 100000 |
| KG_UPDATE_TOKEN | bearer token that enables updates; unset = read-only service | unset |
| KG_READ_TOKEN | bearer token required for reads; unset = open reads | unset |
| KG_CORS_ORIGINS | comma-separated allowed origins, `*` for any, empty for none | * |
| KG_MAX_BODY_BYTES | largest request body accepted | 4194304 (4 MiB) |
| KG_WORKERS | query worker processes for an on-disk store | min(4, CPUs) |
| KG_INLINE_MS | a query a worker answered within this many ms runs in-process when repeated on the same checkpoint (it blocks the event loop that long at most, 4× on a loaded machine before it goes back to workers); 0 = always a worker | 10 |
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace


def _float(name: str, default: float) -> float:
    try:
        return float(os.environ.get(name, default))
    except ValueError:
        return default


def _int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name, default))
    except ValueError:
        return default


@dataclass(frozen=True)
class Settings:
    store: str = "./kg-data"
    timeout: float = 30.0
    max_rows: int = 10000
    max_triples: int = 100000
    update_token: str | None = None
    read_token: str | None = None
    cors_origins: tuple[str, ...] = ("*",)
    max_body_bytes: int = 4 * 1024 * 1024
    workers: int = field(default_factory=lambda: max(1, min(4, os.cpu_count() or 1)))
    inline_ms: float = 10.0

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        cors = os.environ.get("KG_CORS_ORIGINS", "*")
        base = cls(
            store=os.environ.get("KG_STORE") or "./kg-data",
            timeout=_float("KG_TIMEOUT", 30.0),
            max_rows=_int("KG_MAX_ROWS", 10000),
            max_triples=_int("KG_MAX_TRIPLES", 100000),
            update_token=os.environ.get("KG_UPDATE_TOKEN") or None,
            read_token=os.environ.get("KG_READ_TOKEN") or None,
            cors_origins=tuple(o.strip() for o in cors.split(",") if o.strip()),
            max_body_bytes=_int("KG_MAX_BODY_BYTES", 4 * 1024 * 1024),
            workers=max(1, _int("KG_WORKERS", max(1, min(4, os.cpu_count() or 1)))),
            inline_ms=max(0.0, _float("KG_INLINE_MS", 10.0)),
        )
        return replace(base, **{k: v for k, v in overrides.items() if v is not None})
