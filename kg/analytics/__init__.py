"""Supply-chain analytics over a networkx projection of the graph: exposure / what-if, chokepoints,
paths between entities, and investor networks.

`run(kind, store, **options) -> dict` (JSON-ready) and `render(kind, result) -> str` are the entry points
of `kg analyze`, `/analytics/...` and the question answerer.
"""
from __future__ import annotations

from typing import Any, Callable

from kg import errors
from kg.analytics.chokepoints import chokepoints
from kg.analytics.coinvest import coinvest
from kg.analytics.exposure import exposure
from kg.analytics.paths import paths
from kg.analytics.projection import Projection, build, get as get_projection
from kg.analytics.render import render as _render

KINDS: dict[str, Callable[..., dict]] = {
    "exposure": exposure,
    "chokepoints": chokepoints,
    "path": paths,
    "coinvest": coinvest,
}

__all__ = ["run", "render", "KINDS", "get_projection", "build", "Projection"]


def run(kind: str, store: Any, **options: Any) -> dict:
    """Run one analysis (`exposure`, `chokepoints`, `path`, `coinvest`) and return a JSON-ready dict."""
    fn = KINDS.get(kind)
    if fn is None:
        raise errors.BadInput(errors.message("unknown_analysis", kind=kind, known=", ".join(KINDS)))
    return fn(store, **{k: v for k, v in options.items() if v is not None})


def render(kind: str, result: dict) -> str:
    """Readable text for a result of `run(kind, …)`."""
    if kind not in KINDS:
        raise errors.BadInput(errors.message("unknown_analysis", kind=kind, known=", ".join(KINDS)))
    return _render(kind, result)
