"""Evidence sentences for answer statements: aic:Evidence nodes whose rdf:subject/predicate/object match, and for
inferred statements the evidence of the facts they were derived from (prov:wasDerivedFrom)."""
from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from api.ask.forms import py, template


def _cell(t: Any) -> str:
    # only store terms reach here (IRIs and literals the store returned), never question text
    if t is None:
        return "UNDEF"
    if isinstance(t, (ox.NamedNode, ox.Literal)):
        return str(t)
    return "UNDEF"


def find(store: Any, triples: list[tuple], limit: int = 20) -> list[dict]:
    rows = []
    for s, p, o in triples:
        if not isinstance(s, ox.NamedNode):
            continue
        row = f"({_cell(s)} {_cell(p)} {_cell(o)})"
        if row not in rows:
            rows.append(row)
    if not rows:
        return []
    out, seen = [], set()
    for i in range(0, len(rows), 200):
        sparql = template("evidence").replace("__ROWS__", " ".join(rows[i:i + 200]))
        for r in store.query(sparql).solutions:
            sentence = py(r.get("sentence"))
            doc = r.get("doc")
            item = {"sentence": sentence,
                    "document": (py(r.get("source")) or doc.value) if doc is not None else None,
                    "confidence": float(py(r.get("conf"))) if r.get("conf") is not None else None}
            if doc is not None:
                item["document_iri"] = doc.value
            k = (sentence, item["document"])
            if k not in seen:
                seen.add(k)
                out.append(item)
    out.sort(key=lambda e: -(e["confidence"] or 0))
    return out[:limit]
