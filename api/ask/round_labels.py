"""Readable names for funding rounds, which the graph gives no label: "Biren Technology · Series A · 2020" (the
company, the round's name, its year), as the page names them, instead of the IRI's local name."""
from __future__ import annotations

from typing import Any

import pyoxigraph as ox

AIC = "https://w3id.org/aichip/ontology#"


def round_labels(store: Any, iris: list[str], idx: Any, lang: str = "en") -> dict[str, str]:
    """IRI -> readable name, for those of `iris` that are funding rounds (others are left out)."""
    iris = [i for i in dict.fromkeys(iris) if i not in idx.entities]
    if not iris:
        return {}
    values = " ".join(str(ox.NamedNode(i)) for i in iris)
    q = (f"SELECT ?r ?co ?name ?date WHERE {{ VALUES ?r {{ {values} }} ?r a <{AIC}FundingRound> . "
         f"OPTIONAL {{ ?r <{AIC}fundedCompany> ?co }} OPTIONAL {{ ?r <{AIC}roundName> ?name }} "
         f"OPTIONAL {{ ?r <{AIC}date> ?date }} }}")
    try:
        rows = [dict(r) for r in store.query(q).solutions]
    except Exception:  # a store that cannot say leaves the IRIs as they are
        return {}
    out: dict[str, str] = {}
    for r in rows:
        iri = r["r"].value
        if iri in out:
            continue
        co = r.get("co")
        company = None
        if co is not None:
            e = idx.entities.get(co.value)
            company = e.label(lang) if e else co.value.rsplit("/", 1)[-1]
        name = r["name"].value if r.get("name") is not None else None
        year = r["date"].value[:4] if r.get("date") is not None else None
        parts = [p for p in (company, name, year) if p]
        if parts:
            out[iri] = " · ".join(parts)
    return out


def relabel(answers: list[dict], store: Any, idx: Any, lang: str) -> None:
    """Give the funding rounds among answer dicts (`iri`, `label`) their readable names, in place."""
    names = round_labels(store, [a["iri"] for a in answers if a.get("iri")], idx, "en")
    local = round_labels(store, list(names), idx, lang) if lang != "en" and names else names
    for a in answers:
        if a.get("iri") in names:
            a["label"] = names[a["iri"]]
            if local.get(a["iri"]) and local[a["iri"]] != a["label"]:
                a["label_local"] = local[a["iri"]]
