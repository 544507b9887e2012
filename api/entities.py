"""The entity API as plain functions over a `kg.store.Store`: describe, search, neighbourhood.

Shared by the HTTP routers (`/entity`, `/search`, `/graph`) and any Python caller. Every query runs in
Oxigraph's engine; values are bound with VALUES blocks built from checked IRIs, never pasted user text.
"""
from __future__ import annotations

import difflib
import re
from decimal import Decimal
from typing import Any, Iterable

import pyoxigraph as ox

from kg import errors
from kg.namespace import AIC_IRI, AID_IRI, INFERRED_GRAPH, PREFIXES
from kg.store import term_value

RDF = PREFIXES["rdf"]
RDFS = PREFIXES["rdfs"]
SKOS = PREFIXES["skos"]
PROV = PREFIXES["prov"]
DCT = PREFIXES["dcterms"]
INFERRED = str(INFERRED_GRAPH)
LANGS = ("en", "ja", "zh")
# most specific first: the class a node is drawn as
CLASS_ORDER = ["TrainingChip", "InferenceChip", "Chip", "ComputingCluster", "Microarchitecture", "Architecture",
               "ProcessNode", "FundingRound", "MarketEstimate", "ChipVendor", "Foundry", "ResearchFirm", "Investor",
               "Organization", "Document", "Evidence"]
HIDDEN = {RDF + "type", RDFS + "label", SKOS + "altLabel"}
# links that belong to provenance, not to the entity's facts
PROVENANCE = {RDF + "subject", RDF + "object", RDF + "predicate", AIC_IRI + "document", PROV + "wasDerivedFrom",
              PROV + "wasGeneratedBy"}
_IRI_OK = re.compile(r'^[a-zA-Z][a-zA-Z0-9+.-]*:[^<>"{}|^`\\\s]*$')


def check_iri(iri: str) -> str:
    if not iri or not _IRI_OK.match(iri):
        raise errors.BadInput(errors.message("not_iri", iri=iri))
    return iri


def entity_iri(ident: str) -> str:
    """`tsmc` → `https://w3id.org/aichip/id/tsmc`; a full IRI stays as it is."""
    ident = ident.strip()
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", ident) and not ident.startswith("aid:"):
        return check_iri(ident)
    return check_iri(AID_IRI + ident.removeprefix("aid:"))


def _values(var: str, iris: Iterable[str]) -> str:
    return f"VALUES ?{var} {{ " + " ".join(f"<{check_iri(i)}>" for i in iris) + " }"


def _json_value(term: Any) -> Any:
    v = term_value(term)
    if isinstance(v, Decimal):
        return float(v)
    return v


def local_name(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def humanize(predicate: str) -> str:
    """`designedBy` → `designed by`."""
    name = local_name(predicate)
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).lower()


def _rows(store: Any, sparql: str) -> list[dict[str, Any]]:
    res = store.raw_query(sparql, union=True)
    variables = [v.value for v in res.variables]
    return [{v: sol[v] for v in variables if sol[v] is not None} for sol in res]


# ---------------------------------------------------------------- labels, types, predicate names
def labels_of(store: Any, iris: list[str]) -> dict[str, dict[str, list[str]]]:
    """iri → {lang: [labels…]}, rdfs:label before skos:altLabel."""
    out: dict[str, dict[str, list[str]]] = {i: {} for i in iris}
    if not iris:
        return out
    q = (f"SELECT ?x ?l ?alt WHERE {{ {_values('x', iris)} "
         f"{{ ?x <{RDFS}label> ?l BIND(false AS ?alt) }} UNION {{ ?x <{SKOS}altLabel> ?l BIND(true AS ?alt) }} }}")
    rows = sorted(_rows(store, q), key=lambda r: r["alt"].value == "true")
    for r in rows:
        lang = r["l"].language or "und" if isinstance(r["l"], ox.Literal) else "und"
        bucket = out[r["x"].value].setdefault(lang, [])
        if r["l"].value not in bucket:
            bucket.append(r["l"].value)
    return out


def best_label(labels: dict[str, list[str]], iri: str) -> str:
    for lang in ("en", "und", *LANGS):
        if labels.get(lang):
            return labels[lang][0]
    for vals in labels.values():
        if vals:
            return vals[0]
    return local_name(iri)


