"""Exposure / what-if: cut a foundry, a process node, or a foundry's nodes up to a size, and see who loses
their only supply path and who keeps an alternative. For a vendor (or chip): its full upstream and
downstream.

Statuses
- chip `exposed`: every known supply option (process or foundry) is cut; `alternative`: some option is cut
  and another survives; `uncertain`: nothing survives but some option's fate is unknown (a foundry cut
  below a size when the chip's node size is unknown).
- vendor `exposed`: every chip with known supply is exposed and every stated `reliesOn` is cut;
  `partial`: something is cut but some supply survives.
- cluster: the same over the chips it is `builtFrom`.
"""
from __future__ import annotations

from typing import Any

from kg import errors
from kg.analytics import projection as projection_mod
from kg.analytics.projection import Projection
from kg.analytics.resolve import resolve
from kg.analytics.supply import (ALIVE, CUT, UNKNOWN, Cut, Option, chip_options, chips_of,
                                 vendor_direct_options)

MAX_PATHS = 5


def exposure(store: Any, target: str, max_nm: float | None = None, **_: Any) -> dict:
    proj = projection_mod.get(store)
    t = resolve(proj, target, prefer=("Foundry", "ProcessNode", "ChipVendor"))
    if max_nm is None:
        max_nm = t.max_nm
    types = proj.types(t.node)
    result: dict[str, Any] = {"kind": "exposure", "target": proj.ref(t.node), "max_nm": max_nm,
                              "also_matched": [proj.ref(n) for n in t.others]}
    is_supplier = bool({"Foundry", "ProcessNode"} & types) or bool(proj.inc(t.node, "offeredBy")) \
        or bool(proj.inc(t.node, "fabricatedBy")) or bool(proj.inc(t.node, "manufacturedOn"))
    is_designer = bool(chips_of(proj, t.node))
    is_chip = bool({"Chip", "ComputingCluster"} & types)
    if is_supplier:
        cut = _cut_for(proj, t.node, max_nm)
        result["cut"] = {"foundries": [proj.ref(n) for n in sorted(cut.foundries)],
                         "processes": [dict(proj.ref(n), nm=proj.nm(n)) for n in sorted(cut.processes)],
                         "partially_cut_foundries": [proj.ref(n) for n in sorted(cut.partial_foundries)]}
        result.update(what_if(proj, cut))
    if is_designer or is_chip:
        result["profile"] = profile(proj, t.node)
    if not (is_supplier or is_designer or is_chip):
        kinds = ", ".join(sorted(types)) or errors.message("exposure_untyped")
        raise errors.BadInput(errors.message("exposure_target", label=proj.label(t.node), kinds=kinds))
    return result


def _cut_for(proj: Projection, node: str, max_nm: float | None) -> Cut:
    procs = proj.inc(node, "offeredBy")
    is_foundry = "Foundry" in proj.types(node) or procs or proj.inc(node, "fabricatedBy")
    if is_foundry:
        if max_nm is None:
            return Cut(foundries=frozenset([node]), processes=frozenset(procs))
        small = {p for p in procs if proj.nm(p) is not None and proj.nm(p) <= max_nm}
        return Cut(processes=frozenset(small), partial_foundries=frozenset([node]))
    nm = proj.nm(node)
    if max_nm is not None and nm is not None and nm > max_nm:
        return Cut()
    return Cut(processes=frozenset([node]))


def _classify(statuses: list[str]) -> str | None:
    cut, alive, unk = CUT in statuses, ALIVE in statuses, UNKNOWN in statuses
    if cut and not alive and not unk:
        return "exposed"
    if cut and alive:
        return "alternative"
    if (cut or unk) and not alive:
        return "uncertain"
    return None


