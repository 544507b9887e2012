"""Real SPARQL clients against a real `kg serve` over HTTP, and honest truncation as they see it.

The store is built here from tests/fixtures/flagship.ttl (no ../shared): 3 chips, 4 facts each. The
server caps SELECT answers at 5 rows and graphs at 20 triples, so both caps are reached by small queries.
"""
from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from xml.dom import minidom

import httpx
import pytest
import rdflib

from tests.api.conftest import TOKEN, kg, start_server, stop_server
from tests.conftest import FIXTURES

ROW_CAP, TRIPLE_CAP = 5, 20
AIC = "https://w3id.org/aichip/ontology#"
PREFIX = f"PREFIX aic: <{AIC}>\n"
CHIPS = PREFIX + "SELECT ?c WHERE { ?c a aic:Chip } ORDER BY ?c"  # 3 rows
CHIP_GRAPH = PREFIX + "CONSTRUCT { ?c a aic:Chip } WHERE { ?c a aic:Chip }"  # 3 triples
CHIP_FACTS = PREFIX + "CONSTRUCT { ?c ?p ?o } WHERE { ?c a aic:Chip ; ?p ?o }"  # 12 triples: above the row cap
ALL_ROWS = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
CHIP_IRIS = {f"https://w3id.org/aichip/id/{c}" for c in ("h100", "mi300x", "ascend-910b")}


@pytest.fixture(scope="module")
def srv(tmp_path_factory):
    store = str(tmp_path_factory.mktemp("clients") / "store")
    res = kg("load", str(FIXTURES / "flagship.ttl"), "--store", store)
    assert res.returncode == 0, res.stderr
    server = start_server(store, token=TOKEN, max_rows=ROW_CAP, extra_env={"KG_MAX_TRIPLES": str(TRIPLE_CAP)})
    yield server
    stop_server(server)


@pytest.fixture(scope="module")
def endpoint(srv) -> str:
    return srv.url + "/sparql"