def types_of(store: Any, iris: list[str]) -> dict[str, list[str]]:
    """iri → contract class names, most specific first."""
    out: dict[str, list[str]] = {i: [] for i in iris}
    if not iris:
        return out
    for r in _rows(store, f"SELECT DISTINCT ?x ?t WHERE {{ {_values('x', iris)} ?x a ?t }}"):
        t = r["t"].value
        if t.startswith(AIC_IRI):
            out[r["x"].value].append(t[len(AIC_IRI):])
    rank = {c: i for i, c in enumerate(CLASS_ORDER)}
    return {k: sorted(set(v), key=lambda c: (rank.get(c, 99), c)) for k, v in out.items()}


def main_class(types: list[str]) -> str | None:
    return types[0] if types else None


def predicate_labels(store: Any) -> dict[str, str]:
    q = (f"SELECT ?p ?l WHERE {{ ?p <{RDFS}label> ?l FILTER(langMatches(lang(?l), 'en')) "
         f"FILTER(STRSTARTS(STR(?p), '{AIC_IRI}')) }}")
    return {r["p"].value: r["l"].value for r in _rows(store, q)}


def predicate_label(iri: str, names: dict[str, str]) -> str:
    return names.get(iri) or humanize(iri)


# ---------------------------------------------------------------- /entity
def describe(store: Any, iri: str) -> dict[str, Any]:
    """Everything known about one entity: labels, types and each fact with its evidence (or its rule)."""
    check_iri(iri)
    out_rows = _rows(store, f"SELECT ?p ?o ?g WHERE {{ GRAPH ?g {{ <{iri}> ?p ?o }} }}")
    in_rows = _rows(store, f"SELECT ?s ?p ?g WHERE {{ GRAPH ?g {{ ?s ?p <{iri}> }} }}")
    dflt_out = _rows(store, f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }}") if not out_rows else []
    if not out_rows and not in_rows and not dflt_out:
        raise errors.NotFound(errors.message("no_entity", iri=iri))
    facts: dict[tuple, dict[str, Any]] = {}

    def add(direction: str, p: Any, other: Any, graph: str | None) -> None:
        if p.value in HIDDEN or p.value in PROVENANCE:
            return
        key = (direction, p.value, other.value if isinstance(other, ox.NamedNode) else str(other))
        fact = facts.get(key)
        inferred = graph == INFERRED
        if fact is None:
            facts[key] = {"predicate": p.value, "direction": direction, "term": other, "inferred": inferred}
        elif not inferred:
            fact["inferred"] = False  # asserted somewhere: not only inferred

    for r in out_rows:
        add("out", r["p"], r["o"], r["g"].value)
    for r in dflt_out:
        add("out", r["p"], r["o"], None)
    for r in in_rows:
        add("in", r["p"], r["s"], r["g"].value)
    evidence = _evidence(store, iri)
    rules = _rules(store, iri)
    others = sorted({f["term"].value for f in facts.values() if isinstance(f["term"], ox.NamedNode)} | {iri})
    labels = labels_of(store, others)
    types = types_of(store, [iri])[iri]
    names = predicate_labels(store)
    result = []
    for (direction, p, _), f in facts.items():
        term = f["term"]
        ts = term.value if isinstance(term, ox.NamedNode) else str(term)
        s, o = (iri, ts) if direction == "out" else (ts, iri)
        triple = (s, p, o)
        is_iri = isinstance(term, ox.NamedNode)
        result.append({
            "predicate": p, "predicate_label": predicate_label(p, names), "direction": direction,
            "value": term.value if is_iri else _json_value(term),
            "value_label": best_label(labels.get(term.value, {}), term.value) if is_iri else str(term.value),
            "value_type": "iri" if is_iri else "literal",
            "inferred": f["inferred"], "rule": rules.get(triple) if f["inferred"] else None,
            "evidence": evidence.get(triple, []),
        })
    result.sort(key=lambda f: (f["direction"] != "out", f["predicate_label"], str(f["value_label"])))
    own = labels.get(iri, {})
    return {"iri": iri, "label": best_label(own, iri), "labels": own, "types": types, "facts": result}