def what_if(proj: Projection, cut: Cut) -> dict:
    """Chips, vendors and clusters affected by `cut`, each with the paths that justify its status."""
    # chips touched: those with an option through a cut node
    candidates: set[str] = set()
    for f in cut.foundries | cut.partial_foundries:
        candidates |= proj.inc(f, "fabricatedBy")
        for p in proj.inc(f, "offeredBy"):
            candidates |= proj.inc(p, "manufacturedOn")
    for p in cut.processes:
        candidates |= proj.inc(p, "manufacturedOn")
    chips: dict[str, dict] = {}
    for c in sorted(candidates):
        opts = chip_options(proj, c)
        sts = [cut.status(proj, o) for o in opts]
        status = _classify(sts)
        if status:
            chips[c] = _entry(proj, c, status, opts, sts, prefix=[])
            chips[c]["vendors"] = [proj.ref(v) for v in sorted(proj.out(c, "designedBy"))]

    # vendors: designers of touched chips, and organizations relying directly on a cut node
    vendor_cands = {v for c in chips for v in proj.out(c, "designedBy")}
    for n in cut.foundries | cut.processes | cut.partial_foundries:
        vendor_cands |= proj.inc(n, "reliesOn")
    for f in cut.foundries | cut.partial_foundries:
        for p in proj.inc(f, "offeredBy"):
            vendor_cands |= proj.inc(p, "reliesOn")
    vendors = {}
    for v in sorted(vendor_cands):
        entry = _aggregate(proj, v, "designedBy", chips_of(proj, v), cut, chips, vendor=True)
        if entry:
            entry["country"] = proj.country(v)
            vendors[v] = entry

    # clusters built from touched chips
    cluster_cands = {k for c in chips for k in proj.inc(c, "builtFrom")}
    clusters = {}
    for k in sorted(cluster_cands):
        entry = _aggregate(proj, k, "builtFrom", proj.out(k, "builtFrom"), cut, chips, vendor=False)
        if entry:
            entry["designers"] = [proj.ref(d) for d in sorted(proj.out(k, "designedBy"))]
            clusters[k] = entry

    def group(d: dict, names: tuple[str, ...]) -> dict:
        return {n: sorted((e for e in d.values() if e["status"] == n), key=lambda e: e["label"].casefold())
                for n in names}

    vg = group(vendors, ("exposed", "partial", "uncertain"))
    return {
        "chips": group(chips, ("exposed", "alternative", "uncertain")),
        "vendors": vg,
        "clusters": group(clusters, ("exposed", "partial", "uncertain")),
        "summary": {
            "chips_exposed": sum(e["status"] == "exposed" for e in chips.values()),
            "chips_with_alternative": sum(e["status"] == "alternative" for e in chips.values()),
            "vendors_exposed": len(vg["exposed"]), "vendors_partial": len(vg["partial"]),
            "clusters_exposed": sum(e["status"] == "exposed" for e in clusters.values()),
        },
    }


def _entry(proj: Projection, node: str, status: str, opts: list[Option], sts: list[str],
           prefix: list[dict]) -> dict:
    e = proj.ref(node)
    e["status"] = status
    e["paths"] = [prefix + o.path(proj) for o, s in zip(opts, sts) if s == CUT][:MAX_PATHS]
    e["alternatives"] = [prefix + o.path(proj) for o, s in zip(opts, sts) if s == ALIVE][:MAX_PATHS]
    e["unknown"] = [prefix + o.path(proj) for o, s in zip(opts, sts) if s == UNKNOWN][:MAX_PATHS]
    return e