def count(endpoint: str, where: str) -> int:
    r = httpx.get(endpoint, params={"query": PREFIX + f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"})
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


# ------------------------------------------------------------------ SPARQLWrapper 2, every return format
def _sparqlwrapper(endpoint: str, query: str, fmt: str, method: str):
    from SPARQLWrapper import GET, POST, SPARQLWrapper
    sw = SPARQLWrapper(endpoint)
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    sw.setMethod(POST if method == "POST" else GET)
    res = sw.query()
    assert res.response.status == 200
    return res


def _select_values(fmt: str, data) -> set[str]:
    if fmt == "json":
        return {b["c"]["value"] for b in data["results"]["bindings"]}
    if fmt == "xml":
        return {u.firstChild.data for u in data.getElementsByTagName("uri")}
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    rows = list(csv.reader(io.StringIO(text), delimiter="\t" if fmt == "tsv" else ","))[1:]
    return {r[0].strip("<>") for r in rows}


@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_sparqlwrapper_select_every_format(endpoint, fmt, method):
    res = _sparqlwrapper(endpoint, CHIPS, fmt, method)
    assert _select_values(fmt, res.convert()) == CHIP_IRIS


# SPARQLWrapper 2 has no N-Triples return format (N-Triples is checked with plain HTTP below)
@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("fmt,parse_as", [("turtle", "turtle"), ("n3", "n3"), ("rdf+xml", "xml"), ("rdf", None),
                                          ("json-ld", "json-ld"), ("xml", None), ("json", "json-ld")])
def test_sparqlwrapper_construct_every_format(endpoint, fmt, parse_as, method):
    res = _sparqlwrapper(endpoint, CHIP_GRAPH, fmt, method)
    data = res.convert()  # SPARQLWrapper parses RDF/XML (rdf, xml) into an rdflib Graph itself
    g = data if isinstance(data, rdflib.Graph) else rdflib.Graph().parse(
        data=data if isinstance(data, (bytes, str)) else json.dumps(data), format=parse_as)
    assert {str(s) for s in g.subjects()} == CHIP_IRIS and len(g) == 3


def test_sparqlwrapper_ask(endpoint):
    res = _sparqlwrapper(endpoint, PREFIX + "ASK { ?c a aic:Chip }", "json", "GET")
    assert res.convert()["boolean"] is True


# ------------------------------------------------------------------ rdflib SPARQLStore / SPARQLUpdateStore
@pytest.mark.parametrize("method", ["GET", "POST"])
@pytest.mark.parametrize("return_format", ["xml", "json", "csv"])
def test_rdflib_sparqlstore(endpoint, method, return_format):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
    g = rdflib.Graph(store=SPARQLStore(endpoint, method=method, returnFormat=return_format))
    assert {str(row.c) for row in g.query(CHIPS)} == CHIP_IRIS
    assert len(g.query(CHIP_GRAPH).graph) == 3
    if return_format != "csv":  # CSV results cannot tell an IRI from a string, so triple patterns need XML/JSON
        assert (rdflib.URIRef(sorted(CHIP_IRIS)[0]), rdflib.RDF.type, rdflib.URIRef(AIC + "Chip")) in g


def test_rdflib_sparqlupdatestore_reads_and_writes(srv, endpoint):
    from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore
    st = SPARQLUpdateStore(endpoint, srv.url + "/update", method="POST", headers=dict(srv.auth))
    g = rdflib.Graph(store=st)
    assert {str(row.c) for row in g.query(CHIPS)} == CHIP_IRIS
    name = rdflib.URIRef("http://kgtest.example/clients/updatestore")
    s, p = rdflib.URIRef("http://kgtest.example/s"), rdflib.URIRef("http://kgtest.example/p")
    named = rdflib.Graph(store=st, identifier=name)
    named.add((s, p, rdflib.Literal(7)))
    try:
        assert httpx.get(endpoint, params={"query": f"ASK {{ GRAPH <{name}> {{ <{s}> <{p}> 7 }} }}"}).json()["boolean"]
    finally:
        st.update(f"DROP SILENT GRAPH <{name}>")
    assert not httpx.get(endpoint, params={"query": f"ASK {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"}).json()["boolean"]


# ------------------------------------------------------------------ plain HTTP (curl, httpx) by media type
@pytest.mark.parametrize("accept,media", [
    ("application/json", "application/sparql-results+json"), ("application/xml", "application/sparql-results+xml"),
    ("application/sparql-results+json", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"), ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"), ("text/plain", "text/plain"), ("*/*", "application/sparql-results+json"),
])
def test_http_select_by_accept(endpoint, accept, media):
    r = httpx.get(endpoint, params={"query": CHIPS}, headers={"Accept": accept})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media
    assert all(iri in r.text for iri in CHIP_IRIS)


@pytest.mark.parametrize("accept,media,parse_as", [
    ("text/turtle", "text/turtle", "turtle"), ("application/n-triples", "application/n-triples", "nt"),
    ("application/rdf+xml", "application/rdf+xml", "xml"), ("application/ld+json", "application/ld+json", "json-ld"),
    ("text/n3", "text/turtle", "n3"), ("application/json", "application/ld+json", "json-ld"),
    ("application/xml", "application/rdf+xml", "xml"), ("*/*", "text/turtle", "turtle"),
])
def test_http_construct_by_accept(endpoint, accept, media, parse_as):
    r = httpx.get(endpoint, params={"query": CHIP_GRAPH}, headers={"Accept": accept})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].split(";")[0] == media
    assert len(rdflib.Graph().parse(data=r.content, format=parse_as)) == 3


@pytest.mark.skipif(shutil.which("curl") is None, reason="no curl binary")
@pytest.mark.parametrize("accept", ["application/json", "application/sparql-results+json", "text/csv"])
def test_curl(endpoint, accept):
    out = subprocess.run(["curl", "-sS", "-o", "-", "-w", "\n%{http_code}", "-H", f"Accept: {accept}",
                          "--data-urlencode", f"query={CHIPS}", endpoint], capture_output=True, text=True, timeout=30)
    body, _, status = out.stdout.rpartition("\n")
    assert status == "200", out.stdout + out.stderr
    assert all(iri in body for iri in CHIP_IRIS)


# ------------------------------------------------------------------ YASGUI-style requests
def test_yasgui_style_requests(srv, endpoint):
    yasgui = {"Accept": "application/sparql-results+json,*/*;q=0.9",
              "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8", "Origin": "http://yasgui.example"}
    r = httpx.post(endpoint, data={"query": CHIPS}, headers=yasgui)
    assert r.status_code == 200 and r.headers["access-control-allow-origin"] == "*"
    assert {b["c"]["value"] for b in r.json()["results"]["bindings"]} == CHIP_IRIS
    r = httpx.post(endpoint, data={"query": CHIP_GRAPH}, headers={**yasgui, "Accept": "text/turtle,*/*;q=0.9"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    pre = httpx.options(endpoint, headers={"Origin": "http://yasgui.example", "Access-Control-Request-Method": "POST",
                                           "Access-Control-Request-Headers": "content-type"})
    assert pre.status_code == 200 and "POST" in pre.headers["access-control-allow-methods"]


# ------------------------------------------------------------------ /sparql in a browser
BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


def test_browser_gets_a_query_form_that_works_offline(endpoint):
    r = httpx.get(endpoint, headers=BROWSER)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = r.text
    assert '<form method="get" action="/sparql">' in page and 'name="query"' in page
    assert "<script" not in page and 'src="http' not in page and 'href="http' not in page  # nothing from a CDN
    assert f"{ROW_CAP:,} rows" in page
    # submitting the form with its default choice shows a table the browser displays
    run = httpx.get(endpoint, params={"query": CHIPS, "format": "table"}, headers=BROWSER)
    assert run.status_code == 200 and run.headers["content-type"].startswith("text/plain")
    assert all(iri in run.text for iri in CHIP_IRIS)


def test_programs_without_a_query_still_get_an_error(endpoint):
    r = httpx.get(endpoint, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 400 and "missing query" in r.json()["error"]


# ------------------------------------------------------------------ honest truncation, as clients see it
@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_truncated_select_says_so(endpoint, fmt):
    total = count(endpoint, "?s ?p ?o")
    assert total > ROW_CAP
    r = httpx.get(endpoint, params={"query": ALL_ROWS, "format": fmt})
    assert r.status_code == 200
    assert r.headers["x-sparql-truncated"] == "true" and r.headers["x-sparql-row-cap"] == str(ROW_CAP)
    if fmt == "json":
        doc = r.json()
        assert doc["truncated"] is True and doc["rowCap"] == ROW_CAP and len(doc["results"]["bindings"]) == ROW_CAP
    elif fmt == "xml":
        assert len(minidom.parseString(r.content).getElementsByTagName("result")) == ROW_CAP
    else:
        assert len(r.text.strip().splitlines()) == ROW_CAP + 1


@pytest.mark.parametrize("query", [CHIPS, ALL_ROWS + f" LIMIT {ROW_CAP}", PREFIX + "ASK { ?s ?p ?o }"])
def test_untruncated_answer_says_nothing(endpoint, query):
    r = httpx.get(endpoint, params={"query": query})
    assert r.status_code == 200
    assert "x-sparql-truncated" not in r.headers and "x-sparql-row-cap" not in r.headers
    assert "truncated" not in r.json()


def test_sparqlwrapper_sees_the_truncation(endpoint):
    res = _sparqlwrapper(endpoint, ALL_ROWS, "json", "GET")
    assert res.response.headers["X-SPARQL-Truncated"] == "true"
    assert len(res.convert()["results"]["bindings"]) == ROW_CAP


def test_construct_is_complete_past_the_row_cap(endpoint):
    expected = count(endpoint, "?c a aic:Chip ; ?p ?o")
    assert ROW_CAP < expected <= TRIPLE_CAP
    r = httpx.get(endpoint, params={"query": CHIP_FACTS}, headers={"Accept": "application/n-triples"})
    assert r.status_code == 200 and "x-sparql-truncated" not in r.headers
    assert len(rdflib.Graph().parse(data=r.content, format="nt")) == expected


@pytest.mark.parametrize("query", ["CONSTRUCT WHERE { ?s ?p ?o }", "DESCRIBE ?s WHERE { ?s ?p ?o }"])
def test_graph_above_the_triple_cap_is_refused_not_cut(endpoint, query):
    r = httpx.get(endpoint, params={"query": query}, headers={"Accept": "text/turtle"})
    assert r.status_code == 422
    message = r.json()["error"]
    assert f"more than {TRIPLE_CAP} triples" in message and "refused rather than cut" in message
    # rdflib's SPARQLStore surfaces the refusal as an error, never as a short graph
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
    with pytest.raises(ValueError):
        rdflib.Graph(store=SPARQLStore(endpoint, method="GET")).query(query)
    res = rdflib.Graph(store=SPARQLStore(endpoint, method="POST")).query(query)
    assert res[0] == 422  # rdflib's POST path hands back (status, message, None) instead of raising
