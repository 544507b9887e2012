"""Supply-chain analytics over HTTP: thin wrappers around `kg.analytics.run` (same dicts as `kg analyze --json`)."""
from __future__ import annotations

from typing import Any, Optional

from fastapi import APIRouter, Depends, Query

from api.deps import get_store, require_read
from kg import analytics

router = APIRouter(prefix="/analytics", tags=["Analytics"], dependencies=[Depends(require_read)])


@router.get("/exposure", summary="What breaks if a foundry, a process node or a node-size range is cut off")
def exposure(target: str = Query(..., description="a foundry, process node, vendor or chip: name or IRI"),
             max_nm: Optional[float] = Query(None, gt=0, description="only the target foundry's nodes of at most this size"),
             store: Any = Depends(get_store)) -> dict:
    return analytics.run("exposure", store, target=target, max_nm=max_nm)


@router.get("/chokepoints", summary="Foundries, processes and vendors ranked by how much depends on them")
def chokepoints(region: Optional[str] = Query(None, description="vendors' country code, e.g. CN"),
                store: Any = Depends(get_store)) -> dict:
    return analytics.run("chokepoints", store, region=region)


@router.get("/path", summary="Shortest paths between two entities, relations named")
def path(source: str = Query(..., description="name or IRI"), target: str = Query(..., description="name or IRI"),
         store: Any = Depends(get_store)) -> dict:
    return analytics.run("path", store, source=source, target=target)


@router.get("/coinvest", summary="Co-investment network; with a foundry, the investors most exposed to it")
def coinvest(foundry: Optional[str] = Query(None, description="rank investors by exposure to this foundry"),
             store: Any = Depends(get_store)) -> dict:
    return analytics.run("coinvest", store, foundry=foundry)
