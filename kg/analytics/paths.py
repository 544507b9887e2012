"""Paths: how two entities are connected, as shortest paths over the projection with relations named.

The search ignores edge direction (a vendor and a foundry meet through a chip: the chip is designedBy one
and fabricatedBy the other); each hop says whether the stated triple runs along the walk (`forward`,
`from relation to`) or against it (`inverse`, `to relation from`).
"""
from __future__ import annotations

from itertools import islice
from typing import Any

import networkx as nx

from kg.analytics import projection as projection_mod
from kg.analytics.projection import Projection
from kg.analytics.resolve import resolve

MAX_PATHS = 10


def paths(store: Any, source: str, target: str, max_paths: int = MAX_PATHS, **_: Any) -> dict:
    proj = projection_mod.get(store)
    s = resolve(proj, source).node
    t = resolve(proj, target).node
    g = proj.undirected()
    result: dict[str, Any] = {"kind": "path", "source": proj.ref(s), "target": proj.ref(t), "length": None,
                              "paths": []}
    if s == t:
        result["length"] = 0
        return result
    try:
        found = list(islice(nx.all_shortest_paths(g, s, t), max_paths))
    except nx.NetworkXNoPath:
        return result
    result["length"] = len(found[0]) - 1
    result["paths"] = [_hops(proj, g, walk) for walk in found]
    return result


def _hops(proj: Projection, g: nx.Graph, walk: list[str]) -> list[dict]:
    hops = []
    for a, b in zip(walk, walk[1:]):
        for s, rel, o in sorted(g[a][b]["triples"]):
            hop = proj.hop(a, rel, b)
            hop["direction"] = "forward" if s == a else "inverse"
            hops.append(hop)
            break  # one relation per step; the others are listed in `also`
        others = [rel for s, rel, o in sorted(g[a][b]["triples"])[1:]]
        if others:
            hops[-1]["also"] = others
    return hops
