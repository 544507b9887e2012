"""SPARQL 1.1 Protocol at /sparql and /update over real HTTP, including the W3C protocol test cases
(rdf-tests sparql/sparql11/protocol) that apply to a query/update service."""
from __future__ import annotations

from pathlib import Path

import csv
import io
import json
from urllib.parse import urlencode

import httpx
import pytest
import rdflib
from rdflib.query import Result

AIC = "https://w3id.org/aichip/ontology#"
PREFIX = f"PREFIX aic: <{AIC}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
SELECT = PREFIX + "SELECT ?f WHERE { ?f a aic:Foundry } ORDER BY ?f"
ASK = PREFIX + "ASK { ?f a aic:Foundry }"
CONSTRUCT = PREFIX + "CONSTRUCT { ?f a aic:Foundry } WHERE { ?f a aic:Foundry }"
DESCRIBE = "DESCRIBE <https://w3id.org/aichip/id/tsmc>"
FLAGSHIP = (Path(__file__).resolve().parents[1] / "fixtures" / "flagship.rq").read_text(encoding="utf-8")
G1, G2 = "http://kgtest.example/protocol/g1", "http://kgtest.example/protocol/g2"


@pytest.fixture(scope="module")
def datasets(server):
    """Two small named graphs for the dataset test cases (added with the token, removed afterwards)."""
    update = (f"INSERT DATA {{ GRAPH <{G1}> {{ <http://kgtest.example/a> <http://kgtest.example/p> 1 }} "
              f"GRAPH <{G2}> {{ <http://kgtest.example/b> <http://kgtest.example/p> 2 }} }}")
    r = httpx.post(server.url + "/update", data={"update": update}, headers=server.auth)
    assert r.status_code == 204, r.text
    yield
    httpx.post(server.url + "/update", data={"update": f"DROP SILENT GRAPH <{G1}> ; DROP SILENT GRAPH <{G2}>"},
               headers=server.auth)


def form(pairs: list[tuple[str, str]]) -> dict:
    """httpx keyword arguments for a form POST with repeated fields."""
    return {"content": urlencode(pairs).encode(), "headers": {"Content-Type": "application/x-www-form-urlencoded"}}


def bindings(r: httpx.Response) -> list[dict]:
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    return r.json()["results"]["bindings"]


# ------------------------------------------------------------------ W3C protocol: queries
def test_protocol_query_get(client):
    rows = bindings(client.get("/sparql", params={"query": SELECT}))
    assert {"https://w3id.org/aichip/id/tsmc", "https://w3id.org/aichip/id/smic"} <= {r["f"]["value"] for r in rows}


def test_protocol_query_post_form(client):
    rows = bindings(client.post("/sparql", data={"query": SELECT}))
    assert any(r["f"]["value"].endswith("/tsmc") for r in rows)


@pytest.mark.parametrize("ctype", ["application/sparql-query", "application/sparql-query; charset=UTF-8"])
def test_protocol_query_post_direct(client, ctype):
    rows = bindings(client.post("/sparql", content=SELECT.encode(), headers={"Content-Type": ctype}))
    assert any(r["f"]["value"].endswith("/tsmc") for r in rows)


@pytest.mark.parametrize("method", ["get", "post_form"])
def test_protocol_query_dataset_default_graphs(client, datasets, method):
    q = "SELECT ?o WHERE { ?s <http://kgtest.example/p> ?o } ORDER BY ?o"
    params = [("query", q), ("default-graph-uri", G1), ("default-graph-uri", G2)]
    r = client.get("/sparql", params=params) if method == "get" else client.post("/sparql", **form(params))
    assert [b["o"]["value"] for b in bindings(r)] == ["1", "2"]
    one = client.get("/sparql", params=[("query", q), ("default-graph-uri", G1)])
    assert [b["o"]["value"] for b in bindings(one)] == ["1"]


def test_protocol_query_dataset_named_graphs(client, datasets):
    q = "SELECT ?g ?o WHERE { GRAPH ?g { ?s <http://kgtest.example/p> ?o } }"
    r = client.get("/sparql", params=[("query", q), ("named-graph-uri", G2)])
    assert [(b["g"]["value"], b["o"]["value"]) for b in bindings(r)] == [(G2, "2")]


