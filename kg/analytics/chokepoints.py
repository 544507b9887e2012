"""Chokepoints: foundries, processes and vendors ranked by how much depends on them.

Measures (all counted over the vendors in `region`, by their aic:country, when a region is given):
- `vendors`: vendors with a supply option through the node (chips made there, or a stated reliesOn);
  for a vendor: other organizations whose clusters are built from its chips.
- `chips`: chips with a supply option through the node; for a vendor: chips it designs.
- `sole_vendors` / `sole_chips`: those whose *every* known option goes through the node (cutting it
  leaves them without supply), the what-if measure of `kg analyze exposure`.
- `betweenness`: betweenness centrality on the undirected supply graph of vendors, processes, foundries
  and clusters (a chip becomes a vendor–process or vendor–foundry link; offeredBy links a process to its
  foundry; a cluster links to the vendors of its chips; stated reliesOn links a vendor directly), exact
  up to 3000 nodes, else estimated from sampled sources (seeded; as many as fit a budget of about 2M
  edge visits, between 16 and 300).
Ranked by sole_vendors, vendors, sole_chips, chips, then betweenness.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import networkx as nx

from kg.analytics import projection as projection_mod
from kg.analytics.projection import Projection
from kg.analytics.supply import chip_options, chips_of, vendor_direct_options

EXACT_LIMIT = 3000
MAX_SAMPLES, MIN_SAMPLES, EDGE_VISIT_BUDGET = 300, 16, 2_000_000


def chokepoints(store: Any, region: str | None = None, limit: int = 25, **_: Any) -> dict:
    proj = projection_mod.get(store)
    region = region.strip().upper() if region else None
    vendors = {n for n in proj.graph.nodes if chips_of(proj, n) or proj.out(n, "reliesOn")}
    if region:
        vendors = {v for v in vendors if proj.country(v) == region}

    # per vendor: the set of supply nodes (processes and foundries) of each option
    dep_vendors: dict[str, set[str]] = defaultdict(set)
    dep_chips: dict[str, set[str]] = defaultdict(set)
    sole_vendors: dict[str, set[str]] = defaultdict(set)
    sole_chips: dict[str, set[str]] = defaultdict(set)
    chips_in_scope: set[str] = set()
    for v in vendors:
        vendor_opts = []
        for c in chips_of(proj, v):
            opts = chip_options(proj, c)
            if not opts:
                continue
            chips_in_scope.add(c)
            vendor_opts += opts
            for n in _nodes(opts):
                dep_chips[n].add(c)
            for n in _sole(opts):
                sole_chips[n].add(c)
        vendor_opts += vendor_direct_options(proj, v, vendor_opts)
        for n in _nodes(vendor_opts):
            dep_vendors[n].add(v)
        for n in _sole(vendor_opts):
            sole_vendors[n].add(v)

    sub = _supply_subgraph(proj, vendors, chips_in_scope)
    n = sub.number_of_nodes()
    samples = min(n, max(MIN_SAMPLES, min(MAX_SAMPLES, EDGE_VISIT_BUDGET // max(sub.number_of_edges(), 1))))
    if n == 0:
        btw: dict[str, float] = {}
    elif n <= EXACT_LIMIT:
        btw = nx.betweenness_centrality(sub, normalized=True)
    else:
        btw = nx.betweenness_centrality(sub, k=samples, normalized=True, seed=0)

    def row(node: str, **counts: Any) -> dict:
        r = proj.ref(node)
        r.update(counts)
        r["betweenness"] = round(btw.get(node, 0.0), 6)
        return r

    suppliers = set(dep_vendors) | set(dep_chips)
    foundries, processes = [], []
    for s in suppliers:
        counts = {"vendors": len(dep_vendors[s]), "chips": len(dep_chips[s]),
                  "sole_vendors": len(sole_vendors[s]), "sole_chips": len(sole_chips[s])}
        if not region:
            counts["vendors_by_region"] = dict(sorted(Counter(proj.country(v) or "?" for v in dep_vendors[s]).items()))
        if "ProcessNode" in proj.types(s) or proj.out(s, "offeredBy"):
            processes.append(row(s, nm=proj.nm(s), **counts))
        else:
            foundries.append(row(s, **counts))
    vendor_rows = []
    for v in vendors:
        chips = {c for c in chips_of(proj, v)}
        clusters = {k for c in chips for k in proj.inc(c, "builtFrom")}
        others = {d for k in clusters for d in proj.out(k, "designedBy")} - {v}
        vendor_rows.append(row(v, country=proj.country(v), vendors=len(others), chips=len(chips),
                               sole_vendors=0, sole_chips=0, clusters=len(clusters)))

    def rank(rows: list[dict]) -> list[dict]:
        rows.sort(key=lambda r: (-r["sole_vendors"], -r["vendors"], -r["sole_chips"], -r["chips"],
                                 -r["betweenness"], r["label"].casefold()))
        for i, r in enumerate(rows, 1):
            r["rank"] = i
        return rows[:limit] if limit else rows

    return {"kind": "chokepoints", "region": region, "vendors_in_scope": len(vendors),
            "chips_in_scope": len(chips_in_scope),
            "betweenness": "exact" if n <= EXACT_LIMIT else f"estimated from {samples} sampled sources",
            "supply_subgraph": {"nodes": n, "edges": sub.number_of_edges()},
            "foundries": rank(foundries), "processes": rank(processes), "vendors": rank(vendor_rows)}


def _nodes(opts) -> set[str]:
    out: set[str] = set()
    for o in opts:
        out.add(o.node)
        out |= o.foundries
    return out


def _sole(opts) -> set[str]:
    """Nodes every option goes through: one process for all, or one foundry for all."""
    if not opts:
        return set()
    common = {opts[0].node} | set(opts[0].foundries)
    for o in opts[1:]:
        common &= {o.node} | set(o.foundries)
    return common


def _supply_subgraph(proj: Projection, vendors: set[str], chips: set[str]) -> nx.Graph:
    """Vendors, processes, foundries and clusters; chips folded into vendor–process / vendor–foundry links."""
    g = nx.Graph()
    for c in chips:
        opts = chip_options(proj, c)
        for v in proj.out(c, "designedBy") & vendors:
            for o in opts:
                g.add_edge(v, o.node)
                for f in o.foundries:
                    g.add_edge(o.node, f)
            for k in proj.inc(c, "builtFrom"):
                g.add_edge(k, v)
    for v in vendors:
        for t in proj.out(v, "reliesOn"):
            g.add_edge(v, t)
            for f in proj.out(t, "offeredBy"):
                g.add_edge(t, f)
    return g