def _aggregate(proj: Projection, owner: str, rel: str, members: set[str], cut: Cut, chips: dict,
               vendor: bool) -> dict | None:
    """Status of a vendor (over its chips and stated reliesOn) or a cluster (over its chips)."""
    units: list[tuple[str, list[dict], bool]] = []  # (status, path, affected)
    all_opts: list[Option] = []
    member_status: dict[str, str] = {}
    for c in sorted(members):
        opts = chip_options(proj, c)
        if not opts:
            continue
        all_opts += opts
        # the hop from the owner to the chip, in the stated direction
        hop = proj.hop(c, "designedBy", owner) if rel == "designedBy" else proj.hop(owner, "builtFrom", c)
        info = chips.get(c)
        if info is None:
            units.append((ALIVE, [hop] + opts[0].path(proj), False))
            continue
        member_status[c] = info["status"]
        if info["status"] == "exposed":
            units += [(CUT, [hop] + p, True) for p in info["paths"][:1]]
        elif info["status"] == "alternative":
            units.append((ALIVE, [hop] + info["alternatives"][0], True))
            units += [(CUT, [hop] + p, True) for p in info["paths"][:1]]
        else:
            units.append((UNKNOWN, [hop] + (info["paths"] or info["unknown"])[0], True))
    if vendor:
        for o in vendor_direct_options(proj, owner, all_opts):
            s = cut.status(proj, o)
            units.append((s, o.path(proj), s != ALIVE))
    if not any(a for _, _, a in units):
        return None
    # a chip with an alternative contributes one CUT and one ALIVE unit: the owner keeps supply
    sts = [s for s, _, _ in units]
    status = _classify(sts)
    if status is None:
        return None
    status = {"alternative": "partial"}.get(status, status)
    e = proj.ref(owner)
    e["status"] = status
    e["paths"] = [p for s, p, _ in units if s == CUT][:MAX_PATHS]
    e["alternatives"] = [p for s, p, _ in units if s == ALIVE][:MAX_PATHS]
    e["unknown"] = [p for s, p, _ in units if s == UNKNOWN][:MAX_PATHS]
    e["chips"] = {st: sorted(proj.label(c) for c, s2 in member_status.items() if s2 == st)
                  for st in ("exposed", "alternative", "uncertain")}
    e["chips_unaffected"] = sum(1 for c in members if chip_options(proj, c) and c not in member_status)
    return e


def profile(proj: Projection, node: str) -> dict:
    """A vendor's (chip's, cluster's) full upstream (processes, foundries) and downstream (chips, clusters)."""
    is_cluster = "ComputingCluster" in proj.types(node) and not chips_of(proj, node)
    is_chip = "Chip" in proj.types(node) and not chips_of(proj, node) and not is_cluster
    if is_cluster:
        chips = sorted(proj.out(node, "builtFrom"), key=proj.label)
    else:
        chips = [node] if is_chip else sorted(chips_of(proj, node), key=proj.label)
    processes: dict[str, dict] = {}
    foundries: dict[str, dict] = {}
    chip_rows = []
    all_opts: list[Option] = []
    for c in chips:
        opts = chip_options(proj, c)
        all_opts += opts
        prefix = ([] if is_chip else [proj.hop(node, "builtFrom", c)] if is_cluster
                  else [proj.hop(c, "designedBy", node)])
        chip_rows.append(dict(proj.ref(c), processes=[proj.label(o.node) for o in opts if o.kind == "process"],
                              foundries=sorted({proj.label(f) for o in opts for f in o.foundries})))
        for o in opts:
            _upstream_add(proj, o, prefix + o.path(proj), processes, foundries)
    if not (is_chip or is_cluster):
        for o in vendor_direct_options(proj, node, all_opts):
            _upstream_add(proj, o, o.path(proj), processes, foundries)
    clusters = {}
    for c in [] if is_cluster else chips:
        for k in sorted(proj.inc(c, "builtFrom")):
            path = [proj.hop(k, "builtFrom", c)] + ([] if is_chip else [proj.hop(c, "designedBy", node)])
            clusters.setdefault(k, dict(proj.ref(k), path=path,
                                        designers=[proj.ref(d) for d in sorted(proj.out(k, "designedBy"))]))
    return {
        "entity": proj.ref(node),
        "upstream": {"chips": chip_rows if is_cluster else [],
                     "processes": sorted(processes.values(), key=lambda e: e["label"]),
                     "foundries": sorted(foundries.values(), key=lambda e: e["label"])},
        "downstream": {"chips": [] if is_chip or is_cluster else chip_rows,
                       "clusters": sorted(clusters.values(), key=lambda e: e["label"])},
        "designers": [proj.ref(v) for v in sorted(proj.out(node, "designedBy"))] if is_chip or is_cluster else [],
    }


def _upstream_add(proj: Projection, o: Option, path: list[dict], processes: dict, foundries: dict) -> None:
    if o.kind == "process":
        e = processes.setdefault(o.node, dict(proj.ref(o.node), nm=proj.nm(o.node), paths=[]))
        if len(e["paths"]) < MAX_PATHS:
            e["paths"].append(path)
    for f in o.foundries:
        e = foundries.setdefault(f, dict(proj.ref(f), paths=[]))
        if len(e["paths"]) < MAX_PATHS:
            e["paths"].append(path)