def test_protocol_query_dataset_full(client, datasets):
    q = f"SELECT ?o ?g2 FROM <{G1}> FROM NAMED <{G2}> WHERE {{ ?s ?p ?o OPTIONAL {{ GRAPH ?g2 {{ ?x ?y ?z }} }} }}"
    rows = bindings(client.get("/sparql", params={"query": q}))
    assert {(b["o"]["value"], b["g2"]["value"]) for b in rows} == {("1", G2)}


def test_protocol_query_dataset_protocol_overrides_query(client, datasets):
    q = f"SELECT ?o FROM <{G1}> WHERE {{ ?s <http://kgtest.example/p> ?o }}"
    rows = bindings(client.get("/sparql", params=[("query", q), ("default-graph-uri", G2)]))
    assert [b["o"]["value"] for b in rows] == ["2"]


@pytest.mark.parametrize("query,accept,ctype", [
    (SELECT, "application/sparql-results+xml", "application/sparql-results+xml"),
    (SELECT, "application/sparql-results+json", "application/sparql-results+json"),
    (ASK, "application/sparql-results+json", "application/sparql-results+json"),
    (ASK, "application/sparql-results+xml", "application/sparql-results+xml"),
    (CONSTRUCT, "text/turtle", "text/turtle"),
    (CONSTRUCT, "application/rdf+xml", "application/rdf+xml"),
    (DESCRIBE, "application/n-triples", "application/n-triples"),
    (DESCRIBE, "text/turtle;q=0.5, application/ld+json", "application/ld+json"),
])
def test_protocol_query_content_type(client, query, accept, ctype):
    r = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == ctype


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH"])
def test_protocol_bad_query_method(client, method):
    r = client.request(method, "/sparql", params={"query": ASK})
    assert r.status_code == 405
    assert "error" in r.json()
    assert set(r.headers["allow"].replace(" ", "").split(",")) >= {"GET", "POST"}


@pytest.mark.parametrize("how", ["get", "post_form"])
def test_protocol_bad_multiple_queries(client, how):
    params = [("query", ASK), ("query", SELECT)]
    r = client.get("/sparql", params=params) if how == "get" else client.post("/sparql", **form(params))
    assert r.status_code == 400
    assert "more than one query" in r.json()["error"]


@pytest.mark.parametrize("ctype", ["text/plain", "application/json", None])
def test_protocol_bad_query_wrong_media_type(client, ctype):
    headers = {"Content-Type": ctype} if ctype else {}
    r = client.post("/sparql", content=ASK.encode(), headers=headers)
    assert r.status_code == 415
    assert "content type" in r.json()["error"]


def test_protocol_bad_query_missing_form_type(client):
    r = client.post("/sparql", content=("query=" + ASK).encode(), headers={"Content-Type": ""})
    assert r.status_code == 415


