"""Supply options: the ways a chip (or a vendor) is known to be made, shared by exposure, chokepoints
and investor analytics.

A chip's options are its processes (`manufacturedOn`, each with the foundries that offer it) plus every
foundry it is `fabricatedBy` that none of those processes already accounts for. A vendor's options are its
chips' options plus any `reliesOn` target none of its chips accounts for (a dependency stated outright).
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.analytics.projection import Projection

CUT, ALIVE, UNKNOWN = "cut", "alive", "unknown"


@dataclass(frozen=True)
class Option:
    """One way to get a chip made: a process (with its foundries) or a foundry alone."""

    kind: str  # "process" | "foundry"
    node: str
    foundries: frozenset[str]
    owner: str  # the chip (or the vendor, for a stated reliesOn)
    relation: str  # manufacturedOn | fabricatedBy | reliesOn

    def path(self, proj: Projection) -> list[dict]:
        hops = [proj.hop(self.owner, self.relation, self.node)]
        if self.kind == "process":
            hops += [proj.hop(self.node, "offeredBy", f) for f in sorted(proj.out(self.node, "offeredBy"))]
        return hops


def chip_options(proj: Projection, chip: str) -> list[Option]:
    procs = sorted(proj.out(chip, "manufacturedOn"))
    fabs = proj.out(chip, "fabricatedBy")
    opts: list[Option] = []
    covered: set[str] = set()
    for p in procs:
        fs = proj.out(p, "offeredBy")
        if not fs and len(fabs) == 1:  # a process of unknown foundry on a chip with one foundry: that one
            fs = set(fabs)
        covered |= fs
        opts.append(Option("process", p, frozenset(fs), chip, "manufacturedOn"))
    for f in sorted(fabs - covered):
        opts.append(Option("foundry", f, frozenset([f]), chip, "fabricatedBy"))
    return opts


def vendor_direct_options(proj: Projection, vendor: str, chip_opts: list[Option]) -> list[Option]:
    """`reliesOn` targets of `vendor` that none of its chips' options accounts for."""
    procs = {o.node for o in chip_opts if o.kind == "process"}
    founds = set().union(*(o.foundries for o in chip_opts)) if chip_opts else set()
    out = []
    for t in sorted(proj.out(vendor, "reliesOn")):
        types = proj.types(t)
        if "ProcessNode" in types or proj.out(t, "offeredBy"):
            if t not in procs:
                out.append(Option("process", t, frozenset(proj.out(t, "offeredBy")), vendor, "reliesOn"))
        elif t not in founds:
            out.append(Option("foundry", t, frozenset([t]), vendor, "reliesOn"))
    return out


def designers(proj: Projection, chip: str) -> set[str]:
    return proj.out(chip, "designedBy")


def chips_of(proj: Projection, vendor: str) -> set[str]:
    return {c for c in proj.inc(vendor, "designedBy") if "ComputingCluster" not in proj.types(c)}


@dataclass
class Cut:
    """What is cut off: whole foundries, single processes, and foundries cut only below a node size."""

    foundries: frozenset[str] = frozenset()
    processes: frozenset[str] = frozenset()
    partial_foundries: frozenset[str] = frozenset()  # nm-filtered: processes of unknown size are unknown

    def status(self, proj: Projection, opt: Option) -> str:
        if opt.kind == "process":
            if opt.node in self.processes or opt.foundries & self.foundries:
                return CUT
            if opt.foundries & self.partial_foundries and proj.nm(opt.node) is None:
                return UNKNOWN
            return ALIVE
        if opt.node in self.foundries:
            return CUT
        if opt.node in self.partial_foundries:
            return UNKNOWN
        return ALIVE

    def touches(self, opt: Option) -> bool:
        nodes = {opt.node} | set(opt.foundries)
        return bool(nodes & (self.foundries | self.processes | self.partial_foundries))