def _evidence(store: Any, iri: str) -> dict[tuple, list[dict[str, Any]]]:
    q = f"""SELECT ?s ?p ?o ?sentence ?doc ?title ?date ?src ?conf ?ext WHERE {{
      {{ ?ev <{RDF}subject> <{iri}> }} UNION {{ ?ev <{RDF}object> <{iri}> }}
      ?ev a <{AIC_IRI}Evidence> ; <{RDF}subject> ?s ; <{RDF}predicate> ?p ; <{RDF}object> ?o .
      OPTIONAL {{ ?ev <{AIC_IRI}sentence> ?sentence }} OPTIONAL {{ ?ev <{AIC_IRI}document> ?doc
        OPTIONAL {{ ?doc <{DCT}title> ?title }} OPTIONAL {{ ?doc <{DCT}date> ?date }}
        OPTIONAL {{ ?doc <{DCT}source> ?src }} }}
      OPTIONAL {{ ?ev <{AIC_IRI}confidence> ?conf }} OPTIONAL {{ ?ev <{AIC_IRI}extractor> ?ext }}
    }}"""
    out: dict[tuple, list[dict[str, Any]]] = {}
    for r in _rows(store, q):
        key = (r["s"].value, r["p"].value, r["o"].value if isinstance(r["o"], ox.NamedNode) else str(r["o"]))
        item = {"sentence": r["sentence"].value if "sentence" in r else None,
                "document": r["doc"].value if "doc" in r else None,
                "document_title": r["title"].value if "title" in r else None,
                "document_date": r["date"].value if "date" in r else None,
                "document_source": r["src"].value if "src" in r else None,
                "confidence": float(r["conf"].value) if "conf" in r else None,
                "extractor": r["ext"].value if "ext" in r else None}
        if item not in out.setdefault(key, []):
            out[key].append(item)
    for items in out.values():
        items.sort(key=lambda e: -(e["confidence"] or 0))
    return out


def _rules(store: Any, iri: str) -> dict[tuple, str]:
    q = f"""SELECT ?s ?p ?o ?rule ?gen WHERE {{ GRAPH <{INFERRED}> {{
      {{ ?st <{RDF}subject> <{iri}> }} UNION {{ ?st <{RDF}object> <{iri}> }}
      ?st <{RDF}subject> ?s ; <{RDF}predicate> ?p ; <{RDF}object> ?o .
      OPTIONAL {{ ?st <{AIC_IRI}rule> ?rule }} OPTIONAL {{ ?st <{PROV}wasGeneratedBy> ?gen }} }} }}"""
    out: dict[tuple, str] = {}
    for r in _rows(store, q):
        key = (r["s"].value, r["p"].value, r["o"].value if isinstance(r["o"], ox.NamedNode) else str(r["o"]))
        rule = r["rule"].value if "rule" in r else (local_name(r["gen"].value) if "gen" in r else None)
        if rule:
            out[key] = rule
    return out


def describe_rdf(store: Any, iri: str) -> list[Any]:
    """The entity's triples (both directions) and its evidence nodes, for JSON-LD / Turtle."""
    check_iri(iri)
    q = f"""CONSTRUCT {{ <{iri}> ?p ?o . ?s ?q <{iri}> . ?ev ?ep ?eo }} WHERE {{
      {{ <{iri}> ?p ?o }} UNION {{ ?s ?q <{iri}> FILTER(?q NOT IN (<{RDF}subject>, <{RDF}object>)) }} UNION
      {{ {{ ?ev <{RDF}subject> <{iri}> }} UNION {{ ?ev <{RDF}object> <{iri}> }} ?ev a <{AIC_IRI}Evidence> ; ?ep ?eo }} }}"""
    triples = list(store.raw_query(q, union=True))
    if not triples:
        raise errors.NotFound(errors.message("no_entity", iri=iri))
    return triples


# ---------------------------------------------------------------- /search
class LabelIndex:
    """Every rdfs:label / skos:altLabel of an aid: entity, keyed by `ontology.normalize.key`."""

    def __init__(self, store: Any):
        from ontology.normalize import key
        self.key = key
        q = (f"SELECT ?s ?l ?alt WHERE {{ {{ ?s <{RDFS}label> ?l BIND(false AS ?alt) }} UNION "
             f"{{ ?s <{SKOS}altLabel> ?l BIND(true AS ?alt) }} FILTER(STRSTARTS(STR(?s), '{AID_IRI}')) }}")
        self.entries: list[tuple[str, str, str, bool]] = []  # (iri, text, key, is_alt)
        for sol in store.raw_query(q, union=True):
            text = sol["l"].value
            self.entries.append((sol["s"].value, text, key(text), sol["alt"].value == "true"))

    def score(self, qk: str, k: str) -> float:
        if not k:
            return 0.0
        if k == qk:
            return 1.0
        if k.startswith(qk):
            return 0.9 - 0.1 * (1 - len(qk) / len(k))
        if qk in k:
            return 0.75 - 0.1 * (1 - len(qk) / len(k))
        if abs(len(k) - len(qk)) > max(2, len(qk) // 2):
            return 0.0
        sm = difflib.SequenceMatcher(None, qk, k, autojunk=False)
        if sm.real_quick_ratio() < 0.6 or sm.quick_ratio() < 0.6:
            return 0.0
        r = sm.ratio()
        return 0.7 * r if r >= 0.6 else 0.0

    def find(self, q: str, limit: int) -> list[tuple[str, float]]:
        qk = self.key(q)
        if not qk:
            return []
        best: dict[str, float] = {}
        for iri, _text, k, alt in self.entries:
            s = self.score(qk, k)
            if s <= 0:
                continue
            s = s - (0.02 if alt else 0.0)
            if s > best.get(iri, 0.0):
                best[iri] = s
        return sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]


