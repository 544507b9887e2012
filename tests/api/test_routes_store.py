"""Graph Store HTTP Protocol at /store over real HTTP."""
from __future__ import annotations

import httpx
import pytest
import rdflib

G = "http://kgtest.example/gsp/graph"
TTL = b"@prefix ex: <http://kgtest.example/> . ex:a ex:p 1 ; ex:q \"x\"@en ."


@pytest.fixture()
def gsp(server):
    c = server.client()
    yield c
    c.delete("/store", params={"graph": G}, headers=server.auth)
    c.close()


def get_graph(c, graph=G, accept="text/turtle") -> rdflib.Graph:
    r = c.get("/store", params={"graph": graph}, headers={"Accept": accept})
    assert r.status_code == 200, r.text
    return rdflib.Graph().parse(data=r.content, format={"text/turtle": "turtle",
                                                         "application/n-triples": "nt",
                                                         "application/rdf+xml": "xml",
                                                         "application/ld+json": "json-ld"}[accept])


@pytest.mark.parametrize("ctype,body", [
    ("text/turtle", TTL),
    ("application/n-triples", b"<http://kgtest.example/a> <http://kgtest.example/p> \"1\"^^<http://www.w3.org/2001/XMLSchema#integer> .\n"
                              b"<http://kgtest.example/a> <http://kgtest.example/q> \"x\"@en .\n"),
    ("application/ld+json", b'{"@id": "http://kgtest.example/a", "http://kgtest.example/p": 1, '
                            b'"http://kgtest.example/q": {"@value": "x", "@language": "en"}}'),
])
def test_store_put_get_roundtrip(gsp, server, ctype, body):
    r = gsp.put("/store", params={"graph": G}, content=body, headers={**server.auth, "Content-Type": ctype})
    assert r.status_code == 201
    g = get_graph(gsp)
    assert len(g) == 2
    r = gsp.put("/store", params={"graph": G}, content=body, headers={**server.auth, "Content-Type": ctype})
    assert r.status_code == 204  # replaced, not created


@pytest.mark.parametrize("accept", ["text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json"])
def test_store_get_formats(gsp, server, accept):
    gsp.put("/store", params={"graph": G}, content=TTL, headers={**server.auth, "Content-Type": "text/turtle"})
    assert len(get_graph(gsp, accept=accept)) == 2


def test_store_post_merges_and_delete_removes(gsp, server):
    h = {**server.auth, "Content-Type": "text/turtle"}
    assert gsp.post("/store", params={"graph": G}, content=TTL, headers=h).status_code == 201
    assert gsp.post("/store", params={"graph": G}, content=b"<http://kgtest.example/b> <http://kgtest.example/p> 2 .",
                    headers=h).status_code == 204
    assert len(get_graph(gsp)) == 3
    assert gsp.delete("/store", params={"graph": G}, headers=server.auth).status_code == 204
    assert gsp.get("/store", params={"graph": G}).status_code == 404
    assert gsp.delete("/store", params={"graph": G}, headers=server.auth).status_code == 404


def test_store_put_replaces(gsp, server):
    h = {**server.auth, "Content-Type": "text/turtle"}
    gsp.put("/store", params={"graph": G}, content=TTL, headers=h)
    gsp.put("/store", params={"graph": G}, content=b"<http://kgtest.example/c> <http://kgtest.example/p> 3 .", headers=h)
    g = get_graph(gsp)
    assert len(g) == 1 and (rdflib.URIRef("http://kgtest.example/c"), None, None) in g


def test_store_write_visible_to_sparql(gsp, server):
    gsp.put("/store", params={"graph": G}, content=TTL, headers={**server.auth, "Content-Type": "text/turtle"})
    r = gsp.get("/sparql", params={"query": "ASK { <http://kgtest.example/a> <http://kgtest.example/p> 1 }"})
    assert r.json()["boolean"] is True


@pytest.mark.parametrize("ctype,body,status", [("text/turtle", b"<http://x/a> <http://x/p> ", 400),
                                               ("image/png", b"\x89PNG", 415), ("", TTL, 415)])
def test_store_bad_bodies_change_nothing(gsp, server, ctype, body, status):
    r = gsp.put("/store", params={"graph": G}, content=body, headers={**server.auth, "Content-Type": ctype})
    assert r.status_code == status
    assert "error" in r.json()
    assert gsp.get("/store", params={"graph": G}).status_code == 404


@pytest.mark.parametrize("params", [{}, {"graph": G, "default": ""}])
def test_store_put_needs_one_target(gsp, server, params):
    r = gsp.put("/store", params=params, content=TTL, headers={**server.auth, "Content-Type": "text/turtle"})
    assert r.status_code == 400


def test_store_get_whole_dataset_as_nquads(gsp):
    r = gsp.get("/store", headers={"Accept": "application/n-quads"})
    assert r.status_code == 200
    ds = rdflib.Dataset()
    ds.parse(data=r.content, format="nquads")
    assert len(ds) > 1000 or sum(1 for _ in ds.quads()) > 1000


def test_store_default_graph(gsp, server):
    h = {**server.auth, "Content-Type": "text/turtle"}
    body = b"<http://kgtest.example/d> <http://kgtest.example/p> 4 ."
    assert gsp.post("/store", params={"default": ""}, content=body, headers=h).status_code == 204
    r = gsp.get("/store", params={"default": ""}, headers={"Accept": "application/n-triples"})
    assert b"http://kgtest.example/d" in r.content
    assert gsp.delete("/store", params={"default": ""}, headers=server.auth).status_code == 204
    r = gsp.get("/store", params={"default": ""}, headers={"Accept": "application/n-triples"})
    assert b"http://kgtest.example/d" not in r.content