def test_protocol_bad_query_non_utf8(client):
    r = client.post("/sparql", content="SELECT * WHERE { ?s ?p \"café\" }".encode("latin-1"),
                    headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 400


@pytest.mark.parametrize("query", ["SELECT * WHERE { ?s ?p ?o ", "SELEKT ?x WHERE { }", "ASK { ?s ?p }"])
def test_protocol_bad_query_syntax(client, query):
    r = client.get("/sparql", params={"query": query})
    assert r.status_code == 400
    body = r.json()
    assert body["error"].startswith("malformed SPARQL:")
    assert "Traceback" not in r.text


def test_protocol_missing_query(client):
    r = client.get("/sparql")
    assert r.status_code == 400 and "missing query" in r.json()["error"]


# ------------------------------------------------------------------ W3C protocol: updates
def test_protocol_update_post_form(client, server):
    g = "http://kgtest.example/update/form"
    r = client.post("/update", data={"update": f"INSERT DATA {{ GRAPH <{g}> {{ <http://x/s> <http://x/p> 'v' }} }}"},
                    headers=server.auth)
    assert r.status_code == 204
    assert client.get("/sparql", params={"query": f"ASK {{ GRAPH <{g}> {{ ?s ?p 'v' }} }}"}).json()["boolean"] is True
    client.post("/update", data={"update": f"DROP GRAPH <{g}>"}, headers=server.auth)
    assert client.get("/sparql", params={"query": f"ASK {{ GRAPH <{g}> {{ ?s ?p ?o }} }}"}).json()["boolean"] is False


@pytest.mark.parametrize("path", ["/update", "/sparql"])
def test_protocol_update_post_direct(client, server, path):
    g = "http://kgtest.example/update/direct"
    r = client.post(path, content=f"INSERT DATA {{ GRAPH <{g}> {{ <http://x/s> <http://x/p> 1 }} }}".encode(),
                    headers={**server.auth, "Content-Type": "application/sparql-update"})
    assert r.status_code == 204, r.text
    assert client.get("/sparql", params={"query": f"ASK {{ GRAPH <{g}> {{ ?s ?p 1 }} }}"}).json()["boolean"]
    client.post(path, data={"update": f"DROP GRAPH <{g}>"}, headers=server.auth)


def test_protocol_update_via_sparql_form(client, server):
    g = "http://kgtest.example/update/sparqlform"
    r = client.post("/sparql", data={"update": f"INSERT DATA {{ GRAPH <{g}> {{ <http://x/s> <http://x/p> 2 }} }}"},
                    headers=server.auth)
    assert r.status_code == 204
    client.post("/update", data={"update": f"DROP GRAPH <{g}>"}, headers=server.auth)


@pytest.mark.parametrize("path", ["/update", "/sparql"])
def test_protocol_bad_update_get(client, server, path):
    r = client.get(path, params={"update": "CLEAR ALL"}, headers=server.auth)
    assert r.status_code == 400
    assert client.get("/sparql", params={"query": ASK}).json()["boolean"] is True


def test_protocol_bad_multiple_updates(client, server):
    kw = form([("update", "CLEAR GRAPH <http://x/1>"), ("update", "CLEAR GRAPH <http://x/2>")])
    r = client.post("/update", content=kw["content"], headers={**kw["headers"], **server.auth})
    assert r.status_code == 400


def test_protocol_bad_update_wrong_media_type(client, server):
    r = client.post("/update", content=b"CLEAR ALL", headers={**server.auth, "Content-Type": "text/plain"})
    assert r.status_code == 415
    assert client.get("/sparql", params={"query": ASK}).json()["boolean"] is True


def test_protocol_bad_update_syntax(client, server):
    r = client.post("/update", data={"update": "INSERT DATA { <http://x/s> <http://x/p> "}, headers=server.auth)
    assert r.status_code == 400 and r.json()["error"].startswith("malformed SPARQL")


def test_protocol_query_and_update_together_refused(client, server):
    r = client.post("/sparql", data={"query": ASK, "update": "CLEAR ALL"}, headers=server.auth)
    assert r.status_code == 400


# ------------------------------------------------------------------ formats
def parse_results(fmt: str, body: bytes) -> list[dict]:
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(body.decode())))
    if fmt == "tsv":
        return list(csv.DictReader(io.StringIO(body.decode()), delimiter="\t"))
    res = Result.parse(io.BytesIO(body), format=fmt)
    return [dict(zip(res.vars, row)) for row in res]


@pytest.mark.parametrize("fmt,accept", [("json", "application/sparql-results+json"),
                                        ("xml", "application/sparql-results+xml"),
                                        ("csv", "text/csv"), ("tsv", "text/tab-separated-values")])
@pytest.mark.parametrize("by", ["accept", "format"])
def test_sparql_select_formats_parse(client, fmt, accept, by):
    kw = {"headers": {"Accept": accept}} if by == "accept" else {"params": {"query": SELECT, "format": fmt}}
    params = kw.pop("params", {"query": SELECT})
    r = client.get("/sparql", params=params, **kw)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == accept
    rows = parse_results(fmt, r.content)
    assert len(rows) >= 3


@pytest.mark.parametrize("fmt,accept", [("json", "application/sparql-results+json"),
                                        ("xml", "application/sparql-results+xml")])
def test_sparql_ask_formats_parse(client, fmt, accept):
    r = client.get("/sparql", params={"query": ASK}, headers={"Accept": accept})
    assert Result.parse(io.BytesIO(r.content), format=fmt).askAnswer is True


@pytest.mark.parametrize("fmt,accept,rdflib_fmt", [("turtle", "text/turtle", "turtle"),
                                                   ("ntriples", "application/n-triples", "nt"),
                                                   ("rdfxml", "application/rdf+xml", "xml"),
                                                   ("jsonld", "application/ld+json", "json-ld")])
@pytest.mark.parametrize("query", [CONSTRUCT, DESCRIBE])
def test_sparql_graph_formats_parse(client, fmt, accept, rdflib_fmt, query):
    r = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert r.status_code == 200, r.text
    g = rdflib.Graph().parse(data=r.content, format=rdflib_fmt)
    assert len(g) >= 1
    via_param = client.get("/sparql", params={"query": query, "format": fmt})
    assert len(rdflib.Graph().parse(data=via_param.content, format=rdflib_fmt)) == len(g)


