"""Turn what a user typed (a name, an alias, an IRI, `aid:tsmc`, "≤ 7nm at TSMC") into projection nodes."""
from __future__ import annotations

import re
from dataclasses import dataclass

from kg import errors
from kg.analytics.projection import Projection
from kg.namespace import AID_IRI

# rank of a type when a name matches several entities: supply-chain roles first
_TYPE_RANK = ("Foundry", "ProcessNode", "ChipVendor", "Chip", "ComputingCluster", "Investor", "Organization",
              "FundingRound")
_NODE_RANGE = re.compile(
    r"^\s*(?:<=|≤|=<|up to|at most|under)?\s*(\d+(?:\.\d+)?)\s*nm\s*(?:and below|or below|or smaller|以下)?"
    r"\s*(?:at|@|of|on|from)\s+(.+?)\s*$", re.IGNORECASE)


@dataclass
class Target:
    node: str
    max_nm: float | None = None
    others: tuple[str, ...] = ()  # other entities the same name matched


def resolve(proj: Projection, text: str, *, prefer: tuple[str, ...] = ()) -> Target:
    """One node for `text`: an IRI or `aid:` id, else a label/altLabel match (case/width-insensitive).

    Several matches: rdfs:label beats skos:altLabel, then the types in `prefer`, then supply-chain roles,
    then the best-connected entity. Raises NotFound with a clear message when nothing matches.
    """
    text = (text or "").strip()
    if not text:
        raise errors.BadInput(errors.message("missing_entity_name"))
    for candidate in _iri_forms(text):
        if candidate in proj.graph:
            return Target(candidate)
    from ontology.normalize import key
    k = key(text)
    hits = proj.pref_names.get(k) or proj.names.get(k)
    if not hits:
        m = _NODE_RANGE.match(text)
        if m:
            inner = resolve(proj, m.group(2), prefer=prefer)
            return Target(inner.node, float(m.group(1)), inner.others)
        raise errors.NotFound(errors.message("unknown_entity_name", text=text))
    ranked = sorted(hits, key=lambda n: (_rank(proj, n, prefer), -proj.graph.degree(n), n))
    return Target(ranked[0], None, tuple(ranked[1:]))


def _rank(proj: Projection, node: str, prefer: tuple[str, ...]) -> int:
    types = proj.types(node)
    order = tuple(prefer) + _TYPE_RANK
    return min((order.index(t) for t in types if t in order), default=len(order))


def _iri_forms(text: str) -> list[str]:
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    if re.match(r"^https?://", text):
        return [text]
    if text.startswith("aid:"):
        return [AID_IRI + text[4:]]
    return [AID_IRI + text] if re.fullmatch(r"[a-z0-9][a-z0-9\-]*", text) else []