def search(store: Any, q: str, limit: int = 10, index: LabelIndex | None = None) -> dict[str, Any]:
    """Label/alias search across languages, typo tolerant, best first."""
    if not q or not q.strip():
        raise errors.BadInput(errors.message("missing_search"))
    index = index or LabelIndex(store)
    hits = index.find(q.strip(), max(1, min(limit, 100)))
    iris = [i for i, _ in hits]
    labels = labels_of(store, iris)
    types = types_of(store, iris)
    results = []
    for iri, score in hits:
        lab = labels.get(iri, {})
        results.append({"iri": iri, "label": best_label(lab, iri),
                        "labels": {lang: lab.get(lang, []) for lang in sorted(set(LANGS) | set(lab))},
                        "types": types.get(iri, []), "score": round(score, 4)})
    return {"query": q, "results": results}


# ---------------------------------------------------------------- /graph
def neighbourhood(store: Any, focus: str, depth: int = 1, limit: int = 200, inferred: bool = True) -> dict[str, Any]:
    """Nodes and edges within `depth` hops of `focus` over the contract's relations (aic: object properties)."""
    check_iri(focus)
    depth = max(0, min(depth, 4))
    limit = max(1, min(limit, 2000))
    nodes: list[str] = [focus]
    seen = {focus}
    edges: dict[tuple, dict[str, Any]] = {}
    frontier = [focus]
    for _ in range(depth):
        if not frontier or len(nodes) >= limit:
            break
        q = f"""SELECT ?s ?p ?o ?g WHERE {{ {_values('x', frontier)}
          {{ GRAPH ?g {{ ?x ?p ?o }} BIND(?x AS ?s) }} UNION {{ GRAPH ?g {{ ?s ?p ?x }} BIND(?x AS ?o) }}
          FILTER(isIRI(?s) && isIRI(?o) && STRSTARTS(STR(?p), '{AIC_IRI}') && ?p != <{AIC_IRI}document>) }}"""
        nxt = []
        for r in _rows(store, q):
            s, p, o = r["s"].value, r["p"].value, r["o"].value
            if not (s.startswith(AID_IRI) and o.startswith(AID_IRI)):
                continue
            is_inf = r["g"].value == INFERRED
            if is_inf and not inferred:
                continue
            for n in (s, o):
                if n not in seen:
                    if len(nodes) >= limit:
                        break
                    seen.add(n)
                    nodes.append(n)
                    nxt.append(n)
            if s not in seen or o not in seen:
                continue
            key = (s, p, o)
            if key in edges:
                edges[key]["inferred"] = edges[key]["inferred"] and is_inf
            else:
                edges[key] = {"id": f"{s}|{p}|{o}", "source": s, "target": o, "predicate": local_name(p),
                              "inferred": is_inf, "_p": p}
        frontier = nxt
    labels = labels_of(store, nodes)
    types = types_of(store, nodes)
    if focus not in seen or (not edges and not any(labels[focus].values()) and not types[focus]):
        _ensure_exists(store, focus)
    names = predicate_labels(store)
    out_edges = []
    for e in edges.values():
        e["label"] = predicate_label(e.pop("_p"), names)
        out_edges.append(e)
    return {"focus": focus,
            "nodes": [{"id": n, "label": best_label(labels[n], n), "types": types[n], "class": main_class(types[n])}
                      for n in nodes],
            "edges": out_edges}


def _ensure_exists(store: Any, iri: str) -> None:
    if not store.query(f"ASK {{ {{ <{iri}> ?p ?o }} UNION {{ ?s ?p <{iri}> }} }}").boolean:
        raise errors.NotFound(errors.message("no_entity", iri=iri))