@pytest.mark.parametrize("query,accept", [(SELECT, "image/png"), (CONSTRUCT, "image/png"), (SELECT, "text/turtle"),
                                          (ASK, "application/n-triples")])
def test_sparql_not_acceptable(client, query, accept):
    r = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
    assert r.status_code == 406
    assert "error" in r.json()


def test_sparql_unknown_format_param(client):
    assert client.get("/sparql", params={"query": SELECT, "format": "yaml"}).status_code == 406


# ------------------------------------------------------------------ semantics
def test_sparql_flagship_query(client, industry_store):
    expected = {r["name"] for r in industry_store.select(FLAGSHIP)}  # the same graph, in process
    rows = bindings(client.get("/sparql", params={"query": FLAGSHIP}))
    assert {r["name"]["value"] for r in rows} == expected
    assert "NVIDIA" in expected


def test_sparql_default_graph_is_union(client):
    q = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    union = int(bindings(client.get("/sparql", params={"query": q}))[0]["n"]["value"])
    q2 = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    named = int(bindings(client.get("/sparql", params={"query": q2}))[0]["n"]["value"])
    q3 = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }"
    distinct = int(bindings(client.get("/sparql", params={"query": q3}))[0]["n"]["value"])
    # the union is the set of the named graphs' triples: a triple stated in two documents counts once
    assert union == distinct and named >= union > 1000


@pytest.mark.parametrize("query", ["SELECT * WHERE { ?s ?p ?o }", "SELECT * WHERE { ?s ?p ?o } LIMIT 100000",
                                   "SELECT * WHERE { ?s ?p ?o } VALUES ?p { <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> }",
                                   "SELECT * WHERE { ?s a <https://w3id.org/aichip/ontology#Foundry> }"])
def test_sparql_row_cap_is_announced_only_when_it_cuts(client, server, query):
    counting = f"SELECT (COUNT(*) AS ?n) WHERE {{ {query} }}"  # as a subquery: its LIMIT and VALUES count
    total = int(bindings(client.get("/sparql", params={"query": counting}))[0]["n"]["value"])
    r = client.get("/sparql", params={"query": query})
    rows = bindings(r)
    assert len(rows) == min(total, server.max_rows)
    if total > server.max_rows:
        assert r.headers["x-sparql-truncated"] == "true" and r.headers["x-sparql-row-cap"] == str(server.max_rows)
        assert r.json()["truncated"] is True and r.json()["rowCap"] == server.max_rows
    else:
        assert "x-sparql-truncated" not in r.headers and "truncated" not in r.json()


def test_sparql_construct_is_not_cut_at_the_row_cap(client, server):
    q = PREFIX + "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s rdfs:label ?l }"
    distinct = int(bindings(client.get("/sparql", params={
        "query": PREFIX + "SELECT (COUNT(DISTINCT *) AS ?n) WHERE { ?s rdfs:label ?l }"}))[0]["n"]["value"])
    assert distinct > server.max_rows  # the old cap would have cut it
    r = client.get("/sparql", params={"query": q}, headers={"Accept": "application/n-triples"})
    assert r.status_code == 200 and "x-sparql-truncated" not in r.headers
    assert len(set(r.text.strip().splitlines())) == distinct


