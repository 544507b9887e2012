"""Investor networks: the co-investment graph and the investors most exposed to one foundry.

An investor's portfolio is what it is `investedIn` plus the `fundedCompany` of every round it is an
`investor` or `leadInvestor` of. Two investors are linked when their portfolios share a company; the
edge weight is the number of shared companies. With a foundry, investors are ranked by their portfolio
companies that rely on it (exposed: every known supply option goes through it; partial: some do).
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Any

import networkx as nx

from kg.analytics import projection as projection_mod
from kg.analytics.exposure import _cut_for, what_if
from kg.analytics.projection import Projection
from kg.analytics.resolve import resolve

LIMIT = 50


def portfolios(proj: Projection) -> dict[str, dict[str, list[dict]]]:
    """investor -> company -> the hops that show the investment (direct or through a round)."""
    out: dict[str, dict[str, list[dict]]] = defaultdict(dict)
    for inv, companies in proj.out_["investedIn"].items():
        for c in companies:
            out[inv][c] = [proj.hop(inv, "investedIn", c)]
    for rel in ("investor", "leadInvestor"):
        for rnd, invs in proj.out_[rel].items():
            for c in proj.out(rnd, "fundedCompany"):
                for inv in invs:
                    out[inv].setdefault(c, [proj.hop(rnd, rel, inv), proj.hop(rnd, "fundedCompany", c)])
    return out


def coinvest(store: Any, foundry: str | None = None, limit: int = LIMIT, **_: Any) -> dict:
    proj = projection_mod.get(store)
    port = portfolios(proj)
    backers: dict[str, set[str]] = defaultdict(set)
    for inv, companies in port.items():
        for c in companies:
            backers[c].add(inv)
    g = nx.Graph()
    g.add_nodes_from(port)
    for c, invs in backers.items():
        for a, b in combinations(sorted(invs), 2):
            if g.has_edge(a, b):
                g[a][b]["weight"] += 1
                g[a][b]["companies"].append(c)
            else:
                g.add_edge(a, b, weight=1, companies=[c])
    edges = sorted(((a, b, d) if (proj.label(a).casefold(), a) <= (proj.label(b).casefold(), b) else (b, a, d)
                    for a, b, d in g.edges(data=True)), key=lambda e: (-e[2]["weight"], proj.label(e[0]).casefold(),
                                                     proj.label(e[1]).casefold()))
    investors = sorted(port, key=lambda i: (-g.degree(i, weight="weight"), -len(port[i]), proj.label(i).casefold()))
    groups = sorted((sorted(cc, key=proj.label) for cc in nx.connected_components(g) if len(cc) > 1),
                    key=lambda cc: (-len(cc), proj.label(cc[0])))
    result: dict[str, Any] = {
        "kind": "coinvest",
        "investors_total": len(port), "links_total": g.number_of_edges(),
        "investors": [dict(proj.ref(i), portfolio=len(port[i]), co_investors=g.degree(i),
                           shared=g.degree(i, weight="weight")) for i in investors[:limit]],
        "edges": [{"a": proj.ref(a), "b": proj.ref(b), "weight": d["weight"],
                   "companies": [proj.ref(c) for c in sorted(d["companies"], key=proj.label)]}
                  for a, b, d in edges[:limit]],
        "groups": [[proj.label(n) for n in cc] for cc in groups[:limit]],
    }
    if foundry:
        result["foundry_exposure"] = _foundry_exposure(proj, port, foundry, limit)
    return result


def _foundry_exposure(proj: Projection, port: dict, foundry: str, limit: int) -> dict:
    t = resolve(proj, foundry, prefer=("Foundry", "ProcessNode"))
    cut = _cut_for(proj, t.node, t.max_nm)
    hit = what_if(proj, cut)["vendors"]
    status = {e["iri"]: e for group in ("exposed", "partial", "uncertain") for e in hit[group]}
    rows = []
    for inv, companies in port.items():
        affected = []
        for c, hops in companies.items():
            e = status.get(c)
            if e is None:
                continue
            path = hops + (e["paths"][0] if e["paths"] else (e["unknown"] or [[]])[0])
            affected.append(dict(proj.ref(c), status=e["status"], path=path))
        if affected:
            affected.sort(key=lambda a: (a["status"] != "exposed", a["label"].casefold()))
            rows.append(dict(proj.ref(inv), exposed=sum(a["status"] == "exposed" for a in affected),
                             partial=sum(a["status"] == "partial" for a in affected),
                             portfolio=len(companies), companies=affected))
    rows.sort(key=lambda r: (-r["exposed"], -(r["exposed"] + r["partial"]), r["label"].casefold()))
    return {"foundry": proj.ref(t.node), "max_nm": t.max_nm, "investors": rows[:limit]}
