"""The supply-chain projection: the RDF graph (union default graph) as a typed networkx MultiDiGraph.

Built from four SPARQL SELECTs (types, relations, labels, attributes; `queries/*.rq`), cached per store
and rebuilt when the store's size or its list of named graphs changes.

Nodes are entity IRIs with attributes `types` (contract class names, subclasses folded in and roles
implied by relations added), `label`, `country`, `nm`. Edges go subject → object with `key` = the
relation's local name (`designedBy`, `manufacturedOn`, …); `aic:designs` is stored as `designedBy`
reversed, so every relation appears in one direction only.
"""
from __future__ import annotations

import threading
import weakref
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable

import networkx as nx

from kg.namespace import AIC_IRI, AID_IRI

QUERIES = Path(__file__).parent / "queries"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"

SUPPLY_RELATIONS = ("designedBy", "manufacturedOn", "fabricatedBy", "offeredBy", "reliesOn", "builtFrom")
FUNDING_RELATIONS = ("investedIn", "fundedCompany", "investor", "leadInvestor")
RELATIONS = SUPPLY_RELATIONS + FUNDING_RELATIONS

_SUPERCLASSES = {
    "TrainingChip": ("Chip",), "InferenceChip": ("Chip",),
    "ChipVendor": ("Organization",), "Foundry": ("Organization",), "Investor": ("Organization",),
    "ResearchFirm": ("Organization",),
}
# relation -> (types implied for the subject, types implied for the object)
_IMPLIED = {
    "manufacturedOn": ((), ("ProcessNode",)),
    "fabricatedBy": ((), ("Foundry", "Organization")),
    "offeredBy": (("ProcessNode",), ("Foundry", "Organization")),
    "builtFrom": (("ComputingCluster",), ("Chip",)),
    "designedBy": ((), ("Organization",)),
    "investedIn": (("Organization",), ("Organization",)),
    "fundedCompany": (("FundingRound",), ("Organization",)),
    "investor": (("FundingRound",), ("Organization",)),
    "leadInvestor": (("FundingRound",), ("Organization",)),
}


def _query_text(name: str) -> str:
    return (QUERIES / f"{name}.rq").read_text(encoding="utf-8")


def _local(iri: str) -> str:
    for base in (AIC_IRI, AID_IRI):
        if iri.startswith(base):
            return iri[len(base):]
    return iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