def test_sparql_small_limit_kept(client):
    rows = bindings(client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 7"}))
    assert len(rows) == 7


# ------------------------------------------------------------------ real clients
def test_sparqlwrapper_select_ask_construct(server):
    from SPARQLWrapper import JSON, TURTLE, SPARQLWrapper
    sw = SPARQLWrapper(server.url + "/sparql")
    sw.setQuery(FLAGSHIP)
    sw.setReturnFormat(JSON)
    res = sw.query().convert()
    assert "NVIDIA" in {b["name"]["value"] for b in res["results"]["bindings"]}
    sw.setQuery(ASK)
    assert sw.query().convert()["boolean"] is True
    sw.setQuery(CONSTRUCT)
    sw.setReturnFormat(TURTLE)
    g = rdflib.Graph().parse(data=sw.query().convert(), format="turtle")
    assert len(g) >= 3


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_sparqlwrapper_methods(server, method):
    from SPARQLWrapper import JSON, POST, GET, SPARQLWrapper
    sw = SPARQLWrapper(server.url + "/sparql")
    sw.setMethod(POST if method == "POST" else GET)
    sw.setQuery(SELECT)
    sw.setReturnFormat(JSON)
    assert len(sw.query().convert()["results"]["bindings"]) >= 3


def test_sparqlwrapper_update_with_token(server):
    from SPARQLWrapper import POST, SPARQLWrapper
    g = "http://kgtest.example/sparqlwrapper"
    sw = SPARQLWrapper(server.url + "/sparql", updateEndpoint=server.url + "/update")
    sw.addCustomHttpHeader("Authorization", f"Bearer {server.token}")
    sw.setMethod(POST)
    sw.setQuery(f"INSERT DATA {{ GRAPH <{g}> {{ <http://x/s> <http://x/p> 3 }} }}")
    sw.query()
    assert httpx.get(server.url + "/sparql", params={"query": f"ASK {{ GRAPH <{g}> {{ ?s ?p 3 }} }}"}).json()["boolean"]
    sw.setQuery(f"DROP GRAPH <{g}>")
    sw.query()


def test_rdflib_sparqlstore(server):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
    g = rdflib.Graph(store=SPARQLStore(server.url + "/sparql", returnFormat="json"))
    names = {str(row.name) for row in g.query(FLAGSHIP)}
    assert "NVIDIA" in names
    assert g.query(ASK).askAnswer is True
    tsmc = rdflib.URIRef("https://w3id.org/aichip/id/tsmc")
    assert (tsmc, rdflib.RDF.type, rdflib.URIRef(AIC + "Foundry")) in g


@pytest.mark.parametrize("fmt", ["xml", "json"])
def test_rdflib_sparqlstore_construct(server, fmt):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
    g = rdflib.Graph(store=SPARQLStore(server.url + "/sparql", returnFormat=fmt))
    assert len(g.query(CONSTRUCT).graph) >= 3


@pytest.mark.parametrize("fmt", ["xml", "json", "csv"])
def test_rdflib_sparqlstore_return_formats(server, fmt):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
    g = rdflib.Graph(store=SPARQLStore(server.url + "/sparql", returnFormat=fmt))
    assert len(list(g.query(SELECT))) >= 3


def test_sparql_cors_header(client):
    r = client.get("/sparql", params={"query": ASK}, headers={"Origin": "http://example.org"})
    assert r.headers.get("access-control-allow-origin") == "*"


def test_sparql_json_error_shape(client):
    r = client.get("/sparql", params={"query": "nonsense"})
    assert set(json.loads(r.text)) == {"error"}


# ------------------------------------------------------------------ compression and the lean path
BIG = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 400"


def test_sparql_large_answer_gzipped_by_worker(server):
    """A big answer is compressed (in the query worker) for a client that accepts gzip, and decodes."""
    with httpx.Client(base_url=server.url, headers={"Accept-Encoding": "gzip"}) as c:
        r = c.get("/sparql", params={"query": BIG})
    assert r.status_code == 200
    assert r.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in r.headers["vary"]
    assert len(r.json()["results"]["bindings"]) == 400
    assert int(r.headers["content-length"]) < len(r.content) / 3  # the bytes on the wire were compressed


@pytest.mark.parametrize("encoding", ["identity", "gzip;q=0", "br"])
def test_sparql_no_gzip_unless_accepted(server, encoding):
    with httpx.Client(base_url=server.url, headers={"Accept-Encoding": encoding}) as c:
        r = c.get("/sparql", params={"query": BIG})
    assert r.status_code == 200
    assert "content-encoding" not in r.headers
    assert len(r.json()["results"]["bindings"]) == 400


def test_sparql_small_answer_not_gzipped(server):
    with httpx.Client(base_url=server.url, headers={"Accept-Encoding": "gzip"}) as c:
        r = c.get("/sparql", params={"query": ASK})
    assert r.status_code == 200 and "content-encoding" not in r.headers


@pytest.mark.parametrize("method", ["HEAD", "OPTIONS"])
def test_sparql_other_methods_reach_the_app(client, method):
    """The lean /sparql path takes only GET and POST; the rest still get the app's answer (405 + Allow)."""
    r = client.request(method, "/sparql", params={"query": ASK})
    assert r.status_code == 405
    assert set(r.headers["allow"].replace(" ", "").split(",")) >= {"GET", "POST"}
