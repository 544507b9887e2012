"""Plain protocol functions: content coding choice and compression (no server)."""
from __future__ import annotations

import gzip

import pytest

from api import protocol


@pytest.mark.parametrize("header,expected", [
    ("gzip", True), ("gzip, deflate, br", True), ("deflate, GZIP;q=0.5", True), ("x-gzip", True),
    ("gzip;q=0", False), ("gzip; q=0.0", False), ("identity", False), ("br, zstd", False), (None, False), ("", False),
])
def test_accepts_gzip(header, expected):
    assert protocol.accepts_gzip(header) is expected


def test_compress_only_large_bodies():
    small = protocol.compress(protocol.Output(body=b"x" * (protocol.GZIP_MIN_BYTES - 1)))
    assert small.body == b"x" * (protocol.GZIP_MIN_BYTES - 1) and "Content-Encoding" not in small.headers
    big_body = b'{"head":{"vars":["s"]}}' * 500
    big = protocol.compress(protocol.Output(body=big_body))
    assert big.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(big.body) == big_body and len(big.body) < len(big_body) / 10


# ------------------------------------------------------------------ formats named by clients
import csv  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402

import pyoxigraph as ox  # noqa: E402

from kg import errors  # noqa: E402


@pytest.mark.parametrize("kind,params,accept,expected", [
    # SPARQLWrapper 2: every setReturnFormat, with the parameters and Accept it really sends
    ("select", ("json", "json", "json"), "application/sparql-results+json,application/json,text/javascript", "json"),
    ("select", ("tsv", "text/tab-separated-values", "tsv", "text/tab-separated-values"), "text/tab-separated-values", "tsv"),
    ("select", ("csv",), "text/csv", "csv"),
    ("select", ("xml",), "application/sparql-results+xml", "xml"),
    ("select", ("turtle",), "*/*", "json"),  # a SELECT asked for as Turtle: Accept decides
    ("graph", ("rdf+xml", "", "rdf+xml", ""), "*/*", "rdfxml"),
    ("graph", ("application/rdf+xml", "rdf+xml"), "application/rdf+xml", "rdfxml"),
    ("graph", ("json-ld", "", "json-ld", ""), "*/*", "jsonld"),
    ("graph", ("application/ld+json,application/x-json+ld", "json-ld"), "application/ld+json", "jsonld"),
    ("graph", ("n3",), "application/turtle,text/turtle,text/rdf+n3,application/n3,text/n3", "turtle"),
    ("graph", ("xml",), "application/rdf+xml", "rdfxml"),
    ("graph", ("json",), "*/*", "jsonld"),
    ("graph", ("csv",), "*/*", "ntriples"),
    # plain Accept headers (curl, httpx, browsers' fetch)
    ("select", (), "application/json", "json"),
    ("select", (), "application/xml", "xml"),
    ("select", (), "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "xml"),
    ("select", (), "application/sparql-results+json,*/*;q=0.9", "json"),
    ("graph", (), "application/json", "jsonld"),
    ("graph", (), "application/xml", "rdfxml"),
    ("graph", (), "text/n3", "turtle"),
    ("graph", (), "text/turtle,*/*;q=0.9", "turtle"),
])
def test_choose_format(kind, params, accept, expected):
    assert protocol.choose_format(kind, accept, params).name == expected


def test_choose_format_unknown_name_refused():
    with pytest.raises(errors.NotAcceptable, match="yaml"):
        protocol.choose_format("select", None, ("yaml",))
    # an unknown name beside a known one: the known one is used
    assert protocol.choose_format("select", None, ("yaml", "csv")).name == "csv"


# ------------------------------------------------------------------ honest truncation
TRICKY = ["plain", 'a "quoted" word', "two\nlines", "crlf\r\nend", "<result>", '"},{"x":', "comma, then {brace}", "tab\there"]


@pytest.fixture(scope="module")
def tricky_store():
    """Rows whose literals contain each format's separators, so a cut at the wrong place would show."""
    from kg.store import open_store
    st = open_store(":memory:")
    p = ox.NamedNode("http://example.org/p")
    quads = [ox.Quad(ox.NamedNode(f"http://example.org/s{i:02d}"), p, ox.Literal(text),
                     ox.NamedNode("http://example.org/g")) for i, text in enumerate(TRICKY)]
    quads.append(ox.Quad(ox.NamedNode("http://example.org/s99"), p, ox.NamedNode("http://example.org/o"),
                         ox.NamedNode("http://example.org/g")))
    st.add(quads)
    return st


ROWS = "SELECT ?s ?o ?unbound WHERE { ?s <http://example.org/p> ?o } ORDER BY ?s"


def _parse(body: bytes, name: str) -> list[list[str]]:
    if name == "csv":
        return list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))[1:]
    res = ox.parse_query_results(body, format=protocol.RESULTS_OX[name])
    return [[str(sol["s"]), str(sol["o"])] for sol in res]


