"""Entity API over real HTTP: /entity, /search, /graph, /id, /health, /stats, /docs, /ask."""
from __future__ import annotations

import pytest
import rdflib

AID = "https://w3id.org/aichip/id/"


@pytest.mark.parametrize("q,expected", [("TSMC", "tsmc"), ("tsmc", "tsmc"), ("Nvidai", "nvidia"),
                                        ("台积电", "tsmc"), ("エヌビディア", "nvidia"), ("Moore-Threads", None)])
def test_search_finds_across_languages_and_typos(client, q, expected):
    r = client.get("/search", params={"q": q, "limit": 5})
    assert r.status_code == 200
    body = r.json()
    assert body["query"] == q
    if expected is None:
        return
    top = body["results"][0]
    assert top["iri"] == AID + expected
    assert set(top) >= {"iri", "label", "labels", "types", "score"}
    assert set(top["labels"]) >= {"en", "ja", "zh"}
    scores = [x["score"] for x in body["results"]]
    assert scores == sorted(scores, reverse=True)


def test_search_limit_and_nothing_found(client):
    assert len(client.get("/search", params={"q": "tsmc", "limit": 2}).json()["results"]) <= 2
    assert client.get("/search", params={"q": "zzqqxxyy"}).json()["results"] == []


@pytest.mark.parametrize("params,status", [({"q": ""}, 422), ({}, 422), ({"q": "a", "limit": 0}, 422)])
def test_search_bad_input(client, params, status):
    assert client.get("/search", params=params).status_code == status


@pytest.mark.parametrize("depth", [1, 2])
def test_graph_neighbourhood_shape(client, depth):
    r = client.get("/graph", params={"focus": AID + "huawei", "depth": depth})
    assert r.status_code == 200
    g = r.json()
    assert g["focus"] == AID + "huawei"
    ids = {n["id"] for n in g["nodes"]}
    assert AID + "huawei" in ids
    for n in g["nodes"]:
        assert set(n) == {"id", "label", "types", "class"}
    for e in g["edges"]:
        assert set(e) >= {"id", "source", "target", "predicate", "label", "inferred"}
        assert e["source"] in ids and e["target"] in ids
    assert any(e["predicate"] == "designedBy" and e["label"] for e in g["edges"])


def test_graph_inferred_toggle(client):
    with_inf = client.get("/graph", params={"focus": "huawei", "depth": 1}).json()
    without = client.get("/graph", params={"focus": "huawei", "depth": 1, "inferred": "false"}).json()
    assert any(e["inferred"] for e in with_inf["edges"])
    assert not any(e["inferred"] for e in without["edges"])
    assert len(without["edges"]) < len(with_inf["edges"])


def test_graph_depth_grows_and_limit_caps(client):
    one = client.get("/graph", params={"focus": "tsmc", "depth": 1}).json()
    two = client.get("/graph", params={"focus": "tsmc", "depth": 2}).json()
    assert len(two["nodes"]) > len(one["nodes"])
    capped = client.get("/graph", params={"focus": "tsmc", "depth": 2, "limit": 5}).json()
    assert len(capped["nodes"]) == 5


def test_graph_unknown_focus_404(client):
    assert client.get("/graph", params={"focus": AID + "no-such-thing"}).status_code == 404


def test_entity_json_facts_with_evidence(client):
    r = client.get("/entity/huawei")
    assert r.status_code == 200
    e = r.json()
    assert e["iri"] == AID + "huawei" and e["label"] == "Huawei"
    assert "ChipVendor" in e["types"]
    facts = e["facts"]
    designed = [f for f in facts if f["predicate"].endswith("designedBy") and f["direction"] == "in"]
    assert designed and all(f["evidence"] for f in designed)
    ev = designed[0]["evidence"][0]
    assert set(ev) == {"sentence", "document", "document_title", "document_date", "document_source", "confidence",
                       "extractor"}
    assert ev["sentence"] and 0 <= ev["confidence"] <= 1
    inferred = [f for f in facts if f["inferred"]]
    assert inferred and all(f["rule"] for f in inferred)


@pytest.mark.parametrize("ident", ["huawei", "https://w3id.org/aichip/id/huawei", "aid:huawei"])
def test_entity_ids_and_iris(client, ident):
    assert client.get(f"/entity/{ident}").json()["iri"] == AID + "huawei"


@pytest.mark.parametrize("accept,fmt", [("application/ld+json", "json-ld"), ("text/turtle", "turtle"),
                                        ("application/n-triples", "nt")])
def test_entity_rdf_by_negotiation(client, accept, fmt):
    r = client.get("/entity/tsmc", headers={"Accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
    g = rdflib.Graph().parse(data=r.content, format=fmt)
    assert (rdflib.URIRef(AID + "tsmc"), None, None) in g


def test_entity_html_for_browsers(client):
    r = client.get("/entity/tsmc", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<h1>TSMC</h1>" in r.text and "<script" not in r.text


@pytest.mark.parametrize("path,status", [("/entity/no-such-entity", 404), ("/entity/tsmc?format=yaml", 406)])
def test_entity_errors(client, path, status):
    r = client.get(path)
    assert r.status_code == status and "error" in r.json()


def test_id_dereferences_to_entity(client):
    r = client.get("/id/tsmc", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/entity/")
    assert client.get("/id/tsmc", follow_redirects=True).json()["iri"] == AID + "tsmc"


def test_health_and_stats(client):
    h = client.get("/health").json()
    assert h["status"] == "ok" and h["executor"] == "process"
    s = client.get("/stats").json()
    assert s["quads"] > 1000 and "https://w3id.org/aichip/ontology#Foundry" in s["classes"]


def test_openapi_lists_routes(client):
    doc = client.get("/openapi.json").json()
    for path in ["/sparql", "/update", "/store", "/entity/{ident}", "/search", "/graph", "/ask", "/health", "/stats"]:
        assert path in doc["paths"], path
    assert client.get("/docs").status_code == 200


def test_ask_route_answers_or_says_unavailable(client):
    r = client.get("/ask", params={"q": "Which vendors rely on TSMC?"})
    assert r.status_code in (200, 503)
    body = r.json()
    assert ("question" in body) if r.status_code == 200 else ("error" in body)
    assert client.get("/ask").status_code == 400