@dataclass
class Projection:
    """The projected graph plus fast adjacency by relation and a name index for resolving targets."""

    graph: nx.MultiDiGraph
    out_: dict[str, dict[str, set[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    in_: dict[str, dict[str, set[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(set)))
    names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # key -> IRIs
    pref_names: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # rdfs:label key -> IRIs
    fingerprint: tuple = ()
    build_seconds: float = 0.0
    _undirected: nx.Graph | None = None

    # -- lookups
    def out(self, node: str, rel: str) -> set[str]:
        return self.out_[rel].get(node, set())

    def inc(self, node: str, rel: str) -> set[str]:
        return self.in_[rel].get(node, set())

    def types(self, node: str) -> set[str]:
        return self.graph.nodes[node].get("types", set()) if node in self.graph else set()

    def label(self, node: str) -> str:
        if node in self.graph:
            lab = self.graph.nodes[node].get("label")
            if lab:
                return lab
        return _local(node)

    def country(self, node: str) -> str | None:
        return self.graph.nodes[node].get("country") if node in self.graph else None

    def nm(self, node: str) -> float | None:
        return self.graph.nodes[node].get("nm") if node in self.graph else None

    def ref(self, node: str) -> dict[str, Any]:
        """A node as it appears in results: IRI, label, types."""
        return {"iri": node, "label": self.label(node), "types": sorted(self.types(node))}

    def hop(self, s: str, rel: str, o: str) -> dict[str, str]:
        """One stated edge `s rel o`, for a justification path."""
        return {"from": s, "from_label": self.label(s), "relation": rel, "to": o, "to_label": self.label(o)}

    # -- derived views
    def undirected(self) -> nx.Graph:
        """A simple undirected view; each edge keeps the stated triples between its two ends."""
        if self._undirected is None:
            g = nx.Graph()
            g.add_nodes_from(self.graph.nodes)
            for s, o, rel in self.graph.edges(keys=True):
                if g.has_edge(s, o):
                    g[s][o]["triples"].append((s, rel, o))
                else:
                    g.add_edge(s, o, triples=[(s, rel, o)])
            self._undirected = g
        return self._undirected

    @property
    def stats(self) -> dict[str, int]:
        return {"nodes": self.graph.number_of_nodes(), "edges": self.graph.number_of_edges()}


def build(store: Any) -> Projection:
    """Run the projection queries against `store` and assemble the graph."""
    import time
    t0 = time.perf_counter()
    g = nx.MultiDiGraph()
    proj = Projection(graph=g)
    types: dict[str, set[str]] = defaultdict(set)

    for s, t in _rows(store, "types", ("s", "t")):
        name = _local(t)
        types[s].add(name)
        types[s].update(_SUPERCLASSES.get(name, ()))

    edges: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str, str]] = set()
    for s, p, o in _rows(store, "edges", ("s", "p", "o")):
        rel = _local(p)
        if rel == "designs":
            s, o, rel = o, s, "designedBy"
        triple = (s, rel, o)
        if triple in seen or s == o:
            continue
        seen.add(triple)
        edges.append(triple)
        st, ot = _IMPLIED.get(rel, ((), ()))
        types[s].update(st)
        types[o].update(ot)
    del seen
    # roles read from the relations: whoever designs a chip is a vendor; a designed thing is a chip
    # unless it is a cluster
    for s, rel, o in edges:
        if rel == "designedBy":
            if "ComputingCluster" not in types[s]:
                types[s].add("Chip")
                types[o].add("ChipVendor")
        elif rel in ("investedIn", "investor", "leadInvestor"):
            (types[s] if rel == "investedIn" else types[o]).add("Investor")

    for node, ts in types.items():
        g.add_node(node, types=ts)
    for s, rel, o in edges:
        g.add_edge(s, o, key=rel)
        proj.out_[rel][s].add(o)
        proj.in_[rel][o].add(s)

    from ontology.normalize import key as name_key
    best: dict[str, tuple[int, str]] = {}
    for s, p, lit in _rows(store, "labels", ("s", "p", "l"), literal_lang=True):
        if s not in g:
            continue
        text, lang = lit
        k = name_key(text)
        if not k:
            continue
        proj.names[k].add(s)
        is_pref = p == RDFS_LABEL
        if is_pref:
            proj.pref_names[k].add(s)
        rank = (0 if is_pref else 2) + (0 if lang == "en" else 1 if not lang else 1)
        if s not in best or (rank, text) < best[s]:
            best[s] = (rank, text)
    for s, (_, text) in best.items():
        g.nodes[s]["label"] = text

    for s, p, v in _rows(store, "attributes", ("s", "p", "v")):
        if s not in g:
            continue
        if p.endswith("#nodeNanometers"):
            try:
                g.nodes[s]["nm"] = float(Decimal(str(v)))
            except Exception:
                continue
        else:
            g.nodes[s]["country"] = str(v).strip().upper()
    _fill_countries_from_vocab(g)
    proj.build_seconds = time.perf_counter() - t0
    return proj


def _fill_countries_from_vocab(g: nx.MultiDiGraph) -> None:
    """Organizations the graph gives no aic:country take it from the vocabulary (same aid: id)."""
    try:
        from ontology import load_vocab
        vocab = load_vocab()
    except Exception:  # the vocabulary is optional for analytics
        return
    for node, data in g.nodes(data=True):
        if data.get("country") or "Organization" not in data.get("types", ()) or not node.startswith(AID_IRI):
            continue
        local = node[len(AID_IRI):]
        if local in vocab and vocab[local].country:
            data["country"] = vocab[local].country.upper()
            data["country_source"] = "vocab"


def _rows(store: Any, name: str, variables: Iterable[str], literal_lang: bool = False):
    """Yield tuples of plain values for one projection query, straight from the backend's solutions."""
    variables = tuple(variables)
    for sol in store.raw_query(_query_text(name)):
        row = []
        for v in variables:
            term = sol[v]
            if term is None:
                break
            if literal_lang and v == "l":
                row.append((term.value, getattr(term, "language", None)))
            else:
                row.append(term.value)
        else:
            yield tuple(row)


# ---------------------------------------------------------------------- cache
_cache: "weakref.WeakKeyDictionary[Any, Projection]" = weakref.WeakKeyDictionary()
_by_spec: dict[str, Projection] = {}
_lock = threading.Lock()


def fingerprint(store: Any) -> tuple:
    """What must stay the same for a cached projection to be reused: size and named graphs."""
    return (len(store), tuple(store.graphs()))


def get(store: Any, refresh: bool = False) -> Projection:
    """The cached projection of `store`, rebuilt when the store changed (or on `refresh`)."""
    fp = fingerprint(store)
    holder = getattr(store, "backend", store)
    spec = getattr(store, "spec", None)
    with _lock:
        cached = None if refresh else (_cache.get(holder) if _weakrefable(holder) else None)
        if cached is None and not refresh and spec and spec != ":memory:":
            cached = _by_spec.get(spec)
        if cached is not None and cached.fingerprint == fp:
            return cached
        proj = build(store)
        proj.fingerprint = fp
        if _weakrefable(holder):
            _cache[holder] = proj
        if spec and spec != ":memory:":
            _by_spec.clear()  # keep one on-disk projection at most
            _by_spec[spec] = proj
        return proj


def _weakrefable(obj: Any) -> bool:
    try:
        weakref.ref(obj)
        return True
    except TypeError:
        return False