@pytest.mark.parametrize("name", ["json", "xml", "csv", "tsv"])
@pytest.mark.parametrize("cap", [1, 3, 5, 8])
def test_cut_rows_keeps_exactly_the_first_rows(tricky_store, name, cap):
    full = tricky_store.raw_query(ROWS).serialize(format=protocol.RESULTS_OX[name])
    rows = _parse(full, name)
    assert len(rows) == len(TRICKY) + 1
    cut = protocol.cut_rows(full, name, cap)
    assert cut is not None
    assert _parse(cut, name) == rows[:cap]
    if name == "json":
        doc = json.loads(cut)
        assert doc["truncated"] is True and doc["rowCap"] == cap
    assert protocol.cut_rows(full, name, len(rows)) is None  # an answer that just fits is left alone
    assert protocol.cut_rows(full, name, len(rows) + 5) is None


def _job(query: str, **kw) -> dict:
    return {"query": query, "accept": None, "format": (), **kw}


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv", "table"])
def test_run_query_truncated_select_says_so(tricky_store, fmt):
    out = protocol.run_query(tricky_store, _job(ROWS, format=(fmt,), max_rows=4))
    assert out.headers["X-SPARQL-Truncated"] == "true" and out.headers["X-SPARQL-Row-Cap"] == "4"
    if fmt == "table":
        assert protocol.truncation_note(4) in out.body.decode("utf-8")
    else:
        assert len(_parse(out.body, fmt)) == 4


@pytest.mark.parametrize("query", [ROWS, ROWS + " LIMIT 9", ROWS + " LIMIT 3"])
def test_run_query_untruncated_select_says_nothing(tricky_store, query):
    out = protocol.run_query(tricky_store, _job(query, max_rows=9))
    assert "X-SPARQL-Truncated" not in out.headers and "X-SPARQL-Row-Cap" not in out.headers
    doc = json.loads(out.body)
    assert "truncated" not in doc
    assert len(doc["results"]["bindings"]) == (3 if "LIMIT 3" in query else 9)


def test_run_query_limit_above_the_cap_is_cut(tricky_store):
    out = protocol.run_query(tricky_store, _job(ROWS + " LIMIT 1000", max_rows=2))
    assert out.headers.get("X-SPARQL-Truncated") == "true"
    assert len(json.loads(out.body)["results"]["bindings"]) == 2


CONSTRUCT_ALL = "CONSTRUCT { ?s <http://example.org/p> ?o } WHERE { ?s <http://example.org/p> ?o }"


def test_construct_is_never_cut_by_the_row_cap(tricky_store):
    out = protocol.run_query(tricky_store, _job(CONSTRUCT_ALL, format=("ntriples",), max_rows=2, max_triples=100))
    assert len(out.body.decode("utf-8").strip().splitlines()) == len(TRICKY) + 1
    assert "X-SPARQL-Truncated" not in out.headers


@pytest.mark.parametrize("query", [CONSTRUCT_ALL, "DESCRIBE ?s WHERE { ?s <http://example.org/p> ?o }",
                                   "CONSTRUCT WHERE { ?s ?p ?o }"])
def test_graph_above_the_triple_cap_is_refused_naming_it(tricky_store, query):
    whole = protocol.run_query(tricky_store, _job(query, format=("ntriples",), max_triples=0))
    n = len(whole.body.decode("utf-8").strip().splitlines())
    assert n > len(TRICKY)
    exact = protocol.run_query(tricky_store, _job(query, format=("ntriples",), max_triples=n))
    assert exact.body == whole.body
    with pytest.raises(errors.ResultTooLarge, match=f"more than {n - 1:,} triples"):
        protocol.run_query(tricky_store, _job(query, format=("turtle",), max_triples=n - 1))


def test_query_capped_for_the_cli(tricky_store):
    res, cut = protocol.query_capped(tricky_store, ROWS, 3)
    assert cut and len(res.solutions) == 3
    res, cut = protocol.query_capped(tricky_store, ROWS, 0)
    assert not cut and len(res.solutions) == len(TRICKY) + 1
    res, cut = protocol.query_capped(tricky_store, ROWS, len(TRICKY) + 1)
    assert not cut
